import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressLine, timeLeft, type Output } from './output.js';

const terminal = (): { output: Output; stream: NodeJS.WriteStream; shown: () => string[] } => {
  const writes: string[] = [];
  const stream = { columns: 100, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream;
  const output: Output = { out: () => {}, err: () => {}, color: (_style, text) => text, interactive: true };
  // what the line shows after each write (each write clears the line first)
  return { output, stream, shown: () => writes.map((w) => w.replace(/^\r\x1b\[2K/u, '')) };
};

describe('progressLine', () => {
  it('thins out a burst of items, but always shows the first of a new count (the steps after the files)', () => {
    const { output, stream, shown } = terminal();
    const progress = progressLine(output, stream);
    progress(0, 3, 'a.md');
    progress(1, 3, 'b.md');
    progress(2, 3, 'c.md');
    progress(3, 3, '');
    progress(0, 2, 'writing questions for 9 sections');
    progress(2, 2, '');
    // b.md and c.md come within 80 ms of a.md; the end clears the line; the step shows at once
    expect(shown()).toEqual(['[1/3] a.md', '', '[1/2] writing questions for 9 sections', '']);
  });

  it('shows nothing when stderr is no terminal', () => {
    const { output, stream, shown } = terminal();
    progressLine({ ...output, interactive: false }, stream)(0, 2, 'x');
    expect(shown()).toEqual([]);
  });
});

describe('progressLine with counts and the time left', () => {
  afterEach(() => vi.useRealTimers());
  /** The clock at this many seconds into a run. */
  const at = (seconds: number): void => void vi.setSystemTime(new Date(Date.UTC(2026, 10, 27, 0, 0, seconds)));

  it('counts the items done and, after two seconds, the time left at the pace so far', () => {
    vi.useFakeTimers();
    at(0);
    const { output, stream, shown } = terminal();
    const progress = progressLine(output, stream, 'count');
    for (const [second, done] of [[0, 0], [1, 500], [4, 5000], [5, 20000]] as const) {
      at(second);
      progress(done, 20000, 'cases');
    }
    // 5,000 cases in 4 s: 15,000 more take 12 s
    expect(shown()).toEqual(['[0/20,000 cases]', '[500/20,000 cases]', '[5,000/20,000 cases, about 12 s left]', '']);
  });

  it('shows the share done with the time left, in minutes when long', () => {
    vi.useFakeTimers();
    at(0);
    const { output, stream, shown } = terminal();
    const progress = progressLine(output, stream, 'percent');
    progress(0, 100, 'reading log.txt');
    at(30);
    progress(10, 100, 'reading log.txt');
    expect(shown()).toEqual(['[0%] reading log.txt', '[10%, about 5 min left] reading log.txt']);
  });

  it('works out the time left only once there is a pace to go by', () => {
    expect(timeLeft(1000, 10, 100)).toBe('');
    expect(timeLeft(5000, 0, 100)).toBe('');
    expect(timeLeft(5000, 100, 100)).toBe('');
    expect(timeLeft(5000, 50, 100)).toBe('about 5 s left');
    expect(timeLeft(60_000, 10, 100)).toBe('about 9 min left');
  });
});
