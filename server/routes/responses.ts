import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { submitResponseSchema } from "../contracts/responses";
import { ApiError } from "../errors";
import { clientAddress } from "../lib/request-origin";
import { jsonBody } from "../middleware/validate";
import { describe, REFUSALS } from "../openapi/describe";
import { submitResponse } from "../services/ingest/submit-response";

export const responseRoutes = new Hono<AppEnv>().post(
  "/",
  describe("Responses", "Submit a response (QR or interview); idempotent by id", {
    201: "Accepted",
    200: "Duplicate of a stored response",
    ...REFUSALS.body,
    401: "Interview without a session",
    403: "Interview outside the interviewer's scope",
    409: "Same id, different content (id_conflict)",
    429: "Too many from one source (rate_limited)",
    503: "Storage refused the write (storage_unavailable)",
  }),
  jsonBody(submitResponseSchema),
  async (c) => {
    const body = c.req.valid("json");
    const { id, status } = await submitResponse(c.var.services, body, { user: c.var.user, address: clientAddress(c) });
    if (status === "conflict") throw new ApiError(409, "id_conflict", "该编号已用于另一份不同内容的答卷");
    return status === "accepted" ? c.json({ id, status: "accepted" as const }, 201) : c.json({ id, status: "duplicate" as const }, 200);
  },
);
