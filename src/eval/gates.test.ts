// CI gates: one result per gate asked for, failing when the metric is below (or above) its limit
// or cannot be measured.
import { describe, expect, it } from 'vitest';
import { checkGates } from './gates.js';
import type { CaseResult } from './run.js';
import { summarize } from './summary.js';

const c = (expect: unknown, rank: number | null, confidence: number): CaseResult => ({ q: 'q', expect, rank, top: [{ id: 'x', score: 1, confidence }], topQuestion: null, tags: [], file: 'a.jsonl', line: 1 });
const report = (cases: CaseResult[]) => ({ metrics: { cases: 0, hit1: 0, hitK: 0, mrr: 0, k: 5 }, cases });

describe('checkGates', () => {
  // hit@1 0.25, hit@5 0.75, MRR (1 + 0.5 + 0.2) / 4 = 0.425; the out-of-scope case at 0.6
  const cases = [c('x', 1, 0.9), c('x', 2, 0.5), c('x', 5, 0.3), c('x', null, 0.2), c(null, null, 0.6)];

  it('passes and fails each gate with a one-line message', () => {
    const results = checkGates(summarize(report(cases)), { minHit1: 0.3, minHitK: 0.75, minMrr: 0.4 });
    expect(results.map((r) => [r.flag, r.ok, r.value])).toEqual([
      ['--min-hit1', false, 0.25],
      ['--min-hitk', true, 0.75],
      ['--min-mrr', true, 0.425],
    ]);
    expect(results[0]?.message).toBe('hit@1 0.250 < 0.300 (--min-hit1)');
    expect(results[1]?.message).toBe('hit@5 0.750 ≥ 0.750 (--min-hitk)');
    expect(checkGates(summarize(report(cases)), {})).toEqual([]);
  });

  it('gives each gate a name without the measured value, the same from run to run (CI test histories key on it)', () => {
    const names = (cs: CaseResult[]) => checkGates(summarize(report(cs), { threshold: 0.5 }), { minHit1: 0.3, minHitK: 0.75, minMrr: 0.4, maxFalseAnswer: 0.1 }).map((r) => r.name);
    expect(names(cases)).toEqual(['hit@1 ≥ 0.300', 'hit@5 ≥ 0.750', 'MRR@5 ≥ 0.400', 'false-answer rate ≤ 0.100']);
    // another run, other figures (every case ranked first, no out-of-scope case): the same names
    expect(names(cases.slice(0, 4).map((x) => ({ ...x, rank: 1 })))).toEqual(names(cases));
  });

  it('names kb.config.yaml, not a flag, for the gates set there', () => {
    const results = checkGates(summarize(report(cases), { threshold: 0.5 }), { minHit1: 0.3, minMrr: 0.9, maxFalseAnswer: 0 }, { minHit1: 'kb.config.yaml', maxFalseAnswer: 'kb.config.yaml' });
    expect(results.map((r) => [r.flag, r.from])).toEqual([
      ['--min-hit1', 'min-hit1 in kb.config.yaml'],
      ['--min-mrr', '--min-mrr'],
      ['--max-false-answer', 'max-false-answer in kb.config.yaml'],
    ]);
    expect(results.map((r) => r.message)).toEqual([
      'hit@1 0.250 < 0.300 (min-hit1 in kb.config.yaml)',
      'MRR@5 0.425 < 0.900 (--min-mrr)',
      'false-answer rate 1.000 at threshold 0.5 > 0.000 (max-false-answer in kb.config.yaml)',
    ]);
    expect(checkGates(summarize(report(cases)), { maxFalseAnswer: 0.1 }, { maxFalseAnswer: 'kb.config.yaml' })[0]?.message).toMatch(/add --threshold X or --threshold auto \(max-false-answer in kb\.config\.yaml 0\.1\)$/);
  });

  it('measures false answers at the threshold, and fails when it cannot', () => {
    const at = (t: number, limit: number) => checkGates(summarize(report(cases), { threshold: t }), { maxFalseAnswer: limit })[0];
    expect(at(0.5, 0)).toMatchObject({ ok: false, value: 1, message: 'false-answer rate 1.000 at threshold 0.5 > 0.000 (--max-false-answer)' });
    expect(at(0.7, 0)).toMatchObject({ ok: true, value: 0 });
    expect(checkGates(summarize(report(cases)), { maxFalseAnswer: 0.1 })[0]).toMatchObject({ ok: false, value: null, message: expect.stringMatching(/without a threshold: add --threshold/) });
    expect(checkGates(summarize(report(cases.slice(0, 4)), { threshold: 0.5 }), { maxFalseAnswer: 0.1 })[0]).toMatchObject({ ok: false, message: expect.stringMatching(/no out-of-scope cases/) });
    expect(checkGates(summarize(report([c(null, null, 0.1)])), { minHit1: 0 })[0]).toMatchObject({ ok: false, message: expect.stringMatching(/no in-scope cases/) });
  });
});
