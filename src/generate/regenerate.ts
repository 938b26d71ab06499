/**
 * `kb generate`'s core: sources → entries → merged into the store (kb/qa.jsonl) by the store's
 * merge rules (src/store/merge.ts), written atomically. No printing; problems are values.
 */
import { isAbsolute, resolve } from 'node:path';
import { PROBLEM_CODES, fail, ok, problem, warning, type Problem, type Result } from '../core/problems.js';
import type { Document } from '../ingest/document.js';
import { displayPath, ingestPaths, type IngestPathsOptions } from '../ingest/index.js';
import type { Entry } from '../store/entry.js';
import { mergeEntries, touchedByEditor, type MergeReport } from '../store/merge.js';
import { faqRowsBehind, lexiconGives, withFreshKbSimilar } from './faq-similar.js';
import { withWriteLock } from '../store/lock.js';
import { readStore, writeStore } from '../store/store.js';
import { fromRoot, locateSource, projectRoot, storedSpelling } from '../store/project-root.js';
import { DEFAULT_SIMILAR, formerHashes, generateEntries, sectionEntryId, sectionHash, sectionsToGenerate, type GenerationOptions, type GenerationStats } from './index.js';
import { noEntriesReason } from './no-entries.js';
import { checkAnswer, generateWithLlm, type LlmEnvOptions, type LlmOptions, type LlmQuestion, type LlmSectionInput, type LlmStats } from './llm.js';
import { answerKey, appendLlmCache, llmCachePath, planLlmRun, pruneLlmCache, readLlmCache, type PlannedSection, type SendReason } from './llm-cache.js';

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
  /** With `llm`: send every section again, not only the new and changed ones and those the rules wrote. */
  llmAll?: boolean;
  /**
   * With the rules (`kb generate --all`): an entry nobody touched takes what the rules write now
   * although its source did not change — after a kb upgrade, its improved questions. Entries the
   * model wrote (`rule: llm`), and every entry an editor touched, stay as they are.
   */
  refresh?: boolean;
  cwd?: string;
}

/** What an LLM run sent and reused (src/generate/llm-cache.ts). */
export interface LlmRunReport {
  model: string;
  /** Sections the model writes questions for (not FAQ rows, not extracted Q&A). */
  sections: number;
  /** Sections that needed the model, by why (new, changed, written by the rules, `--all`). */
  needed: Record<SendReason, number>;
  /** Of those, sections answered from the cache (.llm-cache.jsonl): not sent. */
  cached: number;
  /** Sections sent to the model (in a dry run: that would be). */
  sent: number;
  /** Sections whose entry the model wrote before for the same text: not sent. */
  reused: number;
  /** Sections whose rule-based entry an editor reviewed or edited: not sent, the editor's entry stays. */
  reviewed: number;
  /** The cache file, as the store is named (kb/.llm-cache.jsonl). */
  cache: string;
  /** The requests' outcome; absent in a dry run (nothing is sent). */
  stats?: LlmStats;
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
  llm?: LlmRunReport;
  /**
   * FAQ rows an editor touched whose source did not change, whose similar questions kb wrote were
   * replaced by this run's (`kb generate --all`; none with `--faq-similar none`), the team's kept.
   */
  kbSimilarReplaced: string[];
  /** With a `faqSimilar` setting: the store's FAQ rows still behind it after this run (`faqRowsBehind`; merge rule 2 keeps unchanged rows as they are). */
  faqRowsBehind?: string[];
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

  // source paths (and so ids) are relative to the project, not to where kb runs (store/project-root.ts)
  const root = projectRoot(cwd, options.store);
  const ingestOptions: IngestPathsOptions = { cwd: root };
  if (options.maxFileBytes !== undefined) ingestOptions.maxFileBytes = options.maxFileBytes;
  if (options.maxUnzippedBytes !== undefined) ingestOptions.maxUnzippedBytes = options.maxUnzippedBytes;
  const readOptions = { ...ingestOptions };
  if (options.onProgress !== undefined) ingestOptions.onProgress = options.onProgress;
  const run = await ingestPaths(options.sources.map((source) => fromRoot(source, root, cwd)), ingestOptions);
  // a file an older kb, run from another folder, stored under another spelling keeps it, and its ids
  const storedPaths = existing.flatMap((e) => (e.source !== undefined && e.origin !== 'manual' ? [e.source.path] : []));
  for (const [path, stored] of storedSpelling(run.documents.map((d) => d.path), storedPaths, root, cwd, options.store)) {
    const again = await ingestPaths([stored.path], { ...readOptions, cwd: stored.base });
    const document = again.documents[0];
    const at = run.documents.findIndex((d) => d.path === path);
    if (document !== undefined && document.path === stored.path && at >= 0) run.documents[at] = document;
  }
  const problems: Problem[] = [...run.problems];
  // nothing read (a wrong path, every file broken): nothing to merge, and the store stays as it is
  if (run.documents.length === 0) return fail([...problems, problem('no-input', `none of the sources could be read, so ${options.store} was not changed; check the paths`, {})]);
  let llm: LlmRun | undefined;
  let generationOptions: GenerationOptions = options;
  if (options.llm !== undefined) {
    llm = await askModel(run.documents, existing, storePath, options, options.llm);
    // cancelled (Ctrl-C): the answers are in the cache, the store stays as it was
    if (options.llm.signal?.aborted === true) {
      options.onProgress?.(1, 1, '');
      return fail([...problems, cancelled(llm.report)]);
    }
    problems.push(...llm.problems);
    generationOptions = { ...options, external: llm.external };
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
  // the model's questions replace the rules' in entries nobody touched, although their text did not
  // change; with --all and the rules, today's rules replace what an older kb wrote (not the model's)
  const replace =
    llm !== undefined
      ? new Set([...llm.external.keys()].map((id) => sectionEntryId(id)))
      : new Set(options.refresh === true ? existing.filter((e) => e.rule !== 'llm').map((e) => e.id) : []);
  const mergeInto = (entries: readonly Entry[]): ReturnType<typeof mergeEntries> => {
    const missing = new Set<string>();
    for (const path of new Set(entries.flatMap((e) => (e.source !== undefined ? [e.source.path] : [])))) {
      if (read.has(path)) continue;
      if (locateSource(path, root, cwd, options.store) === undefined) missing.add(path);
      // the same file, read under today's spelling: an older kb stored a file outside the working
      // directory by its absolute path; its entries move to the new path (merge: moved), decisions kept
      else if (isAbsolute(path) && read.has(displayPath(root, path))) missing.add(path);
    }
    return refreshKbSimilar(mergeEntries(entries, generated.entries, { read, missing, formerHashes: former, replace }), entries);
  };
  // kb generate --all: a FAQ row an editor touched (merge rule 2 keeps it whole) takes this run's
  // similar questions of kb's in place of its old ones — turning --faq-similar off takes them away
  const freshById = new Map(generated.entries.map((e) => [e.id, e]));
  let kbSimilarReplaced: string[] = [];
  const refreshKbSimilar = (merged: ReturnType<typeof mergeEntries>, before: readonly Entry[]): ReturnType<typeof mergeEntries> => {
    kbSimilarReplaced = [];
    if (llm !== undefined || options.refresh !== true) return merged;
    const hashBefore = new Map(before.map((e) => [e.id, e.sourceHash]));
    const entries = merged.entries.map((e) => {
      const fresh = freshById.get(e.id);
      // (a row whose source changed went by merge rule 4, which gives it the fresh ones already)
      if (fresh === undefined || !replace.has(e.id) || fresh.sourceHash === undefined || hashBefore.get(e.id) !== fresh.sourceHash || e.sourceHash !== fresh.sourceHash || !touchedByEditor(e)) return e;
      // (top-up counts the editor's questions too: generation saw the sheet's alone)
      const swapped = withFreshKbSimilar(e, fresh.generatedSimilar ?? [], options.faqSimilar === 'top-up' ? (options.similar ?? DEFAULT_SIMILAR) : Infinity);
      if (JSON.stringify(swapped.similar) === JSON.stringify(e.similar) && JSON.stringify(swapped.generatedSimilar ?? []) === JSON.stringify(e.generatedSimilar ?? [])) return e;
      kbSimilarReplaced.push(e.id);
      return swapped;
    });
    return kbSimilarReplaced.length === 0 ? merged : { entries, report: { ...merged.report, unchanged: merged.report.unchanged - kbSimilarReplaced.length } };
  };
  let merged = mergeInto(existing);
  if (merged.entries.length === 0) {
    // the sources were read (none read returned above): say why they made no entry, not "check the paths"
    return end(fail([...problems, problem('no-input', `no entries (and the store is empty): ${noEntriesReason(run.documents)}`, {})]));
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
      if (llm !== undefined) await pruneCache(llm, read, (path) => locateSource(path, root, cwd, options.store) !== undefined).catch(() => undefined);
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
    kbSimilarReplaced,
  };
  if (llm !== undefined) result.llm = llm.report;
  // (a row read in this run is behind when this run's generation gave it questions of kb's: none given, none lacking)
  const gave = (e: Entry): boolean | undefined => (freshById.has(e.id) ? (freshById.get(e.id)?.generatedSimilar ?? []).length > 0 : undefined);
  if (options.faqSimilar !== undefined) result.faqRowsBehind = faqRowsBehind(merged.entries, options.faqSimilar, options.similar ?? DEFAULT_SIMILAR, (e) => gave(e) ?? lexiconGives(e));
  return end(ok(result, problems));
}

interface LlmRun {
  /** The model's questions by section id: answered in this run or taken from the cache. */
  external: Map<string, LlmQuestion[]>;
  report: LlmRunReport;
  problems: Problem[];
  cachePath: string;
  /** The cache keys of every section the model writes questions for, as they are now. */
  keys: Set<string>;
}

/**
 * Ask the model for the sections that need it (llm-cache.ts, `planLlmRun`), taking answers the
 * cache holds for the same request; each new answer goes into the cache as it arrives. A dry
 * run sends nothing.
 */
async function askModel(documents: readonly Document[], existing: readonly Entry[], storePath: string, options: RegenerateOptions, env: LlmEnvOptions): Promise<LlmRun> {
  const similar = options.similar ?? DEFAULT_SIMILAR;
  const llmOptions: LlmOptions = { ...env, similar };
  const sections: PlannedSection[] = sectionsToGenerate(documents, options).map(({ section, document, language }) => {
    const input: LlmSectionInput = { id: section.id, headingPath: section.headingPath, text: section.text, language, title: document.title, path: document.path };
    if (document.language === 'zh-Hant') input.traditional = true;
    return { input, hash: sectionHash(section) };
  });
  const plan = planLlmRun(sections, existing, options.llmAll === true);
  const cachePath = llmCachePath(storePath);
  const cacheName = displayPath(options.cwd ?? process.cwd(), cachePath);
  const problems: Problem[] = [];
  const cache = await readLlmCache(cachePath).catch((error: unknown) => {
    problems.push(warning(PROBLEM_CODES.LLM_FAILED, `the LLM cache cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}); every section that needs the model is sent`, { file: cacheName }));
    return new Map<string, never>();
  });
  // each section's cache key, worked out once: the answers looked up now and the cache pruned after the store is written
  const keyOf = new Map(sections.map((s) => [s.input.id, answerKey(s.input, llmOptions)]));
  const external = new Map<string, LlmQuestion[]>();
  const toSend: LlmSectionInput[] = [];
  const needed: Record<SendReason, number> = { new: 0, changed: 0, rules: 0, all: 0 };
  for (const { section, reason } of plan.send) {
    needed[reason]++;
    const hit = cache.get(keyOf.get(section.input.id)!);
    const check = hit === undefined ? undefined : checkAnswer(hit.content, section.input.language, similar, env.maxQuestions);
    if (check?.ok === true) external.set(section.input.id, check.questions);
    else toSend.push(section.input);
  }
  const report: LlmRunReport = { model: env.model, sections: sections.length, needed, cached: external.size, sent: toSend.length, reused: plan.reused, reviewed: plan.reviewed, cache: cacheName };
  const keys = new Set(keyOf.values());
  if (options.dryRun === true || toSend.length === 0) return { external, report, problems, cachePath, keys };

  const asked = await generateWithLlm(toSend, {
    ...llmOptions,
    onAnswer: (section, content) => appendLlmCache(cachePath, { key: keyOf.get(section.id) ?? answerKey(section, llmOptions), section: section.id, ...(section.path !== undefined ? { path: section.path } : {}), model: env.model, content }),
    onProgress: ({ answered, failed, left }) => options.onProgress?.(answered + failed, toSend.length, `asking ${env.model}: ${answered} answered, ${failed} failed, ${left} left`),
  });
  for (const r of asked.results) external.set(r.id, r.questions);
  report.stats = asked.stats;
  problems.push(...asked.problems);
  return { external, report, problems, cachePath, keys };
}

/**
 * After the store is written, the cache keeps the answers for the sections as they are now, and
 * those of files this run did not read that still exist (another run's sources); the rest go.
 */
async function pruneCache(llm: LlmRun, read: ReadonlySet<string>, exists: (path: string) => boolean): Promise<void> {
  await pruneLlmCache(llm.cachePath, (a) => llm.keys.has(a.key) || a.path === undefined || (!read.has(a.path) && exists(a.path)));
}

function cancelled(report: LlmRunReport): Problem {
  const answered = report.stats?.succeeded ?? 0;
  return problem(
    PROBLEM_CODES.LLM_FAILED,
    `cancelled: the answers for ${answered} of the ${report.sent} sections sent are kept in ${report.cache}; run the same command again to send only the other ${report.sent - answered}`,
  );
}
