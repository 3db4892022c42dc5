import { useQuery } from "@tanstack/react-query";
import { api } from "../api-client";
import { readResponse } from "../http";

/**
 * One published version's SurveyJS definition. The route sends the stored text as it is
 * (`{id, version, audience, json}`; published versions never change), so it is read as unknown
 * and the definition taken from `json`. Shared by the admin's response review and field review.
 */
export async function getSurveyVersion(id: string, version: number): Promise<unknown> {
  const body = await readResponse<unknown>(
    await api.surveys[":id"].versions[":version"].$get({ param: { id: encodeURIComponent(id), version: String(version) } }),
  );
  return typeof body === "object" && body !== null && "json" in body ? body.json : body;
}

/** The answered version's definition; published versions never change, so it is fetched once. */
export function useSurveyVersion(surveyId: string, version: number) {
  return useQuery({
    queryKey: ["surveys", surveyId, version],
    queryFn: () => getSurveyVersion(surveyId, version),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}
