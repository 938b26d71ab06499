/**
 * The passage a hit with a long answer carries (Hit.passage): which of the answer's sentences, list
 * items or table rows the question is about (passage.ts does the cutting and scoring), with the
 * question's terms weighed as the answer field weighs them. The cut answers of the last
 * PASSAGE_CACHE entries are kept: a bot asks about the same few often.
 */
import type { Analyzer } from '../analyze/analyzer.js';
import { choosePassage, needsOtherTerms, passageTerms, passageUnits, scoreUnits, type PassageTerm, type PassageUnit, type UnitText } from './passage.js';
import { ASK_WORDS, askMatch, clauseStates, questionAsks, unitStates, withAsks } from './passage-asks.js';
import type { Postings } from './postings.js';

/** How many entries' answers, cut into units and analyzed, are kept for passages (a bot asks about the same few often). */
const PASSAGE_CACHE = 256;

/** What of the index passages read. */
export interface HitPassagesSource {
  analyzer: Analyzer;
  termIds: ReadonlyMap<string, number>;
  /** Per term: its type weight (word 1, bigram, unigram). */
  termWeight: Float64Array;
  /** IDF of each term in the answer field. */
  idfAnswer: Float64Array;
  variants: Postings;
  /** Per entry, its first variant (its own question). */
  firstVariant: Uint32Array;
  /** BM25's k1 and the answer field's b. */
  model: { readonly k1: number; readonly answerB: number };
}

/** Passages of the hits of one index. */
export class HitPassages {
  private readonly index: HitPassagesSource;
  private readonly cache = new Map<string, { units: PassageUnit[]; texts: UnitText[]; states?: Uint16Array; sentenceStates?: Uint16Array }>();

  /** The analyzer's terms of ASK_WORDS (how, long, 多久, ~多久…), left out of a question that asks for something. */
  private askTerms: Set<string> | undefined;

  constructor(index: HitPassagesSource) {
    this.index = index;
  }

  /** The question's terms that entry e's own question lacks: what the question asks of the answer beyond what the entry is about. */
  beyondQuestion(terms: ReadonlyMap<string, number>, e: number): Map<string, number> {
    const out = new Map<string, number>();
    const v = this.index.firstVariant[e]!;
    for (const [term, qw] of terms) {
      const t = this.index.termIds.get(term);
      if (t === undefined || !this.index.variants.has(t, v)) out.set(term, qw);
    }
    return out;
  }

  /** What each unit states (passage-asks.ts), a clause also what its sentence does, as a weak statement; and per clause what its whole sentence states (0 for a unit that is no clause). */
  private states(answer: string, units: readonly PassageUnit[], texts: readonly UnitText[]): { states: Uint16Array; sentenceStates: Uint16Array } {
    const sentences = new Map<number, number>();
    const sentenceStates = new Uint16Array(units.length);
    const states = Uint16Array.from(units, (u, i) => {
      const own = unitStates(texts[i]!.normalized);
      if (u.sentence === undefined) return own;
      let sentence = sentences.get(u.sentence[0]);
      if (sentence === undefined) sentences.set(u.sentence[0], (sentence = unitStates(this.index.analyzer.normalize(answer.slice(u.sentence[0], u.sentence[1])))));
      sentenceStates[i] = sentence;
      return clauseStates(own, sentence);
    });
    return { states, sentenceStates };
  }

  /** What a question asks for (passage-asks.ts: a duration, an amount, who, the steps, whether it can): ASKS_* bits. */
  asks(question: string): number {
    return questionAsks(this.index.analyzer.normalize(question));
  }

  /** The question's terms for passages: each worth the answer field's IDF × its query weight × its type weight. */
  terms(terms: ReadonlyMap<string, number>): PassageTerm[] {
    const worth = new Map<string, number>();
    for (const [term, qw] of terms) {
      const t = this.index.termIds.get(term);
      if (t !== undefined) worth.set(term, qw * this.index.termWeight[t]! * this.index.idfAnswer[t]!);
    }
    return passageTerms(worth, (w) => this.index.analyzer.writtenForms(w));
  }

  /**
   * The passage of entry e's answer for the question's terms (see passage.ts), scored with BM25's
   * k1 and the answer field's b, with what the question asks (`asks`; `ownAsks`: what the entry's
   * own question asks) added (passage-asks.ts). The cut answer is cached for the last PASSAGE_CACHE entries.
   */
  passage(e: number, answer: string, terms: readonly PassageTerm[], beyond: readonly PassageTerm[], maxChars: number, asks = 0, ownAsks = 0): string | undefined {
    const { analyzer, model } = this.index;
    const { k1, answerB } = model;
    const key = `${e}:${maxChars}`;
    let cut = this.cache.get(key);
    if (cut === undefined) {
      const units = passageUnits(answer, maxChars);
      // normalized once when that keeps every character in place (it nearly always does), else unit by unit
      const whole = analyzer.normalize(answer);
      const inPlace = whole.length === answer.length;
      const texts = units.map((u): UnitText => {
        const normalized = inPlace ? whole.slice(u.start, u.end) : analyzer.normalize(answer.slice(u.start, u.end));
        return u.kind === 'row' ? { normalized, row: true } : { normalized };
      });
      cut = { units, texts };
      if (this.cache.size >= PASSAGE_CACHE) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, cut);
    }
    if (asks !== 0) {
      // how LONG, 多长时间: the words of what it asks are no terms of what it is about
      const ask = (this.askTerms ??= new Set(this.index.analyzer.analyze(ASK_WORDS)));
      terms = terms.filter((t) => !ask.has(t.key));
      beyond = beyond.filter((t) => !ask.has(t.key));
    }
    // (`beyond` is a part of `terms`: what one needs, the other does)
    if (needsOtherTerms(terms) && cut.texts[0]?.otherTerms === undefined) {
      // the analyzer's terms of what is not Chinese (English words, numbers), once per cached answer
      for (const [i, u] of cut.units.entries()) {
        const other = new Map<string, number>();
        const written = answer.slice(u.start, u.end).replace(/\p{Script=Han}+/gu, ' ');
        if (/[\p{L}\d]/u.test(written)) for (const t of analyzer.analyze(written)) other.set(t, (other.get(t) ?? 0) + 1);
        cut.texts[i]!.otherTerms = other;
      }
    }
    // a question that asks nothing of the answer beyond the entry's own question (refund??? of How do
    // refunds work?, how do I return something of How do I return an item?) gets its opening, not
    // whichever sentence says refund once more (Original shipping costs are refunded only if…)
    // — unless it asks what its own question does not (how long of How do refunds work?) and a unit states it
    const asksBeyond = asks & ~ownAsks;
    if (asks !== 0 && cut.states === undefined) Object.assign(cut, this.states(answer, cut.units, cut.texts));
    const states = cut.states;
    const asksMore = scoreUnits(cut.texts, beyond, k1, answerB).some((s) => s > 0) || (asksBeyond !== 0 && states!.some((s) => askMatch(asksBeyond, s) > 0));
    if (!asksMore) return choosePassage(answer, cut.units, new Float64Array(cut.units.length), maxChars);
    // what sets the passage apart is what the question asks beyond the entry's own question, when it does
    const scores = scoreUnits(cut.texts, terms, k1, answerB);
    return choosePassage(answer, cut.units, asks === 0 ? scores : withAsks(scores, cut.units, states!, asksBeyond || asks, cut.sentenceStates), maxChars, scores);
  }
}
