/**
 * Is the store (kb/qa.jsonl) behind its sources? `kb build` builds from the store; a source edited
 * after the last `kb generate` would silently not reach the index. This reads the sources again
 * and derives their entries' ids and `sourceHash`es exactly as `kb generate` does (without similar
 * questions, which need neither), then compares them with the store's: a file is out of date when
 * `kb generate` would change its entries.
 *
 * Content, not modification times: the store is rewritten by kb review and kb import too (so a
 * source edited before a review save is older than the store), and git checkouts and copies set
 * times that say nothing about content. The cost is reading the sources once more (measured in
 * docs/store.md).
 */
import { resolve } from 'node:path';
import { DEFAULT_STORE } from '../config/config.js';
import { expandInputs, ingestPaths, type Document } from '../ingest/index.js';
import type { Problem } from '../core/problems.js';
import type { Entry } from '../store/entry.js';
import { fromRoot, locateSource, projectRoot } from '../store/project-root.js';
import { formerHashes, generateEntries } from './index.js';

export interface OutdatedSources {
  /** Files whose sections (or rows) differ from the store's entries of them. */
  changed: string[];
  /**
   * Of `changed`, the files whose only difference is entries the store lacks, the rest alike: a
   * section added to the file, or an entry deleted from the store (which kb generate adds again).
   */
  lacking: string[];
  /** Files of the configured sources the store has no entry from. */
  added: string[];
  /** Files the store has entries from (not yet marked `source-missing`) that no longer exist. */
  vanished: string[];
  /** Files that could not be read now, of the store's or new (kb generate would report them; not compared). */
  unreadable: string[];
  /** Why each of `unreadable` could not be read: ingestion's errors. */
  unreadableProblems: Problem[];
  milliseconds: number;
}

/** The entries' `id → sourceHash` by source file (manual entries have no source to compare with). */
function byFile(entries: readonly Entry[]): Map<string, Map<string, string | undefined>> {
  const out = new Map<string, Map<string, string | undefined>>();
  for (const e of entries) {
    if (e.origin === 'manual' || e.source === undefined) continue;
    const path = e.source.path;
    const ids = out.get(path) ?? new Map<string, string | undefined>();
    ids.set(e.id, e.sourceHash);
    out.set(path, ids);
  }
  return out;
}

/**
 * The files whose entries differ between the store and fresh entries made from the same files
 * (pure): an id on one side only, or a different `sourceHash`. An entry kb generate already marked
 * `source-missing` (reviewed or edited, its section gone), or a rejected one whose section is gone,
 * is no difference while its section stays gone — kb generate keeps it as it is; a section back is
 * one.
 */
export function changedFiles(store: readonly Entry[], fresh: readonly Entry[], files: readonly string[], former: ReadonlyMap<string, string> = new Map()): string[] {
  return compareFiles(store, fresh, files, former).changed;
}

/** changedFiles, and which of them only lack entries in the store (OutdatedSources.lacking). */
export function compareFiles(store: readonly Entry[], fresh: readonly Entry[], files: readonly string[], former: ReadonlyMap<string, string> = new Map()): { changed: string[]; lacking: string[] } {
  const freshIds = new Set(fresh.map((e) => e.id));
  // what kb generate keeps as it is although its section is gone: source-missing and rejected entries
  const before = byFile(store.filter((e) => freshIds.has(e.id) || (e.stale !== 'source-missing' && e.status !== 'rejected')));
  const back = new Set(store.flatMap((e) => (e.stale === 'source-missing' && freshIds.has(e.id) && e.source !== undefined ? [e.source.path] : [])));
  const now = byFile(fresh);
  const changed: string[] = [];
  const lacking: string[] = [];
  for (const file of files) {
    const a = before.get(file) ?? new Map<string, string | undefined>();
    const b = now.get(file) ?? new Map<string, string | undefined>();
    // (a hash an older kb gave the entry is the same source: extracted pairs were hashed with their section)
    const alike = [...a].every(([id, hash]) => b.has(id) && (b.get(id) === hash || (hash !== undefined && former.get(id) === hash)));
    if (!back.has(file) && alike && a.size === b.size) continue;
    changed.push(file);
    if (!back.has(file) && alike && a.size > 0) lacking.push(file);
  }
  return { changed, lacking };
}

export interface OutdatedOptions {
  /** The sources the store is made from (kb.config.yaml's `sources:`), to notice new files. */
  sources?: readonly string[];
  cwd?: string;
  /** The store file, relative to `cwd`: the project folder is found from it (store/project-root.ts). */
  store?: string;
  maxFileBytes?: number;
  maxUnzippedBytes?: number;
}

/** Compare the store's entries with their source files as they are now. */
export async function findOutdatedSources(store: readonly Entry[], options: OutdatedOptions = {}): Promise<OutdatedSources> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const known = byFile(store);
  // files with an entry not yet marked source-missing: their disappearance is news
  const notYetMissing = new Set(store.flatMap((e) => (e.source !== undefined && e.origin !== 'manual' && e.stale !== 'source-missing' ? [e.source.path] : [])));
  // paths are relative to the project; a store an older kb wrote from another folder keeps its spelling (kb generate reads them so)
  const storePath = options.store ?? DEFAULT_STORE;
  const root = projectRoot(cwd, storePath);
  const vanished: string[] = [];
  /** The present files by the folder their stored path is relative to. */
  const present = new Map<string, string[]>();
  const knownFiles = new Set<string>();
  for (const path of [...known.keys()].sort()) {
    const found = locateSource(path, root, cwd, storePath);
    if (found !== undefined) {
      present.set(found.base, [...(present.get(found.base) ?? []), path]);
      knownFiles.add(found.file);
    } else if (notYetMissing.has(path)) vanished.push(path);
  }
  const candidates: string[] = [];
  if (options.sources !== undefined && options.sources.length > 0) {
    const listed = await expandInputs(options.sources.map((source) => fromRoot(source, root, cwd)), root);
    for (const file of listed.files) if (!known.has(file) && !knownFiles.has(resolve(root, file))) candidates.push(file);
  }
  const ingestOptions: Parameters<typeof ingestPaths>[1] = {};
  if (options.maxFileBytes !== undefined) ingestOptions.maxFileBytes = options.maxFileBytes;
  if (options.maxUnzippedBytes !== undefined) ingestOptions.maxUnzippedBytes = options.maxUnzippedBytes;
  const groups = [...present];
  if (candidates.length > 0) groups.push([root, candidates]);
  const run = { documents: [] as Document[], failed: [] as string[], problems: [] as Problem[] };
  for (const [base, paths] of groups) {
    const part = await ingestPaths(paths, { ...ingestOptions, cwd: base });
    run.documents.push(...part.documents);
    run.failed.push(...part.failed);
    run.problems.push(...part.problems);
  }
  const generated = generateEntries(run.documents, { similar: 0, gate: false });
  const fresh = generated.entries;
  const isNew = new Set(candidates);
  const read = run.documents.map((d) => d.path).filter((p) => !isNew.has(p));
  // a new file counts when kb generate would take entries from it (not one that fails to read)
  const withEntries = new Set(fresh.flatMap((e) => (e.source !== undefined && isNew.has(e.source.path) ? [e.source.path] : [])));
  const added = candidates.filter((f) => withEntries.has(f));
  const unreadable = run.failed;
  const failed = new Set(unreadable);
  const unreadableProblems = run.problems.filter((p) => p.severity === 'error' && p.file !== undefined && failed.has(p.file));
  const { changed, lacking } = compareFiles(store, fresh, read, formerHashes(generated.items));
  return { changed, lacking, added, vanished, unreadable, unreadableProblems, milliseconds: Math.round(performance.now() - started) };
}
