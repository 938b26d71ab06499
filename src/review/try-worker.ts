/** The worker thread of try-index.ts: builds index text from entries off the review screen's thread. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Entry } from '../store/entry.js';
import { buildTryBytes, type TryOptions } from './try-index.js';
import { keepWholeJiebaDictionary } from '../analyze/jieba.js';

const options = workerData as TryOptions;
// it builds after every change: jieba's whole dictionary, loaded by the warm-up build, serves them all
keepWholeJiebaDictionary();

parentPort?.on('message', (message: { seq: number; entries: Entry[] }) => {
  void buildTryBytes(message.entries, options).then(
    (bytes) => parentPort?.postMessage({ seq: message.seq, bytes }),
    (error: unknown) => parentPort?.postMessage({ seq: message.seq, error: error instanceof Error ? error.message : String(error) }),
  );
});
