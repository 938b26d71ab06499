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
 * An import is all or nothing: one bad row (bad status, no id, no question, an id twice…) and the
 * store is left as it was, with every bad row reported by its row number.
 */
import { problem, type Problem } from '../core/problems.js';
import { EDITED_FIELDS, ENTRY_ORIGINS, ENTRY_STATUSES, markEdited, type Entry, type EntryOrigin, type EntryStatus, type Staleness } from '../store/entry.js';
import { validateEntry } from '../store/store.js';

export const COLUMNS = ['id', 'status', 'question', 'similar', 'answer', 'suggested', 'stale', 'notes', 'tags', 'origin', 'source', 'heading path', 'page'] as const;
export type Column = (typeof COLUMNS)[number];

/** What each column holds, for the spreadsheet's notes sheet and docs/review.md. */
export const COLUMN_HELP: Readonly<Record<Column, string>> = {
  id: 'the entry id: keep it; a row with a new id adds an entry',
  status: 'pending, approved or rejected',
  question: 'the standard question',
  similar: 'similar questions, one a line (Alt-Enter in Excel starts a new line)',
  answer: 'the answer',
  suggested: 'proposed similar questions not yet accepted: move a line to "similar" to accept it, delete it to dismiss it',
  stale: 'source-changed or source-missing when the source changed since; approve or reject the entry (or empty the cell) once checked',
  notes: 'free notes for the team',
  tags: 'tags, one a line',
  origin: 'faq, extracted, generated or manual (read only; new rows: manual when empty)',
  source: 'the source file (read only)',
  'heading path': 'the headings above the source section, one a line (read only)',
  page: 'the page in the source (read only)',
};

const STALENESS: readonly Staleness[] = ['source-changed', 'source-missing'];

/** The cells of an entry's row, in COLUMNS order (`page` a number, the rest text). */
export function entryCells(e: Entry): (string | number)[] {
  const cells: Record<Column, string | number> = {
    id: e.id,
    status: e.status,
    question: e.question,
    similar: e.similar.join('\n'),
    answer: e.answer,
    suggested: (e.suggested ?? []).join('\n'),
    stale: e.stale ?? '',
    notes: e.notes ?? '',
    tags: (e.tags ?? []).join('\n'),
    origin: e.origin,
    source: e.source?.path ?? '',
    'heading path': (e.source?.headingPath ?? []).join('\n'),
    page: e.source?.page ?? '',
  };
  return COLUMNS.map((c) => cells[c]);
}

/** A table read from a file: its header and rows of text cells, with the row numbers the editor sees. */
export interface Table {
  file: string;
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
  /** Count of changed entries per field. */
  byField: Record<ImportField, number>;
  warnings: Problem[];
}

function normalizeHeader(h: string): string {
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

/** One imported record: the values the file gives (undefined: the file has no such column). */
export interface ImportRecord {
  /** Where it is, for messages. */
  location: { row: number } | { line: number };
  id: string;
  question?: string;
  answer?: string;
  similar?: string[];
  suggested?: string[];
  status?: EntryStatus;
  stale?: Staleness | '';
  notes?: string;
  tags?: string[];
  origin?: EntryOrigin;
  source?: { path: string; headingPath: string[]; page?: number };
  /** A whole entry (a store-format JSONL line): the fields an import does not take come from here for new ids. */
  entry?: Entry;
}

/** Rows of a table as import records; every bad cell is a problem with its row number. */
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
  for (const { n, cells } of table.rows) {
    const get = (c: Column): string | undefined => {
      const i = index.get(c);
      return i === undefined ? undefined : (cells[i] ?? '');
    };
    if (cells.every((c) => c.trim() === '')) continue;
    const where = { file, location: { row: n } };
    const id = (get('id') ?? '').trim();
    const question = (get('question') ?? '').replace(/\s+/gu, ' ').trim();
    const bad = (message: string): void => {
      problems.push(problem('bad-row', message, where));
    };
    if (id === '') bad('has no id; give the row an id (a new id adds an entry), or delete the row');
    else if (/\s/u.test(id)) bad(`has the id "${id}" with a space in it; ids have no spaces`);
    else if (rowOf.has(id)) bad(`repeats the id ${id} of row ${rowOf.get(id) ?? '?'}; ids must be unique: give one of them a new id or delete it`);
    else rowOf.set(id, n);
    if (question === '') bad(`has no question${id !== '' ? ` (id ${id})` : ''}; write the question, or set the status to rejected`);
    const record: ImportRecord = { location: { row: n }, id, question };
    const status = get('status')?.trim().toLowerCase();
    if (status !== undefined) {
      if ((ENTRY_STATUSES as readonly string[]).includes(status)) record.status = status as EntryStatus;
      else bad(`has the status "${get('status')?.trim() ?? ''}"${id !== '' ? ` (id ${id})` : ''}; the status is pending, approved or rejected`);
    }
    const stale = get('stale')?.trim().toLowerCase();
    if (stale !== undefined) {
      if (stale === '' || (STALENESS as readonly string[]).includes(stale)) record.stale = stale as Staleness | '';
      else bad(`has "${get('stale')?.trim() ?? ''}" as stale; leave it as exported (source-changed or source-missing) or empty it`);
    }
    const origin = get('origin')?.trim().toLowerCase();
    if (origin !== undefined && origin !== '') {
      if ((ENTRY_ORIGINS as readonly string[]).includes(origin)) record.origin = origin as EntryOrigin;
      else bad(`has the origin "${get('origin')?.trim() ?? ''}"; the origin is faq, extracted, generated or manual (or empty for a new row)`);
    }
    const answer = get('answer');
    if (answer !== undefined) record.answer = cellText(answer).trim();
    const similar = get('similar');
    if (similar !== undefined) record.similar = cellLines(similar);
    const suggested = get('suggested');
    if (suggested !== undefined) record.suggested = cellLines(suggested);
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
        else bad(`has the page "${page}"; a page is a whole number from 1, or empty`);
      }
      record.source = source;
    }
    records.push(record);
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
 * The store after importing `records`: existing ids take the editable fields the file has, new
 * ids are added. Fails (nothing to apply) with every bad record when one is bad.
 */
export function planImport(store: readonly Entry[], records: readonly ImportRecord[], file: string): { ok: true; plan: ImportPlan } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const seen = new Map<string, ImportRecord['location']>();
  const byId = new Map(store.map((e) => [e.id, e]));
  const next = new Map(byId);
  const changed: ImportChange[] = [];
  const added: string[] = [];
  let unchanged = 0;
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
    let entry: Entry;
    if (old === undefined) {
      const base: Entry = r.entry !== undefined ? { ...r.entry } : { id: r.id, question: r.question ?? '', similar: [], answer: '', origin: r.origin ?? 'manual', status: r.status ?? 'pending' };
      entry = base;
      if (r.source !== undefined) entry.source = r.source;
      if (r.origin !== undefined) entry.origin = r.origin;
    } else {
      entry = { ...old };
    }
    // a cell is read trimmed (and a question with its spaces collapsed): the same text up to that is no change
    const text = (v: string | undefined): string => (v ?? '').replace(/\r\n?/gu, '\n').trim();
    const line = (v: string): string => v.replace(/\s+/gu, ' ').trim();
    const list = (v: readonly string[] | undefined): string => JSON.stringify((v ?? []).map(line).filter((x) => x !== ''));
    if (r.question !== undefined && !(old !== undefined && line(old.question) === r.question)) entry.question = r.question;
    if (r.answer !== undefined && !(old !== undefined && text(old.answer) === r.answer)) entry.answer = r.answer;
    if (r.similar !== undefined && !(old !== undefined && list(old.similar) === list(r.similar))) entry.similar = r.similar;
    if (r.status !== undefined) entry.status = r.status;
    if (r.suggested !== undefined && !(old !== undefined && list(old.suggested) === list(r.suggested))) setOptional(entry, 'suggested', r.suggested);
    if (r.notes !== undefined && !(old !== undefined && text(old.notes) === r.notes)) setOptional(entry, 'notes', r.notes);
    if (r.tags !== undefined && !(old !== undefined && list(old.tags) === list(r.tags))) setOptional(entry, 'tags', r.tags);
    if (r.stale !== undefined) setOptional(entry, 'stale', r.stale);
    // approving or rejecting is the editor's word on the entry as its source is now
    if (old !== undefined && old.status !== entry.status && entry.status !== 'pending') delete entry.stale;
    const checked = validateEntry(entry);
    if (!checked.ok) {
      problems.push(problem('bad-row', `is not a valid entry (${checked.message}); fix the ${where(r)}`, { file, location: r.location }));
      continue;
    }
    entry = checked.entry;
    if (old === undefined) {
      added.push(entry.id);
      next.set(entry.id, entry);
      continue;
    }
    const fields = IMPORT_FIELDS.filter((f) => !same(old[f], entry[f]));
    if (fields.length === 0) {
      unchanged++;
      continue;
    }
    // the texts the editor rewrote stay theirs when the source changes; the others follow it
    entry = markEdited(entry, EDITED_FIELDS.filter((f) => (fields as readonly string[]).includes(f)));
    for (const f of fields) byField[f]++;
    changed.push({ id: entry.id, fields });
    next.set(entry.id, entry);
  }
  if (problems.length > 0) return { ok: false, problems };
  const entries = [...next.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ok: true, plan: { entries, changed, added, unchanged, untouched: store.length - unchanged - changed.length, byField, warnings: [] } };
}

/** `12 entries changed (question 3, similar 5, status 4); 2 added; 80 unchanged; 26 not in the file, left as they are` */
export function describePlan(plan: ImportPlan): string {
  const parts: string[] = [];
  const fields = IMPORT_FIELDS.filter((f) => plan.byField[f] > 0).map((f) => `${f} ${plan.byField[f]}`);
  parts.push(`${plan.changed.length} ${plan.changed.length === 1 ? 'entry' : 'entries'} changed${fields.length > 0 ? ` (${fields.join(', ')})` : ''}`);
  parts.push(`${plan.added.length} added`);
  parts.push(`${plan.unchanged} unchanged`);
  if (plan.untouched > 0) parts.push(`${plan.untouched} not in the file, left as they are`);
  return parts.join('; ');
}
