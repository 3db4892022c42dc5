import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env";
import { unitCenterSchema } from "../contracts/paradata";
import { notFound } from "../errors";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { jsonBody } from "../middleware/validate";
import { describe, REFUSALS } from "../openapi/describe";
import { setUnitCenter } from "../services/units/unit-centers";
import { getUnit } from "../services/units/units";

async function scopedUnit(c: Context<AppEnv>) {
  const unit = await getUnit(c.var.services.db, c.req.param("code") ?? "");
  if (!unit) throw notFound("单位");
  await assertInScope(c, unit.code, "不能修改管辖范围之外单位的中心点");
  return unit;
}

/** A unit's centre (issue 16 part 6), for the QA table's distances; admins of the scope set and clear it. */
export const unitCenterRoutes = new Hono<AppEnv>()
  .put(
    "/:code/center",
    describe("Units", "Set a unit's centre (WGS 84 lat/lng)", {
      200: "The centre",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    requireRole("admin"),
    jsonBody(unitCenterSchema),
    async (c) => {
      const unit = await scopedUnit(c);
      const { db, clock } = c.var.services;
      return c.json(await setUnitCenter(db, unit.code, c.req.valid("json"), currentUser(c), clock.now()), 200);
    },
  )
  .delete(
    "/:code/center",
    describe("Units", "Clear a unit's centre", { 200: "Cleared", ...REFUSALS.signedIn, ...REFUSALS.notFound }),
    requireRole("admin"),
    async (c) => {
      const unit = await scopedUnit(c);
      // Nothing to clear is a 404, as for age shares: the caller asked to remove something absent.
      if (unit.centerLat == null || unit.centerLng == null) throw notFound("该单位的中心点");
      const { db, clock } = c.var.services;
      return c.json(await setUnitCenter(db, unit.code, null, currentUser(c), clock.now()), 200);
    },
  );
