import { useState } from "react";
import { texts } from "../../../app/texts";
import { listFlagged, reviewFlagged } from "../api/flagged";
import { useLoad } from "../lib/use-load";
import type { FlaggedResponse, ReviewStatus } from "../types";

const T = texts.admin.flagged;
const STATUSES: ReviewStatus[] = ["pending", "included", "excluded", "all"];

/** Flagged responses; each can be counted or left out, with a reason that goes to the audit log. */
export function FlaggedPanel() {
  const [status, setStatus] = useState<ReviewStatus>("pending");
  const list = useLoad(() => listFlagged(status), [status]);
  return (
    <section className="admin-panel">
      <div className="admin-row" role="tablist">
        {T.status}
        {STATUSES.map((s) => (
          <button key={s} type="button" className={s === status ? "button" : "button button--ghost"} onClick={() => setStatus(s)}>
            {T.statuses[s]}
          </button>
        ))}
      </div>
      {list.error && <p className="admin-error">{texts.admin.loadFailed(list.error)}</p>}
      {list.data && list.data.length === 0 && <p className="admin-muted">{T.empty}</p>}
      <ul className="flagged-list">
        {list.data?.map((r) => <FlaggedItem key={r.id} item={r} onDone={list.reload} />)}
      </ul>
    </section>
  );
}

function FlaggedItem({ item, onDone }: { item: FlaggedResponse; onDone: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  async function decide(decision: "include" | "exclude") {
    if (reason.trim().length < 2) return setError(T.reasonRequired);
    setError(null);
    try {
      await reviewFlagged(item.id, decision, reason.trim());
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }
  return (
    <li className="flagged-item" data-response={item.id}>
      <div className="admin-row">
        <strong>{item.unitName}</strong>
        <span>{item.surveyId} v{item.surveyVersion} · {item.channel}</span>
        <span>{T.received} {new Date(item.receivedAt).toLocaleString("zh-CN")}</span>
        <span>{T.duration(item.durationSeconds)}</span>
        <span className={item.flagged ? "admin-error" : "admin-ok"}>{item.flagged ? T.notCounted : T.counted}</span>
      </div>
      <div className="admin-row">
        {T.flags}：{item.flagReasons.map((r) => <span key={r} className="badge">{T.reasons[r] ?? r}</span>)}
        <span className="admin-muted">{T.device} {item.deviceId}</span>
      </div>
      {item.reviewDecision && <p className="admin-muted">{T.decided(item.reviewDecision, item.reviewedBy ?? "", item.reviewReason ?? "")}</p>}
      <details>
        <summary>{T.answers}</summary>
        <pre className="admin-json">{JSON.stringify(item.answers, null, 1)}</pre>
      </details>
      <div className="admin-row">
        <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={T.reasonPlaceholder} size={40} aria-label={T.reasonPlaceholder} />
        <button className="button" type="button" onClick={() => void decide("include")}>{T.include}</button>
        <button className="button button--ghost" type="button" onClick={() => void decide("exclude")}>{T.exclude}</button>
      </div>
      {error && <p className="admin-error">{error}</p>}
    </li>
  );
}
