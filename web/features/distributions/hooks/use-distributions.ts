import { useQuery } from "@tanstack/react-query";
import { getCrosstab, getDistributions } from "../api/get-distributions";
import type { CrosstabQuery, DistributionsQuery } from "../types";

const retry = (count: number, error: unknown) =>
  count < 3 && !(error instanceof Error && "status" in error && (error as { status: number }).status < 500);

/** Distributions change slowly compared with the live rates: asked again every 30 s, not every 3. */
const REFRESH_MS = 30_000;

export function useDistributions(query: DistributionsQuery) {
  return useQuery({ queryKey: ["distributions", query], queryFn: () => getDistributions(query), refetchInterval: REFRESH_MS, retry });
}

export function useCrosstab(query: CrosstabQuery | null) {
  return useQuery({
    queryKey: ["crosstab", query],
    queryFn: () => getCrosstab(query!),
    enabled: query !== null,
    refetchInterval: REFRESH_MS,
    retry,
  });
}
