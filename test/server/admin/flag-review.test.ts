import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rebuildRollups } from "../../../server/services/rollups/rollup-rebuild";
import { countRows, DEMO, eligibleAnswers, qrBody } from "../../helpers/fixtures";
import { createTestApp, type TestApp } from "../../helpers/test-app";

let t: TestApp;
let admin: string;
let token: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login();
  token = (await t.createPoster(admin, DEMO.community, "resident")).token;
});
afterEach(() => t.close());

const post = (body: unknown, ip = "10.9.0.1") => t.request("/api/v1/responses", { method: "POST", json: body, ip });

async function respondents(includeFlagged = false): Promise<number> {
  const res = await t.request(`/api/v1/rates?unit=${DEMO.community}${includeFlagged ? "&includeFlagged=1" : ""}`, { cookie: admin });
  return (await res.json()).metrics.awareness.respondents as number;
}

/** The rollups as stored, to compare with a rebuild from the raw responses. */
async function rollupState(): Promise<string> {
  const rows = await t.client.execute("select * from rollups order by key");
  return JSON.stringify(rows.rows);
}

const review = (id: string, decision: "include" | "exclude", reason: string, cookie = admin) =>
  t.request(`/api/v1/admin/flagged/${id}/review`, { method: "POST", cookie, json: { decision, reason } });

describe("flag review", () => {
  it("flags too-fast and straight-lined QR responses, and leaves an unhurried varied one alone", async () => {
    const now = Date.now();
    const fast = qrBody(token, {
      answers: eligibleAnswers(),
      startedAt: new Date(now - 5_000).toISOString(),
      completedAt: new Date(now).toISOString(),
    });
    const sat = [
      "sat_environment",
      "sat_public_order",
      "sat_traffic",
      "sat_community_service",
      "sat_service_windows",
      "sat_markets",
      "sat_night_safety",
      "sat_integrity",
      "sat_civic_practice",
      "sat_life_circle",
    ];
    const straight = qrBody(token, { answers: { ...eligibleAnswers(), ...Object.fromEntries(sat.map((q) => [q, "vs"])) } });
    const fine = qrBody(token, { answers: { ...eligibleAnswers(), ...Object.fromEntries(sat.map((q, i) => [q, i % 2 ? "vs" : "s"])) } });
    for (const b of [fast, straight, fine]) expect((await post(b)).status).toBe(201);
    const rows = (await t.client.execute("select id, flagged, flag_reason from responses")).rows;
    const reason = (id: string) => rows.find((r) => r.id === id)?.flag_reason ?? null;
    expect(reason(fast.id)).toContain("too_fast");
    expect(reason(straight.id)).toBe("straight_line");
    expect(reason(fine.id)).toBeNull();
  });

  it("honours QR_MIN_SECONDS_PER_ANSWER=0 and QR_STRAIGHTLINE_MIN=0 (off)", async () => {
    t.close();
    t = await createTestApp({ env: { QR_MIN_SECONDS_PER_ANSWER: "0", QR_STRAIGHTLINE_MIN: "0" } });
    admin = await t.login();
    token = (await t.createPoster(admin, DEMO.community, "resident")).token;
    const at = new Date().toISOString();
    expect((await post(qrBody(token, { startedAt: at, completedAt: at }))).status).toBe(201);
    expect(await countRows(t, "responses", "flagged = 1")).toBe(0);
  });

  it("includes and excludes with a recorded reason; the rates and rollups follow in the same transaction", async () => {
    const device = "phone-1";
    const first = qrBody(token, { deviceId: device, answers: eligibleAnswers() });
    const second = qrBody(token, { deviceId: device, answers: eligibleAnswers() });
    expect((await post(first)).status).toBe(201);
    expect((await post(second)).status).toBe(201);
    expect(await respondents()).toBe(1);
    expect(await respondents(true)).toBe(2);

    const list = await (await t.request("/api/v1/admin/flagged?status=pending", { cookie: admin })).json();
    expect(list.responses.map((r: { id: string; flagReasons: string[] }) => [r.id, r.flagReasons])).toEqual([[second.id, ["same_device"]]]);

    const inc = await review(second.id, "include", "同一户两位家庭成员用同一部手机填写，已电话核实");
    expect(inc.status).toBe(200);
    expect(await inc.json()).toMatchObject({ flagged: false, flagReason: "same_device", reviewDecision: "include", reviewedBy: "admin" });
    expect(await respondents()).toBe(2);
    expect(await respondents(true)).toBe(2);
    const incremental = await rollupState();
    await rebuildRollups(t.db, t.app.services.registry);
    expect(await rollupState()).toEqual(incremental);

    expect((await review(second.id, "exclude", "复核：同一人重复填写")).status).toBe(200);
    expect(await respondents()).toBe(1);
    const again = await rollupState();
    await rebuildRollups(t.db, t.app.services.registry);
    expect(await rollupState()).toEqual(again);

    // Reviewing twice the same way moves nothing.
    expect((await review(second.id, "exclude", "再次确认")).status).toBe(200);
    expect(await respondents()).toBe(1);

    const audit = (
      await t.client.execute("select action, target, before, after from audit_log where action = 'responses.review' order by id")
    ).rows;
    expect(audit).toHaveLength(3);
    expect(JSON.parse(String(audit[0]!.before))).toMatchObject({ flagged: true, reviewDecision: null });
    expect(JSON.parse(String(audit[0]!.after))).toMatchObject({
      flagged: false,
      reviewDecision: "include",
      reviewReason: expect.stringContaining("电话核实"),
    });
    const excluded = await (await t.request("/api/v1/admin/flagged?status=excluded", { cookie: admin })).json();
    expect(excluded.responses.map((r: { id: string }) => r.id)).toEqual([second.id]);
  });

  it("refuses unflagged responses (422), a missing reason (422), unknown ids (404), other roles and scopes (403)", async () => {
    const body = qrBody(token);
    expect((await post(body)).status).toBe(201);
    expect((await review(body.id, "exclude", "看起来可疑")).status).toBe(422);
    expect((await review(body.id, "exclude", "")).status).toBe(422);
    expect((await review(crypto.randomUUID(), "exclude", "不存在的答卷")).status).toBe(404);
    const dup = qrBody(token, { deviceId: body.deviceId });
    expect((await post(dup)).status).toBe(201);
    const office = await t.createUser(admin, { username: "o1", password: "office-pass-1", role: "office", scope: DEMO.dadukou });
    expect((await review(dup.id, "include", "理由充分", office)).status).toBe(403);
    const qjAdmin = await t.createUser(admin, { username: "qj", password: "admin-pass-2", role: "admin", scope: DEMO.qijiang });
    expect((await review(dup.id, "include", "理由充分", qjAdmin)).status).toBe(403);
    const qjList = await (await t.request("/api/v1/admin/flagged", { cookie: qjAdmin })).json();
    expect(qjList.responses).toEqual([]);
    expect(await countRows(t, "responses", "review_decision is not null")).toBe(0);
  });
});
