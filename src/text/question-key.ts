/**
 * The form in which two questions (or answers) count as the same when kb looks for duplicates:
 * a FAQ table that asks a question twice (src/ingest/formats/table.ts), a store with two entries
 * for one question (`kb build`). NFKC (full-width forms), case, spaces and closing punctuation are
 * ignored, so `运费多少？` and `运费 多少` are one question.
 */
export function questionKey(question: string): string {
  return question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/gu, '')
    .replace(/[?？!！。.，,、~～…]+$/u, '');
}

/** An answer as compared for duplicates: NFKC, spaces collapsed, trimmed. */
export function answerKey(answer: string): string {
  return answer.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}
