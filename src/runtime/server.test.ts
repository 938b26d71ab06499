// The HTTP search service over a real index (the sample KB): what a bot in another language sees.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../build/index.js';
import { LogReader } from '../eval/log.js';
import { BUILD_TIMEOUT, ROOT, buildSample, runKb, tempDir } from '../test-support/kb.js';
import { startKb } from '../test-support/serve.js';
import { HitPassages } from './hit-passages.js';
import { loadIndex } from './load.js';
import { MAX_QUERY_CHARS } from '../analyze/analyzer.js';
import { MAX_BODY_BYTES, MAX_HEADER_BYTES, startSearchServer, type SearchServer } from './server.js';

const dir = tempDir('kb-serve-');
const sample = join(dir.path, 'sample.index');
const small = join(dir.path, 'small.index');
/** Long answers (fixtures/passage/shop): hits with passages. */
const shop = join(dir.path, 'shop.index');
const served = join(dir.path, 'kb.index');
const log = join(dir.path, 'questions.jsonl');
const events: string[] = [];
let server: SearchServer;

beforeAll(async () => {
  await buildSample(sample);
  const result = await build({ sources: ['fixtures/sample/return-policy.md'], out: small });
  if (!result.ok) throw new Error('the small index does not build');
  const long = await build({ sources: ['fixtures/passage/shop'], out: shop });
  if (!long.ok) throw new Error('fixtures/passage/shop does not build');
  copyFileSync(sample, served);
  server = await startSearchServer({ index: served, port: 0, k: 5, threshold: 0, log, watchMs: 0, onEvent: (line) => events.push(line) });
}, BUILD_TIMEOUT);
afterAll(async () => {
  await server?.close();
  dir.remove();
});

async function json(path: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}${path}`, init);
  expect(res.headers.get('content-type')).toContain('application/json');
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const post = (body: string): RequestInit => ({ method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('kb serve: search over HTTP', () => {
  it('answers GET and POST with the hits of kb.search, in the shape of kb query --json', async () => {
    const kb = await loadIndex(sample);
    const expected = JSON.parse(JSON.stringify(kb.search('退货运费谁出', { k: 3 }))) as unknown[];
    const got = await json(`/search?q=${encodeURIComponent('退货运费谁出')}&k=3`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ question: '退货运费谁出', hits: expected });
    const posted = await json('/search', post(JSON.stringify({ q: '退货运费谁出', k: 3 })));
    expect(posted.body).toEqual(got.body);
    expect(expected.length).toBe(3);
  });

  it('says when a message with no hits is small talk, not a question the KB cannot answer', async () => {
    expect((await json(`/search?q=${encodeURIComponent('好的谢谢')}`)).body).toEqual({ question: '好的谢谢', hits: [], smallTalk: true });
    expect((await json('/search', post(JSON.stringify({ q: '你好' })))).body).toEqual({ question: '你好', hits: [], smallTalk: true });
    const unanswered = await json(`/search?q=${encodeURIComponent('今天天气怎么样')}&threshold=0.9`);
    expect(unanswered.body).toEqual({ question: '今天天气怎么样', hits: [] });
  });

  it('takes k and threshold from the request, the server defaults otherwise', async () => {
    const all = await json(`/search?q=${encodeURIComponent('退货 运费 发票 保修 快递 退款')}`);
    expect((all.body.hits as unknown[]).length).toBe(5);
    const sure = await json('/search', post(JSON.stringify({ question: 'how much is shipping', threshold: 0.9 })));
    const hits = sure.body.hits as { confidence: number }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThan(5);
    for (const h of hits) expect(h.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('says what is wrong with a bad request, with the right status, and keeps serving', async () => {
    const cases: [string, RequestInit | undefined, number, RegExp][] = [
      ['/search', undefined, 400, /no question/],
      ['/search?q=x&k=0', undefined, 400, /"k" must be a whole number/],
      ['/search?q=x&threshold=2', undefined, 400, /"threshold" must be a number from 0 to 1/],
      ['/search', post('{"q": "退货'), 400, /not JSON/],
      ['/search', post('["退货"]'), 400, /JSON object/],
      // a question that is not text (a Java bot's Message object, a number): said so, not "no question"
      ['/search', post('{"q": 5}'), 400, /^"q" must be the customer's question as a string, not 5/],
      ['/search', post('{"q": {"text": "退货"}}'), 400, /^"q" must be the customer's question as a string, not an object/],
      ['/search', post(JSON.stringify({ q: 'x'.repeat(MAX_BODY_BYTES) })), 413, /request body/],
      ['/answers', undefined, 404, /no such path \/answers/],
      ['/search', { method: 'DELETE' }, 405, /use GET/],
    ];
    for (const [path, init, status, message] of cases) {
      const got = await json(path, init);
      expect(got.status, path).toBe(status);
      expect(String(got.body.error), path).toMatch(message);
    }
    expect((await json('/search?q=%E5%8F%91%E7%A5%A8')).status).toBe(200);
    // a question sent in GBK (an older client): not UTF-8, said so, not a silent miss
    const gbk = await json('/search?q=%B7%A2%C6%B1');
    expect([gbk.status, String(gbk.body.error)]).toEqual([400, expect.stringMatching(/not UTF-8/)]);
    const gbkBody = await json('/search', { method: 'POST', body: Buffer.concat([Buffer.from('{"q": "'), Buffer.from([0xb7, 0xa2, 0xc6, 0xb1]), Buffer.from('"}')]), headers: { 'content-type': 'application/json' } });
    expect([gbkBody.status, String(gbkBody.body.error)]).toEqual([400, expect.stringMatching(/not UTF-8/)]);
    // a well-formed UTF-8 question that holds U+FFFD is a question
    expect((await json(`/search?q=${encodeURIComponent('退款\uFFFD多久')}`)).status).toBe(200);
    // a question typed into the URL as it reads (curl "…?q=发票"): Node's parser refuses it before any
    // handler; the reply says to encode it (it was a bare 400 with no body)
    const rawRequest = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => socket.end(Buffer.from(request, 'utf8')));
        let text = '';
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        socket.on('end', () => resolve(text));
        socket.on('close', () => resolve(text));
        // the server may close while a long request is still being written: what it answered counts
        socket.on('error', (error) => (text !== '' ? resolve(text) : reject(error)));
      });
    const raw = await rawRequest('GET /search?q=发票 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 400 /u);
    // headers past MAX_HEADER_BYTES are a 431 that says to POST a long question
    const tooBig = await rawRequest(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(MAX_HEADER_BYTES + 1000)}\r\n\r\n`);
    expect(tooBig).toMatch(/^HTTP\/1\.1 431 /u);
    expect(JSON.parse(tooBig.slice(tooBig.indexOf('\r\n\r\n') + 4)).error).toMatch(/over 64 KB: send a long question as POST \/search/u);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)).error).toMatch(/not percent-encoded.*--data-urlencode/u);
    expect((await json('/search?q=%E5%8F%91%E7%A5%A8')).status).toBe(200);
  });

  it('answers a GET question as long as search reads (2,000 Chinese characters, 18 KB encoded), and says to POST a longer one', async () => {
    // Node's default limit of 16 KB on the request line made it a bare 431 without a body, and
    // Python's urllib then saw the connection reset
    const question = `${'退货运费谁出'.repeat(MAX_QUERY_CHARS / 6)}`.slice(0, MAX_QUERY_CHARS);
    const got = await json(`/search?q=${encodeURIComponent(question)}&k=1`);
    expect(got.status).toBe(200);
    expect(got.body.question).toBe(question);
    const longer = await fetch(`${server.url}/search?q=${encodeURIComponent('退'.repeat(30_000))}`);
    expect(longer.status).toBe(431);
    expect(((await longer.json()) as { error: string }).error).toBe(`the request line and headers are over 64 KB: send a long question as POST /search {"q": "…"} (a question is read up to ${MAX_QUERY_CHARS} characters)`);
    expect((await json('/search', post(JSON.stringify({ q: '退'.repeat(30_000) })))).status).toBe(200);
  });

  it('says which methods a path takes when it refuses one (405 with Allow)', async () => {
    for (const [path, method, allow] of [['/search', 'PUT', 'GET, POST'], ['/search', 'OPTIONS', 'GET, POST'], ['/health', 'POST', 'GET, HEAD']] as const) {
      const res = await fetch(`${server.url}${path}`, { method });
      expect([res.status, res.headers.get('allow')], `${method} ${path}`).toEqual([405, allow]);
    }
  });

  it('reads a form body as a query string (Python requests.post(url, data={…})), and JSON sent as a form (curl -d) as JSON', async () => {
    const expected = (await json(`/search?q=${encodeURIComponent('包邮吗')}&k=2`)).body;
    const form = await json('/search', { method: 'POST', body: new URLSearchParams({ q: '包邮吗', k: '2' }) });
    expect(form).toEqual({ status: 200, body: expected });
    const curl = await json('/search', { method: 'POST', body: JSON.stringify({ q: '包邮吗', k: 2 }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(curl).toEqual({ status: 200, body: expected });
    const gbk = await json('/search', { method: 'POST', body: 'q=%B7%A2%C6%B1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([gbk.status, String(gbk.body.error)]).toEqual([400, expect.stringMatching(/not UTF-8/)]);
  });

  it('logs a question as far as search reads it, not a 100 KB line', async () => {
    const question = `运费${'啊'.repeat(50_000)}`;
    await json('/search', post(JSON.stringify({ q: question })));
    for (let i = 0; i < 100 && !readFileSync(log, 'utf8').includes('运费啊啊'); i++) await new Promise((r) => setTimeout(r, 50));
    const line = readFileSync(log, 'utf8').trim().split('\n').find((l) => l.includes('运费啊啊')) ?? '{}';
    expect((JSON.parse(line) as { question: string }).question).toBe(question.slice(0, MAX_QUERY_CHARS));
  });

  it('reports its health: the index and its number of entries', async () => {
    const got = await json('/health');
    expect(got.body).toMatchObject({ status: 'ok', index: served, entries: server.kb.size });
    expect(server.kb.size).toBe(16);
  });

  it('logs each question as a JSON line that kb gaps reads', async () => {
    await json(`/search?q=${encodeURIComponent('包邮吗')}`);
    await json(`/search?q=${encodeURIComponent('你们卖股票吗')}&threshold=0.99`);
    for (let i = 0; i < 100 && !readFileSync(log, 'utf8').includes('你们卖股票吗'); i++) await new Promise((r) => setTimeout(r, 50));
    const lines = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.at(-2)).toMatchObject({ question: '包邮吗', answered: true });
    // the top hit held back by the threshold is logged, with the threshold that judged it
    expect(lines.at(-1)).toMatchObject({ question: '你们卖股票吗', top: null, answered: false, threshold: 0.99 });
    const reader = new LogReader(log);
    const read: string[] = [];
    for await (const q of reader.questions()) read.push(q.question);
    expect(reader.allProblems()).toEqual([]);
    expect(read.slice(-2)).toEqual(['包邮吗', '你们卖股票吗']);

    // a hit the threshold holds back is answered: false, and its entry and confidence are logged
    // (a question no other test asks, so the wait below is for this one's line)
    await json(`/search?q=${encodeURIComponent('发票能开吗')}&threshold=0.99`);
    for (let i = 0; i < 100 && !readFileSync(log, 'utf8').includes('"发票能开吗"'); i++) await new Promise((r) => setTimeout(r, 50));
    const held = JSON.parse(readFileSync(log, 'utf8').trim().split('\n').find((l) => l.includes('"发票能开吗"')) ?? '{}') as Record<string, unknown>;
    expect(held).toMatchObject({ question: '发票能开吗', top: expect.any(String), answered: false, threshold: 0.99 });
    expect(held.confidence).toBeLessThan(0.99);
    expect(held.confidence).toBeGreaterThan(0);

    // logrotate moves the file away; the server goes on in a new file of the same name
    renameSync(log, `${log}.1`);
    server.reopenLog();
    await json(`/search?q=${encodeURIComponent('发票')}`);
    for (let i = 0; i < 100 && !(existsSync(log) && readFileSync(log, 'utf8').endsWith('\n')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(log, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { question: string }).question)).toEqual(['发票']);
  });

  it('reloads a rebuilt index, and keeps serving the old one when the new file does not load', async () => {
    const broken = join(dir.path, 'broken.tmp');
    writeFileSync(broken, readFileSync(small).subarray(0, 100));
    renameSync(broken, served);
    const failed = await server.reload();
    expect(failed.ok).toBe(false);
    expect(events.at(-1)).toMatch(/kb\.index: cannot load the index: .*still serving the index loaded at/);
    const health = (await json('/health')).body;
    expect(health.entries).toBe(16);
    // a bot's health check sees why the file on disk is not the one served, and that it is not plain ok (HTTP 200: it still answers)
    expect(String(health.problem)).toMatch(/cannot load the index/);
    expect(health.status).toBe('degraded');
    expect((await json('/health')).status).toBe(200);

    copyFileSync(small, served);
    const reloaded = await server.reload();
    expect(reloaded).toEqual({ ok: true, entries: server.kb.size });
    expect(server.kb.size).toBeLessThan(16);
    expect((await json('/health')).body.entries).toBe(server.kb.size);
    // which build is served, for a fleet's health checks: the new file's checksum, not the old one's
    expect((await json('/health')).body.checksum).toBe((await loadIndex(small)).checksum);
    expect((await loadIndex(small)).checksum).not.toBe((await loadIndex(sample)).checksum);
    expect((await json('/health')).body.problem).toBeUndefined();
    expect((await json('/health')).body.status).toBe('ok');
  });
});

/** A Prometheus text exposition, checked as a scraper reads it: family → sample lines as name{labels} → value. */
function exposition(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  const typed = new Map<string, string>();
  for (const line of text.trimEnd().split('\n')) {
    const comment = /^# (HELP|TYPE) ([a-z_]+) (.+)$/u.exec(line);
    if (comment !== null) {
      if (comment[1] === 'TYPE') typed.set(comment[2]!, comment[3]!);
      continue;
    }
    const sample = /^([a-z_]+)(\{[a-z_]+="[^"]*"\})? (-?[0-9.e+]+)$/u.exec(line);
    expect(sample, line).not.toBeNull();
    const family = sample![1]!.replace(/_(bucket|sum|count)$/u, '');
    expect(typed.has(family) || typed.has(sample![1]!), `${line}: no TYPE before it`).toBe(true);
    samples.set(`${sample![1]}${sample![2] ?? ''}`, Number(sample![3]));
  }
  return samples;
}

describe('kb serve: metrics', () => {
  it('counts questions answered, handed off, small talk and empty, top confidences, search time, failed requests and reloads, for Prometheus', async () => {
    const file = join(dir.path, 'metrics.index');
    copyFileSync(sample, file);
    const own = await startSearchServer({ index: file, port: 0, k: 3, threshold: 0.5, watchMs: 0 });
    try {
      for (const q of ['退货运费谁出', '怎么退货', '今天天气怎么样', '', '好的谢谢']) await fetch(`${own.url}/search?q=${encodeURIComponent(q)}`);
      await fetch(`${own.url}/search?q=x&k=0`);
      await fetch(`${own.url}/nowhere`);
      writeFileSync(file, 'not an index');
      await own.reload();
      const res = await fetch(`${own.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const m = exposition(await res.text());
      // histograms: cumulative buckets, +Inf = count; the off-topic question's top hit is under 0.5
      expect(Object.fromEntries(m)).toMatchObject({
        'kb_questions_total{outcome="answered"}': 2,
        'kb_questions_total{outcome="handed_off"}': 1,
        'kb_questions_total{outcome="small_talk"}': 1,
        'kb_questions_total{outcome="empty"}': 1,
        kb_top_confidence_count: 4,
        'kb_top_confidence_bucket{le="+Inf"}': 4,
        'kb_top_confidence_bucket{le="0.5"}': 2,
        kb_search_duration_seconds_count: 4,
        'kb_requests_failed_total{status="400"}': 1,
        'kb_requests_failed_total{status="404"}': 1,
        kb_index_entries: 16,
        kb_index_degraded: 1,
        'kb_index_reloads_total{result="failed"}': 1,
        'kb_index_reloads_total{result="ok"}': 0,
      });
      expect(m.get('kb_search_duration_seconds_sum')).toBeGreaterThan(0);
      const buckets = ['0.00025', '0.0005', '0.001', '0.0025', '0.005', '0.01', '0.025', '0.1', '+Inf'].map((le) => m.get(`kb_search_duration_seconds_bucket{le="${le}"}`) ?? -1);
      expect(buckets).toEqual([...buckets].sort((a, b) => a - b));
      expect(buckets.at(-1)).toBe(4);
      expect(Math.abs((m.get('kb_index_loaded_timestamp_seconds') ?? 0) - Date.now() / 1000)).toBeLessThan(600);
      expect((await fetch(`${own.url}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      await own.close();
    }
  });
});

describe('kb serve: passages', () => {
  let passages: SearchServer;
  beforeAll(async () => {
    passages = await startSearchServer({ index: shop, port: 0, k: 3, threshold: 0, passageChars: 120, watchMs: 0 });
  });
  afterAll(() => passages?.close());

  const top = async (query: string, init?: RequestInit, url = passages.url): Promise<{ answer: string; passage?: string } | undefined> => {
    const res = await fetch(`${url}/search${query}`, init);
    expect(res.status).toBe(200);
    return ((await res.json()) as { hits: { answer: string; passage?: string }[] }).hits[0];
  };
  const q = `?q=${encodeURIComponent('怎么申请退货')}`;

  it('cuts passages to the server default, and to passageChars (or passage_chars) of the request', async () => {
    const served = await top(q);
    expect(served?.answer.length).toBeGreaterThan(120);
    expect(served?.passage?.length).toBeLessThanOrEqual(120);
    expect(served?.passage).toMatch(/\n……$/u);
    const short = await top(`${q}&passageChars=60`);
    expect(short?.passage?.length).toBeLessThanOrEqual(60);
    expect(short?.passage).not.toBe(served?.passage);
    expect(await top(`${q}&passage_chars=60`)).toEqual(short);
    expect(await top('', post(JSON.stringify({ q: '怎么申请退货', passageChars: 60 })))).toEqual(short);
    // 0: whole answers only
    expect(await top(`${q}&passageChars=0`)).not.toHaveProperty('passage');
    const whole = await top('', post(JSON.stringify({ q: '怎么申请退货', passageChars: 1000 })));
    expect(whole).not.toHaveProperty('passage');
    expect(whole?.answer).toBe(served?.answer);
  });

  it('refuses a passageChars that is not 0 or a whole number ≥ 20 with 400', async () => {
    for (const [query, init, name] of [
      [`${q}&passageChars=-1`, undefined, 'passageChars'],
      [`${q}&passageChars=5`, undefined, 'passageChars'],
      [`${q}&passageChars=1.5`, undefined, 'passageChars'],
      [`${q}&passage_chars=many`, undefined, 'passage_chars'],
      ['', post(JSON.stringify({ q: '退货', passageChars: '12x' })), 'passageChars'],
      ['', post(JSON.stringify({ q: '退货', passageChars: true })), 'passageChars'],
    ] as const) {
      const res = await fetch(`${passages.url}/search${query}`, init);
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: string }).error, query).toMatch(new RegExp(`^"${name}" must be 0 \\(no passages\\) or a whole number ≥ 20 \\(the most characters of a passage\\), not `, 'u'));
    }
  });

  it('works out no passage for a top hit its threshold holds back, and still logs that hit', async () => {
    const log = join(dir.path, 'passages.jsonl');
    const logging = await startSearchServer({ index: shop, port: 0, k: 3, threshold: 0, log, watchMs: 0 });
    const passage = vi.spyOn(HitPassages.prototype, 'passage');
    try {
      expect(await top(`${q}&threshold=0.99`, undefined, logging.url)).toBeUndefined();
      expect(passage).not.toHaveBeenCalled();
      expect((await top(`${q}&threshold=0.5`, undefined, logging.url))?.passage).toBeDefined();
      expect(passage).toHaveBeenCalledTimes(1);
      for (let i = 0; i < 100 && readFileSync(log, 'utf8').split('\n').length < 3; i++) await new Promise((r) => setTimeout(r, 50));
      const [held, answered] = readFileSync(log, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(held).toMatchObject({ question: '怎么申请退货', top: expect.any(String), answered: false, threshold: 0.99 });
      expect(held?.confidence).toBeGreaterThan(0.5);
      expect(answered).toMatchObject({ top: held?.top, confidence: held?.confidence, answered: true, threshold: 0.5 });
    } finally {
      passage.mockRestore();
      await logging.close();
    }
  });
});

describe('kb serve: browsers (CORS)', () => {
  it('answers web pages at the origins allowed, their preflight included, and tells once about a page it does not allow', async () => {
    const lines: string[] = [];
    const cors = await startSearchServer({ index: sample, port: 0, k: 1, threshold: 0, watchMs: 0, cors: ['https://shop.example.com'], onEvent: (line) => lines.push(line) });
    try {
      const preflight = await fetch(`${cors.url}/search`, { method: 'OPTIONS', headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect(preflight.status).toBe(204);
      expect(Object.fromEntries([...preflight.headers].filter(([name]) => name.startsWith('access-control-')))).toEqual({
        'access-control-allow-origin': 'https://shop.example.com',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
      });
      const asked = await fetch(`${cors.url}/search`, { method: 'POST', body: JSON.stringify({ q: '发票' }), headers: { origin: 'https://shop.example.com', 'content-type': 'application/json' } });
      expect([asked.status, asked.headers.get('access-control-allow-origin'), asked.headers.get('vary')]).toEqual([200, 'https://shop.example.com', 'Origin']);
      // an error reaches the page too, so its script can read why
      const bad = await fetch(`${cors.url}/search`, { headers: { origin: 'https://shop.example.com' } });
      expect([bad.status, bad.headers.get('access-control-allow-origin')]).toEqual([400, 'https://shop.example.com']);
      for (let i = 0; i < 2; i++) {
        const other = await fetch(`${cors.url}/search?q=x`, { headers: { origin: 'https://elsewhere.example' } });
        expect([other.status, other.headers.get('access-control-allow-origin')]).toEqual([200, null]);
      }
      // a bot's own HTTP client sends no Origin: no CORS headers, nothing said
      expect((await fetch(`${cors.url}/health`)).headers.get('access-control-allow-origin')).toBeNull();
      // nor does a page of the same origin, behind the shop's reverse proxy: nothing to say about it
      await fetch(`${cors.url}/search?q=x`, { headers: { origin: 'https://shop.example.org', 'x-forwarded-host': 'shop.example.org' } });
      await fetch(`${cors.url}/search?q=x`, { headers: { origin: 'https://www.example.org', 'sec-fetch-site': 'same-origin' } });
      expect(lines).toEqual(['a web page at https://elsewhere.example asked; browsers drop the answers unless the server allows it: add it to --cors https://elsewhere.example']);
    } finally {
      await cors.close();
    }
    const any = await startSearchServer({ index: sample, port: 0, k: 1, threshold: 0, watchMs: 0, cors: ['*'] });
    try {
      expect((await fetch(`${any.url}/health`, { headers: { origin: 'http://localhost:3000' } })).headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await any.close();
    }
    // without cors, a preflight is refused, saying how to allow it
    const refused = await fetch(`${server.url}/search`, { method: 'OPTIONS', headers: { origin: 'https://shop.example.com', 'access-control-request-method': 'POST' } });
    expect([refused.status, ((await refused.json()) as { error: string }).error]).toEqual([405, "cross-origin requests are not allowed: start kb serve with --cors <the page's origin>"]);
  });
});

describe('kb serve: connections', () => {
  it('keeps an idle keep-alive connection past 5 s (a load balancer reuses it), and still stops at once', async () => {
    const lasting = await startSearchServer({ index: sample, port: 0, k: 1, threshold: 0, watchMs: 0 });
    const socket = connect(Number(new URL(lasting.url).port), '127.0.0.1');
    socket.on('error', () => {});
    let text = '';
    let closed = false;
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('close', () => (closed = true));
    const answers = async (n: number): Promise<void> => {
      const deadline = Date.now() + 5000;
      while (text.split('HTTP/1.1 200').length - 1 < n && !closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    };
    try {
      socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
      await answers(1);
      // Node's default closes it after 5 s idle (6 s here, with the socket's own slack): a balancer that
      // sends on it then gets a reset (a 502 to the bot)
      await new Promise((r) => setTimeout(r, 6600));
      expect(closed).toBe(false);
      socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
      await answers(2);
      expect(text.split('HTTP/1.1 200').length - 1).toBe(2);
      const started = Date.now();
      await lasting.close();
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      socket.destroy();
    }
  }, 20_000);
});

describe('kb serve: stopping', () => {
  /** A client that sends half a request and then nothing (a cut network, a stalled sender). */
  const stall = (url: string): Promise<() => void> =>
    new Promise((resolve) => {
      const socket = connect(Number(new URL(url).port), '127.0.0.1', () => {
        socket.write('POST /search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"q": "退');
        resolve(() => socket.destroy());
      });
      socket.on('error', () => {});
    });

  it('lets requests in progress finish, but a stalled client does not hold close() past its grace', async () => {
    const stopping = await startSearchServer({ index: sample, port: 0, k: 1, threshold: 0, watchMs: 0, closeGraceMs: 200 });
    const hangUp = await stall(stopping.url);
    try {
      const started = Date.now();
      // it waited for Node's request timeout, 5 minutes, before
      await stopping.close();
      expect(Date.now() - started).toBeLessThan(3000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    } finally {
      hangUp();
    }
  });

  it('answers a request in progress at a stop with Connection: close, so a keep-alive client does not send its next question on a connection being closed', async () => {
    const stopping = await startSearchServer({ index: sample, port: 0, watchMs: 0, closeGraceMs: 3000 });
    const socket = connect(Number(new URL(stopping.url).port), '127.0.0.1');
    socket.on('error', () => {});
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const body = JSON.stringify({ q: '退货运费谁出' });
    socket.write(`POST /search HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 5)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const closed = stopping.close();
    const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write(body.slice(5));
    await closed;
    await ended;
    // the answer came, said the connection closes, and the stop did not wait out its grace for a kept-alive connection
    expect(answer).toMatch(/^HTTP\/1\.1 200/u);
    expect(answer.toLowerCase()).toContain('connection: close');
    expect(Date.now() - started).toBeLessThan(2000);
    socket.destroy();
  });

  it('kb serve: the first SIGTERM waits for the requests in progress and says so, a second stops at once (exit 0)', async () => {
    const kb = await startKb(['--index', sample, '--port', '0', '--no-watch', '--drain', '0']);
    await kb.said('  SIGTERM stops without draining (--drain 0), as Ctrl+C does');
    const hangUp = await stall(kb.url);
    try {
      const started = Date.now();
      const exited = kb.stop('SIGTERM');
      await kb.said('stopping: waiting up to 5 s for the requests in progress (Ctrl+C again stops at once)');
      expect(await Promise.all([exited, kb.stop('SIGTERM')])).toEqual([0, 0]);
      expect(Date.now() - started).toBeLessThan(4000);
      expect(kb.stderr()).toMatch(/\nstopped\n$/u);
      expect(kb.stderr()).not.toContain('search failed');
    } finally {
      hangUp();
    }
  }, 60_000);
});

describe('kb serve: draining before a stop (a load balancer takes the instance out first)', () => {
  /** A keep-alive connection opened before a drain, as a balancer's pool holds one: ask on it, see whether it closed. */
  const keepAlive = async (url: string): Promise<{ ask: (path: string) => Promise<string>; closed: Promise<void> }> => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.on('error', () => {});
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    return {
      closed,
      ask: async (path) => {
        text = '';
        socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\n\r\n`);
        const deadline = Date.now() + 5000;
        // a whole answer: headers and the body its content-length says
        const whole = (): boolean => {
          const head = text.indexOf('\r\n\r\n');
          const length = /content-length: (\d+)/iu.exec(text)?.[1];
          return head >= 0 && length !== undefined && Buffer.byteLength(text.slice(head + 4)) >= Number(length);
        };
        while (!whole() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
        return text;
      },
    };
  };
  const gauge = async (url: string): Promise<number | undefined> => exposition(await (await fetch(`${url}/metrics`)).text()).get('kb_draining');

  it('drain(): /health answers 503 draining, searches are still answered, every answer says Connection: close, /metrics says kb_draining 1; close() ends it at once', async () => {
    const draining = await startSearchServer({ index: sample, port: 0, k: 1, threshold: 0, watchMs: 0 });
    try {
      const pooled = await keepAlive(draining.url);
      const before = await pooled.ask('/health');
      expect(before).toMatch(/^HTTP\/1\.1 200 /u);
      expect(before.toLowerCase()).not.toContain('connection: close');
      expect([draining.draining, await gauge(draining.url)]).toEqual([false, 0]);

      const drained = draining.drain(60_000);
      expect(draining.draining).toBe(true);
      const health = await fetch(`${draining.url}/health`);
      expect(health.status).toBe(503);
      expect(health.headers.get('connection')).toBe('close');
      const body = (await health.json()) as { status: string; stopsIn: number; entries: number };
      expect(body).toMatchObject({ status: 'draining', entries: 16 });
      expect(body.stopsIn).toBeGreaterThan(50);
      // a question sent before the balancer noticed is answered, and the client told to go elsewhere
      const search = await fetch(`${draining.url}/search?q=${encodeURIComponent('发票')}`);
      expect(search.status).toBe(200);
      expect(search.headers.get('connection')).toBe('close');
      expect(((await search.json()) as { hits: unknown[] }).hits).toHaveLength(1);
      expect(await gauge(draining.url)).toBe(1);
      // the connection kept alive from before the drain: answered, told it closes, closed
      const onPooled = await pooled.ask(`/search?q=${encodeURIComponent('退货')}`);
      expect(onPooled).toMatch(/^HTTP\/1\.1 200 /u);
      expect(onPooled.toLowerCase()).toContain('connection: close');
      await pooled.closed;
      // a second call is the same drain
      expect(draining.drain(10)).toBe(drained);

      const started = Date.now();
      await draining.close();
      const result = await drained;
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result.searches).toBe(2);
      expect(result.ms).toBeLessThan(60_000);
    } finally {
      await draining.close();
    }
  });

  it('drain(ms) ends by itself after ms, the server draining until close(); a drain that is not 0 to an hour is a RangeError', async () => {
    const draining = await startSearchServer({ index: sample, port: 0, watchMs: 0 });
    try {
      for (const bad of [-1, Number.NaN, 3_600_001, '5' as unknown as number]) {
        await expect(draining.drain(bad), String(bad)).rejects.toThrow(RangeError);
      }
      expect(draining.draining).toBe(false);
      const started = Date.now();
      expect((await draining.drain(300)).searches).toBe(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect((await fetch(`${draining.url}/health`)).status).toBe(503);
      expect((await fetch(`${draining.url}/search?q=x`)).status).toBe(200);
    } finally {
      await draining.close();
    }
  });

  it('kb serve --drain 0.3: SIGTERM says it drains, drains, stops and exits 0, saying how many searches came meanwhile', async () => {
    const kb = await startKb(['--index', sample, '--port', '0', '--no-watch', '--drain', '0.3']);
    await kb.said('  SIGTERM drains 0.3 s first (GET /health answers 503, searches are still answered: load balancers take it out), then stops; Ctrl+C stops without draining');
    const started = Date.now();
    expect(await kb.stop('SIGTERM')).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(kb.stderr()).toContain('\ndraining: GET /health answers 503 for 0.3 s so load balancers stop sending; searches are still answered (Ctrl+C or SIGTERM again stops at once)\n');
    expect(kb.stderr()).toMatch(/\nstopped after draining 0\.[3-9] s \(0 searches answered meanwhile\)\n$/u);
  }, 60_000);

  it('kb serve: during a drain /health is 503 and /search 200; a second SIGTERM stops at once (exit 0); Ctrl+C never drains', async () => {
    const kb = await startKb(['--index', sample, '--port', '0', '--no-watch', '--drain', '30s']);
    await kb.said('SIGTERM drains 30 s first');
    const exited = kb.stop('SIGTERM');
    await kb.said('draining: GET /health answers 503 for 30 s');
    expect((await fetch(`${kb.url}/health`)).status).toBe(503);
    expect((await fetch(`${kb.url}/search?q=${encodeURIComponent('发票')}`)).status).toBe(200);
    const started = Date.now();
    expect(await Promise.all([exited, kb.stop('SIGTERM')])).toEqual([0, 0]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(kb.stderr()).toMatch(/\nstopped after draining \d+(\.\d)? s \(1 search answered meanwhile\)\n$/u);

    const byHand = await startKb(['--index', sample, '--port', '0', '--no-watch', '--drain', '30']);
    await byHand.said('Ctrl+C stops without draining');
    const interrupted = Date.now();
    expect(await byHand.stop('SIGINT')).toBe(0);
    expect(Date.now() - interrupted).toBeLessThan(5000);
    expect(byHand.stderr()).not.toContain('draining:');
    expect(byHand.stderr()).toMatch(/\nstopped\n$/u);
  }, 60_000);
});

describe('kb serve: watching the index file', () => {
  it('picks up a rebuilt index by itself', async () => {
    const watched = join(dir.path, 'watched.index');
    copyFileSync(sample, watched);
    const lines: string[] = [];
    const watching = await startSearchServer({ index: watched, port: 0, k: 5, threshold: 0, watchMs: 50, onEvent: (line) => lines.push(line) });
    try {
      expect(watching.kb.size).toBe(16);
      const next = join(dir.path, 'watched.tmp');
      copyFileSync(small, next);
      renameSync(next, watched);
      const deadline = Date.now() + 10_000;
      while (watching.kb.size === 16 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(watching.kb.size).toBeLessThan(16);
      expect(lines).toEqual([`reloaded ${watched}: ${watching.kb.size} entries`]);
      // the file removed: said once, /health says so, the index loaded keeps answering
      rmSync(watched);
      const gone = Date.now() + 10_000;
      while (lines.length < 2 && Date.now() < gone) await new Promise((r) => setTimeout(r, 50));
      expect(lines[1]).toMatch(/watched\.index: the index file is gone; still serving/);
      const health = (await (await fetch(`${watching.url}/health`)).json()) as { status: string; problem?: string; entries: number };
      expect(health).toMatchObject({ status: 'degraded', entries: watching.kb.size, problem: expect.stringMatching(/the index file is gone/) });
    } finally {
      await watching.close();
    }
  });
});

describe('startSearchServer: embedded in a Node bot', () => {
  it("takes kb serve's defaults when k and threshold are left out (k 5, every hit answered)", async () => {
    const embedded = await startSearchServer({ index: sample, port: 0, watchMs: 0 });
    try {
      const kb = await loadIndex(sample);
      const got = (await (await fetch(`${embedded.url}/search?q=${encodeURIComponent('退货运费谁出')}`)).json()) as { hits: unknown[] };
      expect(got.hits).toEqual(JSON.parse(JSON.stringify(kb.search('退货运费谁出', { k: 5 }))));
      expect(got.hits).toHaveLength(5);
    } finally {
      await embedded.close();
    }
  });

  it('refuses a k, threshold or passageChars that is no such number with a RangeError, before it listens (NaN from an unset variable handed every question off)', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ threshold: Number.NaN }, 'threshold must be a confidence from 0 to 1, not NaN'],
      [{ threshold: 50 }, 'threshold must be a confidence from 0 to 1, not 50'],
      [{ threshold: '0.5' }, 'threshold must be a confidence from 0 to 1, not "0.5"'],
      [{ k: Number.NaN }, 'k must be a whole number from 1 to 100, not NaN'],
      [{ k: 0 }, 'k must be a whole number from 1 to 100, not 0'],
      [{ passageChars: 5 }, 'passageChars must be 0 (no passages) or a whole number ≥ 20, not 5'],
    ];
    for (const [options, message] of bad) {
      await expect(startSearchServer({ index: sample, port: 0, watchMs: 0, ...options } as Parameters<typeof startSearchServer>[0]), message).rejects.toThrow(new RangeError(`startSearchServer: ${message}`));
    }
  });
});

describe('kb serve: the command', () => {
  it('prints its address, serves, says SIGTERM drains 5 s by default, and stops on Ctrl+C with exit 0', async () => {
    const kb = await startKb(['--index', sample, '--port', '0', '--no-watch']);
    expect(kb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${kb.url}/search?q=${encodeURIComponent('发票')}&k=1`);
    expect(((await res.json()) as { hits: unknown[] }).hits).toHaveLength(1);
    await kb.said(/serving .*sample\.index \(16 entries\)/);
    await kb.said('  SIGTERM drains 5 s first (GET /health answers 503, searches are still answered: load balancers take it out), then stops; Ctrl+C stops without draining');
    expect(await kb.stop()).toBe(0);
  }, 60_000);

  it('cuts passages to --passage-chars, and serves whole answers with --passage-chars 0', async () => {
    const ask = async (url: string): Promise<{ answer: string; passage?: string }> => ((await (await fetch(`${url}/search?q=${encodeURIComponent('怎么申请退货')}&k=1`)).json()) as { hits: { answer: string; passage?: string }[] }).hits[0]!;
    const cut = await startKb(['--index', shop, '--port', '0', '--no-watch', '--passage-chars', '90']);
    try {
      const hit = await ask(cut.url);
      expect(hit.passage?.length).toBeLessThanOrEqual(90);
      expect(hit.answer.length).toBeGreaterThan(90);
      await cut.said('the top hit of an answer over 90 characters carries a passage at most that long (passageChars=N in a request sets it)');
    } finally {
      await cut.stop();
    }
    const off = await startKb(['--index', shop, '--port', '0', '--no-watch', '--passage-chars', '0']);
    try {
      expect(await ask(off.url)).not.toHaveProperty('passage');
      await off.said('hits carry whole answers, no passages (--passage-chars 0; passageChars=N in a request asks for them)');
    } finally {
      await off.stop();
    }
    const bad = runKb(['serve', '--index', shop, '--port', '0', '--passage-chars', 'ten']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--passage-chars <n>' argument 'ten' is invalid. expected 0 (no passages) or a whole number ≥ 20.");
    const tiny = runKb(['serve', '--index', shop, '--port', '0', '--passage-chars', '3']);
    expect(tiny.code).toBe(2);
    const blank = runKb(['serve', '--index', shop, '--port', '0', '--passage-chars', ' ']);
    expect(blank.code).toBe(2);
  }, 60_000);

  it('answers with the threshold of kb.config.yaml when no flag gives one', async () => {
    const work = join(dir.path, 'configured');
    mkdirSync(work);
    copyFileSync(sample, join(work, 'kb.index'));
    writeFileSync(join(work, 'kb.config.yaml'), 'sources: []\nout: kb.index\neval:\n  threshold: 0.9\n');
    const kb = await startKb(['--port', '0', '--no-watch'], work);
    try {
      const res = await fetch(`${kb.url}/search?q=${encodeURIComponent('退货 运费 发票 保修 快递 退款')}`);
      const hits = ((await res.json()) as { hits: { confidence: number }[] }).hits;
      expect(hits.length).toBeLessThan(5);
      for (const h of hits) expect(h.confidence).toBeGreaterThanOrEqual(0.9);
      await kb.said('hits below confidence 0.9 are left out (eval.threshold of kb.config.yaml)');
    } finally {
      await kb.stop();
    }
  }, 60_000);

  it('falls back to 0.5 as kb gaps does when kb.config.yaml says threshold: auto, and says to write the number kb eval printed', async () => {
    const work = join(dir.path, 'configured-auto');
    mkdirSync(work);
    copyFileSync(sample, join(work, 'kb.index'));
    writeFileSync(join(work, 'kb.config.yaml'), 'sources: []\nout: kb.index\neval:\n  threshold: auto\n');
    const kb = await startKb(['--port', '0', '--no-watch'], work);
    try {
      // a right question is still answered
      const res = await fetch(`${kb.url}/search?q=${encodeURIComponent('发票')}&k=1`);
      expect(((await res.json()) as { hits: unknown[] }).hits).toHaveLength(1);
      // before, every hit came back (nothing handed off): now none below 0.5
      const loose = await fetch(`${kb.url}/search?q=${encodeURIComponent('退货 运费 发票 保修 快递 退款')}`);
      for (const h of ((await loose.json()) as { hits: { confidence: number }[] }).hits) expect(h.confidence).toBeGreaterThanOrEqual(0.5);
      await kb.said('kb serve: eval.threshold of kb.config.yaml is auto, which only kb eval can work out; using 0.5: write the threshold kb eval --threshold auto prints into kb.config.yaml (eval: threshold: X), or pass --threshold X');
      await kb.said('hits below confidence 0.5 are left out (eval.threshold of kb.config.yaml is auto: the fallback): no hits means hand off');
    } finally {
      await kb.stop();
    }
  }, 60_000);

  it('refuses a question log it cannot write, in one line, before it listens', () => {
    const r = runKb(['serve', '--index', sample, '--port', '0', '--log', join(dir.path, 'no-such-folder', 'q.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`kb: ${join(dir.path, 'no-such-folder', 'q.jsonl')}: cannot write the question log (ENOENT); check that its folder exists and is writable`);
  }, 60_000);

  it('says so in one line when the port is taken, and exits 1', async () => {
    const port = new URL(server.url).port;
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'kb.js'), 'serve', '--index', sample, '--port', port], { cwd: ROOT, env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(`kb: port ${port} on 127.0.0.1 is in use; pass another --port (0 picks a free one)`);
  }, 60_000);
});
