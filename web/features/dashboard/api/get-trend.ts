import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { DashboardFilters, TrendBody } from "../types";
import { ratesQuery } from "./query-string";

export function getTrend(f: DashboardFilters): Promise<TrendBody> {
  return apiRequest<TrendBody>(`${API_BASE}/rates/trend?${ratesQuery(f)}`);
}
