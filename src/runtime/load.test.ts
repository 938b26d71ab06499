// Loading an index: every way a file can be wrong gives one IndexLoadError whose one-line message
// names the file and says what to do; nothing else is thrown and nothing half-loads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, buildSample, lines, runKb, tempDir } from '../test-support/kb.js';
import { INDEX_VERSION, serializeIndex, type IndexBody } from './index-file.js';
import { IndexLoadError, indexFromBytes, loadIndex, type IndexLoadReason } from './load.js';

const dir = tempDir('kb-load-');
let text = '';
let good = '';

beforeAll(async () => {
  good = join(dir.path, 'kb.index.json');
  text = await buildSample(good);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

/** The index body with `change` applied, serialized again with a valid checksum. */
function rewritten(change: (body: Record<string, unknown>) => void): string {
  const body = JSON.parse(text) as Record<string, unknown>;
  delete body['checksum'];
  change(body);
  return serializeIndex(body as unknown as IndexBody);
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
    const gz = await loadIndex(write('kb.index.json.gz', gzipSync(text)));
    expect(gz.search('退货运费谁出')).toEqual(kb.search('退货运费谁出'));
  });

  it('refuses a missing file', async () => {
    await expectRefused(join(dir.path, 'nope.json'), 'missing', /does not exist; build it with `kb build`, or check the path$/);
  });

  it('refuses a folder', async () => {
    const folder = join(dir.path, 'folder.json');
    mkdirSync(folder);
    await expectRefused(folder, 'unreadable', /is a folder; pass the index file/);
  });

  it('refuses an empty file', async () => {
    await expectRefused(write('empty.json', ''), 'empty', REBUILD);
  });

  it('refuses a truncated file', async () => {
    for (const cut of [1, 100, Math.floor(text.length / 2), text.length - 2]) {
      await expectRefused(write(`cut-${cut}.json`, text.slice(0, cut)), 'not-json', REBUILD);
    }
  });

  it('refuses text that is not JSON', async () => {
    await expectRefused(write('words.json', 'this is not an index'), 'not-json', REBUILD);
  });

  it('refuses a truncated or garbled gzip file', async () => {
    const gz = gzipSync(text);
    await expectRefused(write('cut.json.gz', gz.subarray(0, gz.length >> 1)), 'gzip', REBUILD);
    const flipped = Buffer.from(gz);
    const middle = flipped.length >> 1;
    flipped[middle] = (flipped[middle] ?? 0) ^ 0xff;
    await expectRefused(write('flipped.json.gz', flipped), 'gzip', REBUILD);
    await expectRefused(write('header-only.json.gz', gz.subarray(0, 10)), 'gzip', REBUILD);
  });

  it('refuses JSON that is not a kb index', async () => {
    await expectRefused(write('array.json', '[1, 2, 3]'), 'not-index', /it is not a kb index \(its "format" is missing, not "kb-index"\); pass the file `kb build` wrote$/);
    await expectRefused(write('package.json', '{"name": "x"}'), 'not-index', /"format" is null/);
    await expectRefused(write('other.json', rewritten((b) => (b['format'] = 'other-index'))), 'not-index', /"format" is "other-index"/);
  });

  it('refuses an index version it does not know', async () => {
    await expectRefused(write('v99.json', rewritten((b) => (b['version'] = 99))), 'version', /index version 99 and this kb reads version 1; upgrade kb/);
    await expectRefused(write('v0.json', rewritten((b) => (b['version'] = 0))), 'version', REBUILD);
    await expectRefused(write('vstring.json', rewritten((b) => (b['version'] = String(INDEX_VERSION)))), 'version', /version "1"/);
  });

  it('refuses a file whose checksum does not match, or that has none', async () => {
    await expectRefused(write('edited.json', text.replace('Shipping and delivery', 'Shipping und delivery')), 'checksum', /does not match its contents \(the file was edited or corrupted\); rebuild/);
    await expectRefused(write('bad-sum.json', text.replace(/"checksum":"sha256:[0-9a-f]+"/, `"checksum":"sha256:${'0'.repeat(64)}"`)), 'checksum', REBUILD);
    const body = JSON.parse(text) as Record<string, unknown>;
    delete body['checksum'];
    await expectRefused(write('no-sum.json', JSON.stringify(body)), 'checksum', /it has no checksum; rebuild/);
  });

  it('refuses a file with any single byte flipped', async () => {
    const bytes = Buffer.from(text, 'utf8');
    const step = Math.floor(bytes.length / 23);
    for (let at = 0; at < bytes.length; at += step) {
      const flipped = Buffer.from(bytes);
      flipped[at] = (flipped[at] ?? 0) ^ 0x04;
      const error = await refusal(write(`flip-${at}.json`, flipped));
      expect(error.message).not.toMatch(/\n/);
    }
  });

  it('refuses an index whose parts do not fit together, even with a valid checksum', async () => {
    await expectRefused(write('fewer.json', rewritten((b) => (b['entries'] as unknown[]).pop())), 'inconsistent', /counts variants for 16 entries but holds 15\); rebuild/);
    await expectRefused(write('no-terms.json', rewritten((b) => delete b['terms'])), 'inconsistent', /"terms" is not a list/);
    await expectRefused(write('bad-entry.json', rewritten((b) => ((b['entries'] as Record<string, unknown>[])[3] = { id: 'x' }))), 'inconsistent', /entry 4 lacks/);
  });

  it('names the file it was given in indexFromBytes', () => {
    expect(() => indexFromBytes(new Uint8Array(), 'memory')).toThrow(/^memory: cannot load the index: it is empty/);
  });
});

describe('kb query / kb eval with a bad index', () => {
  it('print one line without a stack trace and exit 1', () => {
    const missing = join(dir.path, 'missing.json');
    const truncated = write('truncated.json', text.slice(0, 500));
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
