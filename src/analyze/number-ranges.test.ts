// A size chart's ranges (身高158-163, 体重47-53kg) and a customer's one number (160, 50kg): the analyzer's
// numberRanges option makes a small range one term (158~163), which the runtime reads a number inside it as
// (src/generate/clothing-shop.test.ts asks the questions; user trial, a clothing shop, 2026-11-27).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAnalyzerSettings } from '../build/vocabulary.js';
import { Analyzer, rangeTerms } from './analyzer.js';
import { AFTER_SALES_LEXICON } from './lexicon.js';

let analyzer: Analyzer;

beforeAll(async () => {
  const settings = await buildAnalyzerSettings({ texts: ['身高158-163cm、体重47-53kg穿什么码？', '3-5个工作日到账'], lexicon: AFTER_SALES_LEXICON });
  if (!settings.ok) throw new Error(JSON.stringify(settings.problems));
  analyzer = new Analyzer(settings.value);
});

describe('rangeTerms', () => {
  it.each([
    ['身高158-163cm', ['158~163']],
    ['体重47~53kg', ['47~53']],
    ['身高150到153', ['150~153']],
    ['150至152', ['150~152']],
    ['80－84', ['80~84']],
    ['脚长22.5-23.5cm', []],
    ['2026-11-27发货', []],
    ['电话400-800-1234', []],
    ['100-500元', []],
    ['每天8:00-22:00', []],
    ['运费5-12元', []],
    ['¥10-20', []],
    ['10-15%', []],
    ['5-5', []],
    ['12-3', []],
    // a model code, an event's dates, an amount written apart from its unit, a negative number
    ['X1-20适合小户型，X2-40适合大户型', []],
    ['年货节活动时间12-25至1-5', []],
    ['活动时间：1-5', []],
    ['11.11-11.13', []],
    ['价格5-10 元', []],
    ['10-20 %', []],
    ['20-30 美元', []],
    ['温度−5-10℃', []],
    ['客服每天9-18点在线', []],
    ['1-2件收取运费', ['1~2']],
  ])('%s → %j', (text, numbers) => {
    expect(rangeTerms(analyzer.normalize(text))).toEqual(numbers);
  });
});

describe('the analyzer with numberRanges', () => {
  it('writes a range as one term besides its ends, and a customer writes their one number as before', () => {
    const entry = analyzer.analyze('身高158-163cm、体重47-53kg穿什么码？');
    expect(entry).toEqual(expect.arrayContaining(['158', '163', '158~163', '47~53']));
    expect(entry).not.toContain('160');
    expect(analyzer.analyze('160 50kg穿什么码').filter((t) => /^[\d~]+$/u.test(t))).toEqual(['160', '50']);
  });

  it('is off in an index built before it: the range is its two ends', () => {
    const { numberRanges: _, ...options } = analyzer.settings.options;
    const before = new Analyzer({ ...analyzer.settings, options });
    expect(before.analyze('身高158-163cm').filter((t) => /^[\d~]+$/u.test(t))).toEqual(['158', '163']);
  });
});
