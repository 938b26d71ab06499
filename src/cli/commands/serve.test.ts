// `kb serve` as a user starts it: the threshold it answers with, from the flag (auto included) or
// kb.config.yaml, and what its help says about it. (The HTTP service itself: src/runtime/server.test.ts.)
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT, buildSample, runKb, tempDir } from '../../test-support/kb.js';
import { startKb } from '../../test-support/serve.js';

const dir = tempDir('kb-cli-serve-');
const sample = join(dir.path, 'sample.index');
beforeAll(async () => {
  await buildSample(sample);
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

/** Start `kb serve`, ask one question, wait until stderr says `last`, stop it; its stderr lines and the hits' confidences. */
async function serveOnce(args: readonly string[], question: string, last: string | RegExp): Promise<{ stderr: string[]; confidences: number[] }> {
  const kb = await startKb(args);
  try {
    const res = await fetch(`${kb.url}/search?q=${encodeURIComponent(question)}`);
    const hits = ((await res.json()) as { hits: { confidence: number }[] }).hits;
    await kb.said(last);
    return { stderr: kb.stderr().split('\n').filter((l) => l !== ''), confidences: hits.map((h) => h.confidence) };
  } finally {
    await kb.stop();
  }
}

describe('kb serve --threshold', () => {
  it('takes auto as threshold: auto in kb.config.yaml does: 0.5, and a line saying to use the number kb eval --threshold auto prints (smoke test: exit 2)', async () => {
    const { stderr, confidences } = await serveOnce(['--index', sample, '--port', '0', '--no-watch', '--threshold', 'auto'], '退货 运费 发票 保修 快递 退款', 'no hits means hand off');
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

describe('kb serve --drain', () => {
  it('refuses a drain that is no number of seconds from 0 to 3600, naming the flag and what to pass (exit 2)', () => {
    for (const value of ['-1', 'abc', '', '3601', '5m']) {
      const r = runKb(['serve', '--index', sample, '--port', '0', '--drain', value]);
      expect(r.code, value).toBe(2);
      expect(r.stderr, value).toContain(`error: option '--drain <seconds>' argument '${value}' is invalid. expected seconds from 0 to 3600, e.g. 5 or 0.5 (0: SIGTERM stops without draining).`);
    }
  });

  it('says in its help that SIGTERM drains, 5 s by default, and Ctrl+C does not', () => {
    const help = runKb(['serve', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('--drain <seconds> on SIGTERM (Kubernetes, docker stop, systemctl stop), keep answering searches this long while GET /health answers 503');
    expect(help).toContain('Ctrl+C (SIGINT) never drains; 0: no drain (default: 5)');
  });
});

describe('kb serve --cors', () => {
  it('lets the pages named ask from a browser, and says so', async () => {
    const kb = await startKb(['--index', sample, '--port', '0', '--no-watch', '--cors', 'https://shop.example.com/, http://localhost:3000']);
    try {
      await kb.said('  web pages at https://shop.example.com, http://localhost:3000 may ask from a browser (CORS)');
      const res = await fetch(`${kb.url}/search?q=${encodeURIComponent('发票')}`, { headers: { origin: 'http://localhost:3000' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    } finally {
      await kb.stop();
    }
  }, 60_000);

  it('refuses an origin with a path or without a scheme, saying what an origin is', () => {
    for (const value of ['shop.example.com', 'https://shop.example.com/chat', '']) {
      const r = runKb(['serve', '--index', sample, '--port', '0', '--cors', value]);
      expect(r.code, value).toBe(2);
      expect(r.stderr, value).toContain('expected origins such as https://shop.example.com (scheme and host, no path), comma-separated, or *');
    }
  });
});
