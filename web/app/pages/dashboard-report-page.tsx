import { useSessionUser } from "../../features/auth/components/session-context";
import { ReportView } from "../../features/dashboard/components/report-view";

/** /dashboard/report — the printable A4 monthly 通报 for the view in the URL. */
export function DashboardReportPage() {
  const user = useSessionUser();
  return <ReportView scope={user.scope} />;
}
