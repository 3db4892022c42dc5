import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { notFound } from "../errors";
import { describe, REFUSALS } from "../openapi/describe";

const JSON_HEADERS = { "content-type": "application/json; charset=utf-8" };

/** Survey definitions are public: every respondent sees them anyway. Served from memory. */
export const surveyRoutes = new Hono<AppEnv>()
  .get(
    "/",
    describe("Surveys", "The current version of every survey", { 200: "id, version, audience, title, retiredAt of each" }),
    async (c) => {
      const { registry } = c.var.services;
      const list = await registry.listCurrent();
      // retiredAt (issue 17): a retired survey's posters are closed; clients offer it no more.
      const retired = await Promise.all(list.map((s) => registry.retiredAt(s.id)));
      return c.json(
        list.map((s, i) => ({ id: s.id, version: s.version, audience: s.audience, title: s.title, retiredAt: retired[i] ?? null })),
        200,
      );
    },
  )
  .get(
    "/:id",
    describe("Surveys", "A survey's current SurveyJS definition", { 200: "The SurveyJS JSON", ...REFUSALS.notFound }),
    async (c) => {
      const survey = await c.var.services.registry.getCurrent(c.req.param("id"));
      if (!survey) throw notFound("问卷");
      return c.body(survey.body, 200, JSON_HEADERS);
    },
  )
  .get(
    "/:id/versions/:version",
    describe("Surveys", "One published version's SurveyJS definition (immutable, cacheable)", {
      200: "The SurveyJS JSON",
      ...REFUSALS.notFound,
    }),
    async (c) => {
      const version = Number(c.req.param("version"));
      const survey = Number.isSafeInteger(version) ? await c.var.services.registry.get(c.req.param("id"), version) : undefined;
      if (!survey) throw notFound("问卷版本");
      // Published versions never change, so clients may keep them.
      return c.body(survey.body, 200, { ...JSON_HEADERS, "cache-control": "public, max-age=86400, immutable" });
    },
  );
