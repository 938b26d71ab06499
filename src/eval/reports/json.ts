/**
 * The `kb eval --json` document: the matcher issue's contract (`metrics.{cases,hit1,hitK,mrr,k}`,
 * `cases[].{q,expect,rank,top}`) first and unchanged, then the extensions.
 */
import { evalJson } from '../run.js';
import type { EvalRun } from './model.js';

export function evalRunJson(run: EvalRun): Record<string, unknown> {
  const base = evalJson(run.report);
  const { overall, latencyMs } = run.summary;
  const doc: Record<string, unknown> = {
    metrics: { ...base.metrics, hit3: overall.hit3, outOfScope: overall.outOfScope, latencyMs },
    cases: base.cases.map((c, i) => {
      const source = run.report.cases[i];
      const v = run.summary.verdicts[i];
      const extra: Record<string, unknown> = { file: source?.file, line: source?.line, tags: source?.tags ?? [], verdict: v?.verdict ?? 'skip' };
      if (v?.reason !== undefined) extra['reason'] = v.reason;
      if (source?.topPassage !== undefined) extra['passage'] = source.topPassage;
      if (source?.unknownIds !== undefined) extra['unknownIds'] = source.unknownIds;
      if (source?.unknownSources !== undefined) extra['unknownSources'] = source.unknownSources;
      if (source?.unknownSourceHints !== undefined) extra['unknownSourceHints'] = source.unknownSourceHints;
      return { ...c, ...extra };
    }),
    suites: run.summary.suites,
    tags: run.summary.tags,
  };
  if (run.unreadable !== undefined && run.unreadable.length > 0) doc['unreadable'] = run.unreadable.map((p) => ({ file: p.file, line: p.location?.line, code: p.code, message: p.message }));
  if (run.summary.threshold !== undefined) doc['threshold'] = run.summary.threshold;
  if (run.gates.length > 0) doc['gates'] = run.gates;
  if (run.baseline !== undefined) doc['baseline'] = run.baseline;
  if (run.gaps !== undefined) doc['gaps'] = run.gaps;
  if (run.coverage !== undefined) doc['coverage'] = run.coverage;
  // the index's entries, so that a later run compared with this one (--baseline) knows which are new
  if (run.entryIds !== undefined) doc['entryIds'] = run.entryIds;
  // and their answers' fingerprints, so that it lists the questions whose answer changed
  if (run.answerHashes !== undefined) doc['answerHashes'] = run.answerHashes;
  return doc;
}
