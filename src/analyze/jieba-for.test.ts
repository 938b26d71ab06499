import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dictionaryFor, jiebaCut, jiebaDictionary, jiebaFor, jiebaWords, keepWholeJiebaDictionary, loadedJiebaDictionary } from './jieba.js';

const dir = mkdtempSync(join(tmpdir(), 'kb-jieba-for-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// shop texts: dictionary words, words jieba guesses (HMM), characters it lacks (𠮷, 嘢), a product name
const TEXTS = [
  '签收后发现坏果怎么办',
  '冷链配送的生鲜多久能到',
  '微粒贷的额度怎么提升',
  '提前还款要手续费吗',
  '侵华日军南京大屠杀遇难同胞纪念馆',
  '𠮷野家的嘢食可以退吗',
  '运费险理赔到账时间',
  '买了两斤车厘子少称了',
  '中华人民共和国消费者权益保护法第二十四条',
];

function cuts(cut: (t: string) => string[], words: (t: string) => string[]): string[] {
  return TEXTS.map((t) => `${cut(t).join('|')} / ${words(t).join('|')}`);
}

describe('jieba loaded for a set of texts', () => {
  it('cuts them exactly as jieba with its whole dictionary does, also with a user dictionary of words without frequencies', () => {
    const userDict = join(dir, 'user.dict');
    // a user word without a frequency takes the median weight of the dictionary; one with three fields its own
    writeFileSync(userDict, '微粒贷\n车厘子 n\n运费险理赔 5 n\n');
    for (const user of [undefined, userDict]) {
      const whole = cuts((t) => jiebaCut(t, user), (t) => jiebaWords(t, user));
      const forTexts = jiebaFor(TEXTS, user === undefined ? undefined : { path: user });
      expect(cuts(forTexts.cut, forTexts.words)).toEqual(whole);
      expect(loadedJiebaDictionary()).toBe('texts');
    }
    // a UTF-16 user dictionary (kb reads it, decoded): jieba is given its words as UTF-8 (it lost them, with
    // "UTF-8 decode failed" on stderr), written as jieba reads them (tabs, `word freq`)
    const utf16 = join(dir, 'user-utf16.dict');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('微粒贷\n运费险理赔\t5\n', 'utf16le')]));
    const decoded = jiebaFor(['运费险理赔到账时间'], { path: utf16, lines: ['微粒贷', '运费险理赔\t5'] });
    expect(decoded.words('运费险理赔到账时间')).toContain('运费险理赔');
    expect(jiebaFor(['运费险理赔到账时间']).words('运费险理赔到账时间')).not.toContain('运费险理赔');
    // and the whole dictionary is loaded again for a cut of any other text
    expect(jiebaCut('退货运费谁出', userDict)).toContain('运费');
    expect(loadedJiebaDictionary()).toBe('whole');
  }, 120_000);

  it('keeps the total, the smallest frequency and the median of the whole dictionary (jieba weighs with them)', () => {
    const freqs = [...jiebaDictionary().values()].sort((a, b) => a - b);
    const total = freqs.reduce((s, f) => s + f, 0);
    // the shop's texts, and everyday words that are all far above the median
    for (const texts of [TEXTS, ['我们的国家是一个大国', '他们在这里工作']]) {
      const lines = dictionaryFor(texts);
      const mine = lines.map((l) => Number(l.split(' ')[1])).sort((a, b) => a - b);
      expect(lines.length).toBeLessThan(jiebaDictionary().size / 10);
      expect(mine.reduce((s, f) => s + f, 0)).toBe(total);
      expect(mine[0]).toBe(freqs[0]);
      expect(mine[mine.length >> 1]).toBe(freqs[freqs.length >> 1]);
    }
    const lines = dictionaryFor(TEXTS);
    // every line is jieba's `word freq tag`, and the words of the texts are there with their frequencies
    for (const line of lines) expect(line).toMatch(/^\S+ \d+ x$/u);
    expect(lines).toContain(`配送 ${jiebaDictionary().get('配送')} x`);
    expect(lines).toContain(`侵华日军南京大屠杀遇难同胞纪念馆 ${jiebaDictionary().get('侵华日军南京大屠杀遇难同胞纪念馆')} x`);
  });

  it('keeps the whole dictionary loaded in a process that builds again and again (kb review\'s try-it worker)', () => {
    jiebaFor(['冷链配送的生鲜多久能到']).cut('冷链配送的生鲜多久能到');
    expect(loadedJiebaDictionary()).toBe('texts');
    keepWholeJiebaDictionary();
    const forTexts = jiebaFor(['冷链配送的生鲜多久能到']);
    expect(forTexts.cut('冷链配送的生鲜多久能到')).toEqual(jiebaCut('冷链配送的生鲜多久能到'));
    expect(loadedJiebaDictionary()).toBe('whole');
  });
});
