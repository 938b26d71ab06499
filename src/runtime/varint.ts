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

export function decodeVarints(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64');
  const out = new Uint32Array(bytes.length);
  let n = 0;
  let value = 0;
  let shift = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    value += (b & 0x7f) * 2 ** shift;
    if (b & 0x80) {
      shift += 7;
    } else {
      out[n++] = value;
      value = 0;
      shift = 0;
    }
  }
  if (shift !== 0) throw new RangeError('varint: truncated data');
  return out.slice(0, n);
}
