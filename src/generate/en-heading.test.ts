import { describe, expect, it } from 'vitest';
import { enPolicyNot } from './en-heading.js';
import { generateQuestions } from './index.js';

// An English shop's help pages (review of 2026-11-27): headings that state a rule in the negative were
// asked as a fault the customer suffered (Customs duties not included → "What should I do if my customs
// duties were not included?"), and a label before a clause was asked about the clause as if it were a
// thing ("Payment: what do I need to know about we accept PayPal?").
const NO_NAMES: ReadonlySet<string> = new Set();
const asked = (heading: string) => generateQuestions({ headingPath: ['Help', heading], text: 'One or two sentences of the shop’s rule about it.' }).map((g) => g.question);
const first = (heading: string) => asked(heading)[0];

describe('a heading that states a rule in the negative', () => {
  it('is asked whether the rule holds, not what to do about a fault', () => {
    expect(first('Customs duties not included')).toBe('Are customs duties included?');
    expect(first('Batteries not included')).toBe('Are batteries included?');
    expect(first('International shipping not offered')).toBe('Is international shipping offered?');
    expect(first('Cash on delivery not offered')).toBe('Is cash on delivery offered?');
    expect(first("Subscription won't renew automatically")).toBe('Does my subscription renew automatically?');
    expect(first('Orders placed after 2pm not shipped same day')).toBe('Are orders placed after 2pm shipped same day?');
    expect(first('Refund not issued for used items')).toBe('Is a refund issued for used items?');
    expect(first('Wi-Fi 6 routers not supported')).toBe('Are Wi-Fi 6 routers supported?');
    expect(first('Warranty does not cover accidental damage')).toBe('Does my warranty cover accidental damage?');
    expect(first('Prices not including VAT')).toBe('Do prices include VAT?');
    for (const h of ['Customs duties not included', 'Subscription won’t renew automatically', 'Wi-Fi 6 routers not supported']) {
      expect(asked(h).join(' ')).not.toMatch(/What should I do if|wi-Fi/u);
    }
  });

  it('leaves what befalls a customer a fault', () => {
    expect(enPolicyNot('E-gift card not received', NO_NAMES)).toBeUndefined();
    expect(enPolicyNot("Smart plug won't connect to Wi-Fi", NO_NAMES)).toBeUndefined();
    expect(enPolicyNot('Order not delivered to my address', NO_NAMES)).toBeUndefined();
    expect(first('Free delivery not applied')).toBe('What should I do if my free delivery was not applied?');
    expect(first('Phone not charging')).toBe('What should I do if my phone is not charging?');
    expect(first('Plug does not turn on')).toBe('What should I do if my plug does not turn on?');
    // a declined card, a refused voucher: what befalls the customer, not a rule of the shop (review 2026-11-27)
    expect(enPolicyNot('Card not accepted', NO_NAMES)).toBeUndefined();
    expect(enPolicyNot('Voucher not valid', NO_NAMES)).toBeUndefined();
    expect(first('Card not accepted')).toBe('What should I do if my card was not accepted?');
  });
});

describe('a label and a clause after its colon', () => {
  it('asks the clause as a rule or the label its own question, never "what do I need to know about we …"', () => {
    expect(first('Payment: we accept PayPal')).toBe('Do you accept PayPal?');
    expect(first('Shipping: not available to PO boxes')).toBe('Is shipping available to PO boxes?');
    expect(first('Returns: free for members')).toBe('Are returns free for members?');
    expect(first('Gift wrap: only for orders over £20')).toBe('Is gift wrap only for orders over £20?');
    expect(first('Smart plug: not connecting to wifi')).toBe('What should I do if my smart plug is not connecting to wifi?');
    expect(first("Robot vacuum: won't charge")).toBe("What should I do if my robot vacuum won't charge?");
    expect(first('Refunds: usually within a week')).toBe('How do refunds work?');
    for (const h of ['Payment: we accept PayPal', 'Refunds: usually within a week', 'Warranty: two years', 'Returns: free for members']) {
      expect(asked(h).join(' ')).not.toMatch(/know about (?:we|usually|two|free)\b|What (?:is|are) the \w+: /u);
    }
    // the words after the label tell sections of one label apart (review 2026-11-27: three Returns: … sections
    // had asked How do returns work? and nothing else)
    expect(asked('Returns: within 30 days')).toContain('Returns within 30 days?');
    expect(asked('Returns: usually refunded in 5 days')).toContain('Returns usually refunded in 5 days?');
    expect(first('Returns: we do not accept worn items')).toBe('Do you accept worn items?');
    expect(first('Delivery: we are closed on Sundays')).toBe('Are you closed on Sundays?');
    // a thing after the label is still asked about
    expect(first('Robot vacuum: first-time setup')).toBe('Robot vacuum: what do I need to know about first-time setup?');
  });
});

describe('a fee and a link named like a task', () => {
  it('are things, not something the customer does', () => {
    expect(first('Charge for returns')).not.toMatch(/^How do I/u);
    expect(first('Link to the returns portal')).not.toMatch(/^How do I/u);
    // a price named like a task (review, 2026-11-28: was How do I rate for international orders?)
    expect(first('Rate for international orders')).not.toMatch(/^How do I/u);
    expect(first('Rate to Canada')).not.toMatch(/^How do I/u);
    expect(first('Rate your order')).toBe('How do I rate my order?');
    // the shop ships: where it ships is asked as Shipping to Canada is (review, 2026-11-28: was How do I ship to canada?)
    expect(first('Ship to Canada')).toBe('Do you ship to Canada?');
    expect(first('Ship to a PO box')).toBe('Do you ship to a PO box?');
    expect(first('Charge your earbuds')).toBe('How do I charge my earbuds?');
    expect(first('Check for updates')).toBe('How do I check for updates?');
  });
});

// A US furniture shop's help centre (user trial, 2026-11-27): headings that word a question as a statement
// were asked as they stand (How scheduling works?, How we fix it?, What the warranty doesn't cover?), a
// heading of a moment as a thing (At delivery → How does at delivery work?, How much does at postage cost?),
// a duty with its deadline as a thing (Report damage within 48 hours → What is the report damage within 48
// hours?), and Scheduling your delivery as How do I schedul my delivery?.
describe('headings that word a question as a statement, moments, duties, -uling verbs', () => {
  it('asks a statement-worded question as a question', () => {
    expect(first('How scheduling works')).toBe('How does scheduling work?');
    expect(first('How we fix it')).toBe('How do you fix it?');
    expect(first("What the warranty doesn't cover")).toBe("What doesn't the warranty cover?");
    expect(first('What the warranty covers')).toBe('What does the warranty cover?');
    expect(first('How returns work')).toBe('How do returns work?');
    expect(first('How much delivery costs')).toBe('How much does delivery cost?');
    expect(first('Why we ask for your ID')).toBe('Why do you ask for my ID?');
    expect(first('How you can return an item')).toBe('How can I return an item?');
    expect(first('What we will not deliver')).toBe('What will you not deliver?');
    expect(first('What the warranty does not cover')).toBe('What does the warranty not cover?');
  });

  it('leaves real questions and headings that ask nothing as they were', () => {
    expect(first('How do I return an item')).toBe('How do I return an item?');
    expect(first('What happens next')).toBe('What happens next?');
    expect(first('How to start a return')).toBe('How do I start a return?');
    expect(first('What is covered')).toBe('What is covered?');
  });

  it('asks what to do at a moment', () => {
    expect(first('At delivery')).toBe('What should I do at delivery?');
    expect(asked('At delivery')).not.toContain('How much does at delivery cost?');
  });

  it('asks a duty with a deadline as how long the customer has', () => {
    expect(asked('Report damage within 48 hours').slice(0, 2)).toEqual(['How long do I have to report damage?', 'How do I report damage?']);
    expect(first('Return items within 30 days')).toBe('How long do I have to return items?');
  });

  it('puts back the e of a verb in -ule', () => {
    expect(first('Scheduling your delivery')).toBe('How do I schedule my delivery?');
  });
});

describe('a how-to whose text says when the shop gets back to the customer', () => {
  it("asks no How long does it take to …? of We'll contact you within 2 business days", () => {
    const questions = generateQuestions({
      headingPath: ['Returns', 'How to start a return'],
      text: '1. Go to our returns page and enter your order number.\n2. Choose the items and the reason.\n3. We\'ll contact you within 2 business days to schedule the pickup.',
    }).map((g) => g.question);
    expect(questions[0]).toBe('How do I start a return?');
    expect(questions).not.toContain('How long does it take to start a return?');
  });
});

describe('a kind of thing named with an -ing word, a Not heading, a What\'s included column (furniture shop trial, 2026-11-27)', () => {
  it('asks about Cleaning codes as things, not as the task of cleaning codes', () => {
    expect(first('Cleaning codes')).toBe('What are the cleaning codes?');
    expect(first('Washing instructions')).toBe('What are the washing instructions?');
    expect(first('Cancelling orders')).not.toMatch(/^What are the/u);
  });

  it('asks what is not covered of Not covered', () => {
    expect(first('Not covered')).toBe('What is not covered?');
    expect(first('Not included')).toBe('What is not included?');
  });

  it("asks what a row's service includes of a What's included column", () => {
    const questions = generateQuestions({
      headingPath: ['Shipping Policy', 'Shipping methods and fees'],
      text: 'Method | What\'s included | Fee\nCurbside Delivery | To your curb or lobby | $99\nWhite Glove Delivery | Room of choice, unpacking, assembly | $249',
      tables: [[['Method', "What's included", 'Fee'], ['Curbside Delivery', 'To your curb or lobby', '$99'], ['White Glove Delivery', 'Room of choice, unpacking, assembly', '$249']]],
    }).map((g) => g.question);
    expect(questions).toContain("What's included with Curbside Delivery?");
    expect(questions.join('\n')).not.toMatch(/what's included for/iu);
  });
});
