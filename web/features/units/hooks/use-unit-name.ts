import { useQuery } from "@tanstack/react-query";
import { getUnit } from "../api/get-unit";

/** The unit's name for display, or `undefined` while loading or if it cannot be read. */
export function useUnitName(code: string | undefined): string | undefined {
  const unit = useQuery({
    queryKey: ["unit-name", code],
    queryFn: () => getUnit(code as string),
    enabled: !!code,
    // A unit's name hardly changes; one read per session is plenty, and a failure just shows none.
    staleTime: Infinity,
    retry: false,
  });
  return unit.data?.name;
}
