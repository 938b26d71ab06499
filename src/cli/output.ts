/** Terminal output helpers for the CLI layer (the only layer that prints or colours). */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { styleText } from 'node:util';
import { formatProblem, problem, type Problem } from '../core/problems.js';

type Style = Parameters<typeof styleText>[0];

export interface Output {
  /** stdout: results. */
  out: (line: string) => void;
  /** stderr: progress and diagnostics. */
  err: (line: string) => void;
  color: (style: Style, text: string) => string;
  /** stderr is an interactive terminal (progress indicators allowed). */
  interactive: boolean;
}

export function createOutput(stdout: NodeJS.WriteStream = process.stdout, stderr: NodeJS.WriteStream = process.stderr): Output {
  // `kb query … | head -3`: the reader closed the pipe; stop quietly instead of a stack trace
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const useColor = stderr.isTTY === true && process.env['NO_COLOR'] === undefined && process.env['CI'] === undefined;
  return {
    out: (line) => stdout.write(`${line}\n`),
    err: (line) => stderr.write(`${line}\n`),
    color: (style, text) => (useColor ? styleText(style, text) : text),
    interactive: stderr.isTTY === true && process.env['CI'] === undefined,
  };
}

export function printProblems(output: Output, problems: readonly Problem[]): void {
  for (const p of problems) {
    const tag = p.severity === 'error' ? output.color('red', 'error') : output.color('yellow', 'warning');
    output.err(`${tag} ${formatProblem(p)}`);
  }
}

/** What is left at the pace so far, once two seconds have passed and some work is done: "about 40 s left", "about 3 min left"; '' before. */
export function timeLeft(elapsedMs: number, done: number, total: number): string {
  if (elapsedMs < 2000 || done <= 0 || done >= total) return '';
  const seconds = (elapsedMs * (total - done)) / done / 1000;
  return seconds < 90 ? `about ${Math.max(1, Math.round(seconds))} s left` : `about ${Math.round(seconds / 60)} min left`;
}

/**
 * A one-line progress indicator on stderr, drawn only on a terminal, overwritten in place and
 * cleared when done reaches total. `unit` says how it counts: items, the one being worked on
 * (`[3/12] file.md`); percent, the share done and the time left (`[43%, about 40 s left] reading
 * log.txt`); count, the items done and the time left (`[1,234/20,000 cases, about 12 s left]`, the
 * label naming the items).
 */
export function progressLine(output: Output, stream: NodeJS.WriteStream = process.stderr, unit: 'items' | 'percent' | 'count' = 'items'): (done: number, total: number, label: string) => void {
  if (!output.interactive) return () => {};
  let last = 0;
  let lastTotal = -1;
  const started = Date.now();
  return (done, total, label) => {
    const now = Date.now();
    // a burst of items is thinned out; a new count (the steps after the files are read) always shows
    if (done < total && total === lastTotal && now - last < 80) return;
    last = now;
    lastTotal = total;
    const width = Math.max(20, (stream.columns ?? 80) - 20);
    const left = timeLeft(now - started, done, total);
    const eta = left === '' ? '' : `, ${left}`;
    let text = '';
    if (done < total) {
      if (unit === 'items') text = `[${done + 1}/${total}] ${label}`;
      else if (unit === 'percent') text = `[${Math.floor((100 * done) / (total || 1))}%${eta}] ${label}`;
      else text = `[${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}${label === '' ? '' : ` ${label}`}${eta}]`;
    }
    // a file's path keeps its end (the file's name); a count or share keeps its start
    const shown = text.length <= width ? text : unit === 'items' ? `…${text.slice(-width)}` : `${text.slice(0, width)}…`;
    stream.write(`\r\x1b[2K${shown}`);
  };
}

/**
 * Why a file kb writes (a report, drafts) cannot be written, in words: a file in the way of its folder (`x/r.xml` where `x`
 * is a file: EEXIST or ENOTDIR from mkdir), a folder of its name, or permissions.
 */
export async function writeProblem(error: unknown, file: string, what: string): Promise<Problem> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EEXIST' || code === 'ENOTDIR') {
    // the nearest part of the path that exists is the file in the way
    for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
      const info = await stat(dir).catch(() => undefined);
      if (info === undefined) continue;
      if (info.isFile()) return problem('write-failed', `cannot be written: ${dir} is a file, not a folder; move or rename that file, or name another path for ${what}`, { file });
      break;
    }
  }
  const why =
    code === 'EISDIR'
      ? `is a folder, not a file; name ${what} file itself (a path inside that folder)`
      : code === 'EACCES' || code === 'EPERM'
        ? 'cannot be written: permission denied; check the folder and its permissions'
        : `cannot be written (${code ?? String(error)}); check the folder and its permissions`;
  return problem('write-failed', why, { file });
}
