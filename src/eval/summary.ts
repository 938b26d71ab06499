/**
 * What a run means: hit rates per suite and per tag, latency, the threshold figures and a verdict
 * per case. Pure over the EvalReport; the CLI prints it and the report writers render it.
 */
import { metricsOf } from './metrics.js';
import type { CaseResult, EvalReport } from './run.js';
import { pickThresholdRange, statsAt, thresholdCurve, type DecisionInput, type ThresholdRange, type ThresholdStats } from './thresholds.js';

export interface RankMetrics {
  /** In-scope cases. */
  cases: number;
  hit1: number;
  hit3: number;
  hitK: number;
  mrr: number;
  k: number;
  /** Out-of-scope cases (expect none), not counted in the hit rates. */
  outOfScope: number;
}

export interface GroupMetrics extends RankMetrics {
  /** The suite file or the tag. */
  name: string;
}

/**
 * pass: answered right (in scope: ranked first, and at or above the threshold when there is one;
 * out of scope: nothing at or above the threshold). fail: otherwise. skip: an out-of-scope case
 * when no threshold was given (nothing to judge it by).
 */
export type Verdict = 'pass' | 'fail' | 'skip';
/** `unknown-entry`: a miss whose expected entry ids the index does not have (fix the suite or rebuild; counted as a miss). */
export type FailReason = 'miss' | 'unknown-entry' | 'not-first' | 'below-threshold' | 'false-answer';

export interface CaseVerdict {
  verdict: Verdict;
  reason?: FailReason;
}

export interface ThresholdReport {
  /** How the threshold was chosen. */
  mode: 'fixed' | 'auto';
  /** `auto` chose among the thresholds with at most this false-answer rate (the `--max-false-answer` gate). */
  maxFalseAnswer?: number;
  chosen: ThresholdStats;
  /** With auto: the thresholds that decide as well as the chosen one, above `lower` and at most `upper` (the chosen one is their middle); absent when auto hands everything off (1). */
  range?: ThresholdRange;
  curve: ThresholdStats[];
}

export interface EvalSummary {
  overall: RankMetrics;
  suites: GroupMetrics[];
  tags: GroupMetrics[];
  latencyMs: { p50: number; p95: number; mean: number };
  threshold?: ThresholdReport;
  verdicts: CaseVerdict[];
  /** Rank distribution of the in-scope cases: index r-1 counts rank r; `miss` the rest. */
  ranks: { byRank: number[]; miss: number };
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

export const inScope = (c: Pick<CaseResult, 'expect'>): boolean => c.expect !== null;

export function rankMetrics(cases: readonly CaseResult[], k: number): RankMetrics {
  const ranks = cases.filter(inScope).map((c) => c.rank);
  const h3 = ranks.filter((r) => r !== null && r <= Math.min(3, k)).length;
  return { ...metricsOf(ranks, k), hit3: ranks.length ? round(h3 / ranks.length) : 0, outOfScope: cases.length - ranks.length };
}

/** The p-th percentile (0–100) of the values, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? 0;
}

function grouped(cases: readonly CaseResult[], keyOf: (c: CaseResult) => readonly string[], k: number): GroupMetrics[] {
  const groups = new Map<string, CaseResult[]>();
  for (const c of cases) {
    for (const key of keyOf(c)) {
      let list = groups.get(key);
      if (list === undefined) groups.set(key, (list = []));
      list.push(c);
    }
  }
  return [...groups].map(([name, list]) => ({ name, ...rankMetrics(list, k) }));
}

export function decisionInput(c: CaseResult): DecisionInput {
  return { confidence: c.top[0]?.confidence, correct: c.rank === 1, inScope: inScope(c) };
}

export function verdictOf(c: CaseResult, threshold: number | undefined): CaseVerdict {
  const confidence = c.top[0]?.confidence;
  const answered = threshold === undefined || (confidence !== undefined && confidence >= threshold);
  if (!inScope(c)) {
    if (threshold === undefined) return { verdict: 'skip' };
    return answered ? { verdict: 'fail', reason: 'false-answer' } : { verdict: 'pass' };
  }
  if (c.rank === null) return { verdict: 'fail', reason: (c.unknownIds?.length ?? 0) + (c.unknownSources?.length ?? 0) > 0 ? 'unknown-entry' : 'miss' };
  if (c.rank !== 1) return { verdict: 'fail', reason: 'not-first' };
  return answered ? { verdict: 'pass' } : { verdict: 'fail', reason: 'below-threshold' };
}

export interface SummaryOptions {
  /** A fixed threshold, `auto` to pick one, or undefined for none. */
  threshold?: number | 'auto';
  /** With `auto`: choose among the thresholds whose false-answer rate is at most this (the gate of that name). */
  maxFalseAnswer?: number;
}

export function summarize(report: EvalReport, options: SummaryOptions = {}): EvalSummary {
  const k = report.metrics.k;
  const cases = report.cases;
  const latencies = cases.flatMap((c) => (c.latencyMs === undefined ? [] : [c.latencyMs]));
  const summary: EvalSummary = {
    overall: rankMetrics(cases, k),
    suites: grouped(cases, (c) => [c.file], k),
    tags: grouped(cases, (c) => c.tags, k).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    latencyMs: {
      p50: round(percentile(latencies, 50), 3),
      p95: round(percentile(latencies, 95), 3),
      mean: latencies.length ? round(latencies.reduce((s, x) => s + x, 0) / latencies.length, 3) : 0,
    },
    verdicts: [],
    ranks: { byRank: Array.from({ length: k }, () => 0), miss: 0 },
  };
  for (const c of cases) {
    if (!inScope(c)) continue;
    if (c.rank === null || c.rank > k) summary.ranks.miss++;
    else summary.ranks.byRank[c.rank - 1] = (summary.ranks.byRank[c.rank - 1] ?? 0) + 1;
  }
  let threshold: number | undefined;
  if (options.threshold !== undefined) {
    const items = cases.map(decisionInput);
    const picked = options.threshold === 'auto' ? pickThresholdRange(items, options.maxFalseAnswer) : { chosen: statsAt(items, options.threshold) };
    const chosen = picked.chosen;
    threshold = chosen.threshold;
    summary.threshold = { mode: options.threshold === 'auto' ? 'auto' : 'fixed', chosen, curve: thresholdCurve(items) };
    if (picked.range !== undefined) summary.threshold.range = picked.range;
    if (options.threshold === 'auto' && options.maxFalseAnswer !== undefined) summary.threshold.maxFalseAnswer = options.maxFalseAnswer;
  }
  summary.verdicts = cases.map((c) => verdictOf(c, threshold));
  return summary;
}
