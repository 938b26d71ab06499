/** Reading an index file: gunzip when compressed, verify format, version and checksum. */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { KnowledgeBase } from './knowledge-base.js';
import { parseIndex } from './index-file.js';

/** A problem with an index file; its message names the file and what to do. */
export class IndexLoadError extends Error {
  readonly file: string;
  constructor(file: string, reason: string) {
    super(`${file}: cannot load the index: ${reason}`);
    this.name = 'IndexLoadError';
    this.file = file;
  }
}

export function indexFromBytes(bytes: Uint8Array, file = 'index'): KnowledgeBase {
  let text: string;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      text = gunzipSync(bytes).toString('utf8');
    } catch {
      throw new IndexLoadError(file, 'it is gzip-compressed but does not decompress (truncated or corrupted); rebuild it');
    }
  } else {
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  const parsed = parseIndex(text);
  if (!parsed.ok) throw new IndexLoadError(file, parsed.reason);
  try {
    return new KnowledgeBase(parsed.file);
  } catch (error) {
    throw new IndexLoadError(file, `its contents are inconsistent (${error instanceof Error ? error.message : String(error)}); rebuild it`);
  }
}

/** Load an index file written by `kb build`. Throws IndexLoadError with a one-line message. */
export async function loadIndex(path: string): Promise<KnowledgeBase> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new IndexLoadError(path, code === 'ENOENT' ? 'the file does not exist; build it with `kb build`' : `it cannot be read (${code ?? String(error)})`);
  }
  return indexFromBytes(bytes, path);
}
