// Confidence fitted on a team's labelled questions (kb build --calibrate-on), judged on questions it
// was not fitted on: the customer-query shop's suite split in two halves, out-of-scope ones included.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { readSuite, type EvalCase } from '../eval/suite.js';
import { loadIndex } from '../runtime/load.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, ROOT, runKb, tempDir } from '../test-support/kb.js';
import { fitOnQuestions, MIN_SUITE_SAMPLES } from './build-index.js';
import { build } from './index.js';

const SHOP = join(ROOT, 'fixtures/customer-queries');
const dir = tempDir('kb-cal-');
const file = (name: string): string => join(dir.path, name);
/** Every other line of a suite, from the first (0) or the second (1). */
const half = (suite: string, which: 0 | 1, name: string): string => {
  const lines = readFileSync(join(SHOP, suite), 'utf8').trim().split('\n');
  writeFileSync(file(name), lines.filter((_, i) => i % 2 === which).join('\n') + '\n');
  return file(name);
};
const casesOf = async (files: readonly string[]): Promise<EvalCase[]> => (await Promise.all(files.map((f) => readSuite(f)))).flatMap((r) => r.cases);

/** Expected calibration error over ten bins (right at 1 = 1; out of scope = 0), and the share of right decisions at 0.5. */
function judge(kb: KnowledgeBase, cases: readonly EvalCase[]): { ece: number; decisions: number } {
  const report = evaluate(kb, cases, 5);
  const points = report.cases.map((c, i): [number, number, boolean] => [c.top[0]?.confidence ?? 0, c.rank === 1 && cases[i]!.expect.length > 0 ? 1 : 0, cases[i]!.expect.length === 0]);
  let ece = 0;
  for (let d = 0; d < 10; d++) {
    const bin = points.filter(([c]) => c >= d / 10 && (c < (d + 1) / 10 || d === 9));
    if (bin.length === 0) continue;
    const mean = (f: (p: [number, number, boolean]) => number): number => bin.reduce((a, p) => a + f(p), 0) / bin.length;
    ece += (bin.length / points.length) * Math.abs(mean(([c]) => c) - mean(([, y]) => y));
  }
  const decisions = points.filter(([c, y, oos]) => (c >= 0.5 && y === 1) || (c < 0.5 && oos)).length / points.length;
  return { ece, decisions };
}

let fitted: KnowledgeBase;
let fittedB: KnowledgeBase;
let plain: KnowledgeBase;
let fitOn: string[];
let halfA: EvalCase[];
let halfB: EvalCase[];

beforeAll(async () => {
  fitOn = [half('shop.jsonl', 0, 'shop-a.jsonl'), half('shop-oos.jsonl', 0, 'oos-a.jsonl')];
  const other = [half('shop.jsonl', 1, 'shop-b.jsonl'), half('shop-oos.jsonl', 1, 'oos-b.jsonl')];
  halfA = await casesOf(fitOn);
  halfB = await casesOf(other);
  const sources = [join(SHOP, 'shop')];
  const onA = await build({ sources, out: file('fitted.index'), calibrateOn: { files: fitOn, cases: halfA } });
  const onB = await build({ sources, out: file('fitted-b.index'), calibrateOn: { files: other, cases: halfB } });
  const without = await build({ sources, out: file('plain.index') });
  if (!onA.ok || !onB.ok || !without.ok) throw new Error('build failed');
  expect(onA.value.calibration).toMatch(/^on \d+ questions of .*shop-a\.jsonl and .*oos-a\.jsonl$/);
  fitted = await loadIndex(file('fitted.index'));
  fittedB = await loadIndex(file('fitted-b.index'));
  plain = await loadIndex(file('plain.index'));
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

describe('kb build --calibrate-on', () => {
  it('fits the confidence on the labelled questions and says which', () => {
    const c = fitted.model.calibration;
    expect(c.fittedOn).toBe('suites');
    expect(c.suites).toEqual(fitOn);
    expect(c.samples).toBeGreaterThanOrEqual(MIN_SUITE_SAMPLES);
    // the ranking is the index's own: only confidence changes
    expect(fitted.search('退货运费谁出', { k: 3 }).map((h) => h.id)).toEqual(plain.search('退货运费谁出', { k: 3 }).map((h) => h.id));
  });

  it('is about as well calibrated on questions it was not fitted on as the defaults, which were fitted on shops like this one', () => {
    // each half judged by the index fitted on the other. Against the defaults before 2026-11-27
    // (fitted with half the questions out of scope) it was better: ECE 0.118 → 0.124 and 0.198 →
    // 0.121, right decisions at 0.5 0.747 → 0.840 and 0.658 → 0.697. The defaults since are fitted on
    // nine shops' suites, this one among them: ECE 0.130 / 0.089 → 0.118 / 0.131, decisions 0.750 /
    // 0.840 → 0.711 / 0.853 (measured)
    const [beforeB, afterB] = [judge(plain, halfB), judge(fitted, halfB)];
    const [beforeA, afterA] = [judge(plain, halfA), judge(fittedB, halfA)];
    expect((afterA.ece + afterB.ece) / 2).toBeLessThan((beforeA.ece + beforeB.ece) / 2 + 0.03);
    expect((afterA.decisions + afterB.decisions) / 2).toBeGreaterThan((beforeA.decisions + beforeB.decisions) / 2 - 0.03);
  });

  it('says why it does not fit on too few questions, or on questions all answered right', () => {
    const sample = (correct: boolean, i: number) => ({ coverage: 0.3 + (i % 7) / 10, margin: (i % 5) / 10, correct });
    expect(fitOnQuestions(Array.from({ length: 20 }, (_, i) => sample(i % 2 === 0, i)), ['a.jsonl'])).toMatch(/^20 questions \(fitting needs 30 or more\)/);
    expect(fitOnQuestions(Array.from({ length: 40 }, (_, i) => sample(true, i)), ['a.jsonl'])).toMatch(/0 are not answered right at 1 or out of scope/);
  });

  it('from the command line and kb.config.yaml: the build line names the suites, kb eval says its figures on them are in-sample', () => {
    writeFileSync(file('kb.config.yaml'), `sources:\n  - ${join(SHOP, 'shop')}\nout: cfg.index\ncalibrate-on:\n  - shop-a.jsonl\n  - oos-a.jsonl\n`);
    const built = runKb(['build'], dir.path);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/confidence calibrated on \d+ questions of shop-a\.jsonl and oos-a\.jsonl/);
    const note = runKb(['eval', 'shop-a.jsonl', 'shop-b.jsonl', '--index', 'cfg.index'], dir.path);
    expect(note.stderr).toMatch(/note: the index's confidence was fitted on shop-a\.jsonl \(kb build --calibrate-on\)/);
    expect(note.stderr).not.toMatch(/fitted on[^\n]*shop-b/);
    // too few questions: the build says so and keeps the calibration it had
    writeFileSync(file('few.jsonl'), readFileSync(file('shop-a.jsonl'), 'utf8').split('\n').slice(0, 10).join('\n'));
    const few = runKb(['build', join(SHOP, 'shop'), '--out', 'few.index', '--calibrate-on', 'few.jsonl'], dir.path);
    expect(few.stdout).toMatch(/with default weights[^\n]*; not on few\.jsonl: 10 questions \(fitting needs 30 or more\)/);
  }, BUILD_TIMEOUT);
});
