/**
 * Documents → entries. FAQ table rows become entries as they are; until generation lands, every
 * other section becomes one entry: its heading path is the question, its text the answer.
 */
import { basename } from 'node:path';
import { warning, type Problem } from '../core/problems.js';
import type { Document, Section } from '../ingest/document.js';
import type { Entry } from '../store/entry.js';

function sectionQuestion(doc: Document, section: Section): string {
  const path = section.headingPath.length > 0 ? section.headingPath : [doc.title];
  // the document title gives context to bare headings such as 第四十一条 or "Eligibility"
  return path[0] === doc.title ? path.join(' / ') : [doc.title, ...path].join(' / ');
}

export function entriesFromDocuments(documents: readonly Document[]): { entries: Entry[]; problems: Problem[] } {
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const doc of documents) {
    for (const section of doc.sections) {
      let id: string;
      let entry: Entry;
      if (section.faq !== undefined) {
        const row = section.faq;
        id = row.id ?? `faq-${basename(doc.path).replace(/\.[^.]+$/, '')}-${section.id.slice(0, 8)}`;
        entry = { id, question: row.question, similar: row.similar, answer: row.answer, origin: 'faq', status: 'approved' };
        if (row.tags.length > 0) entry.tags = row.tags;
      } else {
        id = `s-${section.id}`;
        entry = { id, question: sectionQuestion(doc, section), similar: [], answer: section.text, origin: 'generated', status: 'pending', rule: 'heading-path' };
      }
      const source: Entry['source'] = { path: doc.path, headingPath: section.headingPath };
      if (section.location.page !== undefined) source.page = section.location.page;
      entry.source = source;
      if (seen.has(id)) {
        problems.push(warning('bad-row', `duplicate entry id ${id}; the later one is skipped — give it a unique id`, { file: doc.path, location: section.location.line !== undefined ? { line: section.location.line } : {} }));
        continue;
      }
      seen.add(id);
      entries.push(entry);
    }
  }
  return { entries, problems };
}
