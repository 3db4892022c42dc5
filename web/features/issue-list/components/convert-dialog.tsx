import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { texts } from "../../../lib/i18n";
import { ApiError } from "../../../lib/http";
import { createIssueItem } from "../api/issue-list-api";
import type { Comment } from "../types";
import { UnitPicker } from "./unit-picker";

const T = texts.issueList;

export const errorText = (e: unknown) => T.saveFailed(e instanceof ApiError ? e.message : T.network);

/** "转为问题清单": a title, the unit to hand it to (default: the comment's own), a due date, a first note. */
export function ConvertDialog({ comment, scope, onClose }: { comment: Comment; scope: string; onClose: (createdId?: number) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState(comment.text.slice(0, 40));
  const [unit, setUnit] = useState({ code: comment.unit.code, name: comment.unit.name });
  const [dueDate, setDueDate] = useState("");
  const [note, setNote] = useState("");
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: () =>
      createIssueItem({
        title,
        unitCode: unit.code,
        source: { responseId: comment.responseId, question: comment.question.name },
        ...(dueDate ? { dueDate } : {}),
        ...(note.trim() ? { note } : {}),
      }),
    onSuccess: async (item) => {
      await client.invalidateQueries({ queryKey: ["issue-list"] });
      onClose(item.id);
    },
  });

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  return (
    <dialog ref={ref} className="issue-dialog" aria-labelledby="convert-title" onCancel={() => onClose()}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h2 id="convert-title">{T.convertTitle}</h2>
        <blockquote className="issue-dialog__source">{comment.text}</blockquote>
        <label className="field">
          <span className="field__label">{T.itemTitle}</span>
          <input value={title} onChange={(e) => setTitle(e.target.value)} required minLength={2} maxLength={200} />
        </label>
        <UnitPicker scope={scope} value={unit} onChange={setUnit} />
        <label className="field">
          <span className="field__label">{T.dueDate}</span>
          <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </label>
        <label className="field">
          <span className="field__label">{T.firstNote}</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={3} />
        </label>
        {create.isError && (
          <p className="form-error" role="alert">
            {errorText(create.error)}
          </p>
        )}
        <div className="issue-dialog__actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {T.create}
          </button>
          <button type="button" className="button button--ghost" onClick={() => onClose()}>
            {T.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
