import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env";
import { ageSharesUpdateSchema } from "../contracts/age-shares";
import { notFound } from "../errors";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { jsonBody } from "../middleware/validate";
import { ageSharesView, checkAgeShares, removeAgeShares, setAgeShares } from "../services/units/age-shares";
import { getUnit } from "../services/units/units";
import { describe, REFUSALS } from "../openapi/describe";

/** The unit of the path, checked to exist (404) and to lie in the caller's scope (403). */
async function scopedUnit(c: Context<AppEnv>) {
  const unit = await getUnit(c.var.services.db, c.req.param("code") ?? "");
  if (!unit) throw notFound("单位");
  await assertInScope(c, unit.code, "不能查看或修改管辖范围之外单位的年龄结构");
  return unit;
}

/**
 * Census age-band shares of a unit's residents (issue 13), for weighting resident rates: offices
 * read them, admins set and remove a unit's own inside their scope; a unit without its own takes
 * its nearest ancestor's. Mounted under /units, so the paths are /units/{code}/age-shares.
 */
export const unitAgeShareRoutes = new Hono<AppEnv>()
  .get(
    "/:code/age-shares",
    describe("Units", "The census age-band shares in force for a unit (own or nearest ancestor's)", {
      200: "The shares",
      ...REFUSALS.signedIn,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    async (c) => {
      const { db, registry } = c.var.services;
      const unit = await scopedUnit(c);
      return c.json(await ageSharesView(db, registry, unit), 200);
    },
  )
  .put(
    "/:code/age-shares",
    describe("Units", "Set a unit's own census age-band shares (replacing them)", {
      200: "The shares, after the change",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
      422: "Body does not fit the schema (invalid_request), a band the resident survey does not define (unknown_band), shares not summing to 1 (shares_sum)",
    }),
    requireRole("admin"),
    jsonBody(ageSharesUpdateSchema),
    async (c) => {
      const { db, registry, clock } = c.var.services;
      const { shares } = c.req.valid("json");
      const unit = await scopedUnit(c);
      await checkAgeShares(registry, shares);
      await setAgeShares(db, unit.code, shares, currentUser(c), clock.now());
      return c.json(await ageSharesView(db, registry, unit), 200);
    },
  )
  .delete(
    "/:code/age-shares",
    describe("Units", "Remove a unit's own age-band shares (it inherits its ancestor's again)", {
      200: "The shares in force after the change",
      ...REFUSALS.signedIn,
      ...REFUSALS.notFound,
    }),
    requireRole("admin"),
    async (c) => {
      const { db, registry, clock } = c.var.services;
      const unit = await scopedUnit(c);
      // Nothing of its own to remove is a 404, not a silent 200: the caller asked for something absent.
      if (!(await removeAgeShares(db, unit.code, currentUser(c), clock.now()))) throw notFound("该单位自己设置的年龄结构");
      return c.json(await ageSharesView(db, registry, unit), 200);
    },
  );
