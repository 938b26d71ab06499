/**
 * mdast → blocks: the shared back end of the Markdown, HTML and DOCX adapters (all three go
 * through mdast). Headings, paragraphs, lists, GFM tables and code become `ParsedBlock`s; images,
 * thematic breaks and raw HTML left in the tree are dropped (Markdown reads its HTML blocks before,
 * see markdown.ts); inline markup (emphasis, links, inline code) is flattened to its text. Hard-wrapped
 * lines inside a paragraph are re-joined; a hard break (`<br>`) stays a '\n' in a paragraph and is a
 * space in a heading, a list item or a table cell (a list item holds a '\n' only before a list nested
 * in it). A footnote's text follows the block that refers to it. A sentence over `---` stays a paragraph.
 *
 * Sources that are not hand-written Markdown (HTML pasted from Word, DOCX) hide their structure in
 * formatting. The options turn on the recovery of it:
 * - `splitBreaks`: a `<br>` that obviously starts a new paragraph (after a sentence end, before
 *   policy numbering or an indented line, around a bold line, two breaks in a row) splits the paragraph;
 * - `boldHeadings`: a short paragraph that is entirely bold is a heading, one level below the
 *   explicit heading above it;
 * - `faq`: a question paragraph (`Q1：…`, `问：…`, or a short one ending with ？/?) followed by its
 *   answer becomes a heading over the answer, so each pair is its own section; `A1：`/`答：` labels
 *   are dropped from the answer. A two-column table headed `问题 | 答案` (`Q | A`, `常见问题 | 解答` …)
 *   is read the same way: each row a question heading over its answer.
 */
import type { FootnoteDefinition, Heading, Nodes, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import { imageText } from '../../text/images.js';
import { attributeLines, endsSentence, isCjk, joinWrapped, visibleLength } from '../lines.js';
import { matchNumbering, type NumberingStyle } from '../numbering.js';
import type { ParsedBlock, SourceLocation } from '../parsed.js';
import { headingText } from './heading-look.js';

export interface MdastToBlocksOptions {
  /** Split paragraphs at line breaks that obviously start a new paragraph (HTML, DOCX). */
  splitBreaks?: boolean;
  /** Short all-bold paragraphs become headings (HTML, DOCX). */
  boldHeadings?: boolean;
  /** Question/answer paragraph pairs become heading + body (HTML, DOCX). */
  faq?: boolean;
  /**
   * Applied to the text of every paragraph, heading, list item and table cell before it is
   * emitted; return '' to drop it. The HTML adapter removes Word residue here.
   */
  cleanText?: (text: string) => string;
  /** Keep images as their alt text and address (HTML: an answer's "见下图" keeps its picture); else they are dropped. */
  images?: boolean;
}

/** Longest bold paragraph taken for a heading (characters). */
export const MAX_BOLD_HEADING = 40;
/** Longest unlabelled paragraph ending with ？ taken for a FAQ question (characters). */
export const MAX_QUESTION = 80;

// ---------------------------------------------------------------------------------------------
// Text helpers

const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F]/gu;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
/** Full-width punctuation never wants a space before it … */
const SPACE_BEFORE_PUNCT = / +(?=[，。、：；！？）》」』】〉〕．｡､])/gu;
/** … nor after it. */
const SPACE_AFTER_PUNCT = /(?<=[，。、：；！？（《「『【〈〔．｡､]) +/gu;

/** Normalize the spaces of one piece of display text: one ASCII space, none around CJK punctuation. */
export function tidyText(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(SPACE_LIKE, ' ')
    .replace(/[ \t\f\v\r\n]+/gu, ' ')
    .replace(SPACE_BEFORE_PUNCT, '')
    .replace(SPACE_AFTER_PUNCT, '')
    .trim();
}

/** Join two lines of one paragraph: a no-break space at the seam is an intended space, else re-join a wrap. */
function joinPieces(left: string, right: string): string {
  if (/[\u00A0\u2000-\u200A\u202F]\s*$/u.test(left) || /^\s*[\u00A0\u2000-\u200A\u202F]/u.test(right)) {
    const a = left.trimEnd();
    const b = right.trimStart();
    return a === '' ? b : b === '' ? a : `${a} ${b}`;
  }
  return joinWrapped(left, right);
}

/**
 * Join across a hard line break (`<br>`, Word's Shift+Enter, Markdown's two trailing spaces): the
 * writer broke the line, so it stays a line of its own (`签收后七天内可申请退货\n商品需保持完好`, not
 * glued as a soft wrap is). Where text is one line (a table cell, a heading, a list item) `clean`
 * turns the newline into a space.
 */
function joinBreak(left: string, right: string): string {
  const a = left.replace(/[\s\u00A0]+$/u, '');
  const b = right.replace(/^[\s\u00A0]+/u, '');
  if (a === '' || b === '') return a + b;
  return `${a}\n${b}`;
}

function locationOf(node: Nodes): SourceLocation {
  const line = node.position?.start.line;
  return line === undefined ? {} : { line };
}

// ---------------------------------------------------------------------------------------------
// Inline content → lines → paragraphs

interface Line {
  text: string;
  /** Non-space characters inside strong emphasis, and outside it. */
  bold: number;
  plain: number;
  /** How this line began: the first line, a soft wrap ('\n' in a text node) or a hard break. */
  boundary: 'start' | 'soft' | 'hard';
  line: number | undefined;
}

function collectLines(nodes: readonly PhrasingContent[], startLine: number | undefined, images = false): Line[] {
  const lines: Line[] = [{ text: '', bold: 0, plain: 0, boundary: 'start', line: startLine }];
  const current = (): Line => lines[lines.length - 1] as Line;
  const add = (value: string, bold: boolean, line: number | undefined): void => {
    const parts = value.split(/\r\n|\r|\n/u);
    parts.forEach((part, i) => {
      if (i > 0) lines.push({ text: '', bold: 0, plain: 0, boundary: 'soft', line: line === undefined ? undefined : line + i });
      const l = current();
      if (l.text.trim() === '' && l.line === undefined) l.line = line;
      l.text += part;
      const visible = part.replace(/[\s\u00A0\u200B\uFEFF]/gu, '').length;
      if (bold) l.bold += visible;
      else l.plain += visible;
    });
  };
  const walk = (children: readonly PhrasingContent[], bold: boolean): void => {
    for (const node of children) {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          add(node.value, bold, node.position?.start.line);
          break;
        case 'break':
          lines.push({ text: '', bold: 0, plain: 0, boundary: 'hard', line: node.position?.end.line });
          break;
        case 'strong':
          walk(node.children, true);
          break;
        case 'emphasis':
        case 'delete':
        case 'link':
        case 'linkReference':
          walk(node.children, bold);
          break;
        case 'html':
          // inline raw HTML is dropped, but a `<br>` in Markdown is still a line break
          if (/^<br\s*\/?>$/iu.test(node.value.trim())) lines.push({ text: '', bold: 0, plain: 0, boundary: 'hard', line: node.position?.end.line });
          break;
        case 'image':
          // a picture the answer shows ("见下图"): its alt text and address, as written (relative ones too);
          // one with no address a customer could open (a Word image, a data: URI) is left out
          if (images && node.url.trim() !== '' && !/^data:/iu.test(node.url.trim())) add(` ${imageText(node.alt ?? '', node.url)} `, bold, node.position?.start.line);
          break;
        case 'imageReference':
        case 'footnoteReference':
          break;
        default: {
          // extension nodes (e.g. inline math): keep their text if they have any
          const unknown = node as { value?: unknown; children?: unknown };
          if (typeof unknown.value === 'string') add(unknown.value, bold, undefined);
          else if (Array.isArray(unknown.children)) walk(unknown.children as PhrasingContent[], bold);
        }
      }
    }
  };
  walk(nodes, false);
  return lines;
}

/** Numbering styles that start a new paragraph even after a soft wrap (Chinese policy numbering). */
const SOFT_SPLIT_STYLES: readonly NumberingStyle[] = ['part', 'chapter', 'section', 'article', 'cn-comma', 'cn-paren', 'arabic-paren'];

const Q_LABEL = /^(?:Q|Ｑ|问题?|問題?|Question)\s*\d{0,3}\s*[.．、]?\s*[:：.．、]\s*(?=\S)/iu;
const A_LABEL = /^(?:A|Ａ|答|回答|Answer)\s*\d{0,3}\s*[.．、]?\s*[:：.．、]\s*/iu;

function isBoldLine(line: Line): boolean {
  return line.bold > 0 && line.plain === 0;
}

interface Draft {
  block: ParsedBlock;
  /** A paragraph whose visible text is all bold. */
  bold: boolean;
}

/** One mdast paragraph (or heading) content → one or more paragraphs of joined text. */
function paragraphsOf(
  children: readonly PhrasingContent[],
  startLine: number | undefined,
  options: MdastToBlocksOptions,
): { text: string; bold: boolean; line: number | undefined }[] {
  const lines = collectLines(children, startLine, options.images === true);
  const out: { text: string; bold: boolean; line: number | undefined; lines: Line[] }[] = [];
  /** Hard breaks since the last visible line: one is a line break, two make a blank line. */
  let breaks = 0;
  for (const line of lines) {
    if (line.boundary === 'hard') breaks++;
    const visible = line.bold + line.plain > 0;
    if (!visible) continue;
    const boundary = breaks > 0 ? 'hard' : line.boundary;
    const last = out[out.length - 1];
    const prev = last?.lines[last.lines.length - 1];
    let split = last === undefined;
    if (!split && prev !== undefined) {
      const numbering = matchNumbering(tidyText(line.text));
      if (boundary === 'soft') {
        split = numbering !== undefined && SOFT_SPLIT_STYLES.includes(numbering.style);
      } else if (boundary === 'hard' && options.splitBreaks === true) {
        split =
          breaks >= 2 ||
          /^[\u00A0\u3000 \t]*[\u00A0\u3000]{2}/u.test(line.text) ||
          endsSentence(tidyText(prev.text)) ||
          numbering !== undefined ||
          Q_LABEL.test(tidyText(line.text)) ||
          A_LABEL.test(tidyText(line.text)) ||
          isBoldLine(prev) !== isBoldLine(line);
      }
    }
    if (split || last === undefined) {
      out.push({ text: line.text, bold: isBoldLine(line), line: line.line, lines: [line] });
    } else {
      // an attribute list's lines (面料：… / 颜色：…) stay lines, as if the writer had broken them
      last.text = boundary === 'hard' || attributeLines(last.text, line.text) ? joinBreak(last.text, line.text) : joinPieces(last.text, line.text);
      last.bold &&= isBoldLine(line);
      last.lines.push(line);
    }
    breaks = 0;
  }
  return out.map(({ text, bold, line }) => ({ text, bold, line }));
}

/** Tidy each line of a piece of text (lines come from hard breaks) and join them with `separator`. */
function clean(text: string, options: MdastToBlocksOptions, separator: '\n' | ' ' = '\n'): string {
  const lines = text
    .split('\n')
    .map((line) => {
      const tidy = tidyText(line);
      return options.cleanText === undefined ? tidy : tidyText(options.cleanText(tidy));
    })
    .filter((line) => line !== '');
  // a space where a line broke is tidied like any other (none after `：`)
  return separator === '\n' ? lines.join('\n') : tidyText(lines.join(' '));
}

/** All the text of a node as one line (for list items, table cells, headings): a hard break is a space. */
function flatText(nodes: readonly PhrasingContent[], options: MdastToBlocksOptions): string {
  return clean(
    paragraphsOf(nodes, undefined, { ...options, splitBreaks: false }).reduce((acc, p) => joinPieces(acc, p.text), ''),
    options,
    ' ',
  );
}

// ---------------------------------------------------------------------------------------------
// Flow content → drafts

/** How far a nested list is indented under its parent item in a section's text (per level). */
const NESTED_INDENT = '  ';

/**
 * The items of a list, one string each. A list nested in an item stays that item's: its items
 * follow the item's own text on lines of their own, indented under it with their own marker
 * (`申请售后\n  - 注意：保留包装`), so an ordered list counts only its own items (寄回商品 stays step
 * 2). A flat list's items are one line each, as before nesting was kept. An item with no text of
 * its own (`- ` over a nested list) gives its nested items to the list.
 */
function listItems(node: Extract<RootContent, { type: 'list' }>, options: MdastToBlocksOptions, out: string[]): void {
  for (const item of node.children) {
    let own = '';
    const raw: string[] = [];
    const marked: string[] = [];
    for (const child of item.children) {
      if (child.type === 'list') {
        const items: string[] = [];
        listItems(child, options, items);
        const first = typeof child.start === 'number' ? child.start : 1;
        raw.push(...items);
        marked.push(...items.map((text, i) => markItem(text, child.ordered === true ? first + i : undefined)));
      } else {
        own = joinPieces(own, blockPlainText(child, options));
      }
    }
    const text = clean(own, options);
    if (text === '') out.push(...raw);
    else out.push([text, ...marked].join('\n'));
  }
}

/** A nested item under its parent: indented, with its marker (`- `, or its number in an ordered list unless it carries its own `（1）`), its own nested lines indented once more. */
function markItem(text: string, n: number | undefined): string {
  const marker = n === undefined ? '- ' : matchNumbering(text) === undefined ? `${n}. ` : '';
  return `${NESTED_INDENT}${marker}${text.replace(/\n/gu, `\n${NESTED_INDENT}`)}`;
}

/** Text of any flow node, flattened to one line (used inside list items). */
function blockPlainText(node: RootContent, options: MdastToBlocksOptions): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      return flatText(node.children, options);
    case 'code':
      return tidyText(node.value);
    case 'html':
    case 'thematicBreak':
    case 'definition':
    case 'image':
    case 'imageReference':
    case 'break':
      return '';
    default: {
      if ('children' in node && Array.isArray(node.children)) {
        return (node.children as RootContent[]).reduce((acc, c) => joinPieces(acc, blockPlainText(c, options)), '');
      }
      return 'value' in node && typeof node.value === 'string' ? tidyText(node.value) : '';
    }
  }
}

const FLOW = new Set(['paragraph', 'heading', 'list', 'blockquote', 'code', 'table']);
/** Between the paragraphs or list items of one table cell (HTML `<td><p>手机</p><p>平板</p></td>`). */
const CELL_SEPARATOR = ' ';

/**
 * A table cell's text on one line. A cell of an HTML table may hold blocks (paragraphs, a list):
 * each is read on its own and they are joined with a space (`手机 平板`, not `手机平板`).
 */
function cellText(cell: TableCell, options: MdastToBlocksOptions): string {
  const parts: string[] = [];
  let phrasing: PhrasingContent[] = [];
  const flush = (): void => {
    if (phrasing.length > 0) parts.push(flatText(phrasing, options));
    phrasing = [];
  };
  for (const child of cell.children as (PhrasingContent | RootContent)[]) {
    if (!FLOW.has(child.type)) {
      phrasing.push(child as PhrasingContent);
      continue;
    }
    flush();
    if (child.type === 'list') {
      const items: string[] = [];
      listItems(child, options, items);
      parts.push(...items.map((item) => tidyText(item)));
    } else parts.push(blockPlainText(child as RootContent, options));
  }
  flush();
  return parts.filter((p) => p !== '').join(CELL_SEPARATOR);
}

function tableRows(node: Table, options: MdastToBlocksOptions): string[][] {
  const rows: string[][] = [];
  for (const row of node.children) {
    const cells = row.children.map((cell) => cellText(cell, options));
    if (cells.some((c) => c !== '')) rows.push(cells);
  }
  return rows;
}

function collectParagraph(children: readonly PhrasingContent[], start: number | undefined, options: MdastToBlocksOptions, out: Draft[]): void {
  for (const p of paragraphsOf(children, start, options)) {
    const text = clean(p.text, options);
    if (text === '') continue;
    const line = p.line ?? start;
    out.push({ block: { kind: 'paragraph', text, location: line === undefined ? {} : { line } }, bold: p.bold });
  }
}

/** A heading underlined with `===` or `---` (CommonMark's setext heading): it spans two lines or more. */
function isSetext(node: Heading): boolean {
  const { start, end } = node.position ?? { start: { line: 0 }, end: { line: 0 } };
  return end.line > start.line;
}

/** Widest setext heading kept as a heading (columns, a Han character two). */
const MAX_SETEXT_WIDTH = 90;

/**
 * Whether the text over a `---` (or `===`) is a title. A paragraph directly followed by a rule is a
 * setext heading to CommonMark, but a sentence (`签收后七天内可以申请退货，…。` over `---`) or a
 * long line is the writer's paragraph and a thematic break; a question stays a heading over its answer.
 */
function setextTitle(text: string): boolean {
  return visibleLength(text) <= MAX_SETEXT_WIDTH && !/[。！；.!;]$/u.test(text);
}

/**
 * Markdown footnotes (`[^1]` … `[^1]: 人为损坏不在保修范围内。`): a definition's text follows the
 * block that first refers to it (as DOCX footnotes do), not the end of the file where it is
 * written; one that nothing refers to stays where it is.
 */
interface Footnotes {
  definitions: Map<string, FootnoteDefinition>;
  placed: Set<string>;
}

function footnotesOf(tree: Root): Footnotes {
  const definitions = new Map<string, FootnoteDefinition>();
  const walk = (node: Nodes): void => {
    if (node.type === 'footnoteDefinition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return { definitions, placed: new Set() };
}

/** The identifiers of the footnotes a node refers to, in order. */
function referencesIn(node: Nodes, out: string[] = []): string[] {
  if (node.type === 'footnoteReference') out.push(node.identifier);
  else if ('children' in node && node.type !== 'footnoteDefinition') for (const child of node.children) referencesIn(child, out);
  return out;
}

function collect(nodes: readonly RootContent[], options: MdastToBlocksOptions, out: Draft[], notes: Footnotes): void {
  for (const node of nodes) {
    collectNode(node, options, out, notes);
    if (node.type === 'footnoteDefinition' || notes.definitions.size === 0) continue;
    for (const id of referencesIn(node)) {
      const definition = notes.definitions.get(id);
      if (definition === undefined || notes.placed.has(id)) continue;
      notes.placed.add(id);
      collect(definition.children, options, out, notes);
    }
  }
}

function collectNode(node: RootContent, options: MdastToBlocksOptions, out: Draft[], notes: Footnotes): void {
  switch (node.type) {
    case 'heading': {
      const text = flatText(node.children, options);
      if (text === '') break;
      if (isSetext(node) && !setextTitle(text)) collectParagraph(node.children, node.position?.start.line, options, out);
      else out.push({ block: { kind: 'heading', depth: node.depth, text, location: locationOf(node) }, bold: false });
      break;
    }
    case 'paragraph':
      collectParagraph(node.children, node.position?.start.line, options, out);
      break;
    case 'list': {
      const items: string[] = [];
      listItems(node, options, items);
      if (items.length === 0) break;
      const list: ParsedBlock = { kind: 'list', ordered: node.ordered === true, items, location: locationOf(node) };
      if (node.ordered === true && typeof node.start === 'number' && node.start !== 1) list.start = node.start;
      out.push({ block: list, bold: false });
      break;
    }
    case 'table': {
      const rows = tableRows(node, options);
      if (rows.length > 0) out.push({ block: { kind: 'table', rows, location: locationOf(node) }, bold: false });
      break;
    }
    case 'code': {
      if (node.value.trim() !== '') out.push({ block: { kind: 'code', text: node.value, location: locationOf(node) }, bold: false });
      break;
    }
    case 'footnoteDefinition':
      // already read after the block that refers to it
      if (notes.placed.has(node.identifier)) break;
      notes.placed.add(node.identifier);
      collect(node.children, options, out, notes);
      break;
    case 'blockquote':
      collect(node.children, options, out, notes);
      break;
    case 'thematicBreak':
    case 'html':
    case 'definition':
    case 'yaml':
      break;
    default: {
      // unknown flow extensions with children: read what is inside
      const unknown = node as { children?: unknown };
      if (Array.isArray(unknown.children)) collect(unknown.children as RootContent[], options, out, notes);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Structure recovery for Word-made sources


function isQuestionText(text: string): 'labelled' | 'plain' | undefined {
  if (Q_LABEL.test(text)) return 'labelled';
  if (/[？?]\s*[）)]?$/u.test(text) && [...text].length <= MAX_QUESTION) return 'plain';
  return undefined;
}

function isQuestion(draft: Draft, next: Draft | undefined): boolean {
  if (draft.block.kind !== 'paragraph') return false;
  const kind = isQuestionText(draft.block.text);
  if (kind === 'labelled') return true;
  if (kind === undefined) return false;
  // an unlabelled question needs an answer after it: body text that is not itself a question
  if (next === undefined || next.block.kind === 'heading') return false;
  return next.block.kind !== 'paragraph' || isQuestionText(next.block.text) === undefined;
}

const QUESTION_HEADER = /^(?:问题|問題|常见问题|常見問題|客户问题|客戶問題|标准问题|標準問題|问|問|提问|提問|q|question|questions|faq)$/iu;
const ANSWER_HEADER = /^(?:答案|回答|答|解答|回复|回覆|答复|答覆|标准答案|標準答案|参考话术|參考話術|话术|話術|客服回复|客服回覆|a|answer|answers)$/iu;

/** A two-column question/answer table: its rows without the header row, else undefined. */
export function qaTableRows(rows: readonly (readonly string[])[]): (readonly string[])[] | undefined {
  const [header, ...body] = rows;
  if (header === undefined || header.length !== 2 || body.length === 0) return undefined;
  const key = (s: string | undefined): string => (s ?? '').replace(/[\s:：]/gu, '');
  if (!QUESTION_HEADER.test(key(header[0])) || !ANSWER_HEADER.test(key(header[1]))) return undefined;
  return body;
}

function isBoldHeading(draft: Draft): boolean {
  if (draft.block.kind !== 'paragraph' || !draft.bold) return false;
  const text = draft.block.text;
  if ([...text].length > MAX_BOLD_HEADING) return false;
  // what a heading by look can say (heading-look.ts, shared with DOCX and PDF): no sentence or
  // clause, no field (`地址：上海市…6666号`), no `注意：…` warning, no Q&A label
  if (!headingText(text) || /^[\d\s.,:/\-–—()（）%]+$/u.test(text)) return false;
  // numbered lines (一、 （一） 1. 第X条) are left to `sectionize`, which knows their hierarchy
  return matchNumbering(text) === undefined;
}

/** A run of this many bold lines or more with no text between them is a list of bold items (steps), not nested headings. */
const BOLD_ITEM_RUN = 3;

function recoverStructure(drafts: readonly Draft[], options: MdastToBlocksOptions): ParsedBlock[] {
  const out: ParsedBlock[] = [];
  /** Depth of the last explicit heading, and of the last heading that is not a FAQ question. */
  let lastExplicit = 0;
  let lastNonQuestion = 0;
  /** Depth for a lone bold heading, once a run of bold headings has shown a parent/child pattern. */
  let childDepth: number | undefined;
  let expectAnswer = false;

  const boldHeadingAt = (i: number): boolean => {
    const d = drafts[i];
    return d !== undefined && options.boldHeadings === true && isBoldHeading(d) && !(options.faq === true && isQuestion(d, drafts[i + 1]));
  };
  /** A bold heading needs body after it (or after the bold headings that follow it), not an explicit heading. */
  const hasBody = (i: number): boolean => {
    let j = i + 1;
    while (boldHeadingAt(j)) j++;
    const after = drafts[j];
    return after !== undefined && after.block.kind !== 'heading';
  };

  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i] as Draft;
    const block = draft.block;
    if (block.kind === 'heading') {
      out.push(block);
      lastExplicit = block.depth;
      lastNonQuestion = block.depth;
      childDepth = undefined;
      expectAnswer = false;
      continue;
    }
    const qaRows = options.faq === true && block.kind === 'table' ? qaTableRows(block.rows) : undefined;
    if (qaRows !== undefined) {
      const depth = Math.min(6, lastNonQuestion + 1);
      for (const [question = '', answer = ''] of qaRows) {
        if (question === '') {
          if (answer !== '') out.push({ kind: 'paragraph', text: answer, location: block.location });
          continue;
        }
        out.push({ kind: 'heading', depth, text: question.replace(Q_LABEL, '').trim(), location: block.location, question: true });
        if (answer !== '') out.push({ kind: 'paragraph', text: answer.replace(A_LABEL, '').trim(), location: block.location });
      }
      expectAnswer = false;
      continue;
    }
    if (block.kind === 'paragraph') {
      if (options.faq === true && isQuestion(draft, drafts[i + 1])) {
        const depth = Math.min(6, lastNonQuestion + 1);
        const text = block.text.replace(Q_LABEL, '').trim();
        out.push({ kind: 'heading', depth, text, location: block.location, question: true });
        expectAnswer = true;
        continue;
      }
      if (boldHeadingAt(i) && hasBody(i)) {
        const base = Math.min(6, lastExplicit + 1);
        let run = 1;
        while (boldHeadingAt(i + run)) run++;
        if (run >= BOLD_ITEM_RUN) {
          // 提交换货申请 / 寄回商品 / 等待新商品发出: steps in bold, the text of the heading above
          for (let k = 0; k < run; k++) out.push((drafts[i + k] as Draft).block);
          i += run - 1;
          expectAnswer = false;
          continue;
        }
        if (run >= 2) {
          for (let k = 0; k < run; k++) {
            const d = drafts[i + k] as Draft;
            if (d.block.kind === 'paragraph') out.push({ kind: 'heading', depth: Math.min(6, base + k), text: d.block.text, location: d.block.location });
          }
          childDepth = Math.min(6, base + run - 1);
          lastNonQuestion = childDepth;
          i += run - 1;
        } else {
          const depth = childDepth ?? base;
          out.push({ kind: 'heading', depth, text: block.text, location: block.location });
          lastNonQuestion = depth;
        }
        expectAnswer = false;
        continue;
      }
      if (expectAnswer) {
        expectAnswer = false;
        const text = block.text.replace(A_LABEL, '').trim();
        if (text === '') continue;
        out.push({ ...block, text });
        continue;
      }
    }
    expectAnswer = false;
    out.push(block);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * The text of the document's first heading of the first depth in `depths` that has one, else of its
 * first heading of any depth (a title candidate); headings whose text is in `skip` are passed over.
 */
export function firstHeading(tree: Root, depths: readonly number[] = [1], skip: ReadonlySet<string> = new Set()): string | undefined {
  const headings: { depth: number; text: string }[] = [];
  const walk = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      if (node.type === 'heading') {
        const text = flatText(node.children, {});
        if (text !== '' && !skip.has(text)) headings.push({ depth: node.depth, text });
      } else if ('children' in node && Array.isArray(node.children) && node.type !== 'paragraph' && node.type !== 'table') {
        walk(node.children as RootContent[]);
      }
    }
  };
  walk(tree.children);
  for (const depth of depths) {
    const h = headings.find((x) => x.depth === depth);
    if (h !== undefined) return h.text;
  }
  return headings[0]?.text;
}

export function mdastToBlocks(tree: Root, options: MdastToBlocksOptions = {}): ParsedBlock[] {
  const drafts: Draft[] = [];
  collect(tree.children, options, drafts, footnotesOf(tree));
  if (options.boldHeadings !== true && options.faq !== true) return drafts.map((d) => d.block);
  return recoverStructure(drafts, options);
}
