import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, looksLikeGbk, plausibleUtf16 } from './decode.js';

const root = new URL('../../fixtures/', import.meta.url);
const original = readFileSync(new URL('ingest/text/policy-zh.txt', root), 'utf8');
const generated = (name: string) => new Uint8Array(readFileSync(new URL(`generated/${name}`, root)));

describe('decodeText', () => {
  it.each([
    ['policy-gbk.txt', 'gb18030'],
    ['policy-utf8-bom.txt', 'utf-8-bom'],
    ['policy-utf16le.txt', 'utf-16le'],
    ['policy-utf16be.txt', 'utf-16be'],
  ])('decodes %s as %s', (name, encoding) => {
    const r = decodeText(generated(name), name);
    expect(r.ok && r.value.encoding).toBe(encoding);
    expect(r.ok && r.value.text).toBe(original);
  });

  it.each([
    ['faq-utf16le-nobom.txt', 'utf-16le'],
    ['faq-utf16be-nobom.txt', 'utf-16be'],
  ])('decodes mostly Chinese UTF-16 without a BOM (few zero bytes): %s as %s', (name, encoding) => {
    const r = decodeText(generated(name), name);
    expect(r.ok && r.value).toEqual({ text: '问题\t答案\n怎么申请退货\t在订单详情页点击申请售后\n退款多久到账\t审核通过后三个工作日内原路退回\n', encoding });
  });

  it('does not take GBK, Big5, Latin-1 or binary bytes for UTF-16', () => {
    expect(plausibleUtf16(new Uint8Array(iconv.encode(original, 'gbk')))).toBeUndefined();
    expect(plausibleUtf16(new Uint8Array(iconv.encode('標準問題,答案\n運費誰出,商家出\n怎麼退貨,在訂單頁申請\n', 'big5')))).toBeUndefined();
    expect(plausibleUtf16(new Uint8Array(iconv.encode('Question,Answer\nCafé au lait?,Oui, très bon. Déjà vu, à côté.\n', 'latin1')))).toBeUndefined();
    expect(plausibleUtf16(generated('binary.txt'))).toBeUndefined();
  });

  it('decodes GB18030 characters outside GBK', () => {
    const r = decodeText(generated('policy-gb18030.txt'), 'x');
    expect(r.ok && r.value.text).toContain('生僻字𠀀与欧元符号€');
  });

  it.each([
    '问题,答案\r\n退货,可以\r\n',
    'question,answer\r\n运费谁出,商家出\r\n',
    '标准问题,相似问题,答案\r\n怎么退货,,在订单页申请\r\n',
    'q,a\r\n保修,一年\r\n',
  ])('decodes a short GBK FAQ table that chardet takes for Greek, Latin-1 or Big5: %j', (source) => {
    const r = decodeText(new Uint8Array(iconv.encode(source, 'gbk')), 't.csv');
    expect(r.ok && r.value).toEqual({ text: source.replace(/\r\n/gu, '\n'), encoding: 'gb18030' });
  });

  it('does not take Big5 or Latin-1 text for GBK', () => {
    expect(looksLikeGbk(new Uint8Array(iconv.encode('標準問題,答案\n運費誰出,商家出\n怎麼退貨,在訂單頁申請\n我的訂單,可以的\n', 'big5')))).toBe(false);
    expect(looksLikeGbk(new Uint8Array(iconv.encode('Question,Answer\nCafé au lait?,Oui, très bon. Déjà vu, à côté.\n', 'latin1')))).toBe(false);
    expect(looksLikeGbk(new Uint8Array(iconv.encode('问题,答案\n退货,可以\n', 'gbk')))).toBe(true);
  });

  it('normalizes CRLF line ends', () => {
    const r = decodeText(new TextEncoder().encode('a\r\nb\rc'), 'x');
    expect(r.ok && r.value.text).toBe('a\nb\nc');
  });

  it('reads a UTF-8 file with two damaged bytes as UTF-8, with a warning that names the line', () => {
    const bytes = Buffer.from(original, 'utf8');
    const third = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1; // the start of line 3
    const damaged = new Uint8Array(Buffer.concat([bytes.subarray(0, third + 3), Buffer.from([0xff, 0xfe]), bytes.subarray(third + 3)]));
    const r = decodeText(damaged, 'policy.txt');
    expect(r.ok && r.value.encoding).toBe('utf-8');
    expect(r.ok && r.value.text.replace(/\uFFFD/g, '')).toBe(original);
    expect(r.ok && r.warnings.map((w) => [w.code, w.location?.line, w.message])).toEqual([['damaged-text', 3, 'is UTF-8 except for 2 damaged characters, read as �; fix them in the file']]);
  });

  it('refuses binary bytes with a message that names the file', () => {
    const r = decodeText(generated('binary.txt'), 'binary.txt');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.code).toBe('undecodable-text');
      expect(r.problems[0]?.file).toBe('binary.txt');
      expect(r.problems[0]?.message).toMatch(/UTF-8/);
    }
  });
});
