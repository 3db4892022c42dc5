/**
 * Authorization as a matrix: every API route of the real app × every role × a target inside and
 * outside the caller's scope. Routes are read from the app itself (`app.routes`), so a new
 * endpoint without an entry in SPECS fails the first test instead of going unchecked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD, createTestApp, type TestApp } from "../helpers/test-app";
import { DEMO, qrBody } from "../helpers/fixtures";

type Role = "admin" | "office" | "interviewer";
/**
 * Callers without a valid session: no cookie, a forged cookie, and the cookie of a session that
 * was signed out (issue 8: every non-public endpoint refuses all three with 401).
 */
type NoSession = "anonymous" | "forged" | "signed-out";
type Who = Role | NoSession;
const NO_SESSION: Who[] = ["anonymous", "forged", "signed-out"];
const WHO: Who[] = [...NO_SESSION, "interviewer", "office", "admin"];
const hasSession = (who: Who): who is Role => !NO_SESSION.includes(who);

interface Case {
  path: string;
  json?: unknown;
  raw?: string;
}
interface Fixtures {
  tokenIn: string;
  posterIn: string;
  posterOut: string;
  /** Posters only the revocation cases use, so the others keep working posters. */
  revocableIn: string;
  revocableOut: string;
  flaggedIn: string;
  flaggedOut: string;
  /** Webhook subscriptions of 新山村街道 (in scope) and 綦江区 (outside); the removable pair only for DELETE. */
  webhookIn: string;
  webhookOut: string;
  removableWebhookIn: string;
  removableWebhookOut: string;
  /** 问题清单 items assigned to a community inside (大渡口) and outside (綦江) the scope. */
  issueIn: number;
  issueOut: number;
  /** A draft of the resident survey, and one of the shopkeeper survey only DELETE uses. */
  draft: string;
  removableDraft: string;
  unique(): string;
}
interface Spec {
  /** Who may call it: anyone, anyone signed in, or these roles. */
  allowed: "public" | "signed-in" | Role[];
  /** A request whose target lies inside every tested user's scope (大渡口区). */
  inScope: (f: Fixtures) => Case;
  /** The same request aimed outside it (綦江区); absent when the endpoint names no unit. */
  outOfScope?: (f: Fixtures) => Case;
  /** Status for an out-of-scope target: 403, or 422 where the contract says so (§4 responses). */
  outOfScopeStatus?: number;
  /** What an allowed caller's out-of-scope answer must say (a preview refuses in its body). */
  outOfScopeBody?: (body: any) => void;
  /** The call ends the caller's session (logout): sign in again afterwards. */
  endsSession?: boolean;
}

const CSV = "code,name,kind,parent_code,households,population,target_n\n";
const visit = (f: Fixtures, unitCode: string) => ({
  id: crypto.randomUUID(),
  unitCode,
  surveyId: "resident",
  household: `${f.unique()}号`,
  outcome: "refused",
  visitedAt: new Date().toISOString(),
  deviceId: "matrix-tablet",
});
/** A preview of an out-of-scope row: one out_of_scope error and no stored unit's fields (no change listed). */
const refusedPreview = (plan: any) => {
  expect(plan.errors.map((e: { reason: string }) => e.reason)).toEqual(["out_of_scope"]);
  expect([plan.changed, plan.unchanged, plan.changes.length]).toEqual([0, 0, 0]);
};
/** A receiver nobody listens on (port 9, discard): a test-send fails fast and is logged, never leaves the machine. */
const webhook = (unitCode: string) => ({
  unitCode,
  name: "矩阵推送",
  url: "http://127.0.0.1:9/hook",
  format: "generic",
  events: ["qr_burst"],
});
const interview = (unitCode: string) => ({ ...qrBody(""), token: undefined, channel: "interview", unitCode });

const SPECS: Record<string, Spec> = {
  "POST /api/v1/auth/login": {
    allowed: "public",
    inScope: () => ({ path: "/api/v1/auth/login", json: { username: "admin", password: ADMIN_PASSWORD } }),
  },
  "POST /api/v1/auth/logout": { allowed: "public", inScope: () => ({ path: "/api/v1/auth/logout" }), endsSession: true },
  "GET /api/v1/auth/me": { allowed: "signed-in", inScope: () => ({ path: "/api/v1/auth/me" }) },
  "GET /api/v1/auth/password-policy": { allowed: "public", inScope: () => ({ path: "/api/v1/auth/password-policy" }) },
  "POST /api/v1/auth/password": {
    allowed: "signed-in",
    inScope: () => ({ path: "/api/v1/auth/password", json: { currentPassword: "not-the-password", newPassword: "whatever-1234" } }),
  },
  "GET /api/v1/users": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/users" }) },
  "POST /api/v1/users": {
    allowed: ["admin"],
    inScope: (f) => ({
      path: "/api/v1/users",
      json: { username: `u${f.unique()}`, password: "password-123", role: "office", scope: DEMO.xinshancun },
    }),
    outOfScope: (f) => ({
      path: "/api/v1/users",
      json: { username: `u${f.unique()}`, password: "password-123", role: "office", scope: DEMO.qijiang },
    }),
  },
  "PATCH /api/v1/users/:username": {
    allowed: ["admin"],
    inScope: () => ({ path: "/api/v1/users/target-in", json: { role: "office" } }),
    outOfScope: () => ({ path: "/api/v1/users/target-out", json: { role: "office" } }),
  },
  // Issue 11: a change needs the user's stored scope and its new scope inside the caller's.
  "PATCH /api/v1/users/:username#stored-scope-outside": {
    allowed: ["admin"],
    inScope: () => ({ path: "/api/v1/users/target-in", json: { scope: DEMO.xinshancun } }),
    outOfScope: () => ({ path: "/api/v1/users/target-out", json: { scope: DEMO.xinshancun } }),
  },
  "PATCH /api/v1/users/:username#new-scope-outside": {
    allowed: ["admin"],
    inScope: () => ({ path: "/api/v1/users/target-in", json: { scope: DEMO.community } }),
    outOfScope: () => ({ path: "/api/v1/users/target-in", json: { scope: DEMO.qijiangCommunity } }),
  },
  "POST /api/v1/users/:username/password": {
    allowed: ["admin"],
    inScope: () => ({ path: "/api/v1/users/target-in/password", json: { password: "new-password-1" } }),
    outOfScope: () => ({ path: "/api/v1/users/target-out/password", json: { password: "new-password-1" } }),
  },
  "GET /api/v1/surveys": { allowed: "public", inScope: () => ({ path: "/api/v1/surveys" }) },
  "GET /api/v1/openapi.json": { allowed: "public", inScope: () => ({ path: "/api/v1/openapi.json" }) },
  "GET /api/v1/docs": { allowed: "public", inScope: () => ({ path: "/api/v1/docs" }) },
  "GET /api/v1/surveys/:id": { allowed: "public", inScope: () => ({ path: "/api/v1/surveys/resident" }) },
  "GET /api/v1/surveys/:id/versions/:version": { allowed: "public", inScope: () => ({ path: "/api/v1/surveys/resident/versions/1" }) },
  "GET /api/v1/surveys/:id/versions": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/surveys/resident/versions" }) },
  "GET /api/v1/surveys/:id/diff": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/surveys/resident/diff?from=1&to=1" }) },
  // Issue 17: survey definitions are city-wide; only admins edit, publish and retire them.
  // (A survey nobody has, so the matrix never retires one the other cases use.)
  "POST /api/v1/surveys/:id/retire": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/surveys/matrix-none/retire" }) },
  "POST /api/v1/surveys/:id/reopen": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/surveys/matrix-none/reopen" }) },
  "GET /api/v1/survey-drafts": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/survey-drafts" }) },
  "GET /api/v1/survey-drafts/templates": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/survey-drafts/templates" }) },
  "GET /api/v1/survey-drafts/item-bank": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/survey-drafts/item-bank" }) },
  "POST /api/v1/survey-drafts": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/survey-drafts", json: { surveyId: "resident" } }) },
  "POST /api/v1/survey-drafts/new": {
    allowed: ["admin"],
    inScope: (f) => ({
      path: "/api/v1/survey-drafts/new",
      json: { surveyId: `m${f.unique()}`, title: "矩阵问卷", audience: "parent", from: { template: "parent-winter" } },
    }),
  },
  "GET /api/v1/survey-drafts/:id": { allowed: ["admin"], inScope: (f) => ({ path: `/api/v1/survey-drafts/${f.draft}` }) },
  "PUT /api/v1/survey-drafts/:id": {
    allowed: ["admin"],
    // Revision 999 is never the stored one: an allowed caller gets 409, nothing saved.
    inScope: (f) => ({ path: `/api/v1/survey-drafts/${f.draft}`, json: { json: { pages: [] }, revision: 999 } }),
  },
  "GET /api/v1/survey-drafts/:id/diff": { allowed: ["admin"], inScope: (f) => ({ path: `/api/v1/survey-drafts/${f.draft}/diff` }) },
  // Unchanged from the current version: an allowed caller gets 422 no_changes, nothing published.
  "POST /api/v1/survey-drafts/:id/publish": { allowed: ["admin"], inScope: (f) => ({ path: `/api/v1/survey-drafts/${f.draft}/publish` }) },
  "DELETE /api/v1/survey-drafts/:id": { allowed: ["admin"], inScope: (f) => ({ path: `/api/v1/survey-drafts/${f.removableDraft}` }) },
  "POST /api/v1/units/import/preview": {
    allowed: ["admin"],
    inScope: () => ({ path: "/api/v1/units/import/preview", raw: `${CSV}500104009000,新街道,subdistrict,500104000000,,,` }),
    // A preview always answers 200: rows outside the scope are listed as out_of_scope errors.
    outOfScope: () => ({ path: "/api/v1/units/import/preview", raw: `${CSV}500110009000,外街道,subdistrict,500110000000,,,` }),
    outOfScopeStatus: 200,
    outOfScopeBody: refusedPreview,
  },
  "POST /api/v1/units/import": {
    allowed: ["admin"],
    inScope: () => ({ path: "/api/v1/units/import", raw: `${CSV}500104009000,新街道,subdistrict,500104000000,,,` }),
    outOfScope: () => ({ path: "/api/v1/units/import", raw: `${CSV}500110009000,外街道,subdistrict,500110000000,,,` }),
    outOfScopeStatus: 422,
  },
  // Issue 11: a unit that stands outside the scope today, moved to a place inside it.
  "POST /api/v1/units/import/preview#move-in": {
    allowed: ["admin"],
    inScope: () => ({ path: "/api/v1/units/import/preview", raw: `${CSV}${DEMO.school},大渡口区实验小学,school,500104000000,,,60` }),
    outOfScope: () => ({ path: "/api/v1/units/import/preview", raw: `${CSV}500110S01,綦江区实验小学,school,500104000000,,,60` }),
    outOfScopeStatus: 200,
    outOfScopeBody: refusedPreview,
  },
  "POST /api/v1/units/import#move-in": {
    allowed: ["admin"],
    inScope: () => ({ path: "/api/v1/units/import", raw: `${CSV}${DEMO.school},大渡口区实验小学,school,500104000000,,,60` }),
    outOfScope: () => ({ path: "/api/v1/units/import", raw: `${CSV}500110S01,綦江区实验小学,school,500104000000,,,60` }),
    outOfScopeStatus: 422,
  },
  "GET /api/v1/units": {
    allowed: ["admin", "office", "interviewer"],
    inScope: () => ({ path: `/api/v1/units?q=社区&under=${DEMO.community}` }),
    outOfScope: () => ({ path: `/api/v1/units?q=社区&under=${DEMO.qijiangCommunity}` }),
  },
  "GET /api/v1/units/:code": {
    allowed: ["admin", "office", "interviewer"],
    inScope: () => ({ path: `/api/v1/units/${DEMO.community}` }),
    outOfScope: () => ({ path: `/api/v1/units/${DEMO.qijiangCommunity}` }),
  },
  // Issue 13: census age shares of a unit; read by offices, set and removed by admins, in scope only.
  "GET /api/v1/units/:code/age-shares": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: `/api/v1/units/${DEMO.xinshancun}/age-shares` }),
    outOfScope: () => ({ path: `/api/v1/units/${DEMO.qijiang}/age-shares` }),
  },
  "PUT /api/v1/units/:code/age-shares": {
    allowed: ["admin"],
    inScope: () => ({ path: `/api/v1/units/${DEMO.xinshancun}/age-shares`, json: { shares: { "18_29": 0.5, "30_39": 0.5 } } }),
    outOfScope: () => ({ path: `/api/v1/units/${DEMO.qijiang}/age-shares`, json: { shares: { "18_29": 0.5, "30_39": 0.5 } } }),
  },
  // The city lies above the district admin: outside its scope too.
  "PUT /api/v1/units/:code/age-shares#city": {
    allowed: ["admin"],
    inScope: () => ({ path: `/api/v1/units/${DEMO.dadukou}/age-shares`, json: { shares: { "18_29": 1 } } }),
    outOfScope: () => ({ path: `/api/v1/units/${DEMO.city}/age-shares`, json: { shares: { "18_29": 1 } } }),
  },
  "DELETE /api/v1/units/:code/age-shares": {
    allowed: ["admin"],
    inScope: () => ({ path: `/api/v1/units/${DEMO.xinshancun}/age-shares` }),
    outOfScope: () => ({ path: `/api/v1/units/${DEMO.qijiang}/age-shares` }),
  },
  "POST /api/v1/posters": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: "/api/v1/posters", json: { unitCode: DEMO.community, surveyId: "resident" } }),
    outOfScope: () => ({ path: "/api/v1/posters", json: { unitCode: DEMO.qijiangCommunity, surveyId: "resident" } }),
  },
  "POST /api/v1/posters/batch": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: "/api/v1/posters/batch", json: { subdistrictCode: DEMO.xinshancun, surveyId: "resident" } }),
    outOfScope: () => ({ path: "/api/v1/posters/batch", json: { subdistrictCode: "500110002000", surveyId: "resident" } }),
  },
  "GET /api/v1/posters": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: `/api/v1/posters?unit=${DEMO.xinshancun}` }),
    outOfScope: () => ({ path: `/api/v1/posters?unit=${DEMO.qijiang}` }),
  },
  "GET /api/v1/posters/:id": {
    allowed: ["admin", "office"],
    inScope: (f) => ({ path: `/api/v1/posters/${f.posterIn}` }),
    outOfScope: (f) => ({ path: `/api/v1/posters/${f.posterOut}` }),
  },
  "PATCH /api/v1/posters/:id": {
    allowed: ["admin", "office"],
    inScope: (f) => ({ path: `/api/v1/posters/${f.posterIn}`, json: { endsAt: "2099-01-01T00:00:00Z" } }),
    outOfScope: (f) => ({ path: `/api/v1/posters/${f.posterOut}`, json: { endsAt: "2099-01-01T00:00:00Z" } }),
  },
  "POST /api/v1/posters/:id/revoke": {
    allowed: ["admin", "office"],
    inScope: (f) => ({ path: `/api/v1/posters/${f.revocableIn}/revoke`, json: { reason: "矩阵测试" } }),
    outOfScope: (f) => ({ path: `/api/v1/posters/${f.revocableOut}/revoke`, json: { reason: "矩阵测试" } }),
  },
  "GET /api/v1/posters/:id/qr.svg": {
    allowed: ["admin", "office"],
    inScope: (f) => ({ path: `/api/v1/posters/${f.posterIn}/qr.svg` }),
    outOfScope: (f) => ({ path: `/api/v1/posters/${f.posterOut}/qr.svg` }),
  },
  "GET /api/v1/posters/:id/qr.png": {
    allowed: ["admin", "office"],
    inScope: (f) => ({ path: `/api/v1/posters/${f.posterIn}/qr.png` }),
    outOfScope: (f) => ({ path: `/api/v1/posters/${f.posterOut}/qr.png` }),
  },
  "GET /api/v1/q/:token": { allowed: "public", inScope: (f) => ({ path: `/api/v1/q/${f.tokenIn}` }) },
  "POST /api/v1/responses": { allowed: "public", inScope: (f) => ({ path: "/api/v1/responses", json: qrBody(f.tokenIn) }) },
  // The interview channel of the same route (docs/design.md §4: out of scope is 422 there).
  "POST /api/v1/responses#interview": {
    allowed: ["interviewer", "admin"],
    inScope: () => ({ path: "/api/v1/responses", json: interview(DEMO.community) }),
    outOfScope: () => ({ path: "/api/v1/responses", json: interview(DEMO.qijiangCommunity) }),
    outOfScopeStatus: 422,
  },
  "POST /api/v1/visits": {
    allowed: ["interviewer", "admin"],
    inScope: (f) => ({ path: "/api/v1/visits", json: visit(f, DEMO.community) }),
    outOfScope: (f) => ({ path: "/api/v1/visits", json: visit(f, DEMO.qijiangCommunity) }),
    outOfScopeStatus: 422,
  },
  "POST /api/v1/devices/heartbeat": {
    allowed: ["interviewer", "admin"],
    inScope: () => ({ path: "/api/v1/devices/heartbeat", json: { deviceId: "matrix-tablet", pending: 0, needsAttention: 0 } }),
  },
  "POST /api/v1/devices/discards": {
    allowed: ["interviewer", "admin"],
    inScope: () => ({
      path: "/api/v1/devices/discards",
      json: {
        clientId: crypto.randomUUID(),
        kind: "visit",
        deviceId: "matrix-tablet",
        reason: "误录，已重新登记",
        summary: {
          unitCode: DEMO.community,
          surveyId: "resident",
          household: "1号",
          outcome: "refused",
          visitedAt: new Date().toISOString(),
        },
      },
    }),
  },
  ...Object.fromEntries(
    ["interviewers", "units", "devices"].map((what) => [
      `GET /api/v1/field-progress/${what}`,
      {
        allowed: ["admin", "office"],
        inScope: () => ({ path: `/api/v1/field-progress/${what}?unit=${DEMO.xinshancun}` }),
        outOfScope: () => ({ path: `/api/v1/field-progress/${what}?unit=${DEMO.qijiang}` }),
      } satisfies Spec,
    ]),
  ),
  ...Object.fromEntries(
    ["", "/trend", "/plan"].map((what) => [
      `GET /api/v1/rates${what}`,
      {
        allowed: ["admin", "office"],
        inScope: () => ({ path: `/api/v1/rates${what}?unit=${DEMO.xinshancun}` }),
        outOfScope: () => ({ path: `/api/v1/rates${what}?unit=${DEMO.qijiang}` }),
      } satisfies Spec,
    ]),
  ),
  "GET /api/v1/rates/ranking": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: `/api/v1/rates/ranking?unit=${DEMO.xinshancun}&metric=satisfaction` }),
    outOfScope: () => ({ path: `/api/v1/rates/ranking?unit=${DEMO.qijiang}&metric=satisfaction` }),
  },
  // Issue 14: the distributions and the cross-tab follow /rates (admin or office, unit in scope).
  "GET /api/v1/rates/distributions": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: `/api/v1/rates/distributions?unit=${DEMO.xinshancun}` }),
    outOfScope: () => ({ path: `/api/v1/rates/distributions?unit=${DEMO.qijiang}` }),
  },
  "GET /api/v1/rates/crosstab": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: `/api/v1/rates/crosstab?unit=${DEMO.xinshancun}&audience=resident&question=knows_campaign&by=age_band` }),
    outOfScope: () => ({ path: `/api/v1/rates/crosstab?unit=${DEMO.qijiang}&audience=resident&question=knows_campaign&by=age_band` }),
  },
  // Issue 14: the answer export follows /rates (admin or office, unit in scope), in every format.
  ...Object.fromEntries(
    ["xlsx", "csv", "sps"].map((format) => [
      `GET /api/v1/exports/responses#${format}`,
      {
        allowed: ["admin", "office"],
        inScope: () => ({ path: `/api/v1/exports/responses?unit=${DEMO.xinshancun}&survey=resident&format=${format}` }),
        outOfScope: () => ({ path: `/api/v1/exports/responses?unit=${DEMO.qijiang}&survey=resident&format=${format}` }),
      } satisfies Spec,
    ]),
  ),
  // Issue 11: thresholds are a unit's settings; without `unit` they are the caller's scope's.
  "GET /api/v1/settings/thresholds": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: `/api/v1/settings/thresholds?unit=${DEMO.xinshancun}` }),
    outOfScope: () => ({ path: `/api/v1/settings/thresholds?unit=${DEMO.qijiang}` }),
  },
  "GET /api/v1/settings/thresholds#default-unit": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: "/api/v1/settings/thresholds" }),
  },
  "PUT /api/v1/settings/thresholds": {
    allowed: ["admin"],
    inScope: () => ({ path: "/api/v1/settings/thresholds", json: { minRespondents: 20 } }),
    outOfScope: () => ({ path: "/api/v1/settings/thresholds", json: { unit: DEMO.qijiang, minRespondents: 20 } }),
  },
  // The city's settings lie above the district admin: outside its scope too.
  "PUT /api/v1/settings/thresholds#city": {
    allowed: ["admin"],
    inScope: () => ({ path: "/api/v1/settings/thresholds", json: { unit: DEMO.xinshancun, minRespondents: 20 } }),
    outOfScope: () => ({ path: "/api/v1/settings/thresholds", json: { unit: DEMO.city, minRespondents: 20 } }),
  },
  // Issue 19: the privacy texts are city-wide; every role reads them, admins replace them.
  "GET /api/v1/settings/privacy-notice": {
    allowed: ["admin", "office", "interviewer"],
    inScope: () => ({ path: "/api/v1/settings/privacy-notice" }),
  },
  "PUT /api/v1/settings/privacy-notice": {
    allowed: ["admin"],
    inScope: () => ({
      path: "/api/v1/settings/privacy-notice",
      json: {
        respondentSummary: "告知摘要",
        respondentFull: "告知全文",
        interviewGpsConsent: "位置说明",
        interviewOpeningGps: "开场白说明",
      },
    }),
  },
  "GET /api/v1/admin/flagged": {
    allowed: ["admin"],
    inScope: () => ({ path: `/api/v1/admin/flagged?unit=${DEMO.community}` }),
    outOfScope: () => ({ path: `/api/v1/admin/flagged?unit=${DEMO.qijiangCommunity}` }),
  },
  "POST /api/v1/admin/flagged/:id/review": {
    allowed: ["admin"],
    inScope: (f) => ({ path: `/api/v1/admin/flagged/${f.flaggedIn}/review`, json: { decision: "exclude", reason: "矩阵测试" } }),
    outOfScope: (f) => ({ path: `/api/v1/admin/flagged/${f.flaggedOut}/review`, json: { decision: "exclude", reason: "矩阵测试" } }),
  },
  "GET /api/v1/admin/responses": {
    allowed: ["admin"],
    inScope: () => ({ path: `/api/v1/admin/responses?day=2026-11-20&unit=${DEMO.community}` }),
    outOfScope: () => ({ path: `/api/v1/admin/responses?day=2026-11-20&unit=${DEMO.qijiangCommunity}` }),
  },
  "POST /api/v1/admin/responses/review": {
    allowed: ["admin"],
    inScope: (f) => ({ path: "/api/v1/admin/responses/review", json: { ids: [f.flaggedIn], decision: "exclude", reason: "矩阵测试" } }),
    // One id outside the scope refuses the whole batch.
    outOfScope: (f) => ({
      path: "/api/v1/admin/responses/review",
      json: { ids: [f.flaggedIn, f.flaggedOut], decision: "exclude", reason: "矩阵测试" },
    }),
  },
  "POST /api/v1/admin/responses/:id/review": {
    allowed: ["admin"],
    inScope: (f) => ({ path: `/api/v1/admin/responses/${f.flaggedIn}/review`, json: { decision: "exclude", reason: "矩阵测试" } }),
    outOfScope: (f) => ({ path: `/api/v1/admin/responses/${f.flaggedOut}/review`, json: { decision: "exclude", reason: "矩阵测试" } }),
  },
  "GET /api/v1/admin/audit": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/admin/audit" }) },
  // Issue 19: data subject requests are admin only, inside the admin's scope (a named unit must lie in it).
  "GET /api/v1/admin/subjects": {
    allowed: ["admin"],
    inScope: () => ({ path: `/api/v1/admin/subjects?deviceId=matrix-tablet&unit=${DEMO.xinshancun}` }),
    outOfScope: () => ({ path: `/api/v1/admin/subjects?deviceId=matrix-tablet&unit=${DEMO.qijiang}` }),
  },
  "GET /api/v1/admin/subjects#default-scope": {
    allowed: ["admin"],
    inScope: () => ({ path: `/api/v1/admin/subjects?household=${encodeURIComponent("矩阵户")}` }),
  },
  "POST /api/v1/admin/subjects/export": {
    allowed: ["admin"],
    inScope: () => ({
      path: "/api/v1/admin/subjects/export",
      json: { deviceId: "matrix-tablet", unit: DEMO.xinshancun, reason: "矩阵测试" },
    }),
    outOfScope: () => ({
      path: "/api/v1/admin/subjects/export",
      json: { deviceId: "matrix-tablet", unit: DEMO.qijiang, reason: "矩阵测试" },
    }),
  },
  "POST /api/v1/admin/subjects/anonymise": {
    allowed: ["admin"],
    inScope: () => ({
      path: "/api/v1/admin/subjects/anonymise",
      json: { household: "矩阵无此户", unit: DEMO.xinshancun, reason: "矩阵测试" },
    }),
    outOfScope: () => ({
      path: "/api/v1/admin/subjects/anonymise",
      json: { household: "矩阵无此户", unit: DEMO.qijiang, reason: "矩阵测试" },
    }),
  },
  // Issue 19: retention applies to the whole deployment; admins read and change it, and read the job's log.
  "GET /api/v1/settings/retention": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/settings/retention" }) },
  "PUT /api/v1/settings/retention": {
    allowed: ["admin"],
    inScope: () => ({
      path: "/api/v1/settings/retention",
      json: { countFrom: "year_end", gps: { days: 180, action: "coarse" }, household: { days: 180 } },
    }),
  },
  "GET /api/v1/settings/retention/runs": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/settings/retention/runs" }) },
  // Scope-limited in the answer (the admin's subtree only): test/server/dengbao/audit-log.test.ts, login-events.test.ts.
  "GET /api/v1/admin/audit/export": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/admin/audit/export?format=csv" }) },
  "GET /api/v1/admin/logins": { allowed: ["admin"], inScope: () => ({ path: "/api/v1/admin/logins" }) },
  // Issue 14 part 5: webhook subscriptions are admin only, the unit (stored and new) in scope.
  "GET /api/v1/webhooks": {
    allowed: ["admin"],
    inScope: () => ({ path: `/api/v1/webhooks?unit=${DEMO.xinshancun}` }),
    outOfScope: () => ({ path: `/api/v1/webhooks?unit=${DEMO.qijiang}` }),
  },
  "POST /api/v1/webhooks": {
    allowed: ["admin"],
    inScope: () => ({ path: "/api/v1/webhooks", json: webhook(DEMO.xinshancun) }),
    outOfScope: () => ({ path: "/api/v1/webhooks", json: webhook(DEMO.qijiang) }),
  },
  "PATCH /api/v1/webhooks/:id": {
    allowed: ["admin"],
    inScope: (f) => ({ path: `/api/v1/webhooks/${f.webhookIn}`, json: { name: "矩阵" } }),
    outOfScope: (f) => ({ path: `/api/v1/webhooks/${f.webhookOut}`, json: { name: "矩阵" } }),
  },
  "PATCH /api/v1/webhooks/:id#new-unit-outside": {
    allowed: ["admin"],
    inScope: (f) => ({ path: `/api/v1/webhooks/${f.webhookIn}`, json: { unitCode: DEMO.xinshancun } }),
    outOfScope: (f) => ({ path: `/api/v1/webhooks/${f.webhookIn}`, json: { unitCode: DEMO.qijiang } }),
  },
  "DELETE /api/v1/webhooks/:id": {
    allowed: ["admin"],
    inScope: (f) => ({ path: `/api/v1/webhooks/${f.removableWebhookIn}` }),
    outOfScope: (f) => ({ path: `/api/v1/webhooks/${f.removableWebhookOut}` }),
  },
  "POST /api/v1/webhooks/:id/test": {
    allowed: ["admin"],
    inScope: (f) => ({ path: `/api/v1/webhooks/${f.webhookIn}/test` }),
    outOfScope: (f) => ({ path: `/api/v1/webhooks/${f.webhookOut}/test` }),
  },
  "GET /api/v1/webhooks/:id/deliveries": {
    allowed: ["admin"],
    inScope: (f) => ({ path: `/api/v1/webhooks/${f.webhookIn}/deliveries` }),
    outOfScope: (f) => ({ path: `/api/v1/webhooks/${f.webhookOut}/deliveries` }),
  },
  // Issue 14: 意见建议 and the 问题清单, for offices and admins, inside their scope.
  "GET /api/v1/comments": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: `/api/v1/comments?unit=${DEMO.xinshancun}` }),
    outOfScope: () => ({ path: `/api/v1/comments?unit=${DEMO.qijiang}` }),
  },
  "GET /api/v1/comments#default-unit": { allowed: ["admin", "office"], inScope: () => ({ path: "/api/v1/comments" }) },
  "GET /api/v1/issue-items": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: `/api/v1/issue-items?unit=${DEMO.xinshancun}` }),
    outOfScope: () => ({ path: `/api/v1/issue-items?unit=${DEMO.qijiang}` }),
  },
  "GET /api/v1/issue-items/summary": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: `/api/v1/issue-items/summary?unit=${DEMO.dadukou}` }),
    outOfScope: () => ({ path: `/api/v1/issue-items/summary?unit=${DEMO.city}` }),
  },
  "POST /api/v1/issue-items": {
    allowed: ["admin", "office"],
    inScope: () => ({ path: "/api/v1/issue-items", json: { title: "矩阵测试", unitCode: DEMO.community } }),
    outOfScope: () => ({ path: "/api/v1/issue-items", json: { title: "矩阵测试", unitCode: DEMO.qijiangCommunity } }),
  },
  "GET /api/v1/issue-items/:id": {
    allowed: ["admin", "office"],
    inScope: (f) => ({ path: `/api/v1/issue-items/${f.issueIn}` }),
    outOfScope: (f) => ({ path: `/api/v1/issue-items/${f.issueOut}` }),
  },
  "PATCH /api/v1/issue-items/:id": {
    allowed: ["admin", "office"],
    inScope: (f) => ({ path: `/api/v1/issue-items/${f.issueIn}`, json: { note: "矩阵测试" } }),
    outOfScope: (f) => ({ path: `/api/v1/issue-items/${f.issueOut}`, json: { note: "矩阵测试" } }),
  },
  // Reassignment: the stored unit is inside, the new one outside.
  "PATCH /api/v1/issue-items/:id#new-unit-outside": {
    allowed: ["admin", "office"],
    inScope: (f) => ({ path: `/api/v1/issue-items/${f.issueIn}`, json: { unitCode: DEMO.community2 } }),
    outOfScope: (f) => ({ path: `/api/v1/issue-items/${f.issueIn}`, json: { unitCode: DEMO.qijiangCommunity } }),
  },
};

let t: TestApp;
let fixtures: Fixtures;
const cookies: Partial<Record<Who, string>> = {};
const passwords: Record<Role, [string, string]> = {
  admin: ["ddk-admin", "ddk-admin-pass-1"],
  office: ["ddk-office", "ddk-office-pass-1"],
  interviewer: ["ddk-interviewer", "ddk-interview-pass-1"],
};

/** The app's own list of API routes, as `METHOD /path` (middleware entries left out). */
function appRoutes(): string[] {
  const keys = t.app.routes.filter((r) => r.method !== "ALL" && r.path.startsWith("/api/v1/")).map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].sort();
}

beforeAll(async () => {
  // Generous limits: the matrix logs in and posts many times from one address.
  t = await createTestApp({ env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0", LOGIN_MAX_FAILURES_PER_ADDRESS: "1000" } });
  const root = await t.login();
  // Every tested user is scoped to 大渡口区; 綦江区 is outside.
  for (const role of ["admin", "office", "interviewer"] as Role[]) {
    const [username, password] = passwords[role];
    cookies[role] = await t.createUser(root, { username, password, role, scope: DEMO.dadukou });
  }
  cookies.anonymous = "";
  cookies.forged = `cw_session=${"f".repeat(43)}`;
  await t.createUser(root, { username: "signed-out", password: "signed-out-pass-1", role: "admin", scope: DEMO.dadukou });
  const gone = await t.login("signed-out", "signed-out-pass-1");
  expect((await t.request("/api/v1/auth/logout", { method: "POST", cookie: gone })).status).toBe(200);
  cookies["signed-out"] = gone;
  await t.createUser(root, { username: "target-in", password: "target-pass-1", role: "interviewer", scope: DEMO.xinshancun });
  await t.createUser(root, { username: "target-out", password: "target-pass-1", role: "interviewer", scope: DEMO.qijiang });
  const pIn = await t.createPoster(root, DEMO.community, "resident");
  const pOut = await t.createPoster(root, DEMO.qijiangCommunity, "resident");
  const revocableIn = (await t.createPoster(root, DEMO.community, "resident")).id;
  const revocableOut = (await t.createPoster(root, DEMO.qijiangCommunity, "resident")).id;
  // Two responses from one device per poster: the second of each is flagged same_device.
  const flagged: string[] = [];
  for (const token of [pIn.token, pOut.token]) {
    const deviceId = `matrix-${token.slice(0, 6)}`;
    for (let i = 0; i < 2; i++) {
      const body = qrBody(token, { deviceId });
      expect((await t.request("/api/v1/responses", { method: "POST", json: body })).status).toBe(201);
      if (i === 1) flagged.push(body.id);
    }
  }
  const makeWebhook = async (unitCode: string) => {
    const res = await t.request("/api/v1/webhooks", { method: "POST", cookie: root, json: webhook(unitCode) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { webhook: { id: string } }).webhook.id;
  };
  const issue = async (unitCode: string) => {
    const res = await t.request("/api/v1/issue-items", { method: "POST", cookie: root, json: { title: "矩阵条目", unitCode } });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: number }).id;
  };
  const draft = async (surveyId: string) => {
    const res = await t.request("/api/v1/survey-drafts", { method: "POST", cookie: root, json: { surveyId } });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const issueIn = await issue(DEMO.community);
  const issueOut = await issue(DEMO.qijiangCommunity);
  let n = 0;
  fixtures = {
    draft: await draft("resident"),
    removableDraft: await draft("shopkeeper"),
    issueIn,
    issueOut,
    webhookIn: await makeWebhook(DEMO.xinshancun),
    webhookOut: await makeWebhook(DEMO.qijiang),
    removableWebhookIn: await makeWebhook(DEMO.xinshancun),
    removableWebhookOut: await makeWebhook(DEMO.qijiang),
    tokenIn: pIn.token,
    posterIn: pIn.id,
    posterOut: pOut.id,
    revocableIn,
    revocableOut,
    flaggedIn: flagged[0]!,
    flaggedOut: flagged[1]!,
    unique: () => `${Date.now()}${n++}`,
  };
});
afterAll(() => t.close());

async function call(spec: Spec, method: string, c: Case, who: Who): Promise<Response> {
  const headers: Record<string, string> = {};
  if (c.raw !== undefined) headers["content-type"] = "text/csv";
  const res = await t.request(c.path, {
    method,
    cookie: cookies[who] || undefined,
    headers,
    ...(c.raw !== undefined ? { body: c.raw } : c.json !== undefined ? { json: c.json } : {}),
  });
  if (spec.endsSession && hasSession(who)) cookies[who] = await t.login(...passwords[who]);
  return res;
}

describe("authorization matrix", () => {
  it("has an entry for every API route the app serves (and none for routes it does not)", () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(25);
    const specced = [...new Set(Object.keys(SPECS).map((k) => k.split("#")[0]!))].sort();
    expect(
      routes.filter((r) => !specced.includes(r)),
      "routes without a matrix entry",
    ).toEqual([]);
    expect(
      specced.filter((r) => !routes.includes(r)),
      "matrix entries for routes that do not exist",
    ).toEqual([]);
  });

  for (const [key, spec] of Object.entries(SPECS)) {
    const method = key.split(" ")[0]!;
    it(`${key}: ${spec.allowed === "public" ? "anyone" : spec.allowed === "signed-in" ? "any signed-in user" : spec.allowed.join(", ")}`, async () => {
      for (const who of WHO) {
        const allowed = spec.allowed === "public" || (hasSession(who) && (spec.allowed === "signed-in" || spec.allowed.includes(who)));
        const res = await call(spec, method, spec.inScope(fixtures), who);
        const label = `${key} as ${who} (in scope): ${res.status} ${await res
          .clone()
          .text()
          .then((s) => s.slice(0, 200))}`;
        if (allowed) {
          expect([401, 403], label).not.toContain(res.status);
          expect(res.status, label).toBeLessThan(500);
        } else {
          expect(res.status, label).toBe(hasSession(who) ? 403 : 401);
        }
        if (!spec.outOfScope) continue;
        const out = await call(spec, method, spec.outOfScope(fixtures), who);
        const outLabel = `${key} as ${who} (out of scope): ${out.status} ${await out
          .clone()
          .text()
          .then((s) => s.slice(0, 200))}`;
        if (!allowed) expect(out.status, outLabel).toBe(hasSession(who) ? 403 : 401);
        else {
          expect(out.status, outLabel).toBe(spec.outOfScopeStatus ?? 403);
          spec.outOfScopeBody?.(await out.json());
        }
      }
    });
  }
});
