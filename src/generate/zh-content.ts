/**
 * The questions a Chinese section's text asks (`zhContent`), sentence by sentence: question lines,
 * definitions (…是指…), what a thing includes (…包括…), conditions (…的，… → …怎么办？, …可以…吗？,
 * …多久…？), then the rules of zh-time.ts, zh-fees.ts and zh-statements.ts; after the sentences, the
 * list items (zh-lists.ts) and a how-to question (zh-procedure.ts) of the whole text.
 */
import { headingIsQuestion, looksLikeQuestion, sentences, shorten } from './text.js';
import type { GeneratedQuestion, SectionInput } from './questions.js';
import { ZH_LEADING, ZH_NOT_ROLE, ZH_ROLE, ZH_TIME, clean, type Add } from './zh-words.js';
import { ZH_NOT_OPERATED, ZH_TWO_TOPICS } from './zh-heading.js';
import { zhAction } from './zh-procedure.js';
import { zhListQuestions } from './zh-lists.js';
import { bareTimeQuestion, zhIntervals, zhTimeLimits } from './zh-time.js';
import { traditionalToSimplified } from '../text/normalize.js';
import { zhFees } from './zh-fees.js';
import { isPermittedAction, refusedReturn, zhDutiesAndRights, zhRole, zhStatements } from './zh-statements.js';

const ZH_DEFINITION = /^(?:本(?:法|规则|规范|办法|条例|规定|协议|政策|细则|制度)所称的?)?([^，。；：]{1,20}?)[，,]?(?:是指|指的是|系指)/u;
/** A case that goes on from the one before it: 仍未找到, 依然无法解决, 还是不行. */
const ZH_STILL = /^(?:如|若|如果)?(?:仍然|仍|依然|依旧|还是)/u;

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

/** A list item's subject before its colon: （一）话费快充：正常情况下10分钟内到账 → 话费快充. */
// (Q币直充, 365家庭版: a product's name may have letters and digits)
const ZH_ITEM_SUBJECT = /^((?=[A-Za-z0-9]*\p{Script=Han})[\p{Script=Han}A-Za-z0-9]{2,8})[：:](?=\S)/u;

/** A label that names no subject of the sentence after it: 温馨提示：, 注意：, 处理时间：, 例如：. */
// (nor a step's or a case's number: 第一步：…24小时内审核 asked 第一步多久审核？, 情况一：… 情况一多久到账？)
const ZH_NOT_SUBJECT = /^(?:注意|温馨|特别|重要|例如|比如|举例|备注|友情|提醒)|(?:提示|说明|须知|事项|备注|时间|时效|时限|期限|周期|方式|方法|地址|电话|规则|标准|要求|原因|条件|步骤|流程)$|^(?:第[一二三四五六七八九十百\d]+[步条点项种类个]|(?:步骤|情况|情形|方式|方法|场景|方案|类型|选项|阶段|示例|案例)[一二三四五六七八九十\dA-Za-z]+)$/u;

/** A topic that says what is not done (不支持退款, 拒绝退款, 无法退款): no refund of it arrives. */
const ZH_NEGATED = /^(?:不|非|无|未|拒绝|禁止)/u;

/** A label that names a task (取消自动续费：…, 申请退款：…): the cases under it each do it their own way. */
const ZH_LABEL_TASK = /^(?:取消|关闭|申请|修改|开通|查询|退订|解绑|绑定|办理|激活|兑换|开具|解约|注销)\p{Script=Han}{1,6}$/u;

/** Where an instruction goes first: 打开微信…, 进入设置…, 在订单页…. */
const ZH_GO_TO = /^(?:打开|进入|点击|前往|登录|通过|在|找到|选择)/u;

/** Arriving, taking effect, being sent: asked 多久到账？ (as a customer asks), not 到账需要多长时间？. */
const ZH_ARRIVING = /^(?:到账|到货|送达|生效|发货|退回|回复|开通|审核)$/u;

/** Goods or money sent back: a section about one asks how long until it arrives. */
const ZH_MONEY_BACK = /(?:退款|退货|换货|补发|退费)$/u;

/** A bare time question (到账需要多长时间？) asked about the list item's subject (or the section's refund, `item` false): 话费快充多久到账？; another question as it is. */
function labelledTime(question: string, subject: string, item: boolean): string {
  const bare = /^(\p{Script=Han}{2,4})需要多长时间？$/u.exec(question)?.[1];
  // (保修期限需要多长时间？ is the heading's own: 冰箱：整机保修3年 asked 冰箱保修期限需要多长时间？)
  if (bare === undefined || bare.includes(subject) || subject.includes(bare) || (!item && !ZH_ARRIVING.test(bare)) || /(?:期限|时间|时效|时限|周期)$/u.test(bare)) return question;
  return ZH_ARRIVING.test(bare) ? `${subject}多久${bare}？` : `${subject}${bare}需要多长时间？`;
}

/** Words a step opens with: where to go, what to press, fill in, send or wait for (在订单页点击…, 填写退货原因, 寄回商品). */
// (also after what it is done with or when: 用微信扫码, 通过小程序提交, 下单时勾选发票, 收货后下载 — review 2026-11-28)
const ZH_STEP_START = /^(?:\d+[.、．)]\s*|[（(]?[一二三四五六七八九十\d]+[)）、.]\s*)?(?:请|先|再|然后|最后)?(?:(?:用|通过|使用)\p{Script=Han}{1,6}?|\p{Script=Han}{1,4}?(?:时|后))?(?:在|点击|点选|点开|进入|打开|登录|选择|填写|提交|联系|拨打|寄回|寄出|上传|下载|扫描|扫码|申请|等待|确认|按|将|把|前往|搜索|输入|勾选|添加|复制|粘贴|关注|发送|保存|拍照|拍摄|找到|长按|下单)/u;

/**
 * Is a list steps to follow: half its items or more open with a step's word? (1. 纯棉衣物会有3%左右的自然缩水 is a rule,
 * no step.) Traditional items are read as simplified (進入會員中心, 點選我的訂單 are steps).
 */
function isStepList(items: readonly string[]): boolean {
  return items.length >= 2 && items.filter((item) => ZH_STEP_START.test(traditionalToSimplified(item.trim()))).length * 2 >= items.length;
}

const ZH_PROCEDURE_HINT = /步骤|流程|第一步|首先|然后|之后再|操作|按照以下|方法如下|如下办理/u;
const ZH_CONNECTIVE = /^(?:但是|但|并且|而且|且|同时|此外|另外|然而|其中)[，,]?/u;

/**
 * What a liability clause says is owed, short: the kind of liability when it names one
 * (继续履行、采取补救措施或者赔偿损失等违约责任 → 违约责任), else up to the first list break.
 */
function liabilityObject(object: string): string {
  // (相应的法律责任 → 法律责任, was 应的法律责任; 该责任 → 责任)
  const kind = /([^责、，]{0,4}?责任)/u.exec(object.replace(/^.*[、等]/u, '').replace(/^(?:相应的?|该|其)/u, ''));
  if (kind?.[1] !== undefined) return kind[1];
  return object.split(/[、或等]/u)[0]?.slice(0, 12) ?? '';
}

/** Someone who can be liable: a role noun, not whom the harm befalls or the liability is owed to (造成用电人损失, 应当向债权人承担…, 侵害消费者). */
function isLiableParty(who: string): boolean {
  return who.length >= 2 && who.length <= 8 && ZH_ROLE.test(who) && !ZH_NOT_ROLE.test(who) && !/^(?:致使|使|给|向|对|应|须|必须|依法|与|和|及|未|不|没|因|由于)|[向对给]|造成|侵害|违反/u.test(who);
}

/**
 * A liability clause that names who answers (…的，保管人应当承担赔偿责任), asked as the customer asks
 * it of that party: whether they can hold them to it (…，可以要求保管人赔偿吗？) and when the party is
 * liable at all (哪些情况下保管人要承担赔偿责任？). The party is a role noun (ZH_ROLE) before the modal.
 */
function partyLiability(situation: string, condition: string, before: string, verb: string, owed: string): string[] {
  const named = before.replace(ZH_LEADING, '').replace(/^(?:由|该|其)/u, '');
  // a main clause with no subject (…，承运人有过错的，应当承担…) is about the party its condition names:
  // the clause nearest it that opens with one
  const who = named !== '' ? named : condition.split(/[，,]/u).reverse().map((c) => zhRole(c) ?? '').find(isLiableParty) ?? '';
  if (!isLiableParty(who)) return [];
  const out: string[] = [];
  if (/赔偿/u.test(verb + owed)) out.push(`${situation}，可以要求${who}赔偿吗？`);
  if (verb === '承担' && /责任$/u.test(owed)) out.push(`哪些情况下${who}要承担${owed}？`);
  return out;
}

/**
 * Who an exemption clause frees (…的，本店不承担责任): the party before 不承担 or 免除, else the one its
 * condition opens with (商家能够证明…的，不承担赔偿责任: the merchant), else no one. Named, a customer does not
 * read the question as about themselves (因消费者自身原因造成商品损坏的，本店不承担责任 asked
 * 消费者自身原因造成商品损坏，要承担责任吗？).
 */
function exemptParty(condition: string, before: string): string {
  const named = before.replace(ZH_LEADING, '').replace(/^(?:由|该|其)/u, '');
  // only where the condition names the customer, who would read it as about themselves (named everywhere,
  // laws 0.552 / 0.862 / 0.656 → 0.517 / 0.862 / 0.639)
  if (!ZH_CUSTOMER.test(condition) || ZH_CUSTOMER.test(named)) return '';
  if (isLiableParty(named)) return named;
  // the shop as it calls itself, or no one written (顾客使用不当造成损失的，我们不负责任; 用户私自拆机的，不承担
  // 保修责任): the shop, as the customer names it (was …，要承担责任吗？, review 2026-11-27)
  return named === '' || /^(?:我们|我司|我店|我方|本公司)$/u.test(named) ? '商家' : '';
}

/** The customer in a shop's rule. */
const ZH_CUSTOMER = /消费者|买家|顾客|客户|用户|会员|买方|收货人/u;

/** A line of a product's attribute list: 面料：100%聚酯纤维, 颜色：米白、雾霾蓝, 弹力：无弹力 (a short label, a short value). */
const ZH_ATTRIBUTE_LINE = /^(?:[-•·*]\s*)?(\p{Script=Han}{2,4})[：:]\s*([^：:。；\n]{1,30})$/u;

/** How many of a section's lines make an attribute list, at least. */
const MIN_ATTRIBUTES = 3;

/**
 * The labels of a product's attributes, by which a list whose lines arrive joined (a plain text or Markdown
 * paragraph: 面料：100%聚酯纤维颜色：米白、雾霾蓝版型：收腰A字) is cut back into its lines.
 */
const ZH_ATTRIBUTE_LABEL =
  /(?<=[^\n：:])(?=(?:面料|材质|成分|里料|填充物|含绒量|充绒量|颜色|颜色分类|版型|弹力|弹性|厚度|厚薄|尺码|尺寸|风格|领型|袖长|袖型|衣长|裙长|裤长|适用季节|季节|适用人群|图案|工艺|产地|品牌|货号|款号|重量|净含量|规格|型号|透气性|柔软度|手感|洗涤|洗涤方式|上市时间|保质期|功率|电压|容量)[：:])/gu;

/** Labels of a step, a notice or a remark (第一步：…, 温馨提示：…): no attribute of the goods. */
const ZH_NOT_ATTRIBUTE = /^(?:第.{1,2}步|步骤.?|温馨提示|友情提示|特别提示|提示|注意|注意事项|特别注意|备注|说明|特别说明|注|声明|售后|客服|地址)$/u;

/** A value that is a note about the goods, not an attribute of them (以实物为准，不同显示器有色差). */
const ZH_VALUE_NOTE = /为准|仅供参考|色差|详见|请以|咨询客服/u;

/**
 * A product's attributes, listed a line each (商品信息: 面料：… / 颜色：… / 版型：… / 弹力：…), asked as customers ask
 * them: 面料是什么？, 颜色有哪些？ (short items apart by 、 or /), 有弹力吗？, 版型怎么样？, 重量是多少？ (a figure) — at most
 * MAX_ATTRIBUTES; none unless the section lists MIN_ATTRIBUTES or more (a clothing shop's user trial: its detail page's
 * list asked only 商品信息是什么？). A step, a notice or a remark (第一步, 温馨提示, 备注) is no attribute, nor a value that
 * notes something (以实物为准) (review, 2026-11-27: 第一步是什么？, 温馨提示是什么？, 颜色有哪些？ were asked).
 */
export function zhAttributeQuestions(text: string): string[] {
  const lines = text.split('\n').flatMap((l) => l.trim().split(ZH_ATTRIBUTE_LABEL));
  const attributes = lines
    .map((l) => ZH_ATTRIBUTE_LINE.exec(l.trim()))
    .filter((m) => m !== null)
    .filter(([, label = '', value = '']) => !ZH_NOT_ATTRIBUTE.test(label) && !ZH_VALUE_NOTE.test(value));
  if (attributes.length < MIN_ATTRIBUTES) return [];
  return attributes.slice(0, MAX_ATTRIBUTES).map(([, label = '', value = '']) => {
    if (/^(?:弹力|弹性)$/u.test(label)) return `有${label}吗？`;
    if (/^(?:厚度|厚薄|透气性|柔软度|手感|版型|尺码)$/u.test(label)) return `${label}怎么样？`;
    if (/^(?:洗涤|洗涤方式|洗护)$/u.test(label)) return '怎么洗？';
    // a figure (电话：400-800-1234, 重量：500g), not a material (100%聚酯纤维)
    if (/^(?:电话|重量|邮编|价格|净含量|功率|电压|容量)$/u.test(label) || /^[\d\s\-+().]+(?:g|kg|克|千克|斤|ml|毫升|l|升|cm|mm|米|w|瓦|v|伏|mah)?$/iu.test(value)) return `${label}是多少？`;
    const items = value.split(/[、/／]/u).map((i) => i.trim());
    return items.length >= 2 && items.every((i) => i.length >= 1 && i.length <= 8 && !/[，,；]/u.test(i)) ? `${label}有哪些？` : `${label}是什么？`;
  });
}

/** At most this many attributes of one list become questions. */
const MAX_ATTRIBUTES = 4;

/**
 * `duties` collects what a duty clause says (经营者需要听取消费者的意见吗？); generateQuestions uses
 * them only for a section whose questions are otherwise generic (经营者有哪些义务？).
 */
export function zhContent(input: SectionInput, topic: string | undefined, out: GeneratedQuestion[], duties?: GeneratedQuestion[]): void {
  const add: Add = (question, rule) => {
    out.push({ question, rule });
  };
  for (const question of zhAttributeQuestions(input.text)) add(question, 'list-item');
  const subjects = { duty: new Set<string>(), right: new Set<string>() };
  // the last case a sentence named (…未收到货的，…), for a case that goes on from it (仍未找到的，…)
  let lastCase: string | undefined;
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
    // （二）取消自动续费：微信支付的，打开微信… — the item's label is the task each case does its own way
    const subject = ZH_ITEM_SUBJECT.exec(said)?.[1];
    const cond = ZH_CONDITION.exec(s);
    // 仍未找到的，联系客服: a case that goes on from the one before (still not found after the checks it said)
    // names no subject: asked with that case (…未收到货，仍未找到怎么办？, was 仍未找到怎么办？), or not at all
    const stated = cond?.[1]?.replace(ZH_LEADING, '');
    const further = stated !== undefined && ZH_STILL.test(stated);
    const caseOf = further ? (lastCase !== undefined ? `${lastCase}，${stated}` : undefined) : stated;
    if (stated !== undefined && !further) lastCase = shorten(stated, 28);
    if (caseOf !== undefined && cond?.[1] !== undefined && cond[2] !== undefined && !/[。]/u.test(cond[1]) && (!further || caseOf.length <= 32)) {
      const c = further ? caseOf : shorten(caseOf, 28);
      const main = cond[2];
      // "…享有的，" / "…规定的，" nominalize (what it has, what is provided): not a situation to ask about
      // "有下列情形之一的，" names no situation: its list does (list-item)
      // "…的，是指…" defines a term under a condition (产品有国家标准的，是指不符合该标准): nothing to do about it
      if (c.length >= 4 && (!ZH_NEEDS_OBJECT.test(c) || ZH_BREACH.test(c)) && !/下列|以下|如下/u.test(c) && !/^(?:是指|系指|指的是)/u.test(main)) {
        // …未使用、吊牌完整的，支持七天无理由退货: a condition that grants something asks whether one may, not what to do
        const granted = ZH_GRANTED.exec(main)?.[1];
        // 退回银行卡的，一般3-7个工作日到账: a case with no trouble whose clause is a time asks how long (was 退回银行卡怎么办？)
        const timed = ZH_TROUBLE.test(c) ? null : ZH_TIMED_CLAUSE.exec(main);
        const refused = refusedReturn(main);
        if (granted !== undefined && !ZH_TROUBLE.test(c) && isPermittedAction(granted)) add(`${c}，可以${granted}吗？`, 'permission');
        // 吊牌已剪掉或丢失的，不支持无理由退换 → 吊牌已剪掉或丢失，还能无理由退换吗？ (was …怎么办？; a clothing shop's user trial)
        else if (refused !== undefined) add(`${c}，还能${refused}吗？`, 'permission');
        else if (timed?.[1] !== undefined) add(`${c}多久${timed[1]}？`, 'time-limit');
        // 取消自动续费：微信支付的，打开微信… → 微信支付怎么取消自动续费？ (was 微信支付怎么办？: a way in, no trouble)
        else if (subject !== undefined && ZH_LABEL_TASK.test(subject) && !ZH_TROUBLE.test(c) && ZH_GO_TO.test(main)) add(`${c}怎么${subject}？`, 'condition');
        // 无理由退货的，退回运费由买家承担: who bears a cost in a case with no trouble is the who-pays rule's question
        // (…的运费由谁承担？), not something to do about the case (was 无理由退货怎么办？)
        else if (ZH_TROUBLE.test(c) || !/由[^，。；]{1,10}(?:承担|负担|支付|负责)/u.test(main)) add(`${c}怎么办？`, 'condition');
        // 负责人 is a person (直接负责的主管人员和其他直接责任人员), not someone answering for something
        // …的，不承担赔偿责任 / 部分或者全部免除责任 / 不免除其违约责任: whether one still answers for it
        // (only as the main clause's verb: 不合理地免除或者减轻其责任 describes a clause, no exemption)
        const exempt = /^(?:[^，。；]{2,16}[，,])?([^，。；]{0,12}?)(?:可以)?(?:不承担|不负|(?:部分或者全部)?免除|不免除)(?:其|相应的?)?([^，。；责或]{0,6}责任)/u.exec(main);
        const liable = exempt !== null ? null : /^(.{0,12}?)(?:应当|应|须|必须|依法)?(?<!的)(承担|负责(?!人)|赔偿|支付|退还|返还)(?![额金])([^，。；]{0,24})/u.exec(main);
        const owed = liable === null ? '' : liabilityObject(liable[3] ?? '');
        // (平台不承担任何责任 → 平台要承担责任吗？, not …任何责任吗？)
        if (exempt?.[2] !== undefined) add(`${c}，${exemptParty(cond[1], exempt[1] ?? '')}要承担${exempt[2].replace(/^任何/u, '')}吗？`, 'liability');
        if (liable !== null && owed.length > 0) {
          add(`${c}，谁${liable[2]}${owed}？`, 'liability');
          for (const q of partyLiability(c, cond[1], liable[1] ?? '', liable[2] ?? '', owed)) add(q, 'liability');
        }
        // the whole permission or none: cut at 20 characters it reads …做出冻结或关吗？
        const may = /(?:可以|有权)([^，。；]{2,20})(?=[，。；]|$)/u.exec(main);
        // 可以获得的利益 is a thing (a relative clause), not something one may do
        if (may?.[1] !== undefined && !/的[^的]{1,4}$/u.test(may[1]) && isPermittedAction(may[1])) add(`${c}，可以${may[1]}吗？`, 'permission');
      }
    }
    // （二）话费慢充：72小时内到账 → 话费慢充多久到账？ (was 到账需要多长时间？, the same in every section that says 到账)
    // (no item subject: a refund's section asks about the refund — 充值失败退款 over 1-3个工作日到账 → 充值失败退款多久到账？)
    const about = subject !== undefined && !ZH_NOT_SUBJECT.test(subject) ? subject : topic !== undefined && ZH_MONEY_BACK.test(topic) && !ZH_NEGATED.test(topic) ? topic : undefined;
    const timed: Add = about === undefined ? (question, rule) => { const asked = bareTimeQuestion(question, topic); if (asked !== undefined) add(asked, rule); } : (question, rule) => add(labelledTime(question, about, subject === about), rule);
    if (!zhIntervals(s, topic, timed)) zhTimeLimits(s, topic, timed);
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
    // (a numbered list of rules or cases is no steps: 不支持退换的情况, 缩水, 积分获取 asked …怎么操作？, 2026-11-28 audit)
    const operated = ZH_PROCEDURE_HINT.test(traditionalToSimplified(input.text)) || isStepList(input.steps ?? []);
    if (operated && topic !== undefined && !ZH_NOT_OPERATED.test(topic) && !headingIsQuestion(topic) && !ZH_TWO_TOPICS.test(topic)) add(`${topic}怎么操作？`, 'procedure');
  }
}
