/**
 * docs/design.md §7 recomputed from per-respondent answers, written from the text of the design
 * and sharing no code with server/: the tests compare the server's rollup-based figures with it.
 */
export const Z = 1.959964;

export interface Respondent {
  /** Counted answers of the metric. */
  a: number;
  /** Positive ones among them. */
  y: number;
}

export function wilsonInterval(p: number, n: number, z = Z): [number, number] {
  if (!(n > 0)) return [0, 1];
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

const decides = ([lo, hi]: [number, number], t: number) => lo >= t || hi < t;

export interface Precision {
  rate: number | null;
  variance: number | null;
  nEff: number;
  ci95Design: [number, number];
  certainDesign: boolean;
  reliability: "low" | "review" | "ok";
  neededN: number | null;
}

/** The §7 fields of one metric over these respondents (N: the unit's size, when it applies). */
export function precisionOf(respondents: readonly Respondent[], threshold: number, N?: number | null): Precision {
  const n = respondents.length;
  const sumA = respondents.reduce((s, r) => s + r.a, 0);
  const sumY = respondents.reduce((s, r) => s + r.y, 0);
  const rate = sumA > 0 ? sumY / sumA : null;
  let variance: number | null = null;
  if (n >= 2 && rate !== null) {
    const residuals = respondents.reduce((s, r) => s + (r.y - rate * r.a) ** 2, 0);
    variance = ((n / (n - 1)) * residuals) / (sumA * sumA);
    if (N != null && N > n) variance *= 1 - n / N;
  }
  const nEff = rate !== null && rate > 0 && rate < 1 && variance !== null && variance > 0 ? (rate * (1 - rate)) / variance : n;
  const ci = rate === null ? ([0, 1] as [number, number]) : wilsonInterval(rate, nEff);
  const w = ci[1] - ci[0];
  let reliability: Precision["reliability"] = "ok";
  if (rate === null || nEff < 30 || w >= 0.3 || (rate > 0 && w / rate > 1.3)) reliability = "low";
  else if (rate < 1 && w / (1 - rate) > 1.3) reliability = "review";
  let neededN: number | null = null;
  if (rate !== null && rate !== threshold && nEff > 0 && decides(wilsonInterval(rate, 1_000_000), threshold)) {
    let m = 1;
    if (!decides(wilsonInterval(rate, 1), threshold)) {
      let [lo, hi] = [1, 1_000_000];
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (decides(wilsonInterval(rate, mid), threshold)) hi = mid;
        else lo = mid;
      }
      m = hi;
    }
    neededN = Math.max(0, Math.ceil((m * n) / nEff) - n);
  }
  return { rate, variance, nEff, ci95Design: ci, certainDesign: rate !== null && decides(ci, threshold), reliability, neededN };
}

/** Whether two figures agree to 1e-9 (relative for large ones, absolute near 0). */
export function close(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
