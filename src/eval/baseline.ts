/**
 * Baselines: compare this run with a previous `kb eval --json` output, case by case. Cases are
 * matched by question and expectation (the n-th repeat with the n-th repeat), so reordering or
 * moving a case to another file does not count as a change. A baseline judged at another
 * confidence threshold than this run (or with none) is judged again at this run's, from the rank
 * and top confidence it recorded: otherwise a threshold change alone would make cases newly
 * fail or pass, and a real regression could pass unseen. One exception: when this run's threshold
 * is auto's choice and the baseline was judged at a threshold, the baseline's verdicts stand (each
 * run at its own threshold) — auto's choice moves with the very regression being checked, and
 * judging the baseline again at it would hide a question the baseline answered and this run hands
 * off. Either way this run's cases are judged at this run's threshold, as its reports judge them.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fail, ok, problem, type Result } from '../core/problems.js';
import type { CaseResult } from './run.js';
import type { CaseVerdict, FailReason, Verdict } from './summary.js';

export interface BaselineCase {
  q: string;
  expect: unknown;
  verdict: Verdict;
  /** The rank it recorded (null: not found); absent in a report without ranks. */
  rank?: number | null;
  /** Its top hit's confidence (null: nothing found); absent in a report without top hits. */
  confidence?: number | null;
}

/** A previous run's overall figures (its `metrics`), to set beside this run's. */
export interface BaselineMetrics {
  /** In-scope cases. */
  cases: number;
  hit1: number;
  /** Absent in reports older than hit@3. */
  hit3?: number;
  hitK: number;
  mrr: number;
  k: number;
}

/** A previous run: its cases, the threshold it judged them at, and its figures. */
export interface Baseline {
  cases: BaselineCase[];
  /** The confidence threshold of that run; undefined when it had none. */
  threshold?: number;
  /** That threshold was `--threshold auto`'s choice. */
  thresholdAuto?: boolean;
  /** Undefined when the report has no (complete) `metrics`. */
  metrics?: BaselineMetrics;
  /** The ids of the entries its index had (`entryIds`); undefined in a report written before 2026-11-27. */
  entryIds?: ReadonlySet<string>;
  /** A fingerprint of each of its index's answers (`answerHashes`, `answerHash`); undefined in a report written before 2026-11-28. */
  answerHashes?: ReadonlyMap<string, string>;
}

/** A short fingerprint of an entry's answer, as `kb eval --json` lists them (`answerHashes`): a later run compared with it tells the answers that changed. */
export function answerHash(answer: string): string {
  return createHash('sha256').update(answer).digest('hex').slice(0, 12);
}

/**
 * A question passing in both runs whose answer — its top hit's, the one a bot sends — changed since
 * the baseline: a policy edit (a fee, a time limit) that no case fails, but that customers are told.
 */
export interface AnswerChange {
  q: string;
  file: string;
  line: number;
  /** The top hit, the entry whose answer changed, and its question. */
  id: string;
  question: string | null;
  /** Its answer now, at most ANSWER_SHOWN characters (… after a cut). */
  answer: string;
}

/** How much of a changed answer the comparison keeps, for a reviewer to read in a report line. */
const ANSWER_SHOWN = 120;

export interface ChangedCase {
  q: string;
  expect: unknown;
  /** Where the case is in this run's suites. */
  file: string;
  line: number;
  rank: number | null;
  baselineVerdict: Verdict;
  verdict: Verdict;
  /** Why it fails now (newly failing cases). */
  reason?: FailReason;
  /**
   * It fails only because `--threshold auto` chose another threshold than the baseline's: judged
   * at the baseline's threshold it would pass now too (its right answer is still first, only its
   * confidence is on the other side of the new threshold; or, out of scope, it is still below the
   * baseline's). Set only when each run is judged at its own threshold (`threshold.own`).
   */
  thresholdOnly?: boolean;
  /**
   * An out-of-scope case now answered by an entry the baseline's index did not have — added since,
   * most likely for this very question (the suite is behind: expect it). Absent otherwise, and when
   * the baseline does not list its index's entries (`entryIds`, written since 2026-11-27): an entry
   * only absent from the baseline's top hits is most often an old one, and the answer a false one.
   */
  unseenEntry?: string;
  /**
   * The expected entry ids this index lacks and the baseline's had (`unknown-entry`): removed since
   * — a FAQ row or section deleted, most likely on purpose by the change being checked. Absent
   * otherwise, and when the baseline does not list its index's entries.
   */
  removedIds?: string[];
}

/** An out-of-scope case this run answers at the baseline's threshold, which is why auto's choice rose above it. */
export interface HandedOffCase {
  q: string;
  file: string;
  line: number;
  /** Its top hit now, and that hit's confidence (at or above the baseline's threshold, below this run's). */
  id: string;
  confidence: number;
  /** Its top confidence in the baseline (null: nothing found); absent when the baseline lacks it or the case. */
  baselineConfidence?: number | null;
}

export interface BaselineComparison {
  file: string;
  newlyFailing: ChangedCase[];
  newlyPassing: ChangedCase[];
  /** Cases of this run the baseline does not have, and baseline cases this run does not have. */
  added: number;
  removed: number;
  /** The baseline's hit@1, hit@3, hit@k and MRR@k, when its report has them. */
  metrics?: BaselineMetrics;
  /**
   * Set when either run was judged at a threshold: `from` the baseline's, `to` this run's (null:
   * none). With both alike nothing is judged again (`rejudged` false, no note).
   */
  threshold?: {
    from: number | null;
    to: number | null;
    /** True when its cases were judged again at `to`; false when the thresholds are alike, when `own`, or when the report lacks the ranks and confidences to do so (the comparison mixes thresholds). */
    rejudged: boolean;
    /** This run's threshold is auto's choice: each run is judged at its own threshold, the baseline's verdicts stand. */
    own?: boolean;
    /** The baseline's threshold was auto's choice. */
    fromAuto?: boolean;
    /** This run's threshold is auto's choice. */
    toAuto?: boolean;
    /**
     * With `own` and a higher threshold than the baseline's: the out-of-scope cases this run would
     * answer at the baseline's threshold (a false answer) and hands off at its own — what made auto
     * choose higher, most confident first. Absent when none.
     */
    handedOff?: HandedOffCase[];
  };
  /**
   * The questions passing in both runs whose top hit's answer changed since the baseline (same
   * entry, other text), in suite order; absent when none, or when the baseline does not list its
   * answers' fingerprints (`answerHashes`, written since 2026-11-28).
   */
  answersChanged?: AnswerChange[];
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

/** The threshold a `kb eval --json` output was judged at (`threshold.chosen.threshold`); undefined when none. */
function thresholdOf(doc: unknown): number | undefined {
  const chosen = (doc as { threshold?: { chosen?: { threshold?: unknown } } } | null)?.threshold?.chosen?.threshold;
  return typeof chosen === 'number' ? chosen : undefined;
}

/** Was a `kb eval --json` output's threshold auto's choice (`threshold.mode`)? */
const autoOf = (doc: unknown): boolean => (doc as { threshold?: { mode?: unknown } } | null)?.threshold?.mode === 'auto';

/** The overall figures of a `kb eval --json` output; undefined when one of them is missing. */
function metricsOf(doc: unknown): BaselineMetrics | undefined {
  const m = (doc as { metrics?: Record<string, unknown> } | null)?.metrics;
  if (m === undefined || m === null || typeof m !== 'object') return undefined;
  const num = (key: string): number | undefined => (typeof m[key] === 'number' ? m[key] : undefined);
  const [cases, hit1, hitK, mrr, k, hit3] = ['cases', 'hit1', 'hitK', 'mrr', 'k', 'hit3'].map(num);
  if (cases === undefined || hit1 === undefined || hitK === undefined || mrr === undefined || k === undefined) return undefined;
  return hit3 === undefined ? { cases, hit1, hitK, mrr, k } : { cases, hit1, hit3, hitK, mrr, k };
}

/** Parse a `kb eval --json` output as a baseline. */
export function parseBaseline(text: string, file: string): Result<Baseline> {
  let value: unknown;
  // (a CI step that redirected a failed run's output leaves an empty file)
  if (text.trim() === '') return fail(problem('bad-suite', `is empty${text === '' ? ' (0 bytes)' : ''}: pass a file written by \`kb eval --json > baseline.json\``, { file }));
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
    const b: BaselineCase = { q: o['q'] as string, expect: o['expect'], verdict: baselineVerdict(o) };
    const rank = o['rank'];
    if (rank === null || typeof rank === 'number') b.rank = rank;
    const top = o['top'];
    if (Array.isArray(top)) {
      const confidence = (top[0] as { confidence?: unknown } | undefined)?.confidence;
      if (top.length === 0) b.confidence = null;
      else if (typeof confidence === 'number') b.confidence = confidence;
    }
    out.push(b);
  }
  const baseline: Baseline = { cases: out };
  const entryIds = (value as { entryIds?: unknown }).entryIds;
  if (Array.isArray(entryIds)) baseline.entryIds = new Set(entryIds.filter((id): id is string => typeof id === 'string'));
  const hashes = (value as { answerHashes?: unknown }).answerHashes;
  if (hashes !== null && typeof hashes === 'object' && !Array.isArray(hashes)) {
    baseline.answerHashes = new Map(Object.entries(hashes).filter((e): e is [string, string] => typeof e[1] === 'string'));
  }
  const threshold = thresholdOf(value);
  if (threshold !== undefined) baseline.threshold = threshold;
  if (threshold !== undefined && autoOf(value)) baseline.thresholdAuto = true;
  const metrics = metricsOf(value);
  if (metrics !== undefined) baseline.metrics = metrics;
  return ok(baseline);
}

/** Read a `kb eval --json` output as a baseline. */
export async function readBaseline(file: string): Promise<Result<Baseline>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return fail(problem('file-not-found', 'cannot be read; check the path of --baseline', { file }));
  }
  return parseBaseline(text, file);
}

/** A baseline case's verdict at another threshold (as `verdictOf` judges), from its rank and top confidence. */
export function rejudge(b: BaselineCase, threshold: number | undefined): Verdict {
  const answered = threshold === undefined || (b.confidence !== null && b.confidence !== undefined && b.confidence >= threshold);
  if (b.expect === null) return threshold === undefined ? 'skip' : answered ? 'fail' : 'pass';
  return b.rank === 1 && answered ? 'pass' : 'fail';
}

/**
 * Newly failing and newly passing cases of this run against the baseline. `threshold` is this
 * run's (undefined: none), the one `verdicts` were judged at; `auto` says it is auto's choice. A
 * baseline judged at another one is judged again at it when it recorded every case's rank and top
 * confidence — except when this run's is auto's and the baseline had a threshold: then the
 * baseline's verdicts stand, each run judged at its own threshold.
 */
export function compareBaseline(
  cases: readonly CaseResult[],
  verdicts: readonly CaseVerdict[],
  baseline: Baseline,
  file: string,
  threshold?: number,
  auto = false,
  answers?: ReadonlyMap<string, string>,
): BaselineComparison {
  let previousCases = baseline.cases;
  let thresholdNote: BaselineComparison['threshold'];
  const from = baseline.threshold ?? null;
  const to = threshold ?? null;
  const marks = { ...(baseline.thresholdAuto === true ? { fromAuto: true } : {}), ...(auto && to !== null ? { toAuto: true } : {}) };
  if (from === to) {
    if (to !== null) thresholdNote = { from, to, rejudged: false, ...marks };
  } else if (auto && from !== null) {
    thresholdNote = { from, to, rejudged: false, own: true, ...marks };
  } else {
    const judgeable = baseline.cases.every((b) => b.rank !== undefined && b.confidence !== undefined);
    if (judgeable) previousCases = baseline.cases.map((b) => ({ ...b, verdict: rejudge(b, threshold) }));
    thresholdNote = { from, to, rejudged: judgeable, ...marks };
  }
  const before = new Map<string, BaselineCase[]>();
  for (const b of previousCases) {
    const key = caseKey(b.q, b.expect);
    const list = before.get(key);
    if (list === undefined) before.set(key, [b]);
    else list.push(b);
  }
  const out: BaselineComparison = { file, newlyFailing: [], newlyPassing: [], added: 0, removed: 0 };
  if (baseline.metrics !== undefined) out.metrics = baseline.metrics;
  if (thresholdNote !== undefined) out.threshold = thresholdNote;
  cases.forEach((c, i) => {
    const previous = before.get(caseKey(c.q, c.expect))?.shift();
    if (previous === undefined) {
      out.added++;
      return;
    }
    const verdict = verdicts[i]?.verdict ?? 'skip';
    if (verdict === 'pass' && previous.verdict === 'pass' && c.expect !== null) {
      // right in both runs, by an entry whose text changed: what the customer is told changed
      const id = c.top[0]?.id;
      const before = id === undefined ? undefined : baseline.answerHashes?.get(id);
      const now = id === undefined ? undefined : answers?.get(id);
      if (id !== undefined && before !== undefined && now !== undefined && answerHash(now) !== before) {
        (out.answersChanged ??= []).push({ q: c.q, file: c.file, line: c.line, id, question: c.topQuestion, answer: now.length > ANSWER_SHOWN ? `${now.slice(0, ANSWER_SHOWN)}…` : now });
      }
    }
    if (verdict === 'skip' || previous.verdict === 'skip' || verdict === previous.verdict) return;
    const changed: ChangedCase = { q: c.q, expect: c.expect, file: c.file, line: c.line, rank: c.rank, baselineVerdict: previous.verdict, verdict };
    const reason = verdicts[i]?.reason;
    if (verdict === 'fail' && reason !== undefined) changed.reason = reason;
    const top = c.top[0]?.id;
    if (verdict === 'fail' && reason === 'false-answer' && top !== undefined && baseline.entryIds !== undefined && !baseline.entryIds.has(top)) changed.unseenEntry = top;
    const removed = reason === 'unknown-entry' ? (c.unknownIds ?? []).filter((id) => baseline.entryIds?.has(id) === true) : [];
    if (verdict === 'fail' && removed.length > 0) changed.removedIds = removed;
    if (verdict === 'fail' && thresholdNote?.own === true && from !== null && rejudgeNow(c, from) === 'pass') changed.thresholdOnly = true;
    if (verdict === 'fail') out.newlyFailing.push(changed);
    else out.newlyPassing.push(changed);
  });
  for (const rest of before.values()) out.removed += rest.length;
  // what the index change did first, then the cases only auto's new threshold failed (a stable sort)
  out.newlyFailing.sort((a, b) => Number(a.thresholdOnly === true) - Number(b.thresholdOnly === true));
  if (thresholdNote?.own === true && from !== null && to !== null && to > from) {
    const confidenceBefore = new Map(baseline.cases.filter((b) => b.expect === null && b.confidence !== undefined).map((b) => [b.q, b.confidence ?? null]));
    const handedOff: HandedOffCase[] = [];
    for (const c of cases) {
      const top = c.top[0];
      if (c.expect !== null || top === undefined || top.confidence < from || top.confidence >= to) continue;
      const h: HandedOffCase = { q: c.q, file: c.file, line: c.line, id: top.id, confidence: top.confidence };
      if (confidenceBefore.has(c.q)) h.baselineConfidence = confidenceBefore.get(c.q) ?? null;
      handedOff.push(h);
    }
    if (handedOff.length > 0) thresholdNote.handedOff = handedOff.sort((a, b) => b.confidence - a.confidence);
  }
  return out;
}

/** This run's case judged at another threshold, as `rejudge` judges a baseline case. */
function rejudgeNow(c: CaseResult, threshold: number): Verdict {
  return rejudge({ q: c.q, expect: c.expect, verdict: 'skip', rank: c.rank, confidence: c.top[0]?.confidence ?? null }, threshold);
}
