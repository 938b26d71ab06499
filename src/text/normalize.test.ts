import { describe, expect, it } from 'vitest';
import { cantoneseToMandarin, detectScript, normalizeForMatch, normalizeWidth, traditionalToSimplified, wordsAsWrittenIn } from './normalize.js';

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

describe('cantoneseToMandarin', () => {
  it('asks an A唔A or 有冇 question with the word alone, as Mandarin asks with 吗', () => {
    expect(cantoneseToMandarin('收唔收信用卡')).toBe('收信用卡');
    // a one-character Cantonese verb asked A唔A is its Mandarin verb alone (was 看不看到, 给不给收据)
    expect(['睇唔睇到', '俾唔俾收据', '喺唔喺香港'].map(cantoneseToMandarin)).toEqual(['看到', '给收据', '在香港']);
    expect(cantoneseToMandarin('可唔可以退')).toBe('可以退');
    expect(cantoneseToMandarin('有冇优惠')).toBe('有优惠');
    expect(cantoneseToMandarin('拆咗机仲有冇保养')).toBe('拆了机还有保养');
    expect(cantoneseToMandarin('离岛有冇得送')).toBe('离岛可以送');
    expect(cantoneseToMandarin('fps得唔得')).toBe('fps可以吗');
    // a real negation stays one
    expect(cantoneseToMandarin('冇收到，唔要')).toBe('没有收到，不要');
  });

  it('reads a Hong Kong shop’s words: back, not yet, pick up, broke, water, pay, 7仔', () => {
    expect(cantoneseToMandarin('7仔寄返要几钱')).toBe('7-11寄回要多少钱');
    expect(cantoneseToMandarin('我啲嘢仲未到')).toBe('我些东西还没到');
    expect(cantoneseToMandarin('喺顺丰站攞货')).toBe('在顺丰站取货');
    expect(cantoneseToMandarin('入咗水，跌烂咗，整唔整')).toBe('进水，摔坏了，修吗');
    expect(cantoneseToMandarin('畀钱有咩方法，落咗单点知')).toBe('付钱有什么方法，下了单怎么知道');
  });

  it('leaves the Mandarin words that hold a Cantonese look-alike as they are', () => {
    expect(cantoneseToMandarin('仲裁机构，整机保修，几时还款，今日发货')).toBe('仲裁机构，整机保修，几时还款，今日发货');
  });
});
