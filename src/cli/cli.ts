/**
 * The CLI is an adapter: commander turns flags into an options object and lazily imports the
 * command, which calls the core and prints. Exit codes: 0 ok, 1 a check failed, 2 usage error.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { EvalCommandOptions } from './commands/eval.js';
import { MIN_PASSAGE_CHARS } from '../runtime/passage.js';
import { createOutput } from './output.js';
import type { FaqSimilarMode } from '../generate/faq-similar.js';
import { shareHint } from '../core/problems.js';

/** Exit codes: 130 is a run the user stopped with Ctrl-C (128 + SIGINT, as shells report it). */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, CANCELLED: 130 } as const;

/** A usage error raised by a command after commander parsed the flags. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number.');
  return n;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number ≥ 1.');
  return n;
}

function wholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number ≥ 0.');
  return n;
}

/** A passage budget: 0 (none) or at least MIN_PASSAGE_CHARS characters. */
function passageBudget(value: string): number {
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isInteger(n) || (n !== 0 && n < MIN_PASSAGE_CHARS)) throw new InvalidArgumentError(`expected 0 (no passages) or a whole number ≥ ${MIN_PASSAGE_CHARS}.`);
  return n;
}

/** --cors: origins as a browser sends them (scheme://host[:port], no path), or *. */
function originList(value: string): string[] {
  const origins = value.split(',').map((o) => o.trim().replace(/\/+$/u, '')).filter((o) => o !== '');
  const bad = origins.find((o) => o !== '*' && !/^https?:\/\/[^/\s]+$/iu.test(o));
  if (origins.length === 0 || bad !== undefined) throw new InvalidArgumentError(`expected origins such as https://shop.example.com (scheme and host, no path), comma-separated, or *${bad === undefined ? '' : `; not ${bad}`}.`);
  return origins;
}

/**
 * How long kb serve drains on SIGTERM by default: about the time a Kubernetes Service or a load
 * balancer takes to stop sending to a pod told to stop, and with the 5 s grace for requests in
 * progress within docker stop's 10 s and Kubernetes' 30 s before they kill. Ctrl+C never drains.
 */
const DEFAULT_DRAIN_SECONDS = 5;
/** The longest drain: an hour, as MAX_DRAIN_MS of runtime/server.ts (not imported: the CLI loads the server for kb serve only). */
const MAX_DRAIN_SECONDS = 3600;

/** --drain: seconds, a fraction allowed (0.5), a trailing s too (5s, as Kubernetes writes durations); 0: no drain. */
function drainSeconds(value: string): number {
  const v = value.trim().replace(/s$/iu, '');
  const n = v === '' ? Number.NaN : Number(v);
  if (!Number.isFinite(n) || n < 0 || n > MAX_DRAIN_SECONDS) throw new InvalidArgumentError(`expected seconds from 0 to ${MAX_DRAIN_SECONDS}, e.g. 5 or 0.5 (0: SIGTERM stops without draining).`);
  return n;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port from 0 to 65535 (0: any free port).');
  return n;
}

function unitInterval(value: string): number {
  const v = value.trim();
  const percent = v.endsWith('%');
  const n = Number(percent ? v.slice(0, -1) : v);
  // --min-hit1 80% or 80: a share written as a percentage
  const hint = v !== '' && (percent || (Number.isInteger(n) && n >= 5)) ? shareHint(n, v) : '';
  if (hint !== '') throw new InvalidArgumentError(`expected a number from 0 to 1${hint}.`);
  if (v === '' || percent || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1.');
  return n;
}

/**
 * A file path that must not be empty: `--markdown "$GITHUB_STEP_SUMMARY"` run outside GitHub Actions
 * passes '' (the variable is unset), which used to fail after the whole run with `error : is a
 * folder, not a file`.
 */
function filePath(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('expected a file path, got an empty one (an unset variable such as "$GITHUB_STEP_SUMMARY"?); name a file, e.g. "${GITHUB_STEP_SUMMARY:-summary.md}" in a script that also runs outside GitHub Actions.');
  return value;
}

/** A threshold: a number from 0 to 1, or auto (kb eval chooses; kb serve and kb gaps use 0.5 and say so). */
function thresholdOrAuto(value: string): number | 'auto' {
  if (value.trim().toLowerCase() === 'auto') return 'auto';
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1, or auto.');
  return n;
}

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('kb')
    .description('Build, review and evaluate knowledge bases for customer-service bots.')
    .version('0.1.0', '-V, --version')
    .showHelpAfterError('(run kb --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program
    .command('ingest')
    .description('read documents and FAQ tables and show what kb understood')
    .argument('<inputs...>', 'files, folders or globs (md pdf docx html txt csv xlsx jsonl)')
    .option('--json', 'print the documents as JSON on stdout')
    .option('--tree', 'print each document\'s heading tree')
    .option('--sections', 'print every section with its text (first characters)')
    .addOption(new Option('--max-file-mb <n>', 'refuse files larger than this').argParser(positiveNumber).default(50))
    .addOption(new Option('--max-unzipped-mb <n>', 'refuse DOCX/XLSX that unpack to more than this').argParser(positiveNumber).default(200))
    .action(async (inputs: string[], flags: { json?: boolean; tree?: boolean; sections?: boolean; maxFileMb: number; maxUnzippedMb: number }) => {
      const { runIngest } = await import('./commands/ingest.js');
      setExitCode(
        await runIngest(
          {
            inputs,
            json: flags.json === true,
            tree: flags.tree === true,
            sections: flags.sections === true,
            maxFileBytes: Math.round(flags.maxFileMb * 1024 * 1024),
            maxUnzippedBytes: Math.round(flags.maxUnzippedMb * 1024 * 1024),
          },
          createOutput(),
        ),
      );
    });

  program
    .command('init')
    .description('write a commented kb.config.yaml in this folder')
    .action(async () => {
      const { runInit } = await import('./commands/init.js');
      setExitCode(await runInit(createOutput()));
    });

  program
    .command('generate')
    .description('write Q&A entries for the sources into the store (kb/qa.jsonl), keeping every editor decision')
    .argument('[sources...]', 'files, folders or globs (no arguments: kb.config.yaml)')
    .option('--store <file>', 'the Q&A store (default: "store" of kb.config.yaml, else kb/qa.jsonl)')
    .addOption(new Option('--similar <n>', 'paraphrases added per entry, on top of the questions the rules write, 0 = none (default 5)').argParser(wholeNumber))
    .addOption(new Option('--faq-similar <rows>', 'generated similar questions for FAQ table rows too: all, top-up (rows with fewer than --similar of their own) or none (default: none; docs/generate.md)').choices(['none', 'all', 'top-up']))
    .addOption(new Option('--generator <name>', 'rules (default, offline) or llm (an OpenAI-compatible endpoint: KB_LLM_BASE_URL, KB_LLM_MODEL, KB_LLM_API_KEY)').choices(['rules', 'llm']).default('rules'))
    .option('--all', 'rewrite every entry nobody touched, although its source did not change: with the rules, as this kb writes them (after an upgrade: its improved questions; entries the model wrote stay); with --generator llm, ask the model for every section again (default: only new and changed sections and those whose entries the rules wrote)')
    .option('--dry-run', 'show what would change (and, with --generator llm, how many sections would be sent); write nothing, send nothing')
    .option('--json', 'print what changed as JSON')
    .addOption(new Option('--max-file-mb <n>', 'refuse files larger than this').argParser(positiveNumber).default(50))
    .addOption(new Option('--max-unzipped-mb <n>', 'refuse DOCX/XLSX that unpack to more than this').argParser(positiveNumber).default(200))
    .addHelpText(
      'after',
      '\nRe-running after a source changed touches only that source\'s entries: unchanged sources keep their\n' +
        'entries as they are; reviewed or edited entries whose source changed or vanished are kept and marked\n' +
        'stale for re-review (docs/store.md).\n' +
        'With --generator llm, a re-run sends the model only the sections that need it; answers are kept in\n' +
        'kb/.llm-cache.jsonl as they arrive, so a run stopped half-way goes on where it stopped (docs/generate.md).\n' +
        'Exit codes: 0 written; 1 a source could not be read (the others are still merged) or the store is invalid\n' +
        '(then it is not touched); 2 usage error.',
    )
    .action(async (sources: string[], flags: { store?: string; similar?: number; faqSimilar?: FaqSimilarMode; generator: 'rules' | 'llm'; all?: boolean; dryRun?: boolean; json?: boolean; maxFileMb: number; maxUnzippedMb: number }) => {
      const { runGenerate } = await import('./commands/generate.js');
      const options: import('./commands/generate.js').GenerateCommandOptions = {
        sources,
        generator: flags.generator,
        dryRun: flags.dryRun === true,
        json: flags.json === true,
        maxFileBytes: Math.round(flags.maxFileMb * 1024 * 1024),
        maxUnzippedBytes: Math.round(flags.maxUnzippedMb * 1024 * 1024),
      };
      if (flags.store !== undefined) options.store = flags.store;
      if (flags.similar !== undefined) options.similar = flags.similar;
      if (flags.faqSimilar !== undefined) options.faqSimilar = flags.faqSimilar;
      if (flags.all === true) options.all = true;
      setExitCode(await runGenerate(options, createOutput()));
    });

  program
    .command('build')
    .description('build one index file from documents and FAQ tables (no arguments: read kb.config.yaml)')
    .argument('[sources...]', 'files, folders or globs')
    .option('-o, --out <file>', 'the index file to write (.gz to compress)')
    .option('--dictionary <file>', 'jieba user dictionary: "word [freq] [tag]" per line')
    .option('--synonyms <file>', 'synonym groups, one per line; the first word is canonical')
    .option('--stopwords <file>', 'extra stopwords, one per line')
    .option('--no-lexicon', 'do not expand questions with the built-in after-sales lexicon (docs/matching.md)')
    .addOption(new Option('--similar <n>', 'paraphrases added per entry, on top of the questions the rules write, 0 = none (default 5; docs/generate.md)').argParser(wholeNumber))
    .addOption(new Option('--faq-similar <rows>', 'generated similar questions for FAQ table rows too: all, top-up (rows with fewer than --similar of their own) or none (default: none; docs/generate.md)').choices(['none', 'all', 'top-up']))
    .option('--store <file>', 'build from this Q&A store instead of the sources (default with no sources: kb/qa.jsonl when it exists)')
    .option('--no-store', 'build from the sources even when a store exists')
    .option('--only-approved', 'from a store: index approved entries only (default: all but rejected)')
    .option('--no-source-check', 'from a store: do not read the sources again to warn when the store is behind them')
    .option('--strict', 'from a store: fail (exit 1) and write no index when the store is behind its sources (a source edited, added or deleted since kb generate) or an entry\'s source changed after an editor\'s edit or review, for CI')
    .option('--calibrate-on <suites...>', 'fit the confidence on these labelled questions (suites as kb eval reads them), not on the KB\'s own paraphrases (docs/matching.md)')
    .option('--json', 'print the build statistics as JSON')
    .addHelpText(
      'after',
      '\nWith no sources named, kb build builds from the store (kb generate writes it) when it exists,\n' +
        'else from the sources of kb.config.yaml, generating questions in memory.\n' +
        'Flags override kb.config.yaml, which gives the rest when present.\n' +
        'Exit codes: 0 built; 1 a source could not be read (the index is still written from the others),\n' +
        'with --strict the store is behind its sources, one of them is empty or cannot be read, or an\n' +
        'entry\'s source changed since an editor\'s review (no index is written; the one there stays),\n' +
        'or nothing could be indexed (no index is written); 2 usage error.',
    )
    .addOption(new Option('--max-file-mb <n>', 'refuse files larger than this').argParser(positiveNumber).default(50))
    .addOption(new Option('--max-unzipped-mb <n>', 'refuse DOCX/XLSX that unpack to more than this').argParser(positiveNumber).default(200))
    .action(async (sources: string[], flags: { out?: string; dictionary?: string; synonyms?: string; stopwords?: string; lexicon: boolean; similar?: number; faqSimilar?: FaqSimilarMode; store?: string | boolean; onlyApproved?: boolean; sourceCheck: boolean; strict?: boolean; calibrateOn?: string[]; json?: boolean; maxFileMb: number; maxUnzippedMb: number }, command: Command) => {
      // --store FILE and --no-store set one value: the later one would silently win
      const given = command.parent?.args ?? [];
      if (given.includes('--no-store') && given.some((a) => a === '--store' || a.startsWith('--store='))) throw new UsageError('--store and --no-store contradict each other: name a store, or build from the sources');
      const { runBuild } = await import('./commands/build.js');
      const options: import('./commands/build.js').BuildCommandOptions = {
        sources,
        json: flags.json === true,
        onlyApproved: flags.onlyApproved === true,
        sourceCheck: flags.sourceCheck,
        strict: flags.strict === true,
        lexicon: flags.lexicon,
        maxFileBytes: Math.round(flags.maxFileMb * 1024 * 1024),
        maxUnzippedBytes: Math.round(flags.maxUnzippedMb * 1024 * 1024),
      };
      if (flags.out !== undefined) options.out = flags.out;
      if (flags.dictionary !== undefined) options.dictionary = flags.dictionary;
      if (flags.synonyms !== undefined) options.synonyms = flags.synonyms;
      if (flags.stopwords !== undefined) options.stopwords = flags.stopwords;
      if (flags.similar !== undefined) options.similar = flags.similar;
      if (flags.faqSimilar !== undefined) options.faqSimilar = flags.faqSimilar;
      if (flags.calibrateOn !== undefined) options.calibrateOn = flags.calibrateOn;
      if (typeof flags.store === 'string') options.store = flags.store;
      else if (flags.store === false) options.store = false;
      setExitCode(await runBuild(options, createOutput()));
    });

  program
    .command('query')
    .description('ask the index a question and show the ranked hits')
    .argument('<question>', 'the customer question')
    .option('-i, --index <file>', 'the index file (default: "out" of kb.config.yaml)')
    .addOption(new Option('-k <n>', 'how many hits').argParser(positiveInteger).default(5))
    .addOption(new Option('--threshold <x>', 'hide hits below this confidence (0–1)').argParser(unitInterval).default(0))
    .addOption(new Option('--passage-chars <n>', 'a hit whose answer is longer than this shows a passage at most this long, the part the question is about (default 200, at least 20; 0: whole answers)').argParser(passageBudget))
    .option('--json', 'print the hits as JSON')
    .action(async (question: string, flags: { index?: string; k: number; threshold: number; passageChars?: number; json?: boolean }) => {
      const { runQuery } = await import('./commands/query.js');
      const options: import('./commands/query.js').QueryCommandOptions = { question, k: flags.k, threshold: flags.threshold, json: flags.json === true };
      if (flags.index !== undefined) options.index = flags.index;
      if (flags.passageChars !== undefined) options.passageChars = flags.passageChars;
      setExitCode(await runQuery(options, createOutput()));
    });

  program
    .command('serve')
    .description('answer questions over HTTP from an index (GET /search?q=…, POST /search, GET /health), for bots in any language')
    .option('-i, --index <file>', 'the index file (default: "out" of kb.config.yaml)')
    .addOption(new Option('-p, --port <n>', 'port to listen on (0: any free port)').argParser(portNumber).default(8080))
    .option('--host <address>', 'address to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .addOption(new Option('-k <n>', 'hits per search unless the request says').argParser(positiveInteger).default(5))
    .addOption(new Option('--threshold <x|auto>', 'hide hits below this confidence (0–1) unless the request says; auto: 0.5, as threshold: auto in kb.config.yaml — pass the number kb eval --threshold auto prints (default: eval.threshold of kb.config.yaml when a number, 0.5 when it is auto, else 0)').argParser(thresholdOrAuto))
    .addOption(new Option('--passage-chars <n>', 'the top hit of an answer longer than this carries a passage at most this long, unless the request says (passageChars; default 200, at least 20; 0: none)').argParser(passageBudget))
    .option('--log <file>', 'append every question to this JSONL file (kb gaps reads it)')
    .option('--no-watch', 'do not reload the index when its file changes (SIGHUP still does)')
    .addOption(new Option('--cors <origins>', 'let web pages at these origins ask from a browser (comma-separated, e.g. https://shop.example.com; *: any page)').argParser(originList))
    .addOption(new Option('--drain <seconds>', 'on SIGTERM (Kubernetes, docker stop, systemctl stop), keep answering searches this long while GET /health answers 503, so load balancers take the instance out first; then stop. Ctrl+C (SIGINT) never drains; 0: no drain').argParser(drainSeconds).default(DEFAULT_DRAIN_SECONDS))
    .action(async (flags: { index?: string; port: number; host: string; k: number; threshold?: number | 'auto'; passageChars?: number; log?: string; watch: boolean; cors?: string[]; drain: number }) => {
      const { runServe } = await import('./commands/serve.js');
      const options: import('./commands/serve.js').ServeCommandOptions = { port: flags.port, host: flags.host, k: flags.k, watch: flags.watch, drainSeconds: flags.drain };
      if (flags.threshold !== undefined) options.threshold = flags.threshold;
      if (flags.passageChars !== undefined) options.passageChars = flags.passageChars;
      if (flags.index !== undefined) options.index = flags.index;
      if (flags.log !== undefined) options.log = flags.log;
      if (flags.cors !== undefined) options.cors = flags.cors;
      setExitCode(await runServe(options, createOutput()));
    });

  program
    .command('eval')
    .description('run regression suites (YAML, JSONL, CSV) against an index: hit rates, thresholds, gates, gaps and reports (docs/eval.md)')
    .argument('[suites...]', 'suite files or folders (no arguments: kb.config.yaml)')
    .addOption(new Option('-i, --index <file>', 'the index file (default: "out" of kb.config.yaml)').argParser(filePath))
    .addOption(new Option('-k <n>', 'rank cut-off for hit@k and MRR@k').argParser(positiveInteger))
    .option('--json', 'print metrics and every case as JSON')
    .addOption(new Option('--threshold <x|auto>', 'judge answers by confidence: a number from 0 to 1, or auto (the most correct decisions)').argParser(thresholdOrAuto))
    .addOption(new Option('--min-hit1 <x>', 'fail (exit 1) when hit@1 is below this').argParser(unitInterval))
    .addOption(new Option('--min-hitk <x>', 'fail when hit@k is below this').argParser(unitInterval))
    .addOption(new Option('--min-mrr <x>', 'fail when MRR@k is below this').argParser(unitInterval))
    .addOption(new Option('--max-false-answer <x>', 'fail when more than this share of out-of-scope cases is answered (needs --threshold)').argParser(unitInterval))
    .addOption(new Option('--baseline <file>', 'a previous `kb eval --json` output: list newly failing and newly passing cases').argParser(filePath))
    .option('--fail-on-regression', 'fail when a case passing in the baseline fails now')
    .addOption(new Option('--junit <file>', 'write a JUnit XML report (one test case per question)').argParser(filePath))
    .addOption(new Option('--markdown <file>', 'write a Markdown report (pull-request comment, CI step summary: appended to $GITHUB_STEP_SUMMARY)').argParser(filePath))
    .addOption(new Option('--html <file>', 'write a self-contained HTML report with charts and a searchable case table').argParser(filePath))
    .option('--gaps', 'also print the gaps (failing questions clustered) and the coverage')
    .option('--suggest', 'propose each failing question to its expected entry in the store ("suggested", pending review)')
    .addOption(new Option('--store <file>', 'the Q&A store for --suggest (default kb/qa.jsonl)').argParser(filePath))
    .addHelpText(
      'after',
      '\nExit codes: 0 ran and every gate passed; 1 a gate failed, a case newly failed with\n' +
        '--fail-on-regression, a suite or case could not be read (the others still run and are reported),\n' +
        'no cases, or the index cannot be loaded; 2 usage error.',
    )
    .action(
      async (
        suites: string[],
        // the command's options as flags: the gates one by one, switches possibly absent
        flags: Omit<EvalCommandOptions, 'suites' | 'json' | 'gates'> & { json?: boolean; minHit1?: number; minHitk?: number; minMrr?: number; maxFalseAnswer?: number },
      ) => {
        const { runEval } = await import('./commands/eval.js');
        const options: EvalCommandOptions = { suites, json: flags.json === true, failOnRegression: flags.failOnRegression === true, gaps: flags.gaps === true, suggest: flags.suggest === true };
        if (flags.index !== undefined) options.index = flags.index;
        if (flags.k !== undefined) options.k = flags.k;
        if (flags.threshold !== undefined) options.threshold = flags.threshold;
        const gates: EvalCommandOptions['gates'] = {};
        if (flags.minHit1 !== undefined) gates.minHit1 = flags.minHit1;
        if (flags.minHitk !== undefined) gates.minHitK = flags.minHitk;
        if (flags.minMrr !== undefined) gates.minMrr = flags.minMrr;
        if (flags.maxFalseAnswer !== undefined) gates.maxFalseAnswer = flags.maxFalseAnswer;
        options.gates = gates;
        if (flags.baseline !== undefined) options.baseline = flags.baseline;
        if (flags.junit !== undefined) options.junit = flags.junit;
        if (flags.markdown !== undefined) options.markdown = flags.markdown;
        if (flags.html !== undefined) options.html = flags.html;
        if (flags.store !== undefined) options.store = flags.store;
        setExitCode(await runEval(options, createOutput()));
      },
    );

  program
    .command('gaps')
    .description('find the questions of a customer-question log the index does not answer, clustered by topic, what it lacks most first (docs/eval.md)')
    .argument('<log>', 'questions: text (one a line), CSV/TSV, XLSX or JSONL with a question column (a chat export: the customer\'s rows)')
    .option('-i, --index <file>', 'the index file (default: "out" of kb.config.yaml)')
    .addOption(new Option('--threshold <x|auto>', 'a question is unanswered when its top hit\'s confidence is below this; auto: 0.5, as threshold: auto in kb.config.yaml — pass the number kb eval --threshold auto prints (default: eval.threshold of kb.config.yaml when a number, as kb serve answers, else 0.5)').argParser(thresholdOrAuto))
    .option('--column <name>', 'the question column (CSV) or key (JSONL); default: q, question, query, text, message, 问题, 消息内容, 内容 …')
    .option('--role-column <name>', 'the column (CSV) or key (JSONL) saying who wrote each line, whose customer rows are read; default: role, sender, 角色, 发送方 …; none: read every row')
    .option('--role <values>', 'the role values of the customer\'s rows, comma-separated (default: 客户, 顾客, 买家, 用户, customer, user …)')
    .addOption(new Option('--format <format>', 'how to read the log (default: by extension; other files are text)').choices(['text', 'csv', 'tsv', 'jsonl', 'xlsx']))
    .addOption(new Option('--top <n>', 'clusters to print').argParser(positiveInteger).default(20))
    .addOption(new Option('--examples <n>', 'example questions per cluster').argParser(positiveInteger).default(5))
    .addOption(new Option('--min-size <n>', 'smallest cluster to print and export (questions asked)').argParser(positiveInteger).default(2))
    .addOption(new Option('--similarity <x>', 'how alike questions must be to share a cluster (0–1)').argParser(unitInterval).default(0.5))
    .addOption(new Option('--rank <by>', 'unmet: what the index lacks most first (the share of their words no hit has); asked: most asked first').choices(['unmet', 'asked']).default('unmet'))
    .addOption(new Option('--export <file>', 'write one draft entry per cluster (status pending) in the Q&A store format, for kb import / kb review').argParser(filePath))
    .option('--json', 'print the scan and the clusters as JSON')
    .addHelpText('after', '\nExit codes: 0 done; 1 the log or index cannot be read, or some lines were bad (the rest are used); 2 usage error.')
    .action(
      async (
        log: string,
        flags: { index?: string; threshold?: number | 'auto'; column?: string; roleColumn?: string; role?: string; format?: 'text' | 'csv' | 'tsv' | 'jsonl' | 'xlsx'; top: number; examples: number; minSize: number; similarity: number; rank: 'unmet' | 'asked'; export?: string; json?: boolean },
      ) => {
        const { runGaps } = await import('./commands/gaps.js');
        const options: import('./commands/gaps.js').GapsCommandOptions = { log, top: flags.top, examples: flags.examples, minSize: flags.minSize, similarity: flags.similarity, rank: flags.rank, json: flags.json === true };
        if (flags.index !== undefined) options.index = flags.index;
        if (flags.threshold !== undefined) options.threshold = flags.threshold;
        if (flags.column !== undefined) options.column = flags.column;
        if (flags.roleColumn !== undefined) options.roleColumn = flags.roleColumn === 'none' ? false : flags.roleColumn;
        if (flags.role !== undefined) options.roles = flags.role.split(/[,，、]/).map((r) => r.trim()).filter((r) => r !== '');
        if (flags.format !== undefined) options.format = flags.format;
        if (flags.export !== undefined) options.export = flags.export;
        setExitCode(await runGaps(options, createOutput()));
      },
    );

  program
    .command('review')
    .description('review the Q&A store in a terminal UI: approve, reject, edit, try questions (docs/review.md)')
    .option('--store <file>', 'the Q&A store (default kb/qa.jsonl)')
    .addOption(new Option('--status <status>', 'show only entries with this status at first').choices(['pending', 'approved', 'rejected']))
    .addOption(new Option('--origin <origin>', 'show only entries of this origin at first').choices(['faq', 'extracted', 'generated', 'manual']))
    .option('--stale', 'show only entries whose source changed or vanished at first')
    .addHelpText('after', '\nEvery change is saved to the store at once. Press ? in the review screen for the keys.\nWithout a terminal (CI, a pipe) it exits 1: use kb export / kb import instead.')
    .action(async (flags: { store?: string; status?: 'pending' | 'approved' | 'rejected'; origin?: 'faq' | 'extracted' | 'generated' | 'manual'; stale?: boolean }) => {
      const { runReview } = await import('./commands/review.js');
      const options: import('./commands/review.js').ReviewCommandOptions = {};
      if (flags.store !== undefined) options.store = flags.store;
      if (flags.status !== undefined) options.status = flags.status;
      if (flags.origin !== undefined) options.origin = flags.origin;
      if (flags.stale === true) options.stale = true;
      setExitCode(await runReview(options, createOutput()));
    });

  program
    .command('export')
    .description('write the Q&A store as a spreadsheet (xlsx or csv) to review in Excel (docs/review.md)')
    .argument('<file>', 'the spreadsheet to write (.xlsx or .csv)')
    .addOption(new Option('--format <format>', 'xlsx or csv (default: from the file name)').choices(['xlsx', 'csv']))
    .option('--store <file>', 'the Q&A store (default kb/qa.jsonl)')
    .addOption(new Option('--status <status>', 'export only entries with this status').choices(['pending', 'approved', 'rejected']))
    .action(async (file: string, flags: { format?: 'xlsx' | 'csv'; store?: string; status?: 'pending' | 'approved' | 'rejected' }) => {
      const { runExport } = await import('./commands/export.js');
      const options: import('./commands/export.js').ExportCommandOptions = { file };
      if (flags.format !== undefined) options.format = flags.format;
      if (flags.store !== undefined) options.store = flags.store;
      if (flags.status !== undefined) options.status = flags.status;
      setExitCode(await runExport(options, createOutput()));
    });

  program
    .command('import')
    .description('apply an edited spreadsheet (xlsx, csv) or store-format JSONL to the Q&A store (docs/review.md)')
    .argument('<file>', 'the file to import (.xlsx, .csv, or .jsonl in the store format)')
    .option('--store <file>', 'the Q&A store (default kb/qa.jsonl)')
    .option('--dry-run', 'report what would change, write nothing')
    .option('--overwrite', "put the sheet's values over entries changed in the store since the sheet was exported")
    .option('--json', 'print the changes as JSON')
    .addHelpText(
      'after',
      "\nA bad row is reported with its row number and nothing is applied. A row that edits an entry changed\nin the store since the export is not imported (--overwrite takes it). Exit codes: 0 imported; 1 a bad\nrow or file (the store is unchanged), or rows not imported for a conflict; 2 usage error.",
    )
    .action(async (file: string, flags: { store?: string; dryRun?: boolean; json?: boolean; overwrite?: boolean }) => {
      const { runImport } = await import('./commands/import.js');
      const options: import('./commands/import.js').ImportCommandOptions = { file, dryRun: flags.dryRun === true, json: flags.json === true, overwrite: flags.overwrite === true };
      if (flags.store !== undefined) options.store = flags.store;
      setExitCode(await runImport(options, createOutput()));
    });

  return program;
}

/** Run the CLI with `argv` (as process.argv). Resolves to the exit code; never calls process.exit. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.OK;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.OK;
      // `kb` with no command: the help on stderr, as a usage error (commander.help); `kb help` and --help exit 0
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
      return EXIT.USAGE;
    }
    if (error instanceof UsageError) {
      // one problem a line, each a line of its own in a CI log (a config with two mistakes)
      process.stderr.write(`${error.message.split('\n').map((line) => `kb: ${line}`).join('\n')}\n`);
      return EXIT.USAGE;
    }
    if (error instanceof Error && (error.name === 'IndexLoadError' || error.name === 'MissingSegmenterError')) {
      process.stderr.write(`kb: ${error.message}\n`);
      return EXIT.FAILED;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`kb: unexpected error — please report it with the command you ran:\n${message}\n`);
    return EXIT.FAILED;
  }
}
