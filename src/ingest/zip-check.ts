/**
 * The zip-container check shared by the DOCX and XLSX adapters, and the only module that imports
 * yauzl. Before mammoth or exceljs see the bytes: is it a zip at all (or an OLE file — a
 * password-protected Office file or an old .doc/.xls renamed), does it hold the part that makes it
 * a Word document or an Excel workbook, do its declared sizes stay within the unpacked-size limit
 * with no part packed more than 200:1, and do its parts inflate to the sizes they declare (a zip
 * may lie about them). Inflating counts bytes and stops at the limit; nothing is kept but the one
 * small part a caller asks for, or, for a caller that asks, every part.
 */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { problem, type Problem, type ProblemCode } from '../core/problems.js';

const MB = 1024 * 1024;
/** A part that unpacks to more than this many times its packed size is a zip bomb … */
export const MAX_COMPRESSION_RATIO = 200;
/** … once it unpacks to more than this (tiny, very repetitive XML parts are normal). */
export const RATIO_FLOOR_BYTES = MB;
/** A part kept for the caller is read only when it unpacks to less than this. */
const MAX_KEPT_BYTES = 256 * 1024;
const RAISE = 'if the file is genuine, raise the limit with --max-unzipped-mb';

/** What kind of container a caller expects, and how its messages name it. */
export interface ContainerKind {
  /** How messages name the file type: `.docx`, `.xlsx file`. */
  name: string;
  /** The part every such file has (`word/document.xml`), and what that makes it (`a Word document`). */
  mainPart: string;
  mainPartMeans: string;
  /** The code for a file that is not a usable container of this kind; a zip bomb is always `zip-bomb`. */
  badCode: ProblemCode;
  /** What to do about a damaged file: `re-save it from Word as .docx`. */
  fix: string;
  /** What to do about a file that is not a zip, when it differs from `fix`. */
  notZipFix?: string;
  /** The whole message for an OLE compound file (password-protected, or the old binary format). */
  oleMessage: string;
  /** What to do about encrypted parts. */
  encryptedFix: string;
  /**
   * When set, the ratio check applies only to parts over this share of the unpacked-size limit (and
   * at least RATIO_FLOOR_BYTES), so raising the limit lets a genuine large part through.
   */
  ratioShareOfLimit?: number;
  /** A small part whose text the caller wants back (e.g. `docProps/core.xml` for the title). */
  keepPart?: string;
  /**
   * Keep every part, inflated (the DOCX adapter rewrites word/document.xml before mammoth reads the
   * parts): the archive has passed the size checks, so this holds at most the unpacked-size limit.
   */
  keepAllParts?: boolean;
}

export interface ZipCheckOptions {
  /** The path as the user named it, for messages. */
  file: string;
  /** Uncompressed-size limit for the whole archive, bytes. */
  maxUnzippedBytes: number;
}

export type ZipCheck = { ok: true; kept: string | undefined; parts?: Map<string, Uint8Array> } | { ok: false; problem: Problem };

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

/** Inflate one entry, counting bytes; rejects with a RangeError beyond `limit`. Keeps the bytes when `keep`. */
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

/** The names of a zip archive's own entries (not those of a zip stored inside it), or undefined for bytes that are no zip archive. */
export async function zipEntryNames(bytes: Uint8Array): Promise<string[] | undefined> {
  let zip: ZipFile;
  try {
    zip = await openZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return undefined;
  }
  try {
    return (await readEntries(zip)).map((entry) => entry.fileName);
  } catch {
    return undefined;
  } finally {
    zip.close();
  }
}

/** `12 MB`, `1.5 MB`, `4 KB`. */
export function sizeText(bytes: number): string {
  return bytes >= MB ? `${(bytes / MB).toFixed(bytes >= 10 * MB ? 0 : 1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Is this a container of `kind` that is safe to unpack within `options.maxUnzippedBytes`? */
export async function checkZipContainer(bytes: Uint8Array, kind: ContainerKind, options: ZipCheckOptions): Promise<ZipCheck> {
  const { file, maxUnzippedBytes: limit } = options;
  const fail = (code: ProblemCode, message: string): ZipCheck => ({ ok: false, problem: problem(code, message, { file }) });
  const bad = (why: string, fix = kind.fix): ZipCheck => fail(kind.badCode, `is not a valid ${kind.name} (${why}); ${fix}`);
  const bomb = (message: string): ZipCheck => fail('zip-bomb', message);
  const ratioFloor = kind.ratioShareOfLimit === undefined ? RATIO_FLOOR_BYTES : Math.max(RATIO_FLOOR_BYTES, limit * kind.ratioShareOfLimit);

  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return fail(kind.badCode, kind.oleMessage);
  }
  let zip: ZipFile;
  try {
    zip = await openZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return bad('not a zip archive', kind.notZipFix);
  }
  try {
    let entries: Entry[];
    try {
      entries = await readEntries(zip);
    } catch (error) {
      return bad(`a damaged zip archive: ${errorText(error)}`);
    }
    if (!entries.some((e) => e.fileName === kind.mainPart)) {
      return bad(`a zip archive without ${kind.mainPart}, so not ${kind.mainPartMeans}`);
    }
    let declared = 0;
    for (const entry of entries) {
      declared += entry.uncompressedSize;
      if (declared > limit) return bomb(`unpacks to more than ${sizeText(declared)}, over the ${sizeText(limit)} limit for unpacked archives; ${RAISE}`);
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > ratioFloor && ratio > MAX_COMPRESSION_RATIO) {
        const rule = `kb refuses parts over ${sizeText(ratioFloor)} packed more than ${MAX_COMPRESSION_RATIO}:1`;
        return bomb(
          `has a part (${entry.fileName}) that unpacks to ${sizeText(entry.uncompressedSize)}, ${Math.round(ratio)} times its packed size: ` +
            (kind.ratioShareOfLimit === undefined ? `a likely zip bomb (${rule})` : `a likely zip bomb (with a ${sizeText(limit)} limit, ${rule}); ${RAISE}`),
        );
      }
    }
    let inflated = 0;
    let kept: string | undefined;
    const parts = kind.keepAllParts === true ? new Map<string, Uint8Array>() : undefined;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      if (entry.isEncrypted()) return fail(kind.badCode, `has encrypted parts; ${kind.encryptedFix}`);
      try {
        const keepText = entry.fileName === kind.keepPart && entry.uncompressedSize < MAX_KEPT_BYTES;
        const { size, data } = await inflateEntry(zip, entry, limit - inflated, keepText || parts !== undefined);
        inflated += size;
        if (data !== undefined && keepText) kept = data.toString('utf8');
        if (data !== undefined && parts !== undefined) parts.set(entry.fileName, data);
      } catch (error) {
        if (error instanceof RangeError) return bomb(`unpacks to more than the ${sizeText(limit)} limit for unpacked archives (at ${entry.fileName}); ${RAISE}`);
        if (/too many bytes/iu.test(errorText(error))) {
          return bomb(`has a part (${entry.fileName}) that unpacks to more than the size its archive declares: a damaged file or a zip bomb; ${kind.fix}`);
        }
        return bad(`the part ${entry.fileName} is damaged: ${errorText(error)}`);
      }
    }
    return parts === undefined ? { ok: true, kept } : { ok: true, kept, parts };
  } finally {
    zip.close();
  }
}
