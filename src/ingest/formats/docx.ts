/**
 * DOCX: the only module that imports mammoth. The container is checked first (zip-check.ts: a zip?
 * a Word document? a zip bomb?), then mammoth turns the document into HTML with a style map that
 * knows English and Chinese heading style names, and the HTML adapter does the rest (bold
 * paragraphs as headings, FAQ pairs, tables).
 */
import mammoth from 'mammoth';
import { fail, problem, warning, type Problem, type ProblemCode, type Result } from '../../core/problems.js';
import type { ParseOptions, ParsedDoc } from '../parsed.js';
import { checkZipContainer, type ContainerKind } from '../zip-check.js';
import { parseHtml } from './html.js';

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
};

const HEADING_STYLE_NAMES = (n: number): string[] => [`Heading ${n}`, `heading ${n}`, `标题 ${n}`, `标题${n}`, `標題 ${n}`, `標題${n}`];

/** Style names mapped to headings; mammoth's default map (Heading 1–6 and others) still applies after these. */
export const STYLE_MAP: readonly string[] = [
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => HEADING_STYLE_NAMES(n).map((name) => `p[style-name='${name}'] => h${n}:fresh`)),
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='標題'] => h1:fresh",
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
  return title === undefined || title === '' ? undefined : title;
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
    if (style !== null) {
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

export async function parseDocx(bytes: Uint8Array, options: ParseOptions): Promise<Result<ParsedDoc>> {
  const checked = await checkZipContainer(bytes, DOCX_CONTAINER, options);
  if (!checked.ok) return fail(checked.problem);

  let converted: { value: string; messages: { type: string; message: string }[] };
  try {
    converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: [...STYLE_MAP],
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
  if (doc.title === undefined) {
    const title = coreTitle(checked.kept);
    if (title !== undefined) doc.title = title;
  }
  return { ok: true, value: doc, warnings: parsed.warnings };
}
