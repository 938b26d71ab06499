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
        if (term === word || term === found || !withinOneEdit(word, term)) continue;
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
