/**
 * Issue 11, holes 1 and 6, performed as the attacks themselves through the real app: a district
 * admin tries to take another district's school (and then its users), to read stored fields of
 * units outside its scope, to change the city's thresholds, and to read the city's audit log and
 * volumes. Each is refused and the figures stay exactly as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countRows, DEMO, qrBody, validAnswers } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";
import { seedResponse } from "./rates-fixtures";

const HEADER = "code,name,kind,parent_code,households,population,target_n";
const QIJIANG_SCHOOL = "500110S01";

let t: TestApp;
let root: string;
let qijiangAdmin: string;
let dadukouAdmin: string;
beforeEach(async () => {
  // On disk: the attacks run concurrently, each request on its own connection as in production.
  t = await createTestApp({ onDisk: true, env: { QR_RATE_LIMIT: "0", QR_BLOCK_LIMIT: "0" } });
  root = await t.login();
  qijiangAdmin = await t.createUser(root, { username: "qj-admin", password: "qj-admin-pass-1", role: "admin", scope: DEMO.qijiang });
  dadukouAdmin = await t.createUser(root, { username: "ddk-admin", password: "ddk-admin-pass-1", role: "admin", scope: DEMO.dadukou });
});
afterEach(() => t.close());

const upload = (path: string, body: string, cookie: string) =>
  t.request(`/api/v1/units/import${path}`, { method: "POST", body, cookie, headers: { "content-type": "text/csv" } });

/** A parent interview at a school, sent by the root admin. */
async function interviewAt(unitCode: string) {
  const now = new Date().toISOString();
  const body = {
    id: crypto.randomUUID(),
    surveyId: "parent",
    surveyVersion: 1,
    channel: "interview",
    answers: validAnswers("parent"),
    startedAt: now,
    completedAt: now,
    deviceId: "tab",
    unitCode,
  };
  const res = await t.request("/api/v1/responses", { method: "POST", cookie: root, json: body });
  expect(res.status, await res.clone().text()).toBe(201);
}

/** Everything an office would read about the city and both districts, as text. */
async function figures(): Promise<string> {
  const out: unknown[] = [];
  for (const unit of [DEMO.city, DEMO.dadukou, DEMO.qijiang]) {
    const res = await t.request(`/api/v1/rates?unit=${unit}`, { cookie: root });
    expect(res.status).toBe(200);
    out.push(await res.json());
  }
  return JSON.stringify(out);
}

async function unitRows(): Promise<string> {
  const units = await t.client.execute("select * from units order by code");
  const closure = await t.client.execute("select * from unit_closure order by ancestor, descendant");
  const rollups = await t.client.execute("select * from rollups order by key");
  return JSON.stringify([units.rows, closure.rows, rollups.rows]);
}

describe("hole 1: a district admin cannot take another district's units", () => {
  it("refuses the 綦江区 admin's import that moves a 大渡口区 school into 綦江区, and changes nothing", async () => {
    await interviewAt(DEMO.school);
    await interviewAt(DEMO.school);
    await interviewAt(QIJIANG_SCHOOL);
    const before = await figures();
    const stored = await unitRows();
    const audit = await countRows(t, "audit_log");

    const attack = `${HEADER}\n${DEMO.school},大渡口区实验小学,school,${DEMO.qijiang},,,60`;
    const res = await upload("", attack, qijiangAdmin);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("import_invalid");
    expect(body.error.issues).toEqual([{ path: "line 2", message: expect.stringContaining("(out_of_scope)") }]);

    const parent = (await t.client.execute(`select parent_code from units where code = '${DEMO.school}'`)).rows[0]!.parent_code;
    expect(parent).toBe(DEMO.dadukou);
    expect(await unitRows()).toBe(stored);
    expect(await figures()).toBe(before);
    expect(await countRows(t, "audit_log")).toBe(audit);
  });

  it("refuses the same move hidden among valid rows of the admin's own district", async () => {
    const stored = await unitRows();
    const file = [
      HEADER,
      "500110004000,新街道,subdistrict,500110000000,,,",
      "QJ-Z1,綦江一学区,school_zone,500110000000,,,",
      `${DEMO.school},大渡口区实验小学,school,QJ-Z1,,,60`,
    ].join("\n");
    const res = await upload("", file, qijiangAdmin);
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues.map((i: { path: string }) => i.path)).toEqual(["line 4"]);
    expect(await unitRows()).toBe(stored);
  });

  it("refuses moving the admin's own scope unit out from under its parent (its old and new place lie outside)", async () => {
    const file = `${HEADER}\nQJ-Z1,綦江一学区,school_zone,${DEMO.qijiang},,,\n${QIJIANG_SCHOOL},綦江区实验小学,school,QJ-Z1,,,60`;
    expect((await upload("", file, root)).status).toBe(200);
    const zoneAdmin = await t.createUser(root, { username: "zone-admin", password: "zone-admin-pass-1", role: "admin", scope: "QJ-Z1" });
    await interviewAt(QIJIANG_SCHOOL);
    const before = await figures();
    const stored = await unitRows();
    const res = await upload("", `${HEADER}\nQJ-Z1,綦江一学区,school_zone,${DEMO.dadukou},,,`, zoneAdmin);
    expect(res.status).toBe(422);
    expect(await unitRows()).toBe(stored);
    expect(await figures()).toBe(before);
    // Its own zone's fields it may still change.
    expect((await upload("", `${HEADER}\nQJ-Z1,綦江第一学区,school_zone,${DEMO.qijiang},,,`, zoneAdmin)).status).toBe(200);
  });

  it("shows no stored field of an out-of-scope unit in the preview, not even whether a guess matches", async () => {
    const guessExact = `${HEADER}\n${DEMO.school},大渡口区实验小学,school,${DEMO.dadukou},,,60`;
    const guessOther = `${HEADER}\n${DEMO.school},抢来的学校,school,${DEMO.qijiang},,,1`;
    const answers = [];
    for (const file of [guessExact, guessOther]) {
      const res = await upload("/preview", file, qijiangAdmin);
      expect(res.status).toBe(200);
      const plan = await res.json();
      expect(plan).toMatchObject({ rows: 1, added: 0, changed: 0, unchanged: 0, adds: [], changes: [] });
      expect(plan.errors).toEqual([{ line: 2, code: DEMO.school, reason: "out_of_scope", message: expect.any(String) }]);
      answers.push(plan);
    }
    // The same answer whether the guess matched the stored fields or not.
    expect(answers[0]).toEqual(answers[1]);
    const text = JSON.stringify(answers[1]);
    for (const stored of ["大渡口区实验小学", DEMO.dadukou, '"targetN"', '"before"']) expect(text).not.toContain(stored);
    // The root admin's preview of the same file still shows the change with its stored fields.
    const own = await (await upload("/preview", guessOther, root)).json();
    expect(own.changes[0]).toMatchObject({ code: DEMO.school, before: { name: "大渡口区实验小学", parentCode: DEMO.dadukou } });
  });

  it("then leaves the school's users alone: no password reset, promotion or re-scope by the 綦江区 admin", async () => {
    await t.createUser(root, { username: "ddk-teacher", password: "teacher-pass-1", role: "interviewer", scope: DEMO.school });
    expect((await upload("", `${HEADER}\n${DEMO.school},大渡口区实验小学,school,${DEMO.qijiang},,,60`, qijiangAdmin)).status).toBe(422);
    const userRow = async () => JSON.stringify((await t.client.execute("select * from users where username = 'ddk-teacher'")).rows);
    const stored = await userRow();
    const sessions = await countRows(t, "sessions");
    const attempts = [
      t.request("/api/v1/users/ddk-teacher/password", { method: "POST", cookie: qijiangAdmin, json: { password: "taken-over-1" } }),
      t.request("/api/v1/users/ddk-teacher", { method: "PATCH", cookie: qijiangAdmin, json: { role: "admin" } }),
      // The new scope lies inside the attacker's, the stored one does not.
      t.request("/api/v1/users/ddk-teacher", { method: "PATCH", cookie: qijiangAdmin, json: { scope: DEMO.qijiang } }),
      t.request("/api/v1/users/ddk-teacher", { method: "PATCH", cookie: qijiangAdmin, json: { disabled: true } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("forbidden");
    }
    expect(await userRow()).toBe(stored);
    expect(await countRows(t, "sessions")).toBe(sessions);
    await t.login("ddk-teacher", "teacher-pass-1");
    expect(await countRows(t, "audit_log", "action like 'users.%' and actor = 'qj-admin'")).toBe(0);
  });

  it("refuses moving one of the admin's own users into another district's unit", async () => {
    await t.createUser(root, { username: "qj-iv", password: "qj-iv-pass-1", role: "interviewer", scope: DEMO.qijiangCommunity });
    const res = await t.request("/api/v1/users/qj-iv", { method: "PATCH", cookie: qijiangAdmin, json: { scope: DEMO.school } });
    expect(res.status).toBe(403);
    const row = (await t.client.execute("select scope from users where username = 'qj-iv'")).rows[0]!;
    expect(row.scope).toBe(DEMO.qijiangCommunity);
  });
});

describe("hole 6: thresholds are a unit's settings for its subtree", () => {
  /** 5 resident interviews in a community, 4 of them aware: awareness 80%. */
  async function eightyPercentAt(unitCode: string) {
    for (let i = 0; i < 5; i++) await seedResponse(t, { unitCode, answers: { knows_campaign: i < 4 ? "yes" : "no" } });
  }
  const rates = async (unit: string, cookie = root, what = "") => {
    const res = await t.request(`/api/v1/rates${what}?unit=${unit}`, { cookie });
    expect(res.status).toBe(200);
    return res.json();
  };
  const put = (cookie: string, json: unknown) => t.request("/api/v1/settings/thresholds", { method: "PUT", cookie, json });

  it("lets a district admin stage its own targets, which apply to its subtree and not to the other district", async () => {
    await eightyPercentAt(DEMO.community);
    await eightyPercentAt(DEMO.qijiangCommunity);
    const res = await put(dadukouAdmin, { threshold: { awareness: 0.5 }, minRespondents: 5 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      threshold: { awareness: 0.5, support: 0.9 },
      minRespondents: 5,
      unit: { code: DEMO.dadukou },
      sources: { threshold: { awareness: { code: DEMO.dadukou }, support: null }, minRespondents: { code: DEMO.dadukou } },
      own: { threshold: { awareness: 0.5 }, minRespondents: 5 },
    });

    // A community inside 大渡口区 is judged against 50%, one in 綦江区 against the city's 90%.
    const inside = await rates(DEMO.community);
    expect(inside).toMatchObject({ threshold: { awareness: 0.5 }, minRespondents: 5 });
    expect(inside.metrics.awareness).toMatchObject({ rate: 0.8, status: "pass" });
    const outside = await rates(DEMO.qijiangCommunity);
    expect(outside).toMatchObject({ threshold: { awareness: 0.9 }, minRespondents: 20 });
    expect(outside.metrics.awareness).toMatchObject({ rate: 0.8, status: "insufficient" });

    // The city keeps its own line; each child of the city is judged by its own settings.
    const city = await rates(DEMO.city);
    expect(city.threshold.awareness).toBe(0.9);
    const child = (code: string) => city.children.find((c: { unit: { code: string } }) => c.unit.code === code);
    expect(child(DEMO.dadukou)).toMatchObject({
      threshold: { awareness: 0.5 },
      minRespondents: 5,
      metrics: { awareness: { status: "pass" } },
    });
    expect(child(DEMO.qijiang)).toMatchObject({
      threshold: { awareness: 0.9 },
      minRespondents: 20,
      metrics: { awareness: { status: "insufficient" } },
    });
    const plan = await rates(DEMO.city, root, "/plan");
    expect(plan.threshold.awareness).toBe(0.9);
    expect(plan.children.find((c: { unit: { code: string } }) => c.unit.code === DEMO.dadukou)).toMatchObject({
      threshold: { awareness: 0.5 },
      minRespondents: 5,
    });
    expect((await rates(DEMO.xinshancun, root, "/trend")).threshold.awareness).toBe(0.5);
    expect((await rates(DEMO.qijiang, root, "/trend")).threshold.awareness).toBe(0.9);

    // A nearer setting wins over the district's: a subdistrict raises its own line.
    expect((await put(dadukouAdmin, { unit: DEMO.xinshancun, threshold: { awareness: 0.85 } })).status).toBe(200);
    expect((await rates(DEMO.community)).metrics.awareness.status).toBe("fail");
    expect((await rates(DEMO.otherSubdistrictCommunity)).threshold.awareness).toBe(0.5);
    // null removes the subdistrict's own value again: it inherits the district's.
    expect(await (await put(dadukouAdmin, { unit: DEMO.xinshancun, threshold: { awareness: null } })).json()).toMatchObject({
      threshold: { awareness: 0.5 },
      sources: { threshold: { awareness: { code: DEMO.dadukou } } },
    });
  });

  it("refuses a district admin's change to the city's or the other district's settings, and writes nothing", async () => {
    await eightyPercentAt(DEMO.qijiangCommunity);
    const before = await figures();
    const rows = async () =>
      JSON.stringify([
        (await t.client.execute("select * from unit_rate_settings")).rows,
        (await t.client.execute("select * from settings where key = 'rate_settings'")).rows,
      ]);
    const stored = await rows();
    const audit = await countRows(t, "audit_log");
    const attempts = await Promise.all([
      put(dadukouAdmin, { unit: DEMO.city, threshold: { awareness: 0.1 } }),
      put(dadukouAdmin, { unit: DEMO.qijiang, threshold: { awareness: 0.1 }, minRespondents: 1 }),
      put(dadukouAdmin, { unit: DEMO.qijiangCommunity, minRespondents: 1 }),
    ]);
    for (const res of attempts) expect(res.status).toBe(403);
    expect((await t.request(`/api/v1/settings/thresholds?unit=${DEMO.qijiang}`, { cookie: dadukouAdmin })).status).toBe(403);
    expect((await put(dadukouAdmin, { unit: "999999999999", minRespondents: 3 })).status).toBe(404);
    expect(await rows()).toBe(stored);
    expect(await figures()).toBe(before);
    expect(await countRows(t, "audit_log")).toBe(audit);
    // Without `unit`, the district admin's change is its own district's, never the city's.
    expect(await (await put(dadukouAdmin, { minRespondents: 7 })).json()).toMatchObject({
      unit: { code: DEMO.dadukou },
      minRespondents: 7,
    });
    expect((await rates(DEMO.city)).minRespondents).toBe(20);
  });

  it("keeps an existing city-wide setting (the legacy settings key) as the root's, and migrates it on the first write", async () => {
    await t.client.execute({
      sql: "insert into settings (key, value, updated_at) values ('rate_settings', ?, ?)",
      args: [
        JSON.stringify({ threshold: { awareness: 0.8, support: 0.85, participation: 0.9, satisfaction: 0.9 }, minRespondents: 10 }),
        new Date().toISOString(),
      ],
    });
    const legacy = await (await t.request("/api/v1/settings/thresholds", { cookie: root })).json();
    expect(legacy).toMatchObject({
      threshold: { awareness: 0.8, support: 0.85 },
      minRespondents: 10,
      sources: { minRespondents: { code: DEMO.city } },
    });
    expect((await rates(DEMO.qijiangCommunity)).threshold.support).toBe(0.85);
    const after = await (await put(root, { threshold: { satisfaction: 0.95 } })).json();
    expect(after).toMatchObject({ threshold: { awareness: 0.8, support: 0.85, satisfaction: 0.95 }, minRespondents: 10 });
    expect(await countRows(t, "settings", "key = 'rate_settings'")).toBe(0);
    expect(await countRows(t, "unit_rate_settings", `unit_code = '${DEMO.city}'`)).toBe(1);
    expect((await rates(DEMO.qijiangCommunity)).threshold).toMatchObject({ awareness: 0.8, satisfaction: 0.95 });
  });

  it("writes each accepted change and its audit entry together, under concurrency", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => put(dadukouAdmin, { unit: i % 3 === 0 ? DEMO.city : DEMO.dadukou, minRespondents: 10 + i })),
    );
    const ok = results.filter((r) => r.status === 200).length;
    expect(results.map((r) => r.status).sort()).toEqual([...Array(8).fill(200), ...Array(4).fill(403)]);
    expect(await countRows(t, "audit_log", `action = 'settings.thresholds' and scope_unit = '${DEMO.dadukou}'`)).toBe(ok);
    expect(await countRows(t, "unit_rate_settings", `unit_code = '${DEMO.city}'`)).toBe(0);
  });
});

describe("hole 6: the audit log, version counts and lists stay inside the caller's subtree", () => {
  it("shows a district admin only its own subtree's audit entries; the root sees every entry", async () => {
    // City-wide, 綦江区 and 大渡口区 entries, and an old entry without a scope (city-wide).
    await t.client.execute({
      sql: "insert into audit_log (at, actor, action, target) values (?, 'old', 'settings.thresholds', 'rate_settings')",
      args: [new Date().toISOString()],
    });
    expect((await t.request("/api/v1/settings/thresholds", { method: "PUT", cookie: root, json: { minRespondents: 25 } })).status).toBe(
      200,
    );
    await t.createUser(root, { username: "qj-office", password: "qj-office-pass-1", role: "office", scope: DEMO.qijiang });
    const qjPoster = await t.createPoster(root, DEMO.qijiangCommunity, "resident");
    await t.createUser(root, { username: "xsc-office", password: "xsc-office-pass-1", role: "office", scope: DEMO.xinshancun });
    const ddkPoster = await t.createPoster(dadukouAdmin, DEMO.community, "resident");
    expect(
      (await t.request("/api/v1/settings/thresholds", { method: "PUT", cookie: dadukouAdmin, json: { minRespondents: 8 } })).status,
    ).toBe(200);
    expect((await upload("", `${HEADER}\n500104006000,八桥镇,subdistrict,500104000000,,,`, dadukouAdmin)).status).toBe(200);

    const list = async (cookie: string) =>
      (await (await t.request("/api/v1/admin/audit?limit=500", { cookie })).json()).entries as {
        action: string;
        target: string;
        scopeUnit: string | null;
      }[];
    const seen = (entries: { action: string; target: string }[]) => entries.map((e) => `${e.action}:${e.target}`).sort();
    const ddk = await list(dadukouAdmin);
    expect(seen(ddk)).toEqual(
      [
        "users.create:ddk-admin",
        "users.create:xsc-office",
        `posters.create:${ddkPoster.id}`,
        `settings.thresholds:${DEMO.dadukou}`,
        "units.import:1 added, 0 changed",
      ].sort(),
    );
    expect(ddk.every((e) => e.scopeUnit?.startsWith("500104"))).toBe(true);
    expect(seen(await list(qijiangAdmin))).toEqual(
      ["users.create:qj-admin", "users.create:qj-office", `posters.create:${qjPoster.id}`].sort(),
    );
    const all = await list(root);
    expect(all.length).toBe(await countRows(t, "audit_log"));
    expect(all.some((e) => e.scopeUnit === null)).toBe(true);
    // Filters cannot widen it.
    const filtered = await (await t.request("/api/v1/admin/audit?action=settings.thresholds&actor=admin", { cookie: dadukouAdmin })).json();
    expect(filtered.entries).toEqual([]);
  });

  it("counts survey versions' responses of the caller's subtree only", async () => {
    const ddkPoster = await t.createPoster(root, DEMO.community, "resident");
    const qjPoster = await t.createPoster(root, DEMO.qijiangCommunity, "resident");
    for (const [token, n] of [
      [ddkPoster.token, 2],
      [qjPoster.token, 3],
    ] as const) {
      for (let i = 0; i < n; i++) expect((await t.request("/api/v1/responses", { method: "POST", json: qrBody(token) })).status).toBe(201);
    }
    const responses = async (cookie: string) =>
      (await (await t.request("/api/v1/surveys/resident/versions", { cookie })).json()).versions[0].responses;
    expect(await responses(root)).toBe(5);
    expect(await responses(dadukouAdmin)).toBe(2);
    expect(await responses(qijiangAdmin)).toBe(3);
  });

  it("lists users, posters and flagged responses of the caller's subtree only", async () => {
    await t.createPoster(root, DEMO.qijiangCommunity, "resident");
    const mine = await t.createPoster(root, DEMO.community, "resident");
    const users = (await (await t.request("/api/v1/users", { cookie: dadukouAdmin })).json()).users.map(
      (u: { username: string }) => u.username,
    );
    expect(users).toEqual(["ddk-admin"]);
    const posters = (await (await t.request("/api/v1/posters", { cookie: dadukouAdmin })).json()).posters;
    expect(posters.map((p: { unitCode: string }) => p.unitCode).every((c: string) => c.startsWith("500104"))).toBe(true);
    expect(posters.map((p: { id: string }) => p.id)).toContain(mine.id);
  });
});
