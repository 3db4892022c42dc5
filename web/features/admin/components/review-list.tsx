import { useEffect, useState } from "react";
import { errorText } from "../../../lib/http";
import { LabelledAnswers, ResponseSource } from "./labelled-answers";
import { texts } from "../../../lib/i18n";
import { reviewResponse, reviewResponses } from "../api/flagged";
import type { FlaggedResponse, ReviewDecision } from "../types";

const T = texts.admin.flagged;
/** The server's bound on one review (MAX_REVIEW_BATCH): one transaction, all or nothing. */
export const MAX_BULK_REVIEW = 500;

/**
 * Responses to review, each with its own decision, plus checkboxes, 全选 and one reason for a
 * bulk decision. A bulk decision is one request: all of them change, or none.
 */
export function ReviewList({ items, onDone }: { items: FlaggedResponse[]; onDone: () => void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A reloaded list keeps only the selections that are still on it.
  useEffect(() => setSelected((s) => new Set(items.filter((i) => s.has(i.id)).map((i) => i.id))), [items]);

  const allSelected = items.length > 0 && items.every((i) => selected.has(i.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  async function decideAll(decision: ReviewDecision) {
    setNote(null);
    if (selected.size === 0) return setError(T.noneSelected);
    if (selected.size > MAX_BULK_REVIEW) return setError(T.tooMany(MAX_BULK_REVIEW));
    if (reason.trim().length < 2) return setError(T.reasonRequired);
    setError(null);
    setBusy(true);
    try {
      const done = await reviewResponses([...selected], decision, reason.trim());
      setNote(T.bulkDone(done.reviewed, decision));
      setSelected(new Set());
      setReason("");
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  // The list may empty itself after a bulk decision (the pending ones are done): the note stays.
  if (items.length === 0)
    return note ? (
      <p className="admin-ok" role="status">
        {note}
      </p>
    ) : null;
  return (
    <>
      <div className="admin-row review-bulk" data-testid="review-bulk">
        <label>
          <input
            type="checkbox"
            checked={allSelected}
            onChange={() => setSelected(allSelected ? new Set() : new Set(items.map((i) => i.id)))}
          />
          {T.selectAll}
        </label>
        <span className="admin-muted">{T.selected(selected.size)}</span>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={T.bulkReasonPlaceholder}
          size={40}
          aria-label={T.bulkReasonPlaceholder}
        />
        <button className="button" type="button" disabled={busy} onClick={() => void decideAll("include")}>
          {T.bulkInclude}
        </button>
        <button className="button button--ghost" type="button" disabled={busy} onClick={() => void decideAll("exclude")}>
          {T.bulkExclude}
        </button>
      </div>
      {error && <p className="admin-error">{error}</p>}
      {note && (
        <p className="admin-ok" role="status">
          {note}
        </p>
      )}
      <ul className="flagged-list">
        {items.map((r) => (
          <ReviewItem key={r.id} item={r} checked={selected.has(r.id)} onToggle={() => toggle(r.id)} onDone={onDone} />
        ))}
      </ul>
    </>
  );
}

function ReviewItem({
  item,
  checked,
  onToggle,
  onDone,
}: {
  item: FlaggedResponse;
  checked: boolean;
  onToggle: () => void;
  onDone: () => void;
}) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  async function decide(decision: ReviewDecision) {
    if (reason.trim().length < 2) return setError(T.reasonRequired);
    setError(null);
    try {
      await reviewResponse(item.id, decision, reason.trim());
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  }
  return (
    <li className="flagged-item" data-response={item.id}>
      <div className="admin-row">
        <input type="checkbox" checked={checked} onChange={onToggle} aria-label={T.select(item.id)} />
        <strong>{item.unitName}</strong>
        <ResponseSource surveyId={item.surveyId} version={item.surveyVersion} channel={item.channel} />
        <span>
          {T.received} {new Date(item.receivedAt).toLocaleString("zh-CN")}
        </span>
        <span>{T.duration(item.durationSeconds)}</span>
        <span className={item.flagged ? "admin-error" : "admin-ok"}>{item.flagged ? T.notCounted : T.counted}</span>
      </div>
      <div className="admin-row">
        <code className="admin-muted">{item.id}</code>
        {item.flagReasons.length > 0 && (
          <>
            {T.flags}：
            {item.flagReasons.map((r) => (
              <span key={r} className="badge">
                {T.reasons[r] ?? r}
              </span>
            ))}
          </>
        )}
        <span className="admin-muted">
          {T.device} {item.deviceId}
        </span>
      </div>
      {item.reviewDecision && (
        <p className="admin-muted">{T.decided(item.reviewDecision, item.reviewedBy ?? "", item.reviewReason ?? "")}</p>
      )}
      <details>
        <summary>{T.answers}</summary>
        <LabelledAnswers surveyId={item.surveyId} version={item.surveyVersion} answers={item.answers} />
      </details>
      <div className="admin-row">
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={T.reasonPlaceholder}
          size={40}
          aria-label={T.reasonPlaceholder}
        />
        <button className="button" type="button" onClick={() => void decide("include")}>
          {T.include}
        </button>
        <button className="button button--ghost" type="button" onClick={() => void decide("exclude")}>
          {T.exclude}
        </button>
      </div>
      {error && <p className="admin-error">{error}</p>}
    </li>
  );
}
