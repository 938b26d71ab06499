// Runs the built CLI (dist/) in a child process, for the benchmarks: wall seconds and the child's peak RSS.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** A runner of `kb <args>` in `cwd` from the checkout at `root`; each run returns { seconds, rss (MB), status, stdout, stderr }. */
export function kbRunner(root, cwd) {
  return (args) => {
    const wrapper = `import(${JSON.stringify(join(root, 'dist/cli/cli.js'))}).then(async (m) => { const code = await m.main(['node', 'kb', ...process.argv.slice(1)]); process.stderr.write('\\nmaxrss ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = code; });`;
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1' }, maxBuffer: 1 << 30 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const rss = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
    return { seconds, rss, status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
}
