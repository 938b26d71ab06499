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
 *
 * This file holds what the index is once loaded and the scoring loop (`rank`). The rest is beside it:
 *   query-terms.ts    how a question becomes weighted query terms (own words, expansions, translations, typos)
 *   candidates.ts     which entries a question's weaker terms may still score, and galloping postings reads
 *   products.ts       a catalogue's products and kinds of goods: an entry answering for another product ranks lower
 *   confidence.ts     coverage, margin and the calibrated confidence of a hit
 *   written-terms.ts  a hit's matched terms as the question writes them
 *   hit-passages.ts   the passage of a long answer a hit carries
 */
import { Analyzer, BIGRAM_PREFIX, isWordTerm, UNIGRAM_PREFIX } from '../analyze/analyzer.js';
import type { EntrySource } from '../store/entry.js';
import { packFloat32s, unpackFloat32s, type IndexData, type IndexEntry, type IndexModel } from './index-file.js';
import { ASKS_SAME_DEPTH, TEAM_ORIGINS, writtenQuestionsFirst, type AsksSameSource } from './asks-same.js';
import { Associations } from './associations.js';
import { Candidates, MAX_CANDIDATES, seek } from './candidates.js';
import { Confidence, type Ranking, type Surplus } from './confidence.js';
import { HitPassages } from './hit-passages.js';
import { DEFAULT_PASSAGE_CHARS, type PassageTerm } from './passage.js';
import { Postings } from './postings.js';
import { CATALOGUE_NAME_SHARE, OTHER_MODEL_SHARE, PRODUCT_CONFLICT_SHARE, Products } from './products.js';
import { ENGLISH_KEY, isCaseTerm, MIN_BIGRAM_IDF, QueryTerms, TOPIC_NAMED, withTranslation, type QuestionAnalysis } from './query-terms.js';
import { decodeVarints, encodeVarints } from './varint.js';
import { asWords, asWrittenIn, englishWords } from './written-terms.js';

export { leadByCoverage } from './confidence.js';
export { MAX_CANDIDATES } from './candidates.js';


export interface SearchOptions {
  /** How many hits at most (default 5). */
  k?: number;
  /**
   * Drop hits whose confidence is below this (default 0). Confidence never rises down the ranking,
   * so what is kept is the best hits, and nothing when the top hit is below it: the decision
   * `kb eval --threshold` measures.
   */
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
  /** In [0, 1], comparable across questions: answer when above your threshold, else hand off. Never above the confidence of the hit ranked before it. */
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
 * The share of its score an entry keeps when it has none of a topical question's topical terms, only
 * its question words (how long of how long is the warranty, in How long does a refund take?).
 */
const TOPICLESS_SHARE = 0.5;

/**
 * A question word's related words (its expansions) do not add up in one variant or answer: the
 * strongest counts whole, each other one this share of what it would add. An answer that writes
 * 退回, 退还 and 退换货 took 退货 three times over, and a shop's 赠品与优惠 section, matched that way, was
 * the top hit for 怎么退货啊. 0, 0.25, 0.5 and 1 (stacking, as before) measured: laws hit@1 0.483 /
 * 0.483 / 0.448 / 0.448; doc2dial 0.700 / 0.700 / 0.705 / 0.705; the customer-query shop 0.870 /
 * 0.878 / 0.878 / 0.878; bq 0.157 throughout (docs/history/matching.md).
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

/**
 * The terms a search reads (KnowledgeBase.planTerms), in parallel arrays indexed alike, and the order
 * to read them in (indexes into them).
 */
interface TermPlan {
  /** Term ids. */
  ids: number[];
  /** Query weights. */
  weights: number[];
  /** What a hit's cover of each term is divided by: its query weight, or 1 for a customer's own figure (isCaseTerm: covered at its weight). */
  coverDivisors: number[];
  /** IDF × query weight × term-type weight: what one matching posting is worth, before BM25's tf part. */
  impacts: number[];
  /** The question word an expansion stands for (an index among the question's expanded words), -1 for the question's own terms and translations. */
  source: number[];
  /** What an entry that has the term shares with the question (QueryTerms.topicBits; 0 for an expansion). */
  topicalTerm: number[];
  order: number[];
  /** What a perfect match would score (see Confidence.coverage), and what translations add beyond a word the hit may write itself. */
  selfScore: number;
  surpluses: Surplus[];
}

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

/** A deep copy of an entry, frozen (what `KnowledgeBase.entries` hands out). */
function frozenCopy(entry: IndexEntry): IndexEntry {
  const copy: IndexEntry = { ...entry, similar: Object.freeze([...entry.similar]) as string[] };
  if (entry.tags !== undefined) copy.tags = Object.freeze([...entry.tags]) as string[];
  if (entry.source !== undefined) copy.source = Object.freeze({ ...entry.source, headingPath: Object.freeze([...entry.source.headingPath]) as string[] });
  return Object.freeze(copy);
}

/** A loaded index: what `loadIndex` returns and a bot searches. */
export class KnowledgeBase {
  readonly analyzer: Analyzer;
  private readonly data: IndexData;
  private allEntries: readonly IndexEntry[] | undefined;
  /** Per term: its type weight (word 1, bigram, unigram) and whether it is a CJK bigram. */
  private readonly termWeight: Float64Array;
  /** A catalogue's products and the kinds of goods entries ask about (products.ts). */
  private readonly products = new Products();
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
  /** Per variant: 1 when kb generated it for a FAQ row (IndexModel.kbSimilar); undefined when no variant is. */
  private readonly kbVariant: Uint8Array | undefined;
  private readonly kbVariantWeight: number;
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
  /** How a question becomes weighted query terms (query-terms.ts). */
  private readonly queries: QueryTerms;
  /** Coverage and confidence of a search's hits (confidence.ts). */
  private readonly confidence: Confidence;
  /** The passages of hits with long answers (hit-passages.ts). */
  private readonly passages: HitPassages;
  /** What the check of a FAQ row that asks the same as the question reads (asks-same.ts). */
  private readonly asksSameSource: AsksSameSource;
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
  /** The candidate entries of the search under way (see MAX_CANDIDATES). */
  private readonly candidates: Candidates;
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
    this.products.readCatalogue(data.model.names ?? [], data.model.nameOf ?? [], data.entries.count);
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
    this.kbVariant = kbVariants(data.model.kbSimilar, this.firstVariant, nVariants);
    this.kbVariantWeight = data.model.kbSimilarWeight ?? 1;
    if (this.products.hasCatalogue) for (const term of data.model.nameTerms ?? []) this.weighName(term);
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
    this.products.readKinds(data.model.products ?? [], this.termIds, this.variants, this.answers, this.variantEntry, this.firstVariant.length);
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
    this.candidates = new Candidates(this.firstVariant);
    this.queries = new QueryTerms({ analyzer: this.analyzer, termIds: this.termIds, associations: this.associations, idfVariant: this.idfVariant, translationsOf: this.translationsOf, productKind: this.products.productKind });
    this.confidence = new Confidence({
      termIds: this.termIds,
      isBigram: this.isBigram,
      idfVariant: this.idfVariant,
      termWeight: this.termWeight,
      variants: this.variants,
      answers: this.answers,
      size: n,
      model: this.model,
    });
    this.asksSameSource = {
      termIds: this.termIds,
      idfVariant: this.idfVariant,
      termWeight: this.termWeight,
      variantTerms: (v) => {
        const e = this.variantEntry[v]!;
        const entry = data.entries.get(e);
        return this.analyzer.analyze(v === this.firstVariant[e] ? entry.question : (entry.similar[v - this.firstVariant[e]! - 1] ?? entry.question));
      },
      teamWritten: (e) => TEAM_ORIGINS.has(data.entries.get(e).origin),
      kbWrote: (v) => this.kbVariant?.[v] === 1,
      asksOnly: (term) => this.queries.topicBits(term) === 0,
      size: this.size,
    };
    this.passages = new HitPassages({ analyzer: this.analyzer, termIds: this.termIds, termWeight: this.termWeight, idfAnswer: this.idfAnswer, variants: this.variants, firstVariant: this.firstVariant, model: this.model });
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
    this.queries.typos();
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

  /**
   * BM25 of the question against each context group (sibling sections together) × contextWeight:
   * what each member gets. Each context group's share for the question, in `groupScore`; returns how many groups it
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
      const topical = this.queries.topicBits(term);
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

  get size(): number {
    return this.data.entries.count;
  }

  /**
   * The index file's checksum (`sha256:…`, as its header writes it): which build a bot answers from,
   * for its logs — the same file on every machine has the same one, a rebuild with other content
   * another. Undefined for an index built in memory and never written.
   */
  get checksum(): string | undefined {
    return this.data.checksum;
  }

  /** The terms the index relates to `term` (learned associations and the lexicon) with their query weights; [] when none. */
  related(term: string): readonly [string, number][] {
    return this.associations.get(term) ?? [];
  }

  /** Weighted query terms: the question's own, homophones, and learned associations. */
  queryTerms(question: string): Map<string, number> {
    return this.queries.analyze(question).terms;
  }

  /** A catalogue's name term (IndexModel.nameTerms: only its products' rows ask with it) weighs CATALOGUE_NAME_SHARE. */
  private weighName(term: string): void {
    const t = this.termIds.get(term);
    if (t !== undefined) this.termWeight[t] = this.termWeight[t]! * CATALOGUE_NAME_SHARE;
  }

  /**
   * Whether a chat message asks nothing: a greeting, an acknowledgement or thanks, emoji or [表情]
   * codes alone (你好, 亲，在吗, 好的谢谢, ok, 👍). `search` gives such a message no hits, as it gives
   * none to a question the KB cannot answer: with this a bot tells the two apart, and can reply to
   * small talk itself instead of handing it off to a person. A message with a number in it (an order
   * number alone) asks something. Indexes built before 2026-11-26 (no chat option): only an empty one.
   */
  asksNothing(message: string): boolean {
    if (typeof message !== 'string') throw new TypeError(`asksNothing: the message must be a string, not ${message === null ? 'null' : typeof message}`);
    return this.analyzer.asked(withoutInvisibles(message)).trim() === '';
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
    // (the second score before a FAQ row moved to the top: Ranking.runnerUp)
    const second = ranking.runnerUp;
    const hits: Hit[] = [];
    // matched terms as the question writes them (退貨 in a traditional question, not the analyzer's
    // 退货; warranty, not the stem warranti; refund for its translation 退款)
    const asWritten = asWrittenIn(this.analyzer, question, ranking.translated);
    const passageChars = countOption(options.passageChars, DEFAULT_PASSAGE_CHARS);
    const passageHits = countOption(options.passageHits, 1);
    const passageMin = Math.max(threshold, options.passageMinConfidence ?? 0);
    // the question's terms as passages look for them: worked out for the first long answer, once
    let forPassages: PassageTerm[] | undefined;
    // what the question asks for (a duration, an amount, who…), for passages: worked out once too
    let asks: number | undefined;
    let passageRank = 0;
    // a hit is no surer than the one ranked above it: a lower hit that covers the question better
    // (新疆包邮吗: the remote-areas row 0.56 under the free-shipping row's 0.50) made a threshold answer
    // with the second hit where kb eval, judging the top hit, handed off — and kb serve's log named the top
    let above = 1;
    for (const [rank, [e, score, v]] of results.slice(0, k).entries()) {
      // rounded as reported, so a threshold equal to a reported confidence keeps that hit
      const confidence = Math.min(above, Math.round(this.confidence.of(score, this.confidence.coverage(score, ranking, e, v), top, second, rank === 0, ranking.topicless.has(e)) * 1e4) / 1e4);
      above = confidence;
      if (confidence < threshold) continue;
      const hit = this.hit(e, v, score, confidence, terms, asWritten);
      if (confidence >= passageMin) {
        if (passageRank < passageHits && passageChars > 0 && hit.answer.length > passageChars) {
          forPassages ??= this.passages.terms(terms);
          asks ??= this.passages.asks(question);
          const passage = this.passages.passage(e, hit.answer, forPassages, this.passages.terms(this.passages.beyondQuestion(terms, e)), passageChars, asks, asks === 0 ? 0 : this.passages.asks(hit.question));
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
   * Four steps: which terms to read and in what order (planTerms), their postings scored into the
   * variants and answers they are in (scorePostings), each entry's score from its best variant,
   * answer and context (entryScores), and the best few entries (topEntries).
   */
  private rank(question: string, k: number, exclude: number): Ranking | undefined {
    const analysis = this.queries.analyze(question);
    const { terms, topical } = analysis;
    if (terms.size === 0) return undefined;
    const plan = this.planTerms(analysis);
    const touched = this.scorePostings(plan, exclude);
    const nt = this.entryScores(touched.variants, touched.answers, terms);
    const ranked = this.topEntries(nt, Math.max(k, ASKS_SAME_DEPTH), analysis);
    this.candidates.clear();
    if (ranked.results.length === 0) return undefined;
    // a FAQ row that asks what the question asks goes above the document entries that merely write its words (asks-same.ts)
    const passed = new Map<number, readonly [number, number]>();
    const runnerUp = ranked.results[1]?.[1] ?? 0;
    const results = writtenQuestionsFirst(this.asksSameSource, analysis, ranked.results, passed).slice(0, Math.max(k, 2));
    const topicless = new Set([...ranked.topicless].filter((e) => results.some(([r]) => r === e)));
    const { own, unknown, translated, expandedFrom } = analysis;
    return { results, runnerUp, topicless, selfScore: topical ? plan.selfScore : Infinity, terms, surpluses: plan.surpluses, translated, own, unknown, expandedFrom, ...(passed.size > 0 ? { passed } : {}) };
  }

  /**
   * Which of the question's terms are read, what one posting of each is worth, and in what order:
   * the question's own terms first, then its expansions; each strongest first (IDF × weight): the
   * strong terms find the candidates (ties in term order, so a ranking is stable). An expansion to a
   * rare word must not fill the candidates before the question's own words are read: the entry that
   * asks the question word for word would be left out. Also the question's self-score (what a
   * perfect match would score), which confidence measures a hit against.
   */
  private planTerms(analysis: QuestionAnalysis): TermPlan {
    const { terms, unknown, own, translated, expandedFrom } = analysis;
    /** What a hit can cover of each translated word or run of words: its own terms' impacts, and its translations' (see below). */
    const ownCover = new Map<string, number>();
    const translatedCover = new Map<string, number>();
    // what a perfect match would score: the known terms' impacts (below), and each unknown term
    // at the IDF of a term no entry has — a question the KB has mostly never seen is not covered
    // by a hit that matches its one known word
    let selfScore = unknown * Math.log(1 + (this.size + 0.5) / 0.5);
    const ids: number[] = [];
    const weights: number[] = [];
    const coverDivisors: number[] = [];
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
      // (a customer's own figure, an amount, counts at its lowered weight: see isCaseTerm)
      const caseTerm = isExpansion === 0 && isCaseTerm(term, qw);
      if (isExpansion === 0) {
        const cover = caseTerm ? impact : impact / Math.min(qw, 1);
        selfScore += cover;
        if (translated.size > 0) ownCover.set(term, cover);
      } else {
        const word = translated.get(term);
        if (word !== undefined) translatedCover.set(word, withTranslation(translatedCover.get(word) ?? 0, term, impact));
      }
      ids.push(t);
      weights.push(qw);
      coverDivisors.push(caseTerm ? 1 : qw);
      impacts.push(impact);
      expansion.push(isExpansion);
      const from = isExpansion === 1 && !translated.has(term) ? expandedFrom.get(term) : undefined;
      let g = from === undefined ? -1 : sourceWords.indexOf(from);
      if (from !== undefined && g < 0) g = sourceWords.push(from) - 1;
      source.push(g);
      // (an expansion is no evidence of the topic: a question word's associations would count)
      topicalTerm.push(isExpansion === 0 || translated.has(term) ? this.queries.topicBits(term) : 0);
    }
    // a translated word is covered by a hit that matches all its translations, each at its weight
    // (快递, 快递员, 快递公司 for courier), or the word itself where the KB writes it (an English page
    // of a bilingual KB): once, by the larger. Counting the main translation alone, a hit matching
    // all three covered courier 2.5 times over and answered at 0.99 where 快递 gets 0.67
    // — by the larger for the question, but a hit that has the word itself (the FAQ's own English
    // question, asked word for word) covers it at the word's own weight: see Confidence.coverage
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
    return { ids, weights, coverDivisors, impacts, source, topicalTerm, order, selfScore, surpluses };
  }

  /**
   * The scoring loop: each planned term's postings, in plan order, added to the variants and answers
   * that hold it (BM25, a question word's related words not stacking: RELATED_SHARE), admitting new
   * candidates while the term may (Candidates.opens) and otherwise reading only the candidates'
   * postings. Returns how many variants and answers it touched (listed in touchedVariants and
   * touchedEntries).
   */
  private scorePostings(plan: TermPlan, exclude: number): { variants: number; answers: number } {
    const { ids, weights, coverDivisors, impacts, source, topicalTerm, order } = plan;
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
    const candidates = this.candidates;
    const vBits = candidates.variantBits;
    const eBits = candidates.entryBits;
    const candidateList = candidates.list;
    const variantEntry = this.variantEntry;
    // a written similar question left out (kb build's calibration) takes with it the similar
    // questions kb generated for its row: made from the row's own, they would find it for it
    const kbVariant = this.kbVariant;
    const kbOf = exclude >= 0 && kbVariant !== undefined ? variantEntry[exclude]! : -1;
    const firstVariant = this.firstVariant;
    const limit = this.maxCandidates;
    let nv = 0;
    let ne = 0;
    for (const j of order) {
      const t = ids[j]!;
      const qw = weights[j]!;
      const w = qw * this.termWeight[t]!;
      const idfV = impacts[j]!;
      // a term admits new candidates while fewer than the limit are found and its entries would not
      // take them past twice the limit (the first term always does); otherwise it only adds to
      // the candidates found so far
      const open = candidates.opens(this.entryDf[t]! + A.count[t]!, limit);
      // the hot loops: typed arrays, norms precomputed at load (non-null: postings and documents are consistent by construction)
      const coverageCredit = idfV / coverDivisors[j]!;
      const topicalT = topicalTerm[j]!;
      const g = source[j]!;
      const eTopical = this.entryTopical;
      const vDocs = V.allDocs;
      const vTfs = V.allTfs;
      const vStart = V.decode(t);
      const vEnd = V.offset[t + 1]!;
      // a weak term's long list is not scanned: each candidate's postings are found by galloping
      // search (the list is in entry order, and so are the candidates once sorted)
      const gallop = !open && candidates.gallops(vEnd - vStart);
      if (gallop) candidates.sort();
      for (let c = 0, from = vStart, to = vEnd; ; from = to) {
        if (gallop) {
          if (c === candidates.count) break;
          const e = candidateList[c++]!;
          from = seek(vDocs, from, vEnd, firstVariant[e]!);
          to = seek(vDocs, from, vEnd, firstVariant[e + 1]!);
        }
        for (let i = from; i < to; i++) {
          const v = vDocs[i]!;
          if ((vBits[v >>> 5]! & (1 << (v & 31))) === 0) {
            if (!open || v === exclude || (kbOf >= 0 && kbVariant![v] === 1 && variantEntry[v] === kbOf)) continue;
            candidates.admit(variantEntry[v]!);
          } else if (v === exclude || (kbOf >= 0 && kbVariant![v] === 1 && variantEntry[v] === kbOf)) continue;
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
        const gallopA = !open && candidates.gallops(aEnd - aStart);
        if (gallopA) candidates.sort();
        for (let c = 0, from = aStart, to = aEnd; ; from = to) {
          if (gallopA) {
            if (c === candidates.count) break;
            const e = candidateList[c++]!;
            from = seek(aDocs, from, aEnd, e);
            to = seek(aDocs, from, aEnd, e + 1);
          }
          for (let i = from; i < to; i++) {
            const e = aDocs[i]!;
            if ((eBits[e >>> 5]! & (1 << (e & 31))) === 0) {
              if (!open) continue;
              candidates.admit(e);
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
    return { variants: nv, answers: ne };
  }

  /**
   * Each touched entry's score: its best variant's (scaled by how much of the variant the question
   * covers: a paraphrase covers its variant), plus its answer's and its context group's shares, in
   * flat arrays (no per-query maps). Clears the variants' and answers' scratch state; returns how
   * many entries are scored, listed in touchedScored.
   */
  private entryScores(nv: number, ne: number, terms: Map<string, number>): number {
    const vState = this.variantState;
    const aState = this.answerState;
    const touchedVariants = this.touchedVariants;
    const touchedEntries = this.touchedEntries;
    const variantEntry = this.variantEntry;
    const firstVariant = this.firstVariant;
    const eScore = this.entryScore;
    const eVariant = this.entryVariant;
    const touched = this.touchedScored;
    const sqrtCoverage = this.model.variantCoverage === 0.5;
    const coveragePower = this.model.variantCoverage;
    const kbVariant = this.kbVariant;
    let nt = 0;
    for (let i = 0; i < nv; i++) {
      const v = touchedVariants[i]!;
      const at = v * V_STRIDE;
      const e = variantEntry[v]!;
      // how much of the variant the question explains: a paraphrase covers its variant
      const coverage = Math.min(1, vState[at + 1]! * vState[at + 3]!);
      let s = vState[at]! * (sqrtCoverage ? Math.sqrt(coverage) : coverage ** coveragePower);
      if (kbVariant !== undefined && kbVariant[v] === 1) s *= this.kbVariantWeight;
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
    return nt;
  }

  /**
   * The best max(k, 2) of the `nt` scored entries (the runner-up sets the margin); ties go to the
   * earlier entry. An entry's score is a weighted sum of its fields; dividing by the weights' sum
   * keeps FAQ entries (question-led, answer 0.3) and sections (text-led, 1.0) on one scale, so a FAQ
   * question asked word for word is not outscored by a section that merely mentions its words. An
   * entry that shares only how a topical question asks keeps TOPICLESS_SHARE of its score, one that
   * answers for another product PRODUCT_CONFLICT_SHARE or OTHER_MODEL_SHARE (products.ts). Clears the
   * entries' scratch state.
   */
  private topEntries(nt: number, k: number, analysis: QuestionAnalysis): { results: [number, number, number][]; topicless: Set<number> } {
    const { topical, names, kinds } = analysis;
    const models = this.products.namedProducts(analysis.terms);
    const aWeight = this.answerWeights;
    const eScore = this.entryScore;
    const eVariant = this.entryVariant;
    const touched = this.touchedScored;
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
      if (kinds.length > 0 && this.products.namesOtherProduct(e, kinds)) {
        score *= PRODUCT_CONFLICT_SHARE;
        if (outranked(score, e)) continue;
      }
      if (models !== undefined && this.products.otherModel(e, models)) {
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
    return { results, topicless };
  }

  /** @internal The top hit's entry and its calibration features (build time: fitting the calibration). */
  calibrationFeatures(question: string, excludeVariant?: number): { entry: number; coverage: number; margin: number } | undefined {
    const ranking = this.rank(question, 2, excludeVariant ?? -1);
    if (ranking === undefined) return undefined;
    const { results } = ranking;
    // scores as a search reports them (rounded)
    const first = Math.round((results[0]?.[1] ?? 0) * 1e4) / 1e4;
    const second = Math.round(ranking.runnerUp * 1e4) / 1e4;
    const [e, , v] = results[0] ?? [-1, 0, -1];
    return {
      entry: e,
      coverage: e < 0 ? 0 : this.confidence.coverage(first, ranking, e, v),
      margin: first > 0 && !ranking.topicless.has(e) ? (first - second) / first : 0,
    };
  }

  private hit(e: number, v: number, score: number, confidence: number, terms: Map<string, number>, asWritten: (term: string) => string | undefined): Hit {
    const entry = this.data.entries.get(e);
    const variantNo = v - (this.firstVariant[e] ?? 0);
    const matched = variantNo === 0 ? entry.question : (entry.similar[variantNo - 1] ?? entry.question);
    const found = [...terms.keys()].filter((term) => isWordTerm(term) && this.confidence.hitHas(term, e, v));
    // (several translations of one word are that word once); an English term the question does not
    // write (a typo's correction, a related word) as the entry writes it: warranty, delivery, not the stems
    const written = found.map((term) => asWritten(term));
    const unwritten = found.filter((term, i) => written[i] === undefined && ENGLISH_KEY.test(term));
    const inEntry = unwritten.length === 0 ? undefined : englishWords(this.analyzer, [matched, entry.answer, ...(entry.source?.headingPath ?? [])], new Set(unwritten.flatMap((term) => term.split(' '))));
    const matchedTerms = [...new Set(found.map((term, i) => written[i] ?? (inEntry !== undefined && ENGLISH_KEY.test(term) ? asWords(term, inEntry) : undefined) ?? term))];
    const hit: Hit = { id: entry.id, question: entry.question, matched, answer: entry.answer, score: Math.round(score * 1e4) / 1e4, confidence: Math.round(confidence * 1e4) / 1e4, matchedTerms };
    // a copy: a bot that edits a hit must not change what later searches return
    if (entry.source !== undefined) hit.source = { ...entry.source, headingPath: [...entry.source.headingPath] };
    if (entry.tags !== undefined && entry.tags.length > 0) hit.tags = [...entry.tags];
    return hit;
  }
}

/**
 * Per variant, 1 for the similar questions kb generated for a FAQ row (IndexModel.kbSimilar: entry,
 * count of its last similar questions, flattened); undefined for an index with none (any written before).
 */
function kbVariants(pairs: readonly number[] | undefined, firstVariant: Uint32Array, nVariants: number): Uint8Array | undefined {
  if (pairs === undefined || pairs.length < 2) return undefined;
  const out = new Uint8Array(nVariants);
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    const e = pairs[i]!;
    const end = firstVariant[e + 1];
    if (end === undefined) continue;
    for (let v = Math.max(firstVariant[e]! + 1, end - pairs[i + 1]!); v < end; v++) out[v] = 1;
  }
  return out;
}
