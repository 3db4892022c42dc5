/** 等保 安全审计: who signed in from where, for admins of the users' scope (GET /admin/logins, 登录记录). */
import { afterEach, describe, expect, it } from "vitest";
import { maskAddress } from "../../../server/services/auth/login-events";
import { DEMO } from "../../helpers/fixtures";
import { ADMIN_PASSWORD, createTestApp, type TestApp } from "../../helpers/test-app";

let t: TestApp;
afterEach(() => t?.close());

const DEVICE = "login-device-0123456789";
const attempt = (username: string, password: string, ip: string, deviceId?: string) =>
  t.request("/api/v1/auth/login", { method: "POST", json: { username, password, deviceId }, ip });

interface Login {
  id: number;
  at: string;
  username: string;
  outcome: string;
  address: string;
  addressHash: string;
  deviceHash: string | null;
}
const logins = async (cookie: string, query = "") =>
  (await (await t.request(`/api/v1/admin/logins${query}`, { cookie })).json()).logins as Login[];

describe("masking", () => {
  it("keeps the network, never the host", () => {
    expect(maskAddress("10.5.1.23")).toBe("10.5.1.*");
    expect(maskAddress("::ffff:192.168.3.4")).toBe("192.168.3.*");
    expect(maskAddress("2001:db8:85a3::8a2e:370:7334")).toBe("2001:db8:85a3:*");
    expect(maskAddress("unknown")).toBe("*");
  });
});

describe("sign-in records", () => {
  it("records each outcome with a masked address and hashes, never the raw address, device id or password", async () => {
    t = await createTestApp({ env: { LOGIN_MAX_FAILURES: "2" } });
    const root = await t.login();
    await t.createUser(root, { username: "desk", password: "desk-pass-01", role: "office", scope: DEMO.dadukou });
    expect((await attempt("desk", "desk-pass-01", "10.5.1.23", DEVICE)).status).toBe(200);
    expect((await attempt("desk", "wrong-pass-1", "10.5.1.23")).status).toBe(401);
    expect((await attempt("nobody", "wrong-pass-1", "172.16.9.9")).status).toBe(401);
    expect((await attempt("desk", "wrong-pass-2", "10.7.0.1")).status).toBe(401);
    expect((await attempt("desk", "wrong-pass-3", "10.7.0.1")).status).toBe(401);
    expect((await attempt("desk", "wrong-pass-4", "10.7.0.1")).status).toBe(429);
    await t.request("/api/v1/users/desk", { method: "PATCH", cookie: root, json: { disabled: true } });
    expect((await attempt("desk", "desk-pass-01", "10.5.1.23")).status).toBe(401);

    const list = await logins(root, "?username=desk");
    expect(list.map((l) => [l.outcome, l.address])).toEqual([
      ["disabled", "10.5.1.*"],
      ["throttled", "10.7.0.*"],
      ["wrong_password", "10.7.0.*"],
      ["wrong_password", "10.7.0.*"],
      ["wrong_password", "10.5.1.*"],
      ["success", "10.5.1.*"],
      ["success", "127.0.0.*"], // t.createUser signs the new user in
    ]);
    expect(list[5]!.deviceHash).toMatch(/^device:[A-Za-z0-9_-]{22}$/);
    expect(list[5]!.addressHash).toBe(list[4]!.addressHash);
    expect(list[4]!.deviceHash).toBeNull();
    const unknown = await logins(root, "?outcome=unknown_user");
    expect(unknown.map((l) => [l.username, l.address])).toEqual([["nobody", "172.16.9.*"]]);

    const stored = JSON.stringify((await t.client.execute("select * from login_events")).rows);
    for (const raw of ["10.5.1.23", "172.16.9.9", "10.7.0.1", DEVICE, "wrong-pass", "desk-pass-01"]) expect(stored).not.toContain(raw);
  });

  it("an admin reads only the sign-ins of users in their scope; unknown names only at the root; others get 403", async () => {
    t = await createTestApp();
    const root = await t.login();
    const ddk = await t.createUser(root, { username: "ddk-admin", password: "ddk-admin-pass-1", role: "admin", scope: DEMO.dadukou });
    const office = await t.createUser(root, { username: "qj-office", password: "qj-office-pass-1", role: "office", scope: DEMO.qijiang });
    await attempt("ghost", "ghost-pass-1", "10.9.9.9");
    await attempt("admin", ADMIN_PASSWORD, "10.1.1.1");

    const names = (rows: Login[]) => [...new Set(rows.map((l) => l.username))].sort();
    expect(names(await logins(root))).toEqual(["admin", "ddk-admin", "ghost", "qj-office"]);
    expect(names(await logins(ddk))).toEqual(["ddk-admin"]);
    expect((await t.request("/api/v1/admin/logins", { cookie: office })).status).toBe(403);
    // Paging backwards by id.
    const [newest] = await logins(root, "?limit=1");
    const older = await logins(root, `?before=${newest!.id}&limit=500`);
    expect(older.every((l) => l.id < newest!.id)).toBe(true);
    expect(older.length + 1).toBe((await logins(root, "?limit=500")).length);
  });
});
