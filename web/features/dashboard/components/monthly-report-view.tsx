import { useEffect, useState } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { texts } from "../../../lib/i18n";
import { useMonthlyReport } from "../hooks/use-monthly-report";
import { filtersToSearch, useFilters } from "../hooks/use-filters";
import type { IssueCount } from "../lib/monthly-model";
import { daysBeforeDue, reportMonthOf } from "../lib/shanghai-month";
import { IssueListSection } from "./issue-list-section";
import { MonthPicker } from "./month-picker";
import { CoverageSection, OverviewSection, RankingSections, WeakQuestionsSection } from "./monthly-sections";
import "../dashboard.css";

const T = texts.dashboard;
const M = texts.monthlyReport;

function dueText(now: Date): string {
  const days = daysBeforeDue(now);
  return days > 0 ? M.dueLeft(days) : days === 0 ? M.dueToday : M.duePassed(-days);
}

function Heading({ n, title }: { n: number; title: string }) {
  return <h2>{M.sectionHeading(n, title)}</h2>;
}

/**
 * The monthly 通报 of one Shanghai calendar month (URL `month=YYYY-MM` or `month=current`,
 * default the last full month), against the month before; printable (A4) and downloadable as an
 * editable Word file holding the same model. `issues` are the open 问题清单 items per unit, which
 * the page supplies.
 */
export function MonthlyReportView({ scope, issues }: { scope: string; issues: IssueCount[] }) {
  const { filters } = useFilters(scope, "/dashboard/report");
  const search = useSearch();
  const [, navigate] = useLocation();
  const [now] = useState(() => new Date());
  const month = reportMonthOf(new URLSearchParams(search).get("month"), now);
  const { report, failed } = useMonthlyReport(filters, month, issues);
  const [docx, setDocx] = useState<"idle" | "busy" | "failed">("idle");
  useEffect(() => {
    if (report) document.title = report.title;
  }, [report]);

  // The month decides the days; a range carried over from the dashboard is dropped.
  const pick = (value: string) =>
    navigate(`/dashboard/report?${filtersToSearch({ ...filters, from: undefined, to: undefined })}&month=${value}`);
  const downloadDocx = async () => {
    if (!report) return;
    setDocx("busy");
    try {
      const { downloadMonthlyDocx } = await import("../lib/monthly-download");
      await downloadMonthlyDocx(report);
      setDocx("idle");
    } catch {
      setDocx("failed");
    }
  };

  return (
    <article className="report">
      <div className="no-print dash-actions report-toolbar">
        <Link className="button button--ghost" href={`/dashboard?${filtersToSearch(filters)}`}>
          {T.backToDashboard}
        </Link>
        <Link className="button button--ghost" href="/dashboard/methods">
          {T.methods}
        </Link>
        <MonthPicker month={month} now={now} onPick={pick} />
        <button type="button" className="button" onClick={() => window.print()} disabled={!report}>
          {T.print}
        </button>
        <button
          type="button"
          className="button"
          data-testid="download-docx"
          onClick={() => void downloadDocx()}
          disabled={!report || docx === "busy"}
        >
          {docx === "busy" ? M.buildingDocx : M.downloadDocx}
        </button>
        <span className="report-due" data-testid="report-due">
          {dueText(now)}
        </span>
      </div>
      {docx === "failed" && (
        <p role="alert" className="form-error no-print">
          {M.docxFailed}
        </p>
      )}
      {!report ? (
        <p className="page-status">{failed ? T.loadFailed : texts.common.loading}</p>
      ) : (
        <div data-testid="monthly-report" data-month={month.current ? "current" : month.month}>
          <h1>{report.title}</h1>
          <p className="dash-muted" data-testid="report-scope">
            {report.scopeLine}
          </p>
          <p className="report-issued">{M.issuedOn(report.issuedOn)}</p>
          <Heading n={1} title={M.sections.overview} />
          <OverviewSection report={report} />
          <Heading n={2} title={M.sections.ranking} />
          <RankingSections report={report} />
          <Heading n={3} title={M.sections.weakQuestions} />
          <WeakQuestionsSection report={report} />
          <Heading n={4} title={M.sections.coverage} />
          <CoverageSection report={report} />
          <Heading n={5} title={M.sections.issues} />
          <IssueListSection items={report.issues} />
          <Heading n={6} title={M.sections.notes} />
          <ol className="report-notes">
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
            <li>{report.scopeLine}</li>
          </ol>
        </div>
      )}
    </article>
  );
}
