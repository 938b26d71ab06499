/**
 * A chat message as a question: what chat tools add around what a customer asks — links, emoji
 * and their [表情] codes, 「商品卡片」 placeholders, the order, tracking and phone numbers a
 * customer quotes about their own case, line breaks — taken out, so that `kb gaps` searches,
 * counts and shows the question itself (订单号2140570908784866847 几号发货 and 几号发货😭 are one
 * question, 几号发货), and no customer's number or phone reaches a draft entry. The analyzer's
 * `chat` option asks a bot's question the same way (Analyzer.analyzeQuery).
 */
import { CHAT_EMOTICONS } from './chat.js';

/** Links: up to the first space, Chinese character or full-width punctuation. */
const LINK = /(?:https?:\/\/|www\.)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]*/giu;

/** What chat tools write in brackets for a sticker or a file a customer sent: [表情], [图片], [语音] … */
const MEDIA_CODES = ['表情', '动画表情', '图片', '语音', '视频', '文件', '链接', '位置', '名片', '红包', '转账', 'emoji', 'image', 'sticker'];
/**
 * Emoticon and media codes of chat tools — [微笑] [流泪] (a closed list, CHAT_EMOTICONS), [表情]
 * [图片] [语音], /:) — but not a button's name in brackets: 点击[申请售后]没反应 keeps it.
 */
const CODE = new RegExp(String.raw`\[(?:${[...CHAT_EMOTICONS, ...MEDIA_CODES].join('|')})\]|\/:[a-z()]{1,6}`, 'giu');

/** Placeholders chat tools put for a card or a file — 「商品卡片」 (with the product's title and price after it), 「订单卡片」, 【图片】, <图片>. */
const PLACEHOLDER = /「[^」]{1,12}」(?:[^「」¥￥\n]{0,40}[¥￥]\s?\d+(?:\.\d+)?)?|【[^】]{0,6}(?:卡片|图片|链接|视频|语音|文件|表情)[^】]{0,6}】|<(?:图片|视频|语音|文件|表情|image|img)>/giu;

/** Emoji, with their modifiers and joiners. */
const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}\u{20E3}]/gu;

/** What stands for a customer's personal data inside a question (call me on … about my refund); taken out with the marks at its ends. */
const MASK = '…';

/** E-mail addresses (jane.doe@gmail.com), up to a Chinese character; tried only where a word starts (a long word is read once, not from each of its letters). */
const EMAIL = /(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/giu;

/**
 * Phone numbers written in groups (07700 900123, +44 7700 900123, (555) 123-4567, 138 0013 8000):
 * 9 to 15 digits that begin with +, ( or 0, or are grouped 3-3-4 (North America) or 3-4-4 (a
 * Chinese mobile). Dates (2026-03-01) and a model's number (studio 700) are none of these. A phone
 * number written without spaces is a long number (QUOTED_NUMBER).
 */
const GROUPED_DIGITS = /(?<![\w+#])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,6}(?:[\s.-]\d{2,6}){1,4}(?!\w)/gu;
const isPhone = (text: string): boolean => {
  const digits = text.replace(/\D/gu, '');
  if (digits.length < 9 || digits.length > 15) return false;
  const groups = text.split(/[\s.()-]+/u).filter((g) => g !== '' && g !== '+').map((g) => g.replace(/^\+/u, '').length);
  return /^[+(0]/u.test(text) || groups.join('-') === '3-3-4' || (groups.join('-') === '3-4-4' && /^1[3-9]/u.test(text));
};

/** Order-like ids: # with digits (#1042, #AUR-2291834) and letters, a hyphen and digits (AUR-2291834); letters and digits (ORD123456) are a QUOTED_NUMBER. */
const ORDER_ID = /#\s?[a-z]{0,5}-?\d{3,}[a-z0-9-]*|(?<![\w-])[a-z]{1,5}-\d{5,}(?![\w-])/giu;

/**
 * A quoted number — order, tracking, phone — with the label that introduces it (订单号：, 单号,
 * 手机, 电话, 快递单号, order number, tracking number); six or more digits, maybe behind a carrier's
 * letters (SF1234567890, JD…). Read after spaces are collapsed: a space at most between the parts
 * (`\s*` three times over a run of 500 spaces took 90 seconds).
 */
const QUOTED_NUMBER =
  /(订单编号|订单号|快递单号|物流单号|运单号|单号|编号|订单|手机号码|手机号|手机|电话号码|电话|联系方式|order number|order no\.?|order id|tracking number|phone number|mobile number|tel|phone|mobile)? ?(?:是|为)? ?[:：#]? ?[a-z]{0,4}\d{6,}/giu;

/**
 * A device's serial number or IMEI with its label (SN PF3K2M9X, 序列号：C02XK0ABJG5H, 串号 8675309…, IMEI:
 * 35693803…, S/N 5CD1234XYZ): letters and digits, one digit at least, which QUOTED_NUMBER misses
 * (PF3K2M9X named a gap of a service centre's log, pf3k2m9x sn 笔记本). The label stays, as a parcel
 * number's does: a customer who quotes an IMEI often asks what it can look up (查保修 IMEI …
 * finds 输入IMEI号即可查询保修期限).
 */
const SERIAL_NUMBER = /(序列号|串号|(?<![a-z])(?:s\/n|sn|serial(?: number| no\.?)?|imei\d?|meid))(?: ?(?:是|为|号码|码|is))? ?[:：#]? ?(?=[a-z0-9-]*\d)[a-z0-9][a-z0-9-]{5,24}(?![a-z0-9])/giu;

/** A parcel's number says what the question is about (快递单号 … 查不到): its label stays; an order's or a phone's does not. */
const PARCEL_LABEL = /^(?:快递|物流|运单|tracking)/iu;
const dropNumber = (_: string, label: string | undefined): string => (label !== undefined && PARCEL_LABEL.test(label) ? ` ${label} ` : ` ${MASK} `);

/** A customer's personal data — e-mail addresses, phone numbers, order ids, quoted numbers — as MASK. */
const maskPersonalData = (text: string): string =>
  text
    .replace(EMAIL, ` ${MASK} `)
    .replace(GROUPED_DIGITS, (m) => (isPhone(m) ? ` ${MASK} ` : m))
    .replace(SERIAL_NUMBER, (_, label: string) => ` ${label} `)
    .replace(ORDER_ID, ` ${MASK} `)
    .replace(QUOTED_NUMBER, dropNumber);

/** Calls before a question (亲，在吗 …) and what trails it (急, ？？？, ~~, ！！): not part of what is asked. */
const SEP = '[\\s,，.。!！?？~～、:：;；…]';
// 亲, 喂, 老板, 客服, hi stand alone (亲子装, 喂养, history are questions): a mark, the end or another call must follow
// (客服电话是多少 asks about 客服: a call is 客服 followed by a mark or another call)
const CALLS = new RegExp(`^${SEP}*(?:(?:你好|您好|在吗|在么|在不在|有人吗|(?:亲亲|亲爱的|亲|喂|老板|客服|hi|hello)(?=${SEP}|$|你好|您好|在吗|在么|在不在|请问))${SEP}*)*`, 'iu');
// 急 trailing a question is a plea (怎么还不发货急), but not the end of a word: 加急, 紧急, 着急, 很急 …
const TRAIL = /[\s,，.。!！?？~～、…]*(?:(?<![加紧着告焦很太好危应火心])急+|在线等)?[\s,，.。!！?？~～、…]*$/u;
/** The question mark of a message's trailing run (退款多久到账？？？急): kept, once. */
const LAST_MARK = /([?？])[\s?？!！~～…]*(?:急+|在线等)?[\s?？!！~～…]*$/u;

/**
 * Thanks and pleas after a question (…吗？谢谢, …，多谢了, … thx, … pls ty), one or more: the
 * chat abbreviations too (thx, thnx, tks, ty, pls, plz). The English words stand alone: warranty
 * does not end in ty.
 */
const THANKS_WORDS = String.raw`谢谢+|多谢了?|谢了|感谢|(?<![a-z])(?:thanks|thank you|thank u|thx|thnx|tks|ty|pls|plz|please)(?![a-z])`;
const THANKS = new RegExp(String.raw`(?:[\s,，.。!！~～、…]*(?:${THANKS_WORDS}))+[\s,，.。!！~～、…]*$`, 'iu');

/**
 * Acknowledgements and thanks that are chit-chat only as a whole message: 收到 (but 没收到 asks about a
 * parcel), 好的 / 知道了, thanks so much (but how much asks a price), and their endings.
 */
// (and Chinese thanks alone, 谢谢 / 谢谢亲, which chatQuestion keeps; 知道了, 嗯嗯, 好的好的, goodbyes and time-of-day
// greetings: a bot told 谢谢 from an unanswerable question by kb.asksNothing, and handed 谢谢 off — review 2026-11-28)
const ACK_WORDS = String.raw`收到|收到了|明白|懂了|了解|了解了|知道了|知道啦|好的|好滴|好嘞|好|嗯+|哦+|噢+|哈哈+|行|没问题|是的|对的|谢谢+(?:你|您|你们|了)?|多谢|谢了|感谢|辛苦了?|拜拜|再见|早上好|早安|上午好|中午好|下午好|晚上好|晚安|ok|okay|okk|k|kk|good|got it|noted|same|done|yes|yeah|yep|no|nope|sure|cool|great|nice|fine|alright|all right|bye|goodbye|hey|hi there|hello there|good (?:morning|afternoon|evening|night)|(?:thanks?|thank (?:you|u)|thx|ty)(?: (?:so |very )?much| a lot)?`;
const ACK_LINE = new RegExp(String.raw`^(?:(?:${ACK_WORDS})[\s,，!！。.~～了啦呀哈哦噢亲]*)+$`, 'iu');

/** A letter held at a word's end (thanksss, okkk, thank youuu): the acknowledgement once. */
const HELD_LETTER = /([a-z])\1+(?![a-z])/giu;

/**
 * Whether a whole message is an acknowledgement or thanks (好的, 收到了, ok, got it, thanks so much,
 * okkk): a reply to the bot, which asks nothing (kb gaps counts it as small talk; the runtime
 * searches nothing for it).
 */
export function isAcknowledgement(message: string): boolean {
  const line = message.trim();
  return ACK_LINE.test(line) || ACK_LINE.test(line.replace(HELD_LETTER, '$1'));
}

/**
 * The question a chat message asks, without links, emoji, codes, placeholders, quoted numbers, calls
 * and trailing marks; one line. `thanks: false` also drops thanks after it (请问能退吗？谢谢 → 请问能退吗？),
 * for a question written down as an editor would (kb eval --suggest) and as kb gaps counts it (你们是正品吗 thx
 * is 你们是正品吗); thanks alone (谢谢) stay.
 */
export function chatQuestion(message: string, options: { thanks?: boolean } = {}): string {
  // (a mask next to another is one; one at either end goes with the calls and marks there)
  let plain = maskPersonalData(message.replace(LINK, ' ').replace(PLACEHOLDER, ' ').replace(CODE, ' ').replace(EMOJI, '').replace(/\s+/gu, ' '))
    .replace(/\s+/gu, ' ')
    .replace(/…(?: …)+/gu, MASK)
    .replace(/… ([,，.。;；:：])/gu, '…$1')
    // a label kept before a mark (序列号 ，查不到保修): no space before the mark
    .replace(/(?<=[\p{L}\d]) ([,，。;；:：])/gu, '$1')
    .trim();
  if (options.thanks === false) {
    const without = plain.replace(THANKS, '');
    if (without !== '') plain = without;
  }
  // keep one question mark: 退款多久到账？？？ is asked as 退款多久到账？
  const mark = LAST_MARK.exec(plain)?.[1] ?? '';
  const bare = plain.replace(CALLS, '').replace(TRAIL, '');
  return bare === '' ? '' : `${bare}${mark}`;
}
