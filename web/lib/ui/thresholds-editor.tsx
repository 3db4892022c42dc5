import type { FormEvent } from "react";
import { texts } from "../i18n";
import "./thresholds-editor.css";

const T = texts.admin.thresholds;

/** A unit as the settings endpoint names it. */
export interface ThresholdsUnit {
  code: string;
  name: string;
}

/** GET /api/v1/settings/thresholds, as far as the editor reads it (generic over the metric keys, so lib holds no copy of them). */
export interface ThresholdsView<K extends string> {
  unit: ThresholdsUnit;
  threshold: Record<K, number>;
  minRespondents: number;
  /** null: the built-in default. */
  sources: { threshold: Record<K, ThresholdsUnit | null>; minRespondents: ThresholdsUnit | null };
  own: { threshold: Partial<Record<K, number>>; minRespondents?: number };
}

/** PUT /api/v1/settings/thresholds: the unit's own values; null removes one, so it inherits again. */
export interface ThresholdsUpdate<K extends string> {
  unit: string;
  threshold: Partial<Record<K, number | null>>;
  minRespondents: number | null;
}

/**
 * The one rounding rule of a pass line: shown and typed as a percent with one decimal. A rate of
 * 0.9 shows as 90; 0.8765 as 87.7; a typed 87.66 is saved as 0.877. Both ways round to 0.1 point,
 * so what is saved is exactly what the field shows after a reload.
 */
export const rateToPercent = (rate: number): number => Math.round(rate * 1000) / 10;
export const percentToRate = (percent: number): number => Math.round(percent * 10) / 1000;

/** An empty field sends null: the unit drops its own value and inherits it again. */
const fieldValue = (form: FormData, name: string, scale: (n: number) => number): number | null => {
  const text = String(form.get(name) ?? "").trim();
  return text === "" ? null : scale(Number(text));
};

function sourceText(view: ThresholdsView<string>, source: ThresholdsUnit | null): string {
  if (source === null) return T.fromDefault;
  return source.code === view.unit.code ? T.fromHere : T.fromUnit(source.name);
}

/**
 * The pass lines per metric and the minimum sample of one unit, for the admin page and the
 * dashboard's settings panel alike: what is in force, where each value comes from, and the
 * unit's own value (empty = inherited from further up). Saving is the caller's (`onSave`).
 */
export function ThresholdsEditor<K extends string>({
  view,
  metricKeys,
  metricLabels,
  onSave,
  saving = false,
}: {
  view: ThresholdsView<K>;
  metricKeys: readonly K[];
  metricLabels: Record<K, string>;
  onSave: (update: ThresholdsUpdate<K>) => void;
  saving?: boolean;
}) {
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    onSave({
      unit: view.unit.code,
      threshold: Object.fromEntries(metricKeys.map((k) => [k, fieldValue(form, k, percentToRate)])) as Partial<Record<K, number | null>>,
      minRespondents: fieldValue(form, "minRespondents", (n) => n),
    });
  };
  return (
    <form onSubmit={onSubmit} key={JSON.stringify(view)} data-testid="thresholds-form">
      <h3>{T.forUnit(view.unit.name, view.unit.code)}</h3>
      <table className="thresholds-table">
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
          {metricKeys.map((k) => {
            const own = view.own.threshold[k];
            return (
              <tr key={k}>
                <td>{metricLabels[k]}（%）</td>
                <td>{rateToPercent(view.threshold[k])}%</td>
                <td>{sourceText(view, view.sources.threshold[k])}</td>
                <td>
                  <input
                    name={k}
                    type="number"
                    min={0}
                    max={100}
                    step={0.1}
                    aria-label={`${T.own} ${metricLabels[k]}`}
                    defaultValue={own === undefined ? "" : rateToPercent(own)}
                  />
                </td>
              </tr>
            );
          })}
          <tr>
            <td>{T.minRespondents}</td>
            <td>{view.minRespondents}</td>
            <td>{sourceText(view, view.sources.minRespondents)}</td>
            <td>
              <input
                name="minRespondents"
                type="number"
                min={1}
                step={1}
                aria-label={`${T.own} ${T.minRespondents}`}
                defaultValue={view.own.minRespondents ?? ""}
              />
            </td>
          </tr>
        </tbody>
      </table>
      <button className="button" type="submit" disabled={saving}>
        {texts.admin.save}
      </button>
    </form>
  );
}
