/**
 * Why sources that were read gave no entry, for kb generate's and kb build's error. Before, both
 * said "none of the sources gave any text … check the paths" for a file kb ingest reads: a title
 * over its update line (# 保修政策 / 更新时间：2025-04-20), which generation drops as a revision note.
 */
import type { Document } from '../ingest/document.js';
import { isDocumentIntro, isRevisionNote } from './index.js';

/** The sentence after "no entries: ", saying what was read and why it made no entry, and what to do. */
export function noEntriesReason(documents: readonly Document[]): string {
  const read = documents.length === 1 ? (documents[0]?.path ?? '') : `${documents.length} files`;
  const sections = documents.flatMap((doc) => doc.sections.map((section) => ({ doc, section })));
  // (a FAQ table whose rows are all switched off in its status column, a scanned PDF: the warnings above say which)
  if (sections.length === 0) return `the sources were read (${read}), but no section has any text — a table's rows all switched off (停用) or a PDF with no text layer say so above; write the text a customer asks about under its headings`;
  // generation drops a title whose only text is its revision note, or one line about the document itself
  const dropped = sections.filter(({ section }) => section.headingPath.length <= 1 && (isRevisionNote(section.text) || isDocumentIntro(section.text)));
  const all = `${sections.length} section${sections.length === 1 ? '' : 's'}`;
  if (dropped.length < sections.length) return `the sources were read (${read}, ${all}), but no section made an entry`;
  const notes = dropped.some(({ section }) => isRevisionNote(section.text));
  const intros = dropped.some(({ section }) => !isRevisionNote(section.text));
  const what = notes && intros ? 'a revision note or a line saying what the document covers' : notes ? 'a revision note (an update line under the title)' : 'a line saying what the document covers';
  const shown = dropped.slice(0, 3).map(({ doc, section }) => `${doc.path}: “${section.text.trim()}”`).join(', ');
  const more = dropped.length > 3 ? ` … (${dropped.length - 3} more)` : '';
  const only = sections.length === 1 ? 'only section is' : `only sections (${sections.length}) are each`;
  return `the sources were read (${read}), but their ${only} ${what}, which makes no entry (${shown}${more}); write the text a customer asks about under the title or under headings`;
}
