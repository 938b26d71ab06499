/**
 * The spreadsheet round trip of the Q&A store, as pure functions over rows of cells:
 * `entryCells` for `kb export`, `planImport` for `kb import`. The file formats (xlsx through
 * exceljs, csv) are in spreadsheet.ts; this module decides what a row means.
 *
 * One row an entry, columns in COLUMNS order. Lists (similar questions, suggested questions, the
 * heading path, tags) are one item a line in their cell. An editor changes `status`, `question`,
 * `similar`, `answer`, `suggested`, `stale`, `notes`, `tags`; the provenance columns (`origin`,
 * `source`, `heading path`, `page`) are read only for existing entries and are taken for rows with
 * a new id (origin `manual` when empty).
 *
 * An import is all or nothing: one bad row (bad status, no id, no question, an id twice, an
 * exported row whose id is not in the store…) and the store is left as it was, with every bad row
 * reported by its row number. An entry the import adds is the editor's: counted as edited unless
 * manual, so that regeneration never removes it as untouched.
 *
 * The `revision` column holds a short hash of each editable field as exported (entryRevision):
 * planImport merges a row field by field against it, so a sheet exported before the store changed
 * never undoes the newer values, and a field changed on both sides is a conflict (that row is
 * refused; `overwrite` takes it). A similar or suggested cell of several lines is one question a line;
 * one of a single line also splits on `|` `；` `;` (and on commas between questions), as FAQ tables'
 * similar cells do (questionLines). The revision cell is `r2.` and the hashes; an `r1.` one (an
 * older kb) hashed the similar and suggested questions split into pieces, and is compared with them
 * split as that kb split them (r1ListKeys).
 */
import { createHash } from 'node:crypto';
import { problem, warning, type Problem } from '../core/problems.js';
import { acceptGeneratedSimilar, withGeneratedSimilar, EDITED_FIELDS, ENTRY_ORIGINS, ENTRY_STATUSES, emptiesLiveAnswer, isFieldEdited, markEdited, withEditorSimilar, type EditedField, type Entry, type EntryOrigin, type EntryStatus, type Staleness } from '../store/entry.js';
import { validateEntry } from '../store/store.js';
import { columnLetters, splitSimilar } from '../ingest/formats/table.js';
import { variantsOfQuestion } from './variants.js';
import { closestName } from '../text/closest-name.js';
import { detectScript, traditionalToSimplified } from '../text/normalize.js';

export const COLUMNS = ['id', 'status', 'question', 'similar', 'answer', 'suggested', 'stale', 'notes', 'tags', 'origin', 'source', 'heading path', 'page', 'kb similar', 'revision'] as const;
export type Column = (typeof COLUMNS)[number];

/** What each column holds, for the spreadsheet's notes sheet and docs/review.md. */
export const COLUMN_HELP: Readonly<Record<Column, string>> = {
  id: 'the entry id: keep it; a row with a new id (and an empty revision cell) adds an entry',
  status: 'pending, approved or rejected (or 待审核, 通过, 驳回; 待審核, 通過, 駁回)',
  question: 'the standard question (emptied on a rejected row: the entry keeps its question)',
  similar: 'similar questions, one a line (Alt-Enter in Excel starts a new line), or separated by | or ；',
  'kb similar': 'of the similar questions of a FAQ row, those kb wrote (kb generate --faq-similar), one a line: delete a line here to make that question your team’s; write or rewrite questions in the similar column',
  answer: 'the answer',
  suggested: 'proposed similar questions not yet accepted: move a line to "similar" to accept it, delete it to dismiss it',
  stale: 'source-changed or source-missing when the source changed since; approve or reject the entry (or empty the cell) once checked',
  notes: 'free notes for the team',
  tags: 'tags, one a line',
  origin: 'faq, extracted, generated or manual (read only; new rows: manual when empty)',
  source: 'the source file (read only)',
  'heading path': 'the headings above the source section, one a line (read only)',
  page: 'the page in the source (read only)',
  revision: 'the entry as exported, for kb import to notice entries changed in the store since (leave it as it is; empty it to let this row overwrite such changes)',
};

const STALENESS: readonly Staleness[] = ['source-changed', 'source-missing'];

/**
 * The columns an export of these entries has: all of COLUMNS, but `kb similar` only when a FAQ row
 * has similar questions kb wrote (`generatedSimilar`): a store without any exports as before.
 */
export function exportColumns(entries: readonly Entry[]): Column[] {
  const kb = entries.some((e) => (e.generatedSimilar ?? []).length > 0);
  return COLUMNS.filter((c) => kb || c !== 'kb similar');
}

/** The cells of an entry's row, in the order of `columns` (`page` a number, the rest text). */
export function entryCells(e: Entry, columns: readonly Column[] = exportColumns([e])): (string | number)[] {
  const cells: Record<Column, string | number> = {
    id: e.id,
    status: e.status,
    question: e.question,
    similar: e.similar.join('\n'),
    'kb similar': (e.generatedSimilar ?? []).join('\n'),
    answer: e.answer,
    suggested: (e.suggested ?? []).join('\n'),
    stale: e.stale ?? '',
    notes: e.notes ?? '',
    tags: (e.tags ?? []).join('\n'),
    origin: e.origin,
    source: e.source?.path ?? '',
    'heading path': (e.source?.headingPath ?? []).join('\n'),
    page: e.source?.page ?? '',
    revision: entryRevision(e, columns.includes('kb similar')),
  };
  return columns.map((c) => cells[c]);
}

/** A table read from a file: its header and rows of text cells, with the row numbers the editor sees. */
export interface Table {
  file: string;
  /** The workbook's sheet the rows are of (none for CSV): messages name it. */
  sheet?: string;
  header: string[];
  /** `n`: the row number in the spreadsheet (the header is row 1 in a file kb wrote). */
  rows: { n: number; cells: string[] }[];
}

export type ImportField = 'question' | 'answer' | 'similar' | 'suggested' | 'status' | 'stale' | 'notes' | 'tags';
const IMPORT_FIELDS: readonly ImportField[] = ['question', 'answer', 'similar', 'status', 'suggested', 'stale', 'notes', 'tags'];

export interface ImportChange {
  id: string;
  fields: ImportField[];
}

export interface ImportPlan {
  /** The whole store after the import. */
  entries: Entry[];
  changed: ImportChange[];
  added: string[];
  unchanged: number;
  /** Store entries the file does not mention: left as they are. */
  untouched: number;
  /** Entries where a cell left as exported kept the store's newer value (changed since the export). */
  kept: number;
  /** Count of changed entries per field. */
  byField: Record<ImportField, number>;
  /**
   * JSONL records (kb gaps drafts) whose values would have undone an editor's work, per entry: the
   * fields where the store's value was kept (an empty value, a text the editor wrote, a decision).
   */
  keptEditor: ImportChange[];
  /** Rows not applied: they change an entry that changed in the store since the export (`import-conflict` errors). */
  conflicts: Problem[];
  /** Rows not applied: they empty the answer of an entry the bot answers with (`answer-emptied` errors; emptiesLiveAnswer). */
  refused: Problem[];
  warnings: Problem[];
}

/** A header cell as a column name: no byte-order mark, full-width forms folded, lower case, `_` and `-` as spaces. */
export function normalizeHeader(h: string): string {
  return h.replace(/^\uFEFF/u, '').normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/gu, ' ');
}

/** The lines of a list cell: trimmed, empty lines dropped. */
export function cellLines(text: string): string[] {
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function cellText(text: string): string {
  return text.replace(/\r\n?/gu, '\n');
}

/**
 * The questions of a `similar` or `suggested` cell. kb export writes one question a line, so a cell
 * of several lines is read line by line, each line kept whole — a stored question with `；` `|` or a
 * comma in it (`换货；补发有什么规定？`, `售后说明 / Returns | Refunds`) stays one question when an
 * editor adds a line below it (before 2026-11-26 it was cut into pieces); `|` `；` `;` at a line's
 * ends are dropped (`不想要了能退吗 |`). A cell of one line is split as a FAQ table's similar cell is
 * (src/ingest/formats/table.ts splitSimilar: `|` `｜` `；` `;`, and `，` `,` `、` where every part
 * asks a question, in traditional Chinese and Cantonese too), so a cell an editor typed `开票；怎么开发票` or pasted from a FAQ table imports as
 * the list it is there; a stored question with such a separator alone in its cell survives an
 * unedited round trip: planImport keeps a one-line cell whole when it is one of the entry's
 * questions (ImportRecord.cells).
 */
export function questionLines(text: string): string[] {
  const lines = cellLines(text);
  const questions = lines.length === 1 ? splitSimilar(lines[0] as string).map((l) => l.trim()) : lines.map(wholeLine);
  return questions.filter((l) => l !== '');
}

/** A line of a cell of several lines as the question it is: trimmed, with `|` `；` `;` at its ends dropped. */
function wholeLine(line: string): string {
  return line.replace(/^[\s|｜；;]+|[\s|｜；;]+$/gu, '');
}

/** A cell's questions (questionLines) without repeats, in their first order. */
function cellQuestions(text: string): string[] {
  return [...new Set(questionLines(text))];
}

/**
 * A field's value in the form an import compares: a cell is read trimmed, a question with its
 * spaces collapsed and lists one item a line, so the same text up to that is the same value.
 * Similar and suggested questions are compared one item a stored question, as stored (trimmed,
 * `|` `；` `;` at their ends dropped, as a line of a cell is read: questionLines): `A；B` and the two
 * questions `A`, `B` are different lists. (From 2026-11-26 until `r2.` this key split a stored
 * question as questionLines splits a cell of one line, so an edit that turned `A；B` into `A` and
 * `B` was no change, and a sheet exported before got conflicts: r1ListKeys.)
 */
export function fieldKey(field: ImportField, value: unknown): string {
  const one = (v: unknown): string => (typeof v === 'string' ? v : '');
  const line = (v: string): string => v.replace(/\s+/gu, ' ').trim();
  switch (field) {
    case 'question':
      return line(one(value));
    case 'answer':
    case 'notes':
      return one(value).replace(/\r\n?/gu, '\n').trim();
    case 'status':
    case 'stale':
      return one(value);
    case 'similar':
    case 'suggested':
    case 'tags': {
      const items = Array.isArray(value) ? value.map(one) : [];
      // (a stored question with a line break in it is written on two lines of its cell)
      return JSON.stringify(field === 'tags' ? items.flatMap(cellLines) : items.flatMap(cellLines).map(wholeLine).filter((q) => q !== ''));
    }
  }
}

/**
 * The keys an `r1.` revision cell may have hashed a list of similar or suggested questions with,
 * every stored question split into pieces: by kb before 2026-11-26 (commit f4b5f3b) on `|` `｜` and
 * line breaks; by kb of 2026-11-26 before `r2.` (commits 015bd6f–6c984c3) as a FAQ table's similar
 * cell is split (splitSimilar: also `；` `;`, and commas between questions). Both wrote `r1.`, and
 * the same store value has a different key in each — and in fieldKey, which no longer splits — so
 * an r1 sheet is compared with both: the store's value is the one exported when either matches.
 * (Blind spot: a store change that only splits or joins questions at `；` or commas, `A；B` ⇄ `A`,
 * `B`, may pass as none for an r1 sheet; an r2 one sees it.)
 */
function r1ListKeys(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.replace(/\r\n?/gu, '\n') : '')) : [];
  const pipes = items.flatMap((q) => cellLines(q.replace(/[|｜]/gu, '\n')));
  const pieces = items.flatMap((q) => splitSimilar(q).map((l) => l.trim()).filter((l) => l !== ''));
  return [JSON.stringify(pipes), JSON.stringify(pieces)];
}

/** The fields a revision covers, in the order of their hashes in the revision cell. */
const REVISION_FIELDS: readonly ImportField[] = ['question', 'answer', 'similar', 'status', 'suggested', 'stale', 'notes', 'tags'];
/**
 * `r2.`: similar and suggested questions hashed one a stored question (fieldKey). `r1.` (an older
 * kb) hashed them split into pieces (r1ListKeys); such a cell is still read.
 */
const REVISION_PREFIX = 'r2.';
const HASH_HEX = 6;
// (`k` and a hash at the end: the `kb similar` cell as exported, in a sheet that has that column)
const REVISION = new RegExp(`^r([12])\\.([0-9a-f]{${REVISION_FIELDS.length * HASH_HEX}})(?:k([0-9a-f]{${HASH_HEX}}))?$`, 'u');

function fieldHash(field: ImportField, key: string): string {
  return createHash('sha256').update(`${field}\u0000${key}`).digest('hex').slice(0, HASH_HEX);
}

/** The questions of a `kb similar` cell: one a line, each kept whole (never split on `，` or `；`: they are kb's questions as written), spaces collapsed. */
function kbCellQuestions(text: string): string[] {
  return [...new Set(cellLines(text).map(oneSpaced))];
}

/** The hash of a `kb similar` cell's questions (or of an entry's generatedSimilar), for the revision. */
function kbSimilarHash(questions: readonly string[]): string {
  return createHash('sha256').update(`kb similar\u0000${JSON.stringify(questions.flatMap(cellLines).map(oneSpaced))}`).digest('hex').slice(0, HASH_HEX);
}

/**
 * The revision cell of an entry: `r2.` and a short hash of each editable field as it is now, so
 * that an import can tell, field by field, whether the store changed since the export and whether
 * the editor changed the cell. `kbSimilar` (a sheet with the `kb similar` column): `k` and the
 * hash of that cell after them, so that an import accepts only the questions of kb the editor saw.
 */
export function entryRevision(e: Entry, kbSimilar = false): string {
  const kb = kbSimilar ? `k${kbSimilarHash(e.generatedSimilar ?? [])}` : '';
  return REVISION_PREFIX + REVISION_FIELDS.map((f) => fieldHash(f, fieldKey(f, e[f]))).join('') + kb;
}

/** A revision cell kb wrote: its version (`r1.`, `r2.`) and the field hashes. */
export interface Revision {
  version: 1 | 2;
  hashes: Partial<Record<ImportField, string>>;
  /** The hash of the `kb similar` cell as exported (absent: the sheet had no such column, or a kb of 2026-11-27 before this wrote it). */
  kbSimilar?: string;
}

/** The revision a cell holds, or undefined when it is not one kb wrote. */
export function parseRevision(text: string): Revision | undefined {
  const m = REVISION.exec(text.trim().toLowerCase());
  const hex = m?.[2];
  if (hex === undefined) return undefined;
  const revision: Revision = { version: m?.[1] === '1' ? 1 : 2, hashes: Object.fromEntries(REVISION_FIELDS.map((f, i) => [f, hex.slice(i * HASH_HEX, (i + 1) * HASH_HEX)])) };
  if (m?.[3] !== undefined) revision.kbSimilar = m[3];
  return revision;
}

/** One imported record: the values the file gives (undefined: the file has no such column). */
export interface ImportRecord {
  /** Where it is, for messages. */
  location: { row: number; sheet?: string } | { line: number };
  id: string;
  question?: string;
  answer?: string;
  similar?: string[];
  /** The `kb similar` cell's questions, one a line (kbCellQuestions): of those kb wrote, the ones still kb's (undefined: no such column). */
  kbSimilar?: string[];
  suggested?: string[];
  status?: EntryStatus;
  stale?: Staleness | '';
  notes?: string;
  tags?: string[];
  origin?: EntryOrigin;
  source?: { path: string; headingPath: string[]; page?: number };
  /** A whole entry (a store-format JSONL line): the fields an import does not take come from here for new ids. */
  entry?: Entry;
  /** The entry's field hashes when it was exported (the revision cell); absent: no conflict check for this record. */
  base?: Revision;
  /**
   * The similar and suggested cells as typed. Of a single line: split into `similar` / `suggested`
   * as an editor's `开票；怎么开发票` is, but kept whole by planImport when it is one of the entry's
   * questions (the other lines of the cell deleted, `换货；补发有什么规定？` left), or for telling
   * whether the editor left it as exported. Also read as kb read it when the revision is `r1.`.
   */
  cells?: { similar?: string; suggested?: string };
}

/**
 * The words an editor may write in the status cell: kb's own (any case), and the Chinese ones a
 * team in China uses (待审核 / 通过 / 驳回 and their usual variants) — in traditional characters too
 * (通過 / 駁回 / 待審核, Taiwan's 核准: `statusOf` reads a cell in simplified).
 */
const STATUS_WORDS: ReadonlyMap<string, EntryStatus> = new Map(Object.entries({
  pending: 'pending',
  approved: 'approved',
  rejected: 'rejected',
  待审核: 'pending',
  待审: 'pending',
  未审核: 'pending',
  待定: 'pending',
  待处理: 'pending',
  通过: 'approved',
  已通过: 'approved',
  审核通过: 'approved',
  批准: 'approved',
  已批准: 'approved',
  核准: 'approved',
  已核准: 'approved',
  驳回: 'rejected',
  已驳回: 'rejected',
  拒绝: 'rejected',
  已拒绝: 'rejected',
  不通过: 'rejected',
  审核不通过: 'rejected',
}) as [string, EntryStatus][]);

/** The status a cell means, or undefined (an empty cell is not a status). */
export function statusOf(cell: string): EntryStatus | undefined {
  // a Map: a cell reading "constructor" is no status (a plain object's lookup would find a function)
  return STATUS_WORDS.get(traditionalToSimplified(cell.normalize('NFKC').trim().toLowerCase()));
}

/** The status a mistyped cell was probably meant to be (`aproved` → approved). */
function statusMeant(cell: string): EntryStatus | undefined {
  const typed = cell.normalize('NFKC').trim().toLowerCase();
  if (typed === '') return undefined;
  const meant = closestName(typed, ENTRY_STATUSES);
  return ENTRY_STATUSES.find((s) => s === meant);
}

/**
 * The id of a row the editor added without one: `manual-` and a short hash of its question, so
 * that importing the same sheet twice finds the entry the first import added; `-2`, `-3` … when
 * that id is already used in the sheet.
 */
function newRowId(question: string, taken: ReadonlySet<string>): string {
  const base = `manual-${createHash('sha256').update(question.normalize('NFKC')).digest('hex').slice(0, 8)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** A column as Excel shows it, its letter and the name in its first row: `C (status)`. */
export function columnLabel(index: number, name: string): string {
  return `${columnLetters(index)} (${name})`;
}

/** Rows of a table as import records; every bad cell is a problem with its sheet, row and column. */
export function tableRecords(table: Table): { records: ImportRecord[]; problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const file = table.file;
  const index = new Map<Column, number>();
  table.header.forEach((h, i) => {
    const name = normalizeHeader(h);
    const column = COLUMNS.find((c) => c === name);
    if (column !== undefined && !index.has(column)) index.set(column, i);
    else if (name !== '') warnings.push(problem('bad-table', `column "${h.trim()}" is not one kb imports; it is ignored (columns: ${COLUMNS.join(', ')})`, { file, location: { row: 1 }, severity: 'warning' }));
  });
  for (const required of ['id', 'question'] as const) {
    if (!index.has(required)) {
      problems.push(problem('bad-table', `has no "${required}" column in its first row; export the store with kb export and edit that file (columns: ${COLUMNS.join(', ')})`, { file, location: { row: 1 } }));
    }
  }
  if (problems.length > 0) return { records: [], problems, warnings };
  const records: ImportRecord[] = [];
  const rowOf = new Map<string, number>();
  // ids the sheet names: a new row's id is never one of them
  const taken = new Set<string>();
  const idColumn = index.get('id');
  for (const { cells } of table.rows) if (idColumn !== undefined) taken.add((cells[idColumn] ?? '').trim());
  for (const { n, cells } of table.rows) {
    const get = (c: Column): string | undefined => {
      const i = index.get(c);
      return i === undefined ? undefined : (cells[i] ?? '');
    };
    if (cells.every((c) => c.trim() === '')) continue;
    const sheet = table.sheet !== undefined ? { sheet: table.sheet } : {};
    const question = (get('question') ?? '').replace(/\s+/gu, ' ').trim();
    // the cell's column too, as Excel shows it (C (status)): a sheet's columns may have been moved
    const bad = (message: string, c?: Column): void => {
      const at = c === undefined ? undefined : index.get(c);
      problems.push(problem('bad-row', message, { file, location: { ...sheet, row: n, ...(at !== undefined && c !== undefined ? { column: columnLabel(at, c) } : {}) } }));
    };
    const revisionCell = get('revision')?.trim() ?? '';
    let id = (get('id') ?? '').trim();
    if (id === '' && revisionCell !== '') bad(`has no id but a revision cell: it was an exported entry whose id was deleted; put the id back (it is in the sheet as exported), or empty the revision cell too to add the row as a new entry`, 'id');
    else if (id === '' && question !== '') {
      // a row the editor added: a new entry, with an id from its question (the same row imported twice is the same entry)
      id = newRowId(question, taken);
      taken.add(id);
      rowOf.set(id, n);
    } else if (id === '') bad('has no id and no question; write the question (a row without an id adds a new entry), or delete the row');
    else if (/\s/u.test(id)) bad(`has the id "${id}" with a space in it; ids have no spaces`, 'id');
    else if (rowOf.has(id)) bad(`repeats the id ${id} of row ${rowOf.get(id) ?? '?'}; ids must be unique: give one of them a new id or delete it`, 'id');
    else rowOf.set(id, n);
    const record: ImportRecord = { location: { ...sheet, row: n }, id };
    const statusCell = get('status');
    // an added row may leave the status empty: it is pending
    if (statusCell !== undefined && !(statusCell.trim() === '' && revisionCell === '')) {
      const status = statusOf(statusCell);
      if (status !== undefined) record.status = status;
      else {
        const meant = statusMeant(statusCell);
        bad(`has the status "${statusCell.trim()}"${id !== '' ? ` (id ${id})` : ''}; ${meant !== undefined ? `did you mean ${meant}? ` : ''}the status is pending, approved or rejected (or ${detectScript(statusCell) === 'zh-Hant' ? '待審核, 通過, 駁回' : '待审核, 通过, 驳回'})`, 'status');
      }
    }
    // a rejected row may have its question emptied: the entry keeps the store's (planImport refuses
    // it for an id the store does not have)
    if (question !== '') record.question = question;
    else if (id !== '' && record.status !== 'rejected') bad(`has no question (id ${id}); write the question, or set the status to rejected to reject the entry with the question it has in the store`, 'question');
    const stale = get('stale')?.trim().toLowerCase();
    if (stale !== undefined) {
      if (stale === '' || (STALENESS as readonly string[]).includes(stale)) record.stale = stale as Staleness | '';
      else bad(`has "${get('stale')?.trim() ?? ''}" as stale; leave it as exported (source-changed or source-missing) or empty it`, 'stale');
    }
    const origin = get('origin')?.trim().toLowerCase();
    if (origin !== undefined && origin !== '') {
      if ((ENTRY_ORIGINS as readonly string[]).includes(origin)) record.origin = origin as EntryOrigin;
      else bad(`has the origin "${get('origin')?.trim() ?? ''}"; the origin is faq, extracted, generated or manual (or empty for a new row)`, 'origin');
    }
    const answer = get('answer');
    if (answer !== undefined) record.answer = cellText(answer).trim();
    for (const f of ['similar', 'suggested'] as const) {
      const cell = get(f);
      if (cell === undefined) continue;
      record[f] = cellQuestions(cell);
      record.cells = { ...record.cells, [f]: cell };
    }
    const kbCell = get('kb similar');
    if (kbCell !== undefined) record.kbSimilar = kbCellQuestions(kbCell);
    const notes = get('notes');
    if (notes !== undefined) record.notes = cellText(notes).trim();
    const tags = get('tags');
    if (tags !== undefined) record.tags = cellLines(tags);
    const path = get('source')?.trim() ?? '';
    if (path !== '') {
      const source: NonNullable<ImportRecord['source']> = { path, headingPath: cellLines(get('heading path') ?? '') };
      const page = get('page')?.trim() ?? '';
      if (page !== '') {
        const p = Number(page);
        if (Number.isInteger(p) && p > 0) source.page = p;
        else bad(`has the page "${page}"; a page is a whole number from 1, or empty`, 'page');
      }
      record.source = source;
    }
    const revision = revisionCell;
    if (revision !== '') {
      const base = parseRevision(revision);
      if (base !== undefined) record.base = base;
      else bad(`has "${revision.length > 20 ? `${revision.slice(0, 20)}…` : revision}" as its revision${id !== '' ? ` (id ${id})` : ''}, which kb did not write; leave the revision cell as exported, or empty it (the row then overwrites changes made in the store since the export)`, 'revision');
    }
    records.push(record);
  }
  if (!index.has('revision') && records.length > 0) {
    warnings.push(
      warning('import-conflict', 'has no "revision" column (exported by an older kb): kb cannot tell whether an entry changed in the store since this sheet was exported, so its cells replace such changes; export again to be safe', { file, location: { row: 1 } }),
    );
  }
  return { records, problems, warnings };
}

/** Entries of a store-format JSONL file as import records (every field taken). */
export function entryRecords(entries: readonly Entry[], lines: ReadonlyMap<string, number>): ImportRecord[] {
  return entries.map((e) => {
    const r: ImportRecord = {
      location: { line: lines.get(e.id) ?? 0 },
      id: e.id,
      question: e.question,
      answer: e.answer,
      similar: e.similar,
      suggested: e.suggested ?? [],
      status: e.status,
      stale: e.stale ?? '',
      notes: e.notes ?? '',
      tags: e.tags ?? [],
      origin: e.origin,
      entry: e,
    };
    if (e.source !== undefined) r.source = e.source;
    return r;
  });
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function setOptional<K extends 'notes' | 'stale' | 'tags' | 'suggested'>(e: Entry, key: K, value: Entry[K] | '' | undefined): void {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete e[key];
  else e[key] = value as Entry[K];
}

/**
 * A draft of `kb gaps --export` (find-gaps.ts draftEntries): a `manual` entry with a `gap-` id and
 * no answer yet. kb gaps exports the same ids again every week, empty and `pending`, so such a
 * line says nothing about what an editor has written or decided since. (Its status is not part of
 * the test: an editor may approve or reject drafts in the file before importing it.) A draft the
 * file answers is an editor's entry like any other.
 */
/** How the notes kb gaps writes on a draft begin (src/eval/find-gaps.ts). */
const GAPS_NOTES_START = 'kb gaps: ';

export function isGapsDraft(e: Entry): boolean {
  return e.origin === 'manual' && e.id.startsWith('gap-') && e.answer.trim() === '';
}

/**
 * What a kb gaps draft (isGapsDraft) may change of an entry the store has. It carries no revision,
 * so it cannot tell what changed since it was made; it never undoes an editor's work:
 *
 * - an empty value (answer, similar, suggested, notes, tags, stale) means "none yet", not "delete":
 *   the store's is kept;
 * - a text an editor wrote (editedFields) is kept unless the file's entry marks it edited too;
 *   similar questions the editor added (addedSimilar) are kept beside the file's;
 * - a decision (approved, rejected) is kept: the file's status is taken for a pending entry only;
 * - notes an editor wrote (not kb gaps' own, which begin `kb gaps: `) are kept, and tags an editor
 *   added stay beside the draft's.
 *
 * Any other store-format entry (a teammate's store, a file an editor wrote) is taken as it is, as
 * a sheet row without a revision: it can approve, reject, rewrite and clear notes.
 *
 * `keep`: the store's value stays; a value: take that; undefined: take the file's as it is.
 */
function keepsEditorWork(old: Entry, line: Entry, f: ImportField): 'keep' | string[] | undefined {
  if (!isGapsDraft(line)) return undefined;
  const empty = fieldKey(f, line[f]) === fieldKey(f, f === 'answer' || f === 'notes' ? '' : f === 'stale' ? undefined : []);
  if (empty && fieldKey(f, old[f]) !== fieldKey(f, line[f])) return 'keep';
  if (f === 'status') return old.status !== 'pending' && line.status !== old.status ? 'keep' : undefined;
  // notes kb gaps wrote (they start so) follow this week's counts; an editor's own notes stay, and
  // tags an editor added stay beside the draft's
  if (f === 'notes') return (old.notes ?? '') !== '' && !old.notes!.startsWith(GAPS_NOTES_START) ? 'keep' : undefined;
  if (f === 'tags') return [...new Set([...(line.tags ?? []), ...(old.tags ?? [])])];
  if (f === 'question' || f === 'answer' || f === 'similar') {
    const field: EditedField = f;
    if (isFieldEdited(old, field) && !isFieldEdited(line, field)) return 'keep';
    if (f === 'similar' && (old.addedSimilar ?? []).length > 0) return [...new Set([...line.similar, ...(old.addedSimilar ?? [])])];
  }
  return undefined;
}

/**
 * The similar questions of `now` not in `before` that questionLines kept whole with a separator in
 * them — on a line of a cell of several lines, any of `，` `,` `、` `|` `；` `;` (such a line is never
 * split); in a cell of one line, a comma or 、 where a part asks nothing on its own
 * (`优惠券不能用，领的券怎么用不了`): perhaps one question, perhaps several an editor typed on one
 * line — kb import says so.
 */
function keptWhole(now: readonly string[], before: readonly string[]): string[] {
  const had = new Set(before);
  return now.filter((q) => !had.has(q) && /[，,、|｜；;]/u.test(q));
}

/**
 * The similar questions of an imported entry that kb's rules made from the question the row
 * rewrote (请问如何送货？ for 如何送货？ rewritten as 有什么送货方式？): they ask the old question. kb
 * review drops them when an editor saves a new question; a sheet row keeps its similar cell as the
 * editor left it, and kb import says so. Before (2026-11-27) it said nothing.
 */
function oldVariantsKept(old: Entry, now: Entry): string[] {
  const made = variantsOfQuestion(old);
  return now.similar.filter((q) => made.has(q));
}

/** A few questions quoted, and how many more. */
function listed(questions: readonly string[]): string {
  const shown = questions.slice(0, 3).map((q) => `"${q}"`).join(', ');
  return questions.length > 3 ? `${shown} and ${questions.length - 3} more` : shown;
}

/** Why a question of a similar cell was kept whole (keptWhole), and what to do if it is several: the advice depends on the cell. */
function keptWholeWhy(severalLines: boolean): string {
  // a line of a cell of several lines is never split, on a comma or a ；, so only one a line helps
  return severalLines
    ? 'in a cell of several lines each line is one question; if it is several questions, put one a line'
    : 'a comma or 、 separates similar questions only where every part asks something; if it is several questions, put one a line (or separate them with ；)';
}

/** The one line of a similar or suggested cell as typed, or undefined when the cell has none or several. */
function oneLineOf(r: ImportRecord, f: 'similar' | 'suggested'): string | undefined {
  const lines = cellLines(r.cells?.[f] ?? '');
  return lines.length === 1 ? lines[0] : undefined;
}

/** The keys a revision may have hashed a value of `f` with: fieldKey, or r1ListKeys for similar and suggested questions in an `r1.` one. */
function revisionKeys(version: Revision['version'], f: ImportField, value: unknown): string[] {
  return version === 1 && (f === 'similar' || f === 'suggested') ? r1ListKeys(value) : [fieldKey(f, value)];
}

/** Whether `value` of `f` is the one a revision's hash `exported` was made of. */
function hashedAs(version: Revision['version'], f: ImportField, value: unknown, exported: string): boolean {
  return revisionKeys(version, f, value).some((key) => fieldHash(f, key) === exported);
}

/**
 * Whether the editor left a row's cell of `f` as exported (`exported`: its hash in the revision).
 * A similar or suggested cell is compared as the kb that wrote the revision read it: for `r1.`,
 * split into pieces (r1ListKeys); for `r2.`, as read now or one question a line as written (an
 * exported `开票；怎么开发票` alone in its cell, gone from the store since, is not an edit).
 */
function leftAsExported(r: ImportRecord, f: ImportField, value: unknown, version: Revision['version'], exported: string): boolean {
  const cell = f === 'similar' || f === 'suggested' ? r.cells?.[f] : undefined;
  if (cell === undefined) return hashedAs(version, f, value, exported);
  if (version === 1) return hashedAs(1, f, [cell], exported);
  return hashedAs(2, f, value, exported) || hashedAs(2, f, cellLines(cell), exported);
}

/** A question as a cell holds it and the store compares it: spaces collapsed, trimmed. */
const oneSpaced = (q: string): string => q.replace(/\s+/gu, ' ').trim();

/**
 * What a row's `kb similar` cell says of the similar questions kb wrote for the entry
 * (`generatedSimilar`): the ones the editor deleted from it and left in the similar cell are
 * `accepted` (the team's now). Only questions the editor saw count: when the revision holds the
 * cell's hash, a cell left as exported accepts none (kb's questions added since stay kb's), and a
 * changed cell of an entry whose kb questions changed since the export is a `conflict`. A line that
 * is not one of kb's questions (`foreign`: rewritten or added there) is the editor's mistake — the
 * column only lists kb's; the editor writes questions in the similar column.
 */
function kbSimilarOf(old: Entry, r: ImportRecord, cell: readonly string[], overwrite: boolean): { accepted: string[] } | { conflict: true } | { foreign: string[] } {
  const now = old.generatedSimilar ?? [];
  const exported = r.base?.kbSimilar;
  if (exported !== undefined) {
    if (kbSimilarHash(cell) === exported) return { accepted: [] };
    if (kbSimilarHash(now) !== exported && !overwrite) return { conflict: true };
  }
  const kb = new Set(now.map(oneSpaced));
  const foreign = cell.filter((q) => !kb.has(q));
  if (foreign.length > 0) return { foreign };
  const inCell = new Set(cell);
  // (planImport keeps those still in the entry's similar questions: one the editor deleted there too is gone)
  return { accepted: now.filter((q) => !inCell.has(oneSpaced(q))) };
}

export interface PlanOptions {
  /** Take the cells the editor changed even where the store changed the same field since the export. */
  overwrite?: boolean;
}

function describeField(f: ImportField, e: Entry): string {
  if (f === 'status') return `status now ${e.status}`;
  if (f === 'stale') return e.stale === undefined ? 'stale cleared' : `stale now ${e.stale}`;
  return f;
}

/**
 * The store after importing `records`: existing ids take the editable fields the file has, new
 * ids are added. Fails (nothing to apply) with every bad record when one is bad.
 *
 * A record with a revision (the field hashes of its entry when the sheet was exported) is merged
 * field by field: a cell equal to the store changes nothing; a field the store still has as
 * exported takes the cell; a field that changed in the store since keeps the store's value when
 * the editor left the cell as exported, and is a conflict when the editor changed it too — the
 * record is then not applied, and listed in `conflicts` (`overwrite`: the editor's cell is taken).
 * A record without a revision (an old sheet, an emptied cell, JSONL) takes every cell that differs,
 * but for a kb gaps draft, which undoes no editor's work (keepsEditorWork).
 */
export function planImport(store: readonly Entry[], records: readonly ImportRecord[], file: string, options: PlanOptions = {}): { ok: true; plan: ImportPlan } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const conflicts: Problem[] = [];
  const refused: Problem[] = [];
  const warnings: Problem[] = [];
  const seen = new Map<string, ImportRecord['location']>();
  const byId = new Map(store.map((e) => [e.id, e]));
  const next = new Map(byId);
  const changed: ImportChange[] = [];
  const added: string[] = [];
  const keptEditor: ImportChange[] = [];
  let unchanged = 0;
  let kept = 0;
  const byField = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, 0])) as Record<ImportField, number>;
  const where = (r: ImportRecord): string => ('row' in r.location ? `row ${r.location.row}` : `line ${r.location.line}`);
  for (const r of records) {
    if (r.id === '') continue;
    const first = seen.get(r.id);
    if (first !== undefined) {
      problems.push(problem('bad-row', `repeats the id ${r.id} of ${'row' in first ? `row ${first.row}` : `line ${first.line}`}; ids must be unique: give one of them a new id or delete it`, { file, location: r.location }));
      continue;
    }
    seen.set(r.id, r.location);
    const old = byId.get(r.id);
    if (old === undefined && r.base !== undefined && store.length > 0) {
      // an exported row (it has a revision cell) whose id is not in the store: its id was changed
      // in the sheet. Added as a new entry, it would duplicate the old one, which stays.
      problems.push(problem('bad-row', `has the id ${r.id}, which is not in the store, but a revision cell: was the id changed in the sheet (or the entry removed from the store since the export)? put the id back, or empty the revision cell to add the row as a new entry`, { file, location: r.location }));
      continue;
    }
    if (old === undefined && (r.question ?? '') === '') {
      problems.push(problem('bad-row', `has no question (id ${r.id}, not in the store: there is no question to keep); write the question`, { file, location: r.location }));
      continue;
    }
    let entry: Entry;
    if (old === undefined) {
      const base: Entry = r.entry !== undefined ? { ...r.entry } : { id: r.id, question: r.question ?? '', similar: [], answer: '', origin: r.origin ?? 'manual', status: r.status ?? 'pending' };
      entry = base;
      if (r.source !== undefined) entry.source = r.source;
      if (r.origin !== undefined) entry.origin = r.origin;
    } else {
      entry = { ...old };
    }
    const storeChanged: ImportField[] = [];
    const conflicting: ImportField[] = [];
    const keptFields: ImportField[] = [];
    let keptHere = false;
    for (const f of IMPORT_FIELDS) {
      let value = r[f];
      if (value === undefined) continue;
      // a one-line cell that is one of the entry's questions is that question, not its pieces
      if ((f === 'similar' || f === 'suggested') && old !== undefined) {
        const line = oneLineOf(r, f);
        const stored = line === undefined ? undefined : (old[f] ?? []).find((q) => oneSpaced(q) === oneSpaced(line));
        if (stored !== undefined) value = [stored];
      }
      if (old !== undefined) {
        if (r.entry !== undefined) {
          const kept = keepsEditorWork(old, r.entry, f);
          if (kept === 'keep') {
            if (fieldKey(f, value) !== fieldKey(f, old[f])) keptFields.push(f);
            continue;
          }
          if (kept !== undefined) value = kept;
        }
        const sheetKey = fieldKey(f, value);
        const storeKey = fieldKey(f, old[f]);
        const base = r.base;
        const exported = base?.hashes[f];
        // (hashed as the kb that wrote the revision did: an r1 sheet's similar questions split into pieces)
        const storeMoved = base !== undefined && exported !== undefined && !hashedAs(base.version, f, old[f], exported);
        if (storeMoved) storeChanged.push(f);
        // a cell is read trimmed (and a question with its spaces collapsed): the same text up to that is no change
        if (sheetKey === storeKey) continue;
        if (base !== undefined && exported !== undefined && storeMoved) {
          if (leftAsExported(r, f, value, base.version, exported)) {
            // the editor left the cell as exported: the store's newer value stays
            keptHere = true;
            continue;
          }
          if (options.overwrite !== true) {
            conflicting.push(f);
            continue;
          }
        }
      }
      switch (f) {
        case 'question':
        case 'answer':
          entry[f] = value as string;
          break;
        case 'similar':
          entry.similar = value as string[];
          break;
        case 'status':
          entry.status = value as EntryStatus;
          break;
        default:
          setOptional(entry, f, value as Entry[typeof f] | '');
      }
    }
    const kb = old === undefined || r.kbSimilar === undefined ? { accepted: [] } : kbSimilarOf(old, r, r.kbSimilar, options.overwrite === true);
    if ('foreign' in kb) {
      problems.push(problem('bad-row', `id ${r.id}: the kb similar cell has ${listed(kb.foreign)}, which kb did not write for this entry; edit questions in the similar column (the kb similar column lists kb's questions: delete a line there to make it your team's)`, { file, location: r.location }));
      continue;
    }
    if (old !== undefined && (conflicting.length > 0 || 'conflict' in kb)) {
      const moved = [...storeChanged.map((f) => describeField(f, old)), ...('conflict' in kb ? ['kb similar'] : [])];
      conflicts.push(
        problem(
          'import-conflict',
          `id ${r.id}: changed in the store since this sheet was exported (${moved.join(', ')}) and this row changes ${[...conflicting, ...('conflict' in kb ? ['kb similar'] : [])].join(', ')} as well, so the row was not imported; export again and redo the edit, or run kb import --overwrite to put the sheet's values over the store's`,
          { file, location: r.location },
        ),
      );
      continue;
    }
    if (old !== undefined && emptiesLiveAnswer(old, entry)) {
      const what = old.status === 'approved' ? `an approved ${old.origin === 'faq' ? 'FAQ ' : ''}entry` : old.origin === 'faq' ? 'a FAQ entry' : 'an entry';
      const harm = old.status === 'rejected' ? `would bring the rejected entry back as ${entry.status} with no answer (kb build leaves such an entry out)` : `would take ${what} the bot answers with out of the index`;
      refused.push(
        problem(
          'answer-emptied',
          `id ${r.id}: the answer is empty, which ${harm}, so the row was not imported; write the answer back (or a new one), or set its status to 驳回 (rejected) to take the entry out, and import again`,
          { file, location: r.location },
        ),
      );
      continue;
    }
    // a sheet cell's questions (a JSONL record's are a list, not split)
    if (r.entry === undefined) {
      const why = keptWholeWhy(cellLines(r.cells?.similar ?? '').length > 1);
      for (const q of keptWhole(entry.similar, old?.similar ?? [])) {
        warnings.push(problem('bad-row', `id ${r.id}: the similar question "${q}" was kept as one question: ${why}`, { file, location: r.location, severity: 'warning' }));
      }
      const asksOld = old !== undefined && entry.question !== old.question ? oldVariantsKept(old, entry) : [];
      if (asksOld.length > 0) warnings.push(problem('bad-row', `id ${r.id}: the question changed, and ${asksOld.length === 1 ? 'a similar question' : `${asksOld.length} similar questions`} kb made from the old one ${asksOld.length === 1 ? 'still asks' : 'still ask'} it (${listed(asksOld)}): delete ${asksOld.length === 1 ? 'it' : 'them'} from the similar cell, or press g on the entry in kb review for variants of the new question`, { file, location: r.location, severity: 'warning' }));
    }
    if (keptHere) kept++;
    if (keptFields.length > 0) keptEditor.push({ id: r.id, fields: keptFields });
    // approving or rejecting is the editor's word on the entry as its source is now
    if (old !== undefined && old.status !== entry.status && entry.status !== 'pending') delete entry.stale;
    // kb's questions the editor deleted from the similar cell are no longer kb's (nor in the list)
    if (old !== undefined) entry = withGeneratedSimilar(entry, old.generatedSimilar ?? []);
    const checked = validateEntry(entry);
    if (!checked.ok) {
      problems.push(problem('bad-row', `is not a valid entry (${checked.message}); fix the ${where(r)}`, { file, location: r.location }));
      continue;
    }
    entry = checked.entry;
    if (old === undefined) {
      // an entry the import adds is an editor's: counted as edited, regeneration never removes it
      // as untouched when it finds no section for it (kept, marked source-missing); a manual one it
      // leaves alone anyway
      if (entry.origin !== 'manual') entry = markEdited(entry, EDITED_FIELDS);
      added.push(entry.id);
      next.set(entry.id, entry);
      continue;
    }
    const fields = IMPORT_FIELDS.filter((f) => !same(old[f], entry[f]));
    // a question kb wrote for a row that the editor took out of the kb similar cell, and left in similar: the team's now
    const accepted = 'accepted' in kb ? kb.accepted.filter((q) => entry.similar.includes(q)) : [];
    if (accepted.length > 0 && !fields.includes('similar')) fields.push('similar');
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    // the texts the editor rewrote stay theirs when the source changes; the others follow it (of
    // the similar questions, only the added ones when nothing else changed: withEditorSimilar)
    entry = markEdited(entry, EDITED_FIELDS.filter((f) => f !== 'similar' && (fields as readonly string[]).includes(f)));
    // (a kb gaps draft's similar questions are customer questions: they replace the list but for
    // the editor's added ones, and are not the editor's; any other file's are, as a sheet's)
    if (fields.includes('similar')) entry = r.entry !== undefined && isGapsDraft(r.entry) ? entry : withEditorSimilar({ ...entry, similar: old.similar }, entry.similar);
    for (const q of accepted) entry = acceptGeneratedSimilar(entry, q);
    for (const f of fields) byField[f]++;
    changed.push({ id: entry.id, fields });
    next.set(entry.id, entry);
  }
  if (problems.length > 0) return { ok: false, problems };
  const entries = [...next.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const untouched = store.length - unchanged - changed.length - conflicts.length - refused.length;
  return { ok: true, plan: { entries, changed, added, unchanged, untouched, kept, keptEditor, byField, conflicts, refused, warnings } };
}

/** `12 entries changed (question 3, similar 5, status 4); 2 added; 80 unchanged; 26 not in the file, left as they are` */
export function describePlan(plan: ImportPlan): string {
  const parts: string[] = [];
  const fields = IMPORT_FIELDS.filter((f) => plan.byField[f] > 0).map((f) => `${f} ${plan.byField[f]}`);
  parts.push(`${plan.changed.length} ${plan.changed.length === 1 ? 'entry' : 'entries'} changed${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`);
  parts.push(`${plan.added.length} added`);
  parts.push(`${plan.unchanged} unchanged`);
  if (plan.kept > 0) parts.push(`${plan.kept} kept newer store values (changed since the export, not in the sheet)`);
  if (plan.keptEditor.length > 0) parts.push(`${plan.keptEditor.length} kept an editor's work the file would have undone`);
  if (plan.conflicts.length > 0) parts.push(`${plan.conflicts.length} ${plan.conflicts.length === 1 ? 'row' : 'rows'} not imported (changed in the store since the export)`);
  if (plan.refused.length > 0) parts.push(`${plan.refused.length} ${plan.refused.length === 1 ? 'row' : 'rows'} not imported (an answer emptied)`);
  if (plan.untouched > 0) parts.push(`${plan.untouched} not in the file, left as they are`);
  return parts.join('; ');
}
