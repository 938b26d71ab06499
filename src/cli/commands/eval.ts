/** `kb eval`: run regression suites against an index and report hit@1, hit@k and MRR@k. */
import { stat } from 'node:fs/promises';
import { readConfig } from '../../config/config.js';
import type { Problem } from '../../core/problems.js';
import { evaluate } from '../../eval/run.js';
import { readSuite, type EvalCase } from '../../eval/suite.js';
import { expandInputs } from '../../ingest/expand.js';
import { loadIndex } from '../../runtime/index.js';
import { EXIT, UsageError } from '../cli.js';
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
  let suites = options.suites;
  let index = options.index;
  let k = options.k;
  if (suites.length === 0 || index === undefined) {
    const config = await readConfig(process.cwd());
    if (config !== undefined && !config.ok) {
      printProblems(output, config.problems);
      return EXIT.USAGE;
    }
    if (suites.length === 0) suites = config?.value.eval.suites ?? [];
    index ??= config?.value.out;
    k ??= config?.value.eval.k;
  }
  if (suites.length === 0) throw new UsageError('name the suites to run (kb eval tests/ --index kb.index.json), or list them in kb.config.yaml');
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
  const report = evaluate(kb, cases, k ?? 5);
  if (options.json) output.out(JSON.stringify(report, null, 2));
  else {
    const m = report.metrics;
    const failures = report.cases.filter((c) => c.rank !== 1 && c.expect !== null);
    for (const c of failures.slice(0, 20)) {
      output.out(`${c.rank === null ? output.color('red', 'miss') : output.color('yellow', `#${c.rank} `)}  ${c.q}  → expected ${JSON.stringify(c.expect)}, got ${c.top[0]?.id ?? 'nothing'}  (${c.file}:${c.line})`);
    }
    if (failures.length > 20) output.out(`… and ${failures.length - 20} more not ranked first`);
    output.out(`${m.cases} cases: hit@1 ${m.hit1.toFixed(3)}  hit@${m.k} ${m.hitK.toFixed(3)}  MRR@${m.k} ${m.mrr.toFixed(3)}`);
  }
  return problems.some((p) => p.severity === 'error') ? EXIT.FAILED : EXIT.OK;
}
