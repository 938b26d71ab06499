// English time questions of a task heading: only a sentence that times the task asks how long it takes.
import { describe, expect, it } from 'vitest';
import { generateQuestions } from './questions.js';

const asked = (heading: string[], text: string): string[] => generateQuestions({ headingPath: heading, text }).map((g) => g.question);
const timeQuestions = (heading: string[], text: string): string[] => generateQuestions({ headingPath: heading, text }).filter((g) => g.rule === 'time-limit').map((g) => g.question);

describe('time-limit questions of a task', () => {
  it('a time of another thing is not the task\'s (was How long does it take to cancel an order?)', () => {
    expect(timeQuestions(['Cancel an order'], 'Choose Cancel Order in your account. The pending charge usually drops off within 3-5 business days.')).toEqual([]);
  });

  it("the shop's reply time is no task's time (was How long does it take to make a claim?)", () => {
    expect(timeQuestions(['Making a claim'], 'Send your order number and photos to care@example.com. Our team will reply within 3 business days.')).toEqual([]);
  });

  it('a frequency is no duration (was How long does it take to pay in installments?)', () => {
    expect(timeQuestions(['Pay in installments'], 'You can pay in 4 interest-free installments, every two weeks.')).toEqual([]);
  });

  it('a sentence that times the task still asks', () => {
    expect(asked(['Exchanging an item'], 'Exchanging an item usually takes 5 business days once we receive it.').join('\n')).toMatch(/How long does it take to exchange an item\?/u);
  });
});
