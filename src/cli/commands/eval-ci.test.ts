// `kb eval` and `kb gaps` set up in CI the way the README and docs/eval.md say, by a support-ops
// engineer new to kb (user test 2026-11-27): the slips such a setup makes, each on files the test writes.
import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../build/index.js';
import { BUILD_TIMEOUT, ROOT, lines, runKb, tempDir } from '../../test-support/kb.js';

const dir = tempDir('kb-cli-eval-ci-');
const project = dir.path;
beforeAll(async () => {
  mkdirSync(join(project, 'sources'));
  mkdirSync(join(project, 'tests'));
  writeFileSync(
    join(project, 'sources', 'faq.csv'),
    'id,问题,相似问题,答案\nfaq-invoice,发票怎么开,可以开发票吗,下单时选择电子发票，签收后24小时内发到您的邮箱。\nfaq-refund,退款多久到账,钱多久退回来,退款审核通过后原路退回，一般1到3个工作日到账。\nfaq-ship,包邮吗,运费多少,订单满99元包邮，不满99元收取运费10元。\n',
  );
  const built = await build({ sources: [join(project, 'sources')], out: join(project, 'kb.index') });
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
  writeFileSync(join(project, 'tests', 'faq.jsonl'), '{"q": "能开发票不", "expect": "faq-invoice"}\n{"q": "退款几天到", "expect": "faq-refund"}\n{"q": "你们老板是谁", "expect": "none"}\n');
  writeFileSync(join(project, 'tests', 'shipping.csv'), 'q,expect\n包邮吗,faq-ship\n');
}, BUILD_TIMEOUT);
afterAll(() => dir.remove());

const kb = (...args: string[]) => runKb(args, project);

describe('kb eval in CI', () => {
  it('refuses an empty report path — "$GITHUB_STEP_SUMMARY" outside GitHub Actions — as a usage error before the run', () => {
    for (const flag of ['--markdown', '--junit', '--html', '--baseline']) {
      const r = kb('eval', 'tests/', '--index', 'kb.index', flag, '');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(lines(r.stderr)[0]).toBe(
        `error: option '${flag} <file>' argument '' is invalid. expected a file path, got an empty one (an unset variable such as "$GITHUB_STEP_SUMMARY"?); name a file, e.g. "\${GITHUB_STEP_SUMMARY:-summary.md}" in a script that also runs outside GitHub Actions.`,
      );
    }
  });

  it('says how to write a gate given as a percentage, and refuses an empty one (Number(\'\') was 0)', () => {
    for (const [given, said] of [
      ['80%', "error: option '--min-hit1 <x>' argument '80%' is invalid. expected a number from 0 to 1 (a share: for 80% write 0.8)."],
      ['80', "error: option '--min-hit1 <x>' argument '80' is invalid. expected a number from 0 to 1 (a share: for 80 write 0.8)."],
      ['', "error: option '--min-hit1 <x>' argument '' is invalid. expected a number from 0 to 1."],
    ] as const) {
      const r = kb('eval', 'tests/', '--index', 'kb.index', '--min-hit1', given);
      expect(r.code).toBe(2);
      expect(lines(r.stderr)[0]).toBe(said);
    }
  });

  it('says that a baseline which is also the file --json is redirected to was emptied by the shell', () => {
    const report = join(project, 'eval.json');
    writeFileSync(report, kb('eval', 'tests/', '--index', 'kb.index', '--json').stdout);
    // kb eval … --baseline eval.json --json > eval.json: the shell truncates eval.json, then starts kb
    const fd = openSync(report, 'w');
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'kb.js'), 'eval', 'tests/', '--index', 'kb.index', '--baseline', 'eval.json', '--fail-on-regression', '--json'], { cwd: project, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
    closeSync(fd);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)[0]).toBe(
      "kb: --baseline eval.json is the file this run's output is redirected to (> eval.json), which the shell emptied before kb started: the baseline is gone (restore it, e.g. from the last run's artifact); keep it under another name (cp eval.json main.json, then --baseline main.json)",
    );
    expect(readFileSync(report, 'utf8')).toBe('');
  });

  it('runs a suite file named twice (its folder and itself) once', () => {
    const once = JSON.parse(kb('eval', 'tests/', '--index', 'kb.index', '--json').stdout) as { metrics: { cases: number; outOfScope: number } };
    const r = kb('eval', 'tests/', 'tests/faq.jsonl', './tests/faq.jsonl', '--index', 'kb.index', '--json');
    expect(r.code).toBe(0);
    const twice = JSON.parse(r.stdout) as { metrics: { cases: number; outOfScope: number }; suites: { name: string }[] };
    expect(once.metrics).toMatchObject({ cases: 3, outOfScope: 1 });
    expect(twice.metrics).toMatchObject({ cases: 3, outOfScope: 1 });
    expect(twice.suites.map((s) => s.name)).toEqual(['tests/faq.jsonl', 'tests/shipping.csv']);
  });

  it('runs the .tsv suites of a folder (before, left out without a word)', () => {
    mkdirSync(join(project, 'tsv'));
    writeFileSync(join(project, 'tsv', 'billing.tsv'), 'q\texpect\n能开发票不\tfaq-invoice\n');
    const r = kb('eval', 'tsv/', '--index', 'kb.index', '--json');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { metrics: { cases: number } }).metrics.cases).toBe(1);
  });

  it('says that a suite path that is not there is under eval.suites in kb.config.yaml', () => {
    writeFileSync(join(project, 'kb.config.yaml'), 'out: kb.index\neval:\n  suites: [test/, tests/]\n');
    try {
      const r = kb('eval');
      expect(r.code).toBe(1);
      expect(lines(r.stderr)[0]).toBe('error test/: does not exist; check the path (eval.suites in kb.config.yaml) [file-not-found]');
      // named on the command line, it is the command line's path
      expect(lines(kb('eval', 'test/').stderr)[0]).toBe('error test/: does not exist; check the path [file-not-found]');
    } finally {
      writeFileSync(join(project, 'kb.config.yaml'), 'out: kb.index\n');
    }
  });
});

describe('kb eval --baseline on a pull request that renames a policy section and deletes a FAQ row', () => {
  it('says the deleted row\'s entry was in the baseline\'s index and is gone, that the renamed section is where the top hit comes from, and which right answers changed', async () => {
    const pr = join(project, 'pr');
    mkdirSync(join(pr, 'main'), { recursive: true });
    mkdirSync(join(pr, 'branch'));
    const policy = (days: string) => `# 退换货政策\n\n## 一、${days}无理由退货\n\n签收后${days}内，商品完好可申请无理由退货。\n\n## 二、退货运费\n\n质量问题来回运费由本店承担，无理由退货运费由买家承担。\n`;
    const faq = 'id,问题,答案\nfaq-cod,可以货到付款吗,本店暂不支持货到付款。\nfaq-invoice,发票怎么开,签收后在订单页申请电子发票。\n';
    writeFileSync(join(pr, 'main', 'returns.md'), policy('七天'));
    writeFileSync(join(pr, 'main', 'faq.csv'), faq);
    // the pull request: seven days become fifteen (the heading too), the COD row is deleted, and the invoice answer changes
    writeFileSync(join(pr, 'branch', 'returns.md'), policy('十五天'));
    writeFileSync(join(pr, 'branch', 'faq.csv'), faq.replace(/^faq-cod.*\n/m, '').replace('申请电子发票。', '申请电子发票，3个工作日内开出。'));
    for (const side of ['main', 'branch']) {
      const built = await build({ sources: [join(pr, side)], out: join(pr, `${side}.index`) });
      if (!built.ok) throw new Error(built.problems.map((p) => p.message).join('; '));
    }
    writeFileSync(join(pr, 'suite.jsonl'), '{"q": "无理由退货怎么申请", "expect": {"source": "returns.md", "section": "一、七天无理由退货"}}\n{"q": "货到付款行吗", "expect": "faq-cod"}\n{"q": "发票怎么开", "expect": "faq-invoice"}\n');
    const main = runKb(['eval', 'suite.jsonl', '--index', 'main.index', '--json'], pr);
    expect(main.code).toBe(0);
    writeFileSync(join(pr, 'main.json'), main.stdout);
    const r = runKb(['eval', 'suite.jsonl', '--index', 'branch.index', '--baseline', 'main.json', '--fail-on-regression'], pr);
    expect(r.code).toBe(1);
    const err = lines(r.stderr);
    // before: "…which is not in the index (branch.index); fix the id or rebuild the index", and the
    // regression lines "now expects an entry the index does not have, got …" without what or why
    expect(err).toContain(
      'warning suite.jsonl:line 2: expects entry "faq-cod", which is not in the index (branch.index): the baseline\'s index (main.json) had it: it was removed since — its FAQ row or section deleted from the sources, or the entry from the store; if that is meant, make the case expect the entry that answers the question now, or none; else restore it and run kb generate [unknown-entry]',
    );
    expect(err.find((l) => l.startsWith('warning suite.jsonl:line 1:'))).toContain('(did you mean “一、十五天无理由退货”, numbered as the suite\'s section, renamed since? — the top hit comes from it: update the suite\'s section)');
    const regressions = err.filter((l) => l.startsWith('kb eval: regression: “'));
    expect(regressions).toEqual([
      expect.stringMatching(/^kb eval: regression: “无理由退货怎么申请” → expected returns\.md § 一、七天无理由退货; now expects an entry the index no longer has, got s-\S+ “[^”]+” \(confidence [\d.]+\): returns\.md › 一、七天无理由退货 — did you mean “一、十五天无理由退货”, numbered as the suite's section, renamed since\? — the top hit comes from it: update the suite's section {2}\(suite\.jsonl:1, passed in main\.json\)$/),
      expect.stringMatching(/^kb eval: regression: “货到付款行吗” → expected faq-cod; now expects an entry the index no longer has, got .*: faq-cod \(the baseline's index had it: removed since — if on purpose, make the case expect the entry that answers the question now, or none\) {2}\(suite\.jsonl:2, passed in main\.json\)$/),
    ]);
    // a question still right whose answer the pull request changed: not a failure, but said (before: nothing)
    expect(err).toContain('kb eval: 1 question right in both runs is answered with text changed since main.json: “发票怎么开” → faq-invoice — check that the new answers say what customers should be told (the reports list them)');
    // in JSON too, for a bot or a dashboard reading the comparison
    const json = JSON.parse(runKb(['eval', 'suite.jsonl', '--index', 'branch.index', '--baseline', 'main.json', '--json'], pr).stdout) as {
      baseline: { newlyFailing: { q: string; removedIds?: string[] }[]; answersChanged?: { q: string; id: string; answer: string }[] };
      answerHashes: Record<string, string>;
    };
    expect(json.baseline.newlyFailing.map((c) => [c.q, c.removedIds])).toEqual([
      ['无理由退货怎么申请', undefined],
      ['货到付款行吗', ['faq-cod']],
    ]);
    expect(json.baseline.answersChanged).toEqual([expect.objectContaining({ q: '发票怎么开', id: 'faq-invoice', answer: '签收后在订单页申请电子发票，3个工作日内开出。' })]);
    expect(Object.keys(json.answerHashes)).toContain('faq-invoice');
    // and in the Markdown a reviewer reads
    runKb(['eval', 'suite.jsonl', '--index', 'branch.index', '--baseline', 'main.json', '--markdown', 'summary.md'], pr);
    expect(readFileSync(join(pr, 'summary.md'), 'utf8')).toContain('- ✏️ 发票怎么开 → faq-invoice “发票怎么开”: 签收后在订单页申请电子发票，3个工作日内开出。 (suite.jsonl:3)');
  }, BUILD_TIMEOUT);
});

describe('kb gaps --export', () => {
  it('names the file in the way when the drafts cannot be written under it', () => {
    writeFileSync(join(project, 'chats.txt'), '以旧换新怎么弄\n以旧换新能抵多少\n');
    writeFileSync(join(project, 'reports'), 'a file, not a folder\n');
    const r = kb('gaps', 'chats.txt', '--index', 'kb.index', '--export', 'reports/drafts.jsonl');
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toContain('error reports/drafts.jsonl: cannot be written: reports is a file, not a folder; move or rename that file, or name another path for the drafts [write-failed]');
  });
});

describe('kb eval writing a report into a pipe', () => {
  it('--junit to a link to the standard output (as /dev/stdout is) writes the XML down the pipe and leaves the link a link', () => {
    // a rename onto the path, as atomic writes of files do, would put a file where the link (or a
    // device: --out /dev/null, run as root, replaced the machine's /dev/null) was
    symlinkSync('/proc/self/fd/1', join(project, 'stdout-link.xml'));
    // through a shell pipe: a Node parent's stdio is a socket, which no path opens
    const r = spawnSync('sh', ['-c', `node ${JSON.stringify(join(ROOT, 'bin', 'kb.js'))} eval tests/ --index kb.index --junit stdout-link.xml | cat`], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toContain('wrote the JUnit report to stdout-link.xml');
    expect(r.stdout).toContain('<testsuites');
    expect(lstatSync(join(project, 'stdout-link.xml')).isSymbolicLink()).toBe(true);
  });

  it('--junit /dev/stdout appended to a log file adds the XML after what the log held (it replaced the log)', () => {
    writeFileSync(join(project, 'ci.log'), 'EARLIER LINE\n');
    const r = spawnSync('sh', ['-c', `node ${JSON.stringify(join(ROOT, 'bin', 'kb.js'))} eval tests/ --index kb.index --junit /dev/stdout >> ci.log`], { cwd: project, encoding: 'utf8' });
    expect(r.stderr).toContain('wrote the JUnit report to /dev/stdout');
    const log = readFileSync(join(project, 'ci.log'), 'utf8');
    expect(log.startsWith('EARLIER LINE\n')).toBe(true);
    expect(log).toContain('<testsuites');
  });
});
