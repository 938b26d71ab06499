/**
 * How long, in a Chinese sentence (rule time-limit): maintenance intervals and a part's lifetime
 * (`zhIntervals`: 每2个月清洁一次 → 灰尘传感器多久清洁一次？) and time limits (`zhTimeLimits`: 七日内退款 →
 * 退款需要多长时间？, 保修期为一年 → 保修期是多久？), leaving out times that limit nothing: a date, a
 * case (超过7天的), a window looked back on (近12个月).
 */
import { headingIsQuestion } from './text.js';
import { ZH_LEADING, ZH_TIME, type Add } from './zh-words.js';
import { ZH_NOTICE, ZH_POLICY_SUFFIX, ZH_PROBLEM } from './zh-heading.js';

/** What a customer does in a window after an event (评价, 申请退货, 联系客服): 多长时间内可以…？ */
const ZH_CUSTOMER_ACT = /^(?:带图|追加)?(?:评价|晒单|申请|提出|联系|反馈|提交|上传|拍照|申报|领取|兑换|修改|取消|退货|换货|退换|办理退货)/u;

/** A date or a year: a point in time, not a duration (本政策自2026年1月1日起施行). */
// (每月8日 is a day of every month: 每月8日为会员日 asked 为会员日需要多长时间？)
// (2026年1月参考价 is a month: the year alone went and 1月 asked 参考价需要多长时间？)
const ZH_DATE = /(?:\d{2,4}\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*[日号]|每(?:个)?月\s*\d{1,2}\s*[日号]|\d{4}\s*年\s*\d{1,2}\s*月(?!内|以内|之内|以上|后)|\d{4}\s*年(?!内|以内|之内|以上)/gu;

// (积分有效期为…: a validity is a period too; its article asked 系统将短信提醒需要多长时间？ from a later clause)
// (赠送金额有效期12个月: the time may follow the period's name at once; it asked 储值卡需要多长时间？ of the heading)
const ZH_PERIOD = /([\p{Script=Han}]{2,10}?)(?:的)?(期限|期间|时效|时限|时间|周期|有效期|保质期|保修期)(?:为|是|一般为|(?=\s*(?:\d|[一二三四五六七八九十两半])))/u;

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
export function zhIntervals(s: string, topic: string | undefined, add: Add): boolean {
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

/** A sentence's opening case of goods (无人签收的订单, 超时未取的包裹), which the clauses after it are about. */
const ZH_CASE_TOPIC = /^\p{Script=Han}{2,10}的(?:订单|商品|包裹|快递|货物|生鲜|退货|换货)$/u;

/** Time limits: 七日内退款 → 退款需要多长时间？; 保修期为一年 → 保修期是多久？; deadlines and what one is granted for a time. */
export function zhTimeLimits(s: string, topic: string | undefined, add: Add): void {
  // a date (2026年1月1日) is a point in time, no duration to ask about
  // (机器四周留出10厘米: 四周 before a placement is all around a thing, no four weeks; it asked 留出…散热空间需要多长时间？)
  const undated = s.replace(ZH_DATE, '').replace(/四周(?=留|保持|不要|请|应|避免|放|的|有|要)/gu, '');
  const period = ZH_PERIOD.exec(undated);
  // (有效期6个月: ZH_TIME leaves a number after 期 alone, for 周期 and 星期; after a period's name it is its length)
  const periodLength = period !== null && /^\s*(?:\d+|[一二三四五六七八九十两半]+)\s*(?:个)?(?:小时|天|日|周|星期|个月|月|年)/u.test(undated.slice(period.index + period[0].length));
  if (ZH_TIME.test(undated) || periodLength) {
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
      // 连续签到7天额外得10积分: days counted of doing something, no time a task takes (额外得10积分需要多长时间？)
      if (found !== null && /(?:连续|累计)\p{Script=Han}{0,4}$/u.test(clause.slice(0, found.index))) return;
      // 配送可能延迟1-2天: how long it is late (配送会延迟多久？, was 恶劣天气与节假日需要多长时间？ of the heading)
      const late = found === null ? null : /(\p{Script=Han}{2,6}?)(?:可能|会|将|或|预计)*(延迟|推迟|延后|顺延|延误)(?:约|大约)?$/u.exec(clause.slice(0, found.index));
      if (late !== null) {
        // (what is late follows the occasion: 节假日期间发货顺延1-2天 asked 假日期间发货会顺延多久？, 如遇节假日顺延1天 遇节假日…, review 2026-11-27)
        const what = (late[1] ?? '').replace(ZH_LEADING, '').replace(/^\p{Script=Han}*?(?:期间|遇|时)(?=\p{Script=Han}{2})/u, '');
        add(`${/^遇/u.test(what) ? what.slice(1) : what}会${late[2] ?? ''}多久？`, 'time-limit');
        return;
      }
      // 常温放置1-3天即可催熟: 即可 says enough, what takes the time is 催熟 (was 即可催熟需要多长时间？)
      let after = rest.replace(/^[内后起的]+/u, '').replace(/^(?:即可|便可|就可以|就能|即能)(?=\p{Script=Han}{2})/u, '');
      // 七日内，可以申请退货: what the time is for is in the next clause
      if (after.length < 2 && parts[at + 1] !== undefined && /^(?:可以|可|能|应当|应|须|必须)/u.test(parts[at + 1] ?? '')) after = parts[at + 1] ?? '';
      // (可在扣费后48小时内联系客服申请退还: the permission before the time is a deadline one may act in, was 联系客服…需要多长时间？)
      const allowed = /^(?:可以|可|能)/u.test(after) || (found !== null && /^(?:可以|可|能)在/u.test(clause.slice(0, found.index)));
      // (确认收货后15天内带图评价: a window after an event in which the customer may act, was 带图评价需要多长时间？;
      // not the shop's work in one: 收到退货后3个工作日内审核并退款 is how long it takes; a bare verb, 申请, is asked of the section by bareTimeQuestion)
      const window = found !== null && (/^内/u.test(rest) || /内$/u.test(found[0])) && /后$/u.test(clause.slice(0, found.index)) && ZH_CUSTOMER_ACT.test(after);
      // 15日内出现性能故障: what happens to the goods, or does not, in a time is no task that takes it (出现性能故障需要多长时间？)
      if (/^(?:出现|发生|产生|遇到|发现|不|未|没|无法)/u.test(after)) return;
      // 以出厂日期后延90天计算: a time counted from is how a date is reckoned, no task (计算需要多长时间？)
      if (/^(?:计算|起算|算起|为准)/u.test(after)) return;
      // 系统将短信提醒: what someone will do then is no task; 在其经营场所…: a place, no task
      if (/^在/u.test(after) || /^\p{Script=Han}{1,6}?(?:将|会)(?!员)/u.test(after)) return;
      const what = after.length >= 2 ? wholeTask(after.replace(/^(?:可以|可|能|应当|应|须|必须)/u, ''), 16) : topic !== undefined && isTimedTopic(topic) ? topic : undefined;
      // 物流信息一般在发货后24小时内更新, 奖品在开奖后10个工作日内寄出: a bare verb is asked of the subject its clause
      // names (物流信息多久更新？, was 更新需要多长时间？, a fragment); with none, `bareTimeQuestion` asks it of the section
      const named = what !== undefined && what.length <= 2 && after.length >= 2 && found !== null && !ZH_WHOLE_TASK.test(what) && !/(?:如需|如要|若需|需要)/u.test(parts.slice(0, at + 1).join('，')) ? clauseSubject(clause.slice(0, found.index)) : undefined;
      if (named !== undefined && what !== undefined) {
        add(`${named}多久${what}？`, 'time-limit');
        return;
      }
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
        // (请在签收后24小时内拍照申请售后: counted from an event, was 拍照申请售后需要多长时间？)
        // (the 请 of 申请 / 提请 / 邀请 asks nothing of the customer: 申请退款后1-3个工作日原路到账 asked 多长时间内要原路到账？, review 2026-11-27)
        const deadline = found !== null && (/(?<![申提邀聘恳])请在?(?:[^，。；]{0,6}后)?$/u.test(clause.slice(0, found.index)) || (ZH_CUSTOMER.test(s) && /在[^，。；]{0,8}$/u.test(clause.slice(0, found.index))));
        // 将商品寄回 → 寄回商品: the object put before the verb goes after it (was 将商品寄回需要多长时间？)
        const done = what.replace(/^[将把](\p{Script=Han}{1,8}?)(寄回|寄出|退回|寄还|送回|退还|提交|上传)$/u, '$2$1');
        // 请至少提前24小时联系客服修改: notice given ahead, not how long the task takes (was 联系在线客服修改需要多长时间？)
        const ahead = found !== null && /提前$/u.test(clause.slice(0, found.index));
        // 无人签收的订单，…放置后请在2小时内取回冷藏: the deadline is that case's; the clause names no subject, so the
        // question names the case (无人签收的订单多长时间内要取回冷藏？, was 多长时间内要取回冷藏？, 2026-11-28)
        const of = at > 0 && (allowed || deadline) ? ZH_CASE_TOPIC.exec(parts[0] ?? '')?.[0] ?? '' : '';
        add(ahead ? `需要提前多久${done}？` : granted ? `${done}多久？` : allowed ? `${of}多长时间内可以${done}？` : deadline ? `${of}多长时间内要${done}？` : window && done.length > 2 ? `多长时间内可以${done}？` : `${done}需要多长时间？`, 'time-limit');
      }
    }
  }
}

/** A heading's topic that a time in its text can be asked of: not a notice, a policy, a question, a problem, nor a time or two topics (退款时效, 退差价与价格保护: the heading asks it, 退款时效是多久？). */
function isTimedTopic(topic: string): boolean {
  // (常见问题, 问答, FAQ: a page of questions names no topic — it asked 常见问题多久到账？)
  return !/(?:问题|问答|解答|faq|q&a)$/iu.test(topic) && !/(?<![申邀提聘宴呈报奏恳吁延])请/u.test(topic) && !ZH_NOTICE.test(topic) && !ZH_POLICY_SUFFIX.test(topic) && !headingIsQuestion(topic) && !ZH_PROBLEM.test(topic) && !/(?:时效|时间|期限|时限|时长|周期|期)$/u.test(topic) && !/\p{Script=Han}(?:与|和|及|、)\p{Script=Han}/u.test(topic);
}

/**
 * A time question of a bare verb (更新需要多长时间？, 到账需要多长时间？: no subject named it) asked of the section's
 * topic (运费险说明 over 一般在买家寄出后72小时内到账 → 运费险多久到账？); undefined, no question, when the topic
 * names none (a policy's, a notice's, a time's or two topics' heading); any other question as it is. A verb that
 * holds its object (发货, 退款) or that the topic names (催熟方法 / 催熟) is asked as it is.
 */
export function bareTimeQuestion(question: string, topic: string | undefined): string | undefined {
  const verb = /^(\p{Script=Han}{2})需要多长时间？$/u.exec(question)?.[1];
  if (verb === undefined || ZH_WHOLE_TASK.test(verb) || topic?.includes(verb) === true) return question;
  const named = topic?.replace(/(?:说明|规则|规定|政策|须知)$/u, '');
  // (不支持退款, 拒绝退款: what is not done arrives at no time)
  return named !== undefined && named.length >= 2 && isTimedTopic(named) && !/^(?:不|非|无|未|拒绝|禁止)/u.test(named) ? askedOf(named, verb) : undefined;
}

/**
 * What the customer does by a deadline (申请, 寄回): asked within how long, not how long it takes (价格保护多久申请？).
 * Only of a clause with no subject (您可在签收后7天内申请): one that names its subject (师傅48小时内联系) keeps 多久.
 */
const ZH_DEADLINE_VERB = /^(?:申请|提出|寄回|退回|办理|反馈|上传|提交|兑换|领取)$/u;

/** A time question of a subject and its verb: 物流信息多久更新？; 价格保护多长时间内可以申请？ of a deadline's verb. */
function askedOf(subject: string, verb: string): string {
  return ZH_DEADLINE_VERB.test(verb) ? `${subject}多长时间内可以${verb}？` : `${subject}多久${verb}？`;
}

/** Verbs that hold their object, asked alone: 发货需要多长时间？ */
const ZH_WHOLE_TASK = /^(?:发货|退款|退货|换货|补发|维修|到货|审核|签收|收货|配送|安装|付款|支付|理赔|赔付|处理|核实|复核|回复|答复)$/u;

/**
 * The subject a clause names before its time, ahead of an adverb, a modal or a place (物流信息一般在发货后 →
 * 物流信息), or a person alone (师傅); undefined for none (一般在买家寄出后, 常温放置: a doing, no subject).
 */
function clauseSubject(before: string): string | undefined {
  const b = before.replace(ZH_LEADING, '').trim().replace(/^(?:一般|通常|预计|大约|约|会|将|均|都|可以|可|需|须|应当|应|最快|最迟|最晚)+/u, '');
  const m = /^(\p{Script=Han}{2,8}?)(?:一般|通常|会|将|在|于|均|都|预计|约|大约|最快|最迟|最晚|可|需|须|应当|应)/u.exec(b)?.[1] ?? (/^\p{Script=Han}{0,6}(?:师傅|客服|工程师|人员|快递员|商家|平台|本店|我们)$/u.test(b) ? b : undefined);
  // (您需在申请通过后7天内寄回, 您可在签收后7天内申请: the customer and a modal, no subject — they asked 您需多久寄回？)
  return m !== undefined && !/(?:后|前|时|内|的|起)$/u.test(m) && !/^(?:您|你|我|我们|您们|你们)(?:需|须|可|应|要|能|必须|需要|可以)?$/u.test(m) && !/(?:需|须|可|应|要|能)$/u.test(m) ? m : undefined;
}
