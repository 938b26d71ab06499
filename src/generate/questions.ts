/**
 * Rule-based question generation: the questions customers ask about a section, from its heading
 * and from what its text says (conditions, time limits, fees and who pays, procedures,
 * definitions, rights and duties). Deterministic; each question records the rule that wrote it.
 * Chinese sections get Chinese questions, English sections English ones. See docs/generate.md.
 *
 * This file holds the public types and `generateQuestions`, which asks every rule and picks and
 * orders a section's questions. The rules live beside it:
 * - topic.ts: what a section is about (its heading's topic, the product its manual names);
 * - zh-heading.ts, en-heading.ts: the questions a heading asks;
 * - zh-content.ts, en-content.ts: the questions a section's text asks; zh-content.ts runs the
 *   Chinese rules of zh-time.ts, zh-fees.ts, zh-statements.ts, zh-lists.ts and zh-procedure.ts;
 * - tables.ts: the questions a table's rows ask, both languages;
 * - zh-words.ts, en-phrasing.ts: the words and phrasing those rules share.
 */
import { NO_NAMES, headingIsQuestion, languageOf, properNames, questionKey, stripNumbering, type QuestionLanguage } from './text.js';
import { escapeRegExp, headingTopic, manualProduct } from './topic.js';
import { ZH_POLICY_SUFFIX, zhHeading } from './zh-heading.js';
import { zhContent } from './zh-content.js';
import { caseFolded } from './en-phrasing.js';
import { careGuideHeading, enHeading, enPhraseQuestion, enProduct, isContactHeading, ofParentTopic, parentTopic, sizeGuideHeading } from './en-heading.js';
import { enContent } from './en-content.js';
import { tableQuestions } from './tables.js';
import { vagueEnglish } from './gate.js';

/** The rule that wrote a question (docs/generate.md's table says what each reads). */
export type GenerationRule =
  | 'heading'
  | 'question-line'
  | 'definition'
  | 'condition'
  | 'list-item'
  | 'liability'
  | 'permission'
  | 'time-limit'
  | 'fee'
  | 'who-pays'
  | 'procedure'
  | 'duty'
  | 'right'
  | 'validity'
  | 'contents'
  | 'table-row'
  | 'purpose';

/** Every rule, in the order a section's content questions are sorted in (each rule's own stay in text order). */
export const GENERATION_RULES: readonly GenerationRule[] = ['heading', 'question-line', 'definition', 'contents', 'condition', 'list-item', 'liability', 'permission', 'time-limit', 'fee', 'who-pays', 'procedure', 'duty', 'right', 'validity', 'table-row', 'purpose'];

/** A question and the rule that wrote it. */
export interface GeneratedQuestion {
  question: string;
  rule: GenerationRule;
}

/** What the rules read of a section. */
export interface SectionInput {
  /** Headings above the section, outermost first (display form). */
  headingPath: readonly string[];
  text: string;
  /** Ordered list items of the section, when ingestion kept its blocks. */
  steps?: readonly string[];
  /** The section's tables (rows of cells, the header row first), when ingestion kept its blocks. */
  tables?: readonly (readonly (readonly string[])[])[];
  /** Force the questions' language; by default it is the section's own. */
  language?: QuestionLanguage;
  /** Names the knowledge base's other texts write with a capital inside a sentence (Klarna, PowerTrail): kept as written, as the section's own are. */
  names?: ReadonlySet<string>;
  /** The document's title when the heading path does not hold it (a PDF's sub-headings: Hazard, What you should do). */
  documentTitle?: string;
  /** False when the heading path's first heading is no title but one of the document's own (a Word file's 2 售后申请时效 over 2.1 一般商品, its title a paragraph of its own). */
  pathHoldsTitle?: boolean;
}

/** How `generateQuestions` runs. */
export interface GenerateOptions {
  /** Rules to leave out (measuring each rule's contribution). */
  disabledRules?: ReadonlySet<GenerationRule>;
  /** At most this many questions per section (default 8). */
  max?: number;
}

/** A question that names only who: 经营者有哪些义务？/ 消费者有哪些权利？ */
const ZH_GENERIC = /^[^，]{2,16}有哪些(?:义务|权利)？$/u;

/** How a document names itself in its text (本政策适用于…): the words its title may end in. */
// (以下政策 too, in a policy's opening lines: 以下政策适用于哪些订单？ named nothing, 2026-11-28)
const ZH_THIS_DOCUMENT = /^(?:本|以下)(政策|规定|办法|细则|条款|协议|规则|说明|须知)/u;

/**
 * 本政策适用于哪些商品？ under 小橙优选退换货政策 → 小橙优选退换货政策适用于哪些商品？: a question names the
 * document as its title does, when the title ends in the word the text uses. Mutates the questions.
 */
function namedDocument(questions: GeneratedQuestion[], headingPath: readonly string[]): void {
  const title = headingTopic(headingPath.slice(0, 1));
  if (title === undefined) return;
  for (const q of questions) {
    const self = ZH_THIS_DOCUMENT.exec(q.question);
    if (self?.[1] !== undefined && title.endsWith(self[1]) && title.length > self[0].length) q.question = title + q.question.slice(self[0].length);
    // a scope field's question (适用于哪些商品？) names the document it scopes
    else if (q.rule === 'right' && q.question.startsWith('适用于') && headingPath.length === 1) q.question = title + q.question;
  }
}

const RULE_ORDER = new Map(GENERATION_RULES.map((r, i) => [r, i]));

/**
 * The questions for one section, best first: the heading's questions when the heading has words,
 * then the content's in rule order (question lines the text asks, definitions, conditions …).
 * Deduplicated after normalization; at most `max`.
 */
export function generateQuestions(input: SectionInput, options: GenerateOptions = {}): GeneratedQuestion[] {
  const language = input.language ?? languageOf(`${input.headingPath.join(' ')} ${input.text.slice(0, 400)}`);
  const heading = headingTopic(input.headingPath);
  const found: GeneratedQuestion[] = [];
  const names = language === 'zh' ? NO_NAMES : input.names === undefined ? properNames(input.text) : new Set([...properNames(input.text), ...input.names]);
  // DELIVERY TIMES AND COSTS is asked about as delivery times and costs
  const topic = heading === undefined || language === 'zh' ? heading : caseFolded(heading, input.text);
  if (topic !== undefined) {
    // a heading that asks as written is a question line; an English phrase kb turned into a question is the heading rule's
    const rule = headingIsQuestion(topic) && (language === 'zh' || enPhraseQuestion(topic) === undefined) ? 'question-line' : 'heading';
    // the heading above, when it is not the document's title (which names no topic of its own)
    const parent = input.headingPath.length >= (input.pathHoldsTitle === false ? 2 : 3) ? headingTopic(input.headingPath.slice(0, -1)) : undefined;
    // (the title over a section of no other heading: 鲜到家售后服务政策 over 冷冻冷藏商品)
    const title = parent !== undefined ? undefined : input.documentTitle ?? (input.headingPath.length >= 2 && input.pathHoldsTitle !== false ? input.headingPath[0] : undefined);
    const context = parent === undefined ? { text: input.text, ...(title !== undefined ? { title } : {}) } : { text: input.text, parent };
    const asked = language === 'zh' ? zhHeading(topic, manualProduct(input.headingPath), context) : ofParentTopic(careGuideHeading(sizeGuideHeading(enHeading(topic, names, enProduct(input.headingPath, input.text), input.text), topic, input.headingPath, names), topic, input.headingPath, names, input.text), topic, input.headingPath, names);
    for (const question of asked) found.push({ question, rule });
  }
  const content: GeneratedQuestion[] = [];
  const duties: GeneratedQuestion[] = [];
  if (language === 'zh') zhContent(input, topic, content, duties);
  else {
    enContent(input, topic, content, names);
    // Plans under Financing with Affirm: its cost is asked with the parent too, as its heading's question is
    // (How much do the plans of financing with Affirm cost?, was How much do plans cost?, 2026-11-28)
    const parent = topic === undefined ? undefined : parentTopic(topic, input.headingPath, names);
    if (topic !== undefined && parent !== undefined) {
      const bare = new RegExp(`^How much do (${escapeRegExp(topic.trim())}) cost\\?$`, 'iu');
      for (const q of content) q.question = q.question.replace(bare, (_, what: string) => `How much do the ${what} of ${parent} cost?`);
    }
  }
  if (language === 'zh') namedDocument(content, input.headingPath);
  // 本规则的目的是什么？ under a title that calls itself otherwise (…处理总则) names no document: not asked
  if (language === 'zh') content.splice(0, content.length, ...content.filter((q) => q.rule !== 'purpose' || !ZH_THIS_DOCUMENT.test(q.question)));
  for (const question of tableQuestions(input.tables ?? [], language === 'zh', topic)) content.push({ question, rule: 'table-row' });
  // stable sort by rule keeps each rule's questions in text order
  content.sort((a, b) => (RULE_ORDER.get(a.rule) ?? 0) - (RULE_ORDER.get(b.rule) ?? 0));
  // a policy's title over its opening lines (本政策适用于…): what those lines say comes first; the
  // title asked whole (小橙优选退换货政策是什么？) is answered by the whole document, not by this section
  // (a numbered heading is a chapter, not the title, though a Word document's headings under its title
  // paragraph have paths of one heading: 三、保修政策 asked its table's rows first and 保修政策是什么？ not at all)
  const title = input.headingPath.length === 1 && stripNumbering(input.headingPath[0] ?? '') === (input.headingPath[0] ?? '').trim();
  if (language === 'zh' && title && topic !== undefined && ZH_POLICY_SUFFIX.test(topic) && content.length > 0) content.push(...found.splice(0));
  // a section whose best question would be a generic 有哪些义务/权利 (five articles of one law: 经营者有哪些义务？)
  // asks what its duty is instead; other sections' questions already say what they are about
  if (found.length === 0 && (content.length === 0 || ZH_GENERIC.test(content[0]?.question ?? ''))) found.push(...duties);
  found.push(...content);
  const disabled = options.disabledRules;
  const seen = new Set<string>();
  const out: GeneratedQuestion[] = [];
  for (const candidate of found) {
    if (disabled?.has(candidate.rule) === true) continue;
    // the shop's 您 is the customer, who asks of 我 (联系客服帮您催件 → 如何联系客服帮我催件？)
    const g = language === 'zh' && candidate.question.includes('您') ? { ...candidate, question: candidate.question.replace(/您/gu, '我') } : candidate;
    const key = questionKey(g.question);
    if (key.length < 2 || seen.has(key)) continue;
    seen.add(key);
    out.push(g);
    if (out.length >= (options.max ?? 8)) break;
  }
  // (how to reach the shop is the whole shop's question, in whatever document: not asked of its title)
  if (language !== 'zh' && input.documentTitle !== undefined && !isContactHeading(input.headingPath.at(-1) ?? '')) {
    underTitle(out, input.documentTitle);
    // (the titled question counts: it takes the place of the last one, the plain one stays among them)
    out.splice(options.max ?? 8);
  }
  return out;
}

/**
 * A section's first question that says nothing without its document (a recall notice's Hazard → What is the
 * hazard?, What you should do → What should I do?) asks it of the document's title (Voluntary recall of
 * PowerTrail chargers: what is the hazard?), the label of a heading under a thing (Robot vacuum: first-time
 * setup); the question alone stays a similar one. A title's lead label (Product Safety Notice: …) is left out.
 * Mutates the questions.
 */
function underTitle(questions: GeneratedQuestion[], title: string): void {
  const first = questions[0];
  // the words after a lead label (Safety Notice: Recall of …), or the title whole when what follows its colon is no
  // name of a thing (Returns: what you need to know); a title of more labels than one names nothing clearly
  // (a title that asks is no label: Where is my refund?: what is the timeline?)
  const parts = title.replace(/[\s.;,!]+$/u, '').split(/:\s+/u).map((p) => p.trim());
  if (parts.length > 2 || /[?？]$/u.test(title.trim())) return;
  const subject = (parts.length === 2 && /^[\p{Lu}\d]/u.test(parts[1] ?? '') ? parts[1] : parts[0]) ?? '';
  if (first === undefined || !vagueEnglish(first.question) || !/\p{L}{2}/u.test(subject) || subject.length > 80) return;
  const asked = `${subject}: ${/^I\b/u.test(first.question) ? first.question : first.question.charAt(0).toLowerCase() + first.question.slice(1)}`;
  if (questions.some((q) => questionKey(q.question) === questionKey(asked))) return;
  questions.unshift({ question: asked, rule: first.rule });
}
