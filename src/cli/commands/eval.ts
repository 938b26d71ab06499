/** `kb eval`: run regression suites against an index and report hit@1, hit@k and MRR@k. */
import { stat } from 'node:fs/promises';
import { problem, type Problem } from '../../core/problems.js';
import { evalJson, evaluate, type EvalReport } from '../../eval/run.js';
import { readSuite, type EvalCase } from '../../eval/suite.js';
import { expandInputs } from '../../ingest/expand.js';
import { loadIndex } from '../../runtime/index.js';
import { EXIT, UsageError } from '../cli.js';
import { workingConfig } from '../config.js';
import { printProblems, type Output } from '../output.js';

export interface EvalCommandOptions {
  suites: string[];
  index?: string;
  k?: number;
  json: boolean;
}

const SUITE_EXT = /\.(ya?ml|jsonl|ndjson|csv)$/i;

async function suiteFiles(inputs: readonly string[]): Promise<{ files: string[]; problems: Problem[] }> {
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) {
      const { glob } = await import('tinyglobby');
      const found = (await glob('**/*.{yaml,yml,jsonl,ndjson,csv}', { cwd: input })).sort();
      if (found.length === 0) problems.push(problem('no-input', 'is a folder with no suites (.yaml .yml .jsonl .ndjson .csv)', { file: input }));
      files.push(...found.map((f) => `${input.replace(/\/$/, '')}/${f}`));
    } else if (info?.isFile()) files.push(input);
    else {
      const expanded = await expandInputs([input]);
      files.push(...expanded.files.filter((f) => SUITE_EXT.test(f)));
      problems.push(...expanded.problems);
    }
  }
  return { files, problems };
}

export async function runEval(options: EvalCommandOptions, output: Output): Promise<number> {
  const config = options.suites.length === 0 || options.index === undefined || options.k === undefined ? await workingConfig() : undefined;
  const suites = options.suites.length > 0 ? options.suites : (config?.eval.suites ?? []);
  const index = options.index ?? config?.out;
  const k = options.k ?? config?.eval.k ?? 5;
  if (suites.length === 0) throw new UsageError('name the suites to run (kb eval tests/ --index kb.index.json), or list them under "eval: suites:" in kb.config.yaml');
  if (index === undefined) throw new UsageError('name the index with --index FILE (or set "out" in kb.config.yaml)');
  const kb = await loadIndex(index);
  const { files, problems } = await suiteFiles(suites);
  const cases: EvalCase[] = [];
  for (const file of files) {
    const read = await readSuite(file);
    cases.push(...read.cases);
    problems.push(...read.problems);
  }
  printProblems(output, problems);
  if (cases.length === 0) {
    output.err('kb eval: no cases to run');
    return EXIT.FAILED;
  }
  const report = evaluate(kb, cases, k);
  if (options.json) output.out(JSON.stringify(evalJson(report), null, 2));
  else printReport(report, output);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) output.err(`kb eval: ${errors} ${errors === 1 ? 'case or file' : 'cases or files'} could not be read (see above); the rest ran`);
  return errors > 0 ? EXIT.FAILED : EXIT.OK;
}

function printReport(report: EvalReport, output: Output): void {
  const m = report.metrics;
  const failures = report.cases.filter((c) => c.rank !== 1 && c.expect !== null);
  for (const c of failures.slice(0, 20)) {
    const mark = c.rank === null ? output.color('red', 'miss') : output.color('yellow', `#${c.rank}  `);
    output.out(`${mark}  ${c.q}  → expected ${JSON.stringify(c.expect)}, got ${c.top[0] === undefined ? 'nothing' : `“${c.topQuestion ?? ''}” [${c.top[0].id}]`}  (${c.file}:${c.line})`);
  }
  if (failures.length > 20) output.out(`… and ${failures.length - 20} more not ranked first`);
  const outOfScope = report.cases.length - m.cases;
  const scope = outOfScope > 0 ? ` (and ${outOfScope} out of scope, not counted)` : '';
  output.out(`${m.cases} cases${scope}: hit@1 ${m.hit1.toFixed(3)}  hit@${m.k} ${m.hitK.toFixed(3)}  MRR@${m.k} ${m.mrr.toFixed(3)}`);
}
