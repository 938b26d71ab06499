/**
 * The index file (version 4): a one-line JSON header, a newline, then a brotli-compressed body.
 *
 *   {"format":"kb-index","version":4,"generator":…,"entries":N,"terms":T,"compression":"brotli",
 *    "bytes":<body bytes>,"entriesBytes":…,"sections":[["analyzer",…],…],"checksum":"sha256:<hex>"}\n<body>
 *
 * The body starts with a brotli stream that holds the analyzer settings and the model (JSON), the
 * terms (one per line), and the postings, lengths and counts as varints; it is decompressed at load.
 * Then the entries, one JSON object per line, in blocks of 1024, each block its own brotli
 * stream: a block is decompressed the first time a search returns one of its entries, and an entry is
 * decoded only when returned. The checksum is the sha256 of the header up to the checksum field
 * (always last) followed by the compressed body. Same inputs give a byte-identical file: no
 * timestamps, fixed key and section order, sorted terms. A reader refuses an unknown version, a
 * truncated file or a bad checksum.
 *
 * Version 1 was one JSON document with base64 postings; parsing it cost most of a load (see
 * docs/history/matching.md). Version 3 was version 4 deflated (blocks of 256 entries): a third larger.
 * The header stays JSON so that `head -c 300` shows what a file is.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import type { AnalyzerSettings } from '../analyze/settings.js';
import type { EntryOrigin, EntrySource } from '../store/entry.js';
import { decodeVarints, encodeVarints } from './varint.js';
import { associationsText } from './associations.js';

export const INDEX_FORMAT = 'kb-index';
export const INDEX_VERSION = 4;

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

/** Postings of one field, varint-packed (see varint.ts and `packPostings`). */
export interface FieldPostings {
  /** The number of postings, then for each term in `terms` order: n, then n × (document delta × 2 + (tf > 1)), followed by tf when tf > 1. */
  postings: Uint8Array;
  /** Length of each document of the field, in terms. */
  lengths: Uint8Array;
}

export interface Calibration {
  /** confidence = sigmoid(intercept + coverage × coverageWeight + margin × marginWeight), the margin × min(coverage, 1) when leadByCoverage */
  intercept: number;
  coverageWeight: number;
  marginWeight: number;
  /**
   * How the parameters were obtained: `self` (fitted on the KB's own paraphrases), `suites` (on the
   * team's labelled questions, `kb build --calibrate-on`) or `default`.
   */
  fittedOn: 'self' | 'default' | 'suites';
  samples: number;
  /** With `suites`: the suite files the parameters were fitted on (as named to kb build). */
  suites?: string[];
  /** With `default` after a fit was tried: how many of the samples found their entry (why there was nothing to fit). */
  right?: number;
  /**
   * The margin counts only as far as the hit covers the question (margin × min(coverage, 1)): a big
   * lead over other poor hits is no sign of an answer. Written by builds since 2026-11-26; an index
   * without it uses the margin as it is.
   */
  leadByCoverage?: boolean;
  /**
   * Coverage is multiplied by this when the hit lacks the question's strongest word (the one that
   * weighs most in its self-score, a word the KB has never seen included): a hit that shares the
   * question's common words but not what it is about. Written by builds since 2026-11-27 (0.8); an
   * index without it counts coverage as it is.
   */
  missingStrongest?: number;
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
  /**
   * Which associations are translations (BILINGUAL_LEXICON: refund → 退款, on an English KB 退款 →
   * refund): term → its related terms that translate it. Absent in indexes written before it; the
   * runtime then takes an English term's Chinese associations for translations (and, from a Chinese
   * word the KB does not use, its English ones).
   */
  translations?: [string, string[]][];
  /**
   * Kinds of goods as the analyzer's terms, each kind its names (PRODUCT_KINDS: 电视, 电视机, tv): an
   * entry whose questions name one kind, asked about another it never names, is weighed down. Absent
   * in indexes written before it (no such rule then).
   */
  products?: string[][];
  /**
   * A catalogue's products (many products, each asked the same after-sales questions:
   * `catalogueProducts` in src/analyze/products.ts), each as the terms of its name. They weigh
   * CATALOGUE_NAME_SHARE of a term in the runtime, so what a question asks of its product decides
   * among that product's entries. Absent in indexes written before it and in KBs that are no catalogue.
   */
  names?: string[][];
  /**
   * The terms of `names` that only the products' rows ask with (kb build works it out from the
   * questions): these weigh CATALOGUE_NAME_SHARE. A word other questions use too (电饭煲 of a row
   * that names no product, lite of an English row) keeps its weight. With `names`.
   */
  nameTerms?: string[];
  /** Per entry, its product in `names` (-1: none); with `names`. An entry of a sibling model (X20 Lite of X20) the question does not name is weighed down. */
  nameOf?: number[];
  /**
   * The entries some of whose similar questions kb generated although the others are the team's
   * (a FAQ row's, the store's `generatedSimilar`), as pairs flattened: entry, how many of its
   * similar questions — the last ones — kb generated. A row does not ask the same through them
   * (asks-same.ts), and they score `kbSimilarWeight` of a written one. Absent in indexes written
   * before it, and when no row has any: every similar question of a FAQ row is the team's.
   */
  kbSimilar?: number[];
  /** The share of its score a similar question in `kbSimilar` keeps (default 1). */
  kbSimilarWeight?: number;
  calibration: Calibration;
}

/** The index as kb build holds it in memory, all entries decoded. */
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
  variants: FieldPostings & {
    perEntry: Uint8Array;
    /**
     * What a load would otherwise compute from every variant posting (kb build writes them, from
     * the same code, see KnowledgeBase.variantStats): per term the number of entries whose
     * variants hold it (varints), and per variant 1 / its mass (float32, little-endian). Empty:
     * computed at load.
     */
    entryDf?: Uint8Array;
    invMass?: Uint8Array;
  };
  /** One document per entry: its answer (section text) and heading path. */
  answers: FieldPostings;
  /**
   * One document per group of sibling sections (same file, same parent heading: the articles of
   * one chapter): their texts together. `ofEntry` holds, per entry, its group number + 1 (0: none).
   */
  contexts: FieldPostings & { ofEntry: Uint8Array };
}

/** The entries of an index, decoded when asked for (a search decodes only the hits it returns). */
export interface IndexEntries {
  readonly count: number;
  get(i: number): IndexEntry;
  /** Inflate every block of entries now, not on first use (entries read from a file). */
  inflateAll?(): void;
  /** How many blocks of entries there are to inflate (entries read from a file). */
  readonly blockCount?: number;
  /** Inflate one block of entries now, when it is not yet (0 ≤ block < blockCount). */
  inflateBlock?(block: number): void;
}

/** What a KnowledgeBase is made from: a body built in memory or a file read from disk. */
export interface IndexData extends Omit<IndexBody, 'format' | 'version' | 'entries' | 'model'> {
  model: Omit<IndexModel, 'associations'>;
  /** The model's associations as the file stores them (see associations.ts). */
  associations: string;
  entries: IndexEntries;
  /** Per entry: 1 when its question was written by kb from a section (`questionFrom`), else 0. */
  sectionQuestions: Uint8Array;
  /** The file's checksum (`sha256:…`, from its header); absent for data built in memory. */
  checksum?: string;
}

export function sectionQuestionsOf(entries: readonly IndexEntry[]): Uint8Array {
  return Uint8Array.from(entries, (e) => (e.questionFrom !== undefined ? 1 : 0));
}

export function dataOfBody(body: IndexBody): IndexData {
  const { format: _format, version: _version, entries, model, ...rest } = body;
  const { associations, ...parameters } = model;
  return {
    ...rest,
    model: parameters,
    associations: associationsText(associations),
    entries: { count: entries.length, get: (i) => entries[i] as IndexEntry },
    sectionQuestions: sectionQuestionsOf(entries),
  };
}

/** Float32 values as little-endian bytes (the same file on every platform). */
export function packFloat32s(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return bytes;
}

export function unpackFloat32s(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length >> 2);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** The sections of the body, in file order. */
const SECTIONS = [
  'analyzer',
  'model',
  'associations',
  'terms',
  'sectionQuestions',
  'variants.perEntry',
  'variants.lengths',
  'variants.postings',
  'variants.entryDf',
  'variants.invMass',
  'answers.lengths',
  'answers.postings',
  'contexts.ofEntry',
  'contexts.lengths',
  'contexts.postings',
  'entryBlocks',
  'entries',
] as const;
type SectionName = (typeof SECTIONS)[number];

interface Header {
  format: typeof INDEX_FORMAT;
  version: number;
  generator: string;
  entries: number;
  terms: number;
  compression: 'brotli';
  /** Bytes of the compressed body after the header line: every section but the entries in one brotli stream, then the entries. */
  bytes: number;
  /** Bytes of the entries after the first stream: blocks of ENTRY_BLOCK entries, each its own brotli stream, decompressed on first use. */
  entriesBytes: number;
  /** [name, bytes] of each section of the decompressed body, in order. */
  sections: [SectionName, number][];
}

/**
 * Entries per compressed block (about 0.5 MB of text at 10k synthetic entries, decompressed in
 * 0.7 ms): what the first hit in a block decompresses. Blocks of 256 took 20 % more bytes.
 */
const ENTRY_BLOCK = 1024;
/**
 * Brotli quality and window: quality 9 takes the 10k synthetic index from 3.03 MB (deflate, level 9)
 * to 2.05 MB in 0.6 s of build; 10 and 11 save 5–10 % more for 2–8 s more (docs/history/matching.md).
 */
const BROTLI_QUALITY = 9;
const BROTLI_WINDOW = 22;

function compress(bytes: Uint8Array, text: boolean): Buffer {
  return brotliCompressSync(bytes, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
      [zlib.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW,
      [zlib.BROTLI_PARAM_MODE]: text ? zlib.BROTLI_MODE_TEXT : zlib.BROTLI_MODE_GENERIC,
      [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
}
const CHECKSUM_KEY = ',"checksum":"';
const NEWLINE = 0x0a;
/** The header line is a few hundred bytes; the first line break is looked for this far. */
const MAX_HEADER_BYTES = 64 * 1024;

function checksumOf(headerPrefix: string, body: Uint8Array): string {
  return `sha256:${createHash('sha256').update(headerPrefix).update(body).digest('hex')}`;
}

/**
 * Serialize deterministically: a one-line JSON header (format, version, section sizes, checksum
 * last), a newline, then the sections brotli-compressed. The checksum covers the header up to
 * itself and the compressed body.
 */
export function serializeIndex(body: IndexBody): Buffer {
  const { associations, ...parameters } = body.model;
  // entries in blocks: a search decompresses only the blocks of the entries it returns
  const blocks: Buffer[] = [];
  for (let at = 0; at < body.entries.length; at += ENTRY_BLOCK) {
    blocks.push(Buffer.from(body.entries.slice(at, at + ENTRY_BLOCK).map((e) => JSON.stringify(e)).join('\n')));
  }
  const entryBlocks = blocks.map((b) => compress(b, true));
  const parts: Record<SectionName, Uint8Array> = {
    analyzer: Buffer.from(JSON.stringify(body.analyzer)),
    model: Buffer.from(JSON.stringify(parameters)),
    associations: Buffer.from(associationsText(associations)),
    terms: Buffer.from(body.terms.join('\n')),
    entryBlocks: encodeVarints(blocks.flatMap((b, i) => [entryBlocks[i]!.length, b.length])),
    entries: Buffer.concat(blocks),
    sectionQuestions: sectionQuestionsOf(body.entries),
    'variants.perEntry': body.variants.perEntry,
    'variants.lengths': body.variants.lengths,
    'variants.postings': body.variants.postings,
    'variants.entryDf': body.variants.entryDf ?? new Uint8Array(0),
    'variants.invMass': body.variants.invMass ?? new Uint8Array(0),
    'answers.lengths': body.answers.lengths,
    'answers.postings': body.answers.postings,
    'contexts.ofEntry': body.contexts.ofEntry,
    'contexts.lengths': body.contexts.lengths,
    'contexts.postings': body.contexts.postings,
  };
  const index = compress(Buffer.concat(SECTIONS.filter((name) => name !== 'entries').map((name) => parts[name])), false);
  const entries = Buffer.concat(entryBlocks);
  const compressed = Buffer.concat([index, entries]);
  const header: Header = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    generator: body.generator,
    entries: body.entries.length,
    terms: body.terms.length,
    compression: 'brotli',
    bytes: compressed.length,
    entriesBytes: entries.length,
    sections: SECTIONS.map((name) => [name, parts[name].length]),
  };
  const open = JSON.stringify(header).slice(0, -1);
  return Buffer.concat([Buffer.from(`${open}${CHECKSUM_KEY}${checksumOf(open, compressed)}"}\n`), compressed]);
}

/** Why an index file was refused (what `IndexLoadError.reason` holds, with the reading problems). */
export type IndexProblem = 'not-json' | 'not-index' | 'version' | 'checksum' | 'inconsistent';

export type VerifyResult = { ok: true; data: IndexData } | { ok: false; problem: IndexProblem; reason: string };

const REBUILD = 'rebuild it with `kb build`';

function refuse(problem: IndexProblem, reason: string): VerifyResult {
  return { ok: false, problem, reason };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Decompress exactly `size` bytes in one piece (one output chunk: no copying chunks together); a
 * stream that would give more is stopped there (a corrupted or crafted file cannot take memory
 * without bound).
 */
function decompressExactly(compressed: Uint8Array, size: number, what: string): Buffer {
  let raw: Buffer;
  try {
    raw = brotliDecompressSync(compressed, { chunkSize: Math.max(size, 64) + 64, maxOutputLength: Math.max(size, 1) });
  } catch (error) {
    if (error instanceof RangeError) throw new RangeError(`its ${what} hold more than ${size} bytes`);
    throw error;
  }
  if (raw.length !== size) throw new RangeError(`its ${what} hold ${raw.length} bytes, not ${size}`);
  return raw;
}

/**
 * The entries, one JSON object per line in blocks of ENTRY_BLOCK, each block decompressed the first
 * time one of its entries is asked for (a bot pays for the text of what it answers) and each entry
 * decoded when first asked for.
 */
function lazyEntries(compressed: Uint8Array, blockSizes: Uint32Array, count: number): IndexEntries {
  const blockCount = Math.ceil(count / ENTRY_BLOCK);
  if (blockSizes.length !== blockCount * 2) throw new RangeError(`it lists ${blockSizes.length / 2} blocks of entries, not ${blockCount}`);
  const blockAt = new Float64Array(blockCount + 1);
  for (let b = 0; b < blockCount; b++) blockAt[b + 1] = blockAt[b]! + blockSizes[b * 2]!;
  if (blockAt[blockCount] !== compressed.length) throw new RangeError(`its entry blocks take ${blockAt[blockCount]} bytes, not ${compressed.length}`);
  const texts: (Buffer | undefined)[] = new Array<Buffer | undefined>(blockCount);
  const starts = new Uint32Array(count + blockCount);
  const decoded: (IndexEntry | undefined)[] = new Array<IndexEntry | undefined>(count);
  const open = (b: number): Buffer => {
    const text = decompressExactly(compressed.subarray(blockAt[b], blockAt[b + 1]), blockSizes[b * 2 + 1]!, 'entries');
    const first = b * ENTRY_BLOCK;
    const n = Math.min(ENTRY_BLOCK, count - first);
    // the starts of the block's lines, then its end (+ 1, as if a newline followed)
    let at = 0;
    for (let j = 0; j < n; j++) {
      starts[first + b + j] = at;
      const nl = text.indexOf(NEWLINE, at);
      at = nl < 0 ? text.length + 1 : nl + 1;
      if (nl < 0 && j < n - 1) throw new RangeError(`block ${b + 1} of the index's entries holds ${j + 1} entries, not ${n}; ${REBUILD}`);
    }
    if (at < text.length) throw new RangeError(`block ${b + 1} of the index's entries holds more than ${n} entries; ${REBUILD}`);
    starts[first + b + n] = text.length + 1;
    texts[b] = text;
    return text;
  };
  return {
    count,
    get(i: number): IndexEntry {
      const cached = decoded[i];
      if (cached !== undefined) return cached;
      if (!(i >= 0 && i < count)) throw new RangeError(`entry ${i} is out of range`);
      const b = Math.floor(i / ENTRY_BLOCK);
      const text = texts[b] ?? open(b);
      let e: unknown;
      try {
        e = JSON.parse(text.toString('utf8', starts[i + b], starts[i + b + 1]! - 1));
      } catch {
        e = undefined;
      }
      if (!isObject(e) || typeof e['id'] !== 'string' || typeof e['question'] !== 'string' || typeof e['answer'] !== 'string' || !Array.isArray(e['similar'])) {
        throw new RangeError(`entry ${i + 1} of the index is not JSON with an id, question, answer and similar questions; ${REBUILD}`);
      }
      decoded[i] = e as unknown as IndexEntry;
      return decoded[i];
    },
    inflateAll(): void {
      for (let b = 0; b < blockCount; b++) if (texts[b] === undefined) open(b);
    },
    blockCount,
    inflateBlock(b: number): void {
      if (b >= 0 && b < blockCount && texts[b] === undefined) open(b);
    },
  };
}

/** What is structurally wrong with the parts of a verified body, or undefined. */
function shapeProblem(data: IndexData, header: Header): string | undefined {
  const { analyzer, model, variants, answers, contexts } = data;
  if (data.terms.length !== header.terms) return `it lists ${data.terms.length} terms, not ${header.terms}`;
  if (!isObject(analyzer) || !isObject(analyzer.options) || !Array.isArray(analyzer.vocabulary) || !Array.isArray(analyzer.synonyms) || !Array.isArray(analyzer.stopwords)) {
    return '"analyzer" lacks its settings';
  }
  if (!isObject(model) || !isObject(model.calibration)) return '"model" lacks its parameters';
  if (data.sectionQuestions.length !== header.entries) return 'the entry kinds do not match the entries';
  const perEntry = decodeVarints(variants.perEntry);
  if (perEntry.length !== header.entries) return `it counts variants for ${perEntry.length} entries but holds ${header.entries}`;
  const variantCount = perEntry.reduce((n, c) => n + c, 0);
  if (decodeVarints(variants.lengths).length !== variantCount) return 'the variant lengths do not match the variant counts';
  if ((variants.invMass?.length ?? 0) !== 0 && variants.invMass?.length !== variantCount * 4) return 'the variant masses do not match the variant counts';
  if ((variants.entryDf?.length ?? 0) !== 0 && decodeVarints(variants.entryDf ?? new Uint8Array(0)).length !== header.terms) return 'the term counts do not match the terms';
  if (decodeVarints(answers.lengths).length !== header.entries) return 'the answer lengths do not match the entries';
  const ofEntry = decodeVarints(contexts.ofEntry);
  const groups = decodeVarints(contexts.lengths).length;
  if (ofEntry.length !== header.entries || ofEntry.some((g) => g > groups)) return 'the context groups do not match the entries';
  return undefined;
}

function headerProblem(header: Record<string, unknown>): string | undefined {
  const { entries, terms, bytes, entriesBytes, sections, compression } = header;
  if (typeof entries !== 'number' || typeof terms !== 'number' || typeof bytes !== 'number' || typeof entriesBytes !== 'number' || entriesBytes > bytes || compression !== 'brotli') {
    return 'its header lacks the counts';
  }
  if (!Array.isArray(sections) || sections.length !== SECTIONS.length) return 'its header does not list the sections';
  for (const [i, name] of SECTIONS.entries()) {
    const s: unknown = sections[i];
    if (!Array.isArray(s) || s[0] !== name || typeof s[1] !== 'number') return `its header does not list the section "${name}"`;
  }
  return undefined;
}

/**
 * Parse and verify an index file's bytes: the header line (JSON, format, version — a newer kb may
 * checksum differently), the checksum, then decompress and check the shape. The reason says what to do.
 */
export function parseIndex(bytes: Uint8Array): VerifyResult {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // the header is a few hundred bytes: a file with no line break early on is not an index (and
  // one of gigabytes could not be made a string)
  const nl = file.subarray(0, MAX_HEADER_BYTES).indexOf(NEWLINE);
  const headerText = file.toString('utf8', 0, nl < 0 ? Math.min(file.length, MAX_HEADER_BYTES) : nl);
  // a repository that keeps the index in Git LFS, checked out without it (a deploy, a CI cache)
  if (headerText.startsWith('version https://git-lfs.github.com/spec/')) {
    return refuse('not-index', 'it is a Git LFS pointer, not the index itself: fetch the file (git lfs pull), or keep the index out of Git LFS');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(headerText);
  } catch {
    return refuse('not-json', `it does not start with a kb index header (truncated, corrupted or not an index); ${REBUILD}`);
  }
  if (!isObject(parsed) || parsed['format'] !== INDEX_FORMAT) {
    const format = isObject(parsed) ? JSON.stringify(parsed['format'] ?? null) : 'missing';
    return refuse('not-index', `it is not a kb index (its "format" is ${format}, not "${INDEX_FORMAT}"); pass the file \`kb build\` wrote`);
  }
  const version = parsed['version'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return refuse('version', `its header's version is ${JSON.stringify(version ?? null)}, not a whole number (the file was edited or corrupted); ${REBUILD}`);
  }
  if (version !== INDEX_VERSION) {
    const newer = typeof version === 'number' && version > INDEX_VERSION;
    return refuse(
      'version',
      `it is index version ${JSON.stringify(version ?? null)} and this kb reads version ${INDEX_VERSION}; ${newer ? 'upgrade kb, or rebuild the index with this kb' : REBUILD}`,
    );
  }
  const at = headerText.lastIndexOf(CHECKSUM_KEY);
  if (typeof parsed['checksum'] !== 'string' || at < 0 || nl < 0) return refuse('checksum', `it has no checksum; ${REBUILD}`);
  const problem = headerProblem(parsed);
  if (problem !== undefined) return refuse('inconsistent', `${problem}; ${REBUILD}`);
  const header = parsed as unknown as Header;
  const body = file.subarray(nl + 1);
  if (body.length !== header.bytes) {
    return refuse('checksum', `it is ${body.length < header.bytes ? 'truncated' : 'longer than its header says'} (${body.length} of ${header.bytes} bytes after the header); ${REBUILD}`);
  }
  if (parsed['checksum'] !== checksumOf(headerText.slice(0, at), body)) {
    return refuse('checksum', `its checksum does not match its contents (the file was edited or corrupted); ${REBUILD}`);
  }
  try {
    const sizes = new Map(header.sections);
    const entriesSize = sizes.get('entries') ?? 0;
    const indexSize = header.sections.reduce((n, [, len]) => n + len, 0) - entriesSize;
    const raw = decompressExactly(body.subarray(0, body.length - header.entriesBytes), indexSize, 'sections');
    const part = {} as Record<Exclude<SectionName, 'entries'>, Buffer>;
    let offset = 0;
    for (const [name, len] of header.sections) {
      if (name === 'entries') continue;
      part[name] = raw.subarray(offset, offset + len);
      offset += len;
    }
    const terms = part.terms.length === 0 ? [] : part.terms.toString('utf8').split('\n');
    const data: IndexData = {
      checksum: parsed['checksum'],
      generator: header.generator,
      analyzer: JSON.parse(part.analyzer.toString('utf8')) as AnalyzerSettings,
      model: JSON.parse(part.model.toString('utf8')) as Omit<IndexModel, 'associations'>,
      associations: part.associations.toString('utf8'),
      entries: lazyEntries(body.subarray(body.length - header.entriesBytes), decodeVarints(part.entryBlocks), header.entries),
      sectionQuestions: part.sectionQuestions,
      terms,
      variants: {
        postings: part['variants.postings'],
        lengths: part['variants.lengths'],
        perEntry: part['variants.perEntry'],
        entryDf: part['variants.entryDf'],
        invMass: part['variants.invMass'],
      },
      answers: { postings: part['answers.postings'], lengths: part['answers.lengths'] },
      contexts: { postings: part['contexts.postings'], lengths: part['contexts.lengths'], ofEntry: part['contexts.ofEntry'] },
    };
    const shape = shapeProblem(data, header);
    if (shape !== undefined) return refuse('inconsistent', `its contents are inconsistent (${shape}); ${REBUILD}`);
    return { ok: true, data };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse('inconsistent', `its contents are inconsistent (${detail}); ${REBUILD}`);
  }
}
