// A clothing brand's help pages (fixtures/apparel): its customers ask about knitwear, fit and damage
// in their own words — British and American, chat spelling, irregular verbs (user trial, 2026-11-27).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../build/index.js';
import { generateEntries } from '../generate/index.js';
import { ingestPaths } from '../ingest/index.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { loadIndex } from '../runtime/load.js';
import { BUILD_TIMEOUT, ROOT, tempDir } from '../test-support/kb.js';

const dir = tempDir('kb-apparel-');
let kb: KnowledgeBase;

beforeAll(async () => {
  const out = join(dir.path, 'apparel.index');
  const built = await build({ sources: [join(ROOT, 'fixtures/apparel')], out });
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
  kb = await loadIndex(out);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

const top = (q: string): string => kb.search(q, { k: 1 })[0]?.source?.headingPath.at(-1) ?? '(nothing)';

describe("a clothing brand's customers in their own words", () => {
  it.each([
    ['my jumper is bobbling already', 'Pilling on knitwear'],
    ['little bobbles all over my pullover', 'Pilling on knitwear'],
    ['the tee shrunk in the wash', 'Shrinkage'],
    ['can i put it in the dryer', 'Shrinkage'],
    ['my new jeans stained my white sofa', 'Dye transfer from denim'],
    ['my shirt ripped after a week', 'Holes and broken seams'],
    ['my sleeve is torn', 'Holes and broken seams'],
    ['the pocket tore off', 'Holes and broken seams'],
    ['pants too loose what do i do', 'Trouser fit'],
    ['can i combine two promos', 'Discount codes'],
    ['my coupon is invalid', 'Discount codes'],
    ['do i pay vat', 'Import charges'],
  ])('%s → %s', (question, section) => {
    expect(top(question)).toBe(section);
  });
});

describe("the similar questions of a clothing brand's pages", () => {
  it('say a garment and its fault in the other words shoppers use, never a noun for the verb (sweater bobble) or one word twice (掉色、掉色)', async () => {
    const run = await ingestPaths([join(ROOT, 'fixtures/apparel/garment-care.md'), join(ROOT, 'fixtures/apparel-zh')]);
    const questions = generateEntries(run.documents, { similar: 5 }).items.flatMap((i) => [i.entry.question, ...i.entry.similar]);
    expect(questions.some((q) => /bobbling on knitwear/u.test(q))).toBe(true);
    expect(questions.filter((q) => /\bbobble\b|掉色、掉色|串色、串色/u.test(q))).toEqual([]);
  });
});
