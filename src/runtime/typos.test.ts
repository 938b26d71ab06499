import { describe, expect, it } from 'vitest';
import { plausibleChange, TypoIndex, withinOneEdit } from './typos.js';

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

  it('leaves a real word one letter from a KB word alone: a letter changed only for a key beside it, or for a vowel in a longer word (a pet shop trial, 2026-11-28)', () => {
    const kb = new TypoIndex(['track', 'chang', 'warranti', 'receiv', 'order']);
    expect(kb.correct('truck')).toBeUndefined(); // was track
    expect(kb.correct('crack')).toBeUndefined(); // was track
    expect(kb.correct('charg')).toBeUndefined(); // charge, was chang(e)
    expect(kb.correct('trsck')).toBe('track'); // s is beside a
    expect(kb.correct('tracj')).toBe('track'); // j is beside k
    expect(kb.correct('trakc')).toBe('track'); // swapped
    expect(kb.correct('orddr')).toBe('order'); // d is beside e
    expect(kb.correct('warrenti')).toBe('warranti'); // a vowel, in a longer word
    expect(kb.correct('recieve'.slice(0, 6))).toBe('receiv');
    expect(plausibleChange('sheet', 'sheep')).toBe(false);
    expect(plausibleChange('licens', 'licenc')).toBe(true); // s and c sound alike
    // b for p, as customers spell subscription and prescription (stemmed subscript, prescript) and laptop
    expect(new TypoIndex(['subscript', 'prescript', 'laptop']).correct('subscribt')).toBe('subscript');
    expect(new TypoIndex(['subscript', 'prescript', 'laptop']).correct('prescribt')).toBe('prescript');
    expect(new TypoIndex(['subscript', 'prescript', 'laptop']).correct('labtop')).toBe('laptop');
    expect(new TypoIndex(['discount']).correct('discound')).toBe('discount'); // d for t
  });

  it('measures one edit as optimal string alignment does', () => {
    expect(withinOneEdit('abcde', 'abdce')).toBe(true);
    expect(withinOneEdit('abcde', 'abcd')).toBe(true);
    expect(withinOneEdit('abcde', 'xbcde')).toBe(true);
    expect(withinOneEdit('abcde', 'badce')).toBe(false);
    expect(withinOneEdit('abcde', 'abc')).toBe(false);
  });
});
