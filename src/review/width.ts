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

/** How much of a text one line of `width` columns can need: a character takes a column or two (a few units for an emoji sequence). */
function lineRoom(width: number): number {
  return width * 4 + 16;
}

/**
 * Cut `text` to at most `width` columns, ending in `…` when cut. Never splits a wide character.
 * Only the start of a long text is measured.
 */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  const short = head(text, lineRoom(width));
  if (short === text && displayWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const g of graphemes(short)) {
    const w = displayWidth(g);
    if (used + w > width - 1) break;
    out += g;
    used += w;
  }
  return `${out}…`;
}

/** Exactly `width` columns: truncated, then padded with spaces. */
export function fit(text: string, width: number): string {
  const cut = truncate(oneLine(head(text, lineRoom(width) + 1)), width);
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
 * At most `chars` UTF-16 units of `text`, never ending inside a surrogate pair: the part of a long
 * text a bounded view can show (a screen of a 7-million-character answer needs its start only).
 */
export function head(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const end = Math.max(0, chars);
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/** How many characters of a text `lines` lines of `width` columns can show, with room to spare (a wide character is one unit, a word wraps early). */
export function headRoom(lines: number, width: number): number {
  return (lines + 1) * (width + 1) * 2 + 64;
}

/**
 * The lines of `text` wrapped to `width` columns, made one at a time as they are read (see wrap):
 * reading the first lines of a long text costs those lines only.
 */
export function* wrapLines(text: string, width: number): Generator<string> {
  if (width <= 0) return;
  let from = 0;
  for (;;) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    const paragraph = text.slice(from, end > from && text[end - 1] === '\r' ? end - 1 : end);
    yield* wrapParagraph(paragraph.includes('\r') ? paragraph.replace(/\r/gu, '\n') : paragraph, width);
    if (nl < 0) return;
    from = nl + 1;
  }
}

/** One paragraph wrapped (a lone `\r` in it, an old Mac line break, breaks it too). */
function* wrapParagraph(paragraph: string, width: number): Generator<string> {
  if (paragraph.includes('\n')) {
    for (const part of paragraph.split('\n')) yield* wrapParagraph(part, width);
    return;
  }
  let line = '';
  let used = 0;
  // the tokens of the line so far: the last one may go down to the next line with a token
  let lineTokens: string[] = [];
  // break into tokens: runs of Latin letters/digits stay together, everything else is one grapheme
  for (const match of paragraph.matchAll(/[\p{Script=Latin}\p{N}'’_-]+|\s+|\P{M}\p{M}*/gu)) {
    const token = match[0];
    const w = displayWidth(token);
    if (used + w <= width) {
      line += token;
      used += w;
      lineTokens.push(token);
      continue;
    }
    if (/^\s+$/u.test(token)) {
      yield line;
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
    if (used > 0) yield line.trimEnd();
    lineTokens = lineTokens.slice(keep);
    line = lineTokens.join('');
    used = displayWidth(line);
    // a token wider than the line is cut by graphemes
    for (const g of w > width ? graphemes(token) : [token]) {
      const gw = displayWidth(g);
      if (used + gw > width && used > 0) {
        yield line;
        line = '';
        used = 0;
        lineTokens = [];
      }
      line += g;
      used += gw;
      lineTokens.push(g);
    }
  }
  yield line.trimEnd();
}

/**
 * Wrap text to lines of at most `width` columns (breaking at spaces in Latin text, anywhere
 * between Chinese characters, but never putting ，。、 or a closing bracket at the start of a line
 * or an opening bracket at its end: the character before goes down with it), keeping the text's
 * own line breaks. At most `maxLines` lines; the last one ends in `…` when text was left out.
 * Only the lines returned (and one more) are made: a bounded `maxLines` costs the same for any
 * length of text.
 */
export function wrap(text: string, width: number, maxLines = Number.POSITIVE_INFINITY): string[] {
  if (width <= 0 || maxLines <= 0) return [];
  // a few lines need the start of the text only
  const source = Number.isFinite(maxLines) ? head(text, headRoom(maxLines, width)) : text;
  const out: string[] = [];
  const cut = (): string[] => {
    const last = out.length - 1;
    out[last] = displayWidth(out[last] ?? '') + 1 <= width ? `${out[last] ?? ''}…` : truncate(`${out[last] ?? ''}…`, width);
    return out;
  };
  for (const line of wrapLines(source, width)) {
    if (out.length === maxLines) return cut();
    out.push(line);
  }
  return source.length < text.length && out.length > 0 ? cut() : out;
}
