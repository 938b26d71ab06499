import { describe, expect, it } from 'vitest';
import { endsSentence, joinLines, joinWrapped } from './lines.js';

describe('joinWrapped', () => {
  it.each([
    ['CJK lines join with no space', '为有效解决买卖双方交易争议，', '特制定本规则。', '为有效解决买卖双方交易争议，特制定本规则。'],
    ['CJK then Latin joins with no space', '请拨打客服热线', '400 800 1234。', '请拨打客服热线400 800 1234。'],
    ['English lines join with one space', 'Orders placed before 4 pm leave the', 'warehouse the same day.', 'Orders placed before 4 pm leave the warehouse the same day.'],
    ['a phone number wrapped at a hyphen closes up and keeps it', 'Call 400-', '800-1234 any time.', 'Call 400-800-1234 any time.'],
    ['in Chinese text as well', '客服热线400-', '800-1234', '客服热线400-800-1234'],
    ['a hyphen after a letter before a digit', 'people affected by COVID-', '19 may apply', 'people affected by COVID-19 may apply'],
    ['a hyphenated English word closes up', 'express de-', 'livery arrives', 'express delivery arrives'],
    ['a dash standing alone keeps its spaces', 'between 5 -', '10 days', 'between 5 - 10 days'],
    ['surrounding whitespace goes', 'refund  ', '   in full', 'refund in full'],
  ])('%s', (_, left, right, joined) => {
    expect(joinWrapped(left, right)).toBe(joined);
  });

  it('joins many lines', () => {
    expect(joinLines(['', 'Tracking: 400-', '800-', '1234', '(toll free)'])).toBe('Tracking: 400-800-1234 (toll free)');
  });
});

describe('endsSentence', () => {
  it.each(['退货运费由商家承担。', '有下列情形之一的：', 'They will explain your responsibilities.', 'It arrived on 3 May 2024.', 'Ask "what is it?"', 'See the table (below).', 'Is it free?'])(
    'true for %s',
    (line) => {
      expect(endsSentence(line)).toBe(true);
    },
  );

  it.each(['为有效解决买卖双方交易争议，', 'Orders placed before 4 pm leave the', 'for example, e.g.', 'see form No.', 'written by J.', '1.', '3.2.', '客服热线400-'])('false for %s', (line) => {
    expect(endsSentence(line)).toBe(false);
  });
});

describe('an attribute list (a product sheet)', () => {
  it('keeps a line each, not glued into one as a wrap is', () => {
    expect(joinLines(['面料：100%聚酯纤维', '颜色：米白、雾霾蓝', '版型：收腰A字'])).toBe('面料：100%聚酯纤维\n颜色：米白、雾霾蓝\n版型：收腰A字');
  });
  it('keeps a line each when a value holds a time of day (9:00-21:00)', () => {
    expect(joinLines(['客服热线：400-800-1234', '营业时间：9:00-21:00', '面料：100%聚酯纤维'])).toBe('客服热线：400-800-1234\n营业时间：9:00-21:00\n面料：100%聚酯纤维');
  });
  it('still joins a sentence wrapped after a label', () => {
    expect(joinLines(['温馨提示：签收后七天内可申请', '退货，商品需保持完好。'])).toBe('温馨提示：签收后七天内可申请退货，商品需保持完好。');
  });
});
