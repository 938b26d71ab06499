// A livestream clothing shop's after-sales and delivery page (fixtures/livestream): its customers ask in the
// words of a 抖音 / 快手 chat box — a parcel that is late, how many days it takes, the hours of the livestream,
// a fleece lining, underwear, a missing tag, the wrong size ordered (user trial, 2026-11-27).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, fixtureKb, topSection } from '../test-support/kb.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await fixtureKb(['fixtures/livestream']);
}, BUILD_TIMEOUT);

const top = (q: string): string => topSection(kb, q) ?? '(nothing)';

describe("a livestream clothing shop's customers in their own words", () => {
  it.each([
    ['我的包裹怎么还不到啊', '四、物流延迟|包裹延误与未送达'],
    ['下单好几天了迟迟不到', '四、物流延迟|包裹延误与未送达'],
    ['发到外省几天能到', '五、配送时效|到货时间'],
    // (a province for the region a shipping table names: 广东 is in 华南)
    ['发到广东要几天', '到货时间'],
    ['今晚几点开播', '六、直播时间'],
    ['有加绒的吗', '七、面料说明'],
    ['内衣能退吗', '一、贴身衣物'],
    ['标签剪了还能换吗', '二、吊牌与包装'],
    ['下错单了怎么办', '三、下错单'],
    ['睡衣洗完缩了', '八、洗后变形'],
  ])('%s → %s', (question, sections) => {
    // (two pages of the fixture answer a late parcel and the days it takes)
    expect(sections.split('|')).toContain(top(question));
  });

  it('leads the days a parcel takes to 多久到货, but a parcel that has not come (没收到货) to no delivery time', () => {
    expect([...kb.queryTerms('寄到江浙沪多久到货').keys()]).toContain('到货时间');
    expect([...kb.queryTerms('没收到货怎么办').keys()]).not.toContain('到货时间');
  });

  it('reads 有加绒 as 有 + 加绒, not 有加 + 绒, in a KB that writes 加绒 once', () => {
    expect([...kb.queryTerms('有加绒的吗').keys()]).toContain('加绒');
  });
});
