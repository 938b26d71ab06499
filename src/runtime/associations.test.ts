import { describe, expect, it } from 'vitest';
import { Associations, associationsText, MAX_MISSES } from './associations.js';

describe('Associations', () => {
  const list: [string, [string, number][]][] = [
    ['退款', [['退钱', 0.5], ['返款', 0.25]]],
    ['取消', [['撤销', 0.4]]],
    ['cancel', [['revoke', 0.123]]],
  ];
  const text = associationsText(list);

  it('writes one line per term, sorted by term, with its related terms and weights', () => {
    expect(text.split('\n')).toEqual(['cancel\trevoke\t0.123', '取消\t撤销\t0.4', '退款\t退钱\t0.5\t返款\t0.25']);
  });

  it('finds every term by binary search, first and last line included, and nothing for others', () => {
    const a = new Associations(text);
    expect(a.size).toBe(3);
    expect(a.get('cancel')).toEqual([['revoke', 0.123]]);
    expect(a.get('取消')).toEqual([['撤销', 0.4]]);
    expect(a.get('退款')).toEqual([['退钱', 0.5], ['返款', 0.25]]);
    expect(a.get('退')).toBeUndefined();
    expect(a.get('zzz')).toBeUndefined();
    expect(a.get('退款')).toBe(a.get('退款')); // parsed once
  });

  it('remembers at most MAX_MISSES terms it did not find (a bot asks about new words without end), and still finds the others', () => {
    const a = new Associations(text);
    for (let i = 0; i < MAX_MISSES * 3; i++) expect(a.get(`unknown phrase ${i}`)).toBeUndefined();
    const held = (a as unknown as { missing: Set<string> }).missing.size;
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(MAX_MISSES);
    expect(a.get('退款')).toEqual([['退钱', 0.5], ['返款', 0.25]]);
    expect(a.get('unknown phrase 1')).toBeUndefined();
  });

  it('holds nothing for an index without expansions', () => {
    const empty = new Associations(associationsText([]));
    expect(empty.size).toBe(0);
    expect(empty.get('退款')).toBeUndefined();
  });
});
