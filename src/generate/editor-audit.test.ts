// Questions an editor's week with the trial KBs found wrong (2026-11-28), each with made-up text of the same kind.
import { describe, expect, it } from 'vitest';
import { generateQuestions } from './questions.js';
import { similarCandidates } from './similar.js';

const asked = (heading: string[], text: string, tables?: string[][][]): string[] => generateQuestions({ headingPath: heading, text, ...(tables !== undefined ? { tables } : {}) }).map((g) => g.question);

describe('generated questions an editor rejected', () => {
  it('a case that goes on from the one before is asked with it (was 仍未找到怎么办？)', () => {
    const q = asked(['售后说明', '包裹丢失'], '快递显示已送达但您没有拿到包裹的，请先问问门卫或邻居；仍未找到的，请联系客服登记。');
    expect(q).not.toContain('仍未找到怎么办？');
    expect(q).toContain('快递显示已送达但您没有拿到包裹，仍未找到怎么办？'.replace('您', '我'));
    // with no case before it, none is asked
    expect(asked(['售后说明', '包裹丢失'], '仍未找到的，请联系客服登记。').join('\n')).not.toMatch(/仍未找到/u);
  });

  it('a deadline whose clause names nothing is asked of the case the sentence opens with (was 多长时间内要取回冷藏？)', () => {
    const q = asked(['配送说明', '三、代收'], '超时未取的包裹，快递员会放在门口，放好后请在3小时内取回冷冻。');
    expect(q).not.toContain('多长时间内要取回冷冻？');
    expect(q).toContain('超时未取的包裹多长时间内要取回冷冻？');
  });

  it('a fee heading over a repair fee and its amount asks how much, not who bears it (was 有偿维修收费由谁承担？)', () => {
    const q = asked(['第六条 付费维修收费'], '超出保修范围的维修，收取材料费和人工费，人工费每次50元。');
    expect(q).toContain('付费维修收费是多少钱？');
    expect(q).not.toContain('付费维修收费由谁承担？');
  });

  it('ordering here or there compared is no step (was 如何下单？), and 以下政策 names the policy', () => {
    const q = asked(['小熊母婴旗舰店 退换货政策'], '本店在小程序及门店销售母婴用品。以下政策适用于所有订单，小程序下单与门店下单同等享受。');
    expect(q).not.toContain('如何下单？');
    expect(q).toContain('小熊母婴旗舰店 退换货政策适用于哪些订单？');
  });

  it('a heading of more than one thing in an order asks what happens then (was What are the multiple items in one order?)', () => {
    const q = asked(['Delivery', 'Several parcels from one order'], 'Parcels from one order may arrive on different days. Track each parcel with its own number.');
    expect(q[0]).toBe('What happens if I have several parcels from one order?');
    expect(q.join('\n')).not.toMatch(/What are the several/u);
  });

  it("a one-word plural heading's cost names its parent, as its heading question does (was How much do plans cost?)", () => {
    const q = asked(['Paying with Klarna', 'Plans'], 'Pay in 4 interest-free payments, or monthly at rates from 0–29% APR. A late fee of up to $7 may apply.');
    expect(q).toContain('What are the plans of paying with Klarna?');
    expect(q).toContain('How much do the plans of paying with Klarna cost?');
    expect(q).not.toContain('How much do plans cost?');
  });

  it("a fee table's row of members asks what the section's fee costs them (was How much is Gold members?)", () => {
    const table = [
      ['Delivery type', 'Fee'],
      ['Standard delivery', '$4.95'],
      ['Club Plus members', 'Free'],
    ];
    const q = asked(['Delivery', 'Delivery fees'], 'Delivery is charged per order.', [table]);
    expect(q).toContain('How much is delivery for Club Plus members?');
    expect(q).not.toContain('How much is Club Plus members?');
    expect(q).toContain('How much is standard delivery?');
  });

  it('a synonym keeps an -ing verb an -ing verb and puts no a before shipping (was …or lost a shipping?)', () => {
    const en = (q: string): string[] => similarCandidates(q, { language: 'en', context: 'delivery shipping' });
    const missing = en('What do I need to know about cancelling or missing a delivery?');
    expect(missing.filter((q) => /\bor lost\b|\ba shipping\b/u.test(q))).toEqual([]);
    expect(en('How do I reschedule a delivery?')).not.toContain('How do I reschedule a shipping?');
    // a question it opens may go (Missing a part? → Lost a part?), and shipping may name a kind of thing
    expect(en('Missing a part or a screw?')).toContain('Lost a part or a screw?');
    expect(en('Can I change a delivery address?')).toContain('Can I change a shipping address?');
  });
});
