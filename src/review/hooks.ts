/**
 * The review screen's effects: saving after every change, watching the store on disk, building
 * the try-it index off the input path, and the terminal's size.
 */
import { useEffect, useReducer, useRef, useState, type Dispatch } from 'react';
import { formatProblem } from '../core/problems.js';
import type { Hit } from '../runtime/index.js';
import type { Entry } from '../store/entry.js';
import { useStdout } from './ink.js';
import { reviewReducer, warmFilter, type ReviewAction, type ReviewState } from './reducer.js';
import type { DiskCheck, SaveResult } from './session.js';
import type { Searcher, SearcherBuilder } from './try-index.js';
import { needsSourceNow, type SourceNow, type SourceNowLoader } from './source-now.js';
import { warmVariants } from './variants.js';

/** What the screen needs from a review session (session.ts; a fake in tests). */
export interface StoreLink {
  path: string;
  /** `changed-on-disk`: not written, another program rewrote the store; reload first. */
  save(entries: readonly Entry[]): Promise<SaveResult>;
  check(): Promise<DiskCheck>;
}

export function useReview(initial: ReviewState): [ReviewState, Dispatch<ReviewAction>] {
  return useReducer(reviewReducer, initial);
}

/** Once, `delayMs` after the screen is up: the tables a traditional store's first g, question edit or / needs (warmVariants). */
export function useScriptWarmup(entries: readonly Entry[], delayMs: number): void {
  const first = useRef(entries);
  useEffect(() => {
    if (delayMs < 0) return;
    const timer = setTimeout(() => warmVariants(first.current), delayMs);
    return () => clearTimeout(timer);
  }, [delayMs]);
}

/** Once, `delayMs` after the screen is up: what the first `/` needs (warmFilter), a chunk at a time. */
export function useFilterWarmup(entries: readonly Entry[], delayMs: number): void {
  const first = useRef(entries);
  useEffect(() => {
    if (delayMs < 0) return;
    let stop: (() => void) | undefined;
    const timer = setTimeout(() => (stop = warmFilter(first.current)), delayMs);
    return () => {
      clearTimeout(timer);
      stop?.();
    };
  }, [delayMs]);
}

/** Save the entries whenever the reducer changed them (its revision moved). */
export function useAutosave(link: StoreLink, state: ReviewState, dispatch: Dispatch<ReviewAction>): void {
  const saved = useRef(state.revision);
  useEffect(() => {
    if (state.revision === saved.current) return;
    saved.current = state.revision;
    link
      .save(state.entries)
      .then(async (result) => {
        if (result === 'saved') return;
        // another program wrote the store first: reload it; the merge (with this change) is saved next
        const found = await link.check();
        if (found.kind === 'changed') dispatch({ type: 'reloaded', entries: found.entries });
        else if (found.kind === 'invalid') dispatch({ type: 'notice', message: `not saved: the store on disk is not valid now (${found.problems[0]?.message ?? 'unknown problem'})` });
      })
      .catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        dispatch({ type: 'notice', message: `could not save ${link.path} (${code}): your last change is not on disk; check the disk and the folder's permissions` });
      });
  }, [link, state.revision, state.entries, dispatch]);
}

/** Poll the store on disk; when another program rewrote it, reload (the reducer keeps the editor's changes). */
export function useDiskWatch(link: StoreLink, dispatch: Dispatch<ReviewAction>, intervalMs: number): void {
  useEffect(() => {
    if (intervalMs <= 0) return;
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      link
        .check()
        .then((found) => {
          if (found.kind === 'changed') dispatch({ type: 'reloaded', entries: found.entries });
          else if (found.kind === 'invalid') dispatch({ type: 'notice', message: `the store on disk is not valid now: ${formatProblem(found.problems[0] ?? { code: 'bad-store', severity: 'error', message: 'unknown problem' })}` });
        })
        .catch(() => {})
        .finally(() => {
          busy = false;
        });
    }, intervalMs);
    return () => clearInterval(timer);
  }, [link, dispatch, intervalMs]);
}

export interface TryIndex {
  searcher: Searcher | undefined;
  indexing: boolean;
  error: string | undefined;
}

/**
 * An index of the current entries for "try it", built when first asked for (`active`) and rebuilt
 * `delayMs` after the last change (one build at a time; the newest entries win); the previous
 * index answers meanwhile.
 */
export function useTryIndex(build: SearcherBuilder | undefined, entries: readonly Entry[], active: boolean, delayMs: number): TryIndex {
  const [index, setIndex] = useState<TryIndex>({ searcher: undefined, indexing: false, error: undefined });
  const latest = useRef(entries);
  latest.current = entries;
  const builtFor = useRef<readonly Entry[] | undefined>(undefined);
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const kick = useRef<() => void>(() => {});
  kick.current = () => {
    if (build === undefined || running.current || builtFor.current === latest.current) return;
    running.current = true;
    const target = latest.current;
    builtFor.current = target;
    setIndex((i) => ({ ...i, indexing: true }));
    build(target)
      .then(
        (searcher) => {
          if (mounted.current) setIndex({ searcher, indexing: false, error: undefined });
        },
        (error: unknown) => {
          if (mounted.current) setIndex({ searcher: undefined, indexing: false, error: error instanceof Error ? error.message : String(error) });
        },
      )
      .finally(() => {
        running.current = false;
        if (mounted.current && latest.current !== builtFor.current) kick.current();
      });
  };
  useEffect(() => {
    if (build === undefined || !active || builtFor.current === entries) return;
    const timer = setTimeout(() => kick.current(), builtFor.current === undefined ? 0 : delayMs);
    return () => clearTimeout(timer);
  }, [build, entries, active, delayMs]);
  return index;
}

/** The hits for a question (undefined while there is no index yet). */
export function useHits(searcher: Searcher | undefined, question: string, k: number): Hit[] | undefined {
  const [hits, setHits] = useState<Hit[] | undefined>(undefined);
  useEffect(() => {
    if (searcher === undefined) {
      setHits(undefined);
      return;
    }
    setHits(question.trim() === '' ? [] : searcher.search(question, { k }));
  }, [searcher, question, k]);
  return hits;
}

/** The terminal's size (columns × rows), following resizes; fixed values win (tests). */
export function useScreenSize(columns: number | undefined, rows: number | undefined): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = (): { columns: number; rows: number } => ({ columns: columns ?? stdout.columns ?? 80, rows: rows ?? stdout.rows ?? 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout, columns, rows]);
  return size;
}

/**
 * What the selected entry's source says now, when the editor needs it (needsSourceNow: the source
 * changed and the answer shown is the editor's): read in the background, undefined meanwhile.
 */
export function useSourceNow(load: SourceNowLoader | undefined, entry: Entry | undefined): SourceNow | undefined {
  const [now, setNow] = useState<{ id: string; sourceHash: string | undefined; value: SourceNow } | undefined>(undefined);
  const wanted = load !== undefined && needsSourceNow(entry) ? entry : undefined;
  const id = wanted?.id;
  const sourceHash = wanted?.sourceHash;
  useEffect(() => {
    if (wanted === undefined || load === undefined) return;
    let live = true;
    void load(wanted).then((value) => {
      if (live && value !== undefined) setNow({ id: wanted.id, sourceHash: wanted.sourceHash, value });
    });
    return () => {
      live = false;
    };
    // the entry's id and source version say what to read; its other fields do not
  }, [load, id, sourceHash]);
  return now !== undefined && now.id === id && now.sourceHash === sourceHash ? now.value : undefined;
}

/** Call `run` once, `delayMs` after the screen is up (negative, or no `run`: never). */
export function useLater(run: (() => void) | undefined, delayMs: number): void {
  useEffect(() => {
    if (run === undefined || delayMs < 0) return;
    const timer = setTimeout(run, delayMs);
    return () => clearTimeout(timer);
  }, [run, delayMs]);
}

/** Whole seconds since `running` became true, counted each second while it holds (0 otherwise). */
export function useElapsed(running: boolean): number {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    setSeconds(0);
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return seconds;
}
