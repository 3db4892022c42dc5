import { useEffect } from "react";
import { useSessionUser } from "../../features/auth/components/session-context";
import { FieldReviewView } from "../../features/field-review/components/field-review-view";
import { texts } from "../../lib/i18n";

/** /dashboard/review — supervisor review of interviews and back-checks (issue 16). */
export function FieldReviewPage() {
  const user = useSessionUser();
  useEffect(() => {
    document.title = `${texts.fieldReview.pageTitle} · ${texts.appName}`;
  }, []);
  return <FieldReviewView scope={user.scope} supervisor={user.role !== "interviewer"} />;
}
