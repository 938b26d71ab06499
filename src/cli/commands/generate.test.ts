// `kb generate` and `kb build` from the store, as a user runs them in a project folder.
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BUILD_TIMEOUT, ROOT, SAMPLE, lines, runKb, tempDir } from '../../test-support/kb.js';
import { answerFor, startMockLlm } from '../../test-support/llm-server.js';
import { storeChange } from './generate.js';

const dir = tempDir('kb-cli-generate-');
afterAll(() => dir.remove());
cpSync(join(ROOT, SAMPLE), join(dir.path, 'sources'), { recursive: true });
const storeFile = join(dir.path, 'kb/qa.jsonl');
const storeLines = (): { id: string; status: string; origin: string; stale?: string }[] =>
  readFileSync(storeFile, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => JSON.parse(l) as { id: string; status: string; origin: string });

describe('kb generate → kb review decisions → kb build', () => {
  it('writes the store, reports a re-run as unchanged, and builds from the store without the rejected entries', () => {
    const first = runKb(['generate', 'sources'], dir.path);
    expect(first.code).toBe(0);
    expect(lines(first.stdout)[0]).toMatch(/^kb\/qa\.jsonl: wrote 16 entries from 4 of 4 files$/);
    expect(first.stdout).toContain('16 added');
    const entries = storeLines();
    expect(entries.filter((e) => e.origin === 'faq').every((e) => e.status === 'approved')).toBe(true);
    expect(entries.filter((e) => e.origin !== 'faq').every((e) => e.status === 'pending')).toBe(true);

    const again = runKb(['generate', 'sources', '--json'], dir.path);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ entries: 16, merge: { added: [], updated: [], unchanged: 16 } });

    // an editor rejects one generated entry
    const rejected = entries.find((e) => e.origin !== 'faq');
    if (rejected === undefined) throw new Error('no generated entry');
    const text = readFileSync(storeFile, 'utf8').replace(new RegExp(`("id":"${rejected.id}".*?"status":)"pending"`), '$1"rejected"');
    writeFileSync(storeFile, text);

    const built = runKb(['build', '--out', 'kb.index', '--json'], dir.path);
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout)).toMatchObject({ from: 'store', entries: 15, excluded: { rejected: 1, pending: 0, noAnswer: 0 } });
    // a draft from kb gaps --export has no answer yet: never indexed, and kb build says so
    writeFileSync(storeFile, `${readFileSync(storeFile, 'utf8')}${JSON.stringify({ id: 'zz-draft', question: '能用花呗吗？', similar: [], answer: '', origin: 'manual', status: 'pending' })}\n`);
    const withDraft = runKb(['build', '--out', 'kb.index'], dir.path);
    expect(withDraft.code).toBe(0);
    expect(lines(withDraft.stderr)).toEqual([expect.stringMatching(/^warning kb\/qa\.jsonl: 1 entry has no answer yet and is left out of the index: zz-draft; write the answers in kb review/)]);
    expect(lines(withDraft.stdout)[0]).toMatch(/15 entries .* from kb\/qa\.jsonl \(left out: 1 rejected, 1 without an answer\)$/);
    const approved = runKb(['build', '--only-approved', '--out', 'approved.json'], dir.path);
    expect(approved.code).toBe(0);
    const faqRows = entries.filter((e) => e.origin === 'faq').length;
    expect(lines(approved.stdout)[0]).toBe(`approved.json: ${faqRows} entries (${lines(approved.stdout)[0]?.match(/\((\d+) question variants\)/)?.[1]} question variants) from kb/qa.jsonl (left out: 1 rejected, ${16 - faqRows - 1 + 1} not approved)`);
    // --similar is for building from sources: with a store it changes nothing, and kb says so
    const similar0 = runKb(['build', '--similar', '0', '--no-source-check', '--out', 'similar0.json'], dir.path);
    expect(similar0.code).toBe(0);
    expect(similar0.stderr).toContain('kb build: --similar applies when kb builds from sources; the similar questions in kb/qa.jsonl are indexed as they are');
    const q = runKb(['query', '包邮吗', '--index', 'approved.json', '--json', '-k', '1'], dir.path);
    expect((JSON.parse(q.stdout) as { hits: { question: string }[] }).hits.map((h) => h.question)).toEqual(['运费怎么算？']);

    // sources named on the command line win, and kb says the store is not used
    const fromSources = runKb(['build', 'sources', '--out', 'sources.json'], dir.path);
    expect(fromSources.code).toBe(0);
    expect(fromSources.stderr).toContain('kb/qa.jsonl is not used');
    expect(fromSources.stdout).toMatch(/: 16 entries .* from 4 of 4 files/);
  }, BUILD_TIMEOUT * 3);

  it('says sources that were read but made no entry (a title over its update line, one line on what the document covers) are no wrong path (smoke test)', () => {
    const work = join(dir.path, 'notes-only');
    cpSync(join(ROOT, 'fixtures/sample/return-policy.md'), join(work, 'unused.md'));
    writeFileSync(join(work, '保修.md'), '# 保修政策\n\n更新时间：2025-04-20\n');
    writeFileSync(join(work, '安装.md'), '# 安装说明\n\n本说明适用于优家电器旗舰店售出的空调、冰箱、洗衣机和扫地机器人。\n');
    const one = runKb(['generate', '保修.md'], work);
    expect(one.code).toBe(1);
    expect(lines(one.stderr)).toEqual([
      'error no entries (and the store is empty): the sources were read (保修.md), but their only section is a revision note (an update line under the title), which makes no entry (保修.md: “更新时间：2025-04-20”); write the text a customer asks about under the title or under headings [no-input]',
      'kb generate: the store was not changed',
    ]);
    const two = runKb(['generate', '保修.md', '安装.md'], work);
    expect(two.code).toBe(1);
    expect(lines(two.stderr)[0]).toBe(
      'error no entries (and the store is empty): the sources were read (2 files), but their only sections (2) are each a revision note or a line saying what the document covers, which makes no entry (保修.md: “更新时间：2025-04-20”, 安装.md: “本说明适用于优家电器旗舰店售出的空调、冰箱、洗衣机和扫地机器人。”); write the text a customer asks about under the title or under headings [no-input]',
    );
    expect(existsSync(join(work, 'kb', 'qa.jsonl'))).toBe(false);
  });

  it('refuses --only-approved without a store and sources with --store (usage errors)', () => {
    const empty = tempDir('kb-cli-generate-empty-');
    try {
      expect(runKb(['build', join(ROOT, SAMPLE), '--only-approved'], empty.path)).toMatchObject({ code: 2 });
      expect(runKb(['build', join(ROOT, SAMPLE), '--store', 'x.jsonl'], empty.path)).toMatchObject({ code: 2 });
      const both = runKb(['build', '--no-store', '--store', 'x.jsonl'], empty.path);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('--store and --no-store contradict each other');
      expect(runKb(['generate'], empty.path)).toMatchObject({ code: 2 });
      const llm = runKb(['generate', join(ROOT, SAMPLE), '--generator', 'llm'], empty.path);
      expect(llm.code).toBe(2);
      expect(llm.stderr).toContain('KB_LLM_BASE_URL');
    } finally {
      empty.remove();
    }
  });
});

describe('kb build from a store with entries an editor must look at again', () => {
  it('warns once with the counts, indexes source-changed entries as they are and leaves source-missing ones out; warns when a source changed after kb generate', () => {
    const project = tempDir('kb-cli-stale-');
    try {
      cpSync(join(ROOT, SAMPLE), join(project.path, 'sources'), { recursive: true });
      const store = join(project.path, 'kb/qa.jsonl');
      expect(runKb(['generate', 'sources'], project.path).code).toBe(0);
      // an editor approves everything
      writeFileSync(store, readFileSync(store, 'utf8').replaceAll('"status":"pending"', '"status":"approved"'));
      // then one warranty article changes and the shipping page is deleted
      const warranty = join(project.path, 'sources/warranty.txt');
      writeFileSync(warranty, readFileSync(warranty, 'utf8').replace('整机保修一年，主要部件保修三年', '整机保修两年，主要部件保修三年'));
      rmSync(join(project.path, 'sources/shipping.md'));
      // what an editor reads first (one entry: "entry", not "entries")
      const preview = runKb(['generate', 'sources', '--dry-run'], project.path);
      expect(preview.stdout).toMatch(/^ {2}1 reviewed or edited entry whose source changed — kept, marked for re-review: /mu);
      expect(preview.stdout).toMatch(/^ {2}\d+ reviewed, edited or annotated entries whose section or file vanished/mu);
      const regenerated = runKb(['generate', 'sources', '--json'], project.path);
      expect(regenerated.code).toBe(0);
      const merge = (JSON.parse(regenerated.stdout) as { merge: { sourceChanged: string[]; sourceMissing: string[] } }).merge;
      expect(merge.sourceChanged).toHaveLength(1);
      expect(merge.sourceMissing.length).toBeGreaterThan(1);
      const missing = merge.sourceMissing.length;
      const total = readFileSync(store, 'utf8').trim().split('\n').length - 1;

      const built = runKb(['build', '--out', 'kb.index'], project.path);
      expect(built.code).toBe(0);
      expect(lines(built.stderr)).toEqual([
        `warning kb/qa.jsonl: 1 entry is marked for re-review (source changed since review) and is indexed as it is; ${missing} entries whose source no longer exists are left out of the index — review them in kb review (key ! lists them; approving a changed one clears its mark; reject the ones whose source is gone for good, or run kb generate if it was renamed) [stale-entries]`,
      ]);
      expect(lines(built.stdout)[0]).toMatch(new RegExp(`^kb\\.index: ${total - missing} entries .* \\(left out: 0 rejected, ${missing} whose source is gone\\)$`));
      // the shipping answers are gone from the index: the bot hands off instead of quoting a deleted page
      const q = runKb(['query', 'How much does shipping cost?', '--index', 'kb.index', '--json', '-k', '5'], project.path);
      expect((JSON.parse(q.stdout) as { hits: { source?: { path: string } }[] }).hits.some((h) => h.source?.path === 'sources/shipping.md')).toBe(false);
      const approved = runKb(['build', '--only-approved', '--out', 'approved.index', '--json'], project.path);
      expect(approved.code).toBe(0);
      expect(JSON.parse(approved.stdout)).toMatchObject({ staleIndexed: 1, excluded: { sourceMissing: missing }, problems: [{ code: 'stale-entries' }] });

      // a source edited after kb generate: kb build reads the store, so it says kb generate is due
      writeFileSync(warranty, readFileSync(warranty, 'utf8').replace('主要部件保修三年', '主要部件保修五年'));
      const behind = runKb(['build', '--out', 'kb.index'], project.path);
      expect(behind.code).toBe(0);
      expect(lines(behind.stderr)).toContain('warning sources/warranty.txt changed after kb/qa.jsonl was generated; run kb generate to update the store (this index is built from the store as it is) [store-outdated]');
      // a new source that cannot be read does not stop the build, but is named with what is wrong
      writeFileSync(join(project.path, 'kb.config.yaml'), 'sources:\n  - sources/\nstore: kb/qa.jsonl\n');
      writeFileSync(join(project.path, 'sources/broken.pdf'), 'not a pdf');
      const broken = runKb(['build', '--out', 'kb.index'], project.path);
      expect(broken.code).toBe(0);
      expect(lines(broken.stderr)).toContainEqual(expect.stringMatching(/^warning sources\/broken\.pdf: is not a readable PDF .*\(this index is built from kb\/qa\.jsonl as it is; kb generate will report this file too\) \[corrupt-pdf\]$/));
      rmSync(join(project.path, 'sources/broken.pdf'));
      rmSync(join(project.path, 'kb.config.yaml'));
      const unchecked = runKb(['build', '--out', 'kb.index', '--no-source-check', '--json'], project.path);
      expect((JSON.parse(unchecked.stdout) as { problems: { code: string }[]; outdated?: unknown }).problems.map((p) => p.code)).toEqual(['stale-entries']);
    } finally {
      project.remove();
    }
  }, BUILD_TIMEOUT * 4);
});

describe('kb generate --generator llm, run as a user runs it', () => {
  /** `kb …` in a child process, so that the model server in this process can answer it. */
  function runKbAsync(args: readonly string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'kb.js'), ...args], { cwd, env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('sends every section once, then none; the dry run of --all says how many it would send and sends nothing', async () => {
    const project = tempDir('kb-cli-llm-');
    const mock = await startMockLlm();
    try {
      cpSync(join(ROOT, 'fixtures/customer-queries/shop'), join(project.path, 'sources'), { recursive: true });
      const env = { KB_LLM_BASE_URL: mock.baseUrl, KB_LLM_MODEL: 'mock' };
      const first = await runKbAsync(['generate', 'sources', '--generator', 'llm'], project.path, env);
      expect(first.code).toBe(0);
      const sections = mock.requests.length;
      expect(first.stdout).toContain(`LLM (mock): ${sections} sections, ${sections} need the model (${sections} new)`);
      expect(first.stdout).toContain(`LLM: sent ${sections} (${sections} requests, 0 retries): ${sections} answered`);

      const again = await runKbAsync(['generate', 'sources', '--generator', 'llm'], project.path, env);
      expect(again.stdout).toContain(`0 need the model; not sent: ${sections} written by the model before, unchanged`);
      const dry = await runKbAsync(['generate', 'sources', '--generator', 'llm', '--all', '--dry-run'], project.path, { ...env, KB_LLM_MODEL: 'another' });
      expect(dry.stdout).toContain(`LLM: would send ${sections} sections (dry run: nothing sent)`);
      expect(mock.requests.length).toBe(sections);

      // --all with the rules rewrites what an older kb's rules wrote, never the model's questions
      const rulesAll = await runKbAsync(['generate', 'sources', '--all'], project.path, env);
      expect(rulesAll.code).toBe(0);
      expect(rulesAll.stdout).toMatch(/^kb\/qa\.jsonl: changed no entry/u);
    } finally {
      await mock.close();
      project.remove();
    }
  });

  it('Ctrl-C stops sending, keeps the answers received, leaves no store and exits 130', async () => {
    const project = tempDir('kb-cli-llm-cancel-');
    // three answers, then a model that asks to wait: the run is under way when the user stops it
    const mock = await startMockLlm((user, i) => (i < 3 ? { status: 200, content: answerFor(user) } : { status: 429, retryAfterSeconds: 30 }));
    try {
      cpSync(join(ROOT, 'fixtures/customer-queries/shop'), join(project.path, 'sources'), { recursive: true });
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'kb.js'), 'generate', 'sources', '--generator', 'llm'], {
        cwd: project.path,
        env: { ...process.env, CI: 'true', NO_COLOR: '1', KB_LLM_BASE_URL: mock.baseUrl, KB_LLM_MODEL: 'mock' },
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      const deadline = Date.now() + 20_000;
      while (mock.requests.length < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr).toContain('stopping — the answers received so far are kept');
      expect(existsSync(join(project.path, 'kb', 'qa.jsonl'))).toBe(false);
      const cached = readFileSync(join(project.path, 'kb', '.llm-cache.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
      expect(cached).toHaveLength(3);
    } finally {
      await mock.close();
      project.remove();
    }
  }, 40_000);
});

describe('the first line of kb generate', () => {
  const merge = { added: ['a'], updated: ['b'], unchanged: 37, sourceChanged: [], sourceMissing: [], missingRows: [], removed: [], removedRows: [], vanishedFiles: [], outOfScope: 0, moved: [], renamed: [], restored: [], reordered: [], rekeyed: [], recategorized: [], retold: [], goneRejected: [] };
  it('says how many entries changed of how many, not the store’s whole count as "updated 39 entries"', () => {
    expect(storeChange({ merge, entries: 39, created: false }, false)).toBe('changed 2 of 39 entries');
    expect(storeChange({ merge: { ...merge, added: [], updated: [] }, entries: 39, created: false }, true)).toBe('would change no entry (39 entries)');
    expect(storeChange({ merge, entries: 39, created: true }, false)).toBe('wrote 39 entries');
    // entries moved to a renamed file (new ids) and marks cleared are changes too (was: "changed no entry" over "5 entries moved")
    const moved = [{ from: 'sources/faq.csv', to: 'sources/faq-2026.csv', entries: [{ from: 'a', to: 'b' }, { from: 'c', to: 'd' }] }];
    expect(storeChange({ merge: { ...merge, added: [], updated: [], moved, restored: ['e'] }, entries: 39, created: false }, false)).toBe('changed 3 of 39 entries');
    // a row re-ordered whose text changed too is one changed entry, not two
    expect(storeChange({ merge: { ...merge, added: [], updated: [], sourceChanged: ['x'], reordered: [{ from: 'y', to: 'x' }] }, entries: 3, created: false }, false)).toBe('changed 1 of 3 entries');
  });
});

describe('kb generate names a rejected FAQ row whose row vanished and whose id another row took', () => {
  it('lists it with its old and new id and its file, and counts it as changed', () => {
    const project = tempDir('kb-cli-gone-');
    try {
      const csv = join(project.path, 'faq.csv');
      const rows = ['分类,问题,答案', '空调,怎么预约安装？,空调请在APP里预约安装。', '热水器,怎么预约安装？,热水器请拨打400电话预约安装。', '其他,发票怎么开？,在订单详情页申请电子发票。'];
      writeFileSync(csv, `${rows.join('\n')}\n`);
      expect(runKb(['generate', 'faq.csv'], project.path).code).toBe(0);
      const store = join(project.path, 'kb/qa.jsonl');
      // the editor rejects the 空调 row; then that row is deleted, and the 热水器 row takes its id
      const rejected = readFileSync(store, 'utf8').replace(/("answer":"空调[^\n]*?"status":)"approved"/u, '$1"rejected"');
      writeFileSync(store, rejected);
      const id = /"id":"([^"]+)"[^\n]*"status":"rejected"/u.exec(rejected)?.[1] ?? '';
      expect(id).not.toBe('');
      writeFileSync(csv, `${[rows[0], rows[2], rows[3]].join('\n')}\n`);
      const r = runKb(['generate', 'faq.csv'], project.path);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`1 rejected FAQ row no longer in faq.csv`);
      expect(r.stdout).toContain(`${id} → ${id}-gone`);
      expect(r.stdout).toContain('changed 2 of 3 entries');
      expect(readFileSync(store, 'utf8')).toContain(`"id":"${id}-gone"`);
    } finally {
      project.remove();
    }
  });
});
