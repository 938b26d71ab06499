/**
 * Multi-column pages: where a PDF page sets its text in columns, so that the adapter can read the
 * left column top to bottom before the right one instead of joining them line by line.
 *
 * Pure geometry over one page's rows (text runs grouped by baseline, top to bottom). The rule:
 *
 * 1. **A gutter** is an x-range at least one body-font em wide, inside the page's text (not at its
 *    left or right edge), that no text run of a stretch of consecutive rows touches. Stretches are
 *    grown greedily from the top: a row that crosses every gutter found so far (a title or an
 *    introduction set across the page, a centred page number, a heading across both columns) ends
 *    the stretch and stays where it is, above or below the columns. (Rows need not hold text in
 *    every column: where a heading shifts one column's baselines, rows alternate between columns.)
 * 2. **A band of columns** is such a stretch whose gutters cut it into 2–4 columns that each look
 *    like running text: at least 3 lines, at least 8 em wide, and at least half of the lines filling
 *    70% or more of the column's width (wrapped text reaches the column's right edge; a table's
 *    cells mostly do not).
 * 3. **Unless it is a table**: a table's cells start together, row by row, so the blocks of its
 *    columns (a line after a gap 1.3× the usual line spacing or more starts a block) begin on the
 *    same baselines. When at least 2 block starts below the first row, and at least 60% of them,
 *    line up across every pair of neighbouring columns, the band is a table and is read across as
 *    before; no part of it is tried as columns again. Two text columns break paragraphs where
 *    their text happens to end, which almost never lines up twice.
 * 4. **A gap across the band**: a short left-aligned line below the columns (a one-line note) or
 *    between two bands of columns (a heading) touches no gutter, so the band would run on through
 *    it. A vertical gap of more than two line steps in every column at once (a blank line across the
 *    page) ends the band there, when the rows above it are columns by themselves; what follows is
 *    tried afresh (a new band, or lines across the page).
 *
 * 5. **A short last column**: a document's last page often ends with a right column of one or two
 *    lines. When the gutters of a stretch are where gutters of other pages of the document were
 *    (`known`, within one em), a column needs only one line, as long as another holds at least 3.
 *
 * A band is read column by column, left to right; bands and the rows between them stay in page order.
 */

/** The horizontal extent of one text run. */
export interface ColumnBox {
  x: number;
  right: number;
}

/** One row: the runs on one baseline, `y` larger higher on the page. */
export interface ColumnRow {
  y: number;
  boxes: readonly ColumnBox[];
}

/** Rows `first`…`last` (inclusive) are set in columns separated by `gutters` (x-ranges, left to right). */
export interface ColumnBand {
  first: number;
  last: number;
  gutters: [number, number][];
}

/** A gutter is at least this many body-font ems wide. */
const MIN_GUTTER_EMS = 1;
/** A column of text is at least this many ems wide … */
const MIN_COLUMN_EMS = 8;
/** … has at least this many lines … */
const MIN_COLUMN_LINES = 3;
/** … and at least this share of them fill this share of its width. */
const MIN_FULL_SHARE = 0.5;
const FULL_LINE = 0.7;
/** More columns than this is a table. */
const MAX_COLUMNS = 4;
/** A line this much further below the previous one than the usual line spacing starts a block. */
const BLOCK_GAP = 1.3;
/** Block starts at least this many, and this share, aligned across columns make a table. */
const TABLE_MIN_ALIGNED = 2;
const TABLE_ALIGNED_SHARE = 0.6;
/** A gap across every column of a band this many line steps high ends the band. */
const BREAK_GAP = 2;

/** Which column of the band an x position (a run's centre) is in. */
export function columnOf(band: ColumnBand, x: number): number {
  let c = 0;
  for (const [start, end] of band.gutters) if (x > (start + end) / 2) c++;
  return c;
}

/** Free stretches of `free` (1 = no text) at least `min` bins long; `inside`: only those touching neither end. */
function gutters(free: Uint8Array, min: number, inside = true): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= free.length; i++) {
    if (i < free.length && free[i] === 1) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= min && (!inside || (start > 0 && i < free.length))) out.push([start, i]);
    start = -1;
  }
  return out;
}

interface Piece {
  y: number;
  x: number;
  right: number;
}

/**
 * The rows of a band cut at `cuts` as columns of running text (rules 2 and 3 above), with the usual
 * line spacing; undefined when they are not.
 */
function textColumns(rows: readonly ColumnRow[], cuts: readonly [number, number][], bodySize: number, known = false): { columns: Piece[][]; usual: number } | 'table' | undefined {
  const band: ColumnBand = { first: 0, last: rows.length - 1, gutters: [...cuts] };
  const columns: Piece[][] = cuts.map(() => []);
  columns.push([]);
  for (const row of rows) {
    const parts = new Map<number, Piece>();
    for (const box of row.boxes) {
      const c = columnOf(band, (box.x + box.right) / 2);
      const part = parts.get(c);
      if (part === undefined) parts.set(c, { y: row.y, x: box.x, right: box.right });
      else {
        part.x = Math.min(part.x, box.x);
        part.right = Math.max(part.right, box.right);
      }
    }
    for (const [c, part] of parts) columns[c]?.push(part);
  }
  const steps: number[] = [];
  // rule 5: at a gutter other pages had, one column may be short, not all
  if (known && !columns.some((column) => column.length >= MIN_COLUMN_LINES)) return undefined;
  for (const column of columns) {
    if (column.length < (known ? 1 : MIN_COLUMN_LINES)) return undefined;
    const left = Math.min(...column.map((p) => p.x));
    const width = Math.max(...column.map((p) => p.right)) - left;
    if (width < MIN_COLUMN_EMS * bodySize) return undefined;
    const full = column.filter((p) => p.right - p.x >= FULL_LINE * width).length;
    if (full < MIN_FULL_SHARE * column.length) return undefined;
    for (let i = 1; i < column.length; i++) steps.push((column[i - 1]?.y ?? 0) - (column[i]?.y ?? 0));
  }
  // rule 3: block starts aligned across neighbouring columns make a table
  // the usual line spacing: the lower quartile of the steps (in a table with short cells, the steps
  // between rows are as many as those inside cells, so the median would be a row step)
  steps.sort((a, b) => a - b);
  const usual = steps[Math.floor(steps.length / 4)] ?? bodySize;
  const starts = columns.map((column) => column.filter((p, i) => i > 0 && (column[i - 1]?.y ?? 0) - p.y > BLOCK_GAP * usual).map((p) => p.y));
  let table = true;
  for (let c = 1; c < starts.length; c++) {
    const a = starts[c - 1] ?? [];
    const b = starts[c] ?? [];
    const aligned = a.filter((y) => b.some((z) => Math.abs(y - z) <= 0.25 * bodySize)).length;
    if (aligned < TABLE_MIN_ALIGNED || aligned < TABLE_ALIGNED_SHARE * Math.min(a.length, b.length)) table = false;
  }
  return table ? 'table' : { columns, usual };
}

/** Whether every cut lies where one of the `known` gutters (of other pages) was, within `tolerance`. */
function atKnownGutters(cuts: readonly [number, number][], known: readonly [number, number][], tolerance: number): boolean {
  const centre = ([a, b]: readonly [number, number]): number => (a + b) / 2;
  return known.length > 0 && cuts.every((cut) => known.some((k) => Math.abs(centre(cut) - centre(k)) <= tolerance));
}

/**
 * The bands of a page's rows (top to bottom) that are set in columns. `bodySize` is the page's body
 * font size; `known` the gutters found on the document's other pages (rule 5).
 */
export function findColumnBands(rows: readonly ColumnRow[], bodySize: number, known: readonly [number, number][] = []): ColumnBand[] {
  if (rows.length < MIN_COLUMN_LINES || !(bodySize > 0)) return [];
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    for (const box of row.boxes) {
      left = Math.min(left, box.x);
      right = Math.max(right, box.right);
    }
  }
  const minGutter = Math.max(4, MIN_GUTTER_EMS * bodySize);
  if (!(right - left >= 2 * MIN_COLUMN_EMS * bodySize + minGutter)) return [];
  // 1-pt bins across the page's text: covered[row][bin] is 1 where a run of that row has text
  const bins = Math.ceil(right - left) + 1;
  const covered = rows.map((row) => {
    const bits = new Uint8Array(bins);
    for (const box of row.boxes) {
      const from = Math.max(0, Math.floor(box.x - left));
      const to = Math.min(bins - 1, Math.ceil(box.right - left));
      for (let b = from; b <= to; b++) bits[b] = 1;
    }
    return bits;
  });
  const freeAfter = (free: Uint8Array, row: number): Uint8Array => {
    const bits = covered[row];
    const out = new Uint8Array(bins);
    for (let b = 0; b < bins; b++) out[b] = free[b] === 1 && bits?.[b] !== 1 ? 1 : 0;
    return out;
  };

  const bands: ColumnBand[] = [];
  let i = 0;
  while (i < rows.length) {
    let free = freeAfter(new Uint8Array(bins).fill(1), i);
    // a row with text in one column only leaves the page free up to an edge: the gutter shows once
    // rows of the other column are added, so grow while some free stretch is left until a gutter
    // appears, and then while one is left
    let j = i;
    while (j + 1 < rows.length) {
      const next = freeAfter(free, j + 1);
      const grows = gutters(next, minGutter).length > 0 || (gutters(free, minGutter).length === 0 && gutters(next, minGutter, false).length > 0);
      if (!grows) break;
      free = next;
      j++;
    }
    const cuts = gutters(free, minGutter).map(([a, b]): [number, number] => [left + a, left + b]);
    const atKnown = atKnownGutters(cuts, known, bodySize);
    const found = j - i + 1 >= MIN_COLUMN_LINES && cuts.length > 0 && cuts.length < MAX_COLUMNS ? textColumns(rows.slice(i, j + 1), cuts, bodySize, atKnown) : undefined;
    if (found === 'table') {
      // no part of a table is columns either
      i = j + 1;
      continue;
    }
    if (found === undefined) {
      i++;
      continue;
    }
    // rule 4: a gap across the whole band (in every column at once) ends it, when what is above the
    // gap is columns by itself
    for (let k = i + 1; k <= j; k++) {
      if ((rows[k - 1]?.y ?? 0) - (rows[k]?.y ?? 0) <= BREAK_GAP * found.usual) continue;
      const head = textColumns(rows.slice(i, k), cuts, bodySize, atKnown);
      if (head !== undefined && head !== 'table') {
        j = k - 1;
        break;
      }
    }
    bands.push({ first: i, last: j, gutters: cuts });
    i = j + 1;
  }
  return bands;
}
