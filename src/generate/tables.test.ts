// What a data table's rows ask (src/generate/tables.ts): the header says what customers ask of each row.
import { describe, expect, it } from 'vitest';
import { tableQuestions } from './tables.js';

describe('tableQuestions', () => {
  it('asks a "How long it takes" column how long the section\'s process takes for each row (a pet shop\'s returns policy, 2026-11-28: was What is the how long it takes for PayPal?)', () => {
    const table = [['Refund to', 'How long it takes'], ['PayPal', '1–2 business days'], ['Gift card or store credit', 'Right away']];
    expect(tableQuestions([table], false, 'Refunds')).toEqual(['How long does a refund take for PayPal?', 'How long does a refund take for gift card or store credit?']);
    expect(tableQuestions([table], false, 'Money back')).toEqual(['How long does it take for PayPal?', 'How long does it take for gift card or store credit?']);
    // a word that ends in s without being a plural, or a plural in -es, is no process to name (review, 2026-11-28)
    const next = [['Service', 'How long it takes'], ['Next day', '1 business day']];
    expect(tableQuestions([next], false, 'Express')).toEqual(['How long does it take for next day?']);
    expect(tableQuestions([next], false, 'Status')).toEqual(['How long does it take for next day?']);
    expect(tableQuestions([next], false, 'Boxes')).toEqual(['How long does it take for next day?']);
    expect(tableQuestions([next], false, 'Deliveries')).toEqual(['How long does a delivery take for next day?']);
  });

  it('a column that names who bears a cost asks who, not how much (the bundled sample asked 商品质量问题的运费承担方是多少？)', () => {
    const whoPays = [['情形', '运费承担方'], ['商品质量问题', '商家承担'], ['七天无理由退货', '消费者承担']];
    expect(tableQuestions([whoPays], true)).toEqual(['商品质量问题的运费由谁承担？', '七天无理由退货的运费由谁承担？']);
    expect(tableQuestions([[['情形', '责任方'], ['快递丢件', '快递公司']]], true)).toEqual(['快递丢件由谁承担？']);
    // a column that names the party (买家承担 | 卖家承担) asks what it bears, not who (was 质量问题的卖家由谁承担？)
    const byParty = [['退货原因', '买家承担', '卖家承担'], ['质量问题', '无', '来回运费'], ['七天无理由', '寄回运费', '无']];
    expect(tableQuestions([byParty], true)).toEqual(['质量问题买家承担什么？', '七天无理由买家承担什么？', '质量问题卖家承担什么？', '七天无理由卖家承担什么？']);
  });

  it('a fee column still asks how much', () => {
    expect(tableQuestions([[['配送方式', '运费'], ['顺丰快递', '12元']]], true)).toEqual(['顺丰快递的运费是多少？']);
  });
});
