/**
 * The build stage: sources → entries → one index file, written atomically (gzip when the name
 * ends in .gz). A source that fails to parse is reported and the rest still builds.
 */
import type { FaqSimilarMode } from '../generate/faq-similar.js';
import { gzipSync } from 'node:zlib';
import { writeOutputFile } from '../core/write-file.js';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fail, ok, problem, warning, type Problem, type Result } from '../core/problems.js';
import type { Logger } from '../core/logger.js';
import { ingestPaths, type IngestOptions } from '../ingest/index.js';
import { isEdited, isFieldEdited, type Entry } from '../store/entry.js';
import { duplicateQuestions, entriesToIndex, readStore } from '../store/store.js';
import type { AnalyzerOptions } from '../analyze/settings.js';
import { buildIndexBody, fitOnQuestions, knowledgeBaseOf, type ModelOptions } from './build-index.js';
import { serializeIndex, type Calibration, type IndexBody } from '../runtime/index-file.js';
import { leadByCoverage } from '../runtime/knowledge-base.js';
import { evaluate } from '../eval/run.js';
import type { EvalCase } from '../eval/suite.js';
import { entriesFromDocuments } from './entries.js';
import { findOutdatedSources, type OutdatedSources } from '../generate/outdated.js';
import { noEntriesReason } from '../generate/no-entries.js';
import type { Document } from '../ingest/document.js';
import { buildAnalyzerSettings } from './vocabulary.js';
import { BILINGUAL_LEXICON } from '../analyze/bilingual.js';
import { AFTER_SALES_LEXICON, SHORT_FORMS } from '../analyze/lexicon.js';
import { PRODUCT_KINDS } from '../analyze/products.js';
import { withoutImageAddresses } from '../text/images.js';

export { buildIndexBody, DEFAULT_MODEL, type ModelOptions } from './build-index.js';
export { entriesFromDocuments } from './entries.js';
export { buildAnalyzerSettings } from './vocabulary.js';

export interface BuildOptions extends IngestOptions {
  sources: readonly string[];
  out: string;
  userDict?: string;
  synonyms?: string;
  stopwords?: string;
  analyzer?: Partial<AnalyzerOptions>;
  model?: Partial<ModelOptions>;
  /** Expand queries with the built-in after-sales lexicon (default true). */
  lexicon?: boolean;
  /** Similar questions generated per entry (default 5; 0 = none). */
  similar?: number;
  /** Generated similar questions for FAQ rows too (GenerationOptions.faqSimilar; default none). */
  faqSimilar?: FaqSimilarMode;
  /**
   * Build from this Q&A store (kb/qa.jsonl) instead of generating from `sources`: rejected entries
   * are left out, and with `onlyApproved` pending ones too.
   */
  store?: string;
  onlyApproved?: boolean;
  /**
   * With `store`: read the sources again to tell whether the store is behind them (a source edited,
   * added or deleted after the last kb generate) and warn (default true). `storeSources` are the
   * sources the store is made from (kb.config.yaml's), to notice new files; without them only the
   * files the store has entries from are checked.
   */
  checkSources?: boolean;
  storeSources?: readonly string[];
  /**
   * With `store` and the source check (`kb build --strict`, for CI): errors instead of warnings, and
   * then no index is written (the one at `out` stays as it was: a `kb serve` watching it would load
   * the new one) — for the store being behind its sources (a source edited, added or deleted after
   * the last kb generate, or one that cannot be read to tell), one per file, and for indexed
   * entries whose source changed after an editor edited or reviewed them (`stale: source-changed`),
   * one per entry (strictStaleProblems).
   */
  strict?: boolean;
  /**
   * Fit the confidence calibration on these labelled questions (`kb build --calibrate-on`, suites
   * in kb eval's formats), named by their files; without enough of them, the KB's own paraphrases
   * or the defaults, and the build says why.
   */
  calibrateOn?: { files: readonly string[]; cases: readonly EvalCase[] };
  logger?: Logger;
  cwd?: string;
  /**
   * The step being done, for a progress line: `done` of `BUILD_STEPS` steps (reading, vocabulary,
   * index, writing; `done === total` when finished). Building from sources also reports each file
   * read (through `IngestOptions.onProgress`, with the files as the total).
   */
  onProgress?: (done: number, total: number, label: string) => void;
}

/** The steps `build` reports through `onProgress`. */
export const BUILD_STEPS = 4;

export interface BuildStats {
  out: string;
  /** Where the entries came from: the sources (generated in memory) or a store file. */
  from: 'sources' | 'store';
  /**
   * Store entries left out (rejected; pending with onlyApproved; without an answer — drafts with
   * none yet and, of them, `answerLost` that had one; whose source vanished).
   */
  excluded?: { rejected: number; pending: number; noAnswer: number; answerLost: number; sourceMissing: number };
  /** Store entries indexed although marked for re-review (`stale: source-changed`). */
  staleIndexed?: number;
  /** Sources that differ from the store (built from the store with the source check on). */
  outdated?: Pick<OutdatedSources, 'changed' | 'added' | 'vanished'>;
  files: number;
  failedFiles: number;
  entries: number;
  variants: number;
  vocabulary: number;
  terms: number;
  associations: number;
  bytes: number;
  /**
   * The file already held these very bytes, so it was not written again: its modification time
   * stays, and a `kb serve` watching it does not reload and warm the same index for nothing.
   */
  unchanged: boolean;
  milliseconds: number;
  calibration: string;
}

/** Below this share of Han characters among the letters of a KB's texts, it writes little Chinese (a Chinese word or name among English policies). */
const LITTLE_CHINESE = 0.05;

/** Whether texts are (nearly) all in another script than Chinese: fewer than LITTLE_CHINESE of their letters are Han. */
export function writesLittleChinese(texts: readonly string[]): boolean {
  let han = 0;
  let letters = 0;
  for (const text of texts) {
    for (const [run] of text.matchAll(/\p{Script=Han}+/gu)) han += run.length;
    for (const [run] of text.matchAll(/\p{L}+/gu)) letters += run.length;
  }
  return han < LITTLE_CHINESE * letters;
}

/** Build the index text (no I/O but reading the sources). */
export async function buildFromEntries(
  entries: readonly Entry[],
  options: Pick<BuildOptions, 'userDict' | 'synonyms' | 'stopwords' | 'analyzer' | 'model' | 'lexicon' | 'onProgress' | 'calibrateOn'> & {
    /** Look for FAQ rows a document's entry answers first (a search per FAQ row; default true): kb review's try-it index skips it. */
    twins?: boolean;
  },
): Promise<Result<{ bytes: Buffer; vocabulary: number; terms: number; associations: number; calibration: string; twins: Twin[] }>> {
  const count = entries.length.toLocaleString('en-US');
  options.onProgress?.(1, BUILD_STEPS, `finding the words of ${count} entries (jieba)`);
  const texts: string[] = [];
  for (const e of entries) texts.push(e.question, ...e.similar, withoutImageAddresses(e.answer), ...(e.source?.headingPath ?? []));
  const vocabInputs: Parameters<typeof buildAnalyzerSettings>[0] = { texts };
  if (options.userDict !== undefined) vocabInputs.userDict = options.userDict;
  if (options.synonyms !== undefined) vocabInputs.synonyms = options.synonyms;
  if (options.stopwords !== undefined) vocabInputs.stopwords = options.stopwords;
  if (options.analyzer !== undefined) vocabInputs.options = options.analyzer;
  const lexicon = options.lexicon === false ? [] : AFTER_SALES_LEXICON;
  // the kinds of goods are vocabulary words too: a question about a 电视 names one in a KB of fridges
  if (options.lexicon !== false) vocabInputs.names = PRODUCT_KINDS.flat();
  // a KB that writes (almost) no Chinese knows the bilingual table's Chinese words too, so a Chinese
  // question cuts 关税 whole and reaches "customs duties" through it, not 关 and 税 (translationAssociations);
  // a Chinese KB's own text is segmented as before
  vocabInputs.lexicon = options.lexicon !== false && writesLittleChinese(texts) ? [...lexicon, ...BILINGUAL_LEXICON.map(([, ...chinese]) => chinese)] : lexicon;
  const settings = await buildAnalyzerSettings(vocabInputs);
  if (!settings.ok) return settings;
  // one-character short forms (能退吗: 退 → 退货) and English words for Chinese ones (refund → 退款)
  // expand queries but are no vocabulary words
  const expansions = options.lexicon === false ? [] : [...AFTER_SALES_LEXICON, ...SHORT_FORMS];
  const translations = options.lexicon === false ? [] : BILINGUAL_LEXICON;
  const products = options.lexicon === false ? [] : PRODUCT_KINDS;
  options.onProgress?.(2, BUILD_STEPS, `indexing ${count} entries and calibrating confidence`);
  const body = buildIndexBody(entries, settings.value, { generator: 'kb 0.1.0', lexicon: expansions, translations, products, ...(options.model !== undefined ? { model: options.model } : {}) });
  let notFitted = '';
  if (options.calibrateOn !== undefined) {
    const fitted = calibrateOnQuestions(body, options.calibrateOn);
    if (typeof fitted === 'string') notFitted = `; not on ${names(options.calibrateOn.files)}: ${fitted}`;
    else body.model.calibration = fitted;
  }
  const c = body.model.calibration;
  return ok({
    twins: options.twins === false ? [] : faqTwins(body, entries),
    bytes: serializeIndex(body),
    vocabulary: settings.value.vocabulary.length,
    terms: body.terms.length,
    associations: body.model.associations.length,
    calibration:
      (c.fittedOn === 'suites'
        ? `on ${c.samples} questions of ${names(c.suites ?? [])}`
        : c.fittedOn === 'self'
          ? `on ${c.samples} written paraphrases`
          : `with default weights (${defaultWhy(c)}${options.calibrateOn === undefined ? '; to fit it on your own labelled customer questions: kb build --calibrate-on tests/' : ''})`) + notFitted,
  });
}

/** A FAQ row whose own question a document's entry matches as closely: two answers to one question. */
export interface Twin {
  faq: Entry;
  first: Entry;
}

/** At most this many FAQ rows are asked their own question to find twins (a search each). */
const TWIN_CHECKS = 5000;

/**
 * FAQ rows that a document's entry (a section, an extracted pair) scores as high as, or answers
 * first, when asked their own question word for word: the team wrote one answer and a policy another,
 * and which one the bot gives depends on how the customer words it (a user test's 羽绒服能机洗吗: the
 * care page 0.63, the FAQ 0.43; kb eval listed the FAQ row as found by no question). A row asked as
 * written now comes first (asks-same.ts in the runtime) at the score of the entry it passes, so that
 * entry scoring as high is the sign. Only KBs with both kinds are asked.
 */
function faqTwins(body: IndexBody, entries: readonly Entry[]): Twin[] {
  const faq = entries.filter((e) => e.origin === 'faq');
  if (faq.length === 0 || !entries.some((e) => e.origin === 'generated' || e.origin === 'extracted')) return [];
  const kb = knowledgeBaseOf(body);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const twins: Twin[] = [];
  for (const row of faq.slice(0, TWIN_CHECKS)) {
    const hits = kb.search(row.question, { k: 5 });
    const own = hits.find((h) => h.id === row.id);
    const other = hits.find((h) => h.id !== row.id);
    const first = byId.get(other?.id ?? '');
    if (first === undefined || first.origin === 'faq' || first.origin === 'manual') continue;
    if (own === undefined || hits[0]!.id !== row.id || other!.score >= own.score) twins.push({ faq: row, first });
  }
  return twins;
}

/** One warning naming the FAQ rows a document's entry matches as closely (see faqTwins). */
export function twinsWarning(twins: readonly Twin[], file?: string): Problem | undefined {
  if (twins.length === 0) return undefined;
  const where = (e: Entry): string => (e.source === undefined ? e.id : `${e.source.path} › ${e.source.headingPath.at(-1) ?? e.question}`);
  const shown = twins.slice(0, 3).map((t) => `${t.faq.id} ${t.faq.question} → ${where(t.first)}`);
  const more = twins.length > shown.length ? ` … (${twins.length - shown.length} more)` : '';
  const rows = twins.length === 1 ? 'FAQ row is' : `${twins.length} FAQ rows are`;
  return warning(
    'twin-entries',
    `${rows} matched as closely by a document's entry when asked word for word: ${shown.join('; ')}${more} — two answers to one question, and which one the bot gives depends on the wording; keep one (reject the other in kb review) or make them agree`,
    file === undefined ? {} : { file },
  );
}

/** Why a build's confidence has the default weights: what its written similar questions, each asked with itself left out, gave to fit on. */
function defaultWhy(c: Calibration): string {
  const n = c.samples;
  if (n < 50) return `fitting needs 50 or more written similar questions; this KB has ${n}`;
  const right = c.right;
  if (right === undefined) return `the ${n} written similar questions gave nothing to fit`;
  // each similar question is asked with itself left out of the index
  if (right > n - 10) return `${right} of its ${n} written similar questions find their own entry: no wrong answer to learn from`;
  if (right < 10) return `only ${right} of its ${n} written similar questions find their own entry: no right answer to learn from`;
  return `its ${n} written similar questions find a wrong entry as often on a full match as on a partial one, so they cannot tell a sure answer from a guess`;
}

/** The calibration fitted on labelled questions asked of the index just built, or why it cannot be. */
function calibrateOnQuestions(body: IndexBody, on: NonNullable<BuildOptions['calibrateOn']>): Calibration | string {
  const kb = knowledgeBaseOf(body);
  const report = evaluate(kb, on.cases, 1);
  const samples: { coverage: number; margin: number; correct: boolean }[] = [];
  report.cases.forEach((result, i) => {
    const f = kb.calibrationFeatures(on.cases[i]!.q);
    // a question nothing matches gets no hit whatever the calibration: nothing to learn from it
    if (f === undefined || f.entry < 0) return;
    samples.push({ coverage: f.coverage, margin: leadByCoverage(f.margin, f.coverage), correct: result.rank === 1 && on.cases[i]!.expect.length > 0 });
  });
  return fitOnQuestions(samples, on.files);
}

/**
 * One warning for the store's entries that need an editor's look: those indexed although their
 * source changed since they were reviewed, and those left out because their source vanished.
 */
export function staleWarning(store: string, changed: number, missing: number): Problem | undefined {
  if (changed === 0 && missing === 0) return undefined;
  const entries = (n: number): string => `${n} ${n === 1 ? 'entry' : 'entries'}`;
  const parts: string[] = [];
  if (changed > 0) parts.push(`${entries(changed)} ${changed === 1 ? 'is' : 'are'} marked for re-review (source changed since review) and ${changed === 1 ? 'is' : 'are'} indexed as ${changed === 1 ? 'it is' : 'they are'}`);
  if (missing > 0) parts.push(`${entries(missing)} whose source no longer exists ${missing === 1 ? 'is' : 'are'} left out of the index`);
  const what = `review them in kb review (key ! lists them; ${changed > 0 ? 'approving a changed one clears its mark; ' : ''}${missing > 0 ? 'reject the ones whose source is gone for good, or run kb generate if it was renamed' : ''})`.replace('; )', ')');
  return warning('stale-entries', `${parts.join('; ')} — ${what}`, { file: store });
}

/** `a, b, c, d, e … (3 more)`: the first five ids of a list. */
function firstIds(ids: readonly string[]): string {
  return ids.length <= 5 ? ids.join(', ') : `${ids.slice(0, 5).join(', ')} … (${ids.length - 5} more)`;
}

/**
 * One warning for the entries kb build leaves out for having no answer: drafts with none yet, and
 * — apart, since a bot answered with them before — entries that had one and lost it (lostItsAnswer:
 * an answer cell emptied in a sheet before kb import refused that, or in kb review).
 */
export function unansweredWarnings(store: string, drafts: readonly string[], lost: readonly string[]): Problem[] {
  const out: Problem[] = [];
  if (lost.length > 0) {
    const one = lost.length === 1;
    out.push(warning('answer-emptied', `${one ? '1 entry' : `${lost.length} entries`} lost ${one ? 'its answer' : 'their answers'} and ${one ? 'is' : 'are'} left out of the index, so the bot no longer answers ${one ? 'its question' : 'their questions'}: ${firstIds(lost)}; write the ${one ? 'answer' : 'answers'} back in kb review (or kb export, kb import), or reject ${one ? 'the entry' : 'the entries'} if ${one ? 'it is' : 'they are'} meant to go`, { file: store }));
  }
  if (drafts.length > 0) {
    out.push(warning('unanswered-drafts', `${drafts.length === 1 ? '1 entry has' : `${drafts.length} entries have`} no answer yet and ${drafts.length === 1 ? 'is' : 'are'} left out of the index: ${firstIds(drafts)}; write the answers in kb review (or reject the drafts)`, { file: store }));
  }
  return out;
}

/**
 * `kb build --strict`: the indexed entries whose source changed after an editor edited or reviewed
 * them (`stale: source-changed`, docs/store.md rule 4), one error each, naming the entry, its source
 * and what to do. An answer the editor rewrote is still their text for the old source (the store
 * kept 48小时 while the source now says 24小时); any other answer is the source's new text, which no
 * editor has looked at yet.
 */
export function strictStaleProblems(store: string, entries: readonly Entry[]): Problem[] {
  return entries.map((e) => {
    const source = e.source === undefined ? '' : ` (${[e.source.path, ...e.source.headingPath.slice(-1)].join(' › ')})`;
    const why = isFieldEdited(e, 'answer')
      ? 'its source changed after an editor rewrote its answer: the index would answer with the editor\'s text, written for the old source'
      : `its source changed after an editor ${isEdited(e) ? 'edited' : e.status === 'approved' ? 'approved' : 'reviewed'} it: the index would answer with the source's new text, which no editor has reviewed`;
    return problem('stale-entries', `${e.id}${source}: ${why} — run kb review --stale, compare it with what the source says now and approve or fix it, then kb build`, { file: store });
  });
}

function names(files: readonly string[]): string {
  const shown = files.slice(0, 3);
  const rest = files.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1) ?? ''}`;
}

/** One warning when the store is behind its sources: what changed, and that kb generate is due. */
export function outdatedWarning(store: string, found: Pick<OutdatedSources, 'changed' | 'added' | 'vanished'> & Partial<Pick<OutdatedSources, 'lacking'>>): Problem | undefined {
  const parts: string[] = [];
  const lacking = new Set(found.lacking ?? []);
  const changed = found.changed.filter((f) => !lacking.has(f));
  // entries deleted from the store by hand look like sections added to the file: say both, and what deleting does
  if (lacking.size > 0 && changed.length === 0 && found.added.length === 0 && found.vanished.length === 0) {
    const files = [...lacking];
    return warning(
      'store-outdated',
      `${names(files)} ${files.length === 1 ? 'has' : 'have'} sections or rows ${store} has no entry for: added to the file since kb generate, or entries deleted from the store — kb generate adds them (again); to keep an entry from the bot, reject it in kb review instead of deleting it (this index is built from the store as it is)`,
    );
  }
  if (found.changed.length > 0) parts.push(`${names(found.changed)} changed`);
  if (found.added.length > 0) parts.push(`${names(found.added)} ${found.added.length === 1 ? 'was' : 'were'} added`);
  if (found.vanished.length > 0) parts.push(`${names(found.vanished)} ${found.vanished.length === 1 ? 'was' : 'were'} deleted`);
  if (parts.length === 0) return undefined;
  const what = parts.length === 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
  return warning('store-outdated', `${what} after ${store} was generated; run kb generate to update the store (this index is built from the store as it is)`);
}

/**
 * `kb build --strict`: the store being behind its sources as errors, one per file, each saying what
 * the index still has and what to run (CI fails on them; the index is still written from the store).
 */
export function strictOutdatedProblems(store: string, found: Pick<OutdatedSources, 'changed' | 'added' | 'vanished'> & Partial<Pick<OutdatedSources, 'lacking' | 'unreadableProblems'>>): Problem[] {
  const lacking = new Set(found.lacking ?? []);
  const out: Problem[] = [];
  const behind = (file: string, message: string): void => {
    out.push(problem('store-outdated', message, { file }));
  };
  const then = 'run kb generate, check the changed entries in kb review, then kb build';
  for (const file of found.changed) {
    if (lacking.has(file)) behind(file, `has sections or rows ${store} has no entry for (added to the file since kb generate, or entries deleted from the store): the index lacks them — ${then} (to keep an entry from the bot, reject it in kb review instead of deleting it)`);
    else behind(file, `changed after ${store} was generated: the index still answers with the old text — ${then}`);
  }
  for (const file of found.added) behind(file, `was added after ${store} was generated: the index has nothing from it — ${then}`);
  for (const file of found.vanished) behind(file, `was deleted after ${store} was generated: the index still answers from it — run kb generate (its entries are then left out of the index; reject them in kb review if it is gone for good), then kb build`);
  // a source that is empty or cannot be read: what is wrong is the file (its code says which), not the store being behind it
  for (const p of found.unreadableProblems ?? []) out.push({ ...p, severity: 'error', message: `${p.message} (a source of ${store} that is empty or cannot be read fails --strict: the index answers from the entries kb generate made of it before; once the file is fixed or removed, run kb generate and kb build)` });
  return out;
}

/** Why a store gave nothing to index: what each of its entries is, and what to do. */
function storeLeftNothing(store: string, excluded: NonNullable<BuildStats['excluded']>, onlyApproved: boolean): string {
  const parts = [
    excluded.rejected > 0 ? `${excluded.rejected} rejected` : '',
    onlyApproved && excluded.pending > 0 ? `${excluded.pending} pending (--only-approved)` : '',
    excluded.noAnswer > 0 ? `${excluded.noAnswer} without an answer` : '',
    excluded.sourceMissing > 0 ? `${excluded.sourceMissing} whose source is gone` : '',
  ].filter((p) => p !== '');
  if (parts.length === 0) return `${store} has no entries: run kb generate to write them, or build from the sources without --store`;
  return `every entry of ${store} is left out (${parts.join(', ')}): approve or answer some in kb review${onlyApproved ? ', or build without --only-approved' : ''}`;
}

/** Whether the file at `path` holds exactly `bytes` (false when it cannot be read). */
async function holdsBytes(path: string, bytes: Uint8Array): Promise<boolean> {
  try {
    if ((await stat(path)).size !== bytes.length) return false;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(await readFile(path));
  } catch {
    return false;
  }
}

/** What `build` returns: the stats, or the problems; `strictFailed` when `strict`'s checks failed (and no index was written). */
export type BuildResult = Result<BuildStats> & { problems?: Problem[]; strictFailed?: true };

export async function build(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const log = options.logger ?? (() => {});
  const ingestOptions: Parameters<typeof ingestPaths>[1] = {};
  if (options.maxFileBytes !== undefined) ingestOptions.maxFileBytes = options.maxFileBytes;
  if (options.maxUnzippedBytes !== undefined) ingestOptions.maxUnzippedBytes = options.maxUnzippedBytes;
  if (options.cwd !== undefined) ingestOptions.cwd = options.cwd;
  if (options.onProgress !== undefined) ingestOptions.onProgress = options.onProgress;
  const progress = (done: number, label: string): void => options.onProgress?.(done, BUILD_STEPS, label);
  const problems: Problem[] = [];
  let entries: Entry[];
  let files = 0;
  let failedFiles = 0;
  let excluded: BuildStats['excluded'];
  let staleIndexed: number | undefined;
  let outdated: BuildStats['outdated'];
  /** The documents read, building from the sources. */
  let documents: readonly Document[] | undefined;
  if (options.store !== undefined) {
    progress(0, `reading ${options.store}${options.checkSources !== false ? ' and comparing it with its sources' : ''}`);
    const read = await readStore(options.store);
    if (read === undefined) return fail(problem('file-not-found', 'does not exist: run kb generate to write the store, or build from the sources without --store', { file: options.store }));
    if (!read.ok) return fail(read.problems);
    const selected = entriesToIndex(read.value, options.onlyApproved === true);
    entries = selected.entries;
    const { noAnswer: drafts, answerLost: lost } = selected.leftOut;
    excluded = { rejected: selected.leftOut.rejected, pending: selected.leftOut.pending, noAnswer: drafts.length + lost.length, answerLost: lost.length, sourceMissing: selected.leftOut.sourceMissing.length };
    staleIndexed = selected.sourceChanged.length;
    // --strict (with the source check) names each entry whose source changed since its review as an error, below
    const strict = options.strict === true && options.checkSources !== false;
    const stale = staleWarning(options.store, strict ? 0 : selected.sourceChanged.length, selected.leftOut.sourceMissing.length);
    if (stale !== undefined) problems.push(stale);
    if (strict) {
      const changed = new Set(selected.sourceChanged);
      problems.push(...strictStaleProblems(options.store, entries.filter((e) => changed.has(e.id))));
    }
    problems.push(...unansweredWarnings(options.store, drafts, lost));
    problems.push(...duplicateQuestions(entries, options.store));
    if (options.checkSources !== false) {
      const check: Parameters<typeof findOutdatedSources>[1] = {};
      if (options.cwd !== undefined) check.cwd = options.cwd;
      check.store = options.store;
      if (options.storeSources !== undefined) check.sources = options.storeSources;
      if (options.maxFileBytes !== undefined) check.maxFileBytes = options.maxFileBytes;
      if (options.maxUnzippedBytes !== undefined) check.maxUnzippedBytes = options.maxUnzippedBytes;
      const found = await findOutdatedSources(read.value, check);
      outdated = { changed: found.changed, added: found.added, vanished: found.vanished };
      if (options.strict === true) problems.push(...strictOutdatedProblems(options.store, found));
      else {
        const behind = outdatedWarning(options.store, found);
        if (behind !== undefined) problems.push(behind);
        // a source that cannot be read does not stop a build from the store, but kb generate will fail on it
        for (const p of found.unreadableProblems) problems.push({ ...p, severity: 'warning', message: `${p.message} (this index is built from ${options.store} as it is; kb generate will report this file too)` });
      }
      log('info', `compared ${options.store} with its sources in ${found.milliseconds} ms: ${found.changed.length} changed, ${found.added.length} new, ${found.vanished.length} deleted, ${found.unreadable.length} unreadable`);
    }
    files = 1;
    log('info', `read ${read.value.length} entries from ${options.store}: ${entries.length} to index, ${excluded.rejected} rejected${options.onlyApproved === true ? `, ${excluded.pending} pending (not approved)` : ''} left out`);
  } else {
    const run = await ingestPaths(options.sources, ingestOptions);
    problems.push(...run.problems);
    documents = run.documents;
    progress(0, `generating the questions of ${run.documents.length} documents`);
    const generated = entriesFromDocuments(run.documents, {
      ...(options.similar !== undefined ? { similar: options.similar } : {}),
      ...(options.faqSimilar !== undefined ? { faqSimilar: options.faqSimilar } : {}),
    });
    entries = generated.entries;
    const generation = generated.stats;
    problems.push(...generated.problems);
    files = run.files.length;
    failedFiles = run.failed.length;
    log('info', `read ${run.documents.length} of ${run.files.length} files: ${entries.length} entries`);
    log('info', `generated questions for ${generation.generated} sections, extracted ${generation.extracted} Q&A pairs, ${generation.faq} FAQ rows; ${generation.similarKept} similar questions kept, ${generation.similarDropped} dropped by the quality gate`);
  }
  // --strict failed: no index is written (a kb serve watching the file would load it), the old one stays
  if (options.strict === true && options.store !== undefined && problems.some((p) => p.severity === 'error')) return { ...fail<BuildStats>(problems), strictFailed: true };
  if (entries.length === 0) {
    // sources read that made no entry (a title over its update line) are no wrong path, nor is a store
    // whose entries are all left out (it said "none of the sources gave any text; check the paths")
    const why =
      options.store !== undefined && excluded !== undefined
        ? storeLeftNothing(options.store, excluded, options.onlyApproved === true)
        : documents !== undefined && documents.length > 0
          ? noEntriesReason(documents)
          : 'none of the sources gave any text; check the paths';
    return fail([...problems, problem('no-input', `no entries to index: ${why}`, {})]);
  }
  const built = await buildFromEntries(entries, options);
  if (!built.ok) return fail([...problems, ...built.problems]);
  const twins = twinsWarning(built.value.twins, options.store);
  if (twins !== undefined) problems.push(twins);
  progress(3, `writing ${options.out}`);
  const bytes = options.out.endsWith('.gz') ? gzipSync(built.value.bytes, { level: 9 }) : built.value.bytes;
  const unchanged = await holdsBytes(options.out, bytes);
  try {
    if (!unchanged) {
      await mkdir(dirname(options.out), { recursive: true });
      await writeOutputFile(options.out, bytes);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return fail([...problems, problem('write-failed', `the index cannot be written here (${code}); check that the folder is writable`, { file: options.out })]);
  }
  progress(BUILD_STEPS, '');
  const stats: BuildStats = {
    out: options.out,
    from: options.store !== undefined ? 'store' : 'sources',
    files,
    failedFiles,
    entries: entries.length,
    variants: entries.reduce((n, e) => n + 1 + e.similar.length, 0),
    vocabulary: built.value.vocabulary,
    terms: built.value.terms,
    associations: built.value.associations,
    bytes: bytes.length,
    unchanged,
    milliseconds: Math.round(performance.now() - started),
    calibration: built.value.calibration,
  };
  if (excluded !== undefined) stats.excluded = excluded;
  if (staleIndexed !== undefined) stats.staleIndexed = staleIndexed;
  if (outdated !== undefined) stats.outdated = outdated;
  return ok(stats, problems);
}
