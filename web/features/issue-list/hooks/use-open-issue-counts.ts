import { useQuery } from "@tanstack/react-query";
import { getIssueSummary } from "../api/issue-list-api";

/** One unit's 未办结 (待处理 + 已转办) 问题清单 items, as other pages show them. */
export interface OpenIssueCount {
  unitName: string;
  openCount: number;
}

/**
 * The unresolved 问题清单 items under `unit`, per child with any (most first), or the unit's own
 * count when it has no children: what the monthly 通报's section 五 lists. Empty while loading
 * or when the read fails (the section then says 暂无数据, as it does with no items).
 */
export function useOpenIssueCounts(unit: string): OpenIssueCount[] {
  const summary = useQuery({ queryKey: ["issue-list", "summary", unit], queryFn: () => getIssueSummary(unit), retry: false });
  const data = summary.data;
  if (!data) return [];
  if (data.children.length === 0) return data.total.unresolved > 0 ? [{ unitName: data.unit.name, openCount: data.total.unresolved }] : [];
  return data.children
    .filter((c) => c.unresolved > 0)
    .sort((a, b) => b.unresolved - a.unresolved)
    .map((c) => ({ unitName: c.name, openCount: c.unresolved }));
}
