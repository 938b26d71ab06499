// What kb eval says of a case that expects an entry the index does not have.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../core/problems.js';
import { unknownIdProblems, type CaseResult } from './run.js';

const c = (line: number, unknownIds: string[]): CaseResult => ({ q: '退货运费谁出', expect: unknownIds[0] ?? null, expectIds: unknownIds, rank: null, top: [], topQuestion: null, tags: [], file: 's.jsonl', line, unknownIds });

describe('unknownIdProblems', () => {
  it('says why kb build left an entry of the store out (rejected, no answer, section vanished), or that the store lacks it too, and to rebuild otherwise', () => {
    const store = { path: 'kb/qa.jsonl', status: new Map([['s-rejected', 'rejected'], ['s-draft', 'no-answer'], ['s-gone', 'source-missing'], ['s-ok', 'approved']]) };
    const lines = unknownIdProblems([c(1, ['s-rejected']), c(2, ['s-draft']), c(3, ['s-gone']), c(4, ['s-typo', 's-ok'])], 'dist/kb.index', store).map(formatProblem);
    expect(lines).toEqual([
      's.jsonl:line 1: expects entry "s-rejected", which is not in the index (dist/kb.index): the store (kb/qa.jsonl) has it rejected, and kb build leaves rejected entries out: approve it in kb review, or expect another entry [unknown-entry]',
      's.jsonl:line 2: expects entry "s-draft", which is not in the index (dist/kb.index): the store (kb/qa.jsonl) has it without an answer, and kb build leaves those out: write its answer in kb review [unknown-entry]',
      's.jsonl:line 3: expects entry "s-gone", which is not in the index (dist/kb.index): the store (kb/qa.jsonl) has it source-missing (its section vanished), and kb build leaves those out: point the case at the entry that replaced it [unknown-entry]',
      's.jsonl:line 4: expects entry "s-typo", which is not in the index (dist/kb.index): nor is it in the store (kb/qa.jsonl): fix the id, or, if it was deleted from the store, kb generate makes an entry of a source again (to keep one from the bot, reject it in kb review); a FAQ row switched off in its table (状态 停用) makes none [unknown-entry]',
      's.jsonl:line 4: expects entry "s-ok", which is not in the index (dist/kb.index); fix the id or rebuild the index [unknown-entry]',
    ]);
    // without a store, as before
    expect(unknownIdProblems([c(1, ['s-rejected'])]).map(formatProblem)).toEqual(['s.jsonl:line 1: expects entry "s-rejected", which is not in the index; fix the id or rebuild the index [unknown-entry]']);
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
