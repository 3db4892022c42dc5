import { Hono, type Context } from "hono";
import type { AppEnv } from "../app-env";
import { rateSettingsQuerySchema, rateSettingsUpdateSchema } from "../contracts/rates";
import { notFound } from "../errors";
import { jsonBody, queryParams } from "../middleware/validate";
import { assertInScope, currentUser, requireRole } from "../middleware/require-role";
import { rateSettingsAt, rateSettingsView, updateUnitRateSettings } from "../services/rates/rate-settings";
import { getUnit } from "../services/units/units";
import { describe, REFUSALS } from "../openapi/describe";
import { privacyNoticeSchema } from "../contracts/privacy-notice";
import { retentionRunsQuerySchema, retentionSettingsSchema } from "../contracts/retention";
import { readPrivacyNotice, updatePrivacyNotice } from "../services/setup/privacy-notice";
import { listRetentionRuns } from "../services/privacy/retention-job";
import { readRetentionSettings, updateRetentionSettings } from "../services/privacy/retention-settings";

/** The unit named (default: the caller's scope), checked to exist (404) and to lie in scope (403). */
async function settingsUnit(c: Context<AppEnv>, code: string | undefined) {
  const unit = await getUnit(c.var.services.db, code ?? currentUser(c).scope);
  if (!unit) throw notFound("单位");
  await assertInScope(c, unit.code, "不能查看或修改管辖范围之外单位的达标线");
  return unit;
}

/**
 * Thresholds and the minimum sample per metric (docs/design.md §5), set per unit for its subtree
 * (the nearest setting up the tree wins): offices read, admins change inside their own scope.
 * The privacy texts (个人信息处理告知, issue 19): every signed-in role reads them (the interview
 * app keeps them for offline work), admins change them; respondents get theirs with GET /q/:token.
 */
export const settingsRoutes = new Hono<AppEnv>()
  .get(
    "/thresholds",
    describe("Settings", "The rate thresholds in force for a unit", {
      200: "The settings",
      ...REFUSALS.signedIn,
      ...REFUSALS.query,
      ...REFUSALS.notFound,
    }),
    requireRole("admin", "office"),
    queryParams(rateSettingsQuerySchema),
    async (c) => {
      const { db } = c.var.services;
      const unit = await settingsUnit(c, c.req.valid("query").unit);
      return c.json(await rateSettingsView(db, unit, await rateSettingsAt(db, unit.code)), 200);
    },
  )
  .put(
    "/thresholds",
    describe("Settings", "Set a unit's rate thresholds", {
      200: "The settings",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
      ...REFUSALS.notFound,
    }),
    requireRole("admin"),
    jsonBody(rateSettingsUpdateSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      const { unit: code, ...update } = c.req.valid("json");
      const unit = await settingsUnit(c, code);
      const updated = await updateUnitRateSettings(db, unit.code, update, currentUser(c), clock.now());
      return c.json(await rateSettingsView(db, unit, updated), 200);
    },
  )
  .get(
    "/privacy-notice",
    describe("Settings", "The privacy notice texts in force (respondent page, interview GPS consent and 开场白)", {
      200: "The texts and when they were last changed (null: the defaults)",
      ...REFUSALS.signedIn,
    }),
    requireRole("admin", "office", "interviewer"),
    async (c) => c.json(await readPrivacyNotice(c.var.services.db), 200),
  )
  .put(
    "/privacy-notice",
    describe("Settings", "Replace the privacy notice texts (audited)", {
      200: "The texts now in force",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
    }),
    requireRole("admin"),
    jsonBody(privacyNoticeSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      return c.json(await updatePrivacyNotice(db, c.req.valid("json"), currentUser(c), clock.now()), 200);
    },
  )
  // Retention (issue 19): how long GPS fixes and household labels are kept, for the whole
  // deployment; admins only, every change audited. The job itself runs outside requests.
  .get(
    "/retention",
    describe("Settings", "The retention settings in force", { 200: "The settings", ...REFUSALS.signedIn }),
    requireRole("admin"),
    async (c) => c.json(await readRetentionSettings(c.var.services.db), 200),
  )
  .put(
    "/retention",
    describe("Settings", "Set how long GPS fixes and household labels are kept", {
      200: "The settings",
      ...REFUSALS.signedIn,
      ...REFUSALS.body,
    }),
    requireRole("admin"),
    jsonBody(retentionSettingsSchema),
    async (c) => {
      const { db, clock } = c.var.services;
      return c.json(await updateRetentionSettings(db, currentUser(c), c.req.valid("json"), clock.now()), 200);
    },
  )
  .get(
    "/retention/runs",
    describe("Settings", "The retention job's runs, newest first", { 200: "The runs", ...REFUSALS.signedIn, ...REFUSALS.query }),
    requireRole("admin"),
    queryParams(retentionRunsQuerySchema),
    async (c) => {
      const runs = await listRetentionRuns(c.var.services.db, c.req.valid("query"));
      return c.json({ runs }, 200);
    },
  );
