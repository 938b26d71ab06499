// A phone-credit shop's recharge rules (fixtures/customer-sums): a denominations table lists 30元 /
// 50元 / 100元, a refund rule gives an example sum, and the section that answers 没到账 writes no sum.
// A sum in a question is the customer's own case (a virtual-goods shop's user trial: 我充的100元话费怎么
// 还没到 found the denominations table through #amount and 元), while a price with cents the
// customer quotes from the KB (why did you take 6.95 off my refund) still finds the fee that states it.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analyzer, CURRENCY_WORDS_AFTER, ENGLISH_CURRENCY_WORDS_AFTER, MORE_CURRENCY_WORDS_AFTER } from '../analyze/analyzer.js';
import { build } from '../build/index.js';
import { buildAnalyzerSettings } from '../build/vocabulary.js';
import { BUILD_TIMEOUT, ROOT, tempDir } from '../test-support/kb.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { loadIndex } from './load.js';
import { isCaseTerm } from './query-terms.js';

const dir = tempDir('kb-customer-sums-');
afterAll(() => dir.remove());

let kb: KnowledgeBase;
beforeAll(async () => {
  const out = join(dir.path, 'sums.index');
  const built = await build({ sources: [join(ROOT, 'fixtures/customer-sums')], out });
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
  kb = await loadIndex(out);
}, BUILD_TIMEOUT);

const section = (heading: string): string | undefined => kb.entries.find((e) => e.source?.headingPath.at(-1) === heading)?.id;

describe('a sum in a question', () => {
  it('weighs half, with its currency word: it matches any amount the KB writes', () => {
    const terms = kb.queryTerms('充了50元话费怎么还没到账');
    expect(terms.get('#amount')).toBe(0.5);
    expect(terms.get('元')).toBe(0.5);
    expect(terms.get('话费')).toBe(1);
  });

  it('does not carry the denominations table or the refund example over the section that answers it', () => {
    const hits = kb.search('充了50元话费怎么还没到账', { k: 5 });
    expect(hits[0]?.id).toBe(section('二、话费迟迟未到账'));
    const table = hits.find((h) => h.id === section('四、可选面值'));
    expect(table === undefined || table.confidence < hits[0]!.confidence).toBe(true);
  });

  it('is not a word the right hit lacks: the answer that writes no sum is covered as well as without it', () => {
    const withSum = kb.search('话费充了100元还没到账', { k: 5 }).find((h) => h.id === section('二、话费迟迟未到账'));
    const without = kb.search('话费充了还没到账', { k: 5 }).find((h) => h.id === section('二、话费迟迟未到账'));
    expect(withSum).toBeDefined();
    expect(without).toBeDefined();
    expect(withSum!.confidence).toBeGreaterThan(without!.confidence * 0.8);
  });

  it('keeps its weight when it has cents: a price the KB quotes finds the entry that states it', () => {
    expect(kb.queryTerms('why did you take 6.95 off my refund').get('#amount')).toBe(1);
    const hits = kb.search('why did you take 6.95 off my refund', { k: 3 });
    expect(hits.map((h) => h.question)).toContain('Is there a fee for returning my order?');
  });
});

describe('the currency words', () => {
  // one list makes the analyzer's amounts and the runtime's sum terms (they were two lists that had to agree)
  const words = [...CURRENCY_WORDS_AFTER, ...MORE_CURRENCY_WORDS_AFTER, ...ENGLISH_CURRENCY_WORDS_AFTER];
  let analyzer: Analyzer;
  beforeAll(async () => {
    // a shop whose texts write every one of them, so each is a word of its vocabulary
    const settings = await buildAnalyzerSettings({ texts: words.map((w) => `价格50${w}`) });
    if (!settings.ok) throw new Error(JSON.stringify(settings.problems));
    analyzer = new Analyzer(settings.value);
  }, BUILD_TIMEOUT);

  it.each(words)('50 %s is an amount, and its currency word a sum term the runtime weighs as the customer\'s', (word) => {
    const terms = analyzer.analyze(/[a-z]/u.test(word) ? `i paid 50 ${word} for it` : `充了50${word}`);
    const at = terms.indexOf('#amount');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(isCaseTerm(terms[at + 1]!, 0.5)).toBe(true);
  });

  it('a word that is no currency is no sum term (50 apples)', () => {
    const terms = analyzer.analyze('i bought 50 apples');
    expect(terms).not.toContain('#amount');
    expect(terms.some((t) => isCaseTerm(t, 0.5))).toBe(false);
  });
});
