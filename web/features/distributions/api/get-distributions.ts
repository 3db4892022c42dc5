import { api, unwrap } from "../../../lib/api-client";
import type { CrosstabBody, CrosstabQuery, DistributionsBody, DistributionsQuery } from "../types";

/** GET /api/v1/rates/distributions: every closed and numeric question of one survey. */
export function getDistributions(query: DistributionsQuery): Promise<DistributionsBody> {
  return unwrap(api.rates.distributions.$get({ query }));
}

/** GET /api/v1/rates/crosstab: a metric question's rate per answer of a profile question. */
export function getCrosstab(query: CrosstabQuery): Promise<CrosstabBody> {
  return unwrap(api.rates.crosstab.$get({ query }));
}
