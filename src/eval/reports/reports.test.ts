// The report writers over one hand-made run: JUnit parsed as XML, Markdown parsed as GFM, HTML
// checked for escaping and structure, JSON for the contract keys. (Chromium renders the HTML in
// src/cli/commands/eval.test.ts.)
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { problem } from '../../core/problems.js';
import { compareBaseline, type AnswerChange, type Baseline } from '../baseline.js';
import { checkGates } from '../gates.js';
import type { CaseResult, EvalReport } from '../run.js';
import { summarize } from '../summary.js';
import { htmlEscape, htmlReport } from './html.js';
import { evalRunJson } from './json.js';
import { junitReport, xmlEscape } from './junit.js';
import { markdownReport, mdEscape } from './markdown.js';
import { baselineThresholdNote, describeAnswersChanged, describeExpect, REGRESSION_CHECK, runPassed, type EvalRun } from './model.js';

const NASTY = '<script>alert("x")</script> & a|b *bold* \u0001';

function c(q: string, expect: unknown, rank: number | null, confidence: number | undefined, file = 'suites/a.jsonl', line = 1, tags: string[] = []): CaseResult {
  return { q, expect, rank, top: confidence === undefined ? [] : [{ id: rank === 1 ? 'right' : 'other', score: 2, confidence }], topQuestion: confidence === undefined ? null : 'top <question>', tags, file, line, latencyMs: 0.5 };
}

function makeRun(threshold?: number | 'auto'): EvalRun {
  const cases = [
    c('包邮吗', 'ship-cost', 1, 0.9, 'suites/a.jsonl', 1, ['运费']),
    c(NASTY, { source: 'returns.md', section: '二、退货运费' }, 2, 0.4, 'suites/a.jsonl', 2, ['运费']),
    c('怎么开发票', ['invoice', 'x'], null, 0.2, 'suites/b.yaml', 3),
    c('你们周末上班吗', null, null, 0.6, 'suites/b.yaml', 4, ['oos']),
    c('nothing found', null, null, undefined, 'suites/b.yaml', 5, ['oos']),
  ];
  const report: EvalReport = { metrics: { cases: 3, hit1: 0.3333, hitK: 0.6667, mrr: 0.5, k: 5 }, cases };
  const summary = summarize(report, threshold === undefined ? {} : { threshold });
  const run: EvalRun = { report, summary, gates: checkGates(summary, { minHit1: 0.5, minMrr: 0.4 }), index: 'kb.index' };
  const baseline = { cases: [{ q: '怎么开发票', expect: ['invoice', 'x'], verdict: 'pass' as const }, { q: '包邮吗', expect: 'ship-cost', verdict: 'fail' as const }], metrics: { cases: 3, hit1: 0.6667, hit3: 0.6667, hitK: 1, mrr: 0.8, k: 5 } };
  run.baseline = compareBaseline(cases, summary.verdicts, baseline, 'base.json', summary.threshold?.chosen.threshold);
  run.gaps = [{ size: 3, representative: NASTY, terms: ['运费', '<b>'], examples: [{ text: NASTY, count: 2 }, { text: '运费谁出', count: 1 }], distinct: 2, nearest: [{ id: 'ship-cost', question: '运费怎么算？', confidence: 0.3 }] }];
  run.coverage = { entries: 3, covered: 1, uncovered: [{ id: 'a', question: 'a' }], bySource: [{ source: 'faq.jsonl', entries: 3, uncovered: 2 }] };
  return run;
}

describe('escaping', () => {
  it('escapes XML, HTML and Markdown text', () => {
    expect(xmlEscape(`a<b>&"c'\u0001\u0008d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
    expect(htmlEscape(`<img src=x onerror="y">'&`)).toBe('&lt;img src=x onerror=&quot;y&quot;&gt;&#39;&amp;');
    expect(mdEscape('a|b *c* [d](e) <f>\nnext')).toBe('a\\|b \\*c\\* \\[d\\]\\(e\\) \\<f\\> next');
    expect(describeExpect([{ source: 'r.md', section: '二' }, 'id1'])).toBe('r.md § 二 or id1');
    expect(describeExpect(null)).toBe('none (out of scope)');
  });
});

describe('junitReport', () => {
  it('is valid XML with one test case per question, failures with expected and got, skipped out-of-scope cases', () => {
    const xml = junitReport(makeRun());
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
      testsuites: { tests: string; failures: string; skipped: string; testsuite: { name: string; tests: string; failures: string; testcase: { name: string; classname: string; failure?: { message: string; '#text': string }; skipped?: unknown }[] }[] };
    };
    const root = doc.testsuites;
    // 5 cases + 2 gates; failures: 2 cases (not first, miss) + the hit@1 gate
    expect([root.tests, root.failures, root.skipped]).toEqual(['7', '3', '2']);
    expect(root.testsuite.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['suites/a.jsonl', '2', '1'],
      ['suites/b.yaml', '3', '1'],
      ['kb eval gates', '2', '1'],
    ]);
    const nasty = root.testsuite[0]?.testcase[1];
    expect(nasty?.name).toBe(NASTY.replace('\u0001', '').trimEnd()); // the parser trims values
    expect(nasty?.failure?.message).toBe('found, not first: expected returns.md § 二、退货运费, got other “top <question>” (confidence 0.40)');
    expect(nasty?.failure?.['#text']).toContain('rank: 2');
    // passed in the baseline, fails now: the failure says so
    expect(root.testsuite[1]?.testcase[0]?.failure?.message).toMatch(/^newly failing \(passed in base\.json\): not in the top k: expected invoice or x, got other/);
    expect(root.testsuite[1]?.testcase[0]?.failure?.['#text']).toContain('baseline: passed in base.json; fails now');
    expect(root.testsuite[1]?.testcase[1]?.skipped).toBeDefined();
    expect(root.testsuite[2]?.testcase.map((t) => t.name)).toEqual(['hit@1 ≥ 0.500', 'MRR@5 ≥ 0.400']);
    expect(root.testsuite[2]?.testcase[0]?.failure?.message).toBe('hit@1 0.333 < 0.500 (--min-hit1)');
  });

  it('judges out-of-scope cases once there is a threshold', () => {
    const xml = junitReport(makeRun(0.5));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('skipped="0"');
    expect(xml).toMatch(/answered an out-of-scope question: expected none \(out of scope\), got other/);
  });

  const parse = (xml: string) =>
    new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
      testsuites: { tests: string; failures: string; testsuite: { name: string; failures: string; testcase: { name: string; line: string; failure?: { message: string; type: string; '#text': string }; 'system-out'?: string }[] }[] };
    };

  it('names test cases the same from run to run: a gate without its measured value, a case without its line, a repeated question with #2', async () => {
    const run = makeRun();
    // the same suite after an edit: the cases moved down a line and the figures changed
    const moved = makeRun();
    moved.report.cases = moved.report.cases.map((x) => ({ ...x, line: x.line + 1, rank: 1 }));
    moved.summary = summarize(moved.report);
    moved.gates = checkGates(moved.summary, { minHit1: 0.5, minMrr: 0.4 });
    const names = (r: EvalRun): string[][] => parse(junitReport(r)).testsuites.testsuite.map((s) => s.testcase.map((t) => t.name));
    expect(names(moved)).toEqual(names(run));
    expect(names(run)[1]).toEqual(['怎么开发票', '你们周末上班吗', 'nothing found']);
    // the measured value is in the gate's output instead
    const gates = parse(junitReport(moved)).testsuites.testsuite[2]?.testcase;
    expect(gates?.[0]).toMatchObject({ name: 'hit@1 ≥ 0.500', 'system-out': 'hit@1 1.000 ≥ 0.500 (--min-hit1)' });
    // a question asked twice in one file (with another expectation): two names
    const twice = makeRun();
    twice.report.cases = [...twice.report.cases, { ...twice.report.cases[0]!, expect: 'other', line: 9 }];
    twice.summary = summarize(twice.report);
    expect(names(twice)[0]).toEqual(['包邮吗', NASTY.replace('\u0001', '').trimEnd(), '包邮吗 #2']);
    // a question whose text is another's #2 does not make two cases of one name
    const { caseNames } = await import('./junit.js');
    expect(caseNames([{ q: '运费', file: 'a' }, { q: '运费 #2', file: 'a' }, { q: '运费', file: 'a' }])).toEqual(['运费', '运费 #2', '运费 #3']);
    expect(parse(junitReport(twice)).testsuites.testsuite[0]?.testcase[2]?.line).toBe('9');
  });

  it('with --fail-on-regression, the gates suite has a regression check failing with the newly failing questions', () => {
    const run = makeRun();
    run.gates = [];
    const doc = parse(junitReport(run, { failOnRegression: true })).testsuites;
    const gates = doc.testsuite.find((s) => s.name === 'kb eval gates');
    expect(gates?.failures).toBe('1');
    const check = gates?.testcase[0];
    expect(check?.name).toBe(REGRESSION_CHECK);
    expect(check?.failure?.type).toBe('regression');
    expect(check?.failure?.message).toBe('1 case newly failing against base.json: passed there, fail now (--fail-on-regression)');
    expect(check?.failure?.['#text']).toMatch(/^“怎么开发票” → expected invoice or x; now not in the top k, got other “top <question>” \(confidence 0\.20\) {2}\(suites\/b\.yaml:3, passed in base\.json\)$/);
    // without the flag the run does not fail on it: no check, only the case says it passed in the baseline
    expect(parse(junitReport(run)).testsuites.testsuite.map((s) => s.name)).not.toContain('kb eval gates');
    // nothing newly failing: the check passes, and says so
    run.baseline = { ...run.baseline!, newlyFailing: [] };
    const passing = parse(junitReport(run, { failOnRegression: true })).testsuites.testsuite.find((s) => s.name === 'kb eval gates')?.testcase[0];
    expect(passing?.failure).toBeUndefined();
    expect(passing?.['system-out']).toBe('no case newly failing against base.json (--fail-on-regression)');
  });
});

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
}
const text = (n: MdNode): string => (n.value ?? '') + (n.children ?? []).map(text).join('');
const all = (n: MdNode, type: string): MdNode[] => [...(n.type === type ? [n] : []), ...(n.children ?? []).flatMap((x) => all(x, type))];

describe('markdownReport', () => {
  it('parses as GitHub Markdown: verdict heading, metric and failure tables with the user text intact', () => {
    const md = markdownReport(makeRun('auto'));
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as MdNode;
    const headings = all(tree, 'heading').map(text);
    expect(headings[0]).toBe('kb eval: ❌ failed: hit@1 ≥ 0.500 not met (0.333)');
    expect(headings).toEqual(expect.arrayContaining(['By tag', 'Gates', 'Against the baseline', 'Metrics', 'Failing cases (2)', 'Biggest gaps', 'Coverage']));
    expect(headings.some((h) => /^Threshold [\d.]+ \(auto: most correct decisions\)$/.test(h))).toBe(true);
    const tables = all(tree, 'table');
    const rows = (t: MdNode | undefined): string[][] => (t?.children ?? []).map((r) => (r.children ?? []).map(text));
    const metrics = tables.find((t) => rows(t)[1]?.[0] === 'all');
    expect(rows(metrics)[0]).toEqual(['', 'hit@1', 'hit@3', 'hit@5', 'MRR@5', 'cases']);
    expect(rows(metrics)[1]).toEqual(['all', '0.333', '0.667', '0.667', '0.500', '3']);
    // the failing-cases table: the nasty question comes back as written (no HTML, no broken cells)
    const failing = tables.find((t) => rows(t)[0]?.[0] === 'question');
    expect(rows(failing)[1]?.[0]).toBe(NASTY);
    expect(rows(failing)[1]).toHaveLength(5);
    expect(all(tree, 'html').map((n) => n.value)).toEqual(['<details><summary>The curve</summary>', '</details>', '<details><summary>Entries no case finds</summary>', '</details>']);
    // one entry no case finds: "1 is never found" (before: "1 are never found")
    expect(all(tree, 'paragraph').map(text)).toContain('1 of 3 entries are found by some case; 1 is never found.');
  });

  it('says why a regression-only run failed right under the headline: the gates with the regression check, the figures against the baseline, the newly failing cases', () => {
    const run = makeRun();
    run.gates = checkGates(run.summary, { minHit1: 0.3 });
    const md = markdownReport(run, { failOnRegression: true });
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as MdNode;
    const top = tree.children ?? [];
    expect(text(top[0]!)).toBe('kb eval: ❌ failed: 1 case newly failing against base.json');
    const headings = all(tree, 'heading').map(text);
    // what decides the run comes before the metrics, the curve and the failing cases
    expect(headings.slice(0, 4)).toEqual(['kb eval: ❌ failed: 1 case newly failing against base.json', 'Gates', 'Against the baseline', 'Metrics']);
    const tables = all(tree, 'table');
    const rows = (t: MdNode | undefined): string[][] => (t?.children ?? []).map((r) => (r.children ?? []).map(text));
    expect(rows(tables[0])).toEqual([
      ['', 'gate', 'measured', 'set by'],
      ['✅', 'hit@1 ≥ 0.300', '0.333', '--min-hit1'],
      ['❌', REGRESSION_CHECK, '1 newly failing, 1 newly passing against base.json', '--fail-on-regression'],
    ]);
    expect(rows(tables[1])).toEqual([
      ['', 'base.json', 'this run', 'change'],
      ['hit@1', '0.667', '0.333', '−0.333'],
      ['hit@3', '0.667', '0.667', '±0.000'],
      ['hit@5', '1.000', '0.667', '−0.333'],
      ['MRR@5', '0.800', '0.500', '−0.300'],
    ]);
    // the two runs hold other cases: the figures say so
    expect(md).toContain("The baseline's figures are over other cases: 3 new here, 0 gone.");
    // the failing-cases table marks the newly failing one
    const failing = tables.find((t) => rows(t)[0]?.[0] === 'question');
    expect(rows(failing).find((r) => r[0] === '怎么开发票')?.[3]).toBe('newly failing: not in the top k');
    // without --fail-on-regression the run passes and there is no regression row
    const info = markdownReport(run);
    expect(info.split('\n')[0]).toBe('## kb eval: ✅ passed');
    expect(info).not.toContain(REGRESSION_CHECK);
  });

  it('says passed when every gate passes, and "no gates set" when there is none to pass', () => {
    const run = makeRun();
    run.gates = run.gates.filter((g) => g.ok);
    expect(run.gates.length).toBeGreaterThan(0);
    expect(markdownReport(run).split('\n')[0]).toBe('## kb eval: ✅ passed');
    // before: ✅ passed over failing cases, with nothing to pass
    run.gates = [];
    const md = markdownReport(run).split('\n');
    expect(md[0]).toBe('## kb eval: no gates set');
    expect(md[2]).toMatch(/^Nothing decides pass or fail: \d+ of \d+ cases fail, hit@1 \d\.\d{3}; set gates with --min-hit1, .* or eval\.gates in kb\.config\.yaml\.$/);
    const html = htmlReport(run);
    expect(html).toContain('<h1>kb eval report: <span class="muted">no gates set</span></h1>');
    expect(html).not.toMatch(/class="pass">passed/);
    // the regression check is one to pass
    expect(markdownReport(run, { failOnRegression: true }).split('\n')[0]).toMatch(/^## kb eval: ❌ failed: /);
    expect(runPassed(run, true)).toBe(false); // a newly failing case with --fail-on-regression
  });

  it('fails, in every report, a run whose baseline could not be read, as kb eval exits 1 on it', () => {
    // a smoke test: exit 1, but the reports said "no gates set"
    const run = makeRun();
    run.gates = [];
    delete run.baseline;
    run.baselineUnreadable = 'main.json';
    expect(runPassed(run)).toBe(false);
    expect(markdownReport(run).split('\n')[0]).toBe('## kb eval: ❌ failed: the baseline main.json could not be read');
    expect(htmlReport(run)).not.toContain('no gates set');
    const xml = junitReport(run);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { testsuites: { errors: string; testsuite: { name: string; testcase?: { error?: { type: string } } }[] } };
    expect(Number(doc.testsuites.errors)).toBeGreaterThanOrEqual(1);
    expect(doc.testsuites.testsuite.find((t) => t.name === 'kb eval baseline')?.testcase?.error?.type).toBe('bad-baseline');
  });
});

describe('what a person acts on', () => {
  it('a newly failing case says why it fails now and what came first, in Markdown and HTML', () => {
    const run = makeRun();
    const md = markdownReport(run);
    expect(md).toContain('- ❌ 怎么开发票 — expected invoice or x; now not in the top k, got other “top \\<question\\>” \\(confidence 0.20\\) (suites/b.yaml:3)');
    expect(htmlReport(run)).toContain('expected invoice or x · now not in the top k, got other “top &lt;question&gt;” (confidence 0.20) · suites/b.yaml:3');
  });

  it('coverage names the entries no case finds, not only how many', () => {
    const run = makeRun();
    run.coverage = { entries: 3, covered: 1, uncovered: [{ id: 's-1', question: '换货是什么？', source: 'returns.md', section: '三、换货' }, { id: 'faq-9', question: '积分怎么用' }], bySource: [] };
    const md = markdownReport(run);
    expect(md).toContain('| s-1 | 换货是什么？ | returns.md § 三、换货 |');
    expect(md).toContain('| faq-9 | 积分怎么用 | \\(no source\\) |');
    expect(markdownReport(run, { maxUncovered: 1 })).toContain('… and 1 more');
    const html = htmlReport(run);
    expect(html).toContain('Entries no case finds (2)');
    expect(html).toContain('<td>s-1</td><td>换货是什么？</td><td class="muted">returns.md § 三、换货</td>');
  });

  it('a case expecting what the index does not have says what it has instead, in JUnit, Markdown and HTML', () => {
    const cases = [{ ...c('耳机保修多久', { source: 'warranty.md', section: '第一条 保修期限' }, null, 0.8), unknownSources: ['warranty.md › 第一条 保修期限'], unknownSourceHints: ['did you mean “第一条”?'] }];
    const report: EvalReport = { metrics: { cases: 1, hit1: 0, hitK: 0, mrr: 0, k: 5 }, cases };
    const summary = summarize(report);
    const run: EvalRun = { report, summary, gates: [] };
    const why = 'expects an entry the index does not have: warranty.md › 第一条 保修期限 — did you mean “第一条”?';
    expect(junitReport(run)).toContain(`<failure message="${xmlEscape(why)}: expected`);
    expect(markdownReport(run)).toContain(`| ${mdEscape(why)} |`);
    expect(htmlReport(run)).toContain(htmlEscape(why));
  });

  it('says when the baseline was judged at another threshold', () => {
    // makeRun's baseline has no ranks, so it cannot be judged again at 0.5
    const run = makeRun(0.5);
    expect(markdownReport(run)).toContain('The baseline base.json was judged at no threshold, this run at threshold 0.5, and it lacks the ranks and confidences to judge it again');
    expect(htmlReport(run)).toContain('The baseline base.json was judged at no threshold, this run at threshold 0.5');
    expect(markdownReport(makeRun())).not.toContain('was judged at');
  });

  it('says when an out-of-scope question is now answered by an entry the baseline\'s index did not have: added for it, most likely', () => {
    // a pull request added 有羊奶粉吗 while the suite still calls 有没有羊奶粉 out of scope
    const cases = [c('有没有羊奶粉', null, null, 0.93), c('你们周末上班吗', null, null, 0.6, 'suites/a.jsonl', 2)];
    cases[0]!.top = [{ id: 'faq-51', score: 2, confidence: 0.93 }];
    cases[1]!.top = [{ id: 'faq-7', score: 2, confidence: 0.6 }];
    const report: EvalReport = { metrics: { cases: 0, hit1: 0, hitK: 0, mrr: 0, k: 5 }, cases };
    const summary = summarize(report, { threshold: 0.5 });
    const run: EvalRun = { report, summary, gates: [] };
    const before = { cases: cases.map((x) => ({ q: x.q, expect: null, verdict: 'pass' as const, rank: null, confidence: 0.2 })), threshold: 0.5, entryIds: new Set(['faq-7', 'faq-20']) };
    run.baseline = compareBaseline(cases, summary.verdicts, before, 'main.json', 0.5);
    const md = markdownReport(run, { failOnRegression: true });
    expect(md).toContain('faq-51 was added since the baseline \\(its index had no such entry\\): if it answers the question, make the case expect faq-51');
    // an old entry (in the baseline's index, though in none of its results) answering falsely is a false answer: no hint (review 2026-11-27)
    expect(md).not.toContain('faq-7 was added');
    expect(md).toMatch(/你们周末上班吗.*faq-7/);
  });
});

describe('htmlReport', () => {
  it('says why the run failed under its title, with the gates, the regression check and the figures against the baseline', () => {
    const run = makeRun();
    run.gates = checkGates(run.summary, { minHit1: 0.3 });
    const html = htmlReport(run, { failOnRegression: true });
    expect(html).toContain('<p class="fail" id="why">Failed: 1 case newly failing against base.json.</p>');
    const at = (s: string): number => html.indexOf(s);
    expect(at('id="why"')).toBeLessThan(at('<table id="gates"'));
    expect(at('<table id="gates"')).toBeLessThan(at('<table id="against"'));
    expect(at('<table id="against"')).toBeLessThan(at('<h2>Metrics</h2>'));
    expect(html).toContain(`<tr class="fail"><td>✘</td><td>${REGRESSION_CHECK}</td><td>1 newly failing, 1 newly passing against base.json</td><td class="muted">--fail-on-regression</td></tr>`);
    expect(html).toContain('<tr><td>hit@1</td><td class="num">0.667</td><td class="num">0.333</td><td class="num fail">−0.333</td></tr>');
    expect(html).toContain('fail<br><b class="fail">newly failing</b>');
    expect(htmlReport(run)).not.toContain('id="why"');
  });

  it('is one self-contained page with charts, a case table and every user text escaped', () => {
    const html = htmlReport(makeRun('auto'));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script>alert/);
    expect(html).toContain(htmlEscape(NASTY));
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//); // no network
    expect(html.match(/<svg /g)).toHaveLength(3); // ranks, confidence, threshold curve
    expect(html.match(/<tr data-verdict=/g)).toHaveLength(5);
    expect(html).toContain('<tr data-verdict="fail">');
    expect(html).toContain('id="filter"');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });
});

describe('suite lines that could not be read', () => {
  const unreadableRun = (): EvalRun => {
    const run = makeRun();
    run.gates = [];
    run.unreadable = [
      problem('bad-suite', `is not valid JSON; each line must be one JSON object like {"q": "…", "expect": "id"} ${NASTY}`, { file: 'suites/a.jsonl', location: { line: 7 } }),
      problem('bad-suite', 'is not valid YAML (bad indentation); fix it', { file: 'suites/c.yaml', location: { line: 2 } }),
      problem('file-not-found', 'cannot be read; check the path', { file: 'suites/gone.csv' }),
    ];
    return run;
  };

  it('JUnit: one test case with an <error> per line, in its file\'s suite, counted in errors', () => {
    const xml = junitReport(unreadableRun());
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
      testsuites: { tests: string; errors: string; testsuite: { name: string; tests: string; errors: string; testcase: { name: string; classname: string; error?: { message: string; type: string; '#text': string } }[] }[] };
    };
    const root = doc.testsuites;
    expect([root.tests, root.errors]).toEqual(['8', '3']);
    expect(root.testsuite.map((s) => [s.name, s.tests, s.errors])).toEqual([
      ['suites/a.jsonl', '3', '1'],
      ['suites/b.yaml', '3', '0'],
      ['suites/c.yaml', '1', '1'],
      ['suites/gone.csv', '1', '1'],
    ]);
    const line = root.testsuite[0]?.testcase[2];
    expect(line?.name).toBe('line 7 (could not be read)');
    expect(line?.error?.type).toBe('bad-suite');
    expect(line?.error?.message).toBe(`suites/a.jsonl:7: is not valid JSON; each line must be one JSON object like {"q": "…", "expect": "id"} ${NASTY.replace('\u0001', '').trimEnd()}`); // the parser trims values
    expect(root.testsuite[3]?.testcase[0]?.name).toBe('the file (could not be read)');
  });

  it('Markdown and HTML: a section naming each line, and the run fails', () => {
    const run = unreadableRun();
    expect(runPassed(run)).toBe(false);
    const md = markdownReport(run);
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md) as MdNode;
    const headings = all(tree, 'heading').map(text);
    expect(headings[0]).toBe('kb eval: ❌ failed: 2 suite lines and 1 suite file could not be read');
    expect(headings[1]).toBe('2 suite lines and 1 suite file could not be read');
    const items = all(tree, 'listItem').map(text);
    expect(items).toContain(`❌ suites/a.jsonl:7: is not valid JSON; each line must be one JSON object like {"q": "…", "expect": "id"} ${NASTY}`);
    expect(items).toContain('❌ suites/gone.csv: cannot be read; check the path');
    const html = htmlReport(run);
    expect(html).toContain('<h2>2 suite lines and 1 suite file could not be read</h2>');
    expect(html).toContain(`<li class="fail">✘ suites/c.yaml:2: is not valid YAML (bad indentation); fix it</li>`);
    expect(html).not.toMatch(/<script>alert/);
    expect(evalRunJson(run)['unreadable']).toEqual([
      { file: 'suites/a.jsonl', line: 7, code: 'bad-suite', message: expect.stringMatching(/^is not valid JSON/) },
      { file: 'suites/c.yaml', line: 2, code: 'bad-suite', message: 'is not valid YAML (bad indentation); fix it' },
      { file: 'suites/gone.csv', line: undefined, code: 'file-not-found', message: 'cannot be read; check the path' },
    ]);
  });
});

describe('evalRunJson', () => {
  it('keeps the contract keys first and adds the extensions', () => {
    const doc = evalRunJson(makeRun(0.5)) as { metrics: Record<string, unknown>; cases: Record<string, unknown>[] } & Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['metrics', 'cases', 'suites', 'tags', 'threshold', 'gates', 'baseline', 'gaps', 'coverage']);
    expect(Object.keys(doc.metrics).slice(0, 5)).toEqual(['cases', 'hit1', 'hitK', 'mrr', 'k']);
    expect(Object.keys(doc.cases[0] ?? {}).slice(0, 4)).toEqual(['q', 'expect', 'rank', 'top']);
    expect(doc.cases.map((x) => x['verdict'])).toEqual(['pass', 'fail', 'fail', 'fail', 'pass']);
    expect(doc.cases[3]?.['reason']).toBe('false-answer');
  });
});

describe('baselineThresholdNote', () => {
  // each run judged at auto's own threshold; the cases that fail only by auto's move, said per kind (review 2026-11-27)
  const note = (from: number, to: number, now: CaseResult[], verdicts: ('pass' | 'fail')[]): string => {
    const before: Baseline = { cases: now.map((x) => ({ q: x.q, expect: x.expect, verdict: 'pass' as const, rank: x.rank, confidence: x.top[0]?.confidence ?? null })), threshold: from, thresholdAuto: true };
    const reasons = now.map((x, i) => (verdicts[i] === 'pass' ? { verdict: 'pass' as const } : { verdict: 'fail' as const, reason: x.expect === null ? ('false-answer' as const) : ('below-threshold' as const) }));
    return baselineThresholdNote(compareBaseline(now, reasons, before, 'base.json', to, true)) ?? '';
  };

  it('says an out-of-scope case failing only because auto moved down is handed off at the baseline\'s threshold, not that its right answer is first', () => {
    // auto 0.4 → 0.3: 有羊奶粉吗 (0.35) is answered now, handed off at 0.4 — it has no right answer
    const down = note(0.4, 0.3, [c('有羊奶粉吗', null, null, 0.35)], ['fail']);
    expect(down).toContain("The newly failing case fails only by that move: at the baseline's threshold 0.4 it passes now too, out of scope and handed off as the baseline handed it off (its top hit's confidence below 0.4).");
    expect(down).not.toContain('right answer');
  });

  it('says in-scope cases failing only because auto moved up still have their right answer first', () => {
    expect(note(0.3, 0.4, [c('退货', 'K2', 1, 0.35)], ['fail'])).toContain("at the baseline's threshold 0.3 it passes now too, its right answer still first.");
    const two = note(0.3, 0.4, [c('退货', 'K2', 1, 0.35), c('换货', 'K3', 1, 0.38), c('oos', null, null, 0.2)], ['fail', 'fail', 'pass']);
    expect(two).toContain('All 2 newly failing cases fail only by that move: at the baseline\'s threshold 0.3 they pass now too, their right answer still first.');
  });
});

describe('answers changed since the baseline', () => {
  // a FAQ row's fee edited, asked by three paraphrases in the suite, and one other row edited
  const change = (q: string, line: number, id: string, answer: string): AnswerChange => ({ q, file: 'tests/物流.csv', line, id, question: id === 'FAQ001' ? '发什么快递' : '多久发货', answer });
  const changes = [change('能发顺丰不', 2, 'FAQ001', '补差价15元。'), change('顺丰多少钱', 3, 'FAQ001', '补差价15元。'), change('几天发货', 4, 'FAQ002', '72小时内发货。'), change('用的什么快递', 5, 'FAQ001', '补差价15元。')];

  it('lists each edited entry once, with the questions that reach it (before: one line a question, the same answer three times)', () => {
    expect(describeAnswersChanged('main.json', changes)).toBe(
      '4 questions right in both runs are answered with text changed since main.json: “能发顺丰不”, “顺丰多少钱” and 1 more → FAQ001; “几天发货” → FAQ002 — check that the new answers say what customers should be told (the reports list them)',
    );
    const run = makeRun();
    if (run.baseline === undefined) throw new Error('no baseline');
    run.baseline.answersChanged = changes;
    const md = markdownReport(run);
    expect(md.split('\n').filter((l) => l.startsWith('- ✏️'))).toEqual([
      '- ✏️ 能发顺丰不 (tests/物流.csv:2), 顺丰多少钱 (tests/物流.csv:3), 用的什么快递 (tests/物流.csv:5) → FAQ001 “发什么快递”: 补差价15元。',
      '- ✏️ 几天发货 → FAQ002 “多久发货”: 72小时内发货。 (tests/物流.csv:4)',
    ]);
    expect(htmlReport(run).match(/<li>[^]*?<\/li>/gu)?.filter((li) => li.includes('FAQ00'))).toHaveLength(2);
  });
});
