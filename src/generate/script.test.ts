import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPaths } from '../ingest/index.js';
import { tempDir } from '../test-support/kb.js';
import { traditionalToSimplified, traditionalVariantOf } from '../text/normalize.js';
import { generateEntries } from './index.js';
import { rulesView } from './script.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/generate-traditional');

/** Simplified characters the rules' own words use (需要多长时间, 由谁承担, 有什么规定, 吗, 怎么办 …). */
const SIMPLIFIED = /[么长时间谁规吗办钱权务应该问这们为样够内后须关]/u;

describe('traditional Chinese documents', () => {
  it('tells Taiwan from Hong Kong by the characters a text uses', () => {
    expect(traditionalVariantOf('退款進度可在「我的訂單」裡查看，配件放回盒裡。')).toBe('tw');
    expect(traditionalVariantOf('可在「我的訂單」裏修改送貨地址，配件放回盒裏。')).toBe('hk');
  });

  it('writes every question in the document\'s script, with the rules of simplified Chinese', async () => {
    const run = await ingestPaths([FIXTURE]);
    const { entries } = generateEntries(run.documents, { similar: 5 });
    const policy = (heading: string) => entries.find((e) => e.source?.headingPath.at(-1) === heading && e.source.path.endsWith('退貨政策.md'));
    expect(entries.length).toBe(8);
    for (const e of entries) for (const q of [e.question, ...e.similar]) expect(q, q).not.toMatch(SIMPLIFIED);
    // the rules read 退货 / 运费 / 承担 in the simplified view and ask what they ask of simplified text
    expect(policy('退貨期限')?.question).toBe('退貨需要多長時間？');
    expect(policy('運費承擔')?.question).toBe('運費由誰承擔？');
    expect(policy('退款時間')?.question).toBe('退款需要多長時間？');
    // a notice is a facet in traditional too (溫馨提示), and a repeated heading names its category
    expect(policy('溫馨提示')?.question).toBe('家電類商品的溫馨提示是什麼？');
    expect(policy('退換貨時限')?.question).toMatch(/^(?:家電|服飾)類商品/u);
    // no lexicon swap doubles the words after it (七天無理由 → 無理由退貨退貨)
    for (const e of entries) for (const q of e.similar) expect(q).not.toMatch(/(\p{Script=Han}{2,})\1/u);
  });

  it('offers a traditional document no similar question in mainland colloquial words (咋辦, 是啥)', async () => {
    const dir = tempDir();
    try {
      const text = '問：商品有瑕疵怎麼辦？\n答：請在到貨後七天內拍照上傳，客服會與您聯絡。\n\n問：什麼是鑑賞期？\n答：商品到貨後七天內可以退貨。\n';
      writeFileSync(join(dir.path, '常見問題.txt'), text);
      writeFileSync(join(dir.path, 'faq.txt'), traditionalToSimplified(text));
      const run = await ingestPaths([dir.path]);
      const { entries } = generateEntries(run.documents, { similar: 5 });
      const similar = (path: string) => entries.filter((e) => e.source?.path.endsWith(path)).flatMap((e) => e.similar);
      // a simplified page keeps them (咋办 is how mainland customers type)
      expect(similar('faq.txt').join('\n')).toMatch(/[咋啥]/u);
      expect(similar('常見問題.txt').length).toBeGreaterThan(4);
      for (const q of similar('常見問題.txt')) expect(q).not.toMatch(/[咋啥]/u);
    } finally {
      dir.remove();
    }
  });

  it('keeps each answer and heading path as the document wrote them', async () => {
    const run = await ingestPaths([FIXTURE]);
    const { entries } = generateEntries(run.documents, { similar: 0 });
    const faqText = readFileSync(join(FIXTURE, '常見問題.txt'), 'utf8');
    const extracted = entries.filter((e) => e.origin === 'extracted');
    // 問：/答： pairs are found in the simplified view and kept in the page's own characters (裏, not 里 or 裡)
    expect(extracted.map((e) => e.question)).toEqual(['訂單寄出後多久可以收到？', '可以更改送貨地址嗎？']);
    for (const e of extracted) expect(faqText).toContain(e.answer);
    expect(extracted[1]?.answer).toContain('「我的訂單」裏');
    for (const doc of run.documents) {
      for (const section of doc.sections) {
        const entry = entries.find((e) => e.origin === 'generated' && e.source?.path === doc.path && e.source.headingPath.join('/') === section.headingPath.join('/'));
        if (entry !== undefined) expect(entry.answer).toBe(section.text);
      }
    }
  });

  it('puts what the rules write back in the section\'s own characters where the section has them', async () => {
    const run = await ingestPaths([join(FIXTURE, '退貨政策.md')]);
    const doc = run.documents[0];
    if (doc === undefined) throw new Error('fixture not read');
    const view = rulesView(doc);
    const section = view.doc.sections.find((s) => s.text.includes('台湾离岛'));
    if (section === undefined || view.back === undefined) throw new Error('no simplified view');
    expect(section.headingPath).toEqual(['退货政策', '退款时间']);
    // 台灣 as the page writes it (Taiwan's standard would make it 臺灣); the rest converted
    expect(view.back('寄往台湾离岛的包裹，退款时间会顺延吗？', section)).toBe('寄往台灣離島的包裹，退款時間會順延嗎？');
    // a simplified document is read as it is
    const simplified = await ingestPaths([join(FIXTURE, '../generate-facets')]);
    const first = simplified.documents[0];
    if (first === undefined) throw new Error('fixture not read');
    expect(rulesView(first)).toEqual({ doc: first });
  });

  it('asks a Hong Kong page’s Cantonese headings as questions, in its own words (點樣申請退貨？, not 點樣申請退貨是什麼？)', async () => {
    const dir = tempDir();
    try {
      const page = [
        '# 退貨政策',
        '',
        '## 一、點樣申請退貨',
        '',
        '請登入帳戶，於「我的訂單」按「申請退貨」，填寫原因並上載相片。',
        '',
        '## 二、幾時退款',
        '',
        '退款會於5個工作天內退回原付款方式。',
        '',
        '## 三、有冇得換貨',
        '',
        '產品有質量問題可免費換貨一次。',
        '',
        '## 四、退貨運費幾多錢',
        '',
        '非質量問題退貨，顧客須自付運費港幣30元。',
        '',
        '## 五、維修要幾耐',
        '',
        '維修一般需時7至10個工作天。',
        '',
      ].join('\n');
      writeFileSync(join(dir.path, '退貨政策.md'), page);
      const run = await ingestPaths([dir.path]);
      const { entries } = generateEntries(run.documents, { similar: 5 });
      const question = (heading: string) => entries.find((e) => e.source?.headingPath.at(-1) === heading)?.question;
      expect(question('一、點樣申請退貨')).toBe('點樣申請退貨？');
      expect(question('二、幾時退款')).toBe('幾時退款？');
      expect(question('三、有冇得換貨')).toBe('有冇得換貨？');
      expect(question('四、退貨運費幾多錢')).toBe('退貨運費幾多錢？');
      expect(question('五、維修要幾耐')).toBe('維修要幾耐？');
      // the rules' 多长时间 for the view's 多久 (幾耐) is not glued to half of 幾耐 (was 維修要幾長時間？)
      const repair = entries.find((e) => e.source?.headingPath.at(-1) === '五、維修要幾耐')?.similar ?? [];
      expect(repair).toContain('維修要多長時間？');
      for (const q of entries.flatMap((e) => e.similar)) expect(q, q).not.toMatch(/幾長|幾少|怎耐/u);
      for (const e of entries) {
        expect(e.question).not.toMatch(/是什麼？$/u);
        // the answer and the section's place are the page's own text
        expect(page).toContain(e.answer);
        expect(e.similar).toContain(`退貨政策 / ${e.source?.headingPath.at(-1) ?? ''}`);
        for (const q of [e.question, ...e.similar]) expect(q, q).not.toMatch(SIMPLIFIED);
      }
    } finally {
      dir.remove();
    }
  });

  it('offers a Taiwan page no mainland 包郵 (滿多少錢包郵？): Taiwan says 免運', async () => {
    const dir = tempDir();
    try {
      const page = '# 配送說明\n\n## 運費\n\n超商取貨運費60元，宅配運費100元。單筆訂單滿999元免運費。\n';
      writeFileSync(join(dir.path, '配送說明.md'), page);
      writeFileSync(join(dir.path, 'shipping.md'), traditionalToSimplified(page));
      const run = await ingestPaths([dir.path]);
      const { entries } = generateEntries(run.documents, { similar: 5 });
      const similar = (path: string) => entries.filter((e) => e.source?.path.endsWith(path)).flatMap((e) => [e.question, ...e.similar]);
      // a mainland page keeps it
      expect(similar('shipping.md').join('\n')).toContain('包邮');
      expect(similar('配送說明.md').join('\n')).toContain('免運費');
      for (const q of similar('配送說明.md')) expect(q).not.toMatch(/包[郵邮]/u);
    } finally {
      dir.remove();
    }
  });
});
