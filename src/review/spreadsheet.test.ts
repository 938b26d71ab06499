// The spreadsheet files of kb export / kb import: what the bytes of an exported workbook are.
import { afterEach, describe, expect, it, vi } from 'vitest';
import yauzl from 'yauzl';
import { entryCells } from './exchange.js';
import { readXlsx, writeXlsx } from './spreadsheet.js';
import type { Entry } from '../store/entry.js';

const ENTRIES: Entry[] = [
  { id: 's-refund', question: '退款多久到账？', similar: ['钱什么时候退回来'], answer: '商家确认收货后3个工作日内退款。', origin: 'generated', status: 'pending', source: { path: 'sources/退货政策.md', headingPath: ['退货政策', '三、退款'] } },
  { id: 's-warranty', question: 'How long is the warranty?', similar: [], answer: 'One year from delivery.', origin: 'faq', status: 'approved' },
];

async function exportAt(time: string): Promise<Buffer> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(time));
  const written = await writeXlsx(ENTRIES.map(entryCells));
  vi.useRealTimers();
  if (!written.ok) throw new Error(written.problems[0]?.message);
  return written.value;
}

/** The names and modification dates of a zip's entries, in the order of its central directory. */
async function zipEntries(zip: Buffer): Promise<{ name: string; date: string }[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error !== null) return reject(error);
      const entries: { name: string; date: string }[] = [];
      file.on('entry', (entry: yauzl.Entry) => {
        entries.push({ name: entry.fileName, date: entry.getLastModDate().toISOString() });
        file.readEntry();
      });
      file.on('end', () => resolve(entries));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('writeXlsx', () => {
  it('writes the same bytes for the same rows, whenever it runs (kb export is reproducible)', async () => {
    const first = await exportAt('2026-11-26T10:00:00Z');
    const second = await exportAt('2027-03-01T23:59:58Z');
    expect(second.equals(first)).toBe(true);
    const entries = await zipEntries(first);
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    // every entry carries 1980-01-01 00:00 (yauzl reads the DOS date as local time)
    const local1980 = new Date(1980, 0, 1).toISOString();
    expect(new Set(entries.map((e) => e.date))).toEqual(new Set([local1980]));
  });

  it('still writes a workbook that reads back row for row', async () => {
    const bytes = await exportAt('2026-11-26T10:00:00Z');
    const table = await readXlsx(bytes, 'review.xlsx');
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.value.rows.map((r) => r.cells.slice(0, 5))).toEqual(ENTRIES.map((e) => entryCells(e).slice(0, 5).map(String)));
  });
});
