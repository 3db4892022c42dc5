import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { submitResponseSchema } from "../contracts/responses";
import { ApiError, forbidden, unauthorized } from "../errors";
import { clientAddress } from "../lib/request-origin";
import { jsonBody } from "../middleware/validate";
import type { QrSlot } from "../services/ingest/qr-guard";
import { assertPosterOpen } from "../services/posters/poster-status";
import { qualityFlags } from "../services/ingest/quality-flags";
import { isStorageUnavailableError } from "../db/storage-errors";
import { prepareResponse, resolveInterviewOrigin, type ResponseOrigin } from "../services/ingest/prepare-response";
import { describe, REFUSALS } from "../openapi/describe";

export const responseRoutes = new Hono<AppEnv>().post("/", describe("Responses", "Submit a response (QR or interview); idempotent by id", { 201: "Accepted", 200: "Duplicate of a stored response", ...REFUSALS.body, 401: "Interview without a session", 403: "Interview outside the interviewer's scope", 409: "Same id, different content (id_conflict)", 429: "Too many from one source (rate_limited)", 503: "Storage refused the write (storage_unavailable)" }), jsonBody(submitResponseSchema), async (c) => {
  const body = c.req.valid("json");
  const { db, registry, writer, qrGuard, posters, sourceHasher, clock, config } = c.var.services;
  const address = clientAddress(c);
  const flagReasons: string[] = [];
  let origin: ResponseOrigin;
  // A QR submission's place in its address's burst count, given back unless it is stored.
  let burstSlot: QrSlot | undefined;

  if (body.channel === "qr") {
    if (!body.token) throw new ApiError(422, "token_required", "扫码填写必须带有海报令牌 (token)");
    const resolved = await posters.resolve(body.token);
    if (!resolved) throw new ApiError(422, "invalid_token", "二维码无效");
    assertPosterOpen(resolved.poster, clock.now()); // 410: revoked, or outside its collection window
    const { poster } = resolved;
    if (poster.surveyId !== body.surveyId) {
      throw new ApiError(422, "survey_mismatch", "问卷与二维码不符");
    }
    if (body.unitCode && body.unitCode !== poster.unitCode) {
      throw new ApiError(422, "unit_mismatch", "单位与二维码不符");
    }
    burstSlot = qrGuard.reserve(address);
    if (burstSlot.verdict === "block") throw new ApiError(429, "rate_limited", "提交过于频繁，请稍后再试");
    if (burstSlot.verdict === "flag") flagReasons.push("burst");
    origin = { unitCode: poster.unitCode, unitKind: resolved.unitKind, posterId: poster.id, interviewer: null };
  } else {
    const user = c.var.user;
    if (!user) throw unauthorized();
    if (user.role !== "interviewer" && user.role !== "admin") throw forbidden("只有调查员可以提交入户问卷");
    origin = await resolveInterviewOrigin(db, user, body.unitCode);
  }

  let stored = false;
  try {
    const row = await prepareResponse(db, registry, body, origin, {
      now: clock.now(),
      sourceHash: await sourceHasher(address),
      flagReasons,
      clockLimits: config,
    });

    // Quality flags on self-filled answers (issue 5): too fast, straight-lining. Interviews are
    // entered by trained staff on shared tablets and are not judged this way.
    if (body.channel === "qr") {
      const survey = await registry.get(body.surveyId, body.surveyVersion);
      const { QR_MIN_SECONDS_PER_ANSWER, QR_STRAIGHTLINE_MIN } = config;
      if (survey) {
        row.flagReasons.push(
          ...qualityFlags(survey.json, body.answers, body, { minSecondsPerAnswer: QR_MIN_SECONDS_PER_ANSWER, straightlineMin: QR_STRAIGHTLINE_MIN }),
        );
      }
    }
    let outcome;
    try {
      outcome = await writer.submit(row);
    } catch (error) {
      // A full disk or read-only file is an expected state with one line of log, not a stack each time.
      console.error("response write failed", isStorageUnavailableError(error) && error instanceof Error ? error.message : error);
      throw new ApiError(503, "storage_unavailable", "暂时无法保存（写入已暂停），请稍后重试，答案不会丢失");
    }
    if (outcome.status === "conflict") {
      throw new ApiError(409, "id_conflict", "该编号已用于另一份不同内容的答卷");
    }
    stored = outcome.status === "accepted";
    return stored
      ? c.json({ id: row.id, status: "accepted" as const }, 201)
      : c.json({ id: row.id, status: "duplicate" as const }, 200);
  } finally {
    if (!stored) burstSlot?.release();
  }
});
