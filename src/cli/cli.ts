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
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`kb: unexpected error — please report it with the command you ran:\n${message}\n`);
    return EXIT.FAILED;
  }
}
