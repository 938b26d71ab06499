// A fresh-grocery (生鲜) shop's points rules and service page (fixtures/fresh-grocery; user trial, 2026-11-27):
// what kb asked of its sections before, and what a customer asks. The Word policy of the trial numbers its
// headings (2 售后申请时效 › 2.1 一般商品) under a title that is a paragraph of its own, as 积分与储值.md's
// headings stand under no title.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { generateEntries, type GeneratedEntry } from './index.js';
import { zhHeading } from './zh-heading.js';
import { zhTimeLimits } from './zh-time.js';

const DIR = join(import.meta.dirname, '../../fixtures/fresh-grocery');
let entries: GeneratedEntry[];

beforeAll(async () => {
  const run = await ingestPaths([join(DIR, '积分与储值.md'), join(DIR, '门店服务说明.md')]);
  entries = generateEntries(run.documents, { similar: 5 }).items;
});

const entry = (heading: string) => entries.find((i) => i.entry.source?.headingPath.at(-1) === heading)?.entry;
/** The time questions a sentence asks under a heading's topic. */
const times = (sentence: string, topic = '退款到账'): string[] => {
  const out: string[] = [];
  zhTimeLimits(sentence, topic, (q) => out.push(q));
  return out;
};
const asked = (heading: string): string[] => {
  const e = entry(heading);
  return e === undefined ? [] : [e.question, ...e.similar];
};

describe("a fresh-grocery shop's sections ask what its customers ask", () => {
  it('asks a topic named object first, verb last, how it is done (积分获取 → 积分怎么获取？, was 积分获取是什么？)', () => {
    expect(entry('1 积分获取')?.question).toBe('积分怎么获取？');
    expect(entry('十、优惠券领取')?.question).toBe('优惠券怎么领取？');
  });

  it('asks a sub-heading about its parent when no title stands above them (一般商品是什么？, 如何申请？ before)', () => {
    expect(entry('3.1 普通商品')?.question).toBe('普通商品的售后时效是多久？');
    expect(entry('3.2 申请方式')?.question).toBe('售后怎么申请？');
  });

  it('asks each topic of a heading that names two, after what its rules are (only 退款方式与到账时间有什么规定？ before)', () => {
    expect(asked('十一、退款方式与到账时间').slice(0, 3)).toEqual(['退款方式与到账时间有什么规定？', '如何退款？', '退款到账需要多长时间？']);
  });

  it('names the column of a row that is only an amount (10%以下需要寄回吗？ before, and 10%-50% asked nothing)', () => {
    expect(asked('5 赔付标准')).toEqual(expect.arrayContaining(['坏果20%以下需要寄回吗？', '坏果20%-50%需要寄回吗？', '坏果50%以上需要寄回吗？']));
  });

  it('asks a deadline counted from an event as a deadline, a delay how late, and a period its length', () => {
    // 请在签收后48小时内拍照申请售后 (拍照申请售后需要多长时间？ before)
    expect(asked('3.1 普通商品')).toContain('多长时间内要拍照申请售后？');
    // 配送可能延迟1-2天 (节假日配送需要多长时间？ before)
    expect(asked('4 节假日配送')).toContain('配送会延迟多久？');
    // 赠送金额有效期6个月 (asked nothing: a number after 期 was no time)
    expect(asked('2 储值卡')).toContain('赠送金额有效期是多久？');
    // 连续签到7天额外得5积分: days counted, no time a task takes (额外得5积分需要多长时间？ before)
    expect(asked('1 积分获取').filter((q) => q.includes('多长时间'))).toEqual([]);
  });

  it('asks no permission of what kind of thing something is (保温袋为可重复使用的环保袋: 门店保温袋为可以重复使用的环保袋吗？ before)', () => {
    expect(asked('十二、保温袋').length).toBeGreaterThan(0);
    expect(asked('十二、保温袋').filter((q) => q.includes('为可以'))).toEqual([]);
  });

  it('never calls a points expiry a shelf life (积分保质期是多久？ was a similar question)', () => {
    expect(asked('四、积分规则')).toContain('积分有效期是多久？');
    expect(entries.flatMap((i) => [i.entry.question, ...i.entry.similar]).filter((q) => q.includes('保质期'))).toEqual([]);
  });

  it('asks a way of doing of no parent that names no topic (常见问题 / 申请方式 asked 常见怎么申请？, review 2026-11-27)', () => {
    for (const parent of ['常见问题', '其他说明', '温馨提示', '注意事项', '特别说明', '基本规则', '相关规定', '联系我们', '其他须知']) {
      expect(zhHeading('申请方式', undefined, { text: '', parent })[0]).toBe('如何申请？');
    }
    expect(zhHeading('申请方式', undefined, { text: '', parent: '缺斤少两处理' })[0]).toBe('缺斤少两怎么申请？');
    expect(zhHeading('领取方式', undefined, { text: '', parent: '优惠券' })[0]).toBe('优惠券怎么领取？');
    expect(zhHeading('申请方式', undefined, { text: '', parent: '退货规定' })[0]).toBe('退货怎么申请？');
  });

  it('asks how a use is done, not how its manner is used (安全使用 asked 安全怎么使用？, review 2026-11-27)', () => {
    expect(zhHeading('安全使用', undefined, { text: '' })[0]).toBe('如何安全使用？');
    expect(zhHeading('正确使用', undefined, { text: '' })[0]).toBe('如何正确使用？');
    expect(zhHeading('积分使用', undefined, { text: '' })[0]).toBe('积分怎么使用？');
  });

  it("asks a bare way of doing after 与 of its first topic's object (积分获取与使用 asked 怎么使用？, review 2026-11-27)", () => {
    expect(zhHeading('积分获取与使用').slice(1, 3)).toEqual(['积分怎么获取？', '积分怎么使用？']);
    expect(zhHeading('补发与换货').slice(1, 3)).toEqual(['怎么补发？', '怎么换货？']);
  });

  it("asks the customer's deadline only of a 请 that asks them, not of 申请 (申请退款后1-3个工作日原路到账 asked 多长时间内要原路到账？, review 2026-11-27)", () => {
    expect(times('申请退款后1-3个工作日原路到账。')).toEqual(['原路到账需要多长时间？']);
    expect(times('提交申请后24小时内完成审核。')).toEqual(['完成审核需要多长时间？']);
    expect(times('请在签收后24小时内拍照申请售后。')).toEqual(['多长时间内要拍照申请售后？']);
  });

  it('asks how late what is late is, not the occasion cut in two (节假日期间发货顺延1-2天 asked 假日期间发货会顺延多久？, review 2026-11-27)', () => {
    expect(times('节假日期间发货顺延1-2天。')).toEqual(['发货会顺延多久？']);
    expect(times('如遇节假日顺延1天。')).toEqual(['节假日会顺延多久？']);
    expect(times('配送可能延迟1-2天。')).toEqual(['配送会延迟多久？']);
  });
});

describe('two tasks on one object in a heading', () => {
  it('asks each task of the object (订单查询与修改 asked 如何修改订单查询与？)', () => {
    expect(zhHeading('订单查询与修改')).toEqual(['如何查询订单？', '如何修改订单？', '订单查询与修改有什么规定？']);
    expect(zhHeading('发票申请和开具').slice(0, 2)).toEqual(['如何申请发票？', '如何开具发票？']);
    // one task is asked as before
    expect(zhHeading('物流查询')[0]).toBe('如何查询物流？');
  });
});
