import { api, unwrap, withTimeout } from "../../../lib/api-client";
import type { QrSubmission, SubmissionReceipt } from "../types";

/** Sends one completed questionnaire; safe to repeat with the same `id` (the server dedupes). */
export function submitResponse(submission: QrSubmission): Promise<SubmissionReceipt> {
  return unwrap(api.responses.$post({ json: submission }, withTimeout(30_000)));
}
