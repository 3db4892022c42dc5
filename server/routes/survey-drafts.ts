import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { createDraftSchema, newSurveySchema, updateDraftSchema } from "../contracts/survey-drafts";
import { jsonBody } from "../middleware/validate";
import { currentUser, requireRole } from "../middleware/require-role";
import { describe, REFUSALS } from "../openapi/describe";
import { createDraft } from "../services/surveys/drafts/draft-create";
import { diffDraft } from "../services/surveys/drafts/draft-diff";
import { discardDraft } from "../services/surveys/drafts/draft-discard";
import { createNewSurveyDraft } from "../services/surveys/drafts/draft-new-survey";
import { publishDraft } from "../services/surveys/drafts/draft-publish";
import { saveDraft } from "../services/surveys/drafts/draft-save";
import { getDraft, listDrafts } from "../services/surveys/drafts/draft-store";
import { draftView } from "../services/surveys/drafts/draft-view";
import { ITEM_BANK, listTemplates } from "../services/surveys/drafts/templates";

/**
 * The questionnaire editor (issue 17), admin only: drafts of a survey's next version, saved by
 * autosave with a revision, linted on every read and save, diffed against the published version
 * and published as a new immutable version. Create, publish and discard are audited (saves once
 * per editing session: services/surveys/drafts/draft-save.ts).
 */
export const surveyDraftRoutes = new Hono<AppEnv>()
  .use(requireRole("admin"))
  .get("/", describe("Surveys", "Every open questionnaire draft", { 200: "The drafts", ...REFUSALS.signedIn }), async (c) => {
    const { db } = c.var.services;
    const drafts = await Promise.all((await listDrafts(db)).map((row) => draftView(db, row)));
    return c.json({ drafts }, 200);
  })
  .get("/templates", describe("Surveys", "Templates a new survey can start from", { 200: "The templates", ...REFUSALS.signedIn }), (c) =>
    c.json({ templates: listTemplates() }, 200),
  )
  .get(
    "/item-bank",
    describe("Surveys", "Tested campaign items, already tagged with their metric", { 200: "The items", ...REFUSALS.signedIn }),
    (c) => c.json({ items: ITEM_BANK }, 200),
  )
  .post(
    "/",
    describe("Surveys", "Start a draft from a survey's current version (or get the one it has)", {
      200: "The survey's existing draft",
      201: "The new draft",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    jsonBody(createDraftSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      const { draft, created } = await createDraft(db, currentUser(c).username, c.req.valid("json").surveyId, clock.now());
      return c.json(await draftView(db, draft), created ? 201 : 200);
    },
  )
  .post(
    "/new",
    describe("Surveys", "Start a draft of a new survey from a template or a copy", {
      201: "The new survey's draft",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      409: "The survey id is taken (survey_exists)",
    }),
    jsonBody(newSurveySchema),
    async (c) => {
      const { db, clock } = c.var.services;
      const draft = await createNewSurveyDraft(db, currentUser(c).username, c.req.valid("json"), clock.now());
      return c.json(await draftView(db, draft), 201);
    },
  )
  .get(
    "/:id",
    describe("Surveys", "A draft with its problems", { 200: "The draft", ...REFUSALS.signedIn, ...REFUSALS.notFound }),
    async (c) => {
      const { db } = c.var.services;
      return c.json(await draftView(db, await getDraft(db, c.req.param("id"))), 200);
    },
  )
  .put(
    "/:id",
    describe("Surveys", "Save a draft's JSON (autosave), given the revision last seen", {
      200: "The saved draft with its problems",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
      409: "Saved meanwhile by someone else (stale_revision)",
    }),
    jsonBody(updateDraftSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      const saved = await saveDraft(db, currentUser(c).username, c.req.param("id"), c.req.valid("json"), clock.now());
      return c.json(await draftView(db, saved), 200);
    },
  )
  .get(
    "/:id/diff",
    describe("Surveys", "A draft against the published version", {
      200: "The diff and the metric questions whose meaning changed",
      ...REFUSALS.signedIn,
      ...REFUSALS.notFound,
    }),
    async (c) => c.json(await diffDraft(c.var.services.db, c.req.param("id")), 200),
  )
  .post(
    "/:id/publish",
    describe("Surveys", "Publish a draft as the survey's next version", {
      201: "surveyId and the new version",
      ...REFUSALS.signedIn,
      ...REFUSALS.notFound,
      409: "Another version was published meanwhile (version_conflict), or the draft saved meanwhile (stale_revision)",
      422: "The draft has errors (draft_invalid, with problems) or no changes (no_changes)",
    }),
    async (c) => {
      const { db, clock, registry } = c.var.services;
      const outcome = await publishDraft(db, currentUser(c).username, c.req.param("id"), clock.now());
      if (!outcome.published) {
        const errors = outcome.problems.filter((p) => p.level === "error");
        const message = `草稿还有 ${errors.length} 个问题，不能发布：${errors[0]?.message ?? ""}`;
        const issues = errors.map((p) => ({ ...(p.question ? { question: p.question } : {}), message: p.message }));
        return c.json({ error: { code: "draft_invalid", message, issues, problems: outcome.problems } }, 422);
      }
      // Respondent pages on this instance see the new version at once; other instances within the registry's TTL.
      registry.forgetCurrent(outcome.surveyId);
      return c.json({ surveyId: outcome.surveyId, version: outcome.version }, 201);
    },
  )
  .delete("/:id", describe("Surveys", "Discard a draft", { 200: "Discarded", ...REFUSALS.signedIn, ...REFUSALS.notFound }), async (c) => {
    const { db, clock } = c.var.services;
    await discardDraft(db, currentUser(c).username, c.req.param("id"), clock.now());
    return c.json({ discarded: true as const }, 200);
  });
