/** Unsigned LEB128 varints packed into base64: how postings travel inside the JSON index. */

export function encodeVarints(values: ArrayLike<number>): string {
  const bytes: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let v = values[i] ?? 0;
    if (v < 0 || !Number.isInteger(v)) throw new RangeError(`varint: ${v} is not a non-negative integer`);
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
  }
  return Buffer.from(bytes).toString('base64');
}

/** A cursor over base64-packed varints: `read` the next value, until `atEnd`. */
export interface VarintReader {
  read(): number;
  atEnd(): boolean;
}

/**
 * Read varints one at a time straight from the bytes (no intermediate array: decoding the
 * postings this way is most of loading an index). Values up to 2^32 − 1: the hot path shifts with
 * integers, longer values fall back to floats.
 */
export function varintReader(base64: string): VarintReader {
  const bytes = Buffer.from(base64, 'base64');
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

export function decodeVarints(base64: string): Uint32Array {
  const reader = varintReader(base64);
  // at most one value a byte, 3 bytes per 4 base64 characters
  const out = new Uint32Array(Math.ceil((base64.length * 3) / 4));
  let n = 0;
  while (!reader.atEnd()) out[n++] = reader.read();
  return out.subarray(0, n);
}
