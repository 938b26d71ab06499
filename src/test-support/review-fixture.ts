/** The review tests' store: fixtures/review/qa.jsonl (six entries: Chinese and English, every status, stale, suggested). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entry } from '../store/entry.js';
import { parseStore } from '../store/store.js';

export const FIXTURE_STORE = fileURLToPath(new URL('../../fixtures/review/qa.jsonl', import.meta.url));
export const FIXTURE_DIR = join(FIXTURE_STORE, '..');

/** A user test's store with kb gaps drafts (fixtures/review-drafts/qa.jsonl): two FAQ rows (K1003 运费险怎么理赔？, K1041 预售定金可以退吗？) and four drafts asked 9, 8, 5 and 2 times. */
export const DRAFTS_STORE = fileURLToPath(new URL('../../fixtures/review-drafts/qa.jsonl', import.meta.url));

export function fixtureEntries(file: string = FIXTURE_STORE): Entry[] {
  const parsed = parseStore(readFileSync(file, 'utf8'), file);
  if (!parsed.ok) throw new Error(`bad fixture store: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.value;
}
