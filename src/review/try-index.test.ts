// "Try it" ranks the store's entries as the editor has them (rejected ones left out).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_TIMEOUT, ROOT } from '../test-support/kb.js';
import { fixtureEntries } from '../test-support/review-fixture.js';
import { searcherBuilder, tryEntries } from './try-index.js';

describe('try it', () => {
  it('leaves rejected entries out', () => {
    expect(tryEntries(fixtureEntries()).map((e) => e.id)).not.toContain('s-xyz-noise');
    expect(tryEntries(fixtureEntries())).toHaveLength(5);
  });

  it(
    'builds an index of the current entries and ranks them for a question, edits included',
    async () => {
      const builder = searcherBuilder();
      expect(builder.mode).toBe('in-process');
      try {
        const entries = fixtureEntries();
        const searcher = await builder.build(entries);
        expect(searcher.search('退款几天能到账', { k: 3 })[0]?.id).toBe('s-refund-time');
        // an editor adds a similar question: the rebuilt index finds the entry by it
        const edited = entries.map((e) => (e.id === 's-seven-day' ? { ...e, similar: ['发票抬头写错了怎么办'] } : e));
        const before = searcher.search('发票抬头写错了怎么办', { k: 5 }).findIndex((h) => h.id === 's-seven-day');
        const after = (await builder.build(edited)).search('发票抬头写错了怎么办', { k: 5 });
        expect(after[0]?.id).toBe('s-seven-day');
        expect(before).not.toBe(0);
      } finally {
        builder.close();
      }
    },
    BUILD_TIMEOUT,
  );

  it(
    'builds in a worker thread when kb runs from dist/ (built by npm test\'s pretest)',
    async () => {
      const dist = (await import(pathToFileURL(join(ROOT, 'dist', 'review', 'try-index.js')).href)) as typeof import('./try-index.js');
      const builder = dist.searcherBuilder();
      expect(builder.mode).toBe('worker');
      try {
        // warmed first (kb review does so a moment after its screen is up): the build after it is of the store
        builder.warm();
        builder.warm();
        const searcher = await builder.build(fixtureEntries());
        expect(searcher.search('退款几天能到账', { k: 1 })[0]?.id).toBe('s-refund-time');
        expect(searcher.search('包邮吗', { k: 1 })[0]?.id).toBe('faq-free-shipping');
      } finally {
        builder.close();
      }
    },
    BUILD_TIMEOUT,
  );
});
