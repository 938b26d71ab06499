/**
 * Chinese policy numbering is structure: 第X编/章/节/条, 一、, （一）, 1., 1.1 (and 1、, （1）).
 * `matchNumbering` recognises a line that starts with one of them.
 */

const CN_NUM = '[零〇一二三四五六七八九十百千两\\d]+';

export type NumberingStyle =
  | 'part' // 第X编
  | 'chapter' // 第X章
  | 'section' // 第X节
  | 'article' // 第X条
  | 'cn-comma' // 一、
  | 'cn-paren' // （一）
  | 'decimal-2' // 1.1 / 1.1.
  | 'decimal' // 1. / 1、 / 1．
  | 'arabic-paren'; // （1）

/**
 * The words after a 第X条 label on a line of their own that are the article's title (保修期限,
 * 交易纠纷申请受理期限), not the start of its first sentence: 2–16 characters, no punctuation
 * (a law's `第五百零六条 合同中的下列免责条款无效：` opens a list; `第九条 若` is a sentence wrapped).
 */
export function isArticleTitle(rest: string): boolean {
  const n = [...rest].length;
  return n >= 2 && n <= 16 && !/[\p{P}]/u.test(rest);
}

/** The fixed legal hierarchy: 编 > 章 > 节 > 条. */
export const LEGAL_STYLES: readonly NumberingStyle[] = ['part', 'chapter', 'section', 'article'];

export interface NumberingMatch {
  style: NumberingStyle;
  /** The number with its markers, e.g. `第四十一条`, `一、`, `（一）`, `1.2`. */
  label: string;
  /** What follows the number on the same line, trimmed. */
  rest: string;
}

const SEP = '[\\s\\u3000:：]*';

const PATTERNS: { style: NumberingStyle; re: RegExp }[] = [
  { style: 'part', re: new RegExp(`^(第${CN_NUM}编)${SEP}(.*)$`, 'u') },
  { style: 'chapter', re: new RegExp(`^(第${CN_NUM}章)${SEP}(.*)$`, 'u') },
  { style: 'section', re: new RegExp(`^(第${CN_NUM}节)${SEP}(.*)$`, 'u') },
  // 第一条 / 第一百零八条 / 第10条 — followed by a separator or the end, never "第一条规定的" mid-sentence
  { style: 'article', re: new RegExp(`^(第${CN_NUM}条(?:之[一二三四五六七八九十]+)?)(?:[\\s\\u3000]+|$|(?=[^的款项中规之]))(.*)$`, 'u') },
  { style: 'cn-comma', re: /^([一二三四五六七八九十]+[、．.])\s*(.+)$/u },
  { style: 'cn-paren', re: /^([（(][一二三四五六七八九十]+[）)])\s*(.+)$/u },
  // 1.1 / 1.2.3 need a space or 、 after them: "3.5公斤以内" is an amount, not a heading
  { style: 'decimal-2', re: /^(\d{1,2}(?:\.\d{1,2})+)(?:[.、．]|\s)\s*(.+)$/u },
  { style: 'decimal', re: /^(\d{1,2}[.．、])(?!\d)\s*(.+)$/u },
  { style: 'arabic-paren', re: /^([（(]\d{1,2}[）)])\s*(.+)$/u },
];

export function matchNumbering(line: string): NumberingMatch | undefined {
  const text = line.trim();
  for (const { style, re } of PATTERNS) {
    const m = re.exec(text);
    if (m) return { style, label: m[1] ?? '', rest: (m[2] ?? '').trim() };
  }
  return undefined;
}

export function isLegal(style: NumberingStyle): boolean {
  return LEGAL_STYLES.includes(style);
}
