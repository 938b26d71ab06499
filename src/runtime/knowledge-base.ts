/**
 * The searcher a bot holds: the loaded index and one `search` method. Scoring is BM25 over two
 * fields, computed term-at-a-time over packed postings:
 *
 *   score(entry) = max over its question variants of BM25(question, variant)
 *                + answerWeight × BM25(question, answer + heading path)
 *
 * Query terms are the analyzer's terms (weight 1), homophone matches (0.8) and terms the KB
 * taught itself (associationWeight × strength). IDF counts entries, not variants, so an intent
 * with many paraphrases does not dilute its own words. `confidence` maps the top score's share
 * of the question's self-score and its margin over the runner-up through a logistic calibrated
 * at build time, so one threshold means the same for every question.
 */
import { Analyzer, BIGRAM_PREFIX, bareCode, CODE_TERM, codePieces, isWordTerm, UNIGRAM_PREFIX } from '../analyze/analyzer.js';
import { NEGATIONS, QUESTION_WORDS } from '../analyze/stopwords.js';
import type { EntrySource } from '../store/entry.js';
import { packFloat32s, unpackFloat32s, type IndexData, type IndexEntry, type IndexModel } from './index-file.js';
import { Associations } from './associations.js';
import { Postings } from './postings.js';
import { mayBeTypo, TypoIndex } from './typos.js';
import { decodeVarints, encodeVarints } from './varint.js';
import { wordsAsWrittenIn } from '../text/normalize.js';
import { choosePassage, DEFAULT_PASSAGE_CHARS, needsOtherTerms, passageTerms, passageUnits, scoreUnits, type PassageTerm, type PassageUnit, type UnitText } from './passage.js';

export interface SearchOptions {
  /** How many hits at most (default 5). */
  k?: number;
  /** Drop hits whose confidence is below this (default 0). */
  threshold?: number;
  /**
   * Each hit of a longer answer gets a `passage` of at most this many characters (default 200);
   * 0: no passages.
   */
  passageChars?: number;
  /**
   * How many of the best hits get a passage (default 1: a bot sends the top hit; a passage costs
   * about 60 µs for an answer not read before).
   */
  passageHits?: number;
  /**
   * Hits below this confidence get no passage (default 0). For a caller that asks for every hit
   * but returns only those at its own threshold (kb serve logs the top hit the threshold holds
   * back): no passage is worked out for a hit it does not return. `passageHits` counts the hits at
   * or above it.
   */
  passageMinConfidence?: number;
  /** @internal kb build's calibration: leave this variant out, as if it were not indexed. */
  excludeVariant?: number;
}

export interface Hit {
  id: string;
  question: string;
  /** The question variant that matched best (the question or one of its similar questions). */
  matched: string;
  answer: string;
  score: number;
  /** In [0, 1], comparable across questions: answer when above your threshold, else hand off. */
  confidence: number;
  source?: EntrySource;
  /** The query terms found in the matched variant or the answer, as the question writes them (退貨 in a traditional question). */
  matchedTerms: string[];
  /**
   * When the answer is longer than `passageChars` (200), for the first `passageHits` hits (1): the
   * sentences, list items or table rows of it that the question is about, at most that long, as
   * written in the answer — what a chat bot can send; a list that goes on past it ends with a
   * line …… (… in English). Absent when the answer is short enough to send whole.
   */
  passage?: string;
  /** The entry's tags and category (an FAQ table's 标签 / 分类 columns), for a bot that routes on them: a logistics question to the logistics team. Absent when it has none. */
  tags?: string[];
}

/**
 * The margin as confidence counts it in indexes that say so (Calibration.leadByCoverage): only as far
 * as the hit covers the question. In a KB of a few dozen entries a question about something it
 * lacks often shares a word with one entry and none with the rest — a big lead over poor hits
 * (今天几号 → 15天… at coverage 0.36, margin 0.87: 0.61 before).
 */
export function leadByCoverage(margin: number, coverage: number): number {
  return margin * Math.min(coverage, 1);
}

/**
 * The share of its score an entry keeps when it has none of a topical question's topical terms, only
 * its question words (how long of how long is the warranty, in How long does a refund take?).
 */
const TOPICLESS_SHARE = 0.5;

/** Bits of what an entry shares with a question (KnowledgeBase.topicBits): more than how it asks; a word that names a topic. */
const TOPIC_ASKED = 1;
const TOPIC_NAMED = 2;

/**
 * The share of its score an entry keeps when its questions name a kind of goods (IndexModel.products:
 * 洗衣机) and it names none of the kinds the question names (空调有异味), anywhere: it answers for
 * another product. Without it, 洗衣机有异味怎么办？ came before a manual's 空调出风有异味怎么办？ (a user
 * test's appliance shop), and 电视没声音 found 冰箱噪音大正常吗？.
 */
const PRODUCT_CONFLICT_SHARE = 0.5;

/**
 * The weight of a catalogue's product-name terms (IndexModel.names): where 80 products are each
 * asked the same 37 questions, the name (Robo S Lite扫地机器人: eight terms with its parts and
 * bigrams, each in a few dozen entries) outweighed the question's own words, and every entry of the
 * product scored nearly alike — 要退货去哪弄 found the product's repair entry through 去 / 哪里.
 * Measured on a 3,041-row catalogue's 2,000 questions (hit@1 / MRR): 1 (as before) 0.618 / 0.685,
 * 0.8 0.625 / 0.689, 0.7 0.628 / 0.689, 0.6 0.630 / 0.690, 0.5 0.626 / 0.685, 0.3 0.545 / 0.637 (the
 * model words — Lite, Max — then stop telling X20 from X20 Lite).
 */
const CATALOGUE_NAME_SHARE = 0.6;

/**
 * The share of its score a catalogue row keeps when it is about a sibling model of the product the
 * question names (X20 Lite手机 or X20 Pro手机 asked of X20手机; IndexModel.nameOf): the model word
 * (lite, in a third of the rows) weighed too little to keep the shorter X20 row from winning.
 */
const OTHER_MODEL_SHARE = 0.5;

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

/** An English term (a phrase: each of its words) as `words` (term → word) writes it, if it writes all of it. */
function asWords(term: string, words: ReadonlyMap<string, string>): string | undefined {
  const parts = term.split(' ').map((part) => words.get(part));
  return parts.every((w) => w !== undefined) ? parts.join(' ') : undefined;
}

/** What a translated word's translations add to a question's self-score beyond the word's own terms. */
interface Surplus {
  /** The word's own terms (two or three for a phrase: how long). */
  terms: string[];
  extra: number;
}

/** A question's ranking: [entry, score, best variant] best first, its terms, its self-score (what a perfect match would score). */
interface Ranking {
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
}

/** A word of the question: the terms that count as having it (its own, its expansions and translations; none for a word the KB lacks) and its weight in the self-score. */
interface QuestionWord {
  terms: string[];
  weight: number;
}

/** Query weight of the lexicon's word for a customer's word the KB never writes (不想要 → 无理由退货), as of an English word's main translation. */
const BRIDGED_WORD_WEIGHT = 0.8;
/** At most this many expansion terms per question (learned associations and lexicon). */
const MAX_EXPANSIONS = 8;
/** At most this many translations per question (BILINGUAL_LEXICON: an English word's Chinese words), besides the expansions. */
const MAX_TRANSLATIONS = 8;
/** An English word's term, or a run of them (how long): what a translation expands from. */
const ENGLISH_KEY = /^[a-z]+(?: [a-z]+)*$/;
/** How much a single Chinese character of an unseen stretch of the question counts as unseen (a word counts 1). */
const UNSEEN_CHAR_WEIGHT = 0.5;
/** Query weight of the word an English typo stands for (retrun → return), as for a homophone. */
const TYPO_WEIGHT = 0.8;
/**
 * A bigram in more than about a fifth of the entries (IDF below 1.5) is not scored: its word is,
 * and reading its long postings list changed no ranking on the development sets (docs/matching.md).
 */
const MIN_BIGRAM_IDF = 1.5;
/** Expansions to words in more than about a tenth of the entries (IDF below ln 10) are not worth their postings. */
const MIN_EXPANSION_IDF = Math.log(10);
/**
 * A question word's related words (its expansions) do not add up in one variant or answer: the
 * strongest counts whole, each other one this share of what it would add. An answer that writes
 * 退回, 退还 and 退换货 took 退货 three times over, and a shop's 赠品与优惠 section, matched that way, was
 * the top hit for 怎么退货啊. 0, 0.25, 0.5 and 1 (stacking, as before) measured: laws hit@1 0.483 /
 * 0.483 / 0.448 / 0.448; doc2dial 0.700 / 0.700 / 0.705 / 0.705; the customer-query shop 0.870 /
 * 0.878 / 0.878 / 0.878; bq 0.157 throughout (docs/matching.md).
 */
const RELATED_SHARE = 0.25;

/**
 * Per-search state of a variant and of an answer, side by side so that a posting costs one cache line:
 * a variant's score, coverage credit, tf = 1 factor, 1 / mass, then the question word whose related
 * words were last scored in it (-1: none) and the most one of them added (RELATED_SHARE); an answer's
 * score, tf = 1 factor, and the same two.
 */
const V_STRIDE = 6;
const A_STRIDE = 4;

/** What one more related word of a question word adds to a variant or answer that has one (`state[best]` the most one added). */
function related(state: Float32Array, best: number, add: number): number {
  const was = state[best]!;
  if (add <= was) return add * RELATED_SHARE;
  state[best] = add;
  return add - was + was * RELATED_SHARE;
}

/** The first related word of question word `g` in a variant or answer: it counts whole, and is remembered (`state[source]`, then the best). */
function firstRelated(state: Float32Array, source: number, g: number, add: number): number {
  state[source] = g;
  state[source + 1] = add;
  return add;
}

const HAN_WORD = /^[\u3400-\u9fff]+$/;
/**
 * Two stages in one pass: a question's terms are read strongest first (IDF × weight), and once
 * they have found this many candidate entries, the weaker terms still add to the candidates'
 * scores but admit no new ones (the "continue" strategy of Moffat & Zobel, 1996); nor does a term
 * whose entries would take the candidates past twice this many. Candidates are scored exactly.
 * What is given up: an entry that shares only the question's weaker words, when the stronger
 * ones already found this many entries. Measured (docs/matching.md): no change on the
 * development sets, the synthetic hit@1 unchanged at 10k (0.631 → 0.630) and 100k
 * (0.556 → 0.557), queries several times faster at 100k.
 */
export const MAX_CANDIDATES = 512;

/**
 * A weak term's postings list longer than this many times the candidates is searched for the
 * candidates (galloping, about 2 log2(gap) steps each) instead of scanned (one step a posting).
 */
const GALLOP_RATIO = 16;

/** The first index in [from, end) whose value is at least `target` (end when none): galloping, then binary search. */
function seek(docs: Uint32Array, from: number, end: number, target: number): number {
  if (from >= end || docs[from]! >= target) return from;
  let lo = from;
  let step = 1;
  while (lo + step < end && docs[lo + step]! < target) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(lo + step, end);
  lo += 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A question without the invisible characters a copy from a web page or a PDF carries (zero-width
 * space and joiners, word joiner, soft hyphen, a BOM): 包\u200B邮吗 found nothing, its 包邮 cut in two.
 * A zero-width space between two letters or digits (refund\u200Bpolicy) stands for a space.
 */
export function withoutInvisibles(question: string): string {
  if (!INVISIBLE.test(question)) return question;
  return question.replace(/(?<=[A-Za-z0-9])\u200B+(?=[A-Za-z0-9])/gu, ' ').replace(INVISIBLES, '');
}
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/u;
const INVISIBLES = new RegExp(INVISIBLE.source, 'gu');

/** A count given in SearchOptions: `fallback` when absent or NaN, else a whole number ≥ 0. */
const countOption = (value: number | undefined, fallback: number): number => (value === undefined || Number.isNaN(value) ? fallback : Math.max(0, Math.floor(value)));

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** A deep copy of an entry, frozen (what `KnowledgeBase.entries` hands out). */
function frozenCopy(entry: IndexEntry): IndexEntry {
  const copy: IndexEntry = { ...entry, similar: Object.freeze([...entry.similar]) as string[] };
  if (entry.tags !== undefined) copy.tags = Object.freeze([...entry.tags]) as string[];
  if (entry.source !== undefined) copy.source = Object.freeze({ ...entry.source, headingPath: Object.freeze([...entry.source.headingPath]) as string[] });
  return Object.freeze(copy);
}

/** How many entries' answers, cut into units and analyzed, are kept for passages (a bot asks about the same few often). */
const PASSAGE_CACHE = 256;

export class KnowledgeBase {
  readonly analyzer: Analyzer;
  private readonly data: IndexData;
  private allEntries: readonly IndexEntry[] | undefined;
  /** Per term: its type weight (word 1, bigram, unigram) and whether it is a CJK bigram. */
  private readonly termWeight: Float64Array;
  /** A catalogue's products (IndexModel.names): each one's model words, the products of each model word, and each entry's product (-1: none). */
  private modelWords: string[][] = [];
  private productsOfWord = new Map<string, number[]>();
  private entryProduct: Int32Array = new Int32Array(0);
  private readonly isBigram: Uint8Array;
  readonly model: Omit<IndexModel, 'associations'>;
  private readonly termIds: Map<string, number>;
  private readonly variants: Postings;
  private readonly answers: Postings;
  /** Context groups (sibling sections together), their members and IDF over groups. */
  private readonly contexts: Postings;
  private readonly groupMembers: number[][];
  /** Per-query scratch of the context field: each group's score so far, and the groups touched. */
  private readonly groupScore: Float64Array;
  private readonly groupTopical: Uint8Array;
  private readonly touchedGroups: Uint32Array;
  private readonly idfContext: Float64Array;
  /** BM25 length norms k1 × (1 − b + b × length / average), per variant, answer and context group. */
  private readonly variantNorm: Float64Array;
  private readonly answerNorm: Float64Array;
  private readonly contextNorm: Float64Array;
  private readonly variantEntry: Uint32Array;
  private readonly firstVariant: Uint32Array;
  /** IDF of each term, per field, counting entries. */
  private readonly idfVariant: Float64Array;
  private readonly idfAnswer: Float64Array;
  private readonly associations: Associations;
  /** Term → the related terms that translate it (IndexModel.translations); undefined for an index written without them. */
  private readonly translationsOf: Map<string, Set<string>> | undefined;
  /** Term → its kind of goods (IndexModel.products); per entry, the kinds its questions name, and the kinds it names anywhere. */
  private readonly productKind = new Map<string, number>();
  /** 1 for an entry whose questions name a kind (read for every scored entry of a question naming one: a typed array, not a map). */
  private asksKind: Uint8Array = new Uint8Array(0);
  private readonly kindsNamed = new Map<number, number[]>();
  /** The BM25 term factor for tf = 1, the usual case: (k1 + 1) / (1 + norm), per variant; × the answer share per answer. */
  /**
   * What the scoring loop reads and writes per posting, side by side (one cache line, not
   * three): per variant [score so far, coverage credit so far, tf = 1 factor, 1 / mass]; per answer
   * [score so far, tf = 1 factor × the entry's share]. Single precision: half the memory the
   * loop walks (10k synthetic p50 ~8 % faster); the development sets rank identically.
   */
  private readonly variantState: Float32Array;
  /** Per term, the entries whose variants hold it; per variant, 1 / its IDF mass. */
  private readonly entryDf: Uint32Array;
  private readonly invMass: Float32Array;
  private readonly answerState: Float32Array;
  /** Each entry's share of its answer score: sections whose question is a heading path weigh their text more. */
  private readonly answerWeights: Float64Array;
  private readonly hasAnswerWeight: boolean;
  // scratch space reused across searches
  private readonly touchedVariants: Uint32Array;
  private readonly touchedEntries: Uint32Array;
  private readonly entryScore: Float64Array;
  /** 1 for an entry a topical term of the question (not a question word) was found in, during one search. */
  private readonly entryTopical: Uint8Array;
  /** Best variant of each scored entry; -1 when the entry is not scored in this search. */
  private readonly entryVariant: Int32Array;
  private readonly touchedScored: Uint32Array;
  /** One bit per variant / entry: a candidate of the search under way (see MAX_CANDIDATES). */
  private readonly variantBits: Uint32Array;
  private readonly entryBits: Uint32Array;
  /** The candidate entries of the search under way, in the order admitted (sorted when galloping). */
  private readonly candidateList: Uint32Array;
  /**
   * Once a question's stronger terms have found this many candidate entries, its weaker terms
   * only score those (MAX_CANDIDATES). `Infinity` scores every entry that shares a term with the
   * question: exhaustive, and several times slower on a large KB.
   * @internal (benchmarks and tests)
   */
  maxCandidates = MAX_CANDIDATES;

  constructor(data: IndexData) {
    this.data = data;
    this.model = data.model;
    this.analyzer = new Analyzer(data.analyzer);
    this.questionTerms = new Set([...QUESTION_WORDS].flatMap((w) => (/^[a-z]+$/.test(w) ? [w, ...this.analyzer.analyze(w)] : [w])));
    this.negationTerms = new Set([...NEGATIONS].flatMap((w) => (/^[a-z]+$/.test(w) ? [w, ...this.analyzer.analyze(w)] : [w])));
    this.questionBigrams = new Set([...QUESTION_WORDS].filter((w) => HAN_WORD.test(w)).flatMap((w) => [...w].slice(1).map((c, i) => `${w[i]!}${c}`)));
    const terms = data.terms;
    const termCount = terms.length;
    this.termIds = new Map<string, number>();
    this.termWeight = new Float64Array(termCount);
    this.isBigram = new Uint8Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const term = terms[t]!;
      this.termIds.set(term, t);
      this.termWeight[t] = this.termTypeWeight(term);
      if (term.startsWith(BIGRAM_PREFIX)) this.isBigram[t] = 1;
    }
    this.readCatalogue(data.model.names ?? [], data.model.nameOf ?? [], data.entries.count);
    this.variants = new Postings(data.variants.postings, decodeVarints(data.variants.lengths), termCount);
    this.answers = new Postings(data.answers.postings, decodeVarints(data.answers.lengths), termCount);
    this.contexts = new Postings(data.contexts.postings, decodeVarints(data.contexts.lengths), termCount);
    const groups = this.contexts.lengths.length;
    this.groupMembers = Array.from({ length: groups }, (): number[] => []);
    this.groupScore = new Float64Array(groups);
    this.groupTopical = new Uint8Array(groups);
    this.touchedGroups = new Uint32Array(groups);
    const ofEntry = decodeVarints(data.contexts.ofEntry);
    for (let e = 0; e < ofEntry.length; e++) {
      const g = ofEntry[e]!;
      if (g > 0) this.groupMembers[g - 1]?.push(e);
    }
    this.idfContext = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const df = this.contexts.count[t]!;
      this.idfContext[t] = Math.log(1 + (groups - df + 0.5) / (df + 0.5));
    }
    const perEntry = decodeVarints(data.variants.perEntry);
    const n = data.entries.count;
    const nVariants = this.variants.lengths.length;
    this.variantEntry = new Uint32Array(nVariants);
    this.firstVariant = new Uint32Array(n + 1);
    for (let e = 0, v = 0; e < n; e++) {
      this.firstVariant[e] = v;
      for (let j = 0; j < perEntry[e]!; j++) this.variantEntry[v++] = e;
    }
    this.firstVariant[n] = nVariants;
    if (this.entryProduct.length > 0) for (const term of data.model.nameTerms ?? []) this.weighName(term);
    // per term the entries whose variants hold it, per variant 1 / the IDF mass of its terms: from
    // the file (kb build wrote them), or computed here from every variant posting
    const stored = (data.variants.entryDf?.length ?? 0) > 0 && data.variants.invMass?.length === nVariants * 4;
    this.entryDf = stored ? decodeVarints(data.variants.entryDf!) : new Uint32Array(termCount);
    this.invMass = stored ? unpackFloat32s(data.variants.invMass!) : new Float32Array(nVariants);
    if (!stored) this.countVariantStats(n);
    this.idfVariant = new Float64Array(termCount);
    this.idfAnswer = new Float64Array(termCount);
    for (let t = 0; t < termCount; t++) {
      const df = this.entryDf[t]!;
      this.idfVariant[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const dfa = this.answers.count[t]!;
      this.idfAnswer[t] = Math.log(1 + (n - dfa + 0.5) / (dfa + 0.5));
    }
    this.associations = new Associations(data.associations);
    this.translationsOf = data.model.translations === undefined ? undefined : new Map(data.model.translations.map(([a, related]) => [a, new Set(related)]));
    this.readProducts(data.model.products ?? []);
    const { k1, b, answerB } = this.model;
    const norms = (f: Postings, bb: number): Float64Array => {
      const out = new Float64Array(f.lengths.length);
      for (let d = 0; d < out.length; d++) out[d] = k1 * (1 - bb + (bb * f.lengths[d]!) / f.avgLength);
      return out;
    };
    this.variantNorm = norms(this.variants, b);
    this.answerNorm = norms(this.answers, answerB);
    this.contextNorm = norms(this.contexts, answerB);
    this.variantState = new Float32Array(nVariants * V_STRIDE);
    for (let v = 0; v < nVariants; v++) {
      this.variantState[v * V_STRIDE + 2] = (k1 + 1) / (1 + this.variantNorm[v]!);
      this.variantState[v * V_STRIDE + 3] = this.invMass[v]!;
      this.variantState[v * V_STRIDE + 4] = -1;
    }
    const sectionWeight = this.model.sectionAnswerWeight ?? this.model.answerWeight;
    this.answerWeights = new Float64Array(n);
    this.answerState = new Float32Array(n * A_STRIDE);
    let anyAnswerWeight = false;
    for (let e = 0; e < n; e++) {
      const w = data.sectionQuestions[e] === 1 ? sectionWeight : this.model.answerWeight;
      this.answerWeights[e] = w;
      if (w > 0) anyAnswerWeight = true;
      this.answerState[e * A_STRIDE + 1] = (w * (k1 + 1)) / (1 + this.answerNorm[e]!);
      this.answerState[e * A_STRIDE + 2] = -1;
    }
    this.hasAnswerWeight = anyAnswerWeight;
    this.touchedVariants = new Uint32Array(nVariants);
    this.touchedEntries = new Uint32Array(n);
    this.entryScore = new Float64Array(n);
    this.entryTopical = new Uint8Array(n);
    this.entryVariant = new Int32Array(n).fill(-1);
    this.touchedScored = new Uint32Array(n);
    this.variantBits = new Uint32Array((nVariants >>> 5) + 1);
    this.entryBits = new Uint32Array((n >>> 5) + 1);
    this.candidateList = new Uint32Array(n);
  }

  /**
   * Count, from every variant posting, what the file may carry precomputed: per term the entries
   * whose variants hold it (IDF counts entries, not variants: an intent's many paraphrases do not
   * dilute its words), and per variant 1 / the sum of the IDF weights of its distinct terms (the
   * variant-coverage factor; 1 for an empty variant).
   */
  private countVariantStats(n: number): void {
    const V = this.variants;
    const termCount = this.entryDf.length;
    const mass = new Float64Array(this.invMass.length);
    let longest = 0;
    for (let t = 0; t < termCount; t++) longest = Math.max(longest, V.count[t]!);
    const scratch = new Uint32Array(longest);
    for (let t = 0; t < termCount; t++) {
      const len = V.docsInto(t, scratch);
      let df = 0;
      let last = -1;
      for (let i = 0; i < len; i++) {
        const e = this.variantEntry[scratch[i]!]!;
        if (e !== last) {
          df++;
          last = e;
        }
      }
      this.entryDf[t] = df;
      const w = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * this.termWeight[t]!;
      for (let i = 0; i < len; i++) {
        const v = scratch[i]!;
        mass[v] = mass[v]! + w;
      }
    }
    for (let v = 0; v < mass.length; v++) this.invMass[v] = mass[v]! > 0 ? 1 / mass[v]! : 1;
  }

  /** @internal What kb build stores so that a load need not read every variant posting (see countVariantStats). */
  variantStats(): { entryDf: Uint8Array; invMass: Uint8Array } {
    return { entryDf: encodeVarints(this.entryDf), invMass: packFloat32s(this.invMass) };
  }

  /**
   * Do now what the first searches after a load would otherwise pay for: decode every postings
   * list, inflate every block of entries, load the analyzer's traditional-Chinese and pinyin
   * tables, build the English typo index, and ask `questions` of the KB's own questions, spread over it, so that the search code
   * is compiled (the first few dozen searches of a process run 10-50× slower). Searches return the
   * same either way; call it once after `loadIndex` when the first questions must be answered as
   * fast as the rest (a bot put back into service under load). On a 59,768-entry index it takes
   * 1-2 s and about 150 MB, the memory a bot reaches after a few thousand questions anyway (the
   * decoded lists and entry blocks); it returns its milliseconds, rounded.
   */
  warm(questions = 100): number {
    const started = performance.now();
    for (const _ of this.warmSteps(questions));
    return Math.round(performance.now() - started);
  }

  /**
   * `warm()` in slices of about `sliceMs` milliseconds, letting the event loop run between them:
   * a server that warms a reloaded index keeps answering from the old one meanwhile (warm() held
   * every request for its 1-2 s on a large index). Same work, same results; resolves to the
   * milliseconds it took, waits included.
   */
  async warmAsync(questions = 100, sliceMs = 20): Promise<number> {
    const started = performance.now();
    let slice = performance.now();
    for (const _ of this.warmSteps(questions)) {
      if (performance.now() - slice < sliceMs) continue;
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    return Math.round(performance.now() - started);
  }

  /** What warm() does, a small step at a time (a step is well under a millisecond on a large index). */
  private *warmSteps(questions: number): Generator<void> {
    for (const field of [this.variants, this.answers, this.contexts]) {
      for (let t = 0; t < field.count.length; t++) {
        field.decode(t);
        if (t % 256 === 255) yield;
      }
    }
    const { entries } = this.data;
    if (entries.inflateBlock !== undefined && entries.blockCount !== undefined) {
      for (let b = 0; b < entries.blockCount; b++) {
        entries.inflateBlock(b);
        yield;
      }
    } else entries.inflateAll?.();
    // a traditional question with a typo the KB does not know: the opencc tables and the pinyin index;
    // and the deletion index an English word the KB does not know builds (retrun → return)
    this.analyzer.analyzeQuery('請問退貨運費佷貴嗎');
    yield;
    this.typos();
    yield;
    const n = this.size;
    const asked = Math.min(questions, n);
    for (let i = 0; i < asked; i++) {
      this.search(this.data.entries.get(Math.floor((i * n) / asked)).question, { k: 5 });
      yield;
    }
  }

  /**
   * Every entry, decoded (the first call decodes them all; a search decodes only its hits). Frozen
   * copies: a bot that edits one (to trim an answer for display) gets a TypeError, not answers
   * changed under later searches, which read the same decoded entries.
   */
  get entries(): readonly IndexEntry[] {
    this.allEntries ??= Object.freeze(Array.from({ length: this.data.entries.count }, (_, i) => frozenCopy(this.data.entries.get(i))));
    return this.allEntries;
  }

  /** BM25 of the question against each context group (sibling sections together) × contextWeight: what each member gets. */
  /**
   * Each context group's share for the question, in `groupScore`; returns how many groups it
   * touched, listed first in `touchedGroups` (flat arrays, no per-query map: this loop reads every
   * posting of the question's terms in the context field).
   */
  private contextScores(terms: Map<string, number>): number {
    const C = this.contexts;
    const k1p1 = this.model.k1 + 1;
    const cNorm = this.contextNorm;
    const groupScore = this.groupScore;
    const touchedGroups = this.touchedGroups;
    let n = 0;
    for (const [term, qw] of terms) {
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      const idf = (this.idfContext[t] ?? 0) * qw * this.termWeight[t]! * this.model.contextWeight;
      const topical = this.topicBits(term);
      for (let i = C.decode(t), end = C.offset[t + 1]!; i < end; i++) {
        const g = C.allDocs[i]!;
        const tf = C.allTfs[i]!;
        const before = groupScore[g]!;
        if (before === 0) touchedGroups[n++] = g;
        groupScore[g] = before + (idf * tf * k1p1) / (tf + cNorm[g]!);
        if (topical !== 0) this.groupTopical[g] = this.groupTopical[g]! | topical;
      }
    }
    return n;
  }

  private termTypeWeight(term: string): number {
    if (term.startsWith(BIGRAM_PREFIX)) return this.model.bigramWeight;
    if (term.startsWith(UNIGRAM_PREFIX)) return this.model.unigramWeight;
    return 1;
  }

  private typoIndex: TypoIndex | undefined;

  /** The deletion index of the KB's English words, built on the first unknown English word. */
  private typos(): TypoIndex {
    if (this.typoIndex === undefined) this.typoIndex = new TypoIndex(this.termIds.keys());
    return this.typoIndex;
  }

  /** QUESTION_WORDS as the analyzer's terms: the words, and the English ones as stemmed (many → mani). */
  private readonly questionTerms: ReadonlySet<string>;

  /** NEGATIONS as the analyzer's terms: they ask the opposite (a hit that has them ranks as topical) but name nothing. */
  private readonly negationTerms: ReadonlySet<string>;

  /** The character bigrams inside the Chinese question words (多久, 么时 of 什么时候). */
  private readonly questionBigrams: ReadonlySet<string>;

  /** Whether a term only asks (a question word, or a bigram inside one: ~多久, ~么时) and names no topic. */
  private asksOnly(term: string): boolean {
    return term.startsWith(BIGRAM_PREFIX) ? this.questionBigrams.has(term.slice(BIGRAM_PREFIX.length)) : this.questionTerms.has(term);
  }

  /**
   * What a question term tells of an entry that has it (bits of entryTopical): 0 only how the question
   * asks (谁, 怎么), TOPIC_ASKED a negation (不: the entry ranks as on topic, measured: bq-bare lost a
   * question of its top 5 when it did not), TOPIC_ASKED | TOPIC_NAMED a word that names what it is about.
   */
  private topicBits(term: string): number {
    if (this.asksOnly(term)) return 0;
    return this.negationTerms.has(term) ? TOPIC_ASKED : TOPIC_ASKED | TOPIC_NAMED;
  }

  private chinese: boolean | undefined;

  /** Whether the KB writes any Chinese word (worked out on the first question that needs it). */
  private writesChinese(): boolean {
    if (this.chinese === undefined) {
      this.chinese = false;
      for (const term of this.termIds.keys()) {
        if (HAN_WORD.test(term)) {
          this.chinese = true;
          break;
        }
      }
    }
    return this.chinese;
  }

  get size(): number {
    return this.data.entries.count;
  }

  /** The terms the index relates to `term` (learned associations and the lexicon) with their query weights; [] when none. */
  related(term: string): readonly [string, number][] {
    return this.associations.get(term) ?? [];
  }

  /** Weighted query terms: the question's own, homophones, and learned associations. */
  queryTerms(question: string): Map<string, number> {
    return this.analyzeQuestion(question).terms;
  }

  /**
   * A catalogue's products as the runtime tells them apart: by the whole words of each name (x20 and
   * 手机, not the x and 20 of x20; 扫地机器人, not its 扫地; bigrams and single characters aside).
   */
  private readCatalogue(names: readonly (readonly string[])[], nameOf: readonly number[], entries: number): void {
    if (names.length === 0 || nameOf.length !== entries) return;
    this.modelWords = names.map((terms) => {
      const words = terms.filter(isWordTerm);
      // whole words only: 扫地机器人, not its 扫地; x20, not its x and 20
      return words.filter((w) => !words.some((o) => o !== w && o.includes(w)));
    });
    this.modelWords.forEach((words, p) => {
      for (const w of words) {
        const list = this.productsOfWord.get(w);
        if (list === undefined) this.productsOfWord.set(w, [p]);
        else list.push(p);
      }
    });
    this.entryProduct = Int32Array.from(nameOf);
  }

  /** A catalogue's name term (IndexModel.nameTerms: only its products' rows ask with it) weighs CATALOGUE_NAME_SHARE. */
  private weighName(term: string): void {
    const t = this.termIds.get(term);
    if (t !== undefined) this.termWeight[t] = this.termWeight[t]! * CATALOGUE_NAME_SHARE;
  }

  /**
   * The catalogue products a question names: those all of whose model words it has, less any whose
   * words another named one has too (X20 Lite, not X20, for X20 Lite手机); and the model words they
   * have. Undefined when it names none.
   */
  private namedProducts(terms: ReadonlyMap<string, number>): { named: Set<number>; words: Set<string> } | undefined {
    if (this.productsOfWord.size === 0) return undefined;
    const found = new Map<number, number>();
    for (const [t, w] of terms) {
      if (w < 1) continue;
      for (const p of this.productsOfWord.get(t) ?? []) found.set(p, (found.get(p) ?? 0) + 1);
    }
    const whole = [...found].filter(([p, n]) => n === this.modelWords[p]!.length).map(([p]) => p);
    if (whole.length === 0) return undefined;
    const named = new Set(whole.filter((p) => !whole.some((q) => this.modelWords[q]!.length > this.modelWords[p]!.length && this.modelWords[p]!.every((w) => this.modelWords[q]!.includes(w)))));
    return { named, words: new Set([...named].flatMap((p) => this.modelWords[p]!)) };
  }

  /** Whether entry e is a catalogue row of a sibling model of the products the question names (X20 Lite's when it names X20): another product of the same line. */
  private otherModel(e: number, named: { named: Set<number>; words: Set<string> }): boolean {
    const p = this.entryProduct[e] ?? -1;
    return p >= 0 && !named.named.has(p) && this.modelWords[p]!.some((w) => named.words.has(w));
  }

  /** Which kinds of goods each entry's questions name, and which it names anywhere (questions, text, headings). */
  private readProducts(kinds: readonly (readonly string[])[]): void {
    const add = (into: Map<number, number[]>, e: number, kind: number): void => {
      const list = into.get(e);
      if (list === undefined) into.set(e, [kind]);
      else if (!list.includes(kind)) list.push(kind);
    };
    this.asksKind = new Uint8Array(this.firstVariant.length);
    kinds.forEach((names, kind) => {
      for (const name of names) {
        this.productKind.set(name, kind);
        const t = this.termIds.get(name);
        if (t === undefined) continue;
        for (let i = this.variants.decode(t), end = this.variants.offset[t + 1]!; i < end; i++) {
          const e = this.variantEntry[this.variants.allDocs[i]!]!;
          this.asksKind[e] = 1;
          add(this.kindsNamed, e, kind);
        }
        for (let i = this.answers.decode(t), end = this.answers.offset[t + 1]!; i < end; i++) add(this.kindsNamed, this.answers.allDocs[i]!, kind);
      }
    });
  }

  /** An entry whose questions name a kind of goods and that names none of the question's kinds: it answers for another product. */
  private namesOtherProduct(e: number, kinds: readonly number[]): boolean {
    if (this.asksKind[e] !== 1) return false;
    const named = this.kindsNamed.get(e)!;
    for (const k of kinds) if (named.includes(k)) return false;
    return true;
  }

  /**
   * The question's terms the index knows, weighted (its own, homophones, learned associations),
   * and `unknown`: how many of its words the index has never seen (see novelty).
   */
  private analyzeQuestion(question: string): { terms: Map<string, number>; unknown: number; topical: boolean; names: boolean; own: number; translated: Map<string, string>; expandedFrom: Map<string, string>; kinds: number[] } {
    const { terms, pinyinMatches, phrases } = this.analyzer.analyzeQuery(question);
    const out = new Map<string, number>();
    let unknown = 0;
    // the translations of the question's words (warranty → 保修, 保修期 on a Chinese KB), each with the
    // word or run of words it translates (the one it is strongest for): a hit covers them as it would
    // cover the words, though they are scored as expansions (see rank)
    const translated = new Map<string, string>();
    // each expansion's question word (the one it is strongest for): a word's related words do not stack
    const expandedFrom = new Map<string, string>();
    // a question made only of question words (怎么办, how) names no topic: no hit covers it
    let topical = false;
    // …and one made only of them and negations names nothing a hit could share (see topicBits)
    let names = false;
    const codes = unknownCodes(terms, (term) => this.termIds.has(term));
    // the kinds of goods it names, known to the KB or not (电视 asked of a KB of fridges)
    const kinds: number[] = [];
    for (const [t, w] of terms) {
      if (isWordTerm(t) && !this.questionTerms.has(t)) {
        topical = true;
        if (!this.negationTerms.has(t)) names = true;
      }
      const kind = w >= 1 ? this.productKind.get(t) : undefined;
      if (kind !== undefined && !kinds.includes(kind)) kinds.push(kind);
      if (this.termIds.has(t)) out.set(t, w);
      else if (codes.known.has(t)) continue;
      else if (w >= 1) {
        // a word the KB does not use but translates is covered through its translations
        if (this.mainTranslation(t) !== undefined) continue;
        // an English typo the KB's words explain (retrun → return) counts as that word, like a homophone
        // (a Chinese KB's unknown words never build the English index)
        const meant = mayBeTypo(t) ? this.typos().correct(t) : undefined;
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
    if (this.associations.size > 0) {
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
        const unknownChinese = !english && !this.termIds.has(t) && HAN_WORD.test(t);
        // …or, when the KB has no English for it, for the KB's Chinese words (below); never both:
        // no hit in one language matches both, and the word's cover would add them up
        const bridging = unknownChinese && this.mainTranslation(t) === undefined;
        for (const [related, strength] of this.associations.get(t) ?? []) {
          const id = this.termIds.get(related);
          if (id === undefined || out.has(related)) continue;
          // a customer's word the KB never writes (不想要, 弄丢) is said in the KB's words (无理由退货, 丢失):
          // an unknown word has no learned association, only the lexicon's. Its words stand in for it
          // nearly whole and, like translations, are not cut as common, and a hit covers them as it
          // would cover the word; but the word still counts as unseen too (the KB does not say it):
          // a question bridged this way is answered less surely than one in the KB's own words
          const bridge = bridging && HAN_WORD.test(related);
          const translation = this.isTranslation(t, related, english, unknownChinese);
          if (!translation && !bridge && (this.idfVariant[id] ?? 0) < MIN_EXPANSION_IDF) continue;
          const into = translation || bridge ? translations : expansions;
          const weight = w * (bridge ? Math.max(strength, BRIDGED_WORD_WEIGHT) : strength);
          if (weight > (into.get(related) ?? 0)) {
            into.set(related, weight);
            if (translation || bridge) translates.set(related, t);
            else expandedFrom.set(related, t);
          }
        }
      }
      const impact = (term: string, weight: number): number => weight * (this.idfVariant[this.termIds.get(term) ?? 0] ?? 0);
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
    for (const [related, strength] of this.associations.get(term) ?? []) {
      if (this.isTranslation(term, related, english, !english) && this.termIds.has(related) && strength > (best?.[1] ?? 0)) best = [related, strength];
    }
    return best?.[0];
  }

  /**
   * Whether `related` translates the question's term `term`: as the index marks translations; for an
   * index written without the marks, by script (an English word's Chinese association, or a Chinese
   * word's English one where the KB does not use the Chinese word).
   */
  private isTranslation(term: string, related: string, english: boolean, unknownChinese: boolean): boolean {
    if (this.translationsOf !== undefined) return this.translationsOf.get(term)?.has(related) === true;
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
    const chars = [...term];
    if (chars.length < 2) {
      // a character in a stretch of the question the KB has never seen written (no bigram of it is
      // known: 机器人 → 机 器 人, 股票 → 股 票) is unseen content; one the KB has next to a
      // neighbour (谁 of 运费谁出) is how people ask
      for (const q of terms.keys()) if (q.startsWith(BIGRAM_PREFIX) && q.includes(term) && this.termIds.has(q)) return 0;
      return UNSEEN_CHAR_WEIGHT;
    }
    let fresh = 0;
    for (let i = 0; i + 1 < chars.length; i++) if (!this.termIds.has(BIGRAM_PREFIX + chars[i]! + chars[i + 1]!)) fresh++;
    return fresh / (chars.length - 1);
  }

  search(asked: string, searchOptions?: SearchOptions | null): Hit[] {
    if (typeof asked !== 'string') throw new TypeError(`search: the question must be a string, not ${asked === null ? 'null' : typeof asked}`);
    const question = withoutInvisibles(asked);
    const options = searchOptions ?? {};
    const k = countOption(options.k, 5);
    const threshold = options.threshold ?? 0;
    // a threshold that is no confidence: NaN (Number(process.env.X) of an unset variable) answered
    // every question, 50 (meaning 50 %) none — both silently
    if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) {
      throw new RangeError(`search: threshold must be a confidence from 0 to 1, not ${typeof threshold === 'number' ? String(threshold) : JSON.stringify(threshold) ?? typeof threshold}`);
    }
    if (k === 0) return [];
    const ranking = this.rank(question, k, options.excludeVariant ?? -1);
    if (ranking === undefined) return [];
    const { results, terms } = ranking;
    const top = results[0]?.[1] ?? 0;
    const second = results[1]?.[1] ?? 0;
    const hits: Hit[] = [];
    // matched terms as the question writes them (退貨 in a traditional question, not the analyzer's
    // 退货; warranty, not the stem warranti; refund for its translation 退款)
    const asWritten = this.asWrittenIn(question, ranking.translated);
    const passageChars = countOption(options.passageChars, DEFAULT_PASSAGE_CHARS);
    const passageHits = countOption(options.passageHits, 1);
    const passageMin = Math.max(threshold, options.passageMinConfidence ?? 0);
    // the question's terms as passages look for them: worked out for the first long answer, once
    let forPassages: PassageTerm[] | undefined;
    let passageRank = 0;
    for (const [rank, [e, score, v]] of results.slice(0, k).entries()) {
      // rounded as reported, so a threshold equal to a reported confidence keeps that hit
      const confidence = Math.round(this.confidence(score, this.coverage(score, ranking, e, v), top, second, rank === 0, ranking.topicless.has(e)) * 1e4) / 1e4;
      if (confidence < threshold) continue;
      const hit = this.hit(e, v, score, confidence, terms, asWritten);
      if (confidence >= passageMin) {
        if (passageRank < passageHits && passageChars > 0 && hit.answer.length > passageChars) {
          forPassages ??= this.passageTerms(terms);
          const passage = this.passage(e, hit.answer, forPassages, this.passageTerms(this.beyondQuestion(terms, e)), passageChars);
          if (passage !== undefined) hit.passage = passage;
        }
        passageRank++;
      }
      hits.push(hit);
    }
    return hits;
  }

  /**
   * The best max(k, 2) entries for a question as [entry, score, best variant], best first (the
   * runner-up sets the margin), with the question's terms and its self-score; undefined when none.
   */
  private rank(question: string, k: number, exclude: number): Ranking | undefined {
    const { terms, unknown, topical, names, own, translated, expandedFrom, kinds } = this.analyzeQuestion(question);
    const models = this.namedProducts(terms);
    /** What a hit can cover of each translated word or run of words: its own terms' impacts, and its translations' (see below). */
    const ownCover = new Map<string, number>();
    const translatedCover = new Map<string, number>();
    if (terms.size === 0) return undefined;
    const k1p1 = this.model.k1 + 1;
    const vNorm = this.variantNorm;
    const aNorm = this.answerNorm;
    const aWeight = this.answerWeights;
    const V = this.variants;
    const A = this.answers;
    const vState = this.variantState;
    const aState = this.answerState;
    const touchedVariants = this.touchedVariants;
    const touchedEntries = this.touchedEntries;
    const vBits = this.variantBits;
    const eBits = this.entryBits;
    const variantEntry = this.variantEntry;
    const firstVariant = this.firstVariant;
    const limit = this.maxCandidates;
    let nv = 0;
    let ne = 0;
    let candidates = 0;
    // what a perfect match would score: the known terms' impacts (below), and each unknown term
    // at the IDF of a term no entry has — a question the KB has mostly never seen is not covered
    // by a hit that matches its one known word
    let selfScore = unknown * Math.log(1 + (this.size + 0.5) / 0.5);
    // a candidate entry has its bit set, and so has each of its variants
    const candidateList = this.candidateList;
    let sortedCandidates = 0;
    const admit = (e: number): void => {
      eBits[e >>> 5] = eBits[e >>> 5]! | (1 << (e & 31));
      for (let v = firstVariant[e]!, end = firstVariant[e + 1]!; v < end; v++) vBits[v >>> 5] = vBits[v >>> 5]! | (1 << (v & 31));
      candidateList[candidates++] = e;
    };
    const sortCandidates = (): void => {
      if (sortedCandidates === candidates) return;
      candidateList.subarray(0, candidates).sort();
      sortedCandidates = candidates;
    };
    // the question's own terms first, then its expansions; each strongest first (IDF × weight): the
    // strong terms find the candidates (ties in term order, so a ranking is stable). An expansion
    // to a rare word must not fill the candidates before the question's own words are read: the
    // entry that asks the question word for word would be left out
    const ids: number[] = [];
    const weights: number[] = [];
    /** IDF × query weight × term-type weight: what one matching posting is worth, before BM25's tf part. */
    const impacts: number[] = [];
    const expansion: number[] = [];
    /** The question word an expansion stands for (its index in `sourceWords`), -1 for the question's own terms and translations. */
    const source: number[] = [];
    const sourceWords: string[] = [];
    const topicalTerm: number[] = [];
    let n = 0;
    for (const [term, qw] of terms) {
      const isExpansion = n++ >= own ? 1 : 0;
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      const impact = (this.idfVariant[t] ?? 0) * (qw * this.termWeight[t]!);
      // a bigram too common to be scored is no part of what a hit can match either: counted in the
      // self-score, a KB of a few entries (where every bigram is that common) covered a question
      // asked word for word at 0.33
      if (this.isBigram[t] === 1 && this.idfVariant[t]! < MIN_BIGRAM_IDF) continue;
      // the question's own terms count, and a homophone or pinyin reading of a word it typed (tuihuo →
      // 退货) as the word typed right would (so a hit covers it at its weight, 0.8): what a hit can
      // match of the question. Expansions add nothing to cover, but translations do (below)
      if (isExpansion === 0) {
        selfScore += impact / Math.min(qw, 1);
        if (translated.size > 0) ownCover.set(term, impact / Math.min(qw, 1));
      } else {
        const word = translated.get(term);
        if (word !== undefined) translatedCover.set(word, (translatedCover.get(word) ?? 0) + impact);
      }
      ids.push(t);
      weights.push(qw);
      impacts.push(impact);
      expansion.push(isExpansion);
      const from = isExpansion === 1 && !translated.has(term) ? expandedFrom.get(term) : undefined;
      let g = from === undefined ? -1 : sourceWords.indexOf(from);
      if (from !== undefined && g < 0) g = sourceWords.push(from) - 1;
      source.push(g);
      // (an expansion is no evidence of the topic: a question word's associations would count)
      topicalTerm.push(isExpansion === 0 || translated.has(term) ? this.topicBits(term) : 0);
    }
    // a translated word is covered by a hit that matches all its translations, each at its weight
    // (快递, 快递员, 快递公司 for courier), or the word itself where the KB writes it (an English page
    // of a bilingual KB): once, by the larger. Counting the main translation alone, a hit matching
    // all three covered courier 2.5 times over and answered at 0.99 where 快递 gets 0.67
    // — by the larger for the question, but a hit that has the word itself (the FAQ's own English
    // question, asked word for word) covers it at the word's own weight: see coverage()
    const surpluses: Surplus[] = [];
    for (const [word, cover] of translatedCover) {
      let asWritten = 0;
      const own = word.split(' ');
      for (const w of own) asWritten += ownCover.get(w) ?? 0;
      if (cover > asWritten) {
        selfScore += cover - asWritten;
        if (asWritten > 0) surpluses.push({ terms: own, extra: cover - asWritten });
      }
    }
    // (one word's expansions one after another, the word whose strongest expansion is stronger first:
    // the scoring below keeps the most one of them adds to a variant or an answer)
    const sourceImpact = sourceWords.map(() => 0);
    source.forEach((g, i) => {
      if (g >= 0) sourceImpact[g] = Math.max(sourceImpact[g]!, impacts[i]!);
    });
    const sourceOrder = (i: number): number => (source[i]! < 0 ? 0 : sourceImpact[source[i]!]!);
    const order = ids
      .map((_, i) => i)
      .sort((x, y) => expansion[x]! - expansion[y]! || sourceOrder(y) - sourceOrder(x) || source[x]! - source[y]! || impacts[y]! - impacts[x]! || ids[x]! - ids[y]!);
    for (const j of order) {
      const t = ids[j]!;
      const qw = weights[j]!;
      const w = qw * this.termWeight[t]!;
      const idfV = impacts[j]!;
      // a term admits new candidates while fewer than the limit are found and its entries would not
      // take them past twice the limit (the first term always does); otherwise it only adds to
      // the candidates found so far
      const open = candidates === 0 || (candidates < limit && candidates + this.entryDf[t]! + A.count[t]! <= 2 * limit);
      // the hot loops: typed arrays, norms precomputed at load (non-null: postings and documents are consistent by construction)
      const coverageCredit = idfV / qw;
      const topicalT = topicalTerm[j]!;
      const g = source[j]!;
      const eTopical = this.entryTopical;
      const vDocs = V.allDocs;
      const vTfs = V.allTfs;
      const vStart = V.decode(t);
      const vEnd = V.offset[t + 1]!;
      // a weak term's long list is not scanned: each candidate's postings are found by galloping
      // search (the list is in entry order, and so are the candidates once sorted)
      const gallop = !open && vEnd - vStart > GALLOP_RATIO * candidates;
      if (gallop) sortCandidates();
      for (let c = 0, from = vStart, to = vEnd; ; from = to) {
        if (gallop) {
          if (c === candidates) break;
          const e = candidateList[c++]!;
          from = seek(vDocs, from, vEnd, firstVariant[e]!);
          to = seek(vDocs, from, vEnd, firstVariant[e + 1]!);
        }
        for (let i = from; i < to; i++) {
          const v = vDocs[i]!;
          if ((vBits[v >>> 5]! & (1 << (v & 31))) === 0) {
            if (!open || v === exclude) continue;
            admit(variantEntry[v]!);
          } else if (v === exclude) continue;
          const tf = vTfs[i]!;
          const at = v * V_STRIDE;
          const before = vState[at]!;
          if (before === 0) touchedVariants[nv++] = v;
          const add = tf === 1 ? idfV * vState[at + 2]! : (idfV * tf * k1p1) / (tf + vNorm[v]!);
          // another related word of a question word already scored here adds a share (RELATED_SHARE)
          vState[at] = before + (g < 0 ? add : g === vState[at + 4] ? related(vState, at + 5, add) : firstRelated(vState, at + 4, g, add));
          vState[at + 1] = vState[at + 1]! + coverageCredit;
          if (topicalT !== 0) eTopical[variantEntry[v]!] = eTopical[variantEntry[v]!]! | topicalT;
        }
        if (!gallop) break;
      }
      if (this.hasAnswerWeight) {
        const idfA = (this.idfAnswer[t] ?? 0) * w;
        const aDocs = A.allDocs;
        const aTfs = A.allTfs;
        const aStart = A.decode(t);
        const aEnd = A.offset[t + 1]!;
        const gallopA = !open && aEnd - aStart > GALLOP_RATIO * candidates;
        if (gallopA) sortCandidates();
        for (let c = 0, from = aStart, to = aEnd; ; from = to) {
          if (gallopA) {
            if (c === candidates) break;
            const e = candidateList[c++]!;
            from = seek(aDocs, from, aEnd, e);
            to = seek(aDocs, from, aEnd, e + 1);
          }
          for (let i = from; i < to; i++) {
            const e = aDocs[i]!;
            if ((eBits[e >>> 5]! & (1 << (e & 31))) === 0) {
              if (!open) continue;
              admit(e);
            }
            const tf = aTfs[i]!;
            const ea = e * A_STRIDE;
            const before = aState[ea]!;
            if (before === 0) touchedEntries[ne++] = e;
            const add = tf === 1 ? idfA * aState[ea + 1]! : (aWeight[e]! * idfA * tf * k1p1) / (tf + aNorm[e]!);
            aState[ea] = before + (g < 0 ? add : g === aState[ea + 2] ? related(aState, ea + 3, add) : firstRelated(aState, ea + 2, g, add));
            if (topicalT !== 0) eTopical[e] = eTopical[e]! | topicalT;
          }
          if (!gallopA) break;
        }
      }
    }
    // best variant per entry, then the answer and context shares, in flat arrays (no per-query maps)
    const eScore = this.entryScore;
    const eVariant = this.entryVariant;
    const touched = this.touchedScored;
    const sqrtCoverage = this.model.variantCoverage === 0.5;
    const coveragePower = this.model.variantCoverage;
    let nt = 0;
    for (let i = 0; i < nv; i++) {
      const v = touchedVariants[i]!;
      const at = v * V_STRIDE;
      const e = variantEntry[v]!;
      // how much of the variant the question explains: a paraphrase covers its variant
      const coverage = Math.min(1, vState[at + 1]! * vState[at + 3]!);
      const s = vState[at]! * (sqrtCoverage ? Math.sqrt(coverage) : coverage ** coveragePower);
      vState[at] = 0;
      vState[at + 1] = 0;
      vState[at + 4] = -1;
      if (eVariant[e] === -1) {
        touched[nt++] = e;
        eScore[e] = s;
        eVariant[e] = v;
      } else if (s > eScore[e]!) {
        eScore[e] = s;
        eVariant[e] = v;
      }
    }
    for (let i = 0; i < ne; i++) {
      const e = touchedEntries[i]!;
      if (eVariant[e] === -1) {
        touched[nt++] = e;
        eVariant[e] = firstVariant[e]!;
      }
      eScore[e] = eScore[e]! + aState[e * A_STRIDE]!;
      aState[e * A_STRIDE] = 0;
      aState[e * A_STRIDE + 2] = -1;
    }
    if (this.model.contextWeight > 0 && this.groupMembers.length > 0) {
      const groups = this.contextScores(terms);
      for (let i = 0; i < groups; i++) {
        const g = this.touchedGroups[i]!;
        const add = this.groupScore[g]!;
        this.groupScore[g] = 0;
        const topicalGroup = this.groupTopical[g]!;
        this.groupTopical[g] = 0;
        for (const e of this.groupMembers[g] ?? []) {
          if (topicalGroup !== 0) this.entryTopical[e] = this.entryTopical[e]! | topicalGroup;
          if (eVariant[e] === -1) {
            touched[nt++] = e;
            eVariant[e] = firstVariant[e]!;
          }
          eScore[e] = eScore[e]! + add;
        }
      }
    }
    // the best max(k, 2) entries (the runner-up sets the margin); ties go to the earlier entry.
    // An entry's score is a weighted sum of its fields; dividing by the weights' sum keeps FAQ
    // entries (question-led, answer 0.3) and sections (text-led, 1.0) on one scale, so a FAQ
    // question asked word for word is not outscored by a section that merely mentions its words
    const want = Math.min(Math.max(k, 2), nt);
    const ranked: number[] = [];
    const rankedScore: number[] = [];
    const rankedTopicless = new Set<number>();
    /** The list is full and entry e with this score comes after its last (ties go to the earlier entry). */
    const outranked = (score: number, e: number): boolean =>
      ranked.length === want && (score < rankedScore[want - 1]! || (score === rankedScore[want - 1]! && e > ranked[want - 1]!));
    for (let i = 0; i < nt; i++) {
      const e = touched[i]!;
      let score = eScore[e]! / (1 + aWeight[e]!);
      // an entry that shares only how the question asks, not what about
      if (topical && this.entryTopical[e] === 0) score *= TOPICLESS_SHARE;
      const topicless = names && (this.entryTopical[e]! & TOPIC_NAMED) === 0;
      this.entryTopical[e] = 0;
      eScore[e] = 0;
      if (outranked(score, e)) continue;
      // (only an entry that would rank is asked whether it answers for another product: the share only lowers a score)
      if (kinds.length > 0 && this.namesOtherProduct(e, kinds)) {
        score *= PRODUCT_CONFLICT_SHARE;
        if (outranked(score, e)) continue;
      }
      if (models !== undefined && this.otherModel(e, models)) {
        score *= OTHER_MODEL_SHARE;
        if (outranked(score, e)) continue;
      }
      let j = ranked.length === want ? want - 1 : ranked.length;
      while (j > 0 && (score > rankedScore[j - 1]! || (score === rankedScore[j - 1]! && e < ranked[j - 1]!))) {
        ranked[j] = ranked[j - 1]!;
        rankedScore[j] = rankedScore[j - 1]!;
        j--;
      }
      ranked[j] = e;
      rankedScore[j] = score;
      if (topicless) rankedTopicless.add(e);
    }
    const results = ranked.map((e, i): [number, number, number] => [e, rankedScore[i]!, eVariant[e]!]);
    const topicless = new Set(ranked.filter((e) => rankedTopicless.has(e)));
    for (let i = 0; i < nt; i++) eVariant[touched[i]!] = -1;
    for (let c = 0; c < candidates; c++) {
      const e = candidateList[c]!;
      eBits[e >>> 5] = 0;
      for (let v = firstVariant[e]!, end = firstVariant[e + 1]!; v < end; v++) vBits[v >>> 5] = 0;
    }
    return results.length === 0 ? undefined : { results, topicless, selfScore: topical ? selfScore : Infinity, terms, surpluses, translated, own, unknown, expandedFrom };
  }

  /**
   * How much of the question hit (e, v) covers: its score over what a perfect match would score,
   * less, for each translated word the hit has as written (ship in Do you ship internationally?),
   * what its translations add beyond the word's own weight.
   */
  private coverage(score: number, ranking: Ranking, e: number, v: number): number {
    let self = ranking.selfScore;
    for (const { terms, extra } of ranking.surpluses) if (terms.every((term) => this.hitHas(term, e, v))) self -= extra;
    let coverage = self > 0 ? Math.min(score / self, 1.5) : 0;
    if (coverage === 0) return coverage;
    // a hit covers no more of the question than the weight of the words it has: a section that
    // writes one word of it three times over (heading, text) scored past the question's self-score
    // without its other words (lost of I lost an earbud, in LOST OR LATE PARCELS: 0.86 of it)
    const { share, hasStrongest } = this.held(ranking, e, v);
    if (share < 1) coverage = Math.min(coverage, share);
    const missing = this.model.calibration.missingStrongest;
    return missing === undefined || hasStrongest ? coverage : coverage * missing;
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
   * counts it (rank): impact / min(query weight, 1), a bigram too common to be scored left out (weight
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
      const t = this.termIds.get(term);
      if (t === undefined || (this.isBigram[t] === 1 && this.idfVariant[t]! < MIN_BIGRAM_IDF)) return 0;
      return this.idfVariant[t]! * qw * this.termWeight[t]!;
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
      if (translated.has(term)) to.weight += weight(term, qw);
      stands.set(from, to);
    }
    const unseen = Math.log(1 + (this.size + 0.5) / 0.5);
    // the question's words the KB has never seen and the lexicon bridges (not its own terms), each
    // covered by the KB's words for it; the rest of the unseen words by no hit
    const bridged = [...stands].filter(([word]) => !ownTerms.has(word) && !this.termIds.has(word)).sort((x, y) => y[1].weight - x[1].weight);
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

  /** Whether hit (e, v) has `term`: in its matched variant or in its answer. */
  private hitHas(term: string, e: number, v: number): boolean {
    const t = this.termIds.get(term);
    return t !== undefined && (this.variants.has(t, v) || this.answers.has(t, e));
  }

  /**
   * A term of the question as the question writes it: a Chinese word in its script (wordsAsWrittenIn),
   * an English stem as its word (warranti → warranty), and the KB's word for a translated English
   * word or phrase as that word (退款 → refund, 多久 → how long).
   */
  private asWrittenIn(question: string, translated: ReadonlyMap<string, string>): (term: string) => string | undefined {
    const chinese = wordsAsWrittenIn(question);
    let english: Map<string, string> | undefined;
    const word = (stem: string): string | undefined => asWords(stem, (english ??= this.englishWords([question])));
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
  private englishWords(texts: readonly string[], wanted?: ReadonlySet<string>): Map<string, string> {
    const words = new Map<string, string>();
    const starts = wanted === undefined ? undefined : new Set([...wanted].map((t) => t.slice(0, 2)));
    let missing = wanted?.size ?? Infinity;
    for (const text of texts) {
      for (const w of text.match(/[A-Za-z][A-Za-z'’]*/gu) ?? []) {
        const lower = w.toLowerCase();
        if (starts !== undefined && !starts.has(lower.slice(0, 2))) continue;
        const [t] = this.analyzer.analyze(w);
        if (t === undefined || words.has(t)) continue;
        words.set(t, lower);
        if (wanted?.has(t) === true && --missing === 0) return words;
      }
    }
    return words;
  }

  /**
   * Calibrated probability that this hit answers the question. A hit that shares only how a topical
   * question asks (谁, 不, 可以) and none of what it is about has no lead worth counting, however far
   * ahead: 你们老板是谁 found 邮费谁出 alone at 0.42, 你们招不招人 不支持配送 at 0.44 (a user test's
   * fresh-produce shop), above its right answers to 橙子坏了三个 (0.26).
   */
  private confidence(score: number, coverage: number, top: number, second: number, isTop: boolean, topicless = false): number {
    const c = this.model.calibration;
    const margin = topicless ? 0 : isTop ? (top > 0 ? (top - second) / top : 0) : (score - top) / (top || 1);
    return sigmoid(c.intercept + c.coverageWeight * coverage + c.marginWeight * (c.leadByCoverage === true ? leadByCoverage(margin, coverage) : margin));
  }

  /** @internal The top hit's entry and its calibration features (build time: fitting the calibration). */
  calibrationFeatures(question: string, excludeVariant?: number): { entry: number; coverage: number; margin: number } | undefined {
    const ranking = this.rank(question, 2, excludeVariant ?? -1);
    if (ranking === undefined) return undefined;
    const { results } = ranking;
    // scores as a search reports them (rounded)
    const first = Math.round((results[0]?.[1] ?? 0) * 1e4) / 1e4;
    const second = Math.round((results[1]?.[1] ?? 0) * 1e4) / 1e4;
    const [e, , v] = results[0] ?? [-1, 0, -1];
    return {
      entry: e,
      coverage: e < 0 ? 0 : this.coverage(first, ranking, e, v),
      margin: first > 0 && !ranking.topicless.has(e) ? (first - second) / first : 0,
    };
  }

  private readonly passageCache = new Map<string, { units: PassageUnit[]; texts: UnitText[] }>();
  /** The question's terms for passages: each worth the answer field's IDF × its query weight × its type weight. */
  /** The question's terms that entry e's own question lacks: what the question asks of the answer beyond what the entry is about. */
  private beyondQuestion(terms: ReadonlyMap<string, number>, e: number): Map<string, number> {
    const out = new Map<string, number>();
    const v = this.firstVariant[e]!;
    for (const [term, qw] of terms) {
      const t = this.termIds.get(term);
      if (t === undefined || !this.variants.has(t, v)) out.set(term, qw);
    }
    return out;
  }

  private passageTerms(terms: ReadonlyMap<string, number>): PassageTerm[] {
    const worth = new Map<string, number>();
    for (const [term, qw] of terms) {
      const t = this.termIds.get(term);
      if (t !== undefined) worth.set(term, qw * this.termWeight[t]! * this.idfAnswer[t]!);
    }
    return passageTerms(worth, (w) => this.analyzer.writtenForms(w));
  }

  /**
   * The passage of entry e's answer for the question's terms (see passage.ts), scored with BM25's
   * k1 and the answer field's b. The cut answer is cached for the last PASSAGE_CACHE entries.
   */
  private passage(e: number, answer: string, terms: readonly PassageTerm[], beyond: readonly PassageTerm[], maxChars: number): string | undefined {
    const key = `${e}:${maxChars}`;
    let cut = this.passageCache.get(key);
    if (cut === undefined) {
      const units = passageUnits(answer, maxChars);
      // normalized once when that keeps every character in place (it nearly always does), else unit by unit
      const whole = this.analyzer.normalize(answer);
      const inPlace = whole.length === answer.length;
      const texts = units.map((u): UnitText => ({ normalized: inPlace ? whole.slice(u.start, u.end) : this.analyzer.normalize(answer.slice(u.start, u.end)) }));
      cut = { units, texts };
      if (this.passageCache.size >= PASSAGE_CACHE) this.passageCache.delete(this.passageCache.keys().next().value!);
      this.passageCache.set(key, cut);
    }
    // (`beyond` is a part of `terms`: what one needs, the other does)
    if (needsOtherTerms(terms) && cut.texts[0]?.otherTerms === undefined) {
      // the analyzer's terms of what is not Chinese (English words, numbers), once per cached answer
      for (const [i, u] of cut.units.entries()) {
        const other = new Map<string, number>();
        const written = answer.slice(u.start, u.end).replace(/\p{Script=Han}+/gu, ' ');
        if (/[\p{L}\d]/u.test(written)) for (const t of this.analyzer.analyze(written)) other.set(t, (other.get(t) ?? 0) + 1);
        cut.texts[i]!.otherTerms = other;
      }
    }
    // a question that asks nothing of the answer beyond the entry's own question (refund??? of How do
    // refunds work?, how do I return something of How do I return an item?) gets its opening, not
    // whichever sentence says refund once more (Original shipping costs are refunded only if…)
    const asksMore = scoreUnits(cut.texts, beyond, this.model.k1, this.model.answerB).some((s) => s > 0);
    return choosePassage(answer, cut.units, asksMore ? scoreUnits(cut.texts, terms, this.model.k1, this.model.answerB) : new Float64Array(cut.units.length), maxChars);
  }

  private hit(e: number, v: number, score: number, confidence: number, terms: Map<string, number>, asWritten: (term: string) => string | undefined): Hit {
    const entry = this.data.entries.get(e);
    const variantNo = v - (this.firstVariant[e] ?? 0);
    const matched = variantNo === 0 ? entry.question : (entry.similar[variantNo - 1] ?? entry.question);
    const found = [...terms.keys()].filter((term) => isWordTerm(term) && this.hitHas(term, e, v));
    // (several translations of one word are that word once); an English term the question does not
    // write (a typo's correction, a related word) as the entry writes it: warranty, delivery, not the stems
    const written = found.map((term) => asWritten(term));
    const unwritten = found.filter((term, i) => written[i] === undefined && ENGLISH_KEY.test(term));
    const inEntry = unwritten.length === 0 ? undefined : this.englishWords([matched, entry.answer, ...(entry.source?.headingPath ?? [])], new Set(unwritten.flatMap((term) => term.split(' '))));
    const matchedTerms = [...new Set(found.map((term, i) => written[i] ?? (inEntry !== undefined && ENGLISH_KEY.test(term) ? asWords(term, inEntry) : undefined) ?? term))];
    const hit: Hit = { id: entry.id, question: entry.question, matched, answer: entry.answer, score: Math.round(score * 1e4) / 1e4, confidence: Math.round(confidence * 1e4) / 1e4, matchedTerms };
    // a copy: a bot that edits a hit must not change what later searches return
    if (entry.source !== undefined) hit.source = { ...entry.source, headingPath: [...entry.source.headingPath] };
    if (entry.tags !== undefined && entry.tags.length > 0) hit.tags = [...entry.tags];
    return hit;
  }
}
