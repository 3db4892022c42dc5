import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { submitVisitSchema } from "../contracts/field";
import { ApiError } from "../errors";
import { jsonBody } from "../middleware/validate";
import { currentUser, requireRole } from "../middleware/require-role";
import { prepareVisit, saveVisit } from "../services/field/visits";
import { saveDoorVisit } from "../services/register/door-visit";
import { describe, REFUSALS } from "../openapi/describe";

/** Door-to-door visits from the tablets: idempotent by client id, exactly like responses. */
export const visitRoutes = new Hono<AppEnv>().post(
  "/",
  describe("Field", "Record a door-to-door visit; idempotent by id", {
    201: "Accepted",
    200: "Duplicate",
    ...REFUSALS.signedIn,
    ...REFUSALS.body,
    409: "Same id, different content (id_conflict)",
    422: "Invalid, or the register door does not fit (unknown_register_entry, register_entry_mismatch, register_kind_mismatch, invalid_door)",
  }),
  requireRole("interviewer", "admin"),
  jsonBody(submitVisitSchema),
  async (c) => {
    const { db, registry, clock } = c.var.services;
    const body = c.req.valid("json");
    const user = currentUser(c);
    const row = await prepareVisit(db, registry, user, body, clock.now());
    const status = row.registerEntryId
      ? await saveDoorVisit(db, { ...row, registerEntryId: row.registerEntryId }, body.newDoor, user, clock.now())
      : await saveVisit(db, row);
    if (status === "conflict") throw new ApiError(409, "id_conflict", "该编号已用于另一条不同内容的入户记录");
    return status === "accepted"
      ? c.json({ id: row.id, status: "accepted" as const }, 201)
      : c.json({ id: row.id, status: "duplicate" as const }, 200);
  },
);
