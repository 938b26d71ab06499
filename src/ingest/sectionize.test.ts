import { describe, expect, it } from 'vitest';
import type { ParsedBlock } from './parsed.js';
import { sectionize } from './sectionize.js';

const p = (text: string, line = 1): ParsedBlock => ({ kind: 'paragraph', text, location: { line } });
const h = (depth: number, text: string, guessed = false): ParsedBlock =>
  guessed ? { kind: 'heading', depth, text, location: {}, guessed } : { kind: 'heading', depth, text, location: {} };
const run = (blocks: ParsedBlock[]) => sectionize(blocks, { path: 'a.txt', toMatchText: (t) => t });

describe('sectionize', () => {
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
