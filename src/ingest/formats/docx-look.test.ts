import { describe, expect, it } from 'vitest';
import { compareLooks, LOOK_STYLE_ID, markLookHeadings } from './docx-look.js';
import { headingText } from './heading-look.js';
import { labelNumbering } from './docx-xml.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A run: `b` bold, `sz` size in half-points, `style` a character style id. */
const r = (text: string, o: { b?: boolean; sz?: number; style?: string } = {}): string => {
  const props = `${o.style === undefined ? '' : `<w:rStyle w:val="${o.style}"/>`}${o.b === true ? '<w:b/>' : o.b === false ? '<w:b w:val="0"/>' : ''}${o.sz === undefined ? '' : `<w:sz w:val="${o.sz}"/>`}`;
  return `<w:r>${props === '' ? '' : `<w:rPr>${props}</w:rPr>`}<w:t xml:space="preserve">${text}</w:t></w:r>`;
};
/** A paragraph of runs, with paragraph properties `pPr` (inside `<w:pPr>`). */
const p = (runs: string, pPr = ''): string => `<w:p>${pPr === '' ? '' : `<w:pPr>${pPr}</w:pPr>`}${runs}</w:p>`;
const body = (text: string): string => p(r(text));
const doc = (...paragraphs: string[]): string => `<w:document ${W}><w:body>${paragraphs.join('')}</w:body></w:document>`;
const styles = (defaults: string, ...defs: string[]): string =>
  `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr>${defaults}</w:rPr></w:rPrDefault></w:docDefaults>` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>' +
  `${defs.join('')}</w:styles>`;
const SMALL_FOUR = styles('<w:sz w:val="24"/>');

/** [depth, text] of each paragraph made a heading by its look. */
function looked(documentXml: string, stylesXml = SMALL_FOUR): [number, string][] {
  const { xml } = markLookHeadings(documentXml, stylesXml);
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>/gu)].flatMap((m) => {
    const depth = new RegExp(`<w:pStyle w:val="${LOOK_STYLE_ID}(\\d)"/>`, 'u').exec(m[1] ?? '')?.[1];
    const text = [...(m[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/gu)].map((t) => t[1]).join('');
    return depth === undefined ? [] : [[Number(depth), text] as [number, string]];
  });
}

const BODY = '自签收之日起七日内，商品完好、配件齐全的，可以申请无理由退货。';

describe('markLookHeadings', () => {
  it('ranks looks into levels: larger first, then bold, then centred', () => {
    const xml = doc(
      p(r('售后服务政策', { b: true, sz: 32 }), '<w:jc w:val="center"/>'),
      body('本政策适用于全部消费者。'),
      p(r('退货政策', { b: true, sz: 28 })),
      p(r('退货条件', { b: true })),
      body(BODY),
      p(r('退货运费', { sz: 28 })), // larger, not bold
      body(BODY),
    );
    expect(looked(xml)).toEqual([
      [1, '售后服务政策'],
      [2, '退货政策'],
      [4, '退货条件'],
      [3, '退货运费'],
    ]);
  });

  it('reads bold and size from the document defaults, paragraph styles (and their base styles) and character styles', () => {
    const stylesXml = styles(
      '<w:sz w:val="21"/>',
      '<w:style w:type="paragraph" w:styleId="Big"><w:name w:val="Big"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="30"/></w:rPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="BigBold"><w:name w:val="Big bold"/><w:basedOn w:val="Big"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>',
      '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>',
    );
    const xml = doc(
      p(r('会员服务条款'), '<w:pStyle w:val="BigBold"/>'),
      body('本条款适用于全部会员。'),
      p(r('积分规则', { style: 'Strong' })),
      body(BODY),
      p(r('会员等级'), '<w:pStyle w:val="Big"/>'),
      body(BODY),
      p(r('不是标题', { b: false }), '<w:pStyle w:val="BigBold"/>'), // bold switched off, still larger
      body(BODY),
    );
    expect(looked(xml, stylesXml)).toEqual([
      [1, '会员服务条款'], // 15 pt (Big), bold and centred (Big bold)
      [4, '积分规则'], // 10.5 pt (the defaults), bold (Strong)
      [3, '会员等级'], // 15 pt
      [2, '不是标题'], // 15 pt, centred, bold switched off in the run
    ]);
  });

  it('takes the depth of a styled heading or outline level with the same look, and places other looks below the stronger ones', () => {
    const stylesXml = styles(
      '<w:sz w:val="24"/>',
      '<w:style w:type="paragraph" w:styleId="yiji"><w:name w:val="一级标题"/><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>',
      '<w:style w:type="paragraph" w:styleId="erji"><w:name w:val="二级标题"/><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>',
    );
    const xml = doc(
      p(r('安装说明'), '<w:pStyle w:val="yiji"/>'),
      body(BODY),
      p(r('电源要求'), '<w:pStyle w:val="erji"/>'),
      body(BODY),
      p(r('注意事项', { b: true })), // bold body size: weaker than 二级标题
      body(BODY),
      p(r('常见故障'), '<w:pStyle w:val="kbOutline1"/>'), // an outline level (docx-xml.ts)
      body(BODY),
      p(r('清洁与保养', { b: true, sz: 32 })), // the look of 一级标题
      body(BODY),
    );
    expect(looked(xml, stylesXml)).toEqual([
      [3, '注意事项'],
      [1, '清洁与保养'],
    ]);
  });

  it('needs body text after a heading; bold lines of one look in a row are not headings', () => {
    const xml = doc(
      p(r('第一部分', { b: true, sz: 28 })),
      p(r('登录账号', { b: true })),
      p(r('选择商品', { b: true })),
      p(r('提交申请', { b: true })),
      body(BODY),
      p(r('最后一行', { b: true })),
    );
    expect(looked(xml)).toEqual([[1, '第一部分']]);
  });

  it('leaves table cells, bulleted items, partly bold paragraphs, sentences, warnings and Q&A lines alone', () => {
    const cell = (text: string): string => `<w:tc>${p(r(text, { b: true }))}</w:tc>`;
    const xml = doc(
      `<w:tbl><w:tr>${cell('支付方式')}${cell('到账时间')}</w:tr></w:tbl>`,
      body(BODY),
      p(r('发票需随商品寄回', { b: true }), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>'),
      body(BODY),
      p(r('退货须知：', { b: true }) + r('商品需保持完好')),
      body(BODY),
      p(r('注意：退货时请保留原包装和发票。', { b: true })),
      body(BODY),
      p(r('注意：请勿自行拆机', { b: true })),
      body(BODY),
      p(r('问：怎样申请退货', { b: true })),
      body('答：在订单页面申请。'),
      p(r('退货运费谁承担？', { b: true })),
      body(BODY),
      p(r('退货后，运费退回', { b: true })),
      body(BODY),
      p(r('2026', { b: true, sz: 32 })),
      body(BODY),
      p(r('退货地址', { b: true })),
      body(BODY),
    );
    expect(looked(xml)).toEqual([[1, '退货地址']]);
  });

  it('takes the bold off bold paragraphs that are no headings (not off table cells), so the HTML path leaves them as text', () => {
    const cell = `<w:tbl><w:tr><w:tc>${p(r('退货地址', { b: true }))}</w:tc></w:tr></w:tbl>`;
    const { xml } = markLookHeadings(doc(p(r('提交申请', { b: true })), p(r('寄回商品', { b: true })), body(BODY), cell, p(r('注意：请勿自行拆机', { b: true })), body(BODY)), SMALL_FOUR);
    const unbolded = (text: string): string => `<w:p><w:r><w:rPr></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    expect(xml).toContain(unbolded('提交申请'));
    expect(xml).toContain(unbolded('寄回商品'));
    expect(xml).toContain(unbolded('注意：请勿自行拆机'));
    expect(xml).toContain(p(r('退货地址', { b: true })));
  });

  it('does not take bold for a heading when the body itself is bold', () => {
    const bold = (text: string): string => p(r(text, { b: true }));
    expect(looked(doc(bold('退货地址'), bold(BODY), bold(BODY)))).toEqual([]);
    expect(looked(doc(p(r('退货地址', { b: true, sz: 28 })), bold(BODY), bold(BODY)))).toEqual([[1, '退货地址']]);
  });

  it('keeps the paragraph\'s other properties and replaces a body style', () => {
    const { xml, headings } = markLookHeadings(
      doc(
        p(r('退货政策', { b: true, sz: 28 }), '<w:pStyle w:val="Normal"/><w:jc w:val="center"/>'),
        body(BODY),
        `<w:p><w:pPr/>${r('换货政策', { b: true, sz: 28 })}</w:p>`,
        body(BODY),
        p(r('退款说明', { b: true, sz: 28 }), '<w:spacing w:before="240"/>'),
        body(BODY),
      ),
      SMALL_FOUR,
    );
    expect(headings).toBe(3);
    expect(xml).toContain('<w:pPr><w:pStyle w:val="kbLook1"/><w:jc w:val="center"/></w:pPr>');
    expect(xml).toContain(`<w:p><w:pPr><w:pStyle w:val="kbLook2"/></w:pPr>${r('换货政策', { b: true, sz: 28 })}</w:p>`);
    expect(xml).toContain('<w:pPr><w:pStyle w:val="kbLook2"/><w:spacing w:before="240"/></w:pPr>');
  });

  it('does not read text boxes or deleted text', () => {
    const box = `<w:r><w:pict><w:txbxContent>${p(r('安全警告', { b: true, sz: 32 }))}${body(BODY)}</w:txbxContent></w:pict></w:r>`;
    const xml = doc(p(`<w:del w:id="1">${'<w:r><w:rPr><w:b/></w:rPr><w:delText>旧标题</w:delText></w:r>'}</w:del>${r('退货地址', { b: true })}`), body(BODY), p(box), body(BODY));
    expect(looked(xml)).toEqual([[1, '退货地址']]);
  });
});

describe('labelNumbering and looks', () => {
  it('gives the number the look of the text after it, so a bold numbered heading stays whole-bold', () => {
    const numbering =
      `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:suff w:val="nothing"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const numbered = (text: string): string => p(r(text, { b: true, sz: 28 }), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
    const { xml } = labelNumbering(doc(numbered('退货政策'), body(BODY), numbered('换货政策'), body(BODY)), numbering, SMALL_FOUR);
    expect(xml).toContain('<w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">二、</w:t></w:r>');
    expect(looked(xml)).toEqual([
      [1, '一、退货政策'],
      [1, '二、换货政策'],
    ]);
  });
});

describe('headingText and compareLooks', () => {
  it('takes short titles, not sentences, clauses, fields or long lines', () => {
    expect(['退货条件', '退款说明：', 'How to exchange an item', '一、退货政策'].map(headingText)).toEqual([true, true, true, true]);
    expect(['退货后，运费退回', 'Keep the receipt.', '电话：400-800-1234', '退'.repeat(41), '12345'].map(headingText)).toEqual([false, false, false, false, false]);
  });

  it('orders looks by size, then bold, then centring', () => {
    const look = (size: number, bold = false, centred = false) => ({ size, bold, centred });
    expect(compareLooks(look(28), look(24, true, true))).toBeGreaterThan(0);
    expect(compareLooks(look(24, true), look(24, false, true))).toBeGreaterThan(0);
    expect(compareLooks(look(24, true, true), look(24, true))).toBeGreaterThan(0);
    expect(compareLooks(look(24, true), look(24, true))).toBe(0);
  });
});
