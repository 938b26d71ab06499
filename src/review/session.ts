/**
 * The review session's I/O around the pure reducer: the reviewer lock, saving every change at
 * once (atomic writes through `writeStore`), and noticing when another program rewrote the store.
 */
import { stat, readFile } from 'node:fs/promises';
import { fail, ok, problem, type Problem, type Result, unreadable } from '../core/problems.js';
import type { Entry } from '../store/entry.js';
import { lockStore, withWriteLock } from '../store/lock.js';
import { parseStore, serializeStore, writeStoreText } from '../store/store.js';

interface DiskStamp {
  mtimeMs: number;
  size: number;
  ino: number;
}

async function stamp(path: string): Promise<DiskStamp | undefined> {
  try {
    const s = await stat(path);
    return { mtimeMs: s.mtimeMs, size: s.size, ino: s.ino };
  } catch {
    return undefined;
  }
}

const sameStamp = (a: DiskStamp | undefined, b: DiskStamp | undefined): boolean => a !== undefined && b !== undefined && a.mtimeMs === b.mtimeMs && a.size === b.size && a.ino === b.ino;

export type SaveResult = 'saved' | 'changed-on-disk';

/** What a poll of the store on disk found. */
export type DiskCheck = { kind: 'unchanged' } | { kind: 'changed'; entries: Entry[] } | { kind: 'invalid'; problems: Problem[] };

export class ReviewSession {
  readonly path: string;
  readonly entries: Entry[];
  /** The text last read from or written to disk by this session. */
  private known: string;
  private seen: DiskStamp | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** Each saved entry's store line: the reducer never mutates an entry, it replaces it. */
  private readonly lines = new WeakMap<Entry, string>();
  private saving = 0;
  private latest: readonly Entry[] | undefined;
  private release: (() => Promise<void>) | undefined;
  /** The last write error, if the last write failed. */
  writeError: string | undefined;

  private constructor(path: string, entries: Entry[], text: string, seen: DiskStamp | undefined, release: (() => Promise<void>) | undefined) {
    this.path = path;
    this.entries = entries;
    this.known = text;
    this.seen = seen;
    this.release = release;
  }

  /** Read and lock a store for review. */
  static async open(path: string, options: { lock?: boolean; onLockCompromised?: (error: Error) => void } = {}): Promise<Result<ReviewSession>> {
    // read once: the entries and the text this session compares the disk against are the same bytes
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return fail(problem('file-not-found', 'does not exist: create the store with `kb generate`, or `kb import` a spreadsheet or JSONL file into it (--store names another store)', { file: path }));
      return fail(unreadable(error, path));
    }
    const seen = await stamp(path);
    const read = parseStore(text, path);
    if (!read.ok) return read;
    let release: (() => Promise<void>) | undefined;
    if (options.lock !== false) {
      const locked = await lockStore(path, options.onLockCompromised);
      if (!locked.ok) return locked;
      release = locked.value;
    }
    return ok(new ReviewSession(path, read.value, text, seen, release));
  }

  /**
   * Save the entries (atomically). Saves run one after the other; when several are waiting only
   * the latest entries are written. Resolves `saved` when these entries (or later ones) are on
   * disk, or `changed-on-disk` when another program rewrote the store since this session last
   * read it: nothing is written over that, the caller reloads (`check`) and saves the merge.
   */
  save(entries: readonly Entry[]): Promise<SaveResult> {
    this.latest = entries;
    this.saving++;
    const job = this.queue.then(async (): Promise<SaveResult> => {
      try {
        const todo = this.latest;
        if (todo === undefined) return 'saved';
        // check and write under the write lock: kb generate or kb eval --suggest may be writing too
        return await withWriteLock(this.path, async (): Promise<SaveResult> => {
          const now = await stamp(this.path);
          if (now !== undefined && this.seen !== undefined && !sameStamp(now, this.seen)) {
            const text = await readFile(this.path, 'utf8').catch(() => undefined);
            if (text !== this.known) return 'changed-on-disk';
            this.seen = now;
          }
          this.latest = undefined;
          const text = serializeStore(todo, this.lines);
          if (text === this.known) return 'saved';
          await writeStoreText(this.path, text);
          this.known = text;
          this.seen = await stamp(this.path);
          this.writeError = undefined;
          return 'saved';
        });
      } catch (error) {
        this.writeError = `could not save ${this.path} (${(error as NodeJS.ErrnoException).code ?? String(error)}); your last change is not on disk`;
        throw error;
      } finally {
        this.saving--;
      }
    });
    this.queue = job.then(
      () => {},
      () => {},
    );
    return job;
  }

  /** Did the store change on disk since this session last read or wrote it? */
  async check(): Promise<DiskCheck> {
    if (this.saving > 0) return { kind: 'unchanged' };
    const now = await stamp(this.path);
    if (now === undefined || sameStamp(now, this.seen)) return { kind: 'unchanged' };
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return { kind: 'unchanged' };
    }
    if (this.saving > 0) return { kind: 'unchanged' };
    this.seen = now;
    if (text === this.known) return { kind: 'unchanged' };
    const parsed = parseStore(text, this.path);
    if (!parsed.ok) return { kind: 'invalid', problems: parsed.problems };
    this.known = text;
    return { kind: 'changed', entries: parsed.value };
  }

  /** Wait for pending saves, then release the lock. */
  async close(): Promise<void> {
    await this.queue;
    const release = this.release;
    this.release = undefined;
    if (release !== undefined) await release().catch(() => {});
  }
}
