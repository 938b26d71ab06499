// The review screen's reducer: every key an editor presses, replayed as plain data.
import { describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { mergeReload, type Change } from './changes.js';
import { listRows } from './layout.js';
import { initialState, mergeCandidates, progress, reviewReducer, selectedEntry, visibleEntries, type KeyInfo, type ReviewState } from './reducer.js';
import { DRAFTS_STORE, fixtureEntries } from '../test-support/review-fixture.js';

const key = (input: string, k: KeyInfo = {}) => ({ type: 'key', input, key: k }) as const;
const ENTER = key('', { return: true });
const ESC = key('', { escape: true });
const TAB = key('', { tab: true });
const SAVE = key('s', { ctrl: true });
const CLEAR = key('u', { ctrl: true });
const BACKSPACE = key('', { delete: true });

function press(state: ReviewState, ...actions: ({ type: 'key'; input: string; key: KeyInfo } | string)[]): ReviewState {
  return actions.reduce<ReviewState>((s, a) => reviewReducer(s, typeof a === 'string' ? key(a) : a), state);
}

function entry(state: ReviewState, id: string): Entry {
  const e = state.entries.find((x) => x.id === id);
  if (e === undefined) throw new Error(`no entry ${id}`);
  return e;
}

const start = (): ReviewState => initialState(fixtureEntries());

/** A generated entry whose similar questions end in its section's place (the heading-path line kb generate adds). */
const place = '小鹿空气炸锅KF-5L使用说明书 / 五、故障排除';
const fryer: Entry = {
  id: 's-fryer',
  question: '空气炸锅怎么用？',
  similar: ['故障排除是什么？', place],
  answer: '故障现象：冒白烟。可能原因：食材油脂过多。解决方法：倒出多余油脂。',
  origin: 'generated',
  status: 'pending',
  source: { path: 'sources/空气炸锅说明书.pdf', headingPath: ['小鹿空气炸锅KF-5L使用说明书', '五、故障排除'] },
};

describe('initial state and selectors', () => {
  it('selects the first entry that needs review, and counts progress', () => {
    const s = start();
    expect(s.entries.map((e) => e.id)).toEqual(['faq-free-shipping', 's-refund-time', 's-return-fee', 's-seven-day', 's-warranty-en', 's-xyz-noise']);
    expect(s.selected).toBe('s-refund-time');
    // approved and not stale: faq-free-shipping; rejected: s-xyz-noise; s-return-fee is approved but stale
    expect(progress(s.entries)).toEqual({ reviewed: 2, total: 6, pending: 3, stale: 1 });
  });

  it('filters by status, origin, staleness and words', () => {
    let s = press(start(), 'f');
    expect(s.filter.status).toBe('pending');
    expect(visibleEntries(s).map((e) => e.id)).toEqual(['s-refund-time', 's-seven-day', 's-warranty-en']);
    s = press(s, 'f');
    expect(visibleEntries(s).map((e) => e.id)).toEqual(['faq-free-shipping', 's-return-fee']);
    expect(s.selected).toBe('faq-free-shipping');
    s = press(s, 'f', 'f', 'o');
    expect(s.filter).toMatchObject({ status: 'all', origin: 'faq' });
    expect(visibleEntries(s).map((e) => e.id)).toEqual(['faq-free-shipping']);
    s = press(s, ESC);
    expect(visibleEntries(s)).toHaveLength(6);
    s = press(s, '!');
    expect(visibleEntries(s).map((e) => e.id)).toEqual(['s-return-fee']);
    s = press(s, '!', '/', ...'warranty'.split(''), ENTER);
    expect(s.filter.text).toBe('warranty');
    expect(visibleEntries(s).map((e) => e.id)).toEqual(['s-warranty-en']);
    expect(s.selected).toBe('s-warranty-en');
    // words are found in the answer and the source too, Chinese included
    s = press(s, '/', CLEAR, ...'二次销售'.split(''), ENTER);
    expect(visibleEntries(s).map((e) => e.id)).toEqual(['s-seven-day']);
    // Esc in the find box keeps the list, and says so (it said "edit cancelled": no entry was being edited)
    s = press(s, '/', CLEAR, ...'运费'.split(''), ESC);
    expect(s.message).toBe('find cancelled: the list is as it was');
    expect(s.filter.text).toBe('二次销售');
    expect(press(s, 'e', ESC).message).toBe('edit cancelled');
  });

  it('moves with arrows, j/k, Home and End, and reads keys typed together one by one', () => {
    let s = press(start(), key('', { downArrow: true }));
    expect(s.selected).toBe('s-return-fee');
    s = press(s, 'k', 'k', 'k');
    expect(s.selected).toBe('faq-free-shipping');
    s = press(s, key('', { end: true }));
    expect(s.selected).toBe('s-xyz-noise');
    s = press(s, key('', { home: true }), 'jj');
    expect(s.selected).toBe('s-return-fee');
    // control keys among them too: e, Ctrl-U, then typing and Enter
    s = press(s, 'e\u0015', key('新问题？\r'));
    expect(entry(s, 's-return-fee').question).toBe('新问题？');
  });
});

describe('decisions', () => {
  it('approves, records the change, saves (revision) and moves to the next entry', () => {
    const s = press(start(), 'a');
    expect(entry(s, 's-refund-time').status).toBe('approved');
    expect(s.selected).toBe('s-return-fee');
    expect(s.revision).toBe(1);
    expect(s.log).toHaveLength(1);
    expect(s.log[0]).toMatchObject({ id: 's-refund-time', label: 'approved' });
    expect(s.message).toBe('s-refund-time: approved');
  });

  it('a decision clears "source changed": the editor has seen the entry as its source is now', () => {
    const s = press(start(), 'j', 'r');
    expect(entry(s, 's-return-fee')).toMatchObject({ status: 'rejected' });
    expect(entry(s, 's-return-fee').stale).toBeUndefined();
  });

  it('approving clears "source changed"; rejecting and back to pending keep the rest', () => {
    let s = press(start(), 'j', 'a');
    expect(entry(s, 's-return-fee').stale).toBeUndefined();
    expect(entry(s, 's-return-fee').status).toBe('approved');
    s = press(s, 'r');
    expect(entry(s, 's-seven-day').status).toBe('rejected');
    s = press(s, 'k', 'p');
    expect(entry(s, 's-seven-day').status).toBe('pending');
  });

  it('refuses to approve an entry without an answer (a kb gaps draft nobody answered yet)', () => {
    const draft: Entry = { id: 'gap-1', question: '运费险怎么理赔', similar: [], answer: '', origin: 'manual', status: 'pending', tags: ['gap'] };
    let s = press(initialState([draft, ...fixtureEntries()]), 'a');
    expect(entry(s, 'gap-1').status).toBe('pending');
    expect(s.revision).toBe(0);
    expect(s.message).toBe('gap-1 has no answer, so it was not approved (a bot never sends an empty reply): write one with E, or reject it with r');
    s = press(s, 'E', ...'签收后申请理赔。'.split(''), SAVE, 'a');
    expect(entry(s, 'gap-1').status).toBe('approved');
  });

  it('approving an entry that is already approved changes nothing', () => {
    const s = press(start(), 'k', 'a');
    expect(s.revision).toBe(0);
    expect(s.message).toBe('faq-free-shipping is already approved');
  });

  it('with the pending filter, a decided entry leaves the list and the next one is selected', () => {
    const s = press(start(), 'f', 'a');
    expect(visibleEntries(s).map((e) => e.id)).toEqual(['s-seven-day', 's-warranty-en']);
    expect(s.selected).toBe('s-seven-day');
  });

  it('n goes to the next entry to review (pending or stale), wrapping around', () => {
    let s = press(start(), 'n');
    expect(s.selected).toBe('s-return-fee');
    s = press(s, 'n', 'n', 'n');
    expect(s.selected).toBe('s-refund-time');
  });

  it('after kb eval --suggest: S shows the entries with suggested questions, n reaches them though approved, and the list marks them ?', () => {
    const approvedWithSuggestions = fixtureEntries().map((e) => (e.id === 'faq-free-shipping' ? { ...e, suggested: ['运费多少钱'] } : e));
    let s = initialState(approvedWithSuggestions);
    s = press(s, 'S');
    expect(s.message).toBe('showing with suggestions (2)');
    expect(visibleEntries(s).map((e) => e.id)).toEqual(['faq-free-shipping', 's-refund-time']);
    // every entry decided: n still finds the approved ones with a suggestion
    const decided = approvedWithSuggestions.map((e): Entry => {
      const { stale: _, ...rest } = e;
      return { ...rest, status: 'approved' };
    });
    s = press(initialState(decided), key('', { home: true }), 'j', 'n');
    expect(s.selected).toBe('faq-free-shipping');
    s = press(s, 'n');
    expect(s.selected).toBe('s-refund-time');
    expect(listRows(visibleEntries(s), s.selected, 10, 30)[0]?.text).toMatch(/^\?运费怎么算？/);
  });
});

describe('editing', () => {
  it('edits the question: Ctrl-U clears, typing (Chinese too) inserts, Enter saves and marks the entry edited', () => {
    const s = press(start(), 'e');
    expect(s.mode).toMatchObject({ kind: 'edit', target: 'question', id: 's-refund-time' });
    const done = press(s, CLEAR, ...'退款几天能到'.split(''), key('？'), ENTER);
    expect(done.mode.kind).toBe('list');
    expect(entry(done, 's-refund-time')).toMatchObject({ question: '退款几天能到？', edited: true, editedFields: ['question'] });
    expect(done.revision).toBe(1);
    // only the question is the editor's: regeneration may still update the answer (docs/store.md)
    const both = press(done, 'E', key('', { end: true }), ENTER, ...'节假日顺延。'.split(''), SAVE);
    expect(entry(both, 's-refund-time').editedFields).toEqual(['question', 'answer']);
    // undo takes the mark back with the text
    expect(entry(press(both, 'u'), 's-refund-time').editedFields).toEqual(['question']);
  });

  it('moves the cursor by characters, deletes with Backspace (DEL) and refuses an empty question', () => {
    let s = press(start(), 'e', key('', { leftArrow: true }), BACKSPACE, '哪');
    expect(s.mode.kind === 'edit' && s.mode.buffer.text).toBe('退款多久到哪？');
    s = press(s, CLEAR, ENTER);
    expect(s.mode.kind).toBe('edit');
    expect(s.message).toMatch(/cannot be empty/);
    s = press(s, ESC);
    expect(s.mode.kind).toBe('list');
    expect(entry(s, 's-refund-time').question).toBe('退款多久到账？');
    expect(s.revision).toBe(0);
  });

  it('Ctrl-C in an edit box with changed text asks first, a second one quits; elsewhere it quits at once', () => {
    const CTRL_C = key('c', { ctrl: true });
    let s = press(start(), 'E', key('', { end: true }), ...'节假日顺延'.split(''), CTRL_C);
    expect(s.quit).toBe(false);
    expect(s.mode.kind).toBe('edit');
    expect(s.message).toBe('Ctrl-C again quits and throws away what you typed (Ctrl-S saves it, Esc cancels)');
    // another key first: the next Ctrl-C asks again, and the text is still there to save
    s = press(s, '。', CTRL_C);
    expect(s.quit).toBe(false);
    expect(press(s, SAVE).entries.find((e) => e.id === 's-refund-time')?.answer).toMatch(/节假日顺延。$/u);
    expect(press(s, CTRL_C).quit).toBe(true);
    // no change typed, or the list, try-it, the find box: quits at once
    expect(press(start(), 'E', CTRL_C).quit).toBe(true);
    expect(press(start(), CTRL_C).quit).toBe(true);
    expect(press(start(), 't', ...'退款'.split(''), CTRL_C).quit).toBe(true);
    expect(press(start(), '/', ...'退款'.split(''), CTRL_C).quit).toBe(true);
  });

  it('Esc in an edit box with changed text asks first; a second Esc discards it, and u brings it back', () => {
    let s = press(start(), 'E', key('', { end: true }), ...'节假日顺延'.split(''), ESC);
    expect(s.mode.kind).toBe('edit');
    expect(s.message).toBe('Esc again throws away what you typed (Ctrl-S saves it)');
    // another key first: the next Esc asks again
    s = press(s, '。', ESC);
    expect(s.mode.kind).toBe('edit');
    s = press(s, ESC);
    expect(s.mode.kind).toBe('list');
    expect(s.message).toBe('edit discarded (u brings it back)');
    expect(s.revision).toBe(0);
    s = press(s, 'u');
    expect(s.mode.kind === 'edit' && s.mode.buffer.text).toMatch(/工作日。节假日顺延。$/);
    expect(s.message).toMatch(/your discarded edit is back \(Ctrl-S saves it/);
    s = press(s, SAVE);
    expect(entry(s, 's-refund-time').answer).toMatch(/节假日顺延。$/);
    // text left as it was: Esc closes at once, and u undoes the last change as before
    s = press(s, 'e', ESC);
    expect(s.mode.kind).toBe('list');
    expect(press(s, 'u').message).toMatch(/undid “edited the answer”/);
  });

  it('an edit box open while kb generate rewrote that text on disk: told, shown the new text, and saving asks before it goes over it', () => {
    let s = press(start(), 'E', key('', { end: true }), '！');
    const disk = fixtureEntries().map((e) => (e.id === 's-refund-time' ? { ...e, answer: '商家确认收货后1个工作日内退款。', sourceHash: 'ffffeeeeddddcccc' } : e));
    s = reviewReducer(s, { type: 'reloaded', entries: disk });
    expect(s.mode).toMatchObject({ kind: 'edit', disk: '商家确认收货后1个工作日内退款。' });
    expect(s.message).toMatch(/^the answer of s-refund-time changed on disk while you edit it/);
    s = press(s, SAVE);
    expect(s.mode.kind).toBe('edit');
    expect(s.message).toMatch(/Ctrl-S again puts yours over it/);
    expect(entry(s, 's-refund-time').answer).toBe('商家确认收货后1个工作日内退款。');
    s = press(s, SAVE);
    expect(s.mode.kind).toBe('list');
    expect(entry(s, 's-refund-time').answer).toMatch(/1至5个工作日。！$/);
    // another entry changing on disk says nothing to the open edit
    let t = press(start(), 'E');
    t = reviewReducer(t, { type: 'reloaded', entries: fixtureEntries().map((e) => (e.id === 's-seven-day' ? { ...e, answer: '改了' } : e)) });
    expect(t.mode.kind === 'edit' && t.mode.disk).toBeUndefined();
  });

  it('an edit box open on an entry kb generate gave a new id (its heading renamed): the box follows it, asks before going over a changed text, and saves there', () => {
    const policy = '自签收之日起7天内，商品完好的，可申请无理由退货。';
    const a1: Entry = { id: 's-00000000000000a1', question: '七天无理由退货是什么？', similar: [], answer: policy, origin: 'generated', status: 'approved', source: { path: 'policy.md', headingPath: ['退换货政策', '一、七天无理由退货'] }, sourceHash: 'h1' };
    const b1: Entry = { ...a1, id: 's-00000000000000b1', question: '三十天无理由退货是什么？', source: { path: 'policy.md', headingPath: ['退换货政策', '一、三十天无理由退货'] }, sourceHash: 'h2', stale: 'source-changed' };
    let s = press(initialState([a1]), 'E', key('', { end: true }), ...'节假日顺延。'.split(''));
    s = reviewReducer(s, { type: 'reloaded', entries: [b1] });
    expect(s.mode).toMatchObject({ kind: 'edit', id: b1.id, buffer: { text: `${policy}节假日顺延。` } });
    expect(s.mode.kind === 'edit' && s.mode.disk).toBeUndefined();
    expect(s.selected).toBe(b1.id);
    expect(s.message).toMatch(/^s-00000000000000a1 is s-00000000000000b1 on disk now \(kb generate: its section was renamed/);
    s = press(s, SAVE);
    expect(s.mode.kind).toBe('list');
    expect(entry(s, b1.id).answer).toBe(`${policy}节假日顺延。`);
    // the answer there changed with the rename: shown, and saving asks first
    let t = press(initialState([a1]), 'E', key('', { end: true }), '！');
    t = reviewReducer(t, { type: 'reloaded', entries: [{ ...b1, answer: policy.replace('7天', '30天') }] });
    expect(t.mode).toMatchObject({ kind: 'edit', id: b1.id, disk: policy.replace('7天', '30天') });
    t = press(t, SAVE);
    expect(t.message).toMatch(/Ctrl-S again puts yours over it/);
    expect(entry(press(t, SAVE), b1.id).answer).toBe(`${policy}！`);
  });

  it('an edit box open on an entry that vanished from disk keeps the text: saving says so and stays open, Esc puts it aside, u opens it on the entry selected', () => {
    let s = press(start(), 'E', key('', { end: true }), ...'节假日顺延。'.split(''));
    const typed = s.mode.kind === 'edit' ? s.mode.buffer.text : '';
    s = reviewReducer(s, { type: 'reloaded', entries: fixtureEntries().filter((e) => e.id !== 's-refund-time') });
    expect(s.mode).toMatchObject({ kind: 'edit', id: 's-refund-time', buffer: { text: typed } });
    expect(s.message).toMatch(/^s-refund-time is gone from the store on disk/);
    s = press(s, SAVE);
    expect(s.mode).toMatchObject({ kind: 'edit', buffer: { text: typed } });
    expect(s.message).toMatch(/so your text was not saved: it stays in this box/);
    s = press(s, ESC, ESC);
    expect(s.mode.kind).toBe('list');
    expect(s.message).toMatch(/^your text is put aside \(s-refund-time is gone from the store\)/);
    const other = s.selected ?? '';
    expect(other).not.toBe('');
    s = press(s, 'u');
    expect(s.mode).toMatchObject({ kind: 'edit', id: other, buffer: { text: typed } });
    expect(s.message).toMatch(/^your text from s-refund-time \(gone from the store\) is open on /);
    s = press(s, SAVE);
    expect(entry(s, other).answer).toBe(typed);
  });

  it('saving a text unchanged changes nothing (the entry is not marked edited)', () => {
    const s = press(start(), 'e', ENTER, 'E', SAVE);
    expect(s.revision).toBe(0);
    expect(s.message).toBe('answer unchanged');
    expect(entry(s, 's-refund-time').edited).toBeUndefined();
  });

  it('edits a multi-line answer: Enter is a new line, Ctrl-S saves', () => {
    const s = press(start(), 'E', key('', { end: true }), ENTER, ...'节假日顺延。'.split(''), SAVE);
    expect(entry(s, 's-refund-time').answer).toBe('商家确认收货后3个工作日内退款。\n原路退回，银行卡到账另需1至5个工作日。\n节假日顺延。');
    expect(entry(s, 's-refund-time').edited).toBe(true);
  });

  it('a paste arrives as one input and is inserted whole; in a one-line box a line break in it is Enter', () => {
    let s = press(start(), 'E', key('', { end: true }), key('\r节假日\r顺延'), SAVE);
    expect(entry(s, 's-refund-time').answer).toMatch(/工作日。\n节假日\n顺延$/);
    s = press(s, 'e', CLEAR, key('退款到账要几天\r'));
    expect(s.mode.kind).toBe('list');
    expect(entry(s, 's-refund-time').question).toBe('退款到账要几天');
  });

  it('adds a similar question, refusing one the entry already has', () => {
    let s = press(start(), 's', ...'退款到账时间'.split(''), ENTER);
    expect(entry(s, 's-refund-time').similar).toEqual(['退款几天到账', '钱什么时候退回来', '退款到账时间']);
    // an added question is the editor's; the generated ones still follow the source (docs/store.md)
    expect(entry(s, 's-refund-time')).toMatchObject({ addedSimilar: ['退款到账时间'] });
    expect(entry(s, 's-refund-time').editedFields).toBeUndefined();
    s = press(s, 's', ...'退款几天到账！'.split(''), ENTER);
    expect(s.message).toMatch(/already one of this entry's questions/);
    expect(entry(s, 's-refund-time').similar).toHaveLength(3);
  });

  it('Tab selects a similar question and d deletes it; on a suggestion d dismisses it', () => {
    let s = press(start(), TAB, TAB);
    expect(s.item).toBe(1);
    s = press(s, 'd');
    expect(entry(s, 's-refund-time').similar).toEqual(['退款几天到账']);
    // the selection stays in place: on the next item, here the first suggestion
    expect(s.item).toBe(1);
    s = press(s, 'd');
    expect(entry(s, 's-refund-time').suggested).toEqual(['钱多久能退给我']);
    expect(entry(s, 's-refund-time').similar).toEqual(['退款几天到账']);
  });

  it('y accepts the selected suggested question (or the first) into the similar questions', () => {
    let s = press(start(), key('', { tab: true, shift: true }), 'y');
    expect(entry(s, 's-refund-time').similar).toEqual(['退款几天到账', '钱什么时候退回来', '钱多久能退给我']);
    expect(entry(s, 's-refund-time').suggested).toEqual(['退款怎么还没到']);
    s = press(s, key('', { escape: true }), 'y');
    expect(entry(s, 's-refund-time').similar).toContain('退款怎么还没到');
    expect(entry(s, 's-refund-time').suggested).toBeUndefined();
    s = press(s, 'y');
    expect(s.message).toBe('this entry has no suggested questions');
    // accepted questions are the editor's; the generated list is not frozen by them
    expect(entry(s, 's-refund-time')).toMatchObject({ addedSimilar: ['钱多久能退给我', '退款怎么还没到'] });
    expect(entry(s, 's-refund-time').editedFields).toBeUndefined();
  });

  it('deleting an added similar question keeps the list the source’s; deleting a generated one makes it the editor’s', () => {
    let s = press(start(), 's', ...'退款到账时间'.split(''), ENTER);
    // the added question stays selected
    s = press(s, 'd');
    expect(entry(s, 's-refund-time').similar).toEqual(['退款几天到账', '钱什么时候退回来']);
    expect(entry(s, 's-refund-time').addedSimilar).toBeUndefined();
    expect(entry(s, 's-refund-time').editedFields).toBeUndefined();
    s = press(s, ESC, TAB, 'd');
    expect(entry(s, 's-refund-time')).toMatchObject({ similar: ['钱什么时候退回来'], editedFields: ['similar'] });
  });

  it('g regenerates the similar questions from the question', () => {
    const s = press(start(), 'n', 'n', 'g');
    expect(s.selected).toBe('s-seven-day');
    const similar = entry(s, 's-seven-day').similar;
    expect(similar.length).toBeGreaterThanOrEqual(1);
    expect(similar.length).toBeLessThanOrEqual(5);
    expect(similar).not.toContain('七天无理由退货的条件是什么？');
    expect(s.message).toMatch(/regenerated \d similar questions/);
  });

  it('d on the section’s place line asks first: d twice in a row no longer deletes it unseen', () => {
    // the first d deletes the question; the selection moves onto the place line, and the second d asks
    let s = press(initialState([fryer]), TAB, 'd', 'd');
    expect(entry(s, 's-fryer').similar).toEqual([place]);
    expect(s.message).toBe('this is the section’s place (it helps questions naming the section find it): d again deletes it');
    // another key in between: asked again
    s = press(s, 'j', 'd');
    expect(entry(s, 's-fryer').similar).toEqual([place]);
    s = press(s, 'd');
    expect(entry(s, 's-fryer').similar).toEqual([]);
  });

  it('Enter in the list opens the selected entry whole', () => {
    const s = press(start(), ENTER);
    expect(s.mode).toEqual({ kind: 'view', offset: 0 });
    expect(press(s, ESC).mode.kind).toBe('list');
  });

  it('g keeps the section’s place and proposes no bare product name (空气炸锅怎么用？ → 空气炸锅)', () => {
    const s = press(initialState([fryer]), 'g');
    const similar = entry(s, 's-fryer').similar;
    expect(similar).toContain(place);
    expect(similar.filter((q) => q === place)).toHaveLength(1);
    expect(similar).not.toContain('空气炸锅');
    expect(similar.length).toBeGreaterThan(1);
    expect(s.message).toMatch(/regenerated \d similar questions, kept the section’s place/);
  });

  it('a question edit drops the similar questions kb made from the old question, keeps the others, and offers g', () => {
    // user test 7: 系统将短信提醒需要多长时间？ rewritten as 积分有效期多久？会清零吗？ kept four paraphrases of the old question
    const reminder: Entry = {
      id: 's-points',
      question: '系统将短信提醒需要多长时间？',
      similar: [
        '会员积分规则 / XX旗舰店会员积分规则 / 第四章 积分有效期 / 第十条',
        '系统将短信提醒需要多久？',
        '请问系统将短信提醒需要多长时间？',
        '系统将短信提醒需要几天？',
        '积分有效期是什么？',
        '积分会过期吗',
      ],
      addedSimilar: ['积分会过期吗'],
      answer: '积分有效期为获得之日起至次年12月31日，到期未使用的积分将自动清零，清零前30天系统将短信提醒。',
      origin: 'generated',
      status: 'pending',
      source: { path: 'sources/会员积分规则.pdf', headingPath: ['XX旗舰店会员积分规则', '第四章 积分有效期', '第十条'] },
    };
    const question = '积分有效期多久？会清零吗？';
    let s = press(initialState([reminder]), 'e', CLEAR, ...question.split(''), ENTER);
    // the section's place, the rules' other question (the heading's) and the editor's stay
    expect(entry(s, 's-points')).toMatchObject({
      question,
      similar: ['会员积分规则 / XX旗舰店会员积分规则 / 第四章 积分有效期 / 第十条', '积分有效期是什么？', '积分会过期吗'],
      addedSimilar: ['积分会过期吗'],
      editedFields: ['question'],
    });
    expect(s.message).toBe('s-points: edited the question, dropped 3 similar questions of the old one kb made (g makes new ones from this question, u undoes)');
    s = press(s, 'g');
    expect(entry(s, 's-points').similar.some((q) => q.includes('积分有效期多久'))).toBe(true);
    // u brings the question and its similar questions back together
    s = press(s, 'u', 'u');
    expect(entry(s, 's-points')).toMatchObject({ question: reminder.question, similar: reminder.similar });
    // a list the editor made theirs, and a FAQ row's questions (the team's), are left as they are
    for (const own of [{ ...reminder, editedFields: ['similar' as const], edited: true }, { ...reminder, origin: 'faq' as const }]) {
      const after = press(initialState([own]), 'e', CLEAR, ...question.split(''), ENTER);
      expect(entry(after, 's-points').similar).toEqual(reminder.similar);
    }
  });

  it('lists kb gaps drafts most asked first, not by their hashed ids', () => {
    // user test 7: the 24 drafts came in id order (gap-0857… asked twice first, gap-d2f2… asked 9 times last)
    const s = initialState(fixtureEntries(DRAFTS_STORE));
    expect(s.entries.map((e) => e.id)).toEqual(['K1003', 'K1041', 'gap-0857c6172a', 'gap-24608ec8ca', 'gap-39c74b7dd5', 'gap-d2f2735131']);
    expect(visibleEntries(s).map((e) => e.id)).toEqual(['K1003', 'K1041', 'gap-d2f2735131', 'gap-39c74b7dd5', 'gap-24608ec8ca', 'gap-0857c6172a']);
    expect(s.selected).toBe('gap-d2f2735131');
    expect(press(s, 'j').selected).toBe('gap-39c74b7dd5');
  });

  it('m merges a draft into an entry found by its words: the questions move, the entry is pending again, the draft rejected; u undoes both', () => {
    let s = press(initialState(fixtureEntries(DRAFTS_STORE)), 'j', 'm');
    // the box opens on the nearest entry kb gaps named in the draft's notes
    expect(s.mode).toMatchObject({ kind: 'merge', id: 'gap-39c74b7dd5', buffer: { text: 'K1003' } });
    expect(mergeCandidates(s.entries, 'gap-39c74b7dd5', '运费险').map((e) => e.id)).toEqual(['K1003']);
    // typing replaces the id; an unanswered draft is never a place to merge into
    s = press(s, ...'定金'.split(''));
    expect(mergeCandidates(s.entries, 'gap-39c74b7dd5', '定金').map((e) => e.id)).toEqual(['K1041']);
    s = press(s, CLEAR, ...'运费险'.split(''), ENTER);
    expect(s.mode.kind).toBe('list');
    const before = fixtureEntries(DRAFTS_STORE);
    expect(entry(s, 'K1003')).toMatchObject({
      status: 'pending',
      similar: ['运费险多久到账', '运费险赔多少', '运费险怎么用', '运费险怎么没赔', '运费险退了没到账', '运费险怎么没有', '运费险怎么才赔6块'],
      addedSimilar: ['运费险怎么没赔', '运费险退了没到账', '运费险怎么没有', '运费险怎么才赔6块'],
    });
    expect(entry(s, 'gap-39c74b7dd5').status).toBe('rejected');
    expect(entry(s, 'gap-39c74b7dd5').notes).toMatch(/^merged into K1003 \(kb review\)/);
    expect(s.selected).toBe('K1003');
    expect(s.message).toBe('gap-39c74b7dd5 merged: 4 similar questions added to K1003, back to pending for review; the draft is rejected (u undoes)');
    // one save holds both entries; one u takes both back
    expect(s.revision).toBe(2);
    s = press(s, 'u');
    expect(s.entries).toEqual(before);
    expect(s.undo).toHaveLength(0);
    // a question the entry has already is not added twice; Esc cancels; m on an entry that is no draft says so
    const again = press(initialState(fixtureEntries(DRAFTS_STORE)), 'm', CLEAR, ...'K1041'.split(''), ENTER);
    expect(entry(again, 'K1041').similar).toEqual(['定金能退吗', '付了定金不想要了', '不想付尾款了', '定金膨胀多少', '付定金能膨胀吗', '定金膨胀是多少倍']);
    expect(press(initialState(fixtureEntries(DRAFTS_STORE)), 'm', ESC).message).toBe('merge cancelled');
    expect(press(initialState(fixtureEntries(DRAFTS_STORE)), 'k', 'k', 'm').message).toMatch(/^m merges a kb gaps draft/);
  });

  it('u undoes the last change, then the one before, and shows the entry', () => {
    let s = press(start(), 'a', 'e', CLEAR, ...'新问题'.split(''), ENTER);
    expect(entry(s, 's-return-fee').question).toBe('新问题');
    s = press(s, 'u');
    expect(entry(s, 's-return-fee')).toMatchObject({ question: '退货运费由谁承担？' });
    expect(entry(s, 's-return-fee').edited).toBeUndefined();
    s = press(s, 'u');
    expect(entry(s, 's-refund-time').status).toBe('pending');
    expect(s.selected).toBe('s-refund-time');
    expect(s.revision).toBe(4);
    s = press(s, 'u');
    expect(s.message).toBe('nothing to undo');
    // the log keeps every step, undos included, for a reload
    expect(s.log.map((c) => c.label)).toEqual(['approved', 'edited the question', 'undid: edited the question', 'undid: approved']);
  });

  it('v shows the whole entry and scrolls it; Esc goes back', () => {
    let s = press(start(), 'v');
    expect(s.mode).toEqual({ kind: 'view', offset: 0 });
    s = press(s, key('', { downArrow: true }), 'j', key('', { pageDown: true }));
    expect(s.mode).toEqual({ kind: 'view', offset: 2 + s.pageSize });
    s = reviewReducer(s, { type: 'view-max', max: 3 });
    expect(s.mode).toEqual({ kind: 'view', offset: 3 });
    s = press(s, key('', { home: true }));
    expect(s.mode).toEqual({ kind: 'view', offset: 0 });
    expect(press(s, ESC).mode.kind).toBe('list');
  });

  it('try it: the entry\'s question comes selected, typing replaces it, a cursor key keeps it', () => {
    const opened = press(start(), 't');
    const buffer = (m: ReturnType<typeof start>['mode']) => (m.kind === 'try' ? m.buffer : undefined);
    expect(buffer(opened.mode)).toMatchObject({ text: '退款多久到账？', selected: true });
    expect(buffer(press(opened, '退').mode)).toMatchObject({ text: '退', cursor: 1 });
    expect(buffer(press(opened, '退').mode)?.selected).toBeUndefined();
    const kept = press(opened, key('', { leftArrow: true }));
    expect(buffer(kept.mode)).toMatchObject({ text: '退款多久到账？', cursor: 6 });
    expect(buffer(press(kept, '吗').mode)?.text).toBe('退款多久到账吗？');
    expect(buffer(press(opened, key('', { backspace: true })).mode)?.text).toBe('');
  });

  it('reads Esc and a key typed right after it (one sequence, Alt+key) as Esc, then the key', () => {
    const s = press(start(), 't', key('q', { meta: true }));
    expect(s.mode.kind).toBe('list');
    expect(s.quit).toBe(true);
  });

  it('? shows help, any key goes back; q quits', () => {
    let s = press(start(), '?');
    expect(s.mode.kind).toBe('help');
    s = press(s, 'x');
    expect(s.mode.kind).toBe('list');
    expect(press(s, 'q').quit).toBe(true);
    expect(press(start(), 't').mode).toMatchObject({ kind: 'try' });
  });
});

describe('reload: the store changed on disk', () => {
  const base = (): Entry[] => fixtureEntries();

  it('applies the editor\'s changes again when the writer had not seen them', () => {
    const s = press(start(), 'a', 'e', CLEAR, ...'退货运费谁来出？'.split(''), ENTER);
    // kb generate read the store before those changes and wrote a new entry besides
    const disk = [...base(), { id: 's-new', question: '新条目？', similar: [], answer: '新。', origin: 'generated', status: 'pending' } as Entry];
    const r = reviewReducer(s, { type: 'reloaded', entries: disk });
    expect(r.entries).toHaveLength(7);
    expect(entry(r, 's-refund-time').status).toBe('approved');
    expect(entry(r, 's-return-fee')).toMatchObject({ question: '退货运费谁来出？', edited: true });
    expect(r.revision).toBeGreaterThan(s.revision);
    expect(r.message).toMatch(/store changed on disk, reloaded \(7 entries\); 2 of your changes re-applied$/);
  });

  it('a colleague rewrote another entry: the editor\'s changes are on disk already, nothing is re-applied or saved', () => {
    // approve, edit a question twice, approve and undo, edit the answer: all saved, then a colleague
    // (who read the store after those saves) rewrites a different entry
    let s = press(start(), 'a', 'e', CLEAR, ...'退货运费谁来出？'.split(''), ENTER, 'e', CLEAR, ...'退货运费谁出？'.split(''), ENTER);
    s = press(s, 'j', 'a', 'u', 'E', key('', { end: true }), ...'节假日顺延。'.split(''), SAVE);
    expect(s.log.length).toBeGreaterThanOrEqual(5);
    const disk = s.entries.map((e) => (e.id === 's-warranty-en' ? { ...e, answer: 'Rewritten by a colleague.' } : e));
    expect(disk).not.toEqual(s.entries);
    const r = reviewReducer(s, { type: 'reloaded', entries: disk });
    expect(r.message).toBe(`store changed on disk, reloaded (${disk.length} entries)`);
    expect(r.entries).toEqual(disk);
    expect(r.revision).toBe(s.revision);
  });

  it('counts a field the editor changed twice, or changed and undid, once', () => {
    let s = press(start(), 'e', CLEAR, ...'第一版？'.split(''), ENTER, 'e', CLEAR, ...'第二版？'.split(''), ENTER);
    s = press(s, 'j', 'a', 'u', 'a');
    // the writer read the store before any of it and wrote it back as it was
    const r = reviewReducer(s, { type: 'reloaded', entries: fixtureEntries() });
    expect(entry(r, s.log[0]?.id ?? '')).toMatchObject({ question: '第二版？', edited: true });
    // the question (edited twice), its similar question 退货运费谁出 (made from the first wording, dropped with it) and the status
    expect(r.message).toBe(`store changed on disk, reloaded (${r.entries.length} entries); 3 of your changes re-applied`);
    expect(r.revision).toBeGreaterThan(s.revision);
  });

  it('keeps what the writer saw and what somebody else changed since', () => {
    const s = press(start(), 'a');
    const disk = base().map((e) => (e.id === 's-refund-time' ? { ...e, status: 'rejected' as const } : e));
    const r = reviewReducer(s, { type: 'reloaded', entries: disk });
    expect(entry(r, 's-refund-time').status).toBe('rejected');
    expect(r.message).toMatch(/1 changed there since: kept/);
    expect(r.revision).toBe(s.revision);
  });

  it('does not replay a decision on an entry whose source changed since, but keeps text edits', () => {
    const log: Change[] = [];
    const before = base().find((e) => e.id === 's-seven-day') as Entry;
    log.push({ id: before.id, before, after: { ...before, status: 'approved', question: '七天无理由退货需要什么条件？', edited: true }, label: 'x' });
    const disk = base().map((e) => (e.id === 's-seven-day' ? { ...e, sourceHash: 'changed0changed0', stale: 'source-changed' as const } : e));
    const merged = mergeReload(disk, log);
    const e = merged.entries.find((x) => x.id === 's-seven-day') as Entry;
    expect(e).toMatchObject({ status: 'pending', stale: 'source-changed', question: '七天无理由退货需要什么条件？', edited: true });
    expect(merged.conflicts).toBe(1);
  });

  it('on a reload, the texts another writer marked edited and the ones the editor did add up', () => {
    const before = base().find((e) => e.id === 's-seven-day') as Entry;
    const log: Change[] = [{ id: before.id, before, after: { ...before, question: '七天无理由退货要什么条件？', edited: true, editedFields: ['question'] }, label: 'x' }];
    const disk = base().map((e) => (e.id === 's-seven-day' ? { ...e, answer: '别人改的答案', edited: true, editedFields: ['answer' as const] } : e));
    const e = mergeReload(disk, log).entries.find((x) => x.id === 's-seven-day') as Entry;
    expect(e).toMatchObject({ question: '七天无理由退货要什么条件？', answer: '别人改的答案', edited: true, editedFields: ['question', 'answer'] });
  });

  it('keeps an entry the editor changed that is gone from the disk version', () => {
    const s = press(start(), 'a');
    const r = reviewReducer(s, { type: 'reloaded', entries: base().filter((e) => e.id !== 's-refund-time') });
    expect(entry(r, 's-refund-time').status).toBe('approved');
    expect(r.message).toMatch(/1 gone there: yours kept/);
  });

  it('an entry the editor changed that kb generate gave a new id (its heading renamed): the changes follow it, the old id does not come back', () => {
    const policy = '自签收之日起7天内，商品完好的，可申请无理由退货。';
    const a1: Entry = { id: 's-00000000000000a1', question: '七天无理由退货是什么？', similar: [], answer: policy, origin: 'generated', status: 'pending', source: { path: 'policy.md', headingPath: ['退换货政策', '一、七天无理由退货'] }, sourceHash: 'h1' };
    const b1: Entry = { ...a1, id: 's-00000000000000b1', question: '三十天无理由退货是什么？', source: { path: 'policy.md', headingPath: ['退换货政策', '一、三十天无理由退货'] }, sourceHash: 'h2' };
    // the editor added a similar question; kb generate read the store before that save
    let s = press(initialState([a1]), 's', ...'不想要了能退吗'.split(''), ENTER);
    expect(entry(s, a1.id).similar).toEqual(['不想要了能退吗']);
    const r = reviewReducer(s, { type: 'reloaded', entries: [b1] });
    expect(r.entries.map((e) => e.id)).toEqual([b1.id]);
    expect(entry(r, b1.id).similar).toEqual(['不想要了能退吗']);
    expect(r.selected).toBe(b1.id);
    expect(r.message).toMatch(/; 1 you changed has a new id there \(section renamed or file moved\): your changes follow it; 1 of your changes re-applied$/);
    expect(r.revision).toBeGreaterThan(s.revision);
    // a later reload finds it again, and u undoes it on the new id
    s = reviewReducer(r, { type: 'reloaded', entries: r.entries });
    expect(s.entries.map((e) => e.id)).toEqual([b1.id]);
    expect(entry(press(s, 'u'), b1.id).similar).toEqual([]);
  });

  it('an unchanged log replays nothing and keeps the selection', () => {
    const s = press(start(), 'j');
    const r = reviewReducer(s, { type: 'reloaded', entries: base() });
    expect(r.entries).toEqual(s.entries);
    expect(r.selected).toBe('s-return-fee');
    expect(selectedEntry(r)?.id).toBe('s-return-fee');
    expect(r.revision).toBe(s.revision);
  });
});
