/**
 * The first action a Chinese text describes (`zhAction`: 申请退款, 寄回发票、赠品), for its how-to
 * question 如何申请退款？ (rule procedure): a step verb and its object, passing over a verb that is no
 * step the customer takes — part of a noun (支付方式), a point in time (付款后), what is not done
 * (不予退货), what the shop does (本店办理退款).
 */
import { ZH_NOT_ROLE, ZH_ROLE } from './zh-words.js';

// not after 将/会/被/予 (优惠券将退回账户: what will happen, not what one does)
const ZH_STEP_VERBS = '申请|办理|提交|联系|寄回|寄还|填写|登录|点击|注册|购买|下单|支付|付款|退回|退货|换货|开具|查询|修改|取消|投诉';

// 后 ends an object (付款后), except in 售后 (申请售后)
const ZH_STEP_VERB = new RegExp(`(?<![的到已将会被予退])(${ZH_STEP_VERBS})((?:售后|[^，。；、：:（(的后]){0,8})`, 'u');

const ZH_STEP_VERB_FIRST = new RegExp(`^(?:${ZH_STEP_VERBS})`, 'u');

/** What a step verb reads as when it only names a thing (支付方式, 退货地址): not an action to ask how to do. */
// (险: 退货险 is an insurance)
// (专线, 热线, 邮箱: 投诉专线400-820-6699 is a phone line, no step; it asked 如何投诉专线400-82？)
const ZH_VERB_AS_MODIFIER = /^(?:是|不|没|需要|都|也|会|宝|险|方式|方法|时间|地点|地址|期限|凭证|记录|金额|费用|信息|渠道|入口|页面|条件|范围|原因|手续费|人|方|者|费者|率|单位|行为|电话|专线|热线|邮箱|程序|成功|失败|登记|事项|您|你)/u;

/** Step verbs that hold their object (退货: 货) and make the goods after them a kind of goods: 退货商品, 换货订单. */
const ZH_HELD_OBJECT_VERB = /^(?:退货|换货|退款|付款|下单)$/u;

const ZH_GOODS = /^(?:商品|订单|货物|产品|货品|物品|包裹)/u;

/** A book's or a law's title (《部分商品修理更换退货责任规定》): a name, no step is read inside it. */
const ZH_BOOK_TITLE = /[《〈][^《》〈〉\n]{0,40}[》〉]/gu;

// (开具之日起计算, 签收当日: the day of an action is a point in time too; it asked 如何开具之日起计算？)
const ZH_VERB_AS_TIME = /^(?:后|前|时|之后|以后|之前|以前|完毕|之日|之时|当日|当天|日起|\d)/u;

/** What comes before a step verb that is not done: 不支持无理由退货, 不予退货, 无法退款, 无须寄回发票. */
// (拒绝 / 拒不: 请拒绝支付 is what not to do; it asked 如何支付？)
const ZH_NOT_DONE = /(?:不支持|不接受|不能|不可以|不可|不予|不得|禁止|无法|无须|无需|毋须|不必|不用|不需要|不需|拒绝|拒不|不)(?:另外|额外|再|无理由|免费|上门|在线)?$/u;

/** Words that make the step verb after them part of a noun: 无理由退货, 免费维修, 上门取件. */
const ZH_NOUN_MAKER = /(?:无理由|免费|上门|在线|电子)$/u;

const ZH_VERB_NEEDS_OBJECT = /^(?:申请|办理|提交|联系|填写|点击|购买|开具|查询|修改|取消|寄回|寄还|退回)$/u;

/** Where an action's object ends: a function word or the next clause. */
// 退货需自行寄回: a modal (需, 须, 自行) ends it too, not 所需材料; so does 请 (退货请将商品寄回), not 申请 / 提请;
// and a line's end (申请退货 over a nested list item `- 注意…` asked 如何申请退货-注意？)
const ZH_OBJECT_END = /[为的前等和及或以与并而被把将在于若、“”"「」《〈\n]|(?<![申邀提聘宴呈报奏恳吁延])请|(?<!售)后|(?<!理)由|负有|承担|需要|应当|必须|(?<!所)需(?!求)|须|自行/u;

/** An action inside a time or place phrase (您提交订单时, 在提交订单页面) is no step to ask about (时效 is no 时). */
// (…中 closes a place phrase: 在退货申请中填写 asked 如何退货申请中？; not 中心, 中国, 中途 …)
const ZH_SETTING = /时(?![间效限长段])|页面|过程|期间|中(?![心国华文途奖转断止标间])/u;

const ZH_SETTING_NEXT = new RegExp(`^(?:${ZH_SETTING.source})`, 'u');

/** Adverbs 将 is followed by when it says what will happen (商家将免费寄回, 我们将很快寄回): never an object's start. */
// (会 / 被 / 已 as whole adverbs only: 会员卡, 被子, 已拆封商品 are objects)
const ZH_FRONTED_MANNER = /^(?:免费|很|马上|立即|立刻|自动|尽快|及时|直接|原路|另行|随后|稍后|快速|会(?![员议计])|被(?![子套褥])|已(?![拆开使激购签]|经拆)|再|也|均)/u;

/** Adverbs of how many that may also open an object (将全部商品寄回 fronts 全部商品; 将全部退回 fronts nothing). */
const ZH_FRONTED_QUANTITY = /^(?:统一|全部|一并|一起|都|分别|先|逐一)+/u;

/** Prepositions 将 is followed by when it fronts no object (将以原支付方式退回, 将为您寄回). */
const ZH_FRONTED_PREPOSITION = /^(?:为|给|帮|替|以|按|通过|在|于|由|从|向)/u;

/**
 * Is what 将 / 把 puts before a step verb its object (将发票、赠品一并寄回 → 发票、赠品)? Not an adverb
 * (商家将免费寄回, 将全部退回 — they asked 如何寄回免费？ / 如何退回全部？) nor a preposition's phrase
 * (我们将为您寄回, 退款将以原支付方式退回), which say what will happen.
 */
function isFrontedObject(fronted: string): boolean {
  if (ZH_FRONTED_MANNER.test(fronted)) return false;
  const rest = fronted.replace(ZH_FRONTED_QUANTITY, '');
  // a clause, not a thing: 将吊牌保留完好后寄回, 将商品连同发票一并寄回 (was 如何寄回吊牌保留完好后？)
  if (/后$|连同|保留|保持|放入|装入|包装|填写/u.test(rest)) return false;
  return rest.length >= 2 && !ZH_FRONTED_PREPOSITION.test(rest) && !ZH_FRONTED_MANNER.test(rest);
}

/**
 * The first action the text describes (申请退款, 联系客服), for a how-to question: a step verb and
 * its object, cut where the next step verb starts (支付价款, not 支付方式支付价款); a verb that
 * only modifies a noun (支付方式) is passed over.
 */
/** Where a customer goes online to do something: an app, a site, an account page. */
const ZH_PLACE_ONLINE = /(?:APP|App|app|网站|官网|小程序|公众号|客户端|后台|页面|商城|账号|账户)$/u;

export function zhAction(said: string): string | undefined {
  // a menu path (点击“申请售后—退货”) is one action, not 申请售后— (the dash left dangling)
  // a title is a name: 依据《…更换退货责任规定》制定 asked 如何退货责任规定》制定？
  const text = said.replace(/(?<=\p{Script=Han})[—–]+(?=\p{Script=Han})/gu, '').replace(ZH_BOOK_TITLE, '《》');
  const all = new RegExp(ZH_STEP_VERB.source, 'gu');
  for (let m = all.exec(text); m !== null; m = all.exec(text)) {
    const verb = m[1] ?? '';
    let object = m[2] ?? '';
    // the next match may start inside this one's object (支付方式支付价款)
    all.lastIndex = m.index + verb.length;
    if (ZH_VERB_AS_MODIFIER.test(object)) continue;
    // 原路退回至支付宝: where money or goods go, what the shop does, no task (was 如何退回至？)
    // (支付给买家: whom it is paid to, likewise)
    if (/^(?:至|到(?![货账期店付])|给)/u.test(object)) continue;
    // 购买了退货险的: an action done (了 / 过 / 着), which describes a case, no step (was 如何购买了？)
    if (/^[了过着]/u.test(object)) continue;
    // a point in time (付款后48小时内发货, 退货后), or a payment channel with its delay (微信支付1-2个工作日到账): no action to ask about
    if (ZH_VERB_AS_TIME.test(text.slice(m.index + verb.length))) continue;
    // what is not done (不支持无理由退货, 不予退货): no way to do it to ask about
    if (ZH_NOT_DONE.test(text.slice(0, m.index))) continue;
    // 凭购买订单号享受免费维修: after 凭 / 持 the verb names what one shows (the order number of the purchase), no task
    // (持 alone, not the 持 of 支持退货 / 坚持)
    if (/(?:凭|(?<![支坚维保扶主劫挟])持)$/u.test(text.slice(0, m.index))) continue;
    // 余额可用于购买全部商品: after 用于 / 用来 the verb says what a thing is used for, no task (was 如何购买全部商品？)
    if (/(?:用于|用来|用以)$/u.test(text.slice(0, m.index))) continue;
    // 直播间下单与店铺下单同等享受: ways of doing it compared, no step to ask how to do (was 如何下单？ of a policy's opening lines)
    if (/^(?:[与和跟]|同等|一样|相同|同样)/u.test(text.slice(m.index + verb.length)) || /^(?:同等|一样|相同|同样)/u.test(object)) continue;
    // 申请退货: a verb whose object is another step verb is one action; a step verb later in the object starts the next one
    const head = ZH_STEP_VERB_FIRST.exec(object)?.[0] ?? '';
    const next = new RegExp(ZH_STEP_VERB.source, 'u').exec(object.slice(head.length));
    // …except after a word that makes it a noun: 申请无理由退货 is one action
    // …or before a noun the verb makes: 填写退换货申请单 is one action
    const nextIsNoun = next !== null && /^(?:单|表|书|号)/u.test(object.slice(head.length + next.index + (next[1]?.length ?? 0)));
    if (next !== null && !nextIsNoun && !ZH_NOUN_MAKER.test(object.slice(0, head.length + next.index))) object = object.slice(0, head.length + next.index);
    const setting = ZH_SETTING.exec(object);
    if (setting !== null) object = object.slice(0, setting.index);
    const end = ZH_OBJECT_END.exec(object);
    if (end !== null) object = object.slice(0, end.index);
    // 到账后请重新登录游戏查看: logging in again is how one checks, no task to ask about (was 如何登录游戏？)
    if (verb === '登录' && /重新$/u.test(text.slice(0, m.index))) continue;
    // 请登录运营商APP申请电子发票: logging in to a place is the way to the step after it, no task of its own
    // (was 如何登录运营商APP？; the next match asks 如何申请电子发票？)
    if (/^(?:登录|点击)$/u.test(verb) && ZH_PLACE_ONLINE.test(object) && new RegExp(ZH_STEP_VERB.source, 'u').test(text.slice(m.index + verb.length + object.length).split(/[，。；,;\n]/u)[0] ?? '')) continue;
    // 退货商品经仓库验收合格后: the goods returned, no step (was 如何退货商品经仓库验收合？)
    if (ZH_HELD_OBJECT_VERB.test(verb) && ZH_GOODS.test(object)) continue;
    // 补贴部分退回补贴发放方: whom money or goods go back to, the shop's doing (as 退回至…), no step
    if (/^(?:退回|退还|寄回|寄还)$/u.test(verb) && ZH_ROLE.test(object) && !ZH_NOT_ROLE.test(object)) continue;
    // an object the length cap cut inside a word or a number (服务提供者提供电|子支付…, 专线400-82|0-6699) is no
    // object to ask about: where it would end is not known (a segmenter would know). Running it on to its end
    // when near was tried: in laws it made only longer clumsy ones (如何购买商品七日无理由退货义务？)
    if (object === (m[2] ?? '') && object.length >= 8 && cutShort(text.slice(m.index + verb.length + object.length))) continue;
    if (ZH_SETTING_NEXT.test(text.slice(m.index + verb.length + object.length))) continue;
    // 退货揽收后由保险公司理赔: the action and its object mark a point in time, as 付款后 does (was 如何退货揽收？)
    if (object.length > 0 && /^(?:后|之后|以后)/u.test(text.slice(m.index + verb.length + object.length))) continue;
    // 经核实后本店办理退货退款: what the shop does is no task of the customer's (was 如何办理退货退款？)
    // (not 返回我司办理退换货手续: the shop there is where goods go, the customer still does it)
    if (/(?:^|[，,。；;\n后由])(?:本店|本公司|商家|卖家|我们|我司|平台)(?:将|会|可以|可|应当|应|负责|统一|即|再|予以)?$/u.test(text.slice(0, m.index))) continue;
    // 退货申请提交后: the verb and its object name a thing that is then submitted or approved (a request),
    // no step (was 如何退货申请？, which then found 不想退了怎么办 for the customer's 如何退货申请)
    if (/^[^，。；、\n]{0,4}?(?:提交|审核|通过|受理|生效|发起|创建)(?:成功)?(?:后|以后|之后|时)/u.test(text.slice(m.index + verb.length))) continue;
    // 将发票、赠品一并寄回: the object went before the verb, with 将 / 把 (如何寄回发票、赠品？, was 如何寄回？)
    const fronted = object.length === 0 ? /[将把]([^，。；将把\n]{2,12}?)(?:一并|一起|全部|都|统一|及时|尽快|原路)?$/u.exec(text.slice(0, m.index))?.[1] : undefined;
    if (fronted !== undefined && isFrontedObject(fronted)) return `${verb}${fronted}`;
    // 不适用七日无理由退货规定: the verb names a rule (规定, 规则, 制度 …), no step (was 如何退货规定？)
    if (/^(?:规定|规则|制度|办法|条款|政策)/u.test(object)) continue;
    // 如何申请？/ 如何联系？/ 如何寄回？ asks nothing: these verbs need what is applied for, whom to contact, what is sent
    if (object.length === 0 && ZH_VERB_NEEDS_OBJECT.test(verb)) continue;
    // 在本店购买商品的所有顾客: the action describes someone (a relative clause), it is no step
    // 退回运费由本店承担: the verb and its object are a thing someone pays for, no step either
    // 退回商品负有任何义务: the action is what a statement is about, no step
    if (/^(?:的|由(?!于)|负有|承担|需要|应当|必须)/u.test(text.slice(m.index + verb.length + object.length))) continue;
    return `${verb}${object}`;
  }
  return undefined;
}

/** Does an object stop short of its end: the text goes on with a character of a word or a number (合|格, 400-82|0)? */
function cutShort(after: string): boolean {
  return /^[\p{Script=Han}A-Za-z0-9]/u.test(after) && ZH_OBJECT_END.exec(after)?.index !== 0 && !ZH_SETTING_NEXT.test(after);
}
