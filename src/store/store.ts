/**
 * The Q&A store, `kb/qa.jsonl`: a header line with the format and its version, then one entry a
 * line, sorted by id, keys in a fixed order, so that git diffs are readable and two writes of the
 * same entries give the same bytes.
 *
 *   {"format":"kb-qa","version":1}
 *   {"id":"…","question":"…","similar":[…],"answer":"…","origin":"generated","status":"pending",…}
 *
 * `parseStore` / `serializeStore` are pure; `readStore` / `writeStore` do the I/O, and writes are
 * atomic (temp file + rename), so an interrupted write never leaves a half-written store.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeOutputFile } from '../core/write-file.js';
import { z } from 'zod';
import { fail, ok, problem, type Problem, type Result, unreadable } from '../core/problems.js';
import { answerKey, questionKey } from '../text/question-key.js';
import { EDITED_FIELDS, ENTRY_ORIGINS, ENTRY_STATUSES, lostItsAnswer, withGeneratedSimilar, type EditedField, type Entry } from './entry.js';

export const STORE_FORMAT = 'kb-qa';
export const STORE_VERSION = 1;
export { DEFAULT_STORE } from '../config/config.js';

const nonEmpty = z.string().trim().min(1);

const entrySchema = z.strictObject({
  id: nonEmpty.regex(/^[^\s]+$/, 'an id has no spaces'),
  question: nonEmpty,
  similar: z.array(nonEmpty).default([]),
  answer: z.string(),
  source: z
    .strictObject({
      path: nonEmpty,
      headingPath: z.array(z.string()),
      page: z.number().int().positive().optional(),
    })
    .optional(),
  origin: z.enum(ENTRY_ORIGINS as [Entry['origin'], ...Entry['origin'][]]),
  status: z.enum(ENTRY_STATUSES as [Entry['status'], ...Entry['status'][]]),
  sourceHash: z.string().optional(),
  rule: z.string().optional(),
  stale: z.enum(['source-changed', 'source-missing']).optional(),
  reviewedHash: z.string().optional(),
  edited: z.boolean().optional(),
  editedFields: z.array(z.enum(EDITED_FIELDS as [EditedField, ...EditedField[]])).optional(),
  addedSimilar: z.array(nonEmpty).optional(),
  generatedSimilar: z.array(nonEmpty).optional(),
  tags: z.array(z.string()).optional(),
  notes: z.string().optional(),
  suggested: z.array(nonEmpty).optional(),
});

/** One message a user can act on, from zod's issues. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => (i.path.length > 0 ? `"${i.path.join('.')}": ${i.message}` : i.message))
    .join('; ');
}

/** Validate one entry (from JSON, a spreadsheet row, an LLM). */
export function validateEntry(raw: unknown): { ok: true; entry: Entry } | { ok: false; message: string } {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: describeIssues(parsed.error) };
  const written = raw as { similar?: string[]; generatedSimilar?: string[] };
  const generated = generatedSimilarProblem(parsed.data as Entry, written.similar ?? [], written.generatedSimilar);
  if (generated !== undefined) return { ok: false, message: generated };
  return { ok: true, entry: canonicalEntry(parsed.data as Entry) };
}

/**
 * What is wrong with an entry's `generatedSimilar` (`raw`, and the `similar` list: as written,
 * before trimming), or undefined: it lists, once each and as written there, some of the similar
 * questions of a FAQ row or an editor's entry. canonicalEntry would otherwise drop or fix such a
 * list without a word, and a hand edit that meant to mark a question kb's (or the team's) would be lost.
 */
function generatedSimilarProblem(e: Entry, similar: readonly string[], raw: readonly string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  if (e.origin !== 'faq' && e.origin !== 'manual') return `generatedSimilar is only for a FAQ row or an editor's entry (origin faq or manual), not origin ${e.origin}: delete it`;
  const inList = new Set(similar);
  const trimmed = new Set(similar.map((q) => q.trim()));
  const seen = new Set<string>();
  for (const q of raw) {
    if (seen.has(q)) return `generatedSimilar lists "${q}" twice; delete one`;
    seen.add(q);
    if (inList.has(q)) continue;
    if (trimmed.has(q.trim())) return `generatedSimilar "${q}" has spaces at its ends that similar does not; write it as in similar`;
    return `generatedSimilar "${q}" is not one of the entry's similar questions; delete it from generatedSimilar (or add it to similar)`;
  }
  return undefined;
}

/** The entry with its keys in the store's order and empty optional fields dropped. */
export function canonicalEntry(e: Entry): Entry {
  const out: Entry = { id: e.id, question: e.question, similar: [...e.similar], answer: e.answer, origin: e.origin, status: e.status };
  if (e.source !== undefined) {
    const source: Entry['source'] = { path: e.source.path, headingPath: [...e.source.headingPath] };
    if (e.source.page !== undefined) source.page = e.source.page;
    out.source = source;
  }
  if (e.sourceHash !== undefined) out.sourceHash = e.sourceHash;
  if (e.rule !== undefined) out.rule = e.rule;
  if (e.stale !== undefined) out.stale = e.stale;
  // the hash the editor reviewed means something only while the entry waits for a second look
  if (e.stale === 'source-changed' && e.reviewedHash !== undefined) out.reviewedHash = e.reviewedHash;
  const editedFields = e.editedFields !== undefined ? EDITED_FIELDS.filter((f) => e.editedFields?.includes(f)) : [];
  if (e.edited === true || editedFields.length > 0) out.edited = true;
  if (editedFields.length > 0) out.editedFields = editedFields;
  if (e.addedSimilar !== undefined && e.addedSimilar.length > 0) out.addedSimilar = [...e.addedSimilar];
  // only the similar questions still in the list, of an entry whose others are the team's
  if (e.generatedSimilar !== undefined) {
    const generated = withGeneratedSimilar(e, e.generatedSimilar).generatedSimilar;
    if (generated !== undefined) out.generatedSimilar = generated;
  }
  if (e.tags !== undefined && e.tags.length > 0) out.tags = [...e.tags];
  if (e.notes !== undefined && e.notes !== '') out.notes = e.notes;
  if (e.suggested !== undefined && e.suggested.length > 0) out.suggested = [...e.suggested];
  return out;
}

const byId = (a: Entry, b: Entry): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The store's text: the header line, then the entries sorted by id. `cache`, for a caller that
 * never mutates an entry it has serialized (kb review: a pure reducer), keeps each entry's line by
 * object, so saving after one change serializes one entry, not the whole store (60,000 entries:
 * 1.7 s of a frozen terminal on every keystroke that changed something).
 */
export function serializeStore(entries: readonly Entry[], cache?: WeakMap<Entry, string>): string {
  const lines = [JSON.stringify({ format: STORE_FORMAT, version: STORE_VERSION })];
  for (const e of [...entries].sort(byId)) {
    let line = cache?.get(e);
    if (line === undefined) {
      line = JSON.stringify(canonicalEntry(e));
      cache?.set(e, line);
    }
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Parse a store. A store with a bad line is refused whole (with every bad line named), so that
 * nothing is rebuilt or reviewed from half a knowledge base; duplicate ids are refused too.
 * `lineOf`, when given, receives each entry's line number by id (to name rows in later problems).
 */
export function parseStore(text: string, file: string, lineOf?: Map<string, number>): Result<Entry[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  const seen = new Map<string, number>();
  let sawHeader = false;
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push(problem('bad-store', 'is not a JSON object (a line was cut or hand-edited badly); fix the line or restore the file from git', { file, location: { line } }));
      continue;
    }
    if (!sawHeader && entries.length === 0 && problems.length === 0) {
      sawHeader = true;
      const header = value as { format?: unknown; version?: unknown };
      if (header.format !== STORE_FORMAT) {
        return fail(problem('bad-store', `is not a kb Q&A store: its first line must be {"format":"${STORE_FORMAT}","version":${STORE_VERSION}}`, { file, location: { line } }));
      }
      if (header.version !== STORE_VERSION) {
        return fail(problem('bad-store', `is Q&A store version ${String(header.version)}; this kb reads version ${STORE_VERSION}: upgrade kb`, { file, location: { line } }));
      }
      continue;
    }
    const checked = validateEntry(value);
    if (!checked.ok) {
      problems.push(problem('bad-store', `is not a valid entry (${checked.message}); fix the line`, { file, location: { line } }));
      continue;
    }
    const first = seen.get(checked.entry.id);
    if (first !== undefined) {
      problems.push(problem('bad-store', `repeats the id ${checked.entry.id} of line ${first}; ids must be unique`, { file, location: { line } }));
      continue;
    }
    seen.set(checked.entry.id, line);
    entries.push(checked.entry);
  }
  if (!sawHeader) return fail(problem('bad-store', `is empty: a store starts with {"format":"${STORE_FORMAT}","version":${STORE_VERSION}}`, { file }));
  if (problems.length > 0) return fail(problems);
  if (lineOf !== undefined) for (const [id, line] of seen) lineOf.set(id, line);
  return ok(entries.sort(byId));
}

/** What `entriesToIndex` left out, by reason. */
export interface LeftOut {
  rejected: number;
  /** Pending entries (only when approved entries alone are indexed). */
  pending: number;
  /** Ids of drafts with no answer yet (kb gaps --export, a row an editor added): a bot must never send an empty reply. */
  noAnswer: string[];
  /** Ids of entries with no answer that had one (lostItsAnswer: a FAQ row or section whose answer was emptied), left out too. */
  answerLost: string[];
  /**
   * Ids of entries whose source vanished (`stale: source-missing`): their answer may be a policy
   * that no longer exists, and a renamed source's fresh entries would compete with them. An editor
   * who approves one again (kb review) clears the mark and brings it back.
   */
  sourceMissing: string[];
}

/**
 * The entries of a store a bot gets — what `kb build` indexes and `kb review`'s try-it box
 * searches: not rejected ones, not drafts without an answer, not entries whose source vanished,
 * and with `onlyApproved` not pending ones. `sourceChanged` names the indexed entries marked for
 * re-review because their source changed (indexed as they are: kb build warns about them).
 */
export function entriesToIndex(entries: readonly Entry[], onlyApproved = false): { entries: Entry[]; leftOut: LeftOut; sourceChanged: string[] } {
  const leftOut: LeftOut = { rejected: 0, pending: 0, noAnswer: [], answerLost: [], sourceMissing: [] };
  const kept: Entry[] = [];
  const sourceChanged: string[] = [];
  for (const e of entries) {
    const why = whyLeftOut(e, onlyApproved);
    if (why === 'rejected') leftOut.rejected++;
    else if (why === 'pending') leftOut.pending++;
    else if (why === 'no-answer') (lostItsAnswer(e) ? leftOut.answerLost : leftOut.noAnswer).push(e.id);
    else if (why === 'source-missing') leftOut.sourceMissing.push(e.id);
    else {
      if (e.stale === 'source-changed') sourceChanged.push(e.id);
      kept.push(e);
    }
  }
  return { entries: kept, leftOut, sourceChanged };
}

/** Why `kb build` leaves an entry of the store out of the index (entriesToIndex), or undefined when it indexes it. */
export function whyLeftOut(e: Entry, onlyApproved = false): 'rejected' | 'pending' | 'no-answer' | 'source-missing' | undefined {
  if (e.status === 'rejected') return 'rejected';
  if (e.status === 'pending' && onlyApproved) return 'pending';
  if (e.answer.trim() === '') return 'no-answer';
  if (e.stale === 'source-missing') return 'source-missing';
  return undefined;
}

/**
 * Entries that ask the same question (see questionKey): every match of that question is split
 * between them, so the bot's confidence drops and it hands the question off. One warning per
 * later entry, naming the first one (the first MAX_DUPLICATE_WARNINGS, then a count); `file` is the store.
 */
export function duplicateQuestions(entries: readonly Entry[], file: string): Problem[] {
  const first = new Map<string, Entry>();
  const problems: Problem[] = [];
  for (const e of entries) {
    const key = questionKey(e.question);
    const prior = first.get(key);
    if (prior === undefined) {
      first.set(key, e);
      continue;
    }
    const same = answerKey(prior.answer) === answerKey(e.answer);
    problems.push(
      problem(
        'duplicate-question',
        same
          ? `entries ${prior.id} and ${e.id} have the same question "${e.question}" and the same answer, so they split every match; reject one of them (kb review)`
          : `entries ${prior.id} and ${e.id} ask the same question "${e.question}" with different answers; merge them or make the questions distinct (kb review), or reject one`,
        { file, severity: 'warning' },
      ),
    );
  }
  if (problems.length <= MAX_DUPLICATE_WARNINGS) return problems;
  const more = problems.length - MAX_DUPLICATE_WARNINGS;
  return [
    ...problems.slice(0, MAX_DUPLICATE_WARNINGS),
    problem('duplicate-question', `${more} more ${more === 1 ? 'entry asks' : 'entries ask'} a question an earlier entry asks; they are not listed: fix the ones above and build again to see them`, { file, severity: 'warning' }),
  ];
}

/** At most this many duplicate questions are listed one by one; the rest are counted. */
export const MAX_DUPLICATE_WARNINGS = 20;

/** Read a store; `undefined` when the file does not exist. */
export async function readStore(path: string): Promise<Result<Entry[]> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return fail(unreadable(error, path));
  }
  return parseStore(text, path);
}

/** Write a store atomically (temp file + rename), creating its folder. */
export async function writeStore(path: string, entries: readonly Entry[]): Promise<void> {
  await writeStoreText(path, serializeStore(entries));
}

/** Write a store's text (from `serializeStore`) atomically, creating its folder. */
export async function writeStoreText(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeOutputFile(path, text);
}
