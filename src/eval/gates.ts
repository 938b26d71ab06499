/** CI gates: minimum hit rates and a maximum false-answer rate. One result per gate asked for. */
import type { EvalSummary } from './summary.js';

export interface Gates {
  minHit1?: number;
  minHitK?: number;
  minMrr?: number;
  /** Needs a threshold: the share of out-of-scope cases answered. */
  maxFalseAnswer?: number;
}

/** The gates' names as flags (`--min-hit1`) and as kb.config.yaml keys (`min-hit1`), without the dashes. */
export const GATE_NAMES: Record<keyof Gates, string> = { minHit1: 'min-hit1', minHitK: 'min-hitk', minMrr: 'min-mrr', maxFalseAnswer: 'max-false-answer' };

/** Where each gate was set: a config file's name (e.g. `kb.config.yaml`) for the gates set there; absent means its flag. */
export type GateOrigins = Partial<Record<keyof Gates, string>>;

export interface GateResult {
  /** The flag of the gate, e.g. `--min-hit1`. */
  flag: string;
  /** Where the gate was set, as the message names it: the flag, or e.g. `min-hit1 in kb.config.yaml`. */
  from: string;
  metric: string;
  limit: number;
  /**
   * The gate as a stable name, without the measured value or where it was set: `hit@1 ≥ 0.400`,
   * `false-answer rate ≤ 0.100`. CI test histories (the JUnit test case) key on it.
   */
  name: string;
  /** The measured value; null when it could not be measured (then the gate fails). */
  value: number | null;
  ok: boolean;
  /** One line: what was measured against what. */
  message: string;
}

const f3 = (x: number): string => x.toFixed(3);

export function checkGates(summary: EvalSummary, gates: Gates, origins: GateOrigins = {}): GateResult[] {
  const results: GateResult[] = [];
  const o = summary.overall;
  const whence = (gate: keyof Gates): { flag: string; from: string } => {
    const file = origins[gate];
    return { flag: `--${GATE_NAMES[gate]}`, from: file === undefined ? `--${GATE_NAMES[gate]}` : `${GATE_NAMES[gate]} in ${file}` };
  };
  const atLeast = (gate: keyof Gates, metric: string, limit: number | undefined, value: number): void => {
    if (limit === undefined) return;
    const { flag, from } = whence(gate);
    const name = `${metric} ≥ ${f3(limit)}`;
    const ok = o.cases > 0 && value >= limit;
    const message = o.cases === 0 ? `${metric} cannot be measured: no in-scope cases (${from} ${limit})` : `${metric} ${f3(value)} ${ok ? '≥' : '<'} ${f3(limit)} (${from})`;
    results.push({ flag, from, metric, limit, name, value: o.cases > 0 ? value : null, ok, message });
  };
  atLeast('minHit1', 'hit@1', gates.minHit1, o.hit1);
  atLeast('minHitK', `hit@${o.k}`, gates.minHitK, o.hitK);
  atLeast('minMrr', `MRR@${o.k}`, gates.minMrr, o.mrr);
  if (gates.maxFalseAnswer !== undefined) {
    const limit = gates.maxFalseAnswer;
    const { flag, from } = whence('maxFalseAnswer');
    const metric = 'false-answer rate';
    const name = `${metric} ≤ ${f3(limit)}`;
    const chosen = summary.threshold?.chosen;
    const rate = chosen?.falseAnswerRate ?? null;
    if (chosen === undefined) {
      results.push({ flag, from, metric, limit, name, value: null, ok: false, message: `false-answer rate cannot be measured without a threshold: add --threshold X or --threshold auto (${from} ${limit})` });
    } else if (rate === null) {
      results.push({ flag, from, metric, limit, name, value: null, ok: false, message: `false-answer rate cannot be measured: the suites have no out-of-scope cases (expect: none) (${from} ${limit})` });
    } else {
      const ok = rate <= limit;
      results.push({ flag, from, metric, limit, name, value: rate, ok, message: `false-answer rate ${f3(rate)} at threshold ${chosen.threshold} ${ok ? '≤' : '>'} ${f3(limit)} (${from})` });
    }
  }
  return results;
}
