import { useEffect } from "react";
import { texts } from "../texts";
import { Placeholder } from "./placeholder";
import { WhoAmI } from "./who-am-i";

/** /dashboard — rates by unit against the 90% line (to come). */
export function DashboardPage() {
  useEffect(() => {
    document.title = `${texts.pages.dashboardTitle} · ${texts.appName}`;
  }, []);
  return (
    <Placeholder title={texts.pages.dashboardTitle} body={texts.pages.dashboardBody}>
      <WhoAmI />
    </Placeholder>
  );
}
