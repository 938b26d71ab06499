#!/usr/bin/env node
// The package a bot installs: kb/runtime alone, without kb's build-time dependencies (pdf.js,
// exceljs, mammoth, ink, react, commander, nodejieba: ~190 MB in a bot's node_modules otherwise).
// It walks the compiled import graph of dist/runtime/index.js — static imports and re-exports,
// import(), require() and createRequire(…)('pkg') — and the .d.ts graph of its declarations, copies
// those files into a temporary folder beside a package.json (name kb, this version, exports
// ./runtime only, dependencies: the packages the graph loads, at the versions package.json pins)
// and `npm pack`s it there as kb-runtime-<version>.tgz.
// The graph may name nodejieba only inside a function (build code that the runtime never calls);
// any other build-time package, or a load the walk cannot follow (require(name)), stops the pack.
// Usage: npm run pack:runtime   (or: npm run build && node scripts/pack-runtime.mjs [--pack-destination dir])
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Packages only building an index needs; the runtime must not load them (DESIGN.md, "Runtime API"). */
export const BUILD_TIME_PACKAGES = ['pdfjs-dist', 'mammoth', 'exceljs', 'ink', 'react', 'commander', 'nodejieba'];
/** Build-time packages a runtime file may name inside a function that only build code calls. */
export const LAZY_BUILD_TIME_PACKAGES = ['nodejieba'];
export const RUNTIME_ENTRY = 'dist/runtime/index.js';

const builtins = new Set(builtinModules);
const isBuiltin = (spec) => spec.startsWith('node:') || builtins.has(spec.split('/')[0]);
export const packageName = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
const posix = (path) => path.split(sep).join('/');

const functionLike = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
]);

/**
 * The modules a file names: `{ spec, lazy }` per load, lazy when it sits inside a function (it
 * runs when that function is called, not when the file is imported). Throws on a load whose
 * module is not a string literal.
 */
export function loadsOf(file, text = readFileSync(file, 'utf8')) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.d.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const loads = [];
  const literal = (node, what) => {
    if (node !== undefined && ts.isStringLiteralLike(node)) return node.text;
    const { line } = source.getLineAndCharacterOfPosition(node?.getStart(source) ?? 0);
    throw new Error(`${file}:${line + 1}: ${what} of a module that is not a string literal; the runtime package cannot tell what it loads`);
  };
  const visit = (node, lazy) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) {
      loads.push({ spec: literal(node.moduleSpecifier, 'an import'), lazy });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      loads.push({ spec: literal(node.argument.literal, 'an import type'), lazy });
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const [first] = node.arguments;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) loads.push({ spec: literal(first, 'an import()'), lazy });
      // require('x') (CommonJS, or a const made by createRequire), createRequire(…)('x'), require.resolve('x')
      else if (ts.isIdentifier(callee) && callee.text === 'require') loads.push({ spec: literal(first, 'a require()'), lazy });
      else if (ts.isCallExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'createRequire') loads.push({ spec: literal(first, 'a createRequire()()'), lazy });
      else if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'resolve' && ts.isIdentifier(callee.expression) && callee.expression.text === 'require') loads.push({ spec: literal(first, 'a require.resolve()'), lazy });
    }
    ts.forEachChild(node, (child) => visit(child, lazy || functionLike.has(node.kind)));
  };
  visit(source, false);
  for (const ref of source.typeReferenceDirectives) loads.push({ spec: ref.fileName === 'node' ? 'node:' : ref.fileName, lazy: false });
  return loads;
}

/**
 * The runtime's compiled files (root-relative, sorted): `code` — the .js files reachable from the
 * entry; `types` — their .d.ts files and every .d.ts those reach; `packages` — each package the
 * code loads → `{ lazy, from }` (lazy: only ever inside functions); `typePackages` — packages only
 * the declarations name.
 */
export function runtimeGraph(root, entry = RUNTIME_ENTRY) {
  const walk = (start, isTypes) => {
    const files = new Set();
    const packages = new Map();
    const stack = [resolve(root, start)];
    while (stack.length > 0) {
      const file = stack.pop();
      if (files.has(file)) continue;
      if (!existsSync(file)) throw new Error(`${relative(root, file)} is imported but does not exist: run npm run build`);
      files.add(file);
      for (const { spec, lazy } of loadsOf(file)) {
        if (spec.startsWith('.')) stack.push(resolve(dirname(file), isTypes ? spec.replace(/\.js$/u, '.d.ts') : spec));
        else if (!isBuiltin(spec)) {
          const name = packageName(spec);
          const seen = packages.get(name) ?? { lazy: true, from: [] };
          packages.set(name, { lazy: seen.lazy && lazy, from: [...new Set([...seen.from, posix(relative(root, file))])].sort() });
        }
      }
    }
    return { files: [...files].map((f) => posix(relative(root, f))).sort(), packages };
  };
  const code = walk(entry, false);
  const types = new Set();
  const typePackages = new Map();
  for (const js of code.files) {
    const declarations = walk(js.replace(/\.js$/u, '.d.ts'), true);
    for (const f of declarations.files) types.add(f);
    for (const [name, use] of declarations.packages) if (!code.packages.has(name)) typePackages.set(name, use);
  }
  return { code: code.files, types: [...types].sort(), packages: code.packages, typePackages };
}

/** The runtime package's package.json, or the problems that stop it. */
export function runtimeManifest(root, graph = runtimeGraph(root)) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const problems = [];
  const pinned = { ...pkg.optionalDependencies, ...pkg.dependencies };
  const dependencies = {};
  for (const [name, { lazy, from }] of [...graph.packages].sort(([a], [b]) => a.localeCompare(b))) {
    if (BUILD_TIME_PACKAGES.includes(name)) {
      if (!(lazy && LAZY_BUILD_TIME_PACKAGES.includes(name))) problems.push(`${from.join(', ')} load${from.length > 1 ? '' : 's'} the build-time package ${name}${lazy ? '' : ' when imported'}`);
    } else if (pinned[name] === undefined) problems.push(`${from.join(', ')} load${from.length > 1 ? '' : 's'} ${name}, which is not in package.json's dependencies`);
    else dependencies[name] = pinned[name];
  }
  for (const [name, { from }] of graph.typePackages) problems.push(`${from.join(', ')} name${from.length > 1 ? '' : 's'} the types of ${name}, a package the runtime does not load`);
  const manifest = {
    name: pkg.name,
    version: pkg.version,
    description: `kb/runtime alone: loads and searches a kb index (see kb's README, "In your bot"). Indexes are built with the full kb package.`,
    type: pkg.type,
    license: pkg.license,
    ...(pkg.private === undefined ? {} : { private: pkg.private }),
    engines: pkg.engines,
    // moduleResolution node10 does not read "exports"
    typesVersions: { '*': { runtime: ['dist/runtime/index.d.ts'] } },
    exports: {
      './runtime': { types: './dist/runtime/index.d.ts', default: './dist/runtime/index.js' },
      './package.json': './package.json',
    },
    files: ['dist'],
    dependencies,
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: manifest };
}

/**
 * Writes `<destination>/kb-runtime-<version>.tgz`; returns its path, size in bytes, the files in it
 * and its dependencies. Throws with every problem when the graph loads what it must not.
 */
export function packRuntime({ root, destination = root }) {
  const graph = runtimeGraph(root);
  const manifest = runtimeManifest(root, graph);
  if (!manifest.ok) throw new Error(`kb/runtime cannot be packed alone:\n  ${manifest.problems.join('\n  ')}`);
  const work = mkdtempSync(join(tmpdir(), 'kb-runtime-pack-'));
  try {
    const folder = join(work, 'package');
    const files = [...graph.code, ...graph.types].sort();
    for (const file of files) {
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      // the source maps stay behind (they point at src/, which no package ships); so does their comment
      if (file.endsWith('.js')) writeFileSync(join(folder, file), readFileSync(join(root, file), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/u, '\n'));
      else copyFileSync(join(root, file), join(folder, file));
    }
    writeFileSync(join(folder, 'package.json'), `${JSON.stringify(manifest.value, null, 2)}\n`);
    // no npm_* settings of a calling `npm run` (pack-destination, dry-run …): this folder is packed as it is
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/iu.test(k)));
    const packed = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: folder, encoding: 'utf8', env }).trim().split('\n').pop();
    mkdirSync(destination, { recursive: true });
    const tarball = join(resolve(destination), `${manifest.value.name}-runtime-${manifest.value.version}.tgz`);
    renameSync(join(work, packed), tarball);
    return { tarball, bytes: statSync(tarball).size, files: ['package.json', ...files], dependencies: manifest.value.dependencies };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const at = process.argv.indexOf('--pack-destination');
  const destination = at > 0 ? process.argv[at + 1] : root;
  if (destination === undefined) {
    console.error('pack-runtime: --pack-destination needs a folder');
    process.exit(2);
  }
  if (!existsSync(join(root, RUNTIME_ENTRY))) {
    console.error('pack-runtime: no dist/: run npm run build first (npm run pack:runtime does)');
    process.exit(1);
  }
  try {
    const { tarball, bytes, files, dependencies } = packRuntime({ root, destination });
    console.log(`pack-runtime: wrote ${tarball} (${(bytes / 1e3).toFixed(1)} kB; ${files.length} files; dependencies: ${Object.entries(dependencies).map(([n, v]) => `${n}@${v}`).join(', ')})`);
  } catch (error) {
    console.error(`pack-runtime: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
