import type { Context } from "hono";
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { fieldQaQuerySchema } from "../contracts/paradata";
import { planExportQuerySchema, planQuerySchema } from "../contracts/quotas";
import { notFound } from "../errors";
import { attachment } from "../lib/content-disposition";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { queryParams } from "../middleware/validate";
import { describe, REFUSALS } from "../openapi/describe";
import { interviewerQa } from "../services/field-qa/interviewer-qa";
import { planExport } from "../services/quotas/plan-export";
import { planProgress } from "../services/quotas/plan-progress";
import { getUnit } from "../services/units/units";

async function scopedUnit(c: Context<AppEnv>, code: string | undefined) {
  const unit = await getUnit(c.var.services.db, code ?? currentUser(c).scope);
  if (!unit) throw notFound("单位");
  await assertInScope(c, unit.code);
  return { code: unit.code, name: unit.name, kind: unit.kind };
}

/**
 * Field progress against plan and the interviewer QA table (issue 16 parts 3 and 6), for
 * supervisors: offices of the scope and admins. Mounted under /field-progress beside its routes.
 */
export const fieldPlanRoutes = new Hono<AppEnv>()
  .get(
    "/plan",
    describe("Field", "Completed interviews against the quotas: totals, per child unit and per interviewer", {
      200: "Totals and rows",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    queryParams(planQuerySchema),
    async (c) => {
      const { unit: code, ...filter } = c.req.valid("query");
      const unit = await scopedUnit(c, code);
      return c.json({ unit, ...(await planProgress(c.var.services.db, unit.code, filter)) }, 200);
    },
  )
  .get(
    "/plan/export",
    describe(
      "Field",
      "Progress against plan as CSV (detail) or XLSX (detail, per unit, per interviewer)",
      {
        200: { description: "The file", media: "application/octet-stream" },
        ...REFUSALS.signedIn,
        ...REFUSALS.query,
        ...REFUSALS.notFound,
      },
      "Same filters as /field-progress/plan. Detail rows: day, unit, questionnaire, interviewer, target (blank without one) and completed visits.",
    ),
    requireRole("admin", "office"),
    queryParams(planExportQuerySchema),
    async (c) => {
      const { unit: code, format, ...filter } = c.req.valid("query");
      const unit = await scopedUnit(c, code);
      const out = await planExport(c.var.services.db, unit, filter, format);
      c.header("Content-Type", out.contentType);
      c.header("Content-Disposition", attachment(out.fileName));
      c.header("Cache-Control", "private, no-store");
      return c.body(out.body, 200);
    },
  )
  .get(
    "/qa",
    describe("Field", "Interviewer QA table: median duration, speeding, straight-lining, distance from the unit's centre", {
      200: "The rule and one row per interviewer",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    queryParams(fieldQaQuerySchema),
    async (c) => {
      const { unit: code, ...filter } = c.req.valid("query");
      const unit = await scopedUnit(c, code);
      const { db, registry, config } = c.var.services;
      return c.json({ unit, ...(await interviewerQa(db, registry, unit.code, filter, config.QR_STRAIGHTLINE_MIN)) }, 200);
    },
  );
