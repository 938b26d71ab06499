// kb review opens a store where the editor left it: the place noted on quit, read on open.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { placeDir, readPlace, writePlace } from './place.js';
import { initialState, NO_FILTER } from './reducer.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function scratch(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'kb-place-'));
  dirs.push(d);
  return d;
}

const entry = (id: string, status: Entry['status'], question: string): Entry => ({ id, question, similar: [], answer: `${question}的答案`, origin: 'faq', status, tags: [] });
const STORE = [entry('FAQ0001', 'pending', 'X20手机保修多久？'), entry('FAQ0002', 'approved', 'X20手机退款多久到账？'), entry('FAQ0003', 'approved', 'K87键盘保修多久？'), entry('FAQ0004', 'approved', 'K87键盘退款多久到账？')];

describe('the place an editor left a store at', () => {
  it('is noted per store and read back; another store, a missing or a broken file has none', async () => {
    const dir = await scratch();
    await writePlace('proj/kb/qa.jsonl', { selected: 'FAQ0003', filter: { ...NO_FILTER, status: 'approved', text: 'K87' } }, dir);
    expect(await readPlace('proj/kb/qa.jsonl', dir)).toEqual({ selected: 'FAQ0003', filter: { ...NO_FILTER, status: 'approved', text: 'K87' } });
    expect(await readPlace('other/kb/qa.jsonl', dir)).toBeUndefined();
    const [file] = await readdir(dir);
    await writeFile(join(dir, file as string), '{not json');
    expect(await readPlace('proj/kb/qa.jsonl', dir)).toBeUndefined();
    // a folder that cannot be made (a file in its way): no place noted, no error
    await writeFile(join(dir, 'blocked'), '');
    await expect(writePlace('proj/kb/qa.jsonl', { selected: 'FAQ0003', filter: NO_FILTER }, join(dir, 'blocked', 'kb'))).resolves.toBeUndefined();
  });

  it('lives in the user cache folder, never beside the store', () => {
    expect(placeDir({ XDG_CACHE_HOME: '/home/ed/.cache-x' })).toBe('/home/ed/.cache-x/kb/review');
    expect(placeDir({})).toMatch(/\.cache\/kb\/review$/u);
  });

  it('opens the screen back at the entry and filters left, and says so', () => {
    const state = initialState(STORE, {}, { selected: 'FAQ0004', filter: { ...NO_FILTER, text: 'K87' } });
    expect(state.selected).toBe('FAQ0004');
    expect(state.filter.text).toBe('K87');
    expect(state.message).toBe('back at FAQ0004, where you left this store (showing “K87”: Esc shows all); n goes to the next entry to review');
    // without a place: the first entry to review
    expect(initialState(STORE).selected).toBe('FAQ0001');
  });

  it('the command line’s filters win; a place gone from the store opens on the first entry to review', () => {
    const flagged = initialState(STORE, { status: 'pending' }, { selected: 'FAQ0004', filter: { ...NO_FILTER, text: 'K87' } });
    expect(flagged.filter).toEqual({ ...NO_FILTER, status: 'pending' });
    expect(flagged.selected).toBe('FAQ0001');
    const gone = initialState(STORE, {}, { selected: 'FAQ9999', filter: NO_FILTER });
    expect(gone.selected).toBe('FAQ0001');
    expect(gone.message).toBeUndefined();
    // filters that show nothing now: the whole list
    const empty = initialState(STORE, {}, { selected: 'FAQ9999', filter: { ...NO_FILTER, text: 'nowhere' } });
    expect(empty.filter).toEqual(NO_FILTER);
    expect(empty.selected).toBe('FAQ0001');
  });
});
