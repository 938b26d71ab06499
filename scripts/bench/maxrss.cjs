// Preloaded (node -r) by scripts/bench-large.mjs: at exit, the process's peak resident set size
// (KB, worker threads included) into the file named by KB_BENCH_RSS_FILE.
const { isMainThread } = require('node:worker_threads');
if (isMainThread && process.env.KB_BENCH_RSS_FILE) {
  process.on('exit', () => require('node:fs').writeFileSync(process.env.KB_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
}
