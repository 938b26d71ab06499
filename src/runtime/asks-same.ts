/**
 * A FAQ row that asks what the customer asked ranks above the document entries that merely write
 * its words (`writtenQuestionsFirst`). A section's score can pass such a row's: its text counts whole
 * (answer share 1.0) and repeats the question's words, which BM25 counts up to 2.2 times each, while
 * a row's short answer counts 0.3. So 怎么申请保修 found the warranty policy's 如何申请保修 (11.05)
 * before the FAQ row 保修怎么申请 (6.89) — the same question, written by the team, with the answer
 * a bot should send.
 *
 * A question and a question the team wrote (a FAQ sheet row's or an editor's entry's question or
 * similar question — origin faq or manual; not one kb wrote from a section, nor a pair it extracted
 * from a document) *ask the same* when each has ASKS_SAME_SHARE of the other's words, by IDF: what
 * it asks about, not how it asks (see asksSame). Such a row moves above the document entries
 * (sections, extracted pairs) ranked just above it, taking the score of the highest it passes (a row the
 * scores rank within ASKS_SAME_DEPTH, whatever k is); the team's entries are not reordered among themselves, so a KB of FAQ rows alone, or of
 * documents alone, ranks as before. (Extracted pairs do not move: on doc2dial an extracted
 * question of one help page passed the labelled section of another page.)
 */
import { isWordTerm } from '../analyze/analyzer.js';
import type { EntryOrigin } from '../store/entry.js';
import { HAN_WORD } from './query-terms.js';

/** How much of each other a question and a written question must cover to ask the same. */
export const ASKS_SAME_SHARE = 0.8;

/** The origins of the team's own entries: a FAQ sheet's rows and entries an editor wrote. */
export const TEAM_ORIGINS: ReadonlySet<EntryOrigin> = new Set<EntryOrigin>(['faq', 'manual']);

/**
 * How deep in the ranking a row that asks the same is looked for: only a row the scores rank among the
 * first this many moves, whatever k a bot asks for (the search ranks at least this many entries). Looked
 * for among all k, the row 保修怎么申请, 6th for its section's own question 如何申请保修？, went first for
 * k 10 and stayed 6th for k 5.
 */
export const ASKS_SAME_DEPTH = 5;

/** What of the index the check reads. */
export interface AsksSameSource {
  termIds: ReadonlyMap<string, number>;
  idfVariant: Float64Array;
  termWeight: Float64Array;
  /** Variant v's terms, as the analyzer cuts its text (worked out for the few variants checked). */
  variantTerms: (v: number) => readonly string[];
  /** Whether entry e is the team's own (a FAQ sheet's row or an editor's entry, origin faq or manual), not a document's. */
  teamWritten: (e: number) => boolean;
  /** Whether kb generated variant v (a similar question of a FAQ row: IndexModel.kbSimilar); a row does not ask the same through it. */
  kbWrote?: (v: number) => boolean;
  /** Whether a term only says how a question asks (how long, 怎么: QueryTerms.topicBits 0). */
  asksOnly: (term: string) => boolean;
  /** How many entries the index has (a word no entry has weighs the IDF of df 0). */
  size: number;
}

/**
 * The question as the check reads it: its own terms (the first `own` of `terms`), how many of its
 * words the KB has never seen, and the KB's words that translate or bridge a word of it (QueryTerms).
 */
export interface AskedQuestion {
  terms: ReadonlyMap<string, number>;
  own: number;
  unknown: number;
  translated: ReadonlyMap<string, string>;
}

/**
 * How many of the question's unseen words count against a row: only those the lexicon says in the KB's
 * words (泡水 → 进水: a section that writes 进水 says what a row without it does not). A word nothing
 * explains is in no entry, so it tells no row from the section it would pass: 未成年退款需要什么材料 of a
 * shop whose FAQ row 未成年人充值可以退款吗 lists the documents without saying 材料 — counted, it kept the
 * row under the share and 未成年人保护是什么？ answered (confidence still counts it, in the self-score).
 */
function unseenAgainst(index: AsksSameSource, question: AskedQuestion): number {
  const bridged = new Set<string>();
  for (const [related, word] of question.translated) if (HAN_WORD.test(word) && HAN_WORD.test(related) && !index.termIds.has(word)) bridged.add(word);
  return Math.min(question.unknown, bridged.size);
}

/**
 * Whether variant v asks what the question asks: each has ASKS_SAME_SHARE of the other's words, by
 * IDF. Words only — what it asks about: not how it asks (how long, 怎么: How long does shipping take?
 * has how long, take and ship of how long does an exchange take to ship, all but what it asks about),
 * nor CJK bigrams, which tell word order (保修怎么申请 and 怎么申请保修 ask the same; ~请保 is in one).
 */
export function asksSame(index: AsksSameSource, question: AskedQuestion, v: number): boolean {
  const weight = (term: string): number => {
    const t = index.termIds.get(term);
    return t === undefined || !isWordTerm(term) || index.asksOnly(term) ? 0 : index.idfVariant[t]! * index.termWeight[t]!;
  };
  // the variant's words with their weights, each once
  const variant = new Map<string, number>();
  for (const term of index.variantTerms(v)) {
    const w = weight(term);
    if (w > 0) variant.set(term, w);
  }
  const asked = new Set<string>();
  let total = unseenAgainst(index, question) * Math.log(1 + (index.size + 0.5) / 0.5);
  let held = 0;
  let n = 0;
  for (const [term, qw] of question.terms) {
    if (n++ >= question.own) break;
    const w = weight(term) * Math.min(qw, 1);
    if (w === 0) continue;
    asked.add(term);
    total += w;
    if (variant.has(term)) held += w;
  }
  let mass = 0;
  let had = 0;
  for (const [term, w] of variant) {
    mass += w;
    if (asked.has(term)) had += w;
  }
  return total > 0 && mass > 0 && held >= ASKS_SAME_SHARE * total && had >= ASKS_SAME_SHARE * mass;
}

/**
 * The ranking with each of the team's entries among its first ASKS_SAME_DEPTH whose best variant asks
 * the same as the question moved above the document entries ranked directly above it (see the file's
 * comment); entries ranked below the depth stay where they are. `results` is [entry, score,
 * best variant], best first; returns it reordered in place, and records in `passed` each moved row's
 * entry → the entry and variant whose place and score it took (confidence counts the row as covering
 * the question at least as well: Confidence.coverage).
 */
export function writtenQuestionsFirst(
  index: AsksSameSource,
  question: AskedQuestion,
  results: [number, number, number][],
  passed?: Map<number, readonly [number, number]>,
): [number, number, number][] {
  for (let i = 1; i < Math.min(results.length, ASKS_SAME_DEPTH); i++) {
    const [e, , v] = results[i]!;
    if (index.teamWritten(results[i - 1]![0]) || !index.teamWritten(e)) continue;
    if (index.kbWrote?.(v) === true || !asksSame(index, question, v)) continue;
    let j = i;
    while (j > 0 && !index.teamWritten(results[j - 1]![0])) j--;
    const row = results[i]!;
    row[1] = results[j]![1];
    passed?.set(e, [results[j]![0], results[j]![2]]);
    results.splice(i, 1);
    results.splice(j, 0, row);
  }
  documentQuestionsFirst(index, question, results, passed);
  return results;
}

/**
 * The converse, for a question that one of kb's questions of a document entry asks and the team's row above it
 * does not (where is my order: the tracking section's Where is my order? below the row Where is my order
 * confirmation?, 3.81 against 3.83): the entry moves above the rows ranked directly above it that do not ask the
 * same, taking the score of the highest it passes. Mutates `results` and `passed`.
 */
function documentQuestionsFirst(index: AsksSameSource, question: AskedQuestion, results: [number, number, number][], passed?: Map<number, readonly [number, number]>): void {
  // (a row found through a similar question kb wrote for it does not ask the same through it)
  const rowAsks = (v: number): boolean => index.kbWrote?.(v) !== true && asksSame(index, question, v);
  for (let i = 1; i < Math.min(results.length, ASKS_SAME_DEPTH); i++) {
    const [e, , v] = results[i]!;
    const above = results[i - 1]!;
    if (index.teamWritten(e) || !index.teamWritten(above[0]) || rowAsks(above[2]) || !asksSame(index, question, v)) continue;
    let j = i;
    while (j > 0 && index.teamWritten(results[j - 1]![0]) && !rowAsks(results[j - 1]![2])) j--;
    const row = results[i]!;
    row[1] = results[j]![1];
    passed?.set(e, [results[j]![0], results[j]![2]]);
    results.splice(i, 1);
    results.splice(j, 0, row);
  }
}
