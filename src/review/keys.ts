/**
 * The review screen's keys, in one table: the `?` help screen (`helpLines`) and the keys table of
 * docs/review.md (`docsKeyTable`, checked by keys.test.ts) are both made from it, so they list the
 * same keys. The reducer (reducer.ts) is what the keys do.
 */
import { displayWidth } from './width.js';

export interface KeyRow {
  /** The keys as the editor presses them. */
  keys: string;
  /** One short line for the help screen (it fits 80 columns with the keys). */
  help: string;
  /** The docs' description (markdown). */
  does: string;
}

export const KEYS: readonly KeyRow[] = [
  { keys: '↑ ↓ k j PgUp PgDn Home End', help: 'move in the list', does: 'move in the list' },
  { keys: 'n', help: 'next entry to review (pending, source changed, suggestions)', does: 'next entry to review (pending, or its source changed, or with suggested questions to accept or dismiss), wrapping around' },
  {
    keys: 'a r',
    help: 'approve / reject (both clear "source changed"), then next',
    does: 'approve / reject — both clear "source changed" (the editor has seen the entry as its source is now) and move to the next entry (a rejected entry stays in the store; `kb build` leaves it out). An entry without an answer (a `kb gaps` draft) is not approved: write the answer first',
  },
  { keys: 'p', help: 'back to pending', does: 'back to pending' },
  {
    keys: 'e',
    help: 'edit the question (Enter saves, Esc cancels)',
    does: 'edit the question (Enter saves, Esc cancels; with the text changed, Esc asks once more). A changed question drops the similar questions kb made from the old one (below)',
  },
  { keys: 'E', help: 'edit the answer (Enter: new line; Ctrl-S saves; Esc cancels)', does: 'edit the answer: Enter is a new line, **Ctrl-S saves**, Esc cancels (with the text changed, Esc asks once more; `u` then brings the discarded text back)' },
  { keys: 's', help: 'add a similar question', does: 'add a similar question (a question the entry already has is refused)' },
  { keys: 'Tab Shift-Tab', help: 'select a similar or suggested question', does: 'select a similar or suggested question in the detail pane' },
  { keys: 'd', help: 'delete the selected similar question / dismiss a suggestion', does: 'delete the selected similar question, or dismiss the selected suggestion (the section’s place line asks first: `d` again deletes it)' },
  { keys: 'y', help: 'accept the selected suggestion (none selected: the first)', does: 'accept the selected suggested question (none selected: the first) into the similar questions; on a similar question kb wrote for a FAQ row (`--faq-similar`, marked `(kb wrote it: y accepts)`), make it the team\'s (it stays through regeneration, docs/store.md)' },
  {
    keys: 'g',
    help: 'regenerate the similar questions from the question (u undoes)',
    does: 'regenerate the similar questions from the current question (replaces them; `u` undoes) — after editing a question, this gives variants of the new wording',
  },
  {
    keys: 'm',
    help: 'merge a kb gaps draft into an entry: its questions move there',
    does: 'merge a `kb gaps` draft into an existing entry: find the entry by its words or id (the box opens on the nearest entry kb gaps named), ↑ ↓ pick, Enter: the draft\'s questions become the entry\'s similar questions, the entry goes back to pending, the draft is rejected (`u` undoes both)',
  },
  { keys: 'u', help: 'undo the last change; again for the one before', does: 'undo the last change; again for the one before (undoing is a change too: it is saved). Right after an edit was discarded with Esc, it opens that edit again instead' },
  { keys: 'v Enter', help: 'the whole entry: ↑ ↓ PgUp PgDn Space Home End scroll, Esc back', does: 'view the whole entry full width (long answers): ↑ ↓ PgUp PgDn Space Home End scroll, Esc back' },
  { keys: 't', help: 'try it: a customer question, its hits (↓ Enter: go to one)', does: '**try it**: type a customer question; the entries it hits, best first; ↓ ↑ pick one, Enter goes to it' },
  { keys: 'f o ! S /', help: 'filter: status, origin, stale, with suggestions, words', does: 'filter by status (cycles) / origin (cycles) / stale only / with suggested questions only (kb eval --suggest) / words (in the id, questions, answer, source)' },
  { keys: 'Esc', help: 'unselect the selected question; none selected: clear the filters', does: 'unselect the selected similar or suggested question; with none selected, clear the filters' },
  { keys: '? / q Ctrl-C', help: 'this help (any key goes back) / quit (every change is saved)', does: 'help (any key goes back; `q` quits) / quit — Ctrl-C in an edit box whose text you changed asks first (`Ctrl-C again quits and throws away what you typed (Ctrl-S saves it, Esc cancels)`; before 2026-11-28 the text was lost to one key, unsaid)' },
];

/** The help screen's key lines: the keys in a column, then what they do (each fits 79 columns). */
export function helpKeyLines(): string[] {
  // a key list longer than the column (the first row's) takes the room its short help leaves
  const column = 15;
  return KEYS.map((k) => `${k.keys}${' '.repeat(Math.max(2, column - displayWidth(k.keys)))}${k.help}`);
}

/** The keys table of docs/review.md, as markdown lines. */
export function docsKeyTable(): string[] {
  return ['| key | does |', '|---|---|', ...KEYS.map((k) => `| ${k.keys} | ${k.does} |`)];
}
