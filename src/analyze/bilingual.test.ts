import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { translationAssociations } from '../build/build-index.js';
import { buildAnalyzerSettings } from '../build/vocabulary.js';
import { ROOT } from '../test-support/kb.js';
import { Analyzer } from './analyzer.js';
import { BILINGUAL_LEXICON } from './bilingual.js';
import { AFTER_SALES_LEXICON } from './lexicon.js';

const HAN = /\p{Script=Han}/u;
const SHOP = join(ROOT, 'fixtures/customer-queries/shop');

let analyzer: Analyzer;
/** The words of the shop fixture's Chinese and English policies, as kb build's written terms. */
let shopTerms: Set<string>;

beforeAll(async () => {
  const texts = readdirSync(SHOP).map((f) => readFileSync(join(SHOP, f), 'utf8'));
  const settings = await buildAnalyzerSettings({ texts, lexicon: AFTER_SALES_LEXICON });
  if (!settings.ok) throw new Error(JSON.stringify(settings.problems));
  analyzer = new Analyzer(settings.value);
  shopTerms = new Set(texts.flatMap((t) => analyzer.analyze(t)));
});

describe('BILINGUAL_LEXICON', () => {
  it('heads each group with one English word or a phrase of up to three, followed by multi-character Chinese words', () => {
    const bad = BILINGUAL_LEXICON.filter(([head = '', ...chinese]) => {
      const englishHead = /^[a-z]+(?: [a-z]+){0,2}$/.test(head);
      return !englishHead || chinese.length === 0 || chinese.some((w) => !/^\p{Script=Han}{2,}$/u.test(w));
    });
    expect(bad).toEqual([]);
  });

  it('gives two heads one key (as the analyzer stems them) only where they stand for the same Chinese words', () => {
    // customs / custom / customer / customized all stem to custom; used / use / useful to us
    const byKey = new Map<string, string[][]>();
    for (const [head = '', ...chinese] of BILINGUAL_LEXICON) {
      const key = analyzer.phraseKey(head) ?? analyzer.analyze(head).join(' ');
      byKey.set(key, [...(byKey.get(key) ?? []), [head, ...[...chinese].sort()]]);
    }
    const clashes = [...byKey].filter(([, groups]) => groups.some((g) => g.slice(1).join() !== groups[0]!.slice(1).join()));
    expect(clashes).toEqual([]);
  });

  it('takes no common English word to Chinese it does not mean', () => {
    const translate = (words: string): string[] => {
      const key = analyzer.phraseKey(words) ?? analyzer.analyze(words).join(' ');
      return BILINGUAL_LEXICON.filter(([head = '']) => (analyzer.phraseKey(head) ?? analyzer.analyze(head).join(' ')) === key).flatMap(([, ...chinese]) => chinese);
    };
    // words of any question: no translation of their own, only inside a phrase (how long, what time)
    for (const word of ['customer', 'customers', 'custom', 'use', 'using', 'useful', 'issue', 'time', 'information', 'info', 'week', 'cover', 'how', 'can', 'when']) {
      expect([word, translate(word)]).toEqual([word, []]);
    }
    expect(translate('customs duties')).toContain('关税');
    expect(translate('used item')).toContain('使用过');
    expect(translate('issue an invoice')).toContain('开具');
    expect(translate('tracking information')).toContain('物流信息');
    // one word, its own Chinese: a package is 包裹, its packaging 包装
    expect(translate('packages')).not.toContain('包装');
    expect(translate('original packaging')).toContain('包装');
    expect(translate('orders')).toEqual(['订单', '下单']);
  });

  it('names each English head once', () => {
    const heads = BILINGUAL_LEXICON.map((g) => g[0]);
    expect(heads.filter((h, i) => heads.indexOf(h) !== i)).toEqual([]);
  });
});

describe('Analyzer phrases', () => {
  it('keys a phrase by its stemmed words, stopwords kept, and no single word', () => {
    expect(analyzer.phraseKey('Who pays')).toBe('who pai');
    expect(analyzer.phraseKey('how long')).toBe('how long');
    expect(analyzer.phraseKey('tracking numbers')).toBe('track number');
    expect(analyzer.phraseKey('returns')).toBeUndefined();
  });

  it('reads runs of two and three English words of a question, not across a comma or a Chinese word', () => {
    const { phrases } = analyzer.analyzeQuery('Who pays for return shipping? how long, warranty');
    expect(phrases).toEqual(expect.arrayContaining(['who pai', 'who pai for', 'return ship', 'how long']));
    expect(phrases).not.toContain('ship how');
    expect(phrases).not.toContain('long warranti');
    expect(analyzer.analyzeQuery('退货的shipping谁付').phrases).toEqual([]);
    expect(analyzer.analyzeQuery('我想cancel订单').phrases).toEqual([]);
  });

  it('reads a long word in time linear in its length (the stretch of English starts only at a word’s start)', () => {
    const median = (text: string): number => {
      const times: number[] = [];
      for (let i = 0; i < 21; i++) {
        const start = performance.now();
        analyzer.analyzeQuery(text);
        times.push(performance.now() - start);
      }
      return times.sort((x, y) => x - y)[10]!;
    };
    const short = 'ab '.repeat(667);
    median(short);
    // tried from each of its letters, 2,000 letters took 4.5 times as long as 2,000 characters of short words; now a seventh
    expect(median('a'.repeat(2000))).toBeLessThan(median(short));
  });
});

describe('translationAssociations', () => {
  let translations: Map<string, [string, number][]>;
  beforeAll(() => {
    translations = new Map(translationAssociations(BILINGUAL_LEXICON, analyzer, shopTerms, shopTerms, 1));
  });

  it('takes an English word (any form the stemmer joins) to the Chinese words the KB writes: the first at full weight, the others at three quarters', () => {
    const refund = analyzer.analyze('refunded')[0] ?? '';
    expect(translations.get(refund)).toEqual([['退款', 1]]);
    // 保修 is the group's first word; 保修期 is written too; 质保 is not in the shop's text
    expect(translations.get(analyzer.analyze('warranty')[0] ?? '')).toEqual([['保修', 1], ['保修期', 0.75]]);
  });

  it('keys a phrase as the analyzer keys a question’s runs of words', () => {
    expect(translations.get('how long')).toEqual(expect.arrayContaining([['多久', 1]]));
    expect(translations.get('who pai')).toEqual([['承担', 1]]);
  });

  it('leads a Chinese word to English only where the KB writes none of its group’s Chinese words (the shop writes both languages)', () => {
    expect([...translations.keys()].filter((k) => HAN.test(k) && shopTerms.has(k))).toEqual([]);
    // the shop writes arrive, and none of 送达 / 到货 / 到达 (arrive → 送达, 到货, 到达)
    expect(translations.get('送达')).toEqual([['arriv', 1]]);
    // it writes postage and 运费 but not 邮费: a question's 邮费 looks for 运费 through the lexicon, not for postage
    expect(translations.get('邮费')).toBeUndefined();
  });

  it('on an English KB, leads Chinese words to English ones only: 退货 → return, no English word to Chinese', () => {
    const english = new Set([...shopTerms].filter((t) => !HAN.test(t)));
    const reverse = new Map(translationAssociations(BILINGUAL_LEXICON, analyzer, english, english, 1));
    expect(reverse.get('退货')).toEqual([['return', 1]]);
    expect([...reverse.keys()].filter((k) => !HAN.test(k))).toEqual([]);
    expect([...reverse.values()].flat().filter(([t]) => HAN.test(t))).toEqual([]);
  });
});
