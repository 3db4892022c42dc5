import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { SurveyDiff, SurveyVersionRow } from "../types";

export const listSurveyVersions = (id: string) =>
  apiRequest<{ id: string; versions: SurveyVersionRow[] }>(`${API_BASE}/surveys/${encodeURIComponent(id)}/versions`).then((r) => r.versions);

export const getSurveyDiff = (id: string, from: number, to: number) =>
  apiRequest<{ diff: SurveyDiff }>(`${API_BASE}/surveys/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`).then((r) => r.diff);
