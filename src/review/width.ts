/**
 * Terminal column arithmetic for the review screen: Chinese characters take two columns, so
 * truncating and padding count display width (string-width), never string length.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter();

/** Display width in terminal columns. */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The grapheme clusters of a text (what a cursor steps over). */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** One line: control characters and line breaks become spaces. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\t\v\f]+/gu, ' ');
}

/** Cut `text` to at most `width` columns, ending in `…` when cut. Never splits a wide character. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = displayWidth(g);
    if (used + w > width - 1) break;
    out += g;
    used += w;
  }
  return `${out}…`;
}

/** Exactly `width` columns: truncated, then padded with spaces. */
export function fit(text: string, width: number): string {
  const cut = truncate(oneLine(text), width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/** Punctuation a line must not start with (Chinese line-breaking rules: ，。、；：？！ and closing brackets and quotes). */
const NO_LINE_START = /^[，。、；：？！）」』】》〉〕｝”’％…‥·,.;:?!)\]}%]/u;
/** Punctuation a line must not end with: opening brackets and quotes. */
const NO_LINE_END = /[（「『【《〈〔｛“‘([{]$/u;

/**
 * Whether a line may break between `before` and `after` as Chinese typesetting does: not before
 * a comma, a full stop or a closing bracket (，。」 at the start of a line), not after an opening
 * bracket.
 */
export function breakAllowed(before: string, after: string): boolean {
  return !NO_LINE_START.test(after) && !NO_LINE_END.test(before);
}

/**
 * Wrap text to lines of at most `width` columns (breaking at spaces in Latin text, anywhere
 * between Chinese characters, but never putting ，。、 or a closing bracket at the start of a line
 * or an opening bracket at its end: the character before goes down with it), keeping the text's
 * own line breaks. At most `maxLines` lines; the last one ends in `…` when text was left out.
 */
export function wrap(text: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  if (width <= 0 || maxLines <= 0) return [];
  const out: string[] = [];
  for (const paragraph of text.replace(/\r\n?/gu, '\n').split('\n')) {
    let line = '';
    let used = 0;
    // the tokens of the line so far: the last one may go down to the next line with a token
    let lineTokens: string[] = [];
    // break into tokens: runs of Latin letters/digits stay together, everything else is one grapheme
    const tokens = paragraph.match(/[\p{Script=Latin}\p{N}'’_-]+|\s+|\P{M}\p{M}*/gu) ?? [];
    for (const token of tokens) {
      const w = displayWidth(token);
      if (used + w <= width) {
        line += token;
        used += w;
        lineTokens.push(token);
        continue;
      }
      if (/^\s+$/u.test(token)) {
        out.push(line);
        line = '';
        used = 0;
        lineTokens = [];
        continue;
      }
      // 。 or ） would start the next line, or （ end this one: the tokens before go down too (as
      // few as needed, and never the whole line)
      let keep = lineTokens.length;
      const breaksAt = (k: number): boolean => /^\s+$/u.test(lineTokens[k - 1] ?? ' ') || breakAllowed(lineTokens[k - 1] ?? '', lineTokens[k] ?? token);
      while (keep > 1 && !breaksAt(keep)) keep--;
      const carried = keep > 1 && keep < lineTokens.length ? lineTokens.slice(keep).join('') : '';
      if (carried !== '' && displayWidth(carried) + w <= width) line = lineTokens.slice(0, keep).join('');
      else keep = lineTokens.length;
      if (used > 0) out.push(line.trimEnd());
      lineTokens = lineTokens.slice(keep);
      line = lineTokens.join('');
      used = displayWidth(line);
      // a token wider than the line is cut by graphemes
      for (const g of w > width ? graphemes(token) : [token]) {
        const gw = displayWidth(g);
        if (used + gw > width && used > 0) {
          out.push(line);
          line = '';
          used = 0;
          lineTokens = [];
        }
        line += g;
        used += gw;
        lineTokens.push(g);
      }
    }
    out.push(line.trimEnd());
  }
  if (out.length > maxLines) {
    const kept = out.slice(0, maxLines);
    const last = kept[maxLines - 1] ?? '';
    kept[maxLines - 1] = displayWidth(last) + 1 <= width ? `${last}…` : truncate(`${last}…`, width);
    return kept;
  }
  return out;
}
