import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { QrSubmission, SubmissionReceipt } from "../types";

/** Sends one completed questionnaire; safe to repeat with the same `id` (the server dedupes). */
export function submitResponse(submission: QrSubmission): Promise<SubmissionReceipt> {
  return apiRequest<SubmissionReceipt>(`${API_BASE}/responses`, {
    method: "POST",
    body: submission,
    timeoutMs: 30_000,
  });
}
