// Threshold decisions: the figures at one threshold, the curve, and the automatic choice.
import { describe, expect, it } from 'vitest';
import { middle, pickThreshold, pickThresholdRange, statsAt, thresholdCurve, type DecisionInput, type ThresholdStats } from './thresholds.js';

const right = (confidence: number): DecisionInput => ({ confidence, correct: true, inScope: true });
const wrong = (confidence: number): DecisionInput => ({ confidence, correct: false, inScope: true });
const outside = (confidence: number | undefined): DecisionInput => ({ confidence, correct: false, inScope: false });

describe('statsAt', () => {
  it('counts answered, right when answered, hand-offs, false answers and correct decisions', () => {
    const items = [right(0.9), right(0.4), wrong(0.7), wrong(0.2), outside(0.6), outside(0.1), outside(undefined)];
    const s = statsAt(items, 0.5);
    // answered: 0.9 (right), 0.7 (wrong), 0.6 (out of scope) → 3 of 7
    expect(s).toEqual({
      threshold: 0.5,
      cases: 7,
      answered: 3,
      answeredRate: 0.4286,
      accuracyOfAnswered: 0.3333,
      handoffRate: 0.5714,
      falseAnswerRate: 0.3333,
      outOfScope: 3,
      // right: 0.9 answered; 0.2 wrong handed off; 0.1 and nothing out of scope handed off → 4 of 7
      decisionAccuracy: 0.5714,
    });
  });

  it('answers a hit whose confidence equals the threshold, and reports null rates it cannot measure', () => {
    expect(statsAt([right(0.5)], 0.5).answered).toBe(1);
    const none = statsAt([right(0.3)], 0.5);
    expect(none.accuracyOfAnswered).toBeNull();
    expect(none.falseAnswerRate).toBeNull();
    expect(none.decisionAccuracy).toBe(0);
  });
});

describe('thresholdCurve', () => {
  it('steps from 0 to 1', () => {
    const curve = thresholdCurve([right(0.8), wrong(0.3)]);
    expect(curve.map((p) => p.threshold)).toEqual(Array.from({ length: 21 }, (_, i) => Math.round(i * 5) / 100));
    expect(curve[0]?.answered).toBe(2);
    expect(curve[10]?.answered).toBe(1); // 0.5
    expect(curve[20]?.answered).toBe(0);
  });
});

/** The brute-force choice: the candidate cut (a confidence seen, or 1) with the most correct decisions, then the fewest false answers, then the lowest. */
function bestCut(items: readonly DecisionInput[], cap?: number): ThresholdStats | undefined {
  return [...new Set(items.map((d) => d.confidence ?? 0)), 1]
    .map((t) => statsAt(items, t))
    .filter((s) => cap === undefined || (s.falseAnswerRate ?? 0) <= cap)
    .sort((a, b) => b.decisionAccuracy - a.decisionAccuracy || (a.falseAnswerRate ?? 0) - (b.falseAnswerRate ?? 0) || a.threshold - b.threshold)[0];
}

/** The figures that do not depend on where in its range the threshold sits. */
const decisions = (s: ThresholdStats | undefined): Omit<ThresholdStats, 'threshold'> | undefined => {
  if (s === undefined) return undefined;
  const { threshold: _, ...rest } = s;
  return rest;
};

describe('pickThreshold', () => {
  it('picks the middle of the gap between right answers and wrong ones', () => {
    const items = [right(0.9), right(0.8), right(0.6), wrong(0.5), wrong(0.3), outside(0.55), outside(undefined)];
    const s = pickThreshold(items);
    // every threshold in (0.55, 0.6] decides all seven right; the middle is 0.575
    expect(s.threshold).toBeGreaterThanOrEqual(0.57);
    expect(s.threshold).toBeLessThanOrEqual(0.58);
    expect(s.decisionAccuracy).toBe(1);
    expect(s.falseAnswerRate).toBe(0);
  });

  it('leaves a margin on both sides when the right and wrong answers are far apart (a user\'s 10,000-case suite)', () => {
    // right answers at 0.7967 and above, out-of-scope questions at 0.1415 and below: the upper end
    // 0.7967 would hand off a right answer at 0.79; the middle answers it and still no false one
    const items = [right(0.95), right(0.7967), right(0.7967), outside(0.1415), outside(0.05), outside(undefined)];
    const s = pickThreshold(items);
    expect(s.threshold).toBe(0.47);
    expect(s.decisionAccuracy).toBe(1);
    expect(pickThreshold([...items, right(0.79)]).decisionAccuracy).toBe(1);
  });

  it('prefers the lowest of equally good cuts, and may answer nothing', () => {
    // 0.7 right, 0.5 wrong, 0.4 right: cutting at 0.7 and at 0.4 both give 2 of 3; below 0.4 the range reaches 0
    expect(pickThreshold([right(0.7), wrong(0.5), right(0.4)]).threshold).toBe(0.2);
    // every answer wrong: hand everything off (threshold 1, nothing at 1)
    const none = pickThreshold([wrong(0.9), outside(0.8)]);
    expect(none.threshold).toBe(1);
    expect(none.answered).toBe(0);
    expect(none.decisionAccuracy).toBe(1);
  });

  it('among equally good cuts prefers the one with the fewest false answers, then the lowest, and takes the middle of the range deciding alike', () => {
    // 0.6829 answers the out-of-scope case (a false answer) and one more right in-scope case than
    // 0.70: 5 of 6 correct decisions at both, false answers 100 % against 0 %
    const items = [right(0.9), right(0.8), right(0.7), right(0.6829), outside(0.6829), wrong(0.3)];
    expect(statsAt(items, 0.6829).decisionAccuracy).toBe(statsAt(items, 0.7).decisionAccuracy);
    const s = pickThreshold(items);
    expect(s.threshold).toBe(0.691); // (0.6829, 0.7]: its middle 0.69145 to 3 decimals (0.69 is nearer the lower end)
    expect(s.falseAnswerRate).toBe(0);
    expect(s.decisionAccuracy).toBe(0.8333);
    // the same tie without the out-of-scope case (a wrong in-scope answer instead): every threshold in (0.3, 0.7] decides 5 of 6 right
    expect(pickThreshold([right(0.9), right(0.8), right(0.7), right(0.6829), wrong(0.6829), wrong(0.3)]).threshold).toBe(0.5);
    // a tie with "answer nothing" (threshold 1) is broken the same way
    expect(pickThreshold([right(0.9), outside(0.9), outside(0.2)]).threshold).toBe(1);
  });

  it('takes the middle of the range, not a rounding near one end of it (user test 6: 0.60 between 0.598 and 0.6046)', () => {
    // handed off: an out-of-scope question at 0.5965 and a wrong answer at 0.598; answered: right from 0.6046 up
    const items = [outside(0.5965), wrong(0.598), right(0.6046), right(0.62), right(0.9), outside(0.3)];
    const { chosen, range } = pickThresholdRange(items, 0.1);
    expect(range).toEqual({ lower: 0.598, upper: 0.6046 });
    // before: 0.6, 0.002 above the wrong answer and 0.0046 below the right one
    expect(chosen.threshold).toBe(0.601);
    expect(middle(0.598, 0.6046)).toBe(0.601);
    // handing everything off has no range to take the middle of
    expect(pickThresholdRange([wrong(0.9), outside(0.8)])).toEqual({ chosen: statsAt([wrong(0.9), outside(0.8)], 1) });
  });

  it('keeps the upper end when two confidences are too close for a margin', () => {
    expect(middle(0.4, 0.6)).toBe(0.5);
    expect(middle(0.59, 0.6)).toBe(0.595);
    expect(middle(0.5999, 0.6)).toBe(0.6);
    expect(middle(0, 0.3)).toBe(0.15);
  });

  it('decides like a brute-force search over every candidate, from a threshold no confidence lies between', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const items: DecisionInput[] = Array.from({ length: 300 }, () => {
      const c = Math.round(random() * 100) / 100;
      return random() < 0.15 ? outside(c) : random() < c ? right(c) : wrong(c);
    });
    const best = bestCut(items);
    const s = pickThreshold(items);
    expect(decisions(s)).toEqual(decisions(best));
    // no confidence between the chosen threshold and the best cut: they decide every case alike
    expect(items.every((d) => (d.confidence ?? 0) >= s.threshold === (d.confidence ?? 0) >= (best?.threshold ?? 1))).toBe(true);
    expect(s.threshold).toBeLessThan(best?.threshold ?? 1);
  });

  it('with a false-answer cap, picks the best threshold that keeps within it, as the gate measures', () => {
    // uncapped, cutting at 0.3 is best (6 of 7 decisions right) but answers one of the two out-of-scope questions: 50 %
    const items = [right(0.9), right(0.6), right(0.5), right(0.35), right(0.3), outside(0.4), outside(0.1)];
    expect(pickThreshold(items).threshold).toBe(0.2); // (0.1, 0.3]
    expect(pickThreshold(items).falseAnswerRate).toBe(0.5);
    const capped = pickThreshold(items, 0.1);
    expect(capped.threshold).toBe(0.45); // (0.4, 0.5]
    expect(capped.falseAnswerRate).toBe(0);
    // a cap the best threshold already meets changes nothing
    expect(pickThreshold(items, 0.5)).toEqual(pickThreshold(items));
    // no out-of-scope cases: nothing to cap
    expect(pickThreshold([right(0.9), wrong(0.2)], 0)).toEqual(pickThreshold([right(0.9), wrong(0.2)]));
    // no threshold meets it (an out-of-scope question at confidence 1): the uncapped choice, and the gate fails
    const impossible = [right(0.8), outside(1)];
    expect(pickThreshold(impossible, 0)).toEqual(pickThreshold(impossible));
  });

  it('with a cap, decides like a brute-force search over the candidates that meet it', () => {
    let seed = 11;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const items: DecisionInput[] = Array.from({ length: 300 }, () => {
      const c = Math.round(random() * 100) / 100;
      return random() < 0.2 ? outside(c) : random() < c ? right(c) : wrong(c);
    });
    for (const cap of [0, 0.05, 0.2]) expect(decisions(pickThreshold(items, cap))).toEqual(decisions(bestCut(items, cap)));
  });
});
