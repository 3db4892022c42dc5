import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { describe, REFUSALS } from "../openapi/describe";
import { loadQuestionnaire } from "../services/posters/questionnaire";

/**
 * GET /api/v1/q/:token: what a scanned poster shows, the unit and its survey's current version;
 * 410 for a revoked poster or one outside its collection window (read fresh on every scan).
 * It carries the 个人信息处理告知 too (issue 19), so the notice costs the page no request of its own.
 */
export const questionnaireRoutes = new Hono<AppEnv>().get(
  "/:token",
  describe("Questionnaire", "What a scanned poster shows: its unit and its survey's current version", {
    200: "unit, posterId, privacyNotice {summary, full}, survey",
    ...REFUSALS.notFound,
    410: "Poster revoked or outside its window",
  }),
  async (c) => {
    const { db, secret, registry, clock } = c.var.services;
    const { body } = await loadQuestionnaire(db, { secret, registry, clock }, c.req.param("token"));
    return c.body(body, 200, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-cache",
    });
  },
);
