/**
 * Customer-question logs for `kb gaps`: plain text (one question a line), CSV or TSV with a
 * question column, or JSONL with a question key. Streamed, so a log of any length is read in
 * bounded memory; the caller gets one question at a time and the bytes read so far.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { problem, type Problem } from '../core/problems.js';
import { decodingStream, sniffEncoding } from '../ingest/decode.js';
import { traditionalToSimplified } from '../text/normalize.js';

export type LogFormat = 'text' | 'csv' | 'tsv' | 'jsonl';

/** Column (CSV) or key (JSONL) names tried, in order, when none is given. */
export const QUESTION_COLUMNS = ['q', 'question', 'query', 'text', 'message', 'content', '问题', '用户问题', '客户问题', '提问', '客户消息', '用户消息', '消息', '咨询内容', '内容'];

export interface LogQuestion {
  question: string;
  /** 1-based line of the file where the question starts. */
  line: number;
}

export interface LogOptions {
  format?: LogFormat;
  /** The question column or key; default: the first of QUESTION_COLUMNS present. */
  column?: string;
  /** Called as the file is read: bytes read, file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export function logFormatOf(file: string): LogFormat {
  const ext = extname(file).toLowerCase();
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
  /** The encoding the log was read in (known once reading starts): utf-8, gb18030, utf-16le, … */
  encoding: string | undefined;
  private dropped = 0;
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
    const stream = createReadStream(this.file);
    const progress = this.options.onProgress;
    if (progress !== undefined) stream.on('data', () => progress(stream.bytesRead, total));
    const text = encoding === 'utf-8' ? stream : stream.pipe(decodingStream(encoding));
    const format = this.options.format ?? logFormatOf(this.file);
    if (format === 'csv' || format === 'tsv') yield* this.table(text, format === 'tsv' ? '\t' : ',');
    else yield* this.lines(text, format);
    progress?.(total, total);
  }

  private async *lines(stream: NodeJS.ReadableStream, format: 'text' | 'jsonl'): AsyncGenerator<LogQuestion> {
    const rl = createInterface({ input: stream, crlfDelay: Infinity });
    let line = 0;
    let key: string | undefined = this.options.column;
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
      key ??= QUESTION_COLUMNS.find((c) => typeof o[c] === 'string');
      const q = key === undefined ? undefined : o[key];
      if (typeof q !== 'string' || q.trim() === '') {
        this.bad(key === undefined ? `has no question key (tried ${QUESTION_COLUMNS.join(', ')}); name it with --column` : `has no "${key}" text`, line);
        continue;
      }
      yield { question: q.trim(), line };
    }
  }

  private async *table(stream: NodeJS.ReadableStream, delimiter: string): AsyncGenerator<LogQuestion> {
    let column: string | undefined;
    let header: string[] = [];
    const parser = stream.pipe(
      parseCsv({
        delimiter,
        bom: true,
        columns: (h: string[]) => (header = h.map((c) => c.trim())),
        skip_empty_lines: true,
        relax_column_count: true,
        relax_quotes: true,
        info: true,
        raw: true,
      }),
    );
    // info.lines is where a record ends; it starts that many lines earlier as it has line breaks inside
    let lastEnd = 1;
    try {
      for await (const row of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number }; raw: string }>) {
        const inside = row.raw.replace(/\r?\n$/u, '').split('\n').length - 1;
        const start = row.info.lines - inside;
        lastEnd = row.info.lines;
        if (column === undefined) {
          const wanted = this.options.column;
          // 問題 / 客戶問題 (a Taiwan or Hong Kong team's log) are 问题 / 客户问题
          const lower = header.map((h) => traditionalToSimplified(h.toLowerCase()));
          const at = wanted !== undefined ? header.indexOf(wanted) : QUESTION_COLUMNS.map((c) => lower.indexOf(c)).find((i) => i >= 0);
          if (at === undefined || at < 0) {
            this.problems.push(problem('bad-table', wanted !== undefined ? `has no column "${wanted}" (it has: ${header.join(', ')}); name one of these with --column` : `has no question column (tried ${QUESTION_COLUMNS.join(', ')}; it has: ${header.join(', ')}); name it with --column`, { file: this.file, location: { line: 1 } }));
            stream.unpipe?.();
            return;
          }
          column = header[at];
        }
        const q = row.record[column as string];
        if (typeof q === 'string' && q.trim() !== '') yield { question: q.trim(), line: start };
      }
    } catch (error) {
      // csv-parse names the line where it gave up (the end of the file for an unclosed quote); the
      // bad record starts after the last good one
      const e = error as Error & { code?: string; lines?: number };
      const message = e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'has a quote opened on this line that is never closed' : `is not valid CSV (${e.message.split('\n')[0]})`;
      this.problems.push(problem('bad-table', `${message}; fix its quotes (the questions before it were read)`, { file: this.file, location: { line: e.code === 'CSV_QUOTE_NOT_CLOSED' ? lastEnd + 1 : (e.lines ?? 1) } }));
    }
  }
}
