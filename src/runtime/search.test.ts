// Search on the sample knowledge base: edge-case questions, k and threshold, the shape and order
// of hits. Scoring itself is tuned elsewhere; these are the contracts a bot relies on.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS } from '../analyze/analyzer.js';
import { build } from '../build/index.js';
import { DEFAULT_CALIBRATION } from '../build/build-index.js';
import { BUILD_TIMEOUT, buildSample, logOdds, tempDir } from '../test-support/kb.js';
import { withoutInvisibles, type KnowledgeBase } from './knowledge-base.js';
import { loadIndex } from './load.js';

const dir = tempDir('kb-search-');
/** The default calibration's confidence in a hit that covers none of the question. */
const nothingCovered = 1 / (1 + Math.exp(-DEFAULT_CALIBRATION.intercept));
let kb: KnowledgeBase;

beforeAll(async () => {
  const out = join(dir.path, 'kb.index');
  await buildSample(out);
  kb = await loadIndex(out);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

const QUESTIONS = ['退货运费谁出', '怎么退货', '退款多久到账', '发票', '包邮吗', '保修', 'How much does shipping cost?', 'parcel damaged', '退貨運費誰出', '订单 退货 运费 发票 保修 快递 退款'];

describe('search', () => {
  it('returns no hits for an empty, blank or punctuation-only question', () => {
    for (const q of ['', ' ', '\n\t  ', '？？？', '...!!!', '，。、；：“”', '🙂🙂', '\u3000\u3000']) expect(kb.search(q)).toEqual([]);
  });

  it('answers a question pasted with invisible characters (zero-width space, soft hyphen, word joiner, BOM) as the question without them', () => {
    // 包\u200B邮吗 found nothing: the zero-width space cut 包邮 in two
    for (const [pasted, clean] of [
      ['包\u200B邮吗', '包邮吗'],
      ['退\u00AD货运费谁出', '退货运费谁出'],
      ['\uFEFF退货\u2060运费\u200D谁出', '退货运费谁出'],
      ['How much does\u200Bshipping cost?', 'How much does shipping cost?'],
    ]) {
      expect(kb.search(pasted!, { k: 3 }), JSON.stringify(pasted)).toEqual(kb.search(clean!, { k: 3 }));
      expect(kb.search(clean!, { k: 3 }).length, clean).toBeGreaterThan(0);
    }
    expect(withoutInvisibles('refund\u200B\u200Bpolicy 退\u200B货')).toBe('refund policy 退货');
  });

  it('counts the characters of a stretch the KB has never seen against coverage (机器人, 股票), not those it knows in context', () => {
    // 你是机器人吗 shares only 人 with 保修范围是什么？: it used to get 0.56 (under the defaults before 2026-11-27).
    // In log-odds above a hit that covers nothing (the sample uses the default calibration): 1.4 and 0.6
    const floor = logOdds(nothingCovered);
    expect(logOdds(kb.search('你是机器人吗', { k: 1 })[0]?.confidence ?? 0)).toBeLessThan(floor + 2.5);
    expect(logOdds(kb.search('股票明天会涨吗', { k: 1 })[0]?.confidence ?? 0)).toBeLessThan(floor + 1);
    expect(kb.search('退货运费谁出', { k: 1 })[0]?.confidence ?? 0).toBeGreaterThan(0.75);
  });

  it('names no topic with question words alone, English ones as the analyzer stems them (many → mani) too', () => {
    // how many counted mani as a topic: 0.13 where a hit that covers nothing got 0.03
    for (const q of ['how many', 'how much', '多长']) expect(kb.search(q, { k: 1 })[0]?.confidence ?? 0, q).toBeLessThanOrEqual(nothingCovered + 1e-4);
  });

  it('reads an English typo as the word the KB uses (recieve → receive), and does not count it as an unknown word', () => {
    const right = kb.search('When will I receive my order?', { k: 1 })[0];
    const typo = kb.search('When will I recieve my order?', { k: 1 })[0];
    expect(typo?.id).toBe(right?.id);
    expect(typo?.matchedTerms).toContain('receive');
    expect(typo?.confidence ?? 0).toBeGreaterThan(0.5);
  });

  it('names matched English terms as a word the question or the entry writes, never a stem', () => {
    for (const q of ['When will I recieve my order?', 'parcel damaged', 'How much does shipping cost?', 'delivery time', 'refund please']) {
      for (const hit of kb.search(q, { k: 5 })) {
        const written = new Set([q, hit.matched, hit.answer, ...(hit.source?.headingPath ?? [])].join(' ').toLowerCase().match(/[a-z']+/g));
        for (const term of hit.matchedTerms) {
          if (/^[a-z ]+$/.test(term)) for (const word of term.split(' ')) expect(written.has(word), `${q} → ${hit.id}: ${term}`).toBe(true);
        }
      }
    }
  });

  it('refuses a question that is not a string with a clear TypeError (a bot passing null)', () => {
    expect(() => kb.search(null as unknown as string)).toThrow(/search: the question must be a string, not null/);
    expect(() => kb.search(undefined as unknown as string)).toThrow(/not undefined/);
  });

  it('gives each search its own hit objects: a bot that edits one does not change the next search', () => {
    const [first] = kb.search('退货运费谁出', { k: 1 });
    if (first?.source === undefined) throw new Error('the sample hit has a source');
    const path = first.source.path;
    first.source.path = 'edited';
    first.source.headingPath.push('edited');
    const [again] = kb.search('退货运费谁出', null);
    expect(again?.source?.path).toBe(path);
    expect(again?.source?.headingPath).not.toContain('edited');
  });

  it('returns no hits for words the knowledge base does not have', () => {
    expect(kb.search('xylophone quasar')).toEqual([]);
  });

  it('analyzes only the first MAX_QUERY_CHARS characters of a question', () => {
    const tail = '退货运费谁出';
    expect(kb.search(tail).length).toBeGreaterThan(0);
    // the knowledge-base words stand after the clip point, so they are never looked at
    expect(kb.search(`${'x'.repeat(MAX_QUERY_CHARS)} ${tail}`)).toEqual([]);
  });

  it('answers a 100 KB question as it answers its first MAX_QUERY_CHARS characters', () => {
    const huge = '请问退货运费谁出，快递一直不更新怎么办？'.repeat(5000);
    expect(huge.length).toBeGreaterThanOrEqual(100_000);
    const clipped = huge.slice(0, MAX_QUERY_CHARS);
    expect(kb.analyzer.analyzeQuery(huge)).toEqual(kb.analyzer.analyzeQuery(clipped));
    const hits = kb.search(huge);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits).toEqual(kb.search(clipped));
  });

  it('returns at most k hits, and k hits when that many entries match', () => {
    const q = '订单 退货 运费 发票 保修 快递 退款 shipping';
    const all = kb.search(q, { k: 100 });
    expect(all.length).toBeGreaterThan(5);
    expect(all.length).toBeLessThanOrEqual(kb.size);
    expect(kb.search(q)).toHaveLength(5); // the default
    for (const k of [1, 2, 3, 7]) expect(kb.search(q, { k })).toEqual(all.slice(0, k));
  });

  it('refuses a threshold that is no confidence (NaN from an unset environment variable answered every question; 50 none)', () => {
    for (const [threshold, shown] of [[Number.NaN, 'NaN'], [50, '50'], [-0.1, '-0.1'], ['0.5', '"0.5"']] as const) {
      expect(() => kb.search('退货运费谁出', { threshold } as unknown as { threshold: number }), shown).toThrow(new RangeError(`search: threshold must be a confidence from 0 to 1, not ${shown}`));
    }
    for (const unset of [undefined, null]) expect(kb.search('退货运费谁出', { threshold: unset as unknown as number })).toEqual(kb.search('退货运费谁出'));
    expect(kb.search('退货运费谁出', { threshold: 1, k: 0 })).toEqual([]);
  });

  it('keeps exactly the hits whose confidence reaches the threshold', () => {
    // hits report confidence rounded to 4 decimals; the threshold is applied before rounding
    const ROUNDING = 0.5e-4;
    for (const q of QUESTIONS) {
      const all = kb.search(q, { k: 16 });
      for (const threshold of [0, 0.001, 0.2, 0.5, 0.9, 0.999, 1]) {
        const kept = kb.search(q, { k: 16, threshold });
        const keptIds = new Set(kept.map((h) => h.id));
        expect(kept).toEqual(all.filter((h) => keptIds.has(h.id)));
        for (const h of all) {
          if (Math.abs(h.confidence - threshold) > ROUNDING) expect(keptIds.has(h.id), `${q} / ${h.id} at ${threshold}`).toBe(h.confidence >= threshold);
        }
      }
    }
  });

  it('ranks by score, highest first, with confidences in [0, 1]', () => {
    for (const q of QUESTIONS) {
      const hits = kb.search(q, { k: 16 });
      expect(hits.length).toBeGreaterThan(0);
      hits.forEach((h, i) => {
        expect(Number.isFinite(h.score)).toBe(true);
        expect(h.score).toBeGreaterThan(0);
        expect(h.confidence).toBeGreaterThanOrEqual(0);
        expect(h.confidence).toBeLessThanOrEqual(1);
        if (i > 0) expect(h.score).toBeLessThanOrEqual(hits[i - 1]?.score ?? Infinity);
      });
      expect(new Set(hits.map((h) => h.id)).size).toBe(hits.length);
    }
  });

  it('gives a hit its entry, the matched variant, the matched terms, the source and the FAQ row’s tags', () => {
    const [hit] = kb.search('包邮吗', { k: 1 });
    expect(Object.keys(hit ?? {}).sort()).toEqual(['answer', 'confidence', 'id', 'matched', 'matchedTerms', 'question', 'score', 'source', 'tags']);
    expect(hit).toMatchObject({
      question: '运费怎么算？',
      matched: '包邮吗',
      answer: expect.stringContaining('满99元包邮') as unknown,
      source: { path: 'fixtures/sample/faq.csv', headingPath: ['运费怎么算？'] },
      tags: ['运费'],
    });
    // a section has no tags: no empty list either
    const [section] = kb.search('保修期多久', { k: 1 });
    expect(section?.source?.path).not.toBe('fixtures/sample/faq.csv');
    expect(section).not.toHaveProperty('tags');
    expect(hit?.matchedTerms).toContain('包邮');
  });

  it('names the matched terms as a traditional question writes them', () => {
    const [hit] = kb.search('包郵嗎', { k: 1 });
    expect(hit).toMatchObject({ question: '运费怎么算？' });
    expect(hit?.matchedTerms).toContain('包郵');
    expect(hit?.matchedTerms).not.toContain('包邮');
  });

  it('puts an entry first when the question is one of its variants, word for word — or a FAQ row that asks the same, the entry next at its score', () => {
    const toRows: string[] = [];
    for (const entry of kb.entries) {
      for (const variant of [entry.question, ...entry.similar]) {
        const [first, second] = kb.search(variant, { k: 2 });
        if (first?.id === entry.id) continue;
        // a section's generated 退款到账 asks what the FAQ row 退款多久到账？ asks (asks-same.ts)
        toRows.push(variant);
        expect(entry.origin, variant).toBe('generated');
        expect(kb.entries.find((e) => e.id === first?.id)?.origin, variant).toBe('faq');
        expect([second?.id, second?.score], variant).toEqual([entry.id, first?.score]);
      }
    }
    expect(toRows).toEqual(['退款到账']);
  });

  it('hands out entries a bot cannot edit under later searches (frozen copies)', () => {
    const before = kb.search('运费怎么算', { k: 1 });
    const entry = kb.entries.find((e) => e.id === before[0]?.id);
    expect(entry).toBeDefined();
    expect(() => {
      (entry as { answer: string }).answer = 'edited';
    }).toThrow(TypeError);
    expect(() => (entry?.similar as string[]).push('edited')).toThrow(TypeError);
    expect(() => (kb.entries as unknown as unknown[]).pop()).toThrow(TypeError);
    expect(kb.search('运费怎么算', { k: 1 })).toEqual(before);
    expect(kb.entries.find((e) => e.id === before[0]?.id)).toEqual(entry);
  });

  it('gives the same answer to the same question, whatever was asked before', () => {
    const first = QUESTIONS.map((q) => kb.search(q, { k: 16 }));
    const again = [...QUESTIONS].reverse().map((q) => kb.search(q, { k: 16 })).reverse();
    expect(again).toEqual(first);
  });
});

describe('search in a KB of a few entries', () => {
  /** The KB of a FAQ table with these lines under `question,answer`, built without similar questions. */
  async function faqKb(lines: readonly string[]): Promise<KnowledgeBase> {
    const tiny = tempDir('kb-search-tiny-');
    try {
      writeFileSync(join(tiny.path, 'faq.csv'), ['question,answer', ...lines].join('\n'));
      const out = join(tiny.path, 'kb.index');
      expect((await build({ sources: [join(tiny.path, 'faq.csv')], out, similar: 0 })).ok).toBe(true);
      return await loadIndex(out);
    } finally {
      tiny.remove();
    }
  }

  it('weighs a pair extracted from a manual by its question, as an FAQ row is weighed', async () => {
    // weighted as a section (answer share 1), the manual's row's score was halved with its short
    // answer: asked in a customer's words (报 for 显示) it scored barely above the FAQ rows about other
    // codes, at confidence 0.36, and in a user test's larger KB lost 洗衣机报E2 to the row about E4
    const tiny = tempDir('kb-search-extracted-');
    try {
      const faq = ['question,similar,answer', '洗衣机显示E4怎么办？,洗衣机报E4|洗衣机出现E4,E4表示排水超时，请清理排水泵过滤器。', '洗衣机显示E1怎么办？,洗衣机报E1|洗衣机出现E1,E1表示进水超时，请检查水龙头和进水管。', '洗衣机怎么安装？,,请拆下运输螺栓后调平机身。'];
      writeFileSync(join(tiny.path, 'faq.csv'), faq.join('\n'));
      const table = ['| 故障现象 | 可能原因 | 解决方法 |', '| --- | --- | --- |', '| 洗衣机显示E2 | 门没有关好 | 重新关紧舱门，检查是否有衣物夹在门封处 |', '| 不进水 | 水龙头未打开 | 打开水龙头，检查进水管是否弯折 |', '| 脱水时震动很大 | 运输螺栓未拆除 | 拆除运输螺栓，调平机身 |'];
      writeFileSync(join(tiny.path, 'manual.md'), ['# 洗衣机说明书', '', '## 常见故障', '', ...table, ''].join('\n'));
      const out = join(tiny.path, 'kb.index');
      expect((await build({ sources: [tiny.path], out, similar: 0 })).ok).toBe(true);
      const [first, second] = (await loadIndex(out)).search('洗衣机报E2', { k: 2 });
      expect(first?.answer).toContain('重新关紧舱门');
      expect(first?.confidence ?? 0).toBeGreaterThan(0.5);
      expect(first?.score ?? 0).toBeGreaterThan(1.5 * (second?.score ?? 0));
    } finally {
      tiny.remove();
    }
  }, BUILD_TIMEOUT);

  it('matches an error code the KB never writes by nothing of its letters and digits', async () => {
    // 空调E5什么意思 found 空调显示E1是什么意思？ through e and 5 (from 断电5分钟) at 0.69 (user test)
    const small = await faqKb([
      '空调显示E1是什么意思？,E1表示室内温度传感器故障，请断电5分钟后重启。',
      '空调显示E4是什么意思？,E4表示室外机过载保护，请清洗室外机散热片。',
      '空调不制冷怎么办？,请检查滤网是否过脏，遥控器是否设为制冷模式。',
      '洗衣机不进水怎么办？,请检查水龙头是否打开，进水管是否弯折。',
    ]);
    const [unknownCode] = small.search('空调E5什么意思', { k: 1 });
    expect(unknownCode?.matchedTerms).not.toContain('e');
    expect(unknownCode?.matchedTerms).not.toContain('5');
    const [known] = small.search('空调E1什么意思', { k: 1 });
    expect(known?.question).toBe('空调显示E1是什么意思？');
    expect(known?.matchedTerms).toContain('e1');
    expect(unknownCode?.confidence ?? 0).toBeLessThan(known?.confidence ?? 0);
    // a code the KB writes apart (KJ-500) asked in one piece is that code (a review: kj500 lost kj and
    // 500 and fell to 0.41); the E5 rule is for a code whose number the KB has only in 断电5分钟
    const apart = await faqKb(['KJ-500空气净化器滤网多久换一次？,每六个月换一次。', '空调显示E1是什么意思？,传感器故障，请断电5分钟后重启。', '空调不制冷怎么办？,请检查滤网是否过脏。']);
    const [joined] = apart.search('kj500滤网多久换', { k: 1 });
    const [asWritten] = apart.search('KJ-500滤网多久换', { k: 1 });
    expect(joined?.matchedTerms).toEqual(expect.arrayContaining(['kj', '500']));
    expect(joined?.confidence).toBe(asWritten?.confidence);
    // E01 is the E1 the KB writes (a smoke test: E02 found nothing where the KB wrote E2)
    const [zero] = small.search('空调E01什么意思', { k: 1 });
    expect(zero?.question).toBe('空调显示E1是什么意思？');
    expect(zero?.confidence ?? 0).toBeGreaterThan(0.5);
  }, BUILD_TIMEOUT);

  it('is confident of a question asked word for word, and not of one it has nothing on', async () => {
    // where every bigram is in a quarter of the entries (too common to be scored), they counted
    // against coverage all the same: 多久可以收到退款？ asked word for word got 0.15
    const rows = [
      ['怎么申请退货？', '在订单页面点击申请售后，选择退货，填写原因后提交。'],
      ['运费谁承担？', '质量问题由商家承担运费，非质量问题由买家承担。'],
      ['多久可以收到退款？', '商家确认收货后1-3个工作日原路退回。'],
      ['可以开发票吗？', '可以，在订单详情页申请电子发票。'],
    ];
    const small = await faqKb(rows.map((r) => r.join(',')));
    for (const [question] of rows) {
      const [top] = small.search(question!, { k: 1 });
      expect(top?.question).toBe(question);
      expect(top?.confidence ?? 0, question).toBeGreaterThan(0.5);
    }
    expect(small.search('今天天气怎么样', { k: 1 })[0]?.confidence ?? 0).toBeLessThan(0.2);
  }, BUILD_TIMEOUT);

  it('is less sure of a hit that lacks what the question is about (its strongest word), though it shares the rest', async () => {
    // a phone service centre's bot (a user test): 手机怎么截图 found 手机进水了怎么办？ through 手机 and
    // 怎么 at 0.49, iPhone 15 多少钱 a fee table's 多少钱 at 0.50 — 截图 and iPhone are words the KB has
    // never seen, the strongest of each question; a hit that lacks them shares only its common words
    const centre = await faqKb([
      '手机进水了怎么办？,请立即关机，不要充电，尽快送到服务中心检测。',
      '忘记了账号密码，手机被锁怎么办？,请携带购机发票和身份证原件到服务中心解锁。',
      '手机换屏多少钱？,原装屏幕更换899元，保修期内非人为损坏免费。',
      '笔记本电脑开不了机怎么办？,请连接原装充电器充电30分钟后再长按电源键10秒。',
      '保修期是多久？,手机和笔记本电脑整机保修一年，电池保修六个月。',
      '寄修需要多久？,收到机器后3-5个工作日修好寄回。',
      '在哪里查询维修进度？,在服务中心小程序输入寄修单号查询。',
      '手机电池不耐用可以换吗？,电池健康度低于80%可付费更换，保修期内免费。',
    ]);
    const [screenshot] = centre.search('手机怎么截图', { k: 1 });
    const [price] = centre.search('iPhone 15 多少钱', { k: 1 });
    expect(screenshot?.question).toBe('手机进水了怎么办？');
    expect(price?.question).toBe('手机换屏多少钱？');
    expect(screenshot?.confidence ?? 1).toBeLessThan(0.3);
    // the same entry, asked what it answers in a customer's words (换个 bridged to the answer's 更换): surer
    // than iPhone 15 多少钱, which it does not answer (0.55 against 0.64 before)
    const [screen] = centre.search('换个屏幕要多少钱', { k: 1 });
    expect(screen?.question).toBe('手机换屏多少钱？');
    expect(screen?.confidence ?? 0).toBeGreaterThan((price?.confidence ?? 1) + 0.02);
    // what it has, asked in a customer's words, it answers (泡水 is a word it has never seen, bridged to 进水)
    for (const [question, expected] of [['手机泡水了怎么办', '手机进水了怎么办？'], ['换个屏幕要多少钱', '手机换屏多少钱？'], ['电池不耐用能换吗', '手机电池不耐用可以换吗？']] as const) {
      const [hit] = centre.search(question, { k: 1 });
      expect(hit?.question, question).toBe(expected);
      expect(hit?.confidence ?? 0, question).toBeGreaterThan(0.5);
    }
  }, BUILD_TIMEOUT);

  it('does not answer with an entry that shares only how the question asks (how long), not what about', async () => {
    // warranty is in most entries, so how long (in one) outweighed it: How long does a refund take? came first
    const small = await faqKb([
      'How long does a refund take?,Refunds take 5 business days.',
      'What does the warranty cover?,The warranty covers manufacturing defects.',
      'What is not covered by the warranty?,Accidental damage is not covered by the warranty.',
      'What is the warranty period?,The warranty period is two years for headphones.',
      'How do I make a warranty claim?,Email support with your order number to make a warranty claim.',
      'Do you ship to Canada?,"Yes, we ship to Canada."',
    ]);
    for (const q of ['how long is the warranty', 'how long is the warranty on headphones']) {
      const [top] = small.search(q, { k: 1 });
      expect(top?.question, q).toMatch(/warranty/);
    }
    expect(small.search('how long does a refund take', { k: 1 })[0]?.question).toBe('How long does a refund take?');
  }, BUILD_TIMEOUT);
});
