#!/usr/bin/env node
// Passage quality on the project's own pairs (fixtures/passage/pairs.jsonl, and
// fixtures/passage/asks-pairs.jsonl over fixtures/passage/asks, or the index its "kb" names:
// questions that ask how long, how much, who, whether): for each question,
// does the top hit's passage (or its whole answer, when the answer is short enough to have none)
// hold the sentence the question asks about, and how long is what a bot would send? Builds
// fixtures/passage/shop and fixtures/sample in a temporary folder. Needs `npm run build`.
//   node scripts/check-passages.mjs [--chars 200] [--show]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { build } = await import(join(root, 'dist/build/index.js'));
const { loadIndex } = await import(join(root, 'dist/runtime/index.js'));
const args = process.argv.slice(2);
const charsArg = args.indexOf('--chars');
const budgets = charsArg >= 0 ? [Number(args[charsArg + 1])] : [200, 100];
const show = args.includes('--show');
const dir = mkdtempSync(join(tmpdir(), 'kb-passages-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

const kbs = {};
for (const [name, source] of [['shop', 'fixtures/passage/shop'], ['sample', 'fixtures/sample'], ['asks', 'fixtures/passage/asks'], ['shop-en', 'fixtures/customer-queries/shop-en']]) {
  const out = join(dir, `${name}.index`);
  const built = await build({ sources: [join(root, source)], out });
  if (!built.ok) throw new Error(`${source} does not build`);
  kbs[name] = await loadIndex(out);
}
const read = (file, kb) => readFileSync(join(root, file), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => ({ kb, ...JSON.parse(l) }));
for (const [label, pairs] of [['pairs.jsonl', read('fixtures/passage/pairs.jsonl')], ['asks-pairs.jsonl', read('fixtures/passage/asks-pairs.jsonl', 'asks')]]) {
  for (const chars of budgets) {
    let rightEntry = 0;
    let held = 0;
    let withPassage = 0;
    let sentChars = 0;
    let passageChars = 0;
    for (const pair of pairs) {
      const [hit] = kbs[pair.kb].search(pair.q, { k: 1, passageChars: chars });
      if (hit === undefined || !hit.answer.includes(pair.expect)) {
        if (show) console.log(`✗ entry  ${pair.q} → ${hit?.question ?? 'no hit'}`);
        continue;
      }
      rightEntry++;
      const sent = hit.passage ?? hit.answer;
      sentChars += sent.length;
      if (hit.passage !== undefined) {
        withPassage++;
        passageChars += hit.passage.length;
      }
      const ok = sent.includes(pair.expect);
      if (ok) held++;
      if (show && (!ok || hit.passage !== undefined)) console.log(`${ok ? '✓' : '✗'} ${String(sent.length).padStart(3)}  ${pair.q}\n       ${sent.replace(/\n/g, ' ⏎ ')}`);
    }
    console.log(`${label} passageChars ${chars}: ${pairs.length} pairs, top hit holds the sentence in ${rightEntry}; of those the text sent holds it in ${held} (${(held / Math.max(rightEntry, 1)).toFixed(3)}); ${withPassage} sent a passage, mean ${(passageChars / Math.max(withPassage, 1)).toFixed(0)} chars; mean sent ${(sentChars / Math.max(rightEntry, 1)).toFixed(0)} chars`);
  }
}
