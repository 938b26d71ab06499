// A traditional store's first question edit, g or / loads OpenCC's tables (about a second):
// kb review loads them soon after start (warmVariants), so the editor's key does not hang.
// Its own test file: vitest gives each file fresh modules, so no other test loaded the tables first.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { initialState, reviewReducer, type KeyInfo, type ReviewState } from './reducer.js';
import { warmVariants } from './variants.js';

const key = (input: string, k: KeyInfo = {}) => ({ type: 'key', input, key: k }) as const;
const press = (state: ReviewState, ...actions: ({ type: 'key'; input: string; key: KeyInfo } | string)[]): ReviewState =>
  actions.reduce<ReviewState>((s, a) => reviewReducer(s, typeof a === 'string' ? key(a) : a), state);

const hongKong: Entry = {
  id: 's-hk',
  question: '保養範圍是什麼？',
  similar: ['保養範圍有什麼規定？', '產品保養條款 / 保養範圍', '請問保養範圍是什麼？'],
  answer: '保養只包括正常使用下出現的零件及製造問題。人為損壞、入水、自行拆機或使用非原廠配件引致的損壞，不在保養範圍內。',
  origin: 'generated',
  status: 'pending',
  source: { path: 'sources/warranty.docx', headingPath: ['產品保養條款', '保養範圍'] },
};

describe('warmVariants', () => {
  it('does the slow part of a traditional store’s first question edit before the editor presses a key', () => {
    const started = performance.now();
    warmVariants([hongKong]);
    const warming = performance.now() - started;
    const before = performance.now();
    const s = press(initialState([hongKong]), 'e', key('u', { ctrl: true }), ...'保養包括啲咩？'.split(''), key('', { return: true }));
    const saving = performance.now() - before;
    expect(s.entries[0]?.similar).not.toContain('請問保養範圍是什麼？');
    // the tables took most of a second to load; the edit after them takes a few milliseconds
    expect(saving).toBeLessThan(Math.max(150, warming / 3));
  });

  it('does nothing for a simplified store', () => {
    const started = performance.now();
    warmVariants([{ ...hongKong, question: '保修范围是什么？', similar: [], answer: '保修只包括正常使用下出现的问题。' }]);
    expect(performance.now() - started).toBeLessThan(300);
  });
});
