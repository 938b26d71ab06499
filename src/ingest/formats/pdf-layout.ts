/**
 * PDF layout: pdf.js's positioned text runs → lines (items grouped by baseline, ordered by x) →
 * paragraphs → blocks. Pure functions of the pages pdf.js gave (`RawPage`), so they are tested
 * without a PDF; `pdf.ts` reads the pages. Running headers, footers and page numbers are dropped,
 * hard-wrapped lines re-joined into paragraphs (also across page breaks), and short lines in a
 * clearly larger or bolder font become headings. Numbered lines (第X章, 第X条, 1.) stay
 * paragraphs: `sectionize` makes them headings.
 *
 * Pages set in columns (product manuals, brochures) are read column by column: `pdf-columns.ts`
 * finds the bands of rows that a gutter cuts into columns of running text; lines above and below
 * them (a title across the page) stay in place, and ruled tables (`pdf-tables.ts`) are read row by row.
 *
 * Layout signals used, in the order a reader would use them:
 * - a new paragraph starts after a larger vertical gap than the usual line spacing, at a
 *   first-line indent, at numbering or a bullet, after a line that ends a sentence and stops short
 *   of the right margin (the next line's first word would have fitted), or at a font-size change;
 * - everything else is a wrapped continuation, joined with `joinWrapped` (no space between CJK,
 *   one space between Latin words, hyphenation closed up).
 */
import { endsSentence, isCjk, joinWrapped } from '../lines.js';
import { matchNumbering } from '../numbering.js';
import type { ParsedBlock } from '../parsed.js';
import { headingText } from './heading-look.js';
import { columnOf, findColumnBands } from './pdf-columns.js';
import { cellText, findTables, inside, type PlacedRun, type Rect } from './pdf-tables.js';

/** A header/footer repeats on at least this share of pages (and on at least 2). */
const REPEAT_SHARE = 0.4;
/** Running headers/footers and page numbers live in this share of the page height at the top and bottom … */
const MARGIN_BAND = 0.15;
/** … and are among this many lines at the top or bottom of a page. */
const MARGIN_LINES = 3;
/** A font this much larger than the body font is a heading font. */
const HEADING_RATIO = 1.15;
/** Headings are short: longer lines in a large font are paragraphs. */
const MAX_HEADING_CHARS = 40;
const MAX_HEADING_CHARS_LATIN = 80;

// ---------------------------------------------------------------------------------------------
// Text items → lines

/** One text run in the page's reading frame (x to the right, y up). */
interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  /** pdf.js's name for the run's font (`g_d0_f2`), '' when it gives none. */
  font: string;
}

/** The column of a multi-column page a line is in: its edges, and a key unique on its page. */
interface PdfColumn {
  key: number;
  left: number;
  right: number;
}

/** One visual line. */
interface PdfLine {
  page: number;
  /** Set when the line is in a column of a multi-column band; its edges stand in for the page margins. */
  column?: PdfColumn;
  text: string;
  x: number;
  right: number;
  /** Baseline, in the page's reading frame (larger is higher on the page). */
  y: number;
  /** Font size of most of its characters. */
  size: number;
  chars: number;
  /** Visible characters by font (pdf.js's font names). */
  fonts: Map<string, number>;
  /** Runs far apart on the line (> 2.5 em): table cells or tab stops, not a heading. */
  cells: boolean;
  /** Nearly all of its characters are in a font heavier than the body's (set by `layoutPages`). */
  bold?: boolean;
  /** A ruled table standing in the flow as one line: its rows of cells. */
  table?: string[][];
}

interface PageText {
  page: number;
  lines: PdfLine[];
  /** The gutters of the page's bands of columns (x-ranges), if it has any. */
  gutters: [number, number][];
  /** Top and bottom of the page in the reading frame. */
  top: number;
  bottom: number;
}

export function isTextItem(item: unknown): item is { str: string; transform: number[]; width: number; height: number; fontName?: unknown } {
  return typeof item === 'object' && item !== null && typeof (item as { str?: unknown }).str === 'string' && Array.isArray((item as { transform?: unknown }).transform);
}

/** Rotate a point by -quarter×90° so that text of that orientation reads left to right. */
function toReadingFrame(quarter: number, x: number, y: number): [number, number] {
  switch (quarter) {
    case 1:
      return [y, -x];
    case 2:
      return [-x, -y];
    case 3:
      return [-y, x];
    default:
      return [x, y];
  }
}

/** Kangxi radicals and CJK compatibility ideographs that some Chinese PDFs map glyphs to (⽤ for 用). */
const COMPAT_CJK = /[\u2E80-\u2FDF\uF900-\uFAFF]/gu;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F\u00AD\uFEFF]/gu;

export function cleanText(text: string): string {
  return text.replace(CONTROL, '').replace(COMPAT_CJK, (ch) => ch.normalize('NFKC'));
}

const CJK_THEN_SPACE_LATIN = /(?<=[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]) (?=[A-Za-z0-9])/gu;
const LATIN_SPACE_THEN_CJK = /(?<=[A-Za-z0-9]) (?=[\u2E80-\u2FDF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF])/gu;

/**
 * Whitespace inside a line: runs collapse to one space, and a space between a CJK character and a
 * Latin letter or digit goes (it is the typesetter's CJK/Latin spacing — "1993 年" — not content).
 */
function tidyLine(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(CJK_THEN_SPACE_LATIN, '').replace(LATIN_SPACE_THEN_CJK, '').trim();
}

/** Group a page's runs by baseline (within half a font size), top to bottom. */
function groupRuns(runs: Run[]): Run[][] {
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  let current: Run[] = [];
  let baseline = Number.NaN;
  let lineSize = 0;
  for (const run of runs) {
    if (current.length > 0 && Math.abs(run.y - baseline) <= 0.5 * Math.min(run.size, lineSize)) {
      current.push(run);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [run];
    baseline = run.y;
    lineSize = run.size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** One baseline group's runs, left to right, as a line (undefined when it has no visible text). */
function groupToLine(group: Run[], page: number): PdfLine | undefined {
  group.sort((a, b) => a.x - b.x);
  let text = '';
  let end = Number.NEGATIVE_INFINITY;
  const sizeChars = new Map<number, number>();
  const fonts = new Map<string, number>();
  let cells = false;
  let chars = 0;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const run of group) {
    const visible = run.text.replace(/\s+/gu, '');
    if (visible === '') {
      // an explicit space run: a separator between Latin words
      if (text !== '' && !/\s$/u.test(text)) text += ' ';
      continue;
    }
    if (text !== '' && !/\s$/u.test(text) && !/^\s/u.test(run.text)) {
      const gap = run.x - end;
      const last = text[text.length - 1];
      const first = run.text.trimStart()[0];
      // a visible gap between Latin runs is a word space; CJK never gets one, except at a gap wide
      // enough to be a column or table-cell separator
      if ((gap > 0.2 * run.size && !isCjk(last) && !isCjk(first)) || gap > 2.5 * run.size) text += ' ';
    }
    if (end > Number.NEGATIVE_INFINITY && run.x - end > 2.5 * run.size) cells = true;
    text += run.text;
    end = Math.max(end, run.x + run.width);
    left = Math.min(left, run.x);
    right = Math.max(right, run.x + run.width);
    chars += visible.length;
    fonts.set(run.font, (fonts.get(run.font) ?? 0) + visible.length);
    const size = Math.round(run.size * 10) / 10;
    sizeChars.set(size, (sizeChars.get(size) ?? 0) + visible.length);
  }
  const tidy = tidyLine(text);
  if (tidy === '' || chars === 0) return undefined;
  let size = 0;
  let best = -1;
  for (const [s, n] of sizeChars) {
    if (n > best || (n === best && s > size)) {
      size = s;
      best = n;
    }
  }
  const y = group.reduce((sum, r) => sum + r.y, 0) / group.length;
  return { page, text: tidy, x: left, right, y, size, chars, fonts, cells };
}

function visibleChars(run: Run): number {
  return run.text.replace(/\s+/gu, '').length;
}

/**
 * A page's runs → lines in reading order: baseline groups top to bottom, except that the bands
 * `findColumnBands` finds set in columns are read column by column (each line then carries its
 * column's edges).
 */
function runsToLines(runs: Run[], page: number, known: readonly [number, number][]): { lines: PdfLine[]; gutters: [number, number][] } {
  const groups = groupRuns(runs);
  const sizeChars = new Map<number, number>();
  for (const run of runs) sizeChars.set(Math.round(run.size * 10) / 10, (sizeChars.get(Math.round(run.size * 10) / 10) ?? 0) + visibleChars(run));
  const bodySize = commonestSize(sizeChars);
  const rows = groups.map((group) => ({
    y: group[0]?.y ?? 0,
    boxes: group.filter((run) => visibleChars(run) > 0).map((run) => ({ x: run.x, right: run.x + run.width })),
  }));
  const bands = findColumnBands(rows, bodySize, known);
  const lines: PdfLine[] = [];
  const push = (group: Run[]): void => {
    const line = groupToLine(group, page);
    if (line !== undefined) lines.push(line);
  };
  let next = 0;
  bands.forEach((band, b) => {
    for (; next < band.first; next++) push(groups[next] ?? []);
    const columns: Run[][][] = band.gutters.map(() => []);
    columns.push([]);
    for (; next <= band.last; next++) {
      const parts = new Map<number, Run[]>();
      for (const run of groups[next] ?? []) {
        const c = columnOf(band, run.x + run.width / 2);
        const part = parts.get(c);
        if (part === undefined) parts.set(c, [run]);
        else part.push(run);
      }
      for (const [c, part] of parts) columns[c]?.push(part);
    }
    columns.forEach((column, c) => {
      const own = column.map((group) => groupToLine(group, page)).filter((line): line is PdfLine => line !== undefined);
      if (own.length === 0) return;
      const edges: PdfColumn = {
        key: b * (band.gutters.length + 1) + c + 1,
        left: edge(own.map((l) => l.x), 'left') ?? Math.min(...own.map((l) => l.x)),
        right: edge(own.map((l) => l.right), 'right') ?? Math.max(...own.map((l) => l.right)),
      };
      for (const line of own) lines.push({ ...line, column: edges });
    });
  });
  for (; next < groups.length; next++) push(groups[next] ?? []);
  return { lines, gutters: bands.flatMap((band) => band.gutters) };
}

/** A page's text items → runs in the dominant reading direction → lines (`known`: gutters of columns on other pages). */
function pageItemsToLines(items: readonly unknown[], page: number, view: readonly number[], known: readonly [number, number][] = []): PageText {
  const quarterChars = [0, 0, 0, 0];
  const candidates: { text: string; t: number[]; width: number; height: number; quarter: number; font: string }[] = [];
  for (const item of items) {
    if (!isTextItem(item)) continue;
    const text = cleanText(item.str);
    if (text === '') continue;
    const [a = 1, b = 0] = item.transform;
    const angle = Math.atan2(b, a);
    const quarter = ((Math.round(angle / (Math.PI / 2)) % 4) + 4) % 4;
    // diagonal text (watermarks) is not content
    if (Math.abs(angle - Math.round(angle / (Math.PI / 2)) * (Math.PI / 2)) > 0.035) continue;
    candidates.push({ text, t: item.transform, width: item.width, height: item.height, quarter, font: typeof item.fontName === 'string' ? item.fontName : '' });
    quarterChars[quarter] = (quarterChars[quarter] ?? 0) + text.replace(/\s+/gu, '').length;
  }
  let quarter = 0;
  for (let q = 1; q < 4; q++) if ((quarterChars[q] ?? 0) > (quarterChars[quarter] ?? 0)) quarter = q;

  const runs: Run[] = [];
  for (const c of candidates) {
    if (c.quarter !== quarter) continue;
    const [, , tc = 0, td = 0, te = 0, tf = 0] = c.t;
    const size = Math.hypot(tc, td) || c.height;
    if (!(size > 0) || !Number.isFinite(size)) continue;
    const [x, y] = toReadingFrame(quarter, te, tf);
    runs.push({ text: c.text, x, y, width: Number.isFinite(c.width) ? Math.max(0, c.width) : 0, size, font: c.font });
  }
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = view;
  const ys = [
    toReadingFrame(quarter, x0, y0)[1],
    toReadingFrame(quarter, x0, y1)[1],
    toReadingFrame(quarter, x1, y0)[1],
    toReadingFrame(quarter, x1, y1)[1],
  ];
  return { page, ...runsToLines(runs, page, known), top: Math.max(...ys), bottom: Math.min(...ys) };
}

// ---------------------------------------------------------------------------------------------
// Headers, footers and page numbers

const PAGE_NUMBER: readonly RegExp[] = [
  /^[-–—~·•－]?\s*\d{1,4}\s*[-–—~·•－]?$/u, // 3  - 3 -  — 3 —  －3－
  /^[[(（【]\s*\d{1,4}\s*[\])）】]$/u, // (3) [3]
  /^第\s*[\d一二三四五六七八九十百零〇]+\s*页\s*[,，/／]?\s*(共\s*[\d一二三四五六七八九十百零〇]+\s*页)?$/u, // 第 3 页  第3页 共19页
  /^共\s*\d+\s*页\s*[,，/／]?\s*第\s*\d+\s*页$/u, // 共19页 第3页
  /^\d{1,4}\s*([/／]|of)\s*\d{1,4}$/iu, // 3/19  3 of 19
  /^(page|p\.|pg\.?)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/iu, // Page 3, Page 3 of 19
  /^[ivxlc]{1,7}$/u, // roman page numbers of front matter (lowercase only: "I" may be a word)
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** Text of a line as a header/footer key: digits (page numbers, dates) and spaces do not count. */
function repeatKey(line: PdfLine): string {
  return `${line.text.replace(/\s+/gu, '').replace(/\d+/gu, '#')}\u0000${Math.round(line.size)}`;
}

/** Lines near the top or bottom edge of their page: where headers, footers and page numbers are. */
function marginLines(page: PageText): Set<PdfLine> {
  const out = new Set<PdfLine>();
  const height = page.top - page.bottom;
  if (!(height > 0)) return out;
  const band = height * MARGIN_BAND;
  // top to bottom (page.lines is in reading order, which on a page in columns is not)
  const lines = [...page.lines].sort((a, b) => b.y - a.y);
  for (let i = 0; i < Math.min(MARGIN_LINES, lines.length); i++) {
    const line = lines[i];
    if (line !== undefined && page.top - line.y <= band) out.add(line);
  }
  for (let i = Math.max(0, lines.length - MARGIN_LINES); i < lines.length; i++) {
    const line = lines[i];
    if (line !== undefined && line.y - page.bottom <= band) out.add(line);
  }
  return out;
}

/** A footnote's mark: ¹, ①, *, ※, 注, 1. — a small line at a page's foot that is the text's, not the page's. */
const FOOTNOTE_MARK = /^(?:[¹²³⁴-⁹①-⑳*※†‡]|注|\d{1,2}\s*[.、)）\]]|[[(（]\d{1,2}[\])）])/u;

/**
 * The header and footer of a one-page document, which no repetition tells: in the top or bottom band,
 * in a smaller font than the most of the page's text, above every line of that size or more (a header
 * over the title: 星辰科技售后服务中心 | 延保服务说明 was a section of its own) or below every one (a footer under
 * the text: 本文件为受控文件，未经许可不得复制 ended the last section's answer) — not a footnote (FOOTNOTE_MARK).
 */
function loneFurniture(page: PageText, margin: ReadonlySet<PdfLine>): Set<PdfLine> {
  const out = new Set<PdfLine>();
  const bySize = new Map<number, number>();
  for (const line of page.lines) bySize.set(Math.round(line.size), (bySize.get(Math.round(line.size)) ?? 0) + line.chars);
  const body = [...bySize].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  if (body === undefined) return out;
  const text = page.lines.filter((l) => Math.round(l.size) >= body);
  if (text.length === 0) return out;
  const top = Math.max(...text.map((l) => l.y));
  const foot = Math.min(...text.map((l) => l.y));
  for (const line of margin) {
    if (Math.round(line.size) >= body) continue;
    if (line.y > top || (line.y < foot && !FOOTNOTE_MARK.test(line.text.trim()))) out.add(line);
  }
  return out;
}

/** Remove running headers/footers (repeated on many pages) and page numbers, in place. Returns how many went. */
function dropPageFurniture(pages: PageText[]): number {
  const margins = pages.map(marginLines);
  const pagesWithKey = new Map<string, Set<number>>();
  margins.forEach((set, i) => {
    for (const line of set) {
      const key = repeatKey(line);
      let seen = pagesWithKey.get(key);
      if (seen === undefined) pagesWithKey.set(key, (seen = new Set()));
      seen.add(i);
    }
  });
  const minPages = Math.max(2, Math.ceil(REPEAT_SHARE * pages.length));
  const alone = pages.length === 1 ? pages[0] : undefined;
  const lone = alone === undefined ? new Set<PdfLine>() : loneFurniture(alone, margins[0] ?? new Set());
  let dropped = 0;
  pages.forEach((page, i) => {
    const margin = margins[i];
    if (margin === undefined || margin.size === 0) return;
    const before = page.lines.length;
    page.lines = page.lines.filter((line) => {
      if (!margin.has(line)) return true;
      if (isPageNumber(line.text) || lone.has(line)) return false;
      return (pagesWithKey.get(repeatKey(line))?.size ?? 0) < minPages;
    });
    dropped += before - page.lines.length;
  });
  return dropped;
}

// ---------------------------------------------------------------------------------------------
// Layout statistics

interface Layout {
  bodySize: number;
  /** Left margin and right edge of body text, for odd (index 1) and even (index 0) pages. */
  left: [number, number];
  right: [number, number];
  /** Usual baseline distance of body lines, as a multiple of the font size. */
  spacing: number;
  /** The first-line indent paragraphs use (distance from the left margin), when the document indents them. */
  firstIndent?: number;
}

function mostCommonSize(lines: readonly PdfLine[]): number {
  const chars = new Map<number, number>();
  for (const line of lines) chars.set(line.size, (chars.get(line.size) ?? 0) + line.chars);
  return commonestSize(chars);
}

/** The font size with the most characters (the smaller on a tie): the body text's. */
function commonestSize(charsBySize: ReadonlyMap<number, number>): number {
  let size = 0;
  let best = -1;
  for (const [s, n] of charsBySize) {
    if (n > best || (n === best && s < size)) {
      size = s;
      best = n;
    }
  }
  return size;
}

function isBodySize(size: number, bodySize: number): boolean {
  return Math.abs(size - bodySize) <= Math.max(0.6, bodySize * 0.08);
}

/** The leftmost (or rightmost) x that enough lines share, within 2 pt. */
function edge(values: number[], side: 'left' | 'right'): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => (side === 'left' ? a - b : b - a));
  const need = Math.max(2, Math.ceil(sorted.length * 0.08));
  // a margin is where most lines reach: never inside the median line (in a short document two
  // short headings ending at the same x are no right margin)
  const middle = sorted[Math.floor(sorted.length / 2)] ?? 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] ?? 0;
    if (side === 'left' ? v > middle : v < middle) break;
    let n = 0;
    for (let j = i; j < sorted.length && Math.abs((sorted[j] ?? 0) - v) <= 2; j++) n++;
    if (n >= need) return v;
  }
  // ragged text: the 90th percentile from that side
  return sorted[Math.floor(sorted.length * 0.1)];
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Each body-size line with the next one on its page, in the same column. */
function* bodyLinePairs(pages: readonly PageText[], bodySize: number): Generator<[PdfLine, PdfLine]> {
  for (const page of pages) {
    for (let i = 1; i < page.lines.length; i++) {
      const a = page.lines[i - 1];
      const b = page.lines[i];
      if (a === undefined || b === undefined || !isBodySize(a.size, bodySize) || !isBodySize(b.size, bodySize)) continue;
      if (a.column?.key === b.column?.key) yield [a, b];
    }
  }
}

function measureLayout(pages: readonly PageText[]): Layout {
  const all = pages.flatMap((p) => p.lines);
  const bodySize = mostCommonSize(all) || 12;
  const body = all.filter((l) => isBodySize(l.size, bodySize));
  const byParity = (parity: number): PdfLine[] => body.filter((l) => l.page % 2 === parity);
  const anyLeft = edge(body.map((l) => l.x), 'left') ?? 0;
  const anyRight = edge(body.map((l) => l.right), 'right') ?? anyLeft + 40 * bodySize;
  const side = (parity: number): [number, number] => {
    const lines = byParity(parity);
    if (lines.length < 10) return [anyLeft, anyRight];
    return [edge(lines.map((l) => l.x), 'left') ?? anyLeft, edge(lines.map((l) => l.right), 'right') ?? anyRight];
  };
  const even = side(0);
  const odd = side(1);
  const ratios: number[] = [];
  for (const [a, b] of bodyLinePairs(pages, bodySize)) {
    const ratio = (a.y - b.y) / bodySize;
    if (ratio > 0.8 && ratio < 4) ratios.push(ratio);
  }
  const layout: Layout = { bodySize, left: [even[0], odd[0]], right: [even[1], odd[1]], spacing: median(ratios) ?? 1.5 };
  // First-line indents: a body line indented from the margin and followed, on the same page, by a line
  // at the margin (the paragraph's second line). The most common such indent, if it is common.
  const indents = new Map<number, number>();
  let starts = 0;
  for (const [a, b] of bodyLinePairs(pages, bodySize)) {
    const ia = offset(a, layout);
    if (Math.abs(offset(b, layout)) > 0.5 * bodySize || ia < 0.8 * bodySize || ia > 6 * bodySize) continue;
    // only a paragraph's first line: it runs to the right margin and the sentence goes on
    if (a.right < rightEdge(a, layout) - 2 * bodySize || endsSentence(a.text)) continue;
    const key = Math.round(ia / (bodySize / 4)) * (bodySize / 4);
    indents.set(key, (indents.get(key) ?? 0) + 1);
    starts++;
  }
  let common = -1;
  for (const [key, n] of indents) if (n > (indents.get(common) ?? 0)) common = key;
  if ((indents.get(common) ?? 0) >= Math.max(2, starts / 2)) layout.firstIndent = common;
  return layout;
}

// ---------------------------------------------------------------------------------------------
// Lines → blocks

const BULLET = /^[•·▪●○◆◇■□►▶✓✔\-–*]\s+\S/u;

function isHeadingFont(line: PdfLine, layout: Layout): boolean {
  return line.size >= layout.bodySize * HEADING_RATIO && line.size - layout.bodySize >= 1;
}

/** Width of the next line's first word, had it been put on the previous line. */
function firstWordWidth(line: PdfLine): number {
  const charWidth = (line.right - line.x) / Math.max(1, [...line.text].length);
  const first = line.text[0];
  if (isCjk(first)) return line.size;
  const word = /^\S+/u.exec(line.text)?.[0] ?? '';
  return [...word].length * charWidth;
}

/** A paragraph's type: in a heading font (larger), in bold at body size, or body text. */
type ParagraphKind = 'large' | 'bold' | 'body';

interface Paragraph {
  lines: PdfLine[];
  kind: ParagraphKind;
}

/** The left margin a line is set against: its column's left edge, else the page's. */
function leftEdge(line: PdfLine, layout: Layout): number {
  return line.column?.left ?? layout.left[line.page % 2] ?? 0;
}

/** The right margin a line is set against: its column's right edge, else the page's. */
function rightEdge(line: PdfLine, layout: Layout): number {
  return line.column?.right ?? layout.right[line.page % 2] ?? line.right;
}

/** How far right of its left margin a line starts. */
function offset(line: PdfLine, layout: Layout): number {
  return line.x - leftEdge(line, layout);
}

/** Decide whether `cur` continues the paragraph whose last line is `prev`. */
function continues(para: Paragraph, prev: PdfLine, cur: PdfLine, layout: Layout): boolean {
  // text flows on at the top of the next page, and from the foot of one column up to the top of the
  // next: there, as across a page break, the vertical gap says nothing
  const samePage = prev.page === cur.page && !(prev.column?.key !== cur.column?.key && cur.y >= prev.y);
  const size = Math.max(prev.size, cur.size);
  if (Math.abs(prev.size - cur.size) > Math.max(0.6, 0.1 * size)) return false;
  // two lines of cells far apart are two rows of a table (or of tab-separated fields), not one wrapped line
  if (prev.cells && cur.cells) return false;
  const gap = prev.y - cur.y;
  const usual = layout.spacing * cur.size;
  if (samePage && (gap <= 0 || gap > usual + Math.max(0.4 * cur.size, 0.15 * usual))) return false;

  if (para.kind === 'large') {
    // a heading wraps only onto lines of its own font, close below it, and never onto numbering
    return samePage && !endsSentence(prev.text) && matchNumbering(cur.text) === undefined;
  }

  // Was the line break forced by the right margin? It was not when the next line's first word would
  // have fitted on the previous line.
  const prevRight = rightEdge(prev, layout);
  const room = prevRight - prev.right;
  const space = isCjk(prev.text[prev.text.length - 1]) || isCjk(cur.text[0]) ? 0 : 0.3 * cur.size;
  const forced = room <= firstWordWidth(cur) + space + 0.5 * cur.size;
  const midSentence = forced && !endsSentence(prev.text);

  const prevOffset = offset(prev, layout);
  const curOffset = offset(cur, layout);
  if (curOffset > prevOffset + 0.8 * cur.size) {
    // indented relative to the line above: a first-line indent, unless it is a hanging indent (a list
    // item's second line aligned with the item's text after its number or bullet)
    const hanging = para.lines.length === 1 && midSentence;
    if (!hanging) return false;
  }
  const indent = layout.firstIndent;
  if (
    indent !== undefined &&
    !midSentence &&
    Math.abs(prevOffset - indent) < 0.5 * cur.size &&
    Math.abs(curOffset - indent) < 0.5 * cur.size
  ) {
    // two lines at the document's first-line indent: the first was a one-line paragraph
    return false;
  }
  if ((matchNumbering(cur.text) !== undefined || BULLET.test(cur.text)) && !midSentence) return false;
  if (!forced && endsSentence(prev.text)) return false;
  // a short standalone line (a label, a caption) is a paragraph of its own
  const width = prevRight - leftEdge(prev, layout);
  if (!forced && para.lines.length === 1 && prev.right - prev.x < 0.5 * width && !/[,，、\-]$/u.test(prev.text)) return false;
  return true;
}

/** Join two wrapped lines: `joinWrapped` (which closes up `400-` / `800-1234`), except that dates and URLs broken at / close up too. */
function joinPdfLines(left: string, right: string): string {
  if (/\d\/$/u.test(left) && /^\d/u.test(right)) return left + right;
  if (/\/$/u.test(left) && /https?:\/\/\S*$/u.test(left) && /^\S/u.test(right)) return left + right;
  return joinWrapped(left, right);
}

function kindOf(line: PdfLine, layout: Layout): ParagraphKind {
  if (isHeadingFont(line, layout)) return 'large';
  // bold at body size, or a little larger: a browser's <h3> (bold, 1.17em of a page's base font, often set a
  // point or two under the body's) is no "large" heading, and was read as a paragraph of the section above
  return line.bold === true && !line.cells && (isBodySize(line.size, layout.bodySize) || line.size > layout.bodySize) ? 'bold' : 'body';
}

function linesToParagraphs(pages: readonly PageText[], layout: Layout): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let para: Paragraph | undefined;
  for (const page of pages) {
    for (const line of page.lines) {
      if (line.table !== undefined) {
        // a table is a block of its own: nothing joins it, but a table going on at the top of the next
        // page (as many columns, nothing between) is the same table
        const last = paragraphs[paragraphs.length - 1]?.lines[0];
        const rows = last?.table;
        if (para === undefined && rows !== undefined && last !== undefined && last.page + 1 === line.page && rows[0]?.length === line.table[0]?.length) {
          rows.push(...line.table);
          continue;
        }
        paragraphs.push({ lines: [line], kind: 'body' });
        para = undefined;
        continue;
      }
      const kind = kindOf(line, layout);
      const prev = para?.lines[para.lines.length - 1];
      if (para !== undefined && prev !== undefined && para.kind === kind && continues(para, prev, line, layout)) {
        para.lines.push(line);
        continue;
      }
      para = { lines: [line], kind };
      paragraphs.push(para);
    }
  }
  return paragraphs;
}

function latinOnly(text: string): boolean {
  return ![...text].some((ch) => isCjk(ch));
}

function toBlocks(paragraphs: readonly Paragraph[]): ParsedBlock[] {
  const texts = paragraphs.map((p) => p.lines.reduce((acc, l) => joinPdfLines(acc, l.text), ''));
  const isHeading = paragraphs.map((p, i) => {
    const text = texts[i] ?? '';
    const limit = latinOnly(text) ? MAX_HEADING_CHARS_LATIN : MAX_HEADING_CHARS;
    return p.kind === 'large' && [...text].length <= limit && !endsSentence(text) && !isPageNumber(text);
  });
  // a bold body-size line is a heading when it reads like one, stands alone (not one of two bold
  // lines in a row) and has body text after it
  const boldHeading = (i: number): boolean => paragraphs[i]?.kind === 'bold' && headingText(texts[i] ?? '') && !endsSentence(texts[i] ?? '') && !isPageNumber(texts[i] ?? '');
  const isBoldHeading = paragraphs.map((p, i) => boldHeading(i) && paragraphs[i + 1]?.kind === 'body' && !boldHeading(i - 1));
  // depth by size rank among the headings found: the largest font is depth 1
  const sizes: number[] = [];
  paragraphs.forEach((p, i) => {
    if (isHeading[i]) sizes.push(p.lines[0]?.size ?? 0);
  });
  const ranks = [...new Set(sizes.map((s) => Math.round(s * 2) / 2))].sort((a, b) => b - a);
  const merged: number[] = [];
  for (const s of ranks) if (merged.length === 0 || (merged[merged.length - 1] ?? 0) - s > 0.75) merged.push(s);
  const depthOf = (size: number): number => {
    const rounded = Math.round(size * 2) / 2;
    let depth = merged.length;
    for (let i = 0; i < merged.length; i++) {
      if ((merged[i] ?? 0) - rounded <= 0.75) {
        depth = i + 1;
        break;
      }
    }
    return Math.min(6, Math.max(1, depth));
  };

  const blocks: ParsedBlock[] = [];
  paragraphs.forEach((p, i) => {
    const text = (texts[i] ?? '').trim();
    const first = p.lines[0];
    if (text === '' || first === undefined) return;
    const location = { page: first.page };
    if (first.table !== undefined) blocks.push({ kind: 'table', rows: first.table, location });
    else if (isHeading[i]) blocks.push({ kind: 'heading', depth: depthOf(first.size), text, location });
    // bold body-size headings sit below every larger-font heading
    else if (isBoldHeading[i]) blocks.push({ kind: 'heading', depth: Math.min(6, merged.length + 1), text, location });
    else blocks.push({ kind: 'paragraph', text, location });
  });
  return blocks;
}

/** A table-of-contents entry: a title, dot leaders, a page number. Not content. */
const TOC_ENTRY = /(?:[.．·•…⋯]\s?){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$/u;

/** What one page of pdf.js output is: its text items (as pdf.js returns them) and its view box. */
export interface RawPage {
  /** 1-based page number. */
  page: number;
  items: readonly unknown[];
  view: readonly number[];
  /** The rectangles the page's drawing paints (user space), when it may hold a ruled table. */
  rects?: readonly Rect[];
}

/** An upright text item as a placed run (user space), or undefined. */
export function placedRun(item: unknown): PlacedRun | undefined {
  if (!isTextItem(item)) return undefined;
  const [a = 1, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
  if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0) return undefined;
  const size = Math.hypot(c, d) || item.height;
  return { text: cleanText(item.str), x, y, width: Number.isFinite(item.width) ? item.width : 0, size };
}

/**
 * The page's ruled tables taken out of its text: the page without the tables' text items, and each
 * table as a line that stands in the flow where the table's top is (`pdf-tables.ts`).
 */
function takeTables(raw: RawPage): { raw: RawPage; tables: PdfLine[] } {
  const grids = findTables(raw.rects ?? []).filter((grid) => !edgeToEdge(grid.box, raw.view));
  if (grids.length === 0) return { raw, tables: [] };
  const tables: PdfLine[] = [];
  const taken = new Set<unknown>();
  for (const grid of grids) {
    const runs: PlacedRun[] = [];
    for (const item of raw.items) {
      const run = placedRun(item);
      if (run === undefined || !inside(run, grid.box)) continue;
      taken.add(item);
      if (run.text.trim() !== '') runs.push(run);
    }
    const rows = cellText(grid, runs, joinPdfLines);
    if (rows.length === 0) continue;
    const sizes = runs.map((r) => r.size).sort((x, y) => x - y);
    const text = rows.map((r) => r.join(' | ')).join('\n');
    tables.push({ page: raw.page, text, x: grid.box.left, right: grid.box.right, y: grid.box.top, size: sizes[Math.floor(sizes.length / 2)] ?? 10, chars: text.replace(/[\s|]+/gu, '').length, fonts: new Map(), cells: true, table: rows });
  }
  return { raw: { ...raw, items: raw.items.filter((item) => !taken.has(item)) }, tables };
}

/**
 * A grid reaching both edges of the paper is a band of the page, not a table: a browser's printed
 * page (Chrome's Save as PDF, `chromium --print-to-pdf`) draws its header (date, title) and footer
 * (address, 1/3) over two full-width boxes side by side, which read as a one-row table whose
 * text then escaped the running-header check and ended answers (file:///…/policy.html | 1/3).
 * Content never reaches the paper's edges; left to the lines, the bands go as headers and footers.
 */
function edgeToEdge(box: Rect, view: readonly number[]): boolean {
  const [left = 0, , right = 0] = view;
  return right > left && box.left <= left + 1 && box.right >= right - 1;
}

/** Put each table line before the first line below its top. */
function placeTables(page: PageText, tables: readonly PdfLine[]): void {
  for (const table of tables) {
    const at = page.lines.findIndex((l) => l.column === undefined && l.y < table.y);
    if (at < 0) page.lines.push(table);
    else page.lines.splice(at, 0, table);
  }
}

/**
 * How heavy a font is, from its name (`ABCDEF+SimSun,Bold`, `Arial-BoldMT`, `NotoSansCJKsc-Black`,
 * `HiraginoSans-W6`): 400 for a regular face, 700 for bold. A Chinese 黑体 face (SimHei, Hei, 方正黑体
 * FZHT, 小标宋) with no weight in its name counts as 550: heavier than a 宋体/仿宋/楷体 body, the same as
 * a Hei body.
 */
export function fontWeight(name: string): number {
  const n = name.replace(/^[A-Z]{6}\+/u, '');
  const w = /(?:^|[-_,\s])W([1-9])(?:$|[-_,\s])/u.exec(n);
  if (w) return Number(w[1]) * 100;
  if (/black|heavy|ultra-?bold|extra-?bold|粗黑/iu.test(n)) return 800;
  if (/semi-?bold|demi-?bold/iu.test(n)) return 600;
  if (/bold|[-,_]bd$|粗/iu.test(n)) return 700;
  if (/medium|[-_]md$/iu.test(n)) return 500;
  if (/light|thin|hairline|细/iu.test(n)) return 300;
  if (/hei|黑|FZHT|FZDH|xbs|xiaobiaosong|小标宋/iu.test(n)) return 550;
  return 400;
}

/** A line is bold when nearly all its characters are in a font this much heavier than the body font. */
const BOLDER = 150;
const BOLD_SHARE = 0.9;

/** Mark the lines set in a font clearly heavier than the body text's (`fontNames`: pdf.js font id → the font's name). */
function markBold(pages: readonly PageText[], layout: Layout, fontNames: ReadonlyMap<string, string>): void {
  if (fontNames.size === 0) return;
  const bodyFonts = new Map<string, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!isBodySize(line.size, layout.bodySize)) continue;
      for (const [font, n] of line.fonts) bodyFonts.set(font, (bodyFonts.get(font) ?? 0) + n);
    }
  }
  const body = [...bodyFonts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (body === undefined) return;
  const bodyWeight = fontWeight(fontNames.get(body) ?? '');
  const heavy = (font: string): boolean => fontNames.has(font) && fontWeight(fontNames.get(font) ?? '') >= bodyWeight + BOLDER;
  for (const page of pages) {
    for (const line of page.lines) {
      let n = 0;
      for (const [font, chars] of line.fonts) if (heavy(font)) n += chars;
      line.bold = n >= BOLD_SHARE * line.chars;
    }
  }
}

/**
 * The pure core of the adapter: pages of positioned text items → blocks. Drops running headers,
 * footers, page numbers and table-of-contents entries; `chars` counts the visible characters left.
 * `fontNames` (pdf.js font id → the font's name, `BCDEEE+SimHei`) tells bold lines: without it only
 * larger fonts make headings.
 */
export function layoutPages(raw: readonly RawPage[], fontNames: ReadonlyMap<string, string> = new Map()): { blocks: ParsedBlock[]; chars: number } {
  const withTables = [...raw].sort((a, b) => a.page - b.page).map(takeTables);
  const sorted = withTables.map((t) => t.raw);
  const pages = sorted.map((p) => pageItemsToLines(p.items, p.page, p.view));
  // a page without columns is tried again at the gutters other pages have (a last page whose right
  // column holds a line or two)
  const known = pages.flatMap((p) => p.gutters);
  if (known.length > 0) {
    sorted.forEach((p, i) => {
      if ((pages[i]?.gutters.length ?? 1) > 0) return;
      const again = pageItemsToLines(p.items, p.page, p.view, known);
      if (again.gutters.length > 0) pages[i] = again;
    });
  }
  dropPageFurniture(pages);
  pages.forEach((page, i) => placeTables(page, withTables[i]?.tables ?? []));
  for (const page of pages) page.lines = page.lines.filter((line) => !TOC_ENTRY.test(line.text));
  const chars = pages.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.chars, 0), 0);
  if (chars === 0) return { blocks: [], chars };
  const layout = measureLayout(pages);
  markBold(pages, layout, fontNames);
  return { blocks: toBlocks(linesToParagraphs(pages, layout)), chars };
}

/** pdf.js's font ids used in the pages' text, each with the first page that uses it. */
export function fontsInText(pages: readonly RawPage[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const page of pages) {
    for (const item of page.items) {
      const font = isTextItem(item) && typeof item.fontName === 'string' ? item.fontName : undefined;
      if (font !== undefined && !out.has(font)) out.set(font, page.page);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Metadata

/** A metadata Title worth showing: not empty, not a file name, not an editor's placeholder. */
export function meaningfulTitle(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let t = cleanText(raw).replace(/\s+/gu, ' ').trim();
  t = t.replace(/^Microsoft (Word|PowerPoint|Excel)\s*-\s*/iu, '');
  if (/\.(docx?|wps|pdf|rtf|txt|xlsx?|pptx?|odt|pages|indd|tex|html?|md)$/iu.test(t)) return undefined;
  if (/^(untitled|无标题|無標題|新建\s*(microsoft\s*)?(word|wps)?\s*文档|文档\s*\d*|document\s*\d*|title|标题|unknown|none|null)$/iu.test(t)) return undefined;
  if ((t.match(/[\p{L}\p{N}]/gu) ?? []).length < 2) return undefined;
  return t;
}
