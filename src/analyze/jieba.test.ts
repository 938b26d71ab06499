import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

const made = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:module', async (original) => {
  const real = await original<typeof import('node:module')>();
  return {
    ...real,
    createRequire: (url: string | URL) => {
      made.count++;
      return real.createRequire(url);
    },
  };
});

describe('the jieba adapter', () => {
  it('makes its require function once, not on every cut (a build cuts every run of Chinese text)', async () => {
    expect(typeof createRequire).toBe('function');
    const { jiebaCut, jiebaDictionary } = await import('./jieba.js');
    const before = made.count;
    for (let i = 0; i < 50; i++) expect(jiebaCut(`退货运费谁出${i}`)).toContain('运费');
    expect(jiebaDictionary().size).toBeGreaterThan(100_000);
    // creating it per call cost 8 s of a 60,000-entry build
    expect(made.count - before).toBe(0);
  });

  it('says in one line what to install when nodejieba is missing or did not build (it is an optional dependency)', async () => {
    const { nodejieba, MissingSegmenterError } = await import('./jieba.js');
    const missing = (): unknown => createRequire(import.meta.url)('nodejieba-not-installed');
    expect(() => nodejieba(missing)).toThrow(MissingSegmenterError);
    try {
      nodejieba(missing);
    } catch (error) {
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toMatch(/^building an index or generating questions needs nodejieba.*Cannot find module 'nodejieba-not-installed'.*npm install nodejieba@3\.5\.8 --yes/u);
    }
  });
});
