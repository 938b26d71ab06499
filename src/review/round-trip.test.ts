// The Excel round trip: kb export writes xlsx / csv, an editor changes cells, kb import applies
// the changes (all rows or none) and reports them.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { mergeEntries } from '../store/merge.js';
import { parseStore, serializeStore } from '../store/store.js';
import { tempDir } from '../test-support/kb.js';
import { columnLabel, COLUMNS, describePlan, exportColumns, statusOf } from './exchange.js';
import { formatProblem } from '../core/problems.js';

/** The columns of a sheet of these tests' store (no FAQ row with similar questions kb wrote: no `kb similar`). */
const SHEET_COLUMNS = exportColumns([]);
import { exportStore, importFile } from './round-trip.js';
import { readCsv, writeCsv, writeXlsx } from './spreadsheet.js';
import { ReviewSession } from './session.js';
import { FIXTURE_STORE } from '../test-support/review-fixture.js';

const dirs: { remove: () => void }[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) d.remove();
});

function setup(): { dir: string; store: string } {
  const dir = tempDir('kb-review-exchange-');
  dirs.push(dir);
  const store = join(dir.path, 'qa.jsonl');
  copyFileSync(FIXTURE_STORE, store);
  return { dir: dir.path, store };
}

function readEntries(store: string): Entry[] {
  const parsed = parseStore(readFileSync(store, 'utf8'), store);
  if (!parsed.ok) throw new Error('bad store');
  return parsed.value;
}
const byId = (entries: Entry[], id: string): Entry | undefined => entries.find((e) => e.id === id);

async function editXlsx(file: string, edit: (sheet: ExcelJS.Worksheet, col: (name: (typeof COLUMNS)[number]) => number) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet('entries');
  if (sheet === undefined) throw new Error('no entries sheet');
  edit(sheet, (name) => SHEET_COLUMNS.indexOf(name) + 1);
  await workbook.xlsx.writeFile(file);
}

describe('kb export / kb import', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`a ${format} round trip without edits changes nothing, byte for byte`, async () => {
      const { dir, store } = setup();
      const before = readFileSync(store, 'utf8');
      const file = join(dir, `review.${format}`);
      const exported = await exportStore({ store, file, format });
      expect(exported).toMatchObject({ ok: true, value: { entries: 6 } });
      const imported = await importFile({ store, file });
      expect(imported.ok).toBe(true);
      if (!imported.ok) return;
      expect(describePlan(imported.value)).toBe('0 entries changed; 0 added; 6 unchanged');
      expect(imported.value.written).toBe(false);
      expect(readFileSync(store, 'utf8')).toBe(before);
    });
  }

  it('writes a workbook an editor can work in: frozen bold header, filters, wrapped text, a status drop-down on every row, a notes sheet', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'review.xlsx');
    expect((await exportStore({ store, file, format: 'xlsx' })).ok).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('entries');
    if (sheet === undefined) throw new Error('no entries sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.autoFilter).toBeDefined();
    const col = (name: (typeof COLUMNS)[number]): number => SHEET_COLUMNS.indexOf(name) + 1;
    expect(sheet.getRow(2).getCell(col('answer')).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(sheet.getColumn(col('answer')).width).toBe(60);
    for (let r = 2; r <= 7; r++) expect(sheet.getRow(r).getCell(col('status')).dataValidation).toMatchObject({ type: 'list', formulae: ['"pending,approved,rejected,待审核,通过,驳回,待審核,通過,駁回"'] });
    expect(workbook.getWorksheet('columns')?.getRow(2).getCell(1).value).toBe(COLUMNS[0]);
  });

  it('reports its progress: export reads the store, then writes each row; import its three steps, then done', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'review.xlsx');
    const exportCalls: [number, number, string][] = [];
    await exportStore({ store, file, format: 'xlsx', onProgress: (done, total, label) => exportCalls.push([done, total, label]) });
    expect(exportCalls[0]).toEqual([0, 1, `reading ${store}`]);
    expect(exportCalls.slice(1)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => [n, 6, `writing ${file}`]));
    const importCalls: [number, number, string][] = [];
    await editXlsx(file, (sheet, col) => (sheet.getRow(2).getCell(col('notes')).value = 'checked by the progress test'));
    const imported = await importFile({ store, file, onProgress: (done, total, label) => importCalls.push([done, total, label]) });
    expect(imported.ok && imported.value.written).toBe(true);
    expect(importCalls).toEqual([
      [0, 3, `reading ${file}`],
      [1, 3, `checking 6 rows against ${store}`],
      [2, 3, `writing ${store}`],
      [3, 3, ''],
    ]);
  });

  it('a round trip of entries with spaces around their text, or text Excel would take for a formula, changes nothing either', async () => {
    const { dir, store } = setup();
    const entries = readEntries(store).map((e) =>
      e.id === 's-warranty-en'
        ? { ...e, question: ' How long is  the warranty? ', answer: '\n  All electronics.  \n', similar: [' What is the warranty period? '], notes: ' note ' }
        : e.id === 's-seven-day'
          ? { ...e, answer: '- 商品完好\n- 不影响二次销售', similar: ['=七天无理由？', '+退货', '@客服 可以退吗'] }
          : e,
    );
    writeFileSync(store, serializeStore(entries));
    const before = readFileSync(store, 'utf8');
    for (const format of ['xlsx', 'csv'] as const) {
      const file = join(dir, `spaces.${format}`);
      await exportStore({ store, file, format });
      const imported = await importFile({ store, file });
      expect(imported.ok && describePlan(imported.value)).toBe('0 entries changed; 0 added; 6 unchanged');
      expect(readFileSync(store, 'utf8')).toBe(before);
    }
    // what Excel would take for a formula is kept text in the CSV
    expect(readFileSync(join(dir, 'spaces.csv'), 'utf8')).toContain('"\t=七天无理由？\n+退货\n@客服 可以退吗","\t- 商品完好\n- 不影响二次销售"');
  });

  it('writes CSV that Excel opens as UTF-8: a BOM, quoted multi-line cells', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'review.csv');
    await exportStore({ store, file, format: 'csv' });
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFFid,status,question,similar,answer,suggested,stale,notes,tags,origin,source,heading path,page,revision\r\n')).toBe(true);
    expect(text).toMatch(/s-refund-time,pending,退款多久到账？,"退款几天到账\n钱什么时候退回来","商家确认收货后3个工作日内退款。\n原路退回，银行卡到账另需1至5个工作日。","退款怎么还没到\n钱多久能退给我",,,,generated,return-policy.md,"退换货政策\n三、退款",2,r2\.[0-9a-f]{48}\r\n/u);
  });

  it('applies the edits made in Excel, reports them and marks edited entries', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'review.xlsx');
    await exportStore({ store, file, format: 'xlsx' });
    await editXlsx(file, (sheet, col) => {
      // rows: 2 faq-free-shipping, 3 s-refund-time, 4 s-return-fee, 5 s-seven-day, 6 s-warranty-en, 7 s-xyz-noise
      sheet.getRow(3).getCell(col('similar')).value = '退款几天到账\n钱什么时候退回来\n退款怎么还没到';
      sheet.getRow(3).getCell(col('suggested')).value = '钱多久能退给我';
      sheet.getRow(4).getCell(col('status')).value = 'approved';
      sheet.getRow(4).getCell(col('stale')).value = '';
      sheet.getRow(5).getCell(col('question')).value = '七天无理由退货需要满足什么条件？';
      sheet.getRow(5).getCell(col('status')).value = 'approved';
      sheet.getRow(6).getCell(col('answer')).value = 'All electronics carry a two-year warranty.';
      sheet.getRow(6).getCell(col('notes')).value = 'checked with legal';
      const added = sheet.getRow(8);
      added.getCell(col('id')).value = 'manual-invoice';
      added.getCell(col('question')).value = '怎么开发票？';
      added.getCell(col('answer')).value = '在订单详情页申请电子发票。';
      added.getCell(col('status')).value = 'pending';
      added.getCell(col('similar')).value = '能开发票吗\n发票怎么开';
    });
    const imported = await importFile({ store, file });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.value.changed).toEqual([
      { id: 's-refund-time', fields: ['similar', 'suggested'] },
      { id: 's-return-fee', fields: ['stale'] },
      { id: 's-seven-day', fields: ['question', 'status'] },
      { id: 's-warranty-en', fields: ['answer', 'notes'] },
    ]);
    expect(imported.value.added).toEqual(['manual-invoice']);
    expect(describePlan(imported.value)).toBe('4 entries changed (question 1, answer 1, similar 1, status 1, suggested 1, stale 1, notes 1); 1 added; 2 unchanged');
    const entries = readEntries(store);
    expect(byId(entries, 's-refund-time')).toMatchObject({ similar: ['退款几天到账', '钱什么时候退回来', '退款怎么还没到'], suggested: ['钱多久能退给我'], addedSimilar: ['退款怎么还没到'] });
    // a suggestion accepted in the sheet: the generated similar questions still follow the source
    expect(byId(entries, 's-refund-time')?.editedFields).toBeUndefined();
    expect(byId(entries, 's-return-fee')?.stale).toBeUndefined();
    expect(byId(entries, 's-return-fee')?.edited).toBeUndefined();
    expect(byId(entries, 's-seven-day')).toMatchObject({ question: '七天无理由退货需要满足什么条件？', status: 'approved', edited: true, editedFields: ['question'], source: { path: 'return-policy.md' }, sourceHash: '5555666677778888', rule: 'condition' });
    expect(byId(entries, 's-warranty-en')).toMatchObject({ answer: 'All electronics carry a two-year warranty.', notes: 'checked with legal', edited: true, editedFields: ['answer'] });
    expect(byId(entries, 'manual-invoice')).toEqual({ id: 'manual-invoice', question: '怎么开发票？', similar: ['能开发票吗', '发票怎么开'], answer: '在订单详情页申请电子发票。', origin: 'manual', status: 'pending' });
    expect(entries).toHaveLength(7);
  });

  it('refuses a file with bad rows, naming each row, and changes nothing', async () => {
    const { dir, store } = setup();
    const before = readFileSync(store, 'utf8');
    const file = join(dir, 'review.xlsx');
    await exportStore({ store, file, format: 'xlsx' });
    await editXlsx(file, (sheet, col) => {
      sheet.getRow(2).getCell(col('question')).value = '运费到底怎么算？';
      sheet.getRow(3).getCell(col('status')).value = 'done';
      sheet.getRow(4).getCell(col('id')).value = null;
      sheet.getRow(5).getCell(col('question')).value = '  ';
      sheet.getRow(6).getCell(col('id')).value = 's-refund-time';
    });
    const imported = await importFile({ store, file });
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    expect(imported.problems.map((p) => [p.location?.row, p.message])).toEqual([
      [3, 'has the status "done" (id s-refund-time); the status is pending, approved or rejected (or 待审核, 通过, 驳回)'],
      [4, 'has no id but a revision cell: it was an exported entry whose id was deleted; put the id back (it is in the sheet as exported), or empty the revision cell too to add the row as a new entry'],
      [5, 'has no question (id s-seven-day); write the question, or set the status to rejected to reject the entry with the question it has in the store'],
      [6, 'repeats the id s-refund-time of row 3; ids must be unique: give one of them a new id or delete it'],
    ]);
    expect(readFileSync(store, 'utf8')).toBe(before);
  });

  it('reports a bad CSV row by the row number Excel shows, multi-line cells counted as one row', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'review.csv');
    await exportStore({ store, file, format: 'csv' });
    writeFileSync(file, readFileSync(file, 'utf8').replace('s-warranty-en,pending,', 's-warranty-en,maybe,'));
    const imported = await importFile({ store, file });
    expect(!imported.ok && imported.problems.map((p) => `${p.location?.row}: ${p.message}`)).toEqual(['6: has the status "maybe" (id s-warranty-en); the status is pending, approved or rejected (or 待审核, 通过, 驳回)']);
  });

  it('imports store-format JSONL (drafts from kb gaps --export): new ids added, known ids updated', async () => {
    const { dir, store } = setup();
    const drafts = join(dir, 'drafts.jsonl');
    const draft: Entry = { id: 'gap-001', question: '可以改地址吗？', similar: ['地址填错了怎么办'], answer: '发货前可在订单详情页修改地址。', origin: 'manual', status: 'pending', notes: 'from kb gaps' };
    const known = { ...readEntries(store).find((e) => e.id === 's-seven-day')!, status: 'approved' as const };
    writeFileSync(drafts, serializeStore([draft, known]));
    const imported = await importFile({ store, file: drafts });
    expect(imported.ok && [imported.value.added, imported.value.changed]).toEqual([['gap-001'], [{ id: 's-seven-day', fields: ['status'] }]]);
    expect(byId(readEntries(store), 'gap-001')).toEqual(draft);
    // a broken line is refused with its line number
    writeFileSync(drafts, `${serializeStore([draft])}{"id":"gap-002","question":""}\n`);
    const bad = await importFile({ store, file: drafts });
    expect(!bad.ok && bad.problems[0]).toMatchObject({ code: 'bad-store', location: { line: 3 } });
  });

  it('re-importing kb gaps drafts keeps what editors wrote and decided: an empty answer or pending status in the file undoes nothing', async () => {
    const { dir, store } = setup();
    const drafts = join(dir, 'drafts.jsonl');
    // (notes as kb gaps writes them: they begin `kb gaps: `, and follow each week's counts)
    const draft = (id: string, question: string, notes: string): Entry => ({ id, question, similar: [], answer: '', origin: 'manual', status: 'pending', tags: ['gap'], notes: `kb gaps: ${notes}` });
    writeFileSync(drafts, serializeStore([draft('gap-insurance', '运费险怎么理赔', 'gap 6 of 6'), draft('gap-invoice', '能换成企业发票吗', 'gap 5 of 6'), draft('gap-ship', '什么时候发货', 'gap 4 of 6')]));
    expect((await importFile({ store, file: drafts })).ok).toBe(true);
    // in kb review: an answer written and left pending, a draft approved with a similar question, one rejected
    const session = await ReviewSession.open(store, { lock: false });
    if (!session.ok) throw new Error('no session');
    const now = session.value.entries.map((e) =>
      e.id === 'gap-insurance'
        ? { ...e, answer: '签收后在订单页申请运费险理赔，赔付原路退回。', edited: true, editedFields: ['answer' as const] }
        : e.id === 'gap-invoice'
          ? { ...e, answer: '可以，在订单详情页申请换开。', similar: ['开企业发票'], addedSimilar: ['开企业发票'], status: 'approved' as const, edited: true, editedFields: ['answer' as const] }
          : e.id === 'gap-ship'
            ? { ...e, status: 'rejected' as const }
            : e,
    );
    await session.value.save(now);
    await session.value.close();
    // next week's drafts: the same ids, empty answers, pending, new notes
    writeFileSync(drafts, serializeStore([draft('gap-insurance', '运费险怎么理赔', 'gap 2 of 3'), { ...draft('gap-invoice', '能换成企业发票吗', 'gap 1 of 3'), similar: ['企业发票能开吗'] }, draft('gap-ship', '什么时候发货', 'gap 3 of 3')]));
    const again = await importFile({ store, file: drafts });
    if (!again.ok) throw new Error(JSON.stringify(again.problems));
    expect(again.value.keptEditor).toEqual([
      { id: 'gap-insurance', fields: ['answer'] },
      { id: 'gap-invoice', fields: ['answer', 'status'] },
      { id: 'gap-ship', fields: ['status'] },
    ]);
    expect(again.value.changed).toEqual([
      { id: 'gap-insurance', fields: ['notes'] },
      { id: 'gap-invoice', fields: ['similar', 'notes'] },
      { id: 'gap-ship', fields: ['notes'] },
    ]);
    expect(describePlan(again.value)).toMatch(/; 3 kept an editor's work the file would have undone/);
    const after = readEntries(store);
    expect(byId(after, 'gap-insurance')).toMatchObject({ answer: '签收后在订单页申请运费险理赔，赔付原路退回。', status: 'pending', notes: 'kb gaps: gap 2 of 3' });
    expect(byId(after, 'gap-invoice')).toMatchObject({ answer: '可以，在订单详情页申请换开。', status: 'approved', similar: ['企业发票能开吗', '开企业发票'], addedSimilar: ['开企业发票'] });
    expect(byId(after, 'gap-invoice')?.editedFields).toEqual(['answer']);
    expect(byId(after, 'gap-ship')?.status).toBe('rejected');
    // a draft still pending takes a decision the file makes, and a text where the store has none
    writeFileSync(drafts, serializeStore([{ ...draft('gap-insurance', '运费险怎么理赔', 'x'), status: 'approved' }]));
    const decided = await importFile({ store, file: drafts });
    expect(decided.ok && decided.value.changed).toEqual([{ id: 'gap-insurance', fields: ['status', 'notes'] }]);
  });

  it('imports into a new store, writes nothing on a dry run, and waits for no reviewer', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'review.csv');
    await exportStore({ store, file, format: 'csv' });
    const fresh = join(dir, 'new', 'qa.jsonl');
    const dry = await importFile({ store: fresh, file, dryRun: true });
    expect(dry.ok && dry.value).toMatchObject({ created: true, written: false, added: expect.arrayContaining(['s-refund-time']) as unknown });
    const created = await importFile({ store: fresh, file });
    expect(created.ok && created.value.written).toBe(true);
    // what the sheet carries comes back: ids, questions, statuses, similar and suggested questions, source
    const keep = ({ id, question, similar, answer, status, suggested, source, origin, stale, tags }: Entry) => ({ id, question, similar, answer, status, suggested, source, origin, stale, tags });
    expect(readEntries(fresh).map(keep)).toEqual(readEntries(store).map(keep));
    // while kb review has the store, kb import refuses
    const review = await ReviewSession.open(store);
    try {
      const locked = await importFile({ store, file });
      expect(!locked.ok && locked.problems[0]?.code).toBe('store-locked');
    } finally {
      if (review.ok) await review.value.close();
    }
  });

  it('refuses a file it cannot import, and an xlsx that is not one', async () => {
    const { dir, store } = setup();
    const txt = join(dir, 'notes.txt');
    writeFileSync(txt, 'hello');
    expect(await importFile({ store, file: txt })).toMatchObject({ ok: false, problems: [{ code: 'unknown-format' }] });
    const fake = join(dir, 'fake.xlsx');
    writeFileSync(fake, 'id,question\n1,2\n');
    expect(await importFile({ store, file: fake })).toMatchObject({ ok: false, problems: [{ code: 'bad-table' }] });
    const noId = join(dir, 'no-id.csv');
    writeFileSync(noId, 'question,answer\n退款?,三天\n');
    const r = await importFile({ store, file: noId });
    expect(!r.ok && r.problems[0]?.message).toMatch(/has no "id" column in its first row/);
  });
});

/** Set cells of the rows with these ids, in an xlsx or csv file as an editor would in Excel. */
async function editSheet(file: string, format: 'xlsx' | 'csv', edits: [id: string, column: (typeof COLUMNS)[number], value: string][]): Promise<void> {
  if (format === 'xlsx') {
    await editXlsx(file, (sheet, col) => {
      sheet.eachRow((row) => {
        for (const [id, column, value] of edits) if (row.getCell(col('id')).value === id) row.getCell(col(column)).value = value;
      });
    });
    return;
  }
  const text = readFileSync(file, 'utf8');
  const table = readCsv(text, file);
  if (!table.ok) throw new Error('bad csv');
  const rows = table.value.rows.map(({ cells }) => {
    const out = [...cells];
    for (const [id, column, value] of edits) if (cells[0] === id) out[SHEET_COLUMNS.indexOf(column)] = value;
    return out;
  });
  writeFileSync(file, writeCsv(rows));
}

describe('similar questions in a sheet cell', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`splits a cell of one line (${format}) on | and ｜, as a FAQ table's similar cell is read; a cell of several lines one question a line`, async () => {
      const { dir, store } = setup();
      const file = join(dir, `bars.${format}`);
      await exportStore({ store, file, format });
      await editSheet(file, format, [
        ['s-warranty-en', 'similar', '积分能抵钱吗|积分兑换|积分过期吗'],
        ['s-seven-day', 'similar', '七天无理由怎么退｜没拆封能退吗 | 不想要了能退吗 | '],
        ['s-refund-time', 'suggested', '退款怎么还没到|钱多久能退给我'],
        // several lines: each line is one question, a separator at its end dropped
        ['s-return-fee', 'similar', '退货运费谁出\n退货运费 | \n退货邮费谁承担'],
      ]);
      const imported = await importFile({ store, file });
      // (the suggested cell is the stored list, one line)
      expect(imported.ok && imported.value.changed).toEqual([
        { id: 's-return-fee', fields: ['similar'] },
        { id: 's-seven-day', fields: ['similar'] },
        { id: 's-warranty-en', fields: ['similar'] },
      ]);
      const entries = readEntries(store);
      expect(byId(entries, 's-warranty-en')?.similar).toEqual(['积分能抵钱吗', '积分兑换', '积分过期吗']);
      expect(byId(entries, 's-seven-day')?.similar).toEqual(['七天无理由怎么退', '没拆封能退吗', '不想要了能退吗']);
      expect(byId(entries, 's-refund-time')?.suggested).toEqual(['退款怎么还没到', '钱多久能退给我']);
      expect(byId(entries, 's-return-fee')?.similar).toEqual(['退货运费谁出', '退货运费', '退货邮费谁承担']);
    });
  }

  for (const format of ['xlsx', 'csv'] as const) {
    it(`splits a cell of one line (${format}) on ； ; and on commas between questions too, as the FAQ table reader does (an editor's 开票；怎么开发票 was one question)`, async () => {
      const { dir, store } = setup();
      const file = join(dir, `semicolons.${format}`);
      await exportStore({ store, file, format });
      await editSheet(file, format, [
        ['s-seven-day', 'similar', '开票；怎么开发票；能开专票吗；要发票'],
        ['s-warranty-en', 'similar', 'How long is the guarantee?; Is there a warranty?; warranty period'],
        // commas and 、 split only where every part asks something on its own
        ['s-refund-time', 'similar', '退款什么时候到，钱什么时候退回来'],
        ['s-return-fee', 'similar', '东西坏了，可以退吗'],
        ['faq-free-shipping', 'similar', '支付宝、微信可以付款吗'],
      ]);
      const imported = await importFile({ store, file });
      expect(imported.ok && imported.value.changed.map((c) => c.id)).toEqual(['faq-free-shipping', 's-refund-time', 's-return-fee', 's-seven-day', 's-warranty-en']);
      // a line kept whole for its commas is said (perhaps it is several questions typed on one line)
      expect(imported.ok && imported.warnings.map((w) => w.message)).toEqual([
        expect.stringContaining('id faq-free-shipping: the similar question "支付宝、微信可以付款吗" was kept as one question: a comma or 、 separates'),
        expect.stringContaining('id s-return-fee: the similar question "东西坏了，可以退吗" was kept as one question: a comma or 、 separates'),
      ]);
      const entries = readEntries(store);
      expect(byId(entries, 's-seven-day')?.similar).toEqual(['开票', '怎么开发票', '能开专票吗', '要发票']);
      expect(byId(entries, 's-warranty-en')?.similar).toEqual(['How long is the guarantee?', 'Is there a warranty?', 'warranty period']);
      expect(byId(entries, 's-refund-time')?.similar).toEqual(['退款什么时候到', '钱什么时候退回来']);
      expect(byId(entries, 's-return-fee')?.similar).toEqual(['东西坏了，可以退吗']);
      expect(byId(entries, 'faq-free-shipping')?.similar).toEqual(['支付宝、微信可以付款吗']);
    });
  }

  for (const format of ['xlsx', 'csv'] as const) {
    it(`keeps stored similar questions with ； | or commas whole (${format}) when an editor adds a line to their cell, or deletes all but one`, async () => {
      // a smoke test: headings 换货；补发 and Returns | Refunds made such questions; one line added to
      // each cell and kb import cut them into pieces (and made 调换 twice)
      const { dir, store } = setup();
      const refund = ['换货；补发有什么规定？', '售后说明 / 换货；补发', '调换；补发是什么？', '调换；补发有什么规定？', '退款什么时候到，钱什么时候退回来'];
      const english = ['What do I need to know about returns?', '售后说明 / Returns | Refunds', 'Can I return it; who pays?'];
      writeFileSync(store, serializeStore(readEntries(store).map((e) => (e.id === 's-refund-time' ? { ...e, similar: refund } : e.id === 's-warranty-en' ? { ...e, similar: english } : e))));
      const file = join(dir, `added-line.${format}`);
      await exportStore({ store, file, format });
      await editSheet(file, format, [
        ['s-refund-time', 'similar', [...refund, '补发要多久'].join('\n')],
        ['s-warranty-en', 'similar', [...english, '补发要多久'].join('\n')],
        // the one line left of a cell is the stored question it is, not its pieces
        ['s-seven-day', 'suggested', ''],
      ]);
      const imported = await importFile({ store, file });
      expect(imported.ok && imported.value.changed).toEqual([
        { id: 's-refund-time', fields: ['similar'] },
        { id: 's-warranty-en', fields: ['similar'] },
      ]);
      // a question of the store kept whole is not worth a warning
      expect(imported.ok && imported.warnings).toEqual([]);
      let entries = readEntries(store);
      expect(byId(entries, 's-refund-time')?.similar).toEqual([...refund, '补发要多久']);
      expect(byId(entries, 's-warranty-en')?.similar).toEqual([...english, '补发要多久']);
      // a new line with ； in a cell of several lines is one question, and said so
      const again = join(dir, `again.${format}`);
      await exportStore({ store, file: again, format });
      await editSheet(again, format, [
        ['s-refund-time', 'similar', '售后说明 / 换货；补发'],
        ['s-warranty-en', 'similar', [...english, '补发要多久', 'exchange; resend?'].join('\n')],
      ]);
      const second = await importFile({ store, file: again });
      expect(second.ok && second.warnings.map((w) => w.message)).toEqual([expect.stringContaining('id s-warranty-en: the similar question "exchange; resend?" was kept as one question: in a cell of several lines each line is one question')]);
      entries = readEntries(store);
      expect(byId(entries, 's-refund-time')?.similar).toEqual(['售后说明 / 换货；补发']);
      expect(byId(entries, 's-warranty-en')?.similar).toEqual([...english, '补发要多久', 'exchange; resend?']);
    });
  }

  for (const format of ['xlsx', 'csv'] as const) {
    it(`a stored similar question with a separator in it (| ； ; or commas between questions) survives a ${format} round trip unchanged`, async () => {
      const { dir, store } = setup();
      const similar = ['A|B 款能退吗', '开票；怎么开发票', 'Can I return it; who pays?', '退款什么时候到，钱什么时候退回来'];
      writeFileSync(store, serializeStore(readEntries(store).map((e) => (e.id === 's-seven-day' ? { ...e, similar } : e))));
      const before = readFileSync(store, 'utf8');
      const file = join(dir, `bar.${format}`);
      await exportStore({ store, file, format });
      const imported = await importFile({ store, file });
      expect(imported.ok && describePlan(imported.value)).toBe('0 entries changed; 0 added; 6 unchanged');
      expect(readFileSync(store, 'utf8')).toBe(before);
    });
  }

  for (const format of ['xlsx', 'csv'] as const) {
    it(`imports (${format}) a stored 换货；补发 retyped as the two lines 换货 and 补发: a different list, not the same question split`, async () => {
      // a review finding: the store's questions were compared split on ； and on commas, so this
      // edit was "0 entries changed"
      const { dir, store } = setup();
      writeFileSync(store, serializeStore(readEntries(store).map((e) => (e.id === 's-refund-time' ? { ...e, similar: ['换货；补发有什么规定？', '退款什么时候到，钱什么时候退回来'] } : e))));
      const file = join(dir, `retyped.${format}`);
      await exportStore({ store, file, format });
      await editSheet(file, format, [['s-refund-time', 'similar', '换货\n补发有什么规定？\n退款什么时候到\n钱什么时候退回来']]);
      const imported = await importFile({ store, file });
      expect(imported.ok && [imported.value.changed, imported.value.conflicts]).toEqual([[{ id: 's-refund-time', fields: ['similar'] }], []]);
      expect(byId(readEntries(store), 's-refund-time')?.similar).toEqual(['换货', '补发有什么规定？', '退款什么时候到', '钱什么时候退回来']);
    });

    it(`advises one question a line (${format}) for a line with a comma in a cell of several lines, where commas are not looked at; the comma advice only for a cell of one line`, async () => {
      const { dir, store } = setup();
      const file = join(dir, `advice.${format}`);
      await exportStore({ store, file, format });
      await editSheet(file, format, [
        // the stored 退款几天到账 and 钱什么时候退回来, and a line added below them
        ['s-refund-time', 'similar', '退款几天到账\n钱什么时候退回来\n退款慢怎么办，钱去哪了'],
        ['s-return-fee', 'similar', '东西坏了，可以退吗'],
      ]);
      const imported = await importFile({ store, file, dryRun: true });
      expect(imported.ok && imported.warnings.map((w) => w.message)).toEqual([
        // (a comma or ； in a line of such a cell splits nothing: following that advice gave another warning)
        'id s-refund-time: the similar question "退款慢怎么办，钱去哪了" was kept as one question: in a cell of several lines each line is one question; if it is several questions, put one a line',
        'id s-return-fee: the similar question "东西坏了，可以退吗" was kept as one question: a comma or 、 separates similar questions only where every part asks something; if it is several questions, put one a line (or separate them with ；)',
      ]);
      // following the advice: one question a line, no warning
      await editSheet(file, format, [['s-refund-time', 'similar', '退款几天到账\n钱什么时候退回来\n退款慢怎么办\n钱去哪了']]);
      const again = await importFile({ store, file });
      expect(again.ok && again.warnings.map((w) => w.message)).toEqual([expect.stringContaining('id s-return-fee:')]);
      expect(byId(readEntries(store), 's-refund-time')?.similar).toEqual(['退款几天到账', '钱什么时候退回来', '退款慢怎么办', '钱去哪了']);
    });
  }
});

/**
 * Sheets of R1_ENTRIES as kb export wrote them, byte for byte, with `r1.` revision cells: before
 * 2026-11-26 (the build of commit f4b5f3b; similar questions hashed split on | only), and on
 * 2026-11-26 before r2 (the build of 6c984c3; split on ； and commas between questions too).
 */
const R1_ENTRIES: Entry[] = [
  { id: 'K1', question: '换货和补发怎么处理？', similar: ['换货；补发有什么规定？', '售后说明 / Returns | Refunds'], answer: '七天内可换货或补发。', origin: 'manual', status: 'pending' },
  { id: 'K2', question: '退款多久到账？', similar: ['退款什么时候到，钱什么时候退回来'], answer: '3个工作日内原路退回。', origin: 'manual', status: 'pending' },
];
const r1Csv = (k1: string, k2: string): string =>
  [
    '\uFEFFid,status,question,similar,answer,suggested,stale,notes,tags,origin,source,heading path,page,revision',
    `K1,pending,换货和补发怎么处理？,"换货；补发有什么规定？\n售后说明 / Returns | Refunds",七天内可换货或补发。,,,,,manual,,,,r1.${k1}`,
    `K2,pending,退款多久到账？,退款什么时候到，钱什么时候退回来,3个工作日内原路退回。,,,,,manual,,,,r1.${k2}`,
    '',
  ].join('\r\n');
const R1_SHEETS = [
  ['before 2026-11-26', r1Csv('7dcb2ba8d0cfcb0fbd8330d13d33f2dba5aa8cf51033086b', 'ebcb99aebe33bd44288330d13d33f2dba5aa8cf51033086b')],
  ['on 2026-11-26, before r2', r1Csv('7dcb2ba8d0cf9ff2af8330d13d33f2dba5aa8cf51033086b', 'ebcb99aebe331f170f8330d13d33f2dba5aa8cf51033086b')],
] as const;

describe('revision cells: a sheet exported by kb before 2026-11-26 (r1), and one exported now (r2)', () => {
  async function r1Sheet(format: 'xlsx' | 'csv', csv: string): Promise<{ dir: string; store: string; file: string }> {
    const dir = tempDir('kb-r1-');
    dirs.push(dir);
    const store = join(dir.path, 'qa.jsonl');
    writeFileSync(store, serializeStore(R1_ENTRIES));
    const file = join(dir.path, `old.${format}`);
    if (format === 'csv') writeFileSync(file, csv);
    else {
      const table = readCsv(csv, file);
      const xlsx = table.ok ? await writeXlsx(table.value.rows.map((r) => r.cells)) : undefined;
      if (xlsx === undefined || !xlsx.ok) throw new Error('cannot write the xlsx');
      writeFileSync(file, xlsx.value);
    }
    return { dir: dir.path, store, file };
  }

  for (const format of ['xlsx', 'csv'] as const) for (const [era, csv] of R1_SHEETS) {
    it(`takes (${format}, exported ${era}) an editor's lines added to similar cells of stored questions with ； | or commas: the store did not change since`, async () => {
      // a review finding: both rows were refused, "changed in the store since this sheet was exported (similar)"
      const { store, file } = await r1Sheet(format, csv);
      const before = readFileSync(store, 'utf8');
      const unedited = await importFile({ store, file });
      expect(unedited.ok && describePlan(unedited.value)).toBe('0 entries changed; 0 added; 2 unchanged');
      expect(readFileSync(store, 'utf8')).toBe(before);
      await editSheet(file, format, [
        ['K1', 'similar', '换货；补发有什么规定？\n售后说明 / Returns | Refunds\n补发要多久'],
        ['K2', 'similar', '退款什么时候到，钱什么时候退回来\n退款慢怎么办'],
      ]);
      const imported = await importFile({ store, file });
      expect(imported.ok && [imported.value.changed, imported.value.conflicts]).toEqual([
        [
          { id: 'K1', fields: ['similar'] },
          { id: 'K2', fields: ['similar'] },
        ],
        [],
      ]);
      const entries = readEntries(store);
      expect(byId(entries, 'K1')?.similar).toEqual(['换货；补发有什么规定？', '售后说明 / Returns | Refunds', '补发要多久']);
      expect(byId(entries, 'K2')?.similar).toEqual(['退款什么时候到，钱什么时候退回来', '退款慢怎么办']);
    });

    it(`still sees (${format}, exported ${era}) similar questions changed in the store since: an edit of them is refused, a cell left as exported keeps the store's`, async () => {
      const { store, file } = await r1Sheet(format, csv);
      writeFileSync(store, serializeStore(R1_ENTRIES.map((e) => ({ ...e, similar: e.id === 'K1' ? ['换货；补发有什么规定？'] : ['退款几天到账'] }))));
      await editSheet(file, format, [['K1', 'similar', '换货；补发有什么规定？\n售后说明 / Returns | Refunds\n补发要多久']]);
      const imported = await importFile({ store, file });
      expect(imported.ok).toBe(true);
      if (!imported.ok) return;
      expect(imported.value.conflicts.map((p) => [p.location?.row, p.message])).toEqual([
        [2, expect.stringMatching(/^id K1: changed in the store since this sheet was exported \(similar\) and this row changes similar as well/u)],
      ]);
      expect(describePlan(imported.value)).toBe('0 entries changed; 0 added; 1 unchanged; 1 kept newer store values (changed since the export, not in the sheet); 1 row not imported (changed in the store since the export)');
      const entries = readEntries(store);
      expect(byId(entries, 'K1')?.similar).toEqual(['换货；补发有什么规定？']);
      expect(byId(entries, 'K2')?.similar).toEqual(['退款几天到账']);
    });
  }

  it('a sheet exported now (r2) keeps the store’s newer similar questions for a one-line cell left as exported, and refuses an edit of them, split at ； in the store since', async () => {
    const { dir, store } = setup();
    writeFileSync(store, serializeStore(readEntries(store).map((e) => (e.id === 's-seven-day' ? { ...e, similar: ['开票；怎么开发票'] } : e.id === 's-return-fee' ? { ...e, similar: ['换货；补发有什么规定？'] } : e))));
    const file = join(dir, 'now.csv');
    await exportStore({ store, file, format: 'csv' });
    expect(readFileSync(file, 'utf8')).toMatch(/,r2\.[0-9a-f]{48}\r\n/u);
    writeFileSync(store, serializeStore(readEntries(store).map((e) => (e.id === 's-seven-day' ? { ...e, similar: ['开票'] } : e.id === 's-return-fee' ? { ...e, similar: ['换货', '补发有什么规定？'] } : e))));
    await editSheet(file, 'csv', [['s-return-fee', 'similar', '换货；补发有什么规定？\n补发要多久']]);
    const imported = await importFile({ store, file });
    expect(imported.ok && imported.value.conflicts.map((p) => p.message)).toEqual([expect.stringMatching(/^id s-return-fee: changed in the store since this sheet was exported \(similar\)/u)]);
    expect(imported.ok && [imported.value.changed, imported.value.kept]).toEqual([[], 1]);
    expect(byId(readEntries(store), 's-seven-day')?.similar).toEqual(['开票']);
  });
});

describe('kb import of a sheet exported before the store changed', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`two editors (${format}): the second sheet keeps the first one's edits, and its own edits of other entries are imported`, async () => {
      const { dir, store } = setup();
      const first = join(dir, `first.${format}`);
      const second = join(dir, `second.${format}`);
      await exportStore({ store, file: first, format });
      await exportStore({ store, file: second, format });
      await editSheet(first, format, [
        ['s-seven-day', 'question', '七天无理由退货需要满足什么条件？'],
        ['s-seven-day', 'status', 'approved'],
        ['s-refund-time', 'answer', '确认收货后3个工作日内原路退款。'],
      ]);
      const a = await importFile({ store, file: first });
      expect(a.ok && a.value.changed.map((c) => c.id)).toEqual(['s-refund-time', 's-seven-day']);
      await editSheet(second, format, [['s-warranty-en', 'status', 'approved']]);
      const b = await importFile({ store, file: second });
      expect(b.ok).toBe(true);
      if (!b.ok) return;
      expect(b.value.changed).toEqual([{ id: 's-warranty-en', fields: ['status'] }]);
      expect(b.value.conflicts).toEqual([]);
      expect(describePlan(b.value)).toBe('1 entry changed (status 1); 0 added; 5 unchanged; 2 kept newer store values (changed since the export, not in the sheet)');
      const entries = readEntries(store);
      expect(byId(entries, 's-seven-day')).toMatchObject({ question: '七天无理由退货需要满足什么条件？', status: 'approved' });
      expect(byId(entries, 's-refund-time')?.answer).toBe('确认收货后3个工作日内原路退款。');
      expect(byId(entries, 's-warranty-en')?.status).toBe('approved');
    });

    it(`refuses (${format}) a row that changes a field changed in the store since the export, imports the others; --overwrite takes it`, async () => {
      const { dir, store } = setup();
      const first = join(dir, `first.${format}`);
      const second = join(dir, `second.${format}`);
      await exportStore({ store, file: first, format });
      await exportStore({ store, file: second, format });
      await editSheet(first, format, [
        ['s-refund-time', 'answer', '确认收货后3个工作日内原路退款。'],
        ['s-refund-time', 'status', 'approved'],
      ]);
      expect((await importFile({ store, file: first })).ok).toBe(true);
      await editSheet(second, format, [
        ['s-refund-time', 'answer', '退款3天内到账。'],
        ['s-warranty-en', 'notes', 'checked'],
      ]);
      const afterFirst = byId(readEntries(store), 's-refund-time');
      const b = await importFile({ store, file: second });
      expect(b.ok).toBe(true);
      if (!b.ok) return;
      expect(b.value.conflicts.map((p) => [p.code, p.severity, p.file, p.location?.row, p.message])).toEqual([
        [
          'import-conflict',
          'error',
          second,
          3,
          "id s-refund-time: changed in the store since this sheet was exported (answer, status now approved) and this row changes answer as well, so the row was not imported; export again and redo the edit, or run kb import --overwrite to put the sheet's values over the store's",
        ],
      ]);
      expect(b.value.changed).toEqual([{ id: 's-warranty-en', fields: ['notes'] }]);
      expect(describePlan(b.value)).toBe('1 entry changed (notes 1); 0 added; 4 unchanged; 1 row not imported (changed in the store since the export)');
      expect(byId(readEntries(store), 's-refund-time')).toEqual(afterFirst);
      expect(byId(readEntries(store), 's-warranty-en')?.notes).toBe('checked');
      // --overwrite: the editor's answer wins; the status the editor left as exported keeps the store's approval
      const forced = await importFile({ store, file: second, overwrite: true });
      expect(forced.ok && [forced.value.changed, forced.value.conflicts]).toEqual([[{ id: 's-refund-time', fields: ['answer'] }], []]);
      expect(byId(readEntries(store), 's-refund-time')).toMatchObject({ answer: '退款3天内到账。', status: 'approved', edited: true });
    });
  }

  it('imports a sheet without the revision column as before, warning that changes since the export cannot be detected', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'old.csv');
    await exportStore({ store, file, format: 'csv' });
    await editSheet(file, 'csv', [['s-warranty-en', 'status', 'approved']]);
    // a sheet from a kb without revisions: the last column is gone
    writeFileSync(file, readFileSync(file, 'utf8').replace(/,revision\r\n/u, '\r\n').replace(/,r2\.[0-9a-f]{48}\r\n/gu, '\r\n'));
    expect(readFileSync(file, 'utf8')).not.toMatch(/revision|r\d\./u);
    writeFileSync(store, serializeStore(readEntries(store).map((e) => (e.id === 's-seven-day' ? { ...e, status: 'approved' as const } : e))));
    const imported = await importFile({ store, file });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.warnings.map((p) => [p.code, p.severity, p.location?.row])).toEqual([['import-conflict', 'warning', 1]]);
    expect(imported.warnings[0]?.message).toMatch(/^has no "revision" column \(exported by an older kb\): kb cannot tell whether an entry changed in the store since/u);
    // without revisions the sheet's cells win, as they always did
    expect(imported.value.changed).toEqual([
      { id: 's-seven-day', fields: ['status'] },
      { id: 's-warranty-en', fields: ['status'] },
    ]);
  });

  it('refuses a revision cell kb did not write; an emptied one lets the row overwrite', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'rev.csv');
    await exportStore({ store, file, format: 'csv' });
    writeFileSync(store, serializeStore(readEntries(store).map((e) => (e.id === 's-seven-day' ? { ...e, status: 'approved' as const } : e))));
    await editSheet(file, 'csv', [
      ['s-seven-day', 'status', 'rejected'],
      ['s-warranty-en', 'revision', 'abc'],
    ]);
    const bad = await importFile({ store, file });
    expect(!bad.ok && bad.problems.map((p) => [p.location?.row, p.message])).toEqual([
      [6, 'has "abc" as its revision (id s-warranty-en), which kb did not write; leave the revision cell as exported, or empty it (the row then overwrites changes made in the store since the export)'],
    ]);
    await editSheet(file, 'csv', [['s-warranty-en', 'revision', '']]);
    const conflict = await importFile({ store, file, dryRun: true });
    expect(conflict.ok && conflict.value.conflicts.map((p) => p.location?.row)).toEqual([5]);
    await editSheet(file, 'csv', [['s-seven-day', 'revision', '']]);
    const taken = await importFile({ store, file });
    expect(taken.ok && [taken.value.changed, taken.value.conflicts]).toEqual([[{ id: 's-seven-day', fields: ['status'] }], []]);
  });
});

describe('a CSV saved by Excel where the decimal mark is a comma', () => {
  for (const [name, delimiter] of [
    ['semicolons (German, French, Spanish Excel)', ';'],
    ['tabs (Unicode text)', '\t'],
  ] as const) {
    it(`is read with its cells separated by ${name}: only the edited cell changes`, async () => {
      const { dir, store } = setup();
      const file = join(dir, 'review.csv');
      await exportStore({ store, file, format: 'csv' });
      const table = readCsv(readFileSync(file, 'utf8'), file);
      if (!table.ok) throw new Error('bad export');
      const quote = (c: string): string => (/[;\t",\r\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c);
      const rows = [table.value.header, ...table.value.rows.map((r) => r.cells)];
      const status = table.value.header.indexOf('status');
      const seven = rows.findIndex((r) => r[0] === 's-seven-day');
      rows[seven]![status] = 'approved';
      writeFileSync(file, `\uFEFF${rows.map((r) => r.map(quote).join(delimiter)).join('\r\n')}\r\n`);
      const imported = await importFile({ store, file });
      if (!imported.ok) throw new Error(imported.problems.map((p) => p.message).join('; '));
      expect(imported.value.changed).toEqual([{ id: 's-seven-day', fields: ['status'] }]);
      expect(imported.value.unchanged).toBe(5);
    });
  }
});

describe('a CSV saved by Excel on a Chinese Windows', () => {
  it('is read in GBK (no byte-order mark): only the edited cell changes, the Chinese text stays as it was', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'review.csv');
    await exportStore({ store, file, format: 'csv' });
    const before = readEntries(store);
    // Excel "CSV (逗号分隔)" on a Chinese Windows: GBK, no BOM, CRLF
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/u, '').replace(/^(s-seven-day,)pending,/mu, '$1approved,');
    expect(text).toContain('s-seven-day,approved,');
    writeFileSync(file, iconv.encode(text, 'gbk'));
    const imported = await importFile({ store, file });
    expect(imported.ok && imported.value.changed).toEqual([{ id: 's-seven-day', fields: ['status'] }]);
    const after = readEntries(store);
    expect(after.map((e) => [e.question, e.answer, e.similar])).toEqual(before.map((e) => [e.question, e.answer, e.similar]));
    expect(byId(after, 's-seven-day')?.status).toBe('approved');
  });
});

describe('what an editor writes in Excel', () => {
  it('reads no status from a cell that names a property of JavaScript objects', () => {
    expect(statusOf('constructor')).toBeUndefined();
    expect(statusOf('toString')).toBeUndefined();
    expect(statusOf(' 通过 ')).toBe('approved');
  });

  it('takes a status in traditional Chinese (a Taiwan or Hong Kong team: 通過, 駁回, 待審核, 核准)', async () => {
    expect([statusOf('通過'), statusOf('已駁回'), statusOf('待審核'), statusOf('審核不通過'), statusOf('核准')]).toEqual(['approved', 'rejected', 'pending', 'rejected', 'approved']);
    const { dir, store } = setup();
    const file = join(dir, 'review.xlsx');
    await exportStore({ store, file, format: 'xlsx' });
    // Excel's drop-down would refuse what kb takes
    await editXlsx(file, (sheet, col) => {
      expect(sheet.getRow(2).getCell(col('status')).dataValidation.formulae).toEqual(['"pending,approved,rejected,待审核,通过,驳回,待審核,通過,駁回"']);
    });
    await editSheet(file, 'xlsx', [
      ['s-seven-day', 'status', '通過'],
      ['s-warranty-en', 'status', '駁回'],
    ]);
    const imported = await importFile({ store, file });
    expect(imported.ok && imported.value.changed.map((c) => c.id)).toEqual(['s-seven-day', 's-warranty-en']);
    const entries = readEntries(store);
    expect([byId(entries, 's-seven-day')?.status, byId(entries, 's-warranty-en')?.status]).toEqual(['approved', 'rejected']);
  });

  it('takes a status in Chinese (通过, 驳回, 待审核) or in capitals, and names the status a typo meant', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'review.xlsx');
    await exportStore({ store, file, format: 'xlsx' });
    await editSheet(file, 'xlsx', [
      ['s-seven-day', 'status', '通过'],
      ['s-warranty-en', 'status', '驳回'],
      ['s-refund-time', 'status', 'Approved'],
    ]);
    const imported = await importFile({ store, file });
    expect(imported.ok && imported.value.changed.map((c) => [c.id, c.fields])).toEqual([
      ['s-refund-time', ['status']],
      ['s-seven-day', ['status']],
      ['s-warranty-en', ['status']],
    ]);
    const entries = readEntries(store);
    expect([byId(entries, 's-seven-day')?.status, byId(entries, 's-warranty-en')?.status, byId(entries, 's-refund-time')?.status]).toEqual(['approved', 'rejected', 'approved']);
    await exportStore({ store, file, format: 'xlsx' });
    await editSheet(file, 'xlsx', [['s-seven-day', 'status', 'aproved']]);
    const typo = await importFile({ store, file });
    expect(!typo.ok && typo.problems.map((p) => p.message)).toEqual(['has the status "aproved" (id s-seven-day); did you mean approved? the status is pending, approved or rejected (or 待审核, 通过, 驳回)']);
    // a Taiwan or Hong Kong editor's cell: the Chinese names in their script
    await editSheet(file, 'xlsx', [['s-seven-day', 'status', '審核中']]);
    const traditional = await importFile({ store, file });
    expect(!traditional.ok && traditional.problems.map((p) => p.message)).toEqual(['has the status "審核中" (id s-seven-day); the status is pending, approved or rejected (or 待審核, 通過, 駁回)']);
  });

  it('names the sheet, the row and the column as Excel shows them in a bad cell\'s message, the column moved or not', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'review.xlsx');
    await exportStore({ store, file, format: 'xlsx' });
    let typoRow = 0;
    await editXlsx(file, (sheet, col) => {
      // the editor dragged the status column after the question (C), and mistyped a status
      sheet.eachRow((row) => {
        const status = row.getCell(col('status')).value;
        row.getCell(col('status')).value = row.getCell(col('question')).value;
        row.getCell(col('question')).value = status;
      });
      sheet.eachRow((row, n) => {
        if (row.getCell(col('id')).value === 's-seven-day') {
          row.getCell(col('question')).value = 'aproved';
          typoRow = n;
        }
      });
    });
    const typo = await importFile({ store, file });
    expect(!typo.ok && typo.problems.map(formatProblem)).toEqual([`${file}:sheet entries:row ${typoRow}:column C (status): has the status "aproved" (id s-seven-day); did you mean approved? the status is pending, approved or rejected (or 待审核, 通过, 驳回) [bad-row]`]);
    expect(columnLabel(26, 'notes')).toBe('AA (notes)');
  });

  it('adds a row typed in without an id (and without a status) as a new pending manual entry; the same sheet imported again adds nothing more', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'review.xlsx');
    await exportStore({ store, file, format: 'xlsx' });
    await editXlsx(file, (sheet, col) => {
      const row = sheet.addRow([]);
      row.getCell(col('question')).value = '你们店支持七天无理由退货吗？';
      row.getCell(col('similar')).value = '能七天无理由退吗|七天能退吗';
      row.getCell(col('answer')).value = '支持，签收后七天内商品完好即可申请。';
    });
    const imported = await importFile({ store, file });
    expect(imported.ok && imported.value.added).toEqual([expect.stringMatching(/^manual-[0-9a-f]{8}$/u)]);
    const added = imported.ok ? imported.value.added[0] : undefined;
    expect(byId(readEntries(store), added ?? '')).toMatchObject({ question: '你们店支持七天无理由退货吗？', similar: ['能七天无理由退吗', '七天能退吗'], origin: 'manual', status: 'pending' });
    const again = await importFile({ store, file });
    expect(again.ok && [again.value.added, again.value.changed]).toEqual([[], []]);
    expect(readEntries(store)).toHaveLength(7);
  });
});

describe('an id changed in the sheet', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`refuses (${format}) an exported row whose id is not in the store; with its revision cell emptied it is added, and regeneration keeps it`, async () => {
      const { dir, store } = setup();
      const before = readFileSync(store, 'utf8');
      const file = join(dir, `review.${format}`);
      await exportStore({ store, file, format });
      // row 6 is s-warranty-en
      await editSheet(file, format, [
        ['s-warranty-en', 'answer', 'All electronics carry a two-year warranty.'],
        ['s-warranty-en', 'id', 'my-new-id'],
      ]);
      const refused = await importFile({ store, file });
      expect(!refused.ok && refused.problems.map((p) => [p.location?.row, p.message])).toEqual([
        [6, 'has the id my-new-id, which is not in the store, but a revision cell: was the id changed in the sheet (or the entry removed from the store since the export)? put the id back, or empty the revision cell to add the row as a new entry'],
      ]);
      expect(readFileSync(store, 'utf8')).toBe(before);
      await editSheet(file, format, [['my-new-id', 'revision', '']]);
      const imported = await importFile({ store, file });
      expect(imported.ok && imported.value.added).toEqual(['my-new-id']);
      const added = byId(readEntries(store), 'my-new-id');
      // the sheet's origin and source are kept; the entry is the editor's
      expect(added).toMatchObject({ origin: 'generated', source: { path: 'warranty.txt' }, edited: true, editedFields: ['question', 'similar', 'answer'] });
      // kb generate finds no section for it: it is kept (source-missing, reported), not removed as untouched
      const section = byId(readEntries(store), 's-warranty-en');
      const merged = mergeEntries(readEntries(store), section === undefined ? [] : [section], { read: new Set(['warranty.txt']), missing: new Set() });
      expect(merged.report.removed).toEqual([]);
      expect(merged.report.sourceMissing).toEqual(['my-new-id']);
    });
  }

  it('refuses a CSV row whose id Excel changed on opening (001 saved back as 1), and round-trips such ids unchanged when Excel keeps them', async () => {
    const { dir, store } = setup();
    const renamed: Record<string, string> = { 's-refund-time': '001', 's-return-fee': '1-1' };
    writeFileSync(store, serializeStore(readEntries(store).map((e) => ({ ...e, id: renamed[e.id] ?? e.id }))));
    const before = readFileSync(store, 'utf8');
    const file = join(dir, 'review.csv');
    await exportStore({ store, file, format: 'csv' });
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('\r\n"\t001",pending,');
    expect(text).toContain('\r\n"\t1-1",approved,');
    const same = await importFile({ store, file });
    expect(same.ok && describePlan(same.value)).toBe('0 entries changed; 0 added; 6 unchanged');
    // a sheet where Excel converted it after all (an older kb wrote no tab)
    writeFileSync(file, text.replace('"\t001"', '1'));
    const converted = await importFile({ store, file });
    expect(!converted.ok && converted.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^has the id 1, which is not in the store, but a revision cell/u)]);
    expect(readFileSync(store, 'utf8')).toBe(before);
  });
});

describe('an emptied question', () => {
  it('on a rejected row keeps the question the store has; on another row, or a new id, it is refused', async () => {
    const { dir, store } = setup();
    const file = join(dir, 'review.xlsx');
    await exportStore({ store, file, format: 'xlsx' });
    const question = byId(readEntries(store), 's-seven-day')?.question;
    await editSheet(file, 'xlsx', [
      ['s-seven-day', 'question', ''],
      ['s-seven-day', 'status', 'rejected'],
    ]);
    const rejected = await importFile({ store, file });
    expect(rejected.ok && rejected.value.changed).toEqual([{ id: 's-seven-day', fields: ['status'] }]);
    expect(byId(readEntries(store), 's-seven-day')).toMatchObject({ question, status: 'rejected' });
    await exportStore({ store, file, format: 'xlsx' });
    await editXlsx(file, (sheet, col) => {
      sheet.getRow(5).getCell(col('question')).value = '';
      sheet.getRow(5).getCell(col('status')).value = 'approved';
      const row = sheet.addRow([]);
      row.getCell(col('id')).value = 'manual-new';
      row.getCell(col('status')).value = 'rejected';
      row.getCell(col('answer')).value = '答案';
    });
    const refused = await importFile({ store, file });
    expect(!refused.ok && refused.problems.map((p) => [p.location?.row, p.message])).toEqual([
      [5, 'has no question (id s-seven-day); write the question, or set the status to rejected to reject the entry with the question it has in the store'],
    ]);
    await editSheet(file, 'xlsx', [['s-seven-day', 'question', question ?? '']]);
    const added = await importFile({ store, file });
    expect(!added.ok && added.problems.map((p) => [p.location?.row, p.message])).toEqual([[8, 'has no question (id manual-new, not in the store: there is no question to keep); write the question']]);
  });
});

describe('a question rewritten in a sheet', () => {
  for (const format of ['xlsx', 'csv'] as const) {
    it(`says which similar questions kb made from the old question still ask it (${format}), and keeps them`, async () => {
      // a Hong Kong shop's editor rewrote 如何送貨？ as 有咩送貨方式？ in the sheet (user trial 2026-11-27): 請問如何送貨？ stayed, unsaid
      const { dir, store } = setup();
      const shipping: Entry = {
        id: 's-hk-delivery',
        question: '如何送貨？',
        similar: ['送貨方式是什麼？', '送貨及運費 / 送貨方式', '怎麼送貨？', '請問如何送貨？', '有冇得7-11取貨'],
        addedSimilar: ['有冇得7-11取貨'],
        answer: '我們提供順豐速運送貨上門、順豐站自取及7-11便利店取件三種送貨方式。',
        origin: 'generated',
        status: 'pending',
        source: { path: 'sources/shipping.html', headingPath: ['送貨及運費', '送貨方式'] },
      };
      writeFileSync(store, serializeStore([shipping]));
      const file = join(dir, `rewritten.${format}`);
      await exportStore({ store, file, format });
      await editSheet(file, format, [['s-hk-delivery', 'question', '有咩送貨方式？']]);
      const imported = await importFile({ store, file });
      expect(imported.ok && imported.value.changed).toEqual([{ id: 's-hk-delivery', fields: ['question'] }]);
      expect(imported.ok && imported.warnings.map((w) => w.message)).toEqual([
        'id s-hk-delivery: the question changed, and 2 similar questions kb made from the old one still ask it ("怎麼送貨？", "請問如何送貨？"): delete them from the similar cell, or press g on the entry in kb review for variants of the new question',
      ]);
      // nothing is dropped unseen: the similar cell is the editor's
      expect(byId(readEntries(store), 's-hk-delivery')?.similar).toEqual(shipping.similar);
    });
  }
});
