import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { enRestated, enStatedRule, participleVerb } from './en-heading.js';
import { generateEntries, generateQuestions } from './index.js';

// An invented UK home-heating shop (fixtures/generate-english-rules, README there): headings that state a rule
// without its verb or article, a recall notice's sub-headings, and an FAQ row that asks a section's question.
const DIR = join(import.meta.dirname, '../../fixtures/generate-english-rules');
const SOURCES = ['payments-and-returns.md', 'heater-recall.html', 'faq.csv'].map((f) => join(DIR, f));
const TITLED = ['delivery-no-title.md', 'refund-timeline.html', 'installation.html'].map((f) => join(DIR, f));
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
    // a name keeps its capital when the KB writes it mid-sentence (a sentence-case heading's first word alone cannot tell a brand)
    expect(generateQuestions({ headingPath: ['Help', 'Klarna is available'], text: 'You can split a purchase into three payments with Klarna.' })[0]?.question).toBe('Is Klarna available?');
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
    // -ered, -rged, -aded and -uired verbs (were delivere, registere, altere, charg, trad, requir)
    const more = ['delivered', 'registered', 'ordered', 'covered', 'answered', 'altered', 'tampered', 'charged', 'traded', 'required', 'exchanged', 'licensed', 'created', 'added', 'acknowledged', 'upgraded', 'included', 'honoured', 'secured', 'stored', 'completed'];
    expect(more.map(participleVerb)).toEqual(['deliver', 'register', 'order', 'cover', 'answer', 'alter', 'tamper', 'charge', 'trade', 'require', 'exchange', 'license', 'create', 'add', 'acknowledge', 'upgrade', 'include', 'honour', 'secure', 'store', 'complete']);
    expect(participleVerb('opening')).toBeUndefined();
  });

  it("a missed deadline makes the customer the actor only of what customers do; the shop's job is asked of the thing", () => {
    // (were What happens if I don't ship the order / accept returns / delivere the parcel / charg card …?)
    expect(asked('Order not shipped within 3 days')[0]).toBe('What happens if the order is not shipped within 3 days?');
    expect(asked('Refund not processed within 14 days')[0]).toBe('What happens if the refund is not processed within 14 days?');
    expect(asked('Order not dispatched within 2 days')[0]).toBe('What happens if the order is not dispatched within 2 days?');
    expect(asked('Card not charged within 7 days')[0]).toBe('What happens if the card is not charged within 7 days?');
    // a rule's qualifier: whether it holds, as before today's rule; a fault: what to do, as before
    expect(asked('Returns not accepted after 30 days')[0]).toBe('Are returns accepted after 30 days?');
    expect(asked('Price not honoured after 7 days')[0]).toBe('Is the price honoured after 7 days?');
    expect(asked('Parcel not delivered on time')[0]).toBe('What should I do if my parcel was not delivered on time?');
    expect(asked('Payment not received by the due date')[0]).toBe('What should I do if my payment was not received by the due date?');
    // what customers do by a deadline
    expect(asked('Warranty not registered within 30 days')[0]).toBe("What happens if I don't register the warranty within 30 days?");
    expect(asked('Claim not submitted within 28 days')[0]).toBe("What happens if I don't submit the claim within 28 days?");
    expect(asked('Bill not paid by the due date')[0]).toBe("What happens if I don't pay the bill by the due date?");
    expect(asked('Collection not booked within 7 days')[0]).toBe("What happens if I don't book the collection within 7 days?");
    // its second question keeps what the heading says of the thing (was What do I need to know about items?)
    expect(asked('Items not returned within 30 days')[1]).toBe('What do I need to know about items not returned within 30 days?');
  });

  it('a list a heading names asks which ones (was Are payment methods available?); a fault asks what to do (was Is the promo code invalid?)', () => {
    const which: Record<string, string> = {
      'Payment methods available': 'Which payment methods are available?',
      'Devices supported': 'Which devices are supported?',
      'Documents required for a refund': 'Which documents are required for a refund?',
      'Information required for a warranty claim': 'What information is required for a warranty claim?',
      'Accessories included in the box': 'Which accessories are included in the box?',
      'Sizes available': 'Which sizes are available?',
      'Countries eligible for free delivery': 'Which countries are eligible for free delivery?',
      'Services offered': 'Which services are offered?',
      'Cards accepted': 'Which cards are accepted?',
      // what the shop does or charges is asked whether
      'Returns accepted within 30 days': 'Are returns accepted within 30 days?',
      'Instalments available': 'Are instalments available?',
      'Promo code invalid': 'What should I do if my promo code is invalid?',
      'Voucher code invalid': 'What should I do if my voucher code is invalid?',
      'Gift card invalid': 'What should I do if my gift card is invalid?',
      'Password invalid': 'What should I do if my password is invalid?',
    };
    expect(Object.fromEntries(Object.keys(which).map((h) => [h, asked(h)[0]]))).toEqual(which);
  });

  it('an un- participle or what befalls an item is what it is, not what the customer does (was if I unopen it, if I damage it)', () => {
    expect(asked('Refund available if unopened')).toEqual(['Is a refund available if it is unopened?', 'Is a refund available if unopened?']);
    expect(asked('Items returnable if unused and unwashed')[0]).toBe('Are items returnable if they are unused and unwashed?');
    expect(asked('Exchange available if damaged')[0]).toBe('Is an exchange available if it is damaged?');
    expect(asked('Warranty void if opened or tampered')[0]).toBe('Is the warranty void if I open or tamper it?');
  });

  it('the second question names the thing with its article and what qualifies it (was What do I need to know about refund?)', () => {
    expect(asked('Refund available within 14 days')[1]).toBe('What do I need to know about a refund within 14 days?');
    expect(asked('Klarna available at checkout')[1]).toBe('What do I need to know about klarna at checkout?');
    expect(asked('Promo code valid for 30 days')[1]).toBe('What do I need to know about the promo code?');
    expect(asked('Gift wrap available')[1]).toBe('What do I need to know about gift wrap?');
  });

  it('a singular count noun gets a or an, the customer\'s own thing the, a mass noun, a service or a plural none (40 help-centre headings)', () => {
    const first: Record<string, string> = {
      'Adapter included': 'Is an adapter included?',
      'Manual included': 'Is a manual included?',
      'Charger not included': 'Is a charger included?',
      'Replacement battery available': 'Is a replacement battery available?',
      'Loan device available during repair': 'Is a loan device available during repair?',
      'Extended warranty available': 'Is an extended warranty available?',
      'Student discount available': 'Is a student discount available?',
      'Paper invoice available': 'Is a paper invoice available?',
      'Wall bracket included': 'Is a wall bracket included?',
      'Carry case included': 'Is a carry case included?',
      'Remote control included': 'Is a remote control included?',
      'Fitting kit included': 'Is a fitting kit included?',
      'Uniform exchange available': 'Is a uniform exchange available?',
      'Password reset link valid for 24 hours': 'Is the password reset link valid for 24 hours?',
      'Offer valid until Sunday': 'Is the offer valid until Sunday?',
      'Promo code valid for 30 days': 'Is the promo code valid for 30 days?',
      'Warranty void if opened': 'Is the warranty void if I open it?',
      'Order not shipped within 3 days': 'What happens if the order is not shipped within 3 days?',
      'Voucher not redeemed within 12 months': "What happens if I don't redeem the voucher within 12 months?",
      'Parcel not collected within 14 days': "What happens if I don't collect the parcel within 14 days?",
      'Gift wrap available': 'Is gift wrap available?',
      'Store credit available': 'Is store credit available?',
      'Same-day delivery available': 'Is same-day delivery available?',
      'Next-day delivery available for orders before 2pm': 'Is next-day delivery available for orders before 2pm?',
      'Click and collect available': 'Is click and collect available?',
      'Price match available': 'Is price match available?',
      'Engraving available': 'Is engraving available?',
      'Interest-free credit available': 'Is interest-free credit available?',
      'Installation service available': 'Is installation service available?',
      'Cash on delivery available': 'Is cash on delivery available?',
      'Accidental damage cover available': 'Is accidental damage cover available?',
      'Returns free for members': 'Are returns free for members?',
      'Customs duties not included': 'Are customs duties included?',
      'Sale items not returnable': 'Are sale items returnable?',
      'Refund not issued for used items': 'Is a refund issued for used items?',
      'Exchange available for sale items': 'Is an exchange available for sale items?',
      'Upgrade available': 'Is an upgrade available?',
      'Hourly rate applicable': 'Is an hourly rate applicable?',
      'One-off fee required': 'Is a one-off fee required?',
      'E-gift card refundable': 'Is an e-gift card refundable?',
    };
    expect(Object.fromEntries(Object.keys(first).map((h) => [h, asked(h)[0]]))).toEqual(first);
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

describe("a document's title before a section's vague question", () => {
  const titled = async () => generateEntries((await ingestPaths(TITLED)).documents, { similar: 0 }).entries;
  const of = (all: Awaited<ReturnType<typeof titled>>, file: string, heading: string) =>
    all.find((e) => e.source?.path.endsWith(file) === true && e.source.headingPath.at(-1) === heading);

  it("is not a Markdown file's first ## that names it (was Before you order: what are the exceptions?)", async () => {
    const all = await titled();
    expect(of(all, 'delivery-no-title.md', 'Exceptions')?.question).toMatch(/^What (?:do I need to know about|are) the exceptions\?$/u);
    expect(of(all, 'delivery-no-title.md', 'Timeline')?.question).toMatch(/^What (?:do I need to know about|is) the timeline\?$/u);
    // nor its heading-path question (was Before you order / Exceptions)
    expect(of(all, 'delivery-no-title.md', 'Exceptions')?.similar).not.toContain('Before you order / Exceptions');
    expect(all.flatMap((e) => [e.question, ...e.similar]).filter((q) => q.startsWith('Before you order:'))).toEqual([]);
    // its headings are asked as the reviewer's fixes say
    expect(of(all, 'delivery-no-title.md', 'Order not shipped within 3 days')?.question).toBe('What happens if the order is not shipped within 3 days?');
    expect(of(all, 'delivery-no-title.md', 'Payment methods available')?.question).toBe('Which payment methods are available?');
    expect(of(all, 'delivery-no-title.md', 'Promo code invalid')?.question).toBe('What should I do if my promo code is invalid?');
    expect(of(all, 'delivery-no-title.md', 'Exchange available if damaged')?.question).toBe('Is an exchange available if it is damaged?');
  });

  it('is no question (was When will I get my refund?: what is the timeline?)', async () => {
    const all = await titled();
    const asked = [of(all, 'refund-timeline.html', 'Timeline'), of(all, 'refund-timeline.html', 'Exceptions')].flatMap((e) => [e?.question, ...(e?.similar ?? [])]);
    expect(asked.filter((q) => q?.includes('?:') === true)).toEqual([]);
  });

  it("leaves off a brand after a bar and the title's stop (was Wall-Mounted Heater Installation. | Emberly: what is the timeline?)", async () => {
    const all = await titled();
    expect(of(all, 'installation.html', 'Timeline')?.question).toBe('Wall-Mounted Heater Installation: what is the timeline?');
  });

  it('of a title of one lead label and a name, the name; of more labels, none', () => {
    const q = (documentTitle: string) => generateQuestions({ headingPath: ['Hazard'], text: 'The casing can overheat.', documentTitle })[0]?.question;
    expect(q('Product Safety Notice: Recall of PowerTrail chargers')).toBe('Recall of PowerTrail chargers: what is the hazard?');
    expect(q('PowerTrail chargers: what you need to know')).toBe('PowerTrail chargers: what is the hazard?');
    expect(q('Notice: Recall: PowerTrail chargers')).toBe('What is the hazard?');
    // a title that asks, or one with its stop
    expect(q('Where is my refund?')).toBe('What is the hazard?');
    expect(q('PowerTrail charger recall.')).toBe('PowerTrail charger recall: what is the hazard?');
  });

  it('its question takes the place of the last of at most max, the plain one kept among them', () => {
    const plain = generateQuestions({ headingPath: ['Hazard'], text: 'The casing can overheat. What should I do? Stop using it.' }, { max: 2 }).map((g) => g.question);
    const under = generateQuestions({ headingPath: ['Hazard'], text: 'The casing can overheat. What should I do? Stop using it.', documentTitle: 'Recall of PowerTrail chargers' }, { max: 2 }).map((g) => g.question);
    expect(plain).toHaveLength(2);
    expect(under).toEqual([`Recall of PowerTrail chargers: ${plain[0]?.charAt(0).toLowerCase()}${plain[0]?.slice(1)}`, plain[0]]);
  });
});
