// A CSV that holds a data table and no FAQ (a size chart exported as CSV) is read as a document of its table,
// as an XLSX workbook of data tables is; one whose columns name a question or an answer kb does not know is
// still a FAQ table to fix. The files are written here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEntries } from '../generate/index.js';
import { tempDir } from '../test-support/kb.js';
import { ingestPaths } from './index.js';

const dir = tempDir('kb-csv-data-');
afterAll(() => dir.remove());
const write = (name: string, text: string): string => {
  const file = join(dir.path, name);
  writeFileSync(file, text);
  return file;
};

describe('a CSV size chart', () => {
  it('is read as a document, a section holding its table under its title row, with a warning saying so', async () => {
    const file = write('裤子尺码.csv', '女装裤子尺码表（单位：cm）\n尺码,腰围,臀围,裤长\nS,64,88,98\nM,68,92,100\nL,72,96,102\n');
    const run = await ingestPaths([file]);
    expect(run.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(run.problems[0]?.message).toMatch(/no FAQ header .* read as a document of its data table/u);
    const section = run.documents[0]?.sections[0];
    expect(section?.headingPath).toEqual(['裤子尺码', '女装裤子尺码表（单位：cm）']);
    const table = section?.blocks?.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.rows[0] : []).toEqual(['尺码', '腰围', '臀围', '裤长']);
    expect(section?.location.line).toBe(1);
    // its rows are asked as any document's table rows are
    expect(generateEntries(run.documents).entries.length).toBeGreaterThan(0);
  });

  it('a CSV whose columns name a question and an answer kb does not know is still refused, as in XLSX', async () => {
    const run = await ingestPaths([write('not-faq.csv', '序号,客户问题,处理方式\n1,尺码小了能换吗,签收7天内可以换码一次\n')]);
    expect(run.documents).toEqual([]);
    expect(run.problems[0]?.severity).toBe('error');
    expect(run.problems[0]?.message).toMatch(/no question column and no answer column.*客户问题/u);
  });

  it('a FAQ whose header row was deleted (its rows ask questions) is refused as before, not read as a data table', async () => {
    const run = await ingestPaths([write('faq-no-header.csv', '怎么退货？,在订单页申请退货。\n怎么换货？,联系客服换货。\n多久发货？,付款后48小时内发货。\n')]);
    expect(run.documents).toEqual([]);
    expect(run.problems[0]?.severity).toBe('error');
    expect(run.problems[0]?.message).toMatch(/has no question column and no answer column/u);
  });
});

describe('a note row directly above a chart', () => {
  it('is the chart’s caption, not its header, in a CSV', async () => {
    const run = await ingestPaths([write('上衣.csv', '单位：cm,手工测量有1-3cm误差\n尺码,胸围,衣长\nS,84,60\nM,88,62\n')]);
    const section = run.documents[0]?.sections[0];
    expect(section?.headingPath).toEqual(['上衣', '单位：cm 手工测量有1-3cm误差']);
    const table = section?.blocks?.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.rows[0] : []).toEqual(['尺码', '胸围', '衣长']);
  });

  it('is the chart’s caption in an XLSX sheet too, merged or in two cells', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const merged = workbook.addWorksheet('裤子');
    merged.addRow(['单位：cm，手工测量有1-3cm误差']);
    merged.mergeCells('A1:C1');
    const two = workbook.addWorksheet('上衣');
    two.addRow(['单位：cm', '手工测量有1-3cm误差']);
    for (const sheet of [merged, two]) for (const row of [['尺码', '胸围', '衣长'], ['S', '84', '60'], ['M', '88', '62']]) sheet.addRow(row);
    const file = join(dir.path, 'charts.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const sections = (await ingestPaths([file])).documents[0]?.sections ?? [];
    expect(sections.map((s) => s.headingPath)).toEqual([
      ['裤子', '单位：cm，手工测量有1-3cm误差'],
      ['上衣', '单位：cm 手工测量有1-3cm误差'],
    ]);
    for (const s of sections) {
      const table = s.blocks?.find((b) => b.kind === 'table');
      expect(table?.kind === 'table' ? table.rows[0] : []).toEqual(['尺码', '胸围', '衣长']);
    }
  });

  it('a chart headed by figures keeps its first row as the header', async () => {
    const run = await ingestPaths([write('推荐.csv', '身高\\体重,40-45kg,45-50kg\n150-155cm,S,M\n155-160cm,M,L\n')]);
    const table = run.documents[0]?.sections[0]?.blocks?.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.rows[0] : []).toEqual(['身高\\体重', '40-45kg', '45-50kg']);
  });

  it('a chart whose rows are labelled keeps its first row of values in the table, not as a caption', async () => {
    const run = await ingestPaths([write('码数对照.csv', '国际码,155/80A,160/84A,165/88A\n中国码,S,M,L\n美码,XS,S,M\n欧码,34,36,38\n')]);
    const section = run.documents[0]?.sections[0];
    expect(section?.headingPath).toEqual(['码数对照']);
    const table = section?.blocks?.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.rows.map((r) => r[0]) : []).toEqual(['国际码', '中国码', '美码', '欧码']);
  });
});
