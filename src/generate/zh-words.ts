/**
 * Chinese words every content rule reads the same way: a duration (ZH_TIME), the openers a clause's
 * subject is read without (ZH_LEADING: 但是, 如果, 对于 …), who may be a party (ZH_ROLE,
 * ZH_NOT_ROLE), and `clean` for a sentence. `Add` is how a content rule adds a question.
 */
import { withoutAsides } from './text.js';
import type { GenerationRule } from './questions.js';

/** A duration: 7天, 3-5个工作日, 两周内, 24小时以内. */
export const ZH_TIME = /(?<![周期拜])(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百]+)\s*(?:-|－|~|至|到)?\s*(?:\d+)?\s*(?:个)?(?:小时|个工作日|工作日|日|天|周(?![一二三四五六日天末岁])|星期(?![一二三四五六日天])|个月|月|年)(?:内|以内|之内|后|以上|左右|上下)?/u;

/** A clause that names who it is about before its modal: 当事人不得… (a first clause of time or condition before it: 合同生效后，当事人不得…). */
export const ZH_ROLE = /^[\p{Script=Han}]{0,12}?(?:者|人|方|商家|卖家|买家|顾客|客户|用户|会员|本店|店铺|商城|平台|京东|淘宝|天猫|部门|机构|机关|法院|政府|组织|媒介|公司|企业|单位|协会|银行)$/u;

/** Where a role's last character is part of another word: 中华人民, 或者, 方式. */
export const ZH_NOT_ROLE = /(?:人[民员士口数身格工力]|.{2}他人|(?:或|再|而|然|甚|乃|抑|亦)者|方[式法面案向针便才能可]|部[分位])$/u;

// one-character openers only when they are not the first character of a word: 经营者, 当事人,
// 有关部门, 对方, 在线, 如实 keep their first character
export const ZH_LEADING = /^(?:但是|但|并且|而且|且|同时|此外|另外|其中|然而|因(?!素|特网)|由于|如果|若(?!干)|如(?!实|何|下)|凡|对于|对(?!方|象|外|等|应)|在(?!线|途|库)|当(?!事人|地|面|场|日|天|月|年|期)|经(?!营|销|济|过|常|理|手|办|批)|有(?!关|效|权|些|的|偿|限|人)|依照|根据|针对)+/u;

/** A sentence without its bracketed asides, spaces and the punctuation at its ends: the form the content rules read. */
export function clean(text: string): string {
  return withoutAsides(text).replace(/\s+/gu, '').replace(/^[，,、：:]+|[，,、：:；;。]+$/gu, '');
}

/** How a content rule adds a question it found, with the rule that found it. */
export type Add = (question: string, rule: GenerationRule) => void;
