import type { InferRequestType } from "hono/client";
import { api, unwrap } from "../../../lib/api-client";
import type { ResponseSearchQuery, ReviewDecision, ReviewStatus } from "../types";

/** The review lists show the first 100 responses, as the server does by default. */
const PAGE = { limit: "100", offset: "0" } as const;

export const listFlagged = (status: ReviewStatus) =>
  unwrap(api.admin.flagged.$get({ query: { status, ...PAGE } })).then((r) => r.responses);

/** Any response in scope, flagged or not (an id prefix of 8+, a day or a device is required). */
export function searchResponses(query: ResponseSearchQuery) {
  const q: InferRequestType<typeof api.admin.responses.$get>["query"] = { ...PAGE };
  if (query.id) q.id = query.id;
  if (query.day) q.day = query.day;
  if (query.unit) q.unit = query.unit;
  if (query.deviceId) q.deviceId = query.deviceId;
  return unwrap(api.admin.responses.$get({ query: q })).then((r) => r.responses);
}

/** One response, flagged or not. */
export const reviewResponse = (id: string, decision: ReviewDecision, reason: string) =>
  unwrap(api.admin.responses[":id"].review.$post({ param: { id: encodeURIComponent(id) }, json: { decision, reason } }));

/** Up to 500 responses, one decision and reason, all or nothing. */
export const reviewResponses = (ids: string[], decision: ReviewDecision, reason: string) =>
  unwrap(api.admin.responses.review.$post({ json: { ids, decision, reason } }));
