/**
 * Webhook delivery against a real receiver on 127.0.0.1: the signature verifies with the secret
 * (checked with node:crypto, not our own code), 500s are retried with backoff until delivered,
 * a restarted job sends nothing twice, and a receiver that hangs never slows ingest.
 */
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startNodeServer } from "../../server/node";
import { BACKOFF_SECONDS } from "../../server/services/webhooks/dispatch";
import { runWebhookPass, type WebhookJobDeps } from "../../server/services/webhooks/webhook-job";
import { DEMO, qrBody } from "../helpers/fixtures";
import { createTestApp, manualClock, type TestApp } from "../helpers/test-app";
import { startReceiver, type Receiver } from "../helpers/webhook-receiver";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(options: Parameters<typeof createTestApp>[0] = {}) {
  const t = await createTestApp(options);
  cleanups.push(() => t.close());
  return { t, admin: await t.login() };
}

async function receiver(options: Parameters<typeof startReceiver>[0] = {}): Promise<Receiver> {
  const r = await startReceiver(options);
  cleanups.push(() => r.close());
  return r;
}

async function subscribe(t: TestApp, cookie: string, body: Record<string, unknown>) {
  const res = await t.request("/api/v1/webhooks", {
    method: "POST",
    cookie,
    json: { unitCode: DEMO.xinshancun, name: "测试推送", format: "generic", events: ["device_stale"], ...body },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { webhook: { id: string; secretHint: string }; secret: string };
}

const jobDeps = (t: TestApp, clock: WebhookJobDeps["clock"]): WebhookJobDeps => ({ clock, fetch, config: t.config });

/** A tablet of an interviewer in 新山村街道 reports unsent work, then falls silent. */
async function silentTablet(t: TestApp, admin: string) {
  const tablet = await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: DEMO.xinshancun });
  const res = await t.request("/api/v1/devices/heartbeat", {
    method: "POST",
    cookie: tablet,
    json: { deviceId: "tablet-7", pending: 3, needsAttention: 0 },
  });
  expect(res.status).toBe(200);
}

describe("webhook delivery", () => {
  it("signs each request: HMAC-SHA256 of timestamp.body with the secret, a delivery id, the body as logged", async () => {
    const { t, admin } = await setup();
    const r = await receiver();
    const { webhook, secret } = await subscribe(t, admin, { url: r.url });
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(webhook.secretHint).toBe(`…${secret.slice(-4)}`);

    const res = await t.request(`/api/v1/webhooks/${webhook.id}/test`, { method: "POST", cookie: admin });
    const sent = (await res.json()) as { ok: boolean; status: number; delivery: { id: string; state: string; body: string } };
    expect(res.status).toBe(200);
    expect([sent.ok, sent.status, sent.delivery.state]).toEqual([true, 200, "delivered"]);
    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    const timestamp = got.headers["x-timestamp"] as string;
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    const expected = createHmac("sha256", secret).update(`${timestamp}.${got.body}`).digest("hex");
    expect(got.headers["x-signature"]).toBe(`sha256=${expected}`);
    // A wrong secret does not verify: the check above can fail.
    expect(createHmac("sha256", `${secret}x`).update(`${timestamp}.${got.body}`).digest("hex")).not.toBe(expected);
    expect(got.headers["x-delivery-id"]).toBe(sent.delivery.id);
    expect(got.body).toBe(sent.delivery.body);
    const body = JSON.parse(got.body);
    expect(body).toMatchObject({ id: sent.delivery.id, kind: "test", subscription: { id: webhook.id }, unit: { code: DEMO.xinshancun } });
  });

  it("retries after 500s with backoff and marks the third attempt delivered; gives up after the last attempt", async () => {
    const clock = manualClock(new Date());
    const { t, admin } = await setup({ env: { WEBHOOK_MAX_ATTEMPTS: "3", WEBHOOK_DEVICE_STALE_HOURS: "1" } });
    const r = await receiver({ statuses: [500, 500] });
    const { webhook } = await subscribe(t, admin, { url: r.url });
    await silentTablet(t, admin);
    clock.advance(2 * 3_600_000);

    const first = await runWebhookPass(t.db, jobDeps(t, clock));
    expect(first).toMatchObject({ queued: 1, attempted: 1, delivered: 0 });
    // Not due again before its backoff has passed.
    clock.advance(BACKOFF_SECONDS[0] * 1000 - 1000);
    expect(await runWebhookPass(t.db, jobDeps(t, clock))).toMatchObject({ queued: 0, attempted: 0 });
    clock.advance(1000);
    expect(await runWebhookPass(t.db, jobDeps(t, clock))).toMatchObject({ attempted: 1, delivered: 0 });
    clock.advance(BACKOFF_SECONDS[1] * 1000);
    expect(await runWebhookPass(t.db, jobDeps(t, clock))).toMatchObject({ attempted: 1, delivered: 1 });
    expect(r.received).toHaveLength(3);
    // The same message each time, under the same delivery id.
    expect(new Set(r.received.map((x) => x.headers["x-delivery-id"])).size).toBe(1);
    expect(new Set(r.received.map((x) => x.body)).size).toBe(1);
    expect(JSON.parse(r.received[0]!.body)).toMatchObject({
      kind: "device_stale",
      data: { deviceId: "tablet-7", username: "zhang", pending: 3 },
    });

    const log = await t.request(`/api/v1/webhooks/${webhook.id}/deliveries`, { cookie: admin });
    const { deliveries } = (await log.json()) as { deliveries: { state: string; attempts: number; lastStatus: number }[] };
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ state: "delivered", attempts: 3, lastStatus: 200 });

    // A receiver that keeps failing: failed after WEBHOOK_MAX_ATTEMPTS, never tried again.
    const down = await receiver({ statuses: [500, 503, 500, 500] });
    const failing = await subscribe(t, admin, { url: down.url, name: "坏的" });
    for (let i = 0; i < 5; i++) {
      await runWebhookPass(t.db, jobDeps(t, clock));
      clock.advance(BACKOFF_SECONDS.at(-1)! * 1000);
    }
    expect(down.received).toHaveLength(3);
    const failed = (await (await t.request(`/api/v1/webhooks/${failing.webhook.id}/deliveries`, { cookie: admin })).json()) as {
      deliveries: { state: string; attempts: number; lastStatus: number; lastError: string }[];
    };
    expect(failed.deliveries[0]).toMatchObject({ state: "failed", attempts: 3, lastStatus: 500 });
    expect(failed.deliveries[0]!.lastError).toContain("HTTP 500");
  });

  it("a paused subscription keeps its queue and sends it when resumed", async () => {
    const clock = manualClock(new Date());
    const { t, admin } = await setup({ env: { WEBHOOK_DEVICE_STALE_HOURS: "1" } });
    const r = await receiver({ statuses: [500] });
    const { webhook } = await subscribe(t, admin, { url: r.url });
    await silentTablet(t, admin);
    clock.advance(2 * 3_600_000);
    expect(await runWebhookPass(t.db, jobDeps(t, clock))).toMatchObject({ queued: 1, attempted: 1, delivered: 0 });
    const pause = (active: boolean) =>
      t.request(`/api/v1/webhooks/${webhook.id}`, { method: "PATCH", cookie: admin, json: { active } }).then((res) => res.status);
    expect(await pause(false)).toBe(200);
    clock.advance(BACKOFF_SECONDS[0] * 1000);
    expect(await runWebhookPass(t.db, jobDeps(t, clock))).toMatchObject({ queued: 0, attempted: 0 });
    expect(await pause(true)).toBe(200);
    expect(await runWebhookPass(t.db, jobDeps(t, clock))).toMatchObject({ queued: 0, attempted: 1, delivered: 1 });
    expect(r.received).toHaveLength(2);
  });

  it("sends nothing twice after a restart: a new job on the same database file finds the event delivered", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cw-webhooks-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const databaseUrl = `file:${join(dir, "test.db")}`;
    const clock = manualClock(new Date(Date.now() + 2 * 3_600_000));
    const env = { WEBHOOK_DEVICE_STALE_HOURS: "1" };
    const r = await receiver();

    const first = await createTestApp({ databaseUrl, env });
    const admin = await first.login();
    await subscribe(first, admin, { url: r.url });
    await silentTablet(first, admin);
    expect(await runWebhookPass(first.db, jobDeps(first, clock))).toMatchObject({ queued: 1, delivered: 1 });
    first.close();

    // Restarted: new client, new app, same file; the tablet is still silent, so detection sees it again.
    const second = await createTestApp({ databaseUrl, env });
    cleanups.push(() => second.close());
    for (let i = 0; i < 3; i++) {
      expect(await runWebhookPass(second.db, jobDeps(second, clock))).toMatchObject({ queued: 0, attempted: 0 });
      clock.advance(60_000);
    }
    expect(r.received).toHaveLength(1);
  });

  it("two passes at once (overlapping cron runs, a second instance) send each message once", async () => {
    const clock = manualClock(new Date(Date.now() + 2 * 3_600_000));
    // On a file: an in-memory database has one connection, which one pass's transaction would hold.
    const { t, admin } = await setup({ onDisk: true, env: { WEBHOOK_DEVICE_STALE_HOURS: "1" } });
    const r = await receiver({ delayMs: 200 });
    for (const name of ["一", "二", "三"]) await subscribe(t, admin, { url: r.url, name });
    await silentTablet(t, admin);
    // Both read the same due rows before either sends: the claim decides who sends each one.
    const [x, y] = await Promise.all([runWebhookPass(t.db, jobDeps(t, clock)), runWebhookPass(t.db, jobDeps(t, clock))]);
    expect(x.queued + y.queued).toBe(3);
    expect(x.delivered + y.delivered).toBe(3);
    expect(r.received).toHaveLength(3);
    expect(new Set(r.received.map((m) => m.headers["x-delivery-id"])).size).toBe(3);
  });

  it("a receiver that hangs for 10 s never delays ingest: the response is stored while the job waits", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cw-webhooks-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const r = await receiver({ delayMs: 10_000 });
    const server = await startNodeServer({
      port: 0,
      host: "127.0.0.1",
      databaseUrl: `file:${join(dir, "node.db")}`,
      adminPassword: "webhook-test-password-1",
      quiet: true,
      env: { WEBHOOK_INTERVAL_SECONDS: "0.2", WEBHOOK_TIMEOUT_SECONDS: "30", WEBHOOK_DEVICE_STALE_HOURS: "0.0001", QR_RATE_LIMIT: "0" },
    });
    cleanups.push(() => server.close());
    const call = (path: string, init: RequestInit & { cookie?: string; json?: unknown } = {}) =>
      fetch(`${server.url}${path}`, {
        ...init,
        headers: {
          origin: server.url,
          ...(init.json !== undefined ? { "content-type": "application/json" } : {}),
          ...(init.cookie ? { cookie: init.cookie } : {}),
        },
        body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
      });
    const login = async (username: string, password: string) => {
      const res = await call("/api/v1/auth/login", { method: "POST", json: { username, password } });
      expect(res.status).toBe(200);
      return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    };
    const admin = await login("admin", "webhook-test-password-1");
    expect(
      (
        await call("/api/v1/users", {
          method: "POST",
          cookie: admin,
          json: { username: "zhang", password: "pass-word-1", role: "interviewer", scope: DEMO.xinshancun },
        })
      ).status,
    ).toBe(201);
    const tablet = await login("zhang", "pass-word-1");
    const poster = (await (
      await call("/api/v1/posters", { method: "POST", cookie: admin, json: { unitCode: DEMO.community, surveyId: "resident" } })
    ).json()) as { token: string };
    const created = await call("/api/v1/webhooks", {
      method: "POST",
      cookie: admin,
      json: { unitCode: DEMO.xinshancun, name: "慢", url: r.url, format: "generic", events: ["device_stale"] },
    });
    expect(created.status).toBe(201);
    await call("/api/v1/devices/heartbeat", {
      method: "POST",
      cookie: tablet,
      json: { deviceId: "tablet-9", pending: 2, needsAttention: 0 },
    });

    // The job has found the silent tablet and is now held by the receiver (10 s).
    await r.waitFor(1);
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      const res = await call("/api/v1/responses", { method: "POST", json: qrBody(poster.token) });
      timings.push(Date.now() - started);
      expect(res.status).toBe(201);
    }
    expect(r.received[0]!.answeredAt, "the receiver has not answered yet").toBeUndefined();
    expect(Math.max(...timings), `ingest timings ${timings.join(", ")} ms`).toBeLessThan(2000);
  }, 30_000);
});
