import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { headingAsTopic, pairWithFacetTopic, qualifyQuestion } from './facets.js';
import { generateEntries } from './index.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/generate-facets');

describe('facet headings', () => {
  it('reads a heading as a topic: no numbering, colon, parent before a colon, or 细则 / policy', () => {
    expect(headingAsTopic('二．食品饮料类商品退换货细则：')).toBe('食品饮料类商品退换货');
    expect(headingAsTopic('退换货政策细则：家电类商品退换货细则')).toBe('家电类商品退换货');
    expect(headingAsTopic('生鲜类商品售后服务细则')).toBe('生鲜类商品售后服务');
    expect(headingAsTopic('Large appliances return policy')).toBe('Large appliances return');
    expect(headingAsTopic('政策')).toBe('政策');
  });

  it('names the topic in a question: run on, possessive, after a question word, or with a comma', () => {
    expect(qualifyQuestion('退换货需要多长时间？', '家电类商品退换货', '退换货时限', 'zh')).toBe('家电类商品退换货需要多长时间？');
    expect(qualifyQuestion('注意事项是什么？', '家电类商品退换货', '注意事项', 'zh')).toBe('家电类商品退换货的注意事项是什么？');
    expect(qualifyQuestion('如何处理？', '家电类商品退换货', '处理流程', 'zh')).toBe('家电类商品退换货如何处理？');
    expect(qualifyQuestion('签收后的商品可以退货吗？', '生鲜类商品售后服务', '注意事项', 'zh')).toBe('生鲜类商品售后服务，签收后的商品可以退货吗？');
    expect(qualifyQuestion('家电类商品退换货需要多长时间？', '家电类商品退换货', '退换货时限', 'zh')).toBe('家电类商品退换货需要多长时间？');
    expect(qualifyQuestion('What is the return window?', 'Electronics Returns', 'Return window', 'en')).toBe('What is the return window for electronics returns?');
    expect(qualifyQuestion('Can I return an opened item?', 'Large appliances', 'Conditions', 'en')).toBe('Large appliances: can I return an opened item?');
  });

  it('gives each category its own questions where every category repeats the same headings', async () => {
    const run = await ingestPaths([FIXTURE]);
    const { entries } = generateEntries(run.documents, { similar: 0 });
    const of = (category: string, facet: string) => entries.find((e) => e.source?.headingPath.some((h) => h.includes(category)) && e.source.headingPath.at(-1) === facet);
    expect(entries).toHaveLength(9);
    expect(of('家电', '退换货时限')?.question).toBe('家电类商品退换货需要多长时间？');
    expect(of('食品饮料', '注意事项')?.question).toBe('食品饮料类商品退换货有哪些注意事项？');
    expect(of('服饰鞋帽', '处理流程')?.question).toBe('服饰鞋帽类商品退换货如何处理？');
    // every question names its category first; the questions as they were follow as similar
    // questions (a customer who names no category asks them too); the heading path stays as it is
    for (const e of entries) {
      const category = /(家电|食品饮料|服饰鞋帽)类商品/u.exec(e.source?.headingPath.join(' / ') ?? '')?.[0] ?? '';
      expect(category).not.toBe('');
      expect(e.question).toContain(category);
      const plain = e.similar.findIndex((q) => !q.includes(category));
      expect(plain).toBeGreaterThan(0);
      expect(e.similar.slice(plain).every((q) => !q.includes(category) || q.includes(' / '))).toBe(true);
    }
    expect(of('家电', '退换货时限')?.similar).toContain('退换货需要多长时间？');
    expect(new Set(entries.map((e) => e.question)).size).toBe(entries.length);
  });

  it('asks the rows of a table each product repeats naming the product, the row as it asks kept as a similar question', async () => {
    const run = await ingestPaths([join(FIXTURE, '../generate-facets-products')]);
    const { entries } = generateEntries(run.documents, { similar: 0 });
    const asked = (q: string) => entries.filter((e) => e.question === q).map((e) => e.similar);
    // before, both products asked 重量是多少？ and 无法开机怎么办？: an editor saw two entries with one question
    expect(asked('小净X1扫地机器人的重量是多少？')).toEqual([['重量是多少？']]);
    expect(asked('清风Y2空气净化器的重量是多少？')).toEqual([['重量是多少？']]);
    expect(asked('小净X1扫地机器人，无法开机怎么办？')).toEqual([['无法开机怎么办？']]);
    expect(asked('清风Y2空气净化器，出风有异味怎么办？')).toEqual([['出风有异味怎么办？']]);
    expect(asked('What is the battery life of the Pulse Watch 2?')).toEqual([['What is the battery life?']]);
    expect(asked('What is the weight of the AirLite Pro Earbuds?')).toEqual([['What is the weight?']]);
    // a table headed 参数 | 数值 right under each product's heading, two rows in one (a smoke test:
    // 小净X1扫地机器人是什么？ with 重量的数值是什么？ among its similar questions; X3 and X5 here)
    expect(asked('小净X5扫地机器人的续航是多少？')).toEqual([['续航是多少？']]);
    expect(asked('小净X3扫地机器人的尘盒容量是多少？')).toEqual([['尘盒容量是多少？']]);
    expect(entries.some((e) => [e.question, ...e.similar].some((q) => q.includes('数值')))).toBe(false);
    const questions = entries.map((e) => e.question);
    expect(new Set(questions).size).toBe(questions.length);
  });

  it('keeps a product name as the heading writes it', () => {
    const facet = { topic: 'AirLite Pro Earbuds', facet: 'Specifications', noticeOnly: false };
    expect(pairWithFacetTopic('What is the charging time?', facet, 'en')).toBe('What is the charging time of the AirLite Pro Earbuds?');
    expect(pairWithFacetTopic('How do I reset?', facet, 'en')).toBe('AirLite Pro Earbuds: how do I reset?');
    expect(qualifyQuestion('What is the return window?', 'Pulse Watch 2', 'Returns', 'en')).toBe('What is the return window for Pulse Watch 2?');
    expect(pairWithFacetTopic('额定功率是多少？', { topic: '清风Y2空气净化器', facet: '规格参数', noticeOnly: false }, 'zh')).toBe('清风Y2空气净化器的额定功率是多少？');
  });
});
