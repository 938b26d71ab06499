/**
 * `kb eval --suggest`: a failing case whose expected entry is in the store is proposed as a new
 * similar question of that entry, in the entry's `suggested` list (never `similar`: an editor
 * accepts it in review). The entry is the expected one the search ranked highest — of the ids the
 * case names and the store's entries from the `{source, section}`s it names — else the first id it
 * names, else the only entry of its source. Pure: takes and returns store entries.
 */
import { chatQuestion } from '../analyze/chat-text.js';
import type { Entry } from '../store/entry.js';
import { entriesBySourceKey, hitMatches, sourceKey } from './metrics.js';
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
  /** Failing cases whose expected ids or sources are not in the store. */
  unmatched: number;
  /** Failing cases that expect a source (or section) several entries of the store come from, none of them ranked: name the entry by id to get a proposal. */
  ambiguous: number;
}

const norm = (s: string): string => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

export function suggestFromFailures(cases: readonly CaseResult[], verdicts: readonly CaseVerdict[], store: readonly Entry[]): SuggestResult {
  const byId = new Map(store.map((e) => [e.id, e]));
  // entries by source file, for cases that expect {source, section}; rejected ones take no proposals
  const byFile = entriesBySourceKey(store.filter((e) => e.status !== 'rejected'));
  const changed = new Map<string, Entry>();
  const proposed: Suggestion[] = [];
  let known = 0;
  let unmatched = 0;
  let ambiguous = 0;
  cases.forEach((c, i) => {
    const v = verdicts[i];
    // an expected id the index lacks is a suite or build problem, not a question to teach the entry
    if (v?.verdict !== 'fail' || v.reason === 'false-answer' || v.reason === 'unknown-entry') return;
    // every entry the case expects: the ids the store has, and the entries of the sources it names
    const named = (c.expectIds ?? []).filter((x) => byId.has(x));
    const fromSources = new Set((c.expectSources ?? []).flatMap((x) => (byFile.get(sourceKey(x.source)) ?? []).filter((e) => hitMatches(e, x))).map((e) => e.id));
    const expected = new Set([...named, ...fromSources]);
    // the one the search ranked highest (a right answer below rank 1 or below the threshold) — of a
    // list too: [K1022, {source, section}] teaches the entry the customer's question came nearest
    // to; else the first id listed, else a source's only entry
    const id = c.top.find((h) => expected.has(h.id))?.id ?? named[0] ?? (fromSources.size === 1 ? [...fromSources][0] : undefined);
    if (id === undefined) {
      if (fromSources.size > 1) ambiguous++;
      else unmatched++;
      return;
    }
    const entry = changed.get(id) ?? (byId.get(id) as Entry);
    // the question without what a chat adds around it (亲，…, emoji, 急！！, 谢谢), as an editor would write it
    const q = chatQuestion(c.q, { thanks: false }) || c.q.trim();
    const have = [entry.question, ...entry.similar, ...(entry.suggested ?? [])].map(norm);
    if (have.includes(norm(q))) {
      known++;
      return;
    }
    changed.set(id, { ...entry, suggested: [...(entry.suggested ?? []), q] });
    proposed.push({ id, question: q, file: c.file, line: c.line });
  });
  return { entries: store.map((e) => changed.get(e.id) ?? e), proposed, known, unmatched, ambiguous };
}
