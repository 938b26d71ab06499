// A virtual-goods shop's rules (fixtures/virtual-goods): top-ups, memberships, card codes. Its
// customers ask in their own words (user trial, 2026-11-27): 区服 cut whole, 没生效 for 未生效,
// 连续包月 for 自动续费, 孩子 for 未成年人, 几个人 for 几台设备.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, fixtureKb, topSection } from '../test-support/kb.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await fixtureKb(['fixtures/virtual-goods/充值与会员规则.md', 'fixtures/virtual-goods/卡密与激活码.md']);
}, BUILD_TIMEOUT);

describe("a virtual-goods shop's customers in their own words", () => {
  it.each([
    ['亲 游戏区服选错了', '四、游戏区服'],
    ['会员付了钱没生效', '五、会员未生效'],
    ['连续包月怎么关', '六、自动续费'],
    ['孩子偷偷充了648能退吗', '十、未成年人消费'],
    ['会员能给几个人用', '八、支持的设备'],
    ['卡号密码在哪看', '卡密提取'],
    ['话费充了半天还没到账', '十一、充值未到账'],
  ])('%s → %s', (question, section) => {
    expect(topSection(kb, question) ?? '(nothing)').toBe(section);
  });
});
