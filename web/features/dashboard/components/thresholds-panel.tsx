import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { texts } from "../../../lib/i18n";
import { getThresholds, putThresholds } from "../api/thresholds";
import { METRIC_KEYS, type RateSettingsView } from "../types";

const T = texts.dashboard;

const percent = (rate: number) => Math.round(rate * 1000) / 10;
/** An empty field sends null: the unit drops its own value and inherits it again. */
const fieldValue = (form: FormData, name: string, scale: (n: number) => number) => {
  const text = String(form.get(name) ?? "").trim();
  return text === "" ? null : scale(Number(text));
};
const from = (view: RateSettingsView, source: { code: string; name: string } | null) =>
  source === null ? T.settingsDefault : source.code === view.unit.code ? T.settingsFromHere : source.name;

/**
 * Admin only: the pass line per metric and the minimum sample for the unit on screen and its
 * subtree. Each field is the unit's own value (empty = inherited); the line under it says what
 * is in force and which unit it comes from.
 */
export function ThresholdsPanel({ unit }: { unit: string }) {
  const client = useQueryClient();
  const current = useQuery({ queryKey: ["thresholds", unit], queryFn: () => getThresholds(unit) });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: putThresholds,
    onSuccess: () => {
      setSaved(true);
      void client.invalidateQueries();
    },
  });
  const view = current.data;
  if (!view) return null;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setSaved(false);
    save.mutate({
      unit: view.unit.code,
      threshold: Object.fromEntries(METRIC_KEYS.map((k) => [k, fieldValue(form, k, (n) => n / 100)])),
      minRespondents: fieldValue(form, "minRespondents", (n) => n),
    });
  };
  return (
    <details className="dash-panel no-print">
      <summary>{T.settings}</summary>
      <p className="dash-muted">
        {T.settingsFor(view.unit.name)} · {T.settingsHint}
      </p>
      <form className="dash-filters" onSubmit={onSubmit} key={JSON.stringify(view)}>
        {METRIC_KEYS.map((k) => (
          <label key={k}>
            {T.metrics[k]}（%）
            <input name={k} type="number" min={0} max={100} step={0.1} placeholder={String(percent(view.threshold[k]))} defaultValue={view.own.threshold[k] === undefined ? "" : percent(view.own.threshold[k]!)} />
            <span className="dash-muted">{T.settingsSource(`${percent(view.threshold[k])}%`, from(view, view.sources.threshold[k]))}</span>
          </label>
        ))}
        <label>
          {T.minRespondents}
          <input name="minRespondents" type="number" min={1} step={1} placeholder={String(view.minRespondents)} defaultValue={view.own.minRespondents ?? ""} />
          <span className="dash-muted">{T.settingsSource(String(view.minRespondents), from(view, view.sources.minRespondents))}</span>
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
