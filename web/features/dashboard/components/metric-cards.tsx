import { texts } from "../../../lib/i18n";
import { certaintyText, ciText, pct, statusText } from "../lib/format";
import { METRIC_KEYS, type MetricMap, type MetricKey } from "../types";

const T = texts.dashboard;

/** The four metrics of the unit: rate, n, interval, status against its threshold, certainty. */
export function MetricCards({ metrics, threshold }: { metrics: MetricMap; threshold: Record<MetricKey, number> }) {
  return (
    <div className="dash-cards">
      {METRIC_KEYS.map((k) => {
        const m = metrics[k];
        return (
          <section key={k} className={`dash-card dash-card--${m.status}`} data-metric={k} data-status={m.status}>
            <h3>{T.metrics[k]}</h3>
            <p className="dash-card__rate">{pct(m.rate)}</p>
            <p className={`dash-badge dash-badge--${m.status}`}>{statusText(m)}</p>
            <dl>
              <dt>{T.respondents}</dt>
              <dd data-field="respondents">{m.respondents}</dd>
              <dt>{T.ci}</dt>
              <dd>{ciText(m)}</dd>
              {k === "satisfaction" && (
                <>
                  <dt>{T.score}</dt>
                  <dd>{m.score === null || m.score === undefined ? "—" : m.score.toFixed(1)}</dd>
                </>
              )}
            </dl>
            <p className="dash-card__foot">
              {T.threshold(pct(threshold[k], 0))} · {m.status === "insufficient" ? "" : certaintyText(m)}
            </p>
          </section>
        );
      })}
    </div>
  );
}
