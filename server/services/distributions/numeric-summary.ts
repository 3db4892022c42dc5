/** Count, mean and quartiles of a numeric item, exact from its histogram (value → count). */
export interface NumericSummary {
  count: number;
  mean: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/**
 * Quartiles by linear interpolation between order statistics (Hyndman & Fan type 7, the default
 * of R, NumPy and Excel's QUARTILE.INC): the p-quantile of n sorted values x0..x(n-1) is
 * x(h) interpolated at h = (n - 1)p. Null when no value was given.
 *
 * @example numericSummary(new Map([[1, 2], [3, 1]])) // {count: 3, mean: 5/3, min: 1, q1: 1, median: 1, q3: 2, max: 3}
 */
export function numericSummary(histogram: ReadonlyMap<number, number>): NumericSummary | null {
  const entries = [...histogram].filter(([, c]) => c > 0).sort((a, b) => a[0] - b[0]);
  const count = entries.reduce((s, [, c]) => s + c, 0);
  if (count === 0) return null;
  const sum = entries.reduce((s, [v, c]) => s + v * c, 0);
  /** The i-th value (0-based) of the sorted sample. */
  const at = (i: number) => {
    let seen = 0;
    for (const [v, c] of entries) {
      seen += c;
      if (i < seen) return v;
    }
    return entries.at(-1)![0];
  };
  const quantile = (p: number) => {
    const h = (count - 1) * p;
    const lo = Math.floor(h);
    const [a, b] = [at(lo), at(Math.min(lo + 1, count - 1))];
    return a + (h - lo) * (b - a);
  };
  return {
    count,
    mean: sum / count,
    min: entries[0]![0],
    q1: quantile(0.25),
    median: quantile(0.5),
    q3: quantile(0.75),
    max: entries.at(-1)![0],
  };
}
