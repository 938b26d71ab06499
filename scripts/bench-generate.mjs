#!/usr/bin/env node
// Generation throughput: sections/s of the generation stage (questions + 5 similar questions per
// entry through the quality gate), ingestion excluded, on the development sets (../shared/eval,
// read in place, never copied) and on the project's own fixtures. Also the rule-based generator
// without the gate, and with no similar questions, side by side.
// Run `npm run build` first (npm run bench:generate does).
import { existsSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalDirOf } from './eval-dir.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { ingestPaths } = await import(join(root, 'dist/ingest/index.js'));
const { generateEntries } = await import(join(root, 'dist/generate/index.js'));
const evalDir = evalDirOf(root);
const hasEval = existsSync(evalDir);
if (!hasEval) console.error(`bench: ${evalDir} not found — measuring on the project's own fixtures only`);

const sets = [
  ['laws (zh, 10 rule books)', hasEval ? [join(evalDir, 'laws', 'sources')] : []],
  ['doc2dial (en, 273 pages)', hasEval ? [join(evalDir, 'doc2dial', 'sources')] : []],
  ['ftzmall (zh HTML)', hasEval ? [join(evalDir, 'ftzmall', 'pages')] : []],
  ['fixtures (sample + generate)', [join(root, 'fixtures/sample'), join(root, 'fixtures/generate')]],
];
const variants = [
  ['similar 5, gate on (default)', { similar: 5 }],
  ['similar 5, gate off', { similar: 5, gate: false }],
  ['similar 0', { similar: 0 }],
];

console.log(`# kb generation benchmark (node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
console.log('| set | sections | ' + variants.map(([n]) => n).join(' | ') + ' |');
console.log('|---|---|' + variants.map(() => '---|').join(''));
for (const [name, inputs] of sets) {
  if (inputs.length === 0 || !inputs.every((i) => existsSync(i) && (readdirSync(i).length > 0))) continue;
  const run = await ingestPaths(inputs);
  const sections = run.documents.reduce((n, d) => n + d.sections.length, 0);
  const cells = [];
  for (const [, options] of variants) {
    generateEntries(run.documents, options); // warm-up
    let rounds = 0;
    const started = performance.now();
    let elapsed = 0;
    let kept = 0;
    do {
      const g = generateEntries(run.documents, options);
      kept = g.stats.similarKept;
      rounds++;
      elapsed = performance.now() - started;
    } while (elapsed < 1500);
    const perSecond = (sections * rounds) / (elapsed / 1000);
    cells.push(`${Math.round(perSecond).toLocaleString('en')} sections/s (${kept} similar kept)`);
  }
  console.log(`| ${name} | ${sections} | ${cells.join(' | ')} |`);
}
