// A small shop's documents as a user test found them (2026-11-26): an air fryer manual written as
// `label：value` and `故障现象：…可能原因：…解决方法：…` lines, a return policy under a title with only its
// revision note, a delivery page, a Hong Kong page in traditional Chinese, an English warranty page
// (fixtures/generate-shop/). Each test names a question an editor had to rewrite.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { generateEntries, generateQuestions, isRevisionNote, keywordForm, manualProduct, similarQuestions, type GeneratedEntry } from './index.js';

const DIR = join(import.meta.dirname, '../../fixtures/generate-shop');

async function shop(): Promise<GeneratedEntry[]> {
  const run = await ingestPaths(readdirSync(DIR).map((f) => join(DIR, f)));
  return generateEntries(run.documents, { similar: 5 }).items;
}

const under = (items: readonly GeneratedEntry[], heading: string): GeneratedEntry[] => items.filter((i) => i.entry.source?.headingPath.at(-1) === heading);
const questionsOf = (items: readonly GeneratedEntry[]): string[] => items.flatMap((i) => [i.entry.question, ...i.entry.similar]);

describe('a small shop’s documents', () => {
  it('asks each specification line (额定功率：1400W) and each troubleshooting line as its own entry, as for tables', async () => {
    const items = await shop();
    const specs = under(items, '二、规格参数').map((i) => [i.entry.question, i.entry.answer]);
    expect(specs).toEqual([
      ['额定电压是多少？', '额定电压：220V~ 50Hz'],
      ['额定功率是多少？', '额定功率：1400W'],
      ['容量是多少？', '容量：5升'],
      ['定时范围是多少？', '定时范围：1～60分钟'],
    ]);
    const trouble = under(items, '五、故障排除').map((i) => [i.entry.origin, i.entry.question, i.entry.answer]);
    expect(trouble).toEqual([
      ['extracted', '机器不工作怎么办？', '可能原因：电源插头没有插好\n解决方法：检查插头，设置定时'],
      ['extracted', '冒白烟怎么办？', '可能原因：食材油脂过多\n解决方法：倒出多余油脂，清洗内胆'],
      ['extracted', '显示E1是什么意思？', '可能原因：温度传感器故障\n解决方法：请联系售后维修，不要自行拆机'],
    ]);
  });

  it('asks a manual’s headings about its product, not 如何使用？ / 清洁怎么保养？ / 安全注意事项是什么？', async () => {
    const items = await shop();
    expect(under(items, '三、使用方法')[0]?.entry.question).toBe('如何使用小鹿空气炸锅？');
    expect(under(items, '四、清洁保养')[0]?.entry.question).toBe('小鹿空气炸锅怎么清洁保养？');
    expect(under(items, '一、安全注意事项')[0]?.entry.question).toBe('使用小鹿空气炸锅有哪些安全注意事项？');
    expect(manualProduct(['小鹿空气炸锅KF-5L使用说明书', '三、使用方法'])).toBe('小鹿空气炸锅');
    expect(manualProduct(['配送说明', '快递公司'])).toBeUndefined();
  });

  it('takes no 凭 … as a task and cuts no word in half (如何购买订单号享受免费维？)', async () => {
    const warranty = questionsOf(under(await shop(), '六、保修说明'));
    expect(warranty.filter((q) => q.includes('购买订单号'))).toEqual([]);
  });

  it('asks a provider heading which ones, two topics what the rules are, and drops a heading’s aside', async () => {
    const items = await shop();
    expect(under(items, '快递公司')[0]?.entry.question).toBe('快递公司有哪些？');
    expect(under(items, '三、发票与赠品')[0]?.entry.question).toBe('发票与赠品有什么规定？');
    expect(under(items, '保修（长文，老同事粘贴的）')[0]?.entry.question).toBe('怎么保修？');
  });

  it('starts no topic with a conjunction (并补差价, 并且运费) and asks no condition how long it takes (同款降价的需要多长时间？)', async () => {
    const items = await shop();
    const courier = questionsOf(under(items, '快递公司'));
    expect(courier).toContain('补差价是多少钱？');
    expect(courier.filter((q) => q.startsWith('并'))).toEqual([]);
    // 并且 / 而且 go as whole words (售后补充说明.md: was 非质量问题退货的且运费由谁承担？)
    const returns = questionsOf(under(items, '退货（非质量问题）'));
    expect(returns).toContain('非质量问题退货的运费由谁承担？');
    expect(returns.filter((q) => /[且并而]运费/u.test(q))).toEqual([]);
    expect(questionsOf(under(items, '价格保护')).filter((q) => q.includes('降价的需要'))).toEqual([]);
  });

  it('names a fee once when the heading names one (no 退货运费的退回运费由谁承担？) and takes 运费险 for no fee', async () => {
    const fee = questionsOf(under(await shop(), '一、退货运费'));
    expect(fee).toContain('退回运费由谁承担？');
    expect(fee.filter((q) => /运费的.*运费|购买运费由谁/u.test(q))).toEqual([]);
  });

  it('asks how to send back what 将 puts before the verb (如何寄回发票、赠品？, not 如何寄回？), in both scripts', async () => {
    const items = await shop();
    const invoice = questionsOf(under(items, '三、发票与赠品'));
    expect(invoice).toContain('如何寄回发票、赠品？');
    expect(invoice).not.toContain('如何寄回？');
    const hk = questionsOf(under(items, '一、退貨運費'));
    expect(hk).toContain('如何退貨？');
    expect(hk.filter((q) => q.includes('需自行'))).toEqual([]);
  });

  it('makes no entry of a title whose only text is its revision note', async () => {
    const items = await shop();
    expect(items.filter((i) => i.entry.source?.headingPath.length === 1 && i.entry.source.headingPath[0] === '小鹿家居退换货政策')).toEqual([]);
    expect(isRevisionNote('（2026年10月修订版，自2026年11月1日起执行）')).toBe(true);
    expect(isRevisionNote('本法自2014年3月15日起施行。')).toBe(false);
    expect(isRevisionNote('（本店保留最终解释权）')).toBe(false);
  });

  it('asks an English shipping heading whether the shop ships there, and no reply time as the task’s', async () => {
    const items = await shop();
    expect(under(items, 'Shipping to Hong Kong and Macau')[0]?.entry.question).toBe('Do you ship to Hong Kong and Macau?');
    expect(questionsOf(under(items, 'How to claim'))).not.toContain('How long does it take to claim?');
  });
});

// A review of generated questions (售后补充说明.md, 员工手册.md): each test fails without its fix.
describe('a shop’s after-sales notes and a staff handbook', () => {
  it('takes no adverb or preposition after 将 for what is sent back (如何寄回免费？ / 如何寄回为您？ / 如何退回全部？)', async () => {
    const items = await shop();
    const asked = questionsOf([...under(items, '退货（质量问题）'), ...under(items, '维修')]);
    expect(asked.filter((q) => /如何(?:寄回|退回)(?:免费|统一|为您|很快|全部)/u.test(q))).toEqual([]);
    // an object after 将 is still asked (三、发票与赠品: 如何寄回发票、赠品？), also after 全部
    expect(generateQuestions({ headingPath: ['退货'], text: '请将全部商品寄回。' }).map((q) => q.question)).toContain('如何寄回全部商品？');
    expect(generateQuestions({ headingPath: ['寄回'], text: '收到商品后，我们将很快寄回。' }).map((q) => q.question).filter((q) => q.startsWith('如何'))).toEqual([]);
  });

  it('takes a handbook for staff or sellers for no product’s manual (如何使用员工？)', async () => {
    const items = await shop();
    // (the heading path, a similar question of its own, names the handbook)
    const handbook = questionsOf([...under(items, '使用方法'), ...under(items, '清洁保养')]).filter((q) => !q.includes(' / '));
    expect(handbook.filter((q) => q.includes('员工'))).toEqual([]);
    expect(handbook).toContain('如何清洁保养？');
    expect(manualProduct(['小鹿家居员工手册', '使用方法'])).toBeUndefined();
    expect(manualProduct(['商家操作手册', '常见故障'])).toBeUndefined();
    expect(manualProduct(['客服培训手册', '注意事项'])).toBeUndefined();
    expect(manualProduct(['会员权益手册', '清洁保养'])).toBeUndefined();
    expect(manualProduct(['扫地机器人操作手册', '清洁保养'])).toBe('扫地机器人');
    expect(manualProduct(['台式洗碗机 WQP6 用户手册', '常见故障'])).toBe('台式洗碗机');
  });

  it('drops only a title’s note that is nothing but a version or a date, not a section that says more', async () => {
    const items = await shop();
    expect(items.filter((i) => i.entry.source?.headingPath.join('/') === '小鹿家居售后补充说明')).toEqual([]);
    for (const heading of ['春节发货', '退款', '退货时限']) expect(under(items, heading)).toHaveLength(1);
    const notes = ['（本规定自2026年1月1日起执行）', '版本：V2.1（2025年3月更新）', '(Effective January 1, 2026)'];
    const text = ['（更新于2026-11-01：春节期间暂停发货，2月10日恢复）', '版本更新后请在App中申请退款（2026年版）', '（本规定自2026年1月1日起执行，退货须在7天内申请）'];
    expect([...notes, ...text].map(isRevisionNote)).toEqual([...notes.map(() => true), ...text.map(() => false)]);
  });

  it('keeps a heading’s aside that tells one part from another (退货（质量问题） → 质量问题退货)', async () => {
    const items = await shop();
    const first = ['退货（质量问题）', '退货（非质量问题）', '运费（偏远地区）'].map((h) => under(items, h)[0]?.entry.question);
    expect(first).toEqual(['质量问题怎么退货？', '非质量问题怎么退货？', '偏远地区运费是多少？']);
  });

  it('ends an action at a line’s end and at 请, and asks no time as what is needed', async () => {
    const items = await shop();
    const steps = questionsOf(under(items, '申请步骤'));
    expect(steps).toContain('如何申请退货？');
    expect(steps.filter((q) => q.includes('-'))).toEqual([]);
    expect(questionsOf(under(items, '寄回商品')).filter((q) => q.includes('退货请'))).toEqual([]);
    const repair = questionsOf(under(items, '维修'));
    expect(repair).toContain('维修需要多长时间？');
    expect(repair.filter((q) => q.includes('工作日有时间限制'))).toEqual([]);
  });
});

describe('similar questions', () => {
  it('swap no lexicon word inside a brand or payment channel (支付宝 never becomes 付款宝)', () => {
    const variants = similarQuestions('支付宝/微信支付需要多长时间？', { n: 30, language: 'zh' });
    expect(variants.length).toBeGreaterThan(0);
    expect(variants.filter((q) => !q.includes('支付宝') || !q.includes('微信支付'))).toEqual([]);
    expect(similarQuestions('支付方式有哪些？', { n: 30, language: 'zh' })).toContain('付款方式有哪些？');
  });

  it('offer no keyword form that is a bare noun (空气炸锅怎么用？ → 空气炸锅)', () => {
    expect(keywordForm('空气炸锅怎么用？', 'zh')).toBeUndefined();
    expect(keywordForm('额定功率是多少？', 'zh')).toBe('额定功率');
  });
});
