import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { notFound } from "../errors";
import { assertPosterOpen } from "../services/posters/poster-status";
import { assertSurveyInUse, readRetiredAt } from "../services/surveys/survey-retirement";
import { verifyPosterToken } from "../services/posters/posters";
import { getLineage } from "../services/units/units";
import { describe, REFUSALS } from "../openapi/describe";
import { addressName } from "../services/units/address-name";
import { readPrivacyNotice } from "../services/setup/privacy-notice";

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
    410: "Poster revoked or outside its window, or its survey retired (poster_closed)",
  }),
  async (c) => {
    const { db, secret, registry, clock } = c.var.services;
    const poster = await verifyPosterToken(db, secret, c.req.param("token"));
    if (!poster) throw notFound("二维码");
    assertPosterOpen(poster, clock.now());
    // Read fresh like the poster: a retired survey's posters answer as closed at once (issue 17).
    assertSurveyInUse(await readRetiredAt(db, poster.surveyId));
    const [lineage, survey, notice] = await Promise.all([
      getLineage(db, poster.unitCode),
      registry.getCurrent(poster.surveyId),
      readPrivacyNotice(db),
    ]);
    const unit = lineage.at(-1);
    if (!unit || !survey) throw notFound("二维码");
    // The full name reads like an address: 大渡口区 新山村街道 民主社区 (services/units/address-name.ts).
    const fullName = addressName(lineage);
    const head = JSON.stringify({
      unit: { code: unit.code, name: unit.name, fullName },
      posterId: poster.id,
      privacyNotice: { summary: notice.respondentSummary, full: notice.respondentFull },
    });
    return c.body(`${head.slice(0, -1)},"survey":${survey.body}}`, 200, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-cache",
    });
  },
);
