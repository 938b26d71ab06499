import { describe, expect, it } from 'vitest';
import { matchNumbering } from './numbering.js';

describe('matchNumbering', () => {
  it.each([
    ['第一编　总则', 'part', '第一编', '总则'],
    ['第三章 生产者、销售者的产品质量责任和义务', 'chapter', '第三章', '生产者、销售者的产品质量责任和义务'],
    ['第二节　销售者的产品质量责任和义务', 'section', '第二节', '销售者的产品质量责任和义务'],
    ['第四十一条　因产品存在缺陷造成人身损害的', 'article', '第四十一条', '因产品存在缺陷造成人身损害的'],
    ['第一百零八条', 'article', '第一百零八条', ''],
    ['第10条 退货', 'article', '第10条', '退货'],
    ['一、退货条件', 'cn-comma', '一、', '退货条件'],
    ['（三）鲜活易腐的商品；', 'cn-paren', '（三）', '鲜活易腐的商品；'],
    ['(二) 定制商品', 'cn-paren', '(二)', '定制商品'],
    ['1.2 退款时间', 'decimal-2', '1.2', '退款时间'],
    ['2. Shipping fees', 'decimal', '2.', 'Shipping fees'],
    ['3、申请售后', 'decimal', '3、', '申请售后'],
    ['（1）保修卡', 'arabic-paren', '（1）', '保修卡'],
  ])('%s → %s', (line, style, label, rest) => {
    expect(matchNumbering(line)).toEqual({ style, label, rest });
  });

  it.each([
    '第四十一条规定的情形除外。',
    '第一条的规定适用于本章。',
    '依照本法第四十一条的规定',
    '2026.03.01 发布',
    '3.5公斤以内免运费',
    '一般情况下三个工作日',
    '',
  ])('%s is not numbering', (line) => {
    expect(matchNumbering(line)).toBeUndefined();
  });
});
