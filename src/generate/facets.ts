/**
 * Facet headings. A shop's return policy repeats the same headings under each product category
 * (食品饮料类商品退换货细则 / 退换货时限, 钟表首饰类商品退换货细则 / 退换货时限, …): such a
 * heading names a facet of its parent, not a topic of its own. Questions written from the section
 * alone (退换货需要多长时间？) would be the same for every category — an editor sees six
 * identical entries and a customer's 食品可以退吗 has no word to tell them apart — so each of the
 * section's questions names the parent's topic (食品饮料、保健品类商品退换货需要多长时间？).
 * A notice heading (温馨提示, 注意事项) is a facet of its parent even where it occurs once.
 */
import type { Document } from '../ingest/document.js';
import type { GeneratedQuestion } from './questions.js';
import { headingTopic } from './topic.js';
import { sentenceCase } from './en-phrasing.js';
import { questionKey, type QuestionLanguage } from './text.js';

/** What a policy heading calls itself beside its topic: 食品类商品退换货细则 is about 食品类商品退换货. */
const ZH_TOPIC_SUFFIX = /(?:细则|政策|规定|说明|须知|规则|条款|办法|指南|总则|介绍|详情|标准|制度)$/u;
const EN_TOPIC_SUFFIX = /\s+(?:policy|policies|rules|terms|guidelines|details|information|info|overview)$/iu;

/** A heading as a topic: no numbering or decoration, no trailing colon, no parent before a colon, no 细则 / policy. */
export function headingAsTopic(heading: string): string {
  let topic = headingTopic([heading]) ?? heading.trim();
  // 进口网退换货政策细则：个护化妆类商品退换货细则 — a heading that names its parent first
  const colon = topic.lastIndexOf('：');
  if (colon > 0 && /[\p{L}]{2}/u.test(topic.slice(colon + 1))) topic = topic.slice(colon + 1).trim();
  for (let i = 0; i < 3; i++) {
    const next = topic.replace(ZH_TOPIC_SUFFIX, '').replace(EN_TOPIC_SUFFIX, '').trim();
    if (next === topic || !/[\p{L}]{2}/u.test(next)) break;
    topic = next;
  }
  return topic;
}

/** Headings that are a facet of whatever they stand under, even once: 温馨提示, 注意事项, Notes. */
const NOTICE = /^(?:温馨提示|注意事项|特别提示|特别说明|重要提示|友情提示|备注|说明|须知|notes?|important|tips|please note)$/iu;

export interface Facet {
  /** The topic of the nearest heading above that is no facet itself (食品饮料类商品退换货). */
  topic: string;
  /** The section's own heading as a topic (退换货时限; `1. 注意事项：` → 注意事项). */
  facet: string;
  /**
   * A notice heading (温馨提示) that no other parent repeats: only the questions about the notice
   * itself name the topic (发票的温馨提示是什么？); what the notice says is asked as it stands.
   */
  noticeOnly: boolean;
}

/**
 * The sections whose own heading is a facet of its parent: a heading that recurs under other
 * parents of its document (退换货时限 under each category), or a notice (温馨提示, 注意事项). Keyed
 * by section id. A heading shared by several documents (使用方法 in each product's manual) is no
 * facet: naming each document's title in their questions measured worse (laws hit@5 0.759 →
 * 0.724, its 总则 and 附则 chapters), see docs/history/generate.md.
 */
export function findFacets(documents: readonly Document[]): Map<string, Facet> {
  // a heading's topic, worked out once per heading text
  const topics = new Map<string, string>();
  const topicOf = (h: string): string => {
    let t = topics.get(h);
    if (t === undefined) topics.set(h, (t = headingAsTopic(h)));
    return t;
  };
  const topicKey = (h: string): string => topicOf(h).toLowerCase();
  const hasWords = (h: string): boolean => /[\p{L}]{2}/u.test(topicKey(h));
  const out = new Map<string, Facet>();
  for (const doc of documents) {
    /** heading → the parents it stands under in this document */
    const parents = new Map<string, Set<string>>();
    for (const s of doc.sections) {
      const path = s.headingPath;
      const last = path[path.length - 1];
      if (path.length < 2 || last === undefined || !hasWords(last)) continue;
      const set = parents.get(topicKey(last)) ?? new Set<string>();
      set.add(path.slice(0, -1).join('\u0001'));
      parents.set(topicKey(last), set);
    }
    const repeated = (h: string): boolean => hasWords(h) && (parents.get(topicKey(h))?.size ?? 0) >= 2;
    const isFacet = (h: string): boolean => repeated(h) || NOTICE.test(topicKey(h));
    for (const s of doc.sections) {
      const path = s.headingPath;
      const last = path[path.length - 1];
      if (path.length < 2 || last === undefined || !isFacet(last)) continue;
      const parent = [...path.slice(0, -1)].reverse().find((h) => !isFacet(h));
      const topic = parent === undefined ? '' : topicOf(parent);
      if (/[\p{L}]{2}/u.test(topic)) out.set(s.id, { topic, facet: topicOf(last), noticeOnly: !repeated(last) });
    }
  }
  return out;
}

/** The longest k ≥ 2 such that `topic` ends with the first k characters of `question`. */
function overlap(topic: string, question: string): number {
  for (let k = Math.min(topic.length, question.length); k >= 2; k--) if (topic.endsWith(question.slice(0, k))) return k;
  return 0;
}

/** A product or model as a heading names it (AirLite Pro Earbuds, Pulse Watch 2): it keeps its capitals in a question. */
const NAME_LIKE = /\p{Ll}\p{Lu}|\d/u;

/** A topic inside an English question: in sentence case, unless it is a name (`NAME_LIKE`). */
function topicInQuestion(topic: string): string {
  return NAME_LIKE.test(topic) ? topic : sentenceCase(topic);
}

/** A question that opens with its question word reads on from a topic: 家电类商品退换货如何处理？ */
const ZH_QUESTION_START = /^(?:如何|怎么|怎样|怎么样|多长时间|多久|多少|哪些|哪里|哪个|什么|是否|能否|能不能|可以|可不可以|为什么|为何|何时|什么时候|有哪些|有什么|需要)/u;

/**
 * A section's question naming its parent's topic. The topic's last words run into the question
 * when it starts with them (…商品退换货 + 退换货需要多长时间？ → …商品退换货需要多长时间？); a
 * question about the facet itself gets it as a possessive (…商品退换货的注意事项是什么？); a
 * question that opens with its question word follows the topic (…商品退换货如何处理？); any other
 * is put after it with a comma (…商品售后服务，签收后的商品可以退货吗？). English: a what / how
 * long / how much / who question takes it at its end (What is the return window for electronics
 * returns?), any other after a colon (Electronics returns: can I return an opened item?).
 */
export function qualifyQuestion(question: string, topic: string, facetTopic: string, language: QuestionLanguage): string {
  if (question.includes(topic)) return question;
  if (language === 'en') {
    if (question.toLowerCase().includes(topic.toLowerCase())) return question;
    // What is the return window? → What is the return window for electronics returns?
    const named = topicInQuestion(topic);
    if (/^(?:what|how long|how much|who)\b/iu.test(question) && question.endsWith('?')) return `${question.slice(0, -1)} for ${named}?`;
    return `${topic}: ${question.charAt(0).toLowerCase()}${question.slice(1)}`;
  }
  const k = overlap(topic, question);
  if (k > 0) return topic + question.slice(k);
  if (facetTopic.length >= 2 && question.startsWith(facetTopic)) return `${topic}的${question}`;
  return ZH_QUESTION_START.test(question) ? topic + question : `${topic}，${question}`;
}

/**
 * A facet section's questions naming its topic, best first, then the questions as they were (a
 * customer who names no category still asks them: 退换货需要多长时间？), without duplicates. A
 * notice only its parent has keeps what it says as it stands (see `Facet.noticeOnly`).
 */
export function withFacetTopic(questions: readonly GeneratedQuestion[], facet: Facet, language: QuestionLanguage): GeneratedQuestion[] {
  const about = facet.facet.toLowerCase();
  const seen = new Set<string>();
  const out: GeneratedQuestion[] = [];
  for (const g of questions) {
    const own = facet.noticeOnly && !g.question.toLowerCase().includes(about);
    const question = own ? g.question : qualifyQuestion(g.question, facet.topic, facet.facet, language);
    const key = questionKey(question);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...g, question });
  }
  for (const g of questions) {
    const key = questionKey(g.question);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(g);
  }
  return out;
}

/**
 * A row of a table each product's section repeats (规格参数 / 重量 | 3.2kg under 小净X1扫地机器人 and
 * under 清风Y2空气净化器; 常见故障 / 无法开机 | …) asked naming the product: 小净X1扫地机器人的重量是多少？,
 * 小净X1扫地机器人，无法开机怎么办？, What is the weight of the Pulse Watch 2? — else every product's row asks
 * one question, and a customer who names the product has nothing to tell the rows apart.
 */
export function pairWithFacetTopic(question: string, facet: Facet, language: QuestionLanguage): string {
  if (!question.toLowerCase().includes(facet.topic.toLowerCase())) {
    if (language === 'zh' && /^[^，,？?]{1,24}是多少？$/u.test(question)) return `${facet.topic}的${question}`;
    const spec = language === 'en' ? /^What is the ([^?]{1,40})\?$/u.exec(question) : null;
    if (spec !== null) return `What is the ${spec[1]} of the ${topicInQuestion(facet.topic)}?`;
  }
  return qualifyQuestion(question, facet.topic, facet.facet, language);
}
