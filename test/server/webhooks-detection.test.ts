/**
 * What the webhook job reports (each event kind, in scope only, once), the robot formats, and
 * the subscription API: validation, scope, audit, the delivery log.
 */
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { METRICS } from "../../surveys/metrics";
import { runWebhookPass, type WebhookJobDeps } from "../../server/services/webhooks/webhook-job";
import { countRows, DEMO, qrBody } from "../helpers/fixtures";
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

async function receiver(): Promise<Receiver> {
  const r = await startReceiver();
  cleanups.push(() => r.close());
  return r;
}

async function subscribe(t: TestApp, cookie: string, body: Record<string, unknown>) {
  const res = await t.request("/api/v1/webhooks", {
    method: "POST",
    cookie,
    json: { unitCode: DEMO.xinshancun, name: "街道推送", format: "generic", ...body },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { webhook: { id: string }; secret: string };
}

const deps = (t: TestApp, clock: WebhookJobDeps["clock"] = { now: () => new Date() }): WebhookJobDeps => ({
  clock,
  fetch,
  config: t.config,
});

async function deliveries(t: TestApp, cookie: string, id: string) {
  const res = await t.request(`/api/v1/webhooks/${id}/deliveries?limit=200`, { cookie });
  expect(res.status).toBe(200);
  return ((await res.json()) as { deliveries: { eventKind: string; eventKey: string; state: string; body: string }[] }).deliveries;
}

async function post(t: TestApp, token: string, ip = "10.0.0.1") {
  const res = await t.request("/api/v1/responses", { method: "POST", json: qrBody(token), ip });
  expect(res.status).toBe(201);
}

async function setThresholds(t: TestApp, cookie: string, value: number) {
  const threshold = Object.fromEntries(METRICS.map((m) => [m, value]));
  const res = await t.request("/api/v1/settings/thresholds", {
    method: "PUT",
    cookie,
    json: { unit: DEMO.xinshancun, minRespondents: 1, threshold },
  });
  expect(res.status).toBe(200);
}

/** (unit, metric) pairs that GET /rates calls `status` now, for the subscription's unit and its children. */
async function statuses(t: TestApp, cookie: string, status: string): Promise<string[]> {
  const body = (await (await t.request(`/api/v1/rates?unit=${DEMO.xinshancun}`, { cookie })).json()) as {
    unit: { code: string };
    metrics: Record<string, { status: string }>;
    children: { unit: { code: string }; metrics: Record<string, { status: string }> }[];
  };
  return [{ unit: body.unit, metrics: body.metrics }, ...body.children]
    .flatMap((u) => METRICS.filter((m) => u.metrics[m]!.status === status).map((m) => `${u.unit.code}:${m}`))
    .sort();
}

describe("webhook detection", () => {
  it("metric_status: reports each change between 达标 and 未达标 by the /rates rule, once, after a silent first look", async () => {
    const { t, admin } = await setup({ env: { QR_RATE_LIMIT: "0" } });
    const r = await receiver();
    const { webhook } = await subscribe(t, admin, { url: r.url, events: ["metric_status"] });
    const poster = await t.createPoster(admin, DEMO.community, "resident");
    for (let i = 0; i < 6; i++) await post(t, poster.token, `10.1.0.${i}`);
    await setThresholds(t, admin, 0);
    const passing = await statuses(t, admin, "pass");
    expect(passing.length).toBeGreaterThan(0);

    // First look: statuses remembered, nothing reported.
    expect(await runWebhookPass(t.db, deps(t))).toMatchObject({ queued: 0 });
    expect(await countRows(t, "webhook_metric_state")).toBe(passing.length);

    await setThresholds(t, admin, 1);
    const failing = await statuses(t, admin, "fail");
    expect(failing.length, "some metric below 100% among the generated answers").toBeGreaterThan(0);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    expect(await runWebhookPass(t.db, deps(t))).toMatchObject({ queued: failing.length, delivered: failing.length });
    // Again: no change, nothing new.
    expect(await runWebhookPass(t.db, deps(t))).toMatchObject({ queued: 0, attempted: 0 });
    const log = await deliveries(t, admin, webhook.id);
    expect(log.map((d) => d.eventKey).sort()).toEqual(
      failing.map((k) => `status:${k.split(":")[0]}:${k.split(":")[1]}:fail:${day}`).sort(),
    );
    const sample = JSON.parse(r.received[0]!.body);
    expect(sample).toMatchObject({ kind: "metric_status", data: { previous: "pass", status: "fail", threshold: 1 } });
    expect(r.received).toHaveLength(failing.length);

    await setThresholds(t, admin, 0);
    expect(await runWebhookPass(t.db, deps(t))).toMatchObject({ queued: failing.length });
    expect((await deliveries(t, admin, webhook.id)).filter((d) => d.eventKey.includes(":pass:"))).toHaveLength(failing.length);
  });

  it("qr_burst: a poster in scope with enough flagged QR responses in the window; not one below it or out of scope", async () => {
    const { t, admin } = await setup({ env: { QR_RATE_LIMIT: "2", QR_BLOCK_LIMIT: "0", WEBHOOK_QR_BURST_MIN: "3" } });
    const r = await receiver();
    const { webhook } = await subscribe(t, admin, { url: r.url, events: ["qr_burst"] });
    const burst = await t.createPoster(admin, DEMO.community, "resident");
    const few = await t.createPoster(admin, DEMO.community2, "resident");
    const outside = await t.createPoster(admin, DEMO.qijiangCommunity, "resident");
    for (let i = 0; i < 6; i++) await post(t, burst.token, "10.0.0.1"); // 4 flagged burst
    for (let i = 0; i < 4; i++) await post(t, few.token, "10.0.0.2"); // 2 flagged: below 3
    for (let i = 0; i < 6; i++) await post(t, outside.token, "10.0.0.3"); // 4 flagged, 綦江区
    expect(await countRows(t, "responses", "flagged = 1")).toBe(10);

    expect(await runWebhookPass(t.db, deps(t))).toMatchObject({ queued: 1, delivered: 1 });
    expect(await runWebhookPass(t.db, deps(t))).toMatchObject({ queued: 0, attempted: 0 });
    expect(r.received).toHaveLength(1);
    expect(JSON.parse(r.received[0]!.body)).toMatchObject({
      kind: "qr_burst",
      unit: { code: DEMO.community },
      data: { posterId: burst.id, flagged: 4, surveyId: "resident", windowMinutes: 60 },
    });
    // An hour later the same responses have left the window.
    const later = { now: () => new Date(Date.now() + 61 * 60_000) };
    expect(await runWebhookPass(t.db, deps(t, later))).toMatchObject({ queued: 0 });
    expect((await deliveries(t, admin, webhook.id)).map((d) => d.eventKind)).toEqual(["qr_burst"]);
  });

  it("device_stale: a tablet in scope with unsent items and no heartbeat for N hours; not a fresh, empty or outside one", async () => {
    const clock = manualClock(new Date());
    const { t, admin } = await setup({ clock, env: { WEBHOOK_DEVICE_STALE_HOURS: "1" } });
    const r = await receiver();
    await subscribe(t, admin, { url: r.url, events: ["device_stale"] });
    const beat = async (username: string, scope: string, deviceId: string, pending: number) => {
      const cookie = await t.createUser(admin, { username, password: "pass-word-1", role: "interviewer", scope });
      const res = await t.request("/api/v1/devices/heartbeat", { method: "POST", cookie, json: { deviceId, pending, needsAttention: 0 } });
      expect(res.status).toBe(200);
    };
    await beat("silent", DEMO.community, "tab-silent", 4);
    await beat("empty", DEMO.community, "tab-empty", 0);
    await beat("outside", DEMO.qijiangCommunity, "tab-outside", 5);
    clock.advance(90 * 60_000);
    await beat("fresh", DEMO.community2, "tab-fresh", 2);

    expect(await runWebhookPass(t.db, deps(t, clock))).toMatchObject({ queued: 1, delivered: 1 });
    expect(await runWebhookPass(t.db, deps(t, clock))).toMatchObject({ queued: 0 });
    expect(JSON.parse(r.received[0]!.body)).toMatchObject({
      kind: "device_stale",
      unit: { code: DEMO.community },
      data: { deviceId: "tab-silent", username: "silent", pending: 4, hours: 1 },
    });
  });

  it("企业微信 and 钉钉 robots get their markdown messages; 钉钉's own signature is in the query", async () => {
    const { t, admin } = await setup();
    const r = await receiver();
    const wecom = await subscribe(t, admin, { url: `${r.url}?key=abc`, format: "wecom", events: ["qr_burst"] });
    const dingSecret = `SEC${"a1b2c3d4".repeat(8)}`;
    const ding = await subscribe(t, admin, {
      url: `${r.url}?access_token=xyz`,
      format: "dingtalk",
      events: ["qr_burst"],
      secret: dingSecret,
    });
    expect(ding.secret).toBe(dingSecret);

    for (const id of [wecom.webhook.id, ding.webhook.id]) {
      const res = await t.request(`/api/v1/webhooks/${id}/test`, { method: "POST", cookie: admin });
      expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
    }
    const [w, d] = r.received;
    expect(JSON.parse(w!.body)).toEqual({
      msgtype: "markdown",
      markdown: { content: expect.stringContaining("### 创文问卷消息推送测试") },
    });
    expect(w!.url).toBe("/hook?key=abc");
    expect(JSON.parse(d!.body)).toEqual({
      msgtype: "markdown",
      markdown: { title: "创文问卷消息推送测试", text: expect.stringContaining("新山村街道") },
    });
    const query = new URL(d!.url, "http://x").searchParams;
    expect(query.get("access_token")).toBe("xyz");
    const ts = query.get("timestamp")!;
    expect(Math.abs(Number(ts) - Date.now())).toBeLessThan(60_000);
    expect(query.get("sign")).toBe(createHmac("sha256", dingSecret).update(`${ts}\n${dingSecret}`).digest("base64"));
    // Our own headers too, with the same secret.
    const stamp = d!.headers["x-timestamp"] as string;
    expect(d!.headers["x-signature"]).toBe(`sha256=${createHmac("sha256", dingSecret).update(`${stamp}.${d!.body}`).digest("hex")}`);
  });
});

describe("webhook subscriptions API", () => {
  it("refuses bad input with 422 and stores nothing", async () => {
    const { t, admin } = await setup();
    const good = { unitCode: DEMO.xinshancun, name: "推送", url: "https://example.test/hook", format: "generic", events: ["qr_burst"] };
    const bad: [Record<string, unknown>, string][] = [
      [{ url: "ftp://example.test/hook" }, "url"],
      [{ url: "javascript:alert(1)" }, "url"],
      [{ url: "https://user:pass@example.test/hook" }, "url"],
      [{ url: "not a url" }, "url"],
      [{ events: [] }, "events"],
      [{ events: ["qr_burst", "qr_burst"] }, "events"],
      [{ events: ["everything"] }, "events.0"],
      [{ format: "slack" }, "format"],
      [{ name: "" }, "name"],
      [{ secret: "short" }, "secret"],
      [{ extra: 1 }, ""],
    ];
    for (const [change, path] of bad) {
      const res = await t.request("/api/v1/webhooks", { method: "POST", cookie: admin, json: { ...good, ...change } });
      const body = (await res.json()) as { error: { code: string; issues?: { path: string }[] } };
      expect(res.status, JSON.stringify(change)).toBe(422);
      expect(body.error.code).toBe("invalid_request");
      if (path) expect(body.error.issues?.map((i) => i.path)).toContain(path);
    }
    const unknown = await t.request("/api/v1/webhooks", { method: "POST", cookie: admin, json: { ...good, unitCode: "500104999999" } });
    expect([unknown.status, ((await unknown.json()) as { error: { code: string } }).error.code]).toEqual([422, "unknown_unit"]);
    const notJson = await t.request("/api/v1/webhooks", {
      method: "POST",
      cookie: admin,
      body: "{",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.status).toBe(400);
    expect(await countRows(t, "webhook_subscriptions")).toBe(0);
    expect(await countRows(t, "audit_log", "action like 'webhooks.%'")).toBe(0);

    const { webhook } = await subscribe(t, admin, { url: "https://example.test/hook", events: ["qr_burst"] });
    const empty = await t.request(`/api/v1/webhooks/${webhook.id}`, { method: "PATCH", cookie: admin, json: {} });
    expect(empty.status).toBe(422);
    const missing = await t.request("/api/v1/webhooks/no-such-id", { method: "PATCH", cookie: admin, json: { active: false } });
    expect(missing.status).toBe(404);
  });

  it("audits create, change and removal without the secret; lists without it; scoped to the admin's subtree", async () => {
    const { t, admin } = await setup();
    const district = await t.createUser(admin, { username: "ddk-admin", password: "pass-word-1", role: "admin", scope: DEMO.dadukou });
    const mine = await subscribe(t, district, { url: "https://example.test/a?key=robot-credential", events: ["qr_burst"] });
    const theirs = await subscribe(t, admin, { url: "https://example.test/b", unitCode: DEMO.qijiang, events: ["device_stale"] });

    const listed = (await (await t.request("/api/v1/webhooks", { cookie: district })).json()) as { webhooks: { id: string }[] };
    expect(listed.webhooks.map((w) => w.id)).toEqual([mine.webhook.id]);
    expect(JSON.stringify(listed)).not.toContain(mine.secret);
    const all = (await (await t.request("/api/v1/webhooks", { cookie: admin })).json()) as { webhooks: { id: string }[] };
    expect(all.webhooks).toHaveLength(2);

    // Out of scope, stored or new: 403, unchanged.
    expect(
      (await t.request(`/api/v1/webhooks/${theirs.webhook.id}`, { method: "PATCH", cookie: district, json: { active: false } })).status,
    ).toBe(403);
    expect(
      (await t.request(`/api/v1/webhooks/${mine.webhook.id}`, { method: "PATCH", cookie: district, json: { unitCode: DEMO.qijiang } }))
        .status,
    ).toBe(403);
    expect((await t.request(`/api/v1/webhooks/${theirs.webhook.id}/deliveries`, { cookie: district })).status).toBe(403);

    const patched = await t.request(`/api/v1/webhooks/${mine.webhook.id}`, {
      method: "PATCH",
      cookie: district,
      json: { name: "改名", active: false, events: ["qr_burst", "metric_status"] },
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { webhook: unknown }).webhook).toMatchObject({
      name: "改名",
      active: false,
      events: ["qr_burst", "metric_status"],
    });
    expect((await t.request(`/api/v1/webhooks/${mine.webhook.id}`, { method: "DELETE", cookie: district })).status).toBe(200);
    expect(await countRows(t, "webhook_subscriptions")).toBe(1);

    const audit = (await (await t.request("/api/v1/admin/audit?limit=50", { cookie: district })).json()) as {
      entries: { action: string; target: string; actor: string; before: unknown; after: unknown }[];
    };
    const ours = audit.entries.filter((e) => e.action.startsWith("webhooks."));
    expect(ours.map((e) => [e.action, e.target, e.actor])).toEqual([
      ["webhooks.delete", mine.webhook.id, "ddk-admin"],
      ["webhooks.update", mine.webhook.id, "ddk-admin"],
      ["webhooks.create", mine.webhook.id, "ddk-admin"],
    ]);
    expect(ours[1]).toMatchObject({ before: { name: "街道推送", active: true }, after: { name: "改名", active: false } });
    const rows = await t.client.execute("select before, after from audit_log where action like 'webhooks.%'");
    for (const secret of [mine.secret, theirs.secret, "robot-credential"]) expect(JSON.stringify(rows.rows)).not.toContain(secret);
    expect(ours[2]!.after).toMatchObject({ url: "https://example.test/a?key=***" });
  });

  it("pages the delivery log newest first; a test-send to a dead address is logged as failed", async () => {
    const { t, admin } = await setup();
    const r = await receiver();
    const { webhook } = await subscribe(t, admin, { url: r.url, events: ["qr_burst"] });
    for (let i = 0; i < 3; i++) await t.request(`/api/v1/webhooks/${webhook.id}/test`, { method: "POST", cookie: admin });
    const first = (await (await t.request(`/api/v1/webhooks/${webhook.id}/deliveries?limit=2`, { cookie: admin })).json()) as {
      deliveries: { id: string }[];
      next: string;
    };
    expect(first.deliveries).toHaveLength(2);
    const second = (await (
      await t.request(`/api/v1/webhooks/${webhook.id}/deliveries?limit=2&before=${first.next}`, { cookie: admin })
    ).json()) as { deliveries: { id: string }[]; next: string | null };
    expect(second.deliveries).toHaveLength(1);
    expect(second.next).toBeNull();
    const ids = [...first.deliveries, ...second.deliveries].map((d) => d.id);
    expect(ids.reverse()).toEqual(r.received.map((x) => x.headers["x-delivery-id"]));

    await r.close();
    const dead = await t.request(`/api/v1/webhooks/${webhook.id}/test`, { method: "POST", cookie: admin });
    const body = (await dead.json()) as { ok: boolean; status: number | null; error: string; delivery: { state: string } };
    expect(dead.status).toBe(200);
    expect([body.ok, body.status, body.delivery.state]).toEqual([false, null, "failed"]);
    expect(body.error).toBeTruthy();
  });
});
