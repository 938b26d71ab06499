// `kb build` run from a kb.config.yaml with a path that is wrong (user test 2026-11-27): each says
// where it is written — before, `out: dist/` said "check that the folder is writable", a missing
// dictionary did not name kb.config.yaml, and a source folder that is not there was not mentioned.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, lines, runKb, tempDir } from '../../test-support/kb.js';

const dir = tempDir('kb-cli-build-config-');
const project = dir.path;
const config = (text: string): void => writeFileSync(join(project, 'kb.config.yaml'), text);
const kb = (...args: string[]) => runKb(args, project);

beforeAll(() => {
  mkdirSync(join(project, 'sources'));
  writeFileSync(join(project, 'sources', 'faq.csv'), '问题,答案\n发票怎么开,下单时选择电子发票。\n包邮吗,订单满99元包邮。\n');
  config('sources: [sources/]\n');
  const generated = kb('generate');
  if (generated.code !== 0) throw new Error(generated.stderr);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

describe('kb build with kb.config.yaml', () => {
  it('refuses an out: that is a folder, naming the file to write instead, and writes nothing', () => {
    mkdirSync(join(project, 'dist'), { recursive: true });
    config('sources: [sources/]\nout: dist/\n');
    const r = kb('build');
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual(['error dist/: is a folder, not a file: name the index file itself (out: dist/kb.index in kb.config.yaml) [write-failed]', 'kb build: no index written']);
    expect(readdirSync(join(project, 'dist'))).toEqual([]);
    expect(lines(kb('build', '--out', 'dist').stderr)[0]).toBe('error dist: is a folder, not a file: name the index file itself (--out dist/kb.index) [write-failed]');
  });

  it('says that a missing dictionary is the one kb.config.yaml names', () => {
    config('sources: [sources/]\nout: kb.index\ndictionary: dict/user.dict\n');
    const r = kb('build');
    expect(r.code).toBe(1);
    expect(lines(r.stderr)[0]).toMatch(/^error dict\/user\.dict: .* \(dictionary in kb\.config\.yaml\) \[file-not-found\]$/);
    expect(existsSync(join(project, 'kb.index'))).toBe(false);
  }, BUILD_TIMEOUT);

  it('warns about a source path of kb.config.yaml that is not there when it builds from the store', () => {
    config('sources: [sources/, faq/]\nout: kb.index\ncalibrate-on: tests/calibration/\n');
    const r = kb('build');
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([
      'warning faq/: does not exist; fix the path under sources in kb.config.yaml (kb build checks kb/qa.jsonl against those sources) [file-not-found]',
      'warning tests/calibration/: does not exist; check the path (calibrate-on in kb.config.yaml) [file-not-found]',
    ]);
    expect(existsSync(join(project, 'kb.index'))).toBe(true);
  }, BUILD_TIMEOUT);
});

describe('right after kb init, before there is a sources/ folder', () => {
  it('kb generate and kb build say that the missing path is the one kb.config.yaml lists', () => {
    const fresh = tempDir('kb-cli-fresh-');
    try {
      expect(runKb(['init'], fresh.path).code).toBe(0);
      for (const command of ['generate', 'build']) {
        const r = runKb([command], fresh.path);
        expect(r.code).toBe(1);
        expect(lines(r.stderr)[0]).toBe('error sources/: does not exist; check the path (sources in kb.config.yaml) [file-not-found]');
      }
    } finally {
      fresh.remove();
    }
  }, BUILD_TIMEOUT);
});

describe('faq-similar in kb.config.yaml with a store', () => {
  it('kb build and kb generate say when the store is behind it, the flag overriding it; kb generate --all applies it', () => {
    const own = tempDir('kb-cli-faq-similar-');
    try {
      const run = (...args: string[]) => runKb(args, own.path);
      mkdirSync(join(own.path, 'sources'));
      writeFileSync(join(own.path, 'sources', 'faq.csv'), 'question,answer\n多久可以退款？,收到退货后3个工作日内原路退款。\n退货运费谁出？,质量问题由我们承担运费。\n');
      writeFileSync(join(own.path, 'kb.config.yaml'), 'sources: [sources/]\n');
      expect(run('generate').code).toBe(0);
      // set after the store was generated: before 2026-11-27 kb build and kb generate said nothing, and the index had none of kb's questions
      writeFileSync(join(own.path, 'kb.config.yaml'), 'sources: [sources/]\nfaq-similar: all\n');
      const built = run('build', '--no-source-check');
      expect(built.code).toBe(0);
      expect(built.stderr).toContain('warning kb/qa.jsonl: faq-similar: all in kb.config.yaml is not applied to the store\'s 2 FAQ rows');
      expect(built.stderr).toContain('run kb generate --all to apply it');
      expect(run('build', '--no-source-check', '--faq-similar', 'none').stderr).not.toContain('faq-similar');
      expect(run('generate').stdout).toContain('faq-similar: all in kb.config.yaml is not applied');
      expect(run('generate', '--all').code).toBe(0);
      expect(run('build', '--no-source-check').stderr).not.toContain('faq-similar');
      // and the other way: kb's questions in the store, the flag (or the config) saying none
      const none = run('build', '--no-source-check', '--faq-similar', 'none');
      expect(none.stderr).toMatch(/FAQ rows? carr(y|ies) similar questions kb wrote, which --faq-similar none does not give; run kb generate --all to take them off/u);
    } finally {
      own.remove();
    }
  }, 3 * BUILD_TIMEOUT);
});
