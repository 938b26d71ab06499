/**
 * `kb generate`: sources → Q&A entries merged into the store (kb/qa.jsonl) for review.
 *
 * Exit codes: 0 written (or nothing to change); 1 a source could not be read (the rest is still
 * merged, and that source's entries are left as they were), the store is invalid (it is not
 * touched), or it cannot be written; 2 usage error.
 */
import { faqRowsBehindMessage, type FaqSimilarMode } from '../../generate/faq-similar.js';
import { regenerate, type LlmRunReport, type RegenerateOptions, type RegenerateResult } from '../../generate/regenerate.js';
import { EXIT, UsageError } from '../cli.js';
import { configAbove, locateInConfig, workingConfig } from '../config.js';
import { printProblems, progressLine, type Output } from '../output.js';
import { CONFIG_FILE, DEFAULT_STORE } from '../../config/config.js';

export interface GenerateCommandOptions {
  sources: string[];
  store?: string;
  similar?: number;
  /** Generated similar questions for FAQ rows too (default: kb.config.yaml's, else none). */
  faqSimilar?: FaqSimilarMode;
  generator: 'rules' | 'llm';
  /** With the llm generator: send every section again. */
  all?: boolean;
  dryRun: boolean;
  json: boolean;
  maxFileBytes: number;
  maxUnzippedBytes: number;
}

function list(ids: readonly string[], max = 8): string {
  return ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} … (${ids.length - max} more)`;
}

/**
 * What the run did to the store: the entries it wrote when it made the store, else how many
 * entries changed (added, regenerated, marked, removed) of how many (the store's whole count read
 * as "updated 39 entries" when two had changed).
 */
export function storeChange(r: Pick<RegenerateResult, 'merge' | 'entries' | 'created'> & { kbSimilarReplaced?: readonly string[] }, dryRun: boolean): string {
  const m = r.merge;
  if (r.created) return `${dryRun ? 'would write' : 'wrote'} ${r.entries} entries`;
  // each entry once: one that took its row's new id and had its text changed is in two lists (before
  // 2026-11-27 "changed 2 of 3" sat beside "3 unchanged")
  const now = new Set([...(r.kbSimilarReplaced ?? []), ...m.added, ...m.updated, ...m.sourceChanged, ...m.sourceMissing, ...m.renamed.map((x) => x.to), ...m.restored, ...m.moved.flatMap((g) => g.entries.map((e) => e.to)), ...m.reordered.map((x) => x.to), ...m.rekeyed.map((x) => x.to), ...m.recategorized, ...m.goneRejected.map((x) => x.to)]);
  const changed = now.size + m.removed.length;
  if (changed === 0) return `${dryRun ? 'would change' : 'changed'} no entry (${r.entries} entries)`;
  return `${dryRun ? 'would change' : 'changed'} ${changed} of ${r.entries} ${r.entries === 1 ? 'entry' : 'entries'}`;
}

/**
 * `faqSimilar`: the --faq-similar given on the command line to a run without --all: it reaches only
 * new rows and rows whose source changed (merge rule 2 keeps the others), so the summary says how
 * to apply it to every row.
 */
function printSummary(r: RegenerateResult, dryRun: boolean, output: Output, faqSimilar?: FaqSimilarMode, configFaqSimilar?: FaqSimilarMode): void {
  const m = r.merge;
  output.out(`${r.store}: ${storeChange(r, dryRun)} from ${r.files - r.failedFiles} of ${r.files} files`);
  output.out(`  ${m.added.length} added, ${m.updated.length} regenerated (${r.llm !== undefined ? 'source changed or new questions from the model' : 'source changed'}, not yet reviewed), ${m.unchanged} unchanged, ${m.outOfScope} of other sources left as they were`);
  const g = r.generation;
  output.out(`  ${g.generated} sections with generated questions, ${g.extracted} extracted Q&A pairs, ${g.faq} FAQ rows; ${g.similarKept} similar questions kept, ${g.similarDropped} dropped by the quality gate`);
  if (m.sourceChanged.length > 0) output.out(output.color('yellow', `  ${m.sourceChanged.length} reviewed or edited ${m.sourceChanged.length === 1 ? 'entry' : 'entries'} whose source changed — kept, marked for re-review: ${list(m.sourceChanged)}`));
  // an id renumbered along with its text, or a row replaced under its id: the editor's work may now sit on another question
  if (m.retold.length > 0) output.out(output.color('yellow', `  ${m.retold.length} FAQ ${m.retold.length === 1 ? 'row' : 'rows'} whose id now asks another question with another answer (ids renumbered, or a row replaced) — the editor's status and texts stayed on the id and may belong to another row: check ${m.retold.length === 1 ? 'it' : 'them'} first in kb review: ${list(m.retold)}`));
  // a FAQ row an editor worked on that was deleted or switched off (状态 停用) is no vanished section either
  const missingRows = new Set(m.missingRows);
  const missingSections = m.sourceMissing.filter((id) => !missingRows.has(id));
  if (missingSections.length > 0) output.out(output.color('yellow', `  ${missingSections.length} reviewed, edited or annotated ${missingSections.length === 1 ? 'entry' : 'entries'} whose section or file vanished — kept, marked source-missing: ${list(missingSections)}`));
  if (missingRows.size > 0) output.out(output.color('yellow', `  ${missingRows.size} reviewed, edited or annotated FAQ ${missingRows.size === 1 ? 'row' : 'rows'} no longer in ${missingRows.size === 1 ? 'its table' : 'their tables'} (deleted, or switched off in a status column) — kept, marked source-missing and left out of the index; reject ${missingRows.size === 1 ? 'it' : 'them'} in kb review if gone for good: ${list([...missingRows])}`));
  // a rejected row gone from its table whose id another row took: kept rejected under a new id (was counted as unchanged, unnamed)
  const gone = m.goneRejected;
  if (gone.length > 0) {
    const files = [...new Set(gone.map((g) => g.path))];
    const pairs = gone.map((g) => `${g.from} → ${g.to}`);
    output.out(output.color('yellow', `  ${gone.length} rejected FAQ ${gone.length === 1 ? 'row' : 'rows'} no longer in ${files.join(', ')} (deleted, or switched off in a status column), ${gone.length === 1 ? 'its id' : 'their ids'} taken by another row asking the same question — kept rejected under a new id, out of the index: ${list(pairs, 4)}`));
  }
  if (m.restored.length > 0) output.out(`  ${m.restored.length} ${m.restored.length === 1 ? 'entry' : 'entries'} whose source went back to the text the editor reviewed — "source changed" cleared, the editor's status and texts kept: ${list(m.restored)}`);
  const restored = new Set(m.restored);
  const renamed = m.renamed.filter((r) => !restored.has(r.to));
  if (renamed.length > 0) {
    const pairs = renamed.map((r) => `${r.from} → ${r.to}`);
    output.out(output.color('yellow', `  ${renamed.length} ${renamed.length === 1 ? 'entry' : 'entries'} whose section was renamed, moved to another file or slightly edited — the editor's status, texts and similar questions carried over to the new section's entry, marked for re-review: ${list(pairs, 4)}`));
  }
  // a FAQ row is no section: it was deleted from its table or switched off there (状态 停用), and the
  // row's approval came with the table, not from a review (was: 1 unreviewed entries whose section vanished)
  const rows = new Set(m.removedRows);
  const sections = m.removed.filter((id) => !rows.has(id));
  if (sections.length > 0) output.out(`  ${sections.length} unreviewed ${sections.length === 1 ? 'entry' : 'entries'} whose section vanished — removed: ${list(sections)}`);
  if (rows.size > 0) output.out(`  ${rows.size} FAQ ${rows.size === 1 ? 'row' : 'rows'} no longer in ${rows.size === 1 ? 'its table' : 'their tables'} (deleted, or switched off in a status column) — removed: ${list([...rows])}`);
  if (m.reordered.length > 0) {
    const pairs = m.reordered.map((r) => `${r.from} → ${r.to}`);
    output.out(`  ${m.reordered.length} FAQ ${m.reordered.length === 1 ? 'row' : 'rows'} without an id column that changed places with another row asking the same question (re-ordered, or a row added above) — ${m.reordered.length === 1 ? 'its entry follows it' : 'their entries follow them'} to the id the row has now, statuses and edits kept (give the table an id column to keep ids fixed): ${list(pairs, 4)}`);
  }
  if (m.recategorized.length > 0) output.out(`  ${m.recategorized.length} reviewed or edited ${m.recategorized.length === 1 ? 'entry' : 'entries'} whose FAQ row only changed category (分类 renamed or changed) — the new category taken, statuses and edits kept, not marked for re-review: ${list(m.recategorized)}`);
  if (m.rekeyed.length > 0) {
    const pairs = m.rekeyed.map((r) => `${r.from} → ${r.to}`);
    output.out(`  ${m.rekeyed.length} FAQ ${m.rekeyed.length === 1 ? 'row' : 'rows'} with another id and the same text (an id column added to the table, dropped, or renumbered) — ${m.rekeyed.length === 1 ? 'its entry takes' : 'their entries take'} the new id, statuses and edits kept: ${list(pairs, 4)}`);
  }
  for (const moved of m.moved) output.out(`  ${moved.from} → ${moved.to}: ${moved.entries.length} ${moved.entries.length === 1 ? 'entry' : 'entries'} moved (statuses and edits kept)`);
  for (const file of m.vanishedFiles) output.out(output.color('yellow', `  source vanished: ${file} (its reviewed entries are kept, marked and left out of the index; reject them in kb review if the file is gone for good)`));
  if (r.kbSimilarReplaced.length > 0) output.out(`  ${r.kbSimilarReplaced.length} FAQ ${r.kbSimilarReplaced.length === 1 ? 'row' : 'rows'} an editor touched: the similar questions kb wrote replaced by this run's (--faq-similar), the team's and the editor's kept: ${list(r.kbSimilarReplaced)}`);
  if (faqSimilar !== undefined && !r.created && r.generation.faq > 0) output.out(`  --faq-similar ${faqSimilar} reaches new FAQ rows and rows whose source changed; kb generate --all --faq-similar ${faqSimilar} applies it to every row (docs/generate.md)`);
  // kb.config.yaml's faq-similar, set after the store was generated: the unchanged rows do not have it yet
  else if (configFaqSimilar !== undefined && (r.faqRowsBehind ?? []).length > 0) output.out(output.color('yellow', `  ${faqRowsBehindMessage(r.faqRowsBehind ?? [], configFaqSimilar, `faq-similar: ${configFaqSimilar} in ${CONFIG_FILE}`)} (docs/generate.md)`));
  if (r.llm !== undefined) output.out(llmSummary(r.llm, dryRun, output));
  if (!dryRun) output.out('  next: kb review (or kb export --format xlsx), then kb build');
}

/** What the model was asked (or would be), and what was reused instead: one or two lines. */
export function llmSummary(l: LlmRunReport, dryRun: boolean, output: Output): string {
  const why = (['new', 'changed', 'rules', 'all'] as const)
    .filter((r) => l.needed[r] > 0)
    .map((r) => `${l.needed[r]} ${{ new: 'new', changed: 'changed', rules: 'written by the rules', all: 'by --all' }[r]}`)
    .join(', ');
  const needed = l.sent + l.cached;
  const kept = [
    l.cached > 0 ? `${l.cached} answered already (${l.cache})` : '',
    l.reused > 0 ? `${l.reused} written by the model before, unchanged` : '',
    l.reviewed > 0 ? `${l.reviewed} reviewed or edited by an editor` : '',
  ].filter((t) => t !== '');
  const not = kept.length > 0 ? `; not sent: ${kept.join(', ')}` : '';
  const head = `  LLM (${l.model}): ${l.sections} sections, ${needed} need the model${why !== '' ? ` (${why})` : ''}${not}`;
  if (dryRun || l.stats === undefined) return `${head}\n  LLM: ${dryRun ? 'would send' : 'sent'} ${l.sent} section${l.sent === 1 ? '' : 's'}${dryRun ? ' (dry run: nothing sent)' : ''}`;
  const s = l.stats;
  const failed = s.failed > 0 ? output.color('yellow', `, ${s.failed} failed (see the warnings above; run the same command again to send only those)`) : '';
  return `${head}\n  LLM: sent ${l.sent} (${s.requests} request${s.requests === 1 ? '' : 's'}, ${s.retries} retr${s.retries === 1 ? 'y' : 'ies'}): ${s.succeeded} answered${failed}`;
}

export async function runGenerate(options: GenerateCommandOptions, output: Output): Promise<number> {
  const config = await workingConfig();
  const sources = options.sources.length > 0 ? options.sources : (config?.sources ?? []);
  // a source path of kb.config.yaml that is not there says where it is written
  const fromConfig = new Map<string, string>(options.sources.length > 0 ? [] : (config?.sources ?? []).map((f) => [f, 'sources']));
  if (sources.length === 0) {
    throw new UsageError(
      config === undefined
        ? `name the sources to generate from (kb generate sources/), or run kb init to write a kb.config.yaml${configAbove()}`
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
  const faqSimilar = options.faqSimilar ?? config?.faqSimilar;
  if (faqSimilar !== undefined) run.faqSimilar = faqSimilar;
  if (options.generator === 'llm') {
    const { llmOptionsFromEnv } = await import('../../generate/llm.js');
    const llm = llmOptionsFromEnv(process.env);
    if (!llm.ok) throw new UsageError(`--generator llm: ${llm.problems.map((p) => p.message).join('; ')}`);
    run.llm = llm.value;
    if (options.all === true) run.llmAll = true;
  } else if (options.all === true) run.refresh = true;
  // Ctrl-C during an LLM run: stop sending, keep the answers received (the cache), leave the store
  // as it was; a second Ctrl-C ends kb at once
  const cancel = new AbortController();
  const onSigint = (): void => {
    if (cancel.signal.aborted) process.exit(EXIT.CANCELLED);
    cancel.abort();
    output.err('\nkb generate: stopping — the answers received so far are kept (Ctrl-C again to quit at once)');
  };
  if (run.llm !== undefined) {
    run.llm = { ...run.llm, signal: cancel.signal };
    process.on('SIGINT', onSigint);
  }
  const result = await regenerate(run).finally(() => process.off('SIGINT', onSigint));
  if (!result.ok) {
    printProblems(output, locateInConfig(result.problems, fromConfig));
    output.err('kb generate: the store was not changed');
    return cancel.signal.aborted ? EXIT.CANCELLED : EXIT.FAILED;
  }
  printProblems(output, locateInConfig(result.warnings, fromConfig));
  if (options.json) output.out(JSON.stringify({ ...result.value, problems: result.warnings }, null, 2));
  else printSummary(result.value, options.dryRun, output, run.refresh !== true && run.llm === undefined ? options.faqSimilar : undefined, options.faqSimilar === undefined ? config?.faqSimilar : undefined);
  const failed = new Set(result.warnings.filter((p) => p.severity === 'error' && p.code !== 'llm-failed').map((p) => p.file ?? '')).size;
  if (failed === 0) return EXIT.OK;
  output.err(`kb generate: ${failed === 1 ? '1 source' : `${failed} sources`} could not be read (see above); their entries in the store were left as they were`);
  return EXIT.FAILED;
}
