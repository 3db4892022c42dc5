import { api } from "../../../lib/api-client";
import { readResponse } from "../../../lib/http";
import type { Questionnaire } from "../types";

/**
 * The unit and survey behind a poster's QR token; 404 `ApiError` for a bad token. The route
 * splices the stored survey JSON into its answer unparsed (`c.body`), so hc types the answer as
 * a string and `Questionnaire` (docs/design.md §4) stays written out here.
 */
export async function getQuestionnaire(token: string): Promise<Questionnaire> {
  return readResponse<Questionnaire>(await api.q[":token"].$get({ param: { token: encodeURIComponent(token) } }));
}
