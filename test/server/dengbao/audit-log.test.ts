/** 等保 安全审计: the audit log cannot be changed or deleted, and an admin exports their scope's part. */
import { afterEach, describe, expect, it } from "vitest";
import { readSheet } from "read-excel-file/node";
import { countRows, DEMO } from "../../helpers/fixtures";
import { createTestApp, type TestApp } from "../../helpers/test-app";

let t: TestApp;
afterEach(() => t?.close());

describe("append-only", () => {
  it("SQLite refuses UPDATE and DELETE on audit_log (triggers), whoever asks; INSERT still works", async () => {
    t = await createTestApp();
    const admin = await t.login();
    await t.createUser(admin, { username: "log-me", password: "log-me-pass-1", role: "office", scope: DEMO.dadukou });
    const before = (await t.client.execute("select * from audit_log order by id")).rows;
    expect(before.length).toBeGreaterThan(0);
    await expect(t.client.execute("update audit_log set actor = 'someone-else'")).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(t.client.execute("delete from audit_log")).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.client.execute(`delete from audit_log where id = ${Number(before[0]!.id)}`)).rejects.toThrow(/append-only/);
    expect((await t.client.execute("select * from audit_log order by id")).rows).toEqual(before);
    await t.createUser(admin, { username: "log-me-2", password: "log-me-pass-2", role: "office", scope: DEMO.dadukou });
    expect(await countRows(t, "audit_log")).toBe(before.length + 1);
  });
});

describe("GET /admin/audit/export", () => {
  async function setup() {
    t = await createTestApp();
    const root = await t.login();
    // A city-wide entry (root only) and entries inside 大渡口区 and 綦江区.
    await t.createUser(root, { username: "ddk-admin", password: "ddk-admin-pass-1", role: "admin", scope: DEMO.dadukou });
    await t.createUser(root, { username: "qj-office", password: "qj-office-pass-1", role: "office", scope: DEMO.qijiang });
    const ddk = await t.login("ddk-admin", "ddk-admin-pass-1");
    await t.createUser(ddk, { username: "ddk-office", password: "ddk-office-pass-1", role: "office", scope: DEMO.xinshancun });
    return { root, ddk };
  }
  const csvRows = async (res: Response) => {
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel and WPS need
    return new TextDecoder().decode(bytes).trimEnd().split("\r\n");
  };

  it("CSV of the admin's scope only, newest first, with the list's filters; same rows as GET /admin/audit", async () => {
    const { root, ddk } = await setup();
    const res = await t.request("/api/v1/admin/audit/export?format=csv", { cookie: ddk });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.csv"; filename\*=UTF-8''/);
    const lines = await csvRows(res);
    expect(lines[0]).toBe("id,at,actor,action,target,scope_unit,before,after");
    const list = (await (await t.request("/api/v1/admin/audit?limit=500", { cookie: ddk })).json()).entries as {
      id: number;
      target: string;
    }[];
    expect(lines.slice(1).map((l) => Number(l.split(",")[0]))).toEqual(list.map((e) => e.id));
    const targets = list.map((e) => e.target);
    expect(targets).toContain("ddk-office");
    expect(targets).toContain("ddk-admin");
    expect(targets).not.toContain("qj-office");

    // The export is itself in the log (and so in its own file): who, which format, which filters.
    const own = lines.find((l) => l.includes(",audit.export,"));
    expect(own).toContain(",ddk-admin,audit.export,csv,");
    expect(own).toContain(DEMO.dadukou);

    const filtered = await csvRows(await t.request("/api/v1/admin/audit/export?action=users.create&actor=ddk-admin", { cookie: root }));
    expect(filtered.length).toBe(2);
    expect(filtered[1]).toContain(",ddk-admin,users.create,ddk-office,");
  });

  it("XLSX: one sheet, the same rows", async () => {
    const { root } = await setup();
    const res = await t.request("/api/v1/admin/audit/export?format=xlsx", { cookie: root });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const rows = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(rows[0]).toEqual(["id", "at", "actor", "action", "target", "scope_unit", "before", "after"]);
    expect(rows.length - 1).toBe(await countRows(t, "audit_log"));
    expect(rows.map((r) => r[4])).toContain("qj-office");
  });

  it("refuses a bad format (422) and non-admins (403)", async () => {
    const { root } = await setup();
    expect((await t.request("/api/v1/admin/audit/export?format=pdf", { cookie: root })).status).toBe(422);
    const office = await t.login("qj-office", "qj-office-pass-1");
    expect((await t.request("/api/v1/admin/audit/export", { cookie: office })).status).toBe(403);
  });
});
