/**
 * Blocks → sections. One algorithm for every format: explicit headings (Markdown, HTML, DOCX,
 * PDF font size), guessed headings (plain text) and Chinese policy numbering all push onto one
 * heading stack; the text between two headings is a section.
 *
 * Levels (a heading closes every open heading at its level or deeper):
 * - Explicit headings keep their depth (1–6), numbered or not: a `# 第一章 总则` is at 1, so an
 *   unnumbered `## 退货条件` below it nests under the chapter.
 * - A numbering style takes the level of the last explicit heading written in it, so that the
 *   unstyled `第二章 …` or `二、…` paragraph after a styled `第一章`/`一、` heading is its sibling.
 * - Legal numbering never styled as a heading sits at fixed levels below every explicit heading
 *   (编 11 > 章 12 > 节 13 > 条 14); other numbering styles (一、 （一） 1. 1.1 （1）) get a level the
 *   first time they appear, one below the heading they appear under, so that a document may nest
 *   them in any order.
 * - The legal hierarchy holds whatever the depths say: a 节 or 条 never closes the 编, 章 or 节 it
 *   belongs to (it is placed just below it), so chapter → section → article paths stay whole.
 * Inside a 第X条 article, other numbering and guessed headings are the article's own items, not
 * headings.
 */
import { createHash } from 'node:crypto';
import { collapseWhitespace } from '../text/normalize.js';
import type { Block, Section, SectionLocation } from './document.js';
import { endsSentence } from './lines.js';
import { isArticleTitle, isLegal, matchNumbering, type NumberingMatch, type NumberingStyle } from './numbering.js';
import type { ParsedBlock, SourceLocation } from './parsed.js';
import { partHeadingPath, splitBlocks } from './split.js';

const LEGAL_LEVEL: Partial<Record<NumberingStyle, number>> = { part: 11, chapter: 12, section: 13, article: 14 };
/** Rank in the legal hierarchy: a heading of a higher rank belongs to the nearest open one of a lower rank. */
const LEGAL_RANK: Partial<Record<NumberingStyle, number>> = { part: 0, chapter: 1, section: 2, article: 3 };
/** How far below its legal parent a 节/条 is placed when its own depth would close that parent. */
const BELOW_PARENT = 0.5;

/** A table of contents heading is not part of any section's heading path. */
const TOC = /^(目\s*录|目\s*次|contents|table of contents)$/iu;

/** Non-legal numbered lines are headings only when short and not a sentence. */
const MAX_NUMBERED_HEADING = 40;

/**
 * A numbered line that reads as a statement, not a label: it ends like a sentence, holds a
 * Chinese clause break (自收到商品之日起7日内可退货，15日内可换货), or is `label：value`
 * (补开发票期限：订单收货后一个月以内). A label ending in a colon (发票抬头：) introduces a list;
 * a question (1. 退货后，运费谁出？) is no statement.
 */
function isNumberedStatement(rest: string): boolean {
  if (/[?？]$/u.test(rest)) return false;
  return /[。；;，,.]$/u.test(rest) || /[，。；]/u.test(rest) || /：\s*\S/u.test(rest);
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** The number a label counts: `3.` 3, `（十二）` 12, `1.2` 2 (its last part). */
function labelNumber(label: string): number | undefined {
  const arabic = /(\d+)\D*$/u.exec(label);
  if (arabic) return Number(arabic[1]);
  const cn = /[零〇一二两三四五六七八九十]+/u.exec(label)?.[0];
  if (cn === undefined) return undefined;
  const ten = cn.indexOf('十');
  if (ten < 0) return CN_DIGITS[cn] ?? undefined;
  const tens = ten === 0 ? 1 : (CN_DIGITS[cn.slice(0, ten)] ?? 1);
  return tens * 10 + (CN_DIGITS[cn.slice(ten + 1)] ?? 0);
}

/** Numbered lines one after another from this many on are a list, its last line included. */
const MIN_LIST_RUN = 3;

/**
 * Indices of numbered paragraphs that are list items, not headings (from each block's numbering,
 * undefined for other blocks). A line followed at once by the next line of its numbering, or ending
 * the document, has no text of its own to head (`（2）您可填写：个人…` before `（3）…`). And a run of one numbering style
 * counting up (1. 2. 3. …, restarted by another 1.) that is mostly statements is a list: its short
 * lines are items too (`1. 发票抬头：` among `2. 如果您在收到货物时请检查发票…。`), while
 * `1.三文鱼专场 … 2.冰岛海鲜` stay headings. Three or more numbered lines in a row are a list, its last
 * line too (a product manual's 1. 出风口 … 9. 灰尘传感器 before a figure caption); a bulleted list
 * between two of them is a note nested under the step before it (a Word list: 1. 申请售后 / • 注意：保留包装
 * / 2. 寄回商品 / 3. 等待退款), unless every line of the run has one after it (1. 退货条件 / • … / 2. 退款 / • …:
 * headings over their lists).
 */
function listItemParagraphs(paragraphNumbering: readonly (NumberingMatch | undefined)[], bullets: ReadonlySet<number> = new Set()): Set<number> {
  const items = new Set<number>();
  const numbering = paragraphNumbering.map((numbered) => (numbered === undefined || isLegal(numbered.style) ? undefined : numbered));
  type Run = { last: number; members: number[]; statements: number };
  const runs = new Map<NumberingStyle, Run>();
  const finish = (run: Run | undefined): void => {
    if (run === undefined) return;
    if (run.statements * 2 > run.members.length) for (const i of run.members) items.add(i);
    // the last line of a list written line after line (1. 出风口 2. 控制面板 … 9. 灰尘传感器) is an item like
    // the others, also when a caption or a paragraph follows it; bulleted notes between the lines are
    // nested under them, when some line has none
    const gaps = run.members.slice(1).map((m, k) => {
      const previous = run.members[k] ?? -2;
      for (let j = previous + 1; j < m; j++) if (!bullets.has(j)) return 'text';
      return m === previous + 1 ? 'none' : 'bullets';
    });
    const adjacent = gaps.every((g) => g === 'none') || (gaps.every((g) => g !== 'text') && gaps.includes('none'));
    if (run.members.length >= MIN_LIST_RUN && adjacent) for (const i of run.members) items.add(i);
  };
  numbering.forEach((numbered, i) => {
    if (numbered === undefined) return;
    if (numbering[i + 1]?.style === numbered.style) items.add(i);
    // nor does the document's last block: as a heading its words were lost (…2. 换货 at the end)
    if (i === numbering.length - 1) items.add(i);
    const n = labelNumber(numbered.label);
    const run = runs.get(numbered.style);
    const statement = isNumberedStatement(numbered.rest) ? 1 : 0;
    if (run !== undefined && n !== undefined && n === run.last + 1) {
      run.last = n;
      run.members.push(i);
      run.statements += statement;
      return;
    }
    finish(run);
    runs.set(numbered.style, { last: n ?? 0, members: [i], statements: statement });
  });
  for (const run of runs.values()) finish(run);
  return items;
}

interface StackEntry {
  level: number;
  text: string;
  style?: NumberingStyle;
  question?: boolean;
  location: SourceLocation;
  /** Some section with text has this heading in its path (its own, or one below it). */
  used?: boolean;
}

interface OpenSection {
  headingPath: string[];
  /** The heading whose own text it is (undefined: the text before the first heading). */
  owner: StackEntry | undefined;
  /** Its last heading is a question of the document's FAQ structure. */
  question?: boolean;
  location: SourceLocation;
  blocks: Block[];
}

export interface SectionizeOptions {
  /** Display path of the document, part of each section id. */
  path: string;
  /** Turns display text into match text (normalization and simplification). */
  toMatchText: (text: string) => string;
  /** The document's title, if it states one: a heading over nothing that is the title is not kept as text. */
  title?: string | undefined;
  /** Told of each section split into parts for its length (split.ts): its heading path, characters, parts, place. */
  onSplit?: (split: SplitSection) => void;
}

export interface SplitSection {
  headingPath: string[];
  chars: number;
  parts: number;
  location: SectionLocation;
}

const key = (text: string): string => collapseWhitespace(text).toLowerCase();

/** Whether a heading's words say something on their own: a sentence, a figure, or more than a label's length. */
function saysSomething(text: string): boolean {
  const t = text.trim();
  return endsSentence(t) || /\d/u.test(t) || [...t].length > 12;
}

export function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'code':
      return block.text;
    case 'list':
      // the steps of an ordered list keep their numbers in the text a bot answers with (1. 申请售后 2. 寄回商品)
      if (!block.ordered) return block.items.join('\n');
      return block.items.map((item, i) => (matchNumbering(item) === undefined ? `${(block.start ?? 1) + i}. ${item}` : item)).join('\n');
    case 'table':
      return block.rows.map((row) => row.join(' | ')).join('\n');
  }
}

function sectionId(path: string, headingPath: readonly string[], occurrence: number): string {
  return createHash('sha256')
    .update(`${path}\u0000${headingPath.join('\u0001')}\u0000${occurrence}`)
    .digest('hex')
    .slice(0, 16);
}

function toLocation(location: SourceLocation): SectionLocation {
  const out: SectionLocation = {};
  if (location.page !== undefined) out.page = location.page;
  if (location.line !== undefined) out.line = location.line;
  if (location.sheet !== undefined) out.sheet = location.sheet;
  return out;
}

export function sectionize(blocks: readonly ParsedBlock[], options: SectionizeOptions): Section[] {
  const stack: StackEntry[] = [];
  /** Level of each numbering style met so far: set by an explicit heading in it, or on first use. */
  const styleLevels = new Map<NumberingStyle, number>();
  const occurrences = new Map<string, number>();
  const title = options.title === undefined ? undefined : key(options.title);
  let open: OpenSection | undefined;

  const inArticle = (): boolean => stack.some((e) => e.style === 'article');

  /** Sections with text, in reading order; ids and match text are given at the end. */
  const drafts: OpenSection[] = [];
  let headings = 0;
  /** After a table of contents heading, until some text: its entries head nothing and are skipped. */
  let inToc = false;

  const startToc = (): void => {
    close();
    inToc = true;
  };

  const close = (): void => {
    if (open === undefined) return;
    if (open.blocks.some((b) => blockText(b).trim() !== '')) {
      drafts.push(open);
      for (const entry of stack) entry.used = true;
      inToc = false;
    }
    open = undefined;
  };

  /**
   * A heading leaves the stack. One that heads no text (`2. 配件齐全` before the next heading, a
   * title over nothing) gives its words to the section above it, as a paragraph at its place: the
   * section of its parent if that was the last one written, else a new one with its parent's path
   * — when its words say something (saysSomething): a bare label over nothing (`### 发票` under
   * `## 常见问题`) would be a section whose whole text is 发票, an entry answering 发票 with 发票.
   * The entries of a table of contents are dropped.
   */
  const pop = (): void => {
    const entry = stack.pop();
    if (entry === undefined || entry.used === true || inToc) return;
    // a heading whose words the document's title or the path above already hold (a Word `Title`
    // over the first chapter, a breadcrumb under the page title that repeats it, `第三编 合同` under
    // `《民法典》 第三编 合同`) loses nothing
    const words = key(entry.text);
    if (words === title || stack.some((e) => key(e.text).includes(words))) return;
    const paragraph: Block = { kind: 'paragraph', text: entry.text };
    const path = stack.map((e) => e.text);
    const parent = stack[stack.length - 1];
    const last = drafts[drafts.length - 1];
    if (last !== undefined && last.owner === parent) {
      last.blocks.push(paragraph);
    } else if (saysSomething(entry.text)) {
      const section: OpenSection = { headingPath: path, owner: parent, location: entry.location, blocks: [paragraph] };
      if (parent?.question === true) section.question = true;
      drafts.push(section);
    }
    for (const e of stack) e.used = true;
  };

  const pushHeading = (level: number, text: string, location: SourceLocation, style?: NumberingStyle, question?: boolean): void => {
    close();
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) pop();
    const entry: StackEntry = { level, text, location };
    // the heading the document opens with is its title line, not text, even over nothing (a
    // centred title over the first chapter of a Word document)
    if (headings++ === 0 && drafts.length === 0) entry.used = true;
    if (style !== undefined) entry.style = style;
    if (question === true) entry.question = true;
    stack.push(entry);
    open = { headingPath: stack.map((e) => e.text), owner: entry, location, blocks: [] };
    if (question === true) open.question = true;
  };

  const addBlock = (block: Block, location: SourceLocation): void => {
    if (open === undefined) {
      const owner = stack[stack.length - 1];
      open = { headingPath: stack.map((e) => e.text), owner, location, blocks: [] };
      if (owner?.question === true) open.question = true;
    }
    open.blocks.push(block);
  };

  // each paragraph's numbering, matched once: the list runs read it, and so does the loop below
  const paragraphNumbering = blocks.map((block) => (block.kind === 'paragraph' ? matchNumbering(block.text) : undefined));
  const bullets = new Set(blocks.flatMap((block, i) => (block.kind === 'list' && !block.ordered ? [i] : [])));
  const listItems = listItemParagraphs(paragraphNumbering, bullets);
  for (const [index, block] of blocks.entries()) {
    if (block.kind === 'heading') {
      const text = collapseWhitespace(block.text);
      if (text === '') continue;
      if (TOC.test(text)) {
        startToc();
        continue;
      }
      const depth = Math.min(Math.max(block.depth, 1), 6);
      const numbered = matchNumbering(text);
      if (numbered !== undefined && block.guessed !== true) styleLevels.set(numbered.style, depth);
      if (numbered !== undefined && isLegal(numbered.style)) {
        // a heading the writer styled (`## 第一条 保修期限`) keeps its title; a guessed one's words are the article's first sentence
        const titled = block.guessed !== true && numbered.rest.length <= MAX_NUMBERED_HEADING && !isNumberedStatement(numbered.rest);
        handleLegal(numbered.style, numbered.label, numbered.rest, block.location, titled);
        continue;
      }
      if (block.guessed === true && inArticle()) {
        addBlock({ kind: 'paragraph', text }, block.location);
        continue;
      }
      pushHeading(depth, text, block.location, numbered?.style, block.question);
      continue;
    }
    if (block.kind === 'paragraph') {
      const text = block.text.trim();
      if (TOC.test(collapseWhitespace(text))) {
        startToc();
        continue;
      }
      const numbered = paragraphNumbering[index];
      if (numbered !== undefined && isLegal(numbered.style)) {
        // `第一条 保修期限` on a line of its own over the article's text: a title (a law's `第五十条 本法自公布之日起施行` ends the file, or is followed by the next article)
        const nextStyle = paragraphNumbering[index + 1]?.style;
        const body = blocks[index + 1]?.kind === 'paragraph' && (nextStyle === undefined || !isLegal(nextStyle));
        const titled = numbered.style === 'article' && body && !text.includes('\n') && isArticleTitle(numbered.rest);
        handleLegal(numbered.style, numbered.label, numbered.rest, block.location, titled);
        continue;
      }
      if (
        numbered !== undefined &&
        !inArticle() &&
        !listItems.has(index) &&
        numbered.rest.length <= MAX_NUMBERED_HEADING &&
        !isNumberedStatement(numbered.rest)
      ) {
        const style = numbered.style;
        const level = styleLevels.get(style) ?? Math.max(7, (stack[stack.length - 1]?.level ?? 6) + 1);
        if (!closedAtOnce(index, level)) {
          styleLevels.set(style, level);
          pushHeading(level, collapseWhitespace(text), block.location, style);
          continue;
        }
      }
      if (text !== '') addBlock({ kind: 'paragraph', text }, block.location);
      continue;
    }
    addBlock(stripLocation(block), block.location);
  }
  close();
  while (stack.length > 0) pop();
  return drafts.flatMap((draft) => {
    const parts = splitBlocks(draft.blocks, blockText);
    if (parts.length === 1) return [toSection(draft, draft.headingPath, draft.blocks)];
    // a section too long to be one answer: its parts, each with the marker ` (part N)` (split.ts)
    const chars = draft.blocks.map(blockText).filter((t) => t.trim() !== '').join('\n').length;
    options.onSplit?.({ headingPath: draft.headingPath, chars, parts: parts.length, location: toLocation(draft.location) });
    return parts.map((blocks, i) => toSection(draft, partHeadingPath(draft.headingPath, i + 1), blocks));
  });

  function toSection(draft: OpenSection, headingPath: string[], blocks: Block[]): Section {
    const text = blocks.map(blockText).filter((t) => t.trim() !== '').join('\n');
    const key = headingPath.join('\u0001');
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    const section: Section = {
      id: sectionId(options.path, headingPath, occurrence),
      headingPath,
      text,
      matchText: options.toMatchText(text),
      location: toLocation(draft.location),
    };
    if (blocks.some((b) => b.kind !== 'paragraph')) section.blocks = blocks;
    if (draft.question === true) section.question = true;
    return section;
  }

  /**
   * Whether the block after `index` would close a heading at `level` at once: an explicit heading
   * or a numbered heading of another style at that level or above (`2. 配件齐全` before `## 运费说明`
   * or `二、运费`). Such a numbered line heads no text: it is an item of the list before it.
   */
  function closedAtOnce(index: number, level: number): boolean {
    const next = blocks[index + 1];
    if (next === undefined) return false;
    if (next.kind === 'heading') {
      const text = collapseWhitespace(next.text);
      if (text === '' || TOC.test(text) || (next.guessed === true && inArticle())) return false;
      const style = matchNumbering(text)?.style;
      const nextLevel = style !== undefined && isLegal(style) ? (styleLevels.get(style) ?? LEGAL_LEVEL[style] ?? 14) : Math.min(Math.max(next.depth, 1), 6);
      return nextLevel <= level;
    }
    const numbered = paragraphNumbering[index + 1];
    if (next.kind !== 'paragraph' || numbered === undefined) return false;
    // a numbered statement or item after it is its text
    if (!isLegal(numbered.style) && (listItems.has(index + 1) || numbered.rest.length > MAX_NUMBERED_HEADING || isNumberedStatement(numbered.rest))) return false;
    const nextLevel = styleLevels.get(numbered.style) ?? (isLegal(numbered.style) ? LEGAL_LEVEL[numbered.style] : undefined);
    return nextLevel !== undefined && nextLevel <= level;
  }

  function handleLegal(style: NumberingStyle, label: string, rest: string, location: SourceLocation, titled = false): void {
    const level = belowLegalParent(style, styleLevels.get(style) ?? LEGAL_LEVEL[style] ?? 14);
    if (style === 'article' && !titled) {
      pushHeading(level, label, location, style);
      if (rest !== '') addBlock({ kind: 'paragraph', text: rest }, location);
    } else {
      pushHeading(level, rest === '' ? label : `${label} ${collapseWhitespace(rest)}`, location, style);
    }
  }

  /** `level`, or just below the open 编/章/节 this legal heading belongs to when `level` would close it. */
  function belowLegalParent(style: NumberingStyle, level: number): number {
    const rank = LEGAL_RANK[style] ?? 3;
    for (let i = stack.length - 1; i >= 0; i--) {
      const entry = stack[i];
      const entryRank = entry?.style === undefined ? undefined : LEGAL_RANK[entry.style];
      if (entry === undefined || entryRank === undefined || entryRank >= rank) continue;
      return entry.level >= level ? entry.level + BELOW_PARENT : level;
    }
    return level;
  }
}

function stripLocation(block: Exclude<ParsedBlock, { kind: 'heading' }>): Block {
  switch (block.kind) {
    case 'paragraph':
      return { kind: 'paragraph', text: block.text };
    case 'code':
      return { kind: 'code', text: block.text };
    case 'list':
      return block.start === undefined ? { kind: 'list', ordered: block.ordered, items: block.items } : { kind: 'list', ordered: block.ordered, items: block.items, start: block.start };
    case 'table':
      return { kind: 'table', rows: block.rows };
  }
}
