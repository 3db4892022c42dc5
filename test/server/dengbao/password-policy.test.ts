/**
 * 等保 身份鉴别: the password policy (PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES, PASSWORD_HISTORY,
 * PASSWORD_MAX_AGE_DAYS) on every way a password is set, and the expiry at sign-in.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import { shippedSurveys } from "../../../surveys/index";
import { loadConfig } from "../../../server/config";
import { createDatabase } from "../../../server/db/client";
import { migrateDatabase } from "../../../server/db/migrate";
import { assertPasswordStrong, characterClasses, passwordPolicy } from "../../../server/services/auth/password-policy";
import { bootstrapDatabase } from "../../../server/services/setup/bootstrap";
import { countRows, DEMO } from "../../helpers/fixtures";
import { createTestApp, manualClock, type TestApp } from "../../helpers/test-app";

let t: TestApp;
afterEach(() => t?.close());

const DEFAULTS = passwordPolicy(loadConfig({}));

describe("the rule", () => {
  it("defaults to 10 characters of 3 classes, no reuse of the last 5, no expiry", () => {
    expect(DEFAULTS).toEqual({ minLength: 10, minClasses: 3, history: 5, maxAgeDays: 0 });
  });

  it("counts lower, upper, digit and symbol; refuses short or simple passwords with the rule in Chinese", () => {
    expect([characterClasses("abc"), characterClasses("abC1"), characterClasses("aB1-"), characterClasses("密码密码")]).toEqual([
      1, 3, 4, 1,
    ]);
    for (const ok of ["office-pass-1", "Abcdefgh12", "password-123"]) expect(() => assertPasswordStrong(ok, DEFAULTS)).not.toThrow();
    expect(() => assertPasswordStrong("aB1-aB1-a", DEFAULTS)).toThrow(/密码太短：密码至少 10 位/);
    expect(() => assertPasswordStrong("bench-password", DEFAULTS)).toThrow(/密码太简单.*至少包含小写字母、大写字母、数字、符号中的 3 类/);
    expect(() => assertPasswordStrong("12345678901", DEFAULTS)).toThrow(/密码太简单/);
  });
});

describe("applied on create, admin reset and own change (422, nothing stored)", () => {
  const post = (path: string, cookie: string, json: unknown) => t.request(path, { method: "POST", cookie, json });

  it("creating a user with a weak password is refused and leaves no user and no audit entry", async () => {
    t = await createTestApp();
    const admin = await t.login();
    const [users, audit] = [await countRows(t, "users"), await countRows(t, "audit_log")];
    const res = await post("/api/v1/users", admin, { username: "weak", password: "bench-password", role: "office", scope: DEMO.dadukou });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: "weak_password", message: expect.stringContaining("3 类") });
    expect([await countRows(t, "users"), await countRows(t, "audit_log")]).toEqual([users, audit]);
  });

  it("own change: refuses weak and recently used passwords (the last N, current included), accepts the (N+1)th back", async () => {
    t = await createTestApp({ env: { PASSWORD_HISTORY: "3" } });
    const admin = await t.login();
    const wang = await t.createUser(admin, { username: "wang", password: "first-pass-1", role: "office", scope: DEMO.dadukou });
    let current = "first-pass-1";
    const change = async (next: string) => {
      const res = await post("/api/v1/auth/password", wang, { currentPassword: current, newPassword: next });
      if (res.status === 200) current = next;
      return res;
    };
    const weak = await change("short-1");
    expect([weak.status, (await weak.json()).error.code]).toEqual([422, "weak_password"]);
    const same = await change("first-pass-1");
    expect(same.status).toBe(422);
    expect((await same.json()).error).toEqual({ code: "password_reused", message: "新密码不能与最近 3 次用过的密码相同" });
    expect((await change("second-pass-2")).status).toBe(200);
    expect((await change("third-pass-3")).status).toBe(200);
    expect((await change("first-pass-1")).status).toBe(422); // still among the last 3
    expect((await change("fourth-pass-4")).status).toBe(200);
    expect((await change("first-pass-1")).status).toBe(200); // 4 changes ago: allowed again
    expect(await countRows(t, "password_history", `user_id = (select id from users where username = 'wang')`)).toBe(3);
  });

  it("admin reset: weak and reused passwords are refused (no sessions end, nothing audited); a good one works", async () => {
    t = await createTestApp();
    const admin = await t.login();
    const li = await t.createUser(admin, { username: "li", password: "li-pass-0001", role: "office", scope: DEMO.dadukou });
    const audit = await countRows(t, "audit_log", "action = 'users.reset_password'");
    for (const [password, code] of [
      ["lipassword", "weak_password"],
      ["li-pass-0001", "password_reused"],
    ]) {
      const res = await post("/api/v1/users/li/password", admin, { password });
      expect([res.status, (await res.json()).error.code]).toEqual([422, code]);
    }
    expect(await countRows(t, "audit_log", "action = 'users.reset_password'")).toBe(audit);
    expect((await t.request("/api/v1/auth/me", { cookie: li })).status).toBe(200);
    expect((await post("/api/v1/users/li/password", admin, { password: "li-pass-0002" })).status).toBe(200);
    await t.login("li", "li-pass-0002");
  });

  it("the rules are public for the forms' hints", async () => {
    t = await createTestApp({ env: { PASSWORD_MIN_LENGTH: "12", SESSION_IDLE_MINUTES: "30" } });
    const res = await t.request("/api/v1/auth/password-policy");
    expect(await res.json()).toEqual({
      minLength: 12,
      minClasses: 3,
      history: 5,
      maxAgeDays: 0,
      text: "密码至少 12 位，且至少包含小写字母、大写字母、数字、符号中的 3 类；不能与最近 5 次用过的密码相同",
      idleMinutes: 30,
    });
  });
});

describe("expiry (PASSWORD_MAX_AGE_DAYS)", () => {
  it("past the age the login says so and every role-gated route answers 403 password_expired until it is changed", async () => {
    const clock = manualClock();
    t = await createTestApp({ clock, env: { PASSWORD_MAX_AGE_DAYS: "90" } });
    const admin = await t.login();
    await t.createUser(admin, { username: "zhao", password: "zhao-pass-01", role: "office", scope: DEMO.dadukou });
    const login = () => t.request("/api/v1/auth/login", { method: "POST", json: { username: "zhao", password: "zhao-pass-01" } });
    const fresh = await login();
    expect((await fresh.json()).passwordExpired).toBe(false);

    clock.advance(90 * 86_400_000);
    const late = await login();
    expect(late.status).toBe(200);
    expect((await late.json()).passwordExpired).toBe(true);
    const cookie = late.headers.get("set-cookie")!.split(";")[0]!;
    const rates = await t.request(`/api/v1/rates?unit=${DEMO.dadukou}&survey=resident`, { cookie });
    expect(rates.status).toBe(403);
    expect((await rates.json()).error.code).toBe("password_expired");
    expect((await (await t.request("/api/v1/auth/me", { cookie })).json()).passwordExpired).toBe(true);

    const change = await t.request("/api/v1/auth/password", {
      method: "POST",
      cookie,
      json: { currentPassword: "zhao-pass-01", newPassword: "zhao-pass-02" },
    });
    expect(change.status).toBe(200);
    expect((await (await t.request("/api/v1/auth/me", { cookie })).json()).passwordExpired).toBe(false);
    expect((await t.request(`/api/v1/rates?unit=${DEMO.dadukou}&survey=resident`, { cookie })).status).toBe(200);
  });
});

describe("the first admin (ADMIN_PASSWORD)", () => {
  async function boot(env: Record<string, string>) {
    const client = createClient({ url: ":memory:" });
    const db = createDatabase(client);
    await migrateDatabase(db, { embedded: false });
    try {
      return await bootstrapDatabase(db, loadConfig(env), shippedSurveys, new Date(), { passwordIterations: 1000 });
    } finally {
      client.close();
    }
  }

  it("refuses to start with a weak ADMIN_PASSWORD, naming the setting and the rule", async () => {
    await expect(boot({ ADMIN_PASSWORD: "admin-password" })).rejects.toThrow(/ADMIN_PASSWORD does not meet the password policy.*3 类/);
  });

  it("a generated password meets the policy, even one asking for all four classes", async () => {
    const envs: Record<string, string>[] = [{}, { PASSWORD_MIN_CLASSES: "4", PASSWORD_MIN_LENGTH: "20" }];
    for (const env of envs) {
      const result = await boot(env);
      expect(result.admin?.generated).toBe(true);
      expect(() => assertPasswordStrong(result.admin!.password, passwordPolicy(loadConfig(env)))).not.toThrow();
    }
  });
});
