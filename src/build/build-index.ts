/**
 * Entries + analyzer settings → the index body: terms, packed postings for the question
 * variants and the answers, associations the KB teaches itself, and the calibration of
 * confidence fitted on the KB's own paraphrases. Deterministic: same inputs, same bytes.
 */
import { Analyzer, isWordTerm } from '../analyze/analyzer.js';
import type { AnalyzerSettings } from '../analyze/settings.js';
import { INDEX_FORMAT, INDEX_VERSION, type Calibration, dataOfBody, type FieldPostings, type IndexBody, type IndexEntry, type IndexModel } from '../runtime/index-file.js';
import { KnowledgeBase, leadByCoverage } from '../runtime/knowledge-base.js';
import { encodeVarints, VarintWriter } from '../runtime/varint.js';
import { teamSimilar, type Entry } from '../store/entry.js';
import { type CatalogueQuestion, catalogueKey, catalogueProducts } from '../analyze/products.js';
import { withoutImageAddresses } from '../text/images.js';

export interface ModelOptions {
  variantCoverage: number;
  contextWeight: number;
  k1: number;
  b: number;
  answerWeight: number;
  sectionAnswerWeight: number;
  answerB: number;
  bigramWeight: number;
  unigramWeight: number;
  associationWeight: number;
  /** Weight of the built-in lexicon's expansions (0 = off). */
  lexiconWeight: number;
  /** Weight of an English word's main Chinese translation (BILINGUAL_LEXICON; its others get three quarters of it; 0 = off). */
  translationWeight: number;
  /** The share of its score a similar question kb generated for a FAQ row keeps (IndexModel.kbSimilarWeight). */
  kbSimilarWeight: number;
  /** Keep at most this many associations per term. */
  associationsPerTerm: number;
  /** Associations weaker than this are dropped. */
  minAssociation: number;
}

export const DEFAULT_MODEL: ModelOptions = {
  variantCoverage: 0.5,
  contextWeight: 0.3,
  k1: 1.2,
  b: 0.5,
  answerWeight: 0.3,
  sectionAnswerWeight: 1,
  answerB: 0.75,
  bigramWeight: 0.6,
  unigramWeight: 0.3,
  associationWeight: 0.4,
  lexiconWeight: 0.5,
  translationWeight: 1,
  kbSimilarWeight: 1,
  associationsPerTerm: 8,
  minAssociation: 0.2,
};

/**
 * What the defaults weigh in a KB's own fit, in samples: the fit is pulled toward the defaults'
 * verdict on each of its samples as if this many more had been asked (half the weight at 200 written
 * paraphrases, a sixth at 1,000). A KB's paraphrases, asked with themselves left out, show how it
 * confuses its own entries, never a question it has no answer for — the defaults were fitted with
 * such questions. Without it, a shop KB of 90 FAQ rows and 207 written paraphrases fitted −0.37,
 * 0.51, 3.75: every top hit got 0.39 or more and 你好, 能便宜点吗 0.6 (a user test; see docs/history/matching.md).
 */
export const CALIBRATION_PRIOR_SAMPLES = 200;
/**
 * Coverage's share when the hit lacks the question's strongest word (Calibration.missingStrongest;
 * docs/matching.md, Confidence; figures in docs/history/matching.md): 手机怎么截图 → 手机进水了怎么办 at 0.49 through 手机 and 怎么.
 */
export const MISSING_STRONGEST_SHARE = 0.8;

/**
 * For a KB with too few written paraphrases to fit on. The coverage and margin weights were fitted
 * (2026-11-26) on laws, doc2dial, the customer-query shop and the bundled sample with 300 foreign
 * questions each as out of scope; the intercept (2026-11-27: −3.6 → −2.0) on the suites of nine
 * shops' KBs from user tests (564 questions, 77 out of scope, counted twice): with half the questions
 * out of scope the defaults were underconfident on shops' traffic — right answers averaged 0.46–0.71,
 * and 0.5 handed off most of them (docs/history/matching.md, Confidence). Before: −4, 5, 3 on the margin as it is.
 * Since coverage counts MISSING_STRONGEST_SHARE of itself for a hit that lacks the question's strongest
 * word (2026-11-27, twelfth round), −1.8: refitted on nine shops' suites it comes out −1.55 without the
 * 2,000-question catalogue suite and −2.05 with it.
 */
export const DEFAULT_CALIBRATION: Calibration = { intercept: -1.8, coverageWeight: 4.8, marginWeight: 4.4, fittedOn: 'default', samples: 0, leadByCoverage: true, missingStrongest: MISSING_STRONGEST_SHARE };

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Documents as (term id, count) pairs in flat typed arrays: a variant is a few dozen bytes, not a
 * Map of term strings (on a 59,768-entry store, 303,662 variant Maps and the term strings they
 * held took about half of a 2.0-2.2 GB build).
 */
class DocTerms {
  termIds = new Uint32Array(1 << 16);
  tfs = new Uint32Array(1 << 16);
  /** Where each document's pairs end. */
  readonly ends: number[] = [];
  pairs = 0;

  /** Append one document: its term ids in order, with repeats (`scratch` is a map to reuse). */
  add(ids: readonly number[], scratch: Map<number, number>): void {
    scratch.clear();
    for (const id of ids) scratch.set(id, (scratch.get(id) ?? 0) + 1);
    this.addCounts(scratch);
  }

  /** Append one document given as term id → count. */
  addCounts(counts: ReadonlyMap<number, number>): void {
    if (this.pairs + counts.size > this.termIds.length) {
      const size = Math.max(this.termIds.length * 2, this.pairs + counts.size);
      const ids = new Uint32Array(size);
      ids.set(this.termIds.subarray(0, this.pairs));
      this.termIds = ids;
      const tfs = new Uint32Array(size);
      tfs.set(this.tfs.subarray(0, this.pairs));
      this.tfs = tfs;
    }
    for (const [id, n] of counts) {
      this.termIds[this.pairs] = id;
      this.tfs[this.pairs] = n;
      this.pairs++;
    }
    this.ends.push(this.pairs);
  }

  /** Add document `d`'s counts into `into` (term id → count). */
  addInto(d: number, into: Map<number, number>): void {
    for (let i = d === 0 ? 0 : this.ends[d - 1]!; i < this.ends[d]!; i++) into.set(this.termIds[i]!, (into.get(this.termIds[i]!) ?? 0) + this.tfs[i]!);
  }
}

/** Terms numbered as first met, each string kept once. */
class TermTable {
  readonly ids = new Map<string, number>();
  readonly words: string[] = [];

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(term, id);
      this.words.push(term);
    }
    return id;
  }
}

/**
 * Pack one field's postings (format in index-file.ts: most term frequencies in these short texts
 * are 1, which costs no byte). `rank` maps a term id to its place in the file's sorted term list.
 * The lists are laid out by counting first, in one array for all terms, so no list is grown.
 */
function packField(docs: DocTerms, rank: Uint32Array, termCount: number): FieldPostings {
  const starts = new Uint32Array(termCount + 1);
  for (let i = 0; i < docs.pairs; i++) starts[rank[docs.termIds[i]!]! + 1]!++;
  for (let t = 0; t < termCount; t++) starts[t + 1]! += starts[t]!;
  const fill = starts.slice(0, termCount);
  const listDocs = new Uint32Array(docs.pairs);
  const listTfs = new Uint32Array(docs.pairs);
  const lengths: number[] = [];
  let from = 0;
  docs.ends.forEach((end, d) => {
    let len = 0;
    for (let i = from; i < end; i++) {
      const n = docs.tfs[i]!;
      const at = fill[rank[docs.termIds[i]!]!]!++;
      listDocs[at] = d;
      listTfs[at] = n;
      len += n;
    }
    lengths.push(len);
    from = end;
  });
  const out = new VarintWriter();
  out.write(docs.pairs);
  for (let t = 0; t < termCount; t++) {
    out.write(starts[t + 1]! - starts[t]!);
    let last = 0;
    for (let i = starts[t]!; i < starts[t + 1]!; i++) {
      const d = listDocs[i]!;
      const tf = listTfs[i]!;
      out.write((d - last) * 2 + (tf > 1 ? 1 : 0));
      if (tf > 1) out.write(tf);
      last = d;
    }
  }
  return { postings: out.finish(), lengths: encodeVarints(lengths) };
}

/**
 * The KB teaches itself: the variants of one entry are paraphrases, so a word of one variant
 * that another variant lacks is related to the words that variant has instead (取消 ↔ 注销).
 * strength(a → b) = entries where a and b stand in different variants / (entries with a + 2).
 *
 * "a and b stand in different variants" = some variant has a and not b, and another has b and
 * not a: one test of two bit masks (the variants holding each word). Words are numbered and
 * counted word by word — for each a, over the entries that have it, into one array of counters
 * — so memory stays linear in the KB (string-keyed pair maps took 6 s of a 20 s build at 10k
 * entries and most of the 100k build's memory). `variantWords`: per entry, per variant, the ids
 * of its words (each once) in `words`; an entry whose variants kb generated has none.
 */
export function learnAssociations(variantWords: readonly (readonly (readonly number[])[])[], words: readonly string[], options: ModelOptions): [string, [string, number][]][] {
  const entriesWith = new Uint32Array(words.length);
  const all = new Set<number>();
  for (const variants of variantWords) {
    all.clear();
    for (const v of variants) for (const id of v) all.add(id);
    for (const id of all) entriesWith[id]!++;
  }
  // per entry of two variants or more: its words that other entries have too (a pair must recur
  // to count), each with a mask of the variants holding it (`blocks` 32-bit words per mask)
  const entryWords: number[][] = [];
  const entryMasks: Uint32Array[] = [];
  const blocksOf: number[] = [];
  const where: [number, number][][] = [];
  for (const variants of variantWords) {
    if (variants.length < 2) continue;
    const blocks = Math.ceil(variants.length / 32);
    const position = new Map<number, number>();
    const list: number[] = [];
    const masks: number[] = [];
    variants.forEach((v, i) => {
      for (const id of v) {
        if (entriesWith[id]! < 2) continue;
        let p = position.get(id);
        if (p === undefined) {
          p = list.length;
          position.set(id, p);
          list.push(id);
          for (let k = 0; k < blocks; k++) masks.push(0);
        }
        masks[p * blocks + (i >>> 5)] = masks[p * blocks + (i >>> 5)]! | (1 << (i & 31));
      }
    });
    const e = entryWords.length;
    entryWords.push(list);
    entryMasks.push(Uint32Array.from(masks));
    blocksOf.push(blocks);
    list.forEach((id, p) => (where[id] ??= []).push([e, p]));
  }
  const count = new Uint32Array(words.length);
  const touched: number[] = [];
  const out: [string, [string, number][]][] = [];
  where.forEach((occurrences, a) => {
    // (forEach skips the words no entry of two variants has)
    for (const [e, pa] of occurrences) {
      const list = entryWords[e]!;
      const masks = entryMasks[e]!;
      const blocks = blocksOf[e]!;
      for (let pb = 0; pb < list.length; pb++) {
        if (pb === pa) continue;
        let aNotB = false;
        let bNotA = false;
        for (let k = 0; k < blocks; k++) {
          const ma = masks[pa * blocks + k]!;
          const mb = masks[pb * blocks + k]!;
          if ((ma & ~mb) !== 0) aNotB = true;
          if ((mb & ~ma) !== 0) bNotA = true;
        }
        if (!aNotB || !bNotA) continue;
        const b = list[pb]!;
        const before = count[b]!;
        if (before === 0) touched.push(b);
        count[b] = before + 1;
      }
    }
    const n = entriesWith[a] ?? 1;
    const related: [string, number][] = [];
    for (const b of touched) {
      const c = count[b]!;
      count[b] = 0;
      if (c < 2) continue;
      const strength = Math.round((c / (n + 2)) * 1000) / 1000;
      if (strength >= options.minAssociation) related.push([words[b]!, strength]);
    }
    touched.length = 0;
    const list = related.sort((x, y) => y[1] - x[1] || compare(x[0], y[0])).slice(0, options.associationsPerTerm);
    if (list.length > 0) out.push([words[a]!, list]);
  });
  return out.sort((x, y) => compare(x[0], y[0]));
}

/**
 * Sections of one file under one parent heading (the articles of a chapter) form a context
 * group; its document is their texts together. A question about 快递 that names no article's
 * words still finds the chapter on 货运合同, and the group lifts its articles a little.
 */
function contextGroups(entries: readonly Entry[], answerDocs: DocTerms): { docs: DocTerms; ofEntry: number[] } {
  const groupOf = new Map<string, number>();
  const groups: Map<number, number>[] = [];
  const ofEntry: number[] = [];
  entries.forEach((entry, e) => {
    const path = entry.source?.headingPath;
    if (entry.origin === 'faq' || entry.source === undefined || path === undefined || path.length === 0) {
      ofEntry.push(0);
      return;
    }
    const key = `${entry.source.path}\u0000${path.slice(0, -1).join('\u0000')}`;
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groups.length;
      groupOf.set(key, g);
      groups.push(new Map());
    }
    answerDocs.addInto(e, groups[g]!);
    ofEntry.push(g + 1);
  });
  const docs = new DocTerms();
  for (const group of groups) docs.addCounts(group);
  return { docs, ofEntry };
}

const HAN = /\p{Script=Han}/u;
/** An English word's other Chinese translations, as a share of its main one's weight. */
const OTHER_TRANSLATION_SHARE = 0.75;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** A lexicon word's own term (快递公司, not its sub-words 快递 and 公司); none when the analyzer cuts it into several. */
function lexiconTerm(word: string, analyzer: Analyzer): string[] {
  const t = analyzer.analyze(word).filter(isWordTerm);
  const whole = t[0];
  return whole !== undefined && (HAN.test(word) ? whole === analyzer.normalize(word) : t.length === 1) ? [whole] : [];
}

/**
 * The lexicon's groups as expansions: each word of a group → the other words of the group that
 * the KB's written text uses (`kbTerms`: entry texts and people's questions, not the similar
 * questions kb generated — those took their words from this same lexicon, so a question word
 * already matches the variant they were made from), at `weight`. Words are mapped through the
 * analyzer (synonyms, stemming); a word that analyzes to more than one term is no expansion, and
 * an English one (send back) is a key, looked up as the question's runs of English words are. A
 * group headed by one character expands from that character only (`SHORT_FORMS`).
 */
type Associated = [string, [string, number][]][];

/** Expansions being collected: term → related term → weight, the stronger weight kept. */
class Relations {
  readonly byTerm = new Map<string, Map<string, number>>();

  relate(a: string, b: string, weight: number): void {
    let m = this.byTerm.get(a);
    if (m === undefined) this.byTerm.set(a, (m = new Map()));
    if (weight > (m.get(b) ?? 0)) m.set(b, weight);
  }

  /** Each term's related terms, sorted by term (a deterministic file). */
  list(): Associated {
    return [...this.byTerm].map(([a, m]): [string, [string, number][]] => [a, [...m].sort((x, y) => compare(x[0], y[0]))]);
  }
}

export function lexiconAssociations(lexicon: readonly (readonly string[])[], analyzer: Analyzer, kbTerms: ReadonlySet<string>, weight: number): Associated {
  const out = new Relations();
  for (const group of lexicon) {
    const terms = [...new Set(group.flatMap((w) => lexiconTerm(w, analyzer)))];
    // a one-character head (退 → 退货, 退款) expands one way only (see SHORT_FORMS)
    const oneWay = [...(group[0] ?? '')].length === 1;
    for (const a of oneWay ? terms.slice(0, 1) : terms) for (const b of terms) if (a !== b && kbTerms.has(b)) out.relate(a, b, weight);
    // an English phrase of the group (send back, money back: a verb and its particle) is a key as the
    // question's runs of words are keyed (Analyzer.phraseKey), one way: a phrase is never a scored term
    for (const w of group) {
      const phrase = HAN.test(w) ? undefined : analyzer.phraseKey(w);
      if (phrase !== undefined) for (const b of terms) if (kbTerms.has(b)) out.relate(phrase, b, weight);
    }
  }
  return out.list();
}

/**
 * The bilingual groups as expansions: an English word or phrase (keyed as `Analyzer.phraseKey`
 * keys a phrase: how long → `how long`) → its Chinese words that the KB's written text uses
 * (`kbTerms`). The first of them the KB uses, the group's main translation, at `weight`; the others
 * at three quarters of it, so one English word counts less than three times over in an entry that
 * writes 快递, 快递员 and 快递公司 (at half, the shop suite's cross-language questions lost hit@1
 * 0.692 → 0.615; docs/history/matching.md). The other way — a Chinese question to an English KB (退款 →
 * refund) — only for a one-word head the KB's text uses, where it writes none of the group's
 * Chinese words (a KB that writes 运费 answers 邮费 in Chinese, through the lexicon), and only from
 * the Chinese words it has no term for at all (`everyTerm`).
 */
export function translationAssociations(
  groups: readonly (readonly string[])[],
  analyzer: Analyzer,
  kbTerms: ReadonlySet<string>,
  everyTerm: ReadonlySet<string>,
  weight: number,
): Associated {
  const otherWeight = round3(weight * OTHER_TRANSLATION_SHARE);
  const out = new Relations();
  for (const [english = '', ...chinese] of groups) {
    const phrase = analyzer.phraseKey(english);
    const key = phrase ?? lexiconTerm(english, analyzer)[0];
    if (key === undefined) continue;
    const terms = [...new Set(chinese.flatMap((w) => lexiconTerm(w, analyzer)))];
    terms.filter((t) => kbTerms.has(t)).forEach((t, i) => out.relate(key, t, i === 0 ? weight : otherWeight));
    const writesChinese = terms.some((t) => kbTerms.has(t));
    if (phrase === undefined && kbTerms.has(key) && !writesChinese) terms.forEach((t, i) => everyTerm.has(t) || out.relate(t, key, i === 0 ? weight : otherWeight));
  }
  return out.list();
}

/** Union of expansion lists; the stronger weight wins; sorted for a deterministic file. */
export function mergeAssociations(...lists: Associated[]): Associated {
  const out = new Relations();
  for (const list of lists) for (const [a, related] of list) for (const [b, w] of related) out.relate(a, b, w);
  return [...out.byTerm]
    .map(([a, m]): [string, [string, number][]] => [a, [...m].sort((x, y) => y[1] - x[1] || compare(x[0], y[0]))])
    .sort((x, y) => compare(x[0], y[0]));
}

/** Logistic regression of "the top hit is right" on [coverage, margin (as leadByCoverage counts it)], by gradient descent. */
export function fitCalibration(samples: readonly { coverage: number; margin: number; correct: boolean }[]): Calibration {
  const positives = samples.filter((s) => s.correct).length;
  if (samples.length < 50 || positives < 10 || positives > samples.length - 10) return { ...DEFAULT_CALIBRATION, samples: samples.length, right: positives };
  // a fit in which coverage does not matter cannot tell a question the KB answers from one it
  // does not (a KB of near-twin entries whose paraphrases mostly find a twin): the defaults can.
  // Judged on the KB's samples alone (the defaults' pull would always give coverage some weight)
  if (logisticFit(samples, 0)[1] <= 0) return { ...DEFAULT_CALIBRATION, samples: samples.length, right: positives };
  return fitted(logisticFit(samples, CALIBRATION_PRIOR_SAMPLES), { fittedOn: 'self', samples: samples.length });
}

/** A fitted calibration: the weights rounded, how they were fitted, and the rules today's runtime applies (as DEFAULT_CALIBRATION). */
function fitted([w0, w1, w2]: [number, number, number], how: Pick<Calibration, 'fittedOn' | 'samples' | 'suites'>): Calibration {
  const r = (x: number): number => Math.round(x * 1e4) / 1e4;
  return { intercept: r(w0), coverageWeight: r(w1), marginWeight: r(w2), ...how, leadByCoverage: true, missingStrongest: MISSING_STRONGEST_SHARE };
}

/** How far a fit on a team's labelled questions is pulled toward the defaults: as if this many more were asked. */
export const SUITE_PRIOR_SAMPLES = 20;
/** At least this many labelled questions, and this many right and this many not right at 1, to fit on them. */
export const MIN_SUITE_SAMPLES = 30;
export const MIN_SUITE_CLASS = 5;

/**
 * Fit the confidence calibration on a team's own labelled questions (`kb build --calibrate-on`): each
 * asked of the index, right when its expected entry comes first (out-of-scope questions never are).
 * Real questions are what a bot is asked, so they calibrate better than the KB's paraphrases (a
 * shop's suite of 71, fitted on, took the other 37 of its questions from ECE 0.34 to 0.20); an
 * undefined result says why not (too few, or too few of one kind).
 */
export function fitOnQuestions(samples: readonly { coverage: number; margin: number; correct: boolean }[], suites: readonly string[]): Calibration | string {
  const right = samples.filter((s) => s.correct).length;
  if (samples.length < MIN_SUITE_SAMPLES) return `${samples.length} questions (fitting needs ${MIN_SUITE_SAMPLES} or more)`;
  if (right < MIN_SUITE_CLASS) return `${samples.length} questions of which ${right} ${right === 1 ? 'is' : 'are'} answered right at 1 (fitting needs ${MIN_SUITE_CLASS} or more)`;
  if (samples.length - right < MIN_SUITE_CLASS) return `${samples.length} questions of which ${samples.length - right} ${samples.length - right === 1 ? 'is' : 'are'} not answered right at 1 or out of scope (fitting needs ${MIN_SUITE_CLASS} or more)`;
  if (logisticFit(samples, 0)[1] <= 0) return `${samples.length} questions whose right answers cover them no better than the wrong ones`;
  return fitted(logisticFit(samples, SUITE_PRIOR_SAMPLES), { fittedOn: 'suites', samples: samples.length, suites: [...suites] });
}

/**
 * Logistic regression of correct on coverage and margin: [intercept, coverage weight, margin weight].
 * `priorSamples` > 0 pulls it toward the defaults' verdict on each sample, as if that many more had
 * been asked (CALIBRATION_PRIOR_SAMPLES).
 */
function logisticFit(samples: readonly { coverage: number; margin: number; correct: boolean }[], priorSamples: number): [number, number, number] {
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  const rate = 0.5;
  const l2 = 0.001;
  const d = DEFAULT_CALIBRATION;
  const prior = priorSamples / samples.length;
  const byDefault = samples.map((s) => 1 / (1 + Math.exp(-(d.intercept + d.coverageWeight * s.coverage + d.marginWeight * s.margin))));
  const n = samples.length + priorSamples;
  for (let iter = 0; iter < 600; iter++) {
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    samples.forEach((s, i) => {
      const p = 1 / (1 + Math.exp(-(w0 + w1 * s.coverage + w2 * s.margin)));
      const err = p - (s.correct ? 1 : 0) + prior * (p - byDefault[i]!);
      g0 += err;
      g1 += err * s.coverage;
      g2 += err * s.margin;
    });
    w0 -= (rate * g0) / n;
    // more coverage or margin never means less confidence: the weights stay ≥ 0 (projected
    // gradient). Without this, a KB whose paraphrases mostly find a near-twin entry fitted a
    // negative coverage weight, and a question asked word for word got 0.01
    w1 = Math.max(0, w1 - rate * (g1 / n + l2 * w1));
    w2 = Math.max(0, w2 - rate * (g2 / n + l2 * w2));
  }
  return [w0, w1, w2];
}

function toIndexEntry(e: Entry): IndexEntry {
  const out: IndexEntry = { id: e.id, question: e.question, similar: e.similar, answer: e.answer, origin: e.origin };
  if (e.source !== undefined) out.source = e.source;
  // questions kb wrote for a document section (its heading path, or generated from its text): the text
  // is what matches. An extracted pair's question is the page's or the table row's own: it leads, as a
  // FAQ row's does (weighted as a section, a manual's 洗衣机显示E2怎么办？ row lost 洗衣机报E2 to an FAQ
  // row about E4)
  if (e.origin === 'generated' && e.source !== undefined) out.questionFrom = e.rule === 'heading-path' ? 'heading' : 'generated';
  if (e.tags !== undefined && e.tags.length > 0) out.tags = e.tags;
  return out;
}

/** How many similar questions of a FAQ row or an editor's entry kb generated: the last ones, after `inIndexOrder`. */
function kbSimilarCount(e: Entry): number {
  return e.generatedSimilar === undefined ? 0 : e.similar.length - teamSimilar(e).length;
}

/**
 * The entry with the similar questions the team wrote first and those kb generated after them
 * (`generatedSimilar`), as the index holds them: the index marks kb's by their number (`kbSimilar`).
 */
function inIndexOrder(e: Entry): Entry {
  if (e.generatedSimilar === undefined || e.generatedSimilar.length === 0) return e;
  const team = teamSimilar(e);
  const own = new Set(team);
  return { ...e, similar: [...team, ...e.similar.filter((q) => !own.has(q))] };
}

export interface BuildIndexOptions {
  model?: Partial<ModelOptions>;
  generator?: string;
  /** Word groups for weighted query expansion (the built-in after-sales lexicon). */
  lexicon?: readonly (readonly string[])[];
  /** English words and phrases, each with the Chinese words it stands for (the built-in `BILINGUAL_LEXICON`). */
  translations?: readonly (readonly string[])[];
  /** Kinds of goods, each with its names (the built-in `PRODUCT_KINDS`): a question naming one is not about an entry naming another. */
  products?: readonly (readonly string[])[];
  /** Most paraphrase pseudo-questions used to fit the calibration. */
  calibrationSamples?: number;
}

/** The index each body built here was calibrated with, to ask more of it (its ranking; its calibration is the defaults'). */
const searchable = new WeakMap<IndexBody, KnowledgeBase>();

/**
 * A body's index to search in (`kb build --calibrate-on`, the twin check): the one `buildIndexBody`
 * calibrated with, not a second one decoded from the same body. Its confidence is the default
 * calibration's; its rankings, coverage and margins are the index's.
 */
export function knowledgeBaseOf(body: IndexBody): KnowledgeBase {
  let kb = searchable.get(body);
  if (kb === undefined) {
    kb = new KnowledgeBase(dataOfBody(body));
    searchable.set(body, kb);
  }
  return kb;
}

export function buildIndexBody(given: readonly Entry[], settings: AnalyzerSettings, options: BuildIndexOptions = {}): IndexBody {
  const entries = given.map(inIndexOrder);
  const model: ModelOptions = { ...DEFAULT_MODEL, ...options.model };
  const analyzer = new Analyzer(settings);
  const table = new TermTable();
  const variantDocs = new DocTerms();
  const answerDocs = new DocTerms();
  const perEntry: number[] = [];
  /** Per entry, per variant: the ids of its words (not bigrams, unigrams or #codes), for the associations. */
  const variantWords: number[][][] = [];
  /** Per term id: a word term (1), or not (0). */
  const isWord: number[] = [];
  /** Per term id: people wrote it (1): entry texts and the questions of FAQ rows and extracted Q&A (not kb's generated questions). */
  const written: number[] = [];
  const scratch = new Map<number, number>();
  const idsOf = (terms: readonly string[]): number[] =>
    terms.map((t) => {
      const id = table.id(t);
      if (id === isWord.length) {
        isWord.push(isWordTerm(t) && !t.startsWith('#') ? 1 : 0);
        written.push(0);
      }
      return id;
    });
  // a catalogue (many products asked the same questions): its paraphrases are learned from once a
  // template — X20手机换账号 written for 80 products is one piece of evidence that 换 is 解绑, not 80
  const catalogue = catalogueProducts(entries.filter((e) => e.origin === 'faq').map((e) => e.question));
  /** Each catalogue row's question (catalogueKey) → its template and its product (an index of `catalogue`). */
  const rowOf = new Map(catalogue.flatMap((questions, product) => questions.map(({ question, template }): [string, { template: string; product: number }] => [question, { template, product }])));
  const rows = entries.map((e) => (e.origin === 'faq' ? rowOf.get(catalogueKey(e.question)) : undefined));
  const learned = new Set<string>();
  /** Terms the questions of entries that are no product's row use (a name term among them keeps its weight). */
  const outsideCatalogue = new Set<number>();
  for (const [e, entry] of entries.entries()) {
    const variants = [entry.question, ...entry.similar];
    perEntry.push(variants.length);
    const template = rows[e]?.template;
    const learnFrom = entry.origin !== 'generated' && (template === undefined || !learned.has(template));
    if (template !== undefined) learned.add(template);
    const words: number[][] = [];
    // the similar questions kb generated for a FAQ row (the last ones) are no one's writing
    const byPeople = variants.length - kbSimilarCount(entry);
    for (const [n, v] of variants.entries()) {
      const ids = idsOf(analyzer.analyze(v));
      const people = entry.origin !== 'generated' && n < byPeople;
      if (people) for (const id of ids) written[id] = 1;
      if (catalogue.length > 0 && rows[e] === undefined) for (const id of ids) outsideCatalogue.add(id);
      variantDocs.add(ids, scratch);
      if (people) words.push([...new Set(ids.filter((id) => isWord[id] === 1))]);
    }
    // associations are learned from paraphrases people wrote, not from the ones kb generated
    variantWords.push(learnFrom ? words : []);
    // a FAQ row's heading path is its own question: only sections add their headings to the text
    const headings = entry.origin === 'faq' ? '' : (entry.source?.headingPath.join(' ') ?? '');
    // (an image's address is no word a customer asks with: its alt text stays)
    const answerIds = idsOf(analyzer.analyze(`${headings}\n${withoutImageAddresses(entry.answer)}`));
    for (const id of answerIds) written[id] = 1;
    answerDocs.add(answerIds, scratch);
  }
  const contexts = contextGroups(entries, answerDocs);
  const terms = [...table.words].sort(compare);
  const rank = new Uint32Array(terms.length);
  terms.forEach((t, i) => (rank[table.ids.get(t)!] = i));
  const writtenTerms = new Set(table.words.filter((_, id) => written[id] === 1));
  const translations = model.translationWeight > 0 ? translationAssociations(options.translations ?? [], analyzer, writtenTerms, new Set(table.words), model.translationWeight) : [];
  const indexModel: IndexModel = {
    k1: model.k1,
    b: model.b,
    variantCoverage: model.variantCoverage,
    contextWeight: model.contextWeight,
    answerWeight: model.answerWeight,
    sectionAnswerWeight: model.sectionAnswerWeight,
    answerB: model.answerB,
    bigramWeight: model.bigramWeight,
    unigramWeight: model.unigramWeight,
    associationWeight: model.associationWeight,
    associations: mergeAssociations(
      model.associationWeight > 0 ? learnAssociations(variantWords, table.words, model).map(([a, list]) => [a, list.map(([b, s]) => [b, round3(s * model.associationWeight)])]) : [],
      model.lexiconWeight > 0 ? lexiconAssociations(options.lexicon ?? [], analyzer, writtenTerms, model.lexiconWeight) : [],
      translations,
    ),
    calibration: DEFAULT_CALIBRATION,
  };
  // marked as such, so a learned association from an English word a Chinese KB uses (a product name) is no translation
  if (translations.length > 0) indexModel.translations = translations.map(([a, related]) => [a, related.map(([b]) => b)]);
  const kbSimilar = entries.flatMap((e, i) => {
    const n = kbSimilarCount(e);
    return n > 0 ? [i, n] : [];
  });
  if (kbSimilar.length > 0) {
    indexModel.kbSimilar = kbSimilar;
    if (model.kbSimilarWeight !== 1) indexModel.kbSimilarWeight = model.kbSimilarWeight;
  }
  const products = productTerms(options.products ?? [], analyzer);
  if (products.length > 0) indexModel.products = products;
  if (catalogue.length > 0) {
    // each product's terms, and per entry its product (-1: a row of no product, a document section)
    const names = catalogue.map((questions) => catalogueNameTerms(questions, analyzer));
    indexModel.names = names;
    indexModel.nameOf = rows.map((row) => row?.product ?? -1);
    // (a name term other questions use too keeps its weight)
    const onlyNames = (t: string): boolean => {
      const id = table.ids.get(t);
      return id !== undefined && !outsideCatalogue.has(id);
    };
    indexModel.nameTerms = [...new Set(names.flat())].filter(onlyNames).sort(compare);
  }
  const body: IndexBody = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    generator: options.generator ?? 'kb',
    analyzer: settings,
    model: indexModel,
    entries: entries.map(toIndexEntry),
    terms,
    variants: { ...packField(variantDocs, rank, terms.length), perEntry: encodeVarints(perEntry) },
    answers: packField(answerDocs, rank, terms.length),
    contexts: { ...packField(contexts.docs, rank, terms.length), ofEntry: encodeVarints(contexts.ofEntry) },
  };
  const kb = new KnowledgeBase(dataOfBody(body));
  searchable.set(body, kb);
  body.model.calibration = calibrate(kb, entries, options.calibrationSamples ?? 2000);
  // what a load would otherwise count from every variant posting, from the same code
  const stats = kb.variantStats();
  body.variants.entryDf = stats.entryDf;
  body.variants.invMass = stats.invMass;
  return body;
}

/**
 * The terms of a catalogue product's name (X20, lite, 键盘 …; `catalogueProducts`): the terms every
 * one of its FAQ questions has — what the questions share is the name, what they do not, the
 * after-sales question asked of it.
 */
function catalogueNameTerms(questions: readonly CatalogueQuestion[], analyzer: Analyzer): string[] {
  let shared: Set<string> | undefined;
  for (const { question } of questions) {
    const terms = new Set(analyzer.analyze(question));
    shared = shared === undefined ? terms : new Set([...shared].filter((t) => terms.has(t)));
  }
  return [...(shared ?? [])].sort(compare);
}

/**
 * Each kind of goods as the analyzer's terms: a name the analyzer keeps whole (洗衣机, not the 洗衣 inside
 * it; fridge as fridg); a name of several words or one it cuts up is left out. Every kind is written,
 * whether the KB names it or not: a question about a 电视 to a KB of fridges names a kind too.
 */
export function productTerms(kinds: readonly (readonly string[])[], analyzer: Analyzer): string[][] {
  const out: string[][] = [];
  for (const names of kinds) {
    const terms = new Set<string>();
    for (const name of names) {
      const analyzed = analyzer.analyze(name).filter((t) => isWordTerm(t));
      const whole = analyzer.normalize(name);
      if (analyzed.includes(whole)) terms.add(whole);
      else if (analyzed.length === 1 && /^[a-z]+$/.test(analyzed[0]!)) terms.add(analyzed[0]!);
    }
    if (terms.size > 0) out.push([...terms]);
  }
  return out;
}

/**
 * Fit the confidence calibration on the KB's own paraphrases: each similar question (a sample
 * spread evenly over the KB) is asked with itself left out of the index; was its entry on top?
 */
function calibrate(kb: KnowledgeBase, entries: readonly Entry[], maxSamples: number): Calibration {
  const candidates: { question: string; variant: number; entry: number }[] = [];
  let v = 0;
  entries.forEach((entry, e) => {
    v++; // the question itself
    // only paraphrases people wrote — a FAQ table's, an editor's entry's: kb generated those of
    // generated and extracted entries (无法开机如何处理？ for a manual's 无法开机), which reuse the
    // entry's own words and overstate confidence (a manual's KB fitted on them answered
    // 今天天气怎么样 at 0.92)
    const written = entry.origin === 'faq' || entry.origin === 'manual';
    const byPeople = entry.similar.length - kbSimilarCount(entry);
    entry.similar.forEach((q, n) => {
      if (written && n < byPeople) candidates.push({ question: q, variant: v, entry: e });
      v++;
    });
  });
  if (candidates.length === 0) return DEFAULT_CALIBRATION;
  const step = Math.max(1, candidates.length / maxSamples);
  const samples: { coverage: number; margin: number; correct: boolean }[] = [];
  for (let i = 0; i < candidates.length; i += step) {
    const c = candidates[Math.floor(i)];
    if (c === undefined) continue;
    const f = kb.calibrationFeatures(c.question, c.variant);
    if (f === undefined) continue;
    samples.push({ coverage: f.coverage, margin: leadByCoverage(f.margin, f.coverage), correct: f.entry === c.entry });
  }
  return fitCalibration(samples);
}
