/**
 * The analyzer: one function that turns text into index terms, used identically on entries at
 * build time and on questions at query time. Pure JavaScript over the settings embedded in the
 * index (see settings.ts); no native code.
 *
 * Terms:
 *   退货        a Chinese word (segmented over the KB vocabulary; synonyms → canonical word)
 *   ~退货       a CJK character bigram
 *   refund      an English word, contractions split, Porter-stemmed
 *   #phone …    a class token for long digit strings and amounts
 */
import { cantoneseToMandarin, traditionalToSimplified } from '../text/normalize.js';
import { chatToPlain } from './chat.js';
import { chatQuestion, isAcknowledgement } from './chat-text.js';
import { notArrivedPlain } from './not-arrived.js';
import { americanStem, expandChatWord, expandContraction, joinCompounds, joinSenseCompounds, plainEnglish, stem, stemKeptApart } from './english.js';
import { otherReadings, readingsOf, soundOut, toPinyin } from './pinyin.js';
import { createVocabulary, segment, type Vocabulary } from './segment.js';
import type { AnalyzerSettings } from './settings.js';
import { NEGATIONS } from './stopwords.js';

/** Questions asked as A-not-A (有没有, 能不能): a word whose 没有, 不能 is no negation (option aNotA; see Analyzer.han). */
const A_NOT_A: ReadonlySet<string> = new Set(['有没有', '能不能', '可不可以', '是不是', '会不会', '要不要', '行不行', '对不对', '好不好', '用不用', '需不需要', '可以不可以']);

export const BIGRAM_PREFIX = '~';
export const UNIGRAM_PREFIX = '^';

/** A word (or class token) rather than a CJK bigram or single character. */
export function isWordTerm(term: string): boolean {
  return !term.startsWith(BIGRAM_PREFIX) && !term.startsWith(UNIGRAM_PREFIX);
}

// Han runs | words in other scripts (letters that are not Han) | digit groups
const TOKEN = new RegExp(String.raw`(\p{Script=Han}+)|([\p{L}--\p{Script=Han}][[\p{L}--\p{Script=Han}]\p{M}'’]*)|(\d+(?:[.,]\d+)*)`, 'gv');
const HAN = /\p{Script=Han}/u;
/** Letters then digits, as one word of a normalized (lower-case) text: pro8, a1234, iphone15, x200s. */
const MODEL_CODE = /(?<![a-z0-9])[a-z]+[0-9]+[a-z0-9]*(?![a-z0-9])/gu;
/** A model or error code as the analyzer writes it (`modelCodes`): letters then digits (e5, kj500, x1pro). */
export const CODE_TERM = /^[a-z]+[0-9]+[a-z0-9]*$/u;

/** A code without the zeros that open its numbers (e02 → e2): the analyzer writes both, so E02 and E2 are one code. */
export function bareCode(code: string): string {
  return code.replace(/(?<=[a-z])0+(?=[1-9])/gu, '');
}

/** A code's runs of letters and of digits, as the analyzer also writes them (kj500 → kj, 500). */
export function codePieces(code: string): string[] {
  return code.match(/[a-z]+|[0-9]+/gu) ?? [];
}
/** A word of Latin letters that may be pinyin: two syllables at least (fapiao, tuihuo). */
const PINYIN_WORD = /(?<![a-z])[a-z]{4,24}(?![a-z])/gu;
/** Letters that can be read as toneless pinyin syllables (initial, vowels, final n / ng / r): most English words cannot. */
const PINYIN_SYLLABLES = /^(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv]+(?:ng|n|r)?)+$/u;
/** Longest pinyin of a KB word the homophone index holds (four syllables of up to six letters). */
const MAX_SPELLED = 24;
/**
 * The currency words after a number that make it an amount (99元, 50块, 100rmb), as written. The runtime
 * reads the same lists (query-terms.ts: a customer's sum and its currency word weigh half).
 */
export const CURRENCY_WORDS_AFTER: readonly string[] = ['元', '块', '圆', 'rmb', 'yuan', '美元', '刀'];
/** With the moreAmounts option: the other currencies' Chinese words after a number (300港币, 20欧元). */
export const MORE_CURRENCY_WORDS_AFTER: readonly string[] = ['港币', '港元', '港幣', '台币', '台幣', '新台币', '欧元', '歐元', '英镑', '英鎊'];
/** With the moreAmounts option: English currency words after a number, as written (5 dollars, 20 quid), any case, a whole word. */
export const ENGLISH_CURRENCY_WORDS_AFTER: readonly string[] = ['dollar', 'dollars', 'bucks', 'quid', 'euro', 'euros', 'usd', 'gbp', 'eur', 'hkd', 'twd'];
const AMOUNT_AFTER = new RegExp(String.raw`^\s*(?:${CURRENCY_WORDS_AFTER.join('|')})`, 'u');
const AMOUNT_BEFORE = /[¥￥$]\s*$/u;
/** With the moreAmounts option: the other currencies a shop writes (£5, €20, HK$300, 300港币, 5 dollars). */
const MORE_AMOUNT_BEFORE = /[£€]\s*$/u;
const MORE_AMOUNT_AFTER = new RegExp(String.raw`^\s*(?:${MORE_CURRENCY_WORDS_AFTER.join('|')}|(?:${ENGLISH_CURRENCY_WORDS_AFTER.join('|')})(?![a-z]))`, 'iu');
/**
 * With the moreAmounts option: a number with two decimals among English words is a price (why did you
 * take 6.95 off my refund); not a rate (0.05%), a time (before 2.30pm, until 10.30), a size or weight (2.50kg),
 * nor one that touches Chinese, where 4.18 is a date and 日息0.05 a rate.
 */
const TWO_DECIMALS = /^\d{1,6}\.\d{2}$/u;
const NOT_A_PRICE_NEXT = /^(?:[%％\p{Script=Han}]|\s*(?:am|pm|a\.m|p\.m|hrs?|h|kg|lbs?|cm|mm|inch(?:es)?|ghz|gb)\b)/iu;
/** Before a two-decimal number: Chinese, or a word that makes it a time (before 2.30pm, until 10.30). */
const NOT_A_PRICE_BEFORE = /(?:\p{Script=Han}|\b(?:at|before|after|until|till|by|from)\s+)$/iu;

/** With the digitCodes option: the letters glued after a number (2fa, 4k, 128gb), when a word's end follows them. */
const GLUED_LETTERS = /^[a-z]{1,4}(?![a-z0-9])/u;
/**
 * Letters after a number that make it a quantity, not a name: it stays a number and a unit (65w, 128gb,
 * 100ml, 24h, 7days, 9am, 100rmb). Sizes of clothes (3xl), ordinals (2nd), 4k, 1080p, 3c, the network
 * generations and 3d (below) are names.
 */
const UNITS = new Set([
  'mm', 'cm', 'm', 'km', 'in', 'ft', 'yd', 'mi', 'ml', 'l', 'cl', 'dl', 'kg', 'g', 'mg', 'lb', 'lbs', 'oz', 't',
  'w', 'kw', 'mw', 'v', 'kv', 'a', 'ma', 'mah', 'ah', 'wh', 'kwh', 'hz', 'khz', 'mhz', 'ghz', 'db', 'mp', 'fps', 'rpm',
  'b', 'kb', 'mb', 'gb', 'tb', 'kbps', 'mbps', 'gbps',
  's', 'sec', 'secs', 'ms', 'min', 'mins', 'h', 'hr', 'hrs', 'd', 'day', 'days', 'wk', 'wks', 'mo', 'mos', 'y', 'yr', 'yrs', 'am', 'pm',
  'x', 'pc', 'pcs', 'pack',
  // words of measure glued to their number (a 2year warranty, 24hour support, a 65inch TV, 2pair)
  'year', 'hour', 'week', 'mth', 'mths', 'inch', 'feet', 'foot', 'kgs', 'gram', 'ltr', 'pair', 'set', 'sets', 'unit', 'item',
  'rmb', 'yuan', 'kuai', 'usd', 'gbp', 'eur', 'hkd', 'twd', 'cny', 'aud', 'cad', 'jpy',
]);
/** Names though their letters are units: network generations (4G, 5G; nobody asks about 5 grams of a phone), 2D and 3D. */
const NAMES_LIKE_QUANTITIES = /^(?:[2-6]g|[23]d)$/u;

/**
 * A stretch of English words with only spaces, apostrophes and hyphens between them (a phrase does
 * not run across a comma or a Chinese word). It starts only at the start of a word: unanchored, a
 * long word was tried from each of its letters, each try running to its end (quadratic: 3,000
 * letters took 2.7 ms).
 */
export const ENGLISH_STRETCH = /(?<![a-z'’])[a-z][a-z'’]*(?:[\s-]+[a-z][a-z'’]*)+/gu;

/** Longest query we analyze; the rest is ignored (a question is never this long). */
export const MAX_QUERY_CHARS = 2000;

interface SegmentedRun {
  text: string;
  /** Offsets where the segmenter cut the run (0 and its length included). */
  boundaries: ReadonlySet<number>;
}

export interface QueryAnalysis {
  /** term → weight: 1 for the question's own terms, less for pinyin matches. */
  terms: Map<string, number>;
  /** Query words replaced by a KB word that sounds the same. */
  pinyinMatches: [string, string][];
  /** Runs of two and three English words, as `phraseKey` writes them (how long, who pai): looked up as expansion keys only. */
  phrases: string[];
}

export class Analyzer {
  readonly settings: AnalyzerSettings;
  private readonly vocab: Vocabulary;
  private readonly stop: Set<string>;
  private readonly canonical: Map<string, string>;
  private pinyinIndex: Map<string, string> | undefined;
  private spelledIndex: Map<string, string> | undefined;
  private readingOf: ((ch: string) => string | undefined) | undefined;

  constructor(settings: AnalyzerSettings) {
    this.settings = settings;
    this.vocab = createVocabulary(new Map(settings.vocabulary.map(([w, f]) => [w, f])));
    this.stop = new Set(settings.stopwords.filter((w) => !NEGATIONS.has(w)));
    this.canonical = new Map();
    for (const group of settings.synonyms) {
      const head = group[0];
      if (head === undefined) continue;
      for (const w of group) if (!this.canonical.has(w)) this.canonical.set(w, head);
    }
  }

  private forms: Map<string, string[]> | undefined;

  /** The ways a word the analyzer reads is written: itself and, normalized, each synonym it reads as that word (passages look for them all). */
  writtenForms(word: string): readonly string[] {
    if (this.forms === undefined) {
      this.forms = new Map();
      for (const [w, head] of this.canonical) {
        const form = w === head ? '' : this.normalize(w);
        if (form === '') continue;
        const forms = this.forms.get(head) ?? [head];
        if (!forms.includes(form)) forms.push(form);
        this.forms.set(head, forms);
      }
    }
    return this.forms.get(word) ?? [word];
  }

  /** Lowercase, NFKC, simplified: the form both sides are compared in. */
  normalize(text: string): string {
    const t = text.normalize('NFKC').toLowerCase();
    if (!HAN.test(t)) return t;
    const simplified = this.settings.options.simplify ? traditionalToSimplified(t) : t;
    const mandarin = this.settings.options.cantonese === true ? cantoneseToMandarin(simplified) : simplified;
    const plain = this.settings.options.chat === true ? chatToPlain(mandarin) : mandarin;
    return this.settings.options.notArrived === true ? notArrivedPlain(plain) : plain;
  }

  private word(w: string): string | undefined {
    if (this.stop.has(w)) return undefined;
    return this.canonical.get(w) ?? w;
  }

  /** Index terms of a text, in order, with repeats (term frequency matters). */
  analyze(text: string): string[] {
    const out: string[] = [];
    this.tokens(this.normalize(text), out, undefined);
    return out;
  }

  /**
   * The question a chat message asks (analyzeQuery's first step): with the `chat` option, without its
   * order number, link, [表情] codes, greeting or thanks; '' for a message that asks nothing (你好,
   * 在吗, [表情], 好的谢谢, ok). Without it, the message as typed. At most MAX_QUERY_CHARS of it.
   */
  asked(message: string): string {
    const text = message.length > MAX_QUERY_CHARS ? message.slice(0, MAX_QUERY_CHARS) : message;
    const chatAsked = this.settings.options.chat === true ? chatQuestion(text) || (/\d/u.test(text) ? text : '') : text;
    return this.settings.options.chat === true && chatAsked.length <= 30 && isAcknowledgement(chatQuestion(chatAsked, { thanks: false })) ? '' : chatAsked;
  }

  /**
   * Terms of a question with weights, plus homophone matches for words the KB does not know. With the
   * `chat` option the question is first taken out of its chat message (chatQuestion: 订单号… 几号发货
   * asks 几号发货).
   */
  analyzeQuery(text: string): QueryAnalysis {
    // a chat message asks its question without the order number, link or [表情] around it
    // — a message that is nothing else (你好, 亲，在吗, [表情], [图片]) asks nothing: no terms, no hits (it
    // was asked as typed, and [表情]'s 表 or 你好's 好 found an entry at 0.5–0.6); a message with a
    // number in it (a model, a bare order number) is still asked as typed
    // — nor does an acknowledgement (好的, 收到, ok, 好的谢谢): a reply to the bot, which 好 of
    // 好几天没动静 answered at 0.58 with a parcel-delay entry (a bot developer's trial)
    const asked = this.asked(text);
    const unknownRuns: SegmentedRun[] = [];
    const list: string[] = [];
    const normalized = this.normalize(asked);
    this.tokens(normalized, list, unknownRuns);
    const terms = new Map<string, number>();
    for (const t of list) terms.set(t, 1);
    const pinyinMatches: [string, string][] = [];
    if (this.settings.options.pinyin) {
      const matches = unknownRuns.flatMap((run) => this.soundsLike(run.text, run.boundaries));
      for (const m of normalized.matchAll(PINYIN_WORD)) matches.push(...this.spelledInPinyin(m[0]));
      for (const [typed, known] of matches) {
        if (!terms.has(known)) {
          terms.set(known, 0.8);
          pinyinMatches.push([typed, known]);
        }
      }
    }
    return { terms, pinyinMatches, phrases: this.phrases(normalized) };
  }

  /**
   * An English phrase of two words or more as one key (how long → `how long`, who pays → `who pai`):
   * its words stemmed as the analyzer stems them, stopwords kept; undefined for a single word.
   */
  phraseKey(phrase: string): string | undefined {
    const words = this.phraseWords(this.normalize(phrase));
    return words.length >= 2 ? words.join(' ') : undefined;
  }

  /** Every run of two and three words in the text's stretches of English, keyed as `phraseKey` keys them. */
  private phrases(text: string): string[] {
    const out: string[] = [];
    for (const [stretch] of text.matchAll(ENGLISH_STRETCH)) {
      const words = this.phraseWords(stretch);
      for (let n = 2; n <= 3; n++) for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
    }
    return out;
  }

  private phraseWords(text: string): string[] {
    return text
      .split(/[^a-z'’]+/u)
      .flatMap((w) => this.englishWords(w))
      .map((w) => this.englishTerm(w));
  }

  private tokens(normalized: string, out: string[], unknownRuns: SegmentedRun[] | undefined): void {
    const compound = this.settings.options.compounds === true ? joinCompounds(normalized) : normalized;
    const joined = this.settings.options.senseCompounds === true ? joinSenseCompounds(compound) : compound;
    const text = this.settings.options.englishPhrases === true ? plainEnglish(joined) : joined;
    if (this.settings.options.modelCodes === true) {
      for (const m of text.matchAll(MODEL_CODE)) {
        out.push(m[0]);
        // E02 and E2 are one error code however a manual or a customer writes it
        const bare = bareCode(m[0]);
        if (bare !== m[0]) out.push(bare);
      }
    }
    if (this.settings.options.numberRanges === true) out.push(...rangeTerms(text));
    // the end of a digit-led code (2fa) already written: its letters are no word of their own
    let codeEnd = -1;
    for (const m of text.matchAll(TOKEN)) {
      const [whole, han, latin, digits] = m;
      if (m.index < codeEnd) continue;
      if (han !== undefined) this.han(han, out, unknownRuns);
      else if (latin !== undefined) this.latin(latin, out);
      else if (digits !== undefined) {
        const code = this.settings.options.digitCodes === true ? digitCode(text, m.index, digits) : undefined;
        if (code === undefined) this.digits(digits, text, m.index, whole.length, out);
        else {
          // the code, and its letters as the part that names it (fa, k, g): the number alone is
          // in every 2 months and 5 days, the letters only in codes (8k finds 4k's page, weakly)
          out.push(code);
          this.latin(code.slice(digits.length), out);
          codeEnd = m.index + code.length;
        }
      }
    }
  }

  private han(run: string, out: string[], unknownRuns: SegmentedRun[] | undefined): void {
    const words = segment(run, this.vocab);
    let kept = '';
    const flushBigrams = (): void => {
      if (this.settings.options.bigrams) for (let i = 0; i + 1 < kept.length; i++) out.push(BIGRAM_PREFIX + kept.slice(i, i + 2));
      if (this.settings.options.unigrams) for (const ch of kept) out.push(UNIGRAM_PREFIX + ch);
      kept = '';
    };
    if (unknownRuns !== undefined && run.length >= 2) {
      // cut points, except around stopwords: 我未 (我 + 未) is no typo of 我微
      const boundaries = new Set<number>();
      let at = 0;
      for (const w of words) {
        const stop = this.stop.has(w);
        if (!stop) boundaries.add(at);
        at += w.length;
        if (!stop) boundaries.add(at);
      }
      unknownRuns.push({ text: run, boundaries });
    }
    for (const w of words) {
      const term = this.word(w);
      if (term === undefined) {
        flushBigrams();
        continue;
      }
      out.push(term);
      kept += w;
      // 未到账 holds the 未 a customer's 没到 (→ 未 | 到) asks with: the word gives it too (option notArrivedNegation)
      if (this.settings.options.notArrivedNegation === true && w.length >= 3 && w.startsWith('未到')) {
        const negation = this.word('未');
        if (negation !== undefined) out.push(negation);
      }
      // search-engine mode: sub-words of long words, so 退货运费 also matches 运费 — but not of an
      // A-not-A question (有没有, 能不能, 是不是): its 没有, 不能, 不是 is no negation (有没有真人客服
      // found 有没有假货 through 没有, and 能不能退 would look for 不能退)
      if (w.length >= 3 && !(this.settings.options.aNotA === true && A_NOT_A.has(w))) {
        for (let len = 2; len < w.length; len++) {
          for (let i = 0; i + len <= w.length; i++) {
            const sub = w.slice(i, i + len);
            if (this.vocab.freq.has(sub)) {
              const t = this.word(sub);
              if (t !== undefined) out.push(t);
            }
          }
        }
      }
    }
    flushBigrams();
  }

  private latin(word: string, out: string[]): void {
    for (const w of this.englishWords(word)) {
      const kept = NEGATIONS.has(w) ? w : this.word(w);
      if (kept === undefined) continue;
      const t = this.englishTerm(kept);
      out.push(this.canonical.get(t) ?? t);
    }
  }

  /** The words an English token stands for: contractions split (can't → can not), with the `chat` option chat words too (didnt, pls). */
  private englishWords(token: string): string[] {
    if (token === '') return [];
    const chat = this.settings.options.chat === true;
    const more = this.settings.options.moreChatWords === true;
    return expandContraction(token)
      .flatMap((w) => (chat ? expandChatWord(w, more) : [w]))
      .filter((w) => w !== '');
  }

  /** An English word's stem (with the `chat` option, the American spelling's). */
  private englishTerm(word: string): string {
    const stemmed = this.settings.options.stem && /^[a-z]+$/.test(word) ? (this.settings.options.stemApart === true ? stemKeptApart(word) : stem(word)) : word;
    return this.settings.options.chat === true ? americanStem(stemmed) : stemmed;
  }

  private digits(digits: string, text: string, index: number, length: number, out: string[]): void {
    if (!this.settings.options.numberClasses) {
      out.push(digits);
      return;
    }
    const plain = digits.replace(/[.,]/g, '');
    const before = text.slice(Math.max(0, index - 2), index);
    const after = text.slice(index + length, index + length + 8);
    const more = this.settings.options.moreAmounts === true && (MORE_AMOUNT_BEFORE.test(before) || MORE_AMOUNT_AFTER.test(after) || (TWO_DECIMALS.test(digits) && !NOT_A_PRICE_BEFORE.test(text.slice(0, index)) && !NOT_A_PRICE_NEXT.test(text.slice(index + length))));
    if (AMOUNT_BEFORE.test(before) || AMOUNT_AFTER.test(after) || more) out.push('#amount');
    else if (/^1\d{10}$/.test(plain)) out.push('#phone');
    else if (plain.length >= 6 && !/^(19|20)\d{2}$/.test(plain)) out.push('#longnum');
    else out.push(digits);
  }

  /**
   * Windows of a run that are not KB words but sound like one: [typed, known]. A window starts
   * and ends where the segmenter cut (a mistyped word falls apart into pieces: 微利贷 → 微利 贷),
   * so 寄东西 never becomes 机动 by sounding out 寄东.
   */
  private soundsLike(run: string, boundaries: ReadonlySet<number>): [string, string][] {
    const index = this.getPinyinIndex();
    const found: [string, string][] = [];
    const covered = new Uint8Array(run.length);
    // longest windows first; a matched window's characters are not sounded out again (威力贷, not also 威力)
    for (let len = Math.min(4, run.length); len >= 2; len--) {
      for (let i = 0; i + len <= run.length; i++) {
        if (!boundaries.has(i) || !boundaries.has(i + len) || covered.subarray(i, i + len).some((c) => c === 1)) continue;
        const typed = run.slice(i, i + len);
        if (this.vocab.freq.has(typed)) continue;
        const known = this.soundAlike(typed, index);
        if (known !== undefined && known !== typed) {
          found.push([typed, this.word(known) ?? known]);
          covered.fill(1, i, i + len);
        }
      }
    }
    return found;
  }

  /**
   * KB words a Latin word spells in toneless pinyin (tuihuo → 退货, baoxiuqi → 保修期,
   * tuihuoyunfei → 退货 运费): what a customer types without switching the input method. The word
   * must be made entirely of KB words of two syllables or more (the fewest), so an English word
   * rarely is one; `[typed, known]` pairs, none when it is not.
   */
  private spelledInPinyin(word: string): [string, string][] {
    if (!PINYIN_SYLLABLES.test(word)) return [];
    const spelled = this.getSpelledIndex();
    const n = word.length;
    // fewest[i] = fewest KB words spelling word[i..n); cut[i] = end of the first of them
    const fewest = new Array<number>(n + 1).fill(Infinity);
    const cut = new Int32Array(n + 1);
    fewest[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = Math.min(n, i + MAX_SPELLED); j >= i + 4; j--) {
        const rest = fewest[j] ?? Infinity;
        if (rest + 1 < (fewest[i] ?? Infinity) && spelled.has(word.slice(i, j))) {
          fewest[i] = rest + 1;
          cut[i] = j;
        }
      }
    }
    if (fewest[0] === Infinity) return [];
    const found: [string, string][] = [];
    for (let i = 0; i < n; i = cut[i] ?? n) {
      const known = spelled.get(word.slice(i, cut[i])) ?? '';
      found.push([word, this.word(known) ?? known]);
    }
    return found;
  }

  /** The homophone index with its keys written without spaces: "tuihuo" → 退货. */
  private getSpelledIndex(): Map<string, string> {
    if (this.spelledIndex !== undefined) return this.spelledIndex;
    this.spelledIndex = new Map();
    for (const [key, word] of this.getPinyinIndex()) {
      const spelled = key.replaceAll(' ', '');
      if (!this.spelledIndex.has(spelled)) this.spelledIndex.set(spelled, word);
    }
    return this.spelledIndex;
  }

  /**
   * The KB word a typed stretch sounds like: read out from the table the index carries, or
   * through pinyin-pro for settings written without one.
   */
  private soundAlike(typed: string, index: ReadonlyMap<string, string>): string | undefined {
    if (this.settings.readings === undefined) return index.get(toPinyin(typed));
    this.readingOf ??= readingsOf(this.settings.readings);
    const key = soundOut(typed, this.readingOf);
    return key === undefined ? undefined : index.get(key);
  }

  private getPinyinIndex(): Map<string, string> {
    // built with the index (settings.homophones) so a bot's first question does not sound out
    // the whole vocabulary; computed here for settings written without it
    if (this.pinyinIndex !== undefined) return this.pinyinIndex;
    this.pinyinIndex = new Map();
    for (const line of (this.settings.homophones ?? homophonesOf(this.settings.vocabulary, this.stop)).split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) this.pinyinIndex.set(line.slice(0, tab), line.slice(tab + 1));
    }
    return this.pinyinIndex;
  }
}

/**
 * A range of whole numbers as shops write one (158-163, 47~53, 150到155, 150至155): two numbers of up to three
 * digits, the second larger by at most MAX_RANGE_SPAN, not inside a longer chain (a date 2026-11-27, a
 * phone 400-800-1234), no hours (8:00-22:00, 9-18点), no amounts (¥5-12, 5-12元, 5-12 元, 10-20 %), no model code
 * (X2-40: a number right after a Latin letter), no negative number (−5-10℃, with a minus sign of its own).
 * Its ends are terms already.
 */
const NUMBER_RANGE = /(?<![\d.,:：\-−~¥￥$a-zA-Z])(\d{1,3})\s*(?:-|~|～|–|—|至|到)\s*(\d{1,3})(?![\d.,:：]|\s*(?:%|元|块|美元|美金|点|时)|\s*(?:-|~)\s*\d)/gu;
/**
 * Two month-days joined (12-25至1-5, 11.11-11.13): an event's dates, not ranges; and the text just
 * before a single month-day one (活动时间12-25, 日期：1-5).
 */
const DATE_SPAN = /(?<![\d.])\d{1,2}[-./]\d{1,2}\s*(?:-|~|～|–|—|至|到)\s*\d{1,2}[-./]\d{1,2}(?![\d.])/gu;
const DATE_BEFORE = /(?:日期|活动时间|活动期间|活动)[:：]?\s*$/u;
/** The widest range kept as a term: a size chart's 150-158 or 80-94斤, not 100-500. */
const MAX_RANGE_SPAN = 40;
/** A range's term: its ends joined by `~` (158~163). */
export const RANGE_TERM = /^(\d{1,3})~(\d{1,3})$/u;

/**
 * The text's ranges as terms (option numberRanges): 158-163 → `158~163`, besides its ends 158 and 163. The
 * runtime reads a question's number inside one as that term (QueryTerms: 160 → 158~163), so a customer's
 * 身高160 meets the size chart row that covers it (user trial, a clothing shop, 2026-11-27).
 */
export function rangeTerms(text: string): string[] {
  const out: string[] = [];
  const dates = [...text.matchAll(DATE_SPAN)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  for (const m of text.matchAll(NUMBER_RANGE)) {
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (dates.some(([start, end]) => m.index >= start && m.index < end)) continue;
    if (DATE_BEFORE.test(text.slice(Math.max(0, m.index - 6), m.index))) continue;
    if (to > from && to - from <= MAX_RANGE_SPAN) out.push(`${from}~${to}`);
  }
  return out;
}

/**
 * The digit-led code a number of a normalized text opens (2fa, 4k, 5g, 3c, 1080p, 3xl, 2nd), or
 * undefined when it opens none: a number with decimals or of five digits or more, one after a letter
 * (x20: a model code) or a currency sign, or one before a unit (65w, 128gb, 24h: quantities).
 */
function digitCode(text: string, index: number, digits: string): string | undefined {
  if (!/^\d{1,4}$/u.test(digits)) return undefined;
  const before = text.slice(Math.max(0, index - 3), index);
  if (/[a-z]$/u.test(before) || AMOUNT_BEFORE.test(before) || MORE_AMOUNT_BEFORE.test(before) || /\d[.,]$/u.test(before)) return undefined;
  // a price written with its currency word (5euro, 20quid, 100元): an amount, as before codes
  const after = text.slice(index + digits.length, index + digits.length + 12);
  if (AMOUNT_AFTER.test(after) || MORE_AMOUNT_AFTER.test(after)) return undefined;
  const letters = GLUED_LETTERS.exec(after.slice(0, 5))?.[0];
  if (letters === undefined) return undefined;
  const code = digits + letters;
  return UNITS.has(letters) && !NAMES_LIKE_QUANTITIES.test(code) ? undefined : code;
}

/**
 * Toneless pinyin → the KB word of 2–4 characters that sounds like it, the one the KB uses most:
 * 微粒贷 (hundreds of texts) over the typo 微离贷 (one). Words in fewer than two texts and
 * stopwords are left out. As `pinyin<TAB>word` lines, in vocabulary (sorted) order, then the
 * other readings of words with polyphones (还款: hai kuan, then huan kuan).
 */
export function homophonesOf(vocabulary: AnalyzerSettings['vocabulary'], stop: ReadonlySet<string>): string {
  const best = new Map<string, [string, number]>();
  const words: [string, number, string][] = [];
  for (const [word, , texts] of vocabulary) {
    if (texts < 2 || word.length < 2 || word.length > 4 || !HAN.test(word) || stop.has(word)) continue;
    const key = toPinyin(word);
    words.push([word, texts, key]);
    const current = best.get(key);
    if (current === undefined || texts > current[1]) best.set(key, [word, texts]);
  }
  // a polyphone's other readings (还款 as huan kuan, not only pinyin-pro's hai kuan), where no
  // word of the KB is read so (those keys are taken above)
  const other = new Map<string, [string, number]>();
  for (const [word, texts, reading] of words) {
    for (const key of otherReadings(word, reading)) {
      if (best.has(key)) continue;
      const current = other.get(key);
      if (current === undefined || texts > current[1]) other.set(key, [word, texts]);
    }
  }
  for (const [key, value] of other) best.set(key, value);
  return [...best].map(([k, [w]]) => `${k}\t${w}`).join('\n');
}
