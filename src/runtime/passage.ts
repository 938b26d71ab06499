/**
 * Passages: the part of a long answer that a question is about, short enough for a chat reply.
 *
 * An answer is cut into units: its lines (paragraphs, list items, table rows), each line into
 * sentences (。！？ and . ! ? before a space), and a sentence longer than the budget into clauses
 * (；, then ，). Each unit is scored with BM25 over the question's terms, weighted as the search
 * weighs them (IDF of the answer field × the term's query weight × its type weight), the unit's
 * length against the mean unit of that answer. The passage is the best unit, grown one neighbour
 * at a time (the better-scoring side first) while a neighbour scores at least GROW_SHARE of the
 * best and the budget holds; a list item or table row comes under its lead-in (the line before
 * the list that ends with ： or :, or the table's header row), and a passage that ends on a
 * lead-in goes on with its items; a passage shorter than MIN_CHARS takes the next sentence of its
 * line as context. When no unit holds a question term (the question matched the entry's heading
 * or a similar question), the passage is the answer's opening sentences. A passage whose list
 * goes on past it ends with a line …… (… in an answer without Chinese).
 * Pure and deterministic: the same answer, terms and budget give the same passage.
 */

import { BIGRAM_PREFIX, UNIGRAM_PREFIX } from '../analyze/analyzer.js';

/** Passages are at most this many characters by default; an answer this long or shorter has none. */
export const DEFAULT_PASSAGE_CHARS = 200;
/** The smallest budget kb query and kb serve take (besides 0): below it a passage is a few characters and its … marks. */
export const MIN_PASSAGE_CHARS = 20;
/** A passage shorter than this takes the next sentence of its line as context (the one before, at a line's end). */
const MIN_CHARS = 50;
/** A neighbour joins the passage when it scores at least this share of the best unit (shorter passages, same hits on the pairs). */
const GROW_SHARE = 0.5;
/** A line after a lead-in without a list marker counts as an item when it is at most this long. */
const MAX_UNMARKED_ITEM = 80;
/** A list marker: （一） (1) 1. 1、 一、 ① - • 第一步 Step 1. */
const ITEM_MARKER = /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+(?:\.\d+)*[.、)）](?!\d)|[一二三四五六七八九十]+、|[①-⑳]|[-*•·●▪]\s|第[一二三四五六七八九十\d]+[步项点]|step\s*\d+)/iu;
const LEAD_IN_END = /[：:]\s*$/u;
const TABLE_ROW = /\S\s*\|\s*\S/u;
/** Sentence ends: Chinese marks with closing quotes, or . ! ? (and closing quotes) before a space. */
const SENTENCE_END = /[。！？!?…]+[”’"」』）)]*|[.!?]+[”’"')]*(?=\s)/gu;
const CLAUSE_ENDS = [/[；;]/gu, /[，,、]/gu];
/** A clause's ending mark, which gives way to … where the passage cuts its sentence. */
const CLAUSE_MARK = /[，,、；;]/u;
const HAN = /\p{Script=Han}/u;
/** What String.prototype.trim takes off (WhiteSpace and LineTerminator), one character. */
const SPACE = /\s/u;

/** Whether text[i] is white space as trim() sees it (printable ASCII never is). */
const isSpace = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return (c <= 32 || c >= 160) && SPACE.test(text[i]!);
};

/** [start, end) of `text` without the white space at either end, as trim() cuts it: offsets, no new string. */
function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && isSpace(text, start)) start++;
  while (end > start && isSpace(text, end - 1)) end--;
  return [start, end];
}

/** How one unit of an answer relates to its neighbours. */
type UnitKind = 'text' | 'item' | 'row';

/** A piece of an answer: [start, end) offsets into it, the line it is on, and what it is. */
export interface PassageUnit {
  start: number;
  end: number;
  line: number;
  kind: UnitKind;
  /** The sentence this clause is part of, as [start, end); absent for a whole sentence or line. */
  sentence?: [number, number];
  /** For an item or table row: the unit that introduces it (the lead-in sentence or header row). */
  leadIn?: number;
}

/** The units of an answer in order: sentences of paragraphs, list items, table rows, clauses of overlong sentences. */
export function passageUnits(answer: string, maxChars: number): PassageUnit[] {
  const units: PassageUnit[] = [];
  let line = 0;
  /** The unit introducing the list under way (a lead-in sentence or a header row), or -1. */
  let leadIn = -1;
  let listMarked = false;
  let inTable = false;
  for (let at = 0; at <= answer.length; line++) {
    const nl = answer.indexOf('\n', at);
    const lineEnd = nl === -1 ? answer.length : nl;
    const [start, end] = trimmed(answer, at, lineEnd);
    at = lineEnd + 1;
    if (end <= start) continue;
    const text = answer.slice(start, end);
    if (TABLE_ROW.test(text)) {
      if (!inTable) {
        units.push({ start, end, line, kind: 'text' });
        leadIn = units.length - 1;
        inTable = true;
      } else if (!/^[\s|:-]+$/u.test(text)) units.push({ start, end, line, kind: 'row', leadIn });
      continue;
    }
    if (inTable) {
      inTable = false;
      leadIn = -1;
    }
    const marked = ITEM_MARKER.test(text);
    if (leadIn >= 0 && (marked || (!listMarked && text.length <= MAX_UNMARKED_ITEM))) {
      if (marked) listMarked = true;
      units.push(...split(answer, start, end, line, 'item', maxChars).map((u) => ({ ...u, leadIn })));
      continue;
    }
    leadIn = -1;
    listMarked = false;
    const pieces = split(answer, start, end, line, marked ? 'item' : 'text', maxChars);
    units.push(...pieces);
    if (LEAD_IN_END.test(text)) {
      // the last sentence of the line introduces the lines that follow (its clauses: the first of them)
      const last = pieces.at(-1)!;
      const first = last.sentence === undefined ? units.length - 1 : units.findIndex((u) => u.start === last.sentence![0]);
      leadIn = first;
    }
  }
  return units;
}

/** A line's sentences, each cut into clauses when longer than the budget. */
function split(answer: string, start: number, end: number, line: number, kind: UnitKind, maxChars: number): PassageUnit[] {
  const text = answer.slice(start, end);
  const out: PassageUnit[] = [];
  let from = 0;
  const sentences: [number, number][] = [];
  // the period of a list marker (3. 等待审核) ends no sentence
  const marker = ITEM_MARKER.exec(text)?.[0].length ?? 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const to = m.index + m[0].length;
    if (to <= marker) continue;
    if (to > from) sentences.push([from, to]);
    from = to;
  }
  if (from < text.length) sentences.push([from, text.length]);
  for (const [s, e] of sentences) {
    const [a, b] = trimmed(answer, start + s, start + e);
    if (b <= a) continue;
    if (b - a <= maxChars) out.push({ start: a, end: b, line, kind });
    // (room for the … on either side of a clause cut out of its sentence)
    else for (const [cs, ce] of clauses(answer, a, b, Math.max(1, maxChars - 2), 0)) out.push({ start: cs, end: ce, line, kind, sentence: [a, b] });
  }
  return out;
}

/** Cut [start, end) at ；/; (then ，/,/、, then every maxChars characters) into pieces of at most maxChars. */
function clauses(answer: string, start: number, end: number, maxChars: number, level: number): [number, number][] {
  if (end - start <= maxChars) return [[start, end]];
  const marks = CLAUSE_ENDS[level];
  if (marks === undefined) {
    // every maxChars characters: at a space past the middle when there is one (English words stay
    // whole), and never inside a surrogate pair (an emoji)
    const out: [number, number][] = [];
    for (let a = start; a < end; ) {
      let b = Math.min(end, a + maxChars);
      if (b < end) {
        const space = answer.lastIndexOf(' ', b - 1);
        if (space > a + maxChars / 2) b = space + 1;
        else if (b - 1 > a && isLowSurrogate(answer.charCodeAt(b))) b--;
      }
      out.push([a, b]);
      a = b;
    }
    return out;
  }
  const pieces: [number, number][] = [];
  let from = start;
  for (const m of answer.slice(start, end).matchAll(marks)) {
    const to = start + m.index + m[0].length;
    pieces.push([from, to]);
    from = to;
  }
  if (from < end) pieces.push([from, end]);
  return pieces.flatMap(([a, b]) => clauses(answer, a, b, maxChars, level + 1));
}

/**
 * Choose the passage of `answer` for a question: `unitScores[i]` is how much unit i is about the
 * question (passageUnits order; 0: none of its terms). Undefined when the answer fits the budget
 * or the passage would be the whole answer. `termScores` (default: unitScores) are what the
 * passage grows by: the units' term scores alone, when unitScores add what the question asks
 * (passage-asks.ts) — that picks the unit, and does not stretch the passage to every neighbour
 * that also states a duration.
 */
export function choosePassage(answer: string, units: readonly PassageUnit[], unitScores: ArrayLike<number>, maxChars: number, termScores: ArrayLike<number> = unitScores): string | undefined {
  const [answerStart, answerEnd] = trimmed(answer, 0, answer.length);
  if (answerEnd - answerStart <= maxChars || units.length === 0) return undefined;
  let best = -1;
  for (let i = 0; i < units.length; i++) if (unitScores[i]! > 0 && (best === -1 || unitScores[i]! > unitScores[best]!)) best = i;
  // a lead-in comes with any of its items: the best item that holds a question term is the core
  // (消费者协会能否提起诉讼: the item on 诉讼, under 消费者协会履行下列公益性职责：)
  let bestItem = -1;
  for (let i = 0; i < units.length; i++) if (units[i]!.leadIn === best && best >= 0 && unitScores[i]! > 0 && (bestItem === -1 || unitScores[i]! > unitScores[bestItem]!)) bestItem = i;
  if (bestItem >= 0) best = bestItem;
  // a list whose lead-in is about the question (哪些情况不保修 → 以下情形不在保修范围内：) is taken
  // item by item as far as the budget goes, after the items that hold the question's terms
  const score = (i: number): number => {
    const own = termScores[i]!;
    if (own > 0 && own >= GROW_SHARE * termScores[best]!) return own;
    const lead = units[i]!.leadIn;
    // (table rows are data: only those that hold a question term)
    return lead !== undefined && units[i]!.kind === 'item' && termScores[lead]! > 0 ? Number.MIN_VALUE * (1 + own) : 0;
  };
  const length = (first: number, last: number): number => {
    const cut = span(answer, units, first, last);
    return cut.end - cut.start + (cut.cutBefore ? 1 : 0) + (cut.cutAfter ? 1 : 0);
  };
  /** Whether a passage is the whole answer (and so no passage). */
  const whole = (passage: string): boolean => passage.length === answerEnd - answerStart && passage === answer.slice(answerStart, answerEnd);
  /**
   * The last unit of a passage first..last, and the line that closes it: …… (… in an answer
   * without Chinese) when the list it ends in goes on, else ''. The line counts against the
   * budget: the last item gives way to it while another item of its list stays and `keep` is not
   * left out; when that is not enough, there is no line.
   */
  const ending = (first: number, last: number, keep: number, budget: number): [number, string] => {
    if (!listGoesOn(units, last)) return [last, ''];
    const more = HAN.test(answer) ? '……' : '…';
    while (length(first, last) + 1 + more.length > budget) {
      if (last <= keep || last <= first || units[last - 1]!.leadIn !== units[last]!.leadIn || !listGoesOn(units, last - 1)) return [last, ''];
      last--;
    }
    return [last, more];
  };
  /** The passage with its closing line; undefined when it is the whole answer. */
  const finish = (passage: string, more: string): string | undefined => {
    const out = more === '' ? passage : `${passage}\n${more}`;
    return whole(out) ? undefined : atMost(out, maxChars);
  };
  if (best === -1) {
    // no unit holds a question term: the answer's opening, as much as fits
    let last = 0;
    while (last + 1 < units.length && length(0, last + 1) <= maxChars) last++;
    const [end, more] = ending(0, last, 0, maxChars);
    return finish(text(answer, units, 0, end), more);
  }
  let first = best;
  let last = best;
  const lead = units[best]!.leadIn;
  // the lead-in goes above the item only when both fit the budget
  const leadAbove = lead === undefined ? '' : leadInText(answer, units, lead, maxChars);
  const leadText = leadAbove !== '' && length(best, best) + leadAbove.length + 1 <= maxChars ? leadAbove : '';
  const budget = maxChars - (leadText === '' ? 0 : leadText.length + 1);
  const fits = (f: number, l: number): boolean => length(f, l) <= budget;
  // grow towards the better-scoring neighbour (after on a tie) while one shares a question term
  for (;;) {
    // an item or row joins only under its lead-in: in the passage, or the one put above it
    const joins = (i: number): boolean => {
      const l = units[i]!.leadIn;
      return l === undefined || l === lead || (l >= first && l <= last);
    };
    const before = first > 0 && first - 1 !== lead && joins(first - 1) && fits(first - 1, last) ? score(first - 1) : 0;
    const after = last + 1 < units.length && joins(last + 1) && fits(first, last + 1) ? score(last + 1) : 0;
    if (before <= 0 && after <= 0) break;
    if (after >= before) last++;
    else first--;
  }
  // a short passage takes the rest of its sentence or the next sentence of its line as context
  while (length(first, last) < MIN_CHARS && last + 1 < units.length && units[last + 1]!.line === units[last]!.line && fits(first, last + 1)) last++;
  while (length(first, last) < MIN_CHARS && first > 0 && first - 1 !== lead && units[first - 1]!.line === units[first]!.line && fits(first - 1, last)) first--;
  // a passage that ends on a lead-in (退货按以下步骤办理：) goes on with the items it announces
  // (a lead-in cut into clauses is known by its first clause: the passage must end on its last)
  const ends = units[last]!.sentence;
  const announced = ends === undefined ? last : ends[1] === units[last]!.end ? units.findIndex((u) => u.start === ends[0]) : -1;
  while (announced >= 0 && last + 1 < units.length && units[last + 1]!.leadIn === announced && fits(first, last + 1)) last++;
  const [end, more] = ending(first, last, best, budget);
  const body = text(answer, units, first, end);
  // the lead-in goes above unless the passage already starts in it (one of its clauses)
  const leadEnd = lead === undefined ? 0 : (units[lead]!.sentence?.[1] ?? units[lead]!.end);
  return finish(leadText !== '' && lead !== undefined && units[first]!.start >= leadEnd ? `${leadText}\n${body}` : body, more);
}

/**
 * The passage within the budget whatever its units: a unit the cutting cannot shorten (a table
 * row longer than the budget) is cut, with … where it is (never inside a surrogate pair).
 */
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

function atMost(passage: string, maxChars: number): string {
  if (passage.length <= maxChars) return passage;
  let end = Math.max(0, maxChars - 1);
  if (end > 0 && isLowSurrogate(passage.charCodeAt(end))) end--;
  return `${passage.slice(0, end)}…`;
}

/**
 * Whether the items of a list go on, on the lines after unit i, where a passage ends at i: i is an
 * item of that list, or its lead-in (or a clause of it).
 */
function listGoesOn(units: readonly PassageUnit[], i: number): boolean {
  const unit = units[i]!;
  // (the rest of i's line, the sentences after it in the same item, is left out with it)
  let n = i + 1;
  while (units[n] !== undefined && units[n]!.line === unit.line) n++;
  const next = units[n];
  if (next === undefined || next.kind !== 'item') return false;
  // a numbered list with no lead-in (the answer opens with its steps) goes on from item to item
  if (next.leadIn === undefined) return unit.kind === 'item' && unit.leadIn === undefined;
  return next.leadIn === unit.leadIn || units[next.leadIn]!.line === unit.line;
}

/**
 * Units first..last as offsets into the answer, trimmed, and whether … goes before them (the first
 * is a clause after the start of its sentence) and after them (the last ends before its sentence
 * does; its ending comma or semicolon gives way to the …).
 */
function span(answer: string, units: readonly PassageUnit[], first: number, last: number): { start: number; end: number; cutBefore: boolean; cutAfter: boolean } {
  const a = units[first]!;
  const b = units[last]!;
  const [start, end] = trimmed(answer, a.start, b.end);
  const cutBefore = a.sentence !== undefined && a.start > a.sentence[0];
  const cutAfter = b.sentence !== undefined && b.end < b.sentence[1];
  const dropMark = cutAfter && end > start && CLAUSE_MARK.test(answer[end - 1]!);
  return { start, end: dropMark ? end - 1 : end, cutBefore, cutAfter };
}

/** Units first..last as they are written in the answer, with … where a sentence is cut. */
function text(answer: string, units: readonly PassageUnit[], first: number, last: number): string {
  const cut = span(answer, units, first, last);
  return `${cut.cutBefore ? '…' : ''}${answer.slice(cut.start, cut.end)}${cut.cutAfter ? '…' : ''}`;
}

/** A lead-in as it goes above its item: whole when it fits a third of the budget, else its first clause … its ending colon. */
function leadInText(answer: string, units: readonly PassageUnit[], lead: number, maxChars: number): string {
  const unit = units[lead]!;
  const [start, end] = unit.sentence ?? [unit.start, unit.end];
  const whole = answer.slice(start, end).trim();
  if (whole.length <= maxChars / 3) return whole;
  const comma = whole.search(/[，,；;]/u);
  const colon = whole.match(/[：:]\s*$/u)?.[0].trim() ?? '';
  if (comma > 0 && comma + 2 <= maxChars / 3) return `${whole.slice(0, comma)}…${colon}`;
  return '';
}

/** A unit as the scorer reads it: its text in the analyzer's normal form; the analyzer's terms of its words that are not Chinese, when the question has such terms. */
export interface UnitText {
  normalized: string;
  otherTerms?: ReadonlyMap<string, number>;
  /** A table row: a record, whose length says nothing of how much it is about a term (scored without BM25's length part). */
  row?: boolean;
}

/**
 * A question term as the passage scorer looks for it, and what one occurrence is worth (IDF ×
 * query weight × type weight): a Chinese word or character bigram by its written forms in a
 * unit's normalized text (the word and the synonyms the analyzer reads as it), where the
 * analyzer's search mode would find it too (退货 inside 退货运费); any other term (English stems,
 * numbers, class tokens) as the analyzer counts it. Segmenting every unit instead costs about
 * 1 ms per 500-character answer; this, a few microseconds.
 */
export interface PassageTerm {
  /** The query term it is (an analyzer term: 退货, ~退货, refund). */
  key: string;
  weight: number;
  written?: readonly string[];
  term?: string;
}

const HAN_TERM = /^\p{Script=Han}+$/u;

/** The question's terms for scoring units, once per search: `query` maps a term to what one occurrence is worth. */
export function passageTerms(query: ReadonlyMap<string, number>, forms: (word: string) => readonly string[]): PassageTerm[] {
  const out: PassageTerm[] = [];
  for (const [term, weight] of query) {
    if (!(weight > 0)) continue;
    if (term.startsWith(BIGRAM_PREFIX) || term.startsWith(UNIGRAM_PREFIX)) out.push({ key: term, weight, written: [term.slice(1)] });
    else if (HAN_TERM.test(term)) out.push({ key: term, weight, written: forms(term) });
    else out.push({ key: term, weight, term });
  }
  return out;
}

/** Whether scoring needs the units' analyzer terms (the question has words that are not Chinese). */
export function needsOtherTerms(terms: readonly PassageTerm[]): boolean {
  return terms.some((t) => t.term !== undefined);
}

/** Occurrences of `needle` in `text`, not overlapping. */
function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/**
 * BM25 of each unit for the question's terms; a unit's length is its characters against the
 * answer's mean unit; k1 and b are the search's answer-field parameters. A term that every unit
 * holds tells none of them apart: it scores without the length part, so the shortest unit does not
 * win on it (how much is delivery of a delivery table: every row says delivery and a price, and
 * the Sunday row, the shortest, came before the standard delivery row above it).
 */
export function scoreUnits(units: readonly UnitText[], terms: readonly PassageTerm[], k1: number, b: number): Float64Array {
  const scores = new Float64Array(units.length);
  let total = 0;
  for (const u of units) total += u.normalized.length;
  const avg = total / Math.max(units.length, 1) || 1;
  const n = terms.length;
  const freq = new Float64Array(units.length * n);
  const holders = new Uint32Array(n);
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    for (let j = 0; j < n; j++) {
      const t = terms[j]!;
      let f = 0;
      if (t.written !== undefined) for (const form of t.written) f += occurrences(unit.normalized, form);
      else f = unit.otherTerms?.get(t.term!) ?? 0;
      freq[i * n + j] = f;
      if (f > 0) holders[j]!++;
    }
  }
  for (let i = 0; i < units.length; i++) {
    const norm = units[i]!.row === true ? k1 : k1 * (1 - b + (b * units[i]!.normalized.length) / avg);
    let s = 0;
    for (let j = 0; j < n; j++) {
      const f = freq[i * n + j]!;
      const everywhere = units.length > 1 && holders[j] === units.length;
      if (f > 0) s += (terms[j]!.weight * f * (k1 + 1)) / (f + (everywhere ? k1 : norm));
    }
    scores[i] = s;
  }
  return scores;
}
