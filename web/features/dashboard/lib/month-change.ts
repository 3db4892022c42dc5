/**
 * Whether a metric moved beyond noise from one month to the next: the two months are
 * independent samples, so the difference of their rates has the sum of their §7 design-based
 * variances, and z = (r1 − r0) / sqrt(v1 + v0) is read against the two-sided 95% point.
 */
export const Z_95 = 1.959964;

export type ChangeVerdict = "significant" | "noise" | "unknown";

export interface MonthFigure {
  rate: number | null;
  /** §7 `variance`: null when fewer than 2 respondents. */
  variance: number | null;
}

export interface MonthChange {
  /** r1 − r0 (a proportion; × 100 gives percentage points); null without both rates. */
  diff: number | null;
  z: number | null;
  verdict: ChangeVerdict;
}

export function monthChange(current: MonthFigure, previous: MonthFigure): MonthChange {
  if (current.rate === null || previous.rate === null) return { diff: null, z: null, verdict: "unknown" };
  const diff = current.rate - previous.rate;
  if (current.variance === null || previous.variance === null) return { diff, z: null, verdict: "unknown" };
  const se = Math.sqrt(current.variance + previous.variance);
  // Both variances 0 (everyone answered alike in both months): any difference is real, none is noise.
  const z = se > 0 ? diff / se : diff === 0 ? 0 : Math.sign(diff) * Number.POSITIVE_INFINITY;
  return { diff, z, verdict: Math.abs(z) >= Z_95 ? "significant" : "noise" };
}
