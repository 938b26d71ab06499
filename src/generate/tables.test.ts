// What a data table's rows ask (src/generate/tables.ts): the header says what customers ask of each row.
import { describe, expect, it } from 'vitest';
import { tableQuestions } from './tables.js';

describe('tableQuestions', () => {
  it('a column that names who bears a cost asks who, not how much (the bundled sample asked 商品质量问题的运费承担方是多少？)', () => {
    const whoPays = [['情形', '运费承担方'], ['商品质量问题', '商家承担'], ['七天无理由退货', '消费者承担']];
    expect(tableQuestions([whoPays], true)).toEqual(['商品质量问题的运费由谁承担？', '七天无理由退货的运费由谁承担？']);
    expect(tableQuestions([[['情形', '责任方'], ['快递丢件', '快递公司']]], true)).toEqual(['快递丢件由谁承担？']);
  });

  it('a fee column still asks how much', () => {
    expect(tableQuestions([[['配送方式', '运费'], ['顺丰快递', '12元']]], true)).toEqual(['顺丰快递的运费是多少？']);
  });
});
