import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openInterviewDb, type InterviewDb } from "../../../web/features/interview/lib/interview-db";
import type { LocalDoor, RegisterAnswer, RegisterCopy } from "../../../web/features/interview/lib/register-copy";
import { revisitList, tabletDoors, timeOfDay } from "../../../web/features/interview/lib/revisits";
import { createSyncEngine, type SyncEngine } from "../../../web/features/interview/sync/sync-engine";
import type { QueueItem } from "../../../web/features/interview/sync/types";
import { createTestApp, type TestApp } from "../../helpers/test-app";
import { appTransport, COMMUNITY, fakeTime, visitItem } from "./sync-fixtures";

const SUB = "500104001000";
let t: TestApp;
let time: ReturnType<typeof fakeTime>;
let dbs: InterviewDb[] = [];
let seq = 0;
let version: number;
const zhang = { cookie: "" };
const li = { cookie: "" };
let office = "";

beforeEach(async () => {
  time = fakeTime(Date.parse("2026-11-20T01:00:00Z"));
  t = await createTestApp({ clock: time.clock });
  const admin = await t.login();
  office = await t.createUser(admin, { username: "office1", password: "pass-word-1", role: "office", scope: SUB });
  zhang.cookie = await t.createUser(admin, { username: "zhang", password: "pass-word-1", role: "interviewer", scope: SUB });
  li.cookie = await t.createUser(admin, { username: "li", password: "pass-word-1", role: "interviewer", scope: SUB });
  version = ((await (await t.request("/api/v1/surveys/resident")).json()) as { version: number }).version;
  const csv = `unit_code,kind,building,unit,room\n${COMMUNITY},household,3,2,301\n${COMMUNITY},household,3,2,302\n`;
  const res = await t.request("/api/v1/register/import", {
    method: "POST",
    body: csv,
    cookie: office,
    headers: { "content-type": "text/csv" },
  });
  expect(res.status).toBe(200);
}, 60_000);
afterEach(() => {
  for (const db of dbs) db.close();
  dbs = [];
  t.close();
});

async function openDb() {
  const db = await openInterviewDb(`register-${++seq}`);
  dbs.push(db);
  return db;
}

/** What loadRegister keeps under its catalog key: the server's answer and when it was read. */
async function copyFromServer(cookie: string): Promise<RegisterCopy> {
  const res = await t.request(`/api/v1/register?unit=${COMMUNITY}`, { cookie });
  expect(res.status).toBe(200);
  return { ...((await res.json()) as RegisterAnswer), fetchedAt: new Date(time.timers.now()).toISOString() };
}

async function settled(engine: SyncEngine) {
  for (let i = 0; i < 2000 && engine.snapshot().phase === "syncing"; i++) await new Promise((r) => setTimeout(r, 2));
}

/** A visit at a register door at a given time, recorded then (its queue item is made then too). */
function doorVisit(
  owner: string,
  outcome: "not_home" | "refused",
  at: string,
  door: { id: string; newDoor?: LocalDoor["newDoor"] },
  deviceId: string,
): QueueItem {
  const item = visitItem(owner, version, outcome, { now: new Date(at) });
  return { ...item, visit: { ...item.visit, visitedAt: at, deviceId, registerEntryId: door.id, newDoor: door.newDoor ?? null } };
}

describe("register on the tablet, offline and synced", () => {
  it("a day offline with the register, a new door and revisits; two tablets at one door; then sync", async () => {
    const zdb = await openDb();
    const ldb = await openDb();
    const zCopy = await copyFromServer(zhang.cookie);
    const door301 = zCopy.entries.find((e) => e.label === "3栋2单元301")!;
    expect(zCopy.attemptLimit).toBe(3);

    // Offline from here: nothing reaches the server until `online` is set.
    let online = false;
    const offlineRule = (): "ok" | "drop_request" => (online ? "ok" : "drop_request");
    const z = appTransport(t, zhang, offlineRule);
    const l = appTransport(t, li, offlineRule);
    const engines = [
      createSyncEngine({ store: zdb, owner: "zhang", transport: z.transport, timers: time.timers, random: () => 0.5 }),
      createSyncEngine({ store: ldb, owner: "li", transport: l.transport, timers: time.timers, random: () => 0.5 }),
    ];
    for (const e of engines) await e.start();

    // 张: 301 not home in the morning (09:30 Shanghai); a new door found, not home, then refused at the revisit.
    const newDoor: LocalDoor = {
      id: randomUUID(),
      kind: "household",
      label: "9栋1单元101",
      newDoor: { kind: "household", address: "9栋1单元101" },
      createdAt: "2026-11-20T01:40:00Z",
    };
    time.set(Date.parse("2026-11-20T01:45:00Z"));
    const zItems = [
      doorVisit("zhang", "not_home", "2026-11-20T01:30:00Z", door301, "tablet-1"),
      doorVisit("zhang", "not_home", "2026-11-20T01:40:00Z", newDoor, "tablet-1"),
      doorVisit("zhang", "refused", "2026-11-20T07:10:00Z", newDoor, "tablet-1"),
    ];
    for (const item of zItems) await engines[0]!.enqueue(item);
    // 李, on another tablet, also finds nobody at 301 in the evening (18:20 Shanghai).
    await engines[1]!.enqueue(doorVisit("li", "not_home", "2026-11-20T10:20:00Z", { id: door301.id }, "tablet-2"));

    // Offline, 张's tablet folds its own visits into the copy: 301 is on 待回访, the new door is final.
    const zDoors = tabletDoors(zCopy, [newDoor], engines[0]!.snapshot().items);
    expect(zDoors.find((d) => d.id === door301.id)).toMatchObject({
      attempts: 1,
      disposition: "revisit",
      lastVisitedAt: "2026-11-20T01:30:00Z",
    });
    expect(zDoors.find((d) => d.id === newDoor.id)).toMatchObject({ source: "field", attempts: 2, disposition: "refusal" });
    expect(revisitList(zDoors).map((d) => d.label)).toEqual(["3栋2单元301"]);
    expect(timeOfDay("2026-11-20T01:30:00Z")).toBe("morning");
    expect(engines[0]!.snapshot().pending).toBe(3);
    expect((await t.client.execute("select count(*) as n from visits")).rows[0]!.n).toBe(0);

    // Back online: both tablets sync; every visit kept, each door counted once.
    online = true;
    for (const e of engines) {
      await e.syncNow();
      await settled(e);
      expect(e.snapshot()).toMatchObject({ pending: 0, needsAttention: 0 });
    }
    const visits = await t.client.execute("select register_entry_id, device_id from visits order by visited_at");
    expect(visits.rows.map((r) => r.register_entry_id)).toEqual([door301.id, newDoor.id, newDoor.id, door301.id]);

    const fresh = await copyFromServer(zhang.cookie);
    expect(fresh.entries.find((e) => e.id === door301.id)).toMatchObject({
      attempts: 2,
      disposition: "revisit",
      lastVisitedAt: "2026-11-20T10:20:00.000Z",
    });
    expect(fresh.entries.find((e) => e.id === newDoor.id)).toMatchObject({
      source: "field",
      createdBy: "zhang",
      attempts: 2,
      aaporCode: "2.11",
    });
    // After the refresh the tablet's own visits are in the server's counts, not added again.
    const after = tabletDoors(fresh, [], engines[0]!.snapshot().items);
    const revisit = revisitList(after);
    expect(revisit.map((d) => [d.label, d.attempts])).toEqual([["3栋2单元301", 2]]);
    expect(timeOfDay(revisit[0]!.lastVisitedAt!)).toBe("evening");

    const coverage = await t.request(`/api/v1/register/coverage?unit=${COMMUNITY}`, { cookie: office });
    const row = ((await coverage.json()) as { rows: { household: { entries: number; visited: number; fieldAdded: number } }[] }).rows[0]!;
    expect(row.household).toMatchObject({ entries: 3, visited: 2, fieldAdded: 1 });
  }, 60_000);
});
