import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { Questionnaire } from "../types";

/** The unit and survey behind a poster's QR token; 404 `ApiError` for a bad token. */
export function getQuestionnaire(token: string): Promise<Questionnaire> {
  return apiRequest<Questionnaire>(`${API_BASE}/q/${encodeURIComponent(token)}`);
}
