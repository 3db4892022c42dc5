/** The z of a two-sided 95% interval, as docs/design.md §5 fixes it. */
export const Z95 = 1.959964;

/**
 * Wilson score interval for a proportion `p` observed over `n` trials. Unlike the normal
 * approximation it stays inside [0, 1] and behaves at p = 0 or 1 and for small n, which is
 * where a community with 12 answers sits. With n = 0 nothing is known: [0, 1].
 *
 * @example wilson(0.9, 100) // [0.8256..., 0.9448...]
 */
export function wilson(p: number, n: number, z = Z95): [number, number] {
  if (!(n > 0)) return [0, 1];
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

/** Whether the interval lies wholly on the pass side (lo >= t) or wholly below (hi < t). */
export function intervalDecides(ci: readonly [number, number], threshold: number): boolean {
  return ci[0] >= threshold || ci[1] < threshold;
}

/**
 * The smallest sample size at which the Wilson interval around `p` no longer straddles
 * `threshold`, i.e. the status would be statistically certain if the rate held. Null when the
 * rate sits on the threshold (no sample size decides it) or above `limit`.
 */
export function respondentsToDecide(p: number, threshold: number, limit = 1_000_000): number | null {
  if (p === threshold) return null;
  const decides = (n: number) => intervalDecides(wilson(p, n), threshold);
  if (!decides(limit)) return null;
  // The interval narrows monotonically in n for fixed p, so a binary search finds the edge.
  let lo = 1;
  let hi = limit;
  if (decides(lo)) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (decides(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
