import { useEffect } from "react";
import { useSessionUser } from "../../features/auth/components/session-context";
import { texts } from "../texts";
import { Placeholder } from "./placeholder";
import { WhoAmI } from "./who-am-i";

/** /admin — units, users, posters, survey versions, thresholds (to come). */
export function AdminPage() {
  const user = useSessionUser();
  useEffect(() => {
    document.title = `${texts.pages.adminTitle} · ${texts.appName}`;
  }, []);
  return (
    <Placeholder title={texts.pages.adminTitle} body={user.role === "admin" ? texts.pages.adminBody : texts.pages.adminOnly}>
      <WhoAmI />
    </Placeholder>
  );
}
