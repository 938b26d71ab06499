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
import { decodeVarints } from './varint.js';

export const INDEX_FORMAT = 'kb-index';
export const INDEX_VERSION = 1;

export interface IndexEntry {
  id: string;
  question: string;
  similar: string[];
  answer: string;
  source?: EntrySource;
  origin: EntryOrigin;
  /** The question was written by kb from a document section — `heading`: its heading path; `generated`: rules over its text — so the section text carries the matching. */
  questionFrom?: 'heading' | 'generated';
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
  /** The same share for entries whose question is only a heading path (a section's text is what it says). */
  sectionAnswerWeight: number;
  /** BM25 length normalization of the answer field (answers are long and vary more than questions). */
  answerB: number;
  /** Exponent of the share of a variant's own terms the question matched (0 = plain BM25). */
  variantCoverage: number;
  /** Share of a section's context score (its sibling sections together) added to its own. */
  contextWeight: number;
  /** Weight of CJK bigram terms relative to words. */
  bigramWeight: number;
  /** Weight of CJK single-character terms relative to words (when the analyzer makes them). */
  unigramWeight: number;
  /** Weight of terms the KB taught itself (associations between paraphrases). */
  associationWeight: number;
  /** term → related terms with their query weights in (0, 1]: learned from the entries' question variants (× associationWeight) and from the built-in lexicon (lexiconWeight). */
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
  /**
   * One document per group of sibling sections (same file, same parent heading: the articles of
   * one chapter): their texts together. `ofEntry` holds, per entry, its group number + 1 (0: none).
   */
  contexts: FieldPostings & { ofEntry: string };
}

export interface IndexFile extends IndexBody {
  checksum: string;
}

const CHECKSUM_KEY = ',"checksum":"';

export function checksumOf(bodyJsonWithoutClosingBrace: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(bodyJsonWithoutClosingBrace).digest('hex')}`;
}

/** Serialize deterministically, checksum last. */
export function serializeIndex(body: IndexBody): string {
  const json = JSON.stringify(body);
  const open = json.slice(0, -1);
  return `${open}${CHECKSUM_KEY}${checksumOf(open)}"}`;
}

/** Why an index file was refused (what `IndexLoadError.reason` holds, with the reading problems). */
export type IndexProblem = 'not-json' | 'not-index' | 'version' | 'checksum' | 'inconsistent';

export type VerifyResult = { ok: true; file: IndexFile } | { ok: false; problem: IndexProblem; reason: string };

const REBUILD = 'rebuild it with `kb build`';

function refuse(problem: IndexProblem, reason: string): VerifyResult {
  return { ok: false, problem, reason };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** What is structurally wrong with a verified index body, or undefined (cheap: no postings are decoded). */
function shapeProblem(file: Record<string, unknown>): string | undefined {
  const { entries, terms, variants, answers, analyzer, model } = file;
  if (!Array.isArray(entries)) return '"entries" is not a list';
  for (const [i, e] of entries.entries()) {
    if (!isObject(e) || typeof e['id'] !== 'string' || typeof e['question'] !== 'string' || typeof e['answer'] !== 'string' || !isStringArray(e['similar'])) {
      return `entry ${i + 1} lacks an id, question, answer or similar questions`;
    }
  }
  if (!isStringArray(terms)) return '"terms" is not a list of strings';
  if (!isObject(variants) || typeof variants['postings'] !== 'string' || typeof variants['lengths'] !== 'string' || typeof variants['perEntry'] !== 'string') {
    return '"variants" lacks its postings';
  }
  if (!isObject(answers) || typeof answers['postings'] !== 'string' || typeof answers['lengths'] !== 'string') return '"answers" lacks its postings';
  if (!isObject(analyzer) || !isObject(analyzer['options']) || !Array.isArray(analyzer['vocabulary']) || !Array.isArray(analyzer['synonyms']) || !isStringArray(analyzer['stopwords'])) {
    return '"analyzer" lacks its settings';
  }
  if (!isObject(model) || !isObject(model['calibration']) || !Array.isArray(model['associations'])) return '"model" lacks its parameters';
  const perEntry = decodeVarints(variants['perEntry']);
  if (perEntry.length !== entries.length) return `it counts variants for ${perEntry.length} entries but holds ${entries.length}`;
  const variantCount = perEntry.reduce((n, c) => n + c, 0);
  if (decodeVarints(variants['lengths']).length !== variantCount) return 'the variant lengths do not match the variant counts';
  if (decodeVarints(answers['lengths']).length !== entries.length) return 'the answer lengths do not match the entries';
  const { contexts } = file;
  if (!isObject(contexts) || typeof contexts['postings'] !== 'string' || typeof contexts['lengths'] !== 'string' || typeof contexts['ofEntry'] !== 'string') return '"contexts" lacks its postings';
  const ofEntry = decodeVarints(contexts['ofEntry']);
  const groups = decodeVarints(contexts['lengths']).length;
  if (ofEntry.length !== entries.length || ofEntry.some((g) => g > groups)) return 'the context groups do not match the entries';
  return undefined;
}

/**
 * Parse and verify an index's JSON text: JSON, then format, then version (a newer kb may
 * checksum differently), then checksum, then shape. The reason says what to do.
 */
export function parseIndex(text: string, utf8?: Uint8Array): VerifyResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('not-json', `it is not valid JSON (truncated or corrupted); ${REBUILD}`);
  }
  if (!isObject(parsed) || parsed['format'] !== INDEX_FORMAT) {
    const format = isObject(parsed) ? JSON.stringify(parsed['format'] ?? null) : 'missing';
    return refuse('not-index', `it is not a kb index (its "format" is ${format}, not "${INDEX_FORMAT}"); pass the file \`kb build\` wrote`);
  }
  const version = parsed['version'];
  if (version !== INDEX_VERSION) {
    const newer = typeof version === 'number' && version > INDEX_VERSION;
    return refuse(
      'version',
      `it is index version ${JSON.stringify(version ?? null)} and this kb reads version ${INDEX_VERSION}; ${newer ? 'upgrade kb, or rebuild the index with this kb' : REBUILD}`,
    );
  }
  // hash the file's own bytes when we have them (re-encoding a large index's text costs more than hashing it)
  const bytes = utf8 === undefined ? undefined : Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength);
  const at = bytes !== undefined ? bytes.lastIndexOf(CHECKSUM_KEY) : text.lastIndexOf(CHECKSUM_KEY);
  if (typeof parsed['checksum'] !== 'string' || at < 0) return refuse('checksum', `it has no checksum; ${REBUILD}`);
  if (parsed['checksum'] !== checksumOf(bytes !== undefined ? bytes.subarray(0, at) : text.slice(0, at))) {
    return refuse('checksum', `its checksum does not match its contents (the file was edited or corrupted); ${REBUILD}`);
  }
  let shape: string | undefined;
  try {
    shape = shapeProblem(parsed);
  } catch (error) {
    shape = error instanceof Error ? error.message : String(error);
  }
  if (shape !== undefined) return refuse('inconsistent', `its contents are inconsistent (${shape}); ${REBUILD}`);
  return { ok: true, file: parsed as unknown as IndexFile };
}
