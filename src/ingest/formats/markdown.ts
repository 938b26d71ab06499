/**
 * Markdown (CommonMark + GFM tables): remark-parse → mdast → blocks. YAML front matter at the top
 * (`---` … `---`) is metadata, not text; its `title:` names the document. Otherwise the title is the
 * first depth-1 heading, or the first heading.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { ok, warning, type Problem, type Result } from '../../core/problems.js';
import type { ParseOptions, ParsedDoc } from '../parsed.js';
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

export function parseMarkdown(text: string, options: ParseOptions): Result<ParsedDoc> {
  const { meta, body, warnings } = splitFrontMatter(text, options.file);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(spaceHeadings(body));
  const blocks = mdastToBlocks(tree);
  const doc: ParsedDoc = { blocks, warnings };
  const stated = meta['title'] ?? meta['Title'] ?? meta['标题'];
  const title = stated !== undefined && stated !== '' ? stated : firstHeading(tree);
  if (title !== undefined) doc.title = title;
  if (Object.keys(meta).length > 0) doc.meta = meta;
  return ok(doc);
}
