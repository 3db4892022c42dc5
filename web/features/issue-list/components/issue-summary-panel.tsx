import "../issue-list.css";
import { useQuery } from "@tanstack/react-query";
import { Link } from "wouter";
import { texts } from "../../../lib/i18n";
import { getIssueSummary } from "../api/issue-list-api";

const T = texts.issueList;
const pageOf = (unit: string) => `/dashboard/issues?unit=${encodeURIComponent(unit)}`;

/**
 * Open 问题清单 items per child unit (未办结 = 待处理 + 已转办), from GET /issue-items/summary:
 * on the dashboard (with a link to the full page) and at the top of /dashboard/issues, whose
 * rows open the same page one level down (`drillDown`).
 */
export function IssueSummaryPanel({ unit, linkToPage, drillDown }: { unit: string; linkToPage?: boolean; drillDown?: boolean }) {
  const summary = useQuery({ queryKey: ["issue-list", "summary", unit], queryFn: () => getIssueSummary(unit), retry: false });
  if (summary.isError) return <p className="notice notice-warning">{T.loadFailed}</p>;
  if (!summary.data) return <p className="page-status">{texts.common.loading}</p>;
  const { total, children } = summary.data;
  return (
    <section className="issue-section issue-summary" aria-labelledby="issue-summary-title">
      <h2 id="issue-summary-title">{T.summaryTitle}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{T.unit}</th>
            <th scope="col">{T.status.open}</th>
            <th scope="col">{T.status.forwarded}</th>
            <th scope="col">{T.unresolved}</th>
            <th scope="col">{T.resolvedCount}</th>
          </tr>
        </thead>
        <tbody>
          {children.map((c) => (
            <tr key={c.code} data-unit={c.code}>
              <th scope="row">{drillDown ? <Link href={pageOf(c.code)}>{c.name}</Link> : c.name}</th>
              <td>{c.open}</td>
              <td>{c.forwarded}</td>
              <td className="issue-summary__unresolved">{c.unresolved}</td>
              <td>{c.resolved}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-unit="total">
            <th scope="row">{T.total}</th>
            <td>{total.open}</td>
            <td>{total.forwarded}</td>
            <td className="issue-summary__unresolved">{total.unresolved}</td>
            <td>{total.resolved}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">{T.summaryHint}</p>
      {linkToPage && (
        <Link className="button button--ghost" href={pageOf(unit)}>
          {T.openAll}
        </Link>
      )}
    </section>
  );
}
