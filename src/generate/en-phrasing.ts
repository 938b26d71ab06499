/**
 * English words as a customer's question writes them: a heading in a sentence's case
 * (`sentenceCase`, `inQuestion`; `caseFolded` for one in capitals), the shop's "you", "your" and
 * "us" as the customer says them (`asAsker`, `asCustomer`, `toShop`), plural or not
 * (`isPluralTopic`), with "the" (`withThe`), and an -ing activity as a task (`gerundVerb`,
 * `asTask`: cancelling an order → cancel an order).
 */
import { NO_NAMES, inAddress, lowerCaseWords, lowerFirst } from './text.js';
import { escapeRegExp } from './topic.js';

/** A task or an activity opens with its verb, never a name (Explore VA.gov → explore VA.gov, Appeal to a judge → appeal to a judge). */
export function verbFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** A word with its first letter alone in capitals: WHAT → What. */
export function sentenceCaseWord(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/**
 * The topic as it reads inside a question: a sentence-case heading loses the capital of its first
 * word (Return window → return window), a title-case one keeps its capitals (Returns & Refunds
 * Policy, not returns & Refunds Policy); the shop's "our" is "your" when the customer asks.
 */
export function inQuestion(topic: string, names: ReadonlySet<string> = NO_NAMES): string {
  // the shop's "our" is "your" when the customer asks, and the customer's "your" is "my" (Your right to cancel → my right to cancel)
  const t = topic.replace(/^(our|your)\b/iu, (w) => (w.toLowerCase() === 'our' ? 'your' : 'my'));
  return isTitleCase(t, names) ? t : lowerFirst(t, names);
}

/**
 * Is every longer word after the first capitalized (Returns And Refunds Policy)? A name the text writes
 * (Canada in Shipping to Canada) is no sign of Title Case: How long does shipping to Canada take?
 */
function isTitleCase(topic: string, names: ReadonlySet<string> = NO_NAMES): boolean {
  const words = topic.split(/\s+/u).slice(1).filter((w) => /^\p{L}{4,}/u.test(w) && !names.has(w.replace(/[^\p{L}\p{N}'’-]+$/u, '')));
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * A heading in a sentence's case: Title Case words go lower case (Request A Hearing → request a
 * hearing); acronyms (VA, GI) and the names the section writes with a capital (`properNames`:
 * Medicare, Aidan) stay.
 */
export function sentenceCase(topic: string, names: ReadonlySet<string> = NO_NAMES): string {
  if (!isTitleCase(topic) || !/^\p{Lu}/u.test(topic)) return lowerFirst(topic, names);
  const words = topic.split(/\s+/u);
  const bare = words.map((w) => w.replace(/^[("“]+|[)",.”:]+$/gu, ''));
  // the words of a name the section writes (New York, Agent Orange) keep their capitals
  const kept = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 4; n >= 1; n--) {
      if (i + n > words.length || !names.has(bare.slice(i, i + n).join(' '))) continue;
      for (let k = i; k < i + n; k++) kept.add(k);
      break;
    }
  }
  return words.map((w, i) => (w !== 'I' && !kept.has(i) && /^[("“]?\p{Lu}\p{Ll}*(?:-\p{Lu}?\p{Ll}+)*[)",.”:]?$/u.test(w) ? w.toLowerCase() : w)).join(' ');
}

/** What the shop tells "you", as the customer asks it: You've Applied → I've applied, your spouse → my spouse. */
export function asAsker(text: string): string {
  return asCustomer(text.replace(/\byou've\b/giu, "I've").replace(/\byou're\b/giu, "I'm").replace(/\byou are\b/giu, 'I am').replace(/\byou\b/giu, 'I'));
}

/** What the shop says to "you", as the customer asks it: your parcel → my parcel. */
export function asCustomer(text: string): string {
  return text.replace(/\byourself\b/giu, 'myself').replace(/\byours\b/giu, 'mine').replace(/\byour\b/giu, 'my');
}

/** Words that end a noun phrase's head: "items that cannot be returned" is about items. */
const EN_HEAD_END = /\s(?:that|which|who|you|we|of|for|in|on|to|from|with|by|after|before|under|outside|inside|within|when|if|about|at|during|between|without|through|across|per)\b/iu;

/** Is the topic's head noun plural (Refunds, Items that cannot be returned, Customs and import duties)? */
export function isPluralTopic(topic: string): boolean {
  // (a note in brackets at the end is no head: Shipping options and costs (US) asked What is …?)
  const bare = topic.replace(/\s*\([^()]*\)$/u, '');
  const cut = EN_HEAD_END.exec(bare);
  const head = (cut === null ? bare : bare.slice(0, cut.index)).trim().split(/\s+/u).pop() ?? '';
  return (/[a-z]s$/iu.test(head) && !/(?:ss|us|is)$/iu.test(head)) || /^(?:children|people|men|women|staff|police)$/iu.test(head);
}

/** The -ing forms of a shop's customer tasks and their verbs (only these: an -ing word's verb is not always its stem). */
export const EN_GERUND_VERBS: ReadonlyMap<string, string> = new Map([
  ['cancelling', 'cancel'], ['canceling', 'cancel'], ['returning', 'return'], ['tracking', 'track'], ['exchanging', 'exchange'],
  ['changing', 'change'], ['claiming', 'claim'], ['caring', 'care'], ['cleaning', 'clean'], ['washing', 'wash'],
  ['assembling', 'assemble'], ['installing', 'install'], ['redeeming', 'redeem'], ['ordering', 'order'], ['reporting', 'report'],
  ['requesting', 'request'], ['updating', 'update'], ['contacting', 'contact'], ['storing', 'store'], ['registering', 'register'],
  // a subscription's and an account's tasks (SaaS trial, 2026-11-27: Downloading invoices asked What do I need to know about downloading invoices?)
  ['downloading', 'download'], ['deleting', 'delete'], ['exporting', 'export'], ['upgrading', 'upgrade'], ['downgrading', 'downgrade'],
  ['resetting', 'reset'], ['adding', 'add'], ['removing', 'remove'], ['renewing', 'renew'], ['transferring', 'transfer'],
  ['pausing', 'pause'], ['inviting', 'invite'], ['enabling', 'enable'], ['disabling', 'disable'], ['verifying', 'verify'],
  ['paying', 'pay'], ['unsubscribing', 'unsubscribe'], ['subscribing', 'subscribe'], ['recovering', 'recover'], ['importing', 'import'],
]);

/**
 * An activity a customer does, as a task: cancelling an order → cancel an order, caring for wood →
 * care for wood, resetting the earbuds → reset the earbuds (`gerundVerb`).
 */
export function asTask(activity: string, known?: ReadonlyMap<string, string>): string | undefined {
  const verbOf = (gerund: string): string | undefined => (known !== undefined ? known.get(gerund.toLowerCase()) : gerundVerb(gerund));
  // two activities on one object: Changing or cancelling an order → change or cancel an order (was change or cancelling an order)
  const two = /^(\p{L}+ing)\s+(or|and)\s+(\p{L}+ing)\s+(.+)$/u.exec(activity);
  if (two?.[1] !== undefined && two[2] !== undefined && two[3] !== undefined && two[4] !== undefined) {
    const first = verbOf(two[1]);
    const second = verbOf(two[3]);
    return first !== undefined && second !== undefined ? `${first} ${two[2]} ${second} ${two[4]}` : undefined;
  }
  const m = /^(\p{L}+ing)\s+(.+)$/u.exec(activity);
  const verb = m?.[1] === undefined ? undefined : known !== undefined ? known.get(m[1].toLowerCase()) : gerundVerb(m[1]);
  return verb !== undefined && m?.[2] !== undefined ? `${verb} ${m[2]}` : undefined;
}

/** Two-letter words a heading in capitals writes that are no acronym: OR, TO, IN, US (CONTACT US). */
const EN_SHORT_WORDS = /^(?:an|as|at|be|by|do|go|he|if|in|is|it|me|my|no|of|on|or|so|to|up|us|we)$/iu;

/**
 * An English heading written in capitals (DELIVERY TIMES AND COSTS, PO BOXES) in a sentence's case,
 * each word as the section's text writes it: in capitals when the text does (PO boxes, UK, TRICARE;
 * two letters or more), with its capital when the text never writes it in lower case (Auralite; an
 * address's words do not count: auralite.com), else in lower case; a word the text does not have
 * stays in capitals when it has a digit (IPX4, 65W) or is two letters and no small word (UK, EU),
 * else goes lower case. Any other heading as it is. (DELIVERY TIMES AND COSTS asked What do I need
 * to know about DELIVERY TIMES AND COSTS?, and its similar questions Shipping TIMES AND COSTS.)
 */
export function caseFolded(topic: string, text: string): string {
  if (/\p{Ll}/u.test(topic)) return isTitleCase(topic) ? titleFolded(topic, text) : topic;
  if (!/\p{Lu}{4}/u.test(topic)) return topic;
  // the text's own sentences, not its lines in capitals
  const prose = text.split('\n').filter((line) => /\p{Ll}/u.test(line)).join('\n');
  const folded = topic.replace(/\p{L}[\p{L}\p{N}'’]*/gu, (word) => {
    if (/\p{N}/u.test(word)) return word;
    const forms = [...prose.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu'))].filter((m) => !inAddress(prose, m.index, m[0].length)).map((m) => m[0]);
    if (forms.includes(word) && word.length >= 2) return word;
    if (forms.length > 0 && forms.every((f) => /^\p{Lu}\p{Ll}/u.test(f))) return forms[0] ?? word;
    if (forms.length === 0 && word.length === 2 && !EN_SHORT_WORDS.test(word)) return word;
    return word.toLowerCase();
  });
  return folded.charAt(0).toUpperCase() + folded.slice(1);
}

/** Small words a Title Case heading capitalizes (Pause Or Skip A Box): lower case without the text's say. */
const EN_TITLE_SMALL_WORDS = /^(?:a|an|and|or|nor|but|the|of|for|to|in|on|at|by|with|from|into|onto|about|your|our|my|you|we|it|is|are|be|if|as|vs|per|via)$/iu;

/**
 * A Title Case heading (Damaged Items, Pause Or Skip A Box) in a sentence's case when the section's
 * text writes every one of its capitalized words in lower case somewhere (damaged, items or item):
 * a heading whose words the text uses as ordinary words names no one.
 * Otherwise as it is: Fernhill Rewards (the text never writes fernhill), Apple Pay, Benefits Planner
 * stay names. Small words (Or, A, Your) need no say; words in capitals (US, FAQ) and with digits stay.
 * (A help centre's Title Case headings asked What can I do about Damaged Items? and What is the
 * Store Credit?; "What are the Gift Subscriptions?" in a 2026-11-28 audit.)
 */
function titleFolded(topic: string, text: string): string {
  const lower = lowerCaseWords(text);
  const written = (word: string): boolean => {
    const w = word.toLowerCase();
    return lower.has(w) || (w.endsWith('s') && lower.has(w.slice(0, -1))) || (w.endsWith('es') && lower.has(w.slice(0, -2))) || lower.has(`${w}s`);
  };
  let folds = 0;
  const words = topic.split(/(\s+)/u).map((part) => {
    const word = part.replace(/^[("“]+|[)",.”:;!?]+$/gu, '');
    if (EN_TITLE_SMALL_WORDS.test(word)) return part.toLowerCase();
    if (!/^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u.test(word)) return part;
    if (!written(word)) return undefined;
    folds++;
    return part.toLowerCase();
  });
  const asWritten = topic.toLowerCase();
  // the text writes the heading's words in a sentence's case itself (Store credit never expires)
  const inSentence = [asWritten, asWritten.charAt(0).toUpperCase() + asWritten.slice(1)].some((form) => new RegExp(`(?<!\\p{L})${escapeRegExp(form)}(?!\\p{L})`, 'u').test(text));
  if (!inSentence && (folds === 0 || words.some((w) => w === undefined))) return topic;
  const folded = inSentence ? asWritten : words.join('');
  return folded.charAt(0).toUpperCase() + folded.slice(1);
}

/**
 * The verb of an -ing word (pairing → pair, resetting → reset, charging → charge, storing → store):
 * the shop's tasks of EN_GERUND_VERBS as listed, others by English spelling — a doubled last
 * consonant undone (resetting, shipping; -ss, -zz, -ff and -ll stay: processing, installing,
 * calling; cancelling, controlling lose an l), a silent e put back after the endings that drop it
 * (-rge, -dge, -lge, -age, -ange, -ce, -ve, -ze, consonant + le, vowel + se, -nse/-lse/-rse/-pse, -are/-ire/-ure/-uire,
 * -ake/-ike/-oke, consonant + ate/ote/ute, -ade/-ide/-ude, -ine/-une, -ame/-ome, -ibe/-obe/-ube, -ue,
 * -store/-score/-plore/-gnore, -delete/-plete/-pete, consonant + ule: scheduling → schedule, was schedul). Undefined for a word not in -ing.
 */
export function gerundVerb(gerund: string): string | undefined {
  const word = gerund.toLowerCase();
  const known = EN_GERUND_VERBS.get(word);
  if (known !== undefined) return known;
  const stem = /^(\p{Ll}{2,})ing$/u.exec(word)?.[1];
  if (stem === undefined || !/[aeiouy]/u.test(stem)) return undefined;
  if (/[^aeiou][aeiou]([b-dghj-km-prtv])\1$/u.test(stem)) return stem.slice(0, -1);
  if (/[eo]ll$/u.test(stem) && stem.length >= 6) return stem.slice(0, -1);
  return withSilentE(stem);
}

/**
 * A verb's stem with the silent e its -ing or -ed form dropped put back (charg → charge, trad → trade, damag →
 * damage, exchang → exchange, requir → require, licens → license); other stems as they are (deliver, register, open).
 */
function withSilentE(stem: string): string {
  if (/(?:[rdl]g|[^aeiou][aeiou]g|(?:chang|rang|lleng)|c|v|[^z]z|[^aeiousl]l|[aeiou]s|[nlrp]s|[^aeiou][aiu]r|uir|(?:st|sc|pl|gn)or|[^aeiou][aio]k|[^aeiou][aou]t|(?:del|pl|comp)et|[^aeiou][aiu]d|[^aeiou][iu]n|[^aeiou][ao]m|[^aeiou][iou]b|[^aeiou]ul|u)$/u.test(stem)) return `${stem}e`;
  return stem;
}

/** The shop's "us" as the customer asks: Sending your product to us → sending my product to you. */
export function toShop(text: string): string {
  return text.replace(/\bus\b/gu, 'you');
}

/** the return window; my order, your warranty and SMS codes as they are. */
export function withThe(t: string): string {
  return /^(?:the|a|an|my|your)\s/iu.test(t) || /^[A-Z]{2,}/u.test(t) ? t : `the ${t}`;
}
