import { Hono } from "hono";
import QRCode from "qrcode";
import type { AppEnv } from "../app-env";
import { createPosterSchema } from "../contracts/posters";
import { ApiError, notFound } from "../errors";
import { publicOrigin } from "../lib/request-origin";
import { jsonBody } from "../middleware/json-body";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { AUDIENCE_UNIT_HINT, audienceFitsUnit } from "../services/audience";
import { createPoster, getPoster, posterToken } from "../services/posters";
import { getUnit, LEAF_KINDS } from "../services/units";

export const posterRoutes = new Hono<AppEnv>()
  .post("/", requireRole("admin", "office"), jsonBody(createPosterSchema), async (c) => {
    const { unitCode, surveyId } = c.req.valid("json");
    const { db, registry, secret, clock } = c.var.services;
    const unit = await getUnit(db, unitCode);
    if (!unit) throw new ApiError(422, "unknown_unit", `单位 ${unitCode} 不存在`);
    await assertInScope(c, unit.code);
    if (!LEAF_KINDS.includes(unit.kind)) {
      throw new ApiError(422, "unit_not_leaf", "海报只能生成到社区或学校");
    }
    const survey = await registry.getCurrent(surveyId);
    if (!survey) throw new ApiError(422, "unknown_survey", `问卷 ${surveyId} 不存在`);
    if (!audienceFitsUnit(survey.audience, unit.kind)) {
      throw new ApiError(422, "audience_mismatch", AUDIENCE_UNIT_HINT[survey.audience] ?? "问卷与单位类型不匹配");
    }
    const poster = await createPoster(db, { unitCode, surveyId, createdBy: currentUser(c).username }, clock.now());
    const token = await posterToken(secret, poster);
    return c.json({ id: poster.id, token, url: `${publicOrigin(c)}/q/${token}` }, 201);
  })
  .get("/:id/qr.svg", requireRole("admin", "office"), async (c) => {
    const { db, secret } = c.var.services;
    const poster = await getPoster(db, c.req.param("id"));
    if (!poster) throw notFound("海报");
    await assertInScope(c, poster.unitCode);
    const url = `${publicOrigin(c)}/q/${await posterToken(secret, poster)}`;
    const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    return c.body(svg, 200, { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "private, max-age=3600" });
  });
