/** `kb serve`: answer bots' questions over HTTP from one index file, until stopped. */
import { DEFAULT_THRESHOLD } from '../../eval/find-gaps.js';
import { startSearchServer, type DrainResult, type SearchServer } from '../../runtime/index.js';
import { EXIT, UsageError } from '../cli.js';
import { noIndex, answerThreshold, autoNotice, defaultIndex, workingConfig } from '../config.js';
import type { Output } from '../output.js';

export interface ServeCommandOptions {
  /** The index file; default: "out" of kb.config.yaml. */
  index?: string;
  port: number;
  host: string;
  k: number;
  /** Default: eval.threshold of kb.config.yaml when it is a number; 0.5 (as kb gaps) when it is auto; else 0. auto: 0.5 too, with the same notice. */
  threshold?: number | 'auto';
  /** Passages at most this long unless the request says (default 200; 0: none). */
  passageChars?: number;
  /** Append every question to this JSONL file (for `kb gaps`). */
  log?: string;
  /** Reload the index when its file changes. */
  watch: boolean;
  /** Origins of web pages allowed to ask from a browser (CORS), or `*`. */
  cors?: string[];
  /** On SIGTERM, drain this long (s) before stopping: GET /health answers 503, searches are still answered. 0: no drain. Ctrl+C (SIGINT) never drains. */
  drainSeconds: number;
}

/** How long a stop waits for the requests in progress (ms). */
const CLOSE_GRACE_MS = 5000;

/** Milliseconds as seconds for a message: 5, 0.3, 12.5. */
const seconds = (ms: number): string => String(Math.round(ms / 100) / 10);

/** Runs the server until SIGINT or SIGTERM (which drains first, for drainSeconds); SIGHUP reloads the index and reopens the question log. */
export async function runServe(options: ServeCommandOptions, output: Output): Promise<number> {
  const config = await workingConfig();
  const index = options.index ?? defaultIndex(config);
  if (index === undefined) throw new UsageError(noIndex());
  // `threshold: auto` (or --threshold auto) is a choice kb eval makes on the suites: the server falls
  // back as kb gaps does (before, it returned every hit, so the bot handed nothing off)
  const answer = answerThreshold(options.threshold, config, 0);
  const { fromConfig, auto } = answer;
  const threshold = auto !== false ? DEFAULT_THRESHOLD : answer.threshold;
  if (auto !== false) output.err(`kb serve: ${autoNotice(auto)}; using ${DEFAULT_THRESHOLD}: write the threshold kb eval --threshold auto prints into kb.config.yaml (eval: threshold: X), or pass --threshold X`);
  let server: SearchServer;
  try {
    server = await startSearchServer({
      index,
      port: options.port,
      host: options.host,
      k: options.k,
      threshold,
      watchMs: options.watch ? 2000 : 0,
      onEvent: (line) => output.err(line),
      ...(options.log !== undefined ? { log: options.log } : {}),
      ...(options.passageChars !== undefined ? { passageChars: options.passageChars } : {}),
      ...(options.cors !== undefined ? { cors: options.cors } : {}),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'KB_LOG') {
      output.err(`kb: ${(error as Error).message}`);
      return EXIT.FAILED;
    }
    if (code === 'EADDRINUSE') {
      output.err(`kb: port ${options.port} on ${options.host} is in use; pass another --port (0 picks a free one)`);
      return EXIT.FAILED;
    }
    if (code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      output.err(`kb: cannot listen on ${options.host}:${options.port} (${code}); ports below 1024 need privileges, and --host must be an address of this machine`);
      return EXIT.FAILED;
    }
    throw error;
  }
  output.out(server.url);
  output.err(`serving ${index} (${server.kb.size} entries) at ${server.url}${options.watch ? ', reloading when the file changes' : ''}`);
  if (threshold > 0) output.err(`  hits below confidence ${threshold} are left out${fromConfig ? ' (eval.threshold of kb.config.yaml)' : auto !== false ? ` (${auto === 'flag' ? '--threshold auto' : 'eval.threshold of kb.config.yaml is auto'}: the fallback)` : ''}: no hits means hand off`);
  if (options.passageChars === 0) output.err('  hits carry whole answers, no passages (--passage-chars 0; passageChars=N in a request asks for them)');
  else if (options.passageChars !== undefined) output.err(`  the top hit of an answer over ${options.passageChars} characters carries a passage at most that long (passageChars=N in a request sets it)`);
  output.err(`  GET /search?q=…&k=${options.k}  ·  POST /search {"q": "…"}  ·  GET /health  ·  GET /metrics  ·  Ctrl+C stops`);
  if (options.log !== undefined) output.err(`  questions are appended to ${options.log} (kb gaps ${options.log} reads it)`);
  if (options.cors !== undefined) output.err(`  web pages at ${options.cors.join(', ')} may ask from a browser (CORS)`);
  const drainMs = Math.round(options.drainSeconds * 1000);
  if (drainMs > 0) output.err(`  SIGTERM drains ${seconds(drainMs)} s first (GET /health answers 503, searches are still answered: load balancers take it out), then stops; Ctrl+C stops without draining`);
  else output.err('  SIGTERM stops without draining (--drain 0), as Ctrl+C does');
  const reload = (): void => {
    server.reopenLog();
    void server.reload();
  };
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (name: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(name);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.on('SIGHUP', reload);
  });
  // a second Ctrl+C (or SIGTERM), during the drain or after it, stops at once
  const now = (): void => void server.close(0);
  process.once('SIGINT', now);
  process.once('SIGTERM', now);
  let drained: DrainResult | undefined;
  let slow: NodeJS.Timeout | undefined;
  try {
    // SIGTERM is how Kubernetes, docker stop and systemd stop a server behind a load balancer;
    // Ctrl+C is someone at a terminal, who wants it gone
    if (signal === 'SIGTERM' && drainMs > 0) {
      output.err(`draining: GET /health answers 503 for ${seconds(drainMs)} s so load balancers stop sending; searches are still answered (Ctrl+C or SIGTERM again stops at once)`);
      drained = await server.drain(drainMs);
    }
    // requests in progress finish, for CLOSE_GRACE_MS at most
    slow = setTimeout(() => output.err(`stopping: waiting up to ${CLOSE_GRACE_MS / 1000} s for the requests in progress (Ctrl+C again stops at once)`), 250);
    await server.close(CLOSE_GRACE_MS);
  } finally {
    clearTimeout(slow);
    process.off('SIGINT', now);
    process.off('SIGTERM', now);
    process.off('SIGHUP', reload);
  }
  output.err(drained === undefined ? 'stopped' : `stopped after draining ${seconds(drained.ms)} s (${drained.searches} ${drained.searches === 1 ? 'search' : 'searches'} answered meanwhile)`);
  return EXIT.OK;
}
