// Workbooks with no FAQ header (review of zhsize, 2026-11-27): a FAQ whose columns kb does not know is a table
// to fix, never read silently as data; a workbook of size charts laid out as shops lay them out (a merged title
// row, two charts on one sheet, a note above a chart) is read chart by chart, and every sheet it does not read
// is named (scripts/fixtures/make-size-charts.mjs makes the workbooks).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEntries } from '../generate/index.js';
import { ROOT } from '../test-support/kb.js';
import { ingestPaths } from './index.js';

const read = (name: string) => ingestPaths([join(ROOT, 'fixtures/generated', name)]);

describe('a FAQ workbook whose header kb does not fully know', () => {
  it.each([
    ['faq-issue-response.xlsx', /no question column.*Issue/u],
    ['faq-zixun-zh.xlsx', /no question column and no answer column.*客户咨询/u],
  ])('%s is a FAQ table to fix, not a data table', async (name, message) => {
    const run = await read(name);
    expect(run.documents).toEqual([]);
    expect(run.problems[0]?.severity).toBe('error');
    expect(run.problems[0]?.message).toMatch(message);
  });
});

describe('a workbook of size charts as shops lay them out', () => {
  it('is read chart by chart: two charts on one sheet are two tables, not one with the trousers asked by height', async () => {
    const run = await read('size-charts-messy-zh.xlsx');
    const doc = run.documents[0];
    const sheet = doc?.sections.find((s) => s.headingPath[0] === '尺码表');
    const tables = (sheet?.blocks ?? []).flatMap((b) => (b.kind === 'table' ? [b.rows] : []));
    expect(tables.map((t) => t[0])).toEqual([
      ['尺码', '身高(cm)', '体重(kg)', '胸围(cm)'],
      ['尺码', '腰围(cm)', '臀围(cm)', '裤长(cm)'],
    ]);
    const questions = generateEntries(run.documents).items.flatMap((i) => [i.entry.question, ...i.entry.similar]);
    // (merged, the trousers' 64-68 and 88-92 were asked as a height and a weight: 身高64-68cm、体重88-92kg)
    expect(questions.filter((q) => q.includes('身高64'))).toEqual([]);
  });

  it('reads a chart under a merged title row, the title as its heading (it dropped the sheet whole)', async () => {
    const doc = (await read('size-charts-messy-zh.xlsx')).documents[0];
    const tops = doc?.sections.find((s) => s.headingPath.includes('女装上衣尺码表（单位：cm）'));
    expect(tops?.headingPath).toEqual(['上衣尺码', '女装上衣尺码表（单位：cm）']);
    expect(tops?.text).toContain('M | 158-163 | 47-53 | 84-88 | 62');
    expect(tops?.location.line).toBe(1);
  });

  it('keeps a note above a chart as text, not as the chart header, and gives each section its row', async () => {
    const doc = (await read('size-charts-messy-zh.xlsx')).documents[0];
    const dress = doc?.sections.find((s) => s.headingPath[0] === '连衣裙');
    const table = dress?.blocks?.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' ? table.rows[0] : undefined).toEqual(['尺码', '建议身高', '建议体重', '裙长']);
    expect(dress?.text).toContain('温馨提示：平铺测量，误差1-3cm属正常');
    // (every section was at line 1, on no sheet)
    expect(dress?.location).toEqual({ sheet: '连衣裙', line: 1 });
    const trousers = doc?.sections.find((s) => s.text.includes('腰围'));
    expect(trousers?.location.sheet).toBe('尺码表');
  });

  it('says it was read as data tables, and names the sheets it did not read (notes only, hidden)', async () => {
    const run = await read('size-charts-messy-zh.xlsx');
    const messages = run.problems.map((p) => p.message).join('\n');
    expect(messages).toMatch(/read as a document of data tables: sheets "上衣尺码", "尺码表", "连衣裙"/u);
    expect(messages).toMatch(/sheet "备注" holds no table/u);
    expect(messages).toMatch(/hidden sheet "旧表" was not read/u);
  });

  it('beside an empty FAQ template: reads the chart and says the template has no rows (the message was garbled)', async () => {
    const run = await read('faq-template-chart.xlsx');
    expect(run.documents[0]?.sections.map((s) => s.headingPath[0])).toEqual(['尺码表']);
    const messages = run.problems.map((p) => p.message);
    expect(messages.some((m) => /sheet "FAQ" has a FAQ header and no rows under it/u.test(m))).toBe(true);
    expect(messages.some((m) => /has {2}\(/u.test(m))).toBe(false);
  });
});
