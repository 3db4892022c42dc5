import type { Metric } from "../../../surveys/properties";
import { intervalDecides, wilson } from "../../lib/wilson";
import { designPrecision, type DesignPrecision, type DesignSums } from "./design-precision";

/** Summed rollup counts of one metric over some set of responses. */
export interface MetricSums extends DesignSums {
  scoreSum: number;
  scoreCount: number;
}

export type MetricStatus = "insufficient" | "pass" | "fail";

/** One metric as the rates contract sends it (docs/design.md §4, "M", with the §7 fields). */
export interface MetricResult extends DesignPrecision {
  respondents: number;
  answers: number;
  positive: number;
  rate: number | null;
  ci95: [number, number];
  status: MetricStatus;
  certain: boolean;
  score?: number | null;
}

export const emptySums = (): MetricSums => ({
  respondents: 0,
  answers: 0,
  positive: 0,
  scoreSum: 0,
  scoreCount: 0,
  sumA2: 0,
  sumY2: 0,
  sumAY: 0,
});

export function addSums(into: MetricSums, add: MetricSums): MetricSums {
  into.respondents += add.respondents;
  into.answers += add.answers;
  into.positive += add.positive;
  into.scoreSum += add.scoreSum;
  into.scoreCount += add.scoreCount;
  into.sumA2 += add.sumA2;
  into.sumY2 += add.sumY2;
  into.sumAY += add.sumAY;
  return into;
}

/**
 * docs/design.md §5 from pooled counts: rate = positive / answers (null without answers), Wilson
 * interval with p = rate and n = respondents, status against the threshold once respondents
 * reach minRespondents, certain when the interval lies on one side of the threshold; then the
 * §7 design-based fields, with the finite population correction when `populationSize` (the
 * unit's size for the one audience asked about) is given.
 *
 * @example metricResult("awareness", { respondents: 25, answers: 50, positive: 46, scoreSum: 0, scoreCount: 0 }, 0.9, 20)
 */
export function metricResult(
  metric: Metric,
  s: MetricSums,
  threshold: number,
  minRespondents: number,
  populationSize?: number | null,
): MetricResult {
  const rate = s.answers > 0 ? s.positive / s.answers : null;
  const ci95 = rate === null ? ([0, 1] as [number, number]) : wilson(rate, s.respondents);
  const status: MetricStatus = rate === null || s.respondents < minRespondents ? "insufficient" : rate >= threshold ? "pass" : "fail";
  const result: MetricResult = {
    respondents: s.respondents,
    answers: s.answers,
    positive: s.positive,
    rate,
    ci95,
    status,
    certain: rate !== null && intervalDecides(ci95, threshold),
    ...designPrecision(s, threshold, populationSize),
  };
  if (metric === "satisfaction") result.score = s.scoreCount > 0 ? s.scoreSum / s.scoreCount : null;
  return result;
}
