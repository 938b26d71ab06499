// `kb/runtime` is what bots import: loaded by its package name, it searches an index without loading
// any build-time dependency (the static walk of its module graph is in runtime-package.test.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, ROOT, buildSample, tempDir } from '../test-support/kb.js';

const FORBIDDEN = ['pdfjs-dist', 'mammoth', 'exceljs', 'ink', 'react', 'commander', 'nodejieba'];

const dist = (path: string): string => join(ROOT, 'dist', path);

describe('kb/runtime as a bot loads it', () => {
  it('is what package.json exports as kb/runtime', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { types: string; default: string }> };
    expect(pkg.exports['./runtime']).toEqual({ types: './dist/runtime/index.d.ts', default: './dist/runtime/index.js' });
    expect(existsSync(dist('runtime/index.d.ts'))).toBe(true);
  });

  it('lets a bot read kb/package.json (its version), as the runtime package does', () => {
    // the runtime package exported it and the full package did not: ERR_PACKAGE_PATH_NOT_EXPORTED
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const r = spawnSync(process.execPath, ['-e', "console.log(require('kb/package.json').version)"], { cwd: ROOT, encoding: 'utf8' });
    expect([r.stderr, r.stdout.trim()]).toEqual(['', version]);
  });

  describe('at run time', () => {
    const dir = tempDir('kb-imports-');
    const index = join(dir.path, 'kb.index');
    beforeAll(() => buildSample(index), BUILD_TIMEOUT);
    afterAll(() => dir.remove());

    it('loads by its package name, loads an index and searches without loading them', () => {
      const script = `
        import { createRequire } from 'node:module';
        const { loadIndex } = await import('kb/runtime');
        const kb = await loadIndex(process.argv[1]);
        const hits = kb.search('退貨運費誰出 包油吗 shipping');
        const require = createRequire(import.meta.url);
        const loaded = Object.keys(require.cache).filter((p) => /node_modules\\/(${FORBIDDEN.join('|')})\\//.test(p));
        console.log(JSON.stringify({ hits: hits.length > 0, loaded }));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, index], { cwd: ROOT, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({ hits: true, loaded: [] });
    });
  });
});
