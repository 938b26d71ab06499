// A virtual-goods shop's rules (fixtures/virtual-goods): phone and game top-ups, memberships with
// automatic renewal, card codes and licence keys (user trial, 2026-11-27). Each test names a question
// an editor had to rewrite.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { ROOT } from '../test-support/kb.js';
import { generateEntries, generateQuestions, type GeneratedEntry } from './index.js';
import { similarCandidates } from './similar.js';

async function shop(): Promise<GeneratedEntry[]> {
  const run = await ingestPaths([join(ROOT, 'fixtures/virtual-goods/充值与会员规则.md'), join(ROOT, 'fixtures/virtual-goods/卡密与激活码.md')]);
  return generateEntries(run.documents, { similar: 0 }).items;
}

const questionOf = (items: readonly GeneratedEntry[], heading: string): string | undefined => items.find((i) => i.entry.source?.headingPath.at(-1) === heading)?.entry.question;
const questionsUnder = (items: readonly GeneratedEntry[], heading: string): string[] =>
  items.filter((i) => i.entry.source?.headingPath.at(-1) === heading).flatMap((i) => [i.entry.question, ...i.entry.similar]);

describe("a virtual-goods shop's headings", () => {
  it.each([
    // a trouble the customer has: what to do (were …是什么？)
    ['三、充错号码', '充错号码怎么办？'],
    ['五、会员未生效', '会员未生效怎么办？'],
    ['激活码无法激活', '激活码无法激活怎么办？'],
    // the causes of a trouble (was 如何兑换失败的常见原因？: 兑换 read as a task)
    ['七、兑换失败的常见原因', '兑换失败是什么原因？'],
    // which devices a service takes (was 支持的设备是什么？)
    ['八、支持的设备', '支持哪些设备？'],
    // a way of doing named as a noun (was 会员的开通是什么？)
    ['九、会员的开通', '会员怎么开通？'],
  ])('%s → %s', async (heading, question) => {
    expect(questionOf(await shop(), heading)).toBe(question);
  });

  // (review, 2026-11-27: the way-of-doing rule read a manner as the thing done — 在线激活 → 在线怎么激活？)
  it.each([
    ['在线激活', '如何在线激活？'],
    ['电话激活', '如何电话激活？'],
    ['自动充值', '如何自动充值？'],
    ['快速开通', '如何快速开通？'],
    ['线下核销', '如何线下核销？'],
    ['首次充值', '首次充值有什么规定？'],
    // what is not done: which cases (was 不支持怎么退款？)
    ['不支持退款', '哪些情况不支持退款？'],
    // the reasons a customer gives are no trouble's causes (was 退货是什么原因？); two states are no problem (was 临期与过期怎么办？)
    ['退货原因', '退货原因有哪些？'],
    ['临期与过期', '临期与过期有什么规定？'],
    // a way of doing named by its object stays (话费怎么充值？), and a trouble's causes (兑换失败是什么原因？)
    ['话费充值', '话费怎么充值？'],
    ['充值失败原因', '充值失败是什么原因？'],
    ['电子券过期', '电子券过期怎么办？'],
  ])('heading %s → %s', (heading, question) => {
    expect(generateQuestions({ headingPath: ['充值规则', heading], text: '具体以页面提示为准，如有疑问请联系客服。', language: 'zh' })[0]?.question).toBe(question);
  });

  it('asks 自动续费 as a rule, not as a fee (was 自动续费是多少？ / 自动续费由谁承担？)', async () => {
    const asked = questionsUnder(await shop(), '六、自动续费');
    expect(asked[0]).toBe('自动续费是什么？');
    expect(asked.filter((q) => /自动续费(?:是多少|由谁承担)/u.test(q))).toEqual([]);
  });

  it('asks which numbers a top-up does not take (不支持充值的号码 → 哪些号码不支持充值？)', () => {
    const [first] = generateQuestions({ headingPath: ['充值规则', '五、不支持充值的号码'], text: '虚拟运营商号码、物联网卡无法充值，充值失败的自动退款。', language: 'zh' });
    expect(first?.question).toBe('哪些号码不支持充值？');
  });
});

describe("a virtual-goods shop's time limits", () => {
  it('asks a list item’s time about its subject (流量包多久生效？, Q币直充多久到账？), not 生效需要多长时间？', async () => {
    const asked = generateQuestions({ headingPath: ['充值规则', '一、到账说明'], text: '（一）流量包：下单后48小时内生效。\n（二）Q币直充：一般2小时内到账。', language: 'zh' }).map((q) => q.question);
    expect(asked).toEqual(expect.arrayContaining(['流量包多久生效？', 'Q币直充多久到账？']));
    expect(asked.filter((q) => /^(?:生效|到账)需要多长时间？$/u.test(q))).toEqual([]);
    // the shop's document: the heading asks its own question, the items theirs
    expect(questionsUnder(await shop(), '一、到账时效')).toEqual(expect.arrayContaining(['流量包多久生效？', 'Q币直充多久到账？']));
  });

  it('asks how long a refund takes to arrive about the section’s refund (充值失败退款多久到账？), not 到账需要多长时间？', async () => {
    const asked = questionsUnder(await shop(), '二、充值失败退款');
    expect(asked).toContain('充值失败退款多久到账？');
    expect(asked).not.toContain('到账需要多长时间？');
  });

  it('asks a deadline one may act in as one (可在扣费后48小时内联系客服申请退还 → 多长时间内可以…？), not how long it takes', () => {
    const asked = generateQuestions({ headingPath: ['会员服务协议', '第三条 自动续费'], text: '忘记取消被自动扣费的，如未使用会员权益，可在扣费后48小时内联系客服申请退还当期费用。', language: 'zh' }).map((q) => q.question);
    expect(asked).toContain('多长时间内可以联系客服申请退还当期费用？');
    expect(asked.filter((q) => q.endsWith('需要多长时间？'))).toEqual([]);
  });

  it('asks no step or case label how long it takes (第一步多久审核？, 情况一多久到账？): the label names no subject', () => {
    const asked = (heading: string, text: string): string[] => generateQuestions({ headingPath: ['退款说明', heading], text, language: 'zh' }).map((q) => q.question);
    const steps = asked('退款流程', '第一步：提交退款申请后，客服将在24小时内审核。\n第二步：审核通过后，退款3个工作日内到账。');
    const cases = asked('退款时效', '情况一：未发货订单，退款1小时内到账。\n情况二：已发货订单，退货签收后3个工作日内到账。');
    const ways = asked('退款方式', '方式1：原路退回，1-3个工作日内到账。\n步骤2：客服审核后24小时内回复。');
    const labelled = [...steps, ...cases, ...ways].filter((q) => /^(?:第[一二三四五六七八九十\d]+步|情况[一二三\d]|方式\d|步骤\d)/u.test(q));
    expect(labelled).toEqual([]);
    // a product's name before the colon still names the item (（一）流量包：下单后48小时内生效)
    expect(asked('到账说明', '流量包：下单后48小时内生效。')).toContain('流量包多久生效？');
  });

  it('asks no 不支持退款多久到账？ under a heading that says what is not refunded', () => {
    const asked = generateQuestions({ headingPath: ['充值规则', '不支持退款'], text: '已使用的卡密不支持退款。如充值失败，退款3个工作日内到账。', language: 'zh' }).map((q) => q.question);
    expect(asked.filter((q) => /^(?:不支持|不予|无法)退款多久/u.test(q))).toEqual([]);
    // a heading that names the refund keeps it (充值失败退款多久到账？ above)
    expect(generateQuestions({ headingPath: ['充值规则', '拒绝退款'], text: '超过48小时的，退款3个工作日内到账。', language: 'zh' }).map((q) => q.question).filter((q) => q.startsWith('拒绝退款多久'))).toEqual([]);
  });

  it('keeps a notice label out of the question (温馨提示：3个工作日内到账 is no 温馨提示 that arrives)', () => {
    const asked = generateQuestions({ headingPath: ['退款说明', '退款'], text: '温馨提示：退款3个工作日内到账。', language: 'zh' }).map((q) => q.question);
    expect(asked.filter((q) => q.includes('温馨提示'))).toEqual([]);
  });
});

describe("a virtual-goods shop's how-to questions", () => {
  const asked = (heading: string, text: string): string[] => generateQuestions({ headingPath: ['会员服务协议', heading], text, language: 'zh' }).map((q) => q.question);

  it('asks each way of doing the item’s task (微信支付怎么取消自动续费？), not 微信支付怎么办？', () => {
    const q = asked('第三条 自动续费', '（二）取消自动续费：微信支付的，打开微信-我-服务-钱包-支付设置-自动续费，找到对应项目关闭。');
    expect(q).toContain('微信支付怎么取消自动续费？');
    expect(q).not.toContain('微信支付怎么办？');
  });

  it('asks the step a login leads to (如何申请电子发票？), not 如何登录运营商APP？', () => {
    const q = asked('七、发票', '话费充值的发票由运营商开具，请登录运营商APP申请电子发票，本店不重复开具。');
    expect(q).toContain('如何申请电子发票？');
    expect(q).not.toContain('如何登录运营商APP？');
  });

  it('asks no 如何登录游戏？ of an instruction to log in again and look (到账后请重新登录游戏查看)', () => {
    expect(asked('一、到账时间', '游戏直充一般即时到账。到账后请重新登录游戏或切换角色查看。')).not.toContain('如何登录游戏？');
  });
});

// The virtual-goods words are query expansions everywhere, but in a sentence they are no other word of
// their group: an appliance shop's 几台 is no 几个人, its 序列号 no 激活码, a 儿童座椅 no 未成年人座椅
// (review of the virtual-goods trial, 2026-11-27: an appliance page got 一次最多可以购买几个人有什么规定？).
describe("the virtual-goods words in an ordinary shop's similar questions", () => {
  const swapped = (question: string): string[] => similarCandidates(question, { kinds: ['synonym'] });

  it.each([
    ['这款空调可以装几台？', /几个人|同时在线|同时登录|几台设备/u],
    ['一次最多可以购买几台', /几个人|同时在线|同时登录/u],
    ['安装需要几个人？', /几台|同时在线|同时登录/u],
    ['保修需要提供序列号吗？', /激活码|产品密钥|注册码/u],
    ['产品序列号在哪里查看？', /激活码|产品密钥|注册码/u],
    ['儿童座椅怎么安装？', /未成年|小孩座椅|孩子座椅|小朋友座椅/u],
    ['儿童安全锁是什么？', /未成年|小孩|孩子|小朋友/u],
    ['孩子过敏怎么办？', /未成年/u],
    ['安装时需要家长在场吗？', /监护人|父母/u],
    ['话费未到账怎么办？', /没收到钱/u],
  ])('%s asks nothing of %s', (question, wrong) => {
    expect(swapped(question).filter((q) => wrong.test(q))).toEqual([]);
  });

  it('still says a top-up that has not arrived in the customer’s words (话费未到账 → 话费没到账)', () => {
    expect(swapped('话费未到账怎么办？')).toContain('话费没到账怎么办？');
  });

  it("an appliance shop's page asks of its units, serial numbers and children in its own words", async () => {
    const run = await ingestPaths([join(ROOT, 'fixtures/generate-ordinary-shop/售后服务.md')]);
    const asked = generateEntries(run.documents, { similar: 8 }).entries.flatMap((e) => [e.question, ...e.similar]);
    expect(asked.filter((q) => /几个人|同时在线|同时登录|几台设备|激活码|产品密钥|注册码|未成年|监护人/u.test(q))).toEqual([]);
  });

  it('a heading that asks how many (一次最多可以购买几台) is asked as it is, not as 一次最多可以购买几台是什么？', async () => {
    const run = await ingestPaths([join(ROOT, 'fixtures/generate-ordinary-shop/售后服务.md')]);
    const questions = generateEntries(run.documents, { similar: 0 }).entries.map((e) => e.question);
    expect(questions).toContain('一次最多可以购买几台？');
    expect(questions.filter((q) => q.startsWith('一次最多可以购买几台') && q !== '一次最多可以购买几台？')).toEqual([]);
  });
});
