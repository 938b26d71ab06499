/**
 * What a format adapter returns: a flat list of blocks in reading order.
 * `sectionize` turns it into sections; adapters never build sections themselves.
 */
import type { Problem } from '../core/problems.js';

export interface SourceLocation {
  page?: number;
  line?: number;
  /** XLSX read as a document (a workbook of data tables): the sheet, `line` its row. */
  sheet?: string;
}

export type ParsedBlock =
  /**
   * An explicit heading (Markdown `#`, HTML `<h2>`, DOCX Heading style, a PDF line in a larger font),
   * depth 1..6. `guessed` marks a heading inferred from layout alone (a short standalone line in plain
   * text): `sectionize` treats it as body text inside a 第X条 article. `question` marks a heading the
   * document's own question/answer structure made (an HTML `<summary>` or `<dt>`, an accordion's
   * trigger or a tab, a FAQPage JSON-LD question, a `问题 | 答案` table row, a `Q1：` line): usually
   * a question, with or without its question mark.
   */
  | { kind: 'heading'; depth: number; text: string; location: SourceLocation; guessed?: boolean; question?: boolean }
  /**
   * A paragraph. Adapters re-join hard-wrapped lines before they emit it. `sectionize` still checks
   * whether it starts with policy numbering (第X条, 一、, （一）, 1., 1.1) and so is a heading.
   */
  | { kind: 'paragraph'; text: string; location: SourceLocation }
  | { kind: 'list'; ordered: boolean; items: string[]; start?: number; location: SourceLocation }
  | { kind: 'table'; rows: string[][]; location: SourceLocation }
  | { kind: 'code'; text: string; location: SourceLocation };

export interface ParsedDoc {
  /** A title the format states (HTML <title>, the first heading, PDF metadata), if any. */
  title?: string;
  blocks: ParsedBlock[];
  pages?: number;
  /** Document metadata the file states (Markdown front matter, `【label】value` lines atop a text file). */
  meta?: Record<string, string>;
  warnings: Problem[];
}

export interface ParseOptions {
  /** The path as the user named it, for messages. */
  file: string;
  /** Uncompressed-size limit for zip containers (DOCX, XLSX), bytes. */
  maxUnzippedBytes: number;
}
