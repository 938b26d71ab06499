// Matching hits to expectations (the brief's section rule), ranks, metrics and the JSON report.
import { describe, expect, it } from 'vitest';
import { headingMatches, hitMatches, metricsOf, rankOf } from './metrics.js';
import { evalJson, type EvalReport } from './run.js';
import type { EvalCase } from './suite.js';

describe('headingMatches', () => {
  it.each([
    ['二、退货运费', '二、退货运费', true],
    ['二、退货运费', '二', true], // followed by punctuation
    ['第四十一条 销售者应当', '第四十一条', true], // followed by a space
    ['Exchanges: sizes and colours', 'Exchanges', true],
    ['１.１ 退货', '1.1', true], // full-width digits are compared as half-width
    ['七天无理由退货', '七天', false], // followed by a letter
    ['第四十一条', '第四十', false],
    ['Exchanges', 'Exchange', false],
    ['退货运费', '二、退货运费', false],
    ['三、退貨運費', '三、退货运费', true], // a suite in simplified, a Taiwan document
    ['送貨範圍及運費', '送货范围', false],
    ['五、退款方式与时间', '五、退款方式與時間', true], // and the other way
  ])('%s ~ %s → %s', (heading, section, expected) => {
    expect(headingMatches(heading, section)).toBe(expected);
  });
});

const hit = (id: string, path?: string, headingPath: string[] = []) => (path === undefined ? { id } : { id, source: { path, headingPath } });

describe('hitMatches', () => {
  it('matches an id, a source by file name or path, and a section of the heading path', () => {
    const h = hit('s-1', 'docs/policy/returns.md', ['退换货政策', '二、退货运费']);
    expect(hitMatches(h, { kind: 'id', id: 's-1' })).toBe(true);
    expect(hitMatches(h, { kind: 'id', id: 's-2' })).toBe(false);
    expect(hitMatches(h, { kind: 'source', source: 'returns.md' })).toBe(true);
    expect(hitMatches(h, { kind: 'source', source: 'docs/policy/returns.md' })).toBe(true);
    // a folder and the file, from any folder up (two returns.md in two folders are told apart)
    expect(hitMatches(h, { kind: 'source', source: 'policy/returns.md' })).toBe(true);
    expect(hitMatches(h, { kind: 'source', source: './policy/returns.md' })).toBe(true);
    expect(hitMatches(h, { kind: 'source', source: 'policy\\returns.md' })).toBe(true);
    expect(hitMatches(h, { kind: 'source', source: 'olicy/returns.md' })).toBe(false);
    expect(hitMatches(h, { kind: 'source', source: 'legal/returns.md' })).toBe(false);
    expect(hitMatches(h, { kind: 'source', source: 'eturns.md' })).toBe(false);
    expect(hitMatches(h, { kind: 'source', source: 'returns.md', section: '退换货政策' })).toBe(true);
    expect(hitMatches(h, { kind: 'source', source: 'returns.md', section: '二' })).toBe(true);
    expect(hitMatches(h, { kind: 'source', source: 'returns.md', section: '三' })).toBe(false);
    expect(hitMatches(hit('f1'), { kind: 'source', source: 'returns.md' })).toBe(false);
  });
});

function evalCase(expectations: EvalCase['expect']): EvalCase {
  return { q: 'q', expect: expectations, expectRaw: null, tags: [], file: 'x.jsonl', line: 1 };
}

describe('rankOf and metricsOf', () => {
  const hits = [hit('a'), hit('b', 'faq.csv', ['运费']), hit('c')];

  it('gives the 1-based rank of the first hit meeting any expectation, or null', () => {
    expect(rankOf(hits, evalCase([{ kind: 'id', id: 'a' }]))).toBe(1);
    expect(rankOf(hits, evalCase([{ kind: 'id', id: 'c' }, { kind: 'source', source: 'faq.csv' }]))).toBe(2);
    expect(rankOf(hits, evalCase([{ kind: 'id', id: 'z' }]))).toBeNull();
    expect(rankOf(hits, evalCase([]))).toBeNull(); // out of scope
  });

  it('computes hit@1, hit@k and MRR@k', () => {
    expect(metricsOf([1, 2, null, 5, 6], 5)).toEqual({ cases: 5, hit1: 0.2, hitK: 0.6, mrr: 0.34, k: 5 });
    expect(metricsOf([1, 3, 1], 2)).toEqual({ cases: 3, hit1: 0.6667, hitK: 0.6667, mrr: 0.6667, k: 2 });
    expect(metricsOf([], 5)).toEqual({ cases: 0, hit1: 0, hitK: 0, mrr: 0, k: 5 });
  });
});

describe('evalJson', () => {
  it('keeps exactly the documented keys', () => {
    const report: EvalReport = {
      metrics: { cases: 1, hit1: 1, hitK: 1, mrr: 1, k: 5 },
      cases: [
        { q: '包邮吗', expect: 'ship-cost', rank: 1, top: [{ id: 'ship-cost', score: 3.2, confidence: 0.9 }], topQuestion: '运费怎么算？', tags: ['运费'], file: 'a.jsonl', line: 1 },
        { q: '几点下班', expect: null, rank: null, top: [], topQuestion: null, tags: [], file: 'a.jsonl', line: 2 },
      ],
    };
    expect(evalJson(report)).toEqual({
      metrics: { cases: 1, hit1: 1, hitK: 1, mrr: 1, k: 5 },
      cases: [
        { q: '包邮吗', expect: 'ship-cost', rank: 1, top: [{ id: 'ship-cost', score: 3.2, confidence: 0.9 }] },
        { q: '几点下班', expect: null, rank: null, top: [] },
      ],
    });
  });
});
