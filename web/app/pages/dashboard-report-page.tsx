import { useSessionUser } from "../../features/auth/components/session-context";
import { MonthlyReportView } from "../../features/dashboard/components/monthly-report-view";
import type { IssueCount } from "../../features/dashboard/lib/monthly-model";

/**
 * The open 问题清单 items per unit for section 五 of the 通报. They are fed from the 问题清单
 * feature's read of its API (built on another branch and composed here when it lands); with none
 * the section says 暂无数据.
 */
const NO_ISSUES: IssueCount[] = [];

/** /dashboard/report — the monthly 通报 of the month in the URL: page, print view and Word file. */
export function DashboardReportPage() {
  const user = useSessionUser();
  return <MonthlyReportView scope={user.scope} issues={NO_ISSUES} />;
}
