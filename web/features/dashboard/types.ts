/** Shapes of the dashboard reads, derived from the routes' own answers (web/lib/api-client.ts). */
import type { InferRequestType, InferResponseType } from "hono/client";
import { METRICS } from "../../../surveys/metrics";
import type { api } from "../../lib/api-client";

/** GET /api/v1/rates */
export type RatesBody = InferResponseType<typeof api.rates.$get, 200>;
export type MetricMap = RatesBody["metrics"];
export type MetricResult = MetricMap[MetricKey];
export type MetricStatus = MetricResult["status"];
export type QuestionRate = RatesBody["questions"][number];
export type UnitRef = RatesBody["unit"];

/** GET /api/v1/rates/ranking (§7): children of one kind with rank intervals, band and funnel. */
export type RankingBody = InferResponseType<typeof api.rates.ranking.$get, 200>;
export type RankingRow = RankingBody["rows"][number];
export type UnitKind = RankingBody["kinds"][number];
export type Reliability = MetricResult["reliability"];
export type ModeGap = MetricResult["modeGap"];

/** GET /api/v1/rates/trend */
export type TrendBody = InferResponseType<typeof api.rates.trend.$get, 200>;

/** GET /api/v1/rates/plan: the unit's plan, its settings and its children's plans. */
export type PlanBody = InferResponseType<typeof api.rates.plan.$get, 200>;
export type UnitPlan = PlanBody["children"][number];
export type MetricPlan = UnitPlan["metrics"][MetricKey];

/** GET/PUT /api/v1/settings/thresholds */
export type RateSettingsView = InferResponseType<typeof api.settings.thresholds.$get, 200>;
export type RateSettings = Pick<RateSettingsView, "threshold" | "minRespondents">;
export type RateSettingsUpdate = InferRequestType<typeof api.settings.thresholds.$put>["json"];

/** GET /api/v1/units/:code, the part the dashboard shows. */
export type UnitInfo = InferResponseType<(typeof api.units)[":code"]["$get"], 200>;

export const METRIC_KEYS = METRICS;
export type MetricKey = (typeof METRIC_KEYS)[number];

/** The view the URL describes: unit, filters and the metric the ranking sorts by. */
export interface DashboardFilters {
  unit: string;
  audience?: "resident" | "shopkeeper" | "parent";
  channel?: "qr" | "interview";
  from?: string;
  to?: string;
  includeFlagged?: boolean;
  metric: MetricKey;
  /** The kind of child the ranking shows (default: the server's, the commonest kind). */
  kind?: UnitKind;
  /** Show resident rates weighted to the census age shares (a view setting; the server sends both). */
  weighted?: boolean;
}

/** GET /api/v1/field-progress/units: households, visited households and coverage per community. */
export type FieldUnitsBody = InferResponseType<(typeof api)["field-progress"]["units"]["$get"], 200>;
