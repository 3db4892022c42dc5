import { Hono, type Context } from "hono";
import QRCode from "qrcode";
import type { AppEnv } from "../app-env";
import {
  createPosterBatchSchema,
  createPosterSchema,
  listPostersQuerySchema,
  revokePosterSchema,
  updatePosterSchema,
} from "../contracts/posters";
import { ApiError, notFound } from "../errors";
import { publicOrigin } from "../lib/request-origin";
import { jsonBody, queryParams } from "../middleware/validate";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { AUDIENCE_UNIT_HINT, audienceFitsUnit } from "../services/surveys/audience";
import { assertSurveyNotRetired } from "../services/surveys/survey-retirement";
import { changePosterWindow, createPosterAudited, revokePoster } from "../services/posters/poster-admin";
import { createPostersForCommunities, listPosters } from "../services/posters/poster-batch";
import { posterStatus, type PosterState } from "../services/posters/poster-status";
import { getPoster, posterToken, type Poster } from "../services/posters/posters";
import { getLineage, getUnit, LEAF_KINDS } from "../services/units/units";
import { describe, REFUSALS } from "../openapi/describe";
import { addressName } from "../services/units/address-name";

/** The QR target of a poster: its respondent link. */
async function posterUrl(c: Context<AppEnv>, poster: Poster): Promise<string> {
  return `${publicOrigin(c)}/q/${await posterToken(c.var.services.secret, poster)}`;
}

/** The lifecycle fields every poster answer carries (additions to the contract). */
const lifecycle = (p: PosterState & Pick<Poster, "revokedBy">, now: Date) => ({
  startsAt: p.startsAt,
  endsAt: p.endsAt,
  revokedAt: p.revokedAt,
  revokedBy: p.revokedBy,
  status: posterStatus(p, now),
});

/** The poster a path names, checked against the caller's scope. */
async function scopedPoster(c: Context<AppEnv>): Promise<Poster> {
  const poster = await getPoster(c.var.services.db, c.req.param("id") ?? "");
  if (!poster) throw notFound("海报");
  await assertInScope(c, poster.unitCode);
  return poster;
}

export const posterRoutes = new Hono<AppEnv>()
  .post(
    "/",
    describe("Posters", "Make a QR poster for a community or school", {
      201: "id, token and the URL to print",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
    }),
    requireRole("admin", "office"),
    jsonBody(createPosterSchema),
    async (c) => {
      const { unitCode, surveyId, startsAt, endsAt } = c.req.valid("json");
      const { db, registry, secret, clock } = c.var.services;
      const unit = await getUnit(db, unitCode);
      if (!unit) throw new ApiError(422, "unknown_unit", `单位 ${unitCode} 不存在`);
      await assertInScope(c, unit.code);
      if (!LEAF_KINDS.includes(unit.kind)) {
        throw new ApiError(422, "unit_not_leaf", "海报只能生成到社区或学校");
      }
      const survey = await registry.getCurrent(surveyId);
      if (!survey) throw new ApiError(422, "unknown_survey", `问卷 ${surveyId} 不存在`);
      assertSurveyNotRetired(await registry.retiredAt(surveyId));
      if (!audienceFitsUnit(survey.audience, unit.kind)) {
        throw new ApiError(422, "audience_mismatch", AUDIENCE_UNIT_HINT[survey.audience] ?? "问卷与单位类型不匹配");
      }
      const poster = await createPosterAudited(
        db,
        { unitCode, surveyId, createdBy: currentUser(c).username, startsAt, endsAt },
        clock.now(),
      );
      const token = await posterToken(secret, poster);
      return c.json({ id: poster.id, token, url: `${publicOrigin(c)}/q/${token}` }, 201);
    },
  )
  .post(
    "/batch",
    describe("Posters", "Make posters for every community of a subdistrict", {
      201: "The posters",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
    }),
    requireRole("admin", "office"),
    jsonBody(createPosterBatchSchema),
    async (c) => {
      const { subdistrictCode, surveyId, startsAt, endsAt } = c.req.valid("json");
      const { db, registry, clock } = c.var.services;
      const unit = await getUnit(db, subdistrictCode);
      if (!unit) throw new ApiError(422, "unknown_unit", `单位 ${subdistrictCode} 不存在`);
      await assertInScope(c, unit.code);
      if (unit.kind !== "subdistrict") throw new ApiError(422, "not_subdistrict", "批量生成需要选择一个街道（镇、乡）");
      const survey = await registry.getCurrent(surveyId);
      if (!survey) throw new ApiError(422, "unknown_survey", `问卷 ${surveyId} 不存在`);
      assertSurveyNotRetired(await registry.retiredAt(surveyId));
      if (!audienceFitsUnit(survey.audience, "community")) {
        throw new ApiError(422, "audience_mismatch", AUDIENCE_UNIT_HINT[survey.audience] ?? "问卷与单位类型不匹配");
      }
      const actor = currentUser(c).username;
      const made = await createPostersForCommunities(db, unit.code, surveyId, actor, clock.now(), { startsAt, endsAt });
      if (made.length === 0) throw new ApiError(422, "no_communities", "该街道下没有社区");
      const posters = await Promise.all(
        made.map(async (p) => ({ id: p.id, unitCode: p.unitCode, unitName: p.unitName, url: await posterUrl(c, p) })),
      );
      return c.json({ posters }, 201);
    },
  )
  .get(
    "/",
    describe("Posters", "List posters in scope", { 200: "The posters with their status", ...REFUSALS.signedIn, ...REFUSALS.query }),
    requireRole("admin", "office"),
    queryParams(listPostersQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      if (query.unit) await assertInScope(c, query.unit);
      const rows = await listPosters(c.var.services.db, { ...query, scope: currentUser(c).scope });
      const now = c.var.services.clock.now();
      return c.json({ posters: rows.map((p) => ({ ...p, status: posterStatus(p, now) })) }, 200);
    },
  )
  .get(
    "/:id",
    describe("Posters", "One poster with its unit and survey", { 200: "The poster", ...REFUSALS.signedIn, ...REFUSALS.notFound }),
    requireRole("admin", "office"),
    async (c) => {
      const poster = await scopedPoster(c);
      const { db, registry } = c.var.services;
      const [lineage, survey] = await Promise.all([getLineage(db, poster.unitCode), registry.getCurrent(poster.surveyId)]);
      const unit = lineage.at(-1);
      return c.json(
        {
          id: poster.id,
          unitCode: poster.unitCode,
          unitName: unit?.name ?? poster.unitCode,
          fullName: addressName(lineage),
          surveyId: poster.surveyId,
          surveyTitle: survey?.title ?? poster.surveyId,
          audience: survey?.audience ?? null,
          url: await posterUrl(c, poster),
          createdBy: poster.createdBy,
          createdAt: poster.createdAt,
          ...lifecycle(poster, c.var.services.clock.now()),
        },
        200,
      );
    },
  )
  .patch(
    "/:id",
    describe("Posters", "Change a poster's collection window", {
      200: "Its lifecycle",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    jsonBody(updatePosterSchema),
    async (c) => {
      const { db, clock, posters } = c.var.services;
      const user = currentUser(c);
      const poster = await changePosterWindow(
        db,
        { id: c.req.param("id"), actor: user.username, scope: user.scope, window: c.req.valid("json") },
        clock.now(),
      );
      posters.forget(poster.id);
      return c.json({ id: poster.id, ...lifecycle(poster, clock.now()) }, 200);
    },
  )
  .post(
    "/:id/revoke",
    describe("Posters", "Revoke a poster with a reason", {
      200: "Its lifecycle",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    jsonBody(revokePosterSchema),
    async (c) => {
      const { db, clock, posters } = c.var.services;
      const user = currentUser(c);
      const { reason } = c.req.valid("json");
      const { poster } = await revokePoster(db, { id: c.req.param("id"), actor: user.username, scope: user.scope, reason }, clock.now());
      // This instance refuses the poster's submissions from now on; others within POSTER_STATE_TTL_MS.
      posters.forget(poster.id);
      return c.json({ id: poster.id, ...lifecycle(poster, clock.now()) }, 200);
    },
  )
  .get(
    "/:id/qr.png",
    describe("Posters", "The poster's QR code as PNG", {
      200: { description: "PNG image", media: "image/png" },
      ...REFUSALS.signedIn,
      ...REFUSALS.notFound,
      501: "No PNG on this runtime (png_unavailable)",
    }),
    requireRole("admin", "office"),
    async (c) => {
      const poster = await scopedPoster(c);
      // Supplied by the Node entry only (lib/qr-png-node.ts); elsewhere the web app renders the PNG from the SVG.
      const { qrPng } = c.var.services;
      if (!qrPng) throw new ApiError(501, "png_unavailable", "此运行环境不能生成 PNG，请下载 SVG");
      const png = await qrPng(await posterUrl(c, poster), { errorCorrectionLevel: "M", margin: 2, width: 1024 });
      return c.body(png, 200, {
        "content-type": "image/png",
        "cache-control": "private, max-age=3600",
        "content-disposition": `attachment; filename="poster-${poster.id}.png"`,
      });
    },
  )
  .get(
    "/:id/qr.svg",
    describe("Posters", "The poster's QR code as SVG", {
      200: { description: "SVG image", media: "image/svg+xml" },
      ...REFUSALS.signedIn,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    async (c) => {
      const poster = await scopedPoster(c);
      const url = await posterUrl(c, poster);
      const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      return c.body(svg, 200, { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, max-age=3600" });
    },
  );
