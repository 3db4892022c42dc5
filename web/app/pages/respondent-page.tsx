import { RespondentView } from "../../features/respondent/components/respondent-view";

/** /q/:token — what a QR code on a poster opens. */
export function RespondentPage({ token }: { token: string }) {
  // A new token is a new questionnaire: remount so no draft state leaks between posters.
  return <RespondentView key={token} token={token} />;
}
