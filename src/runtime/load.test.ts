// Loading an index: every way a file can be wrong gives one IndexLoadError whose one-line message
// names the file and says what to do; nothing else is thrown and nothing half-loads.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, buildSample, lines, runKb, tempDir } from '../test-support/kb.js';
import { INDEX_FORMAT, INDEX_VERSION, parseIndex, serializeIndex, type IndexBody } from './index-file.js';
import { IndexLoadError, indexFromBytes, loadIndex, type IndexLoadReason } from './load.js';

const dir = tempDir('kb-load-');
let bytes: Buffer = Buffer.alloc(0);
let good = '';

beforeAll(async () => {
  good = join(dir.path, 'kb.index');
  bytes = await buildSample(good);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

/** The file's header line and its compressed body. */
function split(file: Buffer): { header: Record<string, unknown>; body: Buffer } {
  const nl = file.indexOf(10);
  return { header: JSON.parse(file.toString('utf8', 0, nl)) as Record<string, unknown>, body: file.subarray(nl + 1) };
}

/** The index body with `change` applied, serialized again (valid header and checksum). */
function rewritten(change: (body: IndexBody) => void): Buffer {
  const parsed = parseIndex(bytes);
  if (!parsed.ok) throw new Error(parsed.reason);
  const { entries, sectionQuestions: _kinds, associations: text, model, ...rest } = parsed.data;
  // the associations section's lines back into the model's list: term, then related term and weight pairs
  const associations = text === '' ? [] : text.split('\n').map((line): [string, [string, number][]] => {
    const [term, ...fields] = line.split('\t');
    return [term ?? '', fields.flatMap((b, i): [string, number][] => (i % 2 === 0 ? [[b, Number(fields[i + 1])]] : []))];
  });
  const body: IndexBody = { format: INDEX_FORMAT, version: INDEX_VERSION, ...rest, model: { ...model, associations }, entries: Array.from({ length: entries.count }, (_, i) => entries.get(i)) };
  change(body);
  return serializeIndex(body);
}

/** The same body under a header with `change` applied, checksummed again. */
function reheadered(change: (header: Record<string, unknown>) => void): Buffer {
  const { header, body } = split(bytes);
  delete header['checksum'];
  change(header);
  const open = JSON.stringify(header).slice(0, -1);
  const sum = createHash('sha256').update(open).update(body).digest('hex');
  return Buffer.concat([Buffer.from(`${open},"checksum":"sha256:${sum}"}\n`), body]);
}

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
}

async function refusal(path: string): Promise<IndexLoadError> {
  const error: unknown = await loadIndex(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof IndexLoadError)) throw new Error(`expected an IndexLoadError for ${path}, got ${String(error)}`);
  return error;
}

async function expectRefused(path: string, reason: IndexLoadReason, advice: RegExp): Promise<void> {
  const error = await refusal(path);
  expect(error.reason).toBe(reason);
  expect(error.file).toBe(path);
  expect(error.message.startsWith(`${path}: cannot load the index: `)).toBe(true);
  expect(error.message).not.toMatch(/\n/);
  expect(error.message).toMatch(advice);
}

const REBUILD = /rebuild it with `kb build`$/;

describe('loadIndex', () => {
  it('loads the file kb build wrote, and its gzip-compressed form', async () => {
    const kb = await loadIndex(good);
    expect(kb.size).toBe(16);
    const gz = await loadIndex(write('kb.index.gz', gzipSync(bytes)));
    expect(gz.search('退货运费谁出')).toEqual(kb.search('退货运费谁出'));
  });

  it('starts with a one-line JSON header a person can read', () => {
    const { header } = split(bytes);
    expect(header).toMatchObject({ format: 'kb-index', version: INDEX_VERSION, entries: 16, compression: 'brotli' });
    expect(Object.keys(header).at(-1)).toBe('checksum');
  });

  it("tells a bot which build it answers from: the file's checksum, as its header writes it", async () => {
    const { header } = split(bytes);
    expect((await loadIndex(good)).checksum).toBe(header.checksum);
    expect(String(header.checksum)).toMatch(/^sha256:[0-9a-f]{64}$/u);
    expect(indexFromBytes(gzipSync(bytes)).checksum).toBe(header.checksum);
  });

  it('refuses a missing file', async () => {
    await expectRefused(join(dir.path, 'nope.index'), 'missing', /does not exist; build it with `kb build`, or check the path$/);
  });

  it('refuses a folder', async () => {
    const folder = join(dir.path, 'folder.index');
    mkdirSync(folder);
    await expectRefused(folder, 'unreadable', /is a folder; pass the index file/);
  });

  it('refuses an empty file', async () => {
    await expectRefused(write('empty.index', ''), 'empty', REBUILD);
  });

  it('refuses a truncated file', async () => {
    const nl = bytes.indexOf(10);
    for (const cut of [1, 100, nl + 1, nl + 10, Math.floor(bytes.length / 2), bytes.length - 2]) {
      const error = await refusal(write(`cut-${cut}.index`, bytes.subarray(0, cut)));
      expect(['not-json', 'checksum']).toContain(error.reason);
      expect(error.message).toMatch(cut > nl ? /truncated \(\d+ of \d+ bytes after the header\); rebuild/ : REBUILD);
    }
  });

  it('refuses text that is not an index', async () => {
    await expectRefused(write('words.index', 'this is not an index'), 'not-json', /does not start with a kb index header/);
  });

  it('refuses a truncated or garbled gzip file', async () => {
    const gz = gzipSync(bytes);
    await expectRefused(write('cut.index.gz', gz.subarray(0, gz.length >> 1)), 'gzip', REBUILD);
    const flipped = Buffer.from(gz);
    const middle = flipped.length >> 1;
    flipped[middle] = (flipped[middle] ?? 0) ^ 0xff;
    await expectRefused(write('flipped.index.gz', flipped), 'gzip', REBUILD);
    await expectRefused(write('header-only.index.gz', gz.subarray(0, 10)), 'gzip', REBUILD);
  });

  it('refuses a gzip file that inflates far past what an index of its size holds, a device and a pipe, without reading them through', async () => {
    // 100 MB of zeros gzip to about 100 KB: inflated whole it took all memory (a 1.5 GB one, 3 GB and a crash)
    await expectRefused(write('bomb.index.gz', gzipSync(Buffer.alloc(100 * 2 ** 20))), 'gzip', /inflates past 64 MB, far more than a kb index of its size would/);
    await expectRefused('/dev/zero', 'unreadable', /is a device or a pipe, not a file/);
    const pipe = join(dir.path, 'pipe.index');
    execFileSync('mkfifo', [pipe]);
    await expectRefused(pipe, 'unreadable', /is a device or a pipe, not a file/);
    // a header is a few hundred bytes: 3 MB with no line break is no index (not made a string whole)
    await expectRefused(write('no-newline.index', Buffer.alloc(3 * 2 ** 20, 0x61)), 'not-json', /does not start with a kb index header/);
  });

  it('says so when the file is a Git LFS pointer (a checkout without git lfs pull), not a corrupted index', async () => {
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${'0'.repeat(64)}\nsize ${bytes.length}\n`;
    await expectRefused(write('lfs.index', pointer), 'not-index', /: it is a Git LFS pointer, not the index itself: fetch the file \(git lfs pull\), or keep the index out of Git LFS$/);
  });

  it('refuses JSON that is not a kb index', async () => {
    await expectRefused(write('array.json', '[1, 2, 3]'), 'not-index', /it is not a kb index \(its "format" is missing, not "kb-index"\); pass the file `kb build` wrote$/);
    await expectRefused(write('package.json', '{"name": "x"}'), 'not-index', /"format" is null/);
    await expectRefused(write('other.index', reheadered((h) => (h['format'] = 'other-index'))), 'not-index', /"format" is "other-index"/);
  });

  it('refuses an index version it does not know, including the JSON index of version 1', async () => {
    await expectRefused(write('v99.index', reheadered((h) => (h['version'] = 99))), 'version', new RegExp(`index version 99 and this kb reads version ${INDEX_VERSION}; upgrade kb`));
    await expectRefused(write('v0.index', reheadered((h) => (h['version'] = 0))), 'version', REBUILD);
    // version 3 was deflated: the kb of a bot's runtime upgraded before its index was rebuilt
    await expectRefused(write('v3.index', reheadered((h) => Object.assign(h, { version: 3, compression: 'deflate-raw' }))), 'version', /it is index version 3 and this kb reads version 4; rebuild it with `kb build`$/);
    // it read 'it is index version "3" and this kb reads version 3'
    await expectRefused(write('vstring.index', reheadered((h) => (h['version'] = String(INDEX_VERSION)))), 'version', new RegExp(`: its header's version is "${INDEX_VERSION}", not a whole number \\(the file was edited or corrupted\\); rebuild it with \`kb build\`$`));
    await expectRefused(write('v1.json', JSON.stringify({ format: 'kb-index', version: 1, entries: [], checksum: 'sha256:0' })), 'version', /index version 1 and this kb reads version \d+; rebuild it/);
  });

  it('refuses a file whose checksum does not match, or that has none', async () => {
    const { header, body } = split(bytes);
    const sumless = { ...header };
    delete sumless['checksum'];
    await expectRefused(write('no-sum.index', Buffer.concat([Buffer.from(`${JSON.stringify(sumless)}\n`), body])), 'checksum', /it has no checksum; rebuild/);
    const zeroed = { ...header, checksum: `sha256:${'0'.repeat(64)}` };
    await expectRefused(write('bad-sum.index', Buffer.concat([Buffer.from(`${JSON.stringify(zeroed)}\n`), body])), 'checksum', /does not match its contents \(the file was edited or corrupted\); rebuild/);
    await expectRefused(write('edited-header.index', reheadered((h) => (h['entries'] = 15)).toString('latin1').replace(/"entries":15/, '"entries":16')), 'checksum', REBUILD);
  });

  it('refuses a file with any single byte flipped', async () => {
    const step = Math.max(1, Math.floor(bytes.length / 41));
    for (let at = 0; at < bytes.length; at += step) {
      const flipped = Buffer.from(bytes);
      flipped[at] = (flipped[at] ?? 0) ^ 0x04;
      const error = await refusal(write(`flip-${at}.index`, flipped));
      expect(error.message).not.toMatch(/\n/);
    }
  });

  it('refuses an index whose parts do not fit together, even with a valid checksum', async () => {
    await expectRefused(write('fewer.index', rewritten((b) => b.entries.pop())), 'inconsistent', /counts variants for 16 entries but holds 15\); rebuild/);
    await expectRefused(write('no-terms.index', rewritten((b) => b.terms.pop())), 'inconsistent', /postings: more data than terms|terms/);
    await expectRefused(write('header-count.index', reheadered((h) => (h['entries'] = 17))), 'inconsistent', /do not match the entries/);
    // a header that claims less than the body holds: decompressing stops at what it claims
    const shrunk = reheadered((h) => {
      const sections = h['sections'] as [string, number][];
      sections[0]![1] -= 100;
    });
    await expectRefused(write('shrunk.index', shrunk), 'inconsistent', /its sections hold more than \d+ bytes\); rebuild/);
    const badEntry = await loadIndex(write('bad-entry.index', rewritten((b) => (b.entries[3] = { id: 'x' } as unknown as IndexBody['entries'][number]))));
    expect(() => badEntry.entries).toThrow(/entry 4 of the index is not JSON with an id, question, answer and similar questions; rebuild it/);
  });

  it('names the file it was given in indexFromBytes', () => {
    expect(() => indexFromBytes(new Uint8Array(), 'memory')).toThrow(/^memory: cannot load the index: it is empty/);
  });

  it('loads the bytes a bot holds in any form: Buffer, Uint8Array, ArrayBuffer (fetch(…).arrayBuffer()), a view into a larger buffer', () => {
    const expected = indexFromBytes(bytes).search('退货运费谁出');
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    for (const form of [new Uint8Array(bytes), copy, new DataView(padded.buffer, 8, bytes.length)]) {
      expect(indexFromBytes(form as ArrayBuffer).search('退货运费谁出')).toEqual(expected);
    }
  });

  it('says what to pass when indexFromBytes gets no bytes (a TypeError naming what it got)', () => {
    expect(() => indexFromBytes(bytes.toString('latin1') as unknown as Uint8Array)).toThrow(/^indexFromBytes: pass the index file's bytes \(a Buffer, Uint8Array or ArrayBuffer\), not a string \(to read a file, call loadIndex\(path\)\)$/);
    expect(() => indexFromBytes(undefined as unknown as Uint8Array)).toThrow(new TypeError("indexFromBytes: pass the index file's bytes (a Buffer, Uint8Array or ArrayBuffer), not undefined"));
  });

  it('says what to pass when loadIndex gets no path (an unset environment variable), and takes a file URL', async () => {
    await expect(loadIndex(undefined as unknown as string)).rejects.toThrow(new TypeError("loadIndex: pass the index file's path (a string), not undefined (an unset environment variable?)"));
    await expect(loadIndex(42 as unknown as string)).rejects.toThrow(TypeError);
    const empty = await loadIndex('').catch((e: unknown) => e);
    expect(empty).toBeInstanceOf(IndexLoadError);
    expect(empty).toMatchObject({ reason: 'missing', file: '(empty path)', message: '(empty path): cannot load the index: the path is an empty string (an unset environment variable?); pass the path kb build wrote, such as dist/kb.index' });
    expect((await loadIndex(pathToFileURL(good))).size).toBe(16);
    const web = await loadIndex(new URL('https://example.com/kb.index')).catch((e: unknown) => e);
    expect(web).toMatchObject({ reason: 'unreadable', message: 'https://example.com/kb.index: cannot load the index: only a file: URL is a path; fetch the file and pass its bytes to indexFromBytes' });
  });
});

describe('kb query / kb eval with a bad index', () => {
  it('print one line without a stack trace and exit 1', () => {
    const missing = join(dir.path, 'missing.index');
    const truncated = write('truncated.index', bytes.subarray(0, 500));
    for (const [args, file] of [
      [['query', '退货', '--index', missing], missing],
      [['query', '退货', '--index', truncated, '--json'], truncated],
      [['eval', 'fixtures/suites/sample.jsonl', '--index', truncated], truncated],
      [['eval', 'fixtures/suites/sample.jsonl', '--index', missing, '--json'], missing],
    ] as const) {
      const r = runKb(args);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)).toEqual([expect.stringMatching(new RegExp(`^kb: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot load the index: `))]);
    }
  });
});

describe('kb.warm()', () => {
  it('decodes and inflates up front, and the searches after it return what an unwarmed index returns', () => {
    const cold = indexFromBytes(bytes, good);
    const warmed = indexFromBytes(bytes, good);
    expect(warmed.warm(10)).toBeGreaterThan(0);
    // a block of entries already inflated, the postings already decoded: the same hits, in the same order
    for (const q of ['退货运费谁出', '退貨運費誰出', '保修多久', 'How long does a refund take?', '你们老板是谁', '']) {
      expect(warmed.search(q, { k: 5 })).toEqual(cold.search(q, { k: 5 }));
    }
    expect(warmed.entries).toEqual(cold.entries);
  });

  it('warmAsync() does the same work in slices, letting the event loop run between them', async () => {
    const cold = indexFromBytes(bytes, good);
    const warmed = indexFromBytes(bytes, good);
    // a timer due at once fires while it warms: the loop ran between slices (warm() would hold it to the end)
    let ticks = 0;
    const ticking = setInterval(() => ticks++, 0);
    try {
      expect(await warmed.warmAsync(100, 0)).toBeGreaterThanOrEqual(0);
    } finally {
      clearInterval(ticking);
    }
    expect(ticks).toBeGreaterThan(0);
    for (const q of ['退货运费谁出', '退貨運費誰出', '保修多久', 'How long does a refund take?', '']) {
      expect(warmed.search(q, { k: 5 })).toEqual(cold.search(q, { k: 5 }));
    }
  });
});
