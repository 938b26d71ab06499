// Baselines: reading a previous `kb eval --json` and listing what newly fails and newly passes.
import { describe, expect, it } from 'vitest';
import { compareBaseline, parseBaseline, readBaseline } from './baseline.js';
import type { CaseResult } from './run.js';
import type { CaseVerdict } from './summary.js';

const c = (q: string, expect: unknown, rank: number | null, line: number): CaseResult => ({ q, expect, rank, top: [], topQuestion: null, tags: [], file: 'now.jsonl', line });

describe('parseBaseline', () => {
  it('takes verdicts when the report has them, and derives them from ranks when it does not', () => {
    const text = JSON.stringify({
      metrics: {},
      cases: [
        { q: 'a', expect: 'x', rank: 1, top: [] },
        { q: 'b', expect: 'x', rank: 2, top: [] },
        { q: 'c', expect: null, rank: null, top: [] },
        { q: 'd', expect: 'x', rank: 1, top: [], verdict: 'fail', reason: 'below-threshold' },
      ],
    });
    const parsed = parseBaseline(text, 'b.json');
    expect(parsed.ok && parsed.value.map((b) => b.verdict)).toEqual(['pass', 'fail', 'skip', 'fail']);
  });

  it('refuses what is not an eval report, saying what to pass', async () => {
    for (const text of ['not json', '{"metrics": {}}', '{"cases": [{"q": 1}]}']) {
      const parsed = parseBaseline(text, 'b.json');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problems[0]?.message).toMatch(/kb eval --json/);
    }
    const missing = await readBaseline('fixtures/eval/ci/nope.json');
    expect(missing.ok).toBe(false);
  });
});

describe('compareBaseline', () => {
  it('matches cases by question and expectation, whatever their order, and counts added and removed ones', () => {
    const baseline = [
      { q: 'a', expect: { source: 'r.md', section: '二' }, verdict: 'pass' as const },
      { q: 'b', expect: 'x', verdict: 'fail' as const },
      { q: 'gone', expect: 'x', verdict: 'pass' as const },
      { q: 'same', expect: 'x', verdict: 'pass' as const },
      { q: 'oos', expect: null, verdict: 'skip' as const },
    ];
    // the expectation's keys in another order are the same expectation
    const cases = [c('b', 'x', 1, 1), c('same', 'x', 1, 2), c('a', { section: '二', source: 'r.md' }, null, 3), c('new', 'x', 1, 4), c('oos', null, null, 5)];
    const verdicts: CaseVerdict[] = [{ verdict: 'pass' }, { verdict: 'pass' }, { verdict: 'fail', reason: 'miss' }, { verdict: 'pass' }, { verdict: 'pass' }];
    const diff = compareBaseline(cases, verdicts, baseline, 'b.json');
    expect(diff.newlyFailing).toEqual([{ q: 'a', expect: { section: '二', source: 'r.md' }, file: 'now.jsonl', line: 3, rank: null, baselineVerdict: 'pass', verdict: 'fail' }]);
    expect(diff.newlyPassing.map((x) => x.q)).toEqual(['b']);
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
  });

  it('pairs repeated questions one to one', () => {
    const baseline = [
      { q: 'a', expect: 'x', verdict: 'pass' as const },
      { q: 'a', expect: 'x', verdict: 'fail' as const },
    ];
    const diff = compareBaseline([c('a', 'x', 1, 1), c('a', 'x', 1, 2)], [{ verdict: 'pass' }, { verdict: 'pass' }], baseline, 'b.json');
    expect(diff.newlyPassing.map((x) => x.line)).toEqual([2]);
    expect(diff.newlyFailing).toEqual([]);
  });
});
