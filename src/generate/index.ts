/**
 * The generation stage: documents → Q&A entries. FAQ table rows become entries as they are;
 * Q&A a document already contains are extracted (origin `extracted`); every other section gets
 * generated questions (origin `generated`). Then every entry gets up to `similar` similar
 * questions that pass the quality gate. Deterministic: same documents, same entries.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { warning, type Problem } from '../core/problems.js';
import type { Document, Section } from '../ingest/document.js';
import { PART_MARKER } from '../ingest/split.js';
import type { Entry } from '../store/entry.js';
import { pairsInLines, pairsInTable, pairsInText, questionHeading, SPEC_HEADING, type ExtractedPair } from './extract.js';
import { faqRowHash } from './faq-hash.js';
import { findFacets, headingAsTopic, pairWithFacetTopic, withFacetTopic, type Facet } from './facets.js';
import { gateTokens, LexicalGate } from './gate.js';
import { generateQuestions, type GenerationRule, type GeneratedQuestion } from './questions.js';
import { enRestated } from './en-heading.js';
import { headingTopic } from './topic.js';
import { MAINLAND_ONLY, rulesText, rulesView } from './script.js';
import { entryContext, similarCandidates, type SimilarKind } from './similar.js';
import { DEFAULT_FAQ_SIMILAR, FAQ_SIMILAR_KINDS, type FaqSimilarMode } from './faq-similar.js';
import { asksSomething, interleave, languageOf, properNames, questionKey, stripNumbering, type QuestionLanguage } from './text.js';

export { generateQuestions, GENERATION_RULES, type GenerationRule, type GeneratedQuestion, type SectionInput } from './questions.js';
export { headingTopic, manualProduct } from './topic.js';
export { similarQuestions, similarCandidates, keywordForm, entryContext, SIMILAR_KINDS, type SimilarOptions, type SimilarKind } from './similar.js';
export { similarQuestionsInScript } from './script.js';
export { pairsInText, pairsInTable, pairsInLines, questionHeading, type ExtractedPair } from './extract.js';
export { LexicalGate } from './gate.js';
export { questionKey, stripNumbering, languageOf } from './text.js';

export const DEFAULT_SIMILAR = 5;

export interface GenerationOptions {
  /** Similar questions per entry (default 5; 0 = none). */
  similar?: number;
  /** Keep only similar questions that pass the quality gate (default true). */
  gate?: boolean;
  /** Rules to leave out (to measure each rule's contribution). */
  disabledRules?: ReadonlySet<GenerationRule>;
  /** Also keep the heading path (title / chapter / article) as a question variant of generated entries (default true). */
  headingVariant?: boolean;
  /** Split sections whose text is a list of Q&A into extracted entries (default true). */
  extract?: boolean;
  /** Word groups for synonym substitution (default: the built-in after-sales lexicon). */
  lexicon?: readonly (readonly string[])[];
  /** Kinds of similar questions to offer (default all). */
  kinds?: readonly SimilarKind[];
  /**
   * Similar questions for FAQ table rows too (`--faq-similar`): `all` gives every row up to
   * `similar` generated ones, `top-up` only as many as its written ones fall short of `similar`;
   * `none` (the default) leaves rows with the team's. They are listed in the entry's
   * `generatedSimilar` (docs/generate.md, "Similar questions": measured figures).
   */
  faqSimilar?: FaqSimilarMode;
  /** Kinds of similar questions for FAQ rows (default FAQ_SIMILAR_KINDS: synonyms). */
  faqKinds?: readonly SimilarKind[];
  /**
   * Questions written elsewhere (an LLM, src/generate/llm.ts) for sections, by section id: they
   * replace the rule-based questions of those sections (rule `llm`). Sections not in the map, FAQ
   * rows and extracted Q&A are made as usual.
   */
  external?: ReadonlyMap<string, readonly ExternalQuestion[]>;
  /** The facet sections of the documents being generated (`findFacets`), by section id. */
  facets?: ReadonlyMap<string, Facet>;
  /** Names all the documents' texts write with a capital inside a sentence (`properNames`): a section's questions keep them. */
  names?: ReadonlySet<string>;
}

/** A question for a section from outside the rules, with its own similar questions. */
export interface ExternalQuestion {
  question: string;
  similar: readonly string[];
}

export interface GenerationStats {
  sections: number;
  faq: number;
  extracted: number;
  generated: number;
  /** Sections no rule found a question for: their heading path is their question. */
  headingOnly: number;
  /** Generated questions kept, by rule. */
  byRule: Record<string, number>;
  similarProposed: number;
  similarKept: number;
  /** Similar questions the quality gate dropped. */
  similarDropped: number;
  /**
   * The rules' questions after an entry's first that the quality gate dropped: they retrieve another
   * entry first (如何退货？ of a section about 色差), so they are no question of this one.
   */
  questionsDropped: number;
  milliseconds: number;
}

/** One entry with the provenance of each of its questions (the store keeps only the first rule). */
export interface GeneratedEntry {
  entry: Entry;
  /**
   * The `sourceHash` an older kb gave this entry (extracted pairs were hashed with their whole
   * section before 2026-11-26): the store takes an entry with it as unchanged, and upgrades it.
   */
  formerHash?: string;
  /** The entry's questions before similar questions: the question first, each with its rule. */
  questions: { question: string; rule: string }[];
  language: QuestionLanguage;
  /**
   * How the entry's questions go into and out of the simplified Chinese the rules and the lexicon
   * are written in, for an entry of a traditional Chinese document (`src/generate/script.ts`).
   */
  script?: { toRules: (text: string) => string; toDocument: (text: string) => string };
}

/** The id of the entry kb makes from a section (generated, or its one extracted pair): `s-<section id>`; `suffix` numbers several pairs. */
export const sectionEntryId = (sectionId: string, suffix = ''): string => `s-${sectionId}${suffix}`;

/**
 * What an entry was made from, as a short hash (sha256, first 16 hex): the section's heading path
 * and text, or the FAQ row's fields. The store compares it on regeneration to tell which entries'
 * sources changed (src/store/merge.ts).
 */
export function sectionHash(section: Pick<Section, 'headingPath' | 'text' | 'faq'>): string {
  if (section.faq !== undefined) return faqRowHash(section.faq);
  return createHash('sha256').update(JSON.stringify(['section', section.headingPath, section.text])).digest('hex').slice(0, 16);
}

/** What an extracted pair was made from: its section's heading path, its question and its answer. */
export function pairHash(section: Pick<Section, 'headingPath'>, question: string, answer: string): string {
  return createHash('sha256').update(JSON.stringify(['pair', section.headingPath, question, answer])).digest('hex').slice(0, 16);
}

/** The former hashes of the entries that have one (id → hash), for MergeScope.formerHashes. */
export function formerHashes(items: readonly GeneratedEntry[]): Map<string, string> {
  return new Map(items.flatMap((i) => (i.formerHash !== undefined ? [[i.entry.id, i.formerHash] as [string, string]] : [])));
}

/** A title or heading as compared for the heading-path question: no spaces, case or ampersand (Returns & Exchanges = returns and exchanges). */
function plainTitle(t: string): string {
  return t.toLowerCase().replace(/\s*&\s*/gu, 'and').replace(/[\s\p{P}]+/gu, '');
}

function headingPathQuestion(doc: Document, section: Section): string {
  const path = section.headingPath.length > 0 ? section.headingPath : [doc.title];
  return titleOutsidePath(doc, path) && !titleIsHeading(doc) ? [doc.title, ...path].join(' / ') : path.join(' / ');
}

/**
 * Whether the document's title is not the heading path's first heading. The document title gives context to bare
 * headings such as 第四十一条 or "Eligibility"; a PDF's title line may be spaced otherwise than its metadata title
 * (台式洗碗机WQP6使用说明书 / 台式洗碗机 WQP6 使用说明书) and a title that holds the first heading, or is held by it, names
 * it once: Loomwell Returns & Exchanges Policy / Returns & Exchanges Policy / 1. Return window asked the policy twice
 * (an apparel trial's browser-printed PDF).
 */
function titleOutsidePath(doc: Document, path: readonly string[]): boolean {
  const [top, title] = [plainTitle(path[0] ?? ''), plainTitle(doc.title)];
  return !(top === title || (top.length >= 4 && title.length >= 4 && (top.includes(title) || title.includes(top))));
}

/**
 * A document's title as a vague section question is asked of it (Recall of GlowHeat 2000 radiators: what is the
 * hazard?): without a site's name after a bar or a dash (Returns and refunds | Acme) and the stop after it.
 * Undefined when the title is one of the document's own headings (`titleIsHeading`: Before you start asked
 * "Before you start: what are the exceptions?") or a question (When will I get
 * my refund?: what is the timeline?).
 */
function askedTitle(doc: Document): string | undefined {
  const title = doc.title
    .replace(/\s+[|·•]\s+[^|·•]{1,40}$/u, '')
    .replace(/(?<=\S\s+\S+)\s+[–—-]\s+(?:\p{Lu}[\p{L}&'’]*)(?:\s+\p{Lu}[\p{L}&'’]*)?$/u, '')
    .replace(/[\s.;,!]+$/u, '')
    .trim();
  if (!/\p{L}{2}/u.test(title) || /[?？]$/u.test(title)) return undefined;
  return titleIsHeading(doc) ? undefined : title;
}

/**
 * Is the document's title one of its own top headings beside the others, not a title over them: a Markdown file
 * with no H1 is named by its first ##, a web page without <title> by its first heading; no section lies under it. (A Word or PDF title paragraph over
 * the first chapter's heading is a title: its chapters keep it, Auralite Limited Warranty Policy / 1. Warranty coverage.)
 */
function titleIsHeading(doc: Document): boolean {
  // (asked of every section: worked out once a document, which generation does not change)
  const known = titleHeadings.get(doc);
  if (known !== undefined) return known;
  let is = false;
  if (doc.format === 'markdown' || doc.format === 'html' || doc.format === 'text') {
    const title = plainTitle(doc.title);
    const top = doc.sections.filter((s) => s.headingPath[0] !== undefined && plainTitle(s.headingPath[0]) === title);
    // (an H1 over the sections it names is the title: 退换货政策 / 三、退货运费)
    is = top.length > 0 && top.every((s) => s.headingPath.length === 1);
  }
  titleHeadings.set(doc, is);
  return is;
}
const titleHeadings = new WeakMap<Document, boolean>();

function languageOfDoc(doc: Document): QuestionLanguage | undefined {
  return doc.language === 'en' ? 'en' : doc.language === 'zh-Hans' || doc.language === 'zh-Hant' ? 'zh' : undefined;
}

function sourceOf(doc: Document, section: Section): NonNullable<Entry['source']> {
  const source: NonNullable<Entry['source']> = { path: doc.path, headingPath: section.headingPath };
  if (section.location.page !== undefined) source.page = section.location.page;
  return source;
}

function extractedEntry(id: string, pair: ExtractedPair, doc: Document, section: Section, language: QuestionLanguage): GeneratedEntry {
  const question = pair.question.replace(/\s+/gu, ' ').trim();
  const entry: Entry = { id, question, similar: [], answer: pair.answer, origin: 'extracted', status: 'pending', rule: 'extracted', source: sourceOf(doc, section) };
  return { entry, questions: [{ question, rule: 'extracted' }], language };
}

/** An extracted row of a facet section asked naming the facet's topic, its own question kept as the first similar one (`pairWithFacetTopic`). Mutates the item. */
function namePairTopic(item: GeneratedEntry, facet: Facet): void {
  const e = item.entry;
  const named = pairWithFacetTopic(e.question, facet, item.language);
  if (questionKey(named) === questionKey(e.question)) return;
  e.similar = [e.question, ...e.similar];
  item.questions = [{ question: named, rule: 'extracted' }, ...item.questions];
  e.question = named;
}

/** A generated entry whose questions came from outside the rules (rule `llm`). */
function externalEntry(doc: Document, section: Section, external: readonly ExternalQuestion[], language: QuestionLanguage, options: GenerationOptions): GeneratedEntry {
  const [first, ...rest] = external as [ExternalQuestion, ...ExternalQuestion[]];
  const seen = new Set([questionKey(first.question)]);
  const similar: string[] = [];
  for (const q of [...rest.map((r) => r.question), ...external.flatMap((r) => r.similar)]) {
    const key = questionKey(q);
    if (key.length === 0 || seen.has(key)) continue;
    seen.add(key);
    similar.push(q);
  }
  const questions = external.map((q) => ({ question: q.question, rule: 'llm' }));
  if (options.headingVariant !== false) {
    const pathQuestion = headingPathQuestion(doc, section);
    if (!seen.has(questionKey(pathQuestion))) similar.push(pathQuestion);
    questions.push({ question: pathQuestion, rule: 'heading-path' });
  }
  const entry: Entry = { id: sectionEntryId(section.id), question: first.question, similar, answer: sectionAnswer(section.text), origin: 'generated', status: 'pending', rule: 'llm', source: sourceOf(doc, section) };
  return { entry, questions, language };
}

/** The sections that get generated questions (not FAQ rows, not pages of Q&A to extract): what an LLM would be asked about. */
export function sectionsToGenerate(documents: readonly Document[], options: GenerationOptions = {}): { section: Section; document: Document; language: QuestionLanguage }[] {
  const out: { section: Section; document: Document; language: QuestionLanguage }[] = [];
  const views = documents.map(rulesView);
  const facets = findFacets(views.map((v) => v.doc));
  documents.forEach((doc, d) => {
    const view = views[d]?.doc ?? doc;
    doc.sections.forEach((section, i) => {
      if (section.text.trim().length === 0) return;
      const made = sectionEntries(view, view.sections[i] ?? section, { ...options, external: new Map(), facets });
      if (made.length === 1 && made[0]?.entry.origin === 'generated') out.push({ section, document: doc, language: made[0].language });
    });
  });
  return out;
}

/** A section with less prose than this beside its question/answer table is that table (its pairs are its entries). */
const MIN_PROSE_CHARS = 20;

/**
 * The language of a section's questions: its document's, unless the section itself is plainly in
 * the other one — an English question and answer on a Chinese help page (Do you ship to Canada)
 * gets English questions, not 请问Do you ship to Canada？
 */
export function sectionLanguage(doc: Document, section: Section): QuestionLanguage {
  const own = `${section.headingPath[section.headingPath.length - 1] ?? ''}\n${section.text.slice(0, 400)}`;
  const han = /\p{Script=Han}/u.test(own);
  const stated = languageOfDoc(doc);
  if (stated === 'zh' && !han && /[A-Za-z]{2,}(?:[\s,]+[A-Za-z']+){2}/u.test(own)) return 'en';
  if (stated === 'en' && han && languageOf(own) === 'zh') return 'zh';
  return stated ?? (han ? 'zh' : 'en');
}

/** A version line under a title: （2026年10月修订版，自2026年11月1日起执行）, 版本：V2.1（2025年3月更新）, Last updated 1 May 2026. */
const REVISION_NOTE = /^[（(【\[]?[^\n]{0,60}?(?:修订|版本|更新|生效|执行|施行|实施|发布|last\s+updated|effective|revised|version)[^\n]{0,60}?[）)】\]]?$/iu;
/** A month and a year: September 2026, Sept. 2026 (a page's Last updated September 2026 answered What is your returns policy?). */
const MONTH_YEAR = String.raw`\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{4}\b`;
const DATE_OR_VERSION = new RegExp(String.raw`${MONTH_YEAR}|\d{4}\s*年|\d{4}[-./]\d{1,2}|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4}|版|\bv\d`, 'iu');
/**
 * What a revision note is made of: dates, versions, the words that say it was revised or takes
 * effect, what it is about (本规定) and the order that made it (国家工商行政管理总局令第90号). Anything
 * else (春节期间暂停发货, 退货须在7天内申请) says something of its own.
 */
const REVISION_WORDS = new RegExp(String.raw`${MONTH_YEAR}|\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{4}[-./]\d{1,2}(?:[-./]\d{1,2})?|\d{1,2}\s+\p{L}+\s+\d{4}|\p{L}+\s+\d{1,2},?\s+\d{4}|第[一二三四五六七八九十\d]+次|\p{Script=Han}{0,20}?第[一二三四五六七八九十百\d]+号|\bv?\d+(?:\.\d+)+|\bv\d+|(?:最后)?(?:更新|修订|修改|发布|生效|实施|施行|执行)(?:时间|日期)|修订版|修订|版本|版|最后更新|更新于|更新|生效日期|生效|执行|施行|实施|发布|公布|颁布|通过|修正|修改|根据|本(?:规定|政策|规则|办法|协议|条款|细则|须知|说明|制度|文件)|自|于|起|\b(?:last\s+updated|updated|effective(?:\s+date)?|revised|version|as\s+of|from|on)\b`, 'giu');

/**
 * Is a section's whole text a revision note — a version or an effective date in brackets or after a
 * version label, nothing else? Nothing may follow its colon or its comma but more of the note:
 * （更新于2026-11-01：春节期间暂停发货） and （本规定自2026年1月1日起执行，退货须在7天内申请） say more, and
 * 版本更新后请在App中申请退款（2026年版） is a sentence (all three were dropped, their sections unanswered).
 */
export function isRevisionNote(text: string): boolean {
  const t = text.trim();
  // in brackets, or labelled as a version: 本法自2014年3月15日起施行 is an article, no note
  const bracketed = /^[（(【\[](.*)[）)】\]]$/u.exec(t);
  // (更新时间：2025-04-20, 生效日期：…: a help page's update line under its title answered 配送有什么规定 at 0.76)
  const labelled = /^(?:版本|修订|更新|最后更新|(?:发布|生效|实施|施行)(?:时间|日期)|last\s+updated|effective|revised|version)/iu.test(t);
  if ((bracketed === null && !labelled) || t.length > 80 || t.includes('\n') || !REVISION_NOTE.test(t) || !DATE_OR_VERSION.test(t)) return false;
  // nothing left but punctuation once its dates, versions and their words go
  return (bracketed?.[1] ?? t).replace(REVISION_WORDS, '').replace(/[\s（）()【】[\]，,；;：:。.、-]+/gu, '') === '';
}

/**
 * A generated entry's answer: its section's text without the page's update lines (Last updated: October 1, 2026,
 * 更新时间：2025-04-20 — `isRevisionNote`), which a customer's answer does not need; a section that is nothing
 * else keeps its text. (A shipping policy's first entry answered with its Last updated line, 2026-11-28 audit.)
 */
export function sectionAnswer(text: string): string {
  const lines = text.split('\n');
  const kept = lines.filter((line) => line.trim() === '' || !isRevisionNote(line));
  return kept.length === lines.length || kept.every((line) => line.trim() === '') ? text : kept.join('\n').replace(/^\n+/u, '');
}

/** A document's words for itself (本说明, 本政策 …): an intro that opens with one is about the document. */
const DOCUMENT_SELF = /^本(?:说明书|说明|政策|规定|规则|办法|细则|条款|协议|须知|手册|指南|制度|文件|文档|页面|服务)(?:仅)?(?:适用于|适用|用于|针对|面向|介绍|包括|包含|说明)/u;

/** Is a section's whole text one sentence about the document itself: 本说明适用于优家电器旗舰店售出的空调、冰箱…。 */
export function isDocumentIntro(text: string): boolean {
  const t = text.trim();
  return !t.includes('\n') && t.length <= 120 && DOCUMENT_SELF.test(t) && !/[。！？!?；;](?=.)/u.test(t);
}

/**
 * The heading path the question rules read. A long section split into parts (src/ingest/split.ts)
 * is asked by its heading in part 1 only, without the marker; its other parts by their text, so
 * that a heading does not ask the same question of every part (nor `(part 3)是什么？`).
 */
export function askedHeadingPath(headingPath: readonly string[]): readonly string[] {
  const last = headingPath[headingPath.length - 1];
  const part = last === undefined ? null : PART_MARKER.exec(last);
  if (last === undefined || part === null) return headingPath;
  const parent = headingPath.slice(0, -1);
  const own = last.slice(0, part.index);
  return part[1] !== '1' ? [] : own === '' ? parent : [...parent, own];
}

/** The entries of one section: a FAQ row, extracted pairs, or generated questions. */
function sectionEntries(doc: Document, section: Section, options: GenerationOptions): GeneratedEntry[] {
  const language = sectionLanguage(doc, section);
  if (section.faq !== undefined) {
    const row = section.faq;
    const entry: Entry = { id: row.id ?? `faq-${basename(doc.path).replace(/\.[^.]+$/, '')}-${section.id.slice(0, 8)}`, question: row.question, similar: [...row.similar], answer: row.answer, origin: 'faq', status: 'approved', source: sourceOf(doc, section) };
    if (row.tags.length > 0) entry.tags = row.tags;
    return [{ entry, questions: [{ question: row.question, rule: 'faq' }, ...row.similar.map((q) => ({ question: q, rule: 'faq' }))], language }];
  }
  // a title whose only text is its revision note ((2026年10月修订版，自2026年11月1日起执行)) answers nothing;
  // a section under it is asked even so (a customer may ask what changed)
  if (section.headingPath.length <= 1 && isRevisionNote(section.text)) return [];
  const out: GeneratedEntry[] = [];
  const facet = options.facets?.get(section.id);
  // each table with the question/answer pairs it holds (none for a data table such as 配送方式 | 时效 | 运费)
  const last = section.headingPath[section.headingPath.length - 1];
  const tables = (section.blocks ?? []).flatMap((b) => (b.kind === 'table' ? [{ rows: b.rows, pairs: pairsInTable(b, last) }] : []));
  if (options.extract !== false) {
    // a question the document's FAQ markup asks is one however it is written (退款多久到账), when it asks something
    const heading = questionHeading(last) ?? (section.question === true && last !== undefined && asksSomething(last) ? stripNumbering(last) || undefined : undefined);
    if (heading !== undefined && section.text.trim().length > 0) return [extractedEntry(sectionEntryId(section.id), { question: heading, answer: section.text }, doc, section, language)];
    const pairs = pairsInText(section.text);
    if (pairs !== undefined) return pairs.map((p, i) => extractedEntry(sectionEntryId(section.id, `-${i + 1}`), p, doc, section, language));
    // a product's own section with its specification table (小净X1扫地机器人 / 重量 | 3.2kg): its rows name the
    // product (a heading under the document's title: a title over a table is the document's, 产品说明书)
    const topic = facet === undefined && last !== undefined && section.headingPath.length >= 2 && !SPEC_HEADING.test(last) ? headingAsTopic(last) : '';
    const product: Facet | undefined = /[\p{L}]{2}/u.test(topic) ? { topic, facet: '', noticeOnly: false } : undefined;
    let t = 0;
    for (const table of tables) {
      for (const p of table.pairs) {
        const item = extractedEntry(sectionEntryId(section.id, `-t${++t}`), p, doc, section, language);
        if (p.spec === true && product !== undefined) namePairTopic(item, product);
        out.push(item);
      }
    }
    // a section that is its question/answer table and little else: its pairs are its entries, not
    // also one more entry answering with the whole table
    let prose = (section.blocks ?? []).filter((b) => b.kind !== 'table').map((b) => (b.kind === 'list' ? b.items.join(' ') : b.text)).join(' ');
    // the same table written as lines (额定功率：1400W; 故障现象：…可能原因：…解决方法：…), as a PDF or a plain text has it
    const lined = out.length === 0 ? pairsInLines(section.text, last) : undefined;
    if (lined !== undefined) {
      lined.pairs.forEach((p, n) => out.push(extractedEntry(sectionEntryId(section.id, `-l${n + 1}`), p, doc, section, language)));
      const used = new Set(lined.lines);
      prose = section.text.split('\n').filter((l) => !used.has(l.trim())).join(' ');
    }
    // the rows of a table each product repeats name the product; the row's own question stays a similar one
    if (facet !== undefined && !facet.noticeOnly) for (const item of out) namePairTopic(item, facet);
    if (out.length > 0 && prose.replace(/\s+/gu, '').length < MIN_PROSE_CHARS) return out;
  }
  const external = options.external?.get(section.id);
  if (external !== undefined && external.length > 0 && out.length === 0) return [externalEntry(doc, section, external, language, options)];
  const steps = (section.blocks ?? []).flatMap((b) => (b.kind === 'list' && b.ordered ? b.items : []));
  // data tables ask about their rows; question/answer tables were extracted above
  const dataTables = tables.filter((table) => table.pairs.length === 0).map((table) => table.rows);
  // the rules read the prose: a table's rows in the text (顺丰快递 | 1-2天 | 12元) are no sentences (|12元需要多长时间？)
  const rowLines = new Set(tables.flatMap((table) => table.rows.map((r) => r.join(' | ').trim())));
  const prose = rowLines.size === 0 ? section.text : section.text.split('\n').filter((l) => !rowLines.has(l.trim())).join('\n');
  // (a section under a heading of its own, not the title's first words: Hazard of a recall notice)
  const documentTitle = section.headingPath.length === 1 && titleOutsidePath(doc, section.headingPath) ? askedTitle(doc) : undefined;
  let generated: GeneratedQuestion[] = generateQuestions(
    {
      headingPath: askedHeadingPath(section.headingPath),
      text: prose,
      steps,
      tables: dataTables,
      language,
      ...(options.names !== undefined ? { names: options.names } : {}),
      ...(documentTitle !== undefined ? { documentTitle } : {}),
      ...(section.headingPath.length >= 2 && titleOutsidePath(doc, section.headingPath) ? { pathHoldsTitle: false } : {}),
    },
    options.disabledRules !== undefined ? { disabledRules: options.disabledRules } : {},
  );
  // a title over one line that says what the document covers (本说明适用于…售出的空调、冰箱…) and that no
  // rule but the heading's asks about answers nothing a customer asks (安装与维修说明是什么？ answered 扫地机器人怎么配网)
  if (section.headingPath.length <= 1 && out.length === 0 && isDocumentIntro(section.text) && generated.every((g) => g.rule === 'heading')) return [];
  // a heading every category repeats (注意事项, 退换货时限) asks about its category
  if (facet !== undefined) generated = withFacetTopic(generated, facet, language);
  const pathQuestion = headingPathQuestion(doc, section);
  const first = generated[0];
  const entry: Entry =
    first === undefined
      ? { id: sectionEntryId(section.id), question: pathQuestion, similar: [], answer: sectionAnswer(section.text), origin: 'generated', status: 'pending', rule: 'heading-path' }
      : { id: sectionEntryId(section.id), question: first.question, similar: generated.slice(1).map((g) => g.question), answer: sectionAnswer(section.text), origin: 'generated', status: 'pending', rule: first.rule };
  const questions = first === undefined ? [{ question: pathQuestion, rule: 'heading-path' }] : generated.map((g) => ({ question: g.question, rule: g.rule as string }));
  if (first !== undefined && options.headingVariant !== false) {
    entry.similar.push(pathQuestion);
    questions.push({ question: pathQuestion, rule: 'heading-path' });
  }
  entry.source = sourceOf(doc, section);
  out.push({ entry, questions, language });
  return out;
}

/** The questions an entry holds for certain: its first, its heading path, and all an FAQ row or an extracted pair has. */
function ownQuestions(item: GeneratedEntry): string[] {
  const e = item.entry;
  if (e.origin !== 'generated') return [e.question, ...e.similar];
  return [e.question, ...item.questions.filter((q) => q.rule === 'heading-path').map((q) => q.question)];
}

/**
 * A how-to question of the rules that drops what its section is about is kept only if it passes the
 * quality gate, scored against the entries' own questions and texts (not their unchecked rule
 * questions). The rules' questions after an entry's first become its similar questions; before
 * (2026-11-27, user test u7) they went in unchecked, and the gate then checked their paraphrases
 * against an index that held them, so each entry retrieved itself: 如何退货？ (from
 * 已拆封的彩妆不能以色差为由退货) was a question of the 色差 and 七天无理由 sections alike, and 怎么退货啊 found
 * them before the shop's FAQ row 支持七天无理由退货吗. Only the procedure rule's questions of Chinese
 * sections, and only those that name none of their heading's rare words: every rule's went worse on
 * the dev sets (docs/history/generate.md). Mutates the items.
 */
function keepDistinctiveQuestions(items: readonly GeneratedEntry[], stats: GenerationStats): void {
  const own = items.map(ownQuestions);
  let gate: LexicalGate | undefined;
  const passes = (question: string, i: number): boolean => (gate ??= new LexicalGate(items.map((item, n) => ({ questions: own[n] ?? [], context: entryContext(item.entry) })))).passes(question, i);
  // a word of a heading few entries ask about names what the section is about (色差, 过敏); 退货 is in many
  const df = new Map<string, number>();
  for (const questions of own) for (const t of new Set(questions.flatMap(gateTokens))) df.set(t, (df.get(t) ?? 0) + 1);
  const rare = Math.max(2, items.length / 20);
  items.forEach((item, i) => {
    if (item.entry.origin !== 'generated' || item.language !== 'zh') return;
    const topic = headingTopic(item.entry.source?.headingPath ?? []);
    if (topic === undefined) return;
    const about = gateTokens(topic).filter((t) => (df.get(t) ?? 0) <= rare);
    if (about.length === 0) return;
    const dropped = new Set<string>();
    item.questions = item.questions.filter((q, at) => {
      // the procedure rule asks about the first action anywhere in the text, whatever the section is about
      if (at === 0 || q.rule !== 'procedure') return true;
      const words = new Set(gateTokens(q.question));
      if (about.some((t) => words.has(t)) || passes(q.question, i)) return true;
      dropped.add(q.question);
      return false;
    });
    if (dropped.size === 0) return;
    item.entry.similar = item.entry.similar.filter((q) => !dropped.has(q));
    stats.questionsDropped += dropped.size;
  });
}

/**
 * Add up to `n` similar questions to each entry, from its questions' variants (the question's
 * first), each kept only if it passes the gate. Mutates the entries' `similar`.
 */
export function addSimilarQuestions(items: readonly GeneratedEntry[], n: number, options: Pick<GenerationOptions, 'gate' | 'lexicon' | 'kinds' | 'faqSimilar' | 'faqKinds'>, stats: GenerationStats): void {
  if (items.length > 0 && options.gate !== false) keepDistinctiveQuestions(items, stats);
  if (n <= 0 || items.length === 0) return;
  const gate = options.gate === false ? undefined : new LexicalGate(items.map((g) => ({ questions: [g.entry.question, ...g.entry.similar], context: entryContext(g.entry) })));
  const faqMode = options.faqSimilar ?? DEFAULT_FAQ_SIMILAR;
  items.forEach((item, i) => {
    const e = item.entry;
    const row = e.origin === 'faq';
    // a team's FAQ rows keep the similar questions the team wrote unless asked (faqSimilar): five
    // generated ones per row measured worse on real customer paraphrases (docs/generate.md)
    if (row && faqMode === 'none') return;
    const budget = row && faqMode === 'top-up' ? n - e.similar.length : n;
    if (budget <= 0) return;
    const seen = new Set([e.question, ...e.similar].map(questionKey));
    const sources = item.questions.filter((q) => q.rule !== 'heading-path').map((q) => item.script?.toRules(q.question) ?? q.question);
    // the context in the script the candidates are made in (a topic word is tested on it)
    const context = item.script?.toRules(entryContext(e)) ?? entryContext(e);
    const kinds = row ? (options.faqKinds ?? FAQ_SIMILAR_KINDS) : options.kinds;
    const lists = sources.map((q) => similarCandidates(q, { language: item.language, context, ...(options.lexicon !== undefined ? { lexicon: options.lexicon } : {}), ...(kinds !== undefined ? { kinds } : {}) }));
    const script = item.script;
    if (script !== undefined) lists.forEach((list, n) => (lists[n] = list.filter((q) => !MAINLAND_ONLY.test(q)).map(script.toDocument)));
    let tried = 0;
    const made: string[] = [];
    for (const candidate of interleave(lists)) {
      if (made.length >= budget || tried >= budget * 4) break;
      const key = questionKey(candidate);
      if (key.length === 0 || seen.has(key)) continue;
      seen.add(key);
      tried++;
      stats.similarProposed++;
      if (gate !== undefined && !gate.passes(candidate, i)) {
        stats.similarDropped++;
        continue;
      }
      e.similar.push(candidate);
      made.push(candidate);
      stats.similarKept++;
    }
    // a row's similar questions are the team's: those kb wrote are named (Entry.generatedSimilar)
    if (row && made.length > 0) e.generatedSimilar = made;
  });
}

/**
 * Two sections whose rules wrote the same first question (第五条 and 第九条 both 商品存在质量问题怎么办？)
 * would show an editor two entries with one question and split a customer's question between
 * them: each takes as its question the first of its other questions that no other entry has as
 * its question; the shared one stays a similar question. A question an FAQ row or an extracted pair
 * asks (a manual's Battery life section and its specification row, both What is the battery life?)
 * is theirs, the more specific answer: the generated entry takes another question and drops that one
 * (kb build warned about the duplicate). Mutates the entries.
 */
function distinctQuestions(items: readonly GeneratedEntry[]): void {
  const generated = items.filter((i) => i.entry.origin === 'generated' && i.entry.rule !== 'heading-path');
  const written = new Set(items.filter((i) => i.entry.origin !== 'generated').map((i) => questionKey(i.entry.question)));
  const count = new Map<string, number>();
  for (const key of written) count.set(key, 2);
  for (const i of generated) {
    const key = questionKey(i.entry.question);
    count.set(key, (count.get(key) ?? 0) + 1);
  }
  for (const item of generated) {
    const e = item.entry;
    if ((count.get(questionKey(e.question)) ?? 0) < 2) continue;
    if (written.has(questionKey(e.question))) {
      const taken = questionKey(e.question);
      // (its only question taken, it asks the same another way — How do I make a warranty claim? → What do I need to
      // know to make a warranty claim? — not by its heading path: Voltnest Limited Warranty / 4. How to make a warranty claim)
      const again = enRestated(e.question);
      const other: GeneratedQuestion | undefined = again !== undefined && !count.has(questionKey(again)) ? { question: again, rule: e.rule as GenerationRule } : undefined;
      item.questions = item.questions.filter((q) => questionKey(q.question) !== taken);
      const next = item.questions.find((q) => q.rule !== 'heading-path' && !count.has(questionKey(q.question))) ?? other ?? item.questions[0];
      if (next === undefined) continue;
      count.set(questionKey(next.question), 1);
      e.similar = e.similar.filter((q) => q !== next.question && questionKey(q) !== taken);
      e.question = next.question;
      e.rule = next.rule;
      item.questions = [next, ...item.questions.filter((q) => q !== next)];
      continue;
    }
    const at = item.questions.findIndex((q, n) => n > 0 && q.rule !== 'heading-path' && !count.has(questionKey(q.question)));
    const chosen = item.questions[at];
    if (chosen === undefined) continue;
    count.set(questionKey(chosen.question), 1);
    e.similar = [e.question, ...e.similar.filter((q) => q !== chosen.question)];
    e.question = chosen.question;
    e.rule = chosen.rule;
    item.questions.splice(at, 1);
    item.questions.unshift(chosen);
  }
}

/**
 * An entry made from the simplified view of a traditional document's section, put back into the
 * document: its questions in the document's script, its answer and source the section's own.
 * Mutates the item.
 */
function inDocumentScript(item: GeneratedEntry, section: Section, toDocument: (text: string) => string): void {
  const e = item.entry;
  if (e.origin === 'faq') return;
  e.question = toDocument(e.question);
  e.similar = e.similar.map(toDocument);
  e.answer = e.origin === 'extracted' ? toDocument(e.answer) : sectionAnswer(section.text);
  if (e.source !== undefined) e.source = { ...e.source, headingPath: section.headingPath };
  item.questions = item.questions.map((q) => ({ ...q, question: toDocument(q.question) }));
  item.script = { toRules: rulesText, toDocument };
}

/** Documents → entries (FAQ rows, extracted pairs, generated questions), with similar questions. */
export function generateEntries(documents: readonly Document[], options: GenerationOptions = {}): { entries: Entry[]; items: GeneratedEntry[]; problems: Problem[]; stats: GenerationStats } {
  const started = performance.now();
  const stats: GenerationStats = { sections: 0, faq: 0, extracted: 0, generated: 0, headingOnly: 0, byRule: {}, similarProposed: 0, similarKept: 0, similarDropped: 0, questionsDropped: 0, milliseconds: 0 };
  const problems: Problem[] = [];
  const items: GeneratedEntry[] = [];
  const seen = new Set<string>();
  // the rules read a traditional Chinese document in simplified Chinese (src/generate/script.ts)
  const views = documents.map(rulesView);
  // (a brand a heading opens, Klarna available at checkout, is a name where another text writes it mid-sentence)
  const names = properNames(views.flatMap((v) => v.doc.sections.map((s) => s.text)).join('\n\n'));
  const sectionOptions: GenerationOptions = { ...options, facets: findFacets(views.map((v) => v.doc)), names };
  documents.forEach((doc, d) => {
    const view = views[d] ?? { doc };
    doc.sections.forEach((section, s) => {
      stats.sections++;
      const hash = sectionHash(section);
      const viewSection = view.doc.sections[s] ?? section;
      const made = sectionEntries(view.doc, viewSection, sectionOptions);
      const back = view.back;
      if (back !== undefined) for (const item of made) inDocumentScript(item, section, (text) => back(text, viewSection));
      for (const item of made) {
        // a pair a section holds among others is its own source: editing one Q&A of a FAQ page
        // marks that entry for re-review, not all its neighbours
        if (item.entry.origin === 'extracted') {
          item.entry.sourceHash = pairHash(section, item.entry.question, item.entry.answer);
          item.formerHash = hash;
        } else item.entry.sourceHash = hash;
        const id = item.entry.id;
        if (seen.has(id)) {
          problems.push(warning('bad-row', `duplicate entry id ${id}; the later one is skipped — give it a unique id`, { file: doc.path, location: section.location.line !== undefined ? { line: section.location.line } : {} }));
          continue;
        }
        seen.add(id);
        items.push(item);
        const origin = item.entry.origin;
        if (origin === 'faq') stats.faq++;
        else if (origin === 'extracted') stats.extracted++;
        else {
          stats.generated++;
          if (item.entry.rule === 'heading-path') stats.headingOnly++;
          for (const q of item.questions) if (q.rule !== 'heading-path') stats.byRule[q.rule] = (stats.byRule[q.rule] ?? 0) + 1;
        }
      }
    });
  });
  distinctQuestions(items);
  addSimilarQuestions(items, options.similar ?? DEFAULT_SIMILAR, options, stats);
  stats.milliseconds = Math.round(performance.now() - started);
  return { entries: items.map((i) => i.entry), items, problems, stats };
}
