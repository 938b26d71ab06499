/**
 * One field's postings as the index file packs them (see index-file.ts): the number of postings,
 * then per term n, then n × (document delta × 2 + (tf > 1)), with tf following when above 1.
 *
 * Loading only finds where each term's list starts. A list is decoded into typed arrays the first
 * time a search reads it and kept: a bot pays at load for nothing it does not ask, and fresh
 * memory is what loading costs most on small machines (page faults, measured in
 * docs/benchmarks.md).
 */

/** Term frequencies are kept as 16-bit counts: BM25 saturates long before 65,535. */
const MAX_TF = 0xffff;
const EMPTY_DOCS = new Uint32Array(0);
const EMPTY_TFS = new Uint16Array(0);

export class Postings {
  /** Per term: its number of postings (its document frequency in this field). */
  readonly count: Uint32Array;
  /** Length of each document of the field, in terms, and their average. */
  readonly lengths: Uint32Array;
  readonly avgLength: number;
  private readonly bytes: Uint8Array;
  /** Byte offset of each term's first posting. */
  private readonly start: Uint32Array;
  private readonly docsOf: (Uint32Array | undefined)[];
  private readonly tfsOf: (Uint16Array | undefined)[];

  constructor(bytes: Uint8Array, lengths: Uint32Array, termCount: number) {
    this.bytes = bytes;
    this.lengths = lengths;
    let sum = 0;
    for (let d = 0; d < lengths.length; d++) sum += lengths[d]!;
    this.avgLength = lengths.length > 0 ? Math.max(sum / lengths.length, 1) : 1;
    this.count = new Uint32Array(termCount);
    this.start = new Uint32Array(termCount);
    this.docsOf = new Array<Uint32Array | undefined>(termCount);
    this.tfsOf = new Array<Uint16Array | undefined>(termCount);
    // one pass over the bytes that writes only the two small arrays: skip each list's varints
    const end = bytes.length;
    let pos = 0;
    let total = 0;
    for (let shift = 0; pos < end; shift += 7) {
      const b = bytes[pos++]!;
      total += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
    }
    let seen = 0;
    for (let t = 0; t < termCount; t++) {
      let n = 0;
      for (let shift = 0; ; shift += 7) {
        if (pos >= end) throw new RangeError('postings: truncated');
        const b = bytes[pos++]!;
        n += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) break;
      }
      this.count[t] = n;
      this.start[t] = pos;
      seen += n;
      for (let j = 0; j < n; j++) {
        // the code (a varint), and the tf (another) when the code's low bit says so
        let b = bytes[pos++]!;
        const hasTf = (b & 1) === 1;
        while (b >= 0x80) b = bytes[pos++]!;
        if (hasTf) while (bytes[pos++]! >= 0x80);
      }
      if (pos > end) throw new RangeError('postings: truncated');
    }
    if (pos !== end || seen !== total) throw new RangeError('postings: more data than terms, or a wrong count');
  }

  /** The documents of term t, ascending. */
  docs(t: number): Uint32Array {
    return this.docsOf[t] ?? this.decode(t).docs;
  }

  /** The term frequencies of term t, in the order of `docs(t)`. */
  tfs(t: number): Uint16Array {
    return this.tfsOf[t] ?? this.decode(t).tfs;
  }

  /** Does document `doc` occur in the postings of term t? (binary search) */
  has(t: number, doc: number): boolean {
    const docs = this.docs(t);
    let lo = 0;
    let hi = docs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = docs[mid]!;
      if (d === doc) return true;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Decode term t's documents into `into` (long enough for `count[t]`) without keeping them: load-time passes. */
  docsInto(t: number, into: Uint32Array): number {
    return this.read(t, into, undefined);
  }

  private decode(t: number): { docs: Uint32Array; tfs: Uint16Array } {
    const n = this.count[t] ?? 0;
    const docs = n === 0 ? EMPTY_DOCS : new Uint32Array(n);
    const tfs = n === 0 ? EMPTY_TFS : new Uint16Array(n);
    this.read(t, docs, tfs);
    this.docsOf[t] = docs;
    this.tfsOf[t] = tfs;
    return { docs, tfs };
  }

  private read(t: number, docs: Uint32Array, tfs: Uint16Array | undefined): number {
    const bytes = this.bytes;
    const n = this.count[t] ?? 0;
    let pos = this.start[t] ?? 0;
    let doc = 0;
    for (let i = 0; i < n; i++) {
      let code = bytes[pos++]!;
      if (code >= 0x80) {
        code &= 0x7f;
        for (let shift = 7; ; shift += 7) {
          const b = bytes[pos++]!;
          code += (b & 0x7f) * 2 ** shift;
          if (b < 0x80) break;
        }
      }
      doc += Math.floor(code / 2);
      docs[i] = doc;
      let tf = 1;
      if ((code & 1) === 1) {
        tf = 0;
        for (let shift = 0; ; shift += 7) {
          const b = bytes[pos++]!;
          tf += (b & 0x7f) * 2 ** shift;
          if (b < 0x80) break;
        }
      }
      if (tfs !== undefined) tfs[i] = tf > MAX_TF ? MAX_TF : tf;
    }
    return n;
  }
}
