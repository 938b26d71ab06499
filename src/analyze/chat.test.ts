import { describe, expect, it } from 'vitest';
import { chatToPlain, chineseNumeral } from './chat.js';

describe('chatToPlain', () => {
  it('writes colloquial, dialect and internet spellings as a policy does', () => {
    expect(chatToPlain('咋退货')).toBe('怎么退货');
    expect(chatToPlain('东西坏了咋整')).toBe('东西坏了怎么办');
    expect(chatToPlain('运费咋么算')).toBe('运费怎么算'); // not 怎么么
    expect(chatToPlain('啥时候发货')).toBe('什么时候发货');
    expect(chatToPlain('为啥没到')).toBe('为什么没到');
    expect(chatToPlain('木有收到货肿么办')).toBe('没有收到货怎么办');
    expect(chatToPlain('退款神马时候到账')).toBe('退款什么时候到账');
    expect(chatToPlain('俺想换个码数')).toBe('我想换个码数');
  });

  it('drops chat emoticon codes, and leaves other bracketed words', () => {
    expect(chatToPlain('[流泪][流泪]退货运费谁出')).toBe('  退货运费谁出');
    expect(chatToPlain('好的[微笑]那怎么换货')).toBe('好的 那怎么换货');
    expect(chatToPlain('点击[申请售后]')).toBe('点击[申请售后]');
  });

  it('joins a word typed with spaces between its characters, not two words a space parts', () => {
    expect(chatToPlain('退 货 运 费')).toBe('退货运费');
    expect(chatToPlain('怎么 开 发票')).toBe('怎么开发票');
    expect(chatToPlain('保\u3000修 期')).toBe('保修期');
    expect(chatToPlain('退货 运费')).toBe('退货 运费');
    expect(chatToPlain('return 退货 policy')).toBe('return 退货 policy');
  });

  it('reads pinyin initials and mixed-in English words where they touch Chinese text, only there', () => {
    expect(chatToPlain('th运费谁出')).toBe('退货运费谁出');
    expect(chatToPlain('wl信息不更新')).toBe('物流信息不更新');
    expect(chatToPlain('能用zfb付吗')).toBe('能用支付宝付吗');
    expect(chatToPlain('快递delay了')).toBe('快递延误了');
    expect(chatToPlain('我的order在哪')).toBe('我的订单在哪');
    // an English sentence, a longer word, a word set apart by a space keep their letters
    expect(chatToPlain('return the order')).toBe('return the order');
    expect(chatToPlain('shdd退货')).toBe('shdd退货');
    expect(chatToPlain('can i return 内衣吗')).toBe('can i return 内衣吗');
  });

  it('writes a count before a unit of time (or 万, 千) in Chinese numerals, as policies do', () => {
    expect(chatToPlain('7天无理由退货')).toBe('七天无理由退货');
    expect(chatToPlain('超过3天物流没动')).toBe('超过三天物流没动');
    expect(chatToPlain('15个工作日')).toBe('十五个工作日');
    expect(chatToPlain('2个月')).toBe('两个月');
    expect(chatToPlain('2周内')).toBe('两周内');
    expect(chatToPlain('借2万')).toBe('借两万');
    expect(chatToPlain('2月1日')).toBe('二月一日');
    expect(chatToPlain('48小时内发货')).toBe('四十八小时内发货');
    expect(chatToPlain('双11买的')).toBe('双十一买的');
    // years, long numbers, decimals, amounts and numbers without a unit stay digits
    expect(chatToPlain('2024年')).toBe('2024年');
    expect(chatToPlain('1.5天')).toBe('1.5天');
    expect(chatToPlain('单号123456天')).toBe('单号123456天');
    expect(chatToPlain('满99元包邮')).toBe('满99元包邮');
    expect(chatToPlain('618买的')).toBe('618买的');
  });
});

describe('chineseNumeral', () => {
  it('writes 0–99 as a policy does', () => {
    expect([0, 1, 7, 10, 11, 15, 20, 48, 99].map(chineseNumeral)).toEqual(['零', '一', '七', '十', '十一', '十五', '二十', '四十八', '九十九']);
  });
});
