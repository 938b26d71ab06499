import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Problem, Result } from '../../core/problems.js';
import type { ParsedDoc } from '../parsed.js';
import { mammothWarnings, parseDocx } from './docx.js';

const generated = fileURLToPath(new URL('../../../fixtures/generated/', import.meta.url));
const script = new URL('../../../scripts/fixtures/make-docx.mjs', import.meta.url).href;
const NAMES = ['policy-zh.docx', 'guide-en.docx', 'skipped-content.docx', 'not-a-zip.docx', 'no-document.docx', 'bomb.docx', 'lying-size.docx'];

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
    // a break after a sentence starts a paragraph; a break inside a line of contacts is a space
    expect(paragraphs.slice(-2)).toEqual(['节假日期间退款时间顺延，请耐心等待。', '客服热线 400-800-1234 服务时间 9:00-21:00']);
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
      for (const name of ['policy-zh.docx', 'guide-en.docx', 'skipped-content.docx', 'no-document.docx', 'bomb.docx']) {
        expect(readFileSync(join(dir, name)).equals(readFileSync(join(generated, name))), name).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
