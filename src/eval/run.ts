/** Run suites against a loaded index. */
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { metricsOf, rankOf, type Metrics } from './metrics.js';
import type { EvalCase } from './suite.js';

export interface CaseResult {
  q: string;
  expect: unknown;
  /** 1-based rank of the first right hit within the top k, null when none. */
  rank: number | null;
  top: { id: string; score: number; confidence: number }[];
  tags: string[];
  file: string;
  line: number;
}

export interface EvalReport {
  metrics: Metrics;
  cases: CaseResult[];
}

export function evaluate(kb: KnowledgeBase, cases: readonly EvalCase[], k: number): EvalReport {
  const results: CaseResult[] = [];
  const inScopeRanks: (number | null)[] = [];
  for (const c of cases) {
    const hits = kb.search(c.q, { k });
    const rank = rankOf(hits, c);
    if (c.expect.length > 0) inScopeRanks.push(rank);
    results.push({
      q: c.q,
      expect: c.expectRaw,
      rank,
      top: hits.map((h) => ({ id: h.id, score: h.score, confidence: h.confidence })),
      tags: c.tags,
      file: c.file,
      line: c.line,
    });
  }
  return { metrics: metricsOf(inScopeRanks, k), cases: results };
}
