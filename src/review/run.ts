/**
 * Running the review screen in a terminal: the session (lock, saves, disk watch) around the ink
 * app, the terminal's alternate screen, and a clean exit however it ends.
 */
import { createElement } from 'react';
import type { Entry } from '../store/entry.js';
import { ReviewApp } from './app.js';
import { render } from './ink.js';
import { exitSummary, initialState, progress, type Filter, type ReviewState } from './reducer.js';
import type { ReviewSession } from './session.js';
import { searcherBuilder, type TryOptions } from './try-index.js';
import { sourceNowLoader } from './source-now.js';
import { writePlace, type ReviewPlace } from './place.js';

export interface ReviewRunOptions {
  filter?: Partial<Filter>;
  /** Where the editor left this store last time (place.ts): the screen opens there. */
  place?: ReviewPlace;
  /** The folder to note the place in when the editor quits (place.ts; none: not noted). */
  placeDir?: string;
  tryOptions?: TryOptions;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
}

export interface ReviewOutcome {
  /** The entries as the screen showed them last (reloads from disk included). */
  entries: readonly Entry[];
  /** The editor's changes (undos included), every one saved as it was made. */
  changes: number;
  reviewed: number;
  total: number;
  /** `reviewed 37 / 120, 1 stale; 12 changes saved`: counted as the header counts. */
  summary: string;
}

/** The outcome of a review from the screen's last state. */
export function reviewOutcome(state: Pick<ReviewState, 'entries' | 'log'>): ReviewOutcome {
  const p = progress(state.entries);
  return { entries: state.entries, changes: state.log.length, reviewed: p.reviewed, total: p.total, summary: exitSummary(state.entries, state.log.length) };
}

/** Show the review screen for an open session until the editor quits. Every change is saved as it is made. */
export async function runReviewScreen(session: ReviewSession, options: ReviewRunOptions = {}): Promise<ReviewOutcome> {
  const stdout = options.stdout ?? process.stdout;
  const builder = searcherBuilder(options.tryOptions ?? {});
  const initial = initialState(session.entries, options.filter ?? {}, options.place);
  // the screen's last state: the summary counts what the header showed, not what was last written
  let last: ReviewState = initial;
  const onState = (state: ReviewState): void => {
    last = state;
  };
  const link = {
    path: session.path,
    save: (entries: readonly Entry[]) => session.save(entries),
    check: () => session.check(),
  };
  // the alternate screen: the editor's terminal comes back as it was when kb review quits
  stdout.write('\u001b[?1049h\u001b[H');
  const restore = (): void => {
    stdout.write('\u001b[?1049l');
  };
  process.once('exit', restore);
  try {
    const instance = render(createElement(ReviewApp, { link, initial, buildSearcher: builder.build, warmSearcher: builder.warm, loadSourceNow: sourceNowLoader(process.cwd(), session.path), onState }), {
      stdout,
      stdin: options.stdin ?? process.stdin,
      // Ctrl-C is the reducer's: it quits, but asks once more over a changed text in an edit box
      exitOnCtrlC: false,
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
    // the next kb review of this store opens where this one was left
    if (options.placeDir !== undefined && last.selected !== undefined) await writePlace(session.path, { selected: last.selected, filter: last.filter }, options.placeDir);
    await session.close();
    process.removeListener('exit', restore);
    restore();
  }
  return reviewOutcome(last);
}
