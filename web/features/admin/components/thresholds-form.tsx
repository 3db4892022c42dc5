import { useState, type FormEvent } from "react";
import { texts } from "../../../app/texts";
import { getRateSettings, putRateSettings } from "../api/settings";
import { useLoad } from "../lib/use-load";
import { METRIC_KEYS, type MetricKey } from "../types";

const T = texts.admin.thresholds;

/** The pass line per metric and minRespondents, over GET/PUT /api/v1/settings/thresholds. */
export function ThresholdsForm() {
  const current = useLoad(getRateSettings, []);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setNote(null);
    setError(null);
    try {
      await putRateSettings({
        threshold: Object.fromEntries(METRIC_KEYS.map((k) => [k, Math.round(Number(f.get(k)) * 10) / 1000])) as Record<MetricKey, number>,
        minRespondents: Number(f.get("minRespondents")),
      });
      setNote(texts.admin.saved);
      current.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  if (!current.data) return <p>{current.error ? texts.admin.loadFailed(current.error) : texts.admin.loading}</p>;
  return (
    <section className="admin-panel">
      <p>{T.intro}</p>
      <form className="admin-form" onSubmit={(e) => void onSubmit(e)} key={JSON.stringify(current.data)}>
        {METRIC_KEYS.map((k) => (
          <label key={k}>
            {T.metrics[k]}（%）
            <input name={k} type="number" min={0} max={100} step={0.1} defaultValue={Math.round(current.data!.threshold[k] * 1000) / 10} required />
          </label>
        ))}
        <label>
          {T.minRespondents}
          <input name="minRespondents" type="number" min={1} step={1} defaultValue={current.data.minRespondents} required />
        </label>
        <button className="button" type="submit">{texts.admin.save}</button>
      </form>
      {note && <p className="admin-ok" role="status">{note}</p>}
      {error && <p className="admin-error">{error}</p>}
    </section>
  );
}
