// A cross-border import (跨境进口) shop's buying notes (fixtures/cross-border): its customers ask in the words of a
// chat box — customs, the tax, wine, genuine goods, reselling, who orders and who pays (user trial, 2026-11-28).
// Each case names what the team saw before.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, fixtureKb, topSection } from '../test-support/kb.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await fixtureKb(['fixtures/cross-border']);
}, BUILD_TIMEOUT);

const top = (q: string): string => topSection(kb, q) ?? '(nothing)';
const terms = (q: string): string[] => [...kb.queryTerms(q).keys()];

describe("a cross-border shop's customers in their own words", () => {
  it.each([
    // (保真 and 高仿 were no words of the index: nothing was asked)
    ['保真吗 别是高仿', '五、正品保障'],
    // (转卖 met nothing of 再次销售)
    ['买了能转卖吗', '六、个人自用'],
  ])('%s → %s', (question, section) => {
    expect(top(question)).toBe(section);
  });

  it.each([
    // (清 | 关中: 清关中 was cut in the wrong place)
    ['一直清关中', '清关'],
    // (抽检 met nothing of the page's 查验)
    ['被海关抽检了', '查验'],
    // (交 | 税: 要交税吗 met nothing of the page's 税费)
    ['要交税吗', '税费'],
    // (红酒 met nothing of the page's 葡萄酒)
    ['红酒税率多少', '葡萄酒'],
    // (付款人 met nothing of the rule's 支付人)
    ['付款人必须是我吗', '支付人'],
    // (专票 met nothing of a page's 发票)
    ['能开专票吗', '发票'],
  ])('reads %s with %s', (question, term) => {
    expect(terms(question)).toContain(term);
  });
});
