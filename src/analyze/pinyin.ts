/**
 * pinyin-pro adapter: toneless pinyin of a Chinese word, loaded on first use (runtime, query side
 * only, for homophone typos such as 微利贷 / 威力贷 for 微粒贷).
 */
import { createRequire } from 'node:module';

type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array'; v?: boolean }) => string[];

let pinyinFn: PinyinFn | undefined;

export function toPinyin(word: string): string {
  if (pinyinFn === undefined) {
    pinyinFn = (createRequire(import.meta.url)('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  }
  return pinyinFn(word, { toneType: 'none', type: 'array', v: true }).join(' ');
}
