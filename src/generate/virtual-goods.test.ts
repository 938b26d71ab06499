// A virtual-goods shop's rules (fixtures/virtual-goods): phone and game top-ups, memberships with
// automatic renewal, card codes and licence keys (user trial, 2026-11-27). Each test names a question
// an editor had to rewrite.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { ROOT } from '../test-support/kb.js';
import { generateEntries, generateQuestions, type GeneratedEntry } from './index.js';

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

  it('keeps a notice label out of the question (温馨提示：3个工作日内到账 is no 温馨提示 that arrives)', () => {
    const asked = generateQuestions({ headingPath: ['退款说明', '退款'], text: '温馨提示：退款3个工作日内到账。', language: 'zh' }).map((q) => q.question);
    expect(asked.filter((q) => q.includes('温馨提示'))).toEqual([]);
  });
});
