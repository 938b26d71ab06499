/**
 * The exceljs adapter: the only module that imports exceljs (loaded lazily, so CSV and JSONL
 * don't pay for it). FAQ tables (table.ts) read workbooks through it; kb export / kb import
 * (src/review/spreadsheet.ts) write and read the store's workbook through it. Before exceljs sees
 * the bytes, zip-check.ts checks the zip container: a zip at all, an Excel workbook, within the
 * unpacked-size limit, no part packed more than 200:1. Numbers are shown in their cells' number
 * formats by numfmt (a small formatter of Excel's format codes).
 */
import { format as formatNumber } from 'numfmt';
import { fail, ok, problem, type Result } from '../../core/problems.js';
import { checkZipContainer, type ContainerKind } from '../zip-check.js';

export type Workbook = import('exceljs').Workbook;
export type Worksheet = import('exceljs').Worksheet;

export function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The container check (src/ingest/zip-check.ts) for an Excel workbook. */
export const XLSX_CONTAINER: ContainerKind = {
  name: '.xlsx file',
  mainPart: 'xl/workbook.xml',
  mainPartMeans: 'an Excel workbook',
  badCode: 'bad-table',
  fix: 'save it from Excel as .xlsx again',
  notZipFix: 'save it from Excel as .xlsx, or rename it to .csv if it is CSV text',
  oleMessage: 'is not a valid .xlsx file: it is an old Excel .xls workbook, or a password-protected one; remove the password or save it from Excel as .xlsx',
  encryptedFix: 'remove the password in Excel and save it again as .xlsx',
};

/** Excel's `_xHHHH_` escapes (a carriage return is `_x000D_`), when a writer left them in shared strings. */
function unescapeOoxml(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function dateText(date: Date): string {
  // a time of day alone (a cell formatted h:mm) is a date on Excel's day 0, 1899-12-30 or -31
  if (date.getUTCFullYear() < 1900) {
    const seconds = date.getUTCSeconds();
    return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${seconds === 0 ? '' : `:${pad(seconds)}`}`;
  }
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/**
 * A number as its cell's number format shows it in Excel (`¥#,##0.00` → ¥99.50, `0%` → 5%,
 * `"满"0"元包邮"` → 满99元包邮), by numfmt; General, and a format numfmt cannot read, give the
 * number itself.
 */
function formattedNumber(n: number, numFmt: string | undefined): string {
  if (numFmt === undefined || numFmt === '' || /^general$/iu.test(numFmt)) return numberText(n);
  try {
    const text = formatNumber(numFmt, n).trim();
    return text === '' ? numberText(n) : text;
  } catch {
    return numberText(n);
  }
}

/**
 * An exceljs cell value as plain text: rich text joined, formulas by their cached result,
 * hyperlinks by their text, dates as yyyy-mm-dd (a time alone as hh:mm), and a number as its
 * number format (`numFmt`) shows it in Excel (0.05 → 5%, 99.5 → ¥99.50).
 */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unescapeOoxml(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return formattedNumber(value, numFmt);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  if (typeof value !== 'object') return '';
  if ('richText' in value && Array.isArray(value.richText)) {
    return unescapeOoxml(value.richText.map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join(''));
  }
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText(value.result, numFmt) : '';
  if ('error' in value) return '';
  if ('text' in value) return cellText(value.text, numFmt);
  if ('hyperlink' in value) return cellText(value.hyperlink);
  return '';
}

/** A formula cell that was never calculated: no cached result to read (a file written by a script, not saved by Excel). */
function isUncalculated(value: unknown): boolean {
  return isObject(value) && ('formula' in value || 'sharedFormula' in value) && (value.result === undefined || value.result === null);
}

/** The address of a hyperlink cell, when it is a web or mail link whose text does not show it already. */
function linkOf(value: unknown, text: string): string | undefined {
  if (!isObject(value) || typeof value.hyperlink !== 'string') return undefined;
  const link = value.hyperlink.trim();
  if (!/^(?:https?:|mailto:)/iu.test(link) || text.includes(link.replace(/^mailto:/iu, ''))) return undefined;
  return link;
}

/** Check the container and load a workbook. */
export async function loadWorkbook(bytes: Uint8Array, options: { file: string; maxUnzippedBytes: number }): Promise<Result<Workbook>> {
  const file = options.file;
  const checked = await checkZipContainer(bytes, XLSX_CONTAINER, options);
  if (!checked.ok) return fail(checked.problem);
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its argument as an ArrayBuffer (it declares its own `Buffer`); JSZip takes either
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return fail(problem('bad-table', `could not be read as an Excel workbook (${message}); open it in Excel and save it again as .xlsx`, { file }));
  }
  return ok(workbook);
}

/** One non-empty sheet row as text cells. */
export interface SheetRow {
  /** The 1-based row number. */
  n: number;
  cells: string[];
  /** The row is hidden in Excel (hidden by hand or by a filter). */
  hidden?: boolean;
  /** 0-based columns whose cell is a formula with no cached result. */
  uncalculated?: number[];
  /** Hyperlink addresses by 0-based column, for cells whose text does not show the address. */
  links?: Map<number, string>;
  /** Cells merged into a cell to their left: 0-based column → the 0-based column of the merge's first cell. */
  mergedAcross?: Map<number, number>;
}

/**
 * A sheet's non-empty rows as text cells, with their 1-based row numbers. A merged range gives
 * its value to the cells below its first cell (a category merged down over its rows) but not to
 * those beside it (a question merged across two columns is one cell, the next one empty).
 */
export function sheetRows(worksheet: Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    const out: SheetRow = { n, cells };
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      let value: unknown = cell.value;
      if (cell.isMerged && cell.master !== cell && cell.master.col !== cell.col) {
        value = null;
        // exceljs types col as a string; it is a number
        (out.mergedAcross ??= new Map()).set(c - 1, Number(cell.master.col) - 1);
      }
      const text = cellText(value, cell.numFmt);
      cells.push(text);
      if (isUncalculated(value)) (out.uncalculated ??= []).push(c - 1);
      const link = linkOf(value, text);
      if (link !== undefined) (out.links ??= new Map()).set(c - 1, link);
    }
    if (row.hidden) out.hidden = true;
    if (cells.some((cell) => cell.trim() !== '') || out.uncalculated !== undefined) rows.push(out);
  });
  return rows;
}

/** Whether a sheet is hidden in Excel (Format › Hide, or very hidden by a macro). */
export function isHiddenSheet(worksheet: Worksheet): boolean {
  return worksheet.state === 'hidden' || worksheet.state === 'veryHidden';
}

/** A workbook written row by row into `stream` (kb export): a committed row is written out and dropped. */
export async function newWorkbookWriter(stream: import('node:stream').Writable): Promise<import('exceljs').stream.xlsx.WorkbookWriter> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
}


/** A cell reference (`AB12`) as 1-based column and row numbers. */
function cellAt(ref: string): { column: number; row: number } | undefined {
  const m = /^([A-Z]+)([0-9]+)$/u.exec(ref);
  if (m === null || m[1] === undefined || m[2] === undefined) return undefined;
  let column = 0;
  for (const letter of m[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column, row: Number(m[2]) };
}

/**
 * Give every cell of each merged range (`B2:B4`, as streamWorkbookRows reports them) the text of
 * its first cell, as Excel shows it and as the full reader reads it (the streaming reader leaves
 * the other cells empty): an editor who merges the status cells of three rows approves the three
 * entries (kb import); a role merged down over a customer's messages marks each of them (kb gaps).
 * Rows with no cell of their own in the range are not made.
 */
export function applyMergedRanges(rows: readonly { n: number; cells: string[] }[], ranges: readonly string[]): void {
  const byNumber = new Map(rows.map((r) => [r.n, r] as const));
  for (const range of ranges) {
    const [from, to] = range.split(':').map(cellAt);
    if (from === undefined || to === undefined) continue;
    const first = byNumber.get(from.row)?.cells[from.column - 1] ?? '';
    for (let n = from.row; n <= to.row; n++) {
      const row = byNumber.get(n);
      if (row === undefined) continue;
      for (let c = from.column; c <= to.column; c++) {
        while (row.cells.length < c) row.cells.push('');
        row.cells[c - 1] = first;
      }
    }
  }
}

/**
 * A row of a workbook read by streamWorkbookRows: its sheet, its 1-based number, its cell values
 * (exceljs values, from column 1) and their number formats (`0%`, `0000000`; undefined for General),
 * for cellText to show a number as Excel does.
 */
export interface StreamedRow {
  sheet: string;
  n: number;
  values: unknown[];
  numFmts: (string | undefined)[];
}

/** A part exceljs's streaming reader would misread: inline rich text or phonetic runs (`<r>`, `<rPh>` in a sheet), phonetic runs in the shared strings. */
const MISREAD = { sheet: /<r[\s>]|<rPh[\s>]/u, sharedStrings: /<rPh[\s>]/u } as const;

/** What decodedText noticed in the parts it passed on. */
interface Noticed {
  misread: boolean;
  /** The merged ranges (`B2:B4`) of the sheet being read: exceljs's streaming reader skips them. */
  merges: string[];
}

/**
 * The text of a zip entry's chunks, decoded across chunk boundaries (exceljs's streaming reader
 * decodes each chunk on its own, so a Chinese character split between two chunks became U+FFFD),
 * watched for what the streaming reader would misread and, in a sheet, for merged ranges; and in a
 * sheet with `&amp;` written as `&amp;amp;`: exceljs decodes inline strings once more after the XML
 * parser did (`&amp;lt;`, the text `&lt;`, came out as `<`), and this makes that second decoding
 * give the text back.
 */
async function* decodedText(chunks: AsyncIterable<unknown>, misread: RegExp, noticed: Noticed, sheet: boolean): AsyncGenerator<string> {
  const { StringDecoder } = await import('node:string_decoder');
  const decoder = new StringDecoder('utf8');
  let carry = '';
  const out = (text: string, last: boolean): string => {
    const all = carry + text;
    // a tag or an entity cut at the end waits for the next chunk
    const lt = all.lastIndexOf('<');
    const amp = all.lastIndexOf('&');
    let keep = all.length;
    if (!last && lt >= 0 && all.indexOf('>', lt) < 0) keep = lt;
    if (!last && amp >= 0 && all.indexOf(';', amp) < 0) keep = Math.min(keep, amp);
    const ready = all.slice(0, keep);
    carry = all.slice(keep);
    if (misread.test(ready)) noticed.misread = true;
    if (!sheet) return ready;
    for (const m of ready.matchAll(/<mergeCell\s[^>]*\bref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"/gu)) if (m[1] !== undefined) noticed.merges.push(m[1]);
    return ready.replaceAll('&amp;', '&amp;amp;');
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    const ready = out(text, false);
    if (ready !== '') yield ready;
  }
  const rest = out(decoder.end(), true);
  if (rest !== '') yield rest;
}

/**
 * Read a workbook's sheets row by row with exceljs's streaming reader, without building the
 * workbook (a 60,000-row sheet: about 6 s and 0.35 GB with kb import's rows kept, instead of 9 s
 * and 0.7 GB): `onRow` gets each row with values, in sheet order, and `onMerges` the merged ranges
 * of a sheet after its rows (`B2:B4`: the full reader gives every cell of it the value of B2; the
 * streaming reader only B2). Values are as the full reader
 * gives them (rich text runs, dates by their number format, formulas with their results, errors),
 * except that a formula's boolean result is a number and its error result is dropped; and text
 * with XML entities written out (`&amp;lt;`) stays as written, where the full reader decodes it a
 * second time. The container is checked first, as for loadWorkbook. The value is `read`, or
 * `needs-full-load` when a part holds what the streaming reader would misread (inline rich text,
 * phonetic runs) or a part it could not read: then read the workbook with loadWorkbook
 * instead (it reads what it can, and says what is wrong with the rest).
 */
export async function streamWorkbookRows(
  bytes: Uint8Array,
  options: { file: string; maxUnzippedBytes: number },
  onRow: (row: StreamedRow) => void,
  onMerges?: (sheet: string, ranges: readonly string[]) => void,
): Promise<Result<'read' | 'needs-full-load'>> {
  const checked = await checkZipContainer(bytes, XLSX_CONTAINER, options);
  if (!checked.ok) return fail(checked.problem);
  const { default: ExcelJS } = await import('exceljs');
  const { Readable } = await import('node:stream');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // exceljs 4.4's WorkbookReader parses the shared strings from the zip entry and each sheet from an
  // iterator of its chunks (methods not in its types): both go through decodedText first
  type Internals = {
    _parseSharedStrings?: (entry: AsyncIterable<unknown>) => AsyncGenerator<unknown>;
    _parseWorksheet?: (iterator: AsyncIterable<unknown>, sheetNo: string) => Generator<unknown>;
  };
  const internals = reader as unknown as Internals;
  const parseSharedStrings = internals._parseSharedStrings?.bind(reader);
  const parseWorksheet = internals._parseWorksheet?.bind(reader);
  if (parseSharedStrings === undefined || parseWorksheet === undefined) throw new Error('exceljs changed: its WorkbookReader has no _parseSharedStrings / _parseWorksheet; update streamWorkbookRows');
  const seen: Noticed = { misread: false, merges: [] };
  internals._parseSharedStrings = (entry) => parseSharedStrings(Readable.from(decodedText(entry, MISREAD.sharedStrings, seen, false)));
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet(decodedText(iterator, MISREAD.sheet, seen, true), sheetNo);
  try {
    for await (const sheet of reader) {
      const named = (sheet as unknown as { name?: unknown }).name;
      const name = typeof named === 'string' ? named : '';
      seen.merges = [];
      for await (const row of sheet) {
        if (!row.hasValues) continue;
        const values: unknown[] = [];
        const numFmts: (string | undefined)[] = [];
        for (let c = 1; c <= row.cellCount; c++) {
          const cell = row.getCell(c);
          values.push(cell.value);
          // the styles are cached (styles: 'cache'): a cell's number format is known as its row is read
          numFmts.push(cell.numFmt);
        }
        onRow({ sheet: name, n: row.number, values, numFmts });
      }
      // the sheet's XML has been read to its end (its merged ranges come after the rows)
      if (seen.merges.length > 0) onMerges?.(name, seen.merges);
    }
  } catch {
    // a part in an order or form the streaming reader does not handle (or a broken one): the full
    // reader reads it, or says what is wrong with it
    return ok('needs-full-load');
  }
  return ok(seen.misread ? 'needs-full-load' : 'read');
}
