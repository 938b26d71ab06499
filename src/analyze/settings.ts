/**
 * Everything the analyzer needs to cut text exactly as the build did. It is embedded in the
 * index file, so a query is analyzed at run time with the build's own vocabulary, synonyms,
 * stopwords and options.
 */

export interface AnalyzerOptions {
  /** CJK character bigrams besides words (robust to segmentation differences and typos). */
  bigrams: boolean;
  /** CJK single characters as terms too (prefix `^`), for very short texts. */
  unigrams: boolean;
  /** Porter stemming of English words. */
  stem: boolean;
  /** Traditional Chinese → simplified. */
  simplify: boolean;
  /** Long digit strings and amounts → class tokens (#phone, #longnum, #amount). */
  numberClasses: boolean;
  /** Match unknown query words to KB words that sound the same (微利贷 → 微粒贷). */
  pinyin: boolean;
  /**
   * Model codes (Pro8, A1234, iPhone15) as one term besides their letters and digits: 8 alone is
   * in every model 8 of the catalogue, pro8 only in its own. Absent in indexes built before it.
   */
  modelCodes?: boolean;
  /**
   * Written Cantonese → Mandarin (冇 → 没有, 几耐 → 多久, 点样 → 怎么样): what Hong Kong customers type.
   * Absent in indexes built before it.
   */
  cantonese?: boolean;
  /**
   * Chat spellings → the policy's words (咋 → 怎么, 木有 → 没有, 退 货 → 退货, 7天 → 七天, [微笑]
   * dropped; src/analyze/chat.ts). Absent in indexes built before it.
   */
  chat?: boolean;
  /**
   * English words the Porter stemmer would join with a word of another meaning keep their own
   * stem (customer ≠ customs, business ≠ busy; src/analyze/english.ts). Absent in indexes built before it.
   */
  stemApart?: boolean;
  /**
   * More amounts are #amount: after £, €, HK$ or NT$, before a currency word (dollars, pounds, euros,
   * 港币, 台币 …), and a number with two decimals (6.95 off my refund). Absent in indexes built before it.
   */
  moreAmounts?: boolean;
  /**
   * A code that opens with digits and is a name, not a quantity (2FA, 4K, 5G, 3C, 1080p, 3XL, 2nd), is one
   * term besides its letters, without its number: `2fa` and `fa`, not `2` + `fa` (so "pause for 2 months"
   * no longer meets the 2FA page through its 2). A number before a unit (65W, 128GB, 100ml, 24h, 7days,
   * 9am) stays a number and a unit. Absent in indexes built before it.
   */
  digitCodes?: boolean;
  /**
   * Compound words read in one form however they are written (Wi-Fi / wifi / wi fi → wifi, e-mail →
   * email, set up → setup, ebike → e bike; `joinCompounds` in src/analyze/english.ts). Absent in
   * indexes built before it.
   */
  compounds?: boolean;
  /**
   * An A-not-A question word (有没有, 能不能, 是不是) gives no sub-words: its 没有, 不能, 不是 asks, it does
   * not deny (有没有真人客服 found 有没有假货 through 没有). Absent in indexes built before it.
   */
  aNotA?: boolean;
  /**
   * "Not arrived" in one form (没到, 还没到, 没有到账 → 未到…; src/analyze/not-arrived.ts), so a customer's
   * 退款还没到 meets a rule's 退款未到账. Absent in indexes built before it.
   */
  notArrived?: boolean;
  /**
   * A word that opens with "not arrived" (未到账, 未到货) also gives its 未, as 未收到货 (未 | 收到货) does: a
   * customer's 退款一直没到 (→ 未 | 到) then meets a rule's 退款未到账 on its negation too, not only 未收到货
   * (src/analyze/not-arrived.ts). Absent in indexes built before it.
   */
  notArrivedNegation?: boolean;
  /**
   * A small range of whole numbers (158-163, 47~53, 150到155) is also one term (158~163), which a question's
   * number inside it finds, so a customer's 160 meets a size chart's 身高158-163 (`rangeTerms` in
   * src/analyze/analyzer.ts, `QueryTerms.inRanges` in src/runtime/query-terms.ts). Absent in indexes built before it.
   */
  numberRanges?: boolean;
  /**
   * Customers' phrases read as the help page's word, on both sides (send it back → return it, money back →
   * refund, do you take paypal → accept, unworn → not worn, talk to a real person → contact customer
   * service; `plainEnglish` in src/analyze/english.ts). Absent in indexes built before it.
   */
  englishPhrases?: boolean;
  /**
   * Two-word names whose first word means something else alone as one term: sign in / log in → signin,
   * sign out → signout, a late fee → latefee fee (`joinSenseCompounds` in src/analyze/english.ts). Absent
   * in indexes built before it.
   */
  senseCompounds?: boolean;
  /**
   * With `chat`, the chat words added on 2026-11-28: meds → medications, rx → prescription (`MORE_CHAT_ENGLISH` in
   * src/analyze/english.ts). Absent in indexes built before it, which read them as written.
   */
  moreChatWords?: boolean;
}

export interface AnalyzerSettings {
  options: AnalyzerOptions;
  /** [word, frequency, texts], sorted by word: the KB's vocabulary with jieba frequencies and the number of KB texts it occurs in. */
  vocabulary: [string, number, number][];
  /** Synonym groups; every word of a group is replaced by the group's first word. */
  synonyms: string[][];
  /** Words dropped from both entries and queries (negations are never among them). */
  stopwords: string[];
  /**
   * `pinyin<TAB>word` lines for homophone typos (see `homophonesOf`), computed at build time when
   * the pinyin option is on: sounding out the vocabulary took a bot's first question about 140 ms
   * on a 10k-entry KB. One string, split on first use: a load parses one string, not thousands.
   */
  homophones?: string;
  /**
   * `syllable<TAB>characters` lines: how common characters can be read (see
   * `characterReadings`), so that a bot sounds out a typo without loading pinyin-pro. Written
   * with `homophones`; without it the runtime falls back to pinyin-pro.
   */
  readings?: string;
}

export const DEFAULT_ANALYZER_OPTIONS: AnalyzerOptions = {
  bigrams: true,
  unigrams: false,
  stem: true,
  simplify: true,
  numberClasses: true,
  pinyin: true,
  modelCodes: true,
  cantonese: true,
  chat: true,
  stemApart: true,
  moreAmounts: true,
  digitCodes: true,
  compounds: true,
  aNotA: true,
  notArrived: true,
  notArrivedNegation: true,
  numberRanges: true,
  englishPhrases: true,
  senseCompounds: true,
  moreChatWords: true,
};
