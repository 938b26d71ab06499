import { describe, expect, it } from 'vitest';
import { jiebaWords } from '../analyze/jieba.js';
import { Analyzer } from '../analyze/analyzer.js';
import { buildAnalyzerSettings, discoverWords } from './vocabulary.js';

// A shop's FAQ repeats its phrases: similar questions of one pattern, a product name jieba lacks
const TEXTS = [
  '口红试色了还能退吗', '粉底液开封了还能退吗', '衣服洗过了还能退吗', '鞋子穿过了还能退吗', '面霜拆封了还能退吗', '裤子剪标了还能退吗',
  '什么时候发货', '什么时候到账', '什么时候退款', '什么时候补货', '什么时候上新',
  '微粒贷怎么还款', '微粒贷额度多少', '开通微粒贷', '注销微粒贷', '微粒贷利息怎么算', '微粒贷逾期怎么办',
];
const runs = TEXTS.flatMap((t) => t.match(/\p{Script=Han}+/gu) ?? []);

describe('discoverWords', () => {
  it('finds a product name jieba does not know, and not the phrases a KB repeats', () => {
    // cohesion alone takes repeated phrases for words
    expect(discoverWords(runs)).toEqual(expect.arrayContaining(['微粒贷', '了还能退', '么时候']));
    const words = discoverWords(runs, (run) => jiebaWords(run));
    expect(words).toContain('微粒贷');
    // a particle inside (了还能退); a start inside a dictionary word (么时候 of 什么时候)
    expect(words).not.toContain('了还能退');
    expect(words).not.toContain('了还能');
    expect(words).not.toContain('么时候');
  });

  it('finds no word with 未 in it: 还未到 would hide the negation (a FAQ\'s 退款怎么还没到, repeated for each product)', () => {
    const repeated = ['手机', '耳机', '平板', '手表', '键盘', '鼠标'].map((p) => `${p}退款怎么还未到`);
    expect(discoverWords(repeated).filter((w) => w.includes('未'))).toEqual([]);
    expect(discoverWords(repeated, (run) => jiebaWords(run)).filter((w) => w.includes('未'))).toEqual([]);
  });

  it('gives the analyzer only the words it keeps (a user test cut 口红试色了还能退吗 as …了还能退…, and missed 口红试色了能退吗)', async () => {
    const settings = await buildAnalyzerSettings({ texts: TEXTS });
    if (!settings.ok) throw new Error(JSON.stringify(settings.problems));
    const words = new Set(settings.value.vocabulary.map(([w]) => w));
    expect([...words].filter((w) => ['了还能退', '了还能', '么时候'].includes(w))).toEqual([]);
    expect(new Analyzer(settings.value).analyze('微粒贷怎么还')).toContain('微粒贷');
  });
});
