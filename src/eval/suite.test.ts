// Reading regression suites: the three formats, every form of `expect`, and malformed input
// reported with file and line.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../core/problems.js';
import { tempDir } from '../test-support/kb.js';
import { parseSuite, readSuite, type Expectation } from './suite.js';

const S = (source: string, section?: string): Expectation => (section === undefined ? { kind: 'source', source } : { kind: 'source', source, section });
const ID = (id: string): Expectation => ({ kind: 'id', id });

/** The cases of fixtures/eval/suites/forms.{yaml,jsonl,csv}, as read. */
const FORMS: { q: string; expect: Expectation[] }[] = [
  { q: '包邮吗', expect: [ID('ship-cost')] },
  { q: '怎么开发票', expect: [S('faq.jsonl')] },
  { q: '退货运费谁出', expect: [S('returns.md', '二、退货运费')] },
  { q: '七天无理由退货', expect: [S('returns.md', '一')] },
  { q: 'can I exchange a size', expect: [S('returns.md', 'Exchanges')] },
  { q: 'when do I get my money back', expect: [ID('invoice'), ID('refund-time')] },
  { q: '运费多少钱', expect: [S('returns.md', '二、退货运费'), ID('ship-cost')] },
  { q: '你们周末上班吗', expect: [] },
  { q: 'Do you sell gift cards?', expect: [] },
  { q: '退货运费谁出', expect: [ID('invoice')] },
  { q: '七天无理由退货', expect: [S('returns.md', '七天')] },
];

const dir = tempDir('kb-suite-');
afterAll(() => dir.remove());

describe('readSuite', () => {
  it.each(['forms.yaml', 'forms.jsonl', 'forms.csv'])('reads every expect form from %s', async (name) => {
    const file = `fixtures/eval/suites/${name}`;
    const { cases, problems } = await readSuite(file);
    expect(problems).toEqual([]);
    expect(cases.map(({ q, expect: e }) => ({ q, expect: e }))).toEqual(FORMS);
    expect(cases.every((c) => c.file === file)).toBe(true);
    expect(cases[0]?.tags).toEqual(['运费', 'id']);
    // out-of-scope cases report their expectation as null, whichever way they were written
    expect(cases.filter((c) => c.expect.length === 0).map((c) => c.expectRaw)).toEqual([null, null]);
  });

  it('gives each case the line it starts on', async () => {
    expect((await readSuite('fixtures/eval/suites/forms.jsonl')).cases.map((c) => c.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect((await readSuite('fixtures/eval/suites/forms.csv')).cases.map((c) => c.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect((await readSuite('fixtures/eval/suites/forms.yaml')).cases.map((c) => c.line)).toEqual([3, 6, 8, 10, 12, 14, 16, 20, 22, 24, 26]);
  });

  it('names the file and line of every malformed JSONL case, and keeps the good ones', async () => {
    const { cases, problems } = await readSuite('fixtures/eval/broken/malformed.jsonl');
    expect(cases.map((c) => [c.line, c.q])).toEqual([
      [1, '包邮吗'],
      [4, '运费'],
    ]);
    expect(problems.map((p) => [p.code, p.severity, p.file, p.location?.line])).toEqual(
      [3, 5, 6, 7, 8, 9, 10, 11, 12].map((line) => ['bad-suite', 'error', 'fixtures/eval/broken/malformed.jsonl', line]),
    );
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'fixtures/eval/broken/malformed.jsonl:line 3: is not valid JSON; each line must be one JSON object like {"q": "…", "expect": "id"} [bad-suite]',
      expect.stringContaining('line 5: the case has no "expect"'),
      expect.stringContaining('line 6: the case has no question'),
      expect.stringContaining('line 7: an expect object needs a "source"'),
      expect.stringContaining('line 8: expect is an empty list'),
      expect.stringContaining('line 9: expect is empty'),
      expect.stringContaining('line 10: an expect object has only "source" and "section", not "heading"'),
      expect.stringContaining('line 11: a case must be an object'),
      expect.stringContaining('line 12: none cannot stand in a list'),
    ]);
  });

  it('names the line of malformed YAML cases and of a YAML syntax error', async () => {
    const bad = await readSuite('fixtures/eval/broken/malformed.yaml');
    expect(bad.cases.map((c) => c.q)).toEqual(['包邮吗', '怎么开发票']);
    expect(bad.problems.map((p) => [p.location?.line, p.message])).toEqual([
      [4, expect.stringContaining('no "expect"')],
      [5, expect.stringContaining('must be an object')],
    ]);
    const syntax = await readSuite('fixtures/eval/broken/syntax.yaml');
    expect(syntax.cases).toEqual([]);
    expect(syntax.problems).toEqual([expect.objectContaining({ code: 'bad-suite', location: { line: 4 }, message: expect.stringMatching(/^is not valid YAML/) as unknown })]);
  });

  it('names the starting line of malformed CSV rows, and a header without "expect"', async () => {
    const bad = await readSuite('fixtures/eval/broken/malformed.csv');
    expect(bad.cases.map((c) => [c.line, c.q])).toEqual([
      [2, '包邮吗'],
      [6, '运费'],
    ]);
    expect(bad.problems.map((p) => [p.location?.line, p.message])).toEqual([
      [3, expect.stringContaining('expect is empty')],
      [4, expect.stringContaining('looks like JSON but does not parse')],
    ]);
    const header = await readSuite('fixtures/eval/broken/no-expect-column.csv');
    expect(header.problems).toEqual([expect.objectContaining({ location: { line: 1 }, message: expect.stringMatching(/^needs a header row with the columns "q" or "question" or "问题" and "expect" or "期望" .*; its first row is: q, answer$/) as unknown })]);
  });

  it('reads 无, 无答案 and 不在范围 as none; says to write none for "-"; reads ids and JSON mixed with | (user test 6)', async () => {
    const file = join(dir.path, 'edge.csv');
    writeFileSync(file, '问题,期望,标签\n你们实体店在哪,无,闲聊\n有没有热水器卖,无答案,闲聊\n股票代码多少,不在范围,闲聊\n能便宜点吗,-,闲聊\n安装收费吗,"K1004|{""source"": ""安装.md""}",安装\n空调保修几年,K1035|K1036,保修\n');
    const read = await readSuite(file);
    expect(read.cases.map((c) => [c.line, c.expect])).toEqual([
      [2, []],
      [3, []],
      [4, []],
      // before 2026-11-27 an error saying to write one JSON list
      [6, [ID('K1004'), S('安装.md')]],
      [7, [ID('K1035'), ID('K1036')]],
    ]);
    expect(read.problems.map((p) => [p.location?.line, p.severity, p.message])).toEqual([
      [5, 'error', 'expect is "-", which kb reads neither as an entry id nor as none: write none (or 无) for an out-of-scope question, else the entry id or {source, section}'],
    ]);
  });

  it('splits ids and {source, section} at the | outside the objects\' quotes, and names a part that is no JSON', async () => {
    const file = join(dir.path, 'alternatives.csv');
    writeFileSync(
      file,
      '问题,期望\n物流一直不更新,"FAQ023|{""source"": ""配送说明.pdf"", ""section"": ""五、物流异常""}"\n' +
        '两个章节,"{""source"": ""a.md"", ""section"": ""一|二""}|{""source"": ""b.md""}"\n' +
        '一个章节,"{""source"": ""a.md"", ""section"": ""一|二""}"\n' +
        '坏的,"FAQ1|{source: a.md}"\n',
    );
    const read = await readSuite(file);
    expect(read.cases.map((c) => [c.line, c.expect])).toEqual([
      [2, [ID('FAQ023'), S('配送说明.pdf', '五、物流异常')]],
      [3, [S('a.md', '一|二'), S('b.md')]],
      [4, [S('a.md', '一|二')]],
    ]);
    expect(read.problems.map((p) => [p.location?.line, p.message])).toEqual([[5, '"expect" has "{source: a.md}" between its | signs, which looks like JSON but does not parse; fix its quotes and brackets']]);
    // an empty alternative is named, not read as "expect is empty" (review 2026-11-27)
    const empty = parseSuite('q,expect\na,K1||K2\nb,"{""source"": ""a.md""}|"\nc,|K3\n', 'e.csv');
    expect(empty.problems.map((p) => [p.location?.line, p.message])).toEqual([
      [2, '"expect" is "K1||K2", with nothing between two of its | signs; remove the extra |, or write the id or {source, section} meant there'],
      [3, '"expect" is "{\\"source\\": \\"a.md\\"}|", with nothing after its last |; remove the extra |, or write the id or {source, section} meant there'],
      [4, '"expect" is "|K3", with nothing before its first |; remove the extra |, or write the id or {source, section} meant there'],
    ]);
  });

  it('loses only the row of a quote inside a cell that does not start with one, not the file, and says how to quote it', async () => {
    // typed by hand: FAQ023|{"source": …} without quotes around the cell; before 2026-11-27 all 56 cases of the suite were lost
    const file = join(dir.path, 'hand-typed.csv');
    writeFileSync(file, '问题,期望,标签\n快递三天没动了,FAQ023,物流\n物流一直不更新,FAQ023|{"source":"配送说明.pdf"},物流\n显示签收了没收到,FAQ024,物流\n能发顺丰吗,FAQ022,物流\n');
    const read = await readSuite(file);
    expect(read.cases.map((c) => [c.line, c.q])).toEqual([
      [2, '快递三天没动了'],
      [4, '显示签收了没收到'],
      [5, '能发顺丰吗'],
    ]);
    expect(read.problems.map((p) => formatProblem(p))).toEqual([
      `${file}:line 3: has a quote (") inside a "期望" cell that does not start with one, so this row cannot be read as CSV (the other rows still run); put the whole cell in quotes and double the quotes inside it, as Excel saves it: "FAQ1|{""source"": …}" [bad-suite]`,
    ]);
  });

  it('reads on after each of thousands of hand-typed rows in one pass, and keeps every good row (review 2026-11-27)', () => {
    // before: the file was read again per bad row, recursively: 18 s, then a stack overflow lost all 6,000 rows
    const rows = Array.from({ length: 6000 }, (_, i) => (i % 2 === 0 ? `问题${i},FAQ${i},t` : `问题${i},FAQ${i}|{"source":"a.pdf"},t`));
    // (no timing here: the stack overflow is what 3,000 bad rows read recursively would hit)
    const read = parseSuite(`q,expect,tags\n${rows.join('\n')}\n`, 'many.csv');
    expect(read.cases).toHaveLength(3000);
    expect(read.cases.slice(0, 2).map((c) => [c.line, c.q])).toEqual([
      [2, '问题0'],
      [4, '问题2'],
    ]);
    expect(read.problems).toHaveLength(3000);
    expect(read.problems[2]?.location?.line).toBe(7);
  });

  it('loses the whole record of a bad row that spans lines, not the rows after it, and fits the advice to the column (review 2026-11-27)', () => {
    // before: only line 4 was blanked, so line 3's quote read as never closed and the rows on lines 5-6 were lost
    const spanning = parseSuite('q,expect,tags\n退货,K1,a\n"换货\n多行",K"2",b\n运费,K4,d\n发票,K5,e\n', 'ml.csv');
    expect(spanning.cases.map((c) => [c.line, c.q])).toEqual([
      [2, '退货'],
      [5, '运费'],
      [6, '发票'],
    ]);
    expect(spanning.problems.map((p) => [p.location?.line, p.message])).toEqual([
      [3, 'has a quote (") inside a "expect" cell on line 4 that does not start with one, so the row on lines 3–4 cannot be read as CSV (the other rows still run); put the whole cell in quotes and double the quotes inside it, as Excel saves it: "FAQ1|{""source"": …}"'],
    ]);
    // a stray quote in the question: the advice shows a question, not an expect
    const question = parseSuite('q,expect\n5" 屏幕能换吗,K1\n运费,K4\n', 'q.csv');
    expect(question.cases.map((c) => c.q)).toEqual(['运费']);
    expect(question.problems.map((p) => p.message)).toEqual([expect.stringMatching(/inside a "q" cell .*as Excel saves it: "5"" 屏幕能换吗"$/)]);
    // a quote opened on line 3 that a quote on line 5 ends early: the record is named from where it starts
    const early = parseSuite('q,expect,tags\n退货,K1,a\n换货,"K2\n说明,K3,b\n运费 "x" y,K4,d\n发票,K5,e\n', 'u.csv');
    expect(early.cases.map((c) => [c.line, c.q])).toEqual([
      [2, '退货'],
      [6, '发票'],
    ]);
    expect(early.problems.map((p) => [p.location?.line, p.message])).toEqual([[3, expect.stringContaining('runs on to line 5') as unknown]]);
  });

  it('reads N/A (any case, with or without the slash) and 无 in quotes, brackets or with a full stop as none, not as entry ids (smoke test)', async () => {
    const file = join(dir.path, 'na.csv');
    const cells = ['N/A', 'n/a', 'NA', 'na', 'N／A', 'n / a', '无。', '“无”', '（无）', '[无]', '【无答案】', '"none."', '「不在范围」'];
    writeFileSync(file, `问题,期望\n${cells.map((cell, i) => `问题${i},"${cell.replace(/"/g, '""')}"`).join('\n')}\n有没有热水器卖,NAB\n安装收费吗,K-NA\n`);
    const read = await readSuite(file);
    expect(read.problems).toEqual([]);
    expect(read.cases.map((c) => [c.q, c.expect, c.expectRaw])).toEqual([
      ...cells.map((_, i) => [`问题${i}`, [], null]),
      ['有没有热水器卖', [ID('NAB')], 'NAB'],
      ['安装收费吗', [ID('K-NA')], 'K-NA'],
    ]);
    // the same in YAML and JSONL; in a list it is refused as none is
    expect(parseSuite('- q: 你们实体店在哪\n  expect: N/A\n- q: 你好\n  expect: "（无）"\n', 'x.yaml').cases.map((c) => c.expect)).toEqual([[], []]);
    expect(parseSuite('{"q": "你好", "expect": ["K1004", "n/a"]}\n', 'x.jsonl').problems.map((p) => p.message)).toEqual(['none cannot stand in a list; write it alone']);
  });

  it('reads a CSV suite saved by Excel on Chinese Windows (GBK) and a UTF-16 one', async () => {
    const text = '问题,期望,标签\r\n退款几天到账,refund-time,退款\r\n发票怎么开,none,发票\r\n';
    const gbk = join(dir.path, 'gbk.csv');
    writeFileSync(gbk, iconv.encode(text, 'gbk'));
    const utf16 = join(dir.path, 'utf16.csv');
    writeFileSync(utf16, iconv.encode(text, 'utf-16le', { addBOM: true }));
    for (const file of [gbk, utf16]) {
      const read = await readSuite(file);
      expect(read.problems).toEqual([]);
      expect(read.cases.map((c) => [c.q, c.expect, c.tags, c.line])).toEqual([
        ['退款几天到账', [ID('refund-time')], ['退款'], 2],
        ['发票怎么开', [], ['发票'], 3],
      ]);
    }
  });

  it('reads a CSV suite in traditional Chinese saved in Big5 (Excel on Taiwan or Hong Kong Windows), headers 問題, 期望, 標籤', async () => {
    const big5 = join(dir.path, 'big5.csv');
    writeFileSync(big5, iconv.encode('問題,期望,標籤\r\n八達通得唔得,faq-octopus,付款\r\n你們老闆是誰,none,\r\n', 'big5'));
    const read = await readSuite(big5);
    expect(read.problems).toEqual([]);
    expect(read.cases.map((c) => [c.q, c.expect, c.tags])).toEqual([
      ['八達通得唔得', [ID('faq-octopus')], ['付款']],
      ['你們老闆是誰', [], []],
    ]);
  });

  it('names the line where an unclosed CSV quote opened, not the end of the file', async () => {
    const { cases, problems } = await readSuite('fixtures/eval/broken/unclosed-quote.csv');
    expect(cases).toEqual([]);
    expect(problems.map((p) => formatProblem(p))).toEqual([
      'fixtures/eval/broken/unclosed-quote.csv:line 2: has a quote (") opened on line 2 that is never closed, so the rest of the file cannot be read as CSV; close the quote, or write a quote inside a quoted cell as "" [bad-suite]',
    ]);
    // a quoted cell spanning lines before the unclosed one does not shift the count
    expect(parseSuite('q,expect\n"two\nlines",ship-cost\nok,invoice\nx,"open\ny,z\n', 'x.csv').problems.map((p) => p.location?.line)).toEqual([5]);
  });

  it('reports a file it cannot read', async () => {
    const { problems } = await readSuite('fixtures/eval/nope.jsonl');
    expect(problems).toEqual([expect.objectContaining({ code: 'file-not-found', file: 'fixtures/eval/nope.jsonl' })]);
  });
});

describe('parseSuite', () => {
  it('accepts a BOM, CRLF line ends, Chinese CSV headers and the question key', () => {
    const csv = parseSuite('\uFEFF问题,期望,标签\r\n包邮吗,ship-cost,运费|邮费\r\n', 'x.csv');
    expect(csv.problems).toEqual([]);
    expect(csv.cases).toEqual([{ q: '包邮吗', expect: [ID('ship-cost')], expectRaw: 'ship-cost', tags: ['运费', '邮费'], file: 'x.csv', line: 2 }]);
    const jsonl = parseSuite('\uFEFF{"question": " 包邮吗 ", "expect": "ship-cost"}\r\n\r\n', 'x.ndjson');
    expect(jsonl.cases.map((c) => [c.q, c.line])).toEqual([['包邮吗', 1]]);
  });

  it('reads a YAML suite that is a bare list, and ids written as numbers', () => {
    const { cases, problems } = parseSuite('- q: 包邮吗\n  expect: 42\n', 'x.yml');
    expect(problems).toEqual([]);
    expect(cases.map((c) => c.expect)).toEqual([[ID('42')]]);
  });

  it('reads a question YAML takes for a number (q: 11.11) as written, and warns about an expect left blank (out of scope unless written none, null or ~)', () => {
    const { cases, problems } = parseSuite('- q: 11.10\n  expect: none\n- q: 退货运费谁出\n  expect:\n- q: 你们老板是谁\n  expect: ~\n- q: 你好\n  expect: null\n- q: 007\n  expect: none\n', 'x.yaml');
    expect(cases.map((c) => [c.q, c.expect])).toEqual([['11.10', []], ['退货运费谁出', []], ['你们老板是谁', []], ['你好', []], ['007', []]]);
    expect(problems).toEqual([expect.objectContaining({ code: 'bad-suite', severity: 'warning', location: { line: 3 }, message: expect.stringMatching(/^"expect" is left blank, so the case counts as out of scope; write none/) })]);
  });

  it('warns about a mistyped case key (tag: for tags:) with its line, and reads the case; other keys are notes', () => {
    const { cases, problems } = parseSuite('- q: 包邮吗\n  expect: ship-cost\n  tag: 运费\n  note: asked in the shop chat\n', 'x.yaml');
    expect(cases).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ code: 'bad-suite', severity: 'warning', location: { line: 1 }, message: 'the case key "tag" is not one kb reads — did you mean "tags"? (kb reads q, question, expect, tags)' })]);
    expect(parseSuite('{"q": "包邮吗", "expected": "ship-cost", "expect": "ship-cost"}\n', 'x.jsonl').problems.map((p) => p.message)).toEqual([expect.stringContaining('did you mean "expect"?')]);
  });

  it('says which key of an expect object was meant ({sorce: …}, {secton: …})', () => {
    const { cases, problems } = parseSuite('- q: 发票\n  expect: { sorce: faq.xlsx }\n- q: 发票\n  expect: { source: faq.xlsx, secton: 发票 }\n', 'x.yaml');
    expect(cases).toEqual([]);
    expect(problems.map((p) => p.message)).toEqual([
      'an expect object needs a "source" (a file name) ("sorce" is not a key kb reads: did you mean "source"?)',
      'an expect object has only "source" and "section", not "secton" ("secton" is not a key kb reads: did you mean "section"?)',
    ]);
  });

  it('names the slip that left an expect object without a source, whichever key comes first', () => {
    const { problems } = parseSuite('- q: 发票\n  expect: { secton: 发票, sorce: faq.xlsx }\n', 'x.yaml');
    expect(problems.map((p) => p.message)).toEqual(['an expect object needs a "source" (a file name) ("sorce" is not a key kb reads: did you mean "source"?)']);
  });

  it('warns about a suite with no cases, and refuses a format it does not know', () => {
    expect(parseSuite('', 'empty.jsonl').problems).toEqual([expect.objectContaining({ code: 'bad-suite', severity: 'warning', message: 'has no cases' })]);
    expect(parseSuite('q,expect\n', 'empty.csv').problems).toEqual([expect.objectContaining({ severity: 'warning', message: 'has no cases' })]);
    expect(parseSuite('cases: 3\n', 'x.yaml').problems).toEqual([expect.objectContaining({ code: 'bad-suite', message: expect.stringContaining('"cases:" list') as unknown })]);
    expect(parseSuite('q', 'x.txt').problems).toEqual([expect.objectContaining({ code: 'unknown-format', severity: 'error' })]);
  });
});

// user test 2026-11-27 (a support-ops engineer setting kb up in CI)
describe('suites as a new team writes them', () => {
  it('runs the rows of a CSV suite before an unclosed quote, and names the line of the quote', async () => {
    const file = join(dir.path, 'shipping.csv');
    writeFileSync(file, 'q,expect,tags\n发票怎么开,faq-invoice,\n包邮吗,ship-cost,配送\n"可以发中通吗,ship-cost,\n运费多少,ship-cost,\n');
    const { cases, problems } = await readSuite(file);
    expect(cases.map((c) => [c.q, c.line])).toEqual([
      ['发票怎么开', 2],
      ['包邮吗', 3],
    ]);
    expect(problems.map((p) => formatProblem(p))).toEqual([`${file}:line 4: has a quote (") opened on line 4 that is never closed, so the rest of the file cannot be read as CSV; close the quote, or write a quote inside a quoted cell as "" [bad-suite]`]);
  });

  it('reads a TSV suite (Excel\'s "Text (Tab delimited)") as a CSV with tabs', async () => {
    const file = join(dir.path, 'faq.tsv');
    writeFileSync(file, '问题\t期望\t标签\n能开发票不\tfaq-invoice|faq-vat\t发票,售后\n包邮吗, 运费多少\t{"source": "shipping.html", "section": "运费"}\t\n你们卖衣服吗\t无\t闲聊\n');
    const { cases, problems } = await readSuite(file);
    expect(problems).toEqual([]);
    expect(cases.map((c) => [c.q, c.expect, c.tags, c.line])).toEqual([
      ['能开发票不', [ID('faq-invoice'), ID('faq-vat')], ['发票', '售后'], 2],
      ['包邮吗, 运费多少', [S('shipping.html', '运费')], [], 3],
      ['你们卖衣服吗', [], ['闲聊'], 4],
    ]);
    // as Excel saves it: a cell with quotes is quoted, its quotes doubled
    expect(parseSuite('q\texpect\n包邮吗\t"{""source"": ""shipping.html""}"\n', 'x.tsv').cases.map((c) => c.expect)).toEqual([[S('shipping.html')]]);
  });

  it('says which key was meant when a case misspells "expect" or "q"', async () => {
    const file = join(dir.path, 'after-sales.yaml');
    writeFileSync(file, 'cases:\n  - q: 发票怎么开\n    expected: faq-invoice\n  - qestion: 退款多久\n    expect: refund-time\n  - q: 包邮吗\n    expect: ship-cost\n    tag: [配送]\n');
    const { cases, problems } = await readSuite(file);
    expect(cases.map((c) => c.q)).toEqual(['包邮吗']);
    expect(problems.map((p) => formatProblem(p))).toEqual([
      `${file}:line 2: the case has no "expect" ("expected" is not a key kb reads: did you mean "expect"?); use an entry id, {source, section}, or none for out of scope [bad-suite]`,
      `${file}:line 4: the case has no question ("q") ("qestion" is not a key kb reads: did you mean "question"?); fix or remove this line [bad-suite]`,
      `${file}:line 6: the case key "tag" is not one kb reads — did you mean "tags"? (kb reads q, question, expect, tags) [bad-suite]`,
    ]);
    expect(problems.map((p) => p.severity)).toEqual(['error', 'error', 'warning']);
  });

  it('reads the Chinese keys of a CSV header (问题, 期望, 标签) as the keys of a YAML or JSONL case', async () => {
    const yaml = join(dir.path, '售后.yaml');
    writeFileSync(yaml, 'cases:\n  - 问题: 电池鼓包了怎么办\n    期望: battery\n    标签: [保修]\n  - 問題: 你們老闆是誰\n    期望: none\n');
    const jsonl = join(dir.path, '售后.jsonl');
    writeFileSync(jsonl, '{"问题": "退款几天到", "期望": "refund-time", "标签": "退款"}\n');
    for (const [file, want] of [
      [yaml, [['电池鼓包了怎么办', [ID('battery')], ['保修']], ['你們老闆是誰', [], []]]],
      [jsonl, [['退款几天到', [ID('refund-time')], ['退款']]]],
    ] as const) {
      const { cases, problems } = await readSuite(file);
      expect(problems).toEqual([]);
      expect(cases.map((c) => [c.q, c.expect, c.tags])).toEqual(want);
    }
  });
});
