/**
 * The webhook job on the Worker: the cron trigger's `scheduled` handler (run on demand through
 * wrangler dev's `/cdn-cgi/handler/scheduled`) detects a silent tablet and delivers a signed message to a
 * receiver on loopback, with WebCrypto and fetch under workerd; a second run sends nothing again.
 * The retention job runs from the same handler in the first minute of each hour.
 * Without the asset layer: wrangler dev cannot pass a cron event through it (test/helpers/edge.ts).
 */
import { execFile } from "node:child_process";
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, requireEdge, startSqld, startWorker, type Sqld, type WorkerDev } from "../helpers/edge";
import { startReceiver, type Receiver } from "../helpers/webhook-receiver";

const vars = {
  ADMIN_PASSWORD: "worker-cron-admin-1",
  SERVER_SECRET: "worker-cron-secret-0123456789",
  SEED_DEMO: "1",
  WEBHOOK_DEVICE_STALE_HOURS: "0.0001",
};

describe.skipIf(!requireEdge())("webhook job on the Worker's cron trigger", () => {
  let sqld: Sqld;
  let worker: WorkerDev;
  let receiver: Receiver;

  beforeAll(async () => {
    sqld = await startSqld();
    const migrate = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        "npm",
        ["run", "db:migrate"],
        { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: sqld.url }, timeout: 60_000 },
        (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    expect(migrate.code, migrate.output).toBe(0);
    worker = await startWorker({ ...vars, DATABASE_URL: sqld.url }, undefined, { withoutAssets: true });
    receiver = await startReceiver();
  }, 180_000);
  afterAll(async () => {
    await receiver?.close();
    await worker?.stop();
    await sqld?.stop();
  }, 30_000);

  it("detects a silent tablet and delivers one signed message, once", async () => {
    const call = async (path: string, init: { method?: string; json?: unknown; cookie?: string } = {}) =>
      fetch(`${worker.url}${path}`, {
        method: init.method ?? "GET",
        headers: {
          connection: "close",
          origin: worker.url,
          ...(init.json !== undefined ? { "content-type": "application/json" } : {}),
          ...(init.cookie ? { cookie: init.cookie } : {}),
        },
        body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
      });
    const login = async (username: string, password: string) => {
      const res = await call("/api/v1/auth/login", { method: "POST", json: { username, password } });
      expect(res.status).toBe(200);
      return (res.headers.get("set-cookie") ?? "").split(";")[0]!;
    };
    const admin = await login("admin", vars.ADMIN_PASSWORD);
    const made = await call("/api/v1/webhooks", {
      method: "POST",
      cookie: admin,
      json: { unitCode: "500104001000", name: "cron", url: receiver.url, format: "generic", events: ["device_stale"] },
    });
    expect(made.status).toBe(201);
    const { secret } = (await made.json()) as { secret: string };
    const user = { username: "cron-tablet", password: "pass-word-1", role: "interviewer", scope: "500104001000" };
    expect((await call("/api/v1/users", { method: "POST", cookie: admin, json: user })).status).toBe(201);
    const tablet = await login(user.username, user.password);
    const beat = await call("/api/v1/devices/heartbeat", {
      method: "POST",
      cookie: tablet,
      json: { deviceId: "cron-tab", pending: 1, needsAttention: 0 },
    });
    expect(beat.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // past 0.0001 h = 0.36 s

    const run = await call("/cdn-cgi/handler/scheduled?cron=*+*+*+*+*");
    expect(run.status, await run.text()).toBe(200);
    await receiver.waitFor(1, 30_000);
    const got = receiver.received[0]!;
    expect(JSON.parse(got.body)).toMatchObject({ kind: "device_stale", data: { deviceId: "cron-tab", pending: 1 } });
    const ts = got.headers["x-timestamp"] as string;
    expect(got.headers["x-signature"]).toBe(`sha256=${createHmac("sha256", secret).update(`${ts}.${got.body}`).digest("hex")}`);

    // The next run finds the event delivered: nothing sent twice.
    expect((await call("/cdn-cgi/handler/scheduled?cron=*+*+*+*+*")).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(receiver.received).toHaveLength(1);
    const state = (await sqld.client().execute("select state, attempts from webhook_deliveries")).rows;
    expect(state.map((r) => [r.state, Number(r.attempts)])).toEqual([["delivered", 1]]);
  }, 90_000);

  // Issue 19: the retention job runs from the same cron, once an hour (its first minute).
  it("runs a retention pass in the first minute of an hour only, replacing a due visit's GPS and label", async () => {
    const db = sqld.client();
    await db.execute(`insert into visits (id, unit_code, survey_id, household, outcome, interviewer, device_id, visited_at, day, received_at, latitude, longitude, accuracy_m, content_hash)
      values ('00000000-0000-4000-8000-0000000000c1', '500104001001', 'resident', '6栋6号', 'refused', 'cron-tablet', 'cron-tab', '2020-05-01T02:00:00.000Z', '2020-05-01', '2020-05-01T02:00:00.000Z', 29.55555, 106.44444, 7, 'x')`);
    const runs = async () => Number((await db.execute("select count(*) as n from retention_runs")).rows[0]!.n);
    const at = (utc: number) =>
      fetch(`${worker.url}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*&time=${utc}`, { headers: { connection: "close" } });

    // The test above may itself have run in a first minute (its cron calls carry the real time).
    const before = await runs();
    expect((await at(Date.UTC(2026, 10, 20, 2, 7))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(await runs()).toBe(before);

    expect((await at(Date.UTC(2026, 10, 20, 3, 0))).status).toBe(200);
    await expect.poll(runs, { timeout: 30_000, interval: 250 }).toBe(before + 2);
    const logged = (await db.execute(`select kind, rows_changed, error from retention_runs order by id limit 2 offset ${before}`)).rows;
    expect(logged.map((r) => [r.kind, Number(r.rows_changed), r.error])).toEqual([
      ["gps", 1, null],
      ["household", 1, null],
    ]);
    const row = (
      await db.execute("select household, latitude, longitude, accuracy_m from visits where id = '00000000-0000-4000-8000-0000000000c1'")
    ).rows[0]!;
    expect([row.latitude, row.longitude, row.accuracy_m]).toEqual([29.56, 106.44, null]);
    expect(String(row.household)).toMatch(/^匿名户-[0-9a-f]{16}$/);
  }, 60_000);
});
