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
import fs from 'node:fs';
import { mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type lockfileModule from 'proper-lockfile';
import { fail, ok, problem, type Result } from '../core/problems.js';

/**
 * proper-lockfile, loaded when a lock is first taken: on load it hands SIGINT and SIGTERM to a handler
 * of its own (signal-exit, to remove its locks), which runs only when the event loop is free — and a
 * build or an eval is one long synchronous run: Ctrl-C stopped `kb build` a minute late (a scale test).
 * Commands that take no lock keep Node's own handling: Ctrl-C stops them at once.
 */
let lockfile: typeof lockfileModule | undefined;
async function lockfileLoaded(): Promise<typeof lockfileModule> {
  lockfile ??= (await import('proper-lockfile')).default;
  return lockfile;
}

export function reviewLockPath(storePath: string): string {
  return `${storePath}.review.lock`;
}

export function writeLockPath(storePath: string): string {
  return `${storePath}.write.lock`;
}

/** Who holds the reviewer lock: written in its folder (`<store>.review.lock/owner.json`) while it is held. */
export interface LockOwner {
  pid: number;
  /** `kb review`, `kb import` */
  command: string;
  /** ISO time the lock was taken. */
  since: string;
}

export function lockOwnerPath(storePath: string): string {
  return join(reviewLockPath(storePath), OWNER_FILE);
}

const OWNER_FILE = 'owner.json';

/**
 * The file system proper-lockfile uses for the reviewer lock: removing the lock folder removes the
 * owner note in it first (a folder must be empty to go), however the lock goes — released, taken
 * over when stale, or removed as the process exits on a signal (a closed terminal).
 */
const lockFs = {
  ...fs,
  rmdir: (path: string, callback: (error: NodeJS.ErrnoException | null) => void): void => {
    fs.rm(join(path, OWNER_FILE), { force: true }, () => fs.rmdir(path, callback));
  },
  rmdirSync: (path: string): void => {
    fs.rmSync(join(path, OWNER_FILE), { force: true });
    fs.rmdirSync(path);
  },
};

async function readOwner(storePath: string): Promise<LockOwner | undefined> {
  try {
    const raw = JSON.parse(await readFile(lockOwnerPath(storePath), 'utf8')) as Partial<LockOwner>;
    return typeof raw.pid === 'number' && typeof raw.command === 'string' && typeof raw.since === 'string' ? { pid: raw.pid, command: raw.command, since: raw.since } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process of this machine runs with that id. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `kb review (pid 4242, since 19:40:12 UTC, 3 minutes ago)` */
export function describeOwner(owner: LockOwner, now: Date = new Date()): string {
  const since = new Date(owner.since);
  const minutes = Math.max(0, Math.round((now.getTime() - since.getTime()) / 60_000));
  const ago = minutes === 0 ? 'less than a minute ago' : minutes === 1 ? '1 minute ago' : `${minutes} minutes ago`;
  return `${owner.command} (pid ${owner.pid}, since ${since.toISOString().slice(11, 19)} UTC, ${ago})`;
}

/** The message of a store whose reviewer lock another program holds: who, since when, and what to do. */
export function lockedMessage(storePath: string, owner: LockOwner | undefined, alive: boolean, now: Date = new Date()): string {
  const expires = `a lock left behind by a killed session expires ${LOCK_STALE_MS / 1000} seconds after it stopped`;
  if (owner === undefined) return `is being reviewed by another kb review or kb import (lock ${reviewLockPath(storePath)}); wait until it quits — ${expires}`;
  const who = describeOwner(owner, now);
  if (!alive) return `is locked by ${who}, which no longer runs on this machine; run the command again in ${LOCK_STALE_MS / 1000} seconds, when its lock (${reviewLockPath(storePath)}) has expired`;
  const what = owner.command.startsWith('kb import') ? 'wait a moment for it to finish and run the command again' : 'quit it (q: every change there is saved already) and run the command again';
  return `is open in ${who}: one kb review or kb import at a time; ${what} (lock ${reviewLockPath(storePath)}; ${expires})`;
}

/** A lock older than this is taken over (its program was killed). */
export const LOCK_STALE_MS = 10_000;

/**
 * Take the reviewer lock of a store for `command` (`kb review`, `kb import`), writing who holds it
 * beside the lock. Fails with `store-locked` when another `kb review` or `kb import` holds it,
 * saying which (pid, command, since when) and what to do.
 */
export async function lockStore(storePath: string, onCompromised: (error: Error) => void = () => {}, command = 'kb review'): Promise<Result<() => Promise<void>>> {
  try {
    const release = await (await lockfileLoaded()).lock(storePath, { lockfilePath: reviewLockPath(storePath), stale: LOCK_STALE_MS, realpath: false, onCompromised, fs: lockFs });
    const owner: LockOwner = { pid: process.pid, command, since: new Date().toISOString() };
    // who holds it, for the message another kb review or kb import gives (not needed to lock). Writing
    // into the lock folder changes its mtime, which proper-lockfile checks on every refresh to know the
    // lock is still its own: put it back, or the lock counts as taken over within seconds
    const folder = reviewLockPath(storePath);
    await stat(folder)
      .then(async ({ atime, mtime }) => {
        await writeFile(lockOwnerPath(storePath), `${JSON.stringify(owner)}\n`);
        await utimes(folder, atime, mtime);
      })
      .catch(() => {});
    return ok(release);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') {
      const owner = await readOwner(storePath);
      return fail(problem('store-locked', lockedMessage(storePath, owner, owner !== undefined && running(owner.pid)), { file: storePath }));
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
  const release = await (await lockfileLoaded()).lock(`${storePath}.write`, {
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
