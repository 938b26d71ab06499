#!/usr/bin/env node
// What a bot developer gets from `npm install kb`: packs this checkout twice — the full package
// (`npm pack`) and the runtime package (scripts/pack-runtime.mjs: kb/runtime alone) — and installs
// each into a fresh temporary project as a user would (no --yes, so nodejieba's install script
// may fail and the optional dependency be left out, as in a slim container), both at once, then in
// each project
//   1. loads an index built here through `kb/runtime` (ESM import and CommonJS require), searches it
//      and asks it over HTTP through startSearchServer (what `kb serve` runs);
//   2. type-checks a bot's TypeScript against kb/runtime with moduleResolution nodenext, node10 and bundler;
// and then
//   3. full package: runs the installed `kb build` on a small document: it builds when nodejieba
//      installed, and otherwise must fail with the one-line MissingSegmenterError message, not a stack trace;
//   4. runtime package: no build-time package is installed, and no `kb` command.
// It prints both installs' node_modules sizes: their files' bytes summed (`du -sb` adds the folders' own sizes).
// Usage: npm run build && node scripts/check-pack.mjs [--keep]   (needs the npm registry or its cache)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_TIME_PACKAGES, packRuntime } from './pack-runtime.mjs';

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
/** Runs a command to its end: { code, out } (stdout and stderr). Commands run side by side. */
const run = (cmd, args, cwd) =>
  new Promise((done) => {
    const child = spawn(cmd, args, { cwd, env: { ...env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('error', (error) => done({ code: null, out: `${out}${error.message}` }));
    child.on('close', (code) => done({ code, out }));
  });
/** Bytes in a folder's files, symbolic links not followed. */
const bytesIn = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, d) => {
    const path = join(dir, d.name);
    return sum + (d.isDirectory() ? bytesIn(path) : lstatSync(path).size);
  }, 0);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const kB = (bytes) => `${(bytes / 1e3).toFixed(0)} kB`;

if (!existsSync(join(root, 'dist/runtime/index.js'))) fail('no dist/: run npm run build first');
const started = performance.now();
// the index a bot loads, built by this checkout (while the tarballs are packed and installed)
const index = join(work, 'sample.index');
const built = run(process.execPath, [join(root, 'bin/kb.js'), 'build', join(root, 'fixtures/sample'), '--out', index], root);

// --ignore-scripts: no `prepare` (it would recompile dist/ under tests that read it); dist/ is as built
const tarball = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: root, encoding: 'utf8', env }).trim().split('\n').pop();
let runtime;
try {
  runtime = packRuntime({ root, destination: work });
} catch (error) {
  await built;
  fail(`pack-runtime: ${error.message}`);
}
const runtimeTarball = basename(runtime.tarball);
const projects = { full: join(work, 'bot'), runtime: join(work, 'bot-runtime') };
for (const project of Object.values(projects)) {
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'bot', version: '1.0.0', private: true, type: 'module' }, null, 2));
}
const bot = {
  mjs: `import { loadIndex, startSearchServer } from 'kb/runtime';
const kb = await loadIndex(${JSON.stringify(index)});
const [best] = kb.search('退货运费谁出', { k: 1 });
const server = await startSearchServer({ index: ${JSON.stringify(index)}, port: 0, k: 1, threshold: 0, watchMs: 0 });
const served = await (await fetch(server.url + '/search?q=' + encodeURIComponent('退货运费谁出'))).json();
await server.close();
console.log(JSON.stringify({ id: best?.id, confidence: best?.confidence, served: served.hits?.[0]?.id }));
`,
  cjs: `const { loadIndex } = require('kb/runtime');\nconst { version } = require('kb/package.json');\nloadIndex(${JSON.stringify(index)}).then((kb) => console.log(JSON.stringify({ size: kb.size, version })));\n`,
  ts: `import { loadIndex, IndexLoadError, type Hit } from 'kb/runtime';\nexport async function answer(q: string): Promise<Hit | undefined> {\n  try {\n    return (await loadIndex('x.index')).search(q, { k: 1, threshold: 0.5 })[0];\n  } catch (e) {\n    if (e instanceof IndexLoadError) return undefined;\n    throw e;\n  }\n}\n`,
};
const tsc = join(root, 'node_modules/typescript/bin/tsc');
/** Installs a tarball into a project, loads the index by import and require there and runs `more`'s checks: the problems found. */
const installAndRun = async (kind, project, tgz, more = async () => []) => {
  // --yes=false: npm asks before npx downloads nodejieba's build tool, as on a machine without this repository's .npmrc
  const install = await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--yes=false', tgz], project);
  if (install.code !== 0) return [`${kind} package: npm install failed:\n${install.out.slice(-2000)}`];
  for (const [ext, code] of Object.entries(bot)) writeFileSync(join(project, `bot.${ext}`), code);
  const also = more();
  if ((await built).code !== 0) {
    await also;
    return []; // reported below
  }
  const [esm, cjs] = await Promise.all([run(process.execPath, ['bot.mjs'], project), run(process.execPath, ['bot.cjs'], project)]);
  const problems = [...(await also)];
  const found = /"id":"([^"]+)","confidence":0\.\d+,"served":"([^"]+)"/u.exec(esm.out);
  if (esm.code !== 0 || found === null || found[1] !== found[2]) problems.push(`kb/runtime (import) did not search the index, or startSearchServer did not serve it:\n${esm.out}`);
  if (cjs.code !== 0 || !/"size":\d+,"version":"[^"]+"/u.test(cjs.out)) problems.push(`kb/runtime (require) did not load the index, or kb/package.json is not exported:\n${cjs.out}`);
  return problems.map((p) => `${kind} package: ${p}`);
};

/** The installed `kb build` builds with nodejieba, and without it says so in one line. */
let segmenter = false;
const checkCli = async () => {
  const project = projects.full;
  mkdirSync(join(project, 'docs'));
  writeFileSync(join(project, 'docs/returns.md'), '# 退货\n\n## 运费\n\n退货运费由买家承担。\n');
  const cli = await run(process.execPath, [join(project, 'node_modules/kb/bin/kb.js'), 'build', 'docs', '--out', 'x.index'], project);
  segmenter = existsSync(join(project, 'node_modules/nodejieba/package.json'));
  if (segmenter) return cli.code === 0 ? [] : [`the installed kb build failed although nodejieba installed:\n${cli.out}`];
  const lines = cli.out.trim().split('\n');
  return cli.code === 1 && lines.length === 1 && lines[0].includes('needs nodejieba') ? [] : [`without nodejieba, kb build must say so in one line and exit 1; it exited ${cli.code}:\n${cli.out}`];
};

// the runtime package is checked while the full package still installs
const [indexBuilt, ...installed] = await Promise.all([
  built,
  installAndRun('full', projects.full, join(work, tarball), checkCli),
  installAndRun('runtime', projects.runtime, runtime.tarball),
]);
if (indexBuilt.code !== 0) fail(`kb build of the sample failed:\n${indexBuilt.out}`);
const problems = installed.flat();
if (problems.length > 0) fail(problems.join('\n'));
// TypeScript finds kb/runtime's types whatever the bot's moduleResolution: nodenext and bundler by
// "exports", node10 (a common CommonJS setup) by "typesVersions". One tsc a resolution checks both
// projects' bot.ts (each finds its own node_modules/kb): half the time of one a project
const resolutions = [['nodenext', 'nodenext'], ['commonjs', 'node10'], ['esnext', 'bundler']];
const typed = await Promise.all(
  resolutions.map(([module, resolution]) =>
    run(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--lib', 'es2022', '--types', 'node', '--typeRoots', join(root, 'node_modules/@types'), '--module', module, '--moduleResolution', resolution, 'bot/bot.ts', 'bot-runtime/bot.ts'], work),
  ),
);
typed.forEach((t, i) => {
  if (t.code !== 0) fail(`tsc (moduleResolution ${resolutions[i][1]}) does not find kb/runtime's types (bot/: the full package, bot-runtime/: the runtime package):\n${t.out}`);
});
const runtimeModules = join(projects.runtime, 'node_modules');
const buildTime = BUILD_TIME_PACKAGES.filter((name) => existsSync(join(runtimeModules, name)));
if (buildTime.length > 0) fail(`the runtime package installed build-time packages: ${buildTime.join(', ')}`);
if (existsSync(join(runtimeModules, 'kb/bin')) || existsSync(join(runtimeModules, '.bin/kb'))) fail('the runtime package installed the kb command');

const packages = (modules) => readdirSync(modules).filter((d) => !d.startsWith('.')).length;
const fullModules = join(projects.full, 'node_modules');
console.log(
  `check-pack: ${tarball} installs into a fresh project (${packages(fullModules)} packages in node_modules, ${mb(bytesIn(fullModules))}, nodejieba ${segmenter ? 'built' : 'left out'}); kb/runtime loads and searches by import and require, and its types are found by tsc (nodenext, node10, bundler); the installed kb build ${segmenter ? 'builds' : 'says in one line what to install'}; ${runtimeTarball} (${kB(runtime.bytes)}; full ${kB(statSync(join(work, tarball)).size)}) installs into another (${packages(runtimeModules)} packages, ${mb(bytesIn(runtimeModules))}) and passes the same kb/runtime checks, without a build-time package or the kb command — ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
if (!keep) rmSync(work, { recursive: true, force: true });
