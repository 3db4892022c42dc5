import { texts } from "../../../lib/i18n";
import { METRIC_KEYS, type MetricMap } from "../types";

const T = texts.dashboard.weighting;

/**
 * 未加权 / 加权: offered when the server sent age-weighted resident rates (audience=resident and
 * census age shares for this unit or an ancestor), so an office can see how far the sample's
 * age mix moves its figures.
 */
export function WeightingToggle({
  metrics,
  weighted,
  onChange,
}: {
  metrics: MetricMap;
  weighted: boolean;
  onChange: (weighted: boolean) => void;
}) {
  const offered = METRIC_KEYS.some((k) => metrics[k].weighted);
  if (!offered) return null;
  return (
    <fieldset className="dash-weighting">
      <legend>{T.label}</legend>
      {([false, true] as const).map((on) => (
        <button key={String(on)} type="button" className="button button--small" aria-pressed={on === weighted} onClick={() => onChange(on)}>
          {on ? T.on : T.off}
        </button>
      ))}
      <span className="dash-card__explain">{T.explain}</span>
    </fieldset>
  );
}
