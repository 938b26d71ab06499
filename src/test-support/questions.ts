/** What the generation tests read: each section's questions by its last heading. */
import type { Document } from '../ingest/document.js';
import { generateEntries } from '../generate/index.js';

/**
 * The sections' questions (each entry's question, then its similar questions but the heading path,
 * none generated as paraphrases) by the last heading of their path.
 */
export function questionsByHeading(documents: readonly Document[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of generateEntries(documents, { similar: 0 }).entries) {
    const heading = e.source?.headingPath.at(-1);
    if (heading !== undefined) out.set(heading, [e.question, ...e.similar.filter((q) => !q.includes(' / '))]);
  }
  return out;
}
