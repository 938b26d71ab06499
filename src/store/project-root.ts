/**
 * Where a store's source paths are relative to. Section and entry ids are derived from a source's
 * path, so the path must not depend on the folder kb happens to run in: `kb generate` from the
 * project folder and `kb generate proj/sources --store proj/kb/qa.jsonl` from its parent must give
 * the same ids (before 2026-11-27 the second "moved" every entry to `proj/sources/…` with new ids).
 *
 * - `projectRoot`: the folder of the project's kb.config.yaml — the working directory when it has
 *   one, else the nearest folder above the store whose kb.config.yaml names this store (a
 *   workspace's above a shop names another), else the working directory (a project run from flags
 *   alone, as before).
 * - `locateSource`: the file a store's source path names. A store written by an older kb from
 *   another folder spells its paths from there (`proj/sources/faq.csv`); those ids must stay, so
 *   such a path is found from the working directory, the root, the store's folder and the one above
 *   it, or a folder further up (there, only a file inside the project), and the
 *   source keeps that spelling (`storedSpelling`).
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, configuredStore } from '../config/config.js';

/** The store's folder and every folder above it, nearest first. */
function storeFolders(cwd: string, storePath: string): string[] {
  const out: string[] = [];
  for (let dir = dirname(resolve(cwd, storePath)); ; dir = dirname(dir)) {
    out.push(dir);
    if (dirname(dir) === dir) return out;
  }
}

/** Whether `dir` is `path` or a folder above it. */
function contains(dir: string, path: string): boolean {
  const d = resolve(dir);
  const p = resolve(path);
  return p === d || p.startsWith(d.endsWith(sep) ? d : d + sep);
}

/** The project folder whose relative paths name the store's sources (see the module comment). */
export function projectRoot(cwd: string, storePath: string): string {
  if (existsSync(join(cwd, CONFIG_FILE))) return cwd;
  // only a kb.config.yaml whose store is this one: a workspace's or a home folder's is no project's
  // of a shop above which it sits (that shop, run from flags alone, keeps the working directory)
  const store = resolve(cwd, storePath);
  return storeFolders(cwd, storePath).find((dir) => {
    const named = configuredStore(dir);
    return named !== undefined && resolve(dir, named) === store;
  }) ?? cwd;
}

/**
 * A source as typed (relative to `cwd`, or absolute) as a path relative to `root`, for reading from
 * there: as typed when kb runs in the project (messages name it as the user wrote it: `sources/`).
 */
export function fromRoot(source: string, root: string, cwd: string): string {
  if (isAbsolute(source) || resolve(root) === resolve(cwd)) return source;
  const path = relative(root, resolve(cwd, source)) || '.';
  return /[/\\]$/u.test(source) ? `${path}/` : path;
}

/** The folders a stored relative path may be relative to, most likely first: the root, the working directory, the store's folder and those above it. */
function bases(root: string, cwd: string, storePath: string): string[] {
  return [...new Set([root, cwd, ...storeFolders(cwd, storePath)])];
}

/** The absolute file a store's source path names, and the folder it is relative to; undefined when no such file exists. */
export function locateSource(path: string, root: string, cwd: string, storePath: string): { file: string; base: string } | undefined {
  if (isAbsolute(path)) return existsSync(path) ? { file: path, base: root } : undefined;
  // the store's folder and the one above it (kb/ and the project) are always looked in
  const store = storeFolders(cwd, storePath).slice(0, 2);
  for (const base of bases(root, cwd, storePath)) {
    const file = resolve(base, path);
    // from a folder further above the project and the working directory, only a file in the project
    // (an older kb's proj/sources/faq.csv): a vanished faq.csv is not a home folder's faq.csv
    const above = !store.includes(base) && resolve(base) !== resolve(root) && resolve(base) !== resolve(cwd) && contains(base, root) && contains(base, cwd);
    if (above && !contains(root, file)) continue;
    if (existsSync(file)) return { file, base };
  }
  return undefined;
}

/**
 * For sources read this run (their paths relative to `root`) that the store names by another
 * relative spelling (an older kb run from another folder), that spelling and the folder it is
 * relative to, by the path read: re-read under it, they keep their entries' ids. A path the store
 * already spells as read, or an absolute one (an older kb's spelling of a file outside the
 * project, moved to the relative path on purpose), is not listed.
 */
export function storedSpelling(read: readonly string[], stored: Iterable<string>, root: string, cwd: string, storePath: string): Map<string, { path: string; base: string }> {
  const storedPaths = new Set(stored);
  const byFile = new Map<string, { path: string; base: string }[]>();
  for (const path of storedPaths) {
    if (isAbsolute(path) || read.includes(path)) continue;
    const found = locateSource(path, root, cwd, storePath);
    if (found !== undefined) byFile.set(found.file, [...(byFile.get(found.file) ?? []), { path, base: found.base }]);
  }
  const out = new Map<string, { path: string; base: string }>();
  for (const path of read) {
    if (storedPaths.has(path)) continue;
    const spellings = byFile.get(resolve(root, path)) ?? [];
    // one spelling only: two would be two stores' worth of entries for one file, left to the merge
    if (spellings.length === 1 && spellings[0] !== undefined) out.set(path, spellings[0]);
  }
  return out;
}
