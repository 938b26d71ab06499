/** `kb review`: the content editor's terminal UI over the Q&A store (src/review/). */
import type { EntryOrigin, EntryStatus } from '../../store/entry.js';
import { DEFAULT_STORE } from '../../store/store.js';
import { EXIT } from '../cli.js';
import { workingConfig } from '../config.js';
import { printProblems, type Output } from '../output.js';

export interface ReviewCommandOptions {
  store?: string;
  status?: EntryStatus;
  origin?: EntryOrigin;
  stale?: boolean;
}

export const NO_TERMINAL_MESSAGE =
  'kb review needs an interactive terminal, and this is not one (a pipe, a script or CI).\n' +
  'To review without a terminal, use a spreadsheet: kb export --format xlsx review.xlsx, edit it in Excel, then kb import review.xlsx.';

export async function runReview(options: ReviewCommandOptions, output: Output, io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream } = { stdin: process.stdin, stdout: process.stdout }): Promise<number> {
  // ink reads keys in raw mode: without a terminal there are no keys to read
  if (io.stdin.isTTY !== true || io.stdout.isTTY !== true) {
    output.err(`kb: ${NO_TERMINAL_MESSAGE}`);
    return EXIT.FAILED;
  }
  const config = await workingConfig();
  const store = options.store ?? config?.store ?? DEFAULT_STORE;
  const { ReviewSession } = await import('../../review/session.js');
  let compromised: string | undefined;
  const opened = await ReviewSession.open(store, {
    onLockCompromised: (error) => {
      compromised = error.message;
    },
  });
  if (!opened.ok) {
    printProblems(output, opened.problems);
    return EXIT.FAILED;
  }
  const tryOptions: import('../../review/try-index.js').TryOptions = {};
  if (config?.dictionary !== undefined) tryOptions.userDict = config.dictionary;
  if (config?.synonyms !== undefined) tryOptions.synonyms = config.synonyms;
  if (config?.stopwords !== undefined) tryOptions.stopwords = config.stopwords;
  if (config?.lexicon !== undefined) tryOptions.lexicon = config.lexicon;
  const filter: Partial<import('../../review/reducer.js').Filter> = {};
  if (options.status !== undefined) filter.status = options.status;
  if (options.origin !== undefined) filter.origin = options.origin;
  if (options.stale === true) filter.staleOnly = true;
  // ink draws nothing but the last frame when it believes it runs in CI (a CI variable left set in
  // a shell); this is an interactive terminal, checked above. ink reads them when first imported.
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
  // React's production build: the development one (chosen when NODE_ENV is unset) times every
  // render and diffs the props of every component (the list's entries: the whole store), which on a
  // 50,000-entry store made clearing a filter take a second or two instead of tens of ms
  process.env['NODE_ENV'] ??= 'production';
  const { runReviewScreen } = await import('../../review/run.js');
  // back where the editor left this store last time (its entry and filters; flags given win)
  const { placeDir, readPlace } = await import('../../review/place.js');
  const dir = placeDir();
  const place = await readPlace(store, dir);
  const outcome = await runReviewScreen(opened.value, { filter, tryOptions, stdin: io.stdin, stdout: io.stdout, placeDir: dir, ...(place !== undefined ? { place } : {}) });
  const writeError = opened.value.writeError;
  if (writeError !== undefined) {
    output.err(`kb: ${writeError}`);
    return EXIT.FAILED;
  }
  if (compromised !== undefined) output.err(`kb: warning: the review lock of ${store} was taken over while you worked (${compromised}); check the store with git diff`);
  output.err(`${store}: ${outcome.summary}`);
  return EXIT.OK;
}
