import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Problem, Result } from '../../core/problems.js';
import { generateEntries } from '../../generate/index.js';
import { ingestPaths } from '../index.js';
import { ingestFile } from '../ingest.js';
import type { ParsedBlock, ParsedDoc } from '../parsed.js';
import { fontWeight, isPageNumber, layoutPages, meaningfulTitle, type RawPage } from './pdf-layout.js';
import { parsePdf } from './pdf.js';

const generated = fileURLToPath(new URL('../../../fixtures/generated/', import.meta.url));
const script = new URL('../../../scripts/fixtures/make-pdf.mjs', import.meta.url).href;
const NAMES = [
  'policy-zh.pdf',
  'guide-en.pdf',
  'encrypted.pdf',
  'truncated.pdf',
  'garbage.pdf',
  'scanned.pdf',
  'partly-scanned.pdf',
  'policy-zh.expected.json',
  'guide-en.expected.json',
  'manual-zh.pdf',
  'manual-en.pdf',
  'tables-zh.pdf',
  'manual-zh.expected.json',
  'manual-en.expected.json',
  'tables-zh.expected.json',
  'direct-format-zh.pdf',
  'direct-format-en.pdf',
  'direct-format-zh.expected.json',
  'direct-format-en.expected.json',
  'one-page-zh.pdf',
  'one-page-zh.expected.json',
];

interface FixtureModule {
  makePdfFixtures: (outDir: string) => Promise<void>;
}

/** What the fixture generator laid out (written beside the PDFs). */
interface PolicyExpected {
  title: string;
  header: string;
  pages: number;
  chapters: { text: string; page: number }[];
  articles: { label: string; text: string; page: number }[];
  crossesPageBreak: string[];
  faq: { heading: string; paragraphs: string[] };
}
interface GuideExpected {
  title: string;
  pages: number;
  headings: { text: string; depth: number; page: number }[];
  paragraphs: { text: string; page: number }[];
}

/** A manual set in columns: the blocks in reading order, and the paragraphs that go on in the next column or page. */
interface ManualExpected {
  title: string;
  pages: number;
  blocks: ParsedBlock[];
  crossesColumn: string[];
}
interface TablesExpected {
  title: string;
  intro: string;
  /** Per table, per row, the first line of each cell as drawn. */
  tables: string[][][];
}

beforeAll(async () => {
  // `npm test` makes them (scripts/make-fixtures.mjs); make them here too when run on their own
  if (NAMES.some((n) => !existsSync(join(generated, n)))) {
    const { makePdfFixtures } = (await import(script)) as FixtureModule;
    await makePdfFixtures(generated);
  }
});

function bytesOf(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(generated, name)));
}

function expected<T>(name: string): T {
  return JSON.parse(readFileSync(join(generated, name), 'utf8')) as T;
}

async function read(name: string): Promise<Result<ParsedDoc>> {
  return parsePdf(bytesOf(name), { file: name, maxUnzippedBytes: 0 });
}

async function doc(name: string): Promise<ParsedDoc> {
  const r = await read(name);
  if (!r.ok) throw new Error(`parse failed: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.value;
}

async function problems(name: string): Promise<Problem[]> {
  const r = await read(name);
  if (r.ok) throw new Error(`expected ${name} to fail, got ${r.value.blocks.length} blocks`);
  return r.problems;
}

const paragraphs = (d: ParsedDoc): Extract<ParsedBlock, { kind: 'paragraph' }>[] =>
  d.blocks.filter((b): b is Extract<ParsedBlock, { kind: 'paragraph' }> => b.kind === 'paragraph');
const headings = (d: ParsedDoc): Extract<ParsedBlock, { kind: 'heading' }>[] =>
  d.blocks.filter((b): b is Extract<ParsedBlock, { kind: 'heading' }> => b.kind === 'heading');
const CJK_SPACE_CJK = /[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF] +[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]/u;

describe('parsePdf: a Chinese policy (policy-zh.pdf)', () => {
  it('reads every article as one paragraph, exactly as written, on the page where it starts', async () => {
    const d = await doc('policy-zh.pdf');
    const exp = expected<PolicyExpected>('policy-zh.expected.json');
    const texts = paragraphs(d).map((p) => p.text);
    for (const article of exp.articles) {
      const found = paragraphs(d).filter((p) => p.text.startsWith(`${article.label} `));
      expect(found, article.label).toHaveLength(1);
      expect(found[0]?.text, article.label).toBe(article.text);
      expect(found[0]?.location, article.label).toEqual({ page: article.page });
    }
    // in reading order
    const order = exp.articles.map((a) => texts.indexOf(a.text));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('joins the article that continues across a page break, past the footer and the next header', async () => {
    const d = await doc('policy-zh.pdf');
    const exp = expected<PolicyExpected>('policy-zh.expected.json');
    expect(exp.crossesPageBreak.length).toBeGreaterThan(0);
    for (const label of exp.crossesPageBreak) {
      const article = exp.articles.find((a) => a.label === label);
      const block = paragraphs(d).find((p) => p.text.startsWith(`${label} `));
      expect(block?.text).toBe(article?.text);
      expect(block?.text).not.toMatch(/\n|第 \d+ 页|某某商城售后服务规则/u);
    }
    expect(d.blocks.every((b) => !('text' in b) || !b.text.includes('\n'))).toBe(true);
  });

  it('drops the running header and the page numbers, keeping the title that has the same words', async () => {
    const d = await doc('policy-zh.pdf');
    const exp = expected<PolicyExpected>('policy-zh.expected.json');
    expect(d.pages).toBe(exp.pages);
    expect(d.pages).toBeGreaterThanOrEqual(3);
    const withHeader = d.blocks.filter((b) => 'text' in b && b.text.includes(exp.header));
    expect(withHeader).toEqual([{ kind: 'heading', depth: 1, text: exp.title, location: { page: 1 } }]);
    expect(d.blocks.filter((b) => 'text' in b && /第\s*\d+\s*页/u.test(b.text))).toEqual([]);
  });

  it('never puts a space between CJK characters (only the one written after 第X条)', async () => {
    const d = await doc('policy-zh.pdf');
    for (const b of d.blocks) {
      if (!('text' in b)) continue;
      // the fixture writes one space after 第X条 / 第X章 labels; any other space between CJK is the adapter's
      expect(b.text.replace(/^第[一二三四五六七八九十]+[条章] /u, ''), b.text).not.toMatch(CJK_SPACE_CJK);
    }
    const faq = paragraphs(d).find((p) => p.text.startsWith('如需人工帮助'));
    expect(faq?.text).toBe(expected<PolicyExpected>('policy-zh.expected.json').faq.paragraphs[1]);
  });

  it('makes headings of larger-font lines by size rank, numbered chapter lines (第X章) included', async () => {
    const d = await doc('policy-zh.pdf');
    const exp = expected<PolicyExpected>('policy-zh.expected.json');
    expect(headings(d).map((h) => [h.text, h.depth])).toEqual([
      [exp.title, 1],
      ...exp.chapters.map((c) => [c.text, 2]),
      [exp.faq.heading, 2],
    ]);
    for (const chapter of exp.chapters) {
      expect(d.blocks.filter((b) => 'text' in b && b.text === chapter.text)).toEqual([{ kind: 'heading', depth: 2, text: chapter.text, location: { page: chapter.page } }]);
    }
    expect(d.title).toBe(exp.title); // metadata Title
  });
});

describe('parsePdf: an English guide (guide-en.pdf)', () => {
  it('detects the title and headings from font size, with depth by size rank and their pages', async () => {
    const d = await doc('guide-en.pdf');
    const exp = expected<GuideExpected>('guide-en.expected.json');
    expect(headings(d).map((h) => ({ text: h.text, depth: h.depth, page: h.location.page }))).toEqual(exp.headings);
    // the metadata Title is "Microsoft Word - guide.docx": not a title, so the first heading is
    expect(d.title).toBe(exp.title);
    expect(d.pages).toBe(2);
  });

  it('re-joins wrapped lines with spaces, closes the hyphenated break, and drops "Page N of 2"', async () => {
    const d = await doc('guide-en.pdf');
    const exp = expected<GuideExpected>('guide-en.expected.json');
    expect(paragraphs(d).map((p) => ({ text: p.text, page: p.location.page }))).toEqual(exp.paragraphs);
    expect(paragraphs(d).some((p) => p.text.includes('For international orders'))).toBe(true);
    expect(d.blocks.some((b) => 'text' in b && /Page \d/u.test(b.text))).toBe(false);
  });
});

interface DirectFormatExpected {
  title: string;
  sections: { headingPath: string[]; text: string }[];
}

describe('parsePdf: headings in bold at body size (direct-format-*.pdf, as Word exports a document without heading styles)', () => {
  const sectionsOf = async (name: string) => {
    const r = await ingestFile(join(generated, name));
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    // spaces aside: a table row's cells are read as one line (CJK/Latin spacing dropped)
    return r.value.sections.map((s) => ({ headingPath: s.headingPath, text: s.text.replace(/\s+/gu, '') }));
  };
  const expectedOf = (name: string) => expected<DirectFormatExpected>(name).sections.map((s) => ({ headingPath: s.headingPath, text: s.text.replace(/\s+/gu, '') }));

  it('nests a 售后服务政策 16 pt title > 14 pt 一、chapters > bold 12 pt topics; the bold 注意 line, a partly bold line and the bold table header stay text', async () => {
    expect(await sectionsOf('direct-format-zh.pdf')).toEqual(expectedOf('direct-format-zh.expected.json'));
    const d = await doc('direct-format-zh.pdf');
    expect(headings(d).map((h) => [h.depth, h.text]).slice(0, 4)).toEqual([
      [1, '某某商城售后服务政策'],
      [2, '一、退货政策'],
      [3, '退货条件'],
      [3, '退货运费'],
    ]);
  });

  it('does the same in Helvetica / Helvetica-Bold (English)', async () => {
    expect(await sectionsOf('direct-format-en.pdf')).toEqual(expectedOf('direct-format-en.expected.json'));
  });

  it('gives kb generate a heading path to ask about for each bold topic', async () => {
    const run = await ingestPaths([join(generated, 'direct-format-zh.pdf'), join(generated, 'direct-format-en.pdf')]);
    const asked = generateEntries(run.documents, { similar: 0 }).entries.map((e) => `${e.question} ← ${e.source?.headingPath.join(' > ') ?? ''}`);
    expect(asked).toEqual(
      expect.arrayContaining([
        '退货条件是什么？ ← 某某商城售后服务政策 > 一、退货政策 > 退货条件',
        '如何换货？ ← 某某商城售后服务政策 > 二、换货政策 > 换货流程',
        'How do I exchange an item? ← After-Sales Service Policy > Exchanges > How to exchange an item',
      ]),
    );
  });
});

describe('parsePdf: pages set in two columns', () => {
  it('reads a Chinese manual column by column: title and introduction across the page, then the left column, then the right, on both pages', async () => {
    const d = await doc('manual-zh.pdf');
    const exp = expected<ManualExpected>('manual-zh.expected.json');
    // every heading and paragraph exactly as laid out and in reading order; the running header and
    // the "- N -" page numbers gone
    expect(d.blocks).toEqual(exp.blocks);
    expect(d.pages).toBe(2);
    expect(headings(d).map((h) => h.text)).toEqual([exp.title, '安全注意事项', '安装', '使用方法', '清洁保养', '故障排除']);
  });

  it('joins a paragraph that goes on from the foot of one column to the top of the next, and onto the next page', async () => {
    const d = await doc('manual-zh.pdf');
    const exp = expected<ManualExpected>('manual-zh.expected.json');
    expect(exp.crossesColumn.length).toBeGreaterThanOrEqual(2);
    for (const text of exp.crossesColumn) expect(paragraphs(d).filter((p) => p.text === text), text).toHaveLength(1);
  });

  it('gives each section of the manual its own text, in order (through ingestFile and sectionize)', async () => {
    const r = await ingestFile(join(generated, 'manual-zh.pdf'));
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    const byHeading = new Map(r.value.sections.map((s) => [s.headingPath[s.headingPath.length - 1], s]));
    expect(byHeading.get('使用方法')?.headingPath).toEqual(['电热水壶产品说明书', '使用方法']);
    expect(byHeading.get('使用方法')?.text).toBe(
      [
        '打开壶盖，加入清水，水位应当在最低水位线和最高水位线之间。加水过少会导致干烧保护频繁动作，加水过多则在沸腾时可能溢出，造成烫伤。',
        '盖好壶盖，将壶身放回底座，按下开关，指示灯亮起表示开始加热。水烧开后水壶自动断电，指示灯熄灭。如需再次加热，请等待约三十秒后重新按下开关。',
        '本产品具有防干烧功能：壶内无水时误开机，温控器将自动切断电源。此时请拔下电源插头，待壶身完全冷却后再加水使用。',
      ].join('\n'),
    );
    expect(byHeading.get('使用方法')?.location).toEqual({ page: 1 });
    expect(byHeading.get('清洁保养')?.location).toEqual({ page: 2 });
    expect(byHeading.get('故障排除')?.text.startsWith('按下开关后指示灯不亮：')).toBe(true);
  });

  it('reads an English page of justified columns (a run per word), with a heading across the page between two bands of columns', async () => {
    const d = await doc('manual-en.pdf');
    const exp = expected<ManualExpected>('manual-en.expected.json');
    expect(d.blocks).toEqual(exp.blocks);
    for (const text of exp.crossesColumn) expect(paragraphs(d).map((p) => p.text)).toContain(text);
    expect(d.blocks.some((b) => 'text' in b && /Page \d/u.test(b.text))).toBe(false);
  });

  it('reads ruled tables as tables, cell by cell: short cells, cells that wrap, and a two-column table of wide cells', async () => {
    const d = await doc('tables-zh.pdf');
    const exp = expected<TablesExpected>('tables-zh.expected.json');
    expect(d.blocks.slice(0, 2).map((b) => ('text' in b ? b.text : ''))).toEqual([exp.title, exp.intro]);
    const tables = d.blocks.flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
    expect(tables).toHaveLength(exp.tables.length);
    // each cell holds its whole text (a wrapped cell's lines joined), row by row, column by column
    exp.tables.forEach((table, t) => {
      expect(tables[t]?.length, `table ${t + 1}`).toBe(table.length);
      table.forEach((row, r) => row.forEach((first, c) => expect(tables[t]?.[r]?.[c]?.replace(/\s+/gu, '').startsWith(first.replace(/\s+/gu, '')), `${first} (table ${t + 1}, row ${r + 1})`).toBe(true)));
    });
    expect(d.blocks.some((b) => 'text' in b && exp.tables.flat(2).includes(b.text))).toBe(false);
  });
});

describe('parsePdf: files it cannot read', () => {
  it('reports a password-protected file', async () => {
    const [p] = await problems('encrypted.pdf');
    expect(p).toMatchObject({ code: 'pdf-password', severity: 'error', file: 'encrypted.pdf' });
    expect(p?.message).toContain('save an unprotected copy');
  });

  it('reports a truncated file as corrupt', async () => {
    const [p] = await problems('truncated.pdf');
    expect(p).toMatchObject({ code: 'corrupt-pdf', file: 'truncated.pdf' });
    expect(p?.message).toMatch(/is not a readable PDF \(.+\); re-export it or check the file is complete/u);
  });

  it('fails fast on a text file named .pdf, and on empty bytes', async () => {
    const started = Date.now();
    const [p] = await problems('garbage.pdf');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(p).toMatchObject({ code: 'corrupt-pdf', file: 'garbage.pdf' });
    const empty = await parsePdf(new Uint8Array(0), { file: 'empty.pdf', maxUnzippedBytes: 0 });
    expect(empty.ok ? 'ok' : empty.problems[0]?.code).toBe('corrupt-pdf');
  });

  it('reports a scanned file (no text layer)', async () => {
    const [p] = await problems('scanned.pdf');
    expect(p).toMatchObject({ code: 'pdf-no-text', file: 'scanned.pdf' });
    expect(p?.message).toContain('run OCR first');
  });

  it('reads a text PDF with a scanned page, and warns about that page', async () => {
    const d = await doc('partly-scanned.pdf');
    expect(paragraphs(d).map((p) => p.text)).toEqual(['This page has a text layer. The next page is a scanned image without one.']);
    expect(d.warnings).toEqual([expect.objectContaining({ code: 'pdf-no-text', severity: 'warning', location: { page: 2 } })]);
    expect(d.warnings[0]?.message).toMatch(/^page 2 has only images, no text layer \(scanned\?\); run OCR/u);
  });

  it('reports binary garbage behind a PDF header without throwing', async () => {
    const junk = new Uint8Array(64 * 1024);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 251;
    junk.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
    const r = await parsePdf(junk, { file: 'junk.pdf', maxUnzippedBytes: 0 });
    expect(r.ok ? 'ok' : r.problems[0]?.code).toBe('corrupt-pdf');
  });
});

describe('parsePdf: side effects', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints nothing and leaves the caller\'s bytes intact (pdf.js detaches the buffer it is given)', async () => {
    const warn = vi.spyOn(console, 'warn');
    const log = vi.spyOn(console, 'log');
    const error = vi.spyOn(console, 'error');
    const stderr = vi.spyOn(process.stderr, 'write');
    const bytes = bytesOf('policy-zh.pdf');
    const length = bytes.byteLength;
    for (const name of ['policy-zh.pdf', 'guide-en.pdf', 'encrypted.pdf', 'truncated.pdf', 'scanned.pdf']) await read(name);
    await parsePdf(bytes, { file: 'policy-zh.pdf', maxUnzippedBytes: 0 });
    expect(bytes.byteLength).toBe(length);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect([warn, log, error, stderr].map((s) => s.mock.calls.length)).toEqual([0, 0, 0, 0]);
  });
});

// ---------------------------------------------------------------------------------------------
// The layout core on synthetic pages: positioned items as pdf.js returns them

interface ItemSpec {
  str: string;
  x: number;
  y: number;
  size?: number;
  width?: number;
  angle?: number;
  /** pdf.js's font id (default `f1`). */
  font?: string;
}

const A4 = [0, 0, 595, 842];

function item({ str, x, y, size = 12, width, angle = 0, font = 'f1' }: ItemSpec): unknown {
  const cjk = /[\u3000-\u9FFF\uFF00-\uFFEF]/u;
  const w = width ?? [...str].reduce((n, ch) => n + (cjk.test(ch) ? size : 0.5 * size), 0);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return { str, dir: 'ltr', transform: [size * c, size * s, -size * s, size * c, x, y], width: w, height: size, fontName: font, hasEOL: false };
}

/**
 * Lay CJK paragraphs out as a typesetter would: `width` characters a line from x=72 at 12 pt, 18 pt
 * line spacing, the first line indented by `indent` characters.
 */
function typeset(paragraphs: string[], { indent = 0, width = 36, top = 700 } = {}): ItemSpec[] {
  const out: ItemSpec[] = [];
  let y = top;
  for (const text of paragraphs) {
    let chars = [...text];
    let first = true;
    while (chars.length > 0) {
      const room = first ? width - indent : width;
      out.push({ str: chars.slice(0, room).join(''), x: 72 + (first ? indent * 12 : 0), y });
      chars = chars.slice(room);
      first = false;
      y -= 18;
    }
  }
  return out;
}

function page(n: number, specs: ItemSpec[]): RawPage {
  return { page: n, items: specs.map(item), view: A4 };
}

function texts(pages: RawPage[]): string[] {
  return layoutPages(pages).blocks.map((b) => ('text' in b ? b.text : ''));
}

describe('fontWeight', () => {
  it('reads the weight from a font name, a Chinese 黑体 face heavier than 宋体', () => {
    const names = ['ABCDEF+SimSun', 'ABCDEF+SimSun,Bold', 'Arial-BoldMT', 'NotoSansCJKsc-Black', 'HiraginoSans-W6', 'SourceHanSansCN-Medium', 'ABCDEF+SimHei', 'FZHTK--GBK1-0', 'Helvetica', 'PingFangSC-Light'];
    expect(names.map(fontWeight)).toEqual([400, 700, 700, 800, 600, 500, 550, 550, 400, 300]);
  });
});

describe('layoutPages: bold lines at body size', () => {
  const BODY = '自签收之日起七日内，商品完好、配件齐全、不影响二次销售的，消费者可以申请无理由退货。';
  const fonts = new Map([
    ['f1', 'ABCDEF+SimSun'],
    ['f2', 'ABCDEF+SimSun,Bold'],
    ['f3', 'ABCDEF+SimHei'],
  ]);
  /** Lines 24 pt apart from the top: [text, font, size?]. */
  const lines = (specs: [string, string, number?][]): RawPage[] => [page(1, specs.map(([str, font, size], i) => ({ str, x: 72, y: 760 - 24 * i, font, ...(size === undefined ? {} : { size }) })))];
  const blocksOf = (pages: RawPage[], names = fonts) => layoutPages(pages, names).blocks.map((b) => [b.kind === 'heading' ? b.depth : b.kind, 'text' in b ? b.text : '']);

  it('makes a short bold line followed by body text a heading below the larger-font headings', () => {
    const pages = lines([
      ['售后服务政策', 'f2', 16],
      ['退货条件', 'f2'],
      [BODY, 'f1'],
      ['退货运费', 'f3'], // 黑体 over a 宋体 body
      [BODY, 'f1'],
    ]);
    expect(blocksOf(pages)).toEqual([
      [1, '售后服务政策'],
      [2, '退货条件'],
      ['paragraph', BODY],
      [2, '退货运费'],
      ['paragraph', BODY],
    ]);
    // without the fonts' names nothing is bold
    expect(blocksOf(pages, new Map()).filter(([k]) => k !== 'paragraph')).toEqual([[1, '售后服务政策']]);
  });

  it('leaves a bold sentence, a bold warning, two bold lines in a row, a bold last line and a partly bold line as text', () => {
    const pages = lines([
      ['退货时请保留原包装。', 'f2'],
      [BODY, 'f1'],
      ['注意：请勿自行拆机', 'f2'],
      [BODY, 'f1'],
      ['登录账号', 'f2'],
      ['选择商品', 'f2'],
      [BODY, 'f1'],
      ['最后一行', 'f2'],
    ]);
    expect(blocksOf(pages).every(([k]) => k === 'paragraph')).toBe(true);
    const partly = [page(1, [{ str: '退货须知：', x: 72, y: 760, font: 'f2' }, { str: '商品需保持完好，配件齐全', x: 72 + 60, y: 760, font: 'f1' }, { str: BODY, x: 72, y: 736, font: 'f1' }])];
    expect(blocksOf(partly).map(([k]) => k)).toEqual(['paragraph', 'paragraph']);
  });

  it('does not take a bold table header row (cells far apart) for a heading', () => {
    const pages = [
      page(1, [
        { str: '支付方式', x: 72, y: 760, font: 'f2' },
        { str: '到账时间', x: 272, y: 760, font: 'f2' },
        { str: '支付宝', x: 72, y: 736, font: 'f1' },
        { str: '1-3个工作日', x: 272, y: 736, font: 'f1' },
        { str: '银行卡', x: 72, y: 712, font: 'f1' },
        { str: '3-7个工作日', x: 272, y: 712, font: 'f1' },
        { str: BODY, x: 72, y: 670, font: 'f1' },
      ]),
    ];
    // and two rows of cells are two lines, not one wrapped line
    expect(blocksOf(pages)).toEqual([
      ['paragraph', '支付方式 到账时间'],
      ['paragraph', '支付宝1-3个工作日'],
      ['paragraph', '银行卡3-7个工作日'],
      ['paragraph', BODY],
    ]);
  });
});

describe('layoutPages', () => {
  it('finds no right margin where two short headings end (一、延保范围 and 三、延保退款), so their body lines stay apart', () => {
    // a short document as pdfkit writes it: one line per paragraph, 14 pt apart, none reaching the
    // same right edge but the two six-character headings
    const lines = (specs: [string, number][]): ItemSpec[] => specs.map(([str, y]) => ({ str, x: 72, y }));
    const out = texts([
      page(1, [
        { str: '延保服务说明', x: 72, y: 703, size: 18 },
        ...lines([['一、延保范围', 688], ['购买延保的商品，在原厂保修期满后继续享受两年免费维修服务，不含人为损坏。', 674], ['二、如何申请延保', 660], ['在订单完成后三十天内于“我的订单—购买延保”中购买，价格为商品售价的百分之五。', 646]]),
      ]),
      page(2, lines([['三、延保退款', 709], ['延保服务未使用的，可在购买后七天内申请全额退款。', 695], ['问：延保可以转让吗？', 681], ['答：延保随商品转让，需提供原订单号。', 667]])),
    ]);
    expect(out).toEqual([
      '延保服务说明',
      '一、延保范围',
      '购买延保的商品，在原厂保修期满后继续享受两年免费维修服务，不含人为损坏。',
      '二、如何申请延保',
      '在订单完成后三十天内于“我的订单—购买延保”中购买，价格为商品售价的百分之五。',
      '三、延保退款',
      '延保服务未使用的，可在购买后七天内申请全额退款。',
      '问：延保可以转让吗？',
      '答：延保随商品转让，需提供原订单号。',
    ]);
  });

  it('puts a space between Latin runs at a visible gap, never between CJK runs', () => {
    const out = texts([
      page(1, [
        { str: 'Hello', x: 72, y: 700 },
        { str: 'world.', x: 72 + 30 + 4, y: 700 },
        { str: '退货', x: 72, y: 680 },
        { str: '运费', x: 72 + 24 + 4, y: 680 },
        { str: 'Apple', x: 72, y: 660 },
        { str: 'Pay', x: 72 + 30 + 1, y: 660 }, // kerning-sized gap: one word
      ]),
    ]);
    expect(out.join('|')).toContain('Hello world.');
    expect(out.join('|')).toContain('退货运费');
    expect(out.join('|')).toContain('ApplePay');
  });

  it('orders runs by x within a line and lines from the top, whatever the content-stream order', () => {
    const out = texts([
      page(1, [
        { str: '第二行。', x: 72, y: 680 },
        { str: '的后半，', x: 72 + 48, y: 700 },
        { str: '第一行', x: 72, y: 700.4 },
      ]),
    ]);
    expect(out).toEqual(['第一行的后半，第二行。']);
  });

  it('drops a diagonal watermark', () => {
    const out = texts([page(1, [{ str: '内部资料', x: 200, y: 400, size: 40, angle: Math.PI / 4 }, { str: '正文。', x: 72, y: 700 }])]);
    expect(out).toEqual(['正文。']);
  });

  it('drops lines repeated in the margins of many pages and page numbers, keeps a margin line seen once', () => {
    const pages: RawPage[] = [];
    for (let n = 1; n <= 5; n++) {
      const specs: ItemSpec[] = [
        { str: `某某公司 内部文件 2026-0${n}`, x: 200, y: 800, size: 9 },
        ...typeset([`正文第${n}页的内容，${'这是一段足够长的文字'.repeat(4)}。`], { top: 700 }),
        { str: n === 3 ? '- 3 -' : `第 ${n} 页 共 5 页`, x: 280, y: 40, size: 9 },
      ];
      if (n === 2) specs.push({ str: '仅此一页的页脚说明', x: 72, y: 60, size: 9 });
      pages.push(page(n, specs));
    }
    const out = texts(pages);
    expect(out.filter((t) => t.includes('某某公司'))).toEqual([]);
    expect(out.filter((t) => /页 共|^- 3 -$/u.test(t))).toEqual([]);
    expect(out).toContain('仅此一页的页脚说明');
    expect(out.filter((t) => t.startsWith('正文'))).toHaveLength(5);
  });

  it('splits paragraphs at first-line indents and after short sentence-ending lines; joins wrapped lines', () => {
    const input = [
      `第一段开头缩进两个字符，${'这一句话很长，会换行'.repeat(6)}，最后结束。`,
      '第二段只有一行。',
      '第三段也只有一行，紧跟在上一段后面，同样缩进。',
      // 34 characters: exactly fills its indented first line, ending a sentence
      `第四段${'正好写满一整行'.repeat(5)}`.slice(0, 33) + '。',
      `第五段的第一行，${'写满一整行文字'.repeat(5)}。`,
    ];
    expect([...(input[3] ?? '')].length).toBe(34);
    expect(texts([page(1, typeset(input, { indent: 2 }))])).toEqual(input);
  });

  it('splits at a first-line indent even when the line above runs to the margin and ends a sentence', () => {
    // 34 + 36 characters: the last line of each paragraph is full
    const full = (head: string): string => `${head}${'每一行都写满文字'.repeat(10)}`.slice(0, 69) + '。';
    const input = [full('第一段'), full('第二段'), full('第三段')];
    expect(texts([page(1, typeset(input, { indent: 2 }))])).toEqual(input);
  });

  it('joins wrapped lines of a paragraph that continues on the next page', () => {
    const text = `跨页的段落${'从这一页一直写到下一页'.repeat(8)}，最后才结束。`;
    const lines = typeset([text], { indent: 2 });
    const first = lines.slice(0, 3);
    const rest = lines.slice(3).map((l, i) => ({ ...l, y: 760 - 18 * i }));
    expect(texts([page(1, first), page(2, rest)])).toEqual([text]);
    expect(layoutPages([page(1, first), page(2, rest)]).blocks[0]?.location).toEqual({ page: 1 });
  });

  it('starts a paragraph at policy numbering and bullets, and after a larger gap', () => {
    const out = texts([
      page(1, [
        { str: 'Refunds are paid within five days of the return being received at', x: 72, y: 700, width: 430 },
        { str: 'the warehouse.', x: 72, y: 686, width: 80 },
        { str: '1. Pack the item.', x: 72, y: 672, width: 100 },
        { str: '• Keep the receipt.', x: 72, y: 658, width: 110 },
        { str: 'After a gap, a new paragraph', x: 72, y: 630, width: 430 },
        { str: 'that wraps.', x: 72, y: 616, width: 60 },
      ]),
    ]);
    expect(out).toEqual([
      'Refunds are paid within five days of the return being received at the warehouse.',
      '1. Pack the item.',
      '• Keep the receipt.',
      'After a gap, a new paragraph that wraps.',
    ]);
  });

  it('reads two columns on the same baselines left column first, below a title across the page and above a note across it', () => {
    const left = [`左栏第一段${'左栏的文字写满整行'.repeat(4)}。`, `左栏第二段${'左栏的文字'.repeat(5)}。`];
    const right = [`右栏第一段${'右栏的文字写满整行'.repeat(4)}。`, `右栏第二段${'右栏的文字'.repeat(5)}。`];
    // 16 characters a line at 12 pt: the left column at x=72, the right one at x=72+16×12+24
    const column = (paragraphs: string[], x: number): ItemSpec[] => typeset(paragraphs, { indent: 2, width: 16, top: 680 }).map((l) => ({ ...l, x: l.x - 72 + x }));
    const note = '以上内容仅供参考，以实物为准。';
    const out = texts([
      page(1, [
        { str: '两栏排版的说明书', x: 200, y: 730, size: 18 },
        ...column(left, 72),
        ...column(right, 72 + 16 * 12 + 24),
        { str: note, x: 72, y: 400 },
      ]),
    ]);
    expect(out).toEqual(['两栏排版的说明书', ...left, ...right, note]);
  });

  it('reads a last page whose right column holds only two lines column by column, at the gutter of the page before', () => {
    const column = (paragraphs: string[], x: number): ItemSpec[] => typeset(paragraphs, { indent: 2, width: 16, top: 700 }).map((l) => ({ ...l, x: l.x - 72 + x }));
    const first = [`第一页左栏${'左栏的文字写满整行'.repeat(4)}。`];
    const second = [`第一页右栏${'右栏的文字写满整行'.repeat(4)}。`];
    const third = [`第二页左栏${'左栏的文字写满整行'.repeat(4)}。`];
    const last = [`最后一段${'右栏的文字'.repeat(4)}。`]; // 24 characters: two lines
    const pages = [page(1, [...column(first, 72), ...column(second, 72 + 16 * 12 + 24)]), page(2, [...column(third, 72), ...column(last, 72 + 16 * 12 + 24)])];
    expect(texts(pages)).toEqual([first[0], second[0], third[0], last[0]]);
    // on its own, the second page has too short a right column to be taken for columns: it is read across
    expect(texts([pages[1] as RawPage])).not.toEqual([third[0], last[0]]);
  });

  it('reads two bands of columns apart when a short heading that does not cross the gutter sits between them', () => {
    const column = (head: string, x: number, top: number): ItemSpec[] => typeset([`${head}${'这一栏的文字写满整行'.repeat(5)}。`], { width: 16, top }).map((l) => ({ ...l, x: l.x - 72 + x }));
    const blocks = layoutPages([
      page(1, [
        ...column('甲栏', 72, 700),
        ...column('乙栏', 72 + 16 * 12 + 24, 700),
        { str: '第二部分', x: 72, y: 700 - 18 * 5 - 30, size: 16 },
        ...column('丙栏', 72, 700 - 18 * 5 - 60),
        ...column('丁栏', 72 + 16 * 12 + 24, 700 - 18 * 5 - 60),
      ]),
    ]).blocks;
    expect(blocks.map((b) => ('text' in b ? b.text.slice(0, 2) : ''))).toEqual(['甲栏', '乙栏', '第二', '丙栏', '丁栏']);
  });

  it('reads a key/value table of short cells row by row, not as two columns, each row a paragraph of its own', () => {
    const rows = [['型号', 'KB-1701 电热水壶，容量1.7升'], ['额定电压', '220伏交流电，频率50赫兹'], ['额定功率', '1800瓦，加热约五分钟'], ['保修期', '整机一年，发热盘三年']];
    const specs = rows.flatMap(([k = '', v = ''], i): ItemSpec[] => [
      { str: k, x: 72, y: 700 - 20 * i },
      { str: v, x: 200, y: 700 - 20 * i },
    ]);
    expect(texts([page(1, specs)]).join('|').replace(/\s+/gu, '')).toBe(rows.map(([k = '', v = '']) => k + v).join('|').replace(/\s+/gu, ''));
  });

  it('leaves a single column of short lines in order', () => {
    const lines = ['一、退货', '收到商品七天内可以退货。', '二、换货', '收到商品十五天内可以换货。', '三、维修', '保修期内免费维修。'];
    expect(texts([page(1, lines.map((str, i) => ({ str, x: 72, y: 700 - 18 * i })))]).join('')).toBe(lines.join(''));
  });

  it('finds no text on pages that have none', () => {
    expect(layoutPages([page(1, [{ str: '   ', x: 72, y: 700 }])]).chars).toBe(0);
  });
});

describe('isPageNumber', () => {
  it.each(['3', '- 3 -', '— 12 —', '第 3 页', '第3页 共19页', '第 3 页，共 19 页', '共19页 第3页', 'Page 3 of 19', 'page 7', '3 / 19', 'iv'])('%s is a page number', (text) => {
    expect(isPageNumber(text)).toBe(true);
  });
  it.each(['第三条', '2026年', '3.5', 'Page three', '第3章', 'I'])('%s is not', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });
});

describe('meaningfulTitle', () => {
  it('keeps real titles and rejects file names and placeholders', () => {
    expect(meaningfulTitle('中华人民共和国消费者权益保护法')).toBe('中华人民共和国消费者权益保护法');
    expect(meaningfulTitle('  Returns   Guide ')).toBe('Returns Guide');
    expect(meaningfulTitle('Microsoft Word - 售后规则')).toBe('售后规则');
    for (const junk of ['', '   ', 'Microsoft Word - guide.docx', 'untitled', '无标题', 'Document1', '新建 Microsoft Word 文档', '-', undefined, 42]) {
      expect(meaningfulTitle(junk), String(junk)).toBeUndefined();
    }
  });
});

// A service centre's one-page note (user test, 2026-11-27): its header became a section of its own and its footer
// notice ended the last section's answer — one page, so nothing repeats.
describe('a one-page PDF', () => {
  it('drops a header over the title and a footer under the text by their place and their smaller font, and keeps a 注：footnote', async () => {
    const want = expected<{ sections: { heading: string; text: string }[]; footnote: string }>('one-page-zh.expected.json');
    const r = await ingestFile(join(generated, 'one-page-zh.pdf'));
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    const sections = r.value.sections.map((x) => ({ heading: x.headingPath.at(-1), text: x.text }));
    expect(sections).toEqual([
      { heading: want.sections[0]?.heading, text: want.sections[0]?.text },
      { heading: want.sections[1]?.heading, text: `${want.sections[1]?.text ?? ''}\n${want.footnote}` },
    ]);
    const all = sections.map((x) => `${x.heading ?? ''} ${x.text}`).join('\n');
    expect(all).not.toContain('售后服务中心 |');
    expect(all).not.toContain('受控文件');
  });
});
