/**
 * What `kb serve` has done since it started, in the Prometheus text format (`GET /metrics`): how
 * many questions were answered and handed off, how confident the top hits were, how long search
 * took, which requests failed, and the index in service. A team watches the hand-off rate and the
 * confidence of real traffic drift after a KB change, next to the bot's own metrics, without
 * reading the question log. Counters only grow while the process runs (Prometheus's `rate()`
 * handles a restart).
 */

/** Upper bounds of the search-time histogram, in seconds (search takes a fraction of a millisecond). */
const SECONDS_BUCKETS = [0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1] as const;
/** Upper bounds of the top-confidence histogram. */
const CONFIDENCE_BUCKETS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] as const;

/** What one question came to: a hit at or above the threshold, none, or no question at all. */
export type Outcome = 'answered' | 'handed_off' | 'small_talk' | 'empty';

class Histogram {
  readonly counts: number[];
  sum = 0;
  count = 0;

  constructor(readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0);
  }

  observe(value: number): void {
    // cumulative buckets are summed when written; here each value counts in its own bucket
    const i = this.bounds.findIndex((b) => value <= b);
    if (i >= 0) this.counts[i]!++;
    this.sum += value;
    this.count++;
  }

  lines(name: string): string[] {
    let running = 0;
    const out = this.bounds.map((b, i) => {
      running += this.counts[i]!;
      return `${name}_bucket{le="${b}"} ${running}`;
    });
    out.push(`${name}_bucket{le="+Inf"} ${this.count}`, `${name}_sum ${round(this.sum)}`, `${name}_count ${this.count}`);
    return out;
  }
}

const round = (n: number): number => Math.round(n * 1e9) / 1e9;

/** The index in service, as the metrics show it. */
export interface ServedIndex {
  entries: number;
  /** When it was loaded (ISO time). */
  loadedAt: string;
  /** Why the file on disk is not it, when it is not (a rebuild that does not load, a file gone). */
  degraded: boolean;
}

export class ServeMetrics {
  private readonly outcomes: Record<Outcome, number> = { answered: 0, handed_off: 0, small_talk: 0, empty: 0 };
  private readonly seconds = new Histogram(SECONDS_BUCKETS);
  private readonly confidence = new Histogram(CONFIDENCE_BUCKETS);
  private readonly failed = new Map<number, number>();
  private readonly reloads = { ok: 0, failed: 0 };

  /** One question searched: its outcome, the top hit's confidence (threshold or not; none: not counted) and the search time in ms. */
  question(outcome: Outcome, topConfidence: number | undefined, ms: number): void {
    this.outcomes[outcome]++;
    if (outcome === 'empty') return;
    this.seconds.observe(ms / 1000);
    this.confidence.observe(topConfidence ?? 0);
  }

  /** A request answered with an error status (4xx, 5xx). */
  failure(status: number): void {
    this.failed.set(status, (this.failed.get(status) ?? 0) + 1);
  }

  reload(ok: boolean): void {
    this.reloads[ok ? 'ok' : 'failed']++;
  }

  /** The text of `GET /metrics` (Prometheus exposition format 0.0.4); `draining` while the server drains or stops. */
  text(index: ServedIndex, draining = false): string {
    const lines: string[] = [];
    const metric = (name: string, type: 'counter' | 'gauge' | 'histogram', help: string, values: string[]): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, ...values);
    };
    metric('kb_questions_total', 'counter', 'Questions asked on /search, by outcome: answered (a hit at or above the threshold), handed_off (none), small_talk (none: the message asks nothing, 你好, 好的谢谢), empty (no question).', (Object.keys(this.outcomes) as Outcome[]).map((o) => `kb_questions_total{outcome="${o}"} ${this.outcomes[o]}`));
    metric('kb_top_confidence', 'histogram', 'Confidence of the top hit of each question asked (0 when nothing matched), threshold or not.', this.confidence.lines('kb_top_confidence'));
    metric('kb_search_duration_seconds', 'histogram', 'Time search took for one question, without HTTP.', this.seconds.lines('kb_search_duration_seconds'));
    const statuses = [...this.failed.keys()].sort((a, b) => a - b);
    metric('kb_requests_failed_total', 'counter', 'Requests answered with an error, by HTTP status.', statuses.map((s) => `kb_requests_failed_total{status="${s}"} ${this.failed.get(s)}`));
    metric('kb_index_entries', 'gauge', 'Entries of the index in service.', [`kb_index_entries ${index.entries}`]);
    metric('kb_index_loaded_timestamp_seconds', 'gauge', 'When the index in service was loaded (Unix time).', [`kb_index_loaded_timestamp_seconds ${Date.parse(index.loadedAt) / 1000}`]);
    metric('kb_index_degraded', 'gauge', '1 while the index file on disk is not the one in service (a rebuild that does not load, a file gone); see GET /health.', [`kb_index_degraded ${index.degraded ? 1 : 0}`]);
    metric('kb_index_reloads_total', 'counter', 'Reloads of the index file since the start, by result.', [`kb_index_reloads_total{result="ok"} ${this.reloads.ok}`, `kb_index_reloads_total{result="failed"} ${this.reloads.failed}`]);
    metric('kb_draining', 'gauge', '1 while the server drains before it stops (GET /health answers 503, searches are still answered), else 0.', [`kb_draining ${draining ? 1 : 0}`]);
    return `${lines.join('\n')}\n`;
  }
}
