// `kb eval`: the JSON report's exact shape, the human report, malformed suites, and the bundled
// sample suite (fixtures/suites/sample.jsonl) against the sample knowledge base.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../build/index.js';
import { BUILD_TIMEOUT, SAMPLE_SUITE, buildSample, lines, runKb, tempDir } from '../../test-support/kb.js';

const dir = tempDir('kb-cli-eval-');
const formsIndex = join(dir.path, 'forms.json');
const sampleIndex = join(dir.path, 'sample.json');
beforeAll(async () => {
  const built = await build({ sources: ['fixtures/eval/kb'], out: formsIndex });
  if (!built.ok) throw new Error('fixtures/eval/kb does not build');
  await buildSample(sampleIndex);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

interface EvalJson {
  metrics: { cases: number; hit1: number; hitK: number; mrr: number; k: number };
  cases: { q: string; expect: unknown; rank: number | null; top: { id: string; score: number; confidence: number }[] }[];
}

function evalJson(args: readonly string[]): { code: number | null; report: EvalJson; stderr: string } {
  const r = runKb(['eval', ...args, '--json']);
  return { code: r.code, report: JSON.parse(r.stdout) as EvalJson, stderr: r.stderr };
}

describe('kb eval --json', () => {
  it('prints exactly the documented shape, with 1-based ranks and null outside the top k', () => {
    const { code, report, stderr } = evalJson(['fixtures/eval/suites/forms.jsonl', '--index', formsIndex]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(Object.keys(report)).toEqual(['metrics', 'cases']);
    expect(Object.keys(report.metrics)).toEqual(['cases', 'hit1', 'hitK', 'mrr', 'k']);
    // 9 cases in scope: 7 ranked first, 2 deliberate misses; 2 out of scope are not counted
    expect(report.metrics).toEqual({ cases: 9, hit1: 0.7778, hitK: 0.7778, mrr: 0.7778, k: 5 });
    expect(report.cases.map((c) => c.expect)).toEqual([
      'ship-cost',
      { source: 'faq.jsonl' },
      { source: 'returns.md', section: '二、退货运费' },
      { source: 'returns.md', section: '一' },
      { source: 'returns.md', section: 'Exchanges' },
      ['invoice', 'refund-time'],
      [{ source: 'returns.md', section: '二、退货运费' }, 'ship-cost'],
      null,
      null,
      'invoice',
      { source: 'returns.md', section: '七天' },
    ]);
    for (const c of report.cases) {
      expect(Object.keys(c)).toEqual(['q', 'expect', 'rank', 'top']);
      expect(c.top.length).toBeLessThanOrEqual(5);
      for (const t of c.top) expect(Object.keys(t)).toEqual(['id', 'score', 'confidence']);
    }
    expect(report.cases[0]?.top[0]?.id).toBe('ship-cost');
    expect(report.cases[5]?.top[0]?.id).toBe('refund-time');
  });

  it('reads the same cases from YAML, JSONL and CSV', () => {
    const [yaml, jsonl, csv] = ['forms.yaml', 'forms.jsonl', 'forms.csv'].map((f) => evalJson([`fixtures/eval/suites/${f}`, '--index', formsIndex]).report);
    expect(yaml).toEqual(jsonl);
    expect(csv).toEqual(jsonl);
  });

  it('cuts at -k, and runs every suite of a folder', () => {
    const k1 = evalJson(['fixtures/eval/suites/forms.csv', '--index', formsIndex, '-k', '1']).report;
    expect(k1.metrics.k).toBe(1);
    expect(k1.cases.every((c) => c.top.length <= 1)).toBe(true);
    expect(evalJson(['fixtures/eval/suites', '--index', formsIndex]).report.metrics.cases).toBe(27);
  });
});

describe('kb eval', () => {
  it('lists the cases not ranked first with file and line, then the metrics', () => {
    const r = runKb(['eval', 'fixtures/eval/suites/forms.yaml', '--index', formsIndex]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      expect.stringMatching(/^miss {2}退货运费谁出 {2}→ expected "invoice", got “.+” \[s-\w+\] {2}\(fixtures\/eval\/suites\/forms\.yaml:24\)$/),
      expect.stringMatching(/^miss {2}七天无理由退货 {2}→ expected .*"七天".* \(fixtures\/eval\/suites\/forms\.yaml:26\)$/),
      '9 cases (and 2 out of scope, not counted): hit@1 0.778  hit@5 0.778  MRR@5 0.778',
    ]);
  });

  it('names the file and line of each malformed case on one line, runs the rest, and exits 1', () => {
    const r = runKb(['eval', 'fixtures/eval/broken/malformed.yaml', 'fixtures/eval/broken/malformed.csv', '--index', formsIndex]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/^error fixtures\/eval\/broken\/malformed\.yaml:line 4: the case has no "expect".*\[bad-suite\]$/),
      expect.stringMatching(/^error fixtures\/eval\/broken\/malformed\.yaml:line 5: a case must be an object.*\[bad-suite\]$/),
      expect.stringMatching(/^error fixtures\/eval\/broken\/malformed\.csv:line 3: expect is empty.*\[bad-suite\]$/),
      expect.stringMatching(/^error fixtures\/eval\/broken\/malformed\.csv:line 4: "expect" looks like JSON.*\[bad-suite\]$/),
      'kb eval: 4 cases or files could not be read (see above); the rest ran',
    ]);
    expect(r.stdout).toMatch(/^4 cases: hit@1/m);
    const json = evalJson(['fixtures/eval/broken/malformed.jsonl', '--index', formsIndex]);
    expect(json.code).toBe(1);
    expect(json.report.metrics.cases).toBe(2);
  });

  it('exits 1 for a suite that does not exist, 2 without suites', () => {
    const missing = runKb(['eval', 'fixtures/eval/nope.yaml', '--index', formsIndex]);
    expect(missing.code).toBe(1);
    expect(lines(missing.stderr)).toEqual([expect.stringMatching(/^error fixtures\/eval\/nope\.yaml: does not exist.*\[file-not-found\]$/), 'kb eval: no cases to run']);
    const none = runKb(['eval', '--index', formsIndex], dir.path);
    expect(none.code).toBe(2);
    expect(lines(none.stderr)).toEqual([expect.stringMatching(/^kb: name the suites to run/)]);
  });
});

describe('the bundled sample suite', () => {
  it('runs against the sample knowledge base and finds most answers', () => {
    const { code, report } = evalJson([SAMPLE_SUITE, '--index', sampleIndex]);
    expect(code).toBe(0);
    expect(report.cases).toHaveLength(37);
    expect(report.cases.filter((c) => c.expect === null)).toHaveLength(2);
    expect(report.metrics.cases).toBe(35);
    // a regression floor for the matcher (0.914 / 0.943 when the suite was written)
    expect(report.metrics.hit1).toBeGreaterThanOrEqual(0.8);
    expect(report.metrics.hitK).toBeGreaterThanOrEqual(0.9);
  });
});
