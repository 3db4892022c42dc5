/**
 * Issue 11, hole 7: answers nested 5,000 deep answered 500 (a stack overflow in the validator's
 * memo key). The JSON body edge bounds depth, values, keys, elements and string length before
 * anything recursive runs, on every route that takes JSON: any JSON a client sends gets a 4xx.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findJsonLimitBreach, JSON_LIMITS } from "../../server/lib/json-limits";
import { DEMO, qrBody, snapshotCounts } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";

describe("findJsonLimitBreach", () => {
  const nest = (depth: number, leaf: unknown = 0) => {
    let v: unknown = leaf;
    for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
    return v;
  };

  it("accepts exactly the limits and names the place one is broken", () => {
    expect(findJsonLimitBreach(nest(JSON_LIMITS.maxDepth))).toBeNull();
    expect(findJsonLimitBreach(nest(JSON_LIMITS.maxDepth + 1))).toMatchObject({ message: expect.stringContaining("嵌套") });
    expect(findJsonLimitBreach({ q: Array.from({ length: JSON_LIMITS.maxItems }, () => 1) })).toBeNull();
    expect(findJsonLimitBreach({ q: Array.from({ length: JSON_LIMITS.maxItems + 1 }, () => 1) })).toMatchObject({ path: "q" });
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(findJsonLimitBreach({ answers: keys(JSON_LIMITS.maxKeys) })).toBeNull();
    expect(findJsonLimitBreach({ answers: keys(JSON_LIMITS.maxKeys + 1) })).toMatchObject({ path: "answers" });
    expect(findJsonLimitBreach({ a: { b: "x".repeat(JSON_LIMITS.maxStringLength + 1) } })).toMatchObject({ path: "a.b" });
    expect(findJsonLimitBreach({ ["k".repeat(JSON_LIMITS.maxStringLength + 1)]: 1 })).not.toBeNull();
    const many = Array.from({ length: 20 }, () => Array.from({ length: 600 }, () => 0));
    expect(findJsonLimitBreach(many)).toMatchObject({ message: expect.stringContaining(String(JSON_LIMITS.maxValues)) });
    for (const scalar of [null, 0, "", true, "长".repeat(1000)]) expect(findJsonLimitBreach(scalar)).toBeNull();
  });

  it("checks any depth JSON.parse accepts without recursion", () => {
    const text = "[".repeat(1_000_000) + "]".repeat(1_000_000);
    expect(findJsonLimitBreach(JSON.parse(text))).toMatchObject({ message: expect.stringContaining("嵌套") });
  });
});

describe("every JSON route refuses over-deep and over-large JSON with a 4xx", () => {
  let t: TestApp;
  let admin: string;
  let token: string;
  let writeRoutes: { method: string; path: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login();
    token = (await t.createPoster(admin, DEMO.community, "resident")).token;
    writeRoutes = [
      ...new Map(
        t.app.routes
          .filter((r) => ["POST", "PUT", "PATCH", "DELETE"].includes(r.method) && r.path.startsWith("/api/v1/"))
          .map((r) => [`${r.method} ${r.path}`, { method: r.method, path: r.path }]),
      ).values(),
    ];
  });
  afterAll(() => t.close());

  /**
   * Routes that read no JSON body at all: anything sent is ignored (logout, removing a unit's age
   * shares, a webhook's removal and test-send; a survey's retire and reopen, a draft's publish and discard).
   */
  const NOT_JSON = new Set([
    "POST /api/v1/auth/logout",
    "DELETE /api/v1/units/:code/age-shares",
    "DELETE /api/v1/webhooks/:id",
    "POST /api/v1/webhooks/:id/test",
    "POST /api/v1/surveys/:id/retire",
    "POST /api/v1/surveys/:id/reopen",
    "POST /api/v1/survey-drafts/:id/publish",
    "DELETE /api/v1/survey-drafts/:id",
  ]);

  const deepArrays = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
  const deepObjects = (depth: number) => `${'{"a":'.repeat(depth)}0${"}".repeat(depth)}`;
  const validResponse = () => JSON.stringify(qrBody(token));
  /** A valid response but for one answer, of a question other questions' conditions read (the memo key of the issue). */
  const insideAnswers = (inner: string) => {
    const body = qrBody(token);
    body.answers.age_band = "<deep>";
    return JSON.stringify(body).replace('"<deep>"', inner);
  };
  const manyKeys = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}":0`).join(",")}}`;

  const bodies: [string, () => string][] = [
    ["arrays 5,000 deep", () => deepArrays(5_000)],
    ["arrays 100,000 deep", () => deepArrays(100_000)],
    ["objects 5,000 deep", () => deepObjects(5_000)],
    ["objects 100,000 deep", () => deepObjects(100_000)],
    ["a response whose answer is 5,000 arrays deep", () => insideAnswers(deepArrays(5_000))],
    ["a response whose answer is 20,000 arrays deep", () => insideAnswers(deepArrays(20_000))],
    ["5,000 keys", () => manyKeys(5_000)],
    ["a response with 5,000 answer keys", () => validResponse().replace('"answers":{', `"answers":{${manyKeys(5_000).slice(1, -1)},`)],
    ["15,000 array elements", () => `[${Array.from({ length: 15_000 }, () => "0").join(",")}]`],
    ["a 30,000-character string", () => JSON.stringify({ username: "x".repeat(30_000), password: "y" })],
  ];

  it("answers 4xx in the error shape on every write route, never 5xx, and stores nothing", async () => {
    expect(writeRoutes.length).toBeGreaterThan(10);
    const before = await snapshotCounts(t);
    // Each body is built once and sent to every route: nothing is stored, so one id serves all, and
    // a generated response costs ~25 ms of survey-core (three bodies hold one).
    const built = bodies.map(([name, make]) => [name, make()] as const);
    for (const route of writeRoutes) {
      const key = `${route.method} ${route.path}`;
      const path = route.path.replace(/:[A-Za-z]+/g, (p) => (p === ":username" ? "admin" : crypto.randomUUID()));
      for (const [name, body] of built) {
        // Signed in as admin, so role checks pass and the body is what gets judged (logout would end that session).
        const cookie = NOT_JSON.has(key) ? undefined : admin;
        const res = await t.request(path, { method: route.method, cookie, body, headers: { "content-type": "application/json" } });
        const label = `${key} with ${name}: ${res.status}`;
        expect(res.status, label).toBeLessThan(500);
        if (NOT_JSON.has(key)) continue;
        expect([400, 413, 422], label).toContain(res.status);
        const error = (await res.json()).error;
        expect(typeof error?.code, label).toBe("string");
        expect(typeof error?.message, label).toBe("string");
      }
    }
    expect(await snapshotCounts(t)).toEqual(before);
  }, 120_000);

  it("the attack of the issue: answers nested 5,000 deep get 422 invalid_request naming the place", async () => {
    const res = await t.request("/api/v1/responses", {
      method: "POST",
      body: insideAnswers(deepArrays(5_000)),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.issues[0].path).toMatch(/^answers\.age_band(\.0)+$/);
  });
});
