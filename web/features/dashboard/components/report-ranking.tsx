import { useMemo } from "react";
import { texts } from "../../../lib/i18n";
import { useRanking } from "../hooks/use-dashboard-data";
import { rankedUnits } from "../lib/ranking-rows";
import type { DashboardFilters, RankingBody, RatesBody, UnitKind } from "../types";
import { RankingCells } from "./ranking-table";

const T = texts.dashboard;

/** One kind's ranking table in the 通报, with rank intervals and only the naming §7 allows. */
function ReportRankingTable({ ranking, body, filters }: { ranking: RankingBody; body: RatesBody; filters: DashboardFilters }) {
  const units = useMemo(() => rankedUnits(ranking, body.children, filters.metric), [ranking, body.children, filters.metric]);
  const kindName = ranking.kind ? T.kinds[ranking.kind] : T.unit;
  return (
    <section data-testid="report-ranking" data-kind={ranking.kind ?? ""}>
      <h2>{T.rankingOf(kindName, T.metrics[filters.metric])}</h2>
      <table className="dash-table">
        <thead>
          <tr>
            <th>{T.rank}</th>
            <th>{T.unit}</th>
            <th>{T.respondents}</th>
            <th>{T.nEff}</th>
            <th>{T.metrics[filters.metric]}</th>
            <th>{T.ci}</th>
            <th>{T.band}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit.code} data-code={u.unit.code}>
              <RankingCells unit={u} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A further kind (e.g. 学校 after 街道): its own request, its own table. */
function OtherKind({ kind, body, filters }: { kind: UnitKind; body: RatesBody; filters: DashboardFilters }) {
  const ranking = useRanking(filters, kind);
  if (!ranking.data) return <p className="page-status">{ranking.error ? T.loadFailed : T.loadingRanking}</p>;
  return <ReportRankingTable ranking={ranking.data} body={body} filters={filters} />;
}

/**
 * The 通报's rankings: one table per kind of child (a printed page cannot switch), the default
 * kind first, then the others; the naming rule stated once under them.
 */
export function ReportRankings({ body, filters }: { body: RatesBody; filters: DashboardFilters }) {
  const first = useRanking({ ...filters, kind: undefined });
  const data = first.data;
  if (!data) return <p className="page-status">{first.error ? T.loadFailed : T.loadingRanking}</p>;
  // Kinds that cannot hold the audience's answers (schools under 居民) would be tables of zeros.
  if (data.rows.length === 0 && data.kindsForAudience.length <= 1) return null;
  return (
    <>
      <ReportRankingTable ranking={data} body={body} filters={filters} />
      {data.kindsForAudience
        .filter((k) => k !== data.kind)
        .map((k) => (
          <OtherKind key={k} kind={k} body={body} filters={filters} />
        ))}
      <p className="dash-muted dash-note">{T.namingRule}</p>
    </>
  );
}
