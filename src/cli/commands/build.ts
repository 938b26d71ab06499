/**
 * `kb build`: sources → one index file.
 *
 * Exit codes: 0 when every source was read (warnings, such as a skipped duplicate row, do not
 * fail the build); 1 when a source failed to parse or does not exist — the index is still written from the other
 * sources, so that it can be inspected and evaluated, but CI fails, because an answer the bot no
 * longer has is a regression nobody asked for; 1 as well when nothing could be indexed or the
 * index cannot be written (then no index is written); 1 with `--strict` when the store is behind its
 * sources (a source edited, added or deleted since kb generate: the index would answer from the old
 * store) or a source is empty or cannot be read — one error per file — or an indexed entry's source
 * changed after an editor edited or reviewed it — one error per entry —, a summary that counts them
 * apart, and no index written (the one there stays as it was); 2 for usage errors.
 */
import type { FaqSimilarMode } from '../../generate/faq-similar.js';
import { build, type BuildStats } from '../../build/index.js';
import { problem, warning, type Problem } from '../../core/problems.js';
import { existsSync, statSync } from 'node:fs';
import { CONFIG_FILE, DEFAULT_OUT, DEFAULT_STORE } from '../../config/config.js';
import { EXIT, UsageError } from '../cli.js';
import { configAbove, locateInConfig, workingConfig } from '../config.js';
import { printProblems, progressLine, type Output } from '../output.js';
import { readSuites } from './eval.js';

export interface BuildCommandOptions {
  sources: string[];
  out?: string;
  dictionary?: string;
  synonyms?: string;
  stopwords?: string;
  json: boolean;
  /** Expand questions with the built-in lexicon (`--no-lexicon` turns it off). */
  lexicon: boolean;
  /** Similar questions per entry (default: kb.config.yaml's, else 5). */
  similar?: number;
  /** Generated similar questions for FAQ rows too, building from sources (default: kb.config.yaml's, else none). */
  faqSimilar?: FaqSimilarMode;
  /** `--store FILE`: build from this store; `false` (`--no-store`): always from the sources. */
  store?: string | false;
  onlyApproved: boolean;
  /** From a store: read the sources again to warn when the store is behind them (`--no-source-check` turns it off). */
  sourceCheck?: boolean;
  /** `--strict`: from a store, the store being behind its sources fails the build (exit 1), for CI. */
  strict?: boolean;
  /** `--calibrate-on`: suites of labelled questions to fit the confidence on (default: kb.config.yaml's `calibrate-on`). */
  calibrateOn?: string[];
  maxFileBytes: number;
  maxUnzippedBytes: number;
}

function size(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

/**
 * Where the entries come from: `--store FILE`; else, with no sources on the command line, the
 * store of kb.config.yaml (or kb/qa.jsonl) when it exists; else the sources, generated in memory.
 */
async function storeToUse(options: BuildCommandOptions, configStore: string | undefined, output: Output): Promise<string | undefined> {
  if (typeof options.store === 'string') {
    if (options.sources.length > 0) throw new UsageError('name either sources or --store, not both (the store already holds the entries made from the sources)');
    return options.store;
  }
  const store = configStore ?? DEFAULT_STORE;
  if (options.store === false || !existsSync(store)) return undefined;
  if (options.sources.length === 0) return store;
  output.err(`kb build: building from the sources named; ${store} is not used (run kb build with no sources, or --store ${store}, to build from it)`);
  return undefined;
}

function leftOut(excluded: BuildStats['excluded'], onlyApproved: boolean): string {
  if (excluded === undefined) return '';
  const parts = [`${excluded.rejected} rejected`];
  if (onlyApproved) parts.push(`${excluded.pending} not approved`);
  const drafts = excluded.noAnswer - excluded.answerLost;
  if (drafts > 0) parts.push(`${drafts} without an answer`);
  if (excluded.answerLost > 0) parts.push(`${excluded.answerLost} whose answer was emptied`);
  if (excluded.sourceMissing > 0) parts.push(`${excluded.sourceMissing} whose source is gone`);
  return excluded.rejected + excluded.pending + excluded.noAnswer + excluded.sourceMissing > 0 ? ` (left out: ${parts.join(', ')})` : '';
}

export async function runBuild(options: BuildCommandOptions, output: Output): Promise<number> {
  const config = await workingConfig();
  const store = await storeToUse(options, config?.store, output);
  if (options.strict === true && options.sourceCheck === false) throw new UsageError('--strict fails the build when the store is behind its sources, which --no-source-check does not look at: drop one of them');
  if (options.onlyApproved && store === undefined) throw new UsageError('--only-approved needs a store (kb generate writes one; or name it with --store FILE)');
  const sources = store !== undefined ? [] : options.sources.length > 0 ? options.sources : (config?.sources ?? []);
  if (store === undefined && sources.length === 0) {
    throw new UsageError(
      config === undefined
        ? `name the sources to build from (kb build sources/ --out kb.index), or run kb init to write a kb.config.yaml${configAbove()}`
        : 'kb.config.yaml lists no sources; add them under "sources:" or name them on the command line',
    );
  }
  const out = options.out ?? config?.out ?? DEFAULT_OUT;
  // out: dist/ (a folder) said 'the index cannot be written here (EISDIR); check that the folder is writable'
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory() === true) {
    const file = `${out.replace(/\/+$/, '')}/kb.index`;
    const where = options.out === undefined && config !== undefined ? `out: ${file} in ${CONFIG_FILE}` : `--out ${file}`;
    printProblems(output, [problem('write-failed', `is a folder, not a file: name the index file itself (${where})`, { file: out })]);
    output.err('kb build: no index written');
    return EXIT.FAILED;
  }
  // the paths kb.config.yaml names that are not there: say where they are written (a dictionary, a
  // source folder the store is checked against: kb build from the store said nothing about it)
  const fromConfig = new Map<string, string>();
  if (config !== undefined) {
    for (const key of ['dictionary', 'synonyms', 'stopwords'] as const) {
      const file = config[key];
      if (options[key] === undefined && file !== undefined) fromConfig.set(file, key);
    }
    if (options.calibrateOn === undefined) for (const f of config.calibrateOn ?? []) fromConfig.set(f, 'calibrate-on');
  }
  if (config !== undefined && store === undefined && options.sources.length === 0) for (const f of config.sources) fromConfig.set(f, 'sources');
  const located = (problems: readonly Problem[]): Problem[] => locateInConfig(problems, fromConfig);
  if (store !== undefined && typeof options.store !== 'string' && options.sources.length === 0) {
    const missing = (config?.sources ?? []).filter((f) => !/[*?[{]/.test(f) && !existsSync(f));
    printProblems(output, missing.map((f) => warning('file-not-found', `does not exist; fix the path under sources in ${CONFIG_FILE} (kb build checks ${store} against those sources)`, { file: f })));
  }
  const buildOptions: Parameters<typeof build>[0] = {
    sources,
    out,
    maxFileBytes: options.maxFileBytes,
    maxUnzippedBytes: options.maxUnzippedBytes,
    // --no-lexicon wins; otherwise kb.config.yaml's `lexicon: false` turns it off
    lexicon: options.lexicon && config?.lexicon !== false,
    // a 60,000-entry store takes a minute or two: the step on a terminal
    onProgress: progressLine(output),
  };
  if (store !== undefined) {
    if (options.similar !== undefined) output.err(`kb build: --similar applies when kb builds from sources; the similar questions in ${store} are indexed as they are (kb generate --similar ${options.similar} rewrites them)`);
    buildOptions.store = store;
    buildOptions.onlyApproved = options.onlyApproved;
    buildOptions.checkSources = options.sourceCheck !== false;
    if (options.strict === true) buildOptions.strict = true;
    // the store of this project (not one named with --store): new files in its sources count too
    if (typeof options.store !== 'string' && config?.sources !== undefined) buildOptions.storeSources = config.sources;
  }
  const dictionary = options.dictionary ?? config?.dictionary;
  const synonyms = options.synonyms ?? config?.synonyms;
  const stopwords = options.stopwords ?? config?.stopwords;
  if (dictionary !== undefined) buildOptions.userDict = dictionary;
  if (synonyms !== undefined) buildOptions.synonyms = synonyms;
  if (stopwords !== undefined) buildOptions.stopwords = stopwords;
  const similar = options.similar ?? config?.similar;
  if (similar !== undefined) buildOptions.similar = similar;
  const faqSimilar = options.faqSimilar ?? config?.faqSimilar;
  if (faqSimilar !== undefined) buildOptions.faqSimilar = faqSimilar;
  const calibrateOn = options.calibrateOn ?? config?.calibrateOn;
  if (calibrateOn !== undefined) {
    // a suite that cannot be read is said, and the confidence is fitted on the others (or as without them)
    const { cases, problems } = await readSuites(calibrateOn);
    // (a suite kb.config.yaml names says so; one given by the flag says which flag)
    const read = problems.map((p) => ({ ...p, severity: 'warning' as const }));
    printProblems(output, located(read).map((p, i) => (p === read[i] ? { ...p, message: `${p.message} (calibrate-on)` } : p)));
    buildOptions.calibrateOn = { files: calibrateOn, cases };
  }
  if (store !== undefined && faqSimilar !== undefined) {
    // the store is indexed as it is: say when it is behind the faq-similar setting (the flag wins over kb.config.yaml's)
    const said = await faqSimilarBehind(store, faqSimilar, similar, options.faqSimilar !== undefined ? `--faq-similar ${faqSimilar}` : `faq-similar: ${faqSimilar} in ${CONFIG_FILE}`);
    if (said !== undefined) printProblems(output, [said]);
  }
  const result = await build(buildOptions);
  if (!result.ok) {
    printProblems(output, located(result.problems));
    // --strict's errors: the store is behind these sources, a source is empty or cannot be read, an entry's review is out of date
    if (store !== undefined && result.strictFailed === true) {
      if (options.json) output.out(JSON.stringify({ out: buildOptions.out, written: false, problems: result.problems }, null, 2));
      output.err(strictSummary(store, buildOptions.out, result.problems.filter((p) => p.severity === 'error')));
      return EXIT.FAILED;
    }
    output.err(`kb build: no index written`);
    return EXIT.FAILED;
  }
  printProblems(output, located(result.warnings));
  const s = result.value;
  if (options.json) output.out(JSON.stringify({ ...s, problems: result.warnings }, null, 2));
  else {
    const from =
      s.from === 'store'
        ? `from ${store ?? 'the store'}${leftOut(s.excluded, options.onlyApproved)}`
        : `from ${s.files - s.failedFiles} of ${s.files} files`;
    output.out(`${s.out}: ${s.entries} entries (${s.variants} question variants) ${from}`);
    output.out(`  vocabulary ${s.vocabulary} words, ${s.terms} index terms, ${s.associations} learned associations, confidence calibrated ${s.calibration}`);
    output.out(`  ${size(s.bytes)} in ${(s.milliseconds / 1000).toFixed(2)} s${s.unchanged ? ` (unchanged: ${s.out} already held this index and was left as it was)` : ''}`);
  }
  const errors = result.warnings.filter((p) => p.severity === 'error');
  const failed = new Set(errors.map((p) => p.file ?? '')).size;
  if (failed === 0) return EXIT.OK;
  output.err(`kb build: ${failed === 1 ? '1 source' : `${failed} sources`} could not be read (see above); the index was written without ${failed === 1 ? 'it' : 'them'}`);
  return EXIT.FAILED;
}

/** A warning when the store's FAQ rows are behind the faq-similar setting (`from`: the flag or kb.config.yaml); none when it cannot be read (the build says why). */
async function faqSimilarBehind(store: string, mode: FaqSimilarMode, similar: number | undefined, from: string): Promise<Problem | undefined> {
  const [{ readStore }, { faqRowsBehind, faqRowsBehindMessage }, { DEFAULT_SIMILAR }] = await Promise.all([import('../../store/store.js'), import('../../generate/faq-similar.js'), import('../../generate/index.js')]);
  const read = await readStore(store);
  if (read === undefined || !read.ok) return undefined;
  const behind = faqRowsBehind(read.value, mode, similar ?? DEFAULT_SIMILAR);
  if (behind.length === 0) return undefined;
  return warning('store-outdated', `${faqRowsBehindMessage(behind, mode, from)} (this index is built from ${store} as it is)`, { file: store });
}

/**
 * The last line of a failed `kb build --strict`: how many sources the store is behind, how many are
 * empty or cannot be read — before, an empty source was counted as one the store is behind — and
 * how many entries' reviews are out of date; that the index was not written, and what to run.
 */
function strictSummary(store: string, out: string, errors: readonly Problem[]): string {
  const files = (codes: (code: string) => boolean): number => new Set(errors.filter((p) => codes(p.code)).map((p) => p.file ?? '')).size;
  const behind = files((c) => c === 'store-outdated');
  const unreadable = files((c) => c !== 'store-outdated' && c !== 'stale-entries');
  const stale = errors.filter((p) => p.code === 'stale-entries').length;
  const count = (n: number, one: string, many: string): string => (n === 1 ? `1 ${one}` : `${n} ${many}`);
  const found: string[] = [];
  if (behind > 0) found.push(`${store} is behind ${count(behind, 'source file', 'source files')}`);
  const bad = `${unreadable === 1 ? 'is' : 'are'} empty or cannot be read`;
  if (unreadable > 0) found.push(behind > 0 ? `${unreadable} more ${bad}` : `${count(unreadable, 'source file', 'source files')} of ${store} ${bad}`);
  if (stale > 0) found.push(`${count(stale, 'entry', 'entries')} ${found.length > 0 ? 'of it' : `of ${store}`} ${stale === 1 ? 'has' : 'have'} a source that changed since an editor's review`);
  const steps: string[] = [];
  if (unreadable > 0) steps.push(`fix or remove the ${unreadable === 1 ? 'file' : 'files'} that cannot be read`);
  if (behind > 0 || unreadable > 0) steps.push('run kb generate');
  if (behind > 0 || stale > 0) steps.push(`review the changes in kb review${stale > 0 ? ' --stale' : ''}`);
  steps.push('kb build again');
  const listed = found.length === 1 ? (found[0] ?? '') : `${found.slice(0, -1).join(', ')} and ${found.at(-1) ?? ''}`;
  return `kb build: --strict: ${listed} (see above), so ${out} was not written (the one there, if any, is as it was): ${steps.slice(0, -1).join(', ')} and ${steps.at(-1) ?? ''}`;
}
