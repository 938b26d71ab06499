// The similar questions of a sheet cell, and planImport on store-format JSONL records: what a kb gaps draft may change, and what a teammate's store file may.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { entryRecords, entryRevision, fieldKey, isGapsDraft, parseRevision, planImport, questionLines } from './exchange.js';

const stored: Entry = {
  id: 's-00000000000000a1',
  question: '退货运费谁出？',
  similar: ['退货邮费谁承担'],
  answer: '质量问题由商家承担。',
  origin: 'generated',
  status: 'approved',
  notes: '核对过',
};

function imported(store: Entry[], line: Entry): Entry {
  const planned = planImport(store, entryRecords([line], new Map([[line.id, 2]])), 'team.jsonl');
  if (!planned.ok) throw new Error(JSON.stringify(planned.problems));
  const e = planned.plan.entries.find((x) => x.id === line.id);
  if (e === undefined) throw new Error(`no entry ${line.id}`);
  return e;
}

describe('questionLines', () => {
  it('keeps each line of a cell of several lines whole (kb export writes one question a line), and splits a cell of one line as a FAQ table’s', () => {
    expect(questionLines('换货；补发有什么规定？\r\n售后说明 / Returns | Refunds\n\n退款什么时候到，钱什么时候退回来\n补发要多久 ；')).toEqual(['换货；补发有什么规定？', '售后说明 / Returns | Refunds', '退款什么时候到，钱什么时候退回来', '补发要多久']);
    expect(questionLines(' 开票；怎么开发票；能开专票吗 ')).toEqual(['开票', '怎么开发票', '能开专票吗']);
    expect(questionLines('\n退款什么时候到，钱什么时候退回来\n')).toEqual(['退款什么时候到', '钱什么时候退回来']);
    expect(questionLines('')).toEqual([]);
  });

  it('splits a traditional line, Cantonese included, where its simplified form splits, keeping the characters typed', () => {
    // a Taiwan or Hong Kong editor's one-line cell: before 2026-11-27 each was one question (with a warning)
    expect(questionLines('退款什麼時候到，錢什麼時候退回來')).toEqual(['退款什麼時候到', '錢什麼時候退回來']);
    expect(questionLines('怎麼退貨，什麼時候退錢')).toEqual(['怎麼退貨', '什麼時候退錢']);
    expect(questionLines('點樣退貨，幾時退錢')).toEqual(['點樣退貨', '幾時退錢']);
    // a part that asks nothing on its own keeps the line whole, as in simplified
    expect(questionLines('東西壞了，可以退嗎')).toEqual(['東西壞了，可以退嗎']);
    expect(questionLines('開發票；統一編號')).toEqual(['開發票', '統一編號']);
  });
});

describe('revisions', () => {
  it('are written r2, with similar questions compared as stored: A；B is not the two questions A and B; an r1 cell of an older kb is still read', () => {
    expect(fieldKey('similar', ['换货；补发有什么规定？'])).not.toBe(fieldKey('similar', ['换货', '补发有什么规定？']));
    // as a line of a cell is read: trimmed, a separator at an end dropped
    expect(fieldKey('similar', [' 不想要了能退吗 |'])).toBe(fieldKey('similar', ['不想要了能退吗']));
    const revision = entryRevision(stored);
    expect(revision).toMatch(/^r2\.[0-9a-f]{48}$/u);
    expect(parseRevision(revision)).toMatchObject({ version: 2, hashes: { similar: revision.slice(15, 21) } });
    expect(parseRevision(`R1.${revision.slice(3).toUpperCase()}`)?.version).toBe(1);
    expect(parseRevision(`r3.${revision.slice(3)}`)).toBeUndefined();
  });
});

describe('planImport of store-format JSONL', () => {
  it('a teammate’s store file can reject an approved entry, clear its notes and rewrite it', () => {
    const line: Entry = { ...stored, status: 'rejected', notes: '', answer: '质量问题由商家承担，其他情况由买家承担。' };
    const after = imported([stored], line);
    expect(after).toMatchObject({ status: 'rejected', answer: line.answer, editedFields: ['answer'] });
    expect(after.notes).toBeUndefined();
    // and approve a rejected one
    expect(imported([{ ...stored, status: 'rejected' }], stored).status).toBe('approved');
  });

  it('a kb gaps draft exported again undoes nothing: its empty answer, pending status and the editor’s text stay', () => {
    const draft: Entry = { id: 'gap-7c42fd1fa1', question: '能开企业发票吗', similar: ['企业发票能开吗'], answer: '', origin: 'manual', status: 'pending', tags: ['gap'], notes: 'kb gaps: gap 1 of 3' };
    expect(isGapsDraft(draft)).toBe(true);
    const answered: Entry = { ...draft, answer: '可以，在订单详情页申请换开。', status: 'approved', edited: true, editedFields: ['answer'], notes: '核对过', tags: ['gap', '发票'] };
    const after = imported([answered], draft);
    // the editor's notes and tags stay too (a smoke test: 核对过 became kb gaps: gap 1 of 3, the tags ['gap'])
    expect(after).toMatchObject({ answer: answered.answer, status: 'approved', notes: '核对过', tags: ['gap', '发票'] });
    // kb gaps' own notes follow this week's
    expect(imported([{ ...answered, notes: 'kb gaps: gap 2 of 5' }], draft).notes).toBe('kb gaps: gap 1 of 3');
    // the same id answered in the file is an editor's entry, taken as it is
    expect(isGapsDraft({ ...draft, answer: '可以。' })).toBe(false);
    expect(imported([answered], { ...draft, answer: '可以。', status: 'rejected' })).toMatchObject({ answer: '可以。', status: 'rejected' });
  });
});
