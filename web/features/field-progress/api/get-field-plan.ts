import { api, unwrap } from "../../../lib/api-client";

/** Filters of the plan and QA tables: a unit (null: the caller's scope) and optional days and questionnaire. */
export interface PlanFilters {
  unit: string | null;
  from: string;
  to: string;
  survey: string;
}

/** The query as the routes take it: empty filters left out. */
export function planQuery(f: PlanFilters): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.unit) q.unit = f.unit;
  if (f.from) q.from = f.from;
  if (f.to) q.to = f.to;
  if (f.survey) q.survey = f.survey;
  return q;
}

export const getPlanProgress = (f: PlanFilters) => unwrap(api["field-progress"].plan.$get({ query: planQuery(f) }));

export const getInterviewerQa = (f: PlanFilters) => unwrap(api["field-progress"].qa.$get({ query: planQuery(f) }));

/** The export's address: a plain same-origin link, so the browser downloads it with the session cookie. */
export const planExportHref = (f: PlanFilters, format: "csv" | "xlsx") =>
  `/api/v1/field-progress/plan/export?${new URLSearchParams({ ...planQuery(f), format }).toString()}`;

export type QuotaInput = { unitCode: string; surveyId: string; interviewer: string; from: string; to: string; target: number | null };

/** PUT /quotas: one interviewer's target for a unit and questionnaire on every day of a range (null removes). */
export const setQuotas = (input: QuotaInput) => unwrap(api.quotas.$put({ json: input }));
