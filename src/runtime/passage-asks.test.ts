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
import { ASKS_AMOUNT, ASKS_BASIS, ASKS_CAN, ASKS_STEPS, ASKS_TIME, ASKS_WHO, askMatch, questionAsks, unitStates, withAsks } from './passage-asks.js';

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
});

describe('passages that answer what the question asks, from a real index', () => {
  const dir = tempDir('kb-passage-asks-');
  let kb: KnowledgeBase;
  const pairs = readFileSync(join(ROOT, 'fixtures/passage/asks-pairs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { q: string; expect: string });

  beforeAll(async () => {
    const out = join(dir.path, 'asks.index');
    const built = await build({ sources: [join(ROOT, 'fixtures/passage/asks')], out });
    if (!built.ok) throw new Error('fixtures/passage/asks does not build');
    kb = await loadIndex(out);
  }, BUILD_TIMEOUT);
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

  it('holds the needed sentence for the project’s question–sentence pairs', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(20);
    // measured (scripts/check-passages.mjs): before what the question asks was used, 19 of 22 at
    // 200 characters and 12 of 22 at 100; with it, 21 and 20
    for (const [chars, least] of [[200, 21], [100, 20]] as const) {
      let held = 0;
      for (const pair of pairs) {
        const [hit] = kb.search(pair.q, { k: 1, passageChars: chars });
        expect([pair.q, hit?.answer.includes(pair.expect)]).toEqual([pair.q, true]);
        if (hit?.passage !== undefined) expect(hit.passage.length).toBeLessThanOrEqual(chars);
        if ((hit?.passage ?? hit?.answer ?? '').includes(pair.expect)) held++;
      }
      expect([chars, held]).toEqual([chars, Math.max(held, least)]);
    }
  });
});
