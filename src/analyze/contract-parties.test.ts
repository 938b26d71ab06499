// A service centre's rules written as a contract (fixtures/contract-parties): the law's parties are
// 保管人 / 受托人 / 第三人, the customers' words 保管方 / 受托方 / 别人 (laws dev set, issue 4).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, fixtureKb, topSection } from '../test-support/kb.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  // beside a furniture shop's pages: a KB of a few entries makes no expansion at all
  kb = await fixtureKb(['fixtures/contract-parties/寄存与代办服务规则.md', 'fixtures/furniture/送装服务.md', 'fixtures/furniture/退换与保修.md']);
}, BUILD_TIMEOUT);

describe('a contract party named as people name it (X方, 别人)', () => {
  it.each([
    ['保管方可以把我的箱子交给别人看管吗', '第三条'],
    ['保管方能把行李给别人保管吗', '第三条'],
    ['受托方没按时办完事要赔吗', '第六条'],
    ['委托方要先付代办费吗', '第五条'],
    ['保管方要给寄存凭证吗', '第二条'],
    ['放了一个多月没取保管方会怎么处理', '第七条'],
  ])('%s → %s', (question, section) => {
    expect(topSection(kb, question)).toBe(section);
  });
});
