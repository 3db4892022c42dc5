import { api, unwrap } from "../../../lib/api-client";
import { readResponse } from "../../../lib/http";

export const listSurveyVersions = (id: string) =>
  unwrap(api.surveys[":id"].versions.$get({ param: { id: encodeURIComponent(id) } })).then((r) => r.versions);

export const getSurveyDiff = (id: string, from: number, to: number) =>
  unwrap(api.surveys[":id"].diff.$get({ param: { id: encodeURIComponent(id) }, query: { from: String(from), to: String(to) } })).then(
    (r) => r.diff,
  );

/**
 * One published version's SurveyJS definition. The route sends the stored text as it is
 * (`{id, version, audience, json}`; published versions never change), so it is read as unknown
 * and the definition taken from `json`.
 */
export async function getSurveyVersion(id: string, version: number): Promise<unknown> {
  const body = await readResponse<unknown>(
    await api.surveys[":id"].versions[":version"].$get({ param: { id: encodeURIComponent(id), version: String(version) } }),
  );
  return typeof body === "object" && body !== null && "json" in body ? body.json : body;
}
