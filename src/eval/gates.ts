/** CI gates: minimum hit rates and a maximum false-answer rate. One result per gate asked for. */
import type { EvalSummary } from './summary.js';

export interface Gates {
  minHit1?: number;
  minHitK?: number;
  minMrr?: number;
  /** Needs a threshold: the share of out-of-scope cases answered. */
  maxFalseAnswer?: number;
}

export interface GateResult {
  /** The flag that set the gate, e.g. `--min-hit1`. */
  flag: string;
  metric: string;
  limit: number;
  /** The measured value; null when it could not be measured (then the gate fails). */
  value: number | null;
  ok: boolean;
  /** One line: what was measured against what. */
  message: string;
}

const f3 = (x: number): string => x.toFixed(3);

export function checkGates(summary: EvalSummary, gates: Gates): GateResult[] {
  const results: GateResult[] = [];
  const o = summary.overall;
  const atLeast = (flag: string, metric: string, limit: number | undefined, value: number): void => {
    if (limit === undefined) return;
    const ok = o.cases > 0 && value >= limit;
    const message = o.cases === 0 ? `${metric} cannot be measured: no in-scope cases (${flag} ${limit})` : `${metric} ${f3(value)} ${ok ? '≥' : '<'} ${f3(limit)} (${flag})`;
    results.push({ flag, metric, limit, value: o.cases > 0 ? value : null, ok, message });
  };
  atLeast('--min-hit1', 'hit@1', gates.minHit1, o.hit1);
  atLeast('--min-hitk', `hit@${o.k}`, gates.minHitK, o.hitK);
  atLeast('--min-mrr', `MRR@${o.k}`, gates.minMrr, o.mrr);
  if (gates.maxFalseAnswer !== undefined) {
    const limit = gates.maxFalseAnswer;
    const flag = '--max-false-answer';
    const chosen = summary.threshold?.chosen;
    const rate = chosen?.falseAnswerRate ?? null;
    if (chosen === undefined) {
      results.push({ flag, metric: 'false-answer rate', limit, value: null, ok: false, message: `false-answer rate cannot be measured without a threshold: add --threshold X or --threshold auto (${flag} ${limit})` });
    } else if (rate === null) {
      results.push({ flag, metric: 'false-answer rate', limit, value: null, ok: false, message: `false-answer rate cannot be measured: the suites have no out-of-scope cases (expect: none) (${flag} ${limit})` });
    } else {
      const ok = rate <= limit;
      results.push({ flag, metric: 'false-answer rate', limit, value: rate, ok, message: `false-answer rate ${f3(rate)} at threshold ${chosen.threshold} ${ok ? '≤' : '>'} ${f3(limit)} (${flag})` });
    }
  }
  return results;
}
