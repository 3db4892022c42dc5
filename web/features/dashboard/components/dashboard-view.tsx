import { Link } from "wouter";
import { texts } from "../../../lib/i18n";
import { useDashboardData } from "../hooks/use-dashboard-view";
import { filtersToSearch, useFilters } from "../hooks/use-filters";
import { TrendChart } from "./charts";
import { FilterBar } from "./filter-bar";
import { MetricCards } from "./metric-cards";
import { WeightingToggle } from "./weighting-toggle";
import { QuestionTable } from "./question-table";
import { RankingPanel } from "./ranking-panel";
import { SamplePlan } from "./sample-plan";
import { ThresholdsPanel } from "./thresholds-panel";
import "../dashboard.css";

const T = texts.dashboard;

/** /dashboard: a unit's four metrics, its children ranked and charted, questions, trend, plan. */
export function DashboardView({ scope, isAdmin }: { scope: string; isAdmin: boolean }) {
  const { filters, update } = useFilters(scope);
  const { rates, trend, plan, unit } = useDashboardData(filters);
  // A child's children are of other kinds: its ranking starts at the server's default kind.
  const open = (code: string) => update({ unit: code, kind: undefined });

  if (rates.error && !rates.data) {
    const status = (rates.error as { status?: number }).status;
    return <p className="dash-error">{status === 403 ? T.forbidden : status === 404 ? texts.common.notFoundBody : T.loadFailed}</p>;
  }
  if (!rates.data) return <p className="page-status">{texts.common.loading}</p>;

  const body = rates.data;
  const parent = unit.data?.parentCode && body.unit.code !== scope ? unit.data.parentCode : null;
  const updatedAt = new Date(rates.dataUpdatedAt).toLocaleTimeString("zh-CN", { hour12: false });

  return (
    <div className="dash">
      <header className="dash-head">
        <div>
          <h1 data-testid="unit-name">{body.unit.name}</h1>
          <p className="dash-muted">
            {body.unit.code}
            {parent && (
              <>
                {" · "}
                <button type="button" className="link-button" onClick={() => open(parent)}>
                  {T.up}
                </button>
              </>
            )}
          </p>
        </div>
        <div className="dash-head__side">
          <span className={rates.isError ? "dash-error" : "dash-live"} data-testid="live">
            {rates.isError ? T.offline : T.live(updatedAt)}
          </span>
          <Link className="button button--ghost" href="/dashboard/methods">
            {T.methods}
          </Link>
          <Link className="button button--ghost" href={`/dashboard/report?${filtersToSearch(filters)}`}>
            {T.report}
          </Link>
        </div>
      </header>
      <FilterBar filters={filters} onChange={update} />
      {isAdmin && <ThresholdsPanel unit={body.unit.code} />}
      <WeightingToggle metrics={body.metrics} weighted={!!filters.weighted} onChange={(weighted) => update({ weighted })} />
      <MetricCards metrics={body.metrics} threshold={body.threshold} weighted={!!filters.weighted} />

      {body.children.length > 0 && <RankingPanel filters={filters} body={body} onChange={update} onOpen={open} />}

      <div className="dash-grid">
        <section className="dash-panel">
          <h2>{T.questions}</h2>
          <QuestionTable questions={body.questions} threshold={body.threshold} />
        </section>
        <section className="dash-panel">
          <h2>{T.trend}</h2>
          {trend.data && trend.data.weeks.length > 0 ? (
            <TrendChart weeks={trend.data.weeks} threshold={trend.data.threshold} boundaries={trend.data.versionBoundaries} />
          ) : (
            <p className="dash-empty">{T.noData}</p>
          )}
        </section>
      </div>
      <section className="dash-panel">
        <h2>{T.plan}</h2>
        {plan.data ? <SamplePlan plan={plan.data} audience={filters.audience} /> : <p className="dash-empty">{texts.common.loading}</p>}
      </section>
    </div>
  );
}
