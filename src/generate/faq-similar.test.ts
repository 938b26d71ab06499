// Similar questions kb generates for FAQ table rows (`--faq-similar`): each similar question keeps
// its origin (the team's or kb's, Entry.generatedSimilar) through generation, the store, its merge
// rules, the index and kb review.
import { describe, expect, it } from 'vitest';
import type { Document, Section } from '../ingest/document.js';
import { buildFromEntries } from '../build/index.js';
import { indexFromBytes } from '../runtime/load.js';
import { parseIndex } from '../runtime/index-file.js';
import { acceptGeneratedSimilar, kbWroteSimilar, teamSimilar, withEditorSimilar, type Entry } from '../store/entry.js';
import { mergeEntries } from '../store/merge.js';
import { parseStore, serializeStore } from '../store/store.js';
import { initialState, reviewReducer, type ReviewState } from '../review/reducer.js';
import { detailLines, KB_SIMILAR_NOTE } from '../review/layout.js';
import { exportStore, importFile } from '../review/round-trip.js';
import { readCsv, writeCsv } from '../review/spreadsheet.js';
import { tempDir } from '../test-support/kb.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEntries } from './index.js';
import { faqRowsBehind } from './faq-similar.js';

function row(id: string, question: string, answer: string, similar: string[] = []): Section {
  return { id, headingPath: [question], text: answer, matchText: answer, location: { line: 1 }, faq: { id, question, similar, answer, tags: [] } };
}

const faqDoc = (rows: Section[]): Document => ({ id: 'faq.csv', path: 'faq.csv', format: 'csv', title: 'faq', hash: '', language: 'zh-Hans', chars: 0, sections: rows, warnings: [] });

// a small shop's FAQ sheet: two rows with the team's similar questions, two with none
const SHEET = (): Document =>
  faqDoc([
    row('r-fee', '退货运费谁承担？', '质量问题的退货运费由本店承担，其他情况由买家承担。', ['退货邮费谁出']),
    row('r-invoice', '怎么开发票？', '在订单详情页点申请开票，电子发票三个工作日内发到邮箱。'),
    row('r-track', '快递到哪了？', '在订单详情页点查看物流，可以看到包裹的实时位置。'),
    row('r-refund', '退款多久到账？', '退款审核通过后原路退回，一般一到三个工作日到账。', ['钱多久退回来', '退款几天到', '退款什么时候到账', '多久能收到退款', '退款要等多久']),
  ]);

describe('generated similar questions for FAQ rows', () => {
  it('gives FAQ rows none unless asked, and names the ones kb wrote when asked', () => {
    const sheet = SHEET();
    const off = generateEntries([sheet], { similar: 5 }).entries;
    expect(off.map((e) => e.similar)).toEqual([['退货邮费谁出'], [], [], ['钱多久退回来', '退款几天到', '退款什么时候到账', '多久能收到退款', '退款要等多久']]);
    expect(off.every((e) => e.generatedSimilar === undefined)).toBe(true);
    // the document's rows are left as they were (an entry's list is its own)
    generateEntries([sheet], { similar: 5, faqSimilar: 'all' });
    expect(sheet.sections[0]?.faq?.similar).toEqual(['退货邮费谁出']);

    const all = generateEntries([SHEET()], { similar: 5, faqSimilar: 'all' }).entries;
    const fee = all.find((e) => e.id === 'r-fee')!;
    // lexicon synonyms only (FAQ_SIMILAR_KINDS): no 请问… wrapped around the team's question
    expect(all.flatMap((e) => e.generatedSimilar ?? []).some((q) => q.startsWith('请问'))).toBe(false);
    // the team's question first, as written, then kb's, each of them listed
    expect(fee.similar[0]).toBe('退货邮费谁出');
    expect(fee.generatedSimilar?.length).toBeGreaterThan(0);
    expect(fee.similar.slice(1)).toEqual(fee.generatedSimilar);
    expect(teamSimilar(fee)).toEqual(['退货邮费谁出']);
    expect(kbWroteSimilar(fee, '退货邮费谁出')).toBe(false);
    expect(kbWroteSimilar(fee, fee.generatedSimilar![0]!)).toBe(true);
    // a row with five of its own still gets kb's with "all", none with "top-up"
    expect(all.find((e) => e.id === 'r-refund')!.generatedSimilar?.length).toBeGreaterThan(0);
    const topUp = generateEntries([SHEET()], { similar: 5, faqSimilar: 'top-up' }).entries;
    expect(topUp.find((e) => e.id === 'r-refund')!.generatedSimilar).toBeUndefined();
    expect(topUp.find((e) => e.id === 'r-track')!.generatedSimilar?.length).toBeGreaterThan(0);
    expect(topUp.find((e) => e.id === 'r-fee')!.similar.length).toBeLessThanOrEqual(5);
  });

  it('writes the origins into the store and reads stores written before them as the team’s', () => {
    const entries = generateEntries([SHEET()], { similar: 5, faqSimilar: 'all' }).entries;
    const text = serializeStore(entries);
    const read = parseStore(text, 'kb/qa.jsonl');
    expect(read.ok && read.value).toEqual([...entries].sort((a, b) => (a.id < b.id ? -1 : 1)));
    // an older store: no generatedSimilar anywhere — every similar question of a row is the team's
    const old = parseStore('{"format":"kb-qa","version":1}\n{"id":"r1","question":"运费谁出？","similar":["邮费谁付"],"answer":"本店承担。","origin":"faq","status":"approved"}\n', 'kb/qa.jsonl');
    expect(old.ok).toBe(true);
    if (!old.ok) return;
    expect(teamSimilar(old.value[0]!)).toEqual(['邮费谁付']);
    expect(kbWroteSimilar(old.value[0]!, '邮费谁付')).toBe(false);
    // a question kb wrote that is no longer in the list is not written
    const pruned = serializeStore([{ ...old.value[0]!, generatedSimilar: ['邮费谁付', '早已删掉的问题'] }]);
    expect(pruned).toContain('"generatedSimilar":["邮费谁付"]');
    expect(pruned).not.toContain('早已删掉的问题');
  });

  it('keeps an editor’s accepted and edited questions of a row through regeneration; kb’s own are replaced by the fresh ones', () => {
    const made = generateEntries([SHEET()], { similar: 5, faqSimilar: 'all' }).entries;
    const fee = made.find((e) => e.id === 'r-fee')!;
    const [first, second] = fee.generatedSimilar!;
    expect(second).toBeDefined();
    // the editor accepts kb's first question, and rewrites its second
    let edited = acceptGeneratedSimilar(fee, first!);
    expect(edited.generatedSimilar).not.toContain(first);
    expect(edited.addedSimilar).toEqual([first]);
    edited = withEditorSimilar(edited, edited.similar.map((q) => (q === second ? '退货的运费是谁来付' : q)));
    expect(kbWroteSimilar(edited, '退货的运费是谁来付')).toBe(false);
    const store = made.map((e) => (e.id === 'r-fee' ? edited : e));
    // the row's answer changes in the sheet; kb generate runs again
    const sheet = SHEET();
    sheet.sections[0] = row('r-fee', '退货运费谁承担？', '七天内的质量问题退货运费由本店承担。', ['退货邮费谁出']);
    const fresh = generateEntries([sheet], { similar: 5, faqSimilar: 'all' }).entries;
    const freshFee = fresh.find((e) => e.id === 'r-fee')!;
    expect(freshFee.sourceHash).not.toBe(fee.sourceHash);
    const { entries } = mergeEntries(store, fresh, { read: new Set(['faq.csv']), missing: new Set() });
    const after = entries.find((e) => e.id === 'r-fee')!;
    expect(after.answer).toBe('七天内的质量问题退货运费由本店承担。');
    expect(after.similar).toContain(first);
    expect(after.similar).toContain('退货的运费是谁来付');
    expect(teamSimilar(after)).toEqual(expect.arrayContaining(['退货邮费谁出', first!, '退货的运费是谁来付']));
    expect(after.generatedSimilar ?? []).not.toContain(first);
    expect(after.generatedSimilar ?? []).not.toContain('退货的运费是谁来付');
    // through the store and back, the same
    const again = parseStore(serializeStore(entries), 'kb/qa.jsonl');
    expect(again.ok && again.value.find((e) => e.id === 'r-fee')).toEqual(canonical(after));
  });

  it('an untouched row whose source changed takes the fresh questions and their origins', () => {
    const made = generateEntries([SHEET()], { similar: 5, faqSimilar: 'all' }).entries;
    const sheet = SHEET();
    sheet.sections[2] = row('r-track', '快递到哪了？', '在订单详情页点查看物流，停在一个地方三天请联系客服。');
    const fresh = generateEntries([sheet], { similar: 5, faqSimilar: 'all' }).entries;
    const { entries, report } = mergeEntries(made, fresh, { read: new Set(['faq.csv']), missing: new Set() });
    expect(report.updated).toEqual(['r-track']);
    expect(entries.find((e) => e.id === 'r-track')?.generatedSimilar?.length).toBeGreaterThan(0);
    expect(entries.find((e) => e.id === 'r-track')).toEqual(fresh.find((e) => e.id === 'r-track'));
  });

  it('kb review marks kb’s questions of a row and y makes the selected one the team’s', () => {
    const made = generateEntries([SHEET()], { similar: 5, faqSimilar: 'all' }).entries;
    const fee = made.find((e) => e.id === 'r-fee')!;
    const kbQuestion = fee.generatedSimilar![0]!;
    const lines = detailLines(fee, -1, 120, 30).map((l) => l.text);
    expect(lines.some((l) => l.includes(kbQuestion) && l.includes(KB_SIMILAR_NOTE.trim()))).toBe(true);
    expect(lines.some((l) => l.includes('退货邮费谁出') && l.includes(KB_SIMILAR_NOTE.trim()))).toBe(false);
    let state: ReviewState = initialState([fee]);
    const key = (input: string, k = {}) => ({ type: 'key', input, key: k }) as const;
    // Tab twice: the second similar question, kb's first
    state = reviewReducer(reviewReducer(state, key('', { tab: true })), key('', { tab: true }));
    state = reviewReducer(state, key('y'));
    const after = state.entries[0]!;
    expect(kbWroteSimilar(after, kbQuestion)).toBe(false);
    expect(after.addedSimilar).toEqual([kbQuestion]);
    expect(after.similar).toEqual(fee.similar);
  });

  it('g in kb review on a row: the variants it writes are kb’s, marked as such', () => {
    const row = generateEntries([SHEET()], { similar: 5 }).entries.find((e) => e.id === 'r-track')!;
    const state = reviewReducer(initialState([row]), { type: 'key', input: 'g', key: {} });
    const after = state.entries[0]!;
    expect(after.similar.length).toBeGreaterThan(0);
    expect(after.generatedSimilar).toEqual(after.similar);
    expect(after.similar.every((q) => kbWroteSimilar(after, q))).toBe(true);
  });
});

describe('a sheet exported for the team (kb export / kb import)', () => {
  it('lists kb’s questions of a row in a “kb similar” column; a line deleted there makes that question the team’s', async () => {
    const dir = tempDir('kb-faqsim-');
    try {
      const store = join(dir.path, 'qa.jsonl');
      const made = generateEntries([SHEET()], { similar: 5, faqSimilar: 'all' }).entries;
      writeFileSync(store, serializeStore(made));
      const file = join(dir.path, 'review.csv');
      expect((await exportStore({ store, file, format: 'csv' })).ok).toBe(true);
      const table = readCsv(readFileSync(file, 'utf8'), file);
      if (!table.ok) throw new Error('unreadable export');
      const header = table.value.header.map((h) => h.trim());
      const kbColumn = header.indexOf('kb similar');
      expect(kbColumn).toBeGreaterThan(0);
      const fee = made.find((e) => e.id === 'r-fee')!;
      const [taken, ...left] = fee.generatedSimilar!;
      const rows = table.value.rows.map(({ cells }) => {
        const out = [...cells];
        if (cells[0] === 'r-fee') {
          expect(cells[kbColumn]?.split('\n')).toEqual(fee.generatedSimilar);
          out[kbColumn] = left.join('\n');
        }
        return out;
      });
      writeFileSync(file, writeCsv(rows, header as Parameters<typeof writeCsv>[1]));
      const imported = await importFile({ store, file });
      expect(imported.ok).toBe(true);
      const after = parseStore(readFileSync(store, 'utf8'), store);
      if (!after.ok) throw new Error('unreadable store');
      const row = after.value.find((e) => e.id === 'r-fee')!;
      expect(row.similar).toEqual(fee.similar);
      expect(kbWroteSimilar(row, taken!)).toBe(false);
      expect(row.addedSimilar).toEqual([taken]);
      expect(row.generatedSimilar).toEqual(left);
      // the other rows, as they were
      expect(after.value.filter((e) => e.id !== 'r-fee')).toEqual(made.filter((e) => e.id !== 'r-fee').sort((a, b) => (a.id < b.id ? -1 : 1)));
    } finally {
      dir.remove();
    }
  });
});

describe('the index and the similar questions kb wrote for rows', () => {
  const rows: Entry[] = [
    { id: 'a', question: '怎么开发票', similar: ['发票怎么开'], answer: '订单页申请开票。', origin: 'faq', status: 'approved' },
    { id: 'b', question: '退款多久到账', similar: ['钱几天退回来', '退款要几天'], answer: '一到三个工作日。', origin: 'faq', status: 'approved' },
  ];

  it('writes nothing new for a KB whose rows have none (an index as before), and marks kb’s after the team’s', async () => {
    const before = await buildFromEntries(rows, {});
    expect(before.ok).toBe(true);
    if (!before.ok) return;
    const parsed = parseIndex(before.value.bytes);
    expect(parsed.ok && Object.keys(parsed.data.model).filter((k) => k.startsWith('kbSimilar'))).toEqual([]);
    // a store whose rows list none (an empty list, as a hand edit may leave) builds the same bytes
    const empty = await buildFromEntries(rows.map((e) => ({ ...e, generatedSimilar: [] })), {});
    expect(empty.ok && Buffer.compare(Buffer.from(empty.value.bytes), Buffer.from(before.value.bytes))).toBe(0);
    // kb's question listed first in the store: the index holds it after the team's, and counts it
    const withKb: Entry[] = [{ ...rows[0]!, similar: ['开发票的流程', '发票怎么开'], generatedSimilar: ['开发票的流程'] }, rows[1]!];
    const built = await buildFromEntries(withKb, {});
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    const index = parseIndex(built.value.bytes);
    expect(index.ok && index.data.model.kbSimilar).toEqual([0, 1]);
    expect(index.ok && index.data.entries.get(0).similar).toEqual(['发票怎么开', '开发票的流程']);
    const kb = indexFromBytes(built.value.bytes);
    const [hit] = kb.search('开发票的流程', { k: 1 });
    expect(hit?.id).toBe('a');
    expect(hit?.matched).toBe('开发票的流程');
  });

  it('a written similar question left out for the calibration takes kb’s near copies of it along', async () => {
    const team: Entry[] = [
      { id: 'a', question: '怎么开发票', similar: ['电子发票多久发到邮箱'], answer: '订单页申请开票。', origin: 'faq', status: 'approved' },
      { id: 'b', question: '退款多久到账', similar: ['钱几天退回来'], answer: '一到三个工作日。', origin: 'faq', status: 'approved' },
    ];
    const copies: Entry[] = [{ ...team[0]!, similar: ['电子发票多久发到邮箱', '电子发票多久发到邮件'], generatedSimilar: ['电子发票多久发到邮件'] }, team[1]!];
    const built = [await buildFromEntries(team, {}), await buildFromEntries(copies, {})];
    const features = built.map((b) => {
      if (!b.ok) throw new Error('build failed');
      // variant 1: entry a's written similar question, asked with itself left out
      return indexFromBytes(b.value.bytes).calibrationFeatures('电子发票多久发到邮箱', 1);
    });
    expect(features[1]?.entry).toBe(features[0]?.entry);
    expect(features[1]?.coverage).toBeCloseTo(features[0]!.coverage, 2);
    expect(features[0]!.coverage).toBeLessThan(0.9);
  });

  it('learns no associations and fits no confidence on the questions kb wrote', async () => {
    // forty rows, each with one written paraphrase and kb's: the written ones are the samples
    const many: Entry[] = Array.from({ length: 60 }, (_, i) => ({
      id: `r${i}`,
      question: `型号${i}号产品怎么保养`,
      similar: [`型号${i}号产品如何维护`, `型号${i}号产品咋护理`],
      answer: `第${i}号保养说明。`,
      origin: 'faq' as const,
      status: 'approved' as const,
    }));
    const team = await buildFromEntries(many.map((e) => ({ ...e, similar: e.similar.slice(0, 1) })), {});
    const kbToo = await buildFromEntries(many.map((e) => ({ ...e, generatedSimilar: e.similar.slice(1) })), {});
    const allTeam = await buildFromEntries(many, {});
    if (!team.ok || !kbToo.ok || !allTeam.ok) throw new Error('build failed');
    const model = (bytes: Uint8Array) => {
      const p = parseIndex(bytes);
      if (!p.ok) throw new Error('bad index');
      return p.data;
    };
    // the samples the calibration was fitted on: the team's paraphrases only
    expect(model(kbToo.value.bytes).model.calibration.samples).toBe(model(team.value.bytes).model.calibration.samples);
    expect(model(allTeam.value.bytes).model.calibration.samples).toBeGreaterThan(model(team.value.bytes).model.calibration.samples);
    // 护理 (only in kb's questions) is associated with nothing it was swapped for
    expect(model(kbToo.value.bytes).associations).toBe(model(team.value.bytes).associations);
    expect(model(allTeam.value.bytes).associations).not.toBe(model(team.value.bytes).associations);
  });
});

const canonical = (e: Entry): Entry => {
  const read = parseStore(serializeStore([e]), 'x');
  if (!read.ok) throw new Error('unreadable');
  return read.value[0]!;
};

describe('importing a sheet with a kb similar column', () => {
  /**
   * Export `entries`, let the store change to `later` (a regeneration since the export), edit the
   * sheet's cells with `edit`, import it: the import's result and the store after it.
   */
  async function roundTrip(entries: Entry[], edit: (cells: string[], column: (name: string) => number) => string[], later?: (e: Entry[]) => Entry[]) {
    const dir = tempDir('kb-faqsim-');
    try {
      const store = join(dir.path, 'qa.jsonl');
      writeFileSync(store, serializeStore(entries));
      const file = join(dir.path, 'review.csv');
      expect((await exportStore({ store, file, format: 'csv' })).ok).toBe(true);
      if (later !== undefined) writeFileSync(store, serializeStore(later(entries)));
      const before = readFileSync(store, 'utf8');
      const table = readCsv(readFileSync(file, 'utf8'), file);
      if (!table.ok) throw new Error('unreadable export');
      const header = table.value.header.map((h) => h.trim());
      const column = (name: string): number => header.indexOf(name);
      writeFileSync(file, writeCsv(table.value.rows.map(({ cells }) => edit([...cells], column)), header as Parameters<typeof writeCsv>[1]));
      const imported = await importFile({ store, file });
      const text = readFileSync(store, 'utf8');
      const read = parseStore(text, store);
      if (!read.ok) throw new Error('unreadable store');
      return { imported, before, text, after: read.value };
    } finally {
      dir.remove();
    }
  }

  // a row whose question has a comma: kb's variant of it has one too (退钱什么时候到，钱什么时候退回来？)
  const COMMA_ROW = (): Document => faqDoc([row('r-refund', '退款什么时候到，钱什么时候退回来？', '仓库验收通过后一个工作日内发起退款。', ['退款多久', '钱多久到', '退款进度', '到账时间']), row('r-track', '快递到哪了？', '在订单详情页点查看物流。')]);

  it('reads the kb similar cell one question a line: an unchanged sheet changes nothing', async () => {
    const made = generateEntries([COMMA_ROW()], { similar: 5, faqSimilar: 'top-up' }).entries;
    const refund = made.find((e) => e.id === 'r-refund')!;
    expect(refund.generatedSimilar).toHaveLength(1);
    expect(refund.generatedSimilar![0]).toContain('，');
    const { imported, before, text } = await roundTrip(made, (cells) => cells);
    expect(imported.ok && imported.value.changed).toEqual([]);
    expect(text).toBe(before);
  });

  it('an older sheet accepts none of kb’s questions added since its export, and a kb similar cell edited on it is a conflict', async () => {
    const made = generateEntries([SHEET()], { similar: 5, faqSimilar: 'all' }).entries;
    const fee = made.find((e) => e.id === 'r-fee')!;
    const [first, ...rest] = fee.generatedSimilar!;
    // since the export, kb wrote one more question for the row (a regeneration)
    const later = (entries: Entry[]): Entry[] => entries.map((e) => (e.id === 'r-fee' ? { ...e, similar: [...e.similar, '退货的运费由谁出'], generatedSimilar: [...rest, first!, '退货的运费由谁出'] } : e));
    // the editor rewrites the answer only
    const answer = await roundTrip(made, (cells, column) => (cells[0] === 'r-fee' ? cells.map((c, i) => (i === column('answer') ? '质量问题由本店承担运费。' : c)) : cells), later);
    expect(answer.imported.ok && answer.imported.value.changed).toEqual([{ id: 'r-fee', fields: ['answer'] }]);
    const row = answer.after.find((e) => e.id === 'r-fee')!;
    expect(row.generatedSimilar).toContain('退货的运费由谁出');
    expect(row.generatedSimilar).toHaveLength(fee.generatedSimilar!.length + 1);
    expect(row.addedSimilar).toBeUndefined();
    // the editor deletes kb's first question from the stale kb similar cell: a conflict, the row not imported
    const stale = await roundTrip(made, (cells, column) => (cells[0] === 'r-fee' ? cells.map((c, i) => (i === column('kb similar') ? rest.join('\n') : c)) : cells), later);
    expect(stale.imported.ok).toBe(true);
    if (!stale.imported.ok) return;
    expect(stale.imported.value.conflicts.map((p) => p.message)).toEqual([expect.stringMatching(/^id r-fee: changed in the store since this sheet was exported \(similar, kb similar\) and this row changes kb similar as well/u)]);
    expect(stale.text).toBe(stale.before);
  });

  it('refuses a line rewritten or added in the kb similar column, naming the similar column', async () => {
    const made = generateEntries([SHEET()], { similar: 5, faqSimilar: 'all' }).entries;
    const fee = made.find((e) => e.id === 'r-fee')!;
    const [first, ...rest] = fee.generatedSimilar!;
    for (const kbCell of [['退货运费到底谁出', ...rest], [first!, ...rest, '运费怎么算']]) {
      const { imported, before, text } = await roundTrip(made, (cells, column) => (cells[0] === 'r-fee' ? cells.map((c, i) => (i === column('kb similar') ? kbCell.join('\n') : c)) : cells));
      expect(imported.ok).toBe(false);
      if (imported.ok) return;
      expect(imported.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^id r-fee: the kb similar cell has "(退货运费到底谁出|运费怎么算)", which kb did not write for this entry; edit questions in the similar column/u)]);
      expect(text).toBe(before);
    }
  });
});

describe('a hand-edited generatedSimilar', () => {
  const line = (generatedSimilar: unknown, origin = 'faq'): string => `{"format":"kb-qa","version":1}\n${JSON.stringify({ id: 'r1', question: '运费谁出？', similar: ['邮费谁付', '运费谁来出'], answer: '本店承担。', origin, status: 'approved', generatedSimilar })}\n`;

  it('is refused with the line and what is wrong, not fixed silently', () => {
    expect(parseStore(line(['运费谁来出']), 'kb/qa.jsonl').ok).toBe(true);
    // written as similar writes it (both read trimmed): fine
    const spaced = parseStore(line(['运费谁来出']).replace(/运费谁来出/gu, '运费谁来出 '), 'kb/qa.jsonl');
    expect(spaced.ok && spaced.value[0]!.generatedSimilar).toEqual(['运费谁来出']);
    const cases: [unknown, string, RegExp][] = [
      [['运费是谁出的'], 'faq', /generatedSimilar "运费是谁出的" is not one of the entry's similar questions/u],
      [['运费谁来出', '运费谁来出'], 'faq', /generatedSimilar lists "运费谁来出" twice/u],
      [['运费谁来出 '], 'faq', /generatedSimilar "运费谁来出 " has spaces at its ends/u],
      [['运费谁来出'], 'generated', /generatedSimilar is only for a FAQ row or an editor's entry/u],
    ];
    for (const [generated, origin, message] of cases) {
      const read = parseStore(line(generated, origin), 'kb/qa.jsonl');
      expect(read.ok).toBe(false);
      if (read.ok) continue;
      expect(read.problems[0]?.location).toEqual({ line: 2 });
      expect(read.problems[0]?.message).toMatch(message);
    }
  });
});

describe('a store behind the faq-similar setting', () => {
  it('is not behind when the lexicon gives its rows nothing (a store generated with the setting, none given)', () => {
    // model numbers and specifications: no after-sales word for the lexicon to vary
    const specs = faqDoc([row('r-battery', 'XK-200的电池多大？', '4000mAh。'), row('r-colour', 'XK-300几种颜色？', '黑白两种。')]);
    const made = generateEntries([specs], { similar: 5, faqSimilar: 'all' }).entries;
    expect(made.every((e) => e.generatedSimilar === undefined)).toBe(true);
    expect(faqRowsBehind(made, 'all', 5)).toEqual([]);
    expect(faqRowsBehind(made, 'top-up', 5)).toEqual([]);
    // a store of after-sales rows generated without it is behind
    const without = generateEntries([SHEET()], { similar: 5 }).entries;
    expect(faqRowsBehind(without, 'all', 5)).toContain('r-fee');
    expect(faqRowsBehind([...without, ...made], 'all', 5)).not.toContain('r-battery');
  });
});
