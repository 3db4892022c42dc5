/**
 * Login throttling (issue 11, holes 4 and 5, and the own-password check of hole 10), attacked
 * through the real app: tries are reserved in login_attempts before a password is verified, so
 * concurrent tries cannot verify more than the limits allow; and strangers cannot lock an owner
 * out of an address or device that signed in before, nor a shared address lock out its users.
 * Counts of 401 / 422 answers are the verifications (no other path answers them), independent of
 * timing; the stored counters are checked as well.
 */
import { afterEach, describe, expect, it } from "vitest";
import { countRows, DEMO } from "../helpers/fixtures";
import { ADMIN_PASSWORD, createTestApp, manualClock, type TestApp } from "../helpers/test-app";

let t: TestApp;
afterEach(() => t.close());

/** Verifications under concurrent tries are what this file counts: production hashing cost throughout. */
const createApp = (options: Parameters<typeof createTestApp>[0] = {}) => createTestApp({ ...options, productionPasswordCost: true });

const DEVICE = "owner-tablet-0123456789abcdef";

const attempt = (username: string, password: string, ip: string, deviceId?: string) =>
  t.request("/api/v1/auth/login", { method: "POST", json: deviceId ? { username, password, deviceId } : { username, password }, ip });

const statuses = (responses: Response[]) => responses.map((r) => r.status);
const tally = (list: number[]) => {
  const counts: Record<number, number> = {};
  for (const s of list) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
};

async function counters(): Promise<{ key: string; failures: number }[]> {
  const rs = await t.client.execute("select key, failures from login_attempts order by key");
  return rs.rows.map((r) => ({ key: String(r.key), failures: Number(r.failures) }));
}

const counter = async (prefix: string) => (await counters()).filter((r) => r.key.startsWith(prefix));

describe("hole 4: the attempt is reserved atomically before the password is verified", () => {
  it("60 concurrent tries from one address with the right password at position 12: 5 verified, no session", async () => {
    const clock = manualClock();
    t = await createApp({ clock });
    const tries = Array.from({ length: 60 }, (_, i) => attempt("admin", i === 12 ? ADMIN_PASSWORD : `wrong-password-${i}`, "10.4.0.1"));
    const answers = await Promise.all(tries);
    const list = statuses(answers);
    expect(tally(list)).toEqual({ 401: 5, 429: 55 });
    expect(list[12]).toBe(429);
    expect(answers[12]!.headers.get("set-cookie")).toBeNull();
    expect(await countRows(t, "sessions")).toBe(0);
    expect((await counter("pair:admin|")).map((r) => r.failures)).toEqual([5]);
    // The refused ones did not count: after the one-minute delay the owner's try passes.
    clock.advance(60_000);
    expect((await attempt("admin", ADMIN_PASSWORD, "10.4.0.1")).status).toBe(200);
  });

  it("100 concurrent wrong tries from one address are verified LOGIN_MAX_FAILURES times, the rest get 429 with Retry-After", async () => {
    t = await createApp({ env: { LOGIN_MAX_FAILURES: "5" } });
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt("admin", `wrong-${i}-password`, "10.4.0.2")));
    expect(tally(statuses(answers))).toEqual({ 401: 5, 429: 95 });
    const refused = answers.find((r) => r.status === 429)!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error).toMatchObject({ code: "too_many_attempts", message: expect.stringContaining("分钟后再试") });
    const stored = await counters();
    expect(stored.filter((r) => r.key.startsWith("pair:")).map((r) => r.failures)).toEqual([5]);
    expect(stored.filter((r) => r.key.startsWith("user:")).map((r) => r.failures)).toEqual([5]);
    expect(stored.filter((r) => r.key.startsWith("addr:")).map((r) => r.failures)).toEqual([5]);
  });

  it("100 concurrent wrong tries from 100 addresses are verified 4 × LOGIN_MAX_FAILURES times (the per-username cap)", async () => {
    t = await createApp({ env: { LOGIN_MAX_FAILURES: "5" } });
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => attempt("admin", `wrong-${i}-password`, `10.40.${i}.1`)));
    expect(tally(statuses(answers))).toEqual({ 401: 20, 429: 80 });
    expect((await counter("user:admin")).map((r) => r.failures)).toEqual([20]);
    // The right password from yet another unknown address is held too (it would otherwise be the 21st guess).
    expect((await attempt("admin", ADMIN_PASSWORD, "10.40.200.1")).status).toBe(429);
    expect(await countRows(t, "sessions")).toBe(0);
  });
});

describe("hole 5: strangers cannot lock anyone out", () => {
  it("a stranger's failures from many addresses do not stop the admin signing in from a known address or device", async () => {
    const clock = manualClock();
    t = await createApp({ clock });
    expect((await attempt("admin", ADMIN_PASSWORD, "10.5.0.1", DEVICE)).status).toBe(200);
    clock.advance(60 * 60_000);
    // The stranger: 60 wrong tries from 30 addresses, again and again.
    const stranger: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 30; i++) stranger.push((await attempt("admin", `guess-${round}-${i}`, `10.66.${i}.9`)).status);
    }
    expect(tally(stranger)).toEqual({ 401: 20, 429: 40 });
    // The owner from the address and from the device that signed in before: straight in.
    expect((await attempt("admin", ADMIN_PASSWORD, "10.5.0.1")).status).toBe(200);
    expect((await attempt("admin", ADMIN_PASSWORD, "172.16.3.3", DEVICE)).status).toBe(200);
    // An address the admin never used waits with everyone else (documented), until the window ends.
    const fresh = await attempt("admin", ADMIN_PASSWORD, "172.16.9.9");
    expect(fresh.status).toBe(429);
    clock.advance(Number(fresh.headers.get("retry-after")) * 1000);
    expect((await attempt("admin", ADMIN_PASSWORD, "172.16.9.9")).status).toBe(200);
  });

  it("a stranger behind the owner's own address slows that address, not the owner's device", async () => {
    t = await createApp();
    expect((await attempt("admin", ADMIN_PASSWORD, "10.5.1.1", DEVICE)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt("admin", `guess-${i}-pw`, "10.5.1.1")).status).toBe(401);
    expect((await attempt("admin", ADMIN_PASSWORD, "10.5.1.1")).status).toBe(429);
    expect((await attempt("admin", ADMIN_PASSWORD, "10.5.1.1", DEVICE)).status).toBe(200);
    // Sending someone's device id needs that id: a made-up one is just another try from the address.
    expect((await attempt("admin", ADMIN_PASSWORD, "10.5.1.1", "made-up-device-id-000000")).status).toBe(429);
  });

  it("a shared address with 30 failing users does not block a different user with the right password", async () => {
    t = await createApp({ env: { LOGIN_MAX_FAILURES_PER_ADDRESS: "30" } });
    const admin = await t.login();
    for (const username of ["li", "wang"]) {
      const res = await t.request("/api/v1/users", {
        method: "POST",
        cookie: admin,
        json: { username, password: `${username}-password-1`, role: "office", scope: DEMO.dadukou },
      });
      expect(res.status).toBe(201);
    }
    const shared = "10.5.2.2";
    // wang has signed in from the shared address before; li never has.
    expect((await attempt("wang", "wang-password-1", shared)).status).toBe(200);
    for (let i = 0; i < 30; i++) expect((await attempt(`trainee${i}`, "mistyped-pw", shared)).status).toBe(401);
    expect((await attempt("li", "li-password-1", shared)).status).toBe(200);
    expect((await attempt("wang", "wang-password-1", shared)).status).toBe(200);
    // Past its limit the address still holds brute force: a username gets one free try there, not five.
    expect((await attempt("zhao", "guess-one-pw", shared)).status).toBe(401);
    expect((await attempt("zhao", "guess-two-pw", shared)).status).toBe(429);
    // Elsewhere, the same username is not held up by that address.
    expect((await attempt("zhao", "guess-two-pw", "10.5.2.3")).status).toBe(401);
  });

  it("delays grow 1, 2, 4, 8 minutes up to LOGIN_WINDOW_MINUTES, and a right password resets them", async () => {
    const clock = manualClock();
    t = await createApp({ clock, env: { LOGIN_MAX_FAILURES: "5", LOGIN_WINDOW_MINUTES: "15" } });
    const ip = "10.5.3.3";
    for (let i = 0; i < 5; i++) expect((await attempt("admin", `wrong-${i}-pw`, ip)).status).toBe(401);
    const waits: number[] = [];
    for (let step = 0; step < 6; step++) {
      const held = await attempt("admin", "wrong-again-pw", ip);
      expect(held.status).toBe(429);
      const seconds = Number(held.headers.get("retry-after"));
      waits.push(seconds);
      clock.advance(seconds * 1000 - 1000);
      expect((await attempt("admin", ADMIN_PASSWORD, ip)).status, "one second early").toBe(429);
      clock.advance(1000);
      expect((await attempt("admin", "wrong-again-pw", ip)).status).toBe(401);
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900]);
    const held = await attempt("admin", ADMIN_PASSWORD, ip);
    expect((await held.json()).error.message).toContain("15 分钟");
    clock.advance(900_000);
    expect((await attempt("admin", ADMIN_PASSWORD, ip)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt("admin", `wrong-${i}-pw`, ip)).status).toBe(401);
    expect((await attempt("admin", "wrong-again-pw", ip)).status).toBe(429);
  });

  it("an enormous LOGIN_WINDOW_MINUTES still throttles (no 500, no endless loop)", async () => {
    t = await createApp({ env: { LOGIN_WINDOW_MINUTES: "1e12", LOGIN_MAX_FAILURES: "2" } });
    for (let i = 0; i < 2; i++) expect((await attempt("admin", `wrong-${i}-pw`, "10.5.9.9")).status).toBe(401);
    const held = await attempt("admin", ADMIN_PASSWORD, "10.5.9.9");
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("retry-after"))).toBe(60);
  });

  it("a day without tries forgets a pair's failures", async () => {
    const clock = manualClock();
    t = await createApp({ clock });
    for (let i = 0; i < 5; i++) expect((await attempt("admin", `wrong-${i}-pw`, "10.5.4.4")).status).toBe(401);
    expect((await attempt("admin", "wrong-pw-6", "10.5.4.4")).status).toBe(429);
    clock.advance(24 * 60 * 60_000);
    for (let i = 0; i < 5; i++) expect((await attempt("admin", `wrong-${i}-pw`, "10.5.4.4")).status).toBe(401);
  });

  it("clears the pair after a successful login, every time", async () => {
    t = await createApp({ env: { LOGIN_MAX_FAILURES: "3" } });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) expect((await attempt("admin", "wrong-password", "10.2.0.1")).status).toBe(401);
      expect((await attempt("admin", ADMIN_PASSWORD, "10.2.0.1")).status).toBe(200);
    }
  });

  it("stores keyed hashes of addresses and devices, never the raw values", async () => {
    t = await createApp();
    expect((await attempt("admin", ADMIN_PASSWORD, "10.1.1.1", DEVICE)).status).toBe(200);
    expect((await attempt("nobody", "whatever-pw", "10.1.1.2")).status).toBe(401);
    const known = (await t.client.execute("select username, source from login_known_sources order by source")).rows;
    expect(known.map((r) => String(r.username))).toEqual(["admin", "admin"]);
    expect(known.map((r) => String(r.source))).toEqual([
      expect.stringMatching(/^addr:[A-Za-z0-9_-]{22}$/),
      expect.stringMatching(/^device:[A-Za-z0-9_-]{22}$/),
    ]);
    const everything = JSON.stringify([known, await counters()]);
    for (const raw of ["10.1.1.1", "10.1.1.2", DEVICE]) expect(everything).not.toContain(raw);
  });

  it("refuses a malformed device id with 422 and keeps {username, password} working", async () => {
    t = await createApp();
    const bad = await attempt("admin", ADMIN_PASSWORD, "10.1.2.1", "short");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe("invalid_request");
    expect(await countRows(t, "login_attempts")).toBe(0);
    expect((await attempt("admin", ADMIN_PASSWORD, "10.1.2.1")).status).toBe(200);
  });
});

describe("hole 10: POST /auth/password has an attempt limit", () => {
  const change = (cookie: string, currentPassword: string, newPassword = "brand-new-password-1") =>
    t.request("/api/v1/auth/password", { method: "POST", cookie, json: { currentPassword, newPassword } });

  it("five wrong current passwords end the session; further tries get 429 until the window ends", async () => {
    const clock = manualClock();
    t = await createApp({ clock, env: { LOGIN_MAX_FAILURES: "5", LOGIN_WINDOW_MINUTES: "15" } });
    const tablet = await t.login();
    const desk = await t.login();
    for (let i = 0; i < 4; i++) expect((await change(tablet, `guess-${i}-password`)).status).toBe(422);
    const fifth = await change(tablet, "guess-4-password");
    expect(fifth.status).toBe(422);
    expect(fifth.headers.get("set-cookie")).toMatch(/cw_session=;/);
    expect((await t.request("/api/v1/auth/me", { cookie: tablet })).status).toBe(401);
    // The owner at another session, even with the right password, waits for the window.
    const held = await change(desk, ADMIN_PASSWORD);
    expect(held.status).toBe(429);
    expect(held.headers.get("retry-after")).toBe("900");
    expect((await held.json()).error.code).toBe("too_many_attempts");
    clock.advance(15 * 60_000);
    expect((await change(desk, ADMIN_PASSWORD)).status).toBe(200);
    expect((await attempt("admin", "brand-new-password-1", "10.10.0.1")).status).toBe(200);
  });

  it("60 concurrent changes from one session, the right current password at position 12: 5 verified, password unchanged", async () => {
    t = await createApp({ env: { LOGIN_MAX_FAILURES: "5" } });
    const tablet = await t.login();
    const hashBefore = (await t.client.execute("select password_hash from users where username = 'admin'")).rows[0]!.password_hash;
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => change(tablet, i === 12 ? ADMIN_PASSWORD : `guess-${i}-password`)),
    );
    const list = statuses(answers);
    expect(tally(list)).toEqual({ 422: 5, 429: 55 });
    expect(list[12]).toBe(429);
    expect((await t.client.execute("select password_hash from users where username = 'admin'")).rows[0]!.password_hash).toBe(hashBefore);
    expect((await counter("password:")).map((r) => r.failures)).toEqual([5]);
    expect((await t.request("/api/v1/auth/me", { cookie: tablet })).status).toBe(401);
    expect((await attempt("admin", "brand-new-password-1", "10.10.0.2")).status).toBe(401);
  });

  it("a right current password clears the count", async () => {
    t = await createApp({ env: { LOGIN_MAX_FAILURES: "3" } });
    const cookie = await t.login();
    let current = ADMIN_PASSWORD;
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) expect((await change(cookie, "not-the-password")).status).toBe(422);
      const next = `rotated-password-${round}`;
      expect((await change(cookie, current, next)).status).toBe(200);
      current = next;
    }
  });
});
