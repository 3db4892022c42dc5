import { Z95 } from "../../lib/wilson";
import { designVariance } from "./design-precision";
import type { MetricSums } from "./metric-status";

/**
 * How far the interview figure sits from the QR one (issue 13, mode honesty): the official test
 * interviews a random sample, while QR answers are volunteered and can be coached. `diff` is
 * interview minus QR; its interval uses the sum of the two §7 variances (independent samples).
 * Null parts where a channel has no answers, or fewer than two respondents for the interval.
 */
export interface ModeGap {
  qr: number | null;
  interview: number | null;
  diff: number | null;
  ci95: [number, number] | null;
}

const rateOf = (s: MetricSums) => (s.answers > 0 ? s.positive / s.answers : null);

export function modeGap(qr: MetricSums, interview: MetricSums, populationSize?: number | null): ModeGap {
  const [q, i] = [rateOf(qr), rateOf(interview)];
  if (q === null || i === null) return { qr: q, interview: i, diff: null, ci95: null };
  const diff = i - q;
  const [vq, vi] = [designVariance(qr, populationSize), designVariance(interview, populationSize)];
  if (vq === null || vi === null) return { qr: q, interview: i, diff, ci95: null };
  const half = Z95 * Math.sqrt(vq + vi);
  return { qr: q, interview: i, diff, ci95: [diff - half, diff + half] };
}
