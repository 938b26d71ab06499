import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, runKb, tempDir } from '../../test-support/kb.js';
import type { ParsedDoc } from '../parsed.js';
import { sectionize } from '../sectionize.js';
import { parseHtml } from './html.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/ingest/html/${name}`, import.meta.url), 'utf8');

function parse(html: string): ParsedDoc {
  const r = parseHtml(html, { file: 'faq.html', maxUnzippedBytes: 1e9 });
  if (!r.ok) throw new Error('parse failed');
  return r.value;
}

/** Each section as `heading › path => text`. */
function sections(html: string): string[] {
  return sectionize(parse(html).blocks, { path: 'faq.html', toMatchText: (t) => t }).map((s) => `${s.headingPath.join(' › ')} => ${s.text}`);
}

const headings = (doc: ParsedDoc) => doc.blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.depth} ${b.text}`] : []));

describe('FAQ structures of modern HTML pages', () => {
  it('reads details, a definition list and an accordion as one section per question, under the heading above', () => {
    // the trial page of the issue, and two tabs (fixtures/generate-faq-markup, which generation reads too)
    const html = readFileSync(join(import.meta.dirname, '../../../fixtures/generate-faq-markup/help-centre.html'), 'utf8');
    expect(sections(html)).toEqual([
      '常见问题 › 退货运费谁承担？ => 质量问题由商家承担运费；非质量问题由买家承担。',
      '常见问题 › 多久可以退款 => 收到退货后3个工作日内原路退款。',
      '常见问题 › Shipping › How long does shipping take? => Orders ship within 2 business days.',
      '常见问题 › Shipping › Do you ship to Canada => Yes, for a flat fee of $15.',
      '常见问题 › Shipping › 发票怎么开 => 下单时填写发票抬头即可。',
      '常见问题 › 配送范围 › 江浙沪 => 江浙沪地区满99元包邮，一般次日送达。',
      '常见问题 › 配送范围 › 偏远地区 => 新疆、西藏等偏远地区运费20元，5-7天送达。',
    ]);
    expect(parse(html).blocks.find((b) => b.kind === 'heading' && b.text === '多久可以退款')?.location).toEqual({ line: 6 });
  });

  it('nests details inside an answer one level deeper, and reads a details of plain text after the questions as text of the heading above them', () => {
    const doc = parse(
      '<h2>会员</h2><details><summary>积分规则</summary><p>每消费1元得1积分。</p><details><summary>积分会过期吗？</summary><p>两年内有效。</p></details></details><details><summary>  </summary><p>没有标题的内容。</p></details>',
    );
    expect(headings(doc)).toEqual(['2 会员', '3 积分规则', '4 积分会过期吗？']);
    expect(doc.blocks.slice(0, 2)).toMatchObject([
      { kind: 'heading', text: '会员' },
      { kind: 'paragraph', text: '没有标题的内容。' },
    ]);
  });

  it('puts the headings inside an answer below its question, keeping their order of levels', () => {
    const doc = parse('<h1>Help</h1><details><summary>Returns</summary><h2>By post</h2><p>Use the label.</p><h3>Abroad</h3><p>Pay the postage.</p><h2>In store</h2><p>Bring the receipt.</p></details><h2>Contact</h2><p>Mail us.</p>');
    expect(headings(doc)).toEqual(['1 Help', '2 Returns', '3 By post', '4 Abroad', '3 In store', '2 Contact']);
  });

  it('reads a definition list with several definitions per term, and a list of short key/value pairs as a table', () => {
    expect(sections('<h1>FAQ</h1><dl><dt>Can I cancel?</dt><dd>Yes, until it ships.</dd><dd>After that, return it.</dd><div><dt>Lost parcel</dt><dd>We resend it at no cost.</dd></div></dl>')).toEqual([
      'FAQ › Can I cancel? => Yes, until it ships.\nAfter that, return it.',
      'FAQ › Lost parcel => We resend it at no cost.',
    ]);
    const specs = parse('<h2>参数</h2><dl><dt>材质</dt><dd>白橡木</dd><dt>尺寸</dt><dd>120×60cm</dd></dl>');
    expect(specs.blocks).toMatchObject([{ kind: 'heading', text: '参数' }, { kind: 'table', rows: [['材质', '白橡木'], ['尺寸', '120×60cm']] }]);
  });

  it('follows aria-controls to a panel elsewhere, and keeps tab panels hidden with aria-hidden', () => {
    const html =
      '<h2>配送</h2><div role="tablist"><button role="tab" aria-controls="p1">江浙沪</button><button role="tab" aria-controls="p2">偏远地区</button></div>' +
      '<div id="p1" role="tabpanel"><p>次日送达。</p></div><div id="p2" role="tabpanel" aria-hidden="true" hidden><p>5-7天送达，运费20元。</p></div>';
    expect(sections(html)).toEqual(['配送 › 江浙沪 => 次日送达。', '配送 › 偏远地区 => 5-7天送达，运费20元。']);
    // before its trigger too
    expect(sections('<h2>A</h2><div id="x" class="panel"><p>Answer text.</p></div><p><br></p><div><button aria-controls="x" aria-expanded="false">Why?</button></div>')).toEqual(['A › Why? => Answer text.']);
  });

  it('reads class-named accordions without ARIA: faq-question/faq-answer, Elementor, Bootstrap without its button', () => {
    const faq =
      '<h2>Returns</h2><div class="faq-item"><div class="faq-question">What is the policy?</div><div class="faq-answer" aria-hidden="true"><p>30 days.</p></div></div>' +
      '<div class="elementor-accordion"><div class="elementor-accordion-item"><div class="elementor-tab-title"><span class="elementor-accordion-icon" aria-hidden="true">+</span><a>Refund time</a></div><div class="elementor-tab-content"><p>Five days.</p></div></div></div>' +
      '<div class="accordion"><h3 class="accordion-header">Exchanges</h3><div class="accordion-collapse collapse"><p>Once per order.</p></div></div>';
    expect(sections(faq)).toEqual(['Returns › What is the policy? => 30 days.', 'Returns › Refund time => Five days.', 'Returns › Exchanges => Once per order.']);
  });

  it('does not take buttons that show more, menus, links in running text or a FAQ page header for questions', () => {
    const doc = parse(
      '<header><button aria-controls="menu" aria-expanded="false">Menu</button><div id="menu"><ul><li>Home</li></ul></div></header>' +
        '<main><div class="faq-header"><h1>FAQ</h1><p>Find answers fast.</p></div><div class="faq-list"><p>See <a aria-expanded="false" href="#t">terms</a> <span>for details</span>.</p>' +
        '<p id="more" class="collapse">More text here.</p><button aria-controls="more" aria-expanded="false">Show more</button></div></main>',
    );
    expect(headings(doc)).toEqual(['1 FAQ']);
    expect(doc.blocks.map((b) => ('text' in b ? b.text : ''))).toEqual(['FAQ', 'Find answers fast.', 'See terms for details.', 'More text here.']);
    // a page's classes make no widget, and its h1 is no question
    const page = parse('<html><body class="page-faq"><div class="page-header"><h1>Help</h1></div><div class="page-content"><h2>Returns</h2><p>30 days.</p></div></body></html>');
    expect(headings(page)).toEqual(['1 Help', '2 Returns']);
    // a closed off-canvas menu outside the content stays dropped; a closed answer panel is kept
    const drawer = parse('<html><body><div class="offcanvas-panel" aria-hidden="true"><ul><li>Home</li><li>Shop</li></ul></div><main><h1>Help</h1><div class="answer" aria-hidden="true"><p>Closed answer.</p></div></main></body></html>');
    expect(drawer.blocks.map((b) => ('text' in b ? b.text : b.kind))).toEqual(['Help', 'Closed answer.']);
  });

  it('reads questions set in a list as sections, not as list items', () => {
    expect(sections('<h2>FAQ</h2><ul class="faq-list"><li><details><summary>Can I pay later?</summary><p>Yes, with Klarna.</p></details></li><li class="faq-item"><h3 class="faq-question">Do you price match?</h3><div class="faq-answer">No.</div></li></ul>')).toEqual([
      'FAQ › Can I pay later? => Yes, with Klarna.',
      'FAQ › Do you price match? => No.',
    ]);
  });

  it('reads a WordPress Yoast FAQ block, and no expandable box around a heading and its text as a question', () => {
    expect(
      sections(
        '<h2>FAQ</h2><div class="schema-faq wp-block-yoast-faq-block"><div class="schema-faq-section" id="faq-question-1"><strong class="schema-faq-question">Do you gift wrap?</strong> <p class="schema-faq-answer">Yes, for $3.</p> </div></div>' +
          '<div class="box" aria-expanded="true"><h3>Opening hours</h3><p>9 to 5.</p></div><div class="box"><h3>Address</h3><p>1 Main St.</p></div>',
      ),
    ).toEqual(['FAQ › Do you gift wrap? => Yes, for $3.', 'FAQ › Opening hours => 9 to 5.', 'FAQ › Address => 1 Main St.']);
  });

  it('reads schema.org microdata questions', () => {
    const html =
      '<h2>Gift cards</h2><div itemscope itemtype="https://schema.org/FAQPage"><div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question"><span itemprop="name">Do gift cards expire?</span>' +
      '<div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer"><div itemprop="text">Never.</div></div></div></div>';
    expect(sections(html)).toEqual(['Gift cards › Do gift cards expire? => Never.']);
  });

  it('ends the last answer where its markup does: text after the accordion belongs to the heading above the questions', () => {
    const accordion = (id: string, q: string, a: string) =>
      `<div class="accordion-item"><h2 class="accordion-header"><button class="accordion-button" aria-controls="${id}">${q}</button></h2><div id="${id}" class="accordion-collapse collapse"><div class="accordion-body">${a}</div></div></div>`;
    const html = `<main><h1>退货帮助</h1><p>关于退货的常见问题。</p><div class="accordion">${accordion('c1', '多久可以退款', '审核通过后1-3个工作日退回。')}${accordion('c2', '退货运费谁承担？', '质量问题由商家承担。')}</div><p>还有疑问？请联系在线客服。</p><h2>退货地址</h2><p>上海市某某路100号。</p></main>`;
    expect(sections(html)).toEqual([
      '退货帮助 => 关于退货的常见问题。\n还有疑问？请联系在线客服。',
      '退货帮助 › 多久可以退款 => 审核通过后1-3个工作日退回。',
      '退货帮助 › 退货运费谁承担？ => 质量问题由商家承担。',
      '退货帮助 › 退货地址 => 上海市某某路100号。',
    ]);
    // details beside each other: the paragraph after the last one is not its answer
    expect(sections('<h1>Help</h1><details><summary>Who pays return shipping?</summary><p>We do.</p></details><p>Still need help? Chat with us.</p>')).toEqual([
      'Help => Still need help? Chat with us.',
      'Help › Who pays return shipping? => We do.',
    ]);
    // a question whose answer is only "the paragraph after it" may go on in the next paragraph
    expect(sections('<h2>Exchanges</h2><h3 class="faq-question">Can I swap sizes?</h3><p>Yes, in the app.</p><p>Swaps ship within two days.</p>')).toEqual([
      'Exchanges › Can I swap sizes? => Yes, in the app.\nSwaps ship within two days.',
    ]);
  });

  it('puts a page heading after the questions beside them, not under the last one, with the headings below it', () => {
    const html =
      '<h1>Returns help</h1><details><summary>How long do refunds take?</summary><p>Five working days.</p></details><h3>Contact us</h3><p>help@example.com</p><h4>Opening hours</h4><p>9:00 to 18:00.</p><h2>Exchanges</h2><p>Free within 30 days.</p><h3>Sizes</h3><p>Swap sizes in the app.</p>';
    expect(headings(parse(html))).toEqual(['1 Returns help', '2 How long do refunds take?', '2 Contact us', '3 Opening hours', '2 Exchanges', '3 Sizes']);
  });

  it('names a page without <title> by its heading, not by the first question', () => {
    expect(parse('<details><summary>How do I return?</summary><p>Post it back.</p></details>').title).toBeUndefined();
    expect(parse('<details><summary>How do I return?</summary><p>Post it back.</p></details><h2>Contact</h2><p>x</p>').title).toBe('Contact');
  });
});

describe('schema.org FAQPage JSON-LD', () => {
  const ld = (data: unknown): string => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
  const faqPage = (pairs: [string, string][]) => ({
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: pairs.map(([name, text]) => ({ '@type': 'Question', name, acceptedAnswer: { '@type': 'Answer', text } })),
  });

  it('adds the questions of a page that shows none, below its title, answers read as HTML', () => {
    const html = `<html><head><title>Warranty</title>${ld(faqPage([['How long is the warranty?', '<p>Two <b>years</b>.</p><ul><li>Keep the receipt</li></ul>'], ['Is water damage covered?', 'No.']]))}</head><body><h1>Warranty</h1><div id="app"></div></body></html>`;
    expect(sections(html)).toEqual(['Warranty › How long is the warranty? => Two years.\nKeep the receipt', 'Warranty › Is water damage covered? => No.']);
  });

  it('reads an answer whose markup a plugin escaped twice', () => {
    const html = `<h1>FAQ</h1>${ld(faqPage([['Do you ship abroad?', '&lt;p&gt;Yes, to 30 countries.&lt;/p&gt;&lt;p&gt;See &lt;a href="/rates"&gt;rates&lt;/a&gt;.&lt;/p&gt;'], ['Is 2 &lt; 3?', 'Yes: 2 &lt; 3.']]))}`;
    expect(sections(html)).toEqual(['FAQ › Do you ship abroad? => Yes, to 30 countries.\nSee rates.', 'FAQ › Is 2 < 3? => Yes: 2 < 3.']);
  });

  it('finds the FAQPage in an array, in @graph and under a WebPage, and reads an array of answers', () => {
    const q = (name: string) => ({ '@type': 'Question', name, acceptedAnswer: [{ '@type': 'Answer', text: `Answer to ${name}` }] });
    const html =
      ld([{ '@type': 'Organization', name: 'Shop' }, { '@type': 'FAQPage', mainEntity: [q('One?')] }]) +
      ld({ '@graph': [{ '@type': ['WebPage'], name: 'x' }, { '@type': 'FAQPage', mainEntity: q('Two?') }] }) +
      ld({ '@type': 'WebPage', mainEntity: { '@type': 'https://schema.org/FAQPage', mainEntity: [q('Three?')] } });
    expect(sections(html)).toEqual(['One? => Answer to One?', 'Two? => Answer to Two?', 'Three? => Answer to Three?']);
  });

  it('makes no second entry for a question the page shows, by its question or by its answer', () => {
    const html =
      ld(faqPage([['退货运费谁承担？', '质量问题由商家承担。'], ['Can I cancel my order', 'Yes, until it ships.'], ['Only here?', 'Yes, only in the JSON-LD.'], ['Only here?', 'Twice.']])) +
      '<h1>FAQ</h1><details><summary>退货运费谁承担?</summary><p>质量问题由商家承担。</p></details><h2>Cancelling</h2><p>Yes, until it ships.</p>';
    expect(sections(html)).toEqual(['FAQ › 退货运费谁承担? => 质量问题由商家承担。', 'FAQ › Cancelling => Yes, until it ships.', 'FAQ › Only here? => Yes, only in the JSON-LD.']);
  });

  it('warns about a JSON-LD block that is not JSON, naming the file and its line, and reads the page', () => {
    const doc = parse('<p>x</p>\n<script type="application/ld+json">{"@type": "FAQPage",}</script>\n<h1>Help</h1><p>Text.</p>');
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toMatchObject({ code: 'unreadable', severity: 'warning', file: 'faq.html', location: { line: 2 } });
    expect(doc.warnings[0]?.message).toMatch(/JSON-LD .* not valid JSON .*fix the JSON$/u);
    expect(headings(doc)).toEqual(['1 Help']);
  });
});

describe('FAQ page fixtures', () => {
  it('a Chinese shop FAQ: details (nested), a Bootstrap accordion, tabs, a spec list, JSON-LD of the same questions', () => {
    const doc = parse(fixture('shop-faq-zh.html'));
    expect(doc.title).toBe('常见问题');
    expect(sectionize(doc.blocks, { path: 'x', toMatchText: (t) => t }).map((s) => s.headingPath.slice(1).join(' › '))).toEqual([
      '',
      '订单与支付 › 订单提交后可以修改收货地址吗？',
      '订单与支付 › 支持哪些付款方式',
      '订单与支付 › 优惠券使用说明',
      '订单与支付 › 优惠券使用说明 › 优惠券过期了还能用吗？',
      '订单与支付 › 优惠券使用说明 › 退货后优惠券会退回吗？',
      '退换货 › 退货运费谁承担？',
      '退换货 › 退款多久到账',
      '退换货 › 怎样申请换货',
      '配送 › 江浙沪',
      '配送 › 偏远地区',
      '商品参数',
    ]);
    const all = sections(fixture('shop-faq-zh.html')).join('\n');
    expect(all).toContain('退款多久到账 => 仓库收到退货并验收后，按原支付方式退款：\n支付方式 | 到账时间\n微信支付 | 1-3个工作日');
    expect(all).toContain('偏远地区 => 新疆、西藏等偏远地区需5-7天送达，运费每单20元。');
    for (const gone of ['菜单', '全部商品', 'Cookie', '版权所有', 'Shopify', '全场满199元包邮']) expect(all).not.toContain(gone);
  });

  it('an English help centre: h3 questions, faq-item divs (one answer aria-hidden), a dl, microdata; no vote widget', () => {
    expect(sections(fixture('help-centre-en.html'))).toEqual([
      'Shipping & Returns => Everything about getting your order and sending it back.',
      'Shipping & Returns › Shipping › How long does shipping take? => Orders ship within 2 business days. Standard delivery takes 3 to 5 business days after that.',
      'Shipping & Returns › Shipping › Do you ship to Canada => Yes, for a flat fee of $15. Duties are included at checkout.\nDeliveries to Nunavut can take up to 3 weeks.',
      'Shipping & Returns › Returns › What is your return policy? => You can return unused items within 30 days of delivery for a full refund.',
      'Shipping & Returns › Returns › How do I print a return label? => Open Your orders, choose the order and click Return items.\nPrint the label we email you.\nDrop the parcel at any post office.',
      'Shipping & Returns › Returns › Are sale items refundable => Sale items can be exchanged, but not refunded.',
      'Shipping & Returns › Orders › Can I change my order after placing it? => You can edit the address or cancel the order until it ships.\nOnce it has shipped, contact us and we will reroute it if the carrier allows.',
      'Shipping & Returns › Orders › Where is my order? => Track it from the link in your shipping confirmation email.',
      'Shipping & Returns › Gift cards › Do gift cards expire? => No. Brightbox gift cards never expire and carry no fees.',
      'Shipping & Returns › Gift cards › Can I use more than one gift card on an order? => Yes, up to five gift cards per order.',
    ]);
  });
});

describe('kb with FAQ pages (CLI)', () => {
  const dir = tempDir('kb-html-faq-');
  afterAll(() => dir.remove());
  const files = ['fixtures/ingest/html/shop-faq-zh.html', 'fixtures/ingest/html/help-centre-en.html', 'fixtures/ingest/html/faq-jsonld.html'];

  it('kb ingest shows one section per question and warns about the broken JSON-LD block', () => {
    const r = runKb(['ingest', ...files, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { documents: { path: string; sections: { headingPath: string[]; text: string }[]; warnings: { message: string; location?: { line?: number } }[] }[] };
    const jsonld = out.documents.find((d) => d.path.endsWith('faq-jsonld.html'));
    expect(jsonld?.sections.map((s) => s.headingPath.at(-1))).toEqual(['Warranty FAQ', 'How long is the warranty on a Northwind kettle?', 'What does the warranty not cover?', 'How do I make a warranty claim?']);
    expect(jsonld?.sections[2]?.text).toBe('Limescale damage\nAccidental drops\nCommercial use');
    expect(jsonld?.warnings.map((w) => w.location?.line)).toEqual([36]);
    expect(r.stderr).toContain('warning fixtures/ingest/html/faq-jsonld.html:line 36: has a JSON-LD block');
  });

  it(
    'kb generate extracts the questions as entries with their answers, and kb build + kb query find them',
    () => {
      const store = join(dir.path, 'qa.jsonl');
      const g = runKb(['generate', ...files, '--store', store, '--similar', '0']);
      expect(g.code).toBe(0);
      const entries = readFileSync(store, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { id?: string; question: string; answer: string; origin: string })
        .filter((e) => e.id !== undefined);
      const extracted = new Map(entries.filter((e) => e.origin === 'extracted').map((e) => [e.question, e.answer]));
      expect(extracted.get('优惠券过期了还能用吗？')).toBe('过期的优惠券无法使用，也不能补发。');
      expect(extracted.get('How do I print a return label?')).toBe('Open Your orders, choose the order and click Return items.\nPrint the label we email you.\nDrop the parcel at any post office.');
      expect(extracted.get('Can I change my order after placing it?')).toBe('You can edit the address or cancel the order until it ships.\nOnce it has shipped, contact us and we will reroute it if the carrier allows.');
      expect(extracted.get('How do I make a warranty claim?')).toBe('Email support@northwind.example with your order number and a photo of the fault. We reply within one business day.');
      // one entry per question, the JSON-LD copy of a visible FAQ adds none
      expect(entries.filter((e) => e.question === '退货运费谁承担？')).toHaveLength(1);
      expect(entries.filter((e) => e.question === 'How long is the warranty on a Northwind kettle?')).toHaveLength(1);

      const index = join(dir.path, 'faq.index');
      expect(runKb(['build', '--store', store, '-o', index]).code).toBe(0);
      const q = runKb(['query', '-i', index, '--json', 'how do I print a return label']);
      expect((JSON.parse(q.stdout) as { hits: { question: string }[] }).hits[0]?.question).toBe('How do I print a return label?');
    },
    BUILD_TIMEOUT,
  );
});
