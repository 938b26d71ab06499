import { describe, expect, it } from 'vitest';
import { characterReadings, readingsOf, soundOut, toPinyin } from './pinyin.js';

describe('pinyin', () => {
  it('reads a word toneless, syllables spaced, ü as v', () => {
    expect(toPinyin('微粒贷')).toBe('wei li dai');
    expect(toPinyin('绿色')).toBe('lv se');
  });

  it('carries the readings of only the syllables asked for, one line each, sorted', () => {
    const table = characterReadings(new Set(['wei', 'li', 'dai']));
    const lines = table.split('\n');
    expect(lines.map((l) => l.split('\t')[0])).toEqual(['dai', 'li', 'wei']);
    expect(lines[2]).toMatch(/^wei\t.*微.*/u);
    expect(lines[2]).toContain('威');
    expect(lines[1]).toContain('粒');
    expect(lines[1]).toContain('力');
    expect(table).not.toContain('猫');
  });

  it('sounds out a typed stretch from the table alone, and nothing when a character is not in it', () => {
    const readingOf = readingsOf(characterReadings(new Set(['wei', 'li', 'dai'])));
    expect(readingOf('威')).toBe('wei');
    expect(readingOf('w')).toBeUndefined();
    expect(soundOut('威力贷', readingOf)).toBe('wei li dai');
    expect(soundOut('微猫', readingOf)).toBeUndefined();
  });
});
