import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTarget, itInProcess, type Target } from "../helpers/target";
import { ADMIN_PASSWORD, manualClock } from "../helpers/test-app";
import { countRows, DEMO } from "../helpers/fixtures";

/** Sign-in is what this file tests: every app here hashes passwords at the production cost. */
const target = (options: Parameters<typeof createTarget>[0] = {}) => createTarget({ ...options, productionPasswordCost: true });

let t: Target;
beforeEach(async () => {
  t = await target();
});
afterEach(() => t.close());

const login = (username: string, password: string) => t.request("/api/v1/auth/login", { method: "POST", json: { username, password } });

describe("auth", () => {
  it("bootstraps one admin scoped to the root unit with ADMIN_PASSWORD", async () => {
    expect(t.boot.admin).toEqual({ username: "admin", password: ADMIN_PASSWORD, generated: false });
    const res = await login("admin", ADMIN_PASSWORD);
    expect(res.status).toBe(200);
    // Beside the user: no password change due (PASSWORD_MAX_AGE_DAYS is off) and the idle timeout.
    expect(await res.json()).toEqual({
      user: { username: "admin", role: "admin", scope: DEMO.city },
      passwordExpired: false,
      idleMinutes: 24 * 60,
    });
  });

  it("sets an HttpOnly, SameSite=Lax session cookie, not Secure over plain http", async () => {
    const res = await login("admin", ADMIN_PASSWORD);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^cw_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  itInProcess("marks the cookie Secure behind https", async () => {
    t.close();
    t = await target({ env: { PUBLIC_URL: "https://survey.example.cn" } });
    const res = await login("admin", ADMIN_PASSWORD);
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("refuses a wrong password, an unknown user and a disabled user with the same 401", async () => {
    const wrong = await login("admin", "not-the-password");
    const unknown = await login("nobody", ADMIN_PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    await t.client.execute("update users set disabled = 1 where username = 'admin'");
    expect((await login("admin", ADMIN_PASSWORD)).status).toBe(401);
    expect(await countRows(t, "sessions")).toBe(0);
  });

  it("verifies at most LOGIN_MAX_FAILURES of 20 concurrent wrong passwords from one address; the rest get 429", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login("admin", `wrong-password-${i}`)));
    const limit = t.config.LOGIN_MAX_FAILURES;
    expect(answers.filter((r) => r.status === 401)).toHaveLength(limit);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(20 - limit);
    const refused = answers.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("too_many_attempts");
    // The right password from here waits its turn too: it is not checked early.
    expect((await login("admin", ADMIN_PASSWORD)).status).toBe(429);
  });

  it("lets the admin in from an address it signed in from while a stranger elsewhere is held", async () => {
    await t.login();
    const stranger = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.request("/api/v1/auth/login", { method: "POST", json: { username: "admin", password: `guess-${i}-pw` }, ip: `192.0.2.${i + 1}` }),
      ),
    );
    expect(stranger.filter((r) => r.status === 401).length).toBeLessThanOrEqual(4 * t.config.LOGIN_MAX_FAILURES);
    expect(stranger.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    expect((await login("admin", ADMIN_PASSWORD)).status).toBe(200);
  });

  it("answers me with the user, and 401 after logout", async () => {
    const cookie = await t.login();
    const me = await t.request("/api/v1/auth/me", { cookie });
    expect(me.status).toBe(200);
    expect((await me.json()).user.username).toBe("admin");
    const out = await t.request("/api/v1/auth/logout", { method: "POST", cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get("set-cookie")).toMatch(/cw_session=;/);
    expect((await t.request("/api/v1/auth/me", { cookie })).status).toBe(401);
    expect((await t.request("/api/v1/auth/me")).status).toBe(401);
  });

  it("stores only a hash of the session token and PBKDF2 password hashes", async () => {
    const cookie = await t.login();
    const token = cookie.split("=")[1]!;
    const sessions = await t.client.execute("select id from sessions");
    expect(sessions.rows.map((r) => r.id)).not.toContain(token);
    const users = await t.client.execute("select password_hash from users");
    expect(String(users.rows[0]!.password_hash)).toMatch(/^pbkdf2\$sha256\$100000\$/);
    // Accounts an admin creates get the same cost (the app's default; tests elsewhere lower it).
    await t.createUser(cookie, { username: "hashed1", password: "hashed-pass-1", role: "office", scope: DEMO.city });
    const created = await t.client.execute("select password_hash from users where username = 'hashed1'");
    expect(String(created.rows[0]!.password_hash)).toMatch(/^pbkdf2\$sha256\$100000\$/);
  });

  itInProcess("expires sessions after the idle and the absolute limit", async () => {
    const clock = manualClock();
    t.close();
    t = await target({ clock, env: { SESSION_IDLE_HOURS: "2", SESSION_TTL_HOURS: "5" } });
    const cookie = await t.login();
    for (let hour = 0; hour < 4; hour++) {
      clock.advance(60 * 60_000 + 1);
      expect((await t.request("/api/v1/auth/me", { cookie })).status).toBe(200);
    }
    clock.advance(60 * 60_000 + 1);
    expect((await t.request("/api/v1/auth/me", { cookie })).status).toBe(401);

    const idle = await t.login();
    clock.advance(2 * 60 * 60_000 + 1);
    expect((await t.request("/api/v1/auth/me", { cookie: idle })).status).toBe(401);
  });

  it("refuses a forged cookie", async () => {
    const res = await t.request("/api/v1/auth/me", { cookie: `cw_session=${"A".repeat(43)}` });
    expect(res.status).toBe(401);
  });

  it("does not create a second admin on a later start", async () => {
    const { bootstrapAdmin } = await import("../../server/services/auth/users");
    expect(await bootstrapAdmin(t.db, DEMO.city, "another-password", new Date())).toBeNull();
    expect(await countRows(t, "users")).toBe(1);
  });

  itInProcess("generates and returns a password when ADMIN_PASSWORD is not set", async () => {
    t.close();
    t = await target({ env: { ADMIN_PASSWORD: "" } });
    expect(t.boot.admin?.generated).toBe(true);
    expect(t.boot.admin!.password.length).toBeGreaterThanOrEqual(16);
    expect((await login("admin", t.boot.admin!.password)).status).toBe(200);
  });
});

describe("POST /api/v1/users", () => {
  it("lets an admin create users of every role within their scope (201) who can then log in", async () => {
    const admin = await t.login();
    for (const role of ["admin", "office", "interviewer"] as const) {
      const res = await t.request("/api/v1/users", {
        method: "POST",
        cookie: admin,
        json: { username: `u-${role}`, password: "password-123", role, scope: DEMO.dadukou },
      });
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ user: { username: `u-${role}`, role, scope: DEMO.dadukou } });
      expect((await login(`u-${role}`, "password-123")).status).toBe(200);
    }
  });

  it("answers 401 without a session and 403 for office and interviewer users", async () => {
    const body = { username: "x1", password: "password-123", role: "office", scope: DEMO.dadukou };
    expect((await t.request("/api/v1/users", { method: "POST", json: body })).status).toBe(401);
    const admin = await t.login();
    const office = await t.createUser(admin, { username: "o1", password: "password-123", role: "office", scope: DEMO.dadukou });
    const interviewer = await t.createUser(admin, {
      username: "i1",
      password: "password-123",
      role: "interviewer",
      scope: DEMO.xinshancun,
    });
    for (const cookie of [office, interviewer]) {
      expect((await t.request("/api/v1/users", { method: "POST", json: body, cookie })).status).toBe(403);
    }
  });

  it("refuses a taken name (409), an unknown scope (422), a scope outside the admin's (403) and bad fields (422)", async () => {
    const admin = await t.login();
    const post = (json: unknown, cookie = admin) => t.request("/api/v1/users", { method: "POST", json, cookie });
    const ok = { username: "dup", password: "password-123", role: "office", scope: DEMO.dadukou };
    expect((await post(ok)).status).toBe(201);
    expect((await post(ok)).status).toBe(409);
    expect((await post({ ...ok, username: "n2", scope: "123456789012" })).status).toBe(422);
    const districtAdmin = await t.createUser(admin, { username: "dadmin", password: "password-123", role: "admin", scope: DEMO.dadukou });
    const res = await post({ ...ok, username: "n3", scope: DEMO.qijiang }, districtAdmin);
    expect(res.status).toBe(403);
    // The password policy's refusal names its rule (server/services/auth/password-policy.ts).
    const weak = await post({ ...ok, username: "n4", password: "short" });
    expect(weak.status).toBe(422);
    expect((await weak.json()).error).toMatchObject({ code: "weak_password", message: expect.stringContaining("至少 10 位") });
    for (const bad of [
      { ...ok, username: "n5", role: "superuser" },
      { ...ok, username: "has space" },
      { ...ok, username: 42 },
    ]) {
      const r = await post(bad);
      expect(r.status).toBe(422);
      expect((await r.json()).error.code).toBe("invalid_request");
    }
    expect(await countRows(t, "users")).toBe(3);
  });
});
