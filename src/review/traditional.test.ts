// kb review on a traditional Chinese store (a Hong Kong shop): what g writes and what a rewritten
// question drops are in the entry's own script, as kb generate writes them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEntries } from '../generate/index.js';
import { ingestPaths } from '../ingest/index.js';
import type { Entry } from '../store/entry.js';
import { tempDir } from '../test-support/kb.js';
import { initialState, mergeCandidates, reviewReducer, visibleEntries, type KeyInfo, type ReviewState } from './reducer.js';

const key = (input: string, k: KeyInfo = {}) => ({ type: 'key', input, key: k }) as const;
const ENTER = key('', { return: true });
const CLEAR = key('u', { ctrl: true });

function press(state: ReviewState, ...actions: ({ type: 'key'; input: string; key: KeyInfo } | string)[]): ReviewState {
  return actions.reduce<ReviewState>((s, a) => reviewReducer(s, typeof a === 'string' ? key(a) : a), state);
}

/** Simplified characters of the rules' own words (请问, 我想问一下, 是什么, 需要多长时间, 怎么 …). */
const SIMPLIFIED = /[请问么长时间谁规吗办钱权务这们为样够内后须关]/u;

const WARRANTY = [
  '# 產品保養條款',
  '',
  '## 保養範圍',
  '',
  '保養只包括正常使用下出現的零件及製造問題。人為損壞、入水、自行拆機或使用非原廠配件引致的損壞，不在保養範圍內。',
  '',
  '## 保養期',
  '',
  '所有產品均享有12個月原廠保養，由送貨日起計。手機及平板電腦的電池保養期為6個月。',
  '',
].join('\n');

async function hongKongEntries(): Promise<Entry[]> {
  const dir = tempDir();
  try {
    writeFileSync(join(dir.path, 'warranty.md'), WARRANTY);
    const run = await ingestPaths([dir.path]);
    return generateEntries(run.documents, { similar: 5 }).entries;
  } finally {
    dir.remove();
  }
}

describe('kb review on a traditional Chinese store', () => {
  it('g writes similar questions in the entry’s script, and a rewritten question drops the paraphrases kb generate wrote', async () => {
    const entries = await hongKongEntries();
    const scope = entries.find((e) => e.source?.headingPath.at(-1) === '保養範圍');
    // (a scope asks which cases since 2026-11-27: it was 保養範圍是什麼？)
    expect(scope?.question).toBe('哪些情況在保養範圍內？');
    expect(scope?.similar).toContain('請問哪些情況在保養範圍內？');
    if (scope === undefined) throw new Error('no 保養範圍 entry');
    let s = initialState([scope]);
    // a Cantonese rewrite: kb generate's paraphrases of 哪些情況在保養範圍內？ ask the old question
    s = press(s, 'e', CLEAR, ...'保養包括啲咩？'.split(''), ENTER);
    const edited = s.entries.find((e) => e.id === scope?.id);
    expect(edited?.question).toBe('保養包括啲咩？');
    expect(edited?.similar).not.toContain('請問哪些情況在保養範圍內？');
    expect(edited?.similar).toContain('產品保養條款 / 保養範圍');
    expect(s.message).toMatch(/edited the question, dropped \d+ similar questions? of the old one kb made/u);
    // g: variants of the new wording, in traditional characters (was 请问保養包括啲咩？ and 我想问一下，保養包括啲咩)
    s = press(s, 'g');
    const regenerated = s.entries.find((e) => e.id === scope?.id)?.similar ?? [];
    expect(regenerated).toContain('請問保養包括啲咩？');
    for (const q of regenerated) expect(q, q).not.toMatch(SIMPLIFIED);
  });

  it('g on a Cantonese question writes what kb generate would (如何申請退貨？ for 點樣申請退貨？)', () => {
    const entry: Entry = {
      id: 's-hk',
      question: '點樣申請退貨？',
      similar: [],
      answer: '請登入帳戶，於「我的訂單」按「申請退貨」，填寫原因並上載相片。',
      origin: 'generated',
      status: 'pending',
      source: { path: 'sources/退貨政策.md', headingPath: ['退貨政策', '一、點樣申請退貨'] },
    };
    const similar = press(initialState([entry]), 'g').entries[0]?.similar ?? [];
    expect(similar).toContain('如何申請退貨？');
    for (const q of similar) expect(q, q).not.toMatch(SIMPLIFIED);
  });

  it('g on a simplified entry is as before', () => {
    const entry: Entry = { id: 's-1', question: '保修期多久？', similar: [], answer: '所有产品保修一年。', origin: 'generated', status: 'pending' };
    const s = press(initialState([entry]), 'g');
    const similar = s.entries[0]?.similar ?? [];
    expect(similar).toContain('请问保修期多久？');
  });

  it('/ finds an entry in either script: 退货 typed finds 退貨, 退貨 finds 退货 (the merge box too)', () => {
    const tw: Entry = { id: 's-tw', question: '如何退貨？', similar: [], answer: '請於會員中心點選「申請退貨」。', origin: 'generated', status: 'pending' };
    const cn: Entry = { id: 's-cn', question: '运费谁出？', similar: [], answer: '质量问题退货运费由商家承担。', origin: 'generated', status: 'pending' };
    const other: Entry = { id: 'K1', question: '發票怎麼開？', similar: [], answer: '一律開立電子發票。', origin: 'faq', status: 'approved' };
    const find = (text: string) => visibleEntries(press(initialState([tw, cn, other]), '/', ...text.split(''), ENTER)).map((e) => e.id);
    expect(find('退货')).toEqual(['s-cn', 's-tw']);
    expect(find('退貨')).toEqual(['s-cn', 's-tw']);
    expect(find('运费')).toEqual(['s-cn']);
    expect(find('發票')).toEqual(['K1']);
    expect(find('发票 电子')).toEqual(['K1']);
    expect(find('s-tw')).toEqual(['s-tw']);
    expect(mergeCandidates([tw, cn, other], 'gap-1', '发票').map((e) => e.id)).toEqual(['K1']);
  });
});
