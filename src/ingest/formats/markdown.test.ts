import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParsedBlock, ParsedDoc } from '../parsed.js';
import { sectionize } from '../sectionize.js';
import { parseMarkdown } from './markdown.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/ingest/markdown/${name}`, import.meta.url), 'utf8');
const options = { file: 'x.md', maxUnzippedBytes: 1e9 };

function parse(text: string): ParsedDoc {
  const r = parseMarkdown(text, options);
  if (!r.ok) throw new Error('parse failed');
  return r.value;
}

/** Every piece of text a block carries. */
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

describe('parseMarkdown: Chinese return policy', () => {
  const doc = parse(fixture('return-policy-zh.md'));

  it('takes the first depth-1 heading as title and keeps heading depths', () => {
    expect(doc.title).toBe('青禾家居退换货政策');
    expect(headings(doc)).toEqual([
      [1, '青禾家居退换货政策'],
      [2, '一、退货条件'],
      [2, '二、退款时效'],
      [2, '三、联系我们'],
    ]);
  });

  it('re-joins hard-wrapped Chinese lines without spaces and leaves no newline in any text but before a nested list item', () => {
    expect(texts(doc.blocks)).toContain(
      '本政策适用于在青禾家居官方商城及小程序购买的全部商品。商品签收后如有任何问题，请先联系在线客服，客服会在一个工作日内答复您的申请。',
    );
    expect(texts(doc.blocks).filter((t) => /\n(?!  - )/u.test(t))).toEqual([]);
  });

  it('keeps （一） numbering paragraphs as their own paragraphs for sectionize', () => {
    const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(paragraphs).toContain('（一）无理由退货');
    expect(paragraphs).toContain('（二）质量问题退货');
  });

  it('keeps a GFM table as rows, header first', () => {
    const table = doc.blocks.find((b) => b.kind === 'table');
    expect(table?.kind === 'table' && table.rows).toEqual([
      ['支付方式', '到账时间', '备注'],
      ['微信支付', '1-3个工作日', '原路退回'],
      ['支付宝', '1-3个工作日', '原路退回'],
      ['银行卡', '3-7个工作日', '以银行处理时间为准'],
    ]);
    expect(table?.location).toEqual({ line: 24 });
  });

  it('keeps a nested list under its item and flattens inline markup into text', () => {
    const list = doc.blocks.find((b) => b.kind === 'list');
    expect(list?.kind === 'list' && list.items).toEqual([
      '客服热线：400-600-1234（每天 9:00-21:00）',
      '在线客服：商城首页右下角「联系客服」\n  - 人工客服工作时间与热线相同',
      '退货地址见退货说明页面',
    ]);
  });

  it('keeps images as their alt text and address, drops thematic breaks, and reads the text of raw HTML blocks', () => {
    const all = texts(doc.blocks).join('\n');
    expect(all).toContain('退货流程图 (flow.png)');
    expect(all).not.toContain('---');
    expect(doc.blocks.at(-1)).toEqual({ kind: 'paragraph', text: '本政策由青禾家居客服部负责解释。', location: { line: 41 } });
  });

  it('records source lines', () => {
    expect(doc.blocks[0]?.location).toEqual({ line: 1 });
    expect(doc.blocks.find((b) => b.kind === 'heading' && b.text === '二、退款时效')?.location).toEqual({ line: 20 });
  });
});

describe('parseMarkdown: English FAQ with front matter', () => {
  const doc = parse(fixture('shipping-faq-en.md'));

  it('strips front matter into meta and uses its title', () => {
    expect(doc.title).toBe('Shipping FAQ');
    expect(doc.meta).toEqual({ title: 'Shipping FAQ', owner: 'Support team', updated: '2026-02-14', tags: 'shipping, delivery' });
    expect(texts(doc.blocks).join(' ')).not.toContain('owner');
  });

  it('keeps line numbers of the file after the front matter', () => {
    expect(doc.blocks[0]).toEqual({ kind: 'heading', depth: 1, text: 'Frequently asked questions about shipping', location: { line: 8 } });
  });

  it('joins English wraps with a space and flattens inline code and emphasis', () => {
    expect(texts(doc.blocks)).toContain(
      'Everything you need to know about how and when your order arrives. If your question is not answered here, write to support@example.com.',
    );
    expect(texts(doc.blocks)).toContain('Standard delivery takes two to four working days. Express delivery arrives the next working day in most cities.');
  });

  it('keeps <br> and hard breaks as line breaks', () => {
    expect(texts(doc.blocks)).toContain('Orders over 99 yuan ship free. Smaller orders pay a flat fee of 8 yuan;\nexpress costs 15 yuan.\nRemote areas may take longer.');
  });

  it('reads blockquote paragraphs and keeps code blocks', () => {
    const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'What if my parcel arrives damaged?');
    expect(doc.blocks.slice(i + 1).map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'code']);
    expect(doc.blocks[i + 2]).toMatchObject({ kind: 'paragraph', text: 'Then contact us within 48 hours.' });
    expect(doc.blocks[i + 3]).toMatchObject({ kind: 'code', text: 'Order number: the 12 digits on your confirmation email' });
  });
});

describe('parseMarkdown: edge cases', () => {
  it('falls back to the first heading of any depth for the title', () => {
    expect(parse('intro\n\n## 配送说明\n\n正文。\n').title).toBe('配送说明');
    expect(parse('## second\n\n# first\n').title).toBe('first');
    expect(parse('just text\n').title).toBeUndefined();
  });

  it('splits a paragraph where a wrapped line starts with Chinese numbering', () => {
    const doc = parse('一、退货条件\n（一）七日内可以退货，\n但定制商品除外。\n');
    expect(texts(doc.blocks)).toEqual(['一、退货条件', '（一）七日内可以退货，但定制商品除外。']);
  });

  it('joins CJK and Latin across a wrap without a space between CJK, and keeps a <br> a line break', () => {
    expect(texts(parse('支持\nDIG卡支付\n').blocks)).toEqual(['支持DIG卡支付']);
    expect(texts(parse('中文<br>换行\n').blocks)).toEqual(['中文\n换行']);
  });

  it('takes a short all-bold paragraph over its text for a heading, as in HTML; a question paragraph stays text', () => {
    // Markdown exported from Word, Feishu or Notion marks its headings bold: a policy of three bold
    // topics under one # title was one section
    const doc = parse('# 售后政策\n\n**退货时限**\n\n七日内。\n\n**发票**\n\n默认开具电子发票。\n\n怎么退货？\n\n联系客服。\n\n**注意：商品拆封后不支持无理由退货。**\n\n其他问题请联系客服。\n');
    expect(doc.blocks.map((b) => [b.kind, 'depth' in b ? b.depth : 0, texts([b])[0]])).toEqual([
      ['heading', 1, '售后政策'],
      ['heading', 2, '退货时限'],
      ['paragraph', 0, '七日内。'],
      ['heading', 2, '发票'],
      ['paragraph', 0, '默认开具电子发票。'],
      ['paragraph', 0, '怎么退货？'],
      ['paragraph', 0, '联系客服。'],
      ['paragraph', 0, '注意：商品拆封后不支持无理由退货。'],
      ['paragraph', 0, '其他问题请联系客服。'],
    ]);
  });

  it('warns about front matter that is not YAML and still reads the body', () => {
    const r = parseMarkdown('---\ntitle: [unclosed\n---\n# Body\n', options);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.warnings).toHaveLength(1);
    expect(r.value.warnings[0]).toMatchObject({ code: 'unreadable', severity: 'warning', file: 'x.md' });
    expect(r.value.title).toBe('Body');
    expect(r.value.blocks[0]?.location).toEqual({ line: 4 });
  });

  it('keeps task list items and table cells with inline markup as plain text', () => {
    const doc = parse('- [x] 已发货\n- [ ] 待签收\n\n| 名称 | 说明 |\n| - | - |\n| `code` | **粗体**与[链接](http://x) |\n');
    expect(doc.blocks[0]).toMatchObject({ kind: 'list', ordered: false, items: ['已发货', '待签收'] });
    expect(doc.blocks[1]).toMatchObject({ kind: 'table', rows: [['名称', '说明'], ['code', '粗体与链接']] });
  });
});

describe('ordered lists in section text', () => {
  it('numbers the steps of an ordered list from its start, leaves items that carry their own number and bullets as they are', async () => {
    const { sectionize } = await import('../sectionize.js');
    const text = (md: string) => sectionize(parse(md).blocks, { path: 'x.md', toMatchText: (t) => t })[0]?.text;
    expect(text('# 退货流程\n\n1. 申请售后\n2. 寄回商品\n3. 等待退款\n')).toBe('1. 申请售后\n2. 寄回商品\n3. 等待退款');
    expect(text('# 退货流程\n\n3. 寄回商品\n4. 等待退款\n')).toBe('3. 寄回商品\n4. 等待退款');
    expect(text('# 退货流程\n\n1. 第一步：申请售后\n2. 第二步：寄回商品\n')).toBe('1. 第一步：申请售后\n2. 第二步：寄回商品');
    expect(text('# 退货流程\n\n1. 一、申请售后\n2. 二、寄回商品\n')).toBe('一、申请售后\n二、寄回商品');
    expect(text('# 须知\n\n- 保留包装\n- 附上发票\n')).toBe('保留包装\n附上发票');
  });
});

describe('lists nested in a list item', () => {
  const sectionText = async (md: string) => {
    const { sectionize } = await import('../sectionize.js');
    return sectionize(parse(md).blocks, { path: 'x.md', toMatchText: (t) => t }).map((s) => s.text);
  };

  it('keeps a note under its step and numbers only the steps (寄回商品 stays step 2)', async () => {
    const doc = parse(fixture('messy-zh.md'));
    expect(doc.blocks.find((b) => b.kind === 'list')).toEqual({
      kind: 'list',
      ordered: true,
      items: ['申请售后\n  - 注意：保留包装\n  - 附上照片', '寄回商品', '等待退款'],
      location: { line: 14 },
    });
    expect(await sectionText('# 退货流程\n\n1. 申请售后\n   - 注意：保留包装\n2. 寄回商品\n3. 等待退款\n')).toEqual([
      '1. 申请售后\n  - 注意：保留包装\n2. 寄回商品\n3. 等待退款',
    ]);
  });

  it('numbers a nested ordered list on its own, indents each level once more, and keeps a flat list as it was', async () => {
    expect(await sectionText('# 须知\n\n- 退货\n  1. 申请售后\n  2. 寄回商品\n     - 保留包装\n- 换货\n')).toEqual([
      '退货\n  1. 申请售后\n  2. 寄回商品\n    - 保留包装\n换货',
    ]);
    expect(parse('1. 申请售后\n2. 寄回商品\n').blocks).toEqual([{ kind: 'list', ordered: true, items: ['申请售后', '寄回商品'], location: { line: 1 } }]);
    // an item with no text of its own gives its nested items to the list, as before
    expect(parse('- \n  - 保留包装\n  - 附上发票\n').blocks).toMatchObject([{ kind: 'list', items: ['保留包装', '附上发票'] }]);
  });
});

describe('headings written without a space after the #s', () => {
  const doc = parse(fixture('messy-zh.md'));

  it('reads ##售后问题, ###安装服务 (with its text on the next line), ###【退货流程】 and ##1. 运费说明 as headings', () => {
    expect(headings(doc)).toEqual([
      [1, '小鹿家居客服话术'],
      [2, '售后问题'],
      [3, '安装服务'],
      [3, '【退货流程】'],
      [2, '1. 运费说明'],
      [2, '其他'],
      [2, 'Shipping'],
    ]);
    expect(doc.blocks).toContainEqual({ kind: 'paragraph', text: '家具类商品提供免费安装，需提前预约，偏远地区收取远程费50元起。', location: { line: 10 } });
  });

  it('leaves #1, a #hashtag, a Weibo #topic# and code as text', () => {
    expect(texts(doc.blocks)).toEqual(expect.arrayContaining(['#1 畅销款：实木餐桌。#爆款推荐#本周热卖，全场包邮。#Bestseller of the week.', '##代码里的不是标题', '##缩进代码块也不是']));
  });

  it('only inserts the space CommonMark wants, also before closing #s', async () => {
    const { spaceHeadings } = await import('./markdown.js');
    expect(spaceHeadings('##售后问题##\n#话题#正文\n   ###安装服务\n#1\n')).toBe('## 售后问题 ##\n#话题#正文\n   ### 安装服务\n#1\n');
    // a line of tags stays text
    expect(spaceHeadings('#退货 #换货 #售后\n')).toBe('#退货 #换货 #售后\n');
  });
});

describe('parseMarkdown: HTML blocks, footnotes and rules (html-blocks-zh.md)', () => {
  const doc = parse(fixture('html-blocks-zh.md'));
  const sections = sectionize(doc.blocks, { path: 'x.md', toMatchText: (t) => t, title: doc.title });

  it('keeps a sentence directly over --- a paragraph (CommonMark makes it a setext heading), and a short title over === or --- a heading', () => {
    expect(doc.blocks[1]).toEqual({ kind: 'paragraph', text: '签收后七天内可以申请退货，商品需保持完好，配件齐全。', location: { line: 3 } });
    expect(headings(parse('退货说明\n========\n\n七天内。\n\n怎么退货？\n---\n\n在订单页申请。\n'))).toEqual([
      [1, '退货说明'],
      [2, '怎么退货？'],
    ]);
    const long = 'A very long line of body text, without a full stop at its end, that runs well past the width a heading takes';
    expect(parse(`${long}\n---\n`).blocks).toEqual([{ kind: 'paragraph', text: long, location: { line: 1 } }]);
  });

  it('reads raw HTML blocks with the HTML reader: a <div>, a <table>, and <details> (also around Markdown) as a question over its answer', () => {
    expect(sections.map((s) => [s.headingPath, s.text, s.question ?? false])).toEqual([
      [['售后服务说明'], '签收后七天内可以申请退货，商品需保持完好，配件齐全。\n退货运费：质量问题由商家承担。\n手机 | 保修一年\n耳机 | 保修半年', false],
      [['售后服务说明', '常见问题', '怎么申请换货？'], '在订单详情页点击申请售后，选择换货。', true],
      [['售后服务说明', '常见问题', '退款多久到账？'], '审核通过后三个工作日内到账。\n延保服务需另行购买，详见延保条款。\n延保服务由第三方保险公司提供。', true],
      [['售后服务说明', '联系我们'], '客服热线 400-600-1234。', false],
    ]);
  });

  it('gives HTML blocks their lines in the file', () => {
    expect(doc.blocks.find((b) => 'text' in b && b.text.startsWith('退货运费'))?.location).toEqual({ line: 6 });
    expect(doc.blocks.find((b) => b.kind === 'heading' && b.text === '怎么申请换货？')?.location).toEqual({ line: 15 });
  });

  it('puts a footnote after the paragraph that refers to it, not at the end of the file', () => {
    const i = texts(doc.blocks).indexOf('延保服务需另行购买，详见延保条款。');
    expect(texts(doc.blocks)[i + 1]).toBe('延保服务由第三方保险公司提供。');
    expect(texts(doc.blocks).at(-1)).toBe('客服热线 400-600-1234。');
  });
});

describe('a product sheet’s attribute lines in a Markdown paragraph', () => {
  it('stay a line each, not one long line', () => {
    const doc = parse('## 商品信息\n\n面料：100%聚酯纤维\n颜色：米白、雾霾蓝\n版型：收腰A字\n');
    expect(texts(doc.blocks)).toContain('面料：100%聚酯纤维\n颜色：米白、雾霾蓝\n版型：收腰A字');
  });
});

describe('parseMarkdown: images', () => {
  it('keeps a picture the answer points to as its alt text and address, as HTML does', () => {
    // `按下图操作：` was left pointing at nothing: Markdown images were dropped
    const doc = parse('# 退货流程\n\n按下图操作：\n\n![退货流程图](images/return.png)\n\n签收后7天内可申请。\n\n![](data:image/png;base64,AAAA)\n');
    expect(texts(doc.blocks)).toEqual(['退货流程', '按下图操作：', '退货流程图 (images/return.png)', '签收后7天内可申请。']);
  });
});
