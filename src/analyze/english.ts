/** English words: contractions and possessives, then Porter stemming (`stemmer`). */
import { stemmer } from 'stemmer';

const NEGATING_CONTRACTIONS = new Map([
  ["can't", 'can'],
  ["won't", 'will'],
  ["shan't", 'shall'],
  ["ain't", 'be'],
]);

/** Split a word like `don't` / `customer's` / `we'll` into the words it stands for. */
export function expandContraction(word: string): string[] {
  if (!word.includes("'") && !word.includes('’')) return [word];
  const w = word.replace(/’/g, "'");
  const fixed = NEGATING_CONTRACTIONS.get(w);
  if (fixed !== undefined) return [fixed, 'not'];
  if (w.endsWith("n't")) return [w.slice(0, -3), 'not'];
  const m = /^(.+?)'(s|re|ll|ve|d|m)$/.exec(w);
  if (m) return [m[1] ?? w];
  if (w.endsWith("s'")) return [w.slice(0, -1)]; // customers'
  return [w.replace(/'/g, '')];
}

export function stem(word: string): string {
  return stemmer(word);
}
