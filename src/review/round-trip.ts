/**
 * `kb export` / `kb import` without the printing: the store to a spreadsheet, and a spreadsheet
 * (or a store-format JSONL file, such as drafts from `kb gaps --export`) back into the store —
 * validated whole first, written once, atomically, under the reviewer lock.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import { writeOutputFile } from '../core/write-file.js';
import { fail, inFileOrder, ok, problem, type Problem, type Result } from '../core/problems.js';
import type { Entry, EntryStatus } from '../store/entry.js';
import { lockStore, withWriteLock } from '../store/lock.js';
import { parseStore, readStore, writeStore } from '../store/store.js';
import { entryCells, entryRecords, exportColumns, planImport, tableRecords, type ImportPlan, type ImportRecord } from './exchange.js';
import { readCsvBytes, readXlsx, writeCsv, writeXlsx } from './spreadsheet.js';

export type SheetFormat = 'xlsx' | 'csv';

/** The format a file name asks for. */
export function formatOf(file: string): SheetFormat | 'jsonl' | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : ext === '.jsonl' ? 'jsonl' : undefined;
}


/** A progress report: step or row `done` of `total` (`done === total` when finished). */
export type ProgressReport = (done: number, total: number, label: string) => void;

export interface ExportOptions {
  store: string;
  file: string;
  format: SheetFormat;
  status?: EntryStatus;
  /** Told of reading the store, then of each row as it is written (xlsx). */
  onProgress?: ProgressReport;
}

/** Write the store (or its entries of one status) as an xlsx or csv file, atomically. */
export async function exportStore(options: ExportOptions): Promise<Result<{ entries: number; file: string }>> {
  options.onProgress?.(0, 1, `reading ${options.store}`);
  const read = await readStore(options.store);
  if (read === undefined) return fail(problem('file-not-found', 'does not exist: create the store with `kb generate` first (or name it with --store)', { file: options.store }));
  if (!read.ok) return read;
  const entries = options.status === undefined ? read.value : read.value.filter((e) => e.status === options.status);
  const columns = exportColumns(entries);
  const rows = entries.map((e) => entryCells(e, columns));
  let bytes: Buffer | string;
  if (options.format === 'xlsx') {
    const written = await writeXlsx(rows, (done, total) => options.onProgress?.(done, total, `writing ${options.file}`), columns);
    if (!written.ok) return written;
    bytes = written.value;
  } else {
    bytes = writeCsv(rows, columns);
    options.onProgress?.(1, 1, '');
  }
  try {
    await mkdir(dirname(options.file), { recursive: true });
    await writeOutputFile(options.file, bytes);
  } catch (error) {
    return fail(problem('write-failed', `cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}); is it open in Excel? Close it, or export to another file`, { file: options.file }));
  }
  return ok({ entries: entries.length, file: options.file });
}

export interface ImportOptions {
  store: string;
  file: string;
  dryRun?: boolean;
  /** Take the file's cells even for entries changed in the store since the export. */
  overwrite?: boolean;
  maxUnzippedBytes?: number;
  /** Told of each of the IMPORT_STEPS steps: reading the file, checking its rows against the store, writing the store. */
  onProgress?: ProgressReport;
}

/** The steps `importFile` reports through `onProgress`. */
export const IMPORT_STEPS = 3;

export interface ImportOutcome extends ImportPlan {
  /** The store did not exist and was created. */
  created: boolean;
  written: boolean;
}

/** The records of a file to import: an xlsx or csv sheet, or a store-format JSONL file. */
export async function readImportFile(file: string, maxUnzippedBytes?: number): Promise<Result<ImportRecord[]>> {
  const format = formatOf(file);
  if (format === undefined) return fail(problem('unknown-format', 'is not a file kb imports: name a .xlsx or .csv file from kb export, or a .jsonl file in the store format', { file }));
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return fail(problem(code === 'ENOENT' ? 'file-not-found' : 'unreadable', code === 'ENOENT' ? 'does not exist; check the path' : `cannot be read (${code ?? String(error)})`, { file }));
  }
  if (format === 'jsonl') {
    const lines = new Map<string, number>();
    const parsed = parseStore(bytes.toString('utf8'), file, lines);
    if (!parsed.ok) return parsed;
    return ok(entryRecords(parsed.value, lines));
  }
  const table = format === 'xlsx' ? await readXlsx(bytes, file, maxUnzippedBytes) : readCsvBytes(bytes, file);
  if (!table.ok) return table;
  const { records, problems, warnings } = tableRecords(table.value);
  if (problems.length > 0) return fail([...problems, ...table.warnings, ...warnings]);
  return ok(records, [...table.warnings, ...warnings]);
}

const sortProblems = (problems: Problem[]): Problem[] => inFileOrder(problems, 'first');

/** Import a file into the store: all rows or none. */
export async function importFile(options: ImportOptions): Promise<Result<ImportOutcome>> {
  const progress = (done: number, label: string): void => options.onProgress?.(done, IMPORT_STEPS, label);
  progress(0, `reading ${options.file}`);
  const records = await readImportFile(options.file, options.maxUnzippedBytes);
  progress(1, `checking ${records.ok ? `${records.value.length.toLocaleString('en-US')} rows` : 'the rows'} against ${options.store}`);
  if (!records.ok) {
    progress(IMPORT_STEPS, '');
    return fail(sortProblems(records.problems));
  }
  const read = await readStore(options.store);
  if (read !== undefined && !read.ok) return read;
  const created = read === undefined;
  let release: (() => Promise<void>) | undefined;
  if (!created && options.dryRun !== true) {
    const locked = await lockStore(options.store, undefined, 'kb import');
    if (!locked.ok) return locked;
    release = locked.value;
  }
  try {
    // read again, plan and write under the write lock: the store may have changed while the
    // file was read, and kb generate or kb eval --suggest may be writing it now
    const apply = async (): Promise<Result<ImportOutcome>> => {
      let entries: Entry[] = [];
      if (!created) {
        const again = await readStore(options.store);
        if (again !== undefined && !again.ok) return again;
        entries = again?.value ?? [];
      }
      const planned = planImport(entries, records.value, options.file, options.overwrite === true ? { overwrite: true } : {});
      if (!planned.ok) return fail(sortProblems(planned.problems));
      const plan = planned.plan;
      const write = options.dryRun !== true && (created || plan.changed.length > 0 || plan.added.length > 0);
      if (write) {
        progress(2, `writing ${options.store}`);
        try {
          await writeStore(options.store, plan.entries);
        } catch (error) {
          return fail(problem('write-failed', `cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)}); nothing was imported`, { file: options.store }));
        }
      }
      return ok({ ...plan, created, written: write }, [...records.warnings, ...plan.warnings]);
    };
    if (options.dryRun === true) return await apply();
    try {
      return await withWriteLock(options.store, apply);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      if (code !== 'ELOCKED') throw error;
      return fail(problem('store-locked', 'is being written by another kb command (kb generate or kb eval --suggest); nothing was imported — run kb import again', { file: options.store }));
    }
  } finally {
    progress(IMPORT_STEPS, '');
    if (release !== undefined) await release().catch(() => {});
  }
}
