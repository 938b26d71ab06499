import { createHash } from 'node:crypto';
import type { FaqRow } from '../ingest/document.js';

/**
 * A FAQ row's `sourceHash`: its id (from the table's id column; none for a table without one),
 * question, similar questions, answer and tags (its category levels). Here, apart from the rest of
 * generation, so that the store's merge can tell a row that only took another id (a vendor export
 * that gained an id column) from a row whose text changed.
 */
export function faqRowHash(row: Pick<FaqRow, 'question' | 'similar' | 'answer' | 'tags'> & { id?: string | undefined }): string {
  return createHash('sha256').update(JSON.stringify(['faq', row.id ?? null, row.question, row.similar, row.answer, row.tags])).digest('hex').slice(0, 16);
}
