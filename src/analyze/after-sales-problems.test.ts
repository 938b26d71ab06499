// The common after-sales problems as customers say them, in Chinese and in English, against the words a shop's
// pages write for them (the lexicon's "after-sales problems" groups, chat.ts's counted missing goods and stuck
// parcels, english.ts's plainEnglish phrases; written from the trade, 2026-11-28). The fixtures are two made-up
// help pages (fixtures/after-sales-zh, fixtures/after-sales-en); each case names what kb found before.
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, fixtureKb, topSection } from '../test-support/kb.js';
import { chatToPlain } from './chat.js';
import { plainEnglish } from './english.js';

describe('chatToPlain: goods counted missing, a parcel stuck somewhere', () => {
  it.each([
    ['买了两个只收到一个', '买了两个只收到一个，少件'],
    ['少了一件', '少了一件，少件'],
    ['缺了1个', '缺了1个，少件'],
    ['缺一个安装螺丝', '缺一个，少件安装螺丝'],
    ['包裹卡在中转站', '包裹滞留在中转站'],
    ['快递一直卡住了', '快递一直滞留了'],
  ])('%s → %s', (text, plain) => {
    expect(chatToPlain(text)).toBe(plain);
  });

  it.each(['至少一个', '只发了一个快递', '少了一斤', '储值卡在哪买', '多少个',
    // a count of time, people, characters or codes is no missing goods; a part or a file stuck is no parcel
    '少了一个月的会员', '只来了一个安装师傅', '怎么只到了一个人', '标题少一个字', '只收到一个验证码',
    '零件卡在里面拿不出来', '文件卡在打印机里', '配件卡在卡槽里', '拉链卡住了'])('leaves %s as it is', (text) => {
    expect(chatToPlain(text)).toBe(text);
  });
});

describe('plainEnglish: after-sales problems as customers put them', () => {
  it.each([
    ['my payment didnt go through', 'my payment declined'],
    ["my card won't go through", 'my card declined'],
    ['my e gift card never showed up', 'my e gift card not arrived'],
    ['my order never came', 'my order not arrived'],
    ['nobody was home when the truck came', 'missed delivery nobody home when the truck came'],
    ["i wasn't home", 'i missed delivery nobody home'],
    ['only got 2 of the 3 boxes', 'only got 2 missing of the 3 boxes'],
    ["i didn't get all my items", 'i missing my items'],
    ['the kettle stopped working', 'the kettle defective'],
    ["it won't turn on", 'it defective'],
    ['can i pay later', 'can i pay in installments'],
    ['can i split the payment into 4', 'can i pay in installments into 4'],
    ["my card didn't go through on the first try", 'my card declined on the first try'],
    ['my payment wont go thru', 'my payment declined'],
    ["my payment didn't go through the first time", 'my payment declined the first time'],
  ])('%s → %s', (text, plain) => {
    expect(plainEnglish(text)).toBe(plain);
  });

  it.each([
    'my payment went through',
    'the payment was charged twice',
    'the sofa never came with legs',
    'promo code not working',
    'is anyone home on weekends',
    'only one promo code per order',
    // going through a door or customs is no payment; splitting a payment between cards is no financing
    "what if the couch doesn't go through the doorway",
    "it won't go through the front door",
    'will my package not go through customs',
    'can we split the payment between two cards',
    'can i split the bill with my friend',
    // part of a refund is no missing item
    'i only got half my refund',
    'only received part of my refund why',
    'i only got 20 dollars back',
    // a code, a card or the site that stopped working is no defective goods; nor a setting not turned on
    'the discount code stopped working at checkout',
    'my gift card stopped working',
    'the website stopped working when i try to pay',
    'the app wont turn on notifications',
    // a refund that never came is no parcel
    'my refund never came',
    'my refund never showed up',
  ])('leaves %s as it is', (text) => {
    expect(plainEnglish(text)).toBe(text);
  });

  it('reads money back as a refund, no missing item', () => {
    expect(plainEnglish('why did i only get some of my money back')).toBe('why did i only get some of my refund');
  });
});

describe("a shop's customers saying its after-sales problems in their own words (Chinese)", () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await fixtureKb(['fixtures/after-sales-zh']);
  }, BUILD_TIMEOUT);

  it.each([
    // (裂了 and 压扁 met nothing: the page writes 破损)
    ['外壳裂了怎么办', '收到商品破损'],
    ['寄来的时候都压扁了', '收到商品破损'],
    // (开不了机 met nothing of 故障)
    ['用了一个月开不了机了', '商品故障与维修'],
    // (不想要 looked for the no-reason return only)
    ['还没发货 我不想要了', '取消订单'],
    // (两个 | 只 | 收到: nothing of 少件)
    ['买了两个只收到一个', '少发漏发'],
    // (卡 | 在 | 中转站: nothing of 未更新)
    ['包裹卡在中转站好几天了', '物流信息不更新'],
    ['付不了款', '付款失败'],
    ['想换大一码', '换尺码'],
    // (漏 | 水: nothing of the page's 故障)
    ['热水器漏水了', '商品故障与维修'],
  ])('%s → %s', (question, section) => {
    expect(topSection(kb, question)).toBe(section);
  });

  // (卡住 was a word of the tracking group: a stuck zip found the parcel whose tracking stopped)
  it.each(['拉链卡住了', '机器卡住了不动'])('%s finds no stopped tracking', (question) => {
    expect(topSection(kb, question)).not.toBe('物流信息不更新');
  });

  // (these found their sections through 积分, 账号 and 物流 already: the page's words they now look for)
  it.each([
    ['积分能当钱花吗', '抵扣'],
    ['账号登不上了', '登录失败'],
    ['单号查不到物流', '未更新'],
    ['密码忘了怎么办', '忘记密码'],
    ['东西用过了还能退吗', '未使用'],
  ])('reads %s with %s', (question, term) => {
    expect([...kb.queryTerms(question).keys()]).toContain(term);
  });

  it('reads 寄回哪里 as the page\'s 退货地址 (both 寄回 and 地址 found the return address already: the word itself)', () => {
    expect([...kb.queryTerms('寄回哪里').keys()]).toContain('退货地址');
  });
});

describe("a shop's customers saying its after-sales problems in their own words (English)", () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await fixtureKb(['fixtures/after-sales-en']);
  }, BUILD_TIMEOUT);

  it.each([
    // (go through met nothing)
    ['my card wont go through', 'Declined payments'],
    ['nobody was home when the truck came', 'Missed deliveries'],
    ['only got 2 of the 3 things i ordered', 'Missing items'],
    // (stole was read as store)
    ['someone stole my package', 'Lost or stolen packages'],
    // (working met How scheduling works)
    ['my lamp stopped working', 'Defective products'],
  ])('%s → %s', (question, section) => {
    expect(topSection(kb, question)).toBe(section);
  });

  // (a page of a dozen sections expands no question word to a word of one of them: the relations themselves)
  it('relates a crushed box and a bent leg to damaged, a stuck parcel to delayed', () => {
    expect(kb.related('crush').map(([term]) => term)).toContain('damag');
    expect(kb.related('bent').map(([term]) => term)).toContain('damag');
    expect(kb.related('stuck').map(([term]) => term)).toContain('delai');
  });

  it('reads a word the lexicon relates to the KB as no typo: stuck is not stock', () => {
    const terms = [...kb.queryTerms('my package is stuck').keys()];
    expect(terms).not.toContain('stock');
  });
});
