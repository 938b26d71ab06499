/**
 * The questions an English heading asks (`enHeading`), by the kind of heading: a question or the
 * phrase of one (How to make a claim → How do I make a claim?), a manual's heading with no object
 * (Pairing, Troubleshooting), a situation, an activity or a task (How do I …?), a condition (If …),
 * a policy, a process (How do refunds work?), where parcels go, a problem, a part of a size guide,
 * else What is/are …?; `enProduct` is the product an English manual is about (Pairing → How do I
 * pair my earbuds?). The heading kinds (EN_TASK, EN_PROCESS, EN_PRICED …) are also what
 * en-content.ts checks a topic against.
 */
import { NO_NAMES, headingIsQuestion, lowerFirst, stripNumbering } from './text.js';
import { escapeRegExp } from './topic.js';
import { EN_GERUND_VERBS, asAsker, asCustomer, asTask, gerundVerb, inQuestion, isPluralTopic, sentenceCase, sentenceCaseWord, toShop, verbFirst, withThe } from './en-phrasing.js';

/**
 * What a list after a verb that is also a noun says of that noun (Return policy, fees and exceptions, Exchange
 * rates, fees and limits, Edit history, notes and status): things to know about it, no task (How do I return
 * policy, fees and exceptions?). Any of these in the list reads it so.
 */
const EN_LISTED_ABOUT = String.raw`(?:fees?|charges?|costs?|prices?|rates?|limits?|deadlines?|exceptions?|rules?|polic(?:y|ies)|windows?|history|status|labels?|shipping|trends?|data|value|expiry|terms|conditions|eligibility|times?|timing|options?|process|requirements?)`;

/**
 * A heading that is a task in the imperative (Apply online, Appeal a decision, Replace your card).
 * A verb that is also a noun (return, order, appeal, change) needs its object's determiner: Return
 * window and Appeal process are things; so are a fee, a link and a price (Charge for returns, Link to the returns
 * portal, Rate for international orders); and the shop ships, not the customer: Ship to Canada asks Do you ship to
 * Canada? (EN_SHIPPING_TO).
 */
export const EN_TASK = new RegExp(String.raw`^(?!(?:charge\s+for|link\s+to|rate\s+(?:for|to)|ship\s+(?:to|outside|within))\s)(?:(?:apply|renew|replace|cancel|register|calculate|prepare|obtain|verify|enroll|consolidate|reinstate|surrender|submit|create|sign\s+up|get|manage)\s+\p{L}|(?:appeal|request|change|report|file|pay|update|contact|return|track|schedule|transfer|order|check|claim|upgrade|repay|start|buy|book|exchange|redeem|reset|factory\s+reset|pair|charge|clean|install|link|unlink|mount|empty|restart|reboot|rename|move|skip|pause|resume|refill|print|ship|rate|review)\s+(?:for\s+|to\s+|a\s+|an\s+|the\s+|your\s+|my\s+)\p{L}|(?:change|add|edit|remove|cancel|update|modify|return|exchange)\s+(?:or|and|&)\s+(?:change|add|edit|remove|cancel|update|modify|return|exchange)\s+\p{L}|pay\s+(?:in|by|with|later|monthly|over)\s+[\p{L}\p{N}]|(?:change|update|edit|add|remove|cancel|return|exchange|modify|swap)\s+(?!(?:\p{L}+(?:,\s*|,?\s+(?:or|and)\s+))*${EN_LISTED_ABOUT}\b)\p{L}+(?:,\s*\p{L}+)+,?\s+(?:or|and)\s+\p{L})`, 'iu');

/**
 * More imperatives a heading opens with, verbs that are seldom nouns (Understand Your Loan, Gather
 * Information, Keep Good Records, Meet Aidan): tasks, but nothing one pays for.
 */
export const EN_UNPAID_TASK = /^(?:understand|speak|talk|gather|withdraw|keep|notify|avoid|meet|learn|find|choose|compare|protect|make|take|know|read|decide|determine|explore|tell|send|bring|attend|follow|give|ask|reduce|prevent|locate|activate|connect|enter|add|remove|delete|provide|download|upload|become|share|invite|unpair|uninstall|enable|disable|set\s+up|log\s+in|sign\s+in|find\s+out|look\s+up|figure\s+out)\s+\p{L}/iu;

/** Words in -ing that name a thing, not an activity: Shipping Information, Housing Assistance. */
const EN_ING_NOUN = /^(?:shipping|billing|packaging|pricing|housing|training|funding|boarding|parking|clothing|banking|lending|hearing|meeting|building|booking|listing|rating|setting|wedding|morning|evening|earnings|savings|offering|opening|warning|recording|marketing|printing|testing|screening|counseling|counselling|nursing|tutoring|spring|string|ceiling|thing|nothing|something|everything|anything)\b/iu;

/** Headings that name nothing to ask about: Additional Information, Overview, Frequently Asked Questions (About Aidan). */
export const EN_GENERIC_HEADING = /^(?:(?:additional|more|other|general|related|further|helpful|useful)\s+)?(?:information|info|details|resources|links|topics|notes|overview|introduction|summary|background|contents?)$|^(?:frequently\s+asked\s+questions|faqs?)\b|^(?:learn|read|find\s+out|see)\s+more$|^(?:contact|follow|about)\s+us$|^(?:see\s+also|share|print|related)$/iu;

/** A heading that opens with a preposition or a conjunction: For Reservists, Before You Apply, Once You've Applied. */
export const EN_LEADING_WORD = /^(for|about|before|after|once|when|while|during|until|without|at|upon)\s+(?!a\s+glance$)(\p{L}.{2,})$/iu;

/** A heading that is a statement: its subject, a modal or a form of be, the rest (Other Payments May Affect Your Disability Benefits). */
export const EN_CLAUSE_HEADING = /^(?!(?:if|unless|when|while|once|before|after|until|for|about|during|without)\s)(\p{L}[\p{L}\s'’-]{1,40}?)\s+(may|can|will|must|should|could|is|are)\s+(\p{L}.{2,})$/iu;

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

/**
 * An -ing word that says what kind a thing is, before a noun that names things of a kind: Cleaning codes,
 * Washing instructions, Cleaning products, Care tips (was How do I clean codes?).
 */
const EN_ING_KIND = /^\p{L}+ing\s+(?:codes?|instructions?|tips|products?|supplies|rates|options|methods|labels?|guides?|guidelines|charts?|kits?|materials?|solutions?|machines?|agents?|zones?|hours|requirements|symbols?|tags?)$/iu;

/** A heading that opens with an activity in -ing (Accepting Financial Aid), not with a thing in -ing (Shipping Information, Cleaning codes). */
export function isGerundHeading(topic: string): boolean {
  return EN_GERUND_HEADING.test(topic) && !EN_ING_NOUN.test(topic) && !EN_ING_KIND.test(topic);
}

/** A topic that is a process, something that takes time: delivery, a refund, an appeal, a card's replacement. */
export const EN_PROCESS = /\b(?:processing|delivery|deliveries|shipping|refunds?|repairs?|reviews?|appeals?|applications?|renewals?|replacements?|approvals?|decisions?|hearings?|exchanges?|returns?|transfers?|installation|registration|verification|reconsideration|claims?|inspections?|tests?|enrollment|process|investigation|determination|evaluation|training|dispatch|collection|pickup|cancellation|discharge|disbursement|payout)$/iu;

/** What has a price: a licence, a card, a test, delivery, a repair, a copy, a fee. */
export const EN_PRICED = /\b(?:licen[cs]es?|permits?|cards?|ids?|tests?|exams?|plates?|registrations?|titles?|transfers?|renewals?|replacements?|insurance|premiums?|coverage|delivery|shipping|postage|repairs?|services?|fees?|tuition|cop(?:y|ies)|records?|certificates?|passports?|inspections?|returns?|exchanges?|installation|warranty|warranties|subscriptions?|memberships?|plans?|tickets?)$/iu;

/** An activity, not a thing: Tracking your parcel, Cancelling an order. */
export const EN_ACTIVITY = /^\p{L}+ing\s+(?:your|my|our|a|an|the|this|these|its|their)\b/iu;

/** Headings that name a page or a document, not something that takes time or costs money. */
export const EN_DOCUMENT_HEAD = /\b(?:policy|policies|terms|conditions|information|info|overview|introduction|summary|guide|rules|faqs?|questions|options)$/iu;

/** A process customers ask how it works about when it is the whole heading: Refunds, Exchanges, Payment, Assembly. */
const EN_WORKS = /^(?:refunds?|returns|exchanges|repairs|payments?|delivery|shipping|dispatch|collection|assembly|installation|cancellations?|replacements?|subscriptions?|billing|tracking)$/iu;

/** A heading joining two topics with & or and, no determiner: Shipping & Delivery, Orders and prices. */
export const EN_PAIR = /^[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:&|and)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu;

/** A heading naming three topics or more: Highlands, Islands and Northern Ireland; Rugs, curtains and blinds. */
const EN_LIST = /^[\p{L}-]+(?:\s+[\p{L}-]+)?(?:,\s*[\p{L}-]+(?:\s+[\p{L}-]+)?)+,?\s+(?:&|and|or)\s+[\p{L}-]+(?:\s+[\p{L}-]+)?$/iu;

/** A policy or terms page named by its heading: Returns & Refunds Policy, Terms of Sale, Privacy Notice. */
const EN_POLICY = /\b(?:policy|policies|terms(?:\s+(?:of\s+(?:sale|service|use)|and\s+conditions))?|notice)$/iu;

/** A verb's -s ending and what its plain form ends in instead: covers → cover, carries → carry. */
const EN_VERB_ENDINGS: Readonly<Record<string, string>> = { ies: 'y', shes: 'sh', ches: 'ch', sses: 'ss', xes: 'x', s: '' };

/**
 * A heading that is a question written as a phrase: How to make a warranty claim → How do I make a
 * warranty claim?; What to do if your parcel is late → What should I do if my parcel is late?; What
 * the warranty covers → What does the warranty cover?; Where your order is → Where is my order?;
 * What we do with your data → What do you do with my data?; When you are charged → When am I charged?; When you'll
 * get your refund → When will I get my refund? Undefined for a heading that is no such phrase.
 */
export function enPhraseQuestion(topic: string): string | undefined {
  const t = topic.replace(/\?+$/u, '').trim();
  const how = /^how\s+to\s+(.+)$/iu.exec(t);
  if (how?.[1] !== undefined) return `How do I ${asAsker(verbFirst(how[1]))}?`;
  const whTo = /^(what|when|where|who|which)\s+to\s+(.+)$/iu.exec(t);
  if (whTo?.[1] !== undefined && whTo[2] !== undefined) return `${sentenceCaseWord(whTo[1])} should I ${asAsker(whTo[2])}?`;
  const wh = /^(what|when|where|why|how\s+(?:much|long|often)|which\s+\p{L}+)\s+(.+)$/iu.exec(t);
  if (wh?.[1] === undefined || wh[2] === undefined) return undefined;
  const ask = wh[1].charAt(0).toUpperCase() + wh[1].slice(1).toLowerCase();
  // (you'll, we'll: the modal written out)
  const rest = wh[2].replace(/^(we|you)['’]ll\b/iu, '$1 will');
  // we/you + are: When you are charged → When am I charged?, What we are doing about it → What are you doing about it?
  const are = /^(we|you)\s+are\s+(\p{L}.*)$/iu.exec(rest) ?? /^(we|you)['’]re\s+(\p{L}.*)$/iu.exec(rest);
  // (after When only a participle: When you are away, When you're not home is a condition, not a time asked for)
  const asked = are?.[2] !== undefined && (ask !== 'When' || /^(?:\p{L}{2,}(?:ed|en)|paid|sent|eligible)\b/iu.test(are[2]));
  if (asked && are?.[1] !== undefined && are[2] !== undefined) return `${ask} ${are[1].toLowerCase() === 'we' ? 'are you' : 'am I'} ${asCustomer(are[2])}?`;
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

/** Whether a heading says how to reach the shop (Contact, Get in touch): the whole shop's, whatever document it is in. */
export function isContactHeading(topic: string): boolean {
  return EN_CONTACT_HEADING.test(stripNumbering(topic).trim());
}

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

/**
 * The questions an English heading asks, best first (none for a heading that names nothing to ask
 * about, such as Overview): the first kind of heading that fits decides them, in the order below.
 * `product` is what a manual is about (`enProduct`); `text` is the section's, which some kinds read
 * (a topic it defines keeps What is …?).
 */
/** A heading of a label, a colon and more words (Fit notes: which styles run small or large); not a time (10:30). */
const EN_LABELLED_HEADING = /^([\p{L}][^:]{2,40}?):\s+(\p{L}.{2,})$/u;
/** A label that names no topic (Note:, Important:, Step 1:, Option A:): the heading is what follows it. */
const EN_BARE_LABEL = /^(?:notes?|please\s+note|important|tips?|warning|reminder|update|notice|attention|caution|(?:step|part|section|stage|phase)\s+\d+|option\s+[\p{L}\d])$/iu;
/** What follows a heading's colon when it asks something itself. */
const EN_ASKS = /^(?:how|what|when|where|why|who|which|can|do|does|is|are|will|should)\s+\p{L}/iu;
/** A colon's part that opens with a question word but asks nothing (what you need to know, how it works). */
const EN_NO_QUESTION = /^(?:what\s+(?:you|to)\s+(?:need\s+to\s+)?(?:know|expect|do)|how\s+(?:it|this)\s+works?)\b/iu;

/**
 * What after a label's colon is a clause, not a thing: a pronoun subject, a negation, a rule's adverb or
 * adjective, or a finite verb (we accept PayPal, not available to PO boxes, usually within a week, free for members).
 */
const EN_LABEL_CLAUSE = /^(?:we|you|i|they|it|not|only|usually|always|never|often|sometimes|normally|typically|generally|free|available|included|eligible|covered|refundable|returnable|within|up\s+to|from|no\s+longer|\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b|\b(?:is|are|was|were|will|won't|can|can't|cannot|must|may|do|does|don't|doesn't|isn't|aren't)\b/iu;

export function enHeading(topic: string, names: ReadonlySet<string>, product?: string, text = ''): string[] {
  // a label and what it is about after a colon (Fit notes: which styles run small or large): the
  // part after the colon asks when it is a question, and the label is the topic (was What is the
  // fit notes: which styles run small or large?); before a topic (Benefits Planner: Disability),
  // the label's questions come first and the whole heading's follow, so that its last words still
  // tell the sections apart
  const labelled = EN_LABELLED_HEADING.exec(topic);
  if (labelled?.[1] === undefined || labelled[2] === undefined) return headingQuestions(topic, names, product, text);
  const [label, rest] = [labelled[1].trim(), labelled[2].trim()];
  // (Note: Final sale items… asked What is the note?, Step 1: Pack your item What is the step 1?)
  if (EN_BARE_LABEL.test(label)) return headingQuestions(rest, names, product, text);
  const byLabel = headingQuestions(label, names, product, text);
  if (EN_ASKS.test(rest) && !EN_NO_QUESTION.test(rest)) return [`${rest.charAt(0).toUpperCase()}${rest.slice(1).replace(/[?.!]+$/u, '')}?`, ...byLabel];
  // a thing and, in a sentence's case, what about it (Robot vacuum: first-time setup, Home app: login
  // and account problems): asked about that, under the thing's name — the label's own question (What is
  // the robot vacuum?) asked what every section about the vacuum answers (smart-home trial, 2026-11-27)
  // a clause after the label (Payment: we accept PayPal, Shipping: not available to PO boxes, Returns: free
  // for members) is no thing to know about (was Payment: what do I need to know about we accept PayPal?): a
  // rule or a fault of the label's thing is asked as one (Is shipping available to PO boxes?), else the label's questions
  if (EN_LABEL_CLAUSE.test(rest)) {
    const joined = `${label} ${rest.replace(/[.!]+$/u, '')}`;
    const said = rest.replace(/[.!]+$/u, '');
    const free = /^(?:free|available|included|eligible|covered|refundable|returnable|only)\b/iu.test(rest) && !EN_NOT_A_THING.test(label) ? [`${isPluralTopic(label) ? 'Are' : 'Is'} ${lowerFirst(sentenceCase(label, names), names)} ${said}?`] : [];
    // Payment: we accept PayPal → Do you accept PayPal?
    // (Returns: we do not accept worn items → Do you accept worn items?)
    const weDo = /^we\s+(?:(?:do\s+not|don't|don’t)\s+)?((?!(?:are|is|will|can|may|must|do|don't|don’t|have|had)\b)\p{Ll}+\s+\p{L}.*)$/iu.exec(said)?.[1];
    // (Delivery: we are closed on Sundays → Are you closed on Sundays?)
    const weAre = /^(?:we\s+are|we're|we’re)\s+(\p{L}.*)$/iu.exec(said)?.[1];
    const asked = /^(?:not|won't|won’t|can't|can’t|cannot|doesn't|doesn’t|isn't|isn’t|keeps|stopped)\s/iu.test(rest)
      ? headingQuestions(joined, names, product, text).slice(0, 1)
      : weDo !== undefined ? [`Do you ${weDo}?`] : weAre !== undefined ? [`Are you ${weAre}?`] : [];
    // else the clause as a customer types it after the label's questions (Returns within 30 days?, Gift
    // cards never expire?): with the label's questions alone, Returns: within 30 days and Returns: usually
    // refunded in 5 days were one question twice (review 2026-11-27)
    const typed = free.length === 0 && asked.length === 0 && !/^we\s/iu.test(said) ? [`${label} ${said}?`] : [];
    return [...new Set([...free, ...asked, ...byLabel, ...typed])];
  }
  const about = !EN_ASKS.test(rest) && /^\p{Ll}[\p{L}-]*\s+\p{L}/u.test(rest) && !/[.;!?]/u.test(rest) ? [`${label}: what do I need to know about ${rest}?`] : [];
  return [...new Set([...about, ...byLabel, ...headingQuestions(topic, names, product, text)])];
}

/** Words a heading ends with that say how it tells, not what about: Plans at a glance, Billing explained. */
const EN_PRESENTATION = /\s+(?:at\s+a\s+glance|in\s+brief|in\s+short|in\s+a\s+nutshell|in\s+detail|explained)$/iu;

/**
 * A page's label after a service it is about (Shipping Information, Limited warranty summary, Delivery details),
 * which asked What is Shipping Information? and What is the limited warranty summary?: the service is asked about.
 * Only after a service (one of these; not any -ing word: Bedding details asked How does bedding work?): Personal information, Order details, Bank details,
 * Safety information are things of their own, and asked What is the personal? / What is the order? without it.
 */
const EN_SERVICE_LABEL = /^((?:[\p{L}-]+\s+)*(?:shipping|billing|tracking|pricing|ordering|booking|invoicing|sizing|cancell?ing|checkout|delivery|deliveries|payments?|warranty|warranties|guarantee|returns?|refunds?|exchanges?|postage|repairs?|installation|assembly|financing|subscriptions?|membership))\s+(?:information|info|details|summary|overview)$/iu;

/** A heading that is a state the customer is in, a participle and what it is out of or how (Locked out of 2FA, Charged twice, Signed out). */
const EN_STATE_HEADING = /^(?:(?:locked|signed|logged|kicked|shut|blocked|charged|billed|stuck)\s+(?:out|twice|again|from|off)\b|(?:hacked|suspended|banned|compromised|locked)$)/iu;

/**
 * A field or a practice named by a noun in -tion or -sion, up to two words before it (Two-factor
 * authentication, Data protection, Fraud prevention): asked without "the". The nouns are named: most
 * -tion nouns are counted (Delivery option, Desktop version, Browser extension, Order confirmation asked
 * What is delivery option?, SaaS review 2026-11-27) and keep it.
 */
const EN_FIELD_NOUN = /^(?:[\p{L}-]+\s+){0,2}(?:authentication|authori[sz]ation|protection|encryption|decryption|verification|validation|information|documentation|automation|administration|regulation|legislation|taxation|locali[sz]ation|personali[sz]ation|optimi[sz]ation|moderation|prevention|detection|retention|minimi[sz]ation|compression|synchroni[sz]ation|pseudonymi[sz]ation|anonymi[sz]ation|tokeni[sz]ation|segmentation|attribution|compensation|depreciation|consumption|transmission|discrimination|supervision|provision|accreditation|certification|insulation|ventilation|filtration|sanitation|hydration|nutrition|pollution|corrosion|oxidation|condensation|vibration|radiation|calibration)$/iu;

/** What customers get instead of what they paid for: a heading offering two of them is a choice they ask about. */
const EN_GETTABLE = /^(?:(?:a|an|the)\s+)?(?:full\s+|partial\s+)?(?:refunds?|(?:store|shop|account)\s+credit|credit|replacements?|repairs?|exchanges?|vouchers?|gift\s+cards?|money\s+back|compensation|cash|discounts?)$/iu;

/**
 * A heading offering a choice of two things (Refund or store credit, Repair or replacement): Can I get
 * a refund or store credit? when they are what a customer gets, else what to know about them — never
 * "What is the refund or store credit?", which asks for one thing. Undefined for another heading.
 */
function enChoice(t: string): string[] | undefined {
  const m = /^((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)\s+or\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)$/iu.exec(t);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  const [a, b] = [m[1].toLowerCase(), m[2].toLowerCase()];
  if (!EN_GETTABLE.test(a) || !EN_GETTABLE.test(b)) return [`What do I need to know about ${t}?`];
  // a refund, a replacement: one of a count; credit, cash and compensation are had, not counted
  // (full refund or partial refund: the noun is counted, the article goes before its adjective — was Can I get full refund or …?)
  const counted = (w: string): string => (/^(?:(?:full|partial)\s+)?(?:refund|replacement|repair|exchange|voucher|gift\s+card|discount)$/iu.test(w) ? `${/^[aeiou]/iu.test(w) ? 'an' : 'a'} ${w}` : w);
  const either = `${counted(a)} or ${counted(b)}`;
  return [`Can I get ${either}?`, `What do I need to know about ${either}?`];
}

function headingQuestions(heading: string, names: ReadonlySet<string>, product?: string, text = ''): string[] {
  // Plans at a glance is about the plans
  const plain = heading.replace(EN_PRESENTATION, '').replace(EN_SERVICE_LABEL, '$1');
  // (Additional Information is no page about "additional": nothing to ask, below)
  const topic = plain.length >= 3 && !EN_GENERIC_HEADING.test(heading) ? plain : heading;
  const phrase = enPhraseQuestion(topic);
  if (phrase !== undefined) return [phrase];
  // Not covered, Not included: what is not (was What is the not covered?)
  const not = /^not\s+(covered|included|eligible|accepted|allowed|permitted|refundable|returnable|available|supported|guaranteed)$/iu.exec(topic)?.[1];
  if (not !== undefined) return [`What is not ${not.toLowerCase()}?`, `What isn't ${not.toLowerCase()}?`];
  // How scheduling works, How we fix it, What the warranty doesn't cover: the question they word as a statement
  const indirect = enIndirectQuestion(topic, names);
  if (indirect !== undefined) return [indirect];
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
  // a state the customer is in (Locked out of 2FA): what to do then, not "What is the locked out of 2FA?"
  if (EN_STATE_HEADING.test(topic)) return [`What should I do if I'm ${lowerFirst(asAsker(topic), names)}?`, `${topic}: what can I do?`];
  // a thing that fails (Smart plug won't connect to Wi-Fi, E-gift card not received, Payment declined):
  // what to do then, not "What is the smart plug won't connect to Wi-Fi?"
  // a rule stated as a fact (Customs duties not included, Subscription won't renew automatically):
  // whether it holds, not what to do about a fault (was What should I do if my customs duties were not included?)
  const policy = enPolicyNot(topic, names);
  if (policy !== undefined) return [policy[0], `What do I need to know about ${policy[1]}?`];
  // a rule stated without its verb (Warranty void if opened, Klarna available at checkout): whether it holds
  const stated = enStatedRule(topic, names);
  if (stated !== undefined) return stated;
  const failing = enFailing(topic, names);
  if (failing !== undefined) return [`What should I do if ${failing}?`, `${topic}: what can I do?`];
  const cannotBe = enCannotBe(topic, names);
  if (cannotBe !== undefined) return [cannotBe];
  // Works with Alexa and Google Home: whether it does
  const works = /^works?\s+with\s+(\p{L}.{1,60})$/iu.exec(topic)?.[1];
  if (works !== undefined) return [`${product !== undefined ? `${isPluralTopic(product) ? 'Do' : 'Does'} my ${product}` : 'Does it'} work with ${works}?`, `What works with ${works}?`];
  const how = /^how\s+(?:to|do\s+i|can\s+i)\s+(.+)$/iu.exec(topic);
  if (how?.[1] !== undefined) return [`How do I ${how[1]}?`];
  if (EN_ACTIVITY.test(topic)) {
    const activity = toShop(asAsker(verbFirst(sentenceCase(topic, names))));
    const todo = asTask(activity);
    if (todo !== undefined) return [`How do I ${todo}?`, ...whereIs(todo), `What do I need to know about ${activity}?`];
    return [`How does ${activity} work?`, `What do I need to know about ${activity}?`];
  }
  // a duty with its deadline (Report damage within 48 hours, Return items within 30 days): how long the customer
  // has, and how to do it (was What is the report damage within 48 hours?)
  const duty = EN_DUTY_BY.exec(topic);
  if (duty?.[1] !== undefined && duty[2] !== undefined && duty[3] !== undefined && EN_DEADLINE.test(duty[3])) {
    const todo = `${duty[1].toLowerCase()} ${asAsker(lowerFirst(duty[2], names))}`;
    return [`How long do I have to ${todo}?`, `How do I ${todo}?`];
  }
  // a task (Appeal A Decision, Request a Deferment, Replace Your Card, Keep Good Records): how to do it, not what it is
  if (EN_TASK.test(topic) || EN_UNPAID_TASK.test(topic)) {
    const todo = asAsker(verbFirst(sentenceCase(topic, names)));
    return [`How do I ${todo}?`, ...whereIs(todo), `What do I need to know to ${todo}?`];
  }
  // a condition (If Your Application Is Denied): what to do then, not what it is
  const condition = /^if\s+(.{4,})$/iu.exec(topic);
  if (condition?.[1] !== undefined) {
    const when = asAsker(sentenceCase(condition[1], names));
    return [`What should I do if ${when}?`, `What happens if ${when}?`];
  }
  // a case of more than one (Multiple items in one order, Several coupons on an order): what happens then, not
  // what they are (was What are the multiple items in one order?, 2026-11-28)
  const many = /^(?:multiple|several|more\s+than\s+one|two\s+or\s+more)\s+(\p{L}[\p{L}'’-]*s\s+(?:in|on|from|with|for|per)\s+.{2,40})$/iu.exec(topic)?.[0];
  if (many !== undefined) {
    const them = asAsker(lowerFirst(sentenceCase(many, names), names));
    return [`What happens if I have ${them}?`, `What do I need to know about ${them}?`];
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
    // At delivery, Upon arrival: what the customer does then (was How does at delivery work?, How much does at postage cost?)
    if (word === 'at' || word === 'upon') return [`What should I do ${word} ${rest}?`, `What happens ${word} ${rest}?`];
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
  // a choice of two (Refund or store credit): Can I get a refund or store credit?, not What is the refund or store credit?
  const choice = enChoice(t);
  if (choice !== undefined) return choice;
  if (EN_PAIR.test(t) || EN_LIST.test(t)) return [`What do I need to know about ${sentenceCase(t, names).replace(/\s+&\s+/gu, ' and ')}?`];
  // a practice or a field named by a noun in -tion or -sion (Two-factor authentication, Data protection): no
  // "the" (was What is the two-factor authentication?); a singular count noun keeps it (the free trial)
  const the = EN_FIELD_NOUN.test(t) && !/^(?:the|a|an|my|your|our|this|that)\s/iu.test(t) && !EN_PROCESS.test(t) ? t : withThe(t);
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

/** A heading about where parcels go: Shipping to Hong Kong, Delivery outside the EU, International shipping to Canada, Ship to a PO box. */
const EN_SHIPPING_TO = /^(?:international\s+)?(?:shipping|ship|delivery|deliveries|shipments?)\s+(to|outside|within|in)\s+(\p{L}.{1,60})$/iu;

/** A topic that names a problem: missing, late, damaged, lost, broken, wrong … items; failed or declined payments. */
export const EN_PROBLEM = /\b(?:missing|missed|late|delayed|damaged|lost|broken|faulty|defective|wrong|stolen|incorrect|failed|declined|rejected|bounced)\b/iu;

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

/** Negations a heading states a failure with, as the customer's question says them (won’t → won't, not working → is not working). */
const EN_FAILS = /^((?:(?!(?:does|is|will)\s+not\b)[\p{L}\d-]+\s+){0,3}(?!(?:does|is|will)\s+not\b)[\p{L}\d-]+)\s+(won't|won’t|can't|can’t|cannot|doesn't|doesn’t|isn't|isn’t|hasn't|hasn’t|didn't|didn’t|keeps|stopped|will\s+not|does\s+not|is\s+not|not)\s+(?!be\b|been\b)(\p{Ll}[\p{L}\s'’-]*)$/u;
/** What happened to a payment or a parcel, a participle alone after it (Payment declined, Order delayed). */
const EN_BEFALLEN = /^((?:[\p{L}\d-]+\s+){0,3}[\p{L}\d-]+)\s+(declined|rejected|refused|delayed|damaged|lost|stolen|failed|marked\s+(?:as\s+)?delivered\b.*)$/iu;
/** Words a failing thing's name does not hold: a pronoun, a relative or a question word (Items that can't be returned). */
const EN_NOT_A_THING = /\b(?:i|you|we|they|my|your|our|their|that|which|who|what|why|how|when|where|if|but)\b/iu;

/** Words a shop's rule says of a thing, not what befalls a customer's own: included, offered, available, eligible. */
const EN_POLICY_WORD = /^(?:included|offered|supported|available|covered|guaranteed|eligible|allowed|permitted|provided|required|needed|applicable|free|refundable|returnable|exchangeable|transferable|compatible)$/iu;
/** Verbs a shop's rule says a thing does or does not do (Warranty does not cover accidental damage, Prices do not include VAT). */
const EN_POLICY_VERB = /^(?:include|cover|accept|offer|support|apply|allow|require|expire)$/iu;
/** What qualifies a rule, not a fault (shipped same day, issued for used items, shipped on weekends, renew automatically). */
const EN_POLICY_QUALIFIER = /\b(?:automatically|same[\s-]day|next[\s-]day|on\s+(?:weekends?|holidays?|sundays?|saturdays?)|internationally|abroad|overseas|outside|for\s+(?!me\b|my\b)\p{L}+|after\s+\d|to\s+(?:po\s+box|p\.o\.)|to\s+\p{L}+\s+(?:addresses|countries|boxes))/iu;
/** A heading that states a rule in the negative: its thing, how it is negated, the participle or verb and the rest. */
const EN_NEGATED_RULE = /^((?:(?!(?:does|do|will|is|are)\s+not\b)[\p{L}\d-]+\s+){0,5}(?!(?:does|do|will|is|are)\s+not\b)[\p{L}\d-]+)\s+(not|won't|won’t|doesn't|doesn’t|don't|don’t|does\s+not|do\s+not|will\s+not|isn't|isn’t|aren't|aren’t|is\s+not|are\s+not)\s+(\p{Ll}[\p{L}-]*)((?:\s+[\p{L}\d£$€%'’.-]+)*)$/u;

/**
 * A heading that states a shop's rule in the negative (Customs duties not included, International shipping not
 * offered, Subscription won't renew automatically, Refund not issued for used items): asked whether it holds —
 * Are customs duties included?, Does my subscription renew automatically? — as customers ask it, never as a fault
 * they suffered; and the thing it is about. Undefined for a thing that fails (E-gift card not received, Smart plug won't connect to Wi-Fi).
 */
export function enPolicyNot(topic: string, names: ReadonlySet<string>): [question: string, thing: string] | undefined {
  const m = EN_NEGATED_RULE.exec(topic.replace(/[.!]+$/u, '').trim());
  if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined || EN_NOT_A_THING.test(m[1])) return undefined;
  const [subject, how, word, rest] = [m[1], m[2].replace(/’/gu, "'").toLowerCase().replace(/\s+/gu, ' '), m[3], m[4] ?? ''];
  if (/\b(?:my|me|i|yet)\b/iu.test(rest)) return undefined;
  // the head before what qualifies it (Orders placed after 2pm: orders)
  const plural = isPluralTopic(subject.split(/\s+(?=(?:placed|bought|sent|made|ordered|purchased|after|before|for|from|with|in|on|over|under|of)\b)/iu)[0] ?? subject);
  const bare = lowerLetterPrefix(lowerFirst(sentenceCase(subject, names), names));
  const rule = EN_POLICY_QUALIFIER.test(rest);
  const be = /^(?:not|isn't|aren't|is not|are not)$/u.test(how);
  // a deadline a customer may miss (Items not returned within 30 days, Refund not claimed within 6 months): what follows
  // — only of what a customer does (return, collect, pay); the shop's own job (Order not shipped within 3 days)
  // is asked of the thing (What happens if the order is not shipped within 3 days?), a rule's (Returns not
  // accepted after 30 days) whether it holds, and a fault (Parcel not delivered on time) by the failing rule
  // (was What happens if I don't accept returns / ship the order / delivere the parcel …?)
  if (how === 'not' && EN_DEADLINE.test(rest)) {
    const verb = participleVerb(word);
    const them = withArticle(bare, plural, 'the');
    const about = `${them} not ${word}${rest}`;
    if (verb !== undefined && EN_CUSTOMER_DUTY.test(verb)) return [`What happens if I don't ${verb} ${them}${rest}?`, about];
    if (!rule && !/\d/u.test(rest)) return undefined;
    if (!rule) return [`What happens if ${them} ${plural ? 'are' : 'is'} not ${word}${rest}?`, about];
  }
  // (Refund not issued for used items → Is a refund issued …?, not Is refund issued …?)
  const thing = be ? withArticle(bare, plural, 'a') : bare;
  // Prices not including VAT → Do prices include VAT?
  const doing = /^(includ|cover|accept|offer|support)ing$/iu.exec(word)?.[1]?.toLowerCase().replace(/^includ$/u, 'include');
  if (be && doing !== undefined) return [`${plural ? 'Do' : 'Does'} ${thing} ${doing}${rest}?`, thing];
  if (be) {
    // a participle or an adjective: a rule's word (included, available) or an event's with a rule's qualifier (shipped same day)
    if (!EN_POLICY_WORD.test(word) && !(/(?:ed|en)$/u.test(word) && rule)) return undefined;
    return [`${plural ? 'Are' : 'Is'} ${thing} ${word}${rest}?`, thing];
  }
  if (!EN_POLICY_VERB.test(word) && !rule) return undefined;
  const mine = plural ? thing : `my ${thing}`;
  return [`${plural ? 'Do' : 'Does'} ${mine} ${word}${rest}?`, mine];
}

/** A heading that is a duty and its deadline: the verb, what it is done to (one to four words), the deadline (Report damage within 48 hours). */
const EN_DUTY_BY = /^(return|collect|pay|claim|redeem|activate|register|submit|report|book|cancel|request|schedule|notify)\s+((?:[\p{L}'’-]+\s+){0,3}?[\p{L}'’-]+)(\s+(?:within|in|by|before)\s+.+)$/iu;

/** Question words that open a question worded as a statement (How scheduling works, What the warranty covers). */
const EN_INDIRECT_WH = /^(how(?:\s+(?:long|much|many|often|soon))?|what|why)\s+(.+?)[.?]?$/iu;
/** Helping verbs a statement-worded question puts after its subject (What we can't deliver → What can't you deliver?). */
const EN_HELPER = /^(?:can|can't|can’t|cannot|will|won't|won’t|should|must|may|is|isn't|isn’t|are|aren't|aren’t|does|doesn't|doesn’t|do|don't|don’t|has|have)$/iu;
/** Verbs such a heading says of a thing (How scheduling works, What the warranty covers, How returns work), as the thing's verb. */
const EN_THING_VERB = /^(?:work|cover|include|mean|take|cost|apply|happen|look|come|arrive|ship|last|expire|count|qualify|protect|pay|change|need)$/iu;
/** The customer's words for who the shop's page speaks of: we → you, you → I. */
const EN_ASKER_WORD: Readonly<Record<string, string>> = { we: 'you', our: 'your', us: 'you', ours: 'yours', you: 'I', your: 'my', yours: 'mine', i: 'I' };

/** A verb's base form from its -s form: works → work, applies → apply, goes → go, includes → include. */
function verbBase(word: string): string {
  const w = word.toLowerCase();
  if (/[^aeiou]ies$/u.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x|o)es$/u.test(w)) return w.slice(0, -2);
  return w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/**
 * A heading that words a question as a statement — a question word, a subject, a verb (How scheduling works,
 * How we fix it, What the warranty doesn't cover, Why we ask for ID) — as the question: How does scheduling work?,
 * How do you fix it?, What doesn't the warranty cover?, Why do you ask for ID?. The subject is one to three words
 * (a pronoun, or a thing and a verb it does: works, covers, includes); the shop's we is the customer's you. Not
 * When or Where (When you apply says when, it asks nothing), nor what asks nothing (What you need to know, How it works).
 */
export function enIndirectQuestion(topic: string, names: ReadonlySet<string>): string | undefined {
  const m = EN_INDIRECT_WH.exec(topic.trim());
  if (m?.[1] === undefined || m[2] === undefined || EN_NO_QUESTION.test(topic) || /\bto\s+(?:know|expect)$/iu.test(topic)) return undefined;
  const wh = sentenceCaseWord(m[1].toLowerCase());
  const words = m[2].split(/\s+/u);
  const first = words[0]?.toLowerCase() ?? '';
  // a question already (How do I, What is, How to, What happens) or a thing asked about (How much delivery costs is no subject)
  if (first === '' || first === 'to' || EN_HELPER.test(first) || /^(?:happens|happened|if|about|of|for|else)$/u.test(first)) return undefined;
  const asker = (w: string): string => EN_ASKER_WORD[w.toLowerCase()] ?? w;
  const pronoun = /^(?:we|you|i|they|it)$/iu.test(first);
  for (let at = 1; at <= 3 && at < words.length; at++) {
    const verb = words[at] ?? '';
    const subjectWords = words.slice(0, at);
    if (!pronoun && at === 1 && /^(?:the|your|our|my|this|these|those|a|an)$/iu.test(first)) continue;
    if (pronoun && at > 1) return undefined;
    const subject = subjectWords.map(asker).join(' ');
    const tail = words.slice(at + 1).map(asker).join(' ');
    const rest = tail === '' ? '' : ` ${tail}`;
    const named = pronoun ? subject : lowerFirst(sentenceCase(subject, names), names);
    if (EN_HELPER.test(verb)) {
      // does not, will not: the helper before the subject, its not after it (What does the warranty not cover?)
      const not = words[at + 1]?.toLowerCase() === 'not';
      const after = not ? words.slice(at + 2).map(asker).join(' ') : tail;
      return `${wh} ${verb.toLowerCase()} ${named}${not ? ' not' : ''}${after === '' ? '' : ` ${after}`}?`;
    }
    if (!/^\p{Ll}+$/u.test(verb)) continue;
    const plural = pronoun ? !/^(?:it)$/iu.test(first) : isPluralTopic(subjectWords.join(' '));
    const base = verbBase(verb);
    // a pronoun's next word is its verb (we fix, you need); a thing's, a verb it does, in its number (scheduling works, returns work)
    if (pronoun || (EN_THING_VERB.test(base) && (plural ? verb === base : verb !== base))) {
      return `${wh} ${plural ? 'do' : 'does'} ${named} ${pronoun ? verb.toLowerCase() : base}${rest}?`;
    }
  }
  return undefined;
}

/** What a customer does by a deadline (Items not returned within 30 days: I return them), not the shop (ship, process, accept). */
const EN_CUSTOMER_DUTY = /^(?:return|collect|pay|claim|use|redeem|activate|register|submit|report|book|attend|cancel)$/u;

/** What a rule's deadline says (within 30 days, after 14 days, by the due date): a customer who misses it asks what follows. */
const EN_DEADLINE = /^\s+(?:within|after|by|before|in)\s+(?:\d|one|two|three|four|five|six|seven|ten|fourteen|thirty|the\s+(?:due|return|collection)\s+date)|^\s+(?:on|in)\s+time\b/iu;

/** Count nouns a rule names without an article (Refund not issued, Exchange available, Adapter included): a customer asks "Is a refund …?". */
const EN_COUNT_NOUN = /(?:^|\s)(?:refund|replacement|repair|exchange|voucher|gift\s+card|e-gift\s+card|card|discount|label|receipt|invoice|deposit|fee|surcharge|quote|estimate|coupon|code|loan|courier|tracking\s+number|signature|appointment|booking|trial|upgrade|credit\s+note|claim|collection|link|offer|adapter|adaptor|charger|cable|manual|case|battery|plug|remote|filter|strap|kit|bag|box|sample|engineer|technician|form|certificate|contract|agreement|reminder|notification|email|text|call|callback|visit|consultation|demo|password|pin|key)$/iu;
/** Things a rule names that are the customer's one (Warranty void if opened): "Is the warranty …?". */
const EN_THE_NOUN = /(?:^|\s)(?:warranty|guarantee|policy|price|order|parcel|package|item|product|device|subscription|account|membership|plan|deadline|bill|return\s+window)$/iu;
/** What makes one of those a thing of a kind, not the customer's own (a loan device, an extended warranty). */
const EN_A_KIND = /^(?:loan|replacement|spare|courtesy|new|free|second|temporary|backup|extended|refurbished|another|demo|trial)\s/iu;
/** Heads of mass nouns and services named as a whole (gift wrap, store credit, same-day delivery, click and collect, price match, engraving): no article. */
const EN_MASS_HEAD = /(?:^|\s)(?:\p{L}+ing|delivery|postage|wrap|information|advice|support|help|insurance|credit|finance|cash|money|feedback|assembly|installation|stock|furniture|equipment|software|hardware|data|storage|access|wi-?fi|vat|tax|customs|damage|wear|collect|match|pay|protection|cover|aftercare|care|service|food|clothing|footwear|jewellery|jewelry|luggage|water|power|cancellation|registration|activation|verification|personali[sz]ation|compensation|tuition|training|resale)$/iu;

/** "an" before a vowel sound (an adapter, an extended warranty, an hour; a user, a uniform, a one-off fee). */
function indefinite(thing: string): string {
  return /^(?:[aio]|e(?!u)|u(?!n[iy]|s[eu]|r[aeiou]|t[ei])|hour|honou?r|heir)/iu.test(thing) && !/^one\b/iu.test(thing) ? `an ${thing}` : `a ${thing}`;
}

/**
 * A singular thing as a question names it: the customer's own with "the" (the warranty, the order), a count
 * noun or any noun phrase of two words or more with "a" (a refund, a loan device, a replacement battery,
 * an extended warranty) — or with `fallback`; a plural, a mass noun or a service named as a whole (shipping,
 * gift wrap, store credit, click and collect), a name (Klarna) or a thing with its determiner as it is. (A
 * single word kb does not know keeps no article: it may be a brand at the start of the heading, klarna.)
 */
function withArticle(thing: string, plural: boolean, fallback: 'a' | 'the'): string {
  if (plural || /^(?:the|a|an|my|your|our|this|that|any|some|no|every|each)\s/iu.test(thing) || /^\p{Lu}/u.test(thing)) return thing;
  const head = thing.split(/\s+(?=(?:for|from|of|on|in|to|with|after|before|within|if|during|until|at|by|per)\b)/iu)[0] ?? thing;
  const last = head.split(/\s+/u).pop() ?? head;
  let kind: 'a' | 'the' | undefined;
  if (EN_COUNT_NOUN.test(head)) kind = fallback;
  else if (EN_THE_NOUN.test(head)) kind = EN_A_KIND.test(head) ? fallback : 'the';
  else if (EN_MASS_HEAD.test(head)) kind = undefined;
  else if (/\s/u.test(head) && /^[\p{Ll}\d-]+$/u.test(last) && !/^(?:and|or|free|only|online|included)$/iu.test(last)) kind = fallback;
  if (kind === undefined) return thing;
  return kind === 'the' ? `the ${thing}` : indefinite(thing);
}

/** Past participles of irregular verbs a shop's rule uses, and their verbs; and regular ones spelling alone does not tell (created, added). */
const EN_IRREGULAR_PARTICIPLES: ReadonlyMap<string, string> = new Map([
  ['paid', 'pay'], ['sent', 'send'], ['made', 'make'], ['sold', 'sell'], ['bought', 'buy'], ['worn', 'wear'], ['given', 'give'], ['taken', 'take'],
  ['written', 'write'], ['broken', 'break'], ['lost', 'lose'], ['kept', 'keep'], ['left', 'leave'], ['found', 'find'], ['held', 'hold'], ['shown', 'show'],
  ['created', 'create'], ['added', 'add'], ['fed', 'feed'], ['read', 'read'],
]);

/**
 * The verb of a past participle a rule writes (opened → open, used → use, returned → return, shipped → ship,
 * cancelled → cancel, modified → modify, paid → pay, delivered → deliver, charged → charge, traded → trade),
 * the stem spelt as an -ing form's is (`gerundVerb`); undefined where its -ed ending does not tell (edited, visited).
 */
export function participleVerb(word: string): string | undefined {
  const w = word.toLowerCase();
  const known = EN_IRREGULAR_PARTICIPLES.get(w);
  if (known !== undefined) return known;
  if (!/^\p{Ll}{2,}ed$/u.test(w)) return undefined;
  if (w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  const stem = w.slice(0, -2);
  // (edited, visited, credited keep their t; completed, deleted do not: the ending alone does not tell)
  if (/[^aeiou][ei]t$/u.test(stem) && !/(?:del|pl|comp)et$/u.test(stem)) return undefined;
  return gerundVerb(`${stem}ing`);
}

/** The words of a rule stated without its verb: available, free, void (Klarna available at checkout, Warranty void if opened). */
const EN_STATE_WORD = /^(?:included|accepted|offered|supported|available|covered|guaranteed|eligible|allowed|permitted|provided|required|applicable|free|refundable|returnable|exchangeable|transferable|compatible|void|invalid|valid|non-refundable|non-returnable)$/iu;

/**
 * A heading that states a shop's rule without its verb (Klarna available at checkout, Gift wrap available,
 * Warranty void if opened, Exchange available for sale items): whether it holds — Is Klarna available at
 * checkout?, Is the warranty void if I open it? — and, for a condition on the customer's act, the rule
 * as written (Is the warranty void if opened?). Undefined for any other heading.
 */
export function enStatedRule(topic: string, names: ReadonlySet<string>): string[] | undefined {
  const t = topic.replace(/[.!]+$/u, '').trim();
  if (!/^[\p{L}\d£$€%'’.\s-]+$/u.test(t)) return undefined;
  const words = t.split(/\s+/u);
  // the first state word after a thing of one to four words
  const at = words.findIndex((w, i) => i >= 1 && i <= 4 && /^\p{Ll}/u.test(w) && EN_STATE_WORD.test(w));
  if (at < 0) return undefined;
  const subject = words.slice(0, at).join(' ');
  const word = words[at] ?? '';
  const rest = words.slice(at + 1).map((w) => ` ${w}`).join('');
  if (EN_NOT_A_THING.test(subject) || /^(?:free|no|not|all|any)\b|\b(?:is|are|was|were|be|been|not|will|can|may|must)$/iu.test(subject) || /\s(?:is|are|was|were|be|not|will|can|may|must)\s/iu.test(` ${subject} `)) return undefined;
  // a fault, not a rule (Promo code invalid): the failing rule asks what to do (was Is the promo code invalid?)
  if (/^invalid$/iu.test(word) && rest === '') return undefined;
  const plural = isPluralTopic(subject);
  const named = lowerLetterPrefix(lowerFirst(sentenceCase(subject, names), names));
  const thing = withArticle(named, plural, /^(?:void|invalid|valid)$/iu.test(word) ? 'the' : 'a');
  const be = plural ? 'Are' : 'Is';
  // what it is about, with its qualifier (a refund within 14 days, Klarna at checkout; was What do I need to know about refund?)
  const about = `What do I need to know about ${thing}${/^\s+(?:for|at|on|in|with|during|within|to|from|after|before|outside|inside|per)\s/u.test(rest) && !/^(?:void|valid|invalid)$/iu.test(word) ? rest : ''}?`;
  // a list a rule names (Payment methods available, Documents required for a refund): which ones, as customers
  // ask it (was Are payment methods available?); a kind of thing the shop does or charges is asked whether (Are returns free?)
  const head = subject.split(/\s+/u).pop() ?? '';
  if (EN_LIST_WORD.test(word) && !/^\p{Lu}/u.test(named)) {
    if (plural && !EN_DONE_PLURAL.test(head)) return [`Which ${named} are ${word}${rest}?`, about];
    if (/^(?:information|documentation|proof|evidence|details)$/iu.test(head)) return [`What ${named} is ${word}${rest}?`, about];
  }
  // if opened, if used or washed: the customer's act on the item (if I open it); not if unopened, if damaged: what the item is (if it is unopened)
  const acts = /^\s+if\s+(\p{Ll}+ed|worn)((?:\s+(?:or|and)\s+(?:\p{Ll}+ed|worn))*)$/u.exec(rest);
  if (acts?.[1] !== undefined) {
    const states = [acts[1], ...(acts[2] ?? '').split(/\s+(?:or|and)\s+/u).filter((v) => v !== '')];
    const joiner = /\band\b/u.test(acts[2] ?? '') ? ' and ' : ' or ';
    const asWritten = `${be} ${thing} ${word}${rest}?`;
    if (states.some((v) => /^un/u.test(v) || EN_BEFALLS.test(v))) return [`${be} ${thing} ${word} if ${plural ? 'they are' : 'it is'} ${states.join(joiner)}?`, asWritten];
    const verbs = states.map(participleVerb);
    if (verbs.every((v): v is string => v !== undefined)) return [`${be} ${thing} ${word} if I ${verbs.join(joiner)} ${plural ? 'them' : 'it'}?`, asWritten];
  }
  return [`${be} ${thing} ${word}${rest}?`, about];
}

/** State words a list heading says of what it lists (Payment methods available, Devices supported, Cards accepted). */
const EN_LIST_WORD = /^(?:available|supported|included|required|needed|offered|eligible|accepted|compatible|covered|provided)$/iu;
/** Plurals of what a shop does or charges, asked whether, not which (Returns accepted, Refunds available, Customs duties included). */
const EN_DONE_PLURAL = /^(?:returns|refunds|exchanges|repairs|replacements|deliveries|collections|cancellations|duties|taxes|fees|charges|costs|instalments|installments|payments|upgrades|trade-ins|gifts|samples|pets|children|visits)$/iu;
/** What befalls an item, not what a customer does to it (Exchange available if damaged: it arrived so). */
const EN_BEFALLS = /^(?:damaged|lost|broken|stolen|delayed|recalled|misdelivered|faulty|defective|scratched|dented|cracked|leaking|expired|discontinued|delivered|dispatched|shipped)$/u;

/**
 * A heading that names a thing and how it fails, as the customer says it (Robot vacuum won't charge or
 * dock → my robot vacuum won't charge or dock, E-gift card not received → my e-gift card was not received,
 * Payment declined → my payment was declined). Undefined for any other heading, and for a rule that
 * names what cannot be done (Items that can't be returned, Gift cards can't be used for…, Sale items not
 * returnable: no verb).
 */
export function enFailing(topic: string, names: ReadonlySet<string>): string | undefined {
  const t = topic.replace(/[.!]+$/u, '').trim();
  // Damaged or wrong item received → I received a damaged or wrong item
  const got = /^((?:[\p{L}-]+\s+){0,4}[\p{L}-]+)\s+(?:received|delivered)$/iu.exec(t)?.[1];
  if (got !== undefined && EN_PROBLEM.test(got) && !EN_NOT_A_THING.test(got)) {
    const thing = lowerLetterPrefix(lowerFirst(sentenceCase(got, names), names));
    return `I received ${isPluralTopic(got) ? '' : /^[aeiou]/iu.test(thing) ? 'an ' : 'a '}${thing}`;
  }
  // Promo code invalid → my promo code is invalid
  const invalid = /^((?:[\p{L}\d-]+\s+){0,3}[\p{L}\d-]+)\s+invalid$/iu.exec(t)?.[1];
  if (invalid !== undefined && !EN_NOT_A_THING.test(invalid)) return `my ${lowerLetterPrefix(lowerFirst(sentenceCase(invalid, names), names))} ${isPluralTopic(invalid) ? 'are' : 'is'} invalid`;
  // (Package marked delivered but not received: marked, not the "not" after it, says what befell it)
  const befallen = EN_BEFALLEN.exec(t);
  const fails = befallen === null ? EN_FAILS.exec(t) : null;
  const subject = befallen?.[1] ?? fails?.[1];
  if (subject === undefined || EN_NOT_A_THING.test(subject)) return undefined;
  const plural = isPluralTopic(subject);
  const my = `my ${lowerLetterPrefix(lowerFirst(sentenceCase(subject, names), names))}`;
  if (befallen?.[2] !== undefined) {
    const what = befallen[2].toLowerCase();
    if (what === 'failed') return `${my} failed`;
    return `${my} ${/^marked/u.test(what) ? (plural ? 'are' : 'is') : plural ? 'were' : 'was'} ${what}`;
  }
  const [how, rest] = [fails?.[2]?.replace(/’/gu, "'").toLowerCase(), fails?.[3]];
  if (how === undefined || rest === undefined) return undefined;
  const verb = rest.split(/\s/u)[0] ?? '';
  if (how !== 'not') {
    // a verb must follow (Plug won't turn on), not a word of a rule (Sale items cannot returnable)
    if (/(?:able|ible)$/u.test(verb)) return undefined;
    return `${my} ${how === 'cannot' ? "can't" : how} ${rest}`;
  }
  // "not" alone: not received → was not received, not charging → is not charging, not returnable: no failure
  if (/ing$/u.test(verb)) return `${my} ${plural ? 'are' : 'is'} not ${rest}`;
  if (/(?:ed|en)$/u.test(verb)) return `${my} ${plural ? 'were' : 'was'} not ${rest}`;
  return undefined;
}

/**
 * What a customer asks when tracking a parcel is the task (Tracking your order, Track your package): Where is
 * my order? (smart-home trial, 2026-11-27: "wheres my order" found the order-confirmation FAQ at 0.93), and the
 * same of the other word: Where is my package? of an order, Where is my order? of a package or parcel.
 */
function whereIs(todo: string): string[] {
  const thing = /^track\s+(?:my|an?|the)\s+(order|package|parcel|shipment|delivery)(s?)$/iu.exec(todo);
  if (thing?.[1] === undefined) return [];
  const where = (noun: string): string => (thing[2] === 's' ? `Where are my ${noun}s?` : `Where is my ${noun}?`);
  const noun = thing[1].toLowerCase();
  // what arrives is the customer's order and the customer's package alike, whichever the heading names (a
  // US retailer's trial: "wheres my package" met the split-shipments section's package, not Tracking your order)
  return [where(noun), where(noun === 'order' ? 'package' : 'order')];
}

/** A one-letter prefix in capitals before its word (E-gift card → e-gift card, E-bike battery), lower case inside a sentence. */
function lowerLetterPrefix(text: string): string {
  return text.replace(/^(\p{Lu})-(?=\p{Ll})/u, (m) => m.toLowerCase());
}

/** A rule that a thing cannot be something (Gift cards can't be used for other gift cards): Can gift cards be used …? */
export function enCannotBe(topic: string, names: ReadonlySet<string>): string | undefined {
  const m = /^((?:[\p{L}\d-]+\s+){0,3}[\p{L}\d-]+)\s+(?:can't|can’t|cannot|can\s+not)\s+be\s+(\p{Ll}[\p{L}\s'’-]*)$/u.exec(topic.trim());
  if (m?.[1] === undefined || m[2] === undefined || EN_NOT_A_THING.test(m[1])) return undefined;
  return `Can ${lowerLetterPrefix(lowerFirst(sentenceCase(m[1], names), names))} be ${m[2]}?`;
}

/** A heading that tells what happened to the customer: My parcel arrived damaged, I was charged twice. */
export function isSituation(topic: string): boolean {
  return /\b(?:i|my|me|we)\b|(?<!^)\bour\b/iu.test(topic) && topic.split(/\s+/u).length >= 3;
}

/** A size guide's heading: Size Guide, Sizing chart, Size charts. */
const EN_SIZE_GUIDE = /\b(?:size|sizing)\s+(?:guides?|charts?|tables?|help)\b/iu;

/**
 * A thing a size guide has a chart for (Size Guide › Women's clothing, › Shoes) is asked about as
 * its size chart: What is the size chart for women's clothing? (was What is the women's clothing?,
 * What are the shoes?). Other headings' questions as they are.
 */
export function sizeGuideHeading(questions: string[], topic: string, headingPath: readonly string[], names: ReadonlySet<string>): string[] {
  const first = questions[0];
  if (first === undefined || !headingPath.slice(0, -1).some((h) => EN_SIZE_GUIDE.test(h)) || /\bsiz(?:e|es|ing)\b|\bmeasur/iu.test(topic)) return questions;
  if (!/^What (?:is|are) the /u.test(first)) return questions;
  const thing = lowerFirst(sentenceCase(topic, names), names);
  return [`What is the size chart for ${thing}?`, `How do I find my size in ${thing}?`, ...questions.slice(1)];
}

/** A care guide's title or heading: Care Guide, Care & Warranty Guide, Care instructions, Caring for your furniture. */
// (not Customer Care, Skin care, Pet care: a help centre's or a service's name, no guide to looking after goods)
const EN_CARE_GUIDE = /(?<!\b(?:customer|client|consumer|skin|health|pet|child|personal|hair|patient|self|day|after|intensive|medical)[\s-]+)\b(?:care|caring)\b/iu;
/** What a care guide's heading may name that is no thing one looks after: a mark or a mishap, a season, a condition. */
const EN_NO_THING = /\b(?:stains?|spills?|scratch|scratches|odou?rs?|smells?|marks?|dents?|fading|shrinkage|mou?ld|mildew|humidity|sunlight|storage|winter|summer|seasons?|pets?|materials?|wear|damage|problems?|issues?)\b/iu;
const EN_NOT_CARED_FOR = /\b(?:warrant|guarantee|protection|plan|claim|service|deliver|return|refund|polic|code|summary|care|caring|clean|contact|cover|tip|faq|question|note)/iu;
const EN_CARE_VERB = /\b(?:vacuum|wipe|wash|clean|dust|polish|condition|store|cover|rotate|dry|brush|blot|oil|wax)\b/iu;

/**
 * A thing under a care guide (Hearth & Haven Care & Warranty Guide › Outdoor furniture, › Rugs) is asked how to care
 * for it: How do I care for outdoor furniture? (was What is the outdoor furniture?, What are the rugs?). Only a
 * heading asked What is/are the …?; other headings' questions as they are.
 */
export function careGuideHeading(questions: string[], topic: string, headingPath: readonly string[], names: ReadonlySet<string>, text: string): string[] {
  const first = questions[0];
  if (first === undefined || !headingPath.slice(0, -1).some((h) => EN_CARE_GUIDE.test(h)) || !/^What (?:is|are) the /u.test(first) || topic.split(/\s+/u).length > 4) return questions;
  // (a thing: not the guide's warranty, its codes or a service — Limited warranty summary, Cleaning codes —, and one the text tells how to look after)
  // (and one the text names: Winter over Cover outdoor furniture is none; Stains, Storage are none either)
  const head = (topic.trim().split(/\s+/u).pop() ?? '').toLowerCase().replace(/(?:es|s)$/u, '');
  if (EN_NOT_CARED_FOR.test(topic) || EN_NO_THING.test(topic) || !EN_CARE_VERB.test(text) || head.length < 3 || !new RegExp(`\\b${escapeRegExp(head)}`, 'iu').test(text)) return questions;
  const thing = lowerFirst(sentenceCase(topic, names), names);
  return [`How do I care for ${thing}?`, `How do I clean ${thing}?`, ...questions.slice(1)];
}

/**
 * A one-word plural sub-heading (Tiers, Fees, Levels) names a thing only with its parent's topic: What are
 * the tiers? asked nothing a shopper types; What are the tiers of Loomwell Rewards? does (the
 * parent's label before a colon, Loomwell Rewards: points and perks → Loomwell Rewards).
 */
const EN_PAGE_PARENT = /\b(?:guides?|polic(?:y|ies)|information|faqs?|help|overview|terms|conditions|pages?|cent(?:re|er)|support|questions|basics)$/iu;

/** A heading that asks or says something rather than naming a topic: How our pet pharmacy works, Where is my order? */
const EN_ASKING_PARENT = /^(?:how|what|where|when|why|who|which|can|do|does|is|are|will)\b|\?$/iu;

export function ofParentTopic(questions: string[], topic: string, headingPath: readonly string[], names: ReadonlySet<string> = NO_NAMES): string[] {
  const named = parentTopic(topic, headingPath, names);
  if (named === undefined) return questions;
  const the = new RegExp(`\\bthe ${escapeRegExp(topic.trim())}(?=[?\\s]|$)`, 'iu');
  return questions.map((q) => (the.test(q) ? q.replace(the, (m) => `${m} of ${named}`) : q));
}

/** The parent topic a one-word plural sub-heading is asked with (Plans under Financing with Affirm → financing with Affirm); undefined when it needs none. */
export function parentTopic(topic: string, headingPath: readonly string[], names: ReadonlySet<string> = NO_NAMES): string | undefined {
  if (headingPath.length < 2 || !/^\p{L}[\p{L}-]+s$/u.test(topic.trim())) return undefined;
  const parent = stripNumbering(headingPath[headingPath.length - 2] ?? '').split(/:\s/u)[0]?.trim() ?? '';
  // (not a page's name, Size Guide, Returns Policy, nor a phrase, About New York State Inspections)
  // (nor a parent that asks or tells, How our pet pharmacy works, Where is my order?: What are the refills of how our pet pharmacy works?)
  if (!/^\p{L}/u.test(parent) || parent.split(/\s+/u).length > 5 || parent.toLowerCase().includes(topic.trim().toLowerCase()) || EN_PAGE_PARENT.test(parent) || EN_LEADING_WORD.test(parent) || EN_ASKING_PARENT.test(parent)) return undefined;
  // (in a sentence's case: Financing with Affirm asked What are the plans of Financing with Affirm?; a name stays, Loomwell Rewards)
  return inQuestion(parent, names);
}

/**
 * A generated question asked another way, for a section whose only question an FAQ row asks too: How do I make a
 * warranty claim? → What do I need to know to make a warranty claim?, What is the hazard? → What do I need to know
 * about the hazard?, How does X work? → What do I need to know about X?. Undefined for other questions.
 */
export function enRestated(question: string): string | undefined {
  const how = /^How do I (.+)\?$/u.exec(question)?.[1];
  if (how !== undefined) return `What do I need to know to ${how}?`;
  const what = /^(?:What (?:is|are)|How (?:does|do)) (.+?)(?: work)?\?$/u.exec(question)?.[1];
  if (what !== undefined && !/^(?:I|you|it)\b/u.test(what)) return `What do I need to know about ${what}?`;
  return undefined;
}
