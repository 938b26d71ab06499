// The review session's I/O: the reviewer lock, atomic saves, and noticing another writer.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/kb.js';
import { parseStore, serializeStore } from '../store/store.js';
import { reviewLockPath } from '../store/lock.js';
import { ReviewSession } from './session.js';
import { FIXTURE_STORE, fixtureEntries } from '../test-support/review-fixture.js';

const dirs: { remove: () => void }[] = [];
const sessions: ReviewSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
  for (const d of dirs.splice(0)) d.remove();
});

function copyFixture(): string {
  const dir = tempDir('kb-review-session-');
  dirs.push(dir);
  const store = join(dir.path, 'qa.jsonl');
  copyFileSync(FIXTURE_STORE, store);
  return store;
}

async function open(store: string): Promise<ReviewSession> {
  const opened = await ReviewSession.open(store);
  if (!opened.ok) throw new Error(opened.problems.map((p) => p.message).join('; '));
  sessions.push(opened.value);
  return opened.value;
}

describe('ReviewSession', () => {
  it('reads the store and locks it: a second reviewer is refused until the first closes', async () => {
    const store = copyFixture();
    const first = await open(store);
    expect(first.entries.map((e) => e.id)).toHaveLength(6);
    expect(existsSync(reviewLockPath(store))).toBe(true);
    const second = await ReviewSession.open(store);
    expect(second.ok).toBe(false);
    if (!second.ok) {
      expect(second.problems[0]).toMatchObject({ code: 'store-locked', file: store });
      expect(second.problems[0]?.message).toMatch(new RegExp(`^is open in kb review \\(pid ${process.pid}, since .*\\): one kb review or kb import at a time; quit it .*expires 10 seconds after it stopped`));
    }
    await first.close();
    expect(existsSync(reviewLockPath(store))).toBe(false);
    await open(store);
  });

  it('refuses a missing store with what to do, and a bad store with its line', async () => {
    const store = copyFixture();
    const missing = await ReviewSession.open(join(store, '..', 'nope.jsonl'));
    expect(!missing.ok && missing.problems[0]?.message).toMatch(/does not exist: create the store with `kb generate`/);
    writeFileSync(store, `${readFileSync(store, 'utf8')}{"id":"x"\n`);
    const bad = await ReviewSession.open(store);
    expect(!bad.ok && bad.problems[0]).toMatchObject({ code: 'bad-store', location: { line: 8 } });
  });

  it('saves atomically in the store format, the latest entries last', async () => {
    const store = copyFixture();
    const session = await open(store);
    const entries = fixtureEntries();
    const approved = entries.map((e) => (e.id === 's-refund-time' ? { ...e, status: 'approved' as const } : e));
    const rejected = approved.map((e) => (e.id === 's-seven-day' ? { ...e, status: 'rejected' as const } : e));
    await Promise.all([session.save(approved), session.save(rejected)]);
    expect(readFileSync(store, 'utf8')).toBe(serializeStore(rejected));
    // its own writes are not changes on disk
    expect(await session.check()).toEqual({ kind: 'unchanged' });
  });

  it('notices when another program rewrote the store, and when it left it invalid', async () => {
    const store = copyFixture();
    const session = await open(store);
    expect(await session.check()).toEqual({ kind: 'unchanged' });
    const changed = fixtureEntries().filter((e) => e.id !== 's-xyz-noise');
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(store, serializeStore(changed));
    const found = await session.check();
    expect(found.kind).toBe('changed');
    if (found.kind === 'changed') expect(found.entries.map((e) => e.id)).toEqual(changed.map((e) => e.id));
    expect(await session.check()).toEqual({ kind: 'unchanged' });
    writeFileSync(store, '{"format":"kb-qa","version":1}\nnot json\n');
    expect((await session.check()).kind).toBe('invalid');
    const reparsed = parseStore(serializeStore(changed), store);
    expect(reparsed.ok).toBe(true);
  });

  it('does not write over a store another program rewrote since: the caller reloads first', async () => {
    const store = copyFixture();
    const session = await open(store);
    const theirs = serializeStore(fixtureEntries().filter((e) => e.id !== 's-xyz-noise'));
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(store, theirs);
    const mine = fixtureEntries().map((e) => (e.id === 's-refund-time' ? { ...e, status: 'approved' as const } : e));
    expect(await session.save(mine)).toBe('changed-on-disk');
    expect(readFileSync(store, 'utf8')).toBe(theirs);
    expect((await session.check()).kind).toBe('changed');
    expect(await session.save(mine)).toBe('saved');
    expect(readFileSync(store, 'utf8')).toBe(serializeStore(mine));
  });
});
