/**
 * What kb's similar-question rules made of an entry's question, shared by kb review (a rewritten
 * question drops them) and kb import (a rewritten question's row says they still ask the old one).
 */
import { similarQuestionsInScript } from '../generate/script.js';
import { entryContext } from '../generate/similar.js';
import { languageOf } from '../generate/text.js';
import { questionKey } from '../text/question-key.js';
import { detectScript } from '../text/normalize.js';
import { isFieldEdited, type Entry } from '../store/entry.js';
import { isSectionPath } from './layout.js';

/**
 * The similar questions kb made from the entry's question: those its similar-question rules write
 * for it (kb generate's paraphrases, and g's), which ask the old question once the editor rewrote
 * it (积分有效期是多久？ for 系统将短信提醒需要多久？). Not the questions an editor wrote or added, a FAQ
 * row's or a kb gaps draft's (real questions), the other questions the rules wrote for the section
 * (its table's rows, its heading) nor the section's place.
 */
export function variantsOfQuestion(entry: Entry): Set<string> {
  if ((entry.origin !== 'generated' && entry.origin !== 'extracted') || isFieldEdited(entry, 'similar')) return new Set();
  const own = new Set(entry.addedSimilar ?? []);
  const made = new Set(similarQuestionsInScript(entry.question, { n: VARIANTS_CHECKED, language: languageOf(entry.question), context: entryContext(entry) }).map(questionKey));
  return new Set(entry.similar.filter((q) => !own.has(q) && !isSectionPath(entry, q) && made.has(questionKey(q))));
}

/** How many variants of a question are made to recognise those kb wrote (kb generate writes 5 by default, `--similar N` more). */
const VARIANTS_CHECKED = 50;

/**
 * Loads what a traditional Chinese store's first `g`, question edit or `/` needs (OpenCC's tables,
 * about a second), by making the variants of one of its generated entries: kb review calls it once,
 * soon after the screen is up, so that the editor's key does not hang for it. Nothing for a store
 * without traditional entries. Before (2026-11-27) the first question saved on a Hong Kong store
 * took 0.9 s.
 */
export function warmVariants(entries: readonly Entry[]): void {
  const made = entries.filter((e) => e.origin === 'generated' || e.origin === 'extracted').slice(0, 20);
  const traditional = made.find((e) => detectScript(`${e.question}\n${e.answer.slice(0, 200)}`) === 'zh-Hant');
  if (traditional !== undefined) variantsOfQuestion(traditional);
}
