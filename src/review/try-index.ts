/**
 * "Try it": an index of the store as the editor has it now, built off the input path (a worker
 * thread when kb runs from dist/; in-process under the tests), so that an editor sees at once
 * which entry a customer question would hit.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildFromEntries, type BuildOptions } from '../build/index.js';
import { indexFromBytes, type Hit } from '../runtime/index.js';
import type { Entry } from '../store/entry.js';
import { entriesToIndex } from '../store/store.js';

export type TryOptions = Pick<BuildOptions, 'userDict' | 'synonyms' | 'stopwords' | 'lexicon'>;

/** What the try-it pane needs from an index. */
export interface Searcher {
  search(question: string, options: { k: number }): Hit[];
}

/** Builds a searcher for some entries. */
export type SearcherBuilder = (entries: readonly Entry[]) => Promise<Searcher>;

/** The entries a bot would get, as `kb build` selects them from the store. */
export function tryEntries(entries: readonly Entry[]): Entry[] {
  return entriesToIndex(entries).entries;
}

/** The index bytes of the entries try-it searches (in the worker, or in-process). */
export async function buildTryBytes(entries: readonly Entry[], options: TryOptions): Promise<Uint8Array> {
  // the twins warning is kb build's; try-it only searches (on 3,000 FAQ rows a quarter of the build)
  const built = await buildFromEntries(entries, { ...options, twins: false });
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
  return built.value.bytes;
}

interface WorkerReply {
  seq: number;
  bytes?: Uint8Array;
  error?: string;
}

/**
 * One entry to build a first index of before try-it is asked for (`warm`): the worker's modules,
 * jieba's dictionary (with the user dictionary of kb.config.yaml) and the lexicon are loaded then,
 * not when the editor presses `t`.
 */
export const WARM_ENTRY: Entry = { id: 'kb-review-warm', question: '退款多久到账？', similar: ['How long does a refund take?'], answer: '3个工作日内。', origin: 'manual', status: 'approved', tags: [] };

/**
 * A builder that builds in a worker thread when the compiled worker exists, else in-process.
 * `warm` starts the worker and has it load what every build needs (on a 20,000-entry store, about
 * 2 of the first try-it's 10 s on 2 busy cores); `close` ends the worker.
 */
export function searcherBuilder(options: TryOptions = {}): { build: SearcherBuilder; warm: () => void; close: () => void; mode: 'worker' | 'in-process' } {
  const workerUrl = new URL('./try-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(workerUrl))) {
    return { build: async (entries) => indexFromBytes(await buildTryBytes(tryEntries(entries), options), 'review'), warm: () => {}, close: () => {}, mode: 'in-process' };
  }
  let worker: Worker | undefined;
  let seq = 0;
  const waiting = new Map<number, { resolve: (s: Searcher) => void; reject: (e: Error) => void }>();
  const start = (): Worker => {
    const w = new Worker(workerUrl, { workerData: options });
    w.unref();
    w.on('message', (reply: WorkerReply) => {
      const job = waiting.get(reply.seq);
      if (job === undefined) return;
      waiting.delete(reply.seq);
      if (reply.bytes !== undefined) {
        try {
          job.resolve(indexFromBytes(reply.bytes, 'review'));
        } catch (error) {
          job.reject(error as Error);
        }
      } else job.reject(new Error(reply.error ?? 'the index could not be built'));
    });
    w.on('error', (error) => {
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
      worker = undefined;
    });
    return w;
  };
  const build: SearcherBuilder = (entries) =>
    new Promise<Searcher>((resolve, reject) => {
      worker ??= start();
      const n = ++seq;
      waiting.set(n, { resolve, reject });
      worker.postMessage({ seq: n, entries: tryEntries(entries) });
    });
  let warmed = false;
  return {
    mode: 'worker',
    build,
    warm: () => {
      if (warmed || worker !== undefined) return;
      warmed = true;
      // its index is thrown away; a failure here is the first real build's to report
      build([WARM_ENTRY]).catch(() => {});
    },
    close: () => {
      void worker?.terminate();
      worker = undefined;
    },
  };
}
