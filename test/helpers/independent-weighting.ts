/**
 * The age-weighted rate of issue 13 recomputed from per-respondent answers, written from the text
 * of the issue and sharing no code with server/: strata h = age bands with counted respondents,
 * W_h = share_h / Σ(shares of strata present), rate = Σ W_h·r_h, variance = Σ W_h²·v_h with v_h
 * the §7 variance inside the stratum (no finite population correction), or r_h(1-r_h)/max(n_h,1)
 * below two respondents; nEff = r(1-r)/variance (else the respondents, as §7); ci95 = Wilson on nEff.
 */
import { precisionOf, type Respondent, wilsonInterval } from "./independent-precision";

export interface Weighted {
  rate: number | null;
  variance: number | null;
  nEff: number;
  ci95: [number, number];
  respondents: number;
}

export function weightedOf(byBand: ReadonlyMap<string, readonly Respondent[]>, shares: Readonly<Record<string, number>>): Weighted {
  const strata = [...byBand].filter(([band, rs]) => rs.length > 0 && (shares[band] ?? 0) > 0);
  const total = strata.reduce((s, [band]) => s + shares[band]!, 0);
  const respondents = strata.reduce((s, [, rs]) => s + rs.length, 0);
  if (strata.length === 0) return { rate: null, variance: null, nEff: respondents, ci95: [0, 1], respondents };
  let rate = 0;
  let variance = 0;
  for (const [band, rs] of strata) {
    const w = shares[band]! / total;
    const p = precisionOf(rs, 0.9);
    const r = p.rate!;
    rate += w * r;
    variance += w * w * (rs.length < 2 ? (r * (1 - r)) / Math.max(rs.length, 1) : p.variance!);
  }
  const nEff = rate > 0 && rate < 1 && variance > 0 ? (rate * (1 - rate)) / variance : respondents;
  return { rate, variance, nEff, ci95: wilsonInterval(rate, nEff), respondents };
}
