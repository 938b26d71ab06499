/** Terminal output helpers for the CLI layer (the only layer that prints or colours). */
import { styleText } from 'node:util';
import { formatProblem, type Problem } from '../core/problems.js';

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

/** A one-line progress indicator on stderr, drawn only on a terminal. */
export function progressLine(output: Output, stream: NodeJS.WriteStream = process.stderr, unit: 'items' | 'percent' = 'items'): (done: number, total: number, label: string) => void {
  if (!output.interactive) return () => {};
  let last = 0;
  let lastTotal = -1;
  return (done, total, label) => {
    const now = Date.now();
    // a burst of items is thinned out; a new count (the steps after the files are read) always shows
    if (done < total && total === lastTotal && now - last < 80) return;
    last = now;
    lastTotal = total;
    const width = Math.max(20, (stream.columns ?? 80) - 20);
    // items: "[3/12] file.md" (the one being read); percent: "[43%] reading log.txt"
    const text = done >= total ? '' : unit === 'percent' ? `[${Math.floor((100 * done) / (total || 1))}%] ${label}` : `[${done + 1}/${total}] ${label}`;
    stream.write(`\r\x1b[2K${text.length > width ? `…${text.slice(-width)}` : text}`);
  };
}
