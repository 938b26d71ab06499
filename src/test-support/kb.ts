/** Helpers the tests share: running the real `kb` command, temporary folders, the sample index. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AnalyzerOptions } from '../analyze/settings.js';
import { build } from '../build/index.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { loadIndex } from '../runtime/load.js';

/** The repository's root folder (tests run from it; `kb` paths in fixtures are relative to it). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SAMPLE = 'fixtures/sample';
export const SAMPLE_SUITE = 'fixtures/suites/sample.jsonl';

export interface KbRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run `node bin/kb.js …` as a user would (built by `npm test`'s pretest), without colours. */
export function runKb(args: readonly string[], cwd = ROOT): KbRun {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'kb.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The non-empty lines of a text. */
export function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** A fresh temporary folder and a function that removes it. */
export function tempDir(prefix = 'kb-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Build the sample knowledge base (fixtures/sample) through the build API; returns the index file's bytes. */
export async function buildSample(out: string): Promise<Buffer> {
  const result = await build({ sources: [SAMPLE], out });
  if (!result.ok) throw new Error(`the sample does not build: ${result.problems.map((p) => p.message).join('; ')}`);
  return readFileSync(out);
}

/**
 * The index of fixture sources (paths from the checkout's root), built as `kb build` builds it and
 * loaded: the knowledge base a matching test asks its questions of. The file goes with its temporary folder.
 * `analyzer` sets analyzer options over the defaults (an index as an older kb wrote it).
 */
export async function fixtureKb(sources: readonly string[], analyzer?: Partial<AnalyzerOptions>): Promise<KnowledgeBase> {
  const dir = tempDir('kb-fixture-');
  try {
    const out = join(dir.path, 'fixture.index');
    const built = await build({ sources: sources.map((s) => join(ROOT, s)), out, ...(analyzer !== undefined ? { analyzer } : {}) });
    if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
    return await loadIndex(out);
  } finally {
    dir.remove();
  }
}

/** The section a question's first hit answers from (the last heading of its path); undefined when nothing is found. */
export function topSection(kb: KnowledgeBase, question: string): string | undefined {
  return kb.search(question, { k: 1 })[0]?.source?.headingPath.at(-1);
}

/** For a beforeAll that builds an index: loading jieba alone takes seconds on a busy CI machine. */
export const BUILD_TIMEOUT = 120_000;

/**
 * A confidence as log-odds: how sure one answer is against another, whatever the default
 * calibration's intercept (shifting it moves every confidence's log-odds by the same amount).
 */
export function logOdds(confidence: number): number {
  const p = Math.min(Math.max(confidence, 1e-6), 1 - 1e-6);
  return Math.log(p / (1 - p));
}
