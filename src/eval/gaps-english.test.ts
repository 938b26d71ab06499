import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { clusterQuestions, countQuestions } from './gaps.js';

const log = fileURLToPath(new URL('../../fixtures/gaps/english-time-words.txt', import.meta.url));
const words = (text: string): string[] => text.toLowerCase().split(/\s+/).filter((w) => w !== '');

// An apparel brand's chat log (user trial, 2026-11-27): "zip broke after 2 days", "can i return after
// 30 days" and "went on sale the day after i bought it" were one gap named "days after"
describe('English words of when', () => {
  it('neither join questions nor name a gap: day, days, weeks, after', () => {
    const clusters = clusterQuestions(countQuestions(readFileSync(log, 'utf8').split('\n').filter((l) => l !== '')), words);
    const joined = clusters.filter((c) => c.examples.length > 1);
    expect(joined.map((c) => [...c.terms].sort())).toEqual([['clothes', 'kids']]);
    for (const c of clusters) expect(c.terms.filter((t) => /^(?:days?|weeks?|after)$/u.test(t))).toEqual([]);
  });
});
