/**
 * What a Chinese sentence says someone must, may or may not do, and what it states about a thing:
 * duties and rights clause by clause (`zhDutiesAndRights`: 经营者有哪些义务？, 消费者可以…吗？) and
 * statements (`zhStatements`): what is not offered (本店提供备用机吗？), what is covered
 * (…属于保修范围吗？), a definition without 是指, who bears a risk, when something takes effect, whom
 * a rule applies to, who is in charge, what is void or may not be done, a party's benefits, a
 * rule's purpose.
 */
import { shorten } from './text.js';
import type { GeneratedQuestion } from './questions.js';
import { ZH_LEADING, ZH_NOT_ROLE, ZH_ROLE, ZH_TIME, type Add } from './zh-words.js';
import { ZH_WHO_PAYS } from './zh-fees.js';

/** How a shop's own rules name the shop: 本店, 本公司, 本平台, 我们 (not 卖家, 经营者: a third party's rights are asked). */
const SHOP_ITSELF = /^(?:本店|本公司|本平台|本商城|本网站|本网|我们|我司|我店|我方|本司)$/u;

// 应 as in 应收账款, 应付, 应尽的, 应有的 is no duty
// (应 of 对应, 相应, 反应, 供应 … is no duty: 退款订单对应的积分将被扣回 asked 退款订单对需要的积分将被扣回吗？)
const ZH_SUBJECT_DUTY = /^([\p{Script=Han}、]{2,12}?)(?:应当|(?<![对相响反供适答回感效照呼顺])应(?![收付尽有得])|必须|须|不得|禁止)(?!当事人)/u;

// 可 as in 可能 (may be), 可见, 可靠 is no permission
// (…存放即可，成熟后尽快食用: 即可 says enough, and what follows a comma is no object — it asked
// 常温阴凉通风处存放即可以，成熟后尽快食用吗？)
// (后方可 / 才可 is only then: 所有订单须经海关清关后方可配送 asked 所有订单须经海关清关后方有哪些权利？)
const ZH_SUBJECT_RIGHT = /^([\p{Script=Han}、]{2,12}?)(?<![不认许宁即]|[后才]方)(有权|享有|可以|可(?!能|见|靠|是|否|惜))([^，。；]{2}.{0,22}?)(?:[，。；]|$)/u;

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
// (what is not offered ends at a list's colon: 以下商品不支持七天无理由退货：（一）海外直邮商品 asked 哪些商品不支持七天无理由退货：海外直邮商品？)
const ZH_NOT_OFFERED = /^([\p{Script=Han}、]{0,16}?)不(提供|支持|接受|包邮|退还|收取|开具|负责)([^，。；：:]{0,16})(?:[：:].*)?$/u;

/** Whether something is covered: X(，)不属于/属于Y范围. */
const ZH_IN_SCOPE = /^([^。；]{4,40}?)[，,]?(?:不|并不)?属于([^，。；]{2,12}?)(范围|范畴|之列)/u;

/** A subject that is half of a pair (保修期外或…, 人为损坏和…): the other half follows 属于. */
const ZH_OPEN_CONJUNCTION = /(?:或|或者|和|及|以及|与|、)$/u;

/** Who can have duties and rights: a person or party (顾客, 本店, 经营者), not a thing (商品). */
function isParty(who: string): boolean {
  return ZH_ROLE.test(who) && !ZH_NOT_ROLE.test(who);
}

/** A list's intro that excludes the things it lists: 下列商品不适用七日无理由退货规定, 以下商品不支持退换. */
const ZH_WHICH_EXCLUDED = /^(?:下列|以下)(?:[^，。；：]{0,6}的)?(商品|产品|物品|货物|服务|订单|情形|情况|行为|费用)[^，。；：]{0,16}?[，,]?(?:可以|可)?(不适用|不支持|不予|不能|不得)([^，。；：]{2,16}?)(?:的?规定)?$/u;

/** Whom a rule applies to: 本政策适用于在本店购买商品的所有顾客 → 本政策适用于哪些顾客？ */
const ZH_APPLIES_TO = /^([\p{Script=Han}]{2,12}?)适用于.*?([\p{Script=Han}]{2,4})$/u;

/** A scope written as a field (适用范围：…等大件商品), and what it covers. */
const ZH_SCOPE_FIELD = /适用范围\s*[:：]\s*[^。；：]*?(商品|产品|订单|用户|会员|顾客|客户|地区|城市)\s*(?:[。；]|$)/u;

const ZH_APPLIES_NOUN = /(?:顾客|客户|用户|会员|商品|订单|消费者|买家|卖家|商家|人员|情形|交易|服务)$/u;

/** Who is in charge of what: 国务院市场监督管理部门主管全国产品质量监督工作 → 谁主管全国产品质量监督工作？ */
const ZH_IN_CHARGE = /^([\p{Script=Han}]{2,20}?)(?:负责|主管)([^，。；]{4,24})$/u;

/**
 * The role noun a clause opens with (销售者销售产品 → 销售者): the shortest, extended while a longer
 * role follows closely (消费者协会, 电子商务平台经营者) but not across a verb (管理人管理他人 → 管理人).
 */
export function zhRole(clause: string): string | undefined {
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
export function isPermittedAction(object: string): boolean {
  // 可以处五万元以下的罚款 / 责令停业: what an authority may impose, not something the clause's subject may do
  if (/^(?:处(?![分理置])|并处|责令|吊销|没收|处以)/u.test(object)) return false;
  return !/^的/u.test(object) && !/^(?:根据|按照|依照|依据)[^，。；]*(?:约定|规定|协议|要求|需要|请求|的)$/u.test(object) && !/^(?:就|对于|关于)[^，。；]*(?:问题|事项|事宜|情况|争议|纠纷)$/u.test(object);
}

/**
 * Who must / may do what, clause by clause: a later clause without its own subject (…，不得掺假)
 * is about the first clause's subject when that names someone (销售者销售产品，不得掺杂、掺假).
 */
export function zhDutiesAndRights(s: string, clauses: readonly string[], subjects: { duty: Set<string>; right: Set<string> }, add: Add, duties: GeneratedQuestion[] | undefined): void {
  // (下列性质的商品经消费者确认，可以不适用…: a list's intro names no one, its items say which — list-item)
  const first = zhRole(clauses[0] ?? '');
  const roleOfFirst = first !== undefined && /^(?:下列|以下|如下)/u.test(first) ? undefined : first;
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
      // the shop speaking of itself (本店有权清空积分): a customer asks whether it may (本店可以清空积分吗？), not what
      // rights it has (本店有哪些权利？); a seller or an operator named in the third person keeps the question
      if (!serves && !SHOP_ITSELF.test(rightWho) && !subjects.right.has(rightWho) && isParty(rightWho)) {
        subjects.right.add(rightWho);
        add(`${rightWho}有哪些权利？`, 'right');
      }
      // 享有X的权利 names what one has, not something one may do
      // 循环保温箱为可重复使用的专用箱: 可 after 为 / 是 says what kind of thing it is, no permission (was 循环保温箱为可以重复使用的专用箱吗？)
      // (本商品为可退换商品 too; 本店是可以开具发票的 only with its 的)
      const kind = /为$/u.test(right[1] ?? '') || (/是$/u.test(right[1] ?? '') && /的/u.test(right[3] ?? ''));
      if (right[3] !== undefined && right[2] !== '享有' && !kind && !/^(?:对|向)/u.test(clause) && isPermittedAction(right[3])) add(`${rightWho}可以${right[3]}吗？`, 'permission');
    } else if (at === 1 && lead === undefined && /^可以/u.test(clause) && (clauses[0] ?? '').length >= 4 && !/的$/u.test(clauses[0] ?? '') && isPermittedAction(clause.slice(2))) {
      // 双方协商一致，可以变更合同。: the first clause is the situation
      add(`${clauses[0]}，${shorten(clause, 20)}吗？`, 'permission');
    }
  });
}

/**
 * A condition's clause that refuses a return (吊牌已剪掉的，不支持无理由退换; 已洗涤的不予退换; 超过30天的，不支持7天无理由退换;
 * 已下水的，概不退换; 已下水的，退换货不予办理): the customer in that case asks whether they still can (吊牌剪了还能退吗),
 * not what to do. Its main clause → what is refused (7天无理由退换, 退换), or undefined.
 */
const ZH_REFUSED_RETURN = /^(?:均|一律|概|将|则|恕)?(?:不支持|不予|不能|不可|不接受|不办理|无法|不(?=退|换))(?:办理|受理)?((?:7|七)(?:天|日)无理由|无理由)?(退货|退换货|退换|换货|退款)/u;
const ZH_RETURN_NOT_HANDLED = /^(?:(?:7|七)(?:天|日)无理由|无理由)?(?:退货|退换货|退换|换货|退款)(?:均|一律|概|将)?(?:不予办理|无法办理|不予受理|不办理)/u;

export function refusedReturn(main: string): string | undefined {
  const refused = ZH_REFUSED_RETURN.exec(main);
  if (refused !== null) return `${refused[1] ?? ''}${refused[2] ?? ''}`;
  const handled = ZH_RETURN_NOT_HANDLED.exec(main);
  return handled === null ? undefined : handled[0].replace(/(?:均|一律|概|将)?(?:不予办理|无法办理|不予受理|不办理)$/u, '');
}

/**
 * What a statement says about a thing: what is not offered or covered, what it is (X是…的合同), who
 * bears a risk, when it takes effect, whom it applies to, who is in charge, what is void.
 */
export function zhStatements(s: string, clauses: readonly string[], noDefinition: boolean, add: Add): void {
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
    // 吊牌已剪掉的，不支持无理由退换: the case is the clause before, which the condition rule asks with it (支持无理由退换吗？ dropped it)
    // — only a refused return, which that rule asks (已下水的，不支持开具发票 is still asked 支持开具发票吗？)
    if (who === '' && context === '' && /的$/u.test(before) && refusedReturn(clause) !== undefined) return;
    // 下列商品拆封后恕不接受退货：… → 哪些商品拆封后不能退货？ (the list says which)
    const listed = /^(?:下列|以下|如下)/u.exec(who);
    const returns = no[2] === '接受' && /^(?:退货|退换货|换货|退款|退换)$/u.test(what);
    if (listed !== null && who.length > listed[0].length) add(`${context}哪些${who.slice(listed[0].length)}${returns ? '不能' : `不${no[2]}`}${what}？`, 'permission');
    // 签收后的商品不接受退货 → 签收后的商品可以退货吗？ (what a customer asks)
    else if (returns) add(`${context}${who}可以${what}吗？`, 'permission');
    else if (who.length + what.length >= 3) add(`${context}${who}${exempt ? '需要' : ''}${no[2]}${what}吗？`, 'permission');
  });
  // 下列商品不适用七日无理由退货规定：… / 下列性质的商品经消费者确认，可以不适用… → 哪些商品不适用七日无理由退货？
  // (the list says which; a customer asks which goods, and whether they can be returned: 哪些商品不能七日无理由退货？)
  const which = ZH_WHICH_EXCLUDED.exec(s);
  if (which?.[1] !== undefined && which[3] !== undefined) {
    if (which[2] === '不适用' && /(?:退货|退换货|换货|退款)$/u.test(which[3])) add(`哪些${which[1]}不能${which[3]}？`, 'condition');
    add(`哪些${which[1]}${which[2]}${which[3]}？`, 'condition');
  }
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
