import { texts } from "../../../lib/i18n";
import type { PlanBody } from "../types";

const T = texts.fieldPlan.plan;
const percent = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

/**
 * Progress against plan for one unit: a row per child unit (a button drills down into it) and a
 * row per interviewer of the whole subtree, with the unit's totals.
 */
export function PlanTable({ plan, onDrillDown }: { plan: PlanBody; onDrillDown: (code: string) => void }) {
  return (
    <>
      {plan.children.length > 0 && (
        <table className="data-table" data-testid="plan-units" aria-label={T.byUnit}>
          <thead>
            <tr>
              <th scope="col">{T.unit}</th>
              <th scope="col">{T.target}</th>
              <th scope="col">{T.completed}</th>
              <th scope="col">{T.attainment}</th>
            </tr>
          </thead>
          <tbody>
            {plan.children.map((r) => (
              <tr key={r.unit.code}>
                <td>
                  <button type="button" className="fp-drill" aria-label={T.drillDown(r.unit.name)} onClick={() => onDrillDown(r.unit.code)}>
                    {r.unit.name}
                  </button>
                </td>
                <td>{r.target}</td>
                <td>{r.completed}</td>
                <td>{percent(r.attainment)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{T.total}</th>
              <th>{plan.totals.target}</th>
              <th>{plan.totals.completed}</th>
              <th>{percent(plan.totals.attainment)}</th>
            </tr>
          </tfoot>
        </table>
      )}
      <h3>{T.byInterviewer}</h3>
      {plan.interviewers.length === 0 ? (
        <p>{T.empty}</p>
      ) : (
        <table className="data-table" data-testid="plan-interviewers" aria-label={T.byInterviewer}>
          <thead>
            <tr>
              <th scope="col">{T.interviewer}</th>
              <th scope="col">{T.target}</th>
              <th scope="col">{T.completed}</th>
              <th scope="col">{T.attainment}</th>
            </tr>
          </thead>
          <tbody>
            {plan.interviewers.map((r) => (
              <tr key={r.interviewer} className={r.attainment !== null && r.attainment < 1 ? "is-warning" : undefined}>
                <td>{r.interviewer}</td>
                <td>{r.target}</td>
                <td>{r.completed}</td>
                <td>{percent(r.attainment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
