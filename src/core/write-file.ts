/**
 * The one place kb writes a whole output file (write-file-atomic's adapter): the index, the store,
 * reports, spreadsheets. A regular file is written atomically — a temporary file beside it, then a
 * rename — so a reader never sees half of it and a failed write leaves the old one whole.
 *
 * Two kinds of path are written into as they are, since a rename would put a file in their place:
 * - the process's own streams (`/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`, or a link
 *   to one): written down the stream itself, so `--out /dev/stdout >> log.txt` appends to log.txt
 *   (the atomic write followed the link to log.txt and replaced it, dropping what it held);
 * - a path that names no regular file — a device (`--out /dev/null`), a named pipe: before
 *   2026-11-27, `kb build --out /dev/null` run as root replaced the machine's /dev/null with a regular
 *   file (and every program that opened it afterwards, tmux among them, failed).
 */
import { writeFileSync } from 'node:fs';
import { lstat, readlink, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

const STREAM = /^\/(?:dev\/(stdout|stderr)|dev\/fd\/(\d+)|proc\/self\/fd\/(\d+))$/u;

/** The file descriptor of the process's own stream `path` names (itself or through one link), else undefined. */
async function streamOf(path: string): Promise<number | undefined> {
  const fd = (p: string): number | undefined => {
    const m = STREAM.exec(p);
    if (m === null) return undefined;
    return m[1] === 'stdout' ? 1 : m[1] === 'stderr' ? 2 : Number(m[2] ?? m[3]);
  };
  const direct = fd(resolve(path));
  if (direct !== undefined) return direct;
  const link = await lstat(path).catch(() => undefined);
  return link?.isSymbolicLink() === true ? fd(resolve(path, '..', await readlink(path))) : undefined;
}

/** Write all of `data` down file descriptor `fd` (a pipe may take it in parts). */
async function writeToStream(fd: number, data: string | Uint8Array): Promise<void> {
  const stream = fd === 1 ? process.stdout : fd === 2 ? process.stderr : undefined;
  if (stream === undefined) {
    writeFileSync(fd, data);
    return;
  }
  await new Promise<void>((done, failed) => stream.write(data, (error) => (error ? failed(error) : done())));
}

/** Write `data` to `path`: atomically for a regular file (or a new one), straight into anything else. */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<void> {
  const fd = await streamOf(path);
  if (fd !== undefined) return writeToStream(fd, data);
  const existing = await stat(path).catch(() => undefined);
  if (existing !== undefined && !existing.isFile()) return writeFile(path, data);
  await writeFileAtomic(path, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}
