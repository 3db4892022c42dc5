import { useEffect } from "react";
import { useSearch } from "wouter";
import { useSessionUser } from "../../features/auth/components/session-context";
import { IssueListView } from "../../features/issue-list/components/issue-list-view";
import { texts } from "../../lib/i18n";

/** /dashboard/issues — 意见建议 and the 问题清单 (?unit=CODE narrows it; default: the user's scope). */
export function IssueListPage() {
  const user = useSessionUser();
  const unit = new URLSearchParams(useSearch()).get("unit") ?? user.scope;
  useEffect(() => {
    document.title = `${texts.issueList.title} · ${texts.appName}`;
  }, []);
  return <IssueListView unit={unit} scope={user.scope} />;
}
