import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem, Result } from '../../core/problems.js';
import type { ParsedDoc } from '../parsed.js';
import { generateEntries } from '../../generate/index.js';
import { ingestPaths } from '../index.js';
import { sectionize } from '../sectionize.js';
import { mammothWarnings, parseDocx } from './docx.js';

const generated = fileURLToPath(new URL('../../../fixtures/generated/', import.meta.url));
const script = new URL('../../../scripts/fixtures/make-docx.mjs', import.meta.url).href;
const WORD_FEATURES = ['numbered-zh.docx', 'word-features-zh.docx', 'styled-numbering-zh.docx', 'tables-zh.docx', 'direct-format-zh.docx', 'direct-format-en.docx'];
const NAMES = [...WORD_FEATURES, 'policy-zh.docx', 'guide-en.docx', 'skipped-content.docx', 'not-a-zip.docx', 'no-document.docx', 'bomb.docx', 'lying-size.docx'];

interface FixtureModule {
  makeDocxFixtures: (outDir: string) => Promise<void>;
}

beforeAll(async () => {
  // `npm test` makes them (scripts/make-fixtures.mjs); make them here too when run on their own
  if (NAMES.some((n) => !existsSync(join(generated, n)))) {
    const { makeDocxFixtures } = (await import(script)) as FixtureModule;
    await makeDocxFixtures(generated);
  }
});

const MB = 1024 * 1024;

async function read(name: string, maxUnzippedBytes = 200 * MB): Promise<Result<ParsedDoc>> {
  return parseDocx(new Uint8Array(readFileSync(join(generated, name))), { file: name, maxUnzippedBytes });
}

async function doc(name: string): Promise<ParsedDoc> {
  const r = await read(name);
  if (!r.ok) throw new Error(`parse failed: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.value;
}

async function problems(name: string, maxUnzippedBytes?: number): Promise<Problem[]> {
  const r = await read(name, maxUnzippedBytes);
  if (r.ok) throw new Error('expected a failure');
  return r.problems;
}

const headings = (d: ParsedDoc) => d.blocks.flatMap((b) => (b.kind === 'heading' ? [[b.depth, b.text] as const] : []));

describe('parseDocx: documents', () => {
  it('maps Chinese heading style names (标题, 标题 1, 标题 2) to headings', async () => {
    const d = await doc('policy-zh.docx');
    expect(d.title).toBe('优选商城退货政策');
    expect(headings(d)).toEqual([
      [1, '优选商城退货政策'],
      [1, '第一章 总则'],
      [1, '第二章 退货规则'],
      [2, '退货条件'],
      [2, '退款时效'],
      [3, '温馨提示'], // a bold Normal paragraph, one level below the Heading 2 above it
    ]);
    expect(d.warnings).toEqual([]);
  });

  it('keeps 第X条 paragraphs, tables and line breaks', async () => {
    const d = await doc('policy-zh.docx');
    const paragraphs = d.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toContain('第三条 自签收之日起七日内，在商品完好、配件齐全的前提下，消费者可以申请无理由退货。');
    expect(d.blocks.find((b) => b.kind === 'table')).toEqual({
      kind: 'table',
      rows: [
        ['支付方式', '到账时间'],
        ['支付宝', '1-3个工作日'],
        ['银行卡', '3-7个工作日'],
      ],
      location: {},
    });
    // a break after a sentence starts a paragraph; a break inside a line of contacts stays a line break
    expect(paragraphs.slice(-2)).toEqual(['节假日期间退款时间顺延，请耐心等待。', '客服热线 400-800-1234\n服务时间 9:00-21:00']);
  });

  it('maps English Title / Heading 1 / Heading 2, bullets and Q/A paragraphs', async () => {
    const d = await doc('guide-en.docx');
    expect(d.title).toBe('Shipping Guide');
    expect(headings(d)).toEqual([
      [1, 'Shipping Guide'],
      [1, 'Delivery'],
      [2, 'Express delivery'],
      [1, 'Returns'],
      [1, 'Questions'],
      [2, 'Can I change my delivery address?'],
      [2, 'Do you ship abroad?'],
    ]);
    expect(d.blocks.find((b) => b.kind === 'list')).toMatchObject({ ordered: false, items: ['Keep the original packaging.', 'Include the packing slip.'] });
    const i = d.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Do you ship abroad?');
    expect(d.blocks[i + 1]).toMatchObject({ kind: 'paragraph', text: 'Not yet; we deliver within mainland China only.' });
  });
});

const paths = (d: ParsedDoc) => sectionize(d.blocks, { path: 'x.docx', toMatchText: (t) => t, title: d.title }).map((s) => [s.headingPath.join(' > '), s.text]);
const allText = (d: ParsedDoc) => paths(d).map(([p, t]) => `${p}\n${t}`).join('\n');

describe('parseDocx: Word\'s automatic numbering (numbering.xml)', () => {
  it('writes the numbers Word shows into the text, so chapters and articles are sections (numbered-zh.docx)', async () => {
    const d = await doc('numbered-zh.docx');
    expect(d.title).toBe('售后服务政策');
    expect(paths(d).map(([p]) => p)).toEqual([
      '第一章 总则 > 第一条',
      '第一章 总则 > 第二条',
      '第二章 退换货 > 一、退货条件 > （一）质量问题',
      '第二章 退换货 > 一、退货条件 > （二）非质量问题',
      '第二章 退换货 > 二、退货流程',
      '第二章 退换货 > 三、换货流程',
      '第三章 附则 > 第三条', // articles count on across chapters, as Word numbers them
    ]);
    const [, steps] = paths(d)[4] ?? [];
    expect(steps?.split('\n')).toEqual([
      '1. 登录账号，进入“我的订单”。',
      '2. 选择商品，点击“申请售后”。',
      '2.1 上传商品照片。',
      '2.2 填写退货原因。',
      '3. 等待客服审核，审核结果以短信通知。',
      '【温馨提示】\u3000退货时请保留原包装，并注意以下事项：',
      '发票需随商品一并寄回；',
      '赠品需随商品一并退回。',
    ]);
    // a list restarted in Word (a new numbering instance) starts again at 1
    expect(paths(d)[5]?.[1]).toBe('换货流程与退货流程相同，步骤如下：\n1. 提交换货申请。\n2. 寄回商品。');
    // ★ bullets stay a list; the table of contents (TOC styles) is not content
    expect(d.blocks.find((b) => b.kind === 'list')).toMatchObject({ ordered: false, items: ['发票需随商品一并寄回；', '赠品需随商品一并退回。'] });
    expect(allText(d)).not.toContain('目录');
  });

  it('numbers headings whose style is linked to a list, and takes a style with an outline level for a heading (styled-numbering-zh.docx)', async () => {
    const d = await doc('styled-numbering-zh.docx');
    expect(d.title).toBe('会员服务条款'); // the document properties' title, not the first chapter
    expect(headings(d)).toEqual([
      [1, '第一章 会员权益'],
      [2, '第一节 积分规则'],
      [2, '第二节 会员等级'],
      [1, '第二章 会员义务'],
      [2, '第一节 账号安全'],
      [1, '附录：联系方式'],
    ]);
    expect(d.warnings).toEqual([]);
  });
});

describe('parseDocx: what Word users do (word-features-zh.docx)', () => {
  it('takes custom heading styles, Heading 1 Char runs and outline levels for headings', async () => {
    const d = await doc('word-features-zh.docx');
    expect(d.title).toBe('产品说明书');
    expect(headings(d)).toEqual([
      [1, '智能电饭煲产品说明书'], // bold 22 pt, centred, no style: stronger than every styled level
      [1, '产品简介'], // bold 16 pt, no style: the look of the 一级标题 headings
      [1, '安装说明'], // style 一级标题 (bold 16 pt)
      [2, '电源要求'], // style 二级标题
      [1, '保修说明'], // a Normal paragraph in the character style Heading 1 Char
      [1, '常见故障'], // outline level 1
      [2, '米饭夹生'], // outline level 2
      [1, '清洁与保养'], // bold 16 pt again: depth 1 by its look, not one below 米饭夹生
    ]);
    expect(d.warnings).toEqual([]);
    expect(paths(d).map(([p]) => p)).toEqual(['产品简介', '安装说明', '安装说明 > 电源要求', '保修说明', '常见故障', '常见故障 > 米饭夹生', '清洁与保养']);
  });

  it('reads the final text of tracked changes, puts a footnote after its paragraph, and leaves out comments, headers and footers', async () => {
    const d = await doc('word-features-zh.docx');
    const text = allText(d);
    expect(paths(d).find(([p]) => p === '保修说明')?.[1]?.split('\n')).toEqual([
      '本产品保修期为一年，自购买之日起计算。',
      '保修期以购买发票上的日期为准。',
      // Shift+Enter lines stay lines (as <br> in HTML); the link keeps its text, not its address
      '售后热线：400-800-1234',
      '服务时间：每天9:00-21:00',
      '网上报修请访问官方服务网站。',
    ]);
    for (const gone of ['六个月', '请法务确认', '页眉', '页脚', '↑', '[1]']) expect(text).not.toContain(gone);
    // the text box is read where it stands; the image is dropped, its alt text too
    expect(paths(d).find(([p]) => p === '常见故障 > 米饭夹生')?.[1]).toContain('安全警告：请勿在内锅外壁潮湿时通电使用。');
    expect(text).not.toContain('正面图');
  });
});

describe('parseDocx: headings made by direct formatting only (direct-format-*.docx)', () => {
  it('nests a 售后服务政策 by its look: 三号 title > 四号 chapters > 小四 bold topics', async () => {
    const d = await doc('direct-format-zh.docx');
    expect(d.title).toBe('某某商城售后服务政策');
    expect(paths(d)).toEqual([
      ['某某商城售后服务政策', '本政策适用于在某某商城购买商品的全部消费者，自2026年1月1日起施行。'],
      // a partly bold paragraph is body text
      ['某某商城售后服务政策 > 一、退货政策 > 退货条件', '自签收之日起七日内，商品完好、配件齐全的，可以申请无理由退货。\n不支持无理由退货的商品：定制商品、鲜活易腐商品、已拆封的音像制品。'],
      // so is a bold warning line
      ['某某商城售后服务政策 > 一、退货政策 > 退货运费', '因质量问题退货的，往返运费由商家承担；非质量问题退货的，寄回运费由消费者承担。\n注意：退货时请保留原包装和发票。'],
      // a bold tip and a run of bold steps are text too (before, the steps nested as three headings)
      ['某某商城售后服务政策 > 二、换货政策 > 换货条件', '商品存在质量问题的，自签收之日起十五日内可以申请换货。\n温馨提示：请勿自行拆机'],
      ['某某商城售后服务政策 > 二、换货政策 > 换货流程', '在订单页面提交换货申请，审核通过后七日内寄回商品，并填写物流单号。\n提交换货申请\n寄回商品\n等待新商品发出\n新商品发出后，可在订单页面查看物流。'],
      // the bold header row stays in its table
      ['某某商城售后服务政策 > 三、退款说明', '商家确认收货后，按原支付方式退款，到账时间如下：\n支付方式 | 到账时间\n支付宝 | 1-3个工作日\n银行卡 | 3-7个工作日'],
      ['某某商城售后服务政策 > 三、退款说明 > 退款进度查询', '在“我的订单”中点击“退款详情”，即可查看退款进度。'],
      // a bold question is a question over its answer, not a heading by look
      ['某某商城售后服务政策 > 四、常见问题 > 退货地址在哪里查看？', '以售后申请审核通过后商家提供的地址为准。'],
    ]);
    expect(headings(d).slice(0, 3)).toEqual([
      [1, '某某商城售后服务政策'],
      [2, '一、退货政策'],
      [3, '退货条件'],
    ]);
    expect(d.warnings).toEqual([]);
  });

  it('does the same for an English policy (16 pt title, 14 pt chapters, bold 11 pt topics)', async () => {
    const d = await doc('direct-format-en.docx');
    expect(paths(d).map(([p]) => p)).toEqual([
      'After-Sales Service Policy',
      'After-Sales Service Policy > Returns > Return conditions',
      'After-Sales Service Policy > Returns > Return shipping',
      'After-Sales Service Policy > Exchanges > Exchange conditions',
      'After-Sales Service Policy > Exchanges > How to exchange an item',
      'After-Sales Service Policy > Refunds',
      'After-Sales Service Policy > Refunds > Tracking a refund',
    ]);
    const text = allText(d);
    expect(text).toContain('Note: Keep the original packaging and the receipt.');
    expect(text).toContain('Items that cannot be returned: custom-made items, perishable goods and opened software.');
    expect(text).toContain('Payment method | Refund time');
  });

  it('gives kb generate a heading path to ask about for each topic', async () => {
    const run = await ingestPaths([join(generated, 'direct-format-zh.docx'), join(generated, 'direct-format-en.docx')]);
    const { entries } = generateEntries(run.documents, { similar: 0 });
    const asked = entries.map((e) => `${e.question} ← ${e.source?.headingPath.join(' > ') ?? ''}`);
    expect(asked).toEqual(
      expect.arrayContaining([
        '退货条件是什么？ ← 某某商城售后服务政策 > 一、退货政策 > 退货条件',
        '如何换货？ ← 某某商城售后服务政策 > 二、换货政策 > 换货流程',
        // (a task named object first asks how: was 退款进度查询是什么？ — docs/history/generate.md)
        '如何查询退款进度？ ← 某某商城售后服务政策 > 三、退款说明 > 退款进度查询',
        'What are the return conditions? ← After-Sales Service Policy > Returns > Return conditions',
        'How do I exchange an item? ← After-Sales Service Policy > Exchanges > How to exchange an item',
      ]),
    );
  });
});

describe('parseDocx: tables (tables-zh.docx)', () => {
  it('reads a 问题 | 答案 table as one section a question, repeats merged cells, unwraps a layout table', async () => {
    const d = await doc('tables-zh.docx');
    expect(d.title).toBe('客服话术');
    expect(paths(d)).toEqual([
      ['常见问题 > 退货运费谁承担？', '质量问题由商家承担，非质量问题由买家承担。'],
      ['常见问题 > 多久能收到退款？', '商家确认收货后1-3个工作日原路退回。'],
      ['常见问题 > 可以开发票吗', '可以，下单时选择“开具发票”即可。'],
      ['退货期限', '商品类别 | 退货期限 | 运费\n家电 | 7天无理由 | 买家承担\n家电 | 15天质量问题换货 | 商家承担\n服装 | 7天无理由 | 运费险\n生鲜商品不支持七天无理由退货。 |  | '],
      ['话术模板', '催发货\n根据客户情况选择：\n未发货 | 亲，您的订单将在24小时内发出。\n已发货 | 亲，您的包裹已在路上，请耐心等待。'],
      ['联系我们 > 退货地址', '上海市浦东新区张江路100号，收件人：售后部。'],
      ['联系我们 > 客服时间', '每天9:00-21:00，节假日不休。'],
    ]);
  });
});

describe('parseDocx: content mammoth skips', () => {
  it('reads the rest and says what was skipped with docx-content-skipped', async () => {
    const d = await doc('skipped-content.docx');
    const paragraphs = d.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    expect(paragraphs).toEqual(['The fee is yuan.', 'Orders over 99 yuan ship free.']);
    expect(d.warnings).toEqual([
      {
        code: 'docx-content-skipped',
        severity: 'warning',
        file: 'skipped-content.docx',
        message: 'has content kb skipped: an equation (m:oMath); the rest of the document was read — if that content matters, write it as plain text',
      },
    ]);
  });
});

describe('parseDocx: broken and hostile files', () => {
  it('refuses a file that is not a zip', async () => {
    const [p] = await problems('not-a-zip.docx');
    expect(p).toMatchObject({ code: 'corrupt-docx', severity: 'error', file: 'not-a-zip.docx' });
    expect(p?.message).toBe('is not a valid .docx (not a zip archive); re-save it from Word as .docx');
  });

  it('refuses a zip without word/document.xml', async () => {
    const [p] = await problems('no-document.docx');
    expect(p?.code).toBe('corrupt-docx');
    expect(p?.message).toContain('word/document.xml');
  });

  it('refuses a part packed more than 200:1 (a zip bomb) and says how to raise the limit', async () => {
    const [p] = await problems('bomb.docx');
    expect(p?.code).toBe('zip-bomb');
    expect(p?.message).toContain('50 MB');
    expect(p?.message).toContain('--max-unzipped-mb');
  });

  it('refuses an archive whose declared sizes add up to more than the limit', async () => {
    const [p] = await problems('guide-en.docx', 4096);
    expect(p?.code).toBe('zip-bomb');
    expect(p?.message).toMatch(/over the 4 KB limit.*--max-unzipped-mb/u);
  });

  it('refuses a part that inflates to more than its declared size', async () => {
    const [p] = await problems('lying-size.docx');
    expect(p?.code).toBe('zip-bomb');
    expect(p?.message).toContain('more than the size its archive declares');
  });

  it('says a password-protected file is one (an OLE container, not a zip)', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const r = await parseDocx(ole, { file: 'secret.docx', maxUnzippedBytes: MB });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]?.code).toBe('corrupt-docx');
    expect(r.problems[0]?.message).toContain('password');
  });
});

describe('mammothWarnings', () => {
  it('drops noise about unmapped styles and images, keeps heading-like styles, deduplicates', () => {
    const warnings = mammothWarnings(
      [
        { type: 'warning', message: "Unrecognised paragraph style: 'List Paragraph' (Style ID: ListParagraph)" },
        { type: 'warning', message: "Unrecognised run style: 'Hyperlink' (Style ID: Hyperlink)" },
        { type: 'warning', message: "Unrecognised paragraph style: '章标题' (Style ID: a5)" },
        { type: 'warning', message: "Unrecognised paragraph style: '章标题' (Style ID: a5)" },
        { type: 'warning', message: 'Image of type image/x-emf is unlikely to display in web browsers' },
        { type: 'warning', message: 'An unrecognised element was ignored: w:customXml' },
      ],
      'a.docx',
    );
    expect(warnings.map((w) => [w.code, w.severity, w.file])).toEqual([
      ['docx-heading-style', 'warning', 'a.docx'],
      ['docx-content-skipped', 'warning', 'a.docx'],
    ]);
    expect(warnings[0]?.message).toMatch(/'章标题'.*Heading 1–6.*\(2 times\)$/u);
    expect(warnings[1]?.message).toContain('w:customXml');
  });

  it('names skipped elements the way Word does, and says what they are when it knows', () => {
    const warnings = mammothWarnings(
      [
        { type: 'warning', message: 'An unrecognised element was ignored: {http://schemas.openxmlformats.org/officeDocument/2006/math}oMathPara' },
        { type: 'warning', message: 'A w:sym element with an unsupported character was ignored: char F0FC in font Foo' },
        { type: 'warning', message: 'unexpected non-row element in table, cell merging may be incorrect' },
      ],
      'a.docx',
    );
    expect(warnings.map((w) => w.code)).toEqual(['docx-content-skipped', 'docx-content-skipped', 'docx-content-skipped']);
    expect(warnings[0]?.message).toMatch(/^has content kb skipped: an equation \(m:oMathPara\);/u);
    expect(warnings[1]?.message).toContain('w:sym');
    expect(warnings[2]?.message).toContain('cell merging');
  });
});

describe('make-docx fixtures', () => {
  it('are byte-for-byte reproducible', async () => {
    const { makeDocxFixtures } = (await import(script)) as FixtureModule;
    const dir = mkdtempSync(join(tmpdir(), 'kb-docx-'));
    try {
      await makeDocxFixtures(dir);
      for (const name of [...WORD_FEATURES, 'policy-zh.docx', 'guide-en.docx', 'skipped-content.docx', 'no-document.docx', 'bomb.docx']) {
        expect(readFileSync(join(dir, name)).equals(readFileSync(join(generated, name))), name).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
