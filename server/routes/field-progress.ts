import type { Context } from "hono";
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { fieldProgressQuerySchema, type FieldProgressQuery } from "../contracts/field";
import { notFound } from "../errors";
import { queryParams } from "../middleware/validate";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { listDevicesInScope } from "../services/field/devices";
import { interviewerDays, unitOutcomes } from "../services/field/field-progress";
import { getUnit } from "../services/units/units";
import { describe, REFUSALS } from "../openapi/describe";

/** The unit asked for (default: the caller's scope), checked to exist and to lie in scope. */
async function scopedUnit(c: Context<AppEnv>, query: FieldProgressQuery) {
  const code = query.unit ?? currentUser(c).scope;
  const unit = await getUnit(c.var.services.db, code);
  if (!unit) throw notFound("单位");
  await assertInScope(c, unit.code);
  return { code: unit.code, name: unit.name, kind: unit.kind };
}

const range = (q: FieldProgressQuery) => ({ from: q.from, to: q.to });

/** Field progress for offices: who interviewed how much, outcomes and coverage per community, devices. */
export const fieldProgressRoutes = new Hono<AppEnv>()
  .use(requireRole("admin", "office"))
  .get(
    "/interviewers",
    describe("Field", "Progress per interviewer", { 200: "The rows", ...REFUSALS.signedIn, ...REFUSALS.query, ...REFUSALS.notFound }),
    queryParams(fieldProgressQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      const unit = await scopedUnit(c, query);
      const rows = await interviewerDays(c.var.services.db, unit.code, range(query));
      return c.json({ unit, rows }, 200);
    },
  )
  .get(
    "/units",
    describe("Field", "Progress per unit", { 200: "Totals and rows", ...REFUSALS.signedIn, ...REFUSALS.query, ...REFUSALS.notFound }),
    queryParams(fieldProgressQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      const unit = await scopedUnit(c, query);
      const { rows, totals } = await unitOutcomes(c.var.services.db, unit.code, range(query));
      return c.json({ unit, totals, rows }, 200);
    },
  )
  .get(
    "/devices",
    describe("Field", "Tablets and their unsent work", { 200: "The rows", ...REFUSALS.signedIn, ...REFUSALS.query, ...REFUSALS.notFound }),
    queryParams(fieldProgressQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      const unit = await scopedUnit(c, query);
      const rows = await listDevicesInScope(c.var.services.db, unit.code);
      return c.json({ unit, rows }, 200);
    },
  );
