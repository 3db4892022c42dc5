import { texts } from "../../../lib/i18n";
import { neededTexts } from "../lib/figures";
import { pct } from "../lib/format";
import { namingOf, rankingCells, rankText, type RankedUnit } from "../lib/ranking-rows";
import { describedRows, exportFileName, exportInfoLines, type ExportSubject } from "../lib/export-description";
import { downloadCsv, downloadXlsx } from "../lib/table-export";
import type { MetricKey } from "../types";
import { RateFigure } from "./rate-figure";

const T = texts.dashboard;

/** The 末位 / 先进 badge, only where the server says a 通报 may name the unit (§7). */
export function NamingBadge({ unit }: { unit: RankedUnit }) {
  const naming = namingOf(unit.row);
  if (naming === "lowest") return <span className="dash-badge dash-badge--fail">{T.lowest}</span>;
  if (naming === "best") return <span className="dash-badge dash-badge--pass">{T.best}</span>;
  return null;
}

/** One row's cells shared by the dashboard table and the report (rank, unit, n, nEff, rate, interval, band). */
export function RankingCells({ unit, onOpen }: { unit: RankedUnit; onOpen?: (code: string) => void }) {
  const { row } = unit;
  return (
    <>
      <td data-field="rank">{row ? rankText(row) : "—"}</td>
      <td data-field="unit">
        {onOpen ? (
          <button type="button" className="link-button" onClick={() => onOpen(unit.unit.code)}>
            {unit.unit.name}
          </button>
        ) : (
          unit.unit.name
        )}
        <NamingBadge unit={unit} />
      </td>
      <td data-field="respondents">{unit.respondents}</td>
      <td data-field="nEff">{row ? Math.round(row.nEff) : "—"}</td>
      <td data-field="rate" className="is-sorted">
        {row ? <RateFigure rate={row.rate} reliability={row.reliability} nEff={row.nEff} /> : T.unranked}
      </td>
      <td data-field="ci">{row ? `${pct(row.ci95Design[0])} – ${pct(row.ci95Design[1])}` : "—"}</td>
      <td data-field="band">{row ? <span className={`dash-band dash-band--${row.band}`}>{T.bands[row.band]}</span> : "—"}</td>
    </>
  );
}

/** The 通报 list of one kind of child: the server's ranking with rank intervals; each row drills down. */
export function RankingTable(props: {
  title: string;
  units: RankedUnit[];
  metric: MetricKey;
  threshold: number;
  /** What the export says it is: unit, filters, table name; the threshold and time are added here. */
  subject: Omit<ExportSubject, "threshold" | "generatedAt">;
  onOpen?: (code: string) => void;
}) {
  const { units, metric } = props;
  const cells = () => rankingCells(units, metric);
  const subject = (): ExportSubject => ({ ...props.subject, threshold: props.threshold, generatedAt: new Date() });
  const xlsx = () => {
    const s = subject();
    void downloadXlsx(cells(), `${exportFileName(s)}.xlsx`, T.ranking, { sheet: T.exportInfo.sheet, lines: exportInfoLines(s) });
  };
  const csv = () => {
    const s = subject();
    downloadCsv(describedRows(s, cells()), `${exportFileName(s)}.csv`);
  };
  return (
    <section className="dash-panel">
      <header className="dash-panel__head">
        <h2>{props.title}</h2>
        <div className="dash-actions no-print">
          <button type="button" className="button button--ghost" onClick={xlsx}>
            {T.exportXlsx}
          </button>
          <button type="button" className="button button--ghost" onClick={csv}>
            {T.exportCsv}
          </button>
        </div>
      </header>
      <p className="dash-muted dash-note">{T.namingRule}</p>
      <table className="dash-table" data-testid="ranking-table">
        <thead>
          <tr>
            <th>{T.rank}</th>
            <th>{T.unit}</th>
            <th>{T.respondents}</th>
            <th>{T.nEff}</th>
            <th className="is-sorted">{T.metrics[metric]}</th>
            <th>{T.ci}</th>
            <th>{T.band}</th>
            <th>{T.moreToDecide}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => {
            const needed = u.row ? neededTexts(u.neededN, u.row.rate, u.threshold ?? props.threshold) : null;
            return (
              <tr key={u.unit.code} className={namingOf(u.row) === "lowest" ? "is-lowest" : undefined} data-code={u.unit.code}>
                <RankingCells unit={u} onOpen={props.onOpen} />
                <td data-field="needed" title={needed?.explain ?? undefined}>
                  {needed?.label ?? "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
