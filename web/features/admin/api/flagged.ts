import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { FlaggedResponse, ReviewStatus } from "../types";

export const listFlagged = (status: ReviewStatus) =>
  apiRequest<{ responses: FlaggedResponse[] }>(`${API_BASE}/admin/flagged?status=${status}`).then((r) => r.responses);

export const reviewFlagged = (id: string, decision: "include" | "exclude", reason: string) =>
  apiRequest<FlaggedResponse>(`${API_BASE}/admin/flagged/${encodeURIComponent(id)}/review`, { method: "POST", body: { decision, reason } });
