import { describe, expect, it } from 'vitest';
import type { ParsedBlock } from './parsed.js';
import { sectionize } from './sectionize.js';

const p = (text: string, line = 1): ParsedBlock => ({ kind: 'paragraph', text, location: { line } });
const h = (depth: number, text: string, guessed = false): ParsedBlock =>
  guessed ? { kind: 'heading', depth, text, location: {}, guessed } : { kind: 'heading', depth, text, location: {} };
const run = (blocks: ParsedBlock[]) => sectionize(blocks, { path: 'a.txt', toMatchText: (t) => t });

describe('sectionize', () => {
  it('keeps a bulleted note between numbered steps under its step (a Word list, as the DOCX adapter gives it), and bulleted lists under every numbered line as their headings', () => {
    const bullets = (...items: string[]): ParsedBlock => ({ kind: 'list', ordered: false, items, location: {} });
    const steps = run([h(1, '退货流程'), p('1. 申请售后'), bullets('注意：保留包装'), p('2. 寄回商品'), p('3. 等待退款')]);
    expect(steps.map((s) => [s.headingPath, s.text])).toEqual([[['退货流程'], '1. 申请售后\n注意：保留包装\n2. 寄回商品\n3. 等待退款']]);
    const topics = run([h(1, '售后'), p('1. 退货条件'), bullets('未拆封', '不影响二次销售'), p('2. 退款时间'), bullets('3个工作日内'), p('3. 换货'), bullets('同款同价')]);
    expect(topics.map((s) => s.headingPath.at(-1))).toEqual(['1. 退货条件', '2. 退款时间', '3. 换货']);
  });

  it('keeps a numbered line that ends the document as text (as a heading over nothing it was lost)', () => {
    const sections = run([h(1, '退货'), p('说明如下。'), p('1. 退货条件'), p('未拆封的商品可以退货。'), p('2. 换货')]);
    expect(sections.map((s) => [s.headingPath, s.text])).toEqual([
      [['退货'], '说明如下。'],
      [['退货', '1. 退货条件'], '未拆封的商品可以退货。\n2. 换货'],
    ]);
  });

  it('keeps a numbered line right before a heading as an item of the list above it (as a heading over nothing it was lost)', () => {
    const sections = run([h(1, '退货政策'), p('签收后七天内可以申请退货。'), p('1. 商品完好'), p('2. 配件齐全'), h(1, '运费说明'), p('商家承担。')]);
    expect(sections.map((s) => [s.headingPath, s.text])).toEqual([
      [['退货政策'], '签收后七天内可以申请退货。\n1. 商品完好\n2. 配件齐全'],
      [['运费说明'], '商家承担。'],
    ]);
    // also before the next line of an outer numbering, and when the list is the heading's only text
    const outer = run([p('一、退货'), p('说明。'), p('二、退货流程'), p('1. 提交申请'), p('2. 寄回商品'), p('三、换货'), p('联系客服。')]);
    expect(outer.map((s) => [s.headingPath, s.text])).toEqual([
      [['一、退货'], '说明。'],
      [['二、退货流程'], '1. 提交申请\n2. 寄回商品'],
      [['三、换货'], '联系客服。'],
    ]);
    // a numbered label over a list of another numbering is still its heading
    const nested = run([h(1, '退货'), p('1. 退货条件'), p('（1）商品完好'), p('（2）配件齐全'), p('2. 退款'), p('三个工作日。')]);
    expect(nested.map((s) => [s.headingPath, s.text])).toEqual([
      [['退货', '1. 退货条件'], '（1）商品完好\n（2）配件齐全'],
      [['退货', '2. 退款'], '三个工作日。'],
    ]);
  });

  it('gives the words of a heading with nothing under it to the section above it, and leaves out only a table of contents', () => {
    const sections = run([h(1, '售后'), p('总则。'), h(2, '退货'), h(2, '换货'), p('换货说明。'), h(2, '保修'), h(1, '联系我们')]);
    expect(sections.map((s) => [s.headingPath, s.text])).toEqual([
      [['售后'], '总则。\n退货'],
      [['售后', '换货'], '换货说明。'],
    ]);
    // a bare label over nothing that would be a section of its own (保修, 联系我们: an entry answering 保修
    // with 保修) is left out; words that say something are kept
    const kept = run([h(1, '售后'), h(2, '换货'), p('换货说明。'), h(2, '客服电话 400-123-4567'), h(2, '超过保修期的商品可以付费维修。')]);
    expect(kept.map((s) => [s.headingPath, s.text])).toEqual([
      [['售后', '换货'], '换货说明。'],
      [['售后'], '客服电话 400-123-4567\n超过保修期的商品可以付费维修。'],
    ]);
    // a subtitle the path above already holds adds nothing
    expect(run([h(1, 'Benefits Planner: Retirement | Divorced'), h(2, 'Benefits Planner: Retirement'), h(2, 'Divorced'), p('You can.')]).map((s) => s.text)).toEqual(['You can.']);
  });

  it('marks a section whose heading the question/answer markup made, not the sections of other headings', () => {
    const q = (depth: number, text: string): ParsedBlock => ({ kind: 'heading', depth, text, location: {}, question: true });
    const sections = run([h(1, '常见问题'), p('以下是常见问题。'), q(2, '多久可以退款'), p('3个工作日内。'), h(3, '特殊情况'), p('预售商品另计。'), q(2, '发票怎么开'), p('下单时填写。')]);
    expect(sections.map((s) => [s.headingPath.at(-1), s.question ?? false])).toEqual([
      ['常见问题', false],
      ['多久可以退款', true],
      ['特殊情况', false],
      ['发票怎么开', true],
    ]);
  });

  it('makes one section per 第X条 article under its chapter', () => {
    const sections = run([
      h(1, '产品质量法'),
      p('第一章　总则'),
      p('第一条　为了加强对产品质量的监督管理，制定本法。'),
      p('第二条　在中华人民共和国境内从事产品生产、销售活动，必须遵守本法。'),
      p('本法所称产品是指经过加工、制作，用于销售的产品。'),
      p('第二章 产品质量的监督'),
      p('第三条'),
      p('生产者能够证明有下列情形之一的，不承担赔偿责任：'),
      p('（一）未将产品投入流通的；'),
      p('（二）产品投入流通时，引起损害的缺陷尚不存在的。'),
    ]);
    expect(sections.map((s) => s.headingPath)).toEqual([
      ['产品质量法', '第一章 总则', '第一条'],
      ['产品质量法', '第一章 总则', '第二条'],
      ['产品质量法', '第二章 产品质量的监督', '第三条'],
    ]);
    expect(sections[1]?.text).toBe('在中华人民共和国境内从事产品生产、销售活动，必须遵守本法。\n本法所称产品是指经过加工、制作，用于销售的产品。');
    // items inside an article stay in the article
    expect(sections[2]?.text).toContain('（二）产品投入流通时');
  });

  it('keeps a chapter that is an explicit heading above the unnumbered headings below it', () => {
    // a DOCX/Markdown/HTML law: chapters in Heading 1, topics in Heading 2, articles as paragraphs
    const sections = run([
      h(1, '第一章 总则'),
      p('第一条 为保障消费者的合法权益，制定本政策。'),
      h(1, '第二章　退货规则'),
      h(2, '退货条件'),
      p('第二条 签收七日内可以退货。'),
      p('第三条 质量问题退货的，运费由商家承担。'),
      h(2, '退款时效'),
      p('原路退回。'),
      h(1, '附则'),
      p('第四条 本政策自发布之日起施行。'),
    ]);
    expect(sections.map((s) => s.headingPath)).toEqual([
      ['第一章 总则', '第一条'],
      ['第二章 退货规则', '退货条件', '第二条'],
      ['第二章 退货规则', '退货条件', '第三条'],
      ['第二章 退货规则', '退款时效'],
      ['附则', '第四条'],
    ]);
  });

  it('gives later paragraphs in a style the level its explicit heading had', () => {
    const sections = run([
      h(1, '售后规则'),
      h(2, '第一章 总则'),
      p('第一条 正文一。'),
      p('第二章 退货'), // a chapter the author did not style: a sibling of the styled one
      p('第二条 正文二。'),
      h(2, '一、退款'),
      p('原路退回。'),
      p('二、换货'), // likewise for other numbering
      p('仅限同款。'),
    ]);
    expect(sections.map((s) => s.headingPath)).toEqual([
      ['售后规则', '第一章 总则', '第一条'],
      ['售后规则', '第二章 退货', '第二条'],
      ['售后规则', '一、退款'],
      ['售后规则', '二、换货'],
    ]);
  });

  it('keeps the title of a 第X条 heading the writer styled, but not a sentence after it nor the words of a guessed one', () => {
    const sections = run([
      h(1, '保修政策'),
      h(2, '第一条 保修期限'),
      p('整机保修一年。'),
      h(2, '第二条 经营者应当在七日内退款。'),
      p('其他说明。'),
      h(2, '第三条 保修范围', true),
      p('正常使用中的故障。'),
      p('第四条 运费纠纷'), // a line of plain text over its article's text
      p('运费问题协商不成的，平台有权处理。'),
      p('第五条 合同中的下列条款无效：'),
      p('（一）造成对方人身损害的；'),
      p('第六条 本规则自公布之日起施行'),
    ]);
    expect(sections.map((s) => [s.headingPath.at(-1), s.text])).toEqual([
      ['第一条 保修期限', '整机保修一年。'],
      ['第二条', '经营者应当在七日内退款。\n其他说明。'],
      ['第三条', '保修范围\n正常使用中的故障。'],
      ['第四条 运费纠纷', '运费问题协商不成的，平台有权处理。'],
      ['第五条', '合同中的下列条款无效：\n（一）造成对方人身损害的；'],
      ['第六条', '本规则自公布之日起施行'],
    ]);
  });

  it('keeps chapter → section → article even when the explicit depths do not nest', () => {
    const sections = run([
      h(2, '第一章 总则'),
      h(2, '第一节 一般规定'), // styled like the chapter
      h(3, '第一条'),
      p('正文一。'),
      p('第二条 正文二。'),
      h(2, '第二节 特别规定'),
      h(3, '说明'),
      p('正文三。'),
      p('第三条 正文四。'),
      h(2, '第二章 附则'),
      p('第四条 正文五。'),
    ]);
    expect(sections.map((s) => s.headingPath)).toEqual([
      ['第一章 总则', '第一节 一般规定', '第一条'],
      ['第一章 总则', '第一节 一般规定', '第二条'],
      ['第一章 总则', '第二节 特别规定', '说明'],
      ['第一章 总则', '第二节 特别规定', '第三条'], // articles are at depth 3 here, like 说明
      ['第二章 附则', '第四条'],
    ]);
  });

  it('skips a table of contents and empty headings', () => {
    const sections = run([p('目　　录'), p('第一章　总则'), p('第二章　退货'), h(2, '目录'), p('第一章　总则'), p('第一条　正文。')]);
    expect(sections).toHaveLength(1);
    expect(sections[0]?.headingPath).toEqual(['第一章 总则', '第一条']);
  });

  it('nests non-legal numbering in the order the document uses it', () => {
    const sections = run([
      h(1, '退货政策'),
      p('一、退货条件'),
      p('签收七日内可以退货。'),
      p('（一）质量问题'),
      p('由商家承担运费。'),
      p('二、退款'),
      p('1. 退款方式'),
      p('原路返回。'),
    ]);
    expect(sections.map((s) => s.headingPath)).toEqual([
      ['退货政策', '一、退货条件'],
      ['退货政策', '一、退货条件', '（一）质量问题'],
      ['退货政策', '二、退款', '1. 退款方式'],
    ]);
  });

  it('treats long numbered sentences as list items, not headings', () => {
    const sections = run([h(1, '须知'), p('1. 退货时请保持商品完好，配件齐全，并附上发票和保修卡，否则无法办理。'), p('2. 定制商品不支持退货。')]);
    expect(sections).toHaveLength(1);
    expect(sections[0]?.text.split('\n')).toHaveLength(2);
  });

  it('keeps a numbered list whole when its items are statements, short ones included', () => {
    const sections = run([
      h(1, '发票政策'),
      p('二．普通发票'),
      p('1. 发票抬头：'),
      p('（1）发票抬头不能为空；'),
      p('（2）您可填写：个人、您的姓名或单位名称'),
      p('（3）抬头字数不要超过40个'),
      p('2. 签收时请检查发票，一旦签字即代表发票无误。'),
      p('3. 请在提交订单页面勾选索取发票。'),
      p('三．补开发票'),
      p('（1）补开发票期限：订单收货后一个月以内'),
      p('（2）请在期限内申请补开发票。'),
    ]);
    expect(sections.map((s) => s.headingPath)).toEqual([
      ['发票政策', '二．普通发票'],
      ['发票政策', '三．补开发票'],
    ]);
    expect(sections[0]?.text.split('\n')).toHaveLength(6);
  });

  it('keeps numbered labels with text of their own as headings beside a statement item of their run', () => {
    const sections = run([
      h(1, '消费者告知书'),
      p('1.由于跨境商品的特殊性，请确认知晓后再购买：'),
      p('1）商品为个人自用。'),
      p('2.消费者是否需要实名认证'),
      p('需要在支付平台实名认证。'),
      p('3.付款及派送流程'),
      p('付款后由海关清关再派送。'),
    ]);
    expect(sections.map((s) => s.headingPath.at(-1))).toEqual(['消费者告知书', '2.消费者是否需要实名认证', '3.付款及派送流程']);
  });

  it('keeps short numbered question lines as headings beside a longer statement of their run', () => {
    const sections = run([
      h(1, 'Medical certification FAQ'),
      p('1. Why do I have to self-certify?'),
      p('Federal rules require it.'),
      p('2. Some drivers are excepted from the federal rules, for example school bus drivers.'),
      p('3. What are the driving types?'),
      p('There are four.'),
    ]);
    expect(sections.map((s) => s.headingPath.at(-1))).toEqual(['1. Why do I have to self-certify?', '3. What are the driving types?']);
  });

  it('keeps guessed headings inside an article as text', () => {
    const sections = run([p('第七条 检测费用按下表承担：'), h(2, '检测费用', true), p('商家承担')]);
    expect(sections).toHaveLength(1);
    expect(sections[0]?.text).toBe('检测费用按下表承担：\n检测费用\n商家承担');
  });

  it('gives stable ids that differ for repeated heading paths', () => {
    const blocks = [h(2, 'FAQ'), p('a'), h(2, 'FAQ'), p('b')];
    const a = run(blocks);
    const b = run(blocks);
    expect(a.map((s) => s.id)).toEqual(b.map((s) => s.id));
    expect(new Set(a.map((s) => s.id)).size).toBe(2);
    expect(sectionize(blocks, { path: 'other.txt', toMatchText: (t) => t })[0]?.id).not.toBe(a[0]?.id);
  });

  it('keeps tables and lists as blocks', () => {
    const sections = run([
      h(2, '运费'),
      { kind: 'table', rows: [['情形', '承担方'], ['质量问题', '商家']], location: { line: 3 } },
    ]);
    expect(sections[0]?.blocks).toEqual([{ kind: 'table', rows: [['情形', '承担方'], ['质量问题', '商家']] }]);
    expect(sections[0]?.text).toBe('情形 | 承担方\n质量问题 | 商家');
  });
});
