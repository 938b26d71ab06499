/**
 * Default stopwords (build time; the resulting list is embedded in the index): stopwords-iso for
 * Chinese and English, plus customer-service fillers, minus every negation and minus the words
 * that carry meaning in after-sales questions (numbers, question words that tell a procedure
 * from a fee). Each choice was measured on the development sets (docs/history/matching.md).
 */
import { createRequire } from 'node:module';

/** Never dropped: a question with a negation asks the opposite. */
export const NEGATIONS = new Set([
  '不', '没', '没有', '无', '未', '非', '别', '不能', '不会', '不可以', '不是', '不要', '不用', '无法', '未能', '没法', '不了',
  'not', 'no', 'nor', 'never', 'none', 'without', 'cannot',
]);

/** Chat fillers customers type around the question. */
export const FILLERS = [
  '您好', '你好', '请问', '亲', '亲亲', '在吗', '在不在', '客服', '麻烦', '谢谢', '谢了', '哈', '哈哈', '呢', '啊', '呀', '吧', '哦', '嗯', '额', '呃',
  '一下', '想问', '问下', '问一下', '我想问', '咨询', '你们', '您', 'hi', 'hello', 'please', 'thanks',
];

/** Kept although stopwords-iso lists them: they distinguish intents (how / how much / when / why / can). */
export const KEEP = new Set([
  '怎么', '如何', '怎样', '多少', '多久', '什么时候', '为什么', '为何', '哪里', '可以', '能', '能否', '是否', '几', '几天',
  'how', 'much', 'many', 'when', 'why', 'where', 'can', 'long',
]);

/**
 * Words that ask without naming a topic: the kept question words and the ways of asking what to do.
 * A question made only of them (怎么办, how do i) has nothing to be covered (runtime confidence).
 */
export const QUESTION_WORDS = new Set([...KEEP, '怎么办', '咋办', '咋', '怎么样', '什么', '啥', '哪', '哪个', '哪些', '吗', '多长时间', '多长', '时候', '谁', '能不能', '可不可以', '有没有', '是不是', '会不会', '要不要', 'what', 'which', 'who', 'do']);

/** Function words only: particles, pronouns, auxiliaries, conjunctions (zh and en). */
export const FUNCTION_WORDS = [
  '的', '了', '着', '过', '吗', '呢', '吧', '啊', '呀', '哦', '嘛', '么', '啦', '哈', '嗯', '噢', '喔', '哇', '咯', '呗', '滴',
  '我', '你', '您', '他', '她', '它', '我们', '你们', '他们', '她们', '它们', '咱', '咱们', '自己', '俺',
  '这', '那', '这个', '那个', '这些', '那些', '这样', '那样', '这么', '那么', '这里', '那里', '这边', '那边',
  '是', '在', '和', '与', '及', '或', '或者', '而', '而且', '并', '并且', '也', '都', '就', '才', '又', '还是', '但', '但是', '所以', '因为', '如果', '虽然', '然后',
  '把', '被', '给', '对', '向', '从', '于', '以', '之', '其', '等', '等等', '个', '一个', '一下', '有点', '一点',
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'so', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'into', 'about',
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'do', 'does', 'did', 'i', 'me', 'my', 'mine', 'we', 'us', 'our', 'you', 'your', 'yours',
  'he', 'him', 'his', 'she', 'her', 'it', 'its', 'they', 'them', 'their', 'this', 'that', 'these', 'those', 'there', 'here', 'will', 'would', 'shall', 'should',
  'could', 'might', 'must', 'may', 'have', 'has', 'had', 'just', 'also', 'very', 'too', 'any', 'some', 'which', 'who', 'whom', 'whose', 'what',
  // indefinite pronouns and a customer's word for them (a US retailer's trial, 2026-11-27: "how do i send
  // something back" found the FAQ row How long do I have to return something? through something; "i got
  // someone elses order" the row Can I send an order as a gift to someone else?); not nothing, a negation
  'something', 'anything', 'everything', 'someone', 'anyone', 'somebody', 'anybody', 'stuff',
];

/**
 * `minimal` (the default): function words and chat fillers only — measured better than the full
 * stopwords-iso lists on every development set (docs/history/matching.md); `iso`: stopwords-iso zh + en
 * plus fillers; `none`.
 */
export function defaultStopwords(mode: 'minimal' | 'iso' | 'none' = 'minimal'): string[] {
  if (mode === 'none') return [];
  if (mode === 'minimal') return [...new Set([...FUNCTION_WORDS, ...FILLERS])].filter((w) => !NEGATIONS.has(w) && !KEEP.has(w)).sort();
  const iso = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;
  const out = new Set<string>();
  for (const w of [...(iso['zh'] ?? []), ...(iso['en'] ?? []), ...FILLERS]) {
    const word = w.normalize('NFKC').toLowerCase().trim();
    if (word === '' || NEGATIONS.has(word) || KEEP.has(word)) continue;
    if (/^[一二三四五六七八九十百千万零两\d]+$/u.test(word)) continue; // numbers carry meaning (七天, 15日)
    if (/^\p{P}+$/u.test(word)) continue;
    out.add(word);
  }
  return [...out].sort();
}
