import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { enRestated, enStatedRule, participleVerb } from './en-heading.js';
import { generateEntries, generateQuestions } from './index.js';

// An invented UK home-heating shop (fixtures/generate-english-rules, README there): headings that state a rule
// without its verb or article, a recall notice's sub-headings, and an FAQ row that asks a section's question.
const DIR = join(import.meta.dirname, '../../fixtures/generate-english-rules');
const SOURCES = ['payments-and-returns.md', 'heater-recall.html', 'faq.csv'].map((f) => join(DIR, f));
const NO_NAMES: ReadonlySet<string> = new Set();
const asked = (heading: string) => generateQuestions({ headingPath: ['Help', heading], text: 'One or two sentences of the shop’s rule about it.' }).map((g) => g.question);

async function entries() {
  const { documents } = await ingestPaths(SOURCES);
  return generateEntries(documents, { similar: 0 }).entries;
}
const byHeading = (all: Awaited<ReturnType<typeof entries>>, heading: string) => all.find((e) => e.source?.headingPath.at(-1) === heading);

describe('English headings that state a rule, as customers ask them', () => {
  it('a rule without its verb asks whether it holds (was What is the warranty void if opened?)', () => {
    expect(asked('Warranty void if opened')).toEqual(['Is the warranty void if I open it?', 'Is the warranty void if opened?']);
    expect(asked('Warranty void if opened or modified')[0]).toBe('Is the warranty void if I open or modify it?');
    expect(asked('Gift wrap available')[0]).toBe('Is gift wrap available?');
    expect(asked('Exchange available for sale items')[0]).toBe('Is an exchange available for sale items?');
    expect(asked('Returns free for members')[0]).toBe('Are returns free for members?');
    // (not a rule: a heading that opens with the state word, or says "is" itself)
    expect(enStatedRule('Free shipping', NO_NAMES)).toBeUndefined();
    expect(enStatedRule('Not available', NO_NAMES)).toBeUndefined();
    expect(enStatedRule('What is included', NO_NAMES)).toBeUndefined();
    expect(asked('Klarna is available')[0]).toBe('Is klarna available?');
  });

  it('a singular count noun gets its article (was Is refund issued for used items?); plural and mass nouns stay as they are', () => {
    expect(asked('Refund not issued for used items')[0]).toBe('Is a refund issued for used items?');
    expect(asked('Customs duties not included')[0]).toBe('Are customs duties included?');
    expect(asked('Sale items not returnable')[0]).toBe('Are sale items returnable?');
  });

  it('a deadline a customer may miss asks what follows (was What is the items not returned within 30 days?)', () => {
    expect(asked('Items not returned within 30 days')[0]).toBe("What happens if I don't return items within 30 days?");
    expect(asked('Parcel not collected within 14 days')[0]).toBe("What happens if I don't collect the parcel within 14 days?");
  });

  it("a participle's verb, or none where its ending does not tell", () => {
    const verbs = ['opened', 'used', 'returned', 'shipped', 'cancelled', 'modified', 'paid', 'damaged', 'received', 'activated', 'installed', 'exchanged', 'stored', 'assembled'].map(participleVerb);
    expect(verbs).toEqual(['open', 'use', 'return', 'ship', 'cancel', 'modify', 'pay', 'damage', 'receive', 'activate', 'install', 'exchange', 'store', 'assemble']);
    expect(participleVerb('edited')).toBeUndefined();
    expect(participleVerb('opening')).toBeUndefined();
  });

  it('asks a question again another way for a section whose only question an FAQ row asks', () => {
    expect(enRestated('How do I make a warranty claim?')).toBe('What do I need to know to make a warranty claim?');
    expect(enRestated('What is the hazard?')).toBe('What do I need to know about the hazard?');
    expect(enRestated('How does international shipping work?')).toBe('What do I need to know about international shipping?');
    expect(enRestated('Can I pay in instalments?')).toBeUndefined();
  });
});

describe("a heating shop's documents", () => {
  it('keeps a brand another text writes mid-sentence (Is Klarna available at checkout?, was Is klarna …)', async () => {
    const all = await entries();
    expect(byHeading(all, 'Klarna available at checkout')?.question).toBe('Is Klarna available at checkout?');
    expect(byHeading(all, 'Warranty void if opened')?.question).toBe('Is the warranty void if I open it?');
    expect(byHeading(all, 'Refund not issued for used items')?.question).toBe('Is a refund issued for used items?');
  });

  it("asks a recall notice's bare sub-headings of its title (was What is the hazard?, What should I do?)", async () => {
    const all = await entries();
    const hazard = byHeading(all, 'Hazard');
    expect(hazard?.question).toBe('Recall of GlowHeat 2000 Oil-Filled Radiators: what is the hazard?');
    expect(hazard?.similar).toContain('What is the hazard?');
    // a request after the label asks no question mark (was …: explain the hazard?)
    const withSimilar = (await ingestPaths(SOURCES)).documents;
    const similar = generateEntries(withSimilar).entries.find((e) => e.source?.headingPath.at(-1) === 'Hazard')?.similar ?? [];
    expect(similar).toContain('Recall of GlowHeat 2000 Oil-Filled Radiators: explain the hazard');
    expect(similar.filter((q) => /: (?:explain|tell me)\b.*\?$/u.test(q))).toEqual([]);
    expect(byHeading(all, 'What you should do')?.question).toBe('Recall of GlowHeat 2000 Oil-Filled Radiators: what should I do?');
    // a sub-heading that says what it is about keeps its own question
    expect(byHeading(all, 'Which radiators are affected')?.question).toBe('Which radiators are affected?');
    // how to reach the shop is the whole shop's question, not the notice's
    expect(byHeading(all, 'Contact')?.question).toBe('How do I contact you?');
    // a section under its document's own heading is asked as before
    expect(byHeading(all, 'Items not returned within 30 days')?.question).toBe("What happens if I don't return items within 30 days?");
  });

  it('a section whose only question an FAQ row asks asks it another way, not by its heading path', async () => {
    const all = await entries();
    const section = byHeading(all, 'How to make a warranty claim');
    expect(section?.question).toBe('What do I need to know to make a warranty claim?');
    expect(section?.rule).not.toBe('heading-path');
    expect(all.filter((e) => e.question === 'How do I make a warranty claim?').map((e) => e.origin)).toEqual(['faq']);
  });
});
