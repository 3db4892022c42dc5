import { useEffect, useState } from "react";
import { texts } from "../../../lib/i18n";
import { useSyncEngine } from "../hooks/use-sync-engine";
import { warmCatalog } from "../lib/catalog";
import { requestFix } from "../lib/geolocation";
import type { InterviewDb, InterviewDraft } from "../lib/interview-db";
import type { InterviewUser, WorkArea } from "../types";
import { AreaPicker } from "./area-picker";
import { AttentionList } from "./attention-list";
import { InterviewSession } from "./interview-session";
import { StatusBar } from "./status-bar";
import { VisitForm } from "./visit-form";
import { VisitList } from "./visit-list";

const areaKey = (owner: string) => `area:${owner}`;

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

  useEffect(() => {
    let cancelled = false;
    void Promise.all([db.getMeta<WorkArea>(areaKey(user.username)), db.getDraft(user.username)]).then(([a, d]) => {
      if (cancelled) return;
      setArea(a ?? null);
      setDraft(d ?? null);
      if (d) setNotice(texts.interview.resumeDraft);
    });
    requestFix();
    warmCatalog(db, user.scope).catch(() => {
      // Offline: whatever was stored before is used.
    });
    return () => {
      cancelled = true;
    };
  }, [db, user]);

  if (area === undefined || draft === undefined) return <p className="page-status">{texts.common.loading}</p>;

  return (
    <div className="iv-app">
      <header className="iv-header">
        <span className="iv-header__title">{texts.interview.title}</span>
        <span className="iv-header__user">
          {user.username}（{texts.auth.roles[user.role]}）
        </span>
        <button type="button" className="iv-link" onClick={props.onLogout}>
          {texts.interview.logout}
        </button>
      </header>
      <StatusBar
        snapshot={snapshot}
        onSyncNow={() => void engine.syncNow()}
        onLoginAgain={() => props.onSessionExpired(snapshot.pending)}
      />
      <main className="iv-main">
        {draft ? (
          <InterviewSession
            db={db}
            draft={draft}
            notice={notice}
            onDone={(item, message) => {
              setDraft(null);
              setNotice(message);
              if (item) void engine.enqueue(item, true);
            }}
          />
        ) : (
          <>
            {notice && (
              <p className="notice iv-notice" role="status">
                {notice}
              </p>
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
                db={db}
                owner={user.username}
                area={area}
                onStartInterview={(d) => {
                  setNotice(null);
                  setDraft(d);
                }}
                onSaved={async (item, message) => {
                  await engine.enqueue(item);
                  setNotice(message);
                }}
              />
            )}
            <AttentionList items={snapshot.items} onRetry={(id) => void engine.retry(id)} />
            <VisitList items={snapshot.items} />
          </>
        )}
      </main>
    </div>
  );
}
