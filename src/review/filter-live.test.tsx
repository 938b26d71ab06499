// The `/` filter on a big store: the list follows the words as they are typed, a word typed on
// tests only the entries the shorter word found, and a new filter selects its first match.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { ReviewApp } from './app.js';
import type { StoreLink } from './hooks.js';
import { filterWarmed, initialState, NO_FILTER, reviewReducer, visibleEntries, warmFilter, type ReviewState } from './reducer.js';

const tick = (ms = 10) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!ready() && Date.now() < deadline) await tick();
  await tick();
}

const PRODUCTS = ['X20手机', 'AirBeat耳机', 'V27显示器', 'K87键盘'];
const TOPICS = ['退款多久到账？', '保修多久？', '退貨運費誰出？', '可以换货吗？'];

/** A store of 64 FAQ rows: four products × four topics × four batches, ids in list order. */
function bigStore(): Entry[] {
  const entries: Entry[] = [];
  for (let batch = 0; batch < 4; batch++)
    for (const product of PRODUCTS)
      for (const topic of TOPICS) {
        const n = String(entries.length).padStart(3, '0');
        entries.push({ id: `FAQ${n}`, question: `${product}${topic}`, similar: [], answer: `${product}：${topic}的答案（第${batch + 1}批）`, origin: 'faq', status: 'approved', tags: [] });
      }
  return entries;
}

const link: StoreLink = { path: 'kb/qa.jsonl', save: async () => 'saved', check: async () => ({ kind: 'unchanged' }) };
const instances: { unmount: () => void }[] = [];
afterEach(() => {
  for (const i of instances.splice(0)) i.unmount();
});

function show(initial: ReviewState) {
  const app = render(<ReviewApp link={link} initial={initial} columns={80} rows={24} pollMs={0} warmMs={-1} />);
  instances.push(app);
  return app;
}
const frame = (app: { lastFrame: () => string | undefined }): string => app.lastFrame() ?? '';
const listRows = (app: { lastFrame: () => string | undefined }): string[] =>
  frame(app)
    .split('\n')
    .slice(1, 21)
    .map((l) => l.split('│')[0]?.trim() ?? '');

describe('the / filter as it is typed', () => {
  it('filters the list at each key, before Enter; Esc puts the whole list back', async () => {
    const app = show(initialState(bigStore()));
    app.stdin.write('/');
    await until(() => frame(app).includes('Show entries with these words'));
    app.stdin.write('K87');
    await until(() => frame(app).includes('(16)'));
    // the header counts and the list shows only the matches while the box is still open
    expect(frame(app)).toMatch(/“K87” \(16\)/u);
    expect(listRows(app).filter((r) => r.includes('键盘'))).toHaveLength(16);
    expect(listRows(app).some((r) => r.includes('X20'))).toBe(false);
    app.stdin.write(' 保修');
    await until(() => frame(app).includes('(4)'));
    expect(frame(app)).toMatch(/“K87 保修” \(4\)/u);
    app.stdin.write('\u001b');
    await until(() => frame(app).includes('all entries (64)'));
    expect(frame(app)).toMatch(/find cancelled/);
  });

  it('Enter on a filter that hides the selected entry selects the first match, in sight', async () => {
    const entries = bigStore();
    const last = entries[entries.length - 1] as Entry;
    const app = show({ ...initialState(entries), selected: last.id });
    app.stdin.write('/');
    await until(() => frame(app).includes('Show entries with these words'));
    app.stdin.write('X20 退款');
    await until(() => frame(app).includes('(4)'));
    app.stdin.write('\r');
    await until(() => frame(app).includes('Esc show all'));
    // the first X20 退款 entry in the detail pane, the list from its top (nothing out of sight above)
    expect(frame(app)).toMatch(/FAQ000 · faq · approved/u);
    expect(frame(app)).not.toMatch(/↑ \d+ more/u);
  });

  it('a second / shows the last words selected: typing starts a new find, a cursor key keeps them to edit', async () => {
    const app = show(initialState(bigStore()));
    app.stdin.write('/');
    await until(() => frame(app).includes('Show entries with these words'));
    app.stdin.write('K87');
    await until(() => frame(app).includes('(16)'));
    app.stdin.write('\r');
    await until(() => frame(app).includes('Esc show all'));
    app.stdin.write('/');
    await until(() => frame(app).includes('Show entries with these words'));
    app.stdin.write('X20');
    await until(() => /“X20” \(\d+\)/u.test(frame(app)));
    expect(frame(app)).not.toMatch(/K87X20/u);
    app.stdin.write('\r');
    await until(() => frame(app).includes('Esc show all'));
    app.stdin.write('/');
    await until(() => frame(app).includes('Show entries with these words'));
    app.stdin.write('\u001b[C');
    app.stdin.write(' 退款');
    await until(() => frame(app).includes('“X20 退款” (4)'));
  });
});

/** Entries that count how often the whole store is scanned (its own `filter`, not a copy's). */
function counting(entries: Entry[]): { entries: Entry[]; scans: () => number } {
  let scans = 0;
  const list = [...entries];
  const filter = list.filter.bind(list);
  Object.defineProperty(list, 'filter', {
    value: (...args: Parameters<typeof filter>) => {
      scans++;
      return filter(...args);
    },
  });
  return { entries: list, scans: () => scans };
}

describe('visibleEntries on a typed filter', () => {
  it('tests only the previous matches when a word is typed on or added, and finds what a full scan finds', () => {
    const store = counting(bigStore());
    const shown = (text: string) => visibleEntries({ entries: store.entries, filter: { ...NO_FILTER, text } }).map((e) => e.id);
    // what a scan of the whole store finds, worked out first (each on a store of its own)
    const texts = ['退', '退货', '退货 X20', '退货 X20手机', 'X20手机'];
    const expected = new Map(texts.map((t) => [t, visibleEntries({ entries: bigStore(), filter: { ...NO_FILTER, text: t } }).map((e) => e.id)]));
    const full = (text: string) => expected.get(text);
    expect(shown('退')).toEqual(full('退'));
    expect(store.scans()).toBe(1);
    // typed on, another word, the other script (退货 finds 退貨): no new scan of the store
    expect(shown('退货')).toEqual(full('退货'));
    expect(shown('退货')).toHaveLength(16);
    expect(shown('退货 X20')).toEqual(full('退货 X20'));
    expect(shown('退货 X20手机')).toEqual(full('退货 X20手机'));
    expect(store.scans()).toBe(1);
    expect(shown('退货 X20手机')).toHaveLength(4);
    // the same filter again (every key asks several times): from memory
    shown('退货 X20手机');
    expect(store.scans()).toBe(1);
    // a word deleted widens the list: the store is scanned again
    expect(shown('X20手机')).toEqual(full('X20手机'));
    expect(store.scans()).toBe(2);
    // another status filter is not a narrowing of the text alone
    const pending = visibleEntries({ entries: store.entries, filter: { ...NO_FILTER, status: 'pending', text: 'X20手机' } });
    expect(pending).toHaveLength(0);
    expect(store.scans()).toBe(3);
  });

  it('a change to the entries starts from the store again (the cache holds for the same entries only)', () => {
    const entries = bigStore();
    let state = initialState(entries);
    state = reviewReducer(state, { type: 'key', input: '/', key: {} });
    for (const ch of 'K87') state = reviewReducer(state, { type: 'key', input: ch, key: {} });
    state = reviewReducer(state, { type: 'key', input: '', key: { return: true } });
    expect(visibleEntries(state)).toHaveLength(16);
    // reject the selected one: the list under the same filter is of the new entries
    const selected = state.selected;
    state = reviewReducer(state, { type: 'key', input: 'r', key: {} });
    expect(visibleEntries(state).find((e) => e.id === selected)?.status).toBe('rejected');
  });
});

describe('the first / is made ready between keys (warmFilter)', () => {
  it('puts the entries’ searchable text together a chunk at a time, and stops when told', async () => {
    const entries = bigStore();
    const stop = warmFilter(entries, 10);
    // one chunk at once; the rest after the keys waiting meanwhile
    expect(entries.slice(0, 10).every(filterWarmed)).toBe(true);
    expect(filterWarmed(entries[10] as Entry)).toBe(false);
    await until(() => entries.every(filterWarmed));
    expect(entries.every(filterWarmed)).toBe(true);
    stop();
    const other = bigStore();
    warmFilter(other, 10)();
    await tick(50);
    expect(filterWarmed(other[0] as Entry)).toBe(true);
    expect(filterWarmed(other[10] as Entry)).toBe(false);
  });

  it('is started by the screen a moment after it is up, before any / is typed', async () => {
    const entries = bigStore();
    const app = render(<ReviewApp link={link} initial={initialState(entries)} columns={80} rows={24} pollMs={0} warmMs={0} />);
    instances.push(app);
    expect(filterWarmed(entries[63] as Entry)).toBe(false);
    await until(() => entries.every(filterWarmed));
    expect(entries.every(filterWarmed)).toBe(true);
  });
});
