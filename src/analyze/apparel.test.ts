// A clothing brand's help pages (fixtures/apparel): its customers ask about knitwear, fit and damage
// in their own words — British and American, chat spelling, irregular verbs (user trial, 2026-11-27);
// and a Chinese clothing shop's page (fixtures/apparel-zh) asked in English: sizes, pilling, shrinking, fading.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateEntries } from '../generate/index.js';
import { ingestPaths } from '../ingest/index.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, ROOT, fixtureKb, topSection } from '../test-support/kb.js';

let kb: KnowledgeBase;
// a Chinese clothing shop's after-sales page (fixtures/apparel-zh), asked in English as an overseas shopper writes
let zh: KnowledgeBase;

beforeAll(async () => {
  kb = await fixtureKb(['fixtures/apparel']);
  zh = await fixtureKb(['fixtures/apparel-zh']);
}, BUILD_TIMEOUT);

const topOf = (base: KnowledgeBase, q: string): string => topSection(base, q) ?? '(nothing)';
const top = (q: string): string => topOf(kb, q);

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

describe("a Chinese clothing shop's page asked in English", () => {
  it.each([
    ['the dress runs small, can i swap it', '一、尺码偏小或偏大'],
    ['too big for me', '一、尺码偏小或偏大'],
    ['my sweater is pilling', '二、起球'],
    ['it shrank in the wash', '三、缩水'],
    ['the colour faded after washing', '四、褪色掉色'],
    ['colour looks different from the photo', '五、色差'],
    ['can i return a clearance item', '六、特价商品'],
    ['how do i measure my waist and hips', '七、量尺码'],
  ])('%s → %s', (question, section) => {
    expect(topOf(zh, question)).toBe(section);
  });
});
