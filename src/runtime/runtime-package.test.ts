// The runtime package (scripts/pack-runtime.mjs, `npm run pack:runtime`) is what a bot installs:
// kb/runtime alone, so that DESIGN.md's "kb/runtime must not pull in the build-time dependencies"
// holds for a bot's node_modules too. These tests walk the compiled files (dist/, built by npm
// test's pretest) with TypeScript's parser, apart from the pack script's own walk, and hold the
// packed tarball to what they find.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../test-support/kb.js';

const BUILD_TIME = ['pdfjs-dist', 'mammoth', 'exceljs', 'ink', 'react', 'commander', 'nodejieba'];
/** May be named inside a function (build code the runtime never calls), never where a file is imported. */
const LAZY_ONLY = ['nodejieba'];

interface Load {
  /** The module named, as written. */
  spec: string;
  /** Inside a function: loaded when that is called, not when the file is imported. */
  lazy: boolean;
  /** The file that names it, root-relative. */
  file: string;
}

const rel = (path: string): string => relative(ROOT, path).split(sep).join('/');
const packageOf = (spec: string): string => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
const isBuiltin = (spec: string): boolean => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0] ?? spec);

/** Every module a compiled file (.js or .d.ts) names: imports, re-exports, import(), require(), createRequire(…)(), import types. */
function loadsOf(path: string): Load[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, path.endsWith('.d.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const found: Load[] = [];
  const add = (node: ts.Node | undefined, lazy: boolean): void => {
    if (node === undefined || !ts.isStringLiteralLike(node)) throw new Error(`${rel(path)}: a load of a module that is not a string literal (${node?.getText(source) ?? 'nothing'})`);
    found.push({ spec: node.text, lazy, file: rel(path) });
  };
  const visit = (node: ts.Node, lazy: boolean): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) add(node.moduleSpecifier, lazy);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, lazy);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isCreated = ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'createRequire';
      if (callee.kind === ts.SyntaxKind.ImportKeyword || isRequire || isCreated) add(node.arguments[0], lazy);
    }
    ts.forEachChild(node, (child) => visit(child, lazy || ts.isFunctionLike(node)));
  };
  visit(source, false);
  return found;
}

/** The files reachable from `entry` through relative loads (root-relative, sorted), and their loads of packages. */
function walk(entry: string): { files: string[]; packages: Load[] } {
  const declarations = entry.endsWith('.d.ts');
  const files = new Set<string>();
  const packages: Load[] = [];
  const stack = [resolve(ROOT, entry)];
  for (let path = stack.pop(); path !== undefined; path = stack.pop()) {
    if (files.has(path)) continue;
    files.add(path);
    for (const load of loadsOf(path)) {
      if (load.spec.startsWith('.')) stack.push(resolve(dirname(path), declarations ? load.spec.replace(/\.js$/u, '.d.ts') : load.spec));
      else if (!isBuiltin(load.spec)) packages.push(load);
    }
  }
  return { files: [...files].map(rel).sort(), packages };
}

/** Packages and every package they depend on, by their package.json in node_modules. */
function closure(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const stack = [...names];
  for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const manifest = join(ROOT, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
    stack.push(...Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }));
  }
  return [...seen].sort();
}

interface Manifest {
  name: string;
  version: string;
  bin?: unknown;
  main?: unknown;
  scripts?: Record<string, string>;
  exports: Record<string, unknown>;
  typesVersions: unknown;
  dependencies: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const runtime = walk('dist/runtime/index.js');
/** The packages kb/runtime needs installed: all it loads but a build-time package named lazily (checked below). */
const needed = [...new Set(runtime.packages.filter((l) => !(l.lazy && LAZY_ONLY.includes(packageOf(l.spec)))).map((l) => packageOf(l.spec)))].sort();
const declarations = [...new Set(runtime.files.flatMap((js) => walk(js.replace(/\.js$/u, '.d.ts')).files))].sort();

describe('the kb/runtime module graph', () => {
  it('is checked by a walk that finds every kind of load and tells one inside a function from one at import', () => {
    const loads = (file: string): Array<[string, boolean]> => loadsOf(join(ROOT, file)).map((l) => [l.spec, l.lazy]);
    expect(loads('dist/cli/cli.js')).toEqual(expect.arrayContaining([['commander', false], ['./commands/build.js', true]])); // import, import()
    expect(loads('dist/analyze/jieba.js')).toContainEqual(['nodejieba', true]); // require made by createRequire, in a default parameter
    expect(loads('dist/analyze/stopwords.js')).toContainEqual(['stopwords-iso', true]); // createRequire(import.meta.url)('…')
    expect(loads('dist/analyze/english.js')).toContainEqual(['stemmer', false]);
    expect(loads('dist/runtime/index.d.ts')).toContainEqual(['./server.js', false]); // export … from
    expect(walk('dist/build/index.js').packages.map((l) => packageOf(l.spec))).toContain('nodejieba'); // through relative imports
  });

  it('loads no build-time package, directly or through another package; nodejieba only inside a function', () => {
    expect(runtime.files).toEqual(expect.arrayContaining(['dist/runtime/knowledge-base.js', 'dist/analyze/analyzer.js', 'dist/runtime/server.js']));
    const forbidden = runtime.packages.filter((l) => BUILD_TIME.includes(packageOf(l.spec)) && !(l.lazy && LAZY_ONLY.includes(packageOf(l.spec))));
    expect(forbidden.map((l) => `${l.file} loads ${l.spec}${l.lazy ? '' : ' when imported'}`)).toEqual([]);
    const reached = closure(needed).filter((name) => BUILD_TIME.includes(name));
    expect(reached, `kb/runtime's packages depend on build-time packages`).toEqual([]);
  });
});

describe('the runtime package (npm run pack:runtime)', () => {
  const dir = tempDir('kb-runtime-package-');
  let packed: string[] = [];
  let manifest: Manifest;
  const repo = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest & { exports: Record<string, unknown> };

  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/pack-runtime.mjs'), '--pack-destination', dir.path], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^pack-runtime: wrote .*kb-runtime-[\d.]+\.tgz \([\d.]+ kB; \d+ files; dependencies: /u);
    const tarball = join(dir.path, `kb-runtime-${repo.version}.tgz`);
    const untar = spawnSync('tar', ['-xzf', tarball, '-C', dir.path], { encoding: 'utf8' });
    expect(untar.stderr).toBe('');
    const list = (folder: string): string[] => readdirSync(folder, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? list(join(folder, d.name)) : [join(folder, d.name)]));
    packed = list(join(dir.path, 'package')).map((f) => relative(join(dir.path, 'package'), f).split(sep).join('/')).sort();
    manifest = JSON.parse(readFileSync(join(dir.path, 'package/package.json'), 'utf8')) as Manifest;
  });
  afterAll(() => dir.remove());

  it('depends on exactly the packages kb/runtime loads, at the versions package.json pins', () => {
    expect(needed.length).toBeGreaterThan(0);
    const pinned: Record<string, string> = { ...repo.optionalDependencies, ...repo.dependencies };
    expect(manifest.dependencies).toEqual(Object.fromEntries(needed.map((name) => [name, pinned[name]])));
    expect(manifest.optionalDependencies).toBeUndefined();
  });

  it('holds the files of that graph and their declarations, and nothing else', () => {
    expect(packed).toEqual(['package.json', ...runtime.files, ...declarations].sort());
    // the declarations name only files it holds, packages it depends on and Node's own
    const types = new Set(declarations);
    for (const file of declarations) {
      for (const load of loadsOf(join(ROOT, file))) {
        if (load.spec.startsWith('.')) expect(types, `${file} imports ${load.spec}`).toContain(rel(resolve(ROOT, dirname(file), load.spec.replace(/\.js$/u, '.d.ts'))));
        else if (!isBuiltin(load.spec)) expect(Object.keys(manifest.dependencies), `${file} imports ${load.spec}`).toContain(packageOf(load.spec));
      }
    }
  });

  it('is kb at this version that exposes kb/runtime (and its package.json) only, with no command or install script', () => {
    expect(manifest.name).toBe(repo.name);
    expect(manifest.version).toBe(repo.version);
    expect(manifest.exports).toEqual({ './runtime': repo.exports['./runtime'], './package.json': './package.json' });
    expect(manifest.typesVersions).toEqual(repo.typesVersions);
    expect(manifest.bin).toBeUndefined();
    expect(manifest.main).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
  });
});
