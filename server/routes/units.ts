import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { unitSearchQuerySchema } from "../contracts/units";
import { notFound } from "../errors";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { queryParams } from "../middleware/validate";
import { searchUnits } from "../services/units/unit-search";
import { getChildren, getUnit } from "../services/units/units";
import { describe, REFUSALS } from "../openapi/describe";

export const unitRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describe("Units", "Search units by name or code within the caller's scope (for unit pickers)", {
      200: "The unit searched within and the hits",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office", "interviewer"),
    queryParams(unitSearchQuerySchema),
    async (c) => {
      const { db } = c.var.services;
      const q = c.req.valid("query");
      const code = q.under ?? currentUser(c).scope;
      const under = await getUnit(db, code);
      if (!under) throw notFound("单位");
      await assertInScope(c, under.code);
      return c.json(
        { under: { code: under.code, name: under.name, kind: under.kind }, units: await searchUnits(db, under.code, q.q) },
        200,
      );
    },
  )
  .get(
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
