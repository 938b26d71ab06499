/**
 * Which entries a question's weaker terms may still add to (candidate admission), and how their
 * long postings lists are read only at those entries (galloping search). The scoring loop in
 * knowledge-base.ts reads the bit sets directly; this module decides who is admitted and when a
 * list is searched instead of scanned.
 */

/**
 * Two stages in one pass: a question's terms are read strongest first (IDF × weight), and once
 * they have found this many candidate entries, the weaker terms still add to the candidates'
 * scores but admit no new ones (the "continue" strategy of Moffat & Zobel, 1996); nor does a term
 * whose entries would take the candidates past twice this many. Candidates are scored exactly.
 * What is given up: an entry that shares only the question's weaker words, when the stronger
 * ones already found this many entries. Measured (docs/history/matching.md): no change on the
 * development sets, the synthetic hit@1 unchanged at 10k (0.631 → 0.630) and 100k
 * (0.556 → 0.557), queries several times faster at 100k.
 */
export const MAX_CANDIDATES = 512;

/**
 * A weak term's postings list longer than this many times the candidates is searched for the
 * candidates (galloping, about 2 log2(gap) steps each) instead of scanned (one step a posting).
 */
const GALLOP_RATIO = 16;

/** The first index in [from, end) whose value is at least `target` (end when none): galloping, then binary search. */
export function seek(docs: Uint32Array, from: number, end: number, target: number): number {
  if (from >= end || docs[from]! >= target) return from;
  let lo = from;
  let step = 1;
  while (lo + step < end && docs[lo + step]! < target) {
    lo += step;
    step *= 2;
  }
  let hi = Math.min(lo + step, end);
  lo += 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (docs[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The candidate entries of the search under way: one bit per entry and per variant (an admitted
 * entry has its bit set, and so has each of its variants), and the list of them in the order
 * admitted (sorted when galloping). Scratch space reused across searches: `clear()` after each.
 */
export class Candidates {
  readonly variantBits: Uint32Array;
  readonly entryBits: Uint32Array;
  readonly list: Uint32Array;
  /** How many entries are admitted so far. */
  count = 0;
  /** How many of `list` are in entry order (sort() is a no-op until more are admitted). */
  private sorted = 0;
  private readonly firstVariant: Uint32Array;

  /** `firstVariant`: per entry its first variant, and the variant count at the end. */
  constructor(firstVariant: Uint32Array) {
    this.firstVariant = firstVariant;
    const entries = firstVariant.length - 1;
    const variants = firstVariant[entries]!;
    this.variantBits = new Uint32Array((variants >>> 5) + 1);
    this.entryBits = new Uint32Array((entries >>> 5) + 1);
    this.list = new Uint32Array(entries);
  }

  /**
   * Whether a term whose postings reach `entries` more entries may admit new candidates: while
   * fewer than `limit` are found and they would not take the candidates past twice the limit (the
   * first term always does); otherwise it only adds to the candidates found so far.
   */
  opens(entries: number, limit: number): boolean {
    return this.count === 0 || (this.count < limit && this.count + entries <= 2 * limit);
  }

  /** Whether a postings list `length` long is searched at each candidate (seek) rather than scanned. */
  gallops(length: number): boolean {
    return length > GALLOP_RATIO * this.count;
  }

  admit(e: number): void {
    const eBits = this.entryBits;
    const vBits = this.variantBits;
    eBits[e >>> 5] = eBits[e >>> 5]! | (1 << (e & 31));
    for (let v = this.firstVariant[e]!, end = this.firstVariant[e + 1]!; v < end; v++) vBits[v >>> 5] = vBits[v >>> 5]! | (1 << (v & 31));
    this.list[this.count++] = e;
  }

  /** The candidates in entry order, as galloping reads the postings (a no-op when nothing was admitted since). */
  sort(): void {
    if (this.sorted === this.count) return;
    this.list.subarray(0, this.count).sort();
    this.sorted = this.count;
  }

  /** Forget the search's candidates (their bits, and the count). */
  clear(): void {
    const eBits = this.entryBits;
    const vBits = this.variantBits;
    for (let c = 0; c < this.count; c++) {
      const e = this.list[c]!;
      eBits[e >>> 5] = 0;
      for (let v = this.firstVariant[e]!, end = this.firstVariant[e + 1]!; v < end; v++) vBits[v >>> 5] = 0;
    }
    this.count = 0;
    this.sorted = 0;
  }
}
