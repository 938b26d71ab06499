import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { readStore } from '../store/store.js';
import { importFile } from '../review/round-trip.js';
import { regenerate } from './regenerate.js';

// A help-desk vendor's FAQ export without an id column, re-exported week after week
// (scripts/fixtures/make-vendor-faq.mjs says what changes each week).
const GENERATED = join(import.meta.dirname, '../../fixtures/generated');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-vendor-'));
  await mkdir(join(dir, 'sources'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function week(n: number) {
  await copyFile(join(GENERATED, `vendor-faq-week${n}.xlsx`), join(dir, 'sources/faq.xlsx'));
  const result = await regenerate({ sources: ['sources'], store: 'kb/qa.jsonl', cwd: dir });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}
async function entries(): Promise<Entry[]> {
  const read = await readStore(join(dir, 'kb/qa.jsonl'));
  if (read === undefined || !read.ok) throw new Error('no store');
  return read.value;
}
const csvCell = (s: string) => `"${s.replaceAll('"', '""')}"`;

describe('kb generate on a vendor FAQ export without an id column, week after week', () => {
  it('keeps each editor’s answer on the row it was written for when the export is re-ordered, a duplicate is added above it, a row asking the same question is deleted, and the export gains an id column', async () => {
    await week(1);
    const first = await entries();
    const aircon = first.find((e) => e.question === '怎么预约安装' && e.tags?.includes('空调'));
    const fee = first.find((e) => e.question === '空调安装收费吗');
    if (aircon === undefined || fee === undefined) throw new Error('fixture rows missing');
    // the editor rewrites both answers in the exported sheet
    const airconAnswer = '空调签收后在“暖居服务”公众号预约安装，师傅24小时内电话联系；偏远地区48小时。';
    const feeAnswer = '首次标准安装免费（含上门、一个打孔、调试）；加长铜管每米80元，支架120元。';
    await writeFile(join(dir, 'edit.csv'), `id,question,answer\n${aircon.id},${aircon.question},${csvCell(airconAnswer)}\n${fee.id},${fee.question},${csvCell(feeAnswer)}\n`);
    const imported = await importFile({ store: join(dir, 'kb/qa.jsonl'), file: join(dir, 'edit.csv') });
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));

    // week 2: sorted by 更新时间 (热水器's 怎么预约安装 above 空调's), a duplicate 空调安装收费吗 above the first
    const second = await week(2);
    const now = await entries();
    const airconNow = now.find((e) => e.question === '怎么预约安装' && e.tags?.includes('空调'));
    const heaterNow = now.find((e) => e.question === '怎么预约安装' && e.tags?.includes('热水器'));
    expect(airconNow).toMatchObject({ answer: airconAnswer, edited: true, sourceHash: aircon.sourceHash });
    expect(airconNow?.stale).toBeUndefined();
    expect(heaterNow?.answer).toMatch(/^热水器安装请拨打/u);
    expect(heaterNow?.edited).toBeUndefined();
    const fees = now.filter((e) => e.question === '空调安装收费吗');
    expect(fees.map((e) => e.answer).sort()).toEqual([feeAnswer, '请咨询当地网点。'].sort());
    expect(fees.find((e) => e.answer === feeAnswer)).toMatchObject({ sourceHash: fee.sourceHash, edited: true });
    expect(fees.every((e) => e.stale === undefined)).toBe(true);
    expect(second.merge.sourceChanged).toEqual([]);
    expect(second.merge.reordered.map((r) => r.from).sort()).toEqual([aircon.id, fee.id, heaterNow === undefined ? '' : first.find((e) => e.answer === heaterNow.answer)?.id].sort());
    // the typo of 洗衣机怎么清结保养 fixed: nobody had touched it, so it is the new row
    expect(now.some((e) => e.question === '洗衣机怎么清洁保养')).toBe(true);

    // week 3: the duplicate and 热水器's row deleted: 空调's row is the first to ask 怎么预约安装 again
    const third = await week(3);
    const last = await entries();
    expect(last.filter((e) => e.question === '怎么预约安装')).toEqual([{ ...airconNow, id: aircon.id }]);
    expect(last.find((e) => e.question === '空调安装收费吗')).toMatchObject({ answer: feeAnswer, edited: true });
    expect(last.every((e) => e.stale === undefined)).toBe(true);
    expect(third.merge.removedRows).toHaveLength(2);
    expect(third.merge.sourceMissing).toEqual([]);

    // week 4: the vendor's new template has a 知识ID column: every entry takes its row's id, as it was
    const fourth = await week(4);
    const keyed = await entries();
    expect(keyed.map((e) => e.id).sort()).toEqual(['QY1001', 'QY1002', 'QY1003', 'QY1004', 'QY1005']);
    const strip = (e: Entry) => ({ ...e, id: '', sourceHash: '' });
    expect(keyed.map(strip).sort((a, b) => a.question.localeCompare(b.question))).toEqual(last.map(strip).sort((a, b) => a.question.localeCompare(b.question)));
    expect(fourth.merge.rekeyed).toHaveLength(5);
    expect(fourth.merge).toMatchObject({ added: [], removed: [], sourceChanged: [], sourceMissing: [], renamed: [] });
  });
});
