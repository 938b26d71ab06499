/**
 * Extraction of the Q&A a document already contains: FAQ pages whose headings are questions
 * (ingestion makes them sections), `Q:`/`A:` and `问：`/`答：` pairs, numbered questions and
 * question lines followed by their answers, two-column question/answer tables, and troubleshooting
 * tables (故障现象 | 可能原因 | 解决方法), error-code tables (代码 | 含义 | 处理方法) and specification tables
 * (额定功率 | 45W).
 */
import type { Block } from '../ingest/document.js';
import { looksLikeQuestion, lowerFirst, stripNumbering } from './text.js';

export interface ExtractedPair {
  question: string;
  answer: string;
  /** A row of a specification table (额定功率 | 45W): asked as the table has it, with no product named. */
  spec?: true;
}

const Q_MARK = /^(?:Q|问|问题|Question)\s*\d*\s*[:：.、]\s*(.+)$/iu;
const A_MARK = /^(?:A|答|回答|答案|Answer)\s*\d*\s*[:：.、]\s*(.*)$/iu;

/** A heading that is itself a question (`寄回的运费由谁出？`, `Q3. How do I return?`), as the question. */
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

/** A symptom that opens with its verb, no subject: Cannot pair with my phone, Won't turn on, Keeps disconnecting. */
const EN_NO_SUBJECT = /^(?:cannot|can't|can’t|won't|won’t|will\s+not|doesn't|doesn’t|does\s+not|don't|don’t|do\s+not|isn't|isn’t|is\s+not|not|no\s+longer|keeps|stops|fails|turns|shuts|drains)\b/iu;
/** Words a symptom's subject may open with: One earbud, The unit, My phone, Both sides. */
const EN_DETERMINER = /^(?:a|an|the|one|two|both|either|neither|each|every|all|some|no|my|your|this|these|that|those|it|i|they|there)\b/iu;

/**
 * An English symptom as the clause of "What should I do if …?": without a label before a colon
 * (Microphone: caller can't hear me), with a subject (Cannot pair with my phone → I cannot pair with my
 * phone, Won't turn on → it won't turn on) and a determiner (Earbuds won't charge → my earbuds won't
 * charge, Sound cuts out → the sound cuts out).
 */
export function symptomClause(label: string): string {
  const said = /^[^:]{2,30}:\s*(.{6,})$/u.exec(label)?.[1] ?? label;
  const clause = lowerFirst(said).replace(/\byour\b/giu, 'my');
  if (EN_NO_SUBJECT.test(clause)) return `${/\b(?:my|me)\b/iu.test(clause) ? 'I' : 'it'} ${clause}`;
  const first = /^\S+/u.exec(clause)?.[0] ?? '';
  if (EN_DETERMINER.test(first) || /^\p{Lu}\p{Ll}/u.test(first)) return clause;
  return `${/^\p{Ll}+[^s]s$/u.test(first) ? 'my' : 'the'} ${clause}`;
}

/** A cell as an answer line under its header: 可能原因：电源未接通, Cause: no power. */
function labelled(name: string, value: string): string {
  return `${name}${/\p{Script=Han}/u.test(name) ? '：' : ': '}${value}`;
}

/** A header row's names, without a trailing colon. */
const headerNames = (header: readonly string[]): string[] => header.map((h) => h.trim().replace(/[：:]$/u, ''));

/** A row's cells other than column `key`, each under its header (the empty ones left out). */
function otherCells(names: readonly string[], row: readonly string[], key: number): string[] {
  return names.flatMap((name, i) => (i === key || (row[i] ?? '').trim() === '' ? [] : [labelled(name, (row[i] ?? '').trim())]));
}

/**
 * A troubleshooting table: each symptom is a question (无法开机 → 无法开机怎么办？; The unit does not
 * turn on → What should I do if the unit does not turn on?) whose answer is its row's other cells
 * under their headers (可能原因：电源未接通 / 解决方法：检查电源线). A symptom with several causes —
 * its cell merged down over their rows, left empty below it, or repeated — is one question whose
 * answer lists every cause with its solution.
 */
function troubleshootingPairs(header: readonly string[], rows: readonly (readonly string[])[]): ExtractedPair[] {
  const names = headerNames(header);
  const problem = names.findIndex((h) => PROBLEM_HEADER.test(h));
  if (problem < 0 || !names.some((h) => SOLUTION_HEADER.test(h))) return [];
  const groups: { label: string; causes: string[] }[] = [];
  for (const row of rows) {
    const label = (row[problem] ?? '').trim().replace(/[。.；;]+$/u, '');
    const cells = otherCells(names, row, problem);
    const last = groups[groups.length - 1];
    if (last !== undefined && (label === '' || label === last.label)) {
      if (cells.length > 0) last.causes.push(cells.join('\n'));
      continue;
    }
    if (label.length < 2) continue;
    groups.push({ label, causes: cells.length > 0 ? [cells.join('\n')] : [] });
  }
  const out: ExtractedPair[] = [];
  for (const { label, causes } of groups) {
    if (causes.length === 0) continue;
    const zh = /\p{Script=Han}/u.test(label);
    const answer = causes.length === 1 ? (causes[0] as string) : causes.map((c, i) => `${i + 1}. ${c.split('\n').join(zh ? '；' : '; ')}`).join('\n');
    // a display code as the symptom (显示E1): what it means, as an error-code table asks
    const code = /^(?:显示|屏幕显示|显示屏显示)\s*([A-Za-z]{1,2}-?\d{1,3})$/u.exec(label)?.[1];
    const question = looksLikeQuestion(label) ? label : code !== undefined ? `显示${code.toUpperCase()}是什么意思？` : zh ? `${label}怎么办？` : EN_CLAUSE.test(label) || label.split(/\s+/u).length >= 3 ? `What should I do if ${symptomClause(label)}?` : `What should I do about ${lowerFirst(label)}?`;
    out.push({ question, answer });
  }
  return out;
}

/** The code column of a manual's error-code table: 代码 | 含义 | 处理方法, Code | Meaning | Solution. */
const CODE_HEADER = /^(?:代码|故障代码|错误代码|显示代码|报警代码|故障码|错误码|显示|显示内容|显示屏显示|code|codes|error code|error|display)$/iu;
/** A code as a display shows it: E1, F3, E-02, H10, LE. */
const CODE = /^[A-Za-z]{1,2}[-]?\d{0,3}$/u;

/**
 * An error-code table: each code is a question (显示E2是什么意思？, What does E2 mean?) whose answer is its
 * row's other cells under their headers (含义：风机故障 / 处理方法：…).
 */
function errorCodePairs(header: readonly string[], rows: readonly (readonly string[])[]): ExtractedPair[] {
  const names = headerNames(header);
  const column = names.findIndex((h) => CODE_HEADER.test(h));
  if (column < 0 || names.length < 2) return [];
  const coded = rows.filter((r) => CODE.test((r[column] ?? '').trim()) && /\d/u.test(r[column] ?? ''));
  if (coded.length < Math.max(2, Math.ceil(rows.length / 2))) return [];
  const zh = names.some((n) => /\p{Script=Han}/u.test(n));
  return coded.flatMap((row) => {
    const code = (row[column] ?? '').trim().toUpperCase();
    const answer = otherCells(names, row, column).join('\n');
    return answer === '' ? [] : [{ question: zh ? `显示${code}是什么意思？` : `What does ${code} mean?`, answer }];
  });
}

/** A heading over a product's specification table: 规格参数, 技术参数, 产品参数, Specifications. */
export const SPEC_HEADING = /(?:规格|参数|技术数据|specifications?|technical data|specs)/iu;
/** A header row of a specification table (项目 | 参数), read as a header and not as a row. */
const SPEC_HEADER = /^(?:项目|名称|参数|参数名称|规格|数值|参数值|内容|item|parameter|value|specification)$/iu;

/**
 * A specification table (额定功率 | 45W) under a heading that says so: each row is a question
 * (额定功率是多少？, What is the rated power?) with its value as the answer (额定功率：45W).
 */
function specificationPairs(rows: readonly (readonly string[])[], heading: string | undefined): ExtractedPair[] {
  if (rows.some((r) => r.length !== 2)) return [];
  const isHeader = (r: readonly string[]): boolean => SPEC_HEADER.test((r[0] ?? '').trim()) && SPEC_HEADER.test((r[1] ?? '').trim());
  // a table headed 参数 | 数值 (Item | Value) says what it is, under any heading (a product's own:
  // 小净X1扫地机器人 over its table asked 重量的数值是什么？ before), and two rows make one
  const headed = rows[0] !== undefined && isHeader(rows[0]);
  if (!headed && (heading === undefined || !SPEC_HEADING.test(heading))) return [];
  const body = rows.filter((r) => !isHeader(r));
  const pairs = body.flatMap((r) => {
    const label = (r[0] ?? '').trim().replace(/[：:]$/u, '');
    const value = (r[1] ?? '').trim();
    if (label.length < 2 || label.length > 24 || value === '' || value.length > 80 || looksLikeQuestion(label)) return [];
    const zh = /\p{Script=Han}/u.test(label);
    return [{ question: zh ? `${label}是多少？` : `What is the ${lowerFirst(label)}?`, answer: labelled(label, value), spec: true as const }];
  });
  return pairs.length >= (headed ? 2 : 3) && pairs.length >= body.length - 1 ? pairs : [];
}

/** A label a manual's troubleshooting line gives its parts: 故障现象：…可能原因：…解决方法：… */
const LINE_LABEL = /(?<![\p{L}])(故障现象|故障描述|异常现象|现象|问题描述|可能原因|故障原因|原因|解决方法|解决办法|处理方法|排除方法|处理办法|problem|symptom|possible cause|cause|solution|remedy)\s*[：:]/giu;

/** A table's rows written as lines, and the lines they came from. */
export interface LineTable {
  rows: string[][];
  lines: string[];
}

/**
 * Troubleshooting written as labelled lines instead of a table (故障现象：冒白烟。可能原因：…。解决方法：…,
 * one symptom per line or its parts on lines of their own): the table those lines stand for, the
 * header row first (故障现象 | 可能原因 | 解决方法). Undefined when the text has no such lines.
 */
export function troubleshootingLines(text: string): LineTable | undefined {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const header: string[] = [];
  const rows: Map<string, string>[] = [];
  const used: string[] = [];
  for (const line of lines) {
    const labels = [...line.matchAll(LINE_LABEL)];
    // the line opens with a label: a part of the troubleshooting (prose mentioning 原因： is not)
    if (labels.length === 0 || labels[0]?.index !== 0) continue;
    used.push(line);
    labels.forEach((m, i) => {
      const name = (m[1] ?? '').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
      const value = line.slice((m.index ?? 0) + m[0].length, labels[i + 1]?.index ?? line.length).trim().replace(/[。.；;，,]+$/u, '');
      if (PROBLEM_HEADER.test(name) || rows.length === 0) rows.push(new Map());
      if (!header.includes(name)) header.push(name);
      rows[rows.length - 1]?.set(name, value);
    });
  }
  if (!header.some((h) => PROBLEM_HEADER.test(h)) || !header.some((h) => SOLUTION_HEADER.test(h))) return undefined;
  return { rows: [header, ...rows.map((r) => header.map((h) => r.get(h) ?? ''))], lines: used };
}

/** `额定功率：1400W`: a line of a specification written as name and value. */
const SPEC_LINE = /^([^：:，。；,;]{2,24})[：:]\s*(\S.{0,79})$/u;

/**
 * A specification written as `name：value` lines under a heading that names it (规格参数:
 * 额定功率：1400W): its two-column table. Undefined when the heading names no specification or the
 * lines are not nearly all such lines.
 */
export function specificationLines(text: string, heading: string | undefined): LineTable | undefined {
  if (heading === undefined || !SPEC_HEADING.test(heading)) return undefined;
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const used = lines.filter((l) => SPEC_LINE.test(l));
  if (used.length < 3 || used.length < lines.length - 1) return undefined;
  return { rows: used.map((l) => { const m = SPEC_LINE.exec(l); return [m?.[1] ?? '', m?.[2] ?? '']; }), lines: used };
}

/**
 * The pairs of a table written as lines (troubleshooting lines, specification lines: see above),
 * with the lines they came from; undefined when the text holds none.
 */
export function pairsInLines(text: string, heading?: string): { pairs: ExtractedPair[]; lines: string[] } | undefined {
  const trouble = troubleshootingLines(text);
  if (trouble !== undefined) {
    const [header, ...rows] = trouble.rows;
    const pairs = header === undefined ? [] : troubleshootingPairs(header, rows);
    if (pairs.length > 0) return { pairs, lines: trouble.lines };
  }
  const specs = specificationLines(text, heading);
  if (specs !== undefined) {
    const pairs = specificationPairs(specs.rows, heading);
    if (pairs.length > 0) return { pairs, lines: specs.lines };
  }
  return undefined;
}

/**
 * A two-column table whose header row is question/answer (or whose first column holds
 * questions), a troubleshooting table (problem | cause | solution) or an error-code table (code |
 * meaning | solution) of any width, or a specification table (name | value) under a heading that
 * names it (`heading`: the section's last heading).
 */
export function pairsInTable(block: Extract<Block, { kind: 'table' }>, heading?: string): ExtractedPair[] {
  const [header, ...rows] = block.rows;
  if (header === undefined) return [];
  const troubleshooting = troubleshootingPairs(header, rows);
  if (troubleshooting.length > 0) return troubleshooting;
  const codes = errorCodePairs(header, rows);
  if (codes.length > 0) return codes;
  const specs = specificationPairs(block.rows, heading);
  if (specs.length > 0) return specs;
  if (header.length !== 2) return [];
  const headed = Q_HEADER.test((header[0] ?? '').trim()) && A_HEADER.test((header[1] ?? '').trim());
  const body = headed ? rows : block.rows;
  const pairs = body.filter((r) => (r[0] ?? '').trim().length > 1 && (r[1] ?? '').trim().length > 0).map((r) => ({ question: (r[0] ?? '').trim(), answer: (r[1] ?? '').trim() }));
  if (headed) return pairs;
  return pairs.length >= 2 && pairs.every((p) => looksLikeQuestion(p.question)) ? pairs : [];
}
