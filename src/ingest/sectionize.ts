/**
 * Blocks → sections. One algorithm for every format: explicit headings (Markdown, HTML, DOCX,
 * PDF font size), guessed headings (plain text) and Chinese policy numbering all push onto one
 * heading stack; the text between two headings is a section.
 *
 * Levels: explicit headings keep their depth (1–6). The legal hierarchy is fixed below them
 * (编 11 > 章 12 > 节 13 > 条 14). Other numbering styles (一、 （一） 1. 1.1 （1）) get a level the
 * first time they appear, one below the heading they appear under, so that a document may nest
 * them in any order. Inside a 第X条 article, other numbering and guessed headings are the
 * article's own items, not headings.
 */
import { createHash } from 'node:crypto';
import { collapseWhitespace } from '../text/normalize.js';
import type { Block, Section, SectionLocation } from './document.js';
import { isLegal, matchNumbering, type NumberingStyle } from './numbering.js';
import type { ParsedBlock, SourceLocation } from './parsed.js';

const LEGAL_LEVEL: Partial<Record<NumberingStyle, number>> = { part: 11, chapter: 12, section: 13, article: 14 };

/** A table of contents heading is not part of any section's heading path. */
const TOC = /^(目\s*录|目\s*次|contents|table of contents)$/iu;

/** Non-legal numbered lines are headings only when short and not a sentence. */
const MAX_NUMBERED_HEADING = 40;

interface StackEntry {
  level: number;
  text: string;
  style?: NumberingStyle;
}

interface OpenSection {
  headingPath: string[];
  location: SourceLocation;
  blocks: Block[];
}

export interface SectionizeOptions {
  /** Display path of the document, part of each section id. */
  path: string;
  /** Turns display text into match text (normalization and simplification). */
  toMatchText: (text: string) => string;
}

export function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'code':
      return block.text;
    case 'list':
      return block.items.join('\n');
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
  return out;
}

export function sectionize(blocks: readonly ParsedBlock[], options: SectionizeOptions): Section[] {
  const stack: StackEntry[] = [];
  const dynamicLevels = new Map<NumberingStyle, number>();
  const sections: Section[] = [];
  const occurrences = new Map<string, number>();
  let open: OpenSection | undefined;

  const inArticle = (): boolean => stack.some((e) => e.style === 'article');

  const close = (): void => {
    if (open === undefined) return;
    const text = open.blocks.map(blockText).filter((t) => t.trim() !== '').join('\n');
    if (text.trim() !== '') {
      const key = open.headingPath.join('\u0001');
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      const section: Section = {
        id: sectionId(options.path, open.headingPath, occurrence),
        headingPath: open.headingPath,
        text,
        matchText: options.toMatchText(text),
        location: toLocation(open.location),
      };
      if (open.blocks.some((b) => b.kind !== 'paragraph')) section.blocks = open.blocks;
      sections.push(section);
    }
    open = undefined;
  };

  const pushHeading = (level: number, text: string, location: SourceLocation, style?: NumberingStyle): void => {
    close();
    while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
    const entry: StackEntry = { level, text };
    if (style !== undefined) entry.style = style;
    stack.push(entry);
    open = { headingPath: stack.map((e) => e.text), location, blocks: [] };
  };

  const addBlock = (block: Block, location: SourceLocation): void => {
    open ??= { headingPath: stack.map((e) => e.text), location, blocks: [] };
    open.blocks.push(block);
  };

  for (const block of blocks) {
    if (block.kind === 'heading') {
      const text = collapseWhitespace(block.text);
      if (text === '') continue;
      if (TOC.test(text)) continue;
      const numbered = matchNumbering(text);
      if (numbered !== undefined && isLegal(numbered.style)) {
        handleLegal(numbered.style, numbered.label, numbered.rest, block.location);
        continue;
      }
      if (block.guessed === true && inArticle()) {
        addBlock({ kind: 'paragraph', text }, block.location);
        continue;
      }
      pushHeading(Math.min(Math.max(block.depth, 1), 6), text, block.location);
      continue;
    }
    if (block.kind === 'paragraph') {
      const text = block.text.trim();
      if (TOC.test(collapseWhitespace(text))) continue;
      const numbered = matchNumbering(text);
      if (numbered !== undefined && isLegal(numbered.style)) {
        handleLegal(numbered.style, numbered.label, numbered.rest, block.location);
        continue;
      }
      if (
        numbered !== undefined &&
        !inArticle() &&
        numbered.rest.length <= MAX_NUMBERED_HEADING &&
        !/[。；;，,.]$/u.test(numbered.rest)
      ) {
        const style = numbered.style;
        let level = dynamicLevels.get(style);
        if (level === undefined) {
          level = Math.max(7, (stack[stack.length - 1]?.level ?? 6) + 1);
          dynamicLevels.set(style, level);
        }
        pushHeading(level, collapseWhitespace(text), block.location, style);
        continue;
      }
      if (text !== '') addBlock({ kind: 'paragraph', text }, block.location);
      continue;
    }
    addBlock(stripLocation(block), block.location);
  }
  close();
  return sections;

  function handleLegal(style: NumberingStyle, label: string, rest: string, location: SourceLocation): void {
    const level = LEGAL_LEVEL[style] ?? 14;
    if (style === 'article') {
      pushHeading(level, label, location, style);
      if (rest !== '') addBlock({ kind: 'paragraph', text: rest }, location);
    } else {
      pushHeading(level, rest === '' ? label : `${label} ${collapseWhitespace(rest)}`, location, style);
    }
  }
}

function stripLocation(block: Exclude<ParsedBlock, { kind: 'heading' }>): Block {
  switch (block.kind) {
    case 'paragraph':
      return { kind: 'paragraph', text: block.text };
    case 'code':
      return { kind: 'code', text: block.text };
    case 'list':
      return { kind: 'list', ordered: block.ordered, items: block.items };
    case 'table':
      return { kind: 'table', rows: block.rows };
  }
}
