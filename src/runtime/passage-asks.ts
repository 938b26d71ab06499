/**
 * What a question asks for, and which units of an answer state it: a duration or time (how long,
 * 多久, 几天, when), an amount or fee (how much, 多少钱, 运费), who bears it (谁, who pays), the steps
 * (怎么, how do I), whether it can be done (能不能, can I), or how something is worked out (怎么算 → 按重量计算). Passages add it to the term scores
 * (hit-passages.ts): "how long does a refund take" has one content word, refund, which is in every
 * sentence of a refunds page or in none, and what it asks — how long — is in the question's
 * stopwords. A unit that states a duration (3 to 5 working days, 1-3个工作日, 次日) is then the one
 * about the question, among those its terms point to. A weighted signal, not an override: it is
 * ASK_SHARE of the best unit's term score, so a sentence with "30 days" in a returns page does not
 * beat the one that says when the refund comes when the question's terms point there.
 * Both sides are read in the analyzer's normal form (lower case, simplified Chinese, NFKC).
 */

/** What a question asks for / a unit states: bits. */
export const ASKS_TIME = 1;
export const ASKS_AMOUNT = 2;
export const ASKS_WHO = 4;
export const ASKS_STEPS = 8;
export const ASKS_CAN = 16;
export const ASKS_BASIS = 32;
/** A unit's weak statement of a kind (a fee word without an amount, a bare imperative) is its bit shifted by this. */
const WEAK_SHIFT = 6;

/** How much a unit that states what the question asks gains: this share of the best unit's term score (a weak statement half of it). */
export const ASK_SHARE = 0.5;

// what a question asks (normal form: lower case, simplified, NFKC)
const ASK_TIME = /how (?:long|soon|quickly|fast|many (?:working |business )?(?:days|hours|weeks|months|years))|^(?:until )?when\b|\bwhen (?:will|would|do|does|did|can|is|are|should|shall)\b|what time|多久|多长时间|多少天|多少时间|多少年|多少个?月|多少周|多少个?星期|多少个?小时|多少个?工作日|几天|几个?工作日|几个?小时|几个?月|几年|几周|几号|什么时候|何时|多快|时效|几耐|几时|怎么还(?:没|不|未)|为什么还(?:没|不|未)/u;
const ASK_AMOUNT = /how much|\b(?:costs?|prices?)\b|多少钱|几块|几元|多少元|价格|价钱|要钱|收钱|免费|包邮|几多钱|花多少/u;
/** A fee named as what a question is about (运费, fees): it asks the amount, unless it asks something else of it (退货运费由谁承担). */
const ASK_AMOUNT_TOPIC = /\b(?:fees?|charged?|charges)\b|\bfree\b|运费|费用|收费/u;
const ASK_WHO = /\bwho(?:se|m)?\b|谁|哪方|哪一方|边个/u;
const ASK_BASIS = /怎么收费|如何收费|收费标准|怎么算|如何算|怎么计算|如何计算|按什么算|怎么定|how (?:is|are) (?:it |they |the )?[a-z ]{0,30}(?:calculated|worked out|decided)\b/u;
const ASK_STEPS = /how (?:do|can|should) (?:i|we)\b|how to\b|what (?:should|do) i do\b|怎么|怎样|如何|步骤|流程|点样/u;
/** A procedure named with the steps word (怎么申请价格保护, 运费险怎么理赔, how do I request a price match): the fee words are its topic. */
const ASK_PROCEDURE = /申请|理赔|办理|报销|\b(?:request|claim|apply)\b/u;
/** …unless the question asks the amount of it too (申请价格保护要钱吗, how much is a repair claim). */
const ASK_AMOUNT_ITSELF = /how much|多少|几块|几元|几多钱|要钱|收钱|吗|\b(?:is|are) (?:it|that|this|they|there)\b[a-z ]{0,20}\bfree\b/u;
const ASK_CAN = /^(?:is it possible|am i able)\b|\b(?:can|could|may) (?:i|we)\b|\bam i allowed\b|能不能|可不可以|可以.{0,12}吗|能.{0,12}吗|行不行|可否|是否(?:可以|能|支持)|支持.{0,12}吗|得唔得|可唔可以/u;

/**
 * The words that say what a question asks, not what about: with the question's ask, passages leave
 * their terms out (how LONG does a refund take found "as LONG as it has its tags" before the refund's
 * 5 to 10 business days; 多长时间's 时间 found 预约时间).
 */
export const ASK_WORDS = 'how long soon quickly fast much when who whose 多久 多长时间 多少天 几天 什么时候 何时 多少钱 多少 谁 怎么 怎样 如何 能不能 可不可以';

/** What a question asks for (ASKS_* bits); the steps only when it asks nothing more particular (怎么收费 asks a fee). */
export function questionAsks(normalized: string): number {
  let asks = 0;
  // 怎么申请价格保护, 如何申请免费维修: the steps of a procedure whose name holds a fee word
  const procedure = ASK_STEPS.test(normalized) && ASK_PROCEDURE.test(normalized) && !ASK_AMOUNT_ITSELF.test(normalized);
  if (ASK_TIME.test(normalized)) asks |= ASKS_TIME;
  if (!procedure && ASK_AMOUNT.test(normalized)) asks |= ASKS_AMOUNT;
  if (ASK_WHO.test(normalized)) asks |= ASKS_WHO;
  if (asks === 0 && !procedure && ASK_AMOUNT_TOPIC.test(normalized)) asks |= ASKS_AMOUNT;
  if (ASK_BASIS.test(normalized)) asks |= ASKS_BASIS;
  if (asks === 0 && ASK_STEPS.test(normalized)) asks |= ASKS_STEPS;
  if (ASK_CAN.test(normalized)) asks |= ASKS_CAN;
  return asks;
}

// what a unit states
const CN_COUNT = '[\\d一二两三四五六七八九十百半几]';
const STATES_TIME = new RegExp(
  [
    `${CN_COUNT}\\s*(?:[-~～–—至到]\\s*${CN_COUNT}+\\s*)?(?:个)?(?:工作日|自然日|天|日内|小时|分钟|周|星期|个月|年)`,
    '当天|当日|次日|隔日|翌日|即时|实时|立即|马上|\\d{1,2}[:：]\\d\\d|\\d{1,2}点',
    '\\b\\d+(?:\\.\\d+)?\\s*(?:(?:-|–|—|to)\\s*\\d+\\s*)?(?:working |business |calendar )?(?:days?|hours?|hrs?|minutes?|mins?|weeks?|months?|years?)\\b',
    '\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|a|an|a few)\\s+(?:working |business )?(?:days?|hours?|weeks?|months?|years?)\\b',
    // a 2-year warranty, 30-day returns, 24h, 24/7
    '\\b\\d+\\s*[-‐‑]\\s*(?:working[-‐‑ ]|business[-‐‑ ])?(?:day|hour|minute|week|month|year)s?\\b|\\b\\d+\\s*h\\b|\\b24\\s*/\\s*7\\b',
    '\\b(?:immediately|instantly|same day|next (?:working |business )?day|overnight)\\b|\\b\\d{1,2}(?:[:.]\\d\\d)?\\s*(?:am|pm)\\b',
  ].join('|'),
  'u',
);
const STATES_AMOUNT = /[¥￥$£€]\s*\d|\d\s*(?:元|块|rmb|yuan|美元|港币|英镑|欧元)|\b\d+(?:\.\d+)?\s*(?:dollars?|pounds?|euros?|usd|gbp|eur)\b|\d\s*%|免费|包邮|免运费|不收费|不收取|\bfree\b|\bno charge\b/u;
const STATES_AMOUNT_WEAK = /收取|费用|收费|运费|付费|报价|\bfees?\b|\bcharges?\b|\bcosts?\b|\bprices?\b|\bdeducted\b/u;
const STATES_WHO = /由[^，。,；;]{0,10}(?:承担|负责|支付|收取|出|付)|(?:卖家|买家|商家|本店|我们|我司|顾客|消费者|用户|客户|您|你|平台|师傅)[^，。,；;]{0,6}(?:承担|负责|支付|自付|自理)|承担|自理|(?<!\b(?:before|after|when|whenever|once|until|till|if|unless|while|as soon as|how|can|could|do|may) )\b(?:we|you|the customer|customers|buyers?|sellers?)(?:'ll| will| must| have to| need to| will not| won't| won’t| do not| don't| don’t)? (?:pay|pays|cover|covers|bear|bears)\b|\bpaid by\b|\bat (?:our|your) (?:own )?(?:cost|expense)\b|\bon us\b|\bresponsib(?:le|ility)\b/u;
const STATES_BASIS = /按[^，。,；;]{0,16}(?:计算|算|收取|执行|折算|赔付)|以[^，。,；;]{0,20}为准|\b(?:calculated|worked out) (?:on|by|from)\b|\bbased on\b|\bdepends on\b/u;
const STEP_MARKER = /^(?:\d+[.、)）]|[（(]\d+[）)]|第[一二三四五六七八九十\d]+步|step\s*\d+)/u;
const STATES_STEPS_WEAK = /^(?:请|点击|进入|打开|选择|登录|填写|联系|拨打|提交|在“|在「|go to|sign in|log in|click|tap|select|choose|open|enter|visit|call|email|contact|print|pack|fill|start|use|send)|→|\s>\s/u;
const STATES_CAN = /可以|不可以|不能|无法|不支持|支持|不予|不得|允许|不接受|不提供|不适用|仅限|只能|\bcan(?:not|'t|’t)?\b|\bunable\b|\bnot (?:available|allowed|accepted)\b|\bwe (?:do not|don't|don’t) (?:offer|accept)\b/u;

/** What a unit states (its normal form), as ASKS_* bits, the weak ones shifted by WEAK_SHIFT. */
export function unitStates(normalized: string): number {
  let s = 0;
  if (STATES_TIME.test(normalized)) s |= ASKS_TIME;
  if (STATES_AMOUNT.test(normalized)) s |= ASKS_AMOUNT;
  else if (STATES_AMOUNT_WEAK.test(normalized)) s |= ASKS_AMOUNT << WEAK_SHIFT;
  if (STATES_WHO.test(normalized)) s |= ASKS_WHO;
  if (STATES_BASIS.test(normalized)) s |= ASKS_BASIS;
  if (STEP_MARKER.test(normalized)) s |= ASKS_STEPS;
  else if (STATES_STEPS_WEAK.test(normalized)) s |= ASKS_STEPS << WEAK_SHIFT;
  // (can / 可以 is in half the sentences of a help page: never more than a weak statement)
  if (STATES_CAN.test(normalized)) s |= ASKS_CAN << WEAK_SHIFT;
  return s;
}

/** A clause's states: its own, and its sentence's as weak ones (a clause of a sentence that says who pays is about who pays, if less than the clause that says it). */
export function clauseStates(own: number, sentence: number): number {
  return own | ((sentence & ((1 << WEAK_SHIFT) - 1)) << WEAK_SHIFT) | (sentence & ~((1 << WEAK_SHIFT) - 1));
}

/**
 * How well a unit that states `states` answers a question that asks `asks`: per kind asked, 1 when
 * it states it, 0.5 when weakly; the best kind counts whole and each further one half (怎么收费
 * asks a fee and how it is worked out: 按零件成本加人工费收取费用 states both).
 */
export function askMatch(asks: number, states: number): number {
  const strong = asks & states;
  const weak = asks & (states >> WEAK_SHIFT) & ~strong;
  if (strong === 0 && weak === 0) return 0;
  const total = bits(strong) + 0.5 * bits(weak);
  const first = strong !== 0 ? 1 : 0.5;
  return first + (total - first) / 2;
}

function bits(n: number): number {
  let c = 0;
  for (let v = n; v !== 0; v &= v - 1) c++;
  return c;
}

/**
 * The units' term scores with what the question asks added: a unit that states it gains
 * ASK_SHARE of the best unit's term score (of 1 when no unit holds a question term), half that for a
 * weak statement. A table row states what its header names (Refund appears in your account |
 * 3 to 5 working days): when it states what the question asks, it counts its header's term score too.
 * A sentence cut into clauses is weighed whole against the other units (`sentenceStates`: per
 * clause, what its sentence states): its best clause scores at least the sentence's best term score
 * plus the sentence's gain. "- UK: 1-2 business days, free on orders over £30, otherwise £3.95" cut
 * at its commas states the UK's price, though not in the clause that says UK, and a neighbour that
 * states a price itself ("Express shipping … in the UK for £6.95") must not beat it for that alone.
 */
export function withAsks(
  scores: Float64Array,
  units: readonly { kind: string; leadIn?: number; sentence?: readonly [number, number] }[],
  states: ArrayLike<number>,
  asks: number,
  sentenceStates?: ArrayLike<number>,
): Float64Array {
  if (asks === 0) return scores;
  let best = 0;
  for (const s of scores) if (s > best) best = s;
  const gain = ASK_SHARE * (best > 0 ? best : 1);
  const out = Float64Array.from(scores);
  for (let i = 0; i < units.length; i++) {
    const m = askMatch(asks, states[i]!);
    if (m === 0) continue;
    const unit = units[i]!;
    const header = unit.kind === 'row' && unit.leadIn !== undefined ? scores[unit.leadIn]! : 0;
    out[i] = out[i]! + m * (gain + header);
  }
  if (sentenceStates === undefined) return out;
  const sentences = new Map<number, number[]>();
  for (const [i, u] of units.entries()) {
    if (u.sentence === undefined) continue;
    const members = sentences.get(u.sentence[0]);
    if (members === undefined) sentences.set(u.sentence[0], [i]);
    else members.push(i);
  }
  for (const members of sentences.values()) {
    const m = askMatch(asks, sentenceStates[members[0]!]!);
    if (m === 0) continue;
    let top = members[0]!;
    let term = 0;
    for (const i of members) {
      if (out[i]! > out[top]!) top = i;
      term = Math.max(term, scores[i]!);
    }
    out[top] = Math.max(out[top]!, term + m * gain);
  }
  return out;
}
