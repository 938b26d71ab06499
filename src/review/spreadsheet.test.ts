// The spreadsheet files of kb export / kb import: what the bytes of an exported workbook are.
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import yauzl from 'yauzl';
import { entryCells } from './exchange.js';
import { readCsv, readXlsx, writeCsv, writeXlsx } from './spreadsheet.js';
import type { Entry } from '../store/entry.js';
import { formatProblem } from '../core/problems.js';

const ENTRIES: Entry[] = [
  { id: 's-refund', question: '退款多久到账？', similar: ['钱什么时候退回来'], answer: '商家确认收货后3个工作日内退款。', origin: 'generated', status: 'pending', source: { path: 'sources/退货政策.md', headingPath: ['退货政策', '三、退款'] } },
  { id: 's-warranty', question: 'How long is the warranty?', similar: [], answer: 'One year from delivery.', origin: 'faq', status: 'approved' },
];

async function exportAt(time: string): Promise<Buffer> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(time));
  const written = await writeXlsx(ENTRIES.map((e) => entryCells(e)));
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

/** A workbook as Excel saves one (shared strings, styles, the sheet before them in the zip), from rows of exceljs values. */
async function workbookOf(rows: unknown[][], options: { sheetName?: string; streamed?: boolean; numFmts?: Record<string, string> } = {}): Promise<Buffer> {
  // number formats by cell address (`E2: '0%'`), set as Excel does when an editor formats a cell
  const formatRow = (row: ExcelJS.Row): void => {
    for (const [address, numFmt] of Object.entries(options.numFmts ?? {})) {
      const at = /^([A-Z])(\d+)$/u.exec(address);
      if (at?.[1] !== undefined && Number(at[2]) === row.number) row.getCell(at[1].charCodeAt(0) - 64).numFmt = numFmt;
    }
  };
  if (options.streamed === true) {
    // exceljs's streaming writer with inline strings: rich text becomes inline runs (<is><r>)
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const ended = new Promise((resolve) => stream.on('end', resolve));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: true });
    const sheet = writer.addWorksheet(options.sheetName ?? 'entries');
    for (const row of rows) {
      const added = sheet.addRow(row);
      formatRow(added);
      added.commit();
    }
    sheet.commit();
    await writer.commit();
    await ended;
    return Buffer.concat(chunks);
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? 'entries');
  for (const row of rows) formatRow(sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const HEADER = ['id', 'status', 'question', 'similar', 'answer', 'notes'];

describe('writeCsv', () => {
  it('puts a tab before a cell Excel would open as a number, a date, a time or a truth value, and only there', () => {
    const converted = ['001', '1-1', '0.10', '1e5', '12345678901234567', '30%', '3/4', '2026-03-15', 'Mar-05', '1-Jan', '1月1日', '10:30', '9am', '1 1/2', 'true', '(5)'];
    const kept = ['s-refund', 'faq-001', '退货3-5天', '运费怎么算？', 'r1.abc', 'May I return it?', 'March sale'];
    const text = writeCsv([[...converted, ...kept]]);
    const cells = text.split('\r\n')[1]?.split(',');
    expect(cells?.slice(0, converted.length)).toEqual(converted.map((c) => `"\t${c}"`));
    expect(cells?.slice(converted.length)).toEqual(kept);
    // kb import trims the tab away
    const read = readCsv(text, 'review.csv');
    expect(read.ok && read.value.rows[0]?.cells.map((c) => c.trim())).toEqual([...converted, ...kept]);
  });
});

describe('readXlsx', () => {
  it('reads every cell of a large Chinese sheet exactly (no character lost where the reader cuts the file into chunks)', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`s-${i}`, 'pending', `商品${i}怎么退货？`, `商品${i}能退吗\n买的商品${i}不想要了`, `商品${i}签收后7天内可申请七天无理由退货，请在“我的订单”中申请售后。`.repeat(1 + (i % 3)), i % 2 === 0 ? '' : '备注']);
    const bytes = await workbookOf([HEADER, ...rows]);
    const table = await readXlsx(bytes, 'big.xlsx');
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    expect(table.value.header).toEqual(HEADER);
    expect(table.value.rows).toEqual(rows.map((cells, i) => ({ n: i + 2, cells: cells[5] === '' ? cells.slice(0, 5).concat('') : cells })));
  });

  it('reads rich text runs, dates, hyperlinks, formula values and XML special characters as Excel shows them', async () => {
    const rich = { richText: [{ text: '退货运费' }, { font: { bold: true }, text: '由买家承担' }, { text: '（质量问题除外）' }] };
    const rows = [
      HEADER,
      ['s-1', { formula: 'LOWER("APPROVED")', result: 'approved' }, '运费谁出？', '', rich, new Date(Date.UTC(2026, 10, 26))],
      ['s-2', 'pending', 'What is <b>?', 'A & B\nR&amp;D', '5 &lt; 7 and 7 > 5 "quoted" \'single\'', { text: 'help page', hyperlink: 'https://example.com/help' }],
    ];
    const expected = [
      ['s-1', 'approved', '运费谁出？', '', '退货运费由买家承担（质量问题除外）', '2026-11-26'],
      ['s-2', 'pending', 'What is <b>?', 'A & B\nR&amp;D', '5 &lt; 7 and 7 > 5 "quoted" \'single\'', 'help page'],
    ];
    const table = await readXlsx(await workbookOf(rows), 'review.xlsx');
    expect(table.ok && table.value.rows.map((r) => r.cells)).toEqual(expected);
    // kb export's own cells (t="str"): exceljs decodes their text twice (R&amp;D came back as R&D)
    const exported = await readXlsx(await workbookOf([HEADER, rows[2] ?? [], ['s-3', 'pending', 'Q', '', 'x &amp;amp; y &quot;', '']], { streamed: true }), 'review.xlsx');
    expect(exported.ok && exported.value.rows.map((r) => r.cells)).toEqual([expected[1], ['s-3', 'pending', 'Q', '', 'x &amp;amp; y &quot;', '']]);
    // inline rich text (exceljs's streaming writer): the workbook is loaded whole, the runs joined
    const inline = await readXlsx(await workbookOf([HEADER, rows[1] ?? []], { streamed: true }), 'review.xlsx');
    expect(inline.ok && inline.value.rows.map((r) => r.cells)).toEqual([expected[0]]);
  });

  it('reads a number as its cell’s number format shows it, as a FAQ table’s cell is read (30%, not 0.3; 0400123, not 400123)', async () => {
    const rows = [HEADER, ['s-1', 'approved', '优惠多少？', '', 0.3, 400123], ['s-2', 'approved', '客服电话？', '', 4008123123, 99.5]];
    const numFmts = { E2: '0%', F2: '0000000', F3: '¥#,##0.00' };
    const expected = [
      ['s-1', 'approved', '优惠多少？', '', '30%', '0400123'],
      ['s-2', 'approved', '客服电话？', '', '4008123123', '¥99.50'],
    ];
    // read row by row (the streaming reader)
    const streamed = await readXlsx(await workbookOf(rows, { numFmts }), 'review.xlsx');
    expect(streamed.ok && streamed.value.rows.map((r) => r.cells)).toEqual(expected);
    // loaded whole (inline rich text in the sheet)
    const rich = { richText: [{ text: '备注' }] };
    const whole = await readXlsx(await workbookOf([...rows, ['s-3', 'pending', '问？', '', 1, rich]], { numFmts, streamed: true }), 'review.xlsx');
    expect(whole.ok && whole.value.rows.map((r) => r.cells)).toEqual([...expected, ['s-3', 'pending', '问？', '', '1', '备注']]);
  });

  it('gives every cell of a merged range the text of its first cell, as Excel shows it (an editor merges the status cells of three rows)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('entries');
    sheet.addRow(HEADER);
    for (const id of ['s-1', 's-2', 's-3', 's-4']) sheet.addRow([id, 'pending', `${id} 的问题？`, '', '答案', '']);
    sheet.getCell('B2').value = '通过';
    sheet.mergeCells('B2:B4');
    sheet.mergeCells('E4:F5');
    const table = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), 'review.xlsx');
    expect(table.ok && table.value.rows.map((r) => [r.cells[0], r.cells[1], r.cells[4], r.cells[5]])).toEqual([
      ['s-1', '通过', '答案', ''],
      ['s-2', '通过', '答案', ''],
      ['s-3', '通过', '答案', '答案'],
      ['s-4', 'pending', '答案', '答案'],
    ]);
  });

  it('reads the entries sheet whichever sheet comes first', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('notes').addRow(['id', 'question', 'what']);
    const entries = workbook.addWorksheet('entries');
    entries.addRow(HEADER);
    entries.addRow(['s-1', 'approved', '运费谁出？', '', '买家', '']);
    const table = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()), 'review.xlsx');
    expect(table.ok && table.value.rows.map((r) => r.cells[2])).toEqual(['运费谁出？']);
  });

  it('refuses a cell whose formula has no saved value, or whose value is an error, naming the row and the column', async () => {
    const rows = [
      HEADER,
      ['s-1', 'approved', '运费谁出？', '', { formula: 'SUBSTITUTE(E3,"a","b")' }, ''],
      ['s-2', 'pending', '多久到账？', '', '3个工作日', { formula: 'E2', result: { error: '#REF!' } }],
      ['s-3', { error: '#N/A' }, '能开发票吗？', '', '可以', ''],
      ['s-4', 'pending', '包邮吗？', '', '满99元包邮', ''],
    ];
    for (const streamed of [false, true]) {
      const table = await readXlsx(await workbookOf(rows, { streamed }), 'review.xlsx');
      expect(table.ok).toBe(false);
      if (table.ok) return;
      expect(table.problems.map(formatProblem)).toEqual([
        'review.xlsx:sheet entries:row 2:column E (answer): the answer cell holds the formula =SUBSTITUTE(E3,"a","b") and no value kb can read (an error such as #REF!, or no value saved with the file); fix the formula or put the text in the cell, and save the file in Excel again [bad-row]',
        'review.xlsx:sheet entries:row 3:column F (notes): the notes cell holds the formula =E2 and no value kb can read (an error such as #REF!, or no value saved with the file); fix the formula or put the text in the cell, and save the file in Excel again [bad-row]',
        'review.xlsx:sheet entries:row 4:column B (status): the status cell shows the error #N/A; put the text in the cell (or empty it) and save the file again [bad-row]',
      ]);
    }
  });

  it('refuses a question or an answer Excel turned into a date (an editor typed 11-1), naming the row', async () => {
    const rows = [HEADER, ['s-1', 'approved', '运费谁出？', '', new Date(Date.UTC(2026, 10, 1)), ''], ['s-2', 'pending', '多久到账？', '', '3个工作日', '']];
    for (const streamed of [false, true]) {
      const table = await readXlsx(await workbookOf(rows, { streamed }), 'review.xlsx');
      expect(table.ok).toBe(false);
      if (table.ok) return;
      expect(table.problems.map(formatProblem)).toEqual([expect.stringMatching(/^review\.xlsx:sheet entries:row 2:column E \(answer\): the answer cell is a date \(2026-11-01\): Excel turns text such as 11-1 into a date; type it as text/)]);
    }
  });
});
