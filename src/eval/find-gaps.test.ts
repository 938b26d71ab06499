// Gaps against a real index (fixtures/eval/kb): scanning a log, clusters with nearest entries,
// the gaps of an eval run, and draft entries valid in the store.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../build/index.js';
import { loadIndex, type KnowledgeBase } from '../runtime/index.js';
import { validateEntry } from '../store/store.js';
import { BUILD_TIMEOUT, tempDir } from '../test-support/kb.js';
import { addNearest, DEFAULT_THRESHOLD, draftEntries, evalGaps, gapTokenizer, scanLog } from './find-gaps.js';
import { clusterQuestions, withoutSmallTalk } from './gaps.js';
import { LogReader } from './log.js';
import { evaluate } from './run.js';
import { readSuite } from './suite.js';
import { summarize } from './summary.js';

const dir = tempDir('kb-find-gaps-');
let kb: KnowledgeBase;
beforeAll(async () => {
  const out = join(dir.path, 'forms.json');
  const built = await build({ sources: ['fixtures/eval/kb'], out });
  if (!built.ok) throw new Error('fixtures/eval/kb does not build');
  kb = await loadIndex(out);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

describe('scanLog', () => {
  it('searches each distinct question once and keeps the unanswered ones with their counts', async () => {
    const scan = await scanLog(kb, new LogReader('fixtures/gaps/log.txt'), DEFAULT_THRESHOLD);
    expect(scan).toMatchObject({ questions: 13, distinct: 11, answered: 3, threshold: 0.5 });
    expect(scan.unanswered.find((q) => q.text === '优惠券怎么用')?.count).toBe(2);
    expect(scan.unanswered.some((q) => q.text === '包邮吗')).toBe(false);
    const none = await scanLog(kb, new LogReader('fixtures/gaps/log.txt'), 0);
    // at threshold 0 only a question that finds nothing at all is unanswered
    for (const q of none.unanswered) expect(kb.search(q.text, { k: 1 })).toEqual([]);
    expect(none.answered).toBeGreaterThan(scan.answered);
    expect(none.answered + none.unanswered.reduce((n, q) => n + q.count, 0)).toBe(13);
  });

  it('searches and counts the question a chat message asks, without its order number, link, emoji or greeting', async () => {
    const scan = await scanLog(kb, new LogReader('fixtures/gaps/chat-export.csv'), DEFAULT_THRESHOLD);
    // 14 customer rows; 优惠券怎么用😭 and 亲，订单号… 优惠券怎么用 are one question asked twice
    expect(scan).toMatchObject({ questions: 14, answered: 1 });
    expect(scan.unanswered.find((q) => q.text === '优惠券怎么用')?.count).toBe(2);
    expect(scan.unanswered.map((q) => q.text).sort()).toEqual(['优惠券过期了怎么办', '优惠券怎么用', '好的', '嗯嗯', '怎么领优惠券', '能改收货地址吗', '收货地址填错了怎么改', '谢谢'].sort());
    // 在吗, ？, [表情] and 👍 leave nothing to ask: skipped, counted
    expect(scan.skipped).toBe(4);
    const drafts = draftEntries(addNearest(kb, clusterQuestions(scan.unanswered, gapTokenizer(kb))), 'chat-export.csv');
    // no customer's order number, phone or link reaches a draft entry
    expect(JSON.stringify(drafts)).not.toMatch(/\d{8}|http|😭|\[表情\]|商品卡片/);
  });

  it('counts a question with thanks or a plea after it (thx, pls, 谢谢) as the question: no other wording of it', async () => {
    const scan = await scanLog(kb, new LogReader('fixtures/gaps/chat-visitor.csv'), DEFAULT_THRESHOLD);
    expect(scan).toMatchObject({ questions: 5, distinct: 4, answered: 1 });
    expect(scan.unanswered).toEqual([
      { text: '优惠券怎么用', count: 2 },
      { text: '领的券怎么用不了', count: 1 },
      { text: '收货地址填错了怎么改', count: 1 },
    ]);
  });

  it('counts a line of kb serve\'s log as the bot answered it (its "answered" at its threshold), unless told to judge again', async () => {
    const scan = await scanLog(kb, new LogReader('fixtures/gaps/served.jsonl'), DEFAULT_THRESHOLD);
    // 包邮吗 handed off once (at the request's 0.99) and 优惠券怎么用 once; the line without "answered" is searched
    expect(scan).toMatchObject({ questions: 5, distinct: 3, answered: 2, served: { questions: 4, thresholds: [null, 0.5, 0.99] } });
    expect(scan.unanswered).toEqual([
      { text: '包邮吗', count: 1 },
      { text: '优惠券怎么用', count: 1 },
      { text: '收货地址填错了怎么改', count: 1 },
    ]);
    // kb gaps --threshold X: every line searched at X, what kb serve did set aside
    const again = await scanLog(kb, new LogReader('fixtures/gaps/served.jsonl'), DEFAULT_THRESHOLD, { rejudge: true });
    expect(again).toMatchObject({ questions: 5, distinct: 3, answered: 2, served: { questions: 0, thresholds: [] } });
    expect(again.unanswered).toEqual([
      { text: '优惠券怎么用', count: 2 },
      { text: '收货地址填错了怎么改', count: 1 },
    ]);
  });

  it('skips a message that is only a greeting (你好, 在吗, hi): counted, never an empty question', async () => {
    const scan = await scanLog(kb, new LogReader('fixtures/gaps/greetings.txt'), DEFAULT_THRESHOLD);
    // 12 lines: 7 greetings alone, 3 greetings before a question, 好的
    expect(scan).toMatchObject({ questions: 12, skipped: 7, distinct: 4, answered: 1 });
    expect(scan.unanswered.map((q) => q.text).sort()).toEqual(['优惠券怎么用', '优惠券过期了怎么办', '好的'].sort());
    expect(scan.unanswered.find((q) => q.text === '优惠券怎么用')?.count).toBe(2);
    const clusters = clusterQuestions(scan.unanswered, gapTokenizer(kb));
    for (const c of clusters) expect([c.representative, ...c.examples.map((e) => e.text)]).not.toContain('');
    for (const d of draftEntries(clusters, 'greetings.txt')) expect([d.question, ...d.similar]).not.toContain('');
  });

  it('clusters the gaps by what they ask: changing the address, using a coupon', async () => {
    const scan = await scanLog(kb, new LogReader('fixtures/gaps/log.txt'), DEFAULT_THRESHOLD);
    const clusters = addNearest(kb, clusterQuestions(scan.unanswered, gapTokenizer(kb)));
    expect(clusters.map((c) => c.size)).toEqual([3, 3, 1, 1, 1, 1]);
    const address = clusters.find((c) => c.terms.includes('收货地址'));
    expect(address?.examples.map((e) => e.text).sort()).toEqual(['下单后还能修改收货地址吗', '收货地址填错了怎么改', '能改收货地址吗']);
    // 优惠券 alone does not make one gap of four questions, nor 积分 one of two: 优惠券过期了怎么办 and 怎么领优惠券
    // ask something else than 优惠券怎么用, 积分怎么兑换 than 会员积分有什么用 (before: drafts of 5 and 2)
    expect(clusters.filter((c) => c.terms.includes('积分')).map((c) => c.distinct)).toEqual([1, 1]);
    const use = clusters.find((c) => c.representative === '优惠券怎么用');
    expect(use?.examples.map((e) => e.text).sort()).toEqual(['优惠券不能用', '优惠券怎么用']);
    expect(use?.terms).toEqual(['优惠券']);
    for (const c of clusters) {
      expect(c.nearest.length).toBeGreaterThan(0);
      expect(c.nearest.length).toBeLessThanOrEqual(3);
    }
  });
});

describe('gapTokenizer', () => {
  it('finds the everyday words the index cut into single characters (口罩, 老板), so that they join questions and name clusters', async () => {
    // the index knows nothing of masks, bosses or colours: its analyzer cuts those words into characters
    expect(gapTokenizer(kb, null)('口罩能退吗')).not.toContain('口罩');
    expect(gapTokenizer(kb)('口罩能退吗')).toContain('口罩');
    expect(gapTokenizer(kb)('你们老板是谁')).toContain('老板');
    const scan = await scanLog(kb, new LogReader('fixtures/gaps/characters.txt'), DEFAULT_THRESHOLD);
    const { questions } = withoutSmallTalk(scan.unanswered, gapTokenizer(kb));
    const clusters = clusterQuestions(questions, gapTokenizer(kb));
    // before: 钱退到哪里 and 床垫拆了还能退吗 one gap named 钱退到 拆, 几点前下单当天发 and 你们店铺几点下班 one
    // named 点前下单当天发 班, 你们老板是谁 named 老板 谁
    expect(clusters.map((c) => c.distinct)).toEqual([2, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(clusters[0]?.terms).toEqual(['口罩']);
    for (const c of clusters) for (const t of c.terms) expect([...t].length).toBeGreaterThan(1);
    // (换个 is the lexicon's word for an exchange: 可以换个颜色吗 is named by it and 颜色)
    expect(clusters.flatMap((c) => c.terms).sort()).toEqual(['上班', '下单', '下班', '口罩', '店铺', '床垫', '当天', '快递', '换个', '老板', '颜色'].sort());
    // without jieba's dictionary: single characters join nothing, and the words they stand in name nothing
    const plain = clusterQuestions(questions, gapTokenizer(kb, null));
    expect(plain.map((c) => c.distinct).filter((n) => n > 1)).toEqual([]);
    for (const c of plain) for (const t of c.terms) expect([...t].length).toBeGreaterThan(1);
  });
});

describe('draftEntries', () => {
  it('writes one valid pending store entry per cluster, with stable ids and an empty answer', async () => {
    const scan = await scanLog(kb, new LogReader('fixtures/gaps/log.txt'), DEFAULT_THRESHOLD);
    const clusters = addNearest(kb, clusterQuestions(scan.unanswered, gapTokenizer(kb)));
    const drafts = draftEntries(clusters, 'fixtures/gaps/log.txt');
    expect(drafts).toHaveLength(6);
    for (const d of drafts) {
      const checked = validateEntry(d);
      expect(checked.ok).toBe(true);
      expect(d).toMatchObject({ answer: '', status: 'pending', origin: 'manual', tags: ['gap'] });
      expect(d.id).toMatch(/^gap-[0-9a-f]{10}$/);
      expect(d.similar).not.toContain(d.question);
    }
    expect(drafts[0]?.question).toBe(clusters[0]?.representative);
    expect(drafts[0]?.similar).toHaveLength(2);
    expect(drafts[0]?.notes).toMatch(/^kb gaps: gap 1 of 6, asked 3 times \(3 distinct\) in log\.txt without an answer; key terms: 收货地址; nearest entry: /);
    expect(draftEntries(clusters, 'fixtures/gaps/log.txt')).toEqual(drafts);
  });
});

describe('evalGaps', () => {
  it('clusters the failing cases of a run, not the passing or out-of-scope ones', async () => {
    const suite = await readSuite('fixtures/eval/ci/tagged.jsonl');
    const report = evaluate(kb, suite.cases, 5);
    const summary = summarize(report, { threshold: 0.5 });
    const gaps = evalGaps(kb, report.cases, summary.verdicts);
    const questions = gaps.flatMap((g) => g.examples.map((e) => e.text));
    expect(questions).toContain('退货运费谁出');
    expect(questions).not.toContain('包邮吗');
    expect(questions).not.toContain('优惠券怎么用');
  });
});
