import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { texts } from "../../../app/texts";
import { getThresholds, putThresholds } from "../api/thresholds";
import { METRIC_KEYS } from "../types";

const T = texts.dashboard;

/** Admin only: the pass line per metric and the minimum sample before a status is given. */
export function ThresholdsPanel() {
  const client = useQueryClient();
  const current = useQuery({ queryKey: ["thresholds"], queryFn: getThresholds });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: putThresholds,
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries();
    },
  });
  if (!current.data) return null;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setSaved(false);
    save.mutate({
      threshold: Object.fromEntries(METRIC_KEYS.map((k) => [k, Number(form.get(k)) / 100])) as Record<(typeof METRIC_KEYS)[number], number>,
      minRespondents: Number(form.get("minRespondents")),
    });
  };
  return (
    <details className="dash-panel no-print">
      <summary>{T.settings}</summary>
      <form className="dash-filters" onSubmit={onSubmit}>
        {METRIC_KEYS.map((k) => (
          <label key={k}>
            {T.metrics[k]}（%）
            <input name={k} type="number" min={0} max={100} step={0.1} defaultValue={Math.round(current.data.threshold[k] * 1000) / 10} />
          </label>
        ))}
        <label>
          {T.minRespondents}
          <input name="minRespondents" type="number" min={1} step={1} defaultValue={current.data.minRespondents} />
        </label>
        <button className="button" type="submit" disabled={save.isPending}>
          {T.save}
        </button>
        {saved && <span className="dash-muted">{T.saved}</span>}
        {save.error && <span className="dash-error">{save.error.message}</span>}
      </form>
    </details>
  );
}
