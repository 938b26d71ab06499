/**
 * The questions an English section's text asks (`enContent`), sentence by sentence: question
 * lines, definitions (X means …), what "you can / must / have N days to / have the right to" do
 * (Can I …?, Do I have to …?, How long do I have to …?), how long the topic takes and what it costs
 * when it is a process or has a price, a free-delivery threshold, who is eligible, and a how-to
 * question for numbered steps.
 */
import { looksLikeQuestion, lowerFirst, sentences } from './text.js';
import type { GeneratedQuestion, GenerationRule, SectionInput } from './questions.js';
import { asAsker, asCustomer, asTask, inQuestion, isPluralTopic, sentenceCase, toShop, verbFirst, withThe } from './en-phrasing.js';
import { EN_ACTIVITY, EN_CLAUSE_HEADING, EN_DOCUMENT_HEAD, EN_GENERIC_HEADING, EN_LEADING_WORD, EN_PAIR, EN_PRICED, EN_PROBLEM, EN_PROCESS, EN_TASK, EN_UNPAID_TASK, isGerundHeading, isSituation } from './en-heading.js';

export const EN_TIME = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty|sixty|ninety)(?:\s+(?:business\s+|calendar\s+|working\s+)?(?:hours?|days?|weeks?|months?|years?)|-(?:hour|day|week|month|year))\b/i;

// (£3.95 and €6.95 are prices as $7.95 is: a shipping page priced in pounds asked no How much)
// (charge as a verb names no fee: "the card we charge" asked How much does updating my card cost?; so do
// We'll charge, We don't charge, We never charge and Stripe charges your card, SaaS review 2026-11-27)
const EN_FEE = /[$£€¥]\s?\d|\d\s?(?:GBP|EUR|USD)\b|\bfees?\b|\bcosts?\b|(?<!(?:\b(?:we|to|will|may|i|you|they|not|would|could|should|shall|might|must|can|also|never|always|only|then|automatically|immediately)|['’]ll|n['’]t)\s)\bcharges?\b(?!\s+(?:you|your|the|it|them|this|that|these|those|my|our|their|his|her|every|each|any|a\s+card|cards?|customers?|users?)\b)|\bprice\b|\bfree of charge\b/i;

/** A free-delivery threshold: free on orders over £30, free shipping for orders above $50. */
export const EN_FREE_OVER = /\bfree\b[^.;]{0,30}?\b(?:orders?|purchases?|spend(?:ing)?)\s+(?:over|above|of|from)\s+(?:[A-Z]{0,3}[$£€¥]|\d)/iu;

const EN_DEFINITION = /^(?:the term\s+)?["“]?([A-Za-z][\w\s'-]{1,40}?)["”]?\s+(?:means|refers to|is defined as|is a term for)\b/i;

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
/**
 * A time a task must be done within, counted from an event (within 30 days of delivery, up to 1 hour
 * after ordering): how long the customer has, not how long the task takes — Start a Return with
 * "start your return within 30 days of delivery" asks How long do I have to start a return? (was How
 * long does it take to start a return?, an apparel shop's trial, 2026-11-27).
 */
const EN_DEADLINE = /\b(?:within|up\s+to|no\s+later\s+than)\s+(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty|sixty|ninety)\s+(?:business\s+|working\s+|calendar\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\s+(?:of|from|after|since)\b/iu;

// (we'll as we will: a furniture shop's "We'll contact you within 2 business days" made How to start a return ask How long does it take to start a return?)
const EN_SHOP_REPLIES = /\b(?:we|our\s+(?:team|staff|support|agents?))(?:['’]ll\s+|\s+(?:will\s+|usually\s+|normally\s+|aim\s+to\s+)?)(?:reply|respond|answer|get\s+back|reach\s+out|contact\s+you|call\s+you|email\s+you|text\s+you)\b/iu;

/** A task on any goods (return items, exchange products): allowed for every item, so what is asked is by when. */
const EN_GENERIC_OBJECT = /^[\p{L}-]+\s+(?:(?:your|most|all|any|the)\s+)?(?:items?|products?|goods|things|purchases?|orders?)$/iu;

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
  // "you can cancel within 1 hour", "you can return it once it arrives": a verb alone or with a
  // pronoun names no task (Can I cancel?, Can I return it? matched every question about returning)
  if (/^[\p{L}-]+(?:\s+(?:it|them|this|that|these|those|one))?$/iu.test(object)) return undefined;
  return object;
}

/** A heading that asks something (What is not covered, Why was my order cancelled): no thing to put in a template. */
const EN_QUESTION_START = /^(?:what|when|where|why|who|whom|whose|which|how|can|could|do|does|did|is|are|was|were|will|should|may)\b/iu;

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

/** A task of being something, as a customer asks it: be eligible → become eligible, be considered a … → qualify as a … (never How do I be …?). */
function becoming(task: string): string {
  return task.replace(/^be\s+considered\s+(?:as\s+)?/iu, 'qualify as ').replace(/^be\s+/iu, 'become ');
}

/** How a time question about a task opens: how long the customer has when the sentence sets a deadline (EN_DEADLINE), else how long doing it takes. */
/**
 * Does the sentence time the task (start a return, track my order): it names the task's verb (tracking for
 * track) or says it takes, no reply of the shop's, and a duration that is no frequency (every two weeks)?
 */
function timesTask(sentence: string, task: string): boolean {
  const verb = /^\p{L}+/u.exec(task)?.[0]?.toLowerCase() ?? '';
  const stem = verb.length > 4 ? verb.replace(/e$/u, '') : verb;
  // (It takes 3 days: the task itself is timed)
  const named = new RegExp(`\\b${stem}`, 'iu').test(sentence) || /^\s*it\s+(?:usually\s+|normally\s+|only\s+|can\s+|may\s+)?takes?\b/iu.test(sentence);
  if (stem === '' || !named || EN_SHOP_REPLIES.test(sentence)) return false;
  const time = EN_TIME.exec(sentence);
  return time !== null && !/\b(?:every|each|per)\s+$/iu.test(sentence.slice(0, time.index));
}

function howLong(sentence: string): string {
  return EN_DEADLINE.test(sentence) ? 'How long do I have to' : 'How long does it take to';
}

/**
 * Adds to `out` the questions the section's text asks, sentence by sentence; `topic` is its heading's
 * topic, put in the templates (How long does delivery take?) only when it names a thing that can take
 * time or cost money, and `names` the words the text writes with a capital.
 */
export function enContent(input: SectionInput, topic: string | undefined, out: GeneratedQuestion[], names: ReadonlySet<string>): void {
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
  const measured = about !== undefined ? measurableTopic(EN_PAIR.test(about) ? sentenceCase(about, names).replace(/\s+&\s+/gu, ' and ') : about) : undefined;
  // one word left of a title (Shipping of Shipping Policy) is no name: How long does shipping take? (was …does Shipping take?)
  const measurable = measured !== undefined && /^\p{Lu}\p{Ll}+$/u.test(measured) && measured !== about ? lowerFirst(measured, names) : measured;
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
    if (todo?.[1] !== undefined) add(`How do I ${becoming(asCustomer(todo[1].trim()))}?`, 'procedure');
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
    // "you can return items within 30 days of delivery": how long one has is what is asked (Can I
    // return items? matched every question about returning something, can i return swimwear too)
    else if (canDo !== undefined && EN_DEADLINE.test(s) && EN_GENERIC_OBJECT.test(canDo) && EN_AFTER_SALES_ACT.test(canDo)) add(`How long do I have to ${asCustomer(canDo.replace(/^(\p{L}+)\s+(?:most|all|any|some)\s+/u, '$1 '))}?`, 'time-limit');
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
      // — when the sentence times the task (its verb), not another step or thing: the pending charge drops off
      // within 3–5 business days (Cancel an order), drop the parcel off within 14 days (How to start a return),
      // our team will reply within 3 business days, pay every two weeks
      else if (activityTask !== undefined) {
        if (timesTask(s, activityTask)) add(`${howLong(s)} ${activityTask}?`, 'time-limit');
      } else if (topic !== undefined && EN_TASK.test(topic)) {
        const task = asAsker(verbFirst(sentenceCase(topic, names)));
        if (timesTask(s, task)) add(`${howLong(s)} ${task}?`, 'time-limit');
      }
      // only a process or an activity takes time (delivery, an appeal, returning my item): How long do Monthly Payments take? asks nothing
      else if (measurable !== undefined && (EN_PROCESS.test(measurable) || /^\p{L}+ing\b/u.test(measurable))) add(`How long ${does} ${measurable} take?`, 'time-limit');
      // "We reply within 24 hours" is how soon the shop answers, not how long the task takes (How long does it take to claim?)
      else if (howTo !== undefined && !EN_SHOP_REPLIES.test(s)) add(`${howLong(s)} ${howTo}?`, 'time-limit');
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
