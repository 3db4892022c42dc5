import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { currentUser, requireRole } from "../middleware/require-role";
import { describe, REFUSALS } from "../openapi/describe";
import { reopenSurvey, retireSurvey } from "../services/surveys/survey-retirement";

/** Retiring a survey (its posters answer as closed, no new posters) and putting it back, admin only, audited. */
export const surveyLifecycleRoutes = new Hono<AppEnv>()
  .post(
    "/:id/retire",
    describe("Surveys", "Retire a survey: its posters answer as closed", {
      200: "surveyId and retiredAt",
      ...REFUSALS.signedIn,
      ...REFUSALS.notFound,
    }),
    requireRole("admin"),
    async (c) => {
      const { db, clock, registry } = c.var.services;
      const result = await retireSurvey(db, currentUser(c).username, c.req.param("id"), clock.now());
      registry.forgetRetired(result.surveyId);
      return c.json(result, 200);
    },
  )
  .post(
    "/:id/reopen",
    describe("Surveys", "Put a retired survey back in use", { 200: "surveyId", ...REFUSALS.signedIn, ...REFUSALS.notFound }),
    requireRole("admin"),
    async (c) => {
      const { db, clock, registry } = c.var.services;
      const result = await reopenSurvey(db, currentUser(c).username, c.req.param("id"), clock.now());
      registry.forgetRetired(result.surveyId);
      return c.json(result, 200);
    },
  );
