// The data sets of the benchmark: synthetic KBs (synth.mjs) and, when ../shared/eval exists, the
// development sets, loaded as scripts/dev-eval.mjs does (bq FAQ table + suite; laws and
// doc2dial sources ingested, one entry per section). The eval data is read in place, never
// copied into the repository (the benchmark's working files live in a temporary directory).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { makeSynthetic } from './synth.mjs';

export function synthetic(size, queries) {
  const data = makeSynthetic(size, { queries, warmup: Math.min(200, queries) });
  return {
    name: `synthetic ${size >= 1000 ? `${size / 1000}k` : size}`,
    kind: 'synthetic',
    size,
    entries: data.entries,
    warmup: data.warmup.map((c) => c.q),
    queries: data.queries.map((c) => c.q),
    // expectations in the suite format (an entry id)
    expect: data.queries.map((c) => [{ kind: 'id', id: c.expect }]),
  };
}

function faqEntries(file) {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => {
    const r = JSON.parse(l);
    return { id: r.id, question: r.question, similar: r.similar ?? [], answer: r.answer, origin: 'faq', status: 'approved' };
  });
}

export async function devSets(root, evalDir) {
  if (!existsSync(evalDir)) return [];
  const { entriesFromDocuments } = await import(join(root, 'dist/build/index.js'));
  const { ingestPaths } = await import(join(root, 'dist/ingest/index.js'));
  const { readSuite } = await import(join(root, 'dist/eval/suite.js'));
  const docEntries = async (dir) => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
    const run = await ingestPaths(files);
    return entriesFromDocuments(run.documents).entries;
  };
  const sets = [
    ['bq', () => faqEntries(join(evalDir, 'bq/faq.jsonl')), join(evalDir, 'bq/suite.jsonl')],
    ['laws', () => docEntries(join(evalDir, 'laws/sources')), join(evalDir, 'laws/suite.jsonl')],
    ['doc2dial', () => docEntries(join(evalDir, 'doc2dial/sources')), join(evalDir, 'doc2dial/suite.jsonl')],
  ];
  const out = [];
  for (const [name, load, suite] of sets) {
    if (!existsSync(suite)) continue;
    const entries = await load();
    const { cases } = await readSuite(suite);
    const inScope = cases.filter((c) => c.expect.length > 0);
    out.push({
      name,
      kind: 'dev',
      size: entries.length,
      entries,
      // the suites are small: the warm-up pass is 200 of the same questions (a suite of 29 is
      // cycled), as long as the synthetic sets' warm-up, so every system is timed warm
      warmup: Array.from({ length: inScope.length > 0 ? 200 : 0 }, (_, i) => inScope[i % inScope.length]?.q ?? ''),
      queries: inScope.map((c) => c.q),
      expect: inScope.map((c) => c.expect),
    });
  }
  return out;
}
