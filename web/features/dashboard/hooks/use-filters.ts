import { useCallback, useMemo } from "react";
import { useLocation, useSearch } from "wouter";
import { UNIT_KINDS } from "../../../../server/contracts/unit-kinds";
import { METRIC_KEYS, type DashboardFilters, type MetricKey } from "../types";

const AUDIENCES = ["resident", "shopkeeper", "parent"] as const;
const CHANNELS = ["qr", "interview"] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined =>
  v && (list as readonly string[]).includes(v) ? (v as T) : undefined;

/** Reads a dashboard view from a query string; anything unknown falls back to the default. */
export function parseFilters(search: string, defaultUnit: string): DashboardFilters {
  const q = new URLSearchParams(search);
  const day = (k: string) => (DAY.test(q.get(k) ?? "") ? q.get(k)! : undefined);
  return {
    unit: q.get("unit") || defaultUnit,
    audience: oneOf(AUDIENCES, q.get("audience")),
    channel: oneOf(CHANNELS, q.get("channel")),
    from: day("from"),
    // A hand-edited link with the end before the start keeps the start: the page stays usable.
    to: day("to") && day("from") && day("to")! < day("from")! ? undefined : day("to"),
    includeFlagged: q.get("includeFlagged") === "1",
    metric: oneOf<MetricKey>(METRIC_KEYS, q.get("metric")) ?? "awareness",
    kind: oneOf(UNIT_KINDS, q.get("kind")),
    weighted: q.get("weighted") === "1",
  };
}

export function filtersToSearch(f: DashboardFilters): string {
  const q = new URLSearchParams({ unit: f.unit });
  if (f.audience) q.set("audience", f.audience);
  if (f.channel) q.set("channel", f.channel);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (f.includeFlagged) q.set("includeFlagged", "1");
  if (f.metric !== "awareness") q.set("metric", f.metric);
  if (f.kind) q.set("kind", f.kind);
  if (f.weighted) q.set("weighted", "1");
  return q.toString();
}

/** The view lives in the URL so a link shows a colleague the same table. */
export function useFilters(defaultUnit: string, basePath = "/dashboard") {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => parseFilters(search, defaultUnit), [search, defaultUnit]);
  const update = useCallback(
    (patch: Partial<DashboardFilters>) => navigate(`${basePath}?${filtersToSearch({ ...filters, ...patch })}`),
    [filters, navigate, basePath],
  );
  return { filters, update };
}
