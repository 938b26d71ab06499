/**
 * The form in which two questions (or answers) count as the same: when kb deduplicates the
 * questions it generates (src/generate), and when it looks for a FAQ table that asks a question
 * twice (src/ingest/formats/table.ts) or a store with two entries for one question (`kb build`).
 * NFKC (full-width forms), case, spaces, punctuation and symbols are ignored, so `运费多少？` and
 * `运费 多少` are one question.
 */
export function questionKey(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** An answer as compared for duplicates: NFKC, spaces collapsed, trimmed. */
export function answerKey(answer: string): string {
  return answer.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
