import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { DashboardFilters, PlanBody } from "../types";
import { ratesQuery } from "./query-string";

export function getPlan(f: DashboardFilters): Promise<PlanBody> {
  return apiRequest<PlanBody>(`${API_BASE}/rates/plan?${ratesQuery(f)}`);
}
