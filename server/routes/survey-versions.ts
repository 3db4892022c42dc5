import { and, asc, count, eq, inArray } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import { responses, surveyVersions, unitClosure } from "../db/schema";
import { ApiError, notFound } from "../errors";
import { queryParams } from "../middleware/validate";
import { currentUser, requireRole } from "../middleware/require-role";
import { diffSurveys } from "../services/surveys/survey-diff";
import { getVersionRow } from "../services/surveys/surveys";
import { describe, REFUSALS } from "../openapi/describe";

const diffQuery = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

/**
 * Admin views of published versions: every version with how many responses of the admin's
 * subtree used it, and the readable difference between two versions.
 */
export const surveyVersionRoutes = new Hono<AppEnv>()
  .get(
    "/:id/versions",
    describe("Surveys", "Every published version with its response counts in the admin's scope", {
      200: "The versions",
      ...REFUSALS.signedIn,
      ...REFUSALS.notFound,
    }),
    requireRole("admin"),
    async (c) => {
      const { db } = c.var.services;
      const id = c.req.param("id");
      const rows = await db
        .select({
          version: surveyVersions.version,
          title: surveyVersions.title,
          audience: surveyVersions.audience,
          hash: surveyVersions.hash,
          publishedAt: surveyVersions.publishedAt,
        })
        .from(surveyVersions)
        .where(eq(surveyVersions.surveyId, id))
        .orderBy(asc(surveyVersions.version));
      if (rows.length === 0) throw notFound("问卷");
      // Only the responses of the admin's own subtree: a district admin never learns another's volume.
      const subtree = db
        .select({ code: unitClosure.descendant })
        .from(unitClosure)
        .where(eq(unitClosure.ancestor, currentUser(c).scope));
      const counts = await db
        .select({ version: responses.surveyVersion, flagged: responses.flagged, n: count() })
        .from(responses)
        .where(and(eq(responses.surveyId, id), inArray(responses.unitCode, subtree)))
        .groupBy(responses.surveyVersion, responses.flagged);
      const per = (version: number, flagged: boolean) => counts.find((r) => r.version === version && r.flagged === flagged)?.n ?? 0;
      return c.json(
        {
          id,
          versions: rows.map((r) => ({ ...r, responses: per(r.version, false) + per(r.version, true), flagged: per(r.version, true) })),
        },
        200,
      );
    },
  )
  .get(
    "/:id/diff",
    describe("Surveys", "The readable difference between two versions", {
      200: "The changes",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    requireRole("admin"),
    queryParams(diffQuery),
    async (c) => {
      const { db } = c.var.services;
      const id = c.req.param("id");
      const { from, to } = c.req.valid("query");
      if (from === to) throw new ApiError(422, "same_version", "请选择两个不同的版本");
      const [a, b] = await Promise.all([getVersionRow(db, id, from), getVersionRow(db, id, to)]);
      if (!a || !b) throw notFound("问卷版本");
      return c.json({ id, from, to, diff: diffSurveys(JSON.parse(a.json), JSON.parse(b.json)) }, 200);
    },
  );
