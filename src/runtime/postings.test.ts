import { describe, expect, it } from 'vitest';
import { Postings } from './postings.js';
import { VarintWriter } from './varint.js';

/** Pack lists of [doc, tf] per term the way the index file does. */
function pack(lists: [number, number][][]): Uint8Array {
  const out = new VarintWriter();
  out.write(lists.reduce((n, l) => n + l.length, 0));
  for (const list of lists) {
    out.write(list.length);
    let last = 0;
    for (const [doc, tf] of list) {
      out.write((doc - last) * 2 + (tf > 1 ? 1 : 0));
      if (tf > 1) out.write(tf);
      last = doc;
    }
  }
  return out.finish();
}

/** Term t's documents and frequencies, decoded. */
const docs = (p: Postings, t: number): number[] => [...p.allDocs.subarray(p.decode(t), p.offset[t + 1])];
const tfs = (p: Postings, t: number): number[] => [...p.allTfs.subarray(p.decode(t), p.offset[t + 1])];

describe('Postings', () => {
  const lists: [number, number][][] = [[[0, 1], [3, 2], [200, 1], [70000, 300]], [], [[5, 1]]];
  const p = new Postings(pack(lists), Uint32Array.from([3, 1, 4]), 3);

  it('decodes each term’s documents and frequencies, multi-byte deltas and frequencies included', () => {
    expect([...p.count]).toEqual([4, 0, 1]);
    expect(docs(p, 0)).toEqual([0, 3, 200, 70000]);
    expect(tfs(p, 0)).toEqual([1, 2, 1, 300]);
    expect(docs(p, 1)).toEqual([]);
    expect(docs(p, 2)).toEqual([5]);
    // decoded once into the shared arrays, then kept
    expect(p.decode(0)).toBe(0);
    expect(p.decode(2)).toBe(4);
    expect([...p.allDocs.subarray(p.offset[2], p.offset[3])]).toEqual([5]);
    expect(p.avgLength).toBeCloseTo(8 / 3);
  });

  it('answers membership by binary search', () => {
    expect(p.has(0, 200)).toBe(true);
    expect(p.has(0, 201)).toBe(false);
    expect(p.has(1, 0)).toBe(false);
  });

  it('answers membership in long lists, evenly spread or bunched, as a set of the documents does', () => {
    // an even spread (interpolation lands near), a bunch at each end with a gap between (it lands
    // far off and halving finishes), and every document from 0 to 99 (runs of neighbours)
    const even = Array.from({ length: 300 }, (_, i) => i * 7 + (i % 3));
    const bunched = [...Array.from({ length: 150 }, (_, i) => i), ...Array.from({ length: 150 }, (_, i) => 1_000_000 + i * 2)];
    const dense = Array.from({ length: 100 }, (_, i) => i);
    const lists3 = [even, bunched, dense].map((l) => l.map((d): [number, number] => [d, 1]));
    const q = new Postings(pack(lists3), new Uint32Array(0), 3);
    [even, bunched, dense].forEach((list, t) => {
      const set = new Set(list);
      const probes = [...list, ...list.map((d) => d + 1), ...list.map((d) => d - 1), 500, 999_999, 1_000_299, 1_000_300, 2_000_000];
      for (const d of probes) expect(q.has(t, d), `term ${t}, document ${d}`).toBe(set.has(d));
    });
  });

  it('answers for a list of one document repeated (a damaged index) as binary search did', () => {
    const q = new Postings(pack([Array.from({ length: 20 }, (): [number, number] => [5, 1])]), new Uint32Array(0), 1);
    expect(q.has(0, 5)).toBe(true);
    expect(q.has(0, 4)).toBe(false);
  });

  it('decodes into a scratch buffer without keeping the list', () => {
    const scratch = new Uint32Array(4);
    expect(new Postings(pack(lists), Uint32Array.from([1]), 3).docsInto(0, scratch)).toBe(4);
    expect([...scratch]).toEqual([0, 3, 200, 70000]);
  });

  it('refuses bytes that do not match the term count or the posting count', () => {
    const bytes = pack(lists);
    expect(() => new Postings(bytes.subarray(0, bytes.length - 1), new Uint32Array(0), 3)).toThrow(/postings/);
    expect(() => new Postings(bytes, new Uint32Array(0), 2)).toThrow(/more data than terms/);
    expect(() => new Postings(bytes, new Uint32Array(0), 4)).toThrow(/truncated/);
  });
});
