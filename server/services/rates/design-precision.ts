import { intervalDecides, respondentsToDecide, wilson } from "../../lib/wilson";

/** The sums of one metric that §7 needs: per respondent i, a_i counted answers, y_i positive ones. */
export interface DesignSums {
  respondents: number;
  answers: number;
  positive: number;
  /** Σa², Σy², Σay over respondents; NaN when some rollup row predates them (unknown). */
  sumA2: number;
  sumY2: number;
  sumAY: number;
}

export type Reliability = "low" | "review" | "ok";

/** docs/design.md §7: the fields every metric object gains. */
export interface DesignPrecision {
  variance: number | null;
  nEff: number;
  ci95Design: [number, number];
  certainDesign: boolean;
  reliability: Reliability;
  neededN: number | null;
}

/** The largest sample `neededN` looks for; past it no plan is worth stating (§7). */
const NEEDED_N_LIMIT = 1_000_000;

/**
 * The linearised variance of the ratio r = Σy / Σa with respondents as clusters (§7):
 * n/(n-1) · Σ(y_i - r·a_i)² / (Σa)², times (1 - n/N) when the unit's size N for the audience
 * asked about is known and exceeds n. Σ(y - r·a)² is expanded (residualSquares) so the rollups
 * hold only sums. Null with fewer than two respondents or when a sum is unknown.
 */
export function designVariance(s: DesignSums, populationSize?: number | null): number | null {
  const n = s.respondents;
  if (n < 2 || s.answers <= 0) return null;
  if (!Number.isFinite(s.sumA2) || !Number.isFinite(s.sumY2) || !Number.isFinite(s.sumAY)) return null;
  let variance = (n / (n - 1)) * (residualSquares(s) / (s.answers * s.answers));
  if (populationSize != null && populationSize > n) variance *= 1 - n / populationSize;
  return variance;
}

/**
 * Σ(y_i - r·a_i)² from the sums, r = Y/A. In floating point the expansion Σy² - 2rΣay + r²Σa²
 * cancels badly: respondents who all answered alike (zero variance) came out near 1e-17, and
 * nEff = r(1-r)/variance then read as 10^15 instead of n. The sums are counts, so the numerator
 * A²Σy² - 2AYΣay + Y²Σa² is computed exactly in integers and divided once; an exact zero stays 0.
 */
function residualSquares(s: DesignSums): number {
  const sums = [s.answers, s.positive, s.sumA2, s.sumY2, s.sumAY];
  if (!sums.every(Number.isSafeInteger)) {
    const r = s.positive / s.answers;
    return Math.max(0, s.sumY2 - 2 * r * s.sumAY + r * r * s.sumA2);
  }
  const [A, Y, a2, y2, ay] = sums.map(BigInt) as [bigint, bigint, bigint, bigint, bigint];
  const numerator = A * A * y2 - 2n * A * Y * ay + Y * Y * a2;
  if (numerator <= 0n) return 0;
  return Number(numerator) / (s.answers * s.answers);
}

/** §7: r(1-r)/variance when 0 < r < 1 and the variance is positive; otherwise n. */
export function effectiveSize(rate: number | null, variance: number | null, respondents: number): number {
  if (rate !== null && rate > 0 && rate < 1 && variance !== null && variance > 0) return (rate * (1 - rate)) / variance;
  return respondents;
}

/**
 * §7 reliability, after the NCHS presentation standards for proportions: `low` when the
 * effective sample is under 30 or the interval is wide in absolute terms or relative to the rate;
 * `review` when it is wide relative to the complement.
 */
export function reliabilityOf(rate: number | null, nEff: number, ci: readonly [number, number]): Reliability {
  const width = ci[1] - ci[0];
  if (rate === null || nEff < 30 || width >= 0.3 || (rate > 0 && width / rate > 1.3)) return "low";
  if (rate < 1 && width / (1 - rate) > 1.3) return "review";
  return "ok";
}

/**
 * §7 `neededN`: respondents still needed for the design interval to decide, if the rate and the
 * design effect n/nEff hold: the smallest m whose Wilson interval decides, scaled by the design
 * effect, less the respondents already there. Null on the threshold or past a million.
 */
export function respondentsStillNeeded(rate: number | null, threshold: number, respondents: number, nEff: number): number | null {
  if (rate === null || nEff <= 0) return null;
  const m = respondentsToDecide(rate, threshold, NEEDED_N_LIMIT);
  if (m === null) return null;
  return Math.max(0, Math.ceil((m * respondents) / nEff) - respondents);
}

/** All §7 fields of one metric from its sums. */
export function designPrecision(s: DesignSums, threshold: number, populationSize?: number | null): DesignPrecision {
  const rate = s.answers > 0 ? s.positive / s.answers : null;
  const variance = designVariance(s, populationSize);
  const nEff = effectiveSize(rate, variance, s.respondents);
  const ci95Design = rate === null ? ([0, 1] as [number, number]) : wilson(rate, nEff);
  return {
    variance,
    nEff,
    ci95Design,
    certainDesign: rate !== null && intervalDecides(ci95Design, threshold),
    reliability: reliabilityOf(rate, nEff, ci95Design),
    neededN: respondentsStillNeeded(rate, threshold, s.respondents, nEff),
  };
}
