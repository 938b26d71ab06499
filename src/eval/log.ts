/**
 * Customer-question logs for `kb gaps`: plain text (one question a line), CSV or TSV with a
 * question column, or JSONL with a question key. Streamed, so a log of any length is read in
 * bounded memory; the caller gets one question at a time and the bytes read so far.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { problem, type Problem } from '../core/problems.js';
import { decodingStream, sniffEncoding } from '../ingest/decode.js';
import { applyMergedRanges, cellText, loadWorkbook, sheetRows, streamWorkbookRows } from '../ingest/formats/excel.js';
import { DEFAULT_MAX_UNZIPPED_BYTES } from '../ingest/ingest.js';
import { traditionalToSimplified } from '../text/normalize.js';

export type LogFormat = 'text' | 'csv' | 'tsv' | 'jsonl' | 'xlsx';


/**
 * Column (CSV) or key (JSONL) names that say who wrote a line, tried in order (compared in lower
 * case, simplified script, without spaces, _ and -: Author type is author_type): a chat export
 * (千牛, 京东咚咚, Intercom's `Author type`, a chat API's `role`) has the agent's and the bot's lines
 * too, and only the customer's are questions.
 */
export const ROLE_COLUMNS = [
  'role', 'author type', 'sender type', 'speaker type', 'user type', 'actor type', 'participant type', 'role type',
  'sender', 'speaker', 'author', 'from', 'participant',
  '角色', '发送方', '发送者', '发送人', '发言人', '发言方', '说话人', '身份', '消息来源', '用户类型', '角色类型', '发送者类型', '发送方类型',
];

/**
 * Names that may hold a person's name rather than a role (From: jane@example.com): such a column
 * is read as the role column only when its first value is a role (CUSTOMER_ROLES or STAFF_ROLES).
 */
const MAYBE_NAMES = new Set(['sender', 'speaker', 'author', 'from', 'participant']);

/** Role values that are the customer's (compared trimmed, lower case, in simplified script, without spaces, _ and -). */
export const CUSTOMER_ROLES = [
  '客户', '顾客', '买家', '用户', '访客', '游客', '会员', '消费者', '咨询者', '客人', '买方',
  'customer', 'user', 'buyer', 'visitor', 'client', 'guest', 'human', 'contact', 'lead', 'end user', 'requester', 'shopper', 'consumer', 'member',
];

/** What a column of the customer's lines is named after the customer's role word (访客消息, 买家问题, customer message). */
const CUSTOMER_COLUMN_SUFFIXES_ZH = ['消息', '问题', '提问', '留言', '发言'];
const CUSTOMER_COLUMN_SUFFIXES_EN = ['message', 'question'];

/**
 * Columns named for the customer's lines: a customer role word (CUSTOMER_ROLES) and 消息, 问题,
 * 提问, 留言 or 发言 — 访客消息 (七鱼), 用户消息 (智齿), 客户消息, 买家消息, 顾客消息 — or message /
 * question (`Customer message`, `Visitor question`).
 */
const CUSTOMER_COLUMNS = CUSTOMER_ROLES.flatMap((role) =>
  /\p{Script=Han}/u.test(role) ? CUSTOMER_COLUMN_SUFFIXES_ZH.map((s) => role + s) : CUSTOMER_COLUMN_SUFFIXES_EN.map((s) => `${role} ${s}`),
);

/** The names of a question column tried first, and of a chat export's message column tried last (with a role column, only the customer's rows are read). */
const QUESTION_NAMES = ['q', 'question', 'query', 'text', 'message', 'content', 'msg', '问题', '用户问题', '客户问题', '提问'];
const MESSAGE_NAMES = ['消息内容', '聊天内容', '会话内容', '发送内容', '文本内容', '咨询内容', '消息', '内容', '文本'];

/**
 * Column (CSV) or key (JSONL) names tried, in order, when none is given (compared as role columns
 * are, by nameKey: customer_message, Visitor-Question and 客戶問題 are customer message, visitor
 * question and 客户问题).
 */
export const QUESTION_COLUMNS = [...new Set([...QUESTION_NAMES, ...CUSTOMER_COLUMNS, ...MESSAGE_NAMES])];

/** QUESTION_COLUMNS as a message lists them: the customer's columns by their rule. */
const TRIED_COLUMNS = [
  ...QUESTION_NAMES,
  `a customer role word and ${CUSTOMER_COLUMN_SUFFIXES_ZH.join('/')} (访客消息, 买家问题) or ${CUSTOMER_COLUMN_SUFFIXES_EN.join('/')} (customer message, visitor_question)`,
  ...MESSAGE_NAMES,
].join(', ');

/** Role values of the shop's side: the agent's, the bot's, the system's (they tell a role column from a column of names). */
export const STAFF_ROLES = [
  '客服', '机器人', '商家', '卖家', '店铺', '系统', '人工', '人工客服', '智能客服', '助手', '坐席', '店小二', '售后', '管理员', '客服人员',
  'agent', 'admin', 'administrator', 'bot', 'chatbot', 'operator', 'assistant', 'system', 'staff', 'support', 'teammate', 'seller', 'merchant', 'rep', 'representative', 'employee', 'ai',
];

/** A header or role value as compared: trimmed, lower case, simplified (客戶 is 客户), without spaces, _ and - (author_type, Author type). */
const nameKey = (value: string): string => traditionalToSimplified(value.trim().toLowerCase()).replace(/[\s_-]+/gu, '');

/** nameKey of a JSONL line's keys, remembered: every line of a log has the same few keys. */
const keyNames = new Map<string, string>();
function keyName(key: string): string {
  let name = keyNames.get(key);
  if (name === undefined) {
    name = nameKey(key);
    // a log whose keys are data (ids, times) must not grow memory
    if (keyNames.size < 1000) keyNames.set(key, name);
  }
  return name;
}

const ROLE_KEYS = ROLE_COLUMNS.map(nameKey);
const QUESTION_KEYS = [...new Set(QUESTION_COLUMNS.map(nameKey))];
const KNOWN_ROLES = new Set([...CUSTOMER_ROLES, ...STAFF_ROLES].map(nameKey));

/**
 * Columns naming the customer of a chat (千牛's 买家昵称, a chat tool's 访客名称, Customer name):
 * where the role column holds who wrote each line by name — the buyer's nickname, or the agent's
 * 店铺:子账号 — a row is the customer's when its role value is that column's.
 */
export const BUYER_COLUMNS = [
  '买家', '买家昵称', '买家账号', '买家旺旺', '买家id', '买家名称', '顾客', '顾客昵称', '顾客名称', '客户', '客户昵称', '客户名称', '客户账号',
  '用户昵称', '用户名', '用户名称', '用户账号', '访客', '访客昵称', '访客名称', '访客id', '会员昵称', '会员名',
  'customer', 'customer name', 'customer id', 'buyer', 'buyer name', 'buyer nick', 'visitor', 'visitor name', 'user name', 'username', 'contact name',
];
const BUYER_KEYS = BUYER_COLUMNS.map(nameKey);

/** Distinct role values counted at most (a wrong column must not grow memory); the rest are counted as one. */
const MAX_ROLE_VALUES = 50;

/** Where the questions of a log came from: its columns or keys, and the rows of each role. */
export interface LogSource {
  /** Questions read per question column (CSV) or key (JSONL). */
  columns: Map<string, number>;
  /** Whether the question column was named (--column) rather than found. */
  columnNamed: boolean;
  /** The role column (CSV) or keys (JSONL) whose customer rows were read; empty when every row is read. */
  roleColumns: Set<string>;
  /** Rows per role value, and whether they were read (a customer's). */
  roles: Map<string, { rows: number; read: boolean }>;
}

export interface LogQuestion {
  question: string;
  /** 1-based line of the file where the question starts. */
  line: number;
  /**
   * What the bot did, on a line of `kb serve`'s question log (src/runtime/server.ts): whether it
   * answered (a hit at or above the threshold it searched with) and that threshold (null: none,
   * every hit answered).
   */
  served?: { answered: boolean; threshold: number | null };
}

/** kb serve's record of what it did with a question (`"answered": false, "threshold": 0.99`), when a JSONL line has one. */
function servedOf(o: Record<string, unknown>): LogQuestion['served'] {
  if (typeof o.answered !== 'boolean') return undefined;
  const threshold = typeof o.threshold === 'number' && Number.isFinite(o.threshold) ? o.threshold : null;
  return { answered: o.answered, threshold };
}

export interface LogOptions {
  format?: LogFormat;
  /** The question column or key; default: the first of QUESTION_COLUMNS present. */
  column?: string;
  /** The column or key saying who wrote a line; default: the first of ROLE_COLUMNS present; false: read every row. */
  roleColumn?: string | false;
  /** The role values whose rows are read (the customer's); default: CUSTOMER_ROLES. */
  roles?: readonly string[];
  /** Called as the file is read: bytes read, file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

/** The format a log's extension says: .csv, .tsv, .jsonl / .ndjson, .xlsx (and .xls, to be told to save it as .xlsx), else text. */
export function logFormatOf(file: string): LogFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xls') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv') return 'tsv';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  return 'text';
}

/** At most this many problems are kept; the rest are counted in one last problem. */
const MAX_PROBLEMS = 20;


/** How much of a log decides its encoding. */
const SNIFF_BYTES = 64 * 1024;

export class LogReader {
  readonly problems: Problem[] = [];
  /** Where the questions came from (filled in as the log is read). */
  readonly source: LogSource = { columns: new Map(), columnNamed: false, roleColumns: new Set(), roles: new Map() };
  /** The encoding the log was read in (known once reading starts): utf-8, gb18030, utf-16le, … */
  encoding: string | undefined;
  private dropped = 0;
  /** The customer's role values, as compared (made on the first row). */
  private wantedRoles: Set<string> | undefined;
  /** A table's column naming the chat's customer (BUYER_COLUMNS): a row whose role value is its value is the customer's. */
  private buyerColumn: string | undefined;
  constructor(
    readonly file: string,
    private readonly options: LogOptions = {},
  ) {}

  private bad(message: string, line?: number): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(problem('bad-row', message, line === undefined ? { file: this.file } : { file: this.file, location: { line } }));
    else this.dropped++;
  }

  /** Problems, with a last one counting those left out. */
  allProblems(): Problem[] {
    return this.dropped > 0 ? [...this.problems, problem('bad-row', `and ${this.dropped} more lines like these`, { file: this.file })] : this.problems;
  }

  async *questions(): AsyncGenerator<LogQuestion> {
    const info = await stat(this.file).catch(() => undefined);
    if (info === undefined || !info.isFile()) {
      this.problems.push(problem('file-not-found', 'cannot be read; check the path of the log', { file: this.file }));
      return;
    }
    const total = info.size;
    const format = this.options.format ?? logFormatOf(this.file);
    if (format === 'xlsx') {
      yield* this.workbook();
      this.options.onProgress?.(total, total);
      return;
    }
    // chat exports from Chinese Windows tools are often GBK: decide from the first bytes
    const handle = await open(this.file, 'r');
    const sample = Buffer.alloc(Math.min(SNIFF_BYTES, total));
    try {
      await handle.read(sample, 0, sample.length, 0);
    } finally {
      await handle.close();
    }
    const encoding = sniffEncoding(sample);
    if (encoding === undefined) {
      this.problems.push(problem('undecodable-text', 'is not UTF-8 and its encoding could not be recognised; save it as UTF-8 and try again', { file: this.file }));
      return;
    }
    this.encoding = encoding;
    const progress = this.options.onProgress;
    // the log's text, read again from the start each time (a table read again after a bad line)
    const openText = (): NodeJS.ReadableStream => {
      const stream = createReadStream(this.file);
      if (progress !== undefined) stream.on('data', () => progress(stream.bytesRead, total));
      return encoding === 'utf-8' ? stream : stream.pipe(decodingStream(encoding));
    };
    if (format === 'csv' || format === 'tsv') yield* this.table(openText, format === 'tsv' ? '\t' : ',');
    else yield* this.lines(openText(), format);
    progress?.(total, total);
  }

  /** Whether a row of this role is read (the customer's); every role value is counted. */
  private isCustomer(value: string): boolean {
    const shown = value.trim();
    const counted = this.source.roles.get(shown);
    if (counted !== undefined) {
      counted.rows++;
      return counted.read;
    }
    this.wantedRoles ??= new Set((this.options.roles ?? CUSTOMER_ROLES).map(nameKey));
    const read = this.wantedRoles.has(nameKey(shown));
    // a column of free text (a nickname) must not grow memory: past 50 values, the rest are counted as one
    const key = this.source.roles.size < MAX_ROLE_VALUES ? shown : read ? '(other customer values)' : '(other values)';
    const other = this.source.roles.get(key) ?? { rows: 0, read };
    other.rows++;
    this.source.roles.set(key, other);
    return read;
  }

  /** Whether a row's role value is its buyer column's (千牛: 发送人 tb_123 in the row of 买家昵称 tb_123), counted as one value. */
  private byBuyer(record: Record<string, string | undefined>, roleColumn: string): boolean {
    if (this.buyerColumn === undefined) return false;
    const buyer = record[this.buyerColumn]?.trim() ?? '';
    if (buyer === '' || (record[roleColumn] ?? '').trim() !== buyer) return false;
    const key = `(the row's "${this.buyerColumn}")`;
    const counted = this.source.roles.get(key) ?? { rows: 0, read: true };
    counted.rows++;
    this.source.roles.set(key, counted);
    return true;
  }

  private took(column: string): void {
    this.source.columns.set(column, (this.source.columns.get(column) ?? 0) + 1);
  }

  /** After the log: a role column whose values are none of the customer's read nothing — say what it has. */
  private checkRoles(): void {
    const [roleColumn] = this.source.roleColumns;
    if (roleColumn === undefined || this.source.columns.size > 0 || this.source.roles.size === 0) return;
    const values = [...this.source.roles].map(([v, r]) => `${v} ×${r.rows}`).join(', ');
    const wanted = this.options.roles ?? CUSTOMER_ROLES.slice(0, 5);
    this.problems.push(
      problem('bad-table', `has no row whose "${roleColumn}" is a customer's (${wanted.join(', ')}${this.options.roles === undefined ? ' …' : ''}); it has ${values}: name the customer's with --role, or read every row with --role-column none`, { file: this.file }),
    );
  }

  private async *lines(stream: NodeJS.ReadableStream, format: 'text' | 'jsonl'): AsyncGenerator<LogQuestion> {
    const rl = createInterface({ input: stream, crlfDelay: Infinity });
    let line = 0;
    const named = this.options.column;
    this.source.columnNamed = named !== undefined;
    const roleNamed = this.options.roleColumn;
    for await (const raw of rl) {
      line++;
      const text = (line === 1 ? raw.replace(/^\uFEFF/, '') : raw).trim();
      if (text === '') continue;
      if (format === 'text') {
        yield { question: text, line };
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        this.bad('is not valid JSON; each line must be one object with a question key', line);
        continue;
      }
      if (typeof value === 'string') {
        yield { question: value.trim(), line };
        continue;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        this.bad('is not a JSON object with a question key', line);
        continue;
      }
      const o = value as Record<string, unknown>;
      // a chat API's {"role": "assistant", "content": …} is not a question; lines without a role key (kb serve's log) are
      const roleKey = roleNamed === false ? undefined : (roleNamed ?? roleKeyOf(o));
      const role = roleKey === undefined ? undefined : o[roleKey];
      if (roleKey !== undefined && typeof role === 'string') {
        this.source.roleColumns.add(roleKey);
        if (!this.isCustomer(role)) continue;
      }
      // each line's own key: a log that mixes {"question": …} and {"text": …} (or kb serve's) is read whole
      const key = named ?? questionKeyOf(o);
      const q = key === undefined ? undefined : o[key];
      if (typeof q !== 'string' || q.trim() === '') {
        const used = [...this.source.columns.keys()].map((c) => `"${c}"`).join(', ');
        this.bad(key === undefined ? `has no question key (${used === '' ? `tried ${TRIED_COLUMNS}` : `the lines before use ${used}`}); name it with --column` : `has no "${key}" text`, line);
        continue;
      }
      this.took(key as string);
      const served = servedOf(o);
      yield served === undefined ? { question: q.trim(), line } : { question: q.trim(), line, served };
    }
    this.checkRoles();
  }

  /**
   * A CSV or TSV log's rows. A quote opened and never closed (`…,客户,"没闭合的引号`) makes the
   * parser read the rest of the file as one cell: that line is reported and skipped, and the rows
   * after it are read by parsing again from the next line, so one bad line never loses the rest of
   * the log.
   */
  private async *table(openText: () => NodeJS.ReadableStream, delimiter: string): AsyncGenerator<LogQuestion> {
    let column: string | undefined;
    let roleColumn: string | undefined;
    let header: string[] | undefined;
    // the lines read before this parse: 0 the first time, the bad line's after an unclosed quote
    let skipped = 0;
    for (;;) {
      const text = openText();
      const parser = (skipped === 0 ? text : Readable.from(afterLine(text, skipped))).pipe(
        parseCsv({
          delimiter,
          bom: skipped === 0,
          columns: header ?? ((h: string[]) => (header = h.map((c) => c.trim()))),
          skip_empty_lines: true,
          relax_column_count: true,
          relax_quotes: true,
          info: true,
          raw: true,
        }),
      );
      // info.lines is where a record ends; it starts that many lines earlier as it has line breaks inside
      let lastEnd = skipped;
      // the line of a record whose quote is never closed: skipped, and the table parsed again after it
      let restart: number | undefined;
      try {
        for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number }; raw: string }>) {
          const inside = row.raw.replace(/\r?\n$/u, '').split('\n').length - 1;
          lastEnd = skipped + row.info.lines;
          const start = lastEnd - inside;
          // a quote that is not closed where its cell ends, which csv-parse's relax_quotes reads as a
          // plain character only at the next quote: the cell swallowed the rows after it
          if (inside > 0 && swallowsRows(row.record, delimiter, header?.length ?? 0)) {
            restart = start;
            break;
          }
          if (column === undefined) {
            const found = this.columnsOf(header ?? [], row.record);
            if (found === undefined) return;
            [column, roleColumn] = found;
          }
          const q = this.rowQuestion(row.record, column, roleColumn);
          if (q !== undefined) yield { question: q, line: start };
        }
        if (restart === undefined) break;
      } catch (error) {
        const e = error as Error & { code?: string; lines?: number };
        if (e.code !== 'CSV_QUOTE_NOT_CLOSED') {
          this.problems.push(problem('bad-table', `is not valid CSV (${e.message.split('\n')[0]}); fix it (the questions before it were read)`, { file: this.file, location: { line: skipped + (e.lines ?? 1) } }));
          break;
        }
        // csv-parse names the line where it gave up (the end of the file): the bad record starts
        // on the first line after the last good one that is not blank
        restart = await firstTextLine(openText(), (lastEnd === 0 && header !== undefined ? 1 : lastEnd) + 1);
        if (restart === undefined) break;
      } finally {
        text.unpipe?.();
        (text as Partial<Readable>).destroy?.();
      }
      this.bad('has a quote opened on this line that is never closed; the line was skipped and the lines after it read: fix its quotes (a quote inside a cell is written "")', restart);
      skipped = restart;
    }
    this.checkRoles();
  }

  /** A table row's question: its question cell, when the row is the customer's (or every row is read) and the cell is not empty. */
  private rowQuestion(record: Record<string, string | undefined>, column: string, roleColumn: string | undefined): string | undefined {
    if (roleColumn !== undefined && !this.byBuyer(record, roleColumn) && !this.isCustomer(record[roleColumn] ?? '')) return undefined;
    const q = record[column];
    if (typeof q !== 'string' || q.trim() === '') return undefined;
    this.took(column);
    return q.trim();
  }

  /**
   * The first sheet of an Excel workbook (a chat tool's .xlsx export) as a table: its first row is
   * the header, and a merged cell's text is every cell's of its range. Read whole (exceljs's
   * streaming reader, the full reader for what it would misread).
   */
  private async *workbook(): AsyncGenerator<LogQuestion> {
    const bytes = await readFile(this.file);
    const options = { file: this.file, maxUnzippedBytes: DEFAULT_MAX_UNZIPPED_BYTES };
    let rows: { n: number; cells: string[] }[] = [];
    let sheet: string | undefined;
    const read = await streamWorkbookRows(
      bytes,
      options,
      (row) => {
        sheet ??= row.sheet;
        // a number as its cell shows it (a question typed as 11.11 in a text cell, an order's 0400123)
        if (row.sheet === sheet) rows.push({ n: row.n, cells: row.values.map((v, i) => cellText(v, row.numFmts[i])) });
      },
      // a role (客户) merged down over a customer's messages is each message's role, as Excel shows it
      (name, ranges) => {
        if (name === sheet) applyMergedRanges(rows, ranges);
      },
    );
    if (!read.ok) {
      this.problems.push(...read.problems);
      return;
    }
    if (read.value === 'needs-full-load' || sheet === undefined) {
      const loaded = await loadWorkbook(bytes, options);
      if (!loaded.ok) {
        this.problems.push(...loaded.problems);
        return;
      }
      const first = loaded.value.worksheets[0];
      rows = first === undefined ? [] : sheetRows(first).map((r) => ({ n: r.n, cells: r.cells }));
    }
    const [head, ...body] = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
    if (head === undefined) return;
    const header = head.cells.map((c) => c.trim());
    const first = body[0] === undefined ? {} : Object.fromEntries(header.map((h, i) => [h, body[0]?.cells[i]]));
    const found = this.columnsOf(header, first);
    if (found === undefined) return;
    const [column, roleColumn] = found;
    for (const row of body) {
      const q = this.rowQuestion(Object.fromEntries(header.map((h, i) => [h, row.cells[i]])), column, roleColumn);
      if (q !== undefined) yield { question: q, line: row.n };
    }
    this.checkRoles();
  }

  /**
   * A table's question column and role column (undefined: every row is read), named or found by
   * name; a problem naming the columns it has when one is missing.
   */
  private columnsOf(header: string[], first: Record<string, string | undefined>): [string, string | undefined] | undefined {
    const fail = (message: string, what: string): undefined => {
      this.problems.push(problem('bad-table', `${message} (it has: ${header.join(', ')}); ${what}`, { file: this.file, location: { line: 1 } }));
      return undefined;
    };
    // compared as role columns are (nameKey): 問題 / 客戶問題 (a Taiwan or Hong Kong team's log) are
    // 问题 / 客户问题, customer_message and Visitor-Question are customer message and visitor question
    const keys = header.map(nameKey);
    const wanted = this.options.column;
    this.source.columnNamed = wanted !== undefined;
    const at = wanted !== undefined ? header.indexOf(wanted) : QUESTION_KEYS.map((k) => keys.indexOf(k)).find((i) => i >= 0);
    if (at === undefined || at < 0) {
      if (wanted !== undefined) return fail(`has no column "${wanted}"`, 'name one of these with --column');
      this.problems.push(problem('bad-table', `has no question column (tried ${TRIED_COLUMNS}; it has: ${header.join(', ')}); name it with --column`, { file: this.file, location: { line: 1 } }));
      return undefined;
    }
    const roleNamed = this.options.roleColumn;
    if (roleNamed === false) return [header[at] as string, undefined];
    const roleAt = roleNamed !== undefined ? header.indexOf(roleNamed) : roleColumnOf(header, first);
    if (roleNamed !== undefined && roleAt === -1) return fail(`has no column "${roleNamed}"`, 'name the column saying who wrote each row with --role-column, or none to read every row');
    if (roleAt === undefined && this.options.roles !== undefined) return fail(`has no column saying who wrote each row for --role (tried ${ROLE_COLUMNS.join(', ')})`, 'name it with --role-column');
    const role = roleAt === undefined ? undefined : header[roleAt];
    if (role !== undefined) this.source.roleColumns.add(role);
    // the customer named in a column of its own, unless --role names the customer's values
    const buyerAt = role === undefined || this.options.roles !== undefined ? -1 : BUYER_KEYS.map((k) => keys.indexOf(k)).find((i) => i >= 0 && i !== roleAt && i !== at) ?? -1;
    if (buyerAt >= 0) this.buyerColumn = header[buyerAt];
    return [header[at] as string, role];
  }
}

/**
 * The role column of a table found by name (ROLE_COLUMNS, in that order), or undefined; one that
 * may hold names (MAYBE_NAMES) only when its value in the first row is a role.
 */
function roleColumnOf(header: readonly string[], first: Record<string, string | undefined>): number | undefined {
  const keys = header.map(nameKey);
  for (const wanted of ROLE_KEYS) {
    const at = keys.indexOf(wanted);
    if (at < 0) continue;
    if (!MAYBE_NAMES.has(wanted) || KNOWN_ROLES.has(nameKey(first[header[at] as string] ?? ''))) return at;
  }
  return undefined;
}

/**
 * A JSONL line's question key: the first of QUESTION_COLUMNS (compared by nameKey: visitor_message
 * is visitor message) with a text value that is not empty, else the first with a text value.
 */
function questionKeyOf(line: Record<string, unknown>): string | undefined {
  const byKey = new Map<string, string>();
  for (const [k, v] of Object.entries(line)) {
    if (typeof v !== 'string') continue;
    const name = keyName(k);
    const prev = byKey.get(name);
    if (prev === undefined || ((line[prev] as string).trim() === '' && v.trim() !== '')) byKey.set(name, k);
  }
  const keys = QUESTION_KEYS.map((k) => byKey.get(k)).filter((k) => k !== undefined);
  return keys.find((k) => (line[k] as string).trim() !== '') ?? keys[0];
}

/** A JSONL line's role key (ROLE_COLUMNS, in that order, with a text value), or undefined; one that may hold names only when its value is a role. */
function roleKeyOf(line: Record<string, unknown>): string | undefined {
  const byKey = new Map(Object.keys(line).map((k) => [keyName(k), k]));
  for (const wanted of ROLE_KEYS) {
    const key = byKey.get(wanted);
    const value = key === undefined ? undefined : line[key];
    if (typeof value !== 'string') continue;
    if (!MAYBE_NAMES.has(wanted) || KNOWN_ROLES.has(nameKey(value))) return key;
  }
  return undefined;
}

/**
 * One line saying where a table's or JSONL log's questions came from — which column or key, found
 * or named, and which roles' rows were read and left out — and how to choose otherwise.
 * Undefined for a text log (every line is a question).
 */
export function describeSource(source: LogSource, format: LogFormat): string | undefined {
  if (format === 'text' || source.columns.size === 0) return undefined;
  const what = format === 'jsonl' ? 'key' : 'column';
  const many = (n: number): string => n.toLocaleString('en-US');
  const columns = [...source.columns].map(([c, n]) => (source.columns.size > 1 ? `"${c}" (${many(n)})` : `"${c}"`)).join(', ');
  const how = source.columnNamed ? '(--column)' : `(found by name; --column to choose another)`;
  const roleColumns = [...source.roleColumns].map((c) => `"${c}"`).join(' or ');
  if (roleColumns === '') {
    // a JSONL log without roles is a question log (kb serve's): nothing to say about roles
    if (format === 'jsonl') return `questions from key${source.columns.size > 1 ? 's' : ''} ${columns} ${how}`;
    return `questions from column ${columns} ${how}, every row: no column such as 角色, 发送方 or role says who wrote it (--role-column names one)`;
  }
  const list = (read: boolean): string =>
    [...source.roles]
      .filter(([, r]) => r.read === read)
      .map(([v, r]) => `${v === '' ? '(empty)' : v} ×${many(r.rows)}`)
      .join(', ');
  const left = list(false);
  return `questions from ${what}${source.columns.size > 1 ? 's' : ''} ${columns} ${how}, only the customer's ${format === 'jsonl' ? 'lines' : 'rows'} by ${roleColumns}: ${list(true)}${left === '' ? '' : `; left out ${left}`} (--role names the customer's, --role-column none reads every ${format === 'jsonl' ? 'line' : 'row'})`;
}

/**
 * Whether a record's cell is a quote never closed that swallowed rows: csv-parse (relax_quotes)
 * keeps the opening quote of such a cell as a character, and the lines it ran over have a row's
 * cells (as many delimiters as the header). A message over two lines, quoted as it should be, has
 * its quotes taken off.
 */
function swallowsRows(record: Record<string, string | undefined>, delimiter: string, columns: number): boolean {
  return Object.values(record).some((cell) => cell !== undefined && cell.startsWith('"') && cell.split('\n').slice(1).some((line) => columns > 1 && line.split(delimiter).length >= columns));
}

/** The text after its first `lines` lines (a decoded text, or UTF-8 bytes: a line break is one byte of either). */
async function* afterLine(text: NodeJS.ReadableStream, lines: number): AsyncGenerator<string | Buffer> {
  let left = lines;
  for await (const chunk of text as AsyncIterable<string | Buffer>) {
    let from = 0;
    while (left > 0) {
      const at = chunk.indexOf('\n', from);
      if (at < 0) break;
      from = at + 1;
      left--;
    }
    if (left === 0 && from < chunk.length) yield chunk.slice(from);
  }
}

/** The number of the first line from line `from` on (1-based) that is not blank; undefined when there is none. */
async function firstTextLine(text: NodeJS.ReadableStream, from: number): Promise<number | undefined> {
  const rl = createInterface({ input: text, crlfDelay: Infinity });
  let line = 0;
  try {
    for await (const raw of rl) {
      line++;
      if (line >= from && raw.trim() !== '') return line;
    }
  } finally {
    rl.close();
    (text as Partial<Readable>).destroy?.();
  }
  return undefined;
}
