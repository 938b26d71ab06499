/**
 * Baselines: compare this run with a previous `kb eval --json` output, case by case. Cases are
 * matched by question and expectation (the n-th repeat with the n-th repeat), so reordering or
 * moving a case to another file does not count as a change.
 */
import { readFile } from 'node:fs/promises';
import { fail, ok, problem, type Result } from '../core/problems.js';
import type { CaseResult } from './run.js';
import type { CaseVerdict, Verdict } from './summary.js';

export interface BaselineCase {
  q: string;
  expect: unknown;
  verdict: Verdict;
}

export interface ChangedCase {
  q: string;
  expect: unknown;
  /** Where the case is in this run's suites. */
  file: string;
  line: number;
  rank: number | null;
  baselineVerdict: Verdict;
  verdict: Verdict;
}

export interface BaselineComparison {
  file: string;
  newlyFailing: ChangedCase[];
  newlyPassing: ChangedCase[];
  /** Cases of this run the baseline does not have, and baseline cases this run does not have. */
  added: number;
  removed: number;
}

/** Stable JSON (object keys sorted), so `{source, section}` and `{section, source}` are one expectation. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(o[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const caseKey = (q: string, expect: unknown): string => `${q}\u0000${canonical(expect)}`;

/** A verdict from a baseline case: its own when it has one, else (an older report) ranked first or not. */
function baselineVerdict(o: Record<string, unknown>): Verdict {
  const v = o['verdict'];
  if (v === 'pass' || v === 'fail' || v === 'skip') return v;
  if (o['expect'] === null) return 'skip';
  return o['rank'] === 1 ? 'pass' : 'fail';
}

export function parseBaseline(text: string, file: string): Result<BaselineCase[]> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return fail(problem('bad-suite', 'is not JSON: pass a file written by `kb eval --json > baseline.json`', { file }));
  }
  const cases = (value as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(cases)) return fail(problem('bad-suite', 'has no "cases" list: pass a file written by `kb eval --json`', { file }));
  const out: BaselineCase[] = [];
  for (const [i, c] of cases.entries()) {
    if (typeof c !== 'object' || c === null || typeof (c as { q?: unknown }).q !== 'string' || !('expect' in c)) {
      return fail(problem('bad-suite', `case ${i + 1} has no "q" and "expect": pass a file written by \`kb eval --json\``, { file }));
    }
    const o = c as Record<string, unknown>;
    out.push({ q: o['q'] as string, expect: o['expect'], verdict: baselineVerdict(o) });
  }
  return ok(out);
}

export async function readBaseline(file: string): Promise<Result<BaselineCase[]>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return fail(problem('file-not-found', 'cannot be read; check the path of --baseline', { file }));
  }
  return parseBaseline(text, file);
}

export function compareBaseline(cases: readonly CaseResult[], verdicts: readonly CaseVerdict[], baseline: readonly BaselineCase[], file: string): BaselineComparison {
  const before = new Map<string, BaselineCase[]>();
  for (const b of baseline) {
    const key = caseKey(b.q, b.expect);
    const list = before.get(key);
    if (list === undefined) before.set(key, [b]);
    else list.push(b);
  }
  const out: BaselineComparison = { file, newlyFailing: [], newlyPassing: [], added: 0, removed: 0 };
  cases.forEach((c, i) => {
    const previous = before.get(caseKey(c.q, c.expect))?.shift();
    if (previous === undefined) {
      out.added++;
      return;
    }
    const verdict = verdicts[i]?.verdict ?? 'skip';
    if (verdict === 'skip' || previous.verdict === 'skip' || verdict === previous.verdict) return;
    const changed: ChangedCase = { q: c.q, expect: c.expect, file: c.file, line: c.line, rank: c.rank, baselineVerdict: previous.verdict, verdict };
    if (verdict === 'fail') out.newlyFailing.push(changed);
    else out.newlyPassing.push(changed);
  });
  for (const rest of before.values()) out.removed += rest.length;
  return out;
}
