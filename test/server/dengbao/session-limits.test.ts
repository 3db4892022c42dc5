/** 等保 访问控制 / 身份鉴别: at most SESSION_MAX_PER_USER sessions per user, and the idle timeout in minutes. */
import { afterEach, describe, expect, it } from "vitest";
import { countRows, DEMO } from "../../helpers/fixtures";
import { createTestApp, manualClock, type TestApp } from "../../helpers/test-app";

let t: TestApp;
afterEach(() => t?.close());

const me = async (cookie: string) => (await t.request("/api/v1/auth/me", { cookie })).status;

describe("sessions per user", () => {
  it("one sign-in past the limit ends that user's oldest session, and nobody else's", async () => {
    t = await createTestApp({ env: { SESSION_MAX_PER_USER: "2" } });
    const root = await t.login();
    const office = await t.createUser(root, { username: "desk", password: "desk-pass-01", role: "office", scope: DEMO.dadukou });
    const second = await t.login("desk", "desk-pass-01");
    expect([await me(office), await me(second)]).toEqual([200, 200]);
    const third = await t.login("desk", "desk-pass-01");
    expect([await me(office), await me(second), await me(third)]).toEqual([401, 200, 200]);
    expect(await countRows(t, "sessions", "user_id = (select id from users where username = 'desk')")).toBe(2);
    expect(await me(root)).toBe(200);
  });

  it("defaults to 5; 0 lifts the limit", async () => {
    t = await createTestApp();
    const cookies = [];
    for (let i = 0; i < 6; i++) cookies.push(await t.login());
    expect(await Promise.all(cookies.map(me))).toEqual([401, 200, 200, 200, 200, 200]);
    t.close();
    t = await createTestApp({ env: { SESSION_MAX_PER_USER: "0" } });
    const many = [];
    for (let i = 0; i < 7; i++) many.push(await t.login());
    expect((await Promise.all(many.map(me))).every((s) => s === 200)).toBe(true);
  });
});

describe("idle timeout in minutes (SESSION_IDLE_MINUTES)", () => {
  it("a session used every 29 minutes lives on; 30 idle minutes end it; the answers say the limit", async () => {
    const clock = manualClock();
    t = await createTestApp({ clock, env: { SESSION_IDLE_MINUTES: "30" } });
    const res = await t.request("/api/v1/auth/login", { method: "POST", json: { username: "admin", password: "admin-password-1" } });
    expect((await res.json()).idleMinutes).toBe(30);
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    for (let i = 0; i < 3; i++) {
      clock.advance(29 * 60_000);
      expect(await me(cookie)).toBe(200);
    }
    clock.advance(30 * 60_000);
    expect(await me(cookie)).toBe(401);
  });
});
