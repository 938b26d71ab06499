// A software subscription's billing help (SaaS support team's trial, 2026-11-27): its customers say
// licences for seats, euros for the billing currency, yearly for annual, declined for a failed
// payment and unsubscribe for cancel (lexicon.ts, the subscription groups).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, fixtureKb, topSection } from '../test-support/kb.js';
import { AFTER_SALES_LEXICON, RELATED_ONLY_GROUPS } from './lexicon.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  // beside an electronics shop's and a retailer's pages, as a KB of some size: a word in a tenth of a small KB's entries is no expansion
  kb = await fixtureKb(['fixtures/generate-english-saas/billing-help.md', 'fixtures/customer-queries/shop-en', 'fixtures/generate-english-retail/returns-and-delivery.md', 'fixtures/generate-english-retail/size-guide.md']);
}, BUILD_TIMEOUT);

describe("a subscription's customers, in their words", () => {
  it.each([
    ['need 3 more licenses', 'Adding seats'],
    ['can i pay in euros', 'Billing currency'],
    ['is it cheaper if i go yearly', 'Annual billing'],
    ['why was my card declined', 'Failed payments'],
    ['how do i unsubscribe', 'Cancelling your subscription'],
  ])('%s → %s', (question, section) => {
    expect(topSection(kb, question)).toBe(section);
  });

  it('a licence is a seat for matching only: no similar question says seat for a driver’s licence', () => {
    const seat = AFTER_SALES_LEXICON.find((g) => g[0] === 'seat');
    expect(seat !== undefined && RELATED_ONLY_GROUPS.has(seat)).toBe(true);
  });
});
