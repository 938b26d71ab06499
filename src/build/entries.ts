/**
 * Documents → entries, through the generation stage (src/generate): FAQ table rows as they are,
 * Q&A pairs a document contains extracted, generated questions for every other section, and
 * similar questions for the entries kb made (`similar`, default 5; 0 = none; FAQ rows keep their own).
 */
import type { Problem } from '../core/problems.js';
import type { Document } from '../ingest/document.js';
import type { Entry } from '../store/entry.js';
import { generateEntries, type GenerationOptions, type GenerationStats } from '../generate/index.js';

export function entriesFromDocuments(documents: readonly Document[], options: GenerationOptions = {}): { entries: Entry[]; problems: Problem[]; stats: GenerationStats } {
  const { entries, problems, stats } = generateEntries(documents, options);
  return { entries, problems, stats }; // without the generator's working items
}
