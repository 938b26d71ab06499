import { describe, expect, it } from 'vitest';
import { generateQuestions } from './questions.js';
import { similarQuestions } from './similar.js';

// A phone-and-laptop brand's after-sales documents (user test, 2026-11-27): a repair fee table whose
// columns name the products, a policy that counts from a date, an exclusions list.
const questions = (headingPath: string[], text: string, tables?: string[][][]): string[] =>
  generateQuestions({ headingPath, text, ...(tables === undefined ? {} : { tables }) }).map((q) => q.question);

describe('a repair service centre\'s questions', () => {
  it('asks a fee table whose columns name products what each repair costs on each', () => {
    const table = [
      ['维修项目', '手机', '笔记本电脑', '说明'],
      ['换屏（原装屏幕总成）', '¥899', '¥1299', '含人工费'],
      ['主板维修', '¥600起', '¥900起', '检测后报价'],
      ['检测费', '免费', '免费', '放弃维修不收取'],
    ];
    const text = `保修期外的维修，按以下价格收费：\n${table.map((r) => r.join(' | ')).join('\n')}`;
    const qs = questions(['寄修服务流程', '维修收费标准'], text, [table]);
    expect(qs).toEqual(expect.arrayContaining(['手机换屏多少钱？', '笔记本电脑换屏多少钱？', '手机主板维修多少钱？', '手机检测费多少钱？']));
    for (const q of qs) expect(q, q).not.toMatch(/的(?:手机|笔记本电脑)是什么？$/u);
    const en = [
      ['Repair', 'Phone', 'Laptop'],
      ['Screen replacement (original part)', '¥899', '¥1,299'],
      ['Battery replacement', '¥199', 'Free'],
    ];
    const enQs = generateQuestions({ headingPath: ['Repair fees'], text: en.map((r) => r.join(' | ')).join('\n'), tables: [en] }).map((q) => q.question);
    expect(enQs).toEqual(expect.arrayContaining(['How much is screen replacement for phone?', 'How much is battery replacement for laptop?']));
  });

  it('keeps 不 when 不属于…范围 describes what follows, and asks which cases a 下列 list names', () => {
    const fees = questions(['维修收费标准'], '保修期外或不属于保修范围的维修，按以下价格收费。');
    for (const q of fees) expect(q, q).not.toMatch(/属于保修范围吗/u);
    const listed = questions(['四、不属于保修范围的情况'], '下列情况不属于免费保修范围，但可以提供收费维修：\n1. 人为损坏。\n2. 进水。');
    expect(listed).toContain('哪些情况不属于免费保修范围？');
    expect(listed).not.toContain('下列情况属于免费保修范围吗？');
    // a sentence whose subject is the case is asked as before
    expect(questions(['保修说明'], '因人为损坏造成的故障，不属于免费保修范围。')).toContain('人为损坏造成的故障属于免费保修范围吗？');
  });

  it('asks no time a task takes from a month (2026年1月) or a time a date is counted from', () => {
    const qs = [
      ...questions(['维修收费标准'], '价格为2026年1月参考价，以检测后工程师报价为准。'),
      ...questions(['二、保修期限'], '各类产品的保修期自发票开具之日起计算；无发票的，以产品出厂日期后延90天计算。'),
    ];
    for (const q of qs) expect(q, q).not.toMatch(/需要多长时间/u);
    expect(qs).toContain('保修期是多久？');
  });

  it('asks from when a period counts: 保修期自发票开具之日起计算 → 保修期从什么时候开始计算？', () => {
    expect(questions(['二、保修期限'], '各类产品的保修期自发票开具之日起计算。')).toContain('保修期从什么时候开始计算？');
    expect(questions(['退货期限'], '退货期限自签收次日起算。')).toContain('退货期限从什么时候开始计算？');
    // what takes effect is asked as before
    expect(questions(['附则'], '本规定自2026年1月1日起施行。')).toContain('本规定什么时候施行？');
  });

  it('asks an exclusions list item by item with what the list says of them, and an item by its label', () => {
    const qs = questions(
      ['四、不属于保修范围的情况'],
      '下列情况不属于免费保修范围，但可以提供收费维修：\n1. 人为损坏：包括摔落、挤压、碰撞导致的屏幕碎裂、机身变形等外力损坏。\n2. 进水或受潮：产品接触液体导致的故障。\n3. 使用非原装配件导致的故障。',
    );
    expect(qs).toEqual(expect.arrayContaining(['人为损坏属于免费保修范围吗？', '进水或受潮属于免费保修范围吗？', '使用非原装配件导致的故障属于免费保修范围吗？']));
    for (const q of qs) expect(q, q).not.toMatch(/但可以提供收费维修吗/u);
    // a list whose intro says what its items lead to is asked as before
    expect(questions(['第五条'], '有下列情形之一的，消费者可以要求退货：\n（一）商品存在质量问题的；\n（二）商品与描述不符的。')).toContain('商品存在质量问题，消费者可以要求退货吗？');
  });

  it('swaps no lexicon word inside a longer one: 私自拆机 stays, no 拆机机', () => {
    const similar = similarQuestions('私自拆机属于免费保修范围吗？', { n: 10 });
    expect(similar.length).toBeGreaterThan(0);
    for (const q of similar) expect(q, q).not.toMatch(/机机/u);
  });
});
