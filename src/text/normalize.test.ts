import { describe, expect, it } from 'vitest';
import { detectScript, normalizeForMatch, normalizeWidth, traditionalToSimplified, wordsAsWrittenIn } from './normalize.js';

describe('normalize', () => {
  it('folds full-width ASCII and whitespace with NFKC', () => {
    expect(normalizeWidth('ＡＢＣ　１２３\u00A0 ｘ')).toBe('ABC 123 x');
  });

  it('converts traditional Chinese to simplified for matching', () => {
    expect(traditionalToSimplified('退貨運費誰出？發票怎麼開')).toBe('退货运费谁出？发票怎么开');
    expect(normalizeForMatch('退貨運費　誰出？')).toBe('退货运费 谁出?');
  });

  it('keeps the traditional form when asked not to simplify', () => {
    expect(normalizeForMatch('退貨', { simplify: false })).toBe('退貨');
  });

  it('recognizes the script of a document', () => {
    expect(detectScript('商品自签收之日起七日内可以申请无理由退货，运费由买家承担。')).toBe('zh-Hans');
    expect(detectScript('商品自簽收之日起七日內可以申請無理由退貨，運費由買家承擔。')).toBe('zh-Hant');
    expect(detectScript('Returns are accepted within 30 days of delivery.')).toBe('en');
    expect(detectScript('12345 —— 67')).toBe('other');
  });
});

describe('wordsAsWrittenIn', () => {
  it('gives the words of the matching form as the text writes them, undefined for words it lacks', () => {
    const hk = wordsAsWrittenIn('可以開收據嗎？運費誰出');
    expect(['开', '收据', '运费', '发票', 'sf'].map(hk)).toEqual(['開', '收據', '運費', undefined, undefined]);
    expect(wordsAsWrittenIn('ＳＦ順豐幾耐')('顺丰')).toBe('順豐'); // full-width letters before it
    expect(wordsAsWrittenIn('ＳＦ順豐幾耐')('sf')).toBe('sf');
    expect(wordsAsWrittenIn('退货运费谁出')('运费')).toBe('运费');
    expect(wordsAsWrittenIn('Return Policy')('return')).toBe('return');
  });
});
