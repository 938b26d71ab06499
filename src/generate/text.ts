/**
 * Small text helpers shared by the generation rules: language of a text, numbering stripped
 * from headings, sentences and clauses, and the normalized form two questions are compared in.
 */
import { matchNumbering } from '../ingest/numbering.js';

export type QuestionLanguage = 'zh' | 'en';

const HAN = /\p{Script=Han}/gu;
const LATIN = /[A-Za-z]/g;

/** `zh` when the text has Han characters at least as often as a tenth of its Latin letters. */
export function languageOf(text: string): QuestionLanguage {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  return han > 0 && han * 10 >= latin ? 'zh' : latin > 0 ? 'en' : 'zh';
}

/**
 * A heading without its numbering: `第四十一条` → ``, `一、退货政策` → `退货政策`,
 * `1.2 Returns` → `Returns`, `第三章 损害赔偿` → `损害赔偿`, `Q3: …` → `…`.
 */
export function stripNumbering(heading: string): string {
  let h = heading.trim();
  for (let i = 0; i < 3; i++) {
    const m = matchNumbering(h);
    if (m === undefined) break;
    h = m.rest;
  }
  return h
    .replace(/^(?:Q\d*|问题?\d*|问)\s*[:：.、]\s*/iu, '')
    .replace(/^\d{1,2}\s+(?=\S)/u, '')
    .trim();
}

/** Does the text end like a question (？/?, or a Chinese question particle)? */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  return /[?？]$/u.test(t) || /(?:吗|呢|么)$/u.test(t);
}

/**
 * A heading that is already a question, with or without its question mark: 如何申请保修,
 * 退货要多久, How do I return an item, Can I change my address. (Headings only: a sentence that
 * starts with 可以 is usually a statement.)
 */
export function headingIsQuestion(heading: string): boolean {
  const t = heading.trim();
  return looksLikeQuestion(t) || /^(?:如何|怎么|怎样|怎么样|为什么|为何|什么|哪些|哪里|哪儿|是否|能否|可否|能不能|可不可以|多久|多少|几天|谁)/u.test(t) || /(?:多久|多少钱|多长时间|怎么办|怎么样|是什么)$/u.test(t) || /\p{Script=Han}{2}(?:是否|能否|可否)\p{Script=Han}{2}/u.test(t) || /^(?:how|what|when|why|where|who|which|can|could|do|does|did|is|are|will|should|may)\b/iu.test(t);
}

/** A line without the list marker it opens with: `（一）`, `1.`, `2）`, `三、`, `•`. */
export function withoutItemMarker(line: string): string {
  return line.replace(/^(?:[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}(?:[.、．)）](?!\d))|[一二三四五六七八九十]+、|[-*•·])\s*/u, '');
}

/** Sentences: split on sentence-final punctuation, semicolons and line breaks. */
export function sentences(text: string): string[] {
  return text
    // not after an initial or an abbreviation: the U.S. Citizenship…, Mr. Smith
    .split(/(?<=[。！!；;])|\n|(?<=[.?])(?<!\b[A-Z]\.)(?<!\b(?:Mr|Mrs|Ms|Dr|St|No|Jr|Sr|vs|etc|Inc|Corp|Co|Ltd|Dept|Gov|approx|e\.g|i\.e)\.)\s+(?=[A-Z"“(])/u)
    .map((s) => withoutItemMarker(s.trim()))
    .filter((s) => s.length > 1);
}

/** Text without bracketed asides: `（以下简称供货者）`, `(see below)`. */
export function withoutAsides(text: string): string {
  return text.replace(/[（(][^（）()]{0,40}[）)]/gu, '').replace(/《[^》]{0,30}》/gu, (m) => m);
}

/** Cut a clause to at most `max` characters at a comma or 、, or hard when there is none. */
export function shorten(clause: string, max: number): string {
  const c = clause.trim().replace(/[，,、：:；;。\s]+$/u, '');
  if (c.length <= max) return c;
  const cut = Math.max(c.lastIndexOf('，', max), c.lastIndexOf('、', max), c.lastIndexOf(',', max));
  return (cut >= Math.floor(max / 3) ? c.slice(0, cut) : c.slice(0, max)).replace(/[，,、\s]+$/u, '');
}

export { questionKey } from '../text/question-key.js';

/** An English text with its first letter lower case when it starts a plain word (Return → return; not VA, iPhone). */
export function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
