/**
 * The document model: what ingestion produces and every later stage reads.
 * See docs/ingest.md. Extend these shapes; do not break them without a version bump.
 */
import type { Problem } from '../core/problems.js';

export const DOCUMENT_MODEL_VERSION = 1;

export type Format = 'markdown' | 'pdf' | 'docx' | 'html' | 'text' | 'csv' | 'xlsx' | 'jsonl' | 'json';

/** Script of a document's text, used for matching and, later, for the generated questions' language. */
export type Language = 'zh-Hans' | 'zh-Hant' | 'en' | 'other';

export interface SectionLocation {
  /** 1-based page of the section's first line (PDF). */
  page?: number;
  /** 1-based line of the section's heading or first line (text, Markdown, tables: the row). */
  line?: number;
  /** XLSX: the sheet the row is on (`line` is then its row on that sheet). */
  sheet?: string;
}

/** A structural piece of a section, kept so later stages can tell a table or a list from prose. */
export type Block =
  | { kind: 'paragraph'; text: string }
  /** `start`: the number of an ordered list's first item when it is not 1 (Markdown `3.`, HTML `<ol start>`). */
  | { kind: 'list'; ordered: boolean; items: string[]; start?: number }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'code'; text: string };

/** A row of a FAQ table, carried on the section made from it. */
export interface FaqRow {
  id?: string;
  question: string;
  similar: string[];
  answer: string;
  tags: string[];
}

export interface Section {
  /** Stable across runs for unchanged content: derived from path + heading path + occurrence. */
  id: string;
  /** Headings above the section, outermost first (display form). */
  headingPath: string[];
  /** The section's text for display: paragraphs separated by one newline, hard wraps re-joined. */
  text: string;
  /** `text` normalized for matching: NFKC, half-width ASCII, collapsed whitespace, simplified Chinese. */
  matchText: string;
  blocks?: Block[];
  location: SectionLocation;
  /** Present when the section is a row of a FAQ table. */
  faq?: FaqRow;
  /**
   * True when its last heading was made by the document's question/answer structure (HTML
   * details, dl, accordions, tabs, JSON-LD; question/answer tables; `Q1：` lines): a question
   * with or without its question mark, or a tab's label. Generation takes one that asks something
   * as written (退款多久到账, not 退款多久到账是什么？).
   */
  question?: boolean;
}

export interface Document {
  id: string;
  /** The path as given (relative to the working directory when it was given relative). */
  path: string;
  format: Format;
  title: string;
  /** sha256 of the file's bytes, hex. */
  hash: string;
  language: Language;
  /** Metadata the file states (front matter, `【label】value` header lines), if any. */
  meta?: Record<string, string>;
  /** Pages (PDF only). */
  pages?: number;
  /** Characters of section text. */
  chars: number;
  sections: Section[];
  /** Non-fatal problems met while reading this file. */
  warnings: Problem[];
}
