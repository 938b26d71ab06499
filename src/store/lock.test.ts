// The store's write lock serializes writers; the reviewer lock refuses a second reviewer.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { ROOT, tempDir } from '../test-support/kb.js';
import { LOCK_STALE_MS, lockedMessage, lockOwnerPath, lockStore, reviewLockPath, withWriteLock, writeLockPath } from './lock.js';

const dir = tempDir('kb-lock-');
afterAll(() => dir.remove());

describe('withWriteLock', () => {
  it('runs writers of one store one after the other, and leaves no lock behind', async () => {
    const store = join(dir.path, 'qa.jsonl');
    writeFileSync(store, '');
    const order: string[] = [];
    const writer = (name: string, ms: number) =>
      withWriteLock(store, async () => {
        order.push(`${name} in`);
        await new Promise((r) => setTimeout(r, ms));
        order.push(`${name} out`);
        return name;
      });
    expect(await Promise.all([writer('a', 80), writer('b', 10)])).toEqual(['a', 'b']);
    // whichever got the lock first, the other started only after it finished: never interleaved
    const first = order[0]?.[0] ?? '';
    const second = first === 'a' ? 'b' : 'a';
    expect(order).toEqual([`${first} in`, `${first} out`, `${second} in`, `${second} out`]);
    expect(existsSync(writeLockPath(store))).toBe(false);
  });

  it('releases the lock when the writer throws', async () => {
    const store = join(dir.path, 'throws.jsonl');
    await expect(withWriteLock(store, () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(await withWriteLock(store, () => Promise.resolve('again'))).toBe('again');
  });
});

describe('lockStore', () => {
  it('keeps the lock its own past the first refreshes, with its owner note in it', async () => {
    // writing the note changed the lock folder's mtime, so proper-lockfile's first refresh (after
    // half the stale time) took the lock for another's: a second editor could import 5 s into a review.
    // The first lock of a process (this test comes first) is the one that showed it: proper-lockfile
    // sets its mtime a second ahead then, which the note's write put back to now
    const store = join(dir.path, 'kept.jsonl');
    writeFileSync(store, '');
    const compromised: Error[] = [];
    const review = await lockStore(store, (e) => compromised.push(e), 'kb review');
    expect(review.ok).toBe(true);
    await new Promise((r) => setTimeout(r, LOCK_STALE_MS * 0.6 + 1_000));
    expect(compromised).toEqual([]);
    expect((await lockStore(store, undefined, 'kb import')).ok).toBe(false);
    if (review.ok) await review.value();
    expect(existsSync(reviewLockPath(store))).toBe(false);
  }, 30_000);

  it('refuses a second reviewer with a problem that names the lock', async () => {
    const store = join(dir.path, 'reviewed.jsonl');
    writeFileSync(store, '');
    const first = await lockStore(store);
    expect(first.ok).toBe(true);
    const second = await lockStore(store);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.problems[0]?.message).toContain(reviewLockPath(store));
    if (first.ok) await first.value();
    expect(existsSync(reviewLockPath(store))).toBe(false);
  });

  it('says who holds the lock (command, pid, since when) and what to do, and removes the note when released', async () => {
    const store = join(dir.path, 'owned.jsonl');
    writeFileSync(store, '');
    const review = await lockStore(store, undefined, 'kb review');
    expect(existsSync(lockOwnerPath(store))).toBe(true);
    const importing = await lockStore(store, undefined, 'kb import');
    expect(importing.ok).toBe(false);
    const message = importing.ok ? '' : (importing.problems[0]?.message ?? '');
    expect(message).toMatch(new RegExp(`^is open in kb review \\(pid ${process.pid}, since \\d\\d:\\d\\d:\\d\\d UTC, less than a minute ago\\): one kb review or kb import at a time; quit it \\(q: every change there is saved already\\) and run the command again`));
    if (review.ok) await review.value();
    expect(existsSync(lockOwnerPath(store))).toBe(false);
    expect(existsSync(reviewLockPath(store))).toBe(false);
  });

  it('tells a lock whose program no longer runs, and an import, from a review', () => {
    const owner = { pid: 4242, command: 'kb import', since: '2026-11-26T19:40:12.000Z' };
    const now = new Date('2026-11-26T19:43:20Z');
    expect(lockedMessage('kb/qa.jsonl', owner, true, now)).toBe(
      'is open in kb import (pid 4242, since 19:40:12 UTC, 3 minutes ago): one kb review or kb import at a time; wait a moment for it to finish and run the command again (lock kb/qa.jsonl.review.lock; a lock left behind by a killed session expires 10 seconds after it stopped)',
    );
    expect(lockedMessage('kb/qa.jsonl', owner, false, now)).toBe('is locked by kb import (pid 4242, since 19:40:12 UTC, 3 minutes ago), which no longer runs on this machine; run the command again in 10 seconds, when its lock (kb/qa.jsonl.review.lock) has expired');
  });
});

describe('signals', () => {
  it('leaves Ctrl-C to Node until a lock is taken (a long kb eval stopped 13 s late when loading the store module took SIGINT over)', () => {
    // in a fresh process: the store's modules loaded, no lock taken → no SIGINT listener; one lock → proper-lockfile's
    // (the built modules, as bin/kb.js loads them; npm test builds first)
    const script = `
      const { withWriteLock } = await import(${JSON.stringify(join(ROOT, 'dist/store/lock.js'))});
      await import(${JSON.stringify(join(ROOT, 'dist/store/store.js'))});
      const before = process.listenerCount('SIGINT');
      await withWriteLock(${JSON.stringify(join(dir.path, 'signals.jsonl'))}, async () => {});
      console.log(JSON.stringify([before, process.listenerCount('SIGINT')]));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([0, expect.any(Number)]);
    expect((JSON.parse(r.stdout) as number[])[1]).toBeGreaterThan(0);
  });
});
