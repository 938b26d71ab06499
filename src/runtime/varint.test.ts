import { describe, expect, it } from 'vitest';
import { decodeVarints, encodeVarints } from './varint.js';

describe('varints in base64', () => {
  it('round-trip small, multi-byte and 32-bit values', () => {
    const values = [0, 1, 127, 128, 300, 16383, 16384, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 31 + 5, 2 ** 32 - 1];
    expect([...decodeVarints(encodeVarints(values))]).toEqual(values);
    expect([...decodeVarints(encodeVarints([]))]).toEqual([]);
  });

  it('refuse data cut inside a value', () => {
    const bytes = Buffer.from(encodeVarints([300]), 'base64');
    expect(() => decodeVarints(Buffer.from(bytes.subarray(0, 1)).toString('base64'))).toThrow(/truncated/);
  });
});
