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
 * is gone from the disk version is kept as the editor left it (never silently dropped).
 */
import { EDITED_FIELDS, type Entry } from '../store/entry.js';

/** The fields an editor changes. */
export const EDITABLE_FIELDS = ['question', 'answer', 'similar', 'suggested', 'status', 'stale', 'edited', 'editedFields'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const DECISION_FIELDS: ReadonlySet<EditableField> = new Set(['status', 'stale']);

export interface Change {
  id: string;
  before: Entry;
  after: Entry;
  /** What the editor did, for messages (`approved`, `edited the question`, …). */
  label: string;
}

function normalized(entry: Entry, field: EditableField): unknown {
  const value = entry[field];
  if ((field === 'suggested' || field === 'editedFields') && (value === undefined || (Array.isArray(value) && value.length === 0))) return undefined;
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
  /** Field values of the editor applied again on the disk version. */
  reapplied: number;
  /** Fields somebody else changed after the editor did: the disk version was kept. */
  conflicts: number;
  /** Entries the editor changed that were gone from the disk version, kept. */
  kept: number;
}

/** The disk version with the editor's change log replayed on it (see the module comment). */
export function mergeReload(disk: readonly Entry[], log: readonly Change[]): ReloadMerge {
  const byId = new Map(disk.map((e) => [e.id, e]));
  let reapplied = 0;
  let conflicts = 0;
  let kept = 0;
  const keptIds = new Set<string>();
  for (const change of log) {
    const current = byId.get(change.id);
    if (current === undefined || keptIds.has(change.id)) {
      if (current === undefined) {
        kept++;
        keptIds.add(change.id);
      }
      byId.set(change.id, change.after);
      continue;
    }
    let entry = current;
    for (const field of changedFields(change)) {
      if (fieldEquals(entry, change.after, field)) continue;
      const mine = change.after.editedFields;
      const theirs = entry.editedFields;
      if (field === 'editedFields' && mine !== undefined && theirs !== undefined && theirs.length > 0 && !fieldEquals(entry, change.before, field)) {
        // the texts rewritten add up: another writer's marks and the editor's both hold
        entry = { ...entry, editedFields: EDITED_FIELDS.filter((f) => theirs.includes(f) || mine.includes(f)) };
        continue;
      }
      if (fieldEquals(entry, change.before, field)) {
        if (DECISION_FIELDS.has(field) && entry.sourceHash !== change.before.sourceHash) {
          conflicts++;
          continue;
        }
        entry = copyField(entry, change.after, field);
        // which texts were rewritten goes with the text itself: not a change of its own to count
        if (field !== 'editedFields') reapplied++;
      } else {
        conflicts++;
      }
    }
    byId.set(change.id, entry);
  }
  const entries = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, reapplied, conflicts, kept };
}
