/**
 * `kb eval`: run regression suites against an index; hit@1/3/k and MRR@k per suite and tag,
 * confidence thresholds, CI gates, a baseline comparison, gaps and coverage, reports (terminal,
 * JSON, JUnit, Markdown, HTML), and `--suggest` to propose missed questions to the store.
 */
import { fstatSync, statSync } from 'node:fs';
import { appendFile, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Calibration } from '../../runtime/index-file.js';
import { writeOutputFile } from '../../core/write-file.js';
import { problem, type Problem } from '../../core/problems.js';
import { answerHash, compareBaseline, readBaseline } from '../../eval/baseline.js';
import { evalGaps } from '../../eval/find-gaps.js';
import { CONFIG_FILE } from '../../config/config.js';
import { checkGates, type GateOrigins, type Gates } from '../../eval/gates.js';
import { coverageOf } from '../../eval/gaps.js';
import { evalRunJson } from '../../eval/reports/json.js';
import { htmlReport } from '../../eval/reports/html.js';
import { junitReport } from '../../eval/reports/junit.js';
import { markdownReport } from '../../eval/reports/markdown.js';
import { baselineThresholdNote, describeAnswersChanged, describeChange, thresholdOnlyNote, describeExpect, noGatesNote, REASONS, runPassed, thresholdHow, type EvalRun } from '../../eval/reports/model.js';
import { evaluate, unknownIdProblems, type StoreInfo } from '../../eval/run.js';
import { suggestFromFailures } from '../../eval/suggest.js';
import { summarize, type FailReason } from '../../eval/summary.js';
import { readSuite, type EvalCase } from '../../eval/suite.js';
import { expandInputs } from '../../ingest/expand.js';
import { loadIndex } from '../../runtime/index.js';
import { withWriteLock } from '../../store/lock.js';
import { DEFAULT_STORE, readStore, whyLeftOut, writeStore } from '../../store/store.js';
import { EXIT, UsageError } from '../cli.js';
import { configAbove, locateInConfig, noIndex, defaultIndex, workingConfig } from '../config.js';
import { printProblems, progressLine, writeProblem, type Output } from '../output.js';

export interface EvalCommandOptions {
  suites: string[];
  index?: string;
  k?: number;
  json: boolean;
  /** A confidence threshold, or `auto` to pick the one with the most correct decisions. */
  threshold?: number | 'auto';
  gates?: Gates;
  baseline?: string;
  failOnRegression?: boolean;
  junit?: string;
  markdown?: string;
  html?: string;
  /** Print the gaps and coverage in the terminal summary. */
  gaps?: boolean;
  suggest?: boolean;
  store?: string;
}

const SUITE_EXT = /\.(ya?ml|jsonl|ndjson|csv|tsv)$/i;

/** The suite files run that the index's calibration was fitted on (`kb build --calibrate-on`, files or folders named). */
export function inSampleSuites(calibration: Calibration, files: readonly string[]): string[] {
  if (calibration.fittedOn !== 'suites') return [];
  const fitted = (calibration.suites ?? []).map((f) => resolve(f));
  return files.filter((file) => fitted.some((f) => resolve(file) === f || resolve(file).startsWith(`${f}${sep}`)));
}

/** The cases of the suites named (files, folders, globs), with the files read and what was wrong in them. */
export async function readSuites(inputs: readonly string[]): Promise<{ files: string[]; cases: EvalCase[]; problems: Problem[] }> {
  const { files, problems } = await suiteFiles(inputs);
  const cases: EvalCase[] = [];
  for (const file of files) {
    const read = await readSuite(file);
    cases.push(...read.cases);
    problems.push(...read.problems);
  }
  return { files, cases, problems };
}

/** The suite files named: files as they are, folders' suites, globs expanded. */
export async function suiteFiles(inputs: readonly string[]): Promise<{ files: string[]; problems: Problem[] }> {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) {
      const { glob } = await import('tinyglobby');
      const found = (await glob('**/*.{yaml,yml,jsonl,ndjson,csv,tsv}', { cwd: input })).sort();
      if (found.length === 0) problems.push(problem('no-input', 'is a folder with no suites (.yaml .yml .jsonl .ndjson .csv .tsv)', { file: input }));
      files.push(...found.map((f) => `${input.replace(/\/$/, '')}/${f}`));
    } else if (info?.isFile()) files.push(input);
    else {
      const expanded = await expandInputs([input]);
      files.push(...expanded.files.filter((f) => SUITE_EXT.test(f)));
      problems.push(...expanded.problems);
    }
  }
  // a file named twice (tests/ and tests/a.jsonl, or a glob and its folder) is run once: its cases
  // counted twice would weigh its questions double in every figure and gate
  const seen = new Set<string>();
  const unique = files.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { files: unique, problems };
}

/**
 * Is `file` the GitHub Actions step summary of this step? The runner gives each step one file
 * that every command of the step appends to; replacing it would erase what the step's earlier
 * commands wrote there (`echo "## Build" >> $GITHUB_STEP_SUMMARY`).
 */
export function isStepSummary(file: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const summary = env['GITHUB_STEP_SUMMARY'];
  return summary !== undefined && summary !== '' && resolve(summary) === resolve(file);
}

/** Write a report atomically; the step summary is appended to (with a blank line before), as GitHub expects. */
async function writeReport(file: string, text: string): Promise<'wrote' | 'appended'> {
  await mkdir(dirname(file), { recursive: true });
  if (isStepSummary(file)) {
    const before = await stat(file).catch(() => undefined);
    await appendFile(file, (before !== undefined && before.size > 0 ? '\n' : '') + text);
    return 'appended';
  }
  await writeOutputFile(file, text);
  return 'wrote';
}

/**
 * Is `file` the file this process's stdout is redirected to? `kb eval --baseline r/eval.json --json >
 * r/eval.json` (to update the baseline in place) has the shell empty it before kb starts.
 */
function isStdoutFile(file: string): boolean {
  try {
    const out = fstatSync(1);
    const named = statSync(file);
    return out.isFile() && out.dev === named.dev && out.ino === named.ino;
  } catch {
    return false;
  }
}

export async function runEval(options: EvalCommandOptions, output: Output): Promise<number> {
  const config = await workingConfig();
  const suites = options.suites.length > 0 ? options.suites : (config?.eval.suites ?? []);
  const index = options.index ?? defaultIndex(config);
  const k = options.k ?? config?.eval.k ?? 5;
  // kb.config.yaml's threshold and gates, each overridden by its flag
  const threshold = options.threshold ?? config?.eval.threshold;
  const gates = { ...(config?.eval.gates ?? {}), ...(options.gates ?? {}) };
  // a failed gate names where it was set: its flag, or kb.config.yaml
  const gateOrigins: GateOrigins = {};
  for (const gate of Object.keys(config?.eval.gates ?? {}) as (keyof Gates)[]) if (options.gates?.[gate] === undefined) gateOrigins[gate] = CONFIG_FILE;
  if (suites.length === 0) throw new UsageError(`name the suites to run (kb eval tests/ --index kb.index), or list them under "eval: suites:" in kb.config.yaml${config === undefined ? configAbove() : ''}`);
  if (index === undefined) throw new UsageError(noIndex());
  if (options.failOnRegression === true && options.baseline === undefined) throw new UsageError('--fail-on-regression needs --baseline FILE (a previous `kb eval --json` output)');
  if (options.baseline !== undefined && isStdoutFile(options.baseline)) {
    throw new UsageError(`--baseline ${options.baseline} is the file this run's output is redirected to (> ${options.baseline}), which the shell emptied before kb started: the baseline is gone (restore it, e.g. from the last run's artifact); keep it under another name (cp ${options.baseline} main.json, then --baseline main.json)`);
  }
  const kb = await loadIndex(index);
  const { files, cases, problems: read } = await readSuites(suites);
  // a path of kb.config.yaml's eval.suites that is not there: say where it is written
  const problems = options.suites.length === 0 ? locateInConfig(read, new Map(suites.map((s) => [s, 'eval.suites']))) : read;
  // what the reports list as could not be read: the suites' errors (a baseline's are its own matter)
  const unreadable = problems.filter((p) => p.severity === 'error');
  const baseline = options.baseline === undefined ? undefined : await readBaseline(options.baseline);
  if (baseline !== undefined && !baseline.ok) problems.push(...baseline.problems);
  printProblems(output, problems);
  const fittedOn = inSampleSuites(kb.model.calibration, files);
  if (fittedOn.length > 0) output.err(`kb eval: note: the index's confidence was fitted on ${fittedOn.join(', ')} (kb build --calibrate-on): on those questions its threshold figures (answered, false answers, auto) are in-sample, better than on new questions — judge the threshold on a suite it was not fitted on`);
  if (cases.length === 0) {
    output.err('kb eval: no cases to run');
    return EXIT.FAILED;
  }
  // a big suite takes a while (20,000 cases: 17-60 s): "[1,234/20,000 cases, about 12 s left]" on a
  // terminal's stderr, cleared when the last case is done (never in the output, nor when piped)
  const progress = progressLine(output, process.stderr, 'count');
  const report = evaluate(kb, cases, k, (done, total) => progress(done, total, 'cases'));
  // an id the baseline's index had is one removed since (a FAQ row deleted), not a typo
  const baselineEntries = baseline?.ok === true && baseline.value.entryIds !== undefined ? { file: options.baseline ?? '', entryIds: baseline.value.entryIds } : undefined;
  printProblems(output, unknownIdProblems(report.cases, index, await storeInfo(report.cases, options.store ?? config?.store ?? DEFAULT_STORE), baselineEntries));
  // auto picks within the false-answer gate, so that it does not choose a threshold the gate then fails
  const summary = summarize(report, threshold === undefined ? {} : gates.maxFalseAnswer === undefined ? { threshold } : { threshold, maxFalseAnswer: gates.maxFalseAnswer });
  const run: EvalRun = { report, summary, gates: checkGates(summary, gates, gateOrigins), index, unreadable };
  if (baseline !== undefined && !baseline.ok) run.baselineUnreadable = options.baseline ?? '';
  if (baseline?.ok === true) {
    // this run's cases as its reports judge them, at its threshold; with --threshold auto against a
    // baseline judged at a threshold, the baseline's verdicts stand (compareBaseline says why)
    const answers = new Map(kb.entries.map((e) => [e.id, e.answer]));
    run.baseline = compareBaseline(report.cases, summary.verdicts, baseline.value, options.baseline ?? '', summary.threshold?.chosen.threshold, summary.threshold?.mode === 'auto', answers);
    const note = baselineThresholdNote(run.baseline);
    if (note !== undefined) output.err(`kb eval: ${note}`);
  }
  run.gaps = evalGaps(kb, report.cases, summary.verdicts);
  run.coverage = coverageOf(kb.entries, report.cases);
  run.entryIds = kb.entries.map((e) => e.id);
  if (options.json) run.answerHashes = Object.fromEntries(kb.entries.map((e) => [e.id, answerHash(e.answer)]));

  if (options.json) output.out(JSON.stringify(evalRunJson(run), null, 2));
  else printReport(run, output, options.gaps === true);

  const failOnRegression = options.failOnRegression === true;
  const written: [string | undefined, string, () => string][] = [
    [options.junit, 'JUnit', () => junitReport(run, { failOnRegression })],
    [options.markdown, 'Markdown', () => markdownReport(run, { failOnRegression })],
    [options.html, 'HTML', () => htmlReport(run, { failOnRegression })],
  ];
  let writeFailed = false;
  for (const [file, what, render] of written) {
    if (file === undefined) continue;
    try {
      const how = await writeReport(file, render());
      output.err(how === 'appended' ? `kb eval: appended the ${what} report to ${file} (the GitHub Actions step summary)` : `kb eval: wrote the ${what} report to ${file}`);
    } catch (error) {
      writeFailed = true;
      printProblems(output, [await writeProblem(error, file, 'the report')]);
    }
  }

  let suggestFailed = false;
  if (options.suggest === true) suggestFailed = !(await suggest(run, options.store ?? config?.store ?? DEFAULT_STORE, output));

  for (const g of run.gates) if (!g.ok) output.err(`kb eval: gate failed: ${g.message}`);
  // an unreadable baseline: --fail-on-regression was set, but its gate could not run (before: "no gates set")
  const baselineUnread = baseline !== undefined && !baseline.ok;
  if (baselineUnread && failOnRegression) {
    output.err(`kb eval: --fail-on-regression: the baseline ${options.baseline ?? ''} could not be read (see above), so the regression gate could not run; pass a file written by kb eval --json`);
  } else {
    const noGates = noGatesNote(run, failOnRegression);
    if (noGates !== undefined) output.err(`kb eval: no gates set: ${noGates}`);
  }
  const newlyFailing = run.baseline?.newlyFailing ?? [];
  if (failOnRegression && newlyFailing.length > 0) {
    // one line per case, so that a CI log says which questions broke and how (the JSON may be in a file)
    for (const c of newlyFailing.slice(0, 20)) output.err(`kb eval: regression: ${describeChange(run, c)}`);
    if (newlyFailing.length > 20) output.err(`kb eval: regression: … and ${newlyFailing.length - 20} more newly failing cases (see the reports)`);
    output.err(`kb eval: regression: ${newlyFailing.length} case${newlyFailing.length === 1 ? '' : 's'} newly failing against ${options.baseline ?? 'the baseline'}${run.baseline === undefined ? '' : thresholdOnlyNote(run.baseline)}`);
  }
  // answers that changed under questions passing in both runs: no gate, but what customers are told changed
  const changedAnswers = run.baseline?.answersChanged ?? [];
  if (changedAnswers.length > 0) output.err(`kb eval: ${describeAnswersChanged(run.baseline?.file ?? '', changedAnswers)}`);
  // the suites' errors; an unreadable baseline fails the run too, and was said above or here
  const errors = unreadable.length;
  if (errors > 0) output.err(`kb eval: ${errors} ${errors === 1 ? 'case or file' : 'cases or files'} could not be read (see above); the rest ran`);
  if (baselineUnread && !failOnRegression) output.err(`kb eval: the baseline ${options.baseline ?? ''} could not be read (see above), so no case was compared with it`);
  return errors > 0 || baselineUnread || writeFailed || suggestFailed || !runPassed(run, failOnRegression) ? EXIT.FAILED : EXIT.OK;
}

/** The store's statuses and sources, read only when a case expects an id or a source the index lacks (to say why: rejected …); undefined without a readable store. */
async function storeInfo(cases: readonly { unknownIds?: readonly string[]; unknownSources?: readonly string[] }[], path: string): Promise<StoreInfo | undefined> {
  if (!cases.some((c) => (c.unknownIds ?? []).length > 0 || (c.unknownSources ?? []).length > 0)) return undefined;
  const read = await readStore(path);
  if (read === undefined || !read.ok) return undefined;
  // pending: indexed by kb build, left out by kb build --only-approved
  const status = new Map(read.value.map((e) => [e.id, whyLeftOut(e) ?? (e.status === 'pending' ? 'pending' : 'indexed')]));
  const sourced = read.value.flatMap((e) => (e.source === undefined ? [] : [{ id: e.id, source: e.source }]));
  return { path, status, sourced };
}

/** Propose the failing cases' questions to their expected entries in the store. False when the store cannot be read. */
async function suggest(run: EvalRun, storePath: string, output: Output): Promise<boolean> {
  // read, propose and write under the store's write lock (kb review may be saving)
  let outcome;
  try {
    outcome = await withWriteLock(storePath, async () => {
      const read = await readStore(storePath);
      if (read === undefined || !read.ok) return read;
      const proposal = suggestFromFailures(run.report.cases, run.summary.verdicts, read.value);
      if (proposal.proposed.length > 0) await writeStore(storePath, proposal.entries);
      return proposal;
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    printProblems(output, [problem('write-failed', `${code === 'ELOCKED' ? 'another kb command kept it locked for writing' : `cannot be written (${code})`}; nothing was suggested — run kb eval --suggest again`, { file: storePath })]);
    return false;
  }
  if (outcome === undefined) {
    printProblems(output, [problem('file-not-found', 'does not exist: --suggest adds to a Q&A store (kb generate writes one; name it with --store)', { file: storePath })]);
    return false;
  }
  if ('ok' in outcome) {
    printProblems(output, outcome.problems);
    return false;
  }
  const result = outcome;
  // the entry's own question too: an id such as s-e70ca6b35d9bf26e says nothing to an editor
  const questionOf = new Map(result.entries.map((e) => [e.id, e.question]));
  for (const s of result.proposed) {
    const entry = questionOf.get(s.id);
    output.err(`suggested: “${s.question}” → ${s.id}${entry === undefined ? '' : ` “${entry}”`}  (${s.file}:${s.line})`);
  }
  const notes = [
    result.known > 0 ? `${result.known} already known to their entry` : '',
    result.unmatched > 0 ? `${result.unmatched} failing case${result.unmatched === 1 ? '' : 's'} expect no entry of the store` : '',
    result.ambiguous > 0 ? `${result.ambiguous} failing case${result.ambiguous === 1 ? '' : 's'} expect a source or section several entries come from, none of them found: name the entry's id in the suite` : '',
  ].filter((x) => x !== '');
  output.err(
    `kb eval: ${result.proposed.length} question${result.proposed.length === 1 ? '' : 's'} proposed as similar questions in ${storePath} (pending in "suggested"; accept them in kb review)${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`,
  );
  return true;
}

const f3 = (x: number): string => x.toFixed(3);
const plural = (n: number, what: string): string => `${n} ${what}${n === 1 ? '' : 's'}`;
const pct = (x: number | null): string => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

/** How a failing case is marked in the terminal (`not-first` shows its rank). */
const FAIL_MARKS: Record<Exclude<FailReason, 'not-first'>, ['red' | 'yellow', string]> = {
  miss: ['red', 'miss'],
  'unknown-entry': ['yellow', 'unknown'],
  'below-threshold': ['yellow', 'low '],
  'false-answer': ['red', 'false'],
};

function printReport(run: EvalRun, output: Output, showGaps: boolean): void {
  const { report, summary } = run;
  const m = summary.overall;
  const failures = report.cases.map((c, i) => ({ c, v: summary.verdicts[i] })).filter((x) => x.v?.verdict === 'fail');
  for (const { c, v } of failures.slice(0, 20)) {
    const reason = v?.reason ?? 'below-threshold';
    const mark = reason === 'not-first' ? output.color('yellow', `#${c.rank ?? ''}  `) : output.color(...FAIL_MARKS[reason]);
    const got = c.top[0] === undefined ? 'nothing' : `“${c.topQuestion ?? ''}” [${c.top[0].id}]`;
    const extra = v?.reason === 'below-threshold' || v?.reason === 'false-answer' ? ` (${REASONS[v.reason]}: confidence ${c.top[0]?.confidence ?? 0})` : '';
    const missing = [...(c.unknownIds ?? []), ...(c.unknownSources ?? [])];
    const unknown = missing.length === 0 ? '' : ` (not in the index: ${missing.join(', ')})`;
    output.out(`${mark}  ${c.q}  → expected ${v?.reason === 'false-answer' ? 'none' : describeExpect(c.expect)}${unknown}, got ${got}${extra}  (${c.file}:${c.line})`);
  }
  if (failures.length > 20) output.out(`… and ${failures.length - 20} more failing`);
  if (summary.suites.length > 1 || summary.tags.length > 0) {
    for (const g of [...summary.suites.map((s) => ({ ...s, name: s.name })), ...summary.tags.map((s) => ({ ...s, name: `tag ${s.name}` }))]) {
      const oos = g.outOfScope > 0 ? ` (+${g.outOfScope} out of scope)` : '';
      if (g.cases === 0) output.out(`  ${g.name}: ${plural(g.outOfScope, 'out-of-scope case')}`);
      else output.out(`  ${g.name}: ${g.cases} case${g.cases === 1 ? '' : 's'}${oos}  hit@1 ${f3(g.hit1)}  hit@3 ${f3(g.hit3)}  hit@${g.k} ${f3(g.hitK)}  MRR@${g.k} ${f3(g.mrr)}`);
    }
  }
  const t = summary.threshold;
  if (t !== undefined) {
    output.out('threshold  answered  right-when-answered  handed-off  false-answers  correct-decisions');
    const rows = t.curve.filter((_, i) => i % 2 === 0);
    if (!rows.some((p) => p.threshold === t.chosen.threshold)) rows.push(t.chosen);
    rows.sort((a, b) => a.threshold - b.threshold);
    for (const p of rows) {
      const mark = p.threshold === t.chosen.threshold ? output.color('bold', ' ◀') : '';
      output.out(`${p.threshold.toFixed(4).padStart(9)}  ${pct(p.answeredRate)}  ${pct(p.accuracyOfAnswered).padStart(19)}  ${pct(p.handoffRate).padStart(10)}  ${pct(p.falseAnswerRate).padStart(13)}  ${pct(p.decisionAccuracy).padStart(17)}${mark}`);
    }
  }
  if (showGaps && run.gaps !== undefined) {
    const big = run.gaps.filter((g) => g.size >= 2).slice(0, 10);
    if (big.length > 0) output.out('gaps (failing questions sharing key terms):');
    for (const g of big) output.out(`  ${String(g.size).padStart(4)}  ${g.terms.join(' ')}: ${g.examples.slice(0, 3).map((e) => `“${e.text}”`).join(' ')}${g.nearest[0] === undefined ? '' : `  nearest ${g.nearest[0].id}`}`);
    const cv = run.coverage;
    if (cv !== undefined) output.out(`coverage: ${cv.covered} of ${cv.entries} entries found by some case; ${cv.uncovered.length} never (${cv.uncovered.slice(0, 5).map((u) => u.id).join(', ')}${cv.uncovered.length > 5 ? ', …' : ''})`);
  }
  const b = run.baseline;
  if (b !== undefined) {
    for (const c of b.newlyFailing.slice(0, 20)) output.out(`${output.color('red', 'newly failing')}  ${describeChange(run, c)}`);
    for (const c of b.newlyPassing.slice(0, 20)) output.out(`${output.color('green', 'newly passing')}  ${c.q}  (${c.file}:${c.line})`);
    output.out(`against ${b.file}: ${b.newlyFailing.length} newly failing${thresholdOnlyNote(b, 'short')}, ${b.newlyPassing.length} newly passing, ${b.added} new, ${b.removed} gone`);
  }
  const scope = m.outOfScope > 0 ? ` (and ${m.outOfScope} out of scope, not in the hit rates)` : '';
  output.out(`${plural(m.cases, 'case')}${scope}: hit@1 ${f3(m.hit1)}  hit@${m.k} ${f3(m.hitK)}  MRR@${m.k} ${f3(m.mrr)}`);
  const extra = [`hit@3 ${f3(m.hit3)}`, `latency p50 ${summary.latencyMs.p50.toFixed(2)} ms, p95 ${summary.latencyMs.p95.toFixed(2)} ms`];
  if (t !== undefined) {
    const c = t.chosen;
    const range = t.range === undefined ? '' : `; the middle of (${t.range.lower}, ${t.range.upper}], every threshold in which decides alike${t.range.upper - t.range.lower < 0.01 ? ' — a narrow range: a small change of confidence moves it (a fixed threshold in kb.config.yaml keeps CI steady)' : ''}`;
    extra.push(`threshold ${c.threshold}${t.mode === 'auto' ? ` (${thresholdHow(t)}${range})` : ''}: answered ${pct(c.answeredRate).trim()}, right when answered ${pct(c.accuracyOfAnswered).trim()}, false answers ${pct(c.falseAnswerRate).trim()}, correct decisions ${pct(c.decisionAccuracy).trim()}`);
  }
  output.out(extra.join('; '));
  // the gates the run was held to, passed or not: a green CI log showed no sign that any was checked
  if (run.gates.length > 0) {
    const failed = run.gates.filter((g) => !g.ok).length;
    const verdict = failed === 0 ? output.color('green', `${plural(run.gates.length, 'gate')} passed`) : output.color('red', `${failed} of ${plural(run.gates.length, 'gate')} failed`);
    output.out(`${verdict}: ${run.gates.map((g) => g.message).join('; ')}`);
  }
}
