import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromEntries } from '../build/index.js';
import { ingestPaths } from '../ingest/index.js';
import { indexFromBytes } from '../runtime/index.js';
import { generateEntries, generateQuestions, similarQuestions } from './index.js';

// An English shop's sources (a trial of 2026-11-26): a Markdown returns policy, an HTML shipping
// page with an FAQ accordion, plain-text terms of sale with numbered clauses and "Section 4 —"
// labels, an FAQ CSV (fixtures/generate-english/) and a Word warranty (scripts/fixtures/make-docx.mjs).
const SOURCES = [join(import.meta.dirname, '../../fixtures/generate-english'), join(import.meta.dirname, '../../fixtures/generated/warranty-en.docx')];

async function shopEntries(similar = 5) {
  const run = await ingestPaths(SOURCES);
  return generateEntries(run.documents, { similar }).entries;
}

const questionsOf = (heading: string[], text: string) => generateQuestions({ headingPath: heading, text }).map((g) => g.question);

describe('an English shop\'s knowledge base', () => {
  it('asks what customers ask about its policy pages, in English, each with the rule that wrote it', async () => {
    const entries = await shopEntries();
    const questions = entries.map((e) => e.question);
    const all = entries.flatMap((e) => [e.question, ...e.similar]);
    expect(questions).toEqual(
      expect.arrayContaining([
        'What is your returns and refunds policy?',
        'How do I start a return?',
        'How do refunds work?',
        'What does the warranty cover?',
        'How do I make a warranty claim?',
        'What is my right to cancel?',
        'What do I need to know about shipping and delivery?',
        'What do I need to know about orders and prices?',
      ]),
    );
    expect(all).toEqual(expect.arrayContaining(['How long do I have to return items?', 'Who pays for return shipping?', 'Can I cancel an order free of charge?', 'Can I cancel my contract?']));
    for (const e of entries.filter((e) => e.origin !== 'faq')) {
      expect(e.rule, e.question).toBeDefined();
      // (the heading path, kept as a similar question, names the section as the document does)
      for (const q of [e.question, ...e.similar].filter((q) => !q.includes(' / '))) expect(q, q).not.toMatch(/\p{Script=Han}|\bSection \d|—\s*\p{L}+\?$|\bthe (?:Shipping|Returns) &|^What are the refunds\?/u);
    }
  });

  it('writes no broken word swaps among the similar questions', async () => {
    const similar = (await shopEntries()).flatMap((e) => e.similar);
    expect(similar.length).toBeGreaterThan(60);
    for (const s of similar) expect(s, s).not.toMatch(/send back (?:window|shipping)|cancellation (?:my|the|an?)\b|postage address|full money back|withdraw (?:the|my) order|must I return/u);
  });

  it('finds the entry for customers\' own words: wrong item, liable, my money', async () => {
    const entries = await shopEntries();
    const built = await buildFromEntries(entries, {});
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const kb = indexFromBytes(built.value.bytes);
    const top = (q: string) => kb.search(q, { k: 1 })[0]?.source?.headingPath.at(-1);
    expect(top('you sent me the wrong item')).toBe('Damaged, faulty or incorrect items');
    expect(top('are you liable for damage')).toBe('Section 4 — Liability');
    expect(top('whats the return period')).toBe('Return window');
    expect(top('Who pays for return shipping?')).toBe('Return shipping costs');
    expect(top('How long do I have to return an item?')).toBe('Return window');
  });
});

describe('English headings written as phrases', () => {
  it('asks a how-to, a what-to and an embedded question as a question', () => {
    expect(questionsOf(['How to make a warranty claim'], 'Email us with photos.')[0]).toBe('How do I make a warranty claim?');
    expect(questionsOf(['What to do if your parcel is late'], 'Check the tracking link.')[0]).toBe('What should I do if my parcel is late?');
    expect(questionsOf(['What the warranty covers'], 'Defects in materials.')[0]).toBe('What does the warranty cover?');
    expect(questionsOf(['What our policy includes'], 'Free returns.')[0]).toBe('What does your policy include?');
    expect(questionsOf(['Where your order is'], 'Track it in My Orders.')[0]).toBe('Where is my order?');
    expect(questionsOf(['What we do with your data'], 'We never sell it.')[0]).toBe('What do you do with my data?');
    expect(questionsOf(['When you will receive your refund'], 'Within 10 days.')[0]).toBe('When will I receive my refund?');
    // (a US retailer's trial: When you are charged asked What do I need to know when I am charged?)
    expect(questionsOf(['When you are charged'], 'Your card is charged when the order ships.')[0]).toBe('When am I charged?');
    expect(questionsOf(["When you'll get your refund"], 'Within 10 days.')[0]).toBe('When will I get my refund?');
    expect(questionsOf(["What we're doing about delays"], 'We are hiring drivers.')[0]).toBe('What are you doing about delays?');
    // (review) when you are in a state is a condition, not a time asked for: not When am I away?
    expect(questionsOf(['When you are away'], 'A neighbour can sign for it.')[0]).not.toBe('When am I away?');
    expect(questionsOf(["When you're not home"], 'We leave a card.')[0]).not.toBe('When am I not home?');
    expect(questionsOf(['When you are billed'], 'On the first of the month.')[0]).toBe('When am I billed?');
    // a real question stays as it is
    expect(questionsOf(['What is not covered'], 'Wear and tear.')[0]).toBe('What is not covered?');
  });

  it('reads a section label, a policy, a process named alone and two topics for what they are', () => {
    expect(questionsOf(['Terms of Sale', 'Section 4 — Liability'], 'We are not liable for business losses.')[0]).toBe('What is the liability?');
    expect(questionsOf(['Terms', 'Clause 5: Your right to cancel'], 'You have the right to cancel your contract within 14 days.')).toEqual(
      expect.arrayContaining(['What is my right to cancel?', 'Can I cancel my contract?']),
    );
    expect(questionsOf(['Returns & Refunds Policy'], 'We want you to love it.')[0]).toBe('What is your returns and refunds policy?');
    expect(questionsOf(['Terms of Sale'], 'These terms apply to every order.')[0]).toBe('What are your terms of sale?');
    expect(questionsOf(['Refunds'], 'Refunds are issued within 5 business days.').slice(0, 2)).toEqual(['How do refunds work?', 'What do I need to know about refunds?']);
    expect(questionsOf(['Payment'], 'We accept Visa.')[0]).toBe('How does payment work?');
    expect(questionsOf(['Shipping & Delivery'], 'We deliver to the UK.')[0]).toBe('What do I need to know about shipping and delivery?');
    // a customer's task in -ing is asked how to do; another activity as before
    expect(questionsOf(['Cancelling an order'], 'Orders can be cancelled until dispatch.')[0]).toBe('How do I cancel an order?');
    expect(questionsOf(['Care Guide', 'Caring for wood'], 'Dust with a dry cloth.')[0]).toBe('How do I care for wood?');
    expect(questionsOf(['Accepting Financial Aid'], 'Read the offer first.')[0]).toBe('What do I need to know about accepting financial aid?');
    expect(questionsOf(['Return shipping costs'], 'A return shipping fee of £4.95 is deducted.')).toContain('Who pays for return shipping?');
  });

  it('asks how long a customer has for an after-sales step, and what "you can … until" allows', () => {
    expect(questionsOf(['Return window'], 'You have 30 days from the date of delivery to return most items.')).toContain('How long do I have to return items?');
    expect(questionsOf(['Cancelling an order'], 'You can cancel an order free of charge until it has been dispatched.')).toContain('Can I cancel an order free of charge?');
    // only an after-sales step: "You have 1 year to register your vehicle" is no shop's window (measured on doc2dial, see docs/history/generate.md)
    expect(questionsOf(['Registration'], 'You have 30 days to register your vehicle.')).not.toContain('How long do I have to register my vehicle?');
  });
});

describe('English similar questions', () => {
  const all = (q: string) => similarQuestions(q, { n: 20 });

  it('swaps a word only for one of the same part of speech', () => {
    expect(all('What is the return window?').filter((v) => /send back/u.test(v))).toEqual([]);
    expect(all('Can I return the goods?')).toContain('Can I send back the goods?');
    expect(all('Can I cancel my order?').filter((v) => /cancellation/u.test(v))).toEqual([]);
    expect(all('What is the cancellation fee?').filter((v) => /\bcancel\b/u.test(v))).toEqual([]);
    // an adjective is no verb: not Can I eligible sooner? (doc2dial)
    expect(all('Can I qualify sooner by making higher payments?').filter((v) => /\bI eligible\b|\bI qualified\b/u.test(v))).toEqual([]);
    expect(all('Am I eligible for a refund?').filter((v) => /\bI qualify\b/u.test(v))).toEqual([]);
    // charge as a verb is no fee: not Do you fee customs duties?
    expect(all('Do you charge customs duties?').filter((v) => /\byou (?:fee|cost|price)\b/u.test(v))).toEqual([]);
    expect(all('Is there a return charge?')).toContain('Is there a return fee?');
    expect(all('When will my order ship?')).toContain('How soon will my order ship?');
  });

  it('asks how to become what a text says one must be, never How do I be …?, and no noun for an adjective', () => {
    const asked = (path: string[], text: string) => generateQuestions({ headingPath: path, text }).map((g) => g.question);
    expect(asked(['Disability'], 'To be eligible for disability benefits, you must have worked long enough.')).toContain('How do I become eligible for disability benefits?');
    expect(asked(['Schools'], 'To be considered a low-income school, a school must be listed.')).toContain('How do I qualify as a low-income school?');
    expect(all('How do I become eligible for disability benefits?').filter((v) => /\beligibility\b/u.test(v))).toEqual([]);
    // a heading that says when something applies is no question (was When You Apply?)
    expect(asked(['Benefits', 'When You Apply'], 'Bring your documents with you.')).toEqual(['What do I need to know when I apply?']);
    expect(asked(['Benefits', 'When do I apply'], 'Apply three months before.')[0]).toBe('When do I apply?');
  });

  it('asks about what follows a label that names nothing (Note:, Step 1:, Option A:), not about the label', () => {
    const asked = (heading: string) => generateQuestions({ headingPath: ['Returns Policy', heading], text: 'Some text here.' }).map((g) => g.question);
    for (const heading of ['Note: Final sale items cannot be returned', 'Step 1: Pack your item', 'Option A: Store credit']) expect(asked(heading).filter((q) => /\bthe (?:note|step 1|option a)\b/iu.test(q))).toEqual([]);
    expect(asked('Option A: Store credit')[0]).toBe('What is the store credit?');
  });

  it('fits a or an to the word put in, never puts a verb after an article, and swaps no word of a name such as store credit', () => {
    expect(all('Is an exchange free?')).toEqual(expect.arrayContaining(['Is a swap free?', 'Is a replacement free?']));
    expect(all('How do I request an exchange?').filter((v) => /\ban (?![aeiou])|\ba (?=[aeio])/iu.test(v))).toEqual([]);
    expect(all('Is an exchange free?').filter((v) => /\ban? replace\b/iu.test(v))).toEqual([]);
    expect(all('Can I get a refund or store credit?').filter((v) => !/store credit/u.test(v))).toEqual([]);
    expect(all('Do you accept gift cards?').filter((v) => /present|donation/iu.test(v))).toEqual([]);
    expect(all('What are price adjustments?').filter((v) => /fee adjustments|cost adjustments/iu.test(v))).toEqual([]);
  });

  it('puts postage only for a cost, money back only for what one gets back, and keeps a title\'s capital', () => {
    expect(all('Can I change my delivery address?').filter((v) => /postage|freight/u.test(v))).toEqual([]);
    expect(all('Who pays for delivery?')).toContain('Who pays for postage?');
    expect(all('When will I get my refund?')).toContain('When will I get my money back?');
    expect(all('Can I cancel the order for a full refund?').filter((v) => /money back/u.test(v))).toEqual([]);
    // a capital after a capital is a name's: GI Bill is no GI invoice, the Product Warranty keeps its name
    expect(all('How do I change my GI Bill school?').filter((v) => /invoice|receipt/iu.test(v))).toEqual([]);
    expect(all('What is the Northwind Product Warranty?').filter((v) => /guarantee/iu.test(v))).toEqual([]);
    expect(all('Refund of my order?')).toContain('Reimbursement of my order?');
    expect(all('How long do I have to return items?').filter((v) => /must I/u.test(v))).toEqual([]);
    expect(all('Do I have to return the goods?')).toContain('Must I return the goods?');
  });

});
