#!/usr/bin/env node
// A large team's knowledge base, end to end: the 54,000-row FAQ export + 320 policy documents of
// scripts/bench/large-faq.mjs (59,768 entries) through kb generate, kb build, kb export, kb import,
// kb review's try-it index, and a bot loading the index and asking 2,000 questions of the
// workload's regression suite. Per step: wall time and peak RSS (process.resourceUsage().maxRSS
// of the kb process, worker threads included); for the bot: load, the first question, the first
// pass over the questions (what a freshly started bot sees) with and without kb.warm(), and three
// more passes (p50 / p99 / max).
//   npm run bench:large                         this checkout (run `npm run build` first)
//   npm run bench:large -- --against DIR        and another kb checkout (built), step by step in
//                                               alternation, before → after side by side
//   --repeat N   measure each step N times (default 1); --dir DIR  the workload (default: a temp
//   folder, made once, 75 MB); --questions N (default 2000);
//   --results FILE  only render a run saved before (out/results.json of the workload folder);
//   --write      put the tables into docs/benchmarks.md between <!-- bench:large --> and <!-- /bench:large -->
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log("usage: npm run bench:large [-- --against DIR] [--repeat N] [--dir DIR] [--questions N] [--write] (see the top of scripts/bench-large.mjs)");
  process.exit(0);
}
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
let repeat = Number(value('--repeat', '1'));
const questions = Number(value('--questions', '2000'));
const against = value('--against');
const dir = resolve(value('--dir', join(tmpdir(), 'kb-bench-large')));
const log = (line) => process.stderr.write(`${line}\n`);

const sides = [{ name: 'this', root }];
if (against !== undefined) sides.unshift({ name: 'before', root: resolve(against) });
for (const side of sides) {
  if (!existsSync(join(side.root, 'dist/build/index.js'))) {
    console.error(`bench:large: ${side.root} has no dist/; run npm run build there first`);
    process.exit(2);
  }
}
const commitOf = (r) => {
  try {
    return execFileSync('git', ['-C', r, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};

if (!existsSync(join(dir, 'sources', 'faq-main.xlsx'))) {
  log(`making the workload in ${dir} (scripts/bench/large-faq.mjs)`);
  mkdirSync(dir, { recursive: true });
  execFileSync(process.execPath, [join(root, 'scripts/bench/large-faq.mjs'), dir], { stdio: ['ignore', 'ignore', 'inherit'] });
}
const out = join(dir, 'out');
mkdirSync(out, { recursive: true });
const rssFile = join(mkdtempSync(join(tmpdir(), 'kb-bench-rss-')), 'rss');

/** Run kb (of `side`) in the workload folder: seconds and peak RSS in MB. */
function kb(side, kbArgs) {
  rmSync(rssFile, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['-r', join(root, 'scripts/bench/maxrss.cjs'), join(side.root, 'bin/kb.js'), ...kbArgs], {
    cwd: dir,
    env: { ...process.env, KB_BENCH_RSS_FILE: rssFile, CI: '1' },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) log(`kb ${kbArgs.join(' ')} (${side.name}) exited ${run.status}: ${run.stderr.split('\n').slice(-3).join(' | ')}`);
  return { seconds, peakMB: Math.round(Number(readFileSync(rssFile, 'utf8')) / 1024), status: run.status };
}

function child(side, childArgs) {
  const run = spawnSync(process.execPath, [join(root, 'scripts/bench/large-child.mjs'), ...childArgs.slice(0, 1), side.root, ...childArgs.slice(1)], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`large-child ${childArgs.join(' ')} (${side.name}): ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

const storeOf = (side) => join('kb', `qa-${side.name}.jsonl`);
const indexOf = (side) => join(out, `${side.name}.index`);
const sheetOf = (side) => join(out, `${side.name}.xlsx`);
const suite = join(dir, 'tests', 'regression.jsonl');

const steps = [
  ['kb generate', (side) => {
    rmSync(join(dir, storeOf(side)), { force: true });
    return kb(side, ['generate', 'sources', '--store', storeOf(side)]);
  }],
  ['kb build', (side) => kb(side, ['build', '--store', storeOf(side), '--out', indexOf(side)])],
  ['kb export (xlsx)', (side) => kb(side, ['export', sheetOf(side), '--store', storeOf(side)])],
  ['kb import (xlsx, no edits)', (side) => kb(side, ['import', sheetOf(side), '--store', storeOf(side)])],
  ["kb review's try-it index", (side) => child(side, ['try', storeOf(side)])],
  ['bot: load, 2,000 questions', (side) => child(side, ['query', indexOf(side), suite, String(questions), '0'])],
  ['bot: load, kb.warm(), 2,000 questions', (side) => child(side, ['query', indexOf(side), suite, String(questions), '1'])],
];

// --results FILE: render the tables of a run saved before (each run saves its measurements in out/results.json)
const saved = value('--results');
let load;
let minutes;
let results; // step → side → runs
if (saved !== undefined) {
  const data = JSON.parse(readFileSync(saved, 'utf8'));
  ({ load, minutes } = data);
  results = new Map(data.results.map(([step, bySide]) => [step, new Map(bySide)]));
  repeat = Math.max(...[...results.values()].flatMap((bySide) => [...bySide.values()].map((runs) => runs.length)));
} else {
  load = [loadavg()[0]];
  results = new Map();
  const startedAll = Date.now();
  for (let r = 0; r < repeat; r++) {
    for (const [name, run] of steps) {
      // alternate which side goes first, so that neither always runs on a warmer (or busier) machine
      const order = r % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        log(`[${r + 1}/${repeat}] ${name} (${side.name})`);
        const m = run(side);
        const bySide = results.get(name) ?? new Map();
        results.set(name, bySide);
        bySide.set(side.name, [...(bySide.get(side.name) ?? []), m]);
      }
    }
  }
  load.push(loadavg()[0]);
  minutes = ((Date.now() - startedAll) / 60000).toFixed(1);
  writeFileSync(join(out, 'results.json'), JSON.stringify({ load, minutes, results: [...results].map(([step, bySide]) => [step, [...bySide]]) }));
}

const range = (xs, digits = 0) => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo.toFixed(digits) === hi.toFixed(digits) ? lo.toFixed(digits) : `${lo.toFixed(digits)}–${hi.toFixed(digits)}`;
};
const cell = (name, side, pick, digits) => {
  const runs = results.get(name)?.get(side) ?? [];
  const xs = runs.map(pick).filter((x) => typeof x === 'number');
  return xs.length === 0 ? '—' : range(xs, digits);
};
const heads = sides.map((s) => (s.name === 'this' ? `this (${commitOf(s.root)})` : `before (${commitOf(s.root)})`));

const identical = sides.length === 2 && existsSync(indexOf(sides[0])) && existsSync(indexOf(sides[1])) ? readFileSync(indexOf(sides[0])).equals(readFileSync(indexOf(sides[1]))) : undefined;
const storesIdentical = sides.length === 2 ? readFileSync(join(dir, storeOf(sides[0]))).equals(readFileSync(join(dir, storeOf(sides[1])))) : undefined;

let md = `<!-- bench:large -->
## A large knowledge base (npm run bench:large)

Measured by \`npm run bench:large${against !== undefined ? ' -- --against …' : ''}\` (scripts/bench-large.mjs) on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}; load average ${load[0].toFixed(1)} at the start, ${load[1].toFixed(1)} at the end (other work ran on the machine: read ranges, not single figures). ${repeat} run${repeat === 1 ? '' : 's'} of each step${sides.length === 2 ? ', the two checkouts in alternation' : ''}; ${minutes} minutes in all.
Workload (scripts/bench/large-faq.mjs, seeded): a 54,000-row after-sales FAQ export (an xlsx of 30,000 rows and a csv of 24,000, up to 8 similar questions a row, a few empty, HTML, multi-line or 5,200-character answers) and 320 policy documents (Markdown and HTML): 59,768 entries, 303,662 question variants. The bot asks the first ${questions.toLocaleString('en-US')} questions of the workload's regression suite (colloquial rewrites of FAQ questions, one in 25 out of scope), k = 5.
${identical !== undefined ? `\nThe two checkouts' stores are ${storesIdentical ? 'byte-identical' : '**different**'} and their indexes ${identical ? 'byte-identical' : '**different**'}.\n` : ''}
| step | ${heads.map((h) => `${h} s`).join(' | ')} | ${heads.map((h) => `${h} peak RSS MB`).join(' | ')} |
| --- | ${sides.map(() => '---:').join(' | ')} | ${sides.map(() => '---:').join(' | ')} |
`;
for (const [name] of steps.slice(0, 5)) {
  const seconds = sides.map((s) => cell(name, s.name, (m) => m.seconds, 1));
  const peaks = sides.map((s) => cell(name, s.name, (m) => m.peakMB));
  md += `| ${name} | ${seconds.join(' | ')} | ${peaks.join(' | ')} |\n`;
}
md += `
The bot (one process per row; times in ms; "first pass": the ${questions.toLocaleString('en-US')} questions once, right after the load — and after \`kb.warm()\` where it says so; "later passes": three more, the range of each figure over them):

| bot | checkout | load | kb.warm() | first question | first 200 questions | first pass p50 / p99 / max | later passes p50 | later p99 | later max | RSS MB |
| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
`;
for (const [name] of steps.slice(5)) {
  for (const [i, s] of sides.entries()) {
    const runs = results.get(name)?.get(s.name) ?? [];
    if (runs.length === 0) continue;
    const f = (pick, d = 0) => range(runs.map(pick), d);
    const warmed = runs.every((m) => m.warmMs !== undefined);
    if (name.includes('warm') && !warmed) {
      md += `| ${name} | ${heads[i]} | — | (no kb.warm()) | | | | | | | |\n`;
      continue;
    }
    md += `| ${name} | ${heads[i]} | ${f((m) => m.loadMs)} | ${warmed ? f((m) => m.warmMs) : '—'} | ${f((m) => m.firstQueryMs, 1)} | ${f((m) => m.first200Ms)} | ${f((m) => m.firstPass.p50, 2)} / ${f((m) => m.firstPass.p99, 1)} / ${f((m) => m.firstPass.max)} | ${range(runs.flatMap((m) => m.passes.map((p) => p.p50)), 2)} | ${range(runs.flatMap((m) => m.passes.map((p) => p.p99)), 1)} | ${range(runs.flatMap((m) => m.passes.map((p) => p.max)), 0)} | ${f((m) => m.rssMB)} |\n`;
  }
}
md += '<!-- /bench:large -->\n';
console.log(md);
if (args.includes('--write')) {
  const file = join(root, 'docs', 'benchmarks.md');
  const doc = readFileSync(file, 'utf8');
  const start = doc.indexOf('<!-- bench:large -->');
  const end = doc.indexOf('<!-- /bench:large -->');
  const next = start >= 0 && end > start ? doc.slice(0, start) + md + doc.slice(end + '<!-- /bench:large -->\n'.length) : `${doc.trimEnd()}\n\n${md}`;
  writeFileSync(file, next);
  log(`wrote the large knowledge base's section of ${file}`);
}
