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
import { Analyzer, BIGRAM_PREFIX, isWordTerm, UNIGRAM_PREFIX } from '../analyze/analyzer.js';
import type { EntrySource } from '../store/entry.js';
import type { IndexEntry, IndexFile, IndexModel } from './index-file.js';
import { decodeVarints, varintReader } from './varint.js';

export interface SearchOptions {
  /** How many hits at most (default 5). */
  k?: number;
  /** Drop hits whose confidence is below this (default 0). */
  threshold?: number;
  /** Internal (calibration): leave this variant out, as if it were not indexed. */
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
  /** The query terms found in the matched variant or the answer. */
  matchedTerms: string[];
}

interface Field {
  /** offsets[t]..offsets[t+1] in docs/tfs are the postings of term t */
  offsets: Uint32Array;
  docs: Uint32Array;
  tfs: Uint32Array;
  lengths: Uint32Array;
  avgLength: number;
}

/**
 * A field's postings, decoded in one pass straight from the varint bytes: per term n, then n ×
 * (document delta, term frequency). No intermediate array: this is most of what loading costs.
 */
function decodeField(postings: string, lengths: string, termCount: number): Field {
  const reader = varintReader(postings);
  const read = reader.read;
  // a posting takes at least two bytes, a base64 character 3/4 of one
  const capacity = Math.ceil((postings.length * 3) / 8);
  const docs = new Uint32Array(capacity);
  const tfs = new Uint32Array(capacity);
  const offsets = new Uint32Array(termCount + 1);
  let i = 0;
  for (let t = 0; t < termCount; t++) {
    offsets[t] = i;
    const n = read();
    let doc = 0;
    for (let j = 0; j < n; j++, i++) {
      doc += read();
      docs[i] = doc;
      tfs[i] = read();
    }
  }
  offsets[termCount] = i;
  if (!reader.atEnd()) throw new RangeError('postings: more data than terms');
  const lens = decodeVarints(lengths);
  let sum = 0;
  for (const l of lens) sum += l;
  return { offsets, docs: docs.subarray(0, i), tfs: tfs.subarray(0, i), lengths: lens, avgLength: lens.length > 0 ? Math.max(sum / lens.length, 1) : 1 };
}

/** Binary search: does document `doc` occur in the postings of term `t`? */
function hasPosting(field: Field, t: number, doc: number): boolean {
  let lo = field.offsets[t] ?? 0;
  let hi = (field.offsets[t + 1] ?? 0) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = field.docs[mid] ?? 0;
    if (d === doc) return true;
    if (d < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** At most this many expansion terms per question (learned associations and lexicon). */
const MAX_EXPANSIONS = 8;
/**
 * A bigram in more than about a fifth of the entries (IDF below 1.5) is not scored: its word is,
 * and reading its long postings list changed no ranking on the development sets (docs/matching.md).
 */
const MIN_BIGRAM_IDF = 1.5;
/** Expansions to words in more than about a tenth of the entries (IDF below ln 10) are not worth their postings. */
const MIN_EXPANSION_IDF = Math.log(10);

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export class KnowledgeBase {
  readonly entries: readonly IndexEntry[];
  readonly analyzer: Analyzer;
  readonly model: IndexModel;
  private readonly termIds: Map<string, number>;
  private readonly variants: Field;
  private readonly answers: Field;
  /** Context groups (sibling sections together), their members and IDF over groups. */
  private readonly contexts: Field;
  private readonly groupMembers: number[][];
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
  private readonly associations: Map<string, [string, number][]>;
  /** Sum of the IDF weights of each variant's distinct terms (for the variant-coverage factor). */
  private readonly variantMass: Float64Array;
  /** 1 / variantMass (1 for an empty variant): the coverage pass multiplies. */
  private readonly variantInvMass: Float64Array;
  /** The BM25 term factor for tf = 1, the usual case: (k1 + 1) / (1 + norm), per variant; × the answer share per answer. */
  private readonly variantTf1: Float64Array;
  private readonly answerTf1: Float64Array;
  private readonly variantMatched: Float64Array;
  /** Each entry's share of its answer score: sections whose question is a heading path weigh their text more. */
  private readonly answerWeights: Float64Array;
  private readonly hasAnswerWeight: boolean;
  // scratch space reused across searches
  private readonly variantScore: Float64Array;
  private readonly answerScore: Float64Array;
  private readonly touchedVariants: Uint32Array;
  private readonly touchedEntries: Uint32Array;
  private readonly entryScore: Float64Array;
  /** Best variant of each scored entry; -1 when the entry is not scored in this search. */
  private readonly entryVariant: Int32Array;
  private readonly touchedScored: Uint32Array;

  constructor(file: IndexFile) {
    this.entries = file.entries;
    this.model = file.model;
    this.analyzer = new Analyzer(file.analyzer);
    this.termIds = new Map(file.terms.map((t, i) => [t, i]));
    this.variants = decodeField(file.variants.postings, file.variants.lengths, file.terms.length);
    this.answers = decodeField(file.answers.postings, file.answers.lengths, file.terms.length);
    this.contexts = decodeField(file.contexts.postings, file.contexts.lengths, file.terms.length);
    this.groupMembers = Array.from({ length: this.contexts.lengths.length }, (): number[] => []);
    decodeVarints(file.contexts.ofEntry).forEach((g, e) => {
      if (g > 0) this.groupMembers[g - 1]?.push(e);
    });
    this.idfContext = new Float64Array(file.terms.length);
    const groups = this.contexts.lengths.length;
    for (let t = 0; t < file.terms.length; t++) {
      const df = (this.contexts.offsets[t + 1] ?? 0) - (this.contexts.offsets[t] ?? 0);
      this.idfContext[t] = Math.log(1 + (groups - df + 0.5) / (df + 0.5));
    }
    const perEntry = decodeVarints(file.variants.perEntry);
    const nVariants = this.variants.lengths.length;
    this.variantEntry = new Uint32Array(nVariants);
    this.firstVariant = new Uint32Array(perEntry.length + 1);
    for (let e = 0, v = 0; e < perEntry.length; e++) {
      this.firstVariant[e] = v;
      for (let j = 0; j < (perEntry[e] ?? 0); j++) this.variantEntry[v++] = e;
    }
    this.firstVariant[perEntry.length] = nVariants;
    const n = this.entries.length;
    this.idfVariant = new Float64Array(file.terms.length);
    this.idfAnswer = new Float64Array(file.terms.length);
    for (let t = 0; t < file.terms.length; t++) {
      let df = 0;
      let last = -1;
      for (let i = this.variants.offsets[t] ?? 0; i < (this.variants.offsets[t + 1] ?? 0); i++) {
        const e = this.variantEntry[this.variants.docs[i] ?? 0] ?? 0;
        if (e !== last) {
          df++;
          last = e;
        }
      }
      this.idfVariant[t] = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const dfa = (this.answers.offsets[t + 1] ?? 0) - (this.answers.offsets[t] ?? 0);
      this.idfAnswer[t] = Math.log(1 + (n - dfa + 0.5) / (dfa + 0.5));
    }
    this.associations = new Map(file.model.associations);
    this.variantMass = new Float64Array(nVariants);
    for (let t = 0; t < file.terms.length; t++) {
      const w = (this.idfVariant[t] ?? 0) * this.termTypeWeight(file.terms[t] ?? '');
      for (let i = this.variants.offsets[t] ?? 0; i < (this.variants.offsets[t + 1] ?? 0); i++) {
        const v = this.variants.docs[i] ?? 0;
        this.variantMass[v] = (this.variantMass[v] ?? 0) + w;
      }
    }
    this.variantMatched = new Float64Array(nVariants);
    const { k1, b, answerB } = this.model;
    const norms = (f: Field, bb: number): Float64Array => Float64Array.from(f.lengths, (len) => k1 * (1 - bb + (bb * len) / f.avgLength));
    this.variantNorm = norms(this.variants, b);
    this.answerNorm = norms(this.answers, answerB);
    this.variantInvMass = Float64Array.from(this.variantMass, (m) => (m > 0 ? 1 / m : 1));
    this.variantTf1 = Float64Array.from(this.variantNorm, (norm) => (k1 + 1) / (1 + norm));
    this.contextNorm = norms(this.contexts, answerB);
    this.answerWeights = Float64Array.from(this.entries, (e) => (e.questionFrom !== undefined ? (this.model.sectionAnswerWeight ?? this.model.answerWeight) : this.model.answerWeight));
    this.hasAnswerWeight = this.answerWeights.some((w) => w > 0);
    this.answerTf1 = Float64Array.from(this.answerNorm, (norm, e) => ((this.answerWeights[e] ?? 0) * (k1 + 1)) / (1 + norm));
    this.variantScore = new Float64Array(nVariants);
    this.answerScore = new Float64Array(n);
    this.touchedVariants = new Uint32Array(nVariants);
    this.touchedEntries = new Uint32Array(n);
    this.entryScore = new Float64Array(n);
    this.entryVariant = new Int32Array(n).fill(-1);
    this.touchedScored = new Uint32Array(n);
  }

  /** BM25 of the question against each context group (sibling sections together) × contextWeight: what each member gets. */
  private contextScores(terms: Map<string, number>): Map<number, number> {
    const C = this.contexts;
    const k1p1 = this.model.k1 + 1;
    const cNorm = this.contextNorm;
    const groupScore = new Map<number, number>();
    for (const [term, qw] of terms) {
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      const idf = (this.idfContext[t] ?? 0) * qw * this.termTypeWeight(term) * this.model.contextWeight;
      for (let i = C.offsets[t]!, end = C.offsets[t + 1]!; i < end; i++) {
        const g = C.docs[i]!;
        const tf = C.tfs[i]!;
        groupScore.set(g, (groupScore.get(g) ?? 0) + (idf * tf * k1p1) / (tf + cNorm[g]!));
      }
    }
    return groupScore;
  }

  private termTypeWeight(term: string): number {
    if (term.startsWith(BIGRAM_PREFIX)) return this.model.bigramWeight;
    if (term.startsWith(UNIGRAM_PREFIX)) return this.model.unigramWeight;
    return 1;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Weighted query terms: the question's own, homophones, and learned associations. */
  queryTerms(question: string): Map<string, number> {
    const { terms } = this.analyzer.analyzeQuery(question);
    const out = new Map<string, number>();
    for (const [t, w] of terms) if (this.termIds.has(t)) out.set(t, w);
    if (this.associations.size > 0) {
      // expansions: the strongest few by weight × IDF; a related word in a tenth of the entries or
      // more says little and would cost a long postings list on every question
      const expansions = new Map<string, number>();
      for (const [t, w] of terms) {
        for (const [related, strength] of this.associations.get(t) ?? []) {
          const id = this.termIds.get(related);
          if (id === undefined || out.has(related) || (this.idfVariant[id] ?? 0) < MIN_EXPANSION_IDF) continue;
          const weight = w * strength;
          if (weight > (expansions.get(related) ?? 0)) expansions.set(related, weight);
        }
      }
      const impact = (term: string, weight: number): number => weight * (this.idfVariant[this.termIds.get(term) ?? 0] ?? 0);
      [...expansions]
        .sort((x, y) => impact(y[0], y[1]) - impact(x[0], x[1]) || (x[0] < y[0] ? -1 : 1))
        .slice(0, MAX_EXPANSIONS)
        .forEach(([term, weight]) => out.set(term, weight));
    }
    return out;
  }

  search(question: string, options: SearchOptions = {}): Hit[] {
    const k = options.k === undefined || Number.isNaN(options.k) ? 5 : Math.max(0, Math.floor(options.k));
    if (k === 0) return [];
    const threshold = options.threshold ?? 0;
    const terms = this.queryTerms(question);
    if (terms.size === 0) return [];
    const k1p1 = this.model.k1 + 1;
    const vNorm = this.variantNorm;
    const aNorm = this.answerNorm;
    const vTf1 = this.variantTf1;
    const aTf1 = this.answerTf1;
    const aWeight = this.answerWeights;
    const vMatched = this.variantMatched;
    const V = this.variants;
    const A = this.answers;
    const vScore = this.variantScore;
    const aScore = this.answerScore;
    let nv = 0;
    let ne = 0;
    let selfScore = 0;
    for (const [term, qw] of terms) {
      const t = this.termIds.get(term);
      if (t === undefined) continue;
      const w = qw * this.termTypeWeight(term);
      const idfV = (this.idfVariant[t] ?? 0) * w;
      if (qw >= 1) selfScore += idfV;
      if (term.startsWith(BIGRAM_PREFIX) && (this.idfVariant[t] ?? 0) < MIN_BIGRAM_IDF) continue;
      // the hot loops: typed arrays, norms precomputed at load (non-null: offsets and docs are consistent by construction)
      const coverageCredit = idfV / qw;
      const exclude = options.excludeVariant ?? -1;
      for (let i = V.offsets[t]!, end = V.offsets[t + 1]!; i < end; i++) {
        const v = V.docs[i]!;
        if (v === exclude) continue;
        const tf = V.tfs[i]!;
        const before = vScore[v]!;
        if (before === 0) this.touchedVariants[nv++] = v;
        vScore[v] = before + (tf === 1 ? idfV * vTf1[v]! : (idfV * tf * k1p1) / (tf + vNorm[v]!));
        vMatched[v] = vMatched[v]! + coverageCredit;
      }
      if (this.hasAnswerWeight) {
        const idfA = (this.idfAnswer[t] ?? 0) * w;
        for (let i = A.offsets[t]!, end = A.offsets[t + 1]!; i < end; i++) {
          const e = A.docs[i]!;
          const tf = A.tfs[i]!;
          const before = aScore[e]!;
          if (before === 0) this.touchedEntries[ne++] = e;
          aScore[e] = before + (tf === 1 ? idfA * aTf1[e]! : (aWeight[e]! * idfA * tf * k1p1) / (tf + aNorm[e]!));
        }
      }
    }
    // best variant per entry, then the answer and context shares, in flat arrays (no per-query maps)
    const eScore = this.entryScore;
    const eVariant = this.entryVariant;
    const touched = this.touchedScored;
    let nt = 0;
    const touch = (e: number, v: number): void => {
      if (eVariant[e] === -1) {
        touched[nt++] = e;
        eVariant[e] = v;
      }
    };
    const touchedVariants = this.touchedVariants;
    const variantEntry = this.variantEntry;
    const invMass = this.variantInvMass;
    const coveragePower = this.model.variantCoverage;
    for (let i = 0; i < nv; i++) {
      const v = touchedVariants[i]!;
      const e = variantEntry[v]!;
      // how much of the variant the question explains: a paraphrase covers its variant
      const coverage = Math.min(1, vMatched[v]! * invMass[v]!);
      const s = vScore[v]! * (coveragePower === 0.5 ? Math.sqrt(coverage) : coverage ** coveragePower);
      if (eVariant[e] === -1 || s > (eScore[e] ?? 0)) {
        touch(e, v);
        eScore[e] = s;
        eVariant[e] = v;
      }
      vScore[v] = 0;
      vMatched[v] = 0;
    }
    for (let i = 0; i < ne; i++) {
      const e = this.touchedEntries[i] ?? 0;
      touch(e, this.firstVariant[e] ?? 0);
      eScore[e] = (eScore[e] ?? 0) + (aScore[e] ?? 0);
      aScore[e] = 0;
    }
    if (this.model.contextWeight > 0 && this.groupMembers.length > 0) {
      for (const [g, add] of this.contextScores(terms)) {
        for (const e of this.groupMembers[g] ?? []) {
          touch(e, this.firstVariant[e] ?? 0);
          eScore[e] = (eScore[e] ?? 0) + add;
        }
      }
    }
    // the best max(k, 2) entries (the runner-up sets the margin); ties go to the earlier entry
    // an entry's score is a weighted sum of its fields; dividing by the weights' sum keeps FAQ
    // entries (question-led, answer 0.3) and sections (text-led, 1.0) on one scale, so a FAQ
    // question asked word for word is not outscored by a section that merely mentions its words
    for (let i = 0; i < nt; i++) {
      const e = touched[i]!;
      eScore[e] = eScore[e]! / (1 + aWeight[e]!);
    }
    const want = Math.min(Math.max(k, 2), nt);
    const ranked: number[] = [];
    const before = (x: number, y: number): boolean => (eScore[x] ?? 0) > (eScore[y] ?? 0) || ((eScore[x] ?? 0) === (eScore[y] ?? 0) && x < y);
    for (let i = 0; i < nt; i++) {
      const e = touched[i] ?? 0;
      if (ranked.length === want && !before(e, ranked[want - 1] ?? 0)) continue;
      let j = ranked.length === want ? want - 1 : ranked.length;
      while (j > 0 && before(e, ranked[j - 1] ?? 0)) {
        ranked[j] = ranked[j - 1] ?? 0;
        j--;
      }
      ranked[j] = e;
    }
    const results = ranked.map((e): [number, number, number] => [e, eScore[e] ?? 0, eVariant[e] ?? 0]);
    for (let i = 0; i < nt; i++) {
      const e = touched[i] ?? 0;
      eScore[e] = 0;
      eVariant[e] = -1;
    }
    if (results.length === 0) return [];
    const top = results[0]?.[1] ?? 0;
    const second = results[1]?.[1] ?? 0;
    const hits: Hit[] = [];
    for (const [rank, [e, score, v]] of results.slice(0, k).entries()) {
      // rounded as reported, so a threshold equal to a reported confidence keeps that hit
      const confidence = Math.round(this.confidence(score, selfScore, top, second, rank === 0) * 1e4) / 1e4;
      if (confidence < threshold) continue;
      hits.push(this.hit(e, v, score, confidence, terms));
    }
    return hits;
  }

  /** Calibrated probability that this hit answers the question. */
  private confidence(score: number, selfScore: number, top: number, second: number, isTop: boolean): number {
    const c = this.model.calibration;
    const coverage = selfScore > 0 ? Math.min(score / selfScore, 1.5) : 0;
    const margin = isTop ? (top > 0 ? (top - second) / top : 0) : (score - top) / (top || 1);
    return sigmoid(c.intercept + c.coverageWeight * coverage + c.marginWeight * margin);
  }

  /** The top hit's entry and its calibration features (build time: fitting the calibration). */
  calibrationFeatures(question: string, excludeVariant?: number): { entry: number; coverage: number; margin: number } | undefined {
    const opts: SearchOptions = { k: 2 };
    if (excludeVariant !== undefined) opts.excludeVariant = excludeVariant;
    const hits = this.search(question, opts);
    const first = hits[0];
    if (first === undefined) return undefined;
    const terms = this.queryTerms(question);
    let selfScore = 0;
    for (const [term, qw] of terms) {
      const t = this.termIds.get(term);
      if (t === undefined || qw < 1) continue;
      selfScore += (this.idfVariant[t] ?? 0) * qw * this.termTypeWeight(term);
    }
    const second = hits[1]?.score ?? 0;
    return {
      entry: this.entries.findIndex((e) => e.id === first.id),
      coverage: selfScore > 0 ? Math.min(first.score / selfScore, 1.5) : 0,
      margin: first.score > 0 ? (first.score - second) / first.score : 0,
    };
  }

  private hit(e: number, v: number, score: number, confidence: number, terms: Map<string, number>): Hit {
    const entry = this.entries[e] as IndexEntry;
    const variantNo = v - (this.firstVariant[e] ?? 0);
    const matched = variantNo === 0 ? entry.question : (entry.similar[variantNo - 1] ?? entry.question);
    const matchedTerms = [...terms.keys()].filter((term) => {
      const t = this.termIds.get(term);
      return isWordTerm(term) && t !== undefined && (hasPosting(this.variants, t, v) || hasPosting(this.answers, t, e));
    });
    const hit: Hit = { id: entry.id, question: entry.question, matched, answer: entry.answer, score: Math.round(score * 1e4) / 1e4, confidence: Math.round(confidence * 1e4) / 1e4, matchedTerms };
    if (entry.source !== undefined) hit.source = entry.source;
    return hit;
  }
}
