import type { DashboardFilters } from "../types";
import { usePlan, useRates, useTrend, useUnitInfo } from "./use-dashboard-data";

/** Every read the dashboard page needs for one view. */
export function useDashboardData(filters: DashboardFilters) {
  return { rates: useRates(filters), trend: useTrend(filters), plan: usePlan(filters), unit: useUnitInfo(filters.unit) };
}
