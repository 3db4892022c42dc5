import { wilson } from "../../lib/wilson";
import { designVariance, effectiveSize, type DesignSums } from "./design-precision";

/**
 * A resident rate weighted to census age-band shares (issue 13): post-stratification by age band,
 * so a sample that over-represents, say, retired residents (home when interviewers call) does not
 * move the figure as far as the raw pooled rate does.
 */
export interface WeightedRate {
  /** Σ W_h·r_h; null when no stratum with a share has respondents. */
  rate: number | null;
  /** Wilson interval at z = 1.959964 with p = rate and n = nEff (the §7 ci95Design convention). */
  ci95: [number, number];
  /** rate(1-rate)/variance when 0 < rate < 1 and variance > 0; otherwise `respondents` (as §7). */
  nEff: number;
  /** Σ W_h²·v_h; null without respondents. */
  variance: number | null;
  /** Respondents in the strata that carry weight (share > 0). */
  respondents: number;
  /** respondents / nEff (§7's design effect n/nEff); null when nEff is 0. */
  designEffect: number | null;
}

/**
 * The variance of one stratum's rate: §7's linearised variance inside the stratum without the
 * finite population correction (the census shares, not the unit's size, define the strata), or
 * r_h(1-r_h)/max(n_h,1) when the stratum has fewer than two respondents, where §7 has none.
 */
export function stratumVariance(s: DesignSums): number | null {
  if (s.respondents < 2) {
    const r = s.positive / s.answers;
    return (r * (1 - r)) / Math.max(s.respondents, 1);
  }
  return designVariance(s);
}

/**
 * Weighted rate of one metric from its sums per age band and the shares in force (issue 13):
 * strata h are the bands with counted respondents, W_h = share_h / Σ(shares of strata present),
 * rate = Σ W_h·r_h, variance = Σ W_h²·v_h, nEff = rate(1-rate)/variance. A band with respondents
 * but no share weighs 0; with no share among the strata present the rate is null.
 *
 * @example weightedRate(new Map([["18_29", sums1], ["30_39", sums2]]), { "18_29": 0.4, "30_39": 0.6 })
 */
export function weightedRate(strata: ReadonlyMap<string, DesignSums>, shares: Readonly<Record<string, number>>): WeightedRate {
  const present = [...strata].filter(([band, s]) => s.respondents > 0 && s.answers > 0 && (shares[band] ?? 0) > 0);
  const total = present.reduce((sum, [band]) => sum + shares[band]!, 0);
  const respondents = present.reduce((sum, [, s]) => sum + s.respondents, 0);
  if (present.length === 0 || !(total > 0)) {
    return { rate: null, ci95: [0, 1], nEff: respondents, variance: null, respondents, designEffect: null };
  }
  let rate = 0;
  let variance: number | null = 0;
  for (const [band, s] of present) {
    const w = shares[band]! / total;
    rate += w * (s.positive / s.answers);
    const v = stratumVariance(s);
    variance = v === null || variance === null ? null : variance + w * w * v;
  }
  const nEff = effectiveSize(rate, variance, respondents);
  return {
    rate,
    ci95: wilson(rate, nEff),
    nEff,
    variance,
    respondents,
    designEffect: nEff > 0 ? respondents / nEff : null,
  };
}
