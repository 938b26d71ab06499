import { describe, expect, it } from 'vitest';
import { progressLine, type Output } from './output.js';

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
