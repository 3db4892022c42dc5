import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { notFound } from "../errors";
import { assertInScope, requireRole } from "../middleware/require-role";
import { getChildren, getUnit } from "../services/units/units";
import { describe, REFUSALS } from "../openapi/describe";

export const unitRoutes = new Hono<AppEnv>().get(
  "/:code",
  describe("Units", "A unit with its children", { 200: "The unit", ...REFUSALS.signedIn, ...REFUSALS.notFound }),
  requireRole("admin", "office", "interviewer"),
  async (c) => {
    const { db } = c.var.services;
    const unit = await getUnit(db, c.req.param("code"));
    if (!unit) throw notFound("单位");
    await assertInScope(c, unit.code);
    const children = await getChildren(db, unit.code);
    return c.json(
      {
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        parentCode: unit.parentCode,
        households: unit.households,
        population: unit.population,
        shops: unit.shops,
        students: unit.students,
        targetN: unit.targetN,
        children: children.map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
      },
      200,
    );
  },
);
