/**
 * FAQ tables — CSV/TSV, JSON Lines, JSON and XLSX — become FAQ rows as they are: `id` (optional),
 * `question`, `similar`, `answer`, `tags`, plus a `category` path (it heads the section's heading
 * path) and a `status` that can switch a row off. English and Chinese headers, and the keys bot
 * platforms export, are accepted (see FIELD_ALIASES); a header is matched ignoring case, spaces,
 * camelCase, a BOM, full-width forms and a note in brackets. A bad row is skipped with a `bad-row`
 * warning that says what to fix, so one bad row never costs the others; a table kb cannot read at
 * all (no question or answer column, an unclosed CSV quote, not an .xlsx) is a failed Result with
 * `bad-table`.
 *
 * XLSX goes through excel.ts, the one module that imports exceljs (loaded lazily, so CSV and
 * JSON don't pay for it), which checks the zip container first. Every visible FAQ sheet is read.
 *
 * The CSV reader is a small one of our own rather than csv-parse: FAQ cells often span lines, and
 * the line numbers in kb's messages must be the record's first line, and, for an unclosed quote,
 * the line where the quote opened. JSON is cut into items with jsonc-parser (a tolerant parser that
 * reads the structure past a broken item) before each is parsed, for the same reason: a malformed
 * item is named by its line and costs only itself.
 */
import { fail, inFileOrder, ok, problem, warning, type Problem, type ProblemLocation, type Result } from '../../core/problems.js';
import type { FaqRow } from '../document.js';
import type { ParseOptions } from '../parsed.js';
import { parseTree, type Node as JsonNode } from 'jsonc-parser';
import { cantoneseToMandarin, traditionalToSimplified } from '../../text/normalize.js';
import { chineseCounting } from '../../text/numerals.js';
import { answerKey, questionKey } from '../../text/question-key.js';
import { blockText } from '../sectionize.js';
import { isHiddenSheet, loadWorkbook, numberText, sheetRows } from './excel.js';
import { parseHtml } from './html.js';
import { basename } from 'node:path';

export interface TableParse {
  /** Good rows in file order (XLSX: sheet by sheet). */
  rows: TableRow[];
  /**
   * XLSX: a workbook of data tables and no FAQ (a size chart, a price list): each visible sheet holding a
   * table, as its captions, text and tables (`dataSheets`). Read as a document, a section a sheet; `rows` is then empty.
   */
  tables?: DataSheet[];
  /** Skipped rows (`bad-row`) and ignored columns or sheets. */
  warnings: Problem[];
}

export type FaqField = 'id' | 'question' | 'similar' | 'answer' | 'tags' | 'category' | 'status';

/** Header names (and JSON keys) per field, compared after `normalizeHeader` (so `standardQuestion`, `standard_question` and `Standard Question` are one name). */
export const FIELD_ALIASES: Readonly<Record<FaqField, readonly string[]>> = {
  // (a help desk's article export names its id for what the row is: Article ID, Question ID)
  id: ['id', 'faq id', 'qid', 'qna id', 'knowledge id', 'article id', 'article number', 'question id', 'entry id', '编号', '編號', '知识id', '知识编号', '问题编号', '问题id'],
  question: [
    'question', 'questions', 'q', 'standard question', 'main question',
    '标准问题', '问题', '标准问', '标准问法', '主问题', '知识标题',
    '標準問題', '問題', '標準問', '標準問法',
  ],
  similar: [
    'similar', 'similars', 'similar question', 'similar questions', 'similar q', 'similar qs',
    'alternate questions', 'alternative questions', 'alternates', 'alternatives', 'variants', 'paraphrases',
    // (how a team's own sheet names them: a pet shop's trial, 2026-11-28, "Alternate phrasings" was ignored)
    'alternate phrasings', 'alternative phrasings', 'phrasings', 'other phrasings', 'alternate wordings', 'rephrasings',
    'other ways to ask', 'also asked as', 'question variants', 'variations',
    'extended questions', 'expand questions', 'extend questions',
    '相似问题', '相似问', '相似问法', '相似问句', '相似说法', '同义问', '同义问法', '近义问', '近义问法',
    '扩展问', '扩展问题', '扩展问法', '拓展问', '拓展问法',
    '相似問題', '相似問', '相似問法', '擴展問', '擴展問題', '擴展問法',
  ],
  answer: [
    'answer', 'a', 'standard answer', 'reply', 'response', 'answer text',
    '答案', '回答', '标准答案', '答案内容', '回答内容', '回复', '回复内容', '标准回复', '答复', '答复内容', '解答',
    '標準答案', '答案內容', '回覆', '回覆內容', '答覆',
  ],
  // QnA Maker's Metadata (category:refunds|lang:en): its key:value pairs as tags
  // (a help desk's article export: Zendesk's label_names, section; Freshdesk's folder; Intercom's collection)
  tags: ['tags', 'tag', 'labels', 'label names', 'metadata', '标签', '標籤', '元数据'],
  category: [
    'category', 'categories', 'category path', 'category name', 'subcategory', 'sub category', 'topic',
    'section', 'section name', 'folder', 'folder name', 'collection',
    '分类', '类目', '类别', '类目路径', '分类路径', '知识分类', '业务分类', '问题分类', '所属分类', '知识类目',
    // exports of Chinese bot platforms name the column for what the row belongs to (小米: 所属类目)
    '所属类目', '所属类别', '所属目录', '分类名称', '类目名称', '类别名称', '业务类目', '问题类目', '问题类别', '知识类别', '知识目录',
    '一级分类', '二级分类', '三级分类', '一级类目', '二级类目', '三级类目', '一级类别', '二级类别', '三级类别', '大类', '小类',
    '分類', '類目', '類別', '所屬分類', '所屬類目', '所屬類別', '分類名稱',
  ],
  status: ['status', 'state', 'enabled', 'active', 'is enabled', '状态', '启用状态', '是否启用', '知识状态', '生效状态', '狀態', '啟用狀態'],
};

/**
 * Columns (and JSON keys) that platform exports add about a row rather than its content — when it
 * was created or changed and by whom, how often it was viewed, clicked or rated, a row number —
 * compared after `normalizeHeader` (`updatedAt`, `updated_at` and `Updated At` are one name). They
 * are ignored without a warning; a column kb knows nothing about is still named in one. A second
 * id column named so (`知识ID` beside `编号`) is one too, not a repeated id.
 */
export const METADATA_COLUMNS: readonly string[] = [
  '更新时间', '创建时间', '修改时间', '编辑时间', '最后更新时间', '最后修改时间', '最近更新时间', '最近修改时间', '发布时间', '上架时间', '生效时间', '失效时间', '过期时间', '导入时间', '录入时间',
  '更新日期', '创建日期', '修改日期',
  '创建人', '创建者', '更新人', '修改人', '编辑人', '编辑者', '最后修改人', '最后更新人', '最近修改人', '发布人', '录入人', '审核人', '作者',
  '浏览量', '浏览次数', '阅读量', '阅读数', '点击量', '点击次数', '点击数', '访问量', '命中次数', '命中数', '调用次数', '使用次数',
  '有用数', '无用数', '有用', '无用', '有帮助', '没帮助', '点赞数', '点踩数', '赞', '踩', '满意度', '解决率',
  '序号', '行号', '知识id', '知识编号',
  '更新時間', '建立時間', '創建時間', '修改時間', '建立者', '創建人', '更新人', '修改人', '瀏覽量', '點擊量', '有用數', '無用數', '序號', '知識id', '知識編號',
  'updated', 'updated at', 'updated on', 'update time', 'update date', 'last updated', 'last update', 'modified', 'modified at', 'modified on', 'last modified', 'date modified', 'modification date',
  'created', 'created at', 'created on', 'create time', 'create date', 'creation date', 'creation time', 'date created', 'published', 'published at',
  'author', 'created by', 'creator', 'updated by', 'modified by', 'last modified by', 'last updated by', 'editor',
  // (a team's sheet: when a row was last checked and by whom)
  'reviewed', 'reviewed by', 'reviewer', 'last reviewed', 'reviewed on', 'review date', 'last review',
  'views', 'view count', 'clicks', 'click count', 'hits', 'hit count', 'helpful', 'not helpful', 'helpful count', 'unhelpful count', 'upvotes', 'downvotes', 'likes', 'dislikes', 'rating',
  'row', 'row number', 'no', 'no.', '#',
  // a help desk's article export (Zendesk): where the article lives and how it is shown, not what it says
  'locale', 'source locale', 'url', 'html url', 'section id', 'category id', 'author id', 'vote sum', 'vote count', 'position', 'promoted', 'outdated', 'comments disabled',
];

const METADATA_NAMES: ReadonlySet<string> = new Set(METADATA_COLUMNS.map(normalizeHeader));

/** Whether a header cell (or JSON key) names a metadata column (METADATA_COLUMNS). */
export function isMetadataColumn(name: string): boolean {
  return METADATA_NAMES.has(normalizeHeader(name));
}

/** Fields that several columns may fill: `相似问法1`…`相似问法5`, `一级分类` and `二级分类`. */
const MULTI_COLUMN: ReadonlySet<FaqField> = new Set(['similar', 'category', 'tags']);

/**
 * Search this many non-blank rows from the top for the header row (title rows may sit above it: a help
 * desk's export with a title, version, owner, note and date over its header was read as a data table at 5).
 */
export const HEADER_SEARCH_ROWS = 10;
/** At most this many `bad-row` (and, apart, `duplicate-question`) warnings are listed one by one; the rest are counted in one more. */
export const MAX_ROW_WARNINGS = 100;
const EXPECTED =
  'a question column (question, 标准问题, 问题 or 标准问) and an answer column (answer, 答案, 回答 or 回复), ' +
  'optionally id (编号), similar (相似问题, several 相似问法1…5 columns allowed), category (分类), tags (标签) and status (状态: 启用/停用)';

/**
 * Header text → comparable form: NFKC (full-width → half-width), no BOM or zero-width marks,
 * camelCase split into words, lower case, one space, no `*` (required) or trailing `:`, no note in
 * brackets after the name (`标准问题(必填)`).
 */
export function normalizeHeader(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\uFEFF\u200B-\u200D\u2060]/gu, '')
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .replace(/[\s_-]+/gu, ' ')
    .trim()
    .replace(/\s*[:*]+$/u, '')
    // a note after the name, as templates write them: 标准问题(必填), 相似问题（多个用|分隔）, 答案【必填】
    .replace(/^(.+?)\s*[([【][^)\]】]*[)\]】]$/u, '$1')
    .replace(/^\*+\s*|\s*[:*]+$/gu, '')
    .trim();
}

const ALIAS_TO_FIELD: ReadonlyMap<string, FaqField> = new Map(
  (Object.entries(FIELD_ALIASES) as [FaqField, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [normalizeHeader(name), field] as const),
  ),
);

/** The field a header cell (or JSON key) names, if any; a number after the name (`相似问法3`, `similar (2)`) is ignored. */
export function fieldOfHeader(name: string): FaqField | undefined {
  const key = normalizeHeader(name);
  return ALIAS_TO_FIELD.get(key) ?? ALIAS_TO_FIELD.get(key.replace(/\s*(?:\d+|\(\d+\))$/u, ''));
}

// ---------------------------------------------------------------------------------------------
// Cells → FAQ rows (shared by the formats)

type Unit = 'line' | 'row';

interface Context {
  file: string;
  unit: Unit;
  /** 'column' for CSV/XLSX, 'field' for JSON: how messages name a place in a row. */
  part: 'column' | 'field';
  /** XLSX: the sheet being read, named in every location when the workbook has several FAQ sheets. */
  sheet?: string;
}

function at(ctx: Context, n: number): ProblemLocation {
  const place: ProblemLocation = ctx.unit === 'line' ? { line: n } : { row: n };
  return ctx.sheet === undefined ? place : { sheet: ctx.sheet, ...place };
}

function quote(text: string, max = 30): string {
  const oneLine = text.replace(/\s+/gu, ' ');
  return `"${oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine}"`;
}

function list(names: readonly string[], max = 12): string {
  const shown = names.slice(0, max).map((n) => quote(n, 40));
  return names.length > max ? `${shown.join(', ')} and ${names.length - max} more` : shown.join(', ');
}

/** `rows 4, 7, 9` (the first 20, then a count). */
function numbers(unit: Unit, ns: readonly number[]): string {
  const shown = ns.slice(0, 20).join(', ');
  return `${unit}${ns.length === 1 ? '' : 's'} ${shown}${ns.length > 20 ? ` and ${ns.length - 20} more` : ''}`;
}

/** Collects warnings, listing at most MAX_ROW_WARNINGS skipped rows and as many repeated questions one by one. */
class Warnings {
  readonly list: Problem[] = [];
  private badRows = 0;
  private duplicates = 0;
  constructor(private readonly ctx: Context) {}

  /** A table-level warning (`bad-table`, severity warning): ignored columns, fields or sheets. */
  add(message: string, location?: ProblemLocation): void {
    this.push('bad-table', message, location);
  }

  /** A skipped row (`bad-row`). */
  skip(n: number, message: string): void {
    this.badRows++;
    if (this.badRows <= MAX_ROW_WARNINGS) this.push('bad-row', `row skipped: ${message}`, at(this.ctx, n));
  }

  /** Rows skipped as a group, in one warning (`bad-row`): rows marked disabled. */
  skipMany(ns: readonly number[], message: string): void {
    if (ns.length > 0) this.push('bad-row', message, at(this.ctx, ns[0] ?? 1));
  }

  done(): Problem[] {
    const more = this.badRows - MAX_ROW_WARNINGS;
    if (more > 0) this.push('bad-row', `${more} more rows were skipped and are not listed; fix the rows listed above and read the file again to see them`);
    // a large export repeats thousands of questions: listed all, they buried the skipped rows
    const repeated = this.duplicates - MAX_ROW_WARNINGS;
    if (repeated > 0) this.push('duplicate-question', `${repeated} more ${repeated === 1 ? 'row asks' : 'rows ask'} a question an earlier row asks and ${repeated === 1 ? 'is' : 'are'} not listed; merge the rows listed above (or make their questions distinct) and read the file again to see them`);
    return this.list;
  }

  /** A row that asks a question an earlier row asks (`duplicate-question`). */
  duplicate(n: number, message: string): void {
    this.duplicates++;
    if (this.duplicates <= MAX_ROW_WARNINGS) this.push('duplicate-question', message, at(this.ctx, n));
  }

  private push(code: 'bad-row' | 'bad-table' | 'duplicate-question', message: string, location?: ProblemLocation): void {
    this.list.push(warning(code, message, location === undefined ? { file: this.ctx.file } : { file: this.ctx.file, location }));
  }
}

/** Raw values for one row: strings from CSV/XLSX cells (a list of them for a field several columns fill), any JSON value from JSON. */
type RawRow = Partial<Record<FaqField, unknown>>;
/** How the user named each field (the header text or JSON key), for messages. */
type Labels = Partial<Record<FaqField, string>>;

/** Text of a scalar: strings trimmed with newlines normalized, numbers as written; `undefined` for anything else. */
function scalarText(value: unknown): string | undefined {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.replace(/\r\n?/gu, '\n').trim();
  if (typeof value === 'number' && Number.isFinite(value)) return numberText(value);
  return undefined;
}

/** Markup a help desk's export leaves in an answer cell: tags of rich text, or an HTML entity. */
const HTML_MARKUP = /<\/?(?:p|br|div|ol|ul|li|strong|b|em|i|u|span|a|h[1-6]|table|tr|td|img|font|section)\b[^>]*>|&(?:[a-z][a-z\d]{1,31}|#\d+|#x[\da-f]+);/iu;

/**
 * An answer a help desk exported as HTML (Zendesk's Body, a Chinese desk's 答案内容: `<p>请长按电源键
 * <strong>15秒</strong>…</p><ol><li>…`, a Shopify FAQ app's `Track it at <a href=…>…</a>, 1&ndash;2 days`)
 * as the text a bot sends: its paragraphs a line each, an ordered list numbered, no tags or entities
 * (any named one: &ndash; &rsquo; &mdash;). Before 2026-11-27 the tags were the answer's, and words to
 * match; an answer with inline markup only kept its tags until later that day.
 */
function answerText(answer: string, relative: string[] = []): string {
  if (!HTML_MARKUP.test(answer)) return answer;
  // in a <div>: text with only inline markup around it (a link, &ndash;) is in no block of its own, and
  // a bare fragment's such text was lost (the answer then came out with its tags)
  const parsed = parseHtml(`<div>${withLinkAddresses(answer, relative)}</div>`, { file: '', maxUnzippedBytes: Number.MAX_SAFE_INTEGER });
  if (!parsed.ok) return answer;
  const text = parsed.value.blocks.map((b) => (b.kind === 'heading' ? b.text : blockText(b))).join('\n').trim();
  return text === '' ? answer : text;
}

/** An anchor's address, quoted or not (`href=https://…`), and not a `data-href` or other attribute ending so. */
const ANCHOR = /<a\b[^>]*?(?<![\w-])href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))[^>]*>([\s\S]*?)<\/a\s*>/giu;

/** At most this many rows are named for a link relative to the help desk's site; the last says more may follow. */
const RELATIVE_LINK_ROWS = 10;

/** Query parameters that only track where a click came from (utm_source, 淘宝's spm/scm, ad click ids): dropped from a kept address. */
const TRACKING_PARAM = /^(?:utm_[^=]*|spm|scm|gclid|fbclid)$/iu;

/** An address without its tracking parameters (the rest of its query, and its fragment, kept). */
function withoutTracking(link: string): string {
  const q = link.indexOf('?');
  if (q < 0) return link;
  const hash = link.indexOf('#', q);
  const query = link.slice(q + 1, hash < 0 ? undefined : hash);
  const kept = query.split('&').filter((p) => p !== '' && !TRACKING_PARAM.test(p.split('=')[0] ?? ''));
  return `${link.slice(0, q)}${kept.length > 0 ? `?${kept.join('&')}` : ''}${hash < 0 ? '' : link.slice(hash)}`;
}

/**
 * A web, mail or phone link of an HTML answer keeps its address after its words, as an XLSX
 * hyperlink cell does (`按<a href="https://…/fee">收费标准</a>另收` → `按收费标准 (https://…/fee)另收`;
 * `<a href="tel:400-800-1234">客服热线</a>` → `客服热线 (400-800-1234)`), unless the words show it
 * (`<a href="https://shop.example/track">shop.example/track</a>`, a mail address or a number the words
 * hold): a bot's reply `点此预约` with the address dropped sends the customer nowhere (before
 * 2026-11-27 every address was dropped). Tracking parameters (utm_*, spm, scm, gclid, fbclid) are
 * dropped from it. A link relative to the help desk's site (`/service/install`) cannot be made
 * whole: it is left to its words and listed in `relative`, for a warning.
 */
function withLinkAddresses(html: string, relative: string[]): string {
  return html.replace(ANCHOR, (whole: string, double: string | undefined, single: string | undefined, bare: string | undefined, inner: string) => {
    const written = (double ?? single ?? bare ?? '').trim().replace(/&amp;/gu, '&');
    const shown = inner.replace(/<[^>]*>/gu, '');
    if (/^tel:/iu.test(written)) {
      const number = decodeURIComponent(written.slice(4)).trim();
      const digits = (s: string): string => s.replace(/\D/gu, '');
      return number === '' || digits(shown).includes(digits(number)) ? whole : `${whole} (${number})`;
    }
    if (/^mailto:/iu.test(written)) {
      const address = written.slice(7).split('?')[0] ?? '';
      return address === '' || shown.includes(address) ? whole : `${whole} (${address})`;
    }
    if (!/^https?:\/\/\S+$/iu.test(written)) {
      // a link within the page (#orders) or a script goes nowhere a customer could be sent
      if (written !== '' && !written.startsWith('#') && !/^[a-z][a-z\d+.-]*:/iu.test(written)) relative.push(written);
      return whole;
    }
    const link = withoutTracking(written);
    if (shown.includes(link.replace(/^https?:\/\//iu, '').replace(/\/$/u, ''))) return whole;
    return `${whole} (${link})`;
  });
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** Similar questions in one cell: `|` `｜` `||`, `；` `;` or line breaks (and commas, `、` and `/`, see splitSimilar). */
const SIMILAR_SEPARATORS = /[|｜\n；;]/u;
const TAG_SEPARATORS = /[,，|｜;；、\n]/u;
/** A category path in one cell: `售后/退货`, `售后 > 退货`. */
const CATEGORY_SEPARATORS = /\s*[/／>＞›»]\s*/u;

/** A piece of a cell that asks something on its own: a question word, or a question's last character. */
const ASKS = /[吗呢么？?]$|什么|怎么|怎样|如何|为什么|为啥|哪|几|谁|多少|多久|能否|可否|是否|能不能|可不可以|可以吗|\b(?:how|what|when|where|who|why|can|do|does|is|are)\b/iu;

/**
 * Whether a piece asks something on its own, read in simplified Mandarin: a traditional or
 * Cantonese piece (錢什麼時候退回來, 幾時退錢 → 几时…, 點樣退貨 → 怎么样退货) asks as its Mandarin does. Until
 * 2026-11-27 a Hong Kong FAQ export's similar cell 退款什麼時候到，錢什麼時候退回來 stayed one question.
 */
function asks(piece: string): boolean {
  return ASKS.test(piece) || (/\p{Script=Han}/u.test(piece) && ASKS.test(cantoneseToMandarin(traditionalToSimplified(piece))));
}

/** `part` cut at `separator` when every piece is a question of 4 or more characters that asks something on its own; else `[part]`. */
function splitWhereEachAsks(part: string, separator: RegExp): string[] {
  const pieces = part.split(separator);
  return pieces.length > 1 && pieces.every((p) => [...p.trim()].length >= 4 && asks(p.trim())) ? pieces : [part];
}

/**
 * A list item's number at the start of a piece of a cell — `1、` `1.` `1．` `1)` `1）` `(1)` `（1）`
 * `①` `一、` — and the spaces after it. `1.5倍运费` is no list item (a digit follows the dot), nor
 * is `3天能到吗` (no mark after the number).
 */
const LIST_NUMBER = /^\s*(?:(\d{1,2})(?:[、．)）]|\.(?!\d))|[（(](\d{1,2})[）)]|([①-⑳])|([一二三四五六七八九十]{1,2})[、．.])\s*/u;

/** The number a LIST_NUMBER match stands for. */
function listNumberValue(m: RegExpExecArray): number {
  const [, digits, inParens, circled, chinese] = m;
  if (digits !== undefined || inParens !== undefined) return Number(digits ?? inParens);
  if (circled !== undefined) return (circled.codePointAt(0) ?? 0) - 0x2460 + 1;
  return Array.from({ length: 20 }, (_, i) => chineseCounting(i + 1)).indexOf(chinese ?? '') + 1;
}

/**
 * The pieces of a similar cell without their list numbers (`1、退货邮费谁付`, `2、寄回运费谁承担` →
 * `退货邮费谁付`, `寄回运费谁承担`) — only where they are numbering: two or more numbered pieces
 * that count 1, 2, 3 … in order (pieces with no number between them allowed). A cell with one
 * numbered piece (`1、2号能发货吗`) or numbers out of order is left as it is.
 */
function withoutListNumbers(pieces: readonly string[]): string[] {
  const found = pieces.map((p) => LIST_NUMBER.exec(p) ?? undefined);
  const numbers = found.flatMap((m) => (m === undefined ? [] : [listNumberValue(m)]));
  if (numbers.length < 2 || numbers.some((n, i) => n !== i + 1)) return [...pieces];
  return pieces.map((p, i) => {
    const m = found[i];
    return m === undefined ? p : p.slice(m[0].length);
  });
}

/**
 * One cell of similar questions split into questions (not trimmed; empty pieces kept). Also how
 * `kb import` reads a sheet's similar and suggested cells (src/review/exchange.ts). A comma (`，` `,`) and `、` separate
 * questions only where every part asks something on its own (`退款什么时候到，钱什么时候退回来`,
 * `退款什么时候到、钱什么时候退回来`), since they also join the clauses of one question
 * (`东西坏了，可以退吗`, `If I return it, do I pay?`) and list things inside one
 * (`支付宝、微信可以付款吗`, `支付宝付款、微信付款可以吗`); `/` `／` the same way.
 */
export function splitSimilar(text: string): string[] {
  return withoutListNumbers(text.split(SIMILAR_SEPARATORS))
    .flatMap((part) => splitWhereEachAsks(part, /[，,]/u))
    .flatMap((part) => splitWhereEachAsks(part, /、/u))
    // a slash too (冰箱质保多久/冰箱保多久, a furniture shop's FAQ sheet), which also writes a rate or a
    // choice inside one question (20元/层, 1.5匹/2匹哪个好): only where every part asks
    .flatMap((part) => splitWhereEachAsks(part, /[/／]/u));
}

/** Trim, drop empties and duplicates (and `exclude`, the question itself), keeping the first order. */
function cleanList(items: readonly string[], exclude?: string): string[] {
  const seen = new Set<string>(exclude === undefined ? [] : [exclude]);
  const out: string[] = [];
  for (const raw of items) {
    const item = raw.replace(/\s+/gu, ' ').trim();
    if (item === '' || seen.has(item)) continue;
    seen.add(item);
    out.push(item);
  }
  return out;
}

type ListParse = { ok: true; items: string[] } | { ok: false; reason: string };

function listFromArray(values: readonly unknown[], name: string): ListParse {
  const items: string[] = [];
  for (const [i, value] of values.entries()) {
    if (value === null) continue;
    if (typeof value === 'string') items.push(value);
    else if (typeof value === 'number' && Number.isFinite(value)) items.push(numberText(value));
    else return { ok: false, reason: `item ${i + 1} of the ${name} is ${kindOf(value)}; write the ${name} as a list of texts` };
  }
  return { ok: true, items };
}

/** A JSON array typed in a spreadsheet often has curly quotes or full-width commas: straighten them. */
function straightenJson(text: string): string {
  return text.replace(/[“”＂]/gu, '"').replace(/，/gu, ',').replace(/［/gu, '[').replace(/］/gu, ']');
}

/**
 * `similar` or `tags`: a list, a JSON array written as text, or text split by `split`.
 * An invalid JSON array, or a value that is neither list nor text, is a reason to skip the row.
 */
function parseList(value: unknown, split: (text: string) => string[], name: string, example: string): ListParse {
  if (value === undefined || value === null) return { ok: true, items: [] };
  if (Array.isArray(value)) return listFromArray(value, name);
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, items: [numberText(value)] };
  if (typeof value !== 'string') {
    return { ok: false, reason: `the ${name} is ${kindOf(value)}; write it as a list of texts or as one text separated by ${example}` };
  }
  const text = value.trim();
  if (/^[[［]/u.test(text) && /[\]］]$/u.test(text)) {
    for (const candidate of [text, straightenJson(text)]) {
      try {
        const parsed: unknown = JSON.parse(candidate);
        if (Array.isArray(parsed)) return listFromArray(parsed, name);
      } catch {
        // try the next candidate
      }
    }
    return {
      ok: false,
      reason: `the ${name} ${quote(text)} looks like a JSON array but is not valid JSON; write it as ["…", "…"] or separate the items with ${example}`,
    };
  }
  return { ok: true, items: split(text) };
}

/** The category path of a row: one level per category column (or list item), each split on `/` or `>`. */
function parseCategory(value: unknown, name: string): ListParse {
  const levels = Array.isArray(value) ? value : [value];
  const items: string[] = [];
  for (const level of levels) {
    const text = scalarText(level);
    if (text === undefined) return { ok: false, reason: `the ${name} is ${kindOf(level)}; write the category as text, levels separated by /` };
    items.push(...text.split(CATEGORY_SEPARATORS));
  }
  // a level repeated (the sheet is named after the category, or 一级分类 = 二级分类) is one level
  return { ok: true, items: cleanList(items).filter((item, i, all) => i === 0 || all[i - 1] !== item) };
}

/**
 * Row status values (compared in lower case, NFKC) that switch a row off — the row is not read —
 * beside the words of OFF_WORDS (`停用`, `下架`, `已下线`, `disabled` …).
 */
const DISABLED = new Set(['否', '无', '無', '×', '✗', '✘', 'no', 'n', 'false', '0']);
/** Values that mean the row is live (an empty cell does too), beside the words of ON_WORDS. */
const ENABLED = new Set(['是', '有', '开', '開', '✓', '✔', '√', 'yes', 'y', 'true', '1']);
/**
 * Words of a status that switch a row off (`停用`, `已下架`, `停售`, `未上架`, `待审核`, `已过期`,
 * `not active`) — looked for before ON_WORDS, so `未上架` and `inactive` are off — and that keep it
 * on (`启用`, `上架`, `正常使用`, `审核通过`, `active`).
 */
const OFF_WORDS = /停|禁|关闭|關閉|下线|下線|下架|失效|无效|無效|未|不|否|删|刪|废|廢|过期|過期|隐藏|隱藏|草稿|暂停|暫停|冻结|凍結|归档|歸檔|驳回|駁回|撤回|撤销|撤銷|待|审核中|審核中|\b(?:not|disabled?|inactive|off|offline|deleted|archived|draft|unpublished|hidden|expired|retired|removed|obsolete|withdrawn|discontinued|suspended|paused|deprecated|unavailable)\b/u;
const ON_WORDS = /启用|啟用|开启|開啟|上线|上線|上架|在售|生效|有效|发布|發布|正常|可用|使用中|审核通过|審核通過|已审核|已審核|显示|顯示|\b(?:enabled?|active|on|online|published|live|visible|available)\b/u;

type Status = 'enabled' | 'disabled' | { unknown: string };

/**
 * A row's status: on, off, or a value kb does not know — which the table reader also leaves out
 * (fail safe: a retired row written in the shop's own word, 已撤柜 or 2, must not go live; docs/ingest.md).
 */
function statusOf(value: unknown): Status {
  if (value === undefined || value === null || value === true) return 'enabled';
  if (value === false) return 'disabled';
  const text = scalarText(value);
  if (text === undefined) return { unknown: JSON.stringify(value) };
  const key = text.normalize('NFKC').toLowerCase().trim();
  if (key === '' || ENABLED.has(key)) return 'enabled';
  if (DISABLED.has(key)) return 'disabled';
  if (OFF_WORDS.test(key)) return 'disabled';
  if (ON_WORDS.test(key)) return 'enabled';
  return { unknown: text };
}

/** A row read: the FAQ row and its category path (outermost first). */
interface BuiltRow {
  row: FaqRow;
  category: string[];
  /** Links of an HTML answer relative to the help desk's site (`/service/install`): left to their words. */
  relativeLinks: string[];
}

/** One row's raw values → a FaqRow, or the reason (what to fix) it is skipped. */
function buildRow(raw: RawRow, labels: Labels, ctx: Context): BuiltRow | string {
  const label = (field: FaqField): string => `${labels[field] ?? field} ${ctx.part}`;
  // a list of questions (`questions: [...]`, as QnA Maker exports them): the first is the question, the others similar
  let listed: string[] = [];
  let rawQuestion = raw.question;
  if (Array.isArray(rawQuestion) && rawQuestion.length > 0 && rawQuestion.every((q) => typeof q === 'string')) {
    [rawQuestion, ...listed] = rawQuestion as string[];
  }
  const question = scalarText(rawQuestion);
  if (question === undefined) return `the ${label('question')} is ${kindOf(raw.question)}; write the question as text`;
  const written = scalarText(raw.answer);
  if (written === undefined) return `the ${label('answer')} is ${kindOf(raw.answer)}; write the answer as text`;
  const relativeLinks: string[] = [];
  const answer = answerText(written, relativeLinks);
  if (question === '') {
    return answer === '' ? `the row has no question and no answer; fill in the ${label('question')} and the ${label('answer')} or delete the row` : `the row has an answer but no question; fill in the ${label('question')} or delete the row`;
  }
  if (answer === '') return `the question ${quote(question)} has no answer; fill in the ${label('answer')} or delete the row`;
  const id = scalarText(raw.id);
  if (id === undefined) return `the ${label('id')} is ${kindOf(raw.id)}; write the id as text or a number`;
  const similar = parseList(raw.similar, splitSimilar, label('similar'), '| ； or line breaks');
  if (!similar.ok) return similar.reason;
  const tags = parseList(raw.tags, (t) => t.split(TAG_SEPARATORS), label('tags'), 'commas');
  if (!tags.ok) return tags.reason;
  const category = parseCategory(raw.category, label('category'));
  if (!category.ok) return category.reason;
  // the category stays a tag, as it was before categories made the heading path
  const row: FaqRow = { question, similar: cleanList([...listed, ...similar.items], question), answer, tags: cleanList([...tags.items, ...category.items]) };
  if (id !== '') row.id = id;
  return { row, category: category.items, relativeLinks };
}

/** A row read, where it came from. */
export interface TableRow {
  row: FaqRow;
  /** The CSV record's first line, the JSON line or the XLSX sheet row. */
  line: number;
  /** XLSX: the sheet, when the workbook has several FAQ sheets (it heads the row's heading path). */
  sheet?: string;
  /** XLSX: the sheet the row is on, however many FAQ sheets the workbook has (its section's location names it). */
  onSheet?: string;
  /** Category levels from the category column(s), outermost first; empty when there are none. */
  category: string[];
}

/**
 * Builds rows one by one, skipping bad ones, rows switched off in a status column, and repeated
 * ids with another answer (a repeated id with the same answer adds its question to the first
 * row's similar questions, as QnA Maker exports one row a question). A question asked twice is reported: with the same answer (an exact duplicate) the later
 * row is merged into the first (its similar questions and tags added), unless the two rows carry
 * different ids; with a different answer both rows are kept and the warning asks to merge them or
 * make the questions distinct — two entries with one question split every match between them,
 * and the bot hands the question off.
 */
class RowCollector {
  readonly rows: TableRow[] = [];
  private readonly ids = new Map<string, TableRow>();
  private readonly questions = new Map<string, TableRow>();
  private disabled: { n: number; value: string }[] = [];
  private relativeRows = 0;
  private unknownStatus = new Map<string, number[]>();
  constructor(
    private readonly ctx: Context,
    readonly warnings: Warnings,
  ) {}

  /** `row 5`, or `sheet "退货" row 5` when that row is on another sheet than the one being read. */
  private place(line: number, sheet: string | undefined): string {
    return `${sheet !== undefined && sheet !== this.ctx.sheet ? `sheet ${quote(sheet)} ` : ''}${this.ctx.unit} ${line}`;
  }

  add(raw: RawRow, labels: Labels, n: number, uncalculated: readonly FaqField[] = [], quoted?: { from: number; to: number }): void {
    if (labels.status !== undefined) {
      const status = statusOf(raw.status);
      if (status === 'disabled') {
        this.disabled.push({ n, value: scalarText(raw.status) ?? String(raw.status) });
        return;
      }
      if (status !== 'enabled') {
        const rows = this.unknownStatus.get(status.unknown) ?? [];
        rows.push(n);
        this.unknownStatus.set(status.unknown, rows);
        return;
      }
    }
    const empty = uncalculated.find((f) => scalarText(raw[f]) === '');
    if (empty !== undefined) {
      this.warnings.skip(n, `the ${labels[empty] ?? empty} ${this.ctx.part} holds a formula with no saved result (the file was written by a program, not saved by Excel); open it in Excel or WPS, save it, and read it again`);
      return;
    }
    const built = buildRow(raw, labels, this.ctx);
    if (typeof built === 'string') {
      // a stray quote (`"怎么换货,…` never closed on its line) swallows the rows after it into one cell
      this.warnings.skip(
        n,
        quoted === undefined
          ? built
          : `a quote (") opened on line ${quoted.from} runs to line ${quoted.to}, so lines ${quoted.from}–${quoted.to} were read as one row: if they are rows of their own, remove that quote, or write a quote inside a cell as "" (as read: ${built})`,
      );
      return;
    }
    const { row } = built;
    if (built.relativeLinks.length > 0 && ++this.relativeRows <= RELATIVE_LINK_ROWS) {
      const links = built.relativeLinks.map((l) => `"${l}"`).join(', ');
      this.warnings.add(
        this.relativeRows === RELATIVE_LINK_ROWS
          ? `the answer links to ${links}, an address relative to the help desk's site, and rows below may too: the bot's reply has only the link's words; write the full address (https://…) in the cells, or check the reply`
          : `the answer links to ${links}, an address relative to the help desk's site: the bot's reply has only the link's words; write the full address (https://…) in the cell, or check the reply`,
        at(this.ctx, n),
      );
    }
    const sheet = this.ctx.sheet;
    if (row.id !== undefined) {
      const first = this.ids.get(row.id);
      // one entry written as one row a question (QnA Maker's TSV export repeats the QnaId and the
      // answer on each alternate question's row): the row's questions join the first row's
      if (first !== undefined && answerKey(first.row.answer) === answerKey(row.answer)) {
        first.row.similar = cleanList([...first.row.similar, row.question, ...row.similar], first.row.question);
        first.row.tags = cleanList([...first.row.tags, ...row.tags]);
        return;
      }
      if (first !== undefined) {
        this.warnings.skip(n, `the id ${quote(row.id)} is already used on ${this.place(first.line, first.sheet)} with another answer; give each row its own id`);
        return;
      }
    }
    const read: TableRow = { row, line: n, category: built.category };
    if (sheet !== undefined) read.sheet = sheet;
    if (row.id !== undefined) this.ids.set(row.id, read);
    const key = questionKey(row.question);
    const prior = this.questions.get(key);
    if (prior === undefined) {
      this.questions.set(key, read);
    } else {
      const where = this.place(prior.line, prior.sheet);
      const sameAnswer = answerKey(prior.row.answer) === answerKey(row.answer);
      if (sameAnswer && (row.id === undefined || prior.row.id === undefined || row.id === prior.row.id)) {
        prior.row.similar = cleanList([...prior.row.similar, ...row.similar], prior.row.question);
        prior.row.tags = cleanList([...prior.row.tags, ...row.tags]);
        this.warnings.duplicate(n, `repeats the question ${quote(row.question)} and the answer of ${where}; it was merged into ${where} (its similar questions and tags added): delete one of the two rows`);
        return;
      }
      this.warnings.duplicate(
        n,
        sameAnswer
          ? `repeats the question ${quote(row.question)} and the answer of ${where} under another id; both are kept as two entries that split every match: delete one of the two rows`
          : `asks the question ${quote(row.question)} of ${where} — the same question with different answers; merge them or make the questions distinct`,
      );
    }
    this.rows.push(read);
  }

  /** Reports the rows of the table just read that a status column switched off or left unclear, then starts over for the next table (sheet). */
  flushStatus(labels: Labels): void {
    const column = `${labels.status ?? 'status'} ${this.ctx.part}`;
    const unit = this.ctx.unit;
    if (this.disabled.length > 0) {
      const one = this.disabled.length === 1;
      const values = [...new Set(this.disabled.map((d) => d.value))].map((v) => quote(v)).join(' or ');
      this.warnings.skipMany(
        this.disabled.map((d) => d.n),
        `${numbers(unit, this.disabled.map((d) => d.n))} ${one ? 'is' : 'are'} marked ${values} in the ${column} and ${one ? 'was' : 'were'} not read; ` +
          `set ${one ? 'it' : 'them'} to 启用 (enabled, true) to make ${one ? 'an entry of it' : 'entries of them'}`,
      );
    }
    for (const [value, ns] of this.unknownStatus) {
      const one = ns.length === 1;
      this.warnings.add(
        `${numbers(unit, ns)} ${one ? 'has' : 'have'} the status ${quote(value)}, which kb does not know, in the ${column}; ${one ? 'it was' : 'they were'} not read (a status kb does not know switches a row off, so a retired row never goes live): write 启用 (enabled) to make ${one ? 'an entry of it' : 'entries of them'}, or 停用 (disabled)`,
        at(this.ctx, ns[0] ?? 1),
      );
    }
    this.disabled = [];
    this.unknownStatus = new Map();
  }
}

// ---------------------------------------------------------------------------------------------
// Header rows (CSV and XLSX)

interface CellRow {
  cells: string[];
  /** CSV: the record's first line; XLSX: the sheet row. */
  n: number;
  /** CSV: a quoted cell of the record runs over several lines, from its opening quote's line to its closing one's. */
  quoted?: { from: number; to: number };
  /** CSV: the line of a closing quote that text follows in its cell (`"…为准。"预计` — a quote not doubled, or one missing). */
  afterQuote?: number;
  /** XLSX: the row is hidden in Excel. */
  hidden?: boolean;
  /** XLSX: 0-based columns holding a formula with no cached result. */
  uncalculated?: number[];
  /** XLSX: hyperlink addresses by 0-based column, where the cell's text does not show them. */
  links?: Map<number, string>;
  /** XLSX: cells merged into a cell to their left, 0-based column → the merge's first column. */
  mergedAcross?: Map<number, number>;
}

interface Header {
  n: number;
  /** The header row's cells (blank ones included), to tell which columns have no name. */
  cells: string[];
  /** One column a field; several for `similar`, `category` and `tags`, in sheet order. */
  columns: { field: FaqField; index: number; name: string }[];
  /** Header cells that name no field. */
  unknown: string[];
  /** Later columns for a one-column field already taken: [field, first name, ignored name]. */
  repeated: [FaqField, string, string][];
}

type HeaderSearch = { found: true; header: Header } | { found: false; best: Header | undefined };

function isBlank(row: CellRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}

function readHeader(row: CellRow): Header {
  const header: Header = { n: row.n, cells: row.cells, columns: [], unknown: [], repeated: [] };
  row.cells.forEach((cell, index) => {
    const name = cell.replace(/\s+/gu, ' ').trim();
    // a header merged over several columns (相似问法 over five) names each of them, for a field several columns may fill
    const from = row.mergedAcross?.get(index);
    const over = from === undefined ? undefined : header.columns.find((c) => c.index === from);
    if (name === '' && over !== undefined && MULTI_COLUMN.has(over.field)) {
      header.columns.push({ field: over.field, index, name: over.name });
      return;
    }
    if (name === '' || normalizeHeader(name) === '') return;
    const field = fieldOfHeader(name);
    if (field === undefined) {
      // 更新时间, 创建人, 浏览量: about the row, not a part of it — ignored without a word
      if (!isMetadataColumn(name)) header.unknown.push(name);
      return;
    }
    const taken = header.columns.find((c) => c.field === field);
    if (taken !== undefined && !MULTI_COLUMN.has(field)) {
      if (!isMetadataColumn(name)) header.repeated.push([field, taken.name, name]);
    } else header.columns.push({ field, index, name });
  });
  articleColumns(header);
  return header;
}

/** A help centre's article export names its columns for articles: its title is the question, its body the answer. */
const ARTICLE_TITLE = new Set(['标题', '文章标题', '问题标题', '知识标题', '標題', '文章標題', 'title', 'article title', 'subject'].map(normalizeHeader));
const ARTICLE_BODY = new Set(['内容', '正文', '文章内容', '知识内容', '內容', '文章內容', 'body', 'article body', 'content', 'body html', 'content html'].map(normalizeHeader));

/**
 * 标题 | 内容 (Zendesk's Title | Body, a Chinese help desk's knowledge export): read as question and
 * answer when the header has neither, both of them and nothing that says otherwise. Before 2026-11-27
 * such a file was refused as having no question column.
 */
function articleColumns(header: Header): void {
  if (has(header, 'question') || has(header, 'answer')) return;
  const title = header.cells.findIndex((c) => ARTICLE_TITLE.has(normalizeHeader(c)));
  const body = header.cells.findIndex((c) => ARTICLE_BODY.has(normalizeHeader(c)));
  if (title < 0 || body < 0) return;
  for (const [field, index] of [['question', title], ['answer', body]] as const) {
    const name = (header.cells[index] ?? '').replace(/\s+/gu, ' ').trim();
    header.columns.push({ field, index, name });
    header.unknown = header.unknown.filter((u) => u !== name);
  }
}

const has = (header: Header, field: FaqField): boolean => header.columns.some((c) => c.field === field);

/** The first of the top HEADER_SEARCH_ROWS non-blank rows that has a question and an answer column. */
function findHeader(rows: readonly CellRow[]): HeaderSearch {
  let best: Header | undefined;
  let seen = 0;
  for (const row of rows) {
    if (isBlank(row)) continue;
    if (seen++ >= HEADER_SEARCH_ROWS) break;
    const header = readHeader(row);
    if (has(header, 'question') && has(header, 'answer')) return { found: true, header };
    if (best === undefined || header.columns.length > best.columns.length) best = header;
  }
  return { found: false, best };
}

/** "has no question column (…)": what is missing, what was found, what is expected. */
function missingColumns(best: Header | undefined, ctx: Context): { message: string; location?: ProblemLocation } {
  if (best === undefined) return { message: `has no rows; a FAQ table needs a header row with ${EXPECTED}` };
  const missing = (['question', 'answer'] as const).filter((f) => !has(best, f)).map((f) => `no ${f} column`);
  const found = [...best.columns.map((c) => c.name), ...best.unknown];
  return {
    message:
      `has ${missing.join(' and ')} (the best header candidate, ${ctx.unit} ${best.n}, has ${found.length > 0 ? list(found) : 'no names'}); ` +
      `a FAQ table needs a header row within its first ${HEADER_SEARCH_ROWS} rows with ${EXPECTED}`,
    location: at(ctx, best.n),
  };
}

function headerWarnings(header: Header, warnings: Warnings, ctx: Context): void {
  const location = at(ctx, header.n);
  if (header.unknown.length > 0) {
    warnings.add(
      `has ${header.unknown.length === 1 ? 'a column' : 'columns'} kb does not read: ${list(header.unknown)}; ` +
        `${header.unknown.length === 1 ? 'it was' : 'they were'} ignored (kb reads id, question, similar, answer, category, tags and status: rename a column that holds one of these)`,
      location,
    );
  }
  for (const [field, first, ignored] of header.repeated) {
    warnings.add(`has two columns for the ${field}, ${quote(first)} and ${quote(ignored)}; only ${quote(first)} was read: merge them or rename one`, location);
  }
}

/** A column as the user sees it: `F` in a sheet, `6` in a CSV. */
function columnName(index: number, ctx: Context): string {
  return ctx.unit === 'line' ? String(index + 1) : columnLetters(index);
}

/** A sheet's column letters as Excel shows them: 0 → `A`, 26 → `AA`. */
export function columnLetters(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * The second row of a two-row header: 相似问法 merged over `1 | 2 | 3` below it, the question and
 * answer headers merged down over both rows (so this row repeats their names) or left blank. Such
 * a row has no question and no answer of its own, and the header shows it has two rows.
 */
function isSubHeader(row: CellRow, header: Header, headerRow: CellRow | undefined): boolean {
  const cells = header.columns.filter((c) => c.field === 'question' || c.field === 'answer');
  const text = (c: { index: number }): string => (row.cells[c.index] ?? '').trim();
  if (!cells.every((c) => text(c) === '' || text(c) === c.name)) return false;
  // evidence that the header has two rows: a header cell merged across, or a label repeated by a merge down
  return (headerRow?.mergedAcross?.size ?? 0) > 0 || cells.some((c) => text(c) === c.name);
}

/** Rows below the header → FAQ rows; the hidden ones (XLSX) are read and reported in one warning. */
function tableRows(rows: readonly CellRow[], header: Header, collector: RowCollector, ctx: Context): void {
  const labels: Labels = {};
  for (const c of header.columns) labels[c.field] ??= c.name;
  const byField = new Map<FaqField, number[]>();
  for (const c of header.columns) {
    let indexes = byField.get(c.field);
    if (indexes === undefined) byField.set(c.field, (indexes = []));
    indexes.push(c.index);
  }
  const hidden: number[] = [];
  const read = new Set(header.columns.map((c) => c.index));
  /** Columns with no header name that hold values: 0-based column → the rows. */
  const unnamed = new Map<number, number[]>();
  let first = true;
  for (const row of rows) {
    if (row.n <= header.n || isBlank(row)) continue;
    const subHeader = first && isSubHeader(row, header, rows.find((r) => r.n === header.n));
    first = false;
    if (subHeader) continue;
    if (row.hidden === true) hidden.push(row.n);
    row.cells.forEach((cell, i) => {
      if (cell.trim() === '' || read.has(i) || (header.cells[i] ?? '').trim() !== '') return;
      let ns = unnamed.get(i);
      if (ns === undefined) unnamed.set(i, (ns = []));
      ns.push(row.n);
    });
    const raw: RawRow = {};
    const uncalculated: FaqField[] = [];
    for (const [field, indexes] of byField) {
      const cells = indexes.map((i) => {
        const text = row.cells[i] ?? '';
        const link = field === 'answer' ? row.links?.get(i) : undefined;
        return link === undefined ? text : `${text} (${link})`;
      });
      if (indexes.some((i) => row.uncalculated?.includes(i) === true)) uncalculated.push(field);
      // several similar or tag columns are one list; category columns are the levels of one path
      raw[field] = field === 'category' ? cells : cells.length === 1 ? cells[0] : cells.join('\n');
    }
    collector.add(raw, labels, row.n, uncalculated, row.quoted);
  }
  collector.flushStatus(labels);
  for (const [i, ns] of unnamed) {
    collector.warnings.add(
      `column ${columnName(i, ctx)} has no name in the header (${ctx.unit} ${header.n}) but ${numbers(ctx.unit, ns)} ${ns.length === 1 ? 'has a value' : 'have values'} in it; ` +
        `${ns.length === 1 ? 'it was' : 'they were'} ignored: give the column a header (相似问法2, 答案, …) if it holds FAQ text`,
      at(ctx, ns[0] ?? header.n),
    );
  }
  if (hidden.length > 0) {
    collector.warnings.add(
      `${numbers(ctx.unit, hidden)} ${hidden.length === 1 ? 'is' : 'are'} hidden in Excel and ${hidden.length === 1 ? 'was' : 'were'} read like the others; ` +
        'if a hidden row is not meant to be an entry, delete it or mark it 停用 in a 状态 (status) column',
      at(ctx, hidden[0] ?? 1),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

export type CsvSplit = { ok: true; records: CellRow[] } | { ok: false; line: number };

const LINE_BREAK = /\r\n|\r|\n/gu;

/** The delimiter the first non-blank lines use: comma, else tab, else semicolon. */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  let lines = 0;
  for (const line of text.split(LINE_BREAK)) {
    if (line.trim() === '') continue;
    if (line.includes(',')) return ',';
    if (line.includes('\t')) return '\t';
    if (line.includes(';')) return ';';
    if (++lines >= HEADER_SEARCH_ROWS) break;
  }
  return ',';
}

/**
 * RFC 4180 CSV, tolerantly: CRLF, LF or CR line ends; quoted cells may span lines and hold `""`;
 * a quote inside an unquoted cell is a plain character; spaces before an opening quote are dropped.
 * Only a quote that is never closed is an error, reported at the line it opened on.
 */
export function splitCsv(text: string, delimiter = ','): CsvSplit {
  const records: CellRow[] = [];
  const special = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter}"\\r\\n]`, 'gu');
  let cells: string[] = [];
  let cell = '';
  /** The current cell was quoted (so a later quote in it is a plain character). */
  let wasQuoted = false;
  let line = 1;
  let recordLine = 1;
  let quoted: { from: number; to: number } | undefined;
  let afterQuote: number | undefined;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = (): void => {
    cells.push(cell);
    const record: CellRow = quoted === undefined ? { cells, n: recordLine } : { cells, n: recordLine, quoted };
    if (afterQuote !== undefined) record.afterQuote = afterQuote;
    records.push(record);
    quoted = undefined;
    afterQuote = undefined;
    cells = [];
    cell = '';
    wasQuoted = false;
  };
  while (i < text.length) {
    special.lastIndex = i;
    const m = special.exec(text);
    if (m === null) {
      cell += text.slice(i);
      i = text.length;
      break;
    }
    cell += text.slice(i, m.index);
    const ch = m[0];
    i = m.index + 1;
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      wasQuoted = false;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (wasQuoted || cell.trim() !== '') {
      cell += '"'; // a quote inside an unquoted cell, or after a closed quote: a plain character
    } else {
      // a quoted cell: up to the closing quote, `""` is a quote
      const opened = line;
      cell = '';
      wasQuoted = true;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) return { ok: false, line: opened };
        const chunk = text.slice(i, close);
        line += chunk.match(LINE_BREAK)?.length ?? 0;
        cell += chunk.replace(LINE_BREAK, '\n');
        if (text[close + 1] === '"') {
          cell += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      if (line > opened) quoted ??= { from: opened, to: line };
      // text after the closing quote, in the same cell: the quote was not the cell's end
      special.lastIndex = i;
      const next = special.exec(text);
      if (text.slice(i, next === null ? text.length : next.index).trim() !== '') afterQuote ??= line;
    }
  }
  if (cell !== '' || cells.length > 0 || wasQuoted) endRecord();
  return { ok: true, records };
}

/**
 * Whether a text file is a tab-separated FAQ table: Excel's "Unicode text" (UTF-16, tabs) is
 * saved as .txt. True when one of its first non-blank lines is a header, cut at tabs, with a
 * question and an answer column.
 */
export function isTabSeparatedFaq(text: string): boolean {
  const head = text.slice(0, 4096).split(LINE_BREAK).filter((line) => line.trim() !== '').slice(0, HEADER_SEARCH_ROWS);
  return head.some((line, i) => line.includes('\t') && findHeader([{ cells: line.split('\t'), n: i + 1 }]).found);
}

/**
 * A CSV (or TSV, or semicolon-separated) FAQ table. The delimiter is the one the first lines use;
 * when that gives no header with a question and an answer column, the other delimiters are tried
 * (a tab-separated header may hold a comma: `相似问题(用,分隔)`).
 */
export function parseFaqCsv(text: string, options: ParseOptions): Result<TableParse> {
  const file = options.file;
  const detected = detectDelimiter(text);
  let first: { split: CsvSplit; search: HeaderSearch | undefined } | undefined;
  let chosen: { records: CellRow[]; header: Header; delimiter: string } | undefined;
  for (const delimiter of [detected, ...([',', '\t', ';'] as const).filter((d) => d !== detected)]) {
    const split = splitCsv(text, delimiter);
    const search = split.ok ? findHeader(split.records) : undefined;
    first ??= { split, search };
    if (split.ok && search?.found === true) {
      chosen = { records: split.records, header: search.header, delimiter };
      break;
    }
  }
  const ctx: Context = { file, unit: 'line', part: 'column' };
  if (chosen === undefined) {
    if (first === undefined || !first.split.ok) {
      const line = first !== undefined && !first.split.ok ? first.split.line : 1;
      return fail(
        problem(
          'bad-table',
          `has a quote (") opened on line ${line} that is never closed, so the rest of the file cannot be read as CSV; ` +
            'close the quote, or write a quote inside a quoted cell as ""',
          { file, location: { line } },
        ),
      );
    }
    const best = first.search?.found === false ? first.search.best : undefined;
    // no FAQ header and no column that names a question or an answer: a data table (a size chart, a price
    // list) is read as a document, as an XLSX workbook of data tables is (before 2026-11-27 it was refused)
    if (!faqLikeHeader(best?.cells ?? [])) {
      const { read } = dataSheets([{ name: basename(file).replace(/\.[^.]+$/u, ''), hidden: false, rows: first.split.records }]);
      // (a table headed by a FAQ's names, below where kb looks for a header, is a FAQ to fix too)
      const tables = read.flatMap((d) => d.parts.flatMap((part) => (part.kind === 'table' ? [part.rows] : [])));
      // (nor is one whose rows ask questions: a FAQ whose header row was deleted, refused as before)
      if (read.length > 0 && !tables.some((rows) => faqLikeHeader(rows[0] ?? []) || columnOfQuestions(rows))) {
        const warnings = new Warnings(ctx);
        warnings.add('has no FAQ header (a question and an answer column) and was read as a document of its data table; if it is a FAQ, name its columns 问题 and 答案 (question and answer)');
        return ok({ rows: [], tables: read.map((d) => ({ ...d, csv: true })), warnings: warnings.done() });
      }
    }
    const { message, location } = missingColumns(best, ctx);
    return fail(problem('bad-table', message, location === undefined ? { file } : { file, location }));
  }
  const warnings = new Warnings(ctx);
  headerWarnings(chosen.header, warnings, ctx);
  const collector = new RowCollector(ctx, warnings);
  tableRows(chosen.records, chosen.header, collector, ctx);
  const swallowed = swallowedRows(chosen.records, chosen.header, chosen.delimiter);
  if (swallowed !== undefined) return fail(problem('bad-table', swallowed.message, { file, location: { line: swallowed.line } }));
  textAfterQuotes(chosen.records, chosen.header, warnings);
  return ok({ rows: collector.rows, warnings: inFileOrder(warnings.done(), 'last') });
}

/**
 * A stray quote that ran rows together: a quote opened in a cell (`"现货48小时内发货` with no closing
 * quote on its line) makes the lines up to the next quote one cell, and when that record still has a
 * question and an answer it is read as one row — the rows inside it are lost without a word (a user
 * trial lost two FAQ rows so, and kb generate removed their entries as "no longer in their table";
 * a warning alone was not enough either: the row's live answer became the raw lines, and the
 * swallowed rows' edited entries went out of the index). Such a file is refused, naming the line,
 * so that the store keeps every entry of it as it was (rule 6) until the quote is fixed.
 *
 * It is a stray quote when both: the quote that closes the run is followed by more text in its cell
 * (`,"可以，在订单…` — it was another cell's opening quote; a cell quoted on purpose ends at its
 * closing quote), and, in a table whose first column is an id column, a line inside the cell starts
 * with an id of the record's own shape (`K10085,` beside `K10084`: digits and letters in the same
 * places) that the table has no row of, followed by the delimiter and at least two more cells. A
 * quoted answer over several lines with a line `50,100,200元三档` is valid CSV and not refused
 * (before 2026-11-27 kb warned about it and told the team to remove the quote, breaking the file).
 * In a table without an id column (since 2026-11-27), a line inside the cell is a row when it has a cell for
 * each column and asks a question where the question column is, one the table has no row of (an answer's
 * `1,打开订单` does not ask).
 */
function swallowedRows(records: readonly CellRow[], header: Header, delimiter: string): { line: number; message: string } | undefined {
  const byId = header.columns.some((c) => c.field === 'id' && c.index === 0);
  const question = header.columns.find((c) => c.field === 'question')?.index ?? 0;
  const shape = (id: string): string => id.trim().replace(/\d/gu, '0').replace(/[A-Za-z]/gu, 'a');
  const unquoted = (cell: string): string => cell.trim().replace(/^"|"$/gu, '').trim();
  // a row's id (its first cell), or in a table without an id column its question: one the table has as a
  // row of its own was not swallowed (`2,点开票,再提交` in row 2's answer)
  const key = byId ? 0 : question;
  const read = new Set(records.filter((r) => r.n > header.n).map((r) => (r.cells[key] ?? '').trim()));
  for (const record of records) {
    if (record.quoted === undefined || record.afterQuote === undefined || record.n <= header.n) continue;
    const own = shape(record.cells[0] ?? '');
    if (byId && (own === '' || !/0/u.test(own))) continue;
    const rows = record.cells.slice(1).flatMap((cell) =>
      cell.split(LINE_BREAK).slice(1).flatMap((line) => {
        const cells = line.split(delimiter);
        const name = unquoted(cells[key] ?? '');
        // a row has its other cells beside its id (an answer's `1,打开订单` has one); without an id column,
        // a line is a row when it has a cell for each column and a question where the question is
        const looksLikeRow = byId ? shape(name) === own && cells.length >= Math.min(3, header.cells.length) : cells.length >= header.cells.length && asks(name);
        return name !== '' && looksLikeRow && !read.has(name) ? [name] : [];
      }),
    );
    if (rows.length === 0) continue;
    const { from, to } = record.quoted;
    const named = rows.length <= 3 ? rows.join(', ') : `${rows.slice(0, 3).join(', ')} and ${rows.length - 3} more`;
    const into = byId ? `row ${(record.cells[0] ?? '').trim()}` : `the row of line ${record.n} (${(record.cells[question] ?? '').trim()})`;
    return {
      line: from,
      message: `has a quote (") opened on line ${from} that is not closed on its line: it runs to line ${to}, and rows of this table (${named}) were read as part of ${into}; the file was not read (the store keeps its entries as they were) — remove that stray quote, or write a quote inside a cell as ""`,
    };
  }
  return undefined;
}

/**
 * Rows where text follows a cell's closing quote (`"…以页面"预计发货时间为准。"`: a quote inside the
 * cell not written as `""`, or a closing quote deleted so that a later one closes the cell): the row
 * is read as it stands — the quote a character, the rest of the line in that cell — which may run
 * the status or other cells into the answer. One warning per row (the first 10, the rest counted),
 * at the row, saying what to check; before 2026-11-27 nothing was said.
 */
function textAfterQuotes(records: readonly CellRow[], header: Header, warnings: Warnings): void {
  // a row skipped already says what is wrong with it (a stray quote's run of lines, as read)
  const skipped = new Set([...warnings.list.flatMap((w) => (w.code === 'bad-row' && w.location?.line !== undefined ? [w.location.line] : []))]);
  const rows = records.filter((r) => r.afterQuote !== undefined && r.n > header.n && !skipped.has(r.n));
  for (const r of rows.slice(0, 10)) {
    const at = r.afterQuote === r.n ? '' : ` on line ${r.afterQuote ?? r.n}`;
    warnings.add(
      `a cell's closing quote (")${at} is followed by more text, so the row was read as it stands and its cells may be run together (a quote inside a quoted cell is written "", and one may be missing): check this row`,
      { line: r.n },
    );
  }
  // their lines, so that all can be checked in one go (reading the file again would list the same ten)
  const rest = rows.slice(10).map((r) => r.n);
  if (rest.length > 0) warnings.add(`${rest.length} more rows have text after a cell's closing quote: lines ${rest.length <= 30 ? rest.join(', ') : `${rest.slice(0, 30).join(', ')} and ${rest.length - 30} more`}; check them as the rows listed above`);
}

// ---------------------------------------------------------------------------------------------
// JSON Lines and JSON

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One JSON value of the file and the line it starts on, or why it could not be read. */
type JsonItem = { line: number; value: unknown } | { line: number; error: string };

const JSON_EXAMPLE = '{"question": "…", "answer": "…"}';

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** JSON.parse one slice of the file; a syntax error names its line in the file. */
function parseSlice(text: string, start: number, end: number): JsonItem {
  const line = lineAt(text, start);
  try {
    return { line, value: JSON.parse(text.slice(start, end)) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/u.exec(detail);
    const errorLine = position === undefined || position === null ? line : lineAt(text, start + Number(position[1]));
    return { line: errorLine, error: detail.replace(/ in JSON at position \d+.*$/u, '').replace(/^JSON\.parse: /u, '') };
  }
}

/** The items of a JSON array, each parsed on its own so that one bad item costs only itself. */
function arrayItems(text: string, array: JsonNode): JsonItem[] {
  return (array.children ?? []).map((item) => parseSlice(text, item.offset, item.offset + item.length));
}

/**
 * The array of FAQ objects inside a JSON object, as bot platforms' APIs wrap it
 * (`{"code": 0, "data": {"list": [...]}}`): the first array of objects, searched by key order up
 * to 4 levels deep, with its key path.
 */
function findArray(object: JsonNode, path: string[] = []): { array: JsonNode; path: string[] } | undefined {
  if (path.length > 4) return undefined;
  for (const property of object.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key === undefined || value === undefined) continue;
    const at = [...path, String(key.value)];
    if (value.type === 'array' && value.children?.[0]?.type === 'object') return { array: value, path: at };
    const inner = value.type === 'object' ? findArray(value, at) : undefined;
    if (inner !== undefined) return inner;
  }
  return undefined;
}

/**
 * The file's JSON values: the items of a JSON array (the whole file, or an array of objects
 * inside one object that fills the file), else one value a line (JSON Lines). `wrapped` names the
 * key path of the array found inside an object. jsonc-parser reads the file's structure past a
 * broken item, so each item is parsed (and reported) on its own.
 */
function jsonItems(text: string): { items: JsonItem[]; mode: 'array' | 'lines'; wrapped?: string } {
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (root?.type === 'array') return { items: arrayItems(text, root), mode: 'array' };
  // one object filling the file (not the first line of JSON Lines): look for the FAQ array inside
  if (root?.type === 'object' && text.slice(root.offset + root.length).trim() === '') {
    const found = findArray(root);
    if (found !== undefined) return { items: arrayItems(text, found.array), mode: 'array', wrapped: found.path.join('.') };
  }
  const items: JsonItem[] = [];
  text.split(/\r\n|\r|\n/u).forEach((source, index) => {
    if (source.trim() === '') return;
    try {
      items.push({ line: index + 1, value: JSON.parse(source) });
    } catch (error) {
      const detail = error instanceof SyntaxError ? error.message.replace(/^JSON\.parse: /u, '') : String(error);
      items.push({ line: index + 1, error: detail });
    }
  });
  return { items, mode: 'lines' };
}

/**
 * A FAQ table in JSON: JSON Lines (one object a line), a JSON array of objects, or an object
 * that wraps the array (`{"data": {"list": [...]}}`). Keys are matched like CSV headers
 * (`standardQuestion`, `similar_questions`, `答案`). An item that is not valid JSON or not an
 * object is skipped with its line; the others are read.
 */
export function parseFaqJsonl(text: string, options: ParseOptions): Result<TableParse> {
  const file = options.file;
  const ctx: Context = { file, unit: 'line', part: 'field' };
  const warnings = new Warnings(ctx);
  const collector = new RowCollector(ctx, warnings);
  const unknown = new Map<string, number>();
  const repeated = new Map<string, number>();
  const keys = new Set<string>();
  let sawQuestion = false;
  let sawAnswer = false;
  let objects = 0;
  let firstError: { line: number; message: string } | undefined;
  const parsed: { raw: RawRow; labels: Labels; line: number }[] = [];
  const { items, mode, wrapped } = jsonItems(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const what = mode === 'array' ? 'item' : 'line';
  const fix = mode === 'array' ? `write each item as a JSON object like ${JSON_EXAMPLE}` : `write one JSON object per line, like ${JSON_EXAMPLE}`;

  for (const item of items) {
    const line = item.line;
    if ('error' in item) {
      firstError ??= { line, message: item.error };
      warnings.skip(line, `the ${what} is not valid JSON (${item.error}); ${fix}`);
      continue;
    }
    const value = item.value;
    if (!isObject(value)) {
      firstError ??= { line, message: `${kindOf(value)}, not an object` };
      warnings.skip(line, `the ${what} is ${kindOf(value)}, not a JSON object; ${fix}`);
      continue;
    }
    objects++;
    const raw: RawRow = {};
    const labels: Labels = {};
    for (const [key, v] of Object.entries(value)) {
      keys.add(key);
      const field = fieldOfHeader(key);
      if (field === undefined) {
        if (!unknown.has(key) && !isMetadataColumn(key)) unknown.set(key, line);
        continue;
      }
      const taken = labels[field];
      if (taken !== undefined) {
        const pair = `${taken}\u0000${key}`;
        if (!repeated.has(pair) && !isMetadataColumn(key)) repeated.set(pair, line);
        continue;
      }
      labels[field] = key;
      raw[field] = v;
    }
    if (labels.question !== undefined) sawQuestion = true;
    if (labels.answer !== undefined) sawAnswer = true;
    parsed.push({ raw, labels, line });
  }

  if (objects === 0) {
    if (firstError === undefined) return fail(problem('bad-table', `has no JSON objects; write one FAQ object per line, or a JSON array of objects like ${JSON_EXAMPLE}`, { file }));
    return fail(
      problem('bad-table', `is not a FAQ table in JSON: no ${what} is a JSON object (line ${firstError.line}: ${firstError.message}); write a JSON array of objects like ${JSON_EXAMPLE}, or one such object per line`, {
        file,
        location: { line: firstError.line },
      }),
    );
  }
  if (!sawQuestion || !sawAnswer) {
    const missing = [sawQuestion ? undefined : 'no question field', sawAnswer ? undefined : 'no answer field'].filter((m) => m !== undefined);
    const where = wrapped === undefined ? `in any ${what}` : `in the items of "${wrapped}"`;
    return fail(
      problem('bad-table', `has ${missing.join(' and ')} ${where} (fields found: ${list([...keys])}); a FAQ item needs ${EXPECTED.replace(/column/gu, 'field')}`, { file }),
    );
  }
  if (unknown.size > 0) {
    const names = [...unknown.keys()];
    warnings.add(
      `has ${names.length === 1 ? 'a field' : 'fields'} kb does not read: ${list(names)}; ${names.length === 1 ? 'it was' : 'they were'} ignored ` +
        '(kb reads id, question, similar, answer, category, tags and status: rename a field that holds one of these)',
      { line: [...unknown.values()][0] ?? 1 },
    );
  }
  for (const [pair, line] of repeated) {
    const [first = '', ignored = ''] = pair.split('\u0000');
    const field = fieldOfHeader(first) ?? 'question';
    warnings.add(`has two fields for the ${field}, ${quote(first)} and ${quote(ignored)}; only ${quote(first)} was read: use one name`, { line });
  }
  const allLabels: Labels = {};
  for (const { raw, labels, line } of parsed) {
    collector.add(raw, labels, line);
    Object.assign(allLabels, labels);
  }
  collector.flushStatus(allLabels);
  // header-level warnings were added after the rows were read
  return ok({ rows: collector.rows, warnings: inFileOrder(warnings.done(), 'last') });
}

// ---------------------------------------------------------------------------------------------
// XLSX: the workbook through the exceljs adapter (excel.ts)

interface Sheet {
  name: string;
  hidden: boolean;
  rows: CellRow[];
}

/**
 * A header cell that names a question or an answer kb does not know (客户问题 | 处理方式, 客户咨询 | 客服解决方案,
 * Issue | Resolution): a FAQ table to fix, not data. A cell naming a known question or answer column
 * (Issue | Response) makes it one too (`faqLikeHeader`).
 */
const FAQ_LIKE_HEADER = /问|答|回复|回覆|话术|咨询|解决方案|处理方式|question|answer|reply|faq|issue|resolution|solution/iu;

/** Whether a header row reads as a FAQ's: a cell names a question or an answer, known (Response) or not (客户咨询). */
function faqLikeHeader(cells: readonly string[]): boolean {
  return cells.some((c) => {
    const field = fieldOfHeader(c);
    return field === 'question' || field === 'answer' || field === 'similar' || FAQ_LIKE_HEADER.test(c);
  });
}

/**
 * Whether a table's rows ask questions: a column in which half the rows or more (two at least) end in
 * a question mark (怎么退货？ | 在订单页申请退货。) or are short Chinese questions without one (发票怎么开 |
 * 在订单页申请). English cells need their question mark: a catalogue's descriptions say "is" and "can".
 */
function columnOfQuestions(rows: readonly (readonly string[])[]): boolean {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const asksCell = (cell: string): boolean => /[？?]\s*$/u.test(cell) || (/\p{Script=Han}/u.test(cell) && [...cell.trim()].length <= 40 && asks(cell.trim()));
  for (let c = 0; c < width; c++) {
    const asking = rows.filter((r) => asksCell(r[c] ?? '')).length;
    if (asking >= 2 && asking * 2 >= rows.length) return true;
  }
  return false;
}

/** A piece of a data sheet, in sheet order: a one-cell row over a table (its caption), a row of text, a table (header row first). */
export type DataPart = { kind: 'caption'; text: string; line: number } | { kind: 'note'; text: string; line: number } | { kind: 'table'; rows: string[][]; line: number };

/** A visible sheet of a workbook of data tables, read as its parts; `line` is its first row that is not blank. */
export interface DataSheet {
  sheet: string;
  line: number;
  parts: DataPart[];
  /** A CSV of data: `sheet` is the file's name, and its parts are located at their lines only. */
  csv?: boolean;
}

/** A data row after a blank one that starts a table of its own: two names or more, no figure (尺码 | 腰围(cm) | 臀围(cm)). */
function startsTable(cells: readonly string[]): boolean {
  const named = cells.filter((c) => c !== '');
  return named.length >= 2 && named.every((c) => !/\d/u.test(c));
}

/** Cells that name columns: two or more, none with a figure or a sentence's punctuation (尺码 | 腰围(cm) | 臀围(cm)). */
function columnNames(cells: readonly string[]): boolean {
  return startsTable(cells) && cells.every((c) => !/[，。；！？,;!?：:]/u.test(c));
}

/**
 * Where a table's header row is among its rows: the first row of column names that has rows of values
 * (a figure) under it, when the rows above it are notes (单位：cm | 手工测量有1-3cm误差: a sentence's punctuation, or
 * fewer cells than the header); else its first row (0), as a chart headed by figures (身高\体重 | 40-45kg | …) is,
 * and a chart whose rows are labelled (国际码 | 155/80A | 160/84A over 中国码 | S | M: the first is a row of values,
 * not a note — it was taken for a caption on 2026-11-27).
 */
function headerRow(rows: readonly (readonly string[])[]): number {
  if (rows[0] !== undefined && columnNames(rows[0])) return 0;
  const h = rows.findIndex(columnNames);
  const filled = (cells: readonly string[]): number => cells.filter((c) => c !== '').length;
  const note = (cells: readonly string[]): boolean => cells.some((c) => /[，。；！？,;!?：:]/u.test(c)) || filled(cells) < filled(rows[h] ?? []);
  return h > 0 && h < rows.length - 1 && rows.slice(0, h).every(note) && rows.slice(h + 1).some((r) => r.some((c) => /\d/u.test(c))) ? h : 0;
}

/** A caption row's text: its cells, apart by a space. */
function captionText(cells: readonly string[]): string {
  return cells.filter((c) => c !== '').join(' ');
}

/**
 * The data tables of a workbook that holds no FAQ, each visible sheet as its parts. A sheet's rows are cut
 * at blank rows where the rows after one start a table of their own (two size charts on one sheet, a note
 * above a chart); a blank row inside a table (rows of figures on both sides) does not cut it. In each
 * stretch, one-cell rows before a table are its caption (a merged title row: 女装上衣尺码表（单位：cm）),
 * and a stretch of one row, or of one-cell rows, is text. A sheet without a table is not read (`unread`).
 */
function dataSheets(sheets: readonly Sheet[]): { read: DataSheet[]; unread: string[] } {
  const read: DataSheet[] = [];
  const unread: string[] = [];
  for (const sheet of sheets) {
    if (sheet.hidden) continue;
    // stretches of rows that are not blank, each row as its trimmed cells (trailing empty ones cut)
    const stretches: { cells: string[]; n: number }[][] = [];
    let blank = true;
    let previous = 0;
    for (const r of sheet.rows) {
      // (a workbook leaves an empty row out: a gap in the row numbers is a blank row too)
      if (r.n > previous + 1) blank = true;
      previous = r.n;
      if (isBlank(r)) {
        blank = true;
        continue;
      }
      const cells = r.cells.map((c) => c.replace(/\s+/gu, ' ').trim());
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      const last = stretches.at(-1);
      // after a blank row, rows of figures go on the table above (a chart's rows with a gap in them)
      const goesOn = last !== undefined && (!blank || (last.length >= 2 && cells.filter((c) => c !== '').length >= 2 && !startsTable(cells)));
      if (goesOn) last.push({ cells, n: r.n });
      else stretches.push([{ cells, n: r.n }]);
      blank = false;
    }
    const parts: DataPart[] = [];
    const text = (cells: readonly string[]): string => cells.filter((c) => c !== '').join(cells.filter((c) => c !== '').length === 2 ? '：' : ' | ');
    for (const stretch of stretches) {
      const oneCell = (row: { cells: string[] }): boolean => row.cells.filter((c) => c !== '').length <= 1;
      let i = 0;
      while (i < stretch.length && oneCell(stretch[i]!)) i++;
      let end = stretch.length;
      while (end > i && oneCell(stretch[end - 1]!)) end--;
      // the header is the row of column names over rows of values: a note of two cells or more above it
      // (单位：cm | 手工测量有1-3cm误差) is a caption too, not the header (it was before 2026-11-27)
      const header = headerRow(stretch.slice(i, end).map((row) => row.cells));
      const captions = stretch.slice(0, i + header);
      i += header;
      if (end - i >= 2) {
        for (const row of captions) parts.push({ kind: 'caption', text: captionText(row.cells), line: row.n });
        parts.push({ kind: 'table', rows: stretch.slice(i, end).map((row) => row.cells), line: stretch[i]!.n });
        for (const row of stretch.slice(end)) parts.push({ kind: 'note', text: text(row.cells), line: row.n });
      } else {
        for (const row of stretch) parts.push({ kind: 'note', text: text(row.cells), line: row.n });
      }
    }
    if (parts.some((part) => part.kind === 'table')) read.push({ sheet: sheet.name, line: stretches[0]?.[0]?.n ?? 1, parts });
    else if (stretches.length > 0) unread.push(sheet.name);
  }
  return { read, unread };
}

/**
 * A FAQ workbook. Every visible sheet with a FAQ header and rows under it is read (one sheet a
 * category, as teams keep them); when there are several, each row's heading path starts with its
 * sheet's name. Sheets without such a header (instructions, drop-down lists) are listed in one
 * warning; a hidden sheet with a FAQ header is not read, and said so.
 */
export async function parseFaqXlsx(bytes: Uint8Array, options: ParseOptions): Promise<Result<TableParse>> {
  const file = options.file;
  const loaded = await loadWorkbook(bytes, options);
  if (!loaded.ok) return loaded;
  const workbook = loaded.value;

  const sheets: Sheet[] = workbook.worksheets.map((worksheet) => ({ name: worksheet.name, hidden: isHiddenSheet(worksheet), rows: sheetRows(worksheet) }));

  const faqSheets: { sheet: Sheet; header: Header }[] = [];
  const hiddenFaq: string[] = [];
  const notRead: string[] = [];
  let best: { sheet: Sheet; header: Header | undefined } | undefined;
  for (const sheet of sheets) {
    const search = findHeader(sheet.rows);
    // a header with no row under it (an example in the instructions sheet) does not make a FAQ sheet
    if (search.found && sheet.rows.some((r) => r.n > search.header.n && !isBlank(r))) {
      if (sheet.hidden) hiddenFaq.push(sheet.name);
      else faqSheets.push({ sheet, header: search.header });
      continue;
    }
    if (sheet.rows.length > 0) notRead.push(sheet.name);
    const candidate = search.found ? search.header : search.best;
    if (best === undefined || (candidate !== undefined && (best.header === undefined || candidate.columns.length > best.header.columns.length))) {
      best = { sheet, header: candidate };
    }
  }
  if (faqSheets.length === 0) {
    const hiddenNote = hiddenFaq.length > 0 ? `; hidden ${hiddenFaq.length === 1 ? 'sheet' : 'sheets'} ${list(hiddenFaq)} ${hiddenFaq.length === 1 ? 'has' : 'have'} FAQ rows: unhide ${hiddenFaq.length === 1 ? 'it' : 'them'} in Excel to read ${hiddenFaq.length === 1 ? 'it' : 'them'}` : '';
    if (best === undefined || best.header === undefined) {
      return fail(problem('bad-table', `has no rows in any visible sheet; a FAQ table needs a header row with ${EXPECTED}${hiddenNote}`, { file }));
    }
    // no sheet asks or answers anything: data tables (a size chart, a price list) are read as a document.
    // A sheet with a FAQ header and no row under it (an empty template) asks nothing either
    const emptyFaq = sheets.filter((sheet) => !sheet.hidden && findHeader(sheet.rows).found).map((sheet) => sheet.name);
    const { read, unread } = dataSheets(sheets);
    // (a table headed by a FAQ's names, below where kb looks for a header, is a FAQ to fix, as in a CSV)
    const faqLike =
      sheets.some((sheet) => {
        const search = findHeader(sheet.rows);
        return !search.found && faqLikeHeader(search.best?.cells ?? []);
      }) || read.some((d) => d.parts.some((part) => part.kind === 'table' && faqLikeHeader(part.rows[0] ?? [])));
    if (read.length > 0 && !faqLike) {
      const warnings = new Warnings({ file, unit: 'row', part: 'column' });
      const names = read.map((d) => d.sheet);
      warnings.add(
        `has no FAQ header (a question and an answer column) and was read as a document of data tables: ${names.length === 1 ? 'sheet' : 'sheets'} ${list(names)}; ` +
          'if it is a FAQ, name its columns 问题 and 答案 (question and answer)',
      );
      if (emptyFaq.length > 0) warnings.add(`${emptyFaq.length === 1 ? 'sheet' : 'sheets'} ${list(emptyFaq)} ${emptyFaq.length === 1 ? 'has' : 'have'} a FAQ header and no rows under it and ${emptyFaq.length === 1 ? 'was' : 'were'} not read; fill it in or delete it`);
      const rest = unread.filter((name) => !emptyFaq.includes(name));
      if (rest.length > 0) warnings.add(`${rest.length === 1 ? 'sheet' : 'sheets'} ${list(rest)} ${rest.length === 1 ? 'holds' : 'hold'} no table (a header row of two names or more with rows under it) and ${rest.length === 1 ? 'was' : 'were'} not read; give it a header row if it should be read`);
      const hidden = sheets.filter((sheet) => sheet.hidden && sheet.rows.some((r) => !isBlank(r))).map((sheet) => sheet.name);
      if (hidden.length > 0) warnings.add(`hidden ${hidden.length === 1 ? 'sheet' : 'sheets'} ${list(hidden)} ${hidden.length === 1 ? 'was' : 'were'} not read; unhide ${hidden.length === 1 ? 'it' : 'them'} in Excel to read ${hidden.length === 1 ? 'it' : 'them'}, or delete ${hidden.length === 1 ? 'it' : 'them'}`);
      return ok({ rows: [], tables: read, warnings: warnings.done() });
    }
    if (best.header !== undefined && has(best.header, 'question') && has(best.header, 'answer')) {
      // a FAQ header with no row under it, and nothing else to read
      return fail(problem('bad-table', `sheet ${quote(best.sheet.name)} has a FAQ header (row ${best.header.n}) and no rows under it; add the questions and answers under it`, { file, location: { sheet: best.sheet.name, row: best.header.n } }));
    }
    const onSheet: Context = { file, unit: 'row', part: 'column', sheet: best.sheet.name };
    const { message, location } = missingColumns(best.header, sheets.length > 1 ? onSheet : { file, unit: 'row', part: 'column' });
    const where = sheets.length > 1 ? `no sheet has a question and an answer column with rows under them; sheet ${quote(best.sheet.name)} ` : '';
    return fail(problem('bad-table', `${where}${message}${hiddenNote}`, location === undefined ? { file } : { file, location }));
  }

  const several = faqSheets.length > 1;
  const ctx: Context = { file, unit: 'row', part: 'column' };
  const warnings = new Warnings(ctx);
  const collector = new RowCollector(ctx, warnings);
  if (notRead.length > 0) {
    warnings.add(
      `${notRead.length === 1 ? 'sheet' : 'sheets'} ${list(notRead)} ${notRead.length === 1 ? 'has' : 'have'} no FAQ header (a question and an answer column with rows under them) and ${notRead.length === 1 ? 'was' : 'were'} not read; ` +
        'that is right for instructions or lists; if one holds FAQ rows, give it a header row such as 标准问题 | 相似问题 | 答案',
    );
  }
  if (hiddenFaq.length > 0) {
    warnings.add(`hidden ${hiddenFaq.length === 1 ? 'sheet' : 'sheets'} ${list(hiddenFaq)} ${hiddenFaq.length === 1 ? 'has' : 'have'} FAQ rows and ${hiddenFaq.length === 1 ? 'was' : 'were'} not read; unhide ${hiddenFaq.length === 1 ? 'it' : 'them'} in Excel if ${hiddenFaq.length === 1 ? 'its' : 'their'} rows should be entries, or delete ${hiddenFaq.length === 1 ? 'it' : 'them'}`);
  }
  for (const { sheet, header } of faqSheets) {
    // locations name the sheet when a workbook has more than one
    if (sheets.length > 1) ctx.sheet = sheet.name;
    const from = warnings.list.length;
    headerWarnings(header, warnings, ctx);
    const before = collector.rows.length;
    tableRows(sheet.rows, header, collector, ctx);
    // a sheet's warnings in row order (disabled and hidden rows are reported after its last row)
    warnings.list.splice(from, Infinity, ...inFileOrder(warnings.list.slice(from), 'last'));
    for (const r of collector.rows.slice(before)) {
      r.onSheet = sheet.name;
      if (!several) delete r.sheet;
    }
  }
  return ok({ rows: collector.rows, warnings: warnings.done() });
}
