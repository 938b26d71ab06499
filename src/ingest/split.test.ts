import { describe, expect, it } from 'vitest';
import type { Block } from './document.js';
import { blockText } from './sectionize.js';
import { MAX_SECTION_CHARS, PART_CHARS, partHeadingPath, pieces, splitBlocks } from './split.js';

const para = (text: string): Block => ({ kind: 'paragraph', text });

describe('splitBlocks', () => {
  it('leaves a section of up to MAX_SECTION_CHARS as one part', () => {
    const blocks = [para('a'.repeat(MAX_SECTION_CHARS))];
    expect(splitBlocks(blocks, blockText)).toEqual([blocks]);
  });

  it('packs paragraphs into parts of at most PART_CHARS, never cutting a paragraph that fits', () => {
    const blocks = Array.from({ length: 30 }, (_, i) => para(`${i}`.padEnd(900, '。')));
    const parts = splitBlocks(blocks, blockText);
    expect(parts.map((p) => p.length)).toEqual(Array(15).fill(2));
    expect(parts.flat()).toEqual(blocks);
  });

  it('cuts a long list between items and a long table between rows, keeping their kind and numbering', () => {
    const items = Array.from({ length: 600 }, (_, i) => `第${i + 1}项：签收后七天内可以申请退货，商品需保持完好。`);
    const rows = Array.from({ length: 600 }, (_, i) => [`型号${i}`, '三个工作日内发货，偏远地区顺延']);
    const parts = splitBlocks([{ kind: 'list', ordered: true, items }, { kind: 'table', rows }], blockText);
    const lists = parts.flat().filter((b) => b.kind === 'list');
    const tables = parts.flat().filter((b) => b.kind === 'table');
    expect(lists.flatMap((b) => (b.kind === 'list' ? b.items : []))).toEqual(items);
    expect(tables.flatMap((b) => (b.kind === 'table' ? b.rows : []))).toEqual(rows);
    expect(lists[1]).toMatchObject({ kind: 'list', ordered: true, start: (lists[0]?.kind === 'list' ? lists[0].items.length : 0) + 1 });
    expect(parts.every((p) => p.map(blockText).join('\n').length <= PART_CHARS)).toBe(true);
  });
});

describe('pieces', () => {
  it('cuts a paragraph between sentences, Chinese and Latin, and inside one only when it is longer than a part', () => {
    const zh = '签收后七天内可以申请退货！'.repeat(400);
    expect(pieces(zh).every((p) => p.length <= PART_CHARS && p.endsWith('！'))).toBe(true);
    expect(pieces(zh).join('')).toBe(zh);
    const en = 'Returns are free within 30 days. '.repeat(200).trim();
    expect(pieces(en).every((p) => p.endsWith('days.'))).toBe(true);
    expect(pieces('a'.repeat(PART_CHARS * 2 + 5)).map((p) => p.length)).toEqual([PART_CHARS, PART_CHARS, 5]);
  });
});

describe('partHeadingPath', () => {
  it('marks the last heading, or stands alone for text before any heading', () => {
    expect(partHeadingPath(['售后政策', '退货'], 3)).toEqual(['售后政策', '退货 (part 3)']);
    expect(partHeadingPath([], 2)).toEqual(['(part 2)']);
  });
});
