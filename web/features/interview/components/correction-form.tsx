import { useId, useState } from "react";
import { texts } from "../../../lib/i18n";
import type { VisitCorrection } from "../sync/sync-engine";
import type { QueueItem, VisitOutcome } from "../sync/types";

const OUTCOMES: Exclude<VisitOutcome, "completed">[] = ["refused", "not_home", "vacant", "not_eligible"];

/**
 * Edits an unsent visit in place (same client id): the household label, and the outcome between
 * those without a questionnaire. A 完成 keeps its outcome (its answers belong to it).
 */
export function CorrectionForm(props: { item: QueueItem; onSave: (patch: VisitCorrection) => Promise<void>; onCancel: () => void }) {
  const { visit } = props.item;
  const [household, setHousehold] = useState(visit.household);
  const [outcome, setOutcome] = useState(visit.outcome);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function save() {
    setBusy(true);
    try {
      await props.onSave({
        household,
        ...(outcome !== "completed" && outcome !== visit.outcome ? { outcome } : {}),
      });
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
        void save();
      }}
    >
      <h3 id={`${id}-title`}>{texts.interview.correctTitle(visit.household)}</h3>
      <label className="field">
        <span className="field__label">{texts.interview.household}</span>
        <input name="correct-household" value={household} maxLength={200} onChange={(e) => setHousehold(e.target.value)} />
      </label>
      {visit.outcome !== "completed" && (
        <fieldset className="iv-edit__outcomes">
          <legend className="field__label">{texts.interview.outcome}</legend>
          {OUTCOMES.map((o) => (
            <label key={o} className="iv-radio">
              <input type="radio" name={`${id}-outcome`} value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
              {texts.interview.outcomes[o]}
            </label>
          ))}
        </fieldset>
      )}
      <div className="iv-edit__actions">
        <button type="submit" className="button button--small" disabled={busy || !household.trim()}>
          {texts.interview.saveCorrection}
        </button>
        <button type="button" className="button button--small button--secondary" onClick={props.onCancel}>
          {texts.interview.cancel}
        </button>
      </div>
    </form>
  );
}
