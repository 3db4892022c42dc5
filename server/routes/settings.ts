import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { rateSettingsUpdateSchema } from "../contracts/rates";
import { jsonBody } from "../middleware/json-body";
import { currentUser, requireRole } from "../middleware/require-role";
import { getRateSettings, updateRateSettings } from "../services/rate-settings";

/** Thresholds and the minimum sample per metric (DESIGN.md §5): offices read, admins change. */
export const settingsRoutes = new Hono<AppEnv>()
  .get("/thresholds", requireRole("admin", "office"), async (c) => c.json(await getRateSettings(c.var.services.db), 200))
  .put("/thresholds", requireRole("admin"), jsonBody(rateSettingsUpdateSchema), async (c) => {
    const { db, clock } = c.var.services;
    const updated = await updateRateSettings(db, c.req.valid("json"), currentUser(c).username, clock.now());
    return c.json(updated, 200);
  });
