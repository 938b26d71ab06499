/**
 * A Q&A entry: what the store (kb/qa.jsonl) holds, what the index is built from and what a bot
 * gets back. The store's format and merge rules are in store.ts and merge.ts; see docs/store.md.
 */

/**
 * Where an entry came from: a FAQ table row (`faq`), a Q&A pair a document already contained
 * (`extracted`), a question kb wrote for a document section (`generated`), or an editor (`manual`).
 */
export type EntryOrigin = 'faq' | 'extracted' | 'generated' | 'manual';
export type EntryStatus = 'pending' | 'approved' | 'rejected';

export const ENTRY_ORIGINS: readonly EntryOrigin[] = ['faq', 'extracted', 'generated', 'manual'];
export const ENTRY_STATUSES: readonly EntryStatus[] = ['pending', 'approved', 'rejected'];

/** The texts of an entry an editor can rewrite; regeneration keeps the ones they did (docs/store.md). */
export type EditedField = 'question' | 'similar' | 'answer';
export const EDITED_FIELDS: readonly EditedField[] = ['question', 'similar', 'answer'];

export interface EntrySource {
  /** The source file, relative to the working directory (`sources/a.md`, or `../docs/a.md` beside it), `/`-separated: the same on every machine. */
  path: string;
  headingPath: string[];
  page?: number;
}

/** Why an entry needs another look although an editor may have approved it. */
export type Staleness = 'source-changed' | 'source-missing';

export interface Entry {
  id: string;
  question: string;
  similar: string[];
  answer: string;
  source?: EntrySource;
  origin: EntryOrigin;
  status: EntryStatus;
  /** sha256 (hex, first 16) of the section or row the entry was made from: tells when it changed. */
  sourceHash?: string;
  /** The generation rule that wrote the question (e.g. `heading`, `time-limit`, `llm`). */
  rule?: string;
  /** Set when the source changed or vanished since the entry was made or reviewed. */
  stale?: Staleness;
  /**
   * With `stale: source-changed`: the `sourceHash` the editor last reviewed or edited the entry
   * against. When the source goes back to that text (a policy change reverted), `kb generate` clears
   * the mark: the editor has already seen it. Dropped with the mark.
   */
  reviewedHash?: string;
  /**
   * An editor changed the question, answer or similar questions. With `editedFields`, regeneration
   * keeps the editor's text of those fields only; without it (stores written before kb tracked
   * edits per field) it keeps the whole entry's text.
   */
  edited?: boolean;
  /** Which texts an editor changed (`question`, `similar`, `answer`): regeneration keeps these, takes the others from the source. */
  editedFields?: EditedField[];
  /**
   * Similar questions an editor added or accepted (a suggestion), each also in `similar`, when the
   * editor did not otherwise change the list: regeneration replaces the generated similar questions
   * with the fresh ones and keeps these. (A list the editor pruned or regenerated is `editedFields:
   * similar`, kept whole.)
   */
  addedSimilar?: string[];
  /**
   * Of the similar questions of a FAQ row or an editor's entry (origin `faq`, `manual`: their
   * similar questions are the team's), those kb generated (`--faq-similar`), each also in `similar`.
   * They are matched like the others but teach the index nothing (no learned associations, no
   * calibration: src/build/build-index.ts), and regeneration replaces them with the fresh ones.
   * An editor who edits or accepts one makes it the team's: it leaves this list. Absent in stores
   * written before kb tracked it: every similar question of such an entry is the team's.
   */
  generatedSimilar?: string[];
  tags?: string[];
  notes?: string;
  /**
   * Similar questions proposed for this entry but not yet accepted (from `kb eval --suggest`: a
   * real customer question that missed this entry). An editor accepts them into `similar` in
   * `kb review` or the spreadsheet; the index never uses them until then.
   */
  suggested?: string[];
}

/** The origins whose similar questions the team wrote (but for `generatedSimilar`). */
const TEAM_SIMILAR: ReadonlySet<EntryOrigin> = new Set<EntryOrigin>(['faq', 'manual']);

/**
 * Whether kb generated this similar question of the entry: listed in `generatedSimilar` of a FAQ row
 * or an editor's entry; of a generated or extracted entry, any but those an editor added
 * (`addedSimilar`) — all of them when the editor rewrote the list, whose origin per question is
 * not known.
 */
export function kbWroteSimilar(e: Entry, question: string): boolean {
  if (TEAM_SIMILAR.has(e.origin)) return (e.generatedSimilar ?? []).includes(question);
  return !(e.addedSimilar ?? []).includes(question);
}

/** The similar questions the team wrote of a FAQ row or an editor's entry (all of them but `generatedSimilar`); none of other entries. */
export function teamSimilar(e: Entry): string[] {
  if (!TEAM_SIMILAR.has(e.origin)) return [];
  const generated = new Set(e.generatedSimilar ?? []);
  return generated.size === 0 ? e.similar : e.similar.filter((q) => !generated.has(q));
}

/**
 * The entry with the similar questions kb generated that are still in its list (a question an
 * editor deleted or rewrote is no longer kb's); `generatedSimilar` dropped when none is left.
 */
export function withGeneratedSimilar(e: Entry, generated: readonly string[]): Entry {
  const inList = new Set(e.similar);
  const still = [...new Set(generated.filter((q) => inList.has(q)))];
  const out: Entry = { ...e };
  if (still.length > 0 && TEAM_SIMILAR.has(e.origin)) out.generatedSimilar = still;
  else delete out.generatedSimilar;
  return out;
}

/**
 * The entry with a similar question kb generated for it (`generatedSimilar`) accepted by an editor
 * (kb review `y`, the spreadsheet's `kb similar` cell): it is the team's now, and, like one they
 * added (`addedSimilar`), stays through regeneration. Unchanged when kb did not write `question`.
 */
export function acceptGeneratedSimilar(e: Entry, question: string): Entry {
  if (!TEAM_SIMILAR.has(e.origin) || !(e.generatedSimilar ?? []).includes(question)) return e;
  const out = withGeneratedSimilar(e, (e.generatedSimilar ?? []).filter((q) => q !== question));
  // a list already the editor's keeps every question it has: nothing to add
  if (!isFieldEdited(e, 'similar')) out.addedSimilar = [...new Set([...(e.addedSimilar ?? []), question])];
  return out;
}

/** An editor changed some text of the entry (or, in an older store, the entry as a whole). */
export function isEdited(e: Entry): boolean {
  return e.edited === true || (e.editedFields !== undefined && e.editedFields.length > 0) || (e.addedSimilar ?? []).length > 0;
}

/** Whether the entry's edits are tracked per field (else an `edited` entry is the editor's as a whole). */
function editsPerField(e: Entry): boolean {
  return (e.editedFields !== undefined && e.editedFields.length > 0) || (e.addedSimilar ?? []).length > 0;
}

/**
 * Whether an editor wrote this field's text, so that regeneration must keep it. An entry marked
 * `edited` without `editedFields` (written by a kb that tracked edits per entry) keeps every field.
 */
export function isFieldEdited(e: Entry, field: EditedField): boolean {
  if (editsPerField(e)) return (e.editedFields ?? []).includes(field);
  return e.edited === true;
}

/**
 * The entry marked as edited in `fields` (added to the fields already edited, in the store's
 * order). An entry marked edited as a whole (an older store) stays so: which of its fields the
 * editor changed is not known, so all of them stay the editor's.
 */
export function markEdited(e: Entry, fields: readonly EditedField[]): Entry {
  if (fields.length === 0) return e;
  if (e.edited === true && !editsPerField(e)) return e;
  const all = new Set([...(e.editedFields ?? []), ...fields]);
  const out: Entry = { ...e, edited: true, editedFields: EDITED_FIELDS.filter((f) => all.has(f)) };
  // the whole list is the editor's now: no need to tell their questions from the generated ones
  if (all.has('similar')) delete out.addedSimilar;
  return out;
}

/**
 * The entry with the similar questions an editor set (kb review, kb import). When the editor only
 * added questions (or removed ones they had added), the generated ones stay the source's: the new
 * ones are listed in `addedSimilar`, and regeneration keeps them beside the fresh generated ones.
 * Any other change (a generated question deleted, the list reordered or regenerated) makes the
 * whole list the editor's (`editedFields: similar`), as does a list already the editor's.
 */
export function withEditorSimilar(e: Entry, similar: readonly string[]): Entry {
  const next = [...similar];
  if (isFieldEdited(e, 'similar')) return markEdited({ ...e, similar: next }, ['similar']);
  const own = new Set(e.addedSimilar ?? []);
  const stays = new Set(next);
  const before = new Set(e.similar);
  const kept = e.similar.filter((q) => stays.has(q));
  const onlyAdded = e.similar.every((q) => stays.has(q) || own.has(q)) && JSON.stringify(next.filter((q) => before.has(q))) === JSON.stringify(kept);
  if (!onlyAdded) return markEdited({ ...e, similar: next }, ['similar']);
  const added = [...new Set([...(e.addedSimilar ?? []).filter((q) => stays.has(q)), ...next.filter((q) => !before.has(q))])];
  const out: Entry = { ...e, similar: next };
  if (added.length > 0) out.addedSimilar = added;
  else delete out.addedSimilar;
  return out;
}

/**
 * The similar questions of an entry whose source changed: the editor's list when they rewrote it,
 * else the fresh generated ones followed by those the editor added (`addedSimilar`).
 */
export function followedSimilar(e: Entry, fresh: readonly string[]): string[] {
  if (isFieldEdited(e, 'similar')) return e.similar;
  return [...new Set([...fresh, ...(e.addedSimilar ?? [])])];
}

/**
 * Whether an entry with no answer lost the one it had — kb made it from a source (a FAQ row, a
 * document section: they always come with an answer), or an editor rewrote its answer — as against
 * a draft with no answer yet (a kb gaps draft, a row an editor added). kb build names the two apart.
 */
export function lostItsAnswer(e: Entry): boolean {
  return e.answer.trim() === '' && (e.origin !== 'manual' || isFieldEdited(e, 'answer'));
}

/**
 * Whether `next`, an edit of `old`, takes away an answer the bot gives: `old` has one, `next` has
 * none and is not rejected — taking an entry out of the index is what rejecting it is for. kb
 * import refuses such a row (src/review/exchange.ts). That includes a rejected entry brought back
 * (approved, pending) with its answer emptied: it would come back answering nothing, left out of
 * the index without a word (before 2026-11-27 such a row was imported).
 */
export function emptiesLiveAnswer(old: Entry, next: Entry): boolean {
  return old.answer.trim() !== '' && next.answer.trim() === '' && next.status !== 'rejected';
}
