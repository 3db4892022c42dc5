import { texts } from "../../../lib/i18n";
import { pct } from "../lib/format";
import type { MetricResult } from "../types";

const T = texts.dashboard.weighting;

/**
 * The age-weighted rate beside the raw one: its interval, effective sample and design effect
 * (how many respondents one effective respondent costs once answers cluster and weights vary).
 * The 达标 status above stays the unweighted §5 one; this says how far the age mix moves it.
 */
export function WeightedFigure({ weighted, unweighted }: { weighted: NonNullable<MetricResult["weighted"]>; unweighted: number | null }) {
  if (weighted.rate === null) return <p className="dash-card__weighted">{T.none}</p>;
  return (
    <div className="dash-card__weighted" data-field="weighted">
      <strong>{T.rate(pct(weighted.rate))}</strong>
      <div>{T.interval(pct(weighted.ci95[0]), pct(weighted.ci95[1]), Math.round(weighted.nEff))}</div>
      {weighted.designEffect !== null && <div data-field="design-effect">{T.designEffect(weighted.designEffect.toFixed(2))}</div>}
      {unweighted !== null && <div className="dash-card__explain">{T.shift(((weighted.rate - unweighted) * 100).toFixed(1))}</div>}
    </div>
  );
}
