/**
 * How sure a hit is (`Confidence`): how much of the question it covers (its score over the
 * question's self-score, capped by the share of the question's words it has, lowered when it lacks
 * the strongest one) and its lead over the runner-up (none for a hit that shares only how the
 * question asks), through the logistic kb build calibrated (Calibration), so that one threshold
 * means the same for every question. Worked out for the few hits a search returns, after ranking.
 */
import type { Calibration } from './index-file.js';
import type { Postings } from './postings.js';
import { MIN_BIGRAM_IDF, withTranslation } from './query-terms.js';

/**
 * The margin as confidence counts it in indexes that say so (Calibration.leadByCoverage): only as far
 * as the hit covers the question. In a KB of a few dozen entries a question about something it
 * lacks often shares a word with one entry and none with the rest — a big lead over poor hits
 * (今天几号 → 15天… at coverage 0.36, margin 0.87: 0.61 before).
 */
export function leadByCoverage(margin: number, coverage: number): number {
  return margin * Math.min(coverage, 1);
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** What a translated word's translations add to a question's self-score beyond the word's own terms. */
export interface Surplus {
  /** The word's own terms (two or three for a phrase: how long). */
  terms: string[];
  extra: number;
}

/** A question's ranking: [entry, score, best variant] best first, its terms, its self-score (what a perfect match would score). */
export interface Ranking {
  results: [number, number, number][];
  /** The entries of `results` that share none of a topical question's topical words, only how it asks (谁, 不): their lead is no evidence. */
  topicless: ReadonlySet<number>;
  selfScore: number;
  terms: Map<string, number>;
  surpluses: Surplus[];
  /** The KB's words that translate (or bridge) a word of the question → that word (refund for 退款). */
  translated: Map<string, string>;
  /** The analysis's count of the question's own terms (the first of `terms`), its unseen words, its expansions → the word each stands for. */
  own: number;
  unknown: number;
  expandedFrom: Map<string, string>;
  /** The question's words, each with the terms that count as having it and its weight, and its strongest word (see questionWords), worked out once. */
  words?: { words: QuestionWord[]; strongest: QuestionWord | undefined };
  /**
   * What the top hit's lead is measured against: the second score as the scores ranked the entries,
   * before a FAQ row moved (asks-same.ts). A row moved to the top took the first entry's score, so its
   * lead over that entry read 0 (怎么申请保修: 0.99 for the section on top, 0.949 for the row that passed
   * it, and a bot at 0.95 got nothing); it leads by what that entry led by. Read from the first
   * ASKS_SAME_DEPTH entries, so the same whatever k a bot asks for.
   */
  runnerUp: number;
  /** A FAQ row moved above document entries (asks-same.ts) → the entry and variant whose place and score it took. */
  passed?: ReadonlyMap<number, readonly [number, number]>;
}

/** A word of the question: the terms that count as having it (its own, its expansions and translations; none for a word the KB lacks) and its weight in the self-score. */
interface QuestionWord {
  terms: string[];
  weight: number;
}

/** What of the index confidence reads. */
export interface ConfidenceSource {
  termIds: ReadonlyMap<string, number>;
  /** Per term: 1 for a CJK bigram. */
  isBigram: Uint8Array;
  idfVariant: Float64Array;
  /** Per term: its type weight (word 1, bigram, unigram; a catalogue name less). */
  termWeight: Float64Array;
  variants: Postings;
  answers: Postings;
  /** How many entries the index has. */
  size: number;
  /** The index's model, its calibration read at each use (kb build sets it on a searcher it has made). */
  model: { readonly calibration: Calibration };
}

/** Coverage and confidence of a ranking's hits, for one index. */
export class Confidence {
  private readonly index: ConfidenceSource;

  constructor(index: ConfidenceSource) {
    this.index = index;
  }

  /**
   * Calibrated probability that this hit answers the question. A hit that shares only how a topical
   * question asks (谁, 不, 可以) and none of what it is about has no lead worth counting, however far
   * ahead: 你们老板是谁 found 邮费谁出 alone at 0.42, 你们招不招人 不支持配送 at 0.44 (a user test's
   * fresh-produce shop), above its right answers to 橙子坏了三个 (0.26).
   */
  of(score: number, coverage: number, top: number, second: number, isTop: boolean, topicless = false): number {
    const c = this.index.model.calibration;
    const margin = topicless ? 0 : isTop ? (top > 0 ? (top - second) / top : 0) : (score - top) / (top || 1);
    return sigmoid(c.intercept + c.coverageWeight * coverage + c.marginWeight * (c.leadByCoverage === true ? leadByCoverage(margin, coverage) : margin));
  }

  /**
   * How much of the question hit (e, v) covers (coverageOf); a FAQ row that took a document entry's
   * place (asks-same.ts) at least as much as that entry with the same score: it asks what the question
   * asks, and confidence must not hold back the row it put first (怎么申请保修: 0.89 for the row, 0.95
   * for the section it passed, so a bot at 0.9 got the section).
   */
  coverage(score: number, ranking: Ranking, e: number, v: number): number {
    const passed = ranking.passed?.get(e);
    const own = this.coverageOf(score, ranking, e, v);
    return passed === undefined ? own : Math.max(own, this.coverageOf(score, ranking, passed[0], passed[1]));
  }

  /**
   * How much of the question hit (e, v) covers: its score over what a perfect match would score,
   * less, for each translated word the hit has as written (ship in Do you ship internationally?),
   * what its translations add beyond the word's own weight.
   */
  private coverageOf(score: number, ranking: Ranking, e: number, v: number): number {
    let self = ranking.selfScore;
    for (const { terms, extra } of ranking.surpluses) if (terms.every((term) => this.hitHas(term, e, v))) self -= extra;
    let coverage = self > 0 ? Math.min(score / self, 1.5) : 0;
    if (coverage === 0) return coverage;
    // a hit covers no more of the question than the weight of the words it has: a section that
    // writes one word of it three times over (heading, text) scored past the question's self-score
    // without its other words (lost of I lost an earbud, in LOST OR LATE PARCELS: 0.86 of it)
    const { share, hasStrongest } = this.held(ranking, e, v);
    if (share < 1) coverage = Math.min(coverage, share);
    const missing = this.index.model.calibration.missingStrongest;
    return missing === undefined || hasStrongest ? coverage : coverage * missing;
  }

  /** Whether hit (e, v) has `term`: in its matched variant or in its answer. */
  hitHas(term: string, e: number, v: number): boolean {
    const t = this.index.termIds.get(term);
    return t !== undefined && (this.index.variants.has(t, v) || this.index.answers.has(t, e));
  }

  /** The share of the question's words (by weight) hit (e, v) has (1 when they weigh nothing), and whether it has the strongest (or there is none). */
  private held(ranking: Ranking, e: number, v: number): { share: number; hasStrongest: boolean } {
    const { words, strongest } = (ranking.words ??= this.questionWords(ranking));
    let total = 0;
    let held = 0;
    let hasStrongest = strongest === undefined;
    for (const word of words) {
      total += word.weight;
      if (!word.terms.some((term) => this.hitHas(term, e, v))) continue;
      held += word.weight;
      if (word === strongest) hasStrongest = true;
    }
    return { share: total > 0 ? held / total : 1, hasStrongest };
  }
  /**
   * The question's words, each with the terms that count as having it — the word's own term and the
   * KB's words it expands or translates to (a synonym covers it) — and its weight as the self-score
   * counts it (KnowledgeBase.planTerms): impact / min(query weight, 1), a bigram too common to be scored left out (weight
   * 0), a translated word at its translations' impacts. A word the KB has never seen weighs the IDF
   * of a term no entry has: covered by the KB's words for it when the lexicon bridges it (泡水 → 进水),
   * else by no hit (截图 of 手机怎么截图 in a service centre's KB, iPhone of iPhone 15 多少钱); an
   * unseen stretch of less than a word (UNSEEN_CHAR_WEIGHT) at its share. The strongest word is the one
   * that weighs most — an unseen word no hit has, when there is one: a hit that lacks it shares the
   * question's common words, not what it asks about (手机 and 怎么, or a fee table's 多少钱);
   * undefined when no word weighs anything.
   */
  private questionWords(ranking: Ranking): { words: QuestionWord[]; strongest: QuestionWord | undefined } {
    const { terms, own, unknown, expandedFrom, translated } = ranking;
    const weight = (term: string, qw: number): number => {
      const t = this.index.termIds.get(term);
      if (t === undefined || (this.index.isBigram[t] === 1 && this.index.idfVariant[t]! < MIN_BIGRAM_IDF)) return 0;
      return this.index.idfVariant[t]! * qw * this.index.termWeight[t]!;
    };
    const ownTerms = new Set<string>();
    /** Each word of the question → the KB's words it expands or translates to, with what they weigh. */
    const stands = new Map<string, QuestionWord>();
    let n = 0;
    for (const [term, qw] of terms) {
      if (n++ < own) {
        ownTerms.add(term);
        continue;
      }
      const from = translated.get(term) ?? expandedFrom.get(term);
      if (from === undefined) continue;
      const to = stands.get(from) ?? { terms: [], weight: 0 };
      to.terms.push(term);
      if (translated.has(term)) to.weight = withTranslation(to.weight, term, weight(term, qw));
      stands.set(from, to);
    }
    const unseen = Math.log(1 + (this.index.size + 0.5) / 0.5);
    // the question's words the KB has never seen and the lexicon bridges (not its own terms), each
    // covered by the KB's words for it; the rest of the unseen words by no hit
    const bridged = [...stands].filter(([word]) => !ownTerms.has(word) && !this.index.termIds.has(word)).sort((x, y) => y[1].weight - x[1].weight);
    const words: QuestionWord[] = [];
    const asUnseen = unknown >= 1 ? Math.min(Math.floor(unknown), bridged.length) : 0;
    for (const [, to] of bridged.slice(0, asUnseen)) words.push({ terms: to.terms, weight: unseen });
    const unbridged = unknown - asUnseen;
    if (unbridged > 0) words.push({ terms: [], weight: unbridged * unseen });
    // a word the question writes in the other language (warranty of an English question to a Chinese
    // KB): covered by its translations, at their impacts; a run of words the KB also writes (how long
    // → 多久): its words are each covered by its translations too, as the self-score counts the run once
    const phrases = [...stands].filter(([word]) => word.includes(' ') && word.split(' ').some((part) => ownTerms.has(part)));
    const translations = bridged
      .slice(asUnseen)
      .filter(([word]) => !phrases.some(([phrase]) => phrase === word))
      .map(([, to]) => to);
    // the strongest: an unseen word no hit has, if any; else the heaviest of the bridged and own words
    const noneHas = unknown - bridged.length >= 1;
    let strongest = noneHas ? words[words.length - 1] : words.length > 0 && words[0]!.terms.length > 0 ? words[0] : undefined;
    let best = strongest === undefined ? 0 : unseen;
    n = 0;
    for (const [term, qw] of terms) {
      if (n++ >= own) break;
      const via = stands.get(term);
      // a word the KB writes only in the other language: its translations' impacts
      const w = weight(term, qw) / Math.min(qw, 1) || (via?.weight ?? 0);
      const inPhrases = phrases.flatMap(([phrase, to]) => (phrase.split(' ').includes(term) ? to.terms : []));
      const word = { terms: [term, ...(via?.terms ?? []), ...inPhrases], weight: w };
      words.push(word);
      if (!noneHas && w > best) {
        best = w;
        strongest = word;
      }
    }
    return { words: [...words, ...translations], strongest };
  }
}
