/**
 * Gaps against a loaded index: which questions it does not answer (top confidence below the
 * threshold), clustered (gaps.ts), with the entries nearest to each cluster, and draft entries
 * for the store.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { isWordTerm } from '../analyze/analyzer.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import type { Entry } from '../store/entry.js';
import { chatQuestion } from '../analyze/chat-text.js';
import { clusterQuestions, withoutSmallTalk, type ClusterOptions, type GapCluster, type GapQuestion } from './gaps.js';
import type { LogReader } from './log.js';
import type { CaseResult } from './run.js';
import type { CaseVerdict } from './summary.js';

/** The threshold `kb gaps` uses when none is given (the runtime's documented "answer at 0.5"). */
export const DEFAULT_THRESHOLD = 0.5;

/** Key terms of a question: the index's own analyzer, words only (no character bigrams). */
export function gapTokenizer(kb: KnowledgeBase): (text: string) => string[] {
  return (text) => kb.analyzer.analyze(text).filter(isWordTerm);
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
}

/**
 * Read a log and search each distinct question once — the question a message asks, without the
 * links, emoji, placeholders and quoted numbers around it (chatQuestion). Memory grows with the
 * distinct questions, not with the log's length.
 */
export async function scanLog(kb: KnowledgeBase, reader: LogReader, threshold: number): Promise<LogScan> {
  const seen = new Map<string, { count: number; answered: boolean }>();
  let questions = 0;
  let skipped = 0;
  let answered = 0;
  for await (const read of reader.questions()) {
    questions++;
    const question = chatQuestion(read.question);
    if (question === '') {
      skipped++;
      continue;
    }
    let s = seen.get(question);
    if (s === undefined) {
      const top = kb.search(question, { k: 1 })[0];
      s = { count: 0, answered: top !== undefined && top.confidence >= threshold };
      seen.set(question, s);
    }
    s.count++;
    if (s.answered) answered++;
  }
  const unanswered: GapQuestion[] = [];
  for (const [text, s] of seen) if (!s.answered) unanswered.push({ text, count: s.count });
  return { questions, skipped, distinct: seen.size, answered, unanswered, threshold };
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
      // the store is sorted by id: the rank tells an editor which drafts matter most
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
