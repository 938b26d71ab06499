// Where a store's source paths are relative to: the project (its kb.config.yaml), not where kb runs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/kb.js';
import { fromRoot, locateSource, projectRoot, storedSpelling } from './project-root.js';

const dir = tempDir('kb-project-root-');
afterAll(() => dir.remove());
const proj = join(dir.path, 'proj');
mkdirSync(join(proj, 'sources'), { recursive: true });
mkdirSync(join(proj, 'kb'), { recursive: true });
writeFileSync(join(proj, 'kb.config.yaml'), 'sources:\n  - sources/\n');
writeFileSync(join(proj, 'sources/faq.csv'), '问题,答案\n能开发票吗,能\n');

describe('the project folder', () => {
  it('is the folder of kb.config.yaml: the working directory, else the nearest above the store, else the working directory', () => {
    expect(projectRoot(proj, 'kb/qa.jsonl')).toBe(proj);
    expect(projectRoot(dir.path, 'proj/kb/qa.jsonl')).toBe(proj);
    expect(projectRoot(join(proj, 'kb'), 'qa.jsonl')).toBe(proj);
    expect(projectRoot(dir.path, 'elsewhere/qa.jsonl')).toBe(dir.path);
    // a kb.config.yaml above a shop run from flags alone (a workspace's) names another store: not its project
    const shop = join(proj, 'shops/tea');
    mkdirSync(join(shop, 'kb'), { recursive: true });
    expect(projectRoot(shop, 'kb/qa.jsonl')).toBe(shop);
    expect(fromRoot('sources/', projectRoot(shop, 'kb/qa.jsonl'), shop)).toBe('sources/');
  });

  it('takes a source typed elsewhere to the project, keeping a folder’s slash; in the project, as typed', () => {
    expect(fromRoot('proj/sources/', proj, dir.path)).toBe('sources/');
    expect(fromRoot('../sources/faq.csv', proj, join(proj, 'kb'))).toBe('sources/faq.csv');
    expect(fromRoot('./sources/', proj, proj)).toBe('./sources/');
    expect(fromRoot(join(proj, 'sources'), proj, dir.path)).toBe(join(proj, 'sources'));
  });

  it('finds a path an older kb stored from another folder, and keeps that spelling for the file read now', () => {
    expect(locateSource('proj/sources/faq.csv', proj, proj, 'kb/qa.jsonl')).toEqual({ file: join(proj, 'sources/faq.csv'), base: dir.path });
    expect(locateSource('proj/sources/gone.csv', proj, proj, 'kb/qa.jsonl')).toBeUndefined();
    // a vanished source is not a file of that name above the project
    writeFileSync(join(dir.path, 'gone.csv'), '问题,答案\n');
    expect(locateSource('gone.csv', proj, proj, 'kb/qa.jsonl')).toBeUndefined();
    expect(storedSpelling(['sources/faq.csv'], ['proj/sources/faq.csv'], proj, proj, 'kb/qa.jsonl')).toEqual(new Map([['sources/faq.csv', { path: 'proj/sources/faq.csv', base: dir.path }]]));
    // the store already spells it as read: nothing to keep
    expect(storedSpelling(['sources/faq.csv'], ['sources/faq.csv', 'proj/sources/faq.csv'], proj, proj, 'kb/qa.jsonl').size).toBe(0);
  });
});
