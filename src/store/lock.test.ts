// The store's write lock serializes writers; the reviewer lock refuses a second reviewer.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/kb.js';
import { lockStore, reviewLockPath, withWriteLock, writeLockPath } from './lock.js';

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
});
