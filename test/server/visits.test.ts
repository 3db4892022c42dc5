import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import residentJson from "../../surveys/resident.json";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { createTestApp, type TestApp } from "../helpers/test-app";

const SUB = "500104001000";
const COMMUNITY = "500104001001";
const OTHER_SUB_COMMUNITY = "500104002001";

let t: TestApp;
let admin: string;
let interviewer: string;
let version: number;

beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login();
  interviewer = await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: SUB });
  const res = await t.request("/api/v1/surveys/resident");
  version = ((await res.json()) as { version: number }).version;
});
afterEach(() => t.close());

function visit(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    unitCode: COMMUNITY,
    surveyId: "resident",
    household: "3栋2单元501",
    outcome: "not_home",
    visitedAt: "2026-11-20T02:30:00Z",
    deviceId: "tablet-1",
    durationMs: 45_000,
    latitude: 29.48,
    longitude: 106.48,
    accuracyM: 12,
    ...overrides,
  };
}

async function postResponse(id: string, cookie = interviewer, unitCode = COMMUNITY) {
  return t.request("/api/v1/responses", {
    method: "POST",
    cookie,
    json: {
      id,
      surveyId: "resident",
      surveyVersion: version,
      channel: "interview",
      answers: generateAnswers(residentJson, seededRng(7)),
      startedAt: "2026-11-20T02:10:00Z",
      completedAt: "2026-11-20T02:25:00Z",
      deviceId: "tablet-1",
      unitCode,
    },
  });
}

const post = (body: unknown, cookie: string | null = interviewer) =>
  t.request("/api/v1/visits", { method: "POST", json: body, ...(cookie ? { cookie } : {}) });

describe("POST /api/v1/visits", () => {
  it("stores a visit once: 201, then 200 duplicate for the same content, 409 for other content", async () => {
    const body = visit();
    const first = await post(body);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id: body.id, status: "accepted" });
    const again = await post({ ...body });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: body.id, status: "duplicate" });
    const changed = await post({ ...body, outcome: "refused" });
    expect(changed.status).toBe(409);
    expect(((await changed.json()) as { error: { code: string } }).error.code).toBe("id_conflict");
    const rows = await t.client.execute("select household, outcome, interviewer, day, duration_ms, accuracy_m from visits");
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({
      household: "3栋2单元501",
      outcome: "not_home",
      interviewer: "zhang",
      day: "2026-11-20",
      duration_ms: 45000,
      accuracy_m: 12,
    });
  });

  it("accepts 完成 only with a stored interview response of the same unit and survey", async () => {
    const responseId = randomUUID();
    const missing = await post(visit({ outcome: "completed", responseId }));
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("response_missing");

    expect((await postResponse(responseId)).status).toBe(201);
    const mismatch = await post(visit({ outcome: "completed", responseId, unitCode: "500104001002" }));
    expect(mismatch.status).toBe(422);
    expect(((await mismatch.json()) as { error: { code: string } }).error.code).toBe("response_mismatch");

    const ok = await post(visit({ outcome: "completed", responseId }));
    expect(ok.status).toBe(201);
  });

  it("refuses 完成 without a responseId and other outcomes with one (422 invalid_request)", async () => {
    const a = await post(visit({ outcome: "completed" }));
    expect(a.status).toBe(422);
    const body = (await a.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.issues.map((i) => i.path)).toContain("responseId");
    expect((await post(visit({ outcome: "refused", responseId: randomUUID() }))).status).toBe(422);
    expect((await post(visit({ household: "  " }))).status).toBe(422);
    expect((await post(visit({ outcome: "gone" }))).status).toBe(422);
    expect((await post(visit({ latitude: 29.4, longitude: null }))).status).toBe(422);
  });

  it("checks the unit: outside the scope, unknown, not a leaf, or the wrong audience are 422", async () => {
    const codes = async (body: unknown) => ((await (await post(body)).json()) as { error: { code: string } }).error.code;
    expect(await codes(visit({ unitCode: OTHER_SUB_COMMUNITY }))).toBe("unit_out_of_scope");
    expect(await codes(visit({ unitCode: "500104001999" }))).toBe("unknown_unit");
    expect(await codes(visit({ unitCode: SUB }))).toBe("unknown_unit");
    expect(await codes(visit({ surveyId: "parent" }))).toBe("audience_mismatch");
    expect(await codes(visit({ surveyId: "nosuch" }))).toBe("unknown_survey");
    expect(await codes(visit({ visitedAt: "2030-01-01T00:00:00Z" }))).toBe("invalid_times");
  });

  it("needs an interviewer or admin session: 401 without, 403 for an office user", async () => {
    expect((await post(visit(), null)).status).toBe(401);
    const office = await t.createUser(admin, { username: "office1", password: "pass-word-1", role: "office", scope: SUB });
    expect((await post(visit(), office)).status).toBe(403);
    expect((await post(visit(), admin)).status).toBe(201);
  });

  it("answers 400 for a body that is not JSON and 413 past 64 KiB", async () => {
    const notJson = await t.request("/api/v1/visits", {
      method: "POST",
      cookie: interviewer,
      body: "x",
      headers: { "content-type": "text/plain" },
    });
    expect(notJson.status).toBe(400);
    const big = await post(visit({ household: "x".repeat(70 * 1024) }));
    expect(big.status).toBe(413);
  });

  it("treats a replay by another interviewer under the same id as a conflict", async () => {
    const body = visit();
    expect((await post(body)).status).toBe(201);
    const li = await t.createUser(admin, { username: "li", password: "pass-word-1", role: "interviewer", scope: SUB });
    expect((await post(body, li)).status).toBe(409);
  });
});

describe("POST /api/v1/devices/heartbeat", () => {
  const beat = { deviceId: "tablet-1", pending: 3, needsAttention: 1, appVersion: "1.0.0", lastSyncAt: "2026-11-20T01:00:00Z" };

  it("records the latest heartbeat per device and user: another user cannot overwrite a tablet's row", async () => {
    const res = await t.request("/api/v1/devices/heartbeat", { method: "POST", cookie: interviewer, json: beat });
    expect(res.status).toBe(200);
    await t.request("/api/v1/devices/heartbeat", { method: "POST", cookie: admin, json: { ...beat, pending: 0, lastSyncAt: null } });
    await t.request("/api/v1/devices/heartbeat", { method: "POST", cookie: interviewer, json: { ...beat, pending: 2 } });
    const rows = await t.client.execute(
      "select device_id, username, pending, needs_attention, last_sync_at from devices order by username",
    );
    expect(rows.rows).toEqual([
      expect.objectContaining({ device_id: "tablet-1", username: "admin", pending: 0, needs_attention: 1, last_sync_at: null }),
      expect.objectContaining({ device_id: "tablet-1", username: "zhang", pending: 2, last_sync_at: "2026-11-20T01:00:00.000Z" }),
    ]);
  });

  it("refuses bad input (422), no session (401) and office users (403)", async () => {
    const send = (json: unknown, cookie?: string) =>
      t.request("/api/v1/devices/heartbeat", { method: "POST", json, ...(cookie ? { cookie } : {}) });
    expect((await send({ ...beat, pending: -1 }, interviewer)).status).toBe(422);
    expect((await send({ ...beat, deviceId: "" }, interviewer)).status).toBe(422);
    expect((await send(beat)).status).toBe(401);
    const office = await t.createUser(admin, { username: "office1", password: "pass-word-1", role: "office", scope: SUB });
    expect((await send(beat, office)).status).toBe(403);
  });
});
