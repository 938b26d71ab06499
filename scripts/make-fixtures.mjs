#!/usr/bin/env node
// Generates the binary and non-UTF-8 test fixtures into fixtures/generated/ (git-ignored), so that
// the repository holds the scripts that make them rather than opaque files. Run by `npm test`.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTextFixtures } from './fixtures/make-text.mjs';
import { makePdfFixtures } from './fixtures/make-pdf.mjs';
import { makeDocxFixtures } from './fixtures/make-docx.mjs';
import { makeXlsxFixtures } from './fixtures/make-xlsx.mjs';
import { makeTableFixtures } from './fixtures/make-tables.mjs';
import { makeChatLogFixtures } from './fixtures/make-chat-logs.mjs';
import { makeManualFixtures } from './fixtures/make-manuals.mjs';
import { makeEnglishShopFixtures } from './fixtures/make-english-shop.mjs';
import { makeFreshFixtures } from './fixtures/make-fresh.mjs';
import { makeBrowserGuidePdf, makeBrowserPdfFixtures } from './fixtures/make-browser-pdf.mjs';
import { makeSizeChartFixtures } from './fixtures/make-size-charts.mjs';
import { makeVendorFaqFixtures } from './fixtures/make-vendor-faq.mjs';
import { makeMisnamedFixtures } from './fixtures/make-misnamed.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'fixtures', 'generated');
mkdirSync(outDir, { recursive: true });

const started = Date.now();
makeTextFixtures(outDir, join(root, 'fixtures', 'ingest', 'text'));
await makePdfFixtures(outDir);
await makeDocxFixtures(outDir);
await makeXlsxFixtures(outDir);
await makeTableFixtures(outDir);
await makeChatLogFixtures(outDir, join(root, 'fixtures', 'gaps'));
await makeManualFixtures(outDir);
await makeEnglishShopFixtures(outDir);
await makeFreshFixtures(outDir);
await makeBrowserPdfFixtures(outDir);
await makeBrowserGuidePdf(outDir);
await makeSizeChartFixtures(outDir);
await makeVendorFaqFixtures(outDir);
await makeMisnamedFixtures(outDir); // copies of the PDF, DOCX and XLSX fixtures above, and files kb does not read as they are
process.stderr.write(`fixtures: written to fixtures/generated in ${Date.now() - started} ms\n`);
