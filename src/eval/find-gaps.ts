/**
 * Gaps against a loaded index: which questions it does not answer (top confidence below the
 * threshold), clustered (gaps.ts), with the entries nearest to each cluster, and draft entries
 * for the store.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { isWordTerm } from '../analyze/analyzer.js';
import { jiebaDictionary, jiebaWordsAmong, MissingSegmenterError } from '../analyze/jieba.js';
import { createVocabulary, MAX_WORD_LENGTH, segment, type Vocabulary } from '../analyze/segment.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import type { Entry } from '../store/entry.js';
import { canonicalEntry, STORE_FORMAT, STORE_VERSION } from '../store/store.js';
import { chatQuestion } from '../analyze/chat-text.js';
import { ANSWER_WORDS_FROM, clusterQuestions, isSmallTalk, unmetShare, withoutSmallTalk, type ClusterOptions, type GapCluster, type GapQuestion } from './gaps.js';
import type { LogReader } from './log.js';
import type { CaseResult } from './run.js';
import type { CaseVerdict } from './summary.js';

/** The threshold `kb gaps` uses when none is given (the runtime's documented "answer at 0.5"). */
export const DEFAULT_THRESHOLD = 0.5;

let general: Vocabulary | null | undefined;

/** jieba's own dictionary as a vocabulary (read once, about 0.3 s), or null without nodejieba. */
export function generalVocabulary(): Vocabulary | null {
  if (general === undefined) {
    try {
      general = createVocabulary(jiebaDictionary());
    } catch (error) {
      if (!(error instanceof MissingSegmenterError)) throw error;
      general = null;
    }
  }
  return general;
}

/**
 * The words of everyday Chinese that the index's analyzer cut into single characters: a gap's
 * questions are about what the knowledge base does not say, so its vocabulary lacks their words
 * (口罩 → 口 罩, 老板 → 老 板, 颜色 → 颜 色), and single characters neither join questions nor name a
 * cluster. Each run of the text is cut again with `vocabulary` (jieba's dictionary, no HMM); a word
 * of two characters or more counts when none of its characters is in a word the analyzer found,
 * and one of them is a character the analyzer left single (so 收到 of 收到货 is not added twice,
 * and 不想 is not cut out of 不想要).
 */
export function wordsCutIntoCharacters(text: string, terms: readonly string[], vocabulary: Vocabulary): string[] {
  const covered = new Set(terms.filter((t) => [...t].length > 1).flatMap((t) => [...t]));
  const singles = new Set(terms.filter((t) => [...t].length === 1));
  const words: string[] = [];
  for (const run of hanRuns(text)) {
    for (const w of segment(run, vocabulary)) {
      const chars = [...w];
      if (chars.length > 1 && chars.every((c) => !covered.has(c)) && chars.some((c) => singles.has(c))) words.push(w);
    }
  }
  return words;
}

/**
 * Key terms of a question: the index's own analyzer, words only (no character bigrams), and the
 * everyday words it cut into single characters (wordsCutIntoCharacters with `vocabulary`, by
 * default jieba's dictionary, read at the first question that has a single character; none
 * without nodejieba, or with `null`).
 */
export function gapTokenizer(kb: KnowledgeBase, vocabulary?: Vocabulary | null): (text: string) => string[] {
  return cutIntoWords(kb, (text) => wordTerms(kb, text), () => (vocabulary === null ? null : (vocabulary ??= generalVocabulary())));
}

/**
 * gapTokenizer for texts known in advance: `questions` (kb eval's failing ones: their key terms are
 * read from parts of them too, courtesies and quantities taken out) and `indexQuestions` (the
 * index's own, for coveredTerms). The words of jieba's dictionary that occur in them are read
 * instead of the whole dictionary (jiebaWordsAmong; 0.5 s of a small kb eval, GC included, became a
 * few tens of ms) and cut them exactly alike. Any other text is cut with the whole dictionary, read
 * then; so are all of them when they are too many to look up.
 */
export function gapTokenizerFor(kb: KnowledgeBase, questions: Iterable<string>, indexQuestions: Iterable<string> = []): (text: string) => string[] {
  const analyzed = new Map<string, string[]>();
  const termsOf = (text: string): string[] => {
    let terms = analyzed.get(text);
    if (terms === undefined) analyzed.set(text, (terms = wordTerms(kb, text)));
    return terms;
  };
  // every word segment may look up in them: each substring of their runs of Chinese, up to the longest
  // word — of every question (a part of one may have a single character where the whole has none),
  // and of the index's questions that have one
  const candidates = new Set<string>();
  const add = (text: string): boolean => hanRuns(text).every((run) => forEachWordIn(run, (w) => candidates.add(w).size <= MAX_CANDIDATE_WORDS));
  const prepared = [...questions].every(add) && [...indexQuestions].every((q) => !hasSingleHan(termsOf(q)) || add(q)) ? vocabularyAmong(candidates) : undefined;
  // a text cut from a prepared one (kb gaps' key terms take courtesies and quantities out) is covered too
  const covered = (text: string): boolean => hanRuns(text).every((run) => forEachWordIn(run, (w) => candidates.has(w)));
  let whole: Vocabulary | null | undefined;
  return cutIntoWords(kb, termsOf, (text) => (prepared !== undefined && covered(text) ? prepared : (whole ??= generalVocabulary())));
}

const wordTerms = (kb: KnowledgeBase, text: string): string[] => kb.analyzer.analyze(text).filter(isWordTerm);
const hasSingleHan = (terms: readonly string[]): boolean => terms.some((t) => /^\p{Script=Han}$/u.test(t));
const hanRuns = (text: string): string[] => normalizeForMatch(text).toLowerCase().match(/\p{Script=Han}+/gu) ?? [];

/** Calls `visit` with each substring of a run that segment may look up, while it returns true. */
function forEachWordIn(run: string, visit: (word: string) => boolean): boolean {
  for (let i = 0; i < run.length; i++) for (let j = i + 1; j <= Math.min(run.length, i + MAX_WORD_LENGTH); j++) if (!visit(run.slice(i, j))) return false;
  return true;
}

/** Above this many substrings to look up, jieba's whole dictionary is read instead (a few thousand questions). */
const MAX_CANDIDATE_WORDS = 200_000;

/** A vocabulary of jieba's words among these, with its whole total (jiebaWordsAmong); undefined without nodejieba. */
function vocabularyAmong(candidates: ReadonlySet<string>): Vocabulary | undefined {
  try {
    const { freq, total } = jiebaWordsAmong(candidates);
    return createVocabulary(freq, total);
  } catch (error) {
    if (!(error instanceof MissingSegmenterError)) throw error;
    return undefined;
  }
}

/** The key terms of a text: its word terms, and the words its single characters make (wordsCutIntoCharacters) with the vocabulary given for it. */
function cutIntoWords(kb: KnowledgeBase, termsOf: (text: string) => string[], vocabularyFor: (text: string) => Vocabulary | null): (text: string) => string[] {
  return (text) => {
    const terms = termsOf(text);
    if (!hasSingleHan(terms)) return terms;
    const vocabulary = vocabularyFor(text);
    if (vocabulary === null) return terms;
    // a word found again stands for its characters: 耳机保修多久 and 耳机充不了电 share 耳机, not 耳, 机 and 耳机
    const words = wordsCutIntoCharacters(text, terms, vocabulary);
    const inWords = new Set(words.flatMap((w) => [...w]));
    return [...terms.filter((t) => !inWords.has(t)), ...words];
  };
}

const coveredByIndex = new WeakMap<KnowledgeBase, Map<string, number>>();

/**
 * How many of the index's entries ask with each term in their question, as `tokenize` reads it, for
 * clusterQuestions' `covered` (the questions alone: a catalogue names its product in each; 0.1 s for
 * 3,000 entries). Computed once per index.
 */
export function coveredTerms(kb: KnowledgeBase, tokenize: (text: string) => string[]): Map<string, number> {
  let counts = coveredByIndex.get(kb);
  if (counts !== undefined) return counts;
  counts = new Map();
  for (const e of kb.entries) {
    for (const t of new Set(tokenize(e.question))) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  coveredByIndex.set(kb, counts);
  return counts;
}

/** Fill in each cluster's nearest entries: what the index finds for its representative question. */
export function addNearest(kb: KnowledgeBase, clusters: GapCluster[], k = 3): GapCluster[] {
  for (const c of clusters) c.nearest = kb.search(c.representative, { k, passageChars: 0 }).map((h) => ({ id: h.id, question: h.question, confidence: h.confidence }));
  return clusters;
}

/** Gaps of an eval run: its failing in-scope and false-answered cases, clustered. */
export function evalGaps(kb: KnowledgeBase, cases: readonly CaseResult[], verdicts: readonly CaseVerdict[], options: ClusterOptions = {}): GapCluster[] {
  // a case expecting an entry the index lacks is a suite problem (reported on its own), not a gap
  const failing = cases.filter((_, i) => verdicts[i]?.verdict === 'fail' && verdicts[i]?.reason !== 'false-answer' && verdicts[i]?.reason !== 'unknown-entry').map((c) => c.q);
  const counts = new Map<string, number>();
  for (const q of failing) counts.set(q, (counts.get(q) ?? 0) + 1);
  const questions: GapQuestion[] = [...counts].map(([text, count]) => ({ text, count }));
  // the texts it cuts: the failing questions, and the index's questions (coveredTerms)
  const tokenize = gapTokenizerFor(kb, counts.keys(), kb.entries.map((e) => e.question));
  return addNearest(kb, clusterQuestions(withoutSmallTalk(questions, tokenize).questions, tokenize, { covered: coveredTerms(kb, tokenize), ...options }));
}

/** The chit-chat messages a scan lists (LogScan.smallTalk), and the distinct ones it counts to choose them: memory bounded on any log. */
const SMALL_TALK_LISTED = 100;
const SMALL_TALK_KEPT = 10_000;

export interface LogScan {
  /** Messages read (repeats counted), small talk included: answered + unanswered + skipped. */
  questions: number;
  /**
   * Small talk, repeats counted: messages that ask nothing — nothing left once the chat's noise is
   * out (你好, 在吗, hi, ？, [表情], 👍: chatQuestion gives '') or no key terms (好的, 谢谢, 嗯嗯, ok:
   * isSmallTalk). Neither answered nor unanswered: never searched, and not a distinct question,
   * listed or clustered (kb gaps reports the count as smallTalk).
   */
  skipped: number;
  /**
   * The small talk's messages as they were read (trimmed), each once with how often, most often first
   * (first read first on a tie): what kb gaps --json lists as `smallTalkMessages`, so that a reader
   * can check that no question was set aside. At most SMALL_TALK_LISTED of them, counted among the
   * first SMALL_TALK_KEPT distinct ones (all of them still count in `skipped`).
   */
  smallTalk: GapQuestion[];
  /** Distinct questions that ask something (small talk left out). */
  distinct: number;
  /** Questions (repeats counted) answered: a top hit at or above the threshold, or kb serve's `answered`. */
  answered: number;
  /**
   * The unanswered distinct questions with how often each was asked (small talk left out) and how
   * far the index is from answering each (`unmet`, unmetShare: its clusters are ranked by it).
   */
  unanswered: GapQuestion[];
  threshold: number;
  /**
   * The lines of kb serve's question log (those with its `answered`) among the questions, small
   * talk left out: `questions` were counted as kb serve judged them, at the `thresholds` it logged
   * (above 0; its `answered` says what it did), not searched; `noThreshold` were logged with
   * threshold 0 or none (kb serve run without a threshold returns every hit and the bot decides:
   * its `answered` says only that there were hits) and were searched at `threshold`; `rejudged`
   * had a threshold but were searched at `threshold` anyway (ScanOptions.rejudge).
   */
  served: { questions: number; thresholds: number[]; noThreshold: number; rejudged: number };
}

export interface ScanOptions {
  /**
   * Judge every question by searching the index at the threshold given, kb serve's logged
   * `answered` too (`kb gaps --threshold X`); else a line kb serve logged at a threshold above 0
   * counts as it says.
   */
  rejudge?: boolean;
  /** The key terms of a question, which tell small talk (none) from a question; default gapTokenizer(kb). */
  tokenize?: (text: string) => string[];
  /** Told after each message: the messages read so far and the distinct questions searched (for a progress line). */
  onQuestion?: (questions: number, searched: number) => void;
}

/**
 * Read a log and search each distinct question once — the question a message asks, without the
 * links, emoji, placeholders, quoted numbers and thanks around it (chatQuestion). Small talk (a
 * message with nothing left, or no key terms: 你好, 在吗, 谢谢, 好的, [表情]) asks nothing: it is
 * counted apart (`skipped`), neither answered nor unanswered, and never searched.
 *
 * A line of kb serve's log says what the bot did (`answered`). Logged at a threshold above 0 (the
 * server's, or a request's), that is kb serve's judgement: it is counted so, unsearched, unless
 * `rejudge` (kb gaps --threshold X). So one question may be answered on one line and handed off on
 * another; it is a gap as often as it was handed off. Logged at threshold 0 or none (kb serve run
 * without one, the README's bot example), `answered` means only that there were hits — the bot
 * chose — so the line is searched at `threshold` as any other log's. Memory grows with the
 * distinct questions, not with the log's length.
 */
export async function scanLog(kb: KnowledgeBase, reader: LogReader, threshold: number, options: ScanOptions = {}): Promise<LogScan> {
  const tokenize = options.tokenize ?? gapTokenizer(kb);
  // per distinct question: whether the index answers it (searched once, when needed) and how often it went unanswered
  // and, once unanswered, how far the index is from answering it (unmetShare) at the threshold it was judged at
  const seen = new Map<string, { searched?: boolean; missed: number; unmet?: number; judgedAt?: number }>();
  // distinct questions found to have no key terms (small talk), so each is tokenized once
  const idle = new Set<string>();
  // the small talk's messages as read, with their counts
  const chatter = new Map<string, number>();
  const served = { questions: 0, thresholds: new Set<number>(), noThreshold: 0, rejudged: 0 };
  let questions = 0;
  let skipped = 0;
  let answered = 0;
  let searched = 0;
  for await (const read of reader.questions()) {
    questions++;
    options.onQuestion?.(questions, searched);
    // thanks after a question are no other wording of it (你们是正品吗 thx is 你们是正品吗); 好的谢谢 is
    // 好的, small talk either way
    const question = chatQuestion(read.question, { thanks: false });
    let s = question === '' ? undefined : seen.get(question);
    if (s === undefined) {
      if (question === '' || idle.has(question) || isSmallTalk(question, tokenize)) {
        if (question !== '') idle.add(question);
        skipped++;
        const raw = read.question.trim();
        // bounded: a 100,000-line log's order numbers pasted alone are thousands of distinct lines
        if (chatter.has(raw) || chatter.size < SMALL_TALK_KEPT) chatter.set(raw, (chatter.get(raw) ?? 0) + 1);
        continue;
      }
      s = { missed: 0 };
      seen.set(question, s);
    }
    let isAnswered: boolean;
    const judged = read.served !== undefined && read.served.threshold !== null && read.served.threshold > 0;
    if (read.served !== undefined && judged && options.rejudge !== true) {
      isAnswered = read.served.answered;
      served.questions++;
      served.thresholds.add(read.served.threshold as number);
      if (!isAnswered) s.judgedAt ??= read.served.threshold as number;
    } else {
      if (read.served !== undefined) {
        if (judged) served.rejudged++;
        else served.noThreshold++;
      }
      if (s.searched === undefined) {
        searched++;
        // only the top hit's confidence counts: no passage of its answer
        const top = kb.search(question, { k: 1, passageChars: 0 })[0];
        s.searched = top !== undefined && top.confidence >= threshold;
        if (!s.searched) s.unmet = unmetShare(question, top, threshold, tokenize);
      }
      isAnswered = s.searched;
    }
    if (isAnswered) answered++;
    else s.missed++;
  }
  const unanswered: GapQuestion[] = [];
  for (const [text, s] of seen) {
    if (s.missed === 0) continue;
    // handed off only on kb serve's lines: measured against the threshold kb serve judged it at
    const unmet = s.unmet ?? unmetShare(text, kb.search(text, { k: 1, passageChars: 0 })[0], s.judgedAt ?? threshold, tokenize);
    unanswered.push({ text, count: s.missed, unmet });
  }
  const thresholds = [...served.thresholds].sort((a, b) => a - b);
  const smallTalk = [...chatter].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count).slice(0, SMALL_TALK_LISTED);
  return { questions, skipped, smallTalk, distinct: seen.size, answered, unanswered, threshold, served: { ...served, thresholds } };
}

/** The counts of a scan as kb gaps reports them: answered + unanswered + smallTalk = questions. */
export function gapCounts(scan: LogScan): { questions: number; distinct: number; answered: number; unanswered: number; smallTalk: number } {
  const unanswered = scan.unanswered.reduce((n, q) => n + q.count, 0);
  return { questions: scan.questions, distinct: scan.distinct, answered: scan.answered, unanswered, smallTalk: scan.skipped };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * How the questions of a scan were judged, for the summary line: at `threshold` (`whence` says where
 * it came from), as kb serve answered them, or both, with how many lines each way — and how many
 * of kb serve's lines were searched again (logged without a threshold, or --threshold).
 */
export function judgedText(scan: LogScan, whence = ''): string {
  const asked = scan.questions - scan.skipped;
  const { questions: kept, thresholds, noThreshold, rejudged } = scan.served;
  const them = (n: number): string => (n === 1 ? 'it' : 'them');
  const asServed = `as kb serve answered ${them(kept)} (threshold ${thresholds.join(', ')})`;
  if (kept > 0 && kept === asked) return asServed;
  const again = [
    noThreshold > 0 ? `${noThreshold} of them ${noThreshold === 1 ? 'a line' : 'lines'} kb serve logged without a threshold, searched again` : undefined,
    rejudged > 0 ? `${rejudged} of them ${rejudged === 1 ? 'a line' : 'lines'} kb serve judged at its threshold, searched again (--threshold)` : undefined,
  ].filter((x) => x !== undefined);
  const at = `at threshold ${scan.threshold}${whence}${again.length > 0 ? ` (${again.join('; ')})` : ''}`;
  return kept === 0 ? at : `${at}, ${kept} of them ${asServed}`;
}

/**
 * The lines on stderr about kb serve's question log: the lines counted as it judged them, and the
 * lines it logged without a threshold, searched again.
 */
export function servedNotes(scan: LogScan, log: string): string[] {
  const { questions: kept, thresholds, noThreshold, rejudged } = scan.served;
  const notes: string[] = [];
  if (kept > 0) {
    const them = kept === 1 ? 'it' : 'them';
    notes.push(`kb gaps: ${log}: ${plural(kept, 'question')} counted as kb serve logged ${them} ("answered", at threshold ${thresholds.join(', ')}), not searched again; --threshold X searches ${them} again at X`);
  }
  if (rejudged > 0) {
    // --threshold X: the lines kb serve judged at its threshold are searched again at X (a review: the
    // note said they counted as kb serve answered them)
    notes.push(`kb gaps: ${log}: ${plural(rejudged, 'question')} that kb serve judged at its threshold searched again at threshold ${scan.threshold} (--threshold)`);
  }
  if (noThreshold > 0) {
    const judged = rejudged > 0 ? '' : '; a line logged at a threshold above 0 (kb serve --threshold, eval.threshold of kb.config.yaml, a request\'s) counts as kb serve answered it';
    notes.push(`kb gaps: ${log}: ${plural(noThreshold, 'question')} that kb serve logged without a threshold (0: it returned every hit and the bot chose) searched again at threshold ${scan.threshold}, as any log's${judged}`);
  }
  return notes;
}

/** A content word shared by clusters too small to list, with the questions they hold (smallClusterTerms). */
export interface SharedTerm {
  term: string;
  questions: number;
}

/**
 * The content words that two or more of the clusters too small to list name (the questions kb gaps
 * counts "in smaller ones"), most questions first, at most `max`. A topic each customer asks in words
 * of their own — 以旧换新怎么弄, 以旧换新旧机谁来收, 以旧换新可以换净水器吗: each adds more words than the
 * one they share, so they are three clusters of one — is then still named on the summary line, not
 * hidden under `--min-size` (a shop's weekly log, user test 2026-11-27: its most asked missing topic).
 * Words that name a `listed` cluster are left out: the list shows them.
 */
export function smallClusterTerms(small: readonly GapCluster[], listed: readonly GapCluster[] = [], max = 5): SharedTerm[] {
  // a word that names a listed cluster is on the list already
  const named = new Set(listed.flatMap((c) => c.terms));
  const count = new Map<string, { questions: number; clusters: number }>();
  for (const c of small) {
    for (const term of new Set(c.terms)) {
      if (named.has(term)) continue;
      const x = count.get(term) ?? { questions: 0, clusters: 0 };
      x.questions += c.size;
      x.clusters++;
      count.set(term, x);
    }
  }
  return [...count]
    .filter(([, x]) => x.clusters >= 2)
    .sort((a, b) => b[1].questions - a[1].questions || b[1].clusters - a[1].clusters || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
    .map(([term, x]) => ({ term, questions: x.questions }));
}

/**
 * kb gaps' summary line: the messages and questions, answered and unanswered (shares of the
 * questions that ask something; small talk is neither), how they were judged (judgedText), the
 * clusters listed (`listed` of `minSize`+) and the questions in smaller ones (`unlisted`), and the
 * small talk left out, and the words the smaller ones share (`shared`, smallClusterTerms).
 */
export function summaryLine(scan: LogScan, clusters: { listed: number; minSize: number; unlisted: number; shared?: readonly SharedTerm[] }, whence = ''): string {
  const { questions, distinct, answered, unanswered, smallTalk } = gapCounts(scan);
  const asked = questions - smallTalk;
  const pct = (n: number): string => (asked === 0 ? '' : ` (${((100 * n) / asked).toFixed(1)}%)`);
  const head = smallTalk === 0 ? `${plural(questions, 'question')} (${distinct} distinct)` : `${plural(questions, 'message')}, ${asked.toLocaleString('en-US')} of them ${asked === 1 ? 'a question' : 'questions'} (${distinct} distinct)`;
  const { listed, minSize, unlisted, shared = [] } = clusters;
  // the words several of them ask about: a topic asked in each customer's own words
  const words = shared.length === 0 ? '' : `; words several of them ask about: ${shared.map((t) => `${t.term} ×${t.questions}`).join(', ')}`;
  const smaller = unlisted > 0 ? ` and ${plural(unlisted, 'question')} in smaller ones (--min-size 1 lists ${unlisted === 1 ? 'it' : 'them'}${words})` : '';
  const idle = smallTalk > 0 ? `; ${plural(smallTalk, 'chit-chat line')} (greetings, thanks, replies, asking for a person: 你好, 在吗, 谢谢, 好的, 人工, [表情]) set aside` : '';
  return `${head}: ${answered} answered${pct(answered)}, ${unanswered} unanswered${pct(unanswered)} ${judgedText(scan, whence)}, in ${plural(listed, 'cluster')} of ${minSize}+${smaller}${idle}`;
}

/**
 * A kb gaps cluster's unmet as a share of the questions asked, in percent (0–100, rounded): how much
 * of what they ask the index lacks (unmetShare); 100 for a cluster without one.
 */
export function unmetPercent(c: GapCluster): number {
  if (c.unmet === undefined || c.size === 0) return 100;
  // 0 % says the entries found have every word they ask with: a question lacking one is 1 % at least
  return c.unmet > 0 ? Math.max(1, Math.round((100 * c.unmet) / c.size)) : 0;
}

/**
 * Whether a kb gaps cluster is likely asked in other words of its nearest entry — its questions to
 * be added to it as similar questions, not a gap to write: each question's best hit has every word it
 * asks with (GapCluster.met, not the rounded sum) and the nearest entry was found with at least
 * ANSWER_WORDS_FROM × the threshold. `where is my order`, whose only key word the shipping-cost
 * entry's question holds nowhere, found at 0.18 (threshold 0.5), is a gap.
 */
export function askedOtherwise(c: GapCluster, threshold: number): boolean {
  const near = c.nearest[0];
  return c.met === true && near !== undefined && near.confidence >= ANSWER_WORDS_FROM * threshold;
}

/** What kb gaps says of a cluster askedOtherwise, after its nearest entry's confidence. */
const ASKED_OTHERWISE_HINT = 'the entries found have every word they ask with: add them as similar questions';

/**
 * A cluster's nearest entry as kb gaps prints it and its drafts note it — `id “question” (confidence c)`,
 * with the hint to add the questions as similar ones when askedOtherwise — or undefined when no entry comes near.
 */
export function nearestEntryText(c: GapCluster, threshold: number): string | undefined {
  const near = c.nearest[0];
  if (near === undefined) return undefined;
  return `${near.id} “${near.question}” (confidence ${near.confidence}${askedOtherwise(c, threshold) ? `; ${ASKED_OTHERWISE_HINT}` : ''})`;
}

/**
 * Draft store entries, one per cluster: the representative question, the other examples as
 * similar questions, an empty answer for an editor to write, status pending, origin manual.
 * Ids are `gap-` + a hash of the question, so re-running on the same log gives the same ids.
 */
export function draftEntries(clusters: readonly GapCluster[], logFile: string, maxSimilar = 10, threshold = DEFAULT_THRESHOLD): Entry[] {
  const ids = new Set<string>();
  return clusters.map((c, rank) => {
    let id = `gap-${createHash('sha256').update(c.representative).digest('hex').slice(0, 10)}`;
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    ids.add(id);
    const near = nearestEntryText(c, threshold);
    const notes = [
      // once imported, the store is sorted by id: the rank tells an editor which drafts matter most
      `kb gaps: gap ${rank + 1} of ${clusters.length}, asked ${c.size} time${c.size === 1 ? '' : 's'} (${c.distinct} distinct) in ${basename(logFile)} without an answer`,
      c.terms.length > 0 ? `key terms: ${c.terms.join(', ')}` : undefined,
      c.unmet === undefined ? undefined : `${unmetPercent(c)}% unmet (of the words they ask with, the share the entries found for them lack)`,
      near === undefined ? 'no entry comes near' : `nearest entry: ${near}`,
      'write the answer, or merge these questions into an existing entry',
    ].filter((x) => x !== undefined);
    return {
      id,
      question: c.representative,
      similar: c.examples.map((e) => e.text).filter((t) => t !== c.representative).slice(0, maxSimilar),
      answer: '',
      origin: 'manual',
      status: 'pending',
      tags: ['gap'],
      notes: notes.join('; '),
    };
  });
}

/**
 * The drafts file's text: the store's header and format, one entry a line, in the order given —
 * most asked first (a store is sorted by id, which put a file of drafts in hash order; `kb import`
 * reads either).
 */
export function draftsText(drafts: readonly Entry[]): string {
  const lines = [JSON.stringify({ format: STORE_FORMAT, version: STORE_VERSION }), ...drafts.map((d) => JSON.stringify(canonicalEntry(d)))];
  return `${lines.join('\n')}\n`;
}
