/**
 * `kb generate`'s core: sources → entries → merged into the store (kb/qa.jsonl) by the store's
 * merge rules (src/store/merge.ts), written atomically. No printing; problems are values.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail, ok, problem, type Problem, type Result } from '../core/problems.js';
import { displayPath, ingestPaths, type IngestPathsOptions } from '../ingest/index.js';
import type { Entry } from '../store/entry.js';
import { mergeEntries, type MergeReport } from '../store/merge.js';
import { withWriteLock } from '../store/lock.js';
import { readStore, writeStore } from '../store/store.js';
import { DEFAULT_SIMILAR, formerHashes, generateEntries, sectionsToGenerate, type GenerationOptions, type GenerationStats } from './index.js';
import { generateWithLlm, type LlmEnvOptions, type LlmSectionInput, type LlmStats } from './llm.js';

export interface RegenerateOptions extends Omit<IngestPathsOptions, 'cwd'>, GenerationOptions {
  sources: readonly string[];
  /** The store file (default kb/qa.jsonl), relative to `cwd`. */
  store: string;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
  /**
   * Ask an OpenAI-compatible endpoint for the questions of the sections the rules would generate
   * for (src/generate/llm.ts); a section it fails for keeps its rule-based questions, with an
   * `llm-failed` warning naming it.
   */
  llm?: LlmEnvOptions;
  cwd?: string;
}

export interface RegenerateResult {
  store: string;
  /** The store did not exist before this run. */
  created: boolean;
  written: boolean;
  files: number;
  failedFiles: number;
  entries: number;
  merge: MergeReport;
  generation: GenerationStats;
  llm?: LlmStats;
}

/** The steps `regenerate` reports through `onProgress` once the sources are read. */
export const REGENERATE_STEPS = 2;

export async function regenerate(options: RegenerateOptions): Promise<Result<RegenerateResult>> {
  const cwd = options.cwd ?? process.cwd();
  const storePath = resolve(cwd, options.store);
  const before = await readStore(storePath);
  // a store that cannot be read is never overwritten: the editors' decisions are in it
  if (before !== undefined && !before.ok) {
    const named = before.problems.map((p) => (p.file === storePath ? { ...p, file: options.store } : p));
    return fail([...named, problem('bad-store', 'was not changed: fix it (or restore it from git) and run kb generate again', { file: options.store })]);
  }
  const existing: Entry[] = before?.value ?? [];

  const ingestOptions: IngestPathsOptions = { cwd };
  if (options.maxFileBytes !== undefined) ingestOptions.maxFileBytes = options.maxFileBytes;
  if (options.maxUnzippedBytes !== undefined) ingestOptions.maxUnzippedBytes = options.maxUnzippedBytes;
  if (options.onProgress !== undefined) ingestOptions.onProgress = options.onProgress;
  const run = await ingestPaths(options.sources, ingestOptions);
  const problems: Problem[] = [...run.problems];
  // nothing read (a wrong path, every file broken): nothing to merge, and the store stays as it is
  if (run.documents.length === 0) return fail([...problems, problem('no-input', `none of the sources could be read, so ${options.store} was not changed; check the paths`, {})]);
  let llmStats: LlmStats | undefined;
  let generationOptions: GenerationOptions = options;
  if (options.llm !== undefined) {
    const sections = sectionsToGenerate(run.documents, options).map(({ section, document, language }) => {
      const input: LlmSectionInput = { id: section.id, headingPath: section.headingPath, text: section.text, language, title: document.title, path: document.path };
      if (document.language === 'zh-Hant') input.traditional = true;
      return input;
    });
    const asked = await generateWithLlm(sections, { ...options.llm, similar: options.similar ?? DEFAULT_SIMILAR });
    problems.push(...asked.problems);
    llmStats = asked.stats;
    generationOptions = { ...options, external: new Map(asked.results.map((r) => [r.id, r.questions])) };
  }
  // after the files are read, the steps that take long on a big KB (a 60,000-row FAQ: about 25 s)
  const sections = run.documents.reduce((n, d) => n + d.sections.length, 0);
  const step = (done: number, label: string): void => options.onProgress?.(done, REGENERATE_STEPS, label);
  /** The result, with the progress line cleared. */
  const end = <T>(result: Result<T>): Result<T> => {
    step(REGENERATE_STEPS, '');
    return result;
  };
  step(0, `writing questions and similar questions for ${sections.toLocaleString('en-US')} sections`);
  const generated = generateEntries(run.documents, generationOptions);
  problems.push(...generated.problems);
  step(1, `merging ${generated.entries.length.toLocaleString('en-US')} entries into ${options.store}`);

  const read = new Set(run.documents.map((d) => d.path));
  const former = formerHashes(generated.items);
  const mergeInto = (entries: readonly Entry[]): ReturnType<typeof mergeEntries> => {
    const missing = new Set<string>();
    for (const path of new Set(entries.flatMap((e) => (e.source !== undefined ? [e.source.path] : [])))) {
      if (read.has(path)) continue;
      if (!existsSync(resolve(cwd, path))) missing.add(path);
      // the same file, read under today's spelling: an older kb stored a file outside the working
      // directory by its absolute path; its entries move to the new path (merge: moved), decisions kept
      else if (read.has(displayPath(cwd, path))) missing.add(path);
    }
    return mergeEntries(entries, generated.entries, { read, missing, formerHashes: former });
  };
  let merged = mergeInto(existing);
  if (merged.entries.length === 0) {
    return end(fail([...problems, problem('no-input', 'no entries: none of the sources gave any text and the store is empty; check the paths', {})]));
  }
  let written = false;
  if (options.dryRun !== true) {
    try {
      // merge into the store as it is now, under the write lock: an editor in kb review may have
      // saved while the sources were read (merging is cheap next to generating)
      const stale = await withWriteLock(storePath, async () => {
        const now = await readStore(storePath);
        if (now !== undefined && !now.ok) return now.problems;
        merged = mergeInto(now?.value ?? []);
        await writeStore(storePath, merged.entries);
        return undefined;
      });
      if (stale !== undefined) return end(fail([...problems, ...stale, problem('bad-store', 'was not changed: it became unreadable while kb generate ran; fix it and run kb generate again', { file: options.store })]));
      written = true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      const why = code === 'ELOCKED' ? 'another kb command kept it locked for writing' : `the store cannot be written here (${code}); check that the folder is writable`;
      return end(fail([...problems, problem('write-failed', `${why} — the old store is unchanged`, { file: options.store })]));
    }
  }
  const result: RegenerateResult = {
    store: options.store,
    created: before === undefined,
    written,
    files: run.files.length,
    failedFiles: run.failed.length,
    entries: merged.entries.length,
    merge: merged.report,
    generation: generated.stats,
  };
  if (llmStats !== undefined) result.llm = llmStats;
  return end(ok(result, problems));
}
