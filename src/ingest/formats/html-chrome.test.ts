import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sectionize } from '../sectionize.js';
import { pageTitle, parseHtml } from './html.js';

// A Zendesk-like help-centre export of a UK retailer (user test, 2026-11-27): a OneTrust cookie banner, five articles
// on one page, each with author/date/Follow lines, a vote widget, "Have more questions?" and related articles.
const html = readFileSync(new URL('../../../fixtures/ingest/html/help-centre-articles-en.html', import.meta.url), 'utf8');

function read(): { title: string | undefined; sections: string[] } {
  const r = parseHtml(html, { file: 'help-centre.html', maxUnzippedBytes: 1e9 });
  if (!r.ok) throw new Error('parse failed');
  const sections = sectionize(r.value.blocks, { path: 'help-centre.html', toMatchText: (t) => t }).map((s) => `${s.headingPath.join(' › ')} => ${s.text}`);
  return { title: r.value.title, sections };
}

describe('help-centre page furniture', () => {
  it('drops a consent manager banner named by its product (OneTrust), not by "cookie"', () => {
    const all = read().sections.join('\n');
    expect(all).not.toContain('We use cookies');
    expect(all).not.toContain('Accept All Cookies');
    expect(read().sections[0]).toMatch(/^Tracking your order => As soon as your order leaves/u);
  });

  it("drops an article's author, date and Follow lines, 'Have more questions?' and related articles", () => {
    const all = read().sections.join('\n');
    for (const gone of ['Customer Care\n', '14 September 2026', 'Updated', 'Follow', '2 October 2026', 'Have more questions?', 'Related articles', 'Delivery options and costs', 'Was this article helpful']) {
      expect(all).not.toContain(gone);
    }
    expect(read().sections).toContain(
      'Tracking your order › My parcel says delivered but I haven’t received it => Please check with your neighbours and any safe place you have chosen, and look for a ‘Sorry we missed you’ card. If you still can’t find it after 48 hours, get in touch and we’ll raise a claim with the courier. We’ll send a replacement or a full refund once the claim is completed, usually within 10 working days.',
    );
    expect(read().sections).toContain('Changing or cancelling an order => We start picking orders quickly, so we can only change or cancel an order within 1 hour of it being placed.');
  });

  it("names a page of several articles by its <title> without the help site's name", () => {
    expect(read().title).toBe('Orders, Payments & Your Account');
    expect(pageTitle('Returns – Brightbox Help Center', 'Shipping')).toBe('Returns');
    expect(pageTitle('Acme Support | Returns', undefined)).toBe('Returns');
    expect(pageTitle('Returns | Acme', 'Shipping')).toBe('Returns | Acme');
    expect(pageTitle('Help Centre | Support', undefined)).toBe('Help Centre | Support');
  });
});

// A Chinese phone brand's help centre (user test, 2026-11-27): accordion questions, each closed by a vote
// widget whose class says nothing (feedback, rate-box, none), and a "相关文章" box of links under the FAQ.
describe('help-centre widgets known by their shape, not their class', () => {
  const votes = readFileSync(new URL('../../../fixtures/ingest/html/help-centre-votes-zh.html', import.meta.url), 'utf8');
  const sections = (): string[] => {
    const r = parseHtml(votes, { file: 'help-centre-votes-zh.html', maxUnzippedBytes: 1e9 });
    if (!r.ok) throw new Error('parse failed');
    return sectionize(r.value.blocks, { path: 'help-centre-votes-zh.html', toMatchText: (t) => t }).map((s) => `${s.headingPath.at(-1) ?? ''} => ${s.text}`);
  };

  it('drops a short question with short buttons after an answer: 这篇文章有帮助吗？ 是 否', () => {
    expect(sections()).toContain('笔记本电脑保修多久？ => 笔记本电脑主机保修两年，电池和电源适配器保修一年，自发票日期起计算。');
    expect(sections()).toContain('屏幕碎了可以保修吗？ => 屏幕碎裂属于外力造成的损坏，不在免费保修范围内，可以付费更换屏幕。');
    expect(sections()).toContain('Is liquid damage covered? => No. Liquid damage is not covered, even on water-resistant models.');
  });

  it("keeps an accordion's question beside its one toggle button (展开, +): no vote widget", () => {
    expect(sections()).toContain('寄修要多久？ => 服务中心收到产品后一般3-5个工作日修好寄回。');
    expect(sections()).toContain('寄修运费谁出？ => 保修期内往返运费由我们承担。');
  });

  it('drops a box that is a heading over links only, and keeps a heading over text with a link in it', () => {
    const all = sections().join('\n');
    expect(all).not.toContain('相关文章');
    expect(all).not.toContain('电池保养小贴士');
    expect(sections()).toContain('寄修地址 => 请寄到：深圳市南山区科技园服务中心，收件人：售后部。');
    // links to call or write to are what a contact box says
    expect(sections().find((x) => x.startsWith('联系我们 =>'))).toMatch(/400-888-6666[\s\S]*service@example\.com/u);
  });
});

// A US furniture shop's help-centre pages saved from the browser (user trial, 2026-11-27): a sale strip
// over the page (`promo-bar`) became a section of every page, and Zendesk's "Return to top" link ended
// the last answer of each page.
describe('promotion bars and "Return to top" links', () => {
  const page = (body: string): string[] => {
    const r = parseHtml(`<html><body>${body}</body></html>`, { file: 'delivery.html', maxUnzippedBytes: 1e9 });
    if (!r.ok) throw new Error('parse failed');
    return sectionize(r.value.blocks, { path: 'delivery.html', toMatchText: (t) => t }).map((s) => `${s.headingPath.join(' › ')} => ${s.text}`);
  };

  it('drops a promotion bar outside the article, by its class', () => {
    for (const cls of ['promo-bar', 'promo', 'site-promo-banner', 'promotional_strip']) {
      const sections = page(
        `<div class="${cls}">Black Friday Sale: up to 40% off sofas + free delivery on orders $1,999+ <a href="/sale">Shop now</a></div>` +
          '<main><article><h1>Exchanges</h1><p>We don\'t do direct exchanges.</p></article></main>',
      );
      expect(sections).toEqual(["Exchanges => We don't do direct exchanges."]);
    }
  });

  it('keeps a promotion named inside the article', () => {
    const sections = page('<main><article><h1>Price adjustments</h1><div class="promo">Prices drop? We refund the difference within 14 days.</div></article></main>');
    expect(sections).toEqual(['Price adjustments => Prices drop? We refund the difference within 14 days.']);
  });

  it('drops a "Return to top" link by its class or its text, and keeps a link that says more', () => {
    const sections = page(
      '<article><h1>Exchanges</h1><p>We don\'t do direct exchanges.</p><div class="article-return-to-top"><a href="#article-container">Return to top</a></div>' +
        '<h2>Refunds</h2><p>Refunds take 5–7 business days.</p><p><a href="#top">Back to top ↑</a></p><p><a href="#refunds">Back to the top of the refunds table</a></p></article>',
    );
    expect(sections).toEqual([
      "Exchanges => We don't do direct exchanges.",
      'Exchanges › Refunds => Refunds take 5–7 business days.\nBack to the top of the refunds table',
    ]);
  });
});
