// The questions kb writes for a livestream clothing shop's pages (fixtures/livestream; user trial, 2026-11-27):
// the hours of its livestream, a table's estimated delivery times, a late-or-lost heading, and a sentence
// whose 体重 sits before 发给 (no 重发 of the lexicon inside it).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateEntries } from './index.js';
import { zhHeading } from './zh-heading.js';
import { ingestPaths } from '../ingest/index.js';
import { ROOT } from '../test-support/kb.js';

let questions: string[] = [];

beforeAll(async () => {
  const run = await ingestPaths([join(ROOT, 'fixtures/livestream')]);
  questions = generateEntries(run.documents, { similar: 5 }).items.flatMap((i) => [i.entry.question, ...i.entry.similar]);
});

describe("a livestream shop's generated questions", () => {
  it('ask the hours of the livestream, not how long it takes', () => {
    expect(questions).toContain('几点直播？');
    expect(questions.filter((q) => q.startsWith('直播需要'))).toEqual([]);
  });

  it("ask a table's estimated delivery time as how long until it arrives", () => {
    expect(questions).toContain('寄到省内多久到货？');
    // (before the column that asks only what it is: five rows' 快递是什么 used up the section's questions)
    expect(questions).toContain('寄到偏远地区多久到货？');
  });

  it('never put 多久 into a negated arrival (未送达)', () => {
    expect(questions.filter((q) => /未多久/u.test(q))).toEqual([]);
    // (nor where the negation is a word before it: 退款未及时多久到账？)
    expect(zhHeading('退款未及时到账').filter((q) => q.includes('多久'))).toEqual([]);
    expect(zhHeading('退款到账')).toContain('退款多久到账？');
  });

  it('keep 体重 whole: no 重发 → 补发 inside it', () => {
    expect(questions.some((q) => q.includes('体重发给客服'))).toBe(true);
    expect(questions.filter((q) => /体补发|体重新发货/u.test(q))).toEqual([]);
  });
});
