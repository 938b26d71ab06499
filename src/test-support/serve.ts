/** `kb serve` started as a user starts it, for the tests of the command and of the HTTP service. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from './kb.js';

/**
 * `kb serve …` as a user starts it: the child, the address it printed, whether its stderr says `expected` (stdout and stderr are two
 * pipes: the address can arrive before the lines kb wrote to stderr first, so a test waits for them, up to 10 s), its exit.
 * stop() sends Ctrl+C (SIGINT), which stops without the drain SIGTERM begins with (5 s by default); stop('SIGTERM') as Kubernetes stops it.
 */
export async function startKb(args: readonly string[], cwd = ROOT): Promise<{ url: string; stderr: () => string; said: (expected: string | RegExp) => Promise<void>; stop: (signal?: NodeJS.Signals) => Promise<number | null> }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'kb.js'), 'serve', ...args], { cwd, env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    void exited.then(() => reject(new Error(`kb serve exited: ${stderr}`)));
  });
  const holds = (expected: string | RegExp): boolean => (typeof expected === 'string' ? stderr.includes(expected) : expected.test(stderr));
  return {
    url,
    stderr: () => stderr,
    said: async (expected) => {
      const deadline = Date.now() + 10_000;
      while (!holds(expected) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      if (typeof expected === 'string') expect(stderr).toContain(expected);
      else expect(stderr).toMatch(expected);
    },
    stop: (signal = 'SIGINT') => {
      child.kill(signal);
      return exited;
    },
  };
}
