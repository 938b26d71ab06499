import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayPath, ingestFile, ingestPaths } from './index.js';

const FIX = 'fixtures';
const GEN = 'fixtures/generated';

async function read(path: string, options = {}) {
  const r = await ingestFile(path, options);
  if (!r.ok) throw new Error(`${path}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.value;
}

async function problemOf(path: string, options = {}) {
  const r = await ingestFile(path, options);
  if (r.ok) throw new Error(`${path} was read but should have failed`);
  expect(r.problems).toHaveLength(1);
  const p = r.problems[0]!;
  expect(p.file).toBe(path);
  expect(p.message).not.toMatch(/\n/);
  return p;
}

describe('ingestFile: the document model', () => {
  it('reads a Chinese policy text into one section per article with chapter and article in the path', async () => {
    const doc = await read(`${FIX}/ingest/text/policy-zh.txt`);
    expect(doc.format).toBe('text');
    expect(doc.title).toBe('优选商城售后服务规则');
    expect(doc.language).toBe('zh-Hans');
    expect(doc.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.sections.map((s) => s.headingPath.slice(1))).toEqual([
      ['第一章 总则', '第一条'],
      ['第一章 总则', '第二条'],
      ['第二章 退货与换货', '第三条'],
      ['第二章 退货与换货', '第四条'],
      ['第三章 退款', '第五条'],
      ['第三章 退款', '第六条'],
    ]);
    const art6 = doc.sections[5]!;
    expect(art6.text).toBe('使用优惠券的订单申请退款时，优惠券按照以下规则处理：\n1. 全部退货的，优惠券退回消费者账户，有效期不变；\n2. 部分退货的，优惠券不退回，按比例扣减退款金额。');
    expect(art6.location.line).toBeGreaterThan(30);
    expect(doc.chars).toBe(doc.sections.reduce((n, s) => n + s.text.length, 0));
  });

  it('gives the same ids on every run and the same sections whatever the encoding', async () => {
    const a = await read(`${FIX}/ingest/text/policy-zh.txt`);
    const b = await read(`${FIX}/ingest/text/policy-zh.txt`);
    expect(b.sections.map((s) => s.id)).toEqual(a.sections.map((s) => s.id));
    for (const name of ['policy-gbk.txt', 'policy-utf8-bom.txt', 'policy-utf16le.txt', 'policy-utf16be.txt']) {
      const other = await read(`${GEN}/${name}`);
      expect(other.sections.map((s) => [s.headingPath, s.text])).toEqual(a.sections.map((s) => [s.headingPath, s.text]));
    }
  });

  it('recognizes a traditional-Chinese document and keeps a simplified form for matching', async () => {
    const doc = await read(`${FIX}/ingest/text/policy-zh-hant.txt`);
    expect(doc.language).toBe('zh-Hant');
    const fee = doc.sections.find((s) => s.headingPath.at(-1) === '二、退貨運費')!;
    expect(fee.text).toBe('因商品品質問題退貨的，運費由商家承擔；無理由退貨的，運費由消費者承擔。');
    expect(fee.matchText).toBe('因商品品质问题退货的,运费由商家承担;无理由退货的,运费由消费者承担。');
  });

  it('normalizes full-width ASCII and whitespace in the match text only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-ingest-'));
    writeFileSync(join(dir, 'a.md'), '# 说明\n\n订单满ＡＢＣ　１００元　包邮。\n');
    const doc = await read(join(dir, 'a.md'));
    expect(doc.sections[0]?.text).toBe('订单满ＡＢＣ　１００元　包邮。');
    expect(doc.sections[0]?.matchText).toBe('订单满ABC 100元 包邮。');
  });

  it('keeps a DOCX chapter styled 标题 1 in the path of the 标题 2 topics and articles below it', async () => {
    const doc = await read(`${GEN}/policy-zh.docx`);
    expect(doc.sections.map((s) => s.headingPath)).toEqual([
      ['第一章 总则', '第一条'],
      ['第一章 总则', '第二条'],
      ['第二章 退货规则', '退货条件', '第三条'],
      ['第二章 退货规则', '退货条件', '第四条'],
      ['第二章 退货规则', '退款时效'],
      ['第二章 退货规则', '退款时效', '温馨提示'],
    ]);
  });

  it('reads every sample file', async () => {
    const run = await ingestPaths([`${FIX}/sample`]);
    expect(run.failed).toEqual([]);
    expect(run.documents.map((d) => d.format).sort()).toEqual(['csv', 'markdown', 'markdown', 'text']);
    for (const doc of run.documents) expect(doc.sections.length).toBeGreaterThan(0);
  });
});

describe('ingestFile: a section no answer can be', () => {
  it('splits a section of more than 20,000 characters into parts at sentence breaks, names them "(part N)", and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-long-'));
    const path = join(dir, 'huge-line.txt');
    writeFileSync(path, `Returns policy\n\n${'You can return items within 30 days. '.repeat(1000)}\n\nGift cards\n\nGift cards are valid for 24 months.\n`);
    const doc = await read(path);
    const names = doc.sections.map((s) => s.headingPath.at(-1));
    expect(names).toHaveLength(20);
    expect(names.slice(0, 2)).toEqual(['Returns policy (part 1)', 'Returns policy (part 2)']);
    expect(names.slice(-2)).toEqual(['Returns policy (part 19)', 'Gift cards']);
    expect(doc.sections.slice(0, 19).every((s) => s.text.length <= 2000 && s.text.endsWith('30 days.'))).toBe(true);
    expect(doc.sections.slice(0, 19).map((s) => s.text).join(' ')).toBe('You can return items within 30 days. '.repeat(1000).trim());
    const long = doc.warnings.filter((w) => w.code === 'long-section');
    expect(long).toHaveLength(1);
    expect(long[0]?.file).toBe(path);
    expect(long[0]?.location).toEqual({ line: 1 });
    expect(long[0]?.message).toMatch(/^section "Returns policy" is 36,999 characters long, too long for one answer: it was split into 19 parts of up to 2,000 characters .*\("Returns policy \(part 1\)" …\).*add headings/u);
  });

  it('keeps the ids of the parts before the end when text is appended to a long headingless file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-long-'));
    const path = join(dir, 'notes.txt');
    const paragraphs = Array.from({ length: 600 }, (_, i) => `第${i + 1}段：签收后七天内可以申请退货，商品需保持完好，配件齐全，运费由买家承担。`);
    writeFileSync(path, `${paragraphs.join('\n\n')}\n`);
    const before = await read(path);
    writeFileSync(path, `${[...paragraphs, ...paragraphs].join('\n\n')}\n`);
    const after = await read(path);
    expect(before.sections[0]?.headingPath).toEqual(['(part 1)']);
    expect(after.sections.length).toBeGreaterThan(before.sections.length);
    const kept = before.sections.slice(0, -1);
    expect(after.sections.slice(0, kept.length).map((s) => [s.id, s.text])).toEqual(kept.map((s) => [s.id, s.text]));
    expect(after.sections[before.sections.length - 1]?.id).toBe(before.sections.at(-1)?.id);
  });

  it('says nothing about ordinary sections', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-long-'));
    const path = join(dir, 'short.md');
    writeFileSync(path, `# Returns\n\n${'Send it back within 30 days. '.repeat(680)}\n`);
    const doc = await read(path);
    expect(doc.warnings).toEqual([]);
    // 19,719 characters, longer than any section of the dev sets: one section, not split
    expect(doc.sections.map((s) => [s.headingPath, s.text.length])).toEqual([[['Returns'], 19_719]]);
  });
});

describe('ingestFile: bad input is a problem value, never an exception', () => {
  it.each([
    [`${GEN}/empty.txt`, 'file-empty'],
    [`${GEN}/blank.md`, 'file-empty'],
    [`${GEN}/binary.txt`, 'undecodable-text'],
    [`${GEN}/notes.xyz`, 'unknown-format'],
    [`${GEN}/legacy.doc`, 'unknown-format'],
    [`${FIX}/does-not-exist.md`, 'file-not-found'],
    [`${GEN}/garbage.pdf`, 'corrupt-pdf'],
    [`${GEN}/truncated.pdf`, 'corrupt-pdf'],
    [`${GEN}/encrypted.pdf`, 'pdf-password'],
    [`${GEN}/scanned.pdf`, 'pdf-no-text'],
    [`${GEN}/not-a-zip.docx`, 'corrupt-docx'],
    [`${GEN}/no-document.docx`, 'corrupt-docx'],
    [`${GEN}/bomb.docx`, 'zip-bomb'],
    [`${GEN}/not-a-zip.xlsx`, 'bad-table'],
    [`${FIX}/ingest/tables/no-question.csv`, 'bad-table'],
  ])('%s → %s', async (path, code) => {
    expect((await problemOf(path)).code).toBe(code);
  });

  it.each([
    ['misnamed-manual.docx', /is a PDF document, not a \.docx file as its name says; rename it to misnamed-manual\.pdf/],
    ['misnamed-policy.pdf', /is a Word document \(\.docx\), not a \.pdf file .*rename it to misnamed-policy\.docx/],
    ['misnamed-faq.csv', /is an Excel workbook \(\.xlsx\), not a \.csv file .*rename it to misnamed-faq\.xlsx/],
    ['misnamed-faq.xls', /is an Excel workbook \(\.xlsx\), not a \.xls file .*rename it to misnamed-faq\.xlsx/],
  ])('says what %s really is and how to rename it (not advice for the format its name says)', async (name, message) => {
    const p = await problemOf(`${GEN}/${name}`);
    expect(p.code).toBe('wrong-extension');
    expect(p.message).toMatch(message);
  });

  it.each([
    // a file that is what its name says, though kb does not read it: its own advice, not "rename it"
    ['training.pptx', 'unknown-format', /^PowerPoint files are not supported; export the slides to PDF$/],
    ['training.ppsx', 'unknown-format', /^PowerPoint files are not supported; export the slides to PDF$/],
    ['macros.xlsm', 'unknown-format', /^Excel files with macros \(\.xlsm\) are not supported; save it as \.xlsx$/],
    // a password-protected .xlsx / .docx is an OLE file too: the adapter's message names the password
    ['protected.xlsx', 'bad-table', /password-protected/],
    ['protected.docx', 'corrupt-docx', /password-protected/],
    // a zip archive storing a .docx as it is holds "word/document.xml" in its bytes, but not as its own entry
    ['manuals.zip', 'unknown-format', /^archives are not unpacked; extract it and ingest the folder$/],
    // a CSV whose first cell begins "%PDF-" is read as the CSV it is (here: one without a header)
    ['pdf-faq.csv', 'bad-table', /^has no question column/],
  ])('does not call %s misnamed when its bytes are what its name says', async (name, code, message) => {
    const p = await problemOf(`${GEN}/${name}`);
    expect([p.code, p.message]).toEqual([code, expect.stringMatching(message)]);
  });

  it('says what to do with an old .doc file', async () => {
    expect((await problemOf(`${GEN}/legacy.doc`)).message).toMatch(/save it as \.docx/);
  });

  it('gives a file kb does not read its advice, not "raise the limit" or "add content", when it is too large or empty to look into', async () => {
    const tooLarge = await problemOf(`${GEN}/training.pptx`, { maxFileBytes: 100 });
    expect([tooLarge.code, tooLarge.message]).toEqual(['unknown-format', 'PowerPoint files are not supported; export the slides to PDF']);
    const dir = mkdtempSync(join(tmpdir(), 'kb-empty-doc-'));
    writeFileSync(join(dir, 'empty.doc'), '');
    const empty = await problemOf(join(dir, 'empty.doc'));
    expect([empty.code, empty.message]).toEqual(['unknown-format', 'old Word .doc files are not supported; save it as .docx']);
  });

  it('refuses a file over the size limit and says how to raise it', async () => {
    const p = await problemOf(`${FIX}/ingest/text/policy-zh.txt`, { maxFileBytes: 100 });
    expect(p.code).toBe('file-too-large');
    expect(p.message).toMatch(/--max-file-mb/);
    expect(p.message).not.toMatch(/memory/);
  });

  it('names the memory a .docx over the size limit would take to read', async () => {
    const p = await problemOf(`${GEN}/guide-en.docx`, { maxFileBytes: 100 });
    expect(p.code).toBe('file-too-large');
    expect(p.message).toMatch(/--max-file-mb \(reading a \.docx takes about 400 MB of memory per MB of file, most of it inside mammoth.*about \d+ MB for this one/u);
  });

  it('keeps reading the other files when some fail', async () => {
    const run = await ingestPaths([GEN, `${FIX}/ingest/text`, 'fixtures/nothing-here/*.md']);
    expect(run.failed).toEqual(expect.arrayContaining([`${GEN}/binary.txt`, `${GEN}/garbage.pdf`, `${GEN}/bomb.docx`]));
    const read = run.documents.map((d) => d.path);
    expect(read).toEqual(expect.arrayContaining([`${GEN}/policy-gbk.txt`, `${GEN}/policy-zh.pdf`, `${GEN}/policy-zh.docx`, `${FIX}/ingest/text/guide-en.txt`]));
    expect(run.problems.find((p) => p.file === 'fixtures/nothing-here/*.md')?.code).toBe('no-input');
    // sorted, and each failure reported once
    expect(run.files).toEqual([...run.files].sort());
    expect(run.problems.filter((p) => p.severity === 'error' && p.file === `${GEN}/garbage.pdf`)).toHaveLength(1);
  });
});

describe('ingestPaths: files in a folder that kb cannot read', () => {
  const FOLDER = `${FIX}/ingest/folder`;

  it('reports each .doc, .xls, .pptx and image with its advice as a warning, and reads the rest', async () => {
    const run = await ingestPaths([FOLDER]);
    expect(run.documents.map((d) => d.path)).toEqual([`${FOLDER}/资料/常见问题.csv`, `${FOLDER}/退货政策.md`]);
    expect(run.failed).toEqual([]);
    expect(run.skipped).toEqual([`${FOLDER}/价目表.xls`, `${FOLDER}/培训.pptx`, `${FOLDER}/旧.doc`, `${FOLDER}/资料/截图.png`]);
    const skippedWarnings = run.problems.filter((p) => p.code === 'unknown-format');
    expect(skippedWarnings.map((p) => [p.file, p.severity])).toEqual(run.skipped.map((f) => [f, 'warning']));
    expect(skippedWarnings.map((p) => p.message)).toEqual([
      expect.stringMatching(/^was skipped: .*save it as \.xlsx$/u),
      expect.stringMatching(/^was skipped: .*export the slides to PDF$/u),
      expect.stringMatching(/^was skipped: .*save it as \.docx$/u),
      expect.stringMatching(/^was skipped: images are not supported/u),
    ]);
    // .DS_Store, Thumbs.db and Word's ~$ lock file are no documents: not a word about them
    expect(run.problems.filter((p) => /DS_Store|Thumbs|~\$/u.test(p.file ?? ''))).toEqual([]);
    expect(run.problems.every((p) => p.severity === 'warning')).toBe(true);
  });

  it('gives the advice named files get: the same words, as an error', async () => {
    const named = await problemOf(`${FOLDER}/旧.doc`);
    const inFolder = (await ingestPaths([FOLDER])).problems.find((p) => p.file === `${FOLDER}/旧.doc`);
    expect(inFolder?.message).toBe(`was skipped: ${named.message}`);
    expect(named.severity).toBe('error');
  });

  it('groups many files of one kind into one warning on the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kb-skipped-'));
    writeFileSync(join(dir, 'policy.md'), '# Returns\n\nWithin 30 days.\n');
    for (let i = 1; i <= 7; i++) writeFileSync(join(dir, `old-${i}.doc`), 'x');
    writeFileSync(join(dir, 'prices.xls'), 'x');
    const run = await ingestPaths([dir]);
    expect(run.skipped).toHaveLength(8);
    const warnings = run.problems.filter((p) => p.code === 'unknown-format');
    expect(warnings.map((p) => p.file)).toEqual([displayPath(process.cwd(), dir), displayPath(process.cwd(), join(dir, 'prices.xls'))]);
    expect(warnings[0]?.message).toBe('holds 7 files that were skipped (old-1.doc, old-2.doc, old-3.doc and 4 more): old Word .doc files are not supported; save them as .docx');
  });
});

describe('one spelling per file', () => {
  it('names a file relative to the working directory, inside it or beside it (../docs), whichever way it was typed', () => {
    expect(displayPath('/home/ci/kb', 'sources/a.md')).toBe('sources/a.md');
    expect(displayPath('/home/ci/kb', './sources/a.md')).toBe('sources/a.md');
    expect(displayPath('/home/ci/kb', '/home/ci/kb/sources/a.md')).toBe('sources/a.md');
    // beside the kb project: the same on every machine, not /home/ci/docs/a.md
    expect(displayPath('/home/ci/kb', '/home/ci/docs/a.md')).toBe('../docs/a.md');
    expect(displayPath('/home/dev/work/kb', '../docs/a.md')).toBe('../docs/a.md');
    // meeting only at the root, the absolute path is as portable and easier to read
    expect(displayPath('/home/ci/kb', '/tmp/upload/a.md')).toBe('/tmp/upload/a.md');
  });
});
