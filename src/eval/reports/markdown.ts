/**
 * A Markdown report for a pull-request comment or GitHub's step summary ($GITHUB_STEP_SUMMARY).
 * What decides the run comes first: the verdict with why it failed, the suite lines that could not
 * be read, the gates and the regression check, the figures against the baseline and the newly
 * failing cases; then the metrics, the threshold curve, the failing cases and the biggest gaps.
 * GitHub-flavoured tables; every user text is escaped.
 */
import { baselineCasesDiffer, baselineThresholdNote, changeWhy, checksOf, coverageSource, describeExpect, describeGot, describeReason, failReasons, groupAnswersChanged, isNewlyFailing, metricChanges, capitalized, namedQuestions, noGatesNote, problemPlace, signedChange, thresholdHow, unreadableTitle, type EvalRun } from './model.js';

/** Text safe in a Markdown paragraph or table cell: punctuation Markdown acts on is backslash-escaped. */
export function mdEscape(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>()#+!|~&$]/g, (ch) => `\\${ch}`);
}

const f3 = (x: number | null): string => (x === null ? '–' : x.toFixed(3));
const pct = (x: number | null): string => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export interface MarkdownOptions {
  /** Failing cases listed (default 50). */
  maxFailures?: number;
  /** Gaps listed (default 10). */
  maxGaps?: number;
  /** Entries no case finds, listed (default 20). */
  maxUncovered?: number;
  failOnRegression?: boolean;
}

export function markdownReport(run: EvalRun, options: MarkdownOptions = {}): string {
  const { summary, report } = run;
  const o = summary.overall;
  const failOnRegression = options.failOnRegression === true;
  const reasons = failReasons(run, failOnRegression);
  const out: string[] = [];
  const noGates = noGatesNote(run, failOnRegression);
  out.push(`## kb eval: ${noGates !== undefined ? 'no gates set' : reasons.length === 0 ? '✅ passed' : `❌ failed: ${mdEscape(reasons.join('; '))}`}`, '');
  if (noGates !== undefined) out.push(`${mdEscape(capitalized(noGates))}.`, '');
  out.push(
    `${o.cases} in-scope cases${o.outOfScope > 0 ? ` and ${o.outOfScope} out of scope` : ''}${run.index === undefined ? '' : ` against \`${run.index.replace(/`/g, '')}\``}; search latency p50 ${summary.latencyMs.p50.toFixed(2)} ms, p95 ${summary.latencyMs.p95.toFixed(2)} ms.`,
    '',
  );
  const unreadable = run.unreadable ?? [];
  if (unreadable.length > 0) {
    out.push(`### ${unreadableTitle(unreadable)}`, '');
    for (const p of unreadable) out.push(`- ❌ ${mdEscape(problemPlace(p))}: ${mdEscape(p.message)}`);
    out.push('');
  }
  const checks = checksOf(run, failOnRegression);
  if (checks.length > 0) {
    out.push('### Gates', '');
    out.push(...table(['', 'gate', 'measured', 'set by'], checks.map((c) => [c.ok ? '✅' : '❌', mdEscape(c.name), mdEscape(c.measured), mdEscape(c.from)])), '');
  }
  const b = run.baseline;
  if (b !== undefined) {
    out.push(`### Against the baseline`, '');
    const changes = metricChanges(run);
    if (changes.length > 0) {
      out.push(...table(['', mdEscape(b.file), 'this run', 'change'], changes.map((c) => [c.name, f3(c.baseline ?? null), f3(c.now), signedChange(c)])), '');
      if (baselineCasesDiffer(run)) out.push(`The baseline's figures are over other cases: ${b.added} new here, ${b.removed} gone.`, '');
    }
    out.push(`${b.newlyFailing.length} newly failing, ${b.newlyPassing.length} newly passing, ${b.added} new cases, ${b.removed} cases gone.`, '');
    const note = baselineThresholdNote(b);
    if (note !== undefined) out.push(mdEscape(`${note.charAt(0).toUpperCase()}${note.slice(1)}.`), '');
    for (const c of b.newlyFailing.slice(0, 50)) {
      const why = changeWhy(run, c);
      out.push(`- ❌ ${mdEscape(c.q)} — expected ${mdEscape(describeExpect(c.expect))}${why === '' ? '' : `; ${mdEscape(why)}`} (${mdEscape(`${c.file}:${c.line}`)})`);
    }
    if (b.newlyFailing.length > 50) out.push(`- … and ${b.newlyFailing.length - 50} more newly failing`);
    for (const c of b.newlyPassing.slice(0, 50)) out.push(`- ✅ ${mdEscape(c.q)} (${mdEscape(`${c.file}:${c.line}`)})`);
    out.push('');
    const changed = b.answersChanged ?? [];
    if (changed.length > 0) {
      out.push(`**${changed.length === 1 ? '1 question right in both runs is' : `${changed.length} questions right in both runs are`} answered with text changed since the baseline** — check that the new answers say what customers should be told:`, '');
      // one line an entry: its questions (a FAQ row asked by six paraphrases is one edit), then its answer
      const groups = groupAnswersChanged(changed);
      for (const g of groups.slice(0, 50)) {
        const asked = g.cases.length === 1 ? mdEscape(g.cases[0]?.q ?? '') : namedQuestions(g.cases, 3, (c) => `${mdEscape(c.q)} (${mdEscape(`${c.file}:${c.line}`)})`);
        const place = g.cases.length === 1 ? ` (${mdEscape(`${g.cases[0]?.file}:${g.cases[0]?.line}`)})` : '';
        out.push(`- ✏️ ${asked} → ${mdEscape(g.id)}${g.question === null ? '' : ` “${mdEscape(g.question)}”`}: ${mdEscape(g.answer.replace(/\s+/g, ' '))}${place}`);
      }
      if (groups.length > 50) out.push(`- … and ${groups.length - 50} more entries`);
      out.push('');
    }
  }
  out.push('### Metrics', '');
  out.push(...table(['', 'hit@1', 'hit@3', `hit@${o.k}`, `MRR@${o.k}`, 'cases'], [['**all**', f3(o.hit1), f3(o.hit3), f3(o.hitK), f3(o.mrr), String(o.cases)], ...summary.suites.map((s) => [mdEscape(s.name), f3(s.cases ? s.hit1 : null), f3(s.cases ? s.hit3 : null), f3(s.cases ? s.hitK : null), f3(s.cases ? s.mrr : null), s.outOfScope > 0 ? `${s.cases} (+${s.outOfScope} out of scope)` : String(s.cases)])]), '');
  if (summary.tags.length > 0) {
    out.push('### By tag', '');
    out.push(...table(['tag', 'hit@1', 'hit@3', `hit@${o.k}`, `MRR@${o.k}`, 'cases'], summary.tags.map((s) => [mdEscape(s.name), f3(s.cases ? s.hit1 : null), f3(s.cases ? s.hit3 : null), f3(s.cases ? s.hitK : null), f3(s.cases ? s.mrr : null), s.outOfScope > 0 ? `${s.cases} (+${s.outOfScope} out of scope)` : String(s.cases)])), '');
  }
  const t = summary.threshold;
  if (t !== undefined) {
    const c = t.chosen;
    out.push(`### Threshold ${c.threshold}${t.mode === 'auto' ? ` (${thresholdHow(t).replace(/^auto/, 'auto: most correct decisions')})` : ''}`, '');
    out.push(`Answered ${pct(c.answeredRate)}, right when answered ${pct(c.accuracyOfAnswered)}, handed off ${pct(c.handoffRate)}, false answers on out-of-scope questions ${pct(c.falseAnswerRate)}, correct decisions ${pct(c.decisionAccuracy)}.`, '');
    out.push('<details><summary>The curve</summary>', '');
    out.push(...table(['threshold', 'answered', 'right when answered', 'handed off', 'false answers', 'correct decisions'], t.curve.filter((_, i) => i % 2 === 0).map((p) => [p.threshold.toFixed(2), pct(p.answeredRate), pct(p.accuracyOfAnswered), pct(p.handoffRate), pct(p.falseAnswerRate), pct(p.decisionAccuracy)])), '');
    out.push('</details>', '');
  }
  const failing = report.cases.map((c, i) => ({ c, v: summary.verdicts[i] })).filter((x) => x.v?.verdict === 'fail');
  if (failing.length > 0) {
    const max = options.maxFailures ?? 50;
    out.push(`### Failing cases (${failing.length})`, '');
    out.push(
      ...table(
        ['question', 'expected', 'got', 'why', 'where'],
        failing.slice(0, max).map(({ c, v }) => [mdEscape(c.q), mdEscape(describeExpect(c.expect)), mdEscape(describeGot(c)), `${isNewlyFailing(run, c) ? '**newly failing**: ' : ''}${mdEscape(describeReason(c, v?.reason))}`, mdEscape(`${c.file}:${c.line}`)]),
      ),
    );
    if (failing.length > max) out.push('', `… and ${failing.length - max} more.`);
    out.push('');
  }
  if (run.gaps !== undefined && run.gaps.length > 0) {
    const max = options.maxGaps ?? 10;
    out.push(`### Biggest gaps`, '');
    out.push(
      ...table(
        ['questions', 'key terms', 'examples', 'nearest entry'],
        run.gaps.slice(0, max).map((g) => [String(g.size), mdEscape(g.terms.join(', ')), mdEscape(g.examples.slice(0, 3).map((e) => e.text).join(' / ')), g.nearest[0] === undefined ? '–' : mdEscape(`${g.nearest[0].id} “${g.nearest[0].question}”`)]),
      ),
      '',
    );
  }
  if (run.coverage !== undefined) {
    const cv = run.coverage;
    out.push(`### Coverage`, '', `${cv.covered} of ${cv.entries} entries are found by some case; ${cv.uncovered.length} ${cv.uncovered.length === 1 ? 'is' : 'are'} never found.`, '');
    // which ones: the entries no test question reaches are where the next questions should go
    const max = options.maxUncovered ?? 20;
    if (cv.uncovered.length > 0) {
      out.push('<details><summary>Entries no case finds</summary>', '');
      out.push(...table(['entry', 'question', 'source'], cv.uncovered.slice(0, max).map((u) => [mdEscape(u.id), mdEscape(u.question), mdEscape(coverageSource(u))])));
      if (cv.uncovered.length > max) out.push('', `… and ${cv.uncovered.length - max} more (all of them in the JSON and HTML reports).`);
      out.push('', '</details>', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
