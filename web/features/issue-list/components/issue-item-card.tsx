import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ISSUE_TRANSITIONS } from "../../../../server/contracts/issue-statuses";
import { texts } from "../../../lib/i18n";
import { updateIssueItem } from "../api/issue-list-api";
import type { IssueItem, IssueUpdate } from "../types";
import { errorText } from "./convert-dialog";
import { StatusChip } from "./status-chip";

const T = texts.issueList;
const time = (iso: string) => new Date(iso).toLocaleString("zh-CN", { hour12: false, timeZone: "Asia/Shanghai" });

/** One 问题清单 item: status in words, where and since when, its notes, and what the user may change. */
export function IssueItemCard({ item }: { item: IssueItem }) {
  const [note, setNote] = useState("");
  const [due, setDue] = useState(item.dueDate ?? "");
  const client = useQueryClient();
  const update = useMutation({
    mutationFn: (patch: IssueUpdate) => updateIssueItem(item.id, patch),
    onSuccess: async () => {
      setNote("");
      await client.invalidateQueries({ queryKey: ["issue-list"] });
    },
  });
  const withNote = (patch: IssueUpdate): IssueUpdate => (note.trim() ? { ...patch, note } : patch);

  return (
    <li className="issue-card" aria-labelledby={`issue-${item.id}`} data-issue={item.id} data-status={item.status}>
      <div className="issue-card__head">
        <h3 id={`issue-${item.id}`}>
          #{item.id} {item.title}
        </h3>
        <StatusChip status={item.status} />
      </div>
      <p className="issue-card__meta">
        {item.unit.path.slice(1).join(" / ")} · {item.dueDate ? T.due(item.dueDate) : T.noDue} ·{" "}
        {T.createdBy(item.createdBy, time(item.createdAt))}
      </p>
      {item.description && <p>{item.description}</p>}
      {item.source?.text && (
        <blockquote className="issue-card__source">
          <span className="visually-hidden">{T.source}：</span>
          {item.source.text}
        </blockquote>
      )}
      {item.notes.length > 0 && (
        <details open>
          <summary>
            {T.notes}（{item.notes.length}）
          </summary>
          <ol className="issue-card__notes">
            {item.notes.map((n) => (
              <li key={n.id}>
                <span className="muted">
                  {time(n.at)} {n.author}：
                </span>
                {n.text}
              </li>
            ))}
          </ol>
        </details>
      )}
      <div className="issue-card__edit">
        <label className="issue-card__note">
          <span className="visually-hidden">{T.addNote}</span>
          <textarea value={note} rows={2} placeholder={T.notePlaceholder} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="issue-card__actions">
          {ISSUE_TRANSITIONS[item.status].map((next) => (
            <button
              key={next}
              type="button"
              className="button"
              disabled={update.isPending}
              onClick={() => update.mutate(withNote({ status: next }))}
            >
              {T.setStatus[next]}
            </button>
          ))}
          <button
            type="button"
            className="button button--ghost"
            disabled={update.isPending || !note.trim()}
            onClick={() => update.mutate({ note })}
          >
            {T.addNote}
          </button>
          <label className="issue-card__due">
            {T.dueDate}
            <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
          </label>
          <button
            type="button"
            className="button button--ghost"
            disabled={update.isPending || due === (item.dueDate ?? "")}
            onClick={() => update.mutate({ dueDate: due || null })}
          >
            {T.saveDue}
          </button>
        </div>
        {update.isError && (
          <p className="form-error" role="alert">
            {errorText(update.error)}
          </p>
        )}
      </div>
    </li>
  );
}
