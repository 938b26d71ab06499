/**
 * Normalization for matching. The original text is kept for display; this form is what
 * indexes and comparisons use: NFKC (full-width ASCII → half-width, compatibility forms),
 * whitespace collapsed, and traditional Chinese converted to simplified (opencc-js — the only
 * file that imports it; it also converts back, for the questions kb writes for a traditional
 * document).
 */
import { createRequire } from 'node:module';

type ConverterFactory = (options: { from: string; to: string }) => (text: string) => string;

let toSimplified: ((text: string) => string) | undefined;

/** Traditional (any variant: Taiwan, Hong Kong, OpenCC) → mainland simplified. Loads its tables on first use. */
export function traditionalToSimplified(text: string): string {
  if (toSimplified === undefined) {
    const { Converter } = createRequire(import.meta.url)('opencc-js/t2cn') as { Converter: ConverterFactory };
    toSimplified = Converter({ from: 't', to: 'cn' });
  }
  return toSimplified(text);
}

const CJK_IDEOGRAPH = /\p{Script=Han}/gu;

/** The traditional Chinese standards a text can be put back into: Taiwan, Hong Kong, OpenCC's. */
export type TraditionalVariant = 'tw' | 'hk' | 't';
const TRADITIONAL_VARIANTS: readonly TraditionalVariant[] = ['tw', 'hk', 't'];
const toTraditional = new Map<TraditionalVariant, (text: string) => string>();

/** Mainland simplified → traditional of `variant` (phrase-aware: 头发 → 頭髮, 发票 → 發票). Loads its tables on first use. */
export function simplifiedToTraditional(text: string, variant: TraditionalVariant): string {
  let convert = toTraditional.get(variant);
  if (convert === undefined) {
    const { Converter } = createRequire(import.meta.url)('opencc-js/cn2t') as { Converter: ConverterFactory };
    convert = Converter({ from: 'cn', to: variant });
    toTraditional.set(variant, convert);
  }
  return convert(text);
}

/**
 * Which traditional standard a traditional text follows: the one that turns its simplified form
 * back into the most of its own characters (裡 in Taiwan, 裏 in Hong Kong; Taiwan first on a tie).
 */
export function traditionalVariantOf(text: string, sampleChars = 4000): TraditionalVariant {
  const sample = (text.match(CJK_IDEOGRAPH) ?? []).slice(0, sampleChars).join('');
  const simplified = traditionalToSimplified(sample);
  let best: TraditionalVariant = 'tw';
  let bestSame = -1;
  for (const variant of TRADITIONAL_VARIANTS) {
    const back = simplifiedToTraditional(simplified, variant);
    let same = 0;
    for (let i = 0; i < sample.length && i < back.length; i++) if (sample[i] === back[i]) same++;
    if (same > bestSame) {
      best = variant;
      bestSame = same;
    }
  }
  return best;
}

/** Tests only (no global flag, unlike CJK_IDEOGRAPH, whose lastIndex a test would move). */
const HAN = /\p{Script=Han}/u;

/**
 * Written Cantonese (how Hong Kong customers type) → Mandarin, on simplified text: 冇 → 没有,
 * 唔 → 不, 几耐 → 多久, 点样 → 怎么样, 嘅 → 的 … Only words Mandarin text does not use (系 alone is
 * left: 关系, 系统; 仲 alone too: 仲裁; 整 alone too: 整机保修), longest first; 唔该 (thanks) is
 * 谢谢, not 不该 (几时 and 今日 are Mandarin too: a bank's 几时还款). The words a Hong Kong shop's customers add (user trial, 2026-11-27): 仲未 (not yet), 寄返 / 退返 (back), 攞货 (pick up), 整坏 / 跌烂 (broke), 入水 (water
 * damage), 畀钱 (pay), 7仔 (7-Eleven), 有冇得 / 冇得 (can / cannot). A question's 有冇 and A唔A
 * (收唔收) ask as Mandarin's 有…吗 and A…吗 do: the word alone, no 没有 or 不 (a negation weighs in a
 * match, and 有冇 in a KB's own questions made 有没有 a word that found 有冇優惠碼 for 有冇invoice).
 */
const CANTONESE: readonly [string, string][] = [
  ['唔该', '谢谢'], ['多谢晒', '谢谢'], ['系唔系', '是不是'], ['系咪', '是不是'], ['唔系', '不是'], ['得唔得', '可以吗'],
  ['几耐', '多久'], ['几多', '多少'], ['使唔使', '需要'], ['整唔整', '修吗'],
  ['而家', '现在'], ['听日', '明天'], ['寻日', '昨天'], ['琴日', '昨天'], ['搞掂', '搞定'], ['嚟', '来'], ['几钱', '多少钱'],
  ['点样', '怎么样'], ['点做', '怎么做'], ['点解', '为什么'], ['点算', '怎么办'], ['点搞', '怎么办'], ['点知', '怎么知道'], ['点计', '怎么算'],
  ['边度', '哪里'], ['边到', '哪里'], ['边个', '哪个'], ['喺边', '在哪里'], ['去边', '去哪里'], ['佢哋', '他们'], ['我哋', '我们'], ['你哋', '你们'],
  ['落单', '下单'], ['落咗', '下了'], ['仲未', '还没'], ['仲有冇', '还有'], ['仲有', '还有'], ['仲可以', '还可以'], ['仲要', '还要'],
  ['寄返', '寄回'], ['退返', '退回'], ['换返', '换回'], ['攞返', '拿回'], ['拎返', '拿回'], ['整返', '修好'], ['畀返', '还给'], ['俾返', '还给'],
  ['攞货', '取货'], ['拎货', '取货'], ['攞件', '取件'], ['拎件', '取件'], ['整坏', '弄坏'], ['整烂', '弄坏'], ['跌烂', '摔坏'], ['跌坏', '摔坏'],
  ['入咗水', '进水'], ['入水', '进水'], ['影相', '拍照'], ['钟意', '喜欢'], ['收工', '下班'], ['畀钱', '付钱'], ['俾钱', '付钱'], ['七仔', '7-11'], ['7仔', '7-11'],
  ['有冇得', '可以'], ['有冇', '有'], ['冇得', '不能'],
  ['冇', '没有'], ['唔', '不'], ['嘅', '的'], ['咗', '了'], ['喺', '在'], ['咩', '什么'], ['乜', '什么'],
  ['佢', '他'], ['嘢', '东西'], ['睇', '看'], ['揾', '找'], ['搵', '找'], ['攞', '拿'], ['畀', '给'], ['俾', '给'], ['啲', '些'],
  ['咁', '这么'], ['噉', '这样'],
];
/**
 * The listed words of two characters or more, then any other A唔A question (收唔收, 保唔保, 可唔可以,
 * 睇唔睇): the verb alone, as a Mandarin question asks it (收信用卡吗), so that a question form weighs
 * nothing and reads no 不 — a one-character Cantonese verb in Mandarin (睇唔睇 → 看, 俾唔俾 → 给; before,
 * the single characters came first and made 看不看) — then the single characters.
 */
const CANTONESE_WORD = new RegExp(
  `${CANTONESE.filter(([w]) => w.length > 1).map(([w]) => w).join('|')}|(\\p{Script=Han})唔\\1|${CANTONESE.filter(([w]) => w.length === 1).map(([w]) => w).join('|')}`,
  'gu',
);
const MANDARIN = new Map(CANTONESE);

/** `text` (simplified) with its written-Cantonese words in Mandarin; a text without any is returned as it is. */
export function cantoneseToMandarin(text: string): string {
  return text.replace(CANTONESE_WORD, (w, asked: string | undefined) => MANDARIN.get(w) ?? (asked === undefined ? w : (MANDARIN.get(asked) ?? asked)));
}

/**
 * The words of the matching form (lower case, simplified) as `text` writes them: for 可以開收據嗎,
 * 开 → 開 and 收据 → 收據 (what kb shows a Taiwan or Hong Kong user of the words it matched);
 * undefined for a word `text` does not contain (a synonym, a lexicon word). A word without Chinese
 * characters, or a text whose simplified form changed length, gives the word as it is.
 */
export function wordsAsWrittenIn(text: string): (word: string) => string | undefined {
  const written = text.normalize('NFKC').toLowerCase();
  const simplified = HAN.test(written) ? traditionalToSimplified(written) : written;
  const sameLength = simplified.length === written.length;
  return (word) => {
    const at = simplified.indexOf(word);
    if (at < 0) return undefined;
    return sameLength && HAN.test(word) ? written.slice(at, at + word.length) : word;
  };
}

/** Whitespace, including the ideographic space and no-break spaces, collapsed to one ASCII space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00A0\u3000\u200B\uFEFF]+/gu, ' ').trim();
}

/** NFKC + whitespace; no script conversion. */
export function normalizeWidth(text: string): string {
  return collapseWhitespace(text.normalize('NFKC'));
}

/** The form used for matching. `simplify` converts traditional Chinese to simplified. */
export function normalizeForMatch(text: string, options: { simplify?: boolean } = {}): string {
  const base = normalizeWidth(text);
  return options.simplify === false ? base : traditionalToSimplified(base);
}

export type Script = 'zh-Hans' | 'zh-Hant' | 'en' | 'other';

/**
 * Which script a text is in. Chinese text is traditional when converting it to simplified
 * changes a noticeable share of its ideographs (simplified text changes almost none).
 * Looks at a sample of at most `sampleChars` ideographs.
 */
export function detectScript(text: string, sampleChars = 4000): Script {
  const han = text.match(CJK_IDEOGRAPH) ?? [];
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (han.length === 0) return latin > 0 ? 'en' : 'other';
  if (han.length * 2 < latin / 4) return 'en'; // a few Chinese words in an English text
  const sample = han.slice(0, sampleChars).join('');
  const converted = traditionalToSimplified(sample);
  let changed = 0;
  for (let i = 0; i < sample.length && i < converted.length; i++) if (sample[i] !== converted[i]) changed++;
  return changed / sample.length > 0.04 ? 'zh-Hant' : 'zh-Hans';
}
