import "../field-review.css";
import { useQuery } from "@tanstack/react-query";
import { texts } from "../../../lib/i18n";
import { getSettings } from "../api/field-review-api";
import { AgreementTable } from "./agreement-table";
import { BackCheckPanel } from "./back-check-panel";
import { ReviewQueue } from "./review-queue";

const T = texts.fieldReview;

/** /dashboard/review: supervisors review interviews and run back-checks; interviewers see only the back-checks they may do. */
export function FieldReviewView({ scope, supervisor }: { scope: string; supervisor: boolean }) {
  const settings = useQuery({ queryKey: ["field-review", "settings"], queryFn: getSettings, enabled: supervisor, retry: false });
  return (
    <div className="review-board">
      <h1>{T.pageTitle}</h1>
      <p className="muted">{T.pageIntro}</p>
      {settings.data && (
        <p className="muted">
          {T.settingsTitle}：{T.counted[settings.data.counted]} · {T.share(`${Math.round(settings.data.backCheckShare * 1000) / 10}%`)}
        </p>
      )}
      {supervisor && <ReviewQueue scope={scope} />}
      <BackCheckPanel unit={scope} mayDraw={supervisor} />
      {supervisor && <AgreementTable unit={scope} />}
    </div>
  );
}
