/** The worker thread of try-index.ts: builds index text from entries off the review screen's thread. */
import { parentPort, workerData } from 'node:worker_threads';
import { buildFromEntries } from '../build/index.js';
import type { Entry } from '../store/entry.js';
import type { TryOptions } from './try-index.js';

const options = workerData as TryOptions;

parentPort?.on('message', (message: { seq: number; entries: Entry[] }) => {
  void buildFromEntries(message.entries, options).then(
    (built) => parentPort?.postMessage(built.ok ? { seq: message.seq, bytes: built.value.bytes } : { seq: message.seq, error: built.problems.map((p) => p.message).join('; ') }),
    (error: unknown) => parentPort?.postMessage({ seq: message.seq, error: error instanceof Error ? error.message : String(error) }),
  );
});
