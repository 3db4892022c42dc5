import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countRows, DEMO } from "../../helpers/fixtures";
import { ADMIN_PASSWORD, createTestApp, type TestApp } from "../../helpers/test-app";

let t: TestApp;
afterEach(() => t.close());

describe("CSRF: cookie-authenticated writes must come from our own origin", () => {
  let admin: string;
  beforeEach(async () => {
    t = await createTestApp();
    admin = await t.login();
  });

  /** A raw request: no Origin is added for us, so each case says exactly what a browser would send. */
  const write = (headers: Record<string, string>) =>
    t.app.request("/api/v1/posters", {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ unitCode: DEMO.community, surveyId: "resident" }),
    });

  it("accepts a matching Origin or Sec-Fetch-Site: same-origin", async () => {
    expect((await write({ cookie: admin, origin: "http://localhost" })).status).toBe(201);
    expect((await write({ cookie: admin, "sec-fetch-site": "same-origin" })).status).toBe(201);
  });

  it("refuses a foreign Origin, a cross-site or same-site fetch, and a cookie write with neither header", async () => {
    const before = await countRows(t, "posters");
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example" },
      { origin: "null" },
      { "sec-fetch-site": "cross-site", origin: "http://localhost" },
      { "sec-fetch-site": "same-site" },
      {},
    ]) {
      const res = await write({ cookie: admin, ...headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.code).toBe("csrf_rejected");
    }
    expect(await countRows(t, "posters")).toBe(before);
  });

  it("leaves requests without the session cookie alone (QR posts, login) and never blocks reads", async () => {
    const login = await t.app.request("/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect((await t.app.request(`/api/v1/units/${DEMO.city}`, { headers: { cookie: admin, origin: "https://evil.example" } })).status).toBe(
      200,
    );
    // Without a cookie the write is simply unauthenticated: 401, not a CSRF error.
    expect((await write({ origin: "https://evil.example" })).status).toBe(401);
  });

  it("accepts PUBLIC_URL as our origin behind a proxy", async () => {
    t.close();
    t = await createTestApp({ env: { PUBLIC_URL: "https://cw.example.cn" } });
    admin = await t.login();
    expect((await write({ cookie: admin, origin: "https://cw.example.cn" })).status).toBe(201);
    expect((await write({ cookie: admin, origin: "https://other.example.cn" })).status).toBe(403);
  });
});

// Login throttling (per pair with growing delays, per username for unknown sources, per address)
// is tested through its attacks in test/server/login-throttle.test.ts.

describe("security headers", () => {
  it("sends a CSP and the usual hardening headers on API answers", async () => {
    t = await createTestApp();
    const res = await t.request("/api/v1/surveys");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
  });
});

describe("own password and admin user management", () => {
  it("lets every user change their own password with the current one; an admin disables and resets others", async () => {
    t = await createTestApp();
    const admin = await t.login();
    const office = await t.createUser(admin, { username: "wang", password: "wang-password-1", role: "office", scope: DEMO.dadukou });
    const change = (cookie: string, currentPassword: string, newPassword: string) =>
      t.request("/api/v1/auth/password", { method: "POST", cookie, json: { currentPassword, newPassword } });
    expect((await change(office, "not-it-at-all", "wang-password-2")).status).toBe(422);
    expect((await change(office, "wang-password-1", "wang-password-2")).status).toBe(200);
    expect((await change("", "wang-password-1", "wang-password-2")).status).toBe(401);
    await t.login("wang", "wang-password-2");

    const patch = (username: string, json: unknown, cookie = admin) =>
      t.request(`/api/v1/users/${username}`, { method: "PATCH", cookie, json });
    expect((await patch("wang", { role: "interviewer", scope: DEMO.xinshancun })).status).toBe(200);
    expect((await patch("wang", { disabled: true })).status).toBe(200);
    expect((await t.request("/api/v1/auth/me", { cookie: office })).status).toBe(401);
    expect((await patch("wang", { disabled: false })).status).toBe(200);
    const reset = await t.request("/api/v1/users/wang/password", { method: "POST", cookie: admin, json: { password: "reset-password-3" } });
    expect(reset.status).toBe(200);
    await t.login("wang", "reset-password-3");
    expect((await patch("admin", { disabled: true })).status).toBe(422);
    expect((await patch("nobody", { disabled: true })).status).toBe(404);

    const list = await (await t.request("/api/v1/users", { cookie: admin })).json();
    expect(list.users.find((u: { username: string }) => u.username === "wang")).toMatchObject({
      role: "interviewer",
      scope: DEMO.xinshancun,
      disabled: false,
    });
    const actions = (await t.client.execute("select action, target, before, after from audit_log order by id")).rows;
    expect(actions.map((r) => `${r.action}:${r.target}`)).toEqual([
      "users.create:wang",
      "auth.password_change:wang",
      "users.update:wang",
      "users.update:wang",
      "users.update:wang",
      "users.reset_password:wang",
    ]);
    expect(JSON.parse(String(actions[2]!.before))).toMatchObject({ role: "office", scope: DEMO.dadukou });
    expect(JSON.parse(String(actions[2]!.after))).toMatchObject({ role: "interviewer", scope: DEMO.xinshancun });
    expect(JSON.stringify(actions)).not.toContain("reset-password-3");
  });
});
