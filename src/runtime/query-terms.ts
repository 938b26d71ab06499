/**
 * How a question becomes weighted query terms (`QueryTerms.analyze`): its own terms and homophones
 * (weight 1, 0.8), an English typo as the word it stands for, the KB's words for a word it does not
 * use (translations and lexicon bridges), and learned expansions (associationWeight × strength); and
 * what the question tells beyond its terms — how many of its words the KB has never seen, whether it
 * names a topic at all, which kinds of goods it names. Runs once per question, before scoring: the
 * scoring loop (knowledge-base.ts) only reads the terms and weights decided here.
 */
import { Analyzer, BIGRAM_PREFIX, bareCode, RANGE_TERM, CODE_TERM, codePieces, CURRENCY_WORDS_AFTER, ENGLISH_CURRENCY_WORDS_AFTER, isWordTerm, MORE_CURRENCY_WORDS_AFTER } from '../analyze/analyzer.js';
import { stem } from '../analyze/english.js';
import { NEGATIONS, QUESTION_WORDS } from '../analyze/stopwords.js';
import type { Associations } from './associations.js';
import { mayBeTypo, TypoIndex } from './typos.js';

/** A Chinese word (every character Han). */
export const HAN_WORD = /^[\u3400-\u9fff]+$/;
/** An English word's term, or a run of them (how long): what a translation expands from. */
export const ENGLISH_KEY = /^[a-z]+(?: [a-z]+)*$/;

/** Bits of what an entry shares with a question (QueryTerms.topicBits): more than how it asks; a word that names a topic. */
export const TOPIC_ASKED = 1;
export const TOPIC_NAMED = 2;

/** Query weight of the lexicon's word for a customer's word the KB never writes (不想要 → 无理由退货), as of an English word's main translation. */
const BRIDGED_WORD_WEIGHT = 0.8;
/** At most this many of the KB's ranges a question's number is read as (160: 158~163, 150~170 …). */
const MAX_RANGES_OF_NUMBER = 8;
/**
 * What a question's word is covered by once `term`, one of its translations worth `weight`, is added to
 * `covered`: translations add up, but a number's ranges (7 in 5-10件 and 6-8点) are alternatives, not
 * parts — a hit holds one at most, so the number counts as its weightiest range (summed, one 7 weighed
 * like eight rare terms and every hit's confidence fell: 7号能发货吗 0.52 → 0.29). Scoring
 * (KnowledgeBase.planTerms) and confidence count it alike.
 */
export function withTranslation(covered: number, term: string, weight: number): number {
  return RANGE_TERM.test(term) ? Math.max(covered, weight) : covered + weight;
}

/** At most this many expansion terms per question (learned associations and lexicon). */
const MAX_EXPANSIONS = 8;
/** At most this many translations per question (BILINGUAL_LEXICON: an English word's Chinese words), besides the expansions. */
const MAX_TRANSLATIONS = 8;
/** How much a single Chinese character of an unseen stretch of the question counts as unseen (a word counts 1). */
const UNSEEN_CHAR_WEIGHT = 0.5;
/** Query weight of the word an English typo stands for (retrun → return), as for a homophone. */
const TYPO_WEIGHT = 0.8;
/**
 * A bigram in more than about a fifth of the entries (IDF below 1.5) is not scored: its word is,
 * and reading its long postings list changed no ranking on the development sets (docs/history/matching.md).
 */
export const MIN_BIGRAM_IDF = 1.5;
/** Expansions to words in more than about a tenth of the entries (IDF below ln 10) are not worth their postings. */
const MIN_EXPANSION_IDF = Math.log(10);

/** What a question is, as the index reads it (QueryTerms.analyze). */
export interface QuestionAnalysis {
  /** The question's terms the index knows, weighted: its own terms (and homophones) first, then translations and expansions. */
  terms: Map<string, number>;
  /** How many of its words the index has never seen (see novelty). */
  unknown: number;
  /** Whether it names a topic (a word other than a question word): else no hit covers it. */
  topical: boolean;
  /** Whether it names something beyond question words and negations (see topicBits). */
  names: boolean;
  /** How many of `terms` are the question's own (they come first). */
  own: number;
  /** The KB's words that translate (or bridge) a word of the question → that word (refund for 退款). */
  translated: Map<string, string>;
  /** Each expansion → the question word it is strongest for (a word's related words do not stack). */
  expandedFrom: Map<string, string>;
  /** The kinds of goods it names (IndexModel.products), known to the KB or not. */
  kinds: number[];
}

/** What of the index the question analysis reads. */
export interface QueryTermsSource {
  analyzer: Analyzer;
  termIds: ReadonlyMap<string, number>;
  associations: Associations;
  /** IDF of each term in the question field (counting entries). */
  idfVariant: Float64Array;
  /** Term → the related terms that translate it (IndexModel.translations); undefined for an index written without them. */
  translationsOf: Map<string, Set<string>> | undefined;
  /** Term → its kind of goods (IndexModel.products). */
  productKind: ReadonlyMap<string, number>;
}

/**
 * The model and error codes of a question the KB has no term for, as `has` (the KB's terms) tells:
 * `known`, the terms that are no word the KB lacks — a code written with zeros (E02) the KB writes
 * without (E2), with its pieces (the 02), and a code the KB writes apart (KJ-500, Mate 60, iPhone 15
 * for kj500, mate60: its letters and a number of two digits or more are KB terms; one digit is in
 * every 5分钟, 7天, no sign of one); `noMatch`, the pieces of a code the KB never writes (E5 where it
 * writes E1 … E4), which match nothing: 空调E5什么意思 found 空调显示E1是什么意思？ through e and 5 at
 * 0.69 (user test).
 */
function unknownCodes(terms: ReadonlyMap<string, number>, has: (term: string) => boolean): { known: Set<string>; noMatch: Set<string> } {
  const known = new Set<string>();
  const noMatch = new Set<string>();
  for (const t of terms.keys()) {
    if (!CODE_TERM.test(t) || has(t)) continue;
    const pieces = codePieces(t);
    const bare = bareCode(t);
    if (bare !== t && terms.has(bare) && has(bare)) {
      known.add(t);
      for (const piece of pieces) known.add(piece);
    } else if (pieces.length === 2 && pieces.every(has) && /^[0-9]{2,}$/u.test(pieces[1]!)) known.add(t);
    else for (const piece of pieces) noMatch.add(piece);
  }
  return { known, noMatch };
}

/**
 * A sum a question names (我充的100元话费怎么还没到, 充了50块) is mostly the customer's own case, like an
 * order number, not what the question is about: `#amount` matches any amount the KB writes (a
 * denominations table, an example in a refund rule), so it weighs CUSTOMER_SUM_WEIGHT, and so does
 * the currency word after it (元 of 100元: the same sum counted twice). A hit that does not write an
 * amount is not the less covered for it (isCaseTerm). A figure with cents (6.95, ¥19.90) is a price
 * or fee the customer quotes from the KB and keeps its weight (docs/matching.md, "numbers").
 */
const CUSTOMER_SUM_WEIGHT = 0.5;
const AMOUNT_TERM = '#amount';
// (the currency words the analyzer reads an amount by, as terms: its own lists, English ones stemmed,
// and 块钱, the word the segmenter may cut 50块钱's 块 into)
const CURRENCY_WORDS: ReadonlySet<string> = new Set([...CURRENCY_WORDS_AFTER, ...MORE_CURRENCY_WORDS_AFTER, '块钱', ...ENGLISH_CURRENCY_WORDS_AFTER.map(stem)]);
const QUOTED_PRICE = /\d[.,]\d\d(?!\d)/u;

/** `#amount` or a currency word. */
function isSumTerm(term: string): boolean {
  return term === AMOUNT_TERM || CURRENCY_WORDS.has(term);
}

/** Whether a question's own term is a customer's sum lowered to CUSTOMER_SUM_WEIGHT: a hit covers it at that weight, not as a word it lacks. */
export function isCaseTerm(term: string, weight: number): boolean {
  return weight < 1 && isSumTerm(term);
}

/** A question term's weight, lowered for a customer's own sum (see CUSTOMER_SUM_WEIGHT). */
function sumWeight(term: string, weight: number, ownSum: boolean): number {
  return ownSum && isSumTerm(term) ? Math.min(weight, CUSTOMER_SUM_WEIGHT) : weight;
}

/** The question's terms as one index reads them; holds what it works out once per index (question-word terms, the typo index). */
export class QueryTerms {
  private readonly index: QueryTermsSource;
  /** QUESTION_WORDS as the analyzer's terms: the words, and the English ones as stemmed (many → mani). */
  readonly questionTerms: ReadonlySet<string>;
  /** NEGATIONS as the analyzer's terms: they ask the opposite (a hit that has them ranks as topical) but name nothing. */
  private readonly negationTerms: ReadonlySet<string>;
  /** The character bigrams inside the Chinese question words (多久, 么时 of 什么时候). */
  private readonly questionBigrams: ReadonlySet<string>;
  private typoIndex: TypoIndex | undefined;
  private chinese: boolean | undefined;

  constructor(index: QueryTermsSource) {
    this.index = index;
    const analyzer = index.analyzer;
    this.questionTerms = new Set([...QUESTION_WORDS].flatMap((w) => (/^[a-z]+$/.test(w) ? [w, ...analyzer.analyze(w)] : [w])));
    this.negationTerms = new Set([...NEGATIONS].flatMap((w) => (/^[a-z]+$/.test(w) ? [w, ...analyzer.analyze(w)] : [w])));
    this.questionBigrams = new Set([...QUESTION_WORDS].filter((w) => HAN_WORD.test(w)).flatMap((w) => [...w].slice(1).map((c, i) => `${w[i]!}${c}`)));
  }

  /** Whether a term only asks (a question word, or a bigram inside one: ~多久, ~么时) and names no topic. */
  private asksOnly(term: string): boolean {
    return term.startsWith(BIGRAM_PREFIX) ? this.questionBigrams.has(term.slice(BIGRAM_PREFIX.length)) : this.questionTerms.has(term);
  }

  /**
   * What a question term tells of an entry that has it (bits of entryTopical): 0 only how the question
   * asks (谁, 怎么), TOPIC_ASKED a negation (不: the entry ranks as on topic, measured: bq-bare lost a
   * question of its top 5 when it did not), TOPIC_ASKED | TOPIC_NAMED a word that names what it is about.
   */
  topicBits(term: string): number {
    if (this.asksOnly(term)) return 0;
    return this.negationTerms.has(term) ? TOPIC_ASKED : TOPIC_ASKED | TOPIC_NAMED;
  }

  /** The deletion index of the KB's English words, built on the first unknown English word. */
  typos(): TypoIndex {
    if (this.typoIndex === undefined) this.typoIndex = new TypoIndex(this.index.termIds.keys());
    return this.typoIndex;
  }

  /** Whether the KB writes any Chinese word (worked out on the first question that needs it). */
  private writesChinese(): boolean {
    if (this.chinese === undefined) {
      this.chinese = false;
      for (const term of this.index.termIds.keys()) {
        if (HAN_WORD.test(term)) {
          this.chinese = true;
          break;
        }
      }
    }
    return this.chinese;
  }

  /** The KB's ranges (158~163: a size chart's 158-163, option numberRanges) as [from, to, term], found on the first question with a number. */
  private ranges: [number, number, string][] | undefined;

  /** The range terms of the KB that hold `n` strictly inside (its ends are terms of their own), at most MAX_RANGES_OF_NUMBER, narrowest first. */
  private inRanges(n: number): string[] {
    // (an index built without the option has none: its terms are not read for them)
    if (this.ranges === undefined) {
      this.ranges = [];
      if (this.index.analyzer.settings.options.numberRanges === true) {
        for (const term of this.index.termIds.keys()) {
          const m = RANGE_TERM.exec(term);
          if (m !== null) this.ranges.push([Number(m[1]), Number(m[2]), term]);
        }
      }
    }
    return this.ranges
      .filter(([from, to]) => from < n && n < to)
      .sort((a, b) => a[1] - a[0] - (b[1] - b[0]) || (a[2] < b[2] ? -1 : 1))
      .slice(0, MAX_RANGES_OF_NUMBER)
      .map(([, , term]) => term);
  }

  /**
   * The question's terms the index knows, weighted (its own, homophones, learned associations),
   * and `unknown`: how many of its words the index has never seen (see novelty).
   */
  analyze(question: string): QuestionAnalysis {
    const { termIds, associations, idfVariant, productKind } = this.index;
    const { terms, pinyinMatches, phrases } = this.index.analyzer.analyzeQuery(question);
    const out = new Map<string, number>();
    let unknown = 0;
    // the translations of the question's words (warranty → 保修, 保修期 on a Chinese KB), each with the
    // word or run of words it translates (the one it is strongest for): a hit covers them as it would
    // cover the words, though they are scored as expansions (see KnowledgeBase.planTerms)
    const translated = new Map<string, string>();
    // each expansion's question word (the one it is strongest for): a word's related words do not stack
    const expandedFrom = new Map<string, string>();
    // a question made only of question words (怎么办, how) names no topic: no hit covers it
    let topical = false;
    // …and one made only of them and negations names nothing a hit could share (see topicBits)
    let names = false;
    const codes = unknownCodes(terms, (term) => termIds.has(term));
    const ownSum = terms.has(AMOUNT_TERM) && !QUOTED_PRICE.test(question);
    // the kinds of goods it names, known to the KB or not (电视 asked of a KB of fridges)
    const kinds: number[] = [];
    for (const [t, w] of terms) {
      if (isWordTerm(t) && !this.questionTerms.has(t)) {
        topical = true;
        if (!this.negationTerms.has(t)) names = true;
      }
      const kind = w >= 1 ? productKind.get(t) : undefined;
      if (kind !== undefined && !kinds.includes(kind)) kinds.push(kind);
      if (termIds.has(t)) out.set(t, sumWeight(t, w, ownSum));
      else if (codes.known.has(t)) continue;
      else if (w >= 1) {
        // a word the KB does not use but translates is covered through its translations
        if (this.mainTranslation(t) !== undefined) continue;
        // an English typo the KB's words explain (retrun → return) counts as that word, like a homophone
        // (a Chinese KB's unknown words never build the English index)
        // (not a word the lexicon relates to the KB's words: stuck is no typo of stock, crushed none of brush)
        const meant = mayBeTypo(t) && associations.get(t) === undefined ? this.typos().correct(t) : undefined;
        if (meant !== undefined) {
          if (!terms.has(meant) && !out.has(meant)) out.set(meant, TYPO_WEIGHT);
        } else if (!(this.questionTerms.has(t) && HAN_WORD.test(t) && !this.writesChinese())) unknown += this.novelty(t, pinyinMatches, terms);
        // (a Chinese question word asked of a KB that writes no Chinese — 怎么退货 of an English KB — asks,
        // it names nothing the KB lacks; in a Chinese KB, one it never writes (啥, 咋) still counts)
      }
    }
    for (const piece of codes.noMatch) out.delete(piece);
    // the question's own terms (and homophones) come first in `terms`; expansions follow
    const own = out.size;
    // a number inside the KB's ranges (160 in 身高158-163) is covered by them as by the number itself
    for (const [t, w] of terms) {
      if (!/^\d{1,3}$/u.test(t)) continue;
      for (const range of this.inRanges(Number(t))) {
        if (out.has(range)) continue;
        out.set(range, w);
        translated.set(range, t);
      }
    }
    if (associations.size > 0) {
      // expansions: the strongest few by weight × IDF; a related word in a tenth of the entries or
      // more says little and would cost a long postings list on every question
      // translations (an English word's Chinese words, BILINGUAL_LEXICON, and on an English KB a Chinese
      // word's English ones) are the question's own words in the KB's language: not cut as too common,
      // and capped on their own
      const expansions = new Map<string, number>();
      const translations = new Map<string, number>();
      const translates = new Map<string, string>();
      // the question's terms, and its runs of English words (how long → 多久)
      const keys: Iterable<[string, number]> = phrases.length === 0 ? terms : [...terms, ...phrases.map((p): [string, number] => [p, 1])];
      for (const [t, w] of keys) {
        const english = ENGLISH_KEY.test(t);
        // a Chinese word the KB does not use at all looks for its English words (an English KB)
        const unknownChinese = !english && !termIds.has(t) && HAN_WORD.test(t);
        // …or, when the KB has no English for it, for the KB's Chinese words (below); never both:
        // no hit in one language matches both, and the word's cover would add them up
        const bridging = unknownChinese && this.mainTranslation(t) === undefined;
        for (const [related, strength] of associations.get(t) ?? []) {
          const id = termIds.get(related);
          if (id === undefined || out.has(related)) continue;
          // a customer's word the KB never writes (不想要, 弄丢) is said in the KB's words (无理由退货, 丢失):
          // an unknown word has no learned association, only the lexicon's. Its words stand in for it
          // nearly whole and, like translations, are not cut as common, and a hit covers them as it
          // would cover the word; but the word still counts as unseen too (the KB does not say it):
          // a question bridged this way is answered less surely than one in the KB's own words
          const bridge = bridging && HAN_WORD.test(related);
          const translation = this.isTranslation(t, related, english, unknownChinese);
          if (!translation && !bridge && (idfVariant[id] ?? 0) < MIN_EXPANSION_IDF) continue;
          const into = translation || bridge ? translations : expansions;
          const weight = w * (bridge ? Math.max(strength, BRIDGED_WORD_WEIGHT) : strength);
          if (weight > (into.get(related) ?? 0)) {
            into.set(related, weight);
            if (translation || bridge) translates.set(related, t);
            else expandedFrom.set(related, t);
          }
        }
      }
      const impact = (term: string, weight: number): number => weight * (idfVariant[termIds.get(term) ?? 0] ?? 0);
      const strongest = (found: Map<string, number>, cap: number): [string, number][] =>
        [...found].sort((x, y) => impact(y[0], y[1]) - impact(x[0], x[1]) || (x[0] < y[0] ? -1 : 1)).slice(0, cap);
      for (const [term, weight] of strongest(translations, MAX_TRANSLATIONS)) {
        out.set(term, weight);
        const from = translates.get(term);
        if (from !== undefined) translated.set(term, from);
      }
      for (const [term, weight] of strongest(expansions, MAX_EXPANSIONS)) if (!out.has(term)) out.set(term, weight);
    }
    return { terms: out, unknown, topical, names, own, translated, expandedFrom, kinds };
  }

  /**
   * The KB's main word in the other language for a word it does not use (its strongest translation:
   * warranty → 保修, 退款 → refund), if the KB uses one.
   */
  private mainTranslation(term: string): string | undefined {
    const english = ENGLISH_KEY.test(term);
    if (!english && !HAN_WORD.test(term)) return undefined;
    let best: [string, number] | undefined;
    // (called for words the KB does not use: a Chinese one is unknown)
    for (const [related, strength] of this.index.associations.get(term) ?? []) {
      if (this.isTranslation(term, related, english, !english) && this.index.termIds.has(related) && strength > (best?.[1] ?? 0)) best = [related, strength];
    }
    return best?.[0];
  }

  /**
   * Whether `related` translates the question's term `term`: as the index marks translations; for an
   * index written without the marks, by script (an English word's Chinese association, or a Chinese
   * word's English one where the KB does not use the Chinese word).
   */
  private isTranslation(term: string, related: string, english: boolean, unknownChinese: boolean): boolean {
    const translationsOf = this.index.translationsOf;
    if (translationsOf !== undefined) return translationsOf.get(term)?.has(related) === true;
    return english ? HAN_WORD.test(related) : unknownChinese && ENGLISH_KEY.test(related);
  }

  /**
   * How much an unknown query word tells: a word the KB never uses (分期, password) counts 1; a
   * Chinese word by the share of its character bigrams the KB lacks too (退款时间, made of known
   * 退款 and 时间, counts little); a single Chinese character counts half when no bigram of the
   * question containing it is known (机器人, split into single characters), else 0 (谁 of 运费谁出:
   * how people ask, not what); a typo that a homophone explains counts 0.
   */
  private novelty(term: string, pinyinMatches: readonly [string, string][], terms: ReadonlyMap<string, number>): number {
    if (!isWordTerm(term) || pinyinMatches.some(([typed]) => typed.includes(term))) return 0;
    if (!HAN_WORD.test(term)) return 1;
    const termIds = this.index.termIds;
    const chars = [...term];
    if (chars.length < 2) {
      // a character in a stretch of the question the KB has never seen written (no bigram of it is
      // known: 机器人 → 机 器 人, 股票 → 股 票) is unseen content; one the KB has next to a
      // neighbour (谁 of 运费谁出) is how people ask
      for (const q of terms.keys()) if (q.startsWith(BIGRAM_PREFIX) && q.includes(term) && termIds.has(q)) return 0;
      return UNSEEN_CHAR_WEIGHT;
    }
    let fresh = 0;
    for (let i = 0; i + 1 < chars.length; i++) if (!termIds.has(BIGRAM_PREFIX + chars[i]! + chars[i + 1]!)) fresh++;
    return fresh / (chars.length - 1);
  }
}
