import { useEffect } from "react";
import { Link } from "wouter";
import { texts } from "../../../lib/i18n";
import { useRates } from "../hooks/use-dashboard-data";
import { filtersToSearch, useFilters } from "../hooks/use-filters";
import { certaintyText, ciText, pct } from "../lib/format";
import { rankRows } from "../lib/ranking-rows";
import { METRIC_KEYS } from "../types";
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
  const ranked = rankRows(body.children, filters.metric);
  return (
    <article className="report">
      <div className="no-print dash-actions">
        <Link className="button button--ghost" href={`/dashboard?${filtersToSearch(filters)}`}>
          {T.backToDashboard}
        </Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {T.print}
        </button>
      </div>
      <h1>{T.reportTitle(body.unit.name, period)}</h1>
      <p className="dash-muted">
        {filters.audience ? T.audiences[filters.audience] : T.audiences.all} ·{" "}
        {filters.channel ? T.channels[filters.channel] : T.channels.all} ·{" "}
        {T.generatedAt(new Date().toLocaleString("zh-CN", { hour12: false }))}
      </p>
      <table className="dash-table">
        <thead>
          <tr>
            <th>{T.rate}</th>
            <th>{T.respondents}</th>
            <th>{T.rate}</th>
            <th>{T.ci}</th>
            <th>
              {T.status.pass}/{T.status.fail}
            </th>
          </tr>
        </thead>
        <tbody>
          {METRIC_KEYS.map((k) => {
            const m = body.metrics[k];
            return (
              <tr key={k}>
                <td>{T.metrics[k]}</td>
                <td>{m.respondents}</td>
                <td>{pct(m.rate)}</td>
                <td>{ciText(m)}</td>
                <td>
                  {T.status[m.status]}
                  {m.status !== "insufficient" && `（${certaintyText(m)}）`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {ranked.length > 0 && (
        <>
          <h2>
            {T.ranking}（{T.metrics[filters.metric]}）
          </h2>
          <table className="dash-table">
            <thead>
              <tr>
                <th>{T.rank}</th>
                <th>{T.unit}</th>
                <th>{T.respondents}</th>
                {METRIC_KEYS.map((k) => (
                  <th key={k}>{T.metrics[k]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ranked.map((r) => (
                <tr key={r.unit.code}>
                  <td>{r.rank ?? "—"}</td>
                  <td>{r.unit.name}</td>
                  <td>{r.metrics[filters.metric].respondents}</td>
                  {METRIC_KEYS.map((k) => (
                    <td key={k}>{pct(r.metrics[k].rate)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
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
              <td>{pct(q.rate)}</td>
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
