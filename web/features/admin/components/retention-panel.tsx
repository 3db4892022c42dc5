import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { texts } from "../../../lib/i18n";
import { getRetention, listRetentionRuns, putRetention, type RetentionSettings } from "../api/retention";
import { showInstant } from "../lib/local-datetime";
import { adminQuery } from "../lib/admin-query";

const T = texts.retention;

/** A keep time typed in a field: null when the box is unticked (keep for good). */
const daysOf = (value: string) => Math.round(Number(value));

/**
 * How long GPS fixes and household labels are kept (GET/PUT /api/v1/settings/retention) and the
 * retention job's log (GET /api/v1/settings/retention/runs). The server validates; its message shows.
 */
export function RetentionPanel() {
  const current = useQuery({ queryKey: ["admin", "retention"], queryFn: getRetention, ...adminQuery });
  const runs = useQuery({ queryKey: ["admin", "retention", "runs"], queryFn: listRetentionRuns, ...adminQuery });
  const [draft, setDraft] = useState<RetentionSettings | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    if (current.data && !draft) setDraft(current.data);
  }, [current.data, draft]);
  const save = useMutation({
    mutationFn: putRetention,
    onMutate: () => setNote(null),
    onSuccess: (saved) => {
      setDraft(saved);
      setNote(texts.admin.saved);
      void current.refetch();
    },
  });

  return (
    <section className="admin-panel">
      <p>{T.intro}</p>
      {!draft ? (
        <p>{current.error ? texts.admin.loadFailed(current.error.message) : texts.admin.loading}</p>
      ) : (
        <form
          className="admin-form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <label>
            {T.countFrom}
            <select
              value={draft.countFrom}
              onChange={(e) => setDraft({ ...draft, countFrom: e.target.value as RetentionSettings["countFrom"] })}
            >
              {(["year_end", "record"] as const).map((v) => (
                <option key={v} value={v}>
                  {T.countFromOptions[v]}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>{T.gps}</legend>
            <label className="admin-check">
              <input
                type="checkbox"
                checked={draft.gps === null}
                onChange={(e) => setDraft({ ...draft, gps: e.target.checked ? null : { days: 180, action: "coarse" } })}
              />
              {T.keepForever}
            </label>
            {draft.gps && (
              <>
                <label>
                  {T.days}
                  <input
                    type="number"
                    min={1}
                    step={1}
                    value={draft.gps.days}
                    onChange={(e) => setDraft({ ...draft, gps: { ...draft.gps!, days: daysOf(e.target.value) } })}
                  />
                </label>
                <label>
                  {T.action}
                  <select
                    value={draft.gps.action}
                    onChange={(e) => setDraft({ ...draft, gps: { ...draft.gps!, action: e.target.value as "coarse" | "remove" } })}
                  >
                    {(["coarse", "remove"] as const).map((v) => (
                      <option key={v} value={v}>
                        {T.actions[v]}
                      </option>
                    ))}
                  </select>
                </label>
              </>
            )}
          </fieldset>
          <fieldset>
            <legend>{T.household}</legend>
            <label className="admin-check">
              <input
                type="checkbox"
                checked={draft.household === null}
                onChange={(e) => setDraft({ ...draft, household: e.target.checked ? null : { days: 180 } })}
              />
              {T.keepForever}
            </label>
            {draft.household && (
              <label>
                {T.days}
                <input
                  type="number"
                  min={1}
                  step={1}
                  value={draft.household.days}
                  onChange={(e) => setDraft({ ...draft, household: { days: daysOf(e.target.value) } })}
                />
              </label>
            )}
            <p className="admin-hint">{T.householdNote}</p>
          </fieldset>
          <button className="button" type="submit" disabled={save.isPending}>
            {texts.admin.save}
          </button>
          {note && (
            <p className="admin-ok" role="status">
              {note}
            </p>
          )}
          {save.error && <p className="admin-error">{save.error.message}</p>}
        </form>
      )}
      <h3>{T.runsTitle}</h3>
      {runs.error && <p className="admin-error">{texts.admin.loadFailed(runs.error.message)}</p>}
      {runs.data && runs.data.length === 0 && <p>{T.noRuns}</p>}
      {runs.data && runs.data.length > 0 && (
        <table className="admin-table" aria-label={T.runsTitle}>
          <thead>
            <tr>
              <th>{T.columns.started}</th>
              <th>{T.columns.finished}</th>
              <th>{T.columns.kind}</th>
              <th>{T.columns.rows}</th>
              <th>{T.columns.error}</th>
            </tr>
          </thead>
          <tbody>
            {runs.data.map((r) => (
              <tr key={r.id}>
                <td>{showInstant(r.startedAt)}</td>
                <td>{showInstant(r.finishedAt) ?? T.running}</td>
                <td>{T.kinds[r.kind]}</td>
                <td>{r.rowsChanged}</td>
                <td>{r.error ?? (r.finishedAt ? T.ok : T.running)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
