import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openInterviewDb, type InterviewDb } from "../../../web/features/interview/lib/interview-db";
import { createSyncEngine, type SyncEngine } from "../../../web/features/interview/sync/sync-engine";
import type { Transport } from "../../../web/features/interview/sync/transport";
import { createTestApp, type TestApp } from "../../helpers/test-app";
import { appTransport, fakeTime, serverCounts, visitItem, type FlakyRule } from "./sync-fixtures";

const SUB = "500104001000";
let t: TestApp;
let time: ReturnType<typeof fakeTime>;
let db: InterviewDb;
let version: number;
let dbSeq = 0;
const zhang = { cookie: "" };
const li = { cookie: "" };

beforeEach(async () => {
  time = fakeTime();
  t = await createTestApp({ clock: time.clock });
  const admin = await t.login();
  zhang.cookie = await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: SUB });
  li.cookie = await t.createUser(admin, { username: "li", password: "pass-word-1", role: "interviewer", scope: SUB });
  version = ((await (await t.request("/api/v1/surveys/resident")).json()) as { version: number }).version;
  db = await openInterviewDb(`test-${++dbSeq}`);
});
afterEach(() => {
  db.close();
  t.close();
});

/** Waits until the engine is not in the middle of a pass (its requests run on the real app). */
async function settled(engine: SyncEngine) {
  for (let i = 0; i < 2000 && engine.snapshot().phase === "syncing"; i++) await new Promise((r) => setTimeout(r, 2));
}

function engineFor(owner: string, transport: Transport, random = () => 0.5) {
  return createSyncEngine({
    store: db,
    owner,
    transport,
    timers: time.timers,
    random,
    device: { deviceId: "tablet-1", appVersion: "test" },
  });
}

describe("sync engine against the real app", () => {
  it("sends visits and their responses, moving items pending -> done, and reports a heartbeat", async () => {
    const { transport, calls } = appTransport(t, zhang);
    const engine = engineFor("zhang", transport);
    await engine.start();
    expect(engine.snapshot()).toMatchObject({ phase: "idle", pending: 0, synced: 0, lastSyncAt: null });

    const items = [
      visitItem("zhang", version, "completed"),
      visitItem("zhang", version, "refused"),
      visitItem("zhang", version, "not_home"),
    ];
    for (const item of items) await db.putItem(item);
    const seen: string[] = [];
    engine.subscribe((s) => seen.push(`${s.phase}:${s.pending}/${s.synced}`));
    await engine.syncNow();

    expect(engine.snapshot()).toMatchObject({ phase: "idle", pending: 0, synced: 0 }); // put behind its back: not loaded
    for (const item of items) await engine.enqueue(item, true);
    await settled(engine);
    const s = engine.snapshot();
    expect(s).toMatchObject({ phase: "idle", pending: 0, synced: 3, needsAttention: 0, failures: 0 });
    expect(s.lastSyncAt).toBe(new Date(time.timers.now()).toISOString());
    expect(seen).toContain("syncing:1/0");
    expect(await serverCounts(t)).toEqual({ responses: 1, visits: 3 });
    expect(calls.map((c) => `${c.path}:${c.status}`)).toEqual([
      "/api/v1/devices/heartbeat:200", // the first, idle pass: the tablet reports in
      "/api/v1/responses:201",
      "/api/v1/visits:201",
      "/api/v1/devices/heartbeat:200",
      "/api/v1/visits:201",
      "/api/v1/devices/heartbeat:200",
      "/api/v1/visits:201",
      "/api/v1/devices/heartbeat:200",
    ]);
    const stored = await db.itemsOf("zhang");
    expect(stored.every((i) => i.state === "done" && i.syncedAt && i.attempts === 1)).toBe(true);
    expect(stored.find((i) => i.response)?.responseSyncedAt).toBeTruthy();
    const device = await t.client.execute("select username, pending, needs_attention, app_version from devices");
    expect(device.rows[0]).toMatchObject({ username: "zhang", pending: 0, needs_attention: 0, app_version: "test" });
  });

  it("reports an idle tablet's heartbeat every five minutes, not on every idle pass", async () => {
    const { transport, calls } = appTransport(t, zhang);
    const engine = engineFor("zhang", transport);
    await engine.start();
    const heartbeats = () => calls.filter((c) => c.path === "/api/v1/devices/heartbeat" && c.status === 200).length;
    await engine.syncNow();
    expect(heartbeats()).toBe(1);
    await engine.syncNow();
    await time.advance(4 * 60_000, () => settled(engine));
    await engine.syncNow();
    expect(heartbeats()).toBe(1);
    await time.advance(60_000, () => settled(engine));
    await engine.syncNow();
    expect(heartbeats()).toBe(2);
    const device = await t.client.execute("select username, pending from devices");
    expect(device.rows.map((r) => ({ ...r }))).toEqual([{ username: "zhang", pending: 0 }]);
    expect(calls.every((c) => c.path === "/api/v1/devices/heartbeat")).toBe(true);
  });

  it("backs off exponentially with jitter while offline, keeps the queue, and resets after success", async () => {
    let online = false;
    const { transport } = appTransport(t, zhang, () => (online ? "ok" : "drop_request"));
    const delays: number[] = [];
    const engine = engineFor("zhang", transport);
    engine.subscribe((s) => {
      if (s.phase === "waiting" && s.nextAttemptAt !== null) delays.push(s.nextAttemptAt - time.timers.now());
    });
    await engine.start();
    await engine.enqueue(visitItem("zhang", version, "completed"));
    for (let i = 0; i < 7; i++) await time.advance(time.waiting()[0]!, () => settled(engine));
    // random() = 0.5 means no jitter: the nominal schedule 2 s, 4 s, 8 s ... capped at 60 s.
    expect(delays).toEqual([2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(engine.snapshot()).toMatchObject({ phase: "waiting", pending: 1, failures: 8 });
    const [item] = await db.itemsOf("zhang");
    expect(item).toMatchObject({ state: "pending", attempts: 8, lastError: "offline" });

    online = true;
    await time.advance(60_000, () => settled(engine));
    expect(engine.snapshot()).toMatchObject({ phase: "idle", pending: 0, synced: 1, failures: 0 });
    expect(await serverCounts(t)).toEqual({ responses: 1, visits: 1 });
  });

  it("spreads retries by the jitter (+/-20%) so tablets don't retry in lockstep", async () => {
    const { transport } = appTransport(t, zhang, () => "drop_request");
    for (const [random, expected] of [
      [0, [1600, 3200, 6400]],
      [0.999999, [2400, 4800, 9600]],
    ] as const) {
      const delays: number[] = [];
      const engine = engineFor("zhang", transport, () => random);
      engine.subscribe((s) => {
        if (s.phase === "waiting" && s.nextAttemptAt !== null) delays.push(s.nextAttemptAt - time.timers.now());
      });
      await engine.start();
      // The first round enqueues the item; the second finds it pending at start.
      if (engine.snapshot().pending === 0) await engine.enqueue(visitItem("zhang", version, "refused"));
      for (let i = 0; i < 2; i++) await time.advance(time.waiting()[0]!, () => settled(engine));
      expect(delays).toEqual(expected);
      engine.stop();
    }
  });

  it("confirms a duplicate after a lost reply: the server keeps one response and one visit", async () => {
    const lose: FlakyRule = (_path, call) => (call === 0 || call === 2 ? "drop_reply" : "ok");
    // First try: the response is committed but its reply is lost. Second: the response comes back
    // as a duplicate, the visit is committed and its reply lost. Third: the visit is a duplicate.
    let call = 0;
    const { transport, calls } = appTransport(t, zhang, (path) => lose(path, path.includes("heartbeat") ? 99 : call++));
    const engine = engineFor("zhang", transport);
    await engine.start();
    await engine.enqueue(visitItem("zhang", version, "completed"));
    expect(engine.snapshot()).toMatchObject({ phase: "waiting", pending: 1 });
    await time.advance(2000, () => settled(engine));
    expect(engine.snapshot()).toMatchObject({ phase: "waiting", pending: 1 });
    // The duplicate answer proved the network works: the wait starts short again (2 s, not 4 s).
    expect(time.waiting()).toEqual([2000]);
    await time.advance(2000, () => settled(engine));
    expect(engine.snapshot()).toMatchObject({ phase: "idle", pending: 0, synced: 1 });
    expect(calls.filter((c) => !c.path.includes("heartbeat")).map((c) => `${c.path}:${c.status}`)).toEqual([
      "/api/v1/responses:lost",
      "/api/v1/responses:200",
      "/api/v1/visits:lost",
      "/api/v1/visits:200",
    ]);
    expect(await serverCounts(t)).toEqual({ responses: 1, visits: 1 });

    // Replaying the whole queue (a tablet restored from a backup) changes nothing on the server.
    const replay = await db.itemsOf("zhang");
    for (const item of replay) await db.putItem({ ...item, state: "pending", responseSyncedAt: null });
    const again = engineFor("zhang", appTransport(t, zhang).transport);
    await again.start();
    await settled(again);
    expect(again.snapshot()).toMatchObject({ pending: 0, synced: 1 });
    expect(await serverCounts(t)).toEqual({ responses: 1, visits: 1 });
  });

  it("moves 409 and 422 to 需处理 with the server's reason, keeps them, and goes on with the rest", async () => {
    const conflicting = visitItem("zhang", version, "refused");
    const res = await t.request("/api/v1/visits", {
      method: "POST",
      cookie: zhang.cookie,
      json: { ...conflicting.visit, household: "别的住户" },
    });
    expect(res.status).toBe(201);
    const invalid = visitItem("zhang", version, "completed", { answers: { age_band: "30_39", no_such_question: 1 } });
    const fine = visitItem("zhang", version, "vacant");

    const engine = engineFor("zhang", appTransport(t, zhang).transport);
    await engine.start();
    for (const item of [conflicting, invalid, fine]) await engine.enqueue(item);
    await settled(engine);
    const s = engine.snapshot();
    expect(s).toMatchObject({ phase: "idle", pending: 0, synced: 1, needsAttention: 2 });
    const byId = new Map((await db.itemsOf("zhang")).map((i) => [i.id, i]));
    expect(byId.get(conflicting.id)).toMatchObject({
      state: "needs_attention",
      problem: { part: "visit", status: 409, code: "id_conflict" },
    });
    const refused = byId.get(invalid.id)!;
    expect(refused).toMatchObject({ state: "needs_attention", problem: { part: "response", status: 422, code: "invalid_response" } });
    expect(refused.problem!.issues.length).toBeGreaterThan(0);
    expect(refused.problem!.message).toBeTruthy();
    expect(refused.response?.answers).toEqual({ age_band: "30_39", no_such_question: 1 });

    // A retry sends it again; still refused, still kept.
    await engine.retry(invalid.id);
    expect(engine.snapshot().needsAttention).toBe(2);
    expect((await db.getItem(invalid.id))?.attempts).toBe(2);
    expect((await db.deviceCounts()).needsAttention).toBe(2);
    expect(await serverCounts(t)).toEqual({ responses: 0, visits: 2 });
  });

  it("keeps the queue when the session expires offline (401) and syncs after the owner logs in again", async () => {
    const session = { cookie: zhang.cookie };
    const engine = engineFor("zhang", appTransport(t, session, () => "drop_request").transport);
    await engine.start();
    await engine.enqueue(visitItem("zhang", version, "completed"));
    await engine.enqueue(visitItem("zhang", version, "not_home"));
    expect(engine.snapshot()).toMatchObject({ phase: "waiting", pending: 2 });
    engine.stop();

    // Two days offline: the session passed its 24 h idle limit meanwhile.
    time.set(time.timers.now() + 49 * 3600_000);
    const back = engineFor("zhang", appTransport(t, session).transport);
    await back.start();
    await settled(back);
    expect(back.snapshot()).toMatchObject({ phase: "auth_required", pending: 2, synced: 0 });
    expect((await db.itemsOf("zhang")).every((i) => i.state === "pending")).toBe(true);
    expect(await serverCounts(t)).toEqual({ responses: 0, visits: 0 });
    await back.syncNow(); // does nothing without a session
    expect(back.snapshot().phase).toBe("auth_required");

    session.cookie = await t.login("zhang", "pass-word-1");
    const relogged = engineFor("zhang", appTransport(t, session).transport);
    await relogged.start();
    await settled(relogged);
    expect(relogged.snapshot()).toMatchObject({ phase: "idle", pending: 0, synced: 2 });
    expect(await serverCounts(t)).toEqual({ responses: 1, visits: 2 });
  });

  it("belongs to its author: another user's engine neither shows nor sends it", async () => {
    const mine = visitItem("zhang", version, "completed");
    await db.putItem(mine);
    const theirs = createSyncEngine({ store: db, owner: "li", transport: appTransport(t, li).transport, timers: time.timers });
    await theirs.start();
    await theirs.enqueue(visitItem("li", version, "refused"));
    await settled(theirs);
    expect(theirs.snapshot().items.map((i) => i.owner)).toEqual(["li"]);
    expect(theirs.snapshot()).toMatchObject({ pending: 0, synced: 1 });
    await expect(theirs.enqueue(visitItem("zhang", version, "refused"))).rejects.toThrow(/zhang/);
    expect((await db.getItem(mine.id))?.state).toBe("pending");
    expect(await serverCounts(t)).toEqual({ responses: 0, visits: 1 });

    const own = engineFor("zhang", appTransport(t, zhang).transport);
    await own.start();
    await settled(own);
    expect(own.snapshot()).toMatchObject({ pending: 0, synced: 1 });
    const rows = await t.client.execute("select interviewer from visits order by interviewer");
    expect(rows.rows.map((r) => r.interviewer)).toEqual(["li", "zhang"]);
  });

  it("survives a restart: items written before a reload are found and sent by a new engine", async () => {
    const offline = engineFor("zhang", appTransport(t, zhang, () => "drop_request").transport);
    await offline.start();
    for (let i = 0; i < 4; i++) await offline.enqueue(visitItem("zhang", version, i % 2 ? "completed" : "refused"));
    offline.stop();
    db.close();
    db = await openInterviewDb(`test-${dbSeq}`);
    expect((await db.itemsOf("zhang")).map((i) => i.state)).toEqual(["pending", "pending", "pending", "pending"]);
    const online = engineFor("zhang", appTransport(t, zhang).transport);
    await online.start();
    await settled(online);
    expect(online.snapshot()).toMatchObject({ pending: 0, synced: 4 });
    expect(await serverCounts(t)).toEqual({ responses: 2, visits: 4 });
  });
});
