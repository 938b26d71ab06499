/**
 * JUnit XML for CI viewers (GitHub, GitLab, Jenkins): one <testsuite> per suite file, one
 * <testcase> per question; a failing case carries <failure> with what was expected and what came
 * back (and, when it passed in the baseline, says so); an out-of-scope case without a threshold is
 * <skipped>; a suite line that could not be read is a test case with an <error> (in its file's
 * suite). The gates, and with `--fail-on-regression` the regression check, are one more suite
 * named "kb eval gates". Test case names stay the same from run to run — a question (its file is
 * the classname), a gate without its measured value — since CI test histories key on them.
 */
import { formatProblem, type Problem } from '../../core/problems.js';
import { checksOf, describeChange, describeExpect, describeGot, describeReason, isNewlyFailing, problemPlace, type EvalRun } from './model.js';

/** Text safe inside XML attributes and elements; characters XML 1.0 forbids are dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(4);

/**
 * Each case's test case name: its question, and for the n-th repeat of a question in the same
 * file ` #n` (so that names stay unique within the file's suite). No line number: moving a case
 * does not rename it.
 */
export function caseNames(cases: readonly { q: string; file: string }[]): string[] {
  const seen = new Map<string, number>();
  // every name of a file, to skip a #n another question already has as its text (运费, 运费 #2, 运费)
  const taken = new Set(cases.map((c) => `${c.file}\u0000${c.q}`));
  return cases.map((c) => {
    const key = `${c.file}\u0000${c.q}`;
    let n = seen.get(key) ?? 0;
    let name: string;
    do {
      n++;
      name = n === 1 ? c.q : `${c.q} #${n}`;
    } while (n > 1 && taken.has(`${c.file}\u0000${name}`));
    seen.set(key, n);
    if (n > 1) taken.add(`${c.file}\u0000${name}`);
    return name;
  });
}

export interface JunitOptions {
  /** Newly failing cases fail the run: the gates suite gets a regression check. */
  failOnRegression?: boolean;
}

export function junitReport(run: EvalRun, options: JunitOptions = {}): string {
  const names = caseNames(run.report.cases);
  const baselineFile = run.baseline?.file ?? 'the baseline';
  // one suite per file, in the order first met: the cases' files, then files only unreadable lines came from
  const byFile = new Map<string, { cases: number[]; unreadable: Problem[] }>();
  const fileOf = (file: string): { cases: number[]; unreadable: Problem[] } => {
    let entry = byFile.get(file);
    if (entry === undefined) byFile.set(file, (entry = { cases: [], unreadable: [] }));
    return entry;
  };
  run.report.cases.forEach((c, i) => fileOf(c.file).cases.push(i));
  for (const p of run.unreadable ?? []) fileOf(p.file ?? 'kb eval suites').unreadable.push(p);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  let totalMs = 0;
  for (const [file, { cases: indices, unreadable }] of byFile) {
    const body: string[] = [];
    let f = 0;
    let s = 0;
    let ms = 0;
    for (const i of indices) {
      const c = run.report.cases[i];
      const v = run.summary.verdicts[i];
      if (c === undefined || v === undefined) continue;
      ms += c.latencyMs ?? 0;
      const open = `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(names[i] ?? c.q)}" file="${xmlEscape(c.file)}" line="${c.line}" time="${seconds(c.latencyMs)}"`;
      if (v.verdict === 'pass') body.push(`${open}/>`);
      else if (v.verdict === 'skip') {
        s++;
        body.push(`${open}>\n      <skipped message="out of scope: give --threshold to judge it"/>\n    </testcase>`);
      } else {
        f++;
        const reason = v.reason === undefined ? 'failed' : describeReason(c, v.reason);
        const newly = isNewlyFailing(run, c);
        const message = `${newly ? `newly failing (passed in ${baselineFile}): ` : ''}${reason}: expected ${describeExpect(c.expect)}, got ${describeGot(c)}`;
        const details = [`question: ${c.q}`, `expected: ${describeExpect(c.expect)}`, `got: ${describeGot(c)}`, `rank: ${c.rank ?? 'not in the top k'}`, `where: ${c.file}:${c.line}`, ...(newly ? [`baseline: passed in ${baselineFile}; fails now`] : [])].join('\n');
        body.push(`${open}>\n      <failure message="${xmlEscape(message)}" type="${xmlEscape(v.reason ?? 'fail')}">${xmlEscape(details)}</failure>\n    </testcase>`);
      }
    }
    // a line that could not be read is a test that could not run: an <error>
    for (const p of unreadable) {
      const where = p.location?.line === undefined ? 'the file' : `line ${p.location.line}`;
      body.push(
        `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(`${where} (could not be read)`)}" time="0">\n      <error message="${xmlEscape(`${problemPlace(p)}: ${p.message}`)}" type="${xmlEscape(p.code)}">${xmlEscape(formatProblem(p))}</error>\n    </testcase>`,
      );
    }
    const n = indices.length + unreadable.length;
    tests += n;
    failures += f;
    errors += unreadable.length;
    skipped += s;
    totalMs += ms;
    suites.push(`  <testsuite name="${xmlEscape(file)}" tests="${n}" failures="${f}" errors="${unreadable.length}" skipped="${s}" time="${seconds(ms)}">\n${body.join('\n')}\n  </testsuite>`);
  }
  const checks = checksOf(run, options.failOnRegression === true);
  if (checks.length > 0) {
    const failed = checks.filter((g) => !g.ok).length;
    tests += checks.length;
    failures += failed;
    const body = checks.map((g) => {
      const open = `    <testcase classname="kb eval gates" name="${xmlEscape(g.name)}" time="0">`;
      if (g.ok) return `${open}\n      <system-out>${xmlEscape(g.message)}</system-out>\n    </testcase>`;
      // the regression check lists the questions that broke, each with why it fails now
      const details = g.kind === 'regression' ? (run.baseline?.newlyFailing ?? []).map((c) => describeChange(run, c)).join('\n') : g.message;
      return `${open}\n      <failure message="${xmlEscape(g.message)}" type="${g.kind}">${xmlEscape(details)}</failure>\n    </testcase>`;
    });
    suites.push(`  <testsuite name="kb eval gates" tests="${checks.length}" failures="${failed}" errors="0" skipped="0" time="0">\n${body.join('\n')}\n  </testsuite>`);
  }
  // a baseline that could not be read is a check that could not run: an <error> (the run exits 1 on it)
  if (run.baselineUnreadable !== undefined) {
    const message = `the baseline ${run.baselineUnreadable} could not be read: pass a file written by kb eval --json`;
    tests += 1;
    errors += 1;
    suites.push(`  <testsuite name="kb eval baseline" tests="1" failures="0" errors="1" skipped="0" time="0">\n    <testcase classname="kb eval baseline" name="${xmlEscape(run.baselineUnreadable)}" time="0">\n      <error message="${xmlEscape(message)}" type="bad-baseline">${xmlEscape(message)}</error>\n    </testcase>\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kb eval" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(totalMs)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
