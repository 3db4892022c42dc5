import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { DashboardFilters, RatesBody } from "../types";
import { ratesQuery } from "./query-string";

/** GET /api/v1/rates. The server sends an ETag with no-cache, so polling is mostly 304s. */
export function getRates(f: DashboardFilters): Promise<RatesBody> {
  return apiRequest<RatesBody>(`${API_BASE}/rates?${ratesQuery(f)}`);
}
