/**
 * Money in a Chinese sentence (`zhFees`): a free-shipping threshold (满多少钱包邮？), a fee's amount
 * (运费是多少钱？), who pays it (退货运费由谁承担？, rule who-pays) and who answers for what
 * (X对Y承担赔偿责任, rule liability). `zhFeeFacts` tells the heading rules what a text says of a fee.
 */
import { headingIsQuestion } from './text.js';
import { ZH_LEADING, type Add } from './zh-words.js';

// (运费险 is an insurance, no fee)
// (a delivery crew's fees are words of their own: 搬运费 is no 运费, and 远距离搬运费 asked 离搬运费是多少钱？)
const ZH_CREW_FEE = /^(?:搬运费|上楼费|楼层费|安装费|拆装费|拆旧费|空跑费|打孔费|上门费|折旧费)$/u;

const ZH_FEE = /(?:搬运费|上楼费|楼层费|安装费|拆装费|拆旧费|空跑费|打孔费|上门费|折旧费|运费|邮费|快递费|费用|手续费|服务费|价款|货款|差价|税费|关税|保证金|押金|罚款)(?!险)/u;
/** A service's fees that `ZH_FEE` leaves to the heading rules: what a repair or a check charges. */
const ZH_SERVICE_FEE = /(?:人工|检测|维修|配件|材料|工时|清洗|保养|鉴定)费/u;
export const ZH_WHO_PAYS = /由([^，。；、]{1,10}?)(承担|支付|负担|负责|垫付)/u;
const ZH_AMOUNT = /\d+(?:\.\d+)?\s*(?:元|块|人民币|美元|美金)|[一二三四五六七八九十百千万]+元/u;

/** A free-shipping threshold: 订单满199元包邮. */
const ZH_FREE_SHIPPING = /满\s*\d+(?:\.\d+)?\s*元(?:即可)?(?:包邮|免运费|免邮)/u;

/** X对Y承担（赔偿）责任 / X应当赔偿Y: who answers for what. */
const ZH_ANSWERS_FOR = /^([\p{Script=Han}]{2,12}?)(?:应当|应)?对(.{2,24}?)(?:依法)?(?:承担|负)(.{0,4}责任)/u;

/**
 * What the text says about a fee: who pays it (由买家承担) and an amount in a clause that names a fee
 * (不满99元收取运费8元; not 运费险…赔付，最高12元, an insurance's payout).
 */
export function zhFeeFacts(text: string): { whoPays: boolean; amount: boolean } {
  const clauses = text.split(/[，,。；;\n]/u);
  return {
    whoPays: ZH_WHO_PAYS.test(text) || /(?:承担|负担)/u.test(text),
    // (订单满99元免运费: the amount is what an order must reach, no fee's amount; it asked 元免运费是多少钱？)
    // (a repair's fees too: 人工费每次30元 under 有偿维修收费 is its amount, which asked 有偿维修收费由谁承担？, 2026-11-28)
    amount: clauses.some((c) => (ZH_FEE.test(c) || ZH_SERVICE_FEE.test(c)) && ZH_AMOUNT.test(c) && !ZH_FREE_SHIPPING.test(c)),
  };
}

/** Conjunctions that open a clause (并且运费由买家承担), whole words, longest first. */
const ZH_CONJUNCTION = /^(?:并且|而且|以及|并|而|且|及)/u;

/** Verbs that pay or take a fee, no name of it: 购买运费险, 支付运费, 另计运费. */
const ZH_PAYING_VERB = /^(?:购买|支付|承担|缴纳|收取|扣除|退还|返还|产生|包含|需要|另计|额外|补交|垫付)$/u;

/** Fees and who pays (退货运费由谁承担？, 运费是多少钱？), and who answers for what (X对Y承担赔偿责任). */
export function zhFees(s: string, topic: string | undefined, add: Add): void {
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
