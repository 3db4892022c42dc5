import "../field-plan.css";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { texts } from "../../../lib/i18n";
import { getInterviewerQa, getPlanProgress, type PlanFilters, planExportHref } from "../api/get-field-plan";
import { PlanTable } from "./plan-table";
import { QaTable } from "./qa-table";
import { QuotaForm } from "./quota-form";

const T = texts.fieldPlan;
const SURVEYS = ["resident", "shopkeeper", "parent"];

/**
 * 任务完成进度 and 调查员质量核查 for supervisors (issue 16 parts 3 and 6): date and questionnaire
 * filters, drill-down from the page's unit through its children to a community's interviewers
 * (a trail of the units passed, to go back up), CSV and Excel export of the plan.
 */
export function FieldPlanSection({ unit }: { unit: string | null }) {
  const [draft, setDraft] = useState({ from: "", to: "", survey: "" });
  const [applied, setApplied] = useState(draft);
  /** Units drilled into below the page's unit, last = shown. */
  const [trail, setTrail] = useState<{ code: string; name: string }[]>([]);
  const filters: PlanFilters = { unit: trail.at(-1)?.code ?? unit, ...applied };
  const plan = useQuery({
    queryKey: ["field-plan", filters],
    queryFn: () => getPlanProgress(filters),
    retry: false,
    refetchOnWindowFocus: false,
  });
  const qa = useQuery({
    queryKey: ["field-qa", filters],
    queryFn: () => getInterviewerQa(filters),
    retry: false,
    refetchOnWindowFocus: false,
  });

  return (
    <section className="fp-plan" aria-labelledby="fp-plan-title">
      <h2 id="fp-plan-title">
        {T.plan.title}
        {plan.data ? ` · ${plan.data.unit.name}` : ""}
      </h2>
      <form
        className="fp-filters"
        data-testid="plan-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft);
        }}
      >
        <label>
          {T.plan.from}
          <input type="date" name="from" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </label>
        <label>
          {T.plan.to}
          <input type="date" name="to" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </label>
        <label>
          {T.plan.survey}
          <select name="survey" value={draft.survey} onChange={(e) => setDraft({ ...draft, survey: e.target.value })}>
            <option value="">{T.plan.allSurveys}</option>
            {SURVEYS.map((s) => (
              <option key={s} value={s}>
                {T.surveys[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button">
          {T.plan.apply}
        </button>
        <a className="button button--secondary" href={planExportHref(filters, "csv")} download>
          {T.plan.exportCsv}
        </a>
        <a className="button button--secondary" href={planExportHref(filters, "xlsx")} download>
          {T.plan.exportXlsx}
        </a>
      </form>
      {trail.length > 0 && (
        <button type="button" className="button button--small button--secondary" onClick={() => setTrail(trail.slice(0, -1))}>
          {T.plan.up}
        </button>
      )}
      {plan.isError && <p className="notice notice-warning">{T.plan.loadFailed}</p>}
      {plan.data ? (
        <PlanTable
          plan={plan.data}
          onDrillDown={(code) => {
            const child = plan.data.children.find((c) => c.unit.code === code);
            if (child) setTrail([...trail, { code, name: child.unit.name }]);
          }}
        />
      ) : (
        !plan.isError && <p className="page-status">{texts.common.loading}</p>
      )}
      <QuotaForm />
      <h2 id="fp-qa-title">{T.qa.title}</h2>
      {qa.isError && <p className="notice notice-warning">{T.plan.loadFailed}</p>}
      {qa.data && <QaTable qa={qa.data} />}
    </section>
  );
}
