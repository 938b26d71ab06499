/**
 * `kb eval --suggest`: a failing case whose expected entry is in the store is proposed as a new
 * similar question of that entry, in the entry's `suggested` list (never `similar`: an editor
 * accepts it in review). Pure: takes and returns store entries.
 */
import type { Entry } from '../store/entry.js';
import type { CaseResult } from './run.js';
import type { CaseVerdict } from './summary.js';

export interface Suggestion {
  id: string;
  question: string;
  file: string;
  line: number;
}

export interface SuggestResult {
  /** The store's entries with the proposals added (unchanged entries are the same objects). */
  entries: Entry[];
  proposed: Suggestion[];
  /** Failing cases already known to their entry (question, similar or suggested). */
  known: number;
  /** Failing cases whose expected ids are not in the store (or that expect a source, not an id). */
  unmatched: number;
}

const norm = (s: string): string => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

export function suggestFromFailures(cases: readonly CaseResult[], verdicts: readonly CaseVerdict[], store: readonly Entry[]): SuggestResult {
  const byId = new Map(store.map((e) => [e.id, e]));
  const changed = new Map<string, Entry>();
  const proposed: Suggestion[] = [];
  let known = 0;
  let unmatched = 0;
  cases.forEach((c, i) => {
    const v = verdicts[i];
    // an expected id the index lacks is a suite or build problem, not a question to teach the entry
    if (v?.verdict !== 'fail' || v.reason === 'false-answer' || v.reason === 'unknown-entry') return;
    const id = (c.expectIds ?? []).find((x) => byId.has(x));
    if (id === undefined) {
      unmatched++;
      return;
    }
    const entry = changed.get(id) ?? (byId.get(id) as Entry);
    const q = c.q.trim();
    const have = [entry.question, ...entry.similar, ...(entry.suggested ?? [])].map(norm);
    if (have.includes(norm(q))) {
      known++;
      return;
    }
    changed.set(id, { ...entry, suggested: [...(entry.suggested ?? []), q] });
    proposed.push({ id, question: q, file: c.file, line: c.line });
  });
  return { entries: store.map((e) => changed.get(e.id) ?? e), proposed, known, unmatched };
}
