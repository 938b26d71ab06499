/**
 * Text decoding for plain text, Markdown, HTML, CSV and JSONL files: the adapter for chardet
 * (detection) and iconv-lite (decoding). Chinese Windows files are often GBK/GB18030,
 * some tools write UTF-16; everything else is UTF-8, with or without a BOM.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { fail, ok, problem, warning, type Result } from '../core/problems.js';

export interface Decoded {
  text: string;
  /** The encoding the bytes were in: utf-8, utf-8-bom, utf-16le, utf-16be, gb18030, big5, … */
  encoding: string;
}

/** Encodings chardet may report that we accept; anything else is refused rather than guessed. */
const ACCEPTED: Record<string, string> = {
  'GB18030': 'gb18030',
  'GBK': 'gb18030',
  'GB2312': 'gb18030',
  'Big5': 'big5',
  'Shift_JIS': 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
};

function hasBom(bytes: Uint8Array, ...bom: number[]): boolean {
  return bom.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM: every other byte is zero for ASCII-heavy text (for CJK text see plausibleUtf16). */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Characters plain text in a CJK or Latin script is made of: ASCII text, Han, kana, hangul, CJK and full-width punctuation, general punctuation. */
const TEXT_CHAR = /[\t\n\r\x20-\x7E\u00A0-\u00FF\u2000-\u206F\u3000-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uFF00-\uFFEF]/u;

/**
 * UTF-16 without a BOM and with few zero bytes (mostly Chinese text: 退货 is 00 90 27 8D in
 * UTF-16LE): the bytes decode, in one byte order, to valid UTF-16 that is almost all text characters
 * (see TEXT_CHAR) and in good part ideographs. Bytes of another encoding read as UTF-16 give lone
 * surrogates, private-use characters, controls or hangul; ASCII text read as UTF-16 gives
 * ideographs too (`ab` is U+6261), but only ones whose low byte is a printable ASCII character,
 * while real Chinese text has most of its ideographs outside that band. Asked only of bytes that
 * are not UTF-8.
 */
export function plausibleUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192));
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: sample.length < bytes.length });
    } catch {
      continue;
    }
    let chars = 0;
    let textChars = 0;
    let han = 0;
    let hanOffBand = 0;
    for (const ch of text) {
      chars++;
      if (TEXT_CHAR.test(ch)) textChars++;
      const c = ch.codePointAt(0) ?? 0;
      if (c >= 0x3400 && c <= 0x9fff) {
        han++;
        if ((c & 0xff) < 0x20 || (c & 0xff) > 0x7e) hanOffBand++;
      }
    }
    if (chars > 0 && textChars >= chars * 0.98 && han >= chars * 0.3 && hanOffBand >= han * 0.3) return encoding;
  }
  return undefined;
}

/** Share of characters that are replacement characters or C0 controls other than tab/newline. */
function garbageRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return bad / text.length;
}

/**
 * The encoding of a file from its first bytes (for files read as a stream, such as chat logs):
 * utf-8 (a sequence cut at the end of the sample is fine), utf-8-bom, utf-16le/be, or what chardet
 * recognises; undefined when it recognises nothing it accepts.
 */
export function sniffEncoding(sample: Uint8Array): string | undefined {
  if (hasBom(sample, 0xef, 0xbb, 0xbf)) return 'utf-8-bom';
  if (hasBom(sample, 0xff, 0xfe)) return 'utf-16le';
  if (hasBom(sample, 0xfe, 0xff)) return 'utf-16be';
  const utf16 = guessUtf16(sample);
  if (utf16 !== undefined) return utf16;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    const utf16 = plausibleUtf16(sample.subarray(0, sample.length & ~1));
    if (utf16 !== undefined) return utf16;
    const detected = chardet.detect(sample);
    return detected === null ? undefined : ACCEPTED[detected];
  }
}

/** A stream that turns bytes in `encoding` (as sniffEncoding names it) into text; BOMs are dropped. */
export function decodingStream(encoding: string): NodeJS.ReadWriteStream {
  return iconv.decodeStream(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
}

/**
 * Whether the bytes read as GBK/GB18030 text of common simplified Chinese. chardet guesses short
 * GBK files badly (a two-row FAQ CSV from Excel on Chinese Windows came out as Greek ISO-8859-7,
 * Latin-1 or Big5), so this is asked first: every byte above 0x7F pairs into a valid GBK
 * character, at least 4 of them, and at least 90% of those lie in GB2312's rows of common hanzi
 * (lead byte 0xB0–0xD7) or of Chinese punctuation and full-width forms (0xA1–0xA3). Big5 text puts
 * many of its most frequent characters on lead bytes 0xA4–0xAF, and Latin-1 text its lower-case
 * accented letters on 0xE0–0xFF, so neither passes.
 */
export function looksLikeGbk(bytes: Uint8Array): boolean {
  let pairs = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1];
    if (lead === 0x80 || lead === 0xff || trail === undefined || trail < 0x40 || trail === 0x7f || trail === 0xff) return false;
    pairs++;
    if ((lead >= 0xb0 && lead <= 0xd7) || (lead >= 0xa1 && lead <= 0xa3)) common++;
    i += 2;
  }
  return pairs >= 4 && common >= pairs * 0.9;
}

/** At most this many damaged characters in a file that is otherwise UTF-8. */
const MAX_BAD_UTF8 = 16;

/**
 * A UTF-8 file with a few damaged bytes (a bad copy, a truncated character) is read, not refused
 * and not guessed as another encoding: each bad sequence becomes U+FFFD and one warning names the
 * lines. Undefined when the damage is more than a few bytes (then it is probably another encoding).
 */
function damagedUtf8(bytes: Uint8Array, file: string): Result<Decoded> | undefined {
  const text = new TextDecoder('utf-8').decode(bytes);
  const lines: number[] = [];
  let bad = 0;
  let line = 1;
  for (const ch of text) {
    if (ch === '\n') line++;
    else if (ch === '\uFFFD') {
      bad++;
      if (lines.at(-1) !== line) lines.push(line);
    }
  }
  // GBK or Big5 bytes read as UTF-8 give mostly damage and few valid multi-byte characters; a
  // damaged UTF-8 file gives many of them for each damaged one (else chardet knows better)
  const multibyte = [...text].filter((c) => c.charCodeAt(0) > 0x7f && c !== '\uFFFD').length;
  if (bad === 0 || bad > MAX_BAD_UTF8 || multibyte < 4 * bad) return undefined;
  // the first line is the warning's location; more lines are listed
  const where = lines.length <= 1 ? '' : ` (lines ${lines.slice(0, 5).join(', ')}${lines.length > 5 ? ' …' : ''})`;
  return ok({ text: text.replace(/\r\n?/g, '\n'), encoding: 'utf-8' }, [
    warning('damaged-text', `is UTF-8 except for ${bad} damaged character${bad > 1 ? 's' : ''}${where}, read as �; fix ${bad > 1 ? 'them' : 'it'} in the file`, { file, location: { line: lines[0] ?? 1 } }),
  ]);
}

export function decodeText(bytes: Uint8Array, file: string): Result<Decoded> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let encoding: string | undefined;
  let text: string | undefined;

  if (hasBom(bytes, 0xef, 0xbb, 0xbf)) {
    encoding = 'utf-8-bom';
    text = buffer.subarray(3).toString('utf8');
  } else if (hasBom(bytes, 0xff, 0xfe)) {
    encoding = 'utf-16le';
    text = iconv.decode(buffer.subarray(2), 'utf-16le');
  } else if (hasBom(bytes, 0xfe, 0xff)) {
    encoding = 'utf-16be';
    text = iconv.decode(buffer.subarray(2), 'utf-16be');
  } else {
    const utf16 = guessUtf16(bytes);
    if (utf16 !== undefined) {
      encoding = utf16;
      text = iconv.decode(buffer, utf16);
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        encoding = 'utf-8';
      } catch {
        const utf16 = plausibleUtf16(bytes);
        if (utf16 !== undefined) return ok({ text: iconv.decode(buffer, utf16).replace(/\r\n?/g, '\n'), encoding: utf16 });
        const damaged = damagedUtf8(bytes, file);
        if (damaged !== undefined) return damaged;
        const detected = looksLikeGbk(bytes) ? 'GB18030' : chardet.detect(bytes);
        const name = detected === null ? undefined : ACCEPTED[detected];
        if (name === undefined) {
          return fail(
            problem(
              'undecodable-text',
              `is not UTF-8 and its encoding could not be recognised${detected === null ? '' : ` (looks like ${detected})`}; save it as UTF-8 and try again`,
              { file },
            ),
          );
        }
        encoding = name;
        text = iconv.decode(buffer, name);
      }
    }
  }
  if (text.includes('\u0000') || garbageRatio(text) > 0.02) {
    return fail(
      problem('undecodable-text', `does not decode as text (${encoding} gives binary or garbled characters); is it really a text file? Save it as UTF-8 and try again`, { file }),
    );
  }
  return ok({ text: text.replace(/\r\n?/g, '\n'), encoding });
}
