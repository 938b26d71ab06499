/**
 * Which FAQ table rows get generated similar questions (`--faq-similar`, `faq-similar:` in
 * kb.config.yaml): `all` — every row up to `--similar` of kb's; `top-up` — a row only as many as its
 * written ones fall short of `--similar`; `none` (the default) — rows keep the team's alone. Kb's are
 * listed in the entry's `generatedSimilar` (docs/generate.md, "Similar questions", has the figures).
 */
import { teamSimilar, withGeneratedSimilar, type Entry } from '../store/entry.js';
import { entryContext, similarCandidates } from './similar.js';
import { questionKey } from './text.js';

export type FaqSimilarMode = 'none' | 'all' | 'top-up';
export const FAQ_SIMILAR_MODES: readonly FaqSimilarMode[] = ['none', 'all', 'top-up'];
export const DEFAULT_FAQ_SIMILAR: FaqSimilarMode = 'none';

/**
 * The kinds of similar questions a FAQ row gets: lexicon synonyms only. A row is written in the
 * customers' words already; the other kinds add no word to it (请问退货运费谁承担？, 我想问一下，…,
 * 如何 ↔ 怎么) and measured worse on real customers' paraphrases (docs/history/generate.md, "Similar questions": every kind against synonyms only).
 */
export const FAQ_SIMILAR_KINDS = ['synonym'] as const;

/**
 * A FAQ row an editor touched, whose source did not change, after `kb generate --all`: its similar
 * questions kb wrote (`generatedSimilar`) replaced by this run's (`fresh`: none with
 * `--faq-similar none`), the team's and the editor's kept where they were. Merge rule 2 keeps such a
 * row whole, so before 2026-11-27 turning the option off took kb's questions off the rows nobody
 * touched only. `total` (`--faq-similar top-up`): the row's similar questions, the team's and the
 * editor's counted, are made up to it, no more. Unchanged for an entry that is not a FAQ row.
 */
export function withFreshKbSimilar(e: Entry, fresh: readonly string[], total = Infinity): Entry {
  if (e.origin !== 'faq') return e;
  const team = teamSimilar(e);
  const seen = new Set(team.map(questionKey));
  const added = fresh.filter((q) => !seen.has(questionKey(q)) && seen.add(questionKey(q)) !== undefined).slice(0, Math.max(0, total - team.length));
  return withGeneratedSimilar({ ...e, similar: [...team, ...added] }, added);
}

/**
 * Whether a store's FAQ rows are behind a `faq-similar` setting (kb build reads the store as it is, and
 * kb generate without --all leaves unchanged rows as they are): with `none`, the rows that carry
 * questions kb wrote; with `all` or `top-up`, when no row has any — the store was generated without the
 * setting — the rows it would give some (`top-up`: those with fewer than `similar` of their own; `gives`:
 * whether generation gives a row any, by default whether the lexicon has a synonym for its question —
 * a store of rows it has none for is not behind: before 2026-11-27 such a store, generated with the
 * setting, was said to be generated without it on every build). Rejected rows and rows whose source is
 * gone are not counted.
 */
export function faqRowsBehind(entries: readonly Entry[], mode: FaqSimilarMode, similar: number, gives: (e: Entry) => boolean = lexiconGives): string[] {
  const rows = entries.filter((e) => e.origin === 'faq' && e.status !== 'rejected' && e.stale !== 'source-missing');
  if (mode === 'none') return rows.filter((e) => (e.generatedSimilar ?? []).length > 0).map((e) => e.id);
  if (rows.some((e) => (e.generatedSimilar ?? []).length > 0)) return [];
  return rows.filter((e) => (mode === 'all' || teamSimilar(e).length < similar) && gives(e)).map((e) => e.id);
}

/** Whether the lexicon offers a FAQ row's question a synonym variant it does not have yet (what `faq-similar` gives a row, before the quality gate). */
export function lexiconGives(e: Entry): boolean {
  const seen = new Set([e.question, ...e.similar].map(questionKey));
  return similarCandidates(e.question, { kinds: FAQ_SIMILAR_KINDS, context: entryContext(e) }).some((q) => !seen.has(questionKey(q)));
}

/** What to say about rows behind a `faq-similar` setting (`from`: where it is set): what they lack or carry, and the command that applies it. */
export function faqRowsBehindMessage(ids: readonly string[], mode: FaqSimilarMode, from: string): string {
  const n = ids.length === 1 ? '1 FAQ row' : `${ids.length} FAQ rows`;
  return mode === 'none'
    ? `${n} ${ids.length === 1 ? 'carries' : 'carry'} similar questions kb wrote, which ${from} does not give; run kb generate --all to take them off`
    : `${from} is not applied to ${ids.length === 1 ? "the store's FAQ row" : `the store's ${ids.length} FAQ rows`} (none has similar questions kb wrote: the store was generated without it); run kb generate --all to apply it`;
}
