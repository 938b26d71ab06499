/**
 * Pinyin for homophone typos (微利贷 / 威力贷 for 微粒贷). Two halves:
 *
 * - build time, through pinyin-pro (loaded on first use): the toneless pinyin of the KB's words
 *   (`toPinyin`, with pinyin-pro's reading in context), and the table of how each character
 *   is read (`characterReadings`), which the index carries;
 * - query time, from that table alone (`readingsOf`, `soundOut`): a bot never loads
 *   pinyin-pro, whose start-up took about 130 ms of a first question.
 */
import { createRequire } from 'node:module';

type PinyinFn = (text: string, options: { toneType: 'none'; type: 'array'; v?: boolean; multiple?: boolean }) => string[];

let pinyinFn: PinyinFn | undefined;

function pinyinPro(): PinyinFn {
  if (pinyinFn === undefined) pinyinFn = (createRequire(import.meta.url)('pinyin-pro') as { pinyin: PinyinFn }).pinyin;
  return pinyinFn;
}

/** Toneless pinyin of a word, syllables separated by spaces (ü as v): 微粒贷 → "wei li dai". */
export function toPinyin(word: string): string {
  return pinyinPro()(word, { toneType: 'none', type: 'array', v: true }).join(' ');
}

/** At most this many readings of one word (its own and its polyphones' other ones). */
const MAX_WORD_READINGS = 4;

/**
 * The other toneless readings of a word whose characters have more than one (还款: pinyin-pro
 * reads "hai kuan"; customers mean and type "huan kuan" — 环款, huankuan), each character's other
 * readings tried one character at a time, up to MAX_WORD_READINGS in all with `toPinyin`'s
 * (`reading`, when the caller has it already).
 */
export function otherReadings(word: string, reading = toPinyin(word)): string[] {
  const first = reading.split(' ');
  const chars = [...word];
  if (chars.length !== first.length) return [];
  const out: string[] = [];
  chars.forEach((ch, i) => {
    for (const reading of pinyinPro()(ch, { toneType: 'none', type: 'array', v: true, multiple: true })) {
      if (out.length >= MAX_WORD_READINGS - 1 || reading === first[i] || !/^[a-z]+$/u.test(reading)) continue;
      const key = first.map((r, j) => (j === i ? reading : r)).join(' ');
      if (!out.includes(key)) out.push(key);
    }
  });
  return out;
}

let allReadings: Map<string, string> | undefined;

/**
 * How Chinese characters (the CJK Unified Ideographs block) are read, as `syllable<TAB>characters`
 * lines sorted by syllable, for the syllables given (those of the KB words a typo may sound like:
 * a reading outside them cannot help a match, so a small KB carries a small table). One reading
 * per character, its most common one (还: hai): every reading of every polyphone sounded 的一 like
 * 第一 and 我还 like 我换 on bq's questions.
 */
export function characterReadings(syllables: ReadonlySet<string>): string {
  if (allReadings === undefined) {
    allReadings = new Map();
    const pinyin = pinyinPro();
    for (let code = 0x4e00; code <= 0x9fff; code++) {
      const ch = String.fromCharCode(code);
      const s = pinyin(ch, { toneType: 'none', type: 'array', v: true })[0];
      if (s !== undefined && /^[a-z]+$/.test(s)) allReadings.set(s, (allReadings.get(s) ?? '') + ch);
    }
  }
  return [...allReadings]
    .filter(([s]) => syllables.has(s))
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([s, chars]) => `${s}\t${chars}`)
    .join('\n');
}

/**
 * Character → its reading, looked up in `characterReadings`' lines as characters are asked for
 * (a question sounds out a handful; splitting the whole table took 30 ms of a first question).
 */
export function readingsOf(table: string): (ch: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (ch) => {
    if (known.has(ch)) return known.get(ch);
    // syllables are ASCII, so a Han character is found only among its own line's characters
    const at = /^\p{Script=Han}$/u.test(ch) ? table.indexOf(ch) : -1;
    const start = table.lastIndexOf('\n', at) + 1;
    const reading = at < 0 ? undefined : table.slice(start, table.indexOf('\t', start));
    known.set(ch, reading);
    return reading;
  };
}

/**
 * A typed stretch read out, as toneless syllables separated by spaces (the key `homophonesOf`
 * writes); undefined when a character has no reading the KB's words use.
 */
export function soundOut(typed: string, readingOf: (ch: string) => string | undefined): string | undefined {
  const syllables: string[] = [];
  for (const ch of typed) {
    const r = readingOf(ch);
    if (r === undefined) return undefined;
    syllables.push(r);
  }
  return syllables.join(' ');
}
