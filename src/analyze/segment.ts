/**
 * Chinese word segmentation over a known vocabulary, in plain JavaScript: the path through the
 * word graph (DAG) of a sentence with the highest product of word probabilities, as jieba does
 * without its HMM. The build discovers the vocabulary with jieba (and the user's dictionary) and
 * embeds it in the index, so a query is cut exactly like the entries were, with no native
 * dependency and no 1.3 s dictionary load at run time.
 */

export interface Vocabulary {
  /** word → frequency (jieba's scale: counts in a large corpus, plus KB counts). */
  readonly freq: ReadonlyMap<string, number>;
  readonly maxWordLength: number;
  readonly logTotal: number;
}

/** The longest word segment looks up, in characters. */
export const MAX_WORD_LENGTH = 16;

/** A vocabulary of these words; `total`, the frequencies' sum, when they are part of a larger vocabulary (jiebaWordsAmong). */
export function createVocabulary(freq: ReadonlyMap<string, number>, total?: number): Vocabulary {
  let sum = 0;
  let maxWordLength = 1;
  for (const [word, f] of freq) {
    sum += f;
    if (word.length > maxWordLength) maxWordLength = word.length;
  }
  return { freq, maxWordLength: Math.min(maxWordLength, MAX_WORD_LENGTH), logTotal: Math.log(Math.max(total ?? sum, 1)) };
}

/**
 * Cut a run of CJK characters into words. Characters the vocabulary does not know come out as
 * single characters. Deterministic: ties go to the longer word.
 */
export function segment(run: string, vocab: Vocabulary): string[] {
  const n = run.length;
  if (n === 0) return [];
  if (n === 1) return [run];
  // best[i] = best log-probability of run[i..n); next[i] = end of the first word on that path
  const best = new Float64Array(n + 1);
  const next = new Int32Array(n + 1);
  const unknown = Math.log(1) - vocab.logTotal; // an unseen single character: frequency 1
  for (let i = n - 1; i >= 0; i--) {
    let bestScore = -Infinity;
    let bestEnd = i + 1;
    const limit = Math.min(n, i + vocab.maxWordLength);
    for (let j = i + 1; j <= limit; j++) {
      const f = vocab.freq.get(run.slice(i, j));
      if (f === undefined && j > i + 1) continue;
      const score = (f === undefined ? unknown : Math.log(f) - vocab.logTotal) + (best[j] ?? 0);
      if (score > bestScore || (score === bestScore && j > bestEnd)) {
        bestScore = score;
        bestEnd = j;
      }
    }
    best[i] = bestScore;
    next[i] = bestEnd;
  }
  const words: string[] = [];
  for (let i = 0; i < n; i = next[i] ?? n) words.push(run.slice(i, next[i]));
  return words;
}
