/**
 * A Q&A entry: what the store (kb/qa.jsonl) holds, what the index is built from and what a bot
 * gets back. The store's format and merge rules are in store.ts and merge.ts; see docs/store.md.
 */

/**
 * Where an entry came from: a FAQ table row (`faq`), a Q&A pair a document already contained
 * (`extracted`), a question kb wrote for a document section (`generated`), or an editor (`manual`).
 */
export type EntryOrigin = 'faq' | 'extracted' | 'generated' | 'manual';
export type EntryStatus = 'pending' | 'approved' | 'rejected';

export const ENTRY_ORIGINS: readonly EntryOrigin[] = ['faq', 'extracted', 'generated', 'manual'];
export const ENTRY_STATUSES: readonly EntryStatus[] = ['pending', 'approved', 'rejected'];

export interface EntrySource {
  /** The source file, as it was named to kb (relative to the working directory). */
  path: string;
  headingPath: string[];
  page?: number;
}

/** Why an entry needs another look although an editor may have approved it. */
export type Staleness = 'source-changed' | 'source-missing';

export interface Entry {
  id: string;
  question: string;
  similar: string[];
  answer: string;
  source?: EntrySource;
  origin: EntryOrigin;
  status: EntryStatus;
  /** sha256 (hex, first 16) of the section or row the entry was made from: tells when it changed. */
  sourceHash?: string;
  /** The generation rule that wrote the question (e.g. `heading`, `time-limit`, `llm`). */
  rule?: string;
  /** Set when the source changed or vanished since the entry was made or reviewed. */
  stale?: Staleness;
  /** An editor changed the question, answer or similar questions: regeneration keeps their text. */
  edited?: boolean;
  tags?: string[];
  notes?: string;
  /**
   * Similar questions proposed for this entry but not yet accepted (from `kb eval --suggest`: a
   * real customer question that missed this entry). An editor accepts them into `similar` in
   * `kb review` or the spreadsheet; the index never uses them until then.
   */
  suggested?: string[];
}
