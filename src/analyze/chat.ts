/**
 * How customers type in a chat box, brought back to how a policy writes (option `chat` of the
 * analyzer settings; applied on lower-case simplified text, to entries and questions alike):
 *
 * - colloquial and internet spellings of question words: 咋 → 怎么, 啥 → 什么, 神马 → 什么,
 *   肿么 → 怎么, 木有 → 没有, 俺 → 我 (`COLLOQUIAL_FORMS`);
 * - pinyin initials and mixed-in English words where they touch Chinese text: th运费 → 退货运费,
 *   wl信息 → 物流信息, 快递delay了 → 快递延误了 (see `INITIALISMS`, `MIXED_ENGLISH`);
 * - chat emoticon codes ([微笑], [流泪], [捂脸]) removed: they are no words of the question;
 * - a word typed with spaces between its characters (退 货 运 费) joined again;
 * - a small number before a unit of time or 万 / 千 in Chinese numerals (7天 → 七天, 2个月 → 两个月,
 *   15日 → 十五日, 1万 → 一万), as policies write them, and 双11 → 双十一;
 * - goods counted missing (只收到一个, 少了一件) followed by the policy's 少件 (`MISSING_COUNT`), and a parcel
 *   卡在 somewhere or 卡住 read as 滞留 (`PARCEL_STUCK`).
 *
 * Measured on the development sets: laws and doc2dial unchanged; bq's figures as printed unchanged
 * (docs/history/matching.md, the analyzer).
 */
import { chineseCounting } from '../text/numerals.js';

/**
 * Colloquial, dialect and internet spellings customers type for the words a policy writes
 * (northern 咋 and 啥, south-western 咋个 / 啷个 / 莫得, the internet's 神马 / 肿么 / 木有 / 为毛, 俺): the `chat` option of the analyzer
 * rewrites them before segmentation, so 咋退货 is 怎么退货 and 木有收到 keeps its negation. Only
 * forms a policy does not use in another sense (虾米 and 稀饭 are food; 表 and 偶 are words).
 */
const COLLOQUIAL_FORMS: readonly (readonly [string, string])[] = [
  ['咋整', '怎么办'], ['咋么', '怎么'], ['咋个', '怎么'], ['啥子', '什么'], ['咋办', '怎么办'], ['咋弄', '怎么弄'], ['咋样', '怎么样'], ['咋', '怎么'],
  ['为毛', '为什么'], ['啷个', '怎么'], ['莫得', '没有'],
  ['肿么办', '怎么办'], ['肿么', '怎么'], ['神马', '什么'], ['啥', '什么'],
  ['木有', '没有'], ['俺们', '我们'], ['俺', '我'], ['童鞋', '同学'], ['酱紫', '这样子'], ['介个', '这个'], ['灰常', '非常'],
];

/**
 * The names of the emoticons chat apps write as codes in a customer's message ([微笑], [流泪],
 * [捂脸]: WeChat's, Taobao's and QQ's most used); the `chat` option drops the codes.
 */
export const CHAT_EMOTICONS: readonly string[] = [
  '微笑', '撇嘴', '色', '发呆', '得意', '流泪', '害羞', '闭嘴', '睡', '大哭', '尴尬', '发怒', '调皮', '呲牙', '惊讶', '难过',
  '囧', '抓狂', '吐', '偷笑', '愉快', '白眼', '傲慢', '困', '惊恐', '憨笑', '悠闲', '咒骂', '疑问', '嘘', '晕', '衰',
  '骷髅', '敲打', '再见', '擦汗', '抠鼻', '鼓掌', '坏笑', '左哼哼', '右哼哼', '哈欠', '鄙视', '委屈', '快哭了', '阴险', '亲亲',
  '可怜', '笑脸', '生病', '脸红', '破涕为笑', '恐惧', '失望', '无语', '嘿哈', '捂脸', '奸笑', '机智', '皱眉', '耶', '吃瓜',
  '加油', '汗', '天啊', '社会社会', '旺柴', '好的', '打脸', '哇', '翻白眼', '让我看看', '叹气', '苦涩', '裂开', '嘴唇',
  '爱心', '心碎', '拥抱', '强', '弱', '握手', '胜利', '抱拳', '勾引', '拳头', '合十', '啤酒', '咖啡', '蛋糕', '玫瑰',
  '凋谢', '菜刀', '炸弹', '便便', '月亮', '太阳', '庆祝', '礼物', '红包', '发', '福', '烟花', '爆竹', '猪头', '跳跳', '发抖',
  '转圈', '笑哭', '哭笑', '大笑', '开心', '生气', '哭', '可爱', '害怕', '吐舌', '飞吻', '晕倒', '赞', '点赞', 'ok', '泪',
];

/**
 * Pinyin initials customers type for after-sales words without switching the input method (th运费谁出,
 * wl信息不更新, 能用zfb付吗): the `chat` option reads them as the word where they touch Chinese
 * text, and only there (an English text's "dd" or "sh" is left alone).
 */
const INITIALISMS: readonly (readonly [string, string])[] = [
  ['th', '退货'], ['tk', '退款'], ['hh', '换货'], ['wl', '物流'], ['kd', '快递'], ['fp', '发票'], ['sh', '售后'],
  ['dd', '订单'], ['ddh', '订单号'], ['dh', '单号'], ['yf', '运费'], ['kf', '客服'], ['sf', '顺丰'], ['zfb', '支付宝'],
  ['wx', '微信'], ['yhq', '优惠券'],
];

/**
 * English words Chinese shoppers mix into a Chinese sentence (能refund吗, 快递delay了, 我的order在哪):
 * the `chat` option reads them as the Chinese word where they touch Chinese text, and only there
 * (an English sentence keeps its words).
 */
const MIXED_ENGLISH: readonly (readonly [string, string])[] = [
  ['refund', '退款'], ['return', '退货'], ['exchange', '换货'], ['order', '订单'], ['delay', '延误'], ['invoice', '发票'],
  ['warranty', '保修'], ['repair', '维修'], ['cancel', '取消'], ['size', '尺码'], ['coupon', '优惠券'], ['delivery', '配送'],
];

const COLLOQUIAL = new Map(COLLOQUIAL_FORMS);
const COLLOQUIAL_WORD = new RegExp([...COLLOQUIAL.keys()].sort((a, b) => b.length - a.length).join('|'), 'gu');
const WORD_OF_LATIN = new Map([...INITIALISMS, ...MIXED_ENGLISH]);
const LATIN = [...WORD_OF_LATIN.keys()].sort((a, b) => b.length - a.length).join('|');
/** One of them touching Chinese text, before or after it (th运费, 快递delay了; not `return 内衣`). */
const LATIN_BY_HAN = new RegExp(String.raw`(?<![a-z])(?:${LATIN})(?=\p{Script=Han})|(?<=\p{Script=Han})(?:${LATIN})(?![a-z])`, 'gu');
const EMOTICON = new RegExp(String.raw`\[(?:${CHAT_EMOTICONS.join('|')})\]`, 'gu');
/**
 * Spaces between two Han characters of which one stands alone (退 货, 怎么 开 发票): a word spaced
 * out. Spaces between two words of two characters or more (退货 运费) are left: they may part
 * words that do not belong together (a heading and its text).
 */
const SPACED_OUT = /(?<=(?:^|[^\p{Script=Han}])\p{Script=Han})\s+(?=\p{Script=Han})|(?<=\p{Script=Han})\s+(?=\p{Script=Han}(?:[^\p{Script=Han}]|$))/gu;
/** 1–99 before a unit of time or 万 / 千: 7天, 15个工作日, 3个月, 2周, 48小时, 1万 (not 2024年: four digits). */
const COUNT_BEFORE_UNIT = /(?<![\d.])(\d{1,2})(?=\s?(?:个)?(?:天|日|周|星期|礼拜|月|小时|工作日|年|万|千))/gu;
const DOUBLE_ELEVEN = /双\s?(11|12)(?!\d)/gu;
/**
 * Goods missing from a parcel as customers count them (买了两个只收到一个, 少了一件, 缺了1个): the count is
 * followed by 少件, the word a policy writes (and the lexicon's 漏发 / 少发 / 缺件 group), so the count stops
 * standing alone. Not 至少一个, 最少, 多少, 减少; not 只发了一个 (one parcel, not one missing); not a weight (少了一斤);
 * not a count of time, people or characters (少了一个月的会员, 只来了一个师傅, 少一个字, 只收到一个验证码).
 */
const MISSING_COUNT = /(?:只(?:收到了?|到了?|来了?)|(?<![至最多减])(?:少|缺)了?)(?:[一二两三四五六七八九十]|\d{1,2})(?:个|件|样|箱|份|盒|台|只|袋|包|双|套|瓶|罐)(?!月|星期|礼拜|小时|工作日|钟头|人|师傅|安装师傅|维修师傅|送货员|快递员|字|验证码)/gu;
/**
 * A parcel stuck (包裹卡在中转站, 快递一直卡住了): 滞留 (the lexicon's tracking-stopped group), and only after a parcel's
 * word (储值卡在哪买 is a card; 零件卡在里面, 文件卡在打印机里, 拉链卡住了 are no parcel).
 */
const PARCEL_STUCK = /(包裹|快递|物流|快件|(?<![零配部文软组条证])件|货)(一直|又|还|都)?卡(住|在)/gu;

/** 0–99 in Chinese numerals: 7 → 七, 10 → 十, 15 → 十五, 48 → 四十八 (0 → 零). */
export function chineseNumeral(n: number): string {
  return n === 0 ? '零' : chineseCounting(n);
}

/** `text` (lower case, simplified) with chat spellings in the policy's words (see the module comment). */
export function chatToPlain(text: string): string {
  // each rewrite only where its mark is (a question is analyzed in microseconds: most have none)
  let t = text.includes('[') ? text.replace(EMOTICON, ' ') : text;
  if (/\s/u.test(t)) t = t.replace(SPACED_OUT, '');
  if (/[a-z]/u.test(t)) t = t.replace(LATIN_BY_HAN, (w) => WORD_OF_LATIN.get(w) ?? w);
  t = t.replace(COLLOQUIAL_WORD, (w) => COLLOQUIAL.get(w) ?? w);
  if (/[少缺只]/u.test(t)) t = t.replace(MISSING_COUNT, '$&，少件');
  if (t.includes('卡')) t = t.replace(PARCEL_STUCK, (_, parcel: string, often: string | undefined, how: string) => `${parcel}${often ?? ''}滞留${how === '在' ? '在' : ''}`);
  if (!/\d/u.test(t)) return t;
  return t
    .replace(DOUBLE_ELEVEN, (_, n: string) => (n === '11' ? '双十一' : '双十二'))
    .replace(COUNT_BEFORE_UNIT, (digits: string, _d: string, at: number, whole: string) => {
      const n = Number(digits);
      // 2 of a count is 两 (两天, 两个月, 两万); of a date 二 (2月, 2日)
      if (n === 2) return /^\s?(?:日|月)/u.test(whole.slice(at + digits.length)) ? '二' : '两';
      return chineseNumeral(n);
    });
}
