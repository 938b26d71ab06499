#!/usr/bin/env node
// Evaluation speed: `kb eval` on 10,000 cases (budget: under 5 s on a 2-core machine), and
// `kb gaps` on a 100,000-line log (time and peak memory: the log is streamed).
// Uses ../shared/eval/bq when present (read in place, never copied into the repository: the
// cases and the log are written to a temporary folder); otherwise the project's sample KB.
// Needs `npm run build`.
//   npm run bench:eval
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalDirOf } from './eval-dir.mjs';
import { kbRunner } from './bench/run-kb.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist/cli/cli.js'))) {
  console.error('bench:eval: run `npm run build` first');
  process.exit(1);
}
const { build } = await import(join(root, 'dist/build/index.js'));
const evalDir = evalDirOf(root);
const hasBq = existsSync(join(evalDir, 'bq', 'faq.jsonl'));
const dir = mkdtempSync(join(tmpdir(), 'kb-bench-eval-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const readJsonl = (file) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
let sources;
let baseCases;
let label;
if (hasBq) {
  label = 'bq (937 entries; its 1,415 questions repeated, plus laws/doc2dial questions as out-of-scope cases)';
  sources = [join(evalDir, 'bq', 'faq.jsonl')];
  baseCases = readJsonl(join(evalDir, 'bq', 'suite.jsonl'));
  for (const other of ['laws', 'doc2dial']) {
    const f = join(evalDir, other, 'suite.jsonl');
    if (existsSync(f)) baseCases.push(...readJsonl(f).map((c) => ({ q: c.q, expect: null, tags: ['out-of-scope'] })));
  }
} else {
  console.error(`bench:eval: ${evalDir}/bq not found — measuring on the project's sample KB (fixtures/sample) instead`);
  label = 'fixtures/sample (16 entries; its 37 questions repeated)';
  sources = [join(root, 'fixtures/sample')];
  baseCases = readJsonl(join(root, 'fixtures/suites/sample.jsonl'));
}
const index = join(dir, 'kb.index');
const built = await build({ sources, out: index, similar: 0 });
if (!built.ok) {
  console.error('bench:eval: the index does not build');
  process.exit(1);
}

const N = 10_000;
const suite = join(dir, 'suite.jsonl');
const cases = Array.from({ length: N }, (_, i) => baseCases[i % baseCases.length]);
writeFileSync(suite, `${cases.map((c) => JSON.stringify(c)).join('\n')}\n`);

/** Run the CLI; returns wall seconds and the child's peak RSS in MB. */
const kb = kbRunner(root, dir);


console.log(`kb eval / kb gaps speed — ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), Node ${process.version}`);
console.log(`data: ${label}`);
const rows = [];
const plain = kb(['eval', suite, '--index', index, '--json']);
const json = JSON.parse(plain.stdout);
rows.push(['kb eval, 10,000 cases, --json', plain]);
const full = kb(['eval', suite, '--index', index, '--threshold', 'auto', '--json', '--junit', 'r.xml', '--markdown', 'r.md', '--html', 'r.html']);
rows.push(['kb eval, 10,000 cases, --threshold auto + JUnit + Markdown + HTML', full]);

// a 100,000-line log: the questions repeated, every seventh with a number so that a fifth are new texts
const log = join(dir, 'log.txt');
const L = 100_000;
const lines = Array.from({ length: L }, (_, i) => {
  const q = baseCases[i % baseCases.length].q;
  return i % 7 === 0 ? `${q} ${i}` : q;
});
writeFileSync(log, `${lines.join('\n')}\n`);
const gaps = kb(['gaps', log, '--index', index, '--json']);
rows.push(['kb gaps, 100,000-line log', gaps]);

for (const [name, r] of rows) console.log(`${name.padEnd(70)} ${r.seconds.toFixed(2).padStart(6)} s  peak RSS ${r.rss.toFixed(0).padStart(4)} MB  exit ${r.status}`);
console.log(`search latency inside kb eval: p50 ${json.metrics.latencyMs.p50} ms, p95 ${json.metrics.latencyMs.p95} ms; hit@1 ${json.metrics.hit1}`);
const ok = full.seconds < 5 && plain.seconds < 5;
console.log(`budget: 10,000 cases in under 5 s — ${ok ? 'met' : 'NOT met'}`);
process.exitCode = ok ? 0 : 1;
