import writeXlsxFile from "write-excel-file/node";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rebuildRollups } from "../../../server/services/rollups/rollup-rebuild";
import { countRows, DEMO, validAnswers } from "../../helpers/fixtures";
import { createTestApp, type TestApp } from "../../helpers/test-app";
import { buildHierarchyCsv } from "../../helpers/hierarchy-csv";

let t: TestApp;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.login();
});
afterEach(() => t.close());

const HEADER = "code,name,kind,parent_code,households,population,target_n";

function upload(path: string, body: string | Uint8Array, cookie = admin, type = "text/csv") {
  return t.request(`/api/v1/units/import${path}`, { method: "POST", body: body as BodyInit, cookie, headers: { "content-type": type } });
}

/** Every closure row recomputed from parent links: what unit_closure must hold. */
async function expectedClosure(): Promise<string[]> {
  const rows = (await t.client.execute("select code, parent_code from units")).rows;
  const parent = new Map(rows.map((r) => [String(r.code), r.parent_code === null ? null : String(r.parent_code)]));
  const out: string[] = [];
  for (const code of parent.keys()) {
    let cursor: string | null = code;
    let depth = 0;
    while (cursor !== null) {
      out.push(`${cursor}>${code}@${depth++}`);
      cursor = parent.get(cursor) ?? null;
    }
  }
  return out.sort();
}
async function storedClosure(): Promise<string[]> {
  const rows = (await t.client.execute("select ancestor, descendant, depth from unit_closure")).rows;
  return rows.map((r) => `${r.ancestor}>${r.descendant}@${r.depth}`).sort();
}

const GOOD = [
  HEADER,
  "500104006000,八桥镇,subdistrict,500104000000,,,",
  "500104006001,八桥社区,community,500104006000,1800,4600,80",
  "500104006201,胜天村,community,500104006000,900,2300,40",
  // A change to a stored community: new name and target.
  "500104001001,民主社区（新）,community,500104001000,2000,5200,120",
].join("\n");

describe("hierarchy import", () => {
  it("previews adds and changes without writing, then imports them with correct closure rows", async () => {
    const before = await countRows(t, "units");
    const preview = await upload("/preview", GOOD);
    expect(preview.status).toBe(200);
    const plan = await preview.json();
    expect(plan).toMatchObject({ rows: 4, added: 3, changed: 1, unchanged: 0, errors: [] });
    expect(plan.changes[0]).toMatchObject({ code: DEMO.community, line: 5, fields: ["name", "households", "population", "targetN"] });
    expect(await countRows(t, "units")).toBe(before);

    const res = await upload("", GOOD);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ rows: 4, added: 3, changed: 1, unchanged: 0 });
    expect(await countRows(t, "units")).toBe(before + 3);
    const unit = (await t.client.execute(`select name, target_n from units where code = '${DEMO.community}'`)).rows[0]!;
    expect([unit.name, unit.target_n]).toEqual(["民主社区（新）", 120]);
    expect(await storedClosure()).toEqual(await expectedClosure());
    // The new community sits inside 大渡口区's subtree.
    const inside = await t.request(`/api/v1/units/500104006000`, { cookie: admin });
    expect((await inside.json()).children.map((c: { code: string }) => c.code)).toEqual(["500104006001", "500104006201"]);
    // The entry belongs to the nearest unit holding every place the file touched: 大渡口区.
    const audit = (await t.client.execute("select actor, action, scope_unit from audit_log where action = 'units.import'")).rows;
    expect(audit.map((r) => [r.actor, r.action, r.scope_unit])).toEqual([["admin", "units.import", DEMO.dadukou]]);
  });

  it("changes nothing when the same file is imported again", async () => {
    expect((await upload("", GOOD)).status).toBe(200);
    const tables = ["units", "unit_closure", "audit_log"];
    const snapshot = await Promise.all(
      tables.map((n) => t.client.execute(`select * from ${n} order by 1, 2`).then((r) => JSON.stringify(r.rows))),
    );
    const again = await upload("", GOOD);
    expect(await again.json()).toEqual({ rows: 4, added: 0, changed: 0, unchanged: 4 });
    const after = await Promise.all(
      tables.map((n) => t.client.execute(`select * from ${n} order by 1, 2`).then((r) => JSON.stringify(r.rows))),
    );
    expect(after).toEqual(snapshot);
  });

  it("reports every bad row with its line and reason, and writes nothing", async () => {
    const bad = [
      HEADER,
      "500104007000,新街道,subdistrict,500104000000,,,", // 2: fine
      "500104007001,孤儿社区,community,500104999000,,,", // 3: unknown parent
      "500104007000,重复街道,subdistrict,500104000000,,,", // 4: duplicate code
      "500104007000X,坏代码,community,500104007000,,,", // 5: not 12 digits for a community
      "500110007001,错前缀社区,community,500104007000,,,", // 6: prefix differs from its subdistrict
      "500104400000,越界街道,subdistrict,500104000000,,,", // 7: township 400 is past 399
      "500104008000,甲街道,subdistrict,500104008001,,,", // 8: cycle with line 9
      "500104008001,乙社区,community,500104008000,,,", // 9: cycle
      "500104007002,没类型,village,500104007000,,,", // 10: unknown kind
      "500104007003,负户数,community,500104007000,-5,,", // 11: bad number
      "500104001000,新山村街道,community,500104001000,,,", // 12: its own parent (cycle)
    ].join("\r\n");
    const before = await countRows(t, "units");
    const preview = await (await upload("/preview", bad)).json();
    const got = preview.errors.map((e: { line: number; reason: string }) => [e.line, e.reason]);
    expect(got).toEqual([
      [3, "unknown_parent"],
      [4, "duplicate_code"],
      [5, "code_level"],
      [6, "code_level"],
      [7, "code_level"],
      [8, "cycle"],
      [9, "cycle"],
      [10, "invalid_field"],
      [11, "invalid_field"],
      [12, "cycle"],
    ]);
    expect(preview.errors[1].message).toContain("第 2 行");
    const res = await upload("", bad);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("import_invalid");
    expect(body.error.issues).toHaveLength(10);
    expect(await countRows(t, "units")).toBe(before);
    expect(await countRows(t, "audit_log", "action = 'units.import'")).toBe(0);
  });

  it("accepts kinds written in Chinese, as offices fill in a template with Chinese headers", async () => {
    const csv = [
      "代码,名称,类型,上级代码,户数,人口,样本量",
      "500104007000,新街道,街道,500104000000,,,",
      "500104007001,新社区,社区,500104007000,1200,3000,60",
      "500104007201,新村,村,500104007000,800,2000,40",
      "500104S77,新学校,学校,500104000000,,,",
    ].join("\n");
    const plan = await (await upload("/preview", csv)).json();
    expect(plan.errors).toEqual([]);
    expect(plan.adds.map((u: { code: string; kind: string }) => [u.code, u.kind])).toEqual([
      ["500104007000", "subdistrict"],
      ["500104007001", "community"],
      ["500104007201", "community"],
      ["500104S77", "school"],
    ]);
    expect((await upload("", csv)).status).toBe(200);
    const kinds = (await t.client.execute("select kind from units where code in ('500104007001', '500104S77') order by code")).rows;
    expect(kinds.map((r) => r.kind)).toEqual(["community", "school"]);
  });

  it("counts a row with an error only as an error, never under 将新增 or 将修改", async () => {
    const csv = [
      HEADER,
      "500104007000,新街道,subdistrict,500104000000,,,", // 2: fine
      "500104007001,孤儿社区,community,500104999000,,,", // 3: unknown parent
      "500104401000,越界街道,subdistrict,500104000000,,,", // 4: township 401 is past 399
      "500104001001,民主社区（坏）,community,500110001000,,,", // 5: stored unit moved under an unknown parent
    ].join("\n");
    const plan = await (await upload("/preview", csv)).json();
    expect(plan.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
    expect(plan.adds.map((u: { code: string }) => u.code)).toEqual(["500104007000"]);
    expect(plan).toMatchObject({ added: 1, changed: 0, unchanged: 0 });
  });

  it("lists every problem of a row at once, the code's shape among them", async () => {
    const csv = [HEADER, "5001040A7001,坏社区,community,500104001000,-3,,"].join("\n");
    const plan = await (await upload("/preview", csv)).json();
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0].reason).toBe("invalid_field");
    expect(plan.errors[0].message).toContain("12 位数字");
    expect(plan.errors[0].message).toContain("非负整数");
  });

  it("moves a unit to another parent and rebuilds the closure of its whole subtree", async () => {
    // A school zone under 大渡口区, then a school moved into it: schools may move between parents.
    const first = [HEADER, "DDK-Z1,大渡口一学区,school_zone,500104000000,,,", `${DEMO.school},大渡口区实验小学,school,DDK-Z1,,,60`].join(
      "\n",
    );
    expect((await upload("", first)).status).toBe(200);
    expect(await storedClosure()).toEqual(await expectedClosure());
    // Then the whole zone (with its school) moves up to the city.
    const second = [HEADER, "DDK-Z1,大渡口一学区,school_zone,500000000000,,,"].join("\n");
    const res = await (await upload("", second)).json();
    expect(res).toMatchObject({ changed: 1 });
    expect(await storedClosure()).toEqual(await expectedClosure());
    const lineage = (
      await t.client.execute(`select ancestor from unit_closure where descendant = '${DEMO.school}' order by depth`)
    ).rows.map((r) => r.ancestor);
    expect(lineage).toEqual([DEMO.school, "DDK-Z1", DEMO.city]);
  });

  it("moves the responses of a moved school to its new ancestors' rates, in the same transaction", async () => {
    const answers = validAnswers("parent");
    const now = new Date().toISOString();
    const body = {
      id: crypto.randomUUID(),
      surveyId: "parent",
      surveyVersion: 1,
      channel: "interview",
      answers,
      startedAt: now,
      completedAt: now,
      deviceId: "tab",
      unitCode: DEMO.school,
    };
    const sent = await t.request("/api/v1/responses", { method: "POST", cookie: admin, json: body });
    expect(sent.status, await sent.clone().text()).toBe(201);
    const respondents = async (unit: string) => {
      const res = await (await t.request(`/api/v1/rates?unit=${unit}`, { cookie: admin })).json();
      return Math.max(0, ...Object.values(res.metrics as Record<string, { respondents: number }>).map((m) => m.respondents));
    };
    const before = await respondents(DEMO.dadukou);
    expect(before).toBeGreaterThan(0);
    // A new school zone under 大渡口区 and the school moved into it, in one file.
    const res = await upload(
      "",
      [HEADER, "DDK-Z9,大渡口九学区,school_zone,500104000000,,,", `${DEMO.school},大渡口区实验小学,school,DDK-Z9,,,60`].join("\n"),
    );
    expect(await res.json()).toMatchObject({ added: 1, changed: 1 });
    expect(await respondents("DDK-Z9")).toBe(before);
    expect(await respondents(DEMO.dadukou)).toBe(before);
    // Then the zone moves up to the city: 大渡口区 no longer holds the response.
    await upload("", [HEADER, "DDK-Z9,大渡口九学区,school_zone,500000000000,,,"].join("\n"));
    expect(await respondents(DEMO.dadukou)).toBe(0);
    expect(await respondents(DEMO.city)).toBe(before);
    const incremental = JSON.stringify((await t.client.execute("select * from rollups order by key")).rows);
    await rebuildRollups(t.db, t.app.services.registry);
    expect(JSON.stringify((await t.client.execute("select * from rollups order by key")).rows)).toEqual(incremental);
  });

  it("reads XLSX, GBK CSV and Chinese headers", async () => {
    const rows = [
      ["代码", "名称", "类型", "上级代码", "户数", "人口", "样本量"],
      ["500104006000", "八桥镇", "subdistrict", "500104000000", null, null, null],
      [500104006001, "八桥社区", "community", "500104006000", 1800, 4600, 80],
    ];
    const xlsx = await writeXlsxFile(rows.map((r) => r.map((v) => (v === null ? null : { value: v }))) as never).toBuffer();
    const res = await upload("", new Uint8Array(xlsx), admin, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ added: 2 });

    // "500104006000,八桥镇,subdistrict,500104000000,,," as Excel on a Chinese Windows saves it (GBK).
    const gbkRow = [
      53, 48, 48, 49, 48, 52, 48, 48, 54, 48, 48, 48, 44, 176, 203, 199, 197, 213, 242, 44, 115, 117, 98, 100, 105, 115, 116, 114, 105, 99,
      116, 44, 53, 48, 48, 49, 48, 52, 48, 48, 48, 48, 48, 48, 44, 44, 44,
    ];
    const gbk = new Uint8Array([...Buffer.from(`${HEADER}\n`), ...gbkRow]);
    expect(await (await upload("/preview", gbk)).json()).toMatchObject({ unchanged: 1, errors: [] });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(`${HEADER}\n500104006000,八桥镇,subdistrict,500104000000,,,`)]);
    expect(await (await upload("/preview", bom)).json()).toMatchObject({ unchanged: 1, errors: [] });
  });

  it("is admin-only, and an admin's file must stay inside their scope", async () => {
    const office = await t.createUser(admin, { username: "office1", password: "office-pass-1", role: "office", scope: DEMO.dadukou });
    expect((await upload("", GOOD, office)).status).toBe(403);
    expect((await upload("", GOOD, "")).status).toBe(401);
    const ddkAdmin = await t.createUser(admin, { username: "ddkadmin", password: "admin-pass-2", role: "admin", scope: DEMO.dadukou });
    const outside = [HEADER, "500110009000,外区街道,subdistrict,500110000000,,,"].join("\n");
    const plan = await (await upload("/preview", outside, ddkAdmin)).json();
    expect(plan.errors.map((e: { reason: string }) => e.reason)).toEqual(["out_of_scope"]);
    // A stored unit of another district, even left where it is, is not the admin's to name.
    const theirs = [HEADER, "500110002000,文龙街道,subdistrict,500110000000,,,"].join("\n");
    const refused = await (await upload("/preview", theirs, ddkAdmin)).json();
    expect(refused).toMatchObject({ unchanged: 0, changed: 0, changes: [], errors: [{ line: 2, reason: "out_of_scope" }] });
    expect((await upload("", "", admin)).status).toBe(400);
    expect((await upload("", "foo,bar\n1,2")).status).toBe(422);
  });

  it("imports a 50,000-unit city correctly (timing is in docs/benchmarks.md, bench/import.ts)", { timeout: 180_000 }, async () => {
    const csv = buildHierarchyCsv({ districts: 10, subdistricts: 25, communities: 200 });
    expect(csv.units).toBeGreaterThanOrEqual(50_000);
    const res = await upload("", csv.text);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ added: csv.units, changed: 0 });
    const units = await countRows(t, "units");
    expect(await countRows(t, "units", "code like '9%'")).toBe(csv.units);
    // Closure: every new unit has exactly as many rows as its depth + 1 (city 1 .. community 4).
    expect(await countRows(t, "unit_closure", "descendant like '9%'")).toBe(csv.closureRows);
    expect(await countRows(t, "unit_closure", "depth = 0")).toBe(units);
    const again = await (await upload("", csv.text)).json();
    expect(again).toMatchObject({ added: 0, changed: 0, unchanged: csv.units });
  });
});
