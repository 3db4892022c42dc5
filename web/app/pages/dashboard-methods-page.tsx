import { useEffect } from "react";
import { MethodsView } from "../../features/dashboard/components/methods-view";
import { texts } from "../../lib/i18n";

/** /dashboard/methods — 统计方法说明: what the dashboard's intervals, ranks and labels mean. */
export function DashboardMethodsPage() {
  useEffect(() => {
    document.title = `${texts.methods.title} · ${texts.appName}`;
  }, []);
  return <MethodsView />;
}
