import type { InferRequestType } from "hono/client";
import type { api } from "../../../lib/api-client";
import type { DashboardFilters } from "../types";

type RatesQueryInput = InferRequestType<typeof api.rates.$get>["query"];

/**
 * The API query of a dashboard view (the ranking metric is a view setting, not a filter).
 * `includeFlagged` is always sent ("0" means what leaving it out means): the routes' query type
 * is still the schema's output, where the flag is required.
 */
export function ratesQueryParams(f: DashboardFilters): RatesQueryInput {
  const q: RatesQueryInput = { unit: f.unit, includeFlagged: f.includeFlagged ? "1" : "0" };
  if (f.audience) q.audience = f.audience;
  if (f.channel) q.channel = f.channel;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  return q;
}

/** The view's query as a string: the cache key of its reads (flag left out when off, as before). */
export function ratesQuery(f: DashboardFilters): string {
  const q = new URLSearchParams({ unit: f.unit });
  if (f.audience) q.set("audience", f.audience);
  if (f.channel) q.set("channel", f.channel);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (f.includeFlagged) q.set("includeFlagged", "1");
  return q.toString();
}
