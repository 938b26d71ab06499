/** kb.config.yaml as the commands use it: flags first, the config of the working folder for the rest. */
import { existsSync } from 'node:fs';
import { DEFAULT_OUT, readConfig, type KbConfig } from '../config/config.js';
import { formatProblem } from '../core/problems.js';
import { UsageError } from './cli.js';

/** The working folder's kb.config.yaml: undefined when there is none, a usage error when it is invalid. */
export async function workingConfig(): Promise<KbConfig | undefined> {
  const read = await readConfig(process.cwd());
  if (read === undefined) return undefined;
  if (!read.ok) throw new UsageError(read.problems.map(formatProblem).join('\n'));
  return read.value;
}

/**
 * The index a command reads when no --index is given: kb.config.yaml's "out", else the file
 * `kb build` writes without a config (dist/kb.index) when it is there.
 */
export function defaultIndex(config: KbConfig | undefined): string | undefined {
  if (config !== undefined) return config.out;
  return existsSync(DEFAULT_OUT) ? DEFAULT_OUT : undefined;
}

/** What to say when there is no index to read. */
export const NO_INDEX = `name the index with --index FILE (no kb.config.yaml here, and no ${DEFAULT_OUT}: run kb build first)`;
