import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env";
import { quotaListQuerySchema, quotaSetSchema } from "../contracts/quotas";
import { notFound } from "../errors";
import { shanghaiDay } from "../lib/shanghai-day";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { jsonBody, queryParams } from "../middleware/validate";
import { describe, REFUSALS } from "../openapi/describe";
import { deleteQuota, listQuotas, myQuotas, setQuotas } from "../services/quotas/quotas";
import { getUnit } from "../services/units/units";

/** Days ahead the tablet keeps its assignments for, so a week can be worked offline. */
const MINE_DAYS_AHEAD = 7;

async function scopedUnit(c: Context<AppEnv>, code: string | undefined): Promise<string> {
  const unit = code ?? currentUser(c).scope;
  if (!(await getUnit(c.var.services.db, unit))) throw notFound("单位");
  await assertInScope(c, unit);
  return unit;
}

/**
 * Count quotas (issue 16 part 3): a supervisor (office user of the scope, or admin) plans how many
 * completed interviews an interviewer does per leaf unit, questionnaire and day; the interviewer's
 * tablet reads its own (`/mine`). Every change is audited (quotas.set, quotas.delete).
 */
export const quotaRoutes = new Hono<AppEnv>()
  .get(
    "/mine",
    describe("Field", "The signed-in interviewer's own targets from today (Asia/Shanghai) for a week, for the tablet", {
      200: "The targets, with unit names",
      ...REFUSALS.signedIn,
    }),
    requireRole("interviewer", "admin"),
    async (c) => {
      const now = c.var.services.clock.now();
      const from = shanghaiDay(now);
      const to = shanghaiDay(new Date(now.getTime() + MINE_DAYS_AHEAD * 86_400_000));
      return c.json({ today: from, items: await myQuotas(c.var.services.db, currentUser(c).username, from, to) }, 200);
    },
  )
  .get(
    "/",
    describe("Field", "Targets inside a unit's subtree (default: the caller's scope), by day, unit, questionnaire and interviewer", {
      200: "The targets (at most 5000)",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    queryParams(quotaListQuerySchema),
    async (c) => {
      const { unit, ...filters } = c.req.valid("query");
      const code = await scopedUnit(c, unit);
      return c.json({ unit: code, items: await listQuotas(c.var.services.db, code, filters) }, 200);
    },
  )
  .put(
    "/",
    describe(
      "Field",
      "Set (or with target null remove) one interviewer's target for a leaf unit and questionnaire on every day of a range",
      {
        200: "The targets of the range after the change",
        ...REFUSALS.signedIn,
        ...REFUSALS.body,
        422: "Body does not fit the schema (invalid_request), unknown unit (unknown_unit), not a community or school (not_leaf), unknown questionnaire (unknown_survey) or one for another audience (survey_mismatch), unknown interviewer (unknown_interviewer) or one whose scope lacks the unit (interviewer_out_of_scope)",
      },
    ),
    requireRole("admin", "office"),
    jsonBody(quotaSetSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      return c.json({ items: await setQuotas(db, c.req.valid("json"), currentUser(c), clock.now()) }, 200);
    },
  )
  .delete(
    "/:id",
    describe("Field", "Remove one target", { 200: "Removed", ...REFUSALS.signedIn, ...REFUSALS.notFound }),
    requireRole("admin", "office"),
    async (c) => {
      const raw = c.req.param("id");
      if (!/^[1-9]\d{0,15}$/.test(raw)) throw notFound("任务");
      const { db, clock } = c.var.services;
      await deleteQuota(db, Number(raw), currentUser(c), clock.now());
      return c.json({ id: Number(raw), deleted: true as const }, 200);
    },
  );
