import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { LexicalGate, vagueEnglish } from './gate.js';
import { enHeading, ofParentTopic } from './en-heading.js';
import { generateEntries } from './index.js';
import { keywordForm } from './similar.js';

// An invented US clothing shop (fixtures/generate-english-apparel, README there): what an apparel
// shop's trial (2026-11-27) found its generated English questions asked that no shopper types.
const SOURCE = join(import.meta.dirname, '../../fixtures/generate-english-apparel/help.md');

async function asked(similar = 0): Promise<Map<string, string[]>> {
  const run = await ingestPaths([SOURCE]);
  const out = new Map<string, string[]>();
  for (const e of generateEntries(run.documents, { similar }).entries) {
    const heading = e.source?.headingPath.at(-1);
    if (heading !== undefined) out.set(heading, [e.question, ...e.similar.filter((q) => !q.includes(' / '))]);
  }
  return out;
}

describe('English questions that tell entries apart', () => {
  it('a verb alone or with a pronoun is no task: no Can I cancel? (cut at within) nor Can I return it? on the cancel section', async () => {
    const all = [...(await asked(5)).values()].flat();
    expect(all).not.toContain('Can I cancel?');
    expect(all).not.toContain('Can I return it?');
    expect((await asked()).get('Cancelling an order')?.[0]).toBe('How do I cancel an order?');
  });

  it('a task on any item within a deadline asks how long one has (was Can I return items?, which took can i return swimwear)', async () => {
    const q = (await asked(5)).get('Return window and condition') ?? [];
    expect(q).toContain('How long do I have to return items?');
    expect(q).not.toContain('Can I return items?');
  });

  it('a heading with a colon asks what follows it, and its label is the topic (was What is the fit notes: which styles run small or large?)', async () => {
    const q = (await asked(5)).get('Fit notes: which styles run small or large') ?? [];
    expect(q[0]).toBe('Which styles run small or large?');
    expect(q).toContain('What are the fit notes?');
    expect(q.join('\n')).not.toMatch(/fit notes:/iu);
  });

  it('a colon before a topic keeps it: the label alone names no one section (Gift guide: men, Gift guide: women)', () => {
    expect(enHeading('Gift guide: men', new Set()).join('\n')).toMatch(/men/u);
    expect(enHeading('Gift guide: women', new Set())).not.toEqual(enHeading('Gift guide: men', new Set()));
  });

  it("a parent that names a page or opens with a phrase's word is not put in (Size Guide, About our stores)", () => {
    expect(ofParentTopic(['What are the shoes?'], 'Shoes', ['Size Guide', 'Shoes'])).toEqual(['What are the shoes?']);
    expect(ofParentTopic(['What are the fees?'], 'Fees', ['About our stores', 'Fees'])).toEqual(['What are the fees?']);
    expect(ofParentTopic(['What is the liability?'], 'Liability', ['Terms of sale', 'Liability'])).toEqual(['What is the liability?']);
    // (a pet shop's trial, 2026-11-28: was What are the refills of how our pet pharmacy works?)
    expect(ofParentTopic(['What are the refills?'], 'Refills', ['How our pet pharmacy works', 'Refills'])).toEqual(['What are the refills?']);
    expect(ofParentTopic(['What are the returns?'], 'Returns', ['Where is my order?', 'Returns'])).toEqual(['What are the returns?']);
  });

  it("a one-word sub-heading names its parent's topic: What are the tiers of Fernhill Rewards? (was What are the tiers?)", async () => {
    const q = (await asked(5)).get('Tiers') ?? [];
    expect(q[0]).toBe('What are the tiers of Fernhill Rewards?');
    expect(q).not.toContain('Explain the tiers');
  });

  it('keyword forms keep no question verbs (am, happens, work)', () => {
    expect(keywordForm('What happens if I am between two sizes?', 'en')).toBe('between two sizes');
    expect(keywordForm('When am I charged for a pre-order?', 'en')).toBe('charged pre-order');
    expect(keywordForm('How do returns from outside the US work?', 'en')).toBe('returns outside us');
  });

  it('the gate drops an English question of one word but question words and pronouns; a Chinese one is never vague', () => {
    expect(vagueEnglish('Can I return it?')).toBe(true);
    expect(vagueEnglish('Explain the tiers')).toBe(true);
    expect(vagueEnglish('shrink')).toBe(true);
    expect(vagueEnglish('Can I return swimwear?')).toBe(false);
    expect(vagueEnglish('退货')).toBe(false);
    const gate = new LexicalGate([
      { questions: ['How do I cancel an order?'], context: 'you can return it once it arrives' },
      { questions: ['Can I return swimwear?'], context: 'final sale items cannot be returned' },
    ]);
    expect(gate.passes('Can I return it?', 0)).toBe(false);
    expect(gate.passes('Can I cancel my order?', 0)).toBe(true);
  });
});
