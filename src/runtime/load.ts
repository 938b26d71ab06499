/** Reading an index file: gunzip when compressed, verify format, version, checksum and shape. */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { KnowledgeBase } from './knowledge-base.js';
import { parseIndex, type IndexProblem } from './index-file.js';

/** Why an index could not be loaded: reading problems, then what `parseIndex` refuses. */
export type IndexLoadReason = 'missing' | 'unreadable' | 'empty' | 'gzip' | IndexProblem;

/**
 * A problem with an index file. Its message is one line that names the file, says what is
 * wrong and what to do; `reason` tells programs which problem it is.
 */
export class IndexLoadError extends Error {
  readonly file: string;
  readonly reason: IndexLoadReason;
  constructor(file: string, reason: IndexLoadReason, explanation: string) {
    super(`${file}: cannot load the index: ${explanation}`.replace(/\s*[\r\n]+\s*/g, ' '));
    this.name = 'IndexLoadError';
    this.file = file;
    this.reason = reason;
  }
}

const REBUILD = 'rebuild it with `kb build`';
/** A gzip-compressed index may inflate to this many times its size, and at least to MIN_GUNZIP_LIMIT bytes. */
const GUNZIP_RATIO = 16;
const MIN_GUNZIP_LIMIT = 64 * 2 ** 20;

/** What a value is, for a message that says what was passed instead. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  if (typeof value === 'object') return `a${/^[AEIOU]/u.test(value.constructor?.name ?? '') ? 'n' : ''} ${value.constructor?.name ?? 'object'}`;
  return typeof value;
}

/**
 * The bytes of an index as a Uint8Array: a Buffer or Uint8Array as it is, an ArrayBuffer (what
 * `fetch(…).arrayBuffer()` and most object-store clients give) or another typed array viewed as bytes.
 */
function asBytes(bytes: unknown): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && bytes instanceof SharedArrayBuffer)) return new Uint8Array(bytes);
  if (ArrayBuffer.isView(bytes)) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  throw new TypeError(`indexFromBytes: pass the index file's bytes (a Buffer, Uint8Array or ArrayBuffer), not ${kindOf(bytes)}${typeof bytes === 'string' ? ' (to read a file, call loadIndex(path))' : ''}`);
}

/** A knowledge base from the bytes of an index file (as kb build wrote it, or gzip-compressed): a Buffer, Uint8Array or ArrayBuffer. */
export function indexFromBytes(input: Uint8Array | ArrayBuffer, file = 'index'): KnowledgeBase {
  const bytes = asBytes(input);
  if (bytes.length === 0) throw new IndexLoadError(file, 'empty', `it is empty (0 bytes), as when a build was interrupted; ${REBUILD}`);
  let raw: Uint8Array = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    // an index's sections are compressed already: gzip hardly shrinks it, so a file that inflates
    // past many times its size is not an index (a gzip bomb would take all memory, then crash)
    const most = Math.max(MIN_GUNZIP_LIMIT, GUNZIP_RATIO * bytes.length);
    try {
      raw = gunzipSync(bytes, { maxOutputLength: most });
    } catch (error) {
      const tooBig = (error as NodeJS.ErrnoException | undefined)?.code === 'ERR_BUFFER_TOO_LARGE';
      throw new IndexLoadError(
        file,
        'gzip',
        tooBig
          ? `it is gzip-compressed and inflates past ${Math.round(most / 2 ** 20)} MB, far more than a kb index of its size would; pass the file \`kb build\` wrote`
          : `it is gzip-compressed but does not decompress (truncated or corrupted); ${REBUILD}`,
      );
    }
  }
  const parsed = parseIndex(raw);
  if (!parsed.ok) throw new IndexLoadError(file, parsed.problem, parsed.reason);
  try {
    return new KnowledgeBase(parsed.data);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new IndexLoadError(file, 'inconsistent', `its contents are inconsistent (${detail}); ${REBUILD}`);
  }
}

function readProblem(error: unknown): [IndexLoadReason, string] {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return ['missing', 'the file does not exist; build it with `kb build`, or check the path'];
    case 'EISDIR':
      return ['unreadable', 'it is a folder; pass the index file `kb build` wrote'];
    case 'EACCES':
    case 'EPERM':
      return ['unreadable', 'permission denied; check the file\'s permissions'];
    case 'ERR_INVALID_URL_SCHEME':
      return ['unreadable', 'only a file: URL is a path; fetch the file and pass its bytes to indexFromBytes'];
    default:
      return ['unreadable', `it cannot be read (${code ?? String(error)}); check the path and permissions`];
  }
}

/**
 * Load an index file written by `kb build`: its path, or a `file:` URL. Throws IndexLoadError with
 * a one-line message, and a TypeError when given no path (an unset environment variable).
 */
export async function loadIndex(path: string | URL): Promise<KnowledgeBase> {
  if (typeof path !== 'string' && !(path instanceof URL)) {
    throw new TypeError(`loadIndex: pass the index file's path (a string), not ${kindOf(path)}${path === undefined ? ' (an unset environment variable?)' : ''}`);
  }
  if (path === '') throw new IndexLoadError('(empty path)', 'missing', 'the path is an empty string (an unset environment variable?); pass the path kb build wrote, such as dist/kb.index');
  const name = typeof path === 'string' ? path : path.protocol === 'file:' ? fileURLToPath(path) : path.href;
  let bytes: Uint8Array;
  try {
    // a device (/dev/zero, a terminal), a named pipe or a socket would be read without end
    const info = await stat(path);
    if (info.isCharacterDevice() || info.isBlockDevice() || info.isFIFO() || info.isSocket()) {
      throw new IndexLoadError(name, 'unreadable', 'it is a device or a pipe, not a file; pass the index file `kb build` wrote');
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof IndexLoadError) throw error;
    const [reason, explanation] = readProblem(error);
    throw new IndexLoadError(name, reason, explanation);
  }
  return indexFromBytes(bytes, name);
}
