/** `kb import`: an edited spreadsheet (or store-format JSONL) back into the Q&A store, all rows or none. */
import type { Problem } from '../../core/problems.js';
import { DEFAULT_STORE } from '../../store/store.js';
import { EXIT } from '../cli.js';
import { workingConfig } from '../config.js';
import { printProblems, progressLine, type Output } from '../output.js';

export interface ImportCommandOptions {
  file: string;
  store?: string;
  dryRun: boolean;
  json: boolean;
  /** Put the sheet's values over entries changed in the store since the export. */
  overwrite?: boolean;
}

export async function runImport(options: ImportCommandOptions, output: Output): Promise<number> {
  const { importFile } = await import('../../review/round-trip.js');
  const { describePlan } = await import('../../review/exchange.js');
  const store = options.store ?? (await workingConfig())?.store ?? DEFAULT_STORE;
  const result = await importFile({ store, file: options.file, dryRun: options.dryRun, overwrite: options.overwrite === true, onProgress: progressLine(output) });
  if (!result.ok) {
    printProblems(output, result.problems);
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    output.err(`nothing was imported: ${errors === 1 ? 'fix the problem above' : `fix the ${errors} problems above`} and run kb import again (${store} is unchanged)`);
    return EXIT.FAILED;
  }
  const outcome = result.value;
  printProblems(output, [...result.warnings, ...outcome.conflicts, ...outcome.refused]);
  if (options.json) {
    const rows = (problems: readonly Problem[]): { row: number | undefined; message: string }[] => problems.map((p) => ({ row: p.location?.row, message: p.message }));
    const conflicts = rows(outcome.conflicts);
    const refused = rows(outcome.refused);
    output.out(JSON.stringify({ store, file: options.file, dryRun: options.dryRun, created: outcome.created, changed: outcome.changed, added: outcome.added, unchanged: outcome.unchanged, untouched: outcome.untouched, kept: outcome.kept, keptEditor: outcome.keptEditor, conflicts, refused }, null, 2));
  } else {
    for (const c of outcome.changed) output.out(`changed ${c.id}: ${c.fields.join(', ')}`);
    for (const id of outcome.added) output.out(`added   ${id}`);
    for (const k of outcome.keptEditor) output.out(`kept    ${k.id}: ${k.fields.join(', ')} as in the store (a kb gaps draft does not empty a field, replace an editor's text or undo a decision)`);
  }
  const verb = options.dryRun ? 'would import' : outcome.written ? 'imported' : 'nothing to import';
  output.err(`${options.file} → ${store}${outcome.created && !options.dryRun ? ' (new store)' : ''}: ${verb}: ${describePlan(outcome)}`);
  if (outcome.conflicts.length > 0) {
    const n = outcome.conflicts.length;
    output.err(`${n === 1 ? '1 row was' : `${n} rows were`} not imported: ${n === 1 ? 'its entry' : 'their entries'} changed in ${store} since ${options.file} was exported (listed above); export again and redo ${n === 1 ? 'that edit' : 'those edits'}, or add --overwrite to put the sheet's values over the store's`);
  }
  if (outcome.refused.length > 0) {
    const n = outcome.refused.length;
    output.err(`${n === 1 ? '1 row was' : `${n} rows were`} not imported: ${n === 1 ? 'it empties the answer' : 'they empty the answers'} of ${n === 1 ? 'an entry' : 'entries'} the bot answers with (listed above); write ${n === 1 ? 'the answer' : 'the answers'} back, or set ${n === 1 ? 'the status' : 'their status'} to 驳回 (rejected), and import ${options.file} again`);
  }
  return outcome.conflicts.length + outcome.refused.length > 0 ? EXIT.FAILED : EXIT.OK;
}
