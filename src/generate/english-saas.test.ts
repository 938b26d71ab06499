import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { gerundVerb } from './en-phrasing.js';
import { questionsByHeading } from '../test-support/questions.js';
import { generateEntries, generateQuestions, similarQuestions } from './index.js';
import { tableQuestions } from './tables.js';

// A software subscription's billing help (SaaS support team's trial, 2026-11-27): fixtures/generate-english-saas (README there).
const SOURCE = join(import.meta.dirname, '../../fixtures/generate-english-saas/billing-help.md');

async function documents() {
  return (await ingestPaths([SOURCE])).documents;
}

/** The section's questions (its entry's question, then its similar questions but the heading path) by its last heading. */
async function asked(): Promise<Map<string, string[]>> {
  return questionsByHeading(await documents());
}

describe("a SaaS help centre's headings and tables, as customers ask them", () => {
  it('a choice of two things one gets is asked as a choice: Can I get a refund or store credit? (was What is the refund or store credit?)', async () => {
    const q = (await asked()).get('Refund or store credit') ?? [];
    expect(q[0]).toBe('Can I get a refund or store credit?');
    expect(q.join('\n')).not.toMatch(/What is the refund or/u);
  });

  it('a state the customer is in: What should I do if I’m locked out of 2FA? (was What is the locked out of 2FA?)', async () => {
    const q = (await asked()).get('Locked out of 2FA') ?? [];
    expect(q[0]).toBe("What should I do if I'm locked out of 2FA?");
  });

  it('an account’s -ing tasks are asked how to do them, with the verb spelt right (was How do I delet …, What do I need to know about downloading invoices?)', async () => {
    const all = await asked();
    expect(all.get('Deleting your account')?.[0]).toBe('How do I delete my account?');
    expect(all.get('Downloading invoices')?.[0]).toBe('How do I download invoices?');
    expect(['deleting', 'completing', 'competing', 'budgeting', 'targeting'].map(gerundVerb)).toEqual(['delete', 'complete', 'compete', 'budget', 'target']);
  });

  it('a failed payment is a problem to act on; charge as a verb names no fee (was How much does updating my card cost?)', async () => {
    const all = await asked();
    expect(all.get('Failed payments')?.[0]).toBe('What can I do about failed payments?');
    expect((all.get('Updating your card') ?? []).join('\n')).not.toMatch(/cost/u);
  });

  it("charge as a verb after a contraction or an adverb names no fee either (We'll charge, We don't charge, We never charge, Stripe charges your card)", () => {
    const asked = (text: string) => generateQuestions({ headingPath: ['Billing', 'Updating your card'], text: `Go to Settings, then Billing, and enter the new card. ${text}` }).map((q) => q.question);
    for (const said of ["We'll charge the new card at your next renewal.", 'We’ll charge the new card at your next renewal.', "We don't charge anything until your next renewal.", "We won't charge the old card again.", 'We never charge a card without telling you.', 'Stripe charges your card on the renewal date.']) {
      expect(asked(said).join('\n')).not.toMatch(/cost/u);
    }
    // a charge that is a fee is still asked about
    expect(asked('A £2 charge applies to paper invoices.')).toContain('How much does updating my card cost?');
    expect(asked('There is a small charge for paper invoices.')).toContain('How much does updating my card cost?');
  });

  it('a plans table: the Starter plan by name, each price column its own question, seats counted; Plans at a glance is about the plans', async () => {
    const q = (await asked()).get('Plans at a glance') ?? [];
    expect(q[0]).toBe('What are the plans?');
    expect(q).toContain('How much is the Basic plan?');
    expect(q).toContain('What is the annual price of the Pro plan?');
    expect(q.join('\n')).not.toMatch(/What is the seats included|How much is Basic\?/u);
  });

  it('a decision table: a row that is a choice is asked with its article, an action in a verb what doing it costs, and an adjective column asks nothing (was What is the international for exchange for …?)', async () => {
    const q = (await asked()).get('Hardware returns') ?? [];
    expect(q).toContain('What is the return label for an exchange for another model?');
    expect(q).toContain('How much does it cost to keep the old device?');
    expect(q.join('\n')).not.toMatch(/What is the international|for exchange for|for refund to|How much is keep/u);
  });

  it('the heading-path question names a title once when the first heading is part of it (was Flowdesk Billing Policy / Billing Policy / …)', async () => {
    const docs = (await documents()).map((d) => ({ ...d, title: 'Flowdesk Billing Policy' }));
    const entry = generateEntries(docs, { similar: 0 }).entries.find((e) => e.source?.headingPath.at(-1) === 'Failed payments');
    expect(entry?.similar).toContain('Billing Policy / Failed payments');
    expect(entry?.similar.join('\n')).not.toMatch(/Flowdesk Billing Policy \/ Billing Policy/u);
  });
});

describe('English synonyms only in their group’s sense', () => {
  const similar = (q: string) => similarQuestions(q, { n: 20, language: 'en' });

  it('qualified is eligible only where one is so for something: not a highly qualified teacher, nor a qualified electrician', () => {
    expect(similar('Do I need a highly qualified teacher?').join('\n')).not.toMatch(/eligible/u);
    expect(similar('Is a qualified electrician required?').join('\n')).not.toMatch(/eligible/u);
    expect(similar('Am I qualified for a refund?')).toContain('Am I eligible for a refund?');
  });

  it('annual names a thing, annually says how often: no annually subscription, no bill annual (SaaS review, 2026-11-27)', () => {
    const said = (q: string) => similar(q).join('\n');
    expect(said('What is the annual subscription?')).not.toMatch(/annually subscription/u);
    expect(said('Is there an annual fee?')).not.toMatch(/annually fee/u);
    expect(said('How do I switch to yearly billing?')).not.toMatch(/annually billing/u);
    expect(said('Do you bill annually?')).not.toMatch(/annual\?/u);
    expect(said('Is the plan billed annually or monthly?')).not.toMatch(/annual or/u);
    expect(said('Can I pay yearly instead of monthly?')).not.toMatch(/annual instead/u);
    // what is said in its sense stays
    expect(similar('What is the annual subscription?')).toContain('What is the yearly subscription?');
    expect(similar('Do you bill annually?')).toContain('Do you bill yearly?');
    expect(similar('Can I pay yearly instead of monthly?')).toContain('Can I pay annually instead of monthly?');
  });

  it('a receipt is no verb: Do you bill annually? never asks Do you receipt annually?', () => {
    expect(similar('Do you bill annually?').join('\n')).not.toMatch(/receipt/u);
    expect(similar('Where is my bill?')).toContain('Where is my receipt?');
  });

  it('reset is restart for a device, not for a password or 2FA', () => {
    expect(similar('How do I reset my password?').join('\n')).not.toMatch(/restart|reboot/u);
    expect(similar('How do I reset my router?')).toContain('How do I restart my router?');
  });
});

describe('a field or a practice named by a noun in -tion is asked without "the"', () => {
  it('What is two-factor authentication? (was What is the two-factor authentication?); a count noun keeps it', () => {
    const first = (heading: string) => generateQuestions({ headingPath: ['Help', heading], text: 'Some words about it here.' })[0]?.question;
    expect(first('Two-factor authentication')).toBe('What is two-factor authentication?');
    expect(first('Data protection')).toBe('What is data protection?');
    expect(first('Free trial')).toBe('What is the free trial?');
  });

  it('a count noun in -tion or -sion keeps "the" (What is the delivery option?, was What is delivery option?); fields and practices go without', () => {
    const first = (heading: string) => generateQuestions({ headingPath: ['Help', heading], text: 'Some words about it here.' })[0]?.question;
    for (const heading of ['Delivery option', 'Desktop version', 'Browser extension', 'Enterprise edition', 'Current promotion', 'Pickup location', 'Product description', 'Order confirmation', 'Mobile application']) {
      expect(first(heading)).toMatch(/^What is the /u);
    }
    expect(first('Annual subscription')).not.toBe('What is annual subscription?');
    expect(first('Data encryption')).toBe('What is data encryption?');
    expect(first('Data retention')).toBe('What is data retention?');
    expect(first('Fraud prevention')).toBe('What is fraud prevention?');
  });
});

describe('tables and choices a review found (2026-11-27)', () => {
  it('a Package column of a shipping table names parcels, no plans (was How much is the small parcel package?)', () => {
    const q = tableQuestions([[['Package', 'Weight', 'Price'], ['Small parcel', 'up to 2kg', '£3.95'], ['Large parcel', 'up to 20kg', '£7.95']]], false);
    expect(q).toContain('How much is small parcel?');
    expect(q.join('\n')).not.toMatch(/parcel package/u);
    // a plan's name is still the plan (How much is the Basic plan?)
    expect(tableQuestions([[['Package', 'Price'], ['Basic', '$5'], ['Premium Plus', '$15']]], false)).toEqual(expect.arrayContaining(['How much is the Basic package?', 'How much is the Premium Plus package?']));
  });

  it('a plan table written sideways (Plan | Starter | Team, a row a feature) asks of the plans by name (was What is the starter for the Seats plan?)', () => {
    const q = tableQuestions([[['Plan', 'Starter', 'Team'], ['Price', '$8', '$20'], ['Seats', '3', '10'], ['Storage', '10 GB', '100 GB']]], false);
    expect(q).toEqual(expect.arrayContaining(['How much is the Starter plan?', 'How much is the Team plan?', 'What is the storage for the Team plan?']));
    expect(q.join('\n')).not.toMatch(/Seats plan|Storage plan|Price plan|for the starter|for Seats/u);
  });

  it('a choice of two with a word before each asks each with its article: Can I get a full refund or a partial refund?', () => {
    const first = (heading: string) => generateQuestions({ headingPath: ['Help', heading], text: 'Some words about it here.' })[0]?.question;
    expect(first('Full refund or partial refund')).toBe('Can I get a full refund or a partial refund?');
    expect(first('Refund or store credit')).toBe('Can I get a refund or store credit?');
    expect(first('Repair or replacement')).toBe('Can I get a repair or a replacement?');
  });
});
