import { describe, expect, it } from 'vitest';
import { chineseCounting } from '../../text/numerals.js';
import { formatNumber, labelNumbering, outlineStyleMap } from './docx-xml.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const lvl = (ilvl: number, fmt: string, text: string, suff?: string) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${suff === undefined ? '' : `<w:suff w:val="${suff}"/>`}<w:lvlText w:val="${text}"/></w:lvl>`;
const numbering =
  `<w:numbering ${W}>` +
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '第%1条', 'space')}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.')}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="2">${lvl(0, 'bullet', '★')}</w:abstractNum>` +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
  '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
  '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
  '<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>' +
  '</w:numbering>';
const para = (text: string, numId?: number, ilvl = 0, extra = '') =>
  `<w:p><w:pPr>${extra}${numId === undefined ? '' : `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const texts = (xml: string) => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/gu)].map((m) => [...(m[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join(''));

describe('formatNumber', () => {
  it('writes numbers as Word\'s Chinese and other formats do', () => {
    expect([1, 10, 11, 20, 21, 100, 105, 110].map((n) => chineseCounting(n))).toEqual(['一', '十', '十一', '二十', '二十一', '一百', '一百零五', '一百一十']);
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(28, 'lowerLetter')).toBe('bb');
    expect(formatNumber(7, 'somethingNew')).toBe('7');
  });
});

describe('labelNumbering', () => {
  it('writes each numbered paragraph\'s label into its text and switches its numbering off', () => {
    const doc = `<w:document ${W}><w:body>${[
      para('为保障消费者权益，制定本政策。', 1),
      para('本政策适用于全部消费者。', 1),
      para('登录账号。', 2),
      para('上传照片。', 2, 1),
      para('填写原因。', 2, 1),
      para('等待审核。', 2),
      para('正文。'),
      para('重新开始。', 3),
      para('发票需寄回。', 4),
      // deleted with tracked changes: neither labelled nor counted
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:rPr><w:del w:id="1" w:author="a" w:date="2026-01-01T00:00:00Z"/></w:rPr></w:pPr><w:del w:id="2" w:author="a" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>已删除的条款。</w:delText></w:r></w:del></w:p>`,
      para('本政策自公布之日起施行。', 1),
    ].join('')}</w:body></w:document>`;
    const r = labelNumbering(doc, numbering, undefined);
    expect(texts(r.xml)).toEqual([
      '第一条 为保障消费者权益，制定本政策。',
      '第二条 本政策适用于全部消费者。',
      '1. 登录账号。',
      '1.1 上传照片。',
      '1.2 填写原因。',
      '2. 等待审核。',
      '正文。',
      '1. 重新开始。',
      '发票需寄回。', // bullets stay lists
      '',
      '第三条 本政策自公布之日起施行。', // counting on across the document
    ]);
    expect(r.labelled).toBe(8);
    expect(r.xml.match(/<w:numId w:val="0"\/>/gu)).toHaveLength(8);
    expect(r.xml).toContain('<w:numId w:val="4"/>');
  });

  it('numbers paragraphs whose style is linked to a list, and skips the mc:Choice copy of a text box', () => {
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>`;
    const doc = `<w:body>${para('总则', undefined, 0, '<w:pStyle w:val="Heading1"/>')}<mc:AlternateContent><mc:Choice Requires="wps">${para('框内')}</mc:Choice><mc:Fallback>${para('框内')}</mc:Fallback></mc:AlternateContent>${para('附则', undefined, 0, '<w:pStyle w:val="Heading1"/>')}</w:body>`;
    expect(texts(labelNumbering(doc, numbering, styles).xml)).toEqual(['第一条 总则', '框内', '框内', '第二条 附则']);
  });

  it('gives a paragraph with a direct outline level the kbOutline style, and maps styles with one', () => {
    const doc = `<w:body>${para('常见故障', undefined, 0, '<w:outlineLvl w:val="0"/>')}${para('米饭夹生', undefined, 0, '<w:pStyle w:val="Normal"/><w:outlineLvl w:val="1"/>')}${para('正文', undefined, 0, '<w:outlineLvl w:val="9"/>')}</w:body>`;
    const r = labelNumbering(doc, undefined, undefined);
    expect(r.outlined).toBe(2);
    expect(r.xml).toContain('<w:pPr><w:pStyle w:val="kbOutline1"/><w:outlineLvl w:val="0"/></w:pPr>');
    expect(r.xml).toContain('<w:pStyle w:val="kbOutline2"/><w:outlineLvl w:val="1"/>');
    const styles = `<w:styles><w:style w:type="paragraph" w:styleId="a5"><w:name w:val="章标题"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="a6"><w:name w:val="节标题"/><w:basedOn w:val="a5"/></w:style><w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>`;
    expect(outlineStyleMap(styles)).toEqual(["p[style-name='章标题'] => h1:fresh", "p[style-name='节标题'] => h1:fresh"]);
  });

  it('takes levels written without w:ilvl in order (Feishu and web exporters write them so)', () => {
    const defs = `<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const doc = `<w:body>${para('退货条件', 1, 0)}${para('质量问题', 1, 1)}</w:body>`;
    expect(texts(labelNumbering(doc, defs, undefined).xml)).toEqual(['一、 退货条件', '（一） 质量问题']);
  });

  it('reads indented XML', () => {
    const doc = `<w:body>\n  <w:p>\n    <w:pPr>\n      <w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>\n    </w:pPr>\n    <w:r><w:t>总则</w:t></w:r>\n  </w:p>\n</w:body>`;
    expect(texts(labelNumbering(doc, numbering, undefined).xml)).toEqual(['第一条 总则']);
  });

  it('leaves a document without numbering or outline levels as it is', () => {
    const doc = `<w:body>${para('正文。')}<w:p/></w:body>`;
    expect(labelNumbering(doc, undefined, undefined).xml).toBe(doc);
  });
});
