import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { CITY, DADUKOU, GANGHUA, MINZHU, QIJIANG, SCHOOL, WENLONG_COMMUNITY, XINSHANCUN } from "./rates-fixtures";

const UNITS = [CITY, DADUKOU, QIJIANG, XINSHANCUN, MINZHU, GANGHUA, WENLONG_COMMUNITY, SCHOOL, "500104002000"];
const ENDPOINTS = ["/api/v1/rates", "/api/v1/rates/trend", "/api/v1/rates/plan"];

/** Which of UNITS each scope contains (the demo hierarchy, written out by hand). */
const SUBTREE: Record<string, string[]> = {
  [CITY]: UNITS,
  [DADUKOU]: [DADUKOU, XINSHANCUN, MINZHU, GANGHUA, SCHOOL, "500104002000"],
  [XINSHANCUN]: [XINSHANCUN, MINZHU, GANGHUA],
  [MINZHU]: [MINZHU],
};

describe("rates scope: every role x unit", () => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    cookies.admin = await t.login();
    cookies.city = await t.createUser(cookies.admin, { username: "cityoffice", password: "office-pass-1", role: "office", scope: CITY });
    cookies.district = await t.createUser(cookies.admin, { username: "ddk", password: "office-pass-1", role: "office", scope: DADUKOU });
    cookies.subdistrict = await t.createUser(cookies.admin, {
      username: "xsc",
      password: "office-pass-1",
      role: "office",
      scope: XINSHANCUN,
    });
    cookies.community = await t.createUser(cookies.admin, { username: "mz", password: "office-pass-1", role: "office", scope: MINZHU });
    cookies.interviewer = await t.createUser(cookies.admin, {
      username: "iv",
      password: "interview-pass-1",
      role: "interviewer",
      scope: XINSHANCUN,
    });
  });
  afterAll(() => t.close());

  const roles: [string, string | null][] = [
    ["admin", CITY],
    ["city", CITY],
    ["district", DADUKOU],
    ["subdistrict", XINSHANCUN],
    ["community", MINZHU],
  ];

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint}: offices and admins see exactly their subtree`, async () => {
      for (const [role, scope] of roles) {
        for (const unit of UNITS) {
          const res = await t.request(`${endpoint}?unit=${unit}`, { cookie: cookies[role] });
          const expected = SUBTREE[scope!]!.includes(unit) ? 200 : 403;
          expect(`${role} ${unit} ${res.status}`).toBe(`${role} ${unit} ${expected}`);
          if (expected === 403) expect((await res.json()).error.code).toBe("forbidden");
        }
      }
    });

    it(`${endpoint}: interviewers 403, no session 401, unknown unit 404, bad params 422`, async () => {
      for (const unit of UNITS) {
        expect((await t.request(`${endpoint}?unit=${unit}`, { cookie: cookies.interviewer })).status).toBe(403);
        const anon = await t.request(`${endpoint}?unit=${unit}`);
        expect(anon.status).toBe(401);
        expect((await anon.json()).error.code).toBe("unauthorized");
      }
      expect((await t.request(`${endpoint}?unit=999999999999`, { cookie: cookies.admin })).status).toBe(404);
      for (const bad of [
        "",
        `?unit=${MINZHU}&audience=tourist`,
        `?unit=${MINZHU}&channel=phone`,
        `?unit=${MINZHU}&from=2026-13-01`,
        `?unit=${MINZHU}&from=2026-02-30`,
        `?unit=${MINZHU}&from=2026-11-20&to=2026-11-01`,
        `?unit=${MINZHU}&includeFlagged=yes`,
        `?unit=bad%20code`,
        `?unit=${MINZHU}&unit=${GANGHUA}`,
      ]) {
        const res = await t.request(`${endpoint}${bad}`, { cookie: cookies.admin });
        expect(`${bad} ${res.status}`).toBe(`${bad} 422`);
        expect((await res.json()).error.code).toBe("invalid_request");
      }
    });
  }

  it("children never leave the caller's subtree", async () => {
    const res = await t.request(`/api/v1/rates?unit=${XINSHANCUN}`, { cookie: cookies.subdistrict });
    const body = await res.json();
    expect(body.children.map((c: any) => c.unit.code).every((c: string) => c.startsWith("500104001"))).toBe(true);
  });

  it("thresholds: offices read, only admins change", async () => {
    expect((await t.request("/api/v1/settings/thresholds")).status).toBe(401);
    expect((await t.request("/api/v1/settings/thresholds", { cookie: cookies.interviewer })).status).toBe(403);
    expect((await t.request("/api/v1/settings/thresholds", { cookie: cookies.subdistrict })).status).toBe(200);
    const body = { threshold: { satisfaction: 0.85 } };
    for (const role of ["city", "district", "subdistrict", "community", "interviewer"]) {
      const res = await t.request("/api/v1/settings/thresholds", { method: "PUT", json: body, cookie: cookies[role] });
      expect(`${role} ${res.status}`).toBe(`${role} 403`);
    }
    expect((await t.request("/api/v1/settings/thresholds", { method: "PUT", json: body })).status).toBe(401);
    for (const bad of [{ threshold: { satisfaction: 1.5 } }, { threshold: { happiness: 0.5 } }, { minRespondents: 0 }, { extra: 1 }]) {
      const res = await t.request("/api/v1/settings/thresholds", { method: "PUT", json: bad, cookie: cookies.admin });
      expect(res.status).toBe(422);
    }
    const ok = await t.request("/api/v1/settings/thresholds", { method: "PUT", json: body, cookie: cookies.admin });
    expect(ok.status).toBe(200);
    expect((await ok.json()).threshold.satisfaction).toBe(0.85);
  });

  it("answers 304 to a matching If-None-Match until the numbers change", async () => {
    const first = await t.request(`/api/v1/rates?unit=${MINZHU}`, { cookie: cookies.admin });
    const tag = first.headers.get("etag");
    expect(tag).toBeTruthy();
    const again = await t.request(`/api/v1/rates?unit=${MINZHU}`, { cookie: cookies.admin, headers: { "If-None-Match": tag! } });
    expect(again.status).toBe(304);
  });
});
