import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { discardReportSchema, heartbeatSchema } from "../contracts/field";
import { jsonBody } from "../middleware/validate";
import { currentUser, requireRole } from "../middleware/require-role";
import { recordHeartbeat } from "../services/field/devices";
import { recordDiscard } from "../services/field/discards";
import { describe, REFUSALS } from "../openapi/describe";

/**
 * Tablets report what they still hold, so offices see unsent work before a deadline, and which
 * refused items their interviewer discarded (audited).
 */
export const deviceRoutes = new Hono<AppEnv>()
  .post(
    "/heartbeat",
    describe("Field", "A tablet reports what it still holds", { 200: "Received", ...REFUSALS.signedIn, ...REFUSALS.body }),
    requireRole("interviewer", "admin"),
    jsonBody(heartbeatSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      const row = await recordHeartbeat(db, currentUser(c).username, c.req.valid("json"), clock.now());
      return c.json({ deviceId: row.deviceId, receivedAt: row.lastHeartbeatAt }, 200);
    },
  )
  .post(
    "/discards",
    describe(
      "Field",
      "A tablet reports a refused (需处理) item its interviewer discarded, with the reason; audited, idempotent by clientId",
      {
        201: "Recorded in the audit log",
        200: "Duplicate (already recorded)",
        ...REFUSALS.signedIn,
        ...REFUSALS.body,
      },
    ),
    requireRole("interviewer", "admin"),
    jsonBody(discardReportSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      const report = c.req.valid("json");
      const status = await recordDiscard(db, currentUser(c), report, clock.now());
      return c.json({ clientId: report.clientId.toLowerCase(), status }, status === "recorded" ? 201 : 200);
    },
  );
