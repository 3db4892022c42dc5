import { and, between, eq, inArray, or, type SQL } from "drizzle-orm";
import type { Metric } from "../../surveys/properties";
import type { Database } from "../db/client";
import { rollups } from "../db/schema";
import { METRICS } from "../../surveys/properties";
import { addSums, emptySums, type MetricSums } from "./metric-status";
import { addCounts, emptyCounts, metricSums, parseCounts, type RollupCounts } from "./rollup-counts";

/** Which responses a dashboard read covers (DESIGN.md §4 query parameters). */
export interface RollupFilter {
  audience?: string;
  channel?: string;
  from?: string;
  to?: string;
  includeFlagged?: boolean;
}

const LAST = "\uffff";

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
}

/**
 * The rollup periods that cover [from, to] exactly once: the whole months inside it from month
 * rows, the ragged ends from day rows. Without bounds, every month row.
 *
 * @example periodRanges({ from: "2026-03-15", to: "2026-05-31" })
 * // [["M:2026-04", "M:2026-05"], ["D:2026-03-15", "D:2026-03-31"]]
 */
export function periodRanges(f: Pick<RollupFilter, "from" | "to">): [string, string][] {
  const { from, to } = f;
  if (from && to && from > to) return [];
  const ranges: [string, string][] = [];
  const fromMonth = from?.slice(0, 7);
  const toMonth = to?.slice(0, 7);
  const firstFull = from ? (from.endsWith("-01") ? fromMonth! : shiftMonth(fromMonth!, 1)) : undefined;
  const lastFull = to ? (to === lastDayOfMonth(toMonth!) ? toMonth! : shiftMonth(toMonth!, -1)) : undefined;
  if (!firstFull || !lastFull || firstFull <= lastFull) ranges.push([`M:${firstFull ?? ""}`, `M:${lastFull ?? LAST}`]);
  const head = from && !from.endsWith("-01");
  if (head) {
    const end = lastDayOfMonth(fromMonth!);
    ranges.push([`D:${from}`, `D:${to && to < end ? to : end}`]);
  }
  if (to && to !== lastDayOfMonth(toMonth!) && !(head && fromMonth === toMonth)) {
    const start = `${toMonth}-01`;
    ranges.push([`D:${from && from > start ? from : start}`, `D:${to}`]);
  }
  return ranges;
}

function baseConditions(unitCodes: string[], f: RollupFilter, ranges: [string, string][]): SQL | undefined {
  return and(
    inArray(rollups.unitCode, unitCodes),
    or(...ranges.map(([lo, hi]) => between(rollups.period, lo, hi))),
    // Survey id = audience (one questionnaire per audience).
    f.audience ? eq(rollups.surveyId, f.audience) : undefined,
    f.channel ? eq(rollups.channel, f.channel) : undefined,
    f.includeFlagged ? undefined : eq(rollups.flagged, 0),
  );
}

/** The summed counts of each listed unit's own rollup rows (each covers the unit's whole subtree). */
export async function countsByUnit(db: Database, unitCodes: string[], f: RollupFilter): Promise<Map<string, RollupCounts>> {
  const out = new Map<string, RollupCounts>();
  const ranges = periodRanges(f);
  if (unitCodes.length === 0 || ranges.length === 0) return out;
  const rows = await db
    .select({ unitCode: rollups.unitCode, counts: rollups.counts })
    .from(rollups)
    .where(baseConditions(unitCodes, f, ranges));
  for (const row of rows) {
    const into = out.get(row.unitCode) ?? emptyCounts();
    addCounts(into, parseCounts(row.counts));
    out.set(row.unitCode, into);
  }
  return out;
}

/** Per-question counts of one unit, by survey: [answers, positive]. */
export async function questionCounts(
  db: Database,
  unitCode: string,
  f: RollupFilter,
): Promise<Map<string, Map<string, number[]>>> {
  const ranges = periodRanges(f);
  const out = new Map<string, Map<string, number[]>>();
  if (ranges.length === 0) return out;
  const rows = await db
    .select({ surveyId: rollups.surveyId, counts: rollups.counts })
    .from(rollups)
    .where(baseConditions([unitCode], f, ranges));
  for (const row of rows) {
    const perSurvey = out.get(row.surveyId) ?? new Map<string, number[]>();
    for (const [name, v] of Object.entries(parseCounts(row.counts).q)) {
      const t = perSurvey.get(name) ?? [0, 0];
      t[0]! += v[0]!;
      t[1]! += v[1]!;
      perSurvey.set(name, t);
    }
    out.set(row.surveyId, perSurvey);
  }
  return out;
}

/** Metric sums per day for one unit (its own day rows), for trends. */
export async function metricSumsByDay(
  db: Database,
  unitCode: string,
  f: RollupFilter,
): Promise<(MetricSums & { day: string; metric: Metric })[]> {
  const range: [string, string] = [`D:${f.from ?? ""}`, `D:${f.to ?? LAST}`];
  const rows = await db
    .select({ period: rollups.period, counts: rollups.counts })
    .from(rollups)
    .where(baseConditions([unitCode], f, [range]));
  const byDay = new Map<string, Map<Metric, MetricSums>>();
  for (const row of rows) {
    const day = row.period.slice(2);
    const counts = parseCounts(row.counts);
    const perMetric = byDay.get(day) ?? new Map<Metric, MetricSums>();
    for (const metric of METRICS) {
      if (!counts.m[metric]) continue;
      perMetric.set(metric, addSums(perMetric.get(metric) ?? emptySums(), metricSums(counts, metric)));
    }
    byDay.set(day, perMetric);
  }
  return [...byDay].flatMap(([day, perMetric]) => [...perMetric].map(([metric, sums]) => ({ day, metric, ...sums })));
}
