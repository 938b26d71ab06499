/**
 * What a section is about, read from its heading path: its topic (`headingTopic`: the last heading
 * without numbering, decoration or an editor's aside) and, for a Chinese product manual, the
 * product its title names (`manualProduct`), which heading questions name when a heading names no
 * object (使用方法 → 如何使用小鹿空气炸锅？; English manuals: `enProduct` in en-heading.ts).
 * `escapeRegExp` lets the heading rules find a topic word for word in the section's text.
 */
import { stripNumbering } from './text.js';

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

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
