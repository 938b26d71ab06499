// A furniture and large-appliance shop's delivery rules (fixtures/furniture): its customers ask about
// stairs, old furniture and the delivery crew in their own words (user trial, 2026-11-27).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFromEntries } from '../build/index.js';
import { generateEntries, generateQuestions } from '../generate/index.js';
import { ingestPaths } from '../ingest/index.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { indexFromBytes } from '../runtime/load.js';
import type { Entry } from '../store/entry.js';
import { swappable } from './lexicon.js';
import { BUILD_TIMEOUT, ROOT, fixtureKb, topSection } from '../test-support/kb.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await fixtureKb(['fixtures/furniture/送装服务.md', 'fixtures/furniture/退换与保修.md']);
}, BUILD_TIMEOUT);

const top = (q: string): string => topSection(kb, q) ?? '(nothing)';

describe("a furniture shop's customers in their own words", () => {
  it.each([
    ['没电梯住6楼要加钱吗', '二、上楼费'],
    ['搬上楼收多少钱', '二、上楼费'],
    ['送货上楼收费吗 我家5楼', '二、上楼费'],
    ['车开不进小区要搬很远 加钱吗', '三、远距离搬运'],
    ['旧冰箱回收给多少钱', '四、以旧换新'],
    ['旧床能帮我拉走吗', '五、拆旧服务'],
    ['外箱破了能签收吗', '六、外包装破损'],
    ['师傅出发了还能改时间吗', '七、改约与空跑'],
    ['挂墙要打洞 收钱吗', '八、墙面打孔'],
    ['农村能送货上门吗', '九、偏远地区'],
    ['是送货的时候就装好吗', '一、送装一体'],
    ['冰箱拆了包装还能退吗', '一、已拆封商品退货'],
    ['沙发长度和描述的不一样', '二、尺寸与描述不符'],
    ['床短了5公分', '二、尺寸与描述不符'],
    ['酒店用的洗衣机保修吗', '三、商用不保修'],
    ['在哪里报修', '四、维修申请'],
    ['保修卡找不到了咋办', '五、保修凭证'],
  ])('%s → %s', (question, section) => {
    expect(top(question)).toBe(section);
  });
});

describe('a customer who opened the box (拆了), to FAQ rows that write 拆封 and 拆了包装', () => {
  it('finds the row about opened goods, not the one about activated goods that also asks …了还能退吗', async () => {
    const faq = (id: string, question: string, similar: string[], answer: string): Entry => ({ id, question, similar, answer, origin: 'faq', status: 'approved' });
    const built = await buildFromEntries(
      [
        faq('opened', '耳机拆封了还能退吗？', ['耳机拆了包装能退吗', '耳机开箱了可以退货吗'], '拆封后如无质量问题、不影响二次销售的可以退货，需扣除折旧费。'),
        faq('activated', '耳机激活了还能退吗？', ['耳机激活后能退货吗', '耳机开机了能退吗'], '激活后视为已使用，不支持七天无理由退货；有质量问题的仍可退换。'),
        faq('invoice', '耳机怎么开发票？', ['耳机能开专票吗'], '在订单详情中申请电子发票。'),
      ],
      {},
    );
    if (!built.ok) throw new Error('build failed');
    // with 拆了包装 a lexicon word, the row's similar question lost its 拆; a catalogue's 激活了还能退吗 rows then won
    const [first, second] = indexFromBytes(built.value.bytes).search('耳机盒子拆了还给退吗', { k: 2 });
    expect(first?.id).toBe('opened');
    expect(first!.score).toBeGreaterThan(second!.score); // not first on a tie: it matched 拆了 (拆了包装 as one word left a tie on 耳机 了还能退)
  });
});

describe("the similar questions of a furniture shop's rules", () => {
  it('swaps no word inside 搬运费 or 以旧换新 (were 搬邮费, 以旧换货) and asks about 楼层费 in the words customers use', async () => {
    const run = await ingestPaths([join(ROOT, 'fixtures/furniture/送装服务.md')]);
    const questions = generateEntries(run.documents, { similar: 5 }).items.flatMap((i) => [i.entry.question, ...i.entry.similar]);
    expect(questions.filter((q) => /搬邮费|搬快递费|以旧换货|以旧调换|以旧更换/u.test(q))).toEqual([]);
    expect(questions.some((q) => q.includes('以旧换新'))).toBe(true);
  });
});

describe("the questions of a delivery crew's fees", () => {
  const zh = (text: string): string[] => generateQuestions({ headingPath: ['送装服务', '搬运'], text, language: 'zh' }).map((q) => q.question);

  it('asks a crew fee by its own name (搬运费, 上楼费), not with the characters before it (was 离搬运费是多少钱？)', () => {
    const asked = zh('车辆无法到达楼下的，另收远距离搬运费每50米10元。');
    expect(asked).toContain('搬运费是多少钱？');
    expect(asked.filter((q) => /离搬运费|运费是多少/u.test(q) && !q.startsWith('搬运费'))).toEqual([]);
    expect(zh('无电梯的3楼起收取上楼费每层20元。')).toContain('上楼费是多少钱？');
  });

  it('asks how far ahead a notice is given (提前24小时联系客服), not how long the task takes', () => {
    expect(zh('如需改约，请至少提前24小时联系在线客服修改。')).toContain('需要提前多久联系在线客服修改？');
    expect(zh('如需改约，请至少提前24小时联系在线客服修改。').filter((q) => q.endsWith('需要多长时间？'))).toEqual([]);
    expect(zh('师傅会提前1天电话联系您预约送货时间。')).toContain('需要提前多久电话联系我预约送货时间？');
  });

  it('asks what a scope field under the title covers (适用范围：…等大件商品), naming the document', () => {
    const asked = generateQuestions({ headingPath: ['家居旗舰店配送安装说明'], text: '更新日期：2026年9月1日　　适用范围：本店销售的沙发、床垫、冰箱等大件商品', language: 'zh' }).map((q) => q.question);
    expect(asked[0]).toBe('家居旗舰店配送安装说明适用于哪些商品？');
    // a scope that names no kind of thing asks nothing of it
    expect(generateQuestions({ headingPath: ['配送说明'], text: '适用范围：全国（港澳台除外）。', language: 'zh' }).map((q) => q.question).filter((q) => q.includes('适用于'))).toEqual([]);
  });

  it('asks whether a service is offered without the 的 its clause ends in (不提供上门安装的，… was 提供上门安装的吗？)', () => {
    const asked = zh('偏远地区只送到乡镇自提点，不提供上门安装的，下单前请联系客服确认。');
    expect(asked).toContain('提供上门安装吗？');
    expect(asked.filter((q) => q.includes('的吗'))).toEqual([]);
  });

  it('says a week once: 7天无理由退货 never becomes 7天七天无理由', () => {
    expect(swappable('无理由退货', '七天无理由', '吗？', '可以7天')).toBe(false);
    expect(swappable('无理由退货', '七天无理由', '吗？', '可以')).toBe(true);
  });
});
