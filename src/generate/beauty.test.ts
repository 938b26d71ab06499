// A beauty and apparel shop's documents as a user test found them (2026-11-27, u7): a points policy of
// 第X章 / 第X条 articles, a return policy, an allergy page, size charts and care notes in HTML and an FAQ
// sheet (fixtures/generate-beauty/). Each test names the question the shop got before.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { generateEntries, generateQuestions, similarCandidates, type GeneratedEntry } from './index.js';

const DIR = join(import.meta.dirname, '../../fixtures/generate-beauty');

async function shop(): Promise<{ items: GeneratedEntry[]; questionsDropped: number }> {
  const run = await ingestPaths(readdirSync(DIR).map((f) => join(DIR, f)));
  const { items, stats } = generateEntries(run.documents, { similar: 5 });
  return { items, questionsDropped: stats.questionsDropped };
}

const under = (items: readonly GeneratedEntry[], heading: string): GeneratedEntry | undefined => items.find((i) => i.entry.source?.headingPath.at(-1) === heading);
const questionsOf = (item: GeneratedEntry | undefined): string[] => (item === undefined ? [] : [item.entry.question, ...item.entry.similar]);
const zh = (headingPath: string[], text: string): string[] => generateQuestions({ headingPath, text }).map((g) => g.question);

describe('a beauty and apparel shop’s documents', () => {
  it('keeps no how-to question that drops what its section is about when an entry about it competes (色差 asked 如何退货？)', async () => {
    const { items, questionsDropped } = await shop();
    // the rule still reads 以色差为由退货 as a step …
    expect(zh(['化妆品过敏与保质期说明', '关于色差'], '轻微色差不属于质量问题，已拆封的彩妆不能以色差为由退货。')).toContain('如何退货？');
    // … and the gate leaves it to the FAQ row 支持七天无理由退货吗？
    expect(questionsOf(under(items, '关于色差')).filter((q) => /^(?:如何|怎么|怎样|咋)(?:退货|退回|退还)/u.test(q))).toEqual([]);
    expect(questionsDropped).toBeGreaterThan(0);
    // a how-to question that names what its section is about stays
    expect(questionsOf(under(items, '五、赠品与优惠'))).toContain('如何退回赠品？');
  });

  it('asks no step of the shop’s doing or of a point in time (如何办理退货退款？, 如何退货揽收？)', async () => {
    const { items } = await shop();
    expect(questionsOf(under(items, '三、化妆品过敏处理')).filter((q) => q.includes('如何办理退货'))).toEqual([]);
    expect(questionsOf(under(items, '二、运费与运费险')).filter((q) => q.includes('揽收'))).toEqual([]);
  });

  it('reads a 第X条 article for what it says, never a fragment (系统将短信提醒需要多长时间？, 为会员日需要多长时间？)', async () => {
    const { items } = await shop();
    const first = (article: string): string | undefined => under(items, article)?.entry.question;
    expect(first('第一条')).toBe('XX旗舰店会员积分规则的目的是什么？');
    expect(first('第三条')).toBe('退款订单对应的积分会被扣回吗？');
    expect(first('第四条')).toBe('会员日是哪天？');
    expect(first('第五条')).toBe('积分可以转让吗？');
    expect(first('第六条')).toBe('积分有效期是多久？');
    expect(first('第七条')).toBe('会员等级有哪些？');
    expect(questionsOf(under(items, '第七条'))).toContain('怎么升级为银卡会员？');
    expect(first('第八条')).toBe('银卡会员有哪些权益？');
    const all = items.flatMap(questionsOf);
    expect(all.filter((q) => /系统将短信提醒|为会员日需要|对需要|银卡会需要|医院出需要/u.test(q))).toEqual([]);
  });

  it('asks a customer’s deadline whole (多长时间内要提供过敏部位照片？, was 提供过敏部位照片及二级以上医院出需要多长时间？)', async () => {
    const { items } = await shop();
    expect(questionsOf(under(items, '三、化妆品过敏处理'))).toContain('多长时间内要提供过敏部位照片？');
  });

  it('asks two topics what the rules are and makes no paraphrase that says a word twice (赠品与有哪些优惠？, 无理由退货退货是什么？)', async () => {
    const { items } = await shop();
    expect(under(items, '五、赠品与优惠')?.entry.question).toBe('赠品与优惠有什么规定？');
    expect(similarCandidates('七天无理由退换货是什么？').filter((q) => /无理由退货退/u.test(q))).toEqual([]);
    // a credit card is no bank card
    expect(similarCandidates('银行卡多久到账？').filter((q) => q.includes('信用卡'))).toEqual([]);
    expect(questionsOf(under(items, '四、退款时效'))).toContain('银行卡多久到账？');
  });

  it('asks a thing under an aspect about that aspect, and an instruction whether and how (羽绒服是什么？, 使用前请先做皮肤测试是什么？)', async () => {
    const { items } = await shop();
    expect(questionsOf(under(items, '羽绒服'))).toEqual(expect.arrayContaining(['羽绒服怎么洗护？', '羽绒服的洗护说明是什么？']));
    expect(under(items, '羽绒服')?.entry.question).toBe('羽绒服怎么洗护？');
    expect(under(items, '使用前请先做皮肤测试')?.entry.question).toBe('使用前需要做皮肤测试吗？');
  });

  it('asks every row of a size chart, sizes as customers say them (only XL was asked)', async () => {
    const { items } = await shop();
    const dress = questionsOf(under(items, '连衣裙尺码表'));
    for (const size of ['S', 'M', 'L', 'XL']) expect(dress).toContain(`连衣裙${size}码的胸围、腰围、裙长是多少？`);
    const jeans = questionsOf(under(items, '牛仔裤尺码表'));
    for (const size of [25, 26, 27, 28, 29]) expect(jeans).toContain(`牛仔裤${size}码的腰围、臀围、裤长是多少？`);
  });
});
