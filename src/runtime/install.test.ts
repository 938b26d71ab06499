// What a bot developer gets from `npm install kb` (scripts/check-pack.mjs): the packed kb installs
// into a fresh project without --yes or a C++ toolchain, kb/runtime loads and searches an index by
// import and require, and the installed kb build says in one line what it lacks. It failed
// outright before nodejieba became optional (its install script asks before npx downloads).
// The runtime package (npm run pack:runtime) passes the same kb/runtime checks in a second project,
// with none of the build-time packages in its node_modules.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../test-support/kb.js';

describe('npm install kb, in a fresh project', () => {
  it('installs, loads and searches an index through kb/runtime, and kb build says what it lacks; so does the runtime package, a fraction of the size', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check-pack.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^check-pack: kb-[\d.]+\.tgz installs into a fresh project .*kb\/runtime loads and searches by import and require/u);
    const sizes = /\(\d+ packages in node_modules, ([\d.]+) MB,.*; kb-runtime-[\d.]+\.tgz \(\d+ kB; full \d+ kB\) installs into another \(\d+ packages, ([\d.]+) MB\) and passes the same kb\/runtime checks, without a build-time package or the kb command/u.exec(r.stdout);
    expect(sizes).not.toBeNull();
    const [full, runtime] = [Number(sizes?.[1]), Number(sizes?.[2])];
    expect(runtime).toBeLessThan(full / 5);
  }, 240_000);
});
