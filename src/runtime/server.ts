/**
 * An HTTP search service over one index file, for bots that are not written in Node (Java,
 * Python, Go …) or that run the index apart from the bot: `kb serve`, or `startSearchServer` from
 * `kb/runtime`. Node's own http module only; no build-time package.
 *
 *   GET  /search?q=退货运费谁出&k=3&threshold=0.5&passageChars=120
 *   POST /search   {"q": "退货运费谁出", "k": 3, "threshold": 0.5, "passageChars": 120}
 *   GET  /health   (status ok, or degraded with a problem while the index loaded last keeps answering)
 *   GET  /metrics  (Prometheus: questions answered and handed off, top confidences, search time, failures; metrics.ts)
 *
 * A search answers `{ question, hits }`, the shape of `kb query --json`. The index is reloaded
 * when its file changes (kb build writes it atomically) or on SIGHUP (`kb serve`, which also
 * reopens the log); a new file that does not load leaves the old index serving. With a query log, every question is appended as one JSON
 * line that `kb gaps` reads as it is. Every index is warmed (`kb.warmAsync()`, in slices, so the old
 * index keeps answering) before it serves, so the first questions after a start or a reload are not
 * the slow ones. With `cors`, web pages at those origins may ask from a browser; drain() takes the
 * instance out of a load balancer's pool while it still answers (GET /health 503), and close() lets
 * the requests in progress finish for a grace period, then cuts them.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { appendFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { MAX_QUERY_CHARS } from '../analyze/analyzer.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { loadIndex } from './load.js';
import { ServeMetrics } from './metrics.js';
import { DEFAULT_PASSAGE_CHARS, MIN_PASSAGE_CHARS } from './passage.js';

export interface SearchServerOptions {
  /** The index file. */
  index: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Interface to listen on; default 127.0.0.1 (only this machine). */
  host?: string;
  /** Hits per search unless the request says (`k`); default 5, as kb serve. */
  k?: number;
  /** Hide hits below this confidence unless the request says (`threshold`); default 0 (every hit answered), as kb serve without a threshold. */
  threshold?: number;
  /** The top hit of an answer longer than this gets a passage at most this long, unless the request says (`passageChars`); default 200, 0: no passages. */
  passageChars?: number;
  /** Append every question to this JSONL file: time, question, top hit's id and confidence (below the threshold too), answered (a hit at or above the threshold), the threshold (0 when none was set: every hit answered). The question is logged as far as search reads it (MAX_QUERY_CHARS). */
  log?: string;
  /** Check the index file for changes this often (ms); 0 = never (SIGHUP still reloads). */
  watchMs?: number;
  /** Told about loads, reloads and problems, one line each. */
  onEvent?: (line: string) => void;
  /**
   * Web pages allowed to ask from a browser (a chat widget on the shop's site): their origins
   * (`https://shop.example.com`), or `*` for any. Their requests get CORS headers and preflight
   * `OPTIONS` requests are answered; without it a browser drops every answer to another origin.
   */
  cors?: readonly string[];
  /** How long close() waits for requests in progress before it cuts their connections (ms; default 5000). */
  closeGraceMs?: number;
}

/** A running search server. */
export interface SearchServer {
  /** Where it listens, e.g. http://127.0.0.1:8080 */
  readonly url: string;
  /** The index in service now. */
  readonly kb: KnowledgeBase;
  /** Load the index file again; the old index stays when the new one does not load. */
  reload(): Promise<{ ok: true; entries: number } | { ok: false; message: string }>;
  /** Close the question log and open it again by name (after logrotate moved it). */
  reopenLog(): void;
  /**
   * Stop listening, stop watching, let the requests in progress finish — for `graceMs` at most
   * (default `closeGraceMs`, 5 s: a client that stalls mid-request no longer holds the process),
   * then cut their connections — and finish the log. Called again, it stops within its own `graceMs`.
   */
  close(graceMs?: number): Promise<void>;
  /**
   * Before close(), what a load balancer or Kubernetes expects of an instance told to stop: from now
   * on GET /health answers 503 `{"status":"draining", …}` (a readiness check fails and the balancer
   * stops sending), searches are still answered (a question sent before the balancer noticed is not
   * lost), every answer says `Connection: close` (a keep-alive client takes its next question
   * elsewhere) and /metrics says `kb_draining 1`. Resolves after `drainMs`, or at once when close()
   * is called meanwhile, with how long it drained and how many searches it answered meanwhile; the
   * server stays draining until close(). Called again, it gives the first call's promise. A `drainMs`
   * that is not a number from 0 to 3,600,000 is a RangeError.
   */
  drain(drainMs: number): Promise<DrainResult>;
  /** Whether drain() or close() was called: /health answers 503. */
  readonly draining: boolean;
}

/** What a drain came to: how long it lasted (ms; shorter when close() ended it) and the searches answered meanwhile. */
export interface DrainResult {
  ms: number;
  searches: number;
}

/** The longest drain taken (ms): an hour; a longer one is a mistake (and past setTimeout's range, it would end at once). */
export const MAX_DRAIN_MS = 3_600_000;

/** The largest request body taken; search reads a long question's start only (MAX_QUERY_CHARS). */
export const MAX_BODY_BYTES = 256 * 1024;
const MAX_K = 100;
/**
 * The most bytes of a request line and headers: a question of MAX_QUERY_CHARS (2,000) Chinese
 * characters is 18 KB in a percent-encoded URL, past Node's default of 16 KB (a bare 431).
 */
export const MAX_HEADER_BYTES = 64 * 1024;
/** A request must arrive whole within this (Node's default is 5 minutes: a stalled client held a connection, and a shutdown, that long). */
const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_CLOSE_GRACE_MS = 5000;
/**
 * How long an idle keep-alive connection stays open: longer than a load balancer's idle timeout
 * (60 s on AWS ALB, nginx's upstream keepalive 60 s), so the balancer closes first. With Node's 5 s,
 * the server closed connections the balancer was about to reuse, and a bot saw 502s at random.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface Served {
  kb: KnowledgeBase;
  mtimeMs: number;
  size: number;
  loadedAt: string;
}

async function fileStamp(file: string): Promise<{ mtimeMs: number; size: number } | undefined> {
  try {
    const s = await stat(file);
    return { mtimeMs: s.mtimeMs, size: s.size };
  } catch {
    return undefined;
  }
}

/** Load and warm an index: it goes into service only once its first questions are as fast as the rest. */
async function loadServed(file: string): Promise<Served> {
  const stamp = await fileStamp(file);
  const kb = await loadIndex(file);
  // in slices: while a reloaded index warms, the old one keeps answering
  await kb.warmAsync();
  return { kb, mtimeMs: stamp?.mtimeMs ?? 0, size: stamp?.size ?? 0, loadedAt: new Date().toISOString() };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

/** A raw response on a socket Node's HTTP parser gave up on: a JSON error, then the connection closed once it is sent. */
function refuseOnSocket(socket: Duplex, status: string, error: string): void {
  const body = JSON.stringify({ error });
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  // the rest of the request is read and dropped: closing with unread bytes resets the connection,
  // and the client would see that instead of the answer
  socket.resume();
  setTimeout(() => socket.destroy(), 2000).unref();
}

const NOT_UTF8 = 'the question is not UTF-8: send it as UTF-8 (percent-encode its UTF-8 bytes in a URL), not GBK';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      reject(new RequestError(413, `the request body is ${declared} bytes; at most ${MAX_BODY_BYTES} are taken`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return; // the rest is read and dropped, so the 413 reaches the client
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new RequestError(413, `the request body is over ${MAX_BODY_BYTES} bytes`));
      else chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        // bytes that are not UTF-8 (a GBK-encoded question from an older client) are no question kb can answer
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(new RequestError(400, NOT_UTF8));
      }
    });
    req.on('error', reject);
  });
}

/** Whether an Origin header names the host a request was sent to (Host, or a proxy's X-Forwarded-Host). */
function sameHost(origin: string, host: string | string[] | undefined): boolean {
  const first = (Array.isArray(host) ? host[0] : host)?.split(',')[0]?.trim();
  if (first === undefined || first === '') return false;
  try {
    return new URL(origin).host === first.toLowerCase();
  } catch {
    return false;
  }
}

/** The fields of a query string or a form body; a percent-encoded value that is not UTF-8 (GBK) would decode to U+FFFD, a silent miss: refused. */
function formFields(text: string): URLSearchParams {
  for (const part of text.split('&')) {
    try {
      decodeURIComponent(part.replaceAll('+', ' '));
    } catch {
      throw new RequestError(400, NOT_UTF8);
    }
  }
  return new URLSearchParams(text);
}

/** A number parameter of a request (a query-string text or a JSON number); the fallback when absent. */
function numberParam(value: unknown, name: string, fallback: number, valid: (n: number) => boolean, wanted: string): number {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return fallback;
  const n = Number(value);
  if ((typeof value !== 'number' && typeof value !== 'string') || !valid(n)) throw new RequestError(400, `"${name}" must be ${wanted}, not ${JSON.stringify(value)}`);
  return n;
}

/** The search parameters of a GET query string or a POST JSON body. */
async function searchParams(req: IncomingMessage, url: URL, options: Settled): Promise<{ question: string; k: number; threshold: number; passageChars: number }> {
  let fields: Record<string, unknown>;
  if (req.method === 'POST') {
    const body = await readBody(req);
    // a form (Python's requests.post(url, data={…}), an HTML form) is read as a query string is; a
    // body that looks like JSON is JSON whatever its type says (curl -d sends JSON as a form)
    if (/^application\/x-www-form-urlencoded\b/iu.test(req.headers['content-type'] ?? '') && !/^\s*[[{]/u.test(body)) {
      fields = Object.fromEntries(formFields(body));
    } else {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        throw new RequestError(400, 'the body is not JSON; send {"q": "the customer question", "k": 5} (or a form: q=…&k=5 with content-type application/x-www-form-urlencoded)');
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new RequestError(400, 'the body must be a JSON object: {"q": "the customer question"}');
      fields = parsed as Record<string, unknown>;
    }
  } else {
    fields = Object.fromEntries(formFields(url.search.slice(1)));
  }
  const question = fields.q ?? fields.question;
  if (question === undefined || question === null) throw new RequestError(400, 'no question: pass it as "q" (GET /search?q=… or POST {"q": "…"})');
  if (typeof question !== 'string') {
    const what = Array.isArray(question) ? 'a list' : typeof question === 'object' ? 'an object' : JSON.stringify(question);
    throw new RequestError(400, `"${fields.q === undefined ? 'question' : 'q'}" must be the customer's question as a string, not ${what}: POST {"q": "…"}`);
  }
  // passage_chars too: a bot in Python or Go writes it so
  const passageField = fields.passageChars === undefined && fields.passage_chars !== undefined ? 'passage_chars' : 'passageChars';
  return {
    question,
    k: numberParam(fields.k, 'k', options.k, (n) => Number.isInteger(n) && n >= 1 && n <= MAX_K, `a whole number from 1 to ${MAX_K}`),
    threshold: numberParam(fields.threshold, 'threshold', options.threshold, (n) => n >= 0 && n <= 1, 'a number from 0 to 1'),
    passageChars: numberParam(fields[passageField], passageField, options.passageChars ?? DEFAULT_PASSAGE_CHARS, (n) => Number.isInteger(n) && (n === 0 || n >= MIN_PASSAGE_CHARS), `0 (no passages) or a whole number ≥ ${MIN_PASSAGE_CHARS} (the most characters of a passage)`),
  };
}

type Settled = SearchServerOptions & { k: number; threshold: number };

/** A bad option's value as a message shows it: 50, NaN, "5", undefined. */
const shown = (v: unknown): string => (typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? typeof v));

/**
 * The options with kb serve's defaults, checked as kb.search checks its own: a threshold of NaN
 * (Number(process.env.X) of an unset variable) or 50 (meant as 50 %) handed every question off
 * without a word, a k of NaN answered nothing. A RangeError at start, before the index is read.
 */
function withDefaults(options: SearchServerOptions): Settled {
  const k = options.k ?? 5;
  const threshold = options.threshold ?? 0;
  if (typeof k !== 'number' || !Number.isInteger(k) || k < 1 || k > MAX_K) throw new RangeError(`startSearchServer: k must be a whole number from 1 to ${MAX_K}, not ${shown(k)}`);
  if (typeof threshold !== 'number' || !(threshold >= 0 && threshold <= 1)) throw new RangeError(`startSearchServer: threshold must be a confidence from 0 to 1, not ${shown(threshold)}`);
  const passageChars = options.passageChars;
  if (passageChars !== undefined && (typeof passageChars !== 'number' || !Number.isInteger(passageChars) || (passageChars !== 0 && passageChars < MIN_PASSAGE_CHARS))) {
    throw new RangeError(`startSearchServer: passageChars must be 0 (no passages) or a whole number ≥ ${MIN_PASSAGE_CHARS}, not ${shown(passageChars)}`);
  }
  return { ...options, k, threshold };
}

/** Starts the server: loads the index (throws IndexLoadError when it cannot), listens, watches the file. */
export async function startSearchServer(serverOptions: SearchServerOptions): Promise<SearchServer> {
  const options = withDefaults(serverOptions);
  const tell = options.onEvent ?? (() => {});
  let served = await loadServed(options.index);
  let log: WriteStream | undefined;
  const openLog = (file: string): void => {
    const stream = createWriteStream(file, { flags: 'a' });
    stream.on('error', (error) => {
      tell(`${file}: cannot write the question log (${error.message}); questions are not logged until it is reopened (SIGHUP)`);
      if (log === stream) log = undefined;
    });
    log = stream;
  };
  if (options.log !== undefined) {
    const file = options.log;
    // a log that cannot be written is a mistake to say at once, not after the first question
    await appendFile(file, '').catch((error: NodeJS.ErrnoException) => {
      throw Object.assign(new Error(`${file}: cannot write the question log (${error.code ?? error.message}); check that its folder exists and is writable`), { code: 'KB_LOG' });
    });
  }
  /** A log moved away (logrotate) is continued in a new file of the same name. */
  const reopenLog = (): void => {
    if (options.log === undefined) return;
    log?.end();
    openLog(options.log);
  };

  const metrics = new ServeMetrics();
  let reloading: Promise<Awaited<ReturnType<SearchServer['reload']>>> | undefined;
  /** Why the index file on disk is not the one served (a rebuild that does not load, a file gone), for /health. */
  let problem: string | undefined;
  let gone = false;
  const reload: SearchServer['reload'] = () => {
    reloading ??= (async () => {
      try {
        served = await loadServed(options.index);
        problem = undefined;
        metrics.reload(true);
        tell(`reloaded ${options.index}: ${served.kb.size} entries`);
        return { ok: true as const, entries: served.kb.size };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        problem = message;
        metrics.reload(false);
        // the file that failed is not tried again until it changes once more
        const stamp = await fileStamp(options.index);
        if (stamp !== undefined) served = { ...served, ...stamp };
        tell(`${message} (still serving the index loaded at ${served.loadedAt})`);
        return { ok: false as const, message };
      } finally {
        reloading = undefined;
      }
    })();
    return reloading;
  };

  const allowed = new Set(options.cors ?? []);
  /** Origins of browser pages that asked although no --cors allows them: said once each. */
  const refusedOrigins = new Set<string>();
  /** The CORS headers for a request from a web page (none for a bot's own HTTP client, which sends no Origin). */
  const corsHeaders = (req: IncomingMessage): Record<string, string> => {
    const origin = req.headers.origin;
    if (origin === undefined) return {};
    if (allowed.has('*')) return { 'access-control-allow-origin': '*' };
    if (allowed.has(origin)) return { 'access-control-allow-origin': origin, vary: 'Origin' };
    // a page of the same origin (kb serve behind the shop's own reverse proxy) needs no CORS
    if (req.headers['sec-fetch-site'] === 'same-origin' || sameHost(origin, req.headers['x-forwarded-host'] ?? req.headers.host)) return {};
    if (!refusedOrigins.has(origin) && refusedOrigins.size < 100) {
      refusedOrigins.add(origin);
      tell(`a web page at ${origin} asked; browsers drop the answers unless the server allows it: ${options.cors === undefined ? 'start it with' : 'add it to'} --cors ${origin}`);
    }
    return {};
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, cors: Record<string, string>): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const known = url.pathname === '/health' || url.pathname === '/search';
    if (req.method === 'OPTIONS' && known) {
      // a browser's preflight before a POST with a JSON body
      if (cors['access-control-allow-origin'] === undefined) throw new RequestError(405, 'cross-origin requests are not allowed: start kb serve with --cors <the page\'s origin>', { allow: url.pathname === '/health' ? 'GET, HEAD' : 'GET, POST' });
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600', 'content-length': '0' });
      res.end();
      return;
    }
    if (url.pathname === '/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new RequestError(405, 'use GET /health', { allow: 'GET, HEAD' });
      // still answering (200), from the index loaded last; with a problem — why the file on disk is
      // not it — the status is "degraded", not "ok": a check that reads only `status` sees it too
      const trouble = gone ? `${options.index}: the index file is gone` : problem;
      // draining (or stopping): 503, so a readiness check fails and the balancer sends elsewhere
      const about = { index: options.index, entries: served.kb.size, checksum: served.kb.checksum, loadedAt: served.loadedAt, ...(trouble === undefined ? {} : { problem: trouble }) };
      if (outOfService()) {
        // seconds left of the drain (0 once it is over and close() is awaited)
        const drainLeft = drained !== undefined && !stopping ? { stopsIn: Math.round(Math.max(0, drained.until - Date.now()) / 100) / 10 } : {};
        send(res, 503, { status: stopping ? 'stopping' : 'draining', ...drainLeft, ...about }, cors);
        return;
      }
      send(res, 200, { status: trouble === undefined ? 'ok' : 'degraded', ...about }, cors);
      return;
    }
    if (url.pathname === '/metrics') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new RequestError(405, 'use GET /metrics', { allow: 'GET, HEAD' });
      const text = metrics.text({ entries: served.kb.size, loadedAt: served.loadedAt, degraded: gone || problem !== undefined }, outOfService());
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : text);
      return;
    }
    if (url.pathname !== '/search') throw new RequestError(404, `no such path ${url.pathname}: use GET or POST /search, GET /health, GET /metrics`);
    if (req.method !== 'GET' && req.method !== 'POST') throw new RequestError(405, 'use GET /search?q=… or POST /search with {"q": "…"}', { allow: 'GET, POST' });
    const { question, k, threshold, passageChars } = await searchParams(req, url, options);
    if (drained !== undefined) drained.searches++;
    // every hit, for the log's top hit; a passage only for a hit that is returned
    const started = performance.now();
    const found = served.kb.search(question, { k, passageChars, passageMinConfidence: threshold });
    const hits = found.filter((h) => h.confidence >= threshold);
    // small talk (你好, 好的谢谢) has no hits, as a question the KB cannot answer has none: say which it is
    // (and count it apart: a dashboard's hand-off rate is of questions)
    const smallTalk = hits.length === 0 && question.trim() !== '' && served.kb.asksNothing(question);
    metrics.question(question.trim() === '' ? 'empty' : hits.length > 0 ? 'answered' : smallTalk ? 'small_talk' : 'handed_off', found[0]?.confidence, performance.now() - started);
    send(res, 200, { question, hits, ...(smallTalk ? { smallTalk: true } : {}) }, cors);
    if (log !== undefined && question.trim() !== '') {
      // the top hit even when the threshold held it back, and the threshold that judged it; the
      // question as far as it was searched (a 100 KB message made a 100 KB line for kb gaps to read)
      const top = found[0];
      const entry = { time: new Date().toISOString(), question: question.slice(0, MAX_QUERY_CHARS), top: top?.id ?? null, confidence: top === undefined ? 0 : Math.round(top.confidence * 1000) / 1000, answered: hits.length > 0, threshold: threshold ?? null };
      log.write(`${JSON.stringify(entry)}\n`);
    }
  };

  /** Responses not yet sent: told `Connection: close` when a drain or a stop begins. */
  const inProgress = new Set<ServerResponse>();
  let stopping = false;
  /** The drain under way (drain() called): when it ends and the searches answered meanwhile. */
  let drained: { until: number; searches: number; end: () => void; result: Promise<DrainResult> } | undefined;
  /** Draining or stopping: /health answers 503, every answer closes its connection. */
  const outOfService = (): boolean => stopping || drained !== undefined;
  /** From a drain or a stop on, every answer says its connection closes: those in progress now, and (in the handler) the next ones. */
  const closeConnectionsAfterAnswers = (): void => {
    for (const res of inProgress) if (!res.headersSent) res.setHeader('connection', 'close');
    inProgress.clear();
  };
  const server: Server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS, keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS, connectionsCheckingInterval: 1000 }, (req, res) => {
    // an answer during a drain or a stop says its connection closes after it: a keep-alive client (a
    // load balancer, a bot's pool) sent its next question on it and got a reset (ECONNRESET) instead,
    // or kept asking an instance about to stop
    if (outOfService()) res.setHeader('connection', 'close');
    else {
      inProgress.add(res);
      res.once('close', () => inProgress.delete(res));
    }
    const cors = corsHeaders(req);
    handle(req, res, cors).catch((error: unknown) => {
      // a client gone mid-request (it hung up, or a stop cut its connection): no one to answer
      if (res.headersSent || req.socket.destroyed) return;
      metrics.failure(error instanceof RequestError ? error.status : 500);
      if (error instanceof RequestError) send(res, error.status, { error: error.message }, { ...cors, ...error.headers });
      else {
        const message = error instanceof Error ? error.message : String(error);
        tell(`search failed: ${message}`);
        send(res, 500, { error: `search failed: ${message}` }, cors);
      }
    });
  });
  // Node's HTTP parser refuses a request line with bytes that are not ASCII — a question typed into
  // the URL as it reads (curl "…/search?q=退款多久"), not percent-encoded as HTTP clients and
  // browsers send it — before any handler sees it: say so, instead of Node's bare 400
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // what Node answers without a listener (431 for headers too large, 408 on a timeout, else 400),
    // except for the unencoded URL, which gets a reason
    const sent = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
    if (error.code !== 'ECONNRESET' && socket.writable && !sent) {
      if (error.code === 'HPE_INVALID_URL') {
        metrics.failure(400);
        refuseOnSocket(socket, '400 Bad Request', 'the URL has characters that are not percent-encoded: encode the question (encodeURIComponent; curl -G --data-urlencode "q=退货运费谁出" …/search), or POST /search {"q": …}');
        return;
      }
      if (error.code === 'HPE_HEADER_OVERFLOW') {
        // a question longer than any URL should carry: it fits in a POST body
        metrics.failure(431);
        refuseOnSocket(socket, '431 Request Header Fields Too Large', `the request line and headers are over ${MAX_HEADER_BYTES / 1024} KB: send a long question as POST /search {"q": "…"} (a question is read up to ${MAX_QUERY_CHARS} characters)`);
        return;
      }
      const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
      metrics.failure(Number(status.slice(0, 3)));
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    }
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (options.log !== undefined) openLog(options.log);

  const watchMs = options.watchMs ?? 2000;
  const timer =
    watchMs > 0
      ? setInterval(() => {
          void fileStamp(options.index).then((stamp) => {
            if (stamp === undefined) {
              // the file was removed: say so once, keep serving
              if (!gone) tell(`${options.index}: the index file is gone; still serving the index loaded at ${served.loadedAt}`);
              gone = true;
              return;
            }
            gone = false;
            if ((stamp.mtimeMs !== served.mtimeMs || stamp.size !== served.size) && reloading === undefined) void reload();
          });
        }, watchMs)
      : undefined;
  timer?.unref();

  let closing: Promise<void> | undefined;
  const drain = (drainMs: number): Promise<DrainResult> => {
    if (typeof drainMs !== 'number' || !(drainMs >= 0 && drainMs <= MAX_DRAIN_MS)) {
      return Promise.reject(new RangeError(`drain: drainMs must be a number of milliseconds from 0 to ${MAX_DRAIN_MS}, not ${shown(drainMs)}`));
    }
    if (drained !== undefined) return drained.result;
    if (stopping) return Promise.resolve({ ms: 0, searches: 0 });
    const started = Date.now();
    let end = (): void => {};
    const ended = new Promise<void>((resolve) => (end = resolve));
    const timeout = setTimeout(end, drainMs);
    const result = ended.then((): DrainResult => {
      clearTimeout(timeout);
      return { ms: Date.now() - started, searches: drained?.searches ?? 0 };
    });
    drained = { until: started + drainMs, searches: 0, end, result };
    closeConnectionsAfterAnswers();
    return result;
  };
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    get kb() {
      return served.kb;
    },
    get draining() {
      return outOfService();
    },
    reload,
    reopenLog,
    drain,
    close: async (graceMs = options.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS) => {
      if (timer !== undefined) clearInterval(timer);
      stopping = true;
      // a drain under way ends now
      drained?.end();
      closeConnectionsAfterAnswers();
      // requests in progress finish; a client that stalls mid-request (a cut network, a slow
      // sender) held the process until Node's request timeout, 5 minutes, before 2026-11-27
      const cut = setTimeout(() => server.closeAllConnections(), Math.max(0, graceMs));
      closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        clearTimeout(cut);
        const last = log;
        log = undefined;
        if (last !== undefined) await new Promise<void>((resolve) => last.end(() => resolve()));
      })();
      server.closeIdleConnections();
      await closing;
      clearTimeout(cut);
    },
  };
}
