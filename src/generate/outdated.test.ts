import { cp, mkdtemp, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readStore, serializeStore } from '../store/store.js';
import { findOutdatedSources } from './outdated.js';
import { regenerate } from './regenerate.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/generate');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-outdated-'));
  await cp(FIXTURES, join(dir, 'sources'), { recursive: true });
  const generated = await regenerate({ sources: ['sources'], store: 'kb/qa.jsonl', cwd: dir, similar: 0 });
  if (!generated.ok) throw new Error('the fixtures do not generate');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function check(sources?: string[]) {
  const store = await readStore(join(dir, 'kb/qa.jsonl'));
  if (store === undefined || !store.ok) throw new Error('no store');
  return findOutdatedSources(store.value, { cwd: dir, ...(sources !== undefined ? { sources } : {}) });
}

describe('is the store behind its sources?', () => {
  it('finds nothing right after kb generate, nor when a source is only touched', async () => {
    expect(await check(['sources'])).toMatchObject({ changed: [], added: [], vanished: [], unreadable: [] });
    const future = new Date(Date.now() + 60_000);
    await utimes(join(dir, 'sources/shop-policy.txt'), future, future);
    expect((await check(['sources'])).changed).toEqual([]);
  });

  it('names a source edited, one added and one deleted after kb generate', async () => {
    const policy = join(dir, 'sources/shop-policy.txt');
    await writeFile(policy, (await readFile(policy, 'utf8')).replace('七日内', '十五日内'));
    await writeFile(join(dir, 'sources/invoice.md'), '# 发票\n\n## 怎么开发票\n\n订单完成后在订单详情页申请电子发票。\n');
    await writeFile(join(dir, 'sources/broken.docx'), 'not a zip');
    await unlink(join(dir, 'sources/faq.md'));
    const found = await check(['sources']);
    // a file that cannot be read is no entry kb generate would add, but it is named with why
    expect(found).toMatchObject({ changed: ['sources/shop-policy.txt'], added: ['sources/invoice.md'], vanished: ['sources/faq.md'], unreadable: ['sources/broken.docx'] });
    expect(found.unreadableProblems.map((p) => p.file)).toEqual(['sources/broken.docx']);
    // without the configured sources only the store's own files are compared
    expect((await check()).added).toEqual([]);
  });

  it('finds nothing right after kb generate kept a reviewed entry whose section was removed, and names the file when the section is back', async () => {
    const md = join(dir, 'sources/returns-help.md');
    const original = await readFile(md, 'utf8');
    const store = join(dir, 'kb/qa.jsonl');
    const before = await readStore(store);
    if (before === undefined || !before.ok) throw new Error('no store');
    const credit = before.value.find((e) => e.source?.path === 'sources/returns-help.md' && e.source.headingPath.includes('Store credit'));
    expect(credit).toBeDefined();
    // an editor approves the entry of "Store credit"; then the section is removed and kb generate runs
    await writeFile(store, serializeStore(before.value.map((e) => (e.id === credit?.id ? { ...e, status: 'approved' as const } : e))));
    await writeFile(md, original.slice(0, original.indexOf('## Store credit')));
    const generated = await regenerate({ sources: ['sources'], store: 'kb/qa.jsonl', cwd: dir, similar: 0 });
    expect(generated.ok).toBe(true);
    const after = await readStore(store);
    expect(after?.ok === true && after.value.find((e) => e.id === credit?.id)).toMatchObject({ status: 'approved', stale: 'source-missing' });
    expect(await check(['sources'])).toMatchObject({ changed: [], added: [], vanished: [] });
    // the section comes back: kb generate would clear the mark
    await writeFile(md, original);
    expect((await check(['sources'])).changed).toEqual(['sources/returns-help.md']);
    // it is gone for good: the editor rejects the entry; kb generate leaves it so, and so does the check
    await writeFile(md, original.slice(0, original.indexOf('## Store credit')));
    const marked = await readStore(store);
    if (marked === undefined || !marked.ok) throw new Error('no store');
    await writeFile(store, serializeStore(marked.value.map(({ stale, ...e }) => (e.id === credit?.id ? { ...e, status: 'rejected' as const } : stale === undefined ? e : { ...e, stale }))));
    expect(await check(['sources'])).toMatchObject({ changed: [], added: [], vanished: [] });
    const again = await regenerate({ sources: ['sources'], store: 'kb/qa.jsonl', cwd: dir, similar: 0, dryRun: true });
    expect(again.ok && again.value.merge.sourceMissing).toEqual([]);
  });

  it('a section added to a file counts as a change (kb generate would add its entry)', async () => {
    const md = join(dir, 'sources/returns-help.md');
    await writeFile(md, `${await readFile(md, 'utf8')}\n## 发票怎么开\n\n在订单详情页申请电子发票。\n`);
    expect((await check()).changed).toEqual(['sources/returns-help.md']);
    // …and one whose only difference is an entry the store lacks: a new section, or one deleted from the store
    expect((await check()).lacking).toEqual(['sources/returns-help.md']);
  });

  it('tells an entry deleted from the store by hand (which kb generate would add again) from a changed source', async () => {
    const path = join(dir, 'kb/qa.jsonl');
    const store = await readStore(path);
    if (store === undefined || !store.ok) throw new Error('no store');
    const victim = store.value.find((e) => e.source?.path === 'sources/returns-help.md');
    await writeFile(path, serializeStore(store.value.filter((e) => e !== victim)));
    const found = await check();
    expect(found).toMatchObject({ changed: ['sources/returns-help.md'], lacking: ['sources/returns-help.md'] });
    const { outdatedWarning } = await import('../build/index.js');
    expect(outdatedWarning('kb/qa.jsonl', found)?.message).toMatch(/has sections or rows kb\/qa\.jsonl has no entry for: .*reject it in kb review instead of deleting it/u);
    // an edited section is a change, not a lack
    await writeFile(path, serializeStore(store.value));
    const md = join(dir, 'sources/returns-help.md');
    await writeFile(md, (await readFile(md, 'utf8')).replace('退', '退还'));
    expect((await check()).lacking).toEqual([]);
  });
});
