// Title Case headings in a sentence's case when the section writes their words as ordinary words.
import { describe, expect, it } from 'vitest';
import { generateQuestions } from './questions.js';

const asked = (heading: string[], text: string): string[] => generateQuestions({ headingPath: heading, text }).map((g) => g.question);

describe('Title Case headings (caseFolded → titleFolded)', () => {
  it('lowers a heading whose words the text writes in lower case (was What can I do about Damaged Items?)', () => {
    expect(asked(['Damaged Items'], 'If an item arrives damaged, email us a photo within 48 hours.')).toContain('What can I do about damaged items?');
    expect(asked(['Gift Subscriptions'], 'A gift subscription is paid up front. You choose how many boxes the recipient gets.').join('\n')).not.toMatch(/Gift Subscriptions/u);
  });

  it('lowers a heading the text writes in a sentence case itself, and its small words without the text', () => {
    expect(asked(['Store Credit'], 'Store credit never expires and can be used online.').join('\n')).toMatch(/store credit\?/u);
    expect(asked(['Pause Or Skip A Box'], 'You can pause your subscription or skip a box from your account.').join('\n')).not.toMatch(/Pause|Or Skip|A Box/u);
  });

  it('keeps a name: a word the text never writes in lower case keeps the whole heading as it is', () => {
    expect(asked(['Fernhill Rewards'], 'Fernhill Rewards members earn rewards on every order.').join('\n')).toMatch(/Fernhill Rewards/u);
    expect(asked(['Apple Pay'], 'We accept Apple Pay on iPhone. You pay with one touch.').join('\n')).toMatch(/Apple Pay/u);
    expect(asked(['Benefits Planner: Disability'], 'Use the Benefits Planner to see how disability benefits work.').join('\n')).toMatch(/Benefits Planner/u);
  });

  it('reads words in addresses as no lower-case use, and a plural as its singular', () => {
    expect(asked(['Auralite Care'], 'Write to care@auralite.com for help.').join('\n')).toMatch(/Auralite Care/u);
    expect(asked(['Order Changes'], 'You can change an order until it ships.').join('\n')).toMatch(/order changes/u);
  });

  it('asks is or are of the noun before about / at / during (was What are the information about returns?)', () => {
    expect(asked(['Information About Returns'], 'We post information about returns on this page. Keep your receipt.')).toContain('What is the information about returns?');
    expect(asked(['Tips during checkout'], 'Some tips for a faster checkout.')).toContain('What are the tips during checkout?');
  });

  it('a name in a heading is no sign of Title Case (was How long does Shipping to Canada take?), a first word with a digit keeps its capital', () => {
    expect(asked(['Shipping to Canada'], 'Orders to Canada arrive in 5-8 business days.')).toContain('How long does shipping to Canada take?');
    expect(asked(['Post-9/11 GI Bill'], 'The Post-9/11 GI Bill helps you pay for school.').join('\n')).toMatch(/Post-9\/11 GI Bill/u);
  });
});
