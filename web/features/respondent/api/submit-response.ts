import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { SubmitResponse } from "../../../../server/contracts/responses";
import type { QrSubmission, SubmissionReceipt } from "../types";

/** Sends one completed questionnaire; safe to repeat with the same `id` (the server dedupes). */
export function submitResponse(submission: QrSubmission): Promise<SubmissionReceipt> {
  return apiRequest<SubmissionReceipt>(`${API_BASE}/responses`, {
    method: "POST",
    // Checked against the server's zod contract at compile time (type-only import, no code).
    body: submission satisfies SubmitResponse,
    timeoutMs: 30_000,
  });
}
