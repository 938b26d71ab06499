// `kb build` as a user runs it: what it prints, determinism, gzip, failing sources and exit codes.
// Each build loads jieba's dictionary (seconds on a busy machine), so the builds are few.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, ROOT, SAMPLE, lines, runKb, tempDir, type KbRun } from '../../test-support/kb.js';

const dir = tempDir('kb-cli-build-');
const out = (name: string): string => join(dir.path, name);
afterAll(() => dir.remove());

describe('kb build', () => {
  it('prints entries, vocabulary, index size and time; a second build is byte-identical, gzip too', () => {
    const first = runKb(['build', SAMPLE, '--out', out('a.json')]);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(lines(first.stdout)).toEqual([
      expect.stringMatching(new RegExp(`^${out('a.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 16 entries \\(\\d+ question variants\\) from 4 of 4 files$`)),
      expect.stringMatching(/^ {2}vocabulary \d+ words, \d+ index terms, \d+ learned associations, confidence calibrated .+$/),
      expect.stringMatching(/^ {2}\d+\.\d KB in \d+\.\d\d s$/),
    ]);
    const second = runKb(['build', SAMPLE, '-o', out('b.json.gz'), '--json']);
    expect(second.code).toBe(0);
    const gz = readFileSync(out('b.json.gz'));
    expect(gunzipSync(gz).equals(readFileSync(out('a.json')))).toBe(true);
    expect(JSON.parse(second.stdout)).toMatchObject({ out: out('b.json.gz'), files: 4, failedFiles: 0, entries: 16, bytes: gz.length, problems: [] });
    const q = runKb(['query', '包邮吗', '--index', out('b.json.gz'), '--json', '-k', '1']);
    expect(q.code).toBe(0);
    expect((JSON.parse(q.stdout) as { hits: { question: string }[] }).hits.map((h) => h.question)).toEqual(['运费怎么算？']);
  }, BUILD_TIMEOUT);

  it('reports a source that fails in one line, writes the index from the rest, and exits 1', () => {
    const r = runKb(['build', SAMPLE, 'fixtures/generated/not-a-zip.docx', '--out', out('partial.json')]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/^error fixtures\/generated\/not-a-zip\.docx: .+ \[corrupt-docx\]$/),
      'kb build: 1 source could not be read (see above); the index was written without it',
    ]);
    expect(r.stdout).toMatch(/: 16 entries \(\d+ question variants\) from 4 of 5 files/);
    expect(runKb(['query', '退货', '--index', out('partial.json')]).code).toBe(0);
  }, BUILD_TIMEOUT);

  it('writes no index and exits 1 when nothing can be indexed', () => {
    const r = runKb(['build', 'fixtures/generated/empty.txt', '--out', out('none.json')]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      expect.stringMatching(/^error fixtures\/generated\/empty\.txt: .+\[file-empty\]$/),
      expect.stringMatching(/^error no entries to index: .+\[no-input\]$/),
      'kb build: no index written',
    ]);
    expect(existsSync(out('none.json'))).toBe(false);
  });

  it('says a source that is only a title and its update line was read and made no entry, not "check the paths" (smoke test)', () => {
    const source = '保修.md';
    writeFileSync(out(source), '# 保修政策\n\n更新时间：2025-04-20\n');
    const r = runKb(['build', source, '--out', 'note.json'], dir.path);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `error no entries to index: the sources were read (${source}), but their only section is a revision note (an update line under the title), which makes no entry (${source}: “更新时间：2025-04-20”); write the text a customer asks about under the title or under headings [no-input]`,
      'kb build: no index written',
    ]);
    expect(existsSync(out('note.json'))).toBe(false);
  }, BUILD_TIMEOUT);

  it('exits 2 without sources and without a kb.config.yaml', () => {
    const r = runKb(['build'], dir.path);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^kb: name the sources to build from .*run kb init/)]);
  });
});

/** A project folder with the sample as its sources and kb/qa.jsonl generated from them, removed after `test`. */
function inSampleProject(prefix: string, test: (project: string, run: (...args: string[]) => KbRun) => void): void {
  const project = tempDir(prefix);
  try {
    const run = (...args: string[]): KbRun => runKb(args, project.path);
    cpSync(join(ROOT, SAMPLE), join(project.path, 'sources'), { recursive: true });
    expect(run('generate', 'sources').code).toBe(0);
    test(project.path, run);
  } finally {
    project.remove();
  }
}

describe('kb build --strict', () => {
  it('fails (exit 1) when the store is behind its sources, one error per file naming what to run; without it a warning and exit 0', () => {
    const project = tempDir('kb-cli-build-strict-');
    try {
      cpSync(join(ROOT, SAMPLE), join(project.path, 'sources'), { recursive: true });
      expect(runKb(['generate', 'sources'], project.path).code).toBe(0);
      // after kb generate: a FAQ answer (a price) is edited and a page is deleted
      const faq = join(project.path, 'sources/faq.csv');
      writeFileSync(faq, readFileSync(faq, 'utf8').replace('订单满99元包邮', '订单满199元包邮'));
      rmSync(join(project.path, 'sources/shipping.md'));

      // as before: one warning, exit 0 (the bot would keep quoting 99元)
      const lenient = runKb(['build', '--out', 'kb.index'], project.path);
      expect(lenient.code).toBe(0);
      expect(lines(lenient.stderr).filter((l) => l.includes('[store-outdated]'))).toEqual([
        'warning sources/faq.csv changed and sources/shipping.md was deleted after kb/qa.jsonl was generated; run kb generate to update the store (this index is built from the store as it is) [store-outdated]',
      ]);

      const strict = runKb(['build', '--strict', '--out', 'strict.index'], project.path);
      expect(strict.code).toBe(1);
      expect(lines(strict.stderr)).toEqual([
        'error sources/faq.csv: changed after kb/qa.jsonl was generated: the index still answers with the old text — run kb generate, check the changed entries in kb review, then kb build [store-outdated]',
        'error sources/shipping.md: was deleted after kb/qa.jsonl was generated: the index still answers from it — run kb generate (its entries are then left out of the index; reject them in kb review if it is gone for good), then kb build [store-outdated]',
        'kb build: --strict: kb/qa.jsonl is behind 2 source files (see above), so strict.index was not written (the one there, if any, is as it was): run kb generate, review the changes in kb review and kb build again',
      ]);
      // no index is written (before: it was, and a kb serve watching the file loaded it while CI was red)
      expect(existsSync(join(project.path, 'strict.index'))).toBe(false);

      // a source emptied (0 bytes) is named for what it is, not counted as one the store is behind (smoke test)
      writeFileSync(join(project.path, 'sources/warranty.txt'), '');
      const empty = runKb(['build', '--strict', '--out', 'strict.index'], project.path);
      expect(empty.code).toBe(1);
      expect(lines(empty.stderr).slice(2)).toEqual([
        'error sources/warranty.txt: is empty (0 bytes); add content or remove the file (a source of kb/qa.jsonl that is empty or cannot be read fails --strict: the index answers from the entries kb generate made of it before; once the file is fixed or removed, run kb generate and kb build) [file-empty]',
        'kb build: --strict: kb/qa.jsonl is behind 2 source files and 1 more is empty or cannot be read (see above), so strict.index was not written (the one there, if any, is as it was): fix or remove the file that cannot be read, run kb generate, review the changes in kb review and kb build again',
      ]);
      rmSync(join(project.path, 'sources/warranty.txt'));
      expect(runKb(['generate', 'sources'], project.path).code).toBe(0);
      writeFileSync(join(project.path, 'sources/return-policy.md'), '');
      const only = runKb(['build', '--strict', '--out', 'strict.index'], project.path);
      expect(only.code).toBe(1);
      expect(lines(only.stderr)).toEqual([
        expect.stringMatching(/^error sources\/return-policy\.md: is empty \(0 bytes\); .* \[file-empty\]$/),
        'kb build: --strict: 1 source file of kb/qa.jsonl is empty or cannot be read (see above), so strict.index was not written (the one there, if any, is as it was): fix or remove the file that cannot be read, run kb generate and kb build again',
      ]);
      rmSync(join(project.path, 'sources/return-policy.md'));

      // --strict cannot work without the source check
      const both = runKb(['build', '--strict', '--no-source-check', '--out', 'x.index'], project.path);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('--no-source-check');

      // once kb generate has caught up, --strict passes
      expect(runKb(['generate', 'sources'], project.path).code).toBe(0);
      const caughtUp = runKb(['build', '--strict', '--out', 'strict.index'], project.path);
      expect(caughtUp.stderr).not.toContain('[store-outdated]');
      expect(caughtUp.code).toBe(0);
    } finally {
      project.remove();
    }
  }, BUILD_TIMEOUT * 3);

  it('fails (exit 1) on an entry whose source changed after an editor rewrote its answer, one error naming it, and keeps the index there as it was; without it a warning', () => {
    inSampleProject('kb-cli-build-stale-', (project, run) => {
      // an editor rewrites the shipping answer in the sheet; then the policy changes (99元 → 199元) and kb generate runs
      const csv = join(project, 'review.csv');
      expect(run('export', csv).code).toBe(0);
      writeFileSync(csv, readFileSync(csv, 'utf8').replace('订单满99元包邮，不满99元收取8元运费', '订单满99元包邮（大促期间满79元），不满99元收取8元运费'));
      expect(run('import', csv).code).toBe(0);
      const faq = join(project, 'sources/faq.csv');
      writeFileSync(faq, readFileSync(faq, 'utf8').replace('订单满99元包邮，不满99元', '订单满199元包邮，不满199元'));
      expect(run('generate', 'sources').code).toBe(0);
      const store = readFileSync(join(project, 'kb/qa.jsonl'), 'utf8');
      const id = /"id":"([^"]+)","question":"运费怎么算？"/u.exec(store)?.[1] ?? '';
      expect(store).toMatch(/"question":"运费怎么算？".*"answer":"订单满99元包邮（大促期间满79元）.*"stale":"source-changed"/u);

      // as before: a warning, the index written, exit 0
      const lenient = run('build', '--out', 'kb.index');
      expect(lenient.code).toBe(0);
      expect(lines(lenient.stderr)).toEqual([expect.stringMatching(/^warning kb\/qa\.jsonl: 1 entry is marked for re-review \(source changed since review\) and is indexed as it is — .* \[stale-entries\]$/u)]);
      const index = readFileSync(join(project, 'kb.index'));

      // before: exit 0, and the bot kept promising 99元
      const strict = run('build', '--strict', '--out', 'kb.index');
      expect(strict.code).toBe(1);
      expect(lines(strict.stderr)).toEqual([
        `error kb/qa.jsonl: ${id} (sources/faq.csv › 运费怎么算？): its source changed after an editor rewrote its answer: the index would answer with the editor's text, written for the old source — run kb review --stale, compare it with what the source says now and approve or fix it, then kb build [stale-entries]`,
        "kb build: --strict: 1 entry of kb/qa.jsonl has a source that changed since an editor's review (see above), so kb.index was not written (the one there, if any, is as it was): review the changes in kb review --stale and kb build again",
      ]);
      expect(strict.stdout).toBe('');
      // the index there is left as it was: a kb serve watching it does not load one CI refused
      expect(readFileSync(join(project, 'kb.index')).equals(index)).toBe(true);
      expect(JSON.parse(run('build', '--strict', '--out', 'kb.index', '--json').stdout)).toMatchObject({ out: 'kb.index', written: false, problems: [{ code: 'stale-entries', severity: 'error' }] });
    });
  }, BUILD_TIMEOUT * 2);

  it('names the entries that lost their answer apart from the drafts with no answer yet', () => {
    inSampleProject('kb-cli-build-lost-', (project, run) => {
      // the answer of a FAQ entry emptied (as kb import did before it refused that), and a draft of kb gaps
      const path = join(project, 'kb/qa.jsonl');
      const draft = '{"id":"gap-0001","question":"发票抬头能改吗","similar":[],"answer":"","origin":"manual","status":"pending"}';
      const store = readFileSync(path, 'utf8').replace(/("question":"退款多久到账？"[^\n]*?"answer":)"[^"]*"/u, '$1""');
      writeFileSync(path, `${store}${draft}\n`);
      const id = /"id":"([^"]+)","question":"退款多久到账？"/u.exec(store)?.[1] ?? '';
      const r = run('build', '--out', 'kb.index');
      expect(r.code).toBe(0);
      // before: one line, "2 entries have no answer yet … <id>, gap-0001"
      expect(lines(r.stderr)).toEqual([
        `warning kb/qa.jsonl: 1 entry lost its answer and is left out of the index, so the bot no longer answers its question: ${id}; write the answer back in kb review (or kb export, kb import), or reject the entry if it is meant to go [answer-emptied]`,
        'warning kb/qa.jsonl: 1 entry has no answer yet and is left out of the index: gap-0001; write the answers in kb review (or reject the drafts) [unanswered-drafts]',
      ]);
      expect(lines(r.stdout)[0]).toMatch(/^kb\.index: 15 entries \(\d+ question variants\) from kb\/qa\.jsonl \(left out: 0 rejected, 1 without an answer, 1 whose answer was emptied\)$/u);
    });
  }, BUILD_TIMEOUT);
});
