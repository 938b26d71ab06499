// `kb init`, then `kb build`, `kb query` and `kb eval` with no arguments, in a fresh folder.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_FILE, CONFIG_TEMPLATE } from '../../config/config.js';
import { BUILD_TIMEOUT, ROOT, SAMPLE, SAMPLE_SUITE, lines, runKb, tempDir } from '../../test-support/kb.js';

const dir = tempDir('kb-cli-init-');
afterAll(() => dir.remove());

describe('kb init', () => {
  it('writes the commented kb.config.yaml, and never overwrites it', () => {
    const r = runKb(['init'], dir.path);
    expect(r.code).toBe(0);
    // a message on stderr (stdout stays for machine output), naming the next steps
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^wrote kb\.config\.yaml: .*kb generate.*kb review.*kb build && kb eval/);
    expect(readFileSync(join(dir.path, CONFIG_FILE), 'utf8')).toBe(CONFIG_TEMPLATE);
    writeFileSync(join(dir.path, CONFIG_FILE), `${CONFIG_TEMPLATE}# edited\n`);
    const again = runKb(['init'], dir.path);
    expect(again.code).toBe(1);
    expect(lines(again.stderr)).toEqual(['kb init: kb.config.yaml already exists here; edit it, or remove it to start again']);
    expect(readFileSync(join(dir.path, CONFIG_FILE), 'utf8')).toMatch(/# edited\n$/);
  });

  it('is enough for kb build, kb query and kb eval to run without arguments', () => {
    cpSync(join(ROOT, SAMPLE), join(dir.path, 'sources'), { recursive: true });
    cpSync(join(ROOT, SAMPLE_SUITE), join(dir.path, 'tests', 'sample.jsonl'));
    const built = runKb(['build'], dir.path);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^dist\/kb\.index: 16 entries \(\d+ question variants\) from 4 of 4 files$/m);
    const query = runKb(['query', '包邮吗', '--json'], dir.path);
    expect(query.code).toBe(0);
    expect(JSON.parse(query.stdout)).toMatchObject({ hits: [{ question: '运费怎么算？', source: { path: 'sources/faq.csv' } }] });
    const evaluated = runKb(['eval', '--json'], dir.path);
    expect(evaluated.code).toBe(0);
    expect(JSON.parse(evaluated.stdout)).toMatchObject({ metrics: { cases: 35, k: 5 } });
    // flags still win over the config
    const k1 = runKb(['eval', '-k', '1', '--json'], dir.path);
    expect(JSON.parse(k1.stdout)).toMatchObject({ metrics: { k: 1 } });
  }, BUILD_TIMEOUT);

  it('run from a subfolder of the project, or where an index lies, says where to run it or which index to name', () => {
    const sub = join(dir.path, 'sub');
    mkdirSync(sub, { recursive: true });
    for (const command of [['build'], ['query', '包邮吗'], ['eval']]) {
      const r = runKb(command, sub);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/; \.\. has a kb\.config\.yaml: run kb in that folder$/mu);
    }
    writeFileSync(join(sub, 'shop.index'), '');
    expect(runKb(['query', '包邮吗'], sub).stderr).toMatch(/; this folder has shop\.index: --index shop\.index$/mu);
    // kb init there says it starts a project of its own
    const init = runKb(['init'], sub);
    expect(init.code).toBe(0);
    expect(lines(init.stderr)[0]).toBe('kb init: .. has a kb.config.yaml too; kb run in this folder reads this one from now on (a project of its own)');
  });

  it('gives each of several kb.config.yaml mistakes its own kb: line', () => {
    writeFileSync(join(dir.path, CONFIG_FILE), 'sources: sources/\nsorces: x\neval:\n  threshhold: auto\n');
    const r = runKb(['build'], dir.path);
    expect(r.code).toBe(2);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/^kb: kb\.config\.yaml:line 2: "sorces"/), expect.stringMatching(/^kb: kb\.config\.yaml:line 4: "eval\.threshhold"/)]);
  });

  it('makes a kb.config.yaml with a mistake a usage error that names it', () => {
    writeFileSync(join(dir.path, CONFIG_FILE), 'sources: sources/\nsorces: x\n');
    for (const command of [['build'], ['eval'], ['query', '包邮吗']]) {
      const r = runKb(command, dir.path);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)).toEqual([expect.stringMatching(/^kb: kb\.config\.yaml:line 2: "sorces" is not a setting kb knows — did you mean "sources"\? .*\[usage\]$/)]);
    }
  });
});
