/**
 * The editor's change log, and how it survives a reload.
 *
 * Every change the editor makes is a `Change`: the entry before and after. The session keeps the
 * log for as long as `kb review` runs. When the store changes on disk under the reviewer (another
 * writer such as `kb generate` rewrote it), the new disk version is taken and the log is replayed
 * on it, field by field:
 *
 * - the disk already has the editor's value → nothing to do (the writer saw the change);
 * - the disk still has the value the editor changed → the writer had read the store before the
 *   change and wrote the old value back: the editor's value is applied again;
 * - the disk has a third value → somebody changed that field since: the disk wins (a conflict,
 *   counted and reported).
 *
 * A decision (status, staleness) is not replayed when the entry's source changed since the editor
 * made it (its `sourceHash` differs): the entry needs a new look. An entry the editor changed that
 * is gone from the disk version is kept as the editor left it (never silently dropped) — unless kb
 * generate gave it a new id (its section renamed, its file moved: followNewIds), where the
 * editor's changes follow it.
 */
import { EDITED_FIELDS, type Entry } from '../store/entry.js';
import { successorIn } from '../store/merge.js';

/** The fields an editor changes. */
export const EDITABLE_FIELDS = ['question', 'answer', 'similar', 'suggested', 'status', 'stale', 'edited', 'editedFields', 'addedSimilar', 'generatedSimilar', 'notes'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const DECISION_FIELDS: ReadonlySet<EditableField> = new Set(['status', 'stale']);

export interface Change {
  id: string;
  before: Entry;
  after: Entry;
  /** What the editor did, for messages (`approved`, `edited the question`, …). */
  label: string;
  /** `u` undoes the change before it too (a merge: the draft rejected and the entry that took its questions). */
  withPrevious?: boolean;
}

function normalized(entry: Entry, field: EditableField): unknown {
  const value = entry[field];
  if ((field === 'suggested' || field === 'editedFields' || field === 'addedSimilar' || field === 'generatedSimilar') && (value === undefined || (Array.isArray(value) && value.length === 0))) return undefined;
  if (field === 'edited' && value !== true) return undefined;
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function fieldEquals(a: Entry, b: Entry, field: EditableField): boolean {
  return same(normalized(a, field), normalized(b, field));
}

/** The editable fields a change changed. */
export function changedFields(change: Pick<Change, 'before' | 'after'>): EditableField[] {
  return EDITABLE_FIELDS.filter((f) => !fieldEquals(change.before, change.after, f));
}

/** `entry` with `field` set to the value it has in `from` (an absent optional field is removed). */
export function copyField(entry: Entry, from: Entry, field: EditableField): Entry {
  const out: Entry = { ...entry };
  const value = from[field];
  if (value === undefined) delete out[field];
  else (out as unknown as Record<string, unknown>)[field] = Array.isArray(value) ? [...(value as unknown[])] : value;
  return out;
}

export interface ReloadMerge {
  entries: Entry[];
  /**
   * The editor's changes applied again on the disk version: one per entry and kind of change (its
   * question, answer, similar questions, suggested questions, or its decision), counted only where
   * the disk's value differed from the editor's.
   */
  reapplied: number;
  /** Changes somebody else overrode after the editor made them (or decisions on a changed source): the disk version was kept. */
  conflicts: number;
  /** Entries the editor changed that were gone from the disk version, kept. */
  kept: number;
  /** The merge differs from the disk version: it must be saved. */
  dirty: boolean;
}

/** What an editable field counts as in a reload's message; `undefined`: goes with the text it marks. */
const FIELD_GROUP: Record<EditableField, string | undefined> = {
  question: 'question',
  answer: 'answer',
  similar: 'similar',
  suggested: 'suggested',
  status: 'decision',
  stale: 'decision',
  edited: undefined,
  editedFields: undefined,
  addedSimilar: undefined,
  generatedSimilar: undefined,
  // a draft merged in kb review says where its questions went
  notes: 'notes',
};

/**
 * The disk version with the editor's change log replayed on it (see the module comment). The log
 * is taken per entry and field, from the value before the editor's first change of it to the value
 * after the last: a field the editor changed twice, or changed and undid, is one change.
 */
export function mergeReload(disk: readonly Entry[], log: readonly Change[]): ReloadMerge {
  const byId = new Map(disk.map((e) => [e.id, e]));
  const changesOf = new Map<string, Change[]>();
  for (const change of log) changesOf.set(change.id, [...(changesOf.get(change.id) ?? []), change]);
  let reapplied = 0;
  let conflicts = 0;
  let kept = 0;
  let dirty = false;
  for (const [id, changes] of changesOf) {
    const last = changes[changes.length - 1] as Change;
    const current = byId.get(id);
    if (current === undefined) {
      kept++;
      dirty = true;
      byId.set(id, last.after);
      continue;
    }
    let entry = current;
    const applied = new Set<string>();
    const overridden = new Set<string>();
    for (const field of EDITABLE_FIELDS) {
      const touching = changes.filter((c) => !fieldEquals(c.before, c.after, field));
      const final = touching[touching.length - 1];
      if (final === undefined || fieldEquals(entry, final.after, field)) continue;
      const group = FIELD_GROUP[field];
      const mine = final.after.editedFields;
      const theirs = entry.editedFields;
      // every value the editor's own copy held before the last change of the field
      const older = touching.some((c) => fieldEquals(entry, c.before, field)) || touching.slice(0, -1).some((c) => fieldEquals(entry, c.after, field));
      if (field === 'editedFields' && mine !== undefined && theirs !== undefined && theirs.length > 0 && !older) {
        // the texts rewritten add up: another writer's marks and the editor's both hold
        const union = EDITED_FIELDS.filter((f) => theirs.includes(f) || mine.includes(f));
        if (!fieldEquals(entry, { ...entry, editedFields: union }, field)) dirty = true;
        entry = { ...entry, editedFields: union };
        continue;
      }
      if (older && !(group === 'decision' && entry.sourceHash !== last.after.sourceHash)) {
        entry = copyField(entry, final.after, field);
        dirty = true;
        if (group !== undefined) applied.add(group);
      } else if (group !== undefined) overridden.add(group);
    }
    reapplied += applied.size;
    conflicts += [...overridden].filter((g) => !applied.has(g)).length;
    byId.set(id, entry);
  }
  const entries = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, reapplied, conflicts, kept, dirty };
}

/**
 * The entries the editor changed that are gone from the disk version because kb generate gave them
 * a new id (a renamed section, a moved file: store/merge.ts successorIn, among the entries `known`
 * did not have), old id → new id. Kept under the old id, such an entry would come back beside the
 * new one that carries the same work; the log follows it instead (renameChanges).
 */
export function followNewIds(disk: readonly Entry[], log: readonly Change[], known: ReadonlySet<string>): Map<string, string> {
  const onDisk = new Set(disk.map((e) => e.id));
  const arrived = disk.filter((e) => !known.has(e.id));
  const last = new Map(log.map((c) => [c.id, c]));
  const followed = new Map<string, string>();
  if (arrived.length === 0) return followed;
  for (const [id, change] of last) {
    if (onDisk.has(id)) continue;
    const next = successorIn(change.after, arrived);
    if (next !== undefined && ![...followed.values()].includes(next.id)) followed.set(id, next.id);
  }
  return followed;
}

/** The changes with the entry ids `followed` maps (followNewIds) taken to their new ids. */
export function renameChanges(changes: readonly Change[], followed: ReadonlyMap<string, string>): Change[] {
  if (followed.size === 0) return [...changes];
  return changes.map((c) => {
    const id = followed.get(c.id);
    return id === undefined ? c : { ...c, id, before: { ...c.before, id }, after: { ...c.after, id } };
  });
}
