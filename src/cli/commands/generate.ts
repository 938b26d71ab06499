/**
 * `kb generate`: sources → Q&A entries merged into the store (kb/qa.jsonl) for review.
 *
 * Exit codes: 0 written (or nothing to change); 1 a source could not be read (the rest is still
 * merged, and that source's entries are left as they were), the store is invalid (it is not
 * touched), or it cannot be written; 2 usage error.
 */
import { regenerate, type RegenerateOptions, type RegenerateResult } from '../../generate/regenerate.js';
import { EXIT, UsageError } from '../cli.js';
import { workingConfig } from '../config.js';
import { printProblems, progressLine, type Output } from '../output.js';
import { DEFAULT_STORE } from '../../config/config.js';

export interface GenerateCommandOptions {
  sources: string[];
  store?: string;
  similar?: number;
  generator: 'rules' | 'llm';
  dryRun: boolean;
  json: boolean;
  maxFileBytes: number;
  maxUnzippedBytes: number;
}

function list(ids: readonly string[], max = 8): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} … (${ids.length - max} more)`;
}

function printSummary(r: RegenerateResult, dryRun: boolean, output: Output): void {
  const m = r.merge;
  const verb = dryRun ? 'would write' : r.created ? 'wrote' : 'updated';
  output.out(`${r.store}: ${verb} ${r.entries} entries from ${r.files - r.failedFiles} of ${r.files} files`);
  output.out(`  ${m.added.length} added, ${m.updated.length} regenerated (source changed, not yet reviewed), ${m.unchanged} unchanged, ${m.outOfScope} of other sources left as they were`);
  const g = r.generation;
  output.out(`  ${g.generated} sections with generated questions, ${g.extracted} extracted Q&A pairs, ${g.faq} FAQ rows; ${g.similarKept} similar questions kept, ${g.similarDropped} dropped by the quality gate`);
  if (m.sourceChanged.length > 0) output.out(output.color('yellow', `  ${m.sourceChanged.length} reviewed or edited entries whose source changed — kept, marked for re-review: ${list(m.sourceChanged)}`));
  if (m.sourceMissing.length > 0) output.out(output.color('yellow', `  ${m.sourceMissing.length} reviewed or edited entries whose section or file vanished — kept, marked source-missing: ${list(m.sourceMissing)}`));
  if (m.removed.length > 0) output.out(`  ${m.removed.length} unreviewed entries whose section vanished — removed: ${list(m.removed)}`);
  for (const moved of m.moved) output.out(`  ${moved.from} → ${moved.to}: ${moved.entries.length} ${moved.entries.length === 1 ? 'entry' : 'entries'} moved (statuses and edits kept)`);
  for (const file of m.vanishedFiles) output.out(output.color('yellow', `  source vanished: ${file} (its reviewed entries are kept, marked and left out of the index; reject them in kb review if the file is gone for good)`));
  if (r.llm !== undefined) output.out(`  LLM: questions for ${r.llm.succeeded} of ${r.llm.sections} sections (${r.llm.failed} failed and kept their rule-based questions, see the warnings above; ${r.llm.requests} requests)`);
  if (!dryRun) output.out('  next: kb review (or kb export --format xlsx), then kb build');
}

export async function runGenerate(options: GenerateCommandOptions, output: Output): Promise<number> {
  const config = await workingConfig();
  const sources = options.sources.length > 0 ? options.sources : (config?.sources ?? []);
  if (sources.length === 0) {
    throw new UsageError(
      config === undefined
        ? 'name the sources to generate from (kb generate sources/), or run kb init to write a kb.config.yaml'
        : 'kb.config.yaml lists no sources; add them under "sources:" or name them on the command line',
    );
  }
  const run: RegenerateOptions = {
    sources,
    store: options.store ?? config?.store ?? DEFAULT_STORE,
    dryRun: options.dryRun,
    maxFileBytes: options.maxFileBytes,
    maxUnzippedBytes: options.maxUnzippedBytes,
    onProgress: progressLine(output),
  };
  const similar = options.similar ?? config?.similar;
  if (similar !== undefined) run.similar = similar;
  if (options.generator === 'llm') {
    const { llmOptionsFromEnv } = await import('../../generate/llm.js');
    const llm = llmOptionsFromEnv(process.env);
    if (!llm.ok) throw new UsageError(`--generator llm: ${llm.problems.map((p) => p.message).join('; ')}`);
    run.llm = llm.value;
  }
  const result = await regenerate(run);
  if (!result.ok) {
    printProblems(output, result.problems);
    output.err('kb generate: the store was not changed');
    return EXIT.FAILED;
  }
  printProblems(output, result.warnings);
  if (options.json) output.out(JSON.stringify({ ...result.value, problems: result.warnings }, null, 2));
  else printSummary(result.value, options.dryRun, output);
  const failed = new Set(result.warnings.filter((p) => p.severity === 'error' && p.code !== 'llm-failed').map((p) => p.file ?? '')).size;
  if (failed === 0) return EXIT.OK;
  output.err(`kb generate: ${failed === 1 ? '1 source' : `${failed} sources`} could not be read (see above); their entries in the store were left as they were`);
  return EXIT.FAILED;
}
