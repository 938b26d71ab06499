// FAQ tables as support teams keep them (scripts/fixtures/make-tables.mjs), read end to end through
// ingestFile: the sections' heading paths, similar questions and answers, and one warning for
// every row that was dropped or is questionable.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../core/problems.js';
import type { Document } from '../document.js';
import { expandInputs } from '../expand.js';
import { ingestFile } from '../ingest.js';
import { isTabSeparatedFaq, parseFaqCsv } from './table.js';

const generated = fileURLToPath(new URL('../../../fixtures/generated/', import.meta.url));
const script = new URL('../../../scripts/fixtures/make-tables.mjs', import.meta.url).href;
const NAMES = ['ops-faq.xlsx', 'merged-header.xlsx', 'two-row-header.xlsx', 'shop-faq.xlsx', 'faq-gbk.csv', 'faq-utf16.txt', 'faq-utf16.tsv', 'faq-semicolon.csv', 'faq-bot.csv', 'faq-array.json', 'faq-wrapped.json', 'faq-bad-array.json'];

interface FixtureModule {
  makeTableFixtures: (outDir: string) => Promise<void>;
}

beforeAll(async () => {
  // `npm test` makes them (scripts/make-fixtures.mjs); make them here too when run on their own
  if (NAMES.some((n) => !existsSync(join(generated, n)))) {
    const { makeTableFixtures } = (await import(script)) as FixtureModule;
    await makeTableFixtures(generated);
  }
});

async function read(name: string): Promise<Document> {
  const r = await ingestFile(name, { cwd: generated });
  if (!r.ok) throw new Error(`ingest failed: ${r.problems.map(formatProblem).join('; ')}`);
  return r.value;
}

const lines = (warnings: readonly Problem[]): string[] => warnings.map(formatProblem);
const paths = (doc: Document): string[] => doc.sections.map((s) => s.headingPath.join(' › '));

describe('an ops team workbook (ops-faq.xlsx)', () => {
  let doc: Document;
  beforeAll(async () => {
    doc = await read('ops-faq.xlsx');
  });

  it('reads every category sheet, with the sheet and the merged-down 分类 cell as the heading path', () => {
    expect(paths(doc)).toEqual([
      '退货退款 › 退货 › 收到的商品不想要了可以退货吗？',
      '退货退款 › 退货 › 退货的运费谁来承担？',
      '退货退款 › 退款 › 退款多久能到账？',
      '退货退款 › 退款 › 退款会退到哪里？',
      '退货退款 › 退款 › 部分退款怎么申请？',
      '物流配送 › 发货 › 下单后多久发货？',
      '物流配送 › 发货 › 大促期间什么时候发货？',
      '物流配送 › 运费 › 运费险赔多少？',
      '物流配送 › 售后 › 发票在哪里申请？',
      '物流配送 › 售后 › 保修多久？',
      '物流配送 › 售后 › 退货的运费谁来承担？',
      '物流配送 › 运费 › 偏远地区运费多少？',
    ]);
    // a row's location is its sheet and its row on that sheet (rows 4 are on two sheets)
    expect(doc.sections.map((s) => `${s.location.sheet}:${s.location.line}`)).toEqual([
      ...['退货退款:4', '退货退款:5', '退货退款:7', '退货退款:8', '退货退款:9'],
      ...['物流配送:4', '物流配送:5', '物流配送:7', '物流配送:8', '物流配送:10', '物流配送:11', '物流配送:12'],
    ]);
    expect(doc.sections[0]?.faq?.tags).toEqual(['退货']);
  });

  it('reads the question merged across two columns once, and similar questions from 相似问法1…5 and from one cell split on ； 、 || and line breaks', () => {
    const similar = (question: string): string[] | undefined => doc.sections.find((s) => s.faq?.question === question)?.faq?.similar;
    expect(similar('收到的商品不想要了可以退货吗？')).toEqual(['不想要了能退吗', '七天无理由退货怎么申请']);
    expect(similar('退货的运费谁来承担？')).toEqual(['退货运费谁出', '寄回去的邮费要我出吗', '退货要自己付运费吗']);
    expect(similar('退款多久能到账？')).toEqual(['退款什么时候到', '钱什么时候退回来', '退款几天能到账']);
    expect(similar('退款会退到哪里？')).toEqual(['退款退到哪', '钱退到哪里了']);
    expect(similar('部分退款怎么申请？')).toEqual(['只退一部分钱', '少发了怎么退款']);
  });

  it('reads answers that are formulas (cached values), dates, percentages, currency formats, hyperlinks and rich text as Excel shows them', () => {
    const answer = (question: string): string | undefined => doc.sections.find((s) => s.faq?.question === question)?.text;
    expect(answer('下单后多久发货？')).toBe('付款后48小时内发货。');
    expect(answer('大促期间什么时候发货？')).toBe('2026-11-11');
    expect(answer('运费险赔多少？')).toBe('5%');
    expect(answer('偏远地区运费多少？')).toBe('¥1,280.00起');
    expect(answer('发票在哪里申请？')).toBe('在发票中心申请电子发票 (https://example.com/invoice)');
    expect(answer('保修多久？')).toBe('电器类商品一年免费保修。');
  });

  it('reports each dropped or questionable row in one line naming the sheet and row, and the sheets it did not read (its 更新日期 column is metadata: no warning)', () => {
    expect(lines(doc.warnings)).toEqual([
      expect.stringMatching(/^ops-faq\.xlsx: sheets "说明", "下拉选项" have no FAQ header .* not read/u),
      expect.stringMatching(/^ops-faq\.xlsx: hidden sheet "旧版问题" has FAQ rows and was not read; unhide it/u),
      expect.stringMatching(/^ops-faq\.xlsx:sheet 退货退款:row 6: row 6 is marked "停用" in the 状态 column and was not read; set it to 启用/u),
      expect.stringMatching(/^ops-faq\.xlsx:sheet 退货退款:row 8: row 8 is hidden in Excel and was read like the others/u),
      expect.stringMatching(/^ops-faq\.xlsx:sheet 物流配送:row 6: row skipped: the 答案 column holds a formula with no saved result.*save it/u),
      expect.stringMatching(/^ops-faq\.xlsx:sheet 物流配送:row 9: row 9 is marked "停用" in the 状态 column and was not read/u),
      expect.stringMatching(/^ops-faq\.xlsx:sheet 物流配送:row 11: asks the question "退货的运费谁来承担？" of sheet "退货退款" row 5 — the same question with different answers/u),
    ]);
  });

  it('keeps section ids as the question alone made them, whatever the category above it', async () => {
    const { createHash } = await import('node:crypto');
    const id = (question: string, n: number): string => createHash('sha256').update(`ops-faq.xlsx\u0000${question}\u0000${n}`).digest('hex').slice(0, 16);
    expect(doc.sections.at(-3)?.id).toBe(id('保修多久？', 0));
    // a question asked on two sheets: the second is its second occurrence
    expect(doc.sections.at(-2)?.id).toBe(id('退货的运费谁来承担？', 1));
  });
});

it('reads a two-row header (相似问法 over 1 | 2 | 3, the other names merged down) as one header, not as a row', async () => {
  const doc = await read('two-row-header.xlsx');
  expect(doc.sections.map((s) => [s.faq?.id, s.faq?.question, s.faq?.similar, s.location.line])).toEqual([
    ['B01', '退货运费谁出？', ['运费谁承担', '退货邮费谁付'], 3],
    ['B02', '多久发货？', ['什么时候发货'], 4],
  ]);
  expect(doc.warnings).toEqual([]);
});

it('reads a similar-questions header merged over three columns as three similar columns, and reports a column with values but no header', async () => {
  const doc = await read('merged-header.xlsx');
  expect(doc.sections.map((s) => [s.faq?.id, s.faq?.similar])).toEqual([
    ['A01', ['退款什么时候到', '钱什么时候退回来', '退款几天能到账']],
    ['A02', ['开票']],
    ['A03', ['修改收货地址', '地址填错了']],
  ]);
  expect(lines(doc.warnings)).toEqual([
    expect.stringMatching(/^merged-header\.xlsx:row 2: column G has no name in the header \(row 1\) but rows 2, 4 have values in it; they were ignored: give the column a header/u),
  ]);
});

describe('a Tmall/Douyin shop\'s knowledge export (shop-faq.xlsx)', () => {
  let doc: Document;
  beforeAll(async () => {
    doc = await read('shop-faq.xlsx');
  });

  it('switches off the rows the back ends mark 下架, 已下架, 停售, 待审核 or inactive, and a status kb does not know (已撤柜), each reported', () => {
    // before: 下架 and 已撤柜 were read as enabled (with a warning), and the retired FAQs went live
    expect(doc.sections.map((s) => s.faq?.id)).toEqual(['S01', 'S04', 'S06', 'S10', 'S11']);
    expect(lines(doc.warnings)).toEqual([
      'shop-faq.xlsx:row 3: rows 3, 4, 6, 8, 10 are marked "下架" or "已下架" or "停售" or "待审核" or "inactive" in the 状态 column and were not read; set them to 启用 (enabled, true) to make entries of them [bad-row]',
      'shop-faq.xlsx:row 9: row 9 has the status "已撤柜", which kb does not know, in the 状态 column; it was not read (a status kb does not know switches a row off, so a retired row never goes live): write 启用 (enabled) to make an entry of it, or 停用 (disabled) [bad-table]',
    ]);
  });

  it('reads similar questions numbered in their cell without the numbers, and keeps a number that is no numbering', () => {
    expect(doc.sections.map((s) => [s.faq?.id, s.faq?.similar])).toEqual([
      // before: 1、退货邮费谁付 and 2、寄回运费谁承担, numbers and all
      ['S01', ['退货邮费谁付', '寄回运费谁承担']],
      ['S04', ['试色了能退吗', '拆封了还能退吗']],
      ['S06', ['2、3号能发货吗']],
      ['S10', ['怎么升银卡', '怎么升金卡', '金卡有什么权益']],
      ['S11', ['1.5公斤以上要加运费吗']],
    ]);
  });
});

describe('CSV and TSV as Excel and bot platforms save them', () => {
  it('reads GBK CSV from Excel on Chinese Windows, with a multi-line quoted answer and 分类 as the heading path', async () => {
    const doc = await read('faq-gbk.csv');
    expect(paths(doc)).toEqual(['退货 › 收到的商品不想要了可以退货吗？', '退款 › 退款多久能到账？', '发票 › 发票在哪里申请？']);
    expect(doc.sections[1]?.text).toBe('验收通过后1个工作日内发起退款：\n支付宝、微信支付1-3个工作日到账；\n银行卡3-5个工作日到账。');
    expect(doc.warnings).toEqual([]);
  });

  it('reads Excel\'s "Unicode text" (UTF-16LE, tabs) saved as .txt or .tsv as a FAQ table', async () => {
    for (const name of ['faq-utf16.txt', 'faq-utf16.tsv']) {
      const doc = await read(name);
      expect(paths(doc), name).toEqual(['退货的运费谁来承担？', '订单满多少包邮？']);
      expect(doc.sections[0]?.faq?.similar, name).toEqual(['退货运费谁出', '寄回去的邮费要我出吗']);
      expect(doc.warnings, name).toEqual([]);
    }
  });

  it('reads a semicolon-separated CSV with an English header and an "Alternate questions" column', async () => {
    const doc = await read('faq-semicolon.csv');
    expect(paths(doc)).toEqual(['Refunds › How long does a refund take?', 'Shipping › Do you ship to Canada?']);
    expect(doc.sections[0]?.faq?.similar).toEqual(['When do I get my money back', 'refund time']);
    expect(doc.sections[0]?.text).toBe('Refunds are issued within 1 business day; banks take 3-5 days.');
  });

  it('reads a bot platform export (知识标题, 回复内容, 类目路径, 状态; 创建人 and 更新时间 are metadata, read without a warning) and reports the repeated question, the empty answer and the disabled row', async () => {
    const doc = await read('faq-bot.csv');
    expect(paths(doc)).toEqual(['售后 › 退货 › 退货的运费谁来承担？', '售后 › 退款 › 退款多久能到账？', '售后 › 退款 › 退款多久能到账？']);
    expect(doc.sections[0]?.faq?.similar).toEqual(['退货运费谁出', '寄回去的邮费要我出吗']);
    expect(lines(doc.warnings)).toEqual([
      expect.stringMatching(/^faq-bot\.csv:line 5: asks the question "退款多久能到账？" of line 4 — the same question with different answers/u),
      expect.stringMatching(/^faq-bot\.csv:line 6: row skipped: the question "怎么修改收货地址？" has no answer; fill in the 回复内容 column/u),
      expect.stringMatching(/^faq-bot\.csv:line 7: line 7 is marked "停用" in the 状态 column and was not read/u),
    ]);
  });

  it('reads a team sheet\'s "Alternate phrasings" column, one per line, and takes Last reviewed for metadata (no warning)', () => {
    const csv = 'Question,Alternate phrasings,Answer,Category,Last reviewed\n"Do gift cards expire?","do giftcards run out\ngift card expiry","No, never.",Payments,2026-03-15\n';
    const r = parseFaqCsv(csv, { file: 'faq.csv', maxUnzippedBytes: 1 });
    expect(r.ok && r.value.rows.map((x) => [x.row.question, x.row.similar])).toEqual([['Do gift cards expire?', ['do giftcards run out', 'gift card expiry']]]);
    expect(r.ok && r.value.warnings).toEqual([]);
  });

  it('tries the other delimiters when the first line\'s comma is inside a tab-separated header', () => {
    const r = parseFaqCsv('*问题\t答案【必填】\t相似问题（多个用,分隔）\n退货运费谁出\t商家承担\t运费谁出\n', { file: 't.tsv', maxUnzippedBytes: 1 });
    expect(r.ok && r.value.rows.map((x) => [x.row.question, x.row.similar])).toEqual([['退货运费谁出', ['运费谁出']]]);
  });

  it('tells a tab-separated FAQ table from plain text', () => {
    expect(isTabSeparatedFaq('问题\t答案\n退货\t可以\n')).toBe(true);
    expect(isTabSeparatedFaq('退换货政策\n\n商品签收后7天内\t可以退货。\n')).toBe(false);
  });
});

describe('JSON as bot platforms export it', () => {
  it('reads a JSON array with camelCase keys, an enabled flag and a category, each item at its line', async () => {
    const doc = await read('faq-array.json');
    expect(doc.format).toBe('json');
    expect(paths(doc)).toEqual(['退货 › 退货的运费谁来承担？', '退款 › 退款多久能到账？']);
    expect(doc.sections.map((s) => [s.faq?.id, s.location.line])).toEqual([
      ['kb-001', 2],
      ['kb-002', 12],
    ]);
    expect(doc.sections[0]?.faq?.similar).toEqual(['退货运费谁出', '寄回去的邮费要我出吗']);
    expect(lines(doc.warnings)).toEqual([expect.stringMatching(/^faq-array\.json:line 22: line 22 is marked "false" in the enabled field and was not read/u)]);
  });

  it('finds the FAQ list inside the object an API wraps it in', async () => {
    const doc = await read('faq-wrapped.json');
    expect(doc.sections.map((s) => [s.faq?.id, s.faq?.question, s.faq?.similar, s.location.line])).toEqual([
      ['101', '订单满多少包邮？', ['包邮吗', '满多少免运费'], 7],
      ['102', '发票在哪里申请？', [], 13],
    ]);
    expect(doc.warnings).toEqual([]);
  });

  it('reads the rest of a JSON array when one item is malformed, naming the bad line', async () => {
    const doc = await read('faq-bad-array.json');
    expect(paths(doc)).toEqual(['退货的运费谁来承担？']);
    expect(lines(doc.warnings)).toEqual([expect.stringMatching(/^faq-bad-array\.json:line 9: row skipped: the item is not valid JSON \(.+\); write each item as a JSON object/u)]);
  });
});

it('reads a .json file when it is named, not when a folder holds it (an index or package.json is no FAQ table)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-json-'));
  try {
    writeFileSync(join(dir, 'faq.json'), '[{"question": "q", "answer": "a"}]');
    writeFileSync(join(dir, 'faq.csv'), 'question,answer\nq,a\n');
    expect((await expandInputs(['.'], dir)).files).toEqual(['faq.csv']);
    expect((await expandInputs(['faq.json', '*.json'], dir)).files).toEqual(['faq.json']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('the fixture script makes the same bytes every run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kb-tables-'));
  try {
    const { makeTableFixtures } = (await import(script)) as FixtureModule;
    await makeTableFixtures(dir);
    for (const name of NAMES) expect(readFileSync(join(dir, name)).equals(readFileSync(join(generated, name))), name).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
