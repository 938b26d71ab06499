/**
 * Where an editor left a store in `kb review` — the selected entry and the filters — so that the
 * next `kb review` of it opens there (before 2026-11-27 it opened on the first pending entry, and
 * an editor checking row 1,500 of a 3,000-row FAQ paged back to it). Kept in the user's cache
 * folder, one small file a store (named by a hash of its absolute path), never beside the store:
 * it is one editor's place, not the team's, and has no business in git.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { ENTRY_ORIGINS, ENTRY_STATUSES } from '../store/entry.js';
import type { Filter } from './reducer.js';

export interface ReviewPlace {
  selected: string;
  filter: Filter;
}

/** The folder places are kept in: `$XDG_CACHE_HOME/kb/review`, else `~/.cache/kb/review`. */
export function placeDir(env: NodeJS.ProcessEnv = process.env): string {
  const cache = env['XDG_CACHE_HOME'] !== undefined && env['XDG_CACHE_HOME'] !== '' ? env['XDG_CACHE_HOME'] : join(homedir(), '.cache');
  return join(cache, 'kb', 'review');
}

function placeFile(store: string, dir: string): string {
  return join(dir, `${createHash('sha1').update(resolve(store)).digest('hex').slice(0, 16)}.json`);
}

/** The place left in this store, or undefined (none yet, or a file that is not one: it is only a convenience). */
export async function readPlace(store: string, dir: string = placeDir()): Promise<ReviewPlace | undefined> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(placeFile(store, dir), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as { store?: unknown; selected?: unknown; filter?: Partial<Record<keyof Filter, unknown>> };
  // a hash shared by two paths is not this store's place
  if (d.store !== resolve(store) || typeof d.selected !== 'string') return undefined;
  const f = d.filter ?? {};
  const filter: Filter = {
    status: typeof f.status === 'string' && (ENTRY_STATUSES as readonly string[]).includes(f.status) ? (f.status as Filter['status']) : 'all',
    origin: typeof f.origin === 'string' && (ENTRY_ORIGINS as readonly string[]).includes(f.origin) ? (f.origin as Filter['origin']) : 'all',
    staleOnly: f.staleOnly === true,
    suggestedOnly: f.suggestedOnly === true,
    text: typeof f.text === 'string' ? f.text : '',
  };
  return { selected: d.selected, filter };
}

/** Note where the editor is (written atomically; a failure is ignored: the next session opens as without one). */
export async function writePlace(store: string, place: ReviewPlace, dir: string = placeDir()): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const file = placeFile(store, dir);
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, `${JSON.stringify({ store: resolve(store), selected: place.selected, filter: place.filter })}\n`);
    await rename(temp, file);
  } catch {
    // a read-only home or cache: the place is a convenience, the store is saved already
  }
}
