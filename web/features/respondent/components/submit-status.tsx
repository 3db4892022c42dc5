import { texts } from "../../../lib/i18n";
import type { SubmissionState } from "../hooks/use-submission";
import { useSecondsLeft } from "./countdown";
import { MessagePanel } from "./message-panel";
import { PosterClosed } from "./poster-closed";

/** What the person sees between pressing 完成 and the thank-you: sending, waiting, refused, poster closed. */
export function SubmitStatus({ state, onRetryNow }: { state: SubmissionState; onRetryNow: () => void }) {
  switch (state.kind) {
    case "waiting":
      return <Waiting reason={state.reason} retryAt={state.retryAt} onRetryNow={onRetryNow} />;
    case "closed":
      return <PosterClosed code={state.code} message={state.message} afterFilling />;
    case "rejected":
      return (
        <MessagePanel tone="error" title={texts.respondent.rejectedTitle}>
          <p>{state.message}</p>
          <p>{texts.respondent.rejectedBody}</p>
          <button type="button" className="button" onClick={onRetryNow}>
            {texts.respondent.retryNow}
          </button>
        </MessagePanel>
      );
    default:
      return (
        <MessagePanel title={texts.respondent.submitting}>
          <div className="spinner" aria-hidden="true" />
        </MessagePanel>
      );
  }
}

function Waiting({ reason, retryAt, onRetryNow }: { reason: "network" | "rate_limited"; retryAt: number; onRetryNow: () => void }) {
  const seconds = useSecondsLeft(retryAt);
  const title = reason === "rate_limited" ? texts.respondent.rateLimited : texts.respondent.offline;
  return (
    <MessagePanel tone="error" title={title}>
      {reason === "network" && <p>{texts.respondent.offlineBody}</p>}
      <p className="retry-countdown" role="timer">
        {texts.respondent.retryIn(seconds)}
      </p>
      <button type="button" className="button" onClick={onRetryNow}>
        {texts.respondent.retryNow}
      </button>
    </MessagePanel>
  );
}
