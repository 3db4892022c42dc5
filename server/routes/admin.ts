import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import type { Context } from "hono";
import { ApiError } from "../errors";
import { unitCodeSchema } from "../contracts/units";
import { jsonBody, queryParams } from "../middleware/validate";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { listAudit } from "../services/admin/audit";
import { MAX_REVIEW_BATCH, reviewResponses, type ReviewedResponse } from "../services/admin/response-review";
import { searchResponses } from "../services/admin/response-search";
import { listFlagged } from "../services/admin/flag-review";
import { mayReveal } from "../services/privacy/access";
import { maskPersonalFields } from "../services/privacy/mask";
import { describe, REFUSALS } from "../openapi/describe";
import { auditExport, recordAuditExport } from "../services/admin/audit-export";
import { listLoginEvents } from "../services/auth/login-events";
import { attachment } from "../lib/content-disposition";

const flaggedQuery = z.object({
  unit: unitCodeSchema.optional(),
  status: z.enum(["pending", "included", "excluded", "all"]).default("pending"),
  reason: z.enum(["same_device", "burst", "too_fast", "straight_line", "clock", "manual"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const reviewBody = z.object({
  decision: z.enum(["include", "exclude"]),
  reason: z.string().trim().min(2, "请写明理由").max(500),
});

/** Many responses, one decision, one reason: one transaction, all or nothing. */
const bulkReviewBody = reviewBody.extend({
  ids: z.array(z.guid("答卷编号应为 UUID")).min(1, "请至少选择一份答卷").max(MAX_REVIEW_BATCH, `一次最多审核 ${MAX_REVIEW_BATCH} 份答卷`),
});

/** Finds any response in scope (flagged or not); an id, a day or a device keeps it an index lookup. */
const responseSearchQuery = z
  .object({
    id: z
      .string()
      .regex(/^[0-9A-Fa-f-]{8,36}$/, "答卷编号至少 8 位")
      .optional(),
    unit: unitCodeSchema.optional(),
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为 YYYY-MM-DD")
      .optional(),
    deviceId: z.string().trim().min(1).max(128).optional(),
    channel: z.enum(["qr", "interview"]).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .refine((q) => q.id || q.day || q.deviceId, { message: "请按答卷编号、日期或设备查找", path: ["id"] });

const reviewResult = (row: ReviewedResponse) => ({
  id: row.id,
  flagged: row.flagged,
  flagReason: row.flagReason,
  reviewDecision: row.reviewDecision,
  reviewReason: row.reviewReason,
  reviewedBy: row.reviewedBy,
  reviewedAt: row.reviewedAt,
});

/** One response by id: 404 unknown, 403 outside the caller's scope (its stored unit), all checked in the transaction. */
async function reviewOne(c: Context<AppEnv>, body: z.infer<typeof reviewBody>, requireFlagged: boolean) {
  const { db, registry, clock } = c.var.services;
  const user = currentUser(c);
  const id = c.req.param("id") ?? "";
  if (!z.guid().safeParse(id).success) throw new ApiError(404, "not_found", "答卷不存在");
  const [row] = await reviewResponses(
    db,
    registry,
    { ids: [id], ...body, actor: user.username, scope: user.scope, requireFlagged },
    clock.now(),
  );
  return reviewResult(row!);
}

const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
  action: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
});

const auditExportQuery = auditQuery.pick({ action: true, actor: true }).extend({ format: z.enum(["csv", "xlsx"]).default("csv") });

const loginsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
  username: z.string().max(64).optional(),
  outcome: z.enum(["success", "wrong_password", "unknown_user", "disabled", "throttled"]).optional(),
});

/**
 * Review (include/exclude any response in scope with a reason, one or up to MAX_REVIEW_BATCH at
 * once; the rates follow in the same transaction), the response search, and the audit log. Admin only.
 */
export const adminRoutes = new Hono<AppEnv>()
  .get(
    "/flagged",
    describe("Admin", "Flagged responses awaiting review", {
      200: "The responses; phone and identity numbers in their answers are masked (`masked: true`) without the personal-data permission",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
    }),
    requireRole("admin"),
    queryParams(flaggedQuery),
    async (c) => {
      const query = c.req.valid("query");
      if (query.unit) await assertInScope(c, query.unit);
      const user = currentUser(c);
      const reveal = mayReveal(user);
      const rows = await listFlagged(c.var.services.db, { ...query, scope: user.scope }, { reveal });
      return c.json({ responses: rows, masked: !reveal }, 200);
    },
  )
  .post(
    "/flagged/:id/review",
    describe("Admin", "Include or exclude one flagged response", {
      200: "The review",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    requireRole("admin"),
    jsonBody(reviewBody),
    async (c) => {
      return c.json(await reviewOne(c, c.req.valid("json"), true), 200);
    },
  )
  .get(
    "/responses",
    describe("Admin", "Search responses in scope", {
      200: "The responses; phone and identity numbers in their answers are masked (`masked: true`) without the personal-data permission",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
    }),
    requireRole("admin"),
    queryParams(responseSearchQuery),
    async (c) => {
      const query = c.req.valid("query");
      if (query.unit) await assertInScope(c, query.unit);
      const user = currentUser(c);
      const reveal = mayReveal(user);
      const rows = await searchResponses(c.var.services.db, { ...query, scope: user.scope }, { reveal });
      return c.json({ responses: rows, masked: !reveal }, 200);
    },
  )
  .post(
    "/responses/review",
    describe("Admin", "Include or exclude many responses at once", {
      200: "The reviews",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    requireRole("admin"),
    jsonBody(bulkReviewBody),
    async (c) => {
      const { db, registry, clock } = c.var.services;
      const user = currentUser(c);
      const { ids, decision, reason } = c.req.valid("json");
      const rows = await reviewResponses(db, registry, { ids, decision, reason, actor: user.username, scope: user.scope }, clock.now());
      return c.json({ decision, reviewed: rows.length, responses: rows.map(reviewResult) }, 200);
    },
  )
  .post(
    "/responses/:id/review",
    describe("Admin", "Include or exclude any response by id", {
      200: "The review",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    requireRole("admin"),
    jsonBody(reviewBody),
    async (c) => {
      return c.json(await reviewOne(c, c.req.valid("json"), false), 200);
    },
  )
  .get(
    "/audit",
    describe("Admin", "The audit log of the admin's scope", { 200: "The entries", ...REFUSALS.signedIn, ...REFUSALS.query }),
    requireRole("admin"),
    queryParams(auditQuery),
    async (c) => {
      const q = c.req.valid("query");
      const user = currentUser(c);
      // Household labels and positions some entries carry (field.discard) stay masked without the permission.
      const shown = mayReveal(user) ? (v: unknown) => v : maskPersonalFields;
      // Only the entries of the admin's own subtree (a district admin never reads the city's log).
      const rows = await listAudit(c.var.services.db, {
        scope: user.scope,
        limit: q.limit,
        beforeId: q.before,
        action: q.action,
        actor: q.actor,
      });
      return c.json(
        {
          entries: rows.map((r) => ({
            ...r,
            before: r.before === null ? null : shown(JSON.parse(r.before) as unknown),
            after: r.after === null ? null : shown(JSON.parse(r.after) as unknown),
          })),
        },
        200,
      );
    },
  )
  .get(
    "/audit/export",
    describe("Admin", "The audit log of the admin's scope as a CSV or XLSX file (filters as GET /admin/audit)", {
      200: "The file (streamed)",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
    }),
    requireRole("admin"),
    queryParams(auditExportQuery),
    async (c) => {
      const q = c.req.valid("query");
      const { db, clock } = c.var.services;
      const user = currentUser(c);
      const query = { scope: user.scope, action: q.action, actor: q.actor };
      await recordAuditExport(db, user.username, query, q.format, clock.now());
      const out = auditExport(db, query, q.format, clock.now());
      c.header("Content-Type", out.contentType);
      c.header("Content-Disposition", attachment(out.fileName));
      c.header("Cache-Control", "private, no-store");
      c.header("Access-Control-Expose-Headers", "Content-Disposition");
      return c.body(out.body, 200);
    },
  )
  .get(
    "/logins",
    describe("Admin", "Sign-in tries of the users in the admin's scope (登录记录): time, outcome, masked address, device hash", {
      200: "The sign-ins, newest first",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
    }),
    requireRole("admin"),
    queryParams(loginsQuery),
    async (c) => {
      const q = c.req.valid("query");
      const rows = await listLoginEvents(c.var.services.db, {
        scope: currentUser(c).scope,
        limit: q.limit,
        beforeId: q.before,
        username: q.username,
        outcome: q.outcome,
      });
      return c.json(
        {
          logins: rows.map((r) => ({
            id: r.id,
            at: r.at,
            username: r.username,
            outcome: r.outcome,
            address: r.addressMasked,
            addressHash: r.addressHash,
            deviceHash: r.deviceHash,
          })),
        },
        200,
      );
    },
  );
