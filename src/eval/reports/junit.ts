/**
 * JUnit XML for CI viewers (GitHub, GitLab, Jenkins): one <testsuite> per suite file, one
 * <testcase> per question; a failing case carries <failure> with what was expected and what came
 * back; an out-of-scope case without a threshold is <skipped>; a suite line that could not be read
 * is a test case with an <error> (in its file's suite). The gates, when any, are one more
 * suite named "kb eval gates".
 */
import { formatProblem, type Problem } from '../../core/problems.js';
import { describeExpect, describeGot, describeReason, problemPlace, type EvalRun } from './model.js';

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

export function junitReport(run: EvalRun): string {
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
      const open = `    <testcase classname="${xmlEscape(file)}" name="${xmlEscape(`${c.q} (line ${c.line})`)}" time="${seconds(c.latencyMs)}"`;
      if (v.verdict === 'pass') body.push(`${open}/>`);
      else if (v.verdict === 'skip') {
        s++;
        body.push(`${open}>\n      <skipped message="out of scope: give --threshold to judge it"/>\n    </testcase>`);
      } else {
        f++;
        const reason = v.reason === undefined ? 'failed' : describeReason(c, v.reason);
        const message = `expected ${describeExpect(c.expect)}, got ${describeGot(c)}`;
        const details = [`question: ${c.q}`, `expected: ${describeExpect(c.expect)}`, `got: ${describeGot(c)}`, `rank: ${c.rank ?? 'not in the top k'}`, `where: ${c.file}:${c.line}`].join('\n');
        body.push(`${open}>\n      <failure message="${xmlEscape(`${reason}: ${message}`)}" type="${xmlEscape(v.reason ?? 'fail')}">${xmlEscape(details)}</failure>\n    </testcase>`);
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
  if (run.gates.length > 0) {
    const failed = run.gates.filter((g) => !g.ok).length;
    tests += run.gates.length;
    failures += failed;
    const body = run.gates.map((g) =>
      g.ok ? `    <testcase classname="kb eval gates" name="${xmlEscape(g.message)}" time="0"/>` : `    <testcase classname="kb eval gates" name="${xmlEscape(`${g.from} ${g.limit}`)}" time="0">\n      <failure message="${xmlEscape(g.message)}" type="gate"/>\n    </testcase>`,
    );
    suites.push(`  <testsuite name="kb eval gates" tests="${run.gates.length}" failures="${failed}" errors="0" skipped="0" time="0">\n${body.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="kb eval" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(totalMs)}">\n${suites.join('\n')}\n</testsuites>\n`;
}
