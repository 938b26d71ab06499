/** `kb query`: ask the index one question and show the ranked hits. */
import { chatQuestion } from '../../analyze/chat-text.js';
import { loadIndex, type KnowledgeBase } from '../../runtime/index.js';
import { EXIT, UsageError } from '../cli.js';
import { noIndex, defaultIndex, workingConfig } from '../config.js';
import type { Output } from '../output.js';

export interface QueryCommandOptions {
  question: string;
  /** The index file; default: "out" of kb.config.yaml. */
  index?: string;
  k: number;
  threshold: number;
  json: boolean;
  /** Passages at most this long (default 200); 0: none, whole answers shown. */
  passageChars?: number;
}

function clip(text: string, n: number): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n)}…` : t;
}

/**
 * Why a question found nothing. The analyzer asks a chat message's question only (analyzeQuery,
 * chatQuestion): a message that is only a greeting, a sticker code or chat noise (你好, 亲，在吗,
 * [表情]) has no terms — before, kb query said the knowledge base had none of its words.
 */
function noHits(kb: KnowledgeBase, options: QueryCommandOptions): string {
  const question = options.question.trim();
  if (question === '') return 'no hits: the question is empty (pass a customer question in quotes: kb query "退货运费谁出")';
  if (kb.analyzer.analyzeQuery(question).terms.size === 0) {
    // (as analyzeQuery: a message with a number in it is asked as typed)
    if (kb.analyzer.settings.options.chat === true && chatQuestion(question) === '' && !/\d/u.test(question)) return `no hits: ${question} is a greeting (or chat noise) and asks nothing`;
    return `no hits: ${question} has only words too common to search by (such as 的, 吗) and asks nothing`;
  }
  return options.threshold > 0 ? `no hit with confidence ≥ ${options.threshold}: hand off to a person` : 'no hits: the knowledge base has none of these words';
}

export async function runQuery(options: QueryCommandOptions, output: Output): Promise<number> {
  const index = options.index ?? defaultIndex(await workingConfig());
  if (index === undefined) throw new UsageError(noIndex());
  const kb = await loadIndex(index);
  const hits = kb.search(options.question, { k: options.k, threshold: options.threshold, passageHits: options.k, ...(options.passageChars !== undefined ? { passageChars: options.passageChars } : {}) });
  if (options.json) {
    output.out(JSON.stringify({ question: options.question, hits }, null, 2));
    return EXIT.OK;
  }
  if (hits.length === 0) {
    output.out(noHits(kb, options));
    return EXIT.OK;
  }
  hits.forEach((h, i) => {
    output.out(`${i + 1}. ${output.color('bold', h.question)}  [${h.id}]`);
    output.out(`   score ${h.score.toFixed(3)}  confidence ${h.confidence.toFixed(2)}`);
    if (h.matched !== h.question) output.out(`   matched: ${h.matched}`);
    if (h.matchedTerms.length > 0) output.out(`   terms: ${h.matchedTerms.join(' ')}`);
    if (h.source !== undefined) {
      const where = [h.source.path, ...(h.source.headingPath.length > 0 ? [h.source.headingPath.join(' › ')] : []), ...(h.source.page !== undefined ? [`p.${h.source.page}`] : [])];
      output.out(`   source: ${where.join(' · ')}`);
    }
    if (h.tags !== undefined) output.out(`   tags: ${h.tags.join(', ')}`);
    if (h.passage !== undefined) {
      // what a bot would send: the part of the long answer the question is about
      output.out(`   passage (${h.passage.length} of ${h.answer.length} characters):`);
      for (const line of h.passage.split('\n')) output.out(`   ${output.color('dim', line)}`);
    } else if (options.passageChars === 0) {
      // passages off: the whole answer, as a bot would send it
      output.out(`   answer (${h.answer.length} characters):`);
      for (const line of h.answer.trim().split('\n')) output.out(`   ${output.color('dim', line)}`);
    } else output.out(`   ${output.color('dim', clip(h.answer, 120))}`);
  });
  return EXIT.OK;
}
