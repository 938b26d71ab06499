/**
 * Splitting a section that is too long to be one answer (docs/ingest.md, "Long sections").
 *
 * A section of more than MAX_SECTION_CHARS characters (a text file without headings, one huge
 * paragraph) becomes parts of at most PART_CHARS characters, cut between blocks, then between
 * paragraphs' sentences, and only as a last resort inside a sentence. Parts are packed from the
 * start, so text appended at the end changes only the last part and adds new ones: the earlier
 * parts keep their text and their ids. Each part's last heading gets the marker ` (part N)`.
 */
import type { Block } from './document.js';

/**
 * Sections longer than this are split. The longest sections of the dev sets are 16,650 characters
 * (an article of JD's dispute rules listing every product category) and 17,991 (a doc2dial page's
 * Q&A list): policy sections stay whole.
 */
export const MAX_SECTION_CHARS = 20_000;
/** The size parts are packed to: about a long policy section (doc2dial's 90th percentile is 2,541). */
export const PART_CHARS = 2_000;

/** ` (part 3)` at the end of a heading (or the whole heading, for text before any heading): the marker a split section's parts carry. */
export const PART_MARKER = /(?:^|\s)\(part (\d+)\)$/u;

/** The heading path of part `n` (1-based): the last heading with ` (part n)`, or `(part n)` alone for text before any heading. */
export function partHeadingPath(headingPath: readonly string[], n: number): string[] {
  const last = headingPath[headingPath.length - 1];
  if (last === undefined) return [`(part ${n})`];
  return [...headingPath.slice(0, -1), `${last} (part ${n})`];
}

/** The blocks of each part, in order; one part (the blocks as they are) when the text is not over MAX_SECTION_CHARS. */
export function splitBlocks(blocks: readonly Block[], textOf: (block: Block) => string): Block[][] {
  const total = blocks.reduce((n, b) => n + textOf(b).length + 1, 0);
  if (total - 1 <= MAX_SECTION_CHARS) return [[...blocks]];
  const parts: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  for (const block of blocks) {
    for (const unit of unitsOf(block, textOf)) {
      const length = textOf(unit).length;
      if (current.length > 0 && size + 1 + length > PART_CHARS) {
        parts.push(current);
        current = [];
        size = 0;
      }
      current.push(unit);
      size += (size === 0 ? 0 : 1) + length;
    }
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

/** A block no longer than PART_CHARS, or its pieces: a list's items, a table's rows, a paragraph's sentences. */
function unitsOf(block: Block, textOf: (block: Block) => string): Block[] {
  if (textOf(block).length <= PART_CHARS) return [block];
  switch (block.kind) {
    case 'paragraph':
    case 'code':
      return pieces(block.text).map((text) => ({ kind: block.kind, text }));
    case 'list':
      return chunk(block.items, (items, before) => textOf(listPart(block, items, before)).length).map((items, i, all) =>
        listPart(block, items, all.slice(0, i).reduce((n, c) => n + c.length, 0)),
      );
    case 'table':
      return chunk(block.rows, (rows) => textOf({ kind: 'table', rows }).length).map((rows) => ({ kind: 'table', rows }));
  }
}

/** `items` of a list, the first being item `before` + 1 of it: an ordered list keeps counting (`start`). */
function listPart(list: Extract<Block, { kind: 'list' }>, items: string[], before: number): Block {
  const start = (list.start ?? 1) + before;
  return list.ordered && start !== 1 ? { kind: 'list', ordered: true, items, start } : { kind: 'list', ordered: list.ordered, items };
}

/** Consecutive runs of `items` whose measure stays within PART_CHARS (an item over it alone); `before`: the items of the runs before. */
function chunk<T>(items: readonly T[], measure: (run: T[], before: number) => number): T[][] {
  const out: T[][] = [];
  let run: T[] = [];
  let before = 0;
  for (const item of items) {
    if (run.length > 0 && measure([...run, item], before) > PART_CHARS) {
      before += run.length;
      out.push(run);
      run = [];
    }
    run.push(item);
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** After a sentence's end: Chinese full stops, ! ? ; (closing quotes with them), a Latin full stop before a space. */
const SENTENCE_END = /[。！？!?；;…]+[”’」』）)"']*\s*|\.[”’)"']*\s+/gu;

/** `text` cut into pieces of at most PART_CHARS, between sentences, or inside one only when it is longer than that. */
export function pieces(text: string): string[] {
  const sentences: string[] = [];
  let from = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    sentences.push(text.slice(from, end));
    from = end;
  }
  if (from < text.length) sentences.push(text.slice(from));
  const out: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current !== '' && current.length + sentence.length > PART_CHARS) {
      out.push(current.trim());
      current = '';
    }
    current += sentence;
    while (current.length > PART_CHARS) {
      out.push(current.slice(0, PART_CHARS).trim());
      current = current.slice(PART_CHARS);
    }
  }
  if (current.trim() !== '') out.push(current.trim());
  return out.filter((p) => p !== '');
}
