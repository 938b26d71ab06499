#!/usr/bin/env node
// FAQ extraction check (issue 4): the Q&A pairs kb extracts from ftzmall's FAQ page (cjwt.html)
// against ../shared/eval/ftzmall/faq-gold.jsonl — a gold pair counts when an extracted entry has
// the same question after normalization (questionKey) and its answer contains the gold answer
// (whitespace ignored). Reads the dev set in place (never copied). Needs `npm run build`.
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalDirOf } from './eval-dir.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(evalDirOf(root), 'ftzmall');
if (!existsSync(dir)) {
  console.error(`check-ftzmall: ${dir} not found; the development sets are not on this machine`);
  process.exit(2);
}
const { ingestPaths } = await import(join(root, 'dist/ingest/index.js'));
const { generateEntries, questionKey } = await import(join(root, 'dist/generate/index.js'));
const run = await ingestPaths([join(dir, 'pages', 'cjwt.html')]);
const { entries } = generateEntries(run.documents, { similar: 0 });
const squash = (t) => t.replace(/\s+/gu, '');
const gold = readFileSync(join(dir, 'faq-gold.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
let found = 0;
for (const g of gold) {
  const q = g.question ?? g.q;
  const a = g.answer ?? g.a;
  const hit = entries.find((e) => questionKey(e.question) === questionKey(q) && squash(e.answer).includes(squash(a)));
  if (hit) found++;
  else console.log(`missing: ${q}`);
}
console.log(`ftzmall cjwt.html: ${found} of ${gold.length} gold pairs extracted (${entries.length} entries, ${entries.filter((e) => e.origin === 'extracted').length} extracted)`);
