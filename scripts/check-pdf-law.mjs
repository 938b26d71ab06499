#!/usr/bin/env node
// Real-data check of the PDF adapter (not a test): reads ../shared/eval/laws/consumer-law.pdf, a real
// 19-page WPS-made PDF of the consumer-protection law, and compares it with the plain-text version
// ../shared/eval/laws/sources/cat0_消费者权益保护法.txt.
//
//   npx tsc -p tsconfig.build.json && node scripts/check-pdf-law.mjs [--print] [pdf] [txt]
//
// Reports: paragraphs whose text is not exactly a paragraph of the text version (a wrong join or split
// shows up here), furniture left over (page numbers, repeated lines), speed in pages/s, and, through
// `ingestFile` + `sectionize` when dist/ingest/ingest.js is built, one section per 第X条 article with
// its character-level similarity to the article in the text version (min/mean; acceptance ≥ 0.95 each).
// The eval files are read in place and never copied. Exit code 1 when a check fails.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { evalDirOf } from './eval-dir.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const print = args.includes('--print');
const [pdfArg, txtArg] = args.filter((a) => !a.startsWith('--'));
const pdfPath = resolve(pdfArg ?? join(evalDirOf(root), 'laws', 'consumer-law.pdf'));
const txtPath = resolve(txtArg ?? join(evalDirOf(root), 'laws', 'sources', 'cat0_消费者权益保护法.txt'));

if (!existsSync(pdfPath) || !existsSync(txtPath)) {
  console.log(`skipped: the eval files are not here (${existsSync(pdfPath) ? txtPath : pdfPath}); this check needs ../shared/eval/laws/`);
  process.exit(0);
}
const adapterPath = join(root, 'dist', 'ingest', 'formats', 'pdf.js');
if (!existsSync(adapterPath)) {
  console.log('dist/ is not built: run `npx tsc -p tsconfig.build.json` first');
  process.exit(2);
}
const { parsePdf } = await import(pathToFileURL(adapterPath).href);

// ---- the text version: paragraphs and articles
const ARTICLE = /^(第[零〇一二三四五六七八九十百千两\d]+条)[\s\u3000]*(.*)$/u;
const CHAPTER = /^第[零〇一二三四五六七八九十百千两\d]+[编章节][\s\u3000]/u;
const squash = (s) => s.normalize('NFKC').replace(/[\s\u3000]+/gu, '');
const txt = readFileSync(txtPath, 'utf8').replace(/^\uFEFF/u, '');
const bodyText = txt.split('==== 正文开始 ====')[1]?.split('==== 正文结束 ====')[0] ?? txt;
const txtParagraphs = bodyText
  .split('\n')
  .map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/gu, ''))
  .filter((l) => l !== '');
const articles = new Map(); // label → paragraphs (label removed from the first)
let current;
for (const p of txtParagraphs) {
  const m = ARTICLE.exec(p);
  if (m) {
    current = [m[2] ?? ''];
    articles.set(m[1], current);
  } else if (CHAPTER.test(p)) current = undefined;
  else current?.push(p);
}

// ---- similarity: 1 - edit distance / longer length, over code points
function similarity(a, b) {
  const x = [...a];
  const y = [...b];
  if (x.length === 0 && y.length === 0) return 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return 1 - prev[y.length] / Math.max(x.length, y.length);
}

let failures = 0;
const bytes = new Uint8Array(readFileSync(pdfPath));

// ---- 1. the adapter's paragraphs
const parsed = await parsePdf(bytes, { file: pdfPath, maxUnzippedBytes: 0 });
if (!parsed.ok) {
  console.log('FAIL: the adapter refused the file:', parsed.problems.map((p) => `${p.code}: ${p.message}`).join('; '));
  process.exit(1);
}
const doc = parsed.value;
if (print) for (const b of doc.blocks) console.log(`p${b.location.page} ${b.kind === 'heading' ? `h${b.depth}` : 'p '} ${b.text}`);
const known = new Set(txtParagraphs.map(squash));
// the table of contents in the text version is indented "第一章　总则" lines: known as they are
const unknown = doc.blocks.filter((b) => b.kind === 'paragraph' && !known.has(squash(b.text)));
const pageNumberLike = doc.blocks.filter((b) => /^[-–—\s]*\d{1,3}[-–—\s]*$|^第\s*\d+\s*页|^page\s*\d+/iu.test(b.text));
console.log(`file        ${pdfPath}`);
console.log(`pages       ${doc.pages}, title "${doc.title}", ${doc.blocks.length} blocks (${doc.blocks.filter((b) => b.kind === 'heading').length} headings), warnings ${doc.warnings.length}`);
console.log(`paragraphs  ${doc.blocks.length - unknown.length - doc.blocks.filter((b) => b.kind === 'heading').length} are exactly a paragraph of the text version (spacing aside), ${unknown.length} are not`);
for (const b of unknown.slice(0, 20)) console.log(`  p${b.location.page}: ${b.text.slice(0, 100)}`);
if (pageNumberLike.length > 0) {
  failures++;
  console.log(`FAIL: ${pageNumberLike.length} page-number-like blocks left: ${pageNumberLike.map((b) => b.text).join(' | ')}`);
}
const newlineInside = doc.blocks.filter((b) => b.text.includes('\n'));
if (newlineInside.length > 0) {
  failures++;
  console.log(`FAIL: ${newlineInside.length} blocks contain a hard line break`);
}

// ---- 2. speed: the best of several runs after a warm-up (pdf.js loads once per process)
const runs = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  await parsePdf(bytes, { file: pdfPath, maxUnzippedBytes: 0 });
  runs.push(performance.now() - t0);
}
const best = Math.min(...runs);
const medianRun = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
console.log(`speed       ${(doc.pages / (medianRun / 1000)).toFixed(0)} pages/s median (${medianRun.toFixed(0)} ms), ${(doc.pages / (best / 1000)).toFixed(0)} pages/s best`);

// ---- 3. through ingestFile + sectionize, when built
const ingestPath = join(root, 'dist', 'ingest', 'ingest.js');
if (existsSync(ingestPath)) {
  const { ingestFile } = await import(pathToFileURL(ingestPath).href);
  const result = await ingestFile(pdfPath, {});
  if (!result.ok) {
    failures++;
    console.log('FAIL: ingestFile refused the file:', result.problems.map((p) => `${p.code}: ${p.message}`).join('; '));
  } else {
    const sections = result.value.sections.filter((s) => ARTICLE.test(s.headingPath[s.headingPath.length - 1] ?? ''));
    const scores = [];
    for (const [label, paragraphs] of articles) {
      const section = sections.find((s) => s.headingPath[s.headingPath.length - 1] === label);
      if (section === undefined) {
        failures++;
        console.log(`FAIL: no section for ${label}`);
        continue;
      }
      const score = similarity(section.text.trim(), paragraphs.join('\n'));
      scores.push(score);
      if (score < 0.95) {
        failures++;
        console.log(`FAIL: ${label} similarity ${score.toFixed(3)}\n  pdf: ${section.text}\n  txt: ${paragraphs.join('\n')}`);
      } else if (print && score < 1) console.log(`${label} ${score.toFixed(3)}`);
    }
    const min = Math.min(...scores);
    const mean = scores.reduce((s, x) => s + x, 0) / Math.max(1, scores.length);
    const exact = scores.filter((s) => s === 1).length;
    console.log(`articles    ${sections.length} 第X条 sections (text version: ${articles.size}); similarity min ${min.toFixed(3)} mean ${mean.toFixed(4)}, ${exact} exact`);
    if (sections.length !== articles.size) {
      failures++;
      console.log(`FAIL: expected ${articles.size} article sections`);
    }
  }
} else {
  console.log('articles    (dist/ingest/ingest.js not built: sectionize check skipped)');
}
console.log(failures === 0 ? 'OK' : `${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
