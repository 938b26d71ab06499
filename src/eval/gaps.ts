/**
 * Knowledge gaps: questions the knowledge base does not answer, clustered by the key terms they
 * share (ten misses about 退货运费 are one gap of ten), ranked by how often they were asked (kb gaps:
 * by how much of what was asked the index lacks, unmetShare); and
 * coverage: the entries no case ever finds.
 *
 * Clustering is single-pass "leader" clustering over IDF-weighted term sets (IDF over the questions
 * being clustered, so words every question has, like 怎么, weigh little). Questions are taken most
 * frequent first; each joins the most similar cluster (cosine with the cluster's centroid, found
 * through its most distinctive terms) when the similarity reaches `minSimilarity`, or starts a new
 * one. Only content words join questions and name clusters: words of two or more characters that
 * are no question word, function word, courtesy, negation or word of any topic (a single
 * character — 退, 点 — never does; the other terms count in the similarity once a content word is
 * shared, and so do a question's words of its own, at OWN_WORD_WEIGHT: they say it asks more).
 * Linear in the number of distinct questions times the clusters sharing a term with each.
 */
import type { IndexEntry } from '../runtime/index-file.js';
import type { CaseResult } from './run.js';
import { isAcknowledgement } from '../analyze/chat-text.js';
import { FILLERS, FUNCTION_WORDS, NEGATIONS, QUESTION_WORDS } from '../analyze/stopwords.js';
import { traditionalToSimplified, wordsAsWrittenIn } from '../text/normalize.js';

/** A question's reader of the analyzer's words as it writes them (`wordsAsWrittenIn`), with how often it was asked. */
type WrittenIn = { read: (word: string) => string | undefined; count: number };

type Tokenize = (text: string) => string[];

/** A question's words of Latin letters (and apostrophes: won't), lower case. */
const latinWords = (text: string): string[] => text.normalize('NFKC').toLowerCase().match(/[a-z]+(?:'[a-z]+)*/g) ?? [];

/**
 * `wordsAsWrittenIn`, and an English key term — the analyzer's stem — as the word of the question
 * it stands for: the word the analyzer makes it from (says → sai, delivered → deliv: the cluster is
 * named says, delivered; intern → international), else the first word that begins with it, else
 * the stem as it is. `stemOf` is the analyzer's reading of one word.
 */
function writtenIn(text: string, stemOf: (word: string) => readonly string[]): (word: string) => string | undefined {
  const read = wordsAsWrittenIn(text);
  // the text's words of Latin letters, read once
  let words: string[] | undefined;
  return (term) => {
    if (!/^[a-z]+$/.test(term)) return read(term);
    words ??= latinWords(text);
    return words.find((w) => stemOf(w).includes(term)) ?? words.find((w) => w.startsWith(term)) ?? read(term);
  };
}

/**
 * Words of any topic, that say when, how or that something is asked (一般要等多久 and 一般多久到账 were one
 * gap named 一般; ANC doesn't work on one side and my discount code isn't working one named work).
 * No topic, but not filler words either: taken out of the text before it is cut, 一般 would cut
 * 一般纳税人 and 有人 人工 (几点有人工客服). English words are compared as the analyzer reads them
 * (working is work: see wordLists).
 */
export const GENERAL_WORDS: ReadonlySet<string> = new Set([
  ...'一般 一样 以前 以后 之前 之后 办法 回事 意思 知道 有人 其他 别的 所有 问题 才能 需要 可能 应该 时间 情况 东西'.split(' '),
  ...(
    'work get got keep need want know let make take give go come say tell see look try use help like happen ' +
    'still anymore again already yet now ever really out up one thing something anything stuff problem issue question info information ' +
    'time way someone anyone somebody anybody other else all more able possible sure ' +
    // when, as a customer says it of their own case (an apparel chat log's "zip broke after 2 days", "can i
    // return after 30 days" and "went on sale the day after i bought it" were one gap named "days after")
    'day days week weeks month months hour hours minute minutes after before since ago today tomorrow yesterday soon'
  ).split(' '),
]);

/**
 * Terms that are no topic of their own: they neither join two questions nor name a cluster. A
 * single character (退, 点, 动, x) — a piece of a word the index does not know (钱退到哪里, 床垫拆了还能退吗
 * and 口罩能退吗 were one gap through 退, named 钱退到) — and a negation (不能, 无法, 不要, and the
 * 不到 of 看不到 / 收不到, 没到: 不能借款 and 不能还款 are not one topic), and the words of any topic
 * above. They still count in the similarity once a content word is shared, and still tell one
 * question from another: 优惠券不能用 is not 优惠券怎么用 asked again.
 */
const isNoTopic = (term: string, general: ReadonlySet<string>): boolean => [...term].length === 1 || NEGATIONS.has(term) || /^[不没]\p{Script=Han}$/u.test(term) || general.has(term);

/**
 * A key term (the analyzer's simplified form) as most of the cluster's questions write it (收据 →
 * 收據 for a Taiwan log; one traditional question among 27 simplified ones does not make 开通 開通),
 * the representative's on a tie (so its line does not mix scripts).
 */
function asWritten(term: string, questions: readonly WrittenIn[], representative: WrittenIn | undefined): string {
  const forms = new Map<string, number>();
  // the representative's form first: it wins a tie
  const own = representative?.read(term);
  if (own !== undefined) forms.set(own, 0);
  for (const q of questions) {
    const written = q.read(term);
    if (written !== undefined) forms.set(written, (forms.get(written) ?? 0) + q.count);
  }
  let best = term;
  let most = -1;
  for (const [form, n] of forms) {
    if (n > most) {
      best = form;
      most = n;
    }
  }
  return best;
}

export interface GapQuestion {
  text: string;
  /** How many times it was asked (a log repeats questions). */
  count: number;
  /**
   * How far the index is from answering it, 0–1 (unmetShare): kb gaps ranks its clusters by their
   * questions' count × this. Absent: 1, and clusters are ranked by size (kb eval's gaps).
   */
  unmet?: number;
}

export interface NearEntry {
  id: string;
  question: string;
  confidence: number;
}

export interface GapCluster {
  /** Questions asked, repeats included. */
  size: number;
  /** The most central question: a draft entry's question. */
  representative: string;
  /** Key terms most members share, most shared first. */
  terms: string[];
  /** Members, most central first (at most `maxExamples`): one wording per set of key terms, its count including the
   *  wordings that differ only in courtesies (亲，… / 在吗 …). */
  examples: GapQuestion[];
  /**
   * Distinct wordings in the cluster, as its examples count them: questions that differ only in
   * courtesies (亲，… / 在吗 …) are one (all of them listed, with --examples large enough).
   */
  distinct: number;
  /** The entries the representative question finds (filled in by the caller that has the index). */
  nearest: NearEntry[];
  /**
   * When its questions say how far the index is from answering them (GapQuestion.unmet): the sum
   * over them of count × unmet, rounded to 2 decimals (0.01 at least when any of them is above 0) —
   * what the clusters are ranked by, most first.
   */
  unmet?: number;
  /**
   * True when its questions say how far the index is from answering them and each of them is 0
   * exactly (its best hit has every word it asks with): the entry found may answer them in other
   * words. Not the rounded sum: one question lacking a word makes it false.
   */
  met?: boolean;
}

export interface ClusterOptions {
  /** Cosine similarity with a cluster's centroid needed to join it (default 0.5). */
  minSimilarity?: number;
  /** Examples kept per cluster (default 10). */
  maxExamples?: number;
  /**
   * How many of the KB's entries ask with each term (coveredTerms): a term the KB asks in more than
   * COVERED_ENTRIES entries — a product line it answers question by question (X20, 充电宝), or 保修
   * in every product's warranty entry — is something it covers, not what an unanswered question
   * misses, and weighs that much less in the clustering (not in the key terms shown).
   */
  covered?: ReadonlyMap<string, number>;
  /**
   * How clusters are ranked when the questions say how far the index is from answering them
   * (GapQuestion.unmet): by their unmet (default), or by how often they were asked (`asked`; the
   * unmet is still reported). Without it, by how often they were asked.
   */
  rank?: 'unmet' | 'asked';
}

/**
 * A term the KB asks in up to this many entries counts fully in the clustering; one in more, by
 * COVERED_ENTRIES / entries. A catalogue KB (80 products × 37 after-sales questions) missed 想退掉
 * and 有毛病 for every product: its gaps were one cluster per product (powergo 充电宝, 12 wordings
 * of unrelated questions) instead of one per way of asking.
 */
const COVERED_ENTRIES = 5;

type Vector = Map<string, number>;

interface Working {
  members: { q: GapQuestion; v: Vector; setKey: string }[];
  centroid: Vector;
  /** Squared norm of the centroid, kept up to date. */
  norm2: number;
  size: number;
}

/**
 * Words of how people ask, not of what they ask about: never key terms of a gap. The analyzer's
 * question words, function words and chat fillers (an index built with other stopwords may keep
 * them), and the question words and courtesies it keeps because they matter for matching an FAQ
 * question: 谁 (你们老板是谁 and 退货邮费谁付啊 were one gap named 谁), 多 (多大, 多就到账), 几点, 何时.
 */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  ...QUESTION_WORDS,
  ...FUNCTION_WORDS,
  ...FILLERS,
  ...(
    '怎么 怎样 怎么样 怎么办 如何 什么 为什么 为何 啥 咋 哪 哪些 哪里 哪个 多少 多久 多长时间 几 是否 是不是 能 能不能 可以 可不可以 可否 ' +
    '请问 你好 您好 亲 谢谢 麻烦 吗 呢 吧 啊 呀 嘛 了 的 我 我的 你 你们 您 一下 要 想 会 有 没有 还 就 都 也 是 不 吗 ' +
    // a chat's replies and calls, and 没 (还没到账, 还没发货: how late, not what; 未 as the analyzer writes
    // 没收到): never what a question is about
    '没 未 喂 急 在 人 好 行 嗯 哦 噢 额 哈 哈哈 呵呵 客服 时候 今天 明天 昨天 现在 已经 刚才 刚刚 一直 到底 ' +
    '谁 多 多大 多长 多远 哪儿 几点 几号 何时 不好意思 ' +
    // asking for a person, the commonest line of a Chinese chat log: a hand-off, not a topic the KB lacks
    // (a furniture shop's 千牛 log made 转人工 / 人工客服 a gap with 人工 as its topic; 人工费 stays a word)
    '转人工 人工客服 找人工 要人工 真人客服 人工服务 有人吗 有人在吗 知道了 明白了 懂了 ' +
    // chat spellings of question words (the analyzer's chat option reads 咋 as 怎么 after this list is applied)
    '咋整 咋么 咋个 咋弄 咋样 啥子 为毛 啷个 肿么 肿么办 神马 木有 莫得 ' +
    'how what why when where which who can could do does did is are am i my me you your please hi hello hey thank thanks ok okai okay yes no bye goodbye cheers sorry'
  ).split(' '),
]);

/**
 * Numbers (50, 三, 两), codes such as order or tracking numbers (SF1234567890) and the analyzer's
 * placeholders for them (#longnum, #phone, #amount): what a customer quotes about their own case,
 * never what a topic is about — two questions quoting the same order number, or 三天, are not one gap.
 */
const NUMBER_TERM = /^(?:[\d.,:%/-]+|[a-z]{0,4}\d{5,}[a-z]{0,2}|[零一二三四五六七八九十两百千万]+|#.*)$/i;

/**
 * The filler words of two or more characters, to take out of a question's text before it is cut:
 * the index of a small shop does not know 时候 or 今天, and its analyzer cuts them into 时 候 and
 * 今 天, which the word list would not recognise (and which made 什么时候发货 and 钱什么时候退回来 one gap).
 * And 咋 and 啥, which ask and mean nothing else: the analyzer reads them as 怎么 and 什么 before it
 * cuts, and a shop's vocabulary cut 运费险咋没有 into 运 费险怎么 — a gap named 费险怎么, apart from
 * 运费险怎么没有.
 */
const FILLER_PHRASES = new RegExp(
  [
    ...[...FILLER_WORDS]
      .filter((w) => /^\p{Script=Han}{2,}$/u.test(w))
      .sort((a, b) => b.length - a.length),
    '咋',
    '啥',
  ].join('|'),
  'gu',
);

/** How long or how many (三天, 两个, 48小时, 几次): a customer's own case, cut into 三 天 by a small index's analyzer. */
const QUANTITY = /[\d零一二三四五六七八九十两几半百千万]+(?:个多?)?(?:天|日|小时|分钟|周|星期|个月|年|次|件|个)/gu;

/** The traditional characters of those filler words (什麼時候, 為什麼, 沒有): a question with none of them is not converted, which saves a 100,000-line log's time. */
const TRADITIONAL_FILLER = /[麼麽樣辦為裡裏個長時間請問謝煩們沒現經剛]/u;

/** The filler and general words as a tokenizer's terms: the lists, and the analyzer's reading of their English words (thanks → thank, working → work). */
interface WordLists {
  fillers: ReadonlySet<string>;
  general: ReadonlySet<string>;
}

const listsByTokenizer = new WeakMap<Tokenize, WordLists>();

function wordLists(tokenize: Tokenize): WordLists {
  let lists = listsByTokenizer.get(tokenize);
  if (lists === undefined) {
    const withStems = (words: ReadonlySet<string>): Set<string> => new Set([...words, ...[...words].filter((w) => /^[a-z]+$/.test(w)).flatMap((w) => tokenize(w))]);
    lists = { fillers: withStems(FILLER_WORDS), general: withStems(GENERAL_WORDS) };
    listsByTokenizer.set(tokenize, lists);
  }
  return lists;
}

/**
 * The key terms of the questions a tokenizer has read, by text: kb gaps reads each distinct
 * question's terms to tell small talk (isSmallTalk) and again to cluster the unanswered ones; a
 * question is cut once (that was a quarter of the clustering's time on 33,000 questions).
 */
const termsByTokenizer = new WeakMap<Tokenize, Map<string, string[]>>();

/** A question's key terms: its words without question words, courtesies, numbers and quantities, each once. */
function keyTerms(text: string, tokenize: Tokenize): string[] {
  let known = termsByTokenizer.get(tokenize);
  if (known === undefined) termsByTokenizer.set(tokenize, (known = new Map()));
  let terms = known.get(text);
  if (terms === undefined) known.set(text, (terms = termsOf(text, tokenize)));
  return terms;
}

function termsOf(text: string, tokenize: Tokenize): string[] {
  const simplified = TRADITIONAL_FILLER.test(text) ? traditionalToSimplified(text) : text;
  const plain = simplified.replace(FILLER_PHRASES, ' ').replace(QUANTITY, ' ');
  const { fillers } = wordLists(tokenize);
  return [...new Set(tokenize(plain))].filter((t) => t.trim() !== '' && !fillers.has(t) && !NUMBER_TERM.test(t));
}

/**
 * Words of the chat itself — asking for a person or a reply, a bot, goodbyes, greetings of the day,
 * acknowledgements and the particles they end with — not of what a customer asks about. A message
 * whose key terms are all such words, or words of any topic (GENERAL_WORDS), is chit-chat: 人工, 我要人工,
 * 你是机器人吗, 快点回复, 辛苦了, 早上好, 拜拜, talk to a human, are you a bot?, anyone there?, cool, got it.
 * Until 2026-11-27 each was a gap of its own (a tea shop's log: `human talk`, `辛苦`, `回复`, `早上好`
 * in its top 25, `人工` with a draft). A word beside them keeps the message a question: 人工费多少,
 * 机器人保修吗 (费, 保修), 回复 in 退款申请多久回复. English words as the analyzer reads them.
 */
export const CHAT_WORDS: ReadonlySet<string> = new Set([
  ...(
    '人工 找人工 要人工 人工服务 服务 客服 真人 机器人 智能客服 回复 回答 回我 理我 快点 快回 赶紧 在不在 人呢 还在 没人 没人回 没人理 好久 等好久 等了好久 喂喂 ' +
    '再见 拜拜 晚安 早安 早上好 上午好 中午好 下午好 晚上好 哈喽 嗨 哈哈 哈哈哈 嘿嘿 呵呵 嘻嘻 ' +
    '辛苦 辛苦了 辛苦啦 麻烦 麻烦了 麻烦你 多谢 谢啦 谢了 感谢 客气 明白 好嘞 好滴 好哒 好咧 好吧 行吧 好呀 好啊 可以了 ' +
    '稍等 等等 等一下 等下 看看 我看看 想想 考虑 考虑一下 算了 没事 没事了 不用 不用了 ' +
    '嘞 哒 咧 啦 呐 哇 耶 嘛 哟 ' +
    'human agent person someone somebody anyone anybody bot robot chatbot operator representative rep live talk speak chat reply respond answer there here ' +
    'cool great nice perfect awesome alright fine sure yeah yep yup nope hmm lol haha wait moment sec second hold mind never nvm ' +
    'morning afternoon evening night bye later welcome appreciate thx ty'
  ).split(' '),
]);

/**
 * Asking when or how long: 客服时间, 人工几点有, 客服多久回复, what are your hours, live chat hours, hold
 * time. A shop's service hours and reply times are knowledge it answers, not chit-chat, though 客服,
 * 回复, hours and time are words of the chat or of any topic (thanks for your time is thanks still).
 */
const ASKS_WHEN = /时间|時間|几点|幾點|多久|什么时候|什麼時候|何时|何時|(?<![a-z])(?:hours?|when|how long|(?<!your )time)(?![a-z])/iu;

/** CHAT_WORDS of two or more Chinese characters, taken out of a message before it is cut (a small index cuts 稍等 into 稍 等). */
const CHAT_PHRASES = new RegExp(
  [...CHAT_WORDS]
    .filter((w) => /^\p{Script=Han}{2,}$/u.test(w))
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'gu',
);

const chatByTokenizer = new WeakMap<Tokenize, ReadonlySet<string>>();

/** CHAT_WORDS and GENERAL_WORDS as a tokenizer's terms (their English words as the analyzer reads them). */
function chatWords(tokenize: Tokenize): ReadonlySet<string> {
  let words = chatByTokenizer.get(tokenize);
  if (words === undefined) {
    const all = [...CHAT_WORDS, ...GENERAL_WORDS];
    words = new Set([...all, ...all.filter((w) => /^[a-z]+$/.test(w)).flatMap((w) => tokenize(w))]);
    chatByTokenizer.set(tokenize, words);
  }
  return words;
}

/**
 * Whether a message is chit-chat, not a question about anything: no key terms at all (a greeting,
 * thanks, "在吗", "好的", an order number pasted alone), an acknowledgement (收到, got it), or key terms
 * that are all words of the chat itself or of any topic (CHAT_WORDS, GENERAL_WORDS: 人工, 你是机器人吗,
 * 快点回复, 辛苦了, talk to a human). A short question keeps a word of its own: 退款呢？, refund?, 发票.
 */
export function isSmallTalk(text: string, tokenize: Tokenize): boolean {
  const line = text.trim();
  if (keyTerms(text, tokenize).length === 0 || isAcknowledgement(line)) return true;
  if (ASKS_WHEN.test(line)) return false;
  // word by word: the analyzer reads talk to a human as contact customer service (englishPhrases), and
  // CHAT_WORDS are its words as written: each English word is read alone
  const terms = text
    .replace(CHAT_PHRASES, ' ')
    .split(/(?<=[a-z])\s+(?=[a-z])/iu)
    .flatMap((part) => keyTerms(part, tokenize));
  const chat = chatWords(tokenize);
  return terms.every((t) => chat.has(t));
}

/**
 * Split off the questions that have no key terms at all — greetings, thanks, "在吗" — which are
 * small talk, not a topic the knowledge base lacks: they are not clustered (a cluster of "你好"
 * would become a draft entry). `smallTalk` counts them, repeats included.
 */
export function withoutSmallTalk(questions: readonly GapQuestion[], tokenize: Tokenize): { questions: GapQuestion[]; smallTalk: number } {
  const kept: GapQuestion[] = [];
  let smallTalk = 0;
  for (const q of questions) {
    if (!isSmallTalk(q.text, tokenize)) kept.push(q);
    else smallTalk += q.count;
  }
  return { questions: kept, smallTalk };
}

/** What unmetShare reads of a question's best hit (a search's Hit has it). */
export interface BestHit {
  confidence: number;
  /** The hit's entry question and the wording of it that matched. */
  question: string;
  matched: string;
  /** Its answer: its words count only at ANSWER_WORDS_FROM × the threshold or above. */
  answer: string;
  /** A document section's headings. */
  source?: { headingPath: readonly string[] };
}

/**
 * The share of the threshold a best hit's confidence must reach for the words of its answer to count
 * as words it has (unmetShare). Below it, an answer that only mentions a word is no sign that it
 * answers the question: `where is my order` found the shipping-cost entry at 0.18 (threshold 0.5)
 * through 订单 in its answer, was shown 0 % unmet, ranked last, with the hint to add it to that entry.
 * From 0.4 to 0.6 the same top ten on bq, the catalogue and the baby shop (docs/history/eval.md, "Gaps").
 */
export const ANSWER_WORDS_FROM = 0.5;

/**
 * How far the index is from answering a question it handed off, 0–1: the share of its key terms its
 * best hit lacks, counted from half (just below the threshold) to whole (confidence 0) by how far below
 * the threshold the hit is. A term the hit has is one written in its entry question, the wording that
 * matched or its headings — or in its answer when the hit's confidence is at least ANSWER_WORDS_FROM ×
 * the threshold — as `tokenize` reads them: not a word the search matched through a translation or an
 * expansion (order ↔ 订单, 兑换 ↔ exchange), which says nothing of what the entry is about. A question
 * whose best hit has every word it asks with is an entry the knowledge base has, asked in other words
 * or found with too little confidence (a similar question of that entry, or the threshold, is the
 * fix): 0; one whose words no hit has is what it lacks. 1 with no hit at all; 0 when the hit reaches
 * the threshold (a kb serve log line handed off at a threshold the index now answers at).
 *
 * Measured (docs/history/eval.md, "Gaps"): the share of the ten biggest clusters' questions whose intent the
 * index lacks, ranked by size → by unmet: bq half-index 0.526 → 0.622, a 3,041-row catalogue with half
 * its FAQ 0.558 → 0.663, a baby shop's chat log (its real gaps) 0.700 → 0.800 (the same with the
 * search's matched terms, translations included, in place of the written words, as before
 * 2026-11-27; without the answer's words at all, the shop 0.700). The share alone did as well on bq
 * and the shop, worse on the catalogue (0.620); the share times the distance below the threshold (0
 * just below it) worse on bq (0.560) and the shop (0.700).
 */
export function unmetShare(text: string, hit: BestHit | undefined, threshold: number, tokenize: Tokenize): number {
  if (hit === undefined) return 1;
  const below = threshold <= 0 ? 0 : Math.min(1, Math.max(0, 1 - hit.confidence / threshold));
  if (below === 0) return 0;
  const terms = keyTerms(text, tokenize);
  if (terms.length === 0) return 1;
  const written = [hit.question, hit.matched, ...(hit.source?.headingPath ?? [])];
  if (hit.confidence >= ANSWER_WORDS_FROM * threshold) written.push(hit.answer);
  const has = new Set(written.flatMap((t) => tokenize(t)));
  const lacks = terms.filter((t) => !has.has(t)).length;
  return ((0.5 + 0.5 * below) * lacks) / terms.length;
}

/**
 * The weight of a word only one question uses, in judging whether questions are one gap, as a share
 * of its IDF. On bq's 1,415 questions against half its FAQ (pairs of questions in one cluster that ask
 * one intent / pairs of questions of one intent found in one cluster): at 0 0.190 / 0.393, at 0.5
 * 0.202 / 0.381, at 0.7 0.205 / 0.358, at 1 0.213 / 0.334 (before own words counted: 0.200 / 0.360).
 * At 0.5, 耳机保修多久 and 耳机充不了电 (a user test's log) were still one gap.
 */
const OWN_WORD_WEIGHT = 0.7;

/** How many of a question's most distinctive terms are used to find candidate clusters. */
const PROBE_TERMS = 4;
/** Clusters compared per probe term at most (bounds the time on huge logs). */
const MAX_CANDIDATES_PER_TERM = 300;

/** Each content word of a cluster's questions (its shared words), with how many of its questions use it, repeats counted. */
function contentWords(c: Working, general: ReadonlySet<string>): Map<string, number> {
  const share = new Map<string, number>();
  for (const m of c.members) for (const t of m.v.keys()) if (!isNoTopic(t, general)) share.set(t, (share.get(t) ?? 0) + m.q.count);
  return share;
}

/**
 * The content words that name a cluster, with their counts: those at least half its questions use
 * (all of a one-question cluster's), less the pieces of a longer one that come only with it (the
 * analyzer's search-mode cut of 结清证明 also gives 结清 and 清证明).
 */
function namingWords(share: ReadonlyMap<string, number>, size: number, oneQuestion: boolean): [string, number][] {
  const shared = [...share].filter(([, s]) => oneQuestion || s * 2 >= size);
  return shared.filter(([t, s]) => !shared.some(([u, su]) => u.length > t.length && u.includes(t) && su >= s));
}

/** Clusters asked this often at least are merged into another (a question asked once is counted, not listed nor drafted). */
const MERGED_SIZE = 2;

/**
 * Clusters of one topic are one gap. A question joins the cluster it is most similar to, so one that
 * asks about a topic in words of its own (定金翻倍吗, 定金可以抵多少钱 beside 定金膨胀多少) started a
 * cluster of its own, and one topic became three drafts. A cluster's main term is the content word
 * most of its questions use, on a tie the one most questions of the log use (定金 of 膨胀 定金). Each
 * cluster, most asked first, takes in the later clusters (asked MERGED_SIZE times or more) whose
 * only key term is its main term and whose questions share no other content word with any question
 * of the log (翻倍 is 定金翻倍吗's own). A cluster with another shared word stays apart (额度 审核 失败
 * is not 查看 额度): on bq (1,415 questions, half the FAQ indexed) merging those too, or the clusters
 * of one question, made the ten biggest clusters broader (their share of missing intents 0.44–0.51,
 * against 0.546 before and 0.556 now).
 *
 * Not by a word the knowledge base already asks in more than COVERED_ENTRIES entries (`broad`): a
 * product it answers question by question (奶粉 in a baby shop's 12 entries) is what the KB covers,
 * and the words of each question beside it are what is missing. A baby shop's chat log made 奶粉能寄到
 * 香港吗, 奶粉开罐了还能退不, 奶粉里面有黑点 and 奶粉可以抽检报告吗 one gap named 奶粉 — one draft whose
 * answer, written for the first, would have answered the three others.
 */
function mergedByMainTerm(clusters: readonly Working[], general: ReadonlySet<string>, df: (term: string) => number, broad: (term: string) => boolean): Working[] {
  const byMain = new Map<string, Working>();
  const kept: Working[] = [];
  for (const c of [...clusters].sort((a, b) => b.size - a.size)) {
    const words = namingWords(contentWords(c, general), c.size, c.members.length === 1);
    const main = words.sort((a, b) => b[1] - a[1] || df(b[0]) - df(a[0]) || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    // its questions share no other content word with any question of the log (定金翻倍吗: 翻倍 is its own)
    const aboutMainOnly = main !== undefined && c.members.every((m) => [...m.v.keys()].every((t) => isNoTopic(t, general) || main.includes(t)));
    const into = main === undefined || words.length > 1 || !aboutMainOnly || c.size < MERGED_SIZE || broad(main) ? undefined : byMain.get(main);
    if (into === undefined) {
      if (main !== undefined && !byMain.has(main)) byMain.set(main, c);
      kept.push(c);
      continue;
    }
    into.members.push(...c.members);
    into.size += c.size;
    for (const [t, w] of c.centroid) into.centroid.set(t, (into.centroid.get(t) ?? 0) + w);
    into.norm2 = 0;
    for (const w of into.centroid.values()) into.norm2 += w * w;
  }
  return kept;
}

export function clusterQuestions(questions: readonly GapQuestion[], tokenize: Tokenize, options: ClusterOptions = {}): GapCluster[] {
  const minSimilarity = options.minSimilarity ?? 0.5;
  const maxExamples = options.maxExamples ?? 10;
  const { fillers, general } = wordLists(tokenize);
  const termSets = questions.map((q) => keyTerms(q.text, tokenize));
  const setKeys = termSets.map((terms) => [...terms].sort().join('\u0000'));
  // document frequencies over the distinct term sets, not the distinct texts: "亲，退货运费多少钱"
  // and "在吗 退货运费多少钱" are one question asked with other courtesies, and must not make 多少钱
  // look like a word two questions share (nor weigh 退货 down as a word many questions use)
  const df = new Map<string, number>();
  const seenSets = new Set<string>();
  termSets.forEach((terms, i) => {
    const key = setKeys[i] ?? '';
    if (seenSets.has(key)) return;
    seenSets.add(key);
    for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  });
  const n = seenSets.size;
  const idf = (t: string): number => Math.log(1 + n / (df.get(t) ?? 1));
  const covered = options.covered;
  // a term's weight in the clustering: how distinctive among the questions, less when the KB asks it in many entries
  const weight = (t: string): number => {
    const entries = covered?.get(t) ?? 0;
    return entries > COVERED_ENTRIES ? (idf(t) * COVERED_ENTRIES) / entries : idf(t);
  };
  const unit = (weights: [string, number][]): Vector => {
    const v: Vector = new Map(weights);
    let norm = 0;
    for (const w of v.values()) norm += w * w;
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  };
  const isShared = (t: string): boolean => (df.get(t) ?? 0) >= 2;
  // a cluster's key terms and its most central question come from the shared terms (asked in two
  // questions or more): a word asked once says nothing about what questions have in common
  const vectors: Vector[] = termSets.map((terms) => unit(terms.filter(isShared).map((t) => [t, weight(t)])));
  // but whether questions are one gap is judged on all they ask: a word of their own counts against
  // it (耳机保修多久 is not 耳机充不了电 asked again, 我的快递三天没动了 no complaint about the courier),
  // at OWN_WORD_WEIGHT, so that a question that says a little more (watch strap broke) still joins
  const asked: Vector[] = termSets.map((terms) => unit(terms.map((t) => [t, isShared(t) ? weight(t) : OWN_WORD_WEIGHT * weight(t)])));
  const order = questions.map((_, i) => i).sort((a, b) => (questions[b]?.count ?? 0) - (questions[a]?.count ?? 0) || a - b);
  const clusters: Working[] = [];
  const byTerm = new Map<string, number[]>();
  // questions with the same key terms (one question with other courtesies) share a cluster
  const bySet = new Map<string, number>();
  // the clusters compared with the question under way (so each once): stamped with its number
  const compared: number[] = [];
  let stamp = 0;
  for (const i of order) {
    stamp++;
    const q = questions[i] as GapQuestion;
    const v = vectors[i] as Vector;
    const full = asked[i] as Vector;
    // its terms and weights as arrays, for the comparisons with hundreds of clusters
    const fullTerms = [...full.keys()];
    const fullWeights = [...full.values()];
    const setKey = setKeys[i] ?? '';
    const same = setKey === '' ? undefined : bySet.get(setKey);
    // probe with the most distinctive of its shared content words: only a cluster sharing one
    // with the question can take it (the other terms count in the similarity, never alone)
    const probes = (same === undefined ? [...v].filter(([t]) => !isNoTopic(t, general)) : [])
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, PROBE_TERMS);
    let best = -1;
    let bestSim = 0;
    for (const [t] of probes) {
      const list = byTerm.get(t) ?? [];
      // clusters are listed oldest (most asked) first; a term in thousands of clusters is not
      // distinctive, and the first few hundred hold the ones worth joining
      for (let ci = 0; ci < list.length && ci < MAX_CANDIDATES_PER_TERM; ci++) {
        const c = list[ci] as number;
        if (compared[c] === stamp) continue;
        compared[c] = stamp;
        const cluster = clusters[c] as Working;
        let dot = 0;
        for (let ti = 0; ti < fullTerms.length; ti++) dot += (fullWeights[ti] as number) * (cluster.centroid.get(fullTerms[ti] as string) ?? 0);
        const sim = dot / (Math.sqrt(cluster.norm2) || 1);
        if (sim > bestSim || (sim === bestSim && best >= 0 && c < best)) {
          bestSim = sim;
          best = c;
        }
      }
    }
    let target: Working;
    let index: number;
    if (same !== undefined) {
      index = same;
      target = clusters[same] as Working;
    } else if (best >= 0 && bestSim >= minSimilarity) {
      index = best;
      target = clusters[best] as Working;
    } else {
      index = clusters.length;
      target = { members: [], centroid: new Map(), norm2: 0, size: 0 };
      clusters.push(target);
    }
    if (setKey !== '' && same === undefined) bySet.set(setKey, index);
    target.members.push({ q, v, setKey });
    target.size += q.count;
    for (const [t, w] of full) {
      const before = target.centroid.get(t);
      const add = w * q.count;
      const after = (before ?? 0) + add;
      target.norm2 += after * after - (before ?? 0) * (before ?? 0);
      target.centroid.set(t, after);
      if (before === undefined) {
        let list = byTerm.get(t);
        if (list === undefined) byTerm.set(t, (list = []));
        list.push(index);
      }
    }
  }
  const merged = mergedByMainTerm(clusters, general, (t) => df.get(t) ?? 0, (t) => (covered?.get(t) ?? 0) > COVERED_ENTRIES);
  // the analyzer's reading of each English word of the clusters' questions, once
  const stems = new Map<string, string[]>();
  const stemOf = (word: string): string[] => {
    let s = stems.get(word);
    if (s === undefined) stems.set(word, (s = tokenize(word)));
    return s;
  };
  const weighed = questions.some((q) => q.unmet !== undefined);
  const out = merged.map((c): GapCluster => {
    const norm = Math.sqrt(c.norm2) || 1;
    const central = c.members
      .map((m) => {
        let dot = 0;
        for (const [t, w] of m.v) dot += w * (c.centroid.get(t) ?? 0);
        return { q: m.q, sim: dot / norm, setKey: m.setKey };
      })
      .sort((a, b) => b.sim - a.sim || b.q.count - a.q.count || a.q.text.length - b.q.text.length || (a.q.text < b.q.text ? -1 : 1));
    // examples: one wording per set of key terms (its most asked), counting the others with it, so
    // that "亲，…" / "在吗 …" variants of one question do not fill the examples and the drafts' similar
    // questions; English words count as written (do you ship to ireland and shipping to ireland? are two
    // wordings of ship ireland, and both examples)
    const wordings = new Map<string, { q: GapQuestion; sim: number }>();
    for (const m of central) {
      const key = m.setKey === '' ? `\u0001${m.q.text}` : `${m.setKey}\u0001${latinWords(m.q.text).filter((w) => !fillers.has(w)).join(' ')}`;
      const first = wordings.get(key);
      if (first === undefined) wordings.set(key, { q: { text: m.q.text, count: m.q.count }, sim: m.sim });
      else {
        first.q.count += m.q.count;
        // shown in its plainest wording: the shortest (退货运费多少钱, not 你好，退货运费多少钱)
        if (m.q.text.length < first.q.text.length) first.q.text = m.q.text;
      }
    }
    const examples = [...wordings.values()]
      .sort((a, b) => b.sim - a.sim || b.q.count - a.q.count || a.q.text.length - b.q.text.length || (a.q.text < b.q.text ? -1 : 1))
      .map((w) => w.q);
    // key terms: the share of the cluster's questions (repeats counted) that contain each term
    const share = contentWords(c, general);
    // a question that shares no word with the others (asked often, in one wording) is still about
    // something: its own content words are its key terms (none when the index cut them all into
    // single characters: the representative question then says what it is about)
    if (share.size === 0) {
      for (const m of c.members) for (const t of keyTerms(m.q.text, tokenize)) if (!isNoTopic(t, general)) share.set(t, (share.get(t) ?? 0) + m.q.count);
    } else if (c.members.length === 1) {
      // one question, in one wording: all its content words name it, not only those other questions
      // of the log use too (冰箱噪音好大 was named 冰箱, as were 冰箱不制冷 and 冰箱能放在阳台吗)
      const [only] = c.members;
      if (only !== undefined) for (const t of keyTerms(only.q.text, tokenize)) if (!isNoTopic(t, general) && !share.has(t)) share.set(t, only.q.count);
    }
    const terms = namingWords(share, c.size, c.members.length === 1)
      .sort((a, b) => b[1] - a[1] || idf(b[0]) - idf(a[0]) || (a[0] < b[0] ? -1 : 1))
      .slice(0, 4)
      .map(([t]) => t);
    // each question read once for the cluster's (at most four) key terms
    const readers = terms.length === 0 ? [] : c.members.map((m) => ({ read: writtenIn(m.q.text, stemOf), count: m.q.count }));
    const representative = examples[0] === undefined ? undefined : { read: writtenIn(examples[0].text, stemOf), count: 0 };
    const cluster: GapCluster = {
      size: c.size,
      representative: examples[0]?.text ?? '',
      terms: terms.map((t) => asWritten(t, readers, representative)),
      examples: examples.slice(0, maxExamples),
      distinct: wordings.size,
      nearest: [],
    };
    if (weighed) {
      const sum = c.members.reduce((n, m) => n + m.q.count * (m.q.unmet ?? 1), 0);
      // never 0 when a question lacks a word: 0 says an entry has every word they ask with
      cluster.unmet = sum > 0 ? Math.max(0.01, Math.round(sum * 100) / 100) : 0;
      cluster.met = c.members.every((m) => m.q.unmet === 0);
    }
    return cluster;
  });
  // by how much of what was asked the index leaves unmet when the questions say (kb gaps), else by size
  const rank = (c: GapCluster): number => (options.rank === 'asked' ? c.size : (c.unmet ?? c.size));
  return out.sort((a, b) => rank(b) - rank(a) || b.size - a.size || b.distinct - a.distinct || (a.representative < b.representative ? -1 : 1));
}

export interface CoverageEntry {
  id: string;
  question: string;
  source?: string;
  section?: string;
}

export interface Coverage {
  entries: number;
  /** Entries some in-scope case found (the right hit within the top k). */
  covered: number;
  uncovered: CoverageEntry[];
  /** Uncovered entries per source file (FAQ rows without a source under "(no source)"). */
  bySource: { source: string; entries: number; uncovered: number }[];
}

export function coverageOf(entries: readonly IndexEntry[], cases: readonly CaseResult[]): Coverage {
  const hit = new Set<string>();
  for (const c of cases) {
    if (c.rank === null) continue;
    const id = c.top[c.rank - 1]?.id;
    if (id !== undefined) hit.add(id);
  }
  const uncovered: CoverageEntry[] = [];
  const bySource = new Map<string, { entries: number; uncovered: number }>();
  for (const e of entries) {
    const source = e.source?.path ?? '(no source)';
    const row = bySource.get(source) ?? { entries: 0, uncovered: 0 };
    bySource.set(source, row);
    row.entries++;
    if (hit.has(e.id)) continue;
    row.uncovered++;
    const u: CoverageEntry = { id: e.id, question: e.question };
    if (e.source !== undefined) {
      u.source = e.source.path;
      const section = e.source.headingPath.at(-1);
      if (section !== undefined) u.section = section;
    }
    uncovered.push(u);
  }
  return {
    entries: entries.length,
    covered: entries.filter((e) => hit.has(e.id)).length,
    uncovered,
    bySource: [...bySource].map(([source, r]) => ({ source, ...r })).sort((a, b) => (a.source < b.source ? -1 : 1)),
  };
}

/** Distinct questions with their counts, in first-seen order (whitespace-trimmed, exact text). */
export function countQuestions(texts: Iterable<string>): GapQuestion[] {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const q = t.trim();
    if (q !== '') counts.set(q, (counts.get(q) ?? 0) + 1);
  }
  return [...counts].map(([text, count]) => ({ text, count }));
}
