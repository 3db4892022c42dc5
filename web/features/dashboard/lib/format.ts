import { texts } from "../../../lib/i18n";
import type { MetricResult } from "../types";

export const pct = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(digits)}%`);

export const ciText = (m: MetricResult) => (m.rate === null ? "—" : `${pct(m.ci95[0])} – ${pct(m.ci95[1])}`);

export const statusText = (m: MetricResult) => texts.dashboard.status[m.status];

export const certaintyText = (m: MetricResult) => (m.certain ? texts.dashboard.certain : texts.dashboard.uncertain);

/** Rows sorted by rate, weakest last so the 通报 reads top-down; units without data at the very end. */
export function byRateDesc<T>(rows: T[], rate: (r: T) => number | null): T[] {
  return [...rows].sort((a, b) => (rate(b) ?? -1) - (rate(a) ?? -1));
}
