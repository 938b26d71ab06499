/**
 * Markdown (CommonMark + GFM tables): remark-parse → mdast → blocks. YAML front matter at the top
 * (`---` … `---`) is metadata, not text; its `title:` names the document. Otherwise the title is the
 * first depth-1 heading, or the first heading.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { ok, warning, type Problem, type Result } from '../../core/problems.js';
import type { ParseOptions, ParsedDoc } from '../parsed.js';
import { htmlToMdast, markQuestions } from './html.js';
import { firstHeading, mdastToBlocks } from './mdast-blocks.js';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;

export interface FrontMatter {
  meta: Record<string, string>;
  /** The text with the front matter replaced by as many blank lines, so line numbers still hold. */
  body: string;
  warnings: Problem[];
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) return value.join(', ');
  return undefined;
}

export function splitFrontMatter(text: string, file: string): FrontMatter {
  const m = FRONT_MATTER.exec(text);
  if (m === null) return { meta: {}, body: text, warnings: [] };
  const raw = m[0];
  const body = '\n'.repeat(raw.split('\n').length - 1) + text.slice(raw.length);
  const meta: Record<string, string> = {};
  const warnings: Problem[] = [];
  try {
    const data: unknown = parseYaml(m[1] ?? '');
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
        const s = scalar(value);
        if (s !== undefined) meta[key] = s;
      }
    }
  } catch (error) {
    warnings.push(
      warning('unreadable', `has front matter that is not valid YAML (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); fix it or its title and metadata are ignored`, {
        file,
        location: { line: 1 },
      }),
    );
  }
  return { meta, body, warnings };
}

/** CJK text a heading may start with: ideographs, kana, hangul, CJK and full-width punctuation (【退货流程】). */
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
/** Policy numbering before CJK text: `1. 运费说明`, `2、退货`, `1.1退款时间` (`#1 畅销款` is no heading: no mark after the number). */
const NUMBERED_CJK = /^\d+(?:\.\d+)*[.、．]\s*[\p{Script=Han}]/u;
/** A Weibo-style topic `#爆款推荐#` with text after it is a hashtag, not a heading. */
const HASHTAG = /^[^#\s]+#(?!#*\s*$)/u;
/** Longest Latin line after `##`…`######` taken for a heading (`##Shipping`). */
const MAX_LATIN_HEADING = 60;

/**
 * Whether the text after the `#`s of a line with no space after them (`##售后问题`) is plainly a
 * heading: CJK text or numbered CJK text after any number of `#`; after two or more, also a short
 * line of letters that does not end like a sentence (`##Shipping`). `#1`, `#hashtag`,
 * `#Bestseller of the week.` and Weibo topics (`#爆款推荐#本周热卖`) stay text.
 */
function isUnspacedHeading(hashes: number, rest: string): boolean {
  // a line of tags (#退货 #换货 #售后) is no heading either
  if (HASHTAG.test(rest) || /\s#[^\s#]/u.test(rest)) return false;
  if (CJK_START.test(rest) || NUMBERED_CJK.test(rest)) return true;
  return hashes >= 2 && /^\p{L}/u.test(rest) && rest.length <= MAX_LATIN_HEADING && !/[.!?。！？,，;；:：]$/u.test(rest.trim());
}

/**
 * CommonMark needs a space after a heading's `#`s, but Chinese editors often write none
 * (`##售后问题`, `###安装服务`): such a line, outside fenced code, gets its space (and one before
 * closing `#`s: `##售后问题##`), so it is a heading, not text glued to the section above. Only
 * spaces are inserted, so line numbers hold.
 */
export function spaceHeadings(body: string): string {
  let fence: string | undefined;
  return body
    .split('\n')
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/u.exec(line)?.[1];
      if (fence !== undefined) {
        if (marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && /^ {0,3}[`~]+\s*$/u.test(line)) fence = undefined;
        return line;
      }
      if (marker !== undefined) {
        fence = marker;
        return line;
      }
      const m = /^( {0,3})(#{1,6})([^\s#].*)$/u.exec(line);
      if (m === null || !isUnspacedHeading((m[2] as string).length, m[3] as string)) return line;
      return `${m[1]}${m[2]} ${(m[3] as string).replace(/([^\s#])(#+\s*)$/u, '$1 $2')}`;
    })
    .join('\n');
}

/** Elements that never hold content, so an opening tag of one needs no closing tag. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** How many elements a piece of HTML opens and leaves open (comments left out). */
function openElements(html: string): number {
  let open = 0;
  for (const m of html.replace(/<!--[\s\S]*?(?:-->|$)/gu, '').matchAll(/<(\/?)([A-Za-z][\w:-]*)\b[^>]*?(\/?)>/gu)) {
    if (VOID_ELEMENTS.has((m[2] ?? '').toLowerCase()) || m[3] === '/') continue;
    open += m[1] === '/' ? -1 : 1;
  }
  return open;
}

/** Stands for the Markdown between two HTML blocks while their HTML is read (private-use characters). */
const MARK = /\uE000(\d+)\uE001/u;

function shiftLines(node: Nodes, by: number): void {
  if (node.position !== undefined) {
    node.position.start.line += by;
    node.position.end.line += by;
  }
  if ('children' in node) for (const child of node.children) shiftLines(child, by);
}

/** Put the Markdown nodes back where their marks stand in the HTML read: a paragraph of a mark becomes them, a mark in text their text. */
function restoreMarkdown(parent: Parent, markdown: readonly RootContent[][]): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    const whole = child.type === 'paragraph' ? new RegExp(`^\\s*${MARK.source}\\s*$`, 'u').exec(toString(child)) : null;
    if (whole !== null) {
      out.push(...(markdown[Number(whole[1])] ?? []));
      continue;
    }
    if (child.type === 'text' && MARK.test(child.value)) {
      child.value = child.value.replace(new RegExp(MARK.source, 'gu'), (_, n: string) => (markdown[Number(n)] ?? []).map((m) => toString(m)).join(' '));
    } else if ('children' in child) {
      restoreMarkdown(child, markdown);
    }
    out.push(child);
  }
  parent.children = out as typeof parent.children;
}

/**
 * Raw HTML blocks in Markdown (`<div>…</div>`, `<table>…</table>`, `<details><summary>…`) are read
 * by the HTML reader (`htmlToMdast`), so their text is kept and a `<details>` is a question over its
 * answer, as in an HTML page. An element opened in one HTML block and closed in a later one takes
 * the Markdown between them inside it (`<details>`, a blank line, the answer in Markdown,
 * `</details>`); one never closed is read alone. Questions the HTML's FAQ markup makes go to
 * `questions`; with no heading of its own, the HTML's headings nest under the Markdown heading above.
 */
export function readHtmlBlocks(parent: Parent, questions: string[], depth = { last: 0 }): void {
  const children = parent.children as RootContent[];
  const out: RootContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const node = children[i] as RootContent;
    if (node.type === 'heading') depth.last = node.depth;
    if (node.type !== 'html') {
      if (node.type !== 'paragraph' && node.type !== 'heading' && 'children' in node) readHtmlBlocks(node, questions, depth);
      out.push(node);
      continue;
    }
    // the run of nodes up to the HTML block that closes what this one opens
    let end = i;
    for (let open = openElements(node.value), j = i + 1; open > 0 && j < children.length; j++) {
      const next = children[j] as RootContent;
      if (next.type !== 'html') continue;
      open += openElements(next.value);
      if (open <= 0) end = j;
    }
    const run = children.slice(i, end + 1);
    const first = node.position?.start.line ?? 1;
    const markdown: RootContent[][] = [];
    let html = '';
    for (const part of run) {
      // blank lines keep each part on its own line of the Markdown, so the HTML read has the file's line numbers
      const line = part.position?.start.line;
      const lines = html.split('\n').length;
      if (line !== undefined && line - first + 1 > lines) html += '\n'.repeat(line - first + 1 - lines);
      if (part.type === 'html') html += part.value;
      else {
        readHtmlBlocks({ type: 'root', children: [part] }, questions, depth);
        html += `<div>\uE000${markdown.length}\uE001</div>`;
        markdown.push([part]);
      }
    }
    const read = htmlToMdast(html, { inContent: true });
    shiftLines(read.tree, first - 1);
    if (!/<h[1-6][\s>]/iu.test(html)) raiseHeadings(read.tree, depth.last);
    restoreMarkdown(read.tree, markdown);
    questions.push(...read.questions);
    out.push(...read.tree.children);
    i = end;
  }
  parent.children = out as typeof parent.children;
}

/** Headings the HTML's FAQ markup made, nested one below the Markdown heading `above`. */
function raiseHeadings(tree: Root, above: number): void {
  const walk = (node: Nodes): void => {
    if (node.type === 'heading') node.depth = Math.min(6, above + node.depth) as typeof node.depth;
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
}

export function parseMarkdown(text: string, options: ParseOptions): Result<ParsedDoc> {
  const { meta, body, warnings } = splitFrontMatter(text, options.file);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(spaceHeadings(body));
  const questions: string[] = [];
  readHtmlBlocks(tree, questions);
  const blocks = mdastToBlocks(tree, { boldHeadings: true, images: true });
  markQuestions(blocks, questions);
  const doc: ParsedDoc = { blocks, warnings };
  const stated = meta['title'] ?? meta['Title'] ?? meta['标题'];
  const title = stated !== undefined && stated !== '' ? stated : firstHeading(tree);
  if (title !== undefined) doc.title = title;
  if (Object.keys(meta).length > 0) doc.meta = meta;
  return ok(doc);
}
