import { API_BASE } from "../../../lib/api-client";
import { apiFetch, readResponse } from "../../../lib/http";
import type { SurveyJson } from "../lib/survey-json";

/**
 * A published version's definition (`{id, version, audience, json}`, sent as stored with
 * `c.body`, so hc cannot type it): the editor reads the names its questions already use.
 */
export async function getPublishedJson(surveyId: string, version: number): Promise<SurveyJson> {
  const body = await readResponse<{ json?: SurveyJson } | SurveyJson>(
    await apiFetch(`${API_BASE}/surveys/${encodeURIComponent(surveyId)}/versions/${version}`),
  );
  return "json" in body && body.json && typeof body.json === "object" ? (body.json as SurveyJson) : (body as SurveyJson);
}
