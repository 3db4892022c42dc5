import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import residentJson from "../../surveys/resident.json";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { createTestApp, type TestApp } from "../helpers/test-app";

const SUB = "500104001000";
const C1 = "500104001001";
const C2 = "500104001002";

let t: TestApp;
let admin: string;
let zhang: string;
let li: string;
let office: string;

beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login();
  zhang = await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: SUB });
  li = await t.createUser(admin, { username: "li", password: "pass-word-1", role: "interviewer", scope: C2 });
  office = await t.createUser(admin, { username: "jiedao", password: "pass-word-1", role: "office", scope: SUB });
  const version = ((await (await t.request("/api/v1/surveys/resident")).json()) as { version: number }).version;

  let seed = 1;
  async function record(cookie: string, unitCode: string, household: string, outcome: string, visitedAt: string) {
    let responseId: string | undefined;
    if (outcome === "completed") {
      responseId = randomUUID();
      const res = await t.request("/api/v1/responses", {
        method: "POST",
        cookie,
        json: {
          id: responseId,
          surveyId: "resident",
          surveyVersion: version,
          channel: "interview",
          answers: generateAnswers(residentJson, seededRng(seed++)),
          startedAt: visitedAt,
          completedAt: visitedAt,
          deviceId: "tablet",
          unitCode,
        },
      });
      expect(res.status).toBe(201);
    }
    const res = await t.request("/api/v1/visits", {
      method: "POST",
      cookie,
      json: { id: randomUUID(), unitCode, surveyId: "resident", household, outcome, responseId, visitedAt, deviceId: "tablet" },
    });
    expect(res.status).toBe(201);
  }
  // 2026-11-19 (Shanghai) for zhang in C1; 2026-11-20 for zhang in C1 (a repeat household) and li in C2.
  await record(zhang, C1, "1-101", "completed", "2026-11-19T03:00:00Z");
  await record(zhang, C1, "1-102", "refused", "2026-11-19T03:10:00Z");
  await record(zhang, C1, "1-103", "not_home", "2026-11-19T03:20:00Z");
  await record(zhang, C1, "1-103", "completed", "2026-11-20T01:00:00Z");
  await record(li, C2, "8-1", "vacant", "2026-11-20T02:00:00Z");
  await record(li, C2, "8-2", "completed", "2026-11-19T17:30:00Z"); // 01:30 on the 20th in Shanghai
});
afterEach(() => t.close());

const get = async <T>(path: string, cookie: string) => {
  const res = await t.request(path, { cookie });
  return { status: res.status, body: (await res.json()) as T };
};

interface UnitsBody {
  unit: { code: string };
  totals: Record<string, number | null>;
  rows: {
    unit: { code: string };
    households: number | null;
    visitedHouseholds: number;
    coverage: number | null;
    visits: number;
    completed: number;
    refused: number;
    notHome: number;
    vacant: number;
    responseRate: number | null;
  }[];
}

describe("GET /api/v1/field-progress", () => {
  it("counts visits per interviewer per Shanghai day", async () => {
    const { status, body } = await get<{ rows: Record<string, unknown>[] }>("/api/v1/field-progress/interviewers", office);
    expect(status).toBe(200);
    expect(body.rows).toEqual([
      {
        interviewer: "li",
        day: "2026-11-20",
        visits: 2,
        completed: 1,
        refused: 0,
        notHome: 0,
        vacant: 1,
        notEligible: 0,
        responseRate: 0.5,
      },
      {
        interviewer: "zhang",
        day: "2026-11-20",
        visits: 1,
        completed: 1,
        refused: 0,
        notHome: 0,
        vacant: 0,
        notEligible: 0,
        responseRate: 1,
      },
      {
        interviewer: "zhang",
        day: "2026-11-19",
        visits: 3,
        completed: 1,
        refused: 1,
        notHome: 1,
        vacant: 0,
        notEligible: 0,
        responseRate: 1 / 3,
      },
    ]);
    const day = await get<{ rows: unknown[] }>("/api/v1/field-progress/interviewers?from=2026-11-19&to=2026-11-19", office);
    expect(day.body.rows).toHaveLength(1);
  });

  it("gives outcomes, coverage and response rate per community, unvisited ones included", async () => {
    const { status, body } = await get<UnitsBody>(`/api/v1/field-progress/units?unit=${SUB}`, office);
    expect(status).toBe(200);
    expect(body.rows.map((r) => r.unit.code)).toEqual([C1, C2, "500104001003", "500104001004"]);
    const c1 = body.rows[0]!;
    expect(c1).toMatchObject({ visits: 4, completed: 2, refused: 1, notHome: 1, vacant: 0, visitedHouseholds: 3, responseRate: 0.5 });
    expect(c1.coverage).toBeCloseTo(3 / c1.households!, 10);
    expect(body.rows[2]).toMatchObject({ visits: 0, visitedHouseholds: 0, coverage: 0, responseRate: null });
    const households = body.rows.reduce((s, r) => s + (r.households ?? 0), 0);
    expect(body.totals).toMatchObject({ visits: 6, completed: 3, visitedHouseholds: 5, households, responseRate: 0.5 });
    expect(body.totals.coverage).toBeCloseTo(5 / households, 10);
  });

  it("narrows to a community and a day range", async () => {
    const { body } = await get<UnitsBody>(`/api/v1/field-progress/units?unit=${C1}&from=2026-11-20`, admin);
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ visits: 1, completed: 1, visitedHouseholds: 1 });
  });

  it("lists devices of users inside the scope with their pending work", async () => {
    const beat = (cookie: string, deviceId: string, pending: number) =>
      t.request("/api/v1/devices/heartbeat", {
        method: "POST",
        cookie,
        json: { deviceId, pending, needsAttention: 0, appVersion: "1", lastSyncAt: null },
      });
    await beat(zhang, "tab-a", 4);
    await beat(li, "tab-b", 0);
    const outsider = await t.createUser(admin, { username: "wang", password: "pass-word-1", role: "interviewer", scope: "500104002000" });
    await beat(outsider, "tab-c", 9);
    const { body } = await get<{ rows: { deviceId: string; username: string; pending: number }[] }>(
      "/api/v1/field-progress/devices",
      office,
    );
    expect(body.rows.map((r) => [r.deviceId, r.username, r.pending]).sort()).toEqual([
      ["tab-a", "zhang", 4],
      ["tab-b", "li", 0],
    ]);
    const all = await get<{ rows: unknown[] }>("/api/v1/field-progress/devices", admin);
    expect(all.body.rows).toHaveLength(3);
  });

  it("is for offices and admins within scope: 401, 403, 404 and 422 otherwise", async () => {
    for (const path of ["interviewers", "units", "devices"]) {
      expect((await t.request(`/api/v1/field-progress/${path}`)).status).toBe(401);
      expect((await t.request(`/api/v1/field-progress/${path}`, { cookie: zhang })).status).toBe(403);
      expect((await t.request(`/api/v1/field-progress/${path}?unit=500104002000`, { cookie: office })).status).toBe(403);
      expect((await t.request(`/api/v1/field-progress/${path}?unit=999999999999`, { cookie: office })).status).toBe(404);
      expect((await t.request(`/api/v1/field-progress/${path}?from=2026-13`, { cookie: office })).status).toBe(422);
      expect((await t.request(`/api/v1/field-progress/${path}?from=2026-11-21&to=2026-11-20`, { cookie: office })).status).toBe(422);
    }
  });
});
