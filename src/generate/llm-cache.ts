/**
 * What a `kb generate --generator llm` run sends to the model, and the answers it keeps.
 *
 * `planLlmRun` sorts the sections the model writes questions for by what the store already holds:
 * a section that is new, whose text changed, or whose entry the rules wrote (the rules ran before,
 * or an earlier LLM call failed for it) is sent; one whose entry the model wrote (`rule: "llm"`)
 * for the same text is reused; one whose rule-based entry an editor approved, rejected or edited
 * is left as the editor has it (the merge would keep it anyway). `all` sends every section but
 * those whose entry an editor touched and whose text did not change.
 *
 * The cache (`.llm-cache.jsonl` beside the store) keeps each validated model answer as it arrives,
 * one JSON line per answer, keyed by a hash of the whole request (model, prompt, similar count,
 * section text): a run interrupted half-way re-sends only the sections without an answer.
 */
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Entry } from '../store/entry.js';
import { touchedByEditor } from '../store/merge.js';
import { sectionEntryId } from './index.js';
import { buildRequestBody, type LlmOptions, type LlmSectionInput } from './llm.js';

export const LLM_CACHE_FILE = '.llm-cache.jsonl';

/** The cache file for a store: beside it (kb/qa.jsonl → kb/.llm-cache.jsonl). */
export function llmCachePath(storePath: string): string {
  return join(dirname(storePath), LLM_CACHE_FILE);
}

/** Why a section is sent to the model. */
export type SendReason = 'new' | 'changed' | 'rules' | 'all';

export interface PlannedSection {
  input: LlmSectionInput;
  /** The section's `sourceHash` (what its entry records). */
  hash: string;
}

export interface LlmPlan {
  /** Sections to send (before the cache is looked at), with why. */
  send: { section: PlannedSection; reason: SendReason }[];
  /** Sections whose entry the model wrote for the same text: kept as they are. */
  reused: number;
  /** Sections of unchanged text whose rule-based entry (with `all`: any entry) an editor approved, rejected or edited: kept as they are. */
  reviewed: number;
}

/**
 * Sort the sections by what the store holds for them. A section's generated entry has the id
 * `s-<section id>`; its `sourceHash` tells whether the text changed, its `rule` who wrote it.
 */
export function planLlmRun(sections: readonly PlannedSection[], store: readonly Entry[], all: boolean): LlmPlan {
  const byId = new Map(store.map((e) => [e.id, e]));
  const plan: LlmPlan = { send: [], reused: 0, reviewed: 0 };
  for (const section of sections) {
    const entry = byId.get(sectionEntryId(section.input.id));
    const same = entry !== undefined && entry.sourceHash === section.hash;
    // an entry an editor touched stays as it is when its text did not change (the merge keeps it): asking would be paid for nothing
    const reason: SendReason | 'reused' | 'reviewed' =
      same && touchedByEditor(entry) && (all || entry.rule !== 'llm') ? 'reviewed' : all ? 'all' : entry === undefined ? 'new' : !same ? 'changed' : entry.rule === 'llm' ? 'reused' : 'rules';
    if (reason === 'reused') plan.reused++;
    else if (reason === 'reviewed') plan.reviewed++;
    else plan.send.push({ section, reason });
  }
  return plan;
}

/** What a cached answer is for: a hash of the request body (model, prompt, similar count, section). */
export function answerKey(section: LlmSectionInput, options: Pick<LlmOptions, 'model' | 'similar' | 'maxQuestions' | 'jsonMode'>): string {
  return createHash('sha256').update(JSON.stringify(buildRequestBody(section, options))).digest('hex').slice(0, 32);
}

export interface CachedAnswer {
  key: string;
  /** The section id and source file, for a person reading the file and for pruning. */
  section: string;
  path?: string;
  model: string;
  /** The model's message content, as it validated. */
  content: string;
}

function isCachedAnswer(value: unknown): value is CachedAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['key'] === 'string' && typeof v['section'] === 'string' && typeof v['model'] === 'string' && typeof v['content'] === 'string' && (v['path'] === undefined || typeof v['path'] === 'string');
}

/**
 * The cached answers by key; none when the file does not exist. A line that is not a whole answer
 * (cut short by a killed run, edited by hand) is skipped: its section is simply asked again.
 */
export async function readLlmCache(path: string): Promise<Map<string, CachedAnswer>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const out = new Map<string, CachedAnswer>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (isCachedAnswer(value)) out.set(value.key, value);
    } catch {
      // a partial line
    }
  }
  return out;
}

/**
 * Add one answer: a single append of one line (started on a new line, so that a line a killed run
 * left unfinished spoils only itself).
 */
export async function appendLlmCache(path: string, answer: CachedAnswer): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  if (!existsSync(path)) await ignoreInGit(path);
  await appendFile(path, `\n${JSON.stringify(answer)}`, 'utf8');
}

/**
 * The cache is this machine's, not the team's: when it is first made, a `.gitignore` beside it that
 * names it, unless that folder has a `.gitignore` already (the team's own, left as it is).
 */
async function ignoreInGit(path: string): Promise<void> {
  const ignore = join(dirname(path), '.gitignore');
  if (existsSync(ignore)) return;
  await writeFile(ignore, `# kb generate --generator llm: the model's answers on this machine (see docs/generate.md)\n/${basename(path)}\n`, { encoding: 'utf8', flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

/**
 * Keep only the answers `keep` says are still of use (rewritten atomically: a temporary file,
 * then a rename); nothing is written when all are. Returns how many were dropped.
 */
export async function pruneLlmCache(path: string, keep: (answer: CachedAnswer) => boolean): Promise<number> {
  const answers = [...(await readLlmCache(path)).values()];
  const kept = answers.filter(keep);
  const text = await readFile(path, 'utf8').catch(() => '');
  const lines = text.split('\n').filter((l) => l.trim() !== '').length;
  if (kept.length === lines) return 0;
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, kept.map((a) => JSON.stringify(a)).join('\n'), 'utf8');
  await rename(tmp, path);
  return lines - kept.length;
}
