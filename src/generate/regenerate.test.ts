import { cp, mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { readStore, writeStore } from '../store/store.js';
import { importFile } from '../review/round-trip.js';
import { regenerate, REGENERATE_STEPS, type RegenerateResult } from './regenerate.js';
import { answerFor, startMockLlm, type MockLlm } from '../test-support/llm-server.js';
import { ingestPaths } from '../ingest/index.js';
import { formerHashes, generateEntries } from './index.js';
import { findOutdatedSources } from './outdated.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/generate');
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-regen-'));
  await cp(FIXTURES, join(dir, 'sources'), { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (extra: { dryRun?: boolean; sources?: string[] } = {}) => regenerate({ sources: extra.sources ?? ['sources'], store: 'kb/qa.jsonl', cwd: dir, ...(extra.dryRun !== undefined ? { dryRun: extra.dryRun } : {}) });
async function storeEntries(): Promise<Entry[]> {
  const read = await readStore(join(dir, 'kb/qa.jsonl'));
  if (read === undefined || !read.ok) throw new Error('no store');
  return read.value;
}

describe('kb generate into the store', () => {
  it('writes a store with every source’s entries, each with its source hash; a second run changes nothing', async () => {
    const first = await run();
    expect(first.ok && first.value.created).toBe(true);
    const entries = await storeEntries();
    expect(new Set(entries.map((e) => e.source?.path))).toEqual(new Set(['sources/faq.html', 'sources/faq.md', 'sources/returns-help.md', 'sources/shop-policy.txt']));
    expect(entries.every((e) => typeof e.sourceHash === 'string' && e.sourceHash.length === 16)).toBe(true);
    const text = await readFile(join(dir, 'kb/qa.jsonl'), 'utf8');
    const second = await run();
    expect(second.ok && second.value.merge).toMatchObject({ added: [], updated: [], removed: [], unchanged: entries.length });
    expect(await readFile(join(dir, 'kb/qa.jsonl'), 'utf8')).toBe(text);
  });

  it('tells a terminal what it does after reading the files: generating, then merging, then nothing', async () => {
    const steps: [number, number, string][] = [];
    const result = await regenerate({ sources: ['sources'], store: 'kb/qa.jsonl', cwd: dir, onProgress: (done, total, label) => steps.push([done, total, label]) });
    expect(result.ok).toBe(true);
    const after = steps.slice(steps.findIndex(([, total, label]) => total === REGENERATE_STEPS && label.startsWith('writing questions')));
    expect(after.map(([done]) => done)).toEqual([0, 1, REGENERATE_STEPS]);
    expect(after[0]?.[2]).toMatch(/^writing questions and similar questions for \d+ sections$/u);
    expect(after[1]?.[2]).toMatch(/^merging \d+ entries into kb\/qa\.jsonl$/u);
    // the last call clears the line
    expect(after[2]?.[2]).toBe('');
  });

  it('editing one source changes only that source’s entries, and keeps the editor’s decisions there', async () => {
    await run();
    const before = await storeEntries();
    // an editor approves one article and edits another of the policy
    const policy = before.filter((e) => e.source?.path === 'sources/shop-policy.txt');
    const third = policy.find((e) => e.source?.headingPath.at(-1) === '第三条');
    const fifth = policy.find((e) => e.source?.headingPath.at(-1) === '第五条');
    if (third === undefined || fifth === undefined) throw new Error('fixture articles missing');
    const reviewed = before.map((e) => (e.id === third.id ? { ...e, status: 'approved' as const } : e.id === fifth.id ? { ...e, question: '退货运费要我出吗？', edited: true, status: 'approved' as const } : e));
    await writeStore(join(dir, 'kb/qa.jsonl'), reviewed);

    const file = join(dir, 'sources/shop-policy.txt');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('七日内', '十五日内').replace('运费为每单10元', '运费为每单12元').replace(/第七条[^\n]*\n/, ''));
    const result = await run();
    if (!result.ok) throw new Error('regenerate failed');
    const after = await storeEntries();

    const changed = after.filter((e) => JSON.stringify(e) !== JSON.stringify(reviewed.find((r) => r.id === e.id)));
    const removed = reviewed.filter((r) => !after.some((e) => e.id === r.id));
    expect(changed.length).toBeGreaterThan(0);
    for (const e of [...changed, ...removed]) expect(e.source?.path).toBe('sources/shop-policy.txt');

    const t = after.find((e) => e.id === third.id);
    const f = after.find((e) => e.id === fifth.id);
    expect(t).toMatchObject({ status: 'approved', stale: 'source-changed' });
    expect(t?.answer).toContain('十五日内');
    expect(f).toMatchObject({ question: '退货运费要我出吗？', status: 'approved', edited: true, stale: 'source-changed' });
    expect(removed.map((r) => r.source?.headingPath.at(-1))).toEqual(['第七条']);
    expect(result.value.merge.removed).toEqual(removed.map((r) => r.id));
  });

  it('a policy change reverted (even after a second change) clears the source-changed mark of the entries the editor had reviewed', async () => {
    await run();
    const policy = (await storeEntries()).filter((e) => e.source?.path === 'sources/shop-policy.txt');
    const third = policy.find((e) => e.source?.headingPath.at(-1) === '第三条');
    const fifth = policy.find((e) => e.source?.headingPath.at(-1) === '第五条');
    if (third === undefined || fifth === undefined) throw new Error('fixture articles missing');
    // the editor approves 第三条 and rewrites 第五条's answer (kb import)
    await writeFile(join(dir, 'edit.csv'), `id,status,question,answer\n${third.id},approved,${third.question},${third.answer}\n${fifth.id},approved,${fifth.question},非质量问题退货运费由您承担，每单10元，下单时可购买运费险。\n`);
    { const imp = await importFile({ store: join(dir, "kb/qa.jsonl"), file: join(dir, "edit.csv") }); if (!imp.ok) throw new Error(JSON.stringify(imp.problems)); }
    const reviewed = await storeEntries();
    expect(reviewed.find((e) => e.id === third.id)).toMatchObject({ status: 'approved', answer: third.answer });

    const file = join(dir, 'sources/shop-policy.txt');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('七日内', '十五日内').replace('运费为每单10元', '运费为每单12元'));
    const changed = await run();
    expect(changed.ok && [...changed.value.merge.sourceChanged].sort()).toEqual([third.id, fifth.id].sort());
    expect((await storeEntries()).find((e) => e.id === fifth.id)).toMatchObject({ stale: 'source-changed', reviewedHash: fifth.sourceHash });
    // a second change before anyone looked: still the first text is what the editor reviewed
    await writeFile(file, original.replace('七日内', '三十日内').replace('运费为每单10元', '运费为每单15元'));
    expect((await storeEntries()).find((e) => e.id === third.id)?.reviewedHash).toBe(third.sourceHash);
    await run();
    expect((await storeEntries()).find((e) => e.id === third.id)).toMatchObject({ stale: 'source-changed', reviewedHash: third.sourceHash });

    // the boss changed her mind: the policy is back as the editor reviewed it
    await writeFile(file, original);
    const back = await run();
    if (!back.ok) throw new Error('regenerate failed');
    expect([...back.value.merge.restored].sort()).toEqual([third.id, fifth.id].sort());
    expect(back.value.merge.sourceChanged).toEqual([]);
    // the entries are exactly as the editor left them: no mark, the editor's answer, the reviewed text
    expect(await storeEntries()).toEqual(reviewed);
    // and a further run changes nothing
    const again = await run();
    expect(again.ok && again.value.merge.restored).toEqual([]);
  });

  it('an entry whose mark the editor cleared (approved again) forgets the hash it was reviewed against: the mark does not come back cleared by an old text', async () => {
    await run();
    const third = (await storeEntries()).find((e) => e.source?.path === 'sources/shop-policy.txt' && e.source.headingPath.at(-1) === '第三条');
    if (third === undefined) throw new Error('fixture article missing');
    await writeStore(join(dir, 'kb/qa.jsonl'), (await storeEntries()).map((e) => (e.id === third.id ? { ...e, status: 'approved' as const } : e)));
    const file = join(dir, 'sources/shop-policy.txt');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('七日内', '十五日内'));
    await run();
    // the editor approves the new text (kb import: status approved clears the mark)
    await writeFile(join(dir, 'edit.csv'), `id,status,question,answer,stale\n${third.id},approved,${third.question},${third.answer.replace('七日内', '十五日内')},\n`);
    { const imp = await importFile({ store: join(dir, "kb/qa.jsonl"), file: join(dir, "edit.csv") }); if (!imp.ok) throw new Error(JSON.stringify(imp.problems)); }
    const approved = (await storeEntries()).find((e) => e.id === third.id);
    expect(approved?.stale).toBeUndefined();
    expect(approved?.reviewedHash).toBeUndefined();
    // back to seven days: the editor approved fifteen, so seven is a change to look at
    await writeFile(file, original);
    await run();
    expect((await storeEntries()).find((e) => e.id === third.id)).toMatchObject({ stale: 'source-changed', answer: expect.stringContaining('七日内') });
  });

  it('an editor who rewrote only the question (kb import) keeps it, and the entry takes the new policy text', async () => {
    await run();
    const fifth = (await storeEntries()).find((e) => e.source?.path === 'sources/shop-policy.txt' && e.source.headingPath.at(-1) === '第五条');
    if (fifth === undefined) throw new Error('fixture article missing');
    expect(fifth.answer).toContain('10元');
    await writeFile(join(dir, 'edit.csv'), `id,status,question\n${fifth.id},approved,退货运费要我出吗？\n`);
    const imported = await importFile({ store: join(dir, 'kb/qa.jsonl'), file: join(dir, 'edit.csv') });
    expect(imported.ok).toBe(true);
    expect((await storeEntries()).find((e) => e.id === fifth.id)).toMatchObject({ edited: true, editedFields: ['question'], status: 'approved' });

    const file = join(dir, 'sources/shop-policy.txt');
    await writeFile(file, (await readFile(file, 'utf8')).replace('运费为每单10元', '运费为每单12元'));
    const result = await run();
    expect(result.ok && result.value.merge.sourceChanged).toEqual([fifth.id]);
    const after = (await storeEntries()).find((e) => e.id === fifth.id);
    expect(after).toMatchObject({ question: '退货运费要我出吗？', status: 'approved', stale: 'source-changed', editedFields: ['question'] });
    expect(after?.answer).toContain('12元');
    expect(after?.answer).not.toContain('10元');
  });

  it('editing one Q&A of a FAQ page marks that entry only, not the other pairs of its section', async () => {
    await run();
    const pairs = (await storeEntries()).filter((e) => e.source?.path === 'sources/faq.md');
    expect(pairs.length).toBe(3);
    await writeStore(join(dir, 'kb/qa.jsonl'), (await storeEntries()).map((e) => (e.source?.path === 'sources/faq.md' ? { ...e, status: 'approved' as const } : e)));
    const file = join(dir, 'sources/faq.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('3 to 5 business days', '2 to 4 business days'));
    const result = await run();
    if (!result.ok) throw new Error('regenerate failed');
    const delivery = pairs.find((e) => e.question.startsWith('How long'));
    expect(result.value.merge.sourceChanged).toEqual([delivery?.id]);
    const after = (await storeEntries()).filter((e) => e.source?.path === 'sources/faq.md');
    expect(after.filter((e) => e.stale !== undefined).map((e) => e.id)).toEqual([delivery?.id]);
    expect(after.every((e) => e.status === 'approved')).toBe(true);
  });

  it('a store whose extracted pairs carry their section’s hash (an older kb) takes them as unchanged, and upgrades the hashes', async () => {
    await run();
    const current = await storeEntries();
    const docs = await ingestPaths([join(dir, 'sources/faq.md')], { cwd: dir });
    const former = formerHashes(generateEntries(docs.documents, { similar: 0 }).items);
    expect(former.size).toBe(3);
    const older = current.map((e) => (former.has(e.id) ? { ...e, status: 'approved' as const, sourceHash: former.get(e.id) as string } : e));
    await writeStore(join(dir, 'kb/qa.jsonl'), older);
    expect((await findOutdatedSources(older, { cwd: dir })).changed).toEqual([]);
    const result = await run();
    expect(result.ok && result.value.merge).toMatchObject({ sourceChanged: [], updated: [] });
    const after = await storeEntries();
    for (const e of after.filter((x) => former.has(x.id))) {
      expect(e.stale).toBeUndefined();
      expect(e.sourceHash).toBe(current.find((c) => c.id === e.id)?.sourceHash);
    }
  });

  it('sources beside the project (../docs) keep one path on every machine; a store that named them by absolute path moves to it, decisions kept', async () => {
    const project = join(dir, 'project');
    await mkdir(project);
    const result = await regenerate({ sources: ['../sources/faq.md'], store: 'kb/qa.jsonl', cwd: project });
    if (!result.ok) throw new Error('regenerate failed');
    const read = await readStore(join(project, 'kb/qa.jsonl'));
    if (read === undefined || !read.ok) throw new Error('no store');
    expect(new Set(read.value.map((e) => e.source?.path))).toEqual(new Set(['../sources/faq.md']));
    // the store an older kb wrote: the same entries under the file's absolute path, one approved
    const absolute = join(dir, 'sources/faq.md');
    // (ids are made from the path, so the older ones differ in their section part: s-<16 hex>-<n>)
    const older = read.value.map((e, i) => ({ ...e, id: e.id.replace(/^s-[0-9a-f]{16}/u, 's-00000000000000ab'), status: i === 0 ? ('approved' as const) : e.status, ...(e.source !== undefined ? { source: { ...e.source, path: absolute } } : {}) }));
    expect(older.every((e, i) => e.id !== read.value[i]?.id)).toBe(true);
    await writeStore(join(project, 'kb/qa.jsonl'), older);
    const again = await regenerate({ sources: ['../sources/faq.md'], store: 'kb/qa.jsonl', cwd: project });
    if (!again.ok) throw new Error('regenerate failed');
    expect(again.value.merge.moved.map((m) => [m.from, m.to, m.entries.length])).toEqual([[absolute, '../sources/faq.md', older.length]]);
    expect(again.value.merge).toMatchObject({ added: [], removed: [], sourceMissing: [] });
    const after = await readStore(join(project, 'kb/qa.jsonl'));
    if (after === undefined || !after.ok) throw new Error('no store');
    expect(after.value).toHaveLength(older.length);
    expect(after.value.every((e) => e.source?.path === '../sources/faq.md')).toBe(true);
    expect(after.value.filter((e) => e.status === 'approved')).toHaveLength(1);
  });

  it('reports a vanished source: reviewed entries kept and marked, unreviewed ones removed', async () => {
    await run();
    const before = await storeEntries();
    const md = before.filter((e) => e.source?.path === 'sources/faq.md');
    expect(md.length).toBeGreaterThan(1);
    const [keep, ...drop] = md as [Entry, ...Entry[]];
    await writeStore(join(dir, 'kb/qa.jsonl'), before.map((e) => (e.id === keep.id ? { ...e, status: 'approved' as const } : e)));
    await unlink(join(dir, 'sources/faq.md'));
    const result = await run();
    expect(result.ok && result.value.merge.vanishedFiles).toEqual(['sources/faq.md']);
    const after = await storeEntries();
    expect(after.find((e) => e.id === keep.id)?.stale).toBe('source-missing');
    for (const d of drop) expect(after.some((e) => e.id === d.id)).toBe(false);
  });

  it('a renamed source keeps its entries (statuses, edits) under the new path instead of orphaning them', async () => {
    await run();
    const before = await storeEntries();
    const md = before.filter((e) => e.source?.path === 'sources/faq.md');
    expect(md.length).toBeGreaterThan(1);
    const [first, second] = md as [Entry, Entry, ...Entry[]];
    const reviewed = before.map((e) => (e.id === first.id ? { ...e, status: 'approved' as const } : e.id === second.id ? { ...e, answer: '编辑写的答案', edited: true, editedFields: ['answer' as const], status: 'rejected' as const } : e));
    await writeStore(join(dir, 'kb/qa.jsonl'), reviewed);
    await mkdir(join(dir, 'sources/help'));
    await rename(join(dir, 'sources/faq.md'), join(dir, 'sources/help/questions.md'));

    const result = await run();
    if (!result.ok) throw new Error('regenerate failed');
    const m = result.value.merge;
    expect(m.moved.map((g) => [g.from, g.to, g.entries.length])).toEqual([['sources/faq.md', 'sources/help/questions.md', md.length]]);
    expect(m).toMatchObject({ added: [], removed: [], sourceMissing: [], vanishedFiles: [] });
    const after = await storeEntries();
    expect(after).toHaveLength(before.length);
    expect(after.some((e) => e.source?.path === 'sources/faq.md')).toBe(false);
    const to = new Map(m.moved[0]?.entries.map((e) => [e.from, e.to]));
    expect(after.find((e) => e.id === to.get(first.id))).toMatchObject({ status: 'approved', question: first.question, source: { path: 'sources/help/questions.md' } });
    expect(after.find((e) => e.id === to.get(second.id))).toMatchObject({ status: 'rejected', answer: '编辑写的答案', editedFields: ['answer'] });
    // and the next run finds them by their new ids
    const again = await run();
    expect(again.ok && again.value.merge).toMatchObject({ added: [], removed: [], moved: [], unchanged: before.length });
  });

  it('--all (refresh) gives entries nobody touched what the rules write now, as after a kb upgrade; reviewed and model-written entries stay', async () => {
    await run();
    const fresh = await storeEntries();
    const generated = fresh.filter((e) => e.origin === 'generated' && e.status === 'pending');
    expect(generated.length).toBeGreaterThanOrEqual(3);
    const [older, reviewed, byModel] = generated as [Entry, Entry, Entry];
    // what an older kb wrote for the same, unchanged sections
    const stale = (e: Entry, extra: Partial<Entry> = {}): Entry => ({ ...e, question: `旧问题 ${e.id}？`, similar: ['旧的相似问题'], ...extra });
    const store = fresh.map((e) =>
      e.id === older.id ? stale(e) : e.id === reviewed.id ? stale(e, { status: 'approved' }) : e.id === byModel.id ? stale(e, { rule: 'llm' }) : e,
    );
    await writeStore(join(dir, 'kb/qa.jsonl'), store);
    const plain = await run();
    expect(plain.ok && plain.value.merge.updated).toEqual([]);
    expect((await storeEntries()).find((e) => e.id === older.id)?.question).toBe(`旧问题 ${older.id}？`);

    const refreshed = await regenerate({ sources: ['sources'], store: 'kb/qa.jsonl', cwd: dir, refresh: true });
    expect(refreshed.ok && refreshed.value.merge).toMatchObject({ updated: [older.id], added: [], removed: [] });
    const after = new Map((await storeEntries()).map((e) => [e.id, e]));
    expect(after.get(older.id)).toEqual(older);
    expect(after.get(reviewed.id)).toMatchObject({ question: `旧问题 ${reviewed.id}？`, status: 'approved' });
    expect(after.get(byModel.id)).toMatchObject({ question: `旧问题 ${byModel.id}？`, rule: 'llm' });
  });

  it('--all without --faq-similar takes kb’s similar questions off the FAQ rows an editor touched too, keeping the team’s and the editor’s', async () => {
    await mkdir(join(dir, 'rows'));
    await writeFile(join(dir, 'rows/faq.csv'), '标准问题,相似问题,答案\n如何申请退货？,怎么退货,在我的订单中申请售后。\n快递到哪了？,,在订单详情页点查看物流。\n');
    const gen = (extra: { refresh?: boolean; faqSimilar?: 'top-up' } = {}) => regenerate({ sources: ['rows'], store: 'kb/qa.jsonl', cwd: dir, ...extra });
    expect((await gen({ faqSimilar: 'top-up' })).ok).toBe(true);
    const made = await storeEntries();
    const returns = made.find((e) => e.question === '如何申请退货？')!;
    expect(returns.generatedSimilar?.length).toBeGreaterThan(0);
    // an editor rewrites the row's answer and adds a similar question of their own
    const touched: Entry = { ...returns, answer: '在我的订单中申请售后，选择退货。', similar: [...returns.similar, '退货怎么弄'], edited: true, editedFields: ['answer'], addedSimilar: ['退货怎么弄'] };
    await writeStore(join(dir, 'kb/qa.jsonl'), made.map((e) => (e.id === returns.id ? touched : e)));
    const off = await gen({ refresh: true });
    expect(off.ok && off.value.kbSimilarReplaced).toEqual([returns.id]);
    const after = await storeEntries();
    expect(after.every((e) => e.generatedSimilar === undefined)).toBe(true);
    expect(after.find((e) => e.id === returns.id)).toMatchObject({ similar: ['怎么退货', '退货怎么弄'], answer: '在我的订单中申请售后，选择退货。', addedSimilar: ['退货怎么弄'] });
    // turned on again: the touched row takes kb's after the team's and the editor's
    const on = await gen({ refresh: true, faqSimilar: 'top-up' });
    expect(on.ok && on.value.kbSimilarReplaced).toEqual([returns.id]);
    const again = (await storeEntries()).find((e) => e.id === returns.id)!;
    expect(again.similar.slice(0, 2)).toEqual(['怎么退货', '退货怎么弄']);
    expect(again.generatedSimilar).toEqual(again.similar.slice(2));
    expect(again.generatedSimilar?.length).toBeGreaterThan(0);
    // top-up counts the editor's question: five in all, as for a row nobody touched
    expect(again.similar).toHaveLength(5);
    // a run without --all leaves it
    const plain = await gen();
    expect(plain.ok && plain.value.kbSimilarReplaced).toEqual([]);
  });

  it('never overwrites a store it cannot read, and a dry run writes nothing', async () => {
    await writeFile(join(dir, 'broken.jsonl'), '{"format":"kb-qa","version":1}\n{"id": oops\n');
    const bad = await regenerate({ sources: ['sources'], store: 'broken.jsonl', cwd: dir });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ code: 'bad-store', file: 'broken.jsonl', location: { line: 2 } });
    expect(await readFile(join(dir, 'broken.jsonl'), 'utf8')).toContain('oops');
    const nothing = await run({ sources: ['no-such-folder'] });
    expect(nothing.ok).toBe(false);
    if (!nothing.ok) expect(nothing.problems.map((p) => p.code)).toEqual(['file-not-found', 'no-input']);
    const dry = await run({ dryRun: true });
    expect(dry.ok && dry.value.written).toBe(false);
    expect(await readStore(join(dir, 'kb/qa.jsonl'))).toBeUndefined();
  });
});

describe('kb generate --generator llm', () => {
  it('uses the endpoint’s questions for generated sections and keeps rule-based ones where it fails', async () => {
    const asked: string[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const user = (JSON.parse(body) as { messages: { content: string }[] }).messages[1]?.content ?? '';
        asked.push(user);
        if (user.includes('第五条')) {
          res.writeHead(500).end('overloaded');
          return;
        }
        const zh = /\p{Script=Han}/u.test(user);
        const content = JSON.stringify({ questions: [zh ? { question: '这条规定是什么意思？', similar: ['这条怎么理解'] } : { question: 'What does this section say?', similar: ['What is this about'] }] });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { content } }] }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as AddressInfo).port;
      const result = await regenerate({ sources: ['sources/shop-policy.txt', 'sources/faq.md'], store: 'kb/qa.jsonl', cwd: dir, similar: 1, llm: { baseUrl: `http://127.0.0.1:${port}/v1`, model: 'test', retries: 0 } });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      const entries = await storeEntries();
      const policy = entries.filter((e) => e.source?.path === 'sources/shop-policy.txt');
      const fifth = policy.find((e) => e.source?.headingPath.at(-1) === '第五条');
      const third = policy.find((e) => e.source?.headingPath.at(-1) === '第三条');
      expect(third).toMatchObject({ question: '这条规定是什么意思？', rule: 'llm', origin: 'generated' });
      expect(third?.similar).toContain('这条怎么理解');
      expect(fifth?.rule).not.toBe('llm');
      expect(result.warnings.filter((p) => p.code === 'llm-failed').length).toBe(1);
      expect(result.value.llm?.stats).toMatchObject({ failed: 1 });
      // extracted Q&A (faq.md) is not sent: it already has its questions
      expect(entries.filter((e) => e.source?.path === 'sources/faq.md').every((e) => e.origin === 'extracted')).toBe(true);
      expect(asked.some((a) => a.includes('七日内'))).toBe(true);
    } finally {
      server.close();
    }
  });
});

describe('kb generate --generator llm: what is sent, what is reused', () => {
  const SHOP = join(import.meta.dirname, '../../fixtures/customer-queries/shop');
  let mock: MockLlm;
  beforeEach(async () => {
    await cp(SHOP, join(dir, 'shop'), { recursive: true });
    mock = await startMockLlm();
  });
  afterEach(async () => {
    await mock.close();
  });
  const llmRun = (extra: { all?: boolean; dryRun?: boolean; signal?: AbortSignal; llm?: boolean } = {}) =>
    regenerate({
      sources: ['shop'],
      store: 'kb/qa.jsonl',
      cwd: dir,
      similar: 1,
      ...(extra.llm === false ? {} : { llm: { baseUrl: mock.baseUrl, model: 'mock', retries: 0, concurrency: 1, ...(extra.signal !== undefined ? { signal: extra.signal } : {}) } }),
      ...(extra.all === true ? { llmAll: true } : {}),
      ...(extra.dryRun === true ? { dryRun: true } : {}),
    });
  async function report(extra: Parameters<typeof llmRun>[0] = {}): Promise<NonNullable<RegenerateResult['llm']>> {
    const result = await llmRun(extra);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    if (result.value.llm === undefined) throw new Error('no LLM report');
    return result.value.llm;
  }
  const cacheLines = async (): Promise<string[]> => (await readFile(join(dir, 'kb/.llm-cache.jsonl'), 'utf8')).split('\n').filter((l) => l.trim() !== '');

  it('sends every section once, then nothing; after one section is edited, only that section', async () => {
    const first = await report();
    const sections = first.sections;
    expect(sections).toBeGreaterThan(10);
    expect(mock.requests.length).toBe(sections);
    expect(first).toMatchObject({ sent: sections, needed: { new: sections }, cached: 0, reused: 0 });
    expect((await storeEntries()).filter((e) => e.rule === 'llm').length).toBe(sections);
    expect(await cacheLines()).toHaveLength(sections);

    const second = await report();
    expect(mock.requests.length).toBe(sections);
    expect(second).toMatchObject({ sent: 0, reused: sections });

    const file = join(dir, 'shop/returns.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\n退货商品请保留好原包装。\n`);
    const third = await report();
    expect(third).toMatchObject({ sent: 1, needed: { changed: 1 }, reused: sections - 1 });
    expect(mock.requests.length).toBe(sections + 1);
    expect(mock.requests.at(-1)).toContain('退货商品请保留好原包装');
    // the cache keeps the answers of the sections as they are now: the edited section's old one is gone
    expect(await cacheLines()).toHaveLength(sections);
  });

  it('after the rules wrote the store, sends every section but those an editor reviewed; their entries keep the editor’s text', async () => {
    const rules = await llmRun({ llm: false });
    expect(rules.ok).toBe(true);
    const entries = await storeEntries();
    const approved = entries.find((e) => e.origin === 'generated');
    if (approved === undefined) throw new Error('no generated entry');
    await writeStore(join(dir, 'kb/qa.jsonl'), entries.map((e) => (e.id === approved.id ? { ...e, status: 'approved' as const } : e)));

    const llm = await report();
    expect(llm).toMatchObject({ sent: llm.sections - 1, needed: { rules: llm.sections - 1 }, reviewed: 1 });
    expect(mock.requests.length).toBe(llm.sections - 1);
    const after = await storeEntries();
    expect(after.filter((e) => e.rule === 'llm').length).toBe(llm.sections - 1);
    expect(after.find((e) => e.id === approved.id)).toEqual({ ...approved, status: 'approved' });
  });

  it('a changed section whose model-written entry an editor approved and edited: asked again, merged by the store’s rules', async () => {
    await report();
    const entries = await storeEntries();
    const target = entries.find((e) => e.source?.path === 'shop/warranty.md' && e.rule === 'llm');
    if (target === undefined) throw new Error('no LLM entry for warranty.md');
    await writeStore(join(dir, 'kb/qa.jsonl'), entries.map((e) => (e.id === target.id ? { ...e, status: 'approved' as const, similar: ['编辑写的相似问法'], edited: true, editedFields: ['similar' as const] } : e)));
    const file = join(dir, 'shop/warranty.md');
    const heading = target.source?.headingPath.at(-1) ?? '';
    const text = await readFile(file, 'utf8');
    // one more sentence under the entry's own heading
    const at = text.indexOf('\n', text.indexOf(heading));
    await writeFile(file, `${text.slice(0, at)}\n保修卡请妥善保管。${text.slice(at)}`);
    const before = mock.requests.length;
    const result = await llmRun();
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(mock.requests.length).toBe(before + 1);
    expect(result.value.merge.sourceChanged).toEqual([target.id]);
    const after = (await storeEntries()).find((e) => e.id === target.id);
    expect(after).toMatchObject({ status: 'approved', stale: 'source-changed', similar: ['编辑写的相似问法'], rule: 'llm' });
    expect(after?.answer).toContain('保修卡请妥善保管');
  });

  it('a renamed file is answered from the cache, its entries moved; a deleted file’s answers leave the cache', async () => {
    const first = await report();
    await rename(join(dir, 'shop/returns.md'), join(dir, 'shop/returns-policy.md'));
    const result = await llmRun();
    if (!result.ok || result.value.llm === undefined) throw new Error('no LLM report');
    const renamed = result.value.llm;
    expect(renamed.cached).toBeGreaterThan(0);
    expect(renamed).toMatchObject({ sent: 0, needed: { new: renamed.cached } });
    expect(mock.requests.length).toBe(first.sections);
    expect(result.value.merge.moved.map((m) => [m.from, m.to])).toEqual([['shop/returns.md', 'shop/returns-policy.md']]);
    await unlink(join(dir, 'shop/returns-policy.md'));
    await report();
    expect(await cacheLines()).toHaveLength(first.sections - renamed.cached);
  });

  it('--all sends every section again; a dry run sends nothing and says how many it would send', async () => {
    const first = await report();
    const dry = await report({ all: true, dryRun: true });
    expect(mock.requests.length).toBe(first.sections);
    expect(dry).toMatchObject({ sent: 0, cached: first.sections, needed: { all: first.sections } });
    // the cache answers --all for the same requests; a new model must be asked
    await rm(join(dir, 'kb/.llm-cache.jsonl'));
    const dryNoCache = await report({ all: true, dryRun: true });
    expect(dryNoCache).toMatchObject({ sent: first.sections, cached: 0 });
    expect(mock.requests.length).toBe(first.sections);
    mock.reply = (user) => ({ status: 200, content: answerFor(user).replace('？', '呢？').replace('?', ' now?') });
    const all = await report({ all: true });
    expect(all.sent).toBe(first.sections);
    expect(mock.requests.length).toBe(2 * first.sections);
    expect((await storeEntries()).filter((e) => e.rule === 'llm' && /呢？| now\?/u.test(e.question)).length).toBe(first.sections);
  });

  it('a dry run on a new KB sends nothing', async () => {
    const dry = await report({ dryRun: true });
    expect(dry.sent).toBe(dry.sections);
    expect(mock.requests).toEqual([]);
    expect(existsSync(join(dir, 'kb/.llm-cache.jsonl'))).toBe(false);
  });

  it('a run whose server fails half-way writes what it got; the re-run sends only the rest', async () => {
    const half = 5;
    mock.reply = (user, i) => (i < half ? { status: 200, content: answerFor(user) } : { status: 500 });
    const first = await report();
    expect(first.stats).toMatchObject({ succeeded: half, failed: first.sections - half });
    expect(mock.requests.length).toBe(first.sections);
    mock.reply = (user) => ({ status: 200, content: answerFor(user) });
    const second = await report();
    expect(second).toMatchObject({ sent: first.sections - half, needed: { rules: first.sections - half }, reused: half });
    expect(mock.requests.length).toBe(2 * first.sections - half);
    expect((await storeEntries()).filter((e) => e.rule === 'llm').length).toBe(first.sections);
  });

  it('a run cancelled half-way (Ctrl-C) leaves the store as it was and keeps the answers; the re-run sends only the rest', async () => {
    const half = 4;
    const cancel = new AbortController();
    mock.reply = (user, i) => {
      if (i === half) cancel.abort();
      return { status: 200, content: answerFor(user) };
    };
    const cancelled = await llmRun({ signal: cancel.signal });
    expect(cancelled.ok).toBe(false);
    if (cancelled.ok) return;
    expect(cancelled.problems.map((p) => p.message).join('\n')).toMatch(/cancelled: the answers for 4 of the \d+ sections sent are kept in kb\/\.llm-cache\.jsonl/u);
    expect(existsSync(join(dir, 'kb/qa.jsonl'))).toBe(false);
    expect(await cacheLines()).toHaveLength(half);
    const sent = mock.requests.length;
    expect(sent).toBe(half + 1);
    const again = await report();
    expect(again).toMatchObject({ cached: half, sent: again.sections - half });
    expect(mock.requests.length).toBe(sent + again.sections - half);
    expect((await storeEntries()).filter((e) => e.rule === 'llm').length).toBe(again.sections);
  });
});

describe('kb generate from another folder: ids depend on the path in the project, not on where kb runs', () => {
  const storeText = (): Promise<string> => readFile(join(dir, 'kb/qa.jsonl'), 'utf8');
  const from = (cwd: string, sources: string[], store: string) => regenerate({ sources, store, cwd });
  const parent = (): string => join(dir, '..');
  const name = (): string => dir.slice(dir.lastIndexOf('/') + 1);

  it('the project folder, its parent, the store’s folder, relative or absolute source paths: the same ids, nothing moved', async () => {
    await writeFile(join(dir, 'kb.config.yaml'), 'sources:\n  - sources/\nstore: kb/qa.jsonl\n');
    expect((await run()).ok).toBe(true);
    const text = await storeText();
    const entries = await storeEntries();
    expect(entries.every((e) => e.source?.path.startsWith('sources/'))).toBe(true);
    for (const [cwd, sources, store] of [
      [parent(), [`${name()}/sources`], `${name()}/kb/qa.jsonl`],
      [parent(), [join(dir, 'sources')], join(dir, 'kb/qa.jsonl')],
      [join(dir, 'kb'), ['../sources'], 'qa.jsonl'],
      [dir, [join(dir, 'sources')], 'kb/qa.jsonl'],
    ] as const) {
      const result = await from(cwd, [...sources], store);
      if (!result.ok) throw new Error(`failed from ${cwd}`);
      expect(result.value.merge).toMatchObject({ added: [], removed: [], moved: [], renamed: [], unchanged: entries.length });
      expect(await storeText()).toBe(text);
    }
  });

  it('a store an older kb wrote from another folder keeps its ids (and its paths) wherever kb runs now', async () => {
    // no kb.config.yaml yet: run from the parent, paths are spelled from there (as an older kb did)
    expect((await from(parent(), [`${name()}/sources`], `${name()}/kb/qa.jsonl`)).ok).toBe(true);
    const text = await storeText();
    const ids = (await storeEntries()).map((e) => e.id);
    expect((await storeEntries()).every((e) => e.source?.path.startsWith(`${name()}/sources/`))).toBe(true);
    await writeFile(join(dir, 'kb.config.yaml'), 'sources:\n  - sources/\nstore: kb/qa.jsonl\n');
    for (const [cwd, sources, store] of [
      [dir, ['sources'], 'kb/qa.jsonl'],
      [parent(), [`${name()}/sources`], `${name()}/kb/qa.jsonl`],
      [join(dir, 'kb'), ['../sources/shop-policy.txt'], 'qa.jsonl'],
    ] as const) {
      const result = await from(cwd, [...sources], store);
      if (!result.ok) throw new Error(`failed from ${cwd}`);
      expect(result.value.merge).toMatchObject({ added: [], removed: [], moved: [], sourceMissing: [] });
      expect(await storeText()).toBe(text);
    }
    // kb build does not call the store behind its sources (it would be for good: kb generate keeps the spelling)
    const outdated = await findOutdatedSources(await storeEntries(), { cwd: dir, store: 'kb/qa.jsonl', sources: ['sources'] });
    expect(outdated).toMatchObject({ changed: [], added: [], vanished: [], unreadable: [] });
    // a new file of that project gets the project's spelling; the old ones keep theirs
    await writeFile(join(dir, 'sources/new-rules.md'), '# 会员规则\n\n## 积分\n\n每消费1元积1分，积分可在下单时抵扣现金。\n');
    const added = await from(dir, ['sources'], 'kb/qa.jsonl');
    expect(added.ok && added.value.merge.added.length).toBeGreaterThan(0);
    const after = await storeEntries();
    expect(after.filter((e) => ids.includes(e.id)).length).toBe(ids.length);
    expect(new Set(after.filter((e) => !ids.includes(e.id)).map((e) => e.source?.path))).toEqual(new Set(['sources/new-rules.md']));
  });

  it('without a kb.config.yaml, a store written in the project folder keeps its ids when kb runs from the parent', async () => {
    expect((await run()).ok).toBe(true);
    const text = await storeText();
    const result = await from(parent(), [`${name()}/sources`], `${name()}/kb/qa.jsonl`);
    expect(result.ok && result.value.merge.moved).toEqual([]);
    expect(await storeText()).toBe(text);
  });
});
