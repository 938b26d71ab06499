// How real customers type (pinyin, initials, dialect, emoticons, spaced-out words, traditional
// characters, typos, ids, rants …), asked of a small shop knowledge base written for it:
// fixtures/customer-queries (README there). A gate on the analyzer's chat forms as a whole.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALIBRATION } from '../build/build-index.js';
import { build } from '../build/index.js';
import { evaluate, type EvalReport } from '../eval/run.js';
import { readSuite } from '../eval/suite.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { loadIndex } from '../runtime/load.js';
import { BUILD_TIMEOUT, logOdds, ROOT, tempDir } from '../test-support/kb.js';

const dir = tempDir('kb-customer-queries-');
let report: EvalReport;
/** The cross-language questions kept out of development (shop-heldout.jsonl), scored once it was done. */
let heldOut: EvalReport;
/** After-sales questions the shop does not answer, and chitchat (shop-oos.jsonl): a bot must hand them off. */
let outOfScope: EvalReport;
let kb: KnowledgeBase;

beforeAll(async () => {
  const out = join(dir.path, 'shop.index');
  const built = await build({ sources: [join(ROOT, 'fixtures/customer-queries/shop')], out });
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
  const suite = await readSuite(join(ROOT, 'fixtures/customer-queries/shop.jsonl'));
  expect(suite.problems).toEqual([]);
  const held = await readSuite(join(ROOT, 'fixtures/customer-queries/shop-heldout.jsonl'));
  expect(held.problems).toEqual([]);
  kb = await loadIndex(out);
  report = evaluate(kb, suite.cases, 5);
  heldOut = evaluate(kb, held.cases, 5);
  const oos = await readSuite(join(ROOT, 'fixtures/customer-queries/shop-oos.jsonl'));
  expect(oos.problems).toEqual([]);
  outOfScope = evaluate(kb, oos.cases, 5);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

/** The questions with one of these tags whose expected entry is not first. */
function missed(tags: readonly string[]): string[] {
  return report.cases.filter((c) => c.tags?.some((t) => tags.includes(t)) && c.rank !== 1).map((c) => `${c.q} (rank ${c.rank ?? '-'})`);
}

describe('customer questions as typed, on the shop knowledge base', () => {
  it('finds the entry first for pinyin, initials, dialect, emoticons, spaced-out words, traditional and full-width characters', () => {
    expect(missed(['pinyin', 'initials', 'dialect', 'emoji', 'spaces', 'traditional', 'fullwidth'])).toEqual([]);
  });

  it('finds it first through homophone typos, missing characters, ids, dates, rants and several questions in one', () => {
    expect(missed(['homophone-typo', 'missing-char', 'id', 'date', 'rant', 'multi'])).toEqual([]);
  });

  it('finds it first for English questions with contractions (with or without apostrophe), typos, spellings, plurals and chat abbreviations', () => {
    // one exception since extracted pairs lead by their question (answer share 0.3, like FAQ rows): the
    // FAQ pair it is labelled with asks about items bought from overseas and says who pays return
    // postage only in its answer; the policy section 退货运费由谁承担？ (who pays return postage) ranks first
    expect(missed(['english-contraction', 'english-typo', 'english-spelling', 'english-plural', 'english-chat'])).toEqual(["Is return postage paid by me if it's faulty? (rank 2)"]);
  });

  it('finds the Chinese entry for English questions and English words in Chinese ones at hit@1 0.65 and hit@5 0.92 or better (measured 0.731 / 0.962 on 26)', () => {
    const cases = report.cases.filter((c) => c.tags?.some((t) => t === 'english-to-zh' || t === 'mixed'));
    expect(cases.length).toBeGreaterThanOrEqual(26);
    expect(cases.filter((c) => c.rank === 1).length / cases.length).toBeGreaterThanOrEqual(0.65);
    expect(cases.filter((c) => c.rank !== null && c.rank <= 5).length / cases.length).toBeGreaterThanOrEqual(0.92);
  });

  it('does as well on the held-out cross-language questions: hit@1 0.83 and hit@5 0.91 or better (measured 0.917 / 1.000 on 12)', () => {
    expect(heldOut.metrics.cases).toBe(12);
    expect(heldOut.metrics.hit1).toBeGreaterThanOrEqual(0.83);
    expect(heldOut.metrics.hitK).toBeGreaterThanOrEqual(0.91);
  });

  it('answers at most 2 of 36 questions it has no answer for at confidence 0.8, at most 5 at 0.65, and no chitchat at 0.6 (measured 2, 4 and 0)', () => {
    // the defaults before 2026-11-27 were as sure by 1.6 less in log-odds: these are their 0.5 and 0.3
    // (measured 1 and 4 then; 3 and 8 with the margin counted whole). At today's 0.5 (even odds on
    // shops' traffic) 5 are answered, 你是机器人吗 among them, and 17 at 0.3 (docs/history/matching.md, Confidence).
    // With the intercept −1.8 (2026-11-27, twelfth round) Can I change the color after ordering? → How do I
    // cancel my order? went 0.78 → 0.82: it has after, the question's strongest word (color weighs as much)
    const answered = (at: number) => outOfScope.cases.filter((c) => (c.top[0]?.confidence ?? 0) >= at);
    expect(outOfScope.cases).toHaveLength(36);
    expect(answered(0.8).map((c) => c.q)).toEqual(['缺货的商品什么时候补货', 'Can I change the color after ordering?']);
    expect(answered(0.65).length).toBeLessThanOrEqual(5);
    expect(answered(0.6).filter((c) => c.tags?.includes('chitchat')).map((c) => c.q)).toEqual([]);
  });

  it('is not sure of an entry that shares only the question words (什么时候 of 钱啥时候退回来 in 什么时候发货？)', () => {
    // 时候 and the bigram 么时 counted as topics: 什么时候发货？ answered it at 0.78 (under the defaults
    // before 2026-11-27, whose 0.3 is 2.75 above a hit that covers nothing in log-odds; 0.54 now, 2.2 above)
    const [top] = kb.search('钱啥时候退回来', { k: 1 });
    const floor = logOdds(1 / (1 + Math.exp(-DEFAULT_CALIBRATION.intercept)));
    expect(top?.question !== '什么时候发货？' || logOdds(top.confidence) < floor + 2.75).toBe(true);
  });

  it('keeps the suite as a whole at hit@1 0.85 and hit@5 0.95 or better (measured 0.878 / 0.974 on 115)', () => {
    expect(report.metrics.cases).toBeGreaterThanOrEqual(115);
    expect(report.metrics.hit1).toBeGreaterThanOrEqual(0.85);
    expect(report.metrics.hitK).toBeGreaterThanOrEqual(0.95);
  });
});
