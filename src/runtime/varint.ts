/** Unsigned LEB128 varints: how postings, lengths and counts are packed in the index file. */

/** A growable byte buffer for writing varints (build side). */
export class VarintWriter {
  private bytes = new Uint8Array(1024);
  private n = 0;

  write(value: number): void {
    if (value < 0 || !Number.isInteger(value)) throw new RangeError(`varint: ${value} is not a non-negative integer`);
    if (this.n + 10 > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes.subarray(0, this.n));
      this.bytes = grown;
    }
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.n++] = (v & 0x7f) | 0x80;
      v = Math.floor(v / 128);
    }
    this.bytes[this.n++] = v;
  }

  /** The bytes written so far (a copy, exactly as long as the data). */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.n);
  }
}

export function encodeVarints(values: ArrayLike<number>): Uint8Array {
  const writer = new VarintWriter();
  for (let i = 0; i < values.length; i++) writer.write(values[i] ?? 0);
  return writer.finish();
}

/** A cursor over packed varints: `read` the next value, until `atEnd`. */
export interface VarintReader {
  read(): number;
  atEnd(): boolean;
}

/** Read varints one at a time. Values up to 2^32 − 1: the hot path shifts with integers, longer values fall back to floats. */
export function varintReader(bytes: Uint8Array): VarintReader {
  const end = bytes.length;
  let pos = 0;
  return {
    atEnd: () => pos >= end,
    read: (): number => {
      if (pos >= end) throw new RangeError('varint: truncated data');
      let b = bytes[pos++]!;
      if (b < 0x80) return b;
      let value = b & 0x7f;
      let shift = 7;
      for (;;) {
        if (pos >= end) throw new RangeError('varint: truncated data');
        b = bytes[pos++]!;
        value += shift < 28 ? (b & 0x7f) << shift : (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return value;
        shift += 7;
      }
    },
  };
}

export function decodeVarints(bytes: Uint8Array): Uint32Array {
  const reader = varintReader(bytes);
  // at most one value a byte
  const out = new Uint32Array(bytes.length);
  let n = 0;
  while (!reader.atEnd()) out[n++] = reader.read();
  return out.subarray(0, n);
}
