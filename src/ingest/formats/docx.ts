/**
 * DOCX: the only module that imports mammoth. The container is checked first with yauzl (a zip?
 * a Word document? a zip bomb?), then mammoth turns the document into HTML with a style map that
 * knows English and Chinese heading style names, and the HTML adapter does the rest (bold
 * paragraphs as headings, FAQ pairs, tables).
 */
import mammoth from 'mammoth';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { fail, problem, warning, type Problem, type Result } from '../../core/problems.js';
import type { ParseOptions, ParsedDoc } from '../parsed.js';
import { parseHtml } from './html.js';

const MB = 1024 * 1024;
/** An entry that unpacks to more than this many times its packed size is a zip bomb … */
export const MAX_COMPRESSION_RATIO = 200;
/**
 * … once it unpacks to more than this share of the unpacked-size limit (small, highly repetitive XML
 * parts are normal; raising the limit lets a genuine large part through).
 */
const RATIO_CHECK_SHARE = 1 / 20;
const MAIN_PART = 'word/document.xml';
const CORE_PART = 'docProps/core.xml';

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

interface ZipCheck {
  ok: true;
  coreXml: string | undefined;
}

type ZipFailure = { ok: false; problem: Problem };

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error !== null || zip === undefined) reject(error ?? new Error('not a zip archive'));
      else resolve(zip);
    });
  });
}

function readEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Inflate one entry, counting bytes; stops (rejects) beyond `limit`. Keeps the bytes when `keep`. */
function inflateEntry(zip: ZipFile, entry: Entry, limit: number, keep: boolean): Promise<{ size: number; data?: Buffer }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error !== null) {
        reject(error);
        return;
      }
      let size = 0;
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) {
          stream.destroy(new RangeError('limit'));
          return;
        }
        if (keep) chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(keep ? { size, data: Buffer.concat(chunks) } : { size }));
    });
  });
}

function mb(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * Is this a .docx we can safely unpack? Checks the zip structure, the main document part, the
 * declared sizes and compression ratios, and then inflates every entry to check that the sizes
 * told are the sizes that come out (a zip may lie about them).
 */
export async function checkDocxContainer(bytes: Uint8Array, options: ParseOptions): Promise<ZipCheck | ZipFailure> {
  const file = options.file;
  const limit = options.maxUnzippedBytes;
  const bomb = (what: string): ZipFailure => ({
    ok: false,
    problem: problem('zip-bomb', `${what}; if the file is genuine, raise the limit with --max-unzipped-mb`, { file }),
  });
  const ratioFloor = Math.max(MB, limit * RATIO_CHECK_SHARE);
  const corrupt = (message: string): ZipFailure => ({ ok: false, problem: problem('corrupt-docx', message, { file }) });

  // A password-protected .docx is an OLE compound file, as is an old .doc renamed to .docx.
  if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return corrupt('is password-protected, or an old Word .doc renamed to .docx; remove the password or re-save it from Word as .docx');
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipFile;
  try {
    zip = await openZip(buffer);
  } catch {
    return corrupt('is not a valid .docx (not a zip archive); re-save it from Word as .docx');
  }
  try {
    let entries: Entry[];
    try {
      entries = await readEntries(zip);
    } catch (error) {
      return corrupt(`is not a valid .docx (a damaged zip archive: ${error instanceof Error ? error.message : String(error)}); re-save it from Word as .docx`);
    }
    if (!entries.some((e) => e.fileName === MAIN_PART)) {
      return corrupt(`is not a valid .docx (a zip archive without ${MAIN_PART}, so not a Word document); re-save it from Word as .docx`);
    }
    let declared = 0;
    for (const entry of entries) {
      declared += entry.uncompressedSize;
      if (declared > limit) return bomb(`unpacks to more than ${mb(declared)}, over the ${mb(limit)} limit for unpacked archives`);
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > ratioFloor && ratio > MAX_COMPRESSION_RATIO) {
        return bomb(
          `has a part (${entry.fileName}) that unpacks to ${mb(entry.uncompressedSize)}, ${Math.round(ratio)} times its packed size: ` +
            `a likely zip bomb (with a ${mb(limit)} limit, kb refuses parts over ${mb(ratioFloor)} packed more than ${MAX_COMPRESSION_RATIO}:1)`,
        );
      }
    }
    let inflated = 0;
    let coreXml: string | undefined;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) return corrupt('has encrypted parts; remove the password in Word and save it again as .docx');
      try {
        const keep = entry.fileName === CORE_PART && entry.uncompressedSize < 256 * 1024;
        const { size, data } = await inflateEntry(zip, entry, limit - inflated, keep);
        inflated += size;
        if (data !== undefined) coreXml = data.toString('utf8');
      } catch (error) {
        if (error instanceof RangeError || (error instanceof Error && /too many bytes/iu.test(error.message))) {
          return error instanceof RangeError
            ? bomb(`unpacks to more than the ${mb(limit)} limit for unpacked archives (at ${entry.fileName})`)
            : {
                ok: false,
                problem: problem(
                  'zip-bomb',
                  `has a part (${entry.fileName}) that unpacks to more than the size its archive declares: a damaged file or a zip bomb; re-save it from Word as .docx`,
                  { file },
                ),
              };
        }
        return corrupt(`is not a valid .docx (the part ${entry.fileName} is damaged: ${error instanceof Error ? error.message : String(error)}); re-save it from Word as .docx`);
      }
    }
    return { ok: true, coreXml };
  } finally {
    zip.close();
  }
}

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

/** mammoth's messages → warnings: deduplicated, without the noise of styles the map does not need. */
export function mammothWarnings(messages: readonly { type: string; message: string }[], file: string): Problem[] {
  const counts = new Map<string, number>();
  for (const { message } of messages) {
    const style = /^Unrecognised (paragraph|run) style: '(.*)' \(Style ID: (.*)\)$/u.exec(message);
    let text: string | undefined;
    if (style !== null) {
      const [, kind, name] = style;
      if (kind === 'paragraph' && HEADING_LIKE_STYLE.test(name ?? '')) {
        text = `uses the paragraph style '${name ?? ''}', which kb does not know as a heading, so its paragraphs are read as body text; if they are headings, apply Word's Heading 1–6 styles to them`;
      }
    } else if (/image|imagedata|a:blip|v:/iu.test(message)) {
      text = undefined; // images are not read anyway
    } else {
      text = `has content kb could not read (${message}); the rest of the document was read`;
    }
    if (text !== undefined) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts.entries()].map(([text, n]) => warning('unreadable', n > 1 ? `${text} (${n} times)` : text, { file }));
}

export async function parseDocx(bytes: Uint8Array, options: ParseOptions): Promise<Result<ParsedDoc>> {
  const checked = await checkDocxContainer(bytes, options);
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
    const title = coreTitle(checked.coreXml);
    if (title !== undefined) doc.title = title;
  }
  return { ok: true, value: doc, warnings: parsed.warnings };
}
