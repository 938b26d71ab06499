import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, buildFromEntries } from '../build/index.js';
import { BUILD_TIMEOUT, logOdds, ROOT, tempDir } from '../test-support/kb.js';
import type { Entry } from '../store/entry.js';
import { indexFromBytes } from './load.js';
import { Associations } from './associations.js';
import { parseIndex } from './index-file.js';
import { KnowledgeBase, leadByCoverage } from './knowledge-base.js';

const faq = (id: string, question: string, similar: string[], answer: string): Entry => ({ id, question, similar, answer, origin: 'faq', status: 'approved' });

const section = (id: string, path: string, headingPath: string[], answer: string): Entry => ({
  id,
  question: [path, ...headingPath].join(' / '),
  similar: [],
  answer,
  origin: 'generated',
  status: 'pending',
  rule: 'heading-path',
  source: { path, headingPath },
});

// A small after-sales FAQ: 微粒贷-style product words, paraphrases, and a chapter of rules.
const ENTRIES: Entry[] = [
  faq('repay', '微粒贷怎么还款', ['微粒贷如何还钱', '微粒贷还款方式', '怎么还微粒贷'], '在微粒贷页面点击“还款”即可。'),
  faq('limit', '微粒贷额度是多少', ['微粒贷能借多少', '微粒贷最高额度', '我的微粒贷额度'], '额度由系统综合评估。'),
  faq('close', '注销微粒贷', ['取消微粒贷', '关闭微粒贷', '不想用微粒贷了怎么注销'], '结清借款后可申请关闭。'),
  faq('cancel-loan', '取消借款', ['借款申请怎么撤回', '不想借了能撤销吗', '撤销借款申请'], '放款前可以撤销借款申请。'),
  faq('interest', '利息怎么算', ['微粒贷利息多少', '一天利息多少钱', '利息按日计算吗'], '按日计息，随借随还。'),
  faq('return-fee', '退货运费谁出', ['退货邮费谁承担', '退货要自己付运费吗', '退回商品的运费'], '质量问题由商家承担运费，无理由退货由买家承担。'),
  faq('invoice', '怎么开发票', ['可以开发票吗', '发票在哪里申请', '能开专票吗'], '在订单详情中申请电子发票。'),
  faq('no-refund', '为什么没有收到退款', ['退款一直没到账', '退款没收到怎么办', '钱没退回来'], '退款原路返回，一般三个工作日到账。'),
  section('s-832', 'contract-law.txt', ['第十九章 运输合同', '第八百三十二条'], '承运人对运输过程中货物的毁损、灭失承担赔偿责任。'),
  section('s-833', 'contract-law.txt', ['第十九章 运输合同', '第八百三十三条'], '货物的毁损、灭失的赔偿额，当事人有约定的，按照其约定。'),
  section('s-820', 'contract-law.txt', ['第十九章 运输合同', '第八百二十条'], '承运人应当按照有效客票记载的时间、班次和座位号运输旅客。'),
  section('s-700', 'contract-law.txt', ['第十四章 租赁合同', '第七百零三条'], '租赁合同是出租人将租赁物交付承租人使用、收益，承租人支付租金的合同。'),
  section('s-701', 'contract-law.txt', ['第十四章 租赁合同', '第七百零四条'], '租赁合同的内容一般包括租赁物的名称、数量、用途、租赁期限、租金及其支付期限和方式。'),
];

let kb: KnowledgeBase;
let bytes: Buffer;

beforeAll(async () => {
  const built = await buildFromEntries(ENTRIES, {});
  if (!built.ok) throw new Error(JSON.stringify(built.problems));
  bytes = built.value.bytes;
  kb = indexFromBytes(bytes);
});

const top = (q: string): string | undefined => kb.search(q, { k: 1 })[0]?.id;

describe('KnowledgeBase.search', () => {
  it('scores each question variant on its own and reports the one that matched', () => {
    const [hit] = kb.search('微粒贷能借多少钱', { k: 3 });
    expect(hit?.id).toBe('limit');
    expect(hit?.matched).toBe('微粒贷能借多少');
    expect(hit?.matchedTerms).toEqual(expect.arrayContaining(['微粒贷']));
  });

  it('finds the entry when the customer mistypes a product name that sounds the same', () => {
    expect(top('微利贷怎么还款')).toBe('repay');
    expect(top('威力贷额度多少')).toBe('limit');
    // the homophone index comes with the index file (not sounded out at the first question)
    expect(kb.analyzer.settings.homophones?.split('\n')).toContain('wei li dai\t微粒贷');
  });

  it('bridges colloquial and formal words with the built-in lexicon', () => {
    // 快递 / 弄丢 / 赔 are nowhere in the articles; 承运人 / 灭失 / 赔偿 are
    const ids = kb.search('快递把我的东西弄丢了能要求赔偿吗', { k: 3 }).map((h) => h.id);
    expect(ids[0]).toMatch(/^s-83[23]$/);
  });

  it('keeps negations, so 没有收到退款 finds the missing-refund entry', () => {
    expect(top('怎么没有收到退款')).toBe('no-refund');
  });

  it('returns nothing for k = 0 and the default five for k = NaN', () => {
    expect(kb.search('微粒贷', { k: 0 })).toEqual([]);
    expect(kb.search('微粒贷', { k: Number.NaN })).toEqual(kb.search('微粒贷'));
  });

  it('gives a close paraphrase more confidence than an unrelated question, and threshold drops the rest', () => {
    const good = kb.search('退货的运费由谁承担', { k: 1 })[0];
    const vague = kb.search('请问一下', { k: 1 })[0];
    expect(good?.id).toBe('return-fee');
    expect(good!.confidence).toBeGreaterThan(vague?.confidence ?? 0);
    expect(kb.search('退货的运费由谁承担', { k: 5, threshold: good!.confidence + 1e-4 })).toEqual([]);
    expect(kb.search('退货的运费由谁承担', { k: 1, threshold: good!.confidence })[0]?.id).toBe('return-fee');
  });

  it('does not take a big lead over poor hits for an answer: the margin counts as far as the hit covers the question', async () => {
    const others = ['积分', '地址', '优惠券', '会员', '客服', '支付', '订单', '库存', '门店', '礼品卡', '预售', '定制', '安装', '清洗'];
    const shop = await buildFromEntries(
      [
        ...others.map((w, i) => faq(`other-${i}`, `${w}怎么办理`, [`${w}在哪里看`], `${w}的说明。`)),
        faq('quality', '质量问题怎么退换', ['超过15天但在保修期内怎么办'], '签收后15天内发现质量问题可退换；超过15天在保修期内的免费维修。'),
        faq('invoice', '怎么开发票', ['可以开发票吗'], '在订单详情中申请电子发票。'),
        faq('return-fee', '退货运费谁出', ['退货邮费谁承担'], '质量问题由商家承担运费。'),
      ],
      {},
    );
    if (!shop.ok) throw new Error('build failed');
    const small = indexFromBytes(shop.value.bytes);
    // 今天几号 / 今天天气怎么样 share only 天 (of 15天) with one entry and nothing with the rest: margin
    // 1 at coverage 0.09 made them 0.37 and 0.34 with the margin as it is (under the defaults before
    // 2026-11-27; 0.24 now, about 0.9 with the margin counted whole)
    for (const chitchat of ['今天几号', '今天天气怎么样']) expect([chitchat, (small.search(chitchat, { k: 1 })[0]?.confidence ?? 0) < 0.3]).toEqual([chitchat, true]);
    // questions the KB answers keep their confidence (0.95, 0.96 before)
    expect(small.search('退货运费谁出', { k: 1 })[0]?.confidence).toBeGreaterThan(0.95);
    expect(small.search('怎么开发票', { k: 1 })[0]?.confidence).toBeGreaterThan(0.95);
    expect(leadByCoverage(0.87, 0.36)).toBeCloseTo(0.3132, 4);
    expect(leadByCoverage(0.5, 1.3)).toBe(0.5);
  });

  it('lowers confidence for words the KB has never seen, little for a single character, not for typos it explains', () => {
    const confidence = (q: string): number => kb.search(q, { k: 1 })[0]?.confidence ?? 0;
    // 发票 is all this KB knows of these questions; 抬头 / 修改 / password are words it never uses
    // (in log-odds: near 1 a confidence moves little; 0.71 and 0.87 against 0.996)
    expect(logOdds(confidence('发票抬头怎么修改'))).toBeLessThan(logOdds(confidence('发票')) - 2);
    expect(logOdds(confidence('invoice password 发票'))).toBeLessThan(logOdds(confidence('发票')) - 2);
    // a single character the KB lacks (快) counts half a word: little against a question it otherwise covers
    expect(confidence('怎么开发票快')).toBeLessThan(confidence('怎么开发票'));
    expect(confidence('怎么开发票快')).toBeGreaterThan(confidence('怎么开发票') - 0.05);
    expect(confidence('怎么开发票快')).toBeGreaterThan(0.5);
    // a product name mistyped by sound is explained by the homophone match
    expect(confidence('微利贷怎么还款')).toBeGreaterThan(0.5);
    // so is a word typed in pinyin: a hit on 发票 covers fapiao at the reading's weight (it was 0.02)
    expect(kb.search('fapiao', { k: 1 })[0]?.id).toBe('invoice');
    expect(confidence('fapiao')).toBeGreaterThan(confidence('发票') - 0.25);
  });

  it('gives a question made only of question words (怎么办, how) no coverage: it names no topic', () => {
    const [hit] = kb.search('怎么办', { k: 1 });
    expect(hit?.id).toBe('no-refund'); // 退款没收到怎么办 has the word
    expect(hit!.confidence).toBeLessThan(0.3);
    expect(kb.search('怎么开发票', { k: 1 })[0]?.confidence).toBeGreaterThan(0.5);
  });

  it('lifts the articles of the chapter a question is about (context groups)', () => {
    // 租金 is only in one article; the chapter on 租赁合同 makes its sibling a runner-up
    const ids = kb.search('租房合同要写哪些内容', { k: 3 }).map((h) => h.id);
    expect(ids.slice(0, 2).sort()).toEqual(['s-700', 's-701']);
  });
});

describe('candidates', () => {
  // thirty entries share "shipping status"; one entry has the question's strong words
  const CITIES = 'london paris berlin madrid rome vienna prague dublin lisbon oslo helsinki warsaw athens zurich geneva milan naples porto seville bruges ghent leeds bristol cardiff glasgow york bath derby exeter chester'.split(' ');
  let many: KnowledgeBase;
  beforeAll(async () => {
    const entries = [
      ...CITIES.map((city, i) => faq(`ship-${i}`, `shipping status of parcels from ${city}`, [], `Parcels from ${city} ship daily.`)),
      faq('bare', 'shipping status', [], 'See the tracking page.'),
      faq('warranty', 'how do I claim the warranty for a cracked screen', ['warranty claim for a broken screen'], 'Send a photo to support; the shipping status of the repair is on the tracking page.'),
    ];
    const built = await buildFromEntries(entries, { lexicon: false });
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    many = indexFromBytes(built.value.bytes);
  });

  it('scores every entry sharing a term with the question while the strong terms find few', () => {
    many.maxCandidates = Number.POSITIVE_INFINITY;
    const ids = many.search('warranty claim shipping status', { k: 5 }).map((h) => h.id);
    expect(ids).toHaveLength(5);
    expect(ids.slice(0, 2).sort()).toEqual(['bare', 'warranty']);
  });

  it('past the limit, lets the weaker terms score only the candidates found, and scores those exactly', () => {
    many.maxCandidates = Number.POSITIVE_INFINITY;
    const exhaustive = many.search('warranty claim shipping status', { k: 5 }).find((h) => h.id === 'warranty');
    many.maxCandidates = 1;
    const hits = many.search('warranty claim shipping status', { k: 5 });
    // warranty and claim (one entry each) found the candidate; shipping and status admit no one
    // more, but still add to its score (its answer has them)
    expect(hits.map((h) => h.id)).toEqual(['warranty']);
    expect(hits[0]?.score).toBe(exhaustive?.score);
    expect(hits[0]?.matchedTerms).toEqual(expect.arrayContaining(['shipping', 'status']));
    // nor does a term admit more entries than would take the candidates past twice the limit
    many.maxCandidates = 2;
    expect(many.search('warranty claim shipping status', { k: 5 }).map((h) => h.id)).toEqual(['warranty']);
    // a weak term's long list is searched for the candidates, not scanned: the same scores
    many.maxCandidates = Number.POSITIVE_INFINITY;
    const full = many.search('london parcels shipping status', { k: 1 })[0];
    many.maxCandidates = 1;
    const searched = many.search('london parcels shipping status', { k: 1 })[0];
    expect(searched?.id).toBe('ship-0');
    expect(searched?.score).toBe(full?.score);
    // a question of weak words only still finds its entries: the first term is always read in full
    expect(many.search('shipping status', { k: 3 }).length).toBe(3);
  });

  it('reads the question’s own words before its expansions, so a rare expansion cannot crowd out the entry that asks it word for word', async () => {
    // 发出 (the lexicon's word for 发货) is in one answer only: the rarest term of the question's
    // expansions, rarer than any of its own words
    const entries = [
      faq('target', '冰箱什么时候发货？', [], '下单后48小时内发货。'),
      faq('swap', '冰箱怎么换货？', [], '审核通过后新品当天发出。'),
      ...['手机', '耳机', '空调', '电视', '洗衣机'].map((p, i) => faq(`ship-${i}`, `${p}什么时候发货？`, [], `${p}下单后当天发货。`)),
      ...['保修', '安装', '退货'].map((w, i) => faq(`fridge-${i}`, `冰箱怎么${w}？`, [], `冰箱${w}请联系客服。`)),
    ];
    const built = await buildFromEntries(entries, {});
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const small = indexFromBytes(built.value.bytes);
    expect(small.queryTerms('冰箱什么时候发货').get('发出')).toBeGreaterThan(0);
    small.maxCandidates = 1;
    expect(small.search('冰箱什么时候发货', { k: 1 })[0]?.id).toBe('target');
  });
});

describe('the index file', () => {
  it('ranks the same from the counts the file carries as from counting every variant posting at load', () => {
    const parsed = parseIndex(bytes);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.data.variants.invMass?.length).toBeGreaterThan(0);
    const counted = new KnowledgeBase({ ...parsed.data, variants: { ...parsed.data.variants, entryDf: new Uint8Array(0), invMass: new Uint8Array(0) } });
    expect(Buffer.compare(Buffer.from(counted.variantStats().invMass), Buffer.from(parsed.data.variants.invMass ?? []))).toBe(0);
    for (const q of ['微粒贷怎么还款', '威力贷额度多少', '退货运费谁出', '怎么取消订单', 'refund']) expect(counted.search(q, { k: 5 })).toEqual(kb.search(q, { k: 5 }));
  });

  it('is byte-identical when built twice from the same entries', async () => {
    const again = await buildFromEntries(ENTRIES, {});
    expect(again.ok && Buffer.compare(again.value.bytes, bytes) === 0).toBe(true);
  });

  it('embeds learned associations between the words of one entry’s paraphrases', () => {
    // 撤销 / 撤回 / 取消 stand in different variants of the same entries
    const fromCancel = kb.related('取消').map(([w]) => w);
    expect(fromCancel.length).toBeGreaterThan(0);
  });

  it('carries the lexicon as weighted expansions, and none when the lexicon is off', async () => {
    expect(kb.related('弄丢')).toEqual(expect.arrayContaining([['灭失', 0.5]]));
    const off = await buildFromEntries(ENTRIES, { lexicon: false });
    expect(off.ok).toBe(true);
    if (!off.ok) return;
    expect(indexFromBytes(off.value.bytes).related('弄丢')).toEqual([]);
  });

  it('finds the no-reason return for a customer who bought the wrong thing, damage for goods that came crushed, the hotline for 售后电话 (lexicon)', async () => {
    // among enough other entries: an expansion to a word in a tenth of the entries or more is not made
    const others = ['积分', '地址', '优惠券', '会员', '客服', '支付', '订单', '库存', '门店', '礼品卡', '预售', '定制', '安装', '清洗'];
    const shop = await buildFromEntries(
      [
        faq('invoice', '怎么开发票', ['可以开发票吗', '发票在哪里申请'], '在订单详情中申请电子发票。'),
        ...others.map((w, i) => faq(`other-${i}`, `${w}怎么办理`, [`${w}在哪里看`], `${w}的说明。`)),
        faq('no-reason', '七天无理由退货', ['如何申请无理由退货', '无理由退货要什么条件'], '签收后七天内，商品完好可申请无理由退货。'),
        faq('warranty', '保修多久', ['保修期是多长', '哪些情况不保修'], '整机保修一年。'),
        faq('damaged', '商品破损怎么办', ['收到的商品损坏了', '包裹破损'], '签收时发现破损请拍照并联系客服。'),
        faq('contact', '联系方式', ['服务热线是多少'], '服务热线400-123-4567，每天9点到21点。'),
        faq('price', '价格保护', ['能保价吗'], '签收后七天内同款降价，可申请价格保护。'),
        faq('missing', '收到的商品少件怎么办', ['漏发了怎么办'], '请拍照联系客服，核实后补发。'),
      ],
      {},
    );
    if (!shop.ok) throw new Error('build failed');
    const first = (q: string) => indexFromBytes(shop.value.bytes).search(q, { k: 1 })[0]?.id;
    // 买贵了 and 少发 are words these entries never write (a user test found nothing for them)
    expect(first('买贵了')).toBe('price');
    expect(first('少发了一件')).toBe('missing');
    expect(first('不想要了能退吗')).toBe('no-reason');
    expect(first('买错了')).toBe('no-reason');
    expect(first('东西压坏了')).toBe('damaged');
    expect(first('售后电话给我一个')).toBe('contact');
  });

  it('lets the lexicon’s words stand in for a customer’s word the KB never writes (搞丢 → 灭失), yet counts the word as unseen', () => {
    // 搞丢 was an unseen word with 灭失 as a weak expansion (0.5): 退货运费谁出 came first on 谁
    const [hit] = kb.search('东西搞丢了找谁', { k: 1 });
    expect(['s-832', 's-833']).toContain(hit?.id);
    // the KB does not say 搞丢: less sure than the same question in its own words
    const own = kb.search('货物灭失找谁', { k: 1 })[0];
    expect(['s-832', 's-833']).toContain(own?.id);
    expect(hit?.confidence ?? 1).toBeLessThan(own?.confidence ?? 0);
  });

  it('bridges a word the same whatever the order of the question’s words', async () => {
    const others = ['积分', '地址', '优惠券', '会员', '客服', '支付', '订单', '库存', '门店', '礼品卡', '预售', '定制', '安装', '清洗'];
    const built = await buildFromEntries(
      [
        ...others.map((w, i) => faq(`other-${i}`, `${w}怎么办理`, [`${w}在哪里看`], `${w}的说明。`)),
        faq('lost', '货物灭失怎么赔偿', ['货物丢失谁赔'], '承运人对货物的灭失承担赔偿责任。'),
        faq('gift', '遗失的赠品怎么办', [], '赠品遗失的从退款中扣除。'),
      ],
      {},
    );
    if (!built.ok) throw new Error('build failed');
    const lost = indexFromBytes(built.value.bytes);
    // 遗失 is 丢失's expansion and 搞丢's bridge: with 搞丢 first it lost its bridge mark (0.15 against 0.11).
    // The words are apart (a comma), so that the test is of their order, not of how 搞丢了丢失 is cut
    // (搞丢 了 丢失 or 搞 丢了 丢失: which one depends on the KB's whole vocabulary)
    const one = lost.search('搞丢，丢失', { k: 3 });
    expect(lost.search('丢失，搞丢', { k: 3 }).map((h) => [h.id, h.confidence])).toEqual(one.map((h) => [h.id, h.confidence]));
  });

  it('keeps customer apart from customs (Porter stems both to custom): a question about customer service does not find the customs page', async () => {
    const shop = await buildFromEntries(
      [
        faq('customs', 'Do you charge customs duties?', ['Who pays customs fees?'], 'Customs duties for orders from overseas are included in the price.'),
        faq('ship', 'How much does shipping cost?', ['What is the delivery fee?'], 'Shipping is free over $50.'),
        faq('return', 'How do I return an item?', ['Can I send it back?'], 'Start a return in My orders within 30 days.'),
        faq('hours', 'When are you open?', ['Opening hours'], 'We answer from 9 am to 9 pm, every day.'),
      ],
      {},
    );
    if (!shop.ok) throw new Error('build failed');
    const kb = indexFromBytes(shop.value.bytes);
    // with Porter's stems alone: customs at 0.92 for customer, 0.55 for customer service
    for (const q of ['customer', 'customer service', 'how do i contact customer service']) expect(kb.search(q, { k: 1 })[0]?.id, q).not.toBe('customs');
    expect(kb.search('customs fees for my parcel', { k: 1 })[0]?.id).toBe('customs');
  });

  it('finds the Chinese entry for an English question or English words in a Chinese one (BILINGUAL_LEXICON), however common its words', () => {
    // 运费 and 退货 are in several entries: as a lexicon expansion neither would be made
    expect(top('who pays for return shipping')).toBe('return-fee');
    expect(top('how do i get an invoice')).toBe('invoice');
    expect(top('refund still not received')).toBe('no-refund');
    expect(top('这个 invoice 怎么弄')).toBe('invoice');
    const terms = kb.queryTerms('who pays the postage');
    expect(terms.get('承担')).toBe(1); // the phrase who pays
    expect(terms.get('运费')).toBe(1);
  });

  it('lets a hit cover an English word through its main translation, as it covers the word itself', () => {
    const confidence = (q: string): number => kb.search(q, { k: 1 })[0]?.confidence ?? 0;
    expect(confidence('invoice')).toBeCloseTo(confidence('发票'), 1);
  });

  it('leads a Chinese question to an English KB’s entry through the words the KB does not use, and a Chinese KB’s words to no English', async () => {
    const english = await buildFromEntries(
      [
        faq('refund', 'How do I get a refund?', ['refund request'], 'Refunds are paid within five days.'),
        faq('invoice', 'Can I get an invoice?', [], 'Invoices are emailed.'),
        faq('warranty', 'What does the warranty cover?', [], 'One year against defects.'),
      ],
      {},
    );
    if (!english.ok) throw new Error('build failed');
    const en = indexFromBytes(english.value.bytes);
    expect(en.related('refund')).toEqual([]);
    expect(en.search('退款要多久', { k: 1 })[0]?.id).toBe('refund');
    expect(en.search('保修期多长', { k: 1 })[0]?.id).toBe('warranty');
    expect([...kb.queryTerms('退货运费谁出').keys()].filter((t) => /^[a-z]/.test(t))).toEqual([]);
  });

  it('expands a question with at most eight related words, never with words most entries have', () => {
    const q = '快递把东西弄丢了，卖家不给退钱也不给换货，退货运费谁出，发票怎么开';
    const own = kb.analyzer.analyzeQuery(q).terms;
    const expansions = [...kb.queryTerms(q).keys()].filter((t) => !own.has(t));
    expect(expansions.length).toBeGreaterThan(0);
    expect(expansions.length).toBeLessThanOrEqual(8);
    expect(expansions).not.toContain('微粒贷'); // in 5 of the 13 entries
  });

  it('counts a question word’s related words in one answer once, not once each (退回, 退还, 退换货, 退掉 for 退货)', async () => {
    // a shop's 赠品与优惠 section, whose answer wrote 退回 and 退还, was the top hit for 怎么退货啊
    const others = ['积分', '地址', '优惠券', '会员', '客服', '支付', '订单', '库存', '门店', '礼品卡', '预售', '定制', '安装', '清洗'];
    const giftScore = async (words: string[]): Promise<number> => {
      const built = await buildFromEntries(
        [
          ...others.map((w, i) => faq(`other-${i}`, `${w}怎么办理`, [`${w}在哪里看`], `${w}的说明。`)),
          faq('allergy', '过敏退货规则', ['过敏了能退货吗'], '签收后30天内凭医院诊断证明可以办理，已开封的也可以。'),
          faq('gift', '赠品有什么规定', [], `赠品规定：${words.map((w) => `赠品可以${w}`).join('，')}。`),
        ],
        {},
      );
      if (!built.ok) throw new Error('build failed');
      const hit = indexFromBytes(built.value.bytes).search('退货', { k: 5 }).find((h) => h.id === 'gift');
      expect(hit?.matchedTerms).toContain('退回');
      return hit?.score ?? 0;
    };
    const one = await giftScore(['退回']);
    const four = await giftScore(['退回', '退还', '退换货', '退掉']);
    // each related word counted whole: 0.219 against 0.101
    expect(four).toBeLessThan(one * 1.5);
  });

  it('marks sections whose question is only a heading path', () => {
    expect(kb.entries.find((e) => e.id === 's-832')?.questionFrom).toBe('heading');
    expect(kb.entries.find((e) => e.id === 'repay')?.questionFrom).toBeUndefined();
  });
});

describe('translations (BILINGUAL_LEXICON) on the shop fixture', () => {
  const shop = join(ROOT, 'fixtures/customer-queries/shop');
  const dir = tempDir();
  /** The shop's Chinese policies, and its English page alone. */
  let chinese: Buffer;
  let english: KnowledgeBase;
  beforeAll(async () => {
    const zh = await build({ sources: ['invoices.md', 'logistics.md', 'refunds.md', 'returns.md', 'warranty.md'].map((f) => join(shop, f)), out: join(dir.path, 'zh.index') });
    const en = await build({ sources: [join(shop, 'shipping-en.md')], out: join(dir.path, 'en.index') });
    if (!zh.ok || !en.ok) throw new Error('the shop does not build');
    chinese = readFileSync(join(dir.path, 'zh.index'));
    english = indexFromBytes(readFileSync(join(dir.path, 'en.index')));
  }, BUILD_TIMEOUT);
  afterAll(() => dir.remove());

  it('answers an English word with no more confidence than the Chinese word asked in Chinese: the word counts once, however many of its translations a hit matches', () => {
    const zh = indexFromBytes(chinese);
    const confidence = (q: string): number => zh.search(q, { k: 1 })[0]?.confidence ?? 0;
    // counting only the main translation, courier (快递, 快递员, 快递公司) got 0.99 where 快递 gets 0.67, order 0.94 where 订单 gets 0.31
    // (in log-odds, which a change of the default calibration's intercept leaves as they are: those were 3.9 and 3.6 apart)
    for (const [word, twin] of [['courier', '快递'], ['order', '订单'], ['warranty', '保修']] as const) {
      expect([word, Math.abs(logOdds(confidence(word)) - logOdds(confidence(twin))) < 1]).toEqual([word, true]);
    }
    for (const [word, twin] of [['refund', '退款'], ['invoice', '发票'], ['repair', '维修']] as const) {
      expect([word, confidence(word) <= confidence(twin) + 0.05]).toEqual([word, true]);
    }
  });

  it('names the matched words as the question writes them: the English word for its Chinese translation, not a stem', () => {
    const zh = indexFromBytes(chinese);
    // was [ '保修', … ] / [ 'warranti' ]: the KB's word or a stem the customer never wrote
    expect(zh.search('how long is the warranty', { k: 1 })[0]?.matchedTerms).toEqual(expect.arrayContaining(['warranty', 'how long']));
    expect(zh.search('Warranties?', { k: 1 })[0]?.matchedTerms).toEqual(['warranties']);
    expect(zh.search('退貨運費誰出', { k: 1 })[0]?.matchedTerms).toEqual(expect.arrayContaining(['退貨', '運費']));
  });

  it('covers a word a bilingual KB writes in English by the word or by its translations, not by both (the sample)', async () => {
    const out = join(dir.path, 'sample.index');
    const sample = await build({ sources: [join(ROOT, 'fixtures/sample')], out });
    if (!sample.ok) throw new Error('the sample does not build');
    const [hit] = indexFromBytes(readFileSync(out)).search('how much is shipping', { k: 1 });
    expect(hit?.question).toBe('How much does shipping cost?');
    // the English entry cannot match 多少 and 运费 (how much, shipping): counted besides how / much / ship, they took it from 0.99 to 0.90
    expect(hit?.confidence).toBeGreaterThan(0.95);
  });

  it('answers a bilingual KB’s English FAQ question asked word for word as surely as its Chinese ones: a hit with the word itself covers it', async () => {
    // the shop's Chinese policies and an FAQ sheet with two English rows, as a shop selling abroad writes it
    const sheet = join(dir.path, 'faq.csv');
    writeFileSync(sheet, 'question,answer\nDo you ship internationally?,"We ship within mainland China, Hong Kong and Macau."\nCan I pay by credit card?,Yes: Visa and Mastercard.\n');
    const out = join(dir.path, 'bilingual.index');
    const built = await build({ sources: [...['logistics.md', 'refunds.md', 'returns.md'].map((f) => join(shop, f)), sheet], out });
    if (!built.ok) throw new Error('the bilingual shop does not build');
    const kb = indexFromBytes(readFileSync(out));
    const [hit] = kb.search('Do you ship internationally?', { k: 1 });
    expect(hit?.question).toBe('Do you ship internationally?');
    // ship's translations (发货, 快递 …), which the English row cannot match, counted against it: 0.85, and 0.88 for pay
    expect(hit?.confidence).toBeGreaterThan(0.95);
    expect(kb.search('Can I pay by credit card?', { k: 1 })[0]?.confidence).toBeGreaterThan(0.95);
  });

  it('takes as translations only the associations the index marks so, not any English word’s Chinese one', () => {
    const parsed = parseIndex(chinese);
    if (!parsed.ok) throw new Error(parsed.reason);
    const { data } = parsed;
    expect(data.model.translations?.length).toBeGreaterThan(0);
    // an association learned from a product name the Chinese KB writes in English, to words most entries have
    const common = ['商品', '退货', '可以', '订单', '申请', '快递', '退款'];
    const associations = [...data.associations.split('\n'), ['iphon', ...common.flatMap((w) => [w, '0.5'])].join('\t')].sort().join('\n');
    const marked = new KnowledgeBase({ ...data, associations });
    expect([...marked.queryTerms('iphone').keys()].filter((t) => common.includes(t))).toEqual([]);
    // an index written without the marks: by script, as before
    const { translations: _, ...unmarked } = data.model;
    const old = new KnowledgeBase({ ...data, model: unmarked, associations });
    expect([...old.queryTerms('iphone').keys()].filter((t) => common.includes(t)).sort()).toEqual([...common].sort());
  });

  it('cuts the bilingual table’s Chinese words whole on a KB that writes no Chinese, so 关税 finds customs duties', () => {
    expect(english.search('关税谁付', { k: 1 })[0]?.question).toBe('Do you charge customs duties?');
    // named as the question writes it, not as the English stem it found (duti)
    expect(english.search('关税谁付', { k: 1 })[0]?.matchedTerms).toEqual(['关税']);
    expect(english.analyzer.analyze('关税')).toContain('关税');
  });

  it('does not count a Chinese question word as a word the English KB lacks: 怎么取消订单 is as sure as cancel order', () => {
    // 怎么 counted as unseen: 0.75 against 0.99
    const [hit] = english.search('怎么取消订单', { k: 1 });
    expect(hit?.question).toBe('How do I cancel my order?');
    expect(hit?.confidence).toBeGreaterThan(0.95);
  });
});

describe('kinds of goods (PRODUCT_KINDS)', () => {
  // an appliance shop's FAQ rows and a manual's troubleshooting rows: one symptom, several products
  const APPLIANCES: Entry[] = [
    faq('wash-smell', '洗衣机有异味怎么办', [], '每月运行一次筒自洁程序，洗完后打开舱门通风。'),
    { ...faq('ac-smell', '空调出风有异味怎么办', [], '可能原因：蒸发器、滤网积尘发霉。解决方法：清洗滤网，开启自清洁功能。'), origin: 'extracted' },
    faq('fridge-noise', '冰箱噪音大正常吗', [], '压缩机启动时有轻微声音属正常现象。'),
    faq('ac-cool', '空调不制冷怎么办', [], '检查遥控器是否设为制冷模式，清洗滤网。'),
    faq('fridge-cool', '冰箱不制冷怎么办', [], '检查温控旋钮，保持冰箱背部通风。'),
    faq('visit-fee', '上门维修收费吗', ['师傅上门要钱吗'], '保修期内上门维修免费，空调、冰箱、洗衣机保修期外收取上门费50元。'),
    faq('install', '洗衣机怎么安装', [], '预约师傅上门安装，进水管和排水管随机附带。'),
    // 空调 in many entries: a common word, worth little on its own
    faq('ac-clean', '空调怎么清洗', [], '拆下滤网用清水冲洗，晾干后装回。'),
    faq('ac-leak', '空调漏水怎么办', [], '检查排水管是否堵塞或弯折。'),
    faq('ac-remote', '空调遥控器失灵', [], '更换电池，对准接收窗再试。'),
    faq('ac-move', '空调移机收费吗', [], '移机收取拆装费200元。'),
    faq('ac-heat', '空调制热效果差怎么办', [], '室外温度过低时制热能力下降，属正常现象。'),
    faq('instalments', '支持分期付款吗', [], '支持花呗分期和信用卡分期。'),
  ];
  let withKinds: KnowledgeBase;
  let without: KnowledgeBase;
  let withBytes: Buffer;
  beforeAll(async () => {
    const on = await buildFromEntries(APPLIANCES, {});
    if (!on.ok) throw new Error(JSON.stringify(on.problems));
    withBytes = on.value.bytes;
    withKinds = indexFromBytes(withBytes);
    // the same index read as one written before the kinds: no such rule
    const parsed = parseIndex(withBytes);
    if (!parsed.ok) throw new Error(parsed.reason);
    const { products: _, ...model } = parsed.data.model;
    without = new KnowledgeBase({ ...parsed.data, model });
  }, BUILD_TIMEOUT);

  it('weighs an entry about another product down, so the one about the product the question names leads clearly', () => {
    // without the kinds the washing machine's short row is level with the air conditioner's on 有异味
    // (a user test's shop, with more rows, ranked it first)
    const [a, b] = without.search('空调有异味', { k: 2 });
    expect([a?.id, b?.id]).toEqual(['ac-smell', 'wash-smell']);
    expect(b!.score / a!.score).toBeGreaterThan(0.9);
    const [first, second] = withKinds.search('空调有异味', { k: 2 });
    expect(first?.id).toBe('ac-smell');
    expect(second?.id).toBe('wash-smell');
    expect(second!.score).toBeCloseTo(b!.score / 2, 3);
    // (log-odds 0.85 apart; 0.49 → 0.69)
    expect(logOdds(first!.confidence)).toBeGreaterThan(logOdds(a!.confidence) + 0.5);
    expect(withKinds.search('冰箱不制冷', { k: 1 })[0]?.id).toBe('fridge-cool');
  });

  it('answers a product the KB has nothing about less surely than without the rule', () => {
    // 电视 is no word this KB writes, but a kind of goods all the same
    const on = withKinds.search('电视没声音', { k: 1 })[0];
    const off = without.search('电视没声音', { k: 1 })[0];
    expect(off?.id).toBe('fridge-noise');
    expect(on?.confidence ?? 0).toBeLessThan((off?.confidence ?? 0) * 0.9);
  });

  it('leaves entries that name no product, or name the question’s product anywhere, as they were', () => {
    // 上门维修收费吗 names no product in its questions; its answer names 空调 too
    for (const q of ['空调上门维修收费吗', '电视上门维修要钱吗']) {
      const a = withKinds.search(q, { k: 1 })[0];
      const b = without.search(q, { k: 1 })[0];
      expect(a?.id).toBe('visit-fee');
      expect(a?.score).toBeCloseTo(b?.score ?? 0, 6);
    }
    // a question naming two kinds is about each of them
    expect(withKinds.search('空调和洗衣机怎么安装', { k: 1 })[0]?.id).toBe('install');
  });

  it('answers an English question about an appliance with the Chinese entry for it (BILINGUAL_LEXICON)', () => {
    expect(withKinds.search('fridge not cooling', { k: 1 })[0]?.id).toBe('fridge-cool');
    expect(withKinds.search('washing machine smells', { k: 1 })[0]?.id).toBe('wash-smell');
    expect(withKinds.search('air conditioner leaking water', { k: 1 })[0]?.id).toBe('ac-leak');
    // install is no instalment (Porter stems installment as install)
    expect(withKinds.search('how do I install the washing machine', { k: 1 })[0]?.id).toBe('install');
    expect(withKinds.search('can I pay in installments', { k: 1 })[0]?.id).toBe('instalments');
  });

  it('writes each kind as the analyzer’s terms, the Chinese names whole and English ones stemmed', () => {
    const parsed = parseIndex(withBytes);
    if (!parsed.ok) throw new Error(parsed.reason);
    const kinds = parsed.data.model.products ?? [];
    expect(kinds).toContainEqual(expect.arrayContaining(['电视', '电视机', 'tv', 'televis']));
    expect(kinds).toContainEqual(expect.arrayContaining(['冰箱', 'fridg']));
    // 电视 is cut whole though the KB never writes it
    expect(withKinds.analyzer.analyze('电视没声音')).toContain('电视');
  });
});

describe("a catalogue's product names (IndexModel.names)", () => {
  // 7 products, each asked the same 7 after-sales questions, and two in English (fixtures/catalogue/faq.jsonl)
  const ROWS: Entry[] = readFileSync(join(ROOT, 'fixtures/catalogue/faq.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('//'))
    .map((line) => {
      const row = JSON.parse(line) as { id: string; question: string; similar: string[]; answer: string };
      return faq(row.id, row.question, row.similar, row.answer);
    });
  let withNames: KnowledgeBase;
  let without: KnowledgeBase;
  let names: string[][] | undefined;
  let associations: Associations;
  beforeAll(async () => {
    const on = await buildFromEntries(ROWS, {});
    if (!on.ok) throw new Error(JSON.stringify(on.problems));
    withNames = indexFromBytes(on.value.bytes);
    // the same index read as one written before the names: every term at its weight
    const parsed = parseIndex(on.value.bytes);
    if (!parsed.ok) throw new Error(parsed.reason);
    names = parsed.data.model.names;
    associations = new Associations(parsed.data.associations);
    const { names: _, ...model } = parsed.data.model;
    without = new KnowledgeBase({ ...parsed.data, model });
  }, BUILD_TIMEOUT);

  it('finds the names and lets what the question asks of the product decide among its entries', () => {
    expect(names).toHaveLength(7);
    expect(names!.flat()).toEqual(expect.arrayContaining(['nova', 'lite', 'halo', '智能手表', '扩展坞']));
    expect(names!.flat()).not.toContain('保修');
    // the product's name weighed most of every one of its entries' scores: the runner-up was level
    for (const [q, want] of [
      ['Halo 2智能手表坏了还在保内吗', 'p5-t1'],
      ['Dock 5扩展坞寄过来收邮费吗', 'p6-t3'],
    ] as const) {
      const [a, b] = without.search(q, { k: 2 });
      expect(a?.id).toBe(want);
      expect(b!.score / a!.score).toBeGreaterThan(0.8);
      const [first, second] = withNames.search(q, { k: 2 });
      expect(first?.id).toBe(want);
      expect(second!.score / first!.score).toBeLessThan(0.8);
      expect(second!.score / first!.score).toBeLessThan(b!.score / a!.score - 0.07);
    }
    // the model word still tells Nova 8 Lite from Nova 8
    expect(withNames.search('Nova 8 Lite手机包邮吗', { k: 1 })[0]?.id).toBe('p1-t3');
  });

  it('reads an English verb and its particle as the word the KB writes (send back → return)', () => {
    // the lexicon's return / send back: the phrase was left out of the expansions (a word that
    // analyzes to two terms), so only `can I send back …` found the return row, through can
    expect(withNames.search('i want to send back my Halo 2 smartwatch', { k: 1 })[0]?.id).toBe('p5-en-return');
    expect(withNames.search('can I send back my Halo 2 smartwatch', { k: 1 })[0]?.id).toBe('p5-en-return');
  });

  it('weighs down the row of a sibling model the question does not name (Nova 8 Lite asked of Nova 8, and back)', () => {
    for (const [q, want, sibling] of [
      ['Nova 8手机出国能用吗', 'p0-t5', 'p1-t5'],
      ['Nova 8 Lite手机出国能用吗', 'p1-t5', 'p0-t5'],
      ['Tune Pro Max降噪耳机坏了去哪修', 'p4-t1', 'p3-t1'],
    ] as const) {
      // the model word (lite, max) is in many rows and weighs little: the sibling was level
      const [a, b] = without.search(q, { k: 2 });
      expect([a?.id, b?.id]).toEqual([want, sibling]);
      expect(b!.score / a!.score).toBeGreaterThan(0.9);
      const hits = withNames.search(q, { k: 5 });
      expect(hits[0]?.id).toBe(want);
      expect(hits.find((h) => h.id === sibling)!.score / hits[0]!.score).toBeLessThan(0.5);
      expect(hits[0]!.confidence).toBeGreaterThan(a!.confidence);
    }
    // a question that names no product weighs no model down: the question's row of every product first
    const plain = withNames.search('出国能用吗', { k: 7 });
    expect(plain.map((h) => h.id).sort()).toEqual(['p0-t5', 'p1-t5', 'p2-t5', 'p3-t5', 'p4-t5', 'p5-t5', 'p6-t5']);
  });

  it('learns a paraphrase a template writes for every product once, not once a product', () => {
    // 换账号 beside 绑定的账号怎么解绑 is one shop's wording, copied to seven products: no evidence that 换 is 解绑
    // (learned from seven entries, 换 looked for 解绑 and 刚买就坏了换不换 found the account entry)
    const related = (associations.get('换') ?? []).map(([b]) => b);
    expect(related).not.toContain('解绑');
    expect(related).not.toContain('账号');
    // …while a word two templates write for the same thing is still learned (电压 / 110v; 修 / 维修 …)
    expect(associations.size).toBeGreaterThan(0);
  });

  it('finds no names in a hand-written FAQ', async () => {
    const built = await buildFromEntries(ENTRIES, {});
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    const parsed = parseIndex(built.value.bytes);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.data.model.names).toBeUndefined();
  }, BUILD_TIMEOUT);
});
