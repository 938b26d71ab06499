/**
 * Regression suites: YAML (`cases:` list), JSONL or CSV. A case is `{ q, expect, tags? }` where
 * expect is an entry id, `{ source, section? }`, a list of those (any one counts), or null /
 * "none" (out of scope). Malformed cases are reported with file and line; the rest still run.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { problem, type Problem } from '../core/problems.js';

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

function toExpectation(value: unknown): Expectation[] | string {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') {
    const v = value.trim();
    if (v === '' || v.toLowerCase() === 'none' || v.toLowerCase() === 'null') return [];
    return [{ kind: 'id', id: v }];
  }
  if (typeof value === 'number') return [{ kind: 'id', id: String(value) }];
  if (Array.isArray(value)) {
    const out: Expectation[] = [];
    for (const item of value) {
      const e = toExpectation(item);
      if (typeof e === 'string') return e;
      out.push(...e);
    }
    return out;
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o['source'] !== 'string' || o['source'] === '') return 'an expect object needs a "source" (a file name)';
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

function toCase(raw: unknown, file: string, line: number, problems: Problem[]): EvalCase | undefined {
  const bad = (message: string): undefined => {
    problems.push(problem('bad-row', message, { file, location: { line }, severity: 'warning' }));
    return undefined;
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('a case must be an object with "q" and "expect"; fix or remove this line');
  const o = raw as Record<string, unknown>;
  const q = o['q'] ?? o['question'];
  if (typeof q !== 'string' || q.trim() === '') return bad('the case has no question ("q"); fix or remove this line');
  if (!('expect' in o)) return bad('the case has no "expect"; use an entry id, {source, section}, or none for out of scope');
  let expectValue: unknown = o['expect'];
  if (typeof expectValue === 'string' && /^\s*[[{]/.test(expectValue)) {
    try {
      expectValue = JSON.parse(expectValue);
    } catch {
      return bad('"expect" looks like JSON but does not parse; fix its quotes and brackets');
    }
  }
  const expect = toExpectation(expectValue);
  if (typeof expect === 'string') return bad(expect);
  return { q: q.trim(), expect, expectRaw: expectValue ?? null, tags: toTags(o['tags']), file, line };
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
        problems.push(problem('bad-row', 'is not valid JSON; each line must be one JSON object like {"q": "…", "expect": "id"}', { file, location: { line: i + 1 }, severity: 'warning' }));
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
      problems.push(problem('bad-table', `is not valid YAML (${e?.message.split('\n')[0] ?? 'parse error'}); fix it`, { file, location: { line } }));
      return { cases, problems };
    }
    const root = doc.contents;
    const list: Node | null | undefined = isMap(root) ? (root.get('cases', true) as Node | undefined) : root;
    if (!isSeq(list)) {
      problems.push(problem('bad-table', 'needs a top-level "cases:" list of {q, expect}', { file, location: { line: 1 } }));
      return { cases, problems };
    }
    for (const item of list.items) {
      const line = counter.linePos((item as Node).range?.[0] ?? 0).line;
      const c = toCase((item as Node & { toJSON(): unknown }).toJSON(), file, line, problems);
      if (c !== undefined) cases.push(c);
    }
  } else if (ext === '.csv') {
    let rows: Record<string, string>[];
    try {
      rows = parseCsv(body, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
    } catch (error) {
      const line = (error as { lines?: number }).lines ?? 1;
      problems.push(problem('bad-table', `is not valid CSV (${(error as Error).message.split('\n')[0]}); fix its quotes`, { file, location: { line } }));
      return { cases, problems };
    }
    rows.forEach((row, i) => {
      const c = toCase({ q: row['q'] ?? row['question'] ?? row['问题'], expect: row['expect'] ?? row['期望'] ?? '', tags: row['tags'] ?? '' }, file, i + 2, problems);
      if (c !== undefined) cases.push(c);
    });
  } else {
    problems.push(problem('unknown-format', 'is not a suite: use .yaml, .jsonl or .csv', { file }));
  }
  return { cases, problems };
}

export async function readSuite(file: string): Promise<SuiteRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { cases: [], problems: [problem('file-not-found', 'cannot be read; check the path', { file })] };
  }
  return parseSuite(text, file);
}
