import writeXlsxFile from "write-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countRows, DEMO, validAnswers } from "../helpers/fixtures";
import { createTestApp, type TestApp } from "../helpers/test-app";

let t: TestApp;
let admin: string;
let office: string;
let zhang: string;
let li: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login();
  office = await t.createUser(admin, { username: "office1", password: "pass-word-1", role: "office", scope: DEMO.xinshancun });
  zhang = await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: DEMO.xinshancun });
  li = await t.createUser(admin, { username: "li", password: "pass-word-1", role: "interviewer", scope: DEMO.xinshancun });
}, 60_000);
afterEach(() => t.close());

const HEADER = "unit_code,kind,building,unit,room,address,shop_name,assigned_to";
const GOOD = [
  HEADER,
  `${DEMO.community},household,3,2,301,,,zhang`,
  `${DEMO.community},住户,3,2,302,,,`,
  `${DEMO.community},household,,,,幸福里5号,,`,
  `${DEMO.community},商铺,,,,滨江路12号,张记面馆,`,
  `${DEMO.community2},household,1,1,101,,,li`,
].join("\n");

const upload = (path: string, body: string | Uint8Array, cookie = office) =>
  t.request(`/api/v1/register/import${path}`, { method: "POST", body: body as BodyInit, cookie, headers: { "content-type": "text/csv" } });

type Entry = {
  id: string;
  label: string;
  kind: string;
  attempts: number;
  disposition: string;
  aaporCode: string;
  source: string;
  assignedTo: string | null;
  lastVisitedAt: string | null;
};
async function register(unit: string = DEMO.community, cookie = zhang) {
  const res = await t.request(`/api/v1/register?unit=${unit}`, { cookie });
  expect(res.status).toBe(200);
  return (await res.json()) as { attemptLimit: number; entries: Entry[] };
}

function visit(overrides: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    unitCode: DEMO.community,
    surveyId: "resident",
    household: "3栋2单元301",
    outcome: "not_home",
    visitedAt: "2026-11-20T02:30:00Z",
    deviceId: "tablet-1",
    ...overrides,
  };
}
const postVisit = (body: unknown, cookie = zhang) => t.request("/api/v1/visits", { method: "POST", json: body, cookie });

describe("register import", () => {
  it("previews without writing, imports all rows, and a second import of the same file adds nothing", async () => {
    const preview = await upload("/preview", GOOD);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ rows: 5, added: 5, changed: 0, unchanged: 0, errors: [] });
    expect(await countRows(t, "register_entries")).toBe(0);

    const first = await upload("", GOOD);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ rows: 5, added: 5, changed: 0, unchanged: 0 });
    const { entries } = await register();
    expect(entries.map((e) => e.label).sort()).toEqual(["3栋2单元301", "3栋2单元302", "幸福里5号", "张记面馆 · 滨江路12号"].sort());
    expect(entries.find((e) => e.label === "3栋2单元301")).toMatchObject({
      source: "import",
      assignedTo: "zhang",
      attempts: 0,
      aaporCode: "3.11",
    });

    // The same doors typed differently are the same doors: nothing added.
    const retyped = [
      HEADER,
      `${DEMO.community},household,3栋,2单元,301室,,,zhang`,
      `${DEMO.community},household,,,,3 栋 2 单元 302,,`,
    ].join("\n");
    expect(await (await upload("", retyped)).json()).toEqual({ rows: 2, added: 0, changed: 0, unchanged: 2 });
    expect(await (await upload("", GOOD)).json()).toEqual({ rows: 5, added: 0, changed: 0, unchanged: 5 });
    // A changed assignee is a change, and audited.
    const reassigned = [HEADER, `${DEMO.community},household,3,2,301,,,li`].join("\n");
    expect(await (await upload("", reassigned)).json()).toEqual({ rows: 1, added: 0, changed: 1, unchanged: 0 });
    expect(await countRows(t, "register_entries")).toBe(5);
    const audit = await t.client.execute("select action, actor, scope_unit from audit_log where action = 'register.import' order by id");
    expect(audit.rows.map((r) => [r.actor, r.scope_unit])).toEqual([
      ["office1", DEMO.xinshancun],
      ["office1", DEMO.community],
    ]);
  });

  it("refuses a file with bad rows and stores nothing, listing every bad line", async () => {
    const bad = [
      HEADER,
      `${DEMO.community},household,3,2,301,,,`,
      `${DEMO.community},household,3,,,,,`, // no room
      `${DEMO.community},garage,1,1,1,,,`, // unknown kind
      `${DEMO.qijiangCommunity},household,1,1,1,,,`, // out of scope
      `${DEMO.xinshancun},household,1,1,1,,,`, // not a community
      `500104001999,household,1,1,1,,,`, // unknown unit
      `${DEMO.community},household,,,,3栋2单元301,,`, // same door as line 2
      `${DEMO.community},household,4,1,101,,,nobody`, // unknown interviewer
    ].join("\n");
    const res = await upload("", bad);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe("import_invalid");
    expect(body.error.issues.map((i) => `${i.path} ${i.message.split(":")[0]}`)).toEqual([
      "line 3 invalid_field",
      "line 4 invalid_field",
      "line 5 out_of_scope",
      "line 6 not_community",
      "line 7 unknown_unit",
      "line 8 duplicate_door",
      "line 9 unknown_interviewer",
    ]);
    expect(await countRows(t, "register_entries")).toBe(0);
    expect((await t.client.execute("select count(*) as n from audit_log where action = 'register.import'")).rows[0]!.n).toBe(0);
  });

  it("reads XLSX with Chinese headers", async () => {
    const rows = [
      ["社区代码", "类型", "楼栋", "单元", "房号"].map((value) => ({ value })),
      [DEMO.community, "住户", "7", "1", "502"].map((value) => ({ value })),
    ];
    const buffer = await writeXlsxFile(rows as never).toBuffer();
    const res = await upload("", new Uint8Array(buffer));
    expect(res.status).toBe(200);
    expect((await register()).entries.map((e) => e.label)).toEqual(["7栋1单元502"]);
  });

  it("interviewers cannot import; an empty body is 400", async () => {
    expect((await upload("", GOOD, zhang)).status).toBe(403);
    expect((await upload("", "", office)).status).toBe(400);
  });
});

describe("visits at register doors", () => {
  beforeEach(async () => {
    expect((await upload("", GOOD)).status).toBe(200);
  });

  it("two tablets visiting the same door: both visits kept, the door counted once", async () => {
    const door = (await register()).entries.find((e) => e.label === "3栋2单元301")!;
    expect((await postVisit(visit({ registerEntryId: door.id, visitedAt: "2026-11-20T02:30:00Z" }))).status).toBe(201);
    expect((await postVisit(visit({ registerEntryId: door.id, deviceId: "tablet-2", visitedAt: "2026-11-20T10:30:00Z" }), li)).status).toBe(
      201,
    );
    const stored = await t.client.execute({ sql: "select count(*) as n from visits where register_entry_id = ?", args: [door.id] });
    expect(stored.rows[0]!.n).toBe(2);
    const after = (await register()).entries.find((e) => e.id === door.id)!;
    expect(after).toMatchObject({ attempts: 2, disposition: "revisit", lastVisitedAt: "2026-11-20T10:30:00.000Z" });

    const coverage = await t.request(`/api/v1/register/coverage?unit=${DEMO.xinshancun}`, { cookie: office });
    expect(coverage.status).toBe(200);
    const body = (await coverage.json()) as {
      rows: { unit: { code: string }; household: { entries: number; visited: number; coverage: number } }[];
      totals: { household: { entries: number; visited: number } };
    };
    const row = body.rows.find((r) => r.unit.code === DEMO.community)!;
    expect(row.household).toMatchObject({ entries: 3, visited: 1 });
    expect(row.household.coverage).toBeCloseTo(1 / 3, 12);
    expect(body.totals.household).toMatchObject({ entries: 4, visited: 1 });
  });

  it("a door found in the field is created once with its first visit, and merged when another tablet finds it too", async () => {
    const doorId = crypto.randomUUID();
    const newDoor = { kind: "household", building: "9", unitNo: "1", room: "101" };
    const first = visit({ registerEntryId: doorId, newDoor, household: "9栋1单元101" });
    expect((await postVisit(first)).status).toBe(201);
    // A retry after a lost reply: a duplicate, no second door.
    expect((await postVisit(first)).status).toBe(200);
    const entries = (await register()).entries.filter((e) => e.label === "9栋1单元101");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: doorId, source: "field", attempts: 1 });
    // The second tablet found the same door offline and gave it its own id.
    const otherId = crypto.randomUUID();
    const second = visit({
      registerEntryId: otherId,
      newDoor: { kind: "household", address: "9 栋 1 单元 101 室" },
      deviceId: "tablet-2",
      outcome: "refused",
    });
    expect((await postVisit(second, li)).status).toBe(201);
    // And its revisit still names its own id.
    expect((await postVisit(visit({ registerEntryId: otherId, deviceId: "tablet-2", outcome: "not_home" }), li)).status).toBe(201);
    const merged = (await register()).entries.filter((e) => e.label === "9栋1单元101");
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: doorId, attempts: 3, disposition: "refusal", aaporCode: "2.11" });
  });

  it("refuses doors that do not fit, storing neither the visit nor the door", async () => {
    const shop = (await register()).entries.find((e) => e.kind === "shop")!;
    const other = (await register(DEMO.community2)).entries[0]!;
    const code = async (body: unknown) => {
      const res = await postVisit(body);
      expect(res.status).toBe(422);
      return ((await res.json()) as { error: { code: string } }).error.code;
    };
    expect(await code(visit({ registerEntryId: crypto.randomUUID() }))).toBe("unknown_register_entry");
    expect(await code(visit({ registerEntryId: other.id }))).toBe("register_entry_mismatch");
    expect(await code(visit({ registerEntryId: shop.id }))).toBe("register_kind_mismatch");
    expect(await code(visit({ registerEntryId: crypto.randomUUID(), newDoor: { kind: "shop", shopName: "新店" } }))).toBe(
      "register_kind_mismatch",
    );
    expect(await code(visit({ newDoor: { kind: "household", address: "x" } }))).toBe("invalid_request");
    expect(await countRows(t, "visits")).toBe(0);
    expect(await countRows(t, "register_entries")).toBe(5);
  });

  it("AAPOR rates per community move with the visits; the office's attempt limit makes 不在家 final", async () => {
    const entries = (await register()).entries.filter((e) => e.kind === "household");
    const [a, b, c] = entries;
    const version = ((await (await t.request("/api/v1/surveys/resident")).json()) as { version: number }).version;
    const responseId = crypto.randomUUID();
    const res = await t.request("/api/v1/responses", {
      method: "POST",
      cookie: zhang,
      json: {
        id: responseId,
        surveyId: "resident",
        surveyVersion: version,
        channel: "interview",
        answers: validAnswers(),
        startedAt: "2026-11-20T02:10:00Z",
        completedAt: "2026-11-20T02:25:00Z",
        deviceId: "tablet-1",
        unitCode: DEMO.community,
      },
    });
    expect(res.status).toBe(201);
    expect((await postVisit(visit({ registerEntryId: a!.id, outcome: "completed", responseId }))).status).toBe(201);
    expect((await postVisit(visit({ registerEntryId: b!.id, outcome: "refused" }))).status).toBe(201);
    expect((await postVisit(visit({ registerEntryId: c!.id, outcome: "not_home" }))).status).toBe(201);
    expect((await postVisit(visit({ registerEntryId: c!.id, outcome: "not_home", visitedAt: "2026-11-21T11:00:00Z" }))).status).toBe(201);

    const read = async () => {
      const r = await t.request(`/api/v1/register/coverage?unit=${DEMO.community}`, { cookie: office });
      return ((await r.json()) as { rows: { attemptLimit: number; household: Record<string, unknown> }[] }).rows[0]!;
    };
    // 3 doors: I=1, R=1, NC=1 (open revisit): RR1 = 1/3, COOP1 = 1/2, REF1 = 1/3.
    let row = await read();
    expect(row.household).toMatchObject({
      entries: 3,
      visited: 3,
      coverage: 1,
      dispositions: { complete: 1, refusal: 1, revisit: 1, non_contact: 0 },
    });
    expect(row.household.rr1).toBeCloseTo(1 / 3, 12);
    expect(row.household.coop1).toBeCloseTo(1 / 2, 12);
    expect(row.household.ref1).toBeCloseTo(1 / 3, 12);
    expect(row.attemptLimit).toBe(3);

    // Two tries reach a limit of 2: the door is final non-contact and leaves the 待回访 list.
    const put = await t.request("/api/v1/register/attempt-limit", {
      method: "PUT",
      cookie: office,
      json: { unit: DEMO.xinshancun, limit: 2 },
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ unit: DEMO.xinshancun, limit: 2, setAt: DEMO.xinshancun });
    row = await read();
    expect(row.household).toMatchObject({ dispositions: { revisit: 0, non_contact: 1 } });
    expect((await register()).entries.find((e) => e.id === c!.id)).toMatchObject({ disposition: "non_contact", attempts: 2 });
    const audit = await t.client.execute("select actor, target, before, after from audit_log where action = 'register.attempt_limit'");
    expect(audit.rows.map((r) => [r.actor, r.target, JSON.parse(String(r.before)).limit, JSON.parse(String(r.after)).limit])).toEqual([
      ["office1", DEMO.xinshancun, 3, 2],
    ]);
    // Date filters: only the visits of the 21st.
    const day = await t.request(`/api/v1/register/coverage?unit=${DEMO.community}&from=2026-11-21&to=2026-11-21`, { cookie: office });
    const dayRow = ((await day.json()) as { rows: { household: { visited: number } }[] }).rows[0]!;
    expect(dayRow.household.visited).toBe(1);
  });

  it("a 非目标户 visit is stored, makes its door final (AAPOR 4.70) and leaves every rate's denominator", async () => {
    const [a, b, c] = (await register()).entries.filter((e) => e.kind === "household");
    expect((await postVisit(visit({ registerEntryId: a!.id, outcome: "refused" }))).status).toBe(201);
    const notEligible = visit({ registerEntryId: b!.id, outcome: "not_eligible", household: b!.label });
    expect((await postVisit(notEligible)).status).toBe(201);
    expect((await postVisit(notEligible)).status).toBe(200);
    // Nobody home first, then the household is found to have nobody the survey is for.
    expect((await postVisit(visit({ registerEntryId: c!.id, outcome: "not_home" }))).status).toBe(201);
    expect((await postVisit(visit({ registerEntryId: c!.id, outcome: "not_eligible", visitedAt: "2026-11-21T11:00:00Z" }))).status).toBe(
      201,
    );
    const stored = await t.client.execute({ sql: "select outcome from visits where id = ?", args: [notEligible.id] });
    expect(stored.rows.map((r) => r.outcome)).toEqual(["not_eligible"]);

    const doors = (await register()).entries;
    expect(doors.find((e) => e.id === b!.id)).toMatchObject({ disposition: "not_eligible", aaporCode: "4.70", attempts: 1 });
    expect(doors.find((e) => e.id === c!.id)).toMatchObject({ disposition: "not_eligible", aaporCode: "4.70", attempts: 2 });

    const cov = await t.request(`/api/v1/register/coverage?unit=${DEMO.community}`, { cookie: office });
    const row = ((await cov.json()) as { rows: { household: Record<string, unknown> }[] }).rows[0]!;
    // Only the refusal is eligible: RR1 = 0/1, COOP1 = 0/1, REF1 = 1/1; all three doors count as visited.
    expect(row.household).toMatchObject({
      entries: 3,
      visited: 3,
      dispositions: { refusal: 1, not_eligible: 2, vacant: 0, revisit: 0 },
      rr1: 0,
      coop1: 0,
      ref1: 1,
    });

    const units = await t.request(`/api/v1/field-progress/units?unit=${DEMO.community}`, { cookie: office });
    const body = (await units.json()) as { totals: Record<string, unknown> };
    expect(body.totals).toMatchObject({ visits: 4, refused: 1, notHome: 1, vacant: 0, notEligible: 2 });
    const days = await t.request(`/api/v1/field-progress/interviewers?unit=${DEMO.community}`, { cookie: office });
    const perDay = ((await days.json()) as { rows: { day: string; notEligible: number; visits: number }[] }).rows;
    expect(perDay.map((r) => [r.day, r.visits, r.notEligible])).toEqual([
      ["2026-11-21", 1, 1],
      ["2026-11-20", 3, 1],
    ]);
  });

  it("a supervisor assigns doors to an interviewer in scope, audited; doors of another community are refused", async () => {
    const entries = (await register()).entries;
    const ids = entries.slice(0, 2).map((e) => e.id);
    const res = await t.request("/api/v1/register/assignments", {
      method: "PUT",
      cookie: office,
      json: { unit: DEMO.community, entryIds: ids, assignedTo: "li" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unit: DEMO.community, assigned: 2, assignedTo: "li" });
    expect(
      (await register()).entries
        .filter((e) => e.assignedTo === "li")
        .map((e) => e.id)
        .sort(),
    ).toEqual([...ids].sort());
    const other = (await register(DEMO.community2)).entries[0]!.id;
    const refused = await t.request("/api/v1/register/assignments", {
      method: "PUT",
      cookie: office,
      json: { unit: DEMO.community, entryIds: [ids[0], other], assignedTo: null },
    });
    expect(refused.status).toBe(422);
    expect((await register()).entries.filter((e) => e.assignedTo === "li")).toHaveLength(2);
    const nobody = await t.request("/api/v1/register/assignments", {
      method: "PUT",
      cookie: office,
      json: { unit: DEMO.community, entryIds: ids, assignedTo: "office1" },
    });
    expect(nobody.status).toBe(422);
    expect((await t.client.execute("select count(*) as n from audit_log where action = 'register.assign'")).rows[0]!.n).toBe(1);
  });
});
