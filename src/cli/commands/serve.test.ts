// `kb serve` as a user starts it: the threshold it answers with, from the flag (auto included) or
// kb.config.yaml, and what its help says about it. (The HTTP service itself: src/runtime/server.test.ts.)
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, ROOT, buildSample, runKb, tempDir } from '../../test-support/kb.js';

const dir = tempDir('kb-cli-serve-');
const sample = join(dir.path, 'sample.index');
beforeAll(async () => {
  await buildSample(sample);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

/** Start `kb serve`, wait for its address and for stderr to have `lines` lines, stop it; its stderr and a search's hits. */
async function serveOnce(args: readonly string[], question: string, lines: number): Promise<{ stderr: string[]; confidences: number[] }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'kb.js'), 'serve', ...args], { cwd: ROOT, env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      void exited.then(() => reject(new Error(`kb serve exited: ${stderr}`)));
    });
    const res = await fetch(`${url}/search?q=${encodeURIComponent(question)}`);
    const hits = ((await res.json()) as { hits: { confidence: number }[] }).hits;
    const deadline = Date.now() + 10_000;
    while (stderr.split('\n').filter((l) => l !== '').length < lines && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    return { stderr: stderr.split('\n').filter((l) => l !== ''), confidences: hits.map((h) => h.confidence) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('kb serve --threshold', () => {
  it('takes auto as threshold: auto in kb.config.yaml does: 0.5, and a line saying to use the number kb eval --threshold auto prints (smoke test: exit 2)', async () => {
    const { stderr, confidences } = await serveOnce(['--index', sample, '--port', '0', '--no-watch', '--threshold', 'auto'], '退货 运费 发票 保修 快递 退款', 4);
    expect(stderr.slice(0, 3)).toEqual([
      'kb serve: --threshold auto is a choice only kb eval can work out, on the suites; using 0.5: write the threshold kb eval --threshold auto prints into kb.config.yaml (eval: threshold: X), or pass --threshold X',
      expect.stringMatching(/^serving .*sample\.index \(\d+ entries\) at http:/),
      '  hits below confidence 0.5 are left out (--threshold auto: the fallback): no hits means hand off',
    ]);
    for (const c of confidences) expect(c).toBeGreaterThanOrEqual(0.5);
  }, 60_000);

  it('refuses a threshold that is neither a number from 0 to 1 nor auto, saying both', () => {
    const r = runKb(['serve', '--index', sample, '--port', '0', '--threshold', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--threshold <x|auto>' argument '2' is invalid. expected a number from 0 to 1, or auto.");
  });

  it('says in its help what the threshold is by default, auto in kb.config.yaml included', () => {
    const help = runKb(['serve', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('(default: eval.threshold of kb.config.yaml when a number, 0.5 when it is auto, else 0)');
    expect(help).toContain('auto: 0.5, as threshold: auto in kb.config.yaml — pass the number kb eval --threshold auto prints');
  });
});
