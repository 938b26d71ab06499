// One measurement of scripts/bench-large.mjs in a process of its own, printed as one JSON line.
//   node large-child.mjs try ROOT STORE             kb review's try-it index: build it in the worker, load it
//   node large-child.mjs query ROOT INDEX SUITE N WARM  load, (warm), then N questions: first pass, three more
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [what, root, ...rest] = process.argv.slice(2);
const rssMB = () => Math.round(process.memoryUsage().rss / 1048576);
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);
const pct = (sorted, f) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))];

if (what === 'try') {
  const [store] = rest;
  const { readStore } = await import(join(root, 'dist/store/store.js'));
  const { searcherBuilder } = await import(join(root, 'dist/review/try-index.js'));
  const read = await readStore(store);
  const builder = searcherBuilder({});
  const started = performance.now();
  const searcher = await builder.build(read.value);
  const seconds = (performance.now() - started) / 1000;
  const top = searcher.search('小米手机退货运费谁出', { k: 1 })[0]?.id;
  builder.close();
  console.log(JSON.stringify({ mode: builder.mode, seconds, top, peakMB: peakMB(), rssMB: rssMB() }));
} else if (what === 'query') {
  const [index, suite, n, warm] = rest;
  const questions = readFileSync(suite, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l).q).slice(0, Number(n));
  const { loadIndex } = await import(join(root, 'dist/runtime/index.js'));
  let started = performance.now();
  const kb = await loadIndex(index);
  const loadMs = performance.now() - started;
  const warmMs = warm === '1' && typeof kb.warm === 'function' ? kb.warm() : undefined;
  const pass = () => {
    const times = [];
    for (const q of questions) {
      const t = performance.now();
      kb.search(q, { k: 5 });
      times.push(performance.now() - t);
    }
    return times;
  };
  const first = pass();
  const firstSorted = [...first].sort((a, b) => a - b);
  const passes = [];
  for (let p = 0; p < 3; p++) {
    const s = pass().sort((a, b) => a - b);
    passes.push({ p50: pct(s, 0.5), p99: pct(s, 0.99), max: s.at(-1) });
  }
  console.log(JSON.stringify({
    loadMs, warmMs, firstQueryMs: first[0], first200Ms: first.slice(0, 200).reduce((a, b) => a + b, 0),
    firstPass: { p50: pct(firstSorted, 0.5), p99: pct(firstSorted, 0.99), max: firstSorted.at(-1) },
    passes, rssMB: rssMB(), peakMB: peakMB(), heapMB: Math.round(process.memoryUsage().heapUsed / 1048576),
  }));
}
