import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.js';

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

  it('decodes GB18030 characters outside GBK', () => {
    const r = decodeText(generated('policy-gb18030.txt'), 'x');
    expect(r.ok && r.value.text).toContain('生僻字𠀀与欧元符号€');
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
