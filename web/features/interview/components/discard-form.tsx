import { useId, useState } from "react";
import { texts } from "../../../lib/i18n";
import type { QueueItem } from "../sync/types";

/** Asks why a refused item is given up; the reason goes to the server's audit log first. */
export function DiscardForm(props: { item: QueueItem; onDiscard: (reason: string) => Promise<string | null>; onCancel: () => void }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      setError(await props.onDiscard(reason));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="iv-edit"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${id}-title`}>{texts.interview.discardTitle(props.item.visit.household)}</h3>
      <label className="field">
        <span className="field__label">{texts.interview.discardReason}</span>
        <textarea
          name="discard-reason"
          rows={2}
          maxLength={500}
          value={reason}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <p id={`${id}-hint`} className="iv-muted">
        {texts.interview.discardReasonHint}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="iv-edit__actions">
        <button type="submit" className="button button--small button--danger" disabled={busy || reason.trim().length < 2}>
          {texts.interview.confirmDiscard}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={props.onCancel}>
          {texts.interview.cancel}
        </button>
      </div>
    </form>
  );
}
