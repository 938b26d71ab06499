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

/** The bytes of a base64 string of varints (for decoding in one pass without an intermediate array). */
export function varintBytes(base64: string): Uint8Array {
  return Buffer.from(base64, 'base64');
}

export function decodeVarints(base64: string): Uint32Array {
  const bytes = varintBytes(base64);
  const out = new Uint32Array(bytes.length);
  const end = decodeVarintsInto(bytes, 0, bytes.length, out);
  return out.subarray(0, end);
}

/**
 * Decode the varints of `bytes[from, to)` into `out` from index 0; returns how many there were.
 * Values up to 2^32 − 1 (the hot path shifts with integers; longer values fall back to floats).
 */
export function decodeVarintsInto(bytes: Uint8Array, from: number, to: number, out: Uint32Array): number {
  let n = 0;
  let i = from;
  while (i < to) {
    let b = bytes[i++] as number;
    if (b < 0x80) {
      out[n++] = b;
      continue;
    }
    let value = b & 0x7f;
    let shift = 7;
    for (;;) {
      if (i >= to) throw new RangeError('varint: truncated data');
      b = bytes[i++] as number;
      value += shift < 28 ? (b & 0x7f) << shift : (b & 0x7f) * 2 ** shift;
      if (b < 0x80) break;
      shift += 7;
    }
    out[n++] = value;
  }
  return n;
}
