import { describe, expect, it } from 'vitest';
import { TypoIndex, withinOneEdit } from './typos.js';

describe('English typos', () => {
  // the KB's words as the index stores them (stemmed)
  const index = new TypoIndex(['return', 'refund', 'warranti', 'receiv', 'deliveri', 'exchang', 'cancel', 'cost', 'post', '~退货', 'ship']);

  it('reads a word one edit from exactly one KB word as that word: a letter left out, added, changed, or two swapped', () => {
    expect(index.correct('retrun')).toBe('return'); // swapped
    expect(index.correct('refnud')).toBe('refund'); // swapped
    expect(index.correct('warrenti')).toBe('warranti'); // changed
    expect(index.correct('reciev')).toBe('receiv'); // swapped
    expect(index.correct('delivei')).toBe('deliveri'); // changed
    expect(index.correct('cancl')).toBe('cancel'); // left out
    expect(index.correct('exchangg')).toBe('exchang'); // added
    expect(index.correct('shipe')).toBe('ship');
  });

  it('leaves short words, KB words, words two edits away, and ambiguous words alone', () => {
    expect(index.correct('lost')).toBeUndefined(); // one letter from cost and post: too short to tell
    expect(index.correct('return')).toBeUndefined();
    expect(index.correct('rterun')).toBeUndefined();
    expect(index.correct('password')).toBeUndefined();
    expect(new TypoIndex(['pasta', 'paste']).correct('pastx')).toBeUndefined();
    expect(index.correct('退货了')).toBeUndefined();
  });

  it('measures one edit as optimal string alignment does', () => {
    expect(withinOneEdit('abcde', 'abdce')).toBe(true);
    expect(withinOneEdit('abcde', 'abcd')).toBe(true);
    expect(withinOneEdit('abcde', 'xbcde')).toBe(true);
    expect(withinOneEdit('abcde', 'badce')).toBe(false);
    expect(withinOneEdit('abcde', 'abc')).toBe(false);
  });
});
