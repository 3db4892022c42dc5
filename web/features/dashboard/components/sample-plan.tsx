import { texts } from "../../../lib/i18n";
import { pct } from "../lib/format";
import { METRIC_KEYS, type PlanBody, type UnitPlan } from "../types";

const T = texts.dashboard;

function moreText(p: UnitPlan["metrics"]["awareness"]) {
  if (p.rate === null) return "—";
  if (p.more === null) return T.undecidable;
  return p.more === 0 ? T.decided : String(p.more);
}

/** Progress to target_n and, per metric, how many more respondents would settle pass or fail. */
export function SamplePlan({ plan }: { plan: PlanBody }) {
  const rows = [plan, ...plan.children];
  return (
    <table className="dash-table" data-testid="plan-table">
      <thead>
        <tr>
          <th>{T.unit}</th>
          <th>{T.target}</th>
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
          <tr key={r.unit.code} className={i === 0 ? "is-total" : undefined}>
            <td>{r.unit.name}</td>
            <td>{r.target ?? "—"}</td>
            <td>
              {r.responses}
              {r.target ? (
                <>
                  {" "}
                  / {r.target}（{pct(r.progress, 0)}）
                  <progress max={1} value={Math.min(1, r.progress ?? 0)} />
                </>
              ) : null}
            </td>
            {METRIC_KEYS.map((k) => (
              <td key={k}>{moreText(r.metrics[k])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
