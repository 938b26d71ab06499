// A Chinese clothing shop's after-sales page (fixtures/apparel-zh) asked in English, as an overseas
// shopper writes (user trial of an apparel brand, 2026-11-27): sizes, pilling, shrinking, fading.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../build/index.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { loadIndex } from '../runtime/load.js';
import { BUILD_TIMEOUT, ROOT, tempDir } from '../test-support/kb.js';

const dir = tempDir('kb-apparel-zh-');
let kb: KnowledgeBase;

beforeAll(async () => {
  const out = join(dir.path, 'apparel-zh.index');
  const built = await build({ sources: [join(ROOT, 'fixtures/apparel-zh')], out });
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
  kb = await loadIndex(out);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

const top = (q: string): string => kb.search(q, { k: 1 })[0]?.source?.headingPath.at(-1) ?? '(nothing)';

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
    expect(top(question)).toBe(section);
  });
});
