/**
 * What the review screen shows, as plain lines of exact display width: pure functions the
 * components draw, so that Chinese double-width text lines up and tests can read the screen.
 */
import { isEdited, type Entry, type EntryStatus } from '../store/entry.js';
import type { SourceNow } from './source-now.js';
import { helpKeyLines } from './keys.js';
import { breakAllowed, displayWidth, fit, head, headRoom, oneLine, truncate, wrap, wrapLines } from './width.js';

export type Color = 'green' | 'red' | 'yellow' | 'cyan' | 'magenta' | 'gray';

export interface Line {
  text: string;
  color?: Color;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

export const STATUS_MARK: Record<EntryStatus, { mark: string; color: Color }> = {
  pending: { mark: '•', color: 'yellow' },
  approved: { mark: '✓', color: 'green' },
  rejected: { mark: '✗', color: 'red' },
};

/** The smallest terminal the review screen is drawn in (docs/review.md: 80×24 or larger). */
export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

/** Below the supported size: the one line shown instead of the screen; undefined when it fits. */
export function tooSmallNotice(columns: number, rows: number, editing = false): string | undefined {
  if (columns >= MIN_COLUMNS && rows >= MIN_ROWS) return undefined;
  const needs = `kb review needs a terminal of at least ${MIN_COLUMNS}×${MIN_ROWS} (this one is ${columns}×${rows})`;
  // q would be typed into the edit box the editor cannot see, or quit and lose it: neither
  return editing ? `${needs}; enlarge it to go on with your edit (Ctrl-C quits without it)` : `${needs}; enlarge it, or press q to quit`;
}

/** The list pane's width for a screen width: 40 % of it, 24 to 44 columns. */
export function listWidth(columns: number): number {
  return Math.max(24, Math.min(44, Math.floor(columns * 0.4)));
}

/** The first row the list shows so that the selected row is in view (kept near the middle). */
export function listWindow(count: number, selectedIndex: number, height: number): number {
  if (count <= height || selectedIndex < 0) return 0;
  return Math.max(0, Math.min(count - height, selectedIndex - Math.floor(height / 2)));
}

export interface ListRow {
  id: string;
  /** Status mark, one column. */
  mark: string;
  markColor: Color;
  /** The rest of the row, exactly width-2 columns. */
  text: string;
  selected: boolean;
  stale: boolean;
}

export function listRows(entries: readonly Entry[], selected: string | undefined, height: number, width: number): ListRow[] {
  const index = entries.findIndex((e) => e.id === selected);
  const start = listWindow(entries.length, index, height);
  return entries.slice(start, start + height).map((e) => {
    const status = STATUS_MARK[e.status];
    const flag = e.stale !== undefined ? '!' : (e.suggested ?? []).length > 0 ? '?' : isEdited(e) ? '✎' : ' ';
    return { id: e.id, mark: status.mark, markColor: status.color, text: fit(`${flag}${e.question}`, width - 2), selected: e.id === selected, stale: e.stale !== undefined };
  });
}

/**
 * The list pane: its rows and, when not every entry fits, a last line that says how many more
 * there are above and below (`↑ 12 more  ↓ 40 more`), so a list cut at the pane's foot does not
 * read as the whole list.
 */
export function listPane(entries: readonly Entry[], selected: string | undefined, height: number, width: number): { rows: ListRow[]; more: string | undefined } {
  if (entries.length <= height) return { rows: listRows(entries, selected, height, width), more: undefined };
  const shown = Math.max(1, height - 1);
  const start = listWindow(entries.length, entries.findIndex((e) => e.id === selected), shown);
  const below = Math.max(0, entries.length - start - shown);
  const parts = [start > 0 ? `↑ ${start} more` : '', below > 0 ? `↓ ${below} more` : ''].filter((p) => p !== '');
  return { rows: listRows(entries, selected, shown, width), more: fit(` ${parts.join('  ')}`, width - 1) };
}

const STALE_TEXT = { 'source-changed': 'source changed: review again', 'source-missing': 'source gone: not indexed (r rejects it; docs/store.md to keep it)' } as const;

/** The source line: file › heading › heading · p.N */
export function sourceText(e: Entry): string | undefined {
  const parts = sourceParts(e);
  return parts === undefined ? undefined : parts.join(' › ');
}

/** The source's file and headings, the page after the last (`… › 故障排除 · p.1`). */
function sourceParts(e: Entry): string[] | undefined {
  if (e.source === undefined) return undefined;
  const parts = [e.source.path, ...e.source.headingPath];
  if (e.source.page !== undefined) parts.push(`${parts.pop() ?? ''} · p.${e.source.page}`);
  return parts;
}

/**
 * `Source  file › heading › heading` in at most `maxLines` lines that break between the path's parts,
 * the next line under the first part (`Source  sources/保修政策.docx ›` / `        第二条 保修期限`), not inside a
 * heading (`第二条 保修期` / `限`, before 2026-11-27); a part wider than a line wraps as text does.
 */
export function sourcePathLines(e: Entry, width: number, maxLines: number): string[] {
  const parts = sourceParts(e);
  if (parts === undefined) return [];
  const label = 'Source  ';
  const indent = ' '.repeat(label.length);
  const lines: string[] = [];
  let line = label;
  parts.forEach((part, i) => {
    const piece = i < parts.length - 1 ? `${part} ›` : part;
    const fresh = line === label || line === indent;
    const joined = fresh ? `${line}${piece}` : `${line} ${piece}`;
    if (fresh || displayWidth(joined) <= width) line = joined;
    else {
      lines.push(line);
      line = `${indent}${piece}`;
    }
  });
  lines.push(line);
  if (lines.some((l) => displayWidth(l) > width)) return wrap(`${label}${parts.join(' › ')}`, width, maxLines);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = truncate(`${kept[maxLines - 1] ?? ''} …`, width);
  return kept;
}

/** A window of `max` items that keeps `selected` in view. */
function itemWindow<T>(items: readonly T[], selected: number, max: number): { start: number; shown: readonly T[] } {
  if (items.length <= max) return { start: 0, shown: items };
  const start = Math.max(0, Math.min(items.length - max, selected - Math.floor(max / 2)));
  return { start, shown: items.slice(start, start + max) };
}

/** What the pane writes after a similar question that is the section's place (`退货政策 / 四、退货流程`). */
export const SECTION_PATH_NOTE = '  (the section’s place: helps search)';

/**
 * Is this similar question the entry's section path (`title / chapter / heading`, rule
 * `heading-path`), which kb generate adds so that a question naming the section finds it? An
 * editor sees it among the similar questions; it is not a way of asking, and is marked so.
 */
export function isSectionPath(e: Entry, question: string): boolean {
  const last = e.source?.headingPath.at(-1);
  return e.origin === 'generated' && last !== undefined && question.includes(' / ') && question.endsWith(` / ${last}`);
}

/** What the pane writes after a similar question kb wrote for a FAQ row (Entry.generatedSimilar). */
export const KB_SIMILAR_NOTE = '  (kb wrote it: y accepts)';

/** The note after a similar question in the detail pane: the section's place, or kb's question on a row of the team's. */
function similarNote(e: Entry, question: string): { note: string; dim: boolean } {
  if (isSectionPath(e, question)) return { note: SECTION_PATH_NOTE, dim: true };
  if ((e.generatedSimilar ?? []).includes(question)) return { note: KB_SIMILAR_NOTE, dim: true };
  return { note: '', dim: false };
}

/**
 * The detail pane of an entry: id and state, question, similar and suggested questions (the
 * selected one inverse), source, notes (two lines at most, five for an entry without an answer; `v` shows all), and the answer (the section's text for generated entries) in the
 * lines left. Exactly `height` lines or fewer, each at most `width` columns.
 */
export function detailLines(e: Entry | undefined, item: number, width: number, height: number, now?: SourceNow): Line[] {
  if (e === undefined) return [{ text: 'No entry matches the filter. Esc clears it.', dim: true }];
  const lines: Line[] = [];
  const status = STATUS_MARK[e.status];
  const meta = [e.id, e.origin, e.status, ...(isEdited(e) ? ['edited'] : [])].join(' · ');
  lines.push({ text: truncate(meta, width), color: status.color });
  if (e.stale !== undefined) lines.push({ text: truncate(`! ${STALE_TEXT[e.stale]}`, width), color: 'magenta', bold: true });
  const changed = sourceNowLines(e, now, width, 3);
  lines.push(...changed);
  const questionLine = lines.length;
  for (const l of wrap(e.question, width - 3, 3)) lines.push({ text: `${lines.length === questionLine ? 'Q  ' : '   '}${l}`, bold: true });

  const suggested = e.suggested ?? [];
  const reserveForAnswer = 4;
  const sourceLines = sourcePathLines(e, width, 2);
  // a note says why the entry is here (kb gaps: how often customers asked, the nearest entry)
  // (five lines for a draft without an answer: its note names the nearest entry, and there is no answer to show)
  const noteLines = e.notes === undefined || e.notes.trim() === '' ? [] : wrap(`Notes  ${oneLine(head(e.notes, headRoom(5, width)))}`, width, e.answer.trim() === '' ? 5 : 2);
  const room = Math.max(2, height - lines.length - sourceLines.length - noteLines.length - reserveForAnswer - 1 - (suggested.length > 0 ? 1 : 0));
  const suggestedRoom = suggested.length > 0 ? Math.min(suggested.length, Math.max(1, Math.floor(room / 3))) : 0;
  const similarRoom = Math.max(1, room - suggestedRoom);

  const sim = itemWindow(e.similar, item, similarRoom);
  // (a list cut to the pane says which part it shows: at 80×24 questions 12 and 13 of 13 were out of sight, unsaid)
  const cut = sim.shown.length < e.similar.length ? `: ${sim.start + 1}–${sim.start + sim.shown.length} shown, Tab scrolls, v shows all` : '';
  lines.push({ text: truncate(`Similar questions (${e.similar.length})${e.similar.length === 0 ? ': s adds one, g generates' : cut}`, width), color: 'cyan' });
  sim.shown.forEach((q, i) => {
    const n = sim.start + i;
    const { note, dim } = similarNote(e, q);
    const text = fit(`${String(n + 1).padStart(2)} ${q}${note}`, width);
    lines.push(n === item ? { text, inverse: true } : dim ? { text, dim: true } : { text });
  });
  if (suggested.length > 0) {
    lines.push({ text: truncate(`Suggested (${suggested.length}): Tab selects, y accepts, d dismisses`, width), color: 'yellow' });
    const sug = itemWindow(suggested, item - e.similar.length, suggestedRoom);
    sug.shown.forEach((q, i) => {
      const n = e.similar.length + sug.start + i;
      const text = fit(` ? ${q}`, width);
      lines.push(n === item ? { text, inverse: true } : { text, color: 'yellow' });
    });
  }
  for (const l of sourceLines) lines.push({ text: l, dim: true });
  for (const l of noteLines) lines.push({ text: l, dim: true });
  const answerRoom = height - lines.length - 1;
  if (answerRoom >= 1) {
    // the lines the pane has left, and one more to tell whether there is more (never the whole answer)
    const answer = wrap(e.answer === '' ? '(empty)' : e.answer, width, answerRoom + 1);
    lines.push({ text: `${changed.length > 0 ? 'Your answer' : 'Answer'} (${e.answer.length} chars)${answer.length > answerRoom ? ': v shows all' : ''}`, color: 'cyan' });
    for (const l of wrap(e.answer === '' ? '(empty)' : e.answer, width, answerRoom)) lines.push({ text: l });
  }
  return lines.slice(0, height);
}

/** The keys line for a mode. */
/** What the list's key line depends on: a similar or suggested question selected (Tab), filters on. */
export interface HintContext {
  selected?: 'similar' | 'suggested';
  filtered?: boolean;
}

// the list's keys, most needed first: as many as the width takes are shown (at 80 columns up to
// "/ find"; v and g are named where they help too: "v shows all" over a long answer, "g generates"
// over no similar questions), then "? q"
const LIST_HINTS = ['a approve', 'r reject', 'e/E edit', 's add', 'Tab sel', 'd del', 'u undo', 'n next', 't try', '/ find', 'v view', 'g regen', 'm merge', 'f status', 'o origin', '! stale', 'S suggested', 'p pending'];
const SELECTED_HINTS = { similar: ['d delete', 'Tab next', 'Esc unselect'], suggested: ['y accept', 'd dismiss', 'Tab next', 'Esc unselect'] } as const;

/** The list's key line: the keys that fit `width`, those of the selected question first, and how to clear filters when some are on. */
function listHints(width: number, context: HintContext): string {
  const end = '? q';
  const first: string[] = context.selected !== undefined ? [...SELECTED_HINTS[context.selected]] : context.filtered === true ? ['Esc show all'] : [];
  const rest = context.selected !== undefined ? LIST_HINTS.filter((h) => h !== 'Tab sel' && h !== 'd del') : LIST_HINTS;
  const shown: string[] = [];
  let used = displayWidth(end);
  for (const hint of [...first, ...rest]) {
    const w = displayWidth(hint) + 1;
    if (used + w > width) break;
    shown.push(hint);
    used += w;
  }
  return [...shown, end].join(' ');
}

/** The key line under the screen, for what the editor is doing (`context`: the list's selection and filters). */
export function keyHints(kind: 'list' | 'edit-line' | 'edit-filter' | 'edit-similar' | 'edit-answer' | 'try' | 'merge' | 'help' | 'view', width: number, context: HintContext = {}): string {
  if (kind === 'list') return listHints(width, context);
  const hints = {
    'edit-line': 'Enter save  Esc cancel  ←→ move  Ctrl-A/E start/end  Ctrl-U clear',
    'edit-filter': 'Enter filter  Esc cancel  ←→ move  Ctrl-A/E start/end  Ctrl-U clear',
    'edit-similar': 'Enter add  Esc cancel  ←→ move  Ctrl-A/E start/end  Ctrl-U clear',
    'edit-answer': 'Ctrl-S save  Esc cancel  Enter new line  ←→↑↓ move',
    try: 'type a customer question  ↓↑ pick a hit  Enter go to it  Esc back',
    merge: 'type words or an id  ↑↓ pick  Enter merge  Esc cancel',
    help: 'any key: back to the list  q quit',
    view: '↑↓ PgUp PgDn Space Home End scroll  Esc back',
  } as const;
  return truncate(hints[kind], width);
}

/** Pad a line to exactly `width` columns. */
export function padLine(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** The help screen (`?`): every key of the key table (keys.ts), then what the list's marks mean. */
export const HELP_LINES: readonly string[] = [
  'Every change is saved to the store at once: there is no save step.',
  ...helpKeyLines(),
  'List: ✓ approved ✗ rejected • pending ! source changed ? suggested ✎ edited',
];

/**
 * Where a row may end before grapheme `i`: after a space, or next to a wide (CJK) character —
 * but not before ，。、 or a closing bracket, nor after an opening one (breakAllowed).
 */
function breakBefore(graphemes: readonly string[], i: number): boolean {
  const prev = graphemes[i - 1];
  const next = graphemes[i];
  if (prev === undefined || next === undefined) return false;
  if (/^\s+$/u.test(prev)) return true;
  return (displayWidth(prev) > 1 || displayWidth(next) > 1) && breakAllowed(prev, next);
}

/**
 * Where each row of one line starts (grapheme indices): rows of at most `width - 1` columns (one
 * stays free for the cursor), broken at spaces in Latin text and anywhere between wide (Chinese,
 * Japanese, Korean) characters; a word wider than a row is cut. A space that ends a row may take
 * the free column.
 */
export function rowStarts(graphemes: readonly string[], width: number): number[] {
  const starts = [0];
  let start = 0;
  let used = 0;
  graphemes.forEach((g, i) => {
    const w = displayWidth(g);
    const hangs = /^\s+$/u.test(g) && used + w <= width && i < graphemes.length - 1;
    if (used + w > width - 1 && i > start && !hangs) {
      let at = i;
      while (at > start && !breakBefore(graphemes, at)) at--;
      if (at === start) at = i;
      starts.push(at);
      start = at;
      used = graphemes.slice(at, i).reduce((n, x) => n + displayWidth(x), 0);
    }
    used += w;
  });
  return starts;
}

export interface EditorRow {
  before: string;
  /** The character under the cursor (a space at the end of a line), or undefined on other rows. */
  at: string | undefined;
  after: string;
}

/**
 * The rows of an edit buffer wrapped to `width` columns (`rowStarts`: at spaces, or between
 * Chinese characters; the cursor column stays exact), the window of `height` rows that shows the
 * cursor.
 */
export function editorRows(lines: readonly (readonly string[])[], cursorLine: number, cursorColumn: number, width: number, height: number): EditorRow[] {
  const rows: EditorRow[] = [];
  let cursorRow = 0;
  lines.forEach((graphemes, l) => {
    const starts = rowStarts(graphemes, width);
    starts.forEach((start, r) => {
      const last = r === starts.length - 1;
      const end = last ? graphemes.length : (starts[r + 1] as number);
      const row = graphemes.slice(start, end);
      const onRow = l === cursorLine && cursorColumn >= start && (cursorColumn < end || (last && cursorColumn === end));
      if (onRow) {
        cursorRow = rows.length;
        const i = cursorColumn - start;
        rows.push({ before: row.slice(0, i).join(''), at: row[i] ?? ' ', after: row.slice(i + 1).join('') });
      } else rows.push({ before: row.join(''), at: undefined, after: '' });
    });
  });
  const first = Math.max(0, Math.min(rows.length - height, cursorRow - Math.floor(height / 2)));
  return rows.slice(first, first + height);
}

/**
 * The source's new text under "source changed" when the answer shown is the editor's (kb generate
 * kept it): at most `max` lines of it, ending in `…` when cut. None when the texts are the same.
 */
function sourceNowLines(e: Entry, now: SourceNow | undefined, width: number, max: number): Line[] {
  if (now === undefined || now.answer === e.answer) return [];
  const text = wrap(now.answer === '' ? '(empty)' : now.answer, width - 2, max);
  return [{ text: truncate('The source now says (your answer is kept):', width), color: 'magenta' }, ...text.map((l) => ({ text: `  ${l}`, color: 'magenta' as const }))];
}

/**
 * The full view's scroll offset for End: offsets above FROM_END count lines from the end
 * (`END - offset`), so that End on a long answer shows its last page without wrapping the rest.
 */
export const END = Number.MAX_SAFE_INTEGER;
export const FROM_END = END / 2;

/** A long text is wrapped in pieces of at most this many characters, each when it is first scrolled to. */
export const PIECE = 2000;

/**
 * `text` cut in pieces of at most PIECE characters: after its last line break, else at its last
 * space, else anywhere (never inside a surrogate pair). A paragraph longer than a piece gets a
 * line break where it is cut.
 */
export function pieces(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  while (text.length - from > PIECE) {
    const window = text.slice(from, from + PIECE);
    const nl = window.lastIndexOf('\n');
    const space = window.lastIndexOf(' ');
    const at = nl >= 0 ? nl : space > PIECE / 2 ? space : -1;
    if (at >= 0) {
      out.push(window.slice(0, at));
      from += at + 1;
    } else {
      const piece = head(window, PIECE - 1);
      out.push(piece);
      from += piece.length;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** What the full view shows: `height` lines from `offset`, and the largest offset once every line is known. */
export interface FullView {
  window(offset: number, height: number): { lines: Line[]; max: number | undefined };
}

/** Below this many characters the full view wraps the whole entry at once (and knows its length). */
const WRAP_AT_ONCE = 50_000;

/**
 * The whole entry for the full view (`v`), the source's new text after the answer when `now` is
 * given. Long texts (an answer of millions of characters) are wrapped piece by piece as they are
 * scrolled to: a window costs the pieces it shows, and End wraps from the end.
 */
export function fullView(e: Entry, width: number, now?: SourceNow): FullView {
  const blocks: { lines?: Line[]; make: () => Line[] }[] = [];
  let size = 0;
  const line = (l: Line): void => {
    blocks.push({ lines: [l], make: () => [l] });
  };
  const text = (t: string, style: Omit<Line, 'text'> = {}, prefix = ''): void => {
    size += t.length;
    pieces(t).forEach((piece, i) => blocks.push({ make: () => wrap(i === 0 ? `${prefix}${piece}` : piece, width).map((l) => ({ text: l, ...style })) }));
  };
  const status = STATUS_MARK[e.status];
  line({ text: truncate([e.id, e.origin, e.status, ...(isEdited(e) ? ['edited'] : []), ...(e.rule !== undefined ? [`rule ${e.rule}`] : [])].join(' · '), width), color: status.color });
  if (e.stale !== undefined) line({ text: `! ${STALE_TEXT[e.stale]}`, color: 'magenta', bold: true });
  text(e.question, { bold: true }, 'Q  ');
  line({ text: `Similar questions (${e.similar.length})`, color: 'cyan' });
  e.similar.forEach((q, i) => {
    const { note, dim } = similarNote(e, q);
    text(`${String(i + 1).padStart(2)} ${oneLine(q)}${note}`, dim ? { dim: true } : {});
  });
  if ((e.suggested ?? []).length > 0) {
    line({ text: `Suggested (${e.suggested?.length ?? 0})`, color: 'yellow' });
    for (const q of e.suggested ?? []) text(` ? ${oneLine(q)}`, { color: 'yellow' });
  }
  const source = sourceText(e);
  if (source !== undefined) text(`Source  ${source}`, { dim: true });
  if (e.tags !== undefined && e.tags.length > 0) line({ text: truncate(`Tags  ${e.tags.join(', ')}`, width), dim: true });
  if (e.notes !== undefined) text(e.notes, { dim: true }, 'Notes  ');
  const changed = now !== undefined && now.answer !== e.answer;
  line({ text: `${changed ? 'Your answer' : 'Answer'} (${e.answer.length} chars)`, color: 'cyan' });
  text(e.answer === '' ? '(empty)' : e.answer);
  if (changed) {
    line({ text: truncate('The source now says (your answer is kept):', width), color: 'magenta' });
    size += now.answer.length;
    pieces(now.answer === '' ? '(empty)' : now.answer).forEach((piece) => blocks.push({ make: () => wrap(piece, width - 2).map((l) => ({ text: `  ${l}`, color: 'magenta' as const })) }));
  }

  const linesOf = (b: { lines?: Line[]; make: () => Line[] }): Line[] => (b.lines ??= b.make());
  const total = (): number | undefined => (blocks.every((b) => b.lines !== undefined) ? blocks.reduce((n, b) => n + (b.lines?.length ?? 0), 0) : undefined);
  if (size <= WRAP_AT_ONCE) blocks.forEach(linesOf);
  return {
    window(offset, height) {
      let count = total();
      if (offset > FROM_END && count === undefined) {
        // End: the last lines, wrapping pieces from the end until the window is full
        const back = END - Math.min(offset, END);
        const tail: Line[] = [];
        for (let b = blocks.length - 1; b >= 0 && tail.length < back + height; b--) tail.unshift(...linesOf(blocks[b] as (typeof blocks)[number]));
        count = total();
        if (count === undefined) return { lines: tail.slice(Math.max(0, tail.length - back - height), tail.length - back), max: undefined };
      }
      const top = offset > FROM_END ? Math.max(0, (count ?? 0) - height - (END - Math.min(offset, END))) : offset;
      const lines: Line[] = [];
      let skip = top;
      for (const b of blocks) {
        if (lines.length >= height) break;
        const ls = linesOf(b);
        if (skip >= ls.length) {
          skip -= ls.length;
          continue;
        }
        lines.push(...ls.slice(skip, skip + height - lines.length));
        skip = 0;
      }
      count = total();
      return { lines, max: count === undefined ? undefined : Math.max(0, count - height) };
    },
  };
}

/** Every line of the full view (`fullView`) at once: for a short entry. */
export function fullEntryLines(e: Entry, width: number, now?: SourceNow): Line[] {
  return fullView(e, width, now).window(0, Number.MAX_SAFE_INTEGER).lines;
}

/** The status line: one line, or two for a message wider than the screen (wrapped, `…` past the second). */
export function messageLines(message: string | undefined, width: number): string[] {
  if (message === undefined || message === '') return [' '];
  const flat = oneLine(message);
  if (displayWidth(flat) <= width) return [flat];
  return wrap(flat, width, 2).map((line) => truncate(line, width) || ' ');
}
