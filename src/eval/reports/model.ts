/** Everything one `kb eval` run produced, as the report writers take it. */
import type { Problem } from '../../core/problems.js';
import type { BaselineComparison, ChangedCase } from '../baseline.js';
import type { GateResult } from '../gates.js';
import type { Coverage, CoverageEntry, GapCluster } from '../gaps.js';
import type { EvalReport } from '../run.js';
import type { EvalSummary, ThresholdReport } from '../summary.js';

export interface EvalRun {
  report: EvalReport;
  summary: EvalSummary;
  gates: GateResult[];
  baseline?: BaselineComparison;
  gaps?: GapCluster[];
  coverage?: Coverage;
  /** The index file evaluated, as named on the command line. */
  index?: string;
  /** Suite lines (and whole suite files) that could not be read: errors, each with its file and line. The run fails when there are any. */
  unreadable?: Problem[];
}

/** Did the run pass its checks: every suite line read, every gate, and no newly failing case when regressions fail the run. */
export function runPassed(run: EvalRun, failOnRegression = false): boolean {
  return (run.unreadable?.length ?? 0) === 0 && run.gates.every((g) => g.ok) && !(failOnRegression && (run.baseline?.newlyFailing.length ?? 0) > 0);
}

/** The heading of the unreadable-suite section: `3 suite lines could not be read` (whole files, e.g. a YAML syntax error or a missing file, counted apart). */
export function unreadableTitle(problems: readonly Problem[]): string {
  const lines = problems.filter((p) => p.location?.line !== undefined).length;
  const files = problems.length - lines;
  const parts = [lines > 0 ? `${lines} suite line${lines === 1 ? '' : 's'}` : '', files > 0 ? `${files} suite file${files === 1 ? '' : 's'}` : ''].filter((x) => x !== '');
  return `${parts.join(' and ')} could not be read`;
}

/** Where an unreadable line is, as people read it: `tests/a.jsonl:4`. */
export function problemPlace(p: Problem): string {
  return `${p.file ?? '(suite)'}${p.location?.line === undefined ? '' : `:${p.location.line}`}`;
}

/** An expectation as people read it: `bq0005`, `returns.md § 二、退货运费`, `a or b`, `none`. */
export function describeExpect(expect: unknown): string {
  if (expect === null || expect === undefined) return 'none (out of scope)';
  if (typeof expect === 'string' || typeof expect === 'number') return String(expect);
  if (Array.isArray(expect)) return expect.map(describeExpect).join(' or ');
  if (typeof expect === 'object') {
    const o = expect as { source?: unknown; section?: unknown };
    return typeof o.section === 'string' ? `${String(o.source)} § ${o.section}` : String(o.source);
  }
  return JSON.stringify(expect);
}

/** What the top hit was, as people read it. */
export function describeGot(c: EvalReport['cases'][number]): string {
  const top = c.top[0];
  if (top === undefined) return 'nothing';
  return `${top.id}${c.topQuestion === null ? '' : ` “${c.topQuestion}”`} (confidence ${top.confidence.toFixed(2)})`;
}

export const REASONS: Record<string, string> = {
  miss: `not in the top k`,
  'unknown-entry': 'expects an entry the index does not have',
  'not-first': 'found, not first',
  'below-threshold': 'right, but below the threshold',
  'false-answer': 'answered an out-of-scope question',
};

/** Confidence histogram: 10 bins of the top hit's confidence, split by whether the top hit was right. */
export function confidenceHistogram(run: EvalRun): { right: number[]; wrong: number[] } {
  const right = Array.from({ length: 10 }, () => 0);
  const wrong = Array.from({ length: 10 }, () => 0);
  for (const c of run.report.cases) {
    const conf = c.top[0]?.confidence;
    if (conf === undefined) continue;
    const bin = Math.min(9, Math.floor(conf * 10));
    const target = c.rank === 1 ? right : wrong;
    target[bin] = (target[bin] ?? 0) + 1;
  }
  return { right, wrong };
}

/** A threshold as people read it: `0.2`, or `no threshold`. */
const thresholdName = (t: number | null): string => (t === null ? 'no threshold' : `threshold ${t}`);

/**
 * One line when the baseline was judged at another threshold than this run: its cases were judged
 * again at this run's, or (a report without ranks and confidences) could not be, and the
 * comparison mixes thresholds. Undefined when both used the same.
 */
export function baselineThresholdNote(b: BaselineComparison): string | undefined {
  const t = b.threshold;
  if (t === undefined) return undefined;
  const judged = `the baseline ${b.file} was judged at ${thresholdName(t.from)}, this run at ${thresholdName(t.to)}`;
  return t.rejudged
    ? `${judged}: its cases are judged again at this run's ${t.to === null ? 'rule (ranked first)' : 'threshold'}, so that only changes of the index count`
    : `${judged}, and it lacks the ranks and confidences to judge it again: cases may newly fail or pass by the threshold alone; write the baseline with the same --threshold`;
}

/** Why a newly failing case fails now, and what came first: `now ranked #2, got faq-3 “…” (confidence 0.41)`; '' when unknown. */
export function changeWhy(run: EvalRun, c: ChangedCase): string {
  if (c.reason === undefined) return '';
  const now = caseAt(run).get(placeKey(c));
  return `now ${c.reason === 'not-first' && c.rank !== null ? `ranked #${c.rank}` : (REASONS[c.reason] ?? c.reason)}${now === undefined ? '' : `, got ${describeGot(now)}`}`;
}

type Placed = Pick<EvalRun['report']['cases'][number], 'file' | 'line' | 'q'>;
const placeKey = (c: Placed): string => `${c.file ?? ''}\u0000${c.line ?? ''}\u0000${c.q}`;
const casesByPlace = new WeakMap<EvalRun, Map<string, EvalRun['report']['cases'][number]>>();

/** A run's cases by file, line and question (the first of each), built once per run: a report lists every changed case. */
function caseAt(run: EvalRun): Map<string, EvalRun['report']['cases'][number]> {
  let map = casesByPlace.get(run);
  if (map === undefined) {
    map = new Map();
    for (const x of run.report.cases) if (!map.has(placeKey(x))) map.set(placeKey(x), x);
    casesByPlace.set(run, map);
  }
  return map;
}

/** A newly failing case as people read it: the question, what was expected, why it fails now and what came first, and where it is. */
export function describeChange(run: EvalRun, c: ChangedCase): string {
  const why = changeWhy(run, c);
  return `“${c.q}” → expected ${describeExpect(c.expect)}${why === '' ? '' : `; ${why}`}  (${c.file}:${c.line}, passed in ${run.baseline?.file ?? 'the baseline'})`;
}

/** Where an entry comes from, as people read it: `returns.md § 二、退货运费`, or `(no source)`. */
export function coverageSource(u: CoverageEntry): string {
  if (u.source === undefined) return '(no source)';
  return u.section === undefined ? u.source : `${u.source} § ${u.section}`;
}

/** How the threshold was chosen, for a label: '' (fixed), `auto`, or `auto, false answers ≤ 10%` (within the --max-false-answer gate). */
export function thresholdHow(t: ThresholdReport): string {
  if (t.mode !== 'auto') return '';
  return t.maxFalseAnswer === undefined ? 'auto' : `auto, false answers ≤ ${+(t.maxFalseAnswer * 100).toFixed(2)}%`;
}

/**
 * Why a case failed, as the reports say it: the reason, and for an expectation the index does not
 * have, what it lacks and what it has instead (`expects an entry the index does not have:
 * 保修条款.md › 第一条 保修期限 — did you mean “第一条”?`), so a JUnit or Markdown reader can fix the suite.
 */
export function describeReason(c: EvalReport['cases'][number], reason: string | undefined): string {
  const text = REASONS[reason ?? ''] ?? reason ?? '';
  if (reason !== 'unknown-entry') return text;
  const hints = c.unknownSourceHints ?? [];
  const missing = [...(c.unknownIds ?? []), ...(c.unknownSources ?? []).map((s, i) => (hints[i] === undefined || hints[i] === '' ? s : `${s} — ${hints[i]}`))];
  return missing.length === 0 ? text : `${text}: ${missing.join('; ')}`;
}
