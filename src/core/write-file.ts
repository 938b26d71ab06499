/**
 * The one place kb writes a whole output file (write-file-atomic's adapter): the index, the store,
 * reports, spreadsheets. A regular file is written atomically — a temporary file beside it, then a
 * rename — so a reader never sees half of it and a failed write leaves the old one whole.
 *
 * A path that names no regular file — a device (`--out /dev/null`), a named pipe, `/dev/stdout` in a
 * pipeline — is written into as it is. A rename would put a file in its place: before 2026-11-27,
 * `kb build --out /dev/null` run as root replaced the machine's /dev/null with a regular file (and
 * every program that opened it afterwards, tmux among them, failed).
 */
import { stat, writeFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';

/** Write `data` to `path`: atomically for a regular file (or a new one), straight into anything else. */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  const existing = await stat(path).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) {
    if (existing.isDirectory()) throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
    await writeFile(path, data);
    return;
  }
  await writeFileAtomic(path, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}
