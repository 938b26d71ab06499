// What a changed source says now, for an entry whose answer an editor rewrote: kb generate keeps the
// editor's answer, and kb review reads the source again to show the new text.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { regenerate } from '../generate/regenerate.js';
import { readStore, writeStore } from '../store/store.js';
import { tempDir } from '../test-support/kb.js';
import { needsSourceNow, sourceNowLoader } from './source-now.js';

const dir = tempDir('kb-source-now-');
afterAll(() => dir.remove());

const POLICY = (fee: string) => `# 配送说明\n\n## 运费\n\n订单满99元包邮；不满99元收取运费${fee}元。\n\n## 发货时间\n\n付款后48小时内发货。\n`;

async function entries() {
  const read = await readStore(join(dir.path, 'kb/qa.jsonl'));
  if (read === undefined || !read.ok) throw new Error('no store');
  return read.value;
}

describe('what the source says now', () => {
  it('reads the new text of a section whose entry keeps the editor\'s answer', async () => {
    mkdirSync(join(dir.path, 'sources'), { recursive: true });
    writeFileSync(join(dir.path, 'sources/配送说明.md'), POLICY('8'));
    expect((await regenerate({ sources: ['sources'], store: 'kb/qa.jsonl', cwd: dir.path, similar: 0 })).ok).toBe(true);
    const fee = (await entries()).find((e) => e.answer.includes('运费8元'));
    if (fee === undefined) throw new Error('no fee entry');
    // an editor rewrites the answer and approves it; then the fee changes and kb generate runs
    await writeStore(join(dir.path, 'kb/qa.jsonl'), (await entries()).map((e) => (e.id === fee.id ? { ...e, answer: '不满99元运费8元，满99元包邮。', edited: true, editedFields: ['answer' as const], status: 'approved' as const } : e)));
    writeFileSync(join(dir.path, 'sources/配送说明.md'), POLICY('10'));
    expect((await regenerate({ sources: ['sources'], store: 'kb/qa.jsonl', cwd: dir.path, similar: 0 })).ok).toBe(true);
    const after = await entries();
    const kept = after.find((e) => e.id === fee.id);
    expect(kept).toMatchObject({ answer: '不满99元运费8元，满99元包邮。', stale: 'source-changed', status: 'approved' });
    expect(after.filter(needsSourceNow).map((e) => e.id)).toEqual([fee.id]);
    const load = sourceNowLoader(dir.path);
    expect(await load(kept ?? fee)).toEqual({ answer: '订单满99元包邮；不满99元收取运费10元。' });
    // kb review run from the store's folder (or anywhere) finds the source as kb generate named it
    expect(await sourceNowLoader(join(dir.path, 'kb'), 'qa.jsonl')(kept ?? fee)).toEqual({ answer: '订单满99元包邮；不满99元收取运费10元。' });
  });

  it('has nothing for a section that is gone or a file that cannot be read', async () => {
    const load = sourceNowLoader(dir.path);
    const base = (await entries())[0];
    if (base === undefined) throw new Error('no entries');
    expect(await load({ ...base, id: 's-not-there' })).toBeUndefined();
    expect(await load({ ...base, source: { path: 'sources/gone.md', headingPath: [] } })).toBeUndefined();
  });
});
