import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedBlock, ParsedDoc } from '../parsed.js';
import { sectionize } from '../sectionize.js';
import { parseHtml, removeWordResidue } from './html.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/ingest/html/${name}`, import.meta.url), 'utf8');
const options = { file: 'x.html', maxUnzippedBytes: 1e9 };

function parse(html: string): ParsedDoc {
  const r = parseHtml(html, options);
  if (!r.ok) throw new Error('parse failed');
  return r.value;
}

function texts(blocks: readonly ParsedBlock[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
      case 'code':
        return [b.text];
      case 'list':
        return b.items;
      case 'table':
        return b.rows.flat();
    }
  });
}

const headings = (doc: ParsedDoc) => doc.blocks.flatMap((b) => (b.kind === 'heading' ? [[b.depth, b.text] as const] : []));
const paragraphs = (doc: ParsedDoc) => doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('parseHtml: a page pasted from Word', () => {
  const doc = parse(fixture('word-pasted.html'));
  const all = texts(doc.blocks).join('\n');

  it('takes the title from <title>, without the section and site names around the page\'s h1', () => {
    expect(doc.title).toBe('退换货政策');
  });

  it('recovers bold paragraphs as headings below the h2, and leaves numbered ones to sectionize', () => {
    expect(headings(doc)).toEqual([
      [2, '退换货政策'],
      [3, '退货总则'],
      [3, '退款时效'],
      [3, '换货说明'],
      [3, '温馨提示'],
    ]);
    expect(paragraphs(doc)).toContain('一、退货条件');
    expect(paragraphs(doc)).toContain('二、退货运费');
  });

  it('leaves no markup, Word settings, CSS or mso residue in any text', () => {
    for (const residue of ['mso', '<', '>', '{', '}', 'w:', 'o:p', 'Style Definitions', 'X-NONE', 'ZH-CN', 'Normal', 'false', '磅', 'MsoNormal']) {
      expect(all, residue).not.toContain(residue);
    }
  });

  it('drops navigation chrome: header, nav, breadcrumbs and footer', () => {
    for (const chrome of ['青禾家居首页', '购物指南', '您当前的位置', '版权所有', 'dataLayer']) expect(all).not.toContain(chrome);
  });

  it('joins a line wrapped in the source between CJK characters, keeps smart-tag text, and turns &nbsp; into spaces', () => {
    expect(paragraphs(doc)).toContain('青禾家居所售商品均享受国家规定的售后服务。商品签收后如有问题，请在七日内联系客服，客服会在一个工作日内答复您的申请。');
    expect(paragraphs(doc)).toContain('1. 自签收之日起七日内，商品及配件齐全、不影响二次销售的，可申请无理由退货。');
    expect(paragraphs(doc)).toContain('同款商品换货以一次为限，换货商品寄出后会短信通知您。');
    expect(texts(doc.blocks).filter((t) => /[\u00A0\n]|\s{2}/u.test(t))).toEqual([]);
  });

  it('keeps a data table and unwraps a one-column layout table', () => {
    const tables = doc.blocks.filter((b) => b.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]?.kind === 'table' && tables[0].rows).toEqual([
      ['支付方式', '到账时间'],
      ['微信支付', '1-3个工作日'],
      ['银行卡', '3-7个工作日'],
    ]);
    const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === '温馨提示');
    expect(doc.blocks[i + 1]).toMatchObject({ kind: 'paragraph', text: '如遇节假日，退款时间顺延。' });
  });

  it('does not take a bold "label: number" field for a heading', () => {
    expect(paragraphs(doc)).toContain('联系电话：400-600-1234');
  });

  it('records source lines', () => {
    expect(doc.blocks.find((b) => b.kind === 'heading' && b.text === '退款时效')?.location).toEqual({ line: 37 });
  });
});

describe('parseHtml: a FAQ page', () => {
  const doc = parse(fixture('faq.html'));

  it('turns each question into a heading without its Q label, over its answer without its A label', () => {
    expect(doc.title).toBe('常见问题');
    expect(headings(doc)).toEqual([
      [2, '常见问题'],
      [3, '忘记登录密码怎么办？'],
      [3, '订单提交后还能修改收货地址吗？'],
      [3, '发票可以补开吗？'],
      [3, '会员与积分'],
      [4, '积分会过期吗？'],
      [4, '积分可以兑换什么？'],
      [4, '1、会员等级怎么升级？'],
    ]);
    expect(paragraphs(doc)).toEqual([
      '在登录页面点击“忘记密码”，按提示通过手机验证码重设密码即可。',
      '订单发货前可以在“我的订单”中修改一次收货地址；发货后无法修改，请联系快递员协商。',
      '如需帮助，请拨打客服热线400-600-1234。',
      '订单完成后三十天内可以在“发票管理”中申请补开电子发票。',
      '积分自获得之日起两年内有效，到期自动清零。',
      '积分可以兑换优惠券和部分周边商品，100积分抵1元。',
      '累计消费满2000元自动升级为银卡会员。',
    ]);
  });

  it('gives one section per question/answer pair through sectionize', () => {
    const sections = sectionize(doc.blocks, { path: 'faq.html', toMatchText: (t) => t });
    expect(sections.map((s) => s.headingPath[s.headingPath.length - 1])).toEqual([
      '忘记登录密码怎么办？',
      '订单提交后还能修改收货地址吗？',
      '发票可以补开吗？',
      '积分会过期吗？',
      '积分可以兑换什么？',
      '1、会员等级怎么升级？',
    ]);
    expect(sections[3]?.headingPath).toEqual(['常见问题', '会员与积分', '积分会过期吗？']);
    expect(sections[1]?.text).toBe('订单发货前可以在“我的订单”中修改一次收货地址；发货后无法修改，请联系快递员协商。\n如需帮助，请拨打客服热线400-600-1234。');
  });
});

describe('parseHtml: structure recovery', () => {
  it('splits <br> runs where a new paragraph obviously starts, and keeps the other breaks as line breaks', () => {
    const doc = parse(
      '<p><strong>退款说明：<br></strong>1.退款按原支付方式退回;<br>2.到账时间以银行为准。<br>地址：上海市浦东新区<br>收货人：售后组<br><br>另起一段 text<br>next line</p>',
    );
    expect(doc.blocks.map((b) => [b.kind, 'text' in b ? b.text : ''])).toEqual([
      ['heading', '退款说明：'],
      ['paragraph', '1.退款按原支付方式退回;'],
      ['paragraph', '2.到账时间以银行为准。'],
      ['paragraph', '地址：上海市浦东新区\n收货人：售后组'],
      ['paragraph', '另起一段 text\nnext line'],
    ]);
  });

  it('keeps the paragraphs, list items and line breaks of one table cell apart (手机 平板, not 手机平板)', () => {
    const doc = parse(
      '<table><tr><th>商品</th><th>保修</th></tr><tr><td><p>手机</p><p>平板</p></td><td>一年<br>会员两年</td></tr><tr><td><ul><li>Laptop</li><li>Desktop</li></ul></td><td>2 years</td></tr></table>',
    );
    expect(doc.blocks).toEqual([
      {
        kind: 'table',
        rows: [
          ['商品', '保修'],
          ['手机 平板', '一年 会员两年'],
          ['Laptop Desktop', '2 years'],
        ],
        location: { line: 1 },
      },
    ]);
  });

  it('keeps a <br> between Chinese lines a line break, not a wrap to glue', () => {
    const doc = parse('<div><b>退货须知</b><br>\n签收后七天内可申请退货<br>\n商品需保持完好<br></div>');
    expect(doc.blocks.map((b) => [b.kind, 'text' in b ? b.text : ''])).toEqual([
      ['heading', '退货须知'],
      ['paragraph', '签收后七天内可申请退货\n商品需保持完好'],
    ]);
  });

  it('starts a new paragraph at a line indented with no-break spaces', () => {
    const doc = parse('<p>用户信息的获取<br>&nbsp;&nbsp;&nbsp; 我们获取用户信息的主要目的在于提供服务。</p>');
    expect(paragraphs(doc)).toEqual(['用户信息的获取', '我们获取用户信息的主要目的在于提供服务。']);
  });

  it('nests bold headings that follow each other: the first is the parent of the later ones', () => {
    const doc = parse(
      [
        '<h2>细则</h2>',
        '<p><b>个护类商品</b></p><p><b>退换货时限</b></p><p>七日内。</p><p><b>注意事项</b></p><p>拆封不退。</p>',
        '<p><b>食品类商品</b></p><p><b>退换货时限</b></p><p>不退。</p>',
        '<h2>其他</h2><p><b>说明</b></p><p>正文。</p>',
      ].join(''),
    );
    expect(headings(doc)).toEqual([
      [2, '细则'],
      [3, '个护类商品'],
      [4, '退换货时限'],
      [4, '注意事项'],
      [3, '食品类商品'],
      [4, '退换货时限'],
      [2, '其他'],
      [3, '说明'],
    ]);
  });

  it('takes a bold paragraph for a heading only when short, not a sentence, and followed by body text', () => {
    const doc = parse(
      [
        '<p><b>这是一个非常长的加粗段落，它包含了很多文字，显然是正文的一部分而不是一个标题，因为它太长了</b></p><p>正文。</p>',
        '<p><b>退货须知。</b></p><p>正文。</p>',
        '<p><b>退货须知</b></p><p>正文。</p>',
        '<p><b>页尾加粗</b></p>',
      ].join(''),
    );
    expect(headings(doc)).toEqual([[1, '退货须知']]);
    expect(paragraphs(doc)).toContain('页尾加粗');
  });

  it('reads a bold warning line and a run of bold steps as text, not as headings nested one below another', () => {
    const doc = parse(
      [
        '<h1>售后服务</h1><p><b>换货条件</b></p><p>商品存在质量问题的，可以申请换货。</p>',
        '<p><b>注意：请勿自行拆机</b></p><p><b>提交换货申请</b></p><p><b>寄回商品</b></p><p><b>等待新商品发出</b></p><p>新商品发出后，可在订单页面查看物流。</p>',
        '<p><b>退款说明</b></p><p>按原支付方式退款。</p>',
      ].join(''),
    );
    // they were: 注意：请勿自行拆机 › 提交换货申请 › 寄回商品 › 等待新商品发出, and 退款说明 under 寄回商品
    expect(headings(doc)).toEqual([
      [1, '售后服务'],
      [2, '换货条件'],
      [2, '退款说明'],
    ]);
    expect(paragraphs(doc)).toEqual(expect.arrayContaining(['注意：请勿自行拆机', '提交换货申请', '寄回商品', '等待新商品发出']));
  });

  it('treats font-weight:bold spans as bold', () => {
    expect(headings(parse('<p><span style="font-weight: bold">退款时效</span></p><p>三日内。</p>'))).toEqual([[1, '退款时效']]);
  });

  it('takes a paragraph Word exported with mso-outline-level for a heading of that level', () => {
    const html =
      '<h2>退换货政策</h2><h3>细则：<br>家电类商品退换货细则</h3><p>家电类说明。</p>' +
      '<p class="MsoNormal" style="line-height:27pt;mso-outline-level:3"><strong>食品类商品退换货细则</strong></p><p>食品类说明。</p>';
    const doc = parse(html);
    expect(headings(doc).map(([depth, text]) => [depth, text.replace(/\s+/gu, '')])).toEqual([
      [2, '退换货政策'],
      [3, '细则：家电类商品退换货细则'],
      [3, '食品类商品退换货细则'],
    ]);
    // the category after the first is its sibling, not nested below it
    expect(sectionize(doc.blocks, { path: 'x.html', toMatchText: (t) => t }).map((s) => s.headingPath.at(-1)?.replace(/\s+/gu, ''))).toEqual(['细则：家电类商品退换货细则', '食品类商品退换货细则']);
    expect(sectionize(doc.blocks, { path: 'x.html', toMatchText: (t) => t })[1]?.headingPath).toHaveLength(2);
  });

  it('needs an answer after an unlabelled question', () => {
    const doc = parse('<p>怎么退货？</p><p>为什么还没发货？</p><p>请联系客服。</p>');
    expect(doc.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
  });

  it('keeps header/footer inside an article, drops scripts, styles, templates and comments', () => {
    const doc = parse(
      '<article><header><h1>退货指南</h1></header><p>正文内容。<!-- 注释 --></p><script>alert(1)</script><style>p{color:red}</style><template><p>模板</p></template><noscript>请开启脚本</noscript><footer><p>更新于三月。</p></footer></article>',
    );
    expect(doc.title).toBe('退货指南');
    expect(texts(doc.blocks)).toEqual(['退货指南', '正文内容。', '更新于三月。']);
  });

  it('takes the first h1, else the first h2, for the title of a page without <title>', () => {
    expect(parse('<h2>二级</h2><h1>一级</h1><p>x</p>').title).toBe('一级');
    expect(parse('<h3>三级</h3><h2>二级</h2><p>x</p>').title).toBe('二级');
    expect(parse('<p>x</p>').title).toBeUndefined();
  });

  it('drops a shop page\'s cookie banner, sidebar, related box and aside outside the article, keeps an aside inside it', () => {
    const doc = parse(
      '<html><body><div class="announcement-bar" role="region"><p>Free shipping over $50</p></div><div id="cookie-banner">We use cookies. <button>Accept all</button></div><h1>Gift cards</h1><p>Gift cards are valid for 24 months.</p>' +
        '<aside>Related: <a href="#">Vouchers</a></aside><div class="sidebar"><h3>Popular articles</h3><ul><li>Where is my order?</li></ul></div>' +
        '<div class="related-articles"><p>Returns</p></div><section class="newsletter-signup"><p>Sign up for 10% off</p></section></body></html>',
    );
    expect(texts(doc.blocks)).toEqual(['Gift cards', 'Gift cards are valid for 24 months.']);
    const inArticle = parse('<main><h1>Returns</h1><p>Send it back within 30 days.</p><aside><p>Note: sale items too.</p></aside></main>');
    expect(texts(inArticle.blocks)).toContain('Note: sale items too.');
  });

  it('reads a page ASP.NET wrapped in one <form>, without its controls, and still drops a form to fill in', () => {
    const doc = parse(
      '<html><body><form id="aspnetForm" method="post"><input type="hidden" name="__VIEWSTATE" value="dDwtMTA"><div class="page"><h1>常见问题</h1><h3>退货运费谁承担？</h3><p>质量问题由商家承担。</p></div>' +
        '<div class="search"><input type="text" name="q"><button>搜索</button></div></form></body></html>',
    );
    expect(texts(doc.blocks)).toEqual(['常见问题', '退货运费谁承担？', '质量问题由商家承担。']);
    expect(texts(parse('<h1>Contact</h1><p>Write to us.</p><form><p>Your name</p><input name="n"><textarea></textarea><button>Send</button></form>').blocks)).toEqual(['Contact', 'Write to us.']);
  });

  it('takes the page\'s own title from a <title> that adds the site name, when it equals the h1', () => {
    expect(parse('<html><head><title>Shipping &amp; Delivery | Brightbox Store</title></head><body><h1>Shipping &amp; Delivery</h1><p>x</p></body></html>').title).toBe('Shipping & Delivery');
    expect(parse('<html><head><title>Brightbox – Returns</title></head><body><h1>Returns</h1><p>x</p></body></html>').title).toBe('Returns');
    expect(parse('<html><head><title>Help | Brightbox</title></head><body><h1>Returns</h1><p>x</p></body></html>').title).toBe('Help | Brightbox');
  });

  it('keeps lists, a nested one under its item', () => {
    const doc = parse('<ol><li>填写申请<ul><li>选择原因</li></ul></li><li>寄回商品</li></ol>');
    expect(doc.blocks).toEqual([{ kind: 'list', ordered: true, items: ['填写申请\n  - 选择原因', '寄回商品'], location: { line: 1 } }]);
  });
});

describe('removeWordResidue', () => {
  it('removes leaked Word CSS and settings, and keeps real text', () => {
    expect(removeWordResidue('/* Style Definitions */ table.MsoNormalTable {mso-style-name:普通表格; mso-style-parent:"";}').trim()).toBe('');
    expect(removeWordResidue('Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE')).toBe('');
    expect(removeWordResidue('Normal 0 false false false EN-US ZH-CN X-NONE 退货须知')).toBe('退货须知');
    expect(removeWordResidue('温度保持在 {2-8} 摄氏度')).toBe('温度保持在 {2-8} 摄氏度');
    expect(removeWordResidue('false positives are rare')).toBe('false positives are rare');
  });
});

describe('parseHtml: tables Word makes', () => {
  it('repeats a cell merged across rows in each row it covers', () => {
    const doc = parse(
      '<table><tr><th>类别</th><th>期限</th><th>运费</th></tr>' +
        '<tr><td rowspan="2">家电</td><td>7天无理由</td><td>买家承担</td></tr>' +
        '<tr><td>15天换货</td><td>商家承担</td></tr>' +
        '<tr><td>服装</td><td rowspan="2">7天</td><td>运费险</td></tr><tr><td>鞋靴</td><td>买家承担</td></tr></table>',
    );
    expect(doc.blocks.find((b) => b.kind === 'table')).toMatchObject({
      rows: [
        ['类别', '期限', '运费'],
        ['家电', '7天无理由', '买家承担'],
        ['家电', '15天换货', '商家承担'],
        ['服装', '7天', '运费险'],
        ['鞋靴', '7天', '买家承担'],
      ],
    });
  });

  it('unwraps a one-row table of text blocks set side by side', () => {
    const doc = parse('<h1>联系我们</h1><table><tr><td><p><strong>退货地址</strong></p><p>上海市张江路100号。</p></td><td><p><strong>客服时间</strong></p><p>每天9:00-21:00。</p></td></tr></table>');
    expect(doc.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(headings(doc)).toEqual([
      [1, '联系我们'],
      [2, '退货地址'],
      [2, '客服时间'],
    ]);
  });

  it('keeps a one-row data table of single-paragraph cells a table', () => {
    const doc = parse('<table><tr><td>支付宝</td><td>1-3个工作日</td></tr></table>');
    expect(doc.blocks).toMatchObject([{ kind: 'table', rows: [['支付宝', '1-3个工作日']] }]);
  });

  it('reads a 问题 | 答案 table as question headings over their answers', () => {
    const doc = parse('<h1>常见问题</h1><table><tr><th>问题</th><th>答案</th></tr><tr><td>退货运费谁承担？</td><td>质量问题由商家承担。</td></tr><tr><td>可以开发票吗</td><td>可以。</td></tr></table>');
    expect(doc.blocks.map((b) => [b.kind, b.kind === 'heading' ? b.depth : 0, texts([b]).join()])).toEqual([
      ['heading', 1, '常见问题'],
      ['heading', 2, '退货运费谁承担？'],
      ['paragraph', 0, '质量问题由商家承担。'],
      ['heading', 2, '可以开发票吗'],
      ['paragraph', 0, '可以。'],
    ]);
    // a table with other headers stays a table
    expect(parse('<table><tr><th>支付方式</th><th>到账时间</th></tr><tr><td>支付宝</td><td>1-3天</td></tr></table>').blocks[0]?.kind).toBe('table');
  });
});

describe('parseHtml: a list nested in an ordered list', () => {
  it('keeps the note under its step, so the steps are numbered 1–3', () => {
    const doc = parse('<h1>退货流程</h1><ol><li>申请售后<ul><li>注意：保留包装</li></ul></li><li>寄回商品</li><li>等待退款</li></ol>');
    expect(doc.blocks[1]).toMatchObject({ kind: 'list', ordered: true, items: ['申请售后\n  - 注意：保留包装', '寄回商品', '等待退款'] });
    const [section] = sectionize(doc.blocks, { path: 'x.html', toMatchText: (t) => t });
    expect(section?.text).toBe('1. 申请售后\n  - 注意：保留包装\n2. 寄回商品\n3. 等待退款');
  });
});

describe('images', () => {
  it('are kept in the text as their alt text and address, relative ones as written ("see the picture below" keeps its picture)', () => {
    const doc = parse('<h2>怎么安装挂架</h2><p>请按下图所示固定挂架：</p><p><img src="images/step2.png" alt="挂架安装示意图"></p><p>见下图：<img src="https://cdn.example.com/remote.jpg"></p>');
    expect(texts(doc.blocks)).toEqual(['怎么安装挂架', '请按下图所示固定挂架：', '挂架安装示意图 (images/step2.png)', '见下图：https://cdn.example.com/remote.jpg']);
  });
  it('an image with no address a customer could open (a data: URI) is left out', () => {
    expect(texts(parse('<p>说明<img src="data:image/png;base64,iVBORw0KGgo=" alt="x"></p>').blocks)).toEqual(['说明']);
  });
  it('tracking pixels, icons, hidden images and images marked decorative in a line of text are left out', () => {
    const doc = parse(
      '<p><img src="/icons/tip.png" alt="">先对准孔位，再拧紧螺丝。</p><p>如有疑问请联系客服。<img src="https://t.example.com/p.gif?id=9" width="1" height="1"></p>' +
        '<p><img src="/i/ok.png" width="16" alt="提示">已签收</p><p><img src="a.png" style="display:none" alt="隐藏"></p><p><img src="images/step3.png" alt=""></p>',
    );
    expect(texts(doc.blocks)).toEqual(['先对准孔位，再拧紧螺丝。', '如有疑问请联系客服。', '已签收', 'images/step3.png']);
  });
});
