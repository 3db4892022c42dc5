import { api, unwrap } from "../../../lib/api-client";
import type { DashboardFilters, TrendBody } from "../types";
import { ratesQueryParams } from "./query-string";

export function getTrend(f: DashboardFilters): Promise<TrendBody> {
  return unwrap(api.rates.trend.$get({ query: ratesQueryParams(f) }));
}
