// How real customers type (pinyin, initials, dialect, emoticons, spaced-out words, traditional
// characters, typos, ids, rants …), asked of a small shop knowledge base written for it:
// fixtures/customer-queries (README there). A gate on the analyzer's chat forms as a whole.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../build/index.js';
import { evaluate, type EvalReport } from '../eval/run.js';
import { readSuite } from '../eval/suite.js';
import { loadIndex } from '../runtime/load.js';
import { BUILD_TIMEOUT, ROOT, tempDir } from '../test-support/kb.js';

const dir = tempDir('kb-customer-queries-');
let report: EvalReport;
/** The cross-language questions kept out of development (shop-heldout.jsonl), scored once it was done. */
let heldOut: EvalReport;

beforeAll(async () => {
  const out = join(dir.path, 'shop.index');
  const built = await build({ sources: [join(ROOT, 'fixtures/customer-queries/shop')], out });
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
  const suite = await readSuite(join(ROOT, 'fixtures/customer-queries/shop.jsonl'));
  expect(suite.problems).toEqual([]);
  const held = await readSuite(join(ROOT, 'fixtures/customer-queries/shop-heldout.jsonl'));
  expect(held.problems).toEqual([]);
  const kb = await loadIndex(out);
  report = evaluate(kb, suite.cases, 5);
  heldOut = evaluate(kb, held.cases, 5);
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
    expect(missed(['english-contraction', 'english-typo', 'english-spelling', 'english-plural', 'english-chat'])).toEqual([]);
  });

  it('finds the Chinese entry for English questions and English words in Chinese ones at hit@1 0.65 and hit@5 0.92 or better (measured 0.692 / 0.962 on 26)', () => {
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

  it('keeps the suite as a whole at hit@1 0.85 and hit@5 0.95 or better (measured 0.870 / 0.974 on 115)', () => {
    expect(report.metrics.cases).toBeGreaterThanOrEqual(115);
    expect(report.metrics.hit1).toBeGreaterThanOrEqual(0.85);
    expect(report.metrics.hitK).toBeGreaterThanOrEqual(0.95);
  });
});
