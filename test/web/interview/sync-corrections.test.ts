/**
 * What the tablet lets an interviewer take back, against the real app: a new visit is held for
 * its undo window and can be undone or corrected in place (same client id) until it is sent; a
 * refused visit the server never stored can be corrected and resent; any refused item can be
 * discarded with a reason, which the server audits before the tablet lets go of it; confirmed
 * records beyond the newest 50 become per-day counts, never counted twice.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openInterviewDb, type InterviewDb } from "../../../web/features/interview/lib/interview-db";
import { createSyncEngine, type SyncEngine } from "../../../web/features/interview/sync/sync-engine";
import { dayCounts, KEEP_SYNCED, shanghaiDay } from "../../../web/features/interview/sync/synced-summary";
import type { Transport } from "../../../web/features/interview/sync/transport";
import type { QueueItem } from "../../../web/features/interview/sync/types";
import { createTestApp, type TestApp } from "../../helpers/test-app";
import { appTransport, fakeTime, serverCounts, visitItem } from "./sync-fixtures";

const SUB = "500104001000";
const HOLD_MS = 8_000;
let t: TestApp;
let time: ReturnType<typeof fakeTime>;
let db: InterviewDb;
let version: number;
let dbSeq = 0;
const zhang = { cookie: "" };

beforeEach(async () => {
  time = fakeTime();
  t = await createTestApp({ clock: time.clock });
  const admin = await t.login();
  zhang.cookie = await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: SUB });
  version = ((await (await t.request("/api/v1/surveys/resident")).json()) as { version: number }).version;
  db = await openInterviewDb(`corrections-${++dbSeq}`);
});
afterEach(() => {
  db.close();
  t.close();
});

async function settled(engine: SyncEngine) {
  for (let i = 0; i < 2000 && engine.snapshot().phase === "syncing"; i++) await new Promise((r) => setTimeout(r, 2));
}

function engineFor(transport: Transport) {
  return createSyncEngine({ store: db, owner: "zhang", transport, timers: time.timers, random: () => 0.5 });
}

async function storedVisit(id: string) {
  const r = await t.client.execute({ sql: "select household, outcome from visits where id = ?", args: [id] });
  return r.rows[0] ? { household: r.rows[0].household, outcome: r.rows[0].outcome } : null;
}

describe("undo and correction of unsent visits", () => {
  it("holds a new visit for its undo window; an undo then leaves nothing on the tablet or the server", async () => {
    const { transport, calls } = appTransport(t, zhang);
    const engine = engineFor(transport);
    await engine.start();
    const item = visitItem("zhang", version, "refused");
    await engine.enqueue(item, false, { holdMs: HOLD_MS });
    await settled(engine);
    expect(calls.filter((c) => c.path === "/api/v1/visits")).toEqual([]);
    expect(engine.snapshot().pending).toBe(1);

    expect(await engine.undo(item.id)).toBe(true);
    await time.advance(HOLD_MS * 2, () => settled(engine));
    expect(engine.snapshot()).toMatchObject({ pending: 0, synced: 0 });
    expect(await db.itemsOf("zhang")).toEqual([]);
    expect(await serverCounts(t)).toEqual({ responses: 0, visits: 0 });
  });

  it("sends a held visit once its window ends, after which it can no longer be undone", async () => {
    const { transport } = appTransport(t, zhang);
    const engine = engineFor(transport);
    await engine.start();
    const item = visitItem("zhang", version, "not_home");
    await engine.enqueue(item, false, { holdMs: HOLD_MS });
    await time.advance(HOLD_MS, () => settled(engine));
    await settled(engine);
    expect(engine.snapshot()).toMatchObject({ pending: 0, synced: 1 });
    expect(await engine.undo(item.id)).toBe(false);
    expect(await engine.correct(item.id, { outcome: "refused" })).toBe(false);
    expect(await storedVisit(item.id)).toEqual({ household: item.visit.household, outcome: "not_home" });
  });

  it("corrects a held visit's outcome and household in place: the server gets the corrected visit under the same id", async () => {
    const { transport, calls } = appTransport(t, zhang);
    const engine = engineFor(transport);
    await engine.start();
    const item = visitItem("zhang", version, "refused", { household: "3栋501" });
    await engine.enqueue(item, false, { holdMs: HOLD_MS });
    expect(await engine.correct(item.id, { outcome: "not_home", household: " 3栋502 " })).toBe(true);
    await time.advance(HOLD_MS, () => settled(engine));
    await settled(engine);
    expect(await storedVisit(item.id)).toEqual({ household: "3栋502", outcome: "not_home" });
    expect(calls.filter((c) => c.path === "/api/v1/visits")).toEqual([{ path: "/api/v1/visits", status: 201 }]);
    expect(await serverCounts(t)).toEqual({ responses: 0, visits: 1 });
  });

  it("never undoes an interview, and never changes an interview's outcome", async () => {
    const engine = engineFor(async () => {
      throw new Error("offline");
    });
    await engine.start();
    const interview = visitItem("zhang", version, "completed");
    await engine.enqueue(interview);
    expect(await engine.undo(interview.id)).toBe(false);
    expect(await engine.correct(interview.id, { outcome: "refused" })).toBe(false);
    expect((await db.getItem(interview.id))?.visit.outcome).toBe("completed");
  });
});

describe("需处理: correct or discard", () => {
  it("resends a refused visit the server never stored, corrected, under the same id", async () => {
    const { transport } = appTransport(t, zhang);
    const engine = engineFor(transport);
    await engine.start();
    // A blank household label the server refuses (422): nothing stored under this id.
    const item = visitItem("zhang", version, "refused", { household: "   " });
    await engine.enqueue(item);
    await settled(engine);
    expect(engine.snapshot().needsAttention).toBe(1);
    expect(await serverCounts(t)).toEqual({ responses: 0, visits: 0 });

    expect(await engine.correct(item.id, { household: "7栋101" })).toBe(true);
    await settled(engine);
    expect(engine.snapshot()).toMatchObject({ needsAttention: 0, pending: 0, synced: 1 });
    expect(await storedVisit(item.id)).toEqual({ household: "7栋101", outcome: "refused" });
  });

  it("offers only a discard for a 409 (the id is taken), and lets go of the item only once the server audited it", async () => {
    const conflicting = visitItem("zhang", version, "refused");
    const res = await t.request("/api/v1/visits", {
      method: "POST",
      cookie: zhang.cookie,
      json: { ...conflicting.visit, household: "别的住户" },
    });
    expect(res.status).toBe(201);
    let offline = false;
    const real = appTransport(t, zhang).transport;
    const engine = engineFor(async (path, body) => {
      if (offline) throw new Error("offline");
      return real(path, body);
    });
    await engine.start();
    await engine.enqueue(conflicting);
    await settled(engine);
    expect(engine.snapshot().needsAttention).toBe(1);
    expect(await engine.correct(conflicting.id, { household: "改过的" })).toBe(false);

    offline = true;
    expect(await engine.discard(conflicting.id, "与已上传的记录重复")).toEqual({ kind: "offline" });
    expect((await db.getItem(conflicting.id))?.state).toBe("needs_attention");

    offline = false;
    expect(await engine.discard(conflicting.id, "与已上传的记录重复")).toEqual({ kind: "discarded" });
    expect(await db.getItem(conflicting.id)).toBeUndefined();
    expect(engine.snapshot()).toMatchObject({ needsAttention: 0, synced: 0 });
    const audit = await t.client.execute("select actor, target, after from audit_log where action = 'field.discard'");
    expect(audit.rows.map((r) => [r.actor, r.target, JSON.parse(String(r.after)).reason])).toEqual([
      ["zhang", conflicting.id, "与已上传的记录重复"],
    ]);
    // The server still holds its own visit under that id, once.
    expect(await serverCounts(t)).toEqual({ responses: 0, visits: 1 });
  });

  it("refuses a discard without a reason and keeps the item", async () => {
    const item = visitItem("zhang", version, "vacant", { household: " " });
    const engine = engineFor(appTransport(t, zhang).transport);
    await engine.start();
    await engine.enqueue(item);
    await settled(engine);
    const result = await engine.discard(item.id, " ");
    expect(result.kind).toBe("refused");
    expect((await db.getItem(item.id))?.state).toBe("needs_attention");
  });
});

describe("pruning confirmed records", () => {
  function confirmed(i: number): QueueItem {
    const at = new Date(Date.parse("2026-11-20T01:00:00Z") - i * 30 * 60_000);
    const item = visitItem("zhang", version, i % 2 ? "refused" : "not_home", { now: at });
    return { ...item, state: "done", syncedAt: at.toISOString(), visit: { ...item.visit, visitedAt: at.toISOString() } };
  }

  it("keeps the newest 50 confirmed records and every unsent or refused one; the rest become counts, each once", async () => {
    const done = Array.from({ length: 130 }, (_, i) => confirmed(i));
    const waiting = { ...visitItem("zhang", version, "vacant", { now: new Date("2026-10-01T02:00:00Z") }) };
    const refused: QueueItem = { ...visitItem("zhang", version, "refused"), state: "needs_attention" };
    for (const item of [...done, waiting, refused]) await db.putItem(item);
    const before = dayCounts({ days: {} }, [...done, waiting, refused], shanghaiDay(done[0]!.visit.visitedAt));

    const engine = engineFor(async () => {
      throw new Error("offline");
    });
    await engine.start();
    const kept = await db.itemsOf("zhang");
    expect(kept).toHaveLength(KEEP_SYNCED + 2);
    expect(kept.map((i) => i.id)).toEqual(expect.arrayContaining([waiting.id, refused.id, ...done.slice(0, KEEP_SYNCED).map((i) => i.id)]));
    const s = engine.snapshot();
    expect(s).toMatchObject({ synced: 130, pending: 1, needsAttention: 1 });
    expect(s.items).toHaveLength(KEEP_SYNCED + 2);
    // 今日 N is the same before and after: every visit in exactly one of records or counts.
    expect(dayCounts(s.summary, s.items, shanghaiDay(done[0]!.visit.visitedAt))).toEqual(before);

    // A second start prunes nothing more and counts nothing twice.
    engine.stop();
    const again = engineFor(async () => {
      throw new Error("offline");
    });
    await again.start();
    expect(again.snapshot().synced).toBe(130);
    expect(await db.itemsOf("zhang")).toHaveLength(KEEP_SYNCED + 2);
  });

  it("prunes after a pass confirms new visits, leaving the server's counts as they are", async () => {
    const { transport } = appTransport(t, zhang);
    const engine = engineFor(transport);
    await engine.start();
    for (let i = 0; i < KEEP_SYNCED + 5; i++)
      await engine.enqueue(visitItem("zhang", version, "refused", { now: new Date(Date.parse("2026-11-20T01:00:00Z") + i * 1000) }));
    await settled(engine);
    expect(engine.snapshot()).toMatchObject({ synced: KEEP_SYNCED + 5, pending: 0 });
    expect(await db.itemsOf("zhang")).toHaveLength(KEEP_SYNCED);
    expect(await serverCounts(t)).toEqual({ responses: 0, visits: KEEP_SYNCED + 5 });
  });
});
