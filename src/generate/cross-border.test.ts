// A cross-border import (跨境进口) shop's buying notes (fixtures/cross-border; user trial, 2026-11-28): what kb
// asked of its sections before. Each case names the question it wrote.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { generateEntries, type GeneratedEntry } from './index.js';

const DIR = join(import.meta.dirname, '../../fixtures/cross-border');
let entries: GeneratedEntry[];

beforeAll(async () => {
  const run = await ingestPaths([join(DIR, '跨境购物说明.md')]);
  entries = generateEntries(run.documents, { similar: 5 }).items;
});

// (a section that is gone fails here: an empty list would pass every "asks nothing of" case below)
const asked = (heading: string): string[] => {
  const e = entries.find((i) => i.entry.source?.headingPath.at(-1) === heading)?.entry;
  if (e === undefined) throw new Error(`no entry under ${heading} in fixtures/cross-border`);
  return [e.question, ...e.similar];
};

describe("a cross-border shop's sections ask what its customers ask", () => {
  it('reads 后方可 as only then, no party with rights (was 订单须经海关清关后方有哪些权利？)', () => {
    expect(asked('一、发货与清关').some((q) => /后方(?:有哪些权利|可以)/u.test(q))).toBe(false);
  });

  it("ends what is not offered at a list's colon (was 哪些商品不支持无理由退货：海外直邮商品？)", () => {
    expect(asked('二、退货规则')).toContain('哪些商品不支持无理由退货？');
    expect(asked('二、退货规则').some((q) => /[：:]/u.test(q))).toBe(false);
  });

  it('asks nothing of what the customer need not do (无需另外支付任何税费 asked 如何支付任何税费？)', () => {
    expect(asked('三、税费').some((q) => q.includes('支付任何税费'))).toBe(false);
  });

  it('reads 十八周岁 as an age, no eighteen weeks (was 岁的未成年人销售酒水需要多长时间？)', () => {
    expect(asked('四、酒水').some((q) => q.startsWith('岁') || q.includes('多长时间'))).toBe(false);
  });
});
