/**
 * The index file: one JSON document (optionally gzip-compressed) with `format: "kb-index"`, an
 * integer `version`, the entries, the analyzer settings, the model and the postings, and a
 * checksum. Same inputs give a byte-identical file: no timestamps, fixed key order, sorted terms.
 *
 * The checksum is the sha256 of the file's JSON text up to the checksum field, which is always
 * last: `{…,"checksum":"sha256:<hex>"}`. A reader refuses an unknown version or a bad checksum.
 */
import { createHash } from 'node:crypto';
import type { AnalyzerSettings } from '../analyze/settings.js';
import type { EntryOrigin, EntrySource } from '../store/entry.js';

export const INDEX_FORMAT = 'kb-index';
export const INDEX_VERSION = 1;

export interface IndexEntry {
  id: string;
  question: string;
  similar: string[];
  answer: string;
  source?: EntrySource;
  origin: EntryOrigin;
  tags?: string[];
}

/** Postings of one field, all varint-packed (see varint.ts). */
export interface FieldPostings {
  /** For each term in `terms` order: n, then n × (document delta, term frequency). */
  postings: string;
  /** Length of each document of the field, in terms. */
  lengths: string;
}

export interface Calibration {
  /** confidence = sigmoid(intercept + coverage × coverageWeight + margin × marginWeight) */
  intercept: number;
  coverageWeight: number;
  marginWeight: number;
  /** How the parameters were obtained: `self` (fitted on the KB's own paraphrases) or `default`. */
  fittedOn: 'self' | 'default';
  samples: number;
}

export interface IndexModel {
  k1: number;
  b: number;
  /** Share of the answer / section-text score added to the best question variant's score. */
  answerWeight: number;
  /** Exponent of the share of a variant's own terms the question matched (0 = plain BM25). */
  variantCoverage: number;
  /** Weight of CJK bigram terms relative to words. */
  bigramWeight: number;
  /** Weight of CJK single-character terms relative to words (when the analyzer makes them). */
  unigramWeight: number;
  /** Weight of terms the KB taught itself (associations between paraphrases). */
  associationWeight: number;
  /** term → related terms with strengths in (0, 1], learned from the entries' question variants. */
  associations: [string, [string, number][]][];
  calibration: Calibration;
}

export interface IndexBody {
  format: typeof INDEX_FORMAT;
  version: number;
  generator: string;
  analyzer: AnalyzerSettings;
  model: IndexModel;
  entries: IndexEntry[];
  /** Every term of the index, sorted. */
  terms: string[];
  /** Question variants: each entry's question, then its similar questions, entry after entry. */
  variants: FieldPostings & { perEntry: string };
  /** One document per entry: its answer (section text) and heading path. */
  answers: FieldPostings;
}

export interface IndexFile extends IndexBody {
  checksum: string;
}

const CHECKSUM_KEY = ',"checksum":"';

export function checksumOf(bodyJsonWithoutClosingBrace: string): string {
  return `sha256:${createHash('sha256').update(bodyJsonWithoutClosingBrace).digest('hex')}`;
}

/** Serialize deterministically, checksum last. */
export function serializeIndex(body: IndexBody): string {
  const json = JSON.stringify(body);
  const open = json.slice(0, -1);
  return `${open}${CHECKSUM_KEY}${checksumOf(open)}"}`;
}

export type VerifyResult = { ok: true; file: IndexFile } | { ok: false; reason: string };

/** Parse and verify an index's JSON text. */
export function parseIndex(text: string): VerifyResult {
  const at = text.lastIndexOf(CHECKSUM_KEY);
  if (at < 0) return { ok: false, reason: 'it has no checksum (not a kb index, or truncated)' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON (truncated or corrupted)' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { ok: false, reason: 'it is not a kb index' };
  const file = parsed as Partial<IndexFile>;
  if (file.format !== INDEX_FORMAT) return { ok: false, reason: `it is not a kb index (format is ${JSON.stringify(file.format ?? null)})` };
  if (file.version !== INDEX_VERSION) {
    return { ok: false, reason: `it is index version ${String(file.version)}, this kb reads version ${INDEX_VERSION}; rebuild it with this kb or upgrade kb` };
  }
  if (file.checksum !== checksumOf(text.slice(0, at))) return { ok: false, reason: 'its checksum does not match (the file was changed or corrupted); rebuild it' };
  return { ok: true, file: file as IndexFile };
}
