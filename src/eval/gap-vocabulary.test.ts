// kb eval's gaps cut their questions with jieba's words that occur in them (gapTokenizerFor), not its
// whole dictionary: the same key terms, without reading 349,000 words. Its own file, so that no other
// test has read the whole dictionary first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jiebaDictionary, jiebaDictionaryRead, jiebaWordsAmong } from '../analyze/jieba.js';
import { loadIndex, type KnowledgeBase } from '../runtime/index.js';
import { BUILD_TIMEOUT, runKb, tempDir } from '../test-support/kb.js';
import { gapTokenizer, gapTokenizerFor } from './find-gaps.js';
import { clusterQuestions, withoutSmallTalk } from './gaps.js';

const dir = tempDir('kb-gap-vocabulary-');
const index = join(dir.path, 'forms.json');
let kb: KnowledgeBase;
beforeAll(async () => {
  // built by the CLI in its own process: a build in this one reads jieba's whole dictionary
  const built = runKb(['build', 'fixtures/eval/kb', '--out', index]);
  if (built.code !== 0) throw new Error(`fixtures/eval/kb does not build: ${built.stderr}`);
  kb = await loadIndex(index);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

// questions about what the index does not say (口罩, 老板, 颜色 …: cut into single characters by its analyzer)
const log = readFileSync('fixtures/gaps/characters.txt', 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');

const candidates = new Set(['口罩', '老板', '颜色', '口', '罩', '罩能', '不是一个词', 'abc', '']);
let scanned: ReturnType<typeof jiebaWordsAmong>;

describe('gapTokenizerFor', () => {
  it('cuts the texts it was given as gapTokenizer does, without reading the whole dictionary', () => {
    expect(jiebaDictionaryRead()).toBe(false);
    scanned = jiebaWordsAmong(candidates);
    // with quantities and courtesies, which the clustering takes out: a part of a question is cut too
    const asked = [...log, '亲，请问口罩能退吗？谢谢', '你们老板是谁', '请问一下口罩3天能到吗', '买了两件衣服运费怎么算', '借1万钱利息多少', '一般电话确认要等几天。', '一次多少钱押金', '能不能分期一个月吗', ...kb.entries.slice(0, 8).map((e) => e.question)];
    const texts = [...asked, ...kb.entries.map((e) => e.question)];
    const prepared = gapTokenizerFor(kb, asked, kb.entries.map((e) => e.question));
    const questions = texts.map((text) => ({ text, count: 1 }));
    const preparedTerms = texts.map((t) => prepared(t));
    // the clustering reads key terms with courtesies and quantities taken out: texts cut from the given ones
    const preparedClusters = clusterQuestions(withoutSmallTalk(questions, prepared).questions, prepared);
    // any part of a question (the clustering reads them without courtesies and quantities)
    const parts = asked.flatMap((q) => [...q].map((_, i) => q.slice(i)));
    const partTerms = parts.map((p) => prepared(p));
    expect(preparedTerms.flat()).toContain('口罩');
    expect(jiebaDictionaryRead()).toBe(false);

    const whole = gapTokenizer(kb);
    expect(preparedTerms).toEqual(texts.map((t) => whole(t)));
    expect(partTerms).toEqual(parts.map((p) => whole(p)));
    expect(preparedClusters).toEqual(clusterQuestions(withoutSmallTalk(questions, whole).questions, whole));
    expect(jiebaDictionaryRead()).toBe(true);
  });

  it('cuts a text it was not given with the whole dictionary', () => {
    const prepared = gapTokenizerFor(kb, ['口罩能退吗']);
    expect(prepared('你们店铺几点下班')).toEqual(gapTokenizer(kb)('你们店铺几点下班'));
    expect(prepared('你们店铺几点下班')).toContain('店铺');
  });
});

describe('jiebaWordsAmong', () => {
  it('gives the candidates that are jieba words with their frequencies, and the whole dictionary total', () => {
    // read from the file (the first test of this file): the whole dictionary not read yet
    const { freq, total } = scanned;
    const dictionary = jiebaDictionary();
    expect(freq).toEqual(new Map([...candidates].filter((w) => dictionary.has(w)).map((w) => [w, dictionary.get(w)])));
    expect(freq.size).toBeGreaterThan(3);
    expect(total).toBe([...dictionary.values()].reduce((a, b) => a + b, 0));
  });
});
