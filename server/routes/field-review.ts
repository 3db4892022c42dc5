import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../app-env";
import {
  agreementQuerySchema,
  backCheckDrawSchema,
  backCheckListQuerySchema,
  backCheckSubmitSchema,
  fieldReviewSettingsSchema,
  reviewQueueQuerySchema,
  reviewStateBodySchema,
} from "../contracts/field-review";
import { notFound } from "../errors";
import { jsonBody, queryParams } from "../middleware/validate";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { describe, REFUSALS } from "../openapi/describe";
import { mayReveal } from "../services/privacy/access";
import { agreementByInterviewer, drawForBackCheck, listBackChecks, submitBackCheck } from "../services/field-review/back-checks";
import { setReviewState } from "../services/field-review/interview-review";
import { listReturned, listReviewQueue } from "../services/field-review/review-queue";
import { publicSettings, readFieldReviewSettings } from "../services/field-review/review-settings";
import { updateFieldReviewSettings } from "../services/field-review/settings-update";

/** A response id from the path; anything but a UUID is simply not found. */
function responseId(id: string | undefined): string {
  if (!id || !z.guid().safeParse(id).success) throw notFound("访问答卷");
  return id;
}

/**
 * Supervisor review of interviews and back-checks (issue 16, parts 4 and 5; docs/field-review.md).
 * Supervisors are the office users and admins whose scope holds the interview's unit; the tablet
 * pulls its own returned interviews; any team member but the interviewer does a back-check.
 */
export const fieldReviewRoutes = new Hono<AppEnv>()
  .get(
    "/interviews",
    describe("Field", "Interviews to review (queue), with answers masked without the personal-data permission", {
      200: "The interviews",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
    }),
    requireRole("admin", "office"),
    queryParams(reviewQueueQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      if (query.unit) await assertInScope(c, query.unit);
      const user = currentUser(c);
      const reveal = mayReveal(user);
      const interviews = await listReviewQueue(c.var.services.db, { ...query, scope: user.scope }, { reveal });
      return c.json({ interviews, masked: !reveal }, 200);
    },
  )
  .post(
    "/interviews/:id/state",
    describe("Field", "Set an interview's review state (通过 / 退回 / 存疑); rates follow in the same transaction (audited)", {
      200: "The review",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
      422: "Not an interview (not_interview), a transition not allowed (invalid_transition), no reason (reason_required), or a body that does not fit",
    }),
    requireRole("admin", "office"),
    jsonBody(reviewStateBodySchema),
    async (c) => {
      const { db, registry, clock } = c.var.services;
      const user = currentUser(c);
      const body = c.req.valid("json");
      const review = await setReviewState(
        db,
        registry,
        { id: responseId(c.req.param("id")), ...body, actor: user.username, scope: user.scope },
        clock.now(),
      );
      return c.json({ review }, 200);
    },
  )
  .get(
    "/returned",
    describe("Field", "The signed-in interviewer's returned interviews with the supervisor's reason (the tablet pulls it on sync)", {
      200: "The returned interviews",
      ...REFUSALS.signedIn,
    }),
    requireRole("interviewer", "admin"),
    async (c) => c.json({ returned: await listReturned(c.var.services.db, currentUser(c).username) }, 200),
  )
  .get(
    "/settings",
    describe("Field", "Which review states count in the rates, and the back-check settings", { 200: "The settings", ...REFUSALS.signedIn }),
    requireRole("admin", "office"),
    async (c) => c.json(publicSettings(await readFieldReviewSettings(c.var.services.db)), 200),
  )
  .put(
    "/settings",
    describe(
      "Field",
      "Replace the review and back-check settings (city-wide, root-scope admins; audited); rates follow in the same transaction",
      {
        200: "The settings now in force and how many interviews changed side",
        ...REFUSALS.signedIn,
        ...REFUSALS.body,
      },
    ),
    requireRole("admin"),
    jsonBody(fieldReviewSettingsSchema),
    async (c) => {
      const { db, registry, clock } = c.var.services;
      return c.json(await updateFieldReviewSettings(db, registry, currentUser(c), c.req.valid("json"), clock.now()), 200);
    },
  )
  .post(
    "/back-checks/draw",
    describe("Field", "Draw back-checks: per interviewer ⌈share × n⌉ of their interviews in the unit, reproducibly (audited)", {
      200: "How many interviews were candidates and the ids drawn now",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
    }),
    requireRole("admin", "office"),
    jsonBody(backCheckDrawSchema),
    async (c) => {
      const body = c.req.valid("json");
      const user = currentUser(c);
      const unit = body.unit ?? user.scope;
      await assertInScope(c, unit);
      const { db, clock } = c.var.services;
      return c.json(await drawForBackCheck(db, { ...body, unit, scope: user.scope, actor: user.username }, clock.now()), 200);
    },
  )
  .get(
    "/back-checks",
    describe("Field", "Back-checks in scope, with the questions to re-ask (never the original answers)", {
      200: "The back-checks",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
    }),
    requireRole("admin", "office", "interviewer"),
    queryParams(backCheckListQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      if (query.unit) await assertInScope(c, query.unit);
      const user = currentUser(c);
      const { db, registry } = c.var.services;
      return c.json({ backChecks: await listBackChecks(db, registry, { ...query, scope: user.scope, me: user.username }) }, 200);
    },
  )
  .post(
    "/back-checks/:id",
    describe("Field", "Record a back-check's answers; the server compares them with the original (audited)", {
      200: "The comparison and the interviewer's agreement",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
      409: "Already done (already_done)",
    }),
    requireRole("admin", "office", "interviewer"),
    jsonBody(backCheckSubmitSchema),
    async (c) => {
      const { db, registry, clock } = c.var.services;
      const user = currentUser(c);
      const result = await submitBackCheck(
        db,
        registry,
        { ...c.req.valid("json"), id: responseId(c.req.param("id")), actor: user.username, scope: user.scope },
        clock.now(),
      );
      return c.json(result, 200);
    },
  )
  .get(
    "/agreement",
    describe("Field", "Back-check agreement per interviewer", {
      200: "The agreement per interviewer",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
    }),
    requireRole("admin", "office"),
    queryParams(agreementQuerySchema),
    async (c) => {
      const query = c.req.valid("query");
      if (query.unit) await assertInScope(c, query.unit);
      return c.json(await agreementByInterviewer(c.var.services.db, { scope: currentUser(c).scope, unit: query.unit }), 200);
    },
  );
