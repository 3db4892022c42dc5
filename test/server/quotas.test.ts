import { randomUUID } from "node:crypto";
import { readSheet } from "read-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import residentJson from "../../surveys/resident.json";
import { generateAnswers, seededRng } from "../helpers/answer-generator";
import { countRows } from "../helpers/fixtures";
import { createTestApp, manualClock, type TestApp } from "../helpers/test-app";

const DISTRICT = "500104000000";
const SUB = "500104001000";
const C1 = "500104001001";
const C2 = "500104001002";
const OTHER_SUB_C = "500104002001";
const QIJIANG_C = "500110002001";
const SCHOOL = "500104S01";

let t: TestApp;
let admin: string;
let zhang: string;
let li: string;
let office: string;

const put = (cookie: string, json: unknown) => t.request("/api/v1/quotas", { method: "PUT", cookie, json });
const get = async <T>(path: string, cookie: string) => {
  const res = await t.request(path, { cookie });
  return { status: res.status, body: (await res.json()) as T };
};

let seed = 1;
async function completed(cookie: string, unitCode: string, visitedAt: string, surveyId = "resident") {
  const responseId = randomUUID();
  const res = await t.request("/api/v1/responses", {
    method: "POST",
    cookie,
    json: {
      id: responseId,
      surveyId,
      surveyVersion: 1,
      channel: "interview",
      answers: generateAnswers(residentJson, seededRng(seed++)),
      startedAt: visitedAt,
      completedAt: visitedAt,
      deviceId: "tablet",
      unitCode,
    },
  });
  expect(res.status).toBe(201);
  const v = await t.request("/api/v1/visits", {
    method: "POST",
    cookie,
    json: { id: randomUUID(), unitCode, surveyId, household: `h${seed}`, outcome: "completed", responseId, visitedAt, deviceId: "tablet" },
  });
  expect(v.status).toBe(201);
}

beforeEach(async () => {
  t = await createTestApp({ clock: manualClock(new Date("2026-11-20T02:00:00Z")) });
  admin = await t.login();
  zhang = await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: SUB });
  li = await t.createUser(admin, { username: "li", password: "pass-word-1", role: "interviewer", scope: C2 });
  office = await t.createUser(admin, { username: "jiedao", password: "pass-word-1", role: "office", scope: SUB });
});
afterEach(() => t.close());

describe("PUT /quotas", () => {
  it("sets a target on every day of a range, audited once, and changes or removes it", async () => {
    const res = await put(office, {
      unitCode: C1,
      surveyId: "resident",
      interviewer: "zhang",
      from: "2026-11-20",
      to: "2026-11-22",
      target: 8,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { day: string; target: number }[] };
    expect(body.items.map((i) => [i.day, i.target])).toEqual([
      ["2026-11-20", 8],
      ["2026-11-21", 8],
      ["2026-11-22", 8],
    ]);
    // A second set over part of the range changes those days only.
    expect(
      (await put(office, { unitCode: C1, surveyId: "resident", interviewer: "zhang", from: "2026-11-21", to: "2026-11-21", target: 5 }))
        .status,
    ).toBe(200);
    const list = await get<{ items: { day: string; target: number; updatedBy: string }[] }>(`/api/v1/quotas?unit=${SUB}`, office);
    expect(list.body.items.map((i) => [i.day, i.target])).toEqual([
      ["2026-11-20", 8],
      ["2026-11-21", 5],
      ["2026-11-22", 8],
    ]);
    expect(list.body.items[0]!.updatedBy).toBe("jiedao");
    const audit = await t.client.execute("select action, before, after, scope_unit from audit_log where action = 'quotas.set' order by id");
    expect(audit.rows.map((r) => [JSON.parse(String(r.before)), JSON.parse(String(r.after)), r.scope_unit])).toEqual([
      [{}, { "2026-11-20": 8, "2026-11-21": 8, "2026-11-22": 8 }, C1],
      [{ "2026-11-21": 8 }, { "2026-11-21": 5 }, C1],
    ]);
    // target null removes the range's targets.
    expect(
      (await put(office, { unitCode: C1, surveyId: "resident", interviewer: "zhang", from: "2026-11-20", to: "2026-11-21", target: null }))
        .status,
    ).toBe(200);
    expect(await countRows(t, "interviewer_quotas")).toBe(1);
  });

  it("refuses what cannot be planned and stores nothing then", async () => {
    const base = { unitCode: C1, surveyId: "resident", interviewer: "zhang", from: "2026-11-20", to: "2026-11-20", target: 3 };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ unitCode: SUB }, 422, "not_leaf"],
      [{ unitCode: "999999999999" }, 422, "unknown_unit"],
      [{ surveyId: "nosuch" }, 422, "unknown_survey"],
      [{ surveyId: "parent" }, 422, "survey_mismatch"],
      [{ interviewer: "jiedao" }, 422, "unknown_interviewer"],
      [{ interviewer: "li" }, 422, "interviewer_out_of_scope"],
      [{ unitCode: OTHER_SUB_C }, 403, "forbidden"],
      [{ from: "2026-11-21", to: "2026-11-20" }, 422, "invalid_request"],
      [{ from: "2026-01-01", to: "2026-12-31" }, 422, "invalid_request"],
      [{ target: -1 }, 422, "invalid_request"],
      [{ target: 1.5 }, 422, "invalid_request"],
      [{ extra: 1 }, 422, "invalid_request"],
    ];
    for (const [patch, status, code] of cases) {
      const res = await put(office, { ...base, ...patch });
      expect([JSON.stringify(patch), res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([
        JSON.stringify(patch),
        status,
        code,
      ]);
    }
    expect(await countRows(t, "interviewer_quotas")).toBe(0);
    expect(await countRows(t, "audit_log", "action like 'quotas.%'")).toBe(0);
    // An interviewer cannot plan; a school takes the parent questionnaire.
    expect((await put(zhang, base)).status).toBe(403);
    await t.createUser(admin, { username: "wang", password: "pass-word-1", role: "interviewer", scope: DISTRICT });
    expect((await put(admin, { ...base, unitCode: SCHOOL, surveyId: "parent", interviewer: "wang" })).status).toBe(200);
  });

  it("DELETE /quotas/:id removes one target inside the caller's scope only", async () => {
    await put(admin, { unitCode: C1, surveyId: "resident", interviewer: "zhang", from: "2026-11-20", to: "2026-11-20", target: 3 });
    await t.createUser(admin, { username: "qj", password: "pass-word-1", role: "interviewer", scope: QIJIANG_C });
    await put(admin, { unitCode: QIJIANG_C, surveyId: "resident", interviewer: "qj", from: "2026-11-20", to: "2026-11-20", target: 3 });
    const ids = (await t.client.execute("select id, unit_code from interviewer_quotas order by id")).rows.map((r) => Number(r.id));
    expect((await t.request(`/api/v1/quotas/${ids[1]}`, { method: "DELETE", cookie: office })).status).toBe(403);
    expect((await t.request("/api/v1/quotas/99999", { method: "DELETE", cookie: office })).status).toBe(404);
    expect((await t.request(`/api/v1/quotas/${ids[0]}`, { method: "DELETE", cookie: office })).status).toBe(200);
    expect(await countRows(t, "interviewer_quotas")).toBe(1);
    expect(await countRows(t, "audit_log", "action = 'quotas.delete'")).toBe(1);
  });
});

describe("GET /quotas/mine", () => {
  it("gives the interviewer their own targets from today for a week, with unit names", async () => {
    await put(admin, { unitCode: C1, surveyId: "resident", interviewer: "zhang", from: "2026-11-19", to: "2026-11-30", target: 4 });
    await put(admin, { unitCode: C2, surveyId: "resident", interviewer: "li", from: "2026-11-20", to: "2026-11-20", target: 9 });
    const mine = await get<{ today: string; items: { day: string; unitName: string; target: number }[] }>("/api/v1/quotas/mine", zhang);
    expect(mine.status).toBe(200);
    expect(mine.body.today).toBe("2026-11-20");
    expect(mine.body.items.map((i) => i.day)).toEqual([
      "2026-11-20",
      "2026-11-21",
      "2026-11-22",
      "2026-11-23",
      "2026-11-24",
      "2026-11-25",
      "2026-11-26",
      "2026-11-27",
    ]);
    expect(mine.body.items.every((i) => i.target === 4 && i.unitName.length > 0)).toBe(true);
    expect((await get<{ items: unknown[] }>("/api/v1/quotas/mine", li)).body.items).toHaveLength(1);
    expect((await get("/api/v1/quotas/mine", office)).status).toBe(403);
  });
});

describe("GET /field-progress/plan", () => {
  beforeEach(async () => {
    await t.createUser(admin, { username: "wang", password: "pass-word-1", role: "interviewer", scope: DISTRICT });
    // Plan: zhang 5/day in C1 on the 19th and 20th, li 4 in C2 on the 20th, wang 2 in OTHER_SUB_C on the 20th.
    await put(admin, { unitCode: C1, surveyId: "resident", interviewer: "zhang", from: "2026-11-19", to: "2026-11-20", target: 5 });
    await put(admin, { unitCode: C2, surveyId: "resident", interviewer: "li", from: "2026-11-20", to: "2026-11-20", target: 4 });
    await put(admin, { unitCode: OTHER_SUB_C, surveyId: "resident", interviewer: "wang", from: "2026-11-20", to: "2026-11-20", target: 2 });
    const wang = await t.login("wang", "pass-word-1");
    // Done: zhang 2 on the 19th, 3 on the 20th (one of them in C2, unplanned); li 1 on the 20th; wang 0.
    await completed(zhang, C1, "2026-11-19T03:00:00Z");
    await completed(zhang, C1, "2026-11-19T04:00:00Z");
    await completed(zhang, C1, "2026-11-20T01:00:00Z");
    await completed(zhang, C1, "2026-11-20T01:10:00Z");
    await completed(zhang, C2, "2026-11-20T01:20:00Z");
    await completed(li, C2, "2026-11-19T17:30:00Z"); // 01:30 on the 20th in Shanghai
    void wang;
  });

  interface Plan {
    totals: { target: number; completed: number; attainment: number | null };
    children: { unit: { code: string }; target: number; completed: number; attainment: number | null }[];
    interviewers: { interviewer: string; target: number; completed: number; attainment: number | null }[];
  }

  it("sums targets and completed visits per child unit and per interviewer (hand-computed)", async () => {
    const district = await get<Plan>(`/api/v1/field-progress/plan?unit=${DISTRICT}`, admin);
    expect(district.status).toBe(200);
    expect(district.body.totals).toEqual({ target: 16, completed: 6, attainment: 6 / 16 });
    const sub = district.body.children.find((c) => c.unit.code === SUB)!;
    expect([sub.target, sub.completed]).toEqual([14, 6]);
    const other = district.body.children.find((c) => c.unit.code === "500104002000")!;
    expect([other.target, other.completed, other.attainment]).toEqual([2, 0, 0]);

    const day20 = await get<Plan>(`/api/v1/field-progress/plan?unit=${SUB}&from=2026-11-20&to=2026-11-20`, office);
    expect(day20.body.children.map((c) => [c.unit.code, c.target, c.completed])).toEqual([
      [C1, 5, 2],
      [C2, 4, 2],
      // Communities without a plan or work are listed too: they are the ones to chase.
      ["500104001003", 0, 0],
      ["500104001004", 0, 0],
    ]);
    expect(day20.body.interviewers).toEqual([
      { interviewer: "li", target: 4, completed: 1, attainment: 0.25 },
      { interviewer: "zhang", target: 5, completed: 3, attainment: 0.6 },
    ]);
    // A leaf has no children: its interviewers are the drill-down's last level.
    const leaf = await get<Plan>(`/api/v1/field-progress/plan?unit=${C2}`, office);
    expect(leaf.body.children).toEqual([]);
    expect(leaf.body.interviewers).toEqual([
      { interviewer: "li", target: 4, completed: 1, attainment: 0.25 },
      { interviewer: "zhang", target: 0, completed: 1, attainment: null },
    ]);
    expect((await get(`/api/v1/field-progress/plan?unit=${DISTRICT}`, office)).status).toBe(403);
    expect((await get(`/api/v1/field-progress/plan?unit=${SUB}&from=2026-11-21&to=2026-11-20`, office)).status).toBe(422);
    // Not a calendar day, or not a date at all: 422, never a 500 from the date check itself.
    for (const bad of ["2026-13-45", "2026-02-30", "%E1%B6%AF"]) {
      expect((await get(`/api/v1/field-progress/plan?unit=${SUB}&to=${bad}`, office)).status).toBe(422);
    }
  });

  it("exports the detail as CSV and three sheets as XLSX", async () => {
    const res = await t.request(`/api/v1/field-progress/plan/export?unit=${SUB}&format=csv`, { cookie: office });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      "日期,单位代码,单位名称,问卷,调查员,目标,完成",
      expect.stringMatching(new RegExp(`^2026-11-19,${C1},[^,]+,resident,zhang,5,2$`)),
      expect.stringMatching(new RegExp(`^2026-11-20,${C1},[^,]+,resident,zhang,5,2$`)),
      expect.stringMatching(new RegExp(`^2026-11-20,${C2},[^,]+,resident,li,4,1$`)),
      expect.stringMatching(new RegExp(`^2026-11-20,${C2},[^,]+,resident,zhang,,1$`)),
    ]);
    const xlsx = await t.request(`/api/v1/field-progress/plan/export?unit=${SUB}&format=xlsx`, { cookie: office });
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip container
    const sheet = await readSheet(Buffer.from(bytes), "按调查员");
    expect(sheet).toEqual([
      ["调查员", "目标", "完成", "完成率"],
      ["li", 4, 1, 25],
      ["zhang", 10, 5, 50],
    ]);
  });
});
