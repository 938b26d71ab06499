/**
 * The questions a Chinese heading asks (`zhHeading`), by the kind of topic it names: a question as
 * written, a problem (退款金额不对 → 退款金额不对怎么办？), a task (修改收货地址 → 如何修改收货地址？), a time
 * (退货期限), a fee (退货运费 → 由谁承担？ or 是多少钱？, by what the text says), a policy, a way of doing
 * (水果储存 → 水果怎么储存？), a manual's heading (使用方法, 故障排除, 规格参数) about its product, else
 * 是什么？. The heading kinds (ZH_POLICY_SUFFIX, ZH_NOTICE, ZH_PROBLEM …) are also what the content
 * rules check a topic against.
 */
import { headingIsQuestion } from './text.js';
import { escapeRegExp } from './topic.js';
import { zhFeeFacts } from './zh-fees.js';

export const ZH_POLICY_SUFFIX = /(?:政策|规定|规则|说明|须知|条款|制度|办法|标准|细则|要求)$/u;
const ZH_HOWTO_SUFFIX = /(?:流程|步骤|方法|指南|教程|攻略|方式)$/u;

/** A manual's heading naming a care task on a part: 机身的清洁, 滤网更换, 过滤网的清洗 (asked: 机身怎么清洁？). */
const ZH_CARE_TASK = /^(.{2,12}?)的?(清洁|清洗|保养|更换|拆卸|安装)$/u;

/** A manual's heading naming a function: 童锁功能, 预约功能 (asked: 童锁功能怎么用？). */
const ZH_FUNCTION = /^.{2,10}功能$/u;

/** A heading that names a problem (退款金额不对, 发票抬头开错了, 物流信息不更新, 快递显示签收但没收到): X怎么办？ */
// (a virtual good's troubles: 会员未生效, 卡密无效, 电子券过期, 账号被封; and a wrong input first: 充错号码或账号,
// 填错收货地址 — were 会员未生效是什么？ / 充错号码或账号是什么？)
const ZH_TROUBLE_END = '(?:不对|不符|不一致|错了|开错|填错|写错|拍错|发错|不更新|没更新|未更新|没收到|未收到|收不到|没到|未到|不到账|没到账|坏了|损坏|破损|丢了|丢失|漏发|错发|少发|少件|缺件|延迟|超时|失败|不成功|异常|被拒|打不开|用不了|登不上|未生效|没生效|不生效|无效|已失效|未开通|没开通|无法\\p{Script=Han}{2}|\\p{Script=Han}不了|不能用|被封|被盗|已过期|过期|重复扣费)';
export const ZH_PROBLEM = new RegExp(`^\\p{Script=Han}[^，。；,;：:]{1,18}${ZH_TROUBLE_END}$|^\\p{Script=Han}{0,4}(?:充错|填错|输错|写错|选错|买错|下错|绑错|转错|付错)\\p{Script=Han}[^，。；,;：:]{0,10}$`, 'u');

/** A heading that is a defect goods show, alone or two of them (缩水, 褪色与染色, 起球): X怎么办？ (was 缩水是什么？). */
const ZH_DEFECT_WORD = '(?:缩水|褪色|掉色|串色|染色|起球|开线|脱线|掉毛|变形|起皱|开胶|脱胶|漏水|异味|发霉|生锈|划痕|色差|破洞|掉漆|断裂|卡顿|死机|发烫|漏电|异响)';
const ZH_DEFECT = new RegExp(`^${ZH_DEFECT_WORD}(?:(?:与|和|及|、)${ZH_DEFECT_WORD})*$`, 'u');

/** A word that ends in a trouble (破损, 过期, 充值失败): each part of a problem heading that joins two (破损与丢失; not 临期与过期, a state and a trouble). */
const ZH_TROUBLE_WORD = new RegExp(`${ZH_TROUBLE_END}$`, 'u');

/** Two or more topics joined, each of them a problem (破损与丢失), or a heading that joins none. */
function allTroubles(topic: string): boolean {
  const parts = topic.split(/与|及|和|、/u);
  return parts.length < 2 || parts.every((p) => ZH_TROUBLE_WORD.test(p));
}

/** A heading that names a task (修改收货地址, 取消订单, 申请发票): 如何X？ */
const ZH_TASK = /^(?:修改|更改|取消|申请|办理|查询|查看|更换|绑定|解绑|注销|注册|登录|联系|兑换|领取|激活|找回|重置|开具|补开|换开|退订|预约|投诉|催促|加急)\p{Script=Han}{2,10}$/u;

/** A task word followed by what it needs, not what it acts on (申请条件, 查询方式, 开具发票的要求): a noun heading, no task. */
const ZH_TASK_NOUN = /(?:条件|流程|时间|方式|规则|渠道|标准|须知|要求|材料|说明|时限|期限|范围|政策|规定|方法|步骤|指南|入口|进度|记录|资格|费用)$/u;

const ZH_TIME_SUFFIX = /(?:时间|时效|期限|周期|时限)$/u;
const ZH_FEE_SUFFIX = /(?:费用|运费|邮费|收费|价格|费)$/u;

/** A verb of paying, not a fee (自动续费, 话费扣费, 按时缴费): asked what it is, not how much it is or who pays it. */
const ZH_PAYING = /(?:续|扣|缴|交|付|充)费$/u;

/** A heading about who bears a fee: 运费承担, 退货运费的承担. */
const ZH_FEE_BORNE = /的?(?:承担|负担|支付)(?:方式|规则|说明|标准)?$/u;

/** Headings that name a notice, not a topic: no time limit or procedure to ask about them by name. */
export const ZH_NOTICE = /(?:提示|说明|须知|注意事项|备注|声明|公告|告知书|事项|原因)$/u;

export const ZH_NOT_OPERATED = new RegExp(`${ZH_POLICY_SUFFIX.source}|${ZH_HOWTO_SUFFIX.source}|${ZH_TIME_SUFFIX.source}|${ZH_FEE_SUFFIX.source}|${ZH_NOTICE.source}`, 'u');

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
export const ZH_TWO_TOPICS = /^\p{Script=Han}{2,8}(?:与|及|、)\p{Script=Han}{2,8}$/u;

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
const OBJECT_TASK_VERBS = '查询|开具|申请|办理|取消|修改|变更|退订|绑定|解绑|注销';
const ZH_OBJECT_TASK = new RegExp(`^(\\p{Script=Han}{2,6}?)(${OBJECT_TASK_VERBS})$`, 'u');
/** Two such tasks on one object (订单查询与修改, 发票申请和开具): 如何查询订单？ 如何修改订单？ */
const ZH_OBJECT_TASKS = new RegExp(`^(\\p{Script=Han}{2,6}?)(${OBJECT_TASK_VERBS})[与和及、](${OBJECT_TASK_VERBS})$`, 'u');

/** A heading that names when something arrives (退款到账, 商品送达): how long until it does. */
// (not one negated or after a second topic: 物流延迟与未送达 is a trouble, it asked 物流延迟与未多久送达？)
const ZH_ARRIVAL = /^(\p{Script=Han}{2,6}?)(?<![未没不无与及和、])(到账|到货|送达)$/u;

/** A heading that names the hours of an activity (直播时间, 营业时间, 客服工作时间): at what time, not how long it takes. */
const ZH_SCHEDULE = /^(\p{Script=Han}{0,4}?)(直播|开播|营业|工作|办公|上班|值班|接待)时间$/u;

/** A service granted for a time (保修, 质保): its 期限 asks how long it lasts, not how long it takes. */
const ZH_GRANTED_SERVICE = /(?:保修|质保|保价|包换|包退)$/u;

/** A heading that names a kind of goods, orders, customers or places (普通商品, 大件商品, 偏远地区): a part of its parent's topic. */
const ZH_KIND = /^\p{Script=Han}{2,6}(?:商品|订单|会员|用户|客户|地区|产品)$/u;

/** A kind of goods (冷冻冷藏商品, 嵌入式产品; not 拍错与修改订单, two topics, nor 会员 or 订单). */
// (nor which goods a text is about, 适用产品 of an installation manual, 相关商品, 以下商品: no kind)
const ZH_GOODS_KIND = /^(?![^与和及、]*[与和及、])(?!适用|相关|以下|上述|其他|其它|本)\p{Script=Han}{2,6}(?:商品|产品|食品)$/u;

/** A heading that names a service and nothing more (退换货, 配送说明, 售后服务): a kind under it asks what is done to it. */
const ZH_SERVICE_PARENT = /^(?:退换货|退换|退货|换货|售后|售后服务|配送|发货|物流|保修|质保|维修|安装)(?:服务)?(?:说明|政策|规定|规则|须知)?$/u;

/** A heading that names what someone gets (会员权益, 新人福利): which ones, not what it "is". */
const ZH_BENEFITS = /^(\p{Script=Han}{2,6}?)(权益|福利|特权|优惠)$/u;

/** A heading that names the cases a rule is about by what holds for them (不属于保修的情况, 不支持退货的商品): which ones. */
// (and the numbers, accounts, devices or versions a service takes: 不支持充值的号码 → 哪些号码不支持充值？)
const ZH_WHICH_CASES = /^((?:不|非|无|可以|可|能|需要|需|支持|属于|适用)\p{Script=Han}{1,10})的(情况|情形|商品|订单|地区|原因|号码|账号|账户|设备|版本)$/u;

/**
 * A heading over a list of the cases a rule is about (以下情况不支持退换, 下列商品不适用七天无理由): which ones — when
 * what follows says what holds for them (不, 可, 需, 支持, 适用, 视为 …); 以下地区运费, 以下商品价格, 以下情况说明 and
 * 以下情况之一 name a table or a note, no case (运费的地区有哪些？ was asked of 以下地区运费).
 */
const ZH_LISTED_CASES = /^(?:以下|下列|如下)(情况|情形|商品|产品|订单|地区)((?:不|非|无|可|能|需|须|支持|适用|享受|享有|视为|属于|暂|均|一律|将)\p{Script=Han}{1,12})$/u;

/** What a service takes, named by that (支持的版本, 适用的设备): which ones (支持哪些版本？, was 支持的版本是什么？). */
const ZH_WHICH_SUPPORTED = /^(支持|适用|可用|可选)的(\p{Script=Han}{2,6})$/u;

/** What has causes a customer asks about: a trouble (失败, 错误, 故障, 被拒, 不…, 没…) or a charge they did not expect (扣费). */
const ZH_CAUSE_OF_TROUBLE = /失败|错误|报错|异常|故障|问题|被拒|被封|不|未|没|无法|延迟|延误|超时|扣费|扣款|投诉|差评|封号|冻结/u;

/** A heading that names the causes of a trouble (激活失败的常见原因, 充值失败原因): what causes it (was 如何激活失败的常见原因？). */
const ZH_CAUSES = /^(\p{Script=Han}{2,10}?)的?(?:常见|主要|可能|几种)?原因$/u;

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
  /** The document's title (鲜到家售后服务政策), for a kind of goods under no other heading. */
  title?: string;
}

/**
 * What a kind of goods is asked about under a heading or a title that names a service (退换货, 售后服务政策,
 * 冷链配送说明): 冷冻冷藏商品 → 冷冻冷藏商品可以退吗？ / 冷冻冷藏商品怎么配送？ (was 冷冻冷藏商品是什么？, which asks
 * for a definition no customer wants). The first service the title names decides; none, undefined.
 */
function kindQuestions(kind: string, about: string, text = ''): string[] | undefined {
  const services = [...about.matchAll(/(退换货|退换|退货|换货|售后|配送|发货|物流|快递|运输|保修|质保|维修|安装)/gu)].map((m) => m[1]);
  // a title of two services (商品配送与退换货说明): the one the section's text speaks of (生鲜食品…可申请退换), none when it names neither
  const service = services.length <= 1 ? services[0] : services.find((s) => s !== undefined && text.includes(s.slice(0, 2)));
  switch (service) {
    case '退换货': case '退换': return [`${kind}可以退换吗？`, `${kind}怎么退换？`];
    case '退货': return [`${kind}可以退货吗？`, `${kind}怎么退货？`];
    case '换货': return [`${kind}可以换货吗？`, `${kind}怎么换货？`];
    case '售后': return [`${kind}可以退吗？`, `${kind}怎么申请售后？`];
    case '配送': case '发货': case '物流': case '快递': case '运输': return [`${kind}怎么配送？`, `${kind}的配送有什么规定？`];
    case '保修': case '质保': case '维修': return [`${kind}怎么保修？`, `${kind}的保修期是多久？`];
    case '安装': return [`${kind}怎么安装？`, `${kind}安装收费吗？`];
    default: return undefined;
  }
}

/** A heading that names no topic, only that something more follows: 其他, 其它事项, 补充说明, 备注. */
const ZH_GENERIC_HEADING = /^(?:其他|其它)(?:事项|说明|规定|条款|约定)?$|^(?:补充说明|补充条款|备注|附注)$/u;

/**
 * What a topic heading's section does (水果储存, 瑕疵品换货, 保修期后维修, 缺斤少两处理, 冷链包装): a way of
 * doing something, asked how (水果怎么储存？) — not what it "is" (水果储存是什么？, a question no customer asks).
 */
// (a virtual good's: 会员服务的开通 → 会员服务怎么开通？, 话费充值 → 话费怎么充值？; not 续费: 自动续费 is no way 自动 is renewed)
// (a points or delivery page's: 积分获取 → 积分怎么获取？, 保温箱回收 → 保温箱怎么回收？; were 积分获取是什么？, a fresh-grocery trial)
const ZH_TOPIC_PROCESS = /^(\p{Script=Han}{0,8}?)的?(储存|存储|保存|存放|冷藏|解冻|包装|退换货|退换|换货|退货|退款|维修|寄修|送修|保修|保固|质保|赔付|理赔|补发|配送|发货|处理|开通|激活|兑换|核销|充值|获取|获得|使用|回收|领取|抵扣|计算)$/u;

/** How a way of doing is done, before its verb (在线激活, 电话激活, 自动充值, 快速开通, 线下核销): no thing it acts on. */
// (正确, 安全, 合理 since 使用 is a way of doing: 安全使用 asked 安全怎么使用？, review 2026-11-27)
const ZH_MANNER = /^(?:在线|线上|线下|网上|网页|电话|短信|自动|手动|人工|自助|远程|快速|极速|加急|到店|门店|批量|扫码|一键|免费|异地|正确|安全|合理|规范|文明)$/u;

/** When a way of doing is done (首次充值, 再次激活, 提前退款): a rule of that occasion. */
const ZH_OCCASION = /^(?:首次|首单|第一次|再次|二次|重新|重复|提前|延期|逾期|定期|当天|当日|次日|限时)$/u;

/** A period a heading names (鉴赏期, 保修期, 保质期): how long it is. */
const ZH_TOPIC_PERIOD = /^\p{Script=Han}{1,6}期$/u;

/** Where something is sent or served (配送范围, 服务范围): which places. */
const ZH_PLACE_SCOPE = /^(配送|送货|发货|服务|覆盖|派送)范围$/u;

/** A period stated in the text (保修期为六个月, 7天内, 15日): a service granted for a time asks how long. */
const ZH_TEXT_PERIOD = /[0-9一二三四五六七八九十两半百]+\s*(?:个)?(?:天|日|个月|月|年|小时)/u;

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
    // 在线激活, 自动充值: how it is done, no thing done (was 在线怎么激活？); 首次充值: a rule of the first time;
    // 不支持退款: which cases (was 不支持怎么退款？)
    if (ZH_MANNER.test(what)) return `如何${topic}？`;
    if (ZH_OCCASION.test(what)) return `${topic}有什么规定？`;
    if (/^(?:不|无法|不能|不可|禁止|拒绝)\p{Script=Han}*$/u.test(what) && what.length >= 2) return `哪些情况${topic}？`;
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

/** What a facet word names a topic by (退款方式 → 退款, 配送范围 → 配送): the topic a bare facet after 与 is about. */
/** What qualifies a rule or a question and names no topic (常见问题, 其他说明, 基本规则, 联系我们): no parent a way of doing is of. */
const ZH_NO_TOPIC = /^(?:常见|其他|其它|其余|一般|基本|具体|特别|特殊|补充|相关|重要|温馨|主要|更多|本店|本公司|本平台|我们|联系我们|关于我们|总则|附则)$|我们|您/u;

const ZH_FACET_WORD = /(?:方式|范围|流程|标准|规则|说明|政策|时间|时效)$/u;

/**
 * Each topic of a heading that names two (退款方式与到账时间 → 如何退款？, 退款到账需要多长时间？; 补发与换货 → 怎么补发？,
 * 怎么换货？), after 有什么规定？ (the whole section's), when each asks a question of its own kind; a bare facet after 与 is its first topic's (配送范围与时效 →
 * 配送时效). None when either would only ask what it is (恶劣天气与节假日).
 */
function twoTopics(topic: string): string[] {
  const [first = '', second = ''] = topic.split(/与|及|、/u);
  // (积分获取与使用: a bare way of doing after 与 is done to its first topic's object too — it asked 怎么使用？, review 2026-11-27)
  const done = ZH_TOPIC_PROCESS.exec(first)?.[1] ?? '';
  const about = ZH_FACET_WORD.test(first) ? first.replace(ZH_FACET_WORD, '') : done.length >= 2 && !ZH_MANNER.test(done) && !ZH_OCCASION.test(done) ? done : first;
  const other = about.length >= 2 && about !== first && (second.length <= 2 || /^(?:到账|送达|到货|发货|处理)/u.test(second)) ? `${about}${second}` : second;
  const asked = [zhHeading(first)[0], zhHeading(other)[0]];
  return asked.every((q) => q !== undefined && !/(?:是什么|有什么规定|指什么)？$/u.test(q)) ? (asked as string[]) : [];
}

/**
 * The questions a Chinese heading asks, best first (none for a heading that names nothing, 其他 or
 * 备注): the first kind of topic that fits decides them, in the order below. `product` is the
 * manual's product (`manualProduct`); `context` the section's text and the heading above.
 */
export function zhHeading(heading: string, product?: string, context: ZhHeadingContext = {}): string[] {
  // 关于物流延迟 / 有关退货: what the heading is about, without the preposition
  const topic = heading.replace(/^(?:关于|有关)(?=\p{Script=Han}{2})/u, '');
  const q: string[] = [];
  if (headingIsQuestion(topic)) return [topic.replace(/[?？]*$/u, '？')];
  // 九、其他 / 补充说明 / 备注: nothing to ask about (其他是什么？); what the text says is asked instead
  if (ZH_GENERIC_HEADING.test(topic)) return [];
  // 不属于保修的情况 → 哪些情况不属于保修？ (was 不属于保修的情况是什么？)
  const cases = ZH_WHICH_CASES.exec(topic);
  if (cases !== null) return [`哪些${cases[2] ?? ''}${cases[1] ?? ''}？`, `${topic}有哪些？`];
  // 以下情况不支持退换 → 哪些情况不支持退换？ (was 以下情况不支持怎么退换？, a clothing shop's user trial)
  const listed = ZH_LISTED_CASES.exec(topic);
  if (listed !== null) return [`哪些${listed[1] ?? ''}${listed[2] ?? ''}？`, `${listed[2] ?? ''}的${listed[1] ?? ''}有哪些？`];
  // 会员权益 → 会员有哪些权益？ (was 会员权益是什么？)
  // (not 赠品与优惠, two topics: it asked 赠品与有哪些优惠？)
  const supported = ZH_WHICH_SUPPORTED.exec(topic);
  if (supported !== null) return [`${supported[1] ?? ''}哪些${supported[2] ?? ''}？`, `${topic}有哪些？`];
  // 激活失败的常见原因 → 激活失败是什么原因？ (its task word made it 如何激活失败的常见原因？)
  // (退货原因 are the reasons a customer gives, no trouble's causes: it asked 退货是什么原因？)
  const causes = ZH_CAUSES.exec(topic);
  if (causes !== null && !/(?:与|及|和|、|或)$/u.test(causes[1] ?? '')) {
    if (ZH_PROBLEM.test(causes[1] ?? '') || ZH_CAUSE_OF_TROUBLE.test(causes[1] ?? '')) return [`${causes[1] ?? ''}是什么原因？`, `${causes[1] ?? ''}的原因有哪些？`];
    return [`${topic}有哪些？`, `${topic}是什么？`];
  }
  const benefits = ZH_BENEFITS.exec(topic);
  if (benefits !== null && !/(?:与|及|和|、|或)$/u.test(benefits[1] ?? '')) return [`${benefits[1] ?? ''}有哪些${benefits[2] ?? ''}？`, `${topic}有哪些？`];
  // 运费标准 / 普通商品 → 普通商品的运费标准是什么？ (was 普通商品是什么？: the kind asks about its parent's topic)
  const parent = context.parent;
  // (售后申请时效 / 活鲜商品 → 活鲜商品的售后申请时效是多久？: a time asks how long)
  // (退换货 / 嵌入式商品, a title 鲜到家售后服务政策 over 冷冻冷藏商品: a service asks what customers ask of it, 可以退吗, 怎么配送)
  const served = ZH_GOODS_KIND.test(topic) ? (parent !== undefined ? (ZH_SERVICE_PARENT.test(parent) ? kindQuestions(topic, parent) : undefined) : context.title !== undefined ? kindQuestions(topic, context.title, context.text) : undefined) : undefined;
  if (served !== undefined) return served;
  if (ZH_KIND.test(topic) && parent !== undefined && /^\p{Script=Han}{2,8}$/u.test(parent) && !parent.includes(topic)) return [`${topic}的${parent}${ZH_TIME_SUFFIX.test(parent) ? '是多久' : '是什么'}？`];
  // 退款金额不对, 发票抬头开错了, 物流信息不更新: a problem the customer has
  // (临期与过期: a state beside a trouble, no problem to act on — it asked 临期与过期怎么办？)
  if ((ZH_PROBLEM.test(topic) && allTroubles(topic)) || ZH_DEFECT.test(topic)) return [`${topic}怎么办？`];
  // 修改收货地址, 取消订单: a task the customer wants done
  if (ZH_TASK.test(topic) && !ZH_TASK_NOUN.test(topic)) return [`如何${topic}？`, `可以${topic}吗？`];
  // 订单查询与修改: two tasks on one object, each asked of it (was 如何修改订单查询与？)
  const tasks = ZH_OBJECT_TASKS.exec(topic);
  if (tasks !== null) return [`如何${tasks[2] ?? ''}${tasks[1] ?? ''}？`, `如何${tasks[3] ?? ''}${tasks[1] ?? ''}？`, `${topic}有什么规定？`];
  // 物流查询, 发票开具, 退款申请: the same task named object first (was 物流查询是什么？)
  const task = ZH_OBJECT_TASK.exec(topic);
  if (task !== null) return [`如何${task[2] ?? ''}${task[1] ?? ''}？`, `${topic}有什么规定？`];
  // 退款到账 → 退款多久到账？ (was 退款到账是什么？)
  const arrival = ZH_ARRIVAL.exec(topic);
  // (negated anywhere before it too: 退款未及时到账 would ask 退款未及时多久到账？)
  if (arrival !== null && !/[未没]/u.test(arrival[1] ?? '')) return [`${arrival[1] ?? ''}多久${arrival[2] ?? ''}？`, `${topic}需要多长时间？`];
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
  // 缺斤少两处理 / 申请方式 → 缺斤少两怎么申请？, 售后时效 / 申请方式 → 售后怎么申请？ (was 如何申请？, which names nothing
  // the customer asks about)
  // (not a parent that names no topic: 常见问题, 其他说明, 温馨提示, 基本规则, 相关规定, 联系我们 / 申请方式 asked
  // 常见怎么申请？, 温馨提示怎么申请？, 联系我们怎么投诉？ — review 2026-11-27)
  const named = parent === undefined ? undefined : /^(\p{Script=Han}{2,8}?)(?:的)?(?:处理|问题|规则|规定|须知|制度|细则|说明|政策|标准|办法|时效|时限|期限)?$/u.exec(parent)?.[1];
  const about = named === undefined || ZH_NO_TOPIC.test(named) || ZH_POLICY_SUFFIX.test(named) || ZH_NOTICE.test(named) || ZH_GENERIC_HEADING.test(named) ? undefined : named;
  if (ZH_HOWTO_SUFFIX.test(topic) && single(ZH_HOWTO_SUFFIX) && about !== undefined && /^\p{Script=Han}{2}$/u.test(base(ZH_HOWTO_SUFFIX)) && !about.includes(base(ZH_HOWTO_SUFFIX))) q.push(`${about}怎么${base(ZH_HOWTO_SUFFIX)}？`, `如何${base(ZH_HOWTO_SUFFIX)}？`, `${topic}是什么？`);
  else if (ZH_HOWTO_SUFFIX.test(topic) && single(ZH_HOWTO_SUFFIX)) q.push(`如何${base(ZH_HOWTO_SUFFIX)}？`, `${topic}是什么？`);
  // 保修期限 → 保修期是多久？ (was 保修需要多长时间？: a service lasts, it takes no time); 退货期限 → 多长时间内可以退货？
  else if (ZH_TIME_SUFFIX.test(topic) && single(ZH_TIME_SUFFIX) && /(?:期限|时限)$/u.test(topic) && ZH_GRANTED_SERVICE.test(base(ZH_TIME_SUFFIX))) q.push(`${base(ZH_TIME_SUFFIX)}期是多久？`, `${topic}是多久？`);
  // 直播时间 → 几点直播？ (was 直播需要多长时间？: the hours of the livestream, not its length)
  else if (ZH_SCHEDULE.test(topic)) q.push(`${ZH_SCHEDULE.exec(topic)?.[1] ?? ''}几点${ZH_SCHEDULE.exec(topic)?.[2] ?? ''}？`, `${topic}是几点？`);
  else if (ZH_TIME_SUFFIX.test(topic) && single(ZH_TIME_SUFFIX)) q.push(`${base(ZH_TIME_SUFFIX)}需要多长时间？`, `${topic}是多久？`);
  else if (ZH_FEE_SUFFIX.test(topic) && !ZH_PAYING.test(topic)) {
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
  else if (ZH_TWO_TOPICS.test(topic)) q.push(`${topic}有什么规定？`, ...twoTopics(topic), `${topic}怎么处理？`);
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
