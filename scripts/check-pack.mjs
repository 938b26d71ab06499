#!/usr/bin/env node
// What a bot developer gets from `npm install kb`: packs this checkout (`npm pack`), installs the
// tarball into a fresh temporary project as a user would (no --yes, so nodejieba's install script
// may fail and the optional dependency be left out, as in a slim container), then
//   1. loads an index built here through `kb/runtime` (ESM import and CommonJS require) and searches it;
//   2. type-checks a bot's TypeScript against kb/runtime with moduleResolution nodenext, node10 and bundler;
//   3. runs the installed `kb build` on a small document: it builds when nodejieba installed, and
//      otherwise must fail with the one-line MissingSegmenterError message, not a stack trace.
// Usage: npm run build && node scripts/check-pack.mjs [--keep]   (needs the npm registry or its cache)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const work = mkdtempSync(join(tmpdir(), 'kb-pack-'));
const fail = (message) => {
  console.error(`check-pack: ${message} (work folder ${work})`);
  process.exit(1);
};
// npm's settings of the project running this (npm test passes this repository's .npmrc, yes=true, as
// npm_config_* variables) are not a bot developer's
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/iu.test(k)));
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1' } });
  return { code: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}` };
};

if (!existsSync(join(root, 'dist/runtime/index.js'))) fail('no dist/: run npm run build first');
const started = performance.now();
// the index a bot loads, built by this checkout
const index = join(work, 'sample.index');
const built = run(process.execPath, [join(root, 'bin/kb.js'), 'build', join(root, 'fixtures/sample'), '--out', index], root);
if (built.code !== 0) fail(`kb build of the sample failed:\n${built.out}`);

// --ignore-scripts: no `prepare` (it would recompile dist/ under tests that read it); dist/ is as built
const tarball = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', env }).trim().split('\n').pop();
const project = join(work, 'bot');
mkdirSync(project);
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'bot', version: '1.0.0', private: true, type: 'module' }, null, 2));
// --yes=false: npm asks before npx downloads nodejieba's build tool, as on a machine without this repository's .npmrc
const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--yes=false', join(work, tarball)], project);
if (install.code !== 0) fail(`npm install of the packed kb failed:\n${install.out.slice(-2000)}`);
const segmenter = existsSync(join(project, 'node_modules/nodejieba/package.json'));
const packages = readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.')).length;

writeFileSync(join(project, 'bot.mjs'), `import { loadIndex } from 'kb/runtime';\nconst kb = await loadIndex(${JSON.stringify(index)});\nconst [best] = kb.search('退货运费谁出', { k: 1 });\nconsole.log(JSON.stringify({ id: best?.id, confidence: best?.confidence }));\n`);
writeFileSync(join(project, 'bot.cjs'), `const { loadIndex } = require('kb/runtime');\nloadIndex(${JSON.stringify(index)}).then((kb) => console.log(JSON.stringify({ size: kb.size })));\n`);
const esm = run(process.execPath, ['bot.mjs'], project);
const cjs = run(process.execPath, ['bot.cjs'], project);
if (esm.code !== 0 || !/"confidence":0\.\d+/u.test(esm.out)) fail(`kb/runtime (import) did not search the index:\n${esm.out}`);
if (cjs.code !== 0 || !/"size":\d+/u.test(cjs.out)) fail(`kb/runtime (require) did not load the index:\n${cjs.out}`);

// TypeScript finds kb/runtime's types whatever the bot's moduleResolution: nodenext and bundler by
// "exports", node10 (a common CommonJS setup) by "typesVersions"
writeFileSync(join(project, 'bot.ts'), `import { loadIndex, IndexLoadError, type Hit } from 'kb/runtime';\nexport async function answer(q: string): Promise<Hit | undefined> {\n  try {\n    return (await loadIndex('x.index')).search(q, { k: 1, threshold: 0.5 })[0];\n  } catch (e) {\n    if (e instanceof IndexLoadError) return undefined;\n    throw e;\n  }\n}\n`);
const tsc = join(root, 'node_modules/typescript/bin/tsc');
for (const [module, resolution] of [['nodenext', 'nodenext'], ['commonjs', 'node10'], ['esnext', 'bundler']]) {
  const typed = run(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--lib', 'es2022', '--types', 'node', '--typeRoots', join(root, 'node_modules/@types'), '--module', module, '--moduleResolution', resolution, 'bot.ts'], project);
  if (typed.code !== 0) fail(`tsc (moduleResolution ${resolution}) does not find kb/runtime's types:\n${typed.out}`);
}

mkdirSync(join(project, 'docs'));
writeFileSync(join(project, 'docs/returns.md'), '# 退货\n\n## 运费\n\n退货运费由买家承担。\n');
const cli = run(process.execPath, [join(project, 'node_modules/kb/bin/kb.js'), 'build', 'docs', '--out', 'x.index'], project);
if (segmenter) {
  if (cli.code !== 0) fail(`the installed kb build failed although nodejieba installed:\n${cli.out}`);
} else {
  const lines = cli.out.trim().split('\n');
  if (cli.code !== 1 || lines.length !== 1 || !lines[0].includes('needs nodejieba')) fail(`without nodejieba, kb build must say so in one line and exit 1; it exited ${cli.code}:\n${cli.out}`);
}
console.log(
  `check-pack: ${tarball} installs into a fresh project (${packages} packages in node_modules, nodejieba ${segmenter ? 'built' : 'left out'}); kb/runtime loads and searches by import and require, and its types are found by tsc (nodenext, node10, bundler); the installed kb build ${segmenter ? 'builds' : 'says in one line what to install'} — ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
if (!keep) rmSync(work, { recursive: true, force: true });
