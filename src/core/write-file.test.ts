import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeOutputFile } from './write-file.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function scratch(): string {
  const d = mkdtempSync(join(tmpdir(), 'kb-write-'));
  dirs.push(d);
  return d;
}

describe('writeOutputFile', () => {
  it('replaces a regular file whole and leaves no temporary file beside it', async () => {
    const dir = scratch();
    const file = join(dir, 'kb.index');
    writeFileSync(file, 'old contents, longer than the new');
    await writeOutputFile(file, new Uint8Array([104, 105]));
    expect(readFileSync(file, 'utf8')).toBe('hi');
    expect(readdirSync(dir)).toEqual(['kb.index']);
  });

  it('writes into a named pipe as it is and leaves it a pipe (a rename would have put a file in its place, as it did to /dev/null)', async () => {
    const dir = scratch();
    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const read = readFile(fifo, 'utf8');
    await writeOutputFile(fifo, 'through the pipe');
    expect(await read).toBe('through the pipe');
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});
