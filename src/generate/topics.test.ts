// Sections whose heading is only a topic (水果储存, 冷链包装, 换货, 瑕疵品換貨, Warranty periods): user trials
// (2026-11-27) found them asked "X是什么？" / "What are X?" — 水果储存是什么？, 换货是什么？ — questions no
// customer asks and an editor rewrites in kb review. They now ask what a customer asks about such a topic,
// by its kind and what the text says; a topic the text defines keeps "X是什么？" (fixtures/generate-topics/).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { generateEntries, generateQuestions, type GeneratedEntry } from './index.js';

const DIR = join(import.meta.dirname, '../../fixtures/generate-topics');

async function entries(): Promise<GeneratedEntry[]> {
  const run = await ingestPaths(readdirSync(DIR).map((f) => join(DIR, f)));
  return generateEntries(run.documents, { similar: 5 }).items;
}

/** Each section's main question and its first similar one, by its last heading. */
async function asked(): Promise<Map<string, [string, string | undefined]>> {
  return new Map((await entries()).map((i) => [i.entry.source?.headingPath.at(-1) ?? '', [i.entry.question, i.entry.similar[0]]]));
}

describe('a topic heading asks what a customer asks about it', () => {
  it('asks a way of doing how (水果储存 → 水果怎么储存？, 换货 → 怎么换货？), keeping 是什么 as a similar question', async () => {
    const q = await asked();
    expect(q.get('一、水果储存')).toEqual(['水果怎么储存？', '水果储存是什么？']);
    expect(q.get('二、冷链包装')).toEqual(['冷链商品怎么包装？', '冷链包装是什么？']);
    expect(q.get('三、缺斤少两处理')?.[0]).toBe('缺斤少两怎么处理？');
    expect(q.get('八、换货')?.[0]).toBe('怎么换货？');
  });

  it('asks a scope which places, a requirement what it requires, a reminder what to mind', async () => {
    const q = await asked();
    expect(q.get('四、配送范围')?.[0]).toBe('哪些地区可以配送？');
    expect(q.get('五、拍照要求')?.[0]).toBe('拍照有什么要求？');
    expect(q.get('六、食用提醒')?.[0]).toBe('食用要注意什么？');
  });

  it('keeps 是什么 for a topic the text defines (保鲜期是指…)', async () => {
    expect((await asked()).get('七、保鲜期')?.[0]).toBe('保鲜期是什么？');
  });

  it('asks a traditional Chinese document in its own script (瑕疵品怎麼換貨？, was 瑕疵品換貨是什麼？)', async () => {
    const q = await asked();
    expect(q.get('一、鑑賞期')).toEqual(['鑑賞期是多久？', '鑑賞期是什麼？']);
    expect(q.get('二、瑕疵品換貨')).toEqual(['瑕疵品怎麼換貨？', '瑕疵品換貨是什麼？']);
    // a warranty over a period the text states: how long (保固期為六個月)
    expect(q.get('三、電池保固')?.[0]).toBe('電池保固多久？');
  });

  it('asks English topics by kind: a period how long, a place the text sends to, a kind of process how it works', async () => {
    const q = await asked();
    expect(q.get('Warranty periods')).toEqual(['How long are the warranty periods?', 'What are the warranty periods?']);
    expect(q.get('PO boxes')).toEqual(['Do you deliver to PO boxes?', 'What are PO boxes?']);
    expect(q.get('Express replacement')?.[0]).toBe('How does express replacement work?');
    // defined in the text (The cooling-off period is …): asked what it is
    expect(q.get('Cooling-off period')?.[0]).toBe('What is the cooling-off period?');
  });

  // heading path, the section's text, the question asked first
  const sections: readonly (readonly [string[], string, string])[] = [
    // a warranty of a part without a period: how it is given (电池保修吗？ lost a service centre's 手表电池保修多久)
    [['保修政策', '五、电池的保修'], '电池鼓包、无法充电的，可以免费更换。', '电池怎么保修？'],
    [['保修政策', '第二条 保修范围'], '非人为原因造成的性能故障，凭购买凭证可免费维修。', '哪些情况在保修范围内？'],
    [['保修政策', '一、适用范围'], '本政策适用于在官方商城购买的星辰品牌手机、笔记本电脑等全部产品。', '适用于哪些产品？'],
    [['保修政策', '一、适用范围'], '本政策适用于在官方商城及授权门店购买的星辰品牌手机、笔记本电脑、平板电脑、智能手表及原装配件。', '适用于哪些产品？'],
    [['会员规则', '一、适用范围'], '本规则自2027年1月1日起施行。', '适用范围包括哪些？'],
    [['退货政策', '（一）七天无理由退货'], '签收之日起7天内，商品未安装的，支持七天无理由退货。', '如何申请七天无理由退货？'],
    [['保修政策', '保修期后维修'], '超过保修期的产品可付费维修。', '保修期后怎么维修？'],
    [['安装说明', '安装前准备'], '1. 确认安装位置有专用插座。', '安装前要准备什么？'],
    // a service at the door: whether one gets it
    [['配送说明', '三、大家电送货入户'], '大家电默认送货入户，送货前物流会电话预约。', '大家电可以送货入户吗？'],
    [['配送说明', '四、退货上门取件'], '无理由退货的大家电由物流上门取件，每件80元。', '退货可以上门取件吗？'],
    // a standard of a way of doing or of a fee: how (质量标准, neither, stays a topic)
    [['售后规则', '四、坏果赔付标准'], '本店按坏果比例进行赔付。', '坏果怎么赔付？'],
    [['配送说明', '二、运费标准'], '订单满99元免运费；不满99元收取8元运费。', '运费怎么收？'],
    [['说明', '质量标准'], '本店商品符合国家标准。', '质量标准是什么？'],
    // steps under a task heading: how to do the task
    [['安装与维修说明', '一、空调安装', '安装步骤'], '1. 师傅上门核对机型。', '空调怎么安装？'],
  ];
  it.each(sections)('asks %j by its kind of topic', (headingPath, text, question) => {
    expect(generateQuestions({ headingPath, text })[0]?.question).toBe(question);
  });
});
