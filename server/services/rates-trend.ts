import type { Database } from "../db/client";
import type { Metric } from "../../surveys/properties";
import { addSums, emptySums, type MetricSums } from "./metric-status";
import type { RateSettings } from "./rate-settings";
import { toMetricMap, type MetricMap } from "./rates";
import { metricSumsByDay, type RollupFilter } from "./rollup-queries";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Monday (YYYY-MM-DD) of the week a calendar day falls in; offices count weeks Monday to Sunday. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Weekly metrics of a unit's subtree, from the daily rollups. Weeks without responses between
 * the first and the last are kept (with null rates) so a chart shows the gap, not a false line.
 */
export async function weeklyTrend(
  db: Database,
  unitCode: string,
  filter: RollupFilter,
  settings: RateSettings,
): Promise<{ week: string; metrics: MetricMap }[]> {
  const byWeek = new Map<string, Map<Metric, MetricSums>>();
  for (const row of await metricSumsByDay(db, unitCode, filter)) {
    const week = weekStart(row.day);
    const perMetric = byWeek.get(week) ?? new Map<Metric, MetricSums>();
    perMetric.set(row.metric, addSums(perMetric.get(row.metric) ?? emptySums(), row));
    byWeek.set(week, perMetric);
  }
  const weeks = [...byWeek.keys()].sort();
  if (weeks.length === 0) return [];
  const out: { week: string; metrics: MetricMap }[] = [];
  for (let t = Date.parse(`${weeks[0]}T00:00:00Z`); t <= Date.parse(`${weeks.at(-1)}T00:00:00Z`); t += 7 * DAY_MS) {
    const week = new Date(t).toISOString().slice(0, 10);
    out.push({ week, metrics: toMetricMap(byWeek.get(week), settings) });
  }
  return out;
}
