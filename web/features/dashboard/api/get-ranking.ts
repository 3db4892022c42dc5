import type { InferRequestType } from "hono/client";
import { api, unwrap } from "../../../lib/api-client";
import type { DashboardFilters, RankingBody, UnitKind } from "../types";
import { ratesQueryParams } from "./query-string";

type RankingQuery = InferRequestType<typeof api.rates.ranking.$get>["query"];

/** GET /api/v1/rates/ranking: the children of one kind ranked by the view's metric (§7). */
export function getRanking(f: DashboardFilters, kind?: UnitKind): Promise<RankingBody> {
  const query: RankingQuery = { ...ratesQueryParams(f), metric: f.metric };
  if (kind) query.kind = kind;
  return unwrap(api.rates.ranking.$get({ query }));
}
