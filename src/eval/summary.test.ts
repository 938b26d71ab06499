// Summaries: hit@1/3/k and MRR per suite and tag, verdicts, rank distribution, latency.
import { describe, expect, it } from 'vitest';
import type { CaseResult } from './run.js';
import { percentile, rankMetrics, summarize, verdictOf } from './summary.js';

function result(q: string, expect: unknown, rank: number | null, confidence: number | undefined, extra: Partial<CaseResult> = {}): CaseResult {
  return { q, expect, rank, top: confidence === undefined ? [] : [{ id: 'x', score: 1, confidence }], topQuestion: null, tags: [], file: 'a.jsonl', line: 1, latencyMs: 1, ...extra };
}

describe('rankMetrics', () => {
  it('computes hit@1, hit@3, hit@k and MRR@k over in-scope cases only', () => {
    const cases = [result('a', 'x', 1, 0.9), result('b', 'x', 3, 0.5), result('c', 'x', null, 0.2), result('d', 'x', 5, 0.1), result('e', null, null, 0.3)];
    expect(rankMetrics(cases, 5)).toEqual({ cases: 4, hit1: 0.25, hit3: 0.5, hitK: 0.75, mrr: 0.3833, k: 5, outOfScope: 1 });
    expect(rankMetrics([], 5)).toEqual({ cases: 0, hit1: 0, hit3: 0, hitK: 0, mrr: 0, k: 5, outOfScope: 0 });
  });
});

describe('verdictOf', () => {
  it('passes a case ranked first, fails a miss or a lower rank, skips out-of-scope cases without a threshold', () => {
    expect(verdictOf(result('a', 'x', 1, 0.2), undefined)).toEqual({ verdict: 'pass' });
    expect(verdictOf(result('a', 'x', null, 0.2), undefined)).toEqual({ verdict: 'fail', reason: 'miss' });
    expect(verdictOf(result('a', 'x', 2, 0.2), undefined)).toEqual({ verdict: 'fail', reason: 'not-first' });
    expect(verdictOf(result('a', null, null, 0.9), undefined)).toEqual({ verdict: 'skip' });
  });

  it('tells a miss whose expected entry the index lacks from a search miss, and still counts it as a miss', () => {
    const typo = result('a', 'faq-x', null, 0.9, { expectIds: ['faq-x'], unknownIds: ['faq-x'] });
    expect(verdictOf(typo, undefined)).toEqual({ verdict: 'fail', reason: 'unknown-entry' });
    expect(verdictOf(typo, 0.5)).toEqual({ verdict: 'fail', reason: 'unknown-entry' });
    expect(rankMetrics([typo, result('b', 'x', 1, 0.9)], 5)).toMatchObject({ cases: 2, hit1: 0.5, hitK: 0.5 });
    // found through another expectation: an ordinary pass (the warning still names the unknown id)
    expect(verdictOf(result('a', ['x', 'faq-x'], 1, 0.9, { unknownIds: ['faq-x'] }), undefined)).toEqual({ verdict: 'pass' });
  });

  it('with a threshold: a right answer below it fails, an out-of-scope case passes only when nothing reaches it', () => {
    expect(verdictOf(result('a', 'x', 1, 0.4), 0.5)).toEqual({ verdict: 'fail', reason: 'below-threshold' });
    expect(verdictOf(result('a', 'x', 1, 0.5), 0.5)).toEqual({ verdict: 'pass' });
    expect(verdictOf(result('a', null, null, 0.6), 0.5)).toEqual({ verdict: 'fail', reason: 'false-answer' });
    expect(verdictOf(result('a', null, null, 0.4), 0.5)).toEqual({ verdict: 'pass' });
    expect(verdictOf(result('a', null, null, undefined), 0.5)).toEqual({ verdict: 'pass' });
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([], 50)).toBe(0);
    expect(percentile([3], 95)).toBe(3);
  });
});

describe('summarize', () => {
  const cases = [
    result('a', 'x', 1, 0.9, { tags: ['运费'], file: 'one.jsonl', latencyMs: 1 }),
    result('b', 'x', 2, 0.4, { tags: ['运费', '发票'], file: 'one.jsonl', latencyMs: 2 }),
    result('c', 'x', null, 0.3, { tags: ['发票'], file: 'two.yaml', latencyMs: 3 }),
    result('d', null, null, 0.2, { tags: ['oos'], file: 'two.yaml', latencyMs: 10 }),
  ];
  const report = { metrics: { cases: 3, hit1: 0.3333, hitK: 0.6667, mrr: 0.5, k: 3 }, cases };

  it('groups by suite file and by tag, counts ranks and times the searches', () => {
    const s = summarize(report);
    expect(s.suites.map((g) => [g.name, g.cases, g.hit1, g.outOfScope])).toEqual([
      ['one.jsonl', 2, 0.5, 0],
      ['two.yaml', 1, 0, 1],
    ]);
    expect(s.tags.map((g) => [g.name, g.cases, g.hitK])).toEqual([
      ['oos', 0, 0],
      ['发票', 2, 0.5],
      ['运费', 2, 1],
    ]);
    expect(s.ranks).toEqual({ byRank: [1, 1, 0], miss: 1 });
    expect(s.latencyMs).toEqual({ p50: 2, p95: 10, mean: 4 });
    expect(s.threshold).toBeUndefined();
    expect(s.verdicts.map((v) => v.verdict)).toEqual(['pass', 'fail', 'fail', 'skip']);
  });

  it('judges by a fixed threshold or the automatic one, and keeps the curve', () => {
    const fixed = summarize(report, { threshold: 0.95 });
    expect(fixed.threshold?.mode).toBe('fixed');
    expect(fixed.threshold?.chosen.answered).toBe(0);
    expect(fixed.verdicts.map((v) => v.verdict)).toEqual(['fail', 'fail', 'fail', 'pass']);
    const auto = summarize(report, { threshold: 'auto' });
    expect(auto.threshold?.mode).toBe('auto');
    // answering 0.9 and handing off 0.4 and below decides all four right: the middle of (0.4, 0.9]
    expect(auto.threshold?.chosen.threshold).toBe(0.65);
    expect(auto.threshold?.chosen.decisionAccuracy).toBe(1);
    expect(auto.threshold?.curve).toHaveLength(21);
    expect(auto.verdicts.map((v) => v.verdict)).toEqual(['pass', 'fail', 'fail', 'pass']);
  });
});
