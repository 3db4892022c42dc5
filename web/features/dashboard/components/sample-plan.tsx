import { texts } from "../../../lib/i18n";
import { pct } from "../lib/format";
import { METRIC_KEYS, type DashboardFilters, type PlanBody, type UnitPlan } from "../types";

const T = texts.dashboard;

/**
 * §7 neededN, as the card's 还需 N says it: the plan and the cards must never disagree on how
 * many more answer sheets would settle a metric.
 */
function neededText(p: UnitPlan["metrics"]["awareness"]) {
  if (p.rate === null) return "—";
  if (p.neededN === null) return T.undecidable;
  return p.neededN === 0 ? T.decided : String(p.neededN);
}

/**
 * Progress to the planned sample and, per metric, how many more respondents would settle pass or
 * fail. Filtered to one audience, the count of that audience is set against the target of the
 * leaves that answer it, and units that cannot hold it (schools under 居民) are left out.
 */
export function SamplePlan({ plan, audience }: { plan: PlanBody; audience?: DashboardFilters["audience"] }) {
  const rows = [plan, ...plan.children.filter((c) => c.holdsAudience)];
  return (
    <table className="dash-table" data-testid="plan-table">
      <thead>
        <tr>
          <th>{T.unit}</th>
          <th>{audience ? T.targetOf(T.audiences[audience]) : T.target}</th>
          <th>{T.progress}</th>
          {METRIC_KEYS.map((k) => (
            <th key={k}>
              {T.metrics[k]}·{T.moreToDecide}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.unit.code} className={i === 0 ? "is-total" : undefined} data-code={r.unit.code}>
            <td>{r.unit.name}</td>
            <td data-field="target">{r.audienceTarget ?? "—"}</td>
            <td data-field="progress">
              {r.responses}
              {r.audienceTarget ? (
                <>
                  {" "}
                  / {r.audienceTarget}（{pct(r.audienceProgress, 0)}）
                  <progress max={1} value={Math.min(1, r.audienceProgress ?? 0)} aria-label={`${r.unit.name}${T.progress}`} />
                </>
              ) : null}
            </td>
            {METRIC_KEYS.map((k) => (
              <td key={k} data-field={`needed-${k}`}>
                {neededText(r.metrics[k])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
