// What a question asks for (a duration, an amount, who pays, the steps, whether it can) and which
// units of an answer state it; then what a bot gets from a real index of fixtures/passage/asks
// (a shop's after-sales page in Chinese and a help centre in English, every section several
// sentences long, each sentence about a different thing) for fixtures/passage/asks-pairs.jsonl.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../build/index.js';
import { BUILD_TIMEOUT, ROOT, tempDir } from '../test-support/kb.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { loadIndex } from './load.js';
import { ASKS_AMOUNT, ASKS_BASIS, ASKS_CAN, ASKS_STEPS, ASKS_TIME, ASKS_WHO, askMatch, clauseStates, questionAsks, unitStates, withAsks } from './passage-asks.js';

describe('questionAsks', () => {
  it('reads what a Chinese or English question asks for', () => {
    const cases: [string, number][] = [
      ['how long does a refund take', ASKS_TIME],
      ['退款多久到账', ASKS_TIME],
      ['银行卡退款要几天', ASKS_TIME],
      ['安装师傅什么时候联系我', ASKS_TIME],
      ['when will i get my refund', ASKS_TIME],
      ['退货运费多少钱', ASKS_AMOUNT],
      ['how much is next day delivery', ASKS_AMOUNT],
      ['运费怎么收', ASKS_AMOUNT],
      ['质量问题退货运费谁出', ASKS_WHO],
      ['who pays return postage from abroad', ASKS_WHO],
      ['怎么申请退货', ASKS_STEPS],
      ['how do i start a return', ASKS_STEPS],
      ['下单后能改地址吗', ASKS_CAN],
      ['can i return sale items', ASKS_CAN],
      ['坏果比例怎么算', ASKS_BASIS],
      ['退货地址在哪里', 0],
    ];
    expect(cases.map(([q]) => [q, questionAsks(q)])).toEqual(cases);
  });

  it('takes 怎么 for the steps only when the question asks nothing more particular', () => {
    // 怎么收费 asks the fee and how it is worked out, not a procedure
    expect(questionAsks('过了保修期维修怎么收费')).toBe(ASKS_AMOUNT | ASKS_BASIS);
    // a fee named as the topic is not asked for when the question asks who bears it
    expect(questionAsks('退货运费由谁承担')).toBe(ASKS_WHO);
  });

  it('reads a procedure named with a fee word as asking its steps, not an amount', () => {
    // 价格保护, 运费险, 免费维修, price match are the topic when asked how to apply or claim
    for (const q of ['怎么申请价格保护', '运费险怎么理赔', '如何申请免费维修', 'how do i request a price match?']) expect([q, questionAsks(q)]).toEqual([q, ASKS_STEPS]);
    // …unless the question asks the amount too
    expect(questionAsks('申请价格保护要钱吗') & ASKS_AMOUNT).toBe(ASKS_AMOUNT);
    expect(questionAsks('how much is a price match')).toBe(ASKS_AMOUNT);
    // why has my refund not arrived: when it comes, not the steps
    expect(questionAsks('我的退款怎么还没到账')).toBe(ASKS_TIME);
    // how many years or months a warranty lasts
    for (const q of ['保修多少年', '电池保修多少个月']) expect([q, questionAsks(q)]).toEqual([q, ASKS_TIME]);
  });
});

describe('unitStates', () => {
  it('finds durations, amounts, who bears a cost, steps and can/cannot in a unit', () => {
    const has = (text: string, kind: number): boolean => askMatch(kind, unitStates(text)) >= 1;
    for (const t of ['退款一般在1-3个工作日内到账', '江浙沪地区一般次日送达', 'refunds reach your original payment method within 5 to 10 business days', 'we call you two days before']) expect([t, has(t, ASKS_TIME)]).toEqual([t, true]);
    for (const t of ['单件运费约10-15元', '基础安装免费', 'next day delivery costs £6.95']) expect([t, has(t, ASKS_AMOUNT)]).toEqual([t, true]);
    for (const t of ['来回运费由本店承担', '寄回运费由买家自行承担', 'the customer pays the return postage', 'return shipping is paid by the customer']) expect([t, has(t, ASKS_WHO)]).toEqual([t, true]);
    expect(has('1. 在“我的订单”中点击“申请售后”', ASKS_STEPS)).toBe(true);
    // not who pays: refusing to pay, a price
    for (const t of ['if you refuse to pay the duties, the package is returned to us', '不满88元收取运费8元']) expect([t, has(t, ASKS_WHO)]).toEqual([t, false]);
    // not a duration: a model number, a size
    for (const t of ['型号x200的尺寸为30厘米', 'size 12 fits a 30 inch waist']) expect([t, has(t, ASKS_TIME)]).toEqual([t, false]);
    // hyphenated and glued durations
    for (const t of ['all products come with a 2-year warranty', 'we offer 30-day returns', 'a technician replies within 24h', 'our repair line is open 24/7']) expect([t, has(t, ASKS_TIME)]).toEqual([t, true]);
    // paying as a time, not a payer
    for (const t of ['before you pay, check your address.', 'if you pay by card, the refund goes back to the card']) expect([t, has(t, ASKS_WHO)]).toEqual([t, false]);
    // can / 可以 is in half a help page's sentences: a weak statement only
    expect(askMatch(ASKS_CAN, unitStates('you can drop your parcel at any post office'))).toBe(0.5);
  });

  it('adds what the question asks to the term scores as a share of the best, not as an override', () => {
    const units = [{ kind: 'text' }, { kind: 'text' }, { kind: 'text' }];
    const states = [0, unitStates('within 30 days of delivery'), unitStates('within 5 to 10 business days')];
    // the question's terms point to unit 2, and units 1 and 2 both state a duration: unit 2 stays best
    expect(Array.from(withAsks(Float64Array.from([1, 0.4, 1]), units, states, ASKS_TIME))).toEqual([1, 0.9, 1.5]);
    // a unit the terms point to well ahead keeps the lead over one that only states a duration
    const far = withAsks(Float64Array.from([3, 0, 0]), units, states, ASKS_TIME);
    expect(far[0]).toBeGreaterThan(far[2]!);
    // no unit holds a term (the question's only word is in none): the duration decides
    expect(Array.from(withAsks(Float64Array.from([0, 0, 0]), units, [0, 0, states[2]!], ASKS_TIME))).toEqual([0, 0, 0.5]);
  });

  it('lets a table row that states what is asked count its header’s terms', () => {
    const units = [{ kind: 'text' }, { kind: 'row', leadIn: 0 }, { kind: 'row', leadIn: 0 }];
    const states = [0, unitStates('debit card | 3 to 5 working days'), unitStates('gift card | returned to the same card')];
    expect(Array.from(withAsks(Float64Array.from([2, 0, 0]), units, states, ASKS_TIME))).toEqual([2, 3, 0]);
  });

  it('weighs a sentence cut into clauses whole: its clause the terms point to is not beaten by a neighbour that states the amount itself', () => {
    // 0: "- UK: 1-2 business days," 1: " otherwise £3.95" (clauses of one sentence); 2: "Express shipping … in the UK for £6.95"
    const sentence = [0, 40] as const;
    const units = [{ kind: 'item', sentence }, { kind: 'item', sentence }, { kind: 'text' }];
    const whole = unitStates('- uk: 1-2 business days, otherwise £3.95');
    const states = [clauseStates(unitStates('- uk: 1-2 business days,'), whole), clauseStates(unitStates(' otherwise £3.95'), whole), unitStates('express shipping is available in the uk for £6.95')];
    const scored = withAsks(Float64Array.from([1.8, 0, 1.7]), units, states, ASKS_AMOUNT, [whole, whole, 0]);
    expect(scored[0]).toBeGreaterThan(scored[2]!);
    // without the sentence weighed whole, the clause inherits the amount only weakly and loses
    const clauses = withAsks(Float64Array.from([1.8, 0, 1.7]), units, states, ASKS_AMOUNT);
    expect(clauses[0]).toBeLessThan(clauses[2]!);
  });
});

describe('passages that answer what the question asks, from a real index', () => {
  const dir = tempDir('kb-passage-asks-');
  const kbs: Record<string, KnowledgeBase> = {};
  let kb: KnowledgeBase;
  const pairs = readFileSync(join(ROOT, 'fixtures/passage/asks-pairs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { q: string; expect: string; kb?: string });

  beforeAll(async () => {
    // (a pair's "kb": shop-en, an English shop whose delivery list is one long line cut into clauses)
    for (const [name, source] of [['asks', 'fixtures/passage/asks'], ['shop-en', 'fixtures/customer-queries/shop-en']] as const) {
      const out = join(dir.path, `${name}.index`);
      const built = await build({ sources: [join(ROOT, source)], out });
      if (!built.ok) throw new Error(`${source} does not build`);
      kbs[name] = await loadIndex(out);
    }
    kb = kbs.asks!;
  }, BUILD_TIMEOUT * 2);
  afterAll(() => dir.remove());

  it('sends the sentence that says how long a refund takes, not the one with the 30-day return window', () => {
    const [hit] = kb.search('how long does a refund take', { k: 1 });
    expect(hit?.passage).toContain('Refunds reach your original payment method within 5 to 10 business days');
    expect(hit?.passage).not.toContain('within 30 days of delivery');
    const [zh] = kb.search('退款要多久', { k: 1, passageChars: 100 });
    expect(zh?.passage).toContain('退款一般在1-3个工作日内到账');
  });

  it('sends the amount when the question asks how much, and the timing when it asks when', () => {
    // (the opening sentences before: the section's words are in every sentence or in none)
    expect(kb.search('退货运费多少钱', { k: 1, passageChars: 100 })[0]?.passage).toContain('单件运费约10-15元');
    expect(kb.search('安装要钱吗', { k: 1, passageChars: 100 })[0]?.passage).toContain('基础安装免费');
    expect(kb.search('when will I get my refund', { k: 1, passageChars: 100 })[0]?.passage).toContain('within 5 to 10 business days');
  });

  it('sends the UK line of the delivery list for the UK price, not the express sentence', () => {
    for (const q of ['uk shipping cost', 'how much is shipping to the uk']) {
      const [hit] = kbs['shop-en']!.search(q, { k: 1 });
      expect([q, hit?.passage?.includes('- UK: 1-2 business days, free on orders over £30, otherwise £3.95')]).toEqual([q, true]);
      expect([q, hit?.passage?.includes('Express shipping')]).toEqual([q, false]);
    }
  });

  it('holds the needed sentence for the project’s question–sentence pairs', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(28);
    // measured (scripts/check-passages.mjs): before what the question asks was used, 19 of 22 at
    // 200 characters and 12 of 22 at 100; with it, 21 and 20; of 28 (a warranty section, 价格保护,
    // the UK delivery line), 25 and 24 before the sentence was weighed whole, 27 and 26 with it
    for (const [chars, least] of [[200, 27], [100, 26]] as const) {
      let held = 0;
      for (const pair of pairs) {
        const [hit] = kbs[pair.kb ?? 'asks']!.search(pair.q, { k: 1, passageChars: chars });
        expect([pair.q, hit?.answer.includes(pair.expect)]).toEqual([pair.q, true]);
        if (hit?.passage !== undefined) expect(hit.passage.length).toBeLessThanOrEqual(chars);
        if ((hit?.passage ?? hit?.answer ?? '').includes(pair.expect)) held++;
      }
      expect([chars, held]).toEqual([chars, Math.max(held, least)]);
    }
  });
});
