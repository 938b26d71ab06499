/** Run suites against a loaded index: one search per case, timed. */
import { performance } from 'node:perf_hooks';
import { problem, type Problem } from '../core/problems.js';
import type { Hit, KnowledgeBase } from '../runtime/knowledge-base.js';
import { entriesBySourceKey, headingMatches, hitMatches, metricsOf, rankOf, sourceKey, type Metrics } from './metrics.js';
import type { EvalCase, Expectation } from './suite.js';
import { traditionalToSimplified } from '../text/normalize.js';

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
  /** The top hit's passage (the part of its long answer the question is about); absent when its answer is short. */
  topPassage?: string;
  tags: string[];
  file: string;
  line: number;
  /** Entry ids the case expects (its `id` expectations), for `kb eval --suggest`. */
  expectIds?: string[];
  /** The `{source, section}` the case expects, for `kb eval --suggest`; absent when none. */
  expectSources?: Extract<Expectation, { kind: 'source' }>[];
  /** Expected entry ids the index does not have (a typo, or an outdated id); absent when none. */
  unknownIds?: string[];
  /** For each of `unknownIds`, the index's id it looks like (k1035, K1O01 → K1035, K1001: case, O for 0, l or I for 1), or ''; absent when none does. */
  unknownIdHints?: string[];
  /** Expected `{source, section}` that no entry of the index has (a misspelt file or section), as `file › section`; absent when none. */
  unknownSources?: string[];
  /** For each of `unknownSources`, what the index has instead: `did you mean “第一条”?`, or the file's sections, or the index's files. */
  unknownSourceHints?: string[];
  /** Wall time of this case's search, in milliseconds. */
  latencyMs?: number;
}

export interface EvalReport {
  /** Over the in-scope cases: out-of-scope ones (expect none) are not counted in hit rates. */
  metrics: Metrics;
  /** Every case, in suite order, out-of-scope ones included. */
  cases: CaseResult[];
}

/** Search each case; `onProgress` is told the cases done after each one (and 0 of them before the first). */
export function evaluate(kb: KnowledgeBase, cases: readonly EvalCase[], k: number, onProgress?: (done: number, total: number) => void): EvalReport {
  const results: CaseResult[] = [];
  const inScopeRanks: (number | null)[] = [];
  // one-time work (lazy tables built by the first searches) is not a question's latency
  onProgress?.(0, cases.length);
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
    const sources = c.expect.flatMap((e) => (e.kind === 'source' ? [e] : []));
    if (sources.length > 0) (results.at(-1) as CaseResult).expectSources = sources;
    if (hits[0]?.passage !== undefined) (results.at(-1) as CaseResult).topPassage = hits[0].passage;
    onProgress?.(results.length, cases.length);
  }
  markUnknown(kb, cases, results);
  return { metrics: metricsOf(inScopeRanks, k), cases: results };
}

/**
 * Note on each case what it expects that the index does not have: entry ids, and sources (a file,
 * and a section in it) that no entry comes from. Entries live in the index's lazily inflated
 * blocks, so this decodes every entry once — after the timed searches (their latency is not
 * touched) and shared with the coverage, which needs them all anyway (KnowledgeBase.entries keeps them).
 */
/** An id as it looks: case, width, O for 0 and l or I for 1 do not tell ids apart to a person typing one. */
function idLook(id: string): string {
  return id.normalize('NFKC').toLowerCase().replace(/o/g, '0').replace(/[il|]/g, '1').replace(/\s+/g, '');
}

function markUnknown(kb: KnowledgeBase, cases: readonly EvalCase[], results: CaseResult[]): void {
  if (!cases.some((c) => c.expect.length > 0)) return;
  const known = new Set(kb.entries.map((e) => e.id));
  /** The index's ids by how they look (idLook), made on the first unknown id. */
  let looks: Map<string, string> | undefined;
  const byFile: ReadonlyMap<string, Pick<Hit, 'id' | 'source'>[]> = entriesBySourceKey(kb.entries);
  cases.forEach((c, i) => {
    const r = results[i];
    if (r === undefined) return;
    const ids = [...new Set(c.expect.flatMap((e) => (e.kind === 'id' && !known.has(e.id) ? [e.id] : [])))];
    const missing = c.expect.flatMap((e) => (e.kind === 'source' && !(byFile.get(sourceKey(e.source)) ?? []).some((h) => hitMatches(h, e)) ? [e] : []));
    if (ids.length > 0) {
      r.unknownIds = ids;
      looks ??= new Map([...known].reverse().map((id) => [idLook(id), id]));
      const hints = ids.map((id) => looks?.get(idLook(id)) ?? '');
      if (hints.some((h) => h !== '')) r.unknownIdHints = hints;
    }
    if (missing.length > 0) {
      r.unknownSources = missing.map(sourceLabel);
      r.unknownSourceHints = missing.map((e) => {
        const { hint, meant } = sourceHint(e, byFile);
        // the search already answers from the heading meant (renamed since): only the suite is behind
        const top = r.top[0]?.id;
        const fromMeant = meant !== undefined && (byFile.get(sourceKey(e.source)) ?? []).some((h) => h.id === top && (h.source?.headingPath ?? []).includes(meant));
        return fromMeant ? `${hint} — the top hit comes from it: update the suite's section` : hint;
      });
    }
  });
}

/** A `{source, section}` expectation as warnings and reports name it: `returns.md › 二、退货运费`. */
const sourceLabel = (e: Extract<Expectation, { kind: 'source' }>): string => (e.section === undefined ? e.source : `${e.source} › ${e.section}`);

/**
 * A heading's numbering as Chinese policies write it (第一条, 第二章, 一、, （一）, 1.2), without spaces;
 * undefined when it has none or nothing after it. A bare number before a space is numbering only
 * with one or two digits and a capital or a Chinese character after it (1 Returns, 2 退货): not the
 * year of `2024 holiday returns` nor the count of `3 ways to return`.
 */
export function numberingLabel(heading: string): string | undefined {
  const m = /^\s*(第[一二三四五六七八九十百零〇两\d]+[章节条款部篇]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[、.．](?!\d)|\d+(?:\.\d+)+\s|\d{1,2}\s+(?=[\p{Lu}\p{Script=Han}]))\s*\S/u.exec(heading);
  return m?.[1]?.trim().replace(/[.．]$/u, '.').replace(/^（/u, '(').replace(/）$/u, ')');
}

/**
 * What the index has instead of a `{source, section}` no entry comes from: the heading the suite
 * most likely meant (`第一条` for `第一条 保修期限` when the article's words are its first sentence;
 * `七天` for `七天无理由退货`), else the file's sections, else — the file is unknown —
 * the index's source files.
 */
function sourceHint(e: Extract<Expectation, { kind: 'source' }>, byFile: ReadonlyMap<string, Pick<Hit, 'id' | 'source'>[]>): { hint: string; meant?: string } {
  const list = (names: readonly string[], max: number): string => `${names.slice(0, max).map((n) => `“${n}”`).join(', ')}${names.length > max ? ', …' : ''}`;
  const entries = byFile.get(sourceKey(e.source));
  if (entries === undefined) {
    const files = [...new Set([...byFile.keys()].filter((k) => !k.includes('/')))].sort();
    return { hint: files.length === 0 ? 'no entry of the index has a source file' : `the index's source files are ${list(files, 8)}` };
  }
  const section = e.section ?? '';
  const headings = sectionNames(entries.map((h) => h.source?.headingPath ?? []));
  const simple = (text: string): string => traditionalToSimplified(text.normalize('NFKC'));
  const containing = headings.filter((h) => simple(h).includes(simple(section)));
  const meant =
    headings.find((h) => headingMatches(section, h)) ??
    headings.find((h) => headingMatches(h.slice(0, section.length), section)) ??
    // without its numbering (七天 for 一、七天无理由退货), when only one heading has it
    (containing.length === 1 ? containing[0] : undefined);
  if (meant !== undefined) return { hint: `did you mean “${meant}”?`, meant };
  // renamed under the same number (一、七天无理由退货 → 一、十五天无理由退货: a policy changed), when only one heading has it
  const label = numberingLabel(simple(section));
  const numbered = label === undefined ? [] : headings.filter((h) => numberingLabel(simple(h)) === label);
  const renamed = numbered.length === 1 ? numbered[0] : undefined;
  if (renamed !== undefined) return { hint: `did you mean “${renamed}”, numbered as the suite's section, renamed since?`, meant: renamed };
  return { hint: `its sections are ${list(headings, 8)}` };
}

/**
 * The headings of a file's entries, to name as its sections: every heading of their paths but the
 * document's title — the first heading when all the paths start with it and some go deeper
 * (`化妆品过敏与保质期说明 › 过敏退货规则`). A DOCX whose title is no heading, or a FAQ table, has
 * paths that start with the sections themselves (`三、运费与运费险`, a category): before, the first
 * heading was always dropped, and such a file's sections were listed as none.
 */
export function sectionNames(paths: readonly (readonly string[])[]): string[] {
  const first = paths[0]?.[0];
  const titled = first !== undefined && paths.every((p) => p[0] === first) && paths.some((p) => p.length > 1);
  return [...new Set(paths.flatMap((p) => (titled ? p.slice(1) : p)))];
}

/** What the store says of its entries: why kb build left each out (store.ts whyLeftOut: rejected, no-answer, source-missing…, and pending), or `indexed`. */
export interface StoreInfo {
  path: string;
  status: ReadonlyMap<string, string>;
  /** The store's entries that come from a source, to find those a `{source, section}` expectation names. */
  sourced?: readonly Pick<Hit, 'id' | 'source'>[];
}

/** The entries of a previous run's index (`--baseline`, its `entryIds`): an id it had and this index lacks was removed since. */
export interface BaselineEntries {
  file: string;
  entryIds: ReadonlySet<string>;
}

/** Why `kb build` left an entry of the store out of the index, or why the store lacks it, and what to do; or undefined. */
function leftOut(id: string, store: StoreInfo | undefined, baseline?: BaselineEntries): string | undefined {
  // an entry the baseline's index had: a pull request deleted its FAQ row or section (kb generate
  // then drops it), and the case must follow — not "fix the id", nor "kb generate makes it again"
  if (baseline?.entryIds.has(id) === true && (store === undefined || !store.status.has(id))) {
    return `${store === undefined ? 'the' : `nor is it in the store (${store.path}), while the`} baseline's index (${baseline.file}) had it: it was removed since — its FAQ row or section deleted from the sources, or the entry from the store; if that is meant, make the case expect the entry that answers the question now, or none; else restore it and run kb generate`;
  }
  if (store !== undefined && !store.status.has(id)) {
    return `nor is it in the store (${store.path}): fix the id; if its FAQ row or section was deleted from the sources (kb generate then drops its entry), make the case expect the entry that answers the question now, or none; an entry deleted from the store by hand kb generate makes again (to keep one from the bot, reject it in kb review); a FAQ row switched off in its table (状态 停用) makes none`;
  }
  const status = store?.status.get(id);
  if (status === 'rejected') return `the store (${store?.path}) has it rejected, and kb build leaves rejected entries out: approve it in kb review, or expect another entry`;
  if (status === 'source-missing') return `the store (${store?.path}) has it source-missing (its section vanished), and kb build leaves those out: point the case at the entry that replaced it`;
  if (status === 'no-answer') return `the store (${store?.path}) has it without an answer, and kb build leaves those out: write its answer in kb review`;
  if (status === 'pending') return `the store (${store?.path}) has it pending, and kb build --only-approved leaves those out: approve it in kb review, or rebuild the index without --only-approved`;
  return undefined;
}

/**
 * Why the store's entries of a `{source, section}` no entry of the index comes from were left out
 * of the build (`the store's entry s-… does, but the store has it rejected …`), or undefined when
 * the store has none (a misspelt file or section) or indexes them (a stale index).
 */
function sourceLeftOut(e: Extract<Expectation, { kind: 'source' }>, store: StoreInfo | undefined): string | undefined {
  const reasons = (store?.sourced ?? []).filter((h) => hitMatches(h, e)).flatMap((h) => {
    const why = leftOut(h.id, store);
    return why === undefined ? [] : [`the store's entry ${h.id} does, but ${why}`];
  });
  return reasons.length === 0 ? undefined : [...new Set(reasons)].join('; ');
}

/**
 * One warning per case that expects what the index does not have: suite file, line, what, what to
 * do — with the store's reason when the entry is in it but was left out of the build (rejected).
 */
export function unknownIdProblems(cases: readonly CaseResult[], index?: string, store?: StoreInfo, baseline?: BaselineEntries): Problem[] {
  const where = index === undefined ? 'the index' : `the index (${index})`;
  return cases.flatMap((c) => {
    const ids = c.unknownIds ?? [];
    const sources = c.unknownSources ?? [];
    const out: Problem[] = [];
    const rest: string[] = [];
    const hints = c.unknownIdHints ?? [];
    ids.forEach((id, n) => {
      const meant = hints[n] ?? '';
      if (meant !== '') out.push(problem('unknown-entry', `expects entry ${JSON.stringify(id)}, which is not in ${where}: did you mean ${JSON.stringify(meant)}? fix the id`, { file: c.file, location: { line: c.line }, severity: 'warning' }));
    });
    for (const id of ids.filter((_, n) => (hints[n] ?? '') === '')) {
      const why = leftOut(id, store, baseline);
      if (why === undefined) rest.push(id);
      else out.push(problem('unknown-entry', `expects entry ${JSON.stringify(id)}, which is not in ${where}: ${why}`, { file: c.file, location: { line: c.line }, severity: 'warning' }));
    }
    if (rest.length > 0) {
      const named = rest.map((id) => JSON.stringify(id)).join(', ');
      const message = rest.length === 1 ? `expects entry ${named}, which is not in ${where}; fix the id or rebuild the index` : `expects entries ${named}, which are not in ${where}; fix the ids or rebuild the index`;
      out.push(problem('unknown-entry', message, { file: c.file, location: { line: c.line }, severity: 'warning' }));
    }
    if (sources.length > 0) {
      const named = sources.map((s) => `“${s}”`).join(', ');
      const hints = (c.unknownSourceHints ?? []).filter((h) => h !== '');
      const hint = hints.length === 0 ? '' : ` (${hints.join('; ')})`;
      // in the store but left out of the build (rejected, source-missing, pending): its reason, as for an id
      const whys = (c.expectSources ?? []).filter((e) => sources.includes(sourceLabel(e))).flatMap((e) => sourceLeftOut(e, store) ?? []);
      const next = whys.length === 0 ? '; fix the file name or section, or rebuild the index' : `: ${whys.join('; ')}`;
      out.push(problem('unknown-entry', `expects ${named}, which no entry of ${where} comes from${hint}${next}`, { file: c.file, location: { line: c.line }, severity: 'warning' }));
    }
    return out;
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
