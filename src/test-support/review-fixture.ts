/** The review tests' store: fixtures/review/qa.jsonl (six entries: Chinese and English, every status, stale, suggested). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Entry } from '../store/entry.js';
import { parseStore } from '../store/store.js';

export const FIXTURE_STORE = fileURLToPath(new URL('../../fixtures/review/qa.jsonl', import.meta.url));
export const FIXTURE_DIR = join(FIXTURE_STORE, '..');

export function fixtureEntries(): Entry[] {
  const parsed = parseStore(readFileSync(FIXTURE_STORE, 'utf8'), FIXTURE_STORE);
  if (!parsed.ok) throw new Error(`bad fixture store: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.value;
}
