/**
 * The question rules, the Q&A markers and the lexicon are written in simplified Chinese. A
 * traditional document (Taiwan, Hong Kong) is read through a simplified view of it, and what the
 * rules write is put back into the document's own script: the runs of a question that the
 * section contains take the section's own characters (台灣 stays 台灣), the rest (the rules'
 * words: 需要多长时间 → 需要多長時間) is converted to the document's standard (`traditionalVariantOf`).
 */
import type { Block, Document, Section } from '../ingest/document.js';
import { detectScript, simplifiedToTraditional, traditionalToSimplified, traditionalVariantOf, type TraditionalVariant } from '../text/normalize.js';
import { questionKey } from '../text/question-key.js';
import { similarCandidates, similarQuestions, type SimilarOptions } from './similar.js';

/**
 * Mainland words no similar question of a traditional document gets: the colloquial question
 * words 咋 and 啥 (a Taiwan or Hong Kong editor reads 商品有瑕疵咋辦？ as mainland Chinese, and their
 * customers write 怎麼辦 / 什麼) and the mainland shop word 包邮 (Taiwan says 免運, Hong Kong 免運費:
 * 滿多少錢包郵？ was written for a Taiwan shipping page). Tested on the simplified candidates.
 */
export const MAINLAND_ONLY = /[咋啥]|包邮/u;

/** A document as the rules read it, and the way back for what they write about each of its sections. */
export interface RulesView {
  /** The document with its title, headings and text in simplified Chinese (ids, locations and FAQ rows as they were). */
  doc: Document;
  /** Puts a text written from the view of `section` (one of `doc.sections`) back into the document's script; undefined for a simplified or English document. */
  back?: (text: string, section: Section) => string;
}

/**
 * Cantonese words of a Hong Kong page (點樣申請退貨, 幾時退款, 有冇得換貨, 退貨運費幾多錢) as the Mandarin words
 * the rules know, in the simplified view only and each of the same length, so that offsets in the
 * view stay offsets in the page: what the rules copy from a heading comes back as the page wrote
 * it (點樣申請退貨？), the rules' own words in written Chinese. 幾時 (when) reads as 多久, how long —
 * what a shop's "when" asks about (幾時到, 幾時退款) — there being no two-character 什么时候. Before
 * (2026-11-27), such a heading was read as a topic: 點樣申請退貨是什麼？, 有冇得換貨是什麼？, 維修要幾耐是什麼？.
 */
const CANTONESE: readonly (readonly [string, string])[] = [
  ['有冇得', '能不能'],
  ['系唔系', '是不是'],
  ['可唔可以', '可不可以'],
  ['点样', '怎样'],
  ['点解', '为何'],
  ['几时', '多久'],
  ['几耐', '多久'],
  ['几多', '多少'],
  ['边个', '哪个'],
  ['边度', '哪里'],
  ['边间', '哪间'],
  ['系咪', '是否'],
  ['有冇', '是否'],
  ['乜嘢', '什么'],
  ['唔', '不'],
  ['冇', '没'],
  ['咗', '了'],
  ['嘅', '的'],
  ['喺', '在'],
  ['啲', '些'],
];
const CANTONESE_RE = new RegExp(CANTONESE.map(([c]) => c).join('|'), 'gu');
const MANDARIN = new Map(CANTONESE);

/** `text` (simplified) with the Cantonese words of CANTONESE as their Mandarin words of the same length. */
function cantoneseAsMandarin(text: string): string {
  return text.replace(CANTONESE_RE, (word) => MANDARIN.get(word) ?? word);
}

/** Traditional text as the rules read it: simplified, its Cantonese words Mandarin (same length). */
export function rulesText(text: string): string {
  return cantoneseAsMandarin(traditionalToSimplified(text));
}

/** The longest run of a question looked up in its section's text, in characters. */
const MAX_RUN = 24;

/** The view the rules read a document through: itself, unless it is traditional Chinese. */
export function rulesView(doc: Document): RulesView {
  if (doc.language !== 'zh-Hant') return { doc };
  const variant = traditionalVariantOf(doc.sections.map((s) => `${s.headingPath.join('\n')}\n${s.text}`).join('\n'));
  const s = rulesText;
  /** view section → its text as the rules read it and as written (the parts whose conversion kept their length, so offsets agree) */
  const contexts = new Map<Section, ScriptContext>();
  const sections = doc.sections.map((section) => {
    if (section.faq !== undefined) return section;
    const view: Section = { ...section, headingPath: section.headingPath.map(s), text: s(section.text) };
    if (section.blocks !== undefined) view.blocks = section.blocks.map(simplifiedBlock);
    contexts.set(view, scriptContext([...section.headingPath, section.text]));
    return view;
  });
  return {
    doc: { ...doc, title: s(doc.title), sections },
    back: (written, section) => {
      // the rules' mainland 包邮 (满多少钱包邮？) is 免運費 in Taiwan and Hong Kong
      const text = written.replace(/包邮/gu, '免运费');
      const context = contexts.get(section);
      return context === undefined ? simplifiedToTraditional(text, variant) : inScriptOf(text, context, variant);
    },
  };
}

function simplifiedBlock(block: Block): Block {
  const s = rulesText;
  switch (block.kind) {
    case 'list':
      return { ...block, items: block.items.map(s) };
    case 'table':
      return { ...block, rows: block.rows.map((row) => row.map(s)) };
    default:
      return { ...block, text: s(block.text) };
  }
}

/**
 * Texts as the rules read them (`view`, rulesText) and as written (`original`), of the same length,
 * and where the view has a Cantonese word's Mandarin stand-in: `word[k]` is the offset its word
 * starts at (-1 outside one), `end[k]` where it ends.
 */
interface ScriptContext {
  view: string;
  original: string;
  word: Int32Array;
  end: Int32Array;
}

/** The context of `parts` (a section's headings and text, or a question and its entry's): those whose conversion kept their length. */
function scriptContext(parts: readonly string[]): ScriptContext {
  const simplified = parts.map(traditionalToSimplified);
  const kept = parts.flatMap((p, i) => (simplified[i]?.length === p.length ? [i] : []));
  const plain = kept.map((i) => simplified[i]).join('\n');
  const word = new Int32Array(plain.length).fill(-1);
  const end = new Int32Array(plain.length).fill(-1);
  for (const m of plain.matchAll(CANTONESE_RE)) {
    for (let k = m.index; k < m.index + m[0].length; k++) {
      word[k] = m.index;
      end[k] = m.index + m[0].length;
    }
  }
  return { view: cantoneseAsMandarin(plain), original: kept.map((i) => parts[i]).join('\n'), word, end };
}

/**
 * `text` (simplified) in the script of the context's original: each longest run of two or more
 * characters found in the view is copied from the original at the same offset; what lies between is
 * converted. A run never copies part of a Cantonese word (幾耐 read as 多久: 维修要多长时间 copies 維修要,
 * not 維修要幾, which gave 維修要幾長時間？); it may copy one whole.
 */
function inScriptOf(text: string, context: ScriptContext, variant: TraditionalVariant): string {
  const { view, original, word } = context;
  const whole = view.indexOf(text);
  if (whole >= 0 && !cutsWord(context, whole, text.length)) return original.slice(whole, whole + text.length);
  let out = '';
  let pending = '';
  for (let i = 0; i < text.length; ) {
    let found = -1;
    let length = 0;
    for (let j = Math.min(text.length, i + MAX_RUN); j >= i + 2; j--) {
      found = view.indexOf(text.slice(i, j));
      if (found >= 0) {
        length = j - i;
        break;
      }
    }
    if (found >= 0) {
      // starting inside a Cantonese word: no run; ending inside one: the run stops before it
      if (startsInside(context, found)) found = -1;
      else if (endsInside(context, found, length)) length = (word[found + length - 1] ?? found) - found;
      if (length <= 0) found = -1;
    }
    if (found < 0) {
      pending += text[i];
      i++;
      continue;
    }
    if (pending !== '') out += simplifiedToTraditional(pending, variant);
    pending = '';
    out += original.slice(found, found + length);
    i += length;
  }
  if (pending !== '') out += simplifiedToTraditional(pending, variant);
  return out;
}

/** Whether a run from `at` starts inside a Cantonese word of the context (after its first character). */
function startsInside(context: ScriptContext, at: number): boolean {
  const first = context.word[at] ?? -1;
  return first !== -1 && first !== at;
}

/** Whether `length` characters from `at` end inside a Cantonese word of the context (it goes on after them). */
function endsInside(context: ScriptContext, at: number, length: number): boolean {
  const last = at + length - 1;
  return (context.word[last] ?? -1) !== -1 && (context.end[last] ?? 0) > at + length;
}

/** Whether `length` characters from `at` start or end inside a Cantonese word of the context. */
function cutsWord(context: ScriptContext, at: number, length: number): boolean {
  return startsInside(context, at) || endsInside(context, at, length);
}

/**
 * Up to `options.n` similar questions of `question`, in its own script: for a traditional Chinese
 * entry (its question and `options.context`, its heading path and answer, read together) they are
 * made from the simplified view and put back as kb generate puts back a traditional document's
 * (the runs its text contains copied from it, the rules' words converted to its standard), without
 * the mainland words of MAINLAND_ONLY; otherwise `similarQuestions` itself. What kb review's `g`
 * writes and what it recognises as kb's paraphrases of a rewritten question. Before (2026-11-27),
 * `g` on 保養包括啲咩？ wrote 请问保養包括啲咩？ — two scripts in one question — and a rewritten
 * traditional question kept 請問保養範圍是什麼？, which the simplified rules never wrote.
 */
export function similarQuestionsInScript(question: string, options: SimilarOptions): string[] {
  const context = options.context ?? '';
  if (options.n <= 0 || detectScript(`${question}\n${context}`) !== 'zh-Hant') return similarQuestions(question, options);
  const s = rulesText;
  const script = scriptContext([question, context]);
  const variant = traditionalVariantOf(`${question}\n${context}`);
  const seen = new Set([question, ...(options.existing ?? [])].map((q) => questionKey(s(q))));
  const out: string[] = [];
  for (const candidate of similarCandidates(s(question), { ...options, context: s(context) })) {
    if (MAINLAND_ONLY.test(candidate)) continue;
    const key = questionKey(candidate);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(inScriptOf(candidate, script, variant));
    if (out.length >= options.n) break;
  }
  return out;
}
