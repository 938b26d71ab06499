// Questions content editors rejected in trials of session 31 (2026-11-27), on made-up text: fragments and
// restatements of the time-limit rule, capitals left inside English questions, page furniture in answers.
import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestPaths } from '../ingest/index.js';
import { generateEntries, isRevisionNote, sectionAnswer } from './index.js';
import { generateQuestions } from './questions.js';

const zh = (headingPath: string[], text: string): string[] => generateQuestions({ headingPath, text, language: 'zh' }).map((q) => q.question);
const timeRule = (headingPath: string[], text: string): string[] => generateQuestions({ headingPath, text, language: 'zh' }).filter((q) => q.rule === 'time-limit').map((q) => q.question);

describe('Chinese time limits ask about something', () => {
  it('asks a bare verb of the subject its clause names (包裹状态多久刷新？, was 刷新需要多长时间？)', () => {
    const asked = zh(['配送说明', '包裹追踪'], '包裹状态一般在出库后6小时内刷新，请耐心等待。');
    expect(asked).toContain('包裹状态多久刷新？');
    expect(asked).not.toContain('刷新需要多长时间？');
    expect(zh(['会员活动', '抽奖'], '礼品在活动结束后15个工作日内寄出。')).toContain('礼品多久寄出？');
  });

  it('asks a bare verb with no subject of the section (保价险多久到账？), or not at all', () => {
    expect(zh(['售后', '保价险说明'], '一般在审核通过后24小时内到账。')).toContain('保价险多久到账？');
    const none = zh(['会员', '积分规则与时间'], '一般在确认收货后24小时内到账。');
    // a page of questions names no topic (was 常见问题多久到账？)
    expect(zh(['常见问题'], '一般在审核通过后24小时内到账。').filter((q) => q.includes('多久'))).toEqual([]);
    // the customer and a modal are no subject (was 您需多久寄回？), and what the customer does by a deadline is asked
    // within how long (价格保护多长时间内可以申请？, was 价格保护多久申请？)
    expect(zh(['退货', '寄回地址'], '您需在申请通过后7天内寄回。').filter((q) => q.startsWith('您'))).toEqual([]);
    expect(zh(['售后', '价格保护'], '如商品降价，您可在签收后7天内申请。')).toContain('价格保护多长时间内可以申请？');
    // (a subject the clause names keeps 多久: the installer calls, no deadline of the customer's)
    expect(zh(['保修说明', '上门安装'], '签收后在订单页点击预约安装，师傅48小时内联系。')).toContain('师傅多久联系？');
    expect(none.filter((q) => q.endsWith('需要多长时间？'))).toEqual([]);
  });

  it('does not restate a heading that names a time (退货时效需要多长时间？ beside 退货时效是多久？)', () => {
    for (const heading of ['二、质保期限', '三、换货时效', '四、补发时间']) {
      expect(timeRule(['服务说明', heading], '整机保修两年，签收后即可申请。')).toEqual([]);
    }
  });

  it('reads 四周 before a placement as all around, no four weeks', () => {
    expect(zh(['电暖器说明书', '摆放要求'], '机身四周留出至少30厘米的空间，远离窗帘。').filter((q) => q.includes('多长时间') || q.includes('多久'))).toEqual([]);
  });

  it('keeps a verb that holds its object and a shop’s duty as they were (退款需要多长时间？)', () => {
    expect(zh(['售后', '退款'], '商家应当在七日内退款。')).toContain('退款需要多长时间？');
  });
});

const en = (headingPath: string[], text: string, tables?: string[][][]): string[] => generateQuestions({ headingPath, text, language: 'en', ...(tables !== undefined ? { tables } : {}) }).map((q) => q.question);

describe('English questions leave no capital inside them', () => {
  it('reads a table label in a sentence’s case with a hyphen or a number in lower case (How much is gift-wrapping per parcel?)', () => {
    const table = [['Service', 'Fee'], ['Gift-wrapping per parcel', '$4'], ['Storage after 14 days', '$20 per week'], ['Rush Delivery', '$15']];
    const asked = en(['Delivery Rules', 'Extra charges'], 'Service | Fee\nGift-wrapping per parcel | $4\nStorage after 14 days | $20 per week\nRush Delivery | $15', [table]);
    expect(asked).toContain('How much is gift-wrapping per parcel?');
    expect(asked).toContain('How much is storage after 14 days?');
    // two capitalized words may be a service's name
    expect(asked).toContain('How much is Rush Delivery?');
  });

  it('asks about what a page labelled … Information is about (How does delivery work?, was What is Delivery Information?)', () => {
    const asked = en(['Delivery Information'], 'We deliver Monday to Saturday. Orders placed before noon leave the same day.');
    expect(asked[0]).toBe('How does delivery work?');
    expect(asked.some((q) => /\bInformation\b/u.test(q))).toBe(false);
    // only after a service: Personal information is no page about "the personal", Order details none about "the order"
    expect(en(['Privacy Policy', 'Personal Information'], 'We collect your name and email address.')[0]).toBe('What is Personal Information?');
    expect(en(['Orders', 'Order details'], 'Each order page lists the items and the delivery address.')[0]).toBe('What are the order details?');
    expect(en(['Product safety', 'Safety information'], 'Keep small parts away from children.')[0]).toBe('What is safety information?');
    expect(en(['Products', 'Wedding details'], 'We cater weddings up to 200 guests.')[0]).toBe('What are the wedding details?');
  });

  it('times one word left of a title in lower case (How long does delivery take?, was …does Delivery take?)', () => {
    expect(en(['Delivery Policy'], 'Orders usually arrive within 3 to 5 business days.')).toContain('How long does delivery take?');
  });

  it('names a parent in a sentence’s case after of (…the tiers of saving with Pocketly?)', () => {
    const asked = en(['Saving with Pocketly', 'Tiers'], 'Bronze, Silver and Gold tiers earn more interest. Pocketly pays monthly.');
    expect(asked.some((q) => q.includes('of saving with Pocketly'))).toBe(true);
  });
});

describe('answers carry no page furniture', () => {
  const answers = async (markdown: string): Promise<string[]> => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-answer-'));
    await writeFile(join(dir, 'delivery.md'), markdown);
    const run = await ingestPaths([dir]);
    return generateEntries(run.documents, { similar: 0 }).items.map((i) => i.entry.answer);
  };

  it('leaves an update line out of a section’s answer (Last updated: 2 May 2026), and keeps a section that is only that', async () => {
    const [first] = await answers('# Delivery Policy\n\nLast updated: 2 May 2026\n\nWe deliver Monday to Saturday within 3 to 5 business days.\n');
    expect(first).toBe('We deliver Monday to Saturday within 3 to 5 business days.');
    expect(sectionAnswer('We deliver Monday to Saturday.\n更新时间：2026-05-02')).toBe('We deliver Monday to Saturday.');
    expect(sectionAnswer('Last updated 2 May 2026')).toBe('Last updated 2 May 2026');
    // a month and a year only (a pet shop's returns policy, 2026-11-28: its title answered What is your … returns policy? with it)
    expect(['Last updated September 2026', 'Last updated Sept. 2026', 'Effective Jan 2027'].map(isRevisionNote)).toEqual([true, true, true]);
    expect(await answers('# Returns Policy\n\n_Last updated September 2026_\n\n## Refunds\n\nWe refund your card within 5 days.\n')).toEqual(['We refund your card within 5 days.']);
    // a sentence that says more than the date stays
    expect(sectionAnswer('Prices last updated on 2 May 2026 apply to orders placed after that date.\nFree returns.')).toContain('Prices last updated');
  });
});

describe('a kind of goods is asked what customers ask of it, not what it is', () => {
  it('asks a kind under a service’s title or heading about that service (进口食品可以退吗？ / 大件商品怎么配送？, were …是什么？)', () => {
    const title = (documentTitle: string, heading: string): string | undefined => generateQuestions({ headingPath: [heading], text: '开封后不影响二次销售的除外，请在签收后48小时内联系客服。', language: 'zh', documentTitle })[0]?.question;
    expect(title('优品汇售后服务说明', '4 进口食品')).toBe('进口食品可以退吗？');
    expect(title('优品汇配送说明', '大件商品')).toBe('大件商品怎么配送？');
    expect(zh(['优品汇说明', '三、退换货', '定制商品'], '定制商品不支持七天无理由退换。')[0]).toBe('定制商品可以退换吗？');
    // a kind under a heading that names a rule keeps asking about that rule; two topics are no kind
    expect(zh(['优品汇说明', '二、运费标准', '普通商品'], '满99元包邮。')[0]).toBe('普通商品的运费标准是什么？');
    expect(title('优品汇售后服务说明', '拍错与修改订单')).not.toBe('拍错与修改订单可以退吗？');
    // which goods a manual is for is no kind (was 适用产品怎么安装？); of a title's two services, the one the text speaks of
    expect(generateQuestions({ headingPath: ['适用产品'], text: '本说明适用于XX-100型热水器。', language: 'zh', documentTitle: '热水器安装使用说明书' })[0]?.question).not.toBe('适用产品怎么安装？');
    expect(generateQuestions({ headingPath: ['生鲜食品'], text: '生鲜食品签收后24小时内可申请退换。', language: 'zh', documentTitle: '优品汇商品配送与退换货说明' })[0]?.question).toBe('生鲜食品可以退换吗？');
  });

  it('asks a thing under a care guide how to care for it (How do I care for garden benches?, was What are the garden benches?)', () => {
    const asked = en(['Oakwell Care Guide', 'Garden benches'], 'Wipe garden benches with a damp cloth and cover them in winter.');
    expect(asked[0]).toBe('How do I care for garden benches?');
    // the guide's warranty is no thing one cares for
    expect(en(['Oakwell Care Guide', 'Warranty summary'], 'Frames are covered for 10 years. Cover cushions in winter.')[0]).not.toMatch(/care for/u);
    // a help centre's Customer Care is no care guide (was How do I care for gift cards?), nor is a stain or a season a thing
    // cared for (was How do I care for stains?, How do I care for winter?)
    expect(en(['Customer Care', 'Gift cards'], 'Gift cards can be used online or in store.')[0]).toBe('What are the gift cards?');
    expect(en(['Oakwell Care Guide', 'Stains'], 'Blot stains with a clean cloth.')[0]).not.toMatch(/care for/u);
    expect(en(['Oakwell Care Guide', 'Winter'], 'Cover outdoor furniture or store it indoors.')[0]).not.toMatch(/care for/u);
  });
});

describe('a numbered list of rules is no steps', () => {
  it('asks no 怎么操作 of a list of rules or cases (起皱怎么操作？), and still of steps to follow', () => {
    const operated = (heading: string, text: string, steps: string[]): string[] => generateQuestions({ headingPath: ['面料说明', heading], text, steps, language: 'zh' }).map((q) => q.question).filter((q) => q.endsWith('怎么操作？'));
    const rules = ['1. 亚麻面料穿着后会自然起皱，属正常现象。', '2. 熨烫时温度不宜超过150℃。'];
    expect(operated('起皱', rules.join('\n'), rules)).toEqual([]);
    const steps = ['1. 在订单页点击申请售后；', '2. 填写问题描述并上传照片；', '3. 等待客服审核。'];
    expect(operated('售后申请', steps.join('\n'), steps)).toEqual(['售后申请怎么操作？']);
    // steps in traditional script, and steps that say first with what or when (用微信扫码, 下单时勾选发票): steps still
    const traditional = ['1. 進入會員中心', '2. 點選我的訂單', '3. 填寫退貨原因'];
    expect(operated('退貨申請', traditional.join('\n'), traditional)).toEqual(['退貨申請怎么操作？']);
    const ledIn = ['1. 下单时勾选发票', '2. 用微信扫码查看', '3. 收货后下载电子发票'];
    expect(operated('开票', ledIn.join('\n'), ledIn)).toEqual(['开票怎么操作？']);
  });
});

describe('an English heading that opens with a verb and a list is a task', () => {
  it('asks how (How do I change size, color or quantity in an order?, was What are the change size, …?)', () => {
    expect(en(['Orders', 'Change size, color or quantity in an order'], 'We can change an order within 1 hour of placing it.')[0]).toBe('How do I change size, color or quantity in an order?');
    // a verb that is also a noun, and what the list says of it, is no task (was How do I exchange rates, fees and limits?)
    for (const heading of ['Exchange rates, fees and limits', 'Return policy, fees and exceptions', 'Edit history, notes and status', 'Change fees, deadlines and limits']) {
      expect(en(['Help', heading], 'A 2% fee applies after 30 days.').filter((q) => q.startsWith('How do I ')), heading).toEqual([]);
    }
  });
});
