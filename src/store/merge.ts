/**
 * Regeneration merges into the store (pure: no I/O). The rules, in the order they are checked for
 * each entry (docs/store.md):
 *
 * 1. A fresh entry with a new id is added (generated and extracted entries as `pending`, FAQ rows
 *    as their table says — `approved`).
 * 2. An entry whose source did not change (same `sourceHash`) is left exactly as it is: whatever an
 *    editor decided or wrote stays, and a re-run changes nothing it does not have to.
 * 3. An entry whose source changed and that nobody touched (`pending`, not `edited`) is replaced by
 *    the fresh one (its notes, tags and suggested questions kept).
 * 4. An entry whose source changed and that an editor approved, rejected or edited keeps the
 *    editor's status and the texts the editor rewrote (`editedFields`; all of them for an entry
 *    an older kb marked `edited` as a whole), takes the fresh text of the other fields, and is
 *    marked `stale: source-changed` for re-review (kb review shows it; approving clears it).
 * 5. An entry that this run did not produce although its source file was read (the section is
 *    gone or renamed), or whose source file no longer exists: if nobody touched it, it is removed
 *    and reported; otherwise it is kept and marked `stale: source-missing`.
 * 6. Everything else is kept untouched: manual entries, entries of files that failed to read this
 *    run, entries of files that were not part of this run but still exist.
 */
import { isEdited, isFieldEdited, type Entry } from './entry.js';

export interface MergeScope {
  /** Source paths this run read successfully (their sections are all in `fresh`). */
  read: ReadonlySet<string>;
  /** Source paths that no longer exist on disk. */
  missing: ReadonlySet<string>;
}

export interface MergeReport {
  added: string[];
  /** Untouched entries whose source changed: replaced by the fresh version. */
  updated: string[];
  unchanged: number;
  /** Reviewed or edited entries whose source changed: kept, marked for re-review. */
  sourceChanged: string[];
  /** Reviewed or edited entries whose section or file vanished: kept, marked for re-review. */
  sourceMissing: string[];
  /** Untouched entries whose section or file vanished: removed. */
  removed: string[];
  /** Source files whose entries are all gone from the sources (kept or removed as above). */
  vanishedFiles: string[];
  /** Entries left alone because their file was not part of this run (or failed to read). */
  outOfScope: number;
}

const touched = (e: Entry): boolean => e.status !== 'pending' || isEdited(e);

function withEditorExtras(fresh: Entry, old: Entry): Entry {
  const out: Entry = { ...fresh };
  if (old.notes !== undefined) out.notes = old.notes;
  if (old.tags !== undefined && fresh.tags === undefined) out.tags = old.tags;
  if (old.suggested !== undefined) out.suggested = old.suggested;
  return out;
}

/** Merge freshly generated entries into the store's entries. Returns the new store and what happened. */
export function mergeEntries(store: readonly Entry[], fresh: readonly Entry[], scope: MergeScope): { entries: Entry[]; report: MergeReport } {
  const report: MergeReport = { added: [], updated: [], unchanged: 0, sourceChanged: [], sourceMissing: [], removed: [], vanishedFiles: [], outOfScope: 0 };
  const freshById = new Map(fresh.map((e) => [e.id, e]));
  const out: Entry[] = [];
  const seen = new Set<string>();
  for (const old of store) {
    seen.add(old.id);
    const next = freshById.get(old.id);
    if (next !== undefined) {
      if (old.sourceHash !== undefined && old.sourceHash === next.sourceHash) {
        report.unchanged++;
        out.push(old);
      } else if (!touched(old)) {
        report.updated.push(old.id);
        out.push(withEditorExtras(next, old));
      } else {
        report.sourceChanged.push(old.id);
        const kept: Entry = { ...old, stale: 'source-changed' };
        // the new source text for every field the editor did not rewrite (an older store's
        // whole-entry `edited` keeps them all)
        if (!isFieldEdited(old, 'question')) {
          kept.question = next.question;
          if (next.rule !== undefined) kept.rule = next.rule;
          else delete kept.rule;
        }
        if (!isFieldEdited(old, 'similar')) kept.similar = next.similar;
        if (!isFieldEdited(old, 'answer')) kept.answer = next.answer;
        if (next.source !== undefined) kept.source = next.source;
        if (next.sourceHash !== undefined) kept.sourceHash = next.sourceHash;
        out.push(kept);
      }
      continue;
    }
    const path = old.source?.path;
    const gone = path !== undefined && old.origin !== 'manual' && (scope.read.has(path) || scope.missing.has(path));
    if (!gone) {
      report.outOfScope++;
      out.push(old);
    } else if (!touched(old)) report.removed.push(old.id);
    else {
      report.sourceMissing.push(old.id);
      out.push({ ...old, stale: 'source-missing' });
    }
  }
  for (const e of fresh) {
    if (seen.has(e.id)) continue;
    report.added.push(e.id);
    out.push(e);
  }
  const freshPaths = new Set(fresh.flatMap((e) => (e.source !== undefined ? [e.source.path] : [])));
  report.vanishedFiles = [...new Set(store.flatMap((e) => (e.source !== undefined && e.origin !== 'manual' && scope.missing.has(e.source.path) && !freshPaths.has(e.source.path) ? [e.source.path] : [])))].sort();
  return { entries: out, report };
}
