/**
 * An HTTP search service over one index file, for bots that are not written in Node (Java,
 * Python, Go …) or that run the index apart from the bot: `kb serve`, or `startSearchServer` from
 * `kb/runtime`. Node's own http module only; no build-time package.
 *
 *   GET  /search?q=退货运费谁出&k=3&threshold=0.5&passageChars=120
 *   POST /search   {"q": "退货运费谁出", "k": 3, "threshold": 0.5, "passageChars": 120}
 *   GET  /health   (status ok, or degraded with a problem while the index loaded last keeps answering)
 *
 * A search answers `{ question, hits }`, the shape of `kb query --json`. The index is reloaded
 * when its file changes (kb build writes it atomically) or on SIGHUP (`kb serve`, which also
 * reopens the log); a new file that does not load leaves the old index serving. With a query log, every question is appended as one JSON
 * line that `kb gaps` reads as it is. Every index is warmed (`kb.warm()`) before it serves, so
 * the first questions after a start or a reload are not the slow ones.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { appendFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KnowledgeBase } from './knowledge-base.js';
import { loadIndex } from './load.js';
import { DEFAULT_PASSAGE_CHARS, MIN_PASSAGE_CHARS } from './passage.js';

export interface SearchServerOptions {
  /** The index file. */
  index: string;
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Interface to listen on; default 127.0.0.1 (only this machine). */
  host?: string;
  /** Hits per search unless the request says (`k`). */
  k: number;
  /** Hide hits below this confidence unless the request says (`threshold`). */
  threshold: number;
  /** The top hit of an answer longer than this gets a passage at most this long, unless the request says (`passageChars`); default 200, 0: no passages. */
  passageChars?: number;
  /** Append every question to this JSONL file: time, question, top hit's id and confidence (below the threshold too), answered (a hit at or above the threshold), the threshold (null: none, every hit answered). */
  log?: string;
  /** Check the index file for changes this often (ms); 0 = never (SIGHUP still reloads). */
  watchMs?: number;
  /** Told about loads, reloads and problems, one line each. */
  onEvent?: (line: string) => void;
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
  /** Stop listening, finish the log, stop watching. */
  close(): Promise<void>;
}

/** The largest request body taken; search reads a long question's start only (MAX_QUERY_CHARS). */
export const MAX_BODY_BYTES = 256 * 1024;
const MAX_K = 100;

class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
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
  kb.warm();
  return { kb, mtimeMs: stamp?.mtimeMs ?? 0, size: stamp?.size ?? 0, loadedAt: new Date().toISOString() };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
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

/** A number parameter of a request (a query-string text or a JSON number); the fallback when absent. */
function numberParam(value: unknown, name: string, fallback: number, valid: (n: number) => boolean, wanted: string): number {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return fallback;
  const n = Number(value);
  if ((typeof value !== 'number' && typeof value !== 'string') || !valid(n)) throw new RequestError(400, `"${name}" must be ${wanted}, not ${JSON.stringify(value)}`);
  return n;
}

/** The search parameters of a GET query string or a POST JSON body. */
async function searchParams(req: IncomingMessage, url: URL, options: SearchServerOptions): Promise<{ question: string; k: number; threshold: number; passageChars: number }> {
  let fields: Record<string, unknown>;
  if (req.method === 'POST') {
    const body = await readBody(req);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new RequestError(400, 'the body is not JSON; send {"q": "the customer question", "k": 5}');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new RequestError(400, 'the body must be a JSON object: {"q": "the customer question"}');
    fields = parsed as Record<string, unknown>;
  } else {
    // a percent-encoded value that is not UTF-8 (GBK) would decode to U+FFFD: a silent miss
    for (const part of url.search.slice(1).split('&')) {
      try {
        decodeURIComponent(part.replaceAll('+', ' '));
      } catch {
        throw new RequestError(400, NOT_UTF8);
      }
    }
    fields = Object.fromEntries(url.searchParams);
  }
  const question = fields.q ?? fields.question;
  if (typeof question !== 'string') throw new RequestError(400, 'no question: pass it as "q" (GET /search?q=… or POST {"q": "…"})');
  // passage_chars too: a bot in Python or Go writes it so
  const passageField = fields.passageChars === undefined && fields.passage_chars !== undefined ? 'passage_chars' : 'passageChars';
  return {
    question,
    k: numberParam(fields.k, 'k', options.k, (n) => Number.isInteger(n) && n >= 1 && n <= MAX_K, `a whole number from 1 to ${MAX_K}`),
    threshold: numberParam(fields.threshold, 'threshold', options.threshold, (n) => n >= 0 && n <= 1, 'a number from 0 to 1'),
    passageChars: numberParam(fields[passageField], passageField, options.passageChars ?? DEFAULT_PASSAGE_CHARS, (n) => Number.isInteger(n) && (n === 0 || n >= MIN_PASSAGE_CHARS), `0 (no passages) or a whole number ≥ ${MIN_PASSAGE_CHARS} (the most characters of a passage)`),
  };
}

/** Starts the server: loads the index (throws IndexLoadError when it cannot), listens, watches the file. */
export async function startSearchServer(options: SearchServerOptions): Promise<SearchServer> {
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

  let reloading: Promise<Awaited<ReturnType<SearchServer['reload']>>> | undefined;
  /** Why the index file on disk is not the one served (a rebuild that does not load, a file gone), for /health. */
  let problem: string | undefined;
  let gone = false;
  const reload: SearchServer['reload'] = () => {
    reloading ??= (async () => {
      try {
        served = await loadServed(options.index);
        problem = undefined;
        tell(`reloaded ${options.index}: ${served.kb.size} entries`);
        return { ok: true as const, entries: served.kb.size };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        problem = message;
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

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/health') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new RequestError(405, 'use GET /health');
      // still answering (200), from the index loaded last; with a problem — why the file on disk is
      // not it — the status is "degraded", not "ok": a check that reads only `status` sees it too
      const trouble = gone ? `${options.index}: the index file is gone` : problem;
      send(res, 200, { status: trouble === undefined ? 'ok' : 'degraded', index: options.index, entries: served.kb.size, loadedAt: served.loadedAt, ...(trouble === undefined ? {} : { problem: trouble }) });
      return;
    }
    if (url.pathname !== '/search') throw new RequestError(404, `no such path ${url.pathname}: use GET or POST /search, GET /health`);
    if (req.method !== 'GET' && req.method !== 'POST') throw new RequestError(405, 'use GET /search?q=… or POST /search with {"q": "…"}');
    const { question, k, threshold, passageChars } = await searchParams(req, url, options);
    // every hit, for the log's top hit; a passage only for a hit that is returned
    const found = served.kb.search(question, { k, passageChars, passageMinConfidence: threshold });
    const hits = found.filter((h) => h.confidence >= threshold);
    send(res, 200, { question, hits });
    if (log !== undefined && question.trim() !== '') {
      // the top hit even when the threshold held it back, and the threshold that judged it
      const top = found[0];
      const entry = { time: new Date().toISOString(), question, top: top?.id ?? null, confidence: top === undefined ? 0 : Math.round(top.confidence * 1000) / 1000, answered: hits.length > 0, threshold: threshold ?? null };
      log.write(`${JSON.stringify(entry)}\n`);
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return;
      if (error instanceof RequestError) send(res, error.status, { error: error.message });
      else {
        const message = error instanceof Error ? error.message : String(error);
        tell(`search failed: ${message}`);
        send(res, 500, { error: `search failed: ${message}` });
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
        const body = JSON.stringify({ error: 'the URL has characters that are not percent-encoded: encode the question (encodeURIComponent; curl -G --data-urlencode "q=退货运费谁出" …/search), or POST /search {"q": …}' });
        socket.write(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
      } else {
        const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
        socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
      }
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

  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    get kb() {
      return served.kb;
    },
    reload,
    reopenLog,
    close: async () => {
      if (timer !== undefined) clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      const last = log;
      log = undefined;
      if (last !== undefined) await new Promise<void>((resolve) => last.end(() => resolve()));
    },
  };
}
