import { useMemo } from "react";
import { texts } from "../../../lib/i18n";
import { useRanking } from "../hooks/use-dashboard-data";
import { rankedUnits } from "../lib/ranking-rows";
import { METRIC_KEYS, type DashboardFilters, type MetricKey, type RatesBody } from "../types";
import { RateBarChart } from "./charts";
import { FunnelChart } from "./funnel-chart";
import { KindSwitcher } from "./kind-switcher";
import { RankingTable } from "./ranking-table";

const T = texts.dashboard;

/**
 * The children of one kind ranked by the server (§7): the kind and metric switches, the bar chart
 * beside the funnel plot, then the table with rank intervals. Kinds are never mixed.
 */
export function RankingPanel(props: {
  filters: DashboardFilters;
  body: RatesBody;
  onChange: (patch: Partial<DashboardFilters>) => void;
  onOpen: (code: string) => void;
}) {
  const { filters, body } = props;
  const ranking = useRanking(filters, filters.kind);
  const data = ranking.data;
  const units = useMemo(() => (data ? rankedUnits(data, body.children, filters.metric) : []), [data, body.children, filters.metric]);
  const points = useMemo(
    () => (data?.rows ?? []).map((r) => ({ name: r.unit.name, nEff: r.nEff, rate: r.rate, funnel: r.funnel })),
    [data],
  );
  const metricName = T.metrics[filters.metric];
  const kindName = data?.kind ? T.kinds[data.kind] : T.unit;
  // A kind asked for by URL that cannot hold the audience's answers (学校 under 居民) says so in
  // words instead of listing every school as 0 / 暂无数据.
  const noAudience = !!data?.kind && !!filters.audience && !data.kindsForAudience.includes(data.kind);
  return (
    <>
      <section className="dash-panel" data-testid="ranking-panel">
        <header className="dash-panel__head">
          <h2>{T.rankingOf(kindName, metricName)}</h2>
          <div className="dash-actions">
            {data && <KindSwitcher kinds={data.kindsForAudience} value={data.kind} onChange={(kind) => props.onChange({ kind })} />}
            <label className="no-print">
              {T.rankBy}{" "}
              <select value={filters.metric} onChange={(e) => props.onChange({ metric: e.target.value as MetricKey })}>
                {METRIC_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {T.metrics[k]}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </header>
        {!data ? (
          <p className="dash-empty">{ranking.error ? T.loadFailed : T.loadingRanking}</p>
        ) : noAudience ? (
          <p className="dash-empty" data-testid="kind-no-audience">
            {T.kindHasNoAudience(kindName, T.audiences[filters.audience!])}
          </p>
        ) : data.rows.length === 0 ? (
          <p className="dash-empty">{T.noData}</p>
        ) : (
          <div className="dash-grid">
            <div>
              <h3 className="dash-chart-title">{T.barTitle(metricName)}</h3>
              <RateBarChart units={units} metric={filters.metric} threshold={data.threshold} />
            </div>
            <div>
              <h3 className="dash-chart-title">{T.funnelTitle(metricName)}</h3>
              <FunnelChart points={points} threshold={data.threshold} metric={metricName} />
              <p className="dash-muted dash-note">{T.funnelHint}</p>
            </div>
          </div>
        )}
      </section>
      {data && !noAudience && units.length > 0 && (
        <RankingTable
          title={T.rankingOf(kindName, metricName)}
          units={units}
          metric={filters.metric}
          threshold={data.threshold}
          subject={{ unit: body.unit, filters, table: T.rankingOf(kindName, metricName) }}
          onOpen={props.onOpen}
        />
      )}
    </>
  );
}
