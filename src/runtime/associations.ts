/**
 * The query expansions an index carries (learned associations and the lexicon), as the file
 * stores them: one line per term, sorted by term (code units), `term<TAB>related<TAB>weight…`.
 * A load keeps the text and finds where lines start; a search looks its terms up by binary search
 * and parses only their lines (parsing them all as JSON took 25–35 ms of a 10k-entry load).
 */

/** The expansions as text lines, sorted by term (what kb build writes). */
export function associationsText(list: readonly (readonly [string, readonly (readonly [string, number])[]])[]): string {
  return [...list]
    .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .map(([a, related]) => [a, ...related.flatMap(([b, s]) => [b, String(s)])].join('\t'))
    .join('\n');
}

/** How many terms without expansions the lookup remembers (see Associations.missing). */
export const MAX_MISSES = 10_000;

export class Associations {
  private readonly text: string;
  /** Where each line starts; one more entry: the text's length + 1. */
  private readonly starts: Uint32Array;
  /** The lines looked up so far (at most one per line of the file). */
  private readonly parsed = new Map<string, [string, number][]>();
  /**
   * Terms looked up and not found: a bot asks about words and English phrases no line has, without
   * end, so this is emptied when it reaches MAX_MISSES (a few hundred bytes a question otherwise).
   */
  private readonly missing = new Set<string>();

  constructor(text: string) {
    this.text = text;
    const starts: number[] = [];
    if (text.length > 0) {
      starts.push(0);
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    }
    starts.push(text.length + 1);
    this.starts = Uint32Array.from(starts);
  }

  /** How many terms have expansions. */
  get size(): number {
    return this.starts.length - 1;
  }

  /** The terms related to `term` with their query weights, strongest first; undefined when none. */
  get(term: string): [string, number][] | undefined {
    const known = this.parsed.get(term);
    if (known !== undefined) return known;
    if (this.missing.has(term)) return undefined;
    let lo = 0;
    let hi = this.size - 1;
    let found: [string, number][] | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const start = this.starts[mid]!;
      const end = this.starts[mid + 1]! - 1;
      const tab = this.text.indexOf('\t', start);
      const key = this.text.slice(start, tab < 0 || tab > end ? end : tab);
      if (key === term) {
        const fields = this.text.slice(start, end).split('\t');
        found = [];
        for (let i = 1; i + 1 < fields.length; i += 2) found.push([fields[i]!, Number(fields[i + 1])]);
        break;
      }
      if (key < term) lo = mid + 1;
      else hi = mid - 1;
    }
    if (found !== undefined) this.parsed.set(term, found);
    else {
      if (this.missing.size >= MAX_MISSES) this.missing.clear();
      this.missing.add(term);
    }
    return found;
  }
}
