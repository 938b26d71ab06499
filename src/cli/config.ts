/** kb.config.yaml as the commands use it: flags first, the config of the working folder for the rest. */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CONFIG_FILE, DEFAULT_OUT, readConfig, type KbConfig } from '../config/config.js';
import { formatProblem, type Problem } from '../core/problems.js';
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

/**
 * The confidence threshold a bot answers with, for kb serve and kb gaps: the flag, else
 * kb.config.yaml's eval.threshold when it is a number, else `fallback`. `fromConfig` says the config
 * gave it; `auto` that the flag (`--threshold auto`) or else the config says auto, a choice only
 * kb eval can make on the suites (the command uses its fallback and should say to pass the number
 * kb eval printed).
 */
export function answerThreshold(flag: number | 'auto' | undefined, config: KbConfig | undefined, fallback: number): { threshold: number; fromConfig: boolean; auto: false | 'flag' | 'config' } {
  const configured = config?.eval?.threshold;
  if (flag === 'auto') return { threshold: fallback, fromConfig: false, auto: 'flag' };
  if (flag !== undefined) return { threshold: flag, fromConfig: false, auto: false };
  if (typeof configured === 'number') return { threshold: configured, fromConfig: true, auto: false };
  return { threshold: fallback, fromConfig: false, auto: configured === 'auto' ? 'config' : false };
}

/** The start of kb serve's and kb gaps's notice that they use their fallback for auto: where auto came from. */
export function autoNotice(auto: 'flag' | 'config'): string {
  return auto === 'flag' ? '--threshold auto is a choice only kb eval can work out, on the suites' : 'eval.threshold of kb.config.yaml is auto, which only kb eval can work out';
}

/**
 * Where the project probably is, when a command run without a config finds nothing to work on:
 * the nearest folder above with a kb.config.yaml (kb run from a subfolder), else ''.
 */
export function configAbove(from = process.cwd()): string {
  const dir = projectAbove(from);
  return dir === undefined ? '' : `; ${dir} has a ${CONFIG_FILE}: run kb in that folder`;
}

/** The nearest folder above `from` with a kb.config.yaml, relative to `from` (`..`, `../..`). */
export function projectAbove(from = process.cwd()): string | undefined {
  for (let dir = dirname(from); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return relative(from, dir);
  }
  return undefined;
}

/** What to say when there is no index to read: index files in this folder, or a project above it. */
export function noIndex(from = process.cwd()): string {
  let here: string[] = [];
  try {
    here = readdirSync(from).filter((f) => f.endsWith('.index') || f.endsWith('.index.gz')).sort();
  } catch {
    // an unreadable folder names nothing
  }
  const found = here.length > 0 ? `; this folder has ${here.join(', ')}: --index ${here[0]}` : configAbove(from);
  return `name the index with --index FILE (no ${CONFIG_FILE} here, and no ${DEFAULT_OUT}: run kb build first)${found}`;
}

/**
 * A path kb.config.yaml names that is not there, or cannot be read, says where it is written:
 * `error sources/: does not exist; check the path (sources in kb.config.yaml)`. `where` maps each
 * path the config gave (not a flag's) to its key.
 */
export function locateInConfig(problems: readonly Problem[], where: ReadonlyMap<string, string>): Problem[] {
  return problems.map((p) => {
    const key = p.file === undefined ? undefined : where.get(p.file);
    if (key === undefined || (p.code !== 'file-not-found' && p.code !== 'unreadable')) return p;
    return { ...p, message: `${p.message} (${key} in ${CONFIG_FILE})` };
  });
}
