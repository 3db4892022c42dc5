import { and, between, eq, inArray, max, min, or, type SQL, sql } from "drizzle-orm";
import type { Metric } from "../../../surveys/properties";
import type { Database } from "../../db/client";
import { rollups, surveyVersions } from "../../db/schema";
import { METRICS } from "../../../surveys/properties";
import { addSums, emptySums, type MetricSums } from "../rates/metric-status";
import { FIRST_DAY, LAST_DAY } from "../../lib/shanghai-day";
import { addCounts, emptyCounts, metricSums, parseCounts, parseMetricCounts, type RollupCounts } from "./rollup-counts";
import { addDist, emptyDist, parseDist, type DistCounts } from "./rollup-distributions";

/** Which responses a dashboard read covers (docs/design.md §4 query parameters). */
export interface RollupFilter {
  audience?: string;
  channel?: string;
  from?: string;
  to?: string;
  includeFlagged?: boolean;
}

const LAST = "\uffff";

/** A month as a number (year * 12 + month - 1), so month arithmetic never goes through `Date.UTC`. */
const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
const monthKey = (index: number) => `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;

function lastDayOfMonth(day: string): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return `${day.slice(0, 7)}-${String(days).padStart(2, "0")}`;
}

/**
 * The rollup periods that cover [from, to] exactly once: the whole months inside it from month
 * rows, the ragged ends from day rows. Without bounds, every month row. Bounds outside the days
 * any row can have (FIRST_DAY..LAST_DAY, server/lib/shanghai-day.ts) are clamped to them first:
 * they cover nothing more, and the month arithmetic stays within four-digit years.
 *
 * @example periodRanges({ from: "2026-03-15", to: "2026-05-31" })
 * // [["M:2026-04", "M:2026-05"], ["D:2026-03-15", "D:2026-03-31"]]
 */
export function periodRanges(f: Pick<RollupFilter, "from" | "to">): [string, string][] {
  const from = f.from !== undefined && f.from < FIRST_DAY ? FIRST_DAY : f.from;
  const to = f.to !== undefined && f.to > LAST_DAY ? LAST_DAY : f.to;
  if ((from && to && from > to) || (to && to < FIRST_DAY) || (from && from > LAST_DAY)) return [];
  const ranges: [string, string][] = [];
  const firstFull = from ? monthIndex(from) + (from.endsWith("-01") ? 0 : 1) : undefined;
  const lastFull = to ? monthIndex(to) - (to === lastDayOfMonth(to) ? 0 : 1) : undefined;
  // Compared as numbers, and against the last valid month when open-ended: "M:10000-01" would sort before every real month.
  if ((firstFull ?? -Infinity) <= (lastFull ?? monthIndex(LAST_DAY))) {
    ranges.push([`M:${firstFull === undefined ? "" : monthKey(firstFull)}`, `M:${lastFull === undefined ? LAST : monthKey(lastFull)}`]);
  }
  const head = from && !from.endsWith("-01");
  if (head) {
    const end = lastDayOfMonth(from);
    ranges.push([`D:${from}`, `D:${to && to < end ? to : end}`]);
  }
  if (to && to !== lastDayOfMonth(to) && !(head && from.slice(0, 7) === to.slice(0, 7))) {
    const start = `${to.slice(0, 7)}-01`;
    ranges.push([`D:${from && from > start ? from : start}`, `D:${to}`]);
  }
  return ranges;
}

/** The ids of the surveys whose versions name this audience (a survey keeps its audience: lint audience_changed). */
const surveysOfAudience = (audience: string) =>
  sql`(SELECT DISTINCT ${surveyVersions.surveyId} FROM ${surveyVersions} WHERE ${surveyVersions.audience} = ${audience})`;

function baseConditions(unitCodes: string[], f: RollupFilter, ranges: [string, string][]): SQL | undefined {
  return and(
    inArray(rollups.unitCode, unitCodes),
    or(...ranges.map(([lo, hi]) => between(rollups.period, lo, hi))),
    // Every survey of the audience: the shipped one (id = audience) and those made in the editor (issue 17).
    f.audience ? inArray(rollups.surveyId, surveysOfAudience(f.audience)) : undefined,
    f.channel ? eq(rollups.channel, f.channel) : undefined,
    f.includeFlagged ? undefined : eq(rollups.flagged, 0),
  );
}

/**
 * The summed counts of each listed unit's own rows, per channel, whatever channel the filter
 * names: the rates read adds up the channels it asks for and compares QR with interviews
 * (§7 mode gap) from the same rows, in one query. Only the metric sums (`m`, and `b` when
 * `bands`) are returned, never the per-question `q`: a province root or a district with 20
 * children reads up to ~1,800 / ~750 rows. Without bands it reads the `metric_sums` column (the
 * `m` part, ~160 bytes) from the covering index rollups_read_idx and never the rows themselves,
 * whose counts and distributions take ~3.5 KB each (issue 18).
 */
export async function countsByUnitAndChannel(
  db: Database,
  unitCodes: string[],
  f: RollupFilter,
  options: { bands?: boolean } = {},
): Promise<Map<string, Map<string, RollupCounts>>> {
  const bands = options.bands ?? true;
  const out = new Map<string, Map<string, RollupCounts>>();
  const ranges = periodRanges(f);
  if (unitCodes.length === 0 || ranges.length === 0) return out;
  const rows = await unitChannelCountsQuery(db, unitCodes, f, ranges, bands);
  for (const row of rows) {
    const perChannel = out.get(row.unitCode) ?? new Map<string, RollupCounts>();
    const counts = bands ? metricAndBandCounts(row.counts!) : parseMetricCounts(row.counts);
    perChannel.set(row.channel, addCounts(perChannel.get(row.channel) ?? emptyCounts(), counts));
    out.set(row.unitCode, perChannel);
  }
  return out;
}

/** countsByUnitAndChannel's one query (exported so a test can ask SQLite how it runs it). */
export function unitChannelCountsQuery(db: Database, unitCodes: string[], f: RollupFilter, ranges: [string, string][], bands: boolean) {
  return db
    .select({
      unitCode: rollups.unitCode,
      channel: rollups.channel,
      // Without bands the read is answered from rollups_read_idx alone (metric_sums is in it).
      counts: bands ? rollups.counts : rollups.metricSums,
    })
    .from(rollups)
    .where(baseConditions(unitCodes, { ...f, channel: undefined }, ranges));
}

/** A full counts text without its per-question part (the rates read adds `m` and `b` only). */
function metricAndBandCounts(text: string): RollupCounts {
  const c = parseCounts(text);
  c.q = {};
  return c;
}

/** Per-question counts of one unit, by survey: [answers, positive]. */
export async function questionCounts(db: Database, unitCode: string, f: RollupFilter): Promise<Map<string, Map<string, number[]>>> {
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

/**
 * Day rows from..to, never outside FIRST_DAY..LAST_DAY: a row keyed outside them (only a database
 * written before day keys were checked can hold one) is no calendar day to chart.
 */
function dayRange(f: RollupFilter): [string, string] {
  const from = f.from && f.from > FIRST_DAY ? f.from : FIRST_DAY;
  const to = f.to && f.to < LAST_DAY ? f.to : LAST_DAY;
  return [`D:${from}`, `D:${to}`];
}

/** Metric sums per day for one unit (its own day rows), for trends. */
export async function metricSumsByDay(
  db: Database,
  unitCode: string,
  f: RollupFilter,
): Promise<(MetricSums & { day: string; metric: Metric })[]> {
  const range = dayRange(f);
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

/**
 * The first and last day with a day row for one unit under the filter (null if none): one
 * aggregate over the (unit_code, period) index, without reading any counts.
 */
export async function daySpan(db: Database, unitCode: string, f: RollupFilter): Promise<{ first: string; last: string } | null> {
  const range = dayRange(f);
  const row = await db
    .select({ first: min(rollups.period), last: max(rollups.period) })
    .from(rollups)
    .where(baseConditions([unitCode], f, [range]))
    .get();
  return row?.first && row.last ? { first: row.first.slice(2), last: row.last.slice(2) } : null;
}

/**
 * One unit's answer distributions under the filter, per survey: the `dist` of its own rows for
 * the months in range plus day rows at ragged ends, summed, with the response count.
 */
export async function distributionsBySurvey(
  db: Database,
  unitCode: string,
  f: RollupFilter,
): Promise<Map<string, { responses: number; dist: DistCounts }>> {
  const ranges = periodRanges(f);
  const out = new Map<string, { responses: number; dist: DistCounts }>();
  if (ranges.length === 0) return out;
  const rows = await db
    .select({ surveyId: rollups.surveyId, responses: rollups.responses, dist: rollups.dist })
    .from(rollups)
    .where(baseConditions([unitCode], f, ranges));
  for (const row of rows) {
    const perSurvey = out.get(row.surveyId) ?? { responses: 0, dist: emptyDist() };
    perSurvey.responses += row.responses;
    addDist(perSurvey.dist, parseDist(row.dist));
    out.set(row.surveyId, perSurvey);
  }
  return out;
}
