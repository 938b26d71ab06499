// A Hong Kong shop's words (fixtures/customer-queries/shop-hk): what its customers type in written
// Cantonese and HK English for what its pages write — 收唔收 for a question, 智能櫃 for 順豐站自取,
// FPS for 轉數快, 新界 for 偏遠地區, 7仔 for 7-11, warranty for 保養 (the
// Cantonese table in src/text/normalize.ts, the lexicon's Taiwan and Hong Kong block).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, fixtureKb, topSection } from '../test-support/kb.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await fixtureKb(['fixtures/customer-queries/shop-hk']);
}, BUILD_TIMEOUT);

const top = (question: string): string | undefined => topSection(kb, question);

describe('a Hong Kong shop: what customers type for what its pages write', () => {
  it('asks an A唔A or 有冇 question as its verb asks it, not as a 不 or a 没有', () => {
    expect(top('收唔收信用卡')).toBe('付款方法');
    expect(top('有冇得用轉數快')).toBe('付款方法');
    expect(top('可唔可以自取')).toBe('送貨方式');
  });

  it('finds the page’s own word for a customer’s FPS, card brand, locker and district', () => {
    expect(top('FPS得唔得')).toBe('付款方法');
    expect(top('有冇智能櫃')).toBe('送貨方式');
    expect(top('送新界要幾耐')).toBe('送貨需時');
  });

  it('reads 7仔 as 7-11, 寄返 as 寄回 and 入咗水 / 跌爛 as the page’s 進水 / 人為損壞', () => {
    expect(top('7仔寄返要幾錢')).toBe('退貨運費');
    expect(top('入咗水保唔保')).toBe('不設保養的情況');
    expect(top('跌爛咗保唔保')).toBe('不設保養的情況');
  });

  it('finds the 保養 of a Hong Kong page for the mainland’s 保修 and an English warranty', () => {
    expect(top('保修幾耐')).toBe('保養期');
    expect(top('warranty有幾耐')).toBe('保養期');
  });
});
