/**
 * The privacy texts (issue 19, 个人信息处理告知): defaults in Chinese until an admin edits them,
 * zod-checked on PUT (nothing stored or audited on a refusal), every change audited with the texts
 * before and after, and the respondent's part sent inline with GET /q/:token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PRIVACY_NOTICE, PRIVACY_NOTICE_LIMITS } from "../../server/contracts/privacy-notice-defaults";
import { PRIVACY_NOTICE_KEY } from "../../server/services/setup/privacy-notice";
import { countRows, DEMO } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let root: string;
let districtAdmin: string;
let office: string;
let interviewer: string;

const PATH = "/api/v1/settings/privacy-notice";
const edited = {
  respondentSummary: "告知：本问卷不记名，回答只用于统计，保存一年。疑问请拨打 023-12345678。",
  respondentFull: "第一条 收集什么。\n第二条 为什么收集。",
  interviewGpsConsent: "是否记录本次访问的位置？",
  interviewOpeningGps: "平板会记录这次访问的大致位置。",
};

const put = (cookie: string, json: unknown) => t.request(PATH, { method: "PUT", json, cookie });
const auditCount = () => countRows(t, "audit_log", "action = 'settings.privacy_notice'");
const storedCount = () => countRows(t, "settings", `key = '${PRIVACY_NOTICE_KEY}'`);

beforeAll(async () => {
  t = await createTestApp();
  root = await t.login();
  districtAdmin = await t.createUser(root, { username: "ddk-admin", password: "admin-pass-12", role: "admin", scope: DEMO.dadukou });
  office = await t.createUser(root, { username: "ddk-office", password: "office-pass-1", role: "office", scope: DEMO.dadukou });
  interviewer = await t.createUser(root, { username: "ddk-int", password: "interview-pass-1", role: "interviewer", scope: DEMO.dadukou });
});
afterAll(() => t.close());

describe("privacy notice settings", () => {
  it("answers the Chinese defaults before any edit, to every signed-in role", async () => {
    for (const cookie of [root, office, interviewer]) {
      const res = await t.request(PATH, { cookie });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ...DEFAULT_PRIVACY_NOTICE, updatedAt: null });
    }
    expect((await t.request(PATH)).status).toBe(401);
    // The defaults say what, why, how long and whom to ask, in Chinese, and fit their own limits.
    expect(DEFAULT_PRIVACY_NOTICE.respondentSummary).toMatch(/收集.*用于.*保存.*联系/);
    for (const [key, max] of Object.entries(PRIVACY_NOTICE_LIMITS)) {
      expect(DEFAULT_PRIVACY_NOTICE[key as keyof typeof DEFAULT_PRIVACY_NOTICE].length).toBeLessThanOrEqual(max);
    }
  });

  it("sends the respondent's notice inline with the questionnaire of a scanned poster", async () => {
    const poster = await t.createPoster(root, DEMO.community, "resident");
    const body = (await (await t.request(`/api/v1/q/${poster.token}`)).json()) as Record<string, any>;
    expect(body.privacyNotice).toEqual({ summary: DEFAULT_PRIVACY_NOTICE.respondentSummary, full: DEFAULT_PRIVACY_NOTICE.respondentFull });
    expect(body.survey.id).toBe("resident");
  });

  it("refuses non-admins and bad bodies with nothing stored or audited", async () => {
    expect((await put(office, edited)).status).toBe(403);
    expect((await put(interviewer, edited)).status).toBe(403);
    const bad: unknown[] = [
      { ...edited, respondentSummary: "x".repeat(PRIVACY_NOTICE_LIMITS.respondentSummary + 1) },
      { ...edited, respondentFull: "x".repeat(PRIVACY_NOTICE_LIMITS.respondentFull + 1) },
      { ...edited, interviewGpsConsent: "   " },
      { ...edited, interviewOpeningGps: "含\u0007控制字符" },
      { ...edited, extra: "未知字段" },
      { respondentSummary: edited.respondentSummary },
      { ...edited, respondentFull: 42 },
    ];
    for (const json of bad) {
      const res = await put(root, json);
      expect(res.status, JSON.stringify(json).slice(0, 80)).toBe(422);
      expect(((await res.json()) as any).error.code).toBe("invalid_request");
    }
    const raw = await t.request(PATH, { method: "PUT", body: "{not json", headers: { "content-type": "application/json" }, cookie: root });
    expect(raw.status).toBe(400);
    expect(await storedCount()).toBe(0);
    expect(await auditCount()).toBe(0);
  });

  it("stores an admin's texts (trimmed, a summary exactly at its limit), audits before and after, and serves them", async () => {
    const atLimit = "告".repeat(PRIVACY_NOTICE_LIMITS.respondentSummary);
    const res = await put(root, { ...edited, respondentSummary: `  ${atLimit}  ` });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as Record<string, unknown>;
    expect(saved).toMatchObject({ ...edited, respondentSummary: atLimit });
    expect(typeof saved.updatedAt).toBe("string");

    const rows = await t.client.execute(
      "select actor, target, before, after, scope_unit from audit_log where action = 'settings.privacy_notice'",
    );
    expect(rows.rows).toHaveLength(1);
    const entry = rows.rows[0] as unknown as { actor: string; before: string; after: string; scope_unit: string };
    expect(entry.actor).toBe("admin");
    expect(JSON.parse(entry.before)).toEqual(DEFAULT_PRIVACY_NOTICE);
    expect(JSON.parse(entry.after)).toEqual({ ...edited, respondentSummary: atLimit });
    expect(entry.scope_unit).toBe(DEMO.city);

    expect(await (await t.request(PATH, { cookie: interviewer })).json()).toEqual(saved);
    const poster = await t.createPoster(root, DEMO.community, "resident");
    const body = (await (await t.request(`/api/v1/q/${poster.token}`)).json()) as Record<string, any>;
    expect(body.privacyNotice).toEqual({ summary: atLimit, full: edited.respondentFull });
  });

  it("audits a district admin's edit under its own scope, with the previous texts as before", async () => {
    const next = { ...edited, interviewOpeningGps: "我们会记录访问位置。" };
    expect((await put(districtAdmin, next)).status).toBe(200);
    const row = (
      await t.client.execute(
        "select before, after, scope_unit from audit_log where action = 'settings.privacy_notice' and actor = 'ddk-admin'",
      )
    ).rows[0] as unknown as { before: string; after: string; scope_unit: string };
    expect(JSON.parse(row.before).interviewOpeningGps).toBe(edited.interviewOpeningGps);
    expect(JSON.parse(row.after).interviewOpeningGps).toBe("我们会记录访问位置。");
    expect(row.scope_unit).toBe(DEMO.dadukou);
    expect(await auditCount()).toBe(2);
    // The same texts again change nothing, so nothing is written or audited.
    const again = await put(districtAdmin, next);
    expect(again.status).toBe(200);
    expect(await auditCount()).toBe(2);
  });

  it("falls back to a default per text when the stored row is damaged", async () => {
    await t.client.execute({
      sql: "update settings set value = ? where key = ?",
      args: [JSON.stringify({ respondentSummary: 7, respondentFull: "仍然有效的全文", interviewGpsConsent: "" }), PRIVACY_NOTICE_KEY],
    });
    const body = (await (await t.request(PATH, { cookie: root })).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      respondentSummary: DEFAULT_PRIVACY_NOTICE.respondentSummary,
      respondentFull: "仍然有效的全文",
      interviewGpsConsent: DEFAULT_PRIVACY_NOTICE.interviewGpsConsent,
      interviewOpeningGps: DEFAULT_PRIVACY_NOTICE.interviewOpeningGps,
    });
    await t.client.execute({ sql: "update settings set value = '{broken' where key = ?", args: [PRIVACY_NOTICE_KEY] });
    expect(await (await t.request(PATH, { cookie: root })).json()).toMatchObject(DEFAULT_PRIVACY_NOTICE);
  });
});
