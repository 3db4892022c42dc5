import { api, unwrap } from "../../../lib/api-client";
import type { DashboardFilters, RatesBody } from "../types";
import { ratesQueryParams } from "./query-string";

/** GET /api/v1/rates. The server sends an ETag with no-cache, so polling is mostly 304s. */
export function getRates(f: DashboardFilters): Promise<RatesBody> {
  return unwrap(api.rates.$get({ query: ratesQueryParams(f) }));
}
