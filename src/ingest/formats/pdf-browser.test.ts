import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdf } from './pdf.js';

const generated = fileURLToPath(new URL('../../../fixtures/generated/', import.meta.url));
const script = new URL('../../../scripts/fixtures/make-browser-pdf.mjs', import.meta.url).href;

interface FixtureModule {
  makeBrowserPdfFixtures: (outDir: string) => Promise<void>;
  makeBrowserGuidePdf: (outDir: string) => Promise<void>;
  BROWSER_GUIDE: { title: string; sections: { h2: string; text: string; h3: string; h3Text: string }[] };
  BROWSER_PRINT_TITLE: string;
  BROWSER_PRINT_URL: string;
}
interface Expected {
  pages: number;
  sections: { heading: string; text: string }[];
  table: { heading: string; rows: string[][] };
}

let fixture: FixtureModule;
beforeAll(async () => {
  fixture = (await import(script)) as FixtureModule;
  // `npm test` makes it (scripts/make-fixtures.mjs); make it here too when run on its own
  if (!existsSync(join(generated, 'browser-print-en.pdf'))) await fixture.makeBrowserPdfFixtures(generated);
  if (!existsSync(join(generated, 'browser-print-guide-en.pdf'))) await fixture.makeBrowserGuidePdf(generated);
});

describe('a page a browser printed to PDF', () => {
  it('drops the header and footer bands the browser draws on every page, keeps every section whole', async () => {
    const expected = JSON.parse(readFileSync(join(generated, 'browser-print-en.expected.json'), 'utf8')) as Expected;
    expect(expected.pages).toBeGreaterThan(1);
    const r = await parsePdf(new Uint8Array(readFileSync(join(generated, 'browser-print-en.pdf'))), { file: 'browser-print-en.pdf', maxUnzippedBytes: 0 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const text = r.value.blocks.map((b) => (b.kind === 'table' ? b.rows.map((row) => row.join(' | ')).join('\n') : b.kind === 'list' ? b.items.join('\n') : b.text)).join('\n');
    // the print date, the address and "1/2" were one-row "tables" over the bands: a section of their
    // own before the title, and the tail of the section the page broke in
    expect(text).not.toContain(fixture.BROWSER_PRINT_URL);
    expect(text).not.toContain('9:41 AM');
    expect(text).not.toMatch(/\b\d\/2\b/u);
    expect(r.value.blocks[0]).toMatchObject({ kind: 'heading', text: 'Returns & Exchanges Policy' });
    const headings = r.value.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual(['Returns & Exchanges Policy', ...expected.sections.map((s) => s.heading), expected.table.heading]);
    const flat = text.replace(/\s+/gu, ' ');
    for (const section of expected.sections) expect(flat).toContain(section.text.replace(/\s+/gu, ' '));
  });

  it('reads a table whose borders the browser painted as thin bars row by row, wrapped cells whole', async () => {
    const expected = JSON.parse(readFileSync(join(generated, 'browser-print-en.expected.json'), 'utf8')) as Expected;
    const r = await parsePdf(new Uint8Array(readFileSync(join(generated, 'browser-print-en.pdf'))), { file: 'browser-print-en.pdf', maxUnzippedBytes: 0 });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    // before: the header row (its grey fill) a one-row table, the rest loose lines that mixed the
    // columns' wrapped halves (Refund to your card Five dollars, taken from / the refund …)
    const tables = r.value.blocks.filter((b) => b.kind === 'table');
    expect(tables.map((t) => t.rows)).toEqual([expected.table.rows]);
    const after = r.value.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
    expect(after.at(-1)).toBe('Members get free labels for refunds too.');
  });
});

describe("a page a browser printed with its default heading sizes", () => {
  it('reads a bold <h3> a point larger than the body as a heading under its <h2>, not a line of its text', async () => {
    const r = await parsePdf(new Uint8Array(readFileSync(join(generated, 'browser-print-guide-en.pdf'))), { file: 'browser-print-guide-en.pdf', maxUnzippedBytes: 0 });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    const headings = r.value.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? `${b.depth} ${b.text}` : ''));
    const { title, sections } = fixture.BROWSER_GUIDE;
    expect(headings).toEqual([`1 ${title}`, ...sections.flatMap((s) => [`2 ${s.h2}`, `3 ${s.h3}`])]);
    const paragraphs = r.value.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(paragraphs).toEqual(sections.flatMap((s) => [s.text, s.h3Text]));
  });
});
