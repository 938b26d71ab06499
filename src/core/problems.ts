/**
 * Problems are values: every stage returns them instead of throwing or printing.
 * A problem names a fixed code, the file, the place in it, and says what to do next.
 */

export const PROBLEM_CODES = {
  // input files
  FILE_NOT_FOUND: 'file-not-found',
  FILE_EMPTY: 'file-empty',
  FILE_TOO_LARGE: 'file-too-large',
  UNKNOWN_FORMAT: 'unknown-format',
  /** A file whose bytes are another format than its extension says (a PDF named .docx): rename it. */
  WRONG_EXTENSION: 'wrong-extension',
  UNREADABLE: 'unreadable',
  UNDECODABLE_TEXT: 'undecodable-text',
  /** A UTF-8 file with a few damaged bytes: read, with the damaged characters as U+FFFD. */
  DAMAGED_TEXT: 'damaged-text',
  CORRUPT_PDF: 'corrupt-pdf',
  PDF_PASSWORD: 'pdf-password',
  PDF_NO_TEXT: 'pdf-no-text',
  CORRUPT_DOCX: 'corrupt-docx',
  /** A DOCX was read, but mammoth skipped some of its content (an equation, an unknown element). */
  DOCX_CONTENT_SKIPPED: 'docx-content-skipped',
  /** A DOCX uses a paragraph style named like a heading that kb does not map to one. */
  DOCX_HEADING_STYLE: 'docx-heading-style',
  ZIP_BOMB: 'zip-bomb',
  BAD_TABLE: 'bad-table',
  BAD_ROW: 'bad-row',
  /** A FAQ table asks the same question twice (with different answers, or exactly repeated and merged). */
  DUPLICATE_QUESTION: 'duplicate-question',
  NO_SECTIONS: 'no-sections',
  /** A section far longer than any answer a bot can give: the file needs headings to split it. */
  LONG_SECTION: 'long-section',
  // the Q&A store and index
  BAD_STORE: 'bad-store',
  STORE_LOCKED: 'store-locked',
  /** A sheet row edits an entry that changed in the store since the sheet was exported (or a sheet without revisions). */
  IMPORT_CONFLICT: 'import-conflict',
  /** Store entries marked for re-review (source changed) or whose source vanished, met by kb build. */
  STALE_ENTRIES: 'stale-entries',
  /** An entry the bot answered with lost its answer: a sheet row that empties it (refused by kb import), or one kb build finds without it. */
  ANSWER_EMPTIED: 'answer-emptied',
  /** Draft entries (from kb gaps or an editor) with no answer yet: left out of the index until they have one. */
  UNANSWERED_DRAFTS: 'unanswered-drafts',
  /** A FAQ row a document's entry answers first when asked its own question: two answers to one question. */
  TWIN_ENTRIES: 'twin-entries',
  /** A source changed (or vanished) after the store was generated from it: kb generate is due. */
  STORE_OUTDATED: 'store-outdated',
  BAD_INDEX: 'bad-index',
  WRITE_FAILED: 'write-failed',
  // generation
  GENERATION_FAILED: 'generation-failed',
  /** An LLM endpoint failed for one section (HTTP, timeout, not JSON, schema, language): the rule-based questions stand in. */
  LLM_FAILED: 'llm-failed',
  // evaluation
  BAD_SUITE: 'bad-suite',
  /** A suite case expects an entry id the index does not have (a typo, or an index built before the entry existed). */
  UNKNOWN_ENTRY: 'unknown-entry',
  GATE_FAILED: 'gate-failed',
  // usage
  USAGE: 'usage',
  NO_INPUT: 'no-input',
  // anything unexpected inside kb itself
  INTERNAL: 'internal',
} as const;

export type ProblemCode = (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES];

export type Severity = 'error' | 'warning';

export interface ProblemLocation {
  /** The sheet of a workbook (XLSX FAQ tables with several sheets). */
  sheet?: string;
  page?: number;
  line?: number;
  row?: number;
  column?: string;
}

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** The file the problem is about, as the user named it. */
  file?: string;
  location?: ProblemLocation;
  /** One sentence: what is wrong and what to do about it. */
  message: string;
}

export type Result<T> = { ok: true; value: T; warnings: Problem[] } | { ok: false; problems: Problem[] };

export function ok<T>(value: T, warnings: Problem[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T = never>(problem: Problem | Problem[]): Result<T> {
  return { ok: false, problems: Array.isArray(problem) ? problem : [problem] };
}

export function problem(
  code: ProblemCode,
  message: string,
  extra: { file?: string; location?: ProblemLocation; severity?: Severity } = {},
): Problem {
  const p: Problem = { code, severity: extra.severity ?? 'error', message };
  if (extra.file !== undefined) p.file = extra.file;
  if (extra.location !== undefined) p.location = extra.location;
  return p;
}

export function warning(code: ProblemCode, message: string, extra: { file?: string; location?: ProblemLocation } = {}): Problem {
  return problem(code, message, { ...extra, severity: 'warning' });
}

/** `file:page 3:line 12: message` — the one-line form the CLI prints. */
export function formatProblem(p: Problem): string {
  const where: string[] = [];
  if (p.file !== undefined) where.push(p.file);
  const loc = p.location;
  if (loc?.sheet !== undefined) where.push(`sheet ${loc.sheet}`);
  if (loc?.page !== undefined) where.push(`page ${loc.page}`);
  if (loc?.line !== undefined) where.push(`line ${loc.line}`);
  if (loc?.row !== undefined) where.push(`row ${loc.row}`);
  if (loc?.column !== undefined) where.push(`column ${loc.column}`);
  const prefix = where.length > 0 ? `${where.join(':')}: ` : '';
  return `${prefix}${p.message} [${p.code}]`;
}

/**
 * Problems in file order (by line or row; the sort is stable), those with no place in the file
 * `first` (what is wrong with the file as a whole) or `last` (a summary such as "and 12 more").
 */
export function inFileOrder(problems: readonly Problem[], unplaced: 'first' | 'last'): Problem[] {
  const none = unplaced === 'first' ? -1 : Number.MAX_SAFE_INTEGER;
  const place = (p: Problem): number => p.location?.line ?? p.location?.row ?? none;
  return problems.map((p, i) => ({ p, i })).sort((a, b) => place(a.p) - place(b.p) || a.i - b.i).map(({ p }) => p);
}

/** A failure the core raises internally and converts to a Problem at its boundary. */
export class KbError extends Error {
  readonly code: ProblemCode;
  readonly location: ProblemLocation | undefined;
  constructor(code: ProblemCode, message: string, location?: ProblemLocation) {
    super(message);
    this.name = 'KbError';
    this.code = code;
    this.location = location;
  }
}

/** The one-line problem for a file that exists (or might) but cannot be read, in words for its cause. */
export function unreadable(error: unknown, file: string): Problem {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'cannot be read: permission denied; check its permissions'
      : code === 'ENOTDIR'
        ? 'cannot be read: a part of its path is a file, not a folder; rename that file or choose another path'
        : code === 'EISDIR'
          ? 'is a folder, not a file; name a file'
          : `cannot be read (${code ?? String(error)})`;
  return problem('unreadable', why, { file });
}

/**
 * What to write for a share given as a percentage (80% or 80 for --min-hit1, eval.threshold …):
 * ` (a share: for 80% write 0.8)`, or '' when `n` is no percentage (0 < n ≤ 100).
 */
export function shareHint(n: number, written: string): string {
  return n > 0 && n <= 100 ? ` (a share: for ${written} write ${String(Number((n / 100).toFixed(4)))})` : '';
}
