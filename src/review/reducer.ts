/**
 * The review screen's state and everything that changes it: one pure reducer over plain data.
 * Keys come in as actions (`key`), so a whole editing session can be replayed in a unit test;
 * the hooks (hooks.ts) save the entries after every change and feed disk reloads back in.
 */
import type { EditedField, Entry, EntryOrigin, EntryStatus } from '../store/entry.js';
import { acceptGeneratedSimilar, ENTRY_ORIGINS, markEdited, withEditorSimilar, withGeneratedSimilar } from '../store/entry.js';
import { entryContext, languageOf, manualProduct, questionKey, similarQuestionsInScript } from '../generate/index.js';
import { END, FROM_END, isSectionPath } from './layout.js';
import { variantsOfQuestion } from './variants.js';
import { changedFields, copyField, followNewIds, mergeReload, renameChanges, type Change } from './changes.js';
import { successorIn } from '../store/merge.js';
import { simplifiedToTraditional, traditionalToSimplified } from '../text/normalize.js';
import { backspace, deleteForward, editBuffer, insertText, moveCursor, type EditBuffer } from './text-edit.js';

/** How many similar questions "regenerate" proposes. */
export const REGENERATE_SIMILAR = 5;

export interface Filter {
  status: EntryStatus | 'all';
  origin: EntryOrigin | 'all';
  /** Only entries whose source changed or vanished. */
  staleOnly: boolean;
  /** Only entries with suggested questions (kb eval --suggest) to accept or dismiss. */
  suggestedOnly: boolean;
  /** Words to find in the id, questions, answer or source. */
  text: string;
}

export type EditTarget = 'question' | 'answer' | 'add-similar' | 'filter';

export type Mode =
  | { kind: 'list' }
  | { kind: 'help' }
  | {
      kind: 'edit';
      target: EditTarget;
      id: string;
      buffer: EditBuffer;
      /** The text when the edit started: Esc asks before it throws away a changed text. */
      original: string;
      /** The entry's text now, when the store changed on disk under the open edit (kb generate): saving asks first. */
      disk?: string;
      /** The key pressed once that needs pressing again: Esc to discard a changed text, save to write over `disk`, Ctrl-C to quit without it. */
      confirm?: 'discard' | 'overwrite' | 'quit';
    }
  /** Try it: a customer question; the ids of the hits shown (the app tells them) and the one picked with ↓ (-1: none). */
  | { kind: 'try'; buffer: EditBuffer; hits?: readonly string[]; pick?: number }
  /** Merging the kb gaps draft `id` into an existing entry: words to find it, and the found entry picked (`pick`, in mergeCandidates). */
  | { kind: 'merge'; id: string; buffer: EditBuffer; pick: number }
  /** The whole selected entry, full width, scrolled to `offset` lines. */
  | { kind: 'view'; offset: number };

export interface ReviewState {
  /** The store as the editor sees it, sorted by id. */
  entries: Entry[];
  filter: Filter;
  /** The selected entry's id. */
  selected: string | undefined;
  /**
   * The selected question in the detail pane: 0…similar.length-1 a similar question, then the
   * suggested ones; -1 none.
   */
  item: number;
  mode: Mode;
  /** Every change of this session (replayed on a reload, see changes.ts). */
  log: Change[];
  /** Changes that `u` undoes, last on top. */
  undo: Change[];
  /** Bumped on every change to the entries: the session saves when it moves. */
  revision: number;
  /** One line for the status bar. */
  message: string | undefined;
  /** A key that asked to be pressed again (`d` on the section's place line: `<id> <item>`); any other key disarms it. */
  armed: string | undefined;
  /** The text of the last edit discarded with Esc, which `u` brings back (until the next change). */
  discarded: { target: EditTarget; id: string; text: string } | undefined;
  /** Rows the list shows (page up / page down). */
  pageSize: number;
  quit: boolean;
}

/** The keys ink reports, as far as the review screen uses them. */
export interface KeyInfo {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  meta?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
}

export type ReviewAction =
  | { type: 'key'; input: string; key: KeyInfo }
  /** The store changed on disk: take the disk version and replay the editor's changes on it. */
  | { type: 'reloaded'; entries: Entry[] }
  | { type: 'notice'; message: string }
  /** Quit whatever the mode (the screen is too small to show it: q quits from the notice). */
  | { type: 'quit' }
  | { type: 'page-size'; rows: number }
  /** The try-it pane shows these hits (ids, best first): ↓ ↑ pick one, Enter goes to it. */
  | { type: 'try-hits'; ids: readonly string[] }
  /** The full view has this many lines more than fit: keep its offset within them. */
  | { type: 'view-max'; max: number };

const byId = (a: Entry, b: Entry): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const NO_FILTER: Filter = { status: 'all', origin: 'all', staleOnly: false, suggestedOnly: false, text: '' };

/**
 * The screen as it opens: on the first entry to review — or, given where the editor left this
 * store last time (`place`, place.ts), back there: its filters (unless `filter` names some: the
 * command line's flags win) and its entry, when the store still has it and the filters show it.
 */
export function initialState(entries: readonly Entry[], filter: Partial<Filter> = {}, place?: { selected: string; filter: Filter }): ReviewState {
  const flags = Object.keys(filter).length > 0;
  const state: ReviewState = {
    entries: [...entries].sort(byId),
    filter: { ...NO_FILTER, ...(place !== undefined && !flags ? place.filter : {}), ...filter },
    selected: undefined,
    item: -1,
    mode: { kind: 'list' },
    log: [],
    undo: [],
    revision: 0,
    message: undefined,
    discarded: undefined,
    armed: undefined,
    pageSize: 10,
    quit: false,
  };
  const visible = visibleEntries(state);
  if (place !== undefined && visible.some((e) => e.id === place.selected)) {
    const filtered = !sameFilter(state.filter, NO_FILTER) ? ` (showing ${filterLabel(state.filter)}: Esc shows all)` : '';
    return { ...state, selected: place.selected, message: `back at ${place.selected}, where you left this store${filtered}; n goes to the next entry to review` };
  }
  if (place !== undefined && !flags && visible.length === 0) return initialState(entries, filter);
  const first = visible.find(needsReview) ?? visible[0];
  return { ...state, selected: first?.id };
}

// ---------------------------------------------------------------------------------------------
// selectors

/** An entry an editor still has to look at: pending, or its source changed since. */
export function needsReview(e: Entry): boolean {
  return e.status === 'pending' || e.stale !== undefined;
}

/** An entry with suggested questions (kb eval --suggest) waiting to be accepted or dismissed. */
export function hasSuggestions(e: Entry): boolean {
  return (e.suggested ?? []).length > 0;
}

/** Where `n` goes: an entry to review (needsReview), or one with suggested questions to accept or dismiss. */
export function wantsLook(e: Entry): boolean {
  return needsReview(e) || hasSuggestions(e);
}

/** The typed words of a filter, each in the forms it is searched in (scriptForms). */
function filterWords(text: string): (readonly string[])[] {
  return text.toLowerCase().split(/\s+/u).filter((w) => w !== '').map(scriptForms);
}

/**
 * The filter as a test of one entry: its typed words put in both scripts once, not once an entry
 * (a filter over 60,000 entries converts a few words).
 */
function entryTest(filter: Filter): (e: Entry) => boolean {
  const words = filterWords(filter.text);
  return (e) => {
    if (filter.status !== 'all' && e.status !== filter.status) return false;
    if (filter.origin !== 'all' && e.origin !== filter.origin) return false;
    if (filter.staleOnly && e.stale === undefined) return false;
    if (filter.suggestedOnly && !hasSuggestions(e)) return false;
    if (words.length === 0) return true;
    const text = haystack(e);
    return words.every((forms) => forms.some((form) => text.includes(form)));
  };
}

/**
 * Does every entry that `next` shows pass `before` too? Then `next` needs to test only the entries
 * `before` showed — as when a word is typed on (`X` → `X2` → `X20`) or one added (`X20` → `X20 退款`):
 * each word of `before` has a word in `next` whose every form holds one of its forms (so an entry
 * holding the longer word holds the shorter), and the other filters are the same.
 */
function narrows(before: Filter, next: Filter): boolean {
  if (before.status !== next.status || before.origin !== next.origin || before.staleOnly !== next.staleOnly || before.suggestedOnly !== next.suggestedOnly) return false;
  if (before.text === next.text) return true;
  const old = filterWords(before.text);
  const now = filterWords(next.text);
  return old.every((forms) => now.some((longer) => longer.every((form) => forms.some((f) => form.includes(f)))));
}

const HAN = /\p{Script=Han}/u;

/**
 * A typed word in both scripts: as typed, simplified, and traditional as OpenCC writes it — so that
 * 退货 typed on a simplified keyboard finds a Taiwan store's 退貨, and 退貨 a mainland store's 退货
 * (before 2026-11-27 `/` and the merge box found nothing). The words are converted, not the
 * entries. OpenCC's own standard only: loading Taiwan's and Hong Kong's tables as well held the
 * first filter about a second (a word whose characters differ between the standards, 裡 / 裏, is
 * found as typed or as OpenCC writes it).
 */
function scriptForms(word: string): readonly string[] {
  if (!HAN.test(word)) return [word];
  const simplified = traditionalToSimplified(word);
  return [...new Set([word, simplified, simplifiedToTraditional(simplified, 't')])];
}

// an entry's searchable text, lower-cased once: entries are never changed in place (a change makes
// a new entry), so it holds as long as the entry does
const haystacks = new WeakMap<Entry, string>();

/** What `/` searches in an entry: id, questions, answer, source, tags, lower-cased. */
function haystack(e: Entry): string {
  let text = haystacks.get(e);
  if (text === undefined) {
    text = [e.id, e.question, ...e.similar, ...(e.suggested ?? []), e.answer, e.source?.path ?? '', ...(e.source?.headingPath ?? []), ...(e.tags ?? [])].join('\n').toLowerCase();
    haystacks.set(e, text);
  }
  return text;
}

/**
 * Do the first `/`'s slow part before it is typed: load OpenCC's tables (a Chinese word is looked
 * for in both scripts; about 0.3 s) and put every entry's searchable text together, `chunk`
 * entries at a time between keys. Before 2026-11-27 the first key typed in the box took 0.2 s on a
 * 20,000-entry store and the first Chinese one 0.6 s. Returns a function that stops it.
 */
export function warmFilter(entries: readonly Entry[], chunk = 2000): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  scriptForms('退货');
  const next = (from: number): void => {
    if (stopped) return;
    for (const e of entries.slice(from, from + chunk)) haystack(e);
    if (from + chunk < entries.length) timer = setTimeout(() => next(from + chunk), 0);
  };
  next(0);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** Has `/` put this entry's searchable text together already (warmFilter)? For the tests. */
export function filterWarmed(e: Entry): boolean {
  return haystacks.has(e);
}

/** A `kb gaps --export` draft: its id and origin as kb gaps writes them (an editor may have answered it since). */
export function isGapDraft(e: Entry): boolean {
  return e.origin === 'manual' && e.id.startsWith('gap-');
}

/** How many entries the merge box lists. */
export const MERGE_SHOWN = 8;

/**
 * The entries a draft can be merged into, for the words typed: any entry with these words in its id,
 * questions, answer or source (as `/` finds them) — not the draft itself, a rejected entry or another
 * unanswered draft; an entry whose id is the text first (the box opens on the nearest entry's id).
 */
export function mergeCandidates(entries: readonly Entry[], draftId: string, text: string): Entry[] {
  const words = text.trim();
  if (words === '') return [];
  const matches = entryTest({ ...NO_FILTER, text: words });
  const found = entries.filter((e) => e.id !== draftId && e.status !== 'rejected' && !(isGapDraft(e) && e.answer.trim() === '') && matches(e));
  const exact = found.filter((e) => e.id.toLowerCase() === words.toLowerCase());
  return [...exact, ...found.filter((e) => !exact.includes(e))].slice(0, MERGE_SHOWN);
}

/** The nearest entry kb gaps named in a draft's notes (`nearest entry: K1003 “…”`), to open the merge box on. */
function nearestInNotes(e: Entry): string {
  return /nearest entry: (\S+) “/u.exec(e.notes ?? '')?.[1] ?? '';
}

/**
 * How often customers asked a kb gaps draft, from the notes kb gaps wrote (`kb gaps: gap 2 of 18,
 * asked 9 times …`), or undefined for any other entry.
 */
export function timesAsked(e: Entry): number | undefined {
  const asked = e.notes === undefined ? undefined : /^kb gaps: gap \d+ of \d+, asked (\d+) times?\b/u.exec(e.notes)?.[1];
  return asked === undefined ? undefined : Number(asked);
}

/**
 * The entries the list shows, in the store's order (by id) — except kb gaps drafts, which come most
 * asked first among themselves: their ids are hashes (gap-7c42fd1fa1), and the editor's first look
 * is for the questions customers asked most. They take the places drafts have in id order, so the
 * other entries keep theirs.
 */
export function visibleEntries(state: Pick<ReviewState, 'entries' | 'filter'>): readonly Entry[] {
  // a key calls this several times with the same entries and filter (50,000 entries: tens of ms
  // each), and the filter box asks for the list as each character is typed (the list follows it)
  const hit = recent.find((r) => r.entries === state.entries && sameFilter(r.filter, state.filter));
  if (hit !== undefined) return hit.shown;
  // a word typed on only narrows the list: test the entries the shorter words found, not them all
  const base = recent.find((r) => r.entries === state.entries && narrows(r.filter, state.filter));
  const matched = (base?.matched ?? state.entries).filter(entryTest(state.filter));
  const shown = withDraftsByAsked(matched);
  recent.unshift({ entries: state.entries, filter: state.filter, matched, shown });
  recent.length = Math.min(recent.length, RECENT);
  return shown;
}

/** How many lists visibleEntries keeps: the list being typed, the one before it, and the filter applied. */
const RECENT = 4;
const recent: { entries: readonly Entry[]; filter: Filter; matched: readonly Entry[]; shown: readonly Entry[] }[] = [];

function sameFilter(a: Filter, b: Filter): boolean {
  return a.status === b.status && a.origin === b.origin && a.staleOnly === b.staleOnly && a.suggestedOnly === b.suggestedOnly && a.text === b.text;
}

/** The matched entries in the list's order: kb gaps drafts most asked first, in the places drafts have. */
function withDraftsByAsked(shown: readonly Entry[]): readonly Entry[] {
  const drafts = shown.filter((e) => timesAsked(e) !== undefined);
  if (drafts.length < 2) return shown;
  const byAsked = [...drafts].sort((a, b) => (timesAsked(b) ?? 0) - (timesAsked(a) ?? 0) || byId(a, b));
  let next = 0;
  return shown.map((e) => (timesAsked(e) === undefined ? e : (byAsked[next++] as Entry)));
}

export function selectedEntry(state: Pick<ReviewState, 'entries' | 'selected'>): Entry | undefined {
  return state.selected === undefined ? undefined : state.entries.find((e) => e.id === state.selected);
}

/** `reviewed 37 / 120`: approved or rejected and not stale, of all entries. */
export function progress(entries: readonly Entry[]): { reviewed: number; total: number; pending: number; stale: number } {
  let reviewed = 0;
  let pending = 0;
  let stale = 0;
  for (const e of entries) {
    if (e.stale !== undefined) stale++;
    if (e.status === 'pending') pending++;
    if (!needsReview(e)) reviewed++;
  }
  return { reviewed, total: entries.length, pending, stale };
}

/**
 * The progress in words, as the header shows it and the exit summary prints it (one function for
 * both, so they never disagree): `reviewed 37 / 120`, and `2 stale` when entries' sources changed.
 */
export function progressText(entries: readonly Entry[]): { reviewed: string; stale: string | undefined } {
  const p = progress(entries);
  return { reviewed: `reviewed ${p.reviewed} / ${p.total}`, stale: p.stale > 0 ? `${p.stale} stale` : undefined };
}

/** What `kb review` prints when it quits: `reviewed 37 / 120, 1 stale; 12 changes saved`. */
export function exitSummary(entries: readonly Entry[], changes: number): string {
  const p = progressText(entries);
  const saved = changes === 0 ? 'no changes' : `${changes} change${changes === 1 ? '' : 's'} saved`;
  return `${p.reviewed}${p.stale !== undefined ? `, ${p.stale}` : ''}; ${saved}`;
}

export function filterLabel(filter: Filter): string {
  const parts: string[] = [];
  if (filter.status !== 'all') parts.push(filter.status);
  if (filter.origin !== 'all') parts.push(filter.origin);
  if (filter.staleOnly) parts.push('stale');
  if (filter.suggestedOnly) parts.push('with suggestions');
  if (filter.text !== '') parts.push(`“${filter.text}”`);
  return parts.length === 0 ? 'all entries' : parts.join(' · ');
}

// ---------------------------------------------------------------------------------------------
// changes to entries

function itemCount(e: Entry | undefined): number {
  return e === undefined ? 0 : e.similar.length + (e.suggested?.length ?? 0);
}

/** Select an entry (keeping it in view of the filter is the caller's job). */
function select(state: ReviewState, id: string | undefined): ReviewState {
  return state.selected === id ? state : { ...state, selected: id, item: -1 };
}

/** Keep the selection on a visible entry: the same one, else the one now in its place. */
function keepSelection(state: ReviewState, previousVisible: readonly Entry[]): ReviewState {
  const visible = visibleEntries(state);
  if (state.selected !== undefined && visible.some((e) => e.id === state.selected)) return state;
  const oldIndex = previousVisible.findIndex((e) => e.id === state.selected);
  const next = visible[Math.max(0, Math.min(oldIndex, visible.length - 1))];
  return select(state, next?.id);
}

/**
 * Apply an edit to one entry: record it in the log and the undo stack and bump the revision (the
 * session saves). A change that changes nothing only leaves `unchanged` as the message.
 */
function change(state: ReviewState, id: string, edit: (e: Entry) => Entry, label: string, unchanged: string): ReviewState {
  const before = state.entries.find((e) => e.id === id);
  if (before === undefined) return state;
  const after = edit(before);
  if (changedFields({ before, after }).length === 0) return { ...state, message: unchanged };
  const record: Change = { id, before, after, label };
  const entries = state.entries.map((e) => (e.id === id ? after : e));
  const item = Math.min(state.item, itemCount(after) - 1);
  return { ...state, entries, log: [...state.log, record], undo: [...state.undo, record], revision: state.revision + 1, message: `${id}: ${label}`, item, discarded: undefined };
}

/** The entry with `field` marked as the editor's text (regeneration keeps it, docs/store.md). */
function edited(e: Entry, field: EditedField): Entry {
  return markEdited(e, [field]);
}

function setStatus(e: Entry, status: EntryStatus): Entry {
  const out: Entry = { ...e, status };
  // approving or rejecting is the editor's word on the entry as its source is now
  if (status !== 'pending') delete out.stale;
  return out;
}

function withSuggested(e: Entry, suggested: string[]): Entry {
  const out: Entry = { ...e };
  if (suggested.length > 0) out.suggested = suggested;
  else delete out.suggested;
  return out;
}

/** Decide and move on to the next entry of the list. */
function decide(state: ReviewState, status: EntryStatus): ReviewState {
  const id = state.selected;
  if (id === undefined) return { ...state, message: 'no entry selected' };
  const before = visibleEntries(state);
  const index = before.findIndex((e) => e.id === id);
  if (status === 'approved' && selectedEntry(state)?.answer.trim() === '') {
    // approved, it would still never be answered: kb build leaves an entry without an answer out
    return { ...state, message: `${id} has no answer, so it was not approved (a bot never sends an empty reply): write one with E, or reject it with r` };
  }
  const verb = status === 'approved' ? 'approved' : status === 'rejected' ? 'rejected' : 'back to pending';
  const next = change(state, id, (e) => setStatus(e, status), verb, `${id} is already ${status}`);
  if (next === state || next.revision === state.revision) return next;
  const visible = visibleEntries(next);
  const stillThere = visible.findIndex((e) => e.id === id);
  const target = stillThere >= 0 ? (visible[stillThere + 1] ?? visible[stillThere]) : (visible[index] ?? visible[visible.length - 1]);
  return select(next, target?.id);
}

function addSimilar(state: ReviewState, id: string, text: string): ReviewState {
  const question = text.replace(/\s+/gu, ' ').trim();
  if (question === '') return { ...state, message: 'nothing added: the similar question was empty' };
  const entry = state.entries.find((e) => e.id === id);
  if (entry === undefined) return state;
  const key = questionKey(question);
  if ([entry.question, ...entry.similar].some((q) => questionKey(q) === key)) return { ...state, message: `“${question}” is already one of this entry's questions` };
  const next = change(
    state,
    id,
    (e) => withSuggested(withEditorSimilar(e, [...e.similar, question]), (e.suggested ?? []).filter((s) => questionKey(s) !== key)),
    'added a similar question',
    '',
  );
  return { ...next, item: entry.similar.length };
}

function deleteItem(state: ReviewState, armed: string | undefined): ReviewState {
  const entry = selectedEntry(state);
  if (entry === undefined) return state;
  const i = state.item;
  if (i < 0) return { ...state, message: 'select a similar question with Tab first, then press d' };
  const place = `${entry.id} ${i}`;
  if (i < entry.similar.length && isSectionPath(entry, entry.similar[i] ?? '') && armed !== place) {
    // the section's place is no way of asking: it lets a question naming the section find it
    return { ...state, armed: place, message: 'this is the section’s place (it helps questions naming the section find it): d again deletes it' };
  }
  if (i < entry.similar.length) {
    return change(state, entry.id, (e) => withEditorSimilar(e, e.similar.filter((_, j) => j !== i)), 'deleted a similar question', '');
  }
  const s = i - entry.similar.length;
  return change(state, entry.id, (e) => withSuggested(e, (e.suggested ?? []).filter((_, j) => j !== s)), 'dismissed a suggested question', '');
}

function acceptSuggested(state: ReviewState): ReviewState {
  const entry = selectedEntry(state);
  if (entry === undefined) return state;
  // a similar question kb wrote for a FAQ row, selected: the team's from now on
  const selected = state.item >= 0 && state.item < entry.similar.length ? entry.similar[state.item] : undefined;
  if (selected !== undefined && (entry.generatedSimilar ?? []).includes(selected)) {
    return change(state, entry.id, (e) => acceptGeneratedSimilar(e, selected), 'accepted a similar question kb wrote: it is the team’s now', '');
  }
  const suggested = entry.suggested ?? [];
  if (suggested.length === 0) return { ...state, message: 'this entry has no suggested questions' };
  const s = state.item >= entry.similar.length ? state.item - entry.similar.length : 0;
  const question = suggested[s];
  if (question === undefined) return state;
  const known = new Set([entry.question, ...entry.similar].map(questionKey));
  const next = change(
    state,
    entry.id,
    (e) => withSuggested(known.has(questionKey(question)) ? e : withEditorSimilar(e, [...e.similar, question]), suggested.filter((_, j) => j !== s)),
    'accepted a suggested question',
    '',
  );
  return { ...next, item: entry.similar.length + s < itemCount(selectedEntry(next)) ? entry.similar.length + s : itemCount(selectedEntry(next)) - 1 };
}

function startMerge(state: ReviewState): ReviewState {
  const entry = selectedEntry(state);
  if (entry === undefined) return { ...state, message: 'no entry selected' };
  if (!isGapDraft(entry)) return { ...state, message: 'm merges a kb gaps draft (gap-…) into an existing entry; this entry is none' };
  return { ...state, mode: { kind: 'merge', id: entry.id, buffer: { ...editBuffer(nearestInNotes(entry), false), selected: true }, pick: 0 }, message: undefined };
}

/**
 * Merge a kb gaps draft into an existing entry: the draft's question and similar questions become
 * the entry's similar questions (added by the editor: kb generate keeps them), the entry goes back to
 * pending — it changed, so it is reviewed again, never approved unseen — and the draft is rejected
 * (kept in the store, so that the next week's drafts do not bring it back: kb import keeps a decision)
 * with a note saying where its questions went. One change for `u`: it undoes both.
 */
function mergeDraft(state: ReviewState, draftId: string, targetId: string): ReviewState {
  const draft = state.entries.find((e) => e.id === draftId);
  const target = state.entries.find((e) => e.id === targetId);
  if (draft === undefined || target === undefined) return { ...state, message: `${draft === undefined ? draftId : targetId} is no longer in the store` };
  const known = new Set([target.question, ...target.similar].map(questionKey));
  const moved: string[] = [];
  for (const q of [draft.question, ...draft.similar]) {
    const k = questionKey(q);
    if (k === '' || known.has(k)) continue;
    known.add(k);
    moved.push(q);
  }
  const list: ReviewState = { ...state, mode: { kind: 'list' } };
  const took = change(list, targetId, (e) => setStatus(withEditorSimilar(e, [...e.similar, ...moved]), 'pending'), `took the questions of ${draftId}`, '');
  const note = `merged into ${targetId} (kb review): its questions are that entry's similar questions now`;
  const rejected = change(took, draftId, (e) => ({ ...setStatus(e, 'rejected'), notes: e.notes === undefined ? note : `${note}\n${e.notes}` }), `merged into ${targetId}`, '');
  // one change for u: the draft's record undoes the entry's with it
  const last = rejected.undo[rejected.undo.length - 1];
  const undoStack = took.revision !== list.revision && last !== undefined && last.id === draftId ? [...rejected.undo.slice(0, -1), { ...last, withPrevious: true }] : rejected.undo;
  const added = moved.length === 0 ? `${targetId} had all its questions already` : `${moved.length} similar question${moved.length === 1 ? '' : 's'} added to ${targetId}${target.status === 'approved' ? ', back to pending for review' : ''}`;
  return select({ ...rejected, undo: undoStack, message: `${draftId} merged: ${added}; the draft is rejected (u undoes)` }, targetId);
}

/**
 * Keys in try-it: typing asks; ↓ ↑ pick one of the hits shown, Enter goes to it (the picked one,
 * else the best) — the entry that answers the customer, to fix or approve. Before 2026-11-27 an
 * editor read its id off the pane, pressed Esc and paged or searched for it.
 */
function tryKey(state: ReviewState, mode: Extract<Mode, { kind: 'try' }>, input: string, key: KeyInfo): ReviewState {
  const hits = mode.hits ?? [];
  const pick = mode.pick ?? -1;
  if (key.downArrow) return hits.length === 0 ? state : { ...state, mode: { ...mode, pick: Math.min(hits.length - 1, pick + 1) } };
  if (key.upArrow) return { ...state, mode: { ...mode, pick: Math.max(-1, pick - 1) } };
  if (key.return) {
    const id = hits[Math.max(0, pick)];
    if (id === undefined) return { ...state, message: 'no entry answers this question yet: type another, or Esc' };
    const entry = state.entries.find((e) => e.id === id);
    if (entry === undefined) return state;
    const list: ReviewState = { ...state, mode: { kind: 'list' } };
    const shown = visibleEntries(list).some((e) => e.id === id);
    const went = select(shown ? list : { ...list, filter: NO_FILTER }, id);
    const wins = pick <= 0 ? 'wins for' : `ranks ${pick + 1} for`;
    return { ...went, message: `${id} ${wins} “${mode.buffer.text.trim()}”${shown ? '' : ' (filters cleared to show it)'}; t tries again` };
  }
  const typed = editKey(state, { kind: 'try', buffer: mode.buffer }, input, key);
  return typed.mode.kind === 'try' ? { ...typed, mode: { ...mode, buffer: typed.mode.buffer, pick: typed.mode.buffer.text === mode.buffer.text ? pick : -1 } } : typed;
}

/** Keys in the merge box: words find the entry, ↑ ↓ pick it, Enter merges, Esc cancels. */
function mergeKey(state: ReviewState, mode: Extract<Mode, { kind: 'merge' }>, input: string, key: KeyInfo): ReviewState {
  const found = mergeCandidates(state.entries, mode.id, mode.buffer.text);
  if (key.escape) return { ...state, mode: { kind: 'list' }, message: 'merge cancelled' };
  if (key.upArrow) return { ...state, mode: { ...mode, pick: Math.max(0, mode.pick - 1) } };
  if (key.downArrow) return { ...state, mode: { ...mode, pick: Math.min(Math.max(0, found.length - 1), mode.pick + 1) } };
  if (key.return) {
    const target = found[Math.min(mode.pick, found.length - 1)];
    if (target === undefined) return { ...state, message: 'no entry has these words: type words of the entry to merge into, or its id' };
    return mergeDraft(state, mode.id, target.id);
  }
  const typed = editKey(state, { kind: 'try', buffer: mode.buffer }, input, key);
  return typed.mode.kind === 'try' ? { ...typed, mode: { ...mode, buffer: typed.mode.buffer, pick: 0 } } : typed;
}

function regenerate(state: ReviewState): ReviewState {
  const entry = selectedEntry(state);
  if (entry === undefined) return state;
  // the section's place (退换货政策 / 四、退货流程) is kept: it is no way of asking, it lets a question naming the section find it
  const place = entry.similar.filter((q) => isSectionPath(entry, q));
  // a heading or the product alone (空气炸锅) asks nothing and draws every question naming it
  const names = new Set([...(entry.source?.headingPath ?? []), manualProduct(entry.source?.headingPath ?? []) ?? ''].map(questionKey));
  const variants = similarQuestionsInScript(entry.question, { n: REGENERATE_SIMILAR + names.size, language: languageOf(entry.question), context: entryContext(entry), existing: place })
    .filter((q) => !names.has(questionKey(q)))
    .slice(0, REGENERATE_SIMILAR);
  if (variants.length === 0) return { ...state, message: 'no similar questions could be generated for this question; add them with s' };
  const similar = [...variants, ...place];
  // of a FAQ row or an editor's entry, the variants are kb's (generatedSimilar: marked, y accepts one)
  return change(state, entry.id, (e) => withGeneratedSimilar(edited({ ...e, similar }, 'similar'), variants), `regenerated ${variants.length} similar questions${place.length > 0 ? ', kept the section’s place' : ''} (u undoes)`, 'regenerating gave the same similar questions');
}

function undo(state: ReviewState): ReviewState {
  const lost = state.discarded;
  if (lost !== undefined) {
    // the edit Esc threw away (nothing was saved, so there is no change to undo): open it again
    const entry = state.entries.find((e) => e.id === lost.id);
    // its entry gone from the store (a reload): the text opens on the entry selected now, for the editor to put it there
    const target = entry !== undefined ? lost.id : state.selected;
    if (target === undefined) return { ...state, message: `${lost.id} is gone from the store: select the entry your put-aside text belongs to and press u to open it there` };
    const reopened = startEdit({ ...select(state, target), discarded: undefined }, lost.target);
    if (reopened.mode.kind === 'edit') {
      const buffer = editBuffer(lost.text, lost.target === 'answer');
      const back = entry !== undefined ? `${lost.id}: your discarded edit is back` : `your text from ${lost.id} (gone from the store) is open on ${target}`;
      return { ...reopened, mode: { ...reopened.mode, buffer }, message: `${back} (${saveKeyOf(buffer)} saves it, Esc cancels)` };
    }
  }
  const last = state.undo[state.undo.length - 1];
  if (last === undefined) return { ...state, message: 'nothing to undo' };
  const current = state.entries.find((e) => e.id === last.id);
  const rest = state.undo.slice(0, -1);
  if (current === undefined) return { ...state, undo: rest, message: `${last.id} is no longer in the store (removed on disk): “${last.label}” cannot be undone there` };
  let restored = current;
  for (const field of changedFields(last)) restored = copyField(restored, last.before, field);
  const record: Change = { id: last.id, before: current, after: restored, label: `undid: ${last.label}` };
  const entries = state.entries.map((e) => (e.id === last.id ? restored : e));
  const next: ReviewState = { ...state, entries, undo: rest, log: [...state.log, record], revision: state.revision + 1, message: `${last.id}: undid “${last.label}”` };
  // show the entry whose change was undone, even if the filter hid it
  const visible = visibleEntries(next).some((e) => e.id === last.id);
  const done = select(visible ? next : { ...next, filter: NO_FILTER }, last.id);
  // a merge changed two entries: the draft and the entry that took its questions go back together
  if (last.withPrevious !== true) return done;
  const both = undo(done);
  return { ...both, message: `${done.message ?? ''}; ${both.message ?? ''}` };
}

function commitEdit(state: ReviewState, target: EditTarget, id: string, text: string): ReviewState {
  const list: ReviewState = { ...state, mode: { kind: 'list' } };
  switch (target) {
    case 'filter': {
      return showFiltered({ ...list, filter: { ...state.filter, text: text.trim() } });
    }
    case 'question': {
      const question = text.replace(/\s+/gu, ' ').trim();
      if (question === '') return { ...state, message: 'a question cannot be empty (Esc cancels)' };
      const entry = state.entries.find((e) => e.id === id);
      if (entry === undefined || entry.question === question) return change(list, id, (e) => e, '', 'question unchanged');
      const stale = variantsOfQuestion(entry);
      const dropped = entry.similar.filter((q) => stale.has(q)).length;
      const label = dropped > 0 ? `edited the question, dropped ${dropped} similar question${dropped === 1 ? '' : 's'} of the old one` : 'edited the question';
      const next = change(list, id, (e) => edited({ ...e, question, similar: e.similar.filter((q) => !stale.has(q)) }, 'question'), label, 'question unchanged');
      if (next.revision === state.revision || (dropped === 0 && entry.origin !== 'generated' && entry.origin !== 'extracted')) return next;
      // the similar questions to check now ask the old question (or, dropped, are missing): say what g does
      const hint = dropped > 0 ? `${label} kb made (g makes new ones from this question, u undoes)` : `${label} (its similar questions may ask the old one: g makes new ones from this question)`;
      return { ...next, message: `${id}: ${hint}` };
    }
    case 'answer': {
      const answer = text.replace(/[ \t]+$/gmu, '').replace(/\n+$/u, '');
      return change(list, id, (e) => (e.answer === answer || e.answer === text ? e : edited({ ...e, answer }, 'answer')), 'edited the answer', 'answer unchanged');
    }
    case 'add-similar':
      return addSimilar(list, id, text);
  }
}

// ---------------------------------------------------------------------------------------------
// keys

function moveSelection(state: ReviewState, delta: number | 'first' | 'last'): ReviewState {
  const visible = visibleEntries(state);
  if (visible.length === 0) return state;
  const index = visible.findIndex((e) => e.id === state.selected);
  const target = delta === 'first' ? 0 : delta === 'last' ? visible.length - 1 : Math.max(0, Math.min(visible.length - 1, (index < 0 ? 0 : index) + delta));
  return select(state, visible[target]?.id);
}

function nextPending(state: ReviewState): ReviewState {
  const visible = visibleEntries(state);
  const index = visible.findIndex((e) => e.id === state.selected);
  const order = [...visible.slice(index + 1), ...visible.slice(0, Math.max(0, index + 1))];
  const next = order.find((e) => wantsLook(e) && e.id !== state.selected);
  if (next !== undefined) return { ...select(state, next.id), message: undefined };
  const anywhere = state.entries.find((e) => wantsLook(e) && e.id !== state.selected);
  if (anywhere !== undefined) return { ...select({ ...state, filter: NO_FILTER }, anywhere.id), message: 'filters cleared to show the next entry to review' };
  return { ...state, message: 'nothing left to review 🎉' };
}

function cycle<T>(values: readonly T[], current: T): T {
  return values[(values.indexOf(current) + 1) % values.length] as T;
}

function withFilter(state: ReviewState, filter: Filter): ReviewState {
  const next = showFiltered({ ...state, filter });
  return { ...next, message: `showing ${filterLabel(filter)} (${visibleEntries(next).length})` };
}

/**
 * The list under a new filter: the selected entry stays selected when the filter shows it, else
 * the first entry shown is. (Before 2026-11-27 the one at the old entry's place was: finding
 * `X20 退款` with the 3,000th entry selected selected the last of 24 matches, the first five out
 * of sight above it.)
 */
function showFiltered(state: ReviewState): ReviewState {
  const visible = visibleEntries(state);
  if (state.selected !== undefined && visible.some((e) => e.id === state.selected)) return state;
  return select(state, visible[0]?.id);
}

/** How an edit box saves: Ctrl-S for a multi-line answer, Enter for a line. */
function saveKeyOf(buffer: EditBuffer): string {
  return buffer.multiline ? 'Ctrl-S' : 'Enter';
}

/**
 * An open edit when the store changed on disk (kb generate or another writer), as the reload
 * found it (`entries`, the merged store):
 *
 * - its entry's question or answer changed there: the editor is told and shown the new text, and
 *   saving asks once more (`disk`), so the old text in the box does not silently go over the new one;
 * - its entry is gone, because kb generate gave it a new id (its section renamed, its file moved;
 *   store/merge.ts successorIn finds it among the new entries): the box stays open on the new id,
 *   and asks as above when the text there differs from the one the edit started from;
 * - its entry is gone with no new id to go to: the box stays open with the editor's text, and says
 *   so (saving cannot put it anywhere; Esc puts it aside, and u opens it on the entry it belongs to).
 */
function editUnderReload(state: ReviewState, entries: readonly Entry[]): Partial<ReviewState> {
  const mode = state.mode;
  if (mode.kind !== 'edit' || mode.target === 'filter') return {};
  if (!entries.some((e) => e.id === mode.id)) {
    const was = state.entries.find((e) => e.id === mode.id);
    const known = new Set(state.entries.map((e) => e.id));
    const next = was === undefined ? undefined : successorIn(was, entries.filter((e) => !known.has(e.id)));
    if (next === undefined) {
      return { message: `${mode.id} is gone from the store on disk (kb generate removed its section, or another writer removed it): your text stays in this box, but cannot be saved to it — Esc puts it aside; then select the entry it belongs to and press u to open it there` };
    }
    const field = mode.target === 'add-similar' ? undefined : mode.target;
    const now = field === undefined ? undefined : next[field];
    const moved = `${mode.id} is ${next.id} on disk now (kb generate: its section was renamed or its file moved): your edit is open on ${next.id}`;
    const retargeted: Mode = { ...mode, id: next.id };
    if (now === undefined || now === mode.original) return { mode: retargeted, selected: next.id, item: -1, message: moved };
    return { mode: { ...retargeted, disk: now }, selected: next.id, item: -1, message: `${moved}; its ${field ?? ''} there is shown below, and saving asks before it puts yours over it` };
  }
  if (mode.target === 'add-similar') return {};
  const field = mode.target;
  const before = state.entries.find((e) => e.id === mode.id)?.[field];
  const now = entries.find((e) => e.id === mode.id)?.[field];
  if (now === undefined || now === before) return {};
  return {
    mode: { ...mode, disk: now },
    message: `the ${field} of ${mode.id} changed on disk while you edit it (kb generate or another writer): its new text is shown below; saving asks before it puts yours over it`,
  };
}

function editKey(state: ReviewState, mode: Extract<Mode, { kind: 'edit' | 'try' }>, input: string, key: KeyInfo): ReviewState {
  let buffer = mode.buffer;
  if (buffer.selected === true) {
    // a selected suggestion: typing or Backspace replaces it; any other key just drops the selection
    const { selected: _, ...plain } = buffer;
    const typing = input !== '' && !key.ctrl && !key.meta && !key.return && !key.escape && !key.tab;
    buffer = typing || key.backspace === true || key.delete === true ? { ...plain, text: '', cursor: 0 } : plain;
    if (key.backspace === true || key.delete === true) return { ...state, mode: { ...mode, buffer } };
    mode = { ...mode, buffer };
  }
  // a confirmation asked for holds for the very next key only
  const confirm = mode.kind === 'edit' ? mode.confirm : undefined;
  if (mode.kind === 'edit' && mode.confirm !== undefined) {
    const { confirm: _, ...rest } = mode;
    mode = rest;
  }
  const set = (b: EditBuffer): ReviewState => ({ ...state, mode: { ...mode, buffer: b } });
  if (key.escape) {
    if (mode.kind === 'try') return { ...state, mode: { kind: 'list' }, message: undefined };
    const changed = mode.target !== 'filter' && buffer.text.trim() !== '' && buffer.text !== mode.original;
    if (changed && confirm !== 'discard') return { ...state, mode: { ...mode, buffer, confirm: 'discard' }, message: `Esc again throws away what you typed (${saveKeyOf(buffer)} saves it)` };
    // the find box (/) edits no entry: leaving it keeps the list as it was
    if (!changed) return { ...state, mode: { kind: 'list' }, message: mode.target === 'filter' ? 'find cancelled: the list is as it was' : 'edit cancelled' };
    const gone = !state.entries.some((e) => e.id === mode.id);
    return {
      ...state,
      mode: { kind: 'list' },
      discarded: { target: mode.target, id: mode.id, text: buffer.text },
      message: gone ? `your text is put aside (${mode.id} is gone from the store): select the entry it belongs to and press u to open it there` : 'edit discarded (u brings it back)',
    };
  }
  const save = buffer.multiline ? key.ctrl === true && input === 's' : key.return === true || (key.ctrl === true && input === 's');
  if (save && mode.kind === 'edit' && mode.target !== 'filter' && !state.entries.some((e) => e.id === mode.id)) {
    // the entry vanished under the open edit (a reload): the text must not go with it
    return { ...state, mode: { ...mode, buffer }, message: `${mode.id} is no longer in the store (removed on disk), so your text was not saved: it stays in this box — Esc puts it aside; then select the entry it belongs to and press u to open it there` };
  }
  if (save && mode.kind === 'edit' && mode.disk !== undefined && confirm !== 'overwrite' && buffer.text !== mode.disk) {
    return { ...state, mode: { ...mode, buffer, confirm: 'overwrite' }, message: `the ${mode.target} changed on disk while you edited it (its text now is below): ${saveKeyOf(buffer)} again puts yours over it, Esc keeps it` };
  }
  if (save) return mode.kind === 'edit' ? commitEdit(state, mode.target, mode.id, buffer.text) : state;
  if (key.return) return buffer.multiline ? set(insertText(buffer, '\n')) : state;
  // terminals send DEL (0x7f) for Backspace, which ink reports as `delete`
  if (key.backspace || key.delete) return set(backspace(buffer));
  if (key.ctrl && input === 'd') return set(deleteForward(buffer));
  if (key.leftArrow) return set(moveCursor(buffer, 'left'));
  if (key.rightArrow) return set(moveCursor(buffer, 'right'));
  if (key.upArrow) return set(moveCursor(buffer, 'up'));
  if (key.downArrow) return set(moveCursor(buffer, 'down'));
  if (key.home || (key.ctrl && input === 'a')) return set(moveCursor(buffer, 'home'));
  if (key.end || (key.ctrl && input === 'e')) return set(moveCursor(buffer, 'end'));
  if (key.ctrl && input === 'u') return set({ ...buffer, text: '', cursor: 0 });
  if (key.ctrl || key.tab || key.pageUp || key.pageDown) return state;
  // a line typed and Enter pressed faster than the screen reads them arrive together: "…\r"
  const enter = buffer.multiline ? -1 : input.search(/[\r\n]/u);
  if (enter >= 0) {
    const typed = { ...mode, buffer: insertText(buffer, input.slice(0, enter)) };
    return editKey({ ...state, mode: typed }, typed, '', { return: true });
  }
  return set(insertText(buffer, input));
}

/** Scrolling the full view of an entry; Esc, v or q go back to the list. */
function viewKey(state: ReviewState, offset: number, input: string, key: KeyInfo): ReviewState {
  // End is END; offsets near it count from the end (layout.ts FROM_END)
  const to = (n: number): ReviewState => ({ ...state, mode: { kind: 'view', offset: Math.min(END, Math.max(0, n)) } });
  if (key.escape || input === 'v' || input === 'q') return { ...state, mode: { kind: 'list' } };
  if (key.upArrow || input === 'k') return to(offset - 1);
  if (key.downArrow || input === 'j') return to(offset + 1);
  if (key.pageUp) return to(offset - state.pageSize);
  if (key.pageDown || input === ' ') return to(offset + state.pageSize);
  if (key.home) return to(0);
  if (key.end) return to(END);
  return state;
}

/** The longest text the edit boxes open (`E` on a longer answer says so instead). */
export const EDIT_MAX_CHARS = 50_000;

function startEdit(state: ReviewState, target: EditTarget): ReviewState {
  if (target === 'filter') {
    // the words of the last find come back selected: typing starts a new find, a cursor key edits them
    const buffer = state.filter.text === '' ? editBuffer('', false) : { ...editBuffer(state.filter.text, false), selected: true };
    return { ...state, mode: { kind: 'edit', target, id: '', buffer, original: state.filter.text }, message: undefined };
  }
  const entry = selectedEntry(state);
  if (entry === undefined) return { ...state, message: 'no entry selected' };
  const text = target === 'question' ? entry.question : target === 'answer' ? entry.answer : '';
  // the edit box lays the whole text out at every key: a text of a whole document would freeze it
  if (text.length > EDIT_MAX_CHARS) return { ...state, message: `${entry.id}: the ${target === 'question' ? 'question' : 'answer'} has ${text.length} characters, too many to edit here (up to ${EDIT_MAX_CHARS}): shorten it in its source, or edit it in a sheet (kb export --format csv)` };
  return { ...state, mode: { kind: 'edit', target, id: entry.id, buffer: editBuffer(text, target === 'answer'), original: text }, message: undefined };
}

function listKey(state: ReviewState, input: string, key: KeyInfo): ReviewState {
  const armed = state.armed;
  const s: ReviewState = state.message === undefined && armed === undefined ? state : { ...state, message: undefined, armed: undefined };
  // Enter opens the selected entry whole (as v)
  if (key.return) return selectedEntry(s) === undefined ? s : { ...s, mode: { kind: 'view', offset: 0 } };
  if (key.upArrow || input === 'k') return moveSelection(s, -1);
  if (key.downArrow || input === 'j') return moveSelection(s, 1);
  if (key.pageUp) return moveSelection(s, -s.pageSize);
  if (key.pageDown) return moveSelection(s, s.pageSize);
  if (key.home) return moveSelection(s, 'first');
  if (key.end) return moveSelection(s, 'last');
  if (key.tab) {
    const count = itemCount(selectedEntry(s));
    if (count === 0) return { ...s, message: 'this entry has no similar or suggested questions' };
    const item = key.shift ? (s.item <= 0 ? count - 1 : s.item - 1) : s.item + 1 >= count ? 0 : s.item + 1;
    return { ...s, item };
  }
  if (key.escape) {
    if (s.item >= 0) return { ...s, item: -1 };
    return withFilter(s, NO_FILTER);
  }
  if (key.ctrl) return s;
  switch (input) {
    case 'a':
      return decide(s, 'approved');
    case 'r':
      return decide(s, 'rejected');
    case 'p':
      return decide(s, 'pending');
    case 'e':
      return startEdit(s, 'question');
    case 'E':
      return startEdit(s, 'answer');
    case 's':
      return startEdit(s, 'add-similar');
    case 'd':
      return deleteItem(s, armed);
    case 'y':
      return acceptSuggested(s);
    case 'g':
      return regenerate(s);
    case 'm':
      return startMerge(s);
    case 'u':
      return undo(s);
    case 'n':
      return nextPending(s);
    case '/':
      return startEdit(s, 'filter');
    case 'f':
      return withFilter(s, { ...s.filter, status: cycle<Filter['status']>(['all', 'pending', 'approved', 'rejected'], s.filter.status) });
    case 'o':
      return withFilter(s, { ...s.filter, origin: cycle<Filter['origin']>(['all', ...ENTRY_ORIGINS], s.filter.origin) });
    case '!':
      return withFilter(s, { ...s.filter, staleOnly: !s.filter.staleOnly });
    case 'S':
      return withFilter(s, { ...s.filter, suggestedOnly: !s.filter.suggestedOnly });
    case 'v':
      return selectedEntry(s) === undefined ? s : { ...s, mode: { kind: 'view', offset: 0 } };
    case 't':
      // the entry's own question, selected: Enter-free check that it wins; typing replaces it
      return { ...s, mode: { kind: 'try', buffer: { ...editBuffer(selectedEntry(s)?.question ?? '', false), selected: true } } };
    case '?':
      return { ...s, mode: { kind: 'help' } };
    case 'q':
      return { ...s, quit: true };
    default:
      return s;
  }
}

/** One character of keys that arrived together, as ink would report it alone. */
function typedKey(c: string): Extract<ReviewAction, { type: 'key' }> {
  if (c === '\t') return { type: 'key', input: '', key: { tab: true } };
  if (c === '\r') return { type: 'key', input: '', key: { return: true } };
  if (c === '\u007f') return { type: 'key', input: '', key: { delete: true } };
  if (c === '\u001b') return { type: 'key', input: '', key: { escape: true } };
  const code = c.charCodeAt(0);
  // Ctrl-A … Ctrl-Z
  if (c.length === 1 && code >= 1 && code <= 26) return { type: 'key', input: String.fromCharCode(code + 96), key: { ctrl: true } };
  return { type: 'key', input: c, key: {} };
}

/**
 * Ctrl-C in an edit box: quits, but with a changed text it asks once more first (a long answer typed
 * and lost to one key, unsaid — before 2026-11-28 it quit at once and the exit summary did not mention it).
 */
function interruptEdit(state: ReviewState, mode: Extract<Mode, { kind: 'edit' }>): ReviewState {
  const changed = mode.target !== 'filter' && mode.buffer.text.trim() !== '' && mode.buffer.text !== mode.original;
  if (!changed || mode.confirm === 'quit') return { ...state, quit: true };
  return { ...state, mode: { ...mode, confirm: 'quit' }, message: `Ctrl-C again quits and throws away what you typed (${saveKeyOf(mode.buffer)} saves it, Esc cancels)` };
}

export function reviewReducer(state: ReviewState, action: ReviewAction): ReviewState {
  switch (action.type) {
    case 'notice':
      return { ...state, message: action.message };
    case 'quit':
      return { ...state, quit: true };
    case 'view-max': {
      // the full view's length is known: an offset from the end (End) becomes one from the top
      if (state.mode.kind !== 'view') return state;
      const offset = state.mode.offset;
      const top = offset > FROM_END ? Math.max(0, action.max - (END - offset)) : Math.min(offset, Math.max(0, action.max));
      return top === offset ? state : { ...state, mode: { kind: 'view', offset: top } };
    }
    case 'try-hits': {
      const mode = state.mode;
      if (mode.kind !== 'try') return state;
      const same = mode.hits !== undefined && mode.hits.length === action.ids.length && mode.hits.every((id, i) => id === action.ids[i]);
      return same ? state : { ...state, mode: { ...mode, hits: action.ids, pick: -1 } };
    }
    case 'page-size':
      return action.rows === state.pageSize ? state : { ...state, pageSize: Math.max(1, action.rows) };
    case 'reloaded': {
      const previous = visibleEntries(state);
      // entries the editor changed that kb generate gave a new id: the changes follow them
      const followed = followNewIds(action.entries, state.log, new Set(state.entries.map((e) => e.id)));
      const log = renameChanges(state.log, followed);
      const merged = mergeReload(action.entries, log);
      const notes = [`store changed on disk, reloaded (${merged.entries.length} entries)`];
      if (followed.size > 0) notes.push(`${followed.size} you changed ${followed.size === 1 ? 'has' : 'have'} a new id there (section renamed or file moved): your changes follow ${followed.size === 1 ? 'it' : 'them'}`);
      if (merged.reapplied > 0) notes.push(`${merged.reapplied} of your changes re-applied`);
      if (merged.conflicts > 0) notes.push(`${merged.conflicts} changed there since: kept`);
      if (merged.kept > 0) notes.push(`${merged.kept} gone there: yours kept`);
      const selected = state.selected === undefined ? undefined : (followed.get(state.selected) ?? state.selected);
      let next: ReviewState = { ...state, entries: merged.entries, log, undo: renameChanges(state.undo, followed), selected, message: notes.join('; ') };
      next = { ...next, ...editUnderReload(state, merged.entries) };
      const kept = keepSelection(next, previous);
      // if the editor's changes had to be applied again, the merged store must be saved
      return merged.dirty ? { ...kept, revision: kept.revision + 1 } : kept;
    }
    case 'key': {
      const { input, key } = action;
      const mode = state.mode;
      // keys typed faster than the screen reads them arrive together ("jja"): one at a time, except
      // in a text box, where several characters at once are a paste
      // Esc and a key pressed right after it arrive as one sequence, read as Alt+key: Esc, then the key
      if (key.meta === true && key.escape !== true && input !== '' && !key.upArrow && !key.downArrow && !key.leftArrow && !key.rightArrow) {
        return reviewReducer(reviewReducer(state, { type: 'key', input: '', key: { escape: true } }), { type: 'key', input, key: { ...key, meta: false } });
      }
      const chars = Array.from(input);
      if (chars.length > 1 && mode.kind !== 'edit' && mode.kind !== 'try' && mode.kind !== 'merge' && !Object.values(key).some((v) => v === true)) {
        return chars.reduce((s, c) => reviewReducer(s, typedKey(c)), state);
      }
      if (key.ctrl === true && input === 'c') return mode.kind === 'edit' ? interruptEdit(state, mode) : { ...state, quit: true };
      if (mode.kind === 'merge') return mergeKey(state, mode, input, key);
      if (mode.kind === 'try') return tryKey(state, mode, input, key);
      if (mode.kind === 'edit') return editKey(state, mode, input, key);
      if (mode.kind === 'help') return input === 'q' ? { ...state, quit: true } : { ...state, mode: { kind: 'list' } };
      if (mode.kind === 'view') return viewKey(state, mode.offset, input, key);
      return listKey(state, input, key);
    }
  }
}
