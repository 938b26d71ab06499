/**
 * `kb review`'s screen: header, list | detail (or editor, try-it, help), message, keys.
 *
 *   kb review kb/qa.jsonl  reviewed 37 / 120            pending (83)
 *   ✓ 退货运费谁出？        │ s-1a2b · generated · pending
 *   •!七天无理由退货…       │ Q  七天无理由退货的条件是什么？
 *   …                       │ Similar questions (3) …
 *   s-1a2b: approved
 *   a approve r reject e/E edit …
 */
import { useEffect, useMemo, type ReactElement } from 'react';
import { Box, Text, useApp, useInput } from './ink.js';
import { detailLines, fullView, keyHints, listWidth, messageLines, tooSmallNotice, type HintContext } from './layout.js';
import { mergeCandidates, NO_FILTER, selectedEntry, visibleEntries, type ReviewState } from './reducer.js';
import type { Entry } from '../store/entry.js';
import { useAutosave, useDiskWatch, useElapsed, useFilterWarmup, useHits, useLater, useReview, useScreenSize, useScriptWarmup, useSourceNow, useTryIndex, type StoreLink } from './hooks.js';
import type { SourceNowLoader } from './source-now.js';
import type { SearcherBuilder } from './try-index.js';
import { Editor } from './components/editor.js';
import { Header } from './components/header.js';
import { Help } from './components/help.js';
import { Lines } from './components/lines.js';
import { ListPane } from './components/list-pane.js';
import { TRY_K, TRY_SHOWN, TryPane } from './components/try-pane.js';
import { MergePane } from './components/merge-pane.js';
import { wrap } from './width.js';

export interface ReviewAppProps {
  link: StoreLink;
  initial: ReviewState;
  /** Builds the try-it index (none: try-it says it is unavailable). */
  buildSearcher?: SearcherBuilder;
  /** Fixed screen size (tests); default: the terminal's. */
  columns?: number;
  rows?: number;
  /** How often to look for changes on disk, ms (0: never). */
  pollMs?: number;
  /** Rebuild the try-it index this long after the last change, ms. */
  reindexMs?: number;
  /** Reads what a changed source says now, for an entry whose answer the editor rewrote (none: not shown). */
  loadSourceNow?: SourceNowLoader;
  /** Told the state after every change (run.ts: the exit summary counts what the screen shows). */
  onState?: (state: ReviewState) => void;
  /** Load a traditional store's conversion tables this long after start, ms (warmVariants; negative: never). */
  warmMs?: number;
  /** Starts the try-it worker and loads what its builds need (searcherBuilder's warm), `warmTryMs` after start. */
  warmSearcher?: () => void;
  /** When to call warmSearcher, ms after the screen is up (negative: never). */
  warmTryMs?: number;
}

/** What the list's key line depends on: the selected similar or suggested question, and whether filters are on. */
function hintContext(state: ReviewState, entry: Entry | undefined): HintContext {
  const f = state.filter;
  const filtered = f.status !== NO_FILTER.status || f.origin !== NO_FILTER.origin || f.staleOnly !== NO_FILTER.staleOnly || f.suggestedOnly !== NO_FILTER.suggestedOnly || f.text !== NO_FILTER.text;
  if (state.item < 0 || entry === undefined) return { filtered };
  return { filtered, selected: state.item < entry.similar.length ? 'similar' : 'suggested' };
}

const EDIT_TITLES = { question: 'Edit the question', answer: 'Edit the answer', 'add-similar': 'Add a similar question', filter: 'Show entries with these words (id, questions, answer, source)' } as const;

export function ReviewApp({ link, initial, buildSearcher, loadSourceNow, columns, rows, pollMs = 1000, reindexMs = 800, onState, warmMs = 300, warmSearcher, warmTryMs = 1500 }: ReviewAppProps): ReactElement {
  const [state, dispatch] = useReview(initial);
  useScriptWarmup(initial.entries, warmMs);
  // the first / on a big store: OpenCC's tables and the entries' searchable text, made between keys
  useFilterWarmup(initial.entries, warmMs < 0 ? warmMs : warmMs + 700);
  // the try-it worker loads jieba and the lexicon while the editor reads the first screen
  useLater(warmSearcher, warmTryMs);
  const { exit } = useApp();
  const size = useScreenSize(columns, rows);
  useAutosave(link, state, dispatch);
  useDiskWatch(link, dispatch, pollMs);
  // built when try-it is open (the first time: seconds, and on a store of 50,000 entries up to a
  // minute and hundreds of MB, which a session that never tries a question does not pay), and
  // brought up to date when it is opened again after changes; the pane says "indexing…" meanwhile
  const tryIndex = useTryIndex(buildSearcher, state.entries, state.mode.kind === 'try', reindexMs);
  const query = state.mode.kind === 'try' ? state.mode.buffer.text : '';
  const hits = useHits(tryIndex.searcher, query, TRY_K);
  // the hits the pane shows, for ↓ ↑ and Enter (go to the entry that answers)
  const shownHits = state.mode.kind === 'try' && buildSearcher !== undefined ? (hits ?? []).slice(0, TRY_SHOWN).map((h) => h.id).join('\n') : undefined;
  useEffect(() => {
    if (shownHits !== undefined) dispatch({ type: 'try-hits', ids: shownHits === '' ? [] : shownHits.split('\n') });
  }, [shownHits, dispatch]);
  // the first index of a big store takes a while (20,000 entries: about 10 s): the pane counts the seconds
  const waited = useElapsed(state.mode.kind === 'try' && tryIndex.searcher === undefined && tryIndex.error === undefined && buildSearcher !== undefined);

  useEffect(() => {
    onState?.(state);
  }, [state, onState]);
  // below the supported size only the notice shows: keys are not acted on unseen, but q quits
  const editing = state.mode.kind === 'edit';
  const notice = tooSmallNotice(size.columns, size.rows, editing);
  useInput((input, key) => {
    if (notice === undefined) dispatch({ type: 'key', input, key });
    else if ((input === 'q' && !editing) || (key.ctrl && input === 'c')) dispatch({ type: 'quit' });
  });
  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  const width = Math.max(40, size.columns - 1);
  // header, message and keys take a line each; one row stays free so ink never scrolls the terminal.
  // A message wider than the screen takes two lines (the body gives one up meanwhile): what to do
  // comes last (… write one with E, or reject it with r), and one line cut it off at 80 columns
  const message = messageLines(state.message, width);
  const bodyHeight = Math.max(3, size.rows - 3 - message.length);
  useEffect(() => dispatch({ type: 'page-size', rows: bodyHeight - 1 }), [bodyHeight, dispatch]);
  const left = listWidth(width);
  const right = width - left - 2;
  // the filter box filters the list as the words are typed (Enter keeps it, Esc puts the list back)
  const typedFilter = state.mode.kind === 'edit' && state.mode.target === 'filter' ? state.mode.buffer.text.trim() : undefined;
  const listFilter = useMemo(() => (typedFilter === undefined ? state.filter : { ...state.filter, text: typedFilter }), [state.filter, typedFilter]);
  const visible = useMemo(() => visibleEntries({ entries: state.entries, filter: listFilter }), [state.entries, listFilter]);
  const entry = selectedEntry(state);
  const sourceNow = useSourceNow(loadSourceNow, entry);

  let pane: ReactElement;
  let hintKind: Parameters<typeof keyHints>[0] = 'list';
  const mode = state.mode;
  if (mode.kind === 'edit') {
    hintKind = mode.buffer.multiline ? 'edit-answer' : mode.target === 'filter' ? 'edit-filter' : mode.target === 'add-similar' ? 'edit-similar' : 'edit-line';
    const title = mode.target === 'filter' ? EDIT_TITLES.filter : `${EDIT_TITLES[mode.target]} · ${mode.id}`;
    // the entry changed on disk under the open edit (kb generate): its text now; else, editing an
    // answer the source changed under, the source's new text stays in sight
    const reference =
      mode.disk !== undefined
        ? { title: 'On disk now (changed while you edit):', lines: wrap(mode.disk === '' ? '(empty)' : mode.disk, right, bodyHeight) }
        : mode.target === 'answer' && sourceNow !== undefined && entry !== undefined && entry.id === mode.id && sourceNow.answer !== entry.answer
          ? { title: 'The source now says:', lines: wrap(sourceNow.answer, right, bodyHeight) }
          : undefined;
    pane = <Editor title={title} buffer={mode.buffer} width={right} height={bodyHeight} {...(reference !== undefined ? { reference } : {})} />;
  } else if (mode.kind === 'try') {
    hintKind = 'try';
    pane = (
      <TryPane
        buffer={mode.buffer}
        hits={buildSearcher === undefined ? [] : hits}
        current={state.selected}
        pick={mode.pick ?? -1}
        indexing={tryIndex.indexing}
        waited={waited}
        total={state.entries.length}
        error={buildSearcher === undefined ? 'try-it is not available here' : tryIndex.error}
        width={right}
        height={bodyHeight}
      />
    );
  } else if (mode.kind === 'merge') {
    hintKind = 'merge';
    const found = mergeCandidates(state.entries, mode.id, mode.buffer.text);
    pane = <MergePane draft={state.entries.find((e) => e.id === mode.id)} buffer={mode.buffer} found={found} pick={Math.min(mode.pick, Math.max(0, found.length - 1))} width={right} height={bodyHeight} />;
  } else {
    pane = <Lines lines={detailLines(entry, state.item, right, bodyHeight, sourceNow)} width={right} height={bodyHeight} />;
  }

  // the full view: the whole entry, wrapped as it is scrolled to (a long answer piece by piece)
  const full = useMemo(() => (mode.kind === 'view' && entry !== undefined ? fullView(entry, width, sourceNow) : undefined), [mode.kind, entry, width, sourceNow]);
  const shown = mode.kind === 'view' && full !== undefined ? full.window(mode.offset, bodyHeight) : { lines: [], max: undefined };
  const viewMax = shown.max;
  useEffect(() => {
    if (mode.kind === 'view' && viewMax !== undefined) dispatch({ type: 'view-max', max: viewMax });
  }, [mode, viewMax, dispatch]);
  if (mode.kind === 'view') hintKind = 'view';

  if (notice !== undefined) {
    return (
      <Box width={Math.max(1, size.columns - 1)}>
        <Text color="yellow">{notice}</Text>
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={width}>
      <Header path={link.path} entries={state.entries} shown={visible.length} filter={listFilter} indexing={tryIndex.indexing} width={width} />
      {mode.kind === 'help' ? (
        <Help width={width} height={bodyHeight} />
      ) : mode.kind === 'view' ? (
        <Lines lines={shown.lines} width={width} height={bodyHeight} />
      ) : (
        <Box flexDirection="row" height={bodyHeight}>
          <ListPane entries={visible} selected={state.selected} width={left} height={bodyHeight} />
          <Box width={2} height={bodyHeight} flexDirection="column">
            {Array.from({ length: bodyHeight }, (_, i) => (
              <Text key={i} dimColor>
                {'│'}
              </Text>
            ))}
          </Box>
          {pane}
        </Box>
      )}
      {message.map((line, i) => (
        <Text key={`message-${i}`} color={state.message?.startsWith('could not') === true ? 'red' : 'yellow'} wrap="truncate">
          {line}
        </Text>
      ))}
      <Text dimColor wrap="truncate">
        {keyHints(mode.kind === 'help' ? 'help' : hintKind, width, hintContext(state, entry))}
      </Text>
    </Box>
  );
}

