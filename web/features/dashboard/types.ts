/** Shapes of the dashboard reads; types only, shared with the server (no runtime code). */
export type { RatesBody, MetricMap, QuestionRate, UnitRef } from "../../../server/services/rates/rates";
export type { MetricResult, MetricStatus } from "../../../server/services/rates/metric-status";
export type { UnitPlan, MetricPlan } from "../../../server/services/rates/rates-plan";
export type { RateSettings, RateSettingsView } from "../../../server/services/rates/rate-settings";
export type { RateSettingsUpdate } from "../../../server/contracts/rates";
import type { MetricMap, UnitRef } from "../../../server/services/rates/rates";
import type { UnitPlan } from "../../../server/services/rates/rates-plan";

export const METRIC_KEYS = ["awareness", "support", "participation", "satisfaction"] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export interface TrendBody {
  unit: UnitRef;
  threshold: Record<MetricKey, number>;
  weeks: { week: string; metrics: MetricMap }[];
}

export type PlanBody = UnitPlan & { minRespondents: number; threshold: Record<MetricKey, number>; children: UnitPlan[] };

export interface UnitInfo {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
}

/** The view the URL describes: unit, filters and the metric the ranking sorts by. */
export interface DashboardFilters {
  unit: string;
  audience?: "resident" | "shopkeeper" | "parent";
  channel?: "qr" | "interview";
  from?: string;
  to?: string;
  includeFlagged?: boolean;
  metric: MetricKey;
}
