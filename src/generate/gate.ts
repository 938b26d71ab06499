/**
 * The quality gate for similar questions: a variant is kept only if it retrieves its own entry
 * first and no other entry more strongly. The check is lexical and cheap (no jieba, no index
 * file): BM25 over character bigrams (Chinese) and lower-cased words (English), on each entry's
 * questions plus a share of its answer and headings. It stands in for the matcher, which scores
 * with more (words, homophones, associations); see docs/generate.md for what it costs and drops.
 */

export interface GateEntry {
  /** The entry's questions already accepted (its question and generated questions). */
  questions: readonly string[];
  /** Answer text and heading path. */
  context: string;
}

const ANSWER_SHARE = 0.3;
const K1 = 1.2;
const B = 0.5;

/** Character bigrams of Han runs (a lone character stands for itself) and lower-cased words. */
export function gateTokens(text: string): string[] {
  const out: string[] = [];
  const norm = text.normalize('NFKC').toLowerCase();
  for (const run of norm.match(/\p{Script=Han}+/gu) ?? []) {
    if (run.length === 1) out.push(run);
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  for (const word of norm.match(/[a-z0-9]+/gu) ?? []) {
    if (word.length < 2 && !/\d/u.test(word)) continue;
    out.push(word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);
  }
  return out;
}

interface Field {
  /** token → documents and term frequencies, interleaved: [d0, tf0, d1, tf1, …] */
  postings: Map<string, number[]>;
  lengths: Float64Array;
  avg: number;
}

function field(docs: readonly string[][]): Field {
  const postings = new Map<string, number[]>();
  const lengths = new Float64Array(docs.length);
  let total = 0;
  docs.forEach((tokens, d) => {
    lengths[d] = tokens.length;
    total += tokens.length;
    const tf = new Map<string, number>();
    for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let list = postings.get(t);
      if (list === undefined) postings.set(t, (list = []));
      list.push(d, n);
    }
  });
  return { postings, lengths, avg: Math.max(1, total / Math.max(1, docs.length)) };
}

export class LexicalGate {
  private readonly questions: Field;
  private readonly context: Field;
  private readonly n: number;
  private readonly scores: Float64Array;

  constructor(entries: readonly GateEntry[]) {
    this.n = entries.length;
    this.questions = field(entries.map((e) => e.questions.flatMap(gateTokens)));
    this.context = field(entries.map((e) => gateTokens(e.context)));
    this.scores = new Float64Array(this.n);
  }

  private add(f: Field, tokens: ReadonlySet<string>, weight: number, touched: number[]): void {
    for (const t of tokens) {
      const list = f.postings.get(t);
      // words in most entries (the, 的) weigh next to nothing and cost the most: skipped
      const df = list === undefined ? 0 : list.length / 2;
      if (list === undefined || (this.n >= 20 && df * 4 > this.n)) continue;
      const idf = Math.log(1 + (this.n - df + 0.5) / (df + 0.5)) * weight;
      for (let i = 0; i < list.length; i += 2) {
        const d = list[i] ?? 0;
        const tf = list[i + 1] ?? 0;
        if (this.scores[d] === 0) touched.push(d);
        this.scores[d] = (this.scores[d] ?? 0) + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * (f.lengths[d] ?? 0)) / f.avg));
      }
    }
  }

  /** Does `question` retrieve entry `own` first, with no other entry scoring higher? */
  passes(question: string, own: number): boolean {
    const tokens = new Set(gateTokens(question));
    if (tokens.size === 0) return false;
    const touched: number[] = [];
    this.add(this.questions, tokens, 1, touched);
    this.add(this.context, tokens, ANSWER_SHARE, touched);
    const mine = this.scores[own] ?? 0;
    let ok = mine > 0;
    for (const d of touched) {
      if (d !== own && (this.scores[d] ?? 0) > mine) ok = false;
      this.scores[d] = 0;
    }
    return ok;
  }
}
