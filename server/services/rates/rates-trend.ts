import type { Database } from "../../db/client";
import type { Metric } from "../../../surveys/properties";
import { addSums, emptySums, type MetricSums } from "./metric-status";
import type { RateSettings } from "./rate-settings";
import { toMetricMap, type MetricMap } from "./rates";
import { daySpan, metricSumsByDay, type RollupFilter } from "../rollups/rollup-queries";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The most weeks one trend answers with: two years, twice a campaign's length. Past it the trend
 * keeps the latest weeks and says `truncated: true`; a response with a wild date (or a `from`
 * decades back) can no longer make it hundreds of thousands of weeks long (issue 11, hole 2).
 */
export const MAX_TREND_WEEKS = 104;

/** Monday (YYYY-MM-DD) of the week a calendar day falls in; offices count weeks Monday to Sunday. */
export function weekStart(day: string): string {
  return addDays(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface WeeklyTrend {
  weeks: { week: string; metrics: MetricMap }[];
  /** Weeks before the first one listed have data but were left out (at most MAX_TREND_WEEKS). */
  truncated: boolean;
}

/**
 * Weekly metrics of a unit's subtree, from the daily rollups. The weeks run from the first week
 * with counted data (not from `from`) to the last; weeks without responses between them are kept
 * (with null rates) so a chart shows the gap, not a false line. The span is read first (one
 * index aggregate), then only the day rows of the weeks answered: the cost is that of the weeks
 * shown, whatever dates the data or the query hold.
 */
export async function weeklyTrend(
  db: Database,
  unitCode: string,
  filter: RollupFilter,
  settings: RateSettings,
  populationSize: number | null = null,
  maxWeeks = MAX_TREND_WEEKS,
): Promise<WeeklyTrend> {
  const span = await daySpan(db, unitCode, filter);
  if (!span) return { weeks: [], truncated: false };
  const lastWeek = weekStart(span.last);
  const earliestShown = addDays(lastWeek, -7 * (maxWeeks - 1));
  const truncated = weekStart(span.first) < earliestShown;
  const firstWeek = truncated ? earliestShown : weekStart(span.first);
  const from = filter.from && filter.from > firstWeek ? filter.from : firstWeek;

  const byWeek = new Map<string, Map<Metric, MetricSums>>();
  for (const row of await metricSumsByDay(db, unitCode, { ...filter, from, to: span.last })) {
    const week = weekStart(row.day);
    const perMetric = byWeek.get(week) ?? new Map<Metric, MetricSums>();
    perMetric.set(row.metric, addSums(perMetric.get(row.metric) ?? emptySums(), row));
    byWeek.set(week, perMetric);
  }
  // Counted, not compared as strings: past 9999 an ISO year gets a sign and six digits.
  const count = Math.round((Date.parse(`${lastWeek}T00:00:00Z`) - Date.parse(`${firstWeek}T00:00:00Z`)) / (7 * DAY_MS)) + 1;
  const weeks: WeeklyTrend["weeks"] = [];
  for (let i = 0; i < Math.min(count, maxWeeks); i++) {
    const week = addDays(firstWeek, 7 * i);
    weeks.push({ week, metrics: toMetricMap(byWeek.get(week), settings, populationSize) });
  }
  return { weeks, truncated };
}
