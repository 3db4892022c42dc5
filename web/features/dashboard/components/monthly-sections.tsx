import { useMemo } from "react";
import { texts } from "../../../lib/i18n";
import { metricsChartOption, metricsChartTitle, rankingChartOption } from "../lib/monthly-charts";
import { type MonthlyReport, namedText, type RankingSection, WEAK_QUESTIONS } from "../lib/monthly-model";
import { ReportChart } from "./monthly-charts";
import { RateFigure } from "./rate-figure";

const T = texts.dashboard;
const M = texts.monthlyReport;

/** 一、总体情况: each metric this month, last month, the change and whether it is beyond noise. */
export function OverviewSection({ report }: { report: MonthlyReport }) {
  const option = useMemo(() => metricsChartOption(report), [report]);
  return (
    <>
      <table className="dash-table" data-testid="monthly-metrics">
        <thead>
          <tr>
            <th>{T.metric}</th>
            <th>{T.respondents}</th>
            <th>{T.rate}</th>
            <th>{T.ci}</th>
            <th>
              {T.status.pass}/{T.status.fail}
            </th>
            <th>{M.previousRate(report.previousLabel)}</th>
            <th>{M.change}</th>
            <th>{M.significance}</th>
          </tr>
        </thead>
        <tbody>
          {report.metrics.map((m) => (
            <tr key={m.key} data-metric={m.key}>
              <td>{m.name}</td>
              <td data-field="respondents" data-figure="">
                {m.respondents}
              </td>
              <td data-field="rate">
                <RateFigure {...m.figure} />
              </td>
              <td data-field="ci" data-figure="">
                {m.ci}
              </td>
              <td data-field="status" data-figure="">
                {m.status}
              </td>
              <td data-field="previous" data-figure="">
                {m.previousRate}
              </td>
              <td data-field="change" data-figure="">
                {m.change}
              </td>
              <td data-field="verdict" data-figure="">
                {m.verdict}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dash-muted dash-note" data-testid="change-formula">
        {M.changeFormula}
      </p>
      {report.modeGaps.length > 0 && (
        <>
          <h3>{T.modeGapHeading}</h3>
          <ul data-testid="report-mode-gap">
            {report.modeGaps.map((g) => (
              <li key={g} data-figure="">
                {g}
              </li>
            ))}
          </ul>
          <p className="dash-muted dash-note">{T.modeGapWhy}</p>
        </>
      )}
      <ReportChart option={option} title={metricsChartTitle(report)} />
    </>
  );
}

function RankingTable({ section }: { section: RankingSection }) {
  return (
    <section data-testid="report-ranking" data-kind={section.kind}>
      <h3>{section.title}</h3>
      <table className="dash-table">
        <thead>
          <tr>
            <th>{T.rank}</th>
            <th>{T.unit}</th>
            <th>{T.respondents}</th>
            <th>{T.nEff}</th>
            <th>{T.rate}</th>
            <th>{T.ci}</th>
            <th>{T.band}</th>
          </tr>
        </thead>
        <tbody>
          {section.rows.map((x) => (
            <tr key={x.code} data-code={x.code}>
              <td data-field="rank" data-figure="">
                {x.rank}
              </td>
              <td data-field="unit">
                <span data-figure="">{x.unit}</span>
                {x.naming && <span className={`dash-badge dash-badge--${x.naming === T.lowest ? "fail" : "pass"}`}>{x.naming}</span>}
              </td>
              <td data-field="respondents" data-figure="">
                {x.respondents}
              </td>
              <td data-field="nEff" data-figure="">
                {x.nEff}
              </td>
              <td data-field="rate">{x.figure ? <RateFigure {...x.figure} /> : <span data-figure="">{x.rate}</span>}</td>
              <td data-field="ci" data-figure="">
                {x.ci}
              </td>
              <td data-field="band" data-figure="">
                {x.band}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** 二、各单位排名: who may be named (only under §7), then one table per kind of child. */
export function RankingSections({ report }: { report: MonthlyReport }) {
  const first = report.rankings[0];
  const option = useMemo(() => (first ? rankingChartOption(first) : null), [first]);
  return (
    <>
      <p data-testid="report-best">
        {M.namedLabel(M.named.best)}
        <span data-figure="">{namedText(report.best)}</span>
      </p>
      <p data-testid="report-lowest">
        {M.namedLabel(M.named.lowest)}
        <span data-figure="">{namedText(report.lowest)}</span>
      </p>
      {report.rankings.map((s) => (
        <RankingTable key={s.kind} section={s} />
      ))}
      <p className="dash-muted dash-note">{T.namingRule}</p>
      {first && option && first.bars.length > 0 && <ReportChart option={option} title={first.title} />}
    </>
  );
}

/** 三、薄弱题目 */
export function WeakQuestionsSection({ report }: { report: MonthlyReport }) {
  if (report.weakQuestions.length === 0) return <p>{M.noWeakQuestions}</p>;
  return (
    <>
      <table className="dash-table" data-testid="report-weak">
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
          {report.weakQuestions.map((q) => (
            <tr key={q.key}>
              <td data-figure="">{q.title}</td>
              <td>
                <RateFigure {...q.figure} />
              </td>
              <td data-figure="">{q.counts}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dash-muted dash-note">{M.weakRule(WEAK_QUESTIONS)}</p>
    </>
  );
}

/** 四、入户宣传覆盖 */
export function CoverageSection({ report }: { report: MonthlyReport }) {
  const c = report.coverage;
  if (!c) return <p data-testid="report-coverage">{M.noCoverage}</p>;
  return (
    <div data-testid="report-coverage">
      <p data-figure="">{c.totals}</p>
      <table className="dash-table">
        <thead>
          <tr>
            <th>{T.unit}</th>
            <th>{M.households}</th>
            <th>{M.visitedHouseholds}</th>
            <th>{M.coverage}</th>
          </tr>
        </thead>
        <tbody>
          {c.rows.map((r) => (
            <tr key={r.code} data-code={r.code}>
              <td data-figure="">{r.unit}</td>
              <td data-figure="">{r.households}</td>
              <td data-figure="">{r.visited}</td>
              <td data-figure="">{r.coverage}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dash-muted dash-note">{M.coverageRule(c.rows.length)}</p>
    </div>
  );
}
