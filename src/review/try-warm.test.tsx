// Try-it's first index on a big store: the worker is warmed while the editor reads the first
// screen, and the pane counts the seconds of the wait rather than saying "a few seconds" for ten.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { fixtureEntries } from '../test-support/review-fixture.js';
import { ReviewApp } from './app.js';
import type { StoreLink } from './hooks.js';
import { initialState } from './reducer.js';
import type { Searcher } from './try-index.js';
import { FIRST_INDEX_NOTE } from './components/try-pane.js';

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(ready: () => boolean, ms = 4000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready() && Date.now() < deadline) await tick();
  await tick();
}
const link: StoreLink = { path: 'kb/qa.jsonl', save: async () => 'saved', check: async () => ({ kind: 'unchanged' }) };
const instances: { unmount: () => void }[] = [];
afterEach(() => {
  for (const i of instances.splice(0)) i.unmount();
});
const frame = (app: { lastFrame: () => string | undefined }): string => (app.lastFrame() ?? '').replace(/\s*│\s*|\n/gu, ' ');

describe('try-it warm-up', () => {
  it('warms the try-it worker a moment after the screen is up, before t, once', async () => {
    let warmed = 0;
    const built: number[] = [];
    const app = render(
      <ReviewApp link={link} initial={initialState(fixtureEntries())} columns={80} rows={24} pollMs={0} warmMs={-1} warmSearcher={() => warmed++} warmTryMs={50} buildSearcher={async (entries: readonly Entry[]) => (built.push(entries.length), { search: () => [] })} />,
    );
    instances.push(app);
    await until(() => warmed > 0);
    expect(warmed).toBe(1);
    // warming builds no index of the store (that waits for t)
    expect(built).toEqual([]);
    await tick(150);
    expect(warmed).toBe(1);
  });

  it('is not done when told not to (negative delay)', async () => {
    let warmed = 0;
    const app = render(<ReviewApp link={link} initial={initialState(fixtureEntries())} columns={80} rows={24} pollMs={0} warmMs={-1} warmSearcher={() => warmed++} warmTryMs={-1} />);
    instances.push(app);
    await tick(200);
    expect(warmed).toBe(0);
  });

  it('counts the seconds the first index takes, and says it is the first time only', async () => {
    let finish: (s: Searcher) => void = () => {};
    const app = render(
      <ReviewApp link={link} initial={initialState(fixtureEntries())} columns={80} rows={24} pollMs={0} warmMs={-1} buildSearcher={() => new Promise<Searcher>((resolve) => (finish = resolve))} />,
    );
    instances.push(app);
    await until(() => frame(app).includes('reviewed'));
    app.stdin.write('t');
    await until(() => frame(app).includes('indexing 6 entries… 0 s'));
    expect(frame(app)).toContain('indexing 6 entries… 0 s');
    expect(frame(app)).toContain('the first time takes a few seconds');
    await until(() => frame(app).includes('indexing 6 entries… 1 s'), 3000);
    expect(frame(app)).toContain('indexing 6 entries… 1 s');
    finish({ search: () => [] });
    await until(() => frame(app).includes('no entry shares a word'));
    expect(frame(app)).not.toContain('indexing 6 entries');
    expect(FIRST_INDEX_NOTE).toMatch(/Esc goes back$/u);
  });
});
