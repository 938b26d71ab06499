import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import type { Entry } from '../store/entry.js';
import { symptomClause } from './extract.js';
import { generateEntries, keywordForm, questionKey, similarQuestions } from './index.js';
import { caseFolded, gerundVerb } from './en-phrasing.js';

// An English consumer-electronics brand (a user test of 2026-11-26, written again for a speaker):
// a Markdown manual with a troubleshooting and a specification table, a warranty with a
// product → period table, a plain-text delivery page with headings in capitals and an HTML returns FAQ.
const SOURCES = join(import.meta.dirname, '../../fixtures/generate-english-electronics');

async function entries(): Promise<Entry[]> {
  const run = await ingestPaths([SOURCES]);
  return generateEntries(run.documents, { similar: 5 }).entries;
}

const under = (all: Entry[], heading: string): Entry => {
  const found = all.find((e) => e.origin === 'generated' && e.source?.headingPath.at(-1) === heading);
  if (found === undefined) throw new Error(`no generated entry for ${heading}`);
  return found;
};
/** An entry's questions, without the heading path kept as a similar question. */
const asked = (e: Entry): string[] => [e.question, ...e.similar].filter((q) => !q.includes(' / '));

describe('an English electronics brand\'s questions', () => {
  it('asks what a customer asks about headings that name no thing: In the box, Contact, Pairing, Troubleshooting', async () => {
    const all = await entries();
    expect(under(all, 'In the box').question).toBe('What is in the box?');
    expect(keywordForm('What comes with my speaker?', 'en')).toBe('speaker');
    expect(under(all, 'Contact').question).toBe('How do I contact you?');
    expect(asked(under(all, 'Pairing')).slice(0, 2)).toEqual(['How do I pair my speaker?', 'How does pairing work?']);
    expect(asked(under(all, 'Charging')).slice(0, 2)).toEqual(['How do I charge my speaker?', 'How does charging work?']);
    expect(under(all, 'Troubleshooting').question).toBe('What should I do if my speaker is not working?');
    expect(under(all, 'Care and cleaning').question).toBe('How do I clean my speaker?');
    // an activity with its object is a task; the shop's "us" is "you" when the customer asks
    expect(under(all, 'Resetting the speaker').question).toBe('How do I reset the speaker?');
    expect(asked(under(all, 'Sending your device to us'))).toEqual(expect.arrayContaining(['How do I send my device to you?']));
    // its time is the repair's (Repairs take 7 to 10 business days), not sending's
    expect(asked(under(all, 'Sending your device to us'))).not.toContain('How long does it take to send my device to you?');
    for (const q of all.flatMap(asked)) expect(q, q).not.toMatch(/^(?:What is|Explain|Information on) the (?:in the box|contact|pairing|charging|troubleshooting)\??$|^How does \S+ing .* work\?|\bto us\b/iu);
  });

  it('asks about headings in capitals in a sentence\'s case, acronyms kept, in similar questions too', async () => {
    const all = await entries();
    expect(under(all, 'DISPATCH TIME').question).toBe('How long does dispatch take?');
    expect(under(all, 'PO BOXES').question).toBe('Do you deliver to PO boxes?');
    expect(asked(under(all, 'LOST OR DELAYED PARCELS'))).toEqual(expect.arrayContaining(['What can I do about lost or delayed parcels?', 'What can I do about missing or delayed parcels?']));
    const delivery = all.filter((e) => e.source?.path.endsWith('delivery.txt')).flatMap(asked);
    expect(delivery.length).toBeGreaterThan(20);
    for (const q of delivery) expect(q, q).not.toMatch(/\b(?!PO\b)\p{Lu}{2,}\b/u);
    // a word the text writes in capitals stays so; a name keeps its capital; a word with a digit as written
    expect(caseFolded('DELIVERY TO THE UK AND EU', 'We deliver to the UK, and to the EU from our Paris store.')).toBe('Delivery to the UK and EU');
    expect(caseFolded('CONTACT BEACON', 'Write to Beacon at help@beacon-audio.com.')).toBe('Contact Beacon');
    expect(caseFolded('IPX7 RATING', 'It is rated for rain.')).toBe('IPX7 rating');
    expect(caseFolded('Battery life', 'BATTERY LIFE')).toBe('Battery life');
  });

  it('asks how long delivery takes and how much it costs, from times and prices in pounds and euros', async () => {
    const shipping = asked(under(await entries(), 'SHIPPING TIMES AND COSTS'));
    expect(shipping).toEqual(expect.arrayContaining(['How long does shipping take?', 'How much does shipping cost?', 'How much do I need to spend for free shipping?']));
  });

  it('reads a symptom as a clause with a subject, without its label', async () => {
    const symptoms = (await entries()).filter((e) => e.origin === 'extracted' && e.source?.headingPath.at(-1) === 'Troubleshooting').map((e) => e.question);
    expect(symptoms).toEqual([
      'What should I do if the speaker won\'t charge?',
      'What should I do if I cannot connect to my laptop?',
      'What should I do if the sound distorts at high volume?',
      'What should I do if the firmware update fails?',
    ]);
    expect(symptomClause('Earbuds won\'t charge')).toBe('my earbuds won\'t charge');
    expect(symptomClause('Won\'t turn on')).toBe('it won\'t turn on');
    expect(symptomClause('One earbud has no sound')).toBe('one earbud has no sound');
    expect(symptomClause('LED blinks red')).toBe('the LED blinks red');
    expect(symptomClause('BeaconLink app crashes')).toBe('BeaconLink app crashes');
  });

  it('swaps no fee for "charge" the verb, puts a phrasal verb around its pronoun, and keeps can’t whole', async () => {
    const similar = (await entries()).flatMap((e) => e.similar);
    expect(similar).toEqual(expect.arrayContaining(['I bought it from a shop – can I send it back to you?', 'products can\'t returned']));
    for (const q of similar) expect(q, q).not.toMatch(/\b(?:won't|to|can't) (?:fee|cost|price)\b|send back (?:it|them)\b|replace for\b|(?<!['’])\bt\b/u);
    const charge = similarQuestions('What should I do if my earbuds won\'t charge?', { n: 20 });
    expect(charge.some((q) => /fee|cost|price/u.test(q))).toBe(false);
    expect(similarQuestions('Is there a charge for returns?', { n: 20 }).some((q) => /\bfee\b/u.test(q))).toBe(true);
  });

  it('asks how long about every row of a product → period table, by a name the column borrows, and none of an n/a cell', async () => {
    const table = asked(under(await entries(), 'Warranty periods'));
    for (const product of ['Beacon S2 speaker', 'Beacon Buds 3 earbuds', 'Beacon Dock 100W charging station', 'charging cables', 'refurbished products']) expect(table).toContain(`How long is the warranty period for ${product}?`);
    expect(table).toContain('How long is the battery warranty period for Beacon S2 speaker?');
    for (const q of table) expect(q, q).not.toMatch(/the battery for|gift cards|Charging cables/u);
  });

  it('gives no two entries one question: a manual section yields its question to the specification row', async () => {
    const all = await entries();
    const keys = all.map((e) => questionKey(e.question));
    expect(new Set(keys).size).toBe(keys.length);
    const row = all.find((e) => e.origin === 'extracted' && e.question === 'What is the battery life?');
    expect(row?.answer).toBe('Battery life: 14 h');
    const section = under(all, 'Battery life');
    expect(asked(section).map(questionKey)).not.toContain(questionKey('What is the battery life?'));
  });

  it('finds the verb of an -ing word by English spelling', () => {
    const verbs = ['pairing', 'charging', 'resetting', 'processing', 'installing', 'cancelling', 'storing', 'closing', 'troubleshooting', 'updating', 'sending', 'handling', 'leaving', 'placing', 'controlling', 'making', 'shipping', 'using'].map(gerundVerb);
    expect(verbs).toEqual(['pair', 'charge', 'reset', 'process', 'install', 'cancel', 'store', 'close', 'troubleshoot', 'update', 'send', 'handle', 'leave', 'place', 'control', 'make', 'ship', 'use']);
    expect(gerundVerb('warranty')).toBeUndefined();
  });
});
