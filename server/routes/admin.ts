import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { notFound } from "../errors";
import { unitCodeSchema } from "../contracts/units";
import { jsonBody } from "../middleware/json-body";
import { queryParams } from "../middleware/query-params";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { listAudit } from "../services/audit";
import { listFlagged, responseUnit, reviewResponse } from "../services/review";

const flaggedQuery = z.object({
  unit: unitCodeSchema.optional(),
  status: z.enum(["pending", "included", "excluded", "all"]).default("pending"),
  reason: z.enum(["same_device", "burst", "too_fast", "straight_line", "clock"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const reviewBody = z.object({
  decision: z.enum(["include", "exclude"]),
  reason: z.string().trim().min(2, "请写明理由").max(500),
});

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
});

/** Flag review (include/exclude with a reason; the rates follow) and the audit log. Admin only. */
export const adminRoutes = new Hono<AppEnv>()
  .get("/flagged", requireRole("admin"), queryParams(flaggedQuery), async (c) => {
    const query = c.req.valid("query");
    if (query.unit) await assertInScope(c, query.unit);
    const rows = await listFlagged(c.var.services.db, { ...query, scope: currentUser(c).scope });
    return c.json({ responses: rows }, 200);
  })
  .post("/flagged/:id/review", requireRole("admin"), jsonBody(reviewBody), async (c) => {
    const { db, registry, clock } = c.var.services;
    const user = currentUser(c);
    const { decision, reason } = c.req.valid("json");
    const unitCode = await responseUnit(db, c.req.param("id"));
    if (!unitCode) throw notFound("答卷");
    await assertInScope(c, unitCode, "无权审核该单位的答卷");
    const row = await reviewResponse(db, registry, { id: c.req.param("id"), decision, reason, actor: user.username }, clock.now());
    return c.json(
      { id: row.id, flagged: row.flagged, flagReason: row.flagReason, reviewDecision: row.reviewDecision, reviewReason: row.reviewReason, reviewedBy: row.reviewedBy, reviewedAt: row.reviewedAt },
      200,
    );
  })
  .get("/audit", requireRole("admin"), queryParams(auditQuery), async (c) => {
    const q = c.req.valid("query");
    // Only the entries of the admin's own subtree (a district admin never reads the city's log).
    const rows = await listAudit(c.var.services.db, { scope: currentUser(c).scope, limit: q.limit, beforeId: q.before, action: q.action, actor: q.actor });
    return c.json(
      {
        entries: rows.map((r) => ({
          ...r,
          before: r.before === null ? null : (JSON.parse(r.before) as unknown),
          after: r.after === null ? null : (JSON.parse(r.after) as unknown),
        })),
      },
      200,
    );
  });
