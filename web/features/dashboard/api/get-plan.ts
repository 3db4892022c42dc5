import { api, unwrap } from "../../../lib/api-client";
import type { DashboardFilters, PlanBody } from "../types";
import { ratesQueryParams } from "./query-string";

export function getPlan(f: DashboardFilters): Promise<PlanBody> {
  return unwrap(api.rates.plan.$get({ query: ratesQueryParams(f) }));
}
