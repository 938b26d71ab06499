// An entry with a huge answer (a headingless document made into one entry: the scale test's 20 MB
// text gave a 7.4-million-character answer, and kb review drew nothing and could not be quit).
// The screen shows a bounded part of it, the full view pages through it, and q quits.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { ReviewApp } from './app.js';
import type { StoreLink } from './hooks.js';
import { fullView, PIECE, pieces } from './layout.js';
import { EDIT_MAX_CHARS, initialState, type ReviewState } from './reducer.js';
import type { Searcher } from './try-index.js';
import { fixtureEntries } from '../test-support/review-fixture.js';
import { displayWidth, fit, truncate, wrap } from './width.js';

const tick = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(ready: () => boolean): Promise<void> {
  const deadline = Date.now() + 3000;
  while (!ready() && Date.now() < deadline) await tick(10);
  await tick(10);
}

const link: StoreLink = { path: 'kb/qa.jsonl', save: async () => 'saved' as const, check: async () => ({ kind: 'unchanged' as const }) };

/** The fixture's refund entry, its answer (two lines of policy) made one paragraph repeated to a million characters, then a last sentence. */
function hugeEntry(): Entry {
  const base = fixtureEntries().find((e) => e.id === 's-refund-time');
  if (base === undefined) throw new Error('fixture entry missing');
  const sentence = base.answer.replace(/\n/gu, '');
  return { ...base, answer: `${sentence.repeat(Math.ceil(1_000_000 / sentence.length))}全文完 END-OF-ANSWER` };
}

function withHuge(): { entries: Entry[]; huge: Entry } {
  const huge = hugeEntry();
  return { huge, entries: fixtureEntries().map((e) => (e.id === huge.id ? huge : e)) };
}

const instances: { unmount: () => void }[] = [];
afterEach(() => {
  for (const i of instances.splice(0)) i.unmount();
});

function show(initial: ReviewState, onState?: (s: ReviewState) => void, buildSearcher?: (entries: readonly Entry[]) => Promise<Searcher>) {
  const app = render(<ReviewApp link={link} initial={initial} columns={80} rows={24} pollMs={0} {...(onState !== undefined ? { onState } : {})} {...(buildSearcher !== undefined ? { buildSearcher } : {})} />);
  instances.push(app);
  return app;
}

const frame = (app: { lastFrame: () => string | undefined }): string => app.lastFrame() ?? '';

/** The screen on the huge entry, drawn; `state()` is the screen's last state. */
async function openHuge(): Promise<{ app: ReturnType<typeof show>; huge: Entry; state: () => ReviewState | undefined }> {
  const { entries, huge } = withHuge();
  let last: ReviewState | undefined;
  const app = show({ ...initialState(entries), selected: huge.id }, (s) => (last = s));
  await until(() => /v shows all/.test(frame(app)));
  return { app, huge, state: () => last };
}

describe('an entry with a huge answer', () => {
  it('the list and the detail pane show a bounded start of it, and q quits', async () => {
    const { app, huge, state } = await openHuge();
    const lines = frame(app).split('\n');
    expect(lines.join('\n')).toMatch(new RegExp(`Answer \\(${huge.answer.length} chars\\): v shows all`));
    expect(lines.length).toBeLessThanOrEqual(24);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(80);
    app.stdin.write('q');
    await until(() => state()?.quit === true);
    expect(state()?.quit).toBe(true);
  });

  it('the full view (v) pages through it: End shows its last line, ↑ the one before, Home its start', async () => {
    const { app, huge, state } = await openHuge();
    app.stdin.write('v');
    await until(() => /scroll {2}Esc back/.test(frame(app)));
    expect(frame(app)).toMatch(/^Q {2}退款多久到账？/m);
    app.stdin.write('\u001b[6~'); // PgDn
    await until(() => !/^Q {2}/m.test(frame(app)));
    expect(frame(app)).not.toMatch(/^Q {2}/m);
    app.stdin.write('\u001b[F'); // End
    await until(() => /END-OF-ANSWER$/m.test(frame(app)));
    const end = frame(app).split('\n');
    expect(end.join('\n')).toMatch(/全文完 END-OF-ANSWER$/m);
    expect(end.length).toBeLessThanOrEqual(24);
    app.stdin.write('\u001b[A'); // ↑: the last line moves down out of the window
    await until(() => !/END-OF-ANSWER/.test(frame(app)));
    expect(frame(app)).not.toMatch(/END-OF-ANSWER/);
    app.stdin.write('\u001b[H'); // Home
    await until(() => /^Q {2}/m.test(frame(app)));
    expect(frame(app)).toMatch(/^Q {2}退款多久到账？/m);
    app.stdin.write('q'); // back to the list, q again quits
    await until(() => state()?.mode.kind === 'list');
    app.stdin.write('q');
    await until(() => state()?.quit === true);
    expect(state()?.quit).toBe(true);
  });

  it('E does not open an edit box on it, and says why', async () => {
    const { app, huge } = await openHuge();
    app.stdin.write('E');
    await until(() => /too many to edit here/.test(frame(app)));
    expect(frame(app)).toMatch(new RegExp(`s-refund-time: the answer has ${huge.answer.length} characters, too many`));
    expect(frame(app)).not.toMatch(/Edit the answer/);
    expect(huge.answer.length).toBeGreaterThan(EDIT_MAX_CHARS);
  });

  it('the full view wraps only the pieces it shows: its length is not known until it is scrolled through', () => {
    const { huge } = withHuge();
    const view = fullView(huge, 79);
    const top = view.window(0, 20);
    expect(top.lines).toHaveLength(20);
    expect(top.max).toBeUndefined();
    const end = view.window(Number.MAX_SAFE_INTEGER, 20);
    expect(end.lines.at(-1)?.text).toMatch(/END-OF-ANSWER$/);
    for (const line of [...top.lines, ...end.lines]) expect(displayWidth(line.text)).toBeLessThanOrEqual(79);
    // a short entry is known whole at once
    const short = fixtureEntries().find((e) => e.id === 's-refund-time');
    if (short === undefined) throw new Error('fixture entry missing');
    expect(fullView(short, 79).window(0, 20).max).toBe(0);
  });

  it('cuts a long text in pieces at line breaks, else spaces, else anywhere, losing no character', () => {
    const { huge } = withHuge();
    const cut = pieces(huge.answer);
    expect(cut.every((p) => p.length <= PIECE)).toBe(true);
    expect(cut.join('')).toBe(huge.answer);
    const lines = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n');
    expect(pieces(lines).join('\n')).toBe(lines);
    const emoji = '😀'.repeat(PIECE);
    expect(pieces(emoji).every((p) => p.length <= PIECE && !/[\ud800-\udbff]$/u.test(p))).toBe(true);
  });

  it('truncates, fits and wraps a huge text to what the lines hold', () => {
    const { huge } = withHuge();
    expect(displayWidth(truncate(huge.answer, 40))).toBeLessThanOrEqual(40);
    expect(truncate(huge.answer, 40)).toMatch(/…$/u);
    expect(fit(huge.answer, 40)).toMatch(/…$/u);
    const wrapped = wrap(huge.answer, 40, 5);
    expect(wrapped).toHaveLength(5);
    expect(wrapped[4]).toMatch(/…$/u);
  });
});

describe('try-it on a large store', () => {
  it('builds its index when t is first pressed (not at start), saying so meanwhile', async () => {
    const built: number[] = [];
    let finish: (s: Searcher) => void = () => {};
    const app = show(initialState(fixtureEntries()), undefined, (entries) => {
      built.push(entries.length);
      return new Promise((resolve) => (finish = resolve));
    });
    await until(() => /reviewed/.test(frame(app)));
    await tick(100);
    expect(built).toEqual([]);
    expect(frame(app)).not.toMatch(/indexing/);
    app.stdin.write('t');
    // (the pane says so as soon as t opens it; the build starts in the effect after that frame)
    await until(() => /indexing 6 entries… 0 s/.test(frame(app)) && built.length > 0);
    expect(frame(app)).toMatch(/indexing 6 entries… 0 s/);
    expect(built).toEqual([fixtureEntries().length]);
    finish({ search: () => [] });
    await until(() => /no entry shares a word/.test(frame(app)));
    expect(frame(app)).toMatch(/no entry shares a word with this question/);
  });
});
