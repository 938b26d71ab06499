/**
 * Similar questions for an entry: other ways customers ask the same thing. Rule-based and
 * deterministic. This first cut swaps the question word (如何/怎么/怎样/咋, how do I / how can I);
 * the generation stage extends it (sentence patterns, synonyms, keyword-only forms, English).
 */

export interface SimilarOptions {
  /** How many similar questions at most. */
  n: number;
  /** Questions already known for the entry (never proposed again). */
  existing?: readonly string[];
}

const ZH_HOW = ['如何', '怎么', '怎样', '咋'];
const EN_HOW = ['how do i', 'how can i', 'how to'];

function swaps(question: string, words: readonly string[], flags: string): string[] {
  const out: string[] = [];
  for (const from of words) {
    const re = new RegExp(from.replace(/ /g, '\\s+'), flags);
    if (!re.test(question)) continue;
    for (const to of words) if (to !== from) out.push(question.replace(re, to));
  }
  return out;
}

/** Up to `n` variants of `question`, deduplicated, never the question itself or an existing one. */
export function similarQuestions(question: string, options: SimilarOptions): string[] {
  const seen = new Set([question, ...(options.existing ?? [])].map((q) => q.trim().toLowerCase()));
  const out: string[] = [];
  for (const q of [...swaps(question, ZH_HOW, 'u'), ...swaps(question, EN_HOW, 'iu')]) {
    const key = q.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(q);
    if (out.length >= options.n) break;
  }
  return out;
}
