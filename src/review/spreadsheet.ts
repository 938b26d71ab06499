/**
 * Spreadsheet files for the Excel round trip (`kb export` / `kb import`): xlsx through exceljs,
 * CSV with a UTF-8 byte-order mark (so Excel opens Chinese text correctly) written here and read
 * with csv-parse. Workbooks go through the exceljs adapter, src/ingest/formats/excel.ts.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { fail, ok, problem, type Problem, type Result } from '../core/problems.js';
import { decodeText } from '../ingest/decode.js';
import { PassThrough } from 'node:stream';
import { applyMergedRanges, cellText, loadWorkbook, newWorkbookWriter, streamWorkbookRows } from '../ingest/formats/excel.js';
import { COLUMN_HELP, COLUMNS, columnLabel, exportColumns, normalizeHeader, type Column, type Table } from './exchange.js';

/** Excel keeps at most this many characters in a cell. */
export const EXCEL_CELL_LIMIT = 32_767;

const WIDTHS: Record<(typeof COLUMNS)[number], number> = {
  id: 18,
  status: 11,
  question: 40,
  similar: 40,
  'kb similar': 30,
  answer: 60,
  suggested: 30,
  stale: 15,
  notes: 20,
  tags: 12,
  origin: 11,
  source: 24,
  'heading path': 24,
  page: 6,
  revision: 12,
};

const WRAPPED: ReadonlySet<string> = new Set(['question', 'similar', 'answer', 'suggested', 'notes', 'tags', 'heading path']);

const STATUS_VALIDATION = {
  type: 'list',
  allowBlank: false,
  // kb import also takes the Chinese words (exchange.ts, statusOf)
  formulae: ['"pending,approved,rejected,待审核,通过,驳回,待審核,通過,駁回"'],
  showErrorMessage: true,
  errorTitle: 'status',
  error: 'pending, approved or rejected (待审核, 通过, 驳回; 待審核, 通過, 駁回)',
} as const;

/**
 * An xlsx workbook: the entries sheet (frozen header, filters, a status drop-down) and a notes
 * sheet. Rows are written out one by one as the workbook is made (exceljs's streaming writer), so
 * a large store is not held twice more as a workbook model; `onRow` is told of each row before it is
 * written (rows done so far), then of the end.
 */
export async function writeXlsx(rows: readonly (readonly (string | number)[])[], onRow?: (done: number, total: number) => void, columns: readonly Column[] = exportColumns([])): Promise<Result<Buffer>> {
  for (const [r, row] of rows.entries()) {
    for (const [c, cell] of row.entries()) {
      if (typeof cell === 'string' && cell.length > EXCEL_CELL_LIMIT) {
        return fail(problem('write-failed', `entry ${String(row[0])} has ${cell.length} characters in "${columns[c] ?? c}", more than Excel keeps in a cell (${EXCEL_CELL_LIMIT}); export as csv (--format csv) or shorten it (row ${r + 2})`));
      }
    }
  }
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = await newWorkbookWriter(stream);
  workbook.creator = 'kb';
  // fixed dates: the same store exports to the same workbook contents
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet('entries', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c, key: c, width: WIDTHS[c], ...(WRAPPED.has(c) ? { style: { alignment: { wrapText: true, vertical: 'top' } } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  const statusColumn = columns.indexOf('status') + 1;
  rows.forEach((row, i) => {
    onRow?.(i, rows.length);
    const added = sheet.addRow([...row]);
    added.getCell(statusColumn).dataValidation = { ...STATUS_VALIDATION, formulae: [...STATUS_VALIDATION.formulae] };
    added.commit();
  });
  sheet.commit();
  const notes = workbook.addWorksheet('columns');
  notes.columns = [
    { header: 'column', key: 'column', width: 16 },
    { header: 'what it holds', key: 'help', width: 100 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of columns) notes.addRow([c, COLUMN_HELP[c]]).commit();
  notes.addRow([]).commit();
  notes.addRow(['', 'Edit the "entries" sheet, save it as .xlsx, then run kb import on it. A bad row is reported with its row number and nothing is applied.']).commit();
  notes.commit();
  await workbook.commit();
  await ended;
  onRow?.(rows.length, rows.length);
  return ok(withFixedZipDates(Buffer.concat(chunks)));
}

// MS-DOS date and time of 1980-01-01 00:00, the earliest a zip entry can carry
const DOS_DATE_1980 = (1 << 5) | 1;
const DOS_TIME_MIDNIGHT = 0;

/**
 * A zip (the workbook exceljs wrote) with every entry dated 1980-01-01 00:00 instead of the time
 * it was written, so that the same store exports to the same bytes (exceljs names no date, and its
 * zip library stamps each entry with the current time; the entries come in a fixed order). The date
 * is set in place in each entry's local header and central directory record; nothing else changes.
 */
export function withFixedZipDates(zip: Buffer): Buffer {
  const bad = (what: string): never => {
    throw new Error(`kb export: the workbook exceljs wrote is not a zip as expected (${what})`);
  };
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) bad('no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let record = zip.readUInt32LE(end + 16);
  for (let k = 0; k < count; k++) {
    if (record + 46 > zip.length || zip.readUInt32LE(record) !== 0x02014b50) bad(`central directory record ${k + 1}`);
    zip.writeUInt16LE(DOS_TIME_MIDNIGHT, record + 12);
    zip.writeUInt16LE(DOS_DATE_1980, record + 14);
    const local = zip.readUInt32LE(record + 42);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) bad(`local header of entry ${k + 1}`);
    zip.writeUInt16LE(DOS_TIME_MIDNIGHT, local + 10);
    zip.writeUInt16LE(DOS_DATE_1980, local + 12);
    record += 46 + zip.readUInt16LE(record + 28) + zip.readUInt16LE(record + 30) + zip.readUInt16LE(record + 32);
  }
  return zip;
}

/** Excel's way to show a formula in a message: `=` and its text (exceljs keeps it without the `=`). */
function formulaText(value: object): string {
  const text = 'formula' in value && typeof value.formula === 'string' ? value.formula : '';
  return text === '' ? 'a shared formula' : `=${text.replaceAll('&amp;', '&')}`;
}

/** Columns whose text Excel may have turned into a date. */
const DATE_TRAPS: ReadonlySet<string> = new Set(['question', 'similar', 'answer']);

/**
 * Why a cell's value cannot be imported, or undefined: a formula whose value was not saved with the
 * file (a workbook written by a script: Excel saves each formula's value), or an error value
 * (`#REF!`, `#N/A`). kb reads such a cell as empty, and an empty answer or question would replace
 * the store's text unseen.
 */
function cellTrouble(value: unknown, column: string): string | undefined {
  // Excel turns text an editor types into a date (11-1, 3/4) as they type it: a date as a question
  // or an answer is nearly always that, and would be imported as 2026-11-01
  if (value instanceof Date && DATE_TRAPS.has(column)) {
    return `the ${column} cell is a date (${cellText(value)}): Excel turns text such as 11-1 into a date; type it as text ('11-1) or format the cell as Text, and save the file again`;
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return undefined;
  if ('error' in value) return `the ${column} cell shows the error ${String(value.error)}; put the text in the cell (or empty it) and save the file again`;
  if (!('formula' in value || 'sharedFormula' in value)) return undefined;
  const result = 'result' in value ? value.result : undefined;
  if (typeof result === 'object' && result !== null && 'error' in result) {
    return `the ${column} cell holds the formula ${formulaText(value)}, whose value is the error ${String(result.error)}; fix the formula or put the text in the cell, and save the file again`;
  }
  // the streaming reader drops an error result: no result is either
  if (result === undefined || (typeof result === 'number' && Number.isNaN(result))) {
    return `the ${column} cell holds the formula ${formulaText(value)} and no value kb can read (an error such as #REF!, or no value saved with the file); fix the formula or put the text in the cell, and save the file in Excel again`;
  }
  return undefined;
}

/** A sheet's rows as kb import reads them: text cells, and the cells it cannot import. */
class SheetRows {
  readonly rows: { n: number; cells: string[] }[] = [];
  readonly troubles: Problem[] = [];
  header: string[] | undefined;
  /** The names of the header's cells that are kb columns, by position. */
  private known: (string | undefined)[] = [];
  constructor(
    readonly name: string,
    private readonly file: string,
  ) {}

  /** Whether the first row names an id and a question column (else the sheet is not read on). */
  get isEntries(): boolean {
    const names = (this.header ?? []).map((h) => h.trim().toLowerCase());
    return names.includes('id') && names.includes('question');
  }

  /** A row's cell values, with their number formats: a cell typed 30% in Excel reads `30%`, as in a FAQ table, not 0.3. */
  add(n: number, values: readonly unknown[], numFmts: readonly (string | undefined)[]): void {
    const cells = values.map((value, i) => cellText(value, numFmts[i]));
    if (this.header === undefined) {
      this.header = cells;
      this.known = cells.map((h) => {
        const name = normalizeHeader(h);
        return (COLUMNS as readonly string[]).includes(name) ? name : undefined;
      });
      return;
    }
    if (!this.isEntries) return;
    values.forEach((value, i) => {
      const column = this.known[i];
      const trouble = column === undefined ? undefined : cellTrouble(value, column);
      if (trouble !== undefined && column !== undefined) this.troubles.push(problem('bad-row', trouble, { file: this.file, location: { sheet: this.name, row: n, column: columnLabel(i, column) } }));
    });
    this.rows.push({ n, cells });
  }
}

/** The sheet kb import reads: `entries` when it has an id and a question column, else the first sheet that has them. */
function entriesSheet(sheets: readonly SheetRows[], file: string): Result<Table> {
  const sheet = sheets.find((s) => s.name === 'entries' && s.isEntries) ?? sheets.find((s) => s.isEntries);
  if (sheet === undefined) return fail(problem('bad-table', 'has no sheet whose first row names an "id" and a "question" column; export the store with kb export and edit that workbook', { file }));
  if (sheet.troubles.length > 0) return fail(sheet.troubles);
  return ok({ file, sheet: sheet.name, header: sheet.header ?? [], rows: sheet.rows });
}

/**
 * The entries sheet of a workbook kb exported (or the first sheet with an id and a question
 * column). The workbook is read row by row (exceljs's streaming reader, through the adapter's
 * fixes: a 60,000-row sheet in about 6 s and 0.35 GB instead of 9 s and 0.7 GB); a workbook with what
 * that reader would misread (inline rich text, phonetic runs) is loaded whole instead. A cell
 * holding a formula without a saved value, or an error value, is a bad row.
 */
export async function readXlsx(bytes: Uint8Array, file: string, maxUnzippedBytes = 200 * 1024 * 1024): Promise<Result<Table>> {
  const streamed: SheetRows[] = [];
  const read = await streamWorkbookRows(
    bytes,
    { file, maxUnzippedBytes },
    ({ sheet, n, values, numFmts }) => {
      let rows = streamed.at(-1);
      if (rows === undefined || rows.name !== sheet) {
        rows = new SheetRows(sheet, file);
        streamed.push(rows);
      }
      rows.add(n, values, numFmts);
    },
    (sheet, ranges) => {
      const rows = streamed.at(-1);
      if (rows !== undefined && rows.name === sheet) applyMergedRanges(rows.rows, ranges);
    },
  );
  if (!read.ok) return read;
  if (read.value === 'read' && streamed.some((s) => s.isEntries)) return entriesSheet(streamed, file);
  // what the streaming reader cannot read faithfully, or no sheet found by it (a part it does not
  // know, such as a sheet file not named sheetN.xml): the whole workbook
  const loaded = await loadWorkbook(bytes, { file, maxUnzippedBytes });
  if (!loaded.ok) return loaded;
  const sheets = loaded.value.worksheets.map((worksheet) => {
    const rows = new SheetRows(worksheet.name, file);
    worksheet.eachRow({ includeEmpty: false }, (row, n) => {
      const values: unknown[] = [];
      const numFmts: (string | undefined)[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        const cell = row.getCell(c);
        values.push(cell.value);
        numFmts.push(cell.numFmt);
      }
      rows.add(n, values, numFmts);
    });
    return rows;
  });
  return entriesSheet(sheets, file);
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

/**
 * Text Excel converts when it opens a CSV file, so that saving it again writes something else: a
 * number (`001` → 1, `0.10` → 0.1, `1e5` → 100000, 16 digits and more rounded, `1,2` → 12), a
 * date or a time (`1-1` → 1-Jan, `3/4`, `2026-03-15`, `Mar-05`, `1月1日`, `10:30`, `9am`), a
 * fraction (`1 1/2`) or a truth value (`true` → TRUE). Deliberately broad: a cell of digits and
 * the signs numbers and dates are written with, with at most a month name, AM/PM or 年月日 in it.
 */
const EXCEL_CONVERTS = [
  /^[\s\d.,:/%()$¥€£+\-]*\d[\s\d.,:/%()$¥€£+\-]*(?:[ap]\.?m?\.?)?$/iu,
  /^[+-]?\d*\.?\d+e[+-]?\d+%?$/iu,
  new RegExp(`^\\d{1,4}[\\s\\-/.,]*${MONTH}(?:[\\s\\-/.,]+\\d{1,4})?$|^${MONTH}[\\s\\-/.,]*\\d{1,4}(?:[\\s\\-/.,]+\\d{1,4})?$`, 'iu'),
  /^(?:\d{1,4}\s*年)?(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?$/u,
  /^(?:true|false)$/iu,
];

/** Whether Excel would read the cell as a number, a date, a time or a truth value rather than as the text it is. */
function excelConverts(text: string): boolean {
  return text.trim() !== '' && EXCEL_CONVERTS.some((pattern) => pattern.test(text));
}

function csvField(value: string | number): string {
  // Excel reads a CSV cell that starts with = + - @ as a formula ("- 退货…" becomes #NAME?), and
  // one that looks like a number or a date as that (an id 001 becomes 1, 1-1 becomes 1-Jan): a
  // leading tab keeps it text, and kb import trims it away
  const text = typeof value === 'string' && (/^[=+\-@]/u.test(value) || excelConverts(value)) ? `\t${value}` : String(value);
  return /[",\r\n]|^\s|\s$/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/**
 * CSV text: a UTF-8 byte-order mark, CRLF between records, fields quoted when they need it, and
 * a tab before a cell that Excel would take for a formula, a number or a date.
 */
export function writeCsv(rows: readonly (readonly (string | number)[])[], columns: readonly Column[] = exportColumns([])): string {
  const lines = [columns as readonly string[], ...rows].map((row) => row.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

/**
 * The bytes of a CSV file as a table. kb writes UTF-8 with a byte-order mark, but Excel on a
 * Chinese Windows saves "CSV (逗号分隔)" in GBK without one, and some tools write UTF-16: the
 * encoding is detected as for a source file (src/ingest/decode.ts), never assumed to be UTF-8 —
 * GBK read as UTF-8 would replace every Chinese cell of the store with garbled text.
 */
export function readCsvBytes(bytes: Uint8Array, file: string): Result<Table> {
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) return decoded;
  const table = readCsv(decoded.value.text, file);
  return table.ok ? ok(table.value, [...decoded.warnings, ...table.warnings]) : table;
}

/** The separators a CSV may use: Excel writes `;` where the decimal mark is a comma (German, French…), and tabs as "Unicode text". */
const CSV_DELIMITERS = [',', ';', '\t'] as const;

/**
 * The separator of a CSV to import: the one whose first line names the `id` and `question`
 * columns (comma when none does: its error names the missing columns), as `kb ingest` reads
 * FAQ tables in either.
 */
function csvDelimiter(text: string): (typeof CSV_DELIMITERS)[number] {
  const first = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u, 1)[0] ?? '';
  return CSV_DELIMITERS.find((d) => {
    const names = first.split(d).map((h) => normalizeHeader(h.replace(/^\s*"|"\s*$/gu, '')));
    return names.includes('id') && names.includes('question');
  }) ?? ',';
}

/**
 * A CSV file as a table; row numbers count records as Excel shows them (the header is row 1).
 * Cells are separated by commas, or by semicolons or tabs when the header is (csvDelimiter).
 */
export function readCsv(text: string, file: string): Result<Table> {
  let records: string[][];
  const delimiter = csvDelimiter(text);
  try {
    records = parseCsv(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    return fail(problem('bad-table', `is not valid CSV (${firstLine(error)}); save it from Excel as "CSV UTF-8" again`, e.lines !== undefined ? { file, location: { line: e.lines } } : { file }));
  }
  const [header, ...rest] = records;
  if (header === undefined) return fail(problem('file-empty', 'is empty; export the store with kb export and edit that file', { file }));
  return ok({ file, header, rows: rest.map((cells, i) => ({ n: i + 2, cells })) });
}
