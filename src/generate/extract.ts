/**
 * Extraction of the Q&A a document already contains: FAQ pages whose headings are questions
 * (ingestion makes them sections), `Q:`/`A:` and `问：`/`答：` pairs, numbered questions and
 * question lines followed by their answers, two-column question/answer tables, and troubleshooting
 * tables (故障现象 | 可能原因 | 解决方法).
 */
import type { Block } from '../ingest/document.js';
import { looksLikeQuestion, lowerFirst, stripNumbering } from './text.js';

export interface ExtractedPair {
  question: string;
  answer: string;
}

const Q_MARK = /^(?:Q|问|问题|Question)\s*\d*\s*[:：.、]\s*(.+)$/iu;
const A_MARK = /^(?:A|答|回答|答案|Answer)\s*\d*\s*[:：.、]\s*(.*)$/iu;

/** A heading that is itself a question (`退货的运费该谁来承担？`, `Q3. How do I return?`), as the question. */
export function questionHeading(heading: string | undefined): string | undefined {
  if (heading === undefined) return undefined;
  const marked = Q_MARK.exec(heading.trim());
  const q = stripNumbering(marked?.[1] ?? heading);
  return q.length >= 2 && (looksLikeQuestion(q) || marked !== null) ? q : undefined;
}

/**
 * Pairs in a section's text: explicit `Q:`/`A:` (`问：`/`答：`) markers, or a text that opens with a
 * question line and alternates question lines with answers. Undefined when the text is not a
 * list of Q&A (then it is an ordinary section and its question lines feed generation).
 */
export function pairsInText(text: string): ExtractedPair[] | undefined {
  // ingestion may join `Q: … A: …` lines into one paragraph: put each marker back on its own line
  // (Chinese text has no space before the marker: 可以开发票吗？A：可以)
  const markers = /(?:^|\s|(?<=[？?。！!]))(?:Q|问)\s*\d*\s*[:：]/u.test(text) && /(?:^|\s|(?<=[？?。！!]))(?:A|答)\s*\d*\s*[:：]/u.test(text);
  const split = markers ? text.replace(/(?:\s+|(?<=[？?。！!]))(?=(?:Q|A|问|答)\s*\d*\s*[:：])/gu, '\n') : text;
  const lines = split.split('\n').map((l) => l.trim()).filter(Boolean);
  const pairs: ExtractedPair[] = [];
  const marked = lines.some((l) => Q_MARK.test(l)) && lines.some((l) => A_MARK.test(l));
  let current: { question: string; answer: string[] } | undefined;
  const flush = (): void => {
    if (current !== undefined && current.answer.length > 0) pairs.push({ question: current.question, answer: current.answer.join('\n') });
    current = undefined;
  };
  for (const line of lines) {
    const q = marked ? Q_MARK.exec(line)?.[1] : line.length <= 120 && looksLikeQuestion(line) ? stripNumbering(line) : undefined;
    if (q !== undefined) {
      flush();
      current = { question: q.trim(), answer: [] };
      continue;
    }
    if (current === undefined) {
      if (!marked) return undefined; // prose before the first question: not a FAQ text
      continue;
    }
    const a = marked ? A_MARK.exec(line) : null;
    current.answer.push(a !== null ? (a[1] ?? '') : line);
  }
  flush();
  const useful = pairs.filter((p) => p.answer.trim().length > 0);
  return useful.length >= (marked ? 1 : 2) ? useful : undefined;
}

const Q_HEADER = /^(?:问题|标准问题|常见问题|问|q|question|questions?|faq)$/iu;
const A_HEADER = /^(?:答案|回答|答复|答|解答|a|answer|answers?|reply)$/iu;

/** Troubleshooting tables of product manuals: 故障现象 | 可能原因 | 解决方法, Problem | Cause | Solution. */
const PROBLEM_HEADER = /^(?:故障现象|故障|现象|症状|问题描述|常见故障|故障描述|异常现象|problem|problems|symptom|symptoms|issue|issues|trouble)$/iu;
const SOLUTION_HEADER = /^(?:解决方法|解决办法|解决方案|处理方法|处理办法|处理方式|排除方法|排除办法|措施|处理措施|应对方法|solution|solutions|remedy|remedies|fix|what to do|action|corrective action)$/iu;
/** An English problem stated as a clause (The unit does not turn on, Water tastes of plastic), not as a noun (No power, Limescale). */
const EN_CLAUSE = /\b(?:is|are|was|does|do|did|won't|can't|cannot|doesn't|don't|isn't|aren't|not|will|has|have|keeps?|stops?)\b/iu;

/**
 * A troubleshooting table: each row is a question (无法开机 → 无法开机怎么办？; The unit does not
 * turn on → What should I do if the unit does not turn on?) whose answer is the row's other
 * cells under their headers (可能原因：电源未接通 / 解决方法：检查电源线).
 */
function troubleshootingPairs(header: readonly string[], rows: readonly (readonly string[])[]): ExtractedPair[] {
  const names = header.map((h) => h.trim().replace(/[：:]$/u, ''));
  const problem = names.findIndex((h) => PROBLEM_HEADER.test(h));
  if (problem < 0 || !names.some((h) => SOLUTION_HEADER.test(h))) return [];
  const out: ExtractedPair[] = [];
  for (const row of rows) {
    const label = (row[problem] ?? '').trim().replace(/[。.；;]+$/u, '');
    if (label.length < 2) continue;
    const answer = names.flatMap((name, i) => (i === problem || (row[i] ?? '').trim() === '' ? [] : [`${name}${/\p{Script=Han}/u.test(name) ? '：' : ': '}${(row[i] ?? '').trim()}`])).join('\n');
    if (answer === '') continue;
    const zh = /\p{Script=Han}/u.test(label);
    const question = looksLikeQuestion(label) ? label : zh ? `${label}怎么办？` : EN_CLAUSE.test(label) || label.split(/\s+/u).length >= 3 ? `What should I do if ${lowerFirst(label)}?` : `What should I do about ${lowerFirst(label)}?`;
    out.push({ question, answer });
  }
  return out;
}

/**
 * A two-column table whose header row is question/answer (or whose first column holds
 * questions), or a troubleshooting table (problem | cause | solution) of any width.
 */
export function pairsInTable(block: Extract<Block, { kind: 'table' }>): ExtractedPair[] {
  const [header, ...rows] = block.rows;
  if (header === undefined) return [];
  const troubleshooting = troubleshootingPairs(header, rows);
  if (troubleshooting.length > 0) return troubleshooting;
  if (header.length !== 2) return [];
  const headed = Q_HEADER.test((header[0] ?? '').trim()) && A_HEADER.test((header[1] ?? '').trim());
  const body = headed ? rows : block.rows;
  const pairs = body.filter((r) => (r[0] ?? '').trim().length > 1 && (r[1] ?? '').trim().length > 0).map((r) => ({ question: (r[0] ?? '').trim(), answer: (r[1] ?? '').trim() }));
  if (headed) return pairs;
  return pairs.length >= 2 && pairs.every((p) => looksLikeQuestion(p.question)) ? pairs : [];
}
