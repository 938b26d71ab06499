import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem, Result } from '../../core/problems.js';
import { cellText } from './excel.js';
import {
  MAX_ROW_WARNINGS,
  detectDelimiter,
  fieldOfHeader,
  isMetadataColumn,
  normalizeHeader,
  parseFaqCsv,
  parseFaqJsonl,
  parseFaqXlsx,
  splitCsv,
  type TableParse,
} from './table.js';

const tables = fileURLToPath(new URL('../../../fixtures/ingest/tables/', import.meta.url));
const generated = fileURLToPath(new URL('../../../fixtures/generated/', import.meta.url));
const srcDir = fileURLToPath(new URL('../../', import.meta.url));
const script = new URL('../../../scripts/fixtures/make-xlsx.mjs', import.meta.url).href;
const XLSX_NAMES = ['faq-zh.xlsx', 'no-header.xlsx', 'not-a-zip.xlsx', 'bomb.xlsx', 'lying-size.xlsx'];
const MB = 1024 * 1024;

interface FixtureModule {
  makeXlsxFixtures: (outDir: string) => Promise<void>;
}

beforeAll(async () => {
  // `npm test` makes them (scripts/make-fixtures.mjs); make them here too when run on their own
  if (XLSX_NAMES.some((n) => !existsSync(join(generated, n)))) {
    const { makeXlsxFixtures } = (await import(script)) as FixtureModule;
    await makeXlsxFixtures(generated);
  }
});

const opts = (file: string, maxUnzippedBytes = 200 * MB) => ({ file, maxUnzippedBytes });
const text = (name: string): string => readFileSync(join(tables, name), 'utf8');

function value(r: Result<TableParse>): TableParse {
  if (!r.ok) throw new Error(`parse failed: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.value;
}

function problems(r: Result<TableParse>): Problem[] {
  if (r.ok) throw new Error(`expected a failure, got ${r.value.rows.length} rows`);
  return r.problems;
}

const csv = (source: string, file = 't.csv') => parseFaqCsv(source, opts(file));
const jsonl = (source: string, file = 't.jsonl') => parseFaqJsonl(source, opts(file));
const xlsx = async (name: string, maxUnzippedBytes?: number) => parseFaqXlsx(new Uint8Array(readFileSync(join(generated, name))), opts(name, maxUnzippedBytes));

describe('headers', () => {
  it.each([
    ['question', 'question'],
    ['  Question ', 'question'],
    ['ＱＵＥＳＴＩＯＮ', 'question'],
    ['\uFEFF标准问题', 'question'],
    ['问题', 'question'],
    ['标准问', 'question'],
    ['標準問題', 'question'],
    ['Similar Questions', 'similar'],
    ['similar_questions', 'similar'],
    ['相似问题', 'similar'],
    ['相似问', 'similar'],
    ['相似问法', 'similar'],
    ['ANSWER', 'answer'],
    ['答案', 'answer'],
    ['回答', 'answer'],
    ['标准答案', 'answer'],
    ['　答案：', 'answer'],
    ['ID', 'id'],
    ['ＩＤ', 'id'],
    ['编号', 'id'],
    ['标签', 'tags'],
    ['分类', 'category'],
    ['类目路径', 'category'],
    ['二级分类', 'category'],
    ['所属类目', 'category'],
    ['所属分类', 'category'],
    ['分类名称', 'category'],
    ['业务分类', 'category'],
    ['所屬類目', 'category'],
    ['Category Name', 'category'],
    ['Tags', 'tags'],
    ['相似问法1', 'similar'],
    ['相似问法 (5)', 'similar'],
    ['扩展问3', 'similar'],
    ['Alternate questions', 'similar'],
    ['Alternate phrasings', 'similar'],
    ['Other ways to ask', 'similar'],
    ['standardQuestion', 'question'],
    ['similarQuestions', 'similar'],
    ['知识标题', 'question'],
    ['回复内容', 'answer'],
    ['回复', 'answer'],
    ['状态', 'status'],
    ['是否启用', 'status'],
  ])('%j is the %s column', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it.each(['问题描述', '备注', 'answer key', '', 'questionnaire'])('%j is no column kb reads', (header) => {
    expect(fieldOfHeader(header)).toBeUndefined();
  });

  it('normalizes full-width forms, BOM, case and spacing', () => {
    expect(normalizeHeader('\uFEFF  Ｓｉｍｉｌａｒ　Ｑｕｅｓｔｉｏｎｓ ')).toBe('similar questions');
  });
});

describe('splitCsv', () => {
  it('keeps quoted multi-line cells and "" escapes, numbers records by their first line, and notes where a quoted cell ran over lines', () => {
    const r = splitCsv('a,b\n"x\r\ny","say ""hi"""\r\nlast,row\n');
    expect(r).toEqual({
      ok: true,
      records: [
        { cells: ['a', 'b'], n: 1 },
        { cells: ['x\ny', 'say "hi"'], n: 2, quoted: { from: 2, to: 3 } },
        { cells: ['last', 'row'], n: 4 },
      ],
    });
  });

  it('treats a quote inside an unquoted cell as a plain character and accepts CR-only line ends', () => {
    const r = splitCsv('q,a\r5"寸屏幕,好\rend,x');
    expect(r.ok && r.records.map((x) => [x.cells, x.n])).toEqual([
      [['q', 'a'], 1],
      [['5"寸屏幕', '好'], 2],
      [['end', 'x'], 3],
    ]);
  });

  it('reports an unclosed quote at the line it opened on', () => {
    expect(splitCsv('a,b\n1,2\n3,"four\nfive\nsix,7\n')).toEqual({ ok: false, line: 3 });
    // after a "" escape further down, still the opening line
    expect(splitCsv('a,b\n1,"x\nsay ""hi""\nmore\n')).toEqual({ ok: false, line: 2 });
  });

  it('detects tab- and semicolon-separated files', () => {
    expect(detectDelimiter('question\tanswer\nq\ta')).toBe('\t');
    expect(detectDelimiter('question;answer\nq;a')).toBe(';');
    expect(detectDelimiter('标题行\nquestion,answer\n')).toBe(',');
  });
});

describe('parseFaqCsv', () => {
  it('reads the Chinese FAQ fixture: BOM, Chinese headers, | separated similar questions, multi-line cells', () => {
    const { rows, warnings } = value(csv(text('faq-zh.csv'), 'faq-zh.csv'));
    expect(warnings).toEqual([]);
    expect(rows).toHaveLength(8);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5, 8, 9, 10, 11, 14]);
    expect(rows[0]?.row).toEqual({
      question: '收到的商品不想要了可以退货吗？',
      similar: ['不想要了能退吗', '七天无理由退货怎么申请', '没拆封可以退货吗'],
      answer: '签收后7天内、商品完好且不影响二次销售的，可以申请七天无理由退货。在“我的订单”中点击“申请售后”，选择“退货退款”即可。',
      tags: ['退货', '售后'],
    });
    expect(rows[0]?.row).not.toHaveProperty('id');
    // a quoted tag cell with a comma, a multi-line answer
    expect(rows[1]?.row.tags).toEqual(['退货', '运费']);
    expect(rows[1]?.row.answer.split('\n')).toHaveLength(2);
    // duplicates removed, order kept
    expect(rows[2]?.row.similar).toEqual(['退款什么时候到', '钱什么时候退回来', '退款几天能到账']);
    expect(rows[2]?.row.answer).toContain('\n- 银行卡：3-5个工作日到账。');
    // "" inside a quoted cell
    expect(rows[4]?.row.answer).toContain('"开票资料"');
  });

  it('takes a Xiaomi-style 所属类目 column for the category, with no warning', () => {
    const { rows, warnings } = value(csv(text('xiaomi-export.csv'), 'xiaomi-export.csv'));
    expect(warnings).toEqual([]);
    expect(rows.map((r) => [r.category, r.row.question, r.row.similar])).toEqual([
      [['订单'], '订单怎么取消', ['取消订单', '不想买了']],
      [['售后', '发票'], '发票怎么开', ['开发票', '要发票']],
    ]);
  });

  it('ignores the metadata columns platform exports add (更新时间, 创建人, 浏览量, a second id 知识ID) without a warning, and still names an unknown one', () => {
    const { rows, warnings } = value(csv(text('platform-export.csv'), 'platform-export.csv'));
    expect(rows.map((r) => [r.row.id, r.row.question, r.row.similar, r.category])).toEqual([
      ['1', '下单后多久发货？', ['什么时候发货', '几号能发货'], ['物流配送']],
      ['2', '可以开发票吗？', ['怎么开发票'], ['售后', '发票']],
    ]);
    expect(warnings.map((w) => w.message)).toEqual([
      'has a column kb does not read: "适用渠道"; it was ignored (kb reads id, question, similar, answer, category, tags and status: rename a column that holds one of these)',
    ]);
    // the same in JSON, English keys in any case style (createdAt, updated_at, lastModifiedBy)
    const json = value(jsonl(text('platform-export.jsonl'), 'platform-export.jsonl'));
    expect(json.rows.map((r) => r.row.question)).toEqual(['How long does shipping take?', 'Can I get an invoice?']);
    expect(json.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^has a field kb does not read: "channel"; it was ignored/u)]);
    expect(['更新时间', 'Updated At', 'updatedAt', '创建人', '浏览量', '无用数', '知识ID', 'views', 'Last reviewed', 'Reviewed by'].every(isMetadataColumn)).toBe(true);
    expect(['适用渠道', '备注', 'channel', '答案'].some(isMetadataColumn)).toBe(false);
  });

  it('gives the same rows and lines with CRLF line ends, and no carriage returns in cells', () => {
    const lf = value(csv(text('faq-zh.csv')));
    const crlf = value(csv(text('faq-zh.csv').replace(/\n/gu, '\r\n')));
    expect(crlf).toEqual(lf);
    expect(JSON.stringify(crlf.rows)).not.toContain('\\r');
  });

  it('reads the English fixture with ids and warns once about the unknown column', () => {
    const { rows, warnings } = value(csv(text('faq-en.csv'), 'faq-en.csv'));
    expect(rows.map((r) => r.row.id)).toEqual(['en-001', 'en-002', 'en-003', 'en-004', 'en-005', 'en-006']);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5, 6, 7, 8]);
    expect(rows[1]?.row.tags).toEqual(['refunds', 'payments']);
    expect(rows[2]?.row.tags).toEqual(['returns', 'shipping']);
    expect(rows[0]?.row.answer).toContain('"My orders"');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'bad-table', severity: 'warning', file: 'faq-en.csv', location: { line: 1 } });
    expect(warnings[0]?.message).toContain('"Owner"');
  });

  it('finds the header below title rows and matches full-width, padded, traditional headers', () => {
    const source = ['退换货常见问题', '', '更新：2026年1月', ' ＩＤ ,　標準問題　,相似問法,ＡＮＳＷＥＲ,分類', 'a1,能退貨嗎？,可以退嗎,可以。,退貨'].join('\n');
    const { rows, warnings } = value(csv(source));
    expect(warnings).toEqual([]);
    expect(rows).toEqual([{ row: { id: 'a1', question: '能退貨嗎？', similar: ['可以退嗎'], answer: '可以。', tags: ['退貨'] }, line: 5, category: ['退貨'] }]);
  });

  it('does not look for the header beyond the first ten non-blank rows', () => {
    const titles = (n: number) => Array.from({ length: n }, (_, i) => `t${i + 1}`);
    expect(value(csv([...titles(9), 'question,answer', 'q,a'].join('\n'))).rows).toHaveLength(1);
    const p = problems(csv([...titles(10), 'question,answer', 'q,a'].join('\n')));
    expect(p[0]?.code).toBe('bad-table');
    expect(p[0]?.message).toContain('a FAQ table needs a header row within its first 10 rows');
  });

  it('finds an XLSX header under six title rows, and refuses one under ten instead of reading the FAQ as a data table', async () => {
    // a help desk's export (title, version, owner, note, a blank row, date) was read as a size chart would be, at 5
    const { newWorkbook } = (await import(script)) as {
      newWorkbook: () => { addWorksheet: (name: string) => { addRow: (cells: unknown[]) => void }; xlsx: { writeBuffer: () => Promise<ArrayBuffer> } };
    };
    const workbook = async (titles: number): Promise<Uint8Array> => {
      const wb = newWorkbook();
      const sheet = wb.addWorksheet('FAQ');
      for (let i = 0; i < titles; i++) sheet.addRow(i === 4 ? [] : [`客服知识库说明第${i + 1}行`]);
      sheet.addRow(['序号', '问题', '答案', '分类']);
      sheet.addRow([1, '多久发货', '下单后48小时内发货。', '物流']);
      sheet.addRow([2, '发票怎么开', '在订单详情页申请电子发票。', '发票']);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    const six = value(await parseFaqXlsx(await workbook(6), opts('faq.xlsx')));
    expect(six.rows.map((r) => r.row.question)).toEqual(['多久发货', '发票怎么开']);
    expect(six.tables ?? []).toEqual([]);
    const deep = problems(await parseFaqXlsx(await workbook(12), opts('faq.xlsx')));
    expect(deep[0]?.code).toBe('bad-table');
    expect(deep[0]?.message).toContain('a FAQ table needs a header row within its first 10 rows');
  });

  it('fails with bad-table naming the columns found and expected when there is no question column', () => {
    const p = problems(csv(text('no-question.csv'), 'no-question.csv'));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ code: 'bad-table', severity: 'error', file: 'no-question.csv', location: { line: 1 } });
    expect(p[0]?.message).toMatch(/no question column/u);
    expect(p[0]?.message).toContain('"问题描述"');
    expect(p[0]?.message).toContain('标准问题');
    expect(p[0]?.message).not.toMatch(/no answer column/u);
  });

  it('fails with bad-table when there is no answer column', () => {
    const p = problems(csv('question,similar\nq1,s1\n'));
    expect(p[0]?.code).toBe('bad-table');
    expect(p[0]?.message).toMatch(/no answer column/u);
    expect(p[0]?.message).toContain('"question", "similar"');
  });

  it('reports an unclosed quote as bad-table with its line', () => {
    const p = problems(csv(text('broken-quote.csv'), 'broken-quote.csv'));
    expect(p).toEqual([expect.objectContaining({ code: 'bad-table', location: { line: 3 } })]);
    expect(p[0]?.message).toMatch(/quote.*line 3.*never closed/u);
  });

  it('says where a stray quote that swallowed the rows after it opened and closed', () => {
    const { rows, warnings } = value(csv('question,answer\n怎么退货,在订单页申请\n"怎么换货,联系客服\n多久发货,48小时\n发票,"电子发票"\n运费,商家承担\n', 'stray.csv'));
    expect(rows.map((r) => [r.row.question, r.line])).toEqual([
      ['怎么退货', 2],
      ['运费', 6],
    ]);
    expect(warnings.map((w) => [w.code, w.location, w.message])).toEqual([
      [
        'bad-row',
        { line: 3 },
        expect.stringMatching(/^row skipped: a quote \("\) opened on line 3 runs to line 5, so lines 3–5 were read as one row: .*remove that quote.* \(as read: the question .* has no answer/u),
      ],
    ]);
  });

  it('refuses a file whose stray quote ran rows of its own into a row that could still be read (an id column first), naming the line and the rows: the store keeps their entries as they were', () => {
    // K10084's answer opens a quote that K10086's answer closes: K10085 and K10086 would be read as part of K10084's answer
    // (before 2026-11-27 a warning only: K10084's live answer became the raw lines, and the edited K10085 went out of the index)
    const p = problems(csv(text('stray-quote-ids.csv'), 'stray-quote-ids.csv'));
    expect(p).toEqual([
      expect.objectContaining({
        code: 'bad-table',
        location: { line: 3 },
        message: 'has a quote (") opened on line 3 that is not closed on its line: it runs to line 5, and rows of this table (K10085, K10086) were read as part of row K10084; the file was not read (the store keeps its entries as they were) — remove that stray quote, or write a quote inside a cell as ""',
      }),
    ]);
    // a quote closed by the next row's opening one (K2 runs into K3) is refused as well
    expect(problems(csv(text('quote-not-doubled.csv'), 'quote-not-doubled.csv'))).toEqual([expect.objectContaining({ code: 'bad-table', location: { line: 3 } })]);
  });

  it('refuses a file whose stray quote ran rows into a row in a table without an id column too, naming them by their questions', () => {
    // (before 2026-11-27 only a table whose first column is its id was checked: this one lost two rows with a warning)
    const source = '问题,答案,状态\n怎么换货？,"联系客服申请换货,启用\n退货运费谁出？,质量问题由我们承担,启用\n多久退款？,3个工作日内退款,启用\n发票怎么开？,"在订单页申请",启用\n';
    expect(problems(csv(source, 'no-id.csv'))).toEqual([
      expect.objectContaining({
        code: 'bad-table',
        location: { line: 2 },
        message: 'has a quote (") opened on line 2 that is not closed on its line: it runs to line 5, and rows of this table (退货运费谁出？, 多久退款？) were read as part of the row of line 2 (怎么换货？); the file was not read (the store keeps its entries as they were) — remove that stray quote, or write a quote inside a cell as ""',
      }),
    ]);
    // an answer's numbered steps (`1,打开订单`) ask nothing: a row with text after its closing quote is read, with its warning
    const steps = value(csv('问题,答案\n怎么退款？,"步骤：\n1,打开订单\n2,点退款"为准\n多久到账？,3天\n', 'steps.csv'));
    expect(steps.rows.map((r) => r.row.question)).toEqual(['怎么退款？', '多久到账？']);
  });

  it('reads a valid quoted answer over several lines whose line starts like a row (编号 11’s 50,100,200元三档) without a word: the quote closes where the cell ends', () => {
    // K10087-style numbered lists and price lists inside a properly quoted cell are no stray quote
    const { rows, warnings } = value(csv('编号,问题,答案\n11,礼品卡有哪些面额,"礼品卡面额如下：\n50,100,200元三档\n购买后不可退"\n12,多久发货,48小时内\n', 'giftcard.csv'));
    expect(rows.map((r) => r.row.id)).toEqual(['11', '12']);
    expect(rows[0]?.row.answer).toBe('礼品卡面额如下：\n50,100,200元三档\n购买后不可退');
    expect(warnings).toEqual([]);
    const numbered = value(csv(text('stray-quote-ids.csv').split('\n').filter((l) => !/^K1008[456],/u.test(l)).join('\n'), 'numbered.csv'));
    expect(numbered.rows.find((r) => r.row.id === 'K10087')?.row.answer).toMatch(/^100积分抵1元：\n1,下单时勾选使用积分\n2,提交订单$/u);
    expect(numbered.warnings).toEqual([]);
  });

  it('says which row has text after a cell’s closing quote (a quote inside the cell not doubled): the row is read, and checked by the team', () => {
    // K1: "…以页面"预计发货"时间为准。" (quotes not doubled)
    const source = text('quote-not-doubled.csv').split('\n').filter((l) => !/^K[23],/u.test(l)).join('\n');
    const { rows, warnings } = value(csv(source, 'quote-not-doubled.csv'));
    expect(rows.map((r) => r.row.id)).toEqual(['K1', 'K4']);
    expect(rows[0]?.row.answer).toBe('现货48小时内发货，预售以页面预计发货"时间为准。"');
    expect(warnings.map((w) => [w.code, w.location, w.message])).toEqual([
      [
        'bad-table',
        { line: 2 },
        'a cell\'s closing quote (") is followed by more text, so the row was read as it stands and its cells may be run together (a quote inside a quoted cell is written "", and one may be missing): check this row',
      ],
    ]);
  });

  it('names the lines of the rows with text after a closing quote beyond the first ten, so that all can be checked at once', () => {
    const lines = Array.from({ length: 13 }, (_, i) => `K${i + 1},问题${i + 1},"答案"多余的字`);
    const { warnings } = value(csv(['知识ID,问题,答案', ...lines].join('\n'), 'quotes.csv'));
    expect(warnings).toHaveLength(11);
    expect(warnings[10]?.message).toBe('3 more rows have text after a cell\'s closing quote: lines 12, 13, 14; check them as the rows listed above');
  });

  it('skips bad rows with a bad-row warning at their line and keeps the others', () => {
    const source = [
      'id,question,similar,answer',
      '1,退货运费谁出,运费谁出,质量问题由商家承担',
      '2,,没有问题,只有答案',
      '3,多久发货,,',
      '1,重复的编号,x,y',
      '5,发票,"[""开发票"" ""专票""]",可以开',
      '6,换货,"[""换货多久"", ""换尺码""]",两天内寄出',
      '',
      '7,保修,"[“保修多久”，“坏了怎么办”]",一年',
    ].join('\n');
    const { rows, warnings } = value(csv(source, 'bad.csv'));
    expect(rows.map((r) => [r.row.id, r.line])).toEqual([
      ['1', 2],
      ['6', 7],
      ['7', 9],
    ]);
    expect(rows[1]?.row.similar).toEqual(['换货多久', '换尺码']);
    expect(rows[2]?.row.similar).toEqual(['保修多久', '坏了怎么办']);
    expect(warnings.map((w) => [w.code, w.severity, w.location])).toEqual([
      ['bad-row', 'warning', { line: 3 }],
      ['bad-row', 'warning', { line: 4 }],
      ['bad-row', 'warning', { line: 5 }],
      ['bad-row', 'warning', { line: 6 }],
    ]);
    expect(warnings[0]?.message).toMatch(/no question; fill in the question column/u);
    expect(warnings[1]?.message).toMatch(/"多久发货" has no answer; fill in the answer column/u);
    expect(warnings[2]?.message).toMatch(/id "1" is already used on line 2/u);
    expect(warnings[3]?.message).toMatch(/not valid JSON/u);
    expect(warnings.every((w) => w.file === 'bad.csv')).toBe(true);
  });

  it('splits similar on newlines and full-width bars, tags on every separator, and drops the question from its similar', () => {
    const source = 'question,similar,answer,tags\n退货,"怎么退\n退货 ｜ 退货流程|  |怎么退",可以,"a，b;c|d、e；a"\n';
    const { rows } = value(csv(source));
    expect(rows[0]?.row.similar).toEqual(['怎么退', '退货流程']);
    expect(rows[0]?.row.tags).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('warns about a question asked twice with different answers, and merges an exact duplicate into the first row', () => {
    const r = value(csv(text('duplicate-questions.csv'), 'duplicate-questions.csv'));
    expect(r.rows.map(({ row, line }) => [line, row.question, row.similar, row.answer])).toEqual([
      [2, '运费多少', ['邮费多少'], '满99包邮'],
      [3, '运费多少', ['运费怎么算'], '一律10元'],
      [4, '怎么退货？', ['退货流程', '怎么申请退货'], '在订单页申请售后。'],
      [6, '发票怎么开', [], '在订单详情页申请电子发票。'],
    ]);
    expect(r.warnings.map((w) => [w.code, w.severity, w.file, w.location?.line, w.message])).toEqual([
      ['duplicate-question', 'warning', 'duplicate-questions.csv', 3, 'asks the question "运费多少" of line 2 — the same question with different answers; merge them or make the questions distinct'],
      ['duplicate-question', 'warning', 'duplicate-questions.csv', 5, 'repeats the question "怎么退货" and the answer of line 4; it was merged into line 4 (its similar questions and tags added): delete one of the two rows'],
    ]);
  });

  it('keeps an exact duplicate that has its own id, with a warning', () => {
    const r = value(jsonl('{"id":"a","question":"运费多少","answer":"满99包邮"}\n{"id":"b","question":"运费多少？","answer":"满99包邮"}\n'));
    expect(r.rows.map(({ row }) => row.id)).toEqual(['a', 'b']);
    expect(r.warnings.map((w) => [w.location?.line, w.message])).toEqual([
      [2, 'repeats the question "运费多少？" and the answer of line 1 under another id; both are kept as two entries that split every match: delete one of the two rows'],
    ]);
  });

  it('reads tab-separated files', () => {
    const { rows } = value(csv('标准问题\t答案\n退货\t可以, 七天内\n'));
    expect(rows[0]?.row).toMatchObject({ question: '退货', answer: '可以, 七天内' });
  });

  it('warns about an unknown column once, not per row, and about a second column for the same field', () => {
    const lines = ['问题,答案,备注,问题'];
    for (let i = 0; i < 20; i++) lines.push(`q${i},a${i},note,dup`);
    const { rows, warnings } = value(csv(lines.join('\n')));
    expect(rows).toHaveLength(20);
    expect(rows[0]?.row.question).toBe('q0');
    expect(warnings).toHaveLength(2);
    expect(warnings.map((w) => w.code)).toEqual(['bad-table', 'bad-table']);
    expect(warnings[0]?.message).toContain('"备注"');
    expect(warnings[1]?.message).toMatch(/two columns for the question/u);
  });

  it(`lists at most ${MAX_ROW_WARNINGS} skipped rows and counts the rest`, () => {
    const lines = ['question,answer'];
    for (let i = 0; i < MAX_ROW_WARNINGS + 50; i++) lines.push(`q${i},`);
    lines.push('good,row');
    const { rows, warnings } = value(csv(lines.join('\n')));
    expect(rows.map((r) => r.row.question)).toEqual(['good']);
    expect(warnings).toHaveLength(MAX_ROW_WARNINGS + 1);
    expect(warnings.at(-1)?.message).toMatch(/^50 more rows were skipped/u);
  });

  it(`lists at most ${MAX_ROW_WARNINGS} repeated questions and counts the rest, after the skipped rows`, () => {
    const lines = ['question,answer', '运费多少,10元'];
    for (let i = 0; i < MAX_ROW_WARNINGS + 30; i++) lines.push(`运费多少,${i}元起`);
    lines.push('怎么退货,');
    const { rows, warnings } = value(csv(lines.join('\n'), 'big.csv'));
    expect(rows).toHaveLength(MAX_ROW_WARNINGS + 31);
    expect(warnings.filter((w) => w.code === 'duplicate-question')).toHaveLength(MAX_ROW_WARNINGS + 1);
    expect(warnings.find((w) => w.code === 'bad-row')?.location).toEqual({ line: MAX_ROW_WARNINGS + 33 });
    expect(warnings.at(-1)).toMatchObject({ code: 'duplicate-question', file: 'big.csv', message: expect.stringMatching(/^30 more rows ask a question an earlier row asks and are not listed/u) });
  });

  it('returns no rows for a header-only table', () => {
    expect(value(csv('question,answer\n'))).toEqual({ rows: [], warnings: [] });
  });
});

describe('what ops teams put in their tables', () => {
  it('splits similar questions on ； ; and 、 (only between whole questions of 4 or more characters that each ask something)', () => {
    const { rows } = value(csv(['问题,答案,相似问题', '退款多久到账,1个工作日,退款什么时候到、钱什么时候退回来；退款几天能到账', '能用什么付款,都可以,支付宝、微信可以付款吗;能刷卡吗', '怎么付款,都可以,支付宝付款、微信付款可以吗'].join('\n')));
    expect(rows.map((r) => r.row.similar)).toEqual([
      ['退款什么时候到', '钱什么时候退回来', '退款几天能到账'],
      ['支付宝、微信可以付款吗', '能刷卡吗'],
      ['支付宝付款、微信付款可以吗'],
    ]);
  });

  it('splits similar questions on / only between whole questions that each ask something (not 20元/层, 1.5匹/2匹)', () => {
    const { rows } = value(csv(['问题,答案,相似问题', '冰箱保修几年,三年,冰箱质保多久/冰箱保多久', '上楼费多少,20元/层,上楼费是20元/层吗', '空调选几匹,看面积,1.5匹/2匹哪个好／选几匹合适'].join('\n')));
    expect(rows.map((r) => r.row.similar)).toEqual([['冰箱质保多久', '冰箱保多久'], ['上楼费是20元/层吗'], ['1.5匹/2匹哪个好／选几匹合适']]);
  });

  it('splits similar questions on commas only between whole questions that each ask something', () => {
    const { rows } = value(csv(['问题,答案,相似问题', '退货运费谁承担,买家承担,"退货运费谁出，寄回去的邮费谁付,运费要我出吗"', '东西坏了能退吗,可以,"东西坏了，可以退吗；收到就是坏的，能退货吗"', 'Can I return it?,Yes,"If I return it, do I pay?"', '怎么付款,都可以,"支付宝、微信可以付款吗，能不能刷信用卡"'].join('\n')));
    expect(rows.map((r) => r.row.similar)).toEqual([
      ['退货运费谁出', '寄回去的邮费谁付', '运费要我出吗'],
      ['东西坏了，可以退吗', '收到就是坏的，能退货吗'],
      ['If I return it, do I pay?'],
      ['支付宝、微信可以付款吗', '能不能刷信用卡'],
    ]);
  });


  it('splits a traditional or Cantonese similar cell where its simplified Mandarin would split, keeping the pieces as typed', () => {
    // a Hong Kong FAQ export: each stayed one question (the question words were looked for in simplified only)
    const { rows } = value(csv(['問題,答案,相似問題', '退款幾時到,三個工作天,"退款什麼時候到，錢什麼時候退回來"', '點樣退貨,網上申請,"點樣申請退貨，退貨要點做"', '退貨要運費嗎,要,"東西壞咗，可以退嗎"'].join('\n')));
    expect(rows.map((r) => r.row.similar)).toEqual([['退款什麼時候到', '錢什麼時候退回來'], ['點樣申請退貨', '退貨要點做'], ['東西壞咗，可以退嗎']]);
  });
  it('reads several 相似问法 columns as one list, and 一级分类/二级分类 columns (or a / path) as the category levels', () => {
    const source = ['一级分类,二级分类,标准问题,相似问法1,相似问法2,相似问法3,答案', '售后,退货,怎么退货,退货流程,,怎么退货,在订单页申请。', '售后/发票,,怎么开发票,开票,,,在发票中心申请。'].join('\n');
    const { rows, warnings } = value(csv(source));
    expect(warnings).toEqual([]);
    expect(rows.map((r) => [r.category, r.row.similar, r.row.tags])).toEqual([
      [['售后', '退货'], ['退货流程'], ['售后', '退货']],
      [['售后', '发票'], ['开票'], ['售后', '发票']],
    ]);
  });

  it('skips rows a status column switches off, reporting them in one warning, and skips a status it does not know with a warning of its own', () => {
    const source = ['问题,答案,状态', 'a,1,启用', 'b,2,停用', 'c,3,', 'd,4,disabled', 'e,5,已撤柜', 'f,6,否', 'g,7,2'].join('\n');
    const { rows, warnings } = value(csv(source));
    expect(rows.map((r) => r.row.question)).toEqual(['a', 'c']);
    expect(warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([
      ['bad-row', 3, expect.stringMatching(/^lines 3, 5, 7 are marked "停用" or "disabled" or "否" in the 状态 column and were not read; set them to 启用/u)],
      ['bad-table', 6, 'line 6 has the status "已撤柜", which kb does not know, in the 状态 column; it was not read (a status kb does not know switches a row off, so a retired row never goes live): write 启用 (enabled) to make an entry of it, or 停用 (disabled)'],
      ['bad-table', 8, expect.stringMatching(/^line 8 has the status "2", which kb does not know, in the 状态 column; it was not read/u)],
    ]);
  });

  it('reads the status words of shop back ends and bot platforms: 下架 and its kin switch a row off, 上架 and its kin keep it on', () => {
    const off = ['停用', '已停用', '下架', '已下架', '下线', '已下線', '失效', '禁用', '关闭', '否', '停售', '不启用', '未上架', '待审核', '审核中', '已过期', '隐藏', '删除', '草稿', '×', 'inactive', 'Disabled', 'off', 'not active', 'OFFLINE', 'hidden', 'expired', 'unpublished'];
    const on = ['启用', '已启用', '上架', '已上架', '在售', '上线', '正常', '正常使用', '有效', '生效', '已发布', '审核通过', '是', '√', 'enabled', 'Active', 'on', 'yes', 'TRUE', '1'];
    const source = ['问题,答案,状态', ...[...off, ...on].map((status, i) => `q${i},a${i},${status}`)].join('\n');
    const { rows, warnings } = value(csv(source));
    expect(rows.map((r) => r.row.question)).toEqual(on.map((_, i) => `q${off.length + i}`));
    // every one of them known: switched off in the one bad-row warning, none reported as unknown
    expect(warnings.map((w) => w.code)).toEqual(['bad-row']);
  });

  it('reads a QnA Maker TSV export: rows repeating a QnaId and its answer are one entry with the rows\' questions as similar questions', () => {
    const { rows, warnings } = value(csv(text('qnamaker.tsv'), 'qnamaker.tsv'));
    expect(rows.map((r) => [r.row.id, r.row.question, r.row.similar, r.line])).toEqual([
      ['1', 'How long does a refund take?', ['When do I get my money back?', 'refund time'], 2],
      ['2', 'Do you ship to Canada?', ['Can I ship to Canada?'], 5],
    ]);
    // its Metadata column: key:value pairs as tags
    expect(rows.map((r) => r.row.tags)).toEqual([['category:refunds'], ['category:shipping']]);
    expect(warnings.map((w) => [w.code, w.location?.line])).toEqual([
      ['bad-table', 1],
      ['bad-row', 7],
    ]);
    expect(warnings[1]?.message).toMatch(/the id "2" is already used on line 5 with another answer; give each row its own id/u);
  });

  it('reports values in a CSV column that has no header, once per column', () => {
    const { rows, warnings } = value(csv(['问题,答案,', '退货,可以,备注一', '换货,可以,', '发票,可以,备注二'].join('\n')));
    expect(rows).toHaveLength(3);
    expect(warnings.map((w) => [w.location?.line, w.message])).toEqual([[2, expect.stringMatching(/^column 3 has no name in the header \(line 1\) but lines 2, 4 have values in it; they were ignored/u)]]);
  });

  it('accepts header notes and required marks: *标准问题, 答案(必填), 相似问题（多个用|分隔）', () => {
    expect(['*标准问题', '答案(必填)', '相似问题（多个用|分隔）', '答案【必填】'].map(fieldOfHeader)).toEqual(['question', 'answer', 'similar', 'answer']);
  });
});

describe('parseFaqJsonl', () => {
  it('reads the JSONL fixture: arrays, strings, numeric ids, blank lines', () => {
    const { rows, warnings } = value(jsonl(text('faq.jsonl'), 'faq.jsonl'));
    expect(warnings).toEqual([]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
    expect(rows[0]?.row).toEqual({
      id: 'faq-001',
      question: '怎么申请退货？',
      similar: ['退货流程是什么', '我想退掉这个商品', '怎么退货'],
      answer: '在“我的订单”中找到订单，点击“申请售后”，选择“退货退款”，审核通过后按提示寄回商品。',
      tags: ['退货', '售后'],
    });
    expect(rows[1]?.row.similar).toEqual(['退款什么时候到', '钱什么时候退回来']);
    expect(rows[1]?.row.tags).toEqual(['退款']);
    expect(rows[2]?.row.similar).toEqual(['包邮吗', '满多少包邮', '邮费多少']);
    expect(rows[2]?.row.tags).toEqual(['运费', '物流']);
    expect(rows[3]?.row.id).toBe('4');
    expect(rows[4]?.row).toEqual({ question: '保修期是多久？', similar: [], answer: '电器类商品自签收之日起享受一年免费保修。', tags: [] });
  });

  it('skips a malformed line, a missing answer, a duplicate id, a non-object line and a bad similar, keeping the good rows', () => {
    const { rows, warnings } = value(jsonl(text('bad-rows.jsonl'), 'bad-rows.jsonl'));
    expect(rows.map((r) => [r.row.id, r.line])).toEqual([
      ['r1', 1],
      ['r7', 7],
    ]);
    expect(rows[0]?.row.question).toBe('七天无理由退货怎么申请？');
    expect(warnings.map((w) => [w.code, w.location?.line])).toEqual([
      ['bad-row', 2],
      ['bad-row', 3],
      ['bad-row', 4],
      ['bad-row', 5],
      ['bad-row', 6],
    ]);
    const [malformed, noAnswer, duplicate, notObject, badSimilar] = warnings.map((w) => w.message);
    expect(malformed).toMatch(/not valid JSON.*one JSON object per line/u);
    expect(noAnswer).toMatch(/"换货要几天？" has no answer; fill in the answer field/u);
    expect(duplicate).toMatch(/id "r1" is already used on line 1 with another answer; give each row its own id/u);
    expect(notObject).toMatch(/is a list, not a JSON object/u);
    expect(badSimilar).toMatch(/similar field is an object; write it as a list/u);
  });

  it('accepts Chinese keys, a BOM and CRLF, and warns once about unknown fields', () => {
    const source = '\uFEFF{"标准问题":"退货","相似问题":["怎么退"],"答案":"可以","备注":"x"}\r\n{"标准问题":"换货","答案":"可以","备注":"y"}\r\n';
    const { rows, warnings } = value(jsonl(source));
    expect(rows.map((r) => [r.row.question, r.line])).toEqual([
      ['退货', 1],
      ['换货', 2],
    ]);
    expect(rows[0]?.row.similar).toEqual(['怎么退']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'bad-table', severity: 'warning', location: { line: 1 } });
    expect(warnings[0]?.message).toContain('"备注"');
  });

  it('skips rows whose similar or question has the wrong type', () => {
    const source = ['{"question":"a","answer":"b","similar":5}', '{"question":"c","answer":"d","similar":true}', '{"question":{"x":1},"answer":"y"}', '{"question":"e","answer":"f","similar":["ok",{"no":1}]}'].join('\n');
    const { rows, warnings } = value(jsonl(source));
    expect(rows.map((r) => r.row.similar)).toEqual([['5']]);
    expect(warnings.map((w) => w.location?.line)).toEqual([2, 3, 4]);
    expect(warnings[0]?.message).toMatch(/similar field is a boolean/u);
    expect(warnings[1]?.message).toMatch(/question field is an object; write the question as text/u);
    expect(warnings[2]?.message).toMatch(/item 2 of the similar field is an object/u);
  });

  it('fails with bad-table when no line has a question field', () => {
    const p = problems(jsonl('{"q_text":"退货","answer":"可以"}\n{"q_text":"换货","answer":"可以"}\n'));
    expect(p[0]?.code).toBe('bad-table');
    expect(p[0]?.message).toMatch(/no question field/u);
    expect(p[0]?.message).toContain('"q_text"');
  });

  it('fails with bad-table when no line is a JSON object', () => {
    const p = problems(jsonl('["a", "b"]\n[1, 2]\n'));
    expect(p[0]).toMatchObject({ code: 'bad-table', location: { line: 1 } });
    expect(p[0]?.message).toMatch(/no item is a JSON object.*JSON array of objects/u);
  });

  it('reads a pretty-printed JSON array saved as .jsonl, with each item at its first line', () => {
    const { rows } = value(jsonl('[\n  {\n    "question": "a",\n    "answer": "b"\n  },\n  {"question": "c", "answer": "d"}\n]\n'));
    expect(rows.map((r) => [r.row.question, r.line])).toEqual([
      ['a', 2],
      ['c', 6],
    ]);
  });

  it('takes a list of questions (QnA Maker) as the question and its similar questions', () => {
    const { rows } = value(jsonl('{"questions": ["退货运费谁出", "寄回去的邮费谁出"], "answer": "商家承担。"}'));
    expect(rows[0]?.row).toMatchObject({ question: '退货运费谁出', similar: ['寄回去的邮费谁出'] });
  });
});

describe('cellText', () => {
  it('turns exceljs cell values into plain strings', () => {
    expect(cellText(null)).toBe('');
    expect(cellText('a_x000D_\nb')).toBe('a\r\nb');
    expect(cellText(1001)).toBe('1001');
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date('2026-01-02T00:00:00Z'))).toBe('2026-01-02');
    expect(cellText({ richText: [{ text: '不想' }, { text: '要了', font: { bold: true } }] })).toBe('不想要了');
    expect(cellText({ formula: 'A1&B1', result: '结果' })).toBe('结果');
    expect(cellText({ sharedFormula: 'A1', result: 42 })).toBe('42');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ formula: '1/0', result: { error: '#DIV/0!' } })).toBe('');
    expect(cellText({ text: '发票中心', hyperlink: 'https://example.com' })).toBe('发票中心');
    expect(cellText({ text: { richText: [{ text: '链接' }] }, hyperlink: 'https://example.com' })).toBe('链接');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(0.05, '0%')).toBe('5%');
    expect(cellText(0.125, '0.0%')).toBe('12.5%');
    expect(cellText(99.5, '¥#,##0.00')).toBe('¥99.50');
    expect(cellText(1234567, '#,##0')).toBe('1,234,567');
    expect(cellText(99, '"满"0"元包邮"')).toBe('满99元包邮');
    expect(cellText(99.5, 'General')).toBe('99.5');
    expect(cellText(3, '0.00_ ')).toBe('3.00');
    expect(cellText(0.05, '"%"0.00')).toBe('%0.05'); // a quoted % is text, as Excel shows it
    expect(cellText(new Date('1899-12-30T09:30:00Z'))).toBe('09:30');
    expect(cellText(new Date('2026-01-02T08:05:00Z'))).toBe('2026-01-02 08:05:00');
  });
});

describe('parseFaqXlsx', () => {
  it('reads every sheet with a header row, below the title row, with rich text, numbers, formulas and hyperlinks', async () => {
    const { rows, warnings } = value(await xlsx('faq-zh.xlsx'));
    expect(rows.map((r) => [r.row.id ?? r.row.question, r.sheet, r.line])).toEqual([
      ['1001', '常见问题', 4],
      ['1002', '常见问题', 5],
      ['1003', '常见问题', 6],
      ['1004', '常见问题', 7],
      ['1005', '常见问题', 8],
      ['1007', '常见问题', 11],
      ['How do I return an item?', 'English FAQ', 2],
    ]);
    const byId = new Map(rows.map((r) => [r.row.id, r.row]));
    expect(byId.get('1001')).toEqual({
      id: '1001',
      question: '收到的商品不想要了可以退货吗？',
      similar: ['不想要了能退吗', '七天无理由退货怎么申请', '没拆封可以退货吗'],
      answer: '签收后7天内、商品完好的，可以申请七天无理由退货。',
      tags: ['退货', '售后'],
    });
    expect(byId.get('1002')?.similar).toEqual(['退款什么时候到', '钱什么时候退回来', '退款几天能到账']);
    expect(byId.get('1002')?.answer).toBe('验收通过后1个工作日内发起退款；银行卡3-5个工作日到账。');
    expect(byId.get('1003')?.similar).toEqual(['包邮吗', '满多少免运费']);
    expect(byId.get('1003')?.answer).toBe('订单满99元包邮，不满收取8元运费。');
    expect(byId.get('1004')?.answer).toBe('在发票中心申请电子发票 (https://example.com/invoice)');
    expect(byId.get('1005')?.answer).toBe('4008001234');
    expect(byId.get('1007')?.similar).toEqual(['保修期多久', '坏了怎么修']);

    const rowWarnings = warnings.filter((w) => w.code === 'bad-row');
    expect(rowWarnings).toHaveLength(1);
    expect(rowWarnings[0]).toMatchObject({ severity: 'warning', file: 'faq-zh.xlsx', location: { sheet: '常见问题', row: 9 } });
    expect(rowWarnings[0]?.message).toMatch(/"换货需要多长时间？" has no answer; fill in the 答案 column/u);
    const tableWarnings = warnings.filter((w) => w.code === 'bad-table');
    expect(tableWarnings).toHaveLength(2);
    expect(tableWarnings[0]?.message).toMatch(/sheet "填写说明" has no FAQ header.*not read/u);
    expect(tableWarnings[1]).toMatchObject({ location: { sheet: '常见问题', row: 3 } });
    expect(tableWarnings[1]?.message).toContain('"备注"');
  });

  it('fails with bad-table naming the columns found when no sheet has a question and an answer column', async () => {
    const p = problems(await xlsx('no-header.xlsx'));
    expect(p[0]).toMatchObject({ code: 'bad-table', location: { row: 1 } });
    expect(p[0]?.message).toMatch(/no question column and no answer column/u);
    expect(p[0]?.message).toContain('"客户问题"');
    expect(p[0]?.message).toContain('标准问题');
  });

  it('refuses a file that is not a zip', async () => {
    const p = problems(await xlsx('not-a-zip.xlsx'));
    expect(p).toEqual([expect.objectContaining({ code: 'bad-table', file: 'not-a-zip.xlsx' })]);
    expect(p[0]?.message).toMatch(/is not a valid \.xlsx/u);
  });

  it('refuses an old .xls (OLE) file', async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const p = problems(await parseFaqXlsx(bytes, opts('old.xlsx')));
    expect(p[0]?.code).toBe('bad-table');
    expect(p[0]?.message).toMatch(/\.xls workbook/u);
  });

  it('refuses a part packed more than 200:1 as a zip bomb', async () => {
    const p = problems(await xlsx('bomb.xlsx'));
    expect(p[0]?.code).toBe('zip-bomb');
    expect(p[0]?.message).toMatch(/xl\/worksheets\/sheet1\.xml.*times its packed size/u);
  });

  it('refuses an archive that unpacks to more than maxUnzippedBytes', async () => {
    const p = problems(await xlsx('faq-zh.xlsx', 10 * 1024));
    expect(p[0]?.code).toBe('zip-bomb');
    expect(p[0]?.message).toMatch(/over the 10 KB limit/u);
  });

  it('refuses a part that inflates to more than it declares', async () => {
    const p = problems(await xlsx('lying-size.xlsx'));
    expect(p[0]?.code).toBe('zip-bomb');
    expect(p[0]?.message).toMatch(/more than the size its archive declares/u);
  });

  it('the fixture script makes the same bytes every run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-xlsx-'));
    try {
      const { makeXlsxFixtures } = (await import(script)) as FixtureModule;
      await makeXlsxFixtures(dir);
      for (const name of XLSX_NAMES) {
        expect(readFileSync(join(dir, name)).equals(readFileSync(join(generated, name))), name).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('dependencies', () => {
  // one adapter: FAQ tables (table.ts) and kb export / kb import (review/spreadsheet.ts) both go through excel.ts
  it('only excel.ts imports exceljs', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/u.test(name) && !/\.test\.tsx?$/u.test(name)) files.push(path);
      }
    };
    walk(srcDir);
    const importers = files.filter((f) => /from ['"]exceljs['"]|import\(['"]exceljs['"]\)/u.test(readFileSync(f, 'utf8')));
    expect(importers.map((f) => relative(srcDir, f)).sort()).toEqual([join('ingest', 'formats', 'excel.ts')]);
  });
});

// A help desk's knowledge export (user test, 2026-11-27): 标题 | 内容 for question and answer, the answers as the
// desk's rich-text editor saved them (<p>, <strong>, <ol><li>, &nbsp;).
describe('a help desk article export', () => {
  it("reads Zendesk's section as the category and label_names as tags, its locale, URL and votes without a warning", () => {
    const r = value(csv(text('zendesk-articles-en.csv'), 'zendesk-articles-en.csv'));
    expect(r.rows.map((t) => [t.row.question, t.category, t.row.tags])).toEqual([
      ['How do I reset my smart plug?', ['Devices'], ['plug', 'reset', 'Devices']],
      ['Do gift cards expire?', ['Gift cards'], ['gift cards', 'Gift cards']],
    ]);
    expect(r.rows[1]?.row.answer).toBe('No. Our gift cards never expire and have no fees.');
    // (a smart-home seller's trial, 2026-11-27: "has columns kb does not read: section, label_names, locale …")
    expect(r.warnings ?? []).toEqual([]);
    expect(fieldOfHeader('Section')).toBe('category');
    expect(fieldOfHeader('label_names')).toBe('tags');
  });

  it('reads Article ID as the id, beside Article title and Body (a US furniture shop trial, 2026-11-27)', () => {
    const r = value(csv('Article ID,Article title,Body,Section,Labels,Author\n3600450,Do you charge sales tax?,<p>Yes where required.</p>,Payments,tax,Support\n'));
    expect(r.rows.map((t) => [t.row.id, t.row.question, t.row.answer])).toEqual([['3600450', 'Do you charge sales tax?', 'Yes where required.']]);
    expect(r.warnings ?? []).toEqual([]);
    expect(fieldOfHeader('Article ID')).toBe('id');
    expect(fieldOfHeader('question_id')).toBe('id');
  });

  it('reads 标题 as the question and 内容 as the answer when no column says question or answer', () => {
    const r = value(csv(text('help-desk-articles.csv'), 'help-desk-articles.csv'));
    expect(r.rows.map((t) => t.row.question)).toEqual(['手机重启怎么办', '怎么退出云服务账号', '换屏价格是多少？']);
    expect(fieldOfHeader('标题')).toBeUndefined();
    // a real question column wins: 标题 is then a column kb does not read
    const both = value(csv('问题,标题,答案\n退货运费谁出,运费说明,质量问题由商家承担\n'));
    expect(both.rows[0]?.row.question).toBe('退货运费谁出');
  });

  it('answers with the text of an HTML answer: a paragraph a line, an ordered list numbered, no tags or entities', () => {
    const [restart, logout, price] = value(csv(text('help-desk-articles.csv'), 'help-desk-articles.csv')).rows.map((t) => t.row);
    expect(restart?.answer).toBe('请长按电源键15秒强制重启。\n如仍无法开机，请送修。');
    expect(logout?.answer).toBe('1. 打开设置\n2. 点击账号\n3. 选择退出登录');
    // a < that opens no tag is text
    expect(price?.answer).toBe('手机换屏¥899，笔记本换屏¥1299。价格<1000元的配件当天可修好。');
  });
});
