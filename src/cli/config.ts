/** kb.config.yaml as the commands use it: flags first, the config of the working folder for the rest. */
import { readConfig, type KbConfig } from '../config/config.js';
import { formatProblem } from '../core/problems.js';
import { UsageError } from './cli.js';

/** The working folder's kb.config.yaml: undefined when there is none, a usage error when it is invalid. */
export async function workingConfig(): Promise<KbConfig | undefined> {
  const read = await readConfig(process.cwd());
  if (read === undefined) return undefined;
  if (!read.ok) throw new UsageError(read.problems.map(formatProblem).join('\n'));
  return read.value;
}
