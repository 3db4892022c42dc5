import { useSearch } from "wouter";
import { useSessionUser } from "../../features/auth/components/session-context";
import { MonthlyReportView } from "../../features/dashboard/components/monthly-report-view";
import { useOpenIssueCounts } from "../../features/issue-list/hooks/use-open-issue-counts";

/**
 * /dashboard/report — the monthly 通报 of the month in the URL: page, print view and Word file.
 * Section 五 lists the unit's open 问题清单 items per child, read by the 问题清单 feature.
 */
export function DashboardReportPage() {
  const user = useSessionUser();
  const unit = new URLSearchParams(useSearch()).get("unit") ?? user.scope;
  const issues = useOpenIssueCounts(unit);
  return <MonthlyReportView scope={user.scope} issues={issues} />;
}
