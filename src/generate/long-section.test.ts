import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { askedHeadingPath, generateEntries } from './index.js';

describe('a long section split into parts (src/ingest/split.ts)', () => {
  it('asks its heading in part 1 only and never asks about the "(part N)" marker', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-parts-'));
    try {
      const path = join(dir, 'policy.md');
      const paragraphs = Array.from({ length: 600 }, (_, i) => `第${i + 1}款：签收后七天内可以申请退货，商品需保持完好、配件齐全，退货运费由买家承担。`);
      await writeFile(path, `# 退换货政策\n\n${paragraphs.join('\n\n')}\n`);
      const { entries } = generateEntries((await ingestPaths([path])).documents, { similar: 0 });
      expect(entries.length).toBeGreaterThan(5);
      expect(entries.map((e) => e.source?.headingPath.at(-1)).slice(0, 2)).toEqual(['退换货政策 (part 1)', '退换货政策 (part 2)']);
      expect(entries[0]?.question).toContain('退换货政策');
      expect(entries.slice(1).filter((e) => e.question.includes('退换货政策'))).toEqual([]);
      expect(entries.flatMap((e) => [e.question, ...e.similar]).filter((q) => /\(part \d+\)(?:是|有|指)/u.test(q))).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads the heading path the rules see', () => {
    expect(askedHeadingPath(['规则', '退货 (part 1)'])).toEqual(['规则', '退货']);
    expect(askedHeadingPath(['规则', '退货 (part 2)'])).toEqual([]);
    expect(askedHeadingPath(['(part 1)'])).toEqual([]);
    expect(askedHeadingPath(['规则', '退货'])).toEqual(['规则', '退货']);
  });
});
