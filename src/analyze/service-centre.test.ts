// A phone brand's warranty note (fixtures/service-centre): a service centre's customers name what
// happened to their phone in their own words, the note in a policy's (user test, 2026-11-27).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../build/index.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { loadIndex } from '../runtime/load.js';
import { BUILD_TIMEOUT, ROOT, tempDir } from '../test-support/kb.js';

const dir = tempDir('kb-service-centre-');
let kb: KnowledgeBase;

beforeAll(async () => {
  const out = join(dir.path, 'service.index');
  const built = await build({ sources: [join(ROOT, 'fixtures/service-centre/手机保修说明.md')], out });
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
  kb = await loadIndex(out);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

const top = (q: string): string => kb.search(q, { k: 1 })[0]?.source?.headingPath.at(-1) ?? '(nothing)';

describe('a service centre\'s customers in their own words', () => {
  it.each([
    ['手机屏裂了还能保吗', '二、屏幕碎裂'],
    ['屏碎了怎么办', '二、屏幕碎裂'],
    ['手机泡水了怎么办', '三、进水与受潮'],
    ['手机掉水里了', '三、进水与受潮'],
    ['拆过后盖还保修吗', '四、私自拆机'],
    ['刷机了还能保修吗', '五、刷机与系统'],
  ])('%s → %s', (question, section) => {
    expect(top(question)).toBe(section);
  });
});
