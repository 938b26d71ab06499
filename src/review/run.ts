/**
 * Running the review screen in a terminal: the session (lock, saves, disk watch) around the ink
 * app, the terminal's alternate screen, and a clean exit however it ends.
 */
import { createElement } from 'react';
import type { Entry } from '../store/entry.js';
import { ReviewApp } from './app.js';
import { render } from './ink.js';
import { initialState, progress, type Filter } from './reducer.js';
import type { ReviewSession } from './session.js';
import { searcherBuilder, type TryOptions } from './try-index.js';

export interface ReviewRunOptions {
  filter?: Partial<Filter>;
  tryOptions?: TryOptions;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

export interface ReviewOutcome {
  entries: readonly Entry[];
  changes: number;
  reviewed: number;
  total: number;
}

/** Show the review screen for an open session until the editor quits. Every change is saved as it is made. */
export async function runReviewScreen(session: ReviewSession, options: ReviewRunOptions = {}): Promise<ReviewOutcome> {
  const stdout = options.stdout ?? process.stdout;
  const builder = searcherBuilder(options.tryOptions ?? {});
  const initial = initialState(session.entries, options.filter ?? {});
  let last: { entries: readonly Entry[]; changes: number } = { entries: initial.entries, changes: 0 };
  const link = {
    path: session.path,
    save: async (entries: readonly Entry[]) => {
      const result = await session.save(entries);
      if (result === 'saved') last = { entries, changes: last.changes + 1 };
      return result;
    },
    check: () => session.check(),
  };
  // the alternate screen: the editor's terminal comes back as it was when kb review quits
  stdout.write('\u001b[?1049h\u001b[H');
  const restore = (): void => {
    stdout.write('\u001b[?1049l');
  };
  process.once('exit', restore);
  try {
    const instance = render(createElement(ReviewApp, { link, initial, buildSearcher: builder.build }), {
      stdout,
      stdin: options.stdin ?? process.stdin,
      exitOnCtrlC: true,
      patchConsole: false,
    });
    // `kill` (SIGTERM): quit as with q, so the terminal is left as it was (every change is saved already)
    const quit = (): void => instance.unmount();
    process.once('SIGTERM', quit);
    try {
      await instance.waitUntilExit();
    } finally {
      process.removeListener('SIGTERM', quit);
    }
  } finally {
    builder.close();
    await session.close();
    process.removeListener('exit', restore);
    restore();
  }
  const p = progress(last.entries);
  return { entries: last.entries, changes: last.changes, reviewed: p.reviewed, total: p.total };
}
