// A question's number inside several of the KB's ranges (7 in 5-10件, 3-9天, 6-8点, 4-12个月 …): the ranges
// are alternatives, a hit holds one of them at most, so the number weighs as its weightiest range — summed,
// one 7 weighed like six rare terms and every answer's confidence fell (review of zhsize, 2026-11-27:
// 7号能发货吗 0.52 → 0.29 on a shop FAQ of ranges).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from './knowledge-base.js';
import { BUILD_TIMEOUT, SAMPLE, fixtureKb } from '../test-support/kb.js';

let one: KnowledgeBase;
let many: KnowledgeBase;

beforeAll(async () => {
  one = await fixtureKb([SAMPLE, 'fixtures/number-ranges/one-range.csv']);
  many = await fixtureKb([SAMPLE, 'fixtures/number-ranges/many-ranges.csv']);
}, BUILD_TIMEOUT);

const top = (kb: KnowledgeBase, question: string): { question: string; confidence: number } => {
  const hit = kb.search(question, { k: 1 })[0];
  if (hit === undefined) throw new Error(`no hit for ${question}`);
  return { question: hit.question, confidence: hit.confidence };
};

describe("a number inside many of the KB's ranges", () => {
  it.each([
    ['我买了7件能批发价吗', '可以批发吗？', 0.08],
    ['7号能发货吗', '下单后多久发货？', 0.16],
  ])('%s finds %s about as surely as in a KB where 7 is in one range', (question, answer, loss) => {
    const a = top(one, question);
    const b = top(many, question);
    expect([a.question, b.question]).toEqual([answer, answer]);
    // (summed, the six ranges took 0.48 → 0.32 and 0.51 → 0.28; as alternatives 0.41 and 0.37, the rest
    // being the runner-up that holds the number too)
    expect(b.confidence).toBeGreaterThan(a.confidence - loss);
  });
});
