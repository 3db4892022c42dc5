import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { heartbeatSchema } from "../contracts/field";
import { jsonBody } from "../middleware/validate";
import { currentUser, requireRole } from "../middleware/require-role";
import { recordHeartbeat } from "../services/field/devices";
import { describe, REFUSALS } from "../openapi/describe";

/** Tablets report what they still hold, so offices see unsent work before a deadline. */
export const deviceRoutes = new Hono<AppEnv>().post(
  "/heartbeat",
  describe("Field", "A tablet reports what it still holds", { 200: "Received", ...REFUSALS.signedIn, ...REFUSALS.body }),
  requireRole("interviewer", "admin"),
  jsonBody(heartbeatSchema),
  async (c) => {
    const { db, clock } = c.var.services;
    const row = await recordHeartbeat(db, currentUser(c).username, c.req.valid("json"), clock.now());
    return c.json({ deviceId: row.deviceId, receivedAt: row.lastHeartbeatAt }, 200);
  },
);
