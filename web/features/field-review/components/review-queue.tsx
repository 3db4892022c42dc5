import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { REVIEW_STATES } from "../../../../server/contracts/field-review-states";
import { texts } from "../../../lib/i18n";
import { UnitPicker } from "../../../lib/ui/unit-picker";
import { getQueue } from "../api/field-review-api";
import type { QueueQuery, ReviewState } from "../types";
import { InterviewRow } from "./interview-row";

const T = texts.fieldReview;

/** 待审核队列: the interviews in scope by unit, interviewer, state and days; a row opens its answers and the state buttons. */
export function ReviewQueue({ scope }: { scope: string }) {
  const [unit, setUnit] = useState(scope);
  const [draft, setDraft] = useState({ interviewer: "", state: "pending" as ReviewState | "any", from: "", to: "" });
  const [query, setQuery] = useState<QueueQuery>({ state: "pending" });
  const queue = useQuery({ queryKey: ["field-review", "queue", unit, query], queryFn: () => getQueue({ ...query, unit }), retry: false });
  const client = useQueryClient();
  const [message, setMessage] = useState("");

  return (
    <section className="review-section" aria-labelledby="review-queue-title">
      <h2 id="review-queue-title">{T.queueTitle}</h2>
      <form
        className="review-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({
            state: draft.state,
            ...(draft.interviewer.trim() ? { interviewer: draft.interviewer.trim() } : {}),
            ...(draft.from ? { from: draft.from } : {}),
            ...(draft.to ? { to: draft.to } : {}),
          });
        }}
      >
        <UnitPicker value={unit} onChange={(code) => setUnit(code || scope)} label={T.filters.unit} root={scope} />
        <label>
          {T.filters.interviewer}
          <input value={draft.interviewer} onChange={(e) => setDraft({ ...draft, interviewer: e.target.value })} />
        </label>
        <label>
          {T.filters.state}
          <select value={draft.state} onChange={(e) => setDraft({ ...draft, state: e.target.value as ReviewState | "any" })}>
            {REVIEW_STATES.map((s) => (
              <option key={s} value={s}>
                {T.states[s]}
              </option>
            ))}
            <option value="any">{T.filters.any}</option>
          </select>
        </label>
        <label>
          {T.filters.from}
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {T.filters.to}
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <button type="submit" className="button button--secondary">
          {T.filters.apply}
        </button>
      </form>
      <p role="status" className="review-status">
        {message}
      </p>
      {queue.isPending && <p className="page-status">{T.loading}</p>}
      {queue.isError && <p className="notice notice-warning">{T.failed(queue.error.message)}</p>}
      {queue.data?.masked && <p className="muted">{T.masked}</p>}
      {queue.isSuccess && queue.data.interviews.length === 0 && <p className="muted">{T.empty}</p>}
      {queue.isSuccess && queue.data.interviews.length > 0 && (
        <table className="review-table">
          <thead>
            <tr>
              <th scope="col">{T.columns.time}</th>
              <th scope="col">{T.columns.unit}</th>
              <th scope="col">{T.columns.interviewer}</th>
              <th scope="col">{T.columns.household}</th>
              <th scope="col">{T.columns.duration}</th>
              <th scope="col">{T.columns.state}</th>
              <th scope="col">
                <span className="visually-hidden">{T.more}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queue.data.interviews.map((row) => (
              <InterviewRow
                key={`${row.id}-${row.state}`}
                row={row}
                onChanged={(state) => {
                  setMessage(T.saved(T.states[state]));
                  void client.invalidateQueries({ queryKey: ["field-review"] });
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
