/**
 * kb.config.yaml: sources, dictionaries, output and eval suites, so that `kb build` and `kb eval`
 * work with no arguments. `validateConfig` is pure; `readConfig` does the I/O.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isMap, isScalar, LineCounter, parse, parseDocument, type Node } from 'yaml';
import { fail, ok, problem, shareHint, type Problem, type Result } from '../core/problems.js';
import { closestName } from '../text/closest-name.js';
import { FAQ_SIMILAR_MODES, type FaqSimilarMode } from '../generate/faq-similar.js';

export const CONFIG_FILE = 'kb.config.yaml';

export interface KbConfig {
  sources: string[];
  out: string;
  dictionary?: string;
  synonyms?: string;
  stopwords?: string;
  /** Similar questions generated per entry by `kb build` (0 = none). */
  similar?: number;
  /** `faq-similar`: generated similar questions for FAQ rows too (none, all, top-up). */
  faqSimilar?: FaqSimilarMode;
  /** `false`: no query expansion with the built-in after-sales lexicon. */
  lexicon?: boolean;
  /** Suites `kb build` fits the confidence calibration on (`--calibrate-on`): labelled real questions. */
  calibrateOn?: string[];
  /** The reviewed Q&A store `kb generate` writes and `kb build` / `kb review` read. */
  store: string;
  eval: {
    suites: string[];
    k: number;
    /** A confidence threshold for `kb eval` (a number in [0, 1] or `auto`). */
    threshold?: number | 'auto';
    /** CI gates `kb eval` applies when run without the matching flags. */
    gates?: { minHit1?: number; minHitK?: number; minMrr?: number; maxFalseAnswer?: number };
  };
}

export const DEFAULT_OUT = 'dist/kb.index';
export const DEFAULT_STORE = 'kb/qa.jsonl';

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

/** Where a setting is written: its line in kb.config.yaml, given its key path (`['eval', 'threshhold']`). */
export type ConfigLines = (path: readonly string[]) => number | undefined;

export function validateConfig(raw: unknown, file = CONFIG_FILE, lineOf: ConfigLines = () => undefined): Result<KbConfig> {
  const problems: Problem[] = [];
  const bad = (key: string, what: string): void => {
    const line = lineOf(key.split('.'));
    problems.push(problem('usage', `"${key}" ${what}`, { file, ...(line === undefined ? {} : { location: { line } }) }));
  };
  /** An unknown key: what kb knows there, and the one it was probably meant to be. */
  const unknownKey = (key: string, known: readonly string[], kind: string): void => {
    const meant = closestName(key.split('.').at(-1) ?? key, known);
    bad(key, `is not ${kind} kb knows${meant === undefined ? '' : ` — did you mean "${meant}"?`} (known: ${known.join(', ')})`);
  };
  if (raw === null || raw === undefined) raw = {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return fail(problem('usage', 'must be a YAML mapping (key: value lines)', { file }));
  const o = raw as Record<string, unknown>;
  const known = new Set(['sources', 'out', 'store', 'dictionary', 'synonyms', 'stopwords', 'similar', 'faq-similar', 'lexicon', 'calibrate-on', 'eval']);
  for (const key of Object.keys(o)) if (!known.has(key)) unknownKey(key, [...known], 'a setting');
  const sources = o['sources'] === undefined ? [] : strings(o['sources']);
  if (sources === undefined) bad('sources', 'must be a path or a list of paths');
  const out = o['out'] ?? DEFAULT_OUT;
  if (typeof out !== 'string') bad('out', 'must be a file path');
  const store = o['store'] ?? DEFAULT_STORE;
  if (typeof store !== 'string') bad('store', 'must be a file path (the Q&A store, e.g. kb/qa.jsonl)');
  const config: KbConfig = { sources: sources ?? [], out: typeof out === 'string' ? out : DEFAULT_OUT, store: typeof store === 'string' ? store : DEFAULT_STORE, eval: { suites: [], k: 5 } };
  for (const key of ['dictionary', 'synonyms', 'stopwords'] as const) {
    const v = o[key];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') bad(key, 'must be a file path');
    else config[key] = v;
  }
  const similar = o['similar'];
  if (similar !== undefined && similar !== null) {
    if (typeof similar !== 'number' || !Number.isInteger(similar) || similar < 0) bad('similar', 'must be a whole number ≥ 0 (paraphrases added per entry; 0 turns them off)');
    else config.similar = similar;
  }
  const faqSimilar = o['faq-similar'];
  if (faqSimilar !== undefined && faqSimilar !== null) {
    if (typeof faqSimilar !== 'string' || !(FAQ_SIMILAR_MODES as readonly string[]).includes(faqSimilar)) bad('faq-similar', `must be one of ${FAQ_SIMILAR_MODES.join(', ')} (which FAQ rows get generated similar questions)`);
    else config.faqSimilar = faqSimilar as FaqSimilarMode;
  }
  const lexicon = o['lexicon'];
  if (lexicon !== undefined && lexicon !== null) {
    if (typeof lexicon !== 'boolean') bad('lexicon', 'must be true or false (expand questions with the built-in after-sales lexicon)');
    else config.lexicon = lexicon;
  }
  const calibrateOn = o['calibrate-on'];
  if (calibrateOn !== undefined && calibrateOn !== null) {
    const files = strings(calibrateOn);
    if (files === undefined) bad('calibrate-on', 'must be a suite or a list of suites (files or folders of labelled questions)');
    else config.calibrateOn = files;
  }
  const ev = o['eval'];
  if (ev !== undefined && ev !== null) {
    if (typeof ev !== 'object' || Array.isArray(ev)) bad('eval', 'must be a mapping with "suites" and "k"');
    else {
      const e = ev as Record<string, unknown>;
      // a mistyped eval setting (threshhold, top-k) was silently ignored, and the run went without it
      const knownEval = ['suites', 'k', 'threshold', 'gates'];
      // kb eval's flags that are not settings (a run's baseline and reports are the CI script's): say so
      const flagsOnly: Readonly<Record<string, string>> = { baseline: ' FILE', 'fail-on-regression': '', junit: ' FILE', markdown: ' FILE', html: ' FILE', json: '', suggest: '', index: ' FILE' };
      for (const key of Object.keys(e)) {
        if (knownEval.includes(key)) continue;
        const flag = flagsOnly[key];
        if (flag === undefined) unknownKey(`eval.${key}`, knownEval, 'an eval setting');
        else bad(`eval.${key}`, `is a flag of kb eval, not a setting: pass --${key}${flag} in the CI script${key === 'index' ? ' (or set "out", the index kb build writes and kb eval reads)' : ''} (eval settings: ${knownEval.join(', ')})`);
      }
      const suites = e['suites'] === undefined ? [] : strings(e['suites']);
      if (suites === undefined) bad('eval.suites', 'must be a path or a list of paths');
      else config.eval.suites = suites;
      if (e['k'] !== undefined) {
        if (typeof e['k'] !== 'number' || !Number.isInteger(e['k']) || e['k'] < 1) bad('eval.k', 'must be a whole number ≥ 1');
        else config.eval.k = e['k'];
      }
      const unit = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;
      // 80% or 80 for a share (a dashboard's way of writing it): say what kb reads instead
      const asShare = (v: unknown): string => {
        const n = typeof v === 'number' ? (Number.isInteger(v) && v >= 5 ? v : Number.NaN) : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*%\s*$/.test(v) ? Number.parseFloat(v) : Number.NaN;
        return shareHint(n, String(v).trim());
      };
      const threshold = e['threshold'];
      if (threshold !== undefined && threshold !== null) {
        if (threshold === 'auto' || unit(threshold)) config.eval.threshold = threshold;
        else bad('eval.threshold', `must be a number from 0 to 1, or auto${asShare(threshold)}`);
      }
      const gateKeys = { 'min-hit1': 'minHit1', 'min-hitk': 'minHitK', 'min-mrr': 'minMrr', 'max-false-answer': 'maxFalseAnswer' } as const;
      const gates = e['gates'];
      if (gates !== undefined && gates !== null) {
        if (typeof gates !== 'object' || Array.isArray(gates)) bad('eval.gates', `must be a mapping of ${Object.keys(gateKeys).join(', ')}`);
        else {
          const parsed: NonNullable<KbConfig['eval']['gates']> = {};
          for (const [key, value] of Object.entries(gates as Record<string, unknown>)) {
            const name = gateKeys[key as keyof typeof gateKeys] as (typeof gateKeys)[keyof typeof gateKeys] | undefined;
            if (name === undefined) unknownKey(`eval.gates.${key}`, Object.keys(gateKeys), 'a gate');
            else if (!unit(value)) bad(`eval.gates.${key}`, `must be a number from 0 to 1${asShare(value)}`);
            else parsed[name] = value;
          }
          config.eval.gates = parsed;
        }
      }
    }
  }
  return problems.length > 0 ? fail(problems) : ok(config);
}

/** The store a folder's kb.config.yaml names (its `store:`, else the default), as written there; undefined when the folder has none or it cannot be read. */
export function configuredStore(dir: string): string | undefined {
  try {
    const raw: unknown = parse(readFileSync(join(dir, CONFIG_FILE), 'utf8'));
    const store = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['store'] : undefined;
    return typeof store === 'string' ? store : DEFAULT_STORE;
  } catch {
    return undefined;
  }
}

/** Read kb.config.yaml from `dir`; `undefined` when there is none. */
export async function readConfig(dir: string): Promise<Result<KbConfig> | undefined> {
  const file = join(dir, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const error = doc.errors[0];
  if (error !== undefined) {
    const line = error.linePos?.[0]?.line;
    return fail(problem('usage', `is not valid YAML (${error.message.split('\n')[0]})`, { file: CONFIG_FILE, ...(line === undefined ? {} : { location: { line } }) }));
  }
  const lineOf: ConfigLines = (path) => {
    let node: unknown = doc.contents;
    let at: number | undefined;
    for (const key of path) {
      if (!isMap(node)) return at;
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      if (pair === undefined) return at;
      const start = (pair.key as Node).range?.[0];
      if (start !== undefined) at = counter.linePos(start).line;
      node = pair.value;
    }
    return at;
  };
  return validateConfig(doc.toJS() as unknown, CONFIG_FILE, lineOf);
}

export const CONFIG_TEMPLATE = `# kb.config.yaml — read by \`kb generate\`, \`kb build\`, \`kb review\` and \`kb eval\` when they are run without arguments.
# Paths are relative to this file's folder.

# Documents and FAQ tables: files, folders or globs (md pdf docx html txt csv xlsx jsonl).
sources:
  - sources/

# The index file bots load (add .gz to compress it).
out: ${DEFAULT_OUT}

# The reviewed Q&A store: \`kb generate\` writes it, \`kb review\` edits it, and \`kb build\` (with no
# arguments) builds from it when it exists — rejected entries left out (\`--only-approved\`: pending too).
store: ${DEFAULT_STORE}

# Optional: a jieba user dictionary (one "word [freq] [tag]" per line) for product names and
# terms jieba does not know, a synonyms file (one group per line, the first word is canonical:
# your categories and products as customers name them, e.g. "钟表 手表 腕表" — the built-in
# lexicon knows after-sales words, not your catalogue), and extra stopwords (one per line).
# dictionary: dict/user.dict
# synonyms: dict/synonyms.txt
# stopwords: dict/stopwords.txt

# Paraphrases (similar questions) kb adds to each generated entry, on top of the other questions
# the rules write for its section and its heading path (0: none).
# similar: 5
# FAQ table rows keep the similar questions your team wrote; kb can add its own to them too (all,
# or top-up: rows with fewer than "similar" of their own), marked as kb's in the store. Off
# (none) by default: on real customer questions they did not help (docs/generate.md).
# faq-similar: none

# Questions also look for the words customers and policies use for the same thing
# (弄丢 / 灭失, 卖家 / 经营者); set to false to turn this off.
# lexicon: true

# Confidence (0–1, what a bot's threshold compares) is fitted on the KB's own similar questions, or
# on default weights. Labelled real questions fit it better: name suites here (expect: none for the
# ones it must hand off; 30 or more questions). kb eval's figures on these same suites are then
# in-sample: keep other suites under eval to judge the threshold.
# calibrate-on: tests/calibration/

# Regression suites of real customer questions (YAML, JSONL or CSV) for \`kb eval\`.
eval:
  suites:
    - tests/
  k: 5
  # Judge answers by confidence (0–1, or auto: the threshold with the most correct decisions).
  # A number here is also what \`kb serve\` answers with: no hit at or above it means hand off
  # (with auto, kb serve answers at 0.5 and says so: write here the number kb eval chose).
  # threshold: auto
  # CI gates: kb eval exits 1 when one fails (flags such as --min-hit1 override them). A baseline
  # and the reports are flags of the CI script: --baseline main.json --fail-on-regression, --junit,
  # --markdown, --html (docs/eval.md, "CI gates and exit codes").
  # gates:
  #   min-hit1: 0.8
  #   min-hitk: 0.95
  #   min-mrr: 0.85
  #   max-false-answer: 0.1
`;
