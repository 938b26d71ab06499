/**
 * Regression suites: YAML (`cases:` list), JSONL or CSV. A case is `{ q, expect, tags? }` where
 * expect is an entry id, `{ source, section? }`, a list of those (any one counts), or null /
 * "none" (out of scope; also 无, 无答案, 不在范围 and N/A, in quotes or brackets or not). In CSV,
 * `expect` is an id, `none`, ids separated by `|`, or JSON.
 * A malformed case is an error (code `bad-suite`) naming the file and line; the rest still run,
 * and the caller decides the exit code (kb eval: 1).
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, parseDocument, isMap, isScalar, isSeq, type Node } from 'yaml';
import { problem, warning, type Problem } from '../core/problems.js';
import { closestName } from '../text/closest-name.js';
import { decodeText } from '../ingest/decode.js';
import { traditionalToSimplified } from '../text/normalize.js';
import { splitCsv } from '../ingest/formats/table.js';

export type Expectation = { kind: 'id'; id: string } | { kind: 'source'; source: string; section?: string };

export interface EvalCase {
  q: string;
  /** Any one of these counts; empty means out of scope (nothing should be answered). */
  expect: Expectation[];
  /** The expectation as the suite wrote it (for reports). */
  expectRaw: unknown;
  tags: string[];
  file: string;
  line: number;
}

export interface SuiteRead {
  cases: EvalCase[];
  problems: Problem[];
}

/** What `expect` says for out of scope: none, null, and as a Chinese suite writes it (无, 无答案, 不在范围; in traditional 無 …). */
const OUT_OF_SCOPE = new Set(['none', 'null', '无', '無', '无答案', '無答案', '不在范围', '不在範圍']);
/** N/A as a spreadsheet writes it, in any case, with or without the slash (NA only as the whole cell). */
const NOT_APPLICABLE = /^(?:n\s*\/\s*a|na)$/iu;
/** Quotes and brackets around a word, and punctuation after it, that a person types with none: “无”, （无）, 无。 */
const WRAPPED = /^[\s"'“”‘’「『(\[【《〔<]*(.*?)[\s"'“”‘’」』)\]】》〕>.。!,;、~]*$/u;
/** Marks a spreadsheet leaves for "nothing": not read as none (it may mean "not filled in yet"), nor as an id. */
const PLACEHOLDER = /^[-—–－/／?？]+$/u;

/**
 * Whether a written expect means out of scope: none, 无 … (see OUT_OF_SCOPE) or N/A, also in
 * full-width characters, in quotes or brackets, or with a full stop after it.
 */
function isOutOfScope(written: string): boolean {
  const word = (WRAPPED.exec(written.normalize('NFKC'))?.[1] ?? '').trim().toLowerCase();
  return OUT_OF_SCOPE.has(word) || NOT_APPLICABLE.test(word);
}

function toExpectation(value: unknown): Expectation[] | string {
  if (value === null) return [];
  if (typeof value === 'string') {
    const v = value.trim();
    if (v === '') return 'expect is empty; write an entry id, {source, section}, or none for an out-of-scope question';
    if (isOutOfScope(v)) return [];
    if (PLACEHOLDER.test(v)) return `expect is "${v}", which kb reads neither as an entry id nor as none: write none (or 无) for an out-of-scope question, else the entry id or {source, section}`;
    return [{ kind: 'id', id: v }];
  }
  if (typeof value === 'number') return [{ kind: 'id', id: String(value) }];
  if (Array.isArray(value)) {
    if (value.length === 0) return 'expect is an empty list; list entry ids or {source, section}, or write none';
    const out: Expectation[] = [];
    for (const item of value) {
      if (item === null || (typeof item === 'string' && isOutOfScope(item))) return 'none cannot stand in a list; write it alone';
      const e = toExpectation(item);
      if (typeof e === 'string') return e;
      out.push(...e);
    }
    return out;
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const unknown = Object.keys(o).filter((key) => !EXPECT_KEYS.includes(key));
    // {sorce: …} or {secton: …}: say which key was meant (for a missing source, the slip for "source")
    const slipOf = (...meant: string[]): string => {
      const key = unknown.find((k) => meant.includes(closestName(k, EXPECT_KEYS) ?? ''));
      return key === undefined ? '' : ` ("${key}" is not a key kb reads: did you mean "${closestName(key, EXPECT_KEYS) ?? ''}"?)`;
    };
    if (typeof o['source'] !== 'string' || o['source'].trim() === '') return `an expect object needs a "source" (a file name)${slipOf('source')}`;
    if (unknown.length > 0) return `an expect object has only "source" and "section", not ${unknown.map((key) => `"${key}"`).join(', ')}${slipOf(...EXPECT_KEYS)}`;
    const e: Expectation = { kind: 'source', source: o['source'] };
    if (o['section'] !== undefined && o['section'] !== null) {
      if (typeof o['section'] !== 'string') return '"section" must be a heading text';
      e.section = o['section'];
    }
    return [e];
  }
  return `expect must be an entry id, {source, section}, a list of those, or none`;
}

function toTags(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter((t) => t !== '');
  if (typeof value === 'string') return value.split(/[,，|;]/).map((t) => t.trim()).filter((t) => t !== '');
  return [];
}

function badLine(problems: Problem[], file: string, line: number, message: string): undefined {
  problems.push(problem('bad-suite', message, { file, location: { line } }));
  return undefined;
}

/** The keys of an expect object. */
const EXPECT_KEYS: readonly string[] = ['source', 'section'];

/** The keys of a YAML / JSONL case kb reads. */
const CASE_KEYS: readonly string[] = ['q', 'question', 'expect', 'tags'];

/** Chinese keys of a YAML / JSONL case, as a CSV suite's header may name its columns (问题, 期望, 标签; 問題, 標籤). */
/** Chinese keys a team may write, in simplified characters (a traditional key is read simplified: 問題, 標籤). */
const CHINESE_KEYS: Readonly<Record<string, string>> = { 问题: 'q', 期望: 'expect', 标签: 'tags' };

function toCase(raw: unknown, file: string, line: number, problems: Problem[], csv = false): EvalCase | undefined {
  const bad = (message: string): undefined => badLine(problems, file, line, message);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('a case must be an object with "q" and "expect"; fix or remove this line');
  const o: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const name = csv ? key : (CHINESE_KEYS[traditionalToSimplified(key)] ?? key);
    if (!(name in o)) o[name] = value;
  }
  // a slip in a key (expected: for expect:, tag: for tags:) would silently drop what it holds; other keys are the team's own notes
  const slips = new Map<string, string>();
  if (!csv) {
    for (const key of Object.keys(o)) {
      if (CASE_KEYS.includes(key)) continue;
      const meant = closestName(key, CASE_KEYS);
      if (meant !== undefined) slips.set(key, meant);
    }
  }
  /** ` ("expected" is not a key kb reads: did you mean "expect"?)` when the missing key was mistyped. */
  const slipOf = (...meant: string[]): string => {
    const key = [...slips].find(([, m]) => meant.includes(m))?.[0];
    return key === undefined ? '' : ` ("${key}" is not a key kb reads: did you mean "${slips.get(key) ?? ''}"?)`;
  };
  const given = o['q'] ?? o['question'];
  // YAML reads q: 11.11 or q: 2024 as a number: the question is what was written
  const q = typeof given === 'number' && Number.isFinite(given) ? String(given) : given;
  if (typeof q !== 'string' || q.trim() === '') return bad(`the case has no question ("q")${slipOf('q', 'question')}; fix or remove this line`);
  if (!('expect' in o)) return bad(`the case has no "expect"${slipOf('expect')}; use an entry id, {source, section}, or none for out of scope`);
  let expectValue: unknown = o['expect'];
  // K1004|{"source": "安装.md"}: ids and {source, section} objects, each after a | outside the objects'
  // quotes (before 2026-11-27 an error saying to write one JSON list, though what was meant was plain)
  const alternatives = csv && typeof expectValue === 'string' && expectValue.includes('|') ? splitAlternatives(expectValue) : [];
  if (alternatives.length > 1) {
    const read: unknown[] = [];
    for (const [i, part] of alternatives.entries()) {
      // K1||K2 or K1|: not "expect is empty", which it is not (before 2026-11-27)
      if (part === '') return bad(`"expect" is ${JSON.stringify(expectValue)}, with nothing ${i === 0 ? 'before its first |' : i === alternatives.length - 1 ? 'after its last |' : 'between two of its | signs'}; remove the extra |, or write the id or {source, section} meant there`);
      if (!/^[[{]/.test(part)) {
        read.push(part);
        continue;
      }
      try {
        read.push(JSON.parse(part));
      } catch {
        return bad(`"expect" has ${JSON.stringify(part)} between its | signs, which looks like JSON but does not parse; fix its quotes and brackets`);
      }
    }
    expectValue = read;
  } else if (typeof expectValue === 'string' && /^\s*[[{]/.test(expectValue)) {
    const written = expectValue;
    try {
      expectValue = JSON.parse(written);
    } catch {
      // [无] or [N/A] is none in brackets, not a JSON list
      if (!isOutOfScope(written)) return bad('"expect" looks like JSON but does not parse; fix its quotes and brackets');
    }
  }
  const expect = toExpectation(expectValue);
  if (typeof expect === 'string') return bad(expect);
  for (const [key, meant] of slips) problems.push(warning('bad-suite', `the case key "${key}" is not one kb reads — did you mean "${meant}"? (kb reads ${CASE_KEYS.join(', ')})`, { file, location: { line } }));
  return { q: q.trim(), expect, expectRaw: expect.length === 0 ? null : expectValue, tags: toTags(o['tags']), file, line };
}

/** A CSV cell's alternatives: split at each | outside a JSON string, trimmed (`K1|{"section": "a|b"}` is two). */
function splitAlternatives(cell: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let inString = false;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '|') {
      parts.push(cell.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(cell.slice(start).trim());
  return parts;
}

const CSV_COLUMNS = { q: ['q', 'question', '问题'], expect: ['expect', '期望'], tags: ['tags', '标签'] } as const;

/** What went wrong with a CSV row csv-parse could not read, and what to do, fitted to the cell's column. */
function badRowMessage(e: CsvError & { column?: unknown }, first: number, line: number): string {
  const span = first < line ? `the row on lines ${first}–${line}` : 'this row';
  if (e.code === 'INVALID_OPENING_QUOTE') {
    const name = typeof e.column === 'string' ? e.column : '';
    const example = (CSV_COLUMNS.expect as readonly string[]).includes(name) ? '"FAQ1|{""source"": …}"' : (CSV_COLUMNS.q as readonly string[]).includes(name) ? '"5"" 屏幕能换吗"' : '"a ""b"" c"';
    const where = `${name === '' ? 'a cell' : `a "${name}" cell`}${first < line ? ` on line ${line}` : ''}`;
    return `has a quote (") inside ${where} that does not start with one, so ${span} cannot be read as CSV (the other rows still run); put the whole cell in quotes and double the quotes inside it, as Excel saves it: ${example}`;
  }
  if (e.code === 'CSV_INVALID_CLOSING_QUOTE' && first < line) {
    return `has a quoted cell that runs on to line ${line}, where a quote ends it before the end of the cell, so ${span} cannot be read as CSV (the other rows still run); close the quote where the cell ends, or write a quote inside a quoted cell as ""`;
  }
  return `is not valid CSV here (${e.message.split('\n')[0]}), so ${span} cannot be read (the other rows still run); fix its quotes`;
}

function parseCsvSuite(body: string, file: string, cases: EvalCase[], problems: Problem[], delimiter = ','): void {
  if (body.trim() === '') return;
  let header: string[] = [];
  let written: string[] = [];
  const records: { record: Record<string, string>; line: number }[] = [];
  const starts = [0]; // where each line starts in body
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) starts.push(i + 1);
  // a bad row costs that row, not the file: the rows after it are read on from the next line, so every
  // line is parsed about once (before, the whole file was read again per bad row, recursively: 3,000
  // hand-typed rows took 18 s and then lost every case to a stack overflow)
  let from = 0; // lines before the part being read
  for (;;) {
    const part = body.slice(starts[from]);
    let lastEnd = from === 0 ? 1 : from; // the line the last whole record (or the header) ended on
    try {
      parseCsv(part, {
        // the header is read once; the rest of the file is read with its names
        columns:
          from === 0
            ? (h: string[]) => {
                written = h.map((c) => c.trim());
                // 問題 / 標籤 (traditional) are 问题 / 标签
                return (header = written.map((c) => traditionalToSimplified(c.toLowerCase())));
              }
            : header,
        delimiter,
        // a TSV written by hand has JSON with bare quotes in a cell ({"source": …}); Excel quotes it as CSV does
        relax_quotes: delimiter === '\t',
        skip_empty_lines: true,
        relax_column_count: true,
        on_record: (record: Record<string, string>, context: { lines: number }) => {
          lastEnd = from + context.lines;
          records.push({ record, line: lastEnd });
          return null;
        },
      });
      break;
    } catch (error) {
      // only csv-parse's own errors are the file's fault (a RangeError or a bug is not)
      if (!(error instanceof CsvError)) throw error;
      const e = error as CsvError & { lines?: number; column?: unknown };
      if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
        // csv-parse names the end of the file; the fault is where the quote opened (ingest's CSV reader
        // finds it); the rows before it are whole and run
        const split = splitCsv(part, delimiter);
        const line = from + (split.ok ? (e.lines ?? 1) : split.line);
        problems.push(problem('bad-suite', `has a quote (") opened on line ${line} that is never closed, so the rest of the file cannot be read as CSV; close the quote, or write a quote inside a quoted cell as ""`, { file, location: { line } }));
        break;
      }
      const line = from + (e.lines ?? 1);
      if (from === 0 && header.length === 0) {
        problems.push(problem('bad-suite', `is not valid CSV (${e.message.split('\n')[0]}); fix its quotes`, { file, location: { line } }));
        return;
      }
      // the failing record runs from the line after the last whole one to the error's line (a quoted
      // cell may span lines): it is lost, the reading goes on after it
      const first = Math.min(lastEnd + 1, line);
      problems.push(problem('bad-suite', badRowMessage(e, first, line), { file, location: { line: first } }));
      if (line >= starts.length) break;
      from = line;
    }
  }
  const column = (names: readonly string[]): string | undefined => names.find((n) => header.includes(n));
  const qColumn = column(CSV_COLUMNS.q);
  const expectColumn = column(CSV_COLUMNS.expect);
  if (qColumn === undefined || expectColumn === undefined) {
    const named = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(' or ');
    problems.push(problem('bad-suite', `needs a header row with the columns ${named(CSV_COLUMNS.q)} and ${named(CSV_COLUMNS.expect)} (and optionally ${named(CSV_COLUMNS.tags)}); its first row is: ${written.join(', ')}`, { file, location: { line: 1 } }));
    return;
  }
  const tagsColumn = column(CSV_COLUMNS.tags);
  for (const { record, line } of records) {
    // line is the one the record ends on; a quoted cell may span lines
    const newlines = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const raw = { q: record[qColumn], expect: record[expectColumn] ?? '', tags: tagsColumn === undefined ? '' : record[tagsColumn] };
    const c = toCase(raw, file, line - newlines, problems, true);
    if (c !== undefined) cases.push(c);
  }
}

export function parseSuite(text: string, file: string): SuiteRead {
  const problems: Problem[] = [];
  const cases: EvalCase[] = [];
  const ext = extname(file).toLowerCase();
  const body = text.replace(/^\uFEFF/, '');
  if (ext === '.jsonl' || ext === '.ndjson') {
    body.split(/\r?\n/).forEach((lineText, i) => {
      if (lineText.trim() === '') return;
      let raw: unknown;
      try {
        raw = JSON.parse(lineText);
      } catch {
        badLine(problems, file, i + 1, 'is not valid JSON; each line must be one JSON object like {"q": "…", "expect": "id"}');
        return;
      }
      const c = toCase(raw, file, i + 1, problems);
      if (c !== undefined) cases.push(c);
    });
  } else if (ext === '.yaml' || ext === '.yml') {
    const counter = new LineCounter();
    const doc = parseDocument(body, { lineCounter: counter });
    if (doc.errors.length > 0) {
      const e = doc.errors[0];
      const line = e?.linePos?.[0]?.line ?? 1;
      problems.push(problem('bad-suite', `is not valid YAML (${e?.message.split('\n')[0] ?? 'parse error'}); fix it`, { file, location: { line } }));
      return { cases, problems };
    }
    const root = doc.contents;
    const list: Node | null | undefined = isMap(root) ? (root.get('cases', true) as Node | undefined) : root;
    if (!isSeq(list)) {
      problems.push(problem('bad-suite', 'needs a top-level "cases:" list of {q, expect}', { file, location: { line: 1 } }));
      return { cases, problems };
    }
    for (const item of list.items) {
      const line = counter.linePos((item as Node).range?.[0] ?? 0).line;
      const raw = (item as Node & { toJSON(): unknown }).toJSON();
      // `expect:` left blank reads as null, which is out of scope: say so unless written none, null or ~
      if (isMap(item)) {
        // a question YAML reads as a number (q: 11.10, 007) is the question as written
        for (const key of ['q', 'question']) {
          const node = item.get(key, true);
          if (isScalar(node) && typeof node.value === 'number' && typeof node.source === 'string' && typeof raw === 'object' && raw !== null) (raw as Record<string, unknown>)[key] = node.source;
        }
        const value = item.get('expect', true);
        if (item.has('expect') && (value === null || value === undefined || (isScalar(value) && value.value === null && (value.source ?? '') === ''))) {
          problems.push(warning('bad-suite', '"expect" is left blank, so the case counts as out of scope; write none if it is, else the entry id or {source, section}', { file, location: { line } }));
        }
      }
      const c = toCase(raw, file, line, problems);
      if (c !== undefined) cases.push(c);
    }
  } else if (ext === '.csv' || ext === '.tsv') {
    // a TSV (Excel's "Text (Tab delimited)", as FAQ tables may be) reads as a CSV with tabs
    parseCsvSuite(body, file, cases, problems, ext === '.tsv' ? '\t' : ',');
  } else {
    problems.push(problem('unknown-format', 'is not a suite: use .yaml, .yml, .jsonl, .ndjson, .csv or .tsv', { file }));
  }
  if (cases.length === 0 && problems.length === 0) problems.push(problem('bad-suite', 'has no cases', { file, severity: 'warning' }));
  return { cases, problems };
}

/**
 * Read a suite file in whatever encoding it was saved in: a CSV saved by Excel on Chinese Windows
 * is GBK, some tools write UTF-16 (the decoder ingestion uses for FAQ tables).
 */
export async function readSuite(file: string): Promise<SuiteRead> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    return { cases: [], problems: [problem('file-not-found', 'cannot be read; check the path', { file })] };
  }
  const decoded = decodeText(bytes, file);
  if (!decoded.ok) return { cases: [], problems: decoded.problems.map((p) => ({ ...p, severity: 'error' as const })) };
  const read = parseSuite(decoded.value.text, file);
  return { cases: read.cases, problems: [...decoded.warnings, ...read.problems] };
}
