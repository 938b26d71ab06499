/** Does a hit satisfy an expectation, and the metrics over a suite: hit@1, hit@k, MRR@k. */
import { basename } from 'node:path';
import type { Hit } from '../runtime/knowledge-base.js';
import { traditionalToSimplified } from '../text/normalize.js';
import type { EvalCase, Expectation } from './suite.js';

const normalizedHeadings = new Map<string, string>();

/** A heading as expectations compare it: NFKC, spaces collapsed, simplified (三、退货运费 names 三、退貨運費). */
function normalizeHeading(heading: string): string {
  let n = normalizedHeadings.get(heading);
  if (n === undefined) {
    n = traditionalToSimplified(heading.normalize('NFKC').replace(/\s+/g, ' ').trim());
    if (normalizedHeadings.size > 10_000) normalizedHeadings.clear();
    normalizedHeadings.set(heading, n);
  }
  return n;
}

/**
 * `section` matches a heading equal to it, or starting with it followed by a space or punctuation;
 * in either script (a suite written in simplified for a traditional document, or the other way).
 */
export function headingMatches(heading: string, section: string): boolean {
  const h = normalizeHeading(heading);
  const s = normalizeHeading(section);
  if (h === s) return true;
  if (!h.startsWith(s)) return false;
  const next = h.slice(s.length, s.length + 1);
  return /[\s\p{P}]/u.test(next);
}

/**
 * The names a suite may give a source file by: its path as the index has it and every ending of
 * that path at a folder boundary, down to the file name (`sources/help/returns.md`, `help/returns.md`,
 * `returns.md`), so two files of one name are told apart by their folder.
 */
export function sourceKeys(path: string): string[] {
  const parts = path.split('/');
  return parts.map((_, i) => parts.slice(i).join('/')).filter((k) => k !== '');
}

/** Entries with a source, by every name a suite may give their file (sourceKeys): a source expectation is checked against its file's entries only. */
export function entriesBySourceKey<T extends { source?: { path: string } | undefined }>(entries: Iterable<T>): Map<string, T[]> {
  const byKey = new Map<string, T[]>();
  for (const e of entries) {
    if (e.source === undefined) continue;
    for (const key of sourceKeys(e.source.path)) {
      const list = byKey.get(key);
      if (list === undefined) byKey.set(key, [e]);
      else list.push(e);
    }
  }
  return byKey;
}

/** A suite's source as it is compared: `./` and Windows separators dropped (`.\\help\\returns.md` is `help/returns.md`). */
export function sourceKey(source: string): string {
  return source.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

export function hitMatches(hit: Pick<Hit, 'id' | 'source'>, expectation: Expectation): boolean {
  if (expectation.kind === 'id') return hit.id === expectation.id;
  if (hit.source === undefined) return false;
  const wanted = sourceKey(expectation.source);
  if (hit.source.path !== wanted && basename(hit.source.path) !== wanted && !hit.source.path.endsWith(`/${wanted}`)) return false;
  const section = expectation.section;
  return section === undefined || hit.source.headingPath.some((h) => headingMatches(h, section));
}

/** 1-based rank of the first hit that meets the case's expectation, or null. */
export function rankOf(hits: readonly Pick<Hit, 'id' | 'source'>[], c: EvalCase): number | null {
  if (c.expect.length === 0) return null;
  const i = hits.findIndex((h) => c.expect.some((e) => hitMatches(h, e)));
  return i < 0 ? null : i + 1;
}

export interface Metrics {
  cases: number;
  hit1: number;
  hitK: number;
  mrr: number;
  k: number;
}

export function metricsOf(ranks: readonly (number | null)[], k: number): Metrics {
  const n = ranks.length;
  let h1 = 0;
  let hk = 0;
  let rr = 0;
  for (const r of ranks) {
    if (r === null || r > k) continue;
    hk++;
    if (r === 1) h1++;
    rr += 1 / r;
  }
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  return { cases: n, hit1: n ? round(h1 / n) : 0, hitK: n ? round(hk / n) : 0, mrr: n ? round(rr / n) : 0, k };
}
