/**
 * Gaps against a loaded index: which questions it does not answer (top confidence below the
 * threshold), clustered (gaps.ts), with the entries nearest to each cluster, and draft entries
 * for the store.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { isWordTerm } from '../analyze/analyzer.js';
import { jiebaDictionary, MissingSegmenterError } from '../analyze/jieba.js';
import { createVocabulary, segment, type Vocabulary } from '../analyze/segment.js';
import { normalizeForMatch } from '../text/normalize.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import type { Entry } from '../store/entry.js';
import { canonicalEntry, STORE_FORMAT, STORE_VERSION } from '../store/store.js';
import { chatQuestion } from '../analyze/chat-text.js';
import { clusterQuestions, withoutSmallTalk, type ClusterOptions, type GapCluster, type GapQuestion } from './gaps.js';
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
  for (const run of normalizeForMatch(text).toLowerCase().match(/\p{Script=Han}+/gu) ?? []) {
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
  return (text) => {
    const terms = kb.analyzer.analyze(text).filter(isWordTerm);
    if (vocabulary === null || !terms.some((t) => /^\p{Script=Han}$/u.test(t))) return terms;
    vocabulary ??= generalVocabulary();
    if (vocabulary === null) return terms;
    // a word found again stands for its characters: 耳机保修多久 and 耳机充不了电 share 耳机, not 耳, 机 and 耳机
    const words = wordsCutIntoCharacters(text, terms, vocabulary);
    const inWords = new Set(words.flatMap((w) => [...w]));
    return [...terms.filter((t) => !inWords.has(t)), ...words];
  };
}

/** Fill in each cluster's nearest entries: what the index finds for its representative question. */
export function addNearest(kb: KnowledgeBase, clusters: GapCluster[], k = 3): GapCluster[] {
  for (const c of clusters) c.nearest = kb.search(c.representative, { k }).map((h) => ({ id: h.id, question: h.question, confidence: h.confidence }));
  return clusters;
}

/** Gaps of an eval run: its failing in-scope and false-answered cases, clustered. */
export function evalGaps(kb: KnowledgeBase, cases: readonly CaseResult[], verdicts: readonly CaseVerdict[], options: ClusterOptions = {}): GapCluster[] {
  // a case expecting an entry the index lacks is a suite problem (reported on its own), not a gap
  const failing = cases.filter((_, i) => verdicts[i]?.verdict === 'fail' && verdicts[i]?.reason !== 'false-answer' && verdicts[i]?.reason !== 'unknown-entry').map((c) => c.q);
  const counts = new Map<string, number>();
  for (const q of failing) counts.set(q, (counts.get(q) ?? 0) + 1);
  const questions: GapQuestion[] = [...counts].map(([text, count]) => ({ text, count }));
  const tokenize = gapTokenizer(kb);
  return addNearest(kb, clusterQuestions(withoutSmallTalk(questions, tokenize).questions, tokenize, options));
}

export interface LogScan {
  /** Questions read (repeats counted), skipped ones included. */
  questions: number;
  /**
   * Messages skipped: nothing is asked once the chat's noise is out (你好, 在吗, hi, ？, [表情], 👍 —
   * chatQuestion gives ''). Small talk: counted, unanswered, never searched, listed or clustered.
   */
  skipped: number;
  distinct: number;
  /** Questions (repeats counted) whose top hit reached the threshold. */
  answered: number;
  /** The unanswered distinct questions with how often each was asked. */
  unanswered: GapQuestion[];
  threshold: number;
  /**
   * Questions (repeats counted) judged as kb serve logged them (its `answered`), not searched: the
   * thresholds it answered with, null for none (every hit answered).
   */
  served: { questions: number; thresholds: (number | null)[] };
}

export interface ScanOptions {
  /**
   * Judge every question by searching the index at the threshold given, kb serve's logged
   * `answered` too (`kb gaps --threshold X`); else a line of kb serve's log counts as it says.
   */
  rejudge?: boolean;
}

/**
 * Read a log and search each distinct question once — the question a message asks, without the
 * links, emoji, placeholders, quoted numbers and thanks around it (chatQuestion). A line of kb
 * serve's log says what the bot did (`answered`, at the threshold it was asked with, which a
 * request may set): it is counted so, unsearched, unless `rejudge` (kb gaps --threshold X). So one
 * question may be answered on one line and handed off on another; it is a gap as often as it was
 * handed off. Memory grows with the distinct questions, not with the log's length.
 */
export async function scanLog(kb: KnowledgeBase, reader: LogReader, threshold: number, options: ScanOptions = {}): Promise<LogScan> {
  // per distinct question: whether the index answers it (searched once, when needed) and how often it went unanswered
  const seen = new Map<string, { searched?: boolean; missed: number }>();
  const served = { questions: 0, thresholds: new Set<number | null>() };
  let questions = 0;
  let skipped = 0;
  let answered = 0;
  for await (const read of reader.questions()) {
    questions++;
    // thanks after a question are no other wording of it (你们是正品吗 thx is 你们是正品吗); 好的谢谢 is
    // 好的, small talk either way
    const question = chatQuestion(read.question, { thanks: false });
    if (question === '') {
      skipped++;
      continue;
    }
    let s = seen.get(question);
    if (s === undefined) {
      s = { missed: 0 };
      seen.set(question, s);
    }
    let isAnswered: boolean;
    if (read.served !== undefined && options.rejudge !== true) {
      isAnswered = read.served.answered;
      served.questions++;
      served.thresholds.add(read.served.threshold);
    } else {
      if (s.searched === undefined) {
        const top = kb.search(question, { k: 1 })[0];
        s.searched = top !== undefined && top.confidence >= threshold;
      }
      isAnswered = s.searched;
    }
    if (isAnswered) answered++;
    else s.missed++;
  }
  const unanswered: GapQuestion[] = [];
  for (const [text, s] of seen) if (s.missed > 0) unanswered.push({ text, count: s.missed });
  const thresholds = [...served.thresholds].sort((a, b) => (a ?? -1) - (b ?? -1));
  return { questions, skipped, distinct: seen.size, answered, unanswered, threshold, served: { questions: served.questions, thresholds } };
}

/**
 * Draft store entries, one per cluster: the representative question, the other examples as
 * similar questions, an empty answer for an editor to write, status pending, origin manual.
 * Ids are `gap-` + a hash of the question, so re-running on the same log gives the same ids.
 */
export function draftEntries(clusters: readonly GapCluster[], logFile: string, maxSimilar = 10): Entry[] {
  const ids = new Set<string>();
  return clusters.map((c, rank) => {
    let id = `gap-${createHash('sha256').update(c.representative).digest('hex').slice(0, 10)}`;
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    ids.add(id);
    const near = c.nearest[0];
    const notes = [
      // once imported, the store is sorted by id: the rank tells an editor which drafts matter most
      `kb gaps: gap ${rank + 1} of ${clusters.length}, asked ${c.size} time${c.size === 1 ? '' : 's'} (${c.distinct} distinct) in ${basename(logFile)} without an answer`,
      c.terms.length > 0 ? `key terms: ${c.terms.join(', ')}` : undefined,
      near === undefined ? 'no entry comes near' : `nearest entry: ${near.id} “${near.question}” (confidence ${near.confidence})`,
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
