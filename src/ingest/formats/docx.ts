/**
 * DOCX: the only module that imports mammoth. The container is checked first (zip-check.ts: a zip?
 * a Word document? a zip bomb?), then mammoth turns the document into HTML with a style map that
 * knows English and Chinese heading style names, and the HTML adapter does the rest (bold
 * paragraphs as headings, FAQ pairs, tables).
 *
 * Before mammoth reads the parts, word/document.xml is rewritten (docx-xml.ts): Word's automatic
 * list numbers (第一章, 第一条, 一、, 1.1), which mammoth drops, are written into the text, and
 * paragraphs with a direct outline level get a style the map turns into headings, and so do
 * headings made by direct formatting (bold, larger, centred: docx-look.ts), at a depth from their look. mammoth's
 * `transformDocument` then makes a paragraph set in the character style `Heading 1 Char` a heading
 * and puts each footnote/endnote right after the paragraph that refers to it.
 */
import mammoth from 'mammoth';
import { fail, problem, warning, type Problem, type ProblemCode, type Result } from '../../core/problems.js';
import type { ParseOptions, ParsedDoc } from '../parsed.js';
import { checkZipContainer, type ContainerKind } from '../zip-check.js';
import { LOOK_STYLE_ID, markLookHeadings } from './docx-look.js';
import { labelNumbering, OUTLINE_STYLE_ID, outlineStyleMap } from './docx-xml.js';
import { parseHtml } from './html.js';
import { tidyText } from './mdast-blocks.js';

/** The container check (src/ingest/zip-check.ts) for a Word document; docProps/core.xml is kept for the title. */
export const DOCX_CONTAINER: ContainerKind = {
  name: '.docx',
  mainPart: 'word/document.xml',
  mainPartMeans: 'a Word document',
  badCode: 'corrupt-docx',
  fix: 're-save it from Word as .docx',
  // a password-protected .docx is an OLE compound file, as is an old .doc renamed to .docx
  oleMessage: 'is password-protected, or an old Word .doc renamed to .docx; remove the password or re-save it from Word as .docx',
  encryptedFix: 'remove the password in Word and save it again as .docx',
  // small, highly repetitive XML parts are normal; raising the limit lets a genuine large part through
  ratioShareOfLimit: 1 / 20,
  keepPart: 'docProps/core.xml',
  keepAllParts: true,
};

/** The class the style map gives a paragraph in Word's Title style: the document's title. */
const TITLE_CLASS = 'kb-title';

const HEADING_STYLE_NAMES = (n: number): string[] => [`Heading ${n}`, `heading ${n}`, `标题 ${n}`, `标题${n}`, `標題 ${n}`, `標題${n}`];

/** Style names mapped to headings; mammoth's default map (Heading 1–6 and others) still applies after these. */
export const STYLE_MAP: readonly string[] = [
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => HEADING_STYLE_NAMES(n).map((name) => `p[style-name='${name}'] => h${n}:fresh`)),
  `p[style-name='Title'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='标题'] => h1.${TITLE_CLASS}:fresh`,
  `p[style-name='標題'] => h1.${TITLE_CLASS}:fresh`,
  // custom styles Chinese writers make: 一级标题 … 六级标题
  ...['一', '二', '三', '四', '五', '六'].map((n, i) => `p[style-name='${n}级标题'] => h${i + 1}:fresh`),
  // a paragraph with a direct outline level (docx-xml.ts gives it this style id)
  ...[1, 2, 3, 4, 5, 6].map((n) => `p.${OUTLINE_STYLE_ID}${n} => h${n}:fresh`),
  // a heading by its look alone: bold and/or larger, no style (docx-look.ts gives it this style id)
  ...[1, 2, 3, 4, 5, 6].map((n) => `p.${LOOK_STYLE_ID}${n} => h${n}:fresh`),
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='副标题'] => h2:fresh",
  "p[style-name='副標題'] => h2:fresh",
  // a table of contents repeats the headings: not content
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) => [`p[style-name='toc ${n}'] => !`, `p[style-name='TOC ${n}'] => !`, `p[style-name='目录 ${n}'] => !`, `p[style-name='目錄 ${n}'] => !`]),
  "p[style-name='TOC Heading'] => !",
  "p[style-name='TOC 标题'] => !",
];

/** An unmapped style whose name suggests a heading is worth a warning; other unmapped styles are body text. */
const HEADING_LIKE_STYLE = /heading|title|标题|標題|章|节|節/iu;

function coreTitle(xml: string | undefined): string | undefined {
  const m = xml === undefined ? null : /<dc:title>([^<]*)<\/dc:title>/u.exec(xml);
  const title = m?.[1]
    ?.replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&')
    .trim();
  // a title Word or a template left behind says nothing about the document
  if (title === undefined || title === '' || /^(?:Microsoft Word - .*|文档\s*\d*|文件\s*\d*|Document\s*\d*|新建.*文档.*|.*\.docx?)$/iu.test(title)) return undefined;
  return title;
}

/** Namespaces mammoth leaves in element names, written as Word's usual prefixes. */
const NAMESPACE_PREFIX: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://schemas.microsoft.com/office/word/2012/wordml': 'w15',
};

/** Elements worth naming in words when mammoth skips them. */
const SKIPPED_ELEMENT: Readonly<Record<string, string>> = {
  'm:oMath': 'an equation',
  'm:oMathPara': 'an equation',
  'w:altChunk': 'an embedded document (altChunk)',
  'w:object': 'an embedded object',
};

function elementName(name: string): string {
  const clark = /^\{([^}]*)\}(.+)$/u.exec(name);
  if (clark === null) return name;
  const prefix = NAMESPACE_PREFIX[clark[1] ?? ''];
  return prefix === undefined ? name : `${prefix}:${clark[2] ?? ''}`;
}

/**
 * mammoth's messages → warnings, deduplicated: `docx-content-skipped` for content it skipped or
 * could not read exactly, `docx-heading-style` for a heading-like paragraph style kb does not map.
 * Messages about other unmapped styles (body text either way) and images (never read) are noise.
 */
export function mammothWarnings(messages: readonly { type: string; message: string }[], file: string): Problem[] {
  const counts = new Map<string, { code: ProblemCode; n: number }>();
  const add = (code: ProblemCode, text: string): void => {
    const seen = counts.get(text);
    counts.set(text, { code, n: (seen?.n ?? 0) + 1 });
  };
  for (const { message } of messages) {
    const style = /^Unrecognised (paragraph|run) style: '(.*)' \(Style ID: (.*)\)$/u.exec(message);
    const ignored = /^An unrecognised element was ignored: (.+)$/u.exec(message);
    if (message.includes(`style with ID ${OUTLINE_STYLE_ID}`) || message.includes(`style with ID ${LOOK_STYLE_ID}`)) {
      // the style ids kb gave an outline-level paragraph (docx-xml.ts) or a heading by look (docx-look.ts)
    } else if (style !== null) {
      const [, kind, name = ''] = style;
      if (kind === 'paragraph' && HEADING_LIKE_STYLE.test(name)) {
        add(
          'docx-heading-style',
          `uses the paragraph style '${name}', which kb does not know as a heading, so its paragraphs are read as body text; if they are headings, apply Word's Heading 1–6 styles to them`,
        );
      }
    } else if (/image|imagedata|a:blip|v:/iu.test(message)) {
      // images are not read anyway
    } else if (ignored !== null) {
      const name = elementName(ignored[1] ?? '');
      const what = SKIPPED_ELEMENT[name] === undefined ? `a Word element kb does not read (${name})` : `${SKIPPED_ELEMENT[name]} (${name})`;
      add('docx-content-skipped', `has content kb skipped: ${what}; the rest of the document was read — if that content matters, write it as plain text`);
    } else {
      add('docx-content-skipped', `has content kb could not read exactly (${message}); the rest of the document was read`);
    }
  }
  return [...counts.entries()].map(([text, { code, n }]) => warning(code, n > 1 ? `${text} (${n} times)` : text, { file }));
}

/** The part of mammoth's document tree this adapter reads (mammoth's typings say `any`). */
interface WordNode {
  type: string;
  children?: WordNode[];
  styleId?: string | null;
  styleName?: string | null;
  value?: string;
  noteType?: string;
  noteId?: string;
  body?: WordNode[];
}
interface WordDocument extends WordNode {
  notes?: { resolve: (reference: WordNode) => WordNode | null };
}

/** Word's character style linked to a heading style: `Heading 1 Char`, `标题 1 字符`. */
const HEADING_CHAR = /^(?:heading|标题|標題)\s*([1-6])\s*(?:char|字符|字元)$/iu;

function textRuns(node: WordNode): WordNode[] {
  if (node.type === 'run') return (node.children ?? []).some((c) => c.type === 'text' && (c.value ?? '').trim() !== '') ? [node] : [];
  return (node.children ?? []).flatMap(textRuns);
}

function noteReferences(node: WordNode): WordNode[] {
  if (node.type === 'noteReference') return [node];
  const refs = (node.children ?? []).flatMap(noteReferences);
  if (node.children !== undefined) node.children = node.children.filter((c) => c.type !== 'noteReference');
  return refs;
}

/**
 * mammoth's `transformDocument`: a body paragraph whose text is all in a `Heading N Char` run style
 * becomes a `Heading N` paragraph; a footnote or endnote follows the paragraph that refers to it
 * (mammoth would list them all at the end, with `[1]` and `↑` links, in the last section).
 */
export function transformWordDocument(document: WordDocument): WordDocument {
  const resolve = document.notes?.resolve.bind(document.notes);
  const walk = (children: WordNode[]): WordNode[] =>
    children.flatMap((child) => {
      if (child.type !== 'paragraph') {
        if (child.children !== undefined) child.children = walk(child.children);
        return [child];
      }
      const runs = textRuns(child);
      const level = runs.length === 0 ? undefined : runs.map((r) => HEADING_CHAR.exec(r.styleName ?? '')?.[1]).reduce((a, b) => (a === b ? a : undefined));
      if (level !== undefined && (child.styleName === null || child.styleName === undefined || /^(?:normal|正文)$/iu.test(child.styleName))) {
        child.styleName = `Heading ${level}`;
      }
      const notes = noteReferences(child).flatMap((ref) => resolve?.(ref)?.body ?? []);
      return [child, ...walk(notes)];
    });
  if (document.children !== undefined) document.children = walk(document.children);
  return document;
}

/** An opened zip as mammoth reads one (its `{ file }` input, lib/unzip.js; the typings list only path/buffer/arrayBuffer). */
interface MammothZip {
  exists: (name: string) => boolean;
  read: (name: string, encoding?: string) => Promise<Uint8Array | string>;
}
type ConvertWithZip = (input: { file: MammothZip }, options: Parameters<typeof mammoth.convertToHtml>[1]) => Promise<{ value: string; messages: { type: string; message: string }[] }>;

function zipOf(parts: ReadonlyMap<string, Uint8Array>): MammothZip {
  return {
    exists: (name) => parts.has(name),
    read: (name, encoding) => {
      const data = parts.get(name);
      if (data === undefined) return Promise.reject(new Error(`the archive has no part ${name}`));
      if (encoding === 'base64') return Promise.resolve(Buffer.from(data).toString('base64'));
      return Promise.resolve(encoding === undefined ? data : new TextDecoder(encoding).decode(data));
    },
  };
}

/** The parts with word/document.xml rewritten (docx-xml.ts: list numbers, outline levels; docx-look.ts: headings by look), and the style-map lines for its outline-level styles. */
export function prepareParts(parts: ReadonlyMap<string, Uint8Array>): { parts: Map<string, Uint8Array>; styleMap: string[] } {
  const text = (name: string): string | undefined => {
    const data = parts.get(name);
    return data === undefined ? undefined : new TextDecoder('utf-8').decode(data);
  };
  const out = new Map(parts);
  const document = text('word/document.xml');
  const styles = text('word/styles.xml');
  if (document !== undefined) {
    const labelled = labelNumbering(document, text('word/numbering.xml'), styles).xml;
    out.set('word/document.xml', new TextEncoder().encode(markLookHeadings(labelled, styles).xml));
  }
  return { parts: out, styleMap: styles === undefined ? [] : outlineStyleMap(styles) };
}

export async function parseDocx(bytes: Uint8Array, options: ParseOptions): Promise<Result<ParsedDoc>> {
  const checked = await checkZipContainer(bytes, DOCX_CONTAINER, options);
  if (!checked.ok) return fail(checked.problem);

  let converted: { value: string; messages: { type: string; message: string }[] };
  try {
    const prepared = prepareParts(checked.parts ?? new Map<string, Uint8Array>());
    converted = await (mammoth.convertToHtml as unknown as ConvertWithZip)(
      { file: zipOf(prepared.parts) },
      {
        styleMap: [...STYLE_MAP, ...prepared.styleMap],
        transformDocument: transformWordDocument,
        // images are not text: skip encoding them as data URIs
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return fail(problem('corrupt-docx', `could not be read as a Word document (${message}); re-save it from Word as .docx`, { file: options.file }));
  }

  const parsed = parseHtml(converted.value, options);
  if (!parsed.ok) return parsed;
  const doc = parsed.value;
  // mammoth's HTML is one line: its line numbers say nothing about the document
  doc.blocks = doc.blocks.map((b) => ({ ...b, location: {} }));
  doc.warnings = [...doc.warnings, ...mammothWarnings(converted.messages, options.file)];
  // the title: a paragraph in Word's Title style, else the document properties' title, else the first heading
  const styled = new RegExp(`<h1 class="${TITLE_CLASS}">(.*?)</h1>`, 'u').exec(converted.value)?.[1];
  const styledTitle = styled === undefined ? undefined : tidyText(styled.replace(/<[^>]*>/gu, '').replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&quot;/gu, '"').replace(/&amp;/gu, '&'));
  const title = styledTitle === undefined || styledTitle === '' ? coreTitle(checked.kept) : styledTitle;
  if (title !== undefined) doc.title = title;
  return { ok: true, value: doc, warnings: parsed.warnings };
}
