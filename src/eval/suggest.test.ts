// --suggest: failing questions become proposals in their expected entry's `suggested` list.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import type { CaseResult } from './run.js';
import { suggestFromFailures } from './suggest.js';
import type { CaseVerdict } from './summary.js';

const entry = (id: string, question: string, similar: string[] = [], suggested?: string[]): Entry => ({ id, question, similar, answer: 'a', origin: 'faq', status: 'approved', ...(suggested === undefined ? {} : { suggested }) });
const c = (q: string, expectIds: string[], line: number): CaseResult => ({ q, expect: expectIds[0] ?? null, expectIds, rank: null, top: [], topQuestion: null, tags: [], file: 's.jsonl', line });
const fail: CaseVerdict = { verdict: 'fail', reason: 'miss' };

describe('suggestFromFailures', () => {
  it('adds each failing question once to the first expected entry the store has, never to similar', () => {
    const store = [entry('a', '运费怎么算', ['包邮吗']), entry('b', '发票', [], ['开票'])];
    const cases = [c('邮费谁出', ['zz', 'a'], 1), c('邮费谁出', ['a'], 2), c(' 包邮吗 ', ['a'], 3), c('开票', ['b'], 4), c('能开专票吗', ['b'], 5), c('无关', ['zz'], 6), c('通过', ['a'], 7)];
    const verdicts: CaseVerdict[] = [fail, fail, fail, fail, fail, fail, { verdict: 'pass' }];
    const r = suggestFromFailures(cases, verdicts, store);
    expect(r.proposed).toEqual([
      { id: 'a', question: '邮费谁出', file: 's.jsonl', line: 1 },
      { id: 'b', question: '能开专票吗', file: 's.jsonl', line: 5 },
    ]);
    expect(r.entries.find((e) => e.id === 'a')).toEqual({ ...entry('a', '运费怎么算', ['包邮吗']), suggested: ['邮费谁出'] });
    expect(r.entries.find((e) => e.id === 'b')?.suggested).toEqual(['开票', '能开专票吗']);
    expect(r.entries.find((e) => e.id === 'b')?.similar).toEqual([]);
    expect(r.known).toBe(3); // the repeat, 包邮吗 (a similar question) and 开票 (already suggested)
    expect(r.unmatched).toBe(1);
    expect(store[0]?.suggested).toBeUndefined(); // the input is not changed
  });

  it('proposes the question as an editor would write it: without the chat’s call, emoji and trailing marks', () => {
    const r = suggestFromFailures([c('亲，运费谁出啊😭？？？', ['a'], 1), c('亲，包邮吗', ['a'], 2), c('能包邮吗？谢谢', ['a'], 3)], [fail, fail, fail], [entry('a', '运费怎么算', ['包邮吗'])]);
    expect(r.proposed.map((p) => p.question)).toEqual(['运费谁出啊？', '能包邮吗？']);
    expect(r.known).toBe(1);
  });

  it('proposes nothing for a case whose expected entry the index does not have (the store may: an unbuilt entry)', () => {
    const r = suggestFromFailures([c('开票', ['b'], 1)], [{ verdict: 'fail', reason: 'unknown-entry' }], [entry('b', '发票')]);
    expect(r.proposed).toEqual([]);
  });

  it('proposes a case that expects {source, section} to the entry of that source: the one ranked highest, else the only one', () => {
    const from = (id: string, path: string, heading: string[], status: Entry['status'] = 'approved'): Entry => ({ ...entry(id, id), status, source: { path, headingPath: heading } });
    const store = [
      from('faq-a', 'sources/faq.xlsx', ['退款多久到账']),
      from('faq-b', 'sources/faq.xlsx', ['退货运费谁承担']),
      from('s-5', 'sources/policy.md', ['售后政策', '第五条']),
      from('s-5-1', 'sources/policy.md', ['售后政策', '第五条']),
      from('s-6', 'sources/policy.md', ['售后政策', '第六条']),
      from('s-6-x', 'sources/policy.md', ['售后政策', '第六条'], 'rejected'),
    ];
    const sourced = (q: string, expectSources: { source: string; section?: string }[], top: string[], line: number): CaseResult => ({
      ...c(q, [], line),
      expect: expectSources,
      expectSources: expectSources.map((x) => ({ kind: 'source' as const, ...x })),
      top: top.map((id) => ({ id, score: 1, confidence: 0.3 })),
    });
    const cases = [
      sourced('钱几天到', [{ source: 'faq.xlsx', section: '退款多久到账' }], ['faq-b'], 1), // the only entry of that row
      sourced('邮费谁付', [{ source: 'policy.md', section: '第五条' }], ['faq-b', 's-5-1', 's-5'], 2), // two entries: the one ranked higher
      sourced('运费谁出', [{ source: 'policy.md', section: '第五条' }], ['faq-b'], 3), // two entries, neither found: which?
      sourced('退款期限', [{ source: 'policy.md', section: '第六条' }], [], 4), // a rejected entry takes no proposal
      sourced('无关', [{ source: 'gone.md' }], [], 5),
    ];
    const r = suggestFromFailures(cases, cases.map(() => fail), store);
    expect(r.proposed.map((p) => [p.id, p.question])).toEqual([
      ['faq-a', '钱几天到'],
      ['s-5-1', '邮费谁付'],
      ['s-6', '退款期限'],
    ]);
    expect(r.ambiguous).toBe(1);
    expect(r.unmatched).toBe(1);
  });

  it('proposes a case that expects a list to the expected entry the search ranked highest, else to the first id listed', () => {
    const store: Entry[] = [
      entry('K1022', '洗衣机脱水时震动很大怎么办？'),
      { ...entry('s-install', '洗衣机怎么安装？'), origin: 'generated', source: { path: 'sources/安装与维修说明.md', headingPath: ['安装与维修说明', '二、洗衣机安装'] } },
      entry('K1023', '扫地机器人不回充怎么办？'),
    ];
    const listed = (q: string, ids: string[], top: string[], line: number): CaseResult => ({
      ...c(q, ids, line),
      expectSources: [{ kind: 'source', source: 'sources/安装与维修说明.md', section: '二、洗衣机安装' }],
      top: top.map((id) => ({ id, score: 1, confidence: 0.54 })),
    });
    const cases = [
      // [K1022, {source, section}]: the section's entry came first (below the threshold), K1022 second
      listed('洗衣机的运输螺栓要拆吗', ['K1022'], ['s-install', 'K1022'], 1),
      listed('洗衣机晃得厉害', ['K1022'], ['K1023', 'K1022', 's-install'], 2),
      // none of them found: the first id listed
      listed('洗衣机放哪里', ['K1022'], ['K1023'], 3),
    ];
    expect(suggestFromFailures(cases, cases.map(() => fail), store).proposed.map((p) => [p.line, p.id])).toEqual([
      [1, 's-install'],
      [2, 'K1022'],
      [3, 'K1022'],
    ]);
  });

  it('ignores out-of-scope false answers', () => {
    const r = suggestFromFailures([c('你好', [], 1)], [{ verdict: 'fail', reason: 'false-answer' }], [entry('a', 'x')]);
    expect(r.proposed).toEqual([]);
    expect(r.unmatched).toBe(0);
  });
});
