import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTarget, type Target } from "../helpers/target";
import { DEMO, qrBody, snapshotCounts } from "../helpers/fixtures";

let t: Target;
let token: string;
let admin: string;
let before: Record<string, number>;

beforeEach(async () => {
  t = await createTarget();
  admin = await t.login();
  token = (await t.createPoster(admin, DEMO.community, "resident")).token;
  before = await snapshotCounts(t);
});
afterEach(async () => {
  // Whatever the case, a refused request leaves every table as it was.
  expect(await snapshotCounts(t)).toEqual(before);
  t.close();
});

const raw = (path: string, body: string, contentType = "application/json", cookie?: string) =>
  t.request(path, {
    method: "POST",
    body,
    headers: { "content-type": contentType, ...(cookie ? { cookie } : {}) },
  });

async function expectError(res: Response, status: number, code?: string) {
  expect(res.status).toBe(status);
  const body = await res.json();
  expect(body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  if (code) expect(body.error.code).toBe(code);
}

describe("bad input gets a clear 4xx and stores nothing", () => {
  it("not JSON: 400 invalid_json, whatever the content type says", async () => {
    await expectError(await raw("/api/v1/responses", "{not json"), 400, "invalid_json");
    await expectError(await raw("/api/v1/responses", "id=1&x=2", "application/x-www-form-urlencoded"), 400, "invalid_json");
    await expectError(await raw("/api/v1/responses", JSON.stringify(qrBody(token)), "text/plain"), 400, "invalid_json");
    await expectError(await raw("/api/v1/auth/login", "\u0000\u0001"), 400, "invalid_json");
    await expectError(await raw("/api/v1/posters", "", "application/json", admin), 400, "invalid_json");
  });

  it("a 100 KiB body: 413", async () => {
    const body = qrBody(token, { answers: { suggestions: "长".repeat((100 * 1024) / 3) } });
    await expectError(await raw("/api/v1/responses", JSON.stringify(body)), 413, "payload_too_large");
    await expectError(await raw("/api/v1/auth/login", JSON.stringify({ username: "a", password: "x".repeat(100 * 1024) })), 413);
  });

  it("wrong types: 422 invalid_request naming the field", async () => {
    const cases: Record<string, unknown>[] = [
      { id: 12345 },
      { id: "not-a-uuid" },
      { surveyVersion: "1" },
      { surveyVersion: 1.5 },
      { channel: "email" },
      { answers: [1, 2, 3] },
      { answers: "yes" },
      { answers: null },
      { startedAt: "yesterday" },
      { completedAt: 1732147200 },
      { deviceId: "" },
      { deviceId: { a: 1 } },
    ];
    for (const override of cases) {
      const res = await raw("/api/v1/responses", JSON.stringify(qrBody(token, override)));
      expect(res.status, JSON.stringify(override)).toBe(422);
      const body = await res.json();
      expect(body.error.code).toBe("invalid_request");
      expect(body.error.issues[0].path).toBe(Object.keys(override)[0]);
    }
    for (const json of ["[]", "null", "42", '"text"', "true"]) {
      await expectError(await raw("/api/v1/responses", json), 422, "invalid_request");
    }
  });

  it("a forged token: 422 invalid_token", async () => {
    const forged = `${token.split(".")[0]}.${"A".repeat(22)}`;
    await expectError(await raw("/api/v1/responses", JSON.stringify(qrBody(forged))), 422, "invalid_token");
  });

  it("an unknown survey or version: 422", async () => {
    await expectError(await raw("/api/v1/responses", JSON.stringify(qrBody(token, { surveyVersion: 7 }))), 422, "unknown_survey");
    await expectError(await raw("/api/v1/responses", JSON.stringify(qrBody(token, { surveyId: "nosuch" }))), 422, "survey_mismatch");
  });

  it("SQL- and HTML-looking strings are data, never code: refused where they do not fit, and no table changes", async () => {
    const nasty = ["' OR 1=1 --", "'; DROP TABLE responses; --", '"><script>alert(1)</script>', "\u202e\u0000\ud83d\ude00"];
    for (const s of nasty) {
      await expectError(
        await raw("/api/v1/responses", JSON.stringify(qrBody(token, { answers: { age_band: s } }))),
        422,
        "invalid_response",
      );
      await expectError(await raw("/api/v1/responses", JSON.stringify(qrBody(token, { answers: { [s]: "x" } }))), 422);
      await expectError(await raw("/api/v1/auth/login", JSON.stringify({ username: s, password: s })), 401);
      const res = await t.request(`/api/v1/q/${encodeURIComponent(s)}`);
      expect(res.status).toBe(404);
      const unit = await t.request(`/api/v1/units/${encodeURIComponent(s)}`, { cookie: admin });
      expect(unit.status).toBe(404);
    }
  });

  it("deeply nested JSON: 422, not a crash", async () => {
    let deep: unknown = "x";
    for (let i = 0; i < 2000; i++) deep = [deep];
    await expectError(await raw("/api/v1/responses", JSON.stringify(qrBody(token, { answers: { age_band: deep } }))), 422);
  });

  it("unknown API paths and methods: 404 in the error shape", async () => {
    await expectError(await t.request("/api/v1/nothing"), 404, "not_found");
    await expectError(await t.request("/api/v2/surveys"), 404, "not_found");
    await expectError(await t.request("/api/v1/responses"), 404, "not_found");
  });
});
