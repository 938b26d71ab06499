import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseText } from './text.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/ingest/text/${name}`, import.meta.url), 'utf8');
const options = { file: 'x.txt', maxUnzippedBytes: 1e9 };

function parse(text: string) {
  const r = parseText(text, options);
  if (!r.ok) throw new Error('parse failed');
  return r.value;
}

describe('parseText', () => {
  it('re-joins hard-wrapped Chinese lines without spaces', () => {
    const doc = parse(fixture('policy-zh.txt'));
    const texts = doc.blocks.map((b) => ('text' in b ? b.text : ''));
    expect(texts).toContain('第四条　因商品质量问题退货的，退货运费由商家承担；无理由退货的，退货运费由消费者承担，商家与消费者另有约定的，按照约定。');
    expect(texts.some((t) => t.includes('\n'))).toBe(false);
  });

  it('takes 【label】 front matter as metadata and title', () => {
    const doc = parse(fixture('policy-zh.txt'));
    expect(doc.title).toBe('优选商城售后服务规则');
    expect(doc.meta).toEqual({ 规则名称: '优选商城售后服务规则', 发布日期: '2026-03-01', 条款数: '6' });
    expect(doc.blocks.some((b) => 'text' in b && b.text.includes('【'))).toBe(false);
    expect(doc.blocks.some((b) => 'text' in b && b.text.includes('===='))).toBe(false);
  });

  it('takes a 【label】 line for metadata only when it holds a name, date, number or URL, never a notice’s text', () => {
    // a one-line notice, and a file with no line breaks at all, were read as metadata: nothing was left
    const oneLine = parse('【退货须知】签收后7天内可以无理由退货，退回运费由买家承担。质量问题由本店承担运费。');
    expect(oneLine.meta).toBeUndefined();
    expect(oneLine.blocks.map((b) => [b.kind, 'text' in b ? b.text : ''])).toEqual([
      ['heading', '退货须知'],
      ['paragraph', '签收后7天内可以无理由退货，退回运费由买家承担。质量问题由本店承担运费。'],
    ]);
    const lone = parse('【退货须知】\n签收后7天内可以无理由退货。\n');
    expect(lone.meta).toBeUndefined();
    expect(lone.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph']);
    const crawled = parse('【法律名称】某某法\n【数据源URL】https://example.org/a?x=1&y=2（来源：政府网）\n【颁布机构】国家工商行政管理总局令第90号（2020年10月23日国家市场监督管理总局令第31号修订）\n\n第一条　为了保护消费者的合法权益，制定本办法。\n');
    expect(Object.keys(crawled.meta ?? {})).toEqual(['法律名称', '数据源URL', '颁布机构']);
  });

  it('heads sections with 【label】s in a notice laid out by them alone, not in numbered articles', () => {
    const notice = parse('店铺售后须知\n\n【退货须知】\n签收后7天内可以无理由退货。\n\n【换货须知】换货请联系客服，48小时内发出。\n【发票说明】：默认开具电子发票。\n');
    expect(notice.blocks.map((b) => [b.kind, 'text' in b ? b.text : ''])).toEqual([
      ['heading', '店铺售后须知'],
      ['heading', '退货须知'],
      ['paragraph', '签收后7天内可以无理由退货。'],
      ['heading', '换货须知'],
      ['paragraph', '换货请联系客服，48小时内发出。'],
      ['heading', '发票说明'],
      ['paragraph', '默认开具电子发票。'],
    ]);
    // a platform's rules: 【场景描述】 is a part of its article
    const rules = parse('第十三条　商品表面瑕疵的处理\n【场景描述】\n消费者签收后发现商品有划痕。\n【处理结果】\n支持退货。\n');
    expect(rules.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('keeps a short last line as text, not as a heading over nothing', () => {
    const doc = parse('退货须知\n\n签收后七天内可以申请退货。\n\n温馨提示\n\n如有疑问请联系在线客服\n');
    expect(doc.blocks.map((b) => [b.kind, 'text' in b ? b.text : ''])).toEqual([
      ['heading', '退货须知'],
      ['paragraph', '签收后七天内可以申请退货。'],
      ['heading', '温馨提示'],
      ['paragraph', '如有疑问请联系在线客服'],
    ]);
  });

  it('guesses English headings from short standalone lines and closes hyphenation', () => {
    const doc = parse(fixture('guide-en.txt'));
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => [b.depth, 'text' in b ? b.text : '']);
    expect(headings).toEqual([
      [1, 'Shipping and Delivery Guide'],
      [2, 'Delivery times'],
      [2, 'Shipping fees'],
      [2, 'Damaged parcels'],
    ]);
    const para = doc.blocks.find((b) => b.kind === 'paragraph');
    expect(para?.kind === 'paragraph' && para.text).toBe(
      'Orders placed before 4 pm on a working day leave our warehouse the same day. Standard delivery takes two to four working days; express delivery arrives the next working day in most cities.',
    );
  });

  it('starts a paragraph after an English sentence, not after an abbreviation, and keeps wrapped phone numbers whole', () => {
    const doc = parse(
      'Returns\n\nKeep the original packaging, e.g.\nthe box and the manuals. Call 400-\n800-1234 for a pickup.\nRefunds are paid within 7 days.\n',
    );
    expect(doc.blocks.map((b) => ('text' in b ? b.text : ''))).toEqual([
      'Returns',
      'Keep the original packaging, e.g. the box and the manuals. Call 400-800-1234 for a pickup.',
      'Refunds are paid within 7 days.',
    ]);
  });

  it('starts a paragraph at numbered lines even without blank lines', () => {
    const doc = parse('第一条\n为有效解决买卖双方交易争议，\n特制定本规则。\n第二条 本规则适用于商家。\n');
    expect(doc.blocks.map((b) => ('text' in b ? b.text : ''))).toEqual(['第一条', '为有效解决买卖双方交易争议，特制定本规则。', '第二条 本规则适用于商家。']);
  });

  it('keeps a 第X条 line with a title apart from the text under it, but joins a sentence wrapped after a word or before a list', () => {
    const doc = parse('第五条 运费纠纷\n如买卖双方因运费问题无法协商一致，京东有权处理。\n第九条 若\n消费者申请纠纷处理的，商家应在24小时内回复。\n第十条 合同中的下列条款无效：\n（一）造成对方人身损害的；\n');
    expect(doc.blocks.map((b) => ('text' in b ? b.text : ''))).toEqual([
      '第五条 运费纠纷',
      '如买卖双方因运费问题无法协商一致，京东有权处理。',
      '第九条 若消费者申请纠纷处理的，商家应在24小时内回复。',
      '第十条 合同中的下列条款无效：',
      '（一）造成对方人身损害的；',
    ]);
  });

  it('keeps a numbered heading (一、 / （一） / 1.) apart from the text right under it, but joins a list item wrapped at the page width', () => {
    const doc = parse('一、退货条件\n自签收之日起七天内可以申请退货。\n（一）运费\n质量问题由商家承担退货运费。\n2. 退款时间\n验收后三个工作日内原路退款。\n3. 商品退回时请保持包装完整，\n配件齐全。\n');
    expect(doc.blocks.map((b) => ('text' in b ? b.text : ''))).toEqual([
      '一、退货条件',
      '自签收之日起七天内可以申请退货。',
      '（一）运费',
      '质量问题由商家承担退货运费。',
      '2. 退款时间',
      '验收后三个工作日内原路退款。',
      '3. 商品退回时请保持包装完整，配件齐全。',
    ]);
    // a statement with a quantity is an item, not a title over the line under it
    expect(parse('1. 下单后2小时内发货\n偏远地区顺延1-2天，节假日顺延。\n').blocks.map((b) => ('text' in b ? b.text : ''))).toEqual(['1. 下单后2小时内发货偏远地区顺延1-2天，节假日顺延。']);
  });
});

describe('a product sheet’s attribute lines', () => {
  it('stay a line each in the section text', () => {
    const sheet = '面料：100%聚酯纤维\n颜色：米白、雾霾蓝\n版型：收腰A字\n弹力：无弹力\n';
    const texts = parse(`商品信息\n\n${sheet}`).blocks.map((b) => ('text' in b ? b.text : ''));
    expect(texts).toContain('面料：100%聚酯纤维\n颜色：米白、雾霾蓝\n版型：收腰A字\n弹力：无弹力');
  });
});

describe('parseText: headings the writer marked', () => {
  const outline = (text: string) => parse(text).blocks.map((b) => (b.kind === 'heading' ? `h${b.depth} ${b.text}` : 'text' in b ? b.text : b.kind));

  it('reads `# 发货时间` / `## 运费 ##` as Markdown headings, not as text with #s nested under each other', () => {
    // a .txt file written the Markdown way kept its #s and nested its second # heading under the first
    const doc = parse('# 发货时间\n\n下单后48小时内发货。\n\n# 运费\n满99包邮。\n## 偏远地区 ##\n新疆西藏加收10元。\n');
    expect(doc.title).toBe('发货时间');
    expect(outline('# 发货时间\n\n下单后48小时内发货。\n\n# 运费\n满99包邮。\n## 偏远地区 ##\n新疆西藏加收10元。\n')).toEqual([
      'h1 发货时间',
      '下单后48小时内发货。',
      'h1 运费',
      '满99包邮。',
      'h2 偏远地区',
      '新疆西藏加收10元。',
    ]);
  });

  it('reads a title between decorations as a heading, and keeps a hashtag or a start marker out of the headings', () => {
    // `===== 退货政策 =====` was taken for a decoration rule and its title lost
    expect(outline('==== 正文开始 ====\n\n===== 退货政策 =====\n签收后7天内可退。\n\n*** 注意事项 ***\n定制商品不退。\n#双十一# 活动期间发货顺延\n--- END ---\n')).toEqual([
      'h2 退货政策',
      '签收后7天内可退。',
      'h2 注意事项',
      '定制商品不退。',
      '#双十一# 活动期间发货顺延',
    ]);
  });
});
