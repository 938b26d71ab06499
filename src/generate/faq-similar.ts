/**
 * Which FAQ table rows get generated similar questions (`--faq-similar`, `faq-similar:` in
 * kb.config.yaml): `all` — every row up to `--similar` of kb's; `top-up` — a row only as many as its
 * written ones fall short of `--similar`; `none` (the default) — rows keep the team's alone. Kb's are
 * listed in the entry's `generatedSimilar` (docs/generate.md, "Similar questions", has the figures).
 */
export type FaqSimilarMode = 'none' | 'all' | 'top-up';
export const FAQ_SIMILAR_MODES: readonly FaqSimilarMode[] = ['none', 'all', 'top-up'];
export const DEFAULT_FAQ_SIMILAR: FaqSimilarMode = 'none';

/**
 * The kinds of similar questions a FAQ row gets: lexicon synonyms only. A row is written in the
 * customers' words already; the other kinds add no word to it (请问退货运费谁承担？, 我想问一下，…,
 * 如何 ↔ 怎么) and measured worse on real customers' paraphrases (docs/generate.md).
 */
export const FAQ_SIMILAR_KINDS = ['synonym'] as const;
