import type { QuestionRate } from "../types";
import { reliabilityOf, wilson, type Reliability } from "./precision";

/**
 * §7 reliability of one question's rate. A respondent answers a question at most once, so its
 * answers are independent (no clustering): the effective sample is the answer count and the
 * interval is Wilson on it, judged by the same rule as the metrics.
 */
export function questionPrecision(q: Pick<QuestionRate, "rate" | "answers">): { nEff: number; reliability: Reliability } {
  const nEff = q.answers;
  const ci = q.rate === null ? ([0, 1] as [number, number]) : wilson(q.rate, nEff);
  return { nEff, reliability: reliabilityOf(q.rate, nEff, ci) };
}
