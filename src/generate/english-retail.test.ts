import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { questionsByHeading } from '../test-support/questions.js';

// A UK fashion and homeware retailer (user test, 2026-11-27): fixtures/generate-english-retail (README there) and
// its help-centre page of five articles (fixtures/ingest/html/help-centre-articles-en.html).
const FIXTURES = join(import.meta.dirname, '../../fixtures');
const SOURCES = [
  join(FIXTURES, 'generate-english-retail/size-guide.md'),
  join(FIXTURES, 'generate-english-retail/returns-and-delivery.md'),
  join(FIXTURES, 'ingest/html/help-centre-articles-en.html'),
];

/** The section's questions (its entry's question, then its similar questions but the heading path) by its last heading. */
async function asked(): Promise<Map<string, string[]>> {
  return questionsByHeading((await ingestPaths(SOURCES)).documents);
}

describe("a UK retailer's headings, as customers ask them", () => {
  it('two activities on one object: How do I change or cancel an order? (was change or cancelling)', async () => {
    const q = (await asked()).get('Changing or cancelling an order') ?? [];
    expect(q[0]).toBe('How do I change or cancel an order?');
    expect(q.join('\n')).not.toMatch(/change or cancelling/u);
  });

  it("things the shop does not take back: Which items can't be returned? (was What should I do if items we cannot accept back?)", async () => {
    const q = (await asked()).get('2. Items we cannot accept back') ?? [];
    expect(q.slice(0, 2)).toEqual(["Which items can't you accept back?", "Which items can't be returned?"]);
    expect(q.join('\n')).not.toMatch(/What should I do if items/u);
  });

  it('a payment plan is a task (How do I pay in 3 with Klarna?), a list of places is no "What is the"', async () => {
    const all = await asked();
    expect(all.get('Pay in 3 with Klarna')?.[0]).toBe('How do I pay in 3 with Klarna?');
    const places = all.get('Highlands, Islands and Northern Ireland') ?? [];
    expect(places[0]).toMatch(/^What do I need to know about highlands, islands and Northern Ireland\?$/iu);
    expect(places.join('\n')).not.toMatch(/What is the Highlands/iu);
  });

  it('missed deliveries are a problem, not a process that takes time', async () => {
    const q = (await asked()).get('Missed deliveries') ?? [];
    expect(q[0]).toBe('What can I do about missed deliveries?');
    expect(q).not.toContain('How long do missed deliveries take?');
    expect(q).not.toContain('What are the missed deliveries?');
  });

  it('"you can return unworn, unwashed and unused items" and "you can also track": no cut list, no adverb', async () => {
    const all = [...(await asked()).values()].flat();
    expect(all).not.toContain('Can I return unworn?');
    expect(all).not.toContain('Can I also track my order?');
    expect(all).toContain('Can I track my order?');
  });

  it("a size guide's sections ask for their size chart, its rows name the measures without units, acronyms kept", async () => {
    const all = await asked();
    expect(all.get("Women's clothing")?.[0]).toBe("What is the size chart for women's clothing?");
    expect(all.get('Shoes')?.[0]).toBe('What is the size chart for shoes?');
    expect(all.get("Women's clothing")).toContain('What is the EU size, US size, bust, waist and hips for UK size 12?');
    expect(all.get("Men's clothing")).toContain('What is the chest, waist and collar for size XL?');
    expect(all.get('Bedding sizes')).toContain('What is the mattress for King?');
    for (const q of [...all.values()].flat()) expect(q, q).not.toMatch(/\((?:cm|in)\)|What is the (?:women's|men's) clothing\?|What are the shoes\?/u);
  });

  it('a table column that is a clause (Refund appears in your account) asks how long, not "What is the refund appears …"', async () => {
    const q = (await asked()).get('3. Refunds') ?? [];
    expect(q).toEqual(expect.arrayContaining(['How long does a refund take for PayPal?', 'How long does a refund take for debit or credit card?', 'How long does a refund take for gift card?']));
    expect(q.join('\n')).not.toMatch(/refund appears in/iu);
  });

  it('a price cell "free on orders over £50" asks how much to spend for free delivery, before the rows\' prices', async () => {
    const q = (await asked()).get('UK delivery options') ?? [];
    expect(q).toEqual(expect.arrayContaining(['How much do I need to spend for free delivery?', 'When is standard delivery free?', 'How much is Standard Delivery?']));
    expect(q.indexOf('How much do I need to spend for free delivery?')).toBeLessThan(q.indexOf('How much is Standard Delivery?'));
  });

  it('a process and whose it is asks how it works: How do returns from outside the UK work? (was What are the returns from outside the UK?)', async () => {
    const q = (await asked()).get('5. Returns from outside the UK') ?? [];
    expect(q[0]).toBe('How do returns from outside the UK work?');
    expect(q).not.toContain('What are the returns from outside the UK?');
  });
});
