/**
 * The §7 formulas (docs/design.md) in the browser, for what the server does not send: the worked
 * example of the methods page, the funnel's control limits and the reliability of a single
 * question's rate. web/ may not import the server's runtime, so they are restated here;
 * test/web/precision.test.ts checks them against server/lib/wilson.ts and
 * server/services/rates/design-precision.ts on the same inputs.
 */

/** z of a two-sided 95% interval (§5) and of the 99.8% funnel limits (§7). */
export const Z95 = 1.959964;
export const Z998 = 3.090232;

export type Reliability = "low" | "review" | "ok";

/** Wilson score interval for a proportion p over n (n may be an effective, fractional size). */
export function wilson(p: number, n: number, z = Z95): [number, number] {
  if (!(n > 0)) return [0, 1];
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/** Per respondent: a = counted answers of the metric, y = positive ones. */
export interface RespondentAnswers {
  a: number;
  y: number;
}

/** §7 variance of the ratio r = Σy/Σa with respondents as clusters; null below two respondents. */
export function designVariance(respondents: readonly RespondentAnswers[]): number | null {
  const n = respondents.length;
  const sumA = respondents.reduce((s, x) => s + x.a, 0);
  if (n < 2 || sumA <= 0) return null;
  const r = respondents.reduce((s, x) => s + x.y, 0) / sumA;
  const squares = respondents.reduce((s, x) => s + (x.y - r * x.a) ** 2, 0);
  return ((n / (n - 1)) * squares) / (sumA * sumA);
}

/** §7 nEff: r(1-r)/variance when 0 < r < 1 and the variance is positive, else n. */
export function effectiveSize(rate: number, variance: number | null, respondents: number): number {
  return rate > 0 && rate < 1 && variance !== null && variance > 0 ? (rate * (1 - rate)) / variance : respondents;
}

/** §7 reliability (after the NCHS presentation standards for proportions). */
export function reliabilityOf(rate: number | null, nEff: number, ci: readonly [number, number]): Reliability {
  const width = ci[1] - ci[0];
  if (rate === null || nEff < 30 || width >= 0.3 || (rate > 0 && width / rate > 1.3)) return "low";
  if (rate < 1 && width / (1 - rate) > 1.3) return "review";
  return "ok";
}

const decides = (ci: readonly [number, number], threshold: number) => ci[0] >= threshold || ci[1] < threshold;

/** The smallest m whose Wilson interval around p excludes the threshold; null on it or past the limit. */
export function sampleToDecide(p: number, threshold: number, limit = 1_000_000): number | null {
  if (p === threshold || !decides(wilson(p, limit), threshold)) return null;
  let lo = 1;
  let hi = limit;
  if (decides(wilson(p, lo), threshold)) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (decides(wilson(p, mid), threshold)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** §7 neededN: respondents still needed if the rate and the design effect n/nEff hold. */
export function respondentsStillNeeded(rate: number, threshold: number, respondents: number, nEff: number): number | null {
  if (nEff <= 0) return null;
  const m = sampleToDecide(rate, threshold);
  return m === null ? null : Math.max(0, Math.ceil((m * respondents) / nEff) - respondents);
}

/** §7 funnel limits around the threshold p0 for an effective sample: p0 ± z·sqrt(p0(1-p0)/nEff). */
export function funnelLimits(p0: number, nEff: number): { lo95: number; hi95: number; lo998: number; hi998: number } {
  const s = Math.sqrt((p0 * (1 - p0)) / nEff);
  return { lo95: p0 - Z95 * s, hi95: p0 + Z95 * s, lo998: p0 - Z998 * s, hi998: p0 + Z998 * s };
}

const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** Φ⁻¹(p) by Acklam's rational approximation (relative error ~1e-9): enough for a z on screen. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1, got ${p}`);
  if (p > 0.5) return -normalQuantile(1 - p);
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}
