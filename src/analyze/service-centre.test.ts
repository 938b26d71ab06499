// A phone brand's warranty note (fixtures/service-centre): a service centre's customers name what
// happened to their phone in their own words, the note in a policy's (user test, 2026-11-27).
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, fixtureKb, topSection } from '../test-support/kb.js';

let kb: KnowledgeBase;

beforeAll(async () => {
  kb = await fixtureKb(['fixtures/service-centre/手机保修说明.md']);
}, BUILD_TIMEOUT);

const top = (q: string): string => topSection(kb, q) ?? '(nothing)';

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
