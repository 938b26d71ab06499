// Baselines: reading a previous `kb eval --json` and listing what newly fails and newly passes.
import { describe, expect, it } from 'vitest';
import { answerHash, compareBaseline, parseBaseline, readBaseline } from './baseline.js';
import type { CaseResult } from './run.js';
import type { CaseVerdict } from './summary.js';

const c = (q: string, expect: unknown, rank: number | null, line: number): CaseResult => ({ q, expect, rank, top: [], topQuestion: null, tags: [], file: 'now.jsonl', line });

describe('parseBaseline', () => {
  it('takes verdicts when the report has them, and derives them from ranks when it does not', () => {
    const text = JSON.stringify({
      metrics: {},
      cases: [
        { q: 'a', expect: 'x', rank: 1, top: [] },
        { q: 'b', expect: 'x', rank: 2, top: [] },
        { q: 'c', expect: null, rank: null, top: [] },
        { q: 'd', expect: 'x', rank: 1, top: [], verdict: 'fail', reason: 'below-threshold' },
      ],
    });
    const parsed = parseBaseline(text, 'b.json');
    expect(parsed.ok && parsed.value.cases.map((b) => b.verdict)).toEqual(['pass', 'fail', 'skip', 'fail']);
    expect(parsed.ok && parsed.value.threshold).toBeUndefined();
    // figures without hit1 … k: none to compare with
    expect(parsed.ok && parsed.value.metrics).toBeUndefined();
  });

  it('keeps the baseline\'s hit@1, hit@3, hit@k and MRR@k, and passes them on to the comparison', () => {
    const metrics = { cases: 23, hit1: 0.5652, hitK: 0.8696, mrr: 0.6797, k: 5, hit3: 0.7826, outOfScope: 5 };
    const parsed = parseBaseline(JSON.stringify({ metrics, cases: [{ q: 'a', expect: 'x', rank: 1, top: [] }] }), 'b.json');
    expect(parsed.ok && parsed.value.metrics).toEqual({ cases: 23, hit1: 0.5652, hit3: 0.7826, hitK: 0.8696, mrr: 0.6797, k: 5 });
    if (parsed.ok) expect(compareBaseline([c('a', 'x', 1, 1)], [{ verdict: 'pass' }], parsed.value, 'b.json').metrics).toEqual(parsed.value.metrics);
    // an older report without hit@3
    const old = parseBaseline(JSON.stringify({ metrics: { cases: 1, hit1: 1, hitK: 1, mrr: 1, k: 3 }, cases: [] }), 'b.json');
    expect(old.ok && old.value.metrics).toEqual({ cases: 1, hit1: 1, hitK: 1, mrr: 1, k: 3 });
  });

  it('refuses what is not an eval report, saying what to pass', async () => {
    for (const text of ['not json', '{"metrics": {}}', '{"cases": [{"q": 1}]}']) {
      const parsed = parseBaseline(text, 'b.json');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problems[0]?.message).toMatch(/kb eval --json/);
    }
    const missing = await readBaseline('fixtures/eval/ci/nope.json');
    expect(missing.ok).toBe(false);
  });

  it('calls an empty baseline empty, not "not JSON" (a CI step that redirected a failed run leaves one)', () => {
    const messages = ['', ' \n'].map((text) => {
      const parsed = parseBaseline(text, 'b.json');
      return parsed.ok ? undefined : parsed.problems.map((p) => p.message);
    });
    expect(messages).toEqual([['is empty (0 bytes): pass a file written by `kb eval --json > baseline.json`'], ['is empty: pass a file written by `kb eval --json > baseline.json`']]);
  });
});

describe('compareBaseline', () => {
  it('matches cases by question and expectation, whatever their order, and counts added and removed ones', () => {
    const baseline = [
      { q: 'a', expect: { source: 'r.md', section: '二' }, verdict: 'pass' as const },
      { q: 'b', expect: 'x', verdict: 'fail' as const },
      { q: 'gone', expect: 'x', verdict: 'pass' as const },
      { q: 'same', expect: 'x', verdict: 'pass' as const },
      { q: 'oos', expect: null, verdict: 'skip' as const },
    ];
    // the expectation's keys in another order are the same expectation
    const cases = [c('b', 'x', 1, 1), c('same', 'x', 1, 2), c('a', { section: '二', source: 'r.md' }, null, 3), c('new', 'x', 1, 4), c('oos', null, null, 5)];
    const verdicts: CaseVerdict[] = [{ verdict: 'pass' }, { verdict: 'pass' }, { verdict: 'fail', reason: 'miss' }, { verdict: 'pass' }, { verdict: 'pass' }];
    const diff = compareBaseline(cases, verdicts, { cases: baseline }, 'b.json');
    expect(diff.newlyFailing).toEqual([{ q: 'a', expect: { section: '二', source: 'r.md' }, file: 'now.jsonl', line: 3, rank: null, baselineVerdict: 'pass', verdict: 'fail', reason: 'miss' }]);
    expect(diff.newlyPassing.map((x) => x.q)).toEqual(['b']);
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
  });

  it('pairs repeated questions one to one', () => {
    const baseline = [
      { q: 'a', expect: 'x', verdict: 'pass' as const },
      { q: 'a', expect: 'x', verdict: 'fail' as const },
    ];
    const diff = compareBaseline([c('a', 'x', 1, 1), c('a', 'x', 1, 2)], [{ verdict: 'pass' }, { verdict: 'pass' }], { cases: baseline }, 'b.json');
    expect(diff.newlyPassing.map((x) => x.line)).toEqual([2]);
    expect(diff.newlyFailing).toEqual([]);
  });

  it('judges a baseline written at another threshold again at this run\'s, so a threshold change alone is no regression', () => {
    // written with --threshold 0.2: a below-threshold case, a right one, an out-of-scope one answered at 0.3
    const text = JSON.stringify({
      metrics: {},
      cases: [
        { q: 'low', expect: 'x', rank: 1, top: [{ id: 'x', score: 1, confidence: 0.1 }], verdict: 'fail', reason: 'below-threshold' },
        { q: 'right', expect: 'x', rank: 1, top: [{ id: 'x', score: 1, confidence: 0.5 }], verdict: 'pass' },
        { q: 'oos', expect: null, rank: null, top: [{ id: 'y', score: 1, confidence: 0.3 }], verdict: 'fail', reason: 'false-answer' },
      ],
      threshold: { mode: 'fixed', chosen: { threshold: 0.2 } },
    });
    const parsed = parseBaseline(text, 'main.json');
    if (!parsed.ok) throw new Error('baseline not read');
    expect(parsed.value.threshold).toBe(0.2);
    // this run has no threshold: 'low' passes by rank alone, 'right' fails (now ranked second), 'oos' is not judged
    const cases = [c('low', 'x', 1, 1), c('right', 'x', 2, 2), c('oos', null, null, 3)];
    const verdicts: CaseVerdict[] = [{ verdict: 'pass' }, { verdict: 'fail', reason: 'not-first' }, { verdict: 'skip' }];
    const diff = compareBaseline(cases, verdicts, parsed.value, 'main.json', undefined);
    // without judging again, 'low' would be "newly passing" although nothing changed for it
    expect(diff.newlyPassing).toEqual([]);
    expect(diff.newlyFailing.map((x) => [x.q, x.reason])).toEqual([['right', 'not-first']]);
    expect(diff.threshold).toEqual({ from: 0.2, to: null, rejudged: true });
    // the same baseline against a run at 0.4: 'right' (0.5) passed there too, so its failure now is a regression
    const at04 = compareBaseline(cases, verdicts, parsed.value, 'main.json', 0.4);
    expect(at04.newlyFailing.map((x) => x.q)).toEqual(['right']);
    expect(at04.threshold).toEqual({ from: 0.2, to: 0.4, rejudged: true });
    // same threshold: the verdicts are taken as they are, and baseline.threshold says the threshold both were judged at
    expect(compareBaseline(cases, verdicts, parsed.value, 'main.json', 0.2).threshold).toEqual({ from: 0.2, to: 0.2, rejudged: false });
    // no threshold on either side: nothing to say
    expect(compareBaseline(cases, verdicts, { cases: parsed.value.cases }, 'main.json', undefined).threshold).toBeUndefined();
  });

  it('says when a baseline without ranks cannot be judged again at this run\'s threshold', () => {
    const diff = compareBaseline([c('a', 'x', 1, 1)], [{ verdict: 'pass' }], { cases: [{ q: 'a', expect: 'x', verdict: 'fail' }], threshold: 0.5 }, 'old.json', 0.3);
    expect(diff.threshold).toEqual({ from: 0.5, to: 0.3, rejudged: false });
    expect(diff.newlyPassing.map((x) => x.q)).toEqual(['a']);
  });

  it('with --threshold auto against a baseline judged at a threshold, keeps the baseline\'s verdicts: each run at its own threshold, as its reports judge it', () => {
    const top = (confidence: number): CaseResult['top'] => [{ id: 'y', score: 1, confidence }];
    // user test 6: main chose 0.6 (auto), where 能便宜点吗 (out of scope) was 0.5965; an unrelated edit made it 0.6013, and auto now chooses 0.605
    const main = JSON.stringify({
      metrics: {},
      threshold: { mode: 'auto', chosen: { threshold: 0.6 } },
      cases: [
        { q: '能便宜点吗', expect: null, rank: null, top: [{ id: 'y', score: 1, confidence: 0.5965 }], verdict: 'pass' },
        // answered right at 0.6 by main; still 0.603 now, but handed off at this run's 0.605
        { q: 'low', expect: 'x', rank: 1, top: [{ id: 'x', score: 1, confidence: 0.603 }], verdict: 'pass' },
      ],
    });
    const parsed = parseBaseline(main, 'eval-auto.json');
    if (!parsed.ok) throw new Error('baseline not read');
    expect(parsed.value).toMatchObject({ threshold: 0.6, thresholdAuto: true });
    const cases: CaseResult[] = [
      { ...c('能便宜点吗', null, null, 18), top: top(0.6013) },
      { ...c('low', 'x', 1, 19), top: [{ id: 'x', score: 1, confidence: 0.603 }] },
    ];
    // this run's verdicts at its auto threshold 0.605: the out-of-scope question is handed off (pass), 'low' is below it
    const verdicts: CaseVerdict[] = [{ verdict: 'pass' }, { verdict: 'fail', reason: 'below-threshold' }];
    const diff = compareBaseline(cases, verdicts, parsed.value, 'eval-auto.json', 0.605, true);
    // before: judged at the baseline's 0.6, 能便宜点吗 was a regression the reports (at 0.605) passed
    expect(diff.newlyFailing.map((x) => x.q)).toEqual(['low']);
    expect(diff.newlyPassing).toEqual([]);
    // what moved auto's choice: the out-of-scope question 0.6 would now answer
    expect(diff.threshold).toEqual({
      from: 0.6,
      to: 0.605,
      rejudged: false,
      own: true,
      fromAuto: true,
      toAuto: true,
      handedOff: [{ q: '能便宜点吗', file: 'now.jsonl', line: 18, id: 'y', confidence: 0.6013, baselineConfidence: 0.5965 }],
    });
    // and 'low' fails only by that move: at the baseline's 0.6 it passes now too
    expect(diff.newlyFailing[0]?.thresholdOnly).toBe(true);
    // judged again at 0.605 (as a fixed threshold would be), 'low' would fail in the baseline too and its regression go unseen
    expect(compareBaseline(cases, verdicts, parsed.value, 'eval-auto.json', 0.605).newlyFailing).toEqual([]);
  });

  it('with --threshold auto, tells the cases that fail only by auto\'s new threshold from those the index change broke, and lists the latter first', () => {
    // a baby shop's pull request: auto rose from 0.41 to 0.49 because an out-of-scope question now reaches 0.491
    const main = JSON.stringify({
      metrics: {},
      threshold: { mode: 'auto', chosen: { threshold: 0.41 } },
      cases: [
        { q: '怎么退货', expect: 'faq-4', rank: 1, top: [{ id: 'faq-4', score: 1, confidence: 0.47 }], verdict: 'pass' },
        { q: '花呗退款', expect: 'faq-8', rank: 1, top: [{ id: 'faq-8', score: 1, confidence: 0.45 }], verdict: 'pass' },
        { q: '奶粉拆了能退吗', expect: 'faq-1', rank: 1, top: [{ id: 'faq-1', score: 1, confidence: 0.6 }], verdict: 'pass' },
        { q: '今天天气怎么样', expect: null, rank: null, top: [{ id: 'faq-21', score: 1, confidence: 0.38 }], verdict: 'pass' },
        { q: '可以货到付款吗', expect: null, rank: null, top: [{ id: 'faq-21', score: 1, confidence: 0.3 }], verdict: 'pass' },
        { q: '你们老板是谁', expect: null, rank: null, top: [{ id: 'faq-21', score: 1, confidence: 0.2 }], verdict: 'pass' },
      ],
      entryIds: ['faq-1', 'faq-4', 'faq-8', 'faq-21', 'faq-30', 'faq-50'],
    });
    const parsed = parseBaseline(main, 'main.json');
    if (!parsed.ok) throw new Error('baseline not read');
    expect(parsed.value.entryIds?.size).toBe(6);
    const hit = (id: string, confidence: number): CaseResult['top'] => [{ id, score: 1, confidence }];
    const cases: CaseResult[] = [
      { ...c('怎么退货', 'faq-4', 1, 1), top: hit('faq-4', 0.47) },
      // its confidence fell below the baseline's threshold too: not the threshold's doing
      { ...c('花呗退款', 'faq-8', 1, 2), top: hit('faq-8', 0.4) },
      { ...c('奶粉拆了能退吗', 'faq-1', 2, 3), top: hit('faq-50', 0.49) },
      { ...c('今天天气怎么样', null, null, 4), top: hit('faq-21', 0.491) },
      // answered by an entry the pull request added for it
      { ...c('可以货到付款吗', null, null, 5), top: hit('gap-cod', 0.96) },
      // answered by an old entry (in the baseline's index, in none of its results): a false answer, not one added (review 2026-11-27)
      { ...c('你们老板是谁', null, null, 6), top: hit('faq-30', 0.7) },
    ];
    const verdicts: CaseVerdict[] = [
      { verdict: 'fail', reason: 'below-threshold' },
      { verdict: 'fail', reason: 'below-threshold' },
      { verdict: 'fail', reason: 'not-first' },
      { verdict: 'pass' },
      { verdict: 'fail', reason: 'false-answer' },
      { verdict: 'fail', reason: 'false-answer' },
    ];
    const diff = compareBaseline(cases, verdicts, parsed.value, 'main.json', 0.4928, true);
    expect(diff.newlyFailing.map((x) => [x.q, x.thresholdOnly === true, x.unseenEntry])).toEqual([
      ['花呗退款', false, undefined],
      ['奶粉拆了能退吗', false, undefined],
      ['可以货到付款吗', false, 'gap-cod'],
      ['你们老板是谁', false, undefined],
      ['怎么退货', true, undefined],
    ]);
    // a baseline that does not list its index's entries (written before entryIds) says nothing of added entries
    const older = parseBaseline(main.replace(/,"entryIds":\[[^\]]*\]/, ''), 'main.json');
    if (!older.ok) throw new Error('baseline not read');
    expect(older.value.entryIds).toBeUndefined();
    expect(compareBaseline(cases, verdicts, older.value, 'main.json', 0.4928, true).newlyFailing.map((x) => x.unseenEntry)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(diff.threshold?.handedOff?.map((h) => [h.q, h.confidence, h.baselineConfidence])).toEqual([['今天天气怎么样', 0.491, 0.38]]);
    // at a fixed threshold nothing is threshold-only, and a lower auto threshold hands nothing more off
    const fixed = compareBaseline(cases, verdicts, parsed.value, 'main.json', 0.41);
    expect(fixed.newlyFailing.some((x) => x.thresholdOnly === true)).toBe(false);
    expect(fixed.threshold?.handedOff).toBeUndefined();
    expect(compareBaseline(cases, verdicts, parsed.value, 'main.json', 0.3, true).threshold?.handedOff).toBeUndefined();
  });

  it('lists the questions right in both runs whose top hit\'s answer changed since the baseline (a fee edited), and no other', () => {
    const main = JSON.stringify({
      metrics: {},
      cases: [
        { q: '顺丰要加钱吗', expect: 'faq-sf', rank: 1, top: [{ id: 'faq-sf', score: 1, confidence: 0.9 }], verdict: 'pass' },
        { q: '发票怎么开', expect: 'faq-invoice', rank: 1, top: [{ id: 'faq-invoice', score: 1, confidence: 0.9 }], verdict: 'pass' },
        { q: '退款多久', expect: 'faq-refund', rank: 2, top: [{ id: 'faq-sf', score: 1, confidence: 0.9 }], verdict: 'fail' },
        { q: '你们老板是谁', expect: null, rank: null, top: [{ id: 'faq-sf', score: 1, confidence: 0.1 }], verdict: 'pass' },
      ],
      answerHashes: { 'faq-sf': answerHash('补差价10元'), 'faq-invoice': answerHash('签收后开票'), 'faq-refund': answerHash('1-3个工作日') },
    });
    const parsed = parseBaseline(main, 'main.json');
    if (!parsed.ok) throw new Error('baseline not read');
    const hit = (id: string): CaseResult['top'] => [{ id, score: 1, confidence: 0.9 }];
    const cases: CaseResult[] = [
      { ...c('顺丰要加钱吗', 'faq-sf', 1, 1), top: hit('faq-sf'), topQuestion: '能发顺丰吗' },
      { ...c('发票怎么开', 'faq-invoice', 1, 2), top: hit('faq-invoice') },
      // newly passing: listed as such, not here
      { ...c('退款多久', 'faq-refund', 1, 3), top: hit('faq-refund') },
      // out of scope: no answer is sent
      { ...c('你们老板是谁', null, null, 4), top: [{ id: 'faq-sf', score: 1, confidence: 0.1 }] },
    ];
    const verdicts: CaseVerdict[] = [{ verdict: 'pass' }, { verdict: 'pass' }, { verdict: 'pass' }, { verdict: 'pass' }];
    const answers = new Map([['faq-sf', '补差价15元'], ['faq-invoice', '签收后开票'], ['faq-refund', '3个工作日']]);
    const diff = compareBaseline(cases, verdicts, parsed.value, 'main.json', undefined, false, answers);
    expect(diff.answersChanged).toEqual([{ q: '顺丰要加钱吗', file: 'now.jsonl', line: 1, id: 'faq-sf', question: '能发顺丰吗', answer: '补差价15元' }]);
    expect(diff.newlyPassing.map((x) => x.q)).toEqual(['退款多久']);
    // a long answer is cut for the report line
    const long = compareBaseline(cases, verdicts, parsed.value, 'main.json', undefined, false, new Map([['faq-sf', '运'.repeat(300)]]));
    expect(long.answersChanged?.[0]?.answer).toBe(`${'运'.repeat(120)}…`);
    // a baseline written before answerHashes: nothing to compare, nothing listed
    const older = parseBaseline(main.replace(/,"answerHashes":\{[^}]*\}/, ''), 'main.json');
    if (!older.ok) throw new Error('baseline not read');
    expect(compareBaseline(cases, verdicts, older.value, 'main.json', undefined, false, answers).answersChanged).toBeUndefined();
  });
});
