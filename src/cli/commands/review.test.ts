// `kb review` for real: refused without a terminal; in a real terminal (tmux, 80×24) an editor
// approves two entries, edits one and quits, and the store has it all; a terminal killed in the
// middle of an edit leaves the store whole.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reviewLockPath } from '../../store/lock.js';
import { FIXTURE_STORE } from '../../test-support/review-fixture.js';
import type { Entry } from '../../store/entry.js';
import { parseStore, writeStore } from '../../store/store.js';
import { ROOT, lines, runKb, tempDir } from '../../test-support/kb.js';

const dir = tempDir('kb-cli-review-');
// a tmux server of our own, so the tests never touch a user's sessions
const SOCKET = `kb-review-test-${process.pid}-${Date.now()}`;
const sessions: string[] = [];

afterAll(() => {
  for (const s of sessions) spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', s]);
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  dir.remove();
});

function tmux(...args: string[]): string {
  const r = spawnSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' } });
  if (r.error !== undefined) throw new Error(`tmux is needed for this test (apt-get install tmux; .ci/run installs it): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`tmux ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const screen = (session: string): string => tmux('capture-pane', '-p', '-t', session);

async function waitFor(session: string, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = screen(session);
    if (pattern.test(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the screen never showed ${pattern}; it shows:\n${text}`);
}

/** Ctrl-U in the edit box (the right pane, under its title) until the text `was` is gone from it. */
async function clearEditBox(session: string, was: RegExp, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const box = (): string => {
    const rows = screen(session).split('\n');
    const title = rows.findIndex((r) => r.includes('Edit the question'));
    return rows.slice(title + 1, title + 4).map((r) => r.split('│')[1] ?? '').join('');
  };
  while (Date.now() < deadline) {
    tmux('send-keys', '-t', session, 'C-u');
    await new Promise((r) => setTimeout(r, 200));
    if (!was.test(box())) return;
  }
  throw new Error(`the edit box was never cleared; it shows:\n${screen(session)}`);
}

/** The store's entry `id` once `ok` holds for it (a save is written a moment after the screen says so). */
async function storeEntryWhen(store: string, id: string, ok: (e: Entry | undefined) => boolean, timeoutMs = 10_000): Promise<Entry | undefined> {
  const deadline = Date.now() + timeoutMs;
  let entry = byId(storeEntries(store), id);
  while (!ok(entry) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    entry = byId(storeEntries(store), id);
  }
  return entry;
}

function startReview(name: string, store: string, size: { columns: number; rows: number } = { columns: 80, rows: 24 }): string {
  const session = `${name}-${process.pid}`;
  sessions.push(session);
  // CI=true as on a CI machine: kb review must still draw (ink draws only a last frame in CI)
  // the place an editor left a store at is noted in a cache folder of the tests' own, not the user's
  const command = `CI=true XDG_CACHE_HOME=${JSON.stringify(join(dir.path, 'cache'))} node ${JSON.stringify(join(ROOT, 'bin', 'kb.js'))} review --store ${JSON.stringify(store)}; echo "EXITED $?"; sleep 60`;
  tmux('new-session', '-d', '-s', session, '-x', String(size.columns), '-y', String(size.rows), '-c', dir.path, command);
  return session;
}

function storeEntries(store: string): Entry[] {
  const parsed = parseStore(readFileSync(store, 'utf8'), store);
  if (!parsed.ok) throw new Error(`the store is broken: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.value;
}
const byId = (entries: Entry[], id: string): Entry | undefined => entries.find((e) => e.id === id);

function copyFixture(name: string): string {
  const store = join(dir.path, name);
  copyFileSync(FIXTURE_STORE, store);
  return store;
}

describe('kb review', () => {
  it('without a terminal: exits 1 and points to kb export', () => {
    const store = copyFixture('no-tty.jsonl');
    const r = runKb(['review', '--store', store]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      'kb: kb review needs an interactive terminal, and this is not one (a pipe, a script or CI).',
      'To review without a terminal, use a spreadsheet: kb export --format xlsx review.xlsx, edit it in Excel, then kb import review.xlsx.',
    ]);
  });

  it('in a real terminal: approve two entries, edit one, quit; the store has every change', async () => {
    const store = copyFixture('smoke.jsonl');
    const session = startReview('kb-review-smoke', store);
    await waitFor(session, /reviewed 2 \/ 6/);
    tmux('send-keys', '-t', session, 'a');
    await waitFor(session, /s-refund-time: approved/);
    tmux('send-keys', '-t', session, 'a');
    await waitFor(session, /s-return-fee: approved/);
    // the selection moved on to s-seven-day: edit its question
    tmux('send-keys', '-t', session, 'e');
    await waitFor(session, /Edit the question · s-seven-day/);
    // the edit box may be drawn a moment before it reads keys (a loaded machine): clear until it is empty
    await clearEditBox(session, /七天无理由退货的条件是什么？/);
    tmux('send-keys', '-t', session, '-l', '七天无理由退货要满足什么条件？');
    await waitFor(session, /七天无理由退货要满足什么条件？/);
    tmux('send-keys', '-t', session, 'Enter');
    const shown = await waitFor(session, /s-seven-day: edited the question/);
    expect(shown).toMatch(/reviewed 4 \/ 6/);
    // saved at once, before quitting (the write lock and the atomic write take a moment)
    const saved = await storeEntryWhen(store, 's-seven-day', (e) => e?.question === '七天无理由退货要满足什么条件？');
    expect(saved?.question).toBe('七天无理由退货要满足什么条件？');
    tmux('send-keys', '-t', session, 'q');
    await waitFor(session, /EXITED 0/);
    const entries = storeEntries(store);
    expect(byId(entries, 's-refund-time')?.status).toBe('approved');
    expect(byId(entries, 's-return-fee')).toMatchObject({ status: 'approved' });
    expect(byId(entries, 's-return-fee')?.stale).toBeUndefined();
    expect(byId(entries, 's-seven-day')).toMatchObject({ question: '七天无理由退货要满足什么条件？', edited: true, status: 'pending' });
    expect(existsSync(reviewLockPath(store))).toBe(false);
  }, 60_000);

  it('quit and open again: back at the entry and the filter left (not the first pending entry)', async () => {
    const store = copyFixture('place.jsonl');
    const first = startReview('kb-review-place', store);
    await waitFor(first, /s-refund-time · generated · pending/);
    tmux('send-keys', '-t', first, 'End');
    await waitFor(first, /s-xyz-noise · generated/);
    tmux('send-keys', '-t', first, 'q');
    await waitFor(first, /EXITED 0/);
    const again = startReview('kb-review-place2', store);
    const shown = await waitFor(again, /back at s-xyz-noise, where you left this store/);
    expect(shown).toMatch(/s-xyz-noise · generated/);
    tmux('send-keys', '-t', again, 'q');
    await waitFor(again, /EXITED 0/);
  }, 60_000);

  it('quitting after a colleague\'s kb generate made a rejected entry stale: the summary counts as the header did', async () => {
    const store = copyFixture('stale-exit.jsonl');
    const session = startReview('kb-review-stale-exit', store);
    await waitFor(session, /reviewed 2 \/ 6/);
    tmux('send-keys', '-t', session, 'r');
    await waitFor(session, /s-refund-time: rejected/);
    expect((await storeEntryWhen(store, 's-refund-time', (e) => e?.status === 'rejected'))?.status).toBe('rejected');
    // the colleague's kb generate: the source of the rejected entry changed
    const changed = storeEntries(store).map((e) => (e.id === 's-refund-time' ? { ...e, sourceHash: 'changed0changed0', stale: 'source-changed' as const } : e));
    await writeStore(store, changed);
    const shown = await waitFor(session, /store changed on disk, reloaded \(6 entries\)/);
    // the header (the long temporary path leaves no room for its right part)
    expect(shown.split('\n')[0]).toMatch(/reviewed 2 \/ 6/);
    tmux('send-keys', '-t', session, 'q');
    await waitFor(session, /EXITED 0/);
    const after = tmux('capture-pane', '-p', '-J', '-t', session);
    expect(after).toContain(`${store}: reviewed 2 / 6, 2 stale; 1 change saved`);
  }, 60_000);

  it('in a terminal smaller than 80×24: one notice; the screen comes as soon as it is enlarged, and goes when it shrinks', async () => {
    const store = copyFixture('small.jsonl');
    const session = startReview('kb-review-small', store, { columns: 60, rows: 15 });
    // the notice wraps at the terminal's width: any space may be a line break
    await waitFor(session, /needs\s+a\s+terminal\s+of\s+at\s+least\s+80×24\s+\(this\s+one\s+is\s+60×15\);\s+enlarge\s+it,\s+or\s+press\s+q\s+to\s+quit/);
    expect(screen(session)).not.toMatch(/reviewed/);
    tmux('resize-window', '-t', session, '-x', '100', '-y', '30');
    const big = await waitFor(session, /reviewed 2 \/ 6[\s\S]*a approve r reject/);
    expect(big).not.toMatch(/needs a terminal/);
    tmux('resize-window', '-t', session, '-x', '30', '-y', '8');
    const small = await waitFor(session, /this\s+one\s+is\s+30×8/);
    expect(small).not.toMatch(/reviewed|a approve/);
    tmux('send-keys', '-t', session, 'q');
    await waitFor(session, /EXITED 0/);
  }, 60_000);

  it('a terminal killed in the middle of an edit loses only the unsaved edit; the store is whole', async () => {
    const store = copyFixture('killed.jsonl');
    const session = startReview('kb-review-kill', store);
    await waitFor(session, /reviewed 2 \/ 6/);
    tmux('send-keys', '-t', session, 'r');
    await waitFor(session, /s-refund-time: rejected/);
    expect((await storeEntryWhen(store, 's-refund-time', (e) => e?.status === 'rejected'))?.status).toBe('rejected');
    tmux('send-keys', '-t', session, 'E');
    await waitFor(session, /Edit the answer · s-return-fee/);
    tmux('send-keys', '-t', session, '-l', '半截的修改');
    await waitFor(session, /半截的修改/);
    tmux('kill-session', '-t', session);
    await new Promise((r) => setTimeout(r, 500));
    const entries = storeEntries(store);
    expect(entries).toHaveLength(6);
    expect(byId(entries, 's-refund-time')?.status).toBe('rejected');
    expect(byId(entries, 's-return-fee')?.answer).toBe('因质量问题退货的，运费由商家承担；七天无理由退货的，运费由买家承担。');
    // no temporary file of an interrupted write is left beside the store
    expect(readdirSync(dir.path).filter((f) => f.startsWith('killed.jsonl') && f !== 'killed.jsonl' && !f.endsWith('.review.lock'))).toEqual([]);
    // the killed session's lock went with it (a closed terminal is SIGHUP): the store can be reviewed again
    expect(existsSync(reviewLockPath(store))).toBe(false);
    const again = startReview('kb-review-again', store);
    await waitFor(again, /reviewed 3 \/ 6/, 30_000);
    tmux('send-keys', '-t', again, 'q');
    await waitFor(again, /EXITED 0/);
  }, 90_000);
});
