/**
 * Rule-based question generation: the questions customers ask about a section, from its heading
 * and from what its text says (conditions, time limits, fees and who pays, procedures,
 * definitions, rights and duties). Deterministic; each question records the rule that wrote it.
 * Chinese sections get Chinese questions, English sections English ones. See docs/generate.md.
 */
import { languageOf, headingIsQuestion, inAddress, interleave, looksLikeQuestion, lowerFirst, NO_NAMES, properNames, sentences, shorten, stripNumbering, withoutAsides, withoutItemMarker, questionKey, type QuestionLanguage } from './text.js';

export type GenerationRule =
  | 'heading'
  | 'question-line'
  | 'definition'
  | 'condition'
  | 'list-item'
  | 'liability'
  | 'permission'
  | 'time-limit'
  | 'fee'
  | 'who-pays'
  | 'procedure'
  | 'duty'
  | 'right'
  | 'validity'
  | 'contents'
  | 'table-row'
  | 'purpose';

export const GENERATION_RULES: readonly GenerationRule[] = ['heading', 'question-line', 'definition', 'contents', 'condition', 'list-item', 'liability', 'permission', 'time-limit', 'fee', 'who-pays', 'procedure', 'duty', 'right', 'validity', 'table-row', 'purpose'];

export interface GeneratedQuestion {
  question: string;
  rule: GenerationRule;
}

export interface SectionInput {
  /** Headings above the section, outermost first (display form). */
  headingPath: readonly string[];
  text: string;
  /** Ordered list items of the section, when ingestion kept its blocks. */
  steps?: readonly string[];
  /** The section's tables (rows of cells, the header row first), when ingestion kept its blocks. */
  tables?: readonly (readonly (readonly string[])[])[];
  /** Force the questions' language; by default it is the section's own. */
  language?: QuestionLanguage;
}

export interface GenerateOptions {
  /** Rules to leave out (measuring each rule's contribution). */
  disabledRules?: ReadonlySet<GenerationRule>;
  /** At most this many questions per section (default 8). */
  max?: number;
}

/**
 * An English document's label of a part, which carries no words of its topic: `Section 4 — Liability`,
 * `Clause 7: Returns`, `Article 2. Payment`, `Part III - Delivery` (they gave What is the Section 4 — Liability?).
 */
const EN_SECTION_LABEL = /^(?:section|clause|article|part|chapter|schedule|appendix|annex)\s+(?:\d+(?:\.\d+)*[a-z]?|[ivxlc]+|[a-z])\b\.?\s*[—–:.-]?\s*(?=\p{L})/iu;

/** An editor's note in a heading's brackets, about the text and not the topic: 保修（长文，老同事粘贴的）, 运费（旧版，待更新）. */
const ZH_EDITORIAL_ASIDE = /粘贴|复制|长文|旧版|新版|老版|待更新|已更新|更新中|待补充|待定|待审|仅供参考|参考|草稿|老同事|同事|内部|备用|作废|废弃|过期|测试|副本|转载|摘录|节选|完整版|简版|续|修订|试行|暂行|示例|样例/u;
/** An aside that says what the heading is about, not which part: 退货（含运费险）, 保修（详见下文）, 发票（一）. */
// (nor one that says how it goes — 运费（江浙沪包邮）, 运费（按重量计算）: a rule, not a kind; glued on it read 江浙沪包邮运费是多少？)
const ZH_ASIDE_NOT_KIND = /^(?:含|包括|包含|不含|如|例如|即|注|详见|见|参见|仅|限|适用|按|依|以|由|[一二三四五六七八九十]+$)|包邮|免费|计算|收取|另计|承担|需要|可以|不可|不能|支持|不支持/u;

/**
 * A Chinese heading without its closing aside, or with it when it tells this part from another:
 * 保修（长文，老同事粘贴的） → 保修 (an editor's note); 退货（质量问题） → 质量问题退货 and 退货（非质量问题） →
 * 非质量问题退货, 运费（偏远地区） → 偏远地区运费 (both were 退货是什么？ / 运费是多少？, the aside lost).
 */
function zhWithoutAside(topic: string): string {
  const aside = /\s*[（(]([^（）()]*)[）)]\s*$/u.exec(topic);
  if (aside === null) return topic;
  const head = topic.slice(0, aside.index).trim();
  const inner = (aside[1] ?? '').trim();
  // 退货（质量问题）: a kind of what the heading names, in a few words of its own
  if (!/^\p{Script=Han}{2,8}$/u.test(inner) || ZH_EDITORIAL_ASIDE.test(inner) || ZH_ASIDE_NOT_KIND.test(inner)) return head;
  // 发票（电子发票）: the aside names it whole
  return inner.endsWith(head) ? inner : `${inner}${head}`;
}

/** The section's own topic: its last heading without numbering, when that has words. */
export function headingTopic(headingPath: readonly string[]): string | undefined {
  const last = headingPath[headingPath.length - 1];
  if (last === undefined) return undefined;
  // ★注意事项, 【退款说明】: the decoration is no part of the topic
  // Appeal A Decision | Social Security Administration: the site's name is no part of the topic
  const topic = stripNumbering(last)
    .replace(EN_SECTION_LABEL, '')
    .replace(/^[★☆●○◆◇■□▲△※\s]+/u, '').replace(/^【([^】]+)】$/u, '$1').replace(/\s+\|\s+.*$/u, '').replace(/[：:。.]+$/u, '').trim();
  // an English heading's aside is often its acronym, which customers type: Special Enrollment Period (SEP)
  const bare = /\p{Script=Han}/u.test(topic) ? zhWithoutAside(topic) : topic;
  const kept = /[\p{L}]{2}/u.test(bare) ? bare : topic;
  return /[\p{L}]{2}/u.test(kept) ? kept : undefined;
}

/** A manual's title: 小鹿空气炸锅KF-5L使用说明书, 台式洗碗机 WQP6 用户手册. */
const ZH_MANUAL_TITLE = /(?:使用|用户|产品|操作|安装)?(?:说明书|手册|使用指南)$|使用说明$/u;
/** A title that says it is a product's manual whatever it names: 说明书, 使用说明, 用户手册, 产品手册. */
// (使用说明 alone names no product — 退换货使用说明 —: it wants a product word, as 手册 does)
const ZH_PRODUCT_MANUAL = /(?:说明书|用户手册|产品手册)$/u;
/** What ends a product's name (空气炸锅, 洗碗机, 扫地机器人, 电热水壶): for a title that only says 手册 / 操作手册 / 使用指南. */
const ZH_PRODUCT_WORD = /(?:机|器|器人|锅|炉|箱|灯|仪|表|扇|柜|车|泵|壶|煲|杯|秤|镜|调|视|脑|耳机|音响|相机|电池|滤芯|净水器|环|椅|床|垫|鞋|包|笔|座椅)$/u;
/** A handbook for people or a business, no product: 员工手册, 商家操作手册, 客服培训手册, 会员权益手册. */
const ZH_NOT_PRODUCT = /^(?:员工|客服|商家|卖家|商户|会员|售后|运营|入驻|店铺|平台|新人|新手|门店)|(?:员工|客服|商家|卖家|商户|会员|售后|培训|运营|服务|规则|权益|政策|入驻|店铺|平台|管理|财务|业务|流程|制度|岗位|工作|退换货|退货|换货|退款|发票|积分|优惠券|物流|配送)$/u;

/**
 * The product a manual is about, from the title at the top of the heading path (小鹿空气炸锅KF-5L使用说明书
 * → 小鹿空气炸锅, its model left out), for headings that name no object (使用方法 → 如何使用小鹿空气炸锅？,
 * was 如何使用？). Undefined for a document that is no product's manual: a handbook for staff or sellers
 * (员工手册 / 使用方法 asked 如何使用员工？), or a 手册 whose name ends in no product word.
 */
export function manualProduct(headingPath: readonly string[]): string | undefined {
  const title = headingPath.length >= 2 ? (headingPath[0] ?? '') : '';
  if (!ZH_MANUAL_TITLE.test(title)) return undefined;
  const product = title.replace(ZH_MANUAL_TITLE, '').replace(/[\s\-_A-Za-z0-9]+$/u, '').trim();
  if (!/^\p{Script=Han}{2,12}$/u.test(product) || ZH_NOT_PRODUCT.test(product)) return undefined;
  return ZH_PRODUCT_MANUAL.test(title) || ZH_PRODUCT_WORD.test(product) ? product : undefined;
}

// ---------------------------------------------------------------- Chinese

const ZH_TIME = /(?<![周期拜])(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百]+)\s*(?:-|－|~|至|到)?\s*(?:\d+)?\s*(?:个)?(?:小时|个工作日|工作日|日|天|周(?![一二三四五六日天末])|星期(?![一二三四五六日天])|个月|月|年)(?:内|以内|之内|后|以上|左右|上下)?/u;
/** A date or a year: a point in time, not a duration (本政策自2026年1月1日起施行). */
// (每月8日 is a day of every month: 每月8日为会员日 asked 为会员日需要多长时间？)
// (2026年1月参考价 is a month: the year alone went and 1月 asked 参考价需要多长时间？)
const ZH_DATE = /(?:\d{2,4}\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|每(?:个)?月\s*\d{1,2}\s*[日号]|\d{4}\s*年\s*\d{1,2}\s*月(?!内|以内|之内|以上|后)|\d{4}\s*年(?!内|以内|之内|以上)/gu;
// (积分有效期为…: a validity is a period too; its article asked 系统将短信提醒需要多长时间？ from a later clause)
const ZH_PERIOD = /([\p{Script=Han}]{2,10}?)(?:的)?(期限|期间|时效|时限|时间|周期|有效期|保质期|保修期)(?:为|是|一般为)/u;
// (运费险 is an insurance, no fee)
// (a delivery crew's fees are words of their own: 搬运费 is no 运费, and 远距离搬运费 asked 离搬运费是多少钱？)
const ZH_CREW_FEE = /^(?:搬运费|上楼费|楼层费|安装费|拆装费|拆旧费|空跑费|打孔费|上门费|折旧费)$/u;
const ZH_FEE = /(?:搬运费|上楼费|楼层费|安装费|拆装费|拆旧费|空跑费|打孔费|上门费|折旧费|运费|邮费|快递费|费用|手续费|服务费|价款|货款|差价|税费|关税|保证金|押金|罚款)(?!险)/u;
const ZH_WHO_PAYS = /由([^，。；、]{1,10}?)(承担|支付|负担|负责|垫付)/u;
const ZH_AMOUNT = /\d+(?:\.\d+)?\s*(?:元|块|人民币|美元|美金)|[一二三四五六七八九十百千万]+元/u;
// 应 as in 应收账款, 应付, 应尽的, 应有的 is no duty
// (应 of 对应, 相应, 反应, 供应 … is no duty: 退款订单对应的积分将被扣回 asked 退款订单对需要的积分将被扣回吗？)
const ZH_SUBJECT_DUTY = /^([\p{Script=Han}、]{2,12}?)(?:应当|(?<![对相响反供适答回感效照呼顺])应(?![收付尽有得])|必须|须|不得|禁止)(?!当事人)/u;
// 可 as in 可能 (may be), 可见, 可靠 is no permission
// (…存放即可，成熟后尽快食用: 即可 says enough, and what follows a comma is no object — it asked
// 常温阴凉通风处存放即可以，成熟后尽快食用吗？)
const ZH_SUBJECT_RIGHT = /^([\p{Script=Han}、]{2,12}?)(?<![不认许宁即])(有权|享有|可以|可(?!能|见|靠|是|否|惜))([^，。；]{2}.{0,22}?)(?:[，。；]|$)/u;
const ZH_DEFINITION = /^(?:本(?:法|规则|规范|办法|条例|规定|协议|政策|细则|制度)所称的?)?([^，。；：]{1,20}?)[，,]?(?:是指|指的是|系指)/u;
/** X是…的合同 / 行为 / 意思表示: a definition without 是指 (要约是希望与他人订立合同的意思表示). */
const ZH_DEFINITION_IS = /^([\p{Script=Han}]{2,10}?)是(?!否|指|由|在|为|因|不|从|按|以|对)[^。；]{2,120}?的(?:合同|行为|意思表示|协议|制度|活动|组织|单位|机构|个人|自然人|法人|经营者|商品|服务|费用|款项|凭证|期间|情形)(?:[，,]|$)/u;
/** The risk / liability / loss of something lies with someone: 标的物毁损、灭失的风险…由出卖人承担. */
const ZH_BORNE_BY = /^([^，。；]{2,20}?(?:风险|责任|损失|后果|费用|义务))[，,]?[^。；]{0,30}?由[^，。；]{1,12}?(承担|负担|负责)/u;
/** When something takes or loses effect: 仓储合同自保管人和存货人意思表示一致时成立. */
/** (and when a period is counted from: 保修期自发票开具之日起计算) */
const ZH_TAKES_EFFECT = /^([\p{Script=Han}、]{2,12}?)自[^，。；]{2,30}?(?:时|之日|之时|起)(?:起)?(成立|生效|失效|终止|施行|实施|执行|计算|起算|算)/u;
/** Something is void: 非法垄断技术…的技术合同无效 → …的技术合同有效吗？ */
const ZH_VOID = /^([^，。；]{4,40}?(?:合同|条款|约定|行为|协议|格式条款|声明|通知))(?:部分)?无效$/u;
/** What is not offered or accepted: 本店不提供备用机, 不支持货到付款, 不接受到付. */
const ZH_NOT_OFFERED = /^([\p{Script=Han}、]{0,16}?)不(提供|支持|接受|包邮|退还|收取|开具|负责)([^，。；]{0,16})$/u;
/** A free-shipping threshold: 订单满199元包邮. */
const ZH_FREE_SHIPPING = /满\s*\d+(?:\.\d+)?\s*元(?:即可)?(?:包邮|免运费|免邮)/u;
/** Whether something is covered: X(，)不属于/属于Y范围. */
const ZH_IN_SCOPE = /^([^。；]{4,40}?)[，,]?(?:不|并不)?属于([^，。；]{2,12}?)(范围|范畴|之列)/u;
/** A subject that is half of a pair (保修期外或…, 人为损坏和…): the other half follows 属于. */
const ZH_OPEN_CONJUNCTION = /(?:或|或者|和|及|以及|与|、)$/u;
/** Who can have duties and rights: a person or party (顾客, 本店, 经营者), not a thing (商品). */
function isParty(who: string): boolean {
  return ZH_ROLE.test(who) && !ZH_NOT_ROLE.test(who);
}

/** Whom a rule applies to: 本政策适用于在本店购买商品的所有顾客 → 本政策适用于哪些顾客？ */
const ZH_APPLIES_TO = /^([\p{Script=Han}]{2,12}?)适用于.*?([\p{Script=Han}]{2,4})$/u;
/** A scope written as a field (适用范围：…等大件商品), and what it covers. */
const ZH_SCOPE_FIELD = /适用范围\s*[:：]\s*[^。；：]*?(商品|产品|订单|用户|会员|顾客|客户|地区|城市)\s*(?:[。；]|$)/u;
const ZH_APPLIES_NOUN = /(?:顾客|客户|用户|会员|商品|订单|消费者|买家|卖家|商家|人员|情形|交易|服务)$/u;
/** Who is in charge of what: 国务院市场监督管理部门主管全国产品质量监督工作 → 谁主管全国产品质量监督工作？ */
const ZH_IN_CHARGE = /^([\p{Script=Han}]{2,20}?)(?:负责|主管)([^，。；]{4,24})$/u;
/** A clause that names who it is about before its modal: 当事人不得… (a first clause of time or condition before it: 合同生效后，当事人不得…). */
const ZH_ROLE = /^[\p{Script=Han}]{0,12}?(?:者|人|方|商家|卖家|买家|顾客|客户|用户|会员|本店|店铺|商城|平台|京东|淘宝|天猫|部门|机构|机关|法院|政府|组织|媒介|公司|企业|单位|协会|银行)$/u;
/** Where a role's last character is part of another word: 中华人民, 或者, 方式. */
const ZH_NOT_ROLE = /(?:人[民员士口数身格工力]|.{2}他人|(?:或|再|而|然|甚|乃|抑|亦)者|方[式法面案向针便才能可]|部[分位])$/u;
const ZH_CONDITION = /^(.{4,60}?)的[，,](.+)$/u;
/** A clause that is a time and what then happens: 一般1-3个工作日到账, 3天内发货 (the verb after the time, up to 4 characters). */
const ZH_TIMED_CLAUSE = new RegExp(`^(?:一般|通常|预计|约|大约)?(?:在)?${ZH_TIME.source}(?:可)?(\\p{Script=Han}{2,4})$`, 'u');
/** What a condition grants: …的，可以退货 / 有权要求… / 支持七天无理由退货 / 可申请… */
const ZH_GRANTED = /^(?:可以|有权|支持|可(?=申请|享受|享有|要求))([^，。；]{2,20})(?=[，。；]|$)/u;
/** A condition about trouble (a defect, a delay, a breach, a loss): what to do about it is the question. */
// (未安装、未使用、未拆封, 未穿着: goods as they came, no trouble; 商品未安装、未使用…的 asked …怎么办？)
const ZH_TROUBLE = /不(?!影响)|未(?!使用|拆|开封|激活|损坏|安装|穿|洗|佩戴|剪|下水|食用|启用|开启|试用)|没|损|坏|违|错|丢|缺陷|迟延|延误|逾期|拒|纠纷|争议|无法|过错|故意|过失|侵害|造成|欠|拖|瑕疵|问题|故障|失/u;
/** What a thing includes: 租赁合同的内容一般包括…, 保修范围包括：…, 服务费用包含… (a thing, not someone doing something). */
const ZH_CONTENTS = /^([\p{Script=Han}]{2,12}?(?:的内容|的范围|的种类)?)(?:一般|主要|通常)?(?:包括|包含)[：:]?[^，。；]{2}/u;
const ZH_NEEDS_OBJECT = /(?:享有|具有|拥有|规定|约定|提供|包括|负有|取得|所有|持有|享受)$/u;
/** …不符合约定 / 违反规定 is a situation (a breach), not what a rule provides. */
const ZH_BREACH = /(?:不符合|违反|违背|未按照?|不按照?|没有按照?)[^，,]{0,6}(?:规定|约定)$/u;
// not after 将/会/被/予 (优惠券将退回账户: what will happen, not what one does)
const ZH_STEP_VERBS = '申请|办理|提交|联系|寄回|寄还|填写|登录|点击|注册|购买|下单|支付|付款|退回|退货|换货|开具|查询|修改|取消|投诉';
// 后 ends an object (付款后), except in 售后 (申请售后)
const ZH_STEP_VERB = new RegExp(`(?<![的到已将会被予退])(${ZH_STEP_VERBS})((?:售后|[^，。；、：:（(的后]){0,8})`, 'u');
const ZH_STEP_VERB_FIRST = new RegExp(`^(?:${ZH_STEP_VERBS})`, 'u');
const ZH_PROCEDURE_HINT = /步骤|流程|第一步|首先|然后|之后再|操作|按照以下|方法如下|如下办理/u;
// one-character openers only when they are not the first character of a word: 经营者, 当事人,
// 有关部门, 对方, 在线, 如实 keep their first character
const ZH_LEADING = /^(?:但是|但|并且|而且|且|同时|此外|另外|其中|然而|因(?!素|特网)|由于|如果|若(?!干)|如(?!实|何|下)|凡|对于|对(?!方|象|外|等|应)|在(?!线|途|库)|当(?!事人|地|面|场|日|天|月|年|期)|经(?!营|销|济|过|常|理|手|办|批)|有(?!关|效|权|些|的|偿|限|人)|依照|根据|针对)+/u;
const ZH_CONNECTIVE = /^(?:但是|但|并且|而且|且|同时|此外|另外|然而|其中)[，,]?/u;
/** X对Y承担（赔偿）责任 / X应当赔偿Y: who answers for what. */
const ZH_ANSWERS_FOR = /^([\p{Script=Han}]{2,12}?)(?:应当|应)?对(.{2,24}?)(?:依法)?(?:承担|负)(.{0,4}责任)/u;
const ZH_POLICY_SUFFIX = /(?:政策|规定|规则|说明|须知|条款|制度|办法|标准|细则|要求)$/u;
const ZH_HOWTO_SUFFIX = /(?:流程|步骤|方法|指南|教程|攻略|方式)$/u;
/** A manual's heading naming a care task on a part: 机身的清洁, 滤网更换, 过滤网的清洗 (asked: 机身怎么清洁？). */
const ZH_CARE_TASK = /^(.{2,12}?)的?(清洁|清洗|保养|更换|拆卸|安装)$/u;
/** A manual's heading naming a function: 童锁功能, 预约功能 (asked: 童锁功能怎么用？). */
const ZH_FUNCTION = /^.{2,10}功能$/u;
/** A heading that names a problem (退款金额不对, 发票抬头开错了, 物流信息不更新, 快递显示签收但没收到): X怎么办？ */
const ZH_PROBLEM = /^\p{Script=Han}[^，。；,;：:]{1,18}(?:不对|不符|不一致|错了|开错|填错|写错|拍错|发错|不更新|没更新|未更新|没收到|未收到|收不到|没到|未到|不到账|没到账|坏了|损坏|破损|丢了|丢失|漏发|错发|少发|少件|缺件|延迟|超时|失败|不成功|异常|被拒|打不开|用不了|登不上)$/u;
/** A heading that names a task (修改收货地址, 取消订单, 申请发票): 如何X？ */
const ZH_TASK = /^(?:修改|更改|取消|申请|办理|查询|查看|更换|绑定|解绑|注销|注册|登录|联系|兑换|领取|激活|找回|重置|开具|补开|换开|退订|预约|投诉|催促|加急)\p{Script=Han}{2,10}$/u;
/** A task word followed by what it needs, not what it acts on (申请条件, 查询方式, 开具发票的要求): a noun heading, no task. */
const ZH_TASK_NOUN = /(?:条件|流程|时间|方式|规则|渠道|标准|须知|要求|材料|说明|时限|期限|范围|政策|规定|方法|步骤|指南|入口|进度|记录|资格|费用)$/u;
const ZH_TIME_SUFFIX = /(?:时间|时效|期限|周期|时限)$/u;
const ZH_FEE_SUFFIX = /(?:费用|运费|邮费|收费|价格|费)$/u;
/** A heading about who bears a fee: 运费承担, 退货运费的承担. */
const ZH_FEE_BORNE = /的?(?:承担|负担|支付)(?:方式|规则|说明|标准)?$/u;
/** Headings that name a notice, not a topic: no time limit or procedure to ask about them by name. */
const ZH_NOTICE = /(?:提示|说明|须知|注意事项|备注|声明|公告|告知书|事项|原因)$/u;
const ZH_NOT_OPERATED = new RegExp(`${ZH_POLICY_SUFFIX.source}|${ZH_HOWTO_SUFFIX.source}|${ZH_TIME_SUFFIX.source}|${ZH_FEE_SUFFIX.source}|${ZH_NOTICE.source}`, 'u');

function clean(text: string): string {
  return withoutAsides(text).replace(/\s+/gu, '').replace(/^[，,、：:]+|[，,、：:；;。]+$/gu, '');
}

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
const ZH_NOT_DONE = /(?:不支持|不接受|不能|不可以|不可|不予|不得|禁止|无法|无须|无需|毋须|不必|不用|不需要|不需|拒绝|拒不|不)(?:无理由|免费|上门|在线)?$/u;
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
function zhAction(said: string): string | undefined {
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

/** A line that introduces a list: `有下列情形之一的，当事人可以解除合同：`. */
const ZH_LIST_INTRO = /(?:下列|以下|如下)[^：:]*[：:]$/u;
const ZH_LIST_ITEM = /^(?:[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．)]|[一二三四五六七八九十]+、)\s*(.+)$/u;
/** At most this many items of one list become questions. */
const MAX_LIST_ITEMS = 4;

/**
 * What a list's items lead to, from its intro line: the main clause after the last `…的，`
 * (有下列情形之一的，当事人可以解除合同 → 当事人可以解除合同), or before `但是…除外`
 * (对方可以请求履行，但是有下列情形之一的除外 → 对方可以请求履行). Undefined when the intro says
 * nothing the items would lead to (合同的内容一般包括下列条款).
 */
function zhListMain(intro: string): { subject: string; main: string; direct?: boolean } | undefined {
  const body = clean(withoutItemMarker(intro.trim())).replace(/[：:]$/u, '');
  const except = /^(.{2,40}?)[，,](?:但是|但)[^，]*下列[^，]*除外$/u.exec(body);
  if (except?.[1] !== undefined) return { subject: '', main: except[1].replace(/^.*[，,]/u, '') };
  const clauses = body.split(/[，,]/u);
  const listAt = clauses.findIndex((c) => /下列|以下|如下/u.test(c));
  if (listAt < 0 || listAt === clauses.length - 1) return undefined;
  const main = clauses.slice(listAt + 1).join('，').replace(/^(?:造成[^，]*的[，,]?)/u, '');
  if (main.length < 2 || /下列|以下|如下/u.test(main)) return undefined;
  // 下列情况不属于免费保修范围，但可以提供收费维修: what the items are is said of them before 但 (人为损坏属于免费保修范围吗？,
  // was 人为损坏：包括摔落…，但可以提供收费维修吗？); a 不 goes, the customer asks whether it is
  const said = /^(?:下列|以下|如下)[^，]{0,6}?(?:情况|情形|商品|行为|原因)(?:之一)?的?((?:不|并不|均不)?(?:属于|适用|享受|支持|提供|包括)[^，]{2,16})$/u.exec(clauses[listAt] ?? '')?.[1];
  if (said !== undefined && /^(?:但是|但)/u.test(main)) return { subject: '', main: said.replace(/^(?:不|并不|均不)/u, ''), direct: true };
  // who the items are about, when the intro names them first: 生产者能够证明有下列情形之一的 → 生产者能够证明
  const before = /^(.*?)有?(?:下列|以下|如下)/u.exec(clauses[listAt] ?? '')?.[1] ?? '';
  const subject = before.length >= 2 && before.length <= 10 ? before.replace(ZH_LEADING, '') : '';
  return { subject, main: main.replace(/^(?:应当|应)/u, '要') };
}

/**
 * The items of a list under an intro that says what they lead to, each with that consequence:
 * `有下列情形之一的，当事人可以解除合同：（一）因不可抗力致使不能实现合同目的；` →
 * 因不可抗力致使不能实现合同目的，当事人可以解除合同吗？ The items are the situations people
 * ask about; the intro alone (下列情形之一) names none.
 */
function zhListQuestions(text: string): string[] {
  const lines = text.split(/\n/u).map((l) => l.trim());
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (!ZH_LIST_INTRO.test(line)) return;
    const intro = zhListMain(line.split(/[。；]/u).pop() ?? line);
    if (intro === undefined) return;
    for (const next of lines.slice(i + 1, i + 1 + MAX_LIST_ITEMS)) {
      const item = ZH_LIST_ITEM.exec(next)?.[1];
      if (item === undefined) break;
      // the nominalizing 的 of 未将产品投入流通的 goes; the 的 of 目的 stays
      // 人为损坏：包括摔落、挤压…: the item's label is what a customer names
      const labelled = /^([^：:，,。]{2,10})[：:]\S/u.exec(clean(item))?.[1];
      const situation = labelled ?? shorten(clean(item).replace(/(?<![目有别其])的$/u, ''), 40);
      // the catch-all last item (法律规定的其他情形) names no situation
      if (situation.length >= (labelled === undefined ? 4 : 2) && !/其他[^，]{0,6}(?:情形|情况|行为|事项)$/u.test(situation)) out.push(`${intro.subject}${situation}${intro.direct === true ? '' : '，'}${intro.main}吗？`);
    }
  });
  return out;
}

/**
 * What a liability clause says is owed, short: the kind of liability when it names one
 * (继续履行、采取补救措施或者赔偿损失等违约责任 → 违约责任), else up to the first list break.
 */
function liabilityObject(object: string): string {
  const kind = /([^责、，]{0,4}?责任)/u.exec(object.replace(/^.*[、等]/u, ''));
  if (kind?.[1] !== undefined) return kind[1];
  return object.split(/[、或等]/u)[0]?.slice(0, 12) ?? '';
}

/** A verb a how-to heading is made of that needs what it acts on (使用方法 → 如何使用？ asks nothing). */
const ZH_BARE_TASK = /^(?:使用|操作|安装|清洁|清洗|保养|清洁保养|设置|连接|组装|拆卸|维护|保存|存放)$/u;
/** A manual's heading of warnings: 安全注意事项, 使用须知, 安全提示. */
const ZH_WARNINGS = /(?:注意事项|安全须知|安全提示|警告|警示)$/u;
/** A manual's troubleshooting heading: 故障排除, 常见故障, 故障处理, 疑难解答. */
// (not 常见问题: a FAQ's heading)
const ZH_TROUBLESHOOTING = /^(?:常见)?故障(?:排除|处理|解决|排查|及处理|与处理|及解决|分析)?$|^疑难解答$/u;
/** A manual's specification heading: 规格参数, 技术参数, 产品参数. */
const ZH_SPECIFICATIONS = /^(?:产品|技术|主要|基本)?(?:规格|参数|规格参数|技术参数|技术规格|技术数据)$/u;
/** A heading that names a kind of provider (快递公司, 合作银行): which ones, not what such a thing is. */
const ZH_PROVIDERS = /(?:公司|银行|品牌|渠道|门店|网点)$/u;
/** Two topics joined (发票与赠品, 保修及维修): what the rules are, not what the pair "is". */
// (not 和: 中华人民共和国 has it)
const ZH_TWO_TOPICS = /^\p{Script=Han}{2,8}(?:与|及|、)\p{Script=Han}{2,8}$/u;

/**
 * Questions for a manual's headings that name no object or no concept (使用方法, 清洁保养, 安全注意事项,
 * 故障排除, 规格参数): about the product the manual is for, when its title names it. Undefined for
 * another heading.
 */
function zhManualHeading(topic: string, product: string | undefined): string[] | undefined {
  const p = product ?? '';
  if (ZH_HOWTO_SUFFIX.test(topic) && ZH_BARE_TASK.test(topic.replace(ZH_HOWTO_SUFFIX, ''))) {
    const verb = topic.replace(ZH_HOWTO_SUFFIX, '');
    return product !== undefined ? [`如何${verb}${product}？`, `${product}的${topic}是什么？`] : [`${topic}是什么？`];
  }
  // 清洁保养 / 清洁与保养 is a care task on the product, not 清洁 (a part) to 保养
  const care = topic.replace(/(?<=清洁|清洗)(?:与|和|及|、)(?=保养|维护)/u, '');
  if (ZH_BARE_TASK.test(care) && care.length > 2) return product !== undefined ? [`${product}怎么${care}？`, `如何${care}${product}？`] : [`如何${care}？`, `${topic}是什么？`];
  // 安全注意事项 of a manual: which ones its product has (a shop page's 注意事项 stays a topic)
  if (ZH_WARNINGS.test(topic) && product !== undefined) return [`使用${product}有哪些${topic}？`, `${topic}有哪些？`];
  if (ZH_TROUBLESHOOTING.test(topic)) return [`${p}出现故障怎么办？`, `${p}常见故障有哪些？`];
  if (ZH_SPECIFICATIONS.test(topic)) return [`${p}的${topic}是什么？`.replace(/^的/u, ''), `${p}有哪些${topic}？`];
  return undefined;
}

/** A heading that names a task object first (物流查询, 发票开具, 退款申请, 订单取消): 如何查询物流？ */
const ZH_OBJECT_TASK = /^(\p{Script=Han}{2,6}?)(查询|开具|申请|办理|取消|修改|变更|退订|绑定|解绑|注销)$/u;
/** A heading that names when something arrives (退款到账, 商品送达): how long until it does. */
const ZH_ARRIVAL = /^(\p{Script=Han}{2,6}?)(到账|到货|送达)$/u;
/** A service granted for a time (保修, 质保): its 期限 asks how long it lasts, not how long it takes. */
const ZH_GRANTED_SERVICE = /(?:保修|质保|保价|包换|包退)$/u;
/** A heading that names a kind of goods, orders, customers or places (普通商品, 大件商品, 偏远地区): a part of its parent's topic. */
const ZH_KIND = /^\p{Script=Han}{2,6}(?:商品|订单|会员|用户|客户|地区|产品)$/u;
/** A heading that names what someone gets (会员权益, 新人福利): which ones, not what it "is". */
const ZH_BENEFITS = /^(\p{Script=Han}{2,6}?)(权益|福利|特权|优惠)$/u;
/** A heading that names the cases a rule is about by what holds for them (不属于保修的情况, 不支持退货的商品): which ones. */
const ZH_WHICH_CASES = /^((?:不|非|无|可以|可|能|需要|需|支持|属于|适用)\p{Script=Han}{1,10})的(情况|情形|商品|订单|地区|原因)$/u;

/** A heading that names an aspect of the things under it: 洗护说明, 保养方法, 安装须知, 尺码标准. */
const ZH_ASPECT = /^(\p{Script=Han}{2,6}?)(说明|须知|方法|指南|建议|要求|标准|事项)$/u;
/** Care and handling one does to a thing: 羽绒服怎么洗护？ */
const ZH_CARE_VERB = /^(?:洗护|清洗|洗涤|水洗|干洗|护理|保养|清洁|收纳|存放|储存|保存|熨烫|晾晒|安装|使用|穿着|佩戴)$/u;

/** What a heading question may use besides the heading: the section's text and the topic of the heading above it. */
interface ZhHeadingContext {
  /** The section's text (a fee heading asks what the text says about the fee). */
  text?: string;
  /** The topic of the heading above (运费标准 over 普通商品), when it is not the document's title. */
  parent?: string;
}

/**
 * What the text says about a fee: who pays it (由买家承担) and an amount in a clause that names a fee
 * (不满99元收取运费8元; not 运费险…赔付，最高12元, an insurance's payout).
 */
export function zhFeeFacts(text: string): { whoPays: boolean; amount: boolean } {
  const clauses = text.split(/[，,。；;\n]/u);
  return {
    whoPays: ZH_WHO_PAYS.test(text) || /(?:承担|负担)/u.test(text),
    // (订单满99元免运费: the amount is what an order must reach, no fee's amount; it asked 元免运费是多少钱？)
    amount: clauses.some((c) => ZH_FEE.test(c) && ZH_AMOUNT.test(c) && !ZH_FREE_SHIPPING.test(c)),
  };
}

/** A heading that names no topic, only that something more follows: 其他, 其它事项, 补充说明, 备注. */
const ZH_GENERIC_HEADING = /^(?:其他|其它)(?:事项|说明|规定|条款|约定)?$|^(?:补充说明|补充条款|备注|附注)$/u;

/**
 * What a topic heading's section does (水果储存, 瑕疵品换货, 保修期后维修, 缺斤少两处理, 冷链包装): a way of
 * doing something, asked how (水果怎么储存？) — not what it "is" (水果储存是什么？, a question no customer asks).
 */
const ZH_TOPIC_PROCESS = /^(\p{Script=Han}{0,8}?)的?(储存|存储|保存|存放|冷藏|解冻|包装|退换货|退换|换货|退货|退款|维修|寄修|送修|保修|保固|质保|赔付|理赔|补发|配送|发货|处理)$/u;
/** A period a heading names (鉴赏期, 保修期, 保质期): how long it is. */
const ZH_TOPIC_PERIOD = /^\p{Script=Han}{1,6}期$/u;
/** Where something is sent or served (配送范围, 服务范围): which places. */
const ZH_PLACE_SCOPE = /^(配送|送货|发货|服务|覆盖|派送)范围$/u;
/** A period stated in the text (保修期为六个月, 7天内, 15日): a service granted for a time asks how long. */
const ZH_TEXT_PERIOD = /[0-9一二三四五六七八九十两半百]+\s*(?:个)?(?:天|日|个月|月|年|小时)/u;

/** `text` as a regular expression that matches it literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The text defines the topic (鉴赏期是指…, 所谓三包，即…): a definition, asked "what is". */
function zhTopicDefined(topic: string, text: string): boolean {
  const t = escapeRegExp(topic);
  return new RegExp(`所谓“?${t}|(?:^|[。；;\\n])\\s*(?:本规则所称|本政策所称|本店所称)?“?${t}”?(?:是指|指的是|系指|，?即|，?是指)`, 'u').test(text);
}

/**
 * The question a customer asks about a topic heading whose section defines nothing, by the kind of
 * topic and what the text says: a way of doing (水果储存 → 水果怎么储存？, 换货 → 怎么换货？), a time
 * (鉴赏期 → 鉴赏期是多久？; 电池保修 over 保修期为六个月 → 电池保修多久？), a place (配送范围 → 哪些地区可以配送？),
 * a scope (保修范围 → 哪些情况在保修范围内？), a requirement (拍照要求 → 拍照有什么要求？), a reminder (食用提醒 →
 * 食用要注意什么？), a preparation (安装前准备 → 安装前要准备什么？). Undefined when the text defines the topic
 * (鉴赏期是指… keeps 鉴赏期是什么？) or the heading is no such topic.
 */
function zhTopicQuestion(topic: string, text: string, parent?: string): string | undefined {
  if (zhTopicDefined(topic, text) || /(?:与|及|和|、|或)/u.test(topic)) return undefined;
  // 大家电送货入户, 退货上门取件: a service at the door, asked whether one gets it (大家电可以送货入户吗？)
  const door = /^(\p{Script=Han}{2,6}?)(送货入户|送货上门|上门取件|上门安装|上门维修|上门服务)$/u.exec(topic);
  if (door !== null) return `${door[1] ?? ''}可以${door[2] ?? ''}吗？`;
  // 坏果赔付标准 → 坏果怎么赔付？, 运费标准 → 运费怎么收？ (a standard of a way of doing or of a fee; 质量标准 stays)
  const standard = /^(\p{Script=Han}{2,8}?)标准$/u.exec(topic)?.[1];
  if (standard !== undefined && ZH_TOPIC_PROCESS.test(standard)) return zhTopicQuestion(standard, text);
  if (standard !== undefined && /^(?:运费|邮费|费用|快递费)$/u.test(standard)) return `${standard}怎么收？`;
  // 空调安装 / 安装步骤: the steps of the task the heading above names (空调怎么安装？, was 安装步骤是什么？)
  const step = /^(\p{Script=Han}{2})(?:步骤|流程|方法)$/u.exec(topic)?.[1];
  const task = step === undefined ? undefined : new RegExp(`^(\\p{Script=Han}{2,6}?)${step}$`, 'u').exec(parent ?? '')?.[1];
  if (step !== undefined && task !== undefined) return `${task}怎么${step}？`;
  const process = ZH_TOPIC_PROCESS.exec(topic);
  if (process !== null) {
    const [, what = '', verb = ''] = process;
    // 电池保修: how long when the text gives a period, else how (电池怎么保修？; 电池保修吗？ was tried: a service
    // centre's 手表电池保修多久 then found the battery section over the warranty-period table)
    if (/^(?:保修|保固|质保)$/u.test(verb)) return ZH_TEXT_PERIOD.test(text) ? `${what}${verb}多久？` : `${what}怎么${verb}？`;
    // 七天无理由退货: one names the service whole (七天无理由怎么退货？ splits it)
    if (/无理由$/u.test(what)) return `如何申请${topic}？`;
    // 冷链包装: 冷链 is how goods travel, not a thing packed (冷链商品怎么包装？, not 冷链怎么包装？)
    return `${what}${/(?:冷链|冷藏|冷冻|常温)$/u.test(what) ? '商品' : ''}怎么${verb}？`;
  }
  if (ZH_TOPIC_PERIOD.test(topic) && topic.length >= 3) return `${topic}是多久？`;
  const place = ZH_PLACE_SCOPE.exec(topic);
  if (place !== null) return `哪些地区可以${place[1] ?? ''}？`;
  if (topic === '适用范围') {
    // (…适用于在官方商城购买的手机、笔记本电脑…: what is bought there, a product)
    const which = /适用于[^。；]{0,80}?(商品|产品|订单|用户|会员|顾客|客户|情况|情形)/u.exec(text)?.[1] ?? (/适用于[^。；]{0,60}购买的/u.test(text) ? '产品' : undefined);
    return which === undefined ? '适用范围包括哪些？' : `适用于哪些${which}？`;
  }
  const scope = /^(\p{Script=Han}{2,6})范围$/u.exec(topic);
  if (scope !== null) return `哪些情况在${topic}内？`;
  const need = /^(\p{Script=Han}{2,6}?)要求$/u.exec(topic);
  // (开具发票的要求 → 开具发票有什么要求？, not 开具发票的有什么要求？)
  if (need !== null) return `${(need[1] ?? '').replace(/的$/u, '')}有什么要求？`;
  const heed = /^(\p{Script=Han}{2,6}?)(?:提醒|提示)$/u.exec(topic);
  if (heed !== null && !/温馨|重要|特别|风险/u.test(heed[1] ?? '')) return `${(heed[1] ?? '').replace(/的$/u, '')}要注意什么？`;
  const ready = /^(\p{Script=Han}{2,6}?)前(?:的)?准备(?:工作)?$/u.exec(topic);
  if (ready !== null) return `${ready[1] ?? ''}前要准备什么？`;
  if (topic === '注意事项') return '有哪些注意事项？';
  return undefined;
}

function zhHeading(heading: string, product?: string, context: ZhHeadingContext = {}): string[] {
  // 关于物流延迟 / 有关退货: what the heading is about, without the preposition
  const topic = heading.replace(/^(?:关于|有关)(?=\p{Script=Han}{2})/u, '');
  const q: string[] = [];
  if (headingIsQuestion(topic)) return [topic.replace(/[?？]*$/u, '？')];
  // 九、其他 / 补充说明 / 备注: nothing to ask about (其他是什么？); what the text says is asked instead
  if (ZH_GENERIC_HEADING.test(topic)) return [];
  // 不属于保修的情况 → 哪些情况不属于保修？ (was 不属于保修的情况是什么？)
  const cases = ZH_WHICH_CASES.exec(topic);
  if (cases !== null) return [`哪些${cases[2] ?? ''}${cases[1] ?? ''}？`, `${topic}有哪些？`];
  // 会员权益 → 会员有哪些权益？ (was 会员权益是什么？)
  // (not 赠品与优惠, two topics: it asked 赠品与有哪些优惠？)
  const benefits = ZH_BENEFITS.exec(topic);
  if (benefits !== null && !/(?:与|及|和|、|或)$/u.test(benefits[1] ?? '')) return [`${benefits[1] ?? ''}有哪些${benefits[2] ?? ''}？`, `${topic}有哪些？`];
  // 运费标准 / 普通商品 → 普通商品的运费标准是什么？ (was 普通商品是什么？: the kind asks about its parent's topic)
  const parent = context.parent;
  if (ZH_KIND.test(topic) && parent !== undefined && /^\p{Script=Han}{2,8}$/u.test(parent) && !parent.includes(topic)) return [`${topic}的${parent}是什么？`];
  // 退款金额不对, 发票抬头开错了, 物流信息不更新: a problem the customer has
  if (ZH_PROBLEM.test(topic)) return [`${topic}怎么办？`];
  // 修改收货地址, 取消订单: a task the customer wants done
  if (ZH_TASK.test(topic) && !ZH_TASK_NOUN.test(topic)) return [`如何${topic}？`, `可以${topic}吗？`];
  // 物流查询, 发票开具, 退款申请: the same task named object first (was 物流查询是什么？)
  const task = ZH_OBJECT_TASK.exec(topic);
  if (task !== null) return [`如何${task[2] ?? ''}${task[1] ?? ''}？`, `${topic}有什么规定？`];
  // 退款到账 → 退款多久到账？ (was 退款到账是什么？)
  const arrival = ZH_ARRIVAL.exec(topic);
  if (arrival !== null) return [`${arrival[1] ?? ''}多久${arrival[2] ?? ''}？`, `${topic}需要多长时间？`];
  // 签收注意事项 → 签收有哪些注意事项？ (a manual's 安全注意事项 is asked about its product below)
  const mind = /^(\p{Script=Han}{2,6}?)(注意事项|须知)$/u.exec(topic);
  if (mind !== null && product === undefined) return [`${mind[1] ?? ''}有哪些${mind[2] ?? ''}？`, `${topic}是什么？`];
  // 使用前请先做皮肤测试: an instruction asks whether one must and how (was 使用前请先做皮肤测试是什么？)
  const told = /^(\p{Script=Han}{0,6}?)(?<![申邀提聘宴呈报奏恳吁延])请(?:先|务必|一定)?(\p{Script=Han}{2,10})$/u.exec(topic);
  if (told !== null) return [`${told[1] ?? ''}需要${told[2] ?? ''}吗？`, `如何${told[2] ?? ''}？`];
  // 入驻商家资质要求企业信息与商品信息均需提前向监管部门进行备案: a rule as a heading, no topic to ask "what is" about
  if (topic.length > 16 && /需|应当|必须|不得|可以/u.test(topic)) return q;
  const manual = zhManualHeading(topic, product);
  if (manual !== undefined && !/是什么？$/u.test(manual[0] ?? '')) return manual;
  // 水果储存 → 水果怎么储存？, 鉴赏期 → 鉴赏期是多久？, 拍照要求 → 拍照有什么要求？ (were …是什么？; a defined topic keeps it)
  const kind = zhTopicQuestion(topic, context.text ?? '', parent);
  if (kind !== undefined) return [kind, `${topic}是什么？`];
  if (manual !== undefined) return manual;
  // 退款方式与时间: two topics, so no 退款方式与需要多长时间？ (the base would end in 与)
  const base = (re: RegExp): string => topic.replace(re, '');
  // (保质期与开封后使用期限: no 保质期与开封后使用需要多长时间？ either)
  const single = (re: RegExp): boolean => base(re).length >= 2 && !/(?:与|及|、|或)/u.test(base(re)) && !/和$/u.test(base(re));
  const care = ZH_CARE_TASK.exec(topic);
  if (ZH_HOWTO_SUFFIX.test(topic) && single(ZH_HOWTO_SUFFIX)) q.push(`如何${base(ZH_HOWTO_SUFFIX)}？`, `${topic}是什么？`);
  // 保修期限 → 保修期是多久？ (was 保修需要多长时间？: a service lasts, it takes no time); 退货期限 → 多长时间内可以退货？
  else if (ZH_TIME_SUFFIX.test(topic) && single(ZH_TIME_SUFFIX) && /(?:期限|时限)$/u.test(topic) && ZH_GRANTED_SERVICE.test(base(ZH_TIME_SUFFIX))) q.push(`${base(ZH_TIME_SUFFIX)}期是多久？`, `${topic}是多久？`);
  else if (ZH_TIME_SUFFIX.test(topic) && single(ZH_TIME_SUFFIX)) q.push(`${base(ZH_TIME_SUFFIX)}需要多长时间？`, `${topic}是多久？`);
  else if (ZH_FEE_SUFFIX.test(topic)) {
    // 配送范围及运费: the fee is its last topic (运费是多少？, not 配送范围及运费是多少？), the rest is asked as a topic
    const fee = topic.split(/与|及|和|、|或/u).pop() ?? topic;
    // what the text says: who pays (退货运费 over 由买家承担 → 退货运费由谁承担？, was 退货运费是多少？), an amount, or both
    const facts = zhFeeFacts(context.text ?? '');
    if (fee === topic && facts.whoPays !== facts.amount) q.push(facts.whoPays ? `${topic}由谁承担？` : `${topic}是多少钱？`);
    else if (fee === topic && facts.whoPays) q.push(`${topic}由谁承担？`, `${topic}是多少钱？`);
    else if (fee === topic) q.push(`${topic}是多少？`, `${topic}由谁承担？`);
    else q.push(`${topic}是什么？`, `${fee}是多少？`);
  }
  // 运费承担 / 退货运费的承担: who bears the fee
  else if (ZH_FEE_BORNE.test(topic) && ZH_FEE_SUFFIX.test(base(ZH_FEE_BORNE))) q.push(`${base(ZH_FEE_BORNE)}由谁承担？`, `${topic}有什么规定？`);
  else if (ZH_POLICY_SUFFIX.test(topic) && base(ZH_POLICY_SUFFIX).length >= 2) q.push(`${topic}是什么？`, `${base(ZH_POLICY_SUFFIX)}有什么规定？`);
  else if (care !== null && !/(?:与|及|和|、|或)$/u.test(care[1] ?? '')) q.push(`${care[1] ?? ''}怎么${care[2] ?? ''}？`, `${topic}是什么？`);
  else if (ZH_FUNCTION.test(topic)) q.push(`${topic}怎么用？`, `${topic}是什么？`);
  // 快递公司 → 用哪家快递公司？ (was 快递公司是什么？)
  else if (ZH_PROVIDERS.test(topic)) q.push(`${topic}有哪些？`, `用哪家${topic}？`);
  // 发票与赠品 → 发票与赠品有什么规定？ (was 发票与赠品是什么？)
  else if (ZH_TWO_TOPICS.test(topic)) q.push(`${topic}有什么规定？`, `${topic}怎么处理？`);
  else {
    // 洗护说明 / 羽绒服 → 羽绒服怎么洗护？ / 羽绒服的洗护说明是什么？ (was 羽绒服是什么？: a thing under the aspect its parent names)
    const aspect = parent === undefined ? null : ZH_ASPECT.exec(parent);
    const task = aspect?.[1] ?? '';
    if (aspect === null || !/^\p{Script=Han}{2,6}$/u.test(topic) || parent?.includes(topic) === true || ZH_NOTICE.test(topic)) q.push(`${topic}是什么？`, `${topic}有什么规定？`);
    else if (ZH_CARE_VERB.test(task)) q.push(`${topic}怎么${task}？`, `${topic}的${parent ?? ''}是什么？`);
    else q.push(`${topic}的${parent ?? ''}是什么？`, `${topic}有什么规定？`);
  }
  return q;
}

/**
 * The role noun a clause opens with (销售者销售产品 → 销售者): the shortest, extended while a longer
 * role follows closely (消费者协会, 电子商务平台经营者) but not across a verb (管理人管理他人 → 管理人).
 */
function zhRole(clause: string): string | undefined {
  let role: string | undefined;
  for (let n = 2; n <= Math.min(12, clause.length); n++) {
    const head = clause.slice(0, n).replace(ZH_LEADING, '');
    if (head.length < 2 || !ZH_ROLE.test(head) || ZH_NOT_ROLE.test(head) || ZH_NOT_ROLE.test(clause.slice(0, n + 1))) continue;
    if (role === undefined || head.length - role.length <= 3) role = head;
    else break;
  }
  return role;
}

/**
 * Whether what follows 可以 is something one may do: not a relative clause (可以获得的利益), nor
 * only how (可以根据本协议的约定) or about what (可以就产品质量问题); 可以根据…的协议申请仲裁 is.
 */
function isPermittedAction(object: string): boolean {
  // 可以处五万元以下的罚款 / 责令停业: what an authority may impose, not something the clause's subject may do
  if (/^(?:处(?![分理置])|并处|责令|吊销|没收|处以)/u.test(object)) return false;
  return !/^的/u.test(object) && !/^(?:根据|按照|依照|依据)[^，。；]*(?:约定|规定|协议|要求|需要|请求|的)$/u.test(object) && !/^(?:就|对于|关于)[^，。；]*(?:问题|事项|事宜|情况|争议|纠纷)$/u.test(object);
}

/**
 * `duties` collects what a duty clause says (经营者需要听取消费者的意见吗？); generateQuestions uses
 * them only for a section whose questions are otherwise generic (经营者有哪些义务？).
 */
function zhContent(input: SectionInput, topic: string | undefined, out: GeneratedQuestion[], duties?: GeneratedQuestion[]): void {
  const add: Add = (question, rule) => {
    out.push({ question, rule });
  };
  const subjects = { duty: new Set<string>(), right: new Set<string>() };
  for (const raw of sentences(input.text)) {
    if (raw.length > 400) continue;
    // 温馨提示：在退换货过程中… — the label is no part of the sentence
    const said = clean(raw).replace(ZH_CONNECTIVE, '');
    const s = said.replace(/^[\p{Script=Han}]{2,6}[：:](?=\S)/u, '');
    if (looksLikeQuestion(raw) && raw.length <= 60) add(raw.replace(/[?？]*$/u, '？'), 'question-line');
    const def = ZH_DEFINITION.exec(s);
    if (def?.[1] !== undefined) {
      const term = def[1].replace(/^(?:本(?:法|规则|办法|条例|规定)所称的?|所称的?)/u, '');
      if (term.length >= 2) add(`什么是${term}？`, 'definition');
    }
    // 租赁合同的内容一般包括…, 保修范围包括：… → what it includes
    const contents = ZH_CONTENTS.exec(said);
    // (not 具体包括, 消费者需提供包括, 评价中包括: no thing named before it)
    // (nor 商品价格不包括, 运费已包含, 赠品也包括, 订单可能包括: the word before 包括 says how, not what)
    if (contents?.[1] !== undefined && !ZH_LEADING.test(contents[1]) && !/^(?:具体|其中|主要|一般|通常|上述|前款|本条|以下|以上|下列)/u.test(contents[1]) && !/(?:需|须|提供|处理|中|时|后|前|不|已|也|均|都|还|可能|将|会|并|只|仅)$/u.test(contents[1])) add(`${contents[1]}包括哪些？`, 'contents');
    const cond = ZH_CONDITION.exec(s);
    if (cond?.[1] !== undefined && cond[2] !== undefined && !/[。]/u.test(cond[1])) {
      const c = shorten(cond[1].replace(ZH_LEADING, ''), 28);
      const main = cond[2];
      // "…享有的，" / "…规定的，" nominalize (what it has, what is provided): not a situation to ask about
      // "有下列情形之一的，" names no situation: its list does (list-item)
      // "…的，是指…" defines a term under a condition (产品有国家标准的，是指不符合该标准): nothing to do about it
      if (c.length >= 4 && (!ZH_NEEDS_OBJECT.test(c) || ZH_BREACH.test(c)) && !/下列|以下|如下/u.test(c) && !/^(?:是指|系指|指的是)/u.test(main)) {
        // …未使用、吊牌完整的，支持七天无理由退货: a condition that grants something asks whether one may, not what to do
        const granted = ZH_GRANTED.exec(main)?.[1];
        // 退回银行卡的，一般3-7个工作日到账: a case with no trouble whose clause is a time asks how long (was 退回银行卡怎么办？)
        const timed = ZH_TROUBLE.test(c) ? null : ZH_TIMED_CLAUSE.exec(main);
        if (granted !== undefined && !ZH_TROUBLE.test(c) && isPermittedAction(granted)) add(`${c}，可以${granted}吗？`, 'permission');
        else if (timed?.[1] !== undefined) add(`${c}多久${timed[1]}？`, 'time-limit');
        else add(`${c}怎么办？`, 'condition');
        // 负责人 is a person (直接负责的主管人员和其他直接责任人员), not someone answering for something
        const liable = /^(.{0,12}?)(?:应当|应|须|必须|依法)?(?<!的)(承担|负责(?!人)|赔偿|支付|退还|返还)(?![额金])([^，。；]{0,24})/u.exec(main);
        const owed = liable === null ? '' : liabilityObject(liable[3] ?? '');
        if (liable !== null && owed.length > 0) add(`${c}，谁${liable[2]}${owed}？`, 'liability');
        // the whole permission or none: cut at 20 characters it reads …做出冻结或关吗？
        const may = /(?:可以|有权)([^，。；]{2,20})(?=[，。；]|$)/u.exec(main);
        // 可以获得的利益 is a thing (a relative clause), not something one may do
        if (may?.[1] !== undefined && !/的[^的]{1,4}$/u.test(may[1]) && isPermittedAction(may[1])) add(`${c}，可以${may[1]}吗？`, 'permission');
      }
    }
    if (!zhIntervals(s, topic, add)) zhTimeLimits(s, topic, add);
    zhFees(s, topic, add);
    const clauses = s.split(/[，,]/u);
    zhDutiesAndRights(s, clauses, subjects, add, duties);
    zhStatements(s, clauses, def === null, add);
  }
  for (const q of zhListQuestions(input.text)) add(q, 'list-item');
  const steps = (input.steps?.length ?? 0) >= 2 || ZH_PROCEDURE_HINT.test(input.text);
  // line by line: a line's end ends an action's object (ZH_OBJECT_END)
  const action = zhAction(input.text.split('\n').map(clean).filter((l) => l !== '').join('\n'));
  if (steps || action !== undefined) {
    if (action !== undefined) add(`如何${action}？`, 'procedure');
    // 退款说明 / 隐私条款 / 退换货时限 are no things one operates; 退换货流程 got 如何退换货？ from its heading
    // (出现过敏怎么办 asks already: it got 出现过敏怎么办怎么操作？)
    if (steps && topic !== undefined && !ZH_NOT_OPERATED.test(topic) && !headingIsQuestion(topic) && !ZH_TWO_TOPICS.test(topic)) add(`${topic}怎么操作？`, 'procedure');
  }
}

type Add = (question: string, rule: GenerationRule) => void;

/** How often something is done: 建议每2个月清洁一次, 每周检查一次, 每3个月运行一次强力洗程序. */
const ZH_INTERVAL = /每(?:隔)?\s*(?:\d+(?:\.\d+)?|[一二三四五六七八九十两半]+)?\s*(?:个)?(?:小时|天|日|周|星期|个月|月|季度|年)(?:左右)?([^，。；]{0,12}?)(清洁|清洗|清理|更换|换|检查|保养|除垢|维护|擦拭|运行|使用)一次([^，。；]{0,12})/u;
/** How long a part lasts: 滤网的使用寿命约为6至12个月. */
const ZH_LIFETIME = /([\p{Script=Han}A-Za-z0-9]{2,12}?)的?(?:使用寿命|寿命|更换周期)(?:一般|通常)?(?:约|大约)?(?:为|是)?(?:\d|[一二三四五六七八九十两半])/u;
/** A maintenance heading's own words: 过滤网的清洁 → 过滤网, 滤网更换 → 滤网. */
const ZH_CARE_SUFFIX = /的?(?:清洁|清洗|清理|更换|保养|维护|检查)(?:与保养|和保养)?$/u;

/**
 * Maintenance intervals of a product manual: 灰尘传感器建议每2个月清洁一次 → 灰尘传感器多久清洁一次？;
 * 滤网的使用寿命约为6至12个月 → 滤网多久换一次？ (what is cleaned is the sentence's subject, else the
 * heading's: 喷臂的清洁). True when the sentence said one (its time is then no time limit to ask about).
 */
function zhIntervals(s: string, topic: string | undefined, add: Add): boolean {
  const life = ZH_LIFETIME.exec(s);
  if (life?.[1] !== undefined) {
    const part = life[1].replace(ZH_LEADING, '');
    add(`${part}多久换一次？`, 'time-limit');
    add(`${part}能用多久？`, 'time-limit');
    return true;
  }
  const every = ZH_INTERVAL.exec(s);
  if (every === null) return false;
  const before = s.slice(0, every.index).split(/[，,；;。]/u).pop() ?? '';
  // 滤网最外层的初效层建议每2周…: the subject is the last noun before 建议/应/请
  const subject = before.replace(/(?:建议|应当|应该|应|请|需要|需|最好|至少|可以|可)+$/u, '').split('的').pop()?.replace(ZH_LEADING, '') ?? '';
  const object = (every[3] ?? '').replace(/^[，,]/u, '');
  const thing = subject.length >= 2 ? subject : object.length >= 2 ? '' : (topic?.replace(ZH_CARE_SUFFIX, '') ?? '');
  const verb = every[2] ?? '清洁';
  if (thing.length >= 2) add(`${thing}多久${verb}一次${object}？`, 'time-limit');
  else if (object.length >= 2) add(`多久${verb}一次${object}？`, 'time-limit');
  else return false;
  return true;
}

/** A sentence about what the customer does: 买家…, 顾客…, 您… */
const ZH_CUSTOMER = /^(?:买家|顾客|消费者|客户|用户|会员|您|你)/u;

/**
 * What a time is for, up to `max` characters: whole, or cut after a whole part (提供过敏部位照片 of
 * 提供过敏部位照片及二级以上医院出具的诊断证明, which `shorten` cut to …医院出); undefined when no part fits
 * and the cap would cut inside a word (累计实付满1000元升级为银卡会).
 */
function wholeTask(text: string, max: number): string | undefined {
  const t = text.trim().replace(/[，,、：:；;。\s]+$/u, '');
  if (t.length <= max) return t;
  // (not at 或 / 、, which join the nouns of one phrase: 向京东提供司法机关或公安机关的案… → 向京东提供司法机关)
  const part = /^(.{2,}?)(?:以及|及|和|并|，|,)/u.exec(t)?.[1];
  return part !== undefined && part.length <= max && !/[或、]/u.test(part) ? part : undefined;
}

/** Time limits: 七日内退款 → 退款需要多长时间？; 保修期为一年 → 保修期是多久？; deadlines and what one is granted for a time. */
function zhTimeLimits(s: string, topic: string | undefined, add: Add): void {
  // a date (2026年1月1日) is a point in time, no duration to ask about
  const undated = s.replace(ZH_DATE, '');
  if (ZH_TIME.test(undated)) {
    const period = ZH_PERIOD.exec(undated);
    if (period?.[1] !== undefined) add(`${period[1].replace(ZH_LEADING, '')}${period[2]}是多久？`, 'time-limit');
    else {
      const parts = undated.split(/[，,；;]/u);
      const at = Math.max(0, parts.findIndex((c) => ZH_TIME.test(c)));
      const clause = parts[at] ?? undated;
      const found = ZH_TIME.exec(clause);
      const rest = clause.slice((found?.index ?? 0) + (found?.[0].length ?? 0));
      // 维修超过7天的，…: a time that makes a case (…的) is the case's, no time to ask about (维修备用机需要多长时间？)
      if (/^的/u.test(rest)) return;
      // 近12个月累计实付满1000元, 清零前30天系统将短信提醒: a window looked back on or a time before something is no
      // time a task takes (累计实付满1000元升级为银卡会需要多长时间？, 系统将短信提醒需要多长时间？)
      // (提前六十日书面通知 is a deadline, asked as before)
      if (found !== null && /(?:近|最近|过去|(?<!提)前)$/u.test(clause.slice(0, found.index))) return;
      // 常温放置1-3天即可催熟: 即可 says enough, what takes the time is 催熟 (was 即可催熟需要多长时间？)
      let after = rest.replace(/^[内后起的]+/u, '').replace(/^(?:即可|便可|就可以|就能|即能)(?=\p{Script=Han}{2})/u, '');
      // 七日内，可以申请退货: what the time is for is in the next clause
      if (after.length < 2 && parts[at + 1] !== undefined && /^(?:可以|可|能|应当|应|须|必须)/u.test(parts[at + 1] ?? '')) after = parts[at + 1] ?? '';
      const allowed = /^(?:可以|可|能)/u.test(after);
      // 15日内出现性能故障: what happens to the goods, or does not, in a time is no task that takes it (出现性能故障需要多长时间？)
      if (/^(?:出现|发生|产生|遇到|发现|不|未|没|无法)/u.test(after)) return;
      // 以出厂日期后延90天计算: a time counted from is how a date is reckoned, no task (计算需要多长时间？)
      if (/^(?:计算|起算|算起|为准)/u.test(after)) return;
      // 系统将短信提醒: what someone will do then is no task; 在其经营场所…: a place, no task
      if (/^在/u.test(after) || /^\p{Script=Han}{1,6}?(?:将|会)(?!员)/u.test(after)) return;
      const what = after.length >= 2 ? wholeTask(after.replace(/^(?:可以|可|能|应当|应|须|必须)/u, ''), 16) : topic !== undefined && !/(?<![申邀提聘宴呈报奏恳吁延])请/u.test(topic) && !ZH_NOTICE.test(topic) && !ZH_POLICY_SUFFIX.test(topic) && !headingIsQuestion(topic) && !ZH_PROBLEM.test(topic) ? topic : undefined;
      // 应当在三十日内提出: a bare verb says little; what is asked for comes before (如需更换抬头)
      // (维修需要3个工作日: what is needed is the time itself, asked 3个工作日有时间限制吗？)
      // (before the time or in its clause: 3-4天送达，海鲜冷冻类可能需要加收冷链运费 asked 加收冷链运费有时间限制吗？)
      const asked = what !== undefined && what.length <= 2 ? /(?:如需|如要|若需|需要)([^，。；]{2,12})/u.exec(parts.slice(0, at + 1).join('，'))?.[1] : undefined;
      const needs = asked !== undefined && !ZH_TIME.test(asked) ? asked : undefined;
      // 七天无理由退货 names a policy, not a time limit
      if (needs !== undefined) add(`${needs}有时间限制吗？`, 'time-limit');
      // 享受一年免费保修: the time is how long one has it, not how long it takes
      // 在商品完好前提下可享受7日无理由 (another time in it), 质量的退换货政策 (a policy): nothing timed
      // …同款降价的，可申请补差价: a condition (…的) is no task that takes time (同款降价的需要多长时间？)
      else if (what !== undefined && what.length >= 2 && !/^无理由/u.test(after) && !ZH_TIME.test(what) && !ZH_POLICY_SUFFIX.test(what) && !/前提|情况下/u.test(what) && !/的$/u.test(what)) {
        const granted = found !== null && /(?:享受|享有|提供)$/u.test(clause.slice(0, found.index));
        // 请在48小时内联系客服: a time the customer is asked to keep, not how long something takes (was 联系客服需要多长时间？)
        // (not 商家应当在3个工作日内办理退款: the shop's duty is how long the customer waits)
        // (买家…，并在签收后30日内提供照片: the customer's own deadline too, was 提供过敏部位照片及二级以上医院出需要多长时间？)
        const deadline = found !== null && (/请在?$/u.test(clause.slice(0, found.index)) || (ZH_CUSTOMER.test(s) && /在[^，。；]{0,8}$/u.test(clause.slice(0, found.index))));
        // 将商品寄回 → 寄回商品: the object put before the verb goes after it (was 将商品寄回需要多长时间？)
        const done = what.replace(/^[将把](\p{Script=Han}{1,8}?)(寄回|寄出|退回|寄还|送回|退还|提交|上传)$/u, '$2$1');
        // 请至少提前24小时联系客服修改: notice given ahead, not how long the task takes (was 联系在线客服修改需要多长时间？)
        const ahead = found !== null && /提前$/u.test(clause.slice(0, found.index));
        add(ahead ? `需要提前多久${done}？` : granted ? `${done}多久？` : allowed ? `多长时间内可以${done}？` : deadline ? `多长时间内要${done}？` : `${done}需要多长时间？`, 'time-limit');
      }
    }
  }
}

/** Conjunctions that open a clause (并且运费由买家承担), whole words, longest first. */
const ZH_CONJUNCTION = /^(?:并且|而且|以及|并|而|且|及)/u;

/** Verbs that pay or take a fee, no name of it: 购买运费险, 支付运费, 另计运费. */
const ZH_PAYING_VERB = /^(?:购买|支付|承担|缴纳|收取|扣除|退还|返还|产生|包含|需要|另计|额外|补交|垫付)$/u;

/** Fees and who pays (退货运费由谁承担？, 运费是多少钱？), and who answers for what (X对Y承担赔偿责任). */
function zhFees(s: string, topic: string | undefined, add: Add): void {
  if (ZH_FREE_SHIPPING.test(s)) add('满多少钱包邮？', 'fee');
  const fee = ZH_FEE.exec(s);
  if (fee !== null) {
    // the fee word with what names it just before (退货运费), never across 的/由/为, nor a conjunction
    // (并补差价 → 补差价) or a verb that pays it (购买运费险, 支付运费 → 运费)
    // a conjunction goes as a whole word (并且运费 → 运费, was 且运费; 并补差价 → 补差价); 且 / 而 end no
    // fee's name (合并运费 keeps its 并)
    const two = /[\p{Script=Han}]{2}$/u.exec(s.slice(Math.max(0, fee.index - 2), fee.index))?.[0]?.replace(ZH_CONJUNCTION, '');
    // 99元免运费: no name across a number's unit (元免运费), nor a fee waived (免运费, 包运费)
    const numbered = /[\d０-９]$/u.test(s.slice(Math.max(0, fee.index - 3), Math.max(0, fee.index - 2)));
    const waived = /[免包]$/u.test(s.slice(0, fee.index));
    const before = two === undefined || two.length === 0 || /[且而]$/u.test(two) || numbered || waived || ZH_CREW_FEE.test(fee[0]) ? undefined : two;
    const named = before !== undefined && !/[的由为和及或与]/u.test(before) && !ZH_PAYING_VERB.test(before);
    const f = named ? before + fee[0] : fee[0];
    // (请拒绝支付: refusing to pay names no one who pays; it asked 安装步骤的费用由谁承担？)
    if (ZH_WHO_PAYS.test(s) || /承担|负担|(?<!拒绝|拒不|无需|无须|不用|不必|不需|不)支付/u.test(s)) {
      // the topic names the fee itself (运费承担 → 运费由谁承担？, not 运费承担的运费由谁承担？), or another
      // fee (退货运费 → 退回运费由谁承担？, not 退货运费的退回运费由谁承担？)
      // (nor a heading that asks: 如何申请保修 → 如何申请保修的往返运费由谁承担？)
      const named = topic !== undefined && !f.includes(topic) && !topic.includes(f) && topic.length <= 8 && !ZH_FEE.test(topic) && !headingIsQuestion(topic);
      add(`${named ? `${topic}的` : ''}${f}由谁承担？`, 'who-pays');
    }
    // an amount in a clause that names a fee (不满99元收取运费8元), not an insurance's payout beside it (运费险…最高12元)
    if (zhFeeFacts(s).amount) add(`${f}是多少钱？`, 'fee');
  }
  const answers = ZH_ANSWERS_FOR.exec(s);
  if (answers?.[1] !== undefined && answers[2] !== undefined) {
    const who = answers[1].replace(ZH_LEADING, '');
    const what = answers[2].replace(/^(?:其|自己)/u, '');
    if (who.length >= 2) {
      add(`${what}，${who}要承担${answers[3] ?? '责任'}吗？`, 'liability');
      if (/赔偿/u.test(answers[3] ?? '')) add(`${what}，可以要求${who}赔偿吗？`, 'liability');
    }
  }
}

/**
 * Who must / may do what, clause by clause: a later clause without its own subject (…，不得掺假)
 * is about the first clause's subject when that names someone (销售者销售产品，不得掺杂、掺假).
 */
function zhDutiesAndRights(s: string, clauses: readonly string[], subjects: { duty: Set<string>; right: Set<string> }, add: Add, duties: GeneratedQuestion[] | undefined): void {
  const roleOfFirst = zhRole(clauses[0] ?? '');
  clauses.forEach((clause, at) => {
    if (at > 0 && !/(?:应当|应|必须|须|不得|禁止|有权|享有|可以|可(?!能|见|靠|是|否|惜))/u.test(clause)) return;
    // a later clause names its subject only when it opens with a role (…，当事人不得…)
    const lead = at > 0 && /^(?:应当|应|必须|须|不得|禁止|有权|享有|可以|并且|并|也|还|对|向)/u.test(clause) ? roleOfFirst : undefined;
    const c = at === 0 ? s : clause;
    const named = (who: string | undefined): string | undefined => {
      if (at > 0 && /^(?:对|向)/u.test(clause)) return lead;
      // 本店所售商品均可…: 均 / 都 is how many, not who
      const w = who?.replace(ZH_LEADING, '').replace(/(?:均|都|也|亦|皆|还|则)$/u, '');
      if (w === undefined || w.length < 2) return lead;
      // 一般在两周内可以…: a time, not who
      if (/^(?:一般|通常|原则上)/u.test(w) || ZH_TIME.test(w)) return undefined;
      // 知道或者应当知道: the subject ends before 或者, there is none here
      if (/(?:或者|或|和|及|并)$/u.test(w)) return undefined;
      // a modal inside is a clause, not who: 损失赔偿额应当相当于买家 (可以获得的利益)
      if (/应当|应(?![收付尽有得])|必须|可以|不得|禁止/u.test(w)) return undefined;
      return at === 0 || (ZH_ROLE.test(w) && !ZH_NOT_ROLE.test(w)) ? w : undefined;
    };
    const duty = ZH_SUBJECT_DUTY.exec(c) ?? (lead !== undefined ? /^()(?:应当|应|必须|须|不得|禁止)/u.exec(clause) : null);
    const dutyWho = duty === null ? undefined : named(duty[1]);
    if (dutyWho !== undefined) {
      // what the duty is, before the generic "有哪些义务": five articles of one law all say 经营者应当…
      // (a duty too long to ask about whole, with no list break to cut it at, is not asked: 典型案例和吗？)
      const must = /(?:应当|(?<![对相响反供适答回感效照呼顺])应(?![收付尽有得])|必须|须)(?!当事人)([^，。；：]{4,40})/u.exec(c)?.[1];
      const short = must === undefined ? '' : shorten(must, 22);
      // cut inside a 将 / 把 phrase it has no verb (…合理期限内将旅客、货物安全运输到约定地点 → …将旅客吗？):
      // asked whole when that is not much longer, else not asked
      const cutMidPhrase = short !== must && /[将把][^将把]{1,10}$/u.test(short);
      const what = cutMidPhrase ? (must !== undefined && must.length <= 32 ? must : '') : short;
      if (what.length >= 4 && (what === must || what.length < 22) && !/下列|以下|如下/u.test(what) && !/(?:[时后前]|需求|需要|要求|请求)$/u.test(what)) duties?.push({ question: `${dutyWho}需要${what}吗？`, rule: 'duty' });
      // only people and parties have duties and rights (本店所售商品有哪些权利？ asks nothing)
      if (!subjects.duty.has(dutyWho) && isParty(dutyWho)) {
        subjects.duty.add(dutyWho);
        add(`${dutyWho}有哪些义务？`, 'duty');
      }
      // the whole prohibition or none: cut at 20 characters it reads 可以以收取费用或者其他牟取利益的方式向消费者吗？
      const not = /(?:不得|禁止)([^，。；]{2,20})(?=[，。；]|$)/u.exec(c);
      // 进口网…禁止用户发言: whom something is forbidden to is no one who may do it
      if (not?.[1] !== undefined && !not[1].startsWith(dutyWho)) add(`${dutyWho}可以${not[1]}吗？`, 'permission');
    }
    const right = ZH_SUBJECT_RIGHT.exec(c) ?? (lead !== undefined ? /^()(有权|享有|可以)(.{2,24}?)(?:[，。；]|$)/u.exec(clause) : null);
    const rightWho = right === null ? undefined : named(right[1]);
    if (right !== null && rightWho !== undefined) {
      // 本店可为金卡会员提供备用机: what one may do for someone is a service it offers, no right (本店有哪些权利？)
      const serves = /^(?:可以|可)$/u.test(right[2] ?? '') && /^(?:为|给|帮|替)/u.test(right[3] ?? '');
      if (!serves && !subjects.right.has(rightWho) && isParty(rightWho)) {
        subjects.right.add(rightWho);
        add(`${rightWho}有哪些权利？`, 'right');
      }
      // 享有X的权利 names what one has, not something one may do
      if (right[3] !== undefined && right[2] !== '享有' && !/^(?:对|向)/u.test(clause) && isPermittedAction(right[3])) add(`${rightWho}可以${right[3]}吗？`, 'permission');
    } else if (at === 1 && lead === undefined && /^可以/u.test(clause) && (clauses[0] ?? '').length >= 4 && !/的$/u.test(clauses[0] ?? '') && isPermittedAction(clause.slice(2))) {
      // 双方协商一致，可以变更合同。: the first clause is the situation
      add(`${clauses[0]}，${shorten(clause, 20)}吗？`, 'permission');
    }
  });
}

/**
 * What a statement says about a thing: what is not offered or covered, what it is (X是…的合同), who
 * bears a risk, when it takes effect, whom it applies to, who is in charge, what is void.
 */
function zhStatements(s: string, clauses: readonly string[], noDefinition: boolean, add: Add): void {
  // what is not offered: 维修期间，本店不提供备用机 → 维修期间本店提供备用机吗？ (本店不支持货到付款 → 本店支持货到付款吗？)
  clauses.forEach((clause, at) => {
    const no = ZH_NOT_OFFERED.exec(clause);
    if (no === null) return;
    // the clause before is the situation (维修期间), not a reason (由于是境外商品)
    const before = clauses[at - 1] ?? '';
    const context = at > 0 && before.length <= 8 && !/的$/u.test(before) && !/^(?:由于|因为|因|如果|若)/u.test(before) ? before : '';
    // 您签收后的商品将不接受退货: the customer and the adverbs (将, 暂, 概, 均) are no part of what is offered
    // (恕: 拆封后恕不接受退货 — a courtesy, as 恕我们概不负责 is)
    const stated = (no[1] ?? '').replace(ZH_LEADING, '').replace(/^(?:恕|您|你)/u, '').replace(/(?:将|暂|概|均|一律|都|也|亦|并|则|还|恕)+$/u, '');
    // 个人店铺可不提供品牌授权: whether one has to, not whether one does
    const exempt = /(?:可以|可)$/u.test(stated);
    const who = stated.replace(/(?:可以|可)$/u, '');
    // (不提供上门安装的，…: a clause ending in 的 asked 提供上门安装的吗？)
    const what = (no[3] ?? '').replace(/(?<=\p{Script=Han}{2})的$/u, '');
    // 由于是境外商品，商户不提供发票 / 恕我们概不负责: a reason or a disclaimer, not a service
    if (/^(?:是|由于|因为)/u.test(who) || (no[2] === '负责' && what.length < 2)) return;
    // 下列商品拆封后恕不接受退货：… → 哪些商品拆封后不能退货？ (the list says which)
    const listed = /^(?:下列|以下|如下)/u.exec(who);
    const returns = no[2] === '接受' && /^(?:退货|退换货|换货|退款|退换)$/u.test(what);
    if (listed !== null && who.length > listed[0].length) add(`${context}哪些${who.slice(listed[0].length)}${returns ? '不能' : `不${no[2]}`}${what}？`, 'permission');
    // 签收后的商品不接受退货 → 签收后的商品可以退货吗？ (what a customer asks)
    else if (returns) add(`${context}${who}可以${what}吗？`, 'permission');
    else if (who.length + what.length >= 3) add(`${context}${who}${exempt ? '需要' : ''}${no[2]}${what}吗？`, 'permission');
  });
  // X不属于Y范围: is X covered? (因人为损坏…造成的故障，不属于免费保修范围 → …造成的故障属于免费保修范围吗？)
  // not when 不属于Y范围 describes what follows (保修期外或不属于保修范围的维修，按以下价格收费: the subject is the
  // 维修, and 保修期外或属于保修范围吗？ would say the opposite of the text); 下列情况不属于…: which ones
  const scope = ZH_IN_SCOPE.exec(s);
  if (scope?.[1] !== undefined && scope[2] !== undefined && !s.startsWith('的', scope[0].length) && !ZH_OPEN_CONJUNCTION.test(scope[1])) {
    const subject = scope[1].replace(ZH_LEADING, '');
    const listed = /^(?:下列|以下|如下|下述)(\p{Script=Han}{1,6})$/u.exec(subject);
    const negated = scope[0].slice(0, scope[0].lastIndexOf('属于')).endsWith('不');
    if (listed?.[1] !== undefined) add(`哪些${listed[1]}${negated ? '不' : ''}属于${scope[2]}${scope[3]}？`, 'condition');
    else add(`${shorten(subject, 28)}属于${scope[2]}${scope[3]}吗？`, 'condition');
  }
  const isDef = ZH_DEFINITION_IS.exec(s);
  if (isDef?.[1] !== undefined && noDefinition) {
    const term = isDef[1].replace(ZH_LEADING, '');
    // 进口网用户必须是…的自然人 says what a user must be, not what a 进口网用户必须 is
    if (term.length >= 2 && !/(?:必须|应当|应|须|可以|只能|需要|一般|通常|都|均|也|就|即|才|只|不)$/u.test(term)) add(`什么是${term}？`, 'definition');
  }
  const borne = ZH_BORNE_BY.exec(s);
  if (borne?.[1] !== undefined && !ZH_WHO_PAYS.test(borne[1])) add(`${shorten(borne[1].replace(ZH_LEADING, ''), 20)}由谁${borne[2]}？`, 'who-pays');
  const effect = ZH_TAKES_EFFECT.exec(s);
  // 保修期自发票开具之日起计算 → 保修期从什么时候开始计算？ (a period counted from a day, as customers ask it)
  // (各类产品的保修期: what every product has is asked as 保修期)
  const effective = effect?.[1]?.replace(ZH_LEADING, '').replace(/^(?:各类|各种|所有|全部)\p{Script=Han}{1,6}?的(?=\p{Script=Han}{2})/u, '');
  if (effective !== undefined) add(/算$/u.test(effect?.[2] ?? '') ? `${effective}从什么时候开始计算？` : `${effective}什么时候${effect?.[2] ?? ''}？`, 'time-limit');
  const applies = ZH_APPLIES_TO.exec(clauses[0] ?? '');
  const appliesNoun = applies?.[2] === undefined ? undefined : ZH_APPLIES_NOUN.exec(applies[2])?.[0];
  if (applies?.[1] !== undefined && appliesNoun !== undefined) add(`${applies[1].replace(ZH_LEADING, '')}适用于哪些${appliesNoun}？`, 'right');
  // 适用范围：本店销售的沙发、床…等大件商品 — a field under a policy's title (its only text was asked as 说明是什么？)
  const scopeField = ZH_SCOPE_FIELD.exec(s);
  if (scopeField?.[1] !== undefined) add(`适用于哪些${scopeField[1]}？`, 'right');
  const charge = ZH_IN_CHARGE.exec(clauses[0] ?? '');
  if (charge?.[2] !== undefined) add(`谁负责${charge[2]}？`, 'duty');
  const isVoid = ZH_VOID.exec(clauses.length === 1 ? s : '');
  if (isVoid?.[1] !== undefined) add(`${shorten(isVoid[1].replace(ZH_LEADING, ''), 30)}有效吗？`, 'validity');
  // 积分不可转让、不可提现 → 积分可以转让吗？/ 积分可以提现吗？ (its article was asked by its heading path)
  for (const clause of clauses) {
    const no = ZH_NOT_ALLOWED.exec(clause);
    // (本店原则上不予受理: 原则上, 一般, 通常 say how often, not who: it asked 本店原则上可以受理吗？)
    const who = no?.[1]?.replace(ZH_LEADING, '').replace(/(?:原则上|一般情况下|一般|通常)$/u, '') ?? '';
    // (也可以是不可转让单据, 并承担不能举证的后果, 根据其性质不能适用的除外: no thing that may not be done, laws)
    if (no === null || who.length < 2 || /(?:将|会|也|均|都|则|还|并)$/u.test(who) || /^(?:也|并|且|而|其|又)|可|能|是|的|或|有权/u.test(who)) continue;
    for (const what of (no[2] ?? '').split(/[、，,]/u)) {
      const verb = /^不?(?:可以|可|能|予)?(\p{Script=Han}{2,6})$/u.exec(what)?.[1];
      if (verb !== undefined && !ZH_NOT_ALLOWED_WORD.test(verb) && !/的|[时后前]$/u.test(verb)) add(`${who}可以${verb}吗？`, 'permission');
    }
  }
  // 银卡会员享受9.5折专属价及生日礼券；金卡会员享受… → 银卡会员有哪些权益？ (a party's benefits)
  for (const part of s.split(/[；;]/u)) {
    const gets = /^([\p{Script=Han}]{2,8}?)(?:可以|可|均可|均)?享受[^，。；]{2,}/u.exec(part)?.[1]?.replace(ZH_LEADING, '');
    if (gets !== undefined && gets.length >= 2 && isParty(gets)) add(`${gets}有哪些权益？`, 'right');
  }
  for (const part of s.split(/[；;，,]/u)) {
    // 退款订单对应的积分将被扣回 → 退款订单对应的积分会被扣回吗？
    const passive = /^([\p{Script=Han}]{2,16}?)(?:将|会)被(\p{Script=Han}{2,6})$/u.exec(part);
    if (passive?.[1] !== undefined && !ZH_LEADING.test(passive[1])) add(`${passive[1]}会被${passive[2] ?? ''}吗？`, 'permission');
    // 每月8日为会员日 → 会员日是哪天？
    const day = /^每(?:个)?(?:月\s*\d{1,2}\s*[日号]|周[一二三四五六日天])为(\p{Script=Han}{2,6})$/u.exec(part);
    if (day?.[1] !== undefined) add(`${day[1]}是哪天？`, 'definition');
    // 会员等级分为普通会员、银卡会员、金卡会员三级 → 会员等级有哪些？
    const kinds = /^([\p{Script=Han}]{2,8}?)分为[^，。；]{2,}$/u.exec(part)?.[1];
    if (kinds !== undefined && !ZH_LEADING.test(kinds)) add(`${kinds}有哪些？`, 'contents');
    // 累计实付满1000元升级为银卡会员 → 怎么升级为银卡会员？
    const level = /(?:满|达到)[^，。；]{1,12}?(?:升级|升)为(\p{Script=Han}{2,8})$/u.exec(part);
    if (level?.[1] !== undefined) add(`怎么升级为${level[1]}？`, 'procedure');
  }
  // 为回馈会员，规范…，制定本规则 → 本规则的目的是什么？ (named by its title: XX旗舰店会员积分规则的目的是什么？)
  const purpose = /^为[^。；]{2,60}?[，,](?:特)?制定本(规则|政策|规定|办法|细则|条款|协议|说明|制度|须知)$/u.exec(s);
  if (purpose?.[1] !== undefined) add(`本${purpose[1]}的目的是什么？`, 'purpose');
}

/** What may not be done with a thing: 积分不可转让、不可提现, 兑换后不可退还积分. */
const ZH_NOT_ALLOWED = /^([\p{Script=Han}]{2,10}?)不(?:可以|可|能|予)(\p{Script=Han}{2,6}(?:[、，,]不?(?:可以|可|能|予)?\p{Script=Han}{2,6})*)$/u;
/** Words 不可 / 不能 start that are no permission withheld: 不可抗力, 不可分割, 不可撤销, 不能少于. */
const ZH_NOT_ALLOWED_WORD = /^(?:抗|分|撤|避|替|思|少|缺|逆|及|超过|低于|少于|高于|多于|晚于|早于|以|与|在|对|按|因|为|被|用于|作为)/u;

// ---------------------------------------------------------------- English

const EN_TIME = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty|sixty|ninety)(?:\s+(?:business\s+|calendar\s+|working\s+)?(?:hours?|days?|weeks?|months?|years?)|-(?:hour|day|week|month|year))\b/i;
// (£3.95 and €6.95 are prices as $7.95 is: a shipping page priced in pounds asked no How much)
const EN_FEE = /[$£€¥]\s?\d|\d\s?(?:GBP|EUR|USD)\b|\bfees?\b|\bcosts?\b|\bcharges?\b|\bprice\b|\bfree of charge\b/i;
/** A free-delivery threshold: free on orders over £30, free shipping for orders above $50. */
const EN_FREE_OVER = /\bfree\b[^.;]{0,30}?\b(?:orders?|purchases?|spend(?:ing)?)\s+(?:over|above|of|from)\s+(?:[A-Z]{0,3}[$£€¥]|\d)/iu;
const EN_DEFINITION = /^(?:the term\s+)?["“]?([A-Za-z][\w\s'-]{1,40}?)["”]?\s+(?:means|refers to|is defined as|is a term for)\b/i;
/**
 * A heading that is a task in the imperative (Apply online, Appeal a decision, Replace your card).
 * A verb that is also a noun (return, order, appeal, change) needs its object's determiner: Return
 * window and Appeal process are things.
 */
const EN_TASK = /^(?:(?:apply|renew|replace|cancel|register|calculate|prepare|obtain|verify|enroll|consolidate|reinstate|surrender|submit|create|sign\s+up|get|manage)\s+\p{L}|(?:appeal|request|change|report|file|pay|update|contact|return|track|schedule|transfer|order|check|claim|upgrade|repay|start|buy|book|exchange|redeem)\s+(?:for\s+|to\s+|a\s+|an\s+|the\s+|your\s+|my\s+)\p{L}|pay\s+(?:in|by|with|later|monthly|over)\s+[\p{L}\p{N}])/iu;

/**
 * More imperatives a heading opens with, verbs that are seldom nouns (Understand Your Loan, Gather
 * Information, Keep Good Records, Meet Aidan): tasks, but nothing one pays for.
 */
const EN_UNPAID_TASK = /^(?:understand|speak|talk|gather|withdraw|keep|notify|avoid|meet|learn|find|choose|compare|protect|make|take|know|read|decide|determine|explore|tell|send|bring|attend|follow|give|ask|reduce|prevent|locate|activate|connect|enter|add|remove|delete|provide|download|upload|become|set\s+up|log\s+in|sign\s+in|find\s+out|look\s+up|figure\s+out)\s+\p{L}/iu;

/** Words in -ing that name a thing, not an activity: Shipping Information, Housing Assistance. */
const EN_ING_NOUN = /^(?:shipping|billing|packaging|pricing|housing|training|funding|boarding|parking|clothing|banking|lending|hearing|meeting|building|booking|listing|rating|setting|wedding|morning|evening|earnings|savings|offering|opening|warning|recording|marketing|printing|testing|screening|counseling|counselling|nursing|tutoring|spring|string|ceiling|thing|nothing|something|everything|anything)\b/iu;

/** Headings that name nothing to ask about: Additional Information, Overview, Frequently Asked Questions (About Aidan). */
const EN_GENERIC_HEADING = /^(?:(?:additional|more|other|general|related|further|helpful|useful)\s+)?(?:information|info|details|resources|links|topics|notes|overview|introduction|summary|background|contents?)$|^(?:frequently\s+asked\s+questions|faqs?)\b|^(?:learn|read|find\s+out|see)\s+more$|^(?:contact|follow|about)\s+us$|^(?:see\s+also|share|print|related)$/iu;

/** A heading that opens with a preposition or a conjunction: For Reservists, Before You Apply, Once You've Applied. */
const EN_LEADING_WORD = /^(for|about|before|after|once|when|while|during|until|without)\s+(\p{L}.{2,})$/iu;

/** A heading that is a statement: its subject, a modal or a form of be, the rest (Other Payments May Affect Your Disability Benefits). */
const EN_CLAUSE_HEADING = /^(?!(?:if|unless|when|while|once|before|after|until|for|about|during|without)\s)(\p{L}[\p{L}\s'’-]{1,40}?)\s+(may|can|will|must|should|could|is|are)\s+(\p{L}.{2,})$/iu;

/** A heading that opens with an activity (Accepting Financial Aid, Deciding Which Student Loans to Accept). */
const EN_GERUND_HEADING = /^\p{Lu}\p{Ll}{2,}ing\s+\p{L}/u;

/**
 * Is this the subject of a statement heading? Not a noun with a relative clause (More Information
 * You May Need, Other Questions I Have); "you" only where it can or may do something (You Can
 * Apply Online → Can I apply online?, not You May Have Had Contact → Can I have had contact?).
 */
function clauseSubject(subject: string, verb: string, rest: string): boolean {
  if (/^you$/iu.test(subject.trim())) return /^(?:can|may)$/iu.test(verb) && !/^(?:have|be|not)\b/iu.test(rest);
  return !/\b(?:you|i|we|they|he|she|it|who|that|which|whose)\b/iu.test(subject);
}

/** A task or an activity opens with its verb, never a name (Explore VA.gov → explore VA.gov, Appeal to a judge → appeal to a judge). */
function verbFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function isGerundHeading(topic: string): boolean {
  return EN_GERUND_HEADING.test(topic) && !EN_ING_NOUN.test(topic);
}

function sentenceCaseWord(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** A topic that is a process, something that takes time: delivery, a refund, an appeal, a card's replacement. */
const EN_PROCESS = /\b(?:processing|delivery|deliveries|shipping|refunds?|repairs?|reviews?|appeals?|applications?|renewals?|replacements?|approvals?|decisions?|hearings?|exchanges?|returns?|transfers?|installation|registration|verification|reconsideration|claims?|inspections?|tests?|enrollment|process|investigation|determination|evaluation|training|dispatch|collection|pickup|cancellation|discharge|disbursement|payout)$/iu;

/** What has a price: a licence, a card, a test, delivery, a repair, a copy, a fee. */
const EN_PRICED = /\b(?:licen[cs]es?|permits?|cards?|ids?|tests?|exams?|plates?|registrations?|titles?|transfers?|renewals?|replacements?|insurance|premiums?|coverage|delivery|shipping|postage|repairs?|services?|fees?|tuition|cop(?:y|ies)|records?|certificates?|passports?|inspections?|returns?|exchanges?|installation|warranty|warranties|subscriptions?|memberships?|plans?|tickets?)$/iu;

/** What one can be eligible for: a benefit, a program, a card or licence, a form of relief. */
const EN_BENEFIT = /\b(?:benefits?|aid|loans?|grants?|programs?|assistance|insurance|pensions?|care|compensation|discharge|forgiveness|cancellation|scholarships?|allowances?|cards?|licen[cs]es?|plans?|deferments?|forbearance|rehabilitation|payments?|income|coverage|waivers?|refunds?|relief|repayment|services?|permits?|exemptions?)\b/iu;
/** Page headings about eligibility, not a benefit: Eligibility Requirements, If Your Application Is Denied, Cancellation Chart. */
const EN_NOT_BENEFIT = /eligib|^if\b|information|chart|criteria|requirements|situations|consequences|maximum|number of|listing|how to|questions?\b|^(?:apply|applying|request|manage|gather)\b/iu;
const EN_ELIGIBLE = /\b(?:eligible|eligibility|qualify|qualifies|entitled)\b/i;
// a full stop ends the object only where a sentence ends, not inside U.S.
const EN_DUTY = /\byou\s+(?:must|are required to|have to|need to)\s+([a-z][a-z\s-]{2,40}?)(?:[,;]|\.(?=\s|$)|\s+(?:within|by|before|if|when)\b|$)/i;
const EN_CAN = /\byou\s+(?:can|may)\s+([a-z][a-z\s-]{2,40}?)(?:[,;]|\.(?=\s|$)|\s+(?:by|if|when|at|from|within|even|until|unless|once|as\s+long\s+as)\b|$)/i;
const EN_TO_DO = /^to\s+([a-z][a-z\s-]{2,40}?),\s/i;
/** "you have 30 days (from the date of delivery) to return …": the time a customer has to do something. */
const EN_YOU_HAVE_TIME = /\byou\s+(?:have|get)\s+(?:up\s+to\s+|at\s+least\s+)?(?:\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty|sixty|ninety)\s+(?:(?:business|calendar|working|full)\s+)?(?:hours?|days?|weeks?|months?|years?)\b[^.;]{0,60}?\bto\s+([a-z][a-z\s-]{2,40}?)(?:[,;]|\.(?=\s|$)|\s+(?:within|by|before|if|when|from|after|unless|for)\b|$)/i;
/**
 * What a shop gives a customer time to do: return, send back, exchange, cancel, claim, report, tell
 * us. (Every "you have N days to X" was measured: doc2dial's 16 such questions — How long do I have to
 * register my vehicle? — took one of its questions from rank 1 to 2, hit@1 0.705 → 0.700.)
 */
const EN_AFTER_SALES_ACT = /^(?:return|send|exchange|swap|cancel|claim|make\s+a\s+claim|report|request\s+a\s+(?:refund|return|replacement|repair)|tell\s+us|notify\s+us|contact\s+us|let\s+us\s+know|complain|change\s+your\s+mind)\b\s*\S/iu;
/** "you have the right to cancel …" / "you are entitled to a refund": what a customer may do by right. */
const EN_RIGHT_TO = /\byou\s+(?:have|will\s+have)\s+(?:the|a)\s+(?:legal\s+|statutory\s+)?right\s+to\s+([a-z][a-z\s-]{2,40}?)(?:[,;]|\.(?=\s|$)|\s+(?:within|by|before|if|when|from|after|without|under|for)\b|$)/i;

/**
 * The question word of an embedded question the match stands in (learn how you can lower your
 * payment → how; how much you need to take out in loans → how much), if any. "whether you need
 * to" asks what it says.
 */
function embeddedIn(sentence: string, match: RegExpExecArray): string | undefined {
  return /\b(how\s+much|how\s+many|how|what|which)\s+(?:\S+\s+){0,2}$/iu.exec(sentence.slice(Math.max(0, match.index - 40), match.index))?.[1]?.toLowerCase();
}

/** A sentence about how soon the shop answers: We reply within 24 hours, our team will contact you in 2 days. */
const EN_SHOP_REPLIES = /\b(?:we|our\s+(?:team|staff|support|agents?))\s+(?:will\s+|usually\s+|normally\s+|aim\s+to\s+)?(?:reply|respond|answer|get\s+back|contact\s+you|call\s+you|email\s+you)\b/iu;

/** Verbs that say nothing without their object: "you can get." → Can I get? */
const EN_NEEDS_OBJECT = /^(?:get|have|take|make|use|find|see|know|need|do|give|receive|send|provide|keep|bring|pay|buy|choose|expect|want|include)$/iu;

/**
 * What "you can / must …" says a customer can or must do, when it says it (the caller leaves out
 * embedded questions, `embeddedIn`): not in a title's capitals
 * (What You Need To Know), not a verb whose object went before it (benefits you may qualify for as
 * a spouse) or that has none (you can get.).
 */
function clauseObject(match: RegExpExecArray | null): string | undefined {
  const found = match?.[1]?.trim();
  if (match === null || found === undefined) return undefined;
  // "you can return unworn, unwashed and unused items": the comma is a list's, the object goes on
  // after it (was Can I return unworn?)
  if (match[0].endsWith(',') && /^\s*[\p{L}-]+(?:\s*,\s*[\p{L}-]+)*\s*,?\s+(?:and|or)\s+\p{L}/u.test(match.input.slice(match.index + match[0].length))) return undefined;
  // "you can also track your order": the adverb is no part of the task (was Can I also track my order?)
  const object = found.replace(/^(?:also|easily|simply|just)\s+(?=\p{L})/u, '');
  if (/^\p{Lu}/u.test(object) || /^\p{Lu}/u.test(/\s(\S+)/u.exec(match[0])?.[1] ?? '')) return undefined;
  if (/\b(?:for|to|with|about|from|on|in|of|at|by)$/iu.test(object) || /\b(?:for|to|with|about|from|on|of|out)\s+(?:as|in|at|on|by|if|when|to)\b/iu.test(object)) return undefined;
  if (EN_NEEDS_OBJECT.test(object)) return undefined;
  return object;
}

/** A heading that asks something (What is not covered, Why was my order cancelled): no thing to put in a template. */
const EN_QUESTION_START = /^(?:what|when|where|why|who|whom|whose|which|how|can|could|do|does|did|is|are|was|were|will|should|may)\b/iu;

/**
 * The topic as it reads inside a question: a sentence-case heading loses the capital of its first
 * word (Return window → return window), a title-case one keeps its capitals (Returns & Refunds
 * Policy, not returns & Refunds Policy); the shop's "our" is "your" when the customer asks.
 */
function inQuestion(topic: string, names: ReadonlySet<string> = NO_NAMES): string {
  // the shop's "our" is "your" when the customer asks, and the customer's "your" is "my" (Your right to cancel → my right to cancel)
  const t = topic.replace(/^(our|your)\b/iu, (w) => (w.toLowerCase() === 'our' ? 'your' : 'my'));
  return isTitleCase(t) ? t : lowerFirst(t, names);
}

function isTitleCase(topic: string): boolean {
  const words = topic.split(/\s+/u).slice(1).filter((w) => /^\p{L}{4,}/u.test(w));
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w));
}


/**
 * A heading in a sentence's case: Title Case words go lower case (Request A Hearing → request a
 * hearing); acronyms (VA, GI) and the names the section writes with a capital (`properNames`:
 * Medicare, Aidan) stay.
 */
export function sentenceCase(topic: string, names: ReadonlySet<string> = NO_NAMES): string {
  if (!isTitleCase(topic) || !/^\p{Lu}/u.test(topic)) return lowerFirst(topic, names);
  const words = topic.split(/\s+/u);
  const bare = words.map((w) => w.replace(/^[("“]+|[)",.”:]+$/gu, ''));
  // the words of a name the section writes (New York, Agent Orange) keep their capitals
  const kept = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 4; n >= 1; n--) {
      if (i + n > words.length || !names.has(bare.slice(i, i + n).join(' '))) continue;
      for (let k = i; k < i + n; k++) kept.add(k);
      break;
    }
  }
  return words.map((w, i) => (w !== 'I' && !kept.has(i) && /^[("“]?\p{Lu}\p{Ll}*(?:-\p{Lu}?\p{Ll}+)*[)",.”:]?$/u.test(w) ? w.toLowerCase() : w)).join(' ');
}

/** What the shop tells "you", as the customer asks it: You've Applied → I've applied, your spouse → my spouse. */
function asAsker(text: string): string {
  return asCustomer(text.replace(/\byou've\b/giu, "I've").replace(/\byou're\b/giu, "I'm").replace(/\byou are\b/giu, 'I am').replace(/\byou\b/giu, 'I'));
}

/** What the shop says to "you", as the customer asks it: your parcel → my parcel. */
function asCustomer(text: string): string {
  return text.replace(/\byourself\b/giu, 'myself').replace(/\byours\b/giu, 'mine').replace(/\byour\b/giu, 'my');
}

/** Words that end a noun phrase's head: "items that cannot be returned" is about items. */
const EN_HEAD_END = /\s(?:that|which|who|you|we|of|for|in|on|to|from|with|by|after|before|under|outside|inside|within|when|if)\b/iu;

/** Is the topic's head noun plural (Refunds, Items that cannot be returned, Customs and import duties)? */
function isPluralTopic(topic: string): boolean {
  const cut = EN_HEAD_END.exec(topic);
  const head = (cut === null ? topic : topic.slice(0, cut.index)).trim().split(/\s+/u).pop() ?? '';
  return (/[a-z]s$/iu.test(head) && !/(?:ss|us|is)$/iu.test(head)) || /^(?:children|people|men|women|staff|police)$/iu.test(head);
}

/** An activity, not a thing: Tracking your parcel, Cancelling an order. */
const EN_ACTIVITY = /^\p{L}+ing\s+(?:your|my|our|a|an|the|this|these|its|their)\b/iu;

/** Headings that name a page or a document, not something that takes time or costs money. */
const EN_DOCUMENT_HEAD = /\b(?:policy|policies|terms|conditions|information|info|overview|introduction|summary|guide|rules|faqs?|questions|options)$/iu;

/** The -ing forms of a shop's customer tasks and their verbs (only these: an -ing word's verb is not always its stem). */
const EN_GERUND_VERBS: ReadonlyMap<string, string> = new Map([
  ['cancelling', 'cancel'], ['canceling', 'cancel'], ['returning', 'return'], ['tracking', 'track'], ['exchanging', 'exchange'],
  ['changing', 'change'], ['claiming', 'claim'], ['caring', 'care'], ['cleaning', 'clean'], ['washing', 'wash'],
  ['assembling', 'assemble'], ['installing', 'install'], ['redeeming', 'redeem'], ['ordering', 'order'], ['reporting', 'report'],
  ['requesting', 'request'], ['updating', 'update'], ['contacting', 'contact'], ['storing', 'store'], ['registering', 'register'],
]);

/**
 * An activity a customer does, as a task: cancelling an order → cancel an order, caring for wood →
 * care for wood, resetting the earbuds → reset the earbuds (`gerundVerb`).
 */
function asTask(activity: string, known?: ReadonlyMap<string, string>): string | undefined {
  const verbOf = (gerund: string): string | undefined => (known !== undefined ? known.get(gerund.toLowerCase()) : gerundVerb(gerund));
  // two activities on one object: Changing or cancelling an order → change or cancel an order (was change or cancelling an order)
  const two = /^(\p{L}+ing)\s+(or|and)\s+(\p{L}+ing)\s+(.+)$/u.exec(activity);
  if (two?.[1] !== undefined && two[2] !== undefined && two[3] !== undefined && two[4] !== undefined) {
    const first = verbOf(two[1]);
    const second = verbOf(two[3]);
    return first !== undefined && second !== undefined ? `${first} ${two[2]} ${second} ${two[4]}` : undefined;
  }
  const m = /^(\p{L}+ing)\s+(.+)$/u.exec(activity);
  const verb = m?.[1] === undefined ? undefined : known !== undefined ? known.get(m[1].toLowerCase()) : gerundVerb(m[1]);
  return verb !== undefined && m?.[2] !== undefined ? `${verb} ${m[2]}` : undefined;
}

/** A process customers ask how it works about when it is the whole heading: Refunds, Exchanges, Payment, Assembly. */
const EN_WORKS = /^(?:refunds?|returns|exchanges|repairs|payments?|delivery|shipping|dispatch|collection|assembly|installation|cancellations?|replacements?|subscriptions?|billing|tracking)$/iu;

/** A heading joining two topics with & or and, no determiner: Shipping & Delivery, Orders and prices. */
const EN_PAIR = /^[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:&|and)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu;

/** A heading naming three topics or more: Highlands, Islands and Northern Ireland; Rugs, curtains and blinds. */
const EN_LIST = /^[\p{L}-]+(?:\s+[\p{L}-]+)?(?:,\s*[\p{L}-]+(?:\s+[\p{L}-]+)?)+,?\s+(?:&|and|or)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu;

/** A policy or terms page named by its heading: Returns & Refunds Policy, Terms of Sale, Privacy Notice. */
const EN_POLICY = /\b(?:policy|policies|terms(?:\s+(?:of\s+(?:sale|service|use)|and\s+conditions))?|notice)$/iu;

/**
 * A heading that is a question written as a phrase: How to make a warranty claim → How do I make a
 * warranty claim?; What to do if your parcel is late → What should I do if my parcel is late?; What
 * the warranty covers → What does the warranty cover?; Where your order is → Where is my order?;
 * What we do with your data → What do you do with my data? Undefined for a heading that is no such phrase.
 */
const EN_VERB_ENDINGS: Readonly<Record<string, string>> = { ies: 'y', shes: 'sh', ches: 'ch', sses: 'ss', xes: 'x', s: '' };

function enPhraseQuestion(topic: string): string | undefined {
  const t = topic.replace(/\?+$/u, '').trim();
  const how = /^how\s+to\s+(.+)$/iu.exec(t);
  if (how?.[1] !== undefined) return `How do I ${asAsker(verbFirst(how[1]))}?`;
  const whTo = /^(what|when|where|who|which)\s+to\s+(.+)$/iu.exec(t);
  if (whTo?.[1] !== undefined && whTo[2] !== undefined) return `${sentenceCaseWord(whTo[1])} should I ${asAsker(whTo[2])}?`;
  const wh = /^(what|when|where|why|how\s+(?:much|long|often)|which\s+\p{L}+)\s+(.+)$/iu.exec(t);
  if (wh?.[1] === undefined || wh[2] === undefined) return undefined;
  const ask = wh[1].charAt(0).toUpperCase() + wh[1].slice(1).toLowerCase();
  const rest = wh[2];
  // we/you + a modal: When you will receive your refund → When will I receive my refund?
  const modal = /^(we|you)\s+(will|can|may|must|should|need\s+to|have\s+to)\s+(.+)$/iu.exec(rest);
  if (modal?.[1] !== undefined && modal[2] !== undefined && modal[3] !== undefined) {
    const who = modal[1].toLowerCase() === 'we' ? 'you' : 'I';
    const aux = modal[2].toLowerCase();
    if (/\s/u.test(aux)) return `${ask} do ${who} ${aux} ${asCustomer(modal[3])}?`;
    return `${ask} ${aux} ${who} ${asCustomer(modal[3])}?`;
  }
  // we/you + a verb: What we do with your data → What do you do with my data?
  const plain = /^(we|you)\s+(\p{Ll}+)\b(.*)$/u.exec(rest);
  if (plain?.[1] !== undefined && plain[2] !== undefined && !/^(?:is|are|was|were|am)$/u.test(plain[2])) {
    return `${ask} do ${plain[1] === 'we' ? 'you' : 'I'} ${plain[2]}${asCustomer(plain[3] ?? '')}?`;
  }
  // a determiner's noun phrase + is/are: Where your order is → Where is my order?
  const be = /^((?:the|your|our|my|this|these|a|an)\s+[\p{L}\s-]{2,40}?)\s+(is|are)$/iu.exec(rest);
  if (be?.[1] !== undefined && be[2] !== undefined) return `${ask} ${be[2].toLowerCase()} ${asCustomer(be[1]).replace(/^our\b/iu, 'your')}?`;
  // a determiner's noun phrase + a verb in -s: What the warranty covers → What does the warranty cover?
  const does = /^((?:the|your|our|my|this|a|an)\s+[\p{L}\s-]{2,40}?)\s+(\p{Ll}{2,}?)(ies|shes|ches|sses|xes|s)$/u.exec(rest);
  if (does?.[1] !== undefined && does[2] !== undefined && does[3] !== undefined) {
    const verb = does[2] + (EN_VERB_ENDINGS[does[3]] ?? '');
    return `${ask} does ${asCustomer(does[1]).replace(/^our\b/iu, 'your')} ${verb}?`;
  }
  return undefined;
}

/** Two-letter words a heading in capitals writes that are no acronym: OR, TO, IN, US (CONTACT US). */
const EN_SHORT_WORDS = /^(?:an|as|at|be|by|do|go|he|if|in|is|it|me|my|no|of|on|or|so|to|up|us|we)$/iu;

/**
 * An English heading written in capitals (DELIVERY TIMES AND COSTS, PO BOXES) in a sentence's case,
 * each word as the section's text writes it: in capitals when the text does (PO boxes, UK, TRICARE;
 * two letters or more), with its capital when the text never writes it in lower case (Auralite; an
 * address's words do not count: auralite.com), else in lower case; a word the text does not have
 * stays in capitals when it has a digit (IPX4, 65W) or is two letters and no small word (UK, EU),
 * else goes lower case. Any other heading as it is. (DELIVERY TIMES AND COSTS asked What do I need
 * to know about DELIVERY TIMES AND COSTS?, and its similar questions Shipping TIMES AND COSTS.)
 */
export function caseFolded(topic: string, text: string): string {
  if (/\p{Ll}/u.test(topic) || !/\p{Lu}{4}/u.test(topic)) return topic;
  // the text's own sentences, not its lines in capitals
  const prose = text.split('\n').filter((line) => /\p{Ll}/u.test(line)).join('\n');
  const folded = topic.replace(/\p{L}[\p{L}\p{N}'’]*/gu, (word) => {
    if (/\p{N}/u.test(word)) return word;
    const forms = [...prose.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu'))].filter((m) => !inAddress(prose, m.index, m[0].length)).map((m) => m[0]);
    if (forms.includes(word) && word.length >= 2) return word;
    if (forms.length > 0 && forms.every((f) => /^\p{Lu}\p{Ll}/u.test(f))) return forms[0] ?? word;
    if (forms.length === 0 && word.length === 2 && !EN_SHORT_WORDS.test(word)) return word;
    return word.toLowerCase();
  });
  return folded.charAt(0).toUpperCase() + folded.slice(1);
}

/**
 * The verb of an -ing word (pairing → pair, resetting → reset, charging → charge, storing → store):
 * the shop's tasks of EN_GERUND_VERBS as listed, others by English spelling — a doubled last
 * consonant undone (resetting, shipping; -ss, -zz, -ff and -ll stay: processing, installing,
 * calling; cancelling, controlling lose an l), a silent e put back after the endings that drop it
 * (-rge, -dge, -lge, -ce, -ve, -ze, consonant + le, vowel + se, -are/-ire/-ure, -ake/-ike/-oke,
 * consonant + ate/ote/ute, -ide/-ude, -ine/-une, -ame/-ome, -ibe/-obe/-ube, -ue,
 * -store/-score/-plore/-gnore). Undefined for a word not in -ing.
 */
export function gerundVerb(gerund: string): string | undefined {
  const word = gerund.toLowerCase();
  const known = EN_GERUND_VERBS.get(word);
  if (known !== undefined) return known;
  const stem = /^(\p{Ll}{2,})ing$/u.exec(word)?.[1];
  if (stem === undefined || !/[aeiouy]/u.test(stem)) return undefined;
  if (/[^aeiou][aeiou]([b-dghj-km-prtv])\1$/u.test(stem)) return stem.slice(0, -1);
  if (/[eo]ll$/u.test(stem) && stem.length >= 6) return stem.slice(0, -1);
  if (/(?:[rdl]g|c|v|[^z]z|[^aeiousl]l|[aeiou]s|[^aeiou][aiu]r|(?:st|sc|pl|gn)or|[^aeiou][aio]k|[^aeiou][aou]t|[^aeiou][iu]d|[^aeiou][iu]n|[^aeiou][ao]m|[^aeiou][iou]b|u)$/u.test(stem)) return `${stem}e`;
  return stem;
}

/**
 * What a manual is about, as a customer names it (my earbuds): the last word of the heading over the
 * section (AirLite Pro True Wireless Earbuds → earbuds) when the section's text names it too, and
 * it names no page (Returns & Refunds, Warranty Policy). For headings that name no object: Pairing →
 * How do I pair my earbuds?
 */
export function enProduct(headingPath: readonly string[], text: string): string | undefined {
  if (headingPath.length < 2) return undefined;
  const top = stripNumbering(headingPath[0] ?? '');
  const word = /(\p{L}{3,})$/u.exec(top)?.[1]?.toLowerCase();
  if (word === undefined || EN_DOCUMENT_HEAD.test(top) || EN_POLICY.test(top) || EN_WORKS.test(word) || EN_GENERIC_HEADING.test(top)) return undefined;
  return new RegExp(`\\b${word}\\b`, 'iu').test(text) ? word : undefined;
}

/** A manual's heading of problems and their fixes: Troubleshooting, Common problems, Known issues. */
const EN_TROUBLESHOOTING = /^(?:trouble\s?shooting|problems?(?:\s+(?:and|&)\s+solutions?)?|common\s+(?:problems|issues)|known\s+issues|problem\s+solving)$/iu;
/** A heading that says where things are: In the box, Inside the package. */
const EN_PLACE_HEADING = /^(?:in|inside)\s+(?:the|your|this|each)\s+\p{L}/iu;
/** A heading that says how to reach the shop: Contact, Contact us, Contact details, Get in touch. */
const EN_CONTACT_HEADING = /^(?:contact(?:\s+(?:us|details|information|info|support))?|get\s+in\s+touch|how\s+to\s+reach\s+us)$/iu;

/**
 * Headings that name no thing to ask "what is" about (In the box, Contact, Pairing, Troubleshooting):
 * what customers ask instead, about the product the manual is for when it names one (`enProduct`).
 * Undefined for another heading.
 */
function enBareHeading(topic: string, product: string | undefined): string[] | undefined {
  const my = product !== undefined ? `my ${product}` : undefined;
  if (EN_CONTACT_HEADING.test(topic)) return ['How do I contact you?', 'How can I reach your support team?'];
  if (EN_PLACE_HEADING.test(topic)) return [`What is ${topic.toLowerCase()}?`, ...(my !== undefined ? [`What comes with ${my}?`] : [])];
  if (EN_TROUBLESHOOTING.test(topic)) return my !== undefined ? [`What should I do if ${my} ${isPluralTopic(product ?? '') ? 'are' : 'is'} not working?`, `How do I fix problems with ${my}?`] : ['How do I fix a problem?', `What do I need to know about ${topic.toLowerCase()}?`];
  // Care and cleaning: the task of its activity, on the product
  const last = /\p{L}+$/u.exec(topic)?.[0] ?? '';
  const pairTask = EN_PAIR.test(topic) && my !== undefined && !EN_ING_NOUN.test(last) ? gerundVerb(last) : undefined;
  if (pairTask !== undefined) return [`How do I ${pairTask} ${my}?`, `What do I need to know about ${topic.toLowerCase().replace(/\s+&\s+/gu, ' and ')}?`];
  // Pairing, Charging: an activity alone (not Shipping, Billing: things)
  const verb = /^\p{L}+ing$/u.test(topic) && !EN_ING_NOUN.test(topic) ? gerundVerb(topic) : undefined;
  if (verb === undefined) return undefined;
  const activity = topic.toLowerCase();
  return my !== undefined ? [`How do I ${verb} ${my}?`, `How does ${activity} work?`] : [`How does ${activity} work?`, `What do I need to know about ${activity}?`];
}

/** The shop's "us" as the customer asks: Sending your product to us → sending my product to you. */
function toShop(text: string): string {
  return text.replace(/\bus\b/gu, 'you');
}

function enHeading(topic: string, names: ReadonlySet<string>, product?: string, text = ''): string[] {
  const phrase = enPhraseQuestion(topic);
  if (phrase !== undefined) return [phrase];
  if (headingIsQuestion(topic)) return [topic.replace(/\?*$/u, '?')];
  // In the box, Contact, Pairing, Troubleshooting: no thing to ask "what is" about
  const bare = enBareHeading(topic, product);
  if (bare !== undefined) return bare;
  // Additional Information, Overview, Frequently Asked Questions About Aidan: nothing to ask about
  if (EN_GENERIC_HEADING.test(topic)) return [];
  // things the shop or the customer does something to: Items we cannot accept back → Which items can't you accept back?
  const relative = enWhichClause(topic, names);
  if (relative !== undefined) return relative;
  // a heading that is a situation, not a thing: "My parcel arrived damaged" (not the shop's "Our 2-year warranty")
  if (isSituation(topic)) return [`What should I do if ${lowerFirst(topic, names)}?`, `${topic}: what can I do?`];
  const how = /^how\s+(?:to|do\s+i|can\s+i)\s+(.+)$/iu.exec(topic);
  if (how?.[1] !== undefined) return [`How do I ${how[1]}?`];
  if (EN_ACTIVITY.test(topic)) {
    const activity = toShop(asAsker(verbFirst(sentenceCase(topic, names))));
    const todo = asTask(activity);
    if (todo !== undefined) return [`How do I ${todo}?`, `What do I need to know about ${activity}?`];
    return [`How does ${activity} work?`, `What do I need to know about ${activity}?`];
  }
  // a task (Appeal A Decision, Request a Deferment, Replace Your Card, Keep Good Records): how to do it, not what it is
  if (EN_TASK.test(topic) || EN_UNPAID_TASK.test(topic)) {
    const todo = asAsker(verbFirst(sentenceCase(topic, names)));
    return [`How do I ${todo}?`, `What do I need to know to ${todo}?`];
  }
  // a condition (If Your Application Is Denied): what to do then, not what it is
  const condition = /^if\s+(.{4,})$/iu.exec(topic);
  if (condition?.[1] !== undefined) {
    const when = asAsker(sentenceCase(condition[1], names));
    return [`What should I do if ${when}?`, `What happens if ${when}?`];
  }
  // For Reservists, Before You Apply, Once You've Applied: who or when, not a thing
  const lead = EN_LEADING_WORD.exec(topic);
  if (lead?.[1] !== undefined && lead[2] !== undefined) {
    // a sentence made a heading (For a motorcycle test, you also need …) names no topic
    if (/[,;.]/u.test(lead[2]) || lead[2].split(/\s+/u).length > 12) return [];
    const word = lead[1].toLowerCase();
    const rest = asAsker(sentenceCase(lead[2], names));
    if (word === 'for') return [`What ${isPluralTopic(rest) ? 'do' : 'does'} ${rest} need to know?`];
    if (word === 'about') return [`What do I need to know about ${rest}?`];
    if (word === 'after' || word === 'once') return [`What happens ${word} ${rest}?`, `What do I need to know ${word} ${rest}?`];
    return [`What do I need to know ${word} ${rest}?`];
  }
  // Other Payments May Affect Your Disability Benefits → Can other payments affect my disability benefits?
  const clause = EN_CLAUSE_HEADING.exec(topic);
  if (clause?.[1] !== undefined && clause[2] !== undefined && clause[3] !== undefined && clauseSubject(clause[1], clause[2], clause[3])) {
    const verb = clause[2].toLowerCase() === 'may' ? 'Can' : sentenceCaseWord(clause[2]);
    return [`${verb} ${asAsker(sentenceCase(clause[1], names))} ${asAsker(sentenceCase(clause[3], names))}?`];
  }
  // Accepting Financial Aid, Deciding Which Student Loans to Accept: an activity
  // Processing time, Delivery times: how long it takes (as a 时效 heading asks 需要多长时间)
  const timed = /^(.+?)\s+(?:times?|duration)$/iu.exec(sentenceCase(topic, names))?.[1];
  if (timed !== undefined && EN_PROCESS.test(timed)) return [`How long does ${lowerFirst(timed, names)} take?`, `What ${isPluralTopic(topic) ? 'are' : 'is'} ${withThe(inQuestion(topic, names))}?`];
  if (isGerundHeading(topic)) {
    const activity = asAsker(verbFirst(sentenceCase(topic, names)));
    // (the shop's tasks only: Processing Times is no task)
    const todo = asTask(activity, EN_GERUND_VERBS);
    return [...(todo !== undefined ? [`How do I ${todo}?`] : []), `What do I need to know about ${activity}?`];
  }
  const t = inQuestion(topic, names);
  // a problem (Missing or late parcels, Damaged items): what to do about it, not what it is
  if (EN_PROBLEM.test(t)) return [`What can I do about ${t}?`, `What do I need to know about ${t}?`];
  // a page of the shop's rules: Returns & Refunds Policy → What is your returns and refunds policy?
  if (EN_POLICY.test(t) && !/^(?:the|a|an|my|your)\s/iu.test(t)) {
    const policy = `your ${sentenceCase(t, names).replace(/\s+&\s+/gu, ' and ')}`;
    return [`What ${/\bterms\b|policies$/iu.test(t) ? 'are' : 'is'} ${policy}?`, `What do I need to know about ${policy}?`];
  }
  // a process and whose it is (Returns from outside the UK, Refunds for gift cards): how it works, not "What are the returns from outside the UK?"
  const processOf = /^(\p{L}+)\s+((?:from|for|of|outside|within|on|by|with)\s+\p{L}.*)$/iu.exec(t);
  if (processOf?.[1] !== undefined && processOf[2] !== undefined && EN_WORKS.test(processOf[1]) && !/[,;]/u.test(processOf[2])) {
    const process = `${processOf[1].toLowerCase()} ${processOf[2]}`;
    return [`How ${isPluralTopic(processOf[1]) ? 'do' : 'does'} ${process} work?`, `What do I need to know about ${process}?`];
  }
  // a process named alone (Refunds, Payment): how it works, not "What are the refunds?"
  if (EN_WORKS.test(t)) {
    const process = sentenceCase(t, names).toLowerCase();
    return [`How ${isPluralTopic(process) ? 'do' : 'does'} ${process} work?`, `What do I need to know about ${process}?`];
  }
  // where the shop sends parcels (Shipping to Hong Kong, Macau and overseas): Do you ship to …?, not What is the shipping to …?
  const to = EN_SHIPPING_TO.exec(topic);
  if (to?.[1] !== undefined && to[2] !== undefined) return [`Do you ship ${to[1].toLowerCase()} ${to[2]}?`, `What do I need to know about shipping ${to[1].toLowerCase()} ${to[2]}?`];
  // two topics (Shipping & Delivery, Orders and prices): what to know about them, not "What is the Shipping & Delivery?"
  // — nor three (Highlands, Islands and Northern Ireland asked What is the Highlands, Islands and Northern Ireland?)
  if (EN_PAIR.test(t) || EN_LIST.test(t)) return [`What do I need to know about ${sentenceCase(t, names).replace(/\s+&\s+/gu, ' and ')}?`];
  const the = withThe(t);
  // which things a rule names (Items that cannot be returned → Which items cannot be returned?)
  const which = /^(\p{L}+)\s+(?:that|which)\s+(.+)$/iu.exec(t);
  if (which?.[1] !== undefined && which[2] !== undefined && isPluralTopic(which[1])) return [`Which ${lowerFirst(which[1], names)} ${which[2]}?`, `What are ${the}?`];
  // (asking about a plural thing as "How do gift cards work?" instead was measured: doc2dial hit@1
  // 0.686 → 0.676, two of its 210 questions; not kept)
  // the costs of something that has a price (Return shipping costs): who pays them is what customers ask
  const kind = enTopicQuestion(t, text, names);
  if (kind !== undefined) return [kind, `What ${isPluralTopic(t) ? 'are' : 'is'} ${the}?`];
  const paid = /^(.+?)\s+(?:costs|fees|charges)$/iu.exec(t)?.[1];
  const whoPays = paid !== undefined && EN_PRICED.test(paid) ? [`Who pays for ${paid}?`] : [];
  return [`What ${isPluralTopic(t) ? 'are' : 'is'} ${the}?`, ...whoPays, `What do I need to know about ${the}?`];
}

/**
 * The question a customer asks about an English topic heading whose text defines nothing, by its kind:
 * a period (Warranty periods → How long are the warranty periods?), a place the text sends to (PO boxes
 * over "We can deliver to PO boxes" → Do you deliver to PO boxes?), a kind of a shop process (Express
 * replacement → How does express replacement work?). Undefined when the text defines the topic (A PO box
 * is …) or the heading is no such topic: it keeps "What is/are …?".
 */
function enTopicQuestion(topic: string, text: string, names: ReadonlySet<string>): string | undefined {
  const escaped = escapeRegExp(topic);
  if (new RegExp(`(?:^|[.!?]\\s)(?:an?\\s+|the\\s+)?${escaped}\\s+(?:is|are|means?|refers? to)\\s`, 'iu').test(text)) return undefined;
  const plural = isPluralTopic(topic);
  if (/\bperiods?$/iu.test(topic)) return `How long ${plural ? 'are' : 'is'} ${withThe(topic)}?`;
  const sent = new RegExp(`\\b(deliver|ship|send|post)(?:s|ping)?\\s+to\\s+${escaped}\\b`, 'iu').exec(text)?.[1];
  if (sent !== undefined) return `Do you ${sent.toLowerCase()} to ${lowerFirst(topic, names)}?`;
  const kind = /^(\p{L}+)\s+(\p{L}+)$/u.exec(topic);
  if (kind?.[1] !== undefined && kind[2] !== undefined && EN_WORKS.test(kind[2]) && !/^(?:the|a|an|my|your|our|their|this|that|all|no|other)$/iu.test(kind[1])) {
    return `How ${plural ? 'do' : 'does'} ${topic.toLowerCase()} work?`;
  }
  return undefined;
}

/** A heading about where parcels go: Shipping to Hong Kong, Delivery outside the EU, International shipping to Canada. */
const EN_SHIPPING_TO = /^(?:international\s+)?(?:shipping|delivery|deliveries|shipments?)\s+(to|outside|within|in)\s+(\p{L}.{1,60})$/iu;

/** A topic that names a problem: missing, late, damaged, lost, broken, wrong … items. */
const EN_PROBLEM = /\b(?:missing|missed|late|delayed|damaged|lost|broken|faulty|defective|wrong|stolen|incorrect)\b/iu;

/**
 * What in a topic can take time or cost money: the topic without the words that name a page
 * (policy, options, information) or a price (fees, costs): Delivery options and fees → delivery,
 * Returns & Refunds Policy → Returns & Refunds; undefined when nothing is left.
 */
function measurableTopic(topic: string): string | undefined {
  const parts = topic
    .split(/(\s*(?:,|&|\band\b)\s*)/u)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(EN_DOCUMENT_HEAD, '').replace(/\b(?:fees?|costs?|charges?|prices?|times)$/iu, '').replace(/^(?:fees?|costs?|charges?|prices?)\s+(?:for|of)\s+/iu, '').trim()));
  const words: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const part = parts[i] ?? '';
    if (part === '') continue;
    if (words.length > 0) words.push(parts[i - 1] ?? ' ');
    words.push(part);
  }
  const out = words.join('').trim();
  return /\p{L}{3}/u.test(out) ? out : undefined;
}

/** the return window; my order, your warranty and SMS codes as they are. */
function withThe(t: string): string {
  return /^(?:the|a|an|my|your)\s/iu.test(t) || /^[A-Z]{2,}/u.test(t) ? t : `the ${t}`;
}

/** Modals a relative clause heading uses, as a question writes them (cannot → can't). */
const EN_CLAUSE_MODALS: Readonly<Record<string, string>> = {
  can: 'can', cannot: "can't", "can't": "can't", 'can’t': "can't", will: 'will', "won't": "won't", 'won’t': "won't",
  may: 'can', must: 'must', should: 'should', "don't": "don't", 'don’t': "don't", do: 'do',
};

/**
 * A plural noun phrase and a relative clause without "that", whose subject is the shop or the
 * customer: Items we cannot accept back → Which items can't you accept back?, Countries we ship to →
 * Which countries do you ship to?, Products you can return → Which products can I return?
 * (Items we cannot accept back asked "What should I do if items we cannot accept back?": its "we"
 * read as a customer's situation.) Undefined for any other heading.
 */
function enWhichClause(topic: string, names: ReadonlySet<string>): string[] | undefined {
  const m = /^((?:\p{L}+\s+){0,2}\p{L}+)\s+(we|you)\s+(?:(cannot|can't|can’t|can|will|won't|won’t|may|must|should|don't|don’t|do)\s+(not\s+)?)?(\p{Ll}+)\b(.*)$/iu.exec(topic);
  if (m?.[1] === undefined || m[2] === undefined || m[5] === undefined) return undefined;
  const noun = m[1];
  if (/\b(?:i|my|me|our|if|when|what|how|why|where|which|who|that)\b/iu.test(noun) || !isPluralTopic(noun)) return undefined;
  // a verb after the subject, not a word of another kind (Items we sell; not Items you are sent: no modal, a be verb)
  if (/^(?:are|is|were|was|have|has|had|am|be)$/iu.test(m[5])) return undefined;
  const who = m[2].toLowerCase() === 'we' ? 'you' : 'I';
  const modal = m[3] === undefined ? undefined : EN_CLAUSE_MODALS[m[3].toLowerCase()];
  const negated = m[4] !== undefined;
  const rest = asCustomer(`${m[5]}${m[6] ?? ''}`.trim());
  const which = `Which ${lowerFirst(noun, names)}`;
  let asked: string;
  if (modal === undefined || modal === 'do') asked = `${which} do ${who}${negated ? ' not' : ''} ${rest}?`;
  else if (negated) asked = `${which} ${modal === 'can' ? "can't" : modal === 'will' ? "won't" : `${modal}n't`} ${who} ${rest}?`;
  else asked = `${which} ${modal} ${who} ${rest}?`;
  // what the shop accepts or takes back is what can be returned, as customers ask it (what can't be returned)
  if (who === 'you' && /^(?:accept|take)\s+back$/iu.test(rest) && (modal === "can't" || modal === 'can' || modal === "won't" || modal === "don't")) {
    return [asked, `${which} ${modal === 'can' ? 'can' : "can't"} be returned?`];
  }
  return [asked];
}

/** A heading that tells what happened to the customer: My parcel arrived damaged, I was charged twice. */
function isSituation(topic: string): boolean {
  return /\b(?:i|my|me|we)\b|(?<!^)\bour\b/iu.test(topic) && topic.split(/\s+/u).length >= 3;
}

function enContent(input: SectionInput, topic: string | undefined, out: GeneratedQuestion[], names: ReadonlySet<string>): void {
  const add = (question: string, rule: GenerationRule): void => {
    out.push({ question, rule });
  };
  // "How long does what is not covered take?": templates put the topic where a thing goes, so a
  // heading that is a question or a how-to gets them only as "it … to <do>" (how to make a claim →
  // How long does it take to make a claim?), and not at all when it is another kind of question
  const howTo = topic !== undefined ? /^how\s+(?:to|do\s+i|can\s+i)\s+(.+?)\??$/iu.exec(topic)?.[1] : undefined;
  // a situation heading (My parcel arrived damaged) is no thing either: How long does my parcel arrived damaged take?
  const situation = topic !== undefined && isSituation(topic);
  // nor is a problem: How long do damaged items take?
  // nor is a page of general information, who a page is for or when it applies, or a statement
  const notAThing = topic === undefined || EN_GENERIC_HEADING.test(topic) || EN_LEADING_WORD.test(topic) || EN_CLAUSE_HEADING.test(topic) || EN_UNPAID_TASK.test(topic) || (isGerundHeading(topic) && !EN_ACTIVITY.test(topic));
  const about = notAThing || howTo !== undefined || situation || EN_QUESTION_START.test(topic) || EN_PROBLEM.test(topic) ? undefined : EN_ACTIVITY.test(topic) ? toShop(asCustomer(lowerFirst(topic, names))) : inQuestion(topic, names);
  // Sending your product to us: a task, timed as doing it (How long does it take to send my product to you?)
  const activityTask = about !== undefined && EN_ACTIVITY.test(topic ?? '') ? asTask(about) : undefined;
  // a page takes no time and costs nothing, what it is about may: Delivery options and fees → How
  // much does delivery cost? (not How much do delivery options and fees cost?)
  // two topics in a sentence's case, as their heading question has them: How long do returns and refunds take?
  // (was How long do Returns & Refunds take?; a name's capitals stay: How long does Parent PLUS Loan Application take?)
  const measurable = about !== undefined ? measurableTopic(EN_PAIR.test(about) ? sentenceCase(about, names).replace(/\s+&\s+/gu, ' and ') : about) : undefined;
  const does = measurable !== undefined && isPluralTopic(measurable) ? 'do' : 'does';
  let time = false;
  let fee = false;
  let eligible = false;
  for (const s of sentences(input.text)) {
    if (s.length > 500) continue;
    if (looksLikeQuestion(s) && s.length <= 150) add(s.replace(/\?*$/u, '?'), 'question-line');
    const def = EN_DEFINITION.exec(s);
    // "This means …" defines no term
    if (def?.[1] !== undefined && def[1].split(/\s+/u).length <= 5 && !/^(?:this|that|it|these|those|which|what)$/iu.test(def[1].trim())) add(`What is ${lowerFirst(def[1].trim(), names)}?`, 'definition');
    const todo = EN_TO_DO.exec(s);
    if (todo?.[1] !== undefined) add(`How do I ${asCustomer(todo[1].trim())}?`, 'procedure');
    const can = EN_CAN.exec(s);
    const canIn = can === null ? undefined : embeddedIn(s, can);
    const canDo = canIn === undefined ? clauseObject(can) : undefined;
    // "learn how you can lower your payment": How can I lower my payment?
    const howCan = canIn === 'how' ? clauseObject(can) : undefined;
    if (howCan !== undefined) add(`How can I ${asCustomer(howCan.replace(/\bbe\s+able\s+to\s+/iu, ''))}?`, 'procedure');
    // "you may need to pay a copay": what one must do, not what one is allowed to
    const mayNeed = /^need\s+to\s+(.+)$/iu.exec(canDo ?? '');
    if (mayNeed?.[1] !== undefined) add(`Do I need to ${asCustomer(mayNeed[1])}?`, 'duty');
    // you may have had contact / may not be affected / may be eligible: what is possible, not allowed
    // …nor is "you may want to" (advice) or "you can t" (a lost apostrophe: can't); "you may still be
    // able to avoid default" can
    else if (canDo !== undefined && !/^(?:have\s+(?:been|had|\w+ed)|be(?!\s+able\s+to\b)|not|want|wish|t|use\s+to)\b/iu.test(canDo)) add(`Can I ${asCustomer(canDo.replace(/\bbe\s+able\s+to\s+/iu, ''))}?`, 'permission');
    // …but "you may be eligible for X" is what a customer asks: Am I eligible for X?
    const mayBe = /^be\s+(eligible(?:\s+for\s+[a-z][\w\s-]{2,40})?)$/iu.exec(canDo ?? '');
    if (mayBe?.[1] !== undefined) add(`Am I ${asCustomer(mayBe[1])}?`, 'right');
    const dutyMatch = EN_DUTY.exec(s);
    const duty = dutyMatch === null || embeddedIn(s, dutyMatch) !== undefined || clauseObject(dutyMatch) === undefined ? null : dutyMatch;
    if (duty?.[1] !== undefined) add(`Do I have to ${asCustomer(duty[1].trim())}?`, 'duty');
    // "You have 30 days from delivery to return most items": How long do I have to return items?
    const window = EN_YOU_HAVE_TIME.exec(s);
    if (!time && window?.[1] !== undefined && EN_AFTER_SALES_ACT.test(window[1])) {
      time = true;
      add(`How long do I have to ${asCustomer(window[1].trim().replace(/^(\p{L}+)\s+(?:most|all|any|some)\s+/u, '$1 '))}?`, 'time-limit');
    }
    // "you have the right to cancel your contract": Can I cancel my contract?
    const entitled = clauseObject(EN_RIGHT_TO.exec(s));
    if (entitled !== undefined) add(`Can I ${asCustomer(entitled)}?`, 'right');
    if (!time && EN_TIME.test(s)) {
      time = true;
      if (duty?.[1] !== undefined) add(`How long do I have to ${asCustomer(duty[1].trim())}?`, 'time-limit');
      else if (about !== undefined && /\b(?:window|period|deadline|limit|time|warranty|guarantee)$/iu.test(about)) add(`How long is ${withThe(about)}?`, 'time-limit');
      // a task takes the time doing it takes: Start a Return → How long does it take to start a return?
      else if (activityTask !== undefined) add(`How long does it take to ${activityTask}?`, 'time-limit');
      else if (topic !== undefined && EN_TASK.test(topic)) add(`How long does it take to ${asAsker(verbFirst(sentenceCase(topic, names)))}?`, 'time-limit');
      // only a process or an activity takes time (delivery, an appeal, returning my item): How long do Monthly Payments take? asks nothing
      else if (measurable !== undefined && (EN_PROCESS.test(measurable) || /^\p{L}+ing\b/u.test(measurable))) add(`How long ${does} ${measurable} take?`, 'time-limit');
      // "We reply within 24 hours" is how soon the shop answers, not how long the task takes (How long does it take to claim?)
      else if (howTo !== undefined && !EN_SHOP_REPLIES.test(s)) add(`How long does it take to ${howTo}?`, 'time-limit');
    }
    if (!fee && EN_FEE.test(s) && howTo !== undefined) {
      fee = true;
      add(`How much does it cost to ${howTo}?`, 'fee');
    }
    // only what has a price costs something: a licence, a test, delivery (not Doing Business With Us)
    const task = topic !== undefined && EN_TASK.test(topic);
    if (!fee && EN_FEE.test(s) && measurable !== undefined && !task && EN_PRICED.test(measurable) && !/^if\b/iu.test(measurable)) {
      fee = true;
      add(`How much ${does} ${measurable} cost?`, 'fee');
      if (/\b(?:pay|paid|responsible)\b/iu.test(s)) add(`Who pays for ${about}?`, 'who-pays');
    }
    // free on orders over £30: how much one spends for it (as 满多少钱包邮？)
    if (EN_FREE_OVER.test(s) && measurable !== undefined && /^(?:delivery|shipping|postage)$/iu.test(measurable)) add(`How much do I need to spend for free ${measurable}?`, 'fee');
    // a task costs what doing it costs: Renew a Non-Driver ID Card → How much does it cost to renew a non-driver ID card?
    if (!fee && EN_FEE.test(s) && task) {
      fee = true;
      add(`How much does it cost to ${asCustomer(sentenceCase(topic ?? '', names))}?`, 'fee');
    }
    // one is eligible for a benefit, a program or a card, not for a page (Map of Regions, Eligibility Requirements)
    if (!eligible && EN_ELIGIBLE.test(s) && about !== undefined && EN_BENEFIT.test(about) && !EN_NOT_BENEFIT.test(about)) {
      eligible = true;
      add(`Who is eligible for ${about}?`, 'right');
    }
  }
  if ((input.steps?.length ?? 0) >= 2 && about !== undefined && !/^how\b/iu.test(about)) add(`How do I ${/^(?:apply|get|renew|request|file|change|replace|register|report|cancel|pay)\b/iu.test(about) ? about : `get ${about}`}?`, 'procedure');
}

// ---------------------------------------------------------------- tables

/** At most this many rows of one table become questions. */
const MAX_TABLE_ROWS = 8;
const FEE_HEADER = /费|价|钱|金额|收费|fee|cost|price|charge/iu;
/** A first column that names where a parcel goes: 配送地区, 送货范围, Destination. */
const PLACE_HEADER = /^(?:配送|送货|收货|派送|寄送)?(?:地区|区域|范围|地点|城市|省份|目的地)$|^(?:region|area|zone|destination|country|delivery\s+area)$/iu;
/** A time column that names what happens: 到账时间, 发货时效. */
const ARRIVAL_HEADER = /^(到账|到货|送达|发货)(?:时间|时效)$/u;
const TIME_HEADER = /时效|时间|时长|天数|工作日|多久|time|days|duration|delivery\s+window/iu;
/**
 * A cell that says there is nothing: empty, n/a, none, –, 不适用 (PowerCube charger | 2 years | n/a asked
 * its battery). Not 无: 运费 | 无 answers how much.
 */
/** A column that answers yes or no (是否需要退回, 是否包邮, 能否退换): asked as its own question of each row. */
const YES_NO_HEADER = /^(是否|能否|可否)(\p{Script=Han}[\p{Script=Han}\w]{0,11})$/u;
const EMPTY_CELL = /^(?:n\/?a|none|nil|[-–—\/]|不适用)?$/iu;
/** A duration as a cell gives it: 1 year, 6 months, 90 days, 3–5 business days. */
const DURATION_CELL = /^(?:up\s+to\s+|within\s+)?\d+(?:\s*[-–]\s*\d+)?\s+(?:(?:business|working|calendar)\s+)?(?:hours?|days?|weeks?|months?|years?)$/iu;

/** A duration as a Chinese cell gives it: 1年, 6个月, 3-5个工作日, 三年. */
const ZH_DURATION_CELL = /^(?:\d+(?:\s*[-–~至]\s*\d+)?|[一二三四五六七八九十两半]+)\s*(?:个)?(?:小时|个工作日|工作日|天|日|周|个月|月|年)$/u;

/** A label in sentence case (Home delivery, Express next day) as it reads inside a question: lower-cased. */
function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}+(?:\s+\p{Ll}+)+$/u.test(label) ? label.toLowerCase() : label;
}

/** The cells of column `i` after the label that rows fill. */
function filledCells(rows: readonly (readonly string[])[], i: number): string[] {
  return rows.map((r) => (r[i + 1] ?? '').trim()).filter((c) => !EMPTY_CELL.test(c));
}

/** Does column `i` after the label hold durations (1 year, 6 months, n/a; 1年, 6个月) in every row that fills it? */
function isDurationColumn(rows: readonly (readonly string[])[], i: number): boolean {
  const cells = filledCells(rows, i);
  return cells.length > 0 && cells.every((c) => DURATION_CELL.test(c) || ZH_DURATION_CELL.test(c));
}

/** A price as a cell gives it: ¥899, ￥600起, 199元, $49.99, £20 each, 免费, Free. */
const PRICE_CELL = /^(?:(?:[¥￥$€£]|RMB|CNY|USD)\s*\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s*(?:元|块|yuan))\s*(?:起|以上|\/次|每次|\+|each|and\s+up|from)?$/iu;
const FREE_CELL = /^(?:免费|免收|不收费|free(?:\s+of\s+charge)?)$/iu;

/** Does column `i` after the label hold prices (¥899, 免费) in every row that fills it, one at least with a number? */
function isPriceColumn(rows: readonly (readonly string[])[], i: number): boolean {
  const cells = filledCells(rows, i);
  return cells.some((c) => PRICE_CELL.test(c)) && cells.every((c) => PRICE_CELL.test(c) || FREE_CELL.test(c));
}

/** What a Chinese column over durations names as a service (整机保修, 质保期, 包换): the word a bare column borrows. */
const ZH_DURATION_SERVICE = /(保修|质保|包换|包退|保换|保质期|有效期|保修期|质保期)$/u;

/**
 * A Chinese column over durations as a question asks it: 小家电整机保修多久？; a column that names only a
 * part (主要部件) beside one that names the service borrows it — 小家电主要部件保修多久？ (was
 * 小家电的主要部件是什么？, a question the table does not answer).
 */
function zhDurationQuestion(label: string, columns: readonly string[], i: number, rows: readonly (readonly string[])[]): string {
  const column = columns[i] ?? '';
  if (ZH_DURATION_SERVICE.test(column)) return `${label}${column}多久？`;
  const service = columns.map((other, c) => (c !== i && isDurationColumn(rows, c) ? ZH_DURATION_SERVICE.exec(other)?.[1] : undefined)).find((w) => w !== undefined);
  return service !== undefined ? `${label}${column}${service}多久？` : `${label}的${column}是多久？`;
}

/**
 * An English column's name as a question says it: a bare noun over durations, beside a column of
 * durations that names its measure, takes that measure (Product | Warranty period | Battery → the
 * battery warranty period, was What is the battery for AirLite Pro earbuds?).
 */
function enColumnName(columns: readonly string[], i: number, rows: readonly (readonly string[])[]): string {
  const column = columns[i] ?? '';
  if (/\s/u.test(column) || TIME_HEADER.test(column) || !isDurationColumn(rows, i)) return enColumnWords(column);
  const measure = columns.find((other, c) => c !== i && /\s(?:period|time|life|term)$/iu.test(other) && isDurationColumn(rows, c));
  return enColumnWords(measure === undefined ? column : `${column} ${measure}`);
}

/** A size chart's first column: 尺码 | 胸围 | 衣长 …, Size | Chest | Length, UK size | EU size | Bust (cm). */
const SIZE_HEADER = /^(?:尺码|码数|码号|尺寸|号码|号型|(?:(?:uk|us|eu|au|int(?:ernationa)?l)\s+)?size)$/iu;

/** A unit an English column names in brackets: Bust (cm), Chest (in), Weight (kg) — no part of what is asked. */
const EN_COLUMN_UNIT = /\s*[([](?:cm|mm|m|in|inch(?:es)?|"|ft|kg|g|lbs?|oz|ml|l|cl|°?[cf]|%|[£$€])[)\]]\s*$/iu;

/** An English column's words as a question says them: its unit left out, acronyms (UK, EU, US) kept in capitals. */
function enColumnWords(column: string): string {
  return column
    .replace(EN_COLUMN_UNIT, '')
    .split(/(\s+)/u)
    .map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : w.toLowerCase()))
    .join('');
}

/**
 * A column whose header is a clause, not a noun (Payment method | Refund appears in your account):
 * what it says happens is asked how long it takes, when its cells give times (was What is the refund
 * appears in your account for PayPal?).
 */
const EN_CLAUSE_COLUMN = /^\p{L}+(?:\s+\p{L}+)?\s+(?:appears?|arrives?|reaches|gets|takes|shows|is\s+(?:paid|refunded|credited|returned|issued|delivered|sent))\b/iu;
/** A size chart's heading, without what it says it is: 连衣裙尺码表 → 连衣裙. */
const SIZE_TABLE_NAME = /(?:尺码对照表|尺码表|尺寸表|码表|尺码|尺寸)$/u;

/**
 * A size chart asks one question a row, naming every measure: 连衣裙S码的胸围、腰围、裙长是多少？,
 * 牛仔裤27码的腰围、臀围、裤长是多少？ — the garment from the chart's heading, the size as customers say it
 * (S码, 27码). Its labels are a letter or a number, which the row rule skips as no words: three size
 * charts asked about their XL rows only (2026-11-27, user test u7).
 */
function sizeQuestions(columns: readonly string[], rows: readonly (readonly string[])[], zh: boolean, topic: string | undefined, sizeColumn = 'size'): string[][] {
  // UK size | EU size | …: the size as the chart's first column names it (for UK size 12)
  const system = /^(\p{L}+)\s+size$/iu.exec(sizeColumn.trim())?.[1];
  const sizeWord = system === undefined ? 'size' : `${system.toUpperCase()} size`;
  const named = topic?.replace(SIZE_TABLE_NAME, '') ?? '';
  const garment = named !== topic && named.length >= 2 ? named : '';
  const out: string[][] = [];
  for (const row of rows.slice(0, MAX_TABLE_ROWS)) {
    const size = (row[0] ?? '').trim();
    const measures = columns.filter((c, i) => c !== '' && !EMPTY_CELL.test((row[i + 1] ?? '').trim()));
    if (size === '' || size.length > 12 || measures.length === 0) continue;
    if (zh) out.push([`${garment}${/^[A-Za-z0-9]{1,5}$/u.test(size) ? `${size}码` : size}的${measures.join('、')}是多少？`]);
    else out.push([`What is the ${joinedList(measures.map(enColumnWords))} for ${sizeWord} ${size}${garment === '' ? '' : ` ${garment}`}?`]);
  }
  return out;
}

/** A list as a sentence writes it: bust, waist and hips. */
function joinedList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/**
 * A data table (配送方式 | 时效 | 运费; Option | Delivery time | Fee) asks about each row: 顺丰快递的运费是多少？,
 * How much is Express delivery?, How long does Express delivery take? — the row's first cell is what a
 * customer names, the header says what they ask. Every row's first question comes before any row's
 * second (a cap on a section's questions then leaves out columns, not rows: the warranty table's
 * Pulse Watch 2, cables and refurbished rows had none). Empty and n/a cells ask nothing.
 * Question/answer tables are extracted instead (extract.ts).
 */
function tableQuestions(tables: readonly (readonly (readonly string[])[])[], zh: boolean, topic?: string): string[] {
  const out: string[][] = [];
  const lead: string[] = [];
  for (const table of tables) {
    const [header, ...rows] = table;
    if (header === undefined || header.length < 2 || rows.length === 0) continue;
    const columns = header.slice(1).map((h) => h.trim());
    if (SIZE_HEADER.test((header[0] ?? '').trim())) {
      out.push(...sizeQuestions(columns, rows, zh, topic, header[0]));
      continue;
    }
    // rows that name where a parcel goes (配送地区 | 时效 | 运费): 送到上海需要多长时间？, not 上海需要多长时间？
    const place = PLACE_HEADER.test((header[0] ?? '').trim());
    const names = zh ? columns : columns.map((_, i) => enColumnName(columns, i, rows));
    const durations = columns.map((_, i) => isDurationColumn(rows, i));
    // 维修项目 | 手机 | 笔记本电脑 with ¥ in the cells: the columns name what the price is for (手机换屏多少钱？,
    // was 换屏（原装屏幕总成）的手机是什么？)
    const prices = columns.map((_, i) => isPriceColumn(rows, i));
    for (const row of rows.slice(0, MAX_TABLE_ROWS)) {
      const cell = (row[0] ?? '').trim().replace(/[：:。.]+$/u, '');
      // Cables and adapters reads cables and adapters inside a question; AirLite Pro earbuds, Studio 700 headphones are names
      const label = zh ? cell : inSentence(cell);
      // a label customers would name: words, not a number or a sentence (an English name is longer: Pulse Watch 2 smart watch)
      if (label.length < 2 || label.length > (zh ? 24 : 40) || !/\p{L}{2}/u.test(label) || /[，,。；;]/u.test(label)) continue;
      const asked: string[] = [];
      for (const [i, column] of columns.entries()) {
        if (EMPTY_CELL.test((row[i + 1] ?? '').trim()) || column === '') continue;
        if (zh) {
          const to = place ? `寄到${label}` : label;
          const yesNo = YES_NO_HEADER.exec(column);
          // 坏果比例 | 是否需要退回 → 坏果≤10%需要退回吗？ (was 坏果≤10%的是否需要退回是什么？)
          if (yesNo !== null) asked.push(`${to}${yesNo[1] === '能否' ? '能' : yesNo[1] === '可否' ? '可以' : ''}${yesNo[2]!}吗？`);
          else if (FEE_HEADER.test(column)) asked.push(`${to}的${column}是多少？`);
          // (a bracket says which part: 换屏（原装屏幕总成） is asked as 换屏)
          else if (prices[i] === true) asked.push(`${column}${to.replace(/\s*[（(][^）)]*[）)]\s*/gu, '') || to}多少钱？`);
          // 支付方式 | 到账时间 → 银行卡多久到账？ (was 银行卡需要多长时间？)
          else if (ARRIVAL_HEADER.test(column)) asked.push(`${to}多久${ARRIVAL_HEADER.exec(column)?.[1] ?? ''}？`);
          else if (TIME_HEADER.test(column)) asked.push(`${to}需要多长时间？`);
          else if (durations[i] === true) asked.push(zhDurationQuestion(label, columns, i, rows));
          else asked.push(`${label}的${column}是什么？`);
        } else if (EN_CLAUSE_COLUMN.test(column)) {
          // Refunds: Payment method | Refund appears in your account → How long does a refund take for PayPal?
          const cell = (row[i + 1] ?? '').trim();
          const what = /^(\p{L}+)/u.exec(column)?.[1]?.toLowerCase() ?? '';
          if (EN_TIME.test(cell) || /\b(?:immediately|instantly|same\s+day|next\s+day)\b/iu.test(cell)) asked.push(`How long does ${/^[aeiou]/u.test(what) ? 'an' : 'a'} ${what} take for ${label}?`);
        } else if (FEE_HEADER.test(column)) {
          asked.push(place ? `How much is delivery to ${label}?` : `How much is ${label}?`);
          // Standard Delivery | £3.95 (free on orders over £50): when it is free, as customers ask it
          const kind = /\b(delivery|shipping|postage)\b/iu.exec(label)?.[1]?.toLowerCase();
          // (before the rows' questions: a section's cap of 8 left it out behind six rows' prices)
          if (kind !== undefined && EN_FREE_OVER.test(row[i + 1] ?? '')) lead.push(`How much do I need to spend for free ${kind}?`, `When is ${/^\p{Lu}\p{Ll}+(?:\s+\p{Lu}?\p{Ll}+)*$/u.test(label) ? label.toLowerCase() : label} free?`);
        }
        else if (TIME_HEADER.test(column)) asked.push(place ? `How long does delivery to ${label} take?` : `How long does ${label} take?`);
        // Repair | Phone | Laptop with prices in the cells: How much is screen replacement for a phone?
        else if (prices[i] === true) {
          const bare = label.replace(/\s*\([^)]*\)\s*/gu, ' ').trim() || label;
          asked.push(`How much is ${inSentence(bare)} for ${names[i] ?? column.toLowerCase()}?`);
        }
        // a column of durations (Warranty period: 1 year, 6 months) is asked how long, as customers ask it
        else if (durations[i] === true) asked.push(`How long is the ${names[i] ?? column.toLowerCase()} for ${label}?`);
        else asked.push(`What is the ${names[i] ?? column.toLowerCase()} for ${label}?`);
      }
      out.push(asked);
    }
  }
  return [...lead, ...interleave(out)];
}

// ---------------------------------------------------------------- both

/** A question that names only who: 经营者有哪些义务？/ 消费者有哪些权利？ */
const ZH_GENERIC = /^[^，]{2,16}有哪些(?:义务|权利)？$/u;

/** How a document names itself in its text (本政策适用于…): the words its title may end in. */
const ZH_THIS_DOCUMENT = /^本(政策|规定|办法|细则|条款|协议|规则|说明|须知)/u;

/**
 * 本政策适用于哪些商品？ under 小橙优选退换货政策 → 小橙优选退换货政策适用于哪些商品？: a question names the
 * document as its title does, when the title ends in the word the text uses. Mutates the questions.
 */
function namedDocument(questions: GeneratedQuestion[], headingPath: readonly string[]): void {
  const title = headingTopic(headingPath.slice(0, 1));
  if (title === undefined) return;
  for (const q of questions) {
    const self = ZH_THIS_DOCUMENT.exec(q.question);
    if (self?.[1] !== undefined && title.endsWith(self[1]) && title.length > self[0].length) q.question = title + q.question.slice(self[0].length);
    // a scope field's question (适用于哪些商品？) names the document it scopes
    else if (q.rule === 'right' && q.question.startsWith('适用于') && headingPath.length === 1) q.question = title + q.question;
  }
}

/** A size guide's heading: Size Guide, Sizing chart, Size charts. */
const EN_SIZE_GUIDE = /\b(?:size|sizing)\s+(?:guides?|charts?|tables?|help)\b/iu;

/**
 * A thing a size guide has a chart for (Size Guide › Women's clothing, › Shoes) is asked about as
 * its size chart: What is the size chart for women's clothing? (was What is the women's clothing?,
 * What are the shoes?). Other headings' questions as they are.
 */
function sizeGuideHeading(questions: string[], topic: string, headingPath: readonly string[], names: ReadonlySet<string>): string[] {
  const first = questions[0];
  if (first === undefined || !headingPath.slice(0, -1).some((h) => EN_SIZE_GUIDE.test(h)) || /\bsiz(?:e|es|ing)\b|\bmeasur/iu.test(topic)) return questions;
  if (!/^What (?:is|are) the /u.test(first)) return questions;
  const thing = lowerFirst(sentenceCase(topic, names), names);
  return [`What is the size chart for ${thing}?`, `How do I find my size in ${thing}?`, ...questions.slice(1)];
}

const RULE_ORDER = new Map(GENERATION_RULES.map((r, i) => [r, i]));

/**
 * The questions for one section, best first: the heading's questions when the heading has words,
 * then the content's in rule order (question lines the text asks, definitions, conditions …).
 * Deduplicated after normalization; at most `max`.
 */
export function generateQuestions(input: SectionInput, options: GenerateOptions = {}): GeneratedQuestion[] {
  const language = input.language ?? languageOf(`${input.headingPath.join(' ')} ${input.text.slice(0, 400)}`);
  const heading = headingTopic(input.headingPath);
  const found: GeneratedQuestion[] = [];
  const names = language === 'zh' ? NO_NAMES : properNames(input.text);
  // DELIVERY TIMES AND COSTS is asked about as delivery times and costs
  const topic = heading === undefined || language === 'zh' ? heading : caseFolded(heading, input.text);
  if (topic !== undefined) {
    // a heading that asks as written is a question line; an English phrase kb turned into a question is the heading rule's
    const rule = headingIsQuestion(topic) && (language === 'zh' || enPhraseQuestion(topic) === undefined) ? 'question-line' : 'heading';
    const parent = input.headingPath.length >= 3 ? headingTopic(input.headingPath.slice(0, -1)) : undefined;
    const context = parent === undefined ? { text: input.text } : { text: input.text, parent };
    const asked = language === 'zh' ? zhHeading(topic, manualProduct(input.headingPath), context) : sizeGuideHeading(enHeading(topic, names, enProduct(input.headingPath, input.text), input.text), topic, input.headingPath, names);
    for (const question of asked) found.push({ question, rule });
  }
  const content: GeneratedQuestion[] = [];
  const duties: GeneratedQuestion[] = [];
  if (language === 'zh') zhContent(input, topic, content, duties);
  else enContent(input, topic, content, names);
  if (language === 'zh') namedDocument(content, input.headingPath);
  // 本规则的目的是什么？ under a title that calls itself otherwise (…处理总则) names no document: not asked
  if (language === 'zh') content.splice(0, content.length, ...content.filter((q) => q.rule !== 'purpose' || !ZH_THIS_DOCUMENT.test(q.question)));
  for (const question of tableQuestions(input.tables ?? [], language === 'zh', topic)) content.push({ question, rule: 'table-row' });
  // stable sort by rule keeps each rule's questions in text order
  content.sort((a, b) => (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0));
  // a policy's title over its opening lines (本政策适用于…): what those lines say comes first; the
  // title asked whole (小橙优选退换货政策是什么？) is answered by the whole document, not by this section
  // (a numbered heading is a chapter, not the title, though a Word document's headings under its title
  // paragraph have paths of one heading: 三、保修政策 asked its table's rows first and 保修政策是什么？ not at all)
  const title = input.headingPath.length === 1 && stripNumbering(input.headingPath[0] ?? '') === (input.headingPath[0] ?? '').trim();
  if (language === 'zh' && title && topic !== undefined && ZH_POLICY_SUFFIX.test(topic) && content.length > 0) content.push(...found.splice(0));
  // a section whose best question would be a generic 有哪些义务/权利 (five articles of one law: 经营者有哪些义务？)
  // asks what its duty is instead; other sections' questions already say what they are about
  if (found.length === 0 && (content.length === 0 || ZH_GENERIC.test(content[0]?.question ?? ''))) found.push(...duties);
  found.push(...content);
  const disabled = options.disabledRules;
  const seen = new Set<string>();
  const out: GeneratedQuestion[] = [];
  for (const g of found) {
    if (disabled?.has(g.rule) === true) continue;
    const key = questionKey(g.question);
    if (key.length < 2 || seen.has(key)) continue;
    seen.add(key);
    out.push(g);
    if (out.length >= (options.max ?? 8)) break;
  }
  return out;
}
