/**
 * Similar questions for an entry: other ways customers ask the same thing. Rule-based and
 * deterministic. Four kinds, taken in turn so that a small budget still gets variety:
 *
 * - question words and sentence patterns (如何/怎么/怎样/咋；可以…吗/能不能…/能…吗；是什么/指什么;
 *   how do I / how can I; can I / am I able to …),
 * - synonym substitution from the after-sales lexicon (退货 → 退回, 运费 → 邮费),
 * - keyword-only forms (退货的运费由谁承担？ → 退货 运费),
 * - colloquial forms (谁承担 → 谁出, 请问 …).
 */
import { AFTER_SALES_LEXICON, GROUP_TOPICS, KNOWN_NAMES, RELATED_ONLY_GROUPS, swappable } from '../analyze/lexicon.js';
import { interleave, languageOf, questionKey, type QuestionLanguage } from './text.js';

export interface SimilarOptions {
  /** How many similar questions at most. */
  n: number;
  /** Questions already known for the entry (never proposed again). */
  existing?: readonly string[];
  /** Language of the question (default: detected). */
  language?: QuestionLanguage;
  /** Word groups for synonym substitution (default: the built-in after-sales lexicon). */
  lexicon?: readonly (readonly string[])[];
  /** Kinds of variants to offer (default all). */
  kinds?: readonly SimilarKind[];
  /**
   * What the entry is about (its heading path and answer): a word several lexicon groups share
   * (承运人) is put in only by a group whose topic the context has (GROUP_TOPICS). Default: the question.
   */
  context?: string;
}

/** What an entry is about, for SimilarOptions.context and the quality gate: its heading path and its answer. */
export function entryContext(entry: { source?: { headingPath: readonly string[] } | undefined; answer: string }): string {
  return `${entry.source?.headingPath.join(' ') ?? ''}\n${entry.answer}`;
}

export type SimilarKind = 'pattern' | 'synonym' | 'keyword' | 'colloquial';
export const SIMILAR_KINDS: readonly SimilarKind[] = ['pattern', 'synonym', 'keyword', 'colloquial'];

/** Interchangeable question words and phrases: any member may stand for another. */
const ZH_SWAPS: readonly (readonly string[])[] = [
  ['如何', '怎么', '怎样', '咋'],
  ['是什么意思', '指什么', '是啥意思'],
  ['是什么', '指什么', '是啥'],
  ['怎么办', '如何处理', '咋办', '该怎么办'],
  ['多长时间', '多久', '几天'],
  ['什么时候', '何时', '啥时候'],
  ['谁承担', '谁出', '谁负责', '谁付'],
  ['由谁承担', '该谁出', '由谁负责'],
  ['有哪些', '有什么', '包括哪些'],
  // (bare 多少钱 is no source: 满多少钱包邮 → 满是多少钱包邮)
  ['是多少钱', '要多少钱'],
  ['有什么规定', '是怎么规定的', '有什么要求'],
];

const EN_SWAPS: readonly (readonly string[])[] = [
  ['how do i', 'how can i', 'how to', 'what is the way to'],
  ['what is the', 'explain the', 'tell me about the'],
  ['what are the', 'explain the', 'tell me about the'],
  ['can i', 'am i able to', 'is it possible to'],
  // only where the question opens with it: How long do I have to return items? → How long must I return items? says something else
  ['do i have to', 'do i need to'],
  // "must I" only where the question opens with it: How long do I have to return items? → How long must I return items? says something else
  ['^do i have to', '^must i'],
  ['who pays for', 'who covers', 'who is responsible for'],
  ['how long does', 'how much time does'],
  ['when will', 'how soon will'],
  ['who is eligible for', 'who can get', 'who qualifies for'],
  ['what do i need to know about', 'tell me about', 'information on'],
];

/** Sentence patterns (Chinese): 可以X吗 ↔ 能不能X ↔ 能X吗; 什么是X ↔ X是什么; 是否X ↔ X吗. */
/** Verb-object words split by 不了 (开机 → 开不了机) and verbs followed by it (启动 → 启动不了). */
const ZH_VERB_OBJECT = /^(开|关|充|进|排|出|上|联|放|脱|烘)(机|电|水|风|网|干)$/u;
const ZH_VERB = /^(启动|连接|联网|工作|运行|使用|打开|关闭|加热|制冷|制热|旋转|转动|识别|配网|充满)()$/u;

function zhPatterns(q: string): string[] {
  const out: string[] = [];
  const body = q.replace(/[？?。！!]+$/u, '');
  let m = /^(.*?)可以(.+?)吗$/u.exec(body);
  if (m !== null) out.push(`${m[1]}能不能${m[2]}？`, `${m[1]}能${m[2]}吗？`, `${m[1]}${m[2]}可以吗？`);
  m = /^(.*?)能不能(.+)$/u.exec(body);
  if (m !== null) out.push(`${m[1]}可以${m[2]}吗？`, `${m[1]}能${m[2]}吗？`);
  m = /^(.*?)是否(.+)$/u.exec(body);
  if (m !== null) out.push(`${m[1]}${m[2]}吗？`, `${m[1]}能不能${m[2]}？`);
  m = /^什么是(.+)$/u.exec(body);
  if (m !== null) out.push(`${m[1]}是什么？`, `${m[1]}指什么？`);
  m = /^(.+?)是什么$/u.exec(body);
  if (m !== null && !body.startsWith('什么')) out.push(`什么是${m[1]}？`);
  m = /^(.+?)怎么办$/u.exec(body);
  if (m !== null) out.push(`如果${m[1]}怎么办？`);
  return out;
}

/** Words that end in 重 (体重, 严重, 贵重 …): a 重 after their first character is theirs, no 重发 or 重新 of a lexicon word. */
const ENDS_IN_ZHONG = /^[体严贵比注隆尊郑沉加看偏稳厚笨慎庄着轻敬器侧珍繁净毛自超载]重$/u;

/** What may follow a Chinese word that ends there: punctuation, a particle, a question word, a verb of the question. */
const ZH_WORD_END = /^(?:$|[\s，。？！?!、：；（）()的了吗呢吧是由谁和或与及怎如多要能可会应需被给向在从对])/u;

type CompiledSwaps = { words: readonly string[]; res: RegExp[] }[];

/** A question word that is part of a longer phrase another group swaps (怎么 of 怎么办: not 如何办). */
const ZH_PART_OF_PHRASE: Readonly<Record<string, string>> = { 如何: '(?!办)', 怎么: '(?!办|样)', 怎样: '(?!办)', 咋: '(?!办)' };

function compileSwaps(groups: readonly (readonly string[])[], flags: string): CompiledSwaps {
  return groups.map((words) => ({ words, res: words.map((w) => new RegExp(w.replace(/ /g, '\\s+') + (Object.hasOwn(ZH_PART_OF_PHRASE, w) ? ZH_PART_OF_PHRASE[w] : ''), flags)) }));
}

const ZH_SWAPS_RE = compileSwaps(ZH_SWAPS, 'u');
const EN_SWAPS_RE = compileSwaps(EN_SWAPS, 'iu');

function swaps(question: string, groups: CompiledSwaps): string[] {
  const out: string[] = [];
  for (const { words, res } of groups) {
    const i = res.findIndex((re) => re.test(question));
    const re = res[i];
    if (re === undefined) continue;
    for (const to of words) if (to !== words[i]) out.push(question.replace(re, to.replace(/^\^/u, '')));
  }
  return out;
}

/**
 * An English variant written as a person writes it: the capital of the question's first letter
 * kept, `I` capital, and no question mark after a request (Tell me about the exchanges).
 */
/** Sentence patterns (English): How much does X cost? ↔ What is the cost of X? */
function enPatterns(q: string): string[] {
  const m = /^how much (?:does|do) (.+) cost\?*$/iu.exec(q);
  return m?.[1] !== undefined ? [`What is the cost of ${m[1]}?`] : [];
}

function englishCase(variant: string, question: string): string {
  let v = variant.replace(/\bi\b/gu, 'I');
  if (/^[A-Z]/u.test(question)) v = v.charAt(0).toUpperCase() + v.slice(1);
  // (also after a label: Voluntary recall of …: explain the hazard)
  if (/^(?:[^:?]{1,100}:\s+)?(?:explain|tell me|information on)\b/iu.test(v)) v = v.replace(/\?+$/u, '');
  return v;
}

interface LexiconWord {
  word: string;
  group: readonly string[];
  /** Another group has the word too (承运人): it goes by this group only in a section about the group's topic (GROUP_TOPICS). */
  shared?: boolean;
  /** English words match whole words only. */
  re?: RegExp;
}

const compiledLexicons = new WeakMap<readonly (readonly string[])[], LexiconWord[]>();

/** The lexicon's words, except question words (those are swapped above) and groups of related, not interchangeable words, compiled once per lexicon. */
function lexiconWords(lexicon: readonly (readonly string[])[]): LexiconWord[] {
  let words = compiledLexicons.get(lexicon);
  if (words === undefined) {
    words = [];
    for (const group of lexicon) {
      if (group.some((w) => /^(?:怎么|什么|多久|多少钱|为什么|可以)$/u.test(w)) || RELATED_ONLY_GROUPS.has(group)) continue;
      for (const word of group) words.push(/^[\x00-\x7f]+$/u.test(word) ? { word, group, re: new RegExp(`\\b${word}\\b`, 'u') } : { word, group });
    }
    const groupsOf = new Map<string, number>();
    for (const { word } of words) groupsOf.set(word, (groupsOf.get(word) ?? 0) + 1);
    for (const w of words) if ((groupsOf.get(w.word) ?? 0) > 1) w.shared = true;
    compiledLexicons.set(lexicon, words);
  }
  return words;
}

/** English lexicon words that are only nouns (cancellation, reimbursement, eligibility): never put in for a verb. */
const EN_NOUN_ONLY = /(?:tion|sion|ment|ance|ence|ity)$/u;
/** English lexicon words used as nouns only here: Do you charge customs duties? → never Do you fee / cost / price them. */
// (receipt: Do you bill annually? asked Do you receipt annually?; job: Does it work with Alexa? asked Does it job with Alexa?)
const EN_NOUN_WORDS = new Set(['fee', 'cost', 'price', 'receipt', 'job', 'employment']);
/** English lexicon words that are only verbs: never put in for a noun (return window → send back window). */
const EN_VERB_ONLY = new Set(['cancel', 'reimburse', 'withdraw', 'send back', 'apply', 'sign up', 'enroll', 'qualify', 'complain', 'replace']);
/** English lexicon words that are only adjectives: never put in for a verb (Can I qualify sooner → Can I eligible sooner). */
const EN_ADJECTIVE_ONLY = new Set(['eligible', 'qualified']);
/**
 * An adjective that only goes before its noun and the adverb of it (annual, annually): the adjective is put
 * in only before a noun, the adverb never (What is the annually subscription?, Do you bill annual?, SaaS review
 * 2026-11-27); yearly is both.
 */
const EN_BEFORE_NOUN_ONLY = new Set(['annual']);
const EN_ADVERB_ONLY = new Set(['annually']);
/** What follows an adjective or an adverb that is no noun of it: a conjunction, a preposition, the end. */
const EN_NOT_A_NOUN_AFTER = /^\s*(?:$|[?.!,;:)]|(?:or|and|but|to|for|from|in|on|at|by|with|instead|rather|than|then|please|now|too|only)\b)/iu;

/** Words that cost something, not a way of sending: postage costs, not postage address. */
const EN_COST_ONLY = new Set(['postage', 'freight']);

/**
 * Is the English word at `at` (of `length`) used as a verb? Its object follows (return the goods,
 * cancel my order, send it back) or a subject or "to" goes before it (I return, to cancel).
 */
function enVerbUse(question: string, at: number, length: number): boolean {
  const before = question.slice(0, at);
  const after = question.slice(at + length);
  // (won't, can't, doesn't: earbuds won't charge → won't fee / cost / price, 2026-11-26)
  return /^\s+(?:it|them|an?|the|my|your|this|these|that|those|items?|goods|products?|orders?|something|everything)\b/iu.test(after) || /(?:\b(?:i|you|we|they|it|to|not|please|can|could|will|would|shall|should|may|might|must|cannot|never)|n['’]t)\s+$/iu.test(before);
}

/** Verbs that take what one gets instead with "with", never "for": Can I exchange for a different colour? → never replace for. */
const EN_NOT_BEFORE_FOR = new Set(['replace']);

/** A phrasal verb's particle: send back, sign up. */
const EN_PARTICLE = /^(\S+)\s+(back|up|out|off|in|down|over|away)$/u;

/**
 * `to` put in for a word followed by `after`: a phrasal verb goes around a pronoun (can I return it →
 * can I send it back, not send back it).
 */
function withParticle(to: string, after: string): { to: string; after: string } {
  const phrasal = EN_PARTICLE.exec(to);
  const pronoun = /^(\s+(?:it|them|him|her|me|us))\b/iu.exec(after);
  if (phrasal === null || pronoun?.[1] === undefined) return { to, after };
  return { to: `${phrasal[1] ?? ''}${pronoun[1]} ${phrasal[2] ?? ''}`, after: after.slice(pronoun[1].length) };
}

/**
 * Names made of two words, whose words are no synonyms' places: store credit is no seller credit,
 * a gift card no present card (an apparel shop's trial, 2026-11-27: Can I get a refund or seller credit?).
 */
const EN_FIXED_NAMES = new Set(['store credit', 'shop credit', 'gift card', 'gift voucher', 'credit card', 'debit card', 'final sale', 'loyalty points', 'promo code', 'discount code', 'price adjustment', 'price match', 'price protection']);

/** Whether the word at `at` is one word of a two-word name (EN_FIXED_NAMES). */
function inFixedName(question: string, at: number, word: string): boolean {
  const before = /(\p{L}+)\s+$/u.exec(question.slice(0, at))?.[1];
  const after = /^\s+(\p{L}+)/u.exec(question.slice(at + word.length))?.[1];
  const w = word.toLowerCase();
  const named = (phrase: string): boolean => EN_FIXED_NAMES.has(phrase) || EN_FIXED_NAMES.has(phrase.replace(/s$/u, ''));
  return (after !== undefined && named(`${w} ${after.toLowerCase()}`)) || (before !== undefined && named(`${before.toLowerCase()} ${w}`));
}

/**
 * The text before a substitute with its article made to fit it: an exchange → a swap, a swap → an
 * exchange (Is an swap free?, 2026-11-27). By the first letter, as written English mostly goes (a
 * unit, a one-off and an hour aside).
 */
function withArticle(before: string, to: string): string {
  const article = /\b(an?)(\s+)$/iu.exec(before);
  if (article?.[1] === undefined) return before;
  const vowel = /^(?:[aeio]|u(?!ni|nanim|s[eu]|r[aeiou]|til)|hour|honest|heir)/iu.test(to) && !/^(?:one|once|eu)/iu.test(to);
  const fitted = vowel ? 'an' : 'a';
  const written = article[1].charAt(0) === 'A' ? fitted.charAt(0).toUpperCase() + fitted.slice(1) : fitted;
  return before.slice(0, article.index) + written + (article[2] ?? ' ');
}

/** Adverbs of degree that make the adjective after them a quality: highly qualified, fully eligible, well qualified. */
const EN_DEGREE = /\b(?:\p{L}+ly|very|well|so|too|more|most|less|least|quite|rather)\s+$/iu;

/** What one resets that is no device: a password, a PIN, 2FA, a link (reset my password is no restart, no reboot). */
const EN_ACCOUNT_OBJECT = /^\s+(?:(?:my|the|your|a|an|our)\s+)?(?:password|passcode|pin|2fa|two[-\s]factor|mfa|authenticat\p{L}*|security|login|log-?in|username|email|link|code|account)\b/iu;

/**
 * Is the word used in its lexicon group's sense? Eligible and qualified are one thing only where one
 * is so for something (eligible for a refund, qualified to apply, are you eligible?): a highly
 * qualified teacher, a qualified electrician have training, not a right (a highly eligible teacher,
 * doc2dial); reset, restart and reboot are one thing for a device, not for a password or 2FA
 * (How do I restart my password?, a SaaS help centre's trial, 2026-11-27), nor after factory; a price
 * is a fee except in the shop's price matching, adjustment, protection or drop.
 */
function inGroupSense(before: string, word: string, after: string): boolean {
  const w = word.toLowerCase();
  if (EN_ADJECTIVE_ONLY.has(w)) {
    if (EN_DEGREE.test(before)) return false;
    // before a noun (a qualified teacher) it says what kind: the group's sense is after be, become, get or as what one is for
    if (/^\s+\p{L}/u.test(after) && !/^\s+(?:for|to|under|as|if|when|and|or|because)\b/iu.test(after) && !/\b(?:be|is|are|am|was|were|been|being|become|becomes|get|gets|stay|remain|not|i|you|we|they)\s+$/iu.test(before)) return false;
  }
  if ((w === 'reset' || w === 'restart' || w === 'reboot') && EN_ACCOUNT_OBJECT.test(after)) return false;
  // a factory reset wipes a device, a restart does not; price matching, price adjustment, price protection
  // and a price drop are the shop's terms, not a fee's (smart-home trial, 2026-11-27: What is the factory
  // restart a smart plug?, What is the fee matching?)
  if (w === 'reset' && /\bfactory[\s-]+$/iu.test(before)) return false;
  if (w === 'price' && /^[\s-]+(?:match(?:ing|es)?|adjustments?|protection|drops?|guarantee)\b/iu.test(after)) return false;
  return true;
}

/** Nouns that are never counted: no a or an before them. */
const EN_MASS_NOUN = /^(?:shipping|postage|freight|information|assistance|help|advice|money back)$/iu;

/** May an English similar question put `to` where the question has `word` (at `at`)? Only the same part of speech; postage only as a cost. */
function enFits(question: string, at: number, word: string, to: string): boolean {
  if (inFixedName(question, at, word)) return false;
  const verb = enVerbUse(question, at, word.length);
  if ((EN_NOUN_ONLY.test(to) || EN_NOUN_WORDS.has(to)) && (verb || EN_VERB_ONLY.has(word))) return false;
  if (EN_VERB_ONLY.has(to) && (!verb || EN_NOUN_ONLY.test(word) || EN_ADJECTIVE_ONLY.has(word))) return false;
  if (EN_ADJECTIVE_ONLY.has(to) && EN_VERB_ONLY.has(word)) return false;
  // a noun is no adjective: be eligible → be eligibility (doc2dial)
  if (EN_ADJECTIVE_ONLY.has(word) && EN_NOUN_ONLY.test(to)) return false;
  const before = question.slice(0, at);
  const after = question.slice(at + word.length);
  if (!inGroupSense(before, word, after)) return false;
  // a verb's -ing form inside a sentence takes one (about rescheduling or missing a delivery → …or lost a delivery,
  // an editor's week 2026-11-28); opening a question it may go (Missing a part? → Lost a part?)
  if (verb && before.trim() !== '' && /ing$/iu.test(word) && !/ing$/iu.test(to.split(/\s+/u)[0] ?? '')) return false;
  // a mass noun takes no a / an (rescheduling a delivery → a shipping), unless it names a kind of thing (a shipping address)
  if (EN_MASS_NOUN.test(to) && /\ban?\s+$/iu.test(before) && /^\s*(?:[?.!,;:]|$|\s(?:of|for|to|from|with|in|on|at|by|or|and)\b)/iu.test(after)) return false;
  const beforeNoun = !EN_NOT_A_NOUN_AFTER.test(after);
  if (EN_BEFORE_NOUN_ONLY.has(to) && !beforeNoun) return false;
  if (EN_ADVERB_ONLY.has(to) && (beforeNoun || /\b(?:an?|the|my|your|our|their|this|that|per)\s+$/iu.test(before))) return false;
  if (EN_NOT_BEFORE_FOR.has(to) && /^\s+for\b/iu.test(after)) return false;
  if (EN_COST_ONLY.has(to) && !/^\s+(?:costs?|fees?|charges?)\b/iu.test(after) && !(/\b(?:pay|pays|paying|for)\s+$/iu.test(before) && /^\s*[?.!]?$/u.test(after))) return false;
  // withdraw (cancel's formal word) only from something: Can I withdraw the order? asks something else
  if (to === 'withdraw' && !/^\s+from\b/iu.test(after)) return false;
  // money back only as what one gets back (When will I get my refund? → …my money back?), not a full money back
  if (to === 'money back' && !/\bmy\s+$/iu.test(before)) return false;
  return true;
}

/** The substitute as the question writes its word: a capital for a capital (Refund → Reimbursement; a capital after a capital is a name's: no synonym). */
function enCase(question: string, at: number, to: string): string {
  return /^\p{Lu}/u.test(question.charAt(at)) ? to.charAt(0).toUpperCase() + to.slice(1) : to;
}

const groupsByWord = new WeakMap<readonly (readonly string[])[], Map<string, Set<readonly string[]>>>();

/** The lexicon's groups by word (a word may be in several), built once per lexicon. */
function groupsOf(lexicon: readonly (readonly string[])[]): Map<string, Set<readonly string[]>> {
  let map = groupsByWord.get(lexicon);
  if (map === undefined) {
    map = new Map();
    for (const { word, group } of lexiconWords(lexicon)) {
      let set = map.get(word);
      if (set === undefined) map.set(word, (set = new Set()));
      set.add(group);
    }
    groupsByWord.set(lexicon, map);
  }
  return map;
}

/**
 * Does a Chinese substitute end in a word of a group the text after it opens with? 七天无理由 → 无理由退货
 * before 退换货 says returning twice (无理由退货退换货是什么？, and all at once 无理由退货退货是什么？).
 */
function repeatsNext(to: string, after: string, lexicon: readonly (readonly string[])[]): boolean {
  const groups = groupsOf(lexicon);
  const ending = new Set<readonly string[]>();
  for (let n = 2; n <= Math.min(5, to.length); n++) for (const g of groups.get(to.slice(-n)) ?? []) ending.add(g);
  if (ending.size === 0) return false;
  for (let n = 2; n <= Math.min(5, after.length); n++) for (const g of groups.get(after.slice(0, n)) ?? []) if (ending.has(g)) return true;
  return false;
}

/** A run of two or more Chinese characters written twice in a row (退货退货). */
const DOUBLED = /(\p{Script=Han}{2,})\1/u;

/** Where the question names a payment channel or brand (KNOWN_NAMES): spans no synonym goes into. */
function namesIn(question: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const name of KNOWN_NAMES) {
    for (let at = question.indexOf(name); at >= 0; at = question.indexOf(name, at + name.length)) spans.push([at, at + name.length]);
  }
  return spans;
}

/** Each lexicon word of the question (longest first, not overlapping) replaced by the other words of its group, in turn. */
function synonyms(question: string, lexicon: readonly (readonly string[])[], english: boolean, context: string): string[] {
  const lower = question.toLowerCase();
  const found: { at: number; word: string; group: readonly string[] }[] = [];
  for (const { word, group, re, shared } of lexiconWords(lexicon)) {
    if (english !== (re !== undefined)) continue;
    // a word another group has too (承运人) goes by this group only in a section about its topic
    const topic = shared === true ? GROUP_TOPICS.get(group[0] ?? '') : undefined;
    if (topic !== undefined && !topic.test(context)) continue;
    let at = re !== undefined ? (lower.includes(word) ? lower.search(re) : -1) : question.indexOf(word);
    // 运输费用 is 运输 + 费用, not 运输费 + 用 (运费用)
    if (at >= 0 && word.endsWith('费') && question.charAt(at + word.length) === '用') at = -1;
    // 体重发给客服 is 体重 + 发给, not 体 + 重发 (it became 体补发给客服): a word that opens with 重 does not start inside X重
    if (at > 0 && word.startsWith('重') && ENDS_IN_ZHONG.test(question.slice(at - 1, at + 1))) at = -1;
    // a capital after a capital is a name's (GI Bill, Product Warranty): no synonym for it (was GI invoice)
    if (at > 0 && re !== undefined && /^\p{Lu}/u.test(question.charAt(at)) && /\b\p{Lu}[\p{L}.-]*\s+$/u.test(question.slice(0, at))) continue;
    if (at >= 0) found.push({ at, word, group });
  }
  found.sort((a, b) => b.word.length - a.word.length || a.at - b.at);
  // a name that contains a lexicon word (支付宝, 微信支付) is taken whole: no synonym inside it (付款宝)
  const taken: [number, number][] = namesIn(question);
  const picks: typeof found = [];
  for (const f of found) {
    if (taken.some(([s, e]) => f.at < e && f.at + f.word.length > s)) continue;
    taken.push([f.at, f.at + f.word.length]);
    picks.push(f);
  }
  picks.sort((a, b) => a.at - b.at);
  const out: string[] = [];
  // first every word at once in plain words (each group's first word: 承运人…灭失 → 快递公司…丢失),
  // then one substitute per word, words in turn: 退货运费 → 退回运费, 退货邮费, 退掉运费 …
  // English: not the verb of a template (How much does X cost?, How does X work?), nor a word the question already
  // has (Shipping & Delivery → Shipping & Shipping)
  // (How much does it cost to keep …? → How much does it charge to keep …?: cost there is the template's too)
  const templateVerb = !english ? undefined : /^how\s+much\s+(?:does|do|will|would)\s+it\s+cost\b/iu.test(question) ? 'cost' : /^how\s+(?:(?:much|long)\s+(?:do|does)\b|(?:do|does)\s.+\swork\?*$)/iu.test(question) ? /\s([^\s?]+)\?*$/u.exec(question)?.[1]?.toLowerCase() : undefined;
  const has = (word: string): boolean => english && new RegExp(`\\b${word}\\b`, 'iu').test(question);
  // 物业服务人 → 物业费服务人: a longer word put in for its start only where the word ends
  const fits = (p: (typeof picks)[number], to: string): boolean => (english ? enFits(question, p.at, p.word, to) : !to.startsWith(p.word) || ZH_WORD_END.test(question.slice(p.at + p.word.length)));
  const put = (p: (typeof picks)[number], to: string): string => (english ? enCase(question, p.at, to) : to);
  const formal = picks.filter((p) => p.group[0] !== p.word && p.word !== templateVerb && !has(p.group[0] ?? p.word) && fits(p, p.group[0] ?? p.word) && swappable(p.word, p.group[0] ?? p.word, question.slice(p.at + p.word.length), question.slice(0, p.at)));
  if (formal.length >= 2) {
    let plain = question;
    for (const p of [...formal].reverse()) {
      const to = put(p, p.group[0] ?? p.word);
      plain = (english ? withArticle(plain.slice(0, p.at), to) : plain.slice(0, p.at)) + to + plain.slice(p.at + p.word.length);
    }
    // (七天无理由退换货 → 无理由退货退货: the plain words may say one thing twice, as one substitute may)
    const twice = !english && ((DOUBLED.test(plain) && !DOUBLED.test(question)) || formal.some((p) => repeatsNext(p.group[0] ?? p.word, question.slice(p.at + p.word.length), lexicon)));
    if (!twice) out.push(plain);
  }
  const depth = Math.max(0, ...picks.map((p) => p.group.length));
  for (let i = 0; i < depth; i++) {
    for (const p of picks) {
      if (p.word === templateVerb) continue;
      const others = p.group.filter((w) => w !== p.word && swappable(p.word, w, question.slice(p.at + p.word.length), question.slice(0, p.at)));
      const to = others[i];
      // 开发票 → 开开票: a substitute that repeats the character before it doubles a word
      if (to === undefined || has(to) || question[p.at - 1] === to[0]) continue;
      if (!fits(p, to)) continue;
      const placed = english ? withParticle(put(p, to), question.slice(p.at + p.word.length)) : { to: put(p, to), after: question.slice(p.at + p.word.length) };
      const variant = (english ? withArticle(question.slice(0, p.at), placed.to) : question.slice(0, p.at)) + placed.to + placed.after;
      // 七天无理由退货 → 无理由退货退货: a substitute that ends with the words after it doubles them
      if (!english && ((DOUBLED.test(variant) && !DOUBLED.test(question)) || repeatsNext(placed.to, placed.after, lexicon))) continue;
      out.push(variant);
    }
  }
  return out;
}

/** Words that name no topic in a keyword form: what any rule, case or text has (规定, 情况, 内容). */
const ZH_GENERIC_WORD = /^(?:规定|要求|情况|情形|内容|意思|处理|规则|说明|相关|具体)$/u;

const ZH_FUNCTION_WORDS =
  /请问|我想问一?下|想知道|什么时候|什么时间|何时|多长时间|多长|一般(?!纳税人|贸易)|通常|总是|一直|到底|究竟|如何|怎么样|怎么|怎样|咋|什么|啥|哪些|哪个|哪里|多少钱|多少|多久|多长时间|几天|是否|能不能|能否|可不可以|可以|有没有|是不是|由谁|谁|吗|呢|吧|啊|呀|的(?!确)|了(?!解)|要(?!求|约)|需要|应该|该|会(?!员|议)|我们|我|你们|你|有(?!关|效|权|限|偿|些)|是|吗/gu;

/** Keyword-only form: the question without its question and function words (退货的运费由谁承担？ → 退货 运费承担). */
export function keywordForm(question: string, language: QuestionLanguage): string | undefined {
  if (language === 'en') {
    // (can’t with a curly apostrophe is can't: it was cut into can and t, Which items can’t be returned? → items t returned)
    const words = question
      .replace(/’/gu, "'")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
      .split(/\s+/u)
      .filter((w) => w.length > 0 && !EN_STOP.has(w));
    return words.length >= 1 && words.length <= 6 ? words.join(' ') : undefined;
  }
  // (quotes and brackets around a page's button or menu part words too: 在“我的-储值卡”在线充值 gave 在“ -储值卡”在线充值,
  // a fresh-grocery shop's user trial; a dash left at a part's edge, and a part said twice, go)
  const all = [...new Set(question
    .replace(/[？?。！!，,、：:；;（）()“”‘’"「」『』【】《》]/gu, ' ')
    .replace(ZH_FUNCTION_WORDS, ' ')
    .split(/\s+/u)
    .map((p) => p.replace(/^[-－—/]+|[-－—/]+$/gu, ''))
    .filter((p) => p.length > 0))];
  // 配送范围有什么规定？ → 配送范围 (was 配送范围 规定): a word every rule has names no topic
  // (哪些情况不属于保修？ → 不属于保修, was 情况不属于保修)
  const parts = all.map((p) => p.replace(/^(?:情况|情形)(?=\p{Script=Han}{2})/u, '')).filter((p) => p.length >= 2 && !ZH_GENERIC_WORD.test(p));
  // 开不了户 → 开不: a part cut off after its negation says the opposite or nothing
  if (parts.some((p) => /[不没未别]$/u.test(p))) return undefined;
  // 本政策适用于哪些商品？ → 本政策适用于 商品, 将商品寄回: a part cut at a preposition, or a fronted object, is no phrase
  // (港澳台及海外地区支持吗？ → 港澳台及海外地区支持: a verb left at the end with what it asks about gone)
  if (parts.some((p) => /[于至把被向给对在]$|^[将把]|支持$/u.test(p))) return undefined;
  // 审核需要多长时间？ → 审核, 发货, 保修: one short word names no topic a customer would type alone
  if (parts.join('').length < 3) return undefined;
  // 空气炸锅怎么用？ → 空气炸锅: a one-character verb left out leaves a bare noun, which asks nothing
  if (parts.length === 1 && all.some((p) => p.length === 1 && /\p{Script=Han}/u.test(p))) return undefined;
  return parts.length >= 1 && parts.join('').length <= 16 ? parts.join(' ') : undefined;
}

const EN_STOP = new Set(
  // with the words of the question templates (What do I need to know about …, How long does … take,
  // Who pays for …, What comes with …): "know exchanges", "long take make claim" and "comes earbuds"
  // are no customer's keywords; nor are a question's am, happens and work (What happens if I am between two sizes?
  // → happens am between two sizes, How do returns work? → returns work)
  'a an the i me my we you your is are was were be do does did can could should would may must how what when where who whom which why to of for in on at by with from about and or if it this that there have has had will need get know tell long much take pays comes am happens happen work works many i’m i’ve i’d i’ll'.replace(/’/gu, "'").split(
    ' ',
  ),
);

function colloquial(question: string, language: QuestionLanguage): string[] {
  if (language === 'en') return [];
  // a greeting or a 请问 the question already opens with is not said twice (您好，请问可以开发票吗？ gave 请问您好，请问可以开发票吗？)
  const body = question.replace(/[？?]+$/u, '').replace(/^(?:(?:您好|你好|亲爱的|亲)[，,！!、\s]*)+/u, '').replace(/^请问[，,\s]*/u, '');
  // a manual's symptom as customers say it: 无法开机 → 开不了机, 不能启动 → 启动不了
  const m = /^(.*?)(?:无法|不能)(.+?)(怎么办|吗)?$/u.exec(body);
  const said = m === null ? null : (ZH_VERB_OBJECT.exec(m[2] ?? '') ?? ZH_VERB.exec(m[2] ?? ''));
  const spoken = m !== null && said?.[1] !== undefined ? [`${m[1] ?? ''}${said[1]}不了${said[2] ?? ''}${m[3] ?? ''}${m[3] === undefined ? '' : '？'}`] : [];
  return [...spoken, `请问${body}？`, `我想问一下，${body}`];
}

/**
 * All candidate variants of `question`, in the order they are offered: question words and
 * patterns, synonyms, the keyword form and colloquial forms, taken in turn.
 */
export function similarCandidates(question: string, options: Omit<SimilarOptions, 'n'> = {}): string[] {
  const language = options.language ?? languageOf(question);
  const lexicon = options.lexicon ?? AFTER_SALES_LEXICON;
  const kinds = new Set(options.kinds ?? SIMILAR_KINDS);
  const en = language === 'en';
  const keyword = kinds.has('keyword') ? keywordForm(question, language) : undefined;
  // synonyms and the keyword form first: they add words or focus the variant; question words matter less to matching
  return interleave([
    kinds.has('synonym') ? synonyms(question, lexicon, en, options.context ?? question) : [],
    keyword !== undefined ? [keyword] : [],
    kinds.has('pattern') ? (en ? [...swaps(question, EN_SWAPS_RE), ...enPatterns(question)].map((v) => englishCase(v, question)) : [...swaps(question, ZH_SWAPS_RE), ...zhPatterns(question)]) : [],
    kinds.has('colloquial') ? colloquial(question, language) : [],
  ]);
}

/** Up to `n` variants of `question`, deduplicated after normalization, never the question itself or an existing one. */
export function similarQuestions(question: string, options: SimilarOptions): string[] {
  if (options.n <= 0) return [];
  const seen = new Set([question, ...(options.existing ?? [])].map(questionKey));
  const out: string[] = [];
  for (const q of similarCandidates(question, options)) {
    const key = questionKey(q);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push(q);
    if (out.length >= options.n) break;
  }
  return out;
}
