import type { DashboardFilters } from "../types";

/** The API query of a dashboard view (the ranking metric is a view setting, not a filter). */
export function ratesQuery(f: DashboardFilters): string {
  const q = new URLSearchParams({ unit: f.unit });
  if (f.audience) q.set("audience", f.audience);
  if (f.channel) q.set("channel", f.channel);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (f.includeFlagged) q.set("includeFlagged", "1");
  return q.toString();
}
