import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../build/index.js';
import { ingestPaths } from '../ingest/index.js';
import { properNames } from './text.js';
import { LexicalGate, generateEntries, generateQuestions, keywordForm, pairsInTable, pairsInText, questionKey, similarQuestions, stripNumbering } from './index.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/generate');

async function fixtureEntries(similar = 5) {
  const run = await ingestPaths([FIXTURES]);
  return generateEntries(run.documents, { similar });
}

describe('question generation', () => {
  it('strips numbering from headings; an article heading carries no words', () => {
    expect(stripNumbering('第四十一条')).toBe('');
    expect(stripNumbering('一、退货政策')).toBe('退货政策');
    expect(stripNumbering('1.2 Returns')).toBe('Returns');
    expect(stripNumbering('第三章 损害赔偿')).toBe('损害赔偿');
  });

  it('asks who bears a fee under a heading about bearing it, and never names the fee twice', () => {
    const q = generateQuestions({ headingPath: ['退货政策', '运费承担'], text: '因商品质量问题产生的退货，运费由商家承担；非质量问题退货的，运费由消费者自行承担。' }).map((g) => g.question);
    expect(q[0]).toBe('运费由谁承担？');
    expect(q).toContain('运费承担有什么规定？');
    expect(q.some((x) => /运费.*的运费/u.test(x))).toBe(false);
  });

  it('asks about a policy heading', () => {
    const q = generateQuestions({ headingPath: ['售后', '一、退货政策'], text: '商品签收后可按本政策办理。' });
    expect(q.slice(0, 2)).toEqual([
      { question: '退货政策是什么？', rule: 'heading' },
      { question: '退货有什么规定？', rule: 'heading' },
    ]);
  });

  it('keeps words that start with an opener character (经营者, 当事人) whole', () => {
    const qs = (text: string) => generateQuestions({ headingPath: ['规则', '第五条'], text }).map((q) => q.question);
    expect(qs('当事人一方不履行合同义务的，应当承担违约责任。')).toContain('当事人一方不履行合同义务怎么办？');
    expect(qs('经营者提供商品不符合质量要求的，消费者可以要求退货。').some((q) => q.startsWith('经营者'))).toBe(true);
    expect(qs('因商品质量问题退货的，运费由商家承担。')).toContain('商品质量问题退货怎么办？');
  });

  it('asks about an article from its content: conditions, who pays, time limits, definitions, duties', () => {
    const rules = (text: string) => generateQuestions({ headingPath: ['规则', '第四条'], text });
    expect(rules('商品存在质量问题的，买家可以要求商家退货或者换货，退货运费由商家承担。')).toEqual(
      expect.arrayContaining([
        { question: '商品存在质量问题怎么办？', rule: 'condition' },
        { question: '商品存在质量问题，可以要求商家退货或者换货吗？', rule: 'permission' },
        { question: '退货运费由谁承担？', rule: 'who-pays' },
      ]),
    );
    expect(rules('商家收到退回的商品后，应当在3个工作日内为买家办理退款。')[0]).toEqual({ question: '为买家办理退款需要多长时间？', rule: 'time-limit' });
    expect(rules('本规则所称无理由退货，是指买家不需要说明理由即可退货。')[0]).toEqual({ question: '什么是无理由退货？', rule: 'definition' });
    expect(rules('商家应当如实描述商品信息，不得虚假宣传。')).toEqual(expect.arrayContaining([{ question: '商家有哪些义务？', rule: 'duty' }]));
    expect(rules('承运人对运输过程中货物的毁损、灭失承担赔偿责任。')).toEqual(expect.arrayContaining([{ question: '运输过程中货物的毁损、灭失，可以要求承运人赔偿吗？', rule: 'liability' }]));
  });

  it('asks how to do an action, not about a verb that names a thing or runs into the next clause', () => {
    const procedures = (text: string) => generateQuestions({ headingPath: ['第六条'], text }).filter((g) => g.rule === 'procedure').map((g) => g.question);
    // 支付方式 names a thing; the action is 支付价款
    expect(procedures('买受人应当按照约定的数额和支付方式支付价款。')).toEqual(['如何支付价款？']);
    // 获取消费者信息 has no 取消 in it, and 提交订单 ends before 前
    expect(procedures('经营者不得获取消费者信息。')).toEqual([]);
    expect(procedures('用户提交订单前可以更正输入错误。')).toEqual(['如何提交订单？']);
    // 后 ends an object (付款后), but not 售后
    expect(procedures('在“我的订单”中点击“申请售后”，选择退货原因。')).toEqual(['如何申请售后？']);
    // 申请 with nothing applied for asks nothing
    expect(procedures('请在订单详情页申请，填写公司名称和税号。')).toEqual(['如何填写公司名称？']);
    // a point in time (付款后), a payment channel with its delay (微信支付1-2个工作日) and what will
    // happen (将退回) are no actions a customer takes
    expect(procedures('现货商品在付款后48小时内发货。')).toEqual([]);
    expect(procedures('退款原路返回：微信支付1-2个工作日到账。')).toEqual([]);
    expect(procedures('订单全部退货后，未过期的优惠券将退回账户。')).toEqual([]);
    // 支付宝 is a payment channel, not 支付 + 宝
    expect(procedures('支付宝一般当天到账。')).toEqual([]);
  });

  it('reads 可能 as "may be", not as a permission, and 七天无理由 as a policy name, not a time limit', () => {
    const questions = (text: string) => generateQuestions({ headingPath: ['一、配送范围'], text }).map((g) => g.question);
    const remote = questions('新疆、西藏部分偏远地区可能无法送达，以下单页面提示为准。');
    expect(remote.some((q) => /可以能|有哪些权利/u.test(q))).toBe(false);
    expect(questions('七天无理由退货的退货运费由消费者承担。').some((q) => q.includes('需要多长时间'))).toBe(false);
  });

  it('asks no condition question about a clause that only says what someone has', () => {
    const conditions = generateQuestions({ headingPath: ['第七条'], text: '消费者依法享有的，经营者不得限制。' }).filter((g) => g.rule === 'condition');
    expect(conditions).toEqual([]);
  });

  it('asks about each item of a list with what the list leads to, not about 下列情形之一', () => {
    const q = generateQuestions({
      headingPath: ['售后规则', '第九条'],
      text: '商家有下列情形之一的，买家可以申请退款：\n（一）超过约定时间未发货的；\n（二）发出的商品与描述不符的；\n（三）其他情形。',
    });
    expect(q).toEqual(
      expect.arrayContaining([
        { question: '商家超过约定时间未发货，买家可以申请退款吗？', rule: 'list-item' },
        { question: '商家发出的商品与描述不符，买家可以申请退款吗？', rule: 'list-item' },
      ]),
    );
    expect(q.some((g) => g.question.includes('下列') || g.question.includes('其他情形'))).toBe(false);
    // an exception list: the items are when the main clause does not hold
    const except = generateQuestions({ headingPath: ['第十条'], text: '买家可以要求七日无理由退货，但是有下列情形之一的除外：\n（一）定制的商品；\n（二）已拆封的食品。' });
    expect(except).toEqual(expect.arrayContaining([{ question: '定制的商品，买家可以要求七日无理由退货吗？', rule: 'list-item' }]));
    // a list of contents leads to nothing to ask about
    expect(generateQuestions({ headingPath: ['第十一条'], text: '订单一般包括下列内容：\n（一）商品名称；\n（二）数量。' }).filter((g) => g.rule === 'list-item')).toEqual([]);
  });

  it('asks a liability clause that names its party as a customer asks it of that party', () => {
    const q = generateQuestions({ headingPath: ['第二十一条'], text: '寄存期间，因寄存点保管不善造成行李毁损的，寄存点经营者应当承担赔偿责任。' }).map((g) => g.question);
    expect(q).toEqual(expect.arrayContaining(['寄存期间，因寄存点保管不善造成行李毁损，可以要求寄存点经营者赔偿吗？', '哪些情况下寄存点经营者要承担赔偿责任？']));
    // a main clause with no subject is about the party its condition names, not about whom the harm befalls
    const implied = generateQuestions({ headingPath: ['第二十二条'], text: '商家迟延发货，造成买家损失的，应当承担赔偿责任。' }).map((g) => g.question);
    expect(implied).toEqual(expect.arrayContaining(['商家迟延发货，造成买家损失，谁承担赔偿责任？', '商家迟延发货，造成买家损失，可以要求商家赔偿吗？']));
    expect(implied.some((x) => x.includes('要求造成') || x.includes('买家要承担'))).toBe(false);
    // no party at all: only who is liable is asked
    const bare = generateQuestions({ headingPath: ['第二十三条'], text: '包裹在运输途中毁损的，应当承担赔偿责任。' }).map((g) => g.question);
    expect(bare).toContain('包裹在运输途中毁损，谁承担赔偿责任？');
    expect(bare.some((x) => x.includes('可以要求') || x.includes('哪些情况下'))).toBe(false);
    // an exemption (…的，不承担 / 免除 / 不免除…责任) asks whether one still answers for it, not who does
    const exempt = generateQuestions({ headingPath: ['第二十四条'], text: '商家能够证明损坏是买家自己造成的，不承担赔偿责任。因不可抗力不能按时发货的，部分或者全部免除责任。' }).map((g) => g.question);
    expect(exempt).toEqual(expect.arrayContaining(['商家能够证明损坏是买家自己造成，商家要承担赔偿责任吗？', '不可抗力不能按时发货，要承担责任吗？']));
    // where the condition names the customer, the exempt party the main clause names is asked about by name, so
    // that a customer does not read it as about themselves (商家能够证明… already opens with its party)
    const shop = generateQuestions({ headingPath: ['人为损坏'], text: '因顾客使用不当造成商品损坏的，本店不承担责任。买家签收后自行拆修的，卖家不承担保修责任。' }).map((g) => g.question);
    expect(shop).toEqual(expect.arrayContaining(['顾客使用不当造成商品损坏，本店要承担责任吗？', '买家签收后自行拆修，卖家要承担保修责任吗？']));
    // the shop as it calls itself, or no one written: 商家, not a question the customer reads as about themselves (review 2026-11-27)
    const unnamed = generateQuestions({ headingPath: ['售后说明'], text: '顾客使用不当造成损失的，我们不负任何责任。用户私自拆机的，不承担保修责任。' }).map((g) => g.question);
    expect(unnamed).toEqual(expect.arrayContaining(['顾客使用不当造成损失，商家要承担责任吗？', '用户私自拆机，商家要承担保修责任吗？']));
    expect(shop.some((x) => /损坏，要承担/u.test(x))).toBe(false);
    expect(exempt.some((x) => x.includes('谁承担'))).toBe(false);
  });

  it('asks which things a list excludes, and each item whether the rule applies to it', () => {
    const q = generateQuestions({ headingPath: ['第八条'], text: '下列商品不适用七日无理由退货规定：\n（一）按顾客尺寸定做的家具；\n（二）已拆封的床垫。' });
    expect(q[0]).toEqual({ question: '哪些商品不能七日无理由退货？', rule: 'condition' });
    expect(q).toEqual(
      expect.arrayContaining([
        { question: '哪些商品不适用七日无理由退货？', rule: 'condition' },
        { question: '按顾客尺寸定做的家具适用七日无理由退货规定吗？', rule: 'list-item' },
        { question: '已拆封的床垫适用七日无理由退货规定吗？', rule: 'list-item' },
      ]),
    );
    // an intro with a condition before the exclusion still asks which
    const confirmed = generateQuestions({ headingPath: ['第九条'], text: '下列商品经顾客在下单时确认，可以不适用七日无理由退货规定：\n（一）试用后价值贬损较大的香水。' }).map((g) => g.question);
    expect(confirmed).toContain('哪些商品不适用七日无理由退货？');
    // the intro's list names no one who has rights, and a rule's name is no step (was 如何退货规定？)
    expect(confirmed.some((x) => x.includes('有哪些权利') || x.startsWith('如何'))).toBe(false);
    expect(generateQuestions({ headingPath: ['第八条'], text: '下列商品不适用七日无理由退货规定：\n（一）按顾客尺寸定做的家具。' }).some((g) => g.rule === 'procedure')).toBe(false);
    // a list of what something includes is no exclusion
    expect(generateQuestions({ headingPath: ['第十条'], text: '下列费用包括：\n（一）运费；\n（二）安装费。' }).some((g) => g.question.startsWith('哪些'))).toBe(false);
  });

  it('asks about a breach (不符合约定的，…) and names the liability, not a cut clause', () => {
    const q = generateQuestions({ headingPath: ['第十二条'], text: '卖家交付的商品不符合约定的，应当承担更换、退货或者赔偿损失等违约责任。' });
    expect(q).toEqual(
      expect.arrayContaining([
        { question: '卖家交付的商品不符合约定怎么办？', rule: 'condition' },
        { question: '卖家交付的商品不符合约定，谁承担违约责任？', rule: 'liability' },
      ]),
    );
    // 损失赔偿额 and 可以获得的利益 name things, not who pays or what one may do
    const r = generateQuestions({ headingPath: ['第十三条'], text: '商家延迟发货造成买家损失的，损失赔偿额应当相当于买家可以获得的利益。' });
    expect(r.some((g) => g.rule === 'liability' || g.rule === 'permission')).toBe(false);
    // what the rule itself provides is still not a situation
    expect(generateQuestions({ headingPath: ['第十四条'], text: '当事人另有约定的，按照其约定。' }).filter((g) => g.rule === 'condition')).toEqual([]);
  });

  it('asks about sections that say what something is, who bears a risk, when it takes effect, what is void and who is in charge', () => {
    const qs = (text: string) => generateQuestions({ headingPath: ['第二十条'], text });
    expect(qs('要约是希望与他人订立合同的意思表示，该意思表示应当符合下列条件：')).toEqual([{ question: '什么是要约？', rule: 'definition' }]);
    expect(qs('赠与合同是赠与人将自己的财产无偿给予受赠人，受赠人表示接受赠与的合同。')).toContainEqual({ question: '什么是赠与合同？', rule: 'definition' });
    // a statement about a thing (免费的) defines nothing, and 退货 here is no action to ask how to do
    expect(qs('退货是免费的。')).toEqual([]);
    expect(qs('标的物毁损、灭失的风险，在标的物交付之前由出卖人承担，交付之后由买受人承担。')).toContainEqual({ question: '标的物毁损、灭失的风险由谁承担？', rule: 'who-pays' });
    expect(qs('仓储合同自保管人和存货人意思表示一致时成立。')).toContainEqual({ question: '仓储合同什么时候成立？', rule: 'time-limit' });
    expect(qs('免除经营者责任的格式条款无效。')).toContainEqual({ question: '免除经营者责任的格式条款有效吗？', rule: 'validity' });
    expect(qs('国务院市场监督管理部门主管全国产品质量监督工作。')).toContainEqual({ question: '谁负责全国产品质量监督工作？', rule: 'duty' });
    // what a thing includes, and nothing for a clause that names no thing before 包括
    expect(qs('租赁合同的内容一般包括租赁物的名称、数量、用途、租赁期限等条款。')).toContainEqual({ question: '租赁合同的内容包括哪些？', rule: 'contents' });
    expect(qs('保修范围包括：屏幕、电池和主板。')).toContainEqual({ question: '保修范围包括哪些？', rule: 'contents' });
    expect(qs('具体包括以下几种情形。').filter((q) => q.rule === 'contents')).toEqual([]);
    expect(qs('消费者需提供包括订单号在内的凭证。').filter((q) => q.rule === 'contents')).toEqual([]);
    for (const said of ['商品价格不包括运费。', '运费已包含在商品价格中。', '赠品也包括在内。', '以上价格均包含税费。', '您的订单可能包括多个包裹。']) expect(qs(said).filter((q) => q.rule === 'contents'), said).toEqual([]);
    // a condition that grants something asks whether one may; one about trouble asks what to do
    const granted = qs('自签收之日起七天内，商品未使用、吊牌完整的，支持七天无理由退货。').map((q) => q.question);
    expect(granted).toContain('自签收之日起七天内，商品未使用、吊牌完整，可以七天无理由退货吗？');
    expect(granted.filter((q) => q.endsWith('怎么办？'))).toEqual([]);
    expect(qs('商品存在质量问题的，可以申请退货。').map((q) => q.question)).toContain('商品存在质量问题怎么办？');
    // 指定 is no 指 (a definition): the condition is asked
    expect(qs('消费者要求退货的，指定快递上门取件。')).toContainEqual({ question: '消费者要求退货怎么办？', rule: 'condition' });
    // a definition under a condition (…的，是指…) is no situation to ask 怎么办 about
    const defect = qs('本法所称缺陷，是指产品存在危及人身安全的不合理的危险；产品有国家标准、行业标准的，是指不符合该标准。');
    expect(defect[0]).toEqual({ question: '什么是缺陷？', rule: 'definition' });
    expect(defect.filter((q) => q.rule === 'condition')).toEqual([]);
  });

  it('asks what a later clause says someone must or may do, about the role the first clause names', () => {
    const qs = (text: string) => generateQuestions({ headingPath: ['第二十一条'], text }).map((g) => g.question);
    expect(qs('销售者销售产品，不得掺杂、掺假，不得以假充真、以次充好。')).toEqual(expect.arrayContaining(['销售者可以掺杂、掺假吗？', '销售者可以以假充真、以次充好吗？', '销售者有哪些义务？']));
    expect(qs('合同生效后，当事人不得因名称的变更而不履行合同义务。')).toContain('当事人有哪些义务？');
    // 享有…的权利 is what one has: a right, not "可以承运人的权利吗"
    const carrier = qs('多式联运经营人负责组织履行多式联运合同，对全程运输享有承运人的权利。');
    expect(carrier).toContain('多式联运经营人有哪些权利？');
    expect(carrier.some((q) => q.includes('可以承运人'))).toBe(false);
    // a clause's subject that is no role (该意思表示), a word ending like one (中华人民, 或者), a verb and its object (租赁他人)
    expect(qs('该合同成立，该意思表示应当符合下列条件。').some((q) => q.includes('义务'))).toBe(false);
    expect(qs('自知道之日起，或者应当知道之日起计算。').some((q) => q.includes('义务'))).toBe(false);
    // a section that would only ask 经营者有哪些义务？ asks what the duty is (five articles of one law say 经营者应当…)
    expect(qs('经营者应当听取消费者对其提供的商品或者服务的意见，接受消费者的监督。')[0]).toBe('经营者需要听取消费者对其提供的商品或者服务的意见吗？');
    expect(qs('应收账款债务人不得拒绝付款。').some((q) => q.startsWith('应收账款债务人可以拒绝付款'))).toBe(true);
    // a duty cut at 、 inside its 将 phrase has no verb (…将旅客吗？): asked whole when not much longer
    expect(qs('承运人应当在约定期限或者合理期限内将旅客、货物安全运输到约定地点。')[0]).toBe('承运人需要在约定期限或者合理期限内将旅客、货物安全运输到约定地点吗？');
    expect(qs('承运人应当在约定期限或者合理期限内将旅客、托运人交付的货物以及行李安全运输到双方约定的地点。').some((q) => /将旅客吗/u.test(q))).toBe(false);
    expect(qs('知道或者应当知道产品存在缺陷的，应当召回。').some((q) => q.startsWith('知道或者') && q.includes('义务'))).toBe(false);
    // 申请退货 is one action, not 申请
    expect(qs('商品签收后七天内，买家可以申请退货。')).toEqual(expect.arrayContaining(['买家可以申请退货吗？', '如何申请退货？']));
  });

  it('asks about each row of a data table, by what its header says (fee, time, other)', () => {
    const zh = generateQuestions({ headingPath: ['配送说明', '配送方式'], text: '订单满99元包邮。', tables: [[['配送方式', '时效', '运费'], ['顺丰快递', '1-2天', '12元'], ['门店自提', '当天', '免费']]] }).filter((g) => g.rule === 'table-row');
    // every row's first question before any row's second: a section's cap leaves out columns, not rows
    expect(zh.map((g) => g.question)).toEqual(['顺丰快递需要多长时间？', '门店自提需要多长时间？', '顺丰快递的运费是多少？', '门店自提的运费是多少？']);
    const en = generateQuestions({ headingPath: ['Delivery options'], text: 'We ship every day.', tables: [[['Option', 'Delivery time', 'Fee', 'Carrier'], ['Express delivery', '1 day', '$12', 'DHL'], ['12.50', '3 days', '$5', 'USPS']]] }).filter((g) => g.rule === 'table-row');
    // a row whose first cell names nothing (a number) asks nothing
    // (a label in a sentence's case reads lower case inside the question)
    expect(en.map((g) => g.question)).toEqual(['How long does express delivery take?', 'How much is express delivery?', 'What is the carrier for express delivery?']);
  });

  it('asks about a destination table\'s rows as where a parcel goes, and about the fee of a two-topic heading', () => {
    const zh = generateQuestions({ headingPath: ['配送说明', '配送范围及运费'], text: '满99元包邮。', tables: [[['配送地区', '时效', '运费'], ['上海', '1-2天', '8元']]] }).map((g) => g.question);
    expect(zh).toEqual(['配送范围及运费是什么？', '运费是多少？', '满多少钱包邮？', '寄到上海需要多长时间？', '寄到上海的运费是多少？']);
    const en = generateQuestions({ headingPath: ['Shipping'], text: 'We ship worldwide.', tables: [[['Destination', 'Delivery time', 'Fee'], ['Canada', '5-7 days', '$15']]] }).filter((g) => g.rule === 'table-row');
    expect(en.map((g) => g.question)).toEqual(['How long does delivery to Canada take?', 'How much is delivery to Canada?']);
  });

  it('reads a section that is a question/answer table as its pairs only, and the rows of a data table as no sentences', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-table-'));
    try {
      const file = join(dir, 'ship.md');
      await writeFile(file, '# 配送\n\n## 运费\n\n| 配送方式 | 时效 | 运费 |\n| --- | --- | --- |\n| 顺丰快递 | 1-2天 | 12元 |\n\n## 常见问题\n\n| 问题 | 答案 |\n| --- | --- |\n| 可以指定快递吗？ | 可以，下单时备注。 |\n| 偏远地区包邮吗？ | 不包邮。 |\n');
      const run = await ingestPaths([file]);
      const { entries } = generateEntries(run.documents, { similar: 0 });
      expect(entries.filter((e) => e.origin === 'extracted').map((e) => e.question)).toEqual(['可以指定快递吗？', '偏远地区包邮吗？']);
      // no fourth entry answering with the whole question/answer table
      expect(entries.filter((e) => e.source?.headingPath.includes('常见问题'))).toHaveLength(2);
      const fees = entries.find((e) => e.source?.headingPath.includes('运费'));
      expect([fees?.question, ...(fees?.similar ?? [])]).toContain('顺丰快递的运费是多少？');
      expect([fees?.question, ...(fees?.similar ?? [])].some((q) => q?.includes('|') === true)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('asks what a shop policy says: dates, deadlines, what is covered or offered, whom it applies to', () => {
    const qs = (text: string) => generateQuestions({ headingPath: ['售后服务政策', '第一章 总则', '第二条'], text }).map((g) => g.question);
    // a date is no duration (was 1月1日起施行需要多长时间？); 本政策 is named as the title names it (was 本政策什么时候施行？)
    expect(qs('本政策自2026年1月1日起施行，本店保留解释权。')).toEqual(['售后服务政策什么时候施行？']);
    // a deadline for a bare verb asks about what it is for (was 提出需要多长时间？)
    expect(qs('发票开具后如需更换抬头，应当在开票之日起三十日内提出。')).toEqual(['更换抬头有时间限制吗？']);
    expect(qs('顾客自签收商品之日起七日内，可以申请无理由退货。')).toEqual(expect.arrayContaining(['多长时间内可以申请无理由退货？', '如何申请无理由退货？']));
    expect(qs('电子产品自签收之日起享受一年免费保修。')).toContain('免费保修多久？');
    expect(qs('因人为损坏、进水造成的故障，不属于免费保修范围。')).toContain('人为损坏、进水造成的故障属于免费保修范围吗？');
    expect(qs('维修期间，本店不提供备用机。')).toContain('维修期间本店提供备用机吗？');
    expect(qs('本店不支持货到付款。')).toContain('本店支持货到付款吗？');
    // whom it applies to; 在本店购买商品的 describes them, it is no step (was 如何购买商品？)
    expect(qs('本政策适用于在本店购买商品的所有顾客。')).toEqual(['售后服务政策适用于哪些顾客？']);
    // things have no rights (was 本店所售商品均有哪些权利？), and 退回运费由…承担 is no step (was 如何退回运费由本店承担？)
    expect(qs('本店所售商品均可开具电子普通发票，企业顾客可申请增值税专用发票。')).toEqual(expect.arrayContaining(['本店所售商品可以开具电子普通发票吗？', '企业顾客可以申请增值税专用发票吗？']));
    expect(qs('本店所售商品均可开具电子普通发票。').some((q) => q.includes('权利'))).toBe(false);
    expect(qs('商品存在质量问题的，退回运费由本店承担。').some((q) => q.startsWith('如何'))).toBe(false);
    // what is not done is no step to ask how to do (was 如何退货？)
    expect(qs('定制类商品、已拆封的床垫不支持无理由退货。')).toEqual(['定制类商品、已拆封的床垫支持无理由退货吗？']);
    expect(qs('订单满199元包邮，偏远地区除外。')).toContain('满多少钱包邮？');
    // no doubled word (开发票 → 开开票) nor 满是多少钱 among the similar questions
    expect(similarQuestions('可以开发票吗？', { n: 20 }).some((q) => q.includes('开开'))).toBe(false);
    expect(similarQuestions('满多少钱包邮？', { n: 20 })).toEqual(expect.arrayContaining(['满多少钱免运费？']));
    expect(similarQuestions('满多少钱包邮？', { n: 20 }).some((q) => /满[是要]多少钱/u.test(q))).toBe(false);
  });

  it('asks English questions about English sections', () => {
    const q = generateQuestions({ headingPath: ['Returns', 'Return window'], text: 'You can return most items within 30 days of delivery.' });
    expect(q.map((g) => g.question)).toEqual(expect.arrayContaining(['What is the return window?', 'How long is the return window?', 'How long do I have to return items?']));
    // (not Can I return most items?: a task on any item within a deadline asks how long one has)
    expect(q.every((g) => !/\p{Script=Han}/u.test(g.question))).toBe(true);
  });

  it('asks what "you can / must" says, not what an embedded question, a title or a dangling verb says', () => {
    const en = (text: string) => generateQuestions({ headingPath: ['Repayment'], text }).map((g) => g.question);
    expect(en('Learn how you can lower your payment.')).toContain('How can I lower my payment?');
    expect(en('Decide how much you need to take out in loans.').filter((q) => q.startsWith('Do I'))).toEqual([]);
    expect(en('Read What You Need To Know before you apply.').filter((q) => /Know\?$/u.test(q))).toEqual([]);
    expect(en('See the benefits you may qualify for as a spouse.').filter((q) => q.startsWith('Can I'))).toEqual([]);
    expect(en('Once approved, you can get.').filter((q) => q === 'Can I get?')).toEqual([]);
    expect(en('You may need to pay a copay for your care.')).toContain('Do I need to pay a copay for my care?');
    expect(en('You may still be able to avoid default.')).toContain('Can I still avoid default?');
  });

  it('asks a shop\'s task headings how, how long and how much in a customer\'s words', () => {
    const all = (heading: string) => generateQuestions({ headingPath: ['Help Center', heading], text: 'It takes 3 days and costs $5.' }).map((g) => g.question);
    expect(all('Start a Return')).toEqual(['How do I start a return?', 'What do I need to know to start a return?', 'How long does it take to start a return?', 'How much does it cost to start a return?']);
    expect(all('Redeem a Gift Card')[0]).toBe('How do I redeem a gift card?');
    // (a pet shop's trial, 2026-11-28: was What is the skip a shipment?)
    expect(all('Skip a shipment')[0]).toBe('How do I skip a shipment?');
    expect(all('Pause your subscription')[0]).toBe('How do I pause my subscription?');
    // a deadline counted from an event is how long the customer has, not how long doing it takes
    const timed = (heading: string, text: string) => generateQuestions({ headingPath: ['Help Center', heading], text }).map((g) => g.question).filter((q) => q.startsWith('How long'));
    expect(timed('Start a Return', 'Start your return within 30 days of delivery from your account.')).toEqual(['How long do I have to start a return?']);
    expect(timed('How to cancel an order', 'You can cancel up to 1 hour after placing your order.')).toEqual(['How long do I have to cancel an order?']);
    expect(timed('Tracking your parcel', 'Tracking can take up to 24 hours.')).toEqual(['How long does it take to track my parcel?']);
  });

  it('asks a Chinese heading that already asks in its middle as written, a problem as 怎么办 and a task as 如何', () => {
    const first = (heading: string, text = '一般三到五个工作日原路退回。') => generateQuestions({ headingPath: ['退款说明', heading], text }).map((g) => g.question);
    expect(first('一、退款多久到账')[0]).toBe('退款多久到账？');
    expect(first('三、退货运费由谁承担')[0]).toBe('退货运费由谁承担？');
    expect(first('二、用哪家快递')[0]).toBe('用哪家快递？');
    expect(first('一、保修期多长', '整机保修一年。')).toEqual(['保修期多长？']);
    expect(first('四、退款金额不对')[0]).toBe('退款金额不对怎么办？');
    expect(first('三、发票抬头开错了')[0]).toBe('发票抬头开错了怎么办？');
    expect(first('三、物流信息不更新', '超过两天不更新请联系客服。')[0]).toBe('物流信息不更新怎么办？');
    expect(first('四、修改收货地址', '发货前可以在订单详情里修改。').slice(0, 2)).toEqual(['如何修改收货地址？', '可以修改收货地址吗？']);
    // a heading that asks is no topic of a time limit (哪些商品可以退货需要多长时间？)
    expect(first('一、哪些商品可以退货', '自签收之日起七天内可以退货。')).not.toContain('哪些商品可以退货需要多长时间？');
    // nouns that only contain a question character stay topics
    expect(first('二、发票类型', '可开电子普通发票。')[0]).toBe('发票类型是什么？');
    // a task word followed by what it needs is a noun heading, no task (was 如何申请条件？)
    expect(first('申请条件')[0]).toBe('申请条件是什么？');
    expect(first('开具发票的要求')[0]).toBe('开具发票有什么要求？');
    expect(first('查询方式')[0]).not.toBe('如何查询方式？');
    // 关于 is left out; 最多长 and 无论如何 ask nothing
    expect(first('关于物流延迟')[0]).toBe('物流延迟怎么办？');
    expect(first('保修期最多长达三年')[0]).not.toBe('保修期最多长达三年？');
    expect(first('无论如何都不能退的商品')[0]).not.toBe('无论如何都不能退的商品？');
  });

  it('follows a menu path (申请售后—退货) as one action, with no dash left dangling', () => {
    const procedures = generateQuestions({ headingPath: ['退货说明', '二、退货'], text: '打开“我的订单”，点击“申请售后—退货”，选择退货原因。' }).map((g) => g.question);
    expect(procedures.filter((q) => /—/u.test(q))).toEqual([]);
  });

  it('reads English pages without splitting at U.S., asking what is possible as allowed, or defining "this"', () => {
    const en = (heading: string, text: string) => generateQuestions({ headingPath: [heading], text }).map((g) => g.question);
    const citizen = en('Proof of identity', 'You must show us your current U.S. Citizenship and Immigration Services document. You can apply online.');
    expect(citizen.filter((q) => /\bU\?$|Can I ask the U/u.test(q))).toEqual([]);
    expect(citizen).toContain('Can I apply online?');
    const agent = en('Agent Orange exposure', 'You may have had contact with Agent Orange during your service. You may not be affected. You may be eligible for disability benefits.');
    expect(agent.filter((q) => q.startsWith('Can I'))).toEqual([]);
    expect(agent).toContain('Am I eligible for disability benefits?');
    expect(en('Holds', 'This means that your license is suspended.')).not.toContain('What is this?');
    expect(en('Downloads', 'You may want to wait. You can t come back later.').some((q) => q.startsWith('Can I'))).toBe(false);
    // one is eligible for a benefit or a program, not for a page
    const aid = (heading: string) => generateQuestions({ headingPath: ['Student aid', heading], text: 'Find out if you are eligible.' }).map((g) => g.question);
    expect(aid('Map of Regions').some((q) => q.startsWith('Who is eligible'))).toBe(false);
    expect(aid('Eligibility Requirements').some((q) => q.startsWith('Who is eligible'))).toBe(false);
    expect(aid('Closed School Discharge').some((q) => q.startsWith('Who is eligible'))).toBe(true);
    // a task heading asks how to do it, in a customer's words, acronyms kept
    expect(en('Appeal A Decision', 'You have 60 days to appeal.')[0]).toBe('How do I appeal a decision?');
    expect(en('Request A Hearing For A Non-Medical Determination', 'Use the online form.')[0]).toBe('How do I request a hearing for a non-medical determination?');
    expect(en('Change Your GI Bill School', 'Submit a new form.')[0]).toBe('How do I change my GI bill school?');
    // a condition heading asks what to do then, in the customer's person
    expect(en('If Your Application Is Denied', 'You can appeal.')[0]).toBe('What should I do if my application is denied?');
    expect(en("If you're a veteran", 'You can appeal.')[0]).toBe("What should I do if I'm a veteran?");
    // only a process takes time
    expect(en('Monthly payments', 'Payments are due within 30 days.').some((q) => q.startsWith('How long'))).toBe(false);
    expect(en('Card replacement', 'A replacement arrives within 10 days.')).toContain('How long does card replacement take?');
    // only what has a price costs something
    expect(en('Doing Business With Us', 'There is no fee to register.').some((q) => q.startsWith('How much'))).toBe(false);
    expect(en('Fee for a motorcycle license', 'The fee is $25.')).toContain('How much does a motorcycle license cost?');
    expect(en('Renew a Non-Driver ID Card', 'The fee is $10.')).toContain('How much does it cost to renew a non-driver ID card?');
    // a page title's site name is no part of its topic
    expect(en('Appeal A Decision | Social Security Administration', 'An appeal takes 30 days.').some((q) => q.includes('|'))).toBe(false);
  });

  it('leaves out disabled rules and deduplicates after normalization', () => {
    const q = generateQuestions({ headingPath: ['第五条'], text: '非质量问题退货的，运费由买家承担。非质量问题退货的，运费由买家承担。' }, { disabledRules: new Set(['condition']) });
    expect(q.some((g) => g.rule === 'condition')).toBe(false);
    expect(new Set(q.map((g) => questionKey(g.question))).size).toBe(q.length);
  });
});

describe('review fixes (2026-11-26)', () => {
  const qs = (headingPath: string[], text: string) => generateQuestions({ headingPath, text }).map((g) => g.question);
  it('takes 已拆封商品 / 会员卡 as fronted objects, 使用说明 alone as no product, 三天左右 as a duration, and no how-to from a clause', () => {
    expect(qs(['退货说明', '退货'], '请将已拆封商品寄回。')).toContain('如何寄回已拆封商品？');
    expect(qs(['会员', '会员卡'], '将会员卡寄回。')).toContain('如何寄回会员卡？');
    expect(qs(['退换货使用说明', '使用方法'], '按步骤操作。').some((q) => q.includes('退换货'))).toBe(false);
    expect(qs(['小米手环使用指南', '使用方法'], '长按按键开机。')).toContain('如何使用小米手环？');
    expect(qs(['维修', '维修时效'], '维修需要三天左右。')).toContain('维修需要多长时间？');
    expect(qs(['维修', '维修时效'], '维修需要三天左右。').some((q) => q.startsWith('左右'))).toBe(false);
    expect(qs(['退货', '寄回'], '退货时请将吊牌保留完好后寄回。').some((q) => q.startsWith('如何寄回'))).toBe(false);
    expect(qs(['退货', '寄回'], '请您将商品连同发票一并寄回。').some((q) => q.startsWith('如何寄回'))).toBe(false);
  });

  it('keeps an aside that names a kind (质量问题退货), not one that states a rule (运费（江浙沪包邮）)', () => {
    expect(qs(['配送', '运费（江浙沪包邮）'], '江浙沪满99元包邮。').some((q) => q.includes('江浙沪包邮运费'))).toBe(false);
    expect(qs(['配送', '运费（按重量计算）'], '首重10元。').some((q) => q.includes('按重量计算运费'))).toBe(false);
    expect(qs(['售后', '退货（质量问题）'], '质量问题可退。')).toContain('质量问题退货是什么？');
  });
});

describe('questions from a shop page pasted from Word (no broken ones)', () => {
  const qs = (heading: string, text: string) => generateQuestions({ headingPath: ['帮助中心', heading], text }).map((g) => g.question);

  it('asks how to do an action, not about a verb inside a word, a time or a page', () => {
    expect(qs('处理流程', '请将附件、发票、商品一并返回我司办理退换货手续。')).toContain('如何办理退换货手续？');
    const invoice = qs('补开发票', '若您提交订单时未选择发票，请在提交订单页面勾选索取发票。');
    expect(invoice.filter((q) => /时|页面/u.test(q) && q.startsWith('如何'))).toEqual([]);
    expect(qs('联系我们', '联系电话：400-000-0000。')).not.toContain('如何联系电话？');
    expect(qs('退换货流程', '第一步：填写退换货申请单，第二步：寄回商品。')).toContain('如何填写退换货申请单？');
    expect(qs('退款说明', '1. 退款将原路退回；2. 退款金额以实际支付为准。')).not.toContain('退款说明怎么操作？');
  });

  it('asks about a time limit only for something timed', () => {
    const service = qs('客服时间', '客服热线服务时间为周一至周五09:00-17:00，周六日和法定节假日的送货时间将相应顺延。');
    expect(service.filter((q) => /09|日和/u.test(q))).toEqual([]);
    expect(qs('温馨提示', '退货请在签收后7日内。')).not.toContain('温馨提示需要多长时间？');
    expect(qs('退货时效', '退货请在签收后7日内。')).toContain('退货需要多长时间？');
    expect(qs('退换货原因', '7日内在商品完好前提下可享受7日无理由退货。').filter((q) => q.includes('前提'))).toEqual([]);
  });

  it('asks what is not offered as a customer would, without the adverbs and the disclaimer', () => {
    expect(qs('注意事项', '您签收后的食品类商品将不接受退货。')).toContain('签收后的食品类商品可以退货吗？');
    expect(qs('发票开具', '发票内容默认为商品全称，且不支持发票内容修改。')).toContain('支持发票内容修改吗？');
    expect(qs('免责', '在寄送过程中发生的发票遗失，恕我们概不负责。').filter((q) => q.includes('负责'))).toEqual([]);
    expect(qs('发票', '由于是境外商品，商户不提供发票。').filter((q) => q.includes('由于'))).toEqual([]);
    expect(qs('入驻', '个人店铺可不提供品牌授权。')).toContain('个人店铺需要提供品牌授权吗？');
  });

  it('reads a Taiwan policy\'s courtesies and pairs (a trial on a 退貨政策: 恕不, 無須, 退款方式與時間)', () => {
    // 恕 is a courtesy, and 下列 asks which (was 下列商品拆封后恕可以退货吗？)
    const listed = qs('不适用鉴赏期的商品', '下列商品拆封后恕不接受退货：');
    expect(listed).toContain('哪些商品拆封后不能退货？');
    expect(listed.filter((q) => /恕|下列/u.test(q))).toEqual([]);
    // what needs not be done is no step (was 如何寄回纸本发票？)
    expect(qs('发票处理', '退货时无须寄回纸本发票，系统会自动作废。').filter((q) => q.includes('寄回'))).toEqual([]);
    // a heading naming two topics asks about neither by the suffix alone (was 退款方式与需要多长时间？),
    // and what the rules are, not what the pair "is" (was 退款方式与时间是什么？)
    expect(qs('退款方式与时间', '信用卡付款的订单，退款会退回原信用卡。')[0]).toBe('退款方式与时间有什么规定？');
    expect(qs('退货条件及流程', '商品须保持全新。').filter((q) => q.startsWith('如何退货条件'))).toEqual([]);
    expect(qs('退款时间', '退款会退回原信用卡。')).toContain('退款需要多长时间？');
  });

  it('reads 1）items and a label before a colon as no part of the sentence', () => {
    expect(qs('用户信息', '1）用户提供的注册资料不真实的，进口网有权冻结账户。').some((q) => q.startsWith('1）'))).toBe(false);
    expect(qs('寄还地址', '温馨提示：在退换货过程中，商品未经审核退回的，风险由您承担。').some((q) => q.startsWith('温馨提示'))).toBe(false);
  });

  it('asks nothing of 负责人 (a person), of 可以就…问题 (about what, not what), nor of an object run on past 若', () => {
    const law = (text: string) => generateQuestions({ headingPath: ['规则', '第九条'], text }).map((g) => g.question);
    // a fine is what an authority may impose, not something the offender may do
    expect(law('电子商务经营者违反本法规定的，由市场监督管理部门责令限期改正，可以处五万元以下的罚款。').filter((q) => q.includes('可以处'))).toEqual([]);
    expect(law('行纪人可以处分该物。')).toContain('行纪人可以处分该物吗？');
    expect(law('国家机关有包庇、放纵产品生产的，对直接负责的主管人员依法给予处分。').filter((q) => q.includes('负责人'))).toEqual([]);
    expect(law('消费者有权就产品质量问题，向产品的生产者、销售者查询。')).not.toContain('消费者可以就产品质量问题吗？');
    expect(law('买受人可以就数物解除合同。')).toContain('买受人可以就数物解除合同吗？');
    expect(qs('纠纷', '申请受理期限若买卖双方协商不成，京东介入处理。').filter((q) => q.startsWith('如何') && q.includes('若'))).toEqual([]);
  });

  it('takes no modal for a term, and no 不可 or 认可 for a permission', () => {
    expect(qs('用户信息', '进口网用户必须是具有完全民事行为能力的自然人。')).not.toContain('什么是进口网用户必须？');
    expect(qs('清关', '为单件不可分割商品，经海关审核属个人合理自用的，可以放行。').filter((q) => q.includes('不可以分割'))).toEqual([]);
  });

  it('asks a heading that is a yes/no question as it stands, and no "what is" of a rule or a decoration', () => {
    expect(qs('消费者是否需要实名认证', '需要在支付平台实名认证。')[0]).toBe('消费者是否需要实名认证？');
    expect(qs('★注意事项', '请保留包装。')[0]).toBe('有哪些注意事项？');
    expect(qs('入驻商家资质要求企业信息与商品信息均需提前备案', '详见入驻协议。').some((q) => q.endsWith('是什么？'))).toBe(false);
  });
});

describe('headings that are already questions', () => {
  const first = (heading: string, text: string): string | undefined => generateQuestions({ headingPath: [heading], text })[0]?.question;

  it('keeps a Chinese question heading as the question, with its question mark', () => {
    expect(first('三、如何申请保修', '在订单页点击申请售后。')).toBe('如何申请保修？');
    expect(first('退货要多久', '审核一般三个工作日。')).toBe('退货要多久？');
  });

  it('keeps an English question heading, and asks about a situation heading', () => {
    expect(first('How do I return an item', 'Open your orders and choose Return.')).toBe('How do I return an item?');
    expect(first('My parcel arrived damaged', 'Take photos and contact us within 48 hours.')).toBe('What should I do if my parcel arrived damaged?');
  });

  it('writes English heading questions that read as English', () => {
    const all = (path: string[], text: string) => generateQuestions({ headingPath: path, text }).map((g) => g.question);
    // an activity, not a thing — a customer's task is asked how to do (a shop's tasks: EN_GERUND_VERBS); the shop's "your" is the customer's "my"
    expect(all(['Shipping', 'Tracking your parcel'], 'You can also track your parcel in My Orders. Tracking can take up to 24 hours.')).toEqual([
      'How do I track my parcel?',
      // what customers ask when tracking is the task (smart-home trial, 2026-11-27)
      'Where is my parcel?',
      // and of the customer's other word for it (US retailer trial, 2026-11-27)
      'Where is my order?',
      'What do I need to know about tracking my parcel?',
      'Can I track my parcel in My Orders?',
      'How long does it take to track my parcel?',
    ]);
    // a policy is the shop's ("your"), in a sentence's case; a policy takes no time, what it is about may
    expect(all(['Returns & Refunds Policy'], 'You can return most items within 30 days of delivery.')).toEqual([
      'What is your returns and refunds policy?',
      'What do I need to know about your returns and refunds policy?',
      'How long do I have to return items?',
      'How long do returns and refunds take?',
    ]);
    // plural heads: items that cannot be returned, refunds
    expect(all(['Items that cannot be returned'], 'Gift cards and earrings.')[0]).toBe('Which items cannot be returned?');
    // a problem is asked about as what to do about it (not How long do damaged items take?)
    expect(all(['Damaged items'], 'If an item arrives damaged, send us a photo within 48 hours.')).toEqual(['What can I do about damaged items?', 'What do I need to know about damaged items?']);
    expect(all(['Refunds'], 'Refunds take 5 to 10 working days.')).toContain('How long do refunds take?');
    expect(all(['Delivery options and fees'], 'Standard delivery takes 3-5 working days; the fee is £3.99.').filter((q) => /how (?:long|much)/iu.test(q))).toEqual([
      'How long does delivery take?',
      'How much does delivery cost?',
    ]);
    // the shop's "Our 2-year warranty" is no situation of the customer's
    expect(all(['Our 2-year warranty'], 'All products come with a 2-year warranty.')).toEqual([
      'What is your 2-year warranty?',
      'What do I need to know about your 2-year warranty?',
      'How long is your 2-year warranty?',
    ]);
  });

  it('reads a government page\'s headings for what they are: tasks, activities, who a page is for, statements, nothing', () => {
    const first = (heading: string, text = 'Veterans who served may apply online.') => generateQuestions({ headingPath: ['Benefits', heading], text })[0]?.question;
    // a task in any imperative, in a sentence's case, "your" as the asker's "my"
    expect(first('Understand The Application Process')).toBe('How do I understand the application process?');
    expect(first('Keep Good Records')).toBe('How do I keep good records?');
    expect(first('Determine Exactly What You Need Before You Buy a Vehicle')).toBe('How do I determine exactly what I need before I buy a vehicle?');
    // an activity (Accepting Financial Aid), not "What is the Accepting Financial Aid?"
    expect(first('Accepting Financial Aid')).toBe('What do I need to know about accepting financial aid?');
    expect(first('Housing Assistance')).toBe('What is the Housing Assistance?');
    // who a page is for, and when it applies
    expect(first('For Reservists')).toBe('What do reservists need to know?');
    expect(first('For Your Children')).toBe('What do my children need to know?');
    expect(first('Before You Apply')).toBe('What do I need to know before I apply?');
    expect(first("Once You've Applied")).toBe("What happens once I've applied?");
    // a statement is asked as a yes/no question; a relative clause is no statement
    expect(first('Other Payments May Affect Your Disability Benefits')).toBe('Can other payments affect my disability benefits?');
    expect(first('More Eligibility Information You May Need', 'See the chart.')).not.toMatch(/^Can /u);
    // general pages ask nothing of their own
    expect(first('Additional Information', 'See the chart.')).toBeUndefined();
    expect(first('Frequently Asked Questions About Aidan', 'See the chart.')).toBeUndefined();
    // and no template makes a thing of them: no "Who is eligible for Understand Your Benefits?"
    const all = generateQuestions({ headingPath: ['Understand Your Benefits'], text: 'You may be eligible for benefits. A decision takes 30 days and costs $10.' }).map((g) => g.question);
    expect(all.filter((q) => /Who is eligible for|How long|How much/u.test(q))).toEqual([]);
  });

  it('keeps the names a page writes with capitals, and only those', () => {
    const text = 'Veterans exposed to Agent Orange may qualify. You can apply for Medicare online. Moving out of New York State? See Other Payments May Affect Your Benefits. Set Up Direct Deposit today.';
    const names = properNames(text);
    expect([...names].filter((n) => ['Agent Orange', 'Medicare', 'New York', 'New York State'].includes(n)).sort()).toEqual(['Agent Orange', 'Medicare', 'New York', 'New York State']);
    // a sentence's first word, a page title in the text, and a run a sentence opens are no names
    for (const not of ['Veterans', 'Payments', 'Affect Your', 'Set Up', 'Up', 'Direct Deposit']) expect(names.has(not), not).toBe(false);
    const first = (heading: string) => generateQuestions({ headingPath: [heading], text })[0]?.question;
    expect(first('Agent Orange exposure')).toBe('What is the Agent Orange exposure?');
    expect(first('Moving Out Of New York State')).toBe('What do I need to know about moving out of New York State?');
    expect(first('Learn About Medicare')).toBe('How do I learn about Medicare?');
  });

  it('puts a how-to heading into the time and fee templates as "it … to", and a question heading into none', () => {
    const all = (heading: string, text: string) => generateQuestions({ headingPath: ['Warranty', heading], text }).map((g) => g.question);
    const claim = all('How to make a claim', 'Repairs take 7-10 business days and cost $20.');
    expect(claim).toEqual(expect.arrayContaining(['How long does it take to make a claim?', 'How much does it cost to make a claim?']));
    expect(all('What is not covered', 'Damage within 30 days is not covered; repairs cost $20.').filter((q) => /how long does what|how much does what/iu.test(q))).toEqual([]);
    expect(all('My parcel arrived damaged', 'Contact us within 48 hours; a courier collects it free of charge.').filter((q) => /how (?:long|much) does my parcel/iu.test(q))).toEqual([]);
  });
});

describe('similar questions', () => {
  it('puts a longer word in only where the shorter one ends, and keeps 有关 / 要求 whole in the keyword form', () => {
    expect(similarQuestions('物业服务人可以催告业主付款吗？', { n: 30 }).filter((q) => q.includes('物业费服务'))).toEqual([]);
    expect(similarQuestions('物业怎么收费？', { n: 30 })).toContain('物业费怎么收费？');
    expect(keywordForm('有关行政部门需要及时处理吗？', 'zh')).toBe('有关行政部门 及时处理');
    expect(keywordForm('可以要求承运人赔偿吗？', 'zh')).toBe('要求承运人赔偿');
    // 什么时候 / 多长 are question words whole: no 时候发货, 保修期 not 保修期多长
    // (one two-character word alone names no topic: 什么时候发货？ gives no keyword form, was 发货)
    expect(keywordForm('什么时候发货？', 'zh')).toBeUndefined();
    expect(keywordForm('保修期多长？', 'zh')).toBe('保修期');
    expect(similarQuestions('什么时候发货？', { n: 20 })).toEqual(expect.arrayContaining(['何时发货？', '啥时候发货？']));
    // no adverb left as the keyword (一般要等多久呀 → 一般), no word cut after its negation (开不了户 → 开不)
    expect(keywordForm('一般要等多久呀', 'zh')).toBe(undefined);
    expect(keywordForm('开不了户', 'zh')).toBe(undefined);
    // the longer question word first (多长时间, not 多长 + 时间), and 一般纳税人 is a name, not 一般
    expect(keywordForm('发票多长时间能开', 'zh')).toBe('发票 能开');
    expect(keywordForm('一般纳税人开专票', 'zh')).toBe('一般纳税人开专票');
    // a page's menu in quotes: its words, without the quotes and the dash (was 储值卡 在“ -储值卡”在线充值)
    expect(keywordForm('储值卡可以在“我的-储值卡”在线充值吗？', 'zh')).toBe('储值卡 在线充值');
    expect(keywordForm('如何点击“申请售后”？', 'zh')).toBe('点击 申请售后');
  });

  it('offers synonyms, the keyword form and question-word / sentence-pattern variants, deduplicated', () => {
    const s = similarQuestions('退货的运费由谁承担？', { n: 20 });
    expect(s).toEqual(expect.arrayContaining(['退回的运费由谁承担？', '退货的邮费由谁承担？', '退货 运费 承担', '退货的运费由谁出？']));
    expect(new Set(s.map(questionKey)).size).toBe(s.length);
    expect(s).not.toContain('退货的运费由谁承担？');
    expect(similarQuestions('可以提前还款吗', { n: 20 })).toEqual(expect.arrayContaining(['能不能提前还款？', '能提前还款吗？']));
    expect(similarQuestions('微粒贷怎么还款', { n: 20 })).toEqual(expect.arrayContaining(['微粒贷如何还款', '微粒贷咋还款']));
  });

  it('puts 退回 / 退还 (what money does too) only for each other, and a verb-only word only where a clause ends', () => {
    const all = (q: string) => similarQuestions(q, { n: 30 });
    expect(all('款项会原路退回吗？').filter((q) => /退货|退掉|退换货/u.test(q))).toEqual([]);
    expect(all('押金多久退还？')).toContain('押金多久退回？');
    expect(all('押金多久退还？').filter((q) => /退货|退掉/u.test(q))).toEqual([]);
    expect(all('怎么退货？')).toContain('怎么退掉？');
    // a verb-only word goes only where the clause ends: not 退货运费 → 退掉运费
    expect(all('退货运费谁出？').filter((q) => q.includes('退掉'))).toEqual([]);
  });

  it('swaps only words that mean the same in a sentence, not the merely related ones of the lexicon', () => {
    // 协商 is no 仲裁, 证明 the verb is no 证据, 承租 is the other side of 出租: fine as query expansions, wrong here
    const all = [...similarQuestions('买卖双方自行协商处理争议怎么办？', { n: 30 }), ...similarQuestions('买家已证明商品存在质量问题怎么办？', { n: 30 }), ...similarQuestions('承租人可以转租吗？', { n: 30 })];
    for (const wrong of ['仲裁', '调解', '证据', '举证', '出租']) expect(all.some((q) => q.includes(wrong))).toBe(false);
    expect(all).toContain('买卖双方自行协商处理争议该怎么办？');
    // 怎么 of 怎么办 is not swapped on its own (如何办 is no Chinese)
    expect(all.some((q) => /如何办|怎样办/u.test(q))).toBe(false);
  });

  it('puts in a word several groups share (承运人) only by the group the section is about, and a colloquial verb or a selling price only where it fits', () => {
    const all = (q: string, context?: string) => similarQuestions(q, { n: 30, ...(context !== undefined ? { context } : {}) });
    // an article about passengers: no 快递公司 or 航空公司 for its 承运人
    const passengers = all('承运人擅自降低服务标准怎么办？', '承运人擅自降低服务标准的，应当根据旅客的请求退票或者减收票款。');
    expect(passengers.filter((q) => /快递公司|物流公司|航空公司|航司/u.test(q))).toEqual([]);
    expect(all('承运人对运输过程中货物的毁损承担赔偿责任吗？', '承运人对运输过程中货物的毁损、灭失承担赔偿责任。')).toContain('快递公司对运输过程中货物的毁损承担赔偿责任吗？');
    expect(all('航班延误，承运人要赔偿吗？')).toContain('航班延误，航空公司要赔偿吗？');
    // a passenger's checked baggage (旅客托运行李) is no goods topic
    expect(all('承运人弄丢行李怎么办？', '旅客办理托运行李手续的，承运人应当妥善保管。').filter((q) => /快递公司|物流公司/u.test(q))).toEqual([]);
    // 货物的毁损 is a noun: not 货物的弄坏; 快递丢失了 can be 快递弄丢了
    expect(all('承运人对运输过程中货物的毁损承担赔偿责任吗？', '货物').filter((q) => /的(?:弄坏|坏了|摔坏|压坏|磕坏|碰坏)/u.test(q))).toEqual([]);
    expect(all('快递丢失了怎么办？')).toContain('快递弄丢了怎么办？');
    // 运输费用 is 运输 + 费用 (not 运费用), and a service's cost is no selling price
    const fee = all('承运人增加运输费用怎么办？');
    expect(fee.filter((q) => /运费用|售价/u.test(q))).toEqual([]);
    expect(all('这款手机的价格是多少？')).toContain('这款手机的售价是多少？');
  });

  it('keeps to the budget and to what is already known', () => {
    expect(similarQuestions('退货的运费由谁承担？', { n: 2 })).toHaveLength(2);
    expect(similarQuestions('退货的运费由谁承担？', { n: 0 })).toEqual([]);
    expect(similarQuestions('怎么退货', { n: 5, existing: ['如何退货'] })).not.toContain('如何退货');
  });

  it('writes English variants for English questions', () => {
    const s = similarQuestions('How do I get a refund?', { n: 20 });
    // (money back goes only where one gets "my" refund back: not How do I get a money back?)
    expect(s).toEqual(expect.arrayContaining(['How can I get a refund?', 'How do I get a reimbursement?', 'refund']));
    expect(s.filter((v) => /money back/u.test(v))).toEqual([]);
    expect(keywordForm('Who pays for return shipping?', 'en')).toBe('return shipping');
  });

  it('writes English variants a person would write (a help centre\'s generated questions)', () => {
    const all = (q: string) => similarQuestions(q, { n: 20 });
    // no words of the templates in the keyword form
    expect(keywordForm('What do I need to know about the exchanges?', 'en')).toBe('exchanges');
    expect(keywordForm('How long does it take to make a warranty claim?', 'en')).toBe('make warranty claim');
    // capital I and first letter, no "what does it mean not covered?", no question mark after a request
    expect(all('What is not covered?')).toEqual(['not covered']);
    expect(all('What are the exchanges?')).toEqual(expect.arrayContaining(['Tell me about the exchanges', 'Explain the exchanges']));
    expect(all('Your 2-year warranty: what can I do?')).toContain('Your 2-year warranty: what am I able to do?');
    for (const q of ['What do I need to know about the refunds?', 'How do I get a refund?', 'What are the exchanges?']) {
      for (const v of all(q)) expect(v, v).not.toMatch(/\bi\b|^[a-z].*\?$|^(?:explain|tell me).*\?$/u);
    }
    // the template's verb stays (not "How much does X fee?"), and no word twice (not "Shipping & shipping")
    expect(all('How much does express delivery cost?')).toEqual(expect.arrayContaining(['How much does express shipping cost?', 'What is the cost of express delivery?']));
    expect(all('How much does express delivery cost?').filter((v) => /(?:fee|charge|price)\?$/u.test(v))).toEqual([]);
    expect(all('What is the Shipping & Delivery?').filter((v) => /shipping.*shipping/iu.test(v))).toEqual([]);
    expect(all('How does tracking my parcel work?')).toContain('How does tracking my package work?');
    expect(all('How does tracking my parcel work?').filter((v) => /\b(?:job|employment)\?$/u.test(v))).toEqual([]);
  });
});

describe('quality gate', () => {
  it('keeps a variant that finds its own entry and drops one another entry answers better', () => {
    const gate = new LexicalGate([
      { questions: ['退货运费由谁承担？'], context: '质量问题退货由商家承担运费。' },
      { questions: ['退款多久到账？'], context: '退款在3个工作日内原路退回。' },
    ]);
    expect(gate.passes('退货 运费', 0)).toBe(true);
    expect(gate.passes('退款几天到账', 0)).toBe(false);
    expect(gate.passes('退款几天到账', 1)).toBe(true);
  });
});

describe('extraction', () => {
  it('reads Q:/A: and 问：/答： pairs, and question lines followed by answers', () => {
    expect(pairsInText('Q: Do you ship abroad? A: Yes.\nQ: Can I pay later? A: No.')).toEqual([
      { question: 'Do you ship abroad?', answer: 'Yes.' },
      { question: 'Can I pay later?', answer: 'No.' },
    ]);
    expect(pairsInText('问：能开发票吗？\n答：可以。')).toEqual([{ question: '能开发票吗？', answer: '可以。' }]);
    expect(pairsInText('1. 怎么退货？\n在订单页申请。\n2. 退款多久到账？\n三个工作日。')).toEqual([
      { question: '怎么退货？', answer: '在订单页申请。' },
      { question: '退款多久到账？', answer: '三个工作日。' },
    ]);
    expect(pairsInText('本店支持七天无理由退货。\n怎么退货？\n在订单页申请。')).toBeUndefined();
    // a PDF line may hold both markers, with no space in Chinese text
    expect(pairsInText('Q：可以开专用发票吗？A：可以，请在订单页申请。\nQ：发票开错了怎么办？A：联系客服重开。')).toEqual([
      { question: '可以开专用发票吗？', answer: '可以，请在订单页申请。' },
      { question: '发票开错了怎么办？', answer: '联系客服重开。' },
    ]);
    expect(pairsInText('问：退货运费谁出？答：质量问题由商家承担。')).toEqual([{ question: '退货运费谁出？', answer: '质量问题由商家承担。' }]);
  });

  it('reads two-column question/answer tables', () => {
    expect(pairsInTable({ kind: 'table', rows: [['问题', '答案'], ['能退货吗？', '可以。']] })).toEqual([{ question: '能退货吗？', answer: '可以。' }]);
    expect(pairsInTable({ kind: 'table', rows: [['商品', '价格'], ['A', '10元']] })).toEqual([]);
    // a manual's troubleshooting table: each row a question, its cause and solution the answer
    expect(pairsInTable({ kind: 'table', rows: [['故障现象', '可能原因', '解决方法'], ['无法开机', '电源插头未插好', '检查电源插头'], ['指示灯闪烁', '', '长按复位键']] })).toEqual([
      { question: '无法开机怎么办？', answer: '可能原因：电源插头未插好\n解决方法：检查电源插头' },
      { question: '指示灯闪烁怎么办？', answer: '解决方法：长按复位键' },
    ]);
    expect(pairsInTable({ kind: 'table', rows: [['Problem', 'Solution'], ['The kettle does not switch on', 'Plug it in'], ['Limescale', 'Descale monthly']] }).map((p) => p.question)).toEqual([
      'What should I do if the kettle does not switch on?',
      'What should I do about limescale?',
    ]);
    // a table with a problem column but no solution column is data, not Q&A
    expect(pairsInTable({ kind: 'table', rows: [['故障现象', '发生次数'], ['无法开机', '3']] })).toEqual([]);
  });

  it('extracts the FAQ pages of the fixtures (HTML headings, Markdown Q:/A:)', async () => {
    const { entries, stats } = await fixtureEntries(0);
    const extracted = entries.filter((e) => e.origin === 'extracted');
    expect(stats.extracted).toBe(7);
    expect(extracted.map((e) => e.question)).toEqual([
      '忘记登录密码怎么办？',
      '下单后可以修改收货地址吗？',
      '退货的运费由谁承担？',
      '支持哪些支付方式？',
      'How long does delivery take?',
      'Do you ship abroad?',
      'Can I change my delivery address?',
    ]);
    expect(extracted[2]?.answer).toBe('因质量问题退货的，运费由商家承担；非质量问题退货的，运费由买家承担。');
    expect(extracted[4]?.answer).toBe('Standard delivery takes 3 to 5 business days.');
  });
});

describe('generateEntries', () => {
  it('gives every section entries with rules, sources and gated similar questions', async () => {
    const { entries, items, stats } = await fixtureEntries(5);
    const article4 = entries.find((e) => e.source?.headingPath.at(-1) === '第四条');
    expect(article4).toMatchObject({ question: '商品存在质量问题怎么办？', rule: 'condition', origin: 'generated', answer: '商品存在质量问题的，买家可以要求商家退货或者换货，退货运费由商家承担。' });
    expect(article4?.similar).toContain('示例商城售后服务规则 / 第二章 退货与退款 / 第四条');
    // an article that says what the rules are for asks it (was its heading path, 2026-11-27)
    expect(entries.find((e) => e.source?.headingPath.at(-1) === '第一条')).toMatchObject({ question: '示例商城售后服务规则的目的是什么？', rule: 'purpose' });
    for (const item of items) expect(item.entry.similar.length).toBeLessThanOrEqual(item.questions.length - 1 + 5);
    expect(stats.similarKept + stats.similarDropped).toBe(stats.similarProposed);
    expect(stats.byRule['condition']).toBeGreaterThan(0);
  });

  it('gives two sections whose rules wrote the same first question each a question of its own', async () => {
    const run = await ingestPaths([join(FIXTURES, '../generate-shared')]);
    const { entries } = generateEntries(run.documents, { similar: 0 });
    const of = (article: string) => entries.find((e) => e.source?.headingPath.at(-1) === article);
    // both articles open with 商品存在质量问题的，…: it stays a similar question of each
    expect(of('第五条')).toMatchObject({ question: '退货运费由谁承担？', rule: 'who-pays' });
    expect(of('第九条')?.question).not.toBe('商品存在质量问题怎么办？');
    for (const article of ['第五条', '第九条']) expect(of(article)?.similar).toContain('商品存在质量问题怎么办？');
    expect(new Set(entries.map((e) => e.question)).size).toBe(entries.length);
  });

  it('gives each row of a manual\'s troubleshooting table an entry of its own', async () => {
    const run = await ingestPaths([join(FIXTURES, '../generate-manual')]);
    const { entries } = generateEntries(run.documents, { similar: 0 });
    const rows = entries.filter((e) => e.source?.headingPath.at(-1) === '故障排除' || e.source?.headingPath.at(-1) === 'Troubleshooting');
    expect(rows.map((e) => e.question)).toEqual([
      '无法开机怎么办？',
      '出风量明显变小怎么办？',
      '运行时有异味怎么办？',
      '滤网指示灯闪烁怎么办？',
      'What should I do if the kettle does not switch on?',
      'What should I do if the water tastes of plastic?',
      'What should I do about limescale?',
    ]);
    expect(rows.every((e) => e.origin === 'extracted')).toBe(true);
    expect(rows[1]?.answer).toBe('可能原因：滤网积尘过多\n解决方法：清洁或更换滤网');
    // the table is the section: no entry answering with the whole table besides its rows
    expect(entries.filter((e) => e.answer.includes('电源插头未插好'))).toHaveLength(1);
  });

  it('is deterministic and --similar 0 adds no similar questions', async () => {
    const a = await fixtureEntries(5);
    const b = await fixtureEntries(5);
    expect(JSON.stringify(a.entries)).toBe(JSON.stringify(b.entries));
    const none = await fixtureEntries(0);
    expect(none.stats.similarKept).toBe(0);
    for (const item of none.items) expect(item.entry.similar).toHaveLength(item.questions.length - 1);
  });

  it('builds byte-identical indexes end to end, with more variants at --similar 5 than 0', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-generate-'));
    try {
      const five = [join(dir, 'a.json'), join(dir, 'b.json')];
      const stats = [];
      for (const out of five) stats.push(await build({ sources: [FIXTURES], out }));
      const zero = await build({ sources: [FIXTURES], out: join(dir, 'c.json'), similar: 0 });
      expect(stats[0]?.ok && zero.ok).toBe(true);
      expect(await readFile(five[0] as string)).toEqual(await readFile(five[1] as string));
      if (stats[0]?.ok === true && zero.ok) expect(stats[0].value.variants).toBeGreaterThan(zero.value.variants);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
