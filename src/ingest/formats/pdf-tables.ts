/**
 * Ruled tables of a PDF page, from the rectangles its drawing paints (a product manual's 故障排除 or
 * 规格参数 table exported from Word or WPS: one stroked rectangle per cell). Pure: `pathRectangles`
 * reads pdf.js's operator list as plain arrays; `findTables` groups the cells into grids; `cellText`
 * fills them with the page's text. A cell that spans several rows (a symptom over its causes) is
 * read in its first row and left empty in the others, as Word's vertical merge reads.
 */

/** An axis-aligned rectangle in the page's user space (y up). */
export interface Rect {
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/** A ruled table: its box, and its cells' rectangles with the row and column each starts in. */
export interface PdfTable {
  box: Rect;
  rows: number;
  columns: number;
  cells: { rect: Rect; row: number; column: number }[];
}

/** The operator ids of pdf.js this module reads (`pdfjs.OPS`). */
export interface PathOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Cells smaller than this (points) are rules or dots, not cells. */
const MIN_CELL = 6;
/** Edges closer than this (points) are the same edge. */
const SNAP = 2;

/**
 * The rectangles a page's paths draw (closed four-point paths with axis-aligned sides: pdf.js
 * turns `re` into one), in user space. `fnArray` / `argsArray` are pdf.js's operator list.
 */
export function pathRectangles(fnArray: readonly number[], argsArray: readonly unknown[], ops: PathOps): Rect[] {
  const out: Rect[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  fnArray.forEach((fn, i) => {
    const args = argsArray[i];
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && Array.isArray(args) && args.length === 6) ctm = multiply(ctm, args.map(Number) as Matrix);
    else if (fn === ops.constructPath && Array.isArray(args)) {
      for (const data of Array.isArray(args[1]) ? (args[1] as unknown[]) : []) {
        const path = ArrayBuffer.isView(data) ? Array.from(data as unknown as ArrayLike<number>) : Array.isArray(data) ? (data as number[]) : [];
        for (const rect of closedRectangles(path)) out.push(mapRect(rect, ctm));
      }
    }
  });
  // cells, and the thin bars a browser paints a table's borders with (ruledCells)
  return out.filter((r) => (r.right - r.left >= MIN_CELL && r.top - r.bottom >= MIN_CELL) || isRule(r));
}

/** A border painted as a thin filled bar, at most this thick (points), as a browser paints `border: 1px`. */
const MAX_RULE = 2.5;

function isRule(r: Rect): boolean {
  const w = r.right - r.left;
  const h = r.top - r.bottom;
  return (h <= MAX_RULE && w >= MIN_CELL) || (w <= MAX_RULE && h >= MIN_CELL);
}

/** Whether bars at one level cover the span from `from` to `to` (gaps up to SNAP + a bar's thickness). */
function covered(bars: readonly [number, number][], from: number, to: number): boolean {
  let reach = from;
  for (const [a, b] of [...bars].sort((x, y) => x[0] - y[0])) {
    if (a > reach + SNAP + MAX_RULE) break;
    reach = Math.max(reach, b);
  }
  return reach >= to - SNAP - MAX_RULE;
}

/**
 * The cells a table's border bars enclose: Chrome prints a table with `border-collapse` as one thin
 * filled bar per cell side, no rectangle per cell (a returns policy's fee table, printed to PDF, was
 * read as loose lines: `Exchange for another size or Customer pays return` / `Free` / `colour
 * shipping`). Between two consecutive horizontal levels, a cell runs from one vertical bar that spans
 * the band to the next, where bars above and below span it too (a cell spanning columns has no
 * bar between them).
 */
export function ruledCells(rects: readonly Rect[]): Rect[] {
  const horizontal = rects.filter((r) => r.top - r.bottom <= MAX_RULE && r.right - r.left >= MIN_CELL);
  const vertical = rects.filter((r) => r.right - r.left <= MAX_RULE && r.top - r.bottom >= MIN_CELL);
  if (horizontal.length < 2 || vertical.length < 2) return [];
  const ys = edges(horizontal.map((r) => (r.top + r.bottom) / 2), true);
  const xs = edges(vertical.map((r) => (r.left + r.right) / 2));
  const barsAtY = (y: number): [number, number][] => horizontal.filter((r) => Math.abs((r.top + r.bottom) / 2 - y) <= SNAP).map((r) => [r.left, r.right]);
  const barsAtX = (x: number): [number, number][] => vertical.filter((r) => Math.abs((r.left + r.right) / 2 - x) <= SNAP).map((r) => [r.bottom, r.top]);
  const cells: Rect[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const top = ys[i]!;
    const bottom = ys[i + 1]!;
    const walls = xs.filter((x) => covered(barsAtX(x), bottom, top));
    for (let j = 0; j + 1 < walls.length; j++) {
      const left = walls[j]!;
      const right = walls[j + 1]!;
      if (covered(barsAtY(top), left, right) && covered(barsAtY(bottom), left, right)) cells.push({ left, right, bottom, top });
    }
  }
  return cells;
}

/** Rectangles in pdf.js's path data (0 x y = move, 1 x y = line, 4 = close; other drawing ends the shape). */
function closedRectangles(path: readonly number[]): Rect[] {
  const out: Rect[] = [];
  let points: [number, number][] = [];
  const finish = (): void => {
    const xs = [...new Set(points.map((p) => Math.round(p[0] * 10) / 10))];
    const ys = [...new Set(points.map((p) => Math.round(p[1] * 10) / 10))];
    if ((points.length === 4 || points.length === 5) && xs.length === 2 && ys.length === 2) out.push({ left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) });
    points = [];
  };
  for (let i = 0; i < path.length; ) {
    const op = path[i];
    if (op === 0 || op === 1) {
      if (op === 0) finish();
      points.push([path[i + 1] ?? 0, path[i + 2] ?? 0]);
      i += 3;
    } else if (op === 4) {
      finish();
      i += 1;
    } else {
      // a curve: not a cell; skip its coordinates (2: 6 numbers, 3: 4 numbers)
      points = [];
      i += op === 2 ? 7 : op === 3 ? 5 : 1;
    }
  }
  finish();
  return out;
}

function mapRect(r: Rect, m: Matrix): Rect {
  const corners = [
    [r.left, r.bottom],
    [r.right, r.top],
  ].map(([x = 0, y = 0]) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const);
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) };
}

const touches = (a: Rect, b: Rect): boolean => a.left <= b.right + SNAP && b.left <= a.right + SNAP && a.bottom <= b.top + SNAP && b.bottom <= a.top + SNAP;

/** Distinct values, values within SNAP of each other counted once. */
function edges(values: readonly number[], descending = false): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => (descending ? b - a : a - b))) if (out.every((e) => Math.abs(e - v) > SNAP)) out.push(v);
  return out;
}

const indexOf = (list: readonly number[], v: number): number => list.findIndex((e) => Math.abs(e - v) <= SNAP);

/**
 * Grids of touching cells: a table has at least two columns, and its cells tile it (no rectangle
 * inside another: a box drawn around a figure or a whole table is no cell).
 */
export function findTables(painted: readonly Rect[]): PdfTable[] {
  const rects = [...painted.filter((r) => !isRule(r)), ...ruledCells(painted)];
  const area = (r: Rect): number => (r.right - r.left) * (r.top - r.bottom);
  // a rectangle with a smaller one inside it is a frame (around the table, a figure), not a cell
  const cells = rects.filter((r, i) => !rects.some((o, j) => j !== i && r.left <= o.left + SNAP && r.right >= o.right - SNAP && r.bottom <= o.bottom + SNAP && r.top >= o.top - SNAP && area(r) > area(o) + 1));
  const groups: Rect[][] = [];
  for (const cell of cells) {
    const joined = groups.filter((g) => g.some((c) => touches(c, cell)));
    const merged = [cell, ...joined.flat()];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  const tables: PdfTable[] = [];
  for (const group of groups) {
    const tops = edges(group.map((c) => c.top), true);
    const lefts = edges(group.map((c) => c.left));
    // one row is enough: a table's header row left alone at the foot of a page before the rest
    if (lefts.length < 2 || group.length < 2) continue;
    const box = { left: Math.min(...group.map((c) => c.left)), right: Math.max(...group.map((c) => c.right)), bottom: Math.min(...group.map((c) => c.bottom)), top: Math.max(...group.map((c) => c.top)) };
    tables.push({ box, rows: tops.length, columns: lefts.length, cells: group.map((rect) => ({ rect, row: indexOf(tops, rect.top), column: indexOf(lefts, rect.left) })) });
  }
  return tables.sort((a, b) => b.box.top - a.box.top);
}

/** A text run placed on the page: its text, the start of its baseline and its width and font size. */
export interface PlacedRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** Whether a run sits inside a rectangle (its middle, a third of its size above the baseline). */
export const inside = (run: PlacedRun, r: Rect): boolean => {
  const x = run.x + run.width / 2;
  const y = run.y + run.size / 3;
  return x >= r.left && x <= r.right && y >= r.bottom && y <= r.top;
};

/**
 * The table's rows of cell texts (each cell's runs in reading order, lines joined by `join`); a
 * cell spanning rows gives its text to its first row.
 */
export function cellText(table: PdfTable, runs: readonly PlacedRun[], join: (left: string, right: string) => string): string[][] {
  const rows = Array.from({ length: table.rows }, () => Array.from({ length: table.columns }, () => ''));
  for (const cell of table.cells) {
    const mine = runs.filter((r) => inside(r, cell.rect)).sort((a, b) => (Math.abs(a.y - b.y) > a.size / 2 ? b.y - a.y : a.x - b.x));
    const lines: string[] = [];
    let lineY: number | undefined;
    for (const run of mine) {
      if (lineY !== undefined && Math.abs(run.y - lineY) <= run.size / 2) lines[lines.length - 1] += run.text;
      else {
        lines.push(run.text);
        lineY = run.y;
      }
    }
    const text = lines.map((l) => l.replace(/\s+/gu, ' ').trim()).reduce((acc, l) => (acc === '' ? l : join(acc, l)), '');
    const row = rows[cell.row];
    if (row !== undefined && cell.column >= 0) row[cell.column] = text;
  }
  return rows.filter((r) => r.some((c) => c !== ''));
}
