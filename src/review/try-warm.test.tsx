// Try-it on a big store: the worker is warmed while the editor reads the first screen, the pane
// counts the seconds of the first index rather than saying "a few seconds" for ten, and the entry
// that answers a customer's question is one key away (↓ Enter).
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { fixtureEntries } from '../test-support/review-fixture.js';
import { ReviewApp } from './app.js';
import type { StoreLink } from './hooks.js';
import { initialState, NO_FILTER, reviewReducer, type ReviewState } from './reducer.js';
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

describe('try-it: going to the entry that answers', () => {
  const searcher: Searcher = {
    // 运费 questions: the free-shipping FAQ first, then the return-fee entry
    search: (q) =>
      q.includes('运费')
        ? fixtureEntries()
            .filter((e) => e.id === 'faq-free-shipping' || e.id === 's-return-fee')
            .sort((a) => (a.id === 'faq-free-shipping' ? -1 : 1))
            .map((e, i) => ({ id: e.id, question: e.question, matched: e.question, answer: e.answer, score: 5 - i, confidence: 0.9 - i * 0.2, matchedTerms: [] }))
        : [],
  };
  const open = async () => {
    let last: ReviewState | undefined;
    const app = render(
      <ReviewApp link={link} initial={initialState(fixtureEntries())} columns={80} rows={24} pollMs={0} warmMs={-1} buildSearcher={async () => searcher} onState={(s: ReviewState) => (last = s)} />,
    );
    instances.push(app);
    await until(() => frame(app).includes('reviewed'));
    app.stdin.write('t');
    await until(() => frame(app).includes('Try it'));
    app.stdin.write('运费多少');
    await until(() => frame(app).includes('2. 0.70'));
    return { app, state: () => last };
  };

  it('Enter goes to the best hit: selected in the list, try-it closed, the status line says what it won', async () => {
    const { app, state } = await open();
    app.stdin.write('\r');
    await until(() => state()?.mode.kind === 'list');
    expect(state()?.selected).toBe('faq-free-shipping');
    expect(frame(app)).toContain('faq-free-shipping wins for “运费多少”; t tries again');
    expect(frame(app)).toMatch(/faq-free-shipping · faq · approved/u);
  });

  it('↓ picks the second hit (marked), Enter goes to it', async () => {
    const { app, state } = await open();
    app.stdin.write('\u001b[B');
    app.stdin.write('\u001b[B');
    await until(() => frame(app).includes('▸2.'));
    expect(frame(app)).toContain('▸2. 0.70 退货运费由谁承担？');
    app.stdin.write('\r');
    await until(() => state()?.mode.kind === 'list');
    expect(state()?.selected).toBe('s-return-fee');
    expect(frame(app)).toContain('s-return-fee ranks 2 for “运费多少”');
  });

  it('typing after a pick starts over from the best hit; nothing to go to says so', async () => {
    const { app, state } = await open();
    app.stdin.write('\u001b[B');
    app.stdin.write('\u001b[B');
    await until(() => frame(app).includes('▸2.'));
    app.stdin.write('吗');
    await until(() => !frame(app).includes('▸'));
    expect(frame(app)).not.toContain('▸');
    app.stdin.write('\u0015');
    app.stdin.write('发票');
    await until(() => frame(app).includes('no entry shares a word'));
    app.stdin.write('\r');
    await until(() => frame(app).includes('no entry answers this question yet'));
    expect(state()?.mode.kind).toBe('try');
  });
});

describe('try-it: a hit the filters hide', () => {
  it('Enter clears the filters to show it, and says so', () => {
    let state = initialState(fixtureEntries(), { status: 'pending' });
    state = reviewReducer(state, { type: 'key', input: 't', key: {} });
    state = reviewReducer(state, { type: 'try-hits', ids: ['faq-free-shipping'] });
    state = reviewReducer(state, { type: 'key', input: '包邮吗', key: {} });
    state = reviewReducer(state, { type: 'key', input: '', key: { return: true } });
    expect(state.selected).toBe('faq-free-shipping');
    expect(state.filter).toEqual(NO_FILTER);
    expect(state.message).toBe('faq-free-shipping wins for “包邮吗” (filters cleared to show it); t tries again');
  });
});
