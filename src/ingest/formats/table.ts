/**
 * FAQ tables — CSV, JSON Lines and XLSX — become FAQ rows as they are: `id` (optional), `question`,
 * `similar`, `answer`, `tags` (optional). English and Chinese headers are accepted (see
 * FIELD_ALIASES); a header is matched ignoring case, surrounding whitespace, a BOM and full-width
 * forms. A bad row is skipped with a `bad-row` warning that says what to fix, so one bad row never
 * costs the others; a table kb cannot read at all (no question or answer column, an unclosed CSV
 * quote, not an .xlsx) is a failed Result with `bad-table`.
 *
 * XLSX goes through excel.ts, the one module that imports exceljs (loaded lazily, so CSV and
 * JSONL don't pay for it), which checks the zip container first.
 *
 * The CSV reader is a small one of our own rather than csv-parse: FAQ cells often span lines, and
 * the line numbers in kb's messages must be the record's first line, and, for an unclosed quote,
 * the line where the quote opened.
 */
import { fail, inFileOrder, ok, problem, warning, type Problem, type ProblemLocation, type Result } from '../../core/problems.js';
import type { FaqRow } from '../document.js';
import type { ParseOptions } from '../parsed.js';
import { answerKey, questionKey } from '../../text/question-key.js';
import { loadWorkbook, numberText, sheetRows } from './excel.js';

export interface TableParse {
  /** Good rows in file order; `line` is the CSV record's first line, the JSONL line or the XLSX sheet row. */
  rows: { row: FaqRow; line: number }[];
  /** Skipped rows (`bad-row`) and ignored columns or sheets. */
  warnings: Problem[];
}

export type FaqField = 'id' | 'question' | 'similar' | 'answer' | 'tags';

/** Header names (and JSONL keys) per field, compared after `normalizeHeader`. */
export const FIELD_ALIASES: Readonly<Record<FaqField, readonly string[]>> = {
  id: ['id', 'faq id', 'qid', '编号', '編號'],
  question: ['question', 'q', 'standard question', '标准问题', '问题', '标准问', '標準問題', '問題', '標準問'],
  similar: [
    'similar',
    'similars',
    'similar question',
    'similar questions',
    '相似问题',
    '相似问',
    '相似问法',
    '相似問題',
    '相似問',
    '相似問法',
    '扩展问',
    '扩展问题',
    '擴展問',
    '擴展問題',
  ],
  answer: ['answer', 'a', 'standard answer', '答案', '回答', '标准答案', '標準答案'],
  tags: ['tags', 'tag', 'category', 'categories', '标签', '分类', '標籤', '分類'],
};

/** Search this many non-blank rows from the top for the header row (title rows may sit above it). */
export const HEADER_SEARCH_ROWS = 5;
/** At most this many `bad-row` (and, apart, `duplicate-question`) warnings are listed one by one; the rest are counted in one more. */
export const MAX_ROW_WARNINGS = 100;
const EXPECTED =
  'a question column (question, 标准问题, 问题 or 标准问) and an answer column (answer, 答案, 回答 or 标准答案), ' +
  'optionally id (编号), similar (相似问题) and tags (标签)';

/** Header text → comparable form: NFKC (full-width → half-width), no BOM or zero-width marks, lower case, one space, no trailing `:` or `*`. */
export function normalizeHeader(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\uFEFF\u200B-\u200D\u2060]/gu, '')
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ')
    .trim()
    .replace(/\s*[:*]+$/u, '')
    .trim();
}

const ALIAS_TO_FIELD: ReadonlyMap<string, FaqField> = new Map(
  (Object.entries(FIELD_ALIASES) as [FaqField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [normalizeHeader(name), field] as const),
  ),
);

/** The field a header cell (or JSONL key) names, if any. */
export function fieldOfHeader(name: string): FaqField | undefined {
  return ALIAS_TO_FIELD.get(normalizeHeader(name));
}

// ---------------------------------------------------------------------------------------------
// Cells → FAQ rows (shared by the three formats)

type Unit = 'line' | 'row';

interface Context {
  file: string;
  unit: Unit;
  /** 'column' for CSV/XLSX, 'field' for JSONL: how messages name a place in a row. */
  part: 'column' | 'field';
}

function at(unit: Unit, n: number): ProblemLocation {
  return unit === 'line' ? { line: n } : { row: n };
}

function quote(text: string, max = 30): string {
  const oneLine = text.replace(/\s+/gu, ' ');
  return `"${oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine}"`;
}

function list(names: readonly string[], max = 12): string {
  const shown = names.slice(0, max).map((n) => quote(n, 40));
  return names.length > max ? `${shown.join(', ')} and ${names.length - max} more` : shown.join(', ');
}

/** Collects warnings, listing at most MAX_ROW_WARNINGS skipped rows and as many repeated questions one by one. */
class Warnings {
  readonly list: Problem[] = [];
  private badRows = 0;
  private duplicates = 0;
  constructor(private readonly ctx: Context) {}

  /** A table-level warning (`bad-table`, severity warning): ignored columns, fields or sheets. */
  add(message: string, location?: ProblemLocation): void {
    this.push('bad-table', message, location);
  }

  /** A skipped row (`bad-row`). */
  skip(n: number, message: string): void {
    this.badRows++;
    if (this.badRows <= MAX_ROW_WARNINGS) this.push('bad-row', `row skipped: ${message}`, at(this.ctx.unit, n));
  }

  done(): Problem[] {
    const more = this.badRows - MAX_ROW_WARNINGS;
    if (more > 0) this.push('bad-row', `${more} more rows were skipped and are not listed; fix the rows listed above and read the file again to see them`);
    // a large export repeats thousands of questions: listed all, they buried the skipped rows
    const repeated = this.duplicates - MAX_ROW_WARNINGS;
    if (repeated > 0) this.push('duplicate-question', `${repeated} more ${repeated === 1 ? 'row asks' : 'rows ask'} a question an earlier row asks and ${repeated === 1 ? 'is' : 'are'} not listed; merge the rows listed above (or make their questions distinct) and read the file again to see them`);
    return this.list;
  }

  /** A row that asks a question an earlier row asks (`duplicate-question`). */
  duplicate(n: number, message: string): void {
    this.duplicates++;
    if (this.duplicates <= MAX_ROW_WARNINGS) this.push('duplicate-question', message, at(this.ctx.unit, n));
  }

  private push(code: 'bad-row' | 'bad-table' | 'duplicate-question', message: string, location?: ProblemLocation): void {
    this.list.push(warning(code, message, location === undefined ? { file: this.ctx.file } : { file: this.ctx.file, location }));
  }
}

/** Raw values for one row: strings from CSV/XLSX cells, any JSON value from JSONL. */
type RawRow = Partial<Record<FaqField, unknown>>;
/** How the user named each field (the header text or JSON key), for messages. */
type Labels = Partial<Record<FaqField, string>>;

/** Text of a scalar: strings trimmed with newlines normalized, numbers as written; `undefined` for anything else. */
function scalarText(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/gu, '\n').trim();
  if (typeof value === 'number' && Number.isFinite(value)) return numberText(value);
  return undefined;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const SIMILAR_SEPARATORS = /[|｜\n]/u;
const TAG_SEPARATORS = /[,，|｜;；、]/u;

/** Trim, drop empties and duplicates (and `exclude`, the question itself), keeping the first order. */
function cleanList(items: readonly string[], exclude?: string): string[] {
  const seen = new Set<string>(exclude === undefined ? [] : [exclude]);
  const out: string[] = [];
  for (const raw of items) {
    const item = raw.replace(/\s+/gu, ' ').trim();
    if (item === '' || seen.has(item)) continue;
    seen.add(item);
    out.push(item);
  }
  return out;
}

type ListParse = { ok: true; items: string[] } | { ok: false; reason: string };

function listFromArray(values: readonly unknown[], name: string): ListParse {
  const items: string[] = [];
  for (const [i, value] of values.entries()) {
    if (value === null) continue;
    if (typeof value === 'string') items.push(value);
    else if (typeof value === 'number' && Number.isFinite(value)) items.push(numberText(value));
    else return { ok: false, reason: `item ${i + 1} of the ${name} is ${kindOf(value)}; write the ${name} as a list of texts` };
  }
  return { ok: true, items };
}

/** A JSON array typed in a spreadsheet often has curly quotes or full-width commas: straighten them. */
function straightenJson(text: string): string {
  return text.replace(/[“”＂]/gu, '"').replace(/，/gu, ',').replace(/［/gu, '[').replace(/］/gu, ']');
}

/**
 * `similar` or `tags`: a list, a JSON array written as text, or text split on `separators`.
 * An invalid JSON array, or a value that is neither list nor text, is a reason to skip the row.
 */
function parseList(value: unknown, separators: RegExp, name: string, example: string): ListParse {
  if (value === undefined || value === null) return { ok: true, items: [] };
  if (Array.isArray(value)) return listFromArray(value, name);
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, items: [numberText(value)] };
  if (typeof value !== 'string') {
    return { ok: false, reason: `the ${name} is ${kindOf(value)}; write it as a list of texts or as one text separated by ${example}` };
  }
  const text = value.trim();
  if (/^[[［]/u.test(text) && /[\]］]$/u.test(text)) {
    for (const candidate of [text, straightenJson(text)]) {
      try {
        const parsed: unknown = JSON.parse(candidate);
        if (Array.isArray(parsed)) return listFromArray(parsed, name);
      } catch {
        // try the next candidate
      }
    }
    return {
      ok: false,
      reason: `the ${name} ${quote(text)} looks like a JSON array but is not valid JSON; write it as ["…", "…"] or separate the items with ${example}`,
    };
  }
  return { ok: true, items: text.split(separators) };
}

/** One row's raw values → a FaqRow, or the reason (what to fix) it is skipped. */
function buildRow(raw: RawRow, labels: Labels, ctx: Context): FaqRow | string {
  const label = (field: FaqField): string => `${labels[field] ?? field} ${ctx.part}`;
  const question = scalarText(raw.question);
  if (question === undefined) return `the ${label('question')} is ${kindOf(raw.question)}; write the question as text`;
  const answer = scalarText(raw.answer);
  if (answer === undefined) return `the ${label('answer')} is ${kindOf(raw.answer)}; write the answer as text`;
  if (question === '') {
    return answer === '' ? `the row has no question and no answer; fill in the ${label('question')} and the ${label('answer')} or delete the row` : `the row has an answer but no question; fill in the ${label('question')} or delete the row`;
  }
  if (answer === '') return `the question ${quote(question)} has no answer; fill in the ${label('answer')} or delete the row`;
  const id = scalarText(raw.id);
  if (id === undefined) return `the ${label('id')} is ${kindOf(raw.id)}; write the id as text or a number`;
  const similar = parseList(raw.similar, SIMILAR_SEPARATORS, label('similar'), '| or line breaks');
  if (!similar.ok) return similar.reason;
  const tags = parseList(raw.tags, TAG_SEPARATORS, label('tags'), 'commas');
  if (!tags.ok) return tags.reason;
  const row: FaqRow = { question, similar: cleanList(similar.items, question), answer, tags: cleanList(tags.items) };
  if (id !== '') row.id = id;
  return row;
}

/**
 * Builds rows one by one, skipping bad ones and repeated ids. A question asked twice is reported:
 * with the same answer (an exact duplicate) the later row is merged into the first (its similar
 * questions and tags added), unless the two rows carry different ids; with a different answer
 * both rows are kept and the warning asks to merge them or make the questions distinct — two
 * entries with one question split every match between them, and the bot hands the question off.
 */
class RowCollector {
  readonly rows: { row: FaqRow; line: number }[] = [];
  private readonly ids = new Map<string, number>();
  private readonly questions = new Map<string, { row: FaqRow; line: number }>();
  constructor(
    private readonly ctx: Context,
    readonly warnings: Warnings,
  ) {}

  add(raw: RawRow, labels: Labels, n: number): void {
    const row = buildRow(raw, labels, this.ctx);
    if (typeof row === 'string') {
      this.warnings.skip(n, row);
      return;
    }
    if (row.id !== undefined) {
      const first = this.ids.get(row.id);
      if (first !== undefined) {
        this.warnings.skip(n, `the id ${quote(row.id)} is already used on ${this.ctx.unit} ${first}; give each row its own id`);
        return;
      }
      this.ids.set(row.id, n);
    }
    const key = questionKey(row.question);
    const prior = this.questions.get(key);
    if (prior === undefined) {
      this.questions.set(key, { row, line: n });
    } else {
      const unit = this.ctx.unit;
      const sameAnswer = answerKey(prior.row.answer) === answerKey(row.answer);
      if (sameAnswer && (row.id === undefined || prior.row.id === undefined || row.id === prior.row.id)) {
        prior.row.similar = cleanList([...prior.row.similar, ...row.similar], prior.row.question);
        prior.row.tags = cleanList([...prior.row.tags, ...row.tags]);
        this.warnings.duplicate(n, `repeats the question ${quote(row.question)} and the answer of ${unit} ${prior.line}; it was merged into ${unit} ${prior.line} (its similar questions and tags added): delete one of the two rows`);
        return;
      }
      this.warnings.duplicate(
        n,
        sameAnswer
          ? `repeats the question ${quote(row.question)} and the answer of ${unit} ${prior.line} under another id; both are kept as two entries that split every match: delete one of the two rows`
          : `asks the question ${quote(row.question)} of ${unit} ${prior.line} — the same question with different answers; merge them or make the questions distinct`,
      );
    }
    this.rows.push({ row, line: n });
  }
}

// ---------------------------------------------------------------------------------------------
// Header rows (CSV and XLSX)

interface CellRow {
  cells: string[];
  /** CSV: the record's first line; XLSX: the sheet row. */
  n: number;
}

interface Header {
  n: number;
  columns: { field: FaqField; index: number; name: string }[];
  /** Header cells that name no field. */
  unknown: string[];
  /** Later columns for a field already taken: [field, first name, ignored name]. */
  repeated: [FaqField, string, string][];
}

type HeaderSearch = { found: true; header: Header } | { found: false; best: Header | undefined };

function isBlank(row: CellRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}

function readHeader(row: CellRow): Header {
  const header: Header = { n: row.n, columns: [], unknown: [], repeated: [] };
  row.cells.forEach((cell, index) => {
    const name = cell.replace(/\s+/gu, ' ').trim();
    if (name === '' || normalizeHeader(name) === '') return;
    const field = fieldOfHeader(name);
    if (field === undefined) {
      header.unknown.push(name);
      return;
    }
    const taken = header.columns.find((c) => c.field === field);
    if (taken !== undefined) header.repeated.push([field, taken.name, name]);
    else header.columns.push({ field, index, name });
  });
  return header;
}

const has = (header: Header, field: FaqField): boolean => header.columns.some((c) => c.field === field);

/** The first of the top HEADER_SEARCH_ROWS non-blank rows that has a question and an answer column. */
function findHeader(rows: readonly CellRow[]): HeaderSearch {
  let best: Header | undefined;
  let seen = 0;
  for (const row of rows) {
    if (isBlank(row)) continue;
    if (seen++ >= HEADER_SEARCH_ROWS) break;
    const header = readHeader(row);
    if (has(header, 'question') && has(header, 'answer')) return { found: true, header };
    if (best === undefined || header.columns.length > best.columns.length) best = header;
  }
  return { found: false, best };
}

/** "has no question column (…)": what is missing, what was found, what is expected. */
function missingColumns(best: Header | undefined, unit: Unit): { message: string; location?: ProblemLocation } {
  if (best === undefined) return { message: `has no rows; a FAQ table needs a header row with ${EXPECTED}` };
  const missing = (['question', 'answer'] as const).filter((f) => !has(best, f)).map((f) => `no ${f} column`);
  const found = [...best.columns.map((c) => c.name), ...best.unknown];
  return {
    message:
      `has ${missing.join(' and ')} (the best header candidate, ${unit} ${best.n}, has ${found.length > 0 ? list(found) : 'no names'}); ` +
      `a FAQ table needs a header row within its first ${HEADER_SEARCH_ROWS} rows with ${EXPECTED}`,
    location: at(unit, best.n),
  };
}

function headerWarnings(header: Header, warnings: Warnings, unit: Unit, where = ''): void {
  const location = at(unit, header.n);
  if (header.unknown.length > 0) {
    warnings.add(
      `${where}has ${header.unknown.length === 1 ? 'a column' : 'columns'} kb does not read: ${list(header.unknown)}; ` +
        `${header.unknown.length === 1 ? 'it was' : 'they were'} ignored (kb reads id, question, similar, answer and tags: rename a column that holds one of these)`,
      location,
    );
  }
  for (const [field, first, ignored] of header.repeated) {
    warnings.add(`${where}has two columns for the ${field}, ${quote(first)} and ${quote(ignored)}; only ${quote(first)} was read: merge them or rename one`, location);
  }
}

/** Rows below the header → FAQ rows. */
function tableRows(rows: readonly CellRow[], header: Header, collector: RowCollector): void {
  const labels: Labels = {};
  for (const c of header.columns) labels[c.field] = c.name;
  for (const row of rows) {
    if (row.n <= header.n || isBlank(row)) continue;
    const raw: RawRow = {};
    for (const c of header.columns) raw[c.field] = row.cells[c.index] ?? '';
    collector.add(raw, labels, row.n);
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

export type CsvSplit = { ok: true; records: CellRow[] } | { ok: false; line: number };

const LINE_BREAK = /\r\n|\r|\n/gu;

/** The delimiter the first non-blank lines use: comma, else tab, else semicolon. */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  let lines = 0;
  for (const line of text.split(LINE_BREAK)) {
    if (line.trim() === '') continue;
    if (line.includes(',')) return ',';
    if (line.includes('\t')) return '\t';
    if (line.includes(';')) return ';';
    if (++lines >= HEADER_SEARCH_ROWS) break;
  }
  return ',';
}

/**
 * RFC 4180 CSV, tolerantly: CRLF, LF or CR line ends; quoted cells may span lines and hold `""`;
 * a quote inside an unquoted cell is a plain character; spaces before an opening quote are dropped.
 * Only a quote that is never closed is an error, reported at the line it opened on.
 */
export function splitCsv(text: string, delimiter = ','): CsvSplit {
  const records: CellRow[] = [];
  const special = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}"\\r\\n]`, 'gu');
  let cells: string[] = [];
  let cell = '';
  /** The current cell was quoted (so a later quote in it is a plain character). */
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = (): void => {
    cells.push(cell);
    records.push({ cells, n: recordLine });
    cells = [];
    cell = '';
    wasQuoted = false;
  };
  while (i < text.length) {
    special.lastIndex = i;
    const m = special.exec(text);
    if (m === null) {
      cell += text.slice(i);
      i = text.length;
      break;
    }
    cell += text.slice(i, m.index);
    const ch = m[0];
    i = m.index + 1;
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      wasQuoted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (wasQuoted || cell.trim() !== '') {
      cell += '"'; // a quote inside an unquoted cell, or after a closed quote: a plain character
    } else {
      // a quoted cell: up to the closing quote, `""` is a quote
      const opened = line;
      cell = '';
      wasQuoted = true;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) return { ok: false, line: opened };
        const chunk = text.slice(i, close);
        line += chunk.match(LINE_BREAK)?.length ?? 0;
        cell += chunk.replace(LINE_BREAK, '\n');
        if (text[close + 1] === '"') {
          cell += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    }
  }
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return { ok: true, records };
}

export function parseFaqCsv(text: string, options: ParseOptions): Result<TableParse> {
  const file = options.file;
  const split = splitCsv(text, detectDelimiter(text));
  if (!split.ok) {
    return fail(
      problem(
        'bad-table',
        `has a quote (") opened on line ${split.line} that is never closed, so the rest of the file cannot be read as CSV; ` +
          'close the quote, or write a quote inside a quoted cell as ""',
        { file, location: { line: split.line } },
      ),
    );
  }
  const search = findHeader(split.records);
  if (!search.found) {
    const { message, location } = missingColumns(search.best, 'line');
    return fail(problem('bad-table', message, location === undefined ? { file } : { file, location }));
  }
  const ctx: Context = { file, unit: 'line', part: 'column' };
  const warnings = new Warnings(ctx);
  headerWarnings(search.header, warnings, 'line');
  const collector = new RowCollector(ctx, warnings);
  tableRows(split.records, search.header, collector);
  return ok({ rows: collector.rows, warnings: warnings.done() });
}

// ---------------------------------------------------------------------------------------------
// JSON Lines

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseFaqJsonl(text: string, options: ParseOptions): Result<TableParse> {
  const file = options.file;
  const ctx: Context = { file, unit: 'line', part: 'field' };
  const warnings = new Warnings(ctx);
  const collector = new RowCollector(ctx, warnings);
  const unknown = new Map<string, number>();
  const repeated = new Map<string, number>();
  const keys = new Set<string>();
  let sawQuestion = false;
  let sawAnswer = false;
  let objects = 0;
  let firstError: { line: number; message: string } | undefined;
  const parsed: { raw: RawRow; labels: Labels; line: number }[] = [];

  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/u);
  lines.forEach((source, index) => {
    const line = index + 1;
    if (source.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      const detail = error instanceof SyntaxError ? error.message.replace(/^JSON\.parse: /u, '') : String(error);
      firstError ??= { line, message: detail };
      warnings.skip(line, `the line is not valid JSON (${detail}); write one JSON object per line, like {"question": "…", "answer": "…"}`);
      return;
    }
    if (!isObject(value)) {
      firstError ??= { line, message: `${kindOf(value)}, not an object` };
      warnings.skip(line, `the line is ${kindOf(value)}, not a JSON object; write one object per line, like {"question": "…", "answer": "…"}`);
      return;
    }
    objects++;
    const raw: RawRow = {};
    const labels: Labels = {};
    for (const [key, v] of Object.entries(value)) {
      keys.add(key);
      const field = fieldOfHeader(key);
      if (field === undefined) {
        if (!unknown.has(key)) unknown.set(key, line);
        continue;
      }
      const taken = labels[field];
      if (taken !== undefined) {
        const pair = `${taken}\u0000${key}`;
        if (!repeated.has(pair)) repeated.set(pair, line);
        continue;
      }
      labels[field] = key;
      raw[field] = v;
    }
    if (labels.question !== undefined) sawQuestion = true;
    if (labels.answer !== undefined) sawAnswer = true;
    parsed.push({ raw, labels, line });
  });

  if (objects === 0) {
    if (firstError === undefined) return fail(problem('bad-table', 'has no JSON objects; write one FAQ object per line', { file }));
    const hint = /^\s*\[/u.test(text) ? ' (it looks like one JSON array; write each object on its own line instead)' : '';
    return fail(
      problem('bad-table', `is not JSON Lines: no line is a JSON object (line ${firstError.line}: ${firstError.message})${hint}; write one FAQ object per line`, {
        file,
        location: { line: firstError.line },
      }),
    );
  }
  if (!sawQuestion || !sawAnswer) {
    const missing = [sawQuestion ? undefined : 'no question field', sawAnswer ? undefined : 'no answer field'].filter((m) => m !== undefined);
    return fail(
      problem('bad-table', `has ${missing.join(' and ')} in any line (fields found: ${list([...keys])}); a FAQ line needs ${EXPECTED.replace(/column/gu, 'field')}`, { file }),
    );
  }
  if (unknown.size > 0) {
    const names = [...unknown.keys()];
    warnings.add(
      `has ${names.length === 1 ? 'a field' : 'fields'} kb does not read: ${list(names)}; ${names.length === 1 ? 'it was' : 'they were'} ignored ` +
        '(kb reads id, question, similar, answer and tags: rename a field that holds one of these)',
      { line: [...unknown.values()][0] ?? 1 },
    );
  }
  for (const [pair, line] of repeated) {
    const [first = '', ignored = ''] = pair.split('\u0000');
    const field = fieldOfHeader(first) ?? 'question';
    warnings.add(`has two fields for the ${field}, ${quote(first)} and ${quote(ignored)}; only ${quote(first)} was read: use one name`, { line });
  }
  for (const { raw, labels, line } of parsed) collector.add(raw, labels, line);
  // header-level warnings were added after the rows were read
  return ok({ rows: collector.rows, warnings: inFileOrder(warnings.done(), 'last') });
}

// ---------------------------------------------------------------------------------------------
// XLSX: the workbook through the exceljs adapter (excel.ts)

interface Sheet {
  name: string;
  rows: CellRow[];
}

export async function parseFaqXlsx(bytes: Uint8Array, options: ParseOptions): Promise<Result<TableParse>> {
  const file = options.file;
  const loaded = await loadWorkbook(bytes, options);
  if (!loaded.ok) return loaded;
  const workbook = loaded.value;

  const sheets: Sheet[] = workbook.worksheets.map((worksheet) => ({ name: worksheet.name, rows: sheetRows(worksheet) }));

  let chosen: { sheet: Sheet; header: Header } | undefined;
  const otherFaqSheets: string[] = [];
  let best: { sheet: Sheet; header: Header | undefined } | undefined;
  for (const sheet of sheets) {
    const search = findHeader(sheet.rows);
    if (search.found) {
      if (chosen === undefined) chosen = { sheet, header: search.header };
      else otherFaqSheets.push(sheet.name);
    } else if (best === undefined || (search.best !== undefined && (best.header === undefined || search.best.columns.length > best.header.columns.length))) {
      best = { sheet, header: search.best };
    }
  }
  if (chosen === undefined) {
    if (best === undefined || best.header === undefined) {
      return fail(problem('bad-table', `has no rows in any sheet; a FAQ table needs a header row with ${EXPECTED}`, { file }));
    }
    const { message, location } = missingColumns(best.header, 'row');
    const where = sheets.length > 1 ? `no sheet has a question and an answer column; sheet ${quote(best.sheet.name)} ` : '';
    return fail(problem('bad-table', `${where}${message}`, location === undefined ? { file } : { file, location }));
  }

  const ctx: Context = { file, unit: 'row', part: 'column' };
  const warnings = new Warnings(ctx);
  const where = sheets.length > 1 ? `sheet ${quote(chosen.sheet.name)} ` : '';
  headerWarnings(chosen.header, warnings, 'row', where);
  if (otherFaqSheets.length > 0) {
    warnings.add(
      `only the first FAQ sheet, ${quote(chosen.sheet.name)}, was read; ${otherFaqSheets.length === 1 ? 'sheet' : 'sheets'} ${list(otherFaqSheets)} ` +
        `also ${otherFaqSheets.length === 1 ? 'has' : 'have'} a FAQ header and ${otherFaqSheets.length === 1 ? 'was' : 'were'} ignored: move the rows into one sheet or save each sheet as its own file`,
    );
  }
  const collector = new RowCollector(ctx, warnings);
  tableRows(chosen.sheet.rows, chosen.header, collector);
  return ok({ rows: collector.rows, warnings: warnings.done() });
}
