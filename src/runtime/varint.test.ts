import { describe, expect, it } from 'vitest';
import { decodeVarints, encodeVarints, VarintWriter } from './varint.js';

describe('varints', () => {
  it('round-trip small, multi-byte and 32-bit values', () => {
    const values = [0, 1, 127, 128, 300, 16383, 16384, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 31 + 5, 2 ** 32 - 1];
    expect([...decodeVarints(encodeVarints(values))]).toEqual(values);
    expect([...decodeVarints(encodeVarints([]))]).toEqual([]);
  });

  it('take one byte below 128 and grow the writer past its first buffer', () => {
    expect([...encodeVarints([5, 127, 128])]).toEqual([5, 127, 0x80, 1]);
    const writer = new VarintWriter();
    for (let i = 0; i < 5000; i++) writer.write(i);
    expect([...decodeVarints(writer.finish())]).toEqual(Array.from({ length: 5000 }, (_, i) => i));
  });

  it('refuse data cut inside a value, and values that are not non-negative integers', () => {
    expect(() => decodeVarints(encodeVarints([300]).subarray(0, 1))).toThrow(/truncated/);
    expect(() => encodeVarints([-1])).toThrow(/non-negative/);
  });
});
