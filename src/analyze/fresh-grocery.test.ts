// A fresh-grocery (生鲜) shop's service page and points rules (fixtures/fresh-grocery): its customers ask in the
// words of a chat box — picking up themselves, the Spring Festival, a temperature, points running out, a short
// weight, nobody at home, a rejected request, kilograms, a coupon (user trial, 2026-11-27). Each case names what
// the team saw before.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, fixtureKb, topSection } from '../test-support/kb.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await fixtureKb(['fixtures/fresh-grocery']);
}, BUILD_TIMEOUT);

const top = (q: string): string => topSection(kb, q) ?? '(nothing)';
const terms = (q: string): string[] => [...kb.queryTerms(q).keys()];

describe("a fresh-grocery shop's customers in their own words", () => {
  it.each([
    // (过年 was no word of the index: nothing but 配送 was asked)
    ['过年还配送吗', '二、春节配送安排'],
    // (过期 looked for 变质 and 腐烂 only)
    ['积分多久过期', '四、积分规则'],
    // (缺秤 was read as 秤)
    ['缺秤了咋办', '五、称重说明'],
    // (券 alone met nothing of 优惠券)
    ['券在哪领', '十、优惠券领取'],
  ])('%s → %s', (question, section) => {
    expect(top(question)).toBe(section);
  });

  it.each([
    // (自 | 提: every 提 of a page met it)
    ['可以自提吗', '自提'],
    // (少 | 称)
    ['少称了', '少称'],
    // (几 | 度, no 温度)
    ['冷藏是几度', '温度'],
    // (家里没人 met nothing of the page's 无人签收)
    ['家里没人怎么办', '无人签收'],
    // (被拒绝 met nothing of the page's 驳回)
    ['售后被拒绝了', '驳回'],
    // (千 | 克: two kilograms read as grams)
    ['2千克', '公斤'],
  ])('reads %s with %s', (question, term) => {
    expect(terms(question)).toContain(term);
    if (term === '公斤') expect(terms(question)).not.toContain('克');
  });
});
