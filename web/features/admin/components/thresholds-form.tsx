import { useState, type FormEvent } from "react";
import { texts } from "../../../lib/i18n";
import { getRateSettings, putRateSettings } from "../api/settings";
import { useLoad } from "../lib/use-load";
import { METRIC_KEYS, type RateSettingsView, type UnitRef } from "../types";

const T = texts.admin.thresholds;

const percent = (rate: number) => Math.round(rate * 1000) / 10;
/** An empty field removes the unit's own value (null), so it inherits it again. */
const fieldValue = (f: FormData, name: string, scale: (n: number) => number) => {
  const text = String(f.get(name) ?? "").trim();
  return text === "" ? null : scale(Number(text));
};

function sourceText(view: RateSettingsView, source: UnitRef | null): string {
  if (source === null) return T.fromDefault;
  return source.code === view.unit.code ? T.fromHere : T.fromUnit(source.name);
}

/**
 * The thresholds of one unit (default: the admin's own scope, as the server answers without one) over GET/PUT
 * /api/v1/settings/thresholds: what is in force there, where each value comes from, and the
 * values the unit sets itself for its subtree (empty = inherited from further up).
 */
export function ThresholdsForm() {
  // Undefined until one is chosen: the server then answers for the admin's own scope.
  const [unit, setUnit] = useState<string | undefined>(undefined);
  const current = useLoad(() => getRateSettings(unit), [unit]);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setNote(null);
    setError(null);
    try {
      await putRateSettings({
        unit: current.data!.unit.code,
        threshold: Object.fromEntries(METRIC_KEYS.map((k) => [k, fieldValue(f, k, (n) => Math.round(n * 10) / 1000)])),
        minRespondents: fieldValue(f, "minRespondents", (n) => n),
      });
      setNote(texts.admin.saved);
      current.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  const view = current.data;
  return (
    <section className="admin-panel">
      <p>{T.intro}</p>
      <form
        className="admin-row"
        onSubmit={(e) => {
          e.preventDefault();
          setNote(null);
          setUnit(String(new FormData(e.currentTarget).get("unit") ?? "").trim() || undefined);
        }}
      >
        <label>
          {T.unit}
          <input name="unit" defaultValue={current.data?.unit.code ?? ""} key={current.data?.unit.code} placeholder={T.unitHint} size={16} />
        </label>
        <button className="button button--ghost" type="submit">{T.show}</button>
      </form>
      {!view || (unit !== undefined && view.unit.code !== unit) ? (
        <p>{current.error ? texts.admin.loadFailed(current.error) : texts.admin.loading}</p>
      ) : (
        <form onSubmit={(e) => void onSubmit(e)} key={JSON.stringify(view)} data-testid="thresholds-form">
          <h3>{T.forUnit(view.unit.name, view.unit.code)}</h3>
          <table className="admin-table">
            <thead>
              <tr>
                <th>{T.item}</th>
                <th>{T.effective}</th>
                <th>{T.source}</th>
                <th>
                  {T.own}（{T.ownHint}）
                </th>
              </tr>
            </thead>
            <tbody>
              {METRIC_KEYS.map((k) => (
                <tr key={k}>
                  <td>{T.metrics[k]}（%）</td>
                  <td>{percent(view.threshold[k])}%</td>
                  <td>{sourceText(view, view.sources.threshold[k])}</td>
                  <td>
                    <input
                      name={k}
                      type="number"
                      min={0}
                      max={100}
                      step={0.1}
                      aria-label={`${T.own} ${T.metrics[k]}`}
                      defaultValue={view.own.threshold[k] === undefined ? "" : percent(view.own.threshold[k]!)}
                    />
                  </td>
                </tr>
              ))}
              <tr>
                <td>{T.minRespondents}</td>
                <td>{view.minRespondents}</td>
                <td>{sourceText(view, view.sources.minRespondents)}</td>
                <td>
                  <input name="minRespondents" type="number" min={1} step={1} aria-label={`${T.own} ${T.minRespondents}`} defaultValue={view.own.minRespondents ?? ""} />
                </td>
              </tr>
            </tbody>
          </table>
          <button className="button" type="submit">{texts.admin.save}</button>
        </form>
      )}
      {note && <p className="admin-ok" role="status">{note}</p>}
      {error && <p className="admin-error">{error}</p>}
    </section>
  );
}
