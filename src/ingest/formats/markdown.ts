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

export function parseMarkdown(text: string, options: ParseOptions): Result<ParsedDoc> {
  const { meta, body, warnings } = splitFrontMatter(text, options.file);
  const tree = unified().use(remarkParse).use(remarkGfm).parse(body);
  const blocks = mdastToBlocks(tree);
  const doc: ParsedDoc = { blocks, warnings };
  const stated = meta['title'] ?? meta['Title'] ?? meta['标题'];
  const title = stated !== undefined && stated !== '' ? stated : firstHeading(tree);
  if (title !== undefined) doc.title = title;
  if (Object.keys(meta).length > 0) doc.meta = meta;
  return ok(doc);
}
