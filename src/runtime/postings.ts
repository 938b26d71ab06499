/**
 * One field's postings as the index file packs them (see index-file.ts): the number of postings,
 * then per term n, then n × (document delta × 2 + (tf > 1)), with tf following when above 1.
 *
 * Loading only finds where each term's list starts. A list is decoded the first time a search
 * reads it and kept, in one array for all terms' documents and one for their frequencies (the
 * term's slice starts at `offset[t]`): a bot pays at load for nothing it does not ask, and a
 * first use costs the decoding alone — two typed arrays per term took 4 µs a term to allocate,
 * ten times the decoding (and fresh memory is what loading costs most on small machines, so the
 * two arrays are reserved, not touched, until terms are read).
 */

/** Term frequencies are kept as 16-bit counts: BM25 saturates long before 65,535. */
const MAX_TF = 0xffff;

/** How many interpolation probes `has` makes before halving (bounded: a list bunched in one place costs a few probes more, never a scan). */
const INTERPOLATION_STEPS = 3;

export class Postings {
  /** Per term: its number of postings (its document frequency in this field). */
  readonly count: Uint32Array;
  /** Length of each document of the field, in terms, and their average. */
  readonly lengths: Uint32Array;
  readonly avgLength: number;
  /** Where term t's slice of `allDocs` / `allTfs` starts (its end: offset[t + 1]). */
  readonly offset: Uint32Array;
  /** Every term's documents, ascending within a term; a term's slice is filled by `decode(t)`. */
  readonly allDocs: Uint32Array;
  /** Every term's term frequencies, in the order of `allDocs`. */
  readonly allTfs: Uint16Array;
  private readonly bytes: Uint8Array;
  /** Byte offset of each term's first posting. */
  private readonly start: Uint32Array;
  private readonly decoded: Uint8Array;

  constructor(bytes: Uint8Array, lengths: Uint32Array, termCount: number) {
    this.bytes = bytes;
    this.lengths = lengths;
    let sum = 0;
    for (let d = 0; d < lengths.length; d++) sum += lengths[d]!;
    this.avgLength = lengths.length > 0 ? Math.max(sum / lengths.length, 1) : 1;
    this.count = new Uint32Array(termCount);
    this.start = new Uint32Array(termCount);
    this.offset = new Uint32Array(termCount + 1);
    this.decoded = new Uint8Array(termCount);
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
      this.offset[t] = seen;
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
    this.offset[termCount] = seen;
    this.allDocs = new Uint32Array(seen);
    this.allTfs = new Uint16Array(seen);
  }

  /** Decode term t's postings into its slice of `allDocs` / `allTfs` (once); its start there. */
  decode(t: number): number {
    const at = this.offset[t]!;
    if (this.decoded[t] === 0) {
      this.read(t, this.allDocs, this.allTfs, at);
      this.decoded[t] = 1;
    }
    return at;
  }

  /**
   * Does document `doc` occur in the postings of term t? A few interpolation steps (documents spread
   * about evenly over a long list: a probe lands near the document, where halving takes a dozen
   * probes, each a likely cache miss — a search asks this for every word of the question and each
   * hit), then binary search.
   */
  has(t: number, doc: number): boolean {
    const docs = this.allDocs;
    let lo = this.decode(t);
    let hi = lo + this.count[t]! - 1;
    for (let step = 0; step < INTERPOLATION_STEPS && hi - lo > 16; step++) {
      const first = docs[lo]!;
      const last = docs[hi]!;
      if (doc < first || doc > last) return false;
      // (a list of one document repeated — only a damaged index has one — would divide by zero)
      if (first === last) return doc === first;
      const at = lo + Math.floor(((doc - first) / (last - first)) * (hi - lo));
      const d = docs[at]!;
      if (d === doc) return true;
      if (d < doc) lo = at + 1;
      else hi = at - 1;
    }
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const d = docs[mid]!;
      if (d === doc) return true;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Decode term t's documents into `into` (long enough for `count[t]`) without keeping them: load-time passes. */
  docsInto(t: number, into: Uint32Array): number {
    return this.read(t, into, undefined, 0);
  }

  /** Decode term t's postings into docs (and tfs) from index `at`; the number decoded. */
  private read(t: number, docs: Uint32Array, tfs: Uint16Array | undefined, at: number): number {
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
      docs[at + i] = doc;
      let tf = 1;
      if ((code & 1) === 1) {
        tf = 0;
        for (let shift = 0; ; shift += 7) {
          const b = bytes[pos++]!;
          tf += (b & 0x7f) * 2 ** shift;
          if (b < 0x80) break;
        }
      }
      if (tfs !== undefined) tfs[at + i] = tf > MAX_TF ? MAX_TF : tf;
    }
    return n;
  }
}
