/**
 * Re-joining hard-wrapped lines. Used by the text, PDF and HTML/Markdown adapters (and anything
 * else that meets wrapped lines): CJK text joins with no space, Latin text with one space, a
 * hyphenated line break in an English word is closed up, and a hyphen at the end of a line before
 * a digit (a phone number or a code: `400-` / `800-1234`) joins without a space and keeps the hyphen.
 */

const CJK = /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

const HAN = /\p{Script=Han}/gu;

/** Columns a line takes: a Han character counts as two. */
export function visibleLength(text: string): number {
  return text.length + (text.match(HAN)?.length ?? 0);
}

/** Punctuation that ends a sentence or a clause that may end a paragraph. */
const SENTENCE_END = /[。！？!?；;：:…」』”）)]$/u;
/** A Latin full stop (or ! ?) after a word or a number, with any closing quotes or brackets after it. */
const LATIN_STOP = /[\p{L}\p{N}\])'"’”][.!?]['"’”)\]]*$/u;
/** …but not one that ends an abbreviation or an initial: a line may end in "e.g." or "No.". */
const ABBREVIATION = /(^|[\s(])(e\.g|i\.e|etc|vs|cf|approx|incl|Mr|Mrs|Ms|Dr|Prof|St|No|Nr|Fig|Vol|pp?|Inc|Ltd|Co|Art|Sec|[A-Z])\.$/u;
/** …nor a number standing alone (`1.`, `3.2.`): that is a list or heading label whose text follows. */
const BARE_NUMBER = /^[\d.．\s]+$/u;

/** Does this line end a sentence (or a clause that may end a paragraph)? */
export function endsSentence(line: string): boolean {
  const text = line.trimEnd();
  if (SENTENCE_END.test(text)) return true;
  return LATIN_STOP.test(text) && !ABBREVIATION.test(text) && !BARE_NUMBER.test(text);
}

/** Join two pieces of one paragraph that a hard wrap split. */
export function joinWrapped(left: string, right: string): string {
  const a = left.trimEnd();
  const b = right.trimStart();
  if (a === '') return b;
  if (b === '') return a;
  const last = a[a.length - 1];
  const before = a[a.length - 2] ?? '';
  const first = b[0] ?? '';
  if (last === '-' && /\d/u.test(first) && before !== '' && !/\s/u.test(before)) {
    return a + b; // "400-\n800-1234" → "400-800-1234", "COVID-\n19" → "COVID-19"
  }
  if (last === '-' && /[A-Za-z]/u.test(before) && /[a-z]/u.test(first)) {
    return a.slice(0, -1) + b; // "inter-\nnational" → "international"
  }
  if (isCjk(last) || isCjk(first)) return a + b;
  return `${a} ${b}`;
}

/** A line of a product's attribute list: a short Chinese label, `：`, a short value (面料：100%聚酯纤维, 颜色：米白、雾霾蓝, 营业时间：9:00-21:00 — a clock's colon is no label's). */
const ATTRIBUTE_LINE = /^\s*(?:[-•·*]\s*)?\p{Script=Han}{2,6}[：:]\s*(?:[^：:。；;\n]|(?<=\d)[:：](?=\d)){1,30}$/u;

/**
 * Two lines of an attribute list (面料：… over 颜色：…): a line each, never one line glued as a wrap is
 * (面料：100%聚酯纤维颜色：米白). Such lines end in no punctuation, so before 2026-11-27 they were joined.
 */
export function attributeLines(left: string, right: string): boolean {
  const last = left.split('\n').at(-1) ?? '';
  return ATTRIBUTE_LINE.test(last) && ATTRIBUTE_LINE.test(right);
}

/** Join many wrapped lines of one paragraph (the lines of an attribute list stay lines). */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) out = out !== '' && attributeLines(out, line) ? `${out.trimEnd()}\n${line.trim()}` : joinWrapped(out, line);
  return out;
}
