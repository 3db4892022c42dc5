import type { Audience, DistributionsQuery } from "../types";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const AUDIENCES: readonly Audience[] = ["resident", "shopkeeper", "parent"];

/** The dashboard's filters as its URL holds them: the section follows the view on screen. */
export interface ViewFilters {
  unit: string;
  audience?: Audience;
  channel?: "qr" | "interview";
  from?: string;
  to?: string;
  includeFlagged: boolean;
}

/** Reads the filters from the dashboard's query string; anything unknown is left out. */
export function viewFiltersFrom(search: string, defaultUnit: string): ViewFilters {
  const q = new URLSearchParams(search);
  const channel = q.get("channel");
  const audience = q.get("audience");
  const day = (k: string) => (DAY.test(q.get(k) ?? "") ? q.get(k)! : undefined);
  const [from, to] = [day("from"), day("to")];
  return {
    unit: q.get("unit") || defaultUnit,
    audience: (AUDIENCES as readonly string[]).includes(audience ?? "") ? (audience as Audience) : undefined,
    channel: channel === "qr" || channel === "interview" ? channel : undefined,
    from,
    // As on the dashboard: an end before the start is dropped, so the read stays valid.
    to: to && from && to < from ? undefined : to,
    includeFlagged: q.get("includeFlagged") === "1",
  };
}

/** The API query of the section: the view's filters for one survey. */
export function distributionsQuery(f: ViewFilters, audience: Audience): DistributionsQuery & { audience: Audience } {
  const q: DistributionsQuery & { audience: Audience } = { unit: f.unit, audience, includeFlagged: f.includeFlagged ? "1" : "0" };
  if (f.channel) q.channel = f.channel;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  return q;
}
