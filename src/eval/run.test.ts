// What kb eval says of a case that expects an entry the index does not have.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../build/index.js';
import { formatProblem } from '../core/problems.js';
import { loadIndex } from '../runtime/load.js';
import type { KnowledgeBase } from '../runtime/knowledge-base.js';
import { BUILD_TIMEOUT, tempDir } from '../test-support/kb.js';
import { evaluate, numberingLabel, sectionNames, unknownIdProblems, type CaseResult } from './run.js';
import { parseSuite } from './suite.js';

/** The DOCX fixtures scripts/make-fixtures.mjs writes. */
const GENERATED = fileURLToPath(new URL('../../fixtures/generated/', import.meta.url));

const c = (line: number, unknownIds: string[]): CaseResult => ({ q: '退货运费谁出', expect: unknownIds[0] ?? null, expectIds: unknownIds, rank: null, top: [], topQuestion: null, tags: [], file: 's.jsonl', line, unknownIds });

describe('unknownIdProblems', () => {
  it('says why kb build left an entry of the store out (rejected, no answer, section vanished), or that the store lacks it too, and to rebuild otherwise', () => {
    const store = { path: 'kb/qa.jsonl', status: new Map([['s-rejected', 'rejected'], ['s-draft', 'no-answer'], ['s-gone', 'source-missing'], ['s-ok', 'approved']]) };
    const lines = unknownIdProblems([c(1, ['s-rejected']), c(2, ['s-draft']), c(3, ['s-gone']), c(4, ['s-typo', 's-ok'])], 'dist/kb.index', store).map(formatProblem);
    expect(lines).toEqual([
      's.jsonl:line 1: expects entry "s-rejected", which is not in the index (dist/kb.index): the store (kb/qa.jsonl) has it rejected, and kb build leaves rejected entries out: approve it in kb review, or expect another entry [unknown-entry]',
      's.jsonl:line 2: expects entry "s-draft", which is not in the index (dist/kb.index): the store (kb/qa.jsonl) has it without an answer, and kb build leaves those out: write its answer in kb review [unknown-entry]',
      's.jsonl:line 3: expects entry "s-gone", which is not in the index (dist/kb.index): the store (kb/qa.jsonl) has it source-missing (its section vanished), and kb build leaves those out: point the case at the entry that replaced it [unknown-entry]',
      // before: only "fix the id, or, if it was deleted from the store, kb generate makes an entry of a source again",
      // where kb generate had dropped the entry because its FAQ row was deleted, and would not make it again
      's.jsonl:line 4: expects entry "s-typo", which is not in the index (dist/kb.index): nor is it in the store (kb/qa.jsonl): fix the id; if its FAQ row or section was deleted from the sources (kb generate then drops its entry), make the case expect the entry that answers the question now, or none; an entry deleted from the store by hand kb generate makes again (to keep one from the bot, reject it in kb review); a FAQ row switched off in its table (状态 停用) makes none [unknown-entry]',
      's.jsonl:line 4: expects entry "s-ok", which is not in the index (dist/kb.index); fix the id or rebuild the index [unknown-entry]',
    ]);
    // without a store, as before
    expect(unknownIdProblems([c(1, ['s-rejected'])]).map(formatProblem)).toEqual(['s.jsonl:line 1: expects entry "s-rejected", which is not in the index; fix the id or rebuild the index [unknown-entry]']);
    // the baseline's index had it (kb eval --baseline): removed since, by the change being checked
    const baseline = { file: 'main.json', entryIds: new Set(['s-typo']) };
    expect(unknownIdProblems([c(4, ['s-typo'])], 'dist/kb.index', store, baseline).map(formatProblem)).toEqual([
      's.jsonl:line 4: expects entry "s-typo", which is not in the index (dist/kb.index): nor is it in the store (kb/qa.jsonl), while the baseline\'s index (main.json) had it: it was removed since — its FAQ row or section deleted from the sources, or the entry from the store; if that is meant, make the case expect the entry that answers the question now, or none; else restore it and run kb generate [unknown-entry]',
    ]);
    // in the store but rejected: the store's reason still comes first
    expect(unknownIdProblems([c(1, ['s-rejected'])], 'dist/kb.index', store, { file: 'main.json', entryIds: new Set(['s-rejected']) }).map(formatProblem)[0]).toContain('has it rejected');
  });

  it('gives the store\'s reason for a {source, section} whose entries the build left out (rejected, section vanished, pending), as for an id', () => {
    const bySource = (line: number, source: string, section: string): CaseResult => ({
      ...c(line, []),
      unknownIds: [],
      expect: { source, section },
      expectSources: [{ kind: 'source', source, section }],
      unknownSources: [`${source} › ${section}`],
      unknownSourceHints: ['its sections are “一、三十天无理由退货”'],
    });
    const at = (headingPath: string[]) => ({ path: 'sources/return-policy.md', headingPath: ['退换货政策', ...headingPath] });
    const store = {
      path: 'kb/qa.jsonl',
      status: new Map([['s-seven', 'source-missing'], ['s-exchange', 'rejected'], ['s-thirty', 'pending']]),
      sourced: [
        { id: 's-seven', source: at(['一、七天无理由退货']) },
        { id: 's-exchange', source: at(['五、换货流程']) },
        { id: 's-thirty', source: at(['一、三十天无理由退货']) },
      ],
    };
    const cases = [bySource(1, 'return-policy.md', '一、七天无理由退货'), bySource(2, 'return-policy.md', '五、换货流程'), bySource(3, 'return-policy.md', '一、三十天无理由退货'), bySource(4, 'return-policy.md', '九、价保')];
    // before: every one of them said "fix the file name or section, or rebuild the index"
    expect(unknownIdProblems(cases, 'dist/kb.index', store).map(formatProblem)).toEqual([
      's.jsonl:line 1: expects “return-policy.md › 一、七天无理由退货”, which no entry of the index (dist/kb.index) comes from (its sections are “一、三十天无理由退货”): the store\'s entry s-seven does, but the store (kb/qa.jsonl) has it source-missing (its section vanished), and kb build leaves those out: point the case at the entry that replaced it [unknown-entry]',
      's.jsonl:line 2: expects “return-policy.md › 五、换货流程”, which no entry of the index (dist/kb.index) comes from (its sections are “一、三十天无理由退货”): the store\'s entry s-exchange does, but the store (kb/qa.jsonl) has it rejected, and kb build leaves rejected entries out: approve it in kb review, or expect another entry [unknown-entry]',
      's.jsonl:line 3: expects “return-policy.md › 一、三十天无理由退货”, which no entry of the index (dist/kb.index) comes from (its sections are “一、三十天无理由退货”): the store\'s entry s-thirty does, but the store (kb/qa.jsonl) has it pending, and kb build --only-approved leaves those out: approve it in kb review, or rebuild the index without --only-approved [unknown-entry]',
      's.jsonl:line 4: expects “return-policy.md › 九、价保”, which no entry of the index (dist/kb.index) comes from (its sections are “一、三十天无理由退货”); fix the file name or section, or rebuild the index [unknown-entry]',
    ]);
  });
});

describe('the sections named for a {source, section} no entry comes from', () => {
  const dir = tempDir('kb-eval-sections-');
  let kb: KnowledgeBase;
  beforeAll(async () => {
    // two Word files: one whose title is a section beside the others (warranty-en.docx: every
    // heading path one heading long), one whose chapters head the paths (policy-zh.docx)
    const out = join(dir.path, 'docx.index');
    const built = await build({ sources: ['warranty-en.docx', 'policy-zh.docx'], cwd: GENERATED, out });
    if (!built.ok) throw new Error(built.problems.map(formatProblem).join('; '));
    kb = await loadIndex(out);
  }, BUILD_TIMEOUT);
  afterAll(() => dir.remove());

  it('lists a DOCX file\'s sections, and finds the one meant, whatever heads its heading paths', () => {
    const suite = parseSuite(
      [
        '{"q": "How do I claim the warranty?", "expect": {"source": "warranty-en.docx", "section": "Warranty claims"}}',
        '{"q": "退货需要什么条件", "expect": {"source": "policy-zh.docx", "section": "第二章 退货"}}',
        // the chapter renamed since the suite was written (a policy edit: 一、七天无理由退货 → 一、十五天无理由退货)
        '{"q": "售后怎么申请", "expect": {"source": "policy-zh.docx", "section": "第二章 售后申请"}}',
        // a number the file does not have
        '{"q": "价保吗", "expect": {"source": "policy-zh.docx", "section": "第九章 价保"}}',
        '',
      ].join('\n'),
      's.jsonl',
    );
    const hints = evaluate(kb, suite.cases, 5).cases.map((r) => r.unknownSourceHints);
    // before: "its sections are " with no name for the first (its one heading was taken for the
    // document's title and dropped), and the chapters left out of the second's
    expect(hints).toEqual([
      ['its sections are “Northwind Home Product Warranty”, “Warranty period”, “What the warranty covers”, “What is not covered”, “How to make a warranty claim”, “Repairs”, “Extended warranty”'],
      // the search answers from the heading meant: only the suite is behind (before, not said)
      ['did you mean “第二章 退货规则”? — the top hit comes from it: update the suite\'s section'],
      ['did you mean “第二章 退货规则”, numbered as the suite\'s section, renamed since? — the top hit comes from it: update the suite\'s section'],
      [expect.stringMatching(/^its sections are “第一章 总则”/)],
    ]);
  });

  it('leaves out the title every heading path of a file starts with (a Markdown # heading)', () => {
    expect(sectionNames([['退换货政策', '一、七天无理由退货'], ['退换货政策', '二、退货运费']])).toEqual(['一、七天无理由退货', '二、退货运费']);
    // one section: its heading is no title over others
    expect(sectionNames([['三、运费与运费险']])).toEqual(['三、运费与运费险']);
    expect(sectionNames([['一、退货'], ['二、运费', '（一）运费险']])).toEqual(['一、退货', '二、运费', '（一）运费险']);
  });
});

describe('numberingLabel', () => {
  it('reads the numbering of Chinese and English headings, not a year or a count at the start of an English one (review 2026-11-27)', () => {
    expect(['一、七天无理由退货', '第二章 退货规则', '（三）运费', '1.2 退款', '2. Returns', '1 Returns', '2 退货', '1.2 Refund times'].map(numberingLabel)).toEqual(['一、', '第二章', '(三)', '1.2', '2.', '1', '2', '1.2']);
    // before: 2024 and 3 read as numbering, so "2024 holiday returns" was offered for "2024 Black Friday returns", renamed since
    expect(['2024 holiday returns', '2024 Black Friday returns', '3 ways to return an item', '30 days to return', '七天无理由退货'].map(numberingLabel)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
