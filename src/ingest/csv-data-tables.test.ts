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
});
