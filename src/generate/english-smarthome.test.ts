import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { enFailing } from './en-heading.js';
import { generateEntries, generateQuestions, similarQuestions } from './index.js';

// A US/Canadian smart-home seller's help centre (user trial, 2026-11-27): headings that state a
// device's failure (Smart plug won't connect to Wi-Fi, E-gift card not received), imperatives of a
// device (Reset a robot vacuum, Share devices with family) and a compatibility heading (Works with
// Alexa and Google Home) were asked "What is the smart plug won't connect to Wi-Fi?", "What is the
// reset a robot vacuum?", "What are the share devices with family?", "What are the Works with …?".
const SOURCES = [join(import.meta.dirname, '../../fixtures/generate-english-smarthome')];
const NO_NAMES: ReadonlySet<string> = new Set();
const first = (heading: string) => generateQuestions({ headingPath: ['Help Center', heading], text: 'What to do, in a sentence or two. Contact us if it persists.' })[0]?.question;

describe("a smart-home seller's help centre", () => {
  it('asks what to do when a heading states how a thing fails', () => {
    expect(first("Smart plug won't connect to Wi-Fi")).toBe("What should I do if my smart plug won't connect to Wi-Fi?");
    expect(first('Robot vacuum won’t charge or dock')).toBe('What should I do if my robot vacuum won\'t charge or dock?');
    expect(first('E-gift card not received')).toBe('What should I do if my e-gift card was not received?');
    expect(first('Earbuds not charging')).toBe('What should I do if my earbuds are not charging?');
    expect(first('Payment declined')).toBe('What should I do if my payment was declined?');
    expect(first('Package marked delivered but not received')).toBe('What should I do if my package is marked delivered but not received?');
    expect(first('Damaged or wrong item received')).toBe('What should I do if I received a damaged or wrong item?');
    expect(first("Gift cards can't be used for other gift cards")).toBe('Can gift cards be used for other gift cards?');
  });

  it('leaves rules and other headings that only look like failures to their own questions', () => {
    expect(enFailing("Items that can't be returned", NO_NAMES)).toBeUndefined();
    expect(enFailing('Sale items not returnable', NO_NAMES)).toBeUndefined();
    expect(enFailing('Why I can’t sign in', NO_NAMES)).toBeUndefined();
    expect(enFailing('Refund timing', NO_NAMES)).toBeUndefined();
    expect(first("Items that can't be returned")).toBe("Which items can't be returned?");
  });

  it("asks how to do a device's task and whether it works with an assistant", () => {
    expect(first('Reset a robot vacuum')).toBe('How do I reset a robot vacuum?');
    expect(first('Factory reset a smart plug')).toBe('How do I factory reset a smart plug?');
    expect(first('Share devices with family')).toBe('How do I share devices with family?');
    expect(first('Change or add items to an order')).toBe('How do I change or add items to an order?');
    expect(first('Pair your earbuds')).toBe('How do I pair my earbuds?');
    expect(first('Works with Alexa and Google Home')).toBe('Does it work with Alexa and Google Home?');
    // a manual for earbuds asks about them (its product, the last word of the heading over the section)
    const manual = generateQuestions({ headingPath: ['AirLite True Wireless Earbuds', 'Works with Alexa'], text: 'Your earbuds work with Alexa on iPhone and Android.' });
    expect(manual[0]?.question).toBe('Do my earbuds work with Alexa?');
    // a thing named by a verb's word stays a thing without its determiner
    expect(first('Reset button')).not.toMatch(/^How do I/u);
  });

  it('asks about what follows a thing\'s name and a colon, not what the thing is', () => {
    expect(first('Robot vacuum: first-time setup')).toBe('Robot vacuum: what do I need to know about first-time setup?');
    expect(first('Home app: login and account problems')).toBe('Home app: what do I need to know about login and account problems?');
    // a topic in capitals after the label (a planner's page) and a question after it keep their questions
    expect(first('Benefits Planner: Disability')).toBe('What is the Benefits Planner?');
    expect(first('Fit notes: which styles run small or large')).toBe('Which styles run small or large?');
  });

  it('asks where the parcel is of a tracking heading, as customers ask it', () => {
    const all = (heading: string) => generateQuestions({ headingPath: ['Shipping', heading], text: 'We email a tracking number when your order ships.' }).map((g) => g.question);
    expect(all('Tracking your order').slice(0, 2)).toEqual(['How do I track my order?', 'Where is my order?']);
    expect(all('Track your package')).toContain('Where is my package?');
    // (a US retailer's trial: "wheres my package" of Tracking your order) the other word too
    expect(all('Tracking your order')).toContain('Where is my package?');
    expect(all('Track your package')).toContain('Where is my order?');
    expect(all('Track a return').filter((q) => q.startsWith('Where'))).toEqual([]);
  });

  it('swaps no word of a fixed term in similar questions: factory reset, price matching', () => {
    const similar = (q: string) => similarQuestions(q, { n: 20 });
    expect(similar('How do I factory reset a smart plug?').join(' | ')).not.toMatch(/factory (?:restart|reboot)/u);
    expect(similar('What is the price matching?').join(' | ')).not.toMatch(/(?:fee|cost|charge) matching/u);
    expect(similar('How do I reset my router?').join(' | ')).toMatch(/restart|reboot/u);
    // work as a verb is no job (Does it job with Alexa?)
    expect(similar('Does it work with Alexa and Google Home?').join(' | ')).not.toMatch(/\b(?:job|employment)\b/u);
  });

  it('reads a note in brackets at the end as no part of the head noun', () => {
    expect(first('Shipping options and costs (US)')).toBe('What are the shipping options and costs (US)?');
    expect(first('Price adjustment (price protection)')).toBe('What is the price adjustment (price protection)?');
  });

  it('writes no "What is the …" question of a failure, a task or a compatibility heading', async () => {
    const run = await ingestPaths(SOURCES);
    const entries = generateEntries(run.documents, {}).entries;
    const questions = entries.map((e) => e.question);
    expect(questions).toEqual(
      expect.arrayContaining([
        'How do I set up a smart plug?',
        "What should I do if my smart plug won't connect to Wi-Fi?",
        'How do I factory reset a smart plug?',
        "What should I do if my robot vacuum won't charge or dock?",
        'How do I reset a robot vacuum?',
        'How do I share devices with family?',
        'Does it work with Alexa and Google Home?',
        'How do I change or add items to an order?',
        'What should I do if my e-gift card was not received?',
        'What should I do if my order confirmation email was not received?',
        'What should I do if my payment was declined?',
      ]),
    );
    for (const q of questions) expect(q, q).not.toMatch(/^What (?:is|are) the (?:smart plug|robot vacuum|reset|factory|share|change|works|e-gift|order confirmation)/iu);
  });
});
