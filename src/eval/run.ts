/** Run suites against a loaded index: one search per case, timed. */
import { performance } from 'node:perf_hooks';
import { problem, type Problem } from '../core/problems.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { metricsOf, rankOf, type Metrics } from './metrics.js';
import type { EvalCase } from './suite.js';

export interface TopHit {
  id: string;
  score: number;
  confidence: number;
}

export interface CaseResult {
  q: string;
  /** The expectation as the suite wrote it; null for an out-of-scope question. */
  expect: unknown;
  /** 1-based rank of the first right hit within the top k, null when none (always null out of scope). */
  rank: number | null;
  top: TopHit[];
  /** The question of the top hit, for people reading the report (not in the JSON contract). */
  topQuestion: string | null;
  tags: string[];
  file: string;
  line: number;
  /** Entry ids the case expects (its `id` expectations), for `kb eval --suggest`. */
  expectIds?: string[];
  /** Expected entry ids the index does not have (a typo, or an outdated id); absent when none. */
  unknownIds?: string[];
  /** Wall time of this case's search, in milliseconds. */
  latencyMs?: number;
}

export interface EvalReport {
  /** Over the in-scope cases: out-of-scope ones (expect none) are not counted in hit rates. */
  metrics: Metrics;
  /** Every case, in suite order, out-of-scope ones included. */
  cases: CaseResult[];
}

export function evaluate(kb: KnowledgeBase, cases: readonly EvalCase[], k: number): EvalReport {
  const results: CaseResult[] = [];
  const inScopeRanks: (number | null)[] = [];
  // one-time work (lazy tables built by the first searches) is not a question's latency
  for (const warmUp of [cases[0]?.q ?? '', '嘦嘦 warm up']) kb.search(warmUp, { k });
  for (const c of cases) {
    const started = performance.now();
    const hits = kb.search(c.q, { k });
    const latencyMs = performance.now() - started;
    const rank = rankOf(hits, c);
    if (c.expect.length > 0) inScopeRanks.push(rank);
    results.push({
      q: c.q,
      expect: c.expectRaw,
      rank,
      top: hits.map((h) => ({ id: h.id, score: h.score, confidence: h.confidence })),
      topQuestion: hits[0]?.question ?? null,
      tags: c.tags,
      file: c.file,
      line: c.line,
      expectIds: c.expect.flatMap((e) => (e.kind === 'id' ? [e.id] : [])),
      latencyMs,
    });
  }
  markUnknownIds(kb, results);
  return { metrics: metricsOf(inScopeRanks, k), cases: results };
}

/**
 * Note on each case the expected entry ids the index does not have. Entry ids live in the
 * index's lazily inflated entry blocks, so this decodes every entry once — after the timed
 * searches (their latency is not touched) and shared with the coverage, which needs them all
 * anyway (KnowledgeBase.entries keeps them).
 */
function markUnknownIds(kb: KnowledgeBase, results: CaseResult[]): void {
  if (!results.some((r) => (r.expectIds?.length ?? 0) > 0)) return;
  const known = new Set(kb.entries.map((e) => e.id));
  for (const r of results) {
    const unknown = [...new Set(r.expectIds ?? [])].filter((id) => !known.has(id));
    if (unknown.length > 0) r.unknownIds = unknown;
  }
}

/** One warning per case that expects entries the index does not have: suite file, line, the ids, what to do. */
export function unknownIdProblems(cases: readonly CaseResult[], index?: string): Problem[] {
  const where = index === undefined ? 'the index' : `the index (${index})`;
  return cases.flatMap((c) => {
    const ids = c.unknownIds ?? [];
    if (ids.length === 0) return [];
    const named = ids.map((id) => JSON.stringify(id)).join(', ');
    const message = ids.length === 1 ? `expects entry ${named}, which is not in ${where}; fix the id or rebuild the index` : `expects entries ${named}, which are not in ${where}; fix the ids or rebuild the index`;
    return [problem('unknown-entry', message, { file: c.file, location: { line: c.line }, severity: 'warning' })];
  });
}

/** The `kb eval --json` document of the matcher issue: these keys at least (json.ts adds more). */
export interface EvalJson {
  metrics: Metrics;
  cases: { q: string; expect: unknown; rank: number | null; top: TopHit[] }[];
}

export function evalJson(report: EvalReport): EvalJson {
  const { cases, hit1, hitK, mrr, k } = report.metrics;
  return {
    metrics: { cases, hit1, hitK, mrr, k },
    cases: report.cases.map((c) => ({ q: c.q, expect: c.expect, rank: c.rank, top: c.top.map(({ id, score, confidence }) => ({ id, score, confidence })) })),
  };
}
