import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { submitResponseSchema } from "../contracts/responses";
import { ApiError } from "../errors";
import { clientAddress } from "../lib/request-origin";
import { jsonBody } from "../middleware/json-body";
import { submitResponse } from "../services/ingest/submit-response";

export const responseRoutes = new Hono<AppEnv>().post("/", jsonBody(submitResponseSchema), async (c) => {
  const body = c.req.valid("json");
  const { id, status } = await submitResponse(c.var.services, body, { user: c.var.user, address: clientAddress(c) });
  if (status === "conflict") throw new ApiError(409, "id_conflict", "该编号已用于另一份不同内容的答卷");
  return status === "accepted" ? c.json({ id, status: "accepted" as const }, 201) : c.json({ id, status: "duplicate" as const }, 200);
});
