/**
 * The exceljs adapter: the only module that imports exceljs (loaded lazily, so CSV and JSONL
 * don't pay for it). FAQ tables (table.ts) read workbooks through it; kb export / kb import
 * (src/review/spreadsheet.ts) write and read the store's workbook through it. Before exceljs sees
 * the bytes, zip-check.ts checks the zip container: a zip at all, an Excel workbook, within the
 * unpacked-size limit, no part packed more than 200:1.
 */
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

/** A number as a percentage number format shows it (`0%` → 5%, `0.0%` → 5.0%). */
function percentText(n: number, numFmt: string): string {
  const decimals = /\.(0+)%/u.exec(numFmt)?.[1]?.length ?? 0;
  return `${(n * 100).toFixed(decimals)}%`;
}

/**
 * An exceljs cell value as plain text: rich text joined, formulas by their cached result,
 * hyperlinks by their text, dates as yyyy-mm-dd (a time alone as hh:mm), and a number in a
 * percentage format (`numFmt`) as Excel shows it (0.05 → 5%).
 */
export function cellText(value: unknown, numFmt?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unescapeOoxml(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return numFmt !== undefined && /%/u.test(numFmt.replace(/"[^"]*"/gu, '')) ? percentText(value, numFmt) : numberText(value);
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

