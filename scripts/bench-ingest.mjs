#!/usr/bin/env node
// Ingestion throughput: MB/s for plain text and Markdown, pages/s for PDF, files/s for HTML and DOCX,
// and the structure figures the ingest acceptance names (articles per law, FAQ sections, documents).
// Reads ../shared/eval when present (development sets; read in place, never copied into the repo) and
// the project's generated fixtures. Run `npm run build && npm run fixtures` first (npm test does both).
//   npm run bench:ingest            print the tables
//   npm run bench:ingest -- --write also put them into docs/ingest.md, between its
//                                   <!-- bench:ingest --> and <!-- /bench:ingest --> lines
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalDirOf } from './eval-dir.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { ingestFile } = await import(join(root, 'dist/ingest/index.js'));
const evalDir = evalDirOf(root);
const hasEval = existsSync(evalDir);
if (!hasEval) console.error(`bench: ${evalDir} not found — measuring on the project's own fixtures only`);

const list = (dir, ext) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(ext)).sort().map((f) => join(dir, f)) : []);

// a Markdown corpus made from the English plain-text set (short standalone lines → ## headings)
const mdDir = mkdtempSync(join(tmpdir(), 'kb-bench-md-'));
process.on('exit', () => rmSync(mdDir, { recursive: true, force: true }));
function markdownCorpus() {
  const src = hasEval ? list(join(evalDir, 'doc2dial', 'sources'), '.txt') : list(join(root, 'fixtures/ingest/text'), '.txt');
  const dir = mdDir;
  for (const file of src) {
    const md = readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => (l.trim() !== '' && l.length < 80 && !/[.:,;?!]\s*$/.test(l) ? `## ${l.trim()}` : l))
      .join('\n');
    writeFileSync(join(dir, file.split('/').pop().replace(/\.txt$/, '.md')), md);
  }
  return list(dir, '.md');
}

const sets = [
  ['text (zh laws)', hasEval ? list(join(evalDir, 'laws', 'sources'), '.txt') : []],
  ['text (en doc2dial)', hasEval ? list(join(evalDir, 'doc2dial', 'sources'), '.txt') : []],
  ['markdown (en, from doc2dial)', markdownCorpus()],
  ['html (ftzmall)', hasEval ? list(join(evalDir, 'ftzmall', 'pages'), '.html') : []],
  ['pdf (consumer-law.pdf)', hasEval ? [join(evalDir, 'laws', 'consumer-law.pdf')] : []],
  ['pdf (fixtures)', list(join(root, 'fixtures/generated'), '.pdf').filter((f) => /policy|guide/.test(f))],
  ['docx (fixtures)', list(join(root, 'fixtures/generated'), '.docx').filter((f) => /policy|guide/.test(f))],
  ['csv/jsonl (bq faq)', hasEval ? [join(evalDir, 'bq', 'faq.jsonl')] : []],
];

const rows = [];
for (const [name, files] of sets) {
  if (files.length === 0) continue;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  // warm-up (module loading, pdf.js worker, jieba-free), then timed rounds until ≥ 1.5 s
  for (const f of files) await ingestFile(f);
  let rounds = 0;
  let pages = 0;
  let sections = 0;
  const started = process.hrtime.bigint();
  let elapsed = 0;
  do {
    for (const f of files) {
      const r = await ingestFile(f);
      if (r.ok) {
        pages += r.value.pages ?? 0;
        sections += r.value.sections.length;
      }
    }
    rounds++;
    elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  } while (elapsed < 1.5);
  const per = elapsed / rounds;
  rows.push({
    name,
    files: files.length,
    mb: bytes / 1048576,
    secondsPerRound: per,
    mbps: bytes / 1048576 / per,
    filesPerSecond: files.length / per,
    pagesPerSecond: pages > 0 ? pages / rounds / per : undefined,
    sections: sections / rounds,
  });
}

const header = '| set | files | size | time per pass | MB/s | files/s | pages/s | sections |\n|---|---:|---:|---:|---:|---:|---:|---:|';
const lines = rows.map(
  (r) =>
    `| ${r.name} | ${r.files} | ${r.mb.toFixed(2)} MB | ${(r.secondsPerRound * 1000).toFixed(0)} ms | ${r.mbps.toFixed(2)} | ${r.filesPerSecond.toFixed(1)} | ${r.pagesPerSecond === undefined ? '–' : r.pagesPerSecond.toFixed(1)} | ${r.sections} |`,
);
const machine = `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; one process, files read one after another.`;
const table = [header, ...lines].join('\n');
console.log(table);
console.log(`\n${machine}`);

// Structure: what the ingest acceptance measures on the development sets
const ARTICLE = /^第[零〇一二三四五六七八九十百千两\d]+条(?:之[一二三四五六七八九十]+)?$/u;
const CHAPTER = /^第[零〇一二三四五六七八九十百千两\d]+章/u;
const structure = [];
if (hasEval) {
  const base = (f) => f.split(/[\\/]/).pop();
  for (const f of [...list(join(evalDir, 'laws', 'sources'), '.txt'), join(evalDir, 'laws', 'consumer-law.pdf')]) {
    const r = await ingestFile(f);
    if (!r.ok) {
      structure.push(`| ${base(f)} | failed: ${r.problems[0]?.code ?? '?'} | | |`);
      continue;
    }
    const articles = r.value.sections.filter((s) => ARTICLE.test(s.headingPath.at(-1) ?? ''));
    const withChapter = articles.filter((s) => s.headingPath.some((h) => CHAPTER.test(h))).length;
    structure.push(`| ${base(f)} | ${r.value.sections.length} | ${articles.length} | ${withChapter} |`);
  }
  const pages = list(join(evalDir, 'ftzmall', 'pages'), '.html');
  let pageSections = 0;
  let faqSections = 0;
  for (const f of pages) {
    const r = await ingestFile(f);
    if (r.ok) pageSections += r.value.sections.length;
    if (r.ok && base(f) === 'cjwt.html') faqSections = r.value.sections.length;
  }
  structure.push(`| ftzmall/pages (${pages.length} HTML files) | ${pageSections} | – | – |`, `| ftzmall/pages/cjwt.html (the FAQ page) | ${faqSections} | – | – |`);
  const dialogs = list(join(evalDir, 'doc2dial', 'sources'), '.txt');
  let withSections = 0;
  for (const f of dialogs) {
    const r = await ingestFile(f);
    if (r.ok && r.value.sections.length > 0) withSections++;
  }
  structure.push(`| doc2dial/sources: documents with sections | ${withSections} of ${dialogs.length} | – | – |`);
}
const structureTable = structure.length === 0 ? '' : ['| file or set | sections | 第X条 articles | articles with a 第X章 in the path |', '|---|---:|---:|---:|', ...structure].join('\n');
if (structureTable !== '') console.log(`\n${structureTable}`);

if (process.argv.includes('--write')) {
  const docPath = join(root, 'docs', 'ingest.md');
  const start = '<!-- bench:ingest -->';
  const end = '<!-- /bench:ingest -->';
  const doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) {
    console.error(`bench: ${docPath} has no ${start} … ${end} lines to write between; add them where the figures belong`);
    process.exit(1);
  }
  const body =
    `Measured by \`npm run bench:ingest -- --write\` (scripts/bench-ingest.mjs). ${machine}\n` +
    'Each figure is the mean of repeated passes over the whole set after one warm-up pass; times include reading the file, ' +
    'decoding, parsing and sectionizing.\n\n' +
    `${table}\n` +
    (structureTable === '' ? '' : `\nStructure found on the development sets (\`../shared/eval\`, read in place):\n\n${structureTable}\n`);
  writeFileSync(docPath, `${doc.slice(0, from + start.length)}\n${body}${doc.slice(to)}`);
  console.error('bench: wrote the figures into docs/ingest.md');
}
