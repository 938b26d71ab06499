/**
 * A hit's matched terms as the question (or the entry) writes them, not as the analyzer keeps them:
 * 退貨 in a traditional question, not 退货; warranty, not the stem warranti; refund for its
 * translation 退款. What Hit.matchedTerms shows a person reading why a hit matched.
 */
import type { Analyzer } from '../analyze/analyzer.js';
import { wordsAsWrittenIn } from '../text/normalize.js';
import { ENGLISH_KEY } from './query-terms.js';

/** An English term (a phrase: each of its words) as `words` (term → word) writes it, if it writes all of it. */
export function asWords(term: string, words: ReadonlyMap<string, string>): string | undefined {
  const parts = term.split(' ').map((part) => words.get(part));
  return parts.every((w) => w !== undefined) ? parts.join(' ') : undefined;
}

/**
 * A term of the question as the question writes it: a Chinese word in its script (wordsAsWrittenIn),
 * an English stem as its word (warranti → warranty), and the KB's word for a translated English
 * word or phrase as that word (退款 → refund, 多久 → how long).
 */
export function asWrittenIn(analyzer: Analyzer, question: string, translated: ReadonlyMap<string, string>): (term: string) => string | undefined {
  const chinese = wordsAsWrittenIn(question);
  let english: Map<string, string> | undefined;
  const word = (stem: string): string | undefined => asWords(stem, (english ??= englishWords(analyzer, [question])));
  return (term) => {
    // the question's word a KB word translates or bridges: an English one as written, a Chinese
    // one (运费 asked of an English KB that writes ship) in the question's script
    const from = translated.get(term);
    if (from !== undefined) return ENGLISH_KEY.test(from) ? word(from) : (chinese(from) ?? from);
    if (ENGLISH_KEY.test(term)) return word(term);
    return chinese(term);
  };
}

/**
 * The English words of `texts` by the analyzer's term for each (deliveri → delivery), lowercased, as
 * first written; with `wanted`, only words that may be those terms (a term starts with its word's
 * first two letters), and no further once all are found. A long answer analyzed word by word for
 * the one stem a hit's matched terms needed took 8–11 ms of some doc2dial questions.
 */
export function englishWords(analyzer: Analyzer, texts: readonly string[], wanted?: ReadonlySet<string>): Map<string, string> {
  const words = new Map<string, string>();
  const starts = wanted === undefined ? undefined : new Set([...wanted].map((t) => t.slice(0, 2)));
  let missing = wanted?.size ?? Infinity;
  for (const text of texts) {
    for (const w of text.match(/[A-Za-z][A-Za-z'’]*/gu) ?? []) {
      const lower = w.toLowerCase();
      if (starts !== undefined && !starts.has(lower.slice(0, 2))) continue;
      const [t] = analyzer.analyze(w);
      if (t === undefined || words.has(t)) continue;
      words.set(t, lower);
      if (wanted?.has(t) === true && --missing === 0) return words;
    }
  }
  return words;
}
