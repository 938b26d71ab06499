import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entry } from '../store/entry.js';
import { answerKey, appendLlmCache, llmCachePath, planLlmRun, pruneLlmCache, readLlmCache, type CachedAnswer, type PlannedSection } from './llm-cache.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kb-llm-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const section = (id: string, text: string): PlannedSection => ({ input: { id, headingPath: ['售后', id], text, language: 'zh', path: 'sources/a.md' }, hash: `h-${text}` });
const entry = (id: string, extra: Partial<Entry>): Entry => ({ id: `s-${id}`, question: 'q', similar: [], answer: 'a', origin: 'generated', status: 'pending', ...extra });
const answer = (key: string, path = 'sources/a.md'): CachedAnswer => ({ key, section: key, path, model: 'm', content: '{"questions":[]}' });

describe('planLlmRun', () => {
  const sections = ['new', 'changed', 'rules', 'llm', 'approved', 'edited'].map((id) => section(id, id));
  const store = [
    entry('changed', { sourceHash: 'h-before', rule: 'llm' }),
    entry('rules', { sourceHash: 'h-rules', rule: 'heading' }),
    entry('llm', { sourceHash: 'h-llm', rule: 'llm' }),
    entry('approved', { sourceHash: 'h-approved', rule: 'heading', status: 'approved' }),
    entry('edited', { sourceHash: 'h-edited', rule: 'time-limit', edited: true, editedFields: ['question'] }),
  ];

  it('sends the new, the changed and the rule-written sections; reuses the model’s; leaves the reviewed', () => {
    const plan = planLlmRun(sections, store, false);
    expect(plan.send.map((s) => [s.section.input.id, s.reason])).toEqual([
      ['new', 'new'],
      ['changed', 'changed'],
      ['rules', 'rules'],
    ]);
    expect(plan).toMatchObject({ reused: 1, reviewed: 2 });
  });

  it('all: sends every section but those an editor touched whose text did not change', () => {
    const approvedLlm = entry('llm', { sourceHash: 'h-llm', rule: 'llm', status: 'approved' });
    const plan = planLlmRun(sections, [...store.filter((e) => e.id !== 's-llm'), approvedLlm], true);
    expect(plan.send.map((s) => [s.section.input.id, s.reason])).toEqual([
      ['new', 'all'],
      ['changed', 'all'],
      ['rules', 'all'],
    ]);
    expect(plan).toMatchObject({ reused: 0, reviewed: 3 });
  });

  it('an approved entry the model wrote is reused without all', () => {
    const plan = planLlmRun([section('llm', 'llm')], [entry('llm', { sourceHash: 'h-llm', rule: 'llm', status: 'approved' })], false);
    expect(plan).toMatchObject({ send: [], reused: 1, reviewed: 0 });
  });
});

describe('the answer cache', () => {
  it('is beside the store; its key changes with the model, the similar count and the text', () => {
    expect(llmCachePath(join('x', 'kb', 'qa.jsonl'))).toBe(join('x', 'kb', '.llm-cache.jsonl'));
    const s = section('a', '七天无理由退货').input;
    const key = answerKey(s, { model: 'm', similar: 2 });
    expect(answerKey(s, { model: 'm', similar: 2 })).toBe(key);
    expect(answerKey(s, { model: 'other', similar: 2 })).not.toBe(key);
    expect(answerKey(s, { model: 'm', similar: 3 })).not.toBe(key);
    expect(answerKey({ ...s, text: '十五天' }, { model: 'm', similar: 2 })).not.toBe(key);
  });

  it('reads back what was appended, skipping a line a killed run cut short', async () => {
    const path = join(dir, 'kb', '.llm-cache.jsonl');
    expect((await readLlmCache(path)).size).toBe(0);
    await appendLlmCache(path, answer('k1'));
    await writeFile(path, `${await readFile(path, 'utf8')}\n{"key":"k2","sect`);
    await appendLlmCache(path, answer('k3'));
    expect([...(await readLlmCache(path)).keys()]).toEqual(['k1', 'k3']);
  });

  it('is ignored by git from the start (a .gitignore beside it), unless that folder has a .gitignore of its own', async () => {
    const path = join(dir, 'kb', '.llm-cache.jsonl');
    await appendLlmCache(path, answer('k1'));
    expect(await readFile(join(dir, 'kb', '.gitignore'), 'utf8')).toMatch(/^\/\.llm-cache\.jsonl$/mu);
    const own = join(dir, 'team');
    await mkdir(own);
    await writeFile(join(own, '.gitignore'), 'dist/\n');
    await appendLlmCache(join(own, '.llm-cache.jsonl'), answer('k2'));
    expect(await readFile(join(own, '.gitignore'), 'utf8')).toBe('dist/\n');
  });

  it('prunes to the answers still of use, rewriting only when one goes', async () => {
    const path = join(dir, '.llm-cache.jsonl');
    for (const key of ['k1', 'k2', 'k1']) await appendLlmCache(path, answer(key));
    await appendLlmCache(path, answer('k4', 'sources/b.md'));
    expect(await pruneLlmCache(path, (a) => a.key !== 'k2')).toBe(2);
    expect([...(await readLlmCache(path)).keys()]).toEqual(['k1', 'k4']);
    const text = await readFile(path, 'utf8');
    expect(await pruneLlmCache(path, () => true)).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});
