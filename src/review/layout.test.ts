// Column arithmetic: Chinese characters are two columns wide; lines never overflow their pane.
import { describe, expect, it } from 'vitest';
import { detailLines, editorRows, fullEntryLines, isSectionPath, listRows, listWindow, rowStarts, SECTION_PATH_NOTE, sourcePathLines } from './layout.js';
import { graphemes } from './width.js';
import { backspace, cursorLine, editBuffer, insertText, moveCursor } from './text-edit.js';
import { fixtureEntries } from '../test-support/review-fixture.js';
import { displayWidth, fit, truncate, wrap } from './width.js';

describe('width helpers', () => {
  it('truncates and pads by display width, never splitting a wide character', () => {
    expect(truncate('退货运费由谁承担？', 9)).toBe('退货运费…');
    expect(displayWidth(truncate('退货运费由谁承担？', 9))).toBe(9);
    expect(truncate('退货运费由谁承担？', 10)).toBe('退货运费…');
    expect(fit('退货', 7)).toBe('退货   ');
    expect(fit('a\nb', 4)).toBe('a b ');
    expect(truncate('short', 10)).toBe('short');
  });

  it('wraps Chinese anywhere and English at spaces, keeping line breaks, up to a number of lines', () => {
    // 。 never starts a line: the character before it goes down with it
    expect(wrap('商家确认收货后3个工作日内退款。', 10)).toEqual(['商家确认收', '货后3个工', '作日内退', '款。']);
    expect(wrap('All electronics carry a one-year warranty', 16)).toEqual(['All electronics', 'carry a one-year', 'warranty']);
    expect(wrap('第一行\n第二行', 20)).toEqual(['第一行', '第二行']);
    expect(wrap('一二三四五六七八九十', 6, 2)).toEqual(['一二三', '四五…']);
    for (const line of wrap('退款 refund 到账 takes 3 个工作日 business days，节假日顺延', 11)) expect(displayWidth(line)).toBeLessThanOrEqual(11);
  });
});

describe('the panes', () => {
  it('keeps the selected row in view, near the middle', () => {
    expect(listWindow(5, 4, 10)).toBe(0);
    expect(listWindow(100, 50, 10)).toBe(45);
    expect(listWindow(100, 99, 10)).toBe(90);
    const rows = listRows(fixtureEntries(), 's-return-fee', 3, 20);
    expect(rows.map((r) => [r.mark, r.text, r.selected])).toEqual([
      // ? : suggested questions to accept or dismiss (kb eval --suggest)
      ['•', '?退款多久到账？   ', false],
      ['✓', '!退货运费由谁承担…', true],
      ['•', ' 七天无理由退货的…', false],
    ]);
    for (const r of rows) expect(displayWidth(r.text)).toBe(18);
  });

  it('fits the detail pane into its width and height', () => {
    const entry = fixtureEntries().find((e) => e.id === 's-refund-time');
    for (const [w, h] of [[47, 20], [30, 8], [20, 5]] as const) {
      const lines = detailLines(entry, 1, w, h);
      expect(lines.length).toBeLessThanOrEqual(h);
      for (const l of lines) expect(displayWidth(l.text), l.text).toBeLessThanOrEqual(w);
    }
    const lines = detailLines(entry, 1, 47, 20);
    expect(lines.find((l) => l.inverse === true)?.text.trim()).toBe('2 钱什么时候退回来');
    expect(detailLines(undefined, -1, 40, 10)[0]?.text).toMatch(/No entry matches the filter/);
  });

  it('says which of the similar questions the pane shows when they do not all fit (were cut unsaid at 80×24)', () => {
    const many = { id: 's-many', question: '坏果怎么赔付？', similar: Array.from({ length: 13 }, (_, i) => `坏果问题${i + 1}`), answer: '按重量赔付。', origin: 'generated' as const, status: 'pending' as const, source: { path: 'sources/售后政策.docx', headingPath: ['售后政策', '3 坏果赔付标准'] } };
    const lines = detailLines(many, -1, 47, 16);
    const shown = lines.filter((l) => /^ *\d+ 坏果问题/u.test(l.text)).length;
    expect(shown).toBeLessThan(13);
    expect(lines.find((l) => l.text.startsWith('Similar questions'))?.text).toMatch(new RegExp(`^Similar questions \\(13\\): 1–${shown} shown`, 'u'));
    // the last one selected: the window moves, and says so
    expect(detailLines(many, 12, 47, 16).find((l) => l.text.startsWith('Similar questions'))?.text).toMatch(/^Similar questions \(13\): \d+–13 shown/u);
    // all in view: the count alone
    expect(detailLines({ ...many, similar: many.similar.slice(0, 3) }, -1, 47, 20).find((l) => l.text.startsWith('Similar questions'))?.text).toBe('Similar questions (3)');
  });

  it('shows a draft\'s note in the detail pane, where an editor reads why it is there (kb gaps: how often asked, the nearest entry)', () => {
    const draft = { id: 'gap-1', question: '说好的赠品呢', similar: ['赠品没收到'], answer: '', origin: 'manual' as const, status: 'pending' as const, notes: 'kb gaps: gap 2 of 18, asked 46 times (7 distinct) in chats.csv without an answer; nearest entry: s-gift “赠品怎么领取？” (confidence 0.21)' };
    const lines = detailLines(draft, -1, 60, 16);
    const notes = lines.filter((l) => l.text.startsWith('Notes') || (lines[lines.indexOf(l) - 1]?.text.startsWith('Notes') === true && l.dim === true));
    expect(notes[0]?.text).toMatch(/^Notes {2}kb gaps: gap 2 of 18/u);
    expect(notes.length).toBeLessThanOrEqual(2);
    for (const l of lines) expect(displayWidth(l.text)).toBeLessThanOrEqual(60);
    expect(lines.some((l) => l.text.startsWith('Answer (0 chars)'))).toBe(true);
  });

  it('marks the similar question that is the section path (kb generate adds it for search), dimmed, and no other', () => {
    const entry = fixtureEntries().find((e) => e.id === 's-refund-time');
    if (entry === undefined) throw new Error('fixture entry missing');
    const withPath = { ...entry, similar: [...entry.similar, '退换货政策 / 三、退款'] };
    for (const lines of [detailLines(withPath, -1, 80, 20), fullEntryLines(withPath, 80)]) {
      const marked = lines.filter((l) => l.text.includes(SECTION_PATH_NOTE.trim()));
      expect(marked.map((l) => [l.text.trim(), l.dim])).toEqual([[`${withPath.similar.length} 退换货政策 / 三、退款${SECTION_PATH_NOTE}`, true]]);
    }
    // a question an editor wrote with a slash in it is no section path
    expect(isSectionPath(withPath, '退款 / 退货 多久')).toBe(false);
    expect(isSectionPath({ ...withPath, origin: 'manual' }, '退换货政策 / 三、退款')).toBe(false);
  });

  it('tells the editor that an entry whose source is gone is not indexed, and how to bring it back', () => {
    const entry = fixtureEntries().find((e) => e.id === 's-refund-time');
    if (entry === undefined) throw new Error('fixture entry missing');
    const lines = detailLines({ ...entry, status: 'approved', stale: 'source-missing' }, -1, 80, 20);
    expect(lines.map((l) => l.text)).toContain('! source gone: not indexed (r rejects it; docs/store.md to keep it)');
  });
});

describe('the edit buffer', () => {
  it('steps over whole characters and moves between lines by display column', () => {
    let b = editBuffer('退款\nabc', true);
    expect(cursorLine(b)).toMatchObject({ line: 1, column: 3 });
    b = moveCursor(b, 'up');
    // column 3 of "abc" is display column 3: in "退款" that is after 退 (2 columns)
    expect(cursorLine(b)).toMatchObject({ line: 0, column: 1 });
    b = insertText(b, '的');
    expect(b.text).toBe('退的款\nabc');
    b = backspace(moveCursor(b, 'end'));
    expect(b.text).toBe('退的\nabc');
    expect(insertText(editBuffer('', false), 'a\r\nb\tc').text).toBe('a b c');
  });

  it('wraps an edited text into rows with the cursor on one of them', () => {
    const b = editBuffer('一二三四五六七八', false);
    const { lines, line, column } = cursorLine(b);
    const rows = editorRows(lines, line, column, 9, 5);
    expect(rows).toEqual([
      { before: '一二三四', at: undefined, after: '' },
      { before: '五六七八', at: ' ', after: '' },
    ]);
  });

  it('wraps English at spaces, never inside a word; Chinese anywhere; a word wider than a row is cut', () => {
    const rowsOf = (text: string, width: number): string[] => {
      const g = graphemes(text);
      const starts = rowStarts(g, width);
      return starts.map((st, i) => g.slice(st, starts[i + 1] ?? g.length).join(''));
    };
    const english = 'You receive the refund within seven working days after we get the parcel back.';
    const rows = rowsOf(english, 20);
    expect(rows.join('')).toBe(english);
    for (const r of rows) {
      expect(displayWidth(r.trimEnd())).toBeLessThanOrEqual(19);
      // every row ends at a word's end
      expect(english).toMatch(new RegExp(`${r.trimEnd().replace(/[.]/gu, '\\.')}(\\s|$)`, 'u'));
    }
    expect(rows[0]).toBe('You receive the ');
    expect(rowsOf('退款会在七个工作日内原路退回', 9)).toEqual(['退款会在', '七个工作', '日内原路', '退回']);
    expect(rowsOf('退款 refund 会在七天内到账', 12)).toEqual(['退款 refund ', '会在七天内', '到账']);
    expect(rowsOf('Supercalifragilistic', 8)).toEqual(['Superca', 'lifragi', 'listic']);
  });

  it('never starts a row with ，。、 or a closing bracket, nor ends one with an opening bracket (Chinese line breaking)', () => {
    const answer = '小家电类商品自签收之日起保修一年，电池、充电器等配件保修六个月。保修期内凭订单号享受免费维修（不含人为损坏）；超过保修期的商品，本店仍提供付费维修服务。';
    for (const width of [9, 12, 17, 23, 24, 25, 31, 48]) {
      const shown = wrap(answer, width);
      expect(shown.join('')).toBe(answer);
      for (const [i, line] of shown.entries()) {
        expect(displayWidth(line)).toBeLessThanOrEqual(width);
        if (i > 0) expect(line).not.toMatch(/^[，。、；）]/u);
        if (i < shown.length - 1) expect(line).not.toMatch(/（$/u);
      }
      const g = graphemes(answer);
      const starts = rowStarts(g, width);
      const rows = starts.map((st, i) => g.slice(st, starts[i + 1] ?? g.length).join(''));
      expect(rows.join('')).toBe(answer);
      for (const [i, row] of rows.entries()) {
        expect(displayWidth(row)).toBeLessThanOrEqual(width - 1);
        if (i > 0) expect(row).not.toMatch(/^[，。、；）]/u);
        if (i < rows.length - 1) expect(row).not.toMatch(/（$/u);
      }
    }
    // the width at which the editor met it: 一年 / ，电池 became 一 / 年，电池
    expect(wrap('保修一年，电池', 8)).toEqual(['保修一', '年，电池']);
  });

  it('keeps the cursor on the right row when it wraps at spaces', () => {
    const b = moveCursor(editBuffer('You receive your refund', true), 'home');
    const { lines } = cursorLine(b);
    // the cursor on "r" of "receive" (index 4); rows of 9 columns
    const rows = editorRows(lines, 0, 4, 10, 5);
    expect(rows).toEqual([
      { before: 'You ', at: undefined, after: '' },
      { before: '', at: 'r', after: 'eceive ' },
      { before: 'your ', at: undefined, after: '' },
      { before: 'refund', at: undefined, after: '' },
    ]);
  });
});

describe('sourcePathLines', () => {
  const entry = (path: string, headingPath: string[], page?: number) => ({
    ...(fixtureEntries()[0] as NonNullable<ReturnType<typeof fixtureEntries>[0]>),
    source: { path, headingPath, ...(page === undefined ? {} : { page }) },
  });

  it('breaks between the parts of the path, not inside a heading, and cuts a deep path at its lines with …', () => {
    expect(sourcePathLines(entry('sources/保修政策.docx', ['第二条 保修期限']), 46, 2)).toEqual(['Source  sources/保修政策.docx ›', '        第二条 保修期限']);
    const deep = sourcePathLines(entry('manual.pdf', ['AF-50空气炸锅使用说明书', '第三章 使用', '一、首次使用', '（一）预热'], 4), 36, 2);
    expect(deep).toEqual(['Source  manual.pdf ›', '        AF-50空气炸锅使用说明书 › …']);
    expect(sourcePathLines(entry('a.md', ['一']), 80, 2)).toEqual(['Source  a.md › 一']);
    // a part wider than a line wraps as text does
    for (const l of sourcePathLines(entry('a.md', ['很长的标题'.repeat(10)]), 30, 2)) expect(displayWidth(l)).toBeLessThanOrEqual(30);
  });
});
