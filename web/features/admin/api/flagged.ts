import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { FlaggedResponse, ResponseSearchQuery, ReviewDecision, ReviewStatus } from "../types";

export const listFlagged = (status: ReviewStatus) =>
  apiRequest<{ responses: FlaggedResponse[] }>(`${API_BASE}/admin/flagged?status=${status}`).then((r) => r.responses);

/** Any response in scope, flagged or not (an id prefix of 8+, a day or a device is required). */
export function searchResponses(query: ResponseSearchQuery): Promise<FlaggedResponse[]> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  return apiRequest<{ responses: FlaggedResponse[] }>(`${API_BASE}/admin/responses?${params}`).then((r) => r.responses);
}

/** One response, flagged or not. */
export const reviewResponse = (id: string, decision: ReviewDecision, reason: string) =>
  apiRequest<FlaggedResponse>(`${API_BASE}/admin/responses/${encodeURIComponent(id)}/review`, { method: "POST", body: { decision, reason } });

/** Up to 500 responses, one decision and reason, all or nothing. */
export const reviewResponses = (ids: string[], decision: ReviewDecision, reason: string) =>
  apiRequest<{ decision: ReviewDecision; reviewed: number }>(`${API_BASE}/admin/responses/review`, { method: "POST", body: { ids, decision, reason } });
