import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { emptiesLiveAnswer, type Entry } from './entry.js';
import { MAX_DUPLICATE_WARNINGS, duplicateQuestions, entriesToIndex, parseStore, readStore, serializeStore, writeStore } from './store.js';

const a: Entry = { id: 'b-2', question: '退货运费谁出？', similar: ['退货邮费谁承担'], answer: '质量问题由商家承担。', origin: 'generated', status: 'pending', rule: 'fee' };
const b: Entry = { id: 'a-1', question: 'How long does delivery take?', similar: [], answer: '3–5 days.', origin: 'faq', status: 'approved', source: { path: 'faq.csv', headingPath: [] } };

describe('the Q&A store', () => {
  it('writes a header line, then entries sorted by id with a fixed key order', () => {
    const text = serializeStore([a, b]);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('{"format":"kb-qa","version":1}');
    expect(lines[1]).toMatch(/^\{"id":"a-1","question":/);
    expect(lines[2]).toMatch(/^\{"id":"b-2",.*"rule":"fee"\}$/);
    expect(serializeStore([b, a])).toBe(text);
  });

  it('with a cache, serializes only the entries that are new objects since the last time', () => {
    const many = Array.from({ length: 500 }, (_, i): Entry => ({ ...a, id: `e-${String(i).padStart(3, '0')}` }));
    const cache = new WeakMap<Entry, string>();
    expect(serializeStore(many, cache)).toBe(serializeStore(many));
    const edited = many.map((e, i) => (i === 7 ? { ...e, status: 'approved' as const } : e));
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const text = serializeStore(edited, cache);
      // the header and the one changed entry; 500 before the cache (kb review saves on every change)
      expect(stringify).toHaveBeenCalledTimes(2);
      expect(text).toBe(serializeStore(edited));
      expect(text).toContain('"id":"e-007","question":"退货运费谁出？","similar":["退货邮费谁承担"],"answer":"质量问题由商家承担。","origin":"generated","status":"approved"');
    } finally {
      stringify.mockRestore();
    }
  });

  it('reads back what it wrote', () => {
    const parsed = parseStore(serializeStore([a, b]), 'qa.jsonl');
    expect(parsed.ok && parsed.value.map((e) => e.id)).toEqual(['a-1', 'b-2']);
    expect(parsed.ok && parsed.value[1]).toEqual(a);
  });

  it('names every bad line and refuses the store whole', () => {
    const text = [
      '{"format":"kb-qa","version":1}',
      JSON.stringify(a),
      '{"id":"x","question":"",',
      JSON.stringify({ ...b, status: 'done' }),
      JSON.stringify({ ...a, answer: 'again' }),
    ].join('\n');
    const parsed = parseStore(text, 'kb/qa.jsonl');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.location?.line)).toEqual([3, 4, 5]);
    expect(parsed.problems[1]?.message).toMatch(/"status"/);
    expect(parsed.problems[2]?.message).toMatch(/repeats the id b-2 of line 2/);
  });

  it('refuses a store of an unknown version or without a header', () => {
    const newer = parseStore('{"format":"kb-qa","version":9}\n', 'qa.jsonl');
    expect(!newer.ok && newer.problems[0]?.message).toMatch(/version 9.*upgrade kb/);
    const bare = parseStore(`${JSON.stringify(a)}\n`, 'qa.jsonl');
    expect(!bare.ok && bare.problems[0]?.message).toMatch(/not a kb Q&A store/);
  });

  it('writes atomically into a new folder and reads it back; a missing store is undefined', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-store-'));
    const path = join(dir, 'kb', 'qa.jsonl');
    expect(await readStore(path)).toBeUndefined();
    await writeStore(path, [a, b]);
    const read = await readStore(path);
    expect(read?.ok && read.value.length).toBe(2);
    await writeFile(path, `${await readFile(path, 'utf8')}not json\n`);
    const broken = await readStore(path);
    expect(broken?.ok).toBe(false);
  });

  it('says in words why a store cannot be read: a file where its folder should be, a folder where it should be', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-store-'));
    await writeFile(join(dir, 'kb'), 'a file named like the store folder');
    const blocked = await readStore(join(dir, 'kb', 'qa.jsonl'));
    expect(blocked?.ok === false && blocked.problems[0]?.message).toBe('cannot be read: a part of its path is a file, not a folder; rename that file or choose another path');
    const folder = await readStore(dir);
    expect(folder?.ok === false && folder.problems[0]?.message).toBe('is a folder, not a file; name a file');
  });

  it('lists entries that ask the same question, the first ones one by one and the rest counted', () => {
    const many: Entry[] = Array.from({ length: MAX_DUPLICATE_WARNINGS + 3 }, (_, i) => ({ ...a, id: `d-${i}`, answer: `answer ${i}` }));
    const problems = duplicateQuestions([b, ...many], 'kb/qa.jsonl');
    expect(problems).toHaveLength(MAX_DUPLICATE_WARNINGS + 1);
    expect(problems[0]).toMatchObject({ code: 'duplicate-question', severity: 'warning', file: 'kb/qa.jsonl', message: expect.stringMatching(/^entries d-0 and d-1 ask the same question "退货运费谁出？" with different answers/u) as unknown });
    expect(problems.at(-1)?.message).toMatch(/^2 more entries ask a question an earlier entry asks/u);
    expect(duplicateQuestions([a, b], 'kb/qa.jsonl')).toEqual([]);
  });

  it('indexes entries whose source changed as they are and leaves out those whose source vanished', () => {
    const changed: Entry = { ...a, id: 'c', status: 'approved', stale: 'source-changed' };
    const missing: Entry = { ...a, id: 'm', status: 'approved', stale: 'source-missing' };
    const rejectedMissing: Entry = { ...missing, id: 'r', status: 'rejected' };
    const picked = entriesToIndex([a, b, changed, missing, rejectedMissing]);
    expect(picked.entries.map((e) => e.id)).toEqual(['b-2', 'a-1', 'c']);
    expect(picked.sourceChanged).toEqual(['c']);
    expect(picked.leftOut).toEqual({ rejected: 1, pending: 0, noAnswer: [], answerLost: [], sourceMissing: ['m'] });
  });

  it('tells entries that lost their answer (a FAQ row, a section, an answer an editor rewrote) from drafts with none yet', () => {
    const emptied: Entry = { ...b, id: 'K1021', answer: '', edited: true, editedFields: ['answer'] };
    const section: Entry = { ...a, id: 's-1', answer: ' ' };
    const draft: Entry = { id: 'gap-1', question: '敏感肌能用吗', similar: [], answer: '', origin: 'manual', status: 'pending' };
    const cleared: Entry = { ...draft, id: 'manual-1', edited: true, editedFields: ['answer'] };
    const picked = entriesToIndex([emptied, section, draft, cleared]);
    expect(picked.entries).toEqual([]);
    // before: all four were "drafts with no answer yet"
    expect(picked.leftOut).toMatchObject({ noAnswer: ['gap-1'], answerLost: ['K1021', 's-1', 'manual-1'] });
  });
});

describe('emptiesLiveAnswer', () => {
  it('is an edit that takes the answer of an entry kb build indexes, unless the edit rejects it', () => {
    const faq: Entry = { ...b, answer: '3–5 days.' };
    expect(emptiesLiveAnswer(faq, { ...faq, answer: '' })).toBe(true);
    expect(emptiesLiveAnswer(a, { ...a, answer: '  ' })).toBe(true);
    expect(emptiesLiveAnswer(faq, { ...faq, answer: '', status: 'rejected' })).toBe(false);
    expect(emptiesLiveAnswer({ ...faq, status: 'rejected' }, { ...faq, answer: '', status: 'rejected' })).toBe(false);
    // a rejected entry brought back with its answer emptied would answer nothing
    expect(emptiesLiveAnswer({ ...faq, status: 'rejected' }, { ...faq, answer: '', status: 'approved' })).toBe(true);
    expect(emptiesLiveAnswer(faq, { ...faq, answer: '4 days.' })).toBe(false);
    // a draft that had no answer yet loses none
    const draft: Entry = { id: 'gap-1', question: 'q', similar: [], answer: '', origin: 'manual', status: 'pending' };
    expect(emptiesLiveAnswer(draft, { ...draft, status: 'approved' })).toBe(false);
  });
});
