#!/usr/bin/env node
// Development harness: build each dev set of ../shared/eval in memory and report hit@1 / hit@5 / MRR.
// Usage: node scripts/dev-eval.mjs [bq|bq-bare|laws|doc2dial ...] [--model '{"answerWeight":0.5}'] [--analyzer '{...}']
//        [--generate '{"similar":5,"gate":true,"disabledRules":["condition"]}']
// Every set goes through the same generation path as `kb build` (src/generate): FAQ tables are
// ingested and get similar questions, documents get generated questions. `bq-bare` is run with
// similar 0 and 5 to show what generated paraphrases add.
// Needs `npm run build`. The eval data is never copied into the repository.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalDirOf } from './eval-dir.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = evalDirOf(root);
if (!existsSync(evalDir)) {
  console.error(`dev-eval: ${evalDir} not found; the development sets are not on this machine`);
  process.exit(2);
}
const { buildFromEntries, entriesFromDocuments } = await import(join(root, 'dist/build/index.js'));
const { ingestPaths } = await import(join(root, 'dist/ingest/index.js'));
const { indexFromBytes } = await import(join(root, 'dist/runtime/index.js'));
const { readSuite } = await import(join(root, 'dist/eval/suite.js'));
const { evaluate } = await import(join(root, 'dist/eval/run.js'));

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? JSON.parse(args[i + 1]) : undefined;
};
const model = flag('--model');
const analyzer = flag('--analyzer');
const generate = flag('--generate') ?? {};
const generation = (extra = {}) => {
  const o = { ...generate, ...extra };
  if (Array.isArray(o.disabledRules)) o.disabledRules = new Set(o.disabledRules);
  return o;
};
const names = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]?.startsWith('--')));

let lastStats;
async function generated(files, extra) {
  const run = await ingestPaths(files);
  const t = performance.now();
  const { entries, stats } = entriesFromDocuments(run.documents, generation(extra));
  lastStats = { ...stats, milliseconds: performance.now() - t };
  return entries;
}
const faqEntries = (file, extra) => generated([file], extra);
const docEntries = (dir, extra) => generated(readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f)), extra);

const SETS = {
  bq: { entries: () => faqEntries(join(evalDir, 'bq/faq.jsonl')), suite: join(evalDir, 'bq/suite.jsonl') },
  'bq-bare': { entries: () => faqEntries(join(evalDir, 'bq/faq-bare.jsonl'), { similar: 0 }), suite: join(evalDir, 'bq/suite.jsonl') },
  'bq-bare-5': { entries: () => faqEntries(join(evalDir, 'bq/faq-bare.jsonl'), { similar: 5 }), suite: join(evalDir, 'bq/suite.jsonl') },
  laws: { entries: () => docEntries(join(evalDir, 'laws/sources')), suite: join(evalDir, 'laws/suite.jsonl') },
  doc2dial: { entries: () => docEntries(join(evalDir, 'doc2dial/sources')), suite: join(evalDir, 'doc2dial/suite.jsonl') },
};

const expanded = (names.length > 0 ? names : ['bq', 'bq-bare', 'laws', 'doc2dial']).flatMap((n) => (n === 'bq-bare' ? ['bq-bare', 'bq-bare-5'] : [n]));
for (const name of expanded) {
  const set = SETS[name];
  const entries = await set.entries();
  const t0 = performance.now();
  const opts = {};
  if (model) opts.model = model;
  if (analyzer) opts.analyzer = analyzer;
  const built = await buildFromEntries(entries, opts);
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  const t1 = performance.now();
  const kb = indexFromBytes(built.value.bytes);
  const { cases } = await readSuite(set.suite);
  const t2 = performance.now();
  const report = evaluate(kb, cases, 5);
  const t3 = performance.now();
  const m = report.metrics;
  console.log(`${name.padEnd(9)} entries ${String(entries.length).padStart(5)}  hit@1 ${m.hit1.toFixed(3)}  hit@5 ${m.hitK.toFixed(3)}  MRR ${m.mrr.toFixed(3)}   build ${(t1 - t0).toFixed(0)} ms, ${(built.value.bytes.length / 1e6).toFixed(2)} MB, ${built.value.associations} assoc, calib ${built.value.calibration}, query ${((t3 - t2) / cases.length).toFixed(2)} ms`);
  const g = lastStats;
  const rules = Object.entries(g.byRule).map(([r, n]) => `${r} ${n}`).join(', ');
  console.log(`${''.padEnd(9)} generation ${g.sections} sections in ${g.milliseconds.toFixed(0)} ms (${Math.round(g.sections / Math.max(g.milliseconds, 1) * 1000)}/s): ${g.generated} generated (${g.headingOnly} heading-only), ${g.extracted} extracted, ${g.faq} FAQ; similar kept ${g.similarKept}, dropped ${g.similarDropped}${rules ? `; rules: ${rules}` : ''}`);
  if (process.env.KB_DEV_DUMP) {
    for (const c of report.cases.filter((c) => c.rank !== 1).slice(0, Number(process.env.KB_DEV_DUMP))) console.log('  ', c.rank, c.q, JSON.stringify(c.expect), c.top.slice(0, 3).map((t) => t.id).join(' '));
  }
}
