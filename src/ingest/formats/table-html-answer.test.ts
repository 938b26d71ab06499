import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFaqCsv } from './table.js';

const file = fileURLToPath(new URL('../../../fixtures/ingest/tables/shopify-faq.csv', import.meta.url));

// A Shopify FAQ app's export (an apparel shop's user trial, 2026-11-27): answers as its rich-text editor
// saved them, some only inline markup (a link, &ndash;) with no <p> around the text.
describe('an FAQ export whose answers hold inline HTML', () => {
  const parsed = parseFaqCsv(readFileSync(file, 'utf8'), { file: 'shopify-faq.csv', maxUnzippedBytes: 0 });
  const answers = parsed.ok ? parsed.value.rows.map((r) => r.row.answer) : [];

  it('answers with the text: a link its words, named entities their characters', () => {
    expect(parsed.ok).toBe(true);
    // before, an answer of inline markup only came out as written: <a href=…> and 1&ndash;2 in the bot's reply
    expect(answers[0]).toBe('Track it at shop.example/track with your order number. Orders ship in 1–2 business days.');
    expect(answers[1]).toBe('We answer Monday to Friday 9am–6pm ET — weekends 10am–4pm.');
  });

  it('keeps the text around a list, and leaves a bare & that is no entity as it is', () => {
    expect(answers[2]).toBe('Check these first:\nthe billing address\nthe card’s expiry date\nThen call your bank.');
    expect(answers[3]).toBe('Yes: orders under $50 & over $50 ship to P.O. boxes with USPS.');
  });
});

// A Chinese help desk's export (网易七鱼 style): answers with links to the shop's pages, as a team migrating to kb has them.
describe('an FAQ export whose answers link to pages', () => {
  const qiyu = fileURLToPath(new URL('../../../fixtures/ingest/tables/qiyu-html-answers.csv', import.meta.url));
  const parsed = parseFaqCsv(readFileSync(qiyu, 'utf8'), { file: 'qiyu-html-answers.csv', maxUnzippedBytes: 0 });
  const answers = parsed.ok ? parsed.value.rows.map((r) => r.row.answer) : [];

  it('keeps a link’s address after its words, as an XLSX hyperlink cell does (before: 点此预约 and nowhere to go)', () => {
    expect(answers[0]).toBe('首次标准安装免费。\n辅材按收费标准 (https://www.nuanju.example/fee)另收。');
    expect(answers[1]).toBe('建议每3个月清洗一次，点此预约 (https://www.nuanju.example/clean?from=faq&type=ac)上门清洗。');
  });

  it('adds no address the words show already, and none for a link within the page', () => {
    expect(answers[2]).toBe('保外维修见www.nuanju.example/parts，投诉请写信至客服邮箱 (care@nuanju.example)。');
    expect(answers[3]).toBe('在我的订单里查看。');
  });

  it('keeps a phone link’s number, drops tracking parameters, adds no mail address the words hold, reads an unquoted href and no data-href, and names a link relative to the site', () => {
    const rows = [
      '问题,答案',
      '客服电话,"<p>请拨打<a href=""tel:400-800-1234"">客服热线</a>，或<a href=""tel:400-800-1234"">400-800-1234</a></p>"',
      '运费标准,"<p>按<a href=""https://shop.example.com/fee?utm_source=qiyu&amp;from=faq&amp;spm=a21.b2.c3&amp;gclid=x#zone"">收费标准</a>另收</p>"',
      '邮件,"<p>发邮件到<a href=""mailto:help@example.com?subject=退货"">help@example.com</a>或<a href=""mailto:vip@example.com"">会员邮箱</a></p>"',
      '保修,"<p><a href=https://shop.example.com/w target=_blank>保修政策</a>，<a data-href=""https://shop.example.com/x"" href=""#top"">回到顶部</a></p>"',
      '怎么预约安装,"<p>请<a href=""/service/install?from=faq"">点此预约</a>安装</p>"',
    ].join('\n');
    const r = parseFaqCsv(rows, { file: 'links.csv', maxUnzippedBytes: 0 });
    if (!r.ok) throw new Error('not read');
    expect(r.value.rows.map((x) => x.row.answer)).toEqual([
      '请拨打客服热线 (400-800-1234)，或400-800-1234',
      '按收费标准 (https://shop.example.com/fee?from=faq#zone)另收',
      '发邮件到help@example.com或会员邮箱 (vip@example.com)',
      // (回到顶部, a link to the page's top, is page furniture: left out, ingest.md)
      '保修政策 (https://shop.example.com/w)，',
      '请点此预约安装',
    ]);
    expect(r.value.warnings.map((w) => [w.location, w.message])).toEqual([
      [{ line: 6 }, expect.stringMatching(/^the answer links to "\/service\/install\?from=faq", an address relative to the help desk's site: .*write the full address/u)],
    ]);
  });
});
