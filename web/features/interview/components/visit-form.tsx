import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { getDeviceId } from "../../../lib/device-id";
import { uuidV7 } from "../../../lib/uuid";
import { currentFix, requestFix } from "../lib/geolocation";
import type { InterviewDb, InterviewDraft } from "../lib/interview-db";
import { newQueueItem } from "../sync/queue-item";
import type { QueueItem, VisitOutcome } from "../sync/types";
import type { WorkArea } from "../types";
import { useRegister } from "../hooks/use-register";
import type { TabletDoor } from "../lib/revisits";
import { DoorPicker } from "./door-picker";
import { RevisitList } from "./revisit-list";

const OTHER_OUTCOMES: Exclude<VisitOutcome, "completed">[] = ["refused", "not_home", "vacant", "not_eligible"];

/**
 * One door: the household label, then 完成 (opens the questionnaire, saved as a draft from the
 * first tap) or another outcome (saved to the queue at once).
 */
export function VisitForm(props: {
  db: InterviewDb;
  owner: string;
  area: WorkArea;
  /** The label to start with (an undone visit's, to record it again with the right outcome). */
  initialHousehold?: string;
  onStartInterview: (draft: InterviewDraft) => void;
  onSaved: (item: QueueItem, message: string) => Promise<void>;
  /** The tablet's queue, folded into the register's attempts (待回访 works offline). */
  items: QueueItem[];
}) {
  const { db, owner, area } = props;
  const [household, setHousehold] = useState(props.initialHousehold ?? "");
  // The register door chosen (issue 16); typing another household label lets go of it.
  const [door, setDoor] = useState<TabletDoor | null>(null);
  const register = useRegister(db, owner, area.unitCode, props.items);
  const doorKind = area.survey.audience === "shopkeeper" ? "shop" : "household";
  const doorFields = () => ({ registerEntryId: door?.id ?? null, newDoor: door?.newDoor ?? null });
  function pickDoor(next: TabletDoor | null) {
    setDoor(next);
    if (next) setHousehold(next.label);
    setError(null);
  }
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function label(): string | null {
    const value = household.trim();
    if (!value) setError(texts.interview.householdRequired);
    return value || null;
  }

  async function start() {
    const value = label();
    if (!value) return;
    const fix = currentFix();
    const draft: InterviewDraft = {
      owner,
      visitId: uuidV7(),
      responseId: uuidV7(),
      unitCode: area.unitCode,
      unitName: area.unitName,
      surveyId: area.survey.id,
      surveyVersion: area.survey.version,
      household: value,
      startedAt: new Date().toISOString(),
      data: {},
      pageNo: 0,
      location: fix ? { latitude: fix.latitude, longitude: fix.longitude, accuracyM: fix.accuracyM } : null,
      ...doorFields(),
    };
    await db.putDraft(draft);
    setHousehold("");
    setDoor(null);
    props.onStartInterview(draft);
  }

  async function record(outcome: Exclude<VisitOutcome, "completed">) {
    const value = label();
    if (!value || busy) return;
    setBusy(true);
    const fix = currentFix();
    const now = new Date();
    const item = newQueueItem({
      owner,
      unitName: area.unitName,
      now,
      response: null,
      visit: {
        id: uuidV7(),
        unitCode: area.unitCode,
        surveyId: area.survey.id,
        household: value,
        outcome,
        responseId: null,
        visitedAt: now.toISOString(),
        deviceId: getDeviceId(),
        durationMs: null,
        latitude: fix?.latitude ?? null,
        longitude: fix?.longitude ?? null,
        accuracyM: fix?.accuracyM ?? null,
        ...doorFields(),
      },
    });
    try {
      await props.onSaved(item, texts.interview.saved(value, texts.interview.outcomes[outcome]));
      setHousehold("");
      setDoor(null);
      requestFix();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="iv-card" aria-labelledby="iv-visit-title">
      <h2 id="iv-visit-title">{texts.interview.newVisit}</h2>
      <label className="field">
        <span className="field__label">{texts.interview.household}</span>
        <input
          name="household"
          value={household}
          placeholder={texts.interview.householdPlaceholder}
          onChange={(e) => {
            setHousehold(e.target.value);
            if (door && e.target.value !== door.label) setDoor(null);
            setError(null);
          }}
          maxLength={200}
        />
      </label>
      <DoorPicker register={register} owner={owner} kind={doorKind} typed={household} selected={door} onPick={pickDoor} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="iv-outcomes">
        <button type="button" className="button iv-outcome-button iv-outcome-button--completed" onClick={() => void start()}>
          {texts.interview.startInterview}
        </button>
        {OTHER_OUTCOMES.map((outcome) => (
          <button
            key={outcome}
            type="button"
            className="button button--secondary iv-outcome-button"
            disabled={busy}
            onClick={() => void record(outcome)}
          >
            {texts.interview.outcomes[outcome]}
          </button>
        ))}
      </div>
      {register.status === "ready" && (
        <RevisitList doors={register.doors.filter((d) => d.kind === doorKind)} attemptLimit={register.attemptLimit} onPick={pickDoor} />
      )}
    </section>
  );
}
