import { texts } from "../../../lib/i18n";
import { modeGapText, neededTexts, nEffText } from "../lib/figures";
import { pct, statusText } from "../lib/format";
import { METRIC_KEYS, type MetricKey, type MetricMap } from "../types";
import { RateFigure } from "./rate-figure";
import { WeightedFigure } from "./weighted-figure";

const T = texts.dashboard;

/**
 * The four metrics of the unit: rate with its reliability, n and effective sample, the design
 * interval (§7), status against the threshold, how many more respondents would decide it, and
 * how far interviews sit from QR answers when both channels have data.
 */
export function MetricCards({
  metrics,
  threshold,
  weighted = false,
}: {
  metrics: MetricMap;
  threshold: Record<MetricKey, number>;
  /** Also show each rate weighted to the census age shares, where the server sent one. */
  weighted?: boolean;
}) {
  return (
    <div className="dash-cards">
      {METRIC_KEYS.map((k) => {
        const m = metrics[k];
        const needed = neededTexts(m.neededN, m.rate, threshold[k]);
        const gap = modeGapText(m.modeGap);
        return (
          <section key={k} className={`dash-card dash-card--${m.status}`} data-metric={k} data-status={m.status}>
            <h3>{T.metrics[k]}</h3>
            <p className="dash-card__rate">
              <RateFigure rate={m.rate} reliability={m.reliability} nEff={m.nEff} />
            </p>
            <p className={`dash-badge dash-badge--${m.status}`}>{statusText(m)}</p>
            {weighted && m.weighted && <WeightedFigure weighted={m.weighted} unweighted={m.rate} />}
            <dl>
              <dt>{T.respondents}</dt>
              <dd data-field="respondents">{m.respondents}</dd>
              <dt>{T.nEff}</dt>
              <dd data-field="nEff">{m.rate === null ? "—" : nEffText(m.nEff)}</dd>
              <dt>{T.ci}</dt>
              <dd data-field="ci">{m.rate === null ? "—" : `${pct(m.ci95Design[0])} – ${pct(m.ci95Design[1])}`}</dd>
              {k === "satisfaction" && (
                <>
                  <dt>{T.score}</dt>
                  <dd>{m.score === null || m.score === undefined ? "—" : m.score.toFixed(1)}</dd>
                </>
              )}
            </dl>
            {needed && (
              <p className="dash-card__needed" data-field="needed">
                <strong>{needed.label}</strong>
                {needed.explain && <span className="dash-card__explain">{needed.explain}</span>}
              </p>
            )}
            {gap && (
              <p className="dash-card__gap" data-field="mode-gap">
                {gap}
                <span className="dash-card__explain">{T.modeGapWhy}</span>
              </p>
            )}
            <p className="dash-card__foot">
              {T.threshold(pct(threshold[k], 0))}
              {m.rate !== null && ` · ${m.certainDesign ? T.certain : T.uncertain}`}
            </p>
          </section>
        );
      })}
    </div>
  );
}
