// `kb query`: ranked hits for people, and the JSON shape for scripts.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../build/index.js';
import type { Hit } from '../../runtime/index.js';
import { BUILD_TIMEOUT, ROOT, buildSample, lines, runKb, tempDir } from '../../test-support/kb.js';

const dir = tempDir('kb-cli-query-');
const index = join(dir.path, 'kb.index');
beforeAll(() => buildSample(index), BUILD_TIMEOUT);
afterAll(() => dir.remove());

describe('kb query', () => {
  it('prints the hits as JSON with --json', () => {
    const r = runKb(['query', '包邮吗?', '--index', index, '--json', '-k', '3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const parsed = JSON.parse(r.stdout) as { question: string; hits: Hit[] };
    expect(Object.keys(parsed)).toEqual(['question', 'hits']);
    expect(parsed.question).toBe('包邮吗?');
    expect(parsed.hits.length).toBeGreaterThanOrEqual(1);
    expect(parsed.hits.length).toBeLessThanOrEqual(3);
    for (const h of parsed.hits) {
      // tags: an FAQ row's 标签 (a section has none)
      const keys = ['answer', 'confidence', 'id', 'matched', 'matchedTerms', 'question', 'score', 'source'];
      expect(Object.keys(h).sort()).toEqual(h.source?.path === 'fixtures/sample/faq.csv' ? [...keys, 'tags'].sort() : keys);
      expect(h.confidence).toBeGreaterThanOrEqual(0);
      expect(h.confidence).toBeLessThanOrEqual(1);
    }
    expect(parsed.hits[0]).toMatchObject({
      question: '运费怎么算？',
      matched: '包邮吗',
      matchedTerms: expect.arrayContaining(['包邮']) as unknown,
      source: { path: 'fixtures/sample/faq.csv', headingPath: ['运费怎么算？'] },
      tags: ['运费'],
    });
  });

  it('shows rank, question, id, score, confidence, matched variant, terms, source and answer', () => {
    const r = runKb(['query', '包邮吗', '--index', index, '-k', '1']);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toEqual([
      expect.stringMatching(/^1\. 运费怎么算？ {2}\[faq-[\w-]+\]$/),
      expect.stringMatching(/^ {3}score \d+\.\d{3} {2}confidence [01]\.\d\d$/),
      '   matched: 包邮吗',
      expect.stringMatching(/^ {3}terms: .*包邮/),
      '   source: fixtures/sample/faq.csv · 运费怎么算？',
      '   tags: 运费',
      '   订单满99元包邮，不满99元收取8元运费；偏远地区另加10元。',
    ]);
  });

  it('answers an empty or unknown question with no hits, and exits 0', () => {
    expect(JSON.parse(runKb(['query', '', '--index', index, '--json']).stdout)).toEqual({ question: '', hits: [] });
    expect(runKb(['query', '  ', '--index', index]).stdout).toBe('no hits: the question is empty (pass a customer question in quotes: kb query "退货运费谁出")\n');
    const r = runKb(['query', '量子力学', '--index', index]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no hits: the knowledge base has none of these words\n');
    expect(runKb(['query', '包邮吗', '--index', index, '--threshold', '1']).stdout).toMatch(/^no hit with confidence ≥ 1: hand off to a person\n$|^1\. /);
  });

  it('says a message that is only a greeting, a sticker code or chat noise asks nothing, not that the knowledge base lacks its words (smoke test)', () => {
    const said = (question: string, ...flags: string[]): string => runKb(['query', question, '--index', index, ...flags]).stdout;
    expect(said('你好')).toBe('no hits: 你好 is a greeting (or chat noise) and asks nothing\n');
    expect(said('亲，在吗')).toBe('no hits: 亲，在吗 is a greeting (or chat noise) and asks nothing\n');
    expect(said('[表情]')).toBe('no hits: [表情] is a greeting (or chat noise) and asks nothing\n');
    expect(said('？？')).toBe('no hits: ？？ is a greeting (or chat noise) and asks nothing\n');
    // with a threshold too: it is no question to hand off
    expect(said('你好', '--threshold', '0.5')).toBe('no hits: 你好 is a greeting (or chat noise) and asks nothing\n');
    // thanks alone are kept as the message, but every word of it is too common to search by
    expect(said('谢谢')).toBe('no hits: 谢谢 has only words too common to search by (such as 的, 吗) and asks nothing\n');
  });

  it('stops quietly when the reader has closed the pipe (kb query … | head -1)', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'kb.js'), 'query', '退货', '--index', index, '-k', '20'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // like head once it has its line: the pipe is closed before kb writes
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|at /);
    expect(code).toBe(0);
  });

  it('reads dist/kb.index, where kb build writes without a config, when no --index is given', () => {
    const folder = tempDir('kb-cli-query-default-');
    try {
      mkdirSync(join(folder.path, 'dist'));
      copyFileSync(index, join(folder.path, 'dist', 'kb.index'));
      const r = runKb(['query', '包邮吗', '-k', '1'], folder.path);
      expect(r.code).toBe(0);
      expect(lines(r.stdout)[0]).toMatch(/^1\. 运费怎么算？/u);
    } finally {
      folder.remove();
    }
  });

  it('exits 2 on a bad -k and without an index', () => {
    expect(runKb(['query', '包邮吗', '--index', index, '-k', '0']).code).toBe(2);
    const r = runKb(['query', '包邮吗'], dir.path);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^kb: name the index with --index FILE/)]);
  });

  it('shows the passage of a long answer, the part the question is about, and --json carries it', async () => {
    const shop = join(dir.path, 'shop.index');
    const built = await build({ sources: [join(ROOT, 'fixtures/passage/shop')], out: shop });
    expect(built.ok).toBe(true);
    const r = runKb(['query', '水箱怎么除垢', '--index', shop, '-k', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/passage \(\d+ of \d+ characters\):\n {3}水箱每次使用后都要倒掉剩余的水，每周用柠檬酸溶液浸泡三十分钟除垢/);
    expect(r.stdout).not.toContain('滤网建议');
    const json = JSON.parse(runKb(['query', '水箱怎么除垢', '--index', shop, '-k', '1', '--json']).stdout) as { hits: Hit[] };
    expect(json.hits[0]?.passage).toContain('柠檬酸溶液浸泡三十分钟除垢');
    expect(json.hits[0]?.answer).toContain('滤网建议');

    // --passage-chars: a shorter budget; a list that goes on past the passage says so
    const cut = runKb(['query', '怎么申请退货', '--index', shop, '-k', '1', '--passage-chars', '90']);
    expect(cut.code).toBe(0);
    const shown = lines(cut.stdout);
    const head = shown.findIndex((l) => /^ {3}passage \(\d+ of \d+ characters\):$/.test(l));
    expect(Number(/passage \((\d+)/.exec(shown[head] ?? '')?.[1])).toBeLessThanOrEqual(90);
    expect(shown.slice(head + 1).at(-1)).toBe('   ……');
    // 0: no passage, the whole answer line by line
    const whole = runKb(['query', '怎么申请退货', '--index', shop, '-k', '1', '--passage-chars', '0']);
    const answer = (JSON.parse(runKb(['query', '怎么申请退货', '--index', shop, '-k', '1', '--passage-chars', '0', '--json']).stdout) as { hits: Hit[] }).hits[0]!;
    expect(answer).not.toHaveProperty('passage');
    expect(lines(whole.stdout).slice(-answer.answer.split('\n').length - 1)).toEqual([`   answer (${answer.answer.length} characters):`, ...answer.answer.split('\n').map((l) => `   ${l}`)]);
    expect(runKb(['query', '怎么申请退货', '--index', shop, '--passage-chars', '-1']).code).toBe(2);
  }, BUILD_TIMEOUT);
});
