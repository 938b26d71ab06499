// End-to-end: the real `kb` command as a user runs it (bin/kb.js → dist, built by `npm test`'s pretest).
import { describe, expect, it } from 'vitest';
import { runKb } from '../test-support/kb.js';

const kb = (...args: string[]) => runKb(args);

describe('kb (CLI)', () => {
  it('prints help and exits 0', () => {
    const r = kb('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ingest/);
    expect(kb('help').code).toBe(0);
    expect(kb('help', 'build').code).toBe(0);
  });

  it('exits 2 on a usage error, without a stack trace', () => {
    // (`kb` alone prints the help on stderr: a usage error too, not a success a script would take)
    for (const args of [[], ['frobnicate'], ['ingest'], ['ingest', 'x', '--max-file-mb', 'lots']]) {
      const r = kb(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it('counts the files of a folder it cannot read (.doc, .xls, .pptx, images) in its summary, each warned about', () => {
    const r = kb('ingest', 'fixtures/ingest/folder');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^6 files: 2 read, 4 skipped; /mu);
    expect(r.stderr).toMatch(/旧\.doc: was skipped: .*save it as \.docx/u);
  });

  it('summarizes each file of the sample and exits 0', () => {
    const r = kb('ingest', 'fixtures/sample');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/fixtures\/sample\/return-policy\.md {2}“退换货政策” {2}\(markdown, \d+ sections, [\d,]+ chars, zh-Hans\)/);
    expect(r.stdout).toMatch(/faq\.csv .*\(csv, 5 sections/);
    expect(r.stderr).toMatch(/^4 files: 4 read; \d+ sections/m);
  });

  it('prints the heading tree with --tree', () => {
    const r = kb('ingest', 'fixtures/ingest/text/policy-zh.txt', '--tree');
    expect(r.stdout.split('\n').slice(1, 4)).toEqual(['  优选商城售后服务规则', '    第一章 总则', expect.stringMatching(/^ {6}第一条 {2}\(\d+ chars\)$/)]);
  });

  it('shows each of two sections under the same heading in --tree, and warns about the question asked twice', () => {
    const r = kb('ingest', 'fixtures/ingest/tables/duplicate-questions.csv', '--tree');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      'fixtures/ingest/tables/duplicate-questions.csv  “duplicate-questions”  (csv, 4 sections, 32 chars, zh-Hans, 2 warnings)',
      '  运费多少  (5 chars)',
      '  运费多少  (5 chars)',
      '  怎么退货？  (9 chars)',
      '  发票怎么开  (13 chars)',
    ]);
    expect(r.stderr).toContain(
      'warning fixtures/ingest/tables/duplicate-questions.csv:line 3: asks the question "运费多少" of line 2 — the same question with different answers; merge them or make the questions distinct [duplicate-question]',
    );
  });

  it('prints only JSON on stdout with --json', () => {
    const r = kb('ingest', 'fixtures/ingest/text', '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as { version: number; documents: { path: string; sections: unknown[] }[] };
    expect(parsed.version).toBe(1);
    expect(parsed.documents.map((d) => d.path)).toEqual([
      'fixtures/ingest/text/guide-en.txt',
      'fixtures/ingest/text/policy-zh-hant.txt',
      'fixtures/ingest/text/policy-zh.txt',
    ]);
  });

  it('reports each bad file on one line, reads the rest, and exits 1', () => {
    const r = kb('ingest', 'fixtures/generated/garbage.pdf', 'fixtures/generated/empty.txt', 'fixtures/ingest/text/guide-en.txt');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/guide-en\.txt/);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error '));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^error fixtures\/generated\/empty\.txt: .*\[file-empty\]$/);
    expect(errors[1]).toMatch(/^error fixtures\/generated\/garbage\.pdf: .*\[corrupt-pdf\]$/);
    expect(r.stderr).not.toMatch(/\r/); // no progress indicator outside a terminal
  });
});
