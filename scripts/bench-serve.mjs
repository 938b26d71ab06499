#!/usr/bin/env node
// `kb serve` against calling the runtime in-process: the same 1,000 questions of the synthetic
// 10k KB (scripts/bench/synth.mjs), asked of kb.search in this process and of a `kb serve`
// child process over HTTP (keep-alive, one request at a time, then 8 at a time), both warmed
// (kb.warm()) and after the same warm-up questions. Reports p50 / p99 latency and requests per second. Needs `npm run build`.
//   npm run bench:serve [-- --size 10000]
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthetic } from './bench/datasets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist/cli/cli.js'))) {
  console.error('bench:serve: run `npm run build` first');
  process.exit(1);
}
const loadAtStart = loadavg()[0];
const sizeArg = process.argv.indexOf('--size');
const size = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : 10_000;
const { buildFromEntries } = await import(join(root, 'dist/build/index.js'));
const { indexFromBytes } = await import(join(root, 'dist/runtime/index.js'));
const dir = mkdtempSync(join(tmpdir(), 'kb-bench-serve-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const set = synthetic(size, 1000);
const built = await buildFromEntries(set.entries, {});
if (!built.ok) throw new Error('build failed');
const file = join(dir, 'kb.index');
writeFileSync(file, built.value.bytes);
const kb = indexFromBytes(built.value.bytes);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => `${x.toFixed(3)} ms`;

kb.warm(); // as kb serve does
for (const q of set.warmup) kb.search(q, { k: 5 });
const local = set.queries.map((q) => {
  const t = performance.now();
  kb.search(q, { k: 5 });
  return performance.now() - t;
});

const child = spawn(process.execPath, [join(root, 'bin/kb.js'), 'serve', '--index', file, '--port', '0', '--no-watch'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CI: 'true' } });
const url = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    if (out.includes('\n')) resolve(out.trim());
  });
  child.on('exit', (code) => reject(new Error(`kb serve exited with ${code}`)));
});
// node:http with a keep-alive agent: fetch (undici) costs about a millisecond a request itself
const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const ask = (q) =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ q, k: 5 });
    const req = request(`${url}/search`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
for (const q of set.warmup) await ask(q);
const sequential = [];
let t0 = performance.now();
for (const q of set.queries) {
  const t = performance.now();
  await ask(q);
  sequential.push(performance.now() - t);
}
const sequentialRps = set.queries.length / ((performance.now() - t0) / 1000);
const concurrent = [];
t0 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (next < set.queries.length) {
      const q = set.queries[next++];
      const t = performance.now();
      await ask(q);
      concurrent.push(performance.now() - t);
    }
  }),
);
const concurrentRps = set.queries.length / ((performance.now() - t0) / 1000);
child.kill('SIGTERM');
agent.destroy();

console.log(`synthetic ${size} entries, ${set.queries.length} questions, k = 5 (${new Date().toISOString().slice(0, 10)}, load average ${loadAtStart.toFixed(2)} at the start)`);
console.log('| | p50 | p99 | requests/s |');
console.log('|---|---:|---:|---:|');
console.log(`| kb.search in-process | ${ms(pct(local, 50))} | ${ms(pct(local, 99))} | ${Math.round(1000 / (local.reduce((a, b) => a + b, 0) / local.length))} |`);
console.log(`| kb serve, HTTP, 1 at a time | ${ms(pct(sequential, 50))} | ${ms(pct(sequential, 99))} | ${Math.round(sequentialRps)} |`);
console.log(`| kb serve, HTTP, 8 at a time | ${ms(pct(concurrent, 50))} | ${ms(pct(concurrent, 99))} | ${Math.round(concurrentRps)} |`);
