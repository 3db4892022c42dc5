import { texts } from "../../../lib/i18n";
import type { DraftEditing } from "../hooks/use-draft-autosave";

const T = texts.surveyEditor.save;

/** 已保存 / 保存中 / 未保存, a failed save's reason, and the two ways out of a revision conflict. */
export function SaveStatus({ editing }: { editing: DraftEditing }) {
  const state = editing.saveState;
  if (state.kind === "conflict") {
    return (
      <div className="se-conflict" role="alert" data-testid="save-status" data-state="conflict">
        <p>{T.conflict}</p>
        <div className="admin-actions">
          <button type="button" className="button button--small" onClick={() => void editing.reload()}>
            {T.reload}
          </button>
          <button type="button" className="button button--small button--ghost" onClick={() => void editing.overwrite()}>
            {T.overwrite}
          </button>
        </div>
      </div>
    );
  }
  const label =
    state.kind === "saved" ? T.saved : state.kind === "saving" ? T.saving : state.kind === "unsaved" ? T.unsaved : T.failed(state.message);
  return (
    <span className={`se-save se-save--${state.kind}`} role="status" data-testid="save-status" data-state={state.kind}>
      {label}
      {state.kind === "failed" && (
        <button type="button" className="button button--small button--ghost" onClick={() => void editing.flush()}>
          {T.retry}
        </button>
      )}
    </span>
  );
}
