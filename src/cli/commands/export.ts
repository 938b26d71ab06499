/** `kb export`: the Q&A store as a spreadsheet (xlsx or csv) for editors who work in Excel. */
import type { EntryStatus } from '../../store/entry.js';
import { DEFAULT_STORE } from '../../store/store.js';
import { EXIT, UsageError } from '../cli.js';
import { workingConfig } from '../config.js';
import { printProblems, progressLine, type Output } from '../output.js';

export interface ExportCommandOptions {
  file: string;
  format?: 'xlsx' | 'csv';
  store?: string;
  status?: EntryStatus;
}

export async function runExport(options: ExportCommandOptions, output: Output): Promise<number> {
  const { exportStore, formatOf } = await import('../../review/round-trip.js');
  const fromName = formatOf(options.file);
  const format = options.format ?? (fromName === 'xlsx' || fromName === 'csv' ? fromName : undefined);
  if (format === undefined) throw new UsageError(`say which spreadsheet to write: --format xlsx or --format csv (or name the file .xlsx or .csv): ${options.file}`);
  if (fromName !== undefined && fromName !== format) throw new UsageError(`${options.file} is named .${fromName} but --format is ${format}; name the file .${format}`);
  const store = options.store ?? (await workingConfig())?.store ?? DEFAULT_STORE;
  const exportOptions: import('../../review/round-trip.js').ExportOptions = { store, file: options.file, format, onProgress: progressLine(output) };
  if (options.status !== undefined) exportOptions.status = options.status;
  const result = await exportStore(exportOptions);
  if (!result.ok) {
    printProblems(output, result.problems);
    return EXIT.FAILED;
  }
  output.err(`wrote ${result.value.entries} entries of ${store} to ${result.value.file}; edit it, then: kb import ${shellWord(result.value.file)}${options.store !== undefined ? ` --store ${shellWord(store)}` : ''}`);
  return EXIT.OK;
}

/** A path as a shell reads it back when pasted: quoted when it has spaces or shell characters (导出 表.xlsx). */
export function shellWord(path: string): string {
  return /^[\p{L}\p{N}_./@%+=:,-]+$/u.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
