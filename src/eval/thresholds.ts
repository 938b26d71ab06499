/**
 * Confidence thresholds: a bot answers when the top hit's confidence is at least the threshold,
 * and hands off to a person otherwise. A decision is correct when
 *
 *   - it answered and the top hit is right (an in-scope case ranked first), or
 *   - it handed off and no right answer was on top (an out-of-scope case, or the right entry is
 *     not ranked first: answering would have been wrong).
 *
 * `pickThreshold` chooses a threshold with the most correct decisions, in the middle of the range
 * that decides so; `thresholdCurve` gives the same figures at fixed steps, to show how they trade off.
 */

/** What a threshold decision needs to know about one case. */
export interface DecisionInput {
  /** Confidence of the top hit; undefined when the search found nothing. */
  confidence: number | undefined;
  /** The top hit is right (in scope, rank 1). */
  correct: boolean;
  inScope: boolean;
}

export interface ThresholdStats {
  threshold: number;
  cases: number;
  /** Cases where the top hit reached the threshold. */
  answered: number;
  answeredRate: number;
  /** Right answers among the answered; null when nothing was answered. */
  accuracyOfAnswered: number | null;
  handoffRate: number;
  /** Out-of-scope cases answered, over the out-of-scope cases; null when the suites have none. */
  falseAnswerRate: number | null;
  outOfScope: number;
  /** Correct decisions (answer right or hand off when answering would be wrong) over all cases. */
  decisionAccuracy: number;
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Is the case answered at threshold t (the top hit's confidence is at least t)? */
export const answeredAt = (d: DecisionInput, t: number): boolean => d.confidence !== undefined && d.confidence >= t;

export function statsAt(items: readonly DecisionInput[], threshold: number): ThresholdStats {
  let answered = 0;
  let right = 0;
  let outOfScope = 0;
  let falseAnswers = 0;
  let correctDecisions = 0;
  for (const d of items) {
    const a = answeredAt(d, threshold);
    if (!d.inScope) outOfScope++;
    if (a) {
      answered++;
      if (d.correct) right++;
      if (!d.inScope) falseAnswers++;
    }
    if (a === d.correct) correctDecisions++;
  }
  const n = items.length;
  return {
    threshold,
    cases: n,
    answered,
    answeredRate: n ? round(answered / n) : 0,
    accuracyOfAnswered: answered ? round(right / answered) : null,
    handoffRate: n ? round(1 - answered / n) : 0,
    falseAnswerRate: outOfScope ? round(falseAnswers / outOfScope) : null,
    outOfScope,
    decisionAccuracy: n ? round(correctDecisions / n) : 0,
  };
}

/** Figures at 0, step, 2·step, … 1 (default step 0.05). */
export function thresholdCurve(items: readonly DecisionInput[], step = 0.05): ThresholdStats[] {
  const points: ThresholdStats[] = [];
  const n = Math.round(1 / step);
  for (let i = 0; i <= n; i++) points.push(statsAt(items, round(i * step)));
  return points;
}

/**
 * The threshold in [0, 1] with the most correct decisions — among those whose false-answer rate
 * is at most `maxFalseAnswer` when it is given (the `--max-false-answer` gate: picking a
 * threshold the gate then fails helps nobody; when none meets it, or there are no out-of-scope
 * cases, the cap is not applied and the gate says so).
 *
 * Thresholds decide alike between two top confidences that occur: every threshold in (lower,
 * upper] answers the cases at `upper` and above and hands off the rest. So the choice is a cut
 * between two confidences. Among equally good cuts, the one with the fewest false answers on
 * out-of-scope questions wins (an answer to a question the knowledge base does not cover is the
 * costliest mistake, and what `--max-false-answer` gates); among those still tied, the lowest (it
 * answers the most in-scope questions: between two such cuts the extra answers are as often right
 * as wrong, and a right answer is what the bot is for). The threshold is then the middle of the
 * range of thresholds that decide as well as that cut (the cut's own gap, widened upwards over
 * neighbouring cuts that decide exactly as well), not its upper end: a slightly weaker right answer
 * than the weakest one seen is still answered, and a slightly stronger wrong one still handed off.
 * Below the lowest confidence the range reaches 0; handing everything off is threshold 1. Linear
 * after one sort.
 */
export function pickThreshold(items: readonly DecisionInput[], maxFalseAnswer?: number): ThresholdStats {
  return pickThresholdRange(items, maxFalseAnswer).chosen;
}

/** The range of thresholds that decide as well as auto's choice: every threshold above `lower` and at most `upper`. */
export interface ThresholdRange {
  lower: number;
  upper: number;
}

/**
 * `pickThreshold`, and the range it took the middle of (undefined when it hands everything off:
 * threshold 1), so that a report can show how much room the choice has on either side.
 */
export function pickThresholdRange(items: readonly DecisionInput[], maxFalseAnswer?: number): { chosen: ThresholdStats; range?: ThresholdRange } {
  const capped = maxFalseAnswer === undefined ? undefined : pick(items, maxFalseAnswer);
  return capped ?? pick(items, undefined) ?? { chosen: statsAt(items, 1) };
}

/** One cut of the sweep: every case at `lowest` confidence or above answered (undefined: none). */
interface Cut {
  lowest: number | undefined;
  correct: number;
  falseAnswers: number;
}

/** The sweep of `pickThreshold`; undefined when no threshold keeps false answers within the cap. */
function pick(items: readonly DecisionInput[], maxFalseAnswer: number | undefined): { chosen: ThresholdStats; range?: ThresholdRange } | undefined {
  const outOfScope = items.filter((d) => !d.inScope).length;
  // the rate as the gate measures it (rounded like ThresholdStats.falseAnswerRate)
  const allowed = (falseAnswers: number): boolean => maxFalseAnswer === undefined || outOfScope === 0 || round(falseAnswers / outOfScope) <= maxFalseAnswer;
  const scored = items.filter((d) => d.confidence !== undefined).sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0));
  // answering nothing: a decision is correct when the top hit is wrong; not a cut when some confidence is 1 (a threshold of 1 answers it)
  let correct = items.filter((d) => !d.correct).length;
  let falseAnswers = 0;
  const cuts: Cut[] = (scored[0]?.confidence ?? 0) >= 1 ? [] : [{ lowest: undefined, correct, falseAnswers }];
  // from the highest confidence down: each cut answers more, so false answers only grow
  for (let i = 0; i < scored.length; ) {
    const c = scored[i]?.confidence ?? 0;
    let j = i;
    for (; j < scored.length && scored[j]?.confidence === c; j++) {
      const d = scored[j];
      correct += d?.correct ? 1 : -1;
      if (d?.inScope === false) falseAnswers++;
    }
    // lower cuts answer more, so false answers only grow: none below this one is allowed either
    if (!allowed(falseAnswers)) break;
    cuts.push({ lowest: c, correct, falseAnswers });
    i = j;
  }
  let best = -1;
  cuts.forEach((cut, i) => {
    const b = cuts[best];
    if (b === undefined || cut.correct > b.correct || (cut.correct === b.correct && cut.falseAnswers <= b.falseAnswers)) best = i;
  });
  const chosen = cuts[best];
  // only when a confidence of 1 answers some cases at every threshold, and they break the cap
  if (chosen === undefined) return undefined;
  const lowest = chosen.lowest;
  if (lowest === undefined) return { chosen: statsAt(items, 1) };
  // the range that decides as well: up over the cuts above that decide exactly alike, down to the next confidence (or 0)
  let top = best;
  while (top > 0 && cuts[top - 1]?.correct === chosen.correct && cuts[top - 1]?.falseAnswers === chosen.falseAnswers) top--;
  const upper = cuts[top]?.lowest ?? 1;
  const lower = scored.find((d) => (d.confidence ?? 0) < lowest)?.confidence ?? 0;
  return { chosen: statsAt(items, middle(lower, upper)), range: { lower, upper } };
}

/**
 * A threshold in the middle of (lower, upper], rounded to as few decimals (2 to 4) as keep it
 * within a twentieth of the range's width of the middle; `upper` when even 4 do not (the
 * confidences are too close for a margin). Before, a quarter of the width was allowed: between
 * 0.598 and 0.6046 (user test 6) that gave 0.60, 0.002 above the case handed off and 0.0046 below
 * the one answered; now 0.601, the middle to 3 decimals.
 */
export function middle(lower: number, upper: number): number {
  const mid = (lower + upper) / 2;
  for (const digits of [2, 3, 4]) {
    const r = Math.round(mid * 10 ** digits) / 10 ** digits;
    if (r > lower && r <= upper && Math.abs(r - mid) <= (upper - lower) / 20 + 1e-12) return r;
  }
  return upper;
}
