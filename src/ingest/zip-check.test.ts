import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCX_CONTAINER } from './formats/docx.js';
import { XLSX_CONTAINER } from './formats/excel.js';
import { checkZipContainer, sizeText } from './zip-check.js';

const generated = fileURLToPath(new URL('../../fixtures/generated/', import.meta.url));
const MB = 1024 * 1024;
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(generated, name)));

beforeAll(async () => {
  // `npm test` makes them (scripts/make-fixtures.mjs); make them here too when run on their own
  if (!existsSync(join(generated, 'policy-zh.docx'))) {
    const { makeDocxFixtures } = (await import(new URL('../../scripts/fixtures/make-docx.mjs', import.meta.url).href)) as { makeDocxFixtures: (dir: string) => Promise<void> };
    await makeDocxFixtures(generated);
  }
  if (!existsSync(join(generated, 'bomb.xlsx'))) {
    const { makeXlsxFixtures } = (await import(new URL('../../scripts/fixtures/make-xlsx.mjs', import.meta.url).href)) as { makeXlsxFixtures: (dir: string) => Promise<void> };
    await makeXlsxFixtures(generated);
  }
});

describe('checkZipContainer', () => {
  it('passes a genuine container and returns the part the caller keeps', async () => {
    const r = await checkZipContainer(bytesOf('policy-zh.docx'), DOCX_CONTAINER, { file: 'a.docx', maxUnzippedBytes: 200 * MB });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.kept).toContain('<dc:title>');
  });

  it('names the container kind the caller expects, with its code', async () => {
    const r = await checkZipContainer(bytesOf('policy-zh.docx'), XLSX_CONTAINER, { file: 'a.xlsx', maxUnzippedBytes: 200 * MB });
    expect(r).toMatchObject({ ok: false, problem: { code: 'bad-table', file: 'a.xlsx' } });
    if (!r.ok) expect(r.problem.message).toContain('without xl/workbook.xml, so not an Excel workbook');
  });

  it('applies the compression-ratio check above a fixed floor, or above a share of the limit when the kind says so', async () => {
    // bomb.xlsx: one 20 MB part packed more than 200:1
    const fixed = await checkZipContainer(bytesOf('bomb.xlsx'), XLSX_CONTAINER, { file: 'b.xlsx', maxUnzippedBytes: 1024 * MB });
    expect(fixed).toMatchObject({ ok: false, problem: { code: 'zip-bomb' } });
    const share = await checkZipContainer(bytesOf('bomb.xlsx'), { ...XLSX_CONTAINER, ratioShareOfLimit: 1 / 20 }, { file: 'b.xlsx', maxUnzippedBytes: 1024 * MB });
    expect(share.ok).toBe(true); // 20 MB is under 1/20 of a 1 GB limit: the total limit still bounds it
  });

  it('writes sizes as people read them', () => {
    expect([sizeText(4096), sizeText(1.5 * MB), sizeText(50 * MB)]).toEqual(['4 KB', '1.5 MB', '50 MB']);
  });
});
