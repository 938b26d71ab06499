/**
 * English typos (retrun, warrenty, recieve): an unknown Latin word that is one edit — a letter
 * left out, added, changed, or two neighbours swapped — from exactly one word the KB uses reads as
 * that word. Chinese typos are homophones (analyzer.ts); this is the English side. Words are
 * compared as the index stores them (stemmed), found through a deletion index (each KB word and
 * each of its one-letter deletions, SymSpell-style) built on first use.
 */

/** The shortest typed word corrected: shorter words are one letter from too many others (lost / cost). */
export const MIN_TYPO_LENGTH = 5;
const LATIN = /^[a-z]+$/u;

export class TypoIndex {
  private readonly byDeletion = new Map<string, string[]>();

  constructor(terms: Iterable<string>) {
    for (const term of terms) {
      if (term.length < MIN_TYPO_LENGTH - 1 || !LATIN.test(term)) continue;
      for (const key of deletions(term)) {
        const list = this.byDeletion.get(key);
        if (list === undefined) this.byDeletion.set(key, [term]);
        else if (list[list.length - 1] !== term) list.push(term);
      }
    }
  }

  /** The one KB word one edit from `word`; undefined when none, or when two or more are (ambiguous). */
  correct(word: string): string | undefined {
    if (!mayBeTypo(word)) return undefined;
    let found: string | undefined;
    for (const key of deletions(word)) {
      for (const term of this.byDeletion.get(key) ?? []) {
        if (term === word || term === found || !withinOneEdit(word, term) || !plausibleChange(word, term)) continue;
        if (found !== undefined) return undefined;
        found = term;
      }
    }
    return found;
  }
}

/** Whether a word is one this index may correct: English, long enough. Cheap; the index is not needed for it. */
export function mayBeTypo(word: string): boolean {
  return word.length >= MIN_TYPO_LENGTH && LATIN.test(word);
}

/** The word itself and each string with one of its letters left out. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (d !== out[out.length - 1]) out.push(d);
  }
  return out;
}

/** Each letter's neighbours on a QWERTY keyboard: the letter a slipping finger types instead. */
const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const VOWELS = new Set('aeiouy');
/**
 * Letters spelt for one another by sound (recieve's i and e, like i and y, are vowels): c/k/s, s/z, g/j, f/v, k/q, b/p and d/t
 * (subscribtion, prescribtion, labtop, discound: a review of the rule, 2026-11-28, found them no longer corrected).
 */
const SOUND_ALIKE = new Set(['ck', 'cs', 'sz', 'gj', 'fv', 'kq', 'bp', 'dt']);
/** The shortest word whose vowel or sound-alike letter may be read as misspelt: a five-letter word changed so is mostly another word (truck, track). */
const MIN_SPELLING_LENGTH = 6;

function keyboardNeighbours(a: string, b: string): boolean {
  const row = (c: string): number => KEYBOARD_ROWS.findIndex((r) => r.includes(c));
  const ra = row(a);
  const rb = row(b);
  if (ra < 0 || rb < 0 || Math.abs(ra - rb) > 1) return false;
  // a key's neighbours: beside it on its row, and the two above or below it (rows shift by half a key)
  const ia = KEYBOARD_ROWS[ra]!.indexOf(a);
  const ib = KEYBOARD_ROWS[rb]!.indexOf(b);
  if (ra === rb) return Math.abs(ia - ib) === 1;
  return ra < rb ? ib === ia || ib === ia - 1 : ia === ib || ia === ib - 1;
}

/**
 * Whether a one-edit change is one a customer makes while typing the KB word: a letter left out, doubled
 * or swapped, or changed for a key beside it — or, in a word of MIN_SPELLING_LENGTH letters or more, for
 * a vowel or a letter of the same sound (warrenty, recieve). Not another letter: crack and track, charge and
 * change, clock and block are each a word (a pet shop's trial, 2026-11-28: "the truck never came" asked for
 * track, "the bowl came cracked" in a KB that writes track and not crack).
 */
export function plausibleChange(typed: string, known: string): boolean {
  if (typed.length !== known.length) return true;
  let i = 0;
  while (i < typed.length && typed[i] === known[i]) i++;
  if (i === typed.length || typed.slice(i + 1) !== known.slice(i + 1)) return true; // equal, or a swap
  const a = typed[i]!;
  const b = known[i]!;
  if (keyboardNeighbours(a, b)) return true;
  if (typed.length < MIN_SPELLING_LENGTH) return false;
  return (VOWELS.has(a) && VOWELS.has(b)) || SOUND_ALIKE.has(a < b ? a + b : b + a);
}

/** Optimal string alignment distance ≤ 1: equal, or one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
