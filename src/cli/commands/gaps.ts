/**
 * `kb gaps LOG --index FILE`: the questions of a real customer log the index does not answer
 * (top confidence below the threshold), clustered by shared key terms and ranked by how often
 * they were asked, with examples and the nearest entries; `--export` writes draft entries.
 */
import { basename } from 'node:path';
import { problem } from '../../core/problems.js';
import { addNearest, coveredTerms, DEFAULT_THRESHOLD, draftEntries, draftsText, gapCounts, gapTokenizer, nearestEntryText, scanLog, servedNotes, smallClusterTerms, summaryLine, unmetPercent } from '../../eval/find-gaps.js';
import { clusterQuestions } from '../../eval/gaps.js';
import { describeSource, LogReader, logFormatOf, type LogFormat } from '../../eval/log.js';
import { loadIndex } from '../../runtime/index.js';
import { writeStoreText } from '../../store/store.js';
import { EXIT, UsageError } from '../cli.js';
import { noIndex, answerThreshold, autoNotice, defaultIndex, workingConfig } from '../config.js';
import { printProblems, progressLine, writeProblem, type Output } from '../output.js';

export interface GapsCommandOptions {
  log: string;
  index?: string;
  /** auto: as eval.threshold auto of kb.config.yaml (0.5, a line saying so; kb serve's log lines counted as logged). */
  threshold?: number | 'auto';
  column?: string;
  /** The column or key saying who wrote a line (false: read every row). */
  roleColumn?: string | false;
  /** The customer's role values. */
  roles?: string[];
  format?: LogFormat;
  /** Clusters printed (default 20). */
  top?: number;
  /** Examples per cluster printed (default 5). */
  examples?: number;
  /** Smallest cluster printed and exported, in questions asked (default 2). */
  minSize?: number;
  similarity?: number;
  /** Rank the clusters by what the index lacks (unmet, default) or by how often they were asked. */
  rank?: 'unmet' | 'asked';
  export?: string;
  json: boolean;
}

export async function runGaps(options: GapsCommandOptions, output: Output): Promise<number> {
  const config = await workingConfig();
  const index = options.index ?? defaultIndex(config);
  if (index === undefined) throw new UsageError(noIndex());
  const kb = await loadIndex(index);
  // the threshold the bot answers with: the flag, else eval.threshold of kb.config.yaml (as kb serve), else 0.5
  const { threshold, fromConfig, auto } = answerThreshold(options.threshold, config, DEFAULT_THRESHOLD);
  const whence = fromConfig ? ' (eval.threshold of kb.config.yaml)' : '';
  if (auto !== false) {
    output.err(`kb gaps: ${autoNotice(auto)}; using ${DEFAULT_THRESHOLD}: pass --threshold X (the threshold kb eval --threshold auto prints)`);
  }
  const format = options.format ?? logFormatOf(options.log);
  const tableOnly = [options.column === undefined ? '' : '--column', options.roleColumn === undefined ? '' : '--role-column', options.roles === undefined ? '' : '--role'].filter((f) => f !== '');
  if (format === 'text' && tableOnly.length > 0) {
    output.err(`kb gaps: ${options.log} is read as text, every line a question: ${tableOnly.join(', ')} only appl${tableOnly.length === 1 ? 'ies' : 'y'} to CSV, TSV, XLSX and JSONL logs (--format csv reads it as a table)`);
  }
  const progress = progressLine(output, process.stderr, 'percent');
  // the share of the file read, the time left and the counts so far: "[43%, about 40 s left] reading
  // log.txt: 41,000 messages, 25,000 distinct questions searched" (the first lines are the slowest:
  // each is a question not searched before)
  let share = 0;
  const name = basename(options.log);
  const reader = new LogReader(options.log, {
    format,
    ...(options.column === undefined ? {} : { column: options.column }),
    ...(options.roleColumn === undefined ? {} : { roleColumn: options.roleColumn }),
    ...(options.roles === undefined ? {} : { roles: options.roles }),
    onProgress: (done, total) => {
      share = Math.min(99, Math.floor((100 * done) / (total || 1)));
    },
  });
  const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  const onQuestion = (questions: number, searched: number): void =>
    progress(share, 100, `reading ${name}: ${count(questions, 'message', 'messages')}, ${count(searched, 'distinct question', 'distinct questions')} searched`);
  const tokenize = gapTokenizer(kb);
  // kb serve's log says what the bot did (at a threshold above 0); a threshold given here (a number,
  // not auto) judges its lines again
  const scan = await scanLog(kb, reader, threshold, { rejudge: typeof options.threshold === 'number', tokenize, onQuestion });
  progress(1, 1, '');
  const problems = reader.allProblems();
  printProblems(output, problems);
  if (reader.encoding !== undefined && !reader.encoding.startsWith('utf-8')) output.err(`kb gaps: read ${options.log} as ${reader.encoding.toUpperCase()}`);
  // which column (or key) and which rows: a chat export has the agent's and the bot's lines too
  const source = describeSource(reader.source, format);
  if (source !== undefined) output.err(`kb gaps: ${options.log}: ${source}`);
  for (const note of servedNotes(scan, options.log)) output.err(note);
  // a log that could not be read at all (missing, undecodable, a bad table or workbook) has said so
  if (problems.some((p) => p.severity === 'error' && p.code !== 'bad-row') && scan.questions === 0) return EXIT.FAILED;
  if (scan.questions === 0) {
    printProblems(output, [problem('no-input', 'has no questions', { file: options.log })]);
    return EXIT.FAILED;
  }
  const minSize = options.minSize ?? 2;
  // small talk (你好, 在吗, 谢谢, 好的, [表情]) is neither answered nor unanswered: the scan counted it apart
  // the steps after the log (15 s for the 33,000 unanswered questions of a 100,000-line log)
  const step = progressLine(output, process.stderr);
  step(0, 2, `clustering ${scan.unanswered.length.toLocaleString('en-US')} unanswered questions`);
  const clusters = clusterQuestions(scan.unanswered, tokenize, { minSimilarity: options.similarity ?? 0.5, maxExamples: 10, covered: coveredTerms(kb, tokenize), rank: options.rank ?? 'unmet' });
  const shown = clusters.filter((c) => c.size >= minSize);
  step(1, 2, `finding the entries nearest to ${shown.length.toLocaleString('en-US')} clusters`);
  addNearest(kb, shown);
  step(2, 2, '');
  const counts = gapCounts(scan);
  const small = clusters.filter((c) => c.size < minSize);
  const singles = small.reduce((n, c) => n + c.size, 0);
  const shared = smallClusterTerms(small, shown);

  if (options.json) {
    output.out(
      JSON.stringify(
        {
          log: options.log,
          index,
          threshold,
          questions: counts.questions,
          distinct: counts.distinct,
          answered: counts.answered,
          unanswered: counts.unanswered,
          smallTalk: counts.smallTalk,
          served: scan.served,
          clusters: shown,
          unclustered: singles,
          // the words two or more of those smaller clusters name, with their questions: a topic asked in each customer's own words
          unclusteredTerms: shared,
          // the messages counted as smallTalk, each once with its count: greetings, thanks, 在吗, 人工 …
          smallTalkMessages: scan.smallTalk,
        },
        null,
        2,
      ),
    );
  } else {
    const top = shown.slice(0, options.top ?? 20);
    // ranked by what the index leaves unmet (clusters[].unmet; --rank asked: by size): the share shows why
    top.forEach((c, i) => {
      output.out(`${String(i + 1).padStart(3)}. ${c.size} asked (${c.distinct} distinct), ${unmetPercent(c)}% unmet  ${output.color('bold', c.terms.join(' '))}`);
      for (const e of c.examples.slice(0, options.examples ?? 5)) output.out(`       ${e.count > 1 ? `${e.count}× ` : ''}${e.text}`);
      // with the hint to add them as similar questions when they are asked in other words (askedOtherwise)
      output.out(`       nearest: ${nearestEntryText(c, threshold) ?? 'nothing'}`);
    });
    if (shown.length > top.length) output.out(`… and ${shown.length - top.length} more clusters (--top N to see them, --json for all)`);
    output.out(summaryLine(scan, { listed: shown.length, minSize, unlisted: singles, shared }, whence));
  }
  if (options.export !== undefined) {
    const drafts = draftEntries(shown, options.log, undefined, threshold);
    try {
      await writeStoreText(options.export, draftsText(drafts));
      output.err(`kb gaps: wrote ${drafts.length} draft entr${drafts.length === 1 ? 'y' : 'ies'} (status pending, empty answers) to ${options.export}; bring them in with kb import`);
    } catch (error) {
      printProblems(output, [await writeProblem(error, options.export, 'the drafts')]);
      return EXIT.FAILED;
    }
  }
  return problems.some((p) => p.severity === 'error') ? EXIT.FAILED : EXIT.OK;
}
