import { api, unwrap } from "../../../lib/api-client";

export const listSurveyVersions = (id: string) =>
  unwrap(api.surveys[":id"].versions.$get({ param: { id: encodeURIComponent(id) } })).then((r) => r.versions);

export const getSurveyDiff = (id: string, from: number, to: number) =>
  unwrap(api.surveys[":id"].diff.$get({ param: { id: encodeURIComponent(id) }, query: { from: String(from), to: String(to) } })).then(
    (r) => r.diff,
  );

export { getSurveyVersion } from "../../../lib/survey/survey-version";
