import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { texts } from "../../../lib/i18n";
import { getDeviceId } from "../../../lib/device-id";
import { getSurveyVersion } from "../lib/catalog";
import { consentedFix, requestFix } from "../lib/geolocation";
import type { InterviewDb, InterviewDraft } from "../lib/interview-db";
import { emptyParadata, finishParadata, pageShown, resumed, valueSet } from "../lib/paradata";
import { newQueueItem } from "../sync/queue-item";
import type { QueueItem } from "../sync/types";
import type { SurveyDefinition } from "../types";
import { OpeningScript } from "./opening-script";

/** SurveyJS is ~350 kB gzipped: its own chunk, precached by the service worker for offline use. */
const InterviewRunner = lazy(() => import("./interview-runner"));

/**
 * A 完成 visit in progress: the 开场白 on the first page of a new interview, the questionnaire in
 * interview mode, every answer written to the draft, and on completion the visit and its
 * response saved to the queue in one transaction. Declined at the opening, it is saved as 拒访.
 */
export function InterviewSession(props: {
  db: InterviewDb;
  draft: InterviewDraft;
  notice: string | null;
  /** The 开场白's sentence about GPS, while this tablet records positions (null: it does not). */
  gpsStatement: string | null;
  onDone: (item: QueueItem | null, message: string | null) => void;
}) {
  const { db } = props;
  // A reopened draft's page clock restarts: the time the app stood closed is not time on the page.
  const draft = useRef({ ...props.draft, paradata: resumed(props.draft.paradata ?? emptyParadata(), Date.now()) });
  const [survey, setSurvey] = useState<SurveyDefinition | null | "failed">(null);
  // A resumed interview is past its opening.
  const [opening, setOpening] = useState(() => props.draft.pageNo === 0 && Object.keys(props.draft.data).length === 0);

  useEffect(() => {
    let cancelled = false;
    getSurveyVersion(db, draft.current.surveyId, draft.current.surveyVersion).then(
      (s) => !cancelled && setSurvey(s),
      () => !cancelled && setSurvey("failed"),
    );
    return () => {
      cancelled = true;
    };
  }, [db]);

  function progress(data: Record<string, unknown>, pageNo: number) {
    if (pageNo > 0) setOpening(false);
    draft.current = { ...draft.current, data, pageNo };
    void db.putDraft(draft.current);
  }

  function shown(page: string) {
    draft.current = { ...draft.current, paradata: pageShown(draft.current.paradata, page, Date.now()) };
  }

  function answered(question: string) {
    draft.current = { ...draft.current, paradata: valueSet(draft.current.paradata, question) };
  }

  async function complete(data: Record<string, unknown>) {
    const d = { ...draft.current, data };
    const completedAt = new Date();
    const paradata = finishParadata(d.paradata, completedAt.getTime());
    // A position taken at the door, else one from during the interview; none without consent.
    const fix = consentedFix(d.location);
    const deviceId = getDeviceId();
    const item = newQueueItem({
      owner: d.owner,
      unitName: d.unitName,
      now: completedAt,
      visit: {
        id: d.visitId,
        unitCode: d.unitCode,
        surveyId: d.surveyId,
        household: d.household,
        outcome: "completed",
        responseId: d.responseId,
        visitedAt: d.startedAt,
        deviceId,
        durationMs: Math.max(0, completedAt.getTime() - Date.parse(d.startedAt)),
        latitude: fix?.latitude ?? null,
        longitude: fix?.longitude ?? null,
        accuracyM: fix?.accuracyM ?? null,
        registerEntryId: d.registerEntryId ?? null,
        newDoor: d.newDoor ?? null,
      },
      response: {
        id: d.responseId,
        surveyId: d.surveyId,
        surveyVersion: d.surveyVersion,
        channel: "interview",
        answers: data,
        startedAt: d.startedAt,
        completedAt: completedAt.toISOString(),
        deviceId,
        unitCode: d.unitCode,
        ...(paradata ? { paradata } : {}),
      },
    });
    await db.commitInterview(item);
    requestFix();
    props.onDone(item, texts.interview.saved(d.household, texts.interview.outcomes.completed));
  }

  /** The person declined before the first question: the door counts as 拒访, nothing answered. */
  async function declined() {
    const d = draft.current;
    const now = new Date();
    const fix = consentedFix(d.location);
    const item = newQueueItem({
      owner: d.owner,
      unitName: d.unitName,
      now,
      response: null,
      visit: {
        id: d.visitId,
        unitCode: d.unitCode,
        surveyId: d.surveyId,
        household: d.household,
        outcome: "refused",
        responseId: null,
        visitedAt: d.startedAt,
        deviceId: getDeviceId(),
        durationMs: null,
        latitude: fix?.latitude ?? null,
        longitude: fix?.longitude ?? null,
        accuracyM: fix?.accuracyM ?? null,
        registerEntryId: d.registerEntryId ?? null,
        newDoor: d.newDoor ?? null,
      },
    });
    await db.commitInterview(item);
    requestFix();
    props.onDone(item, texts.interview.saved(d.household, texts.interview.outcomes.refused));
  }

  async function abandon() {
    if (!window.confirm(texts.interview.abandonConfirm)) return;
    await db.deleteDraft(draft.current.owner);
    props.onDone(null, null);
  }

  return (
    <section className="iv-card iv-session">
      <div className="iv-session__head">
        <h2 data-testid="interview-title">{texts.interview.interviewing(draft.current.household, draft.current.unitName)}</h2>
        <button type="button" className="button button--small button--secondary" onClick={() => void abandon()}>
          {texts.interview.abandon}
        </button>
      </div>
      {props.notice && <p className="notice iv-notice">{props.notice}</p>}
      {opening && (
        <OpeningScript
          unitName={draft.current.unitName}
          surveyTitle={survey && survey !== "failed" ? survey.title : null}
          gpsStatement={props.gpsStatement}
          onRefused={() => void declined()}
        />
      )}
      <p className="iv-muted">{texts.interview.notReadHint}</p>
      {survey === null && <p className="iv-muted">{texts.respondent.loadingQuestions}</p>}
      {survey === "failed" && <p className="notice notice-warning">{texts.interview.surveyUnavailable}</p>}
      {survey && survey !== "failed" && (
        <Suspense fallback={<p className="iv-muted">{texts.respondent.loadingQuestions}</p>}>
          <InterviewRunner
            json={survey.json}
            initialData={draft.current.data}
            initialPageNo={draft.current.pageNo}
            onProgress={progress}
            onComplete={(data) => void complete(data)}
            onPageShown={shown}
            onValueSet={answered}
          />
        </Suspense>
      )}
    </section>
  );
}
