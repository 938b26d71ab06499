// Questions two content editors of a small shop had to rewrite (user test, 2026-11-26): a return policy
// under its title, a delivery page numbered 一、（一）1., a warranty page with a table
// (fixtures/generate-editors/). Each test names the question they got before.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { generateEntries, generateQuestions, keywordForm, type GeneratedEntry } from './index.js';

const DIR = join(import.meta.dirname, '../../fixtures/generate-editors');

async function shop(): Promise<GeneratedEntry[]> {
  const run = await ingestPaths(readdirSync(DIR).map((f) => join(DIR, f)));
  return generateEntries(run.documents, { similar: 5 }).items;
}

const entryUnder = (items: readonly GeneratedEntry[], heading: string): GeneratedEntry | undefined => items.find((i) => i.entry.source?.headingPath.at(-1) === heading);
const questionsUnder = (items: readonly GeneratedEntry[], heading: string): string[] => {
  const e = entryUnder(items, heading)?.entry;
  return e === undefined ? [] : [e.question, ...e.similar];
};
const allQuestions = (items: readonly GeneratedEntry[]): string[] => items.flatMap((i) => [i.entry.question, ...i.entry.similar]);

describe('questions an editor need not rewrite', () => {
  it('asks no step of a request that is then submitted (退货申请提交后 gave 如何退货申请？ and 如何申请提交？)', () => {
    // a smoke test: the customer's 如何退货申请 then found 不想退了怎么办 at 0.96
    const asked = generateQuestions({ headingPath: ['退货说明', '四、不想退了怎么办'], text: '退货申请提交后、商品寄出前，可以在售后详情页点击“撤销申请”。' }).map((q) => q.question);
    expect(asked.filter((q) => /^如何(?:退货申请|申请提交)/u.test(q))).toEqual([]);
    // a step is still a step
    expect(generateQuestions({ headingPath: ['售后', '退货'], text: '请在订单页申请退货，填写原因后提交。' }).map((q) => q.question)).toContain('如何申请退货？');
  });

  it('reads 即可 as enough and 原则上 as no one, not as a permission (常温阴凉通风处存放即可以，成熟后尽快食用吗？, 本店原则上可以受理吗？)', () => {
    const asked = generateQuestions({ headingPath: ['储存与食用指南', '一、水果储存'], text: '热带水果怕冷，请勿放入冰箱冷藏。常温阴凉通风处存放即可，成熟后尽快食用。' }).map((q) => q.question);
    expect(asked.filter((q) => /即可以|可以，/u.test(q))).toEqual([]);
    // 原则上 says how often, not who
    expect(generateQuestions({ headingPath: ['售后规则', '二、售后申请时效'], text: '超过24小时的，本店原则上不予受理。' }).map((q) => q.question)).toContain('本店可以受理吗？');
    // a permission is still one
    expect(generateQuestions({ headingPath: ['会员', '权益'], text: '会员可享受免费退换。' }).map((q) => q.question)).toContain('会员可以享受免费退换吗？');
  });

  it('asks how long what takes the time (即可催熟需要多长时间？, 加收冷链运费有时间限制吗？ before)', () => {
    const ripen = generateQuestions({ headingPath: ['储存与食用指南', '二、催熟方法'], text: '和苹果一起放进塑料袋里，常温放置1-3天即可催熟。' }).map((q) => q.question);
    expect(ripen).toContain('催熟需要多长时间？');
    expect(ripen.filter((q) => q.startsWith('即可'))).toEqual([]);
    // a need named after the time is no task the time is for
    const areas = generateQuestions({ headingPath: ['冷链配送说明', '二、配送范围'], text: '东北三省、西北地区：3-4天送达，海鲜冷冻类可能需要加收冷链运费。' }).map((q) => q.question);
    expect(areas.filter((q) => q.includes('有时间限制'))).toEqual([]);
    // …one named before it still is
    expect(generateQuestions({ headingPath: ['发票', '更换抬头'], text: '如需更换抬头，应当在三十日内提出。' }).map((q) => q.question)).toContain('更换抬头有时间限制吗？');
  });

  it('asks a fee heading what its text says: who pays, not how much (退货运费是多少？)', async () => {
    const items = await shop();
    expect(entryUnder(items, '一、退货运费')?.entry.question).toBe('退货运费由谁承担？');
    // the only amount is the insurance's payout (退货险…最高15元): no fee is asked how much
    expect(questionsUnder(items, '一、退货运费').filter((q) => /运费是多少/u.test(q))).toEqual([]);
    // a text that names an amount and nobody who pays asks how much
    expect(generateQuestions({ headingPath: ['配送说明', '运费'], text: '不满99元收取运费8元。' })[0]?.question).toBe('运费是多少钱？');
  });

  it('asks a kind of goods about its parent heading’s topic and a benefit heading which ones (普通商品是什么？, 会员权益是什么？)', async () => {
    const items = await shop();
    expect(entryUnder(items, '（一）生鲜商品')?.entry.question).toBe('生鲜商品的运费标准是什么？');
    expect(entryUnder(items, '（二）会员权益')?.entry.question).toBe('会员有哪些权益？');
    expect(allQuestions(items)).not.toEqual(expect.arrayContaining(['生鲜商品是什么？']));
    expect(allQuestions(items)).not.toEqual(expect.arrayContaining(['会员权益是什么？']));
  });

  it('asks a policy title what its opening lines say, naming the policy for 本政策 (小橙优选退换货政策是什么？)', async () => {
    const items = await shop();
    const title = entryUnder(items, '青禾生活售后政策')?.entry;
    expect(title?.question).toBe('青禾生活售后政策适用于哪些商品？');
    expect(title?.similar).toContain('青禾生活售后政策是什么？');
  });

  it('asks headings as customers do: which cases, how to do a task named object first, how long until it arrives, how long a service lasts', async () => {
    const items = await shop();
    const headings = ['一、不属于保修的情况', '（一）物流查询', '三、换货办理', '二、退款到账', '（二）签收注意事项', '二、保修期限'];
    expect(headings.map((h) => entryUnder(items, h)?.entry.question)).toEqual(['哪些情况不属于保修？', '如何查询物流？', '如何办理换货？', '退款多久到账？', '签收有哪些注意事项？', '保修期是多久？']);
  });

  it('writes no broken procedure or time question (如何退货申请中？, 如何退回至？, 将商品寄回需要多长时间？)', async () => {
    const items = await shop();
    const all = allQuestions(items);
    expect(all.filter((q) => /^(?:如何|怎么)\p{Script=Han}{2}(?:申请中|至|了)？$/u.test(q))).toEqual([]);
    // 在退货申请中填写运费金额: the action is what is done in the form
    expect(questionsUnder(items, '一、退货运费')).toContain('如何填写运费金额？');
    // a case whose clause is a time asks how long (was 退回储蓄卡怎么办？)
    expect(questionsUnder(items, '二、退款到账')).toEqual(expect.arrayContaining(['原路退回至微信零钱多久到账？', '退回储蓄卡多久到账？']));
    expect(all.filter((q) => /储蓄卡怎么办/u.test(q))).toEqual([]);
    // 将商品寄回 → 寄回商品; 请在24小时内联系客服 is a time to keep, not how long contacting takes
    expect(questionsUnder(items, '三、换货办理')).toContain('寄回商品需要多长时间？');
    expect(questionsUnder(items, '（二）签收注意事项')).toContain('多长时间内要联系客服？');
    expect(all.filter((q) => /^将|联系客服需要多长时间/u.test(q))).toEqual([]);
  });

  it('asks a table column of durations how long, borrowing the service a part column leaves out (小家电的主要部件是什么？)', async () => {
    const items = await shop();
    const warranty = questionsUnder(items, '二、保修期限');
    expect(warranty).toEqual(expect.arrayContaining(['厨房电器整机保修多久？', '厨房电器核心部件保修多久？']));
    expect(warranty.filter((q) => /核心部件是什么/u.test(q))).toEqual([]);
  });

  it('keeps keyword forms a customer would type: no generic word, no single short word, no phrase cut at a preposition', async () => {
    expect(keywordForm('配送范围有什么规定？', 'zh')).toBe('配送范围');
    expect(keywordForm('审核需要多长时间？', 'zh')).toBeUndefined();
    expect(keywordForm('本政策适用于哪些商品？', 'zh')).toBeUndefined();
    expect(keywordForm('哪些情况不属于保修？', 'zh')).toBe('不属于保修');
    const keywords = allQuestions(await shop()).filter((q) => !/[？?]/u.test(q) && !q.includes(' / ') && !q.startsWith('我想问'));
    expect(keywords.length).toBeGreaterThan(0);
    expect(keywords.filter((k) => /(?:^| )规定$|^\p{Script=Han}{2}$/u.test(k))).toEqual([]);
  });
});
