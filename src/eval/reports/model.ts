/** Everything one `kb eval` run produced, as the report writers take it. */
import type { Problem } from '../../core/problems.js';
import type { AnswerChange, BaselineComparison, ChangedCase } from '../baseline.js';
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
  /** The ids of the index's entries, in `--json` (`entryIds`): a later run compared with it knows which entries are new. */
  entryIds?: readonly string[];
  /** A fingerprint of each entry's answer, in `--json` (`answerHashes`): a later run compared with it lists the questions whose answer changed. */
  answerHashes?: Readonly<Record<string, string>>;
  /** Suite lines (and whole suite files) that could not be read: errors, each with its file and line. The run fails when there are any. */
  unreadable?: Problem[];
  /** The baseline file named, when it could not be read: the run fails (the regression check could not run). */
  baselineUnreadable?: string;
}

/** Did the run pass its checks: every suite line read, every gate, and no newly failing case when regressions fail the run. */
export function runPassed(run: EvalRun, failOnRegression = false): boolean {
  return failReasons(run, failOnRegression).length === 0;
}

const f3 = (x: number): string => x.toFixed(3);
const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;

/**
 * One check a run is judged by, as every report shows it: a gate, or the regression check of
 * `--fail-on-regression`. `name` stays the same from run to run (no measured value: a JUnit test
 * case's name, which CI test histories key on); `measured` and `message` carry the figures.
 */
export interface Check {
  kind: 'gate' | 'regression';
  ok: boolean;
  /** `hit@1 ≥ 0.400`, `no case newly failing against the baseline`. */
  name: string;
  /** `0.478`, `0.000 at threshold 0.5`, `3 newly failing, 0 newly passing against main.json`. */
  measured: string;
  /** Where it was set: `--min-hit1`, `min-hitk in kb.config.yaml`, `--fail-on-regression`. */
  from: string;
  /** One line: `hit@1 0.478 ≥ 0.400 (--min-hit1)`. */
  message: string;
}

export const REGRESSION_CHECK = 'no case newly failing against the baseline';

/** The gates, then (with `--fail-on-regression` and a baseline) the regression check. */
export function checksOf(run: EvalRun, failOnRegression = false): Check[] {
  const threshold = run.summary.threshold?.chosen.threshold;
  const checks: Check[] = run.gates.map((g) => ({
    kind: 'gate',
    ok: g.ok,
    name: g.name,
    measured: g.value === null ? g.message : `${f3(g.value)}${g.flag === '--max-false-answer' && threshold !== undefined ? ` at threshold ${threshold}` : ''}`,
    from: g.from,
    message: g.message,
  }));
  const b = run.baseline;
  if (failOnRegression && b !== undefined) {
    const n = b.newlyFailing.length;
    checks.push({
      kind: 'regression',
      ok: n === 0,
      name: REGRESSION_CHECK,
      measured: `${n} newly failing${thresholdOnlyNote(b, 'short')}, ${b.newlyPassing.length} newly passing against ${b.file}`,
      from: '--fail-on-regression',
      message: n === 0 ? `no case newly failing against ${b.file} (--fail-on-regression)` : `${plural(n, 'case')} newly failing against ${b.file}${thresholdOnlyNote(b)}: passed there, fail now (--fail-on-regression)`,
    });
  }
  return checks;
}

/**
 * Why the run failed, one short reason each, for a report's headline: `3 cases newly failing
 * against main.json`, `hit@1 ≥ 0.800 not met (0.781)`, `2 suite lines could not be read`. Empty
 * when it passed.
 */
export function failReasons(run: EvalRun, failOnRegression = false): string[] {
  const reasons: string[] = [];
  const unreadable = run.unreadable ?? [];
  if (unreadable.length > 0) reasons.push(unreadableTitle(unreadable));
  // kb eval exits 1 on it, with or without --fail-on-regression: the reports say why (they said "no gates set")
  if (run.baselineUnreadable !== undefined) reasons.push(`the baseline ${run.baselineUnreadable} could not be read`);
  for (const g of run.gates) if (!g.ok) reasons.push(g.value === null ? `${g.name}: cannot be measured` : `${g.name} not met (${f3(g.value)})`);
  const n = run.baseline?.newlyFailing.length ?? 0;
  if (failOnRegression && n > 0 && run.baseline !== undefined) reasons.push(`${plural(n, 'case')} newly failing against ${run.baseline.file}${thresholdOnlyNote(run.baseline, 'short')}`);
  return reasons;
}

/**
 * A run with nothing to pass — no gate set, no regression check, every suite line read — is not
 * "passed" (a report said ✅ passed over hit@1 0.676 and 16 failing JUnit cases): its headline says
 * `no gates set`, and this line says what failed and how to set gates. Undefined when the run has a
 * check (or failed one).
 */
export function noGatesNote(run: EvalRun, failOnRegression = false): string | undefined {
  if (failReasons(run, failOnRegression).length > 0 || checksOf(run, failOnRegression).length > 0) return undefined;
  const failing = run.summary.verdicts.filter((v) => v.verdict === 'fail').length;
  const o = run.summary.overall;
  return `nothing decides pass or fail: ${failing} of ${run.summary.verdicts.length} cases fail, hit@1 ${f3(o.hit1)}; set gates with --min-hit1, --min-hitk, --min-mrr, --max-false-answer or --fail-on-regression, or eval.gates in kb.config.yaml`;
}

/** A line as a sentence: its first letter upper case. */
export const capitalized = (line: string): string => line.charAt(0).toUpperCase() + line.slice(1);

/** One figure of this run beside the baseline's: `hit@1`, 0.565 → 0.478. */
export interface MetricChange {
  name: string;
  baseline: number | undefined;
  now: number;
}

/**
 * hit@1, hit@3, hit@k and MRR@k of the baseline and of this run; empty without a baseline or
 * when its report has no figures. hit@k and MRR@k are named with both k when the runs cut at
 * different k (`hit@10 → hit@5`).
 */
export function metricChanges(run: EvalRun): MetricChange[] {
  const m = run.baseline?.metrics;
  if (m === undefined) return [];
  const o = run.summary.overall;
  const at = (what: string): string => (m.k === o.k ? `${what}@${o.k}` : `${what}@${m.k} → ${what}@${o.k}`);
  return [
    { name: 'hit@1', baseline: m.hit1, now: o.hit1 },
    { name: 'hit@3', baseline: m.hit3, now: o.hit3 },
    { name: at('hit'), baseline: m.hitK, now: o.hitK },
    { name: at('MRR'), baseline: m.mrr, now: o.mrr },
  ];
}

/** A change as people read it: `−0.087`, `+0.012`, `±0.000`; `–` when the baseline lacks the figure. */
export function signedChange(c: MetricChange): string {
  if (c.baseline === undefined) return '–';
  const d = Math.round((c.now - c.baseline) * 1000) / 1000;
  return d === 0 ? '±0.000' : `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(3)}`;
}

/** Does the baseline hold other cases than this run (cases added or gone)? Then its figures are over other cases. */
export function baselineCasesDiffer(run: EvalRun): boolean {
  const b = run.baseline;
  return b !== undefined && (b.added > 0 || b.removed > 0);
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
 * again at this run's; or (a report without ranks and confidences) could not be, and the
 * comparison mixes thresholds; or, this run's being auto's choice, each run is judged at its own.
 * Undefined when both were judged alike.
 */
/**
 * ` (9 of them only because --threshold auto moved 0.4129 → 0.4928)` after a count of newly failing
 * cases, when some fail only by auto's new threshold; '' when none. `short`: ` (9 only by auto's threshold)`.
 */
export function thresholdOnlyNote(b: BaselineComparison, form: 'long' | 'short' = 'long'): string {
  const moved = b.newlyFailing.filter((c) => c.thresholdOnly === true).length;
  const t = b.threshold;
  if (moved === 0 || t === undefined) return '';
  if (form === 'short') return ` (${moved === b.newlyFailing.length ? (moved === 1 ? 'it' : 'all') : moved} only by auto's threshold ${t.from} → ${t.to})`;
  return ` (${moved === b.newlyFailing.length ? (moved === 1 ? 'it' : 'all of them') : `${moved} of them`} only because --threshold auto moved ${t.from} → ${t.to})`;
}

/**
 * Why the cases auto's move alone failed pass at the baseline's threshold, per kind of case: one in
 * scope still has its right answer first; one out of scope has no right answer, and its top hit is
 * still below the baseline's threshold (handed off there).
 */
function passesAtBaseline(failing: readonly ChangedCase[], from: number): string {
  const moved = failing.filter((c) => c.thresholdOnly === true);
  const outOfScope = moved.filter((c) => c.expect === null).length;
  const inScope = moved.length - outOfScope;
  const handedOff = `handed off as the baseline handed it off (its top hit's confidence below ${from})`;
  if (outOfScope === 0) return `${inScope === 1 ? 'it passes now too, its' : 'they pass now too, their'} right answer still first`;
  if (inScope === 0) return outOfScope === 1 ? `it passes now too, out of scope and ${handedOff}` : `they pass now too, out of scope and handed off as the baseline handed them off (their top hits' confidence below ${from})`;
  // (one move fails only one kind: up, right answers below it; down, out-of-scope ones above it)
  return `they pass now too: the ${inScope} in scope with ${inScope === 1 ? 'its' : 'their'} right answer still first, the ${outOfScope} out of scope handed off as in the baseline (${outOfScope === 1 ? "its top hit's confidence" : "their top hits' confidence"} below ${from})`;
}

export function baselineThresholdNote(b: BaselineComparison): string | undefined {
  const t = b.threshold;
  if (t === undefined || t.from === t.to) return undefined;
  const judged = `the baseline ${b.file} was judged at ${thresholdName(t.from)}${t.fromAuto === true ? ' (auto)' : ''}, this run at ${thresholdName(t.to)}${t.toAuto === true ? ' (auto)' : ''}`;
  if (t.own === true) {
    const own = `${judged}: with --threshold auto each run is judged at its own threshold (the baseline's verdicts stand), as the reports judge this run — auto's choice moves with the index, and judging the baseline again at it would hide a question the baseline answered and this run hands off`;
    const moved = b.newlyFailing.filter((c) => c.thresholdOnly === true).length;
    if (moved === 0 || t.from === null || t.to === null) return own;
    const shown = (t.handedOff ?? []).slice(0, 3).map((h) => `“${h.q}” (confidence ${h.confidence.toFixed(2)}${h.baselineConfidence === undefined ? '' : h.baselineConfidence === null ? ', nothing found in the baseline' : `, ${h.baselineConfidence.toFixed(2)} in the baseline`}, got ${h.id})`);
    const more = (t.handedOff?.length ?? 0) - shown.length;
    const why =
      shown.length === 0
        ? ''
        : ` Auto chose higher to hand off out-of-scope questions that ${t.from} would answer: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
    const fail = moved === b.newlyFailing.length ? (moved === 1 ? 'The newly failing case fails' : `All ${moved} newly failing cases fail`) : `${moved} of the ${b.newlyFailing.length} newly failing cases fail`;
    return `${own}. ${fail} only by that move: at the baseline's threshold ${t.from} ${passesAtBaseline(b.newlyFailing, t.from)}.${why} To judge a pull request on its answers alone, judge both runs at one threshold: write it in kb.config.yaml (eval: threshold: ${t.from}, the baseline's) or pass --threshold ${t.from}`;
  }
  return t.rejudged
    ? `${judged}: its cases are judged again at this run's ${t.to === null ? 'rule (ranked first)' : 'threshold'}, so that only changes of the index count`
    : `${judged}, and it lacks the ranks and confidences to judge it again: cases may newly fail or pass by the threshold alone; write the baseline with the same --threshold`;
}

/** A confidence beside a threshold: 2 decimals, more (up to 4) when 2 would round it onto the threshold's side it is not on (0.6013 at 0.605, not 0.60). */
export function confidenceBeside(confidence: number, threshold: number): string {
  for (const digits of [2, 3, 4]) {
    const shown = Number(confidence.toFixed(digits));
    if (shown >= threshold === confidence >= threshold && shown !== threshold) return confidence.toFixed(digits);
  }
  return String(confidence);
}

/** Why a newly failing case fails now, and what came first: `now ranked #2, got faq-3 “…” (confidence 0.41)`; '' when unknown. */
export function changeWhy(run: EvalRun, c: ChangedCase): string {
  if (c.reason === undefined) return '';
  const now = caseAt(run).get(placeKey(c));
  // a threshold verdict names the threshold, and the confidence to as many decimals as tell it from the threshold
  const at = run.summary.threshold?.chosen.threshold;
  const judged = (c.reason === 'below-threshold' || c.reason === 'false-answer') && at !== undefined;
  const top = now?.top[0];
  const got = now === undefined ? '' : judged && top !== undefined ? `, got ${describeGot(now).replace(/\(confidence [\d.]+\)$/, `(confidence ${confidenceBeside(top.confidence, at)})`)}` : `, got ${describeGot(now)}`;
  const before = run.baseline?.threshold;
  const passedAt =
    judged && before?.own === true && before.from !== null
      ? c.thresholdOnly === true
        ? `; it passes at the baseline's threshold ${before.from}: only auto's choice moved`
        : `; the baseline passed it at its threshold ${before.from}`
      : '';
  // an out-of-scope question answered by an entry the baseline's index did not have: added for it, most
  // likely (the suite is behind); said only when the baseline lists its index's entries
  const stale = c.unseenEntry === undefined ? '' : `; ${c.unseenEntry} was added since the baseline (its index had no such entry): if it answers the question, make the case expect ${c.unseenEntry}`;
  if (c.reason === 'unknown-entry' && now !== undefined) {
    const missing = goneWhy(now, c.removedIds ?? []);
    return `now expects an entry the index no longer has${got}${missing === '' ? '' : `: ${missing}`}`;
  }
  return `now ${c.reason === 'not-first' && c.rank !== null ? `ranked #${c.rank}` : (REASONS[c.reason] ?? c.reason)}${judged ? (c.reason === 'false-answer' ? ` at threshold ${at}` : ` ${at}`) : ''}${got}${passedAt}${stale}`;
}

/**
 * What a newly failing case expects that the index no longer has (it passed in the baseline, so
 * the baseline's index had it), and why, as a pull-request reviewer needs it — an id
 * removed since (a FAQ row deleted) and what to do, a section with the heading it was renamed to.
 */
function goneWhy(now: EvalReport['cases'][number], removed: readonly string[]): string {
  const ids = (now.unknownIds ?? []).map((id) => (removed.includes(id) ? `${id} (the baseline's index had it: removed since — if on purpose, make the case expect the entry that answers the question now, or none)` : id));
  const hints = now.unknownSourceHints ?? [];
  const sources = (now.unknownSources ?? []).map((s, i) => (hints[i] === undefined || hints[i] === '' ? s : `${s} — ${hints[i]}`));
  return [...ids, ...sources].join('; ');
}

/** The questions an entry whose answer changed answers, in suite order: one edit, however many questions reach it. */
export interface AnswerChangeGroup {
  id: string;
  question: string | null;
  answer: string;
  cases: AnswerChange[];
}

/**
 * The changed answers by entry, in the order their first question comes: a FAQ row asked by six
 * paraphrases in the suite is one edit to check, not six lines of the same answer (review 2026-11-27).
 */
export function groupAnswersChanged(changes: readonly AnswerChange[]): AnswerChangeGroup[] {
  const groups = new Map<string, AnswerChangeGroup>();
  for (const c of changes) {
    const group = groups.get(c.id);
    if (group === undefined) groups.set(c.id, { id: c.id, question: c.question, answer: c.answer, cases: [c] });
    else group.cases.push(c);
  }
  return [...groups.values()];
}

/** An entry's questions as a list names them, the first `max` and how many more: “能发顺丰不”, “顺丰多少钱” and 4 more. */
export function namedQuestions(cases: readonly AnswerChange[], max: number, name: (c: AnswerChange) => string): string {
  const more = cases.length > max ? ` and ${cases.length - max} more` : '';
  return `${cases.slice(0, max).map(name).join(', ')}${more}`;
}

/**
 * The questions answered with text changed since the baseline, in one line: `8 questions right in
 * both runs are answered with text changed since main.json: “能发顺丰不”, “顺丰多少钱” and 4 more → FAQ002;
 * “几天发货” → FAQ005 — check that the new answers say what customers should be told (the reports list
 * them)`. The first five entries are named, each with its first two questions.
 */
export function describeAnswersChanged(file: string, changes: readonly AnswerChange[]): string {
  const groups = groupAnswersChanged(changes);
  const named = groups.slice(0, 5).map((g) => `${namedQuestions(g.cases, 2, (c) => `“${c.q}”`)} → ${g.id}`);
  const more = groups.length > named.length ? `; and ${groups.length - named.length} more ${groups.length - named.length === 1 ? 'entry' : 'entries'}` : '';
  return `${plural(changes.length, 'question')} right in both runs ${changes.length === 1 ? 'is' : 'are'} answered with text changed since ${file}: ${named.join('; ')}${more} — check that the new answers say what customers should be told (the reports list them)`;
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

const newlyFailingByRun = new WeakMap<EvalRun, Set<string>>();

/** Did this case pass in the baseline and fail now? */
export function isNewlyFailing(run: EvalRun, c: Placed): boolean {
  if (run.baseline === undefined) return false;
  let set = newlyFailingByRun.get(run);
  if (set === undefined) newlyFailingByRun.set(run, (set = new Set(run.baseline.newlyFailing.map(placeKey))));
  return set.has(placeKey(c));
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
