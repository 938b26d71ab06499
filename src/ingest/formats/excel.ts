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

function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/** An exceljs cell value as plain text: rich text joined, formulas by their result, hyperlinks by their text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unescapeOoxml(value);
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value);
  if (typeof value !== 'object') return '';
  if ('richText' in value && Array.isArray(value.richText)) {
    return unescapeOoxml(value.richText.map((run: unknown) => (isObject(run) && typeof run.text === 'string' ? run.text : '')).join(''));
  }
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText(value.result) : '';
  if ('error' in value) return '';
  if ('text' in value) return cellText(value.text);
  if ('hyperlink' in value) return cellText(value.hyperlink);
  return '';
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

/** A sheet's non-empty rows as text cells, with their 1-based row numbers. */
export function sheetRows(worksheet: Worksheet): { n: number; cells: string[] }[] {
  const rows: { n: number; cells: string[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ n, cells });
  });
  return rows;
}

/** A workbook written row by row into `stream` (kb export): a committed row is written out and dropped. */
export async function newWorkbookWriter(stream: import('node:stream').Writable): Promise<import('exceljs').stream.xlsx.WorkbookWriter> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
}

