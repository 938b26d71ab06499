/**
 * Plain text: recover paragraphs and headings from layout alone. Hard wraps are re-joined;
 * a paragraph ends at a blank line, after a line that ends a sentence, before an indented line,
 * a numbered line (第X条, 一、, （一）, 1.) or a `【label】` line. A short standalone line with
 * more text after it is a guessed heading. Decoration rules (`=====`) are dropped. Headings written
 * the Markdown way (`# 发货时间`, `## 运费`) or between decorations (`===== 退货政策 =====`) are headings.
 */
import { ok, type Result } from '../../core/problems.js';
import { endsSentence, joinLines, visibleLength } from '../lines.js';
import { isArticleTitle, isLegal, matchNumbering } from '../numbering.js';
import type { ParseOptions, ParsedBlock, ParsedDoc } from '../parsed.js';

interface RawParagraph {
  lines: string[];
  /** A heading the writer marked (`## 运费`, `==== 退货政策 ====`): its depth and text. */
  marked?: { depth: number; text: string };
  line: number;
  /** A blank line (or the start of the file) came before it. */
  afterBlank: boolean;
  /** A blank line (or the end of the file) comes after it. */
  beforeBlank: boolean;
}

const RULE = /^\s*[=\-*_~#·•]{3,}.*?[=\-*_~#·•]{3,}\s*$|^\s*[=\-*_~]{3,}\s*$/u;
const INDENT = /^(?:\u3000|\s{2,}|\t)/u;
/** `# 发货时间` / `## 运费 ##`: a Markdown heading in a .txt file (a space after the #s, as Markdown wants; #话题# is no heading). */
const HASH_HEADING = /^\s{0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/u;
/** `===== 退货政策 =====` / `*** 注意事项 ***`: a title between decorations. */
const DECORATED = /^\s*[=\-*_~#·•]{3,}\s*(.*?)\s*[=\-*_~#·•]{3,}\s*$/u;
/** Decorations that mark where the text starts or ends (==== 正文开始 ====, --- END ---), not a title. */
const MARKER = /^(?:正文)?(?:开始|结束|完)$|^(?:以[下上]|下[面文]|全文|正文)|^(?:the\s+)?(?:end|start|begin)\b/iu;
const LABEL_LINE = /^\s*【[^】]{1,12}】/u;
/** A number with its unit (2小时, 7个工作日, 99元, 30%): what a statement says, seldom a title. */
const QUANTITY = /\d+\s*(?:个)?(?:小时|分钟|天|日|周|个月|月|年|工作日|元|块|%|件|次)/u;
/** Headings are at most this many columns wide (a Han character is two columns). */
const MAX_HEADING_WIDTH = 90;

/** Does this line start a new paragraph even without a blank line before it? */
function startsParagraph(line: string, previous: string): boolean {
  if (endsSentence(previous)) return true;
  if (INDENT.test(line)) return true;
  if (LABEL_LINE.test(line) || LABEL_LINE.test(previous)) return true;
  const m = matchNumbering(line);
  if (m !== undefined) return true;
  const prev = matchNumbering(previous);
  // "第一条" or "第一章 总则" alone on a line: what follows is its body, not its continuation
  if (prev !== undefined && (prev.rest === '' || prev.style === 'chapter' || prev.style === 'part' || prev.style === 'section')) return true;
  // "第一条 保修期限" over a longer line: a titled article (a law's wrapped first line runs the page's width, with its commas)
  if (prev?.style === 'article' && isArticleTitle(prev.rest) && visibleLength(line.trim()) > visibleLength(previous.trim())) return true;
  // "一、退货条件" / "（一）运费" / "1. 退款时间" over a longer line: a numbered heading over its body (a
  // hard-wrapped list item's first line runs the width of the page, and has its punctuation)
  // (not a statement with a quantity in it: "1. 下单后2小时内发货" over 偏远地区顺延… is an item and its note)
  if (prev !== undefined && !isLegal(prev.style) && isArticleTitle(prev.rest) && !QUANTITY.test(prev.rest) && visibleLength(line.trim()) > visibleLength(previous.trim())) return true;
  return false;
}

/** A short first line after a blank, followed by a much longer line: a heading over its paragraph. */
function standaloneTitle(previous: string, line: string): boolean {
  const a = visibleLength(previous.trim());
  return a <= MAX_HEADING_WIDTH && visibleLength(line.trim()) > a * 2 && !/[，,、]$/u.test(previous.trim());
}

function splitParagraphs(text: string): RawParagraph[] {
  const lines = text.split('\n');
  const paragraphs: RawParagraph[] = [];
  let current: RawParagraph | undefined;
  let blankBefore = true;
  lines.forEach((raw, index) => {
    const line = raw.replace(/\s+$/u, '');
    const marked = markedHeading(line);
    if (marked !== undefined) {
      if (current !== undefined) current.beforeBlank = true;
      paragraphs.push({ lines: [marked.text], line: index + 1, afterBlank: true, beforeBlank: true, marked });
      current = undefined;
      blankBefore = true;
      return;
    }
    if (line.trim() === '' || RULE.test(line)) {
      if (current !== undefined) current.beforeBlank = true;
      current = undefined;
      blankBefore = true;
      return;
    }
    const previous = current?.lines[current.lines.length - 1];
    if (
      current === undefined ||
      previous === undefined ||
      startsParagraph(line, previous) ||
      (current.afterBlank && current.lines.length === 1 && standaloneTitle(previous, line))
    ) {
      current = { lines: [line], line: index + 1, afterBlank: blankBefore, beforeBlank: false };
      paragraphs.push(current);
    } else {
      current.lines.push(line);
    }
    blankBefore = false;
  });
  if (current !== undefined) current.beforeBlank = true;
  return paragraphs;
}

/** A heading the writer marked as one: `## 运费` (depth 2) or `==== 退货政策 ====` (depth 2). */
function markedHeading(line: string): { depth: number; text: string } | undefined {
  const hash = HASH_HEADING.exec(line);
  if (hash !== null && /[\p{L}\p{N}]/u.test(hash[2] ?? '')) return { depth: (hash[1] ?? '#').length, text: (hash[2] ?? '').trim() };
  const decorated = DECORATED.exec(line);
  const text = decorated?.[1]?.trim() ?? '';
  if (/\p{L}/u.test(text) && !MARKER.test(text) && visibleLength(text) <= MAX_HEADING_WIDTH) return { depth: 2, text };
  return undefined;
}

function looksLikeHeading(p: RawParagraph, next: RawParagraph | undefined): boolean {
  if (p.lines.length !== 1 || !p.afterBlank) return false;
  const text = p.lines[0]?.trim() ?? '';
  if (text === '' || visibleLength(text) > MAX_HEADING_WIDTH) return false;
  if (/[。．.！!？?；;，,、：:]$/u.test(text)) return false;
  if (LABEL_LINE.test(text) || matchNumbering(text) !== undefined) return false;
  if (/^[\d\s.,:/\-–—()（）%]+$/u.test(text)) return false; // numbers, dates
  // a heading heads something: the file's last line is text (客服电话 400-123-4567 at the end was lost)
  if (next === undefined) return false;
  return p.beforeBlank || visibleLength(joinLines(next.lines)) > visibleLength(text) * 2;
}

const META_LINE = /^\s*【([^】]{1,12})】\s*(.*?)\s*$/u;
/** A metadata value is at most this many columns wide (【颁布机构】国家工商行政管理总局令第90号（2020年…修订）: 80). */
const MAX_META_WIDTH = 120;

/**
 * `【法律名称】…` / `【发布日期】…` lines at the very top of a file (before any other text) are the
 * document's metadata, as exported by many Chinese document systems and crawlers: they go to
 * `meta`, not into a section.
 */
function takeFrontMatter(paragraphs: RawParagraph[]): { meta: Record<string, string>; rest: RawParagraph[] } {
  const meta: Record<string, string> = {};
  let i = 0;
  for (; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const m = p !== undefined && p.lines.length === 1 ? META_LINE.exec(p.lines[0] ?? '') : null;
    if (m === null || !isMetaValue(m[2] ?? '')) break;
    meta[m[1] ?? ''] = m[2] ?? '';
  }
  return { meta, rest: paragraphs.slice(i) };
}

/**
 * What a `【label】` line at the top may hold as metadata: a name, a date, a number, a URL. Not text
 * a customer asks about: a shop's notice written 【退货须知】签收后7天内可以无理由退货… on one line (or a
 * whole file with no line breaks) was taken for metadata and lost, and so was a lone 【退货须知】 over its text.
 */
function isMetaValue(value: string): boolean {
  if (/^https?:\/\//u.test(value)) return true;
  return value !== '' && visibleLength(value) <= MAX_META_WIDTH && !/[。！？!?；;]/u.test(value);
}

function metaTitle(meta: Record<string, string>): string | undefined {
  const key = Object.keys(meta).find((k) => /名称|标题|題|title/iu.test(k));
  return key === undefined ? undefined : meta[key];
}

/** `【退货须知】` opening a paragraph, and what follows it on the line. */
const LABEL_HEADING = /^\s*【([^】]{1,12})】\s*[：:]?\s*(.*)$/u;

/**
 * A shop's notice laid out by `【label】`s alone (【退货须知】…【换货须知】…, no 第X条 or 一、): each label
 * heads the text after it. Where numbered articles give the structure (a law, a platform's rules),
 * a label such as 【场景描述】 stays a part of its article's text.
 */
function labelsAreHeadings(paragraphs: readonly RawParagraph[]): boolean {
  let labels = 0;
  for (const p of paragraphs) {
    const first = p.lines[0] ?? '';
    if (matchNumbering(first) !== undefined) return false;
    if (LABEL_HEADING.test(first)) labels++;
  }
  return labels > 0;
}

export function parseText(text: string, _options: ParseOptions): Result<ParsedDoc> {
  const { meta, rest: paragraphs } = takeFrontMatter(splitParagraphs(text));
  const blocks: ParsedBlock[] = [];
  let title: string | undefined;
  const labelled = labelsAreHeadings(paragraphs);
  paragraphs.forEach((p, i) => {
    const joined = joinLines(p.lines.map((l) => l.trim()));
    const label = labelled ? LABEL_HEADING.exec(joined) : null;
    if (p.marked !== undefined) {
      // `# 发货时间` is the title as a Markdown file's first depth-1 heading is
      if (p.marked.depth === 1) title ??= p.marked.text;
      blocks.push({ kind: 'heading', depth: p.marked.depth, text: p.marked.text, location: { line: p.line } });
    } else if (label !== null) {
      blocks.push({ kind: 'heading', depth: 2, text: (label[1] ?? '').trim(), location: { line: p.line }, guessed: true });
      if ((label[2] ?? '') !== '') blocks.push({ kind: 'paragraph', text: label[2] ?? '', location: { line: p.line } });
    } else if (looksLikeHeading(p, paragraphs[i + 1])) {
      const depth = title === undefined ? 1 : 2;
      title ??= joined;
      blocks.push({ kind: 'heading', depth, text: joined, location: { line: p.line }, guessed: true });
    } else {
      blocks.push({ kind: 'paragraph', text: joined, location: { line: p.line } });
    }
  });
  const doc: ParsedDoc = { blocks, warnings: [] };
  const stated = metaTitle(meta);
  if (stated !== undefined && stated !== '') doc.title = stated;
  else if (title !== undefined) doc.title = title;
  if (Object.keys(meta).length > 0) doc.meta = meta;
  return ok(doc);
}
