// `kb/runtime` is what bots import: its compiled module graph (dist/, built by `npm test`'s
// pretest) must not reach the build-time dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, ROOT, buildSample, tempDir } from '../test-support/kb.js';

const FORBIDDEN = ['pdfjs-dist', 'mammoth', 'ink', 'react', 'commander', 'nodejieba'];

const SPECIFIERS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g, // import x from 'a'; export { y } from 'b'
  /\bimport\s*['"]([^'"]+)['"]/g, // import 'a'
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, // import('a')
  /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g, // require('a')
  /\bcreateRequire\([^)]*\)\(\s*['"]([^'"]+)['"]\s*\)/g, // createRequire(import.meta.url)('a')
];

function specifiers(code: string): string[] {
  const text = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return SPECIFIERS.flatMap((re) => [...text.matchAll(re)].map((m) => m[1] ?? ''));
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The compiled files reachable from `entry` through relative imports, and the packages they name. */
function moduleGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [resolve(entry)];
  while (stack.length > 0) {
    const file = stack.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) stack.push(resolve(dirname(file), spec));
      else if (!spec.startsWith('node:')) packages.add(packageName(spec));
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** Packages and everything they depend on (by their package.json), as installed in node_modules. */
function dependencyClosure(packages: readonly string[]): string[] {
  const seen = new Set<string>();
  const stack = [...packages];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const manifest = join(ROOT, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    stack.push(...Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }));
  }
  return [...seen].sort();
}

const dist = (path: string): string => join(ROOT, 'dist', path);

describe('the kb/runtime module graph', () => {
  it('finds the imports it is meant to find (the check can fail)', () => {
    expect(moduleGraph(dist('cli/cli.js')).packages).toContain('commander');
    expect(moduleGraph(dist('analyze/jieba.js')).packages).toContain('nodejieba'); // through createRequire
    expect(moduleGraph(dist('build/index.js')).packages).toEqual(expect.arrayContaining(['nodejieba', 'write-file-atomic']));
  });

  it('is what package.json exports as kb/runtime', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, { types: string; default: string }> };
    expect(pkg.exports['./runtime']).toEqual({ types: './dist/runtime/index.d.ts', default: './dist/runtime/index.js' });
    expect(existsSync(dist('runtime/index.d.ts'))).toBe(true);
  });

  it('pulls in none of the build-time dependencies, directly or through another package', () => {
    const { files, packages } = moduleGraph(dist('runtime/index.js'));
    expect(files).toContain(dist('runtime/knowledge-base.js'));
    expect(files).toContain(dist('analyze/analyzer.js'));
    const closure = dependencyClosure(packages);
    for (const name of FORBIDDEN) expect(closure, `kb/runtime reaches ${name}`).not.toContain(name);
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
