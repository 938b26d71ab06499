/**
 * Re-joining hard-wrapped lines. Used by the text and PDF adapters (and anything else that
 * meets wrapped lines): CJK text joins with no space, Latin text with one space, and a
 * hyphenated line break in an English word is closed up.
 */

const CJK = /[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/u;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** Punctuation that ends a sentence or a clause that may end a paragraph. */
const SENTENCE_END = /[。！？!?；;：:…」』”）)]$/u;

export function endsSentence(line: string): boolean {
  return SENTENCE_END.test(line.trimEnd());
}

/** Join two pieces of one paragraph that a hard wrap split. */
export function joinWrapped(left: string, right: string): string {
  const a = left.trimEnd();
  const b = right.trimStart();
  if (a === '') return b;
  if (b === '') return a;
  const last = a[a.length - 1];
  const first = b[0];
  if (last === '-' && /[A-Za-z]/.test(a[a.length - 2] ?? '') && /[a-z]/.test(first ?? '')) {
    return a.slice(0, -1) + b; // "inter-\nnational" → "international"
  }
  if (isCjk(last) || isCjk(first)) return a + b;
  return `${a} ${b}`;
}

/** Join many wrapped lines of one paragraph. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) out = joinWrapped(out, line);
  return out;
}
