/**
 * The CLI is an adapter: commander turns flags into an options object and lazily imports the
 * command, which calls the core and prints. Exit codes: 0 ok, 1 a check failed, 2 usage error.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createOutput } from './output.js';

export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

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

function unitInterval(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a number from 0 to 1.');
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
    .command('build')
    .description('build one index file from documents and FAQ tables (no arguments: read kb.config.yaml)')
    .argument('[sources...]', 'files, folders or globs')
    .option('-o, --out <file>', 'the index file to write (.gz to compress)')
    .option('--dictionary <file>', 'jieba user dictionary: "word [freq] [tag]" per line')
    .option('--synonyms <file>', 'synonym groups, one per line; the first word is canonical')
    .option('--stopwords <file>', 'extra stopwords, one per line')
    .option('--no-lexicon', 'do not expand questions with the built-in after-sales lexicon (docs/matching.md)')
    .addOption(new Option('--similar <n>', 'similar questions generated per entry, 0 = none (default 5; docs/generate.md)').argParser(wholeNumber))
    .option('--json', 'print the build statistics as JSON')
    .addHelpText(
      'after',
      '\nFlags override kb.config.yaml, which gives the rest when present.\n' +
        'Exit codes: 0 built; 1 a source could not be read (the index is still written from the others)\n' +
        'or nothing could be indexed (no index is written); 2 usage error.',
    )
    .addOption(new Option('--max-file-mb <n>', 'refuse files larger than this').argParser(positiveNumber).default(50))
    .addOption(new Option('--max-unzipped-mb <n>', 'refuse DOCX/XLSX that unpack to more than this').argParser(positiveNumber).default(200))
    .action(async (sources: string[], flags: { out?: string; dictionary?: string; synonyms?: string; stopwords?: string; lexicon: boolean; similar?: number; json?: boolean; maxFileMb: number; maxUnzippedMb: number }) => {
      const { runBuild } = await import('./commands/build.js');
      const options: import('./commands/build.js').BuildCommandOptions = {
        sources,
        json: flags.json === true,
        lexicon: flags.lexicon,
        maxFileBytes: Math.round(flags.maxFileMb * 1024 * 1024),
        maxUnzippedBytes: Math.round(flags.maxUnzippedMb * 1024 * 1024),
      };
      if (flags.out !== undefined) options.out = flags.out;
      if (flags.dictionary !== undefined) options.dictionary = flags.dictionary;
      if (flags.synonyms !== undefined) options.synonyms = flags.synonyms;
      if (flags.stopwords !== undefined) options.stopwords = flags.stopwords;
      if (flags.similar !== undefined) options.similar = flags.similar;
      setExitCode(await runBuild(options, createOutput()));
    });

  program
    .command('query')
    .description('ask the index a question and show the ranked hits')
    .argument('<question>', 'the customer question')
    .option('-i, --index <file>', 'the index file (default: "out" of kb.config.yaml)')
    .addOption(new Option('-k <n>', 'how many hits').argParser(positiveInteger).default(5))
    .addOption(new Option('--threshold <x>', 'hide hits below this confidence (0–1)').argParser(unitInterval).default(0))
    .option('--json', 'print the hits as JSON')
    .action(async (question: string, flags: { index?: string; k: number; threshold: number; json?: boolean }) => {
      const { runQuery } = await import('./commands/query.js');
      const options: import('./commands/query.js').QueryCommandOptions = { question, k: flags.k, threshold: flags.threshold, json: flags.json === true };
      if (flags.index !== undefined) options.index = flags.index;
      setExitCode(await runQuery(options, createOutput()));
    });

  program
    .command('eval')
    .description('run regression suites (YAML, JSONL, CSV) against an index: hit@1, hit@k, MRR@k')
    .argument('[suites...]', 'suite files or folders (no arguments: kb.config.yaml)')
    .option('-i, --index <file>', 'the index file (default: "out" of kb.config.yaml)')
    .addOption(new Option('-k <n>', 'rank cut-off for hit@k and MRR@k').argParser(positiveInteger))
    .option('--json', 'print metrics and every case as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 ran; 1 a suite or case could not be read (the others still run and are reported),\n' +
        'no cases, or the index cannot be loaded; 2 usage error.',
    )
    .action(async (suites: string[], flags: { index?: string; k?: number; json?: boolean }) => {
      const { runEval } = await import('./commands/eval.js');
      const options: import('./commands/eval.js').EvalCommandOptions = { suites, json: flags.json === true };
      if (flags.index !== undefined) options.index = flags.index;
      if (flags.k !== undefined) options.k = flags.k;
      setExitCode(await runEval(options, createOutput()));
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
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.OK;
      return EXIT.USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`kb: ${error.message}\n`);
      return EXIT.USAGE;
    }
    if (error instanceof Error && error.name === 'IndexLoadError') {
      process.stderr.write(`kb: ${error.message}\n`);
      return EXIT.FAILED;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`kb: unexpected error — please report it with the command you ran:\n${message}\n`);
    return EXIT.FAILED;
  }
}
