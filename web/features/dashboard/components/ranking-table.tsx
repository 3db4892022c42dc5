import { texts } from "../../../lib/i18n";
import { pct } from "../lib/format";
import { rankingCells, type RankRow } from "../lib/ranking-rows";
import { downloadCsv, downloadXlsx } from "../lib/table-export";
import { METRIC_KEYS, type MetricKey } from "../types";

const T = texts.dashboard;

/** The 通报 list: ranked by the chosen metric, the lowest ranked highlighted, each row drills down. */
export function RankingTable(props: {
  title: string;
  rows: RankRow[];
  metric: MetricKey;
  fileName: string;
  onOpen?: (code: string) => void;
}) {
  const { rows, metric } = props;
  // The 通报 names a lowest unit only when at least two units have a rate to compare.
  const lastRank = Math.max(0, ...rows.map((r) => r.rank ?? 0));
  const cells = () => rankingCells(rows, metric);
  return (
    <section className="dash-panel">
      <header className="dash-panel__head">
        <h2>{props.title}</h2>
        <div className="dash-actions no-print">
          <button
            type="button"
            className="button button--ghost"
            onClick={() => void downloadXlsx(cells(), `${props.fileName}.xlsx`, T.ranking)}
          >
            {T.exportXlsx}
          </button>
          <button type="button" className="button button--ghost" onClick={() => downloadCsv(cells(), `${props.fileName}.csv`)}>
            {T.exportCsv}
          </button>
        </div>
      </header>
      <table className="dash-table" data-testid="ranking-table">
        <thead>
          <tr>
            <th>{T.rank}</th>
            <th>{T.unit}</th>
            <th>{T.respondents}</th>
            {METRIC_KEYS.map((k) => (
              <th key={k} className={k === metric ? "is-sorted" : undefined}>
                {T.metrics[k]}
              </th>
            ))}
            <th>
              {T.status.pass}/{T.status.fail}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const lowest = r.rank !== null && r.rank === lastRank && lastRank > 1;
            return (
              <tr key={r.unit.code} className={lowest ? "is-lowest" : undefined} data-code={r.unit.code}>
                <td>{r.rank ?? "—"}</td>
                <td>
                  {props.onOpen ? (
                    <button type="button" className="link-button" onClick={() => props.onOpen!(r.unit.code)}>
                      {r.unit.name}
                    </button>
                  ) : (
                    r.unit.name
                  )}
                  {lowest && <span className="dash-badge dash-badge--fail">{T.lowest}</span>}
                </td>
                <td>{r.metrics[metric].respondents}</td>
                {METRIC_KEYS.map((k) => (
                  <td key={k} className={k === metric ? "is-sorted" : undefined}>
                    {pct(r.metrics[k].rate)}
                  </td>
                ))}
                <td>
                  <span className={`dash-badge dash-badge--${r.metrics[metric].status}`}>{T.status[r.metrics[metric].status]}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
