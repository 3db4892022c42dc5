import { useMutation } from "@tanstack/react-query";
import { Fragment, useId, useState } from "react";
import { SETTABLE_STATES } from "../../../../server/contracts/field-review-states";
import { texts } from "../../../lib/i18n";
import { labelledAnswers } from "../../../lib/survey/answer-labels";
import { useSurveyVersion } from "../../../lib/survey/survey-version";
import { setState } from "../api/field-review-api";
import type { QueueInterview, SettableState } from "../types";

const T = texts.fieldReview;
const shanghai = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/** One interview of the queue; 查看 opens its answers (labelled from its survey version) and the review form. */
export function InterviewRow({ row, onChanged }: { row: QueueInterview; onChanged: (state: SettableState) => void }) {
  const [open, setOpen] = useState(false);
  const detailId = useId();
  return (
    <Fragment>
      <tr data-testid="review-row">
        <td>{shanghai(row.completedAt)}</td>
        <td>{row.unitName}</td>
        <td>{row.interviewer}</td>
        <td>{row.household ?? ""}</td>
        <td>{T.seconds(row.durationSeconds)}</td>
        <td>
          {T.states[row.state]}
          {row.flagged && <small className="review-flag"> · {T.flagged}</small>}
          {row.reason && <div className="muted">{row.reason}</div>}
        </td>
        <td>
          <button
            type="button"
            className="button button--small button--secondary"
            aria-expanded={open}
            aria-controls={detailId}
            onClick={() => setOpen(!open)}
          >
            {open ? T.close : T.more}
          </button>
        </td>
      </tr>
      {open && (
        <tr id={detailId}>
          <td colSpan={7}>
            <ReviewDetail row={row} onChanged={onChanged} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}

function ReviewDetail({ row, onChanged }: { row: QueueInterview; onChanged: (state: SettableState) => void }) {
  const [reason, setReason] = useState("");
  const definition = useSurveyVersion(row.surveyId, row.surveyVersion);
  const reasonId = useId();
  const change = useMutation({
    mutationFn: (state: SettableState) => setState(row.id, state, reason.trim()),
    onSuccess: (_data, state) => onChanged(state),
  });
  return (
    <div className="review-detail">
      <h3>{T.answers}</h3>
      {definition.isPending ? (
        <p className="page-status">{T.loading}</p>
      ) : (
        <dl className="review-answers">
          {labelledAnswers(definition.data, row.answers).map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list for one response; question titles may repeat
            <div key={i}>
              <dt>{line.question}</dt>
              <dd>{line.answer}</dd>
            </div>
          ))}
        </dl>
      )}
      <label htmlFor={reasonId}>{T.reason}</label>
      <textarea
        id={reasonId}
        value={reason}
        maxLength={500}
        rows={2}
        onChange={(e) => setReason(e.target.value)}
        aria-describedby={`${reasonId}-hint`}
      />
      <p id={`${reasonId}-hint`} className="muted">
        {T.reasonHint}
      </p>
      <div className="review-actions">
        {SETTABLE_STATES.filter((s) => s !== row.state).map((s) => (
          <button key={s} type="button" className="button button--small" disabled={change.isPending} onClick={() => change.mutate(s)}>
            {T.setState[s]}
          </button>
        ))}
      </div>
      {change.isError && (
        <p className="notice notice-warning" role="alert">
          {T.failed(change.error.message)}
        </p>
      )}
    </div>
  );
}
