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
 * 退货要多久, How do I return an item, Can I change my address — and a short Chinese heading that
 * asks in its middle: 退款多久到账, 退货运费由谁承担, 用哪家快递, 保修期多长, 发票怎么开 (a question
 * word of its own, not 什么 or 哪 inside other words). (Headings only: a sentence that starts with
 * 可以 is usually a statement.)
 */
export function headingIsQuestion(heading: string): boolean {
  const t = heading.trim();
  // a time or place clause is no question: When You Apply, Where You Live (doc2dial asked When You Apply?)
  if (EN_CLAUSE_OF_TIME.test(t) && !t.endsWith('?')) return false;
  return looksLikeQuestion(t) || /^(?:如何|怎么|怎样|怎么样|为什么|为何|什么|哪些|哪里|哪儿|是否|能否|可否|能不能|可不可以|多久|多少|几天|谁)/u.test(t) || /(?:多久|多少钱|多长时间|怎么办|怎么样|是什么|(?<![十好])几(?:个|件|台|次|天|位|张|单|年|月|周|种|样|小时))$/u.test(t) || /\p{Script=Han}{2}(?:是否|能否|可否)\p{Script=Han}{2}/u.test(t) || ZH_ASKS_INSIDE.test(t) || /^(?:how|what|when|why|where|who|which|can|could|do|does|did|is|are|will|should|may)\b/iu.test(t);
}

/** When or where, then its subject: a clause that says when something applies, not a question (a question asks When do I …). */
const EN_CLAUSE_OF_TIME = /^(?:when|where)\s+(?:you|your|i|my|we|our|they|their|someone|a\s+person)\b/iu;

/** A short Chinese heading with a question word of its own inside it (see headingIsQuestion). */
const ZH_ASKS_INSIDE = /^(?=[^，。；,;：:]{3,20}$)\p{Script=Han}.*(?:多久|多长时间|(?<!最)多长|多少|由谁|谁来|谁付|怎么|怎样|(?<!无论)如何|哪些|哪里|哪家|哪个|哪儿|什么时候|何时|为什么|能不能|可不可以|有没有|会不会|要不要)/u;

/**
 * A heading that asks something somewhere, not only at its start or end: 退款多久到账, 支持哪些付款方式,
 * 发票怎么开 — as well as every `headingIsQuestion`. For headings the document's FAQ markup
 * already marks as questions; a tab or disclosure label (江浙沪, 优惠券使用说明) asks nothing.
 */
export function asksSomething(heading: string): boolean {
  return headingIsQuestion(heading) || /(?:多久|多长时间|多少|几天|几号|怎么|怎样|如何|哪些|哪里|哪个|哪儿|什么|为什么|为何|是否|能否|可否|能不能|可不可以|有没有|是不是|会不会|要不要|吗|呢)/u.test(heading);
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

/** The lists' first items, then their second items, and so on: [[a1, a2], [b1]] → a1, b1, a2. */
export function interleave(lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const l of lists) if (l[i] !== undefined) out.push(l[i] as string);
  return out;
}

/** Cut a clause to at most `max` characters at a comma or 、, or hard when there is none. */
export function shorten(clause: string, max: number): string {
  const c = clause.trim().replace(/[，,、：:；;。\s]+$/u, '');
  if (c.length <= max) return c;
  const cut = Math.max(c.lastIndexOf('，', max), c.lastIndexOf('、', max), c.lastIndexOf(',', max));
  return (cut >= Math.floor(max / 3) ? c.slice(0, cut) : c.slice(0, max)).replace(/[，,、\s]+$/u, '');
}

export { questionKey } from '../text/question-key.js';

/** No names known: `lowerFirst` and `sentenceCase` without a section's `properNames`. */
export const NO_NAMES: ReadonlySet<string> = new Set();

/**
 * An English text with its first letter lower case when it starts a plain word (Return → return;
 * not VA, iPhone, AirLite), not a name of `names` (`properNames`: Medicare, Agent Orange).
 */
export function lowerFirst(text: string, names: ReadonlySet<string> = NO_NAMES): string {
  // a name with a capital inside it (AirLite, PayPal, PowerCube, Wi-Fi) keeps its first one too
  // (and one with a digit: Post-9/11 GI Bill, Series7)
  if (!/^[A-Z][a-z]/u.test(text) || /^[A-Z][a-z]+-?[A-Z]/u.test(text) || /^[A-Z][a-z]*-?\d/u.test(text)) return text;
  const words = text.split(/\s+/u).map((w) => w.replace(/[^\p{L}\p{N}'’-]+$/u, ''));
  for (let n = 1; n <= 3; n++) if (names.has(words.slice(0, n).join(' '))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Is the word at `at` (of `length`) part of an e-mail or web address (help@beacon-audio.com, beacon.com/claim)? */
export function inAddress(text: string, at: number, length: number): boolean {
  return /[@/.]$/u.test(text.slice(Math.max(0, at - 1), at)) || /^[.@]\p{L}|^-\p{L}[\p{L}-]*\.\p{L}/u.test(text.slice(at + length));
}

/** The words an English text writes in lower case; an address's words are no lower-case use (support@auralite.com, auralite.com/support). */
export function lowerCaseWords(text: string): Set<string> {
  const lower = new Set<string>();
  for (const m of text.matchAll(/\p{L}[\p{L}\p{N}'’-]*/gu)) if (/^\p{Ll}/u.test(m[0]) && !inAddress(text, m.index, m[0].length)) lower.add(m[0]);
  return lower;
}

/** Capitalized words of a title (Affect Your Disability Benefits) that no name has. */
const TITLE_WORDS = /^(?:The|A|An|And|Or|Of|For|To|In|On|At|By|With|From|About|Your|My|Our|Their|His|Her|Its|You|We|They|I|May|Can|Will|Must|Should|Is|Are|Be|Do|Does|How|What|When|Why|Who|Where|If)$/u;

/**
 * The names an English text writes with capitals inside its sentences, which a question keeps as
 * they are: a word that stands alone with its capital and is never written in lower case
 * (Medicare, Aidan), and runs of two to four capitalized words (Agent Orange, New York, Social
 * Security). A run with a title's small words (Other Payments May Affect Your Benefits, a link to
 * a page) names no one, nor do its words.
 */
export function properNames(text: string): Set<string> {
  const alone = new Set<string>();
  const lower = lowerCaseWords(text);
  const names = new Set<string>();
  let run: string[] = [];
  // a run that a sentence opens (Set Up Direct Deposit) is no sign of a name
  let opened = false;
  let lastEnd = -1;
  const endRun = (): void => {
    if (opened) run = [];
    opened = false;
    if (run.length === 1 && run[0] !== undefined) alone.add(run[0]);
    else if (!run.some((w) => TITLE_WORDS.test(w))) {
      for (let n = Math.min(run.length, 4); n >= 2; n--) for (let i = 0; i + n <= run.length; i++) names.add(run.slice(i, i + n).join(' '));
    }
    run = [];
  };
  for (const m of text.matchAll(/\p{L}[\p{L}\p{N}'’-]*/gu)) {
    const word = m[0];
    const at = m.index ?? 0;
    // a run goes on only across one space
    if ((run.length > 0 || opened) && text.slice(lastEnd, at) !== ' ') endRun();
    lastEnd = at + word.length;
    if (!/^\p{Lu}\p{Ll}/u.test(word)) {
      endRun();
      continue;
    }
    // a capital after a sentence's end, a colon, a bullet or at a line's start is no sign of a name
    // (nor one after a table cell's bar, Wireless earbuds | 1 year; the line's end is read before the spaces are dropped)
    const before = text.slice(Math.max(0, at - 3), at).replace(/[ \t"“'(]+$/u, '');
    if (run.length === 0 && !opened && (before === '' || /[.!?:;•\-–—\n|]$/u.test(before))) opened = true;
    run.push(word);
  }
  endRun();
  for (const w of alone) if (!lower.has(w.toLowerCase()) && !TITLE_WORDS.test(w)) names.add(w);
  return names;
}
