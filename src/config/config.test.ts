// kb.config.yaml: the template kb init writes, validation, reading.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatProblem } from '../core/problems.js';
import { tempDir } from '../test-support/kb.js';
import { CONFIG_FILE, CONFIG_TEMPLATE, DEFAULT_OUT, DEFAULT_STORE, readConfig, validateConfig } from './config.js';
import { closestName } from '../text/closest-name.js';

const dir = tempDir('kb-config-');
afterAll(() => dir.remove());

describe('the template kb init writes', () => {
  it('is a valid config with sources, output and suites, and the optional dictionaries commented out', () => {
    expect(validateConfig(parse(CONFIG_TEMPLATE))).toEqual({ ok: true, value: { sources: ['sources/'], out: DEFAULT_OUT, store: DEFAULT_STORE, eval: { suites: ['tests/'], k: 5 } }, warnings: [] });
    for (const key of ['dictionary', 'synonyms', 'stopwords']) expect(CONFIG_TEMPLATE).toMatch(new RegExp(`^# ${key}: \\S+`, 'm'));
    expect(CONFIG_TEMPLATE.split('\n').filter((l) => l.startsWith('#')).length).toBeGreaterThan(8);
  });

  it('becomes a full config once the commented settings are switched on', () => {
    const uncommented = CONFIG_TEMPLATE.replace(/^# (dictionary|synonyms|stopwords|similar|lexicon|calibrate-on):/gm, '$1:');
    const result = validateConfig(parse(uncommented));
    expect(result.ok && result.value).toMatchObject({ dictionary: 'dict/user.dict', synonyms: 'dict/synonyms.txt', stopwords: 'dict/stopwords.txt', similar: 5, lexicon: true, calibrateOn: ['tests/calibration/'] });
    expect(validateConfig({ 'calibrate-on': 3 })).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/^"calibrate-on" must be a suite or a list of suites/) }] });
  });
});

describe('validateConfig', () => {
  it('accepts an empty file and single paths for lists', () => {
    expect(validateConfig(null)).toMatchObject({ ok: true, value: { sources: [], out: DEFAULT_OUT } });
    expect(validateConfig({ sources: 'docs', eval: { suites: 'tests/a.yaml', k: 3 } })).toMatchObject({ ok: true, value: { sources: ['docs'], eval: { suites: ['tests/a.yaml'], k: 3 } } });
  });

  it('names every bad setting', () => {
    const result = validateConfig({ sources: [1], out: 3, dictionary: ['a'], eval: { k: 0 }, sorces: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^"sorces" is not a setting kb knows/),
      '"sources" must be a path or a list of paths',
      '"out" must be a file path',
      '"dictionary" must be a file path',
      '"eval.k" must be a whole number ≥ 1',
    ]);
    expect(result.problems.every((p) => p.file === CONFIG_FILE && p.code === 'usage')).toBe(true);
    expect(validateConfig(['a']).ok).toBe(false);
    // which FAQ rows get kb's similar questions: one of three words
    const faq = validateConfig({ 'faq-similar': 'some' });
    expect(!faq.ok && faq.problems.map((p) => p.message)).toEqual(['"faq-similar" must be one of none, all, top-up (which FAQ rows get generated similar questions)']);
    const on = validateConfig({ 'faq-similar': 'top-up' });
    expect(on.ok && on.value.faqSimilar).toBe('top-up');
  });
});

describe('eval thresholds and gates in kb.config.yaml', () => {
  it('reads a threshold (a number or auto) and the gates by their flag names', () => {
    const result = validateConfig({ eval: { threshold: 'auto', gates: { 'min-hit1': 0.8, 'max-false-answer': 0.1 } } });
    expect(result.ok && result.value.eval).toEqual({ suites: [], k: 5, threshold: 'auto', gates: { minHit1: 0.8, maxFalseAnswer: 0.1 } });
    const uncommented = CONFIG_TEMPLATE.replace(/^ {2}# (threshold|gates):/gm, '  $1:').replace(/^ {2}# {3}(min-\S+|max-\S+):/gm, '    $1:');
    expect(validateConfig(parse(uncommented))).toMatchObject({ ok: true, value: { eval: { threshold: 'auto', gates: { minHit1: 0.8, minHitK: 0.95, minMrr: 0.85, maxFalseAnswer: 0.1 } } } });
  });

  it('names a bad threshold and an unknown or out-of-range gate', () => {
    const result = validateConfig({ eval: { threshold: 2, gates: { 'min-hit': 0.5, 'min-mrr': 1.5 } } });
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual([
      '"eval.threshold" must be a number from 0 to 1, or auto',
      expect.stringMatching(/^"eval.gates.min-hit" is not a gate kb knows/),
      '"eval.gates.min-mrr" must be a number from 0 to 1',
    ]);
  });
});

describe('a mistyped setting', () => {
  it('inside eval is named, with the setting it was probably meant to be, instead of being ignored', () => {
    const result = validateConfig({ eval: { suites: ['tests/'], threshhold: 'auto', 'top-k': 3, gates: { min_hit1: 0.8 } }, sorces: ['x'] });
    expect(!result.ok && result.problems.map((p) => p.message)).toEqual([
      '"sorces" is not a setting kb knows — did you mean "sources"? (known: sources, out, store, dictionary, synonyms, stopwords, similar, faq-similar, lexicon, calibrate-on, eval)',
      '"eval.threshhold" is not an eval setting kb knows — did you mean "threshold"? (known: suites, k, threshold, gates)',
      '"eval.top-k" is not an eval setting kb knows (known: suites, k, threshold, gates)',
      '"eval.gates.min_hit1" is not a gate kb knows — did you mean "min-hit1"? (known: min-hit1, min-hitk, min-mrr, max-false-answer)',
    ]);
  });

  it('is named with its line in kb.config.yaml', async () => {
    const here = join(dir.path, 'typo');
    mkdirSync(here, { recursive: true });
    writeFileSync(join(here, CONFIG_FILE), 'sources:\n  - sources/\neval:\n  suites: [tests/]\n  threshhold: auto\n  gates:\n    min-hit1: 0.8\n    max_false_answer: 0.1\n');
    const result = await readConfig(here);
    expect(result?.ok === false && result.problems.map((p) => formatProblem(p))).toEqual([
      'kb.config.yaml:line 5: "eval.threshhold" is not an eval setting kb knows — did you mean "threshold"? (known: suites, k, threshold, gates) [usage]',
      'kb.config.yaml:line 8: "eval.gates.max_false_answer" is not a gate kb knows — did you mean "max-false-answer"? (known: min-hit1, min-hitk, min-mrr, max-false-answer) [usage]',
    ]);
  });

  it('is matched to a known name only when it is a slip, not another word', () => {
    expect(closestName('threshhold', ['suites', 'k', 'threshold', 'gates'])).toBe('threshold');
    expect(closestName('suite', ['suites', 'k', 'threshold', 'gates'])).toBe('suites');
    expect(closestName('MIN_HIT1', ['min-hit1', 'min-hitk'])).toBe('min-hit1');
    expect(closestName('top-k', ['suites', 'k', 'threshold', 'gates'])).toBeUndefined();
    expect(closestName('j', ['suites', 'k', 'threshold', 'gates'])).toBeUndefined();
  });
});

describe('readConfig', () => {
  it('returns undefined when there is no kb.config.yaml, and reads one that is there', async () => {
    expect(await readConfig(dir.path)).toBeUndefined();
    writeFileSync(join(dir.path, CONFIG_FILE), 'sources: [docs/]\nout: out/kb.index.gz\n');
    expect(await readConfig(dir.path)).toMatchObject({ ok: true, value: { sources: ['docs/'], out: 'out/kb.index.gz' } });
  });

  it('reports YAML that does not parse', async () => {
    writeFileSync(join(dir.path, CONFIG_FILE), 'sources: [docs/\n');
    const result = await readConfig(dir.path);
    expect(result?.ok).toBe(false);
    if (result === undefined || result.ok) return;
    expect(result.problems).toEqual([expect.objectContaining({ code: 'usage', file: CONFIG_FILE, message: expect.stringMatching(/^is not valid YAML/) as unknown })]);
  });
});

// user test 2026-11-27: a dashboard writes hit rates as percentages
describe('a share written as a percentage', () => {
  it('says what to write instead, with its line', async () => {
    const folder = join(dir.path, 'percent');
    mkdirSync(folder);
    writeFileSync(join(folder, CONFIG_FILE), 'eval:\n  suites: [tests/]\n  threshold: 50%\n  gates:\n    min-hit1: 80%\n    max-false-answer: 5\n    min-mrr: 1.5\n');
    const read = await readConfig(folder);
    expect(read?.ok === false && read.problems.map((p) => formatProblem(p))).toEqual([
      'kb.config.yaml:line 3: "eval.threshold" must be a number from 0 to 1, or auto (a share: for 50% write 0.5) [usage]',
      'kb.config.yaml:line 5: "eval.gates.min-hit1" must be a number from 0 to 1 (a share: for 80% write 0.8) [usage]',
      'kb.config.yaml:line 6: "eval.gates.max-false-answer" must be a number from 0 to 1 (a share: for 5 write 0.05) [usage]',
      'kb.config.yaml:line 7: "eval.gates.min-mrr" must be a number from 0 to 1 [usage]',
    ]);
  });
});

describe('kb eval flags written as settings', () => {
  it('says that a baseline or a report is a flag of the CI script, with its line', async () => {
    const folder = join(dir.path, 'flags');
    mkdirSync(folder);
    writeFileSync(join(folder, CONFIG_FILE), 'eval:\n  suites: [tests/]\n  baseline: main.json\n  fail-on-regression: true\n  junit: reports/junit.xml\n  index: dist/kb.index\n');
    const read = await readConfig(folder);
    expect(read?.ok === false && read.problems.map((p) => formatProblem(p))).toEqual([
      'kb.config.yaml:line 3: "eval.baseline" is a flag of kb eval, not a setting: pass --baseline FILE in the CI script (eval settings: suites, k, threshold, gates) [usage]',
      'kb.config.yaml:line 4: "eval.fail-on-regression" is a flag of kb eval, not a setting: pass --fail-on-regression in the CI script (eval settings: suites, k, threshold, gates) [usage]',
      'kb.config.yaml:line 5: "eval.junit" is a flag of kb eval, not a setting: pass --junit FILE in the CI script (eval settings: suites, k, threshold, gates) [usage]',
      'kb.config.yaml:line 6: "eval.index" is a flag of kb eval, not a setting: pass --index FILE in the CI script (or set "out", the index kb build writes and kb eval reads) (eval settings: suites, k, threshold, gates) [usage]',
    ]);
  });
});
