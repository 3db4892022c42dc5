import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countRows, eligibleAnswers } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { distanceM, isSpeeding, median, straightMatrix } from "../../server/services/field-qa/qa-metrics";

const SUB = "500104001000";
const C1 = "500104001001";
const C2 = "500104001002";
const SAT = [
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

let t: TestApp;
let admin: string;
let zhang: string;
let li: string;
let office: string;

beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login();
  zhang = await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: SUB });
  li = await t.createUser(admin, { username: "li", password: "pass-word-1", role: "interviewer", scope: SUB });
  office = await t.createUser(admin, { username: "jiedao", password: "pass-word-1", role: "office", scope: SUB });
});
afterEach(() => t.close());

/** Answers whose ten 满意度 items are all "s" (straight) or vary. */
function answers(straight: boolean): Record<string, unknown> {
  const a = eligibleAnswers("resident");
  SAT.forEach((q, i) => {
    a[q] = straight ? "s" : ["vs", "s", "n"][i % 3];
  });
  return a;
}

interface Interview {
  cookie: string;
  unitCode?: string;
  minutes: number;
  straight?: boolean;
  gps?: { latitude: number; longitude: number } | null;
  paradata?: unknown;
}

async function interview(i: Interview): Promise<{ status: number; id: string }> {
  const id = randomUUID();
  const completedAt = new Date(Date.now() - 60_000);
  const startedAt = new Date(completedAt.getTime() - i.minutes * 60_000);
  const unitCode = i.unitCode ?? C1;
  const res = await t.request("/api/v1/responses", {
    method: "POST",
    cookie: i.cookie,
    json: {
      id,
      surveyId: "resident",
      surveyVersion: 1,
      channel: "interview",
      answers: answers(i.straight ?? false),
      startedAt: startedAt.toISOString(),
      completedAt: completedAt.toISOString(),
      deviceId: "tablet",
      unitCode,
      ...(i.paradata === undefined ? {} : { paradata: i.paradata }),
    },
  });
  if (res.status === 201) {
    const v = await t.request("/api/v1/visits", {
      method: "POST",
      cookie: i.cookie,
      json: {
        id: randomUUID(),
        unitCode,
        surveyId: "resident",
        household: `h-${id.slice(0, 6)}`,
        outcome: "completed",
        responseId: id,
        visitedAt: startedAt.toISOString(),
        deviceId: "tablet",
        latitude: i.gps?.latitude ?? null,
        longitude: i.gps?.longitude ?? null,
        accuracyM: i.gps ? 12 : null,
      },
    });
    expect(v.status).toBe(201);
  }
  return { status: res.status, id };
}

const PARADATA = {
  pages: [
    { page: "profile", ms: 40_000 },
    { page: "satisfaction", ms: 95_000 },
  ],
  changes: [
    { question: "age_band", count: 1 },
    { question: "sat_traffic", count: 2 },
  ],
};

describe("paradata of an interview", () => {
  it("is stored beside the response, and a retry after it was lost fills it in", async () => {
    const { status, id } = await interview({ cookie: zhang, minutes: 10, paradata: PARADATA });
    expect(status).toBe(201);
    const row = (await t.client.execute({ sql: "select * from response_paradata where response_id = ?", args: [id] })).rows[0]!;
    expect([JSON.parse(String(row.pages)), JSON.parse(String(row.changes)), row.total_ms, row.total_changes]).toEqual([
      PARADATA.pages,
      PARADATA.changes,
      135_000,
      3,
    ]);
    // Without paradata, nothing is stored for it.
    const plain = await interview({ cookie: zhang, minutes: 10 });
    expect(await countRows(t, "response_paradata", `response_id = '${plain.id}'`)).toBe(0);
  });

  it("a resend (duplicate) carrying paradata fills it in once; a later one changes nothing", async () => {
    const body = {
      id: randomUUID(),
      surveyId: "resident",
      surveyVersion: 1,
      channel: "interview",
      answers: answers(false),
      startedAt: new Date(Date.now() - 600_000).toISOString(),
      completedAt: new Date(Date.now() - 60_000).toISOString(),
      deviceId: "tablet",
      unitCode: C1,
    };
    const send = (extra: object) => t.request("/api/v1/responses", { method: "POST", cookie: zhang, json: { ...body, ...extra } });
    expect((await send({})).status).toBe(201);
    expect((await send({ paradata: PARADATA })).status).toBe(200);
    expect((await send({ paradata: { pages: [{ page: "x", ms: 1 }], changes: [] } })).status).toBe(200);
    const rows = (await t.client.execute({ sql: "select total_ms from response_paradata where response_id = ?", args: [body.id] })).rows;
    expect(rows.map((r) => r.total_ms)).toEqual([135_000]);
  });

  it("is refused (422, nothing stored) when it is out of bounds, malformed or on a QR response", async () => {
    const tooMany = { pages: Array.from({ length: 101 }, (_, i) => ({ page: `p${i}`, ms: 1 })), changes: [] };
    const bad: unknown[] = [
      tooMany,
      {
        pages: [
          { page: "a", ms: 1 },
          { page: "a", ms: 2 },
        ],
        changes: [],
      },
      { pages: [{ page: "a", ms: -1 }], changes: [] },
      { pages: [{ page: "a", ms: 1.5 }], changes: [] },
      { pages: [], changes: [{ question: "x", count: 10_001 }] },
      { pages: [], changes: [], gps: { latitude: 1 } },
      {
        pages: [
          { page: "a", ms: 86_400_000 },
          { page: "b", ms: 1 },
        ],
        changes: [],
      },
      "fast",
    ];
    for (const paradata of bad) {
      const { status } = await interview({ cookie: zhang, minutes: 10, paradata });
      expect([JSON.stringify(paradata).slice(0, 40), status]).toEqual([JSON.stringify(paradata).slice(0, 40), 422]);
    }
    expect(await countRows(t, "responses")).toBe(0);
    expect(await countRows(t, "response_paradata")).toBe(0);
    const poster = await t.createPoster(admin, C1, "resident");
    const qr = await t.request("/api/v1/responses", {
      method: "POST",
      json: {
        id: randomUUID(),
        surveyId: "resident",
        surveyVersion: 1,
        channel: "qr",
        token: poster.token,
        answers: answers(false),
        startedAt: new Date(Date.now() - 600_000).toISOString(),
        completedAt: new Date().toISOString(),
        deviceId: "phone",
        paradata: PARADATA,
      },
    });
    expect(qr.status).toBe(422);
    expect(await countRows(t, "responses")).toBe(0);
  });
});

describe("qa-metrics", () => {
  it("computes medians, the speeding rule, matrix straight-lining and distances", () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(isSpeeding(299, 900)).toBe(true);
    expect(isSpeeding(300, 900)).toBe(false);
    expect(isSpeeding(1, null)).toBe(false);
    expect(straightMatrix({ m: { a: 1, b: 1, c: 1 } }, ["m"], 3)).toBe(true);
    expect(straightMatrix({ m: { a: 1, b: 1, c: 2 } }, ["m"], 3)).toBe(false);
    expect(straightMatrix({ m: { a: 1, b: 1 } }, ["m"], 3)).toBe(false);
    // One degree of latitude is 111.2 km on the mean radius.
    expect(distanceM({ lat: 29, lng: 106 }, { lat: 30, lng: 106 })).toBeCloseTo(111_195, -1);
    expect(distanceM({ lat: 29.5, lng: 106.5 }, { lat: 29.5, lng: 106.5 })).toBe(0);
  });
});

describe("GET /field-progress/qa", () => {
  interface Qa {
    surveys: { surveyId: string; interviews: number; medianDurationMs: number }[];
    interviewers: {
      interviewer: string;
      interviews: number;
      medianDurationMs: number | null;
      speeding: number;
      speedingShare: number;
      straightLined: number;
      straightLiningShare: number;
      withDistance: number;
      medianDistanceM: number | null;
      farFromCentre: number;
      withParadata: number;
      meanAnswerChanges: number | null;
    }[];
  }

  it("gives per interviewer the hand-computed duration, speeding, straight-lining and distance figures", async () => {
    // The centre of C1; 0.01° of latitude is 1112 m.
    expect(
      (await t.request(`/api/v1/units/${C1}/center`, { method: "PUT", cookie: admin, json: { lat: 29.48, lng: 106.48 } })).status,
    ).toBe(200);
    // zhang: 12, 15, 3 minutes (3 < 15/3 = 5: speeding); one straight-lined; two fixes 0 m and 1112 m away.
    await interview({ cookie: zhang, minutes: 12, gps: { latitude: 29.48, longitude: 106.48 }, paradata: PARADATA });
    await interview({ cookie: zhang, minutes: 15, straight: true, gps: { latitude: 29.49, longitude: 106.48 } });
    await interview({ cookie: zhang, minutes: 3 });
    // li: 18, 20 minutes in C2 (no centre): no distances; both straight-lined.
    await interview({ cookie: li, unitCode: C2, minutes: 18, straight: true, gps: { latitude: 29.5, longitude: 106.5 } });
    await interview({ cookie: li, unitCode: C2, minutes: 20, straight: true });
    // All five: 3, 12, 15, 18, 20 → median 15 minutes.
    const res = await t.request(`/api/v1/field-progress/qa?unit=${SUB}`, { cookie: office });
    expect(res.status).toBe(200);
    const qa = (await res.json()) as Qa;
    expect(qa.surveys).toEqual([{ surveyId: "resident", interviews: 5, medianDurationMs: 15 * 60_000 }]);
    expect(qa.interviewers).toEqual([
      {
        interviewer: "li",
        interviews: 2,
        medianDurationMs: 19 * 60_000,
        speeding: 0,
        speedingShare: 0,
        straightLined: 2,
        straightLiningShare: 1,
        withDistance: 0,
        medianDistanceM: null,
        farFromCentre: 0,
        withParadata: 0,
        meanAnswerChanges: null,
      },
      {
        interviewer: "zhang",
        interviews: 3,
        medianDurationMs: 12 * 60_000,
        speeding: 1,
        speedingShare: 1 / 3,
        straightLined: 1,
        straightLiningShare: 1 / 3,
        withDistance: 2,
        medianDistanceM: Math.round(distanceM({ lat: 29.48, lng: 106.48 }, { lat: 29.49, lng: 106.48 }) / 2),
        farFromCentre: 1,
        withParadata: 1,
        meanAnswerChanges: 3,
      },
    ]);
    expect(Math.round(distanceM({ lat: 29.48, lng: 106.48 }, { lat: 29.49, lng: 106.48 }))).toBe(1112);
    expect((await t.request(`/api/v1/field-progress/qa?unit=500110000000`, { cookie: office })).status).toBe(403);
    expect((await t.request(`/api/v1/field-progress/qa?unit=${SUB}`, { cookie: zhang })).status).toBe(403);
    // Unit centres are an admin's, in scope, audited.
    expect((await t.request(`/api/v1/units/${C1}/center`, { method: "PUT", cookie: office, json: { lat: 1, lng: 1 } })).status).toBe(403);
    expect((await t.request(`/api/v1/units/${C1}/center`, { method: "PUT", cookie: admin, json: { lat: 91, lng: 1 } })).status).toBe(422);
    expect(await countRows(t, "audit_log", "action = 'units.center'")).toBe(1);
  });
});
