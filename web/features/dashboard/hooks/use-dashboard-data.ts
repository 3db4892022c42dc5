import { useQuery } from "@tanstack/react-query";
import { getPlan } from "../api/get-plan";
import { getRanking } from "../api/get-ranking";
import { getRates } from "../api/get-rates";
import { getTrend } from "../api/get-trend";
import { getUnitInfo } from "../api/get-unit-info";
import { ratesQuery } from "../api/query-string";
import type { DashboardFilters, UnitKind } from "../types";

/** How often the dashboard asks again; with ETags an unchanged answer is a bodiless 304. */
export const POLL_MS = 3000;

/** Retries server and network failures only: a 4xx will answer the same again. */
export const retry = (count: number, error: unknown) =>
  count < 3 && !(error instanceof Error && "status" in error && (error as { status: number }).status < 500);

export function useRates(f: DashboardFilters) {
  return useQuery({ queryKey: ["rates", ratesQuery(f)], queryFn: () => getRates(f), refetchInterval: POLL_MS, retry });
}

export function useTrend(f: DashboardFilters) {
  return useQuery({ queryKey: ["trend", ratesQuery(f)], queryFn: () => getTrend(f), refetchInterval: POLL_MS * 5, retry });
}

export function usePlan(f: DashboardFilters) {
  return useQuery({ queryKey: ["plan", ratesQuery(f)], queryFn: () => getPlan(f), refetchInterval: POLL_MS * 5, retry });
}

export function useUnitInfo(code: string) {
  return useQuery({ queryKey: ["unit", code], queryFn: () => getUnitInfo(code), staleTime: 5 * 60_000, retry });
}

/** The ranking of one kind of child (default: the server's commonest kind) by the view's metric. */
export function useRanking(f: DashboardFilters, kind?: UnitKind, enabled = true) {
  return useQuery({
    queryKey: ["ranking", ratesQuery(f), f.metric, kind ?? ""],
    queryFn: () => getRanking(f, kind),
    refetchInterval: POLL_MS,
    retry,
    enabled,
  });
}
