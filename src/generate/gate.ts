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

/**
 * Words an English question has whatever it asks about: question words, pronouns, auxiliaries, the
 * templates' verbs (need to know, tell me about) and a few verbs every task has.
 */
const EN_QUESTION_WORDS = new Set(
  'a an the i me my mine we us our you your it its they them their this that these those there here is are was were be been am do does did can could should would may might must will shall how what when where who whom which why to of for in on at by with from about and or if not any anything something need know tell explain information way possible able get have has had'.split(' '),
);

/**
 * An English question whose words, but for question words and pronouns, are one word (Can I return
 * it?, Explain the tiers, shrink): every entry about that word asks it too, so it tells none of them
 * apart; a Chinese question is never vague here.
 */
export function vagueEnglish(question: string): boolean {
  if (/\p{Script=Han}/u.test(question)) return false;
  const words = question
    .normalize('NFKC')
    .toLowerCase()
    .replace(/['’]s\b/gu, '')
    .match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu);
  if (words === null) return false;
  return words.filter((w) => !EN_QUESTION_WORDS.has(w)).length < 2;
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

/** One query term in one field: its postings and weighted idf. */
interface Term {
  field: Field;
  list: number[];
  idf: number;
  /** More than any one entry can score on it: BM25's tf part stays below K1 + 1. */
  bound: number;
}

/** Relative slack for floating-point sums when a bound decides that an entry cannot win. */
const SLACK = 1e-9;

export class LexicalGate {
  private readonly questions: Field;
  private readonly context: Field;
  private readonly n: number;
  private readonly scores: Float64Array;
  /** Postings read by `passes` so far (the work it did; tests check that pruning keeps it small). */
  postingsRead = 0;

  constructor(entries: readonly GateEntry[]) {
    this.n = entries.length;
    this.questions = field(entries.map((e) => e.questions.flatMap(gateTokens)));
    this.context = field(entries.map((e) => gateTokens(e.context)));
    this.scores = new Float64Array(this.n);
  }

  private terms(f: Field, tokens: ReadonlySet<string>, weight: number, out: Term[]): void {
    for (const t of tokens) {
      const list = f.postings.get(t);
      // words in most entries (the, 的) weigh next to nothing and cost the most: skipped
      const df = list === undefined ? 0 : list.length / 2;
      if (list === undefined || (this.n >= 20 && df * 4 > this.n)) continue;
      const idf = Math.log(1 + (this.n - df + 0.5) / (df + 0.5)) * weight;
      out.push({ field: f, list, idf, bound: idf * (K1 + 1) });
    }
  }

  private contribution(term: Term, i: number): number {
    const d = term.list[i] ?? 0;
    const tf = term.list[i + 1] ?? 0;
    return (term.idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * (term.field.lengths[d] ?? 0)) / term.field.avg));
  }

  /** Entry `d`'s contribution from one term (0 when the term is not in it); postings are sorted by entry. */
  private lookup(term: Term, d: number): number {
    let lo = 0;
    let hi = term.list.length / 2 - 1;
    this.postingsRead += 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = term.list[mid * 2] ?? 0;
      if (at === d) return this.contribution(term, mid * 2);
      if (at < d) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** Entry `d`'s score, summed in the terms' order, as reading every posting would. */
  private score(terms: readonly Term[], d: number): number {
    let sum = 0;
    for (const term of terms) sum += this.lookup(term, d);
    return sum;
  }

  /**
   * Entry `d`'s score, from its score on the rarer terms plus the common terms `byBound[0..k)`
   * (bounds summing to `rest`), looked up rarest first; -Infinity as soon as the bounds left say it
   * cannot reach `limit`.
   */
  private bounded(d: number, byBound: readonly Term[], k: number, rest: number, limit: number): number {
    let sum = this.scores[d] ?? 0;
    let left = rest;
    for (let j = k - 1; j >= 0; j--) {
      if (sum + left < limit) return -Infinity;
      const term = byBound[j];
      if (term === undefined) continue;
      left -= term.bound;
      sum += this.lookup(term, d);
    }
    return sum;
  }

  /**
   * Does `question` retrieve entry `own` first, with no other entry scoring higher?
   * Exact BM25 with MaxScore pruning: the terms whose bounds together stay below the own entry's
   * score cannot lift an entry that has none of the other terms above it, so only the postings of
   * the rarer terms are read (common bigrams such as 退货 are in thousands of entries of a large
   * FAQ export; reading them for every candidate made kb generate quadratic in the store's size).
   */
  passes(question: string, own: number): boolean {
    const tokens = new Set(gateTokens(question));
    if (tokens.size === 0 || vagueEnglish(question)) return false;
    const terms: Term[] = [];
    this.terms(this.questions, tokens, 1, terms);
    this.terms(this.context, tokens, ANSWER_SHARE, terms);
    const mine = this.score(terms, own);
    if (!(mine > 0)) return false;
    const limit = mine * (1 - SLACK);
    const byBound = [...terms].sort((a, b) => a.bound - b.bound);
    let rest = 0;
    let k = 0;
    for (; k < byBound.length; k++) {
      const bound = byBound[k]?.bound ?? 0;
      if (rest + bound >= limit) break;
      rest += bound;
    }
    const touched: number[] = [];
    for (const term of byBound.slice(k)) {
      this.postingsRead += term.list.length / 2;
      for (let i = 0; i < term.list.length; i += 2) {
        const d = term.list[i] ?? 0;
        if (d === own) continue;
        if (this.scores[d] === 0) touched.push(d);
        this.scores[d] = (this.scores[d] ?? 0) + this.contribution(term, i);
      }
    }
    let ok = true;
    for (const d of touched) {
      if (ok) {
        const score = this.bounded(d, byBound, k, rest, limit);
        // summed in another order: a near tie is decided by the score summed as the terms come
        if (score > mine * (1 + SLACK) || (score >= limit && this.score(terms, d) > mine)) ok = false;
      }
      this.scores[d] = 0;
    }
    return ok;
  }
}
