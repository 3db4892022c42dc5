import { useEffect } from "react";
import { useSessionUser } from "../../features/auth/components/session-context";
import { DashboardView } from "../../features/dashboard/components/dashboard-view";
import { DistributionsSection } from "../../features/distributions/components/distributions-section";
import { ExportPanel } from "../../features/exports/components/export-panel";
import { texts } from "../../lib/i18n";

/** /dashboard — live rates by unit against the 90% line, starting at the user's scope; 题目分布 and the answer export below. */
export function DashboardPage() {
  const user = useSessionUser();
  useEffect(() => {
    document.title = `${texts.dashboard.title} · ${texts.appName}`;
  }, []);
  return (
    <>
      <DashboardView scope={user.scope} isAdmin={user.role === "admin"} />
      <DistributionsSection scope={user.scope} />
      <ExportPanel scope={user.scope} />
    </>
  );
}
