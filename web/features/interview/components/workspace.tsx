import { useCallback, useEffect, useState } from "react";
import { texts } from "../../../lib/i18n";
import { useSyncEngine } from "../hooks/use-sync-engine";
import { getPrivacyNotice, warmCatalog } from "../lib/catalog";
import { requestFix, setGpsConsent } from "../lib/geolocation";
import type { PrivacyNotice } from "../../../../server/contracts/privacy-notice-defaults";
import type { InterviewDb, InterviewDraft } from "../lib/interview-db";
import type { VisitCorrection } from "../sync/sync-engine";
import type { QueueItem } from "../sync/types";
import type { InterviewUser, WorkArea } from "../types";
import { AreaPicker } from "./area-picker";
import { AttentionList } from "./attention-list";
import { ReturnedList } from "./returned-list";
import { DaySummary } from "./day-summary";
import { GpsConsent, type GpsConsentAnswer } from "./gps-consent";
import { InterviewSession } from "./interview-session";
import { QuotaCard } from "./quota-card";
import { RecordedNotice, UNDO_MS } from "./recorded-notice";
import { StatusBar } from "./status-bar";
import { VisitForm } from "./visit-form";
import { VisitList } from "./visit-list";

const areaKey = (owner: string) => `area:${owner}`;
/** The GPS consent answer of one user on this tablet, kept until they sign out. */
export const gpsConsentKey = (owner: string) => `gpsConsent:${owner}`;

/** One interviewer's day: status bar, where they work, new visits, 需处理 and the list of visits. */
export function Workspace(props: {
  db: InterviewDb;
  user: InterviewUser;
  onLogout: () => void;
  onSessionExpired: (pending: number) => void;
}) {
  const { db, user } = props;
  const { engine, snapshot } = useSyncEngine(db, user.username);
  const [area, setArea] = useState<WorkArea | null | undefined>(undefined);
  const [draft, setDraft] = useState<InterviewDraft | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  /** The visit just recorded without a questionnaire, undoable until `until`. */
  const [undoable, setUndoable] = useState<{ item: QueueItem; until: number } | null>(null);
  /** Bumped to remount the visit form, prefilled with an undone visit's household. */
  const [form, setForm] = useState({ key: 0, household: "" });
  const endUndo = useCallback(() => setUndoable(null), []);
  const [consent, setConsent] = useState<GpsConsentAnswer | null | undefined>(undefined);
  const [privacy, setPrivacy] = useState<PrivacyNotice | null>(null);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([
      db.getMeta<WorkArea>(areaKey(user.username)),
      db.getDraft(user.username),
      db.getMeta<GpsConsentAnswer>(gpsConsentKey(user.username)),
    ]).then(([a, d, c]) => {
      if (cancelled) return;
      setArea(a ?? null);
      setDraft(d ?? null);
      if (d) setNotice(texts.interview.resumeDraft);
      setGpsConsent(c === "granted");
      setConsent(c ?? null);
      // Asked only after consent: a refused or undecided tablet never requests a position.
      if (c === "granted") requestFix();
    });
    void getPrivacyNotice(db).then((p) => !cancelled && setPrivacy(p));
    warmCatalog(db, user.scope).catch(() => {
      // Offline: whatever was stored before is used.
    });
    return () => {
      cancelled = true;
    };
  }, [db, user]);

  if (area === undefined || draft === undefined || consent === undefined) return <p className="page-status">{texts.common.loading}</p>;

  async function answerConsent(answer: GpsConsentAnswer | null) {
    if (answer) await db.setMeta(gpsConsentKey(user.username), answer);
    else await db.deleteMeta(gpsConsentKey(user.username));
    setGpsConsent(answer === "granted");
    setConsent(answer);
    if (answer === "granted") requestFix();
  }

  /** A visit without a questionnaire was saved: held back for the undo window, then synced. */
  async function recorded(item: QueueItem, message: string, alreadyStored: boolean) {
    await engine.enqueue(item, alreadyStored, { holdMs: UNDO_MS });
    setNotice(message);
    setUndoable({ item, until: Date.now() + UNDO_MS });
  }

  async function undo(item: QueueItem) {
    setUndoable(null);
    if (await engine.undo(item.id)) {
      setNotice(texts.interview.undone(item.visit.household, texts.interview.outcomes[item.visit.outcome]));
      setForm((f) => ({ key: f.key + 1, household: item.visit.household }));
    } else setNotice(texts.interview.undoTooLate);
  }

  async function correct(id: string, patch: VisitCorrection): Promise<boolean> {
    const ok = await engine.correct(id, patch);
    const household = patch.household?.trim() ?? "";
    setNotice(ok ? texts.interview.corrected(household) : texts.interview.correctLocked);
    return ok;
  }

  async function discard(id: string, reason: string): Promise<string | null> {
    const item = snapshot.items.find((i) => i.id === id);
    const result = await engine.discard(id, reason);
    if (result.kind === "discarded") {
      setNotice(texts.interview.discarded(item?.visit.household ?? ""));
      return null;
    }
    if (result.kind === "offline") return texts.interview.discardOffline;
    if (result.kind === "refused") return texts.interview.discardRefused(result.message);
    return texts.interview.correctLocked;
  }

  return (
    <div className="iv-app">
      <header className="iv-header">
        <span className="iv-header__title">{texts.interview.title}</span>
        <span className="iv-header__user">
          {user.username}（{texts.auth.roles[user.role]}）
        </span>
        <button
          type="button"
          className="iv-link"
          onClick={async () => {
            // Consent lasts one sign-in: the next session on this tablet is asked again.
            await db.deleteMeta(gpsConsentKey(user.username));
            setGpsConsent(false);
            props.onLogout();
          }}
        >
          {texts.interview.logout}
        </button>
      </header>
      <StatusBar
        snapshot={snapshot}
        onSyncNow={() => void engine.syncNow()}
        onLoginAgain={() => props.onSessionExpired(snapshot.pending)}
      />
      <main className="iv-main">
        {privacy && <GpsConsent text={privacy.interviewGpsConsent} answer={consent} onAnswer={(a) => void answerConsent(a)} />}
        {draft ? (
          <InterviewSession
            db={db}
            draft={draft}
            notice={notice}
            gpsStatement={consent === "granted" && privacy ? privacy.interviewOpeningGps : null}
            onDone={(item, message) => {
              setDraft(null);
              setNotice(message);
              // Refused at the opening: a visit without a questionnaire, undoable like the others.
              if (item && !item.response && message) void recorded(item, message, true);
              else if (item) void engine.enqueue(item, true);
            }}
          />
        ) : (
          <>
            {undoable && notice ? (
              <RecordedNotice
                key={undoable.item.id}
                message={notice}
                until={undoable.until}
                onUndo={() => void undo(undoable.item)}
                onExpired={endUndo}
              />
            ) : (
              notice && (
                <p className="notice iv-notice" role="status">
                  {notice}
                </p>
              )
            )}
            <AreaPicker
              db={db}
              scope={user.scope}
              area={area}
              onChange={async (next) => {
                await db.setMeta(areaKey(user.username), next);
                setArea(next);
              }}
            />
            {area && (
              <VisitForm
                key={form.key}
                initialHousehold={form.household}
                db={db}
                owner={user.username}
                area={area}
                onStartInterview={(d) => {
                  setNotice(null);
                  setUndoable(null);
                  setDraft(d);
                }}
                onSaved={(item, message) => recorded(item, message, false)}
                items={snapshot.items}
              />
            )}
            <ReturnedList
              returned={snapshot.returned}
              area={area ? { unitCode: area.unitCode, surveyId: area.survey.id } : null}
              onRevisit={(household) => {
                setForm((f) => ({ key: f.key + 1, household }));
                window.scrollTo({ top: 0, behavior: "smooth" });
              }}
            />
            <AttentionList items={snapshot.items} onRetry={(id) => void engine.retry(id)} onCorrect={correct} onDiscard={discard} />
            <DaySummary summary={snapshot.summary} items={snapshot.items} />
            <QuotaCard db={db} owner={user.username} summary={snapshot.summary} items={snapshot.items} lastSyncAt={snapshot.lastSyncAt} />
            <VisitList items={snapshot.items} summary={snapshot.summary} onCorrect={correct} />
          </>
        )}
      </main>
    </div>
  );
}
