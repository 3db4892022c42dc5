/**
 * The respondent page after a QR scan: loads the questionnaire, restores the draft kept on the
 * phone, runs the survey, and sends the result until the server has it. Works through reloads at
 * any point: while filling (answers and page come back), while sending (the same response is
 * resent), after sending (the thank-you stays, with 再填一份 for another household member).
 * Once opened it also works with no signal (its own service worker, offline-worker.ts).
 */
import { Suspense, useCallback, useEffect, useRef, useState } from "react";
import { texts } from "../../../lib/i18n";
import { getDeviceId } from "../../../lib/device-id";
import type { ApiIssue } from "../../../lib/http";
import { localStore } from "../../../lib/storage";
import { uuidV7 } from "../../../lib/uuid";
import { useLargeText } from "../hooks/use-large-text";
import { useQuestionnaire, type QuestionnaireState } from "../hooks/use-questionnaire";
import { useSubmission } from "../hooks/use-submission";
import {
  markCompleted,
  markSubmitted,
  recordProgress,
  reopenDraft,
  resumeDraft,
  toSubmission,
  type Draft,
  type ResumedDraft,
} from "../lib/draft";
import { loadDraft, saveDraft } from "../lib/draft-store";
import { keepForOffline, registerRespondentWorker } from "../lib/offline-worker";
import { readInlineQuestionnaire, readLightStart, withEarlyAnswers } from "../lib/inline-questionnaire";
import { detachInterviewManifest } from "../lib/page-head";
import "../styles/respondent.css";
import type { QrSubmission } from "../types";
import { LazySurveyRunner, preloadSurveyRunner } from "./lazy-survey-runner";
import { LightFirstPageForm } from "./light-first-page";
import { MessagePanel } from "./message-panel";
import { PosterClosed } from "./poster-closed";
import { PrivacyNotice } from "./privacy-notice";
import { RespondentHeader } from "./respondent-header";
import { SubmitStatus } from "./submit-status";
import { ThankYou } from "./thank-you";

const nowIso = () => new Date().toISOString();

export function RespondentView({ token }: { token: string }) {
  const [stored] = useState(() => loadDraft(localStore, token));
  const [submitted, setSubmitted] = useState(stored?.status === "submitted");
  const [submission, setSubmission] = useState<QrSubmission | null>(() => (stored ? toSubmission(stored, token, getDeviceId()) : null));
  const [issues, setIssues] = useState<ApiIssue[] | null>(null);
  const draftRef = useRef<Draft | null>(stored);
  // Read before React replaces the server's HTML (issue 18): the inline questionnaire and what
  // was already answered on the server-rendered first page. With them the first render already
  // shows the first page, so nothing the person sees or ticked goes away while SurveyJS loads.
  const [inline] = useState(() => (submitted ? null : readInlineQuestionnaire(token)));
  const [light] = useState(() => (inline ? readLightStart(inline) : null));
  const [resumed, setResumed] = useState<ResumedDraft | null>(() =>
    inline ? withEarlyAnswers(resumeDraft(stored, inline.survey, nowIso(), uuidV7), light?.answers ?? {}, nowIso()) : null,
  );
  const persisted = useRef<ResumedDraft | null>(null);
  const { state: loadState, reload } = useQuestionnaire(token, submitted, inline);
  // Answers given on the light first page, handed to SurveyJS when it mounts.
  const [lightData, setLightData] = useState<Record<string, unknown> | null>(() =>
    resumed && light && Object.keys(light.answers).length > 0 ? resumed.draft.data : null,
  );
  // The page shown now, and whether the person has left the page a restored draft reopened on
  // (the 已恢复 notice belongs to that page only).
  const [pageNo, setPageNo] = useState(resumed?.draft.pageNo ?? stored?.pageNo ?? 0);
  const [movedOn, setMovedOn] = useState(false);
  const { large, toggle: toggleLarge } = useLargeText();

  useEffect(() => {
    detachInterviewManifest();
    registerRespondentWorker();
  }, []);

  const save = useCallback(
    (draft: Draft) => {
      draftRef.current = draft;
      saveDraft(localStore, token, draft);
    },
    [token],
  );

  useEffect(() => {
    if (!submitted) preloadSurveyRunner();
  }, [submitted]);

  const questionnaire = loadState.kind === "ready" ? loadState.questionnaire : null;
  useEffect(() => {
    if (!questionnaire) return;
    const next = resumed ?? resumeDraft(draftRef.current, questionnaire.survey, nowIso(), uuidV7);
    if (!resumed) setResumed(next);
    if (persisted.current === next) return;
    persisted.current = next;
    save({ ...next.draft, unitName: questionnaire.unit.fullName ?? questionnaire.unit.name });
    setPageNo(next.draft.pageNo);
    keepForOffline(token, { questionnaire: questionnaire !== inline });
  }, [questionnaire, resumed, save, token, inline]);

  const unitName = questionnaire ? (questionnaire.unit.fullName ?? questionnaire.unit.name) : stored?.unitName;
  useEffect(() => {
    document.title = unitName ? texts.respondent.documentTitle(unitName) : texts.appName;
  }, [unitName]);

  const { state: submitState, retryNow } = useSubmission(submission, {
    onDone: () => {
      if (draftRef.current) save(markSubmitted(draftRef.current, nowIso()));
      setSubmitted(true);
    },
    onInvalid: (found) => {
      if (draftRef.current) save(reopenDraft(draftRef.current, nowIso()));
      setIssues(found);
      setSubmission(null);
    },
  });

  const onProgress = useCallback(
    (data: Record<string, unknown>, shownPageNo: number) => {
      const before = draftRef.current;
      if (!before) return;
      if (shownPageNo !== before.pageNo) setMovedOn(true);
      setPageNo(shownPageNo);
      save(recordProgress(before, data, shownPageNo, nowIso()));
    },
    [save],
  );

  const onRunnerReady = useCallback(
    () => keepForOffline(token, { questionnaire: questionnaire !== inline }),
    [token, questionnaire, inline],
  );

  const onLightChange = useCallback(
    (data: Record<string, unknown>) => {
      setLightData(data);
      onProgress(data, 0);
    },
    [onProgress],
  );

  /** Another household member on the same phone: a new draft with a new id, as if newly scanned. */
  const fillAnother = useCallback(() => {
    draftRef.current = null;
    setIssues(null);
    setSubmission(null);
    setResumed(null);
    setLightData(null);
    setPageNo(0);
    setMovedOn(false);
    setSubmitted(false);
    window.scrollTo(0, 0);
  }, []);

  const onComplete = useCallback(
    (data: Record<string, unknown>) => {
      if (!draftRef.current) return;
      const draft = markCompleted(draftRef.current, data, nowIso());
      save(draft);
      setIssues(null);
      setSubmission(toSubmission(draft, token, getDeviceId()));
      window.scrollTo(0, 0);
    },
    [save, token],
  );

  return (
    <div className={large ? "respondent respondent--large" : "respondent"}>
      <RespondentHeader
        unitName={unitName}
        compact={!submitted && submission === null && pageNo > 0}
        largeText={large}
        onToggleLargeText={toggleLarge}
      />
      <main className="respondent__body">
        {submitted ? (
          <ThankYou onFillAnother={fillAnother} />
        ) : (
          <>
            {submission && <SubmitStatus state={submitState} onRetryNow={retryNow} />}
            {!submission && <LoadStatus state={loadState} onReload={reload} />}
            {questionnaire && resumed && (
              <div hidden={submission !== null}>
                {resumed.versionChanged ? (
                  <p className="notice notice-info">{texts.respondent.versionChanged}</p>
                ) : (
                  resumed.restored &&
                  !issues &&
                  !movedOn && (
                    <p className="notice notice-info" role="status">
                      {texts.respondent.draftRestored}
                    </p>
                  )
                )}
                {/* Told before the first question, on the first page only: later pages belong to the questions. */}
                {questionnaire.privacyNotice && pageNo === 0 && (
                  <PrivacyNotice summary={questionnaire.privacyNotice.summary} full={questionnaire.privacyNotice.full} />
                )}
                <Suspense
                  fallback={
                    // The first page as plain inputs while SurveyJS loads, on a fresh first page
                    // of the version the server rendered it for.
                    light && resumed.draft.pageNo === 0 && !issues && questionnaire === inline ? (
                      <LightFirstPageForm page={light.page} initialData={lightData ?? resumed.draft.data} onChange={onLightChange} />
                    ) : (
                      <MessagePanel title={texts.respondent.loadingQuestions} />
                    )
                  }
                >
                  <LazySurveyRunner
                    json={questionnaire.survey.json}
                    initialData={lightData ?? resumed.draft.data}
                    initialPageNo={resumed.draft.pageNo}
                    dropStaleAnswers={resumed.versionChanged}
                    issues={issues}
                    onProgress={onProgress}
                    onComplete={onComplete}
                    onReady={onRunnerReady}
                  />
                </Suspense>
              </div>
            )}
          </>
        )}
      </main>
    </div>
  );
}

function LoadStatus({ state, onReload }: { state: QuestionnaireState; onReload: () => void }) {
  const { kind } = state;
  if (state.kind === "closed") return <PosterClosed code={state.code} message={state.message} />;
  if (kind === "loading") {
    return (
      <MessagePanel title={texts.respondent.loading}>
        <div className="spinner" aria-hidden="true" />
      </MessagePanel>
    );
  }
  if (kind === "invalid-token") {
    return (
      <MessagePanel tone="error" title={texts.respondent.invalidTokenTitle}>
        <p>{texts.respondent.invalidTokenBody}</p>
      </MessagePanel>
    );
  }
  if (kind === "failed") {
    return (
      <MessagePanel tone="error" title={texts.respondent.loadFailedTitle}>
        <p>{texts.respondent.loadFailedBody}</p>
        <button type="button" className="button" onClick={onReload}>
          {texts.respondent.reload}
        </button>
      </MessagePanel>
    );
  }
  return null;
}
