// Codes that open with digits (2FA, 4K, 5G, 3C, 1080p) beside quantities with units (65W, 128GB,
// 24h, 30 days), in an invented help centre of a subscription service that also sells devices
// (fixtures/digit-codes). A SaaS help centre's user trial: 2FA was read 2 + fa, so "can I pause my
// account for 2 months" met the 2FA pages through their 2.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, fixtureKb } from '../test-support/kb.js';
import type { AnalyzerOptions } from './settings.js';

const SOURCE = 'fixtures/digit-codes/help-centre.md';
let current: KnowledgeBase;
let older: KnowledgeBase;

beforeAll(async () => {
  current = await fixtureKb([SOURCE]);
  // as the kb before the option wrote it: its settings have no digitCodes at all (undefined is not written)
  older = await fixtureKb([SOURCE], { digitCodes: undefined } as unknown as Partial<AnalyzerOptions>);
}, BUILD_TIMEOUT * 2);

const top = (kb: KnowledgeBase, question: string): string | undefined => kb.search(question)[0]?.question;
const found = (kb: KnowledgeBase, question: string): string[] => kb.search(question).map((h) => h.question);

describe('codes that open with digits', () => {
  it('a new index reads 2FA as one term; one written before the option has none and reads 2 + fa as it did', () => {
    expect(current.analyzer.settings.options.digitCodes).toBe(true);
    expect('digitCodes' in older.analyzer.settings.options).toBe(false);
    expect(current.analyzer.analyze('enable 2FA')).toEqual(['enabl', '2fa', 'fa']);
    expect(older.analyzer.analyze('enable 2FA')).toEqual(['enabl', '2', 'fa']);
  });

  it('a number in a question no longer meets the pages of a code that holds it (2 months ≠ 2FA)', () => {
    // where the 2FA page ranks against the page about a break, for a question about a break of 2 months
    const order = (kb: KnowledgeBase): number => {
      const hits = found(kb, 'pause for 2 months');
      return hits.findIndex((q) => /2FA/u.test(q)) - hits.findIndex((q) => /break/u.test(q));
    };
    expect(order(older)).toBeLessThan(0);
    expect(order(current)).toBeGreaterThan(0);
    expect(current.search('pause for 2 months').find((h) => /2FA/u.test(h.question))?.score ?? 0).toBeLessThan(0.5);
  });

  it.each([
    ['how do I turn on 2fa', /two-factor/iu],
    ['can I stream in 4K', /streaming/iu],
    ['is the Nova A5 5G', /5G/u],
    ['does the charger have 3C', /charger/iu],
    ['is the standard plan 1080p', /streaming/iu],
    // quantities with units read as before: a number and a unit
    ['65W charger', /charger/iu],
    ['is 128GB enough', /storage/iu],
    ['is chat open 24h', /support hours/iu],
    ['can I return it within 30 days', /returns/iu],
  ])('%s → the page about it', (question, page) => {
    expect(top(current, question)).toMatch(page);
  });
});
