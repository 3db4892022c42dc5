import { useEffect } from "react";
import { useSearch } from "wouter";
import { useSessionUser } from "../../features/auth/components/session-context";
import { DashboardView } from "../../features/dashboard/components/dashboard-view";
import { DistributionsSection } from "../../features/distributions/components/distributions-section";
import { ExportPanel } from "../../features/exports/components/export-panel";
import { IssueSummaryPanel } from "../../features/issue-list/components/issue-summary-panel";
import { texts } from "../../lib/i18n";

/** /dashboard — live rates by unit against the 90% line, starting at the user's scope; open 问题清单 items per unit, 题目分布 and the answer export below. */
export function DashboardPage() {
  const user = useSessionUser();
  // The 问题清单 panel follows the unit the dashboard shows (its `unit` in the URL).
  const unit = new URLSearchParams(useSearch()).get("unit") ?? user.scope;
  useEffect(() => {
    document.title = `${texts.dashboard.title} · ${texts.appName}`;
  }, []);
  return (
    <>
      <DashboardView scope={user.scope} isAdmin={user.role === "admin"} />
      {user.role !== "interviewer" && <IssueSummaryPanel unit={unit} linkToPage />}
      <DistributionsSection scope={user.scope} />
      <ExportPanel scope={user.scope} />
    </>
  );
}
