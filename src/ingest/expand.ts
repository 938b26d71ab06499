/**
 * Turns what the user typed (files, folders, globs) into a sorted list of files.
 * Folders are searched recursively for supported files; hidden folders and node_modules are skipped.
 * A folder's files of a type kb knows it cannot read (.doc, .xls, .pptx, images …) are listed as
 * skipped, each with a warning saying what to do; other files (.DS_Store, Thumbs.db, Office's `~$`
 * lock files) are passed over in silence.
 */
import { stat } from 'node:fs/promises';
import { join, relative, isAbsolute, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { problem, type Problem } from '../core/problems.js';
import { SUPPORTED_EXTENSIONS, UNREADABLE_EXTENSIONS, unsupportedAdvice } from './formats.js';

export interface Expanded {
  files: string[];
  /** Files in the folders named that kb knows it cannot read (each reported in `problems`), sorted. */
  skipped: string[];
  problems: Problem[];
}

/** Up to this many skipped files of one kind get a warning each; more are named in one warning. */
export const MAX_SKIPPED_LINES = 5;
/** How many of the files a grouped warning names. */
const NAMED_IN_GROUP = 3;

/** One warning per skipped file with its advice, or one for all files of a kind when there are more than MAX_SKIPPED_LINES. */
export function skippedWarnings(folder: string, files: readonly string[]): Problem[] {
  const byAdvice = new Map<string, string[]>();
  for (const file of files) {
    const advice = unsupportedAdvice(file);
    byAdvice.set(advice, [...(byAdvice.get(advice) ?? []), file]);
  }
  return [...byAdvice].flatMap(([advice, group]) => {
    if (group.length <= MAX_SKIPPED_LINES) return group.map((file) => problem('unknown-format', `was skipped: ${advice}`, { file, severity: 'warning' }));
    const names = group.slice(0, NAMED_IN_GROUP).map((f) => f.slice(f.lastIndexOf('/') + 1));
    const message = `holds ${group.length} files that were skipped (${names.join(', ')} and ${group.length - NAMED_IN_GROUP} more): ${advice.replace(' it ', ' them ')}`;
    return [problem('unknown-format', message, { file: folder, severity: 'warning' })];
  });
}

const IGNORE = ['**/node_modules/**', '**/.*/**', '**/~$*'];

/**
 * One spelling per file: relative to the working directory, `/`-separated, so `fixtures/sample`,
 * `./fixtures/sample/` and an absolute path give the same path — and the same section and entry
 * ids, which are derived from it. A file outside the working directory is `../…` from it, not
 * absolute: a team's docs beside its kb project (`sources: ../docs`) get the same ids on every
 * machine and in CI, wherever the checkout is. Absolute only where no relative path exists (another
 * drive on Windows).
 */
export function displayPath(cwd: string, path: string): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  // …unless the two share nothing but the root (/tmp/x.md from /home/me/kb): that path is no
  // more portable climbed to the root, only harder to read
  const top = (p: string): string => resolve(p).split(sep).filter(Boolean)[0] ?? '';
  const apart = rel.startsWith('..') && top(abs) !== top(cwd);
  return (rel !== '' && !isAbsolute(rel) && !apart ? rel : abs).split(sep).join('/');
}

export async function expandInputs(inputs: readonly string[], cwd: string = process.cwd()): Promise<Expanded> {
  const files = new Set<string>();
  const skipped = new Set<string>();
  const problems: Problem[] = [];
  // a folder's .json files are not read (an index, a config, package.json would fail as FAQ tables): name them to read them
  const extGlob = `**/*.{${SUPPORTED_EXTENSIONS.filter((e) => e !== '.json').map((e) => e.slice(1)).join(',')}}`;
  const unreadableGlob = `**/*.{${UNREADABLE_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;
  for (const input of inputs) {
    const info = await stat(isAbsolute(input) ? input : join(cwd, input)).catch(() => undefined);
    if (info?.isFile()) {
      files.add(displayPath(cwd, input));
      continue;
    }
    if (info?.isDirectory()) {
      const folder = isAbsolute(input) ? input : join(cwd, input);
      const found = await glob(extGlob, { cwd: folder, ignore: IGNORE, caseSensitiveMatch: false });
      const unread = (await glob(unreadableGlob, { cwd: folder, ignore: IGNORE, caseSensitiveMatch: false }))
        .map((f) => displayPath(cwd, join(input, f.split('/').join(sep))))
        .filter((f) => !skipped.has(f))
        .sort();
      for (const f of unread) skipped.add(f);
      problems.push(...skippedWarnings(displayPath(cwd, input), unread));
      if (found.length === 0) problems.push(problem('no-input', 'is a folder with no supported files (.md .pdf .docx .html .txt .csv .tsv .xlsx .jsonl; a .json FAQ file is read when named)', { file: input, severity: 'warning' }));
      for (const f of found) files.add(displayPath(cwd, join(input, f.split('/').join(sep))));
      continue;
    }
    if (isDynamicPattern(input)) {
      const found = await glob(input, { cwd, ignore: IGNORE, absolute: true, onlyFiles: true });
      if (found.length === 0) problems.push(problem('no-input', 'matched no files; check the pattern (quote it so the shell does not expand it)', { file: input }));
      for (const f of found) files.add(displayPath(cwd, f));
      continue;
    }
    problems.push(problem('file-not-found', 'does not exist; check the path', { file: input }));
  }
  const sorted = (set: Set<string>): string[] => [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: sorted(files), skipped: sorted(skipped), problems };
}
