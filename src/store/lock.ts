/**
 * Locks of a Q&A store (the proper-lockfile adapter: lock folders beside the store, refreshed
 * while held, taken over when stale):
 *
 * - the **reviewer lock** (`<store>.review.lock`), held for a whole `kb review` session and
 *   briefly by `kb import`: one editor at a time;
 * - the **write lock** (`<store>.write.lock`), held for the few milliseconds of a
 *   read-check-write by every program that writes the store (`kb review`'s saves, `kb import`,
 *   `kb generate`, `kb eval --suggest`), so two writers never replace each other's file unseen.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { fail, ok, problem, type Result } from '../core/problems.js';

export function reviewLockPath(storePath: string): string {
  return `${storePath}.review.lock`;
}

export function writeLockPath(storePath: string): string {
  return `${storePath}.write.lock`;
}

/** A lock older than this is taken over (its program was killed). */
export const LOCK_STALE_MS = 10_000;

/**
 * Take the reviewer lock of a store. Fails with `store-locked` when another `kb review` or
 * `kb import` holds it.
 */
export async function lockStore(storePath: string, onCompromised: (error: Error) => void = () => {}): Promise<Result<() => Promise<void>>> {
  try {
    const release = await lockfile.lock(storePath, { lockfilePath: reviewLockPath(storePath), stale: LOCK_STALE_MS, realpath: false, onCompromised });
    return ok(release);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') {
      return fail(
        problem('store-locked', `is being reviewed by another kb review or kb import (lock ${reviewLockPath(storePath)}); wait until it quits — a lock left behind by a killed session expires after ${LOCK_STALE_MS / 1000} seconds`, { file: storePath }),
      );
    }
    return fail(problem('store-locked', `cannot be locked for review (${code ?? String(error)}); check that its folder is writable`, { file: storePath }));
  }
}

/**
 * Run `write` (read the store, decide, write it) holding the store's write lock; waits up to a
 * few seconds for another writer. Throws what `write` throws; a lock that cannot be had throws
 * an error whose `code` is ELOCKED.
 */
export async function withWriteLock<T>(storePath: string, write: () => Promise<T>): Promise<T> {
  // a new store's folder may not exist yet (the lock lives beside the store)
  await mkdir(dirname(storePath), { recursive: true });
  // proper-lockfile keeps one lock per file name in a process: the two locks use different names
  const release = await lockfile.lock(`${storePath}.write`, {
    lockfilePath: writeLockPath(storePath),
    stale: LOCK_STALE_MS,
    realpath: false,
    retries: { retries: 60, minTimeout: 20, maxTimeout: 200 },
  });
  try {
    return await write();
  } finally {
    await release().catch(() => {});
  }
}
