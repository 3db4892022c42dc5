import { useEffect } from "react";
import { Link } from "wouter";
import { texts } from "../../../lib/i18n";
import { useRates } from "../hooks/use-dashboard-data";
import { filtersToSearch, useFilters } from "../hooks/use-filters";
import { modeGapText, neededTexts, nEffText } from "../lib/figures";
import { pct } from "../lib/format";
import { questionPrecision } from "../lib/question-precision";
import { METRIC_KEYS } from "../types";
import { RateFigure } from "./rate-figure";
import { ReportRankings } from "./report-ranking";
import "../dashboard.css";

const T = texts.dashboard;

/** A4 monthly report (通报): the unit's figures, the ranking of its children, the weakest questions. */
export function ReportView({ scope }: { scope: string }) {
  const { filters } = useFilters(scope, "/dashboard/report");
  const rates = useRates(filters);
  const body = rates.data;
  const period = filters.from || filters.to ? `${filters.from ?? "…"} 至 ${filters.to ?? "…"}` : T.reportPeriodAll;
  useEffect(() => {
    if (body) document.title = T.reportTitle(body.unit.name, period);
  }, [body, period]);
  if (!body) return <p className="page-status">{rates.error ? T.loadFailed : texts.common.loading}</p>;
  const gaps = METRIC_KEYS.flatMap((k) => {
    const text = modeGapText(body.metrics[k].modeGap);
    return text ? [[k, text] as const] : [];
  });
  return (
    <article className="report">
      <div className="no-print dash-actions">
        <Link className="button button--ghost" href={`/dashboard?${filtersToSearch(filters)}`}>
          {T.backToDashboard}
        </Link>
        <Link className="button button--ghost" href="/dashboard/methods">
          {T.methods}
        </Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {T.print}
        </button>
      </div>
      <h1>{T.reportTitle(body.unit.name, period)}</h1>
      <p className="dash-muted">
        {T.audience}：{filters.audience ? T.audiences[filters.audience] : T.audiences.all} · {T.channel}：
        {filters.channel ? T.channels[filters.channel] : T.channels.all} ·{" "}
        {T.generatedAt(new Date().toLocaleString("zh-CN", { hour12: false }))}
      </p>
      <table className="dash-table">
        <thead>
          <tr>
            <th>{T.metric}</th>
            <th>{T.respondents}</th>
            <th>{T.nEff}</th>
            <th>{T.rate}</th>
            <th>{T.ci}</th>
            <th>
              {T.status.pass}/{T.status.fail}
            </th>
            <th>{T.moreToDecide}</th>
          </tr>
        </thead>
        <tbody>
          {METRIC_KEYS.map((k) => {
            const m = body.metrics[k];
            const needed = neededTexts(m.neededN, m.rate, body.threshold[k]);
            return (
              <tr key={k} data-metric={k}>
                <td>{T.metrics[k]}</td>
                <td>{m.respondents}</td>
                <td>{m.rate === null ? "—" : nEffText(m.nEff)}</td>
                <td>
                  <RateFigure rate={m.rate} reliability={m.reliability} nEff={m.nEff} />
                </td>
                <td>{m.rate === null ? "—" : `${pct(m.ci95Design[0])} – ${pct(m.ci95Design[1])}`}</td>
                <td>
                  {T.status[m.status]}
                  {m.status !== "insufficient" && `（${m.certainDesign ? T.certain : T.uncertain}）`}
                </td>
                <td title={needed?.explain ?? undefined}>{needed?.label ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="dash-muted dash-note">{T.neededLegend}</p>
      {gaps.length > 0 && (
        <>
          <h2>{T.modeGapHeading}</h2>
          <ul data-testid="report-mode-gap">
            {gaps.map(([k, text]) => (
              <li key={k}>
                {T.metrics[k]}：{text}
              </li>
            ))}
          </ul>
          <p className="dash-muted dash-note">{T.modeGapWhy}</p>
        </>
      )}
      {body.children.length > 0 && <ReportRankings body={body} filters={filters} />}
      <h2>{T.questions}</h2>
      <table className="dash-table">
        <thead>
          <tr>
            <th>{T.question}</th>
            <th>{T.rate}</th>
            <th>
              {T.positive}/{T.answers}
            </th>
          </tr>
        </thead>
        <tbody>
          {body.questions.map((q) => (
            <tr key={`${q.surveyId}|${q.name}`}>
              <td>
                {q.title}（{T.audiences[q.surveyId as "resident"] ?? q.surveyId}·{T.metrics[q.metric]}）
              </td>
              <td>
                <RateFigure rate={q.rate} {...questionPrecision(q)} />
              </td>
              <td>
                {q.positive}/{q.answers}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
