/**
 * A Q&A entry: what the store (kb/qa.jsonl) holds, what the index is built from and what a bot
 * gets back. The store's merge rules come with the generation stage; this is the shape.
 */

export type EntryOrigin = 'faq' | 'extracted' | 'generated' | 'manual' | 'section';
export type EntryStatus = 'pending' | 'approved' | 'rejected';

export interface EntrySource {
  path: string;
  headingPath: string[];
  page?: number;
}

export interface Entry {
  id: string;
  question: string;
  similar: string[];
  answer: string;
  source?: EntrySource;
  origin: EntryOrigin;
  status: EntryStatus;
  tags?: string[];
}
