import { useEffect, useRef, useState } from "react";
import { ApiError, errorText } from "../../../lib/http";
import { texts } from "../../../lib/i18n";
import { getDraft, getDraftDiff, publishDraft } from "../api/drafts";
import type { DraftDiff, Problem } from "../types";

const T = texts.surveyEditor.publish;

type Step =
  | { kind: "preparing" }
  | { kind: "ready"; diff: DraftDiff | null }
  | { kind: "publishing"; diff: DraftDiff | null }
  | { kind: "refused"; message: string; problems: Problem[] }
  | { kind: "failed"; message: string };

/**
 * Publishing: the pending edits are saved first, then the dialog shows what changes against the
 * published version and warns when a metric question's meaning changed (figures before and after
 * are not comparable). A draft with errors is refused by the server, which says why.
 */
export function PublishDialog({
  draftId,
  baseVersion,
  flush,
  onPublished,
  onRefused,
  onClose,
}: {
  draftId: string;
  baseVersion: number | null;
  flush: () => Promise<boolean>;
  onPublished: (version: number) => void;
  onRefused: (problems: Problem[]) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<Step>({ kind: "preparing" });
  useEffect(() => {
    ref.current?.showModal();
    let live = true;
    void (async () => {
      try {
        if (!(await flush())) throw new Error(T.saveFirst);
        // The saved draft's own checks: with errors there is nothing to confirm.
        const errors = (await getDraft(draftId)).problems.filter((p) => p.level === "error");
        if (errors.length > 0) {
          if (live) setStep({ kind: "refused", message: texts.surveyEditor.problems.blocked, problems: errors });
          return;
        }
        const diff = baseVersion === null ? null : await getDraftDiff(draftId);
        if (live) setStep({ kind: "ready", diff });
      } catch (e) {
        if (live) setStep({ kind: "failed", message: errorText(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [draftId, baseVersion, flush]);

  async function publish(diff: DraftDiff | null) {
    setStep({ kind: "publishing", diff });
    try {
      const published = await publishDraft(draftId);
      onPublished(published.version);
    } catch (e) {
      if (e instanceof ApiError && e.code === "draft_invalid") {
        // The refusal lists the problems too; the draft's own read has them with their questions.
        const problems = (await getDraft(draftId).catch(() => null))?.problems ?? [];
        onRefused(problems);
        setStep({ kind: "refused", message: e.message, problems: problems.filter((p) => p.level === "error") });
      } else setStep({ kind: "failed", message: errorText(e) });
    }
  }

  const diff = step.kind === "ready" || step.kind === "publishing" ? step.diff : null;
  return (
    <dialog ref={ref} className="se-dialog" aria-labelledby="se-publish-title" onClose={onClose}>
      <h3 id="se-publish-title">{T.title}</h3>
      {step.kind === "preparing" && <p role="status">{texts.admin.loading}</p>}
      {diff && <p>{T.summary(diff.diff.added.length, diff.diff.removed.length, diff.diff.changed.length)}</p>}
      {diff && diff.meaningChanged.length > 0 && (
        <div className="notice notice-warning" role="alert" data-testid="meaning-warning">
          <p>
            <strong>{T.meaningWarning}</strong>
          </p>
          <p>{T.meaningList}：</p>
          <ul>
            {diff.meaningChanged.map((name) => (
              <li key={name}>
                {diff.diff.changed.find((q) => q.name === name)?.title ?? name}（{name}）
              </li>
            ))}
          </ul>
        </div>
      )}
      {step.kind === "refused" && (
        <div className="notice notice-warning" role="alert" data-testid="publish-refused">
          <p>
            <strong>{T.invalid}</strong>
            {step.message}
          </p>
          <ul>
            {step.problems.map((p, i) => (
              // The server's message names the question already.
              // biome-ignore lint/suspicious/noArrayIndexKey: the refusal's list, shown once
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {step.kind === "failed" && (
        <p className="admin-error" role="alert">
          {step.message}
        </p>
      )}
      <div className="admin-actions">
        {(step.kind === "ready" || step.kind === "publishing") && (
          <button type="button" className="button" disabled={step.kind === "publishing"} onClick={() => void publish(step.diff)}>
            {step.kind === "publishing" ? T.publishing : T.confirm}
          </button>
        )}
        <button type="button" className="button button--ghost" onClick={() => ref.current?.close()}>
          {T.cancel}
        </button>
      </div>
    </dialog>
  );
}
